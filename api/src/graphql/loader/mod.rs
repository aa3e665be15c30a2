//! DataLoaders (`docs/api-conventions.md`, No N+1): every relation field loads through one of these, so the
//! number of SQL statements a request runs depends on the query's shape, not on how many rows it
//! returns. A fresh set is made for every request ([`Loaders::new`]), so nothing is cached across
//! callers; within a request each loader caches what it loaded. The one exception is member
//! units, which every page of placements, order classes and sponsors names: they come through
//! the instance's cache, which drops a unit as soon as any writer changes it (told by a
//! notification on PostgreSQL, by a count of changes on SQLite: [`crate::row_cache`],
//! [`Cached`]).
//!
//! Two generic loaders do nearly all the work: [`ById`] (rows by primary key) and [`Children`]
//! (a parent's child rows, for any [`ChildRelation`]: which rows, in which order, under which
//! parent). Each relation is a few lines in the file of its area.
//!
//! DataLoader batches by time (keys asked for within 1 ms), which alone does not make the count
//! deterministic: a large page can straddle two batches. So list resolvers also *prime* the loaders
//! their selection will need, with every key of the page at once (`prime_*`); the nested fields
//! then find their rows in the cache. Every loader returns an entry for every key (an empty list
//! when there are no rows), so a cached "nothing" is not asked again.

use std::collections::HashMap;
use std::hash::Hash;
use std::marker::PhantomData;
use std::sync::Arc;

use async_graphql::Lookahead;
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use entity::{craftsman, member_unit, order_class_demand, student, training_site};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, QueryFilter};
use uuid::Uuid;

use super::edge::EdgeBatches;
use super::error::ApiError;
use crate::row_cache::{CachedTable, Caches, RowCache};
pub use crate::rows::{Keyed, ReadRows};

/// A loader's cache of what it loaded for the request: keys hashed with foldhash (randomly
/// seeded per map) rather than the standard library's SipHash, which was about 9% of a page of
/// 50 placements' instructions (`docs/performance.md`). A caller can choose some keys (the ids
/// it passes to `node`/`nodes`), but a request's keys are bounded by the query's cost and list
/// limits (`nodes`: 100 ids), so colliding keys could cost a request no more than a few thousand
/// comparisons; SipHash's stronger resistance to chosen keys buys nothing here.
pub type Cache = HashMapCache<foldhash::fast::RandomState>;

mod order_class;
mod people;
mod placement;
mod plan;
mod registry;

pub use order_class::{
    ClassesByDemand, EnrolmentsByClass, ParticipantsByDemand, SponsorsByClass, prime_demands,
    prime_order_classes,
};
pub use people::{
    AwardsByContest, EventsByContest, MedalsLoader, MembersByProject, NominationsByStudent,
    PracticesByTeacher, prime_contest_entries, prime_research_projects, prime_teachers,
};
pub use placement::{InternCountsLoader, feed_students, prime_placements, shows_students};
pub use plan::{
    AssignmentsByCraftsman, AttendanceByMeeting, ClassesByMentor, MentorsBySite, PartnersBySite,
    PostsByStation, ResolutionsByMeeting, UnitsByEvent, prime_plan_rows,
};
pub use registry::{SeatsByCommittee, SeatsByUnit, prime_committees, prime_member_units};

fn internal_error(e: crate::error::Error) -> async_graphql::Error {
    ApiError::from(e).into()
}

fn internal(e: DbErr) -> async_graphql::Error {
    ApiError::Database(e).into()
}

/// Rows of `E` by id. Callers decide what of a row the caller may see (visibility is checked on
/// the field that resolves it).
pub struct ById<E>(DatabaseConnection, Arc<EdgeBatches>, PhantomData<E>);

impl<E> Loader<Uuid> for ById<E>
where
    E: Keyed + Send + Sync + 'static,
    E::Model: Clone + Send + Sync + 'static,
{
    type Value = E::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, E::Model>, Self::Error> {
        // Rows loaded together are siblings for their paged relations (`super::edge`).
        self.1.register(keys.iter().copied());
        Ok(E::read_all(
            E::find().filter(E::id_column().is_in(keys.iter().copied())),
            &self.0,
        )
        .await
        .map_err(internal)?
        .into_iter()
        .map(|m| (E::id_of(&m), m))
        .collect())
    }
}

