use async_graphql::{Context, Enum, ID, Lookahead, Object};
use entity::{alliance, committee, member_unit};
use sea_orm::sea_query::{Expr, ExprTrait, IntoCondition};
use sea_orm::{
    Condition, DatabaseConnection, EntityTrait, Order, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use crate::graphql::connection::{Cursor, Page};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::id::{NodeType, decode_as};
use crate::graphql::input::MemberUnitFilter;
use crate::graphql::input::MemberUnitOrder;
use crate::graphql::loader::{Loaders, prime_committees, prime_member_units};
use crate::graphql::object::{
    Alliance, Committee, CommitteeConnection, MemberUnit, MemberUnitConnection,
};
use crate::msg;

/// Sort key of `memberUnits`; ties are broken by ID, so the order is stable.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum MemberUnitOrderField {
    /// Position in the annex list (the founding notice's order).
    #[default]
    ListOrder,
    /// Name, by its pinyin (汉语拼音: `阿里巴巴` before `荣成…` before `威海…`), then by character;
    /// the same order on SQLite and PostgreSQL (see `entity::sort_key`).
    Name,
    /// Last change.
    UpdatedAt,
}

/// Sort direction.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum OrderDirection {
    /// Ascending.
    #[default]
    Asc,
    /// Descending.
    Desc,
}

fn order_name(field: MemberUnitOrderField, direction: OrderDirection) -> String {
    format!("{field:?}_{direction:?}").to_uppercase()
}

/// The sort key of `row` for `field`, as carried in a cursor.
fn key_of(field: MemberUnitOrderField, row: &member_unit::Model) -> serde_json::Value {
    match field {
        MemberUnitOrderField::ListOrder => row.list_order.into(),
        MemberUnitOrderField::Name => row.name_sort_key.clone().into(),
        MemberUnitOrderField::UpdatedAt => row
            .updated_at
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
            .into(),
    }
}

/// Rows strictly beyond `cursor` in the direction `greater` (the tuple (key, id) compared).
fn beyond(
    field: MemberUnitOrderField,
    cursor: &Cursor,
    greater: bool,
) -> Result<Condition, ApiError> {
    let bad = || ApiError::BadUserInput(msg!("cursor-malformed-plain"));
    let col = match field {
        MemberUnitOrderField::ListOrder => member_unit::Column::ListOrder,
        MemberUnitOrderField::Name => member_unit::Column::NameSortKey,
        MemberUnitOrderField::UpdatedAt => member_unit::Column::UpdatedAt,
    };
    let value: sea_orm::Value = match field {
        MemberUnitOrderField::ListOrder => i32::try_from(cursor.key.as_i64().ok_or_else(bad)?)
            .map_err(|_| bad())?
            .into(),
        MemberUnitOrderField::Name => cursor.key.as_str().ok_or_else(bad)?.to_owned().into(),
        MemberUnitOrderField::UpdatedAt => {
            chrono::DateTime::parse_from_rfc3339(cursor.key.as_str().ok_or_else(bad)?)
                .map_err(|_| bad())?
                .with_timezone(&chrono::Utc)
                .into()
        }
    };
    let key = Expr::col((member_unit::Entity, col));
    let id = Expr::col((member_unit::Entity, member_unit::Column::Id));
    Ok(if greater {
        Condition::any().add(key.clone().gt(value.clone())).add(
            Condition::all()
                .add(key.eq(value))
                .add(id.gt(cursor.id))
                .into_condition(),
        )
    } else {
        Condition::any().add(key.clone().lt(value.clone())).add(
            Condition::all()
                .add(key.eq(value))
                .add(id.lt(cursor.id))
                .into_condition(),
        )
    })
}

