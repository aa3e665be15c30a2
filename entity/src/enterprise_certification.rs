//! `enterprise_certification`: a firm's industry-education enterprise certification
//! (产教融合型企业, Founding notice 三(二); Ten Measures (7); Weihai 2020 plan (九) and task 15:
//! "争取 30家企业通过省级产教融合型企业认定"), one row per firm and level.

use sea_orm::entity::prelude::*;

use crate::enums::{CertificationLevel, CertificationStatus};

/// One firm's certification at one level.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enterprise_certification")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The firm (a member enterprise).
    pub enterprise_id: Uuid,
    /// The level of the certifying authority.
    pub level: CertificationLevel,
    /// Where it stands.
    pub status: CertificationStatus,
    /// The day the firm applied.
    pub applied_on: Date,
    /// The day it was certified (CERTIFIED and EXPIRED).
    pub certified_on: Option<Date>,
    /// The last day it holds; null when open-ended.
    pub expires_on: Option<Date>,
    /// The certifying document (issuer, title, number; at most 300 characters).
    pub document: Option<String>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
