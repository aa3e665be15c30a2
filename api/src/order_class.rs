//! Order classes (订单班): enterprises post demand, schools answer with classes, both agree; then the
//! school recruits, trains and graduates the class. Rules come from `004_*.txt` 二(三)6 (single or
//! joint classes, five integrations) and `001_*.txt` (2) (unemployed youth and migrant workers,
//! relaxed age limit), (5) (≥ 50% of specialty hours in enterprise workshops, core practice ≥ 150%
//! of an ordinary class) and (7) (tripartite pre-employment agreements).
//!
//! Every function checks who may act (a top-level `FORBIDDEN`), validates the input (typed
//! [`Violation`]s), and writes in one transaction: on any error nothing changes.

use chrono::{Datelike, NaiveDate, Utc};
use entity::enums::{
    AccountRole, DemandStatus, District, Gender, OrderClassStatus, TargetGroup, Term,
};
use entity::{
    demand_participant, enrolment, member_unit, order_class, order_class_demand,
    order_class_sponsor, student,
};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::db::no_rows;
use crate::error::{Error, Violation, ViolationCode, refuse};
pub use crate::error::{OpResult, Outcome};
use crate::events::{DemandEventKind, Event, EventBus, OrderClassEventKind};

// ---------------------------------------------------------------------------------------------
// Visibility
// ---------------------------------------------------------------------------------------------

/// Demands the caller may read: every published one for any authenticated caller (demand is meant
/// to be seen by schools); drafts only by their own firm and the secretariat; nothing anonymously.
pub fn demand_scope(actor: &Actor) -> Condition {
    match actor {
        Actor::Anonymous => no_rows(),
        a if a.is_secretariat() => Condition::all(),
        a => {
            let mut any =
                Condition::any().add(order_class_demand::Column::Status.ne(DemandStatus::Draft));
            if let Some(unit) = a.unit() {
                any = any.add(order_class_demand::Column::EnterpriseId.eq(unit));
            }
            any
        }
    }
}

/// Whether the caller may read `demand` (the in-memory twin of [`demand_scope`]).
pub fn can_read_demand(actor: &Actor, demand: &order_class_demand::Model) -> bool {
    match actor {
        Actor::Anonymous => false,
        a if a.is_secretariat() => true,
        a => demand.status != DemandStatus::Draft || a.unit() == Some(demand.enterprise_id),
    }
}

/// Order classes the caller may read: any, for an authenticated caller (students are guarded
/// separately); nothing anonymously.
pub fn order_class_scope(actor: &Actor) -> Condition {
    if actor.is_authenticated() {
        Condition::all()
    } else {
        no_rows()
    }
}

/// Classes whose students the caller may see: the class's school, its sponsors, the secretariat.
fn student_class_ids(unit: Uuid) -> Condition {
    Condition::any()
        .add(order_class::Column::SchoolId.eq(unit))
        .add(
            order_class::Column::Id.in_subquery(
                Query::select()
                    .column(order_class_sponsor::Column::OrderClassId)
                    .from(order_class_sponsor::Entity)
                    .and_where(order_class_sponsor::Column::EnterpriseId.eq(unit))
                    .to_owned(),
            ),
        )
}

/// Enrolments (with their students' personal data) the caller may read: those of classes run by
/// the caller's school or sponsored by the caller's firm; all for the secretariat
/// (`DOMAIN.md`: students' data reaches only their school, their host firm and the committees).
pub fn enrolment_scope(actor: &Actor) -> Condition {
    match actor {
        a if a.is_secretariat() => Condition::all(),
        a => match a.unit() {
            Some(unit) => Condition::all().add(
                enrolment::Column::OrderClassId.in_subquery(
                    Query::select()
                        .column(order_class::Column::Id)
                        .from(order_class::Entity)
                        .cond_where(student_class_ids(unit))
                        .to_owned(),
                ),
            ),
            None => no_rows(),
        },
    }
}

/// Students the caller may read: the school's own; those enrolled in classes the caller's firm
/// sponsors; all for the secretariat.
pub fn student_scope(actor: &Actor) -> Condition {
    match actor {
        a if a.is_secretariat() => Condition::all(),
        a => match a.unit() {
            Some(unit) => Condition::any()
                .add(student::Column::SchoolId.eq(unit))
                .add(
                    student::Column::Id.in_subquery(
                        Query::select()
                            .column(enrolment::Column::StudentId)
                            .from(enrolment::Entity)
                            .cond_where(enrolment_scope(a))
                            .to_owned(),
                    ),
                ),
            None => no_rows(),
        },
    }
}

/// Whether the caller may see the students of a class run by `school` with `sponsors`.
pub fn can_see_students(
    actor: &Actor,
    school: Uuid,
    sponsors: &[order_class_sponsor::Model],
) -> bool {
    actor.is_secretariat()
        || actor
            .unit()
            .is_some_and(|u| u == school || sponsors.iter().any(|s| s.enterprise_id == u))
}

// ---------------------------------------------------------------------------------------------
// Demand
// ---------------------------------------------------------------------------------------------

