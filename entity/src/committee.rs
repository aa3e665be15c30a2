//! `committee`: the council, the standing council, the five working committees and the
//! teaching-staff committee (Founding notice 三(一); Ten Measures (6)).

use sea_orm::entity::prelude::*;

use crate::enums::CommitteeKind;

/// A governing or working body.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "committee")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Name as the source document prints it, unique.
    #[sea_orm(unique)]
    pub name: String,
    /// Kind of body.
    pub kind: CommitteeKind,
    /// Display order (1 = council).
    pub sort_order: i32,
    /// Document and section the body is founded by.
    pub source: Option<String>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
}

/// Relations of a committee.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Its memberships.
    #[sea_orm(has_many = "super::committee_membership::Entity")]
    CommitteeMembership,
}

impl Related<super::committee_membership::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CommitteeMembership.def()
    }
}

crate::audited!();
