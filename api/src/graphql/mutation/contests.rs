//! Contests, the teacher-ability contest and research projects (`docs/people.md`, Contests and
//! research).

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use entity::enums::{ContestAward, ContestKind, ContestLevel, ContestantKind, ResearchStatus};

use super::{db, input_id, opt_id, opt_unit};
use crate::graphql::error::{ApiError, ApiResult, UserError};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::NodeType;
use crate::graphql::object::{
    Contest, ContestEntry, ContestEvent, ContestUnitAward, ResearchProject,
};
use crate::graphql::scalar::Date;
use crate::people as p;

/// An event of `recordContest`.
#[derive(InputObject)]
pub struct ContestEventInput {
    /// The trade or event name (1–200 characters).
    pub trade: String,
    /// Who competes in it (a teacher-ability contest: TEACHER only).
    pub contestant_kind: ContestantKind,
}

/// Input of `recordContest`.
#[derive(InputObject)]
pub struct RecordContestInput {
    /// The series, e.g. `技能兴威` (1–100 characters).
    pub series: String,
    /// Its name (1–200 characters; unique per year).
    pub name: String,
    /// A skills contest or the teacher-ability contest.
    pub kind: ContestKind,
    /// Its level (the teacher-ability contest is run as MUNICIPAL_CLASS_1, Ten Measures (6)).
    pub level: ContestLevel,
    /// Who organises it (1–200 characters).
    pub organiser: String,
    /// Its first day; the contest's year is this day's (2000–2100).
    pub held_on: Date,
    /// The notice announcing it (issuer, title, number; at most 300 characters).
    pub document: Option<String>,
    /// Its events (at most 200).
    #[graphql(default)]
    pub events: Vec<ContestEventInput>,
}

/// Input of `addContestEvent`.
#[derive(InputObject)]
pub struct AddContestEventInput {
    /// The contest.
    pub contest_id: ID,
    /// The trade or event name (1–200 characters).
    pub trade: String,
    /// Who competes in it.
    pub contestant_kind: ContestantKind,
}

/// Input of `enterContest`: name the contestant the event's kind needs (a student, a teacher or
/// a worker's name) and nothing else.
#[derive(InputObject)]
pub struct EnterContestInput {
    /// The event.
    pub event_id: ID,
    /// The member entering: omitted by its staff (their own); required for the secretariat.
    pub unit_id: Option<ID>,
    /// The student, for a student event (the school's own).
    pub student_id: Option<ID>,
    /// The teacher, for a teacher event (the school's own, on its staff).
    pub teacher_id: Option<ID>,
    /// The worker's name, for a worker event (1–50 characters; entered by a member that is not a
    /// school).
    pub worker_name: Option<String>,
    /// The coach, a teacher of the pool.
    pub coach_teacher_id: Option<ID>,
    /// The coach's name, when not in the pool (at most 50 characters).
    pub coach_name: Option<String>,
}

/// Input naming a contest entry.
#[derive(InputObject)]
pub struct ContestEntryIdInput {
    /// The entry.
    pub id: ID,
}

/// Input of `recordContestResult`.
#[derive(InputObject)]
pub struct RecordContestResultInput {
    /// The entry.
    pub entry_id: ID,
    /// The rank reached (1–10,000); null when not ranked.
    pub rank: Option<i32>,
    /// The award; null for none.
    pub award: Option<ContestAward>,
    /// Whether the coach was honoured (优秀指导教师 / 优秀教练); only an entry with a coach.
    #[graphql(default)]
    pub coach_honoured: bool,
}

/// Input of `awardContestUnit`.
#[derive(InputObject)]
pub struct AwardContestUnitInput {
    /// The contest.
    pub contest_id: ID,
    /// The member unit honoured.
    pub unit_id: ID,
    /// The award's title, e.g. `优秀组织奖` (1–100 characters).
    pub title: String,
}

/// Input of `registerResearchProject`.
#[derive(InputObject)]
pub struct RegisterResearchProjectInput {
    /// The school: omitted by its staff (their own); required for the secretariat.
    pub school_id: Option<ID>,
    /// Its title (1–200 characters).
    pub title: String,
    /// Who approved it (1–200 characters), e.g. 威海市人力资源和社会保障局.
    pub approving_body: String,
    /// The approval document (issuer, title, number; 1–300 characters).
    pub document: String,
    /// The day it was approved (not after today); the project's year is this day's.
    pub approved_on: Date,
    /// The leader (课题负责人), a teacher of the school on its staff.
    pub leader_teacher_id: ID,
    /// The members besides the leader, teachers of the school on its staff (at most 30).
    #[graphql(default)]
    pub member_teacher_ids: Vec<ID>,
}

