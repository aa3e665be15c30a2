use async_graphql::connection::EmptyFields;
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{EventKind, SiteKind};
use entity::{
    apprenticeship, craftsman, event, event_unit, member_unit, practice_station, teacher_practice,
    training_site,
};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::graphql::connection::{Page, newest_first};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::NodeType;
use crate::graphql::input::MemberUnitFilter;
use crate::graphql::input::{member_unit_ids, year_bounds};
use crate::graphql::loader::{Loaders, prime_plan_rows};
use crate::graphql::object::{
    Apprenticeship, ApprenticeshipConnection, Craftsman, CraftsmanConnection, Event,
    EventConnection, MemberUnit, MemberUnitConnection, TeacherPractice, TeacherPracticeConnection,
    TeacherPracticeStation, TeacherPracticeStationConnection, TrainingSite, TrainingSiteConnection,
    id_cursor,
};

/// The row id of an optional member-unit global ID argument.
fn unit_id(id: &Option<ID>, field: &str) -> Result<Option<Uuid>, ApiError> {
    Ok(member_unit_ids(id.as_slice(), field)?.pop())
}
use crate::plan::{
    ComplianceRule, EvidenceKind, alliance_compliance, apprenticeship_scope, member_compliance,
    overdue_condition, teacher_practice_scope,
};

/// One item of a member's compliance.
#[derive(SimpleObject)]
pub struct ComplianceItem {
    /// The rule.
    pub rule: ComplianceRule,
    /// Whether the member meets it that year.
    pub met: bool,
    /// The rows that satisfy it (empty when not met).
    pub evidence: Vec<ComplianceEvidence>,
}

/// A row that satisfies a compliance rule.
#[derive(SimpleObject)]
pub struct ComplianceEvidence {
    /// The type of the row: `TrainingSite`, `TeacherPracticeStation`, `CareerMentor`, `Event`,
    /// `TeacherPractice`.
    pub kind: String,
    /// The row's global ID (`node(id:)` fetches it).
    pub id: ID,
    /// What the row is.
    pub label: String,
}

/// A member's standing against the plan's commitments in one year (督导评估, Founding notice 三(三)).
#[derive(SimpleObject)]
pub struct MemberCompliance {
    /// The year.
    pub year: i32,
    /// One item per rule that applies to the member (firms: four; schools: two; others: none).
    pub items: Vec<ComplianceItem>,
    /// Whether every applicable rule is met.
    pub all_met: bool,
}

/// One rule across the alliance: the committee's work list.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct RuleCompliance {
    /// The rule.
    pub rule: ComplianceRule,
    /// Members the rule applies to (under the filter).
    pub applicable: i64,
    /// Of them, meeting it.
    pub met: i64,
    /// The rows the field pages (not in the schema).
    #[graphql(skip)]
    pub not_met: Vec<member_unit::Model>,
}

#[async_graphql::ComplexObject]
impl RuleCompliance {
    /// The members that do not meet the rule, in annex order.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn not_met(
        &self,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<MemberUnitConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        let (rows, total) = page.slice(self.not_met.clone(), |m| m.id);
        Ok(page.finish(rows, total, |m| {
            (id_cursor(m.id), MemberUnit::from(m), EmptyFields)
        }))
    }
}

fn evidence_type(kind: EvidenceKind) -> NodeType {
    match kind {
        EvidenceKind::TrainingSite => NodeType::TrainingSite,
        EvidenceKind::TeacherPracticeStation => NodeType::TeacherPracticeStation,
        EvidenceKind::CareerMentor => NodeType::CareerMentor,
        EvidenceKind::Event => NodeType::Event,
        EvidenceKind::TeacherPractice => NodeType::TeacherPractice,
    }
}

/// The compliance of `unit` in `year` (used by `MemberUnit.compliance`), computed by
/// [`crate::plan::member_compliance`].
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; `INTERNAL`.
pub async fn compliance_of(
    ctx: &Context<'_>,
    unit: &member_unit::Model,
    year: i32,
) -> ApiResult<MemberCompliance> {
    let db = ctx.data::<DatabaseConnection>()?;
    let standing = member_compliance(actor(ctx), db, unit, year).await?;
    let items: Vec<ComplianceItem> = standing
        .into_iter()
        .map(|s| ComplianceItem {
            rule: s.rule,
            met: !s.evidence.is_empty(),
            evidence: s
                .evidence
                .into_iter()
                .map(|e| ComplianceEvidence {
                    kind: e.kind.type_name().to_owned(),
                    id: crate::graphql::id::encode(evidence_type(e.kind), e.id),
                    label: e.label,
                })
                .collect(),
        })
        .collect();
    Ok(MemberCompliance {
        year,
        all_met: items.iter().all(|i| i.met),
        items,
    })
}

