//! GraphQL object types. Each wraps an entity model and exposes chosen fields, so a column such as
//! `password_hash` can never reach the schema by accident.

mod account;
mod alliance;
mod committee;
mod member_unit;
mod node;
mod order_class;
mod placement;
mod plan;

pub use account::Account;
pub use alliance::Alliance;
pub use committee::{Committee, CommitteeConnection, CommitteeMemberConnection, Seat};
pub use member_unit::{MemberUnit, MemberUnitCommitteeConnection, MemberUnitConnection};
pub use node::Node;
pub use order_class::{
    DemandParticipant, Enrolment, OrderClass, OrderClassConnection, OrderClassDemand,
    OrderClassDemandConnection, OrderClassSponsor, PreEmploymentAgreement, Student, StudentView,
    id_cursor,
};
pub use placement::{
    GraduateOutcome, InternshipPlacement, InternshipPlacementConnection, RuleFinding,
};
pub use plan::{
    Apprenticeship, ApprenticeshipConnection, CareerMentor, Craftsman, CraftsmanAssignment,
    CraftsmanConnection, Event, EventConnection, TeacherPractice, TeacherPracticeConnection,
    TeacherPracticeStation, TeacherPracticeStationConnection, TrainingSite, TrainingSiteConnection,
};
