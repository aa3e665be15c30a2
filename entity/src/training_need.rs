//! `training_need`: a firm's need to train its workers (Founding notice 二(三)8: "根据企业人才需求、
//! 岗位需要，为企业开展技能培训"): the trade, the level aimed at and how many.

use sea_orm::entity::prelude::*;

use crate::enums::SkillLevel;

/// One need.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "training_need")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The firm (a member enterprise).
    pub enterprise_id: Uuid,
    /// The trade (工种; 1–200 characters).
    pub trade: String,
    /// The skill level aimed at; null when any.
    pub level: Option<SkillLevel>,
    /// How many workers (1–10,000).
    pub headcount: i32,
    /// What the training should cover, when, where (at most 4,000 characters).
    pub description: String,
    /// The day it was closed (met or dropped); null while open.
    pub closed_on: Option<Date>,
    /// When the row was created (UTC): when the need was posted.
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
