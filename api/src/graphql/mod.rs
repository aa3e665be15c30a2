//! The GraphQL API: schema, objects, queries, mutations, loaders, guards and errors, shaped by
//! `API-CONVENTIONS.md`.

pub mod connection;
pub mod document;
pub mod error;
pub mod extension;
pub mod guard;
pub mod id;
pub mod input;
pub mod loader;
pub mod mutation;
pub mod object;
pub mod query;
pub mod schema;
pub mod subscription;

pub use query::CurrentAccount;
pub use schema::{AppSchema, SchemaLimits};
