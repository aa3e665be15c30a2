//! The paged relations of a member unit (`MemberUnit.orderClasses`, `.internshipPlacements`, …)
//! and the reverse edges of students, order classes and sites. Each is its top-level list's
//! filter AND the caller's scope AND "belongs to this parent", newest first, loaded for all the
//! parents of a page in one statement ([`crate::graphql::edge`]).

use async_graphql::Context;
use async_graphql::connection::EmptyFields;
use entity::{
    apprenticeship, demand_participant, enrolment, graduate_outcome, internship_placement,
    order_class, order_class_demand, order_class_sponsor, practice_station, student,
    teacher_practice,
};
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryTrait, Select,
};
use uuid::Uuid;

use super::{
    Apprenticeship, ApprenticeshipConnection, Enrolment, GraduateOutcome, InternshipPlacement,
    InternshipPlacementConnection, OrderClass, OrderClassConnection, OrderClassDemand,
    OrderClassDemandConnection, Student, StudentView, TeacherPractice, TeacherPracticeConnection,
    id_cursor,
};
use crate::graphql::connection::Page;
use crate::graphql::edge::{Side, counts, key, pages_by_parent};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::actor;
use crate::graphql::input::{InternshipPlacementFilter, OrderClassDemandFilter, OrderClassFilter};
use crate::graphql::loader::{Loaders, prime_demands, prime_order_classes, prime_placements};
use crate::order_class::{enrolment_scope, student_scope};
use crate::placement::outcome_scope;
use crate::plan::{apprenticeship_scope, teacher_practice_scope};

pub use super::unit_roles::*;

/// Whether `role` (none: every side) includes `side`.
fn wants<R: PartialEq>(role: Option<R>, side: R) -> bool {
    role.is_none_or(|r| r == side)
}

/// A column as an expression qualified by its table.
fn col<E: EntityTrait, C: ColumnTrait>(entity: E, column: C) -> SimpleExpr {
    Expr::col((entity, column))
}

/// A side whose parent is named in a joined table (`join` on `on`), e.g. a site's partners.
fn through<E: EntityTrait, J: EntityTrait>(
    select: Select<E>,
    join: J,
    on: Condition,
    parent: SimpleExpr,
    parents: &[Uuid],
) -> Side {
    Side::joined(select.into_query(), join, on, parent, parents)
}

/// The request's database, loaders, and the paging of an edge; the shared start of every edge.
struct Edge<'a> {
    db: &'a DatabaseConnection,
    loaders: &'a Loaders,
    page: Page,
    count: bool,
}

impl<'a> Edge<'a> {
    fn new(ctx: &'a Context<'_>, page: Page) -> ApiResult<Self> {
        Ok(Self {
            db: ctx.data::<DatabaseConnection>()?,
            loaders: ctx.data::<Loaders>()?,
            page,
            count: counts(ctx),
        })
    }
}

/// Loads the page of `parent` for the edge `name` of entity `E`, built by `sides` for a batch of
/// parents; `prime` readies the loaders of the rows' nested fields for the whole batch at once.
macro_rules! edge_page {
    ($edge:expr, $name:literal, $entity:ident, $cond:expr, $extra:expr, $parent:expr,
     |$parents:ident| $sides:expr, |$rows:ident| $prime:expr) => {{
        let edge = &$edge;
        let k = key(&$cond, &$extra, &edge.page);
        edge.loaders
            .edges
            .page($name, k, $parent, |$parents| async move {
                let sides: Vec<Side> = $sides;
                let pages = pages_by_parent::<$entity::Entity>(
                    edge.db,
                    sides,
                    $entity::Column::Id,
                    &edge.page,
                    edge.count,
                )
                .await
                .map_err(ApiError::from)?;
                let $rows: Vec<$entity::Model> = pages
                    .values()
                    .flat_map(|(r, _)| r.iter().cloned())
                    .collect();
                $prime;
                Ok(pages)
            })
            .await?
    }};
}

/// `cond`, and unless `include_archived`, only the rows whose `archived_at` (`column`) is null:
/// archived records drop out of lists by default (`docs/domain.md`, Correcting and archiving).
pub fn unarchived(cond: Condition, include_archived: bool, column: impl ColumnTrait) -> Condition {
    if include_archived {
        cond
    } else {
        // Wrapped, so that a scope built as OR is narrowed, never widened.
        Condition::all().add(cond).add(column.is_null())
    }
}

mod people;
mod plan;
mod training;
pub use people::*;
pub use plan::*;
pub use training::*;

