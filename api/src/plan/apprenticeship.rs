//! Apprenticeships (Founding notice 二(三)7): the new-style apprenticeships a firm runs with a school.

use chrono::{NaiveDate, Utc};
use entity::apprenticeship;
use entity::enums::{ApprenticeshipMode, ApprenticeshipStatus};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};
use uuid::Uuid;

use super::acting::Sort;
use super::acting::acting;
use super::acting::unit;
use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Violation, ViolationCode};
use crate::msg;
use crate::text::required;

/// A new apprenticeship.
#[derive(Debug, Clone)]
pub struct ApprenticeshipInput {
    /// The firm (the secretariat names it).
    pub unit_id: Option<Uuid>,
    /// The partner school.
    pub school_id: Uuid,
    /// The apprentice, a new or transferred employee.
    pub apprentice_name: String,
    /// Hire date.
    pub hire_date: NaiveDate,
    /// Post.
    pub post: String,
    /// The firm's mentor.
    pub firm_mentor: String,
    /// The school's mentor.
    pub school_mentor: String,
    /// Mode.
    pub mode: ApprenticeshipMode,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: Option<NaiveDate>,
}

/// Records an apprenticeship (企业新型学徒制) of the caller's firm with a partner school, with dual
/// mentors.
///
/// # Errors
/// `FORBIDDEN` for schools; database failures.
pub async fn create_apprenticeship(
    db: &DatabaseConnection,
    actor: &Actor,
    a: ApprenticeshipInput,
) -> OpResult<apprenticeship::Model> {
    let firm = match acting(actor, Sort::Firm, a.unit_id, "unitId")? {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = required(&a.apprentice_name, "apprenticeName", &mut errors);
    let post = required(&a.post, "post", &mut errors);
    let firm_mentor = required(&a.firm_mentor, "firmMentor", &mut errors);
    let school_mentor = required(&a.school_mentor, "schoolMentor", &mut errors);
    if a.end_date.is_some_and(|e| e < a.start_date) {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Invalid,
            msg!("plan-end-before-start"),
        ));
    }
    if unit(db, a.school_id)
        .await?
        .is_none_or(|u| !u.kind.is_school())
    {
        errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotASchool,
            msg!("plan-apprenticeship-partner-not-school"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(apprenticeship::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(firm),
        school_id: Set(a.school_id),
        apprentice_name: Set(name),
        hire_date: Set(a.hire_date),
        post: Set(post),
        firm_mentor: Set(firm_mentor),
        school_mentor: Set(school_mentor),
        mode: Set(a.mode),
        start_date: Set(a.start_date),
        end_date: Set(a.end_date),
        status: Set(ApprenticeshipStatus::Active),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?))
}
