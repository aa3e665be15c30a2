//! The HTTP layer (`docs/api-conventions.md`, HTTP, GraphQL-over-HTTP):
//!
//! - `POST /graphql` with `Content-Type: application/json` runs a query or mutation (one operation
//!   per request; a JSON array — a batch — is refused with 400).
//! - `GET /graphql?query=…` runs a query; a mutation over GET is refused with 405. Without a query,
//!   and with GraphiQL switched on, it serves GraphiQL, whose files come from the binary
//!   (`GET /graphiql/{file}`; see [`graphiql`]): no CDN, so it works offline.
//! - Responses are `application/graphql-response+json` when the client accepts it (then a request
//!   that fails to parse or validate is HTTP 400), else `application/json` with HTTP 200.
//! - An invalid, expired or revoked bearer token is HTTP 401 with a GraphQL error whose
//!   `extensions.code` is `UNAUTHENTICATED`; no token at all is an anonymous caller.
//! - `GET /graphql/ws` upgrades to a WebSocket for subscriptions (graphql-transport-ws, and the
//!   older graphql-ws). The `connection_init` payload carries the token as
//!   `{"Authorization": "Bearer <token>"}` (or `{"token": "<token>"}`); a missing or invalid token
//!   closes the connection with code 4403. Without `connection_init` within 10 s the socket closes
//!   with 4408; when the account is disabled or the token expires, with 4403; on shutdown, with
//!   1001. A socket runs at most 20 subscriptions, an account holds at most 10 sockets (4429).
//! - `POST /graphql` with `multipart/form-data` follows the GraphQL multipart request spec (file
//!   uploads for `importStudents` / `importPlacements`; one file, at most `UPLOAD_LIMIT_BYTES`;
//!   a bearer token is required, and `operations` and `map` are held to `BODY_LIMIT_BYTES`).
//! - `GET /templates/placements.xlsx`, `GET /templates/students.xlsx`: import templates.
//! - `GET /exports/placements.xlsx?statuses=ACTIVE,PLANNED&startYear=2026&search=…`: the
//!   placements the bearer token may read, in the template's layout (so an export re-imports).
//! - `GET /healthz`: the process is up. `GET /readyz`: the database answers.

mod access;
pub mod evaluation;
mod exports;
mod graphiql;
mod graphql;
mod templates;
mod ws;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use entity::account;
use sea_orm::DatabaseConnection;
use serde_json::json;

use crate::auth::{TokenError, TokenService};
use crate::graphql::AppSchema;
use crate::graphql::error::ErrorCode;
use crate::i18n::{Locale, Message};
use crate::msg;
use exports::export_placements;
use graphql::{graphql_get, graphql_post};
use templates::template;
use ws::graphql_ws;

/// Shared state of the HTTP handlers.
#[derive(Clone)]
pub struct AppState {
    /// The checked schema, with its extensions (with the database and token service as data):
    /// it checks every request, and runs mutations, subscriptions and persisted queries
    /// ([`crate::graphql::schema::builder`]).
    pub schema: AppSchema,
    /// The plain schema, without extensions and with the same data: it runs the queries the
    /// checked schema has checked ([`crate::graphql::schema::plain_builder`]).
    pub plain: AppSchema,
    /// The database pool.
    pub db: DatabaseConnection,
    /// Issues and checks tokens.
    pub tokens: TokenService,
    /// Whether `GET /graphql` serves GraphiQL.
    pub graphiql: bool,
    /// Largest JSON body, bytes.
    pub body_limit: usize,
    /// Largest uploaded file, bytes.
    pub upload_limit: usize,
    /// The server's stop signal and its open connections.
    pub shutdown: crate::startup::Shutdown,
    /// Whether `GET /metrics` answers.
    pub metrics: bool,
    /// The instance's SQL statement counter (reported at `/metrics`).
    pub statements: crate::db::StatementCounter,
    /// Open WebSockets per account (at most `MAX_SOCKETS_PER_ACCOUNT` each).
    pub sockets: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<uuid::Uuid, usize>>>,
    /// Language of messages when a request's `Accept-Language` names neither of ours.
    pub default_locale: Locale,
    /// The instance's cached accounts and member units ([`crate::row_cache`]).
    pub caches: crate::row_cache::Caches,
    /// Writes the records of reads of personal data, concurrent requests' together
    /// ([`crate::read_records`]).
    pub reads: crate::read_records::ReadRecorder,
    /// The documents this instance parsed, by their text ([`crate::graphql::parsed`]).
    pub documents: crate::graphql::parsed::ParsedDocuments,
}

