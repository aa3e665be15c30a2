//! Paged relations of a parent object (`MemberUnit.internshipPlacements`, `Student.enrolments`, …)
//! with a statement budget fixed by the query's shape (`docs/api-conventions.md`, No N+1).
//!
//! A connection under each of many parents cannot go through a plain DataLoader: every parent has
//! its own page. Two parts make it one statement for all parents:
//!
//! - **Siblings.** A list that returns parents ([`EdgeBatches::register`]: the `memberUnits` page,
//!   a batch of hosts loaded by id, …) records which parents came together. When the first of them
//!   resolves an edge, the edge is loaded for all of them at once and kept for the others (per
//!   request, keyed by the edge, its arguments and the caller's scope as SQL). A parent that came
//!   alone is its own batch.
//! - **One windowed statement.** [`pages_by_parent`] runs the edge's select (the top-level list's
//!   filter AND the caller's scope AND `parent IN (…)`), numbers each parent's rows newest first
//!   with `ROW_NUMBER() OVER (PARTITION BY parent …)` and keeps the first `limit + 1` of each; a
//!   second statement (`GROUP BY parent`) counts them, only when `totalCount` is selected. A
//!   relation with two sides (a placement's school and its host) is a `UNION ALL` of one select
//!   per side, each naming its parent column.
//!
//! Both statements run the same on SQLite (3.25 and later) and PostgreSQL.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_graphql::Context;
use sea_orm::sea_query::{
    Alias, Asterisk, Expr, ExprTrait, Order, Query, SelectStatement, SimpleExpr, UnionType,
    WindowStatement,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QueryTrait, Select,
};
use tokio::sync::OnceCell;
use uuid::Uuid;

use super::connection::{Cursor, Page};
use super::error::{ApiError, ApiResult};

/// The column every side names its parent in.
const PARENT: &str = "edge_parent";
/// The row's rank within its parent, newest first (or oldest first for `last`).
const RANK: &str = "edge_rank";

/// One page of each parent's rows, and their count when it was asked for.
pub type Pages<T> = HashMap<Uuid, (Vec<T>, u64)>;

type Batch = Arc<OnceCell<Arc<dyn Any + Send + Sync>>>;

/// The request's record of which parents came together, and the edges already loaded for them.
/// Part of the request's [`super::loader::Loaders`]; nothing outlives the request.
pub struct EdgeBatches {
    /// Whether results are kept for the siblings (off on a WebSocket connection, whose events
    /// must read fresh rows: there every parent loads for itself).
    cache: bool,
    /// Hashed with foldhash, as the loaders' caches are (see [`super::loader::Cache`]).
    pages: Mutex<HashMap<Uuid, Arc<[Uuid]>, foldhash::fast::RandomState>>,
    results: Mutex<HashMap<(&'static str, String, usize), Batch, foldhash::fast::RandomState>>,
}

impl EdgeBatches {
    /// An empty record; `cache` false for a WebSocket connection.
    pub fn new(cache: bool) -> Self {
        Self {
            cache,
            pages: Mutex::default(),
            results: Mutex::default(),
        }
    }

    /// Whether results are kept (not on a WebSocket connection).
    pub fn caching(&self) -> bool {
        self.cache
    }

    /// Records `ids` as parents that came together (one page, one batch loaded by id): an edge
    /// any of them resolves is loaded for all of them. A parent stays in the first batch it was
    /// recorded in (its page), so that the batch does not depend on which field resolved first.
    pub fn register(&self, ids: impl IntoIterator<Item = Uuid>) {
        if !self.cache {
            return;
        }
        let mut pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        let fresh: Arc<[Uuid]> = ids
            .into_iter()
            .filter(|id| !pages.contains_key(id))
            .collect();
        pages.reserve(fresh.len());
        for id in fresh.iter() {
            pages.insert(*id, fresh.clone());
        }
    }

    /// The batch `parent` belongs to (itself alone if it came in none), recorded so that its
    /// address names the batch for the rest of the request.
    fn siblings(&self, parent: Uuid) -> Arc<[Uuid]> {
        let mut pages = self.pages.lock().unwrap_or_else(|e| e.into_inner());
        pages
            .entry(parent)
            .or_insert_with(|| Arc::from([parent]))
            .clone()
    }

    /// `parent`'s page of the edge named `edge` with arguments `key` (the SQL condition and the
    /// paging, as text): loaded by `fetch` for the parent's whole batch on first use, then read
    /// from the request's record.
    ///
    /// # Errors
    /// Whatever `fetch` returns (a database failure is `INTERNAL`).
    pub async fn page<T, F, Fut>(
        &self,
        edge: &'static str,
        key: String,
        parent: Uuid,
        fetch: F,
    ) -> ApiResult<(Vec<T>, u64)>
    where
        T: Clone + Send + Sync + 'static,
        F: FnOnce(Arc<[Uuid]>) -> Fut,
        Fut: Future<Output = ApiResult<Pages<T>>>,
    {
        if !self.cache {
            let mut pages = fetch(Arc::from([parent])).await?;
            return Ok(pages.remove(&parent).unwrap_or_default());
        }
        let siblings = self.siblings(parent);
        let address = Arc::as_ptr(&siblings).cast::<u8>() as usize;
        let cell = self
            .results
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry((edge, key, address))
            .or_default()
            .clone();
        let loaded = cell
            .get_or_try_init(|| async move {
                let pages = fetch(siblings).await?;
                Ok::<_, async_graphql::Error>(Arc::new(pages) as Arc<dyn Any + Send + Sync>)
            })
            .await?;
        let pages = loaded.downcast_ref::<Pages<T>>().ok_or_else(|| {
            ApiError::Other(anyhow::anyhow!("edge {edge}: batch of another type"))
        })?;
        Ok(pages.get(&parent).cloned().unwrap_or_default())
    }
}

/// One side of a relation: the child rows under the caller's filter and scope, and the expression
/// naming each row's parent (a column of the child, or of a joined table).
pub struct Side {
    select: SelectStatement,
    parent: SimpleExpr,
}

impl Side {
    /// The rows of `select` whose `parent` is one of `parents`.
    pub fn new<E: EntityTrait>(
        select: Select<E>,
        parent: impl Into<SimpleExpr>,
        parents: &[Uuid],
    ) -> Self {
        let parent = parent.into();
        let select = select
            .filter(Expr::expr(parent.clone()).is_in(parents.iter().copied()))
            .into_query();
        Self { select, parent }
    }

