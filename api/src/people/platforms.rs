//! High-skill platforms (高技能人才平台载体) and their grants (Ten Measures (1): "给予齐鲁技能大师
//! 特色工作站、世界技能大赛省级集训基地、省技工教育优质校一次性10万元经费资助"; (4): "给予国家级高技能
//! 人才培训基地一次性100万元经费资助，国家级技能大师工作室、世界技能大赛中国集训基地一次性50万元经费
//! 资助"). The secretariat records a member's approved platform; the grant its kind carries falls
//! due in the same transaction and is paid later, on a day with a reference.

use chrono::{NaiveDate, Utc};
use entity::enums::PlatformKind;
use entity::{platform, platform_grant};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    FromQueryResult, QueryFilter, QuerySelect, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::not_future;
use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::{clean, required};

/// The level of a platform's approving authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum PlatformLevel {
    /// The city (市级).
    Municipal,
    /// The province (省级).
    Provincial,
    /// The state (国家级).
    National,
}

/// The level of a platform of `kind`.
pub fn level_of(kind: PlatformKind) -> PlatformLevel {
    use PlatformKind as K;
    match kind {
        K::MunicipalCompetitionBase => PlatformLevel::Municipal,
        K::QiluSkillMasterStation
        | K::WorldskillsProvincialBase
        | K::WorldskillsProvincialKeyBase
        | K::ProvincialQualitySchool => PlatformLevel::Provincial,
        K::NationalHighSkillTrainingBase
        | K::NationalSkillMasterStudio
        | K::WorldskillsChinaBase => PlatformLevel::National,
    }
}

/// The one-off grant a platform of `kind` carries, in CNY fen, and the measure that states it;
/// `None` for a kind the measures name without a grant.
pub fn grant_of(kind: PlatformKind) -> Option<(i64, &'static str)> {
    use PlatformKind as K;
    const CNY: i64 = 100;
    match kind {
        K::QiluSkillMasterStation | K::WorldskillsProvincialBase | K::ProvincialQualitySchool => {
            Some((100_000 * CNY, "Ten Measures (1)"))
        }
        K::NationalHighSkillTrainingBase => Some((1_000_000 * CNY, "Ten Measures (4)")),
        K::NationalSkillMasterStudio | K::WorldskillsChinaBase => {
            Some((500_000 * CNY, "Ten Measures (4)"))
        }
        K::WorldskillsProvincialKeyBase | K::MunicipalCompetitionBase => None,
    }
}

/// A platform as the secretariat records it.
#[derive(Debug, Clone)]
pub struct PlatformInput {
    /// The member that holds it.
    pub unit_id: Uuid,
    /// Its kind.
    pub kind: PlatformKind,
    /// Its name as approved (1–200 characters).
    pub name: String,
    /// The day it was approved (not after today).
    pub approved_on: NaiveDate,
    /// The approving document (1–300 characters).
    pub document: String,
}

/// Records a member's approved platform and, when its kind carries one, the grant due from the
/// approval day — one transaction. The secretariat only.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND` member, `BLANK` name or document,
/// `TOO_LONG` document, `INVALID` day, `TAKEN` (the member holds a platform of that kind and
/// name); database failures.
pub async fn record_platform(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: PlatformInput,
) -> OpResult<platform::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    if entity::member_unit::Entity::find_by_id(input.unit_id)
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
    let document = required(&input.document, "document", &mut errors);
    crate::text::too_long(
        &mut errors,
        "document",
        Some(&document),
        super::MAX_DOCUMENT_CHARS,
    );
    not_future(input.approved_on, "approvedOn", &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let taken = platform::Entity::find()
        .filter(platform::Column::UnitId.eq(input.unit_id))
        .filter(platform::Column::Kind.eq(input.kind))
        .filter(platform::Column::Name.eq(name.as_str()))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Ok(refuse(
            "name",
            ViolationCode::Taken,
            msg!("people-platform-taken"),
        ));
    }
    let now = Utc::now();
    let row = platform::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(input.unit_id),
        kind: Set(input.kind),
        name: Set(name),
        approved_on: Set(input.approved_on),
        document: Set(document),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    if let Some((amount, _)) = grant_of(input.kind) {
        platform_grant::ActiveModel {
            id: Set(Uuid::now_v7()),
            platform_id: Set(row.id),
            unit_id: Set(row.unit_id),
            kind: Set(row.kind),
            amount_fen: Set(amount),
            due_on: Set(row.approved_on),
            paid_on: Set(None),
            reference: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(row))
}

