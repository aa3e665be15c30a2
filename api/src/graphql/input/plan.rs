//! Input types of the plan operations.

use crate::graphql::scalar::Date;
use async_graphql::{ID, InputObject};
use entity::enums::{ApprenticeshipMode, CraftsmanRole, District, EventKind, SiteKind, SiteStatus};

/// A partner of a training site.
#[derive(InputObject)]
pub struct SitePartnerInput {
    /// Global ID of the partner member unit.
    pub unit_id: ID,
    /// Its role, e.g. 提供生产订单.
    pub role: String,
}

/// A new training site.
#[derive(InputObject)]
pub struct CreateTrainingSiteInput {
    /// Kind: FACTORY_IN_SCHOOL is hosted by a school with ≥ 1 firm partner; SCHOOL_IN_FACTORY by a
    /// non-school unit (`WRONG_HOST_KIND`, `FIRM_PARTNER_REQUIRED`).
    pub kind: SiteKind,
    /// The host (global ID); the secretariat names it, staff host their own.
    pub host_unit_id: Option<ID>,
    /// Name.
    pub name: String,
    /// Address.
    pub address: Option<String>,
    /// District.
    pub district: Option<District>,
    /// Specialties served.
    #[graphql(default)]
    pub specialties: Vec<String>,
    /// Students it can take at once.
    pub student_capacity: Option<i32>,
    /// Production lines or projects.
    pub production_lines: Option<String>,
    /// Opened on.
    pub opened_on: Option<Date>,
    /// Status.
    pub status: SiteStatus,
    /// Partner units.
    #[graphql(default)]
    pub partners: Vec<SitePartnerInput>,
}

/// A mentor (师傅) to attach to a site.
#[derive(InputObject)]
pub struct AddSiteMentorInput {
    /// Global ID of the training site.
    pub site_id: ID,
    /// Name.
    pub name: String,
    /// Title.
    pub title: Option<String>,
    /// Skill level, e.g. 高级技师.
    pub skill_level: Option<String>,
    /// Specialty.
    pub specialty: Option<String>,
}

/// A new teacher practice station.
#[derive(InputObject)]
pub struct CreateTeacherPracticeStationInput {
    /// The host firm (global ID; the secretariat names it).
    pub host_unit_id: Option<ID>,
    /// Name.
    pub name: String,
    /// Specialties.
    #[graphql(default)]
    pub specialties: Vec<String>,
    /// Address.
    pub address: Option<String>,
    /// Contact person.
    pub contact_person: Option<String>,
    /// Contact phone.
    pub contact_phone: Option<String>,
}

/// Posts a station offers for a year and specialty.
#[derive(InputObject)]
pub struct OfferPracticePostsInput {
    /// Global ID of the teacher practice station.
    pub station_id: ID,
    /// Year.
    pub year: i32,
    /// Specialty.
    pub specialty: String,
    /// Posts (≥ 0; not fewer than already booked, `NO_PRACTICE_POST_LEFT`).
    pub posts: i32,
}

/// A teacher's practice to record.
#[derive(InputObject)]
pub struct RecordTeacherPracticeInput {
    /// Global ID of the teacher practice station.
    pub station_id: ID,
    /// The school (global ID; the secretariat names it).
    pub school_id: Option<ID>,
    /// The teacher (global ID of a `Teacher` of the school, on its staff): `NOT_FOUND` for
    /// another school's, `INVALID_TRANSITION` for one who left. Give it or `teacherName`.
    pub teacher_id: Option<ID>,
    /// The teacher's name, when `teacherId` is not given: the school's one teacher of that name
    /// on staff, or a new teacher added to the pool (`INVALID` when several share the name).
    #[graphql(deprecation = "Name the teacher of the pool: `teacherId` (see `addTeacher`).")]
    pub teacher_name: Option<String>,
    /// Specialty (a posts' specialty of the station; `NO_PRACTICE_POST_LEFT` when none is left).
    pub specialty: String,
    /// Ignored: whether a teacher is dual-qualified is the teaching-staff committee's
    /// certification (`certifyDualQualified`), recorded on the teacher.
    #[graphql(deprecation = "Certified on the teacher: `Teacher.dualQualified`.")]
    pub dual_qualified: Option<bool>,
    /// First day.
    pub start_date: Date,
    /// Last day.
    pub end_date: Date,
    /// Days on site.
    pub days_on_site: i32,
    /// What was practised.
    pub practised: Option<String>,
}

