//! Two more facts about an internship post, for the two national rules not checked before
//! (职业学校学生实习管理规定, 教育部等八部门, 教职成〔2021〕4号, 2021-12-31, art. 16 (4) and (7)):
//!
//! - `female_forbidden_work`: the post involves work forbidden to female workers by
//!   《女职工劳动保护特别规定》 (State Council decree 619, 2012), annex; a female student may not
//!   take it (`FEMALE_FORBIDDEN_WORK`);
//! - `labour_intensity`: the post's physical-labour intensity level by GB 3869-1997
//!   《体力劳动强度分级》, 1 (I) to 4 (IV), null when not recorded; level III or IV is refused for
//!   every student (`HEAVY_LABOUR`).
//!
//! Placements recorded before this migration have `false` and null: nothing was known.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InternshipPlacement {
    Table,
    FemaleForbiddenWork,
    LabourIntensity,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for col in [
            boolean(InternshipPlacement::FemaleForbiddenWork)
                .default(false)
                .to_owned(),
            small_integer_null(InternshipPlacement::LabourIntensity),
        ] {
            let mut col = col;
            manager
                .alter_table(
                    Table::alter()
                        .table(InternshipPlacement::Table)
                        .add_column(&mut col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            InternshipPlacement::FemaleForbiddenWork,
            InternshipPlacement::LabourIntensity,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(InternshipPlacement::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
