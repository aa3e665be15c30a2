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
        let mut map: HashMap<Uuid, Self::Value> = keys.iter().map(|k| (*k, Vec::new())).collect();
        for (seat, committee) in rows {
            if let Some(committee) = committee {
                map.entry(seat.member_unit_id)
                    .or_default()
                    .push((seat, committee));
            }
        }
        Ok(map)
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
        let mut map: HashMap<Uuid, Self::Value> = keys.iter().map(|k| (*k, Vec::new())).collect();
        for (seat, unit) in rows {
            if let Some(unit) = unit {
                map.entry(seat.committee_id).or_default().push((seat, unit));
            }
        }
        Ok(map)
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
}

impl Loaders {
    /// A fresh set for one request.
    pub fn new(db: &DatabaseConnection) -> Self {
        Self {
            member_unit: DataLoader::with_cache(
                MemberUnitLoader(db.clone()),
                spawn_in_span,
                HashMapCache::default(),
            ),
            seats_by_unit: DataLoader::with_cache(
                SeatsByUnitLoader(db.clone()),
                spawn_in_span,
                HashMapCache::default(),
            ),
            seats_by_committee: DataLoader::with_cache(
                SeatsByCommitteeLoader(db.clone()),
                spawn_in_span,
                HashMapCache::default(),
            ),
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
