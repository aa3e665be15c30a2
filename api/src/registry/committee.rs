//! Committee seats: seating a member unit on the council or a committee, changing its role, and
//! removing it, secretariat only.

use chrono::Utc;
use entity::enums::CommitteeRole;
use entity::{committee, committee_membership, member_unit};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::{OpResult, Violation, ViolationCode};
use crate::msg;
use crate::registry::Outcome;

/// Gives `unit` a seat with `role` on `committee`, or changes the role of its seat.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` unless the caller is the secretariat; database failures; an unknown committee or unit is `NOT_FOUND` on the field.
pub async fn set_committee_membership(
    actor: &Actor,
    db: &impl TransactionTrait,
    committee_id: Uuid,
    unit_id: Uuid,
    role: CommitteeRole,
) -> OpResult<(
    committee::Model,
    member_unit::Model,
    committee_membership::Model,
)> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let (committee, unit) = match find_pair(&txn, committee_id, unit_id).await? {
        Ok(pair) => pair,
        Err(e) => return Ok(Err(e)),
    };
    let now = Utc::now();
    let existing = committee_membership::Entity::find()
        .filter(committee_membership::Column::CommitteeId.eq(committee_id))
        .filter(committee_membership::Column::MemberUnitId.eq(unit_id))
        .one(&txn)
        .await?;
    let seat = match existing {
        Some(seat) => {
            let mut seat: committee_membership::ActiveModel = seat.into();
            seat.role = Set(role);
            seat.updated_at = Set(now);
            seat.update(&txn).await?
        }
        None => {
            committee_membership::ActiveModel {
                id: Set(Uuid::now_v7()),
                committee_id: Set(committee_id),
                member_unit_id: Set(unit_id),
                role: Set(role),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    txn.commit().await?;
    Ok(Ok((committee, unit, seat)))
}

/// Removes `unit`'s seat on `committee`.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` unless the caller is the secretariat; database failures; an unknown committee or unit is `NOT_FOUND`, a unit without a seat
/// `NOT_A_COMMITTEE_MEMBER`.
pub async fn remove_committee_membership(
    actor: &Actor,
    db: &impl TransactionTrait,
    committee_id: Uuid,
    unit_id: Uuid,
) -> OpResult<(committee::Model, member_unit::Model)> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let (committee, unit) = match find_pair(&txn, committee_id, unit_id).await? {
        Ok(pair) => pair,
        Err(e) => return Ok(Err(e)),
    };
    let seats = committee_membership::Entity::find()
        .filter(committee_membership::Column::CommitteeId.eq(committee_id))
        .filter(committee_membership::Column::MemberUnitId.eq(unit_id))
        .all(&txn)
        .await?;
    let deleted = committee_membership::Entity::delete_many()
        .filter(committee_membership::Column::CommitteeId.eq(committee_id))
        .filter(committee_membership::Column::MemberUnitId.eq(unit_id))
        .exec(&txn)
        .await?;
    // A bulk delete bypasses the entities' hooks: the seats removed are recorded here.
    entity::audit::record_models(&txn, entity::enums::AuditAction::Delete, &seats).await?;
    if deleted.rows_affected == 0 {
        return Ok(Err(vec![Violation::on(
            "memberUnitId",
            ViolationCode::NotACommitteeMember,
            msg!("registry-not-a-committee-member"),
        )]));
    }
    txn.commit().await?;
    Ok(Ok((committee, unit)))
}

pub(super) async fn find_pair(
    db: &impl ConnectionTrait,
    committee_id: Uuid,
    unit_id: Uuid,
) -> Result<Outcome<(committee::Model, member_unit::Model)>, DbErr> {
    let committee = committee::Entity::find_by_id(committee_id).one(db).await?;
    let unit = member_unit::Entity::find_by_id(unit_id).one(db).await?;
    let mut errors = Vec::new();
    if committee.is_none() {
        errors.push(Violation::on(
            "committeeId",
            ViolationCode::NotFound,
            msg!("registry-committee-not-found"),
        ));
    }
    if unit.is_none() {
        errors.push(Violation::on(
            "memberUnitId",
            ViolationCode::NotFound,
            msg!("registry-member-unit-not-found"),
        ));
    }
    Ok(match (committee, unit) {
        (Some(c), Some(u)) => Ok((c, u)),
        _ => Err(errors),
    })
}
