//! Skills contests (技能兴威 职业技能大赛, Ten Measures (5): "以集团（联盟）为依托，定期举办“技能兴威”
//! 系列职业技能大赛、对大赛中取得优异成绩的选手、教练和单位予以奖励") and the yearly teacher-ability
//! contest (Ten Measures (6): "每年举办全市技工院校教师职业能力大赛，按照“技能兴威”市级一类竞赛项目
//! 管理"). The secretariat records a contest with its events and the units' awards; entries and
//! results are in `contest_entries.rs`, the medal table in `medals.rs`.

use chrono::{NaiveDate, Utc};
use entity::enums::{ContestKind, ContestLevel, ContestantKind};
use entity::{contest, contest_event, contest_unit_award};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::MAX_DOCUMENT_CHARS;
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
    let year = super::in_years(input.held_on, "heldOn", &mut errors);
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
