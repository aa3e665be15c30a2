use std::collections::HashMap;

use async_graphql::connection::EmptyFields;
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use entity::enums::{AccountRole, District, OrderClassStatus, PlacementStatus};
use entity::{
    graduate_outcome, internship_placement, member_unit, order_class, order_class_sponsor, student,
};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::{member_unit_ids, year_bounds};
use crate::auth::Actor;
use crate::graphql::connection::{Page, newest_first};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::loader::{Loaders, prime_placements};
use crate::graphql::object::{
    InternshipPlacement, InternshipPlacementConnection, MemberUnit, id_cursor,
};
use crate::placement::{PlacementRule, Severity, placement_scope};
use crate::registry::like_substring;

/// Which placements `internshipPlacements` returns. Fields combine with AND; lists match any value.
#[derive(InputObject, Default)]
pub struct InternshipPlacementFilter {
    /// Placements in any of these statuses.
    pub statuses: Option<Vec<PlacementStatus>>,
    /// Placements of students of any of these schools (global IDs of member units).
    pub school_ids: Option<Vec<ID>>,
    /// Placements hosted by any of these member units (global IDs).
    pub host_ids: Option<Vec<ID>>,
    /// Placements starting in this year.
    pub start_year: Option<i32>,
    /// Substring of the host's name or the post title.
    pub search: Option<String>,
}

impl InternshipPlacementFilter {
    /// The SQL condition of the filter (without the caller's scope).
    ///
    /// # Errors
    /// `BAD_USER_INPUT` for IDs of other types or an impossible year.
    pub fn condition(&self) -> Result<Condition, ApiError> {
        let mut cond = Condition::all();
        if let Some(s) = &self.statuses {
            cond = cond.add(internship_placement::Column::Status.is_in(s.iter().copied()));
        }
        if let Some(ids) = &self.school_ids {
            cond = cond.add(
                internship_placement::Column::SchoolId.is_in(member_unit_ids(ids, "schoolIds")?),
            );
        }
        if let Some(ids) = &self.host_ids {
            cond = cond.add(
                internship_placement::Column::HostUnitId.is_in(member_unit_ids(ids, "hostIds")?),
            );
        }
        if let Some(y) = self.start_year {
            let (from, to) = year_bounds(y)?;
            cond = cond
                .add(internship_placement::Column::StartDate.gte(from))
                .add(internship_placement::Column::StartDate.lt(to));
        }
        if let Some(term) = self
            .search
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            let like = |c: internship_placement::Column| {
                c.like(sea_orm::sea_query::LikeExpr::new(like_substring(term)).escape('\\'))
            };
            cond = cond.add(
                Condition::any()
                    .add(like(internship_placement::Column::HostName))
                    .add(like(internship_placement::Column::PostTitle)),
            );
        }
        Ok(cond)
    }
}

/// The 2% rule for one firm in one year (`000_*.txt` (十); `003_*.txt` item 8): enterprises above
/// designated size offer student internship posts equal to 2% of their total staff.
#[derive(SimpleObject)]
pub struct InternshipPostsReport {
    /// The firm.
    pub enterprise: MemberUnit,
    /// The year.
    pub year: i32,
    /// Total staff as recorded; null when unknown (then no ratio can be computed).
    pub employee_count: Option<i32>,
    /// Posts the rule asks for: 2% of the staff (fractional).
    pub required_posts: Option<f64>,
    /// Internship placements it hosts starting that year (not terminated).
    pub placements_hosted: i64,
    /// Seats it sponsors in order classes of that cohort year (agreed or later).
    pub order_class_seats: i64,
    /// Posts offered: placements plus order-class seats.
    pub posts_offered: i64,
    /// Posts offered ÷ posts required (1.0 = 100%); null when the staff count is unknown.
    pub ratio: Option<f64>,
    /// Whether the ratio reaches 100%.
    pub meets_rule: bool,
}

/// Grouping of `retention`.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum RetentionGroup {
    /// By school.
    School,
    /// By the school's district.
    District,
    /// By the student's specialty.
    Specialty,
}

