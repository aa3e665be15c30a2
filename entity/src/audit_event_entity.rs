//! `audit_event_entity`: one record an audit event is about, when the event is about several —
//! a `READ` lists each student whose personal data the request showed (as FHIR's
//! `AuditEvent.entity`; `docs/audit.md`). Three UUIDs per row, so that recording a page's reads
//! costs one event and a narrow row per student.
//!
//! On SQLite this is a table. On PostgreSQL it is a view of the same columns, one row per element
//! of `audit_event_entity_group.object_ids`. That table stores one row per event and unit, with
//! the unit's records as an array (migration `m20261205_000001_audit_entity_groups`). There,
//! entities are read through this entity and written or deleted through that table.

use sea_orm::entity::prelude::*;

/// A row of `audit_event_entity`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event_entity")]
pub struct Model {
    /// The event (`audit_event.id`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub event_id: Uuid,
    /// The record, of the event's `object_type` (for a `READ`, a student).
    #[sea_orm(primary_key, auto_increment = false)]
    pub object_id: Uuid,
    /// The unit the record belongs to (a student's school), when it names one.
    pub owner_unit_id: Option<Uuid>,
}

/// No relations: an event outlives what it names.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
