//! SQLite only: a count of the changes to each table an API instance caches rows of, kept by
//! triggers, so that an instance on SQLite may cache member units and still see any change at
//! once, whoever wrote it (`api::row_cache`, `docs/performance.md`, "Cached rows").
//!
//! - `row_version (table_name TEXT PRIMARY KEY, version INTEGER)`: one row per counted table
//!   (here `member_unit`), starting at 0.
//! - Triggers `member_unit_updated` and `member_unit_deleted` add 1 to `member_unit`'s count on
//!   every updated or deleted row, in the writing transaction, whoever writes (this API, another
//!   instance on the same file, the command-line tool, a hand-written `UPDATE`). A new row needs
//!   no count: no instance can have cached it.
//!
//! PostgreSQL tells instances of changes with notifications instead (migration
//! `m20261201_000001_member_unit_changes`): nothing changes there. A later migration that
//! rebuilds `member_unit` on SQLite (a copy swapped in for the table) must create these triggers
//! again; the end-to-end test of a unit renamed behind the API's back fails otherwise.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 4] = [
    "CREATE TABLE row_version (table_name TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL)",
    "INSERT INTO row_version (table_name, version) VALUES ('member_unit', 0)",
    "CREATE TRIGGER member_unit_updated AFTER UPDATE ON member_unit BEGIN \
     UPDATE row_version SET version = version + 1 WHERE table_name = 'member_unit'; END",
    "CREATE TRIGGER member_unit_deleted AFTER DELETE ON member_unit BEGIN \
     UPDATE row_version SET version = version + 1 WHERE table_name = 'member_unit'; END",
];

const DOWN: [&str; 3] = [
    "DROP TRIGGER IF EXISTS member_unit_updated",
    "DROP TRIGGER IF EXISTS member_unit_deleted",
    "DROP TABLE IF EXISTS row_version",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::on_sqlite(manager, &UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::on_sqlite(manager, &DOWN).await
    }
}
