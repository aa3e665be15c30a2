//! DataLoaders (`API-CONVENTIONS.md` §8): every relation field loads through one of these, so the
//! number of SQL statements a request runs depends on the query's shape, not on how many rows it
//! returns. A fresh set is made for every request ([`Loaders::new`]), so nothing is cached across
//! callers; within a request each loader caches what it loaded.
//!
//! DataLoader batches by time (keys asked for within 1 ms), which alone does not make the count
//! deterministic: a large page can straddle two batches. So list resolvers also *prime* the loaders
//! their selection will need, with every key of the page at once ([`prime_member_units`],
//! [`prime_committees`]); the nested fields then find their rows in the cache. Every loader
//! returns an entry for every key (an empty list when there are no rows), so a cached "nothing" is
//! not asked again.

use std::collections::HashMap;

use async_graphql::Lookahead;
use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use entity::{committee, committee_membership, member_unit};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::error::ApiError;

fn internal(e: sea_orm::DbErr) -> async_graphql::Error {
    ApiError::Database(e).into()
}

/// Groups `rows` under their parent key, giving every requested key an entry (an empty list when
/// it has no rows), so that a cached "nothing" is not asked for again.
fn group<K, V>(
    keys: &[K],
    rows: impl IntoIterator<Item = V>,
    key: impl Fn(&V) -> K,
) -> HashMap<K, Vec<V>>
where
    K: std::hash::Hash + Eq + Clone,
{
    let mut map: HashMap<K, Vec<V>> = keys.iter().map(|k| (k.clone(), Vec::new())).collect();
    for row in rows {
        map.entry(key(&row)).or_default().push(row);
    }
    map
}

/// Member units by id. All member units' registry fields are public (the founding notice is
/// published); contact fields are guarded on the object.
pub struct MemberUnitLoader(DatabaseConnection);

impl Loader<Uuid> for MemberUnitLoader {
    type Value = member_unit::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        Ok(member_unit::Entity::find()
            .filter(member_unit::Column::Id.is_in(keys.iter().copied()))
            .all(&self.0)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect())
    }
}

/// A unit's committee seats, each with its committee, in committee order.
pub struct SeatsByUnitLoader(DatabaseConnection);

impl Loader<Uuid> for SeatsByUnitLoader {
    type Value = Vec<(committee_membership::Model, committee::Model)>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = committee_membership::Entity::find()
            .filter(committee_membership::Column::MemberUnitId.is_in(keys.iter().copied()))
            .find_also_related(committee::Entity)
            .order_by_asc(committee::Column::SortOrder)
            .order_by_asc(committee_membership::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        let pairs = rows
            .into_iter()
            .filter_map(|(seat, committee)| committee.map(|committee| (seat, committee)));
        Ok(group(keys, pairs, |(seat, _)| seat.member_unit_id))
    }
}

/// A committee's seats, each with its member unit, in annex (list) order.
pub struct SeatsByCommitteeLoader(DatabaseConnection);

impl Loader<Uuid> for SeatsByCommitteeLoader {
    type Value = Vec<(committee_membership::Model, member_unit::Model)>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        let rows = committee_membership::Entity::find()
            .filter(committee_membership::Column::CommitteeId.is_in(keys.iter().copied()))
            .find_also_related(member_unit::Entity)
            .order_by_asc(member_unit::Column::ListOrder)
            .order_by_asc(committee_membership::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        let pairs = rows
            .into_iter()
            .filter_map(|(seat, unit)| unit.map(|unit| (seat, unit)));
        Ok(group(keys, pairs, |(seat, _)| seat.committee_id))
    }
}

/// Runs a batch load on the runtime inside the span of the request that asked for it, so its logs
/// carry the request id.
fn spawn_in_span(
    load: futures_util::future::BoxFuture<'static, ()>,
) -> tokio::task::JoinHandle<()> {
    use tracing::Instrument;
    tokio::spawn(load.in_current_span())
}