/// Fields of a demand to set; `None` leaves a field as it is (on create, required fields must be
/// given). For nullable fields the inner `Option` is the new value.
#[derive(Debug, Clone, Default)]
pub struct DemandFields {
    /// Specialty name (required on create).
    pub specialty_name: Option<String>,
    /// Specialty code.
    pub specialty_code: Option<Option<String>>,
    /// The posting firm's own headcount (> 0; required on create).
    pub headcount: Option<i32>,
    /// Required skills.
    pub required_skills: Option<Option<String>>,
    /// Required certificates.
    pub required_certificates: Option<Option<String>>,
    /// Start year (required on create).
    pub start_year: Option<i32>,
    /// Start term (required on create).
    pub start_term: Option<Term>,
    /// Work district.
    pub work_district: Option<Option<District>>,
    /// Lowest monthly pay, CNY.
    pub pay_min: Option<Option<i32>>,
    /// Highest monthly pay, CNY.
    pub pay_max: Option<Option<i32>>,
    /// Application deadline.
    pub application_deadline: Option<Option<NaiveDate>>,
    /// Unemployed youth may enrol.
    pub open_to_unemployed_youth: Option<bool>,
    /// Migrant workers may enrol.
    pub open_to_migrant_workers: Option<bool>,
    /// Age limit in years.
    pub age_limit: Option<Option<i32>>,
    /// Description.
    pub description: Option<Option<String>>,
}

/// Youngest age limit accepted: students under 16 may not do 岗位实习 (2021 rules, art. 16 (2)).
pub const MIN_AGE_LIMIT: i32 = 16;
/// Oldest age limit accepted (the plan relaxes the age limit, `001_*.txt` (2), but not past working
/// age).
pub const MAX_AGE_LIMIT: i32 = 60;

fn text(v: Option<Option<String>>) -> Option<Option<String>> {
    v.map(|o| o.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()))
}

fn check_demand(
    fields: &mut DemandFields,
    current: Option<&order_class_demand::Model>,
) -> Vec<Violation> {
    let mut errors = Vec::new();
    if let Some(name) = &mut fields.specialty_name {
        *name = name.trim().to_owned();
        if name.is_empty() {
            errors.push(Violation::on(
                "specialtyName",
                ViolationCode::Blank,
                "specialtyName is blank",
            ));
        }
    }
    fields.specialty_code = text(fields.specialty_code.take());
    fields.required_skills = text(fields.required_skills.take());
    fields.required_certificates = text(fields.required_certificates.take());
    fields.description = text(fields.description.take());
    if fields.headcount.is_some_and(|h| h <= 0) {
        errors.push(Violation::on(
            "headcount",
            ViolationCode::MustBePositive,
            "headcount must be at least 1",
        ));
    }
    if fields
        .start_year
        .is_some_and(|y| !(2000..=2100).contains(&y))
    {
        errors.push(Violation::on(
            "startYear",
            ViolationCode::Invalid,
            "startYear must be a year between 2000 and 2100",
        ));
    }
    let pay_min = fields.pay_min.unwrap_or(current.and_then(|c| c.pay_min));
    let pay_max = fields.pay_max.unwrap_or(current.and_then(|c| c.pay_max));
    if pay_min.is_some_and(|p| p < 0) || pay_max.is_some_and(|p| p < 0) {
        errors.push(Violation::on(
            "payMin",
            ViolationCode::MustBeNonNegative,
            "pay must be 0 or more CNY",
        ));
    }
    if let (Some(lo), Some(hi)) = (pay_min, pay_max)
        && lo > hi
    {
        errors.push(Violation::on(
            "payMax",
            ViolationCode::Invalid,
            "payMax is below payMin",
        ));
    }
    if let Some(Some(age)) = fields.age_limit
        && !(MIN_AGE_LIMIT..=MAX_AGE_LIMIT).contains(&age)
    {
        errors.push(Violation::on(
            "ageLimit",
            ViolationCode::Invalid,
            format!("ageLimit must be between {MIN_AGE_LIMIT} and {MAX_AGE_LIMIT} years"),
        ));
    }
    errors
}

fn apply_demand(m: &mut order_class_demand::ActiveModel, f: DemandFields) {
    if let Some(v) = f.specialty_name {
        m.specialty_name = Set(v);
    }
    if let Some(v) = f.specialty_code {
        m.specialty_code = Set(v);
    }
    if let Some(v) = f.required_skills {
        m.required_skills = Set(v);
    }
    if let Some(v) = f.required_certificates {
        m.required_certificates = Set(v);
    }
    if let Some(v) = f.start_year {
        m.start_year = Set(v);
    }
    if let Some(v) = f.start_term {
        m.start_term = Set(v);
    }
    if let Some(v) = f.work_district {
        m.work_district = Set(v);
    }
    if let Some(v) = f.pay_min {
        m.pay_min = Set(v);
    }
    if let Some(v) = f.pay_max {
        m.pay_max = Set(v);
    }
    if let Some(v) = f.application_deadline {
        m.application_deadline = Set(v);
    }
    if let Some(v) = f.open_to_unemployed_youth {
        m.open_to_unemployed_youth = Set(v);
    }
    if let Some(v) = f.open_to_migrant_workers {
        m.open_to_migrant_workers = Set(v);
    }
    if let Some(v) = f.age_limit {
        m.age_limit = Set(v);
    }
    if let Some(v) = f.description {
        m.description = Set(v);
    }
}

