//! A minor's guardian gives informed consent to a placement separately from the student
//! (职业学校学生实习管理规定 2021, ch. 2; `docs/internship-rules.md` CONSENT_REQUIRED).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InternshipPlacement {
    Table,
    GuardianConsentGiven,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(InternshipPlacement::Table)
                    .add_column(boolean(InternshipPlacement::GuardianConsentGiven).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(InternshipPlacement::Table)
                    .drop_column(InternshipPlacement::GuardianConsentGiven)
                    .to_owned(),
            )
            .await
    }
}