/// `MemberUnit.orderClassDemands`.
pub async fn unit_demands(
    ctx: &Context<'_>,
    unit: Uuid,
    role: Option<OrderClassDemandRole>,
    filter: Option<OrderClassDemandFilter>,
    page: Page,
) -> ApiResult<OrderClassDemandConnection> {
    let cond = filter.unwrap_or_default().condition(actor(ctx))?;
    let edge = Edge::new(ctx, page)?;
    let look = ctx.look_ahead();
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.orderClassDemands",
        order_class_demand,
        cond,
        role,
        unit,
        |parents| {
            let find = || order_class_demand::Entity::find().filter(cond.clone());
            let mut sides = Vec::new();
            if wants(role, OrderClassDemandRole::Poster) {
                sides.push(Side::new(
                    find(),
                    col(
                        order_class_demand::Entity,
                        order_class_demand::Column::EnterpriseId,
                    ),
                    &parents,
                ));
            }
            if wants(role, OrderClassDemandRole::Joiner) {
                sides.push(through(
                    find(),
                    demand_participant::Entity,
                    Condition::all()
                        .add(
                            Expr::col((
                                demand_participant::Entity,
                                demand_participant::Column::DemandId,
                            ))
                            .equals((order_class_demand::Entity, order_class_demand::Column::Id)),
                        )
                        .add(demand_participant::Column::IsPoster.eq(false)),
                    col(
                        demand_participant::Entity,
                        demand_participant::Column::EnterpriseId,
                    ),
                    &parents,
                ));
            }
            sides
        },
        |rows| prime_demands(edge.loaders, &look, &rows).await?
    );
    Ok(edge.page.finish(rows, total, |d| {
        (id_cursor(d.id), OrderClassDemand(d), EmptyFields)
    }))
}

/// `MemberUnit.orderClasses`.
pub async fn unit_order_classes(
    ctx: &Context<'_>,
    unit: Uuid,
    role: Option<OrderClassRole>,
    filter: Option<OrderClassFilter>,
    page: Page,
) -> ApiResult<OrderClassConnection> {
    let cond = filter.unwrap_or_default().condition(actor(ctx))?;
    let edge = Edge::new(ctx, page)?;
    let look = ctx.look_ahead();
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.orderClasses",
        order_class,
        cond,
        role,
        unit,
        |parents| {
            let find = || order_class::Entity::find().filter(cond.clone());
            let mut sides = Vec::new();
            if wants(role, OrderClassRole::School) {
                sides.push(Side::new(
                    find(),
                    col(order_class::Entity, order_class::Column::SchoolId),
                    &parents,
                ));
            }
            if wants(role, OrderClassRole::Sponsor) {
                sides.push(through(
                    find(),
                    order_class_sponsor::Entity,
                    Condition::all().add(
                        Expr::col((
                            order_class_sponsor::Entity,
                            order_class_sponsor::Column::OrderClassId,
                        ))
                        .equals((order_class::Entity, order_class::Column::Id)),
                    ),
                    col(
                        order_class_sponsor::Entity,
                        order_class_sponsor::Column::EnterpriseId,
                    ),
                    &parents,
                ));
            }
            sides
        },
        |rows| prime_order_classes(edge.loaders, &look, &rows).await?
    );
    Ok(edge.page.finish(rows, total, |c| {
        (id_cursor(c.id), OrderClass(c), EmptyFields)
    }))
}

/// `MemberUnit.internshipPlacements`, `Student.internshipPlacements`,
/// `OrderClass.internshipPlacements`: the placements under `parent` by `column`s (one side each).
pub async fn placements(
    ctx: &Context<'_>,
    name: &'static str,
    parent: Uuid,
    columns: &[internship_placement::Column],
    filter: Option<InternshipPlacementFilter>,
    page: Page,
) -> ApiResult<InternshipPlacementConnection> {
    let cond = filter
        .unwrap_or_default()
        .to_core()?
        .condition(actor(ctx), ctx.data::<DatabaseConnection>()?)
        .await?;
    let edge = Edge::new(ctx, page)?;
    let look = ctx.look_ahead();
    let k = key(&cond, &columns, &edge.page);
    let edge = &edge;
    let (rows, total) = edge
        .loaders
        .edges
        .page(name, k, parent, |parents| async move {
            let sides = columns
                .iter()
                .map(|c| {
                    Side::new(
                        internship_placement::Entity::find().filter(cond.clone()),
                        col(internship_placement::Entity, *c),
                        &parents,
                    )
                })
                .collect();
            let pages = pages_by_parent::<internship_placement::Entity>(
                edge.db,
                sides,
                internship_placement::Column::Id,
                &edge.page,
                edge.count,
            )
            .await
            .map_err(ApiError::from)?;
            let rows: Vec<_> = pages
                .values()
                .flat_map(|(r, _)| r.iter().cloned())
                .collect();
            prime_placements(edge.loaders, &look, &rows, false).await?;
            Ok(pages)
        })
        .await?;
    Ok(edge.page.finish(rows, total, |p| {
        (id_cursor(p.id), InternshipPlacement(p), EmptyFields)
    }))
}

/// The columns of the placement sides `role` names (none: both).
pub fn placement_columns(
    role: Option<InternshipPlacementRole>,
) -> Vec<internship_placement::Column> {
    let mut columns = Vec::new();
    if wants(role, InternshipPlacementRole::School) {
        columns.push(internship_placement::Column::SchoolId);
    }
    if wants(role, InternshipPlacementRole::Host) {
        columns.push(internship_placement::Column::HostUnitId);
    }
    columns
}

