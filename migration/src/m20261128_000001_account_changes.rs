//! PostgreSQL only: every update or delete of an `account` row sends the account's id with
//! `pg_notify` on the channel `alliance_account_changes` (a `TRUNCATE` sends `*`), in the writing
//! transaction, so that each API instance drops that account from its cache of the accounts
//! behind tokens as soon as the change commits, whoever made it (`api::row_cache`,
//! `docs/performance.md`). SQLite has no notifications and no cache: nothing changes there.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 4] = [
    r"CREATE FUNCTION account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('alliance_account_changes', OLD.id::text);
  RETURN NULL;
END $$",
    r"CREATE FUNCTION accounts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('alliance_account_changes', '*');
  RETURN NULL;
END $$",
    "CREATE TRIGGER account_changed AFTER UPDATE OR DELETE ON account \
     FOR EACH ROW EXECUTE FUNCTION account_changed()",
    "CREATE TRIGGER accounts_truncated AFTER TRUNCATE ON account \
     FOR EACH STATEMENT EXECUTE FUNCTION accounts_truncated()",
];

const DOWN: [&str; 4] = [
    "DROP TRIGGER IF EXISTS account_changed ON account",
    "DROP TRIGGER IF EXISTS accounts_truncated ON account",
    "DROP FUNCTION IF EXISTS account_changed()",
    "DROP FUNCTION IF EXISTS accounts_truncated()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::on_postgres(manager, &UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::on_postgres(manager, &DOWN).await
    }
}
