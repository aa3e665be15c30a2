//! An order class's acceptance by every party, and its moves through recruiting, training,
//! graduation or cancellation.

use chrono::{DateTime, Utc};
use entity::enums::{DemandStatus, OrderClassStatus};
use entity::{member_unit, order_class, order_class_demand, order_class_sponsor};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::{Error, Violation, ViolationCode, refuse};
use crate::error::{OpResult, Outcome};
use crate::events::{DemandEventKind, Event, EventBus, OrderClassEventKind};
use crate::i18n::Arg;
use crate::msg;
use crate::order_class::check_rules;
use crate::order_class::class_for_write;
use crate::order_class::require_school;
use crate::order_class::total_headcount;

async fn sponsors_with_units(
    db: &impl ConnectionTrait,
    class: Uuid,
) -> Result<Vec<(order_class_sponsor::Model, Option<member_unit::Model>)>, sea_orm::DbErr> {
    order_class_sponsor::Entity::find()
        .filter(order_class_sponsor::Column::OrderClassId.eq(class))
        .find_also_related(member_unit::Entity)
        .order_by_asc(order_class_sponsor::Column::Id)
        .all(db)
        .await
}

/// Accepts a PROPOSED class's plan for the caller's unit: a sponsoring firm or the class's school.
/// The plan must meet every [`OrderClassRule`] (each violation is a user error with the rule's
/// code). When every sponsor and the school have accepted, the class is AGREED and its demand
/// counts its seats as matched; a demand whose headcount is covered becomes MATCHED.
///
/// # Errors
/// `FORBIDDEN` for callers that are neither; database failures. User errors: the rule codes,
/// `INVALID_TRANSITION` (not PROPOSED), `DEMAND_NOT_OPEN` (the demand was closed or withdrawn
/// meanwhile).
pub async fn accept_class(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    account: Uuid,
    id: Uuid,
) -> OpResult<order_class::Model> {
    let txn = crate::db::write_txn(db).await?;
    let class = match class_for_write(&txn, actor, id).await? {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    let sponsors = sponsors_with_units(&txn, id).await?;
    let unit = actor.unit();
    let as_school = actor.school() == Some(class.school_id);
    let as_sponsor = actor
        .firm()
        .is_some_and(|f| sponsors.iter().any(|(s, _)| s.enterprise_id == f));
    if !as_school && !as_sponsor {
        return Err(Error::Forbidden(msg!("order-class-accept-forbidden")));
    }
    if class.status != OrderClassStatus::Proposed {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!(
                "order-class-cannot-accept",
                status = Arg::label(&class.status)
            ),
        ));
    }
    let violations: Vec<Violation> = check_rules(&class, &sponsors)
        .into_iter()
        .filter(|c| !c.met)
        .map(|c| Violation {
            field: Some("id".into()),
            message: c.detail,
            code: c.rule.code(),
        })
        .collect();
    if !violations.is_empty() {
        return Ok(Err(violations));
    }
    let now = Utc::now();
    let mut school_accepted = class.school_accepted_at.is_some();
    if as_school {
        school_accepted = true;
    }
    let acting_firm = unit.filter(|_| as_sponsor);
    let all_sponsors = accept_as_sponsor(&txn, &sponsors, acting_firm, account, now).await?;
    let agreed = school_accepted && all_sponsors;
    let mut demand_event = None;
    if agreed && let Some(demand_id) = class.demand_id {
        demand_event = match count_matched_seats(&txn, demand_id, class.planned_seats, now).await? {
            Ok(event) => event,
            Err(e) => return Ok(Err(e)),
        };
    }
    let mut model: order_class::ActiveModel = class.into();
    if as_school && model.school_accepted_at.as_ref().is_none() {
        model.school_accepted_at = Set(Some(now));
        model.school_accepted_by = Set(Some(account));
    }
    if agreed {
        model.status = Set(OrderClassStatus::Agreed);
        model.agreed_at = Set(Some(now));
    }
    model.updated_at = Set(now);
    let class = model.update(&txn).await?;
    let kind = if agreed {
        OrderClassEventKind::Agreed
    } else {
        OrderClassEventKind::Accepted
    };
    let demand = demand_event
        .zip(class.demand_id)
        .map(|(kind, id)| Event::Demand { id, kind });
    let events = std::iter::once(Event::OrderClass { id, kind }).chain(demand);
    bus.commit_and_publish(txn, events, class).await
}

/// Records the acceptance of `firm` (when a sponsor accepts) on its sponsor row; whether every
/// sponsor has now accepted.
async fn accept_as_sponsor(
    txn: &DatabaseTransaction,
    sponsors: &[(order_class_sponsor::Model, Option<member_unit::Model>)],
    firm: Option<Uuid>,
    account: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut all = true;
    for (sponsor, _) in sponsors {
        let acting = firm == Some(sponsor.enterprise_id);
        all &= sponsor.accepted_at.is_some() || acting;
        if acting && sponsor.accepted_at.is_none() {
            let mut s: order_class_sponsor::ActiveModel = sponsor.clone().into();
            s.accepted_at = Set(Some(now));
            s.accepted_by = Set(Some(account));
            s.update(txn).await?;
        }
    }
    Ok(all)
}

