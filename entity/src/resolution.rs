//! `resolution`: a decision a meeting took, with its owner, due date and status.

use sea_orm::entity::prelude::*;

use crate::enums::ResolutionStatus;

/// One resolution; `position` is unique within its meeting.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "resolution")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The meeting that took it.
    pub meeting_id: Uuid,
    /// Order within the meeting, 1-based.
    pub position: i32,
    /// What was resolved (at most 2,000 characters).
    pub text: String,
    /// The member unit that carries it out, if one does.
    pub owner_unit_id: Option<Uuid>,
    /// The committee that carries it out, if one does.
    pub owner_committee_id: Option<Uuid>,
    /// When it is due.
    pub due_on: Option<Date>,
    /// Where it stands.
    pub status: ResolutionStatus,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