/// Rows of `E` by id, shared (`Arc`) among the fields that name them and held for the request
/// ([`Self::held`]), as [`Cached`] holds member units but without an instance's cache: a row is
/// read once per request, and handing it out copies nothing. As [`ById`], callers decide what of
/// a row the caller may see.
pub struct Shared<E: Keyed> {
    db: DatabaseConnection,
    edges: Arc<EdgeBatches>,
    /// Every row this request's loads found or were given ([`Self::hold`]); none on a
    /// WebSocket, whose loaders keep nothing.
    found: Option<std::sync::Mutex<Held<E::Model>>>,
}

impl<E: Keyed> Shared<E> {
    fn new(db: DatabaseConnection, edges: &Arc<EdgeBatches>) -> Self {
        let found = edges.caching().then(std::sync::Mutex::default);
        Self {
            db,
            edges: edges.clone(),
            found,
        }
    }

    /// The row `id` if this request has loaded it or been given it: what `load_one` would
    /// answer from DataLoader's cache, without DataLoader's per-call maps and copy.
    pub fn held(&self, id: &Uuid) -> Option<Arc<E::Model>> {
        self.found.as_ref()?.lock().ok()?.get(id).cloned()
    }

    /// Holds `rows`, read beside a page (a page's students joined to its placements), for the
    /// request's later loads; nothing on a WebSocket.
    pub fn hold(&self, rows: impl IntoIterator<Item = E::Model>) {
        if let Some(Ok(mut found)) = self.found.as_ref().map(|f| f.lock()) {
            found.extend(rows.into_iter().map(|row| (E::id_of(&row), Arc::new(row))));
        }
    }
}

impl<E> Loader<Uuid> for Shared<E>
where
    E: Keyed + Send + Sync + 'static,
    E::Model: Send + Sync + 'static,
{
    type Value = Arc<E::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Arc<E::Model>>, Self::Error> {
        // Rows loaded together are siblings for their paged relations (`super::edge`).
        self.edges.register(keys.iter().copied());
        let rows: HashMap<Uuid, Arc<E::Model>> = E::read_all(
            E::find().filter(E::id_column().is_in(keys.iter().copied())),
            &self.db,
        )
        .await
        .map_err(internal)?
        .into_iter()
        .map(|m| (E::id_of(&m), Arc::new(m)))
        .collect();
        if let Some(Ok(mut found)) = self.found.as_ref().map(|f| f.lock()) {
            found.extend(rows.iter().map(|(id, row)| (*id, Arc::clone(row))));
        }
        Ok(rows)
    }
}

/// Rows of `E` by id through the instance's cache of `E` ([`RowCache`]): only the rows it does
/// not hold are read, in one statement. Rows are shared (`Arc`) with that cache and among the
/// fields that name them, so handing one out copies nothing. As [`ById`], callers decide what of
/// a row the caller may see.
pub struct Cached<E: CachedTable> {
    db: DatabaseConnection,
    edges: Arc<EdgeBatches>,
    cache: RowCache<E>,
    /// Every row this request's loads found (none on a WebSocket, whose loaders keep nothing),
    /// for [`Self::held`].
    found: Option<std::sync::Mutex<Held<E::Model>>>,
}

/// Rows by id, shared, hashed as the loaders' caches are ([`Cache`]).
type Held<M> = HashMap<Uuid, Arc<M>, foldhash::fast::RandomState>;

impl<E: CachedTable> Cached<E> {
    /// A loader through `cache`; it keeps what it found for the request when `edges` does (not
    /// on a WebSocket).
    fn new(db: DatabaseConnection, edges: &Arc<EdgeBatches>, cache: RowCache<E>) -> Self {
        let found = edges.caching().then(std::sync::Mutex::default);
        Self {
            db,
            edges: edges.clone(),
            cache,
            found,
        }
    }

