//! PostgreSQL only: trigram indexes (the `pg_trgm` extension, with `btree_gin` for the school
//! column; both shipped with PostgreSQL and trusted, so a database owner may create them) on
//! `internship_placement (school_id, host_name)` and `(school_id, post_title)`, so that a
//! placements page searched for a host or a post (`LIKE '%…%'`, which no B-tree serves) reads the
//! matching placements of the school (or, for callers not scoped to a school, the matching
//! placements: a GIN index serves any subset of its columns) rather than every placement in the
//! caller's scope (`docs/performance.md`). Trigrams of Chinese text work under the clusters' UTF-8 locale; a
//! search of fewer than three characters has no trigram, and PostgreSQL then scans as before.
//! SQLite: nothing (its pages are scanned). Down drops the indexes and leaves the extensions,
//! which other objects may use.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 4] = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "CREATE INDEX IF NOT EXISTS internship_placement_school_host_name_trgm ON internship_placement \
     USING gin (school_id, host_name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS internship_placement_school_post_title_trgm ON internship_placement \
     USING gin (school_id, post_title gin_trgm_ops)",
];

const DOWN: [&str; 2] = [
    "DROP INDEX IF EXISTS internship_placement_school_host_name_trgm",
    "DROP INDEX IF EXISTS internship_placement_school_post_title_trgm",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            let db = manager.get_connection();
            for sql in UP {
                db.execute_unprepared(sql).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            let db = manager.get_connection();
            for sql in DOWN {
                db.execute_unprepared(sql).await?;
            }
        }
        Ok(())
    }
}
