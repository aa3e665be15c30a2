//! Order-class demand: a firm posts, publishes, closes or withdraws it; other firms join it
//! (联合组班, Founding notice 二(三)6).

use chrono::{NaiveDate, Utc};
use entity::enums::{DemandStatus, District, Term};
use entity::{demand_participant, order_class_demand};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::{Error, Violation, ViolationCode, refuse};
use crate::error::{OpResult, Outcome};
use crate::events::{DemandEventKind, Event, EventBus};
use crate::i18n::Arg;
use crate::limits;
use crate::msg;
use crate::order_class::demand_scope;
use crate::text::clean_update;

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

/// Youngest age limit accepted: a firm may not recruit anyone under 16 (《中华人民共和国劳动法》,
/// art. 15), so a lower limit would shut out everyone it may take. There is no ceiling: Ten
/// Measures (2) relaxes the age limit for unemployed youth and migrant workers and names none.
pub const MIN_AGE_LIMIT: i32 = 16;

fn check_demand(
    fields: &mut DemandFields,
    current: Option<&order_class_demand::Model>,
) -> Vec<Violation> {
    let mut errors = Vec::new();
    if let Some(name) = &mut fields.specialty_name {
        *name = crate::text::normalize(name);
        if name.is_empty() {
            errors.push(Violation::on(
                "specialtyName",
                ViolationCode::Blank,
                msg!("field-blank", field = "specialtyName"),
            ));
        }
    }
    fields.specialty_code = clean_update(fields.specialty_code.take());
    fields.required_skills = clean_update(fields.required_skills.take());
    fields.required_certificates = clean_update(fields.required_certificates.take());
    fields.description = clean_update(fields.description.take());
    if fields.headcount.is_some_and(|h| h <= 0) {
        errors.push(Violation::on(
            "headcount",
            ViolationCode::MustBePositive,
            msg!("order-class-must-be-positive", field = "headcount"),
        ));
    }
    limits::headcount(&mut errors, "headcount", fields.headcount);
    if fields
        .start_year
        .is_some_and(|y| !(2000..=2100).contains(&y))
    {
        errors.push(Violation::on(
            "startYear",
            ViolationCode::Invalid,
            msg!("order-class-demand-start-year-invalid"),
        ));
    }
    let pay_min = fields.pay_min.unwrap_or(current.and_then(|c| c.pay_min));
    let pay_max = fields.pay_max.unwrap_or(current.and_then(|c| c.pay_max));
    if pay_min.is_some_and(|p| p < 0) || pay_max.is_some_and(|p| p < 0) {
        errors.push(Violation::on(
            "payMin",
            ViolationCode::MustBeNonNegative,
            msg!("order-class-demand-pay-negative"),
        ));
    }
    if let (Some(lo), Some(hi)) = (pay_min, pay_max)
        && lo > hi
    {
        errors.push(Violation::on(
            "payMax",
            ViolationCode::Invalid,
            msg!("order-class-demand-pay-range"),
        ));
    }
    if let Some(Some(age)) = fields.age_limit
        && age < MIN_AGE_LIMIT
    {
        errors.push(Violation::on(
            "ageLimit",
            ViolationCode::Invalid,
            msg!("order-class-demand-age-limit-invalid", min = MIN_AGE_LIMIT),
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
                msg!("order-class-demand-field-required", field = field),
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
        // Open to both groups unless the firm closes them (Ten Measures (2) opens order classes
        // to unemployed youth and migrant workers).
        open_to_unemployed_youth: Set(true),
        open_to_migrant_workers: Set(true),
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
    bus.commit_and_publish(
        txn,
        [Event::Demand {
            id: demand.id,
            kind: DemandEventKind::Created,
        }],
        demand,
    )
    .await
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
            msg!("order-class-demand-not-found"),
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
        return Err(Error::Forbidden(msg!(
            "order-class-demand-change-forbidden"
        )));
    }
    if !matches!(demand.status, DemandStatus::Draft | DemandStatus::Open) {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!(
                "order-class-demand-cannot-change",
                status = Arg::label(&demand.status)
            ),
        ));
    }
    let errors = check_demand(&mut fields, Some(&demand));
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    if let Some(headcount) = fields.headcount {
        let posters = demand_participant::Entity::find()
            .filter(demand_participant::Column::DemandId.eq(id))
            .filter(demand_participant::Column::IsPoster.eq(true))
            .all(&txn)
            .await?;
        // A bulk update bypasses the entities' hooks: the rows changed are recorded here.
        for before in &posters {
            let after = demand_participant::Model {
                headcount,
                ..before.clone()
            };
            entity::audit::record_change(&txn, before, &after).await?;
        }
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
    bus.commit_and_publish(
        txn,
        [Event::Demand {
            id,
            kind: DemandEventKind::Updated,
        }],
        demand,
    )
    .await
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

impl DemandAction {
    /// The action's token in the catalogue's messages (`order-class-demand-cannot-transition`
    /// selects its words by it).
    pub fn token(self) -> &'static str {
        match self {
            Self::Publish => "publish",
            Self::Withdraw => "withdraw",
            Self::Close => "close",
        }
    }
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
        return Err(Error::Forbidden(msg!(
            "order-class-demand-transition-forbidden"
        )));
    }
    use DemandStatus as S;
    let (to, kind) = match (action, demand.status) {
        (DemandAction::Publish, S::Draft) => (S::Open, DemandEventKind::Posted),
        (DemandAction::Withdraw, S::Draft | S::Open) if demand.matched_seats == 0 => {
            (S::Withdrawn, DemandEventKind::Withdrawn)
        }
        (DemandAction::Close, S::Open | S::Matched) => (S::Closed, DemandEventKind::Closed),
        (action, from) => {
            let action = action.token();
            let message = if demand.matched_seats > 0 {
                msg!(
                    "order-class-demand-cannot-transition-answered",
                    action = action,
                    status = Arg::label(&from)
                )
            } else {
                msg!(
                    "order-class-demand-cannot-transition",
                    action = action,
                    status = Arg::label(&from)
                )
            };
            return Ok(refuse("id", ViolationCode::InvalidTransition, message));
        }
    };
    let mut model: order_class_demand::ActiveModel = demand.into();
    model.status = Set(to);
    model.updated_at = Set(Utc::now());
    let demand = model.update(&txn).await?;
    bus.commit_and_publish(txn, [Event::Demand { id, kind }], demand)
        .await
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
            msg!("order-class-must-be-positive", field = "headcount"),
        ));
    }
    let mut errors = Vec::new();
    limits::headcount(&mut errors, "headcount", Some(headcount));
    if !errors.is_empty() {
        return Ok(Err(errors));
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
            msg!("order-class-demand-join-own"),
        ));
    }
    if demand.status != DemandStatus::Open {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!(
                "order-class-demand-join-not-open",
                status = Arg::label(&demand.status)
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
            msg!("order-class-demand-already-joined"),
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
    bus.commit_and_publish(
        txn,
        [Event::Demand {
            id,
            kind: DemandEventKind::Joined,
        }],
        demand,
    )
    .await
}

/// The total headcount of a demand: the sum of its participants' headcounts, in 64 bits (each
/// is at most [`limits::MAX_HEADCOUNT`], so the sum is exact).
///
/// # Errors
/// Database failures.
pub async fn total_headcount(
    db: &impl ConnectionTrait,
    demand: Uuid,
) -> Result<i64, sea_orm::DbErr> {
    Ok(sum_headcounts(
        demand_participant::Entity::find()
            .filter(demand_participant::Column::DemandId.eq(demand))
            .all(db)
            .await?
            .iter()
            .map(|p| p.headcount),
    ))
}

/// The exact sum of headcounts, in 64 bits.
pub fn sum_headcounts(headcounts: impl IntoIterator<Item = i32>) -> i64 {
    headcounts.into_iter().map(i64::from).sum()
}
