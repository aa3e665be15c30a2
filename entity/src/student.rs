//! `student`: a student of one school. Personal data: visible only to the student's school, the
//! firms that sponsor the student's order class, and the committees (`docs/domain.md`).

use sea_orm::entity::prelude::*;

use crate::enums::Gender;

/// A student; unique per (school, student number).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "student")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The school.
    pub school_id: Uuid,
    /// The school's student number (学号).
    pub student_number: String,
    /// Full name.
    pub name: String,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    pub date_of_birth: Date,
    /// Year of study (1 = first year), if known.
    pub year_of_study: Option<i32>,
    /// Specialty (专业), if known.
    pub specialty: Option<String>,
    /// National ID number (居民身份证号), if given; stored, but only ever returned masked.
    pub national_id: Option<String>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
    /// When the owner archived it (UTC); null while in use. Archived rows stay readable by
    /// `node()` but drop out of lists and compliance (`docs/domain.md`, Correcting and archiving).
    pub archived_at: Option<DateTimeUtc>,
}

// Read by position on the busiest pages (`crate::positional`).
crate::positional::positional!(
    id,
    school_id,
    student_number,
    name,
    gender,
    date_of_birth,
    year_of_study,
    specialty,
    national_id,
    created_at,
    updated_at,
    archived_at,
);

/// The columns of a student the placement rules read (`api::placement::findings`: the age on
/// the start date, the year of study, the gender), with the student's id: what the rule findings'
/// batches select (4 columns rather than 12, none of them personal text) when they check a
/// year's placements.
#[derive(Clone, Debug, PartialEq, Eq, sea_orm::FromQueryResult)]
pub struct RuleFields {
    /// UUID v7 primary key.
    pub id: Uuid,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    pub date_of_birth: Date,
    /// Year of study (1 = first year), if known.
    pub year_of_study: Option<i32>,
}

crate::positional::positional!(for RuleFields: id, gender, date_of_birth, year_of_study);

impl RuleFields {
    /// The columns to select for [`RuleFields`], in its order.
    pub fn columns() -> impl Iterator<Item = Column> {
        crate::positional::projection_columns::<Self, Column>()
    }
}

impl From<&Model> for RuleFields {
    fn from(s: &Model) -> Self {
        Self {
            id: s.id,
            gender: s.gender,
            date_of_birth: s.date_of_birth,
            year_of_study: s.year_of_study,
        }
    }
}

/// Relations of a student.
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
}

crate::audited!();
