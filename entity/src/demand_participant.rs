//! `demand_participant`: a firm taking part in a demand with its own headcount. The posting firm is
//! one; others join a joint demand (联合组班, Founding notice 二(三)6).

use sea_orm::entity::prelude::*;

/// One firm's share of a demand; unique per (demand, firm).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "demand_participant")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The demand.
    pub demand_id: Uuid,
    /// The firm.
    pub enterprise_id: Uuid,
    /// Students it wants (> 0).
    pub headcount: i32,
    /// Whether it posted the demand (the others joined it).
    pub is_poster: bool,
    /// When it joined (UTC).
    pub created_at: DateTimeUtc,
}

/// Relations of a participant.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The demand.
    #[sea_orm(
        belongs_to = "super::order_class_demand::Entity",
        from = "Column::DemandId",
        to = "super::order_class_demand::Column::Id",
        on_delete = "Cascade"
    )]
    Demand,
    /// The firm.
    #[sea_orm(
        belongs_to = "super::member_unit::Entity",
        from = "Column::EnterpriseId",
        to = "super::member_unit::Column::Id",
        on_delete = "Restrict"
    )]
    Enterprise,
}

impl Related<super::order_class_demand::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Demand.def()
    }
}

impl Related<super::member_unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Enterprise.def()
    }
}

crate::audited!();
