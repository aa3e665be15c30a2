//! Shared equipment and sites (Founding notice 三(二); `docs/people.md`).

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{ResourceBookingStatus, SharedResourceKind};
use entity::{resource_booking, shared_resource};

use super::MemberUnit;
use super::plan::unit;
use crate::graphql::connection::{Cursor, TotalCount};
use crate::graphql::error::ApiResult;
use crate::graphql::guard::RoleGuard;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::scalar::{Date, DateTime};

/// A page of shared resources.
pub type SharedResourceConnection = Connection<Cursor, SharedResource, TotalCount, EmptyFields>;
/// A page of requests for shared resources.
pub type ResourceBookingConnection = Connection<Cursor, ResourceBooking, TotalCount, EmptyFields>;

/// A shared resource.
pub struct SharedResource(pub shared_resource::Model);

/// Equipment or a site a member shares with the others (Founding notice 三(二): "鼓励集团内企业、
/// 院校之间共享生产教学设施设备和场地"): what, where, for how many, on what conditions. Any account
/// but an evaluator's.
#[Object]
impl SharedResource {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::SharedResource, self.0.id)
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

    /// The member that owns and shares it.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.unit_id).await
    }
    /// Equipment or a site.
    async fn kind(&self) -> SharedResourceKind {
        self.0.kind
    }
    /// What it is.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Where it is.
    async fn location(&self) -> &str {
        &self.0.location
    }
    /// How many people one slot takes.
    async fn capacity(&self) -> i32 {
        self.0.capacity
    }
    /// On what conditions it is shared.
    async fn conditions(&self) -> &str {
        &self.0.conditions
    }
    /// When the owner stopped sharing it (UTC); null while shared.
    async fn archived_at(&self) -> Option<DateTime> {
        self.0.archived_at.map(Into::into)
    }
}

/// A request for a slot of a shared resource.
pub struct ResourceBooking(pub resource_booking::Model);

/// Another member's request for a slot of a shared resource, and the owner's answer. The
/// requesting member, the owner, the secretariat and committee staff.
#[Object]
impl ResourceBooking {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::ResourceBooking, self.0.id)
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

    /// The resource.
    async fn resource(&self, ctx: &Context<'_>) -> ApiResult<Option<SharedResource>> {
        Ok(ctx
            .data::<crate::graphql::loader::Loaders>()?
            .shared_resource
            .load_one(self.0.resource_id)
            .await?
            .map(SharedResource))
    }
    /// The member asking.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.unit_id).await
    }
    /// The slot's first day.
    async fn starts_on(&self) -> Date {
        self.0.starts_on.into()
    }
    /// The slot's last day.
    async fn ends_on(&self) -> Date {
        self.0.ends_on.into()
    }
    /// People using it.
    async fn headcount(&self) -> i32 {
        self.0.headcount
    }
    /// What for.
    async fn purpose(&self) -> &str {
        &self.0.purpose
    }
    /// Where it stands.
    async fn status(&self) -> ResourceBookingStatus {
        self.0.status
    }
    /// Why the owner declined.
    async fn decline_reason(&self) -> Option<&str> {
        self.0.decline_reason.as_deref()
    }
    /// When it was answered, declined or cancelled (UTC).
    async fn decided_at(&self) -> Option<DateTime> {
        self.0.decided_at.map(Into::into)
    }
}

/// One shared resource's use in a year: the accepted slots starting in it.
#[derive(SimpleObject)]
pub struct SharedResourceUse {
    /// The resource.
    pub resource: SharedResource,
    /// Accepted slots.
    pub slots: i64,
    /// Their days, each slot's first to last day inclusive.
    pub days: i64,
    /// Their people.
    pub people: i64,
    /// How many members used it.
    pub users: i64,
}
