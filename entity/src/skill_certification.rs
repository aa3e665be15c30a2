//! `skill_certification`: a batch of skill-level certificates (技能等级认定) a member issued, by trade
//! and level (Founding notice 二(三)8: "为企业开展技能培训和企业职工技能等级认定"). Counts, not people:
//! no certificate holder's name is stored.

use sea_orm::entity::prelude::*;

use crate::enums::SkillLevel;

/// One batch.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skill_certification")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The member that assessed and issued them (the record's owner).
    pub unit_id: Uuid,
    /// The training project it followed, if any.
    pub project_id: Option<Uuid>,
    /// The member firm whose workers were certified, if one.
    pub enterprise_id: Option<Uuid>,
    /// The trade (工种; 1–200 characters).
    pub trade: String,
    /// The level certified.
    pub level: SkillLevel,
    /// The day the certificates were issued.
    pub certified_on: Date,
    /// How many certificates (1–10,000).
    pub certified: i32,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
