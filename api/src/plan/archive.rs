//! Archiving and withdrawing (`docs/domain.md`, Correcting and archiving): nothing another record depends on is deleted. An archived
//! site, station, craftsman, career mentor or event keeps its row (and what refers to it: a
//! placement's site, a teacher's stint, a craftsman's assignments, a career class) and stays
//! readable by `node()`, but drops out of the lists (unless `includeArchived: true`) and out of
//! the compliance reports, which are recomputed from what remains. A craftsman assignment is
//! withdrawn by the school that recorded it. Archiving or withdrawing twice is
//! `INVALID_TRANSITION`: the first time is the one the audit trail dates.

use chrono::Utc;
use entity::{
    career_mentor, craftsman, craftsman_assignment, event, practice_station, training_site,
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait};
use uuid::Uuid;

use super::update::{found, or_refuse, organises};
use crate::auth::Actor;
use crate::error::{Error, OpResult, ViolationCode, refuse};
use crate::msg;
use crate::plan::owns;

/// Archives `$row` of entity module `$m` in `$txn` (already archived: `INVALID_TRANSITION`) and
/// commits; the operation's result.
macro_rules! archive {
    ($txn:expr, $m:ident, $row:expr) => {{
        let row = $row;
        if row.archived_at.is_some() {
            return Ok(refuse(
                "id",
                ViolationCode::InvalidTransition,
                msg!("plan-already-archived"),
            ));
        }
        let mut a: $m::ActiveModel = row.into();
        a.archived_at = Set(Some(Utc::now()));
        let row = a.update(&$txn).await?;
        $txn.commit().await?;
        Ok(Ok(row))
    }};
}

/// Archives a training site (closed for good, or recorded by mistake): its host's staff or the
/// secretariat. Its partners, mentors and the placements that name it are kept.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` for anyone else; database failures. User errors: `NOT_FOUND`,
/// `INVALID_TRANSITION` (already archived).
pub async fn archive_site(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> OpResult<training_site::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = training_site::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-site-unknown"))?);
    owns(actor, row.host_unit_id)?;
    archive!(txn, training_site, row)
}

/// Archives a teacher practice station: its host's staff or the secretariat. Its posts and the
/// teachers' stints there are kept (a stint already confirmed still counts for the school's
/// `TEACHERS_SENT_TO_PRACTICE`: the teacher did practise); the station no longer counts for the
/// firm's `PRACTICE_STATION_WITH_POSTS`, and takes no new bookings.
///
/// # Errors
/// As [`archive_site`].
pub async fn archive_station(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> OpResult<practice_station::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = practice_station::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-station-unknown"))?);
    owns(actor, row.host_unit_id)?;
    archive!(txn, practice_station, row)
}

/// Archives a craftsman who left the firm's pool: the firm's staff or the secretariat. The
/// craftsman's assignments are kept; no new one may be recorded.
///
/// # Errors
/// As [`archive_site`].
pub async fn archive_craftsman(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> OpResult<craftsman::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = craftsman::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-craftsman-unknown"))?);
    owns(actor, row.unit_id)?;
    archive!(txn, craftsman, row)
}

/// Archives a firm's career mentor (who left, or no longer teaches): the firm's staff or the
/// secretariat. The career classes they gave are kept; the firm's `CAREER_MENTOR` is unmet until
/// it names one again (`setCareerMentor` names a new mentor, or brings this one back).
///
/// # Errors
/// As [`archive_site`].
pub async fn archive_career_mentor(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> OpResult<career_mentor::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = career_mentor::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-mentor-unknown"))?);
    owns(actor, row.unit_id)?;
    archive!(txn, career_mentor, row)
}

/// Archives (withdraws) an event that did not take place or was recorded by mistake: staff of an
/// organiser or the secretariat. Its units and their confirmations are kept; it counts for no
/// one's compliance.
///
/// # Errors
/// As [`archive_site`].
pub async fn archive_event(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> OpResult<event::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = event::Entity::find_by_id(id).one(&txn).await?;
    let row = or_refuse!(found(actor, row, msg!("plan-event-unknown"))?);
    organises(&txn, actor, id).await?;
    archive!(txn, event, row)
}

/// Withdraws a craftsman assignment: the school that recorded it, or the secretariat (as
/// `assignCraftsman`). Whether the firm had confirmed, declined or not yet answered, the
/// assignment is kept with `withdrawnAt` and no longer stands; the firm can no longer answer it.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` for anyone else; database failures. User errors: `NOT_FOUND`,
/// `INVALID_TRANSITION` (already withdrawn).
pub async fn withdraw_assignment(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> OpResult<craftsman_assignment::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = craftsman_assignment::Entity::find_by_id(id)
        .one(&txn)
        .await?;
    let row = or_refuse!(found(actor, row, msg!("plan-assignment-unknown"))?);
    if !actor.is_secretariat() && actor.unit() != Some(row.school_id) {
        return Err(Error::Forbidden(msg!("plan-forbidden-assignment-withdraw")));
    }
    if row.withdrawn_at.is_some() {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("plan-assignment-withdrawn"),
        ));
    }
    let mut a: craftsman_assignment::ActiveModel = row.into();
    a.withdrawn_at = Set(Some(Utc::now()));
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}
