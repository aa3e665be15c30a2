//! `training_project`: a worker-training project a member that trains (a school or a training
//! institution) runs (Founding notice 二(三)8: "加强企业职工在岗培训"), perhaps answering a firm's
//! need, funded perhaps by a department's programme.

use sea_orm::entity::prelude::*;

use crate::enums::{FundingDepartment, SkillLevel};

/// One project.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "training_project")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The member that trains (a school or a training institution; the record's owner).
    pub unit_id: Uuid,
    /// The firm's need it answers, if any.
    pub need_id: Option<Uuid>,
    /// The member firm whose workers it trains, if one (the need's firm when it answers one).
    pub enterprise_id: Option<Uuid>,
    /// Its name (1–200 characters).
    pub name: String,
    /// The trade (工种; 1–200 characters).
    pub trade: String,
    /// The skill level it trains for; null when none.
    pub level: Option<SkillLevel>,
    /// Its first day.
    pub starts_on: Date,
    /// Its last day (not before the first).
    pub ends_on: Date,
    /// How many took part (1–10,000).
    pub participants: i32,
    /// The department whose programme funds it; null when none does.
    pub funding_department: Option<FundingDepartment>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
