//! The input types of queries and mutations (`…Input`, `…Filter`), one file per area.

use async_graphql::ID;
use uuid::Uuid;

use crate::graphql::error::ApiError;
use crate::graphql::id::{NodeType, decode_as};
use crate::msg;

/// The row ids of member-unit global IDs given as a filter argument `field`.
///
/// # Errors
/// `BAD_USER_INPUT` naming the first ID that is not a MemberUnit's.
pub(in crate::graphql) fn member_unit_ids(ids: &[ID], field: &str) -> Result<Vec<Uuid>, ApiError> {
    ids.iter()
        .map(|id| {
            decode_as(NodeType::MemberUnit, id).map_err(|_| {
                ApiError::BadUserInput(msg!(
                    "id-wrong-type",
                    field = field,
                    id = id.as_str(),
                    type_name = "MemberUnit"
                ))
            })
        })
        .collect()
}

/// [`crate::error::year_bounds`] for a `year` argument.
///
/// # Errors
/// `BAD_USER_INPUT` for a year outside the calendar's range.
pub(in crate::graphql) fn year_bounds(
    year: i32,
) -> Result<(chrono::NaiveDate, chrono::NaiveDate), ApiError> {
    crate::error::year_bounds(year).map_err(ApiError::from)
}

mod auth;
mod corrections;
mod order_class;
mod placement;
mod plan;
mod registry;

pub use auth::*;
pub use corrections::*;
pub use order_class::*;
pub use placement::*;
pub use plan::*;
pub use registry::*;
