use async_graphql::connection::EmptyFields;
use async_graphql::{Context, Object, SimpleObject};
use entity::enums::{District, PlacementStatus};
use entity::{internship_placement, member_unit, student};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::graphql::connection::{Page, newest_first_some, newest_first_with};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::input::InternshipPlacementFilter;
use crate::graphql::input::year_bounds;
use crate::graphql::loader::{Loaders, feed_students, prime_placements, shows_students};
use crate::graphql::object::{
    InternshipPlacement, InternshipPlacementConnection, InternshipPostOffer, MemberUnit, id_cursor,
};
use crate::placement::{self, Finding, PlacementRule, PostsReport, RetentionGroup, Severity};

/// Placements checked per batch by `internshipRuleFindings`: bounds its memory and the size of
/// each statement's `IN` list.
const FINDINGS_BATCH: u64 = 1_000;

/// The 2% rule for one firm in one year: enterprises above designated size set up student
/// internship posts equal to 2% of their total staff ("规模以上企业按职工总数的2%设置职业院校学生实习
/// 岗位", Weihai 2020 plan (十), "原则上", and task 20; Huancui task list, item 8). The measure is the
/// posts the firm declares (`offerInternshipPosts`); placements hosted and order-class seats are
/// shown beside as evidence and do not count.
#[derive(SimpleObject)]
pub struct InternshipPostsReport {
    /// The firm.
    pub enterprise: MemberUnit,
    /// The year.
    pub year: i32,
    /// Total staff as recorded; null when unknown (then no ratio can be computed).
    pub employee_count: Option<i32>,
    /// Posts the rule asks for: 2% of the staff (fractional); null when the staff count is
    /// unknown.
    pub required_posts: Option<f64>,
    /// Posts the firm declared it sets up that year (`offerInternshipPosts`); null when it
    /// declared nothing. The rule's measure.
    pub posts_declared: Option<i32>,
    /// The declaration itself (specialties, when made); null when nothing is declared.
    pub declaration: Option<InternshipPostOffer>,
    /// Evidence, not counted: internship placements it hosts starting that year (not
    /// terminated). A placement fills a post; it is not the post the rule asks the firm to set up.
    pub placements_hosted: i64,
    /// Evidence, not counted: seats it sponsors in order classes of that cohort year (agreed or
    /// later). An order-class seat is a student's place in a class, not an internship post.
    pub order_class_seats: i64,
    /// Placements hosted plus order-class seats, the measure before declarations were recorded.
    #[graphql(
        deprecation = "Not the rule's measure: the rule counts posts the firm sets up (postsDeclared). Use postsDeclared; placementsHosted and orderClassSeats remain as evidence."
    )]
    pub posts_offered: i64,
    /// Posts declared ÷ posts required (1.0 = 100%); null when nothing is declared or the staff
    /// count is unknown or 0.
    pub ratio: Option<f64>,
    /// Whether the ratio reaches 100% (false without a ratio).
    pub meets_rule: bool,
}

/// The 2% rule across the alliance for one year (Weihai 2020 plan (十); Huancui task list,
/// item 8): the firms it applies to, and apart those whose size is not known yet, so the
/// secretariat knows whom to ask. "Firms" are units of category ENTERPRISE and units the
/// secretariat marked to carry a firm's commitments (`MemberUnit.carriesFirmCommitments`).
#[derive(SimpleObject)]
pub struct InternshipPostCompliance {
    /// Firms recorded above designated size (`aboveDesignatedSize: true`), each with its report:
    /// those below 100% or without a ratio (nothing declared, staff unknown) first, then in annex
    /// order.
    pub firms: Vec<InternshipPostsReport>,
    /// Firms whose size is not recorded (`aboveDesignatedSize: null`), in annex order: the rule
    /// may apply to them; record their size with `updateMemberUnit`. Firms recorded not above
    /// designated size appear in neither list.
    pub size_unknown: Vec<MemberUnit>,
}

/// Retention in Weihai (留威就业, Founding notice 二(四)11) for one group and year.
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

impl From<PostsReport> for InternshipPostsReport {
    fn from(r: PostsReport) -> Self {
        Self {
            year: r.year,
            employee_count: r.enterprise.employee_count,
            required_posts: r.required_posts,
            posts_declared: r.posts_declared(),
            placements_hosted: r.placements_hosted,
            order_class_seats: r.order_class_seats,
            posts_offered: r.placements_hosted + r.order_class_seats,
            ratio: r.ratio,
            meets_rule: r.meets_rule,
            declaration: r.declaration.map(InternshipPostOffer),
            enterprise: MemberUnit::from(r.enterprise),
        }
    }
}

