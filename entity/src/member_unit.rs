//! `member_unit`: one of the alliance's member units (成员单位, Founding notice 附件).

use sea_orm::entity::prelude::*;

use crate::enums::{CouncilRole, District, MemberUnitKind, UnitCategory};

/// A member unit. Columns the source documents do not state (district, credit code, staff, contact)
/// stay null until the secretariat records them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "member_unit")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Full registered name, unique, byte for byte as printed (full-width parentheses kept).
    #[sea_orm(unique)]
    pub name: String,
    /// The name's pinyin sort key ([`crate::sort_key::name_sort_key`]), kept equal to it on every
    /// write; `memberUnits(orderBy: {field: NAME})` sorts by it. ASCII; `COLLATE "C"` on
    /// PostgreSQL.
    #[sea_orm(indexed)]
    pub name_sort_key: String,
    /// Position in the annex list (1–177 for founding members); later members follow on. Unique.
    #[sea_orm(unique)]
    pub list_order: i32,
    /// Kind of unit.
    pub kind: MemberUnitKind,
    /// Category, always `kind.category()`; stored so it can be filtered and indexed.
    pub category: UnitCategory,
    /// District, null when unknown.
    pub district: Option<District>,
    /// Unified social credit code (统一社会信用代码), 18 characters, GB 32100-2015; unique when set.
    #[sea_orm(unique)]
    pub uscc: Option<String>,
    /// Total staff (persons, ≥ 0), null when unknown.
    pub employee_count: Option<i32>,
    /// On the statistics bureau's above-designated-size list (规模以上企业): `Some(true)` on it,
    /// `Some(false)` not on it, `None` not known yet (the seeds say nothing about size). Recorded
    /// by the secretariat, never computed.
    pub above_designated_size: Option<bool>,
    /// Role on the council, null when none is recorded.
    pub council_role: Option<CouncilRole>,
    /// Contact person (personal data: authenticated callers only).
    pub contact_person: Option<String>,
    /// Contact phone (personal data: authenticated callers only).
    pub contact_phone: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// Date the unit joined the alliance.
    pub joined_on: Option<Date>,
    /// The secretariat's decision whether the unit may sponsor order classes (Founding notice
    /// 二(三)6); `None`: decided by kind (enterprises and HR-service agencies may, others not).
    pub may_sponsor_order_classes: Option<bool>,
    /// The secretariat marked a unit that is not an enterprise by kind (e.g. a training company) to
    /// carry a firm's commitments in the yearly compliance check; `false` by default.
    pub carries_firm_commitments: bool,
    /// Where a seeded row came from (document and section); null for units added through the API.
    pub source: Option<String>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

// Read by position on the busiest pages (`crate::positional`).
crate::positional::positional!(
    id,
    name,
    name_sort_key,
    list_order,
    kind,
    category,
    district,
    uscc,
    employee_count,
    above_designated_size,
    council_role,
    contact_person,
    contact_phone,
    address,
    joined_on,
    may_sponsor_order_classes,
    carries_firm_commitments,
    source,
    created_at,
    updated_at,
);

/// Relations of a member unit.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Its committee memberships.
    #[sea_orm(has_many = "super::committee_membership::Entity")]
    CommitteeMembership,
    /// Accounts of its staff.
    #[sea_orm(has_many = "super::account::Entity")]
    Account,
}

impl Related<super::committee_membership::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CommitteeMembership.def()
    }
}

crate::audited!();
