//! What a school records about a firm counts only after the firm agrees (issue "hardening", item
//! 10):
//!
//! - a teacher-practice booking holds one of the station's posts until the host declines it
//!   (`teacher_practice.declined_at`, `decline_reason`); only confirmed stints count for the
//!   school's compliance;
//! - a craftsman's assignment to a school is proposed by the school and confirmed or declined by
//!   the craftsman's firm (`craftsman_assignment.confirmed_at`, `declined_at`). Assignments
//!   recorded before this migration stay unconfirmed: no firm agreed to them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TeacherPractice {
    Table,
    DeclinedAt,
    DeclineReason,
}

#[derive(DeriveIden)]
enum CraftsmanAssignment {
    Table,
    ConfirmedAt,
    DeclinedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for col in [
            timestamp_with_time_zone_null(TeacherPractice::DeclinedAt),
            text_null(TeacherPractice::DeclineReason),
        ] {
            let mut col = col;
            manager
                .alter_table(
                    Table::alter()
                        .table(TeacherPractice::Table)
                        .add_column(&mut col)
                        .to_owned(),
                )
                .await?;
        }
        for col in [
            timestamp_with_time_zone_null(CraftsmanAssignment::ConfirmedAt),
            timestamp_with_time_zone_null(CraftsmanAssignment::DeclinedAt),
        ] {
            let mut col = col;
            manager
                .alter_table(
                    Table::alter()
                        .table(CraftsmanAssignment::Table)
                        .add_column(&mut col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [TeacherPractice::DeclinedAt, TeacherPractice::DeclineReason] {
            manager
                .alter_table(
                    Table::alter()
                        .table(TeacherPractice::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        for col in [
            CraftsmanAssignment::ConfirmedAt,
            CraftsmanAssignment::DeclinedAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(CraftsmanAssignment::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
