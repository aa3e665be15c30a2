//! Two decisions of the secretariat per member unit, so that who may sponsor an order class and
//! who answers a firm's commitments is a setting, not a guess from the unit's kind:
//!
//! - `may_sponsor_order_classes` (nullable): null = decided by kind (enterprises and HR-service
//!   agencies may sponsor, others not); `true` / `false` = the secretariat's decision (e.g. for a
//!   hospital or a training body). Founding notice 二(三)6: classes are trained to firms' orders.
//! - `carries_firm_commitments` (default false): a unit that is not an enterprise by kind (e.g. a
//!   training company, 有限公司) the secretariat marks to carry a firm's commitments in the yearly
//!   compliance check (Founding notice 二(一)3, 二(二)4, 二(四)10; 三(三)).
//!
//! Existing rows get null and false: nothing was decided.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MemberUnit {
    Table,
    MaySponsorOrderClasses,
    CarriesFirmCommitments,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for col in [
            boolean_null(MemberUnit::MaySponsorOrderClasses),
            boolean(MemberUnit::CarriesFirmCommitments)
                .default(false)
                .to_owned(),
        ] {
            let mut col = col;
            manager
                .alter_table(
                    Table::alter()
                        .table(MemberUnit::Table)
                        .add_column(&mut col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            MemberUnit::MaySponsorOrderClasses,
            MemberUnit::CarriesFirmCommitments,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(MemberUnit::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
