//! Input types of the placement operations.

use crate::graphql::error::ApiError;
use crate::graphql::input::member_unit_ids;
use crate::graphql::scalar::Date;
use crate::placement::PlacementFilter;
use async_graphql::{ID, InputObject};
use entity::enums::{ArrangedBy, District, Gender, OutcomeStatus, PlacementStatus, VenueType};

/// A student of the caller's school, created or (by student number) updated.
#[derive(InputObject)]
pub struct SaveStudentInput {
    /// Student number (学号), unique within the school.
    pub student_number: String,
    /// Full name.
    pub name: String,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    pub date_of_birth: Date,
    /// Year of study, 1–6 (1 = first year; needed before a placement can be activated).
    pub year_of_study: Option<i32>,
    /// Specialty.
    pub specialty: Option<String>,
    /// National ID number: 18 characters, GB 11643-1999, encoding the date of birth
    /// (`INVALID_NATIONAL_ID`). Stored; only ever returned masked.
    pub national_id: Option<String>,
}

/// An internship placement reported by the student's school (PLANNED).
#[derive(InputObject)]
pub struct ReportInternshipPlacementInput {
    /// The student, by student number (`NOT_FOUND`).
    pub student_number: String,
    /// The host, when a member unit (global ID).
    pub host_unit_id: Option<ID>,
    /// The host's name, for a firm outside the alliance (a member's exact name links to it).
    pub host_name: Option<String>,
    /// The host's unified social credit code (`INVALID_CREDIT_CODE`).
    pub host_uscc: Option<String>,
    /// The order class the placement belongs to (global ID).
    pub order_class_id: Option<ID>,
    /// Post title.
    pub post_title: String,
    /// Kind of workplace.
    pub venue_type: VenueType,
    /// The post involves work banned for minors.
    #[graphql(default)]
    pub hazardous: bool,
    /// The post involves work forbidden to female workers (《女职工劳动保护特别规定》, annex): a
    /// female student may not take it (`FEMALE_FORBIDDEN_WORK`, internship rules art. 16 (4)).
    #[graphql(default)]
    pub female_forbidden_work: bool,
    /// The post's physical-labour intensity level by GB 3869-1997, 1 (I) to 4 (IV); null when not
    /// assessed. Level 3 or 4 is refused for every student (`HEAVY_LABOUR`, art. 16 (7)); outside
    /// 1–4 is `INVALID`.
    pub labour_intensity: Option<i32>,
    /// Scheduled hours per week (0–168; more than 40 counts as overtime).
    pub weekly_hours: i32,
    /// Night shifts in the schedule.
    #[graphql(default)]
    pub night_shifts: bool,
    /// Overtime or statutory-holiday work in the schedule.
    #[graphql(default)]
    pub overtime: bool,
    /// Staff on the same post at the host (for the 20% ratio).
    pub post_staff_count: Option<i32>,
    /// A host that is not a member (`hostName`): its staff on duty (≥ 1), for the 10% ratio
    /// (2016 rules art. 9). For a member the registry's count is used and this is `INVALID`.
    pub host_staff_count: Option<i32>,
    /// A host that is not a member: it is a human-resources service agency, which may host
    /// interns only in its own offices (`INTERMEDIARY`, 2021 rules art. 16 (6)). For a member the
    /// registry's kind is used and `true` is `INVALID`.
    #[graphql(default)]
    pub host_is_agency: bool,
    /// Monthly pay to the intern, CNY.
    pub monthly_pay: i32,
    /// The host's wage for the same post (or its lowest grade), CNY.
    pub post_wage: i32,
    /// Workplace mentor (师傅).
    pub mentor_name: Option<String>,
    /// Mentor's title or skill level.
    pub mentor_title: Option<String>,
    /// Who arranged the placement.
    pub arranged_by: ArrangedBy,
    /// The student works at another firm than the host (agency hosting).
    #[graphql(default)]
    pub works_elsewhere: bool,
    /// Tripartite agreement signed on.
    pub agreement_signed_on: Option<Date>,
    /// The guardian signed the agreement too.
    #[graphql(default)]
    pub agreement_guardian_signed: bool,
    /// The student's informed consent recorded.
    #[graphql(default)]
    pub consent_given: bool,
    /// A minor's guardian's informed consent recorded (needed when the student is under 18 on the
    /// start date).
    #[graphql(default)]
    pub guardian_consent_given: bool,
    /// For a placement the student arranged (`arrangedBy: STUDENT`): the day the school approved
    /// the student's application. Such a placement needs it instead of the informed consent of a
    /// placement the school organises (`SCHOOL_APPROVAL_REQUIRED`, 2021 rules, ch. 2).
    pub application_approved_on: Option<Date>,
    /// Liability insurance policy number.
    pub insurance_policy: Option<String>,
    /// Insurance cover starts.
    pub insurance_start: Option<Date>,
    /// Insurance cover ends.
    pub insurance_end: Option<Date>,
    /// First day.
    pub start_date: Date,
    /// Last day (not before the first).
    pub end_date: Date,
    /// The training site the placement takes place in (global ID of a `TrainingSite`;
    /// `NOT_FOUND`), e.g. the host's school-in-factory base (厂中校, Founding notice 二(一)3) or the
    /// school's factory-in-school (校中厂, 二(一)2). Its host or one of its partners must be the
    /// school or the host (`SITE_NOT_OF_PLACEMENT`). Optional.
    pub training_site_id: Option<ID>,
}

