//! The `Node` interface (Global Object Identification, `docs/api-conventions.md`, Shape).

use async_graphql::{ID, Interface};

use super::{
    Account, Alliance, Apprenticeship, AuditEventConnection, CareerMentor, Committee,
    CommitteeMeeting, Craftsman, CraftsmanAssignment, Enrolment, EvaluationItem, EvaluationRound,
    Event, InternshipPlacement, MemberUnit, Milestone, OrderClass, OrderClassDemand, Resolution,
    Student, Target, TeacherPractice, TeacherPracticeStation, TrainingSite, WorkPlanItem,
};
use super::{
    ApprenticeshipBase, EnterpriseCertification, Platform, PlatformGrant, ReserveCraftsman,
    ResourceBooking, SharedResource, Teacher,
};
use super::{
    Contest, ContestEntry, ContestEvent, ResearchProject, SkillCertification, TrainingNeed,
    TrainingProject,
};

/// An object with a global ID: `node(id:)` fetches any of them, with the same access checks as the
/// type's own query.
#[derive(Interface)]
#[graphql(
    field(name = "id", ty = "ID", desc = "Opaque global ID."),
    field(
        name = "history",
        ty = "crate::graphql::error::ApiResult<AuditEventConnection>",
        desc = "The record's audit trail, newest first (see `auditEvents`, scoped the same way).",
        arg(
            name = "first",
            ty = "Option<i32>",
            desc = "Returns the first n items (1–100, default 20)."
        ),
        arg(
            name = "after",
            ty = "Option<String>",
            desc = "Returns the items after this cursor."
        )
    )
)]
pub enum Node {
    /// The alliance.
    Alliance(Alliance),
    /// A member unit.
    MemberUnit(MemberUnit),
    /// A committee.
    Committee(Committee),
    /// An account (visible to itself and the secretariat).
    Account(Account),
    /// An order-class demand.
    OrderClassDemand(OrderClassDemand),
    /// An order class.
    OrderClass(OrderClass),
    /// An enrolment (its school, the class's sponsors and the secretariat only).
    Enrolment(Enrolment),
    /// A student (their school, their class's sponsors and the secretariat only).
    Student(Student),
    /// An internship placement (the school, the host and the secretariat only).
    InternshipPlacement(InternshipPlacement),
    /// A training site.
    TrainingSite(TrainingSite),
    /// A teacher practice station.
    TeacherPracticeStation(TeacherPracticeStation),
    /// A teacher's practice (the school, the host and the secretariat only).
    TeacherPractice(TeacherPractice),
    /// A craftsman of a firm's pool.
    Craftsman(Craftsman),
    /// A craftsman's assignment to a school (the school's proposal until the firm confirms).
    CraftsmanAssignment(CraftsmanAssignment),
    /// A firm's career mentor.
    CareerMentor(CareerMentor),
    /// An apprenticeship (the firm, the school and the secretariat only).
    Apprenticeship(Apprenticeship),
    /// An event.
    Event(Event),
    /// A stage of the plan (any account but an evaluator's).
    Milestone(Milestone),
    /// A target (the secretariat and committee staff).
    Target(Target),
    /// An evaluation round (see `EvaluationRound` for who reads it).
    EvaluationRound(EvaluationRound),
    /// An item of an evaluation round (whoever reads its round).
    EvaluationItem(EvaluationItem),
    /// A meeting of the council or a committee (any account but an evaluator's).
    CommitteeMeeting(CommitteeMeeting),
    /// A meeting's resolution (any account but an evaluator's).
    Resolution(Resolution),
    /// An item of a committee's work plan (any account but an evaluator's).
    WorkPlanItem(WorkPlanItem),
    /// A teacher of the pool (any account but an evaluator's; the phone is guarded).
    Teacher(Teacher),
    /// A reserve-craftsman nomination (the student's school and the secretariat only).
    ReserveCraftsman(ReserveCraftsman),
    /// An apprenticeship base (any account but an evaluator's).
    ApprenticeshipBase(ApprenticeshipBase),
    /// An industry-education enterprise certification (any account but an evaluator's).
    EnterpriseCertification(EnterpriseCertification),
    /// A high-skill platform (any account but an evaluator's).
    Platform(Platform),
    /// A platform's grant (the member, the secretariat and committee staff).
    PlatformGrant(PlatformGrant),
    /// Shared equipment or a site (any account but an evaluator's).
    SharedResource(SharedResource),
    /// A request for a shared resource's slot (the requesting member, the owner, the secretariat
    /// and committee staff).
    ResourceBooking(ResourceBooking),
    /// A contest (any account but an evaluator's).
    Contest(Contest),
    /// A contest's event (any account but an evaluator's).
    ContestEvent(ContestEvent),
    /// A contest entry (any account but an evaluator's; who competes is guarded).
    ContestEntry(ContestEntry),
    /// A research project (any account but an evaluator's).
    ResearchProject(ResearchProject),
    /// A firm's training need (any account but an evaluator's).
    TrainingNeed(TrainingNeed),
    /// A worker-training project (any account but an evaluator's).
    TrainingProject(TrainingProject),
    /// A batch of skill-level certificates (any account but an evaluator's).
    SkillCertification(SkillCertification),
}
