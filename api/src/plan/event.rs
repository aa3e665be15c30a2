//! Yearly events (Founding notice 二(四)9–11): campus visits, job-recommendation fairs and the like,
//! with the units taking part.

use std::collections::HashSet;

use chrono::{NaiveDate, Utc};
use entity::enums::{EventKind, EventRole};
use entity::{event, event_unit, member_unit};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Error, Violation, ViolationCode};
use crate::msg;
use crate::text::clean;
use crate::text::required;

/// An event to record.
#[derive(Debug, Clone)]
pub struct EventInput {
    /// Kind.
    pub kind: EventKind,
    /// Date.
    pub held_on: NaiveDate,
    /// Title.
    pub title: String,
    /// Organising units (staff must include their own unit).
    pub organisers: Vec<Uuid>,
    /// Participating units.
    pub participants: Vec<Uuid>,
    /// Participants (persons).
    pub participants_count: Option<i32>,
    /// Notes.
    pub notes: Option<String>,
}

/// Records an event. Staff record events their own unit organised; the secretariat any. What one
/// unit records about another counts only after the other confirms: every other unit named
/// confirms its part with [`confirm_event`] (the secretariat's records are confirmed at once), and
/// until every part is confirmed the event counts for no one's compliance.
///
/// # Errors
/// `FORBIDDEN` when the caller's unit is not among the organisers; database failures.
pub async fn record_event(
    db: &DatabaseConnection,
    actor: &Actor,
    e: EventInput,
) -> OpResult<event::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    if !actor.is_secretariat() && !actor.unit().is_some_and(|u| e.organisers.contains(&u)) {
        return Err(Error::Forbidden(msg!("plan-forbidden-event-organiser")));
    }
    let mut errors = Vec::new();
    let title = required(&e.title, "title", &mut errors);
    if e.organisers.is_empty() {
        errors.push(Violation::on(
            "organiserIds",
            ViolationCode::Blank,
            msg!("plan-event-organiser-required"),
        ));
    }
    if e.participants_count.is_some_and(|n| n < 0) {
        errors.push(Violation::on(
            "participantsCount",
            ViolationCode::MustBeNonNegative,
            msg!("plan-participants-count-negative"),
        ));
    }
    let all: HashSet<Uuid> = e
        .organisers
        .iter()
        .chain(e.participants.iter())
        .copied()
        .collect();
    let found = member_unit::Entity::find()
        .filter(member_unit::Column::Id.is_in(all.iter().copied()))
        .all(db)
        .await?
        .len();
    if found != all.len() {
        errors.push(Violation::on(
            "participantIds",
            ViolationCode::NotFound,
            msg!("plan-event-unit-unknown"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let txn = crate::db::write_txn(db).await?;
    let row = event::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(e.kind),
        held_on: Set(e.held_on),
        title: Set(title),
        participants_count: Set(e.participants_count),
        notes: Set(clean(e.notes)),
        created_at: Set(Utc::now()),
        archived_at: Set(None),
    }
    .insert(&txn)
    .await?;
    // The recorder vouches for its own part only; the secretariat's record is confirmed whole.
    let now = Utc::now();
    let confirmed = |u: Uuid| (actor.is_secretariat() || actor.unit() == Some(u)).then_some(now);
    let mut done = HashSet::new();
    for (u, role) in e
        .organisers
        .iter()
        .map(|u| (*u, EventRole::Organiser))
        .chain(e.participants.iter().map(|u| (*u, EventRole::Participant)))
    {
        if done.insert(u) {
            event_unit::ActiveModel {
                id: Set(Uuid::now_v7()),
                event_id: Set(row.id),
                unit_id: Set(u),
                role: Set(role),
                confirmed_at: Set(confirmed(u)),
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.commit().await?;
    Ok(Ok(row))
}

/// A unit named in an event confirms its part (the organiser's record of a campus visit, say, is
/// confirmed by the school visited). Idempotent.
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; `FORBIDDEN` unless the caller's unit is named in the event;
/// `NOT_FOUND` (user error on `id`) for an unknown event; database failures.
pub async fn confirm_event(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> OpResult<event::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let Some(row) = event::Entity::find_by_id(id).one(db).await? else {
        return Ok(Err(vec![Violation::on(
            "id",
            ViolationCode::NotFound,
            msg!("plan-event-unknown"),
        )]));
    };
    let Some(unit) = actor.unit() else {
        return Err(Error::Forbidden(msg!("plan-forbidden-event-confirm")));
    };
    let txn = crate::db::write_txn(db).await?;
    let Some(part) = event_unit::Entity::find()
        .filter(event_unit::Column::EventId.eq(id))
        .filter(event_unit::Column::UnitId.eq(unit))
        .one(&txn)
        .await?
    else {
        return Err(Error::Forbidden(msg!("plan-forbidden-event-confirm")));
    };
    if part.confirmed_at.is_none() {
        let mut a: event_unit::ActiveModel = part.into();
        a.confirmed_at = Set(Some(Utc::now()));
        a.update(&txn).await?;
    }
    txn.commit().await?;
    Ok(Ok(row))
}
