//! `committee_meeting`: a meeting of the council, the standing council or a committee (Founding
//! notice 三(一): "原则上每年召开1次理事会会议").

use sea_orm::entity::prelude::*;

/// One meeting.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "committee_meeting")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The body that met.
    pub committee_id: Uuid,
    /// The day it met.
    pub held_on: Date,
    /// Title (at most 200 characters).
    pub title: String,
    /// The agenda (at most 4,000 characters; may be empty).
    pub agenda: String,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
