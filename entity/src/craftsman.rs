//! `craftsman`: a craftsman or expert a firm lends to schools (兼职人才资源库, Founding notice 二(二)5).

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `craftsman`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "craftsman")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The firm.
    pub unit_id: Uuid,
    /// Name.
    pub name: String,
    /// Skill level.
    pub skill_level: Option<String>,
    /// Specialties, one per line.
    pub specialties: String,
    /// Availability (free text).
    pub availability: Option<String>,
    /// Phone (personal: the firm and the secretariat only).
    pub phone: Option<String>,
    /// When the owner archived it (UTC); null while in use. Archived rows stay readable by
    /// `node()` but drop out of lists and compliance (`docs/domain.md`, Correcting and archiving).
    pub archived_at: Option<DateTimeUtc>,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
