//! `graduate_outcome`: where a student went at graduation (毕业去向), reported by the school; the
//! basis of the retention rate in Weihai (留威就业, Founding notice 二(四)11).

use sea_orm::entity::prelude::*;

use crate::enums::{District, OutcomeStatus};

/// One graduate's outcome; one per student.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "graduate_outcome")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The student (unique).
    #[sea_orm(unique)]
    pub student_id: Uuid,
    /// The school.
    pub school_id: Uuid,
    /// Year of graduation.
    pub graduation_year: i32,
    /// Employed, further study, or not yet employed.
    pub status: OutcomeStatus,
    /// The employer, when a member unit.
    pub employer_unit_id: Option<Uuid>,
    /// The employer's name.
    pub employer_name: Option<String>,
    /// The employer's district, when in Weihai.
    pub employer_district: Option<District>,
    /// Employed in Weihai (留威就业).
    pub in_weihai: bool,
    /// Hired by the internship host or an order-class sponsor.
    pub hired_by_host_or_sponsor: bool,
    /// Date the outcome was recorded.
    pub reported_on: Date,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations of an outcome.
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
