//! Loaders of people and platforms: a teacher's practice stints, a student's reserve-craftsman
//! nominations.

use async_graphql::Lookahead;

use super::{Loaders, children_by_column, selects};

children_by_column!(
    /// A teacher's practice stints (教师入企实践), oldest first.
    PracticesByTeacher: teacher_practice by TeacherId, teacher_id
);
children_by_column!(
    /// A student's reserve-craftsman nominations, oldest first.
    NominationsByStudent: reserve_craftsman by StudentId, student_id
);

/// Primes the loaders a page of teachers will use (their stints, their schools), each for every
/// row of the page at once.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_teachers(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    rows: &[entity::teacher::Model],
) -> async_graphql::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    if selects(connection, "confirmedPracticeDays") || selects(connection, "practices") {
        loaders
            .practices_by_teacher
            .load_many(rows.iter().map(|t| t.id))
            .await?;
    }
    if selects(connection, "school") {
        loaders
            .member_unit
            .load_many(rows.iter().map(|t| t.school_id))
            .await?;
    }
    Ok(())
}
