//! Contest entries and results (Ten Measures (5): "对大赛中取得优异成绩的选手、教练和单位予以奖励"):
//! members enter their own students, teachers or workers; the secretariat records each entry's
//! rank, award and the coach's honour. Entries and results of one contest are written with the
//! contest's row locked, and freeze once the contest has any result.

use chrono::Utc;
use entity::enums::{ContestAward, ContestantKind};
use entity::{contest, contest_entry, contest_event, student, teacher};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait,
    QueryFilter, QuerySelect, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::{MAX_PERSON_CHARS, MAX_RANK, acting_for};
use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::{clean, too_long};

/// An entry as a member makes it.
#[derive(Debug, Clone)]
pub struct EntryInput {
    /// The event.
    pub event_id: Uuid,
    /// The member entering: its own for its staff; required for the secretariat.
    pub unit_id: Option<Uuid>,
    /// The student (a student event; the school's own).
    pub student_id: Option<Uuid>,
    /// The teacher (a teacher event; the school's own, on its staff).
    pub teacher_id: Option<Uuid>,
    /// The worker's name (a worker event; 1–50 characters).
    pub worker_name: Option<String>,
    /// The coach, a teacher of the pool.
    pub coach_teacher_id: Option<Uuid>,
    /// The coach's name, when not in the pool (at most 50 characters).
    pub coach_name: Option<String>,
}

