//! Graduate outcomes (去向): where a graduate works, recorded by the school for retention.

use chrono::{Datelike, NaiveDate, Utc};
use entity::enums::{District, OutcomeStatus};
use entity::{graduate_outcome, member_unit, student};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction,
    DbErr, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::clean;

/// A graduate's outcome as the school reports it.
#[derive(Debug, Clone)]
pub struct OutcomeInput {
    /// The student, by number.
    pub student_number: String,
    /// Year of graduation.
    pub graduation_year: i32,
    /// Status.
    pub status: OutcomeStatus,
    /// Employer, when a member unit.
    pub employer_unit_id: Option<Uuid>,
    /// Employer's name (for a non-member).
    pub employer_name: Option<String>,
    /// Employer's district in Weihai.
    pub employer_district: Option<District>,
    /// Employed in Weihai.
    pub in_weihai: bool,
    /// Hired by the host or an order-class sponsor.
    pub hired_by_host_or_sponsor: bool,
    /// Date reported.
    pub reported_on: NaiveDate,
}

/// Records (or replaces) a graduate's outcome (SCHOOL_STAFF of the student's school).
///
/// # Errors
/// `FORBIDDEN` for others; database failures. User errors: `NOT_FOUND`, `INVALID` (an employer for
/// a graduate who is not employed; a district outside Weihai's for an employer not in Weihai).
pub async fn record_outcome(
    db: &DatabaseConnection,
    actor: &Actor,
    o: OutcomeInput,
) -> OpResult<graduate_outcome::Model> {
    let school = actor.require_school()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(student) = student::Entity::find()
        .filter(student::Column::SchoolId.eq(school))
        .filter(student::Column::StudentNumber.eq(crate::text::normalize(&o.student_number)))
        .one(&txn)
        .await?
    else {
        return Ok(refuse(
            "studentNumber",
            ViolationCode::NotFound,
            msg!("placement-student-number-unknown"),
        ));
    };
    let mut errors = check_outcome(&o);
    let employer = match o.employer_unit_id {
        Some(id) => match member_unit::Entity::find_by_id(id).one(&txn).await? {
            Some(m) => Some(m),
            None => {
                errors.push(Violation::on(
                    "employerUnitId",
                    ViolationCode::NotFound,
                    msg!("placement-member-unit-unknown"),
                ));
                None
            }
        },
        None => None,
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let row = save_outcome(&txn, school, student.id, o, employer).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// The calendar year of a date.
pub fn year_of(d: NaiveDate) -> i32 {
    d.year()
}

/// What can be checked of an outcome without the database: only an employed graduate has an
/// employer (or works in Weihai); a district only for work in Weihai; a plausible year.
fn check_outcome(o: &OutcomeInput) -> Vec<Violation> {
    let mut errors = Vec::new();
    let employed = o.status == OutcomeStatus::Employed;
    if !employed && (o.employer_unit_id.is_some() || o.employer_name.is_some() || o.in_weihai) {
        errors.push(Violation::on(
            "status",
            ViolationCode::Invalid,
            msg!("placement-outcome-employer-not-employed"),
        ));
    }
    if o.employer_district.is_some() && !o.in_weihai {
        errors.push(Violation::on(
            "employerDistrict",
            ViolationCode::Invalid,
            msg!("placement-outcome-district-outside-weihai"),
        ));
    }
    if !(2000..=2100).contains(&o.graduation_year) {
        errors.push(Violation::on(
            "graduationYear",
            ViolationCode::Invalid,
            msg!("placement-graduation-year-range"),
        ));
    }
    errors
}

/// Inserts or updates (by student) the graduate's outcome, linking the employer when it is a
/// member.
async fn save_outcome(
    txn: &DatabaseTransaction,
    school: Uuid,
    student: Uuid,
    o: OutcomeInput,
    employer: Option<member_unit::Model>,
) -> Result<graduate_outcome::Model, DbErr> {
    let employed = o.status == OutcomeStatus::Employed;
    let now = Utc::now();
    let existing = graduate_outcome::Entity::find()
        .filter(graduate_outcome::Column::StudentId.eq(student))
        .one(txn)
        .await?;
    let is_new = existing.is_none();
    let mut m = match existing {
        Some(e) => e.into(),
        None => graduate_outcome::ActiveModel {
            id: Set(Uuid::now_v7()),
            student_id: Set(student),
            school_id: Set(school),
            created_at: Set(now),
            ..Default::default()
        },
    };
    m.graduation_year = Set(o.graduation_year);
    m.status = Set(o.status);
    m.employer_unit_id = Set(employer.as_ref().map(|e| e.id));
    m.employer_name = Set(employer.map(|e| e.name).or(clean(o.employer_name)));
    m.employer_district = Set(o.employer_district);
    m.in_weihai = Set(o.in_weihai);
    m.hired_by_host_or_sponsor = Set(o.hired_by_host_or_sponsor && employed);
    m.reported_on = Set(o.reported_on);
    m.updated_at = Set(now);
    // `save` would update: the key is set either way.
    if is_new {
        m.insert(txn).await
    } else {
        m.update(txn).await
    }
}
