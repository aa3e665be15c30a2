//! What one unit records about another counts only after the other confirms: each unit named in
//! an event confirms its part (`event_unit.confirmed_at`); the recorder's own part and every part
//! recorded by the secretariat are confirmed at once. Parts recorded before this migration are
//! taken as confirmed.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EventUnit {
    Table,
    ConfirmedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(EventUnit::Table)
                    .add_column(timestamp_with_time_zone_null(EventUnit::ConfirmedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::update()
                    .table(EventUnit::Table)
                    .value(EventUnit::ConfirmedAt, Expr::current_timestamp())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(EventUnit::Table)
                    .drop_column(EventUnit::ConfirmedAt)
                    .to_owned(),
            )
            .await
    }
}
