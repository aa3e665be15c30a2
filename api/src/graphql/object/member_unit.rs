use crate::graphql::scalar::{Date, DateTime};
use crate::msg;
use async_graphql::connection::{Connection, ConnectionNameType, EdgeNameType, EmptyFields};
use async_graphql::{Context, ID, Object, OutputType};
use entity::enums::{
    CouncilRole, District, EventKind, EventRole, MemberUnitKind, SiteKind, UnitCategory,
};
use entity::member_unit;
use futures_util::FutureExt;
use std::sync::Arc;

use super::unit_edges as e;
use super::{
    ApprenticeshipConnection, Committee, CraftsmanConnection, EventConnection,
    InternshipPlacementConnection, OrderClassConnection, OrderClassDemandConnection, Seat,
    TeacherPracticeConnection, TeacherPracticeStationConnection, TrainingSiteConnection,
};
use crate::graphql::connection::{Cursor, Page, TotalCount};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::RoleGuard;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::input::{InternshipPlacementFilter, OrderClassDemandFilter, OrderClassFilter};
use crate::graphql::loader::{Loaders, prime_committees};

/// GraphQL object wrapping the entity model (shared: the loaders and the instance's cache hand
/// out the same row); see the schema description on the impl.
pub struct MemberUnit(pub Arc<member_unit::Model>);

impl From<member_unit::Model> for MemberUnit {
    fn from(model: member_unit::Model) -> Self {
        Self(Arc::new(model))
    }
}

/// Name of the connection of a unit's committees.
pub struct MemberUnitCommitteeConnectionName;
impl ConnectionNameType for MemberUnitCommitteeConnectionName {
    fn type_name<T: OutputType>() -> String {
        "MemberUnitCommitteeConnection".into()
    }
}
/// Name of the edge of a unit's committees.
pub struct MemberUnitCommitteeEdgeName;
impl EdgeNameType for MemberUnitCommitteeEdgeName {
    fn type_name<T: OutputType>() -> String {
        "MemberUnitCommitteeEdge".into()
    }
}

/// The committees a unit sits on; each edge carries the unit's seat (role, since).
pub type MemberUnitCommitteeConnection = Connection<
    Cursor,
    Committee,
    TotalCount,
    Seat,
    MemberUnitCommitteeConnectionName,
    MemberUnitCommitteeEdgeName,
>;

/// A page of member units (`memberUnits`).
pub type MemberUnitConnection = Connection<Cursor, MemberUnit, TotalCount, EmptyFields>;