    /// The row `id` if a load of this request has found it: what `load_one` would answer from
    /// DataLoader's cache, without the two maps DataLoader builds (and hashes with SipHash) on
    /// every call, which were most of what naming a unit cost once its row was cached
    /// (`docs/performance.md`).
    pub fn held(&self, id: &Uuid) -> Option<Arc<E::Model>> {
        self.found.as_ref()?.lock().ok()?.get(id).cloned()
    }

    /// The rows of `ids` by id if a load of this request has found every one of them (one lock
    /// for all), as [`Self::held`] finds each.
    pub fn held_all(&self, ids: &[Uuid]) -> Option<HashMap<Uuid, Arc<E::Model>>> {
        let found = self.found.as_ref()?.lock().ok()?;
        ids.iter()
            .map(|id| found.get(id).map(|row| (*id, Arc::clone(row))))
            .collect()
    }
}

impl<E> Loader<Uuid> for Cached<E>
where
    E: CachedTable + Send + Sync + 'static,
{
    type Value = Arc<E::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Arc<E::Model>>, Self::Error> {
        self.edges.register(keys.iter().copied());
        let rows = self.cache.rows(&self.db, keys).await.map_err(internal)?;
        if let Some(Ok(mut found)) = self.found.as_ref().map(|f| f.lock()) {
            found.extend(rows.iter().map(|(id, row)| (*id, Arc::clone(row))));
        }
        Ok(rows)
    }
}

/// A relation from parents to their child rows: the one query that fetches the children of many
/// parents at once (in the order the field shows them), and the parent key of each child.
pub trait ChildRelation: Send + Sync + 'static {
    /// The parent's key.
    type Key: Hash + Eq + Clone + Send + Sync + 'static;
    /// A child row (with whatever related row the field shows beside it).
    type Row: Clone + Send + Sync + 'static;

    /// The children of every parent in `keys`, in display order.
    fn fetch(
        db: &DatabaseConnection,
        keys: &[Self::Key],
    ) -> impl Future<Output = Result<Vec<Self::Row>, DbErr>> + Send;

    /// The parent key of `row`.
    fn parent(row: &Self::Row) -> Self::Key;
}

/// The children of parents by parent key, for any [`ChildRelation`]; every requested key gets an
/// entry (an empty list when it has no rows), so that a cached "nothing" is not asked again.
pub struct Children<R>(DatabaseConnection, PhantomData<R>);

impl<R: ChildRelation> Loader<R::Key> for Children<R> {
    type Value = Vec<R::Row>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[R::Key]) -> Result<HashMap<R::Key, Vec<R::Row>>, Self::Error> {
        let rows = R::fetch(&self.0, keys).await.map_err(internal)?;
        let mut map: HashMap<R::Key, Vec<R::Row>> =
            keys.iter().map(|k| (k.clone(), Vec::new())).collect();
        for row in rows {
            map.entry(R::parent(&row)).or_default().push(row);
        }
        Ok(map)
    }
}

