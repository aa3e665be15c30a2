use std::collections::HashMap;

use async_graphql::{Context, ID, Object};
use entity::{
    account, alliance, committee, enrolment, internship_placement, order_class, order_class_demand,
    student,
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::auth::Actor;
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::actor;
use crate::graphql::id::{NodeType, decode};
use crate::graphql::loader::Loaders;
use crate::graphql::object::StudentView;
use crate::graphql::object::{
    Account, Alliance, Committee, Enrolment, InternshipPlacement, MemberUnit, Node, OrderClass,
    OrderClassDemand, Student,
};
use crate::order_class::{demand_scope, enrolment_scope, order_class_scope, student_scope};

/// Most IDs one `nodes` call takes.
pub const MAX_NODES: usize = 100;

#[derive(Default)]
pub struct NodeQuery;

/// Loads the nodes of `ids` (already decoded), one SQL statement per type present, applying each
/// type's access rule: accounts only to themselves and the secretariat. Missing or hidden rows are
/// `None`.
async fn load(ctx: &Context<'_>, ids: &[(NodeType, Uuid)]) -> ApiResult<Vec<Option<Node>>> {
    let db = ctx.data::<DatabaseConnection>()?;
    let of = |t: NodeType| -> Vec<Uuid> {
        ids.iter()
            .filter(|(ty, _)| *ty == t)
            .map(|&(_, id)| id)
            .collect()
    };
    let units = ctx
        .data::<Loaders>()?
        .member_unit
        .load_many(of(NodeType::MemberUnit))
        .await?;
    let mut alliances: HashMap<Uuid, alliance::Model> = HashMap::new();
    if !of(NodeType::Alliance).is_empty() {
        alliances = alliance::Entity::find()
            .filter(alliance::Column::Id.is_in(of(NodeType::Alliance)))
            .all(db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    }
    let mut committees: HashMap<Uuid, committee::Model> = HashMap::new();
    if !of(NodeType::Committee).is_empty() {
        committees = committee::Entity::find()
            .filter(committee::Column::Id.is_in(of(NodeType::Committee)))
            .all(db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    }
    let mut accounts: HashMap<Uuid, account::Model> = HashMap::new();
    let wanted: Vec<Uuid> = match actor(ctx) {
        Actor::Anonymous => Vec::new(),
        a if a.is_secretariat() => of(NodeType::Account),
        a => of(NodeType::Account)
            .into_iter()
            .filter(|id| Some(*id) == a.account_id())
            .collect(),
    };
    if !wanted.is_empty() {
        accounts = account::Entity::find()
            .filter(account::Column::Id.is_in(wanted))
            .all(db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    }
    let mut demands: HashMap<Uuid, order_class_demand::Model> = HashMap::new();
    if !of(NodeType::OrderClassDemand).is_empty() {
        demands = order_class_demand::Entity::find()
            .filter(order_class_demand::Column::Id.is_in(of(NodeType::OrderClassDemand)))
            .filter(demand_scope(actor(ctx)))
            .all(db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    }
    let mut classes: HashMap<Uuid, order_class::Model> = HashMap::new();
    if !of(NodeType::OrderClass).is_empty() {
        classes = order_class::Entity::find()
            .filter(order_class::Column::Id.is_in(of(NodeType::OrderClass)))
            .filter(order_class_scope(actor(ctx)))
            .all(db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    }
    let mut enrolments: HashMap<Uuid, (enrolment::Model, student::Model)> = HashMap::new();
    if !of(NodeType::Enrolment).is_empty() && actor(ctx).is_authenticated() {
        enrolments = enrolment::Entity::find()
            .filter(enrolment::Column::Id.is_in(of(NodeType::Enrolment)))
            .filter(enrolment_scope(actor(ctx)))
            .find_also_related(student::Entity)
            .all(db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .filter_map(|(e, s)| s.map(|s| (e.id, (e, s))))
            .collect();
    }
    let mut students: HashMap<Uuid, student::Model> = HashMap::new();
    if !of(NodeType::Student).is_empty() && actor(ctx).is_authenticated() {
        students = student::Entity::find()
            .filter(student::Column::Id.is_in(of(NodeType::Student)))
            .filter(student_scope(actor(ctx)))
            .all(db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    }
    let mut placements: HashMap<Uuid, internship_placement::Model> = HashMap::new();
    if !of(NodeType::InternshipPlacement).is_empty() && actor(ctx).is_authenticated() {
        placements = internship_placement::Entity::find()
            .filter(internship_placement::Column::Id.is_in(of(NodeType::InternshipPlacement)))
            .filter(crate::placement::placement_scope(actor(ctx)))
            .all(db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
    }
    let plan = load_plan_nodes(db, actor(ctx), ids).await?;
    let mut plan = plan;
    Ok(ids
        .iter()
        .map(|&(ty, id)| match ty {
            NodeType::TrainingSite
            | NodeType::TeacherPracticeStation
            | NodeType::TeacherPractice
            | NodeType::Craftsman
            | NodeType::CareerMentor
            | NodeType::Apprenticeship
            | NodeType::Event => plan.remove(&(ty, id)),
            NodeType::InternshipPlacement => placements
                .remove(&id)
                .map(|m| Node::InternshipPlacement(InternshipPlacement(m))),
            NodeType::OrderClassDemand => demands
                .remove(&id)
                .map(|m| Node::OrderClassDemand(OrderClassDemand(m))),
            NodeType::OrderClass => classes.remove(&id).map(|m| Node::OrderClass(OrderClass(m))),
            NodeType::Enrolment => enrolments
                .remove(&id)
                .map(|(e, s)| Node::Enrolment(Enrolment(e, s))),
            NodeType::Student => students
                .remove(&id)
                .map(|m| Node::Student(Student(m, StudentView::Full))),
            NodeType::MemberUnit => units
                .get(&id)
                .cloned()
                .map(|m| Node::MemberUnit(MemberUnit(m))),
            NodeType::Alliance => alliances.remove(&id).map(|m| Node::Alliance(Alliance(m))),
            NodeType::Committee => committees
                .remove(&id)
                .map(|m| Node::Committee(Committee(m))),
            NodeType::Account => accounts.remove(&id).map(|m| Node::Account(Account(m))),
        })
        .collect())
}

/// Loads the plan's node types among `ids` (one statement per type present), with their scopes:
/// teacher practices to the school, the station's host and the secretariat; apprenticeships to the
/// firm, the school and the secretariat; the rest to any authenticated caller.
async fn load_plan_nodes(
    db: &DatabaseConnection,
    actor: &Actor,
    ids: &[(NodeType, Uuid)],
) -> ApiResult<HashMap<(NodeType, Uuid), Node>> {
    use crate::graphql::object::{
        Apprenticeship, CareerMentor, Craftsman, Event, TeacherPractice, TeacherPracticeStation,
        TrainingSite,
    };
    use entity::{
        apprenticeship, career_mentor, craftsman, event, practice_station, teacher_practice,
        training_site,
    };
    let mut out = HashMap::new();
    if !actor.is_authenticated() {
        return Ok(out);
    }
    let of = |t: NodeType| -> Vec<Uuid> {
        ids.iter()
            .filter(|(ty, _)| *ty == t)
            .map(|&(_, id)| id)
            .collect()
    };
    let unit = match actor {
        Actor::Account { unit, .. } => *unit,
        Actor::Anonymous => None,
    };
    let all = actor.is_secretariat();
    macro_rules! load {
        ($ty:expr, $entity:ident, $wrap:expr, $visible:expr) => {
            let wanted = of($ty);
            if !wanted.is_empty() {
                for m in $entity::Entity::find()
                    .filter($entity::Column::Id.is_in(wanted))
                    .all(db)
                    .await
                    .map_err(ApiError::from)?
                {
                    #[allow(clippy::redundant_closure_call)]
                    if ($visible)(&m) {
                        out.insert(($ty, m.id), $wrap(m));
                    }
                }
            }
        };
    }
    load!(
        NodeType::TrainingSite,
        training_site,
        |m| Node::TrainingSite(TrainingSite(m)),
        |_: &training_site::Model| true
    );
    load!(
        NodeType::TeacherPracticeStation,
        practice_station,
        |m| Node::TeacherPracticeStation(TeacherPracticeStation(m)),
        |_: &practice_station::Model| true
    );
    load!(
        NodeType::Craftsman,
        craftsman,
        |m| Node::Craftsman(Craftsman(m)),
        |_: &craftsman::Model| true
    );
    load!(
        NodeType::CareerMentor,
        career_mentor,
        |m| Node::CareerMentor(CareerMentor(m)),
        |_: &career_mentor::Model| true
    );
    load!(
        NodeType::Event,
        event,
        |m| Node::Event(Event(m)),
        |_: &event::Model| true
    );
    load!(
        NodeType::Apprenticeship,
        apprenticeship,
        |m| Node::Apprenticeship(Apprenticeship(m)),
        |m: &apprenticeship::Model| all || unit == Some(m.unit_id) || unit == Some(m.school_id)
    );
    let wanted = of(NodeType::TeacherPractice);
    if !wanted.is_empty() {
        let rows = teacher_practice::Entity::find()
            .filter(teacher_practice::Column::Id.is_in(wanted))
            .all(db)
            .await
            .map_err(ApiError::from)?;
        let hosts: HashMap<Uuid, Uuid> = practice_station::Entity::find()
            .filter(practice_station::Column::Id.is_in(rows.iter().map(|r| r.station_id)))
            .all(db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .map(|s| (s.id, s.host_unit_id))
            .collect();
        for m in rows {
            if all || unit == Some(m.school_id) || unit == hosts.get(&m.station_id).copied() {
                out.insert(
                    (NodeType::TeacherPractice, m.id),
                    Node::TeacherPractice(TeacherPractice(m)),
                );
            }
        }
    }
    Ok(out)
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
            None => Err(ApiError::NotFound(format!("no object has ID {:?}", id.as_str())).into()),
        }
    }

    /// Fetches up to 100 objects by global ID, in the order given; null where no object the caller
    /// may see has the ID. Errors: `BAD_USER_INPUT` for a malformed ID or more than 100 IDs.
    async fn nodes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Global IDs (at most 100).")] ids: Vec<ID>,
    ) -> ApiResult<Vec<Option<Node>>> {
        if ids.len() > MAX_NODES {
            return Err(ApiError::BadUserInput(format!("at most {MAX_NODES} IDs")).into());
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
