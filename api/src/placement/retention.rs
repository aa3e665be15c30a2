//! Retention in Weihai (留威就业, Founding notice 二(四)11): the share of a year's graduates employed in
//! Weihai, by school, district or specialty, and its change from the year before (the plan wants
//! it to rise every year).

use std::collections::HashMap;

use entity::enums::{District, OutcomeStatus};
use entity::{graduate_outcome, member_unit, student};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, JoinType, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::scope::outcome_scope;
use crate::actor::Actor;
use crate::error::Error;
use crate::msg;

/// The label of a group whose key (district, specialty) is not recorded.
pub const NOT_RECORDED: &str = "未填写";

/// Grouping of `retention`.
#[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum RetentionGroup {
    /// By school.
    School,
    /// By the school's district.
    District,
    /// By the student's specialty.
    Specialty,
}

/// Retention of one group in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionRow {
    /// The group's label: a school's name, a district, or a specialty ([`NOT_RECORDED`] when not
    /// recorded).
    pub label: String,
    /// The school, when grouped by school.
    pub school: Option<member_unit::Model>,
    /// The district, when grouped by district (`None`: the school's district is unknown).
    pub district: Option<District>,
    /// Graduates with a reported outcome that year.
    pub graduates: i64,
    /// Of them employed.
    pub employed: i64,
    /// Of them employed in Weihai.
    pub employed_in_weihai: i64,
    /// Employed in Weihai ÷ graduates (0–1).
    pub retention_rate: f64,
    /// The same rate the year before; `None` without graduates then.
    pub previous_retention_rate: Option<f64>,
    /// Change from the year before; `None` without a previous rate.
    pub change: Option<f64>,
}

/// One graduate's outcome as the tally needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutcomeFact {
    /// Year of graduation.
    pub graduation_year: i32,
    /// Employed (in Weihai or not).
    pub employed: bool,
    /// Employed in Weihai.
    pub in_weihai: bool,
}

#[derive(Default)]
struct Tally {
    graduates: i64,
    employed: i64,
    in_weihai: i64,
    prev_graduates: i64,
    prev_in_weihai: i64,
}

/// Outcomes counted in SQL for one group and graduation year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutcomeCounts {
    /// Year of graduation.
    pub graduation_year: i32,
    /// Graduates with a reported outcome.
    pub graduates: i64,
    /// Of them employed (in Weihai or not).
    pub employed: i64,
    /// Of them employed in Weihai.
    pub in_weihai: i64,
}

impl From<OutcomeFact> for OutcomeCounts {
    fn from(f: OutcomeFact) -> Self {
        Self {
            graduation_year: f.graduation_year,
            graduates: 1,
            employed: i64::from(f.employed),
            in_weihai: i64::from(f.in_weihai),
        }
    }
}

