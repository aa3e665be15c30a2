//! The computed items of an evaluation round: each member's measured value (0–1) of each
//! formula in a year, and whether the formula applies to it (`docs/committees.md`, Computed
//! items).

use std::collections::{HashMap, HashSet};

use entity::enums::EvaluationIndicator;
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
        EvaluationIndicator::RetentionInWeihai | EvaluationIndicator::InternshipPosts => {
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
    }
}

/// Every formula, in the order a default round lists them.
pub const ALL_INDICATORS: [EvaluationIndicator; 8] = [
    EvaluationIndicator::SchoolInFactoryBase,
    EvaluationIndicator::PracticeStationWithPosts,
    EvaluationIndicator::CareerMentor,
    EvaluationIndicator::CampusVisit,
    EvaluationIndicator::InternshipPosts,
    EvaluationIndicator::TeachersSentToPractice,
    EvaluationIndicator::JobRecommendationEvent,
    EvaluationIndicator::RetentionInWeihai,
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
    Ok(out)
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
