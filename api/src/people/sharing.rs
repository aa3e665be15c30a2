//! Shared equipment and sites (Founding notice 三(二): "鼓励集团内企业、院校之间共享生产教学设施
//! 设备和场地"): a member lists what it shares — what, where, for how many, on what conditions —
//! other members request a slot, the owner accepts or declines, and the committees see the year's
//! use.

use chrono::{NaiveDate, Utc};
use entity::enums::{ResourceBookingStatus, SharedResourceKind};
use entity::{resource_booking, shared_resource};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbBackend,
    EntityTrait, FromQueryResult, QueryFilter, QuerySelect, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::acting_for;
use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::{clean, required};

/// Most people one resource's slot takes.
pub const MAX_CAPACITY: i32 = 10_000;
/// Longest slot, in days.
pub const MAX_SLOT_DAYS: i64 = 366;

/// A resource as its owner lists it.
#[derive(Debug, Clone)]
pub struct ResourceInput {
    /// The owner: the caller's own unit; required for the secretariat.
    pub unit_id: Option<Uuid>,
    /// Equipment or a site.
    pub kind: SharedResourceKind,
    /// What it is (1–200 characters).
    pub name: String,
    /// Where it is (1–200 characters).
    pub location: String,
    /// How many people one slot takes (1–10,000).
    pub capacity: i32,
    /// On what conditions (at most 4,000 characters).
    pub conditions: String,
}

/// Lists a resource a member shares: its staff or the secretariat naming it. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `BLANK`, `NOT_FOUND`, `INVALID` capacity (below
/// 1), `TOO_LARGE` (above 10,000); database failures.
pub async fn share_resource(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: ResourceInput,
) -> OpResult<shared_resource::Model> {
    let unit = match acting_for(
        actor,
        actor.unit(),
        input.unit_id,
        "unitId",
        msg!("people-forbidden-member-staff-only"),
    )? {
        Ok(u) => u,
        Err(e) => return Ok(Err(e)),
    };
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    if entity::member_unit::Entity::find_by_id(unit)
        .one(&txn)
        .await?
        .is_none()
    {
        errors.push(Violation::on(
            "unitId",
            ViolationCode::NotFound,
            msg!("registry-member-unit-not-found"),
        ));
    }
    let name = required(&input.name, "name", &mut errors);
    let location = required(&input.location, "location", &mut errors);
    if input.capacity < 1 {
        errors.push(Violation::on(
            "capacity",
            ViolationCode::MustBePositive,
            msg!("people-must-be-positive", field = "capacity"),
        ));
    }
    if input.capacity > MAX_CAPACITY {
        errors.push(Violation::on(
            "capacity",
            ViolationCode::TooLarge,
            msg!("limits-too-large", field = "capacity", max = MAX_CAPACITY),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let row = shared_resource::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(unit),
        kind: Set(input.kind),
        name: Set(name),
        location: Set(location),
        capacity: Set(input.capacity),
        conditions: Set(input.conditions.trim().to_owned()),
        archived_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Stops sharing a resource: its owner's staff or the secretariat. Requests already accepted
/// stand; no new one is taken. One transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `INVALID_TRANSITION` (withdrawn
/// already); database failures.
pub async fn withdraw_resource(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
) -> OpResult<shared_resource::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = shared_resource::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-resource-unknown"),
        ));
    };
    if !(actor.is_secretariat() || actor.unit() == Some(row.unit_id)) {
        return Err(actor.refused(msg!("plan-forbidden-host-only")));
    }
    if row.archived_at.is_some() {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("people-resource-withdrawn"),
        ));
    }
    let mut a: shared_resource::ActiveModel = row.into();
    a.archived_at = Set(Some(Utc::now()));
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// A request for a slot.
#[derive(Debug, Clone)]
pub struct SlotInput {
    /// The resource.
    pub resource_id: Uuid,
    /// The member asking: the caller's own unit; required for the secretariat.
    pub unit_id: Option<Uuid>,
    /// The slot's first day (in 2000–2100).
    pub starts_on: NaiveDate,
    /// The slot's last day (not before the first, at most 366 days after it).
    pub ends_on: NaiveDate,
    /// People using it (1 – the resource's capacity).
    pub headcount: i32,
    /// What for (1–2,000 characters).
    pub purpose: String,
}

