//! PostgreSQL only: a read's students are stored one row per school instead of one row per
//! student. The new table `audit_event_entity_group (event_id, owner_unit_id, object_ids)` holds,
//! for each `READ` event and each unit whose records it lists (a student's school), the records
//! as one `uuid[]`. `audit_event_entity` becomes a view that unnests those arrays, so a reader
//! still sees one row per event and record, with the same columns as before (`docs/audit.md`).
//!
//! Why: each page shown to a reader outside the students' school writes one entity per student.
//! On the 100,000-placement benchmark a page of 50 placements names 50 students of about 20
//! schools. One row per student meant 50 heap rows under three indexes: the primary key, the
//! school's index and the GIN index by student. It was the largest part of the database's work
//! for that page (`docs/performance.md`, "Read records grouped by school"). One row per school
//! writes about 20 rows under the same three questions, and the trail takes about a third less
//! space.
//!
//! Indexes on `audit_event_entity_group`:
//! - `(event_id, owner_unit_id)`, for an event's entities and the purge. It is not unique, so
//!   that an older entity without a unit keeps its row.
//! - `(owner_unit_id, event_id)`, for a school's view of who read its students, newest first.
//! - GIN on `object_ids` (the built-in `array_ops`), for who read this student. The query is
//!   `object_ids @> ARRAY[id]`.
//!
//! Existing entities are moved, grouped in order of record; `down` moves them back into the table
//! as migration `m20261204_000001_audit_entity_object_gin` left it.
//!
//! SQLite: nothing. It has no arrays, so it keeps its table of one row per student.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 7] = [
    "CREATE TABLE audit_event_entity_group (\
     event_id uuid NOT NULL, \
     owner_unit_id uuid, \
     object_ids uuid[] NOT NULL)",
    "INSERT INTO audit_event_entity_group (event_id, owner_unit_id, object_ids) \
     SELECT event_id, owner_unit_id, array_agg(object_id ORDER BY object_id) \
     FROM audit_event_entity GROUP BY event_id, owner_unit_id",
    "DROP TABLE audit_event_entity",
    "CREATE VIEW audit_event_entity AS \
     SELECT g.event_id, o.object_id, g.owner_unit_id \
     FROM audit_event_entity_group g CROSS JOIN LATERAL unnest(g.object_ids) AS o(object_id)",
    "CREATE INDEX idx_audit_event_entity_group_event \
     ON audit_event_entity_group (event_id, owner_unit_id)",
    "CREATE INDEX idx_audit_event_entity_group_owner_unit \
     ON audit_event_entity_group (owner_unit_id, event_id)",
    "CREATE INDEX idx_audit_event_entity_group_object \
     ON audit_event_entity_group USING gin (object_ids)",
];

const DOWN: [&str; 6] = [
    "DROP VIEW audit_event_entity",
    "CREATE TABLE audit_event_entity (\
     event_id uuid NOT NULL, \
     object_id uuid NOT NULL, \
     owner_unit_id uuid, \
     PRIMARY KEY (event_id, object_id))",
    "INSERT INTO audit_event_entity (event_id, object_id, owner_unit_id) \
     SELECT g.event_id, o.object_id, g.owner_unit_id \
     FROM audit_event_entity_group g CROSS JOIN LATERAL unnest(g.object_ids) AS o(object_id)",
    "CREATE INDEX idx_audit_event_entity_object ON audit_event_entity USING gin (object_id)",
    "CREATE INDEX idx_audit_event_entity_owner_unit \
     ON audit_event_entity (owner_unit_id, event_id)",
    "DROP TABLE audit_event_entity_group",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::on_postgres(manager, &UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::on_postgres(manager, &DOWN).await
    }
}
