//! `teacher`: a member school's teacher in the alliance's teacher pool (威海技工教育师资库, Ten
//! Measures (6)), with the teaching-staff committee's dual-qualified (双师型) certification.

use sea_orm::entity::prelude::*;

/// One teacher of one member school.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "teacher")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The school the teacher works at.
    pub school_id: Uuid,
    /// Name (personal: recorded in the audit trail as changed, never by value).
    pub name: String,
    /// Specialties taught, one per line (at most 200 characters).
    pub specialties: String,
    /// Professional titles (职称), one per line (at most 200 characters).
    pub professional_titles: String,
    /// Skill levels or vocational qualifications (技能等级), one per line (at most 200 characters).
    pub skill_levels: String,
    /// A specialty teacher (专业教师): counted in the dual-qualified share (Weihai 2020 plan,
    /// task 30: "专业教师“双师型”比例达到 80%").
    pub specialty_teacher: bool,
    /// A subject leader (专业带头人, Ten Measures (6)).
    pub subject_leader: bool,
    /// A skill master (技能大师, Ten Measures (6)).
    pub skill_master: bool,
    /// Phone (personal: the school, the teaching-staff committee and the secretariat only).
    pub phone: Option<String>,
    /// The industry qualification the teacher holds (a criterion of the certification; at most
    /// 10,000 characters).
    pub industry_qualification: Option<String>,
    /// The day the teaching-staff committee certified the teacher dual-qualified; null when not
    /// (or no longer) certified.
    pub dual_qualified_on: Option<Date>,
    /// The evidence the certification rests on (at most 10,000 characters).
    pub dual_qualified_evidence: Option<String>,
    /// The account that recorded the certification.
    pub dual_qualified_by: Option<Uuid>,
    /// The day the teacher left the school; null while on its staff.
    pub left_on: Option<Date>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
