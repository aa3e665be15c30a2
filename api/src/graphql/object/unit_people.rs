//! The people-and-platforms fields of `MemberUnit` (`docs/people.md`), flattened into it: its
//! teachers, reserve-craftsman nominations, apprenticeship bases and certifications.

use async_graphql::{Context, Object};
use futures_util::FutureExt;

use super::unit_edges as e;
use super::{
    ApprenticeshipBaseConnection, EnterpriseCertificationConnection, ReserveCraftsmanConnection,
    TeacherConnection,
};
use crate::graphql::connection::Page;
use crate::graphql::error::ApiResult;
use crate::graphql::guard::RoleGuard;

/// The member unit whose people-and-platforms fields are resolved (flattened into
/// `MemberUnit`; not a type of its own in the schema).
pub struct MemberUnitPeople(pub uuid::Uuid);

#[Object]
impl MemberUnitPeople {
    /// The school's teachers in the teacher pool (Ten Measures (6)), newest first: any account
    /// but an evaluator's; those who left only with `includeLeft`. Batched over the units of a
    /// page. Errors: `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn teachers(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Also teachers who left the school.", default)] include_left: bool,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<TeacherConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_teachers(ctx, self.0, include_left, page)
            .boxed()
            .await
    }

    /// The school's reserve-craftsman nominations (Weihai 2020 plan, task 17), newest first:
    /// the school's staff and the secretariat (empty for anyone else). Batched over the units of
    /// a page. Errors: `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn reserve_craftsmen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this year's.")] year: Option<i32>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ReserveCraftsmanConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_reserve_craftsmen(ctx, self.0, year, page)
            .boxed()
            .await
    }

    /// Apprenticeship bases (Weihai 2020 plan, task 19) the school set up or that are in the
    /// firm, newest first; closed ones only with `includeClosed`. Any account but an evaluator's.
    /// Batched over the units of a page. Errors: `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn apprenticeship_bases(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Also closed bases.", default)] include_closed: bool,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ApprenticeshipBaseConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_apprenticeship_bases(ctx, self.0, include_closed, page)
            .boxed()
            .await
    }

    /// The firm's industry-education enterprise certifications (产教融合型企业, Founding notice
    /// 三(二)), newest first. Any account but an evaluator's. Batched over the units of a page.
    /// Errors: `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn enterprise_certifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<EnterpriseCertificationConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_certifications(ctx, self.0, page).boxed().await
    }

    /// The member's high-skill platforms (Ten Measures (1), (4)), newest first. Any account but
    /// an evaluator's. Batched over the units of a page. Errors: `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn platforms(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<super::PlatformConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_platforms(ctx, self.0, page).boxed().await
    }

    /// The member's funding ledger of platform grants, newest first: the member itself, the
    /// secretariat and committee staff (empty for anyone else). Batched over the units of a page.
    /// Errors: `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn platform_grants(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<super::PlatformGrantConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_platform_grants(ctx, self.0, page).boxed().await
    }

    /// Equipment and sites the member shares (Founding notice 三(二)), newest first; those no
    /// longer shared only with `includeArchived`. Any account but an evaluator's. Batched over the
    /// units of a page. Errors: `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn shared_resources(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Also the ones no longer shared.", default)] include_archived: bool,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<super::SharedResourceConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_shared_resources(ctx, self.0, include_archived, page)
            .boxed()
            .await
    }
}
