//! Skills contests (技能兴威 职业技能大赛, Ten Measures (5): "以集团（联盟）为依托，定期举办“技能兴威”
//! 系列职业技能大赛、对大赛中取得优异成绩的选手、教练和单位予以奖励") and the yearly teacher-ability
//! contest (Ten Measures (6): "每年举办全市技工院校教师职业能力大赛，按照“技能兴威”市级一类竞赛项目
//! 管理"). The secretariat records a contest with its events, the results and the units' awards;
//! members enter their own students, teachers or workers. A medal table counts each member's
//! awards from one SQL aggregate.

use chrono::{NaiveDate, Utc};
use entity::enums::{ContestAward, ContestKind, ContestLevel, ContestantKind};
use entity::{contest, contest_entry, contest_event, contest_unit_award, student, teacher};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, ModelTrait,
    PaginatorTrait, QueryFilter, QuerySelect, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::{MAX_DOCUMENT_CHARS, acting_for};
use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::{clean, required, too_long};

/// Most events one contest records at once.
pub const MAX_EVENTS: usize = 200;
/// Most characters of a series' name.
pub const MAX_SERIES_CHARS: usize = 100;
/// Most characters of a contestant's or coach's name.
pub const MAX_PERSON_CHARS: usize = 50;
/// Most characters of a unit award's title.
pub const MAX_AWARD_TITLE_CHARS: usize = 100;
/// Most awards one contest gives member units.
pub const MAX_UNIT_AWARDS: u64 = 200;
/// Highest rank a result records.
pub const MAX_RANK: i32 = 10_000;

/// A contest as the secretariat records it.
#[derive(Debug, Clone)]
pub struct ContestInput {
    /// The series, e.g. `技能兴威` (1–100 characters).
    pub series: String,
    /// Its name (1–200 characters; unique per year).
    pub name: String,
    /// A skills contest or the teacher-ability contest.
    pub kind: ContestKind,
    /// Its level.
    pub level: ContestLevel,
    /// Who organises it (1–200 characters).
    pub organiser: String,
    /// Its first day; the year is this day's.
    pub held_on: NaiveDate,
    /// The notice announcing it (at most 300 characters).
    pub document: Option<String>,
    /// Its events: trade and kind of contestant (at most [`MAX_EVENTS`]).
    pub events: Vec<(String, ContestantKind)>,
}

/// Pushes `INVALID` on `field` when an event of a teacher-ability contest is not for teachers.
fn check_event_kind(
    kind: ContestKind,
    contestant: ContestantKind,
    field: &str,
    errors: &mut Vec<Violation>,
) {
    if kind == ContestKind::TeacherAbility && contestant != ContestantKind::Teacher {
        errors.push(Violation::on(
            field,
            ViolationCode::Invalid,
            msg!("contest-teachers-only"),
        ));
    }
}

/// Records a contest and its events: the secretariat only. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `BLANK`, `TOO_LONG`, `TOO_LARGE` (more than
/// [`MAX_EVENTS`] events), `INVALID` (a year outside 2000–2100; a teacher-ability event not for
/// teachers), `TAKEN` (a contest of that name that year; an event twice); database failures.
pub async fn record_contest(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: ContestInput,
) -> OpResult<contest::Model> {
    actor.require_secretariat()?;
    let mut errors = Vec::new();
    let series = required(&input.series, "series", &mut errors);
    too_long(&mut errors, "series", Some(&series), MAX_SERIES_CHARS);
    let name = required(&input.name, "name", &mut errors);
    let organiser = required(&input.organiser, "organiser", &mut errors);
    let document = clean(input.document);
    too_long(
        &mut errors,
        "document",
        document.as_deref(),
        MAX_DOCUMENT_CHARS,
    );
    let year = chrono::Datelike::year(&input.held_on);
    if !crate::committees::YEARS.contains(&year) {
        errors.push(Violation::on(
            "heldOn",
            ViolationCode::Invalid,
            msg!("year-invalid", year = year),
        ));
    }
    if input.events.len() > MAX_EVENTS {
        errors.push(Violation::on(
            "events",
            ViolationCode::TooLarge,
            msg!("limits-too-many-items", field = "events", max = MAX_EVENTS),
        ));
    }
    let mut events: Vec<(String, ContestantKind)> = Vec::new();
    for (trade, who) in input.events.iter().take(MAX_EVENTS) {
        let trade = required(trade, "events.trade", &mut errors);
        check_event_kind(input.kind, *who, "events.contestantKind", &mut errors);
        if events.contains(&(trade.clone(), *who)) {
            errors.push(Violation::on(
                "events.trade",
                ViolationCode::Taken,
                msg!("contest-event-taken"),
            ));
        }
        events.push((trade, *who));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let txn = crate::db::write_txn(db).await?;
    let taken = contest::Entity::find()
        .filter(contest::Column::Year.eq(year))
        .filter(contest::Column::Name.eq(name.as_str()))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Ok(refuse("name", ViolationCode::Taken, msg!("contest-taken")));
    }
    let now = Utc::now();
    let row = contest::ActiveModel {
        id: Set(Uuid::now_v7()),
        series: Set(series),
        name: Set(name),
        kind: Set(input.kind),
        level: Set(input.level),
        year: Set(year),
        organiser: Set(organiser),
        held_on: Set(input.held_on),
        document: Set(document),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    for (trade, who) in events {
        insert_event(&txn, row.id, trade, who).await?;
    }
    txn.commit().await?;
    Ok(Ok(row))
}

async fn insert_event(
    txn: &impl ConnectionTrait,
    contest: Uuid,
    trade: String,
    who: ContestantKind,
) -> Result<contest_event::Model, Error> {
    Ok(contest_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        contest_id: Set(contest),
        trade: Set(trade),
        contestant_kind: Set(who),
        created_at: Set(Utc::now()),
    }
    .insert(txn)
    .await?)
}

