//! A round's results (`docs/committees.md`, Results): the snapshot written when a round is
//! published, and each member's points per item, total, score, rank within its category and
//! change from the previous round, read from that snapshot only — later edits of the records do
//! not change a published result.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use entity::enums::{
    AuditAction, EvaluationItemKind, EvaluationStatus, MemberUnitKind, UnitCategory,
};
use entity::{evaluation_item, evaluation_result, evaluation_round, evaluation_score, member_unit};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::rounds::{applies_to, items_of};
use crate::error::Error;

/// Rows per insert statement of a snapshot.
const CHUNK: usize = 200;

/// Writes the round's snapshot, replacing an earlier one: for every member and every item that
/// applies to it, the computed value and points, or the score (0 when none was given) and its
/// comment. A fixed number of statements for the measuring (at most 11) and one insert per 200
/// rows.
///
/// # Errors
/// Database failures.
pub async fn snapshot(
    db: &impl ConnectionTrait,
    round: &evaluation_round::Model,
) -> Result<u64, Error> {
    let items = items_of(db, round.id).await?;
    let units = member_unit::Entity::find()
        .order_by_asc(member_unit::Column::ListOrder)
        .all(db)
        .await?;
    let wanted: HashSet<_> = items.iter().filter_map(|i| i.indicator).collect();
    let values = super::values::measure(db, &units, round.year, &wanted).await?;
    let scores: HashMap<(Uuid, Uuid), evaluation_score::Model> = evaluation_score::Entity::find()
        .filter(evaluation_score::Column::RoundId.eq(round.id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| ((s.item_id, s.evaluated_unit_id), s))
        .collect();
    let replaced = evaluation_result::Entity::delete_many()
        .filter(evaluation_result::Column::RoundId.eq(round.id))
        .exec(db)
        .await?
        .rows_affected;
    if replaced > 0 {
        // A republication replaces the earlier snapshot in bulk: one audit event says how many
        // rows went.
        entity::audit::record_bulk(db, AuditAction::Delete, "evaluation_result", replaced).await?;
    }
    let now = Utc::now();
    let mut rows = Vec::new();
    for u in &units {
        for item in items.iter().filter(|i| applies_to(i, u.category)) {
            let (value, points, comment) = match (item.kind, item.indicator) {
                (EvaluationItemKind::Computed, Some(indicator)) => {
                    match values.get(&(u.id, indicator)) {
                        Some(v) => (Some(*v), v * item.max_points, None),
                        None => continue,
                    }
                }
                (EvaluationItemKind::Computed, None) => continue,
                (EvaluationItemKind::Scored, _) => match scores.get(&(item.id, u.id)) {
                    Some(s) => (
                        None,
                        s.points,
                        Some(s.comment.clone()).filter(|c| !c.is_empty()),
                    ),
                    None => (None, 0.0, None),
                },
            };
            rows.push(evaluation_result::ActiveModel {
                id: sea_orm::ActiveValue::Set(Uuid::now_v7()),
                round_id: sea_orm::ActiveValue::Set(round.id),
                item_id: sea_orm::ActiveValue::Set(item.id),
                unit_id: sea_orm::ActiveValue::Set(u.id),
                value: sea_orm::ActiveValue::Set(value),
                points: sea_orm::ActiveValue::Set(points),
                comment: sea_orm::ActiveValue::Set(comment),
                created_at: sea_orm::ActiveValue::Set(now),
            });
        }
    }
    let written = rows.len() as u64;
    for chunk in rows.chunks(CHUNK) {
        evaluation_result::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    // A snapshot is written in bulk: one audit event says how many rows it holds.
    entity::audit::record_bulk(db, AuditAction::Create, "evaluation_result", written).await?;
    Ok(written)
}

/// One member's points on one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemPoints {
    /// The item.
    pub item_id: Uuid,
    /// A computed item's measured value (0–1).
    pub value: Option<f64>,
    /// Points earned.
    pub points: f64,
    /// The item's maximum.
    pub max_points: f64,
    /// A scored item's comment.
    pub comment: Option<String>,
}

/// One member's result in a published round.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberResult {
    /// The member.
    pub unit: member_unit::Model,
    /// Its points per item that applies to it, in item order.
    pub items: Vec<ItemPoints>,
    /// Points earned.
    pub total: f64,
    /// Points it could earn (the items that apply to it).
    pub maximum: f64,
    /// `total / maximum × 100` (0 when no item applies): the figure ranked, so that members to
    /// which different items apply compare fairly.
    pub score: f64,
    /// Rank within its category, 1 = best; equal scores share a rank ("1, 2, 2, 4").
    pub rank: usize,
    /// Members ranked in its category.
    pub ranked_in_category: usize,
    /// Its score in the latest published round of an earlier year, if it was evaluated there.
    pub previous_score: Option<f64>,
}

