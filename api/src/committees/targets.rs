//! The plan's targets and milestones, measured from the records (`docs/committees.md`, Targets):
//! for each target, the actual figure at the end of a year, the share of the target reached, the
//! trend over the years, and the members behind the figure.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate, Utc};
use entity::enums::{District, MemberUnitKind, SiteKind, SiteStatus, TargetIndicator, TargetScope};
use entity::{member_unit, milestone, order_class, practice_station, target, training_site};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode};
use crate::msg;

/// The first year a trend starts at: the alliance's founding year (Founding notice, 2026-07-01).
pub const TREND_FROM: i32 = 2026;
/// Years a measured target may be asked about (a trend has at most 75 points).
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// Most targets the registry holds (each is measured on every `targets` call).
pub const MAX_TARGETS: u64 = 200;
/// Largest target value.
pub const MAX_TARGET_VALUE: f64 = 1_000_000_000.0;

/// Whether the records can measure `indicator`: every indicator now (the teacher pool, reserve
/// craftsmen, apprenticeship bases and certified firms measure the last four, `docs/people.md`).
/// Kept so that an indicator added before its records reads "not yet measured".
pub fn is_measured(indicator: TargetIndicator) -> bool {
    match indicator {
        TargetIndicator::IndustryEducationBases
        | TargetIndicator::PublicTrainingBases
        | TargetIndicator::SchoolInFactoryBases
        | TargetIndicator::FactoryInSchoolSites
        | TargetIndicator::TeacherPracticeStations
        | TargetIndicator::OrderClasses
        | TargetIndicator::ReserveCraftsmen
        | TargetIndicator::DemonstrationApprenticeshipBases
        | TargetIndicator::CertifiedEnterprises
        | TargetIndicator::CouncilMeetings
        | TargetIndicator::DualQualifiedShare => true,
    }
}

/// Whether the indicator's figure is a share in percent (of the records standing, those that
/// `hit`) rather than a count.
fn is_share(indicator: TargetIndicator) -> bool {
    indicator == TargetIndicator::DualQualifiedShare
}

/// Whether the indicator counts firms rather than records (a firm certified at two levels is one
/// certified firm).
fn counts_units(indicator: TargetIndicator) -> bool {
    indicator == TargetIndicator::CertifiedEnterprises
}

/// Whether the indicator counts what happens in each year (order classes started) rather than
/// what stands at the year's end (sites operating).
pub fn counts_per_year(indicator: TargetIndicator) -> bool {
    matches!(
        indicator,
        TargetIndicator::OrderClasses
            | TargetIndicator::ReserveCraftsmen
            | TargetIndicator::CouncilMeetings
    )
}

/// One target measured at the end of a year.
#[derive(Debug, Clone)]
pub struct TargetStanding {
    /// The target.
    pub target: target::Model,
    /// The year measured.
    pub year: i32,
    /// Whether the records measure the indicator yet (`false`: "not yet measured", and the
    /// figures below are empty).
    pub measured: bool,
    /// The figure: for a per-year indicator, what happened in `year`; otherwise what stood at its
    /// end.
    pub actual: Option<f64>,
    /// The figure for each year from [`TREND_FROM`] (or `year`, if earlier) to `year`.
    pub trend: Vec<(i32, f64)>,
    /// The members behind the figure of `year`, in annex order.
    pub members: Vec<member_unit::Model>,
}

impl TargetStanding {
    /// `actual / targetValue` (1.0 = reached), when measured and the target is above 0.
    pub fn share_reached(&self) -> Option<f64> {
        let value = self.target.target_value;
        self.actual.filter(|_| value > 0.0).map(|a| a / value)
    }
}

