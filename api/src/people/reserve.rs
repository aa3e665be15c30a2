//! Reserve craftsmen (威海工匠后备人才, Weihai 2020 plan, task 17: "实施“威海工匠后备人才”培养工程，
//! 每年遴选 500名中高职学生作为培养对象"): a school nominates its students for a year with the
//! reason; the secretariat, acting for the council's committees, selects; the selected are
//! counted against the 500 a year.
//!
//! A nomination names a student: it is personal data, read by the student's school and the
//! secretariat only; committee staff read the counts ([`reserve_counts`]).

use chrono::Utc;
use entity::enums::ReserveCraftsmanStatus;
use entity::{reserve_craftsman, student};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    FromQueryResult, ModelTrait, QueryFilter, QuerySelect, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::{clean, required};

/// Most characters of a nomination's reason or a decision's note.
pub const MAX_REASON_CHARS: usize = 2_000;

/// The nominations `actor` may read: its school's, all for the secretariat, none for anyone else.
pub fn reserve_scope(actor: &Actor) -> Condition {
    if actor.is_secretariat() {
        return Condition::all();
    }
    match actor.school() {
        Some(s) => Condition::all().add(reserve_craftsman::Column::SchoolId.eq(s)),
        None => crate::db::no_rows(),
    }
}

/// Nominates a student of the caller's school (or, for the secretariat, of any school) as a
/// reserve craftsman for `year`, with the reason. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` (anyone but school staff and the secretariat); user errors:
/// `NOT_FOUND` student (or one of another school, or archived), `BLANK` / `TOO_LONG` reason,
/// `INVALID` year (outside 2000–2100), `TAKEN` (nominated for that year already); database
/// failures.
pub async fn nominate_reserve_craftsman(
    actor: &Actor,
    db: &impl TransactionTrait,
    year: i32,
    student_id: Uuid,
    reason: String,
) -> OpResult<reserve_craftsman::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    if !(actor.is_secretariat() || actor.school().is_some()) {
        return Err(actor.refused(msg!("forbidden-school-staff-only")));
    }
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    let student = student::Entity::find_by_id(student_id)
        .one(&txn)
        .await?
        .filter(|s| s.archived_at.is_none())
        .filter(|s| actor.is_secretariat() || actor.school() == Some(s.school_id));
    if student.is_none() {
        errors.push(Violation::on(
            "studentId",
            ViolationCode::NotFound,
            msg!("people-student-unknown"),
        ));
    }
    let reason = required(&reason, "reason", &mut errors);
    crate::text::too_long(&mut errors, "reason", Some(&reason), MAX_REASON_CHARS);
    if !crate::committees::YEARS.contains(&year) {
        errors.push(Violation::on(
            "year",
            ViolationCode::Invalid,
            msg!("year-invalid", year = year),
        ));
    }
    let Some(student) = student.filter(|_| errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let taken = reserve_craftsman::Entity::find()
        .filter(reserve_craftsman::Column::Year.eq(year))
        .filter(reserve_craftsman::Column::StudentId.eq(student.id))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Ok(refuse(
            "studentId",
            ViolationCode::Taken,
            msg!("people-already-nominated", year = year),
        ));
    }
    let now = Utc::now();
    let row = reserve_craftsman::ActiveModel {
        id: Set(Uuid::now_v7()),
        year: Set(year),
        student_id: Set(student.id),
        school_id: Set(student.school_id),
        reason: Set(reason),
        status: Set(ReserveCraftsmanStatus::Nominated),
        decided_on: Set(None),
        decision_note: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Decides a nomination: SELECTED or NOT_SELECTED, with an optional note; a decision may be
/// corrected the same way. The secretariat only. One transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `INVALID` status (NOMINATED),
/// `TOO_LONG` note; database failures.
pub async fn decide_reserve_craftsman(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    status: ReserveCraftsmanStatus,
    note: Option<String>,
) -> OpResult<reserve_craftsman::Model> {
    actor.require_secretariat()?;
    let mut errors = Vec::new();
    if status == ReserveCraftsmanStatus::Nominated {
        errors.push(Violation::on(
            "status",
            ViolationCode::Invalid,
            msg!("people-decision-required"),
        ));
    }
    let note = clean(note);
    crate::text::too_long(&mut errors, "note", note.as_deref(), MAX_REASON_CHARS);
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = reserve_craftsman::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-nomination-unknown"),
        ));
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: reserve_craftsman::ActiveModel = row.into();
    a.status = Set(status);
    a.decided_on = Set(Some(Utc::now().date_naive()));
    a.decision_note = Set(note);
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Withdraws a nomination not yet decided: the nominating school's staff or the secretariat.
/// Returns the withdrawn row. One transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND` (also another school's),
/// `INVALID_TRANSITION` (decided already); database failures.
pub async fn withdraw_reserve_craftsman(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
) -> OpResult<reserve_craftsman::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = reserve_craftsman::Entity::find_by_id(id)
        .filter(reserve_scope(actor))
        .one(&txn)
        .await?
    else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-nomination-unknown"),
        ));
    };
    if row.status != ReserveCraftsmanStatus::Nominated {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("people-nomination-decided"),
        ));
    }
    row.clone().delete(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// One school's nominations of a year, by status.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct ReserveCount {
    /// The school.
    pub school_id: Uuid,
    /// Nominations not yet decided.
    pub nominated: i64,
    /// Selected.
    pub selected: i64,
    /// Not selected.
    pub not_selected: i64,
}

/// Each school's nominations of `year` by status (schools with any), from one SQL aggregate. The
/// secretariat and committee staff see every school; a school's staff its own.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for other callers; `BadInput` for a year outside 2000–2100;
/// database failures.
pub async fn reserve_counts(
    actor: &Actor,
    db: &impl ConnectionTrait,
    year: i32,
) -> Result<Vec<ReserveCount>, Error> {
    if !crate::committees::YEARS.contains(&year) {
        return Err(Error::BadInput(msg!("year-invalid", year = year)));
    }
    let count = |s: ReserveCraftsmanStatus| {
        Expr::expr(Func::sum(
            Expr::case(reserve_craftsman::Column::Status.eq(s), 1).finally(0),
        ))
    };
    let mut q = reserve_craftsman::Entity::find()
        .select_only()
        .column(reserve_craftsman::Column::SchoolId)
        .column_as(count(ReserveCraftsmanStatus::Nominated), "nominated")
        .column_as(count(ReserveCraftsmanStatus::Selected), "selected")
        .column_as(count(ReserveCraftsmanStatus::NotSelected), "not_selected")
        .filter(reserve_craftsman::Column::Year.eq(year))
        .group_by(reserve_craftsman::Column::SchoolId);
    if !actor.reads_aggregates() {
        match actor.school() {
            Some(s) => q = q.filter(reserve_craftsman::Column::SchoolId.eq(s)),
            None => return Err(actor.refused(msg!("forbidden-committees-only"))),
        }
    }
    let mut rows: Vec<ReserveCount> = q.into_model().all(db).await?;
    rows.sort_by_key(|r| r.school_id);
    Ok(rows)
}
