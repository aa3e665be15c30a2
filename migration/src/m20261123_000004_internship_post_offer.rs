//! The internship posts a firm declares it sets up for vocational students each year
//! (`internship_post_offer`), the measure of the 2% rule: "规模以上企业按职工总数的2%设置职业院校学生
//! 实习岗位" (Weihai 2020 plan (十) and task 20; Huancui task list, item 8). One row per unit and
//! year (`uq_internship_post_offer_unit_year`): a new declaration for the same year replaces the
//! old one. `posts` ≥ 0 (a firm may correct its declaration to 0); `specialties` holds the
//! specialties the posts serve, one per line.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InternshipPostOffer {
    Table,
    Id,
    UnitId,
    Year,
    Posts,
    Specialties,
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
                    .table(InternshipPostOffer::Table)
                    .col(pk_uuid(InternshipPostOffer::Id))
                    .col(uuid(InternshipPostOffer::UnitId))
                    .col(integer(InternshipPostOffer::Year))
                    .col(
                        integer(InternshipPostOffer::Posts)
                            .check(Expr::col(InternshipPostOffer::Posts).gte(0)),
                    )
                    .col(text(InternshipPostOffer::Specialties))
                    .col(timestamp_with_time_zone(InternshipPostOffer::CreatedAt))
                    .col(timestamp_with_time_zone(InternshipPostOffer::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_internship_post_offer_unit_id")
                            .from(InternshipPostOffer::Table, InternshipPostOffer::UnitId)
                            .to(MemberUnit::Table, MemberUnit::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_internship_post_offer_unit_year")
                    .table(InternshipPostOffer::Table)
                    .col(InternshipPostOffer::UnitId)
                    .col(InternshipPostOffer::Year)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(InternshipPostOffer::Table).to_owned())
            .await
    }
}
