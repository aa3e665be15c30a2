use async_graphql::{Context, ID, Object, SimpleObject};
use uuid::Uuid;

use super::{db, input_id, opt_unit};

pub(super) mod corrections;
use crate::graphql::error::{ApiError, ApiResult, UserError, user_errors};
use crate::graphql::guard::actor;
use crate::graphql::id::NodeType;
use crate::graphql::input::AddCraftsmanInput;
use crate::graphql::input::AddSiteMentorInput;
use crate::graphql::input::AssignCraftsmanInput;
use crate::graphql::input::ConfirmEventInput;
use crate::graphql::input::ConfirmTeacherPracticeInput;
use crate::graphql::input::CraftsmanAssignmentIdInput;
use crate::graphql::input::CreateApprenticeshipInput;
use crate::graphql::input::CreateTeacherPracticeStationInput;
use crate::graphql::input::CreateTrainingSiteInput;
use crate::graphql::input::DeclineTeacherPracticeInput;
use crate::graphql::input::OfferPracticePostsInput;
use crate::graphql::input::RecordCareerClassInput;
use crate::graphql::input::RecordEventInput;
use crate::graphql::input::RecordTeacherPracticeInput;
use crate::graphql::input::SetCareerMentorInput;
use crate::graphql::object::{
    Apprenticeship, CareerMentor, Craftsman, CraftsmanAssignment, Event, TeacherPractice,
    TeacherPracticeStation, TrainingSite,
};
use crate::msg;
use crate::plan::{self as domain, ApprenticeshipInput, EventInput, PracticeInput, SiteInput};

/// A member unit's global ID in input (`INVALID` / `NOT_FOUND` user errors).
fn unit(id: &ID, field: &str) -> Result<Uuid, UserError> {
    input_id(NodeType::MemberUnit, id, field)
}

payload!(
    /// Result of `createTrainingSite`, `updateTrainingSite` and `archiveTrainingSite`.
    TrainingSitePayload, training_site: TrainingSite
);
payload!(
    /// Result of `createTeacherPracticeStation`, `offerPracticePosts`,
    /// `updateTeacherPracticeStation` and `archiveTeacherPracticeStation`.
    TeacherPracticeStationPayload, teacher_practice_station: TeacherPracticeStation
);
payload!(
    /// Result of `recordTeacherPractice`, `confirmTeacherPractice` and `declineTeacherPractice`.
    TeacherPracticePayload, teacher_practice: TeacherPractice
);
payload!(
    /// Result of `addCraftsman`, `updateCraftsman` and `archiveCraftsman`.
    CraftsmanPayload, craftsman: Craftsman
);
payload!(
    /// Result of `assignCraftsman`, `confirmCraftsmanAssignment`, `declineCraftsmanAssignment` and
    /// `withdrawCraftsmanAssignment`.
    CraftsmanAssignmentPayload, craftsman_assignment: CraftsmanAssignment
);
payload!(
    /// Result of `setCareerMentor`, `updateCareerMentor` and `archiveCareerMentor`.
    CareerMentorPayload, career_mentor: CareerMentor
);
payload!(
    /// Result of `createApprenticeship`, `updateApprenticeship`, `completeApprenticeship` and
    /// `terminateApprenticeship`.
    ApprenticeshipPayload, apprenticeship: Apprenticeship
);
payload!(
    /// Result of `recordEvent`, `confirmEvent`, `updateEvent` and `archiveEvent`.
    EventPayload, event: Event
);

/// Result of `addSiteMentor` and `recordCareerClass`: whether it was recorded.
#[derive(SimpleObject)]
pub struct RecordedPayload {
    /// True when recorded; false when `userErrors` is not empty.
    pub recorded: bool,
    /// What was wrong with the input; nothing was written.
    pub user_errors: Vec<UserError>,
}

impl RecordedPayload {
    fn from_outcome<T>(outcome: crate::error::Outcome<T>) -> Self {
        match outcome {
            Ok(_) => Self {
                recorded: true,
                user_errors: Vec::new(),
            },
            Err(violations) => Self::failed(user_errors(violations)),
        }
    }

    fn failed(user_errors: Vec<UserError>) -> Self {
        Self {
            recorded: false,
            user_errors,
        }
    }
}

/// `confirmCraftsmanAssignment` (`accept`) and `declineCraftsmanAssignment`: the firm's answer.
async fn answer_assignment(
    ctx: &Context<'_>,
    input: CraftsmanAssignmentIdInput,
    accept: bool,
) -> ApiResult<CraftsmanAssignmentPayload> {
    screened!(CraftsmanAssignmentPayload, &input);
    let id = bail_on!(
        CraftsmanAssignmentPayload,
        input_id(NodeType::CraftsmanAssignment, &input.id, "id")
    );
    Ok(CraftsmanAssignmentPayload::from_outcome(
        domain::answer_assignment(db(ctx)?, actor(ctx), id, accept).await?,
        CraftsmanAssignment::from,
    ))
}

