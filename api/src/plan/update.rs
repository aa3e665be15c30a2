//! Corrections of the plan's records (`docs/domain.md`, Correcting and archiving): partial updates of training sites, teacher
//! practice stations, craftsmen, career mentors, apprenticeships and events. An absent field is
//! left as it is; for a nullable field `Some(None)` clears it. Each correction is allowed to whoever
//! may create the record (the owning unit's staff or the secretariat; others `FORBIDDEN`), checks
//! its values with the same codes as the create, and is one audited transaction.
//!
//! What a correction cannot change: a site's kind, host and partners, a station's or a craftsman's
//! or a mentor's unit, an apprenticeship's firm and school, an event's units. Such a record is
//! archived (or withdrawn) and recorded anew.

use chrono::{NaiveDate, Utc};
use entity::enums::{
    ApprenticeshipMode, District, EventKind, EventRole, MentorQualification, SiteStatus,
};
use entity::{
    apprenticeship, career_mentor, craftsman, event, event_unit, practice_station, training_site,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::{Error, OpResult, Outcome, Violation, ViolationCode};
use crate::i18n::Message;
use crate::msg;
use crate::plan::owns;
use crate::text::{clean_update, join_list, required};

/// The row, or the `NOT_FOUND` user error on `id`; `UNAUTHENTICATED` first for an anonymous
/// caller, so that nobody learns which IDs exist without signing in.
pub(super) fn found<T>(
    actor: &Actor,
    row: Option<T>,
    unknown: Message,
) -> Result<Outcome<T>, Error> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    Ok(row.ok_or_else(|| vec![Violation::on("id", ViolationCode::NotFound, unknown)]))
}

/// The value of an `Outcome`, or return its user errors from the enclosing operation.
macro_rules! or_refuse {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(errors) => return Ok(Err(errors)),
        }
    };
}
pub(super) use or_refuse;

/// A required text given for a correction: normalised, `BLANK` when empty.
fn required_update(v: Option<String>, field: &str, errors: &mut Vec<Violation>) -> Option<String> {
    v.map(|v| required(&v, field, errors))
}

/// A correction of a training site (`updateTrainingSite`).
#[derive(Debug, Clone, Default)]
pub struct SitePatch {
    /// Name (`BLANK`).
    pub name: Option<String>,
    /// Address; `Some(None)` clears it.
    pub address: Option<Option<String>>,
    /// District; `Some(None)` clears it.
    pub district: Option<Option<District>>,
    /// Specialties served (the whole list).
    pub specialties: Option<Vec<String>>,
    /// Student capacity, ≥ 0 (`MUST_BE_NON_NEGATIVE`); `Some(None)` clears it.
    pub student_capacity: Option<Option<i32>>,
    /// Production lines or projects; `Some(None)` clears it.
    pub production_lines: Option<Option<String>>,
    /// Opened on; `Some(None)` clears it.
    pub opened_on: Option<Option<NaiveDate>>,
    /// Status (a CLOSED site no longer counts for `SCHOOL_IN_FACTORY_BASE`).
    pub status: Option<SiteStatus>,
}

