//! Evaluation rounds (督导评估, Founding notice 三(三); `docs/committees.md`, Evaluation rounds):
//! the secretariat opens a round for a year with its indicator set, members assess themselves,
//! committees and evaluators score their items, the secretariat publishes (freezing every value
//! and score) and may reopen with a reason. Every write is one transaction, recorded in the audit
//! trail.

use chrono::Utc;
use entity::enums::{
    AccountRole, CommitteeKind, EvaluationIndicator, EvaluationItemKind, EvaluationScorer,
    EvaluationStatus, UnitCategory,
};
use entity::{account, committee, evaluation_evaluator, evaluation_item, evaluation_round};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::values::{ALL_INDICATORS, source_of};
use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;

/// Most items a round holds.
pub const MAX_ITEMS: usize = 50;
/// Largest number of points one item is worth.
pub const MAX_POINTS: f64 = 1000.0;
/// Most evidence links one self-assessment carries.
pub const MAX_EVIDENCE: usize = 20;
/// Weight of each computed item of the default indicator set.
pub const DEFAULT_WEIGHT: f64 = 10.0;

/// One item of a round's indicator set, as the secretariat gives it.
#[derive(Debug, Clone)]
pub struct ItemInput {
    /// Computed or scored.
    pub kind: EvaluationItemKind,
    /// The formula (computed items only).
    pub indicator: Option<EvaluationIndicator>,
    /// Title; a computed item without one takes its formula's name.
    pub title: Option<String>,
    /// Category of members it applies to; none for all.
    pub applies_to: Option<UnitCategory>,
    /// Weight (computed) or maximum (scored), 0 < points ≤ 1000.
    pub max_points: f64,
    /// What scorers judge by (scored items; required).
    pub rubric: Option<String>,
    /// Who scores it (scored items; required).
    pub scorer: Option<EvaluationScorer>,
    /// The scoring committee, when `scorer` is COMMITTEE.
    pub scorer_committee_id: Option<Uuid>,
    /// Source of the item; computed items default to their formula's.
    pub source: Option<String>,
}

impl ItemInput {
    /// The default computed item of `indicator`, worth [`DEFAULT_WEIGHT`].
    pub fn computed(indicator: EvaluationIndicator) -> Self {
        Self {
            kind: EvaluationItemKind::Computed,
            indicator: Some(indicator),
            title: None,
            applies_to: None,
            max_points: DEFAULT_WEIGHT,
            rubric: None,
            scorer: None,
            scorer_committee_id: None,
            source: None,
        }
    }
}

