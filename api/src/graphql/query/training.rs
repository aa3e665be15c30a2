//! Worker training and skill-level certification (Founding notice 二(三)8; `docs/people.md`,
//! Worker training).

use async_graphql::connection::EmptyFields;
use async_graphql::{Context, ID, Object};
use entity::enums::{FundingDepartment, SkillLevel};
use entity::{skill_certification, training_need, training_project};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};

use crate::graphql::connection::{Page, newest_first};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::input::member_unit_ids;
use crate::graphql::loader::Loaders;
use crate::graphql::object::{
    SkillCertification, SkillCertificationConnection, SkillLevelCount, TrainingNeed,
    TrainingNeedConnection, TrainingProject, TrainingProjectConnection, WorkerTrainingTally,
    WorkerTrainingYear, id_cursor,
};

/// The rows of `year` by a date column: `[1 January, 1 January next year)`; `BAD_USER_INPUT` for a
/// year outside 2000–2100.
fn in_year<C: ColumnTrait>(column: C, year: i32) -> ApiResult<Condition> {
    if !crate::committees::YEARS.contains(&year) {
        return Err(ApiError::BadUserInput(crate::msg!("year-invalid", year = year)).into());
    }
    let (from, to) = crate::error::year_bounds(year).map_err(ApiError::from)?;
    Ok(Condition::all().add(column.gte(from)).add(column.lt(to)))
}

#[derive(Default)]
pub struct TrainingQuery;

#[Object]
impl TrainingQuery {
    /// Firms' training needs, newest first; closed ones only with `includeClosed`. Any account
    /// but an evaluator's (`FORBIDDEN` for one). One SQL statement for the page, one for
    /// `totalCount` when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn training_needs(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this firm's (global ID of a member unit).")] enterprise_id: Option<
            ID,
        >,
        #[graphql(desc = "Only those whose trade contains this text.")] trade: Option<String>,
        #[graphql(desc = "Also the closed ones.", default)] include_closed: bool,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<TrainingNeedConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::plan::signed_in(actor(ctx));
        if let Some(u) = member_unit_ids(enterprise_id.as_slice(), "enterpriseId")?.pop() {
            cond = cond.add(training_need::Column::EnterpriseId.eq(u));
        }
        if let Some(t) = trade.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            crate::limits::screen_text("trade", t)
                .map_err(|v| ApiError::BadUserInput(v.message))?;
            cond = cond.add(crate::db::contains(training_need::Column::Trade, t));
        }
        if !include_closed {
            cond = cond.add(training_need::Column::ClosedOn.is_null());
        }
        let (rows, total) = newest_first(
            db,
            training_need::Entity::find().filter(cond),
            training_need::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(rows.iter().map(|r| r.enterprise_id))
            .await?;
        Ok(page.finish(rows, total, |n| {
            (id_cursor(n.id), TrainingNeed(n), EmptyFields)
        }))
    }

    /// Worker-training projects, newest first. Any account but an evaluator's (`FORBIDDEN` for
    /// one; `BAD_USER_INPUT` for a year outside 2000–2100). One SQL statement for the page, one
    /// for `totalCount` when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn training_projects(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this member's, as provider or as the firm trained.")]
        unit_id: Option<ID>,
        #[graphql(desc = "Only those starting in this year.")] year: Option<i32>,
        #[graphql(desc = "Only those this department funds.")] funding_department: Option<
            FundingDepartment,
        >,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<TrainingProjectConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::plan::signed_in(actor(ctx));
        if let Some(u) = member_unit_ids(unit_id.as_slice(), "unitId")?.pop() {
            cond = cond.add(
                Condition::any()
                    .add(training_project::Column::UnitId.eq(u))
                    .add(training_project::Column::EnterpriseId.eq(u)),
            );
        }
        if let Some(y) = year {
            cond = cond.add(in_year(training_project::Column::StartsOn, y)?);
        }
        if let Some(d) = funding_department {
            cond = cond.add(training_project::Column::FundingDepartment.eq(d));
        }
        let (rows, total) = newest_first(
            db,
            training_project::Entity::find().filter(cond),
            training_project::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(
                rows.iter()
                    .flat_map(|r| std::iter::once(r.unit_id).chain(r.enterprise_id)),
            )
            .await?;
        Ok(page.finish(rows, total, |p| {
            (id_cursor(p.id), TrainingProject(p), EmptyFields)
        }))
    }

    /// Batches of skill-level certificates (技能等级认定), newest first. Any account but an
    /// evaluator's (`FORBIDDEN` for one; `BAD_USER_INPUT` for a year outside 2000–2100). One
    /// SQL statement for the page, one for `totalCount` when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn skill_certifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this member's, as issuer or as the firm certified.")]
        unit_id: Option<ID>,
        #[graphql(desc = "Only those issued in this year.")] year: Option<i32>,
        #[graphql(desc = "Only at this level.")] level: Option<SkillLevel>,
        #[graphql(desc = "Only those whose trade contains this text.")] trade: Option<String>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<SkillCertificationConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::plan::signed_in(actor(ctx));
        if let Some(u) = member_unit_ids(unit_id.as_slice(), "unitId")?.pop() {
            cond = cond.add(
                Condition::any()
                    .add(skill_certification::Column::UnitId.eq(u))
                    .add(skill_certification::Column::EnterpriseId.eq(u)),
            );
        }
        if let Some(y) = year {
            cond = cond.add(in_year(skill_certification::Column::CertifiedOn, y)?);
        }
        if let Some(l) = level {
            cond = cond.add(skill_certification::Column::Level.eq(l));
        }
        if let Some(t) = trade.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            crate::limits::screen_text("trade", t)
                .map_err(|v| ApiError::BadUserInput(v.message))?;
            cond = cond.add(crate::db::contains(skill_certification::Column::Trade, t));
        }
        let (rows, total) = newest_first(
            db,
            skill_certification::Entity::find().filter(cond),
            skill_certification::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(
                rows.iter()
                    .flat_map(|r| std::iter::once(r.unit_id).chain(r.enterprise_id)),
            )
            .await?;
        Ok(page.finish(rows, total, |c| {
            (id_cursor(c.id), SkillCertification(c), EmptyFields)
        }))
    }

    /// The alliance's worker training in a year (Founding notice 二(三)8): projects that started
    /// in it with their participants, and certificates issued in it by level, alliance-wide and
    /// per member. Counts only: any account but an evaluator's (`UNAUTHENTICATED`, `FORBIDDEN`;
    /// `BAD_USER_INPUT` for a year outside 2000–2100). Two SQL aggregates, and one for the units.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn worker_training_year(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year (2000–2100).")] year: i32,
    ) -> ApiResult<WorkerTrainingYear> {
        let db = ctx.data::<DatabaseConnection>()?;
        let tallies = crate::people::training_year(actor(ctx), db, year)
            .await
            .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(tallies.iter().map(|t| t.unit_id))
            .await?;
        let mut by_level: Vec<SkillLevelCount> = <SkillLevel as sea_orm::Iterable>::iter()
            .map(|level| SkillLevelCount {
                level,
                certified: 0,
            })
            .collect();
        for t in &tallies {
            for (slot, (_, n)) in by_level.iter_mut().zip(&t.certified_by_level) {
                slot.certified += n;
            }
        }
        Ok(WorkerTrainingYear {
            year,
            projects: tallies.iter().map(|t| t.projects).sum(),
            participants: tallies.iter().map(|t| t.participants).sum(),
            certified: tallies.iter().map(|t| t.certified).sum(),
            certified_by_level: by_level,
            members: tallies.into_iter().map(WorkerTrainingTally).collect(),
        })
    }
}
