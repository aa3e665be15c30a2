//! PostgreSQL only: the index of a read's students by student (`audit_event_entity.object_id`,
//! which answers "who read this student", `docs/audit.md`) becomes a GIN index (the `btree_gin`
//! extension, shipped with PostgreSQL and trusted, so a database owner may create it) instead of
//! the B-tree `(object_id, event_id)`.
//!
//! Every page that shows students to a reader outside their school writes one entity per
//! student, so the trail grows by tens of rows per page read. A B-tree by student takes each at a
//! random place among all the trail's entities: on the 100,000-placement benchmark that index
//! alone was about 0.4 ms of PostgreSQL's CPU per placements page, a third of PostgreSQL's work
//! for the page (`docs/performance.md`, "Recording reads"). A GIN index appends new entries to a
//! pending list and merges them into the index in sorted runs (`fastupdate`, on by default), at
//! about half that cost. Reads by student (a record's `history`, `auditEvents(filter:
//! {objectId})`) then gather the student's entities and sort them by event, where the B-tree
//! gave them in order: time grows with the number of times that one student was read, not with
//! the trail.
//!
//! SQLite: nothing (it keeps its B-tree). Down restores the B-tree and leaves the extension,
//! which other objects may use.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 3] = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "DROP INDEX IF EXISTS idx_audit_event_entity_object",
    "CREATE INDEX idx_audit_event_entity_object ON audit_event_entity USING gin (object_id)",
];

const DOWN: [&str; 2] = [
    "DROP INDEX IF EXISTS idx_audit_event_entity_object",
    "CREATE INDEX idx_audit_event_entity_object ON audit_event_entity (object_id, event_id)",
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
