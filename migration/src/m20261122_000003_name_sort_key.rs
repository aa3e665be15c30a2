//! Member units sort by the pinyin of their names (`member_unit.name_sort_key`, see
//! `entity::sort_key`): the column, its index, and the key of every existing row.
//!
//! On PostgreSQL the column is `COLLATE "C"`, so it compares bytewise as on SQLite whatever the
//! database's locale.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let add = match backend {
            DbBackend::Postgres => {
                "ALTER TABLE member_unit ADD COLUMN name_sort_key TEXT NOT NULL DEFAULT '' COLLATE \"C\""
            }
            _ => "ALTER TABLE member_unit ADD COLUMN name_sort_key TEXT NOT NULL DEFAULT ''",
        };
        db.execute_unprepared(add).await?;
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT id, name FROM member_unit",
            ))
            .await?;
        for row in rows {
            let id: uuid::Uuid = row.try_get("", "id")?;
            let name: String = row.try_get("", "name")?;
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                match backend {
                    DbBackend::Postgres => {
                        "UPDATE member_unit SET name_sort_key = $1 WHERE id = $2"
                    }
                    _ => "UPDATE member_unit SET name_sort_key = ? WHERE id = ?",
                },
                [entity::sort_key::name_sort_key(&name).into(), id.into()],
            ))
            .await?;
        }
        db.execute_unprepared(
            "CREATE INDEX idx_member_unit_name_sort_key ON member_unit (name_sort_key, id)",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DROP INDEX idx_member_unit_name_sort_key")
            .await?;
        db.execute_unprepared("ALTER TABLE member_unit DROP COLUMN name_sort_key")
            .await?;
        Ok(())
    }
}
