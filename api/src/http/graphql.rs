//! The GraphQL endpoint over HTTP (POST, GET, multipart uploads) and WebSocket
//! (`graphql-transport-ws`), following GraphQL-over-HTTP.

use axum::extract::{ConnectInfo, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;

use super::AppState;
use super::authenticate;
use super::error_response;
use crate::auth::Actor;
use crate::graphql::error::ErrorCode;
use crate::graphql::extension::{
    CheckOnly, QueriesOnly, RequestFacts, RequestRejected, finish, log_refusals,
};
use crate::graphql::loader::Loaders;
use crate::graphql::reads::PersonalReads;
use crate::graphql::{ClientAddress, CurrentAccount};
use crate::i18n::Message;
use crate::msg;

pub(super) const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

pub(super) fn wants_graphql_response(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(GRAPHQL_RESPONSE))
}

pub(super) async fn graphql_post(
    State(state): State<AppState>,
    request: axum::extract::Request,
) -> Response {
    let headers = request.headers().clone();
    let locale = state.locale(&headers);
    let client = client_address(request.extensions().get::<ConnectInfo<SocketAddr>>());
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if content_type.starts_with("multipart/form-data") {
        // Uploads are for signed-in callers only: refuse before reading a byte of the body.
        if !headers.contains_key(header::AUTHORIZATION) {
            return error_response(
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthenticated,
                locale,
                &msg!("http-upload-token-required"),
            );
        }
        if let Err(response) = authenticate(&state, &headers).await {
            return response;
        }
        return match receive_multipart(&state, &content_type, request.into_body()).await {
            Ok(r) => execute(&state, &headers, client, r).await,
            Err(message) => error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                locale,
                &message,
            ),
        };
    }
    if !content_type.starts_with("application/json") {
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadUserInput,
            locale,
            &msg!("http-content-type"),
        );
    }
    let Ok(body) = axum::body::to_bytes(request.into_body(), state.body_limit).await else {
        return error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::BadUserInput,
            locale,
            &msg!("http-body-too-large"),
        );
    };
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(_) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                locale,
                &msg!("http-body-not-json"),
            );
        }
    };
    if value.is_array() {
        return error_response(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadUserInput,
            locale,
            &msg!("http-batch-refused"),
        );
    }
    if let Err(message) = check_request_keys(&value) {
        return error_response(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadUserInput,
            locale,
            &message,
        );
    }
    let mut value = value;
    if let Some(body) = value.as_object_mut()
        && body.get("query").is_some_and(serde_json::Value::is_null)
    {
        body.remove("query");
    }
    let request: async_graphql::Request = match serde_json::from_value(value) {
        Ok(r) => r,
        Err(_) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                locale,
                &msg!("http-body-not-request"),
            );
        }
    };
    execute(&state, &headers, client, request).await
}

/// The keys a GraphQL-over-HTTP request body may hold.
const REQUEST_KEYS: [&str; 4] = ["query", "variables", "operationName", "extensions"];

/// Refuses a body that is not an object, names a key other than [`REQUEST_KEYS`] (a typo such as
/// `qeury` would otherwise run an empty document), or has no `query` string while it names no
/// persisted query (`extensions.persistedQuery`).
fn check_request_keys(value: &serde_json::Value) -> Result<(), Message> {
    let Some(body) = value.as_object() else {
        return Err(msg!("http-body-not-object"));
    };
    if let Some(unknown) = body.keys().find(|k| !REQUEST_KEYS.contains(&k.as_str())) {
        let shown: String = unknown.chars().take(40).collect();
        return Err(msg!("http-body-unknown-key", key = shown));
    }
    let persisted = body
        .get("extensions")
        .and_then(|e| e.get("persistedQuery"))
        .is_some();
    match body.get("query") {
        Some(serde_json::Value::String(_)) => Ok(()),
        None | Some(serde_json::Value::Null) if persisted => Ok(()),
        None | Some(serde_json::Value::Null) => Err(msg!("http-body-no-query")),
        Some(_) => Err(msg!("http-query-not-string")),
    }
}

