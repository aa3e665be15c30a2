use std::collections::HashMap;

use async_graphql::{Context, ID, Object};
use entity::{
    account, alliance, apprenticeship, career_mentor, committee, committee_meeting, craftsman,
    craftsman_assignment, enrolment, evaluation_item, evaluation_round, event,
    internship_placement, milestone, order_class, order_class_demand, practice_station, resolution,
    student, target, teacher_practice, training_site, work_plan_item,
};
use entity::{
    apprenticeship_base, enterprise_certification, platform, platform_grant, reserve_craftsman,
    resource_booking, shared_resource, teacher,
};
use entity::{
    contest, contest_entry, contest_event, research_project, skill_certification, training_need,
    training_project,
};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::accounts::account_scope;
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::actor;
use crate::graphql::id::{NodeType, decode};
use crate::graphql::loader::{Keyed, Loaders};
use crate::graphql::object::{
    Account, Alliance, Apprenticeship, CareerMentor, Committee, CommitteeMeeting, Craftsman,
    CraftsmanAssignment, Enrolment, EvaluationItem, EvaluationRound, Event, InternshipPlacement,
    MemberUnit, Milestone, Node, OrderClass, OrderClassDemand, Resolution, Student, StudentView,
    Target, TeacherPractice, TeacherPracticeStation, TrainingSite, WorkPlanItem,
};
use crate::graphql::object::{
    ApprenticeshipBase, EnterpriseCertification, Platform, PlatformGrant, ReserveCraftsman,
    ResourceBooking, SharedResource, Teacher,
};
use crate::graphql::object::{
    Contest, ContestEntry, ContestEvent, ResearchProject, SkillCertification, TrainingNeed,
    TrainingProject,
};
use crate::msg;
use crate::order_class::{demand_scope, enrolment_scope, order_class_scope, student_scope};
use crate::placement::placement_scope;
use crate::plan::{apprenticeship_scope, signed_in, teacher_practice_scope};

/// Most IDs one `nodes` call takes.
pub const MAX_NODES: usize = 100;

#[derive(Default)]
pub struct NodeQuery;

/// The rows of `E` with the ids in `wanted` that `scope` lets the caller see, in one statement
/// (none when nothing is wanted).
async fn rows<E>(
    db: &DatabaseConnection,
    wanted: Vec<Uuid>,
    scope: Condition,
) -> ApiResult<HashMap<Uuid, E::Model>>
where
    E: Keyed,
{
    if wanted.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(E::find()
        .filter(E::id_column().is_in(wanted))
        .filter(scope)
        .all(db)
        .await
        .map_err(ApiError::from)?
        .into_iter()
        .map(|m| (E::id_of(&m), m))
        .collect())
}