#[derive(Default)]
pub struct PlanQuery;

#[Object]
impl PlanQuery {
    /// Training sites, newest first, optionally of some kinds or one host. Any authenticated
    /// caller.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn training_sites(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only these kinds.")] kinds: Option<Vec<SiteKind>>,
        #[graphql(desc = "Only sites hosted by this member unit (global ID).")] host_id: Option<ID>,
        #[graphql(
            desc = "Also the archived ones (hidden when false or null).",
            default_with = "Some(false)"
        )]
        include_archived: Option<bool>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<TrainingSiteConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::graphql::object::unarchived(
            Condition::all(),
            include_archived.unwrap_or(false),
            training_site::Column::ArchivedAt,
        );
        if let Some(k) = kinds {
            cond = cond.add(training_site::Column::Kind.is_in(k));
        }
        if let Some(h) = unit_id(&host_id, "hostId")? {
            cond = cond.add(training_site::Column::HostUnitId.eq(h));
        }
        let (rows, total) = newest_first(
            db,
            training_site::Entity::find().filter(cond),
            training_site::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let hosts: Vec<Uuid> = rows.iter().map(|r| r.host_unit_id).collect();
        prime_plan_rows(ctx.data::<Loaders>()?, &ctx.look_ahead(), &ids, &hosts).await?;
        Ok(page.finish(rows, total, |s| {
            (id_cursor(s.id), TrainingSite(s), EmptyFields)
        }))
    }

    /// Teacher practice stations (教师活动站), newest first, optionally of one host. Any
    /// authenticated caller (phones are guarded on the station).
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn teacher_practice_stations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only stations of this member unit (global ID).")] host_id: Option<ID>,
        #[graphql(
            desc = "Also the archived ones (hidden when false or null).",
            default_with = "Some(false)"
        )]
        include_archived: Option<bool>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<TeacherPracticeStationConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::graphql::object::unarchived(
            Condition::all(),
            include_archived.unwrap_or(false),
            practice_station::Column::ArchivedAt,
        );
        if let Some(h) = unit_id(&host_id, "hostId")? {
            cond = cond.add(practice_station::Column::HostUnitId.eq(h));
        }
        let (rows, total) = newest_first(
            db,
            practice_station::Entity::find().filter(cond),
            practice_station::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let hosts: Vec<Uuid> = rows.iter().map(|r| r.host_unit_id).collect();
        prime_plan_rows(ctx.data::<Loaders>()?, &ctx.look_ahead(), &ids, &hosts).await?;
        Ok(page.finish(rows, total, |s| {
            (id_cursor(s.id), TeacherPracticeStation(s), EmptyFields)
        }))
    }

    /// Teachers' practice stints, newest first: a school sees its teachers', a firm those at its
    /// stations, the secretariat all.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn teacher_practices(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<TeacherPracticeConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let cond = teacher_practice_scope(actor(ctx));
        let (rows, total) = newest_first(
            db,
            teacher_practice::Entity::find().filter(cond),
            teacher_practice::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        let loaders = ctx.data::<Loaders>()?;
        loaders
            .member_unit
            .load_many(rows.iter().map(|r| r.school_id))
            .await?;
        Ok(page.finish(rows, total, |s| {
            (id_cursor(s.id), TeacherPractice(s), EmptyFields)
        }))
    }

    /// The craftsman pool (兼职人才资源库), newest first, optionally of one firm. Any authenticated
    /// caller (phones are guarded).
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn craftsmen(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this firm's (global ID of a member unit).")] unit_id_filter: Option<
            ID,
        >,
        #[graphql(
            desc = "Also the archived ones (hidden when false or null).",
            default_with = "Some(false)"
        )]
        include_archived: Option<bool>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<CraftsmanConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::graphql::object::unarchived(
            Condition::all(),
            include_archived.unwrap_or(false),
            craftsman::Column::ArchivedAt,
        );
        if let Some(u) = unit_id(&unit_id_filter, "unitIdFilter")? {
            cond = cond.add(craftsman::Column::UnitId.eq(u));
        }
        let (rows, total) = newest_first(
            db,
            craftsman::Entity::find().filter(cond),
            craftsman::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        ctx.data::<Loaders>()?
            .member_unit
            .load_many(rows.iter().map(|r| r.unit_id))
            .await?;
        Ok(page.finish(rows, total, |s| {
            (id_cursor(s.id), Craftsman(s), EmptyFields)
        }))
    }

    /// Apprenticeships (企业新型学徒制), newest first: the firm, the partner school and the
    /// secretariat only (apprentices' data is personal). `overdue: true` lists those still ACTIVE
    /// past their planned last day (or without one), for the firm or the secretariat to chase.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn apprenticeships(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Only the overdue ones (true: ACTIVE past their planned last day, or without one) or only the others (false); all when null. The secretariat's list to chase."
        )]
        overdue: Option<bool>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ApprenticeshipConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = apprenticeship_scope(actor(ctx));
        if let Some(o) = overdue {
            cond = cond.add(overdue_condition(o, chrono::Utc::now().date_naive()));
        }
        let (rows, total) = newest_first(
            db,
            apprenticeship::Entity::find().filter(cond),
            apprenticeship::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        Ok(page.finish(rows, total, |s| {
            (id_cursor(s.id), Apprenticeship(s), EmptyFields)
        }))
    }

    /// Events, newest first, optionally of some kinds, one year, or one taking part. Any
    /// authenticated caller.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn events(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only these kinds.")] kinds: Option<Vec<EventKind>>,
        #[graphql(desc = "Only events held in this year.")] year: Option<i32>,
        #[graphql(desc = "Only events this member unit organised or joined (global ID).")]
        unit_id_filter: Option<ID>,
        #[graphql(
            desc = "Also the archived ones (hidden when false or null).",
            default_with = "Some(false)"
        )]
        include_archived: Option<bool>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<EventConnection> {
        let db = ctx.data::<DatabaseConnection>()?;
        let page = Page::new(first, after, last, before, "ID")?;
        let mut cond = crate::graphql::object::unarchived(
            Condition::all(),
            include_archived.unwrap_or(false),
            event::Column::ArchivedAt,
        );
        if let Some(k) = kinds {
            cond = cond.add(event::Column::Kind.is_in(k));
        }
        if let Some(y) = year {
            let (a, b) = year_bounds(y)?;
            cond = cond
                .add(event::Column::HeldOn.gte(a))
                .add(event::Column::HeldOn.lt(b));
        }
        if let Some(u) = unit_id(&unit_id_filter, "unitIdFilter")? {
            cond = cond.add(
                event::Column::Id.in_subquery(
                    Query::select()
                        .column(event_unit::Column::EventId)
                        .from(event_unit::Entity)
                        .and_where(event_unit::Column::UnitId.eq(u))
                        .to_owned(),
                ),
            );
        }
        let (rows, total) = newest_first(
            db,
            event::Entity::find().filter(cond),
            event::Column::Id,
            &page,
            crate::graphql::edge::counts(ctx),
        )
        .await
        .map_err(ApiError::from)?;
        Ok(page.finish(rows, total, |s| (id_cursor(s.id), Event(s), EmptyFields)))
    }

    /// The committees' work list for `year` (督导评估): for each rule, how many members (under the
    /// filter) it applies to, how many meet it, and the members that do not. Computed in a fixed
    /// number of SQL statements whatever the number of members. The secretariat and committee staff.
    #[graphql(
        guard = "RoleGuard::Committees",
        complexity = "crate::graphql::connection::ALLIANCE_REPORT_COST + child_complexity"
    )]
    async fn alliance_compliance(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year.")] year: i32,
        #[graphql(desc = "Which members to consider (as for `memberUnits`).")] filter: Option<
            MemberUnitFilter,
        >,
    ) -> ApiResult<Vec<RuleCompliance>> {
        let db = ctx.data::<DatabaseConnection>()?;
        let units = filter.unwrap_or_default().condition();
        let rules = alliance_compliance(actor(ctx), db, units, year).await?;
        Ok(rules
            .into_iter()
            .map(|r| RuleCompliance {
                rule: r.rule,
                applicable: r.applicable,
                met: r.applicable - r.not_met.len() as i64,
                not_met: r.not_met,
            })
            .collect())
    }
}
