//! The HTTP layer (`API-CONVENTIONS.md` §10, GraphQL-over-HTTP):
//!
//! - `POST /graphql` with `Content-Type: application/json` runs a query or mutation (one operation
//!   per request; a JSON array — a batch — is refused with 400).
//! - `GET /graphql?query=…` runs a query; a mutation over GET is refused with 405. Without a query,
//!   and with GraphiQL switched on, it serves GraphiQL.
//! - Responses are `application/graphql-response+json` when the client accepts it (then a request
//!   that fails to parse or validate is HTTP 400), else `application/json` with HTTP 200.
//! - An invalid, expired or revoked bearer token is HTTP 401 with a GraphQL error whose
//!   `extensions.code` is `UNAUTHENTICATED`; no token at all is an anonymous caller.
//! - `GET /graphql/ws` upgrades to a WebSocket for subscriptions (graphql-transport-ws, and the
//!   older graphql-ws). The `connection_init` payload carries the token as
//!   `{"Authorization": "Bearer <token>"}` (or `{"token": "<token>"}`); a missing or invalid token
//!   closes the connection (async-graphql sends close code 1002 with the reason).
//! - `GET /healthz`: the process is up. `GET /readyz`: the database answers.

use async_graphql::http::GraphiQLSource;
use async_graphql::parser::types::OperationType;
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use entity::account;
use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::json;

use crate::auth::{Actor, TokenError, TokenService};
use crate::graphql::error::ErrorCode;
use crate::graphql::extension::RequestRejected;
use crate::graphql::loader::Loaders;
use crate::graphql::{AppSchema, CurrentAccount};

/// Shared state of the HTTP handlers.
#[derive(Clone)]
pub struct AppState {
    /// The schema (with the database and token service as data).
    pub schema: AppSchema,
    /// The database pool.
    pub db: DatabaseConnection,
    /// Issues and checks tokens.
    pub tokens: TokenService,
    /// Whether `GET /graphql` serves GraphiQL.
    pub graphiql: bool,
}

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// The routes, without middleware (see [`crate::startup`]).
pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .route("/graphql/ws", get(graphql_ws))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .with_state(state)
}

async fn readyz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// A response holding one GraphQL error with a code, outside execution.
fn error_response(status: StatusCode, code: ErrorCode, message: &str) -> Response {
    let body =
        json!({ "errors": [{ "message": message, "extensions": { "code": code.as_str() } }] });
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

fn wants_graphql_response(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(GRAPHQL_RESPONSE))
}

async fn graphql_post(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let json_body = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    if !json_body {
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadUserInput,
            "send a JSON body with Content-Type: application/json",
        );
    }
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(_) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                "the body is not valid JSON",
            );
        }
    };
    if value.is_array() {
        return error_response(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadUserInput,
            "batched requests are not supported: send one operation per request",
        );
    }
    let request: async_graphql::Request = match serde_json::from_value(value) {
        Ok(r) => r,
        Err(_) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                "the body must be a GraphQL request: {\"query\": …, \"variables\": …, \"operationName\": …}",
            );
        }
    };
    execute(&state, &headers, request).await
}

async fn graphql_get(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let query = query.unwrap_or_default();
    if !query.split('&').any(|p| p.starts_with("query=")) {
        if state.graphiql {
            return Html(
                GraphiQLSource::build()
                    .endpoint("/graphql")
                    .title("Weihai Technical Education Group (Alliance) API")
                    .finish(),
            )
            .into_response();
        }
        return error_response(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadUserInput,
            "pass ?query=… or POST a JSON body",
        );
    }
    let request = match async_graphql::http::parse_query_string(&query) {
        Ok(r) => r,
        Err(_) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                "malformed query string",
            );
        }
    };
    if is_mutation(&request) {
        let mut response = error_response(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::BadUserInput,
            "mutations must be sent with POST",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return response;
    }
    execute(&state, &headers, request).await
}

/// Whether the operation the request would run is a mutation (unparsable queries are left to the
/// executor, which reports them).
fn is_mutation(request: &async_graphql::Request) -> bool {
    let Ok(doc) = async_graphql::parser::parse_query(&request.query) else {
        return false;
    };
    doc.operations.iter().any(|(name, op)| {
        op.node.ty == OperationType::Mutation
            && match (&request.operation_name, name) {
                (Some(wanted), Some(name)) => wanted.as_str() == name.as_str(),
                (None, _) => true,
                (Some(_), None) => false,
            }
    })
}

async fn graphql_ws(
    State(state): State<AppState>,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    let schema = state.schema.clone();
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| {
            GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| ws_connection_init(state, payload))
                .serve()
        })
}

/// Checks the token of a WebSocket's `connection_init` and makes the connection's data: the
/// caller, and loaders that cache nothing (each event must read fresh rows).
async fn ws_connection_init(
    state: AppState,
    payload: serde_json::Value,
) -> async_graphql::Result<async_graphql::Data> {
    let field = |name: &str| payload.get(name).and_then(|v| v.as_str());
    let token = field("Authorization")
        .or_else(|| field("authorization"))
        .map(|v| v.strip_prefix("Bearer ").unwrap_or(v))
        .or_else(|| field("token"));
    let refuse = || async_graphql::Error::new("a valid token is required in connection_init");
    let claims = token
        .and_then(|t| state.tokens.verify(t.trim()).ok())
        .ok_or_else(refuse)?;
    let account = account::Entity::find_by_id(claims.sub)
        .one(&state.db)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "database error while authenticating a WebSocket");
            async_graphql::Error::new("internal error")
        })?
        .filter(|a| !a.disabled)
        .ok_or_else(refuse)?;
    let mut data = async_graphql::Data::default();
    data.insert(Actor::Account {
        id: account.id,
        role: account.role,
        unit: account.member_unit_id,
    });
    data.insert(Loaders::uncached(&state.db));
    data.insert(CurrentAccount(account));
    Ok(data)
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
    let unauthenticated = |why: &str| {
        let mut r = error_response(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            "invalid or expired token: log in again",
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
    match account::Entity::find_by_id(claims.sub).one(&state.db).await {
        Ok(Some(account)) if !account.disabled => Ok(Some(account)),
        Ok(_) => Err(unauthenticated(&TokenError::Account.to_string())),
        Err(e) => {
            tracing::error!(error = %e, "database error while authenticating");
            Err(error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "internal error",
            ))
        }
    }
}

async fn execute(
    state: &AppState,
    headers: &HeaderMap,
    request: async_graphql::Request,
) -> Response {
    let account = match authenticate(state, headers).await {
        Ok(a) => a,
        Err(response) => return response,
    };
    let actor = account
        .as_ref()
        .map_or(Actor::Anonymous, |a| Actor::Account {
            id: a.id,
            role: a.role,
            unit: a.member_unit_id,
        });
    let rejected = RequestRejected::default();
    let mut request = request
        .data(actor)
        .data(Loaders::new(&state.db))
        .data(rejected.clone());
    if let Some(account) = account {
        request = request.data(CurrentAccount(account));
    }
    let response = state.schema.execute(request).await;

    let graphql_response = wants_graphql_response(headers);
    let status = if graphql_response && rejected.get() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let content_type = if graphql_response {
        GRAPHQL_RESPONSE
    } else {
        "application/json"
    };
    let body = match serde_json::to_vec(&response) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "response serialisation failed");
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "internal error",
            );
        }
    };
    let mut http = (status, body).into_response();
    http.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Responses may carry contact details; keep them out of shared caches.
    http.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    http
}
