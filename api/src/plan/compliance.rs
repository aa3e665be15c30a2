//! Each member's compliance with the plan's commitments (督导评估, Founding notice 三(三)): the rules,
//! which unit kinds they apply to, and the evidence for each. Archived sites, stations, career
//! mentors and events are no evidence: compliance is recomputed from what remains (`docs/domain.md`, Correcting and archiving). A
//! teacher's confirmed stint still counts after its station is archived: the teacher practised.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use entity::enums::{EventKind, EventRole, MentorQualification, SiteKind, SiteStatus};
use entity::{
    career_mentor, event, event_unit, member_unit, practice_post, practice_station,
    teacher_practice, training_site,
};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use crate::actor::Actor;
use crate::error::Error;
use uuid::Uuid;

/// A commitment of the plan checked per member and year.
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComplianceRule {
    /// Firm: has an OPERATING school-in-factory (厂中校) base — 二(一)3.
    SchoolInFactoryBase,
    /// Firm: has a teacher practice station offering posts that year — 二(二)4.
    PracticeStationWithPosts,
    /// Firm: has named a career mentor who is a senior technician or a manager — 二(四)10.
    CareerMentor,
    /// Firm: took part in a campus visit (企业进校园) that year — 二(四)10.
    CampusVisit,
    /// School: sent teachers to practise in firms that year — 二(二)4.
    TeachersSentToPractice,
    /// School: held (organised) a graduate job-recommendation event that year — 二(四)11
    /// ("每年开展毕业生就业推荐活动不少于1次": taking part in another's event is not holding one).
    JobRecommendationEvent,
}

impl ComplianceRule {
    /// Firms' rules (category ENTERPRISE, and units marked to carry a firm's commitments).
    pub const FIRM: [Self; 4] = [
        Self::SchoolInFactoryBase,
        Self::PracticeStationWithPosts,
        Self::CareerMentor,
        Self::CampusVisit,
    ];
    /// Schools' rules.
    pub const SCHOOL: [Self; 2] = [Self::TeachersSentToPractice, Self::JobRecommendationEvent];

    /// The rules that apply to a unit: a firm's to every unit that carries a firm's commitments
    /// (category ENTERPRISE, or a unit the secretariat marked, `carries_firm_commitments`), a
    /// school's to schools, none to other bodies.
    pub fn for_unit(u: &member_unit::Model) -> &'static [Self] {
        if crate::registry::carries_firm_commitments(u) {
            &Self::FIRM
        } else if u.kind.is_school() {
            &Self::SCHOOL
        } else {
            &[]
        }
    }
}

/// The kind of row that evidences a rule (each is a node type of the API).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EvidenceKind {
    /// An operating school-in-factory base.
    TrainingSite,
    /// A teacher practice station with posts that year.
    TeacherPracticeStation,
    /// The firm's career mentor.
    CareerMentor,
    /// An event the unit organised or took part in.
    Event,
    /// A teacher's practice stint.
    TeacherPractice,
}

impl EvidenceKind {
    /// The name of the row's type in the API (`TrainingSite`, …).
    pub fn type_name(self) -> &'static str {
        match self {
            Self::TrainingSite => "TrainingSite",
            Self::TeacherPracticeStation => "TeacherPracticeStation",
            Self::CareerMentor => "CareerMentor",
            Self::Event => "Event",
            Self::TeacherPractice => "TeacherPractice",
        }
    }
}

/// A row that satisfies a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The kind of row.
    pub kind: EvidenceKind,
    /// Its id.
    pub id: Uuid,
    /// A short description.
    pub label: String,
}

/// One rule's standing for one member in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The rule.
    pub rule: ComplianceRule,
    /// The rows that meet it (empty: not met).
    pub evidence: Vec<Evidence>,
}

