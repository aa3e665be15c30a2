//! The GraphQL API server of the Weihai Technical Education Group (Alliance),
//! 威海市技工教育集团（联盟）: its member registry, committees and accounts.
//!
//! `Application::build(config)` connects, migrates, seeds and binds; `run_until_stopped` serves.
//! Domain logic that is not GraphQL lives in plain modules ([`registry`], [`accounts`], [`uscc`]).

pub mod accounts;
pub mod actor;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod committees;
pub mod config;
pub mod db;
pub mod error;
pub mod events;
#[cfg(test)]
mod fixtures;
pub mod global_id;
pub mod graphql;
pub mod http;
pub mod i18n;
pub mod limits;
pub mod metrics;
pub mod national_id;
pub mod order_class;
pub mod people;
pub mod placement;
pub mod plan;
pub mod read_records;
pub mod registry;
pub mod row_cache;
pub mod rows;
pub mod spreadsheet;
pub mod startup;
pub mod synthetic;
pub mod telemetry;
pub mod text;
pub mod uscc;

pub use config::Config;
pub use startup::Application;
