//! Errors of the GraphQL layer.
//!
//! Two kinds, as `API-CONVENTIONS.md` §3 asks:
//! - [`ApiError`]: authentication, authorisation, lookup and system failures, returned as top-level
//!   `errors` with a stable `extensions.code` ([`ErrorCode`]). A database error becomes `INTERNAL`;
//!   its text is logged once (inside the request's span, which carries the request id) and never
//!   sent to the client.
//! - [`UserError`]: validation and business-rule failures of a mutation, returned in its payload's
//!   `userErrors` with HTTP 200 and a typed [`UserErrorCode`].

use async_graphql::{Enum, ErrorExtensions, SimpleObject};
use sea_orm::{DbErr, SqlErr};

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
    Forbidden(&'static str),
    /// See [`ErrorCode::NotFound`].
    NotFound(String),
    /// See [`ErrorCode::BadUserInput`].
    BadUserInput(String),
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
    pub fn message(&self) -> String {
        match self {
            Self::Unauthenticated => {
                "authentication required: send `Authorization: Bearer <token>` from `login`".into()
            }
            Self::Forbidden(why) => format!("forbidden: {why}"),
            Self::NotFound(what) => format!("not found: {what}"),
            Self::BadUserInput(what) => what.clone(),
            Self::Throttled(wait) => {
                format!("too many attempts: retry in {} s", wait.as_secs().max(1))
            }
            Self::Database(_) | Self::Other(_) => "internal error".into(),
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
            Self::Database(_) | Self::Other(_) => ErrorCode::Internal,
        }
    }
}

