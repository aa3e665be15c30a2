//! The plan's 2% rule: "规模以上企业按职工总数的2%设置职业院校学生实习岗位" — enterprises above
//! designated size *set up* student internship posts equal to 2% of their total staff (Weihai 2020
//! plan (十), "原则上", and task 20; Huancui task list, item 8).
//!
//! The measure is the posts a firm declares it sets up for the year
//! ([`super::offer_internship_posts`]). Placements it hosts and seats it sponsors in order classes
//! are shown beside as evidence; they do not count: a placement fills a post, and an order-class
//! seat is a student's place in a class, not an internship post.

use std::collections::HashMap;

use entity::enums::{OrderClassStatus, PlacementStatus, UnitCategory};
use entity::{
    internship_placement, internship_post_offer, member_unit, order_class, order_class_sponsor,
};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
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
    /// The firm's declaration for the year, if it made one.
    pub declaration: Option<internship_post_offer::Model>,
    /// Internship placements it hosts starting that year (not terminated): evidence, not counted.
    pub placements_hosted: i64,
    /// Seats it sponsors in order classes of that cohort year (agreed or later): evidence, not
    /// counted.
    pub order_class_seats: i64,
    /// Posts declared ÷ posts required (1.0 = 100%); `None` when nothing is declared or the staff
    /// count is unknown or 0.
    pub ratio: Option<f64>,
    /// Whether the ratio reaches 100%.
    pub meets_rule: bool,
}

impl PostsReport {
    /// Posts the firm declared for the year; `None` when it declared nothing.
    pub fn posts_declared(&self) -> Option<i32> {
        self.declaration.as_ref().map(|d| d.posts)
    }
}

/// The 2% rule across the alliance for one year: the firms above designated size with their
/// reports, and the firms whose size is not known yet.
#[derive(Debug, Clone, PartialEq)]
pub struct PostCompliance {
    /// Firms on the above-designated-size list, those below 100% (or without a ratio) first,
    /// then in annex order.
    pub firms: Vec<PostsReport>,
    /// Firms whose size is not recorded (the secretariat's work list of whom to ask), in annex
    /// order.
    pub size_unknown: Vec<member_unit::Model>,
}

/// The rule itself: posts required for `employee_count` staff, and the ratio of `posts_declared`
/// to them (`None` without a declaration or a positive staff count).
pub fn two_percent(
    employee_count: Option<i32>,
    posts_declared: Option<i32>,
) -> (Option<f64>, Option<f64>) {
    let required = employee_count.map(|n| f64::from(n) * POSTS_PER_EMPLOYEE);
    let ratio = required
        .filter(|r| *r > 0.0)
        .zip(posts_declared)
        .map(|(r, p)| f64::from(p) / r);
    (required, ratio)
}

/// Units that answer the firms' rules, in SQL: category ENTERPRISE, or a non-school unit the
/// secretariat marked (as [`crate::registry::carries_firm_commitments`]).
fn firms() -> Condition {
    Condition::any()
        .add(member_unit::Column::Category.eq(UnitCategory::Enterprise))
        .add(
            Condition::all()
                .add(member_unit::Column::CarriesFirmCommitments.eq(true))
                .add(member_unit::Column::Category.ne(UnitCategory::School)),
        )
}

/// The reports of `firms` for `year`, in three SQL statements whatever their number.
pub async fn reports(
    db: &impl ConnectionTrait,
    year: i32,
    firms: Vec<member_unit::Model>,
) -> Result<Vec<PostsReport>, Error> {
    let (from, to) = year_bounds(year)?;
    let ids: Vec<Uuid> = firms.iter().map(|f| f.id).collect();
    let mut declared: HashMap<Uuid, internship_post_offer::Model> =
        internship_post_offer::Entity::find()
            .filter(internship_post_offer::Column::UnitId.is_in(ids.clone()))
            .filter(internship_post_offer::Column::Year.eq(year))
            .all(db)
            .await?
            .into_iter()
            .map(|d| (d.unit_id, d))
            .collect();
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
            let declaration = declared.remove(&f.id);
            let (required_posts, ratio) =
                two_percent(f.employee_count, declaration.as_ref().map(|d| d.posts));
            PostsReport {
                year,
                required_posts,
                declaration,
                placements_hosted: hosted.get(&f.id).copied().unwrap_or(0),
                order_class_seats: seats.get(&f.id).copied().unwrap_or(0),
                ratio,
                meets_rule: ratio.is_some_and(|r| r >= 1.0),
                enterprise: f,
            }
        })
        .collect())
}

/// The 2% report of one unit: seen by its own staff and the secretariat.
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

/// The 2% rule across the alliance for `year`: every firm above designated size with its report,
/// those below 100% (or without a ratio) first, then in annex order; and apart, the firms whose
/// size is unknown. "Firms" are the units that carry a firm's commitments
/// ([`crate::registry::carries_firm_commitments`]). Four SQL statements whatever the number of
/// firms. The secretariat and committee staff.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for anyone but the secretariat and committee staff; `BadInput` for an impossible
/// year; database failures.
pub async fn post_compliance(
    actor: &Actor,
    db: &impl ConnectionTrait,
    year: i32,
) -> Result<PostCompliance, Error> {
    actor.require_aggregates()?;
    year_bounds(year)?;
    let (above, size_unknown): (Vec<_>, Vec<_>) = member_unit::Entity::find()
        .filter(firms())
        .filter(
            Condition::any()
                .add(member_unit::Column::AboveDesignatedSize.eq(true))
                .add(member_unit::Column::AboveDesignatedSize.is_null()),
        )
        .order_by_asc(member_unit::Column::ListOrder)
        .all(db)
        .await?
        .into_iter()
        .partition(|u| u.above_designated_size == Some(true));
    let mut firms = reports(db, year, above).await?;
    firms.sort_by(|a, b| {
        let key = |r: &PostsReport| r.ratio.unwrap_or(-1.0);
        key(a)
            .total_cmp(&key(b))
            .then(a.enterprise.list_order.cmp(&b.enterprise.list_order))
    });
    Ok(PostCompliance {
        firms,
        size_unknown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_asks_two_percent_of_staff_in_declared_posts() {
        // (staff, posts declared, required, ratio)
        let cases = [
            (Some(1000), Some(20), Some(20.0), Some(1.0)),
            (Some(1000), Some(10), Some(20.0), Some(0.5)),
            (Some(250), Some(10), Some(5.0), Some(2.0)),
            (Some(1000), Some(0), Some(20.0), Some(0.0)),
            // Nothing declared: no ratio, whatever the staff.
            (Some(1000), None, Some(20.0), None),
            (Some(0), Some(3), Some(0.0), None),
            (None, Some(3), None, None),
        ];
        for (staff, declared, required, ratio) in cases {
            assert_eq!(
                two_percent(staff, declared),
                (required, ratio),
                "staff {staff:?}, declared {declared:?}"
            );
        }
    }
}
