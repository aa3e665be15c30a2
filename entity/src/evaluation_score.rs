//! `evaluation_score`: the points a committee or an evaluator gives one member on one scored item,
//! with a comment.

use sea_orm::entity::prelude::*;

/// One score; unique per (item, member). Scoring again replaces it while the round is in review.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluation_score")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The round.
    pub round_id: Uuid,
    /// The item.
    pub item_id: Uuid,
    /// The member scored. Not named `unit_id`: the audit trail would take it for the record's
    /// owner, and the member would read its scores in `auditEvents` before publication.
    pub evaluated_unit_id: Uuid,
    /// Points, 0 to the item's maximum.
    pub points: f64,
    /// The scorer's comment (at most 2,000 characters; may be empty).
    pub comment: String,
    /// The account that scored.
    pub account_id: Uuid,
    /// When it was first scored (UTC).
    pub created_at: DateTimeUtc,
    /// When it was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
