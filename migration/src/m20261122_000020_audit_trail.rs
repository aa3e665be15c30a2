//! The audit trail (督导 needs evidence): `audit_event`, one row per write (create, update, delete)
//! by the API, an import or the command line, and per read of a student's personal data by anyone
//! but the student's school. Written in the same transaction as the write it records. Personal
//! fields are recorded as changed, never their values (`docs/audit.md`).
//!
//! No foreign keys: an event outlives the account, unit or record it names (a deleted record's
//! history is still evidence). Indexes serve the lists: by object, by unit (actor, owner,
//! partner), by account, and by time for the retention purge.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(a("audit_event"))
                    .col(pk_uuid(a("id")))
                    .col(timestamp_with_time_zone(a("occurred_at")))
                    .col(string_len(a("source"), 10))
                    .col(string_len(a("action"), 10))
                    .col(string_len(a("operation"), 100))
                    .col(uuid_null(a("account_id")))
                    .col(uuid_null(a("actor_unit_id")))
                    .col(string_len(a("object_type"), 64))
                    .col(uuid(a("object_id")))
                    .col(uuid_null(a("owner_unit_id")))
                    .col(uuid_null(a("partner_unit_id")))
                    .col(text_null(a("changes")))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_audit_event_object", "object_id"),
            ("idx_audit_event_actor_unit", "actor_unit_id"),
            ("idx_audit_event_owner_unit", "owner_unit_id"),
            ("idx_audit_event_partner_unit", "partner_unit_id"),
            ("idx_audit_event_account", "account_id"),
            ("idx_audit_event_occurred_at", "occurred_at"),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(a("audit_event"))
                        .col(a(column))
                        .col(a("id"))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(a("audit_event")).to_owned())
            .await
    }
}
