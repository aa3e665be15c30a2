//! Prometheus metrics (`GET /metrics`, text exposition format), recorded with the `metrics` crate
//! and rendered by `metrics-exporter-prometheus`.
//!
//! | metric | kind | labels | what |
//! |---|---|---|---|
//! | `alliance_graphql_requests_total` | counter | `operation`, `outcome` | GraphQL requests over HTTP |
//! | `alliance_graphql_request_duration_seconds` | histogram | `operation`, `outcome` | their latency, seconds |
//! | `alliance_http_responses_total` | counter | `status` | every HTTP response, by status class (`2xx` … `5xx`) |
//! | `alliance_db_pool_connections` | gauge | `state` (`in_use`, `idle`) | the instance's database pool |
//! | `alliance_db_statements_total` | counter | — | SQL statements run by this instance |
//! | `alliance_subscriptions_open` | gauge | — | GraphQL subscriptions running over WebSockets |
//! | `alliance_websockets_open` | gauge | — | open WebSockets past `connection_init` |
//! | `alliance_import_rows_total` | counter | `kind` (`students`, `placements`), `result` (`inserted`, `updated`, `unchanged`) | rows of completed imports |
//!
//! `operation` is the operation's name as the document gives it (`-` for an anonymous one). The
//! client chooses it, so at most [`MAX_OPERATION_LABELS`] distinct names are kept per process;
//! later new names count as `other`, which bounds the exporter's memory. `outcome` is `ok`,
//! `error` (a top-level error during execution), `rejected` (refused before execution: parse,
//! validation, limits), `unavailable` (the database is away).
//!
//! The recorder is global to the process; the first [`handle`] call installs it.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

/// Most distinct operation names kept as label values; the rest count as `other`.
pub const MAX_OPERATION_LABELS: usize = 256;

/// Latency buckets of the request histogram, seconds.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
static OPERATIONS: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();

/// The process's Prometheus handle, installing the recorder on first use; `None` if another
/// recorder was installed first (then nothing is recorded here).
pub fn handle() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets(LATENCY_BUCKETS)
                .ok()?
                .build_recorder();
            let handle = recorder.handle();
            metrics::set_global_recorder(recorder).ok()?;
            describe();
            Some(handle)
        })
        .as_ref()
}

fn describe() {
    metrics::describe_counter!(
        "alliance_graphql_requests_total",
        "GraphQL requests over HTTP, by operation name and outcome"
    );
    metrics::describe_histogram!(
        "alliance_graphql_request_duration_seconds",
        metrics::Unit::Seconds,
        "Latency of GraphQL requests over HTTP"
    );
    metrics::describe_counter!(
        "alliance_http_responses_total",
        "HTTP responses by status class"
    );
    metrics::describe_gauge!(
        "alliance_db_pool_connections",
        "Connections of this instance's database pool, in use and idle"
    );
    metrics::describe_counter!(
        "alliance_db_statements_total",
        "SQL statements run by this instance"
    );
    metrics::describe_gauge!(
        "alliance_subscriptions_open",
        "GraphQL subscriptions running over WebSockets"
    );
    metrics::describe_gauge!(
        "alliance_websockets_open",
        "Open WebSockets past connection_init"
    );
    metrics::describe_counter!(
        "alliance_import_rows_total",
        "Rows of completed imports, by kind and result"
    );
}

/// The label value for operation `name`: the name itself while fewer than
/// [`MAX_OPERATION_LABELS`] are known, else `other`.
pub fn operation_label(name: Option<&str>) -> String {
    let Some(name) = name.filter(|n| !n.is_empty()) else {
        return "-".to_owned();
    };
    let mut known = OPERATIONS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if known.contains(name) {
        return name.to_owned();
    }
    if known.len() < MAX_OPERATION_LABELS {
        known.insert(name.to_owned());
        return name.to_owned();
    }
    "other".to_owned()
}

/// Records one GraphQL request.
pub fn graphql_request(operation: String, outcome: &'static str, seconds: f64) {
    metrics::counter!("alliance_graphql_requests_total", "operation" => operation.clone(), "outcome" => outcome)
        .increment(1);
    metrics::histogram!("alliance_graphql_request_duration_seconds", "operation" => operation, "outcome" => outcome)
        .record(seconds);
}

/// Records one HTTP response by its status class.
pub fn http_response(status: u16) {
    let class = match status {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    };
    metrics::counter!("alliance_http_responses_total", "status" => class).increment(1);
}

/// One more (or, with a negative `delta`, fewer) subscriptions running.
pub fn subscriptions_open(delta: f64) {
    metrics::gauge!("alliance_subscriptions_open").increment(delta);
}

/// One more (or, with a negative `delta`, fewer) open WebSockets.
pub fn websockets_open(delta: f64) {
    metrics::gauge!("alliance_websockets_open").increment(delta);
}

/// Rows of one completed import of `kind` (`students` or `placements`).
pub fn import_rows(kind: &'static str, inserted: u64, updated: u64, unchanged: u64) {
    for (result, n) in [
        ("inserted", inserted),
        ("updated", updated),
        ("unchanged", unchanged),
    ] {
        metrics::counter!("alliance_import_rows_total", "kind" => kind, "result" => result)
            .increment(n);
    }
}

/// Sets the gauges read at scrape time: the pool's connections and the statement count.
pub fn scrape_time(db: &sea_orm::DatabaseConnection, statements: u64) {
    let (size, idle) = pool_use(db);
    metrics::gauge!("alliance_db_pool_connections", "state" => "in_use")
        .set(f64::from(size.saturating_sub(idle)));
    metrics::gauge!("alliance_db_pool_connections", "state" => "idle").set(f64::from(idle));
    metrics::counter!("alliance_db_statements_total").absolute(statements);
}

/// The pool's open connections and how many of them are idle.
fn pool_use(db: &sea_orm::DatabaseConnection) -> (u32, u32) {
    match &db.inner {
        sea_orm::DatabaseConnectionType::SqlxPostgresPoolConnection(_) => {
            let pool = db.get_postgres_connection_pool();
            (
                pool.size(),
                u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
            )
        }
        sea_orm::DatabaseConnectionType::SqlxSqlitePoolConnection(_) => {
            let pool = db.get_sqlite_connection_pool();
            (
                pool.size(),
                u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
            )
        }
        _ => (0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_labels_are_bounded() {
        assert_eq!(operation_label(None), "-");
        assert_eq!(operation_label(Some("")), "-");
        for i in 0..MAX_OPERATION_LABELS + 10 {
            let name = format!("Op{i}");
            let label = operation_label(Some(&name));
            assert!(label == name || label == "other");
        }
        assert_eq!(operation_label(Some("NeverSeenBefore")), "other");
        assert_eq!(operation_label(Some("Op0")), "Op0");
    }
}
