//! `contest_unit_award`: an award a contest gives a member unit, such as 优秀组织奖 (Ten Measures (5):
//! "对大赛中取得优异成绩的…单位予以奖励").

use sea_orm::entity::prelude::*;

/// One award; unique per contest, unit and title.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contest_unit_award")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The contest.
    pub contest_id: Uuid,
    /// The member unit honoured.
    pub unit_id: Uuid,
    /// The award's title (1–100 characters), e.g. `优秀组织奖`.
    pub title: String,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
