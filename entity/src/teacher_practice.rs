//! `teacher_practice`: one teacher's stint at a practice station (教师入企实践), recorded by the school.

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `teacher_practice`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "teacher_practice")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The station.
    pub station_id: Uuid,
    /// The teacher's school.
    pub school_id: Uuid,
    /// The teacher (in the teacher pool).
    pub teacher_id: Uuid,
    /// Specialty (matches the station's posts).
    pub specialty: String,
    /// Whether the teacher was dual-qualified (双师型) when the stint was recorded: the school's
    /// statement on bookings made before the teacher pool, the teaching-staff committee's
    /// certification since.
    pub dual_qualified: bool,
    /// First day.
    pub start_date: Date,
    /// Last day.
    pub end_date: Date,
    /// Days on site.
    pub days_on_site: i32,
    /// What was practised.
    pub practised: Option<String>,
    /// The firm's assessment.
    pub assessment: Option<String>,
    /// When the host confirmed (UTC).
    pub host_confirmed_at: Option<DateTimeUtc>,
    /// When the host declined the booking (UTC); a declined booking holds no post and counts for
    /// nothing.
    pub declined_at: Option<DateTimeUtc>,
    /// Why the host declined (at most 10,000 characters).
    pub decline_reason: Option<String>,
    /// When created (UTC).
    pub created_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