#[derive(Default)]
pub struct PlanMutation;

#[Object]
impl PlanMutation {
    /// Creates a training site (校中厂, 厂中校, or a public or industry-education base). Staff of the
    /// host unit, or the secretariat naming it.
    async fn create_training_site(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CreateTrainingSiteInput`.")]
        input: CreateTrainingSiteInput,
    ) -> ApiResult<TrainingSitePayload> {
        screened!(TrainingSitePayload, &input);
        let host = bail_on!(
            TrainingSitePayload,
            opt_unit(&input.host_unit_id, "hostUnitId")
        );
        let mut partners = Vec::new();
        for (i, p) in input.partners.iter().enumerate() {
            partners.push((
                bail_on!(
                    TrainingSitePayload,
                    unit(&p.unit_id, &format!("partners.{i}.unitId"))
                ),
                p.role.clone(),
            ));
        }
        let s = SiteInput {
            kind: input.kind,
            host_unit_id: host,
            name: input.name,
            address: input.address,
            district: input.district,
            specialties: input.specialties,
            student_capacity: input.student_capacity,
            production_lines: input.production_lines,
            opened_on: input.opened_on.map(Into::into),
            status: input.status,
            partners,
        };
        Ok(TrainingSitePayload::from_outcome(
            domain::create_site(db(ctx)?, actor(ctx), s).await?,
            TrainingSite,
        ))
    }

    /// Attaches a mentor (师傅) to a training site. The site's host or the secretariat.
    async fn add_site_mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `AddSiteMentorInput`.")]
        input: AddSiteMentorInput,
    ) -> ApiResult<RecordedPayload> {
        screened!(RecordedPayload, &input);
        let site = bail_on!(
            RecordedPayload,
            input_id(NodeType::TrainingSite, &input.site_id, "siteId")
        );
        let r = domain::add_site_mentor(
            db(ctx)?,
            actor(ctx),
            site,
            input.name,
            input.title,
            input.skill_level,
            input.specialty,
        )
        .await?;
        Ok(RecordedPayload::from_outcome(r))
    }

    /// Creates a teacher practice station (教师活动站) hosted by the caller's firm (or, for the
    /// secretariat, the firm it names).
    async fn create_teacher_practice_station(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CreateTeacherPracticeStationInput`.")] input: CreateTeacherPracticeStationInput,
    ) -> ApiResult<TeacherPracticeStationPayload> {
        screened!(TeacherPracticeStationPayload, &input);
        let host = bail_on!(
            TeacherPracticeStationPayload,
            opt_unit(&input.host_unit_id, "hostUnitId")
        );
        let r = domain::create_station(
            db(ctx)?,
            actor(ctx),
            host,
            input.name,
            input.specialties,
            input.address,
            input.contact_person,
            input.contact_phone,
        )
        .await?;
        Ok(TeacherPracticeStationPayload::from_outcome(
            r,
            TeacherPracticeStation,
        ))
    }

