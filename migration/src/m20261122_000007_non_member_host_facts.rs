//! What a school reports about a host that is not a member, so that the national rules that
//! depend on the host are checked for every placement (职业学校学生实习管理规定, 教职成〔2021〕4号,
//! art. 16 (6) for agencies; 2016 art. 9 for the 10% ratio): `host_staff_count` (the host's staff
//! on duty) and `host_is_agency` (the host is a human-resources service agency). A member's own
//! facts come from the registry instead. Placements recorded before have null and false.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InternshipPlacement {
    Table,
    HostStaffCount,
    HostIsAgency,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for col in [
            integer_null(InternshipPlacement::HostStaffCount),
            boolean(InternshipPlacement::HostIsAgency)
                .default(false)
                .to_owned(),
        ] {
            let mut col = col;
            manager
                .alter_table(
                    Table::alter()
                        .table(InternshipPlacement::Table)
                        .add_column(&mut col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            InternshipPlacement::HostStaffCount,
            InternshipPlacement::HostIsAgency,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(InternshipPlacement::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