/// Posts a demand as a DRAFT for the caller's firm (ENTERPRISE_STAFF only).
///
/// # Errors
/// `UNAUTHENTICATED`/`FORBIDDEN` for other callers; database failures.
pub async fn create_demand(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    mut fields: DemandFields,
) -> OpResult<order_class_demand::Model> {
    let firm = actor.require_firm()?;
    let mut errors = check_demand(&mut fields, None);
    for (given, field) in [
        (fields.specialty_name.is_some(), "specialtyName"),
        (fields.headcount.is_some(), "headcount"),
        (fields.start_year.is_some(), "startYear"),
        (fields.start_term.is_some(), "startTerm"),
    ] {
        if !given {
            errors.push(Violation::on(
                field,
                ViolationCode::Blank,
                format!("{field} is required"),
            ));
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let headcount = fields.headcount.unwrap_or(1);
    let txn = crate::db::write_txn(db).await?;
    let mut model = order_class_demand::ActiveModel {
        id: Set(Uuid::now_v7()),
        enterprise_id: Set(firm),
        specialty_code: Set(None),
        required_skills: Set(None),
        required_certificates: Set(None),
        work_district: Set(None),
        pay_min: Set(None),
        pay_max: Set(None),
        application_deadline: Set(None),
        open_to_unemployed_youth: Set(false),
        open_to_migrant_workers: Set(false),
        age_limit: Set(None),
        description: Set(None),
        status: Set(DemandStatus::Draft),
        matched_seats: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply_demand(&mut model, fields);
    let demand = model.insert(&txn).await?;
    demand_participant::ActiveModel {
        id: Set(Uuid::now_v7()),
        demand_id: Set(demand.id),
        enterprise_id: Set(firm),
        headcount: Set(headcount),
        is_poster: Set(true),
        created_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    bus.publish(Event::Demand {
        id: demand.id,
        kind: DemandEventKind::Created,
    })
    .await;
    Ok(Ok(demand))
}

/// Loads a demand the caller may read, for a write (`NOT_FOUND` on `id` otherwise).
async fn demand_for_write(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<Outcome<order_class_demand::Model>, Error> {
    let found = order_class_demand::Entity::find_by_id(id)
        .filter(demand_scope(actor))
        .lock_exclusive()
        .one(db)
        .await?;
    Ok(match found {
        Some(d) => Ok(d),
        None => refuse(
            "id",
            ViolationCode::NotFound,
            "no order-class demand you may see has this ID",
        ),
    })
}

/// Changes a DRAFT or OPEN demand of the caller's firm.
///
/// # Errors
/// `FORBIDDEN` unless the caller is staff of the posting firm; database failures.
pub async fn update_demand(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    id: Uuid,
    mut fields: DemandFields,
) -> OpResult<order_class_demand::Model> {
    let firm = actor.require_firm()?;
    let txn = crate::db::write_txn(db).await?;
    let demand = match demand_for_write(&txn, actor, id).await? {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    if demand.enterprise_id != firm {
        return Err(Error::Forbidden(
            "only the posting firm may change its demand",
        ));
    }
    if !matches!(demand.status, DemandStatus::Draft | DemandStatus::Open) {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            format!("a {:?} demand cannot be changed", demand.status),
        ));
    }
    let errors = check_demand(&mut fields, Some(&demand));
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    if let Some(headcount) = fields.headcount {
        demand_participant::Entity::update_many()
            .col_expr(
                demand_participant::Column::Headcount,
                Expr::value(headcount),
            )
            .filter(demand_participant::Column::DemandId.eq(id))
            .filter(demand_participant::Column::IsPoster.eq(true))
            .exec(&txn)
            .await?;
    }
    let mut model: order_class_demand::ActiveModel = demand.into();
    apply_demand(&mut model, fields);
    model.updated_at = Set(Utc::now());
    let demand = model.update(&txn).await?;
    txn.commit().await?;
    bus.publish(Event::Demand {
        id,
        kind: DemandEventKind::Updated,
    })
    .await;
    Ok(Ok(demand))
}

/// A transition of a demand that its posting firm makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemandAction {
    /// DRAFT → OPEN.
    Publish,
    /// DRAFT or OPEN (with no agreed class) → WITHDRAWN.
    Withdraw,
    /// OPEN or MATCHED → CLOSED.
    Close,
}

/// Moves a demand of the caller's firm through its workflow. The one allowed actor of each
/// transition is the posting firm (MATCHED is reached automatically when classes are agreed).
///
/// # Errors
/// `FORBIDDEN` unless the caller is staff of the posting firm; database failures. A transition the
/// status does not allow is the user error `INVALID_TRANSITION`.
pub async fn transition_demand(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    id: Uuid,
    action: DemandAction,
) -> OpResult<order_class_demand::Model> {
    let firm = actor.require_firm()?;
    let txn = crate::db::write_txn(db).await?;
    let demand = match demand_for_write(&txn, actor, id).await? {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    if demand.enterprise_id != firm {
        return Err(Error::Forbidden(
            "only the posting firm may move its demand",
        ));
    }
    use DemandStatus as S;
    let (to, kind) = match (action, demand.status) {
        (DemandAction::Publish, S::Draft) => (S::Open, DemandEventKind::Posted),
        (DemandAction::Withdraw, S::Draft | S::Open) if demand.matched_seats == 0 => {
            (S::Withdrawn, DemandEventKind::Withdrawn)
        }
        (DemandAction::Close, S::Open | S::Matched) => (S::Closed, DemandEventKind::Closed),
        (action, from) => {
            return Ok(refuse(
                "id",
                ViolationCode::InvalidTransition,
                format!(
                    "cannot {action:?} a {from:?} demand{}",
                    if demand.matched_seats > 0 {
                        " that agreed classes answer"
                    } else {
                        ""
                    }
                ),
            ));
        }
    };
    let mut model: order_class_demand::ActiveModel = demand.into();
    model.status = Set(to);
    model.updated_at = Set(Utc::now());
    let demand = model.update(&txn).await?;
    txn.commit().await?;
    bus.publish(Event::Demand { id, kind }).await;
    Ok(Ok(demand))
}

/// Joins another firm's OPEN demand with the caller's firm's own headcount (联合组班).
///
/// # Errors
/// `FORBIDDEN` unless the caller is enterprise staff; database failures. User errors:
/// `INVALID_TRANSITION` (not OPEN), `CANNOT_JOIN_OWN_DEMAND`, `ALREADY_JOINED`, `MUST_BE_POSITIVE`.
pub async fn join_demand(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    id: Uuid,
    headcount: i32,
) -> OpResult<order_class_demand::Model> {
    let firm = actor.require_firm()?;
    if headcount <= 0 {
        return Ok(refuse(
            "headcount",
            ViolationCode::MustBePositive,
            "headcount must be at least 1",
        ));
    }
    let txn = crate::db::write_txn(db).await?;
    let demand = match demand_for_write(&txn, actor, id).await? {
        Ok(d) => d,
        Err(e) => return Ok(Err(e)),
    };
    if demand.enterprise_id == firm {
        return Ok(refuse(
            "id",
            ViolationCode::CannotJoinOwnDemand,
            "a firm cannot join its own demand",
        ));
    }
    if demand.status != DemandStatus::Open {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            format!(
                "only an OPEN demand can be joined; this one is {:?}",
                demand.status
            ),
        ));
    }
    let already = demand_participant::Entity::find()
        .filter(demand_participant::Column::DemandId.eq(id))
        .filter(demand_participant::Column::EnterpriseId.eq(firm))
        .count(&txn)
        .await?;
    if already > 0 {
        return Ok(refuse(
            "id",
            ViolationCode::AlreadyJoined,
            "your firm has joined this demand already",
        ));
    }
    demand_participant::ActiveModel {
        id: Set(Uuid::now_v7()),
        demand_id: Set(id),
        enterprise_id: Set(firm),
        headcount: Set(headcount),
        is_poster: Set(false),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let mut model: order_class_demand::ActiveModel = demand.into();
    model.updated_at = Set(Utc::now());
    let demand = model.update(&txn).await?;
    txn.commit().await?;
    bus.publish(Event::Demand {
        id,
        kind: DemandEventKind::Joined,
    })
    .await;
    Ok(Ok(demand))
}

/// The total headcount of a demand: the sum of its participants' headcounts.
///
/// # Errors
/// Database failures.
pub async fn total_headcount(
    db: &impl ConnectionTrait,
    demand: Uuid,
) -> Result<i32, sea_orm::DbErr> {
    Ok(demand_participant::Entity::find()
        .filter(demand_participant::Column::DemandId.eq(demand))
        .all(db)
        .await?
        .iter()
        .map(|p| p.headcount)
        .sum())
}

// ---------------------------------------------------------------------------------------------
// Order classes
// ---------------------------------------------------------------------------------------------

/// Training-plan figures of an order class (hours).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrainingPlan {
    /// Total specialty course hours.
    pub total_specialty_hours: i32,
    /// Of which taught in enterprise workshops.
    pub enterprise_workshop_hours: i32,
    /// Core-skill practice hours.
    pub core_practice_hours: i32,
    /// The school's ordinary-class core practice hours, same specialty.
    pub ordinary_class_practice_hours: i32,
}

/// One of the five integrations (五融通): agreed with the firms or not, and a note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Integration {
    /// Agreed.
    pub agreed: bool,
    /// Note.
    pub note: Option<String>,
}

/// The five integrations (五融通, `004_*.txt` 二(三)6).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FiveIntegrations {
    /// Course goals (课程目标).
    pub course_goals: Integration,
    /// Course model (课程模式).
    pub course_model: Integration,
    /// Teaching content (教学内容).
    pub content: Integration,
    /// Teaching management (教学管理).
    pub management: Integration,
    /// Assessment (考核评价).
    pub assessment: Integration,
}