/// Counts an agreed class's `seats` as matched on the demand it answers (locked, so concurrent
/// agreements serialise); a demand whose headcount is covered becomes MATCHED. `DEMAND_NOT_OPEN`
/// when the demand was closed or withdrawn meanwhile.
async fn count_matched_seats(
    txn: &DatabaseTransaction,
    demand_id: Uuid,
    seats: i32,
    now: DateTime<Utc>,
) -> Result<Outcome<Option<DemandEventKind>>, DbErr> {
    let demand = order_class_demand::Entity::find_by_id(demand_id)
        .lock_exclusive()
        .one(txn)
        .await?;
    let Some(demand) = demand.filter(|d| d.status == DemandStatus::Open) else {
        return Ok(refuse(
            "id",
            ViolationCode::DemandNotOpen,
            msg!("order-class-demand-no-longer-open"),
        ));
    };
    let total = total_headcount(txn, demand_id).await?;
    let matched = demand.matched_seats.saturating_add(seats);
    let mut d: order_class_demand::ActiveModel = demand.into();
    d.matched_seats = Set(matched);
    let mut event = None;
    if i64::from(matched) >= total {
        d.status = Set(DemandStatus::Matched);
        event = Some(DemandEventKind::Matched);
    }
    d.updated_at = Set(now);
    d.update(txn).await?;
    Ok(Ok(event))
}

/// A status change of an order class that its school makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClassAction {
    /// AGREED → RECRUITING.
    StartRecruiting,
    /// RECRUITING → IN_TRAINING.
    StartTraining,
    /// IN_TRAINING → GRADUATED.
    Graduate,
    /// Any open status → CANCELLED, with a reason.
    Cancel(String),
}

impl ClassAction {
    /// The action's token in the catalogue's messages (`order-class-cannot-transition` selects
    /// its words by it).
    pub fn token(&self) -> &'static str {
        match self {
            Self::StartRecruiting => "start-recruiting",
            Self::StartTraining => "start-training",
            Self::Graduate => "graduate",
            Self::Cancel(_) => "cancel",
        }
    }
}

/// Moves a class through its workflow; the one allowed actor is staff of the class's school.
/// Cancelling an agreed class gives its seats back to its demand (a MATCHED demand whose headcount
/// is no longer covered is OPEN again).
///
/// # Errors
/// `FORBIDDEN` for anyone but the class's school; database failures. User errors:
/// `INVALID_TRANSITION`, `BLANK` (no reason to cancel).
pub async fn transition_class(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    id: Uuid,
    action: ClassAction,
) -> OpResult<order_class::Model> {
    let txn = crate::db::write_txn(db).await?;
    let class = match class_for_write(&txn, actor, id).await? {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    require_school(actor, &class)?;
    use OrderClassStatus as S;
    let from = class.status;
    let (to, kind, reason) = match (&action, from) {
        (ClassAction::StartRecruiting, S::Agreed) => {
            (S::Recruiting, OrderClassEventKind::Recruiting, None)
        }
        (ClassAction::StartTraining, S::Recruiting) => {
            (S::InTraining, OrderClassEventKind::InTraining, None)
        }
        (ClassAction::Graduate, S::InTraining) => {
            (S::Graduated, OrderClassEventKind::Graduated, None)
        }
        (ClassAction::Cancel(reason), S::Proposed | S::Agreed | S::Recruiting | S::InTraining) => {
            let reason = crate::text::normalize(reason);
            if reason.is_empty() {
                return Ok(refuse(
                    "reason",
                    ViolationCode::Blank,
                    msg!("order-class-cancel-reason-blank"),
                ));
            }
            (S::Cancelled, OrderClassEventKind::Cancelled, Some(reason))
        }
        (action, from) => {
            return Ok(refuse(
                "id",
                ViolationCode::InvalidTransition,
                msg!(
                    "order-class-cannot-transition",
                    action = action.token(),
                    status = Arg::label(&from)
                ),
            ));
        }
    };
    let now = Utc::now();
    let mut demand_event = None;
    if to == S::Cancelled
        && from != S::Proposed
        && let Some(demand_id) = class.demand_id
        && let Some(demand) = order_class_demand::Entity::find_by_id(demand_id)
            .lock_exclusive()
            .one(&txn)
            .await?
    {
        let total = total_headcount(&txn, demand_id).await?;
        let matched = std::cmp::max(demand.matched_seats.saturating_sub(class.planned_seats), 0);
        let reopen = demand.status == DemandStatus::Matched && i64::from(matched) < total;
        let mut d: order_class_demand::ActiveModel = demand.into();
        d.matched_seats = Set(matched);
        if reopen {
            d.status = Set(DemandStatus::Open);
            demand_event = Some(DemandEventKind::Reopened);
        }
        d.updated_at = Set(now);
        d.update(&txn).await?;
    }
    let mut model: order_class::ActiveModel = class.into();
    model.status = Set(to);
    model.cancel_reason = Set(reason);
    model.updated_at = Set(now);
    let class = model.update(&txn).await?;
    let demand = demand_event
        .zip(class.demand_id)
        .map(|(kind, id)| Event::Demand { id, kind });
    let events = std::iter::once(Event::OrderClass { id, kind }).chain(demand);
    bus.commit_and_publish(txn, events, class).await
}