/// Asks for a slot of another member's shared resource: a member's staff, or the secretariat
/// naming the member. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND` resource, `INVALID_TRANSITION` (no
/// longer shared), `INVALID` (one's own resource; days out of order, too long or outside
/// 2000–2100), `MUST_BE_POSITIVE` / `TOO_LARGE` headcount (above the capacity), `BLANK` /
/// `TOO_LONG` purpose; database failures.
pub async fn request_slot(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: SlotInput,
) -> OpResult<resource_booking::Model> {
    let unit = match acting_for(
        actor,
        actor.unit(),
        input.unit_id,
        "unitId",
        msg!("people-forbidden-member-staff-only"),
    )? {
        Ok(u) => u,
        Err(e) => return Ok(Err(e)),
    };
    let txn = crate::db::write_txn(db).await?;
    let Some(resource) = shared_resource::Entity::find_by_id(input.resource_id)
        .one(&txn)
        .await?
    else {
        return Ok(refuse(
            "resourceId",
            ViolationCode::NotFound,
            msg!("people-resource-unknown"),
        ));
    };
    let mut errors = Vec::new();
    if resource.archived_at.is_some() {
        errors.push(Violation::on(
            "resourceId",
            ViolationCode::InvalidTransition,
            msg!("people-resource-withdrawn"),
        ));
    }
    if resource.unit_id == unit {
        errors.push(Violation::on(
            "resourceId",
            ViolationCode::Invalid,
            msg!("people-resource-own"),
        ));
    }
    let span = (input.ends_on - input.starts_on).num_days();
    let years = crate::committees::YEARS;
    if !(0..MAX_SLOT_DAYS).contains(&span)
        || !years.contains(&chrono::Datelike::year(&input.starts_on))
        || !years.contains(&chrono::Datelike::year(&input.ends_on))
    {
        errors.push(Violation::on(
            "endsOn",
            ViolationCode::Invalid,
            msg!("people-slot-days", max = MAX_SLOT_DAYS),
        ));
    }
    if input.headcount < 1 {
        errors.push(Violation::on(
            "headcount",
            ViolationCode::MustBePositive,
            msg!("people-must-be-positive", field = "headcount"),
        ));
    } else if input.headcount > resource.capacity {
        errors.push(Violation::on(
            "headcount",
            ViolationCode::TooLarge,
            msg!(
                "limits-too-large",
                field = "headcount",
                max = resource.capacity
            ),
        ));
    }
    let purpose = required(&input.purpose, "purpose", &mut errors);
    crate::text::too_long(&mut errors, "purpose", Some(&purpose), 2_000);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let row = resource_booking::ActiveModel {
        id: Set(Uuid::now_v7()),
        resource_id: Set(resource.id),
        unit_id: Set(unit),
        host_unit_id: Set(resource.unit_id),
        starts_on: Set(input.starts_on),
        ends_on: Set(input.ends_on),
        headcount: Set(input.headcount),
        purpose: Set(purpose),
        status: Set(ResourceBookingStatus::Requested),
        decline_reason: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Answers a request: the owner's staff or the secretariat accept it or decline it with a reason.
/// Accepting holds the slot: the people of the accepted requests overlapping it, and this one's,
/// must fit the capacity (counted conservatively, as if every overlapping request overlapped the
/// others), checked with the resource's row locked. One transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `INVALID_TRANSITION` (answered or
/// cancelled already), `BLANK` reason (declining), `TAKEN` (the slot is full); database failures.
pub async fn answer_request(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    accept: bool,
    reason: Option<String>,
) -> OpResult<resource_booking::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = resource_booking::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-booking-unknown"),
        ));
    };
    if !(actor.is_secretariat() || actor.unit() == Some(row.host_unit_id)) {
        return Err(actor.refused(msg!("plan-forbidden-host-only")));
    }
    if row.status != ResourceBookingStatus::Requested {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("people-booking-answered"),
        ));
    }
    let reason = clean(reason);
    if !accept && reason.is_none() {
        return Ok(refuse(
            "reason",
            ViolationCode::Blank,
            msg!("field-blank", field = "reason"),
        ));
    }
    if accept {
        let resource = shared_resource::Entity::find_by_id(row.resource_id)
            .lock_exclusive()
            .one(&txn)
            .await?;
        let capacity = resource.map_or(0, |r| i64::from(r.capacity));
        let held: Option<i64> = resource_booking::Entity::find()
            .select_only()
            .column_as(
                Expr::expr(Func::sum(Expr::col(resource_booking::Column::Headcount)))
                    .cast_as(sea_orm::sea_query::Alias::new("BIGINT")),
                "held",
            )
            .filter(resource_booking::Column::ResourceId.eq(row.resource_id))
            .filter(resource_booking::Column::Status.eq(ResourceBookingStatus::Accepted))
            .filter(resource_booking::Column::StartsOn.lte(row.ends_on))
            .filter(resource_booking::Column::EndsOn.gte(row.starts_on))
            .into_tuple()
            .one(&txn)
            .await?
            .flatten();
        if held.unwrap_or(0) + i64::from(row.headcount) > capacity {
            return Ok(refuse(
                "id",
                ViolationCode::Taken,
                msg!("people-slot-full", capacity = capacity),
            ));
        }
    }
    let mut a: resource_booking::ActiveModel = row.into();
    a.status = Set(if accept {
        ResourceBookingStatus::Accepted
    } else {
        ResourceBookingStatus::Declined
    });
    a.decline_reason = Set(if accept { None } else { reason });
    a.decided_at = Set(Some(Utc::now()));
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Cancels a request, answered or not: the requesting member's staff or the secretariat. A
/// cancelled slot frees its place. One transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `INVALID_TRANSITION` (declined or
/// cancelled already); database failures.
pub async fn cancel_request(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
) -> OpResult<resource_booking::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = resource_booking::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-booking-unknown"),
        ));
    };
    if !(actor.is_secretariat() || actor.unit() == Some(row.unit_id)) {
        return Err(actor.refused(msg!("people-forbidden-member-staff-only")));
    }
    if !matches!(
        row.status,
        ResourceBookingStatus::Requested | ResourceBookingStatus::Accepted
    ) {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("people-booking-answered"),
        ));
    }
    let mut a: resource_booking::ActiveModel = row.into();
    a.status = Set(ResourceBookingStatus::Cancelled);
    a.decided_at = Set(Some(Utc::now()));
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// The requests `actor` may read: its own and those for its resources; all for the secretariat
/// and committee staff; none for anyone else.
pub fn booking_scope(actor: &Actor) -> Condition {
    if actor.reads_aggregates() {
        return Condition::all();
    }
    match actor.unit() {
        Some(u) => Condition::any()
            .add(resource_booking::Column::UnitId.eq(u))
            .add(resource_booking::Column::HostUnitId.eq(u)),
        None => crate::db::no_rows(),
    }
}

