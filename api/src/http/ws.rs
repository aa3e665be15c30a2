//! GraphQL over WebSocket (`graphql-transport-ws`, and the older `graphql-ws`): subscriptions,
//! with the server's own limits and close codes around async-graphql's protocol handler.

use axum::extract::{State, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use entity::account;
use sea_orm::EntityTrait;

use super::AppState;
use super::error_response;
use crate::auth::Actor;
use crate::graphql::CurrentAccount;
use crate::graphql::error::ErrorCode;
use crate::graphql::loader::Loaders;
use crate::i18n::Locale;
use crate::msg;

/// Subscriptions one WebSocket may run at once.
pub const MAX_SUBSCRIPTIONS_PER_SOCKET: usize = 20;

/// WebSockets one account may hold open at once (across this instance).
pub const MAX_SOCKETS_PER_ACCOUNT: usize = 10;

/// How long a WebSocket may wait before its `connection_init`.
pub const CONNECTION_INIT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// How often an open WebSocket re-checks its account (disabled, deleted) besides at every
/// `subscribe` and at its token's expiry.
pub const ACCOUNT_RECHECK: std::time::Duration = std::time::Duration::from_secs(10);

/// Messages of the client read ahead of the GraphQL protocol handler.
const WS_READ_AHEAD: usize = 32;

/// The subscriber of a WebSocket, once its `connection_init` was accepted.
#[derive(Debug, Clone, Copy)]
pub(super) struct Session {
    account: uuid::Uuid,
    /// Token expiry, seconds since the epoch.
    expires: i64,
}

/// The `type` and `id` of a graphql-ws / graphql-transport-ws message.
#[derive(serde::Deserialize)]
struct Envelope {
    r#type: String,
    id: Option<String>,
}

pub(super) async fn graphql_ws(
    State(state): State<AppState>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let Some(protocol) = headers
        .get(header::SEC_WEBSOCKET_PROTOCOL)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(',').find_map(|p| {
                p.trim()
                    .parse::<async_graphql::http::WebSocketProtocols>()
                    .ok()
            })
        })
    else {
        return error_response(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadUserInput,
            state.locale(&headers),
            &msg!("http-ws-subprotocol"),
        );
    };
    let track = state.shutdown.tasks.token();
    let locale = state.locale(&headers);
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| async move {
            serve_ws(socket, state, protocol, locale).await;
            drop(track);
        })
}

/// Whether the account behind `session` may still subscribe: its token has not expired and the
/// account exists and is enabled. A database error keeps the socket (the next check decides).
async fn session_valid(state: &AppState, session: Session) -> bool {
    if chrono::Utc::now().timestamp() >= session.expires {
        return false;
    }
    match account::Entity::find_by_id(session.account)
        .one(&state.db)
        .await
    {
        Ok(found) => found.is_some_and(|a| !a.disabled),
        Err(e) => {
            tracing::warn!(error = %e, "cannot re-check a WebSocket's account");
            true
        }
    }
}

