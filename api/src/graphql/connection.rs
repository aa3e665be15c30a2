//! Relay cursor connections (`docs/api-conventions.md`, Shape).
//!
//! `first`/`last` are clamped to 1–[`MAX_PAGE`] (negative values are refused); the default page is
//! [`DEFAULT_PAGE`]. Cursors are opaque (base64url of a small JSON object naming the ordering, the
//! sort key and the row id), and every ordering ends with the row id, so it is stable.

use async_graphql::connection::{
    Connection, ConnectionNameType, CursorType, Edge, EdgeNameType, EmptyFields,
};
use async_graphql::{ObjectType, OutputType, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::error::ApiError;
use crate::msg;

/// Largest page.
pub const MAX_PAGE: u64 = 100;
/// Page size when neither `first` nor `last` is given.
pub const DEFAULT_PAGE: u64 = 20;

/// Complexity of a connection field: the page size times its children's cost
/// (`docs/api-conventions.md`, Bounding every request: `first * child_complexity`).
pub fn cost(first: Option<i32>, last: Option<i32>, child_complexity: usize) -> usize {
    let size = first
        .or(last)
        .map_or(DEFAULT_PAGE, |n| clamp(i64::from(n)))
        .max(1) as usize;
    size.saturating_mul(child_complexity).saturating_add(1)
}

/// Cost of one SQL statement a field runs for itself (a plain field costs 1; a loaded relation is
/// batched and costs 1 per parent).
pub const STATEMENT_COST: usize = 10;

/// Cost of a member's compliance report: the statements it runs for one member.
pub const MEMBER_COMPLIANCE_COST: usize = 6 * STATEMENT_COST;

/// Cost of an alliance-wide report (`allianceCompliance`, `retention`,
/// `internshipPostCompliance`): a few statements over whole tables.
pub const ALLIANCE_REPORT_COST: usize = 1_000;

/// Complexity of `nodes(ids:)`: each id is a lookup of its own.
pub fn nodes_cost(ids: usize, child_complexity: usize) -> usize {
    ids.max(1)
        .saturating_mul(child_complexity.saturating_add(STATEMENT_COST))
}

fn clamp(n: i64) -> u64 {
    n.clamp(1, MAX_PAGE as i64) as u64
}

/// The opaque cursor of one edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    /// The ordering the cursor belongs to (e.g. `NAME`); a cursor of another ordering is refused.
    #[serde(rename = "o")]
    pub order: String,
    /// The sort key's value in the row (absent for orderings by id alone).
    #[serde(
        rename = "k",
        default,
        skip_serializing_if = "serde_json::Value::is_null"
    )]
    pub key: serde_json::Value,
    /// The row id, which breaks ties.
    #[serde(rename = "i")]
    pub id: Uuid,
}

/// A cursor that does not decode.
#[derive(Debug, thiserror::Error)]
#[error("malformed cursor")]
pub struct CursorError;

impl CursorType for Cursor {
    type Error = CursorError;

    fn decode_cursor(s: &str) -> Result<Self, Self::Error> {
        let bytes = URL_SAFE_NO_PAD.decode(s).map_err(|_| CursorError)?;
        serde_json::from_slice(&bytes).map_err(|_| CursorError)
    }

    fn encode_cursor(&self) -> String {
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(self).unwrap_or_default())
    }
}

/// The `totalCount` every connection carries.
#[derive(SimpleObject, Debug, Clone, Copy)]
pub struct TotalCount {
    /// Number of items in the whole list (all pages) under the given filter.
    pub total_count: u64,
}

/// Validated paging arguments.
#[derive(Debug, Clone)]
pub struct Page {
    /// Rows to return (1–100).
    pub limit: u64,
    /// `true` for `first` (or neither), `false` for `last`.
    pub forward: bool,
    /// Exclusive lower bound.
    pub after: Option<Cursor>,
    /// Exclusive upper bound.
    pub before: Option<Cursor>,
}

impl Page {
    /// Validates `first`/`after`/`last`/`before` for the ordering named `order`.
    ///
    /// # Errors
    /// `BAD_USER_INPUT` for a negative size, both `first` and `last`, a malformed cursor, or a
    /// cursor of another ordering.
    pub fn new(
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        order: &str,
    ) -> Result<Self, ApiError> {
        if first.is_some_and(|n| n < 0) || last.is_some_and(|n| n < 0) {
            return Err(ApiError::BadUserInput(msg!("paging-negative")));
        }
        if first.is_some() && last.is_some() {
            return Err(ApiError::BadUserInput(msg!("paging-both")));
        }
        let decode = |s: Option<String>| -> Result<Option<Cursor>, ApiError> {
            s.map(|s| {
                let c = Cursor::decode_cursor(&s)
                    .map_err(|_| ApiError::BadUserInput(msg!("cursor-malformed", cursor = &s)))?;
                if c.order != order {
                    return Err(ApiError::BadUserInput(msg!(
                        "cursor-other-ordering",
                        cursor = &s,
                        order = order.to_string()
                    )));
                }
                Ok(c)
            })
            .transpose()
        };
        Ok(Self {
            limit: first.or(last).map_or(DEFAULT_PAGE, |n| clamp(i64::from(n))),
            forward: last.is_none(),
            after: decode(after)?,
            before: decode(before)?,
        })
    }

