//! PostgreSQL only: trigram indexes (the `pg_trgm` extension, shipped with PostgreSQL and
//! trusted, so a database owner may create it) on `internship_placement.host_name` and
//! `post_title`, so that a placements page searched for a host or a post (`LIKE '%…%'`, which no
//! B-tree serves) reads the matching placements rather than every placement in the caller's scope
//! (`docs/performance.md`). Trigrams of Chinese text work under the clusters' UTF-8 locale; a
//! search of fewer than three characters has no trigram, and PostgreSQL then scans as before.
//! SQLite: nothing (its pages are scanned). Down drops the indexes and leaves the extension,
//! which other objects may use.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 3] = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS internship_placement_host_name_trgm ON internship_placement \
     USING gin (host_name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS internship_placement_post_title_trgm ON internship_placement \
     USING gin (post_title gin_trgm_ops)",
];

const DOWN: [&str; 2] = [
    "DROP INDEX IF EXISTS internship_placement_host_name_trgm",
    "DROP INDEX IF EXISTS internship_placement_post_title_trgm",
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