/// Adds an event to a contest: the secretariat only. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `BLANK`, `INVALID` (a teacher-ability
/// event not for teachers), `TAKEN`, `TOO_LARGE` ([`MAX_EVENTS`] events already); database
/// failures.
pub async fn add_contest_event(
    actor: &Actor,
    db: &impl TransactionTrait,
    contest_id: Uuid,
    trade: String,
    who: ContestantKind,
) -> OpResult<contest_event::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(c) = contest::Entity::find_by_id(contest_id).one(&txn).await? else {
        return Ok(refuse(
            "contestId",
            ViolationCode::NotFound,
            msg!("contest-unknown"),
        ));
    };
    let mut errors = Vec::new();
    let trade = required(&trade, "trade", &mut errors);
    check_event_kind(c.kind, who, "contestantKind", &mut errors);
    let events = contest_event::Entity::find()
        .filter(contest_event::Column::ContestId.eq(c.id))
        .count(&txn)
        .await?;
    if events >= MAX_EVENTS as u64 {
        errors.push(Violation::on(
            "contestId",
            ViolationCode::TooLarge,
            msg!("limits-too-many-items", field = "events", max = MAX_EVENTS),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let taken = contest_event::Entity::find()
        .filter(contest_event::Column::ContestId.eq(c.id))
        .filter(contest_event::Column::Trade.eq(trade.as_str()))
        .filter(contest_event::Column::ContestantKind.eq(who))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Ok(refuse(
            "trade",
            ViolationCode::Taken,
            msg!("contest-event-taken"),
        ));
    }
    let row = insert_event(&txn, c.id, trade, who).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

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

/// Gives a member unit an award of a contest (优秀组织奖 …): the secretariat only. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND` (contest, unit), `BLANK` /
/// `TOO_LONG` title, `TAKEN` (the unit holds that award of the contest); database failures.
pub async fn award_contest_unit(
    actor: &Actor,
    db: &impl TransactionTrait,
    contest_id: Uuid,
    unit_id: Uuid,
    title: String,
) -> OpResult<contest_unit_award::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    if contest::Entity::find_by_id(contest_id)
        .one(&txn)
        .await?
        .is_none()
    {
        errors.push(Violation::on(
            "contestId",
            ViolationCode::NotFound,
            msg!("contest-unknown"),
        ));
    }
    if entity::member_unit::Entity::find_by_id(unit_id)
        .one(&txn)
        .await?
        .is_none()
    {
        errors.push(Violation::on(
            "unitId",
            ViolationCode::NotFound,
            msg!("registry-member-unit-not-found"),
        ));
    }
    let title = required(&title, "title", &mut errors);
    too_long(&mut errors, "title", Some(&title), MAX_AWARD_TITLE_CHARS);
    let given = contest_unit_award::Entity::find()
        .filter(contest_unit_award::Column::ContestId.eq(contest_id))
        .count(&txn)
        .await?;
    if given >= MAX_UNIT_AWARDS {
        errors.push(Violation::on(
            "contestId",
            ViolationCode::TooLarge,
            msg!(
                "limits-too-many-items",
                field = "unitAwards",
                max = MAX_UNIT_AWARDS
            ),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let taken = contest_unit_award::Entity::find()
        .filter(contest_unit_award::Column::ContestId.eq(contest_id))
        .filter(contest_unit_award::Column::UnitId.eq(unit_id))
        .filter(contest_unit_award::Column::Title.eq(title.as_str()))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Ok(refuse(
            "title",
            ViolationCode::Taken,
            msg!("contest-award-taken"),
        ));
    }
    let row = contest_unit_award::ActiveModel {
        id: Set(Uuid::now_v7()),
        contest_id: Set(contest_id),
        unit_id: Set(unit_id),
        title: Set(title),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
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
