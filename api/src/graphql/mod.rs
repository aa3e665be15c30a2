//! The GraphQL API: schema, objects, queries, mutations, loaders, guards and errors, shaped by
//! `docs/api-conventions.md`.

pub mod connection;
pub mod document;
pub mod edge;
pub mod error;
pub mod extension;
pub mod guard;
pub mod id;
pub mod input;
pub mod loader;
pub mod mutation;
pub mod object;
pub mod parsed;
pub mod query;
pub mod reads;
pub mod scalar;
pub mod schema;
pub mod subscription;

pub use query::CurrentAccount;

/// The address of the client a request came from (the TCP peer), for per-address throttling of
/// logins. Never logged with personal data.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress(pub std::net::IpAddr);
pub use schema::{AppSchema, SchemaLimits};
