//! Indexes that keep the busiest reads flat as placements grow to millions (`docs/performance.md`):
//!
//! - `internship_placement (school_id, id)` and `(host_unit_id, id)`: a school's or a host's
//!   placements, newest first, read in index order and cut at the page, instead of every row of
//!   the school sorted. They replace the one-column `idx_placement_school` and
//!   `idx_placement_host`, which they cover.
//! - `internship_placement (host_key, start_date)`: the interns overlapping a placement at its
//!   host, for the ratio rules (a self-join per batch of placements).
//! - `student (school_id, id)`: a school's students, newest first.
//!
//! No data changes.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (name, table, columns) of every index this migration creates.
const CREATED: [(&str, &str, &[&str]); 4] = [
    (
        "idx_placement_school_id",
        "internship_placement",
        &["school_id", "id"],
    ),
    (
        "idx_placement_host_unit_id",
        "internship_placement",
        &["host_unit_id", "id"],
    ),
    (
        "idx_placement_host_key_start",
        "internship_placement",
        &["host_key", "start_date"],
    ),
    ("idx_student_school_id", "student", &["school_id", "id"]),
];

/// (name, table, column) of the indexes the new ones cover, dropped.
const REPLACED: [(&str, &str, &str); 2] = [
    ("idx_placement_school", "internship_placement", "school_id"),
    ("idx_placement_host", "internship_placement", "host_unit_id"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in CREATED {
            let mut index = Index::create();
            index.name(name).table(Alias::new(table));
            for c in columns {
                index.col(Alias::new(*c));
            }
            manager.create_index(index).await?;
        }
        for (name, table, _) in REPLACED {
            manager
                .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, column) in REPLACED {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Alias::new(table))
                        .col(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        for (name, table, _) in CREATED {
            manager
                .drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