/// Input of `closeResearchProject`.
#[derive(InputObject)]
pub struct CloseResearchProjectInput {
    /// The project.
    pub id: ID,
    /// CONCLUDED (结题) or TERMINATED.
    pub status: ResearchStatus,
    /// The day (not after today, not before the approval).
    pub closed_on: Date,
    /// The outcome, or why it stopped (1–4,000 characters).
    pub outcome: String,
}

payload!(
    /// Result of `recordContest`.
    ContestPayload, contest: Contest
);
payload!(
    /// Result of `addContestEvent`.
    ContestEventPayload, contest_event: ContestEvent
);
payload!(
    /// Result of `enterContest`, `withdrawContestEntry` and `recordContestResult`.
    ContestEntryPayload, contest_entry: ContestEntry
);
payload!(
    /// Result of `awardContestUnit`.
    ContestUnitAwardPayload, contest_unit_award: ContestUnitAward
);
payload!(
    /// Result of the research-project mutations.
    ResearchProjectPayload, research_project: ResearchProject
);

#[derive(Default)]
pub struct ContestMutation;

#[Object]
impl ContestMutation {
    /// Records a contest with its events (Ten Measures (5), (6)): the secretariat
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `BLANK`, `TOO_LONG`, `TOO_LARGE`, `INVALID`
    /// (a year outside 2000–2100; a teacher-ability event not for teachers), `TAKEN`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn record_contest(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordContestInput`.")]
        input: RecordContestInput,
    ) -> ApiResult<ContestPayload> {
        screened!(ContestPayload, &input);
        let fields = p::ContestInput {
            series: input.series,
            name: input.name,
            kind: input.kind,
            level: input.level,
            organiser: input.organiser,
            held_on: input.held_on.into(),
            document: input.document,
            events: input
                .events
                .into_iter()
                .map(|e| (e.trade, e.contestant_kind))
                .collect(),
        };
        Ok(ContestPayload::from_outcome(
            p::record_contest(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            Contest,
        ))
    }

    /// Adds an event to a contest: the secretariat (`UNAUTHENTICATED`, `FORBIDDEN`); user
    /// errors: `NOT_FOUND`, `BLANK`, `INVALID`, `TAKEN`, `TOO_LARGE` (200 events already).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn add_contest_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `AddContestEventInput`.")]
        input: AddContestEventInput,
    ) -> ApiResult<ContestEventPayload> {
        screened!(ContestEventPayload, &input);
        let contest = bail_on!(
            ContestEventPayload,
            input_id(NodeType::Contest, &input.contest_id, "contestId")
        );
        Ok(ContestEventPayload::from_outcome(
            p::add_contest_event(
                actor(ctx),
                db(ctx)?,
                contest,
                input.trade,
                input.contestant_kind,
            )
            .await
            .map_err(ApiError::from)?,
            ContestEvent,
        ))
    }

    /// Enters a member's contestant in an event: the member's staff, or the secretariat naming
    /// it (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`, `BLANK` (the contestant the
    /// event needs), `INVALID` (a contestant of another kind; two coaches), `INVALID_TRANSITION`
    /// (results recorded), `TOO_LONG`, `TAKEN` (entered already).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn enter_contest(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `EnterContestInput`.")]
        input: EnterContestInput,
    ) -> ApiResult<ContestEntryPayload> {
        screened!(ContestEntryPayload, &input);
        let event = bail_on!(
            ContestEntryPayload,
            input_id(NodeType::ContestEvent, &input.event_id, "eventId")
        );
        let unit = bail_on!(ContestEntryPayload, opt_unit(&input.unit_id, "unitId"));
        let student = bail_on!(
            ContestEntryPayload,
            opt_id(NodeType::Student, &input.student_id, "studentId")
        );
        let teacher = bail_on!(
            ContestEntryPayload,
            opt_id(NodeType::Teacher, &input.teacher_id, "teacherId")
        );
        let coach = bail_on!(
            ContestEntryPayload,
            opt_id(NodeType::Teacher, &input.coach_teacher_id, "coachTeacherId")
        );
        let fields = p::EntryInput {
            event_id: event,
            unit_id: unit,
            student_id: student,
            teacher_id: teacher,
            worker_name: input.worker_name,
            coach_teacher_id: coach,
            coach_name: input.coach_name,
        };
        Ok(ContestEntryPayload::from_outcome(
            p::enter_contest(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            ContestEntry,
        ))
    }

    /// Withdraws an entry while its contest has no result: its member's staff or the secretariat
    /// (`UNAUTHENTICATED`); user errors: `NOT_FOUND`, `INVALID_TRANSITION` (the contest's results
    /// are recorded).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn withdraw_contest_entry(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ContestEntryIdInput`.")]
        input: ContestEntryIdInput,
    ) -> ApiResult<ContestEntryPayload> {
        let id = bail_on!(
            ContestEntryPayload,
            input_id(NodeType::ContestEntry, &input.id, "id")
        );
        Ok(ContestEntryPayload::from_outcome(
            p::withdraw_contest_entry(actor(ctx), db(ctx)?, id)
                .await
                .map_err(ApiError::from)?,
            ContestEntry,
        ))
    }

    /// Records or corrects an entry's result — rank, award, the coach's honour — once the
    /// contest has begun: the secretariat (`UNAUTHENTICATED`, `FORBIDDEN`); user errors:
    /// `NOT_FOUND`, `MUST_BE_POSITIVE` / `TOO_LARGE` rank, `INVALID` (no coach to honour),
    /// `INVALID_TRANSITION` (the contest begins after today).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn record_contest_result(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordContestResultInput`.")]
        input: RecordContestResultInput,
    ) -> ApiResult<ContestEntryPayload> {
        let entry = bail_on!(
            ContestEntryPayload,
            input_id(NodeType::ContestEntry, &input.entry_id, "entryId")
        );
        let fields = p::ResultInput {
            entry_id: entry,
            rank: input.rank,
            award: input.award,
            coach_honoured: input.coach_honoured,
        };
        Ok(ContestEntryPayload::from_outcome(
            p::record_contest_result(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            ContestEntry,
        ))
    }

    /// Gives a member unit an award of a contest (优秀组织奖 …; Ten Measures (5)): the secretariat
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`, `BLANK`, `TOO_LONG`, `TAKEN`,
    /// `TOO_LARGE` (200 awards already).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn award_contest_unit(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `AwardContestUnitInput`.")]
        input: AwardContestUnitInput,
    ) -> ApiResult<ContestUnitAwardPayload> {
        screened!(ContestUnitAwardPayload, &input);
        let contest = bail_on!(
            ContestUnitAwardPayload,
            input_id(NodeType::Contest, &input.contest_id, "contestId")
        );
        let unit = bail_on!(
            ContestUnitAwardPayload,
            input_id(NodeType::MemberUnit, &input.unit_id, "unitId")
        );
        Ok(ContestUnitAwardPayload::from_outcome(
            p::award_contest_unit(actor(ctx), db(ctx)?, contest, unit, input.title)
                .await
                .map_err(ApiError::from)?,
            ContestUnitAward,
        ))
    }

    /// Records a school's approved research project (立项; Ten Measures (6)) with its leader and
    /// members: the school's staff, or the secretariat naming it (`UNAUTHENTICATED`,
    /// `FORBIDDEN`); user errors: `BLANK`, `TOO_LONG`, `TOO_LARGE`, `NOT_FOUND`, `NOT_A_SCHOOL`,
    /// `INVALID`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn register_research_project(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RegisterResearchProjectInput`.")]
        input: RegisterResearchProjectInput,
    ) -> ApiResult<ResearchProjectPayload> {
        screened!(ResearchProjectPayload, &input);
        let school = bail_on!(
            ResearchProjectPayload,
            opt_unit(&input.school_id, "schoolId")
        );
        let leader = bail_on!(
            ResearchProjectPayload,
            input_id(
                NodeType::Teacher,
                &input.leader_teacher_id,
                "leaderTeacherId"
            )
        );
        let mut members = Vec::with_capacity(input.member_teacher_ids.len());
        for m in &input.member_teacher_ids {
            members.push(bail_on!(
                ResearchProjectPayload,
                input_id(NodeType::Teacher, m, "memberTeacherIds")
            ));
        }
        let fields = p::ResearchInput {
            school_id: school,
            title: input.title,
            approving_body: input.approving_body,
            document: input.document,
            approved_on: input.approved_on.into(),
            leader_teacher_id: leader,
            member_teacher_ids: members,
        };
        Ok(ResearchProjectPayload::from_outcome(
            p::register_research_project(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            ResearchProject,
        ))
    }

    /// Records that a project concluded (结题) or was stopped: the school's staff or the
    /// secretariat (`UNAUTHENTICATED`); user errors: `NOT_FOUND`, `INVALID`,
    /// `INVALID_TRANSITION`, `BLANK`, `TOO_LONG`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn close_research_project(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CloseResearchProjectInput`.")]
        input: CloseResearchProjectInput,
    ) -> ApiResult<ResearchProjectPayload> {
        screened!(ResearchProjectPayload, &input);
        let id = bail_on!(
            ResearchProjectPayload,
            input_id(NodeType::ResearchProject, &input.id, "id")
        );
        Ok(ResearchProjectPayload::from_outcome(
            p::close_research_project(
                actor(ctx),
                db(ctx)?,
                id,
                input.status,
                input.closed_on.into(),
                input.outcome,
            )
            .await
            .map_err(ApiError::from)?,
            ResearchProject,
        ))
    }
}
