//! A career mentor's qualification as a typed value (Founding notice 二(四)10: "1名高级技师或管理人员",
//! a senior technician or a manager): `career_mentor.qualification`, `SENIOR_TECHNICIAN`, `MANAGER`
//! or `OTHER`. Mentors named before it stay null — their free-text title is not read as a
//! qualification — and the commitment counts as unmet until the firm names the qualification.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CareerMentor {
    Table,
    Qualification,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(CareerMentor::Table)
                    .add_column(string_len_null(CareerMentor::Qualification, 30))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(CareerMentor::Table)
                    .drop_column(CareerMentor::Qualification)
                    .to_owned(),
            )
            .await
    }
}
