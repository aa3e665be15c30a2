//! `resource_booking`: another member's request for a slot of a shared resource, and the owner's
//! answer.

use sea_orm::entity::prelude::*;

use crate::enums::ResourceBookingStatus;

/// One request.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "resource_booking")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The resource.
    pub resource_id: Uuid,
    /// The member asking (the record's owner in the audit trail).
    pub unit_id: Uuid,
    /// The resource's owner (the record's partner).
    pub host_unit_id: Uuid,
    /// The slot's first day.
    pub starts_on: Date,
    /// The slot's last day (at most 366 days after the first).
    pub ends_on: Date,
    /// People using it (1 – the resource's capacity).
    pub headcount: i32,
    /// What for (1–2,000 characters).
    pub purpose: String,
    /// Where it stands.
    pub status: ResourceBookingStatus,
    /// Why the owner declined.
    pub decline_reason: Option<String>,
    /// When it was answered, declined or cancelled (UTC).
    pub decided_at: Option<DateTimeUtc>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
