//! The council and the committees at work (Founding notice 三(一); `docs/committees.md`, The
//! council): meetings, their resolutions, and the committees' work plans.

use async_graphql::{Context, ID, Object};
use chrono::Utc;
use entity::enums::{ResolutionStatus, WorkPlanStatus};
use entity::{committee_meeting, resolution, work_plan_item};

use super::{Committee, MemberUnit};
use crate::graphql::error::ApiResult;
use crate::graphql::guard::RoleGuard;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::graphql::scalar::Date;

/// The committee with `id`, through the request's batched loader (one SQL statement for every
/// committee a response names).
pub(super) async fn committee_of(
    ctx: &Context<'_>,
    id: uuid::Uuid,
) -> ApiResult<Option<Committee>> {
    Ok(ctx
        .data::<Loaders>()?
        .committee
        .load_one(id)
        .await?
        .map(Committee))
}

/// Whether a date has passed (UTC today).
fn passed(due: Option<chrono::NaiveDate>) -> bool {
    due.is_some_and(|d| d < Utc::now().date_naive())
}

/// A meeting of the council, the standing council or a committee.
pub struct CommitteeMeeting(pub committee_meeting::Model);

/// A meeting of the council (理事会), the standing council (常务理事会) or a committee, with the
/// member units present, its agenda and its resolutions (Founding notice 三(一): the council meets
/// at least once a year).
#[Object]
impl CommitteeMeeting {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::CommitteeMeeting, self.0.id)
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

    /// The body that met. One batched load.
    async fn committee(&self, ctx: &Context<'_>) -> ApiResult<Option<Committee>> {
        committee_of(ctx, self.0.committee_id).await
    }

    /// The day it met.
    async fn held_on(&self) -> Date {
        self.0.held_on.into()
    }

    /// Title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The agenda.
    async fn agenda(&self) -> &str {
        &self.0.agenda
    }

    /// The member units present, in annex order (at most 500). Batched across the meetings of a
    /// response: two SQL statements whatever their number.
    async fn attendees(&self, ctx: &Context<'_>) -> ApiResult<Vec<MemberUnit>> {
        let loaders = ctx.data::<Loaders>()?;
        let ids: Vec<uuid::Uuid> = loaders
            .attendance_by_meeting
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.unit_id)
            .collect();
        let mut units: Vec<_> = loaders
            .member_unit
            .load_many(ids)
            .await?
            .into_values()
            .collect();
        units.sort_by_key(|u| u.list_order);
        Ok(units.into_iter().map(MemberUnit).collect())
    }

    /// Its resolutions, in order (at most 50). Batched across the meetings of a response: one SQL
    /// statement whatever their number.
    async fn resolutions(&self, ctx: &Context<'_>) -> ApiResult<Vec<Resolution>> {
        Ok(ctx
            .data::<Loaders>()?
            .resolutions_by_meeting
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(Resolution)
            .collect())
    }
}

/// A decision a meeting took.
pub struct Resolution(pub resolution::Model);

/// A decision a meeting took, with the unit or committee that carries it out, its due date and
/// its status.
#[Object]
impl Resolution {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Resolution, self.0.id)
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

    /// Order within the meeting, 1-based.
    async fn position(&self) -> i32 {
        self.0.position
    }

    /// What was resolved.
    async fn text(&self) -> &str {
        &self.0.text
    }

    /// The member unit that carries it out. One batched load.
    async fn owner_unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        let Some(id) = self.0.owner_unit_id else {
            return Ok(None);
        };
        Ok(ctx.data::<Loaders>()?.unit(id).await?.map(MemberUnit))
    }

    /// The committee that carries it out. One batched load.
    async fn owner_committee(&self, ctx: &Context<'_>) -> ApiResult<Option<Committee>> {
        match self.0.owner_committee_id {
            Some(id) => committee_of(ctx, id).await,
            None => Ok(None),
        }
    }

    /// When it is due.
    async fn due_on(&self) -> Option<Date> {
        self.0.due_on.map(Into::into)
    }

    /// Where it stands.
    async fn status(&self) -> ResolutionStatus {
        self.0.status
    }

    /// OPEN and past its due date (UTC today).
    async fn overdue(&self) -> bool {
        self.0.status == ResolutionStatus::Open && passed(self.0.due_on)
    }
}

/// An item of a committee's work plan.
pub struct WorkPlanItem(pub work_plan_item::Model);

/// An item of a committee's work plan for a year (Founding notice 三(一)), with its status.
#[Object]
impl WorkPlanItem {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::WorkPlanItem, self.0.id)
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

    /// The committee whose plan it is. One batched load.
    async fn committee(&self, ctx: &Context<'_>) -> ApiResult<Option<Committee>> {
        committee_of(ctx, self.0.committee_id).await
    }

    /// The plan's year.
    async fn year(&self) -> i32 {
        self.0.year
    }

    /// Title.
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Description.
    async fn description(&self) -> &str {
        &self.0.description
    }

    /// When it is due.
    async fn due_on(&self) -> Option<Date> {
        self.0.due_on.map(Into::into)
    }

    /// Where it stands.
    async fn status(&self) -> WorkPlanStatus {
        self.0.status
    }

    /// Not DONE or DROPPED and past its due date (UTC today).
    async fn overdue(&self) -> bool {
        matches!(
            self.0.status,
            WorkPlanStatus::Planned | WorkPlanStatus::InProgress
        ) && passed(self.0.due_on)
    }
}

/// A school's enterprise-culture corridor.
pub struct CultureCorridor(pub entity::culture_corridor::Model);

/// A school's enterprise-culture corridor (企业文化长廊, Founding notice 二(四)9): on campus, showing
/// the alliance's firms — their development, plans, pay and leaders. Counted by the round formula
/// `CULTURE_CORRIDOR` from the day it opened.
#[Object]
impl CultureCorridor {
    /// The school. One batched load.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        Ok(ctx
            .data::<Loaders>()?
            .unit(self.0.school_id)
            .await?
            .map(MemberUnit))
    }

    /// The day it opened.
    async fn opened_on(&self) -> Date {
        self.0.opened_on.into()
    }

    /// Where it is on campus.
    async fn location(&self) -> &str {
        &self.0.location
    }

    /// What it shows.
    async fn content(&self) -> &str {
        &self.0.content
    }
}
