//! A school's enterprise-culture corridor (企业文化长廊, Founding notice 二(四)9: "技工院校在校内建立
//! 企业文化长廊，全方位展示集团企业发展现状、未来规划、工资待遇、主要负责人等情况"): one per school
//! (`uq_culture_corridor_school_id`), with the day it opened, where it is and what it shows.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CultureCorridor {
    Table,
    Id,
    SchoolId,
    OpenedOn,
    Location,
    Content,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MemberUnit {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CultureCorridor::Table)
                    .col(pk_uuid(CultureCorridor::Id))
                    .col(uuid_uniq(CultureCorridor::SchoolId))
                    .col(date(CultureCorridor::OpenedOn))
                    .col(string_len(CultureCorridor::Location, 200))
                    .col(text(CultureCorridor::Content))
                    .col(timestamp_with_time_zone(CultureCorridor::CreatedAt))
                    .col(timestamp_with_time_zone(CultureCorridor::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_culture_corridor_school_id")
                            .from(CultureCorridor::Table, CultureCorridor::SchoolId)
                            .to(MemberUnit::Table, MemberUnit::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CultureCorridor::Table).to_owned())
            .await
    }
}