/// A rule an order class is checked against when it is agreed.
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderClassRule {
    /// ≥ 50% of specialty course hours in enterprise workshops (`001_*.txt` (5)).
    EnterpriseHoursBelowHalf,
    /// Core-skill practice ≥ 150% of the ordinary class's (`001_*.txt` (5): "增加50%以上").
    CorePracticeBelow150,
    /// Planned seats > 0.
    SeatsNotPositive,
    /// The sponsors' seats sum to the planned seats.
    SponsorSeatsMismatch,
    /// Every sponsor is a non-school member (`004_*.txt` 二(三)6: classes are trained to enterprises'
    /// orders).
    SponsorNotEnterprise,
}

impl OrderClassRule {
    /// The user-error code that reports a violation of the rule.
    pub fn code(self) -> ViolationCode {
        match self {
            Self::EnterpriseHoursBelowHalf => ViolationCode::EnterpriseHoursBelowHalf,
            Self::CorePracticeBelow150 => ViolationCode::CorePracticeBelow150,
            Self::SeatsNotPositive => ViolationCode::MustBePositive,
            Self::SponsorSeatsMismatch => ViolationCode::SponsorSeatsMismatch,
            Self::SponsorNotEnterprise => ViolationCode::SponsorNotEnterprise,
        }
    }
}

/// The outcome of one rule for one class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCheck {
    /// The rule.
    pub rule: OrderClassRule,
    /// Whether the class meets it.
    pub met: bool,
    /// The figures behind the verdict.
    pub detail: String,
}