/// The round with `id`, if any (one statement).
pub(super) async fn find_round(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<evaluation_round::Model>, Error> {
    Ok(evaluation_round::Entity::find_by_id(id).one(db).await?)
}

/// The `NOT_FOUND` violation on `roundId`.
pub(super) fn round_not_found<T>() -> crate::error::Outcome<T> {
    refuse(
        "roundId",
        ViolationCode::NotFound,
        msg!("committees-round-not-found"),
    )
}

/// Opens a round for `year` in DRAFT with `items` (none: the default set, every computed formula
/// worth 10 points). One round per year.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for anyone but the secretariat; user errors: `INVALID` year
/// (outside 2000–2100), `TAKEN` year, `BLANK` title, `TOO_LARGE` items (over 50), and per item
/// (`items.N.field`): `INVALID` points, a computed item without a formula or with a rubric or
/// scorer, a scored item without a rubric or scorer, a committee scorer without a working
/// committee (`NOT_FOUND` / `INVALID`); database failures.
pub async fn open_round(
    actor: &Actor,
    db: &impl TransactionTrait,
    year: i32,
    title: String,
    items: Vec<ItemInput>,
) -> OpResult<evaluation_round::Model> {
    actor.require_secretariat()?;
    let items = if items.is_empty() {
        ALL_INDICATORS
            .iter()
            .map(|i| ItemInput::computed(*i))
            .collect()
    } else {
        items
    };
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    if !super::targets::YEARS.contains(&year) {
        errors.push(Violation::on(
            "year",
            ViolationCode::Invalid,
            msg!("year-invalid", year = year),
        ));
    } else if evaluation_round::Entity::find()
        .filter(evaluation_round::Column::Year.eq(year))
        .one(&txn)
        .await?
        .is_some()
    {
        errors.push(Violation::on(
            "year",
            ViolationCode::Taken,
            msg!("committees-round-year-taken", year = year),
        ));
    }
    if title.trim().is_empty() {
        errors.push(Violation::on(
            "title",
            ViolationCode::Blank,
            msg!("field-blank", field = "title"),
        ));
    }
    if items.len() > MAX_ITEMS {
        errors.push(Violation::on(
            "items",
            ViolationCode::TooLarge,
            msg!("committees-too-many-items", max = MAX_ITEMS),
        ));
    }
    let committees: Vec<committee::Model> = committee::Entity::find().all(&txn).await?;
    for (n, item) in items.iter().enumerate() {
        check_item(n, item, &committees, &mut errors);
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let round = evaluation_round::ActiveModel {
        id: Set(Uuid::now_v7()),
        year: Set(year),
        title: Set(title.trim().to_owned()),
        status: Set(EvaluationStatus::Draft),
        reopen_reason: Set(None),
        published_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    for (n, item) in items.into_iter().enumerate() {
        let title = item
            .title
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .or_else(|| item.indicator.map(|i| crate::text::api_name(&i)))
            .unwrap_or_default();
        evaluation_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            round_id: Set(round.id),
            position: Set(n as i32 + 1),
            kind: Set(item.kind),
            indicator: Set(item.indicator),
            title: Set(title),
            applies_to: Set(item.applies_to),
            max_points: Set(item.max_points),
            rubric: Set(item.rubric.map(|r| r.trim().to_owned())),
            scorer: Set(item.scorer),
            scorer_committee_id: Set(item.scorer_committee_id),
            source: Set(item
                .source
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .or_else(|| item.indicator.map(|i| source_of(i).to_owned()))),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(round))
}

fn check_item(
    n: usize,
    item: &ItemInput,
    committees: &[committee::Model],
    errors: &mut Vec<Violation>,
) {
    let field = |f: &str| format!("items.{n}.{f}");
    let mut bad = |f: &str, code: ViolationCode, m: crate::i18n::Message| {
        errors.push(Violation::on(&field(f), code, m));
    };
    if !item.max_points.is_finite() || item.max_points <= 0.0 || item.max_points > MAX_POINTS {
        bad(
            "maxPoints",
            ViolationCode::Invalid,
            msg!("committees-item-points", max = MAX_POINTS.to_string()),
        );
    }
    match item.kind {
        EvaluationItemKind::Computed => {
            if item.indicator.is_none() {
                bad(
                    "indicator",
                    ViolationCode::Blank,
                    msg!("committees-item-computed"),
                );
            }
            if item.rubric.is_some() || item.scorer.is_some() || item.scorer_committee_id.is_some()
            {
                bad(
                    "scorer",
                    ViolationCode::Invalid,
                    msg!("committees-item-computed"),
                );
            }
        }
        EvaluationItemKind::Scored => {
            if item.indicator.is_some() {
                bad(
                    "indicator",
                    ViolationCode::Invalid,
                    msg!("committees-item-scored"),
                );
            }
            if item.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                bad(
                    "title",
                    ViolationCode::Blank,
                    msg!("field-blank", field = "title"),
                );
            }
            if item.rubric.as_deref().is_none_or(|r| r.trim().is_empty()) {
                bad(
                    "rubric",
                    ViolationCode::Blank,
                    msg!("committees-item-scored"),
                );
            }
            match (item.scorer, item.scorer_committee_id) {
                (Some(EvaluationScorer::Committee), Some(c)) => {
                    match committees.iter().find(|x| x.id == c) {
                        None => bad(
                            "scorerCommitteeId",
                            ViolationCode::NotFound,
                            msg!("registry-committee-not-found"),
                        ),
                        Some(x)
                            if !matches!(
                                x.kind,
                                CommitteeKind::WorkingCommittee
                                    | CommitteeKind::TeachingStaffCommittee
                            ) =>
                        {
                            bad(
                                "scorerCommitteeId",
                                ViolationCode::Invalid,
                                msg!("committees-item-scorer"),
                            );
                        }
                        Some(_) => {}
                    }
                }
                (Some(EvaluationScorer::Evaluator), None) => {}
                _ => bad(
                    "scorer",
                    ViolationCode::Invalid,
                    msg!("committees-item-scorer"),
                ),
            }
        }
    }
}

/// Invites the EVALUATOR account `account_id` to a round (again: no change). Not once the round
/// is published.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for anyone but the secretariat; user errors: `NOT_FOUND`
/// round or account, `INVALID` account (not an EVALUATOR), `INVALID_TRANSITION` for a published
/// round; database failures.
pub async fn invite_evaluator(
    actor: &Actor,
    db: &impl TransactionTrait,
    round_id: Uuid,
    account_id: Uuid,
) -> OpResult<evaluation_round::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(round) = find_round(&txn, round_id).await? else {
        return Ok(round_not_found());
    };
    if round.status == EvaluationStatus::Published {
        return Ok(refuse(
            "roundId",
            ViolationCode::InvalidTransition,
            msg!(
                "committees-round-status",
                status = crate::i18n::Arg::label(&round.status)
            ),
        ));
    }
    match account::Entity::find_by_id(account_id).one(&txn).await? {
        None => {
            return Ok(refuse(
                "accountId",
                ViolationCode::NotFound,
                msg!("committees-account-not-found"),
            ));
        }
        Some(a) if a.role != AccountRole::Evaluator => {
            return Ok(refuse(
                "accountId",
                ViolationCode::Invalid,
                msg!("committees-not-an-evaluator"),
            ));
        }
        Some(_) => {}
    }
    let invited = evaluation_evaluator::Entity::find()
        .filter(evaluation_evaluator::Column::RoundId.eq(round_id))
        .filter(evaluation_evaluator::Column::AccountId.eq(account_id))
        .one(&txn)
        .await?;
    if invited.is_none() {
        evaluation_evaluator::ActiveModel {
            id: Set(Uuid::now_v7()),
            round_id: Set(round_id),
            account_id: Set(account_id),
            created_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(round))
}

/// Whether a round may move from `from` to `to`.
pub fn may_move(from: EvaluationStatus, to: EvaluationStatus) -> bool {
    use EvaluationStatus::*;
    matches!(
        (from, to),
        (Draft, SelfAssessment)
            | (SelfAssessment, Review)
            | (Review, Published)
            | (Published, Reopened)
            | (Reopened, Published)
    )
}

/// Moves a round on: DRAFT → SELF_ASSESSMENT → REVIEW → PUBLISHED, PUBLISHED → REOPENED (with a
/// reason, 1–2,000 characters) → PUBLISHED. Publishing snapshots every computed value and every
/// score of every member into `evaluation_result` (replacing an earlier publication's rows), in
/// the same transaction.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for anyone but the secretariat; user errors: `NOT_FOUND`
/// round, `INVALID_TRANSITION` for any other move, `BLANK` reason when reopening; database
/// failures.
pub async fn move_round(
    actor: &Actor,
    db: &impl TransactionTrait,
    round_id: Uuid,
    to: EvaluationStatus,
    reason: Option<String>,
) -> OpResult<evaluation_round::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(round) = find_round(&txn, round_id).await? else {
        return Ok(round_not_found());
    };
    if !may_move(round.status, to) {
        return Ok(refuse(
            "status",
            ViolationCode::InvalidTransition,
            msg!(
                "committees-round-move",
                from = crate::i18n::Arg::label(&round.status),
                to = crate::i18n::Arg::label(&to)
            ),
        ));
    }
    let reason = reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if to == EvaluationStatus::Reopened && reason.is_none() {
        return Ok(refuse(
            "reason",
            ViolationCode::Blank,
            msg!("committees-reopen-reason"),
        ));
    }
    let now = Utc::now();
    if to == EvaluationStatus::Published {
        super::results::snapshot(&txn, &round).await?;
    }
    let mut row: evaluation_round::ActiveModel = round.into();
    row.status = Set(to);
    row.updated_at = Set(now);
    if to == EvaluationStatus::Published {
        row.published_at = Set(Some(now));
    }
    if to == EvaluationStatus::Reopened {
        row.reopen_reason = Set(reason);
    }
    let row = row.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// The items of a round, by position (one statement).
///
/// # Errors
/// Database failures.
pub async fn items_of(
    db: &impl ConnectionTrait,
    round_id: Uuid,
) -> Result<Vec<evaluation_item::Model>, sea_orm::DbErr> {
    evaluation_item::Entity::find()
        .filter(evaluation_item::Column::RoundId.eq(round_id))
        .order_by_asc(evaluation_item::Column::Position)
        .all(db)
        .await
}

/// Whether `item` applies to a member of `category` by its category filter.
pub fn applies_to(item: &evaluation_item::Model, category: UnitCategory) -> bool {
    item.applies_to.is_none_or(|c| c == category)
}
