//! GraphQL object types. Each wraps an entity model and exposes chosen fields, so a column such as
//! `password_hash` can never reach the schema by accident.

use crate::graphql::connection::Cursor;

/// The cursor of an item in a list ordered by id.
pub fn id_cursor(id: uuid::Uuid) -> Cursor {
    Cursor {
        order: "ID".into(),
        key: serde_json::Value::Null,
        id,
    }
}

mod account;
mod alliance;
mod audit;
mod committee;
mod contests;
mod council;
mod demand;
mod enrolment;
mod evaluation;
mod internship_posts;
mod member_unit;
mod node;
mod order_class;
mod people;
mod placement;
mod plan;
mod plan_people;
mod sharing;
mod targets;
mod training;
mod unit_edges;
mod unit_people;
mod unit_roles;
mod unit_training;

pub use account::Account;
pub use alliance::Alliance;
pub use audit::{AuditEvent, AuditEventConnection, AuditFieldChange};
pub use committee::{Committee, CommitteeConnection, CommitteeMemberConnection, Seat};
pub use contests::{
    Contest, ContestConnection, ContestEntry, ContestEntryConnection, ContestEvent,
    ContestUnitAward, MedalTableRow, MedalTally, ResearchProject, ResearchProjectConnection,
};
pub use council::{CommitteeMeeting, CultureCorridor, Resolution, WorkPlanItem};
pub use demand::{DemandParticipant, OrderClassDemand};
pub use enrolment::{Enrolment, PreEmploymentAgreement, Student, StudentView};
pub use evaluation::{
    EvaluationItem, EvaluationResult, EvaluationRound, ItemResult, ScoreDistribution,
    ScoringProgress, SelfAssessment,
};
pub use internship_posts::InternshipPostOffer;
pub use member_unit::{MemberUnit, MemberUnitCommitteeConnection, MemberUnitConnection};
pub use node::Node;
pub use order_class::{
    DemandParticipantConnection, EnrolmentConnection, OrderClass, OrderClassConnection,
    OrderClassDemandConnection, OrderClassSponsor, OrderClassSponsorConnection,
};
pub use people::{
    ApprenticeshipBase, ApprenticeshipBaseConnection, DualQualifiedStanding,
    EnterpriseCertification, EnterpriseCertificationConnection, Platform, PlatformConnection,
    PlatformGrant, PlatformGrantConnection, PlatformGrantRate, PlatformGrantTotal,
    ReserveCraftsman, ReserveCraftsmanConnection, ReserveCraftsmenYear, SchoolDualQualifiedShare,
    SchoolReserveCraftsmen, Teacher, TeacherConnection,
};
pub use placement::{
    GraduateOutcome, InternshipPlacement, InternshipPlacementConnection, RuleFinding,
};
pub use plan::{
    ApprenticeshipConnection, Craftsman, CraftsmanAssignment, CraftsmanConnection, EventConnection,
    TeacherPractice, TeacherPracticeConnection, TeacherPracticeStation,
    TeacherPracticeStationConnection, TrainingSite, TrainingSiteConnection,
};
pub use plan_people::{Apprenticeship, CareerClass, CareerMentor, Event, EventUnit};
pub use sharing::{
    ResourceBooking, ResourceBookingConnection, SharedResource, SharedResourceConnection,
    SharedResourceUse,
};
pub use targets::{Milestone, Target, TargetStanding, TrendPoint};
pub use training::{
    SkillCertification, SkillCertificationConnection, SkillLevelCount, TrainingNeed,
    TrainingNeedConnection, TrainingProject, TrainingProjectConnection, WorkerTrainingTally,
    WorkerTrainingYear,
};
pub use unit_edges::{
    ApprenticeshipRole, CareerMentorConnection, GraduateOutcomeConnection, InternshipPlacementRole,
    OrderClassDemandRole, OrderClassRole, StudentConnection, StudentEnrolmentConnection,
    TeacherPracticeRole, TrainingSiteRole, unarchived,
};
