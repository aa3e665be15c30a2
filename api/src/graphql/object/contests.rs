//! Skills contests, the teacher-ability contest and research projects (`docs/people.md`,
//! Contests and research).

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{ContestAward, ContestKind, ContestLevel, ContestantKind, ResearchStatus};
use entity::{contest, contest_entry, contest_event, contest_unit_award, research_project};

use super::plan::unit;
use super::{MemberUnit, Student, StudentView, Teacher};
use crate::graphql::connection::{Cursor, TotalCount};
use crate::graphql::error::ApiResult;
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::graphql::scalar::{Date, DateTime};

/// A page of contests.
pub type ContestConnection = Connection<Cursor, Contest, TotalCount, EmptyFields>;
/// A page of contest entries.
pub type ContestEntryConnection = Connection<Cursor, ContestEntry, TotalCount, EmptyFields>;
/// A page of research projects.
pub type ResearchProjectConnection = Connection<Cursor, ResearchProject, TotalCount, EmptyFields>;

async fn teacher(ctx: &Context<'_>, id: Option<uuid::Uuid>) -> ApiResult<Option<Teacher>> {
    match id {
        Some(id) => super::people::teacher(ctx, id).await,
        None => Ok(None),
    }
}

/// A contest.
pub struct Contest(pub contest::Model);

/// A skills contest (技能兴威 职业技能大赛, Ten Measures (5)) or the yearly teacher-ability contest
/// (教师职业能力大赛, Ten Measures (6)), with its events and the awards it gave members. Any account
/// but an evaluator's.
#[Object]
impl Contest {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Contest, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way).
    /// Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The series, e.g. `技能兴威`.
    async fn series(&self) -> &str {
        &self.0.series
    }
    /// Its name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// A skills contest or the teacher-ability contest.
    async fn kind(&self) -> ContestKind {
        self.0.kind
    }
    /// The level it is run at.
    async fn level(&self) -> ContestLevel {
        self.0.level
    }
    /// The year it is held in.
    async fn year(&self) -> i32 {
        self.0.year
    }
    /// Who organises it.
    async fn organiser(&self) -> &str {
        &self.0.organiser
    }
    /// Its first day.
    async fn held_on(&self) -> Date {
        self.0.held_on.into()
    }
    /// The notice announcing it (issuer, title, number).
    async fn document(&self) -> Option<&str> {
        self.0.document.as_deref()
    }
    /// Its events, in the order recorded (at most 200). Batched over the contests of a page.
    async fn events(&self, ctx: &Context<'_>) -> ApiResult<Vec<ContestEvent>> {
        Ok(ctx
            .data::<Loaders>()?
            .events_by_contest
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(ContestEvent)
            .collect())
    }
    /// The awards it gave member units (优秀组织奖 …), in the order given (at most 200).
    /// Batched over the contests of a page.
    async fn unit_awards(&self, ctx: &Context<'_>) -> ApiResult<Vec<ContestUnitAward>> {
        Ok(ctx
            .data::<Loaders>()?
            .awards_by_contest
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(ContestUnitAward)
            .collect())
    }
}

/// An event of a contest.
pub struct ContestEvent(pub contest_event::Model);

/// One event (赛项) of a contest: a trade and who competes in it.
#[Object]
impl ContestEvent {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::ContestEvent, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way).
    /// Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The contest.
    async fn contest(&self, ctx: &Context<'_>) -> ApiResult<Option<Contest>> {
        contest_of(ctx, self.0.contest_id).await
    }
    /// The trade or event name (工种 / 赛项).
    async fn trade(&self) -> &str {
        &self.0.trade
    }
    /// Who competes: students, teachers or workers.
    async fn contestant_kind(&self) -> ContestantKind {
        self.0.contestant_kind
    }
}

async fn contest_of(ctx: &Context<'_>, id: uuid::Uuid) -> ApiResult<Option<Contest>> {
    if !actor(ctx).reads_shared() {
        return Ok(None);
    }
    Ok(ctx
        .data::<Loaders>()?
        .contest
        .load_one(id)
        .await?
        .map(Contest))
}

