//! DataLoaders (`API-CONVENTIONS.md` §8): every relation field loads through one of these, so the
//! number of SQL statements a request runs depends on the query's shape, not on how many rows it
//! returns. A fresh set is made for every request ([`Loaders::new`]), so nothing is cached across
//! callers.

use std::collections::HashMap;

use async_graphql::dataloader::{DataLoader, Loader};
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
        let mut map: HashMap<Uuid, Self::Value> = HashMap::new();
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
        let mut map: HashMap<Uuid, Self::Value> = HashMap::new();
        for (seat, unit) in rows {
            if let Some(unit) = unit {
                map.entry(seat.committee_id).or_default().push((seat, unit));
            }
        }
        Ok(map)
    }
}

/// The loaders of one request.
pub struct Loaders {
    /// See [`MemberUnitLoader`].
    pub member_unit: DataLoader<MemberUnitLoader>,
    /// See [`SeatsByUnitLoader`].
    pub seats_by_unit: DataLoader<SeatsByUnitLoader>,
    /// See [`SeatsByCommitteeLoader`].
    pub seats_by_committee: DataLoader<SeatsByCommitteeLoader>,
}

impl Loaders {
    /// A fresh set for one request.
    pub fn new(db: &DatabaseConnection) -> Self {
        Self {
            member_unit: DataLoader::new(MemberUnitLoader(db.clone()), tokio::spawn),
            seats_by_unit: DataLoader::new(SeatsByUnitLoader(db.clone()), tokio::spawn),
            seats_by_committee: DataLoader::new(SeatsByCommitteeLoader(db.clone()), tokio::spawn),
        }
    }
}
