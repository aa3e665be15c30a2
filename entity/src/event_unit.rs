//! `event_unit`: a unit's part in an event.

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `event_unit`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event_unit")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The event.
    pub event_id: Uuid,
    /// The unit.
    pub unit_id: Uuid,
    /// Organiser or participant.
    pub role: EventRole,
    /// When the unit confirmed its part; null until it does. The recorder's own part, and every
    /// part the secretariat records, are confirmed at once. An event counts for the plan's rules
    /// only when every part is confirmed.
    pub confirmed_at: Option<DateTimeUtc>,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
