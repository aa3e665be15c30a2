//! Loaders of placements: the interns overlapping each placement, for the ratio rules.

use std::collections::HashMap;

use async_graphql::Lookahead;
use async_graphql::dataloader::Loader;
use entity::student;
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

/// Whether a page of placements under `connection` shows their students (`student`, or
/// `ruleFindings`, whose rules read the student): then the page reads them in its own statement
/// when it can ([`feed_students`]).
pub fn shows_students(connection: &Lookahead<'_>) -> bool {
    selects(connection, "ruleFindings") || selects(connection, "student")
}

/// Gives the student loader the students read in a page's statement, and records them as
/// parents that came together for their paged relations (`super::super::edge`), as a batch the
/// loader read by id would be. Nothing on a WebSocket, whose loaders keep nothing: there the
/// page reads its students through the loader ([`Loaders::caching`]).
pub async fn feed_students(loaders: &Loaders, students: impl IntoIterator<Item = student::Model>) {
    let students: HashMap<Uuid, student::Model, foldhash::fast::RandomState> =
        students.into_iter().map(|s| (s.id, s)).collect();
    loaders.edges.register(students.keys().copied());
    loaders.feed(&loaders.student, students).await;
}

/// Primes the loaders a page of placements will use: students (unless `students_read`: the
/// page's statement read them, [`feed_students`]), hosts, training sites, and (for
/// `ruleFindings`) the interns overlapping each placement the ratio rules can judge.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_placements(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    rows: &[entity::internship_placement::Model],
    students_read: bool,
) -> async_graphql::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let findings = selects(connection, "ruleFindings");
    if !students_read && shows_students(connection) {
        loaders
            .student
            .load_many(rows.iter().map(|p| p.student_id))
            .await?;
    }
    if findings || selects(connection, "host") || selects(connection, "school") {
        loaders
            .prime_units(
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
        let hosts: Vec<Uuid> = rows.iter().filter_map(|p| p.host_unit_id).collect();
        let hosts = loaders.units(&hosts).await?;
        loaders
            .intern_counts
            .load_many(
                rows.iter()
                    .filter(|p| {
                        let host = p.host_unit_id.and_then(|h| hosts.get(&h));
                        crate::placement::ratios_apply(&(*p).into(), host.map(|h| &**h))
                    })
                    .map(|p| p.id),
            )
            .await?;
    }
    Ok(())
}
