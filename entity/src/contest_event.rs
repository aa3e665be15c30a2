//! `contest_event`: one event (赛项) of a contest: a trade and who competes in it.

use sea_orm::entity::prelude::*;

use crate::enums::ContestantKind;

/// One event; unique per contest, trade and kind of contestant.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contest_event")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The contest.
    pub contest_id: Uuid,
    /// The trade or event name (工种 / 赛项; 1–200 characters).
    pub trade: String,
    /// Who competes: students, teachers or workers.
    pub contestant_kind: ContestantKind,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
