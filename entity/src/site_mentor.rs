//! `site_mentor`: a workplace mentor (师傅) attached to a training site.

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `site_mentor`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "site_mentor")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The site.
    pub site_id: Uuid,
    /// Name.
    pub name: String,
    /// Title.
    pub title: Option<String>,
    /// Skill level, e.g. 高级技师.
    pub skill_level: Option<String>,
    /// Specialty.
    pub specialty: Option<String>,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