/// One resource's use in a year: the accepted slots starting in it.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct ResourceUse {
    /// The resource.
    pub resource_id: Uuid,
    /// Accepted slots.
    pub slots: i64,
    /// Their days (each slot's first to last day, inclusive).
    pub days: i64,
    /// Their people.
    pub people: i64,
    /// The members that used it.
    pub users: i64,
}

/// Each shared resource's use in `year` (resources with any), from one SQL aggregate: the
/// secretariat and committee staff see every resource's; a member's staff its own resources'.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for other callers; `BadInput` for a year outside 2000–2100;
/// database failures.
pub async fn resource_use(
    actor: &Actor,
    db: &impl ConnectionTrait,
    year: i32,
) -> Result<Vec<ResourceUse>, Error> {
    if !actor.reads_shared() {
        return Err(actor.refused(msg!("forbidden-evaluator-rounds-only")));
    }
    if !crate::committees::YEARS.contains(&year) {
        return Err(Error::BadInput(msg!("year-invalid", year = year)));
    }
    let (from, to) = crate::error::year_bounds(year)?;
    // Days between two dates: PostgreSQL subtracts dates to an integer; SQLite counts Julian days.
    let days = match db.get_database_backend() {
        DbBackend::Sqlite => "SUM(CAST(julianday(ends_on) - julianday(starts_on) AS INTEGER) + 1)",
        _ => "CAST(SUM(ends_on - starts_on + 1) AS BIGINT)",
    };
    let mut q = resource_booking::Entity::find()
        .select_only()
        .column(resource_booking::Column::ResourceId)
        .column_as(Expr::col(resource_booking::Column::Id).count(), "slots")
        .column_as(Expr::cust(days), "days")
        .column_as(
            Expr::expr(Func::sum(Expr::col(resource_booking::Column::Headcount)))
                .cast_as(sea_orm::sea_query::Alias::new("BIGINT")),
            "people",
        )
        .column_as(
            Expr::col(resource_booking::Column::UnitId).count_distinct(),
            "users",
        )
        .filter(resource_booking::Column::Status.eq(ResourceBookingStatus::Accepted))
        .filter(resource_booking::Column::StartsOn.gte(from))
        .filter(resource_booking::Column::StartsOn.lt(to))
        .group_by(resource_booking::Column::ResourceId);
    if !actor.reads_aggregates() {
        match actor.unit() {
            Some(u) => q = q.filter(resource_booking::Column::HostUnitId.eq(u)),
            None => return Err(actor.refused(msg!("forbidden-committees-only"))),
        }
    }
    let mut rows: Vec<ResourceUse> = q.into_model().all(db).await?;
    rows.sort_by_key(|r| r.resource_id);
    Ok(rows)
}