/// Serves one WebSocket: async-graphql's protocol handler behind a loop that sees every message,
/// so the server can close the socket with its own codes — 1001 on shutdown, 4403 when the
/// account is disabled or the token expires, 4408 without `connection_init` within
/// [`CONNECTION_INIT_TIMEOUT`], 4429 past [`MAX_SOCKETS_PER_ACCOUNT`] — and refuse subscriptions
/// past [`MAX_SUBSCRIPTIONS_PER_SOCKET`].
async fn serve_ws(
    socket: axum::extract::ws::WebSocket,
    state: AppState,
    protocol: async_graphql::http::WebSocketProtocols,
    locale: Locale,
) {
    use async_graphql::http::{WebSocket as ProtocolHandler, WsMessage};
    use axum::extract::ws::{CloseFrame, Message};
    use futures_util::{SinkExt, StreamExt};

    let (mut sink, mut source) = socket.split();
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(WS_READ_AHEAD);
    let session: std::sync::Arc<std::sync::OnceLock<Session>> = Default::default();
    let init_state = state.clone();
    let init_session = session.clone();
    let handler = ProtocolHandler::new(
        state.schema.clone(),
        tokio_stream::wrappers::ReceiverStream::new(rx),
        protocol,
    )
    .on_connection_init(move |payload| {
        ws_connection_init(init_state, payload, init_session, locale)
    });
    let mut handler = std::pin::pin!(handler);
    let init_deadline = tokio::time::sleep(CONNECTION_INIT_TIMEOUT);
    let mut init_deadline = std::pin::pin!(init_deadline);
    let mut recheck = tokio::time::interval(ACCOUNT_RECHECK);
    let mut active: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut counted: Option<uuid::Uuid> = None;
    let close: Option<(u16, String)> = loop {
        tokio::select! {
            () = state.shutdown.token.cancelled() => {
                break Some((1001, "the server is shutting down".into()));
            }
            () = &mut init_deadline, if session.get().is_none() => {
                break Some((4408, "connection_init was not sent within 10 s".into()));
            }
            _ = recheck.tick(), if session.get().is_some() => {
                if let Some(s) = session.get().copied()
                    && !session_valid(&state, s).await
                {
                    tracing::warn!(account = %s.account, "WebSocket closed: account disabled or token expired");
                    break Some((4403, "Forbidden: the account is disabled or the token expired".into()));
                }
            }
            incoming = source.next() => match incoming {
                Some(Ok(message @ (Message::Text(_) | Message::Binary(_)))) => {
                    let bytes = message.into_data().to_vec();
                    if let Ok(Envelope { r#type, id: Some(id) }) = serde_json::from_slice::<Envelope>(&bytes) {
                        match r#type.as_str() {
                            "subscribe" | "start" => {
                                if let Some(s) = session.get().copied()
                                    && !session_valid(&state, s).await
                                {
                                    break Some((4403, "Forbidden: the account is disabled or the token expired".into()));
                                }
                                if !active.contains(&id) && active.len() >= MAX_SUBSCRIPTIONS_PER_SOCKET {
                                    let refusal = serde_json::json!({
                                        "type": "error",
                                        "id": id,
                                        "payload": [{
                                            "message": msg!("http-ws-too-many-subscriptions", max = MAX_SUBSCRIPTIONS_PER_SOCKET).render(locale),
                                            "extensions": { "code": "BAD_USER_INPUT" }
                                        }]
                                    });
                                    if sink.send(Message::Text(refusal.to_string().into())).await.is_err() {
                                        break None;
                                    }
                                    continue;
                                }
                                if active.insert(id) {
                                    crate::metrics::subscriptions_open(1.0);
                                }
                            }
                            "complete" | "stop" => {
                                let ended = active.remove(&id);
                                if ended {
                                    crate::metrics::subscriptions_open(-1.0);
                                }
                            }
                            _ => {}
                        }
                    }
                    if tx.try_send(bytes).is_err() {
                        break Some((1008, "too many messages in flight".into()));
                    }
                }
                Some(Ok(_)) => {}
                _ => break None,
            },
            outgoing = handler.next() => match outgoing {
                Some(WsMessage::Text(text)) => {
                    if let Ok(Envelope { r#type, id }) = serde_json::from_str::<Envelope>(&text) {
                        if r#type == "complete" && let Some(id) = id
                            && active.remove(&id)
                        {
                            crate::metrics::subscriptions_open(-1.0);
                        }
                        if r#type == "connection_ack"
                            && let Some(s) = session.get()
                        {
                            if !state.count_socket(s.account) {
                                break Some((4429, format!("at most {MAX_SOCKETS_PER_ACCOUNT} WebSockets per account")));
                            }
                            counted = Some(s.account);
                        }
                    }
                    if sink.send(Message::Text(text.into())).await.is_err() {
                        break None;
                    }
                }
                // A refused connection_init is 4403 (graphql-transport-ws), not async-graphql's 1002.
                Some(WsMessage::Close(1002, reason)) if session.get().is_none() => {
                    break Some((4403, reason));
                }
                Some(WsMessage::Close(code, reason)) => break Some((code, reason)),
                None => break None,
            },
        }
    };
    // The socket's subscriptions end with it.
    #[allow(clippy::cast_precision_loss)]
    crate::metrics::subscriptions_open(-(active.len() as f64));
    if let Some(account) = counted {
        state.uncount_socket(account);
    }
    if let Some((code, reason)) = close {
        let _ = sink
            .send(Message::Close(Some(CloseFrame {
                code,
                reason: reason.into(),
            })))
            .await;
    }
}

/// Checks the token of a WebSocket's `connection_init` and makes the connection's data: the
/// caller, loaders that cache nothing (each event must read fresh rows), and the language of its
/// messages — the payload's `Accept-Language` if it has one (browsers cannot set headers on a
/// WebSocket), else `upgrade_locale`, negotiated from the upgrade request's header. Records the
/// subscriber in `session` for the socket's later checks.
pub(super) async fn ws_connection_init(
    state: AppState,
    payload: serde_json::Value,
    session: std::sync::Arc<std::sync::OnceLock<Session>>,
    upgrade_locale: Locale,
) -> async_graphql::Result<async_graphql::Data> {
    let field = |name: &str| payload.get(name).and_then(|v| v.as_str());
    let locale = match field("Accept-Language").or_else(|| field("accept-language")) {
        Some(header) => Locale::negotiate(Some(header), upgrade_locale),
        None => upgrade_locale,
    };
    let token = field("Authorization")
        .or_else(|| field("authorization"))
        .map(|v| v.strip_prefix("Bearer ").unwrap_or(v))
        .or_else(|| field("token"));
    let refuse = || async_graphql::Error::new(msg!("http-ws-token-required").render(locale));
    let claims = token
        .and_then(|t| state.tokens.verify(t.trim()).ok())
        .ok_or_else(refuse)?;
    let account = account::Entity::find_by_id(claims.sub)
        .one(&state.db)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "database error while authenticating a WebSocket");
            async_graphql::Error::new(msg!("error-internal").render(locale))
        })?
        .filter(|a| !a.disabled)
        .ok_or_else(refuse)?;
    let _ = session.set(Session {
        account: account.id,
        expires: claims.exp,
    });
    let mut data = async_graphql::Data::default();
    data.insert(Actor::from(&account));
    data.insert(Loaders::uncached(&state.db));
    data.insert(crate::graphql::extension::OverWebSocket);
    data.insert(CurrentAccount(account));
    data.insert(locale);
    Ok(data)
}
