//! A placement's moves (activate, complete, terminate, cancel) and the host's confirmation with its
//! no-fees attestation.

use chrono::Utc;
use entity::enums::PlacementStatus;
use entity::{internship_placement, member_unit, student};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::{Error, Violation, ViolationCode, refuse};
use crate::error::{OpResult, Outcome};
use crate::i18n::Arg;
use crate::msg;
use crate::placement::findings;
use crate::placement::intern_counts;
use crate::placement::placement_scope;

async fn placement_for_write(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<Outcome<internship_placement::Model>, Error> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    Ok(
        match internship_placement::Entity::find_by_id(id)
            .filter(placement_scope(actor))
            .one(db)
            .await?
        {
            Some(p) => Ok(p),
            None => refuse("id", ViolationCode::NotFound, msg!("placement-unknown")),
        },
    )
}

/// A status change a school makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementAction {
    /// PLANNED → ACTIVE, if every blocking rule is met.
    Activate,
    /// ACTIVE → COMPLETED.
    Complete,
    /// PLANNED or ACTIVE → TERMINATED, with a reason.
    Terminate(String),
}

impl PlacementAction {
    /// The action's token in the catalogue's messages (`placement-cannot-transition` selects its
    /// words by it).
    pub fn token(&self) -> &'static str {
        match self {
            Self::Activate => "activate",
            Self::Complete => "complete",
            Self::Terminate(_) => "terminate",
        }
    }
}

/// Moves a placement of the caller's school. Activation checks every blocking rule and refuses
/// with their codes (`AGREEMENT_REQUIRED`, `UNDER_16`, …), changing nothing.
///
/// # Errors
/// `FORBIDDEN` for anyone but the student's school; database failures.
pub async fn transition(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    action: PlacementAction,
) -> OpResult<internship_placement::Model> {
    let txn = crate::db::write_txn(db).await?;
    let p = match placement_for_write(&txn, actor, id).await? {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    if actor.school() != Some(p.school_id) {
        return Err(Error::Forbidden(msg!("placement-forbidden-status-change")));
    }
    use PlacementStatus as S;
    let (to, reason) = match (&action, p.status) {
        (PlacementAction::Activate, S::Planned) => {
            let student = student::Entity::find_by_id(p.student_id).one(&txn).await?;
            let host = match p.host_unit_id {
                Some(h) => member_unit::Entity::find_by_id(h).one(&txn).await?,
                None => None,
            };
            let Some(student) = student else {
                return Err(Error::NotFound(msg!("placement-student-not-found")));
            };
            let counts = intern_counts(&txn, &p).await?;
            let blocking: Vec<Violation> =
                findings(&(&p).into(), &(&student).into(), host.as_ref(), counts)
                    .into_iter()
                    .filter(|f| f.rule.blocking())
                    .map(|f| Violation {
                        field: Some("id".into()),
                        message: f.message,
                        code: f.rule.code(),
                    })
                    .collect();
            if !blocking.is_empty() {
                return Ok(Err(blocking));
            }
            (S::Active, None)
        }
        (PlacementAction::Complete, S::Active) => (S::Completed, None),
        (PlacementAction::Terminate(reason), S::Planned | S::Active) => {
            let reason = crate::text::normalize(reason);
            if reason.is_empty() {
                return Ok(refuse(
                    "reason",
                    ViolationCode::Blank,
                    msg!("placement-termination-reason-blank"),
                ));
            }
            (S::Terminated, Some(reason))
        }
        (action, from) => {
            return Ok(refuse(
                "id",
                ViolationCode::InvalidTransition,
                msg!(
                    "placement-cannot-transition",
                    action = action.token(),
                    status = Arg::label(&from),
                ),
            ));
        }
    };
    let mut m: internship_placement::ActiveModel = p.into();
    m.status = Set(to);
    if reason.is_some() {
        m.termination_reason = Set(reason);
    }
    m.updated_at = Set(Utc::now());
    let row = m.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// The host firm confirms a placement it hosts, and attests (or not) that it charges no deposits
/// or fees and holds no ID cards.
///
/// # Errors
/// `FORBIDDEN` for anyone but staff of the host unit, and for every school (a school is never the
/// host that confirms: the host attests for itself); database failures.
pub async fn confirm(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    no_fees_attested: bool,
) -> OpResult<internship_placement::Model> {
    let txn = crate::db::write_txn(db).await?;
    let p = match placement_for_write(&txn, actor, id).await? {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    if p.host_unit_id.is_none() || actor.unit() != p.host_unit_id || actor.is_secretariat() {
        return Err(Error::Forbidden(msg!(
            "placement-forbidden-confirm-host-only"
        )));
    }
    // The school reports its own students' placements; it never confirms one as host (nor
    // attests that the host charges no fees), even where it hosts them itself.
    if actor.school().is_some() {
        return Err(Error::Forbidden(msg!("placement-forbidden-school-confirm")));
    }
    if matches!(
        p.status,
        PlacementStatus::Terminated | PlacementStatus::Completed
    ) {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("placement-ended"),
        ));
    }
    let mut m: internship_placement::ActiveModel = p.into();
    m.host_confirmed_at = Set(Some(Utc::now()));
    m.no_fees_attested = Set(no_fees_attested);
    m.updated_at = Set(Utc::now());
    let row = m.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}
