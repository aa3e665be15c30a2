//! The access log and the request metrics, and `GET /metrics`.
//!
//! One line per request at INFO (target `access`): method, path (never the query string, which
//! may carry variables), status, latency in milliseconds, request id, and for GraphQL requests
//! the operation's name, its cost and its outcome. Never variables, tokens or personal data.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;

/// What the GraphQL handler tells the access log about a request it executed.
#[derive(Debug, Clone)]
pub struct GraphqlOutcome {
    /// The operation's name (none for an anonymous operation, or one refused before parsing).
    pub operation: Option<String>,
    /// Its cost, once validated.
    pub cost: Option<usize>,
    /// `ok`, `error`, `rejected` or `unavailable` (see [`crate::metrics`]).
    pub outcome: &'static str,
}

/// Middleware: logs each request once it is answered and records its metrics.
pub async fn log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().chars().take(256).collect::<String>();
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .chars()
        .take(64)
        .collect::<String>();
    let response = next.run(request).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    crate::metrics::http_response(status);
    let latency_ms = elapsed.as_secs_f64() * 1000.0;
    let graphql = response.extensions().get::<GraphqlOutcome>();
    let operation = graphql.map(|g| crate::metrics::operation_label(g.operation.as_deref()));
    if let Some(name) = graphql.and_then(|g| g.operation.as_deref()) {
        // On the request's span (this runs inside it), for the exported trace.
        tracing::Span::current().record("graphql.operation.name", name);
    }
    tracing::info!(
        target: "access",
        %method,
        path,
        status,
        latency_ms = (latency_ms * 10.0).round() / 10.0,
        request_id,
        operation,
        cost = graphql.and_then(|g| g.cost),
        outcome = graphql.map(|g| g.outcome),
        "request"
    );
    if let (Some(g), Some(operation)) = (graphql, operation) {
        crate::metrics::graphql_request(operation, g.outcome, elapsed.as_secs_f64());
    }
    response
}

/// `GET /metrics`: the Prometheus text exposition (404 when `METRICS` is off).
pub(super) async fn metrics(State(state): State<AppState>) -> Response {
    if !state.metrics {
        return (StatusCode::NOT_FOUND, "metrics are off").into_response();
    }
    let Some(handle) = crate::metrics::handle() else {
        return (StatusCode::NOT_FOUND, "metrics are recorded elsewhere").into_response();
    };
    crate::metrics::scrape_time(&state.db, state.statements.get());
    handle.run_upkeep();
    let mut r = handle.render().into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    r
}
