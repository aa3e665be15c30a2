//! The craftsman pool (`004_*.txt` 二(二)5): a firm's craftsmen and the schools they teach at.

use chrono::Utc;
use entity::enums::CraftsmanRole;
use entity::{craftsman, craftsman_assignment};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait};
use uuid::Uuid;

use super::acting::Sort;
use super::acting::acting;
use super::acting::unit;
use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Violation, ViolationCode};
use crate::text::clean;
use crate::text::join_list;
use crate::text::required;

/// Adds a craftsman to the caller's firm's pool (兼职人才资源库).
///
/// # Errors
/// `FORBIDDEN` for schools; database failures.
#[allow(clippy::too_many_arguments)]
pub async fn add_craftsman(
    db: &DatabaseConnection,
    actor: &Actor,
    firm: Option<Uuid>,
    name: String,
    skill_level: Option<String>,
    specialties: Vec<String>,
    availability: Option<String>,
    phone: Option<String>,
) -> OpResult<craftsman::Model> {
    let firm = match acting(actor, Sort::Firm, firm, "unitId")? {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = required(&name, "name", &mut errors);
    if unit(db, firm).await?.is_none_or(|u| u.kind.is_school()) {
        errors.push(Violation::on(
            "unitId",
            ViolationCode::WrongHostKind,
            "craftsmen are lent by firms",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(craftsman::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(firm),
        name: Set(name),
        skill_level: Set(clean(skill_level)),
        specialties: Set(join_list(&specialties)),
        availability: Set(clean(availability)),
        phone: Set(clean(phone)),
    }
    .insert(db)
    .await?))
}

/// Records a craftsman's assignment to the caller's school (工匠入校).
///
/// # Errors
/// `FORBIDDEN` for firms; database failures.
pub async fn assign_craftsman(
    db: &DatabaseConnection,
    actor: &Actor,
    craftsman_id: Uuid,
    school: Option<Uuid>,
    role: CraftsmanRole,
    term: String,
    hours: i32,
) -> OpResult<craftsman_assignment::Model> {
    let school = match acting(actor, Sort::School, school, "schoolId")? {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let term = required(&term, "term", &mut errors);
    if hours <= 0 {
        errors.push(Violation::on(
            "hours",
            ViolationCode::MustBePositive,
            "hours is at least 1",
        ));
    }
    if craftsman::Entity::find_by_id(craftsman_id)
        .one(db)
        .await?
        .is_none()
    {
        errors.push(Violation::on(
            "craftsmanId",
            ViolationCode::NotFound,
            "no craftsman has this ID",
        ));
    }
    if unit(db, school).await?.is_none_or(|u| !u.kind.is_school()) {
        errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotASchool,
            "craftsmen are assigned to schools",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(craftsman_assignment::ActiveModel {
        id: Set(Uuid::now_v7()),
        craftsman_id: Set(craftsman_id),
        school_id: Set(school),
        role: Set(role),
        term: Set(term),
        hours: Set(hours),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?))
}
