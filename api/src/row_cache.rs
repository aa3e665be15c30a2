//! Rows that nearly every request reads and that rarely change — the accounts behind access
//! tokens and the member units every page names — cached for a few seconds, while a change to one
//! still takes effect at once (`docs/performance.md`, "Cached rows"): on PostgreSQL both tables,
//! told of changes by notifications; on SQLite the member units, checked against a count of
//! changes.
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
//! SQLite has no notifications, and another process (another instance, the command-line tool)
//! may write the same file. There a trigger on each cached table adds 1 to the table's count in
//! `row_version` for every updated or deleted row, in the writing transaction (migration
//! `m20261203_000001_row_versions`; [`CachedTable::VERSION_ROW`]), and every read through the
//! cache first reads that count, one statement on one row of the primary key:
//!
//! - a count above the highest the instance has seen empties the cache (the change has
//!   committed, so everything held may be older than it) and becomes the highest seen;
//! - a count below it (a read that began before another's) bypasses the cache;
//! - otherwise entries are used, and rows read are stored unless the cache was emptied meanwhile
//!   (the generation counter above: a row read before a change was seen is never stored after).
//!
//! So a request that starts after a change has committed never sees the old row, whichever
//! process made it. A read through the cache costs that one statement, in place of the rows'
//! statement when every row is held (the member units of a page of 50 placements cost about as
//! many instructions as the rest of the page). Accounts are not cached on SQLite: a request reads
//! its one account by primary key, which costs what reading the count would.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::rows::Keyed;
use entity::positional::Positional;
use entity::{account, member_unit};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, QueryFilter,
    Statement,
};
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
    /// The row of `row_version` whose count SQLite's triggers raise when a row of the table is
    /// updated or deleted (migration `m20261203_000001_row_versions`), or `None` when the table
    /// is not cached on SQLite.
    const VERSION_ROW: Option<&'static str>;
    /// Whether `row` may be cached.
    fn keep(_row: &Self::Model) -> bool {
        true
    }
}

impl CachedTable for account::Entity {
    const CHANNEL: &'static str = "alliance_account_changes";
    const VERSION_ROW: Option<&'static str> = None;
    /// A disabled account is refused at once, so it is read on every request.
    fn keep(row: &account::Model) -> bool {
        !row.disabled
    }
}

