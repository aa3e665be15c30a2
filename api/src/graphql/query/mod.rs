//! The query root, merged from one object per area.

use async_graphql::ID;
use uuid::Uuid;

use crate::graphql::error::ApiError;
use crate::graphql::id::{NodeType, decode_as};

/// The row ids of member-unit global IDs given as a filter argument `field`.
///
/// # Errors
/// `BAD_USER_INPUT` naming the first ID that is not a MemberUnit's.
fn member_unit_ids(ids: &[ID], field: &str) -> Result<Vec<Uuid>, ApiError> {
    ids.iter()
        .map(|id| {
            decode_as(NodeType::MemberUnit, id).map_err(|_| {
                ApiError::BadUserInput(format!("{field}: {:?} is not a MemberUnit ID", id.as_str()))
            })
        })
        .collect()
}

/// [`crate::db::year_bounds`] for a `year` argument.
///
/// # Errors
/// `BAD_USER_INPUT` for a year outside the calendar's range.
fn year_bounds(year: i32) -> Result<(chrono::NaiveDate, chrono::NaiveDate), ApiError> {
    crate::db::year_bounds(year)
        .ok_or_else(|| ApiError::BadUserInput(format!("{year} is not a year")))
}

mod node;
mod order_class;
mod placement;
mod plan;
mod registry;
mod viewer;

pub use order_class::{OrderClassDemandFilter, OrderClassFilter};
pub use placement::{
    InternshipPlacementFilter, InternshipPostsReport, RetentionRow, internship_posts_of,
};
pub use plan::{MemberCompliance, compliance_of};
pub use registry::{MemberUnitFilter, MemberUnitOrder, MemberUnitOrderField, OrderDirection};
pub use viewer::CurrentAccount;

/// The query root.
#[derive(async_graphql::MergedObject, Default)]
pub struct Query(
    node::NodeQuery,
    registry::RegistryQuery,
    order_class::OrderClassQuery,
    placement::PlacementQuery,
    plan::PlanQuery,
    viewer::ViewerQuery,
);
