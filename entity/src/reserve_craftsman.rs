//! `reserve_craftsman`: a school's nomination of one of its students as a Weihai reserve
//! craftsman (威海工匠后备人才) for a year, and the selection's decision (Weihai 2020 plan, task 17:
//! "每年遴选 500名中高职学生作为培养对象").

use sea_orm::entity::prelude::*;

use crate::enums::ReserveCraftsmanStatus;

/// One nomination; unique per year and student.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reserve_craftsman")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The selection's year (2000–2100).
    pub year: i32,
    /// The student nominated.
    pub student_id: Uuid,
    /// The student's school, which nominates.
    pub school_id: Uuid,
    /// Why the school nominates the student (1–2,000 characters).
    pub reason: String,
    /// Where the nomination stands.
    pub status: ReserveCraftsmanStatus,
    /// The day it was decided (SELECTED or NOT_SELECTED).
    pub decided_on: Option<Date>,
    /// The selection's note (at most 2,000 characters).
    pub decision_note: Option<String>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
