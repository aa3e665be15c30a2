//! `internship_post_offer`: the internship posts a firm declares it sets up for vocational
//! students in one year — the measure of the 2% rule (Weihai 2020 plan (十) and task 20; Huancui
//! task list, item 8).

use sea_orm::entity::prelude::*;

/// A firm's declaration for one year. Unique per (unit, year): a new declaration replaces the old.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "internship_post_offer")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The declaring firm (a member unit).
    pub unit_id: Uuid,
    /// The calendar year the posts are set up for.
    pub year: i32,
    /// Posts declared (≥ 0; 0 corrects an earlier declaration).
    pub posts: i32,
    /// The specialties the posts serve, one per line (at most 50, each at most 100 characters).
    pub specialties: String,
    /// When the first declaration for the year was made (UTC).
    pub created_at: DateTimeUtc,
    /// When the declaration was last replaced (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
