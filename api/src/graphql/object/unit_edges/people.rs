//! People and platforms' edges of a member unit (`MemberUnit.teachers`, `.reserveCraftsmen`,
//! `.apprenticeshipBases`, `.enterpriseCertifications`), each its top-level list's scope AND
//! "belongs to this parent", batched over the parents of a page.

use async_graphql::Context;
use async_graphql::connection::EmptyFields;
use entity::{apprenticeship_base, enterprise_certification, reserve_craftsman, teacher};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::super::{
    ApprenticeshipBase, ApprenticeshipBaseConnection, EnterpriseCertification,
    EnterpriseCertificationConnection, ReserveCraftsman, ReserveCraftsmanConnection, Teacher,
    TeacherConnection, id_cursor,
};
use super::{Edge, col};
use crate::graphql::connection::Page;
use crate::graphql::edge::{Side, key, pages_by_parent};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::actor;

/// `MemberUnit.teachers`.
pub async fn unit_teachers(
    ctx: &Context<'_>,
    unit: Uuid,
    include_left: bool,
    page: Page,
) -> ApiResult<TeacherConnection> {
    let mut cond = crate::people::teacher_scope(actor(ctx));
    if !include_left {
        cond = cond.add(teacher::Column::LeftOn.is_null());
    }
    let edge = Edge::new(ctx, page)?;
    let look = ctx.look_ahead();
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.teachers",
        teacher,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            teacher::Entity::find().filter(cond.clone()),
            col(teacher::Entity, teacher::Column::SchoolId),
            &parents
        )],
        |rows| crate::graphql::loader::prime_teachers(edge.loaders, &look, &rows).await?
    );
    Ok(edge
        .page
        .finish(rows, total, |t| (id_cursor(t.id), Teacher(t), EmptyFields)))
}

/// `MemberUnit.reserveCraftsmen`.
pub async fn unit_reserve_craftsmen(
    ctx: &Context<'_>,
    unit: Uuid,
    year: Option<i32>,
    page: Page,
) -> ApiResult<ReserveCraftsmanConnection> {
    let mut cond = crate::people::reserve_scope(actor(ctx));
    if let Some(y) = year {
        cond = cond.add(reserve_craftsman::Column::Year.eq(y));
    }
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.reserveCraftsmen",
        reserve_craftsman,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            reserve_craftsman::Entity::find().filter(cond.clone()),
            col(
                reserve_craftsman::Entity,
                reserve_craftsman::Column::SchoolId
            ),
            &parents
        )],
        |rows| {
            edge.loaders
                .student
                .load_many(rows.iter().map(|r| r.student_id))
                .await?;
        }
    );
    Ok(edge.page.finish(rows, total, |r| {
        (id_cursor(r.id), ReserveCraftsman(r), EmptyFields)
    }))
}

/// `MemberUnit.apprenticeshipBases`: a school's bases and the bases in a firm.
pub async fn unit_apprenticeship_bases(
    ctx: &Context<'_>,
    unit: Uuid,
    include_closed: bool,
    page: Page,
) -> ApiResult<ApprenticeshipBaseConnection> {
    let mut cond = crate::plan::signed_in(actor(ctx));
    if !include_closed {
        cond = cond.add(apprenticeship_base::Column::ClosedOn.is_null());
    }
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.apprenticeshipBases",
        apprenticeship_base,
        cond,
        (),
        unit,
        |parents| {
            let find = || apprenticeship_base::Entity::find().filter(cond.clone());
            vec![
                Side::new(
                    find(),
                    col(
                        apprenticeship_base::Entity,
                        apprenticeship_base::Column::SchoolId,
                    ),
                    &parents,
                ),
                Side::new(
                    find(),
                    col(
                        apprenticeship_base::Entity,
                        apprenticeship_base::Column::EnterpriseId,
                    ),
                    &parents,
                ),
            ]
        },
        |rows| {
            edge.loaders
                .member_unit
                .load_many(rows.iter().flat_map(|r| [r.school_id, r.enterprise_id]))
                .await?;
        }
    );
    Ok(edge.page.finish(rows, total, |b| {
        (id_cursor(b.id), ApprenticeshipBase(b), EmptyFields)
    }))
}

/// `MemberUnit.enterpriseCertifications`.
pub async fn unit_certifications(
    ctx: &Context<'_>,
    unit: Uuid,
    page: Page,
) -> ApiResult<EnterpriseCertificationConnection> {
    let cond: Condition = crate::plan::signed_in(actor(ctx));
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.enterpriseCertifications",
        enterprise_certification,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            enterprise_certification::Entity::find().filter(cond.clone()),
            col(
                enterprise_certification::Entity,
                enterprise_certification::Column::EnterpriseId
            ),
            &parents
        )],
        |rows| {
            let _ = &rows;
        }
    );
    Ok(edge.page.finish(rows, total, |c| {
        (id_cursor(c.id), EnterpriseCertification(c), EmptyFields)
    }))
}

/// `MemberUnit.platforms`.
pub async fn unit_platforms(
    ctx: &Context<'_>,
    unit: Uuid,
    page: Page,
) -> ApiResult<super::super::PlatformConnection> {
    use entity::platform;
    let cond: Condition = crate::plan::signed_in(actor(ctx));
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.platforms",
        platform,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            platform::Entity::find().filter(cond.clone()),
            col(platform::Entity, platform::Column::UnitId),
            &parents
        )],
        |rows| {
            let _ = &rows;
        }
    );
    Ok(edge.page.finish(rows, total, |r| {
        (id_cursor(r.id), super::super::Platform(r), EmptyFields)
    }))
}

/// `MemberUnit.platformGrants`.
pub async fn unit_platform_grants(
    ctx: &Context<'_>,
    unit: Uuid,
    page: Page,
) -> ApiResult<super::super::PlatformGrantConnection> {
    use entity::platform_grant;
    let a = actor(ctx);
    let cond = if a.reads_shared() {
        crate::people::grant_scope(a)
    } else {
        crate::db::no_rows()
    };
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.platformGrants",
        platform_grant,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            platform_grant::Entity::find().filter(cond.clone()),
            col(platform_grant::Entity, platform_grant::Column::UnitId),
            &parents
        )],
        |rows| {
            let _ = &rows;
        }
    );
    Ok(edge.page.finish(rows, total, |r| {
        (id_cursor(r.id), super::super::PlatformGrant(r), EmptyFields)
    }))
}

/// `MemberUnit.sharedResources`.
pub async fn unit_shared_resources(
    ctx: &Context<'_>,
    unit: Uuid,
    include_archived: bool,
    page: Page,
) -> ApiResult<super::super::SharedResourceConnection> {
    use entity::shared_resource;
    let mut cond: Condition = crate::plan::signed_in(actor(ctx));
    if !include_archived {
        cond = cond.add(shared_resource::Column::ArchivedAt.is_null());
    }
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.sharedResources",
        shared_resource,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            shared_resource::Entity::find().filter(cond.clone()),
            col(shared_resource::Entity, shared_resource::Column::UnitId),
            &parents
        )],
        |rows| {
            let _ = &rows;
        }
    );
    Ok(edge.page.finish(rows, total, |r| {
        (
            id_cursor(r.id),
            super::super::SharedResource(r),
            EmptyFields,
        )
    }))
}
