//! The computed items of an evaluation round: each member's measured value (0–1) of each
//! formula in a year, and whether the formula applies to it (`docs/committees.md`, Computed
//! items).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use entity::enums::{EvaluationIndicator, EventKind, EventRole, MemberUnitKind};
use entity::member_unit;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DbErr};
use uuid::Uuid;

use crate::error::Error;
use crate::plan::ComplianceRule;

/// The compliance rule an indicator measures, if it is one.
pub fn rule_of(i: EvaluationIndicator) -> Option<ComplianceRule> {
    Some(match i {
        EvaluationIndicator::SchoolInFactoryBase => ComplianceRule::SchoolInFactoryBase,
        EvaluationIndicator::PracticeStationWithPosts => ComplianceRule::PracticeStationWithPosts,
        EvaluationIndicator::CareerMentor => ComplianceRule::CareerMentor,
        EvaluationIndicator::CampusVisit => ComplianceRule::CampusVisit,
        EvaluationIndicator::TeachersSentToPractice => ComplianceRule::TeachersSentToPractice,
        EvaluationIndicator::JobRecommendationEvent => ComplianceRule::JobRecommendationEvent,
        EvaluationIndicator::RetentionInWeihai
        | EvaluationIndicator::InternshipPosts
        | EvaluationIndicator::ParentsVisitEachTerm
        | EvaluationIndicator::EnterpriseWeekEachTerm
        | EvaluationIndicator::OrderClassGraduatesHired
        | EvaluationIndicator::CultureCorridor => {
            return None;
        }
    })
}

/// The source of each formula (`docs/sources.md` citations).
pub fn source_of(i: EvaluationIndicator) -> &'static str {
    match i {
        EvaluationIndicator::SchoolInFactoryBase => "Founding notice 二(一)3",
        EvaluationIndicator::PracticeStationWithPosts => "Founding notice 二(二)4",
        EvaluationIndicator::CareerMentor | EvaluationIndicator::CampusVisit => {
            "Founding notice 二(四)10"
        }
        EvaluationIndicator::TeachersSentToPractice => "Founding notice 二(二)4",
        EvaluationIndicator::JobRecommendationEvent => "Founding notice 二(四)11",
        EvaluationIndicator::RetentionInWeihai => {
            "Founding notice 二(四)11; Weihai 2020 plan, task 20"
        }
        EvaluationIndicator::InternshipPosts => {
            "Weihai 2020 plan (十), task 20; Huancui task list, item 8"
        }
        EvaluationIndicator::ParentsVisitEachTerm
        | EvaluationIndicator::EnterpriseWeekEachTerm
        | EvaluationIndicator::CultureCorridor => "Founding notice 二(四)9",
        EvaluationIndicator::OrderClassGraduatesHired => "Founding notice 二(三)6",
    }
}

/// Every formula, in the order a default round lists them.
pub const ALL_INDICATORS: [EvaluationIndicator; 12] = [
    EvaluationIndicator::SchoolInFactoryBase,
    EvaluationIndicator::PracticeStationWithPosts,
    EvaluationIndicator::CareerMentor,
    EvaluationIndicator::CampusVisit,
    EvaluationIndicator::InternshipPosts,
    EvaluationIndicator::TeachersSentToPractice,
    EvaluationIndicator::JobRecommendationEvent,
    EvaluationIndicator::RetentionInWeihai,
    EvaluationIndicator::OrderClassGraduatesHired,
    EvaluationIndicator::ParentsVisitEachTerm,
    EvaluationIndicator::EnterpriseWeekEachTerm,
    EvaluationIndicator::CultureCorridor,
];

/// The measured values of a year: `(unit, indicator) → value`; a pair that is absent does not
/// apply to the unit.
pub type Values = HashMap<(Uuid, EvaluationIndicator), f64>;

