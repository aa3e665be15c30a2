//! The council's and committees' records: meetings with resolutions, and work plans
//! (`docs/committees.md`, The council).

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use entity::enums::{ResolutionStatus, WorkPlanStatus};
use sea_orm::DatabaseConnection;

use super::{input_id, longer};
use crate::committees::{self as c, MeetingInput, PlanItemInput, ResolutionInput};
use crate::graphql::error::{ApiError, ApiResult, UserError};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::NodeType;
use crate::graphql::object::{CommitteeMeeting, Resolution, WorkPlanItem};
use crate::graphql::scalar::Date;

/// A resolution taken at a meeting.
#[derive(InputObject)]
pub struct MeetingResolutionInput {
    /// What was resolved (1–2,000 characters).
    pub text: String,
    /// The member unit that carries it out.
    pub owner_unit_id: Option<ID>,
    /// The committee that carries it out.
    pub owner_committee_id: Option<ID>,
    /// When it is due.
    pub due_on: Option<Date>,
}

/// Input of `recordMeeting`.
#[derive(InputObject)]
pub struct RecordMeetingInput {
    /// The body that met: the council, the standing council or a committee.
    pub committee_id: ID,
    /// The day it met (in 2000–2100).
    pub held_on: Date,
    /// Title (1–200 characters).
    pub title: String,
    /// The agenda (at most 4,000 characters).
    #[graphql(default)]
    pub agenda: String,
    /// The member units present (at most 500).
    #[graphql(default)]
    pub attendee_ids: Vec<ID>,
    /// The resolutions taken, in order (at most 50).
    #[graphql(default)]
    pub resolutions: Vec<MeetingResolutionInput>,
}

/// Input of `setResolutionStatus`.
#[derive(InputObject)]
pub struct SetResolutionStatusInput {
    /// The resolution.
    pub id: ID,
    /// Its new status.
    pub status: ResolutionStatus,
}

/// Input of `addWorkPlanItem`.
#[derive(InputObject)]
pub struct AddWorkPlanItemInput {
    /// The committee whose plan it is.
    pub committee_id: ID,
    /// The plan's year (2000–2100).
    pub year: i32,
    /// Title (1–200 characters).
    pub title: String,
    /// Description (at most 4,000 characters).
    #[graphql(default)]
    pub description: String,
    /// When it is due.
    pub due_on: Option<Date>,
}

/// Input of `setWorkPlanItemStatus`.
#[derive(InputObject)]
pub struct SetWorkPlanItemStatusInput {
    /// The item.
    pub id: ID,
    /// Its new status.
    pub status: WorkPlanStatus,
}

/// Input of `setAllianceCalendar`.
#[derive(InputObject)]
pub struct SetAllianceCalendarInput {
    /// When the spring term starts, `MM-DD` (a day of every year: not `02-29`).
    pub spring_term_starts: String,
    /// When the autumn term starts, `MM-DD`, after the spring term's.
    pub autumn_term_starts: String,
}

payload!(
    /// Result of `setAllianceCalendar`.
    SetAllianceCalendarPayload, alliance: crate::graphql::object::Alliance
);
/// Input of `recordCultureCorridor`.
#[derive(InputObject)]
pub struct RecordCultureCorridorInput {
    /// The school: omitted by school staff (their own); required for the secretariat.
    pub school_id: Option<ID>,
    /// The day it opened (not after today).
    pub opened_on: Date,
    /// Where it is on campus (1–200 characters).
    pub location: String,
    /// What it shows (at most 4,000 characters).
    #[graphql(default)]
    pub content: String,
}

payload!(
    /// Result of `recordCultureCorridor`.
    RecordCultureCorridorPayload, culture_corridor: crate::graphql::object::CultureCorridor
);
payload!(
    /// Result of `recordMeeting`.
    RecordMeetingPayload, meeting: CommitteeMeeting
);
payload!(
    /// Result of `setResolutionStatus`.
    SetResolutionStatusPayload, resolution: Resolution
);
payload!(
    /// Result of `addWorkPlanItem` and `setWorkPlanItemStatus`.
    WorkPlanItemPayload, work_plan_item: WorkPlanItem
);

