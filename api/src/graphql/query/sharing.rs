//! Shared equipment and sites (Founding notice 三(二); `docs/people.md`).

use std::collections::HashMap;

use async_graphql::connection::EmptyFields;
use async_graphql::{Context, ID, Object};
use entity::enums::{ResourceBookingStatus, SharedResourceKind};
use entity::{resource_booking, shared_resource};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::graphql::connection::{Page, newest_first};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::input::member_unit_ids;
use crate::graphql::loader::Loaders;
use crate::graphql::object::{
    ResourceBooking, ResourceBookingConnection, SharedResource, SharedResourceConnection,
    SharedResourceUse, id_cursor,
};

#[derive(Default)]
pub struct SharingQuery;

#[Object]
impl SharingQuery {
    /// Equipment and sites members share, newest first; those no longer shared only with
    /// `includeArchived`. Any account but an evaluator's. One SQL statement for the page, one for
    /// `totalCount` when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn shared_resources(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this member's (global ID of a member unit).")] unit_id: Option<ID>,
        #[graphql(desc = "Only equipment or only sites.")] kind: Option<SharedResourceKind>,
        #[graphql(desc = "Only those whose name or location contains this text.")] search: Option<
            String,
        >,
        #[graphql(desc = "Also the ones no longer shared.", default)] include_archived: bool,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<SharedResourceConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::plan::signed_in(actor(ctx));
        if let Some(u) = member_unit_ids(unit_id.as_slice(), "unitId")?.pop() {
            cond = cond.add(shared_resource::Column::UnitId.eq(u));
        }
        if let Some(k) = kind {
            cond = cond.add(shared_resource::Column::Kind.eq(k));
        }
        if let Some(term) = search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            crate::limits::screen_text("search", term)
                .map_err(|v| ApiError::BadUserInput(v.message))?;
            cond = cond.add(
                sea_orm::Condition::any()
                    .add(crate::db::contains(shared_resource::Column::Name, term))
                    .add(crate::db::contains(shared_resource::Column::Location, term)),
            );
        }
        if !include_archived {
            cond = cond.add(shared_resource::Column::ArchivedAt.is_null());
        }
        let (rows, total) = newest_first(
            db,
            shared_resource::Entity::find().filter(cond),
            shared_resource::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(rows.iter().map(|r| r.unit_id))
            .await?;
        Ok(page.finish(rows, total, |r| {
            (id_cursor(r.id), SharedResource(r), EmptyFields)
        }))
    }

    /// Requests for shared resources' slots, newest first: a member's staff read those it made
    /// and those for its resources; the secretariat and committee staff all (an empty page for an
    /// evaluator). One SQL statement for the page, one for `totalCount` when selected.
    #[graphql(
        guard = "crate::graphql::guard::SignedIn",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn resource_bookings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only for this resource.")] resource_id: Option<ID>,
        #[graphql(desc = "Only in this status.")] status: Option<ResourceBookingStatus>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ResourceBookingConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let a = actor(ctx);
        let mut cond = if a.reads_shared() {
            sea_orm::Condition::all().add(crate::people::booking_scope(a))
        } else {
            crate::db::no_rows()
        };
        if let Some(r) = resource_id {
            let r =
                crate::graphql::id::decode_as(crate::graphql::id::NodeType::SharedResource, &r)?;
            cond = cond.add(resource_booking::Column::ResourceId.eq(r));
        }
        if let Some(s) = status {
            cond = cond.add(resource_booking::Column::Status.eq(s));
        }
        let (rows, total) = newest_first(
            db,
            resource_booking::Entity::find().filter(cond),
            resource_booking::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        let loaders = ctx.data::<Loaders>()?;
        loaders
            .member_unit
            .load_many(rows.iter().map(|r| r.unit_id))
            .await?;
        loaders
            .shared_resource
            .load_many(rows.iter().map(|r| r.resource_id))
            .await?;
        Ok(page.finish(rows, total, |r| {
            (id_cursor(r.id), ResourceBooking(r), EmptyFields)
        }))
    }

    /// Each shared resource's use in a year — accepted slots starting in it, their days, people
    /// and users — busiest first: the secretariat and committee staff see every resource's, a
    /// member's staff its own resources' (`UNAUTHENTICATED`, `FORBIDDEN` for an evaluator;
    /// `BAD_USER_INPUT` for a year outside 2000–2100). Two SQL statements (one aggregate, one for
    /// the resources).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn shared_resource_use(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year (2000–2100).")] year: i32,
    ) -> ApiResult<Vec<SharedResourceUse>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let uses = crate::people::resource_use(actor(ctx), db, year)
            .await
            .map_err(ApiError::from)?;
        let resources: HashMap<_, _> = ctx
            .data::<Loaders>()?
            .shared_resource
            .load_many(uses.iter().map(|u| u.resource_id))
            .await?;
        let mut out: Vec<SharedResourceUse> = uses
            .into_iter()
            .filter_map(|u| {
                Some(SharedResourceUse {
                    resource: SharedResource(resources.get(&u.resource_id)?.clone()),
                    slots: u.slots,
                    days: u.days,
                    people: u.people,
                    users: u.users,
                })
            })
            .collect();
        out.sort_by_key(|u| std::cmp::Reverse((u.days, u.slots)));
        Ok(out)
    }
}
