//! Change events for GraphQL subscriptions.
//!
//! Mutations publish an [`Event`] after they commit. With SQLite the event goes straight to the
//! in-process broadcast channel. With PostgreSQL it is sent with `pg_notify` on the channel
//! [`CHANNEL`], and every API instance `LISTEN`s there and forwards what it hears to its own
//! channel, so a subscriber on one instance sees changes made through another. An event carries
//! only the kind and the row id; each subscriber re-reads the row with its own access scope before
//! anything is sent, so nobody receives a row they may not read.

use std::time::Duration;

use async_graphql::Enum;
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, DatabaseTransaction, Statement,
};

use crate::error::OpResult;
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;
use uuid::Uuid;

/// The PostgreSQL notification channel.
pub const CHANNEL: &str = "alliance_events";

/// Events kept for a slow subscriber before it starts missing some.
const BUFFER: usize = 1024;

/// What happened to an order-class demand.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DemandEventKind {
    /// Created as a draft (seen only by its firm and the secretariat).
    Created,
    /// Changed by its firm.
    Updated,
    /// Published: now OPEN.
    Posted,
    /// Another firm joined it (联合组班).
    Joined,
    /// Agreed order classes now cover its headcount: MATCHED.
    Matched,
    /// A cancelled class uncovered seats: OPEN again.
    Reopened,
    /// Closed by its firm.
    Closed,
    /// Withdrawn by its firm.
    Withdrawn,
}

/// What happened to an order class.
#[derive(Enum, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderClassEventKind {
    /// Proposed by the school.
    Proposed,
    /// Its plan changed (acceptances were reset).
    Updated,
    /// A sponsor or the school accepted the plan.
    Accepted,
    /// Every party accepted: AGREED.
    Agreed,
    /// Recruiting started.
    Recruiting,
    /// Training started.
    InTraining,
    /// Graduated.
    Graduated,
    /// Cancelled.
    Cancelled,
    /// A student was enrolled.
    Enrolled,
    /// A pre-employment agreement was recorded.
    AgreementSigned,
}

/// One change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t")]
pub enum Event {
    /// A demand changed.
    Demand {
        /// Row id.
        id: Uuid,
        /// What happened.
        kind: DemandEventKind,
    },
    /// An order class changed.
    OrderClass {
        /// Row id.
        id: Uuid,
        /// What happened.
        kind: OrderClassEventKind,
    },
    /// Events may have been missed (the listener lost its database connection and is back):
    /// subscribers must re-read what they show and subscribe again. Never sent by a write.
    Resync,
}

/// Publishes and distributes events; one per API instance.
#[derive(Clone)]
pub struct EventBus {
    tx: broadcast::Sender<Event>,
    db: DatabaseConnection,
}

impl EventBus {
    /// A bus on `db`. On PostgreSQL it first starts listening (and keeps a task that re-listens
    /// after a lost connection), so no event committed after this returns is missed. The same
    /// connection hears the row changes of [`crate::row_cache::Caches::CHANNELS`] for `caches`
    /// (one listening connection per instance, out of the pool).
    ///
    /// # Errors
    /// The first `LISTEN` fails.
    pub async fn start(
        db: &DatabaseConnection,
        caches: &crate::row_cache::Caches,
    ) -> anyhow::Result<Self> {
        let (tx, _) = broadcast::channel(BUFFER);
        if db.get_database_backend() == DatabaseBackend::Postgres {
            let [accounts, member_units] = crate::row_cache::Caches::CHANNELS;
            let channels = [CHANNEL, accounts, member_units];
            let pool = db.get_postgres_connection_pool().clone();
            let mut listener = sea_orm::sqlx::postgres::PgListener::connect_with(&pool).await?;
            listener.listen_all(channels).await?;
            caches.set_listening(true);
            let caches = caches.clone();
            let forward = tx.clone();
            tokio::spawn(async move {
                loop {
                    // `try_recv` says when the connection was lost (`Ok(None)`), where `recv`
                    // would reconnect silently and lose what was sent meanwhile.
                    match listener.try_recv().await {
                        // A cached row's id, or `*` after a `TRUNCATE`.
                        Ok(Some(note)) if caches.invalidate(note.channel(), note.payload()) => {}
                        Ok(Some(note)) => match serde_json::from_str::<Event>(note.payload()) {
                            Ok(event) => {
                                let _ = forward.send(event);
                            }
                            Err(e) => tracing::warn!(error = %e, "ignoring a malformed event"),
                        },
                        Ok(None) | Err(_) => {
                            // Notifications sent while the connection is down are lost. Stop
                            // caching rows, listen again, then tell every subscriber to
                            // re-read (no silent gap).
                            tracing::warn!("event listener lost its connection");
                            caches.set_listening(false);
                            loop {
                                match listener.listen_all(channels).await {
                                    Ok(()) => break,
                                    Err(e) => {
                                        tracing::warn!(error = %e, "event listener cannot listen yet");
                                        tokio::time::sleep(Duration::from_millis(500)).await;
                                    }
                                }
                            }
                            caches.set_listening(true);
                            tracing::info!("event listener is back; subscribers must resync");
                            let _ = forward.send(Event::Resync);
                        }
                    }
                }
            });
        }
        Ok(Self { tx, db: db.clone() })
    }

    /// Ends a write: commits `txn`, then announces `events` in order, and returns `value` as the
    /// write's successful outcome. Announcing never fails the write (see [`Self::publish`]).
    ///
    /// # Errors
    /// The commit's database failure (nothing was announced).
    pub async fn commit_and_publish<T>(
        &self,
        txn: DatabaseTransaction,
        events: impl IntoIterator<Item = Event>,
        value: T,
    ) -> OpResult<T> {
        txn.commit().await?;
        for event in events {
            self.publish(event).await;
        }
        Ok(Ok(value))
    }

    /// Announces `event` (call after the change committed). Failing to announce never fails the
    /// mutation: it is logged.
    pub async fn publish(&self, event: Event) {
        if self.db.get_database_backend() == DatabaseBackend::Postgres {
            let payload = serde_json::to_string(&event).unwrap_or_default();
            let sent = self
                .db
                .execute_raw(Statement::from_sql_and_values(
                    DatabaseBackend::Postgres,
                    "SELECT pg_notify($1, $2)",
                    [CHANNEL.into(), payload.into()],
                ))
                .await;
            if let Err(e) = sent {
                tracing::error!(error = %e, "could not publish an event");
            }
        } else {
            let _ = self.tx.send(event);
        }
    }

    /// A receiver of every event from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.tx.subscribe()
    }
}