/// Every formula in `wanted` for every unit of `units` in `year`, in a fixed number of SQL
/// statements (at most 11) whatever the number of units.
///
/// # Errors
/// Database failures; `BadInput` for an impossible year.
pub async fn measure(
    db: &impl ConnectionTrait,
    units: &[member_unit::Model],
    year: i32,
    wanted: &HashSet<EvaluationIndicator>,
) -> Result<Values, Error> {
    let mut out = Values::new();
    let ids: Vec<Uuid> = units.iter().map(|u| u.id).collect();
    if wanted.iter().any(|i| rule_of(*i).is_some()) {
        let found = crate::plan::evidence(db, &ids, year).await?;
        for u in units {
            for indicator in wanted {
                let Some(rule) = rule_of(*indicator) else {
                    continue;
                };
                if ComplianceRule::for_unit(u).contains(&rule) {
                    let met = found.contains_key(&(u.id, rule));
                    out.insert((u.id, *indicator), if met { 1.0 } else { 0.0 });
                }
            }
        }
    }
    if wanted.contains(&EvaluationIndicator::RetentionInWeihai) {
        for (school, graduates, in_weihai) in retention(db, year).await? {
            if graduates > 0 && ids.contains(&school) {
                out.insert(
                    (school, EvaluationIndicator::RetentionInWeihai),
                    in_weihai as f64 / graduates as f64,
                );
            }
        }
    }
    if wanted.contains(&EvaluationIndicator::InternshipPosts) {
        let firms: Vec<member_unit::Model> = units
            .iter()
            .filter(|u| {
                crate::registry::carries_firm_commitments(u)
                    && u.above_designated_size == Some(true)
                    && u.employee_count.is_some_and(|n| n > 0)
            })
            .cloned()
            .collect();
        for r in crate::placement::reports(db, year, firms).await? {
            out.insert(
                (r.enterprise.id, EvaluationIndicator::InternshipPosts),
                r.ratio.unwrap_or(0.0).min(1.0),
            );
        }
    }
    if wanted.contains(&EvaluationIndicator::OrderClassGraduatesHired) {
        let mut by_school: HashMap<Uuid, (u32, u32)> = HashMap::new();
        for (school, hired) in order_class_outcomes(db, year).await? {
            let e = by_school.entry(school).or_default();
            e.0 += 1;
            e.1 += u32::from(hired);
        }
        for (school, (graduates, hired)) in by_school {
            if ids.contains(&school) {
                out.insert(
                    (school, EvaluationIndicator::OrderClassGraduatesHired),
                    f64::from(hired) / f64::from(graduates),
                );
            }
        }
    }
    if wanted.contains(&EvaluationIndicator::CultureCorridor) {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
        let open: std::collections::HashSet<Uuid> = entity::culture_corridor::Entity::find()
            .filter(entity::culture_corridor::Column::OpenedOn.lte(end))
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.school_id)
            .collect();
        for u in units.iter().filter(|u| holds_term_duties(u.kind)) {
            let value = if open.contains(&u.id) { 1.0 } else { 0.0 };
            out.insert((u.id, EvaluationIndicator::CultureCorridor), value);
        }
    }
    let per_term = [
        (
            EvaluationIndicator::ParentsVisitEachTerm,
            EventKind::ParentsVisit,
        ),
        (
            EvaluationIndicator::EnterpriseWeekEachTerm,
            EventKind::EnterpriseWeek,
        ),
    ];
    if per_term.iter().any(|(i, _)| wanted.contains(i)) {
        let terms = terms_of(db, year).await?;
        let schools: Vec<Uuid> = units
            .iter()
            .filter(|u| holds_term_duties(u.kind))
            .map(|u| u.id)
            .collect();
        let held = organised(db, &schools, terms[0].0, terms[1].1).await?;
        for (indicator, kind) in per_term {
            if !wanted.contains(&indicator) {
                continue;
            }
            for school in &schools {
                let terms_held = terms
                    .iter()
                    .filter(|(from, to)| {
                        held.iter()
                            .any(|(u, k, on)| u == school && *k == kind && on >= from && on < to)
                    })
                    .count();
                out.insert((*school, indicator), terms_held as f64 / terms.len() as f64);
            }
        }
    }
    Ok(out)
}

/// Whether a school of `kind` is a 技工院校, which builds an enterprise-culture corridor and holds
/// parents' visits and enterprise weeks every term (Founding notice 二(四)9): technician
/// colleges, senior technical and technical schools.
pub fn holds_term_duties(kind: MemberUnitKind) -> bool {
    matches!(
        kind,
        MemberUnitKind::TechnicianCollege
            | MemberUnitKind::SeniorTechnicalSchool
            | MemberUnitKind::TechnicalSchool
    )
}

