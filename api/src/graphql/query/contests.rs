//! Contests, the teacher-ability contest and research projects (`docs/people.md`, Contests and
//! research).

use async_graphql::connection::EmptyFields;
use async_graphql::{Context, ID, Object};
use entity::enums::{ContestAward, ContestKind, ContestLevel, ContestantKind, ResearchStatus};
use entity::{contest, contest_entry, research_project};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};

use crate::graphql::connection::{Page, newest_first};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, decode_as};
use crate::graphql::input::member_unit_ids;
use crate::graphql::loader::Loaders;
use crate::graphql::object::{
    Contest, ContestConnection, ContestEntry, ContestEntryConnection, MedalTableRow, MedalTally,
    ResearchProject, ResearchProjectConnection, id_cursor,
};

/// `cond` AND (any of `columns(term)`), when a non-blank `search` is given: the term trimmed and
/// screened (`BAD_USER_INPUT` past its limits).
fn searched(
    cond: Condition,
    search: Option<&str>,
    columns: impl Fn(&str) -> Vec<sea_orm::sea_query::SimpleExpr>,
) -> ApiResult<Condition> {
    let Some(term) = search.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(cond);
    };
    crate::limits::screen_text("search", term).map_err(|v| ApiError::BadUserInput(v.message))?;
    let mut any = Condition::any();
    for c in columns(term) {
        any = any.add(c);
    }
    Ok(cond.add(any))
}

#[derive(Default)]
pub struct ContestQuery;

#[Object]
impl ContestQuery {
    /// Contests (技能兴威 and the teacher-ability contest), newest first. Any account but an
    /// evaluator's (`FORBIDDEN` for one). One SQL statement for the page, one for `totalCount`
    /// when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn contests(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this year's.")] year: Option<i32>,
        #[graphql(desc = "Only of this kind.")] kind: Option<ContestKind>,
        #[graphql(desc = "Only at this level.")] level: Option<ContestLevel>,
        #[graphql(desc = "Only those whose name, series or organiser contains this text.")]
        search: Option<String>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ContestConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::plan::signed_in(actor(ctx));
        if let Some(y) = year {
            cond = cond.add(contest::Column::Year.eq(y));
        }
        if let Some(k) = kind {
            cond = cond.add(contest::Column::Kind.eq(k));
        }
        if let Some(l) = level {
            cond = cond.add(contest::Column::Level.eq(l));
        }
        let cond = searched(cond, search.as_deref(), |t| {
            vec![
                crate::db::contains(contest::Column::Name, t),
                crate::db::contains(contest::Column::Series, t),
                crate::db::contains(contest::Column::Organiser, t),
            ]
        })?;
        let (rows, total) = newest_first(
            db,
            contest::Entity::find().filter(cond),
            contest::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        Ok(page.finish(rows, total, |c| (id_cursor(c.id), Contest(c), EmptyFields)))
    }

    /// Contest entries and their results, newest first. Any account but an evaluator's (`FORBIDDEN`
    /// for one); who a student or worker contestant is shows only to the entering member's
    /// staff and the secretariat (`ContestEntry.contestantName`). One SQL statement for the page,
    /// one for `totalCount` when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn contest_entries(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this contest's.")] contest_id: Option<ID>,
        #[graphql(desc = "Only this member's (global ID of a member unit).")] unit_id: Option<ID>,
        #[graphql(desc = "Only this teacher's, as contestant or coach.")] teacher_id: Option<ID>,
        #[graphql(desc = "Only contestants of this kind.")] contestant_kind: Option<ContestantKind>,
        #[graphql(desc = "Only entries with this award.")] award: Option<ContestAward>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ContestEntryConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::plan::signed_in(actor(ctx));
        if let Some(c) = contest_id {
            cond = cond.add(contest_entry::Column::ContestId.eq(decode_as(NodeType::Contest, &c)?));
        }
        if let Some(u) = member_unit_ids(unit_id.as_slice(), "unitId")?.pop() {
            cond = cond.add(contest_entry::Column::UnitId.eq(u));
        }
        if let Some(t) = teacher_id {
            let t = decode_as(NodeType::Teacher, &t)?;
            cond = cond.add(
                Condition::any()
                    .add(contest_entry::Column::TeacherId.eq(t))
                    .add(contest_entry::Column::CoachTeacherId.eq(t)),
            );
        }
        if let Some(k) = contestant_kind {
            cond = cond.add(contest_entry::Column::ContestantKind.eq(k));
        }
        if let Some(a) = award {
            cond = cond.add(contest_entry::Column::Award.eq(a));
        }
        let (rows, total) = newest_first(
            db,
            contest_entry::Entity::find().filter(cond),
            contest_entry::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        crate::graphql::loader::prime_contest_entries(
            ctx.data::<Loaders>()?,
            &ctx.look_ahead(),
            &rows,
        )
        .await?;
        Ok(page.finish(rows, total, |e| {
            (id_cursor(e.id), ContestEntry(e), EmptyFields)
        }))
    }