/// One countable record: the member behind it and the date it counts from.
pub(super) struct Counted {
    pub(super) unit: Uuid,
    pub(super) from: NaiveDate,
    /// The first day it no longer counts (a base closed, a certification past its last day, a
    /// teacher who left); `None` while it stands.
    pub(super) until: Option<NaiveDate>,
    /// For a share: the day it joins the numerator (a teacher's certification).
    pub(super) hit: Option<NaiveDate>,
    pub(super) year: Option<i32>,
    /// For a council meeting: the units present (the members behind the figure).
    pub(super) present: Vec<Uuid>,
}

/// Every target measured at the end of `year`: per-year targets first, then by deadline,
/// indicator and source. A fixed number of SQL statements (two, and one per kind of record the
/// targets count) whatever the number of targets and records. The secretariat and
/// committee staff.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for other callers; `BadInput` for a year outside 2000–2100;
/// database failures.
pub async fn standings(
    actor: &Actor,
    db: &impl ConnectionTrait,
    year: i32,
    milestone: Option<Uuid>,
) -> Result<Vec<TargetStanding>, Error> {
    actor.require_aggregates()?;
    if !YEARS.contains(&year) {
        return Err(Error::BadInput(msg!("year-invalid", year = year)));
    }
    let mut query = target::Entity::find()
        .order_by_asc(target::Column::DueOn)
        .order_by_asc(target::Column::Indicator)
        .order_by_asc(target::Column::Id)
        .limit(MAX_TARGETS);
    if let Some(m) = milestone {
        query = query.filter(target::Column::MilestoneId.eq(m));
    }
    let mut targets = query.all(db).await?;
    // One order on every database (they sort nulls differently): per-year targets first, then by
    // deadline, indicator and source.
    targets.sort_by(|a, b| {
        (
            a.due_on.is_some(),
            a.due_on,
            crate::text::api_name(&a.indicator),
            &a.source,
            a.id,
        )
            .cmp(&(
                b.due_on.is_some(),
                b.due_on,
                crate::text::api_name(&b.indicator),
                &b.source,
                b.id,
            ))
    });
    let units = member_unit::Entity::find()
        .order_by_asc(member_unit::Column::ListOrder)
        .all(db)
        .await?;
    let records = records(db, &targets, year).await?;
    Ok(targets
        .into_iter()
        .map(|t| measure(t, year, &units, &records))
        .collect())
}

