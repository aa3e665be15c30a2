//! `practice_station`: a teacher practice station (教师活动站, Founding notice 二(二)4) hosted by a firm.

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `practice_station`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "practice_station")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The host firm.
    pub host_unit_id: Uuid,
    /// Name.
    pub name: String,
    /// Specialties, one per line.
    pub specialties: String,
    /// Address.
    pub address: Option<String>,
    /// Contact person.
    pub contact_person: Option<String>,
    /// Contact phone (personal: the host and the secretariat only).
    pub contact_phone: Option<String>,
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
