//! Rows that nearly every request reads and that rarely change — the accounts behind access
//! tokens and the member units every page names — cached for a few seconds on PostgreSQL, while a
//! change to one still takes effect at once (`docs/performance.md`, "Cached rows").
//!
//! A token carries only the account id, so every request needs its account (role, unit, whether
//! it is disabled: [`crate::auth`]); pages of placements, order classes and sponsors name their
//! schools and firms, so most requests read a few dozen member units. On PostgreSQL a trigger on
//! each cached table (migrations `m20261128_000001_account_changes` and
//! `m20261201_000001_member_unit_changes`) sends the id of every updated or deleted row with
//! `pg_notify` on the table's channel ([`CachedTable::CHANNEL`]) in the writing transaction,
//! whoever writes it (this API, another instance, the command-line tool, a hand-written
//! `UPDATE`); every instance `LISTEN`s there (on the connection of its
//! [`crate::events::EventBus`]) and drops that row from its cache as the notification arrives, a
//! few milliseconds after the commit. Besides:
//!
//! - an entry is used for at most [`TTL`], then re-read;
//! - while the listener has no connection (a notification could be missed), nothing is cached and
//!   every request reads its rows; the caches are emptied when the connection is lost and again
//!   once it listens anew;
//! - a read that began before an invalidation is not stored after it (a generation counter), so a
//!   stale row never re-enters the cache;
//! - rows a table says not to keep ([`CachedTable::keep`]: disabled accounts) are never cached;
//!   at most [`CAPACITY`] rows per table are held;
//! - a new row needs no notification: it was not cached, so its first reader reads it.
//!
//! SQLite has no notifications, and another process (the command-line tool) may write the same
//! file: there every read goes to the database, as before.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::rows::Keyed;
use entity::positional::Positional;
use entity::{account, member_unit};
use sea_orm::{ColumnTrait, DatabaseBackend, DatabaseConnection, DbErr, QueryFilter};
use uuid::Uuid;

/// Longest time an entry is used before its row is read again.
pub const TTL: Duration = Duration::from_secs(30);

/// Most rows held per table and instance.
pub const CAPACITY: usize = 10_000;

/// A table whose rows an instance may cache: keyed by a UUID `id` (the loaders' [`Keyed`]), read
/// by position, and announced on [`Self::CHANNEL`] when a row changes.
pub trait CachedTable: Keyed<Model: Positional + Clone + Send + Sync> {
    /// The PostgreSQL notification channel of the table's changes (payload: the row's id, or `*`
    /// for every row).
    const CHANNEL: &'static str;
    /// Whether `row` may be cached.
    fn keep(_row: &Self::Model) -> bool {
        true
    }
}

impl CachedTable for account::Entity {
    const CHANNEL: &'static str = "alliance_account_changes";
    /// A disabled account is refused at once, so it is read on every request.
    fn keep(row: &account::Model) -> bool {
        !row.disabled
    }
}

impl CachedTable for member_unit::Entity {
    const CHANNEL: &'static str = "alliance_member_unit_changes";
}

/// The cache of one table on one API instance (cheap to clone: shared).
pub struct RowCache<E: CachedTable>(Option<Arc<Inner<E>>>);

impl<E: CachedTable> Clone for RowCache<E> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<E: CachedTable> Default for RowCache<E> {
    /// A cache that caches nothing (every read goes to the database).
    fn default() -> Self {
        Self(None)
    }
}

struct Inner<E: CachedTable> {
    entries: quick_cache::sync::Cache<Uuid, (E::Model, Instant)>,
    /// Whether the listener is listening (entries may be used and stored).
    live: AtomicBool,
    /// Bumped by every invalidation.
    generation: AtomicU64,
}

