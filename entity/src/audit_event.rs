//! `audit_event`: one recorded write (create, update, delete) or read of a student's personal
//! data — who, when, which operation, which record (or, for a read, which records: its entities
//! in `crate::audit_event_entity`), and the fields changed (`crate::audit`).

use sea_orm::entity::prelude::*;

use crate::enums::{AuditAction, AuditSource};

/// A row of `audit_event`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    /// UUID v7 primary key (so ids grow with time).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// When it happened (UTC).
    pub occurred_at: DateTimeUtc,
    /// Where it came from.
    pub source: AuditSource,
    /// What it did.
    pub action: AuditAction,
    /// The operation: the GraphQL field (`reportInternshipPlacement`), or the command
    /// (`account create`); at most 100 characters.
    pub operation: String,
    /// The account that did it; null for the command line and the system.
    pub account_id: Option<Uuid>,
    /// The account's unit; null for the secretariat, the command line and the system.
    pub actor_unit_id: Option<Uuid>,
    /// The record's table, e.g. `internship_placement`.
    pub object_type: String,
    /// The record's id; none for a `READ`, whose records (the students read) are its entities
    /// (`crate::audit_event_entity`).
    pub object_id: Option<Uuid>,
    /// The unit the record belongs to (a placement's school, a site's host, …), when it names one;
    /// none for a `READ` (each entity names its own).
    pub owner_unit_id: Option<Uuid>,
    /// The other unit the record involves (a placement's host, …), when it names one.
    pub partner_unit_id: Option<Uuid>,
    /// The fields changed, as a JSON object `{ "field": { "before": …, "after": … } }`; a
    /// personal field is `{ "changed": true }` without values. Null for reads and deletes.
    pub changes: Option<String>,
}

/// No relations: an event outlives what it names.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