/// A member's standing against every rule that applies to it in `year` (firms four, schools two,
/// others none), with the evidence for each; 7 SQL statements. Any signed-in caller (the
/// committees' evaluation is open to the members it evaluates).
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; database failures.
pub async fn member_compliance(
    actor: &Actor,
    db: &impl ConnectionTrait,
    unit: &member_unit::Model,
    year: i32,
) -> Result<Vec<Standing>, Error> {
    if !actor.reads_shared() {
        return Err(actor.refused(crate::msg!("forbidden-evaluator-rounds-only")));
    }
    let mut found = evidence(db, &[unit.id], year).await?;
    Ok(ComplianceRule::for_unit(unit)
        .iter()
        .map(|rule| Standing {
            rule: *rule,
            evidence: found.remove(&(unit.id, *rule)).unwrap_or_default(),
        })
        .collect())
}

/// One rule across the members considered: how many it applies to and which of them do not meet
/// it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleStanding {
    /// The rule.
    pub rule: ComplianceRule,
    /// Members the rule applies to.
    pub applicable: i64,
    /// Of them, those that do not meet it, in annex order.
    pub not_met: Vec<member_unit::Model>,
}

/// The committees' work list for `year` (督导评估, Founding notice 三(三)): every rule over the members
/// `units` selects, in a fixed number of SQL statements (8) whatever their number. The
/// secretariat and committee staff.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for anyone but the secretariat and committee staff; database failures.
pub async fn alliance_compliance(
    actor: &Actor,
    db: &impl ConnectionTrait,
    units: Condition,
    year: i32,
) -> Result<Vec<RuleStanding>, Error> {
    actor.require_aggregates()?;
    let units = member_unit::Entity::find()
        .filter(units)
        .order_by_asc(member_unit::Column::ListOrder)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = units.iter().map(|u| u.id).collect();
    let found = evidence(db, &ids, year).await?;
    let rules = ComplianceRule::FIRM
        .iter()
        .chain(ComplianceRule::SCHOOL.iter());
    Ok(rules
        .map(|rule| {
            let applicable: Vec<&member_unit::Model> = units
                .iter()
                .filter(|u| ComplianceRule::for_unit(u).contains(rule))
                .collect();
            let not_met = applicable
                .iter()
                .filter(|u| !found.contains_key(&(u.id, *rule)))
                .map(|u| (*u).clone())
                .collect();
            RuleStanding {
                rule: *rule,
                applicable: applicable.len() as i64,
                not_met,
            }
        })
        .collect())
}

/// The evidence for each (unit, rule) among `units` in `year`, in a fixed number of SQL statements
/// (7) whatever the number of units.
pub async fn evidence(
    db: &impl ConnectionTrait,
    units: &[Uuid],
    year: i32,
) -> Result<HashMap<(Uuid, ComplianceRule), Vec<Evidence>>, DbErr> {
    let (from, to) = crate::db::year_bounds(year).unwrap_or_default();
    let mut found = school_in_factory_bases(db, units).await?;
    found.extend(stations_with_posts(db, units, year).await?);
    found.extend(career_mentors(db, units).await?);
    found.extend(events_taken_part_in(db, units, from, to).await?);
    found.extend(teachers_in_practice(db, units, from, to).await?);
    let mut out: HashMap<(Uuid, ComplianceRule), Vec<Evidence>> = HashMap::new();
    for (unit, rule, e) in found {
        out.entry((unit, rule)).or_default().push(e);
    }
    Ok(out)
}

/// One piece of evidence: the unit, the rule it meets, and the row.
type Found = Vec<(Uuid, ComplianceRule, Evidence)>;

/// Operating school-in-factory bases the units host (one statement).
async fn school_in_factory_bases(
    db: &impl ConnectionTrait,
    units: &[Uuid],
) -> Result<Found, DbErr> {
    let rows = training_site::Entity::find()
        .filter(training_site::Column::HostUnitId.is_in(units.iter().copied()))
        .filter(training_site::Column::Kind.eq(SiteKind::SchoolInFactory))
        .filter(training_site::Column::Status.eq(SiteStatus::Operating))
        .filter(training_site::Column::ArchivedAt.is_null())
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|s| {
            let e = Evidence {
                kind: EvidenceKind::TrainingSite,
                id: s.id,
                label: s.name,
            };
            (s.host_unit_id, ComplianceRule::SchoolInFactoryBase, e)
        })
        .collect())
}