impl From<placement::RetentionRow> for RetentionRow {
    fn from(r: placement::RetentionRow) -> Self {
        Self {
            label: r.label,
            school: r.school.map(MemberUnit::from),
            district: r.district,
            graduates: r.graduates,
            employed: r.employed,
            employed_in_weihai: r.employed_in_weihai,
            retention_rate: r.retention_rate,
            previous_retention_rate: r.previous_retention_rate,
            change: r.change,
        }
    }
}

/// The 2% report of one firm (used by `MemberUnit.internshipPosts`): its own staff and the
/// secretariat only.
///
/// # Errors
/// `FORBIDDEN` for other callers; `BAD_USER_INPUT` for an impossible year; `INTERNAL`.
pub async fn internship_posts_of(
    ctx: &Context<'_>,
    unit: &member_unit::Model,
    year: i32,
) -> ApiResult<InternshipPostsReport> {
    let db = ctx.data::<DatabaseConnection>()?;
    Ok(placement::posts_of(actor(ctx), db, unit, year)
        .await?
        .into())
}

/// One batch of `internshipRuleFindings`: the placements kept with the facts they were checked
/// with, how many were checked, the id the next batch starts after, and whether the batch was
/// full (more may follow).
struct FlaggedBatch {
    flagged: Vec<internship_placement::RuleFields>,
    facts: placement::BatchFacts,
    checked: u64,
    last: Option<Uuid>,
    full: bool,
}

/// Reads up to `size` placements of `rows` beyond `from` (exclusive; newest first when
/// `newest_first`, else oldest first), stopping short of `until` — only the columns the rules
/// read ([`internship_placement::RuleFields`]) — checks them
/// ([`placement::findings_of`], reading only the hosts not yet in `hosts`) and keeps those whose
/// findings are `wanted`.
#[allow(clippy::too_many_arguments)]
async fn flagged_batch(
    db: &DatabaseConnection,
    rows: &sea_orm::Select<internship_placement::Entity>,
    newest_first: bool,
    from: Option<Uuid>,
    until: Option<Uuid>,
    size: u64,
    hosts: &mut placement::IdMap<member_unit::Model>,
    wanted: &impl Fn(&[Finding]) -> bool,
) -> Result<FlaggedBatch, sea_orm::DbErr> {
    use internship_placement::Column::Id;
    let mut select = rows.clone();
    if newest_first {
        if let Some(id) = from {
            select = select.filter(Id.lt(id));
        }
        if let Some(id) = until {
            select = select.filter(Id.gt(id));
        }
        select = select.order_by_desc(Id);
    } else {
        if let Some(id) = from {
            select = select.filter(Id.gt(id));
        }
        if let Some(id) = until {
            select = select.filter(Id.lt(id));
        }
        select = select.order_by_asc(Id);
    }
    let batch: Vec<internship_placement::RuleFields> = entity::positional::all_as(
        select
            .select_only()
            .columns(internship_placement::RuleFields::columns())
            .limit(size),
        db,
    )
    .await?;
    let checked = batch.len() as u64;
    let full = checked == size;
    let last = batch.last().map(|p| p.id);
    let (found, facts) = placement::findings_of(db, batch, hosts).await?;
    let flagged = found
        .into_iter()
        .filter(|(_, found)| wanted(found))
        .map(|(p, _)| p)
        .collect();
    Ok(FlaggedBatch {
        flagged,
        facts,
        checked,
        last,
        full,
    })
}

