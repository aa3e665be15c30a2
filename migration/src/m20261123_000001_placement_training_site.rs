//! A placement may name the training site it takes place in
//! (`internship_placement.training_site_id`, nullable, → `training_site`): students intern at a
//! firm's school-in-factory base (厂中校, Founding notice 二(一)3: "院校选送相关专业学生到企业技能实训
//! 基地开展岗位实习"), and Internship rules 2021, art. 2 lets such a base host interns. Placements
//! recorded before name none. Indexed for the site's placements.
//!
//! The foreign key is written inline with the new column (`REFERENCES`), the one form SQLite
//! accepts on an existing table; PostgreSQL takes it as well.

use sea_orm_migration::sea_orm::ConnectionTrait;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InternshipPlacement {
    Table,
    TrainingSiteId,
}

const INDEX: &str = "idx_internship_placement_training_site_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let add = Table::alter()
            .table(InternshipPlacement::Table)
            .add_column(uuid_null(InternshipPlacement::TrainingSiteId))
            .to_owned();
        let sql = manager.get_database_backend().build(&add).sql;
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "{sql} REFERENCES training_site (id) ON DELETE RESTRICT"
            ))
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(InternshipPlacement::Table)
                    .col(InternshipPlacement::TrainingSiteId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(InternshipPlacement::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(InternshipPlacement::Table)
                    .drop_column(InternshipPlacement::TrainingSiteId)
                    .to_owned(),
            )
            .await
    }
}
