//! `meeting_attendance`: a member unit present at a meeting.

use sea_orm::entity::prelude::*;

/// One unit at one meeting; unique per (meeting, unit).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting_attendance")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The meeting.
    pub meeting_id: Uuid,
    /// The unit present.
    pub unit_id: Uuid,
    /// When it was recorded (UTC).
    pub created_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
