use crate::graphql::scalar::{Date, DateTime};
use crate::msg;
use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{CraftsmanRole, District, SiteKind, SiteStatus};
use entity::{craftsman, practice_post, practice_station, teacher_practice, training_site};

use super::MemberUnit;
use super::plan_people::{Apprenticeship, Event};
use crate::auth::Actor;
use crate::graphql::connection::{Cursor, TotalCount};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::actor;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::text::split_list;

/// A page of training sites.
pub type TrainingSiteConnection = Connection<Cursor, TrainingSite, TotalCount, EmptyFields>;
/// A page of teacher practice stations.
pub type TeacherPracticeStationConnection =
    Connection<Cursor, TeacherPracticeStation, TotalCount, EmptyFields>;
/// A page of teacher practices.
pub type TeacherPracticeConnection = Connection<Cursor, TeacherPractice, TotalCount, EmptyFields>;
/// A page of craftsmen.
pub type CraftsmanConnection = Connection<Cursor, Craftsman, TotalCount, EmptyFields>;
/// A page of apprenticeships.
pub type ApprenticeshipConnection = Connection<Cursor, Apprenticeship, TotalCount, EmptyFields>;
/// A page of events.
pub type EventConnection = Connection<Cursor, Event, TotalCount, EmptyFields>;

pub(super) async fn unit(ctx: &Context<'_>, id: uuid::Uuid) -> ApiResult<Option<MemberUnit>> {
    Ok(ctx.data::<Loaders>()?.unit(id).await?.map(MemberUnit))
}

pub(super) fn involved(actor: &Actor, units: &[uuid::Uuid]) -> bool {
    actor.is_secretariat() || actor.unit().is_some_and(|u| units.contains(&u))
}

/// A partner unit of a training site, with its role.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct SitePartner {
    /// Its role (e.g. 提供生产订单).
    pub role: String,
    /// The row the field resolves from (not in the schema).
    #[graphql(skip)]
    pub unit_id: uuid::Uuid,
}

#[async_graphql::ComplexObject]
impl SitePartner {
    /// The partner unit.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.unit_id).await
    }
}

/// A workplace mentor (师傅) attached to a training site.
#[derive(SimpleObject)]
pub struct SiteMentor {
    /// Name.
    pub name: String,
    /// Title.
    pub title: Option<String>,
    /// Skill level, e.g. 高级技师.
    pub skill_level: Option<String>,
    /// Specialty.
    pub specialty: Option<String>,
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct TrainingSite(pub training_site::Model);

/// A training site (实训基地): 校中厂 (a firm's production line in a school, Founding notice 二(一)2),
/// 厂中校 (a firm's skills-training base in its workshop, 二(一)3), or a public or
/// industry-education training base (Ten Measures (3)). Visible to any authenticated caller.
#[Object]
impl TrainingSite {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::TrainingSite, self.0.id)
    }

    /// When the owner archived it (UTC, RFC 3339); null while in use. An archived record stays
    /// readable here and by `node()`, drops out of lists unless `includeArchived: true`, and counts
    /// for no compliance rule (`docs/domain.md`, Correcting and archiving).
    async fn archived_at(&self) -> Option<crate::graphql::scalar::DateTime> {
        self.0.archived_at.map(Into::into)
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
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }
    /// Kind.
    async fn kind(&self) -> SiteKind {
        self.0.kind
    }
    /// The host unit.
    async fn host(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.host_unit_id).await
    }
    /// Name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Address.
    async fn address(&self) -> Option<&str> {
        self.0.address.as_deref()
    }
    /// District.
    async fn district(&self) -> Option<District> {
        self.0.district
    }
    /// Specialties served.
    async fn specialties(&self) -> Vec<String> {
        split_list(&self.0.specialties)
    }
    /// Students it can take at once.
    async fn student_capacity(&self) -> Option<i32> {
        self.0.student_capacity
    }
    /// Production lines or projects.
    async fn production_lines(&self) -> Option<&str> {
        self.0.production_lines.as_deref()
    }
    /// Opened on (ISO 8601 date).
    async fn opened_on(&self) -> Option<Date> {
        self.0.opened_on.map(Into::into)
    }
    /// Status.
    async fn status(&self) -> SiteStatus {
        self.0.status
    }
    /// Partner units and their roles.
    async fn partners(&self, ctx: &Context<'_>) -> ApiResult<Vec<SitePartner>> {
        let rows = ctx
            .data::<Loaders>()?
            .partners_by_site
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        Ok(rows
            .into_iter()
            .map(|p| SitePartner {
                role: p.role,
                unit_id: p.unit_id,
            })
            .collect())
    }
    /// The internship placements that take place at the site (Founding notice 二(一)3: students
    /// intern at school-in-factory bases), filtered and ordered as `internshipPlacements` (newest
    /// first) and scoped as it is: the school, the host, the secretariat. Loaded for all sites of
    /// a page at once. Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "crate::graphql::guard::RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn internship_placements(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which placements to return (as `internshipPlacements`).")] filter: Option<
            crate::graphql::input::InternshipPlacementFilter,
        >,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<super::InternshipPlacementConnection> {
        let page = crate::graphql::connection::Page::new(first, after, last, before, "ID")?;
        super::unit_edges::placements(
            ctx,
            "TrainingSite.internshipPlacements",
            self.0.id,
            &[entity::internship_placement::Column::TrainingSiteId],
            filter,
            page,
        )
        .await
    }

    /// Mentors (师傅) assigned to the site.
    async fn mentors(&self, ctx: &Context<'_>) -> ApiResult<Vec<SiteMentor>> {
        let rows = ctx
            .data::<Loaders>()?
            .mentors_by_site
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        Ok(rows
            .into_iter()
            .map(|m| SiteMentor {
                name: m.name,
                title: m.title,
                skill_level: m.skill_level,
                specialty: m.specialty,
            })
            .collect())
    }
    /// When created (UTC, RFC 3339).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

