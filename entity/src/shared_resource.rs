//! `shared_resource`: equipment or a site a member shares with the others (Founding notice 三(二):
//! "鼓励集团内企业、院校之间共享生产教学设施设备和场地").

use sea_orm::entity::prelude::*;

use crate::enums::SharedResourceKind;

/// One shared resource.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shared_resource")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The member that owns it and shares it.
    pub unit_id: Uuid,
    /// Equipment or a site.
    pub kind: SharedResourceKind,
    /// What it is (1–200 characters).
    pub name: String,
    /// Where it is (1–200 characters).
    pub location: String,
    /// How many people one slot takes (1–10,000).
    pub capacity: i32,
    /// On what conditions it is shared: hours, fees, safety, operators (at most 4,000 characters).
    pub conditions: String,
    /// When the owner stopped sharing it (UTC); null while shared.
    pub archived_at: Option<DateTimeUtc>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
