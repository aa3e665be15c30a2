//! `evaluation_round`: one year's evaluation of the members (督导评估, Founding notice 三(三);
//! `docs/committees.md`, Evaluation rounds). One round per year.

use sea_orm::entity::prelude::*;

use crate::enums::EvaluationStatus;

/// One round.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluation_round")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The year evaluated; unique.
    #[sea_orm(unique)]
    pub year: i32,
    /// Title (at most 200 characters).
    pub title: String,
    /// Where the round stands.
    pub status: EvaluationStatus,
    /// Why it was last reopened, if it was.
    pub reopen_reason: Option<String>,
    /// When it was last published (UTC).
    pub published_at: Option<DateTimeUtc>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
