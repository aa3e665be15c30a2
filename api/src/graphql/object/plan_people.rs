//! The plan's people and activities: career mentors and their classes, apprenticeships, events.

use crate::graphql::scalar::{Date, DateTime};
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{ApprenticeshipMode, ApprenticeshipStatus, EventKind};
use entity::{apprenticeship, career_mentor, event};

use super::MemberUnit;
use super::plan::unit;
use crate::graphql::error::ApiResult;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;

/// A career-planning class a mentor taught.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct CareerClass {
    /// Date.
    pub held_on: Date,
    /// The row the field resolves from (not in the schema).
    #[graphql(skip)]
    pub school_id: uuid::Uuid,
}

#[async_graphql::ComplexObject]
impl CareerClass {
    /// The school.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.school_id).await
    }
}

/// A unit's part in an event.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct EventUnit {
    /// Organiser or participant.
    pub role: entity::enums::EventRole,
    /// When the unit confirmed its part; null until it does (the event counts for no one's
    /// compliance until every part is confirmed).
    pub confirmed_at: Option<DateTime>,
    /// The row the field resolves from (not in the schema).
    #[graphql(skip)]
    pub unit_id: uuid::Uuid,
}

#[async_graphql::ComplexObject]
impl EventUnit {
    /// The unit.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.unit_id).await
    }
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct CareerMentor(pub career_mentor::Model);

/// A firm's career mentor (职业规划导师, Founding notice 二(四)10): a senior technician or manager who
/// teaches career-planning classes.
#[Object]
impl CareerMentor {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::CareerMentor, self.0.id)
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
    /// Title as the firm writes it.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// What qualifies the mentor (Founding notice 二(四)10: a senior technician or a manager);
    /// null for mentors named before it was recorded.
    async fn qualification(&self) -> Option<entity::enums::MentorQualification> {
        self.0.qualification
    }
    /// The career classes the mentor taught.
    async fn classes(&self, ctx: &Context<'_>) -> ApiResult<Vec<CareerClass>> {
        let rows = ctx
            .data::<Loaders>()?
            .classes_by_mentor
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        Ok(rows
            .into_iter()
            .map(|c| CareerClass {
                held_on: c.held_on.into(),
                school_id: c.school_id,
            })
            .collect())
    }
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct Apprenticeship(pub apprenticeship::Model);

/// A new-style apprenticeship (企业新型学徒制, Founding notice 二(三)7): a new or transferred employee
/// trained jointly by the firm and a school with dual mentors. Seen by the firm, the school and
/// the secretariat.
#[Object]
impl Apprenticeship {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Apprenticeship, self.0.id)
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
    /// The partner school.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.school_id).await
    }
    /// The apprentice.
    async fn apprentice_name(&self) -> &str {
        &self.0.apprentice_name
    }
    /// Hire date.
    async fn hire_date(&self) -> Date {
        self.0.hire_date.into()
    }
    /// Post.
    async fn post(&self) -> &str {
        &self.0.post
    }
    /// The firm's mentor.
    async fn firm_mentor(&self) -> &str {
        &self.0.firm_mentor
    }
    /// The school's mentor.
    async fn school_mentor(&self) -> &str {
        &self.0.school_mentor
    }
    /// Mode.
    async fn mode(&self) -> ApprenticeshipMode {
        self.0.mode
    }
    /// First day.
    async fn start_date(&self) -> Date {
        self.0.start_date.into()
    }
    /// Planned last day (required on create; null only on records from before it was).
    async fn end_date(&self) -> Option<Date> {
        self.0.end_date.map(Into::into)
    }
    /// Status: ACTIVE, then COMPLETED (`completeApprenticeship`) or TERMINATED
    /// (`terminateApprenticeship`).
    async fn status(&self) -> ApprenticeshipStatus {
        self.0.status
    }
    /// The actual last day, once COMPLETED or TERMINATED; null while ACTIVE.
    async fn ended_on(&self) -> Option<Date> {
        self.0.ended_on.map(Into::into)
    }
    /// Why it was TERMINATED; null otherwise.
    async fn termination_reason(&self) -> Option<&str> {
        self.0.termination_reason.as_deref()
    }
    /// Overdue: still ACTIVE after its planned last day (UTC date), or ACTIVE with no planned last
    /// day recorded. The firm completes it, terminates it or corrects its `endDate`; the
    /// secretariat finds these with `apprenticeships(overdue: true)` (an apprenticeship never stays
    /// ACTIVE forever).
    async fn overdue(&self) -> bool {
        crate::plan::is_overdue(&self.0, chrono::Utc::now().date_naive())
    }
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct Event(pub event::Model);

/// A yearly activity the plan requires (Founding notice 二(四)9–11): campus visits, parents' visits,
/// enterprise weeks, job-recommendation events, career classes, skills competitions.
#[Object]
impl Event {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Event, self.0.id)
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
    async fn kind(&self) -> EventKind {
        self.0.kind
    }
    /// Date.
    async fn held_on(&self) -> Date {
        self.0.held_on.into()
    }
    /// Title.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// Participants (persons).
    async fn participants_count(&self) -> Option<i32> {
        self.0.participants_count
    }
    /// Notes.
    async fn notes(&self) -> Option<&str> {
        self.0.notes.as_deref()
    }
    /// The organising and participating units.
    async fn units(&self, ctx: &Context<'_>) -> ApiResult<Vec<EventUnit>> {
        let rows = ctx
            .data::<Loaders>()?
            .units_by_event
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        Ok(rows
            .into_iter()
            .map(|u| EventUnit {
                role: u.role,
                confirmed_at: u.confirmed_at.map(Into::into),
                unit_id: u.unit_id,
            })
            .collect())
    }
}
