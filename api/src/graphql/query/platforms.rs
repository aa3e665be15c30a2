//! High-skill platforms and their grants (`docs/people.md`, Platforms).

use async_graphql::connection::EmptyFields;
use async_graphql::{Context, ID, Object};
use entity::enums::PlatformKind;
use entity::{platform, platform_grant};
use sea_orm::Iterable;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::graphql::connection::{Page, newest_first};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::input::member_unit_ids;
use crate::graphql::loader::Loaders;
use crate::graphql::object::{
    Platform, PlatformConnection, PlatformGrant, PlatformGrantConnection, PlatformGrantRate,
    PlatformGrantTotal, id_cursor,
};

#[derive(Default)]
pub struct PlatformQuery;

#[Object]
impl PlatformQuery {
    /// High-skill platforms members hold (高技能人才平台载体, Ten Measures (1), (4)), newest first:
    /// any account but an evaluator's. One SQL statement for the page, one for `totalCount` when
    /// selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn platforms(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this member's (global ID of a member unit).")] unit_id: Option<ID>,
        #[graphql(desc = "Only of these kinds (at most 8).")] kinds: Option<Vec<PlatformKind>>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<PlatformConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::plan::signed_in(actor(ctx));
        if let Some(u) = member_unit_ids(unit_id.as_slice(), "unitId")?.pop() {
            cond = cond.add(platform::Column::UnitId.eq(u));
        }
        if let Some(k) = kinds {
            cond = cond.add(platform::Column::Kind.is_in(k.into_iter().take(8)));
        }
        let (rows, total) = newest_first(
            db,
            platform::Entity::find().filter(cond),
            platform::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(rows.iter().map(|r| r.unit_id))
            .await?;
        Ok(page.finish(rows, total, |r| (id_cursor(r.id), Platform(r), EmptyFields)))
    }

    /// The funding ledger of platform grants, newest first: the secretariat and committee staff
    /// read every member's, a member's staff its own (an empty page for an evaluator). One SQL
    /// statement for the page, one for `totalCount` when selected.
    #[graphql(
        guard = "crate::graphql::guard::SignedIn",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn platform_grants(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this member's (global ID of a member unit).")] unit_id: Option<ID>,
        #[graphql(desc = "Only those due in this year (2000–2100).")] year: Option<i32>,
        #[graphql(desc = "Only the paid (true) or the due (false).")] paid: Option<bool>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<PlatformGrantConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let a = actor(ctx);
        let mut cond = if a.reads_shared() {
            crate::people::grant_scope(a)
        } else {
            crate::db::no_rows()
        };
        if let Some(u) = member_unit_ids(unit_id.as_slice(), "unitId")?.pop() {
            cond = cond.add(platform_grant::Column::UnitId.eq(u));
        }
        if let Some(y) = year {
            let (from, to) = crate::error::year_bounds(y).map_err(ApiError::from)?;
            cond = cond
                .add(platform_grant::Column::DueOn.gte(from))
                .add(platform_grant::Column::DueOn.lt(to));
        }
        if let Some(p) = paid {
            cond = cond.add(if p {
                platform_grant::Column::PaidOn.is_not_null()
            } else {
                platform_grant::Column::PaidOn.is_null()
            });
        }
        let (rows, total) = newest_first(
            db,
            platform_grant::Entity::find().filter(cond),
            platform_grant::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(rows.iter().map(|r| r.unit_id))
            .await?;
        Ok(page.finish(rows, total, |r| {
            (id_cursor(r.id), PlatformGrant(r), EmptyFields)
        }))
    }

    /// The grants that fell due in a year, by platform kind: how many, their amount and what of
    /// it is paid, in CNY fen. The secretariat and committee staff: every member's; a member's
    /// staff: its own (`UNAUTHENTICATED`, `FORBIDDEN` for an evaluator, `BAD_USER_INPUT` for a
    /// year outside 2000–2100). One SQL aggregate.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn platform_grant_totals(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year the grants fell due (2000–2100).")] year: i32,
    ) -> ApiResult<Vec<PlatformGrantTotal>> {
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(crate::people::grant_totals(actor(ctx), db, year)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|t| PlatformGrantTotal {
                kind: t.kind,
                grants: t.grants,
                due_fen: t.due_fen,
                paid_fen: t.paid_fen,
            })
            .collect())
    }

    /// The grant each kind of platform carries, as the Ten Measures state it ((1): 100,000 CNY;
    /// (4): 1,000,000 and 500,000 CNY), in CNY fen. Reference data; any account but an
    /// evaluator's.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn platform_grant_rates(&self) -> Vec<PlatformGrantRate> {
        PlatformKind::iter()
            .map(|kind| {
                let grant = crate::people::grant_of(kind);
                PlatformGrantRate {
                    kind,
                    level: crate::people::level_of(kind),
                    amount_fen: grant.map(|g| g.0),
                    source: grant.map(|g| g.1.to_owned()),
                }
            })
            .collect()
    }
}
