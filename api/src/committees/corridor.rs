//! A school's enterprise-culture corridor (企业文化长廊, Founding notice 二(四)9), an indicator of
//! the evaluation (`CULTURE_CORRIDOR`, `docs/committees.md`, Per-term duties).

use chrono::{NaiveDate, Utc};
use entity::{culture_corridor, member_unit};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionSession,
    TransactionTrait,
};
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::{OpResult, Violation, ViolationCode, refuse};
use crate::msg;

/// A corridor as a school records it.
#[derive(Debug, Clone)]
pub struct CorridorInput {
    /// The school: its own for school staff; required for the secretariat.
    pub school_id: Option<Uuid>,
    /// The day it opened (not after today).
    pub opened_on: NaiveDate,
    /// Where it is (1–200 characters).
    pub location: String,
    /// What it shows (at most 4,000 characters).
    pub content: String,
}

/// Records a school's corridor, replacing an earlier record: the school's staff for their own
/// school, or the secretariat naming it. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for other callers (and for school staff naming another
/// school); user errors: `BLANK` school (secretariat) or location, `NOT_FOUND` school,
/// `NOT_A_SCHOOL`, `INVALID` date (in the future); database failures.
pub async fn record_corridor(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: CorridorInput,
) -> OpResult<culture_corridor::Model> {
    let school = match (actor.school(), input.school_id) {
        (Some(own), Some(named)) if own != named => {
            return Err(actor.refused(msg!("forbidden-school-staff-only")));
        }
        (Some(own), _) => own,
        (None, named) if actor.is_secretariat() => match named {
            Some(u) => u,
            None => {
                return Ok(refuse(
                    "schoolId",
                    ViolationCode::Blank,
                    msg!("field-blank", field = "schoolId"),
                ));
            }
        },
        _ => return Err(actor.refused(msg!("forbidden-school-staff-only"))),
    };
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    match member_unit::Entity::find_by_id(school).one(&txn).await? {
        None => errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotFound,
            msg!("registry-member-unit-not-found"),
        )),
        Some(u) if !u.kind.is_school() => {
            errors.push(Violation::on(
                "schoolId",
                ViolationCode::NotASchool,
                msg!("committees-not-a-school"),
            ));
        }
        Some(_) => {}
    }
    if input.location.trim().is_empty() {
        errors.push(Violation::on(
            "location",
            ViolationCode::Blank,
            msg!("field-blank", field = "location"),
        ));
    }
    if input.opened_on > Utc::now().date_naive() {
        errors.push(Violation::on(
            "openedOn",
            ViolationCode::Invalid,
            msg!("committees-opened-in-future"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let existing = culture_corridor::Entity::find()
        .filter(culture_corridor::Column::SchoolId.eq(school))
        .one(&txn)
        .await?;
    let row = match existing {
        Some(c) => {
            let mut c: culture_corridor::ActiveModel = c.into();
            c.opened_on = Set(input.opened_on);
            c.location = Set(input.location.trim().to_owned());
            c.content = Set(input.content.trim().to_owned());
            c.updated_at = Set(now);
            c.update(&txn).await?
        }
        None => {
            culture_corridor::ActiveModel {
                id: Set(Uuid::now_v7()),
                school_id: Set(school),
                opened_on: Set(input.opened_on),
                location: Set(input.location.trim().to_owned()),
                content: Set(input.content.trim().to_owned()),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    txn.commit().await?;
    Ok(Ok(row))
}
