//! "Above designated size" (规模以上企业) is known only when the secretariat records it: the
//! column `member_unit.above_designated_size` becomes nullable (null = not known yet), and every
//! seeded row whose value came from the seeds (`false`: the Founding notice's annex says nothing
//! about size) becomes null. A `true` was recorded by the secretariat and stays; so does any value
//! of a unit added through the API.
//!
//! SQLite cannot change a column's nullability in place: the old column is renamed, a nullable one
//! added, the values copied, and the old column dropped. PostgreSQL drops the constraint.

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MemberUnit {
    Table,
    AboveDesignatedSize,
    AboveDesignatedSizeOld,
}

/// Replaces the column by a new one built from `col` on SQLite, copying `copy` (an SQL expression
/// over the old column) into it.
async fn rebuild_on_sqlite(
    manager: &SchemaManager<'_>,
    col: ColumnDef,
    copy: &str,
) -> Result<(), DbErr> {
    let mut col = col;
    manager
        .alter_table(
            Table::alter()
                .table(MemberUnit::Table)
                .rename_column(
                    MemberUnit::AboveDesignatedSize,
                    MemberUnit::AboveDesignatedSizeOld,
                )
                .to_owned(),
        )
        .await?;
    manager
        .alter_table(
            Table::alter()
                .table(MemberUnit::Table)
                .add_column(&mut col)
                .to_owned(),
        )
        .await?;
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "UPDATE member_unit SET above_designated_size = {copy}"
        ))
        .await?;
    manager
        .alter_table(
            Table::alter()
                .table(MemberUnit::Table)
                .drop_column(MemberUnit::AboveDesignatedSizeOld)
                .to_owned(),
        )
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "ALTER TABLE member_unit ALTER COLUMN above_designated_size DROP NOT NULL, \
                     ALTER COLUMN above_designated_size DROP DEFAULT",
                )
                .await?;
                db.execute_unprepared(
                    "UPDATE member_unit SET above_designated_size = NULL \
                     WHERE source IS NOT NULL AND above_designated_size = FALSE",
                )
                .await?;
                Ok(())
            }
            _ => {
                rebuild_on_sqlite(
                    manager,
                    boolean_null(MemberUnit::AboveDesignatedSize),
                    "CASE WHEN source IS NOT NULL AND above_designated_size_old = 0 \
                     THEN NULL ELSE above_designated_size_old END",
                )
                .await
            }
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "UPDATE member_unit SET above_designated_size = FALSE \
                     WHERE above_designated_size IS NULL",
                )
                .await?;
                db.execute_unprepared(
                    "ALTER TABLE member_unit ALTER COLUMN above_designated_size SET DEFAULT FALSE, \
                     ALTER COLUMN above_designated_size SET NOT NULL",
                )
                .await?;
                Ok(())
            }
            _ => {
                rebuild_on_sqlite(
                    manager,
                    boolean(MemberUnit::AboveDesignatedSize)
                        .default(false)
                        .to_owned(),
                    "COALESCE(above_designated_size_old, 0)",
                )
                .await
            }
        }
    }
}
