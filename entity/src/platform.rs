//! `platform`: a high-skill platform a member holds (高技能人才平台载体, Ten Measures (1), (4)) —
//! a skill-master studio or station, a WorldSkills training base, a quality school — with its
//! approval.

use sea_orm::entity::prelude::*;

use crate::enums::PlatformKind;

/// One platform; unique per member, kind and name.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "platform")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The member that holds it.
    pub unit_id: Uuid,
    /// Its kind (which fixes its level and its grant).
    pub kind: PlatformKind,
    /// Its name as approved (1–200 characters).
    pub name: String,
    /// The day it was approved.
    pub approved_on: Date,
    /// The approving document: issuer, title, number (1–300 characters).
    pub document: String,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