/// An award a contest gave a member unit.
pub struct ContestUnitAward(pub contest_unit_award::Model);

/// An award a contest gave a member unit (Ten Measures (5): "对大赛中取得优异成绩的…单位予以奖励").
#[Object]
impl ContestUnitAward {
    /// The member unit honoured.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.unit_id).await
    }
    /// The award's title, e.g. `优秀组织奖`.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// When it was recorded (UTC).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

/// A contest entry.
pub struct ContestEntry(pub contest_entry::Model);

/// A member's contestant in one event, the coach and the result. Entries and results are read by
/// any account but an evaluator's; who the contestant is — a student's or a worker's name — only
/// by the entering member's staff and the secretariat (a teacher of the pool: by anyone who reads
/// the pool).
#[Object]
impl ContestEntry {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::ContestEntry, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way).
    /// Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The contest.
    async fn contest(&self, ctx: &Context<'_>) -> ApiResult<Option<Contest>> {
        contest_of(ctx, self.0.contest_id).await
    }
    /// The event.
    async fn event(&self, ctx: &Context<'_>) -> ApiResult<Option<ContestEvent>> {
        Ok(ctx
            .data::<Loaders>()?
            .contest_event
            .load_one(self.0.event_id)
            .await?
            .map(ContestEvent))
    }
    /// The member that entered the contestant.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.unit_id).await
    }
    /// Whether the contestant is a student, a teacher or a worker.
    async fn contestant_kind(&self) -> ContestantKind {
        self.0.contestant_kind
    }
    /// Whether the caller may see who the contestant is (`contestantName` and `student` are null
    /// otherwise): a student or worker for the entering member's staff and the secretariat; a
    /// teacher of the pool for any reader of the pool.
    async fn contestant_visible(&self, ctx: &Context<'_>) -> bool {
        crate::people::reads_contestant(actor(ctx), &self.0)
    }
    /// The contestant's name: a student's or a worker's only for the entering member's staff and
    /// the secretariat; a teacher's for any reader of the pool. Null otherwise.
    async fn contestant_name(&self, ctx: &Context<'_>) -> ApiResult<Option<String>> {
        if !crate::people::reads_contestant(actor(ctx), &self.0) {
            return Ok(None);
        }
        let loaders = ctx.data::<Loaders>()?;
        Ok(match self.0.contestant_kind {
            ContestantKind::Worker => self.0.worker_name.clone(),
            ContestantKind::Student => match self.0.student_id {
                Some(s) => loaders.student(s).await?.map(|s| s.name.clone()),
                None => None,
            },
            ContestantKind::Teacher => match self.0.teacher_id {
                Some(t) => loaders.teacher.load_one(t).await?.map(|t| t.name),
                None => None,
            },
        })
    }
    /// The student, for a student event: the entering school's staff and the secretariat only.
    async fn student(&self, ctx: &Context<'_>) -> ApiResult<Option<Student>> {
        let Some(s) = self.0.student_id else {
            return Ok(None);
        };
        if !crate::people::reads_contestant(actor(ctx), &self.0) {
            return Ok(None);
        }
        Ok(ctx
            .data::<Loaders>()?
            .student(s)
            .await?
            .map(|s| Student(s, StudentView::Full)))
    }
    /// The teacher, for a teacher event.
    async fn teacher(&self, ctx: &Context<'_>) -> ApiResult<Option<Teacher>> {
        teacher(ctx, self.0.teacher_id).await
    }
    /// The coach, when a teacher of the pool.
    async fn coach(&self, ctx: &Context<'_>) -> ApiResult<Option<Teacher>> {
        teacher(ctx, self.0.coach_teacher_id).await
    }
    /// The coach's name when not in the pool: the entering member's staff and the secretariat
    /// only.
    async fn coach_name(&self, ctx: &Context<'_>) -> Option<&str> {
        let a = actor(ctx);
        (a.is_secretariat() || a.unit() == Some(self.0.unit_id))
            .then_some(self.0.coach_name.as_deref())
            .flatten()
    }
    /// The rank reached; null when not ranked or not yet recorded.
    async fn rank(&self) -> Option<i32> {
        self.0.rank
    }
    /// The award; null when none or not yet recorded.
    async fn award(&self) -> Option<ContestAward> {
        self.0.award
    }
    /// Whether the coach was honoured (优秀指导教师 / 优秀教练).
    async fn coach_honoured(&self) -> bool {
        self.0.coach_honoured
    }
    /// When the result was recorded (UTC); null before.
    async fn result_at(&self) -> Option<DateTime> {
        self.0.result_at.map(Into::into)
    }
    /// When the member entered (UTC).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