/// `MemberUnit.students`: the school's students the caller may read.
pub async fn unit_students(
    ctx: &Context<'_>,
    unit: Uuid,
    include_archived: bool,
    page: Page,
) -> ApiResult<StudentConnection> {
    let cond = unarchived(
        student_scope(actor(ctx)),
        include_archived,
        student::Column::ArchivedAt,
    );
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.students",
        student,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            student::Entity::find().filter(cond.clone()),
            col(student::Entity, student::Column::SchoolId),
            &parents
        )],
        |rows| edge.loaders.edges.register(rows.iter().map(|s| s.id))
    );
    Ok(edge.page.finish(rows, total, |s| {
        (
            id_cursor(s.id),
            Student(s.into(), StudentView::Full),
            EmptyFields,
        )
    }))
}

/// `MemberUnit.teacherPractices`.
pub async fn unit_teacher_practices(
    ctx: &Context<'_>,
    unit: Uuid,
    role: Option<TeacherPracticeRole>,
    page: Page,
) -> ApiResult<TeacherPracticeConnection> {
    let cond = teacher_practice_scope(actor(ctx));
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.teacherPractices",
        teacher_practice,
        cond,
        role,
        unit,
        |parents| {
            let find = || teacher_practice::Entity::find().filter(cond.clone());
            let mut sides = Vec::new();
            if wants(role, TeacherPracticeRole::School) {
                sides.push(Side::new(
                    find(),
                    col(teacher_practice::Entity, teacher_practice::Column::SchoolId),
                    &parents,
                ));
            }
            if wants(role, TeacherPracticeRole::Host) {
                sides.push(through(
                    find(),
                    practice_station::Entity,
                    Condition::all().add(
                        Expr::col((practice_station::Entity, practice_station::Column::Id)).equals(
                            (
                                teacher_practice::Entity,
                                teacher_practice::Column::StationId,
                            ),
                        ),
                    ),
                    col(
                        practice_station::Entity,
                        practice_station::Column::HostUnitId,
                    ),
                    &parents,
                ));
            }
            sides
        },
        |rows| drop(rows)
    );
    Ok(edge.page.finish(rows, total, |s| {
        (id_cursor(s.id), TeacherPractice(s), EmptyFields)
    }))
}

/// `MemberUnit.apprenticeships`.
pub async fn unit_apprenticeships(
    ctx: &Context<'_>,
    unit: Uuid,
    role: Option<ApprenticeshipRole>,
    page: Page,
) -> ApiResult<ApprenticeshipConnection> {
    let cond = apprenticeship_scope(actor(ctx));
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.apprenticeships",
        apprenticeship,
        cond,
        role,
        unit,
        |parents| {
            let find = || apprenticeship::Entity::find().filter(cond.clone());
            let mut sides = Vec::new();
            if wants(role, ApprenticeshipRole::Firm) {
                sides.push(Side::new(
                    find(),
                    col(apprenticeship::Entity, apprenticeship::Column::UnitId),
                    &parents,
                ));
            }
            if wants(role, ApprenticeshipRole::School) {
                sides.push(Side::new(
                    find(),
                    col(apprenticeship::Entity, apprenticeship::Column::SchoolId),
                    &parents,
                ));
            }
            sides
        },
        |rows| drop(rows)
    );
    Ok(edge.page.finish(rows, total, |s| {
        (id_cursor(s.id), Apprenticeship(s), EmptyFields)
    }))
}

/// `MemberUnit.graduateOutcomes`.
pub async fn unit_outcomes(
    ctx: &Context<'_>,
    unit: Uuid,
    graduation_year: Option<i32>,
    page: Page,
) -> ApiResult<GraduateOutcomeConnection> {
    let mut cond = outcome_scope(actor(ctx));
    if let Some(y) = graduation_year {
        cond = cond.add(graduate_outcome::Column::GraduationYear.eq(y));
    }
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "MemberUnit.graduateOutcomes",
        graduate_outcome,
        cond,
        (),
        unit,
        |parents| vec![Side::new(
            graduate_outcome::Entity::find().filter(cond.clone()),
            col(graduate_outcome::Entity, graduate_outcome::Column::SchoolId),
            &parents
        )],
        |rows| {
            edge.loaders
                .student
                .load_many(rows.iter().map(|r| r.student_id))
                .await?;
        }
    );
    Ok(edge.page.finish(rows, total, |s| {
        (id_cursor(s.id), GraduateOutcome(s), EmptyFields)
    }))
}

/// `Student.enrolments`: the enrolments of `student` the caller may read.
pub async fn student_enrolments(
    ctx: &Context<'_>,
    student: &student::Model,
    page: Page,
) -> ApiResult<StudentEnrolmentConnection> {
    let cond = enrolment_scope(actor(ctx));
    let edge = Edge::new(ctx, page)?;
    let (rows, total) = edge_page!(
        edge,
        "Student.enrolments",
        enrolment,
        cond,
        (),
        student.id,
        |parents| vec![Side::new(
            enrolment::Entity::find().filter(cond.clone()),
            col(enrolment::Entity, enrolment::Column::StudentId),
            &parents
        )],
        |rows| drop(rows)
    );
    Ok(edge.page.finish(rows, total, |e| {
        (id_cursor(e.id), Enrolment(e, student.clone()), EmptyFields)
    }))
}
