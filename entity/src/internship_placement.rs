//! `internship_placement`: a student's internship (岗位实习) at a host unit, reported by the school
//! and checked against the national rules (职业学校学生实习管理规定, 2021; `docs/internship-rules.md`).

use sea_orm::entity::prelude::*;

use crate::enums::{ArrangedBy, PlacementStatus, VenueType};

/// A placement. Unique per (student, host, start date) — the key that makes imports idempotent.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "internship_placement")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The student.
    pub student_id: Uuid,
    /// The student's school (who reports and may see it).
    pub school_id: Uuid,
    /// The host, when it is a member unit.
    pub host_unit_id: Option<Uuid>,
    /// The host's name (a member's registry name, or a non-member firm's name).
    pub host_name: String,
    /// The host's unified social credit code, if known.
    pub host_uscc: Option<String>,
    /// Identity of the host for the uniqueness key: member id, else credit code, else name.
    pub host_key: String,
    /// The order class the student belongs to, if the placement is part of one.
    pub order_class_id: Option<Uuid>,
    /// Post title (岗位).
    pub post_title: String,
    /// Kind of workplace.
    pub venue_type: VenueType,
    /// The post involves work banned for minors (《未成年工特殊保护规定》).
    pub hazardous: bool,
    /// The post involves work forbidden to female workers (《女职工劳动保护特别规定》, annex).
    pub female_forbidden_work: bool,
    /// Physical-labour intensity level of the post by GB 3869-1997, 1 (I) to 4 (IV); `None`
    /// when not recorded.
    pub labour_intensity: Option<i16>,
    /// Scheduled hours per week.
    pub weekly_hours: i32,
    /// The schedule includes night shifts.
    pub night_shifts: bool,
    /// The schedule includes overtime or work on statutory holidays.
    pub overtime: bool,
    /// A host that is not a member: its staff on duty as the school reports it (for the 10%
    /// ratio); `None` for members (the registry's `employee_count` counts) or when not known.
    pub host_staff_count: Option<i32>,
    /// A host that is not a member: the school reports it is a human-resources service agency
    /// (for the intermediary rule); `false` for members (the registry's kind counts).
    pub host_is_agency: bool,
    /// Staff on the same post at the host, if known (for the 20% ratio).
    pub post_staff_count: Option<i32>,
    /// Monthly pay to the intern, CNY.
    pub monthly_pay: i32,
    /// The host's monthly wage for the same post (or its lowest grade), CNY.
    pub post_wage: i32,
    /// Workplace mentor's name (师傅).
    pub mentor_name: Option<String>,
    /// Workplace mentor's title or skill level.
    pub mentor_title: Option<String>,
    /// Who arranged the placement.
    pub arranged_by: ArrangedBy,
    /// The student works at another firm than the host (agency hosting).
    pub works_elsewhere: bool,
    /// Tripartite agreement: date signed.
    pub agreement_signed_on: Option<Date>,
    /// Tripartite agreement: a guardian signed too.
    pub agreement_guardian_signed: bool,
    /// The student's informed consent recorded.
    pub consent_given: bool,
    /// Liability insurance policy number.
    pub insurance_policy: Option<String>,
    /// Insurance cover starts.
    pub insurance_start: Option<Date>,
    /// Insurance cover ends.
    pub insurance_end: Option<Date>,
    /// First day.
    pub start_date: Date,
    /// Last day.
    pub end_date: Date,
    /// Workflow status.
    pub status: PlacementStatus,
    /// Why it was terminated.
    pub termination_reason: Option<String>,
    /// When the host confirmed it (UTC).
    pub host_confirmed_at: Option<DateTimeUtc>,
    /// The host attests that it charges no deposits or fees and holds no ID cards.
    pub no_fees_attested: bool,
    /// A minor's guardian's informed consent recorded.
    pub guardian_consent_given: bool,
    /// For a placement the student arranged: the day the school approved the student's
    /// application (2021 rules, ch. 2); `None` when not approved or not recorded.
    pub application_approved_on: Option<Date>,
    /// The training site the placement takes place in (e.g. a firm's 厂中校 base, Founding notice
    /// 二(一)3), if the school names one; its host or a partner is the placement's school or host.
    pub training_site_id: Option<Uuid>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

// Read by position on the busiest pages (`crate::positional`).
crate::positional::positional!(
    id,
    student_id,
    school_id,
    host_unit_id,
    host_name,
    host_uscc,
    host_key,
    order_class_id,
    post_title,
    venue_type,
    hazardous,
    female_forbidden_work,
    labour_intensity,
    weekly_hours,
    night_shifts,
    overtime,
    host_staff_count,
    host_is_agency,
    post_staff_count,
    monthly_pay,
    post_wage,
    mentor_name,
    mentor_title,
    arranged_by,
    works_elsewhere,
    agreement_signed_on,
    agreement_guardian_signed,
    consent_given,
    insurance_policy,
    insurance_start,
    insurance_end,
    start_date,
    end_date,
    status,
    termination_reason,
    host_confirmed_at,
    no_fees_attested,
    guardian_consent_given,
    application_approved_on,
    training_site_id,
    created_at,
    updated_at,
);