/// Declares a [`ChildRelation`] whose rows are those of one entity with a parent-id column, in
/// insertion (id) order.
macro_rules! children_by_column {
    ($(#[$doc:meta])* $name:ident: $entity:ident by $column:ident, $field:ident) => {
        $(#[$doc])*
        pub struct $name;

        impl $crate::graphql::loader::ChildRelation for $name {
            type Key = uuid::Uuid;
            type Row = entity::$entity::Model;

            async fn fetch(
                db: &sea_orm::DatabaseConnection,
                keys: &[uuid::Uuid],
            ) -> Result<Vec<Self::Row>, sea_orm::DbErr> {
                use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
                entity::$entity::Entity::find()
                    .filter(entity::$entity::Column::$column.is_in(keys.iter().copied()))
                    .order_by_id_asc()
                    .all(db)
                    .await
            }

            fn parent(row: &Self::Row) -> uuid::Uuid {
                row.$field
            }
        }
    };
}
pub(crate) use children_by_column;

/// Rows with their related row, leaving out any whose related row is missing (foreign keys make
/// that impossible; the types do not know it).
fn joined<A, B>(rows: Vec<(A, Option<B>)>) -> Vec<(A, B)> {
    rows.into_iter()
        .filter_map(|(a, b)| b.map(|b| (a, b)))
        .collect()
}

/// Runs a batch load on the runtime inside the span of the request that asked for it, so its logs
/// carry the request id.
fn spawn_in_span(
    load: futures_util::future::BoxFuture<'static, ()>,
) -> tokio::task::JoinHandle<()> {
    use tracing::Instrument;
    tokio::spawn(load.in_current_span())
}

/// Declares [`Loaders`]: one field per loader, each made fresh per request.
macro_rules! loaders {
    ($($(#[$doc:meta])* $field:ident: $loader:ty => $make:expr,)*) => {
        /// The loaders of one request.
        pub struct Loaders {
            $($(#[$doc])* pub $field: DataLoader<$loader, Cache>,)*
            /// Paged relations under many parents (`super::edge`).
            pub edges: Arc<EdgeBatches>,
            /// Whether the loaders keep what they load (not on a WebSocket).
            caching: bool,
        }

        impl Loaders {
            /// Whether the loaders keep what they load (not on a WebSocket): only then are rows
            /// read beside a page worth giving them ([`Self::feed`]).
            pub fn caching(&self) -> bool {
                self.caching
            }

            /// A fresh set for one request, reading member units through the instance's
            /// `caches`.
            pub fn new(db: &DatabaseConnection, caches: &Caches) -> Self {
                Self::with_edges(db, Arc::new(EdgeBatches::new(true)), caches)
            }

            /// A set that caches nothing, not even through the instance's caches, for a
            /// WebSocket connection: its events must always read fresh rows.
            pub fn uncached(db: &DatabaseConnection) -> Self {
                let loaders = Self::with_edges(
                    db,
                    Arc::new(EdgeBatches::new(false)),
                    &Caches::default(),
                );
                $(loaders.$field.enable_all_cache(false);)*
                Self { caching: false, ..loaders }
            }

            fn with_edges(db: &DatabaseConnection, edges: Arc<EdgeBatches>, caches: &Caches) -> Self {
                Self {
                    $($field: DataLoader::with_cache(
                        $make(db.clone(), &edges, caches),
                        spawn_in_span,
                        Cache::new(),
                    ),)*
                    edges,
                    caching: true,
                }
            }
        }
    };
}

fn member_units(
    db: DatabaseConnection,
    edges: &Arc<EdgeBatches>,
    caches: &Caches,
) -> Cached<member_unit::Entity> {
    Cached::new(db, edges, caches.member_units.clone())
}

fn by_id<E>(db: DatabaseConnection, edges: &Arc<EdgeBatches>, _: &Caches) -> ById<E> {
    ById(db, edges.clone(), PhantomData)
}

fn shared<E: Keyed>(db: DatabaseConnection, edges: &Arc<EdgeBatches>, _: &Caches) -> Shared<E> {
    Shared::new(db, edges)
}

fn children<R>(db: DatabaseConnection, _: &Arc<EdgeBatches>, _: &Caches) -> Children<R> {
    Children(db, PhantomData)
}

fn intern_counts(db: DatabaseConnection, _: &Arc<EdgeBatches>, _: &Caches) -> InternCountsLoader {
    InternCountsLoader(db)
}

fn medals(db: DatabaseConnection, _: &Arc<EdgeBatches>, _: &Caches) -> MedalsLoader {
    MedalsLoader(db)
}

loaders! {
    /// Member units by id, through the instance's cache ([`Cached`]). All member units'
    /// registry fields are public (the founding notice is published); contact fields are guarded
    /// on the object.
    member_unit: Cached<member_unit::Entity> => member_units,
    /// Committees by id (all public, as the registry).
    committee: ById<entity::committee::Entity> => by_id,
    /// See [`SeatsByUnit`].
    seats_by_unit: Children<SeatsByUnit> => children,
    /// See [`SeatsByCommittee`].
    seats_by_committee: Children<SeatsByCommittee> => children,
    /// See [`ParticipantsByDemand`].
    participants_by_demand: Children<ParticipantsByDemand> => children,
    /// See [`SponsorsByClass`].
    sponsors_by_class: Children<SponsorsByClass> => children,
    /// Demands by id (callers check visibility with `order_class::can_read_demand`).
    demand: ById<order_class_demand::Entity> => by_id,
    /// See [`ClassesByDemand`].
    classes_by_demand: Children<ClassesByDemand> => children,
    /// See [`EnrolmentsByClass`].
    enrolments_by_class: Children<EnrolmentsByClass> => children,
    /// Students by id, shared and held for the request ([`Shared`]; callers decide how much of
    /// them the caller may see).
    student: Shared<student::Entity> => shared,
    /// See [`InternCountsLoader`].
    intern_counts: InternCountsLoader => intern_counts,
    /// See [`PartnersBySite`].
    partners_by_site: Children<PartnersBySite> => children,
    /// See [`AttendanceByMeeting`].
    attendance_by_meeting: Children<AttendanceByMeeting> => children,
    /// See [`ResolutionsByMeeting`].
    resolutions_by_meeting: Children<ResolutionsByMeeting> => children,
    /// See [`MentorsBySite`].
    mentors_by_site: Children<MentorsBySite> => children,
    /// See [`PostsByStation`].
    posts_by_station: Children<PostsByStation> => children,
    /// See [`ClassesByMentor`].
    classes_by_mentor: Children<ClassesByMentor> => children,
    /// See [`AssignmentsByCraftsman`].
    assignments_by_craftsman: Children<AssignmentsByCraftsman> => children,
    /// See [`UnitsByEvent`].
    units_by_event: Children<UnitsByEvent> => children,
    /// Craftsmen by id (seen by every signed-in caller).
    craftsman: ById<craftsman::Entity> => by_id,
    /// Training sites by id (seen by every signed-in caller).
    training_site: ById<training_site::Entity> => by_id,
    /// Teachers of the pool by id (seen by every signed-in caller but an evaluator; phones are
    /// guarded on the object).
    teacher: ById<entity::teacher::Entity> => by_id,
    /// See [`PracticesByTeacher`].
    practices_by_teacher: Children<PracticesByTeacher> => children,
    /// Shared resources by id (seen by every signed-in caller but an evaluator).
    shared_resource: ById<entity::shared_resource::Entity> => by_id,
    /// See [`NominationsByStudent`].
    nominations_by_student: Children<NominationsByStudent> => children,
    /// Contests by id (callers check the caller reads the shared records).
    contest: ById<entity::contest::Entity> => by_id,
    /// Contest events by id.
    contest_event: ById<entity::contest_event::Entity> => by_id,
    /// See [`EventsByContest`].
    events_by_contest: Children<EventsByContest> => children,
    /// See [`AwardsByContest`].
    awards_by_contest: Children<AwardsByContest> => children,
    /// See [`MembersByProject`].
    members_by_project: Children<MembersByProject> => children,
    /// Training needs by id (seen by every signed-in caller but an evaluator).
    training_need: ById<entity::training_need::Entity> => by_id,
    /// Training projects by id (seen by every signed-in caller but an evaluator).
    training_project: ById<entity::training_project::Entity> => by_id,
    /// See [`MedalsLoader`].
    medals: MedalsLoader => medals,
}

impl Loaders {
    /// The member unit `id`, as `member_unit.load_one(id)` answers: from what this request has
    /// loaded already when it can ([`Cached::held`]: a page's units are loaded at once when it
    /// is primed), else through the loader.
    ///
    /// # Errors
    /// The loader's (the database's).
    pub async fn unit(&self, id: Uuid) -> async_graphql::Result<Option<Arc<member_unit::Model>>> {
        if let Some(unit) = self.member_unit.loader().held(&id) {
            return Ok(Some(unit));
        }
        self.member_unit.load_one(id).await
    }

    /// The student `id`, as `student.load_one(id)` answers: from what this request holds when
    /// it can ([`Shared::held`]: a placements page holds the students its statement joined),
    /// else through the loader.
    ///
    /// # Errors
    /// The loader's (the database's).
    pub async fn student(&self, id: Uuid) -> async_graphql::Result<Option<Arc<student::Model>>> {
        if let Some(student) = self.student.loader().held(&id) {
            return Ok(Some(student));
        }
        self.student.load_one(id).await
    }

    /// The member units of `ids` that exist, by id, as `member_unit.load_many(ids)` answers:
    /// without the loader when this request has loaded every one of them already (as
    /// [`Self::unit`]).
    ///
    /// # Errors
    /// The loader's (the database's).
    pub async fn units(
        &self,
        ids: &[Uuid],
    ) -> async_graphql::Result<HashMap<Uuid, Arc<member_unit::Model>>> {
        match self.member_unit.loader().held_all(ids) {
            Some(units) => Ok(units),
            None => self.member_unit.load_many(ids.iter().copied()).await,
        }
    }

    /// Loads the member units of `ids` (a page's schools, hosts, firms) so that [`Self::unit`] and
    /// [`Self::units`] answer them from what the request holds. When the instance's cache holds
    /// every unit not held yet (PostgreSQL, once warm), in one call of the loader itself,
    /// bypassing DataLoader's per-call maps, its copy of each row and its 1 ms wait for other
    /// keys; otherwise through DataLoader, so that loads primed at the same moment share its
    /// statements (on SQLite every load reads the count of changes first). On a WebSocket, which
    /// holds nothing, through DataLoader as any load.
    ///
    /// # Errors
    /// The loader's (the database's).
    pub async fn prime_units(
        &self,
        ids: impl IntoIterator<Item = Uuid>,
    ) -> async_graphql::Result<()> {
        let loader = self.member_unit.loader();
        if !self.caching {
            self.member_unit.load_many(ids).await?;
            return Ok(());
        }
        let mut missing: Vec<Uuid> = ids
            .into_iter()
            .filter(|id| loader.held(id).is_none())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        if missing.is_empty() {
            return Ok(());
        }
        if loader.cache.holds_all(&missing) {
            loader.load(&missing).await?;
        } else {
            self.member_unit.load_many(missing).await?;
        }
        Ok(())
    }

    /// Puts rows a resolver has read already into `loader`'s cache, so that nested fields find
    /// them there. Nothing on a WebSocket: its loaders keep nothing (DataLoader would store fed
    /// rows even with its cache off, and a long-lived connection would hold every row it was
    /// ever fed).
    pub async fn feed<K, T>(
        &self,
        loader: &DataLoader<T, Cache>,
        values: impl IntoIterator<Item = (K, T::Value)>,
    ) where
        K: Send + Sync + Hash + Eq + Clone + 'static,
        T: Loader<K>,
    {
        if self.caching {
            loader.feed_many(values).await;
        }
    }
}

/// The selection of the items of a connection field: `nodes { … }` and `edges { node { … } }`.
fn items<'a>(connection: &Lookahead<'a>) -> [Lookahead<'a>; 2] {
    [
        connection.field("nodes"),
        connection.field("edges").field("node"),
    ]
}

/// Whether any item selection of `connection` selects `field`.
fn selects(connection: &Lookahead<'_>, field: &str) -> bool {
    items(connection).iter().any(|i| i.field(field).exists())
}

/// Whether any item selection of `connection` selects the nested field `path` (`["contest",
/// "events"]`: `contest { events }`).
fn selects_in(connection: &Lookahead<'_>, path: &[&str]) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return false;
    };
    items(connection)
        .iter()
        .any(|i| rest.iter().fold(i.field(first), |l, f| l.field(f)).exists())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use entity::enums::MemberUnitKind;
    use migration::MigratorTrait;

    #[tokio::test]
    async fn fed_rows_are_kept_for_the_request_and_never_on_a_websocket() {
        let db = sea_orm::Database::connect("sqlite::memory:").await.unwrap();
        migration::Migrator::up(&db, None).await.unwrap();
        // Not in the database: found only if the loader kept what it was fed.
        let unit = crate::fixtures::unit(MemberUnitKind::TechnicianCollege, "甲");
        let request = Loaders::new(&db, &Caches::default());
        request
            .feed(&request.member_unit, [(unit.id, Arc::new(unit.clone()))])
            .await;
        assert_eq!(request.unit(unit.id).await.unwrap().as_deref(), Some(&unit));
        let socket = Loaders::uncached(&db);
        socket
            .feed(&socket.member_unit, [(unit.id, Arc::new(unit.clone()))])
            .await;
        // Even were its cache switched on, nothing was kept.
        socket.member_unit.enable_all_cache(true);
        assert_eq!(socket.unit(unit.id).await.unwrap(), None);
    }

    /// Units a page primes are held for the request, so that naming them needs no loader;
    /// on SQLite through DataLoader (the instance's cache cannot answer without reading the
    /// count of changes); on a WebSocket nothing is held.
    #[tokio::test]
    async fn primed_units_are_held_for_the_request() {
        use sea_orm::{ActiveModelTrait, IntoActiveModel};
        let db = sea_orm::Database::connect("sqlite::memory:").await.unwrap();
        migration::Migrator::up(&db, None).await.unwrap();
        let mut ids = Vec::new();
        for (order, name) in [(1, "威海职业学院"), (2, "威高集团股份有限公司")] {
            let unit = member_unit::Model {
                list_order: order,
                ..crate::fixtures::unit(MemberUnitKind::Enterprise, name)
            }
            .into_active_model()
            .insert(&db)
            .await
            .unwrap();
            ids.push(unit.id);
        }
        let caches = Caches::new(&db);
        let request = Loaders::new(&db, &caches);
        request.prime_units(ids.clone()).await.unwrap();
        assert!(
            !request.member_unit.loader().cache.holds_all(&ids),
            "on SQLite every read of the cache reads the count of changes"
        );
        for id in &ids {
            assert_eq!(request.member_unit.loader().held(id).unwrap().id, *id);
        }
        // Primed twice (a unit repeated): the second finds them held.
        let again = [ids[0], ids[0], ids[1]];
        request.prime_units(again).await.unwrap();
        assert_eq!(request.units(&ids).await.unwrap().len(), 2);
        let socket = Loaders::uncached(&db);
        socket.prime_units(ids.clone()).await.unwrap();
        assert!(socket.member_unit.loader().held(&ids[0]).is_none());
    }

    /// A unit a load of the request found is handed out again as the same shared row, without
    /// the loader; on a WebSocket nothing is held, so every naming reads afresh.
    #[tokio::test]
    async fn units_loaded_once_are_held_for_the_request_and_never_on_a_websocket() {
        use sea_orm::{ActiveModelTrait, IntoActiveModel};
        let db = sea_orm::Database::connect("sqlite::memory:").await.unwrap();
        migration::Migrator::up(&db, None).await.unwrap();
        let unit = crate::fixtures::unit(MemberUnitKind::Enterprise, "威高集团股份有限公司")
            .into_active_model()
            .insert(&db)
            .await
            .unwrap();
        let request = Loaders::new(&db, &Caches::new(&db));
        assert!(request.member_unit.loader().held(&unit.id).is_none());
        let first = request.unit(unit.id).await.unwrap().unwrap();
        assert_eq!(*first, unit);
        let held = request.member_unit.loader().held(&unit.id).unwrap();
        assert!(Arc::ptr_eq(&first, &held), "the same row, not a copy");
        let all = request.units(&[unit.id]).await.unwrap();
        assert!(Arc::ptr_eq(&all[&unit.id], &first));
        let socket = Loaders::uncached(&db);
        assert_eq!(socket.unit(unit.id).await.unwrap().as_deref(), Some(&unit));
        assert!(socket.member_unit.loader().held(&unit.id).is_none());
    }
}
