//! The craftsman pool (Founding notice 二(二)5): a firm's craftsmen and the schools they teach at.

use chrono::Utc;
use entity::enums::CraftsmanRole;
use entity::{craftsman, craftsman_assignment};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait};

use crate::error::{Error, refuse};
use uuid::Uuid;

use super::acting::Sort;
use super::acting::acting;
use super::acting::unit;
use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Violation, ViolationCode};
use crate::msg;
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
            msg!("plan-craftsman-firm-only"),
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
        archived_at: Set(None),
    }
    .insert(db)
    .await?))
}

/// Records a craftsman's assignment to the caller's school (工匠入校). The assignment is
/// proposed until the craftsman's firm confirms it ([`answer_assignment`]); one the secretariat
/// records is confirmed at once.
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
            msg!("plan-hours-positive"),
        ));
    }
    match craftsman::Entity::find_by_id(craftsman_id).one(db).await? {
        None => errors.push(Violation::on(
            "craftsmanId",
            ViolationCode::NotFound,
            msg!("plan-craftsman-unknown"),
        )),
        // A craftsman who left the pool takes no new assignment (`docs/domain.md`, Correcting and archiving).
        Some(c) if c.archived_at.is_some() => errors.push(Violation::on(
            "craftsmanId",
            ViolationCode::InvalidTransition,
            msg!("plan-craftsman-archived"),
        )),
        Some(_) => {}
    }
    if unit(db, school).await?.is_none_or(|u| !u.kind.is_school()) {
        errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotASchool,
            msg!("plan-craftsman-school-only"),
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
        // The firm lends its craftsman: a school's record waits for the firm's word; what the
        // secretariat records stands.
        confirmed_at: Set(actor.is_secretariat().then(Utc::now)),
        declined_at: Set(None),
        created_at: Set(Utc::now()),
        withdrawn_at: Set(None),
    }
    .insert(db)
    .await?))
}

/// The craftsman's firm (or the secretariat) answers a school's proposed assignment: confirms it
/// (`accept`) or declines it. Answering again the same way changes nothing; a confirmed
/// assignment cannot be declined, nor a declined one confirmed, nor a withdrawn one answered
/// (`INVALID_TRANSITION`).
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; `FORBIDDEN` for anyone but the craftsman's firm and the
/// secretariat; `NOT_FOUND` and `INVALID_TRANSITION` as user errors; database failures.
pub async fn answer_assignment(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    accept: bool,
) -> OpResult<craftsman_assignment::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let Some(a) = craftsman_assignment::Entity::find_by_id(id).one(db).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("plan-assignment-unknown"),
        ));
    };
    let firm = craftsman::Entity::find_by_id(a.craftsman_id)
        .one(db)
        .await?
        .map(|c| c.unit_id);
    if !actor.is_secretariat() && (firm.is_none() || actor.unit() != firm) {
        return Err(Error::Forbidden(msg!("plan-forbidden-assignment-answer")));
    }
    let (done, other) = if accept {
        (a.confirmed_at, a.declined_at)
    } else {
        (a.declined_at, a.confirmed_at)
    };
    if a.withdrawn_at.is_some() {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("plan-assignment-withdrawn"),
        ));
    }
    if other.is_some() {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            if accept {
                msg!("plan-assignment-declined")
            } else {
                msg!("plan-assignment-confirmed")
            },
        ));
    }
    if done.is_some() {
        return Ok(Ok(a));
    }
    let mut m: craftsman_assignment::ActiveModel = a.into();
    if accept {
        m.confirmed_at = Set(Some(Utc::now()));
    } else {
        m.declined_at = Set(Some(Utc::now()));
    }
    Ok(Ok(m.update(db).await?))
}
