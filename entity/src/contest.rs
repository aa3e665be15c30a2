//! `contest`: a skills contest (技能兴威 职业技能大赛, Ten Measures (5)) or the yearly teacher-ability
//! contest (教师职业能力大赛, Ten Measures (6)), as the secretariat records it.

use sea_orm::entity::prelude::*;

use crate::enums::{ContestKind, ContestLevel};

/// One contest of one year.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contest")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The series it belongs to, e.g. `技能兴威` (1–100 characters).
    pub series: String,
    /// Its name (1–200 characters); unique per year.
    pub name: String,
    /// A skills contest or the teacher-ability contest.
    pub kind: ContestKind,
    /// The level it is run at.
    pub level: ContestLevel,
    /// The year it is held in (2000–2100).
    pub year: i32,
    /// Who organises it (1–200 characters), e.g. a city bureau or the alliance.
    pub organiser: String,
    /// Its first day.
    pub held_on: Date,
    /// The notice announcing it (issuer, title, number; at most 300 characters).
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
