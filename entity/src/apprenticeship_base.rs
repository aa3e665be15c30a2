//! `apprenticeship_base`: a school's apprenticeship base in a firm for one specialty (企业学徒基地,
//! Weihai 2020 plan, task 19: "鼓励学校按专业在企业设立学徒基地，到 2023年，建设 15个以上市级示范性
//! 企业学徒基地"), and its municipal demonstration status.

use sea_orm::entity::prelude::*;

/// One base; unique per school, firm and specialty.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "apprenticeship_base")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The school that set it up.
    pub school_id: Uuid,
    /// The firm it is in (a member enterprise).
    pub enterprise_id: Uuid,
    /// The specialty (1–200 characters).
    pub specialty: String,
    /// The day it was set up.
    pub established_on: Date,
    /// The day it was named a municipal demonstration base (市级示范性企业学徒基地); null when not.
    pub demonstration_on: Option<Date>,
    /// The document naming it (issuer, title, number; at most 300 characters).
    pub demonstration_document: Option<String>,
    /// The day it closed; null while it runs.
    pub closed_on: Option<Date>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
