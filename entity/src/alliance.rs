//! `alliance`: the group itself (集团（联盟）). One row; a setting, so another city's group can run
//! the same software (`docs/domain.md`: "a setting, not hard-wired").

use sea_orm::entity::prelude::*;

/// The alliance's one row.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alliance")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Full name as the founding document prints it, e.g. 威海市技工教育集团（联盟）.
    pub name: String,
    /// City the alliance serves, e.g. 威海市.
    pub city: String,
    /// Date of founding (the founding notice's date).
    pub founded_on: Date,
    /// Title of the founding document.
    pub founding_document: String,
    /// Body that issued the founding document.
    pub issuer: String,
    /// Source file and section this row was taken from.
    pub source: String,
    /// When the spring term (春季学期) starts each year, `MM-DD` (default `03-01`).
    pub spring_term_starts: String,
    /// When the autumn term (秋季学期) starts each year, `MM-DD` (default `09-01`).
    pub autumn_term_starts: String,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
