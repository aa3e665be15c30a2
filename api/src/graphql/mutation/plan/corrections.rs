//! Corrections, archives and withdrawals of the plan's records (`docs/domain.md`, Correcting and archiving): `update…` mutations
//! (partial: an absent field is left as it is, `null` clears a nullable one), `archive…`,
//! `withdrawCraftsmanAssignment`, and the end of an apprenticeship. Each is allowed to whoever
//! may create the record (`FORBIDDEN` otherwise) and answers the same payload as the create.

use async_graphql::{Context, Object};

use super::super::{input_id, touch};
use super::{
    ApprenticeshipPayload, CareerMentorPayload, CraftsmanAssignmentPayload, CraftsmanPayload,
    EventPayload, TeacherPracticeStationPayload, TrainingSitePayload, db,
};
use crate::graphql::error::ApiResult;
use crate::graphql::guard::actor;
use crate::graphql::id::NodeType;
use crate::graphql::input::{
    ArchiveInput, CompleteApprenticeshipInput, TerminateApprenticeshipInput,
    UpdateApprenticeshipInput, UpdateCareerMentorInput, UpdateCraftsmanInput, UpdateEventInput,
    UpdateTeacherPracticeStationInput, UpdateTrainingSiteInput,
};
use crate::graphql::object::{
    Apprenticeship, CareerMentor, Craftsman, CraftsmanAssignment, Event, TeacherPracticeStation,
    TrainingSite,
};
use crate::plan::{
    self as domain, ApprenticeshipPatch, CraftsmanPatch, Ending, EventPatch, MentorPatch,
    SitePatch, StationPatch,
};

/// The mutations of this module.
#[derive(Default)]
pub struct CorrectionMutation;

#[Object]
impl CorrectionMutation {
    /// Corrects a training site: its host's staff or the secretariat (`FORBIDDEN` otherwise).
    /// Kind, host and partners stay. User errors: `NOT_FOUND`, `BLANK`, `MUST_BE_NON_NEGATIVE`,
    /// `TOO_LONG`.
    async fn update_training_site(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `UpdateTrainingSiteInput`.")]
        input: UpdateTrainingSiteInput,
    ) -> ApiResult<TrainingSitePayload> {
        screened!(TrainingSitePayload, &input);
        let id = bail_on!(
            TrainingSitePayload,
            input_id(NodeType::TrainingSite, &input.id, "id")
        );
        let p = SitePatch {
            name: input.name,
            address: touch(input.address),
            district: touch(input.district),
            specialties: input.specialties,
            student_capacity: touch(input.student_capacity),
            production_lines: touch(input.production_lines),
            opened_on: touch(input.opened_on).map(|d| d.map(Into::into)),
            status: input.status,
        };
        Ok(TrainingSitePayload::from_outcome(
            domain::update_site(db(ctx)?, actor(ctx), id, p).await?,
            TrainingSite,
        ))
    }

    /// Archives a training site (closed for good, or recorded by mistake): its host's staff or the
    /// secretariat. Kept and readable by `node()`; hidden from lists unless `includeArchived`;
    /// counts for no compliance rule. `INVALID_TRANSITION` when already archived.
    async fn archive_training_site(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ArchiveInput`.")] input: ArchiveInput,
    ) -> ApiResult<TrainingSitePayload> {
        let id = bail_on!(
            TrainingSitePayload,
            input_id(NodeType::TrainingSite, &input.id, "id")
        );
        Ok(TrainingSitePayload::from_outcome(
            domain::archive_site(db(ctx)?, actor(ctx), id).await?,
            TrainingSite,
        ))
    }

    /// Corrects a teacher practice station: its host's staff or the secretariat (`FORBIDDEN`
    /// otherwise). Posts are set with `offerPracticePosts` (0 corrects a wrong offer). User
    /// errors: `NOT_FOUND`, `BLANK`, `TOO_LONG`.
    async fn update_teacher_practice_station(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `UpdateTeacherPracticeStationInput`.")]
        input: UpdateTeacherPracticeStationInput,
    ) -> ApiResult<TeacherPracticeStationPayload> {
        screened!(TeacherPracticeStationPayload, &input);
        let id = bail_on!(
            TeacherPracticeStationPayload,
            input_id(NodeType::TeacherPracticeStation, &input.id, "id")
        );
        let p = StationPatch {
            name: input.name,
            specialties: input.specialties,
            address: touch(input.address),
            contact_person: touch(input.contact_person),
            contact_phone: touch(input.contact_phone),
        };
        Ok(TeacherPracticeStationPayload::from_outcome(
            domain::update_station(db(ctx)?, actor(ctx), id, p).await?,
            TeacherPracticeStation,
        ))
    }

    /// Archives a teacher practice station: its host's staff or the secretariat. Its posts and
    /// stints are kept; it offers no more posts and counts no more for
    /// `PRACTICE_STATION_WITH_POSTS`. `INVALID_TRANSITION` when already archived.
    async fn archive_teacher_practice_station(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ArchiveInput`.")] input: ArchiveInput,
    ) -> ApiResult<TeacherPracticeStationPayload> {
        let id = bail_on!(
            TeacherPracticeStationPayload,
            input_id(NodeType::TeacherPracticeStation, &input.id, "id")
        );
        Ok(TeacherPracticeStationPayload::from_outcome(
            domain::archive_station(db(ctx)?, actor(ctx), id).await?,
            TeacherPracticeStation,
        ))
    }