/// Most characters of a payment's reference.
pub const MAX_REFERENCE_CHARS: usize = 100;

/// Records a grant paid on `paid_on` with its reference. The secretariat only. One transaction,
/// audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `INVALID_TRANSITION` (paid already),
/// `BLANK` / `TOO_LONG` reference, `INVALID` day (in the future or before it fell due); database
/// failures.
pub async fn record_grant_payment(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    paid_on: NaiveDate,
    reference: String,
) -> OpResult<platform_grant::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = platform_grant::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-grant-unknown"),
        ));
    };
    if row.paid_on.is_some() {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("people-grant-paid"),
        ));
    }
    let mut errors = Vec::new();
    let reference = clean(Some(reference));
    match &reference {
        None => errors.push(Violation::on(
            "reference",
            ViolationCode::Blank,
            msg!("field-blank", field = "reference"),
        )),
        Some(r) => crate::text::too_long(&mut errors, "reference", Some(r), MAX_REFERENCE_CHARS),
    }
    not_future(paid_on, "paidOn", &mut errors);
    if paid_on < row.due_on {
        errors.push(Violation::on(
            "paidOn",
            ViolationCode::Invalid,
            msg!("people-paid-before-due"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: platform_grant::ActiveModel = row.into();
    a.paid_on = Set(Some(paid_on));
    a.reference = Set(reference);
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// The grants `actor` may read: its own unit's, all for the secretariat and committee staff, none
/// for anyone else.
pub fn grant_scope(actor: &Actor) -> Condition {
    if actor.reads_aggregates() {
        return Condition::all();
    }
    match actor.unit() {
        Some(u) => Condition::all().add(platform_grant::Column::UnitId.eq(u)),
        None => crate::db::no_rows(),
    }
}

/// The grants of one kind that fell due in a year.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct GrantTotal {
    /// The platforms' kind.
    pub kind: PlatformKind,
    /// Grants due in the year.
    pub grants: i64,
    /// Their amount, CNY fen.
    pub due_fen: i64,
    /// Of it, paid (by now), CNY fen.
    pub paid_fen: i64,
}

/// The grants that fell due in `year`, by kind, from one SQL aggregate, within the caller's
/// [`grant_scope`] (the secretariat and committee staff: every member; a member: its own).
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for an evaluator; `BadInput` for a year outside 2000–2100;
/// database failures.
pub async fn grant_totals(
    actor: &Actor,
    db: &impl ConnectionTrait,
    year: i32,
) -> Result<Vec<GrantTotal>, Error> {
    if !actor.reads_shared() {
        return Err(actor.refused(msg!("forbidden-evaluator-rounds-only")));
    }
    if !crate::committees::YEARS.contains(&year) {
        return Err(Error::BadInput(msg!("year-invalid", year = year)));
    }
    let (from, to) = crate::error::year_bounds(year)?;
    let paid = Expr::case(
        platform_grant::Column::PaidOn.is_not_null(),
        Expr::col(platform_grant::Column::AmountFen),
    )
    .finally(0);
    let mut rows: Vec<GrantTotal> = platform_grant::Entity::find()
        .select_only()
        .column(platform_grant::Column::Kind)
        .column_as(Expr::col(platform_grant::Column::Id).count(), "grants")
        // PostgreSQL sums a BIGINT as NUMERIC: cast back (the sums stay far below 2^63 fen).
        .column_as(
            Expr::expr(Func::sum(Expr::col(platform_grant::Column::AmountFen)))
                .cast_as(Alias::new("BIGINT")),
            "due_fen",
        )
        .column_as(
            Expr::expr(Func::sum(paid)).cast_as(Alias::new("BIGINT")),
            "paid_fen",
        )
        .filter(grant_scope(actor))
        .filter(platform_grant::Column::DueOn.gte(from))
        .filter(platform_grant::Column::DueOn.lt(to))
        .group_by(platform_grant::Column::Kind)
        .into_model()
        .all(db)
        .await?;
    rows.sort_by_key(|r| crate::text::api_name(&r.kind));
    Ok(rows)
}
