//! `apprenticeship`: a new-style apprenticeship (企业新型学徒制, Founding notice 二(三)7).

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `apprenticeship`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "apprenticeship")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The firm.
    pub unit_id: Uuid,
    /// The partner school.
    pub school_id: Uuid,
    /// The apprentice (personal: the firm, the school, the secretariat only).
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
    /// Planned last day (required on create; older rows may lack it).
    pub end_date: Option<Date>,
    /// Status.
    pub status: ApprenticeshipStatus,
    /// When created (UTC).
    pub created_at: DateTimeUtc,
    /// The actual last day, once COMPLETED or TERMINATED.
    pub ended_on: Option<Date>,
    /// Why it was TERMINATED (null otherwise).
    pub termination_reason: Option<String>,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