/// Tallies `facts` (each with its group key; one graduate each, or counts of many) for `year`
/// against the year before, one row per group with graduates in `year`, ordered by label. `K`
/// carries what a row shows besides its label; several entries may share a label (their counts
/// add up).
pub fn tally<K: Clone, F: Into<OutcomeCounts>>(
    year: i32,
    facts: impl IntoIterator<Item = (String, K, F)>,
) -> Vec<(String, K, RetentionFigures)> {
    let mut groups: HashMap<String, (Tally, K)> = HashMap::new();
    for (label, key, f) in facts {
        let f: OutcomeCounts = f.into();
        let t = &mut groups.entry(label).or_insert((Tally::default(), key)).0;
        if f.graduation_year == year {
            t.graduates += f.graduates;
            t.employed += f.employed;
            t.in_weihai += f.in_weihai;
        } else if f.graduation_year == year - 1 {
            t.prev_graduates += f.graduates;
            t.prev_in_weihai += f.in_weihai;
        }
    }
    let mut out: Vec<_> = groups
        .into_iter()
        .filter(|(_, (t, _))| t.graduates > 0)
        .map(|(label, (t, key))| {
            let rate = t.in_weihai as f64 / t.graduates as f64;
            let previous =
                (t.prev_graduates > 0).then(|| t.prev_in_weihai as f64 / t.prev_graduates as f64);
            let figures = RetentionFigures {
                graduates: t.graduates,
                employed: t.employed,
                employed_in_weihai: t.in_weihai,
                retention_rate: rate,
                previous_retention_rate: previous,
            };
            (label, key, figures)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The figures of one group (see [`RetentionRow`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetentionFigures {
    /// Graduates with a reported outcome that year.
    pub graduates: i64,
    /// Of them employed.
    pub employed: i64,
    /// Of them employed in Weihai.
    pub employed_in_weihai: i64,
    /// Employed in Weihai ÷ graduates.
    pub retention_rate: f64,
    /// The rate the year before.
    pub previous_retention_rate: Option<f64>,
}

/// Retention of `year`'s graduates grouped by `group_by`, with the year before. The secretariat
/// sees every school, school staff their own (through [`outcome_scope`]). Two SQL statements: the
/// counts per school and year (by school or district: read from `retention_tally`, which the
/// database keeps in step with every outcome written, one row per school and year; by specialty:
/// the outcomes counted with `GROUP BY` over the students' specialties), and the schools.
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; `FORBIDDEN` for anyone but schools, the secretariat and committee staff;
/// database failures.
pub async fn retention(
    actor: &Actor,
    db: &impl ConnectionTrait,
    year: i32,
    group_by: RetentionGroup,
) -> Result<Vec<RetentionRow>, Error> {
    if !actor.reads_aggregates() && actor.school().is_none() {
        return Err(actor.refused(msg!("placement-forbidden-retention")));
    }
    let specialty = group_by == RetentionGroup::Specialty;
    let query = if specialty {
        specialty_counts(actor, year)
    } else {
        tally_rows(actor, year)
    };
    let mut counted = Vec::new();
    for row in db.query_all(&query).await? {
        let school: Uuid = row.try_get("", "school")?;
        let specialty: Option<String> = if specialty {
            row.try_get("", "specialty")?
        } else {
            None
        };
        let counts = OutcomeCounts {
            graduation_year: row.try_get("", "year")?,
            graduates: row.try_get("", "graduates")?,
            employed: row.try_get("", "employed")?,
            in_weihai: row.try_get("", "in_weihai")?,
        };
        counted.push((school, specialty, counts));
    }
    let schools: HashMap<Uuid, member_unit::Model> = member_unit::Entity::find()
        .filter(member_unit::Column::Id.is_in(counted.iter().map(|(school, _, _)| *school)))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let facts = counted.into_iter().map(|(school_id, specialty, counts)| {
        let school = schools.get(&school_id);
        let (label, key) = match group_by {
            RetentionGroup::School => (
                school.map_or_else(|| school_id.to_string(), |m| m.name.clone()),
                (Some(school_id), None),
            ),
            RetentionGroup::District => {
                let d = school.and_then(|m| m.district);
                let label =
                    d.map_or_else(|| NOT_RECORDED.to_owned(), |d| crate::text::api_name(&d));
                (label, (None, d))
            }
            RetentionGroup::Specialty => (
                specialty.unwrap_or_else(|| NOT_RECORDED.to_owned()),
                (None, None),
            ),
        };
        (label, key, counts)
    });
    Ok(tally(year, facts)
        .into_iter()
        .map(|(label, (school_id, district), f)| RetentionRow {
            label,
            school: school_id.and_then(|id| schools.get(&id).cloned()),
            district,
            graduates: f.graduates,
            employed: f.employed,
            employed_in_weihai: f.employed_in_weihai,
            retention_rate: f.retention_rate,
            previous_retention_rate: f.previous_retention_rate,
            change: f.previous_retention_rate.map(|p| f.retention_rate - p),
        })
        .collect())
}

/// The counts of `year` and the year before per school, from `retention_tally` (migration
/// `m20261124_000002_retention_tally`), within the caller's scope.
fn tally_rows(actor: &Actor, year: i32) -> sea_orm::sea_query::SelectStatement {
    let t = Alias::new("retention_tally");
    let mut query = Query::select();
    query
        .expr_as(
            Expr::col((t.clone(), Alias::new("school_id"))),
            Alias::new("school"),
        )
        .expr_as(
            Expr::col((t.clone(), Alias::new("graduation_year"))),
            Alias::new("year"),
        )
        .expr_as(
            Expr::col((t.clone(), Alias::new("graduates"))),
            Alias::new("graduates"),
        )
        .expr_as(
            Expr::col((t.clone(), Alias::new("employed"))),
            Alias::new("employed"),
        )
        .expr_as(
            Expr::col((t.clone(), Alias::new("in_weihai"))),
            Alias::new("in_weihai"),
        )
        .from(t.clone())
        .and_where(
            Expr::col((t.clone(), Alias::new("graduation_year")))
                .is_in([year.saturating_sub(1), year]),
        )
        .and_where(Expr::col((t.clone(), Alias::new("graduates"))).gt(0));
    if !actor.reads_aggregates() {
        // School staff (others are refused before): their own school only.
        let own = actor.school().unwrap_or_default();
        query.and_where(Expr::col((t, Alias::new("school_id"))).eq(own));
    }
    query
}

/// The outcomes of `year` and the year before counted per school, specialty and year with
/// `GROUP BY`, within the caller's scope ([`outcome_scope`]).
fn specialty_counts(actor: &Actor, year: i32) -> sea_orm::sea_query::SelectStatement {
    use graduate_outcome::Column as O;
    let o = graduate_outcome::Entity;
    let s = Alias::new("s");
    let employed = Expr::col((o, O::Status)).eq(OutcomeStatus::Employed);
    Query::select()
        .expr_as(Expr::col((o, O::SchoolId)), Alias::new("school"))
        .expr_as(Expr::col((o, O::GraduationYear)), Alias::new("year"))
        .expr_as(Expr::col((o, O::Id)).count(), Alias::new("graduates"))
        .expr_as(
            Expr::expr(Expr::case(employed, 1)).count(),
            Alias::new("employed"),
        )
        .expr_as(
            Expr::expr(Expr::case(Expr::col((o, O::InWeihai)).eq(true), 1)).count(),
            Alias::new("in_weihai"),
        )
        .expr_as(
            Expr::col((s.clone(), student::Column::Specialty)),
            Alias::new("specialty"),
        )
        .from(o)
        .join_as(
            JoinType::LeftJoin,
            student::Entity,
            s.clone(),
            Expr::col((s.clone(), student::Column::Id)).equals((o, O::StudentId)),
        )
        .and_where(Expr::col((o, O::GraduationYear)).is_in([year.saturating_sub(1), year]))
        .cond_where(outcome_scope(actor))
        .group_by_col((o, O::SchoolId))
        .group_by_col((o, O::GraduationYear))
        .group_by_col((s, student::Column::Specialty))
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(graduation_year: i32, employed: bool, in_weihai: bool) -> OutcomeFact {
        OutcomeFact {
            graduation_year,
            employed,
            in_weihai,
        }
    }

    #[test]
    fn the_tally_counts_this_year_against_the_year_before_per_group() {
        let facts = vec![
            ("乙校".to_owned(), (), fact(2026, true, true)),
            ("乙校".to_owned(), (), fact(2026, true, false)),
            ("乙校".to_owned(), (), fact(2026, false, false)),
            ("乙校".to_owned(), (), fact(2026, true, true)),
            ("乙校".to_owned(), (), fact(2025, true, true)),
            ("乙校".to_owned(), (), fact(2025, true, false)),
            ("甲校".to_owned(), (), fact(2026, true, true)),
            // Only graduates of the year before: no row.
            ("丙校".to_owned(), (), fact(2025, true, true)),
            // Two years before: ignored.
            ("甲校".to_owned(), (), fact(2024, true, false)),
        ];
        let rows = tally(2026, facts);
        let labels: Vec<_> = rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(labels, ["乙校", "甲校"]);
        let yi = rows[0].2;
        assert_eq!(
            (yi.graduates, yi.employed, yi.employed_in_weihai),
            (4, 3, 2)
        );
        assert_eq!(yi.retention_rate, 0.5);
        assert_eq!(yi.previous_retention_rate, Some(0.5));
        let jia = rows[1].2;
        assert_eq!((jia.graduates, jia.retention_rate), (1, 1.0));
        assert_eq!(jia.previous_retention_rate, None);
    }

    #[test]
    fn no_outcomes_tally_to_no_rows() {
        assert!(tally::<(), OutcomeFact>(2026, Vec::new()).is_empty());
    }
}