impl CachedTable for member_unit::Entity {
    const CHANNEL: &'static str = "alliance_member_unit_changes";
    const VERSION_ROW: Option<&'static str> = Some("member_unit");
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
    /// Rows shared with the requests that read them (an `Arc`: handing one out copies nothing).
    entries: quick_cache::sync::Cache<Uuid, (Arc<E::Model>, Instant)>,
    /// Whether the listener is listening (entries may be used and stored); always on SQLite.
    live: AtomicBool,
    /// Bumped by every invalidation.
    generation: AtomicU64,
    /// SQLite: the row of `row_version` counting the table's changes, and the highest count
    /// seen (-1 before the first read). `None` on PostgreSQL.
    version: Option<(&'static str, AtomicI64)>,
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
    fn store(&self, rows: &[Arc<E::Model>], generation: u64, read_at: Instant) {
        if !self.live.load(Ordering::SeqCst) || self.generation.load(Ordering::SeqCst) != generation
        {
            return;
        }
        for row in rows.iter().filter(|r| E::keep(r)) {
            self.entries
                .insert(E::id_of(row), (Arc::clone(row), read_at));
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
    /// calls [`Self::set_listening`] and [`Self::invalidate`]); on SQLite one checked against
    /// the table's count of changes ([`CachedTable::VERSION_ROW`]), or one that caches nothing
    /// for a table without a count.
    pub fn new(db: &DatabaseConnection) -> Self {
        let (live, version) = match (db.get_database_backend(), E::VERSION_ROW) {
            (DatabaseBackend::Postgres, _) => (false, None),
            (DatabaseBackend::Sqlite, Some(row)) => (true, Some((row, AtomicI64::new(-1)))),
            _ => return Self(None),
        };
        Self(Some(Arc::new(Inner {
            entries: quick_cache::sync::Cache::new(CAPACITY),
            live: AtomicBool::new(live),
            generation: AtomicU64::new(0),
            version,
        })))
    }

    /// On SQLite, reads the table's count of changes and compares it with the highest seen (see
    /// the module's docs): `false` when this read must bypass the cache (the count is below the
    /// highest seen); the cache is emptied first when the count is above it. Always `true` on
    /// PostgreSQL.
    async fn checked(inner: &Inner<E>, db: &DatabaseConnection) -> Result<bool, DbErr> {
        let Some((row, highest)) = &inner.version else {
            return Ok(true);
        };
        let count: i64 = db
            .query_one_raw(Statement::from_sql_and_values(
                DatabaseBackend::Sqlite,
                "SELECT version FROM row_version WHERE table_name = ?",
                [(*row).into()],
            ))
            .await?
            .ok_or_else(|| DbErr::RecordNotFound(format!("row_version '{row}'")))?
            .try_get_by_index(0)?;
        let seen = highest.load(Ordering::SeqCst);
        if count > seen {
            inner.invalidate(None);
            highest.fetch_max(count, Ordering::SeqCst);
        }
        Ok(count >= seen)
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

    /// Whether [`Self::rows`] would answer every one of `ids` without a statement: on
    /// PostgreSQL, while listening, with a fresh entry for each. Never on SQLite, whose every
    /// read first reads the count of changes.
    pub fn holds_all(&self, ids: &[Uuid]) -> bool {
        match &self.0 {
            Some(inner) if inner.version.is_none() => {
                ids.iter().all(|id| Self::cached(inner, id).is_some())
            }
            _ => false,
        }
    }

    /// A fresh entry for `id`, if one is held.
    fn cached(inner: &Inner<E>, id: &Uuid) -> Option<Arc<E::Model>> {
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
        let Some(inner) = self.0.as_ref() else {
            return entity::positional::one(E::find().filter(E::id_column().eq(id)), db).await;
        };
        if !Self::checked(inner, db).await? {
            return entity::positional::one(E::find().filter(E::id_column().eq(id)), db).await;
        }
        if let Some(row) = Self::cached(inner, &id) {
            return Ok(Some(E::Model::clone(&row)));
        }
        let generation = inner.generation.load(Ordering::SeqCst);
        let read_at = Instant::now();
        let found = entity::positional::one(E::find().filter(E::id_column().eq(id)), db).await?;
        if let Some(row) = &found {
            inner.store(&[Arc::new(row.clone())], generation, read_at);
        }
        Ok(found)
    }

    /// The rows of `ids` that exist, by id, as [`Self::row`] would give each (shared with the
    /// cache): those not cached in one statement (none when all are cached), after the one that
    /// reads the table's count of changes on SQLite.
    ///
    /// # Errors
    /// The database's, when rows had to be read.
    pub async fn rows(
        &self,
        db: &DatabaseConnection,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, Arc<E::Model>>, DbErr> {
        let mut found = HashMap::with_capacity(ids.len());
        let mut missing = Vec::new();
        let inner = match self.0.as_ref() {
            Some(inner) if Self::checked(inner, db).await? => Some(inner),
            _ => None,
        };
        match inner {
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
        let generation = inner.map(|inner| inner.generation.load(Ordering::SeqCst));
        let read_at = Instant::now();
        let rows: Vec<Arc<E::Model>> =
            entity::positional::all(E::find().filter(E::id_column().is_in(missing)), db)
                .await?
                .into_iter()
                .map(Arc::new)
                .collect();
        if let (Some(inner), Some(generation)) = (inner, generation) {
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
            version: None,
        }
    }

    #[test]
    fn a_row_read_before_an_invalidation_is_not_stored_after_it() {
        let inner = live::<member_unit::Entity>();
        let unit = fixtures::unit(MemberUnitKind::TechnicianCollege, "威海技师学院");
        let generation = inner.generation.load(Ordering::SeqCst);
        // The row changes (its notification arrives) while it is being read.
        inner.invalidate(Some(unit.id));
        inner.store(&[Arc::new(unit.clone())], generation, Instant::now());
        assert!(inner.entries.get(&unit.id).is_none());
        // Read again after the change: stored.
        let generation = inner.generation.load(Ordering::SeqCst);
        inner.store(&[Arc::new(unit.clone())], generation, Instant::now());
        assert_eq!(*inner.entries.get(&unit.id).unwrap().0, unit);
    }

    #[test]
    fn nothing_is_stored_while_the_listener_is_not_listening() {
        let inner = live::<member_unit::Entity>();
        inner.live.store(false, Ordering::SeqCst);
        let unit = fixtures::unit(MemberUnitKind::Enterprise, "威高集团股份有限公司");
        inner.store(&[Arc::new(unit.clone())], 0, Instant::now());
        assert!(inner.entries.get(&unit.id).is_none());
    }

    /// SQLite: a unit renamed by another writer (here a plain `UPDATE`) is read anew by the next
    /// read, which the count of changes told to empty the cache; and a count below the highest
    /// seen (a read that began before another's) neither uses nor fills the cache.
    #[tokio::test]
    async fn on_sqlite_a_change_by_any_writer_empties_the_cache_before_the_next_read() {
        use migration::MigratorTrait;
        use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel};
        let db = sea_orm::Database::connect("sqlite::memory:").await.unwrap();
        migration::Migrator::up(&db, None).await.unwrap();
        let unit = fixtures::unit(MemberUnitKind::TechnicianCollege, "威海技师学院")
            .into_active_model()
            .insert(&db)
            .await
            .unwrap();
        let cache = RowCache::<member_unit::Entity>::new(&db);
        let inner = cache.0.as_ref().unwrap(); // member units are cached on SQLite
        let name = |rows: HashMap<Uuid, Arc<member_unit::Model>>| rows[&unit.id].name.clone();
        assert_eq!(
            name(cache.rows(&db, &[unit.id]).await.unwrap()),
            "威海技师学院"
        );
        assert!(inner.entries.get(&unit.id).is_some(), "stored once read");
        // Renamed behind the cache's back.
        member_unit::Entity::update_many()
            .col_expr(
                member_unit::Column::Name,
                sea_orm::sea_query::Expr::value("威海技师学院（更名）"),
            )
            .filter(member_unit::Column::Id.eq(unit.id))
            .exec(&db)
            .await
            .unwrap();
        assert_eq!(
            name(cache.rows(&db, &[unit.id]).await.unwrap()),
            "威海技师学院（更名）"
        );
        assert_eq!(
            cache.row(&db, unit.id).await.unwrap().unwrap().name,
            "威海技师学院（更名）"
        );
        // Deleted: counted too, and not found.
        member_unit::Entity::delete_by_id(unit.id)
            .exec(&db)
            .await
            .unwrap();
        assert!(cache.rows(&db, &[unit.id]).await.unwrap().is_empty());
        assert!(inner.entries.get(&unit.id).is_none());
        // A count below the highest seen: the cache is neither used nor filled.
        let other = fixtures::unit(MemberUnitKind::Enterprise, "威高集团股份有限公司")
            .into_active_model()
            .insert(&db)
            .await
            .unwrap();
        let (_, highest) = inner.version.as_ref().unwrap();
        highest.store(i64::MAX, Ordering::SeqCst);
        assert_eq!(
            cache.row(&db, other.id).await.unwrap().unwrap().name,
            "威高集团股份有限公司"
        );
        assert!(inner.entries.get(&other.id).is_none());
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
        units.store(
            &[Arc::new(a.clone()), Arc::new(b.clone())],
            0,
            Instant::now(),
        );
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
