//! The members' and scorers' part of an evaluation round (`docs/committees.md`, Evaluation
//! rounds): self-assessments, scores, and who may read a round.

use chrono::Utc;
use entity::enums::{EvaluationItemKind, EvaluationScorer, EvaluationStatus};
use entity::{
    evaluation_evaluator, evaluation_item, evaluation_round, evaluation_score, member_unit,
    self_assessment,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::rounds::{MAX_EVIDENCE, applies_to, find_round, round_not_found};
use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;

/// A member's self-assessment of one item, replacing its earlier one: the member's staff (school
/// or enterprise) while the round is in SELF_ASSESSMENT. `evidence` holds global IDs the API
/// layer has checked are well formed (at most 20).
///
/// # Errors
/// `UNAUTHENTICATED`; `FORBIDDEN` for any caller but a member's staff; user errors:
/// `NOT_FOUND` round or item, `INVALID_TRANSITION` when the round is not in SELF_ASSESSMENT,
/// `INVALID` item (not applicable to the member's category), `BLANK` text, `TOO_LARGE`
/// evidence; database failures.
pub async fn self_assess(
    actor: &Actor,
    db: &impl TransactionTrait,
    round_id: Uuid,
    item_id: Uuid,
    text: String,
    evidence: Vec<String>,
) -> OpResult<self_assessment::Model> {
    let Some(unit_id) = actor.school().or(actor.firm()) else {
        return Err(actor.refused(msg!("committees-forbidden-member-staff-only")));
    };
    let txn = crate::db::write_txn(db).await?;
    let Some(round) = find_round(&txn, round_id).await? else {
        return Ok(round_not_found());
    };
    if round.status != EvaluationStatus::SelfAssessment {
        return Ok(refuse(
            "roundId",
            ViolationCode::InvalidTransition,
            msg!(
                "committees-round-status",
                status = crate::i18n::Arg::label(&round.status)
            ),
        ));
    }
    let item = evaluation_item::Entity::find_by_id(item_id)
        .one(&txn)
        .await?
        .filter(|i| i.round_id == round_id);
    let Some(item) = item else {
        return Ok(refuse(
            "itemId",
            ViolationCode::NotFound,
            msg!("committees-item-not-found"),
        ));
    };
    let Some(unit) = member_unit::Entity::find_by_id(unit_id).one(&txn).await? else {
        return Err(Error::NotFound(msg!("registry-member-unit-not-found")));
    };
    let mut errors = Vec::new();
    if !applies_to(&item, unit.category) {
        errors.push(Violation::on(
            "itemId",
            ViolationCode::Invalid,
            msg!("committees-item-not-applicable"),
        ));
    }
    if text.trim().is_empty() {
        errors.push(Violation::on(
            "text",
            ViolationCode::Blank,
            msg!("field-blank", field = "text"),
        ));
    }
    if evidence.len() > MAX_EVIDENCE {
        errors.push(Violation::on(
            "evidence",
            ViolationCode::TooLarge,
            msg!("committees-too-much-evidence", max = MAX_EVIDENCE),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let evidence = serde_json::to_string(&evidence).unwrap_or_else(|_| "[]".into());
    let now = Utc::now();
    let existing = self_assessment::Entity::find()
        .filter(self_assessment::Column::ItemId.eq(item_id))
        .filter(self_assessment::Column::UnitId.eq(unit_id))
        .one(&txn)
        .await?;
    let row = match existing {
        Some(a) => {
            let mut a: self_assessment::ActiveModel = a.into();
            a.text = Set(text.trim().to_owned());
            a.evidence = Set(evidence);
            a.updated_at = Set(now);
            a.update(&txn).await?
        }
        None => {
            self_assessment::ActiveModel {
                id: Set(Uuid::now_v7()),
                round_id: Set(round_id),
                item_id: Set(item_id),
                unit_id: Set(unit_id),
                text: Set(text.trim().to_owned()),
                evidence: Set(evidence),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    txn.commit().await?;
    Ok(Ok(row))
}

/// Whether the caller scores `item` of a round: for a COMMITTEE item, that committee's staff or
/// the secretariat (acting for the committees); for an EVALUATOR item, an evaluator invited to
/// the round (one statement).
///
/// # Errors
/// Database failures.
pub async fn scores_item(
    actor: &Actor,
    db: &impl ConnectionTrait,
    item: &evaluation_item::Model,
) -> Result<bool, Error> {
    Ok(match item.scorer {
        Some(EvaluationScorer::Committee) => {
            actor.is_secretariat()
                || (actor.committee().is_some() && actor.committee() == item.scorer_committee_id)
        }
        Some(EvaluationScorer::Evaluator) => is_invited(actor, db, item.round_id).await?,
        None => false,
    })
}

/// Whether the caller is an EVALUATOR invited to the round (one statement; none for other
/// roles).
///
/// # Errors
/// Database failures.
pub async fn is_invited(
    actor: &Actor,
    db: &impl ConnectionTrait,
    round_id: Uuid,
) -> Result<bool, Error> {
    let Some(id) = actor.account_id().filter(|_| actor.is_evaluator()) else {
        return Ok(false);
    };
    Ok(evaluation_evaluator::Entity::find()
        .filter(evaluation_evaluator::Column::RoundId.eq(round_id))
        .filter(evaluation_evaluator::Column::AccountId.eq(id))
        .one(db)
        .await?
        .is_some())
}

/// Scores one member on one scored item, replacing an earlier score, while the round is in
/// REVIEW or REOPENED. See [`scores_item`] for who may.
///
/// # Errors
/// `UNAUTHENTICATED`; `FORBIDDEN` for a caller who does not score the item; user errors:
/// `NOT_FOUND` round, item or member, `INVALID_TRANSITION` when the round is not in review or
/// reopened, `INVALID` item (computed, or not applicable to the member), `INVALID` points (below
/// 0, above the item's maximum, not finite); database failures.
pub async fn score(
    actor: &Actor,
    db: &impl TransactionTrait,
    round_id: Uuid,
    item_id: Uuid,
    unit_id: Uuid,
    points: f64,
    comment: String,
) -> OpResult<evaluation_score::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(round) = find_round(&txn, round_id).await? else {
        return Ok(round_not_found());
    };
    let item = evaluation_item::Entity::find_by_id(item_id)
        .one(&txn)
        .await?
        .filter(|i| i.round_id == round_id);
    let Some(item) = item else {
        return Ok(refuse(
            "itemId",
            ViolationCode::NotFound,
            msg!("committees-item-not-found"),
        ));
    };
    if item.kind != EvaluationItemKind::Scored {
        return Ok(refuse(
            "itemId",
            ViolationCode::Invalid,
            msg!("committees-item-computed"),
        ));
    }
    if !scores_item(actor, &txn, &item).await? {
        return Err(actor.refused(msg!("committees-forbidden-scorer")));
    }
    if !matches!(
        round.status,
        EvaluationStatus::Review | EvaluationStatus::Reopened
    ) {
        return Ok(refuse(
            "roundId",
            ViolationCode::InvalidTransition,
            msg!(
                "committees-round-status",
                status = crate::i18n::Arg::label(&round.status)
            ),
        ));
    }
    let Some(unit) = member_unit::Entity::find_by_id(unit_id).one(&txn).await? else {
        return Ok(refuse(
            "memberUnitId",
            ViolationCode::NotFound,
            msg!("registry-member-unit-not-found"),
        ));
    };
    let mut errors = Vec::new();
    if !applies_to(&item, unit.category) {
        errors.push(Violation::on(
            "itemId",
            ViolationCode::Invalid,
            msg!("committees-item-not-applicable"),
        ));
    }
    if !points.is_finite() || points < 0.0 || points > item.max_points {
        errors.push(Violation::on(
            "points",
            ViolationCode::Invalid,
            msg!("committees-score-points", max = item.max_points.to_string()),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let account = actor.account_id().unwrap_or_default();
    let existing = evaluation_score::Entity::find()
        .filter(evaluation_score::Column::ItemId.eq(item_id))
        .filter(evaluation_score::Column::EvaluatedUnitId.eq(unit_id))
        .one(&txn)
        .await?;
    let row = match existing {
        Some(s) => {
            let mut s: evaluation_score::ActiveModel = s.into();
            s.points = Set(points);
            s.comment = Set(comment.trim().to_owned());
            s.account_id = Set(account);
            s.updated_at = Set(now);
            s.update(&txn).await?
        }
        None => {
            evaluation_score::ActiveModel {
                id: Set(Uuid::now_v7()),
                round_id: Set(round_id),
                item_id: Set(item_id),
                evaluated_unit_id: Set(unit_id),
                points: Set(points),
                comment: Set(comment.trim().to_owned()),
                account_id: Set(account),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?
        }
    };
    txn.commit().await?;
    Ok(Ok(row))
}

/// Who may read a round: the secretariat and committee staff every round; members' staff every
/// round past DRAFT (their own self-assessments and results only, see the readers); an evaluator
/// the rounds it is invited to.
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; database failures.
pub async fn may_read(
    actor: &Actor,
    db: &impl ConnectionTrait,
    round: &evaluation_round::Model,
) -> Result<bool, Error> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    Ok(if actor.reads_aggregates() {
        true
    } else if actor.is_evaluator() {
        is_invited(actor, db, round.id).await?
    } else {
        round.status != EvaluationStatus::Draft
    })
}

/// Rounds the caller may read, as a condition (the SQL twin of [`may_read`]).
pub fn round_scope(actor: &Actor) -> sea_orm::Condition {
    use sea_orm::sea_query::Query;
    if actor.reads_aggregates() {
        return sea_orm::Condition::all();
    }
    match (actor.is_evaluator(), actor.account_id()) {
        (true, Some(account)) => sea_orm::Condition::all().add(
            evaluation_round::Column::Id.in_subquery(
                Query::select()
                    .column(evaluation_evaluator::Column::RoundId)
                    .from(evaluation_evaluator::Entity)
                    .and_where(evaluation_evaluator::Column::AccountId.eq(account))
                    .to_owned(),
            ),
        ),
        (false, Some(_)) => sea_orm::Condition::all()
            .add(evaluation_round::Column::Status.ne(EvaluationStatus::Draft)),
        _ => crate::db::no_rows(),
    }
}

/// Items the caller may read: those of the rounds it may read.
pub fn item_scope(actor: &Actor) -> sea_orm::Condition {
    use sea_orm::sea_query::Query;
    sea_orm::Condition::all().add(
        evaluation_item::Column::RoundId.in_subquery(
            Query::select()
                .column(evaluation_round::Column::Id)
                .from(evaluation_round::Entity)
                .cond_where(round_scope(actor))
                .to_owned(),
        ),
    )
}
