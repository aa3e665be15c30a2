//! High-skill platforms and their grants (`docs/people.md`, Platforms): `platform` (a member's
//! approved platform, unique per member, kind and name) and `platform_grant` (the one-off grant the
//! kind carries under Ten Measures (1), (4), one per platform, in CNY fen, due → paid).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

fn fk(table: &str, column: &str, to: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(a(table), a(column))
        .to(a(to), a("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(a("platform"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("unit_id")))
                    .col(string_len(a("kind"), 40))
                    .col(string_len(a("name"), 200))
                    .col(date(a("approved_on")))
                    .col(string_len(a("document"), 300))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut fk("platform", "unit_id", "member_unit"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_platform_unit_kind_name")
                    .table(a("platform"))
                    .col(a("unit_id"))
                    .col(a("kind"))
                    .col(a("name"))
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("platform_grant"))
                    .col(pk_uuid(a("id")))
                    .col(uuid_uniq(a("platform_id")))
                    .col(uuid(a("unit_id")))
                    .col(string_len(a("kind"), 40))
                    .col(big_integer(a("amount_fen")))
                    .col(date(a("due_on")))
                    .col(date_null(a("paid_on")))
                    .col(string_len_null(a("reference"), 100))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut fk("platform_grant", "platform_id", "platform"))
                    .foreign_key(&mut fk("platform_grant", "unit_id", "member_unit"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_platform_grant_unit_due")
                    .table(a("platform_grant"))
                    .col(a("unit_id"))
                    .col(a("due_on"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in ["platform_grant", "platform"] {
            manager
                .drop_table(Table::drop().table(a(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
