//! `self_assessment`: a member's own account of one item of a round (自评), with links to its
//! records as evidence.

use sea_orm::entity::prelude::*;

/// One self-assessment; unique per (item, member). A new one replaces the old.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "self_assessment")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The round.
    pub round_id: Uuid,
    /// The item.
    pub item_id: Uuid,
    /// The member assessing itself.
    pub unit_id: Uuid,
    /// The text (at most 4,000 characters).
    pub text: String,
    /// The global IDs of the records it cites, as a JSON array of strings (at most 20).
    pub evidence: String,
    /// When it was first written (UTC).
    pub created_at: DateTimeUtc,
    /// When it was last replaced (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
