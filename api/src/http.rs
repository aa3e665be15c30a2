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
//! - `POST /graphql` with `multipart/form-data` follows the GraphQL multipart request spec (file
//!   uploads for `importStudents` / `importPlacements`; one file, at most `UPLOAD_LIMIT_BYTES`).
//! - `GET /templates/placements.xlsx`, `GET /templates/students.xlsx`: import templates.
//! - `GET /exports/placements.xlsx?statuses=ACTIVE,PLANNED&startYear=2026&search=…`: the
//!   placements the bearer token may read, in the template's layout (so an export re-imports).
//! - `GET /healthz`: the process is up. `GET /readyz`: the database answers.

use async_graphql::http::GraphiQLSource;
use async_graphql::parser::types::OperationType;
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::Router;
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
    /// Largest JSON body, bytes.
    pub body_limit: usize,
    /// Largest uploaded file, bytes.
    pub upload_limit: usize,
}

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

/// The routes, without middleware (see [`crate::startup`]).
pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .route("/graphql/ws", get(graphql_ws))
        .route("/templates/{name}", get(template))
        .route("/exports/placements.xlsx", get(export_placements))
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

async fn graphql_post(State(state): State<AppState>, request: axum::extract::Request) -> Response {
    let headers = request.headers().clone();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if content_type.starts_with("multipart/form-data") {
        // The GraphQL multipart request spec (file uploads); files go to temporary files.
        use futures_util::TryStreamExt;
        use tokio_util::compat::TokioAsyncReadCompatExt;
        let stream = request
            .into_body()
            .into_data_stream()
            .map_err(std::io::Error::other);
        let reader = tokio_util::io::StreamReader::new(stream).compat();
        let options = async_graphql::http::MultipartOptions::default()
            .max_file_size(state.upload_limit)
            .max_num_files(1);
        return match async_graphql::http::receive_body(Some(content_type), reader, options).await {
            Ok(r) => execute(&state, &headers, r).await,
            Err(e) => error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                &format!("malformed multipart request: {e}"),
            ),
        };
    }
    if !content_type.starts_with("application/json") {
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadUserInput,
            "send a JSON body with Content-Type: application/json (or a multipart upload)",
        );
    }
    let Ok(body) = axum::body::to_bytes(request.into_body(), state.body_limit).await else {
        return error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::BadUserInput,
            "the request body is too large",
        );
    };
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

/// `GET /templates/{placements,students}.xlsx`: the import templates (public; no data in them).
async fn template(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    let (columns, sheet) = match name.as_str() {
        "placements.xlsx" => (crate::spreadsheet::PLACEMENT_COLUMNS, "placements"),
        "students.xlsx" => (crate::spreadsheet::STUDENT_COLUMNS, "students"),
        _ => return (StatusCode::NOT_FOUND, "no such template").into_response(),
    };
    match crate::spreadsheet::template(columns, sheet) {
        Ok(bytes) => xlsx_response(bytes, &name),
        Err(e) => {
            tracing::error!(error = %e, "template could not be written");
            error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "internal error",
            )
        }
    }
}

fn xlsx_response(bytes: Vec<u8>, name: &str) -> Response {
    let mut r = (StatusCode::OK, bytes).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// Filters of `GET /exports/placements.xlsx`, as query parameters (the same as the query's).
#[derive(Debug, serde::Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ExportParams {
    /// Comma-separated statuses.
    statuses: Option<String>,
    /// Start year.
    start_year: Option<i32>,
    /// Substring of host name or post.
    search: Option<String>,
}

/// `GET /exports/placements.xlsx`: the placements the bearer may read (as `internshipPlacements`),
/// in the import template's layout.
async fn export_placements(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(params): axum::extract::Query<ExportParams>,
) -> Response {
    use sea_orm::{QueryFilter, QueryOrder};
    let account = match authenticate(&state, &headers).await {
        Ok(Some(a)) => a,
        Ok(None) => {
            return error_response(
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthenticated,
                "send a bearer token",
            );
        }
        Err(r) => return r,
    };
    let actor = Actor::from(&account);
    let statuses: Option<Vec<entity::enums::PlacementStatus>> = match params.statuses.as_deref() {
        None | Some("") => None,
        Some(list) => {
            let parsed: Result<Vec<_>, _> = list
                .split(',')
                .map(|s| {
                    serde_json::from_value(serde_json::Value::String(s.trim().to_ascii_uppercase()))
                })
                .collect();
            match parsed {
                Ok(v) => Some(v),
                Err(_) => {
                    return error_response(
                        StatusCode::BAD_REQUEST,
                        ErrorCode::BadUserInput,
                        "unknown status",
                    );
                }
            }
        }
    };
    let filter = crate::graphql::query::InternshipPlacementFilter {
        statuses,
        start_year: params.start_year,
        search: params.search,
        ..Default::default()
    };
    let cond = match filter.condition() {
        Ok(c) => c.add(crate::placement::placement_scope(&actor)),
        Err(e) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                &e.message(),
            );
        }
    };
    let rows = entity::internship_placement::Entity::find()
        .filter(cond)
        .order_by_asc(entity::internship_placement::Column::Id)
        .find_also_related(entity::student::Entity)
        .all(&state.db)
        .await;
    let rows = match rows {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "export query failed");
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "internal error",
            );
        }
    };
    // A host sees its interns' placements, but not their student numbers.
    let rows: Vec<_> = rows
        .into_iter()
        .map(|(p, s)| {
            let number = match (&actor, s) {
                (a, Some(s))
                    if a.is_secretariat() || Some(p.school_id) == account.member_unit_id =>
                {
                    s.student_number
                }
                _ => String::new(),
            };
            (p, number)
        })
        .collect();
    match crate::spreadsheet::export_placements(&rows) {
        Ok(bytes) => xlsx_response(bytes, "placements.xlsx"),
        Err(e) => {
            tracing::error!(error = %e, "export could not be written");
            error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "internal error",
            )
        }
    }
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
    data.insert(Actor::from(&account));
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
    let actor = account.as_ref().map_or(Actor::Anonymous, Actor::from);
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