/// The size of the next batch of a findings page that still needs `need` placements, after
/// `flagged` of the `checked` so far were kept: enough at the share kept so far, with a quarter
/// to spare, at least `need` and at most [`FINDINGS_BATCH`].
fn next_batch_size(need: u64, checked: u64, flagged: u64) -> u64 {
    (need.saturating_mul(checked).saturating_mul(5) / (4 * flagged.max(1)))
        .clamp(std::cmp::Ord::min(need, FINDINGS_BATCH), FINDINGS_BATCH)
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
            .to_core()?
            .condition(actor(ctx), db)
            .await?;
        let loaders = ctx.data::<Loaders>()?;
        let look = ctx.look_ahead();
        let (select, counts) = (
            internship_placement::Entity::find().filter(cond),
            crate::graphql::edge::counts(ctx),
        );
        // Only the columns the selection shows; the students it shows in the same statement.
        // The rows go nowhere but to this page's nodes (not to a loader), which read only those.
        let columns = InternshipPlacement::columns_for(&look);
        let students_read = loaders.caching() && shows_students(&look);
        let (rows, total) = if students_read {
            let (pairs, total) = newest_first_with::<_, student::Entity>(
                db,
                select,
                internship_placement::Column::Id,
                &page,
                counts,
                columns,
            )
            .await
            .map_err(ApiError::from)?;
            let (rows, students): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
            feed_students(loaders, students.into_iter().flatten());
            (rows, total)
        } else {
            newest_first_some(
                db,
                select,
                internship_placement::Column::Id,
                &page,
                counts,
                columns,
            )
            .await
            .map_err(ApiError::from)?
        };
        prime_placements(loaders, &look, &rows, students_read).await?;
        Ok(page.finish(rows, total, |p| {
            (id_cursor(p.id), InternshipPlacement(p), EmptyFields)
        }))
    }

    /// The committees' work list: placements starting in `year` (not terminated) that break a rule,
    /// newest first; by default every finding, or only the given severities and rules. The year's
    /// placements are checked in batches (at most four SQL statements each: the batch's columns
    /// the rules read, its students' columns the rules read, the hosts not read by an earlier
    /// batch, the interns overlapping it) from the page's bound until the page is full — the
    /// first four times the page, then sized by the share flagged so far, up to 1,000 — then the
    /// page's placements are read in full with their students (one statement), so memory stays
    /// bounded whatever the year holds; the nodes' `ruleFindings` reuse what was read.
    /// `totalCount`, when selected, checks every placement of the year, 1,000 at a time.
    /// Secretariat only.
    #[graphql(
        guard = "RoleGuard::Secretariat",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity) + crate::graphql::connection::ALLIANCE_REPORT_COST"
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
        let year_rows = internship_placement::Entity::find()
            .filter(internship_placement::Column::StartDate.gte(from))
            .filter(internship_placement::Column::StartDate.lt(to))
            .filter(internship_placement::Column::Status.ne(PlacementStatus::Terminated));
        let wanted = |found: &[Finding]| {
            found.iter().any(|f| {
                severities.as_ref().is_none_or(|s| {
                    s.contains(&if f.rule.blocking() {
                        Severity::Blocking
                    } else {
                        Severity::Warning
                    })
                }) && rules.as_ref().is_none_or(|r| r.contains(&f.rule))
            })
        };
        // The page: batches from the page's bound in its direction until it is full, the first
        // four times the page (most pages fill in it), then sized by the share flagged so far.
        // Hosts are read once for all batches; the hosts and counts of the placements kept go to
        // the request's loaders, and their students with the page's placements below, so
        // `ruleFindings` reads nothing again.
        let (from, until) = if page.forward {
            (page.after.as_ref(), page.before.as_ref())
        } else {
            (page.before.as_ref(), page.after.as_ref())
        };
        let (mut from, until) = (from.map(|c| c.id), until.map(|c| c.id));
        let mut size = ((page.limit + 1) * 4).min(FINDINGS_BATCH);
        let mut hosts = placement::IdMap::default();
        let mut flagged = Vec::new();
        let mut counts = placement::IdMap::default();
        let mut checked = 0;
        loop {
            let batch = flagged_batch(
                db,
                &year_rows,
                page.forward,
                from,
                until,
                size,
                &mut hosts,
                &wanted,
            )
            .await
            .map_err(ApiError::from)?;
            let mut facts = batch.facts;
            for p in &batch.flagged {
                if let Some(c) = facts.counts.remove(&p.id) {
                    counts.insert(p.id, c);
                }
            }
            flagged.extend(batch.flagged);
            checked += batch.checked;
            from = batch.last;
            if flagged.len() as u64 > page.limit || !batch.full {
                break;
            }
            size = next_batch_size(
                page.limit + 1 - flagged.len() as u64,
                checked,
                flagged.len() as u64,
            );
        }
        flagged.truncate(page.limit as usize + 1);
        // The page's placements in full with their students, in the page's order: one statement
        // (none for an empty page). One deleted since its batch was read is left out.
        let mut students = Vec::new();
        let mut full: placement::IdMap<internship_placement::Model> = if flagged.is_empty() {
            placement::IdMap::default()
        } else {
            entity::positional::all_pairs(
                internship_placement::Entity::find()
                    .find_also_related(student::Entity)
                    .filter(internship_placement::Column::Id.is_in(flagged.iter().map(|p| p.id))),
                db,
            )
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|(p, s)| {
                students.extend(s);
                (p.id, p)
            })
            .collect()
        };
        let flagged: Vec<internship_placement::Model> =
            flagged.iter().filter_map(|p| full.remove(&p.id)).collect();
        let loaders = ctx.data::<Loaders>()?;
        feed_students(loaders, students);
        loaders.feed(&loaders.intern_counts, counts).await;
        loaders
            .feed(
                &loaders.member_unit,
                flagged
                    .iter()
                    .filter_map(|p| p.host_unit_id)
                    .filter_map(|h| hosts.get(&h).map(|m| (h, std::sync::Arc::new(m.clone())))),
            )
            .await;
        // The count, only when selected: every placement of the year, a batch at a time.
        let mut total = 0;
        if crate::graphql::edge::counts(ctx) {
            let mut from = None;
            loop {
                let batch = flagged_batch(
                    db,
                    &year_rows,
                    false,
                    from,
                    None,
                    FINDINGS_BATCH,
                    &mut hosts,
                    &wanted,
                )
                .await
                .map_err(ApiError::from)?;
                total += batch.flagged.len() as u64;
                from = batch.last;
                if !batch.full {
                    break;
                }
            }
        }
        Ok(page.finish(flagged, total, |p| {
            (id_cursor(p.id), InternshipPlacement(p), EmptyFields)
        }))
    }

    /// The 2% rule across the alliance for `year` (Weihai 2020 plan (十); Huancui task list,
    /// item 8): every firm above designated size with the posts it declared against 2% of its
    /// staff, those below 100% or without a ratio first; and apart, the firms whose size is not
    /// known yet. Four SQL statements whatever the number of firms. The secretariat and committee
    /// staff (`UNAUTHENTICATED`, `FORBIDDEN`); `BAD_USER_INPUT` for an impossible year.
    #[graphql(
        guard = "RoleGuard::Committees",
        complexity = "crate::graphql::connection::ALLIANCE_REPORT_COST + child_complexity"
    )]
    async fn internship_post_compliance(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The year: declarations for it, placements starting in it, order classes of that cohort year."
        )]
        year: i32,
    ) -> ApiResult<InternshipPostCompliance> {
        let db = ctx.data::<DatabaseConnection>()?;
        let r = placement::post_compliance(actor(ctx), db, year).await?;
        Ok(InternshipPostCompliance {
            firms: r.firms.into_iter().map(Into::into).collect(),
            size_unknown: r.size_unknown.into_iter().map(MemberUnit::from).collect(),
        })
    }

    /// Retention in Weihai (留威就业) of `year`'s graduates, grouped by school, district or
    /// specialty, with the change from the year before. The secretariat sees every school; school
    /// staff their own school. Two SQL statements.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::ALLIANCE_REPORT_COST + child_complexity"
    )]
    async fn retention(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Year of graduation.")] year: i32,
        #[graphql(desc = "How to group the graduates.")] group_by: RetentionGroup,
    ) -> ApiResult<Vec<RetentionRow>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let rows = placement::retention(actor(ctx), db, year, group_by).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::{FINDINGS_BATCH, next_batch_size};

    #[test]
    fn the_next_findings_batch_fills_the_page_at_the_share_flagged_so_far() {
        // 10 of 200 flagged (5%), 41 still needed: 41 × 20 × 1.25 = 1,025, capped.
        assert_eq!(next_batch_size(41, 200, 10), FINDINGS_BATCH);
        // 40 of 200 flagged (20%), 11 needed: 11 × 5 × 1.25 = 68.
        assert_eq!(next_batch_size(11, 200, 40), 68);
        // Nothing flagged yet: as if one had been, so the batch grows, capped.
        assert_eq!(next_batch_size(51, 204, 0), FINDINGS_BATCH);
        // Never fewer than the placements still needed.
        assert_eq!(next_batch_size(5, 10, 10), 6);
        assert_eq!(next_batch_size(3, 1, 1), 3);
    }
}
