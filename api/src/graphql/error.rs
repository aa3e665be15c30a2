//! Errors of the GraphQL layer.
//!
//! Two kinds, as `docs/api-conventions.md`, Shape asks:
//! - [`ApiError`]: authentication, authorisation, lookup and system failures, returned as top-level
//!   `errors` with a stable `extensions.code` ([`ErrorCode`]). A database error becomes `INTERNAL`;
//!   its text is logged once (inside the request's span, which carries the request id) and never
//!   sent to the client.
//! - [`UserError`]: validation and business-rule failures of a mutation, returned in its payload's
//!   `userErrors` with HTTP 200 and a typed [`UserErrorCode`].

use async_graphql::{ComplexObject, Context, ErrorExtensions, SimpleObject};
use sea_orm::DbErr;

pub use crate::error::ViolationCode as UserErrorCode;
use crate::error::{Error as CoreError, Violation};
use crate::i18n::{Locale, Message};
use crate::msg;

/// Stable codes of top-level errors (`extensions.code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// No valid token, and the field needs one.
    Unauthenticated,
    /// The caller's role or unit may not do this.
    Forbidden,
    /// No such object, or not one the caller may see.
    NotFound,
    /// Malformed input the schema could not reject (an ID, a cursor, paging arguments).
    BadUserInput,
    /// Too many requests.
    Throttled,
    /// A failure on our side; details are in the server log under the request id.
    Internal,
    /// The database is away or busy for now; retry after `Retry-After` seconds (HTTP 503).
    Unavailable,
    /// A subscription may have missed events (a lost database connection, a subscriber too slow
    /// to keep up): re-read what you show and subscribe again. The subscription ends after it.
    ResyncRequired,
}

impl ErrorCode {
    /// The code as sent in `extensions.code`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::BadUserInput => "BAD_USER_INPUT",
            Self::Throttled => "THROTTLED",
            Self::Internal => "INTERNAL",
            Self::Unavailable => "UNAVAILABLE",
            Self::ResyncRequired => "RESYNC_REQUIRED",
        }
    }
}

/// A top-level error of the API.
///
/// It deliberately does not implement `Display`: async-graphql converts any `Display` type into an
/// error *without* a code, so only the `From` below (which always sets `extensions.code`) applies.
#[derive(Debug)]
pub enum ApiError {
    /// See [`ErrorCode::Unauthenticated`].
    Unauthenticated,
    /// See [`ErrorCode::Forbidden`].
    Forbidden(Message),
    /// See [`ErrorCode::NotFound`].
    NotFound(Message),
    /// See [`ErrorCode::BadUserInput`].
    BadUserInput(Message),
    /// See [`ErrorCode::Throttled`]; carries the wait until the next attempt.
    Throttled(std::time::Duration),
    /// A database failure; shown as `INTERNAL`.
    Database(DbErr),
    /// Any other failure; shown as `INTERNAL`.
    Other(anyhow::Error),
}

impl From<DbErr> for ApiError {
    fn from(e: DbErr) -> Self {
        Self::Database(e)
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        Self::Other(e)
    }
}

impl ApiError {
    /// The message sent to the client (never a database error's text).
    pub fn message(&self) -> Message {
        match self {
            Self::Unauthenticated => msg!("error-unauthenticated"),
            Self::Forbidden(why) | Self::NotFound(why) | Self::BadUserInput(why) => why.clone(),
            Self::Throttled(wait) => msg!("error-throttled", seconds = wait.as_secs().max(1)),
            Self::Database(e) if crate::db::is_unavailable(e) => msg!("error-unavailable"),
            Self::Database(_) | Self::Other(_) => msg!("error-internal"),
        }
    }

    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Unauthenticated => ErrorCode::Unauthenticated,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::NotFound(_) => ErrorCode::NotFound,
            Self::BadUserInput(_) => ErrorCode::BadUserInput,
            Self::Throttled(_) => ErrorCode::Throttled,
            Self::Database(e) if crate::db::is_unavailable(e) => ErrorCode::Unavailable,
            Self::Database(_) | Self::Other(_) => ErrorCode::Internal,
        }
    }
}

impl ErrorExtensions for ApiError {
    fn extend(&self) -> async_graphql::Error {
        match self {
            Self::Database(e) if crate::db::is_unavailable(e) => {
                tracing::warn!(error = %e, "database unavailable");
            }
            Self::Database(e) => tracing::error!(error = %e, "database error"),
            Self::Other(e) => tracing::error!(error = %e, "internal error"),
            _ => {}
        }
        // The message travels as the error's source; `CostAndCodes` renders it in the request's
        // language when the response is written.
        async_graphql::Error::new_with_source(self.message()).extend_with(|_, ext| {
            ext.set("code", self.code().as_str());
            if let Self::Throttled(wait) = self {
                ext.set("retryAfterSeconds", wait.as_secs().max(1));
            }
        })
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(e: ApiError) -> Self {
        e.extend()
    }
}

/// Result of a resolver.
pub type ApiResult<T> = Result<T, async_graphql::Error>;

// Made from a core `Violation`, its field as a path from the operation's arguments.
/// A validation or business-rule failure of a mutation's input. Nothing was written.
#[derive(SimpleObject, Debug, Clone, PartialEq, Eq)]
#[graphql(complex)]
pub struct UserError {
    /// Path to the input field at fault, e.g. `["input", "uscc"]`; null when no one field is.
    pub field: Option<Vec<String>>,
    /// What is wrong; the `message` field renders it in the request's language.
    #[graphql(skip)]
    pub message: Message,
    /// Typed code.
    pub code: UserErrorCode,
}

#[ComplexObject]
impl UserError {
    /// What is wrong, for a person: in Chinese (zh-CN) or English by the request's
    /// `Accept-Language` (the `DEFAULT_LOCALE` setting when it names neither). Programs read
    /// `code`, which never changes with the language.
    async fn message(&self, ctx: &Context<'_>) -> String {
        self.message.render(Locale::of(ctx))
    }
}

impl UserError {
    /// An error on `input.<field>`.
    pub fn on(field: &str, code: UserErrorCode, message: Message) -> Self {
        Self {
            field: Some(vec!["input".to_owned(), field.to_owned()]),
            message,
            code,
        }
    }
}

impl From<Violation> for UserError {
    fn from(v: Violation) -> Self {
        Self {
            field: v.field.map(|f| vec!["input".to_owned(), f]),
            message: v.message,
            code: v.code,
        }
    }
}

/// The user errors of a core outcome's violations.
pub fn user_errors(violations: Vec<Violation>) -> Vec<UserError> {
    violations.into_iter().map(UserError::from).collect()
}

impl From<CoreError> for ApiError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::Unauthenticated => Self::Unauthenticated,
            CoreError::Forbidden(why) => Self::Forbidden(why),
            CoreError::NotFound(what) => Self::NotFound(what),
            CoreError::BadInput(what) => Self::BadUserInput(what),
            CoreError::Database(e) => Self::Database(e),
        }
    }
}

impl From<CoreError> for async_graphql::Error {
    fn from(e: CoreError) -> Self {
        ApiError::from(e).extend()
    }
}
