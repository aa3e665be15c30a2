//! The plan's milestones and targets, and a target measured in a year (`docs/committees.md`,
//! Targets).

use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{District, MemberUnitKind, TargetIndicator, TargetScope};
use entity::{milestone, target};
use sea_orm::DatabaseConnection;

use super::MemberUnit;
use crate::graphql::error::ApiResult;
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::graphql::scalar::{Date, DateTime};

/// A stage of the plan (阶段目标, Founding notice 一): the year and its text, byte for byte. The
/// notice states no numbers for the stages; the secretariat attaches indicator targets
/// (`attachTargetToMilestone`).
pub struct Milestone(pub milestone::Model);

/// A stage of the plan (阶段目标, Founding notice 一): the year and its text, byte for byte; the
/// secretariat attaches indicator targets to it.
#[Object]
impl Milestone {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Milestone, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The year the stage is to be reached by.
    async fn year(&self) -> i32 {
        self.0.year
    }

    /// Short title ("2026年").
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The stage as the Founding notice 一 prints it.
    async fn text(&self) -> &str {
        &self.0.text
    }

    /// Document and section (`Founding notice 一`).
    async fn source(&self) -> &str {
        &self.0.source
    }

    /// The targets attached to it, measured at the end of `year` (default: the milestone's
    /// year). The secretariat and committee staff (`UNAUTHENTICATED`, `FORBIDDEN`);
    /// `BAD_USER_INPUT` for a year outside 2000–2100.
    #[graphql(guard = "RoleGuard::Committees")]
    async fn targets(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year measured (2000–2100); default the milestone's year.")]
        year: Option<i32>,
    ) -> ApiResult<Vec<TargetStanding>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let year = year.unwrap_or(self.0.year);
        Ok(
            crate::committees::standings(actor(ctx), db, year, Some(self.0.id))
                .await?
                .into_iter()
                .map(TargetStanding)
                .collect(),
        )
    }
}

/// A number to reach by a date (目标), with the document that states it.
pub struct Target(pub target::Model);

/// A number to reach by a date (目标): indicator, value, deadline or every year, scope, and the
/// document and section that state it.
#[Object]
impl Target {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Target, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// What is measured.
    async fn indicator(&self) -> TargetIndicator {
        self.0.indicator
    }

    /// Title: for a seeded target, the sentence of the source that states it, byte for byte.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The value to reach: a count, or percent for DUAL_QUALIFIED_SHARE.
    async fn target_value(&self) -> f64 {
        self.0.target_value
    }

    /// Whether the value is to be reached every year (then `dueOn` is null).
    async fn per_year(&self) -> bool {
        self.0.per_year
    }

    /// The deadline, inclusive ("到2023年" is read as 2023-12-31).
    async fn due_on(&self) -> Option<Date> {
        self.0.due_on.map(Into::into)
    }

    /// Over which members it is measured.
    async fn scope(&self) -> TargetScope {
        self.0.scope
    }

    /// The district of a DISTRICT target.
    async fn scope_district(&self) -> Option<District> {
        self.0.scope_district
    }

    /// The unit kind of a UNIT_KIND target.
    async fn scope_unit_kind(&self) -> Option<MemberUnitKind> {
        self.0.scope_unit_kind
    }

    /// The member of a MEMBER_UNIT target. One batched load.
    async fn scope_member_unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        let Some(id) = self.0.scope_member_unit_id else {
            return Ok(None);
        };
        Ok(ctx.data::<Loaders>()?.unit(id).await?.map(MemberUnit))
    }

    /// The global ID of the milestone it serves, if attached (`node(id:)` reads it).
    async fn milestone_id(&self) -> Option<ID> {
        self.0.milestone_id.map(|m| encode(NodeType::Milestone, m))
    }

    /// Document and section that states the number (`docs/sources.md` citation).
    async fn source(&self) -> &str {
        &self.0.source
    }

    /// When the row was last changed (UTC, RFC 3339).
    async fn updated_at(&self) -> DateTime {
        self.0.updated_at.into()
    }
}

/// One point of a target's trend.
#[derive(SimpleObject)]
pub struct TrendPoint {
    /// The year.
    pub year: i32,
    /// The figure of that year (per-year indicators: what happened in it; others: what stood at
    /// its end).
    pub actual: f64,
}

/// A target measured at the end of a year: where the alliance stands.
pub struct TargetStanding(pub crate::committees::TargetStanding);

/// A target measured at the end of a year: the actual figure, the share reached, the trend and the
/// members behind it ("where do we stand").
#[Object]
impl TargetStanding {
    /// The target.
    async fn target(&self) -> Target {
        Target(self.0.target.clone())
    }

    /// The year measured.
    async fn year(&self) -> i32 {
        self.0.year
    }

    /// Whether the records measure the indicator (every indicator the API knows is measured;
    /// `false`, "not yet measured", would leave the figures below null or empty).
    async fn measured(&self) -> bool {
        self.0.measured
    }

    /// The figure: operating, not archived sites of the kind counted by the year they opened
    /// (or were recorded, without an opening date), stations by the year recorded, order classes
    /// by cohort year; null when not measured.
    async fn actual(&self) -> Option<f64> {
        self.0.actual
    }

    /// `actual / targetValue` (1.0 = reached); null when not measured or the target is 0.
    async fn share_reached(&self) -> Option<f64> {
        self.0.share_reached()
    }

    /// Whether the figure reaches the target; null when not measured.
    async fn reached(&self) -> Option<bool> {
        self.0.actual.map(|a| a >= self.0.target.target_value)
    }

    /// The figure for each year from 2026 (the alliance's founding) to `year`.
    async fn trend(&self) -> Vec<TrendPoint> {
        self.0
            .trend
            .iter()
            .map(|&(year, actual)| TrendPoint { year, actual })
            .collect()
    }

    /// The members behind the figure of `year`, in annex order (at most the registry's size).
    async fn members(&self) -> Vec<MemberUnit> {
        self.0
            .members
            .iter()
            .cloned()
            .map(MemberUnit::from)
            .collect()
    }
}
