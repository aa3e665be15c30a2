//! Loaders of order classes: a demand's participants and answering classes, a class's sponsors
//! and enrolments.

use async_graphql::Lookahead;
use entity::{
    demand_participant, enrolment, member_unit, order_class, order_class_sponsor, student,
};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{ChildRelation, Loaders, items, joined, selects};

/// A demand's participants (the posting firm first, then joiners in order), each with its unit.
pub struct ParticipantsByDemand;

impl ChildRelation for ParticipantsByDemand {
    type Key = Uuid;
    type Row = (demand_participant::Model, member_unit::Model);

    async fn fetch(db: &DatabaseConnection, keys: &[Uuid]) -> Result<Vec<Self::Row>, DbErr> {
        Ok(joined(
            demand_participant::Entity::find()
                .filter(demand_participant::Column::DemandId.is_in(keys.iter().copied()))
                .find_also_related(member_unit::Entity)
                .order_by_desc(demand_participant::Column::IsPoster)
                .order_by_asc(demand_participant::Column::Id)
                .all(db)
                .await?,
        ))
    }

    fn parent(row: &Self::Row) -> Uuid {
        row.0.demand_id
    }
}

/// A class's sponsors, in the order they were added. Their firms are read through the member-unit
/// loader (`Loaders::member_unit`), which PostgreSQL serves from the instance's cache
/// (`docs/performance.md`), rather than joined here: a join read every firm's 20 columns again
/// for every page.
pub struct SponsorsByClass;

impl ChildRelation for SponsorsByClass {
    type Key = Uuid;
    type Row = order_class_sponsor::Model;

    async fn fetch(db: &DatabaseConnection, keys: &[Uuid]) -> Result<Vec<Self::Row>, DbErr> {
        entity::positional::all(
            order_class_sponsor::Entity::find()
                .filter(order_class_sponsor::Column::OrderClassId.is_in(keys.iter().copied()))
                .order_by_asc(order_class_sponsor::Column::Id),
            db,
        )
        .await
    }

    fn parent(row: &Self::Row) -> Uuid {
        row.order_class_id
    }
}

/// The order classes answering each demand, oldest first.
pub struct ClassesByDemand;

impl ChildRelation for ClassesByDemand {
    type Key = Uuid;
    type Row = order_class::Model;

    async fn fetch(db: &DatabaseConnection, keys: &[Uuid]) -> Result<Vec<Self::Row>, DbErr> {
        order_class::Entity::find()
            .filter(order_class::Column::DemandId.is_in(keys.iter().copied()))
            .order_by_asc(order_class::Column::Id)
            .all(db)
            .await
    }

    fn parent(row: &Self::Row) -> Uuid {
        // Every row has a demand: the query filters on it.
        row.demand_id.unwrap_or_default()
    }
}

/// A class's enrolments with their students, in enrolment order. Only resolved for callers who may
/// see the class's students (checked by the field).
pub struct EnrolmentsByClass;

impl ChildRelation for EnrolmentsByClass {
    type Key = Uuid;
    type Row = (enrolment::Model, student::Model);

    async fn fetch(db: &DatabaseConnection, keys: &[Uuid]) -> Result<Vec<Self::Row>, DbErr> {
        Ok(joined(
            enrolment::Entity::find()
                .filter(enrolment::Column::OrderClassId.is_in(keys.iter().copied()))
                .find_also_related(student::Entity)
                .order_by_asc(enrolment::Column::Id)
                .all(db)
                .await?,
        ))
    }

    fn parent(row: &Self::Row) -> Uuid {
        row.0.order_class_id
    }
}

/// Primes the loaders a page of order classes will use, given the page's connection selection:
/// sponsors, schools (with the sponsoring firms) and demands, each for every class of the page at once.
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
    loaders.edges.register(ids.iter().copied());
    let mut units: Vec<Uuid> = Vec::new();
    if selects(connection, "sponsors") || selects(connection, "ruleChecks") {
        let sponsors = loaders
            .sponsors_by_class
            .load_many(ids.iter().copied())
            .await?;
        units.extend(sponsors.values().flatten().map(|s| s.enterprise_id));
    }
    if selects(connection, "school") {
        units.extend(classes.iter().map(|c| c.school_id));
    }
    // The schools and the sponsoring firms together: one read of the units not cached.
    if !units.is_empty() {
        loaders.prime_units(units).await?;
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