    /// Builds the connection from rows fetched with `limit + 1` in the page's direction (for
    /// `last`, nearest the `before` bound first): the extra row only tells whether there is more.
    pub fn finish<Row, Node, EF, Name, EdgeName>(
        &self,
        mut rows: Vec<Row>,
        total_count: u64,
        mut edge: impl FnMut(Row) -> (Cursor, Node, EF),
    ) -> Connection<Cursor, Node, TotalCount, EF, Name, EdgeName>
    where
        Node: OutputType,
        EF: ObjectType,
        Name: ConnectionNameType,
        EdgeName: EdgeNameType,
    {
        let more = rows.len() as u64 > self.limit;
        rows.truncate(self.limit as usize);
        if !self.forward {
            rows.reverse();
        }
        let (has_previous, has_next) = if self.forward {
            (self.after.is_some(), more)
        } else {
            (more, self.before.is_some())
        };
        let mut conn =
            Connection::with_additional_fields(has_previous, has_next, TotalCount { total_count });
        conn.edges.extend(rows.into_iter().map(|row| {
            let (cursor, node, fields) = edge(row);
            Edge::with_additional_fields(cursor, node, fields)
        }));
        conn
    }

    /// Pages a list held in memory (small lists: committees, a unit's seats), by position; cursors
    /// carry the row id, so they stay valid while the list does not change around them.
    pub fn slice<T>(&self, items: Vec<T>, id: impl Fn(&T) -> Uuid) -> (Vec<T>, u64) {
        let total = items.len() as u64;
        let position = |c: &Cursor| items.iter().position(|t| id(t) == c.id);
        let start = self
            .after
            .as_ref()
            .map_or(0, |c| position(c).map_or(items.len(), |p| p + 1));
        let end = self
            .before
            .as_ref()
            .map_or(items.len(), |c| position(c).unwrap_or(0))
            .max(start);
        let mut window: Vec<T> = items.into_iter().take(end).skip(start).collect();
        if !self.forward {
            window.reverse();
        }
        window.truncate(self.limit as usize + 1);
        (window, total)
    }
}

/// Edge fields for connections that carry none.
pub type NoEdgeFields = EmptyFields;

/// One page of `select`, newest first by the UUID v7 primary key `id` (ids grow with time, so
/// this is creation order, and unique): one SQL statement for the rows, and one for the count
/// when `count` is set (the field selects `totalCount`; otherwise the total is 0 and not shown).
///
/// # Errors
/// Database failures.
pub async fn newest_first<E>(
    db: &sea_orm::DatabaseConnection,
    select: sea_orm::Select<E>,
    id: E::Column,
    page: &Page,
    count: bool,
) -> Result<(Vec<E::Model>, u64), sea_orm::DbErr>
where
    E: crate::graphql::loader::ReadRows,
    E::Model: Sync,
{
    let total = count_if(db, &select, count).await?;
    let rows = E::read_all(paged(select, id, page), db).await?;
    Ok((rows, total))
}

/// As [`newest_first`], reading only `columns` of each row (`entity::positional::all_some`): the
/// other fields of each model hold placeholders, so the caller must read nothing else of it (a
/// page whose selection shows only those columns, [`entity::positional::ColumnSet`]).
///
/// # Errors
/// Database failures.
pub async fn newest_first_some<E>(
    db: &sea_orm::DatabaseConnection,
    select: sea_orm::Select<E>,
    id: E::Column,
    page: &Page,
    count: bool,
    columns: entity::positional::ColumnSet,
) -> Result<(Vec<E::Model>, u64), sea_orm::DbErr>
where
    E: sea_orm::EntityTrait,
    E::Model: entity::positional::Positional + Sync,
{
    let total = count_if(db, &select, count).await?;
    let select = columns.select(paged(select, id, page));
    let rows = entity::positional::all_some(select, columns, db).await?;
    Ok((rows, total))
}

/// As [`newest_first_some`], each row with its `F` row, read in the page's own statement (a
/// `LEFT JOIN` through `E`'s relation to `F`; `None` where there is none), both read by position
/// (`entity::positional::all_pairs_some`): a page whose nodes show a to-one relation reads it
/// without a second statement. The count, when asked for, counts `select` alone.
///
/// # Errors
/// Database failures.
pub async fn newest_first_with<E, F>(
    db: &sea_orm::DatabaseConnection,
    select: sea_orm::Select<E>,
    id: E::Column,
    page: &Page,
    count: bool,
    columns: entity::positional::ColumnSet,
) -> Result<(Vec<(E::Model, Option<F::Model>)>, u64), sea_orm::DbErr>
where
    E: sea_orm::EntityTrait + sea_orm::Related<F>,
    F: sea_orm::EntityTrait + Default,
    E::Model: entity::positional::Positional + Sync,
    F::Model: entity::positional::Positional,
{
    let total = count_if(db, &select, count).await?;
    let select = columns
        .select(paged(select, id, page))
        .find_also_related(F::default());
    let rows = entity::positional::all_pairs_some(select, columns, db).await?;
    Ok((rows, total))
}

/// The rows of `select` counted in their own statement when `count` is set, else 0.
async fn count_if<E: sea_orm::EntityTrait>(
    db: &sea_orm::DatabaseConnection,
    select: &sea_orm::Select<E>,
    count: bool,
) -> Result<u64, sea_orm::DbErr>
where
    E::Model: Sync,
{
    use sea_orm::PaginatorTrait;
    if count {
        select.clone().count(db).await
    } else {
        Ok(0)
    }
}

/// `select` cut to `page`: after its cursor and before its other one, newest first (oldest
/// first for `last`), at most `limit + 1` rows (the one more says whether a next page exists).
fn paged<E: sea_orm::EntityTrait>(
    select: sea_orm::Select<E>,
    id: E::Column,
    page: &Page,
) -> sea_orm::Select<E> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
    let mut select = select;
    if let Some(after) = &page.after {
        select = select.filter(id.lt(after.id));
    }
    if let Some(before) = &page.before {
        select = select.filter(id.gt(before.id));
    }
    let select = if page.forward {
        select.order_by_desc(id)
    } else {
        select.order_by_asc(id)
    };
    select.limit(page.limit + 1)
}
