//! The plan's edges of a member unit (`MemberUnit.trainingSites`, `.teacherPracticeStations`,
//! `.craftsmen`, `.careerMentor`, `.events`): archived rows are hidden unless
//! `includeArchived: true` (`docs/domain.md`, Correcting and archiving).

use async_graphql::Context;
use async_graphql::connection::EmptyFields;
use entity::enums::EventKind;
use entity::{
    career_mentor, craftsman, event, event_unit, practice_station, site_partner, training_site,
};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::super::{
    CareerMentor, Craftsman, CraftsmanConnection, Event, EventConnection, TeacherPracticeStation,
    TeacherPracticeStationConnection, TrainingSite, TrainingSiteConnection, id_cursor,
};
use super::{CareerMentorConnection, Edge, TrainingSiteRole, col, through, unarchived, wants};
use crate::graphql::connection::Page;
use crate::graphql::edge::{Side, key, pages_by_parent};
use crate::graphql::error::{ApiError, ApiResult};

/// `MemberUnit.trainingSites`.
pub async fn unit_sites(
    ctx: &Context<'_>,
    unit: Uuid,
    role: Option<TrainingSiteRole>,
    kinds: Option<Vec<entity::enums::SiteKind>>,
    include_archived: bool,
    page: Page,
) -> ApiResult<TrainingSiteConnection> {
    let mut cond = unarchived(
        Condition::all(),
        include_archived,
        training_site::Column::ArchivedAt,
    );
    if let Some(k) = kinds {
        cond = cond.add(training_site::Column::Kind.is_in(k));
    }
    let edge = Edge::new(ctx, page)?;
    let look = ctx.look_ahead();
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.trainingSites",
        training_site,
        cond,
        role,
        unit,
        |parents| {
            let find = || training_site::Entity::find().filter(cond.clone());
            let mut sides = Vec::new();
            if wants(role, TrainingSiteRole::Host) {
                sides.push(Side::new(
                    find(),
                    col(training_site::Entity, training_site::Column::HostUnitId),
                    &parents,
                ));
            }
            if wants(role, TrainingSiteRole::Partner) {
                sides.push(through(
                    find(),
                    site_partner::Entity,
                    Condition::all().add(
                        Expr::col((site_partner::Entity, site_partner::Column::SiteId))
                            .equals((training_site::Entity, training_site::Column::Id)),
                    ),
                    col(site_partner::Entity, site_partner::Column::UnitId),
                    &parents,
                ));
            }
            sides
        },
        |rows| {
            let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
            let hosts: Vec<Uuid> = rows.iter().map(|r| r.host_unit_id).collect();
            crate::graphql::loader::prime_plan_rows(edge.loaders, &look, &ids, &hosts).await?
        }
    );
    Ok(edge.page.finish(rows, total, |s| {
        (id_cursor(s.id), TrainingSite(s), EmptyFields)
    }))
}

/// `MemberUnit.teacherPracticeStations`.
pub async fn unit_stations(
    ctx: &Context<'_>,
    unit: Uuid,
    include_archived: bool,
    page: Page,
) -> ApiResult<TeacherPracticeStationConnection> {
    let cond = unarchived(
        Condition::all(),
        include_archived,
        practice_station::Column::ArchivedAt,
    );
    let edge = Edge::new(ctx, page)?;
    let look = ctx.look_ahead();
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.teacherPracticeStations",
        practice_station,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            practice_station::Entity::find().filter(cond.clone()),
            col(
                practice_station::Entity,
                practice_station::Column::HostUnitId
            ),
            &parents
        )],
        |rows| {
            let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
            let hosts: Vec<Uuid> = rows.iter().map(|r| r.host_unit_id).collect();
            crate::graphql::loader::prime_plan_rows(edge.loaders, &look, &ids, &hosts).await?
        }
    );
    Ok(edge.page.finish(rows, total, |s| {
        (id_cursor(s.id), TeacherPracticeStation(s), EmptyFields)
    }))
}

/// `MemberUnit.craftsmen`.
pub async fn unit_craftsmen(
    ctx: &Context<'_>,
    unit: Uuid,
    include_archived: bool,
    page: Page,
) -> ApiResult<CraftsmanConnection> {
    let cond = unarchived(
        Condition::all(),
        include_archived,
        craftsman::Column::ArchivedAt,
    );
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.craftsmen",
        craftsman,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            craftsman::Entity::find().filter(cond.clone()),
            col(craftsman::Entity, craftsman::Column::UnitId),
            &parents
        )],
        |rows| drop(rows)
    );
    Ok(edge.page.finish(rows, total, |s| {
        (id_cursor(s.id), Craftsman(s), EmptyFields)
    }))
}

/// `MemberUnit.careerMentor` (a page of at most one: a firm names one mentor).
pub async fn unit_career_mentors(
    ctx: &Context<'_>,
    unit: Uuid,
    include_archived: bool,
    page: Page,
) -> ApiResult<CareerMentorConnection> {
    let cond = unarchived(
        Condition::all(),
        include_archived,
        career_mentor::Column::ArchivedAt,
    );
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.careerMentor",
        career_mentor,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            career_mentor::Entity::find().filter(cond.clone()),
            col(career_mentor::Entity, career_mentor::Column::UnitId),
            &parents
        )],
        |rows| drop(rows)
    );
    Ok(edge.page.finish(rows, total, |s| {
        (id_cursor(s.id), CareerMentor(s), EmptyFields)
    }))
}

/// `MemberUnit.events`.
pub async fn unit_events(
    ctx: &Context<'_>,
    unit: Uuid,
    role: Option<entity::enums::EventRole>,
    kinds: Option<Vec<EventKind>>,
    year: Option<i32>,
    include_archived: bool,
    page: Page,
) -> ApiResult<EventConnection> {
    let mut cond = unarchived(
        Condition::all(),
        include_archived,
        event::Column::ArchivedAt,
    );
    if let Some(k) = kinds {
        cond = cond.add(event::Column::Kind.is_in(k));
    }
    if let Some(y) = year {
        let (a, b) = crate::graphql::input::year_bounds(y)?;
        cond = cond
            .add(event::Column::HeldOn.gte(a))
            .add(event::Column::HeldOn.lt(b));
    }
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.events",
        event,
        cond,
        role,
        unit,
        |parents| {
            let mut on = Condition::all().add(
                Expr::col((event_unit::Entity, event_unit::Column::EventId))
                    .equals((event::Entity, event::Column::Id)),
            );
            if let Some(r) = role {
                on = on.add(event_unit::Column::Role.eq(r));
            }
            vec![through(
                event::Entity::find().filter(cond.clone()),
                event_unit::Entity,
                on,
                col(event_unit::Entity, event_unit::Column::UnitId),
                &parents,
            )]
        },
        |rows| drop(rows)
    );
    Ok(edge
        .page
        .finish(rows, total, |s| (id_cursor(s.id), Event(s), EmptyFields)))
}