/// The units' stations offering posts in `year` (two statements, whatever the rows: an empty IN
/// matches nothing).
async fn stations_with_posts(
    db: &impl ConnectionTrait,
    units: &[Uuid],
    year: i32,
) -> Result<Found, DbErr> {
    let stations: HashMap<Uuid, practice_station::Model> = practice_station::Entity::find()
        .filter(practice_station::Column::HostUnitId.is_in(units.iter().copied()))
        .filter(practice_station::Column::ArchivedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let posts = practice_post::Entity::find()
        .filter(practice_post::Column::StationId.is_in(stations.keys().copied()))
        .filter(practice_post::Column::Year.eq(year))
        .filter(practice_post::Column::Posts.gt(0))
        .all(db)
        .await?;
    Ok(posts
        .into_iter()
        .filter_map(|p| {
            let st = stations.get(&p.station_id)?;
            let e = Evidence {
                kind: EvidenceKind::TeacherPracticeStation,
                id: st.id,
                label: format!("{}: {} × {} ({year})", st.name, p.posts, p.specialty),
            };
            Some((st.host_unit_id, ComplianceRule::PracticeStationWithPosts, e))
        })
        .collect())
}

/// The units' career mentors who are a senior technician or a manager (Founding notice
/// 二(四)10); a mentor of another or unrecorded qualification is no evidence (one statement).
async fn career_mentors(db: &impl ConnectionTrait, units: &[Uuid]) -> Result<Found, DbErr> {
    let rows = career_mentor::Entity::find()
        .filter(career_mentor::Column::UnitId.is_in(units.iter().copied()))
        .filter(career_mentor::Column::ArchivedAt.is_null())
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|m| m.qualification.is_some_and(MentorQualification::qualifies))
        .map(|m| {
            let e = Evidence {
                kind: EvidenceKind::CareerMentor,
                id: m.id,
                label: format!("{} ({})", m.name, m.title),
            };
            (m.unit_id, ComplianceRule::CareerMentor, e)
        })
        .collect())
}