/// The internship posts a firm sets up for vocational students in one year (the 2% rule, Weihai
/// 2020 plan (十) and task 20; Huancui task list, item 8). Replaces an earlier declaration for
/// the same year.
#[derive(InputObject)]
pub struct OfferInternshipPostsInput {
    /// The declaring firm (global ID of a member unit; `NOT_FOUND`). An enterprise, or a unit
    /// the secretariat marked to carry a firm's commitments (`WRONG_HOST_KIND` otherwise). A
    /// firm's staff name their own unit (`FORBIDDEN` otherwise).
    pub unit_id: ID,
    /// The calendar year, 2000–2100 (`INVALID`).
    pub year: i32,
    /// Posts set up (persons): 0–10,000 (`MUST_BE_NON_NEGATIVE`, `TOO_LARGE`); 0 corrects an
    /// earlier declaration.
    pub posts: i32,
    /// The specialties the posts serve: at most 50 (`TOO_LARGE`), each 1–100 characters (`BLANK`,
    /// `TOO_LONG`); repeats are dropped. Default none.
    #[graphql(default)]
    pub specialties: Vec<String>,
}

/// Names one placement.
#[derive(InputObject)]
pub struct InternshipPlacementIdInput {
    /// Global ID of the placement.
    pub id: ID,
}

/// Ends a placement early.
#[derive(InputObject)]
pub struct TerminateInternshipPlacementInput {
    /// Global ID of the placement.
    pub id: ID,
    /// Why (`BLANK`).
    pub reason: String,
}

/// The host's confirmation of a placement.
#[derive(InputObject)]
pub struct ConfirmInternshipPlacementInput {
    /// Global ID of the placement.
    pub id: ID,
    /// The host attests that it charges no deposits or fees and holds no ID cards (NO_FEES).
    pub no_fees_attested: bool,
}

/// A graduate's outcome.
#[derive(InputObject)]
pub struct RecordGraduateOutcomeInput {
    /// The student, by student number (`NOT_FOUND`).
    pub student_number: String,
    /// Year of graduation.
    pub graduation_year: i32,
    /// Employed, further study, or not yet employed.
    pub status: OutcomeStatus,
    /// The employer, when a member unit (global ID).
    pub employer_unit_id: Option<ID>,
    /// The employer's name, for a non-member.
    pub employer_name: Option<String>,
    /// The employer's district, when in Weihai.
    pub employer_district: Option<District>,
    /// Employed in Weihai (留威就业).
    #[graphql(default)]
    pub in_weihai: bool,
    /// Hired by the internship host or an order-class sponsor.
    #[graphql(default)]
    pub hired_by_host_or_sponsor: bool,
    /// Date reported.
    pub reported_on: Date,
}

/// Which placements `internshipPlacements` returns. Fields combine with AND; lists match any value.
#[derive(InputObject, Default)]
pub struct InternshipPlacementFilter {
    /// Placements in any of these statuses.
    pub statuses: Option<Vec<PlacementStatus>>,
    /// Placements of students of any of these schools (global IDs of member units).
    pub school_ids: Option<Vec<ID>>,
    /// Placements hosted by any of these member units (global IDs).
    pub host_ids: Option<Vec<ID>>,
    /// Placements starting in this year.
    pub start_year: Option<i32>,
    /// Substring of the host's name or the post title.
    pub search: Option<String>,
}

impl InternshipPlacementFilter {
    /// The core filter, with the IDs decoded.
    ///
    /// # Errors
    /// `BAD_USER_INPUT` for IDs of other types.
    pub fn to_core(self) -> Result<PlacementFilter, ApiError> {
        Ok(PlacementFilter {
            statuses: self.statuses,
            school_ids: self
                .school_ids
                .map(|ids| member_unit_ids(&ids, "schoolIds"))
                .transpose()?,
            host_ids: self
                .host_ids
                .map(|ids| member_unit_ids(&ids, "hostIds"))
                .transpose()?,
            start_year: self.start_year,
            search: self.search,
        })
    }
}
