//! SeaORM entities of the Weihai Technical Education Group (Alliance) system of record.
//!
//! One module per table. Domain enums are stored as short upper-case strings (the same spelling as
//! the GraphQL enum values) so that rows read the same in SQLite, PostgreSQL and the API. The
//! glossary of names is `docs/domain.md` (shared with the project); every enum cites it.

pub mod account;
pub mod alliance;
pub mod apprenticeship;
pub mod apprenticeship_base;
pub mod audit;
pub mod audit_event;
pub mod audit_event_entity;
pub mod career_class;
pub mod career_mentor;
pub mod committee;
pub mod committee_meeting;
pub mod committee_membership;
pub mod contest;
pub mod contest_entry;
pub mod contest_event;
pub mod contest_unit_award;
pub mod craftsman;
pub mod craftsman_assignment;
pub mod culture_corridor;
pub mod demand_participant;
pub mod enrolment;
pub mod enterprise_certification;
pub mod enums;
pub mod evaluation_evaluator;
pub mod evaluation_item;
pub mod evaluation_result;
pub mod evaluation_round;
pub mod evaluation_score;
pub mod event;
pub mod event_unit;
pub mod graduate_outcome;
pub mod internship_placement;
pub mod internship_post_offer;
pub mod meeting_attendance;
pub mod member_unit;
pub mod milestone;
pub mod order_class;
pub mod order_class_demand;
pub mod order_class_sponsor;
pub mod platform;
pub mod platform_grant;
pub mod positional;
pub mod practice_post;
pub mod practice_station;
pub mod research_project;
pub mod research_project_member;
pub mod reserve_craftsman;
pub mod resolution;
pub mod resource_booking;
pub mod self_assessment;
pub mod shared_resource;
pub mod site_mentor;
pub mod site_partner;
pub mod skill_certification;
pub mod sort_key;
pub mod statement;
pub mod student;
pub mod target;
pub mod teacher;
pub mod teacher_practice;
pub mod training_need;
pub mod training_project;
pub mod training_site;
pub mod work_plan_item;
/// Every entity, for `use entity::prelude::*`.
pub mod prelude {
    pub use super::account::Entity as Account;
    pub use super::alliance::Entity as Alliance;
    pub use super::committee::Entity as Committee;
    pub use super::committee_membership::Entity as CommitteeMembership;
    pub use super::demand_participant::Entity as DemandParticipant;
    pub use super::enrolment::Entity as Enrolment;
    pub use super::graduate_outcome::Entity as GraduateOutcome;
    pub use super::internship_placement::Entity as InternshipPlacement;
    pub use super::internship_post_offer::Entity as InternshipPostOffer;
    pub use super::member_unit::Entity as MemberUnit;
    pub use super::order_class::Entity as OrderClass;
    pub use super::order_class_demand::Entity as OrderClassDemand;
    pub use super::order_class_sponsor::Entity as OrderClassSponsor;
    pub use super::student::Entity as Student;
}
