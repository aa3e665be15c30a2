//! The medal table of the contests (Ten Measures (5): "对大赛中取得优异成绩的选手、教练和单位予以
//! 奖励"): each member's entries, medals, coaches' honours and its own awards, from SQL aggregates.

use entity::enums::{ContestAward, ContestKind, ContestLevel};
use entity::{contest, contest_entry, contest_unit_award};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Order};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::Error;
use crate::msg;

/// Most rows of a medal table.
pub const MAX_MEDAL_ROWS: u64 = 500;

/// The filters of a medal table.
#[derive(Debug, Clone, Default)]
pub struct MedalFilter {
    /// Contests held from this year.
    pub from_year: Option<i32>,
    /// Contests held up to this year.
    pub to_year: Option<i32>,
    /// Only contests of this kind.
    pub kind: Option<ContestKind>,
    /// Only contests at this level.
    pub level: Option<ContestLevel>,
    /// Only these units.
    pub units: Option<Vec<Uuid>>,
    /// At most this many rows (at most, and by default, [`MAX_MEDAL_ROWS`]).
    pub limit: Option<u64>,
}

/// One member's line of a medal table.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromQueryResult)]
pub struct MedalRow {
    /// The member unit.
    pub unit_id: Uuid,
    /// Its contestants' entries.
    pub entries: i64,
    /// Gold medals or first prizes.
    pub gold: i64,
    /// Silver medals or second prizes.
    pub silver: i64,
    /// Bronze medals or third prizes.
    pub bronze: i64,
    /// Medallions for excellence or honourable mentions.
    pub excellence: i64,
    /// Its entries whose coach was honoured.
    pub coach_honours: i64,
}

/// The medal table: each member's entries and awards in the contests `filter` names, gold first,
/// then silver, bronze, excellence (ties by unit ID), at most [`MAX_MEDAL_ROWS`] rows; units with
/// entries only. One SQL aggregate. Any reader of the shared records (counts, no names).
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for an evaluator; database failures.
pub async fn medal_table(
    actor: &Actor,
    db: &impl ConnectionTrait,
    filter: &MedalFilter,
) -> Result<Vec<MedalRow>, Error> {
    if !actor.reads_shared() {
        return Err(actor.refused(msg!("forbidden-evaluator-rounds-only")));
    }
    medal_rows(db, filter).await
}

/// The rows of [`medal_table`], for any caller (the API checks who asks).
///
/// # Errors
/// Database failures.
pub async fn medal_rows(
    db: &impl ConnectionTrait,
    filter: &MedalFilter,
) -> Result<Vec<MedalRow>, Error> {
    let award = |a: ContestAward| {
        Expr::expr(Func::sum(
            Expr::case(contest_entry::Column::Award.eq(a), 1).finally(0),
        ))
        .cast_as(sea_orm::sea_query::Alias::new("BIGINT"))
    };
    let mut cond = Condition::all();
    let contests = contest_filter(filter);
    if !contests.is_empty() {
        cond = cond.add(
            contest_entry::Column::ContestId.in_subquery(sea_orm::QueryTrait::into_query(
                contest::Entity::find()
                    .select_only()
                    .column(contest::Column::Id)
                    .filter(contests),
            )),
        );
    }
    if let Some(units) = &filter.units {
        cond = cond.add(contest_entry::Column::UnitId.is_in(units.iter().copied()));
    }
    let gold = award(ContestAward::Gold);
    let silver = award(ContestAward::Silver);
    let bronze = award(ContestAward::Bronze);
    let excellence = award(ContestAward::Excellence);
    let mut query = contest_entry::Entity::find()
        .select_only()
        .column(contest_entry::Column::UnitId)
        .column_as(Expr::col(contest_entry::Column::Id).count(), "entries")
        .column_as(gold.clone(), "gold")
        .column_as(silver.clone(), "silver")
        .column_as(bronze.clone(), "bronze")
        .column_as(excellence.clone(), "excellence")
        .column_as(
            Expr::expr(Func::sum(
                Expr::case(contest_entry::Column::CoachHonoured.eq(true), 1).finally(0),
            ))
            .cast_as(sea_orm::sea_query::Alias::new("BIGINT")),
            "coach_honours",
        )
        .filter(cond)
        .group_by(contest_entry::Column::UnitId)
        .order_by(gold, Order::Desc)
        .order_by(silver, Order::Desc)
        .order_by(bronze, Order::Desc)
        .order_by(excellence, Order::Desc)
        .order_by_asc(contest_entry::Column::UnitId);
    // A table of every unit is cut at its length; a batch of named units is as long as the batch.
    if filter.units.is_none() || filter.limit.is_some() {
        query = query.limit(std::cmp::Ord::min(
            filter.limit.unwrap_or(MAX_MEDAL_ROWS),
            MAX_MEDAL_ROWS,
        ));
    }
    Ok(query.into_model().all(db).await?)
}

/// The contests `filter` names, as a condition on `contest` (empty: every contest).
fn contest_filter(filter: &MedalFilter) -> Condition {
    let mut c = Condition::all();
    if let Some(y) = filter.from_year {
        c = c.add(contest::Column::Year.gte(y));
    }
    if let Some(y) = filter.to_year {
        c = c.add(contest::Column::Year.lte(y));
    }
    if let Some(k) = filter.kind {
        c = c.add(contest::Column::Kind.eq(k));
    }
    if let Some(l) = filter.level {
        c = c.add(contest::Column::Level.eq(l));
    }
    c
}

/// Each unit's awards given by the contests `filter` names: `(unit, awards)`, for the units
/// listed. One SQL aggregate.
///
/// # Errors
/// Database failures.
pub async fn unit_award_counts(
    db: &impl ConnectionTrait,
    filter: &MedalFilter,
    units: &[Uuid],
) -> Result<Vec<(Uuid, i64)>, Error> {
    let contests = contest_filter(filter);
    let mut q = contest_unit_award::Entity::find()
        .select_only()
        .column(contest_unit_award::Column::UnitId)
        .column_as(Expr::col(contest_unit_award::Column::Id).count(), "n")
        .filter(contest_unit_award::Column::UnitId.is_in(units.iter().copied()));
    if !contests.is_empty() {
        q = q.filter(
            contest_unit_award::Column::ContestId.in_subquery(sea_orm::QueryTrait::into_query(
                contest::Entity::find()
                    .select_only()
                    .column(contest::Column::Id)
                    .filter(contests),
            )),
        );
    }
    Ok(q.group_by(contest_unit_award::Column::UnitId)
        .into_tuple()
        .all(db)
        .await?)
}