/// The countable records of each measured indicator among `targets` (one statement per kind
/// of record, only the columns counted).
async fn records(
    db: &impl ConnectionTrait,
    targets: &[target::Model],
    year: i32,
) -> Result<HashMap<TargetIndicator, Vec<Counted>>, Error> {
    let wanted: std::collections::HashSet<TargetIndicator> = targets
        .iter()
        .filter(|t| is_measured(t.indicator))
        .map(|t| t.indicator)
        .collect();
    let wants = |i: TargetIndicator| wanted.contains(&i);
    let mut out: HashMap<TargetIndicator, Vec<Counted>> = HashMap::new();
    let site_kinds = [
        (
            TargetIndicator::IndustryEducationBases,
            SiteKind::IndustryEducationBase,
        ),
        (
            TargetIndicator::PublicTrainingBases,
            SiteKind::PublicTrainingBase,
        ),
        (
            TargetIndicator::SchoolInFactoryBases,
            SiteKind::SchoolInFactory,
        ),
        (
            TargetIndicator::FactoryInSchoolSites,
            SiteKind::FactoryInSchool,
        ),
    ];
    if site_kinds.iter().any(|(i, _)| wants(*i)) {
        let sites: Vec<(SiteKind, Uuid, Option<NaiveDate>, chrono::DateTime<Utc>)> =
            training_site::Entity::find()
                .select_only()
                .column(training_site::Column::Kind)
                .column(training_site::Column::HostUnitId)
                .column(training_site::Column::OpenedOn)
                .column(training_site::Column::CreatedAt)
                .filter(training_site::Column::Status.eq(SiteStatus::Operating))
                .filter(training_site::Column::ArchivedAt.is_null())
                .into_tuple()
                .all(db)
                .await?;
        for (indicator, kind) in site_kinds {
            out.insert(
                indicator,
                sites
                    .iter()
                    .filter(|s| s.0 == kind)
                    .map(|s| Counted {
                        unit: s.1,
                        from: s.2.unwrap_or_else(|| s.3.date_naive()),
                        until: None,
                        hit: None,
                        year: None,
                        present: Vec::new(),
                    })
                    .collect(),
            );
        }
    }
    if wants(TargetIndicator::TeacherPracticeStations) {
        let stations: Vec<(Uuid, chrono::DateTime<Utc>)> = practice_station::Entity::find()
            .select_only()
            .column(practice_station::Column::HostUnitId)
            .column(practice_station::Column::CreatedAt)
            .filter(practice_station::Column::ArchivedAt.is_null())
            .into_tuple()
            .all(db)
            .await?;
        out.insert(
            TargetIndicator::TeacherPracticeStations,
            stations
                .into_iter()
                .map(|(unit, at)| Counted {
                    unit,
                    from: at.date_naive(),
                    until: None,
                    hit: None,
                    year: None,
                    present: Vec::new(),
                })
                .collect(),
        );
    }
    if wants(TargetIndicator::OrderClasses) {
        let classes: Vec<(Uuid, i32)> = order_class::Entity::find()
            .select_only()
            .column(order_class::Column::SchoolId)
            .column(order_class::Column::CohortYear)
            .filter(order_class::Column::CohortYear.between(year.min(TREND_FROM), year))
            .into_tuple()
            .all(db)
            .await?;
        out.insert(
            TargetIndicator::OrderClasses,
            classes
                .into_iter()
                .map(|(unit, y)| Counted {
                    unit,
                    from: NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default(),
                    until: None,
                    hit: None,
                    year: Some(y),
                    present: Vec::new(),
                })
                .collect(),
        );
    }
    if wants(TargetIndicator::CouncilMeetings) {
        let meetings = super::council_meetings(db, year.min(TREND_FROM)..=year).await?;
        out.insert(
            TargetIndicator::CouncilMeetings,
            meetings
                .into_iter()
                .map(|(held_on, _, present)| Counted {
                    unit: Uuid::nil(),
                    from: held_on,
                    until: None,
                    hit: None,
                    year: Some(held_on.year()),
                    present,
                })
                .collect(),
        );
    }
    super::people_records(db, &wanted, year.min(TREND_FROM)..=year, &mut out).await?;
    Ok(out)
}

/// Whether `unit` is in the target's scope.
fn in_scope(t: &target::Model, unit: &member_unit::Model) -> bool {
    match t.scope {
        TargetScope::Alliance => true,
        TargetScope::District => t.scope_district.is_some() && unit.district == t.scope_district,
        TargetScope::UnitKind => t.scope_unit_kind == Some(unit.kind),
        TargetScope::MemberUnit => t.scope_member_unit_id == Some(unit.id),
    }
}

