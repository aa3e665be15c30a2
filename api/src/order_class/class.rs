//! Proposing an order class in answer to demand, and changing its plan while it is proposed.

use chrono::Utc;
use entity::enums::{DemandStatus, OrderClassStatus};
use entity::{
    demand_participant, member_unit, order_class, order_class_demand, order_class_sponsor,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbErr, EntityTrait, QueryFilter, QuerySelect,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::{Error, Violation, ViolationCode, refuse};
use crate::error::{OpResult, Outcome};
use crate::events::{Event, EventBus, OrderClassEventKind};
use crate::i18n::Arg;
use crate::msg;
use crate::order_class::FiveIntegrations;
use crate::order_class::TrainingPlan;
use crate::order_class::check_plan;
use crate::order_class::demand_scope;
use crate::order_class::sponsor_seats;
use crate::text::{clean, required};

/// A sponsor in a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SponsorSeats {
    /// The firm.
    pub enterprise_id: Uuid,
    /// Seats (> 0).
    pub seats: i32,
}

/// A new order class.
#[derive(Debug, Clone)]
pub struct ClassProposal {
    /// The demand answered, if any (must be OPEN; sponsors must be among its participants).
    pub demand_id: Option<Uuid>,
    /// The school (the caller's own for school staff; required for the secretariat).
    pub school_id: Option<Uuid>,
    /// Name.
    pub name: String,
    /// Specialty name.
    pub specialty_name: String,
    /// Specialty code.
    pub specialty_code: Option<String>,
    /// Cohort year.
    pub cohort_year: i32,
    /// Planned seats.
    pub planned_seats: i32,
    /// Sponsors and their seats.
    pub sponsors: Vec<SponsorSeats>,
    /// Training-plan hours.
    pub plan: TrainingPlan,
    /// Five integrations.
    pub integrations: FiveIntegrations,
}

fn set_integrations(m: &mut order_class::ActiveModel, i: FiveIntegrations) {
    let clean = crate::text::clean;
    m.course_goals_agreed = Set(i.course_goals.agreed);
    m.course_goals_note = Set(clean(i.course_goals.note));
    m.course_model_agreed = Set(i.course_model.agreed);
    m.course_model_note = Set(clean(i.course_model.note));
    m.content_agreed = Set(i.content.agreed);
    m.content_note = Set(clean(i.content.note));
    m.management_agreed = Set(i.management.agreed);
    m.management_note = Set(clean(i.management.note));
    m.assessment_agreed = Set(i.assessment.agreed);
    m.assessment_note = Set(clean(i.assessment.note));
}

fn set_plan(m: &mut order_class::ActiveModel, p: TrainingPlan) {
    m.total_specialty_hours = Set(p.total_specialty_hours);
    m.enterprise_workshop_hours = Set(p.enterprise_workshop_hours);
    m.core_practice_hours = Set(p.core_practice_hours);
    m.ordinary_class_practice_hours = Set(p.ordinary_class_practice_hours);
}

