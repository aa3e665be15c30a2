//! The subscription root: live changes over WebSocket (graphql-transport-ws at `GET /graphql/ws`).
//! The token is checked in `connection_init`; every event is re-read with the subscriber's own
//! access scope before it is sent, so a subscriber receives only rows it may read.

use async_graphql::{Context, ErrorExtensions, ID, SimpleObject, Subscription};
use futures_util::{Stream, StreamExt};
use sea_orm::{DatabaseConnection, EntityTrait, QueryFilter};
use tokio_stream::wrappers::BroadcastStream;

use crate::events::{DemandEventKind, Event, EventBus, OrderClassEventKind};
use crate::graphql::error::{ApiError, ErrorCode};
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

/// An item of a subscription: a change, nothing (filtered out), or word that events were missed.
enum Step<T> {
    Change(T),
    Skip,
    Resync,
}

/// The step of a bus message: events were missed on `Event::Resync` and when this subscriber
/// lagged behind the bus's buffer.
fn step(
    message: Result<Event, tokio_stream::wrappers::errors::BroadcastStreamRecvError>,
) -> Step<Event> {
    match message {
        Ok(Event::Resync) | Err(_) => Step::Resync,
        Ok(event) => Step::Change(event),
    }
}

/// Ends `steps` with one `RESYNC_REQUIRED` error at the first missed-events step; drops skips.
fn until_resync<T: Send + 'static>(
    steps: impl Stream<Item = Step<T>> + Send + 'static,
) -> impl Stream<Item = async_graphql::Result<T>> + Send + 'static {
    let items = Box::pin(steps.filter_map(|s| async move {
        match s {
            Step::Change(v) => Some(Ok(v)),
            Step::Skip => None,
            Step::Resync => Some(Err(async_graphql::Error::new_with_source(crate::msg!(
                "subscription-resync-required"
            ))
            .extend_with(|_, e| e.set("code", ErrorCode::ResyncRequired.as_str())))),
        }
    }));
    // End right after the error (the client then gets `complete`), without waiting for another
    // event.
    futures_util::stream::unfold((items, false), |(mut items, ended)| async move {
        if ended {
            return None;
        }
        let item = items.next().await?;
        let ended = item.is_err();
        Some((item, (items, ended)))
    })
}

/// Live changes, over WebSocket at `GET /graphql/ws` (graphql-transport-ws). Send the token in the
/// `connection_init` payload: `{"Authorization": "Bearer <token>"}`.
///
/// No change is lost silently: when events may have been missed (the server's listener lost its
/// database connection, or the subscriber fell more than 1,024 events behind), the subscription
/// sends one error with `extensions.code` `RESYNC_REQUIRED` and completes; re-read what you show
/// and subscribe again.
#[Subscription]
impl Subscription {
    /// Every change to an order-class demand the subscriber may read: posted, updated, joined,
    /// matched, reopened, closed, withdrawn (drafts only to their firm and the secretariat).
    /// Needs a token in `connection_init` (`UNAUTHENTICATED` otherwise).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn order_class_demand_changed(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<
        impl Stream<Item = async_graphql::Result<OrderClassDemandChange>> + use<>,
    > {
        let db = ctx.data::<DatabaseConnection>()?.clone();
        let bus = ctx.data::<EventBus>()?;
        let scope = demand_scope(actor(ctx));
        let caller = actor(ctx).clone();
        Ok(until_resync(BroadcastStream::new(bus.subscribe()).then(
            move |message| {
                let db = db.clone();
                let scope = scope.clone();
                let caller = caller.clone();
                async move {
                    let (id, kind) = match step(message) {
                        Step::Change(Event::Demand { id, kind }) => (id, kind),
                        Step::Resync => return Step::Resync,
                        _ => return Step::Skip,
                    };
                    let read = entity::order_class_demand::Entity::find_by_id(id)
                        .filter(scope)
                        .one(&db)
                        .await;
                    match read {
                        // A creation is a draft's, whatever the demand became since the event
                        // was sent (another instance may publish it before this one reads it):
                        // only its firm and the secretariat see it.
                        Ok(Some(demand))
                            if kind == crate::events::DemandEventKind::Created
                                && !caller.is_secretariat()
                                && caller.unit() != Some(demand.enterprise_id) =>
                        {
                            Step::Skip
                        }
                        Ok(Some(demand)) => Step::Change(OrderClassDemandChange {
                            kind,
                            order_class_demand: OrderClassDemand(demand),
                        }),
                        Ok(None) => Step::Skip,
                        Err(e) => {
                            tracing::error!(error = %e, "subscription read failed");
                            Step::Resync
                        }
                    }
                }
            },
        )))
    }

    /// Every change to one order class: accepted, agreed, recruiting, in training, graduated,
    /// cancelled, a student enrolled, an agreement signed. Needs a token in `connection_init`.
    /// Errors: `BAD_USER_INPUT` (malformed ID), `NOT_FOUND`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn order_class_changed(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Global ID of the OrderClass to follow.")] id: ID,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<OrderClassChange>> + use<>>
    {
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
            return Err(ApiError::NotFound(crate::msg!(
                "id-not-found-of-type",
                type_name = "OrderClass",
                id = id.as_str()
            ))
            .into());
        }
        Ok(until_resync(BroadcastStream::new(events).then(
            move |message| {
                let db = db.clone();
                let scope = scope.clone();
                async move {
                    let (id, kind) = match step(message) {
                        Step::Change(Event::OrderClass { id, kind }) if id == uuid => (id, kind),
                        Step::Resync => return Step::Resync,
                        _ => return Step::Skip,
                    };
                    let read = entity::order_class::Entity::find_by_id(id)
                        .filter(scope)
                        .one(&db)
                        .await;
                    match read {
                        Ok(Some(class)) => Step::Change(OrderClassChange {
                            kind,
                            order_class: OrderClass(class),
                        }),
                        Ok(None) => Step::Skip,
                        Err(e) => {
                            tracing::error!(error = %e, "subscription read failed");
                            Step::Resync
                        }
                    }
                }
            },
        )))
    }
}
