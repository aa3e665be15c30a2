//! `order_class`: a class trained to one or more enterprises' order (订单班, Founding notice 二(三)6;
//! Ten Measures (5)).

use sea_orm::entity::prelude::*;

use crate::enums::OrderClassStatus;

/// An order class, run by one school for its sponsoring firms.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_class")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The demand it answers, if any.
    pub demand_id: Option<Uuid>,
    /// The school that runs it.
    pub school_id: Uuid,
    /// Class name, e.g. 威高数控订单班.
    pub name: String,
    /// Specialty name.
    pub specialty_name: String,
    /// Specialty code, if given.
    pub specialty_code: Option<String>,
    /// Year the cohort enrols.
    pub cohort_year: i32,
    /// Planned seats (> 0); the sponsors' seats sum to it.
    pub planned_seats: i32,
    /// Total specialty course hours of the training plan.
    pub total_specialty_hours: i32,
    /// Specialty hours taught in enterprise workshops (≥ 50% of the total, Ten Measures (5)).
    pub enterprise_workshop_hours: i32,
    /// Core-skill practice hours (≥ 150% of the ordinary class's, Ten Measures (5)).
    pub core_practice_hours: i32,
    /// The school's ordinary-class core practice hours for the same specialty.
    pub ordinary_class_practice_hours: i32,
    /// Five integrations (五融通): course goals agreed with the firms.
    pub course_goals_agreed: bool,
    /// Note on course goals.
    pub course_goals_note: Option<String>,
    /// Course model agreed.
    pub course_model_agreed: bool,
    /// Note on the course model.
    pub course_model_note: Option<String>,
    /// Teaching content agreed.
    pub content_agreed: bool,
    /// Note on content.
    pub content_note: Option<String>,
    /// Teaching management agreed.
    pub management_agreed: bool,
    /// Note on management.
    pub management_note: Option<String>,
    /// Assessment agreed.
    pub assessment_agreed: bool,
    /// Note on assessment.
    pub assessment_note: Option<String>,
    /// Workflow status.
    pub status: OrderClassStatus,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// When the school accepted the plan (UTC).
    pub school_accepted_at: Option<DateTimeUtc>,
    /// Account that accepted for the school.
    pub school_accepted_by: Option<Uuid>,
    /// When it became AGREED (UTC).
    pub agreed_at: Option<DateTimeUtc>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
    /// Students enrolled (≥ 0). Kept by the database in the same transaction as every write to
    /// `enrolment` (migration `m20261202_000001_enrolment_counts`); never written by the API: a new
    /// class has none (0), and an update writes only the columns it changes.
    pub enrolled_count: i64,
    /// Enrolments with a signed pre-employment agreement (三方预就业协议, ≥ 0); kept as
    /// `enrolled_count` is.
    pub agreements_signed: i64,
}

// Read by position on the busiest pages (`crate::positional`).
crate::positional::positional!(
    id,
    demand_id,
    school_id,
    name,
    specialty_name,
    specialty_code,
    cohort_year,
    planned_seats,
    total_specialty_hours,
    enterprise_workshop_hours,
    core_practice_hours,
    ordinary_class_practice_hours,
    course_goals_agreed,
    course_goals_note,
    course_model_agreed,
    course_model_note,
    content_agreed,
    content_note,
    management_agreed,
    management_note,
    assessment_agreed,
    assessment_note,
    status,
    cancel_reason,
    school_accepted_at,
    school_accepted_by,
    agreed_at,
    created_at,
    updated_at,
    enrolled_count,
    agreements_signed,
);

/// Relations of an order class.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The school.
    #[sea_orm(
        belongs_to = "super::member_unit::Entity",
        from = "Column::SchoolId",
        to = "super::member_unit::Column::Id",
        on_delete = "Restrict"
    )]
    School,
    /// The demand it answers.
    #[sea_orm(
        belongs_to = "super::order_class_demand::Entity",
        from = "Column::DemandId",
        to = "super::order_class_demand::Column::Id",
        on_delete = "Restrict"
    )]
    Demand,
    /// Its sponsors.
    #[sea_orm(has_many = "super::order_class_sponsor::Entity")]
    Sponsor,
}

impl Related<super::order_class_sponsor::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sponsor.def()
    }
}

crate::audited!();
