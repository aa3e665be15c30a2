//! PostgreSQL only: every update or delete of a `member_unit` row sends the unit's id with
//! `pg_notify` on the channel `alliance_member_unit_changes` (a `TRUNCATE` sends `*`), in the
//! writing transaction, so that each API instance drops that unit from its cache of member units
//! as soon as the change commits, whoever made it (`api::row_cache`, `docs/performance.md`).
//! The two trigger functions take the channel as their argument, so another cached table needs
//! only its two triggers. SQLite has no notifications and no cache: nothing changes there.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 4] = [
    r"CREATE FUNCTION notify_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], OLD.id::text);
  RETURN NULL;
END $$",
    r"CREATE FUNCTION notify_table_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '*');
  RETURN NULL;
END $$",
    "CREATE TRIGGER member_unit_changed AFTER UPDATE OR DELETE ON member_unit \
     FOR EACH ROW EXECUTE FUNCTION notify_row_changed('alliance_member_unit_changes')",
    "CREATE TRIGGER member_units_truncated AFTER TRUNCATE ON member_unit \
     FOR EACH STATEMENT EXECUTE FUNCTION notify_table_truncated('alliance_member_unit_changes')",
];

const DOWN: [&str; 4] = [
    "DROP TRIGGER IF EXISTS member_unit_changed ON member_unit",
    "DROP TRIGGER IF EXISTS member_units_truncated ON member_unit",
    "DROP FUNCTION IF EXISTS notify_row_changed()",
    "DROP FUNCTION IF EXISTS notify_table_truncated()",
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