/// Campus visits held in `[from, to)` that the units organised or took part in, and
/// job-recommendation events they organised (Founding notice 二(四)11 asks a school to hold one),
/// counted only once every unit named has confirmed its part (two statements).
async fn events_taken_part_in(
    db: &impl ConnectionTrait,
    units: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Found, DbErr> {
    let events: HashMap<Uuid, event::Model> = event::Entity::find()
        .filter(event::Column::Kind.is_in([EventKind::CampusVisit, EventKind::JobRecommendation]))
        .filter(event::Column::HeldOn.gte(from))
        .filter(event::Column::HeldOn.lt(to))
        .filter(event::Column::ArchivedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    // Every part of the events: one counts only when every unit named has confirmed its part.
    let links = event_unit::Entity::find()
        .filter(event_unit::Column::EventId.is_in(events.keys().copied()))
        .all(db)
        .await?;
    let unconfirmed: HashSet<Uuid> = links
        .iter()
        .filter(|l| l.confirmed_at.is_none())
        .map(|l| l.event_id)
        .collect();
    let wanted: HashSet<Uuid> = units.iter().copied().collect();
    Ok(links
        .into_iter()
        .filter(|link| wanted.contains(&link.unit_id) && !unconfirmed.contains(&link.event_id))
        .filter_map(|link| {
            let e = events.get(&link.event_id)?;
            let rule = match e.kind {
                EventKind::CampusVisit => ComplianceRule::CampusVisit,
                // Holding it is the commitment; a participant did not hold it.
                _ if link.role != EventRole::Organiser => return None,
                _ => ComplianceRule::JobRecommendationEvent,
            };
            let evidence = Evidence {
                kind: EvidenceKind::Event,
                id: e.id,
                label: format!("{} ({})", e.title, e.held_on),
            };
            Some((link.unit_id, rule, evidence))
        })
        .collect())
}

/// The units' teachers' practice stints starting in `[from, to)` that the host confirmed (one
/// statement): a school's booking alone proves nothing about the firm (issue "hardening", item 10).
async fn teachers_in_practice(
    db: &impl ConnectionTrait,
    units: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Found, DbErr> {
    let rows = teacher_practice::Entity::find()
        .filter(teacher_practice::Column::SchoolId.is_in(units.iter().copied()))
        .filter(teacher_practice::Column::StartDate.gte(from))
        .filter(teacher_practice::Column::StartDate.lt(to))
        .filter(teacher_practice::Column::HostConfirmedAt.is_not_null())
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|t| {
            let e = Evidence {
                kind: EvidenceKind::TeacherPractice,
                id: t.id,
                label: format!("{} ({} – {})", t.specialty, t.start_date, t.end_date),
            };
            (t.school_id, ComplianceRule::TeachersSentToPractice, e)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use entity::enums::MemberUnitKind as K;

    use super::*;
    use crate::fixtures;

    #[test]
    fn firms_answer_four_rules_schools_two_and_other_bodies_none() {
        use ComplianceRule as R;
        let firm = [
            R::SchoolInFactoryBase,
            R::PracticeStationWithPosts,
            R::CareerMentor,
            R::CampusVisit,
        ];
        let school = [R::TeachersSentToPractice, R::JobRecommendationEvent];
        for (kind, expected) in [
            (K::Enterprise, &firm[..]),
            (K::TechnicianCollege, &school[..]),
            (K::SeniorTechnicalSchool, &school[..]),
            (K::TechnicalSchool, &school[..]),
            (K::VocationalCollege, &school[..]),
            (K::SecondaryVocationalSchool, &school[..]),
            // An HR-service agency is a firm of the alliance: it answers the firms' rules.
            (K::HrServiceAgency, &firm[..]),
            (K::TrainingInstitution, &[]),
            (K::PublicInstitution, &[]),
            (K::ResearchInstitute, &[]),
            (K::IndustryAssociation, &[]),
        ] {
            let unit = fixtures::unit(kind, "某单位");
            assert_eq!(ComplianceRule::for_unit(&unit), expected, "{kind:?}");
        }
    }

    #[test]
    fn a_body_the_secretariat_marks_answers_the_firms_rules() {
        for kind in [K::TrainingInstitution, K::PublicInstitution] {
            let marked = member_unit::Model {
                carries_firm_commitments: true,
                ..fixtures::unit(kind, "某培训有限公司")
            };
            assert_eq!(
                ComplianceRule::for_unit(&marked),
                &ComplianceRule::FIRM[..],
                "{kind:?}"
            );
        }
        // A school keeps a school's rules whatever the flag says.
        let school = member_unit::Model {
            carries_firm_commitments: true,
            ..fixtures::unit(K::TechnicalSchool, "某技工学校")
        };
        assert_eq!(
            ComplianceRule::for_unit(&school),
            &ComplianceRule::SCHOOL[..]
        );
    }

    #[test]
    fn evidence_kinds_name_their_api_types() {
        for (kind, name) in [
            (EvidenceKind::TrainingSite, "TrainingSite"),
            (
                EvidenceKind::TeacherPracticeStation,
                "TeacherPracticeStation",
            ),
            (EvidenceKind::CareerMentor, "CareerMentor"),
            (EvidenceKind::Event, "Event"),
            (EvidenceKind::TeacherPractice, "TeacherPractice"),
        ] {
            assert_eq!(kind.type_name(), name);
        }
    }
}
