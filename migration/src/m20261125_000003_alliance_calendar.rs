//! The alliance's calendar (`docs/committees.md`, Per-semester duties): the month and day its
//! spring and autumn terms (学期) start, as `MM-DD`. A setting of the alliance, not of the code;
//! the defaults follow the terms' usual starts (spring about March, autumn about September) and the
//! secretariat changes them with `setAllianceCalendar`. The per-semester duties of Founding notice
//! 二(四)9 are measured against these terms.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Alliance {
    Table,
    SpringTermStarts,
    AutumnTermStarts,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        manager
            .alter_table(
                Table::alter()
                    .table(Alliance::Table)
                    .add_column(string_len(Alliance::SpringTermStarts, 5).default("03-01"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Alliance::Table)
                    .add_column(string_len(Alliance::AutumnTermStarts, 5).default("09-01"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [Alliance::SpringTermStarts, Alliance::AutumnTermStarts] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alliance::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
