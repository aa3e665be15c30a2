//! The committees' reads: where the alliance stands against its targets, the plan's milestones,
//! and the evaluation rounds (`docs/committees.md`).

use async_graphql::{Context, Object};
use entity::evaluation_round;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::graphql::error::ApiResult;
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, decode_as};
use crate::graphql::object::{EvaluationRound, Milestone, TargetStanding};

/// Most rounds `evaluationRounds` returns (one a year).
pub const MAX_ROUNDS: u64 = 100;

#[derive(Default)]
pub struct CommitteesQuery;

#[Object]
impl CommitteesQuery {
    /// "Where do we stand": every target measured at the end of `year` — actual, share reached,
    /// the trend since 2026 and the members behind the figure; targets whose records the API does
    /// not hold yet read `measured: false`. Five SQL statements whatever the number of targets
    /// (at most 200). The secretariat and committee staff (`UNAUTHENTICATED`, `FORBIDDEN`);
    /// `BAD_USER_INPUT` for a year outside 2000–2100.
    #[graphql(
        guard = "RoleGuard::Committees",
        complexity = "crate::graphql::connection::ALLIANCE_REPORT_COST + child_complexity"
    )]
    async fn targets(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year measured (2000–2100).")] year: i32,
        #[graphql(desc = "Only the targets attached to this milestone.")] milestone_id: Option<
            async_graphql::ID,
        >,
    ) -> ApiResult<Vec<TargetStanding>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let milestone = match milestone_id {
            Some(id) => Some(decode_as(NodeType::Milestone, &id)?),
            None => None,
        };
        Ok(
            crate::committees::standings(actor(ctx), db, year, milestone)
                .await?
                .into_iter()
                .map(TargetStanding)
                .collect(),
        )
    }

    /// The plan's stages (Founding notice 一), by year, each with its text and the targets
    /// attached to it. Any account but an evaluator's (`UNAUTHENTICATED`, `FORBIDDEN`).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn milestones(&self, ctx: &Context<'_>) -> ApiResult<Vec<Milestone>> {
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(crate::committees::milestones(actor(ctx), db)
            .await?
            .into_iter()
            .map(Milestone)
            .collect())
    }

    /// The evaluation rounds the caller may read, newest year first (at most 100): all for the
    /// secretariat and committee staff, those past DRAFT for members' staff, those it is invited
    /// to for an evaluator. `UNAUTHENTICATED` anonymously.
    #[graphql(guard = "crate::graphql::guard::SignedIn")]
    async fn evaluation_rounds(&self, ctx: &Context<'_>) -> ApiResult<Vec<EvaluationRound>> {
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(evaluation_round::Entity::find()
            .filter(crate::committees::round_scope(actor(ctx)))
            .order_by_desc(evaluation_round::Column::Year)
            .limit(MAX_ROUNDS)
            .all(db)
            .await?
            .into_iter()
            .map(EvaluationRound)
            .collect())
    }

    /// The evaluation round of `year`, if there is one the caller may read (as
    /// `evaluationRounds`). `UNAUTHENTICATED` anonymously.
    #[graphql(guard = "crate::graphql::guard::SignedIn")]
    async fn evaluation_round(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year evaluated.")] year: i32,
    ) -> ApiResult<Option<EvaluationRound>> {
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(evaluation_round::Entity::find()
            .filter(evaluation_round::Column::Year.eq(year))
            .filter(crate::committees::round_scope(actor(ctx)))
            .one(db)
            .await?
            .map(EvaluationRound))
    }
}