/// Checks `class` with its `sponsors` (each with its unit) against every [`OrderClassRule`].
pub fn check_rules(
    class: &order_class::Model,
    sponsors: &[(order_class_sponsor::Model, Option<member_unit::Model>)],
) -> Vec<RuleCheck> {
    // A plan without specialty hours or without core practice cannot meet a share of them.
    let half = class.total_specialty_hours > 0
        && i64::from(class.enterprise_workshop_hours) * 2 >= i64::from(class.total_specialty_hours);
    let core = class.core_practice_hours > 0
        && i64::from(class.core_practice_hours) * 2
            >= i64::from(class.ordinary_class_practice_hours) * 3;
    let seat_sum: i64 = sponsors.iter().map(|(s, _)| i64::from(s.seats)).sum();
    let not_enterprise: Vec<&str> = sponsors
        .iter()
        .filter(|(_, u)| u.as_ref().is_none_or(|u| u.kind.is_school()))
        .map(|(_, u)| u.as_ref().map_or("?", |u| u.name.as_str()))
        .collect();
    vec![
        RuleCheck {
            rule: OrderClassRule::EnterpriseHoursBelowHalf,
            met: half,
            detail: format!(
                "{} of {} specialty hours in enterprise workshops; at least 50% required",
                class.enterprise_workshop_hours, class.total_specialty_hours
            ),
        },
        RuleCheck {
            rule: OrderClassRule::CorePracticeBelow150,
            met: core,
            detail: format!(
                "{} core practice hours against {} in an ordinary class; at least 150% required",
                class.core_practice_hours, class.ordinary_class_practice_hours
            ),
        },
        RuleCheck {
            rule: OrderClassRule::SeatsNotPositive,
            met: class.planned_seats > 0,
            detail: format!("{} planned seats", class.planned_seats),
        },
        RuleCheck {
            rule: OrderClassRule::SponsorSeatsMismatch,
            met: seat_sum == i64::from(class.planned_seats),
            detail: format!(
                "sponsors take {seat_sum} seats of {} planned",
                class.planned_seats
            ),
        },
        RuleCheck {
            rule: OrderClassRule::SponsorNotEnterprise,
            met: not_enterprise.is_empty() && !sponsors.is_empty(),
            detail: if sponsors.is_empty() {
                "no sponsoring firm".to_owned()
            } else if not_enterprise.is_empty() {
                "every sponsor is a non-school member".to_owned()
            } else {
                format!("not enterprises: {}", not_enterprise.join(", "))
            },
        },
    ]
}

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

fn check_plan(plan: &TrainingPlan, errors: &mut Vec<Violation>) {
    for (value, field) in [
        (plan.total_specialty_hours, "plan.totalSpecialtyHours"),
        (
            plan.enterprise_workshop_hours,
            "plan.enterpriseWorkshopHours",
        ),
        (plan.core_practice_hours, "plan.corePracticeHours"),
        (
            plan.ordinary_class_practice_hours,
            "plan.ordinaryClassPracticeHours",
        ),
    ] {
        if value < 0 {
            errors.push(Violation::on(
                field,
                ViolationCode::MustBeNonNegative,
                format!("{field} must be 0 or more hours"),
            ));
        }
    }
    if plan.enterprise_workshop_hours > plan.total_specialty_hours {
        errors.push(Violation::on(
            "plan.enterpriseWorkshopHours",
            ViolationCode::Invalid,
            "enterprise workshop hours exceed the total specialty hours",
        ));
    }
}