#[derive(Default)]
pub struct CouncilMutation;

#[Object]
impl CouncilMutation {
    /// Records a meeting of the council, the standing council or a committee, with the units
    /// present and the resolutions taken (each OPEN). Secretariat only (`UNAUTHENTICATED`,
    /// `FORBIDDEN`); user errors: `NOT_FOUND` committee, attendee or owner, `INVALID` date,
    /// `BLANK` title or resolution text, `TOO_LONG`, `TOO_LARGE`. One transaction.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn record_meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordMeetingInput`.")]
        input: RecordMeetingInput,
    ) -> ApiResult<RecordMeetingPayload> {
        screened!(RecordMeetingPayload, &input);
        if let Some(e) = longer("agenda", &input.agenda, 4_000) {
            return Ok(RecordMeetingPayload::failed(vec![e]));
        }
        let committee = bail_on!(
            RecordMeetingPayload,
            input_id(NodeType::Committee, &input.committee_id, "committeeId")
        );
        let mut attendees = Vec::with_capacity(input.attendee_ids.len().min(c::MAX_ATTENDEES + 1));
        for (n, id) in input
            .attendee_ids
            .iter()
            .take(c::MAX_ATTENDEES + 1)
            .enumerate()
        {
            attendees.push(bail_on!(
                RecordMeetingPayload,
                input_id(NodeType::MemberUnit, id, &format!("attendeeIds.{n}"))
            ));
        }
        let mut resolutions =
            Vec::with_capacity(input.resolutions.len().min(c::MAX_RESOLUTIONS + 1));
        for (n, r) in input
            .resolutions
            .into_iter()
            .take(c::MAX_RESOLUTIONS + 1)
            .enumerate()
        {
            if let Some(e) = longer(&format!("resolutions.{n}.text"), &r.text, 2_000) {
                return Ok(RecordMeetingPayload::failed(vec![e]));
            }
            let owner_unit = match &r.owner_unit_id {
                Some(id) => Some(bail_on!(
                    RecordMeetingPayload,
                    input_id(
                        NodeType::MemberUnit,
                        id,
                        &format!("resolutions.{n}.ownerUnitId")
                    )
                )),
                None => None,
            };
            let owner_committee = match &r.owner_committee_id {
                Some(id) => Some(bail_on!(
                    RecordMeetingPayload,
                    input_id(
                        NodeType::Committee,
                        id,
                        &format!("resolutions.{n}.ownerCommitteeId")
                    )
                )),
                None => None,
            };
            resolutions.push(ResolutionInput {
                text: r.text,
                owner_unit_id: owner_unit,
                owner_committee_id: owner_committee,
                due_on: r.due_on.map(Into::into),
            });
        }
        let db = ctx.data::<DatabaseConnection>()?;
        let fields = MeetingInput {
            committee_id: committee,
            held_on: input.held_on.into(),
            title: input.title,
            agenda: input.agenda,
            attendee_ids: attendees,
            resolutions,
        };
        Ok(RecordMeetingPayload::from_outcome(
            c::record_meeting(actor(ctx), db, fields)
                .await
                .map_err(ApiError::from)?,
            CommitteeMeeting,
        ))
    }

    /// Sets the alliance's calendar: when its spring and autumn terms start, against which the
    /// per-term duties (Founding notice 二(四)9) are measured. Secretariat only
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `INVALID` day or order.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn set_alliance_calendar(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `SetAllianceCalendarInput`.")]
        input: SetAllianceCalendarInput,
    ) -> ApiResult<SetAllianceCalendarPayload> {
        screened!(SetAllianceCalendarPayload, &input);
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(SetAllianceCalendarPayload::from_outcome(
            c::set_calendar(
                actor(ctx),
                db,
                &input.spring_term_starts,
                &input.autumn_term_starts,
            )
            .await
            .map_err(ApiError::from)?,
            crate::graphql::object::Alliance,
        ))
    }

    /// Records a school's enterprise-culture corridor (Founding notice 二(四)9), replacing an
    /// earlier record: the school's staff for their own school, or the secretariat naming it
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `BLANK` school or location, `NOT_FOUND`,
    /// `NOT_A_SCHOOL`, `INVALID` date, `TOO_LONG`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn record_culture_corridor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordCultureCorridorInput`.")]
        input: RecordCultureCorridorInput,
    ) -> ApiResult<RecordCultureCorridorPayload> {
        screened!(RecordCultureCorridorPayload, &input);
        if let Some(e) = longer("content", &input.content, 4_000) {
            return Ok(RecordCultureCorridorPayload::failed(vec![e]));
        }
        let school = match &input.school_id {
            Some(id) => Some(bail_on!(
                RecordCultureCorridorPayload,
                input_id(NodeType::MemberUnit, id, "schoolId")
            )),
            None => None,
        };
        let db = ctx.data::<DatabaseConnection>()?;
        let fields = c::CorridorInput {
            school_id: school,
            opened_on: input.opened_on.into(),
            location: input.location,
            content: input.content,
        };
        Ok(RecordCultureCorridorPayload::from_outcome(
            c::record_corridor(actor(ctx), db, fields)
                .await
                .map_err(ApiError::from)?,
            crate::graphql::object::CultureCorridor,
        ))
    }

    /// Sets a resolution's status: the secretariat, or the staff of the committee that owns it
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn set_resolution_status(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `SetResolutionStatusInput`.")]
        input: SetResolutionStatusInput,
    ) -> ApiResult<SetResolutionStatusPayload> {
        let id = bail_on!(
            SetResolutionStatusPayload,
            input_id(NodeType::Resolution, &input.id, "id")
        );
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(SetResolutionStatusPayload::from_outcome(
            c::set_resolution_status(actor(ctx), db, id, input.status)
                .await
                .map_err(ApiError::from)?,
            Resolution,
        ))
    }

    /// Adds an item (PLANNED) to a committee's work plan for a year: the secretariat or the
    /// committee's staff (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND` committee,
    /// `INVALID` year, `BLANK` title, `TOO_LONG`, `TOO_LARGE` (200 items a year).
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn add_work_plan_item(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `AddWorkPlanItemInput`.")]
        input: AddWorkPlanItemInput,
    ) -> ApiResult<WorkPlanItemPayload> {
        screened!(WorkPlanItemPayload, &input);
        if let Some(e) = longer("description", &input.description, 4_000) {
            return Ok(WorkPlanItemPayload::failed(vec![e]));
        }
        let committee = bail_on!(
            WorkPlanItemPayload,
            input_id(NodeType::Committee, &input.committee_id, "committeeId")
        );
        let db = ctx.data::<DatabaseConnection>()?;
        let fields = PlanItemInput {
            committee_id: committee,
            year: input.year,
            title: input.title,
            description: input.description,
            due_on: input.due_on.map(Into::into),
        };
        Ok(WorkPlanItemPayload::from_outcome(
            c::add_plan_item(actor(ctx), db, fields)
                .await
                .map_err(ApiError::from)?,
            WorkPlanItem,
        ))
    }

    /// Sets a work-plan item's status: the secretariat or the committee's staff
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn set_work_plan_item_status(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `SetWorkPlanItemStatusInput`.")]
        input: SetWorkPlanItemStatusInput,
    ) -> ApiResult<WorkPlanItemPayload> {
        let id = bail_on!(
            WorkPlanItemPayload,
            input_id(NodeType::WorkPlanItem, &input.id, "id")
        );
        let db = ctx.data::<DatabaseConnection>()?;
        Ok(WorkPlanItemPayload::from_outcome(
            c::set_plan_item_status(actor(ctx), db, id, input.status)
                .await
                .map_err(ApiError::from)?,
            WorkPlanItem,
        ))
    }
}
