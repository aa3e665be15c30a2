//! People and platforms (`docs/people.md`): the teacher pool, the dual-qualified share, reserve
//! craftsmen, apprenticeship bases and certified firms.

use std::collections::HashMap;

use async_graphql::connection::EmptyFields;
use async_graphql::{Context, ID, Object};
use entity::enums::{
    CertificationLevel, CertificationStatus, CraftsmanRole, ReserveCraftsmanStatus,
};
use entity::{
    apprenticeship_base, craftsman, craftsman_assignment, enterprise_certification,
    reserve_craftsman, teacher,
};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::graphql::connection::{Page, newest_first};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::input::member_unit_ids;
use crate::graphql::loader::Loaders;
use crate::graphql::object::{
    ApprenticeshipBase, ApprenticeshipBaseConnection, Craftsman, CraftsmanConnection,
    DualQualifiedStanding, EnterpriseCertification, EnterpriseCertificationConnection, MemberUnit,
    ReserveCraftsman, ReserveCraftsmanConnection, ReserveCraftsmenYear, SchoolDualQualifiedShare,
    SchoolReserveCraftsmen, Teacher, TeacherConnection, id_cursor,
};
use crate::graphql::scalar::Date;

/// The row id of an optional member-unit global ID argument.
fn unit_id(id: &Option<ID>, field: &str) -> Result<Option<Uuid>, ApiError> {
    Ok(member_unit_ids(id.as_slice(), field)?.pop())
}

/// `part / whole × 100`, when `whole` is above 0.
fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The member units `ids`, in annex order, through the request's loader.
async fn units_in_order(
    ctx: &Context<'_>,
    ids: impl IntoIterator<Item = Uuid>,
) -> ApiResult<Vec<std::sync::Arc<entity::member_unit::Model>>> {
    let mut units: Vec<_> = ctx
        .data::<Loaders>()?
        .member_unit
        .load_many(ids)
        .await?
        .into_values()
        .collect();
    units.sort_by_key(|u| (u.list_order, u.id));
    Ok(units)
}

#[derive(Default)]
pub struct PeopleQuery;

