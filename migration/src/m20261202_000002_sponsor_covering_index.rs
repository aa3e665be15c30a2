//! PostgreSQL only: `idx_sponsor_class_covering`, an index of `order_class_sponsor` by
//! `order_class_id` that also holds every other column of a sponsor (`INCLUDE`), so that the
//! sponsors of a page of order classes are read from the index alone (an index-only scan), one
//! probe per class.
//!
//! The unique index `(order_class_id, enterprise_id)` serves the same lookup, but at 4,000
//! sponsors the planner judged 21 probes of it and of the table dearer than reading the whole
//! table, and read all 4,000 rows on every page (0.28 ms of PostgreSQL's time per page of 20
//! classes, against 0.03 ms through this index; `docs/performance.md`). A column added to the
//! table later should be added here too, or the index stops covering the read (the answer stays
//! right, only slower). SQLite has no `INCLUDE` and reads its sponsors through the unique index.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 1] = [
    "CREATE INDEX idx_sponsor_class_covering ON order_class_sponsor (order_class_id) \
     INCLUDE (id, enterprise_id, seats, accepted_at, accepted_by)",
];

const DOWN: [&str; 1] = ["DROP INDEX IF EXISTS idx_sponsor_class_covering"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::on_postgres(manager, &UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::on_postgres(manager, &DOWN).await
    }
}
