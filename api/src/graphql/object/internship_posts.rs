//! A firm's declaration of the internship posts it sets up in a year (the 2% rule's measure).

use async_graphql::{Context, Object};
use entity::internship_post_offer;

use super::MemberUnit;
use crate::graphql::error::ApiResult;
use crate::graphql::loader::Loaders;
use crate::graphql::scalar::DateTime;

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct InternshipPostOffer(pub internship_post_offer::Model);

/// The internship posts (实习岗位) a firm declares it sets up for vocational students in one year:
/// the measure of the 2% rule ("规模以上企业按职工总数的2%设置职业院校学生实习岗位", Weihai 2020
/// plan (十) and task 20; Huancui task list, item 8). One per firm and year
/// (`offerInternshipPosts` replaces it). Seen by the firm and the secretariat.
#[Object]
impl InternshipPostOffer {
    /// The declaring firm.
    async fn enterprise(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        Ok(ctx
            .data::<Loaders>()?
            .unit(self.0.unit_id)
            .await?
            .map(MemberUnit))
    }

    /// The calendar year the posts are set up for.
    async fn year(&self) -> i32 {
        self.0.year
    }

    /// Posts set up that year (persons, 0–10,000).
    async fn posts(&self) -> i32 {
        self.0.posts
    }

    /// The specialties the posts serve (at most 50), in the order declared.
    async fn specialties(&self) -> Vec<String> {
        crate::text::split_list(&self.0.specialties)
    }

    /// When the firm first declared posts for the year (UTC, RFC 3339).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }

    /// When the declaration was last replaced (UTC, RFC 3339).
    async fn updated_at(&self) -> DateTime {
        self.0.updated_at.into()
    }
}