#[Object]
impl PeopleQuery {
    /// The teacher pool (威海技工教育师资库, Ten Measures (6)), newest first: any account but an
    /// evaluator's (`UNAUTHENTICATED`, `FORBIDDEN`); phones are guarded on `Teacher`. Teachers who
    /// left are hidden unless `includeLeft`. One SQL statement for the page, one for
    /// `totalCount` when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn teachers(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this school's teachers (global ID of a member unit).")]
        school_id: Option<ID>,
        #[graphql(desc = "Only teachers whose name or specialties contain this text \
                          (1–200 characters).")]
        search: Option<String>,
        #[graphql(desc = "Only the certified dual-qualified (true) or the others (false).")]
        dual_qualified: Option<bool>,
        #[graphql(desc = "Only subject leaders (true).")] subject_leader: Option<bool>,
        #[graphql(desc = "Only skill masters (true).")] skill_master: Option<bool>,
        #[graphql(desc = "Also teachers who left the school.", default)] include_left: bool,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<TeacherConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::people::teacher_scope(actor(ctx));
        if let Some(s) = unit_id(&school_id, "schoolId")? {
            cond = cond.add(teacher::Column::SchoolId.eq(s));
        }
        if let Some(term) = search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            crate::limits::screen_text("search", term)
                .map_err(|v| ApiError::BadUserInput(v.message))?;
            cond = cond.add(
                Condition::any()
                    .add(crate::db::contains(teacher::Column::Name, term))
                    .add(crate::db::contains(teacher::Column::Specialties, term)),
            );
        }
        if let Some(d) = dual_qualified {
            cond = cond.add(if d {
                teacher::Column::DualQualifiedOn.is_not_null()
            } else {
                teacher::Column::DualQualifiedOn.is_null()
            });
        }
        if subject_leader == Some(true) {
            cond = cond.add(teacher::Column::SubjectLeader.eq(true));
        }
        if skill_master == Some(true) {
            cond = cond.add(teacher::Column::SkillMaster.eq(true));
        }
        if !include_left {
            cond = cond.add(teacher::Column::LeftOn.is_null());
        }
        let (rows, total) = newest_first(
            db,
            teacher::Entity::find().filter(cond),
            teacher::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        crate::graphql::loader::prime_teachers(ctx.data::<Loaders>()?, &ctx.look_ahead(), &rows)
            .await?;
        Ok(page.finish(rows, total, |t| (id_cursor(t.id), Teacher(t), EmptyFields)))
    }

    /// Firms' craftsmen who teach part-time in the pool (兼职教师, Ten Measures (6): "邀请企业选派
    /// 技师、高级技师担任兼职教师"): craftsmen with a PART_TIME_TEACHER assignment their firm
    /// confirmed and nobody withdrew, optionally at one school; newest first. The craftsman
    /// records themselves (`Craftsman`), not copies. Any account but an evaluator's. One SQL
    /// statement for the page, one for `totalCount` when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn part_time_teachers(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only those teaching at this school (global ID of a member unit).")]
        school_id: Option<ID>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<CraftsmanConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut teaching = Query::select()
            .column(craftsman_assignment::Column::CraftsmanId)
            .from(craftsman_assignment::Entity)
            .and_where(craftsman_assignment::Column::Role.eq(CraftsmanRole::PartTimeTeacher))
            .and_where(craftsman_assignment::Column::ConfirmedAt.is_not_null())
            .and_where(craftsman_assignment::Column::DeclinedAt.is_null())
            .and_where(craftsman_assignment::Column::WithdrawnAt.is_null())
            .to_owned();
        if let Some(s) = unit_id(&school_id, "schoolId")? {
            teaching.and_where(craftsman_assignment::Column::SchoolId.eq(s));
        }
        let cond = crate::plan::signed_in(actor(ctx))
            .add(craftsman::Column::ArchivedAt.is_null())
            .add(craftsman::Column::Id.in_subquery(teaching));
        let (rows, total) = newest_first(
            db,
            craftsman::Entity::find().filter(cond),
            craftsman::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        Ok(page.finish(rows, total, |c| {
            (id_cursor(c.id), Craftsman(c), EmptyFields)
        }))
    }

    /// The dual-qualified share (双师型比例) of specialty teachers on a day (default today),
    /// alliance-wide and per school, against the Weihai 2020 plan's 80% (task 30): the secretariat
    /// and committee staff see every school, a school's staff its own (`UNAUTHENTICATED`,
    /// `FORBIDDEN` otherwise). Two SQL statements (one aggregate, one for the schools).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn dual_qualified_share(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The day measured (default today, UTC).")] on: Option<Date>,
    ) -> ApiResult<DualQualifiedStanding> {
        let db = ctx.data::<DatabaseConnection>()?;
        let day = on.map_or_else(|| chrono::Utc::now().date_naive(), Into::into);
        let shares = crate::people::dual_qualified_shares(actor(ctx), db, day)
            .await
            .map_err(ApiError::from)?;
        let by_school: HashMap<Uuid, _> = shares.iter().map(|s| (s.school_id, s)).collect();
        let units = units_in_order(ctx, by_school.keys().copied()).await?;
        let (teachers, certified) = shares.iter().fold((0, 0), |(t, c), s| {
            (t + s.specialty_teachers, c + s.dual_qualified)
        });
        Ok(DualQualifiedStanding {
            on: day.into(),
            specialty_teachers: teachers,
            dual_qualified: certified,
            share: percent(certified, teachers),
            schools: units
                .into_iter()
                .filter_map(|u| {
                    let s = by_school.get(&u.id)?;
                    Some(SchoolDualQualifiedShare {
                        specialty_teachers: s.specialty_teachers,
                        dual_qualified: s.dual_qualified,
                        share: percent(s.dual_qualified, s.specialty_teachers).unwrap_or(0.0),
                        school: MemberUnit(u),
                    })
                })
                .collect(),
        })
    }

    /// Reserve-craftsman nominations (威海工匠后备人才, Weihai 2020 plan, task 17), newest first:
    /// the secretariat reads all, a school's staff its own (personal data: nobody else; an empty
    /// page for other accounts). One SQL statement for the page, one for `totalCount` when
    /// selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn reserve_craftsmen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this year's.")] year: Option<i32>,
        #[graphql(desc = "Only this school's (global ID of a member unit).")] school_id: Option<ID>,
        #[graphql(desc = "Only nominations in this status.")] status: Option<
            ReserveCraftsmanStatus,
        >,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ReserveCraftsmanConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::people::reserve_scope(actor(ctx));
        if let Some(y) = year {
            cond = cond.add(reserve_craftsman::Column::Year.eq(y));
        }
        if let Some(s) = unit_id(&school_id, "schoolId")? {
            cond = cond.add(reserve_craftsman::Column::SchoolId.eq(s));
        }
        if let Some(s) = status {
            cond = cond.add(reserve_craftsman::Column::Status.eq(s));
        }
        let (rows, total) = newest_first(
            db,
            reserve_craftsman::Entity::find().filter(cond),
            reserve_craftsman::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .student
            .load_many(rows.iter().map(|r| r.student_id))
            .await?;
        Ok(page.finish(rows, total, |r| {
            (id_cursor(r.id), ReserveCraftsman(r), EmptyFields)
        }))
    }

    /// A year's reserve-craftsman selection in figures, alliance-wide and per school, against the
    /// 500 a year of the Weihai 2020 plan (task 17): the secretariat and committee staff see every
    /// school, a school's staff its own (`UNAUTHENTICATED`, `FORBIDDEN` otherwise; `BAD_USER_INPUT`
    /// for a year outside 2000–2100). No names: two SQL statements (one aggregate, one for the
    /// schools).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn reserve_craftsmen_year(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year (2000–2100).")] year: i32,
    ) -> ApiResult<ReserveCraftsmenYear> {
        let db = ctx.data::<DatabaseConnection>()?;
        let counts = crate::people::reserve_counts(actor(ctx), db, year)
            .await
            .map_err(ApiError::from)?;
        let by_school: HashMap<Uuid, _> = counts.iter().map(|c| (c.school_id, c)).collect();
        let units = units_in_order(ctx, by_school.keys().copied()).await?;
        let sum = |f: fn(&crate::people::ReserveCount) -> i64| counts.iter().map(f).sum();
        Ok(ReserveCraftsmenYear {
            year,
            nominated: sum(|c| c.nominated),
            selected: sum(|c| c.selected),
            not_selected: sum(|c| c.not_selected),
            schools: units
                .into_iter()
                .filter_map(|u| {
                    let c = by_school.get(&u.id)?;
                    Some(SchoolReserveCraftsmen {
                        nominated: c.nominated,
                        selected: c.selected,
                        not_selected: c.not_selected,
                        school: MemberUnit(u),
                    })
                })
                .collect(),
        })
    }

    /// Apprenticeship bases (企业学徒基地, Weihai 2020 plan, task 19), newest first: any account
    /// but an evaluator's. Closed bases are hidden unless `includeClosed`. One SQL statement for
    /// the page, one for `totalCount` when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn apprenticeship_bases(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this school's (global ID of a member unit).")] school_id: Option<ID>,
        #[graphql(desc = "Only those in this firm (global ID of a member unit).")]
        enterprise_id: Option<ID>,
        #[graphql(desc = "Only municipal demonstration bases (true) or the others (false).")]
        demonstration: Option<bool>,
        #[graphql(desc = "Also closed bases.", default)] include_closed: bool,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ApprenticeshipBaseConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::plan::signed_in(actor(ctx));
        if let Some(s) = unit_id(&school_id, "schoolId")? {
            cond = cond.add(apprenticeship_base::Column::SchoolId.eq(s));
        }
        if let Some(f) = unit_id(&enterprise_id, "enterpriseId")? {
            cond = cond.add(apprenticeship_base::Column::EnterpriseId.eq(f));
        }
        if let Some(d) = demonstration {
            cond = cond.add(if d {
                apprenticeship_base::Column::DemonstrationOn.is_not_null()
            } else {
                apprenticeship_base::Column::DemonstrationOn.is_null()
            });
        }
        if !include_closed {
            cond = cond.add(apprenticeship_base::Column::ClosedOn.is_null());
        }
        let (rows, total) = newest_first(
            db,
            apprenticeship_base::Entity::find().filter(cond),
            apprenticeship_base::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(rows.iter().flat_map(|r| [r.school_id, r.enterprise_id]))
            .await?;
        Ok(page.finish(rows, total, |b| {
            (id_cursor(b.id), ApprenticeshipBase(b), EmptyFields)
        }))
    }

    /// Industry-education enterprise certifications (产教融合型企业, Founding notice 三(二)), newest
    /// first: any account but an evaluator's. One SQL statement for the page, one for
    /// `totalCount` when selected.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn enterprise_certifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this firm's (global ID of a member unit).")] enterprise_id: Option<
            ID,
        >,
        #[graphql(desc = "Only in this status.")] status: Option<CertificationStatus>,
        #[graphql(desc = "Only at this level.")] level: Option<CertificationLevel>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<EnterpriseCertificationConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::plan::signed_in(actor(ctx));
        if let Some(f) = unit_id(&enterprise_id, "enterpriseId")? {
            cond = cond.add(enterprise_certification::Column::EnterpriseId.eq(f));
        }
        if let Some(s) = status {
            cond = cond.add(enterprise_certification::Column::Status.eq(s));
        }
        if let Some(l) = level {
            cond = cond.add(enterprise_certification::Column::Level.eq(l));
        }
        let (rows, total) = newest_first(
            db,
            enterprise_certification::Entity::find().filter(cond),
            enterprise_certification::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(rows.iter().map(|r| r.enterprise_id))
            .await?;
        Ok(page.finish(rows, total, |c| {
            (id_cursor(c.id), EnterpriseCertification(c), EmptyFields)
        }))
    }
}
