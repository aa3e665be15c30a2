//! The council and the committees at work (Founding notice 三(一); `docs/committees.md`, The
//! council): meetings with attendance, agenda and resolutions, and each committee's yearly work
//! plan. The secretariat records meetings; a committee's staff keep its work plan and the
//! resolutions it owns.

use std::collections::BTreeSet;

use chrono::{NaiveDate, Utc};
use entity::enums::{ResolutionStatus, WorkPlanStatus};
use entity::{
    committee, committee_meeting, meeting_attendance, member_unit, resolution, work_plan_item,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;

/// Most units one meeting records as present.
pub const MAX_ATTENDEES: usize = 500;
/// Most resolutions one meeting records.
pub const MAX_RESOLUTIONS: usize = 50;
/// Most items of one committee's plan for one year.
pub const MAX_PLAN_ITEMS: u64 = 200;

/// A resolution as recorded with its meeting.
#[derive(Debug, Clone)]
pub struct ResolutionInput {
    /// What was resolved (1–2,000 characters).
    pub text: String,
    /// The member unit that carries it out.
    pub owner_unit_id: Option<Uuid>,
    /// The committee that carries it out.
    pub owner_committee_id: Option<Uuid>,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
}

/// A meeting as the secretariat records it.
#[derive(Debug, Clone)]
pub struct MeetingInput {
    /// The body that met.
    pub committee_id: Uuid,
    /// The day (in 2000–2100).
    pub held_on: NaiveDate,
    /// Title (1–200 characters).
    pub title: String,
    /// The agenda (at most 4,000 characters).
    pub agenda: String,
    /// The member units present (at most 500; repeats count once).
    pub attendee_ids: Vec<Uuid>,
    /// The resolutions taken (at most 50), in order.
    pub resolutions: Vec<ResolutionInput>,
}

/// Records a meeting with its attendance and resolutions (each OPEN). One transaction.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for anyone but the secretariat; user errors: `NOT_FOUND`
/// committee, attendee or owner (`attendeeIds.N`, `resolutions.N.ownerUnitId` …), `INVALID`
/// date, `BLANK` title or resolution text, `TOO_LARGE` lists; database failures.
pub async fn record_meeting(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: MeetingInput,
) -> OpResult<committee_meeting::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    if committee::Entity::find_by_id(input.committee_id)
        .one(&txn)
        .await?
        .is_none()
    {
        errors.push(Violation::on(
            "committeeId",
            ViolationCode::NotFound,
            msg!("registry-committee-not-found"),
        ));
    }
    if !super::YEARS.contains(&chrono::Datelike::year(&input.held_on)) {
        errors.push(Violation::on(
            "heldOn",
            ViolationCode::Invalid,
            msg!(
                "year-invalid",
                year = chrono::Datelike::year(&input.held_on)
            ),
        ));
    }
    if input.title.trim().is_empty() {
        errors.push(Violation::on(
            "title",
            ViolationCode::Blank,
            msg!("field-blank", field = "title"),
        ));
    }
    if input.attendee_ids.len() > MAX_ATTENDEES {
        errors.push(Violation::on(
            "attendeeIds",
            ViolationCode::TooLarge,
            msg!("committees-too-many", max = MAX_ATTENDEES),
        ));
    }
    if input.resolutions.len() > MAX_RESOLUTIONS {
        errors.push(Violation::on(
            "resolutions",
            ViolationCode::TooLarge,
            msg!("committees-too-many", max = MAX_RESOLUTIONS),
        ));
    }
    let attendees: BTreeSet<Uuid> = input.attendee_ids.iter().copied().collect();
    let owners: BTreeSet<Uuid> = input
        .resolutions
        .iter()
        .filter_map(|r| r.owner_unit_id)
        .collect();
    let known: BTreeSet<Uuid> = member_unit::Entity::find()
        .filter(member_unit::Column::Id.is_in(attendees.iter().chain(owners.iter()).copied()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let committees: BTreeSet<Uuid> = committee::Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    for (n, id) in input.attendee_ids.iter().enumerate() {
        if !known.contains(id) {
            errors.push(Violation::on(
                &format!("attendeeIds.{n}"),
                ViolationCode::NotFound,
                msg!("registry-member-unit-not-found"),
            ));
        }
    }
    for (n, r) in input.resolutions.iter().enumerate() {
        if r.text.trim().is_empty() {
            errors.push(Violation::on(
                &format!("resolutions.{n}.text"),
                ViolationCode::Blank,
                msg!("field-blank", field = "text"),
            ));
        }
        if r.owner_unit_id.is_some_and(|u| !known.contains(&u)) {
            errors.push(Violation::on(
                &format!("resolutions.{n}.ownerUnitId"),
                ViolationCode::NotFound,
                msg!("registry-member-unit-not-found"),
            ));
        }
        if r.owner_committee_id
            .is_some_and(|c| !committees.contains(&c))
        {
            errors.push(Violation::on(
                &format!("resolutions.{n}.ownerCommitteeId"),
                ViolationCode::NotFound,
                msg!("registry-committee-not-found"),
            ));
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let meeting = committee_meeting::ActiveModel {
        id: Set(Uuid::now_v7()),
        committee_id: Set(input.committee_id),
        held_on: Set(input.held_on),
        title: Set(input.title.trim().to_owned()),
        agenda: Set(input.agenda.trim().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    for unit in attendees {
        meeting_attendance::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting.id),
            unit_id: Set(unit),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    for (n, r) in input.resolutions.into_iter().enumerate() {
        resolution::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting.id),
            position: Set(n as i32 + 1),
            text: Set(r.text.trim().to_owned()),
            owner_unit_id: Set(r.owner_unit_id),
            owner_committee_id: Set(r.owner_committee_id),
            due_on: Set(r.due_on),
            status: Set(ResolutionStatus::Open),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(meeting))
}

/// Whether the caller keeps the records of `committee`: the secretariat, or that committee's
/// staff.
fn keeps(actor: &Actor, committee: Option<Uuid>) -> bool {
    actor.is_secretariat() || (actor.committee().is_some() && actor.committee() == committee)
}

/// Sets a resolution's status: the secretariat, or the staff of the committee that owns it.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN`; `NOT_FOUND` resolution; database failures.
pub async fn set_resolution_status(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    status: ResolutionStatus,
) -> OpResult<resolution::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = resolution::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("committees-resolution-not-found"),
        ));
    };
    if !keeps(actor, row.owner_committee_id) {
        return Err(actor.refused(msg!("committees-forbidden-keeper")));
    }
    let mut row: resolution::ActiveModel = row.into();
    row.status = Set(status);
    row.updated_at = Set(Utc::now());
    let row = row.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// An item of a committee's work plan.
#[derive(Debug, Clone)]
pub struct PlanItemInput {
    /// The committee.
    pub committee_id: Uuid,
    /// The plan's year (2000–2100).
    pub year: i32,
    /// Title (1–200 characters).
    pub title: String,
    /// Description (at most 4,000 characters).
    pub description: String,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
}

/// Adds an item (PLANNED) to a committee's plan for a year: the secretariat or the committee's
/// staff.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN`; user errors: `NOT_FOUND` committee, `INVALID` year, `BLANK`
/// title, `TOO_LARGE` when the year's plan holds 200 items; database failures.
pub async fn add_plan_item(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: PlanItemInput,
) -> OpResult<work_plan_item::Model> {
    if !keeps(actor, Some(input.committee_id)) {
        return Err(actor.refused(msg!("committees-forbidden-keeper")));
    }
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    if committee::Entity::find_by_id(input.committee_id)
        .one(&txn)
        .await?
        .is_none()
    {
        errors.push(Violation::on(
            "committeeId",
            ViolationCode::NotFound,
            msg!("registry-committee-not-found"),
        ));
    }
    if !super::YEARS.contains(&input.year) {
        errors.push(Violation::on(
            "year",
            ViolationCode::Invalid,
            msg!("year-invalid", year = input.year),
        ));
    }
    if input.title.trim().is_empty() {
        errors.push(Violation::on(
            "title",
            ViolationCode::Blank,
            msg!("field-blank", field = "title"),
        ));
    }
    let held = work_plan_item::Entity::find()
        .filter(work_plan_item::Column::CommitteeId.eq(input.committee_id))
        .filter(work_plan_item::Column::Year.eq(input.year))
        .count(&txn)
        .await?;
    if held >= MAX_PLAN_ITEMS {
        errors.push(Violation::on(
            "year",
            ViolationCode::TooLarge,
            msg!("committees-too-many", max = MAX_PLAN_ITEMS),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let row = work_plan_item::ActiveModel {
        id: Set(Uuid::now_v7()),
        committee_id: Set(input.committee_id),
        year: Set(input.year),
        title: Set(input.title.trim().to_owned()),
        description: Set(input.description.trim().to_owned()),
        due_on: Set(input.due_on),
        status: Set(WorkPlanStatus::Planned),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Sets a plan item's status: the secretariat or the committee's staff.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN`; `NOT_FOUND` item; database failures.
pub async fn set_plan_item_status(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    status: WorkPlanStatus,
) -> OpResult<work_plan_item::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = work_plan_item::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("committees-plan-item-not-found"),
        ));
    };
    if !keeps(actor, Some(row.committee_id)) {
        return Err(actor.refused(msg!("committees-forbidden-keeper")));
    }
    let mut row: work_plan_item::ActiveModel = row.into();
    row.status = Set(status);
    row.updated_at = Set(Utc::now());
    let row = row.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Meetings of the council (kind COUNCIL) held in each year of `years`, with the units present:
/// `(year, meeting id, attendees)`. Two statements.
///
/// # Errors
/// Database failures.
pub async fn council_meetings(
    db: &impl ConnectionTrait,
    years: std::ops::RangeInclusive<i32>,
) -> Result<Vec<(NaiveDate, Uuid, Vec<Uuid>)>, sea_orm::DbErr> {
    let councils: Vec<Uuid> = committee::Entity::find()
        .filter(committee::Column::Kind.eq(entity::enums::CommitteeKind::Council))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    let from = NaiveDate::from_ymd_opt(*years.start(), 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(years.end() + 1, 1, 1).unwrap_or_default();
    let meetings = committee_meeting::Entity::find()
        .filter(committee_meeting::Column::CommitteeId.is_in(councils))
        .filter(committee_meeting::Column::HeldOn.gte(from))
        .filter(committee_meeting::Column::HeldOn.lt(to))
        .all(db)
        .await?;
    let attendance = meeting_attendance::Entity::find()
        .filter(meeting_attendance::Column::MeetingId.is_in(meetings.iter().map(|m| m.id)))
        .all(db)
        .await?;
    Ok(meetings
        .into_iter()
        .map(|m| {
            let present = attendance
                .iter()
                .filter(|a| a.meeting_id == m.id)
                .map(|a| a.unit_id)
                .collect();
            (m.held_on, m.id, present)
        })
        .collect())
}

/// Sets the alliance's calendar: the month and day (`MM-DD`) its spring and autumn terms start.
/// Secretariat only. Both must be dates of every year (not 02-29), spring before autumn.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN`; user errors: `INVALID` date or order; database failures.
pub async fn set_calendar(
    actor: &Actor,
    db: &impl TransactionTrait,
    spring: &str,
    autumn: &str,
) -> OpResult<entity::alliance::Model> {
    actor.require_secretariat()?;
    // 2001 is not a leap year: a day valid in it is valid in every year.
    let parse = |md: &str| {
        (md.len() == 5)
            .then(|| NaiveDate::parse_from_str(&format!("2001-{md}"), "%Y-%m-%d").ok())
            .flatten()
    };
    let mut errors = Vec::new();
    let (s, a) = (parse(spring), parse(autumn));
    if s.is_none() {
        errors.push(Violation::on(
            "springTermStarts",
            ViolationCode::Invalid,
            msg!("committees-calendar-day"),
        ));
    }
    if a.is_none() {
        errors.push(Violation::on(
            "autumnTermStarts",
            ViolationCode::Invalid,
            msg!("committees-calendar-day"),
        ));
    }
    if let (Some(s), Some(a)) = (s, a)
        && s >= a
    {
        errors.push(Violation::on(
            "autumnTermStarts",
            ViolationCode::Invalid,
            msg!("committees-calendar-order"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = entity::alliance::Entity::find().one(&txn).await? else {
        return Err(Error::NotFound(msg!("committees-alliance-not-found")));
    };
    let mut row: entity::alliance::ActiveModel = row.into();
    row.spring_term_starts = Set(spring.to_owned());
    row.autumn_term_starts = Set(autumn.to_owned());
    let row = row.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}
