//! `enrolment`: a student enrolled in an order class, with their tripartite pre-employment agreement
//! (三方预就业协议, "招生即招工·入校即入职", Ten Measures (7)) once signed.

use sea_orm::entity::prelude::*;

use crate::enums::TargetGroup;

/// One student in one class; unique per (class, student).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrolment")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The class.
    pub order_class_id: Uuid,
    /// The student.
    pub student_id: Uuid,
    /// Regular student, unemployed youth or migrant worker.
    pub target_group: TargetGroup,
    /// When enrolled (UTC).
    pub created_at: DateTimeUtc,
    /// Agreement: the sponsoring firm that will employ the student.
    pub agreement_enterprise_id: Option<Uuid>,
    /// Agreement: date signed by school, firm and student.
    pub agreement_signed_on: Option<Date>,
    /// Agreement: a guardian also signed (required for a minor).
    pub agreement_guardian_signed: bool,
}

/// Relations of an enrolment.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The class.
    #[sea_orm(
        belongs_to = "super::order_class::Entity",
        from = "Column::OrderClassId",
        to = "super::order_class::Column::Id",
        on_delete = "Cascade"
    )]
    OrderClass,
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

impl Related<super::order_class::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OrderClass.def()
    }
}

crate::audited!();
