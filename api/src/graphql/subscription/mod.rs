//! The subscription root: live changes over WebSocket (graphql-transport-ws at `GET /graphql/ws`).
//! The token is checked in `connection_init`; every event is re-read with the subscriber's own
//! access scope before it is sent, so a subscriber receives only rows it may read.

use async_graphql::{Context, ID, SimpleObject, Subscription};
use futures_util::{Stream, StreamExt};
use sea_orm::{DatabaseConnection, EntityTrait, QueryFilter};
use tokio_stream::wrappers::BroadcastStream;

use crate::events::{DemandEventKind, Event, EventBus, OrderClassEventKind};
use crate::graphql::error::ApiError;
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, decode_as};
use crate::graphql::object::{OrderClass, OrderClassDemand};
use crate::order_class::{demand_scope, order_class_scope};

/// A change to an order-class demand.
#[derive(SimpleObject)]
pub struct OrderClassDemandChange {
    /// What happened.
    pub kind: DemandEventKind,
    /// The demand as it is now.
    pub order_class_demand: OrderClassDemand,
}

/// A change to an order class.
#[derive(SimpleObject)]
pub struct OrderClassChange {
    /// What happened.
    pub kind: OrderClassEventKind,
    /// The class as it is now.
    pub order_class: OrderClass,
}

/// The subscription root.
#[derive(Default)]
pub struct Subscription;

/// Live changes, over WebSocket at `GET /graphql/ws` (graphql-transport-ws). Send the token in the
/// `connection_init` payload: `{"Authorization": "Bearer <token>"}`.
#[Subscription]
impl Subscription {
    /// Every change to an order-class demand the subscriber may read: posted, updated, joined,
    /// matched, reopened, closed, withdrawn (drafts only to their firm and the secretariat).
    /// Needs a token in `connection_init` (`UNAUTHENTICATED` otherwise).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn order_class_demand_changed(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<impl Stream<Item = OrderClassDemandChange> + use<>> {
        let db = ctx.data::<DatabaseConnection>()?.clone();
        let bus = ctx.data::<EventBus>()?;
        let scope = demand_scope(actor(ctx));
        Ok(
            BroadcastStream::new(bus.subscribe()).filter_map(move |event| {
                let db = db.clone();
                let scope = scope.clone();
                async move {
                    let Ok(Event::Demand { id, kind }) = event else {
                        return None;
                    };
                    let demand = entity::order_class_demand::Entity::find_by_id(id)
                        .filter(scope)
                        .one(&db)
                        .await
                        .map_err(|e| tracing::error!(error = %e, "subscription read failed"))
                        .ok()??;
                    Some(OrderClassDemandChange {
                        kind,
                        order_class_demand: OrderClassDemand(demand),
                    })
                }
            }),
        )
    }

    /// Every change to one order class: accepted, agreed, recruiting, in training, graduated,
    /// cancelled, a student enrolled, an agreement signed. Needs a token in `connection_init`.
    /// Errors: `BAD_USER_INPUT` (malformed ID), `NOT_FOUND`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn order_class_changed(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Global ID of the OrderClass to follow.")] id: ID,
    ) -> async_graphql::Result<impl Stream<Item = OrderClassChange> + use<>> {
        let uuid = decode_as(NodeType::OrderClass, &id)?;
        let db = ctx.data::<DatabaseConnection>()?.clone();
        // Subscribe before the existence check, so no change made meanwhile is missed.
        let events = ctx.data::<EventBus>()?.subscribe();
        let scope = order_class_scope(actor(ctx));
        let exists = entity::order_class::Entity::find_by_id(uuid)
            .filter(scope.clone())
            .one(&db)
            .await
            .map_err(ApiError::from)?;
        if exists.is_none() {
            return Err(
                ApiError::NotFound(format!("no OrderClass has ID {:?}", id.as_str())).into(),
            );
        }
        Ok(BroadcastStream::new(events).filter_map(move |event| {
            let db = db.clone();
            let scope = scope.clone();
            async move {
                let Ok(Event::OrderClass { id, kind }) = event else {
                    return None;
                };
                if id != uuid {
                    return None;
                }
                let class = entity::order_class::Entity::find_by_id(id)
                    .filter(scope)
                    .one(&db)
                    .await
                    .map_err(|e| tracing::error!(error = %e, "subscription read failed"))
                    .ok()??;
                Some(OrderClassChange {
                    kind,
                    order_class: OrderClass(class),
                })
            }
        }))
    }
}