impl AppState {
    /// The language a request's `Accept-Language` asks for ([`Locale::negotiate`]).
    fn locale(&self, headers: &HeaderMap) -> Locale {
        Locale::negotiate(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
            self.default_locale,
        )
    }

    /// Counts one more WebSocket of `account`; false (and nothing counted) when it holds
    /// [`ws::MAX_SOCKETS_PER_ACCOUNT`] already.
    fn count_socket(&self, account: uuid::Uuid) -> bool {
        let mut sockets = self.sockets.lock().unwrap_or_else(|p| p.into_inner());
        let open = sockets.entry(account).or_insert(0);
        if *open >= ws::MAX_SOCKETS_PER_ACCOUNT {
            return false;
        }
        *open += 1;
        crate::metrics::websockets_open(1.0);
        true
    }

    /// Counts one WebSocket of `account` less.
    fn uncount_socket(&self, account: uuid::Uuid) {
        let mut sockets = self.sockets.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(open) = sockets.get_mut(&account) {
            crate::metrics::websockets_open(-1.0);
            *open = open.saturating_sub(1);
            if *open == 0 {
                sockets.remove(&account);
            }
        }
    }
}

/// How long `/readyz` waits for the database before it answers 503.
const READY_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(800);

/// Seconds a client should wait before retrying when the database is unavailable.
const RETRY_AFTER_SECONDS: &str = "2";

async fn readyz(State(state): State<AppState>) -> Response {
    match tokio::time::timeout(READY_TIMEOUT, state.db.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ready").into_response(),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness check failed");
            unavailable_text()
        }
        Err(_) => {
            tracing::warn!("readiness check timed out");
            unavailable_text()
        }
    }
}

fn unavailable_text() -> Response {
    let mut r = (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response();
    r.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_static(RETRY_AFTER_SECONDS),
    );
    r
}

/// HTTP 503 with one `UNAVAILABLE` error and `Retry-After`.
fn unavailable_response(locale: Locale) -> Response {
    let mut r = error_response(
        StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::Unavailable,
        locale,
        &msg!("error-unavailable"),
    );
    r.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_static(RETRY_AFTER_SECONDS),
    );
    r
}

/// A response holding one GraphQL error with a code, outside execution; the message in `locale`.
fn error_response(
    status: StatusCode,
    code: ErrorCode,
    locale: Locale,
    message: &Message,
) -> Response {
    let body = json!({ "errors": [{
        "message": message.render(locale),
        "extensions": { "code": code.as_str() },
    }] });
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body.to_string(),
    )
        .into_response()
}

/// The caller of a request: anonymous without `Authorization`, else the enabled account its bearer
/// token names.
async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<account::Model>, Response> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let locale = state.locale(headers);
    let unauthenticated = |why: &str| {
        let mut r = error_response(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            locale,
            &msg!("http-token-invalid"),
        );
        r.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer error=\"invalid_token\""),
        );
        tracing::info!(reason = why, "token refused");
        r
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .ok_or_else(|| unauthenticated("not a bearer token"))?;
    let claims = state
        .tokens
        .verify(token)
        .map_err(|e: TokenError| unauthenticated(&e.to_string()))?;
    match state.caches.accounts.row(&state.db, claims.sub).await {
        Ok(Some(account)) if !account.disabled => Ok(Some(account)),
        Ok(_) => Err(unauthenticated(&TokenError::Account.to_string())),
        Err(e) if crate::db::is_unavailable(&e) => {
            tracing::warn!(error = %e, "database unavailable while authenticating");
            Err(unavailable_response(locale))
        }
        Err(e) => {
            tracing::error!(error = %e, "database error while authenticating");
            Err(error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                locale,
                &msg!("error-internal"),
            ))
        }
    }
}

pub use access::log as access_log;

/// The routes, without middleware (see [`crate::startup`]).
pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .route("/graphql/ws", get(graphql_ws))
        .route("/graphiql/{file}", get(graphiql::asset))
        .route("/templates/{name}", get(template))
        .route("/exports/placements.xlsx", get(export_placements))
        .route(
            "/exports/evaluation/{year}/results.xlsx",
            get(evaluation::export_results),
        )
        .route("/reports/evaluation", get(evaluation::member_report))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(access::metrics))
        .with_state(state)
}
