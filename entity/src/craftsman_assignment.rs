//! `craftsman_assignment`: a craftsman's assignment to a school.

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `craftsman_assignment`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "craftsman_assignment")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The craftsman.
    pub craftsman_id: Uuid,
    /// The school.
    pub school_id: Uuid,
    /// Role.
    pub role: CraftsmanRole,
    /// Term, e.g. 2026-2027-1.
    pub term: String,
    /// Hours.
    pub hours: i32,
    /// When the craftsman's firm confirmed the assignment (UTC); set at once when the
    /// secretariat records it.
    pub confirmed_at: Option<DateTimeUtc>,
    /// When the craftsman's firm declined the assignment (UTC).
    pub declined_at: Option<DateTimeUtc>,
    /// When created (UTC).
    pub created_at: DateTimeUtc,
    /// When the school (or the secretariat) withdrew the assignment (UTC); a withdrawn
    /// assignment is kept but no longer stands.
    pub withdrawn_at: Option<DateTimeUtc>,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