fn set_integrations(m: &mut order_class::ActiveModel, i: FiveIntegrations) {
    let clean = |n: Option<String>| n.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
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
    p: ClassProposal,
) -> OpResult<order_class::Model> {
    let school = if actor.is_secretariat() {
        match p.school_id {
            Some(s) => s,
            None => {
                return Ok(refuse(
                    "schoolId",
                    ViolationCode::Blank,
                    "the secretariat names the school",
                ));
            }
        }
    } else if let Some(own) = actor.school() {
        if p.school_id.is_some_and(|s| s != own) {
            return Err(Error::Forbidden(
                "school staff propose classes for their own school",
            ));
        }
        own
    } else if actor.is_authenticated() {
        return Err(Error::Forbidden(
            "only school staff or the secretariat propose order classes",
        ));
    } else {
        return Err(Error::Unauthenticated);
    };
    if !actor.is_secretariat() && p.demand_id.is_none() {
        return Ok(refuse(
            "demandId",
            ViolationCode::Blank,
            "school staff answer a demand: give demandId",
        ));
    }
    let mut errors = Vec::new();
    let name = p.name.trim().to_owned();
    if name.is_empty() {
        errors.push(Violation::on("name", ViolationCode::Blank, "name is blank"));
    }
    let specialty = p.specialty_name.trim().to_owned();
    if specialty.is_empty() {
        errors.push(Violation::on(
            "specialtyName",
            ViolationCode::Blank,
            "specialtyName is blank",
        ));
    }
    if !(2000..=2100).contains(&p.cohort_year) {
        errors.push(Violation::on(
            "cohortYear",
            ViolationCode::Invalid,
            "cohortYear must be between 2000 and 2100",
        ));
    }
    if p.planned_seats <= 0 {
        errors.push(Violation::on(
            "plannedSeats",
            ViolationCode::MustBePositive,
            "plannedSeats must be at least 1",
        ));
    }
    check_plan(&p.plan, &mut errors);
    if p.sponsors.is_empty() {
        errors.push(Violation::on(
            "sponsors",
            ViolationCode::Blank,
            "an order class needs at least one sponsoring firm",
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, s) in p.sponsors.iter().enumerate() {
        if s.seats <= 0 {
            errors.push(Violation::on(
                &format!("sponsors.{i}.seats"),
                ViolationCode::MustBePositive,
                "seats must be at least 1",
            ));
        }
        if !seen.insert(s.enterprise_id) {
            errors.push(Violation::on(
                &format!("sponsors.{i}.enterpriseId"),
                ViolationCode::DuplicateSponsor,
                "this firm is listed twice",
            ));
        }
    }
    let seat_sum: i64 = p.sponsors.iter().map(|s| i64::from(s.seats)).sum();
    if !p.sponsors.is_empty() && seat_sum != i64::from(p.planned_seats) {
        errors.push(Violation::on(
            "sponsors",
            ViolationCode::SponsorSeatsMismatch,
            format!(
                "sponsors take {seat_sum} seats but {} are planned",
                p.planned_seats
            ),
        ));
    }
    let txn = crate::db::write_txn(db).await?;
    match member_unit::Entity::find_by_id(school).one(&txn).await? {
        Some(u) if u.kind.is_school() => {}
        Some(_) => errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotASchool,
            "order classes are run by schools",
        )),
        None => errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotFound,
            "no member unit has this ID",
        )),
    }
    let units: std::collections::HashMap<Uuid, member_unit::Model> = member_unit::Entity::find()
        .filter(member_unit::Column::Id.is_in(p.sponsors.iter().map(|s| s.enterprise_id)))
        .all(&txn)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    for (i, s) in p.sponsors.iter().enumerate() {
        match units.get(&s.enterprise_id) {
            None => errors.push(Violation::on(
                &format!("sponsors.{i}.enterpriseId"),
                ViolationCode::NotFound,
                "no member unit has this ID",
            )),
            Some(u) if u.kind.is_school() => errors.push(Violation::on(
                &format!("sponsors.{i}.enterpriseId"),
                ViolationCode::SponsorNotEnterprise,
                format!("{} is a school; sponsors are non-school members", u.name),
            )),
            Some(_) => {}
        }
    }
    if let Some(demand_id) = p.demand_id {
        match order_class_demand::Entity::find_by_id(demand_id)
            .filter(demand_scope(actor))
            .one(&txn)
            .await?
        {
            None => errors.push(Violation::on(
                "demandId",
                ViolationCode::NotFound,
                "no order-class demand you may see has this ID",
            )),
            Some(d) if d.status != DemandStatus::Open => errors.push(Violation::on(
                "demandId",
                ViolationCode::DemandNotOpen,
                format!(
                    "the demand is {:?}; only OPEN demand can be answered",
                    d.status
                ),
            )),
            Some(_) => {
                let participants: std::collections::HashSet<Uuid> =
                    demand_participant::Entity::find()
                        .filter(demand_participant::Column::DemandId.eq(demand_id))
                        .all(&txn)
                        .await?
                        .into_iter()
                        .map(|p| p.enterprise_id)
                        .collect();
                for (i, s) in p.sponsors.iter().enumerate() {
                    if !participants.contains(&s.enterprise_id) {
                        errors.push(Violation::on(
                            &format!("sponsors.{i}.enterpriseId"),
                            ViolationCode::SponsorNotInDemand,
                            "this firm does not take part in the demand",
                        ));
                    }
                }
            }
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let mut model = order_class::ActiveModel {
        id: Set(Uuid::now_v7()),
        demand_id: Set(p.demand_id),
        school_id: Set(school),
        name: Set(name),
        specialty_name: Set(specialty),
        specialty_code: Set(p
            .specialty_code
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())),
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
    let class = model.insert(&txn).await?;
    for s in &p.sponsors {
        order_class_sponsor::ActiveModel {
            id: Set(Uuid::now_v7()),
            order_class_id: Set(class.id),
            enterprise_id: Set(s.enterprise_id),
            seats: Set(s.seats),
            accepted_at: Set(None),
            accepted_by: Set(None),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    bus.publish(Event::OrderClass {
        id: class.id,
        kind: OrderClassEventKind::Proposed,
    })
    .await;
    Ok(Ok(class))
}

async fn class_for_write(
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
            None => refuse("id", ViolationCode::NotFound, "no order class has this ID"),
        },
    )
}

fn require_school(actor: &Actor, class: &order_class::Model) -> Result<(), Error> {
    if actor.school() == Some(class.school_id) {
        Ok(())
    } else {
        Err(Error::Forbidden(
            "only staff of the class's school may do this",
        ))
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
            "only a PROPOSED class's plan can change",
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
    txn.commit().await?;
    bus.publish(Event::OrderClass {
        id,
        kind: OrderClassEventKind::Updated,
    })
    .await;
    Ok(Ok(class))
}

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
    let as_sponsor = matches!(
        actor,
        Actor::Account {
            role: AccountRole::EnterpriseStaff,
            ..
        }
    ) && sponsors.iter().any(|(s, _)| Some(s.enterprise_id) == unit);
    if !as_school && !as_sponsor {
        return Err(Error::Forbidden(
            "only the class's school and its sponsoring firms accept its plan",
        ));
    }
    if class.status != OrderClassStatus::Proposed {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            format!("a {:?} class cannot be accepted", class.status),
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
    let mut all_sponsors = true;
    for (sponsor, _) in &sponsors {
        let accepted =
            sponsor.accepted_at.is_some() || (as_sponsor && Some(sponsor.enterprise_id) == unit);
        all_sponsors &= accepted;
        if as_sponsor && Some(sponsor.enterprise_id) == unit && sponsor.accepted_at.is_none() {
            let mut s: order_class_sponsor::ActiveModel = sponsor.clone().into();
            s.accepted_at = Set(Some(now));
            s.accepted_by = Set(Some(account));
            s.update(&txn).await?;
        }
    }
    let agreed = school_accepted && all_sponsors;
    let mut demand_event = None;
    if agreed && let Some(demand_id) = class.demand_id {
        let demand = order_class_demand::Entity::find_by_id(demand_id)
            .lock_exclusive()
            .one(&txn)
            .await?;
        let Some(demand) = demand.filter(|d| d.status == DemandStatus::Open) else {
            return Ok(refuse(
                "id",
                ViolationCode::DemandNotOpen,
                "the demand this class answers is no longer OPEN",
            ));
        };
        let total = total_headcount(&txn, demand_id).await?;
        let matched = demand.matched_seats + class.planned_seats;
        let mut d: order_class_demand::ActiveModel = demand.into();
        d.matched_seats = Set(matched);
        if matched >= total {
            d.status = Set(DemandStatus::Matched);
            demand_event = Some(DemandEventKind::Matched);
        }
        d.updated_at = Set(now);
        d.update(&txn).await?;
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
    txn.commit().await?;
    bus.publish(Event::OrderClass {
        id,
        kind: if agreed {
            OrderClassEventKind::Agreed
        } else {
            OrderClassEventKind::Accepted
        },
    })
    .await;
    if let (Some(kind), Some(demand)) = (demand_event, class.demand_id) {
        bus.publish(Event::Demand { id: demand, kind }).await;
    }
    Ok(Ok(class))
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
            let reason = reason.trim().to_owned();
            if reason.is_empty() {
                return Ok(refuse(
                    "reason",
                    ViolationCode::Blank,
                    "say why the class is cancelled",
                ));
            }
            (S::Cancelled, OrderClassEventKind::Cancelled, Some(reason))
        }
        (action, from) => {
            return Ok(refuse(
                "id",
                ViolationCode::InvalidTransition,
                format!("cannot {action:?} a {from:?} class"),
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
        let matched = std::cmp::max(demand.matched_seats - class.planned_seats, 0);
        let reopen = demand.status == DemandStatus::Matched && matched < total;
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
    txn.commit().await?;
    bus.publish(Event::OrderClass { id, kind }).await;
    if let (Some(kind), Some(demand)) = (demand_event, class.demand_id) {
        bus.publish(Event::Demand { id: demand, kind }).await;
    }
    Ok(Ok(class))
}

// ---------------------------------------------------------------------------------------------
// Enrolment
// ---------------------------------------------------------------------------------------------

/// A student to enrol.
#[derive(Debug, Clone)]
pub struct EnrolStudent {
    /// The school's student number (the student is found or created by it).
    pub student_number: String,
    /// Full name.
    pub name: String,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Target group.
    pub target_group: TargetGroup,
}

/// Age in whole years on `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// The day a class starts: 1 September of the cohort year (autumn intake), or 1 March for a demand
/// asking for a spring start.
fn class_start(
    class: &order_class::Model,
    demand: Option<&order_class_demand::Model>,
) -> NaiveDate {
    let month = match demand.map(|d| d.start_term) {
        Some(Term::Spring) => 3,
        _ => 9,
    };
    NaiveDate::from_ymd_opt(class.cohort_year, month, 1).unwrap_or_default()
}

/// Enrols a student in a RECRUITING class (staff of the class's school).
///
/// Rules: a seat must be left (`CLASS_FULL`); unemployed youth and migrant workers only where the
/// demand opens the class to them (`TARGET_GROUP_NOT_ALLOWED`, `001_*.txt` (2)); no older than the
/// demand's age limit at the class's start (`AGE_LIMIT_EXCEEDED`); once per class
/// (`ALREADY_ENROLLED`).
///
/// # Errors
/// `FORBIDDEN` for anyone but the class's school; database failures.
pub async fn enrol(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    class_id: Uuid,
    s: EnrolStudent,
) -> OpResult<(enrolment::Model, student::Model)> {
    let txn = crate::db::write_txn(db).await?;
    let class = match class_for_write(&txn, actor, class_id).await? {
        Ok(c) => c,
        Err(e) => {
            return Ok(Err(e
                .into_iter()
                .map(|mut e| {
                    e.field = Some("orderClassId".into());
                    e
                })
                .collect()));
        }
    };
    require_school(actor, &class)?;
    let mut errors = Vec::new();
    let number = s.student_number.trim().to_owned();
    let name = s.name.trim().to_owned();
    if number.is_empty() {
        errors.push(Violation::on(
            "studentNumber",
            ViolationCode::Blank,
            "studentNumber is blank",
        ));
    }
    if name.is_empty() {
        errors.push(Violation::on("name", ViolationCode::Blank, "name is blank"));
    }
    let today = Utc::now().date_naive();
    if s.date_of_birth >= today {
        errors.push(Violation::on(
            "dateOfBirth",
            ViolationCode::Invalid,
            "dateOfBirth must be in the past",
        ));
    }
    if class.status != OrderClassStatus::Recruiting {
        errors.push(Violation::on(
            "orderClassId",
            ViolationCode::InvalidTransition,
            format!(
                "students are enrolled while a class is RECRUITING; this one is {:?}",
                class.status
            ),
        ));
    }
    let demand = match class.demand_id {
        Some(d) => order_class_demand::Entity::find_by_id(d).one(&txn).await?,
        None => None,
    };
    if let Some(d) = &demand {
        let allowed = match s.target_group {
            TargetGroup::Regular => true,
            TargetGroup::UnemployedYouth => d.open_to_unemployed_youth,
            TargetGroup::MigrantWorker => d.open_to_migrant_workers,
        };
        if !allowed {
            errors.push(Violation::on(
                "targetGroup",
                ViolationCode::TargetGroupNotAllowed,
                format!(
                    "the demand does not open this class to {:?}",
                    s.target_group
                ),
            ));
        }
        if let Some(limit) = d.age_limit {
            let age = age_on(s.date_of_birth, class_start(&class, Some(d)));
            if age > limit {
                errors.push(Violation::on(
                    "dateOfBirth",
                    ViolationCode::AgeLimitExceeded,
                    format!("the student will be {age} at the class's start; the limit is {limit}"),
                ));
            }
        }
    }
    let enrolled = enrolment::Entity::find()
        .filter(enrolment::Column::OrderClassId.eq(class_id))
        .count(&txn)
        .await?;
    if enrolled >= u64::try_from(class.planned_seats).unwrap_or(0) {
        errors.push(Violation::on(
            "orderClassId",
            ViolationCode::ClassFull,
            "no seat is left in this class",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let existing = student::Entity::find()
        .filter(student::Column::SchoolId.eq(class.school_id))
        .filter(student::Column::StudentNumber.eq(number.as_str()))
        .one(&txn)
        .await?;
    let student = match existing {
        Some(st) => {
            let mut m: student::ActiveModel = st.into();
            m.name = Set(name);
            m.gender = Set(s.gender);
            m.date_of_birth = Set(s.date_of_birth);
            m.updated_at = Set(now);
            m.update(&txn).await?
        }
        None => {
            student::ActiveModel {
                id: Set(Uuid::now_v7()),
                school_id: Set(class.school_id),
                student_number: Set(number),
                name: Set(name),
                gender: Set(s.gender),
                date_of_birth: Set(s.date_of_birth),
                year_of_study: Set(None),
                specialty: Set(None),
                national_id: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    let twice = enrolment::Entity::find()
        .filter(enrolment::Column::OrderClassId.eq(class_id))
        .filter(enrolment::Column::StudentId.eq(student.id))
        .count(&txn)
        .await?;
    if twice > 0 {
        return Ok(refuse(
            "studentNumber",
            ViolationCode::AlreadyEnrolled,
            "this student is enrolled in the class already",
        ));
    }
    let enrolment = enrolment::ActiveModel {
        id: Set(Uuid::now_v7()),
        order_class_id: Set(class_id),
        student_id: Set(student.id),
        target_group: Set(s.target_group),
        created_at: Set(now),
        agreement_enterprise_id: Set(None),
        agreement_signed_on: Set(None),
        agreement_guardian_signed: Set(false),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    bus.publish(Event::OrderClass {
        id: class_id,
        kind: OrderClassEventKind::Enrolled,
    })
    .await;
    Ok(Ok((enrolment, student)))
}

/// Records a student's tripartite pre-employment agreement (三方预就业协议: school, sponsoring
/// firm, student; "招生即招工·入校即入职", `001_*.txt` (7)). Staff of the class's school record it.
///
/// Rules: the firm must sponsor the class (`NOT_A_SPONSOR`); signed on a past or present day
/// (`INVALID`); a student under 18 on that day needs the guardian's signature too
/// (`GUARDIAN_SIGNATURE_REQUIRED`).
///
/// # Errors
/// `FORBIDDEN` for anyone but the class's school; database failures.
pub async fn record_agreement(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    enrolment_id: Uuid,
    enterprise_id: Uuid,
    signed_on: NaiveDate,
    guardian_signed: bool,
) -> OpResult<enrolment::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some((enrolment, class)) = enrolment::Entity::find_by_id(enrolment_id)
        .find_also_related(order_class::Entity)
        .one(&txn)
        .await?
        .and_then(|(e, c)| c.map(|c| (e, c)))
    else {
        return Ok(refuse(
            "enrolmentId",
            ViolationCode::NotFound,
            "no enrolment has this ID",
        ));
    };
    require_school(actor, &class)?;
    let student = student::Entity::find_by_id(enrolment.student_id)
        .one(&txn)
        .await?;
    let mut errors = Vec::new();
    let sponsor = order_class_sponsor::Entity::find()
        .filter(order_class_sponsor::Column::OrderClassId.eq(class.id))
        .filter(order_class_sponsor::Column::EnterpriseId.eq(enterprise_id))
        .count(&txn)
        .await?;
    if sponsor == 0 {
        errors.push(Violation::on(
            "enterpriseId",
            ViolationCode::NotASponsor,
            "the firm does not sponsor this class",
        ));
    }
    if signed_on > Utc::now().date_naive() {
        errors.push(Violation::on(
            "signedOn",
            ViolationCode::Invalid,
            "signedOn is in the future",
        ));
    }
    if let Some(st) = &student
        && age_on(st.date_of_birth, signed_on) < 18
        && !guardian_signed
    {
        errors.push(Violation::on(
            "guardianSigned",
            ViolationCode::GuardianSignatureRequired,
            "the student is a minor on the signing day: the guardian signs too",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut m: enrolment::ActiveModel = enrolment.into();
    m.agreement_enterprise_id = Set(Some(enterprise_id));
    m.agreement_signed_on = Set(Some(signed_on));
    m.agreement_guardian_signed = Set(guardian_signed);
    let enrolment = m.update(&txn).await?;
    txn.commit().await?;
    bus.publish(Event::OrderClass {
        id: class.id,
        kind: OrderClassEventKind::AgreementSigned,
    })
    .await;
    Ok(Ok(enrolment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_counts_whole_years() {
        let birth = NaiveDate::from_ymd_opt(2010, 9, 2).unwrap_or_default();
        assert_eq!(
            age_on(
                birth,
                NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or_default()
            ),
            15
        );
        assert_eq!(
            age_on(
                birth,
                NaiveDate::from_ymd_opt(2026, 9, 2).unwrap_or_default()
            ),
            16
        );
    }
}