    /// Corrects a craftsman of a firm's pool: the firm's staff or the secretariat (`FORBIDDEN`
    /// otherwise). User errors: `NOT_FOUND`, `BLANK`, `TOO_LONG`.
    async fn update_craftsman(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `UpdateCraftsmanInput`.")]
        input: UpdateCraftsmanInput,
    ) -> ApiResult<CraftsmanPayload> {
        screened!(CraftsmanPayload, &input);
        let id = bail_on!(
            CraftsmanPayload,
            input_id(NodeType::Craftsman, &input.id, "id")
        );
        let p = CraftsmanPatch {
            name: input.name,
            skill_level: touch(input.skill_level),
            specialties: input.specialties,
            availability: touch(input.availability),
            phone: touch(input.phone),
        };
        Ok(CraftsmanPayload::from_outcome(
            domain::update_craftsman(db(ctx)?, actor(ctx), id, p).await?,
            Craftsman,
        ))
    }

    /// Archives a craftsman who left the pool: the firm's staff or the secretariat. The
    /// assignments are kept; no new one may be recorded. `INVALID_TRANSITION` when already
    /// archived.
    async fn archive_craftsman(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ArchiveInput`.")] input: ArchiveInput,
    ) -> ApiResult<CraftsmanPayload> {
        let id = bail_on!(
            CraftsmanPayload,
            input_id(NodeType::Craftsman, &input.id, "id")
        );
        Ok(CraftsmanPayload::from_outcome(
            domain::archive_craftsman(db(ctx)?, actor(ctx), id).await?,
            Craftsman,
        ))
    }

    /// Withdraws a craftsman assignment: the school that recorded it or the secretariat
    /// (`FORBIDDEN` otherwise). Kept with `withdrawnAt`; it no longer stands and the firm can no
    /// longer answer it. `INVALID_TRANSITION` when already withdrawn.
    async fn withdraw_craftsman_assignment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ArchiveInput`.")] input: ArchiveInput,
    ) -> ApiResult<CraftsmanAssignmentPayload> {
        let id = bail_on!(
            CraftsmanAssignmentPayload,
            input_id(NodeType::CraftsmanAssignment, &input.id, "id")
        );
        Ok(CraftsmanAssignmentPayload::from_outcome(
            domain::withdraw_assignment(db(ctx)?, actor(ctx), id).await?,
            CraftsmanAssignment::from,
        ))
    }

