//! Worker training and skill-level certification (Founding notice 二(三)8: "加强企业职工在岗培训。集团
//! 统筹人社、工信、应急、文旅、商务、农业农村、工会等部门培训项目及资源，根据企业人才需求、岗位需要，为
//! 企业开展技能培训和企业职工技能等级认定"): firms post training needs; members that train (schools
//! and training institutions) record their training projects, perhaps answering a need and funded
//! by a department's programme; members record the skill-level certificates they issued, by trade
//! and level, as counts (no holder's name is stored). Shared records: any account but an
//! evaluator's reads them.

use std::collections::BTreeMap;

use chrono::{NaiveDate, Utc};
use entity::enums::{FundingDepartment, MemberUnitKind, SkillLevel};
use entity::{member_unit, skill_certification, training_need, training_project};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::{acting_for, check_unit, not_future};
use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::{required, too_long};

/// Most characters of a need's description.
pub const MAX_DESCRIPTION_CHARS: usize = 4_000;
/// Longest training project, in days.
pub const MAX_PROJECT_DAYS: i64 = 366 * 3;

/// Pushes `MUST_BE_POSITIVE` / `TOO_LARGE` on `field` for a count of people outside 1–10,000.
fn people(errors: &mut Vec<Violation>, field: &str, value: i32) {
    if value < 1 {
        errors.push(Violation::on(
            field,
            ViolationCode::MustBePositive,
            msg!("people-must-be-positive", field = field),
        ));
    }
    crate::limits::headcount(errors, field, Some(value));
}

/// A need as a firm posts it.
#[derive(Debug, Clone)]
pub struct NeedInput {
    /// The firm: its own for its staff; required for the secretariat.
    pub enterprise_id: Option<Uuid>,
    /// The trade (1–200 characters).
    pub trade: String,
    /// The level aimed at, if one.
    pub level: Option<SkillLevel>,
    /// How many workers (1–10,000).
    pub headcount: i32,
    /// What the training should cover (at most 4,000 characters).
    pub description: String,
}

/// Posts a firm's training need: its staff, or the secretariat naming it. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `NOT_AN_ENTERPRISE`, `BLANK` trade,
/// `TOO_LONG` description, `MUST_BE_POSITIVE` / `TOO_LARGE` headcount; database failures.
pub async fn post_training_need(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: NeedInput,
) -> OpResult<training_need::Model> {
    let firm = match acting_for(
        actor,
        actor.firm(),
        input.enterprise_id,
        "enterpriseId",
        msg!("people-forbidden-firm-only"),
    )? {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    check_unit(&txn, firm, "enterpriseId", false, &mut errors).await?;
    let trade = required(&input.trade, "trade", &mut errors);
    let description = crate::text::normalize(&input.description);
    too_long(
        &mut errors,
        "description",
        Some(&description),
        MAX_DESCRIPTION_CHARS,
    );
    people(&mut errors, "headcount", input.headcount);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let row = training_need::ActiveModel {
        id: Set(Uuid::now_v7()),
        enterprise_id: Set(firm),
        trade: Set(trade),
        level: Set(input.level),
        headcount: Set(input.headcount),
        description: Set(description),
        closed_on: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Closes an open need (met or dropped) from today: its firm's staff or the secretariat. One
/// transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`; user errors: `NOT_FOUND` (also another firm's need), `INVALID_TRANSITION`
/// (closed already); database failures.
pub async fn close_training_need(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
) -> OpResult<training_need::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = training_need::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|n| actor.is_secretariat() || actor.firm() == Some(n.enterprise_id))
    else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("training-need-unknown"),
        ));
    };
    if row.closed_on.is_some() {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("training-need-closed"),
        ));
    }
    let mut a: training_need::ActiveModel = row.into();
    a.closed_on = Set(Some(Utc::now().date_naive()));
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Whether a member of `kind` trains workers: a school or a training institution.
pub fn trains(kind: MemberUnitKind) -> bool {
    kind.is_school() || kind == MemberUnitKind::TrainingInstitution
}

/// Pushes `NOT_FOUND` or `NOT_A_TRAINING_PROVIDER` on `field` unless `unit` trains.
async fn check_provider(
    db: &impl ConnectionTrait,
    unit: Uuid,
    field: &str,
    errors: &mut Vec<Violation>,
) -> Result<(), Error> {
    match member_unit::Entity::find_by_id(unit).one(db).await? {
        None => errors.push(Violation::on(
            field,
            ViolationCode::NotFound,
            msg!("registry-member-unit-not-found"),
        )),
        Some(u) if !trains(u.kind) => errors.push(Violation::on(
            field,
            ViolationCode::NotATrainingProvider,
            msg!("training-not-a-provider"),
        )),
        Some(_) => {}
    }
    Ok(())
}

