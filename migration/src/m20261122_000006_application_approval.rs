//! A placement the student arranged (`arranged_by = STUDENT`) needs the school's approval of the
//! student's application, not the informed consent of a placement the school organises
//! (职业学校学生实习管理规定, 教职成〔2021〕4号, ch. 2): `internship_placement.application_approved_on`,
//! the date the school approved it. Null for placements recorded before (nothing was recorded).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InternshipPlacement {
    Table,
    ApplicationApprovedOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(InternshipPlacement::Table)
                    .add_column(date_null(InternshipPlacement::ApplicationApprovedOn))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(InternshipPlacement::Table)
                    .drop_column(InternshipPlacement::ApplicationApprovedOn)
                    .to_owned(),
            )
            .await
    }
}