/// Loads the nodes of `ids` (already decoded), one SQL statement per type present, each with the
/// scope its own query applies. Missing or hidden rows are `None`. (One flat list, a line or two
/// per node type, so it runs past ~80 lines; a new node type adds its line here.)
async fn load(ctx: &Context<'_>, ids: &[(NodeType, Uuid)]) -> ApiResult<Vec<Option<Node>>> {
    let db = ctx.data::<DatabaseConnection>()?;
    let a = actor(ctx);
    let want = |t: NodeType| -> Vec<Uuid> {
        ids.iter()
            .filter(|(ty, _)| *ty == t)
            .map(|&(_, id)| id)
            .collect()
    };
    let units = ctx
        .data::<Loaders>()?
        .member_unit
        .load_many(want(NodeType::MemberUnit))
        .await?;
    let all = Condition::all;
    let mut alliances = rows::<alliance::Entity>(db, want(NodeType::Alliance), all()).await?;
    let mut committees = rows::<committee::Entity>(db, want(NodeType::Committee), all()).await?;
    let mut accounts =
        rows::<account::Entity>(db, want(NodeType::Account), account_scope(a)).await?;
    let mut demands =
        rows::<order_class_demand::Entity>(db, want(NodeType::OrderClassDemand), demand_scope(a))
            .await?;
    let mut classes =
        rows::<order_class::Entity>(db, want(NodeType::OrderClass), order_class_scope(a)).await?;
    let mut students =
        rows::<student::Entity>(db, want(NodeType::Student), student_scope(a)).await?;
    let mut placements = rows::<internship_placement::Entity>(
        db,
        want(NodeType::InternshipPlacement),
        placement_scope(a),
    )
    .await?;
    let mut enrolments = enrolments(db, want(NodeType::Enrolment), enrolment_scope(a)).await?;
    let mut sites =
        rows::<training_site::Entity>(db, want(NodeType::TrainingSite), signed_in(a)).await?;
    let mut stations =
        rows::<practice_station::Entity>(db, want(NodeType::TeacherPracticeStation), signed_in(a))
            .await?;
    let mut practices = rows::<teacher_practice::Entity>(
        db,
        want(NodeType::TeacherPractice),
        teacher_practice_scope(a),
    )
    .await?;
    let mut craftsmen =
        rows::<craftsman::Entity>(db, want(NodeType::Craftsman), signed_in(a)).await?;
    let mut assignments =
        rows::<craftsman_assignment::Entity>(db, want(NodeType::CraftsmanAssignment), signed_in(a))
            .await?;
    let mut mentors =
        rows::<career_mentor::Entity>(db, want(NodeType::CareerMentor), signed_in(a)).await?;
    let mut apprenticeships =
        rows::<apprenticeship::Entity>(db, want(NodeType::Apprenticeship), apprenticeship_scope(a))
            .await?;
    let mut events = rows::<event::Entity>(db, want(NodeType::Event), signed_in(a)).await?;
    let mut milestones =
        rows::<milestone::Entity>(db, want(NodeType::Milestone), signed_in(a)).await?;
    let aggregates = if a.reads_aggregates() {
        Condition::all()
    } else {
        crate::db::no_rows()
    };
    let mut meetings =
        rows::<committee_meeting::Entity>(db, want(NodeType::CommitteeMeeting), signed_in(a))
            .await?;
    let mut resolutions =
        rows::<resolution::Entity>(db, want(NodeType::Resolution), signed_in(a)).await?;
    let mut plan_items =
        rows::<work_plan_item::Entity>(db, want(NodeType::WorkPlanItem), signed_in(a)).await?;
    let mut targets = rows::<target::Entity>(db, want(NodeType::Target), aggregates).await?;
    let mut rounds = rows::<evaluation_round::Entity>(
        db,
        want(NodeType::EvaluationRound),
        crate::committees::round_scope(a),
    )
    .await?;
    let mut items = rows::<evaluation_item::Entity>(
        db,
        want(NodeType::EvaluationItem),
        crate::committees::item_scope(a),
    )
    .await?;
    let mut teachers =
        rows::<teacher::Entity>(db, want(NodeType::Teacher), crate::people::teacher_scope(a))
            .await?;
    let mut nominations = rows::<reserve_craftsman::Entity>(
        db,
        want(NodeType::ReserveCraftsman),
        crate::people::reserve_scope(a),
    )
    .await?;
    let mut bases =
        rows::<apprenticeship_base::Entity>(db, want(NodeType::ApprenticeshipBase), signed_in(a))
            .await?;
    let mut certifications = rows::<enterprise_certification::Entity>(
        db,
        want(NodeType::EnterpriseCertification),
        signed_in(a),
    )
    .await?;
    let mut platforms =
        rows::<platform::Entity>(db, want(NodeType::Platform), signed_in(a)).await?;
    let mut grants = rows::<platform_grant::Entity>(
        db,
        want(NodeType::PlatformGrant),
        crate::people::grant_scope(a),
    )
    .await?;
    let mut resources =
        rows::<shared_resource::Entity>(db, want(NodeType::SharedResource), signed_in(a)).await?;
    let mut bookings = rows::<resource_booking::Entity>(
        db,
        want(NodeType::ResourceBooking),
        crate::people::booking_scope(a),
    )
    .await?;
    let mut contests = rows::<contest::Entity>(db, want(NodeType::Contest), signed_in(a)).await?;
    let mut contest_events =
        rows::<contest_event::Entity>(db, want(NodeType::ContestEvent), signed_in(a)).await?;
    let mut contest_entries =
        rows::<contest_entry::Entity>(db, want(NodeType::ContestEntry), signed_in(a)).await?;
    let mut research_projects =
        rows::<research_project::Entity>(db, want(NodeType::ResearchProject), signed_in(a)).await?;
    let mut training_needs =
        rows::<training_need::Entity>(db, want(NodeType::TrainingNeed), signed_in(a)).await?;
    let mut training_projects =
        rows::<training_project::Entity>(db, want(NodeType::TrainingProject), signed_in(a)).await?;
    let mut skill_certifications =
        rows::<skill_certification::Entity>(db, want(NodeType::SkillCertification), signed_in(a))
            .await?;
    Ok(ids
        .iter()
        .map(|&(ty, id)| match ty {
            NodeType::Contest => contests.remove(&id).map(|m| Node::Contest(Contest(m))),
            NodeType::ContestEvent => contest_events
                .remove(&id)
                .map(|m| Node::ContestEvent(ContestEvent(m))),
            NodeType::ContestEntry => contest_entries
                .remove(&id)
                .map(|m| Node::ContestEntry(ContestEntry(m))),
            NodeType::ResearchProject => research_projects
                .remove(&id)
                .map(|m| Node::ResearchProject(ResearchProject(m))),
            NodeType::TrainingNeed => training_needs
                .remove(&id)
                .map(|m| Node::TrainingNeed(TrainingNeed(m))),
            NodeType::TrainingProject => training_projects
                .remove(&id)
                .map(|m| Node::TrainingProject(TrainingProject(m))),
            NodeType::SkillCertification => skill_certifications
                .remove(&id)
                .map(|m| Node::SkillCertification(SkillCertification(m))),
            NodeType::SharedResource => resources
                .remove(&id)
                .map(|m| Node::SharedResource(SharedResource(m))),
            NodeType::ResourceBooking => bookings
                .remove(&id)
                .map(|m| Node::ResourceBooking(ResourceBooking(m))),
            NodeType::Platform => platforms.remove(&id).map(|m| Node::Platform(Platform(m))),
            NodeType::PlatformGrant => grants
                .remove(&id)
                .map(|m| Node::PlatformGrant(PlatformGrant(m))),
            NodeType::Teacher => teachers.remove(&id).map(|m| Node::Teacher(Teacher(m))),
            NodeType::ReserveCraftsman => nominations
                .remove(&id)
                .map(|m| Node::ReserveCraftsman(ReserveCraftsman(m))),
            NodeType::ApprenticeshipBase => bases
                .remove(&id)
                .map(|m| Node::ApprenticeshipBase(ApprenticeshipBase(m))),
            NodeType::EnterpriseCertification => certifications
                .remove(&id)
                .map(|m| Node::EnterpriseCertification(EnterpriseCertification(m))),
            NodeType::Alliance => alliances.remove(&id).map(|m| Node::Alliance(Alliance(m))),
            NodeType::MemberUnit => units
                .get(&id)
                .cloned()
                .map(|m| Node::MemberUnit(MemberUnit(m))),
            NodeType::Committee => committees
                .remove(&id)
                .map(|m| Node::Committee(Committee(m))),
            NodeType::Account => accounts.remove(&id).map(|m| Node::Account(Account(m))),
            NodeType::OrderClassDemand => demands
                .remove(&id)
                .map(|m| Node::OrderClassDemand(OrderClassDemand(m))),
            NodeType::OrderClass => classes.remove(&id).map(|m| Node::OrderClass(OrderClass(m))),
            NodeType::Enrolment => enrolments
                .remove(&id)
                .map(|(e, s)| Node::Enrolment(Enrolment(e, s))),
            NodeType::Student => students
                .remove(&id)
                .map(|m| Node::Student(Student(m.into(), StudentView::Full))),
            NodeType::InternshipPlacement => placements
                .remove(&id)
                .map(|m| Node::InternshipPlacement(InternshipPlacement(m))),
            NodeType::TrainingSite => sites
                .remove(&id)
                .map(|m| Node::TrainingSite(TrainingSite(m))),
            NodeType::TeacherPracticeStation => stations
                .remove(&id)
                .map(|m| Node::TeacherPracticeStation(TeacherPracticeStation(m))),
            NodeType::TeacherPractice => practices
                .remove(&id)
                .map(|m| Node::TeacherPractice(TeacherPractice(m))),
            NodeType::Craftsman => craftsmen.remove(&id).map(|m| Node::Craftsman(Craftsman(m))),
            NodeType::CraftsmanAssignment => assignments
                .remove(&id)
                .map(|m| Node::CraftsmanAssignment(CraftsmanAssignment(m))),
            NodeType::CareerMentor => mentors
                .remove(&id)
                .map(|m| Node::CareerMentor(CareerMentor(m))),
            NodeType::Apprenticeship => apprenticeships
                .remove(&id)
                .map(|m| Node::Apprenticeship(Apprenticeship(m))),
            NodeType::Event => events.remove(&id).map(|m| Node::Event(Event(m))),
            NodeType::Milestone => milestones
                .remove(&id)
                .map(|m| Node::Milestone(Milestone(m))),
            NodeType::Target => targets.remove(&id).map(|m| Node::Target(Target(m))),
            NodeType::EvaluationRound => rounds
                .remove(&id)
                .map(|m| Node::EvaluationRound(EvaluationRound(m))),
            NodeType::CommitteeMeeting => meetings
                .remove(&id)
                .map(|m| Node::CommitteeMeeting(CommitteeMeeting(m))),
            NodeType::Resolution => resolutions
                .remove(&id)
                .map(|m| Node::Resolution(Resolution(m))),
            NodeType::WorkPlanItem => plan_items
                .remove(&id)
                .map(|m| Node::WorkPlanItem(WorkPlanItem(m))),
            NodeType::EvaluationItem => items
                .remove(&id)
                .map(|m| Node::EvaluationItem(EvaluationItem(m))),
        })
        .collect())
}