    /// The medal table (奖牌榜): each member's entries and awards in the contests asked about, gold
    /// first, then silver, bronze and excellence (ties by unit), members with entries only, at
    /// most `first` (500) rows. Counts, no names: any account but an evaluator's (`UNAUTHENTICATED`,
    /// `FORBIDDEN`; `BAD_USER_INPUT` for a negative `first`). Two SQL aggregates, and one for
    /// the units.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn contest_medal_table(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Contests held from this year.")] from_year: Option<i32>,
        #[graphql(desc = "Contests held up to this year.")] to_year: Option<i32>,
        #[graphql(desc = "Only contests of this kind.")] kind: Option<ContestKind>,
        #[graphql(desc = "Only contests at this level.")] level: Option<ContestLevel>,
        #[graphql(desc = "The first n lines (0–500, default 500; more is read as 500).")]
        first: Option<i32>,
    ) -> ApiResult<Vec<MedalTableRow>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let limit = match first {
            None => crate::people::MAX_MEDAL_ROWS,
            Some(n) if n < 0 => {
                return Err(ApiError::BadUserInput(crate::msg!("paging-negative")).into());
            }
            Some(n) => u64::try_from(n)
                .unwrap_or(0)
                .min(crate::people::MAX_MEDAL_ROWS),
        };
        let filter = crate::people::MedalFilter {
            from_year,
            to_year,
            kind,
            level,
            units: None,
            limit: Some(limit),
        };
        let rows = crate::people::medal_table(actor(ctx), db, &filter)
            .await
            .map_err(ApiError::from)?;
        let units: Vec<uuid::Uuid> = rows.iter().map(|r| r.unit_id).collect();
        let awards: std::collections::HashMap<uuid::Uuid, i64> =
            crate::people::unit_award_counts(db, &filter, &units)
                .await
                .map_err(ApiError::from)?
                .into_iter()
                .collect();
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(units.iter().copied())
            .await?;
        Ok(rows
            .iter()
            .map(|r| {
                MedalTableRow(
                    r.unit_id,
                    MedalTally::of(r, awards.get(&r.unit_id).copied().unwrap_or(0)),
                )
            })
            .collect())
    }

    /// Research projects (科研课题, Ten Measures (6)), newest first. Any account but an
    /// evaluator's (`FORBIDDEN` for one). One SQL statement for the page, one for `totalCount`
    /// when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn research_projects(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this school's (global ID of a member unit).")] school_id: Option<ID>,
        #[graphql(desc = "Only those approved this year.")] year: Option<i32>,
        #[graphql(desc = "Only in this status.")] status: Option<ResearchStatus>,
        #[graphql(desc = "Only those this teacher leads.")] leader_id: Option<ID>,
        #[graphql(desc = "Only those whose title contains this text.")] search: Option<String>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ResearchProjectConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::plan::signed_in(actor(ctx));
        if let Some(u) = member_unit_ids(school_id.as_slice(), "schoolId")?.pop() {
            cond = cond.add(research_project::Column::SchoolId.eq(u));
        }
        if let Some(y) = year {
            cond = cond.add(research_project::Column::Year.eq(y));
        }
        if let Some(s) = status {
            cond = cond.add(research_project::Column::Status.eq(s));
        }
        if let Some(t) = leader_id {
            cond = cond.add(
                research_project::Column::LeaderTeacherId.eq(decode_as(NodeType::Teacher, &t)?),
            );
        }
        let cond = searched(cond, search.as_deref(), |t| {
            vec![crate::db::contains(research_project::Column::Title, t)]
        })?;
        let (rows, total) = newest_first(
            db,
            research_project::Entity::find().filter(cond),
            research_project::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        crate::graphql::loader::prime_research_projects(
            ctx.data::<Loaders>()?,
            &ctx.look_ahead(),
            &rows,
        )
        .await?;
        Ok(page.finish(rows, total, |p| {
            (id_cursor(p.id), ResearchProject(p), EmptyFields)
        }))
    }
}