fn measure(
    t: target::Model,
    year: i32,
    units: &[member_unit::Model],
    records: &HashMap<TargetIndicator, Vec<Counted>>,
) -> TargetStanding {
    let Some(rows) = records
        .get(&t.indicator)
        .filter(|_| is_measured(t.indicator))
    else {
        return TargetStanding {
            target: t,
            year,
            measured: false,
            actual: None,
            trend: Vec::new(),
            members: Vec::new(),
        };
    };
    let scoped: HashMap<Uuid, &member_unit::Model> = units
        .iter()
        .filter(|u| in_scope(&t, u))
        .map(|u| (u.id, u))
        .collect();
    let per_year = counts_per_year(t.indicator);
    let counts_in = |y: i32, r: &Counted| {
        if per_year {
            r.year == Some(y)
        } else {
            let end = NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX);
            r.from <= end && r.until.is_none_or(|u| u > end)
        }
    };
    let hits_in = |y: i32, r: &Counted| {
        let end = NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX);
        r.hit.is_some_and(|h| h <= end)
    };
    // The figure of year `y` over `rows`: a count of records (or of distinct members), or the
    // share of the records standing that hit, in percent (`None` with no record standing).
    let share = is_share(t.indicator);
    let figure = |y: i32, rows: &[&Counted]| -> Option<f64> {
        let standing: Vec<&&Counted> = rows.iter().filter(|r| counts_in(y, r)).collect();
        if share {
            let hits = standing.iter().filter(|r| hits_in(y, r)).count();
            (!standing.is_empty()).then(|| hits as f64 * 100.0 / standing.len() as f64)
        } else if counts_units(t.indicator) {
            Some(
                standing
                    .iter()
                    .map(|r| r.unit)
                    .collect::<BTreeSet<_>>()
                    .len() as f64,
            )
        } else {
            Some(standing.len() as f64)
        }
    };
    // The council's meetings are the alliance's own: no member's scope applies to them.
    let alliance_level = t.indicator == TargetIndicator::CouncilMeetings;
    let rows: Vec<&Counted> = rows
        .iter()
        .filter(|r| alliance_level || scoped.contains_key(&r.unit))
        .collect();
    let trend = (year.min(TREND_FROM)..=year)
        .filter_map(|y| figure(y, &rows).map(|f| (y, f)))
        .collect();
    let behind: BTreeSet<Uuid> = rows
        .iter()
        .filter(|r| counts_in(year, r) && (!share || hits_in(year, r)))
        .flat_map(|r| {
            if alliance_level {
                r.present.clone()
            } else {
                vec![r.unit]
            }
        })
        .collect();
    let members = units
        .iter()
        .filter(|u| behind.contains(&u.id))
        .cloned()
        .collect();
    let actual = figure(year, &rows);
    TargetStanding {
        target: t,
        year,
        measured: true,
        actual,
        trend,
        members,
    }
}

/// The plan's milestones, by year. Any caller but an evaluator's.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN`; database failures.
pub async fn milestones(
    actor: &Actor,
    db: &impl ConnectionTrait,
) -> Result<Vec<milestone::Model>, Error> {
    if !actor.reads_shared() {
        return Err(actor.refused(msg!("forbidden-evaluator-rounds-only")));
    }
    Ok(milestone::Entity::find()
        .order_by_asc(milestone::Column::Year)
        .limit(100)
        .all(db)
        .await?)
}

/// A target as the secretariat records it.
#[derive(Debug, Clone)]
pub struct TargetInput {
    /// What is measured.
    pub indicator: TargetIndicator,
    /// Short title (1–200 characters).
    pub title: String,
    /// The value to reach (0 – 1,000,000,000).
    pub target_value: f64,
    /// Every year rather than once.
    pub per_year: bool,
    /// The deadline; required unless per year.
    pub due_on: Option<NaiveDate>,
    /// Over which members.
    pub scope: TargetScope,
    /// The district of a DISTRICT scope.
    pub scope_district: Option<District>,
    /// The kind of a UNIT_KIND scope.
    pub scope_unit_kind: Option<MemberUnitKind>,
    /// The member of a MEMBER_UNIT scope.
    pub scope_member_unit_id: Option<Uuid>,
    /// The milestone it serves.
    pub milestone_id: Option<Uuid>,
    /// Document and section that states the number (1–300 characters).
    pub source: String,
}