impl MemberResult {
    /// Change of score from the previous round (points of percentage).
    pub fn change(&self) -> Option<f64> {
        self.previous_score.map(|p| self.score - p)
    }
}

/// The results of a published (or reopened: its last publication) round, for every member,
/// in category then rank order. Three statements, plus two for the previous round.
///
/// # Errors
/// Database failures.
pub async fn results(
    db: &impl ConnectionTrait,
    round: &evaluation_round::Model,
) -> Result<Vec<MemberResult>, Error> {
    let mut out = member_results(db, round).await?;
    let previous = evaluation_round::Entity::find()
        .filter(evaluation_round::Column::Year.lt(round.year))
        .filter(evaluation_round::Column::PublishedAt.is_not_null())
        .order_by_desc(evaluation_round::Column::Year)
        .limit(1)
        .one(db)
        .await?;
    if let Some(prev) = previous {
        let before: HashMap<Uuid, f64> = member_results(db, &prev)
            .await?
            .into_iter()
            .map(|r| (r.unit.id, r.score))
            .collect();
        for r in &mut out {
            r.previous_score = before.get(&r.unit.id).copied();
        }
    }
    Ok(out)
}

async fn member_results(
    db: &impl ConnectionTrait,
    round: &evaluation_round::Model,
) -> Result<Vec<MemberResult>, Error> {
    if round.published_at.is_none() {
        return Ok(Vec::new());
    }
    let items: HashMap<Uuid, evaluation_item::Model> = items_of(db, round.id)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let rows = evaluation_result::Entity::find()
        .filter(evaluation_result::Column::RoundId.eq(round.id))
        .all(db)
        .await?;
    let unit_ids: HashSet<Uuid> = rows.iter().map(|r| r.unit_id).collect();
    let units = member_unit::Entity::find()
        .filter(member_unit::Column::Id.is_in(unit_ids))
        .order_by_asc(member_unit::Column::ListOrder)
        .all(db)
        .await?;
    let mut by_unit: HashMap<Uuid, Vec<ItemPoints>> = HashMap::new();
    for r in rows {
        let Some(item) = items.get(&r.item_id) else {
            continue;
        };
        by_unit.entry(r.unit_id).or_default().push(ItemPoints {
            item_id: r.item_id,
            value: r.value,
            points: r.points,
            max_points: item.max_points,
            comment: r.comment,
        });
    }
    let position = |id: &Uuid| items.get(id).map_or(i32::MAX, |i| i.position);
    let mut out: Vec<MemberResult> = units
        .into_iter()
        .map(|unit| {
            let mut points = by_unit.remove(&unit.id).unwrap_or_default();
            points.sort_by_key(|p| position(&p.item_id));
            let total: f64 = points.iter().map(|p| p.points).sum();
            let maximum: f64 = points.iter().map(|p| p.max_points).sum();
            let score = if maximum > 0.0 {
                total / maximum * 100.0
            } else {
                0.0
            };
            MemberResult {
                unit,
                items: points,
                total,
                maximum,
                score,
                rank: 0,
                ranked_in_category: 0,
                previous_score: None,
            }
        })
        .collect();
    rank(&mut out);
    Ok(out)
}

