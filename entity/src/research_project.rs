//! `research_project`: a school's research project in technical education and vocational training
//! (技工教育和职业培训科研课题, Ten Measures (6): "每年开展市级技工教育和职业培训科研课题立项、结题工作"),
//! from approval (立项) to conclusion (结题).

use sea_orm::entity::prelude::*;

use crate::enums::ResearchStatus;

/// One project.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "research_project")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The school that carries it out.
    pub school_id: Uuid,
    /// Its title (1–200 characters).
    pub title: String,
    /// The year it was approved in (立项年度, 2000–2100).
    pub year: i32,
    /// Who approved it (1–200 characters), e.g. 威海市人力资源和社会保障局.
    pub approving_body: String,
    /// The approval document (issuer, title, number; 1–300 characters).
    pub document: String,
    /// The day it was approved.
    pub approved_on: Date,
    /// The leader (课题负责人), a teacher of the school.
    pub leader_teacher_id: Uuid,
    /// Where it stands.
    pub status: ResearchStatus,
    /// The day it concluded or was stopped; null while approved.
    pub closed_on: Option<Date>,
    /// The outcome or the reason it stopped (at most 4,000 characters).
    pub outcome: Option<String>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