/// Practice posts a station offers for one year and specialty.
#[derive(SimpleObject)]
pub struct PracticePosts {
    /// Year.
    pub year: i32,
    /// Specialty.
    pub specialty: String,
    /// Posts offered.
    pub posts: i32,
}

impl From<practice_post::Model> for PracticePosts {
    fn from(p: practice_post::Model) -> Self {
        Self {
            year: p.year,
            specialty: p.specialty,
            posts: p.posts,
        }
    }
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct TeacherPracticeStation(pub practice_station::Model);

/// A teacher practice station (教师活动站, Founding notice 二(二)4): a place in a firm where teachers
/// practise, with the posts it offers each year. The contact phone is seen only by the host and
/// the secretariat.
#[Object]
impl TeacherPracticeStation {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::TeacherPracticeStation, self.0.id)
    }

    /// When the owner archived it (UTC, RFC 3339); null while in use. An archived record stays
    /// readable here and by `node()`, drops out of lists unless `includeArchived: true`, and counts
    /// for no compliance rule (`docs/domain.md`, Correcting and archiving).
    async fn archived_at(&self) -> Option<crate::graphql::scalar::DateTime> {
        self.0.archived_at.map(Into::into)
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
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }
    /// The host firm.
    async fn host(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.host_unit_id).await
    }
    /// Name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Specialties.
    async fn specialties(&self) -> Vec<String> {
        split_list(&self.0.specialties)
    }
    /// Address.
    async fn address(&self) -> Option<&str> {
        self.0.address.as_deref()
    }
    /// Contact person.
    async fn contact_person(&self) -> Option<&str> {
        self.0.contact_person.as_deref()
    }
    /// Contact phone: the host and the secretariat only (`FORBIDDEN` otherwise).
    async fn contact_phone(&self, ctx: &Context<'_>) -> ApiResult<Option<&str>> {
        if !involved(actor(ctx), &[self.0.host_unit_id]) {
            return Err(ApiError::Forbidden(msg!("forbidden-phone")).into());
        }
        Ok(self.0.contact_phone.as_deref())
    }
    /// Posts offered, by year and specialty.
    async fn posts(&self, ctx: &Context<'_>) -> ApiResult<Vec<PracticePosts>> {
        let rows = ctx
            .data::<Loaders>()?
            .posts_by_station
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        Ok(rows.into_iter().map(PracticePosts::from).collect())
    }
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct TeacherPractice(pub teacher_practice::Model);

/// One teacher's stint at a practice station (教师入企实践), recorded by the teacher's school and
/// confirmed by the host. Seen by the school, the host and the secretariat.
#[Object]
impl TeacherPractice {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::TeacherPractice, self.0.id)
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
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }
    /// The teacher's school.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.school_id).await
    }
    /// The teacher, in the teacher pool (`null` only when the caller may not read the pool).
    async fn teacher(&self, ctx: &Context<'_>) -> ApiResult<Option<super::Teacher>> {
        super::people::teacher(ctx, self.0.teacher_id).await
    }
    /// The teacher's name.
    #[graphql(deprecation = "Read `teacher { name }`.")]
    async fn teacher_name(&self, ctx: &Context<'_>) -> ApiResult<Option<String>> {
        Ok(super::people::teacher(ctx, self.0.teacher_id)
            .await?
            .map(|t| t.0.name))
    }
    /// Specialty.
    async fn specialty(&self) -> &str {
        &self.0.specialty
    }
    /// Whether the teacher was dual-qualified (双师型) when the stint was recorded: the school's
    /// statement on bookings made before the teacher pool, the teaching-staff committee's
    /// certification since. The teacher's status now is `teacher { dualQualified }`.
    async fn dual_qualified(&self) -> bool {
        self.0.dual_qualified
    }
    /// First day.
    async fn start_date(&self) -> Date {
        self.0.start_date.into()
    }
    /// Last day.
    async fn end_date(&self) -> Date {
        self.0.end_date.into()
    }
    /// Days on site.
    async fn days_on_site(&self) -> i32 {
        self.0.days_on_site
    }
    /// What was practised.
    async fn practised(&self) -> Option<&str> {
        self.0.practised.as_deref()
    }
    /// The firm's assessment.
    async fn assessment(&self) -> Option<&str> {
        self.0.assessment.as_deref()
    }
    /// When the host confirmed (UTC, RFC 3339); set at once when the secretariat recorded the
    /// stint. Only confirmed stints count for the school's compliance.
    async fn host_confirmed_at(&self) -> Option<DateTime> {
        self.0.host_confirmed_at.map(Into::into)
    }
    /// When the host declined the booking (UTC, RFC 3339); a declined booking holds no post and
    /// counts for nothing.
    async fn declined_at(&self) -> Option<DateTime> {
        self.0.declined_at.map(Into::into)
    }
    /// Why the host declined.
    async fn decline_reason(&self) -> Option<&str> {
        self.0.decline_reason.as_deref()
    }
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct Craftsman(pub craftsman::Model);