/// Ranks members within their category by score (competition ranking), and orders them by
/// category, then rank, then annex order.
pub fn rank(results: &mut [MemberResult]) {
    let category_order = |c: UnitCategory| match c {
        UnitCategory::School => 0,
        UnitCategory::Enterprise => 1,
        UnitCategory::Other => 2,
    };
    results.sort_by(|a, b| {
        category_order(a.unit.category)
            .cmp(&category_order(b.unit.category))
            .then(b.score.total_cmp(&a.score))
            .then(a.unit.list_order.cmp(&b.unit.list_order))
    });
    let mut start = 0;
    while start < results.len() {
        let category = results[start].unit.category;
        let end = results[start..]
            .iter()
            .position(|r| r.unit.category != category)
            .map_or(results.len(), |n| start + n);
        let count = end - start;
        for i in start..end {
            let rank = if i > start && results[i].score == results[i - 1].score {
                results[i - 1].rank
            } else {
                i - start + 1
            };
            results[i].rank = rank;
            results[i].ranked_in_category = count;
        }
        start = end;
    }
}

/// The anonymised distribution of scores in one category.
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    /// The category.
    pub category: UnitCategory,
    /// Members ranked.
    pub count: usize,
    /// Lowest, first quartile, median, third quartile and highest score (nearest-rank).
    pub min: f64,
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// Highest.
    pub max: f64,
    /// Arithmetic mean.
    pub mean: f64,
}

/// The distribution of each category's scores (categories without members are left out).
pub fn distributions(results: &[MemberResult]) -> Vec<Distribution> {
    [
        UnitCategory::School,
        UnitCategory::Enterprise,
        UnitCategory::Other,
    ]
    .into_iter()
    .filter_map(|category| {
        let mut s: Vec<f64> = results
            .iter()
            .filter(|r| r.unit.category == category)
            .map(|r| r.score)
            .collect();
        if s.is_empty() {
            return None;
        }
        s.sort_by(f64::total_cmp);
        let at = |q: f64| {
            let n = ((q * s.len() as f64).ceil() as usize).clamp(1, s.len());
            s[n - 1]
        };
        Some(Distribution {
            category,
            count: s.len(),
            min: s[0],
            q1: at(0.25),
            median: at(0.5),
            q3: at(0.75),
            max: s[s.len() - 1],
            mean: s.iter().sum::<f64>() / s.len() as f64,
        })
    })
    .collect()
}

/// Whether a member's result is the benchmark every member sees: the technician colleges lead by
/// example (Founding notice 三(三), "由技师学院发挥“领头羊”作用").
pub fn is_benchmark(r: &MemberResult) -> bool {
    r.unit.kind == MemberUnitKind::TechnicianCollege
}

/// Whether a round has results to read (it was published at least once).
pub fn has_results(round: &evaluation_round::Model) -> bool {
    round.published_at.is_some()
        && matches!(
            round.status,
            EvaluationStatus::Published | EvaluationStatus::Reopened
        )
}

/// Scores given so far in a round and how many its scored items expect (members × items that
/// apply to them): the secretariat's view of what is still to score before publishing. Two
/// statements.
///
/// # Errors
/// Database failures.
pub async fn scoring_progress(
    db: &impl ConnectionTrait,
    round_id: Uuid,
) -> Result<(u64, u64), Error> {
    let items = items_of(db, round_id).await?;
    let categories: Vec<UnitCategory> = member_unit::Entity::find()
        .select_only()
        .column(member_unit::Column::Category)
        .into_tuple()
        .all(db)
        .await?;
    let expected = items
        .iter()
        .filter(|i| i.kind == EvaluationItemKind::Scored)
        .map(|i| categories.iter().filter(|c| applies_to(i, **c)).count() as u64)
        .sum();
    let given = sea_orm::PaginatorTrait::count(
        evaluation_score::Entity::find().filter(evaluation_score::Column::RoundId.eq(round_id)),
        db,
    )
    .await?;
    Ok((given, expected))
}
