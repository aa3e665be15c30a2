//! `target`: a number to reach by a date (目标): an indicator, the value, a deadline (or "every
//! year"), the members it is measured over, and the source that states the number
//! (`docs/committees.md`, Targets).

use sea_orm::entity::prelude::*;

use crate::enums::{District, MemberUnitKind, TargetIndicator, TargetScope};

/// One target.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "target")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// What is measured.
    pub indicator: TargetIndicator,
    /// A short title (at most 200 characters), e.g. the source's own words.
    pub title: String,
    /// The value to reach (≥ 0), in the indicator's unit (a count, or percent for shares).
    pub target_value: f64,
    /// Whether the value is to be reached every year (500 reserve craftsmen a year) rather than
    /// once by `due_on`.
    pub per_year: bool,
    /// The deadline (inclusive); null for a per-year target.
    pub due_on: Option<Date>,
    /// Over which members it is measured.
    pub scope: TargetScope,
    /// The district, when `scope` is DISTRICT.
    pub scope_district: Option<District>,
    /// The unit kind, when `scope` is UNIT_KIND.
    pub scope_unit_kind: Option<MemberUnitKind>,
    /// The member, when `scope` is MEMBER_UNIT.
    pub scope_member_unit_id: Option<Uuid>,
    /// The milestone it is attached to, if any.
    pub milestone_id: Option<Uuid>,
    /// Document and section that states the number (`docs/sources.md` citation).
    pub source: String,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
