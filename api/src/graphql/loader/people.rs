//! Loaders of people and platforms: a teacher's practice stints, a student's reserve-craftsman
//! nominations, a contest's events and unit awards, a research project's members, a member's
//! medals.

use async_graphql::Lookahead;

use super::{Loaders, children_by_column, selects, selects_in};

children_by_column!(
    /// A teacher's practice stints (教师入企实践), oldest first.
    PracticesByTeacher: teacher_practice by TeacherId, teacher_id
);
children_by_column!(
    /// A contest's events, in the order recorded.
    EventsByContest: contest_event by ContestId, contest_id
);
children_by_column!(
    /// The awards a contest gave member units, in the order given.
    AwardsByContest: contest_unit_award by ContestId, contest_id
);
children_by_column!(
    /// A research project's members besides its leader, in the order recorded.
    MembersByProject: research_project_member by ProjectId, project_id
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

/// Each member's medal tally over every contest (`MemberUnit.medals`), for a batch of units: two
/// SQL aggregates (entries by award, the units' own awards), whatever the batch's size.
pub struct MedalsLoader(pub sea_orm::DatabaseConnection);

impl async_graphql::dataloader::Loader<uuid::Uuid> for MedalsLoader {
    type Value = crate::graphql::object::MedalTally;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        keys: &[uuid::Uuid],
    ) -> Result<std::collections::HashMap<uuid::Uuid, Self::Value>, Self::Error> {
        use crate::people::{MedalFilter, medal_rows, unit_award_counts};
        let filter = MedalFilter {
            units: Some(keys.to_vec()),
            ..MedalFilter::default()
        };
        let rows = medal_rows(&self.0, &filter)
            .await
            .map_err(super::internal_error)?;
        let awards: std::collections::HashMap<uuid::Uuid, i64> =
            unit_award_counts(&self.0, &filter, keys)
                .await
                .map_err(super::internal_error)?
                .into_iter()
                .collect();
        let mut out: std::collections::HashMap<uuid::Uuid, Self::Value> = keys
            .iter()
            .map(|k| {
                (
                    *k,
                    crate::graphql::object::MedalTally {
                        unit_awards: awards.get(k).copied().unwrap_or(0),
                        ..Default::default()
                    },
                )
            })
            .collect();
        for r in rows {
            out.insert(
                r.unit_id,
                crate::graphql::object::MedalTally::of(
                    &r,
                    awards.get(&r.unit_id).copied().unwrap_or(0),
                ),
            );
        }
        Ok(out)
    }
}

/// Primes the loaders a page of contest entries will use — their contests (with their events and
/// unit awards), events, teachers (contestant and coach), students and units — each for every row
/// of the page at once, and only when the selection asks for it.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_contest_entries(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    rows: &[entity::contest_entry::Model],
) -> async_graphql::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let contests = || rows.iter().map(|r| r.contest_id);
    if selects(connection, "contest") {
        loaders.contest.load_many(contests()).await?;
    }
    if selects_in(connection, &["contest", "events"]) {
        loaders.events_by_contest.load_many(contests()).await?;
    }
    if selects_in(connection, &["contest", "unitAwards"]) {
        loaders.awards_by_contest.load_many(contests()).await?;
    }
    if selects(connection, "event") {
        loaders
            .contest_event
            .load_many(rows.iter().map(|r| r.event_id))
            .await?;
    }
    if selects(connection, "teacher")
        || selects(connection, "coach")
        || selects(connection, "contestantName")
    {
        loaders
            .teacher
            .load_many(
                rows.iter()
                    .flat_map(|r| r.teacher_id.into_iter().chain(r.coach_teacher_id)),
            )
            .await?;
    }
    if selects(connection, "student") || selects(connection, "contestantName") {
        loaders
            .student
            .load_many(rows.iter().filter_map(|r| r.student_id))
            .await?;
    }
    if selects(connection, "unit") {
        loaders
            .member_unit
            .load_many(rows.iter().map(|r| r.unit_id))
            .await?;
    }
    Ok(())
}

/// Primes the loaders a page of research projects will use — schools, leaders, members and the
/// members' teachers — each for every row of the page at once, and only when selected.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_research_projects(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    rows: &[entity::research_project::Model],
) -> async_graphql::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    if selects(connection, "school") {
        loaders
            .member_unit
            .load_many(rows.iter().map(|r| r.school_id))
            .await?;
    }
    let mut teachers: Vec<uuid::Uuid> = Vec::new();
    if selects(connection, "leader") {
        teachers.extend(rows.iter().map(|r| r.leader_teacher_id));
    }
    if selects(connection, "members") {
        let members = loaders
            .members_by_project
            .load_many(rows.iter().map(|r| r.id))
            .await?;
        teachers.extend(members.values().flatten().map(|m| m.teacher_id));
    }
    if !teachers.is_empty() {
        loaders.teacher.load_many(teachers).await?;
    }
    Ok(())
}