/// A member's awards in the contests asked about.
#[derive(SimpleObject, Default, Clone)]
pub struct MedalTally {
    /// Its contestants' entries.
    pub entries: i64,
    /// Gold medals or first prizes.
    pub gold: i64,
    /// Silver medals or second prizes.
    pub silver: i64,
    /// Bronze medals or third prizes.
    pub bronze: i64,
    /// Medallions for excellence or honourable mentions.
    pub excellence: i64,
    /// Its entries whose coach was honoured.
    pub coach_honours: i64,
    /// Awards the contests gave the unit itself (优秀组织奖 …).
    pub unit_awards: i64,
}

impl MedalTally {
    /// The tally of one medal-table row and the unit's own awards.
    pub fn of(r: &crate::people::MedalRow, unit_awards: i64) -> Self {
        Self {
            entries: r.entries,
            gold: r.gold,
            silver: r.silver,
            bronze: r.bronze,
            excellence: r.excellence,
            coach_honours: r.coach_honours,
            unit_awards,
        }
    }
}

/// One member's line of the medal table.
pub struct MedalTableRow(pub uuid::Uuid, pub MedalTally);

/// One member's line of the medal table: its place and awards.
#[Object]
impl MedalTableRow {
    /// The member unit.
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0).await
    }
    /// Its awards.
    async fn tally(&self) -> &MedalTally {
        &self.1
    }
}

/// A research project.
pub struct ResearchProject(pub research_project::Model);

/// A school's research project in technical education and vocational training (科研课题, Ten
/// Measures (6)), from approval (立项) to conclusion (结题). Any account but an evaluator's.
#[Object]
impl ResearchProject {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::ResearchProject, self.0.id)
    }

    /// The record's audit trail, newest first (see `auditEvents`, scoped the same way).
    /// Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The school that carries it out.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.school_id).await
    }
    /// Its title.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// The year it was approved in.
    async fn year(&self) -> i32 {
        self.0.year
    }
    /// Who approved it.
    async fn approving_body(&self) -> &str {
        &self.0.approving_body
    }
    /// The approval document (issuer, title, number).
    async fn document(&self) -> &str {
        &self.0.document
    }
    /// The day it was approved.
    async fn approved_on(&self) -> Date {
        self.0.approved_on.into()
    }
    /// The leader (课题负责人).
    async fn leader(&self, ctx: &Context<'_>) -> ApiResult<Option<Teacher>> {
        teacher(ctx, Some(self.0.leader_teacher_id)).await
    }
    /// The members besides the leader (at most 30). Batched over the projects of a page.
    async fn members(&self, ctx: &Context<'_>) -> ApiResult<Vec<Teacher>> {
        if !actor(ctx).reads_shared() {
            return Ok(Vec::new());
        }
        let loaders = ctx.data::<Loaders>()?;
        let ids: Vec<uuid::Uuid> = loaders
            .members_by_project
            .load_one(self.0.id)
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(|m| m.teacher_id)
            .collect();
        let found = loaders.teacher.load_many(ids.iter().copied()).await?;
        Ok(ids
            .iter()
            .filter_map(|i| found.get(i).cloned().map(Teacher))
            .collect())
    }
    /// Where it stands.
    async fn status(&self) -> ResearchStatus {
        self.0.status
    }
    /// The day it concluded or was stopped; null while approved.
    async fn closed_on(&self) -> Option<Date> {
        self.0.closed_on.map(Into::into)
    }
    /// The outcome, or why it stopped.
    async fn outcome(&self) -> Option<&str> {
        self.0.outcome.as_deref()
    }
}
