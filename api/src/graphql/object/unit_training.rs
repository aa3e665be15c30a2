//! The contests, research and worker-training fields of `MemberUnit` (`docs/people.md`),
//! flattened into it: its contest entries and medals, research projects, training needs,
//! training projects and skill-level certifications.

use async_graphql::{Context, Object};
use futures_util::FutureExt;

use super::unit_edges as e;
use super::{
    ContestEntryConnection, MedalTally, ResearchProjectConnection, SkillCertificationConnection,
    TrainingNeedConnection, TrainingProjectConnection,
};
use crate::graphql::connection::Page;
use crate::graphql::error::ApiResult;
use crate::graphql::guard::RoleGuard;
use crate::graphql::loader::Loaders;

/// The member unit whose contests, research and worker-training fields are resolved (flattened
/// into `MemberUnit`; not a type of its own in the schema).
pub struct MemberUnitTraining(pub uuid::Uuid);

#[Object]
impl MemberUnitTraining {
    /// The member's contest entries and results (Ten Measures (5), (6)), newest first: any
    /// account but an evaluator's; who a student or worker contestant is shows only to the
    /// member's staff and the secretariat. Batched over the units of a page. Errors:
    /// `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn contest_entries(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ContestEntryConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_contest_entries(ctx, self.0, page).boxed().await
    }

    /// The member's line of the medal table over every contest: its entries, medals, coaches'
    /// honours and its own awards (`contestMedalTable` filters by year, kind and level). Counts:
    /// any account but an evaluator's (null for one). Batched over the units of a page (two SQL
    /// aggregates).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn medals(&self, ctx: &Context<'_>) -> ApiResult<Option<MedalTally>> {
        Ok(ctx
            .data::<Loaders>()?
            .medals
            .load_one(self.0)
            .boxed()
            .await?)
    }

    /// The school's research projects (科研课题, Ten Measures (6)), newest first. Any account but
    /// an evaluator's. Batched over the units of a page. Errors: `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn research_projects(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ResearchProjectConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_research_projects(ctx, self.0, page).boxed().await
    }

    /// The firm's training needs (Founding notice 二(三)8), newest first; closed ones only with
    /// `includeClosed`. Any account but an evaluator's. Batched over the units of a page.
    /// Errors: `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn training_needs(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Also the closed ones.", default)] include_closed: bool,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<TrainingNeedConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_training_needs(ctx, self.0, include_closed, page)
            .boxed()
            .await
    }

    /// Worker-training projects the member runs or that train its workers, newest first. Any
    /// account but an evaluator's. Batched over the units of a page. Errors:
    /// `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn training_projects(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<TrainingProjectConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_training_projects(ctx, self.0, page).boxed().await
    }

    /// Skill-level certificate batches the member issued or that certified its workers, newest
    /// first. Any account but an evaluator's. Batched over the units of a page. Errors:
    /// `UNAUTHENTICATED`, `FORBIDDEN`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn skill_certifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<SkillCertificationConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_skill_certifications(ctx, self.0, page)
            .boxed()
            .await
    }
}
