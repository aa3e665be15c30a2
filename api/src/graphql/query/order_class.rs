use async_graphql::connection::EmptyFields;
use async_graphql::{Context, ID, Object};
use entity::{order_class, order_class_demand};
use sea_orm::{DatabaseConnection, EntityTrait, QueryFilter};

use crate::graphql::connection::{Page, newest_first};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, decode_as};
use crate::graphql::input::OrderClassDemandFilter;
use crate::graphql::input::OrderClassFilter;
use crate::graphql::loader::{Loaders, prime_demands, prime_order_classes};
use crate::graphql::object::{
    OrderClass, OrderClassConnection, OrderClassDemand, OrderClassDemandConnection, id_cursor,
};
use crate::msg;
use crate::order_class::{demand_scope, order_class_scope};

#[derive(Default)]
pub struct OrderClassQuery;

#[Object]
impl OrderClassQuery {
    /// Order-class demands (订单班需求), newest first. Any authenticated caller sees published
    /// demand (it is meant to be seen by schools); drafts only their own firm and the secretariat.
    /// Errors: `UNAUTHENTICATED`; `BAD_USER_INPUT` for bad paging arguments or IDs.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn order_class_demands(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Which demands to return.")] filter: Option<OrderClassDemandFilter>,
    ) -> ApiResult<OrderClassDemandConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let cond = filter.unwrap_or_default().condition(actor(ctx))?;
        let (rows, total) = newest_first(
            db,
            order_class_demand::Entity::find().filter(cond),
            order_class_demand::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        prime_demands(ctx.data::<Loaders>()?, &ctx.look_ahead(), &rows).await?;
        Ok(page.finish(rows, total, |d| {
            (id_cursor(d.id), OrderClassDemand(d), EmptyFields)
        }))
    }

    /// One demand by global ID. Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`, `NOT_FOUND` (also for
    /// another firm's draft).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn order_class_demand(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Global ID of an OrderClassDemand.")] id: ID,
    ) -> ApiResult<OrderClassDemand> {
        let uuid = decode_as(NodeType::OrderClassDemand, &id)?;
        let db = ctx.data::<DatabaseConnection>()?;
        order_class_demand::Entity::find_by_id(uuid)
            .filter(demand_scope(actor(ctx)))
            .one(db)
            .await
            .map_err(ApiError::from)?
            .map(OrderClassDemand)
            .ok_or_else(|| {
                ApiError::NotFound(msg!(
                    "id-not-found-of-type",
                    type_name = "OrderClassDemand",
                    id = id.as_str()
                ))
                .into()
            })
    }

    /// Order classes (订单班), newest first, for any authenticated caller (students are guarded on
    /// the class). Errors: `UNAUTHENTICATED`; `BAD_USER_INPUT` for bad paging arguments or IDs.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn order_classes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Which classes to return.")] filter: Option<OrderClassFilter>,
    ) -> ApiResult<OrderClassConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let cond = filter.unwrap_or_default().condition(actor(ctx))?;
        let (rows, total) = newest_first(
            db,
            order_class::Entity::find().filter(cond),
            order_class::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        prime_order_classes(ctx.data::<Loaders>()?, &ctx.look_ahead(), &rows).await?;
        Ok(page.finish(rows, total, |c| {
            (id_cursor(c.id), OrderClass(c), EmptyFields)
        }))
    }

    /// One order class by global ID. Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`, `NOT_FOUND`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn order_class(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Global ID of an OrderClass.")] id: ID,
    ) -> ApiResult<OrderClass> {
        let uuid = decode_as(NodeType::OrderClass, &id)?;
        let db = ctx.data::<DatabaseConnection>()?;
        order_class::Entity::find_by_id(uuid)
            .filter(order_class_scope(actor(ctx)))
            .one(db)
            .await
            .map_err(ApiError::from)?
            .map(OrderClass)
            .ok_or_else(|| {
                ApiError::NotFound(msg!(
                    "id-not-found-of-type",
                    type_name = "OrderClass",
                    id = id.as_str()
                ))
                .into()
            })
    }
}
