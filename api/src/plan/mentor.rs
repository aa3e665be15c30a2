//! Career mentors (Founding notice 二(四)10): one per firm, and the career classes they give at schools.

use chrono::NaiveDate;
use entity::enums::MentorQualification;
use entity::{career_class, career_mentor};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use super::acting::Sort;
use super::acting::acting;
use super::acting::unit;
use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Error, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::required;

/// Names the caller's firm's career mentor (职业规划导师; one per firm: a second call replaces the
/// first), with what qualifies them: only a senior technician or a manager meets the commitment
/// (Founding notice 二(四)10); `OTHER` is recorded and leaves it unmet. The firm's mentor row is
/// replaced in place, archived or not, and is in use again afterwards.
///
/// # Errors
/// `FORBIDDEN` for schools; database failures.
pub async fn set_career_mentor(
    db: &DatabaseConnection,
    actor: &Actor,
    firm: Option<Uuid>,
    name: String,
    title: String,
    qualification: MentorQualification,
) -> OpResult<career_mentor::Model> {
    let firm = match acting(actor, Sort::Firm, firm, "unitId")? {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = required(&name, "name", &mut errors);
    let title = required(&title, "title", &mut errors);
    if unit(db, firm).await?.is_none_or(|u| u.kind.is_school()) {
        errors.push(Violation::on(
            "unitId",
            ViolationCode::WrongHostKind,
            msg!("plan-mentor-firm-only"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let txn = crate::db::write_txn(db).await?;
    let existing = career_mentor::Entity::find()
        .filter(career_mentor::Column::UnitId.eq(firm))
        .one(&txn)
        .await?;
    let row = match existing {
        Some(m) => {
            let mut a: career_mentor::ActiveModel = m.into();
            a.name = Set(name);
            a.title = Set(title);
            a.qualification = Set(Some(qualification));
            // Naming the mentor again brings an archived one back (`docs/domain.md`, Correcting and archiving).
            a.archived_at = Set(None);
            a.update(&txn).await?
        }
        None => {
            career_mentor::ActiveModel {
                id: Set(Uuid::now_v7()),
                unit_id: Set(firm),
                name: Set(name),
                title: Set(title),
                qualification: Set(Some(qualification)),
                archived_at: Set(None),
            }
            .insert(&txn)
            .await?
        }
    };
    txn.commit().await?;
    Ok(Ok(row))
}

/// Records a career class a firm's mentor taught at a school (the school, the firm, or the
/// secretariat).
///
/// # Errors
/// `FORBIDDEN` for other units; database failures.
pub async fn record_career_class(
    db: &DatabaseConnection,
    actor: &Actor,
    mentor: Uuid,
    school: Uuid,
    held_on: NaiveDate,
) -> OpResult<career_class::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let Some(m) = career_mentor::Entity::find_by_id(mentor).one(db).await? else {
        return Ok(refuse(
            "careerMentorId",
            ViolationCode::NotFound,
            msg!("plan-mentor-unknown"),
        ));
    };
    if !actor.is_secretariat() && actor.unit() != Some(m.unit_id) && actor.unit() != Some(school) {
        return Err(Error::Forbidden(msg!("plan-forbidden-career-class")));
    }
    if unit(db, school).await?.is_none_or(|u| !u.kind.is_school()) {
        return Ok(refuse(
            "schoolId",
            ViolationCode::NotASchool,
            msg!("plan-career-class-school-only"),
        ));
    }
    Ok(Ok(career_class::ActiveModel {
        id: Set(Uuid::now_v7()),
        career_mentor_id: Set(mentor),
        school_id: Set(school),
        held_on: Set(held_on),
    }
    .insert(db)
    .await?))
}