/// Retention in Weihai (留威就业, `004_*.txt` 二(四)11) for one group and year.
#[derive(SimpleObject)]
pub struct RetentionRow {
    /// The group's label: a school's name, a district, or a specialty (`未填写` when not recorded).
    pub label: String,
    /// The school, when grouped by school.
    pub school: Option<MemberUnit>,
    /// The district, when grouped by district (null: the school's district is unknown).
    pub district: Option<District>,
    /// Graduates with a reported outcome that year.
    pub graduates: i64,
    /// Of them employed.
    pub employed: i64,
    /// Of them employed in Weihai.
    pub employed_in_weihai: i64,
    /// Employed in Weihai ÷ graduates (0–1).
    pub retention_rate: f64,
    /// The same rate the year before; null without graduates then.
    pub previous_retention_rate: Option<f64>,
    /// Change from the year before (the plan wants it to rise every year); null without a previous
    /// rate.
    pub change: Option<f64>,
}

#[derive(Default)]
pub struct PlacementQuery;

async fn posts_reports(
    db: &DatabaseConnection,
    year: i32,
    firms: Vec<member_unit::Model>,
) -> ApiResult<Vec<InternshipPostsReport>> {
    let (from, to) = year_bounds(year)?;
    let ids: Vec<Uuid> = firms.iter().map(|f| f.id).collect();
    let hosted: HashMap<Uuid, i64> = internship_placement::Entity::find()
        .select_only()
        .column(internship_placement::Column::HostUnitId)
        .column_as(internship_placement::Column::Id.count(), "n")
        .filter(internship_placement::Column::HostUnitId.is_in(ids.clone()))
        .filter(internship_placement::Column::Status.ne(PlacementStatus::Terminated))
        .filter(internship_placement::Column::StartDate.gte(from))
        .filter(internship_placement::Column::StartDate.lt(to))
        .group_by(internship_placement::Column::HostUnitId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await
        .map_err(ApiError::from)?
        .into_iter()
        .collect();
    let seats: HashMap<Uuid, i64> = order_class_sponsor::Entity::find()
        .select_only()
        .column(order_class_sponsor::Column::EnterpriseId)
        .column_as(order_class_sponsor::Column::Seats.sum(), "seats")
        .filter(order_class_sponsor::Column::EnterpriseId.is_in(ids))
        .filter(
            order_class_sponsor::Column::OrderClassId.in_subquery(
                Query::select()
                    .column(order_class::Column::Id)
                    .from(order_class::Entity)
                    .and_where(order_class::Column::CohortYear.eq(year))
                    .and_where(order_class::Column::Status.is_in([
                        OrderClassStatus::Agreed,
                        OrderClassStatus::Recruiting,
                        OrderClassStatus::InTraining,
                        OrderClassStatus::Graduated,
                    ]))
                    .to_owned(),
            ),
        )
        .group_by(order_class_sponsor::Column::EnterpriseId)
        .into_tuple::<(Uuid, Option<i64>)>()
        .all(db)
        .await
        .map_err(ApiError::from)?
        .into_iter()
        .map(|(k, v)| (k, v.unwrap_or(0)))
        .collect();
    Ok(firms
        .into_iter()
        .map(|f| {
            let placements_hosted = hosted.get(&f.id).copied().unwrap_or(0);
            let order_class_seats = seats.get(&f.id).copied().unwrap_or(0);
            let posts_offered = placements_hosted + order_class_seats;
            let required = f.employee_count.map(|n| f64::from(n) * 0.02);
            let ratio = required
                .filter(|r| *r > 0.0)
                .map(|r| posts_offered as f64 / r);
            InternshipPostsReport {
                year,
                employee_count: f.employee_count,
                required_posts: required,
                placements_hosted,
                order_class_seats,
                posts_offered,
                ratio,
                meets_rule: ratio.is_some_and(|r| r >= 1.0),
                enterprise: MemberUnit(f),
            }
        })
        .collect())
}

/// The 2% report of one firm (used by `MemberUnit.internshipPosts`): its own staff and the
/// secretariat only.
///
/// # Errors
/// `FORBIDDEN` for other callers; `INTERNAL`.
pub async fn internship_posts_of(
    ctx: &Context<'_>,
    unit: &member_unit::Model,
    year: i32,
) -> ApiResult<InternshipPostsReport> {
    let a = actor(ctx);
    let own = matches!(a, Actor::Account { unit: Some(u), .. } if *u == unit.id);
    if !a.is_secretariat() && !own {
        return Err(ApiError::Forbidden(
            "a firm's internship posts are seen by the firm and the secretariat",
        )
        .into());
    }
    let db = ctx.data::<DatabaseConnection>()?;
    let mut reports = posts_reports(db, year, vec![unit.clone()]).await?;
    reports
        .pop()
        .ok_or_else(|| ApiError::NotFound("member unit".into()).into())
}

#[Object]
impl PlacementQuery {
    /// Internship placements (岗位实习), newest first: a school sees its students', a host the ones
    /// it hosts, the secretariat all. Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn internship_placements(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Which placements to return.")] filter: Option<InternshipPlacementFilter>,
    ) -> ApiResult<InternshipPlacementConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let cond = filter
            .unwrap_or_default()
            .condition()?
            .add(placement_scope(actor(ctx)));
        let (rows, total) = newest_first(
            db,
            internship_placement::Entity::find().filter(cond),
            internship_placement::Column::Id,
            &page,
        )
        .await
        .map_err(ApiError::from)?;
        prime_placements(ctx.data::<Loaders>()?, &ctx.look_ahead(), &rows).await?;
        Ok(page.finish(rows, total, |p| {
            (id_cursor(p.id), InternshipPlacement(p), EmptyFields)
        }))
    }

    /// The committees' work list: placements starting in `year` (not terminated) that break a rule,
    /// newest first; by default every finding, or only the given severities and rules. Computed in
    /// a fixed number of SQL statements. Secretariat only.
    #[graphql(
        guard = "RoleGuard::Secretariat",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn internship_rule_findings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Start year of the placements.")] year: i32,
        #[graphql(desc = "Only findings of these severities.")] severities: Option<Vec<Severity>>,
        #[graphql(desc = "Only findings of these rules.")] rules: Option<Vec<PlacementRule>>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<InternshipPlacementConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let (from, to) = year_bounds(year)?;
        let mut all = internship_placement::Entity::find()
            .filter(internship_placement::Column::StartDate.gte(from))
            .filter(internship_placement::Column::StartDate.lt(to))
            .filter(internship_placement::Column::Status.ne(PlacementStatus::Terminated))
            .all(db)
            .await
            .map_err(ApiError::from)?;
        all.sort_by_key(|p| std::cmp::Reverse(p.id));
        let loaders = ctx.data::<Loaders>()?;
        loaders
            .student
            .load_many(all.iter().map(|p| p.student_id))
            .await?;
        loaders
            .member_unit
            .load_many(all.iter().filter_map(|p| p.host_unit_id))
            .await?;
        loaders
            .open_placements_by_host
            .load_many(all.iter().map(|p| p.host_key.clone()))
            .await?;
        let mut flagged = Vec::new();
        for p in all {
            let wrapped = InternshipPlacement(p);
            let keep = wrapped.compute_findings(ctx).await?.iter().any(|f| {
                severities.as_ref().is_none_or(|s| s.contains(&f.severity))
                    && rules.as_ref().is_none_or(|r| r.contains(&f.rule))
            });
            if keep {
                flagged.push(wrapped.0);
            }
        }
        let (rows, total) = page.slice(flagged, |p| p.id);
        Ok(page.finish(rows, total, |p| {
            (id_cursor(p.id), InternshipPlacement(p), EmptyFields)
        }))
    }

    /// The 2% rule across the alliance for `year`: every firm above designated size with its posts
    /// offered against 2% of its staff, those below 100% (or with unknown staff) first. Three SQL
    /// statements whatever the number of firms. Secretariat only.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn internship_post_compliance(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The year (placements starting then; order classes of that cohort year)."
        )]
        year: i32,
    ) -> ApiResult<Vec<InternshipPostsReport>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let firms = member_unit::Entity::find()
            .filter(member_unit::Column::AboveDesignatedSize.eq(true))
            .all(db)
            .await
            .map_err(ApiError::from)?;
        let mut reports = posts_reports(db, year, firms).await?;
        reports.sort_by(|a, b| {
            let key = |r: &InternshipPostsReport| r.ratio.unwrap_or(-1.0);
            key(a)
                .total_cmp(&key(b))
                .then(a.enterprise.0.list_order.cmp(&b.enterprise.0.list_order))
        });
        Ok(reports)
    }

    /// Retention in Weihai (留威就业) of `year`'s graduates, grouped by school, district or
    /// specialty, with the change from the year before. The secretariat sees every school; school
    /// staff their own school. Two SQL statements.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn retention(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Year of graduation.")] year: i32,
        #[graphql(desc = "How to group the graduates.")] group_by: RetentionGroup,
    ) -> ApiResult<Vec<RetentionRow>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let a = actor(ctx);
        let mut cond =
            Condition::all().add(graduate_outcome::Column::GraduationYear.is_in([year - 1, year]));
        match a {
            x if x.is_secretariat() => {}
            Actor::Account {
                role: AccountRole::SchoolStaff,
                unit: Some(u),
                ..
            } => {
                cond = cond.add(graduate_outcome::Column::SchoolId.eq(*u));
            }
            _ => {
                return Err(ApiError::Forbidden(
                    "retention is seen by schools and the secretariat",
                )
                .into());
            }
        }
        let rows = graduate_outcome::Entity::find()
            .filter(cond)
            .find_also_related(student::Entity)
            .all(db)
            .await
            .map_err(ApiError::from)?;
        let schools: HashMap<Uuid, member_unit::Model> = member_unit::Entity::find()
            .filter(member_unit::Column::Id.is_in(rows.iter().map(|(o, _)| o.school_id)))
            .all(db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        #[derive(Default)]
        struct Tally {
            graduates: i64,
            employed: i64,
            in_weihai: i64,
            prev_graduates: i64,
            prev_in_weihai: i64,
        }
        let mut groups: HashMap<String, (Tally, Option<Uuid>, Option<District>)> = HashMap::new();
        for (o, s) in &rows {
            let school = schools.get(&o.school_id);
            let (label, school_id, district) = match group_by {
                RetentionGroup::School => (
                    school.map_or_else(|| o.school_id.to_string(), |m| m.name.clone()),
                    Some(o.school_id),
                    None,
                ),
                RetentionGroup::District => {
                    let d = school.and_then(|m| m.district);
                    (
                        d.map_or_else(|| "未填写".to_owned(), |d| format!("{d:?}")),
                        None,
                        d,
                    )
                }
                RetentionGroup::Specialty => (
                    s.as_ref()
                        .and_then(|s| s.specialty.clone())
                        .unwrap_or_else(|| "未填写".to_owned()),
                    None,
                    None,
                ),
            };
            let entry = groups
                .entry(label)
                .or_insert((Tally::default(), school_id, district));
            let t = &mut entry.0;
            if o.graduation_year == year {
                t.graduates += 1;
                t.employed += i64::from(o.status == entity::enums::OutcomeStatus::Employed);
                t.in_weihai += i64::from(o.in_weihai);
            } else {
                t.prev_graduates += 1;
                t.prev_in_weihai += i64::from(o.in_weihai);
            }
        }
        let mut out: Vec<RetentionRow> = groups
            .into_iter()
            .filter(|(_, (t, _, _))| t.graduates > 0)
            .map(|(label, (t, school_id, district))| {
                let rate = t.in_weihai as f64 / t.graduates as f64;
                let previous = (t.prev_graduates > 0)
                    .then(|| t.prev_in_weihai as f64 / t.prev_graduates as f64);
                RetentionRow {
                    label,
                    school: school_id
                        .and_then(|id| schools.get(&id).cloned())
                        .map(MemberUnit),
                    district,
                    graduates: t.graduates,
                    employed: t.employed,
                    employed_in_weihai: t.in_weihai,
                    retention_rate: rate,
                    previous_retention_rate: previous,
                    change: previous.map(|p| rate - p),
                }
            })
            .collect();
        out.sort_by(|a, b| a.label.cmp(&b.label));
        Ok(out)
    }
}
