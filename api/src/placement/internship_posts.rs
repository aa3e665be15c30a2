//! The plan's 2% rule (Weihai 2020 plan (十); Huancui task list item 8): enterprises above designated size
//! offer student internship posts equal to 2% of their total staff. Posts offered are the
//! placements a firm hosts that year (not terminated) plus the seats it sponsors in order classes
//! of that cohort year (agreed or later).

use std::collections::HashMap;

use entity::enums::{OrderClassStatus, PlacementStatus};
use entity::{internship_placement, member_unit, order_class, order_class_sponsor};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::{Error, year_bounds};
use crate::msg;

/// The share of total staff the rule asks for as internship posts.
pub const POSTS_PER_EMPLOYEE: f64 = 0.02;

/// The 2% rule for one firm in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct PostsReport {
    /// The firm.
    pub enterprise: member_unit::Model,
    /// The year.
    pub year: i32,
    /// Posts the rule asks for: 2% of the staff (fractional); `None` when the staff count is
    /// unknown.
    pub required_posts: Option<f64>,
    /// Internship placements it hosts starting that year (not terminated).
    pub placements_hosted: i64,
    /// Seats it sponsors in order classes of that cohort year (agreed or later).
    pub order_class_seats: i64,
    /// Posts offered: placements plus order-class seats.
    pub posts_offered: i64,
    /// Posts offered ÷ posts required (1.0 = 100%); `None` when the staff count is unknown or 0.
    pub ratio: Option<f64>,
    /// Whether the ratio reaches 100%.
    pub meets_rule: bool,
}

/// The rule itself: posts required for `employee_count` staff, and the ratio of `posts_offered`
/// to them (`None` without a positive staff count).
pub fn two_percent(employee_count: Option<i32>, posts_offered: i64) -> (Option<f64>, Option<f64>) {
    let required = employee_count.map(|n| f64::from(n) * POSTS_PER_EMPLOYEE);
    let ratio = required
        .filter(|r| *r > 0.0)
        .map(|r| posts_offered as f64 / r);
    (required, ratio)
}

/// The reports of `firms` for `year`, in two SQL statements whatever their number.
async fn reports(
    db: &impl ConnectionTrait,
    year: i32,
    firms: Vec<member_unit::Model>,
) -> Result<Vec<PostsReport>, Error> {
    let (from, to) = year_bounds(year)?;
    let ids: Vec<Uuid> = firms.iter().map(|f| f.id).collect();
    let hosted: HashMap<Uuid, i64> = internship_placement::Entity::find()
        .select_only()
        .column(internship_placement::Column::HostUnitId)
        .column_as(internship_placement::Column::Id.count(), "n")
        .filter(internship_placement::Column::HostUnitId.is_in(ids.clone()))
        .filter(internship_placement::Column::Status.ne(PlacementStatus::Terminated))
        .filter(internship_placement::Column::StartDate.gte(from))
        .filter(internship_placement::Column::StartDate.lt(to))
        .group_by(internship_placement::Column::HostUnitId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let seats: HashMap<Uuid, i64> = order_class_sponsor::Entity::find()
        .select_only()
        .column(order_class_sponsor::Column::EnterpriseId)
        .column_as(order_class_sponsor::Column::Seats.sum(), "seats")
        .filter(order_class_sponsor::Column::EnterpriseId.is_in(ids))
        .filter(
            order_class_sponsor::Column::OrderClassId.in_subquery(
                Query::select()
                    .column(order_class::Column::Id)
                    .from(order_class::Entity)
                    .and_where(order_class::Column::CohortYear.eq(year))
                    .and_where(order_class::Column::Status.is_in([
                        OrderClassStatus::Agreed,
                        OrderClassStatus::Recruiting,
                        OrderClassStatus::InTraining,
                        OrderClassStatus::Graduated,
                    ]))
                    .to_owned(),
            ),
        )
        .group_by(order_class_sponsor::Column::EnterpriseId)
        .into_tuple::<(Uuid, Option<i64>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(k, v)| (k, v.unwrap_or(0)))
        .collect();
    Ok(firms
        .into_iter()
        .map(|f| {
            let placements_hosted = hosted.get(&f.id).copied().unwrap_or(0);
            let order_class_seats = seats.get(&f.id).copied().unwrap_or(0);
            let posts_offered = placements_hosted + order_class_seats;
            let (required_posts, ratio) = two_percent(f.employee_count, posts_offered);
            PostsReport {
                year,
                required_posts,
                placements_hosted,
                order_class_seats,
                posts_offered,
                ratio,
                meets_rule: ratio.is_some_and(|r| r >= 1.0),
                enterprise: f,
            }
        })
        .collect())
}

/// The 2% report of one firm: seen by its own staff and the secretariat.
///
/// # Errors
/// `FORBIDDEN` for other callers (`UNAUTHENTICATED` anonymously); `BadInput` for an impossible
/// year; database failures.
pub async fn posts_of(
    actor: &Actor,
    db: &impl ConnectionTrait,
    unit: &member_unit::Model,
    year: i32,
) -> Result<PostsReport, Error> {
    if !actor.is_secretariat() && actor.unit() != Some(unit.id) {
        return Err(actor.refused(msg!("placement-forbidden-posts")));
    }
    reports(db, year, vec![unit.clone()])
        .await?
        .pop()
        .ok_or_else(|| Error::NotFound(msg!("placement-member-unit-not-found")))
}

/// The 2% rule across the alliance for `year`: every firm above designated size, those below 100%
/// (or with unknown staff) first, then in list order. Three SQL statements. Secretariat only.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for anyone but the secretariat; `BadInput` for an impossible
/// year; database failures.
pub async fn post_compliance(
    actor: &Actor,
    db: &impl ConnectionTrait,
    year: i32,
) -> Result<Vec<PostsReport>, Error> {
    actor.require_secretariat()?;
    let firms = member_unit::Entity::find()
        .filter(member_unit::Column::AboveDesignatedSize.eq(true))
        .all(db)
        .await?;
    let mut out = reports(db, year, firms).await?;
    out.sort_by(|a, b| {
        let key = |r: &PostsReport| r.ratio.unwrap_or(-1.0);
        key(a)
            .total_cmp(&key(b))
            .then(a.enterprise.list_order.cmp(&b.enterprise.list_order))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_asks_two_percent_of_staff() {
        // (staff, posts offered, required, ratio)
        let cases = [
            (Some(1000), 20, Some(20.0), Some(1.0)),
            (Some(1000), 10, Some(20.0), Some(0.5)),
            (Some(250), 10, Some(5.0), Some(2.0)),
            (Some(0), 3, Some(0.0), None),
            (None, 3, None, None),
        ];
        for (staff, offered, required, ratio) in cases {
            assert_eq!(
                two_percent(staff, offered),
                (required, ratio),
                "staff {staff:?}, offered {offered}"
            );
        }
    }
}