/// An expert or craftsman a firm lends to schools (兼职人才资源库, 工匠入校, Founding notice 二(二)5). The
/// phone is seen only by the firm and the secretariat.
#[Object]
impl Craftsman {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Craftsman, self.0.id)
    }

    /// When the owner archived it (UTC, RFC 3339); null while in use. An archived record stays
    /// readable here and by `node()`, drops out of lists unless `includeArchived: true`, and counts
    /// for no compliance rule (`docs/domain.md`, Correcting and archiving).
    async fn archived_at(&self) -> Option<crate::graphql::scalar::DateTime> {
        self.0.archived_at.map(Into::into)
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
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }
    /// The firm.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.unit_id).await
    }
    /// Name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Skill level.
    async fn skill_level(&self) -> Option<&str> {
        self.0.skill_level.as_deref()
    }
    /// Specialties.
    async fn specialties(&self) -> Vec<String> {
        split_list(&self.0.specialties)
    }
    /// Availability.
    async fn availability(&self) -> Option<&str> {
        self.0.availability.as_deref()
    }
    /// Its assignments to schools.
    async fn assignments(&self, ctx: &Context<'_>) -> ApiResult<Vec<CraftsmanAssignment>> {
        let rows = ctx
            .data::<Loaders>()?
            .assignments_by_craftsman
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        Ok(rows.into_iter().map(CraftsmanAssignment::from).collect())
    }

    /// Phone: the firm and the secretariat only (`FORBIDDEN` otherwise).
    async fn phone(&self, ctx: &Context<'_>) -> ApiResult<Option<&str>> {
        if !involved(actor(ctx), &[self.0.unit_id]) {
            return Err(ApiError::Forbidden(msg!("forbidden-phone")).into());
        }
        Ok(self.0.phone.as_deref())
    }
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct CraftsmanAssignment(pub entity::craftsman_assignment::Model);

/// A craftsman's assignment to a school (工匠入校, Founding notice 二(二)5). The school proposes it;
/// it stands once the craftsman's firm confirms it (`confirmCraftsmanAssignment`) or when the
/// secretariat recorded it, and is void once the firm declines it. Seen by every signed-in
/// caller, as the craftsman is.
#[Object]
impl CraftsmanAssignment {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::CraftsmanAssignment, self.0.id)
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
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }
    /// The craftsman.
    async fn craftsman(&self, ctx: &Context<'_>) -> ApiResult<Option<Craftsman>> {
        Ok(ctx
            .data::<Loaders>()?
            .craftsman
            .load_one(self.0.craftsman_id)
            .await?
            .map(Craftsman))
    }
    /// The school.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.school_id).await
    }
    /// Role at the school.
    async fn role(&self) -> CraftsmanRole {
        self.0.role
    }
    /// Term, e.g. 2026-2027-1.
    async fn term(&self) -> &str {
        &self.0.term
    }
    /// Hours.
    async fn hours(&self) -> i32 {
        self.0.hours
    }
    /// When the craftsman's firm confirmed (UTC, RFC 3339); null while proposed or declined.
    async fn confirmed_at(&self) -> Option<DateTime> {
        self.0.confirmed_at.map(Into::into)
    }
    /// When the craftsman's firm declined (UTC, RFC 3339); null unless declined.
    async fn declined_at(&self) -> Option<DateTime> {
        self.0.declined_at.map(Into::into)
    }
    /// When the school (or the secretariat) withdrew the assignment (UTC, RFC 3339); null unless
    /// withdrawn (`withdrawCraftsmanAssignment`). A withdrawn assignment no longer stands.
    async fn withdrawn_at(&self) -> Option<DateTime> {
        self.0.withdrawn_at.map(Into::into)
    }
}

impl From<entity::craftsman_assignment::Model> for CraftsmanAssignment {
    fn from(a: entity::craftsman_assignment::Model) -> Self {
        Self(a)
    }
}