/// The columns of a placement that the national internship rules read (the API's
/// `placement::findings`), with the placement's id, student and member host: what the rule
/// findings' batches select (28 columns rather than 41) when they check a year's placements.
#[derive(Clone, Debug, PartialEq, sea_orm::FromQueryResult)]
pub struct RuleFields {
    /// UUID v7 primary key.
    pub id: Uuid,
    /// The student.
    pub student_id: Uuid,
    /// The host, when it is a member unit.
    pub host_unit_id: Option<Uuid>,
    /// Kind of workplace.
    pub venue_type: VenueType,
    /// The post involves work banned for minors (《未成年工特殊保护规定》).
    pub hazardous: bool,
    /// The post involves work forbidden to female workers (《女职工劳动保护特别规定》, annex).
    pub female_forbidden_work: bool,
    /// Physical-labour intensity level of the post by GB 3869-1997, 1 (I) to 4 (IV); `None`
    /// when not recorded.
    pub labour_intensity: Option<i16>,
    /// Scheduled hours per week.
    pub weekly_hours: i32,
    /// The schedule includes night shifts.
    pub night_shifts: bool,
    /// The schedule includes overtime or work on statutory holidays.
    pub overtime: bool,
    /// A host that is not a member: its staff on duty as the school reports it (for the 10%
    /// ratio); `None` for members (the registry's `employee_count` counts) or when not known.
    pub host_staff_count: Option<i32>,
    /// A host that is not a member: the school reports it is a human-resources service agency
    /// (for the intermediary rule); `false` for members (the registry's kind counts).
    pub host_is_agency: bool,
    /// Staff on the same post at the host, if known (for the 20% ratio).
    pub post_staff_count: Option<i32>,
    /// Monthly pay to the intern, CNY.
    pub monthly_pay: i32,
    /// The host's monthly wage for the same post (or its lowest grade), CNY.
    pub post_wage: i32,
    /// Who arranged the placement.
    pub arranged_by: ArrangedBy,
    /// The student works at another firm than the host (agency hosting).
    pub works_elsewhere: bool,
    /// Tripartite agreement: date signed.
    pub agreement_signed_on: Option<Date>,
    /// Tripartite agreement: a guardian signed too.
    pub agreement_guardian_signed: bool,
    /// The student's informed consent recorded.
    pub consent_given: bool,
    /// Liability insurance policy number.
    pub insurance_policy: Option<String>,
    /// Insurance cover starts.
    pub insurance_start: Option<Date>,
    /// Insurance cover ends.
    pub insurance_end: Option<Date>,
    /// First day.
    pub start_date: Date,
    /// Last day.
    pub end_date: Date,
    /// The host attests that it charges no deposits or fees and holds no ID cards.
    pub no_fees_attested: bool,
    /// A minor's guardian's informed consent recorded.
    pub guardian_consent_given: bool,
    /// For a placement the student arranged: the day the school approved the student's
    /// application (2021 rules, ch. 2); `None` when not approved or not recorded.
    pub application_approved_on: Option<Date>,
}

crate::positional::positional!(for RuleFields:
    id,
    student_id,
    host_unit_id,
    venue_type,
    hazardous,
    female_forbidden_work,
    labour_intensity,
    weekly_hours,
    night_shifts,
    overtime,
    host_staff_count,
    host_is_agency,
    post_staff_count,
    monthly_pay,
    post_wage,
    arranged_by,
    works_elsewhere,
    agreement_signed_on,
    agreement_guardian_signed,
    consent_given,
    insurance_policy,
    insurance_start,
    insurance_end,
    start_date,
    end_date,
    no_fees_attested,
    guardian_consent_given,
    application_approved_on,
);

impl RuleFields {
    /// The columns to select for [`RuleFields`], in its order.
    pub fn columns() -> impl Iterator<Item = Column> {
        crate::positional::projection_columns::<Self, Column>()
    }
}

impl From<&Model> for RuleFields {
    fn from(p: &Model) -> Self {
        Self {
            id: p.id,
            student_id: p.student_id,
            host_unit_id: p.host_unit_id,
            venue_type: p.venue_type,
            hazardous: p.hazardous,
            female_forbidden_work: p.female_forbidden_work,
            labour_intensity: p.labour_intensity,
            weekly_hours: p.weekly_hours,
            night_shifts: p.night_shifts,
            overtime: p.overtime,
            host_staff_count: p.host_staff_count,
            host_is_agency: p.host_is_agency,
            post_staff_count: p.post_staff_count,
            monthly_pay: p.monthly_pay,
            post_wage: p.post_wage,
            arranged_by: p.arranged_by,
            works_elsewhere: p.works_elsewhere,
            agreement_signed_on: p.agreement_signed_on,
            agreement_guardian_signed: p.agreement_guardian_signed,
            consent_given: p.consent_given,
            insurance_policy: p.insurance_policy.clone(),
            insurance_start: p.insurance_start,
            insurance_end: p.insurance_end,
            start_date: p.start_date,
            end_date: p.end_date,
            no_fees_attested: p.no_fees_attested,
            guardian_consent_given: p.guardian_consent_given,
            application_approved_on: p.application_approved_on,
        }
    }
}

/// Relations of a placement.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The student.
    #[sea_orm(
        belongs_to = "super::student::Entity",
        from = "Column::StudentId",
        to = "super::student::Column::Id",
        on_delete = "Restrict"
    )]
    Student,
}

impl Related<super::student::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Student.def()
    }
}

crate::audited!();