    /// The rows of `select` joined (inner) to `join` on `on`, whose `parent` (a column of the
    /// joined table) is one of `parents`: e.g. training sites by their partners.
    pub fn joined(
        mut select: SelectStatement,
        join: impl sea_orm::sea_query::IntoTableRef,
        on: sea_orm::Condition,
        parent: SimpleExpr,
        parents: &[Uuid],
    ) -> Self {
        select
            .inner_join(join, on)
            .and_where(Expr::expr(parent.clone()).is_in(parents.iter().copied()));
        Self { select, parent }
    }
}

/// The cache key of an edge's arguments: the condition (as SQL-like text) and the paging.
pub fn key(condition: &impl std::fmt::Debug, extra: &impl std::fmt::Debug, page: &Page) -> String {
    format!("{condition:?}|{extra:?}|{page:?}")
}

/// Whether the connection field being resolved selects `totalCount`.
pub fn counts(ctx: &Context<'_>) -> bool {
    ctx.look_ahead().field("totalCount").exists()
}

/// Each parent's page of rows of entity `E` (`limit + 1` rows in the page's direction, for
/// [`Page::finish`]) from the union of `sides`, newest first by the UUID v7 `id`; and each
/// parent's total when `count` is set (0 otherwise). One statement, plus one for the counts.
///
/// # Errors
/// Database failures.
pub async fn pages_by_parent<E>(
    db: &DatabaseConnection,
    sides: Vec<Side>,
    id_column: E::Column,
    page: &Page,
    count: bool,
) -> Result<Pages<E::Model>, DbErr>
where
    E: EntityTrait,
{
    let parent = Alias::new(PARENT);
    let id = Alias::new("id");
    let mut bounded: Option<SelectStatement> = None;
    let mut all: Option<SelectStatement> = None;
    for side in sides {
        let mut select = side.select;
        select.expr_as(side.parent, parent.clone());
        let unbounded = select.clone();
        if let Some(after) = &page.after {
            select.and_where(id_column.lt(after.id));
        }
        if let Some(before) = &page.before {
            select.and_where(id_column.gt(before.id));
        }
        union(&mut bounded, select);
        union(&mut all, unbounded);
    }
    let (Some(bounded), Some(all)) = (bounded, all) else {
        return Ok(HashMap::new());
    };
    let order = if page.forward {
        Order::Desc
    } else {
        Order::Asc
    };
    let ranked = Query::select()
        .column(Asterisk)
        .expr_window_as(
            Expr::cust("ROW_NUMBER()"),
            WindowStatement::partition_by(parent.clone())
                .order_by(id.clone(), order)
                .to_owned(),
            Alias::new(RANK),
        )
        .from_subquery(bounded, Alias::new("edge_rows"))
        .to_owned();
    let rows = Query::select()
        .column(Asterisk)
        .from_subquery(ranked, Alias::new("edge_ranked"))
        .and_where(Expr::col(Alias::new(RANK)).lte(page.limit + 1))
        .order_by(parent.clone(), Order::Asc)
        .order_by(Alias::new(RANK), Order::Asc)
        .to_owned();
    let mut pages: Pages<E::Model> = HashMap::new();
    for row in db.query_all(&rows).await? {
        let key: Uuid = row.try_get("", PARENT)?;
        let model = E::Model::from_query_result(&row, "")?;
        pages.entry(key).or_default().0.push(model);
    }
    if count {
        let counts = Query::select()
            .column(parent.clone())
            .expr_as(Expr::cust("COUNT(*)"), Alias::new("edge_count"))
            .from_subquery(all, Alias::new("edge_all"))
            .group_by_col(parent)
            .to_owned();
        for row in db.query_all(&counts).await? {
            let key: Uuid = row.try_get("", PARENT)?;
            let n: i64 = row.try_get("", "edge_count")?;
            pages.entry(key).or_default().1 = u64::try_from(n).unwrap_or(0);
        }
    }
    Ok(pages)
}

fn union(acc: &mut Option<SelectStatement>, select: SelectStatement) {
    match acc {
        Some(a) => {
            a.union(UnionType::All, select);
        }
        None => *acc = Some(select),
    }
}

/// The cursor of an edge row (every edge is ordered newest first by id, as the top-level lists).
pub fn cursor(id: Uuid) -> Cursor {
    super::object::id_cursor(id)
}
