//! Retention in Weihai (留威就业, Founding notice 二(四)11): the share of a year's graduates employed in
//! Weihai, by school, district or specialty, and its change from the year before (the plan wants
//! it to rise every year).

use std::collections::HashMap;

use entity::enums::{District, OutcomeStatus};
use entity::{graduate_outcome, member_unit, student};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
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

/// Tallies `facts` (each with its group key) for `year` against the year before, one row per group
/// with graduates in `year`, ordered by label. `K` carries what a row shows besides its label.
pub fn tally<K: Clone>(
    year: i32,
    facts: impl IntoIterator<Item = (String, K, OutcomeFact)>,
) -> Vec<(String, K, RetentionFigures)> {
    let mut groups: HashMap<String, (Tally, K)> = HashMap::new();
    for (label, key, f) in facts {
        let t = &mut groups.entry(label).or_insert((Tally::default(), key)).0;
        if f.graduation_year == year {
            t.graduates += 1;
            t.employed += i64::from(f.employed);
            t.in_weihai += i64::from(f.in_weihai);
        } else if f.graduation_year == year - 1 {
            t.prev_graduates += 1;
            t.prev_in_weihai += i64::from(f.in_weihai);
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
/// sees every school, school staff their own (through [`outcome_scope`]). Two SQL statements.
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; `FORBIDDEN` for anyone but schools and the secretariat;
/// database failures.
pub async fn retention(
    actor: &Actor,
    db: &impl ConnectionTrait,
    year: i32,
    group_by: RetentionGroup,
) -> Result<Vec<RetentionRow>, Error> {
    if !actor.is_secretariat() && actor.school().is_none() {
        return Err(actor.refused(msg!("placement-forbidden-retention")));
    }
    let cond = Condition::all()
        .add(graduate_outcome::Column::GraduationYear.is_in([year.saturating_sub(1), year]))
        .add(outcome_scope(actor));
    let rows = graduate_outcome::Entity::find()
        .filter(cond)
        .find_also_related(student::Entity)
        .all(db)
        .await?;
    let schools: HashMap<Uuid, member_unit::Model> = member_unit::Entity::find()
        .filter(member_unit::Column::Id.is_in(rows.iter().map(|(o, _)| o.school_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let facts = rows.iter().map(|(o, s)| {
        let school = schools.get(&o.school_id);
        let (label, key) = match group_by {
            RetentionGroup::School => (
                school.map_or_else(|| o.school_id.to_string(), |m| m.name.clone()),
                (Some(o.school_id), None),
            ),
            RetentionGroup::District => {
                let d = school.and_then(|m| m.district);
                let label =
                    d.map_or_else(|| NOT_RECORDED.to_owned(), |d| crate::text::api_name(&d));
                (label, (None, d))
            }
            RetentionGroup::Specialty => (
                s.as_ref()
                    .and_then(|s| s.specialty.clone())
                    .unwrap_or_else(|| NOT_RECORDED.to_owned()),
                (None, None),
            ),
        };
        let fact = OutcomeFact {
            graduation_year: o.graduation_year,
            employed: o.status == OutcomeStatus::Employed,
            in_weihai: o.in_weihai,
        };
        (label, key, fact)
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
        assert!(tally::<()>(2026, Vec::new()).is_empty());
    }
}