/// The loaders of one request.
pub struct Loaders {
    /// See [`MemberUnitLoader`].
    pub member_unit: DataLoader<MemberUnitLoader, HashMapCache>,
    /// See [`SeatsByUnitLoader`].
    pub seats_by_unit: DataLoader<SeatsByUnitLoader, HashMapCache>,
    /// See [`SeatsByCommitteeLoader`].
    pub seats_by_committee: DataLoader<SeatsByCommitteeLoader, HashMapCache>,
    /// See [`ParticipantsByDemandLoader`].
    pub participants_by_demand: DataLoader<ParticipantsByDemandLoader, HashMapCache>,
    /// See [`SponsorsByClassLoader`].
    pub sponsors_by_class: DataLoader<SponsorsByClassLoader, HashMapCache>,
    /// See [`EnrolmentStatsLoader`].
    pub enrolment_stats: DataLoader<EnrolmentStatsLoader, HashMapCache>,
    /// See [`DemandLoader`].
    pub demand: DataLoader<DemandLoader, HashMapCache>,
    /// See [`ClassesByDemandLoader`].
    pub classes_by_demand: DataLoader<ClassesByDemandLoader, HashMapCache>,
    /// See [`EnrolmentsByClassLoader`].
    pub enrolments_by_class: DataLoader<EnrolmentsByClassLoader, HashMapCache>,
    /// See [`StudentLoader`].
    pub student: DataLoader<StudentLoader, HashMapCache>,
    /// See [`OpenPlacementsByHostLoader`].
    pub open_placements_by_host: DataLoader<OpenPlacementsByHostLoader, HashMapCache>,
    /// See [`PartnersBySiteLoader`].
    pub partners_by_site: DataLoader<PartnersBySiteLoader, HashMapCache>,
    /// See [`MentorsBySiteLoader`].
    pub mentors_by_site: DataLoader<MentorsBySiteLoader, HashMapCache>,
    /// See [`PostsByStationLoader`].
    pub posts_by_station: DataLoader<PostsByStationLoader, HashMapCache>,
    /// See [`ClassesByMentorLoader`].
    pub classes_by_mentor: DataLoader<ClassesByMentorLoader, HashMapCache>,
    /// See [`AssignmentsByCraftsmanLoader`].
    pub assignments_by_craftsman: DataLoader<AssignmentsByCraftsmanLoader, HashMapCache>,
    /// See [`UnitsByEventLoader`].
    pub units_by_event: DataLoader<UnitsByEventLoader, HashMapCache>,
}

fn cached<T>(loader: T) -> DataLoader<T, HashMapCache>
where
    T: Send + Sync + 'static,
{
    DataLoader::with_cache(loader, spawn_in_span, HashMapCache::default())
}

impl Loaders {
    /// A fresh set for one request.
    pub fn new(db: &DatabaseConnection) -> Self {
        Self {
            member_unit: cached(MemberUnitLoader(db.clone())),
            seats_by_unit: cached(SeatsByUnitLoader(db.clone())),
            seats_by_committee: cached(SeatsByCommitteeLoader(db.clone())),
            participants_by_demand: cached(ParticipantsByDemandLoader(db.clone())),
            sponsors_by_class: cached(SponsorsByClassLoader(db.clone())),
            enrolment_stats: cached(EnrolmentStatsLoader(db.clone())),
            demand: cached(DemandLoader(db.clone())),
            classes_by_demand: cached(ClassesByDemandLoader(db.clone())),
            enrolments_by_class: cached(EnrolmentsByClassLoader(db.clone())),
            student: cached(StudentLoader(db.clone())),
            open_placements_by_host: cached(OpenPlacementsByHostLoader(db.clone())),
            partners_by_site: cached(PartnersBySiteLoader(db.clone())),
            mentors_by_site: cached(MentorsBySiteLoader(db.clone())),
            posts_by_station: cached(PostsByStationLoader(db.clone())),
            classes_by_mentor: cached(ClassesByMentorLoader(db.clone())),
            assignments_by_craftsman: cached(AssignmentsByCraftsmanLoader(db.clone())),
            units_by_event: cached(UnitsByEventLoader(db.clone())),
        }
    }

