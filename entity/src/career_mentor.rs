//! `career_mentor`: a firm's career mentor (职业规划导师, Founding notice 二(四)10); one per firm.

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `career_mentor`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "career_mentor")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The firm (unique).
    #[sea_orm(unique)]
    pub unit_id: Uuid,
    /// Name.
    pub name: String,
    /// Title as the firm writes it (e.g. 高级技师, 人力资源经理).
    pub title: String,
    /// What qualifies the mentor; `None` for mentors named before it was recorded (the commitment
    /// counts as unmet until the firm says).
    pub qualification: Option<MentorQualification>,
    /// When the owner archived it (UTC); null while in use. Archived rows stay readable by
    /// `node()` but drop out of lists and compliance (`docs/domain.md`, Correcting and archiving).
    pub archived_at: Option<DateTimeUtc>,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