    /// Sets the practice posts a station offers for a year and specialty. The host or the
    /// secretariat.
    async fn offer_practice_posts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `OfferPracticePostsInput`.")]
        input: OfferPracticePostsInput,
    ) -> ApiResult<TeacherPracticeStationPayload> {
        screened!(TeacherPracticeStationPayload, &input);
        let station = bail_on!(
            TeacherPracticeStationPayload,
            input_id(
                NodeType::TeacherPracticeStation,
                &input.station_id,
                "stationId"
            )
        );
        let db = db(ctx)?;
        let r = domain::offer_posts(
            db,
            actor(ctx),
            station,
            input.year,
            input.specialty,
            input.posts,
        )
        .await?;
        let r = match r {
            Ok(_) => {
                use sea_orm::EntityTrait;
                match entity::practice_station::Entity::find_by_id(station)
                    .one(db)
                    .await
                    .map_err(ApiError::from)?
                {
                    Some(s) => Ok(s),
                    None => return Err(ApiError::NotFound(msg!("not-found-station")).into()),
                }
            }
            Err(e) => Err(e),
        };
        Ok(TeacherPracticeStationPayload::from_outcome(
            r,
            TeacherPracticeStation,
        ))
    }

    /// Records a teacher's practice at a station. The teacher's school (or the secretariat naming
    /// it); `NO_PRACTICE_POST_LEFT` when the station's posts for that year and specialty are taken.
    async fn record_teacher_practice(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordTeacherPracticeInput`.")]
        input: RecordTeacherPracticeInput,
    ) -> ApiResult<TeacherPracticePayload> {
        screened!(TeacherPracticePayload, &input);
        let station = bail_on!(
            TeacherPracticePayload,
            input_id(
                NodeType::TeacherPracticeStation,
                &input.station_id,
                "stationId"
            )
        );
        let school = bail_on!(
            TeacherPracticePayload,
            opt_unit(&input.school_id, "schoolId")
        );
        let teacher = match (&input.teacher_id, input.teacher_name) {
            (Some(id), _) => domain::TeacherRef::Id(bail_on!(
                TeacherPracticePayload,
                input_id(NodeType::Teacher, id, "teacherId")
            )),
            (None, Some(name)) => domain::TeacherRef::Name(name),
            (None, None) => {
                return Ok(TeacherPracticePayload::failed(vec![UserError::on(
                    "teacherId",
                    crate::graphql::error::UserErrorCode::Blank,
                    crate::msg!("field-blank", field = "teacherId"),
                )]));
            }
        };
        let p = PracticeInput {
            station_id: station,
            school_id: school,
            teacher,
            specialty: input.specialty,
            start_date: input.start_date.into(),
            end_date: input.end_date.into(),
            days_on_site: input.days_on_site,
            practised: input.practised,
        };
        Ok(TeacherPracticePayload::from_outcome(
            domain::record_practice(db(ctx)?, actor(ctx), p).await?,
            TeacherPractice,
        ))
    }

    /// The station's host confirms a teacher's practice with its assessment.
    async fn confirm_teacher_practice(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ConfirmTeacherPracticeInput`.")]
        input: ConfirmTeacherPracticeInput,
    ) -> ApiResult<TeacherPracticePayload> {
        screened!(TeacherPracticePayload, &input);
        let id = bail_on!(
            TeacherPracticePayload,
            input_id(NodeType::TeacherPractice, &input.id, "id")
        );
        Ok(TeacherPracticePayload::from_outcome(
            domain::confirm_practice(db(ctx)?, actor(ctx), id, input.assessment).await?,
            TeacherPractice,
        ))
    }

    /// The station's host (or the secretariat) declines a booking it never agreed to, with a
    /// reason: the post is free again and the stint counts for nothing. `INVALID_TRANSITION` once
    /// confirmed; `FORBIDDEN` for anyone else.
    async fn decline_teacher_practice(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `DeclineTeacherPracticeInput`.")]
        input: DeclineTeacherPracticeInput,
    ) -> ApiResult<TeacherPracticePayload> {
        screened!(TeacherPracticePayload, &input);
        let id = bail_on!(
            TeacherPracticePayload,
            input_id(NodeType::TeacherPractice, &input.id, "id")
        );
        Ok(TeacherPracticePayload::from_outcome(
            domain::decline_practice(db(ctx)?, actor(ctx), id, input.reason).await?,
            TeacherPractice,
        ))
    }

    /// Adds a craftsman to the caller's firm's pool (兼职人才资源库).
    async fn add_craftsman(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `AddCraftsmanInput`.")]
        input: AddCraftsmanInput,
    ) -> ApiResult<CraftsmanPayload> {
        screened!(CraftsmanPayload, &input);
        let firm = bail_on!(CraftsmanPayload, opt_unit(&input.unit_id, "unitId"));
        let r = domain::add_craftsman(
            db(ctx)?,
            actor(ctx),
            firm,
            input.name,
            input.skill_level,
            input.specialties,
            input.availability,
            input.phone,
        )
        .await?;
        Ok(CraftsmanPayload::from_outcome(r, Craftsman))
    }

    /// Records a craftsman's assignment to the caller's school as a part-time teacher or
    /// internship supervisor (工匠入校).
    async fn assign_craftsman(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `AssignCraftsmanInput`.")]
        input: AssignCraftsmanInput,
    ) -> ApiResult<CraftsmanAssignmentPayload> {
        screened!(CraftsmanAssignmentPayload, &input);
        let craftsman = bail_on!(
            CraftsmanAssignmentPayload,
            input_id(NodeType::Craftsman, &input.craftsman_id, "craftsmanId")
        );
        let school = bail_on!(
            CraftsmanAssignmentPayload,
            opt_unit(&input.school_id, "schoolId")
        );
        let r = domain::assign_craftsman(
            db(ctx)?,
            actor(ctx),
            craftsman,
            school,
            input.role,
            input.term,
            input.hours,
        )
        .await?;
        Ok(CraftsmanAssignmentPayload::from_outcome(
            r,
            CraftsmanAssignment::from,
        ))
    }

    /// The craftsman's firm (or the secretariat) confirms a school's proposed assignment.
    /// Idempotent; `INVALID_TRANSITION` once declined; `FORBIDDEN` for anyone else.
    async fn confirm_craftsman_assignment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CraftsmanAssignmentIdInput`.")]
        input: CraftsmanAssignmentIdInput,
    ) -> ApiResult<CraftsmanAssignmentPayload> {
        answer_assignment(ctx, input, true).await
    }

    /// The craftsman's firm (or the secretariat) declines a school's proposed assignment.
    /// Idempotent; `INVALID_TRANSITION` once confirmed; `FORBIDDEN` for anyone else.
    async fn decline_craftsman_assignment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CraftsmanAssignmentIdInput`.")]
        input: CraftsmanAssignmentIdInput,
    ) -> ApiResult<CraftsmanAssignmentPayload> {
        answer_assignment(ctx, input, false).await
    }

    /// Names the caller's firm's career mentor (one per firm; a second call replaces the first).
    async fn set_career_mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `SetCareerMentorInput`.")]
        input: SetCareerMentorInput,
    ) -> ApiResult<CareerMentorPayload> {
        screened!(CareerMentorPayload, &input);
        let firm = bail_on!(CareerMentorPayload, opt_unit(&input.unit_id, "unitId"));
        Ok(CareerMentorPayload::from_outcome(
            domain::set_career_mentor(
                db(ctx)?,
                actor(ctx),
                firm,
                input.name,
                input.title,
                input.qualification,
            )
            .await?,
            CareerMentor,
        ))
    }

    /// Records a career class a firm's mentor taught at a school. The school, the firm, or the
    /// secretariat.
    async fn record_career_class(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordCareerClassInput`.")]
        input: RecordCareerClassInput,
    ) -> ApiResult<RecordedPayload> {
        screened!(RecordedPayload, &input);
        let ids = (
            input_id(
                NodeType::CareerMentor,
                &input.career_mentor_id,
                "careerMentorId",
            ),
            unit(&input.school_id, "schoolId"),
        );
        let (mentor, school) = match ids {
            (Ok(m), Ok(s)) => (m, s),
            (m, s) => {
                return Ok(RecordedPayload::failed(
                    m.err().into_iter().chain(s.err()).collect(),
                ));
            }
        };
        Ok(RecordedPayload::from_outcome(
            domain::record_career_class(db(ctx)?, actor(ctx), mentor, school, input.held_on.into())
                .await?,
        ))
    }

    /// Records an apprenticeship (企业新型学徒制) of the caller's firm with a partner school.
    async fn create_apprenticeship(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CreateApprenticeshipInput`.")]
        input: CreateApprenticeshipInput,
    ) -> ApiResult<ApprenticeshipPayload> {
        screened!(ApprenticeshipPayload, &input);
        let firm = bail_on!(ApprenticeshipPayload, opt_unit(&input.unit_id, "unitId"));
        let school = bail_on!(ApprenticeshipPayload, unit(&input.school_id, "schoolId"));
        let a = ApprenticeshipInput {
            unit_id: firm,
            school_id: school,
            apprentice_name: input.apprentice_name,
            hire_date: input.hire_date.into(),
            post: input.post,
            firm_mentor: input.firm_mentor,
            school_mentor: input.school_mentor,
            mode: input.mode,
            start_date: input.start_date.into(),
            end_date: input.end_date.map(Into::into),
        };
        Ok(ApprenticeshipPayload::from_outcome(
            domain::create_apprenticeship(db(ctx)?, actor(ctx), a).await?,
            Apprenticeship,
        ))
    }

    /// Records an event the caller's unit organised (the secretariat: any event).
    async fn record_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordEventInput`.")] input: RecordEventInput,
    ) -> ApiResult<EventPayload> {
        screened!(EventPayload, &input);
        let mut organisers = Vec::new();
        for (i, id) in input.organiser_ids.iter().enumerate() {
            organisers.push(bail_on!(
                EventPayload,
                unit(id, &format!("organiserIds.{i}"))
            ));
        }
        let mut participants = Vec::new();
        for (i, id) in input.participant_ids.iter().enumerate() {
            participants.push(bail_on!(
                EventPayload,
                unit(id, &format!("participantIds.{i}"))
            ));
        }
        let e = EventInput {
            kind: input.kind,
            held_on: input.held_on.into(),
            title: input.title,
            organisers,
            participants,
            participants_count: input.participants_count,
            notes: input.notes,
        };
        Ok(EventPayload::from_outcome(
            domain::record_event(db(ctx)?, actor(ctx), e).await?,
            Event,
        ))
    }

    /// A unit named in an event confirms its part. What one unit records about another counts
    /// only after the other confirms: until every unit named has confirmed, the event counts for
    /// no one's compliance. Staff of a unit named in the event; `FORBIDDEN` otherwise.
    async fn confirm_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ConfirmEventInput`.")]
        input: ConfirmEventInput,
    ) -> ApiResult<EventPayload> {
        screened!(EventPayload, &input);
        let id = bail_on!(EventPayload, input_id(NodeType::Event, &input.id, "id"));
        Ok(EventPayload::from_outcome(
            domain::confirm_event(db(ctx)?, actor(ctx), id).await?,
            Event,
        ))
    }
}