/// One page of member units: one SQL statement for the page, and one for the count when the
/// selection asks for `totalCount`, whatever the page size.
async fn member_units_page(
    db: &DatabaseConnection,
    loaders: &Loaders,
    connection: &Lookahead<'_>,
    filter: &MemberUnitFilter,
    order: MemberUnitOrder,
    page: &Page,
) -> ApiResult<MemberUnitConnection> {
    let cond = filter.condition();
    let total = if connection.field("totalCount").exists() {
        member_unit::Entity::find()
            .filter(cond.clone())
            .count(db)
            .await
            .map_err(ApiError::from)?
    } else {
        0
    };
    let asc = order.direction == OrderDirection::Asc;
    let mut select = member_unit::Entity::find().filter(cond);
    if let Some(after) = &page.after {
        select = select.filter(beyond(order.field, after, asc)?);
    }
    if let Some(before) = &page.before {
        select = select.filter(beyond(order.field, before, !asc)?);
    }
    // `last` reads from the far end backwards; `finish` puts the rows back in order.
    let ascending = asc == page.forward;
    let dir = if ascending { Order::Asc } else { Order::Desc };
    let col = match order.field {
        MemberUnitOrderField::ListOrder => member_unit::Column::ListOrder,
        MemberUnitOrderField::Name => member_unit::Column::NameSortKey,
        MemberUnitOrderField::UpdatedAt => member_unit::Column::UpdatedAt,
    };
    let rows = entity::positional::all(
        select
            .order_by(col, dir.clone())
            .order_by(member_unit::Column::Id, dir)
            .limit(page.limit + 1),
        db,
    )
    .await
    .map_err(ApiError::from)?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    // Shared between the page and the loader's cache: neither copies a row.
    let rows: Vec<std::sync::Arc<member_unit::Model>> =
        rows.into_iter().map(std::sync::Arc::new).collect();
    // The page's units are known: a nested field naming one of them (a teacher's school, a
    // base's firm) finds it in the loader's cache, not in another statement.
    loaders
        .feed(
            &loaders.member_unit,
            rows.iter().map(|r| (r.id, std::sync::Arc::clone(r))),
        )
        .await;
    prime_member_units(loaders, connection, &ids).await?;
    let name = order_name(order.field, order.direction);
    Ok(page.finish(rows, total, |row| {
        (
            Cursor {
                order: name.clone(),
                key: key_of(order.field, &row),
                id: row.id,
            },
            MemberUnit(row),
            async_graphql::connection::EmptyFields,
        )
    }))
}

#[derive(Default)]
pub struct RegistryQuery;

#[Object]
impl RegistryQuery {
    /// The alliance itself (集团（联盟）). Public.
    async fn alliance(&self, ctx: &Context<'_>) -> ApiResult<Alliance> {
        let db = ctx.data::<DatabaseConnection>()?;
        alliance::Entity::find()
            .one(db)
            .await
            .map_err(ApiError::from)?
            .map(Alliance)
            .ok_or_else(|| ApiError::NotFound(msg!("not-found-alliance")).into())
    }

    /// The member units (成员单位), a page at a time. Public (the founding notice is published);
    /// contact fields need a token. One SQL statement per page, one more when `totalCount` is
    /// selected, plus one per nested relation. Errors: `BAD_USER_INPUT` for negative sizes, `first` with `last`, or a
    /// cursor that is malformed or of another ordering.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    #[allow(clippy::too_many_arguments)]
    async fn member_units(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Returns the first n items (1–100; larger values are clamped; default 20)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100; larger values are clamped).")]
        last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Which units to return.")] filter: Option<MemberUnitFilter>,
        #[graphql(desc = "Ordering; default LIST_ORDER ascending (the annex's order).")]
        order_by: Option<MemberUnitOrder>,
    ) -> ApiResult<MemberUnitConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let order = order_by.unwrap_or_default();
        let page = Page::new(
            first,
            after,
            last,
            before,
            &order_name(order.field, order.direction),
        )?;
        member_units_page(
            db,
            ctx.data::<Loaders>()?,
            &ctx.look_ahead(),
            &filter.unwrap_or_default(),
            order,
            &page,
        )
        .await
    }

    /// One member unit by global ID. Errors: `BAD_USER_INPUT` (malformed ID), `NOT_FOUND`.
    async fn member_unit(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Global ID of a MemberUnit.")] id: ID,
    ) -> ApiResult<MemberUnit> {
        let uuid = decode_as(NodeType::MemberUnit, &id)?;
        let model = ctx.data::<Loaders>()?.unit(uuid).await?;
        Ok(MemberUnit::found(model, &id)?)
    }

    /// The council, the standing council, the working committees and the teaching-staff committee,
    /// in display order, with their members. Public.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn committees(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<CommitteeConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "SORT_ORDER")?;
        let all = committee::Entity::find()
            .order_by_asc(committee::Column::SortOrder)
            .order_by_asc(committee::Column::Id)
            .all(db)
            .await
            .map_err(ApiError::from)?;
        let (rows, total) = page.slice(all, |c| c.id);
        let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
        prime_committees(ctx.data::<Loaders>()?, &ctx.look_ahead(), &ids).await?;
        Ok(page.finish(rows, total, |c| {
            (
                Cursor {
                    order: "SORT_ORDER".into(),
                    key: serde_json::Value::Null,
                    id: c.id,
                },
                Committee(c),
                async_graphql::connection::EmptyFields,
            )
        }))
    }

    /// One committee by global ID. Errors: `BAD_USER_INPUT` (malformed ID), `NOT_FOUND`.
    async fn committee(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Global ID of a Committee.")] id: ID,
    ) -> ApiResult<Committee> {
        let uuid: Uuid = decode_as(NodeType::Committee, &id)?;
        let db = ctx.data::<DatabaseConnection>()?;
        committee::Entity::find_by_id(uuid)
            .one(db)
            .await
            .map_err(ApiError::from)?
            .map(Committee)
            .ok_or_else(|| {
                ApiError::NotFound(msg!(
                    "id-not-found-of-type",
                    type_name = "Committee",
                    id = id.as_str()
                ))
                .into()
            })
    }
}
