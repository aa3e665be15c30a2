//! `contest_entry`: a member's contestant in one event of a contest, the coach, and the result
//! (Ten Measures (5): "对大赛中取得优异成绩的选手、教练和单位予以奖励").

use sea_orm::entity::prelude::*;

use crate::enums::{ContestAward, ContestantKind};

/// One contestant in one event.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contest_entry")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The contest (the event's; kept for filters).
    pub contest_id: Uuid,
    /// The event.
    pub event_id: Uuid,
    /// The member that entered the contestant (the record's owner).
    pub unit_id: Uuid,
    /// The event's kind of contestant (kept for filters).
    pub contestant_kind: ContestantKind,
    /// The student, for a student event (the unit's own).
    pub student_id: Option<Uuid>,
    /// The teacher, for a teacher event (the unit's own, in the pool).
    pub teacher_id: Option<Uuid>,
    /// The worker's name, for a worker event (personal: 1–50 characters).
    pub worker_name: Option<String>,
    /// The coach, when a teacher of the pool.
    pub coach_teacher_id: Option<Uuid>,
    /// The coach's name, when not in the pool (personal: at most 50 characters).
    pub coach_name: Option<String>,
    /// The rank the contestant reached (1–10,000); null until the result is recorded.
    pub rank: Option<i32>,
    /// The award; null when none (or not yet recorded).
    pub award: Option<ContestAward>,
    /// Whether the coach was honoured (优秀指导教师 / 优秀教练).
    pub coach_honoured: bool,
    /// When the result was recorded (UTC); null before.
    pub result_at: Option<DateTimeUtc>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
