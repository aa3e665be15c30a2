//! `training_site`: a training site (实训基地): 校中厂, 厂中校, public or industry-education base (Founding notice 二(一)2–3; Ten Measures (3)).

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `training_site`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "training_site")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Kind of site.
    pub kind: SiteKind,
    /// The unit that hosts it (a school for 校中厂, a non-school unit for 厂中校).
    pub host_unit_id: Uuid,
    /// Name.
    pub name: String,
    /// Address.
    pub address: Option<String>,
    /// District.
    pub district: Option<District>,
    /// Specialties served, one per line.
    pub specialties: String,
    /// Students it can take at once.
    pub student_capacity: Option<i32>,
    /// Production lines or projects (free text).
    pub production_lines: Option<String>,
    /// Opened on.
    pub opened_on: Option<Date>,
    /// Status.
    pub status: SiteStatus,
    /// When created (UTC).
    pub created_at: DateTimeUtc,
    /// When last changed (UTC).
    pub updated_at: DateTimeUtc,
    /// When the owner archived it (UTC); null while in use. Archived rows stay readable by
    /// `node()` but drop out of lists and compliance (`docs/domain.md`, Correcting and archiving).
    pub archived_at: Option<DateTimeUtc>,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