impl ErrorExtensions for ApiError {
    fn extend(&self) -> async_graphql::Error {
        match self {
            Self::Database(e) => tracing::error!(error = %e, "database error"),
            Self::Other(e) => tracing::error!(error = %e, "internal error"),
            _ => {}
        }
        async_graphql::Error::new(self.message()).extend_with(|_, ext| {
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

/// Typed codes of [`UserError`]s.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserErrorCode {
    /// A required text is empty or only white space.
    Blank,
    /// A text is longer than allowed.
    TooLong,
    /// A value is not of the form the field requires (e.g. a phone number with letters).
    Invalid,
    /// Another row already holds this unique value (a name, a credit code).
    Taken,
    /// The unified social credit code fails GB 32100-2015 (length, characters or check character).
    InvalidCreditCode,
    /// A count is below zero.
    MustBeNonNegative,
    /// A referenced object does not exist.
    NotFound,
    /// E-mail and password do not match an enabled account (the same answer for either).
    InvalidCredentials,
    /// The unit holds no seat on that committee.
    NotACommitteeMember,
    /// The kind change would move the unit between school and non-school while accounts of the
    /// other sort act for it.
    KindConflictsWithAccounts,
    /// A count that must be at least 1 is not (headcount, seats).
    MustBePositive,
    /// The object's status does not allow this transition, or this caller's transition.
    InvalidTransition,
    /// A firm tried to join its own demand.
    CannotJoinOwnDemand,
    /// The firm has joined this demand already.
    AlreadyJoined,
    /// Order classes are run by schools; the unit named is not one.
    NotASchool,
    /// The demand is not OPEN (only OPEN demand can be answered or matched).
    DemandNotOpen,
    /// A sponsor of a class answering a demand must take part in that demand.
    SponsorNotInDemand,
    /// A sponsor must be a non-school member (`004_*.txt` 二(三)6).
    SponsorNotEnterprise,
    /// The same firm is listed twice as a sponsor.
    DuplicateSponsor,
    /// The sponsors' seats do not sum to the planned seats.
    SponsorSeatsMismatch,
    /// Fewer than 50% of specialty hours are in enterprise workshops (`001_*.txt` (5)).
    EnterpriseHoursBelowHalf,
    /// Core-skill practice is below 150% of the ordinary class's (`001_*.txt` (5)).
    CorePracticeBelow150,
    /// The demand does not open the class to this target group (`001_*.txt` (2)).
    TargetGroupNotAllowed,
    /// The student is older than the demand's age limit at the class's start.
    AgeLimitExceeded,
    /// The student is enrolled in the class already.
    AlreadyEnrolled,
    /// No seat is left in the class.
    ClassFull,
    /// The firm does not sponsor the class.
    NotASponsor,
    /// A minor's agreement needs the guardian's signature.
    GuardianSignatureRequired,
    /// The national ID number fails GB 11643-1999 or does not encode the date of birth.
    InvalidNationalId,
    /// `AGREEMENT_REQUIRED` (`INTERNSHIP-RULES.md`): no signed tripartite agreement.
    AgreementRequired,
    /// `CONSENT_REQUIRED`: no informed consent recorded.
    ConsentRequired,
    /// `FIRST_YEAR_STUDENT`: first-year students (or year unknown) may not do 岗位实习.
    FirstYearStudent,
    /// `UNDER_16`: the student is under 16 on the start date.
    Under16,
    /// `MINOR_FORBIDDEN_WORK`: hazardous post for a minor.
    MinorForbiddenWork,
    /// `FORBIDDEN_VENUE`: bars, KTV, bath centres, game halls, internet cafés.
    ForbiddenVenue,
    /// `INTERMEDIARY`: arranged by an intermediary, or an agency hosting work at another firm.
    Intermediary,
    /// `PAY_BELOW_FLOOR`: pay below 80% of the post's wage.
    PayBelowFloor,
    /// `NO_NIGHT_OR_OVERTIME`: night shifts, overtime or holiday work in the schedule.
    NoNightOrOvertime,
    /// `INSURANCE_REQUIRED`: no liability insurance covering the whole placement.
    InsuranceRequired,
    /// The uploaded file is not a readable .xlsx or CSV in the template's layout.
    MalformedFile,
    /// The host is of the wrong sort: a 校中厂 is hosted by a school, a 厂中校 or station by a firm.
    WrongHostKind,
    /// A factory-in-school (校中厂) needs at least one firm partner (`004_*.txt` 二(一)2).
    FirmPartnerRequired,
    /// The station's practice posts for that year and specialty are all taken (`004_*.txt` 二(二)4).
    NoPracticePostLeft,
}

/// A validation or business-rule failure of a mutation's input. Nothing was written.
#[derive(SimpleObject, Debug, Clone, PartialEq, Eq)]
pub struct UserError {
    /// Path to the input field at fault, e.g. `["input", "uscc"]`; null when no one field is.
    pub field: Option<Vec<String>>,
    /// Human-readable message (English).
    pub message: String,
    /// Typed code.
    pub code: UserErrorCode,
}

impl UserError {
    /// An error on `input.<field>`.
    pub fn on(field: &str, code: UserErrorCode, message: impl Into<String>) -> Self {
        Self {
            field: Some(vec!["input".to_owned(), field.to_owned()]),
            message: message.into(),
            code,
        }
    }
}

/// The outcome of a write: the value, or what was wrong with the input (nothing was written).
pub type Outcome<T> = Result<T, Vec<UserError>>;

/// A domain operation's result: a top-level error (`UNAUTHENTICATED`, `FORBIDDEN`, `INTERNAL`), or
/// an [`Outcome`].
pub type OpResult<T> = Result<Outcome<T>, ApiError>;

/// An [`Outcome`] failing with one user error on `input.<field>`.
pub fn refuse<T>(field: &str, code: UserErrorCode, message: impl Into<String>) -> Outcome<T> {
    Err(vec![UserError::on(field, code, message)])
}

/// If `err` is a unique-constraint violation, the `TAKEN` user error on `field`; else `None`.
pub fn taken(err: &DbErr, field: &str) -> Option<UserError> {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => Some(UserError::on(
            field,
            UserErrorCode::Taken,
            format!("{field} is already taken"),
        )),
        _ => None,
    }
}
