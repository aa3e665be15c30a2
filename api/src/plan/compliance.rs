//! Each member's compliance with the plan's commitments (督导评估, `004_*.txt` 三(三)): the rules,
//! which unit kinds they apply to, and the evidence for each.

use std::collections::HashMap;

use entity::enums::{EventKind, SiteKind, SiteStatus};
use entity::{
    career_mentor, event, event_unit, member_unit, practice_post, practice_station,
    teacher_practice, training_site,
};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

/// A commitment of the plan checked per member and year.
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComplianceRule {
    /// Firm: has an OPERATING school-in-factory (厂中校) base — 二(一)3.
    SchoolInFactoryBase,
    /// Firm: has a teacher practice station offering posts that year — 二(二)4.
    PracticeStationWithPosts,
    /// Firm: has named a career mentor — 二(四)10.
    CareerMentor,
    /// Firm: took part in a campus visit (企业进校园) that year — 二(四)10.
    CampusVisit,
    /// School: sent teachers to practise in firms that year — 二(二)4.
    TeachersSentToPractice,
    /// School: held (or took part in) a graduate job-recommendation event that year — 二(四)11.
    JobRecommendationEvent,
}

impl ComplianceRule {
    /// Firms' rules (category ENTERPRISE).
    pub const FIRM: [Self; 4] = [
        Self::SchoolInFactoryBase,
        Self::PracticeStationWithPosts,
        Self::CareerMentor,
        Self::CampusVisit,
    ];
    /// Schools' rules.
    pub const SCHOOL: [Self; 2] = [Self::TeachersSentToPractice, Self::JobRecommendationEvent];

    /// The rules that apply to a unit.
    pub fn for_unit(u: &member_unit::Model) -> &'static [Self] {
        match u.category {
            entity::enums::UnitCategory::Enterprise => &Self::FIRM,
            entity::enums::UnitCategory::School => &Self::SCHOOL,
            entity::enums::UnitCategory::Other => &[],
        }
    }
}

/// A row that satisfies a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The kind of row: `TrainingSite`, `TeacherPracticeStation`, `CareerMentor`, `Event` or
    /// `TeacherPractice` (the GraphQL type of the row's global ID).
    pub kind: &'static str,
    /// Its id.
    pub id: Uuid,
    /// A short description.
    pub label: String,
}

/// The evidence for each (unit, rule) among `units` in `year`, in a fixed number of SQL statements
/// (7) whatever the number of units.
///
/// # Errors
/// Database failures.
pub async fn evidence(
    db: &impl ConnectionTrait,
    units: &[Uuid],
    year: i32,
) -> Result<HashMap<(Uuid, ComplianceRule), Vec<Evidence>>, DbErr> {
    let (from, to) = crate::db::year_bounds(year).unwrap_or_default();
    let mut out: HashMap<(Uuid, ComplianceRule), Vec<Evidence>> = HashMap::new();
    let ids = || units.iter().copied();
    for s in training_site::Entity::find()
        .filter(training_site::Column::HostUnitId.is_in(ids()))
        .filter(training_site::Column::Kind.eq(SiteKind::SchoolInFactory))
        .filter(training_site::Column::Status.eq(SiteStatus::Operating))
        .all(db)
        .await?
    {
        out.entry((s.host_unit_id, ComplianceRule::SchoolInFactoryBase))
            .or_default()
            .push(Evidence {
                kind: "TrainingSite",
                id: s.id,
                label: s.name,
            });
    }
    let stations: HashMap<Uuid, practice_station::Model> = practice_station::Entity::find()
        .filter(practice_station::Column::HostUnitId.is_in(ids()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    // The statements run whatever the rows, so the count is fixed (an empty IN matches nothing).
    {
        for p in practice_post::Entity::find()
            .filter(practice_post::Column::StationId.is_in(stations.keys().copied()))
            .filter(practice_post::Column::Year.eq(year))
            .filter(practice_post::Column::Posts.gt(0))
            .all(db)
            .await?
        {
            if let Some(st) = stations.get(&p.station_id) {
                out.entry((st.host_unit_id, ComplianceRule::PracticeStationWithPosts))
                    .or_default()
                    .push(Evidence {
                        kind: "TeacherPracticeStation",
                        id: st.id,
                        label: format!("{}: {} × {} ({year})", st.name, p.posts, p.specialty),
                    });
            }
        }
    }
    for m in career_mentor::Entity::find()
        .filter(career_mentor::Column::UnitId.is_in(ids()))
        .all(db)
        .await?
    {
        out.entry((m.unit_id, ComplianceRule::CareerMentor))
            .or_default()
            .push(Evidence {
                kind: "CareerMentor",
                id: m.id,
                label: format!("{} ({})", m.name, m.title),
            });
    }
    let events: HashMap<Uuid, event::Model> = event::Entity::find()
        .filter(event::Column::Kind.is_in([EventKind::CampusVisit, EventKind::JobRecommendation]))
        .filter(event::Column::HeldOn.gte(from))
        .filter(event::Column::HeldOn.lt(to))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    {
        for link in event_unit::Entity::find()
            .filter(event_unit::Column::EventId.is_in(events.keys().copied()))
            .filter(event_unit::Column::UnitId.is_in(ids()))
            .all(db)
            .await?
        {
            if let Some(e) = events.get(&link.event_id) {
                let rule = match e.kind {
                    EventKind::CampusVisit => ComplianceRule::CampusVisit,
                    _ => ComplianceRule::JobRecommendationEvent,
                };
                out.entry((link.unit_id, rule)).or_default().push(Evidence {
                    kind: "Event",
                    id: e.id,
                    label: format!("{} ({})", e.title, e.held_on),
                });
            }
        }
    }
    for t in teacher_practice::Entity::find()
        .filter(teacher_practice::Column::SchoolId.is_in(ids()))
        .filter(teacher_practice::Column::StartDate.gte(from))
        .filter(teacher_practice::Column::StartDate.lt(to))
        .all(db)
        .await?
    {
        out.entry((t.school_id, ComplianceRule::TeachersSentToPractice))
            .or_default()
            .push(Evidence {
                kind: "TeacherPractice",
                id: t.id,
                label: format!("{} ({} – {})", t.specialty, t.start_date, t.end_date),
            });
    }
    Ok(out)
}