    /// Corrects a firm's career mentor: the firm's staff or the secretariat (`FORBIDDEN`
    /// otherwise). User errors: `NOT_FOUND`, `BLANK`, `TOO_LONG`.
    async fn update_career_mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `UpdateCareerMentorInput`.")]
        input: UpdateCareerMentorInput,
    ) -> ApiResult<CareerMentorPayload> {
        screened!(CareerMentorPayload, &input);
        let id = bail_on!(
            CareerMentorPayload,
            input_id(NodeType::CareerMentor, &input.id, "id")
        );
        let p = MentorPatch {
            name: input.name,
            title: input.title,
            qualification: input.qualification,
        };
        Ok(CareerMentorPayload::from_outcome(
            domain::update_career_mentor(db(ctx)?, actor(ctx), id, p).await?,
            CareerMentor,
        ))
    }

    /// Archives a firm's career mentor: the firm's staff or the secretariat. The firm's
    /// `CAREER_MENTOR` is unmet until `setCareerMentor` names one again. `INVALID_TRANSITION`
    /// when already archived.
    async fn archive_career_mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ArchiveInput`.")] input: ArchiveInput,
    ) -> ApiResult<CareerMentorPayload> {
        let id = bail_on!(
            CareerMentorPayload,
            input_id(NodeType::CareerMentor, &input.id, "id")
        );
        Ok(CareerMentorPayload::from_outcome(
            domain::archive_career_mentor(db(ctx)?, actor(ctx), id).await?,
            CareerMentor,
        ))
    }

    /// Corrects an apprenticeship's facts: the firm's staff or the secretariat (`FORBIDDEN`
    /// otherwise, the partner school included). User errors: `NOT_FOUND`, `BLANK`, `INVALID`
    /// (last day before the first), `TOO_LONG`.
    async fn update_apprenticeship(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `UpdateApprenticeshipInput`.")]
        input: UpdateApprenticeshipInput,
    ) -> ApiResult<ApprenticeshipPayload> {
        screened!(ApprenticeshipPayload, &input);
        let id = bail_on!(
            ApprenticeshipPayload,
            input_id(NodeType::Apprenticeship, &input.id, "id")
        );
        let p = ApprenticeshipPatch {
            apprentice_name: input.apprentice_name,
            hire_date: input.hire_date.map(Into::into),
            post: input.post,
            firm_mentor: input.firm_mentor,
            school_mentor: input.school_mentor,
            mode: input.mode,
            start_date: input.start_date.map(Into::into),
            end_date: input.end_date.map(Into::into),
        };
        Ok(ApprenticeshipPayload::from_outcome(
            domain::update_apprenticeship(db(ctx)?, actor(ctx), id, p).await?,
            Apprenticeship,
        ))
    }

    /// Completes an ACTIVE apprenticeship on its actual last day: the firm's staff or the
    /// secretariat. User errors: `NOT_FOUND`, `INVALID_TRANSITION` (not ACTIVE), `INVALID` (last
    /// day before the first, or after today).
    async fn complete_apprenticeship(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CompleteApprenticeshipInput`.")]
        input: CompleteApprenticeshipInput,
    ) -> ApiResult<ApprenticeshipPayload> {
        let id = bail_on!(
            ApprenticeshipPayload,
            input_id(NodeType::Apprenticeship, &input.id, "id")
        );
        let r = domain::end_apprenticeship(
            db(ctx)?,
            actor(ctx),
            id,
            input.end_date.into(),
            Ending::Completed,
        )
        .await?;
        Ok(ApprenticeshipPayload::from_outcome(r, Apprenticeship))
    }

    /// Ends an ACTIVE apprenticeship early (TERMINATED), with the reason: the firm's staff or the
    /// secretariat. User errors: `NOT_FOUND`, `INVALID_TRANSITION` (not ACTIVE), `INVALID` (last
    /// day before the first, or after today), `BLANK` (no reason).
    async fn terminate_apprenticeship(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `TerminateApprenticeshipInput`.")]
        input: TerminateApprenticeshipInput,
    ) -> ApiResult<ApprenticeshipPayload> {
        screened!(ApprenticeshipPayload, &input);
        let id = bail_on!(
            ApprenticeshipPayload,
            input_id(NodeType::Apprenticeship, &input.id, "id")
        );
        let r = domain::end_apprenticeship(
            db(ctx)?,
            actor(ctx),
            id,
            input.end_date.into(),
            Ending::Terminated(input.reason),
        )
        .await?;
        Ok(ApprenticeshipPayload::from_outcome(r, Apprenticeship))
    }

    /// Corrects an event: staff of an organiser or the secretariat (`FORBIDDEN` otherwise). A new
    /// kind or date withdraws the other units' confirmations (they confirm again). User errors:
    /// `NOT_FOUND`, `BLANK`, `MUST_BE_NON_NEGATIVE`, `TOO_LONG`.
    async fn update_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `UpdateEventInput`.")] input: UpdateEventInput,
    ) -> ApiResult<EventPayload> {
        screened!(EventPayload, &input);
        let id = bail_on!(EventPayload, input_id(NodeType::Event, &input.id, "id"));
        let p = EventPatch {
            kind: input.kind,
            held_on: input.held_on.map(Into::into),
            title: input.title,
            participants_count: touch(input.participants_count),
            notes: touch(input.notes),
        };
        Ok(EventPayload::from_outcome(
            domain::update_event(db(ctx)?, actor(ctx), id, p).await?,
            Event,
        ))
    }

    /// Archives (withdraws) an event that did not take place or was recorded by mistake: staff of
    /// an organiser or the secretariat. It counts for no one's compliance. `INVALID_TRANSITION`
    /// when already archived.
    async fn archive_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ArchiveInput`.")] input: ArchiveInput,
    ) -> ApiResult<EventPayload> {
        let id = bail_on!(EventPayload, input_id(NodeType::Event, &input.id, "id"));
        Ok(EventPayload::from_outcome(
            domain::archive_event(db(ctx)?, actor(ctx), id).await?,
            Event,
        ))
    }
}