/// The two terms of `year` as `[from, to)` dates: spring (from its start to autumn's) and autumn
/// (to the next spring's start), by the alliance's calendar (one statement).
///
/// # Errors
/// Database failures; `BadInput` for a year whose dates do not exist.
pub async fn terms_of(
    db: &impl ConnectionTrait,
    year: i32,
) -> Result<[(NaiveDate, NaiveDate); 2], Error> {
    let alliance = <entity::alliance::Entity as sea_orm::EntityTrait>::find()
        .one(db)
        .await?;
    let (spring, autumn) = alliance
        .map(|a| (a.spring_term_starts, a.autumn_term_starts))
        .unwrap_or_else(|| ("03-01".into(), "09-01".into()));
    let on = |y: i32, md: &str| {
        NaiveDate::parse_from_str(&format!("{y}-{md}"), "%Y-%m-%d")
            .map_err(|_| Error::BadInput(crate::msg!("year-invalid", year = y)))
    };
    Ok([
        (on(year, &spring)?, on(year, &autumn)?),
        (on(year, &autumn)?, on(year + 1, &spring)?),
    ])
}

/// Events the units organised between `from` and `to` (confirmed, not archived): `(unit, kind,
/// held on)`; two statements (the parents' visits and enterprise weeks of the span, then their
/// confirmed organisers among `units`).
async fn organised(
    db: &impl ConnectionTrait,
    units: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Uuid, EventKind, NaiveDate)>, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let events: HashMap<Uuid, (EventKind, NaiveDate)> = entity::event::Entity::find()
        .filter(entity::event::Column::ArchivedAt.is_null())
        .filter(
            entity::event::Column::Kind.is_in([EventKind::ParentsVisit, EventKind::EnterpriseWeek]),
        )
        .filter(entity::event::Column::HeldOn.gte(from))
        .filter(entity::event::Column::HeldOn.lt(to))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, (e.kind, e.held_on)))
        .collect();
    Ok(entity::event_unit::Entity::find()
        .filter(entity::event_unit::Column::EventId.is_in(events.keys().copied()))
        .filter(entity::event_unit::Column::UnitId.is_in(units.iter().copied()))
        .filter(entity::event_unit::Column::Role.eq(EventRole::Organiser))
        .filter(entity::event_unit::Column::ConfirmedAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|eu| {
            events
                .get(&eu.event_id)
                .map(|(k, on)| (eu.unit_id, *k, *on))
        })
        .collect())
}

/// The outcomes of `year`'s graduates who were enrolled in an order class: `(school, hired by host
/// or sponsor)`; one statement.
async fn order_class_outcomes(
    db: &impl ConnectionTrait,
    year: i32,
) -> Result<Vec<(Uuid, bool)>, DbErr> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
    entity::graduate_outcome::Entity::find()
        .select_only()
        .column(entity::graduate_outcome::Column::SchoolId)
        .column(entity::graduate_outcome::Column::HiredByHostOrSponsor)
        .filter(entity::graduate_outcome::Column::GraduationYear.eq(year))
        .filter(
            entity::graduate_outcome::Column::StudentId.in_subquery(
                Query::select()
                    .column(entity::enrolment::Column::StudentId)
                    .from(entity::enrolment::Entity)
                    .to_owned(),
            ),
        )
        .into_tuple()
        .all(db)
        .await
}

/// Graduates and graduates employed in Weihai per school in `year`, from `retention_tally`
/// (one statement).
async fn retention(db: &impl ConnectionTrait, year: i32) -> Result<Vec<(Uuid, i64, i64)>, DbErr> {
    let t = Alias::new("retention_tally");
    let query = Query::select()
        .column((t.clone(), Alias::new("school_id")))
        .expr_as(
            Expr::col((t.clone(), Alias::new("graduates"))),
            Alias::new("graduates"),
        )
        .expr_as(
            Expr::col((t.clone(), Alias::new("in_weihai"))),
            Alias::new("in_weihai"),
        )
        .from(t.clone())
        .and_where(Expr::col((t, Alias::new("graduation_year"))).eq(year))
        .to_owned();
    let mut out = Vec::new();
    for row in db.query_all(&query).await? {
        let graduates: i64 = row.try_get("", "graduates")?;
        let in_weihai: i64 = row.try_get("", "in_weihai")?;
        out.push((row.try_get("", "school_id")?, graduates, in_weihai));
    }
    Ok(out)
}
