//! Contests', research's and worker training's edges of a member unit
//! (`MemberUnit.contestEntries`, `.researchProjects`, `.trainingNeeds`, `.trainingProjects`,
//! `.skillCertifications`), each its top-level list's scope AND "belongs to this parent", batched
//! over the parents of a page.

use async_graphql::Context;
use async_graphql::connection::EmptyFields;
use entity::{
    contest_entry, research_project, skill_certification, training_need, training_project,
};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::super::{
    ContestEntry, ContestEntryConnection, ResearchProject, ResearchProjectConnection,
    SkillCertification, SkillCertificationConnection, TrainingNeed, TrainingNeedConnection,
    TrainingProject, TrainingProjectConnection, id_cursor,
};
use super::{Edge, col};
use crate::graphql::connection::Page;
use crate::graphql::edge::{Side, key, pages_by_parent};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::actor;

/// `MemberUnit.contestEntries`.
pub async fn unit_contest_entries(
    ctx: &Context<'_>,
    unit: Uuid,
    page: Page,
) -> ApiResult<ContestEntryConnection> {
    let cond: Condition = crate::plan::signed_in(actor(ctx));
    let edge = Edge::new(ctx, page)?;
    let look = ctx.look_ahead();
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.contestEntries",
        contest_entry,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            contest_entry::Entity::find().filter(cond.clone()),
            col(contest_entry::Entity, contest_entry::Column::UnitId),
            &parents
        )],
        |rows| crate::graphql::loader::prime_contest_entries(edge.loaders, &look, &rows).await?
    );
    Ok(edge.page.finish(rows, total, |e| {
        (id_cursor(e.id), ContestEntry(e), EmptyFields)
    }))
}

/// `MemberUnit.researchProjects`.
pub async fn unit_research_projects(
    ctx: &Context<'_>,
    unit: Uuid,
    page: Page,
) -> ApiResult<ResearchProjectConnection> {
    let cond: Condition = crate::plan::signed_in(actor(ctx));
    let edge = Edge::new(ctx, page)?;
    let look = ctx.look_ahead();
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.researchProjects",
        research_project,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            research_project::Entity::find().filter(cond.clone()),
            col(research_project::Entity, research_project::Column::SchoolId),
            &parents
        )],
        |rows| crate::graphql::loader::prime_research_projects(edge.loaders, &look, &rows).await?
    );
    Ok(edge.page.finish(rows, total, |p| {
        (id_cursor(p.id), ResearchProject(p), EmptyFields)
    }))
}

/// `MemberUnit.trainingNeeds`.
pub async fn unit_training_needs(
    ctx: &Context<'_>,
    unit: Uuid,
    include_closed: bool,
    page: Page,
) -> ApiResult<TrainingNeedConnection> {
    let mut cond: Condition = crate::plan::signed_in(actor(ctx));
    if !include_closed {
        cond = cond.add(training_need::Column::ClosedOn.is_null());
    }
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.trainingNeeds",
        training_need,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            training_need::Entity::find().filter(cond.clone()),
            col(training_need::Entity, training_need::Column::EnterpriseId),
            &parents
        )],
        |rows| {
            let _ = &rows;
        }
    );
    Ok(edge.page.finish(rows, total, |n| {
        (id_cursor(n.id), TrainingNeed(n), EmptyFields)
    }))
}

/// `MemberUnit.trainingProjects`: the projects a member runs and those training its workers.
pub async fn unit_training_projects(
    ctx: &Context<'_>,
    unit: Uuid,
    page: Page,
) -> ApiResult<TrainingProjectConnection> {
    let cond: Condition = crate::plan::signed_in(actor(ctx));
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.trainingProjects",
        training_project,
        cond,
        (),
        unit,
        |parents| {
            let find = || training_project::Entity::find().filter(cond.clone());
            vec![
                Side::new(
                    find(),
                    col(training_project::Entity, training_project::Column::UnitId),
                    &parents,
                ),
                Side::new(
                    find(),
                    col(
                        training_project::Entity,
                        training_project::Column::EnterpriseId,
                    ),
                    &parents,
                ),
            ]
        },
        |rows| {
            edge.loaders
                .member_unit
                .load_many(
                    rows.iter()
                        .flat_map(|r| std::iter::once(r.unit_id).chain(r.enterprise_id)),
                )
                .await?;
            edge.loaders
                .training_need
                .load_many(rows.iter().filter_map(|r| r.need_id))
                .await?;
        }
    );
    Ok(edge.page.finish(rows, total, |p| {
        (id_cursor(p.id), TrainingProject(p), EmptyFields)
    }))
}

/// `MemberUnit.skillCertifications`: the batches a member issued and those certifying its
/// workers.
pub async fn unit_skill_certifications(
    ctx: &Context<'_>,
    unit: Uuid,
    page: Page,
) -> ApiResult<SkillCertificationConnection> {
    let cond: Condition = crate::plan::signed_in(actor(ctx));
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.skillCertifications",
        skill_certification,
        cond,
        (),
        unit,
        |parents| {
            let find = || skill_certification::Entity::find().filter(cond.clone());
            vec![
                Side::new(
                    find(),
                    col(
                        skill_certification::Entity,
                        skill_certification::Column::UnitId,
                    ),
                    &parents,
                ),
                Side::new(
                    find(),
                    col(
                        skill_certification::Entity,
                        skill_certification::Column::EnterpriseId,
                    ),
                    &parents,
                ),
            ]
        },
        |rows| {
            edge.loaders
                .member_unit
                .load_many(
                    rows.iter()
                        .flat_map(|r| std::iter::once(r.unit_id).chain(r.enterprise_id)),
                )
                .await?;
            edge.loaders
                .training_project
                .load_many(rows.iter().filter_map(|r| r.project_id))
                .await?;
        }
    );
    Ok(edge.page.finish(rows, total, |c| {
        (id_cursor(c.id), SkillCertification(c), EmptyFields)
    }))
}
