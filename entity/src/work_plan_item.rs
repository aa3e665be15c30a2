//! `work_plan_item`: one item of a committee's work plan for a year.

use sea_orm::entity::prelude::*;

use crate::enums::WorkPlanStatus;

/// One item.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "work_plan_item")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The committee whose plan it is.
    pub committee_id: Uuid,
    /// The plan's year.
    pub year: i32,
    /// Title (at most 200 characters).
    pub title: String,
    /// Description (at most 4,000 characters; may be empty).
    pub description: String,
    /// When it is due.
    pub due_on: Option<Date>,
    /// Where it stands.
    pub status: WorkPlanStatus,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
