//! Loaders of the registry: committee seats by unit and by committee.

use async_graphql::Lookahead;
use entity::{committee, committee_membership, member_unit};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{ChildRelation, Loaders, items, joined, selects};

/// A unit's committee seats, each with its committee, in committee order.
pub struct SeatsByUnit;

impl ChildRelation for SeatsByUnit {
    type Key = Uuid;
    type Row = (committee_membership::Model, committee::Model);

    async fn fetch(db: &DatabaseConnection, keys: &[Uuid]) -> Result<Vec<Self::Row>, DbErr> {
        Ok(joined(
            committee_membership::Entity::find()
                .filter(committee_membership::Column::MemberUnitId.is_in(keys.iter().copied()))
                .find_also_related(committee::Entity)
                .order_by_asc(committee::Column::SortOrder)
                .order_by_asc(committee_membership::Column::Id)
                .all(db)
                .await?,
        ))
    }

    fn parent(row: &Self::Row) -> Uuid {
        row.0.member_unit_id
    }
}

/// A committee's seats, each with its member unit, in annex (list) order.
pub struct SeatsByCommittee;

impl ChildRelation for SeatsByCommittee {
    type Key = Uuid;
    type Row = (committee_membership::Model, member_unit::Model);

    async fn fetch(db: &DatabaseConnection, keys: &[Uuid]) -> Result<Vec<Self::Row>, DbErr> {
        Ok(joined(
            committee_membership::Entity::find()
                .filter(committee_membership::Column::CommitteeId.is_in(keys.iter().copied()))
                .find_also_related(member_unit::Entity)
                .order_by_asc(member_unit::Column::ListOrder)
                .order_by_asc(committee_membership::Column::Id)
                .all(db)
                .await?,
        ))
    }

    fn parent(row: &Self::Row) -> Uuid {
        row.0.committee_id
    }
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
    loaders.edges.register(units.iter().copied());
    if !units.is_empty() && selects(connection, "medals") {
        loaders.medals.load_many(units.iter().copied()).await?;
    }
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
