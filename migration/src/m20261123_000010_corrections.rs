//! Every record can be corrected, archived or withdrawn: nothing another record depends
//! on is deleted; it is archived instead and kept readable.
//!
//! - `archived_at` (nullable timestamp, UTC) on `training_site`, `practice_station`, `craftsman`,
//!   `career_mentor`, `event` and `student`: when the owner archived the record (a site closed for
//!   good, a craftsman who left the pool, a student who left the school — their placements stay).
//! - `craftsman_assignment.withdrawn_at`: when the school (or the secretariat) withdrew an
//!   assignment it had recorded.
//! - `apprenticeship.ended_on` and `termination_reason`: the actual last day of an apprenticeship
//!   that was completed or terminated, and why it was terminated. `end_date` stays the planned last
//!   day. The status value `WITHDRAWN`, which nothing ever wrote, becomes `TERMINATED`.
//!
//! Existing rows get null everywhere: nothing was archived, withdrawn or ended.

use sea_orm_migration::sea_orm::ConnectionTrait;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Col {
    ArchivedAt,
    WithdrawnAt,
    EndedOn,
    TerminationReason,
}

/// The tables that get `archived_at`.
const ARCHIVABLE: [&str; 6] = [
    "training_site",
    "practice_station",
    "craftsman",
    "career_mentor",
    "event",
    "student",
];

/// Every column this migration adds, with its table.
fn columns() -> Vec<(&'static str, ColumnDef)> {
    let mut out: Vec<(&'static str, ColumnDef)> = ARCHIVABLE
        .iter()
        .map(|t| (*t, timestamp_with_time_zone_null(Col::ArchivedAt)))
        .collect();
    out.push((
        "craftsman_assignment",
        timestamp_with_time_zone_null(Col::WithdrawnAt),
    ));
    out.push(("apprenticeship", date_null(Col::EndedOn)));
    out.push(("apprenticeship", text_null(Col::TerminationReason)));
    out
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for (table, col) in columns() {
            let mut col = col;
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(&mut col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE apprenticeship SET status = 'TERMINATED' WHERE status = 'WITHDRAWN'",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE apprenticeship SET status = 'WITHDRAWN' WHERE status = 'TERMINATED'",
            )
            .await?;
        for (table, col) in columns().into_iter().rev() {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .drop_column(Alias::new(col.get_column_name()))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