impl<E: CachedTable> Inner<E> {
    fn invalidate(&self, id: Option<Uuid>) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        match id {
            Some(id) => {
                self.entries.remove(&id);
            }
            None => self.entries.clear(),
        }
    }

    /// Stores the rows read since `generation`, unless an invalidation came meanwhile.
    fn store(&self, rows: &[E::Model], generation: u64, read_at: Instant) {
        if !self.live.load(Ordering::SeqCst) || self.generation.load(Ordering::SeqCst) != generation
        {
            return;
        }
        for row in rows.iter().filter(|r| E::keep(r)) {
            self.entries.insert(E::id_of(row), (row.clone(), read_at));
        }
        // An invalidation between the check and the inserts: take the rows back out.
        if self.generation.load(Ordering::SeqCst) != generation {
            for row in rows {
                self.entries.remove(&E::id_of(row));
            }
        }
    }
}

impl<E: CachedTable> RowCache<E> {
    /// A cache for `db`: on PostgreSQL empty and not caching until [`crate::events::EventBus`]
    /// listens on [`CachedTable::CHANNEL`] (it shares the bus's one listening connection, and
    /// calls [`Self::set_listening`] and [`Self::invalidate`]); on SQLite one that caches
    /// nothing.
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

    /// Drops the row `id` (every row for `None`, e.g. after a `TRUNCATE`): its next reader reads
    /// it.
    pub fn invalidate(&self, id: Option<Uuid>) {
        if let Some(inner) = &self.0 {
            inner.invalidate(id);
        }
    }

    /// Whether the listener is listening on [`CachedTable::CHANNEL`]: caching only while it is.
    /// The cache is emptied on every change of state (a notification may have been missed
    /// meanwhile).
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

    /// A fresh entry for `id`, if one is held.
    fn cached(inner: &Inner<E>, id: &Uuid) -> Option<E::Model> {
        if !inner.live.load(Ordering::SeqCst) {
            return None;
        }
        let (row, read_at) = inner.entries.get(id)?;
        (read_at.elapsed() < TTL).then_some(row)
    }

    /// The row `id` as the database holds it now (see the module's docs for "now"), or `None`
    /// when there is no such row.
    ///
    /// # Errors
    /// The database's, when the row had to be read.
    pub async fn row(&self, db: &DatabaseConnection, id: Uuid) -> Result<Option<E::Model>, DbErr> {
        let Some(inner) = &self.0 else {
            return entity::positional::one(E::find().filter(E::id_column().eq(id)), db).await;
        };
        if let Some(row) = Self::cached(inner, &id) {
            return Ok(Some(row));
        }
        let generation = inner.generation.load(Ordering::SeqCst);
        let read_at = Instant::now();
        let found = entity::positional::one(E::find().filter(E::id_column().eq(id)), db).await?;
        inner.store(found.as_slice(), generation, read_at);
        Ok(found)
    }

    /// The rows of `ids` that exist, by id, as [`Self::row`] would give each: those not cached
    /// in one statement (none when all are cached).
    ///
    /// # Errors
    /// The database's, when rows had to be read.
    pub async fn rows(
        &self,
        db: &DatabaseConnection,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, E::Model>, DbErr> {
        let mut found = HashMap::with_capacity(ids.len());
        let mut missing = Vec::new();
        match &self.0 {
            Some(inner) => {
                for id in ids {
                    match Self::cached(inner, id) {
                        Some(row) => {
                            found.insert(*id, row);
                        }
                        None => missing.push(*id),
                    }
                }
            }
            None => missing.extend_from_slice(ids),
        }
        if missing.is_empty() {
            return Ok(found);
        }
        let generation = self
            .0
            .as_ref()
            .map(|inner| inner.generation.load(Ordering::SeqCst));
        let read_at = Instant::now();
        let rows =
            entity::positional::all(E::find().filter(E::id_column().is_in(missing)), db).await?;
        if let (Some(inner), Some(generation)) = (&self.0, generation) {
            inner.store(&rows, generation, read_at);
        }
        found.extend(rows.into_iter().map(|row| (E::id_of(&row), row)));
        Ok(found)
    }
}

/// The caches of one instance, all invalidated by its one listener.
#[derive(Clone, Default)]
pub struct Caches {
    /// The accounts behind tokens.
    pub accounts: RowCache<account::Entity>,
    /// Member units, as pages name them (schools, hosts, firms).
    pub member_units: RowCache<member_unit::Entity>,
}

impl Caches {
    /// The caches for `db` (see [`RowCache::new`]).
    pub fn new(db: &DatabaseConnection) -> Self {
        Self {
            accounts: RowCache::new(db),
            member_units: RowCache::new(db),
        }
    }

