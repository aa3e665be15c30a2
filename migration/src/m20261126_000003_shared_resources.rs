//! Shared equipment and sites (Founding notice 三(二); `docs/people.md`, Shared equipment and
//! sites): `shared_resource` (what a member shares, where, for how many, on what conditions) and
//! `resource_booking` (another member's request for a slot, the owner's answer).

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

fn index(table: &str, name: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(a(table));
    for c in columns {
        i.col(a(c));
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(a("shared_resource"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("unit_id")))
                    .col(string_len(a("kind"), 20))
                    .col(string_len(a("name"), 200))
                    .col(string_len(a("location"), 200))
                    .col(integer(a("capacity")))
                    .col(text(a("conditions")))
                    .col(timestamp_with_time_zone_null(a("archived_at")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut fk("shared_resource", "unit_id", "member_unit"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "shared_resource",
                "idx_shared_resource_unit_id",
                &["unit_id"],
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("resource_booking"))
                    .col(pk_uuid(a("id")))
                    .col(uuid(a("resource_id")))
                    .col(uuid(a("unit_id")))
                    .col(uuid(a("host_unit_id")))
                    .col(date(a("starts_on")))
                    .col(date(a("ends_on")))
                    .col(integer(a("headcount")))
                    .col(text(a("purpose")))
                    .col(string_len(a("status"), 20))
                    .col(text_null(a("decline_reason")))
                    .col(timestamp_with_time_zone_null(a("decided_at")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut fk(
                        "resource_booking",
                        "resource_id",
                        "shared_resource",
                    ))
                    .foreign_key(&mut fk("resource_booking", "unit_id", "member_unit"))
                    .foreign_key(&mut fk("resource_booking", "host_unit_id", "member_unit"))
                    .to_owned(),
            )
            .await?;
        for i in [
            index(
                "resource_booking",
                "idx_resource_booking_resource_starts",
                &["resource_id", "starts_on"],
            ),
            index(
                "resource_booking",
                "idx_resource_booking_unit_id",
                &["unit_id"],
            ),
            index(
                "resource_booking",
                "idx_resource_booking_host_unit_id",
                &["host_unit_id"],
            ),
        ] {
            manager.create_index(i).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in ["resource_booking", "shared_resource"] {
            manager
                .drop_table(Table::drop().table(a(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