/// A project as its provider records it.
#[derive(Debug, Clone)]
pub struct ProjectInput {
    /// The provider: its own for its staff; required for the secretariat.
    pub unit_id: Option<Uuid>,
    /// The firm's need it answers, if any (an open one).
    pub need_id: Option<Uuid>,
    /// The member firm whose workers it trains, when it answers no need.
    pub enterprise_id: Option<Uuid>,
    /// Its name (1–200 characters).
    pub name: String,
    /// The trade (1–200 characters).
    pub trade: String,
    /// The level it trains for, if one.
    pub level: Option<SkillLevel>,
    /// Its first day.
    pub starts_on: NaiveDate,
    /// Its last day (not before the first; at most [`MAX_PROJECT_DAYS`] later).
    pub ends_on: NaiveDate,
    /// How many took part (1–10,000).
    pub participants: i32,
    /// The department whose programme funds it, if one.
    pub funding_department: Option<FundingDepartment>,
}

/// Records a worker-training project: the provider's staff (a school or a training institution),
/// or the secretariat naming it. Answering a need trains that need's firm. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `NOT_A_TRAINING_PROVIDER`,
/// `NOT_AN_ENTERPRISE`, `INVALID_TRANSITION` (a closed need), `INVALID` (a firm other than the
/// need's; days out of order, outside 2000–2100 or too long), `BLANK`, `MUST_BE_POSITIVE` /
/// `TOO_LARGE` participants; database failures.
pub async fn record_training_project(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: ProjectInput,
) -> OpResult<training_project::Model> {
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
    let mut errors = Vec::new();
    check_provider(&txn, unit, "unitId", &mut errors).await?;
    let mut firm = input.enterprise_id;
    if let Some(n) = input.need_id {
        match training_need::Entity::find_by_id(n).one(&txn).await? {
            None => {
                return Ok(refuse(
                    "needId",
                    ViolationCode::NotFound,
                    msg!("training-need-unknown"),
                ));
            }
            Some(need) if need.closed_on.is_some() => {
                return Ok(refuse(
                    "needId",
                    ViolationCode::InvalidTransition,
                    msg!("training-need-closed"),
                ));
            }
            Some(need) => {
                if firm.is_some_and(|f| f != need.enterprise_id) {
                    errors.push(Violation::on(
                        "enterpriseId",
                        ViolationCode::Invalid,
                        msg!("training-other-firm"),
                    ));
                }
                firm = Some(need.enterprise_id);
            }
        }
    } else if let Some(f) = firm {
        check_unit(&txn, f, "enterpriseId", false, &mut errors).await?;
    }
    let name = required(&input.name, "name", &mut errors);
    let trade = required(&input.trade, "trade", &mut errors);
    let span = (input.ends_on - input.starts_on).num_days();
    let years = crate::committees::YEARS;
    if !(0..=MAX_PROJECT_DAYS).contains(&span)
        || !years.contains(&chrono::Datelike::year(&input.starts_on))
        || !years.contains(&chrono::Datelike::year(&input.ends_on))
    {
        errors.push(Violation::on(
            "endsOn",
            ViolationCode::Invalid,
            msg!("training-days", max = MAX_PROJECT_DAYS),
        ));
    }
    people(&mut errors, "participants", input.participants);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let row = training_project::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(unit),
        need_id: Set(input.need_id),
        enterprise_id: Set(firm),
        name: Set(name),
        trade: Set(trade),
        level: Set(input.level),
        starts_on: Set(input.starts_on),
        ends_on: Set(input.ends_on),
        participants: Set(input.participants),
        funding_department: Set(input.funding_department),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// A batch of certificates as the issuing member records it.
#[derive(Debug, Clone)]
pub struct CertificationInput {
    /// The issuing member: its own for its staff; required for the secretariat.
    pub unit_id: Option<Uuid>,
    /// The training project it followed, if any (the member's own).
    pub project_id: Option<Uuid>,
    /// The member firm whose workers were certified, if another than the issuer (the project's
    /// firm by default).
    pub enterprise_id: Option<Uuid>,
    /// The trade (1–200 characters).
    pub trade: String,
    /// The level certified.
    pub level: SkillLevel,
    /// The day they were issued (not after today).
    pub certified_on: NaiveDate,
    /// How many certificates (1–10,000).
    pub certified: i32,
}

/// Records a batch of skill-level certificates (技能等级认定) a member issued: its staff, or the
/// secretariat naming it. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND` (unit, project — also another
/// member's — or firm), `NOT_AN_ENTERPRISE`, `BLANK` trade, `INVALID` (a day in the future or
/// outside 2000–2100; a firm other than the project's; the issuer named as the firm certified —
/// leave it empty when a firm certifies its own workers), `MUST_BE_POSITIVE` / `TOO_LARGE` count;
/// database failures.
pub async fn record_skill_certification(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: CertificationInput,
) -> OpResult<skill_certification::Model> {
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
    let mut errors = Vec::new();
    if member_unit::Entity::find_by_id(unit)
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
    let mut firm = input.enterprise_id;
    if let Some(p) = input.project_id {
        match training_project::Entity::find_by_id(p)
            .one(&txn)
            .await?
            .filter(|p| p.unit_id == unit)
        {
            None => errors.push(Violation::on(
                "projectId",
                ViolationCode::NotFound,
                msg!("training-project-unknown"),
            )),
            Some(p) => {
                if firm.is_some_and(|f| p.enterprise_id.is_some_and(|pf| pf != f)) {
                    errors.push(Violation::on(
                        "enterpriseId",
                        ViolationCode::Invalid,
                        msg!("training-other-firm"),
                    ));
                }
                firm = firm.or(p.enterprise_id);
            }
        }
    }
    if let Some(f) = input.enterprise_id {
        if f == unit {
            errors.push(Violation::on(
                "enterpriseId",
                ViolationCode::Invalid,
                msg!("training-firm-is-issuer"),
            ));
        }
        check_unit(&txn, f, "enterpriseId", false, &mut errors).await?;
    }
    let trade = required(&input.trade, "trade", &mut errors);
    not_future(input.certified_on, "certifiedOn", &mut errors);
    super::in_years(input.certified_on, "certifiedOn", &mut errors);
    people(&mut errors, "certified", input.certified);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let row = skill_certification::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(unit),
        project_id: Set(input.project_id),
        enterprise_id: Set(firm),
        trade: Set(trade),
        level: Set(input.level),
        certified_on: Set(input.certified_on),
        certified: Set(input.certified),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// One member's worker training in a year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainingTally {
    /// The member unit.
    pub unit_id: Uuid,
    /// Training projects it ran that started in the year.
    pub projects: i64,
    /// Their participants.
    pub participants: i64,
    /// Of them, projects funded by a department's programme.
    pub funded_projects: i64,
    /// Certificates it issued in the year, by level (lowest first, as [`SkillLevel`] lists them).
    pub certified_by_level: Vec<(SkillLevel, i64)>,
    /// All certificates it issued in the year.
    pub certified: i64,
}

/// Each member's worker training and certificates in `year`, by unit ID; members with neither are
/// left out. Two SQL aggregates. Any reader of the shared records (counts only).
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for an evaluator; `BadInput` for a year outside 2000–2100;
/// database failures.
pub async fn training_year(
    actor: &Actor,
    db: &impl ConnectionTrait,
    year: i32,
) -> Result<Vec<TrainingTally>, Error> {
    if !actor.reads_shared() {
        return Err(actor.refused(msg!("forbidden-evaluator-rounds-only")));
    }
    if !crate::committees::YEARS.contains(&year) {
        return Err(Error::BadInput(msg!("year-invalid", year = year)));
    }
    let (from, to) = crate::error::year_bounds(year)?;
    let big = || Alias::new("BIGINT");
    let projects: Vec<(Uuid, i64, i64, i64)> = training_project::Entity::find()
        .select_only()
        .column(training_project::Column::UnitId)
        .column_as(Expr::col(training_project::Column::Id).count(), "projects")
        .column_as(
            Expr::expr(Func::sum(Expr::col(training_project::Column::Participants))).cast_as(big()),
            "participants",
        )
        .column_as(
            Expr::expr(Func::sum(
                Expr::case(training_project::Column::FundingDepartment.is_not_null(), 1).finally(0),
            ))
            .cast_as(big()),
            "funded",
        )
        .filter(training_project::Column::StartsOn.gte(from))
        .filter(training_project::Column::StartsOn.lt(to))
        .group_by(training_project::Column::UnitId)
        .into_tuple()
        .all(db)
        .await?;
    let certified: Vec<(Uuid, SkillLevel, i64)> = skill_certification::Entity::find()
        .select_only()
        .column(skill_certification::Column::UnitId)
        .column(skill_certification::Column::Level)
        .column_as(
            Expr::expr(Func::sum(Expr::col(skill_certification::Column::Certified))).cast_as(big()),
            "certified",
        )
        .filter(skill_certification::Column::CertifiedOn.gte(from))
        .filter(skill_certification::Column::CertifiedOn.lt(to))
        .group_by(skill_certification::Column::UnitId)
        .group_by(skill_certification::Column::Level)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_unit: BTreeMap<Uuid, TrainingTally> = BTreeMap::new();
    let tally = |m: &mut BTreeMap<Uuid, TrainingTally>, u: Uuid| {
        m.entry(u)
            .or_insert_with(|| TrainingTally {
                unit_id: u,
                certified_by_level: <SkillLevel as sea_orm::Iterable>::iter()
                    .map(|l| (l, 0))
                    .collect(),
                ..TrainingTally::default()
            })
            .unit_id
    };
    for (u, n, p, f) in projects {
        tally(&mut by_unit, u);
        if let Some(t) = by_unit.get_mut(&u) {
            t.projects = n;
            t.participants = p;
            t.funded_projects = f;
        }
    }
    for (u, level, n) in certified {
        tally(&mut by_unit, u);
        if let Some(t) = by_unit.get_mut(&u) {
            if let Some(slot) = t.certified_by_level.iter_mut().find(|(l, _)| *l == level) {
                slot.1 += n;
            }
            t.certified += n;
        }
    }
    Ok(by_unit.into_values().collect())
}
