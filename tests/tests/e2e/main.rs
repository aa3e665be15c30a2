//! The end-to-end tests, in one binary: the real server over HTTP on SQLite and PostgreSQL, the
//! command-line tool as a real process, and live updates over WebSocket.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod audit;
mod auth;
mod budget;
mod clerk;
mod cli;
mod committees;
mod contests;
mod corrections;
mod edges;
mod evaluation_files;
mod fixtures;
mod fuzz;
mod hardening;
mod http;
mod i18n;
mod member_registry;
mod migrations;
mod order_classes;
mod people;
mod placements;
mod plan;
mod readme;
mod registry_writes;
mod rules_documents;
mod scale;
mod schema;
mod startup;
mod subscriptions;
mod telemetry;
mod training;
