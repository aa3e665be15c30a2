//! Apprenticeships (Founding notice 二(三)7): the new-style apprenticeships a firm runs with a school.

use chrono::{NaiveDate, Utc};
use entity::apprenticeship;
use entity::enums::{ApprenticeshipMode, ApprenticeshipStatus};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, DatabaseConnection, EntityTrait,
};
use uuid::Uuid;

use super::acting::Sort;
use super::acting::acting;
use super::acting::unit;
use super::update::{found, or_refuse};
use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Violation, ViolationCode, refuse};
use crate::i18n::Arg;
use crate::msg;
use crate::plan::owns;
use crate::text::required;

/// A new apprenticeship.
#[derive(Debug, Clone)]
pub struct ApprenticeshipInput {
    /// The firm (the secretariat names it).
    pub unit_id: Option<Uuid>,
    /// The partner school.
    pub school_id: Uuid,
    /// The apprentice, a new or transferred employee.
    pub apprentice_name: String,
    /// Hire date.
    pub hire_date: NaiveDate,
    /// Post.
    pub post: String,
    /// The firm's mentor.
    pub firm_mentor: String,
    /// The school's mentor.
    pub school_mentor: String,
    /// Mode.
    pub mode: ApprenticeshipMode,
    /// First day.
    pub start_date: NaiveDate,
    /// Planned last day: required (`BLANK`), not before the first (`INVALID`). No source document
    /// states how long an apprenticeship (企业新型学徒制, Founding notice 二(三)7) lasts, so the firm
    /// states it, and an ACTIVE apprenticeship past it is overdue.
    pub end_date: Option<NaiveDate>,
}

/// Records an apprenticeship (企业新型学徒制) of the caller's firm with a partner school, with dual
/// mentors.
///
/// # Errors
/// `FORBIDDEN` for schools; database failures. User errors: `BLANK` (a name, the post, a mentor,
/// the planned last day), `INVALID` (last day before the first), `NOT_A_SCHOOL`.
pub async fn create_apprenticeship(
    db: &DatabaseConnection,
    actor: &Actor,
    a: ApprenticeshipInput,
) -> OpResult<apprenticeship::Model> {
    let firm = match acting(actor, Sort::Firm, a.unit_id, "unitId")? {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = required(&a.apprentice_name, "apprenticeName", &mut errors);
    let post = required(&a.post, "post", &mut errors);
    let firm_mentor = required(&a.firm_mentor, "firmMentor", &mut errors);
    let school_mentor = required(&a.school_mentor, "schoolMentor", &mut errors);
    if a.end_date.is_none() {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Blank,
            msg!("plan-apprenticeship-end-required"),
        ));
    }
    if a.end_date.is_some_and(|e| e < a.start_date) {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Invalid,
            msg!("plan-end-before-start"),
        ));
    }
    if unit(db, a.school_id)
        .await?
        .is_none_or(|u| !u.kind.is_school())
    {
        errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotASchool,
            msg!("plan-apprenticeship-partner-not-school"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(apprenticeship::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(firm),
        school_id: Set(a.school_id),
        apprentice_name: Set(name),
        hire_date: Set(a.hire_date),
        post: Set(post),
        firm_mentor: Set(firm_mentor),
        school_mentor: Set(school_mentor),
        mode: Set(a.mode),
        start_date: Set(a.start_date),
        end_date: Set(a.end_date),
        status: Set(ApprenticeshipStatus::Active),
        created_at: Set(Utc::now()),
        ended_on: Set(None),
        termination_reason: Set(None),
    }
    .insert(db)
    .await?))
}

/// Whether an apprenticeship is overdue on `today`: still ACTIVE although its planned last day has
/// passed, or ACTIVE with no planned last day recorded (rows from before it was required): either
/// way the secretariat asks the firm to complete it, terminate it, or correct its end (an
/// apprenticeship never stays ACTIVE forever).
pub fn is_overdue(a: &apprenticeship::Model, today: NaiveDate) -> bool {
    a.status == ApprenticeshipStatus::Active && a.end_date.is_none_or(|e| e < today)
}

/// The rows [`is_overdue`] on `today` (`overdue: true`), or the others (`false`).
pub fn overdue_condition(overdue: bool, today: NaiveDate) -> Condition {
    let cond = Condition::all()
        .add(apprenticeship::Column::Status.eq(ApprenticeshipStatus::Active))
        .add(
            Condition::any()
                .add(apprenticeship::Column::EndDate.is_null())
                .add(apprenticeship::Column::EndDate.lt(today)),
        );
    if overdue { cond } else { cond.not() }
}

/// How an ACTIVE apprenticeship ends.
#[derive(Debug, Clone)]
pub enum Ending {
    /// Completed (`completeApprenticeship`).
    Completed,
    /// Ended early, with the reason (`terminateApprenticeship`; required, `BLANK`).
    Terminated(String),
}

/// Ends an ACTIVE apprenticeship on `ended_on` (its actual last day): COMPLETED, or TERMINATED
/// with a reason. The firm's staff or the secretariat (as `createApprenticeship`). Only ACTIVE
/// moves (`INVALID_TRANSITION` otherwise); the last day is not before the first nor after today
/// (`INVALID`).
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` for anyone else (the partner school included); database
/// failures. User errors: `NOT_FOUND`, `INVALID_TRANSITION`, `INVALID`, `BLANK`.
pub async fn end_apprenticeship(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    ended_on: NaiveDate,
    ending: Ending,
) -> OpResult<apprenticeship::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = apprenticeship::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-apprenticeship-unknown"))?);
    owns(actor, row.unit_id)?;
    if row.status != ApprenticeshipStatus::Active {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!(
                "plan-apprenticeship-not-active",
                status = Arg::label(&row.status)
            ),
        ));
    }
    let mut errors = Vec::new();
    if ended_on < row.start_date {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Invalid,
            msg!("plan-end-before-start"),
        ));
    } else if ended_on > Utc::now().date_naive() {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Invalid,
            msg!("plan-ended-in-future"),
        ));
    }
    let (status, reason) = match ending {
        Ending::Completed => (ApprenticeshipStatus::Completed, None),
        Ending::Terminated(r) => (
            ApprenticeshipStatus::Terminated,
            Some(required(&r, "reason", &mut errors)),
        ),
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: apprenticeship::ActiveModel = row.into();
    a.status = Set(status);
    a.ended_on = Set(Some(ended_on));
    a.termination_reason = Set(reason);
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}