/// Proposes an order class: school staff for their own school (answering an OPEN demand), or the
/// secretariat for any school (with or without a demand).
///
/// # Errors
/// `FORBIDDEN` for enterprise staff; database failures. User errors: `BLANK`, `MUST_BE_POSITIVE`,
/// `NOT_FOUND`, `NOT_A_SCHOOL`, `DEMAND_NOT_OPEN`, `SPONSOR_NOT_IN_DEMAND`, `SPONSOR_NOT_ENTERPRISE`,
/// `DUPLICATE_SPONSOR`, `SPONSOR_SEATS_MISMATCH`, `MUST_BE_NON_NEGATIVE`, `INVALID`.
pub async fn propose_class(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    mut p: ClassProposal,
) -> OpResult<order_class::Model> {
    let school = match proposing_school(actor, &p)? {
        Ok(school) => school,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = check_proposal(&mut p);
    let txn = crate::db::write_txn(db).await?;
    check_parties(&txn, actor, school, &p, &mut errors).await?;
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let class = insert_class(&txn, school, p).await?;
    let event = Event::OrderClass {
        id: class.id,
        kind: OrderClassEventKind::Proposed,
    };
    bus.commit_and_publish(txn, [event], class).await
}

/// The school a proposal is for: the secretariat names it; school staff propose for their own,
/// answering a demand.
fn proposing_school(actor: &Actor, p: &ClassProposal) -> Result<Outcome<Uuid>, Error> {
    if actor.is_secretariat() {
        return Ok(match p.school_id {
            Some(s) => Ok(s),
            None => refuse(
                "schoolId",
                ViolationCode::Blank,
                msg!("order-class-school-required"),
            ),
        });
    }
    let Some(own) = actor.school() else {
        return Err(actor.refused(msg!("order-class-propose-forbidden")));
    };
    if p.school_id.is_some_and(|s| s != own) {
        return Err(Error::Forbidden(msg!("order-class-propose-other-school")));
    }
    if p.demand_id.is_none() {
        return Ok(refuse(
            "demandId",
            ViolationCode::Blank,
            msg!("order-class-demand-id-required"),
        ));
    }
    Ok(Ok(own))
}

/// What can be checked of a proposal without the database (texts are trimmed in place): names,
/// cohort year, seats, the plan's hours, and the sponsors (at least one, each once, seats adding
/// up to the planned seats).
fn check_proposal(p: &mut ClassProposal) -> Vec<Violation> {
    let mut errors = Vec::new();
    p.name = required(&p.name, "name", &mut errors);
    p.specialty_name = required(&p.specialty_name, "specialtyName", &mut errors);
    p.specialty_code = clean(p.specialty_code.take());
    if !(2000..=2100).contains(&p.cohort_year) {
        errors.push(Violation::on(
            "cohortYear",
            ViolationCode::Invalid,
            msg!("order-class-cohort-year-invalid"),
        ));
    }
    if p.planned_seats <= 0 {
        errors.push(Violation::on(
            "plannedSeats",
            ViolationCode::MustBePositive,
            msg!("order-class-must-be-positive", field = "plannedSeats"),
        ));
    }
    crate::limits::headcount(&mut errors, "plannedSeats", Some(p.planned_seats));
    check_plan(&p.plan, &mut errors);
    if p.sponsors.is_empty() {
        errors.push(Violation::on(
            "sponsors",
            ViolationCode::Blank,
            msg!("order-class-sponsor-required"),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, s) in p.sponsors.iter().enumerate() {
        if s.seats <= 0 {
            errors.push(Violation::on(
                &format!("sponsors.{i}.seats"),
                ViolationCode::MustBePositive,
                msg!("order-class-must-be-positive", field = "seats"),
            ));
        }
        crate::limits::headcount(&mut errors, &format!("sponsors.{i}.seats"), Some(s.seats));
        if !seen.insert(s.enterprise_id) {
            errors.push(Violation::on(
                &format!("sponsors.{i}.enterpriseId"),
                ViolationCode::DuplicateSponsor,
                msg!("order-class-sponsor-duplicate"),
            ));
        }
    }
    let (seat_sum, seats_match) =
        sponsor_seats(p.sponsors.iter().map(|s| s.seats), p.planned_seats);
    if !p.sponsors.is_empty() && !seats_match {
        errors.push(Violation::on(
            "sponsors",
            ViolationCode::SponsorSeatsMismatch,
            msg!(
                "order-class-sponsor-seats-mismatch",
                taken = seat_sum,
                planned = p.planned_seats
            ),
        ));
    }
    errors
}

/// Checks the parties against the registry: the school is a school, every sponsor a member that
/// may sponsor order classes ([`crate::registry::may_sponsor_order_classes`]), and (when the class answers a demand) the demand is OPEN and every sponsor takes part
/// in it.
async fn check_parties(
    txn: &DatabaseTransaction,
    actor: &Actor,
    school: Uuid,
    p: &ClassProposal,
    errors: &mut Vec<Violation>,
) -> Result<(), DbErr> {
    match member_unit::Entity::find_by_id(school).one(txn).await? {
        Some(u) if u.kind.is_school() => {}
        Some(_) => errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotASchool,
            msg!("order-class-school-not-a-school"),
        )),
        None => errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotFound,
            msg!("registry-member-unit-not-found"),
        )),
    }
    let units: std::collections::HashMap<Uuid, member_unit::Model> = member_unit::Entity::find()
        .filter(member_unit::Column::Id.is_in(p.sponsors.iter().map(|s| s.enterprise_id)))
        .all(txn)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    for (i, s) in p.sponsors.iter().enumerate() {
        match units.get(&s.enterprise_id) {
            None => errors.push(Violation::on(
                &format!("sponsors.{i}.enterpriseId"),
                ViolationCode::NotFound,
                msg!("registry-member-unit-not-found"),
            )),
            Some(u) if !crate::registry::may_sponsor_order_classes(u) => {
                errors.push(Violation::on(
                    &format!("sponsors.{i}.enterpriseId"),
                    ViolationCode::SponsorNotEnterprise,
                    msg!("order-class-sponsor-may-not", name = &u.name),
                ));
            }
            Some(_) => {}
        }
    }
    if let Some(demand_id) = p.demand_id {
        check_demand_answered(txn, actor, demand_id, &p.sponsors, errors).await?;
    }
    Ok(())
}