/// Reads a GraphQL multipart request (file uploads): `operations` and `map` are held to the JSON
/// body limit, the one file to the upload limit (streamed to a temporary file), the whole stream
/// to their sum.
async fn receive_multipart(
    state: &AppState,
    content_type: &str,
    body: axum::body::Body,
) -> Result<async_graphql::Request, Message> {
    use std::io::{Seek, Write};

    let boundary = multer::parse_boundary(content_type)
        .map_err(|e| msg!("http-multipart-malformed", detail = e.to_string()))?;
    let body_limit = state.body_limit as u64;
    let upload_limit = state.upload_limit as u64;
    let limits = multer::SizeLimit::new()
        .whole_stream(upload_limit + 2 * body_limit + 64 * 1024)
        .per_field(upload_limit)
        .for_field("operations", body_limit)
        .for_field("map", body_limit);
    let mut multipart = multer::Multipart::with_constraints(
        body.into_data_stream(),
        boundary,
        multer::Constraints::new().size_limit(limits),
    );
    let malformed = |e: multer::Error| msg!("http-multipart-malformed", detail = e.to_string());
    let mut operations: Option<async_graphql::Request> = None;
    let mut map: Option<std::collections::HashMap<String, Vec<String>>> = None;
    let mut file: Option<(String, String, Option<String>, std::fs::File)> = None;
    while let Some(mut field) = multipart.next_field().await.map_err(malformed)? {
        match field.name() {
            Some("operations") => {
                let bytes = field.bytes().await.map_err(malformed)?;
                operations = Some(
                    serde_json::from_slice(&bytes)
                        .map_err(|_| msg!("http-multipart-operations"))?,
                );
            }
            Some("map") => {
                let bytes = field.bytes().await.map_err(malformed)?;
                map = Some(serde_json::from_slice(&bytes).map_err(|_| msg!("http-multipart-map"))?);
            }
            Some(name) if field.file_name().is_some() => {
                if file.is_some() {
                    return Err(msg!("http-multipart-one-file"));
                }
                let name = name.to_owned();
                let file_name = field.file_name().unwrap_or_default().to_owned();
                let file_type = field.content_type().map(ToString::to_string);
                let mut temp = tempfile::tempfile().map_err(|e| {
                    tracing::error!(error = %e, "cannot create a temporary file for an upload");
                    msg!("http-upload-not-stored")
                })?;
                while let Some(chunk) = field.chunk().await.map_err(malformed)? {
                    temp.write_all(&chunk)
                        .map_err(|_| msg!("http-upload-not-stored"))?;
                }
                temp.rewind().map_err(|_| msg!("http-upload-not-stored"))?;
                file = Some((name, file_name, file_type, temp));
            }
            _ => return Err(msg!("http-multipart-unexpected-part")),
        }
    }
    let mut request = operations.ok_or(msg!("http-multipart-no-operations"))?;
    let mut map = map.ok_or(msg!("http-multipart-no-map"))?;
    if let Some((name, filename, content_type, content)) = file {
        let paths = map
            .remove(&name)
            .ok_or(msg!("http-multipart-map-no-file"))?;
        if paths.len() != 1 {
            return Err(msg!("http-multipart-map-one-variable"));
        }
        request.set_upload(
            &paths[0],
            async_graphql::UploadValue {
                filename,
                content_type,
                content,
            },
        );
    }
    if !map.is_empty() {
        return Err(msg!("http-multipart-map-extra-files"));
    }
    Ok(request)
}

pub(super) async fn graphql_get(
    State(state): State<AppState>,
    connect: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let query = query.unwrap_or_default();
    let locale = state.locale(&headers);
    // A hash-only persisted query (`extensions={"persistedQuery":…}`) has no `query` parameter.
    if !query
        .split('&')
        .any(|p| p.starts_with("query=") || p.starts_with("extensions="))
    {
        if state.graphiql {
            return super::graphiql::page();
        }
        return error_response(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadUserInput,
            locale,
            &msg!("http-get-no-query"),
        );
    }
    let request = match async_graphql::http::parse_query_string(&query) {
        Ok(r) => r,
        Err(_) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                locale,
                &msg!("http-get-malformed"),
            );
        }
    };
    // Whether it selects a mutation is known once the document is parsed (or found under its
    // persisted-query hash): the schema's extension refuses it then, and this answers 405.
    let queries_only = QueriesOnly::new(request.operation_name.clone());
    let request = request.data(queries_only.clone());
    let client = client_address(connect.as_ref().map(|c| &c.0));
    let response = execute(&state, &headers, client, request).await;
    if queries_only.refused() {
        let mut response = error_response(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::BadUserInput,
            locale,
            &msg!("http-mutation-needs-post"),
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return response;
    }
    response
}

/// The client's address (the TCP peer; `0.0.0.0` when unknown, e.g. in-process callers).
fn client_address(connect: Option<&ConnectInfo<SocketAddr>>) -> ClientAddress {
    ClientAddress(connect.map_or(std::net::IpAddr::from([0, 0, 0, 0]), |c| c.0.ip()))
}

/// Records the students whose personal data the request showed to a reader outside their school,
/// together with concurrent requests' ([`crate::read_records`]); returns once they are committed.
/// `false` when they could not be recorded: then the data is not sent (the request answers
/// `UNAVAILABLE`).
async fn record_reads(
    state: &AppState,
    mut audit: entity::audit::AuditContext,
    facts: &RequestFacts,
    reads: PersonalReads,
) -> bool {
    let students = reads.take();
    if students.is_empty() {
        return true;
    }
    if let Some(name) = facts.get().operation {
        audit.operation = name;
    }
    state.reads.record(audit, students).await
}

