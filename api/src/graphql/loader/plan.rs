//! Loaders of the plan's records: a site's partners and mentors, a station's posts, a mentor's
//! classes, a craftsman's assignments, an event's units.

use async_graphql::Lookahead;
use uuid::Uuid;

use super::{Loaders, children_by_column, selects};

children_by_column!(
    /// A training site's partners.
    PartnersBySite: site_partner by SiteId, site_id
);
children_by_column!(
    /// A training site's mentors.
    MentorsBySite: site_mentor by SiteId, site_id
);
children_by_column!(
    /// A station's practice posts, by year and specialty.
    PostsByStation: practice_post by StationId, station_id
);
children_by_column!(
    /// A career mentor's classes.
    ClassesByMentor: career_class by CareerMentorId, career_mentor_id
);
children_by_column!(
    /// A craftsman's assignments to schools.
    AssignmentsByCraftsman: craftsman_assignment by CraftsmanId, craftsman_id
);
children_by_column!(
    /// An event's organising and participating units.
    UnitsByEvent: event_unit by EventId, event_id
);

/// Primes the loaders a page of training sites or stations will use (partners, mentors, posts,
/// hosts), each for every row of the page at once.
///
/// # Errors
/// A database failure (`INTERNAL`).
pub async fn prime_plan_rows(
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    ids: &[Uuid],
    hosts: &[Uuid],
) -> async_graphql::Result<()> {
    loaders.edges.register(ids.iter().copied());
    if ids.is_empty() {
        return Ok(());
    }
    if selects(connection, "partners") {
        let rows = loaders
            .partners_by_site
            .load_many(ids.iter().copied())
            .await?;
        loaders
            .member_unit
            .load_many(rows.values().flatten().map(|p| p.unit_id))
            .await?;
    }
    if selects(connection, "mentors") {
        loaders
            .mentors_by_site
            .load_many(ids.iter().copied())
            .await?;
    }
    if selects(connection, "posts") {
        loaders
            .posts_by_station
            .load_many(ids.iter().copied())
            .await?;
    }
    if selects(connection, "host") || selects(connection, "school") || selects(connection, "unit") {
        loaders.member_unit.load_many(hosts.iter().copied()).await?;
    }
    Ok(())
}

children_by_column!(
    /// A meeting's attendance, as recorded.
    AttendanceByMeeting: meeting_attendance by MeetingId, meeting_id
);
children_by_column!(
    /// A meeting's resolutions, in order (ids are UUID v7, written in position order).
    ResolutionsByMeeting: resolution by MeetingId, meeting_id
);