    /// A set that caches nothing, for a WebSocket connection: its events must always read fresh
    /// rows.
    pub fn uncached(db: &DatabaseConnection) -> Self {
        let loaders = Self::new(db);
        loaders.member_unit.enable_all_cache(false);
        loaders.seats_by_unit.enable_all_cache(false);
        loaders.seats_by_committee.enable_all_cache(false);
        loaders.participants_by_demand.enable_all_cache(false);
        loaders.sponsors_by_class.enable_all_cache(false);
        loaders.enrolment_stats.enable_all_cache(false);
        loaders.demand.enable_all_cache(false);
        loaders.classes_by_demand.enable_all_cache(false);
        loaders.enrolments_by_class.enable_all_cache(false);
        loaders.student.enable_all_cache(false);
        loaders.open_placements_by_host.enable_all_cache(false);
        loaders.partners_by_site.enable_all_cache(false);
        loaders.mentors_by_site.enable_all_cache(false);
        loaders.posts_by_station.enable_all_cache(false);
        loaders.classes_by_mentor.enable_all_cache(false);
        loaders.assignments_by_craftsman.enable_all_cache(false);
        loaders.units_by_event.enable_all_cache(false);
        loaders
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

/// Primes the loaders a page of member units will use, given the page's connection selection
/// (`memberUnits { … }`, `Committee.members { … }`): their seats when `committees` is selected,
/// and, one level further, those committees' seats when `committees { … members }` is.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_member_units(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    units: &[Uuid],
) -> async_graphql::Result<()> {
    if units.is_empty() || !selects(connection, "committees") {
        return Ok(());
    }
    let seats = loaders
        .seats_by_unit
        .load_many(units.iter().copied())
        .await?;
    let nested = items(connection)
        .iter()
        .any(|i| selects(&i.field("committees"), "members"));
    if nested {
        let committees: Vec<Uuid> = seats
            .values()
            .flatten()
            .map(|(seat, _)| seat.committee_id)
            .collect();
        if !committees.is_empty() {
            loaders.seats_by_committee.load_many(committees).await?;
        }
    }
    Ok(())
}

/// Primes the loaders a page of committees will use (`committees { … }`,
/// `MemberUnit.committees { … }`): their seats when `members` is selected, and those members'
/// seats when `members { … committees }` is.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_committees(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    committees: &[Uuid],
) -> async_graphql::Result<()> {
    if committees.is_empty() || !selects(connection, "members") {
        return Ok(());
    }
    let seats = loaders
        .seats_by_committee
        .load_many(committees.iter().copied())
        .await?;
    let nested = items(connection)
        .iter()
        .any(|i| selects(&i.field("members"), "committees"));
    if nested {
        let units: Vec<Uuid> = seats
            .values()
            .flatten()
            .map(|(seat, _)| seat.member_unit_id)
            .collect();
        if !units.is_empty() {
            loaders.seats_by_unit.load_many(units).await?;
        }
    }
    Ok(())
}

/// A demand's participants (the posting firm first, then joiners in order), each with its unit.
pub struct ParticipantsByDemandLoader(pub DatabaseConnection);

impl Loader<Uuid> for ParticipantsByDemandLoader {
    type Value = Vec<(entity::demand_participant::Model, member_unit::Model)>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::demand_participant as p;
        let rows = p::Entity::find()
            .filter(p::Column::DemandId.is_in(keys.iter().copied()))
            .find_also_related(member_unit::Entity)
            .order_by_desc(p::Column::IsPoster)
            .order_by_asc(p::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        let pairs = rows
            .into_iter()
            .filter_map(|(row, unit)| unit.map(|unit| (row, unit)));
        Ok(group(keys, pairs, |(row, _)| row.demand_id))
    }
}