/// A member unit (成员单位) of the alliance: a school, enterprise, agency, training body or
/// institution. The 177 founding members come from the Founding notice's annex (`docs/sources.md`).
/// Registry fields are public (the notice is published); contact fields need a token.
#[Object]
impl MemberUnit {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::MemberUnit, self.0.id)
    }

    /// The record's audit trail, newest first: who created and changed it, when, through which
    /// operation, and the fields changed (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "crate::graphql::guard::RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &async_graphql::Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> crate::graphql::error::ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after)
            .boxed()
            .await
    }

    /// Full registered name (单位名称), byte for byte as printed (full-width parentheses kept).
    /// Unique.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Position in the annex member list (1–177 for founding members; later members follow on).
    async fn list_order(&self) -> i32 {
        self.0.list_order
    }

    /// Kind of unit (`docs/domain.md` glossary).
    async fn kind(&self) -> MemberUnitKind {
        self.0.kind
    }

    /// Category derived from the kind: SCHOOL, ENTERPRISE or OTHER.
    async fn category(&self) -> UnitCategory {
        self.0.category
    }

    /// District (区市); null when no source states it.
    async fn district(&self) -> Option<District> {
        self.0.district
    }

    /// Unified social credit code (统一社会信用代码): 18 characters, GB 32100-2015; null when
    /// unknown.
    async fn uscc(&self) -> Option<&str> {
        self.0.uscc.as_deref()
    }

    /// Total staff (persons); null when unknown.
    async fn employee_count(&self) -> Option<i32> {
        self.0.employee_count
    }

    /// On the statistics bureau's above-designated-size list (规模以上企业): true or false as the
    /// secretariat recorded it; null = not known yet (the founding members start unknown: the
    /// Founding notice's annex says nothing about size). Recorded, never computed. The 2% rule
    /// (Weihai 2020 plan (十); Huancui task list, item 8) applies to firms on the list;
    /// `internshipPostCompliance` lists the firms whose size is unknown apart.
    async fn above_designated_size(&self) -> Option<bool> {
        self.0.above_designated_size
    }

    /// The secretariat's decision whether the unit may sponsor order classes (订单企业, Founding
    /// notice 二(三)6); null = not decided, the kind decides (see `maySponsor`).
    async fn may_sponsor_order_classes(&self) -> Option<bool> {
        self.0.may_sponsor_order_classes
    }

    /// Whether the unit may sponsor order classes now: the secretariat's decision
    /// (`maySponsorOrderClasses`) when made, else by kind — enterprises and HR-service agencies
    /// may, schools and other bodies not. A sponsor that may not is refused with
    /// `SPONSOR_NOT_ENTERPRISE` (Founding notice 二(三)6).
    async fn may_sponsor(&self) -> bool {
        crate::registry::may_sponsor_order_classes(&self.0)
    }

    /// The secretariat marked this unit, not an enterprise by kind (e.g. a training company,
    /// 有限公司), to carry a firm's commitments: it answers the firms' rules of `compliance`
    /// (Founding notice 二(一)3, 二(二)4, 二(四)10) and the 2% rule like an enterprise. False for
    /// unmarked units (enterprises carry them by kind).
    async fn carries_firm_commitments(&self) -> bool {
        self.0.carries_firm_commitments
    }

    /// Role on the council (理事会); null when none is recorded.
    async fn council_role(&self) -> Option<CouncilRole> {
        self.0.council_role
    }

    /// Contact person. Needs a token (`UNAUTHENTICATED` otherwise).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn contact_person(&self) -> Option<&str> {
        self.0.contact_person.as_deref()
    }

    /// Contact phone. Needs a token (`UNAUTHENTICATED` otherwise).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn contact_phone(&self) -> Option<&str> {
        self.0.contact_phone.as_deref()
    }

    /// Postal address. Needs a token (`UNAUTHENTICATED` otherwise).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn address(&self) -> Option<&str> {
        self.0.address.as_deref()
    }

    /// Date the unit joined (ISO 8601 date); 2026-07-01 for the founding members.
    async fn joined_on(&self) -> Option<Date> {
        self.0.joined_on.map(Into::into)
    }

    /// Where a seeded row came from (document, annex position); null for units added later.
    async fn source(&self) -> Option<&str> {
        self.0.source.as_deref()
    }

    /// When the row was created (UTC, RFC 3339).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }

    /// When the row was last changed (UTC, RFC 3339).
    async fn updated_at(&self) -> DateTime {
        self.0.updated_at.into()
    }

    /// The 2% rule for this firm in `year` (Weihai 2020 plan (十) and task 20; Huancui task list,
    /// item 8): the internship posts it declared it sets up (`offerInternshipPosts`) against 2%
    /// of its staff, with the placements it hosts and its order-class seats beside as evidence
    /// (not counted). Visible to the unit's own staff and the secretariat (`FORBIDDEN`
    /// otherwise); `BAD_USER_INPUT` for an impossible year.
    async fn internship_posts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year.")] year: i32,
    ) -> ApiResult<crate::graphql::query::InternshipPostsReport> {
        crate::graphql::query::internship_posts_of(ctx, &self.0, year)
            .boxed()
            .await
    }

    /// The member's standing against the plan's commitments in `year` (督导评估, Founding notice 三(三)):
    /// for a firm, a school-in-factory base, a practice station with posts, a career mentor, a
    /// campus visit; for a school, teachers sent to practise and a job-recommendation event. Each
    /// item with its evidence. Any authenticated caller.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::MEMBER_COMPLIANCE_COST + child_complexity"
    )]
    async fn compliance(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The year.")] year: i32,
    ) -> ApiResult<crate::graphql::query::MemberCompliance> {
        crate::graphql::query::compliance_of(ctx, &self.0, year)
            .boxed()
            .await
    }

    /// The committees the unit sits on, in committee order; each edge carries the seat's role.
    /// Loaded for all units of a page in one SQL statement.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn committees(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<MemberUnitCommitteeConnection> {
        let page = Page::new(first, after, last, before, "SEAT")?;
        let loaders = ctx.data::<Loaders>()?;
        let seats = loaders
            .seats_by_unit
            .load_one(self.0.id)
            .boxed()
            .await?
            .unwrap_or_default();
        let (rows, total) = page.slice(seats, |(seat, _)| seat.id);
        let ids: Vec<_> = rows.iter().map(|(_, c)| c.id).collect();
        prime_committees(loaders, &ctx.look_ahead(), &ids)
            .boxed()
            .await?;
        Ok(page.finish(rows, total, |(seat, committee)| {
            (
                Cursor {
                    order: "SEAT".into(),
                    key: serde_json::Value::Null,
                    id: seat.id,
                },
                Committee(committee),
                Seat::from(&seat),
            )
        }))
    }

    /// The order-class demands the firm posted or joined (联合订单), filtered and ordered as
    /// `orderClassDemands` (newest first) and scoped as it is: published demand for every signed-in
    /// caller, drafts for their firm and the secretariat. `role` picks one side (default: both).
    /// Loaded for all units of a page at once (two SQL statements). Errors: `UNAUTHENTICATED`,
    /// `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn order_class_demands(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Only demands the unit posted (POSTER) or joined (JOINER); both when null."
        )]
        role: Option<e::OrderClassDemandRole>,
        #[graphql(desc = "Which demands to return (as `orderClassDemands`).")] filter: Option<
            OrderClassDemandFilter,
        >,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<OrderClassDemandConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_demands(ctx, self.0.id, role, filter, page)
            .boxed()
            .await
    }

    /// The order classes the school runs or the firm sponsors, filtered and ordered as
    /// `orderClasses` (newest first). `role` picks one side (default: both). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn order_classes(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Only classes the unit runs (SCHOOL) or sponsors (SPONSOR); both when null."
        )]
        role: Option<e::OrderClassRole>,
        #[graphql(desc = "Which classes to return (as `orderClasses`).")] filter: Option<
            OrderClassFilter,
        >,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<OrderClassConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_order_classes(ctx, self.0.id, role, filter, page)
            .boxed()
            .await
    }

    /// The school's students, newest first. Personal data: the school itself, the firms
    /// sponsoring a student's order class (those students only) and the secretariat; empty for
    /// anyone else. Errors: `UNAUTHENTICATED`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn students(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Also the archived ones (hidden when false or null).",
            default_with = "Some(false)"
        )]
        include_archived: Option<bool>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<e::StudentConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_students(ctx, self.0.id, include_archived.unwrap_or(false), page)
            .boxed()
            .await
    }

    /// Internship placements (岗位实习) of the school's students or hosted by the unit, filtered
    /// and ordered as `internshipPlacements` (newest first) and scoped as it is: the school, the
    /// host, the secretariat. `role` picks one side (default: both). Errors: `UNAUTHENTICATED`,
    /// `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn internship_placements(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Only placements of the unit's students (SCHOOL) or hosted by it (HOST); both when null."
        )]
        role: Option<e::InternshipPlacementRole>,
        #[graphql(desc = "Which placements to return (as `internshipPlacements`).")] filter: Option<
            InternshipPlacementFilter,
        >,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<InternshipPlacementConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::placements(
            ctx,
            "MemberUnit.internshipPlacements",
            self.0.id,
            &e::placement_columns(role),
            filter,
            page,
        )
        .boxed()
        .await
    }

    /// The training sites (school-in-factory and factory-in-school bases, …) the unit hosts or
    /// partners, newest first, optionally of some kinds. `role` picks one side (default: both).
    /// Errors: `UNAUTHENTICATED`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn training_sites(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Only sites the unit hosts (HOST) or partners (PARTNER); both when null."
        )]
        role: Option<e::TrainingSiteRole>,
        #[graphql(desc = "Only these kinds.")] kinds: Option<Vec<SiteKind>>,
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
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_sites(
            ctx,
            self.0.id,
            role,
            kinds,
            include_archived.unwrap_or(false),
            page,
        )
        .boxed()
        .await
    }

    /// The firm's teacher practice stations (教师活动站), newest first. Errors: `UNAUTHENTICATED`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn teacher_practice_stations(
        &self,
        ctx: &Context<'_>,
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
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_stations(ctx, self.0.id, include_archived.unwrap_or(false), page)
            .boxed()
            .await
    }

    /// Teachers' practice stints of the school's teachers or at the firm's stations, newest first,
    /// scoped as `teacherPractices` (the school, the host firm, the secretariat). `role` picks one
    /// side (default: both). Errors: `UNAUTHENTICATED`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn teacher_practices(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Only stints of the unit's teachers (SCHOOL) or at its stations (HOST); both when null."
        )]
        role: Option<e::TeacherPracticeRole>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<TeacherPracticeConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_teacher_practices(ctx, self.0.id, role, page)
            .boxed()
            .await
    }

    /// The firm's craftsmen in the pool (兼职人才资源库), newest first. Errors: `UNAUTHENTICATED`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn craftsmen(
        &self,
        ctx: &Context<'_>,
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
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_craftsmen(ctx, self.0.id, include_archived.unwrap_or(false), page)
            .boxed()
            .await
    }

    /// The firm's career mentor (职业规划导师, Founding notice 二(四)10: one per firm, named with
    /// `setCareerMentor`); null when none is named, or when the mentor is archived unless
    /// `includeArchived`. Loaded for all units of a page at once. Errors: `UNAUTHENTICATED`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn career_mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Also an archived mentor (hidden when false or null).",
            default_with = "Some(false)"
        )]
        include_archived: Option<bool>,
    ) -> ApiResult<Option<super::CareerMentor>> {
        let page = Page::new(Some(1), None, None, None, "ID")?;
        let mentors =
            e::unit_career_mentors(ctx, self.0.id, include_archived.unwrap_or(false), page)
                .boxed()
                .await?;
        Ok(mentors.edges.into_iter().next().map(|edge| edge.node))
    }

    /// Apprenticeships (企业新型学徒制) the firm employs or the school partners, newest first,
    /// scoped as `apprenticeships` (the firm, the school, the secretariat). `role` picks one side
    /// (default: both). Errors: `UNAUTHENTICATED`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn apprenticeships(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Only apprenticeships the unit employs (FIRM) or partners (SCHOOL); both when null."
        )]
        role: Option<e::ApprenticeshipRole>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<ApprenticeshipConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_apprenticeships(ctx, self.0.id, role, page)
            .boxed()
            .await
    }

    /// Events the unit organised or took part in, newest first, optionally of some kinds or one
    /// year. `role` picks one side (default: both). Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`
    /// (impossible year).
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn events(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Only events the unit organised (ORGANISER) or took part in (PARTICIPANT); both when null."
        )]
        role: Option<EventRole>,
        #[graphql(desc = "Only these kinds.")] kinds: Option<Vec<EventKind>>,
        #[graphql(desc = "Only events held in this year.")] year: Option<i32>,
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
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_events(
            ctx,
            self.0.id,
            role,
            kinds,
            year,
            include_archived.unwrap_or(false),
            page,
        )
        .boxed()
        .await
    }

    /// The school's graduates' outcomes (毕业去向), newest first, optionally of one graduation
    /// year. The school and the secretariat only (empty for others). Errors: `UNAUTHENTICATED`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn graduate_outcomes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only graduates of this year.")] graduation_year: Option<i32>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<e::GraduateOutcomeConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        e::unit_outcomes(ctx, self.0.id, graduation_year, page)
            .boxed()
            .await
    }

    /// The people-and-platforms fields (`teachers`, `reserveCraftsmen`, `apprenticeshipBases`,
    /// `enterpriseCertifications`), flattened into this type.
    #[graphql(flatten)]
    async fn people(&self) -> super::unit_people::MemberUnitPeople {
        super::unit_people::MemberUnitPeople(self.0.id)
    }

    /// The contests, research and worker-training fields (`contestEntries`, `medals`,
    /// `researchProjects`, `trainingNeeds`, `trainingProjects`, `skillCertifications`),
    /// flattened into this type.
    #[graphql(flatten)]
    async fn training(&self) -> super::unit_training::MemberUnitTraining {
        super::unit_training::MemberUnitTraining(self.0.id)
    }

    /// Its enterprise-culture corridor (企业文化长廊, Founding notice 二(四)9), for a school that
    /// recorded one (`recordCultureCorridor`); any account but an evaluator's. One SQL statement.
    #[graphql(guard = "crate::graphql::guard::RoleGuard::Authenticated")]
    async fn culture_corridor(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Option<super::CultureCorridor>> {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let db = ctx.data::<sea_orm::DatabaseConnection>()?;
        Ok(entity::culture_corridor::Entity::find()
            .filter(entity::culture_corridor::Column::SchoolId.eq(self.0.id))
            .one(db)
            .boxed()
            .await?
            .map(super::CultureCorridor))
    }
}

impl MemberUnit {
    /// Wraps a model loaded by id, or `NOT_FOUND`.
    pub fn found(model: Option<Arc<member_unit::Model>>, id: &ID) -> Result<Self, ApiError> {
        model.map(Self).ok_or_else(|| {
            ApiError::NotFound(msg!(
                "id-not-found-of-type",
                type_name = "MemberUnit",
                id = id.as_str()
            ))
        })
    }
}
