//! The committees' reads: where the alliance stands against its targets, the plan's milestones,
//! and the evaluation rounds (`docs/committees.md`).

use async_graphql::{Context, Object};
use entity::{committee_meeting, evaluation_round, work_plan_item};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::graphql::error::ApiResult;
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, decode_as};
use crate::graphql::object::{
    CommitteeMeeting, EvaluationRound, Milestone, TargetStanding, WorkPlanItem,
};

/// Most meetings or work-plan items one list returns.
pub const MAX_LISTED: u64 = 500;

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

    /// Meetings held in `year` — of the council, the standing council and the committees, or of
    /// one body (`committeeId`) — by date (at most 500). Any account but an evaluator's
    /// (`UNAUTHENTICATED`, `FORBIDDEN`). One SQL statement.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year (2000–2100).")] year: i32,
        #[graphql(desc = "Only this body's meetings.")] committee_id: Option<async_graphql::ID>,
    ) -> ApiResult<Vec<CommitteeMeeting>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let (from, to) = crate::error::year_bounds(year)?;
        let mut q = committee_meeting::Entity::find()
            .filter(committee_meeting::Column::HeldOn.gte(from))
            .filter(committee_meeting::Column::HeldOn.lt(to))
            .order_by_asc(committee_meeting::Column::HeldOn)
            .limit(MAX_LISTED);
        if let Some(id) = committee_id {
            q = q.filter(
                committee_meeting::Column::CommitteeId.eq(decode_as(NodeType::Committee, &id)?),
            );
        }
        Ok(q.all(db).await?.into_iter().map(CommitteeMeeting).collect())
    }

    /// The committees' work plans for `year` — every committee's, or one's (`committeeId`) — by
    /// committee then creation (at most 500). Any account but an evaluator's
    /// (`UNAUTHENTICATED`, `FORBIDDEN`). One SQL statement.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn work_plan(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The plan's year.")] year: i32,
        #[graphql(desc = "Only this committee's plan.")] committee_id: Option<async_graphql::ID>,
    ) -> ApiResult<Vec<WorkPlanItem>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let mut q = work_plan_item::Entity::find()
            .filter(work_plan_item::Column::Year.eq(year))
            .order_by_asc(work_plan_item::Column::CommitteeId)
            .order_by_asc(work_plan_item::Column::Id)
            .limit(MAX_LISTED);
        if let Some(id) = committee_id {
            q = q.filter(
                work_plan_item::Column::CommitteeId.eq(decode_as(NodeType::Committee, &id)?),
            );
        }
        Ok(q.all(db).await?.into_iter().map(WorkPlanItem).collect())
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
