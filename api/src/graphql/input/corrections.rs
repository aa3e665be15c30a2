//! Input types of the corrections, archives and withdrawals (`docs/domain.md`, Correcting and archiving). In an update input an
//! absent field is left as it is; a nullable field given `null` is cleared; a required field
//! (name, title…) cannot be null.

use crate::graphql::scalar::Date;
use async_graphql::{ID, InputObject, MaybeUndefined};
use entity::enums::{ApprenticeshipMode, District, EventKind, MentorQualification, SiteStatus};

/// A correction of a training site. Its kind, host and partners are not corrected: archive the
/// site and create it anew.
#[derive(InputObject)]
pub struct UpdateTrainingSiteInput {
    /// Global ID of the training site (`NOT_FOUND`).
    pub id: ID,
    /// Name (`BLANK`, `TOO_LONG`: 200 characters).
    pub name: Option<String>,
    /// Address; null clears it.
    pub address: MaybeUndefined<String>,
    /// District; null clears it.
    pub district: MaybeUndefined<District>,
    /// Specialties served: the whole list replaces the old one.
    pub specialties: Option<Vec<String>>,
    /// Students it can take at once, ≥ 0 (`MUST_BE_NON_NEGATIVE`); null clears it.
    pub student_capacity: MaybeUndefined<i32>,
    /// Production lines or projects; null clears it.
    pub production_lines: MaybeUndefined<String>,
    /// Opened on; null clears it.
    pub opened_on: MaybeUndefined<Date>,
    /// Status (only an OPERATING school-in-factory base meets `SCHOOL_IN_FACTORY_BASE`).
    pub status: Option<SiteStatus>,
}

/// A correction of a teacher practice station; its posts are set with `offerPracticePosts`.
#[derive(InputObject)]
pub struct UpdateTeacherPracticeStationInput {
    /// Global ID of the station (`NOT_FOUND`).
    pub id: ID,
    /// Name (`BLANK`).
    pub name: Option<String>,
    /// Specialties: the whole list replaces the old one.
    pub specialties: Option<Vec<String>>,
    /// Address; null clears it.
    pub address: MaybeUndefined<String>,
    /// Contact person; null clears it.
    pub contact_person: MaybeUndefined<String>,
    /// Contact phone; null clears it.
    pub contact_phone: MaybeUndefined<String>,
}

/// A correction of a craftsman of a firm's pool.
#[derive(InputObject)]
pub struct UpdateCraftsmanInput {
    /// Global ID of the craftsman (`NOT_FOUND`).
    pub id: ID,
    /// Name (`BLANK`).
    pub name: Option<String>,
    /// Skill level; null clears it.
    pub skill_level: MaybeUndefined<String>,
    /// Specialties: the whole list replaces the old one.
    pub specialties: Option<Vec<String>>,
    /// Availability; null clears it.
    pub availability: MaybeUndefined<String>,
    /// Phone; null clears it.
    pub phone: MaybeUndefined<String>,
}

/// A correction of a firm's career mentor.
#[derive(InputObject)]
pub struct UpdateCareerMentorInput {
    /// Global ID of the career mentor (`NOT_FOUND`).
    pub id: ID,
    /// Name (`BLANK`).
    pub name: Option<String>,
    /// Title as the firm writes it (`BLANK`).
    pub title: Option<String>,
    /// What qualifies the mentor: `SENIOR_TECHNICIAN` or `MANAGER` meet the commitment of
    /// Founding notice 二(四)10.
    pub qualification: Option<MentorQualification>,
}

/// A correction of an apprenticeship's facts; its firm and school are not corrected, and its
/// status moves only by `completeApprenticeship` / `terminateApprenticeship`.
#[derive(InputObject)]
pub struct UpdateApprenticeshipInput {
    /// Global ID of the apprenticeship (`NOT_FOUND`).
    pub id: ID,
    /// The apprentice (`BLANK`).
    pub apprentice_name: Option<String>,
    /// Hire date.
    pub hire_date: Option<Date>,
    /// Post (`BLANK`).
    pub post: Option<String>,
    /// The firm's mentor (`BLANK`).
    pub firm_mentor: Option<String>,
    /// The school's mentor (`BLANK`).
    pub school_mentor: Option<String>,
    /// Mode.
    pub mode: Option<ApprenticeshipMode>,
    /// First day (not after the planned or actual last day, `INVALID`).
    pub start_date: Option<Date>,
    /// Planned last day (not before the first, `INVALID`).
    pub end_date: Option<Date>,
}

/// A correction of an event. Its units are not corrected: archive it and record it anew. A new
/// kind or date withdraws the other units' confirmations.
#[derive(InputObject)]
pub struct UpdateEventInput {
    /// Global ID of the event (`NOT_FOUND`).
    pub id: ID,
    /// Kind.
    pub kind: Option<EventKind>,
    /// Date.
    pub held_on: Option<Date>,
    /// Title (`BLANK`).
    pub title: Option<String>,
    /// Participants (persons), ≥ 0 (`MUST_BE_NON_NEGATIVE`); null clears it.
    pub participants_count: MaybeUndefined<i32>,
    /// Notes; null clears it.
    pub notes: MaybeUndefined<String>,
}

/// The record to archive or withdraw.
#[derive(InputObject)]
pub struct ArchiveInput {
    /// Its global ID (`NOT_FOUND`; of another type than the mutation's, `NOT_FOUND` too).
    pub id: ID,
}

/// An ACTIVE apprenticeship to complete.
#[derive(InputObject)]
pub struct CompleteApprenticeshipInput {
    /// Global ID of the apprenticeship (`NOT_FOUND`).
    pub id: ID,
    /// The actual last day: not before the first day nor after today (`INVALID`).
    pub end_date: Date,
}

/// An ACTIVE apprenticeship to end early.
#[derive(InputObject)]
pub struct TerminateApprenticeshipInput {
    /// Global ID of the apprenticeship (`NOT_FOUND`).
    pub id: ID,
    /// The actual last day: not before the first day nor after today (`INVALID`).
    pub end_date: Date,
    /// Why it ended early (required, `BLANK`; at most 10,000 characters, the ceiling of every text:
    /// longer is refused whole with `BAD_USER_INPUT`).
    pub reason: String,
}