/// A class's sponsors, each with its unit.
pub struct SponsorsByClassLoader(pub DatabaseConnection);

impl Loader<Uuid> for SponsorsByClassLoader {
    type Value = Vec<(entity::order_class_sponsor::Model, member_unit::Model)>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::order_class_sponsor as s;
        let rows = s::Entity::find()
            .filter(s::Column::OrderClassId.is_in(keys.iter().copied()))
            .find_also_related(member_unit::Entity)
            .order_by_asc(s::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        let pairs = rows
            .into_iter()
            .filter_map(|(row, unit)| unit.map(|unit| (row, unit)));
        Ok(group(keys, pairs, |(row, _)| row.order_class_id))
    }
}

/// Enrolled students and signed agreements per class: `(enrolled, agreements)`.
pub struct EnrolmentStatsLoader(pub DatabaseConnection);

impl Loader<Uuid> for EnrolmentStatsLoader {
    type Value = (i64, i64);
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::enrolment as e;
        use sea_orm::QuerySelect;
        let rows: Vec<(Uuid, i64, i64)> = e::Entity::find()
            .select_only()
            .column(e::Column::OrderClassId)
            .column_as(e::Column::Id.count(), "enrolled")
            .column_as(e::Column::AgreementSignedOn.count(), "agreements")
            .filter(e::Column::OrderClassId.is_in(keys.iter().copied()))
            .group_by(e::Column::OrderClassId)
            .into_tuple()
            .all(&self.0)
            .await
            .map_err(internal)?;
        let mut map: HashMap<Uuid, Self::Value> = keys.iter().map(|k| (*k, (0, 0))).collect();
        for (class, enrolled, agreements) in rows {
            map.insert(class, (enrolled, agreements));
        }
        Ok(map)
    }
}

/// Demands by id (callers check visibility with `order_class::can_read_demand`).
pub struct DemandLoader(pub DatabaseConnection);

impl Loader<Uuid> for DemandLoader {
    type Value = entity::order_class_demand::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::order_class_demand as d;
        Ok(d::Entity::find()
            .filter(d::Column::Id.is_in(keys.iter().copied()))
            .all(&self.0)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect())
    }
}

/// The order classes answering each demand, oldest first.
pub struct ClassesByDemandLoader(pub DatabaseConnection);

impl Loader<Uuid> for ClassesByDemandLoader {
    type Value = Vec<entity::order_class::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::order_class as c;
        let rows = c::Entity::find()
            .filter(c::Column::DemandId.is_in(keys.iter().copied()))
            .order_by_asc(c::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        // Every row has a demand: the query filters on it.
        Ok(group(keys, rows, |r| r.demand_id.unwrap_or_default()))
    }
}

/// A class's enrolments with their students, in enrolment order. Only resolved for callers who may
/// see the class's students (checked by the field).
pub struct EnrolmentsByClassLoader(pub DatabaseConnection);

impl Loader<Uuid> for EnrolmentsByClassLoader {
    type Value = Vec<(entity::enrolment::Model, entity::student::Model)>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::enrolment as e;
        let rows = e::Entity::find()
            .filter(e::Column::OrderClassId.is_in(keys.iter().copied()))
            .find_also_related(entity::student::Entity)
            .order_by_asc(e::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        let pairs = rows
            .into_iter()
            .filter_map(|(row, student)| student.map(|student| (row, student)));
        Ok(group(keys, pairs, |(row, _)| row.order_class_id))
    }
}