/// Enters a member's contestant in an event: the member's staff, or the secretariat naming the
/// member. A student or teacher must be the unit's own; each contestant enters an event once.
/// One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND` (event, unit, student, teacher,
/// coach), `BLANK` (the contestant the event's kind needs), `INVALID` (a contestant of another
/// kind; both a coach in the pool and a coach's name), `INVALID_TRANSITION` (the contest's
/// results are recorded), `TOO_LONG`, `TAKEN`; database failures.
pub async fn enter_contest(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: EntryInput,
) -> OpResult<contest_entry::Model> {
    let unit = match acting_for(
        actor,
        actor.unit(),
        input.unit_id,
        "unitId",
        msg!("people-forbidden-member-staff-only"),
    )? {
        Ok(u) => u,
        Err(e) => return Ok(Err(e)),
    };
    let txn = crate::db::write_txn(db).await?;
    let Some(event) = contest_event::Entity::find_by_id(input.event_id)
        .one(&txn)
        .await?
    else {
        return Ok(refuse(
            "eventId",
            ViolationCode::NotFound,
            msg!("contest-event-unknown"),
        ));
    };
    // The contest's row is locked: entries and results of one contest are written one at a time
    // (an entry never slips in beside the first result; a contestant never enters twice).
    let contest = lock_contest(&txn, event.contest_id).await?;
    let mut errors = Vec::new();
    let school = match entity::member_unit::Entity::find_by_id(unit)
        .one(&txn)
        .await?
    {
        None => {
            errors.push(Violation::on(
                "unitId",
                ViolationCode::NotFound,
                msg!("registry-member-unit-not-found"),
            ));
            false
        }
        Some(u) => u.kind.is_school(),
    };
    let worker_name = clean(input.worker_name);
    too_long(
        &mut errors,
        "workerName",
        worker_name.as_deref(),
        MAX_PERSON_CHARS,
    );
    let coach_name = clean(input.coach_name);
    too_long(
        &mut errors,
        "coachName",
        coach_name.as_deref(),
        MAX_PERSON_CHARS,
    );
    if coach_name.is_some() && input.coach_teacher_id.is_some() {
        errors.push(Violation::on(
            "coachName",
            ViolationCode::Invalid,
            msg!("contest-one-coach"),
        ));
    }
    let who = event.contestant_kind;
    let wrong = |field: &str, errors: &mut Vec<Violation>| {
        errors.push(Violation::on(
            field,
            ViolationCode::Invalid,
            msg!("contest-wrong-contestant"),
        ));
    };
    let blank = |field: &str, errors: &mut Vec<Violation>| {
        errors.push(Violation::on(
            field,
            ViolationCode::Blank,
            msg!("field-blank", field = field),
        ));
    };
    match who {
        ContestantKind::Student => match input.student_id {
            None => blank("studentId", &mut errors),
            Some(s) => {
                if student::Entity::find_by_id(s)
                    .one(&txn)
                    .await?
                    .is_none_or(|s| s.school_id != unit)
                {
                    errors.push(Violation::on(
                        "studentId",
                        ViolationCode::NotFound,
                        msg!("people-student-unknown"),
                    ));
                }
            }
        },
        ContestantKind::Teacher => match input.teacher_id {
            None => blank("teacherId", &mut errors),
            Some(t) => {
                if teacher::Entity::find_by_id(t)
                    .one(&txn)
                    .await?
                    .is_none_or(|t| t.school_id != unit || t.left_on.is_some())
                {
                    errors.push(Violation::on(
                        "teacherId",
                        ViolationCode::NotFound,
                        msg!("people-teacher-unknown"),
                    ));
                }
            }
        },
        ContestantKind::Worker => {
            if worker_name.is_none() {
                blank("workerName", &mut errors);
            }
            if school {
                errors.push(Violation::on(
                    "unitId",
                    ViolationCode::Invalid,
                    msg!("contest-workers-of-firms"),
                ));
            }
        }
    }
    if who != ContestantKind::Student && input.student_id.is_some() {
        wrong("studentId", &mut errors);
    }
    if who != ContestantKind::Teacher && input.teacher_id.is_some() {
        wrong("teacherId", &mut errors);
    }
    if who != ContestantKind::Worker && worker_name.is_some() {
        wrong("workerName", &mut errors);
    }
    if let Some(c) = input.coach_teacher_id
        && teacher::Entity::find_by_id(c)
            .one(&txn)
            .await?
            .is_none_or(|t| t.left_on.is_some())
    {
        errors.push(Violation::on(
            "coachTeacherId",
            ViolationCode::NotFound,
            msg!("people-teacher-unknown"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    if results_recorded(&txn, contest.id).await? {
        return Ok(refuse(
            "eventId",
            ViolationCode::InvalidTransition,
            msg!("contest-results-recorded"),
        ));
    }
    let mut same = contest_entry::Entity::find()
        .filter(contest_entry::Column::EventId.eq(event.id))
        .filter(contest_entry::Column::UnitId.eq(unit));
    same = match who {
        ContestantKind::Student => {
            same.filter(contest_entry::Column::StudentId.eq(input.student_id))
        }
        ContestantKind::Teacher => {
            same.filter(contest_entry::Column::TeacherId.eq(input.teacher_id))
        }
        ContestantKind::Worker => {
            same.filter(contest_entry::Column::WorkerName.eq(worker_name.clone()))
        }
    };
    if same.one(&txn).await?.is_some() {
        return Ok(refuse(
            "eventId",
            ViolationCode::Taken,
            msg!("contest-entered"),
        ));
    }
    let now = Utc::now();
    let row = contest_entry::ActiveModel {
        id: Set(Uuid::now_v7()),
        contest_id: Set(event.contest_id),
        event_id: Set(event.id),
        unit_id: Set(unit),
        contestant_kind: Set(who),
        student_id: Set(input.student_id),
        teacher_id: Set(input.teacher_id),
        worker_name: Set(worker_name),
        coach_teacher_id: Set(input.coach_teacher_id),
        coach_name: Set(coach_name),
        rank: Set(None),
        award: Set(None),
        coach_honoured: Set(false),
        result_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// The contest `id`, its row locked until the transaction ends (entries and results of one
/// contest are written one at a time). Foreign keys guarantee it exists for an event or entry.
async fn lock_contest(db: &impl ConnectionTrait, id: Uuid) -> Result<contest::Model, Error> {
    contest::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or_else(|| Error::Database(sea_orm::DbErr::RecordNotFound(format!("contest {id}"))))
}

/// Whether any entry of `contest` has a result.
async fn results_recorded(db: &impl ConnectionTrait, contest: Uuid) -> Result<bool, Error> {
    Ok(contest_entry::Entity::find()
        .filter(contest_entry::Column::ContestId.eq(contest))
        .filter(contest_entry::Column::ResultAt.is_not_null())
        .one(db)
        .await?
        .is_some())
}

/// The entry `id` when `actor` may change it (its unit's staff, the secretariat).
async fn own_entry(
    actor: &Actor,
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<contest_entry::Model>, Error> {
    Ok(contest_entry::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|e| actor.is_secretariat() || actor.unit() == Some(e.unit_id)))
}

/// Withdraws an entry while its contest has no result: its unit's staff or the secretariat. One
/// transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`; user errors: `NOT_FOUND` (also an entry the caller may not change),
/// `INVALID_TRANSITION` (the contest's results are recorded); database failures.
pub async fn withdraw_contest_entry(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
) -> OpResult<contest_entry::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = own_entry(actor, &txn, id).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("contest-entry-unknown"),
        ));
    };
    lock_contest(&txn, row.contest_id).await?;
    if results_recorded(&txn, row.contest_id).await? {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("contest-results-recorded"),
        ));
    }
    row.clone().delete(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// A result as the secretariat records it.
#[derive(Debug, Clone, Copy)]
pub struct ResultInput {
    /// The entry.
    pub entry_id: Uuid,
    /// The rank reached (1–[`MAX_RANK`]); `None` when not ranked.
    pub rank: Option<i32>,
    /// The award; `None` for none.
    pub award: Option<ContestAward>,
    /// Whether the coach was honoured (优秀指导教师 / 优秀教练); only an entry with a coach.
    pub coach_honoured: bool,
}

/// Records (or corrects) an entry's result: the secretariat only, once the contest has begun.
/// One transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `MUST_BE_POSITIVE` / `TOO_LARGE` rank,
/// `INVALID` (a coach honoured on an entry without a coach), `INVALID_TRANSITION` (the contest
/// begins after today); database failures.
pub async fn record_contest_result(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: ResultInput,
) -> OpResult<contest_entry::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = contest_entry::Entity::find_by_id(input.entry_id)
        .one(&txn)
        .await?
    else {
        return Ok(refuse(
            "entryId",
            ViolationCode::NotFound,
            msg!("contest-entry-unknown"),
        ));
    };
    let mut errors = Vec::new();
    match input.rank {
        Some(r) if r < 1 => errors.push(Violation::on(
            "rank",
            ViolationCode::MustBePositive,
            msg!("people-must-be-positive", field = "rank"),
        )),
        Some(r) if r > MAX_RANK => errors.push(Violation::on(
            "rank",
            ViolationCode::TooLarge,
            msg!("limits-too-large", field = "rank", max = MAX_RANK),
        )),
        _ => {}
    }
    if input.coach_honoured && row.coach_teacher_id.is_none() && row.coach_name.is_none() {
        errors.push(Violation::on(
            "coachHonoured",
            ViolationCode::Invalid,
            msg!("contest-no-coach"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let held_on = lock_contest(&txn, row.contest_id).await?.held_on;
    if held_on > Utc::now().date_naive() {
        return Ok(refuse(
            "entryId",
            ViolationCode::InvalidTransition,
            msg!("contest-not-held"),
        ));
    }
    let now = Utc::now();
    let mut a: contest_entry::ActiveModel = row.into();
    a.rank = Set(input.rank);
    a.award = Set(input.award);
    a.coach_honoured = Set(input.coach_honoured);
    a.result_at = Set(Some(now));
    a.updated_at = Set(now);
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Whether `actor` may read the person behind `entry`: a teacher of the pool for any reader of
/// the shared records; a student or a worker only for the entering unit's staff and the
/// secretariat (committee staff never read students' personal data).
pub fn reads_contestant(actor: &Actor, entry: &contest_entry::Model) -> bool {
    match entry.contestant_kind {
        ContestantKind::Teacher => actor.reads_shared(),
        ContestantKind::Student | ContestantKind::Worker => {
            actor.is_secretariat() || actor.unit() == Some(entry.unit_id)
        }
    }
}
