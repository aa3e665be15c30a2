//! `order_class_sponsor`: a firm sponsoring an order class with a number of seats, and its
//! acceptance of the plan.

use sea_orm::entity::prelude::*;

/// One sponsor of one class; unique per (class, firm).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_class_sponsor")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The class.
    pub order_class_id: Uuid,
    /// The sponsoring firm (a non-school member unit).
    pub enterprise_id: Uuid,
    /// Seats it takes (> 0).
    pub seats: i32,
    /// When it accepted the plan (UTC); null until it does.
    pub accepted_at: Option<DateTimeUtc>,
    /// Account that accepted for it.
    pub accepted_by: Option<Uuid>,
}

// Read by position on the busiest pages (`crate::positional`).
crate::positional::positional!(
    id,
    order_class_id,
    enterprise_id,
    seats,
    accepted_at,
    accepted_by,
);

/// Relations of a sponsor.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The class.
    #[sea_orm(
        belongs_to = "super::order_class::Entity",
        from = "Column::OrderClassId",
        to = "super::order_class::Column::Id",
        on_delete = "Cascade"
    )]
    OrderClass,
    /// The firm.
    #[sea_orm(
        belongs_to = "super::member_unit::Entity",
        from = "Column::EnterpriseId",
        to = "super::member_unit::Column::Id",
        on_delete = "Restrict"
    )]
    Enterprise,
}

impl Related<super::order_class::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OrderClass.def()
    }
}

impl Related<super::member_unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Enterprise.def()
    }
}

crate::audited!();