/// Primes the loaders a page of order classes will use, given the page's connection selection:
/// sponsors, enrolment counts, schools and demands, each for every class of the page at once.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_order_classes(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    classes: &[entity::order_class::Model],
) -> async_graphql::Result<()> {
    if classes.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = classes.iter().map(|c| c.id).collect();
    if selects(connection, "sponsors") || selects(connection, "ruleChecks") {
        loaders
            .sponsors_by_class
            .load_many(ids.iter().copied())
            .await?;
    }
    if ["enrolledCount", "agreementsSigned", "seatsLeft"]
        .iter()
        .any(|f| selects(connection, f))
    {
        loaders
            .enrolment_stats
            .load_many(ids.iter().copied())
            .await?;
    }
    if selects(connection, "school") {
        loaders
            .member_unit
            .load_many(classes.iter().map(|c| c.school_id))
            .await?;
    }
    if selects(connection, "demand") {
        let demands: Vec<Uuid> = classes.iter().filter_map(|c| c.demand_id).collect();
        loaders.demand.load_many(demands.iter().copied()).await?;
        let nested = items(connection).iter().any(|i| {
            let demand = i.field("demand");
            demand.field("totalHeadcount").exists() || demand.field("participants").exists()
        });
        if nested && !demands.is_empty() {
            loaders.participants_by_demand.load_many(demands).await?;
        }
    }
    Ok(())
}

/// Primes the loaders a page of demands will use: participants (for `participants` and
/// `totalHeadcount`), posting firms, and answering classes.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_demands(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    demands: &[entity::order_class_demand::Model],
) -> async_graphql::Result<()> {
    if demands.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = demands.iter().map(|d| d.id).collect();
    if selects(connection, "participants") || selects(connection, "totalHeadcount") {
        loaders
            .participants_by_demand
            .load_many(ids.iter().copied())
            .await?;
    }
    if selects(connection, "enterprise") {
        loaders
            .member_unit
            .load_many(demands.iter().map(|d| d.enterprise_id))
            .await?;
    }
    if selects(connection, "orderClasses") {
        loaders
            .classes_by_demand
            .load_many(ids.iter().copied())
            .await?;
    }
    Ok(())
}

/// Students by id (callers decide how much of them the caller may see).
pub struct StudentLoader(pub DatabaseConnection);

impl Loader<Uuid> for StudentLoader {
    type Value = entity::student::Model;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::student as s;
        Ok(s::Entity::find()
            .filter(s::Column::Id.is_in(keys.iter().copied()))
            .all(&self.0)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect())
    }
}

/// Open placements (PLANNED or ACTIVE) by host key, for the ratio rules.
pub struct OpenPlacementsByHostLoader(pub DatabaseConnection);

impl Loader<String> for OpenPlacementsByHostLoader {
    type Value = Vec<entity::internship_placement::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[String]) -> Result<HashMap<String, Self::Value>, Self::Error> {
        use entity::enums::PlacementStatus;
        use entity::internship_placement as p;
        let rows = p::Entity::find()
            .filter(p::Column::HostKey.is_in(keys.iter().cloned()))
            .filter(p::Column::Status.is_in([PlacementStatus::Planned, PlacementStatus::Active]))
            .all(&self.0)
            .await
            .map_err(internal)?;
        Ok(group(keys, rows, |r| r.host_key.clone()))
    }
}

/// Primes the loaders a page of placements will use: students, hosts, and (for `ruleFindings`)
/// the open placements at each host.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_placements(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    rows: &[entity::internship_placement::Model],
) -> async_graphql::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let findings = selects(connection, "ruleFindings");
    if findings || selects(connection, "student") {
        loaders
            .student
            .load_many(rows.iter().map(|p| p.student_id))
            .await?;
    }
    if findings || selects(connection, "host") || selects(connection, "school") {
        loaders
            .member_unit
            .load_many(
                rows.iter()
                    .filter_map(|p| p.host_unit_id)
                    .chain(rows.iter().map(|p| p.school_id)),
            )
            .await?;
    }
    if findings {
        loaders
            .open_placements_by_host
            .load_many(rows.iter().map(|p| p.host_key.clone()))
            .await?;
    }
    Ok(())
}