/// Records a target (the secretariat attaching indicator targets to the milestones, or a target
/// a new document states). One transaction.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for anyone but the secretariat; user errors: `BLANK` title or
/// source, `INVALID` value (negative, not finite, above 1e9), a due date missing (or given for a
/// per-year target), a scope field missing or given for another scope; `NOT_FOUND` milestone or
/// member; `TOO_LARGE` when the registry holds 200 targets already; database failures.
pub async fn create_target(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: TargetInput,
) -> OpResult<target::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    let invalid =
        |field: &str, m: crate::i18n::Message| Violation::on(field, ViolationCode::Invalid, m);
    if input.title.trim().is_empty() {
        errors.push(Violation::on(
            "title",
            ViolationCode::Blank,
            msg!("field-blank", field = "title"),
        ));
    }
    if input.source.trim().is_empty() {
        errors.push(Violation::on(
            "source",
            ViolationCode::Blank,
            msg!("field-blank", field = "source"),
        ));
    }
    if !input.target_value.is_finite() || !(0.0..=MAX_TARGET_VALUE).contains(&input.target_value) {
        errors.push(invalid(
            "targetValue",
            msg!("committees-target-value-invalid"),
        ));
    }
    if input.per_year == input.due_on.is_some() {
        errors.push(invalid("dueOn", msg!("committees-target-due-on")));
    }
    let fits = match input.scope {
        TargetScope::Alliance => {
            input.scope_district.is_none()
                && input.scope_unit_kind.is_none()
                && input.scope_member_unit_id.is_none()
        }
        TargetScope::District => {
            input.scope_district.is_some()
                && input.scope_unit_kind.is_none()
                && input.scope_member_unit_id.is_none()
        }
        TargetScope::UnitKind => {
            input.scope_unit_kind.is_some()
                && input.scope_district.is_none()
                && input.scope_member_unit_id.is_none()
        }
        TargetScope::MemberUnit => {
            input.scope_member_unit_id.is_some()
                && input.scope_district.is_none()
                && input.scope_unit_kind.is_none()
        }
    };
    if !fits {
        errors.push(invalid("scope", msg!("committees-target-scope")));
    }
    if let Some(u) = input.scope_member_unit_id
        && member_unit::Entity::find_by_id(u)
            .one(&txn)
            .await?
            .is_none()
    {
        errors.push(Violation::on(
            "scopeMemberUnitId",
            ViolationCode::NotFound,
            msg!("registry-member-unit-not-found"),
        ));
    }
    if let Some(m) = input.milestone_id
        && milestone::Entity::find_by_id(m).one(&txn).await?.is_none()
    {
        errors.push(Violation::on(
            "milestoneId",
            ViolationCode::NotFound,
            msg!("committees-milestone-not-found"),
        ));
    }
    if sea_orm::PaginatorTrait::count(target::Entity::find(), &txn).await? >= MAX_TARGETS {
        errors.push(Violation::on(
            "indicator",
            ViolationCode::TooLarge,
            msg!("committees-too-many-targets", max = MAX_TARGETS),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let row = target::ActiveModel {
        id: Set(Uuid::now_v7()),
        indicator: Set(input.indicator),
        title: Set(input.title.trim().to_owned()),
        target_value: Set(input.target_value),
        per_year: Set(input.per_year),
        due_on: Set(input.due_on),
        scope: Set(input.scope),
        scope_district: Set(input.scope_district),
        scope_unit_kind: Set(input.scope_unit_kind),
        scope_member_unit_id: Set(input.scope_member_unit_id),
        milestone_id: Set(input.milestone_id),
        source: Set(input.source.trim().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Attaches a target to a milestone, or detaches it (`milestone: None`). One transaction.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for anyone but the secretariat; `NOT_FOUND` target or
/// milestone; database failures.
pub async fn attach_target(
    actor: &Actor,
    db: &impl TransactionTrait,
    target_id: Uuid,
    milestone_id: Option<Uuid>,
) -> OpResult<target::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(t) = target::Entity::find_by_id(target_id).one(&txn).await? else {
        return Ok(crate::error::refuse(
            "targetId",
            ViolationCode::NotFound,
            msg!("committees-target-not-found"),
        ));
    };
    if let Some(m) = milestone_id
        && milestone::Entity::find_by_id(m).one(&txn).await?.is_none()
    {
        return Ok(crate::error::refuse(
            "milestoneId",
            ViolationCode::NotFound,
            msg!("committees-milestone-not-found"),
        ));
    }
    let mut t: target::ActiveModel = t.into();
    t.milestone_id = Set(milestone_id);
    t.updated_at = Set(Utc::now());
    let t = t.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(t))
}
