//! Loaders of placements: the open placements at each host, for the ratio rules.

use async_graphql::Lookahead;
use entity::enums::PlacementStatus;
use entity::internship_placement;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::{ChildRelation, Loaders, selects};

/// Open placements (PLANNED or ACTIVE) by host key, for the ratio rules.
pub struct OpenPlacementsByHost;

impl ChildRelation for OpenPlacementsByHost {
    type Key = String;
    type Row = internship_placement::Model;

    async fn fetch(db: &DatabaseConnection, keys: &[String]) -> Result<Vec<Self::Row>, DbErr> {
        internship_placement::Entity::find()
            .filter(internship_placement::Column::HostKey.is_in(keys.iter().cloned()))
            .filter(
                internship_placement::Column::Status
                    .is_in([PlacementStatus::Planned, PlacementStatus::Active]),
            )
            .all(db)
            .await
    }

    fn parent(row: &Self::Row) -> String {
        row.host_key.clone()
    }
}

/// Primes the loaders a page of placements will use: students, hosts, training sites, and (for
/// `ruleFindings`) the open placements at each host.
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
    if selects(connection, "trainingSite") {
        loaders
            .training_site
            .load_many(rows.iter().filter_map(|p| p.training_site_id))
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
