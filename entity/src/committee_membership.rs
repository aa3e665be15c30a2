//! `committee_membership`: a member unit's seat on a committee, with its role. The documents do not
//! say who sits where, so none are seeded; the secretariat records them.

use sea_orm::entity::prelude::*;

use crate::enums::CommitteeRole;

/// One unit's seat on one committee; unique per (committee, unit).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "committee_membership")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The committee.
    pub committee_id: Uuid,
    /// The member unit.
    pub member_unit_id: Uuid,
    /// Role on the committee.
    pub role: CommitteeRole,
    /// When the seat was recorded (UTC).
    pub created_at: DateTimeUtc,
    /// When the seat was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations of a membership.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The committee.
    #[sea_orm(
        belongs_to = "super::committee::Entity",
        from = "Column::CommitteeId",
        to = "super::committee::Column::Id",
        on_delete = "Cascade"
    )]
    Committee,
    /// The member unit.
    #[sea_orm(
        belongs_to = "super::member_unit::Entity",
        from = "Column::MemberUnitId",
        to = "super::member_unit::Column::Id",
        on_delete = "Cascade"
    )]
    MemberUnit,
}

impl Related<super::committee::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Committee.def()
    }
}

impl Related<super::member_unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MemberUnit.def()
    }
}

crate::audited!();
