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
            .map(|counts| counts.into_iter().collect())
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
pub fn feed_students(loaders: &Loaders, students: impl IntoIterator<Item = student::Model>) {
    let students: Vec<student::Model> = students.into_iter().collect();
    loaders.edges.register(students.iter().map(|s| s.id));
    loaders.student.loader().hold(students);
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::sync::Arc;

    use entity::enums::MemberUnitKind;
    use migration::MigratorTrait;
    use sea_orm::{ActiveModelTrait, IntoActiveModel};

    use super::*;
    use crate::fixtures;
    use crate::graphql::loader::Caches;

    /// Students a page's statement read are held for the request: naming one hands out that
    /// shared row, without the loader, and a load afterwards is the same row again. On a
    /// WebSocket nothing is held, and naming a student reads it.
    #[tokio::test]
    async fn students_a_page_read_are_held_for_the_request_and_never_on_a_websocket() {
        let db = sea_orm::Database::connect("sqlite::memory:").await.unwrap();
        migration::Migrator::up(&db, None).await.unwrap();
        let school = fixtures::unit(MemberUnitKind::TechnicalSchool, "威海职业学院")
            .into_active_model()
            .insert(&db)
            .await
            .unwrap();
        let student = fixtures::student(school.id, fixtures::date(2007, 3, 1))
            .into_active_model()
            .insert(&db)
            .await
            .unwrap();
        let request = Loaders::new(&db, &Caches::new(&db));
        assert!(request.student.loader().held(&student.id).is_none());
        feed_students(&request, [student.clone()]);
        let held = request.student.loader().held(&student.id).unwrap();
        assert_eq!(*held, student);
        let named = request.student(student.id).await.unwrap().unwrap();
        assert!(Arc::ptr_eq(&named, &held), "the held row, not a copy");
        let socket = Loaders::uncached(&db);
        feed_students(&socket, [student.clone()]);
        assert!(socket.student.loader().held(&student.id).is_none());
        let read = socket.student(student.id).await.unwrap().unwrap();
        assert_eq!(*read, student);
        assert!(socket.student.loader().held(&student.id).is_none());
    }
}
