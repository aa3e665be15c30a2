//! Loaders of placements: the interns overlapping each placement, for the ratio rules.

use std::collections::HashMap;

use async_graphql::Lookahead;
use async_graphql::dataloader::Loader;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::{Loaders, selects};
use crate::placement::InternCounts;

/// The interns overlapping each placement at its host and on its post (by placement id), for
/// the ratio rules: one grouped statement per batch ([`crate::placement::intern_counts_of`]).
/// Asked only for placements the ratios can judge ([`crate::placement::ratios_apply`]).
pub struct InternCountsLoader(pub(super) DatabaseConnection);

impl Loader<Uuid> for InternCountsLoader {
    type Value = InternCounts;
    type Error = async_graphql::Error;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, InternCounts>, Self::Error> {
        crate::placement::intern_counts_of(&self.0, keys)
            .await
            .map_err(super::internal)
    }
}

/// Primes the loaders a page of placements will use: students, hosts, training sites, and (for
/// `ruleFindings`) the interns overlapping each placement the ratio rules can judge.
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
        let hosts = loaders
            .member_unit
            .load_many(rows.iter().filter_map(|p| p.host_unit_id))
            .await?;
        loaders
            .intern_counts
            .load_many(
                rows.iter()
                    .filter(|p| {
                        let host = p.host_unit_id.and_then(|h| hosts.get(&h));
                        crate::placement::ratios_apply(&(*p).into(), host)
                    })
                    .map(|p| p.id),
            )
            .await?;
    }
    Ok(())
}