/// The host's confirmation of a teacher's practice.
#[derive(InputObject)]
pub struct ConfirmTeacherPracticeInput {
    /// Global ID of the teacher practice.
    pub id: ID,
    /// The firm's assessment.
    pub assessment: String,
}

/// The host's refusal of a teacher-practice booking it never agreed to.
#[derive(InputObject)]
pub struct DeclineTeacherPracticeInput {
    /// Global ID of the teacher practice.
    pub id: ID,
    /// Why (required; at most 10,000 characters).
    pub reason: String,
}

/// A craftsman assignment to confirm or decline.
#[derive(InputObject)]
pub struct CraftsmanAssignmentIdInput {
    /// Global ID of the craftsman assignment.
    pub id: ID,
}

/// A unit's confirmation of its part in an event.
#[derive(InputObject)]
pub struct ConfirmEventInput {
    /// Global ID of the event.
    pub id: ID,
}

/// A craftsman to add to a firm's pool.
#[derive(InputObject)]
pub struct AddCraftsmanInput {
    /// The firm (global ID; the secretariat names it).
    pub unit_id: Option<ID>,
    /// Name.
    pub name: String,
    /// Skill level.
    pub skill_level: Option<String>,
    /// Specialties.
    #[graphql(default)]
    pub specialties: Vec<String>,
    /// Availability.
    pub availability: Option<String>,
    /// Phone.
    pub phone: Option<String>,
}

/// A craftsman's assignment to a school.
#[derive(InputObject)]
pub struct AssignCraftsmanInput {
    /// Global ID of the craftsman.
    pub craftsman_id: ID,
    /// The school (global ID; the secretariat names it).
    pub school_id: Option<ID>,
    /// Role.
    pub role: CraftsmanRole,
    /// Term, e.g. 2026-2027-1.
    pub term: String,
    /// Hours (≥ 1).
    pub hours: i32,
}

/// A firm's career mentor.
#[derive(InputObject)]
pub struct SetCareerMentorInput {
    /// The firm (global ID; the secretariat names it).
    pub unit_id: Option<ID>,
    /// Name.
    pub name: String,
    /// Title as the firm writes it (e.g. 高级技师, 人力资源经理).
    pub title: String,
    /// What qualifies the mentor: `SENIOR_TECHNICIAN` (高级技师) or `MANAGER` (管理人员) meet the
    /// commitment of Founding notice 二(四)10; `OTHER` is recorded and leaves it unmet.
    pub qualification: entity::enums::MentorQualification,
}

/// A career class taught.
#[derive(InputObject)]
pub struct RecordCareerClassInput {
    /// Global ID of the career mentor.
    pub career_mentor_id: ID,
    /// The school (global ID).
    pub school_id: ID,
    /// Date.
    pub held_on: Date,
}

/// A new apprenticeship.
#[derive(InputObject)]
pub struct CreateApprenticeshipInput {
    /// The firm (global ID; the secretariat names it).
    pub unit_id: Option<ID>,
    /// The partner school (global ID).
    pub school_id: ID,
    /// The apprentice (a new or transferred employee).
    pub apprentice_name: String,
    /// Hire date.
    pub hire_date: Date,
    /// Post.
    pub post: String,
    /// The firm's mentor.
    pub firm_mentor: String,
    /// The school's mentor.
    pub school_mentor: String,
    /// Mode.
    pub mode: ApprenticeshipMode,
    /// First day.
    pub start_date: Date,
    /// Planned last day: required (`BLANK` when null or absent), not before the first day
    /// (`INVALID`). No source document states how long an apprenticeship (企业新型学徒制, Founding
    /// notice 二(三)7) lasts, so the firm states it; an ACTIVE apprenticeship past it is `overdue`.
    pub end_date: Option<Date>,
}

/// An event to record.
#[derive(InputObject)]
pub struct RecordEventInput {
    /// Kind.
    pub kind: EventKind,
    /// Date.
    pub held_on: Date,
    /// Title.
    pub title: String,
    /// Organising member units (global IDs; staff must include their own).
    pub organiser_ids: Vec<ID>,
    /// Participating member units (global IDs).
    #[graphql(default)]
    pub participant_ids: Vec<ID>,
    /// Participants (persons).
    pub participants_count: Option<i32>,
    /// Notes.
    pub notes: Option<String>,
}
