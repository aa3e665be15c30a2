//! `evaluation_item`: one item of a round's indicator set: computed from the records by a formula,
//! or scored by a committee or an evaluator against a rubric.

use sea_orm::entity::prelude::*;

use crate::enums::{EvaluationIndicator, EvaluationItemKind, EvaluationScorer, UnitCategory};

/// One item; `position` is unique within the round.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluation_item")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The round.
    pub round_id: Uuid,
    /// Display order, 1-based.
    pub position: i32,
    /// Computed or scored.
    pub kind: EvaluationItemKind,
    /// The formula of a computed item; null for a scored one.
    pub indicator: Option<EvaluationIndicator>,
    /// Title (at most 200 characters).
    pub title: String,
    /// The category of members it applies to; null for all. A computed item applies further
    /// only where its rule does.
    pub applies_to: Option<UnitCategory>,
    /// Points the item is worth (> 0): a computed item's weight, a scored item's maximum.
    pub max_points: f64,
    /// What scorers judge by (scored items).
    pub rubric: Option<String>,
    /// Who scores it (scored items).
    pub scorer: Option<EvaluationScorer>,
    /// The committee that scores it, when `scorer` is COMMITTEE.
    pub scorer_committee_id: Option<Uuid>,
    /// The source of its rule or formula (`docs/sources.md` citation).
    pub source: Option<String>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