/// The demand a class answers is one the caller may see, OPEN, and every sponsor takes part in it.
async fn check_demand_answered(
    txn: &DatabaseTransaction,
    actor: &Actor,
    demand_id: Uuid,
    sponsors: &[SponsorSeats],
    errors: &mut Vec<Violation>,
) -> Result<(), DbErr> {
    let demand = order_class_demand::Entity::find_by_id(demand_id)
        .filter(demand_scope(actor))
        .one(txn)
        .await?;
    match demand {
        None => errors.push(Violation::on(
            "demandId",
            ViolationCode::NotFound,
            msg!("order-class-demand-not-found"),
        )),
        Some(d) if d.status != DemandStatus::Open => errors.push(Violation::on(
            "demandId",
            ViolationCode::DemandNotOpen,
            msg!(
                "order-class-demand-not-open",
                status = Arg::label(&d.status)
            ),
        )),
        Some(_) => {
            let participants: std::collections::HashSet<Uuid> = demand_participant::Entity::find()
                .filter(demand_participant::Column::DemandId.eq(demand_id))
                .all(txn)
                .await?
                .into_iter()
                .map(|p| p.enterprise_id)
                .collect();
            for (i, s) in sponsors.iter().enumerate() {
                if !participants.contains(&s.enterprise_id) {
                    errors.push(Violation::on(
                        &format!("sponsors.{i}.enterpriseId"),
                        ViolationCode::SponsorNotInDemand,
                        msg!("order-class-sponsor-not-in-demand"),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Inserts a checked proposal as a PROPOSED class of `school`, with its sponsors.
async fn insert_class(
    txn: &DatabaseTransaction,
    school: Uuid,
    p: ClassProposal,
) -> Result<order_class::Model, DbErr> {
    let now = Utc::now();
    let mut model = order_class::ActiveModel {
        id: Set(Uuid::now_v7()),
        demand_id: Set(p.demand_id),
        school_id: Set(school),
        name: Set(p.name),
        specialty_name: Set(p.specialty_name),
        specialty_code: Set(p.specialty_code),
        cohort_year: Set(p.cohort_year),
        planned_seats: Set(p.planned_seats),
        status: Set(OrderClassStatus::Proposed),
        cancel_reason: Set(None),
        school_accepted_at: Set(None),
        school_accepted_by: Set(None),
        agreed_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    set_plan(&mut model, p.plan);
    set_integrations(&mut model, p.integrations);
    let class = model.insert(txn).await?;
    for s in &p.sponsors {
        order_class_sponsor::ActiveModel {
            id: Set(Uuid::now_v7()),
            order_class_id: Set(class.id),
            enterprise_id: Set(s.enterprise_id),
            seats: Set(s.seats),
            accepted_at: Set(None),
            accepted_by: Set(None),
        }
        .insert(txn)
        .await?;
    }
    Ok(class)
}

pub(super) async fn class_for_write(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<Outcome<order_class::Model>, Error> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    // FOR UPDATE (PostgreSQL): concurrent acceptances, enrolments and status changes of one class
    // run one after another, so none is lost and seats cannot be overbooked.
    Ok(
        match order_class::Entity::find_by_id(id)
            .lock_exclusive()
            .one(db)
            .await?
        {
            Some(c) => Ok(c),
            None => refuse("id", ViolationCode::NotFound, msg!("order-class-not-found")),
        },
    )
}

pub(super) fn require_school(actor: &Actor, class: &order_class::Model) -> Result<(), Error> {
    if actor.school() == Some(class.school_id) {
        Ok(())
    } else {
        Err(Error::Forbidden(msg!("order-class-school-only")))
    }
}

/// Changes a PROPOSED class's plan and five integrations (school staff of its school). Every
/// acceptance given so far is withdrawn: the parties must accept the new plan.
///
/// # Errors
/// `FORBIDDEN` for anyone but the class's school; database failures. User errors:
/// `INVALID_TRANSITION` (not PROPOSED), `MUST_BE_NON_NEGATIVE`, `INVALID`.
pub async fn update_class_plan(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    id: Uuid,
    plan: Option<TrainingPlan>,
    integrations: Option<FiveIntegrations>,
) -> OpResult<order_class::Model> {
    let txn = crate::db::write_txn(db).await?;
    let class = match class_for_write(&txn, actor, id).await? {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    require_school(actor, &class)?;
    if class.status != OrderClassStatus::Proposed {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("order-class-plan-locked"),
        ));
    }
    let mut errors = Vec::new();
    if let Some(plan) = &plan {
        check_plan(plan, &mut errors);
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut model: order_class::ActiveModel = class.into();
    if let Some(plan) = plan {
        set_plan(&mut model, plan);
    }
    if let Some(i) = integrations {
        set_integrations(&mut model, i);
    }
    model.school_accepted_at = Set(None);
    model.school_accepted_by = Set(None);
    model.updated_at = Set(Utc::now());
    let class = model.update(&txn).await?;
    // A bulk update bypasses the entities' hooks: the acceptances withdrawn are recorded here.
    let sponsors = order_class_sponsor::Entity::find()
        .filter(order_class_sponsor::Column::OrderClassId.eq(id))
        .all(&txn)
        .await?;
    for before in sponsors.iter().filter(|s| s.accepted_at.is_some()) {
        let after = order_class_sponsor::Model {
            accepted_at: None,
            accepted_by: None,
            ..before.clone()
        };
        entity::audit::record_change(&txn, before, &after).await?;
    }
    order_class_sponsor::Entity::update_many()
        .col_expr(
            order_class_sponsor::Column::AcceptedAt,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .col_expr(
            order_class_sponsor::Column::AcceptedBy,
            Expr::value(Option::<Uuid>::None),
        )
        .filter(order_class_sponsor::Column::OrderClassId.eq(id))
        .exec(&txn)
        .await?;
    bus.commit_and_publish(
        txn,
        [Event::OrderClass {
            id,
            kind: OrderClassEventKind::Updated,
        }],
        class,
    )
    .await
}