/// Corrects a training site: its host's staff or the secretariat.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` for anyone else; database failures. User errors: `NOT_FOUND`,
/// `BLANK`, `MUST_BE_NON_NEGATIVE`.
pub async fn update_site(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    p: SitePatch,
) -> OpResult<training_site::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = training_site::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-site-unknown"))?);
    owns(actor, row.host_unit_id)?;
    let mut errors = Vec::new();
    let name = required_update(p.name, "name", &mut errors);
    if p.student_capacity.flatten().is_some_and(|c| c < 0) {
        errors.push(Violation::on(
            "studentCapacity",
            ViolationCode::MustBeNonNegative,
            msg!("plan-student-capacity-negative"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: training_site::ActiveModel = row.into();
    if let Some(v) = name {
        a.name = Set(v);
    }
    if let Some(v) = clean_update(p.address) {
        a.address = Set(v);
    }
    if let Some(v) = p.district {
        a.district = Set(v);
    }
    if let Some(v) = p.specialties {
        a.specialties = Set(join_list(&v));
    }
    if let Some(v) = p.student_capacity {
        a.student_capacity = Set(v);
    }
    if let Some(v) = clean_update(p.production_lines) {
        a.production_lines = Set(v);
    }
    if let Some(v) = p.opened_on {
        a.opened_on = Set(v);
    }
    if let Some(v) = p.status {
        a.status = Set(v);
    }
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// A correction of a teacher practice station (`updateTeacherPracticeStation`).
#[derive(Debug, Clone, Default)]
pub struct StationPatch {
    /// Name (`BLANK`).
    pub name: Option<String>,
    /// Specialties (the whole list).
    pub specialties: Option<Vec<String>>,
    /// Address; `Some(None)` clears it.
    pub address: Option<Option<String>>,
    /// Contact person; `Some(None)` clears it.
    pub contact_person: Option<Option<String>>,
    /// Contact phone; `Some(None)` clears it.
    pub contact_phone: Option<Option<String>>,
}

/// Corrects a teacher practice station: its host's staff or the secretariat. Its yearly posts are
/// set with `offerPracticePosts` (0 included).
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` for anyone else; database failures. User errors: `NOT_FOUND`,
/// `BLANK`.
pub async fn update_station(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    p: StationPatch,
) -> OpResult<practice_station::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = practice_station::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-station-unknown"))?);
    owns(actor, row.host_unit_id)?;
    let mut errors = Vec::new();
    let name = required_update(p.name, "name", &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: practice_station::ActiveModel = row.into();
    if let Some(v) = name {
        a.name = Set(v);
    }
    if let Some(v) = p.specialties {
        a.specialties = Set(join_list(&v));
    }
    if let Some(v) = clean_update(p.address) {
        a.address = Set(v);
    }
    if let Some(v) = clean_update(p.contact_person) {
        a.contact_person = Set(v);
    }
    if let Some(v) = clean_update(p.contact_phone) {
        a.contact_phone = Set(v);
    }
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// A correction of a craftsman (`updateCraftsman`).
#[derive(Debug, Clone, Default)]
pub struct CraftsmanPatch {
    /// Name (`BLANK`).
    pub name: Option<String>,
    /// Skill level; `Some(None)` clears it.
    pub skill_level: Option<Option<String>>,
    /// Specialties (the whole list).
    pub specialties: Option<Vec<String>>,
    /// Availability; `Some(None)` clears it.
    pub availability: Option<Option<String>>,
    /// Phone; `Some(None)` clears it.
    pub phone: Option<Option<String>>,
}

/// Corrects a craftsman of a firm's pool: the firm's staff or the secretariat.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` for anyone else; database failures. User errors: `NOT_FOUND`,
/// `BLANK`.
pub async fn update_craftsman(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    p: CraftsmanPatch,
) -> OpResult<craftsman::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = craftsman::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-craftsman-unknown"))?);
    owns(actor, row.unit_id)?;
    let mut errors = Vec::new();
    let name = required_update(p.name, "name", &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: craftsman::ActiveModel = row.into();
    if let Some(v) = name {
        a.name = Set(v);
    }
    if let Some(v) = clean_update(p.skill_level) {
        a.skill_level = Set(v);
    }
    if let Some(v) = p.specialties {
        a.specialties = Set(join_list(&v));
    }
    if let Some(v) = clean_update(p.availability) {
        a.availability = Set(v);
    }
    if let Some(v) = clean_update(p.phone) {
        a.phone = Set(v);
    }
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// A correction of a career mentor (`updateCareerMentor`).
#[derive(Debug, Clone, Default)]
pub struct MentorPatch {
    /// Name (`BLANK`).
    pub name: Option<String>,
    /// Title (`BLANK`).
    pub title: Option<String>,
    /// Qualification (Founding notice 二(四)10: `SENIOR_TECHNICIAN` or `MANAGER` meet the rule).
    pub qualification: Option<MentorQualification>,
}

/// Corrects a firm's career mentor: the firm's staff or the secretariat.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` for anyone else; database failures. User errors: `NOT_FOUND`,
/// `BLANK`.
pub async fn update_career_mentor(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    p: MentorPatch,
) -> OpResult<career_mentor::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = career_mentor::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-mentor-unknown"))?);
    owns(actor, row.unit_id)?;
    let mut errors = Vec::new();
    let name = required_update(p.name, "name", &mut errors);
    let title = required_update(p.title, "title", &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: career_mentor::ActiveModel = row.into();
    if let Some(v) = name {
        a.name = Set(v);
    }
    if let Some(v) = title {
        a.title = Set(v);
    }
    if let Some(v) = p.qualification {
        a.qualification = Set(Some(v));
    }
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// A correction of an apprenticeship's facts (`updateApprenticeship`); its status moves only by
/// `completeApprenticeship` / `terminateApprenticeship`.
#[derive(Debug, Clone, Default)]
pub struct ApprenticeshipPatch {
    /// The apprentice (`BLANK`).
    pub apprentice_name: Option<String>,
    /// Hire date.
    pub hire_date: Option<NaiveDate>,
    /// Post (`BLANK`).
    pub post: Option<String>,
    /// The firm's mentor (`BLANK`).
    pub firm_mentor: Option<String>,
    /// The school's mentor (`BLANK`).
    pub school_mentor: Option<String>,
    /// Mode.
    pub mode: Option<ApprenticeshipMode>,
    /// First day.
    pub start_date: Option<NaiveDate>,
    /// Planned last day (not before the first day, `INVALID`).
    pub end_date: Option<NaiveDate>,
}

/// Corrects an apprenticeship: the firm's staff or the secretariat (as `createApprenticeship`).
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` for anyone else (the partner school included); database
/// failures. User errors: `NOT_FOUND`, `BLANK`, `INVALID` (the planned last day, or the actual one
/// of an ended apprenticeship, before the first).
pub async fn update_apprenticeship(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    p: ApprenticeshipPatch,
) -> OpResult<apprenticeship::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = apprenticeship::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-apprenticeship-unknown"))?);
    owns(actor, row.unit_id)?;
    let mut errors = Vec::new();
    let name = required_update(p.apprentice_name, "apprenticeName", &mut errors);
    let post = required_update(p.post, "post", &mut errors);
    let firm_mentor = required_update(p.firm_mentor, "firmMentor", &mut errors);
    let school_mentor = required_update(p.school_mentor, "schoolMentor", &mut errors);
    let start = p.start_date.unwrap_or(row.start_date);
    let end = p.end_date.or(row.end_date);
    if end.is_some_and(|e| e < start) || row.ended_on.is_some_and(|e| e < start) {
        errors.push(Violation::on(
            if p.end_date.is_some() {
                "endDate"
            } else {
                "startDate"
            },
            ViolationCode::Invalid,
            msg!("plan-end-before-start"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: apprenticeship::ActiveModel = row.into();
    if let Some(v) = name {
        a.apprentice_name = Set(v);
    }
    if let Some(v) = p.hire_date {
        a.hire_date = Set(v);
    }
    if let Some(v) = post {
        a.post = Set(v);
    }
    if let Some(v) = firm_mentor {
        a.firm_mentor = Set(v);
    }
    if let Some(v) = school_mentor {
        a.school_mentor = Set(v);
    }
    if let Some(v) = p.mode {
        a.mode = Set(v);
    }
    if let Some(v) = p.start_date {
        a.start_date = Set(v);
    }
    if let Some(v) = p.end_date {
        a.end_date = Set(Some(v));
    }
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// A correction of an event (`updateEvent`).
#[derive(Debug, Clone, Default)]
pub struct EventPatch {
    /// Kind.
    pub kind: Option<EventKind>,
    /// Date.
    pub held_on: Option<NaiveDate>,
    /// Title (`BLANK`).
    pub title: Option<String>,
    /// Participants (persons), ≥ 0 (`MUST_BE_NON_NEGATIVE`); `Some(None)` clears it.
    pub participants_count: Option<Option<i32>>,
    /// Notes; `Some(None)` clears it.
    pub notes: Option<Option<String>>,
}

/// Whether the caller may change event `id`: staff of one of its organisers, or the secretariat.
///
/// # Errors
/// `UNAUTHENTICATED` anonymously, `FORBIDDEN` for anyone else; database failures.
pub(super) async fn organises(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<(), Error> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    if actor.is_secretariat() {
        return Ok(());
    }
    let organiser = match actor.unit() {
        Some(u) => event_unit::Entity::find()
            .filter(event_unit::Column::EventId.eq(id))
            .filter(event_unit::Column::UnitId.eq(u))
            .filter(event_unit::Column::Role.eq(EventRole::Organiser))
            .one(db)
            .await?
            .is_some(),
        None => false,
    };
    if organiser {
        Ok(())
    } else {
        Err(Error::Forbidden(msg!(
            "plan-forbidden-event-organiser-only"
        )))
    }
}

/// Corrects an event: staff of an organiser or the secretariat. A new kind or date is a fact the
/// other units did not vouch for: their confirmations are withdrawn and the event counts for no
/// one's compliance until they confirm again (the secretariat's correction stands confirmed, as
/// its record does). A title, count or notes correction keeps the confirmations.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` for anyone else; database failures. User errors: `NOT_FOUND`,
/// `BLANK`, `MUST_BE_NON_NEGATIVE`.
pub async fn update_event(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    p: EventPatch,
) -> OpResult<event::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = event::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-event-unknown"))?);
    organises(&txn, actor, id).await?;
    let mut errors = Vec::new();
    let title = required_update(p.title, "title", &mut errors);
    if p.participants_count.flatten().is_some_and(|n| n < 0) {
        errors.push(Violation::on(
            "participantsCount",
            ViolationCode::MustBeNonNegative,
            msg!("plan-participants-count-negative"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let facts_changed =
        p.kind.is_some_and(|k| k != row.kind) || p.held_on.is_some_and(|d| d != row.held_on);
    let mut a: event::ActiveModel = row.into();
    if let Some(v) = p.kind {
        a.kind = Set(v);
    }
    if let Some(v) = p.held_on {
        a.held_on = Set(v);
    }
    if let Some(v) = title {
        a.title = Set(v);
    }
    if let Some(v) = p.participants_count {
        a.participants_count = Set(v);
    }
    if let Some(v) = clean_update(p.notes) {
        a.notes = Set(v);
    }
    let row = a.update(&txn).await?;
    if facts_changed && !actor.is_secretariat() {
        let parts = event_unit::Entity::find()
            .filter(event_unit::Column::EventId.eq(id))
            .filter(event_unit::Column::ConfirmedAt.is_not_null())
            .all(&txn)
            .await?;
        for part in parts
            .into_iter()
            .filter(|p| actor.unit() != Some(p.unit_id))
        {
            let mut a: event_unit::ActiveModel = part.into();
            a.confirmed_at = Set(None);
            a.update(&txn).await?;
        }
    }
    txn.commit().await?;
    Ok(Ok(row))
}
