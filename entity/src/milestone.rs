//! `milestone`: a stage of the plan (阶段目标): the year and its text, byte for byte as the Founding
//! notice 一 prints it. The notice states no numbers for them; the secretariat attaches indicator
//! targets (`target.milestone_id`).

use sea_orm::entity::prelude::*;

/// One stage of the plan; unique per year.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "milestone")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The year the stage is to be reached by (its end).
    #[sea_orm(unique)]
    pub year: i32,
    /// A short title (at most 200 characters).
    pub title: String,
    /// The stage's text as the source prints it.
    pub text: String,
    /// Document and section (`docs/sources.md` citation).
    pub source: String,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