pub(super) async fn execute(
    state: &AppState,
    headers: &HeaderMap,
    client: ClientAddress,
    request: async_graphql::Request,
) -> Response {
    let account = match authenticate(state, headers).await {
        Ok(a) => a,
        Err(response) => return response,
    };
    let locale = state.locale(headers);
    let actor = account.as_ref().map_or(Actor::Anonymous, Actor::from);
    // Every write the request makes is recorded as this account's (`entity::audit`); the
    // mutation field names the operation as it starts.
    let audit = entity::audit::AuditContext::new(entity::enums::AuditSource::Api, "query")
        .by(actor.account_id(), actor.unit());
    let reads = PersonalReads::default();
    let rejected = RequestRejected::default();
    let facts = RequestFacts::default();
    let mut request = request
        .data(actor.clone())
        .data(reads.clone())
        .data(Loaders::new(&state.db, &state.caches))
        .data(client)
        .data(rejected.clone())
        .data(facts.clone())
        .data(locale);
    if let Some(account) = account {
        request = request.data(CurrentAccount(account));
    }
    let mut response = match state.documents.prepare(&mut request) {
        // A query: checked and measured by the checked schema, run by the plain one, which sends
        // no field through a per-field hook (`graphql::schema::plain_builder`).
        Some(check) => {
            let check = check
                .data(CheckOnly)
                .data(rejected.clone())
                .data(facts.clone())
                .data(locale);
            let checked = state.schema.execute(check).await;
            if checked.errors.is_empty() {
                let mut response =
                    entity::audit::scope(audit.clone(), state.plain.execute(request)).await;
                finish(&mut response, locale);
                log_refusals(&response.errors, Some(&actor));
                response.extensions.extend(checked.extensions);
                response
            } else {
                checked
            }
        }
        None => entity::audit::scope(audit.clone(), state.schema.execute(request)).await,
    };
    if !record_reads(state, audit, &facts, reads).await {
        // Personal data is shown only once its reading is on record.
        let mut error = crate::graphql::extension::localized(msg!("error-unavailable"));
        error
            .extensions
            .get_or_insert_with(Default::default)
            .set("code", ErrorCode::Unavailable.as_str());
        let rendered = msg!("error-unavailable").render(locale);
        error.message = rendered;
        response = async_graphql::Response::from_errors(vec![error]);
    }

    let graphql_response = wants_graphql_response(headers);
    // The database being away is the same answer for every caller: 503 with Retry-After.
    let unavailable = response.errors.iter().any(|e| {
        e.extensions
            .as_ref()
            .and_then(|x| x.get("code"))
            .is_some_and(|c| *c == async_graphql::Value::from(ErrorCode::Unavailable.as_str()))
    });
    // Throttled (too many logins): the wait, as `Retry-After` too.
    let retry_after = response
        .errors
        .iter()
        .filter_map(|e| e.extensions.as_ref())
        .filter(|x| {
            x.get("code")
                .is_some_and(|c| *c == async_graphql::Value::from(ErrorCode::Throttled.as_str()))
        })
        .filter_map(|x| match x.get("retryAfterSeconds") {
            Some(async_graphql::Value::Number(n)) => n.as_u64(),
            _ => None,
        })
        .max();
    let learnt = facts.get();
    let outcome = super::access::GraphqlOutcome {
        operation: learnt.operation,
        cost: learnt.cost,
        outcome: if unavailable {
            "unavailable"
        } else if rejected.get() {
            "rejected"
        } else if response.errors.is_empty() {
            "ok"
        } else {
            "error"
        },
    };
    let status = if unavailable {
        StatusCode::SERVICE_UNAVAILABLE
    } else if graphql_response && rejected.get() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let content_type = if graphql_response {
        GRAPHQL_RESPONSE
    } else {
        "application/json"
    };
    // A request refused before execution (parse or validation) has no `data` entry at all
    // (GraphQL spec, "Response Format": data is present only if execution started).
    let serialised = if rejected.get() {
        serde_json::to_value(&response).and_then(|mut v| {
            if let Some(o) = v.as_object_mut() {
                o.remove("data");
            }
            serde_json::to_vec(&v)
        })
    } else {
        serde_json::to_vec(&response)
    };
    let body = match serialised {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "response serialisation failed");
            return error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                locale,
                &msg!("error-internal"),
            );
        }
    };
    let mut http = (status, body).into_response();
    http.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Responses may carry contact details; keep them out of shared caches.
    http.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if unavailable {
        http.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
    } else if let Some(seconds) = retry_after {
        http.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
    }
    http.extensions_mut().insert(outcome);
    http
}
