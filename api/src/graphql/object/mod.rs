//! GraphQL object types. Each wraps an entity model and exposes chosen fields, so a column such as
//! `password_hash` can never reach the schema by accident.
//!
//! A resolver that awaits more than its own row — a loader, a page, a report — boxes what it
//! awaits (`FutureExt::boxed`). async-graphql resolves every field of an object through the
//! object's `resolve_field` future, which it moves into a new box, and that future is as large
//! as the largest of the object's fields' (a flattened object's included). Unboxed, a member
//! unit's was 4,224 bytes and a student's 4,144, moved for each field of each row shown; boxed,
//! the awaited futures live in their own boxes, made only for the fields that run them
//! (`docs/performance.md`, "Small field futures"). The test below keeps the busiest pages'
//! objects small.

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

#[cfg(test)]
mod tests {
    use async_graphql::{ContainerType, Context};

    /// The size of the future `resolve` returns for an object of type `T`.
    fn future_size<'a, T: 'a, F, Fut>(_resolve: F) -> usize
    where
        F: FnOnce(&'a T, &'a Context<'a>) -> Fut,
    {
        std::mem::size_of::<Fut>()
    }

    /// The objects of the busiest pages resolve each field in a future of at most
    /// `LIMIT` bytes: their heavy fields box what they await (see the module's documentation).
    /// Unboxed they were 2,168 (a placement) to 4,224 bytes (a member unit) in a release build.
    #[test]
    fn the_busiest_objects_resolve_fields_in_small_futures() {
        const LIMIT: usize = 1_024;
        let sizes = [
            (
                "InternshipPlacement",
                future_size(|o: &super::InternshipPlacement, c| o.resolve_field(c)),
            ),
            (
                "MemberUnit",
                future_size(|o: &super::MemberUnit, c| o.resolve_field(c)),
            ),
            (
                "Student",
                future_size(|o: &super::Student, c| o.resolve_field(c)),
            ),
            (
                "OrderClass",
                future_size(|o: &super::OrderClass, c| o.resolve_field(c)),
            ),
        ];
        for (name, size) in sizes {
            assert!(
                size <= LIMIT,
                "{name}::resolve_field's future is {size} bytes"
            );
        }
    }
}
