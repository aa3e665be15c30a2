//! The core's errors, known to every domain module and to nothing of GraphQL or HTTP.
//!
//! A core operation fails in one of two ways:
//! - [`Error`]: the caller may not act (unauthenticated, forbidden, not found) or the system failed
//!   (a database error). The transport maps it to a top-level error with a stable code.
//! - [`Violation`]s: the caller may act, but the input breaks a validation or business rule; each
//!   names the input field at fault, a typed [`ViolationCode`] and a message. Nothing was written.
//!
//! [`OpResult`] carries both: `Err(Error)` for the first, `Ok(Err(violations))` for the second.

use sea_orm::{DbErr, SqlErr};

use crate::i18n::Message;
use crate::msg;

/// Why a core operation did not run: the caller may not act, or the system failed.
///
/// It deliberately implements neither `Display` nor `std::error::Error`: GraphQL libraries turn
/// any `Display` type into an error without a code, so the transport must map it explicitly.
#[derive(Debug)]
pub enum Error {
    /// No valid token, and the operation needs one.
    Unauthenticated,
    /// The caller's role or unit may not do this; the message says who may.
    Forbidden(Message),
    /// No such object, or not one the caller may see; the message names what.
    NotFound(Message),
    /// An argument of a read the schema could not reject (an impossible year, an unknown status);
    /// the message says which.
    BadInput(Message),
    /// A database failure. Its text is for the log only, never for the caller.
    Database(DbErr),
}

impl From<DbErr> for Error {
    fn from(e: DbErr) -> Self {
        Self::Database(e)
    }
}

impl Error {
    /// The message for the caller (never a database error's text).
    pub fn message(&self) -> Message {
        match self {
            Self::Unauthenticated => msg!("error-unauthenticated"),
            Self::Forbidden(why) | Self::NotFound(why) | Self::BadInput(why) => why.clone(),
            Self::Database(_) => msg!("error-internal"),
        }
    }
}

// In the core, the code of a `Violation`: why an input was refused. The schema calls it
// `UserErrorCode`, the type of `UserError.code`.
/// Typed codes of [`UserError`]s.
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[graphql(name = "UserErrorCode")]
pub enum ViolationCode {
    /// A required text is empty or only white space.
    Blank,
    /// A text is longer than allowed.
    TooLong,
    /// A number, or a list's length, is above its documented maximum (see `docs/limits.md`:
    /// any integer within ±1,000,000, a headcount or seat count at most 10,000, a list at most
    /// 1,000 items).
    TooLarge,
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
    /// The unit may not sponsor order classes (Founding notice 二(三)6): a school, or a body that is
    /// not a firm by kind (e.g. a hospital or a training body) the secretariat has not allowed
    /// (`MemberUnit.maySponsor`).
    SponsorNotEnterprise,
    /// The same firm is listed twice as a sponsor.
    DuplicateSponsor,
    /// The sponsors' seats do not sum to the planned seats.
    SponsorSeatsMismatch,
    /// Fewer than 50% of specialty hours are in enterprise workshops (Ten Measures (5)).
    EnterpriseHoursBelowHalf,
    /// Core-skill practice is below 150% of the ordinary class's (Ten Measures (5)).
    CorePracticeBelow150,
    /// The demand does not open the class to this target group (Ten Measures (2)).
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
    /// `AGREEMENT_REQUIRED` (`docs/internship-rules.md`): no signed tripartite agreement.
    AgreementRequired,
    /// `CONSENT_REQUIRED`: no informed consent recorded.
    ConsentRequired,
    /// `SCHOOL_APPROVAL_REQUIRED`: a placement the student arranged without the school's approval
    /// of the student's application.
    SchoolApprovalRequired,
    /// `FIRST_YEAR_STUDENT`: first-year students (or year unknown) may not do 岗位实习.
    FirstYearStudent,
    /// `UNDER_16`: the student is under 16 on the start date.
    Under16,
    /// `MINOR_FORBIDDEN_WORK`: hazardous post for a minor.
    MinorForbiddenWork,
    /// `FEMALE_FORBIDDEN_WORK`: a post forbidden to female workers, for a female student.
    FemaleForbiddenWork,
    /// `FORBIDDEN_VENUE`: bars, KTV, bath centres, game halls, internet cafés.
    ForbiddenVenue,
    /// `INTERMEDIARY`: arranged by an intermediary, or an agency hosting work at another firm.
    Intermediary,
    /// `HEAVY_LABOUR`: a post of physical-labour intensity level III or IV.
    HeavyLabour,
    /// `PAY_BELOW_FLOOR`: pay below 80% of the post's wage.
    PayBelowFloor,
    /// `NO_NIGHT_OR_OVERTIME`: night shifts, overtime or holiday work in the schedule.
    NoNightOrOvertime,
    /// `INSURANCE_REQUIRED`: no liability insurance covering the whole placement.
    InsuranceRequired,
    /// The uploaded file is not a readable .xlsx or CSV in the template's layout.
    MalformedFile,
    /// The uploaded file has more data rows than an import takes (200,000).
    TooManyRows,
    /// The host is of the wrong sort: a 校中厂 is hosted by a school, a 厂中校 or station by a firm.
    WrongHostKind,
    /// A factory-in-school (校中厂) needs at least one firm partner (Founding notice 二(一)2).
    FirmPartnerRequired,
    /// The station's practice posts for that year and specialty are all taken (Founding notice 二(二)4).
    NoPracticePostLeft,
    /// The training site a placement names is not one of the placement's school or host: neither
    /// hosts it nor is its partner (Founding notice 二(一)2–3).
    SiteNotOfPlacement,
    /// The unit named must be an enterprise (a firm's apprenticeship base or certification).
    NotAnEnterprise,
    /// The unit named must train workers: a school or a training institution (Founding notice
    /// 二(三)8).
    NotATrainingProvider,
}

/// The first and the day after the last day of `year`.
///
/// # Errors
/// `BadInput` for a year outside the calendar's range.
pub fn year_bounds(year: i32) -> Result<(chrono::NaiveDate, chrono::NaiveDate), Error> {
    crate::db::year_bounds(year).ok_or_else(|| Error::BadInput(msg!("year-invalid", year = year)))
}

/// A validation or business-rule failure of an operation's input. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The input field at fault, in the API's spelling (e.g. `uscc`, `startDate`); `None` when no
    /// one field is.
    pub field: Option<String>,
    /// Typed code.
    pub code: ViolationCode,
    /// What is wrong, for a person (rendered in the caller's language).
    pub message: Message,
}

impl Violation {
    /// A violation on input field `field`.
    pub fn on(field: &str, code: ViolationCode, message: Message) -> Self {
        Self {
            field: Some(field.to_owned()),
            code,
            message,
        }
    }
}

/// The outcome of a write: the value, or what was wrong with the input (nothing was written).
pub type Outcome<T> = Result<T, Vec<Violation>>;

/// A core operation's result: an [`Error`] (the caller may not act, or the system failed), or an
/// [`Outcome`].
pub type OpResult<T> = Result<Outcome<T>, Error>;

/// An [`Outcome`] failing with one violation on `field`.
pub fn refuse<T>(field: &str, code: ViolationCode, message: Message) -> Outcome<T> {
    Err(vec![Violation::on(field, code, message)])
}

/// If `err` is a unique-constraint violation, the `TAKEN` violation on `field`; else `None`.
pub fn taken(err: &DbErr, field: &str) -> Option<Violation> {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => Some(Violation::on(
            field,
            ViolationCode::Taken,
            msg!("field-taken", field = field),
        )),
        _ => None,
    }
}
