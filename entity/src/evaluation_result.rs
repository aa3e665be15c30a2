//! `evaluation_result`: the frozen value and points of one member on one item, written when a round
//! is published; later edits of the records do not change it. Republishing a reopened round
//! replaces the round's rows.

use sea_orm::entity::prelude::*;

/// One member's result on one item; unique per (round, member, item).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluation_result")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The round.
    pub round_id: Uuid,
    /// The item.
    pub item_id: Uuid,
    /// The member.
    pub unit_id: Uuid,
    /// A computed item's measured value (0–1); null for a scored item.
    pub value: Option<f64>,
    /// Points earned, 0 to the item's maximum.
    pub points: f64,
    /// The scorer's comment on a scored item, as it stood when published.
    pub comment: Option<String>,
    /// When it was snapshotted (UTC).
    pub created_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