/// Enrolments with their students (one statement), within `scope`.
async fn enrolments(
    db: &DatabaseConnection,
    wanted: Vec<Uuid>,
    scope: Condition,
) -> ApiResult<HashMap<Uuid, (enrolment::Model, student::Model)>> {
    if wanted.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(enrolment::Entity::find()
        .filter(enrolment::Column::Id.is_in(wanted))
        .filter(scope)
        .find_also_related(student::Entity)
        .all(db)
        .await
        .map_err(ApiError::from)?
        .into_iter()
        .filter_map(|(e, s)| s.map(|s| (e.id, (e, s))))
        .collect())
}

#[Object]
impl NodeQuery {
    /// Fetches any object by its global ID, with the same access checks as the type's own query.
    /// Errors: `BAD_USER_INPUT` for a malformed ID; `NOT_FOUND` when no object the caller may see
    /// has it.
    async fn node(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A global ID from any `id` field.")] id: ID,
    ) -> ApiResult<Option<Node>> {
        let key = decode(&id)?;
        match load(ctx, &[key]).await?.pop().flatten() {
            Some(node) => Ok(Some(node)),
            None => Err(ApiError::NotFound(msg!("id-not-found", id = id.as_str())).into()),
        }
    }

    /// Fetches up to 100 objects by global ID, in the order given; null where no object the caller
    /// may see has the ID. Errors: `BAD_USER_INPUT` for a malformed ID or more than 100 IDs.
    /// Costs each id's lookup and selection (`extensions.cost`).
    #[graphql(complexity = "crate::graphql::connection::nodes_cost(ids.len(), child_complexity)")]
    async fn nodes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Global IDs (at most 100).")] ids: Vec<ID>,
    ) -> ApiResult<Vec<Option<Node>>> {
        if ids.len() > MAX_NODES {
            return Err(ApiError::BadUserInput(msg!("nodes-too-many", max = MAX_NODES)).into());
        }
        let keys: Vec<(NodeType, Uuid)> = ids
            .iter()
            .map(|id| match decode(id) {
                Ok(key) => Ok(Some(key)),
                Err(ApiError::NotFound(_)) => Ok(None),
                Err(e) => Err(e),
            })
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            // A well-formed ID of a type without nodes can match nothing: a nil id never exists.
            .map(|k| k.unwrap_or((NodeType::Alliance, Uuid::nil())))
            .collect();
        load(ctx, &keys).await
    }
}
