//! `event`: a yearly activity the plan requires (Founding notice 二(四)9–11).

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `event`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Kind.
    pub kind: EventKind,
    /// Date.
    pub held_on: Date,
    /// Title.
    pub title: String,
    /// Participants (persons).
    pub participants_count: Option<i32>,
    /// Notes.
    pub notes: Option<String>,
    /// When created (UTC).
    pub created_at: DateTimeUtc,
    /// When the owner archived it (UTC); null while in use. Archived rows stay readable by
    /// `node()` but drop out of lists and compliance (`docs/domain.md`, Correcting and archiving).
    pub archived_at: Option<DateTimeUtc>,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