    /// The channels to listen on.
    pub const CHANNELS: [&'static str; 2] =
        [account::Entity::CHANNEL, member_unit::Entity::CHANNEL];

    /// Handles a notification on `channel` (one of [`Self::CHANNELS`]): drops the row whose id is
    /// `payload`, or every row of the table for anything else (`*` after a `TRUNCATE`). False
    /// when `channel` is not a cache's.
    pub fn invalidate(&self, channel: &str, payload: &str) -> bool {
        let id = payload.parse::<Uuid>().ok();
        match channel {
            account::Entity::CHANNEL => self.accounts.invalidate(id),
            member_unit::Entity::CHANNEL => self.member_units.invalidate(id),
            _ => return false,
        }
        true
    }

    /// Tells every cache whether the listener is listening ([`RowCache::set_listening`]).
    pub fn set_listening(&self, listening: bool) {
        self.accounts.set_listening(listening);
        self.member_units.set_listening(listening);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::fixtures;
    use entity::enums::MemberUnitKind;

    fn live<E: CachedTable>() -> Inner<E> {
        Inner {
            entries: quick_cache::sync::Cache::new(CAPACITY),
            live: AtomicBool::new(true),
            generation: AtomicU64::new(0),
        }
    }

    #[test]
    fn a_row_read_before_an_invalidation_is_not_stored_after_it() {
        let inner = live::<member_unit::Entity>();
        let unit = fixtures::unit(MemberUnitKind::TechnicianCollege, "威海技师学院");
        let generation = inner.generation.load(Ordering::SeqCst);
        // The row changes (its notification arrives) while it is being read.
        inner.invalidate(Some(unit.id));
        inner.store(std::slice::from_ref(&unit), generation, Instant::now());
        assert!(inner.entries.get(&unit.id).is_none());
        // Read again after the change: stored.
        let generation = inner.generation.load(Ordering::SeqCst);
        inner.store(std::slice::from_ref(&unit), generation, Instant::now());
        assert_eq!(inner.entries.get(&unit.id).unwrap().0, unit);
    }

    #[test]
    fn nothing_is_stored_while_the_listener_is_not_listening() {
        let inner = live::<member_unit::Entity>();
        inner.live.store(false, Ordering::SeqCst);
        let unit = fixtures::unit(MemberUnitKind::Enterprise, "威高集团股份有限公司");
        inner.store(std::slice::from_ref(&unit), 0, Instant::now());
        assert!(inner.entries.get(&unit.id).is_none());
    }

    #[test]
    fn each_channel_drops_its_own_tables_rows_and_a_star_drops_them_all() {
        let caches = Caches {
            accounts: RowCache(Some(Arc::new(live()))),
            member_units: RowCache(Some(Arc::new(live()))),
        };
        let units = caches.member_units.0.as_ref().unwrap();
        let (a, b) = (
            fixtures::unit(MemberUnitKind::TechnicianCollege, "甲"),
            fixtures::unit(MemberUnitKind::TechnicianCollege, "乙"),
        );
        units.store(&[a.clone(), b.clone()], 0, Instant::now());
        // Another table's channel, and an unknown one, leave the units alone.
        assert!(caches.invalidate(account::Entity::CHANNEL, &a.id.to_string()));
        assert!(!caches.invalidate("alliance_events", &a.id.to_string()));
        assert!(units.entries.get(&a.id).is_some());
        assert!(caches.invalidate(member_unit::Entity::CHANNEL, &a.id.to_string()));
        assert!(units.entries.get(&a.id).is_none());
        assert!(units.entries.get(&b.id).is_some());
        assert!(caches.invalidate(member_unit::Entity::CHANNEL, "*"));
        assert!(units.entries.get(&b.id).is_none());
    }
}
