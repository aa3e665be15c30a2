//! Research projects in technical education and vocational training (技工教育和职业培训科研课题,
//! Ten Measures (6): "每年开展市级技工教育和职业培训科研课题立项、结题工作，不断提升教师科研能力和
//! 水平"): a school records its approved project (立项) with its leader and members from its own
//! teachers, then its conclusion (结题) or its end.

use std::collections::HashSet;

use chrono::{NaiveDate, Utc};
use entity::enums::ResearchStatus;
use entity::{research_project, research_project_member, teacher};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionSession,
    TransactionTrait,
};
use uuid::Uuid;

use super::{MAX_DOCUMENT_CHARS, acting_for, check_unit, not_future};
use crate::actor::Actor;
use crate::error::{OpResult, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::{clean, required, too_long};

/// Most members of a project besides its leader.
pub const MAX_MEMBERS: usize = 30;
/// Most characters of an outcome or a reason.
pub const MAX_OUTCOME_CHARS: usize = 4_000;

/// A project as a school records its approval.
#[derive(Debug, Clone)]
pub struct ResearchInput {
    /// The school: its own for school staff; required for the secretariat.
    pub school_id: Option<Uuid>,
    /// Its title (1–200 characters).
    pub title: String,
    /// Who approved it (1–200 characters).
    pub approving_body: String,
    /// The approval document (1–300 characters).
    pub document: String,
    /// The day it was approved (not after today); the project's year is this day's.
    pub approved_on: NaiveDate,
    /// The leader, a teacher of the school on its staff.
    pub leader_teacher_id: Uuid,
    /// The members, teachers of the school on its staff (at most [`MAX_MEMBERS`]).
    pub member_teacher_ids: Vec<Uuid>,
}

/// Records a school's approved research project (立项) with its leader and members: the school's
/// staff or the secretariat. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `BLANK`, `TOO_LONG`, `TOO_LARGE` (members),
/// `NOT_FOUND` / `NOT_A_SCHOOL` school, `NOT_FOUND` (a leader or member who is not on the
/// school's staff), `INVALID` (a day in the future or outside 2000–2100; the leader among the
/// members); database failures.
pub async fn register_research_project(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: ResearchInput,
) -> OpResult<research_project::Model> {
    let school = match acting_for(
        actor,
        actor.school(),
        input.school_id,
        "schoolId",
        msg!("forbidden-school-staff-only"),
    )? {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    check_unit(&txn, school, "schoolId", true, &mut errors).await?;
    let title = required(&input.title, "title", &mut errors);
    let approving_body = required(&input.approving_body, "approvingBody", &mut errors);
    let document = required(&input.document, "document", &mut errors);
    too_long(&mut errors, "document", Some(&document), MAX_DOCUMENT_CHARS);
    not_future(input.approved_on, "approvedOn", &mut errors);
    let year = super::in_years(input.approved_on, "approvedOn", &mut errors);
    let mut members: Vec<Uuid> = Vec::new();
    let mut seen = HashSet::new();
    for m in &input.member_teacher_ids {
        if seen.insert(*m) {
            members.push(*m);
        }
    }
    if members.len() > MAX_MEMBERS {
        errors.push(Violation::on(
            "memberTeacherIds",
            ViolationCode::TooLarge,
            msg!(
                "limits-too-many-items",
                field = "memberTeacherIds",
                max = MAX_MEMBERS
            ),
        ));
        members.truncate(MAX_MEMBERS);
    }
    if members.contains(&input.leader_teacher_id) {
        errors.push(Violation::on(
            "memberTeacherIds",
            ViolationCode::Invalid,
            msg!("research-leader-is-member"),
        ));
    }
    let mut wanted = members.clone();
    wanted.push(input.leader_teacher_id);
    let staff: HashSet<Uuid> = teacher::Entity::find()
        .filter(teacher::Column::Id.is_in(wanted.iter().copied()))
        .filter(teacher::Column::SchoolId.eq(school))
        .filter(teacher::Column::LeftOn.is_null())
        .all(&txn)
        .await?
        .into_iter()
        .map(|t| t.id)
        .collect();
    if !staff.contains(&input.leader_teacher_id) {
        errors.push(Violation::on(
            "leaderTeacherId",
            ViolationCode::NotFound,
            msg!("people-teacher-unknown"),
        ));
    }
    if members.iter().any(|m| !staff.contains(m)) {
        errors.push(Violation::on(
            "memberTeacherIds",
            ViolationCode::NotFound,
            msg!("people-teacher-unknown"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let row = research_project::ActiveModel {
        id: Set(Uuid::now_v7()),
        school_id: Set(school),
        title: Set(title),
        year: Set(year),
        approving_body: Set(approving_body),
        document: Set(document),
        approved_on: Set(input.approved_on),
        leader_teacher_id: Set(input.leader_teacher_id),
        status: Set(ResearchStatus::Approved),
        closed_on: Set(None),
        outcome: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    for m in members {
        research_project_member::ActiveModel {
            id: Set(Uuid::now_v7()),
            project_id: Set(row.id),
            teacher_id: Set(m),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(row))
}

/// Records that an approved project concluded (结题, `CONCLUDED`, with its outcome) or was stopped
/// (`TERMINATED`, with the reason) on `on`: the school's staff or the secretariat. One
/// transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`; user errors: `NOT_FOUND` (also another school's project), `INVALID` (the
/// status `APPROVED`; a day in the future or before the approval), `INVALID_TRANSITION` (closed
/// already), `BLANK` / `TOO_LONG` outcome; database failures.
pub async fn close_research_project(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    status: ResearchStatus,
    on: NaiveDate,
    outcome: String,
) -> OpResult<research_project::Model> {
    if !actor.is_authenticated() {
        return Err(crate::error::Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = research_project::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|p| actor.is_secretariat() || actor.school() == Some(p.school_id))
    else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("research-unknown"),
        ));
    };
    if row.status != ResearchStatus::Approved {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("research-closed"),
        ));
    }
    let mut errors = Vec::new();
    if status == ResearchStatus::Approved {
        errors.push(Violation::on(
            "status",
            ViolationCode::Invalid,
            msg!("research-close-status"),
        ));
    }
    not_future(on, "closedOn", &mut errors);
    if on < row.approved_on {
        errors.push(Violation::on(
            "closedOn",
            ViolationCode::Invalid,
            msg!("research-before-approval"),
        ));
    }
    let outcome = clean(Some(outcome));
    match &outcome {
        None => errors.push(Violation::on(
            "outcome",
            ViolationCode::Blank,
            msg!("field-blank", field = "outcome"),
        )),
        Some(o) => too_long(&mut errors, "outcome", Some(o), MAX_OUTCOME_CHARS),
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: research_project::ActiveModel = row.into();
    a.status = Set(status);
    a.closed_on = Set(Some(on));
    a.outcome = Set(outcome);
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}
