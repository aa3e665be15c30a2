//! The accounts behind access tokens, cached for a few seconds on PostgreSQL so that a request
//! does not re-read its account row every time, while a change to an account still takes effect
//! at once (`docs/performance.md`, "The account behind a token").
//!
//! A token carries only the account id; role, unit and whether the account is disabled are read
//! from the `account` row ([`crate::auth`]). On PostgreSQL a trigger on that table
//! (migration `m20261128_000001_account_changes`) sends the id of every updated or deleted account
//! with `pg_notify` on [`CHANNEL`] in the writing transaction, whoever writes it (this API, another
//! instance, the command-line tool, a hand-written `UPDATE`); every instance `LISTEN`s there (on
//! the connection of its [`crate::events::EventBus`]) and drops that account from its cache as
//! the notification arrives, a few milliseconds after the commit. Besides:
//!
//! - an entry is used for at most [`TTL`], then re-read;
//! - while the listener has no connection (a notification could be missed), nothing is cached and
//!   every request reads its account; the cache is emptied when the connection is lost and again
//!   once it listens anew;
//! - a read that began before an invalidation is not stored after it (a generation counter), so a
//!   stale row never re-enters the cache;
//! - disabled accounts are never cached; at most [`CAPACITY`] accounts are held.
//!
//! SQLite has no notifications, and another process (the command-line tool) may write the same
//! file: there every request reads its account, as before.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use entity::account;
use sea_orm::{DatabaseBackend, DatabaseConnection, DbErr, EntityTrait};
use uuid::Uuid;

/// The PostgreSQL notification channel of account changes (payload: the account's id).
pub const CHANNEL: &str = "alliance_account_changes";

/// Longest time an entry is used before the account is read again.
pub const TTL: Duration = Duration::from_secs(30);

/// Most accounts held per instance.
pub const CAPACITY: usize = 10_000;

/// The cache of one API instance (cheap to clone: shared).
#[derive(Clone, Default)]
pub struct AccountCache(Option<Arc<Inner>>);

struct Inner {
    entries: quick_cache::sync::Cache<Uuid, (account::Model, Instant)>,
    /// Whether the listener is listening (entries may be used and stored).
    live: AtomicBool,
    /// Bumped by every invalidation.
    generation: AtomicU64,
}

impl Inner {
    fn invalidate(&self, id: Option<Uuid>) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        match id {
            Some(id) => {
                self.entries.remove(&id);
            }
            None => self.entries.clear(),
        }
    }
}

impl AccountCache {
    /// A cache for `db`: on PostgreSQL empty and not caching until [`crate::events::EventBus`]
    /// listens on [`CHANNEL`] (it shares the bus's one listening connection, and calls
    /// [`Self::set_listening`] and [`Self::invalidate`]); on SQLite one that caches nothing.
    pub fn new(db: &DatabaseConnection) -> Self {
        if db.get_database_backend() != DatabaseBackend::Postgres {
            return Self(None);
        }
        Self(Some(Arc::new(Inner {
            entries: quick_cache::sync::Cache::new(CAPACITY),
            live: AtomicBool::new(false),
            generation: AtomicU64::new(0),
        })))
    }

    /// Drops the account `id` (every account for `None`, e.g. after a `TRUNCATE`): its next
    /// request reads it.
    pub fn invalidate(&self, id: Option<Uuid>) {
        if let Some(inner) = &self.0 {
            inner.invalidate(id);
        }
    }

    /// Whether the listener is listening on [`CHANNEL`]: caching only while it is. The cache is
    /// emptied on every change of state (a notification may have been missed meanwhile).
    pub fn set_listening(&self, listening: bool) {
        if let Some(inner) = &self.0 {
            if !listening {
                inner.live.store(false, Ordering::SeqCst);
            }
            inner.invalidate(None);
            if listening {
                inner.live.store(true, Ordering::SeqCst);
            }
        }
    }

    /// The account `id` as the database holds it now (see the module's docs for "now"), or
    /// `None` when there is no such account.
    ///
    /// # Errors
    /// The database's, when the account had to be read.
    pub async fn account(
        &self,
        db: &DatabaseConnection,
        id: Uuid,
    ) -> Result<Option<account::Model>, DbErr> {
        let Some(inner) = &self.0 else {
            return entity::positional::one(account::Entity::find_by_id(id), db).await;
        };
        let live = inner.live.load(Ordering::SeqCst);
        if live
            && let Some((model, read_at)) = inner.entries.get(&id)
            && read_at.elapsed() < TTL
        {
            return Ok(Some(model));
        }
        let generation = inner.generation.load(Ordering::SeqCst);
        let read_at = Instant::now();
        let found = entity::positional::one(account::Entity::find_by_id(id), db).await?;
        if let Some(model) = &found
            && !model.disabled
            && inner.live.load(Ordering::SeqCst)
            && inner.generation.load(Ordering::SeqCst) == generation
        {
            inner.entries.insert(id, (model.clone(), read_at));
            // An invalidation between the check and the insert: take the row back out.
            if inner.generation.load(Ordering::SeqCst) != generation {
                inner.entries.remove(&id);
            }
        }
        Ok(found)
    }
}