/// A training site's partners.
pub struct PartnersBySiteLoader(pub DatabaseConnection);

impl Loader<Uuid> for PartnersBySiteLoader {
    type Value = Vec<entity::site_partner::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::site_partner as t;
        let rows = t::Entity::find()
            .filter(t::Column::SiteId.is_in(keys.iter().copied()))
            .order_by_asc(t::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        Ok(group(keys, rows, |r| r.site_id))
    }
}

/// A training site's mentors.
pub struct MentorsBySiteLoader(pub DatabaseConnection);

impl Loader<Uuid> for MentorsBySiteLoader {
    type Value = Vec<entity::site_mentor::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::site_mentor as t;
        let rows = t::Entity::find()
            .filter(t::Column::SiteId.is_in(keys.iter().copied()))
            .order_by_asc(t::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        Ok(group(keys, rows, |r| r.site_id))
    }
}

/// A station's practice posts, by year and specialty.
pub struct PostsByStationLoader(pub DatabaseConnection);

impl Loader<Uuid> for PostsByStationLoader {
    type Value = Vec<entity::practice_post::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::practice_post as t;
        let rows = t::Entity::find()
            .filter(t::Column::StationId.is_in(keys.iter().copied()))
            .order_by_asc(t::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        Ok(group(keys, rows, |r| r.station_id))
    }
}

/// Primes the loaders a page of training sites or stations will use (partners, mentors, posts,
/// hosts), each for every row of the page at once.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_plan_rows(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    ids: &[Uuid],
    hosts: &[Uuid],
) -> async_graphql::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    if selects(connection, "partners") {
        let rows = loaders
            .partners_by_site
            .load_many(ids.iter().copied())
            .await?;
        loaders
            .member_unit
            .load_many(rows.values().flatten().map(|p| p.unit_id))
            .await?;
    }
    if selects(connection, "mentors") {
        loaders
            .mentors_by_site
            .load_many(ids.iter().copied())
            .await?;
    }
    if selects(connection, "posts") {
        loaders
            .posts_by_station
            .load_many(ids.iter().copied())
            .await?;
    }
    if selects(connection, "host") || selects(connection, "school") || selects(connection, "unit") {
        loaders.member_unit.load_many(hosts.iter().copied()).await?;
    }
    Ok(())
}

/// A career mentor's classes.
pub struct ClassesByMentorLoader(pub DatabaseConnection);

impl Loader<Uuid> for ClassesByMentorLoader {
    type Value = Vec<entity::career_class::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::career_class as t;
        let rows = t::Entity::find()
            .filter(t::Column::CareerMentorId.is_in(keys.iter().copied()))
            .order_by_asc(t::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        Ok(group(keys, rows, |r| r.career_mentor_id))
    }
}

/// A craftsman's assignments to schools.
pub struct AssignmentsByCraftsmanLoader(pub DatabaseConnection);

impl Loader<Uuid> for AssignmentsByCraftsmanLoader {
    type Value = Vec<entity::craftsman_assignment::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::craftsman_assignment as t;
        let rows = t::Entity::find()
            .filter(t::Column::CraftsmanId.is_in(keys.iter().copied()))
            .order_by_asc(t::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        Ok(group(keys, rows, |r| r.craftsman_id))
    }
}

/// An event's organising and participating units.
pub struct UnitsByEventLoader(pub DatabaseConnection);

impl Loader<Uuid> for UnitsByEventLoader {
    type Value = Vec<entity::event_unit::Model>;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, Self::Value>, Self::Error> {
        use entity::event_unit as t;
        let rows = t::Entity::find()
            .filter(t::Column::EventId.is_in(keys.iter().copied()))
            .order_by_asc(t::Column::Id)
            .all(&self.0)
            .await
            .map_err(internal)?;
        Ok(group(keys, rows, |r| r.event_id))
    }
}
