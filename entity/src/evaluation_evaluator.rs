//! `evaluation_evaluator`: an EVALUATOR account invited to a round; it reads and scores that round
//! only.

use sea_orm::entity::prelude::*;

/// One invitation; unique per (round, account).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluation_evaluator")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The round.
    pub round_id: Uuid,
    /// The EVALUATOR account.
    pub account_id: Uuid,
    /// When it was invited (UTC).
    pub created_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
