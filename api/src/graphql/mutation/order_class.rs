use async_graphql::{Context, ID, Object, SimpleObject};
use sea_orm::DatabaseConnection;

use super::input_id;
use super::touch;
use crate::error::OpResult;
use crate::events::EventBus;
use crate::graphql::error::{ApiError, ApiResult, UserError};
use crate::graphql::guard::actor;
use crate::graphql::id::NodeType;
use crate::graphql::input::CancelOrderClassInput;
use crate::graphql::input::CreateOrderClassDemandInput;
use crate::graphql::input::CreateOrderClassInput;
use crate::graphql::input::EnrolStudentInput;
use crate::graphql::input::FiveIntegrationsInput;
use crate::graphql::input::IntegrationInput;
use crate::graphql::input::JoinOrderClassDemandInput;
use crate::graphql::input::OrderClassDemandIdInput;
use crate::graphql::input::OrderClassIdInput;
use crate::graphql::input::RecordPreEmploymentAgreementInput;
use crate::graphql::input::TrainingPlanInput;
use crate::graphql::input::UpdateOrderClassDemandInput;
use crate::graphql::input::UpdateOrderClassPlanInput;
use crate::graphql::object::{Enrolment, OrderClass, OrderClassDemand};
use crate::graphql::query::CurrentAccount;
use crate::msg;
use crate::order_class::{
    self as domain, ClassAction, ClassProposal, DemandAction, DemandFields, EnrolStudent,
    FiveIntegrations, Integration, SponsorSeats, TrainingPlan,
};
use sea_orm::EntityTrait;

payload!(
    /// Result of a mutation on an order-class demand.
    OrderClassDemandPayload, order_class_demand: OrderClassDemand
);
payload!(
    /// Result of a mutation on an order class.
    OrderClassPayload, order_class: OrderClass
);
payload!(
    /// Result of `enrolStudent` and `recordPreEmploymentAgreement`.
    EnrolmentPayload, enrolment: Enrolment
);

fn demand_payload(
    r: OpResult<entity::order_class_demand::Model>,
) -> ApiResult<OrderClassDemandPayload> {
    Ok(OrderClassDemandPayload::from_outcome(r?, OrderClassDemand))
}

fn class_payload(r: OpResult<entity::order_class::Model>) -> ApiResult<OrderClassPayload> {
    Ok(OrderClassPayload::from_outcome(r?, OrderClass))
}

impl From<TrainingPlanInput> for TrainingPlan {
    fn from(p: TrainingPlanInput) -> Self {
        Self {
            total_specialty_hours: p.total_specialty_hours,
            enterprise_workshop_hours: p.enterprise_workshop_hours,
            core_practice_hours: p.core_practice_hours,
            ordinary_class_practice_hours: p.ordinary_class_practice_hours,
        }
    }
}

impl From<IntegrationInput> for Integration {
    fn from(i: IntegrationInput) -> Self {
        Self {
            agreed: i.agreed,
            note: i.note,
        }
    }
}

impl From<FiveIntegrationsInput> for FiveIntegrations {
    fn from(i: FiveIntegrationsInput) -> Self {
        Self {
            course_goals: i.course_goals.into(),
            course_model: i.course_model.into(),
            content: i.content.into(),
            management: i.management.into(),
            assessment: i.assessment.into(),
        }
    }
}

#[derive(Default)]
pub struct OrderClassMutation;

fn parts<'c>(ctx: &Context<'c>) -> ApiResult<(&'c DatabaseConnection, &'c EventBus)> {
    Ok((ctx.data::<DatabaseConnection>()?, ctx.data::<EventBus>()?))
}

async fn demand_action(
    ctx: &Context<'_>,
    input: OrderClassDemandIdInput,
    action: DemandAction,
) -> ApiResult<OrderClassDemandPayload> {
    let (db, bus) = parts(ctx)?;
    let id = bail_on!(
        OrderClassDemandPayload,
        input_id(NodeType::OrderClassDemand, &input.id, "id")
    );
    demand_payload(domain::transition_demand(db, bus, actor(ctx), id, action).await)
}

async fn class_action(
    ctx: &Context<'_>,
    id: &ID,
    action: ClassAction,
) -> ApiResult<OrderClassPayload> {
    let (db, bus) = parts(ctx)?;
    let id = bail_on!(OrderClassPayload, input_id(NodeType::OrderClass, id, "id"));
    class_payload(domain::transition_class(db, bus, actor(ctx), id, action).await)
}

#[Object]
impl OrderClassMutation {
    /// Posts an order-class demand as a DRAFT for the caller's firm. ENTERPRISE_STAFF only
    /// (`UNAUTHENTICATED`, `FORBIDDEN`).
    async fn create_order_class_demand(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CreateOrderClassDemandInput`.")]
        input: CreateOrderClassDemandInput,
    ) -> ApiResult<OrderClassDemandPayload> {
        screened!(OrderClassDemandPayload, &input);
        let (db, bus) = parts(ctx)?;
        let fields = DemandFields {
            specialty_name: Some(input.specialty_name),
            specialty_code: Some(input.specialty_code),
            headcount: Some(input.headcount),
            required_skills: Some(input.required_skills),
            required_certificates: Some(input.required_certificates),
            start_year: Some(input.start_year),
            start_term: Some(input.start_term),
            work_district: Some(input.work_district),
            pay_min: Some(input.pay_min),
            pay_max: Some(input.pay_max),
            application_deadline: Some(input.application_deadline.map(Into::into)),
            open_to_unemployed_youth: input.open_to_unemployed_youth,
            open_to_migrant_workers: input.open_to_migrant_workers,
            age_limit: Some(input.age_limit),
            description: Some(input.description),
        };
        demand_payload(domain::create_demand(db, bus, actor(ctx), fields).await)
    }

    /// Changes a DRAFT or OPEN demand. The posting firm's staff only (`FORBIDDEN`); other statuses:
    /// `INVALID_TRANSITION`.
    async fn update_order_class_demand(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `UpdateOrderClassDemandInput`.")]
        input: UpdateOrderClassDemandInput,
    ) -> ApiResult<OrderClassDemandPayload> {
        screened!(OrderClassDemandPayload, &input);
        let (db, bus) = parts(ctx)?;
        let id = bail_on!(
            OrderClassDemandPayload,
            input_id(NodeType::OrderClassDemand, &input.id, "id")
        );
        let fields = DemandFields {
            specialty_name: input.specialty_name,
            specialty_code: touch(input.specialty_code),
            headcount: input.headcount,
            required_skills: touch(input.required_skills),
            required_certificates: touch(input.required_certificates),
            start_year: input.start_year,
            start_term: input.start_term,
            work_district: touch(input.work_district),
            pay_min: touch(input.pay_min),
            pay_max: touch(input.pay_max),
            application_deadline: touch(input.application_deadline).map(|d| d.map(Into::into)),
            open_to_unemployed_youth: input.open_to_unemployed_youth,
            open_to_migrant_workers: input.open_to_migrant_workers,
            age_limit: touch(input.age_limit),
            description: touch(input.description),
        };
        demand_payload(domain::update_demand(db, bus, actor(ctx), id, fields).await)
    }

    /// Publishes a DRAFT demand: DRAFT → OPEN. The posting firm's staff only.
    async fn publish_order_class_demand(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `OrderClassDemandIdInput`.")]
        input: OrderClassDemandIdInput,
    ) -> ApiResult<OrderClassDemandPayload> {
        screened!(OrderClassDemandPayload, &input);
        demand_action(ctx, input, DemandAction::Publish).await
    }

    /// Withdraws a demand no agreed class answers: DRAFT or OPEN → WITHDRAWN. The posting firm's
    /// staff only.
    async fn withdraw_order_class_demand(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `OrderClassDemandIdInput`.")]
        input: OrderClassDemandIdInput,
    ) -> ApiResult<OrderClassDemandPayload> {
        screened!(OrderClassDemandPayload, &input);
        demand_action(ctx, input, DemandAction::Withdraw).await
    }

    /// Closes a demand: OPEN or MATCHED → CLOSED. The posting firm's staff only.
    async fn close_order_class_demand(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `OrderClassDemandIdInput`.")]
        input: OrderClassDemandIdInput,
    ) -> ApiResult<OrderClassDemandPayload> {
        screened!(OrderClassDemandPayload, &input);
        demand_action(ctx, input, DemandAction::Close).await
    }

    /// Joins another firm's OPEN demand with the caller's firm's own headcount (联合组班,
    /// Founding notice 二(三)6). ENTERPRISE_STAFF only. User errors: `CANNOT_JOIN_OWN_DEMAND`,
    /// `ALREADY_JOINED`, `INVALID_TRANSITION`, `MUST_BE_POSITIVE`.
    async fn join_order_class_demand(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `JoinOrderClassDemandInput`.")]
        input: JoinOrderClassDemandInput,
    ) -> ApiResult<OrderClassDemandPayload> {
        screened!(OrderClassDemandPayload, &input);
        let (db, bus) = parts(ctx)?;
        let id = bail_on!(
            OrderClassDemandPayload,
            input_id(NodeType::OrderClassDemand, &input.id, "id")
        );
        demand_payload(domain::join_demand(db, bus, actor(ctx), id, input.headcount).await)
    }

    /// Proposes an order class: school staff for their school, answering an OPEN demand; or the
    /// secretariat for any school. The class starts PROPOSED; the hour rules are checked when it
    /// is accepted (see `OrderClass.ruleChecks`).
    async fn create_order_class(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CreateOrderClassInput`.")]
        input: CreateOrderClassInput,
    ) -> ApiResult<OrderClassPayload> {
        screened!(OrderClassPayload, &input);
        let (db, bus) = parts(ctx)?;
        let mut errors = Vec::new();
        let mut id_of = |ty, id: &ID, field: &str| match input_id(ty, id, field) {
            Ok(id) => Some(id),
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let demand_id = input
            .demand_id
            .as_ref()
            .and_then(|id| id_of(NodeType::OrderClassDemand, id, "demandId"));
        let school_id = input
            .school_id
            .as_ref()
            .and_then(|id| id_of(NodeType::MemberUnit, id, "schoolId"));
        let sponsors: Vec<SponsorSeats> = input
            .sponsors
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                id_of(
                    NodeType::MemberUnit,
                    &s.enterprise_id,
                    &format!("sponsors.{i}.enterpriseId"),
                )
                .map(|enterprise_id| SponsorSeats {
                    enterprise_id,
                    seats: s.seats,
                })
            })
            .collect();
        if !errors.is_empty() {
            return Ok(OrderClassPayload {
                order_class: None,
                user_errors: errors,
            });
        }
        let proposal = ClassProposal {
            demand_id,
            school_id,
            name: input.name,
            specialty_name: input.specialty_name,
            specialty_code: input.specialty_code,
            cohort_year: input.cohort_year,
            planned_seats: input.planned_seats,
            sponsors,
            plan: input.plan.into(),
            integrations: input.integrations.into(),
        };
        class_payload(domain::propose_class(db, bus, actor(ctx), proposal).await)
    }

    /// Changes a PROPOSED class's plan or five integrations; every acceptance so far is withdrawn.
    /// Staff of the class's school only.
    async fn update_order_class_plan(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `UpdateOrderClassPlanInput`.")]
        input: UpdateOrderClassPlanInput,
    ) -> ApiResult<OrderClassPayload> {
        screened!(OrderClassPayload, &input);
        let (db, bus) = parts(ctx)?;
        let id = bail_on!(
            OrderClassPayload,
            input_id(NodeType::OrderClass, &input.id, "id")
        );
        class_payload(
            domain::update_class_plan(
                db,
                bus,
                actor(ctx),
                id,
                input.plan.map(Into::into),
                input.integrations.map(Into::into),
            )
            .await,
        )
    }

    /// Accepts a PROPOSED class's plan for the caller's unit (a sponsoring firm, or the class's
    /// school), recording who accepted when. When all have accepted the class is AGREED and its
    /// demand counts the seats as matched. The plan must meet the rules of Ten Measures (5): user
    /// errors `ENTERPRISE_HOURS_BELOW_HALF`, `CORE_PRACTICE_BELOW_150`, `MUST_BE_POSITIVE`,
    /// `SPONSOR_SEATS_MISMATCH`, `SPONSOR_NOT_ENTERPRISE`; and `INVALID_TRANSITION`,
    /// `DEMAND_NOT_OPEN`.
    async fn accept_order_class(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `OrderClassIdInput`.")]
        input: OrderClassIdInput,
    ) -> ApiResult<OrderClassPayload> {
        screened!(OrderClassPayload, &input);
        let (db, bus) = parts(ctx)?;
        let Some(account) = ctx.data_opt::<CurrentAccount>() else {
            return Err(ApiError::Unauthenticated.into());
        };
        let id = bail_on!(
            OrderClassPayload,
            input_id(NodeType::OrderClass, &input.id, "id")
        );
        class_payload(domain::accept_class(db, bus, actor(ctx), account.0.id, id).await)
    }

    /// Starts recruiting: AGREED → RECRUITING. Staff of the class's school only.
    async fn start_order_class_recruiting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `OrderClassIdInput`.")]
        input: OrderClassIdInput,
    ) -> ApiResult<OrderClassPayload> {
        screened!(OrderClassPayload, &input);
        class_action(ctx, &input.id, ClassAction::StartRecruiting).await
    }

    /// Starts training: RECRUITING → IN_TRAINING. Staff of the class's school only.
    async fn start_order_class_training(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `OrderClassIdInput`.")]
        input: OrderClassIdInput,
    ) -> ApiResult<OrderClassPayload> {
        screened!(OrderClassPayload, &input);
        class_action(ctx, &input.id, ClassAction::StartTraining).await
    }

    /// Graduates the class: IN_TRAINING → GRADUATED. Staff of the class's school only.
    async fn graduate_order_class(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `OrderClassIdInput`.")]
        input: OrderClassIdInput,
    ) -> ApiResult<OrderClassPayload> {
        screened!(OrderClassPayload, &input);
        class_action(ctx, &input.id, ClassAction::Graduate).await
    }

    /// Cancels a class that has not graduated, with a reason; an agreed class's seats go back to
    /// its demand. Staff of the class's school only.
    async fn cancel_order_class(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CancelOrderClassInput`.")]
        input: CancelOrderClassInput,
    ) -> ApiResult<OrderClassPayload> {
        screened!(OrderClassPayload, &input);
        class_action(ctx, &input.id, ClassAction::Cancel(input.reason)).await
    }

    /// Enrols a student in a RECRUITING class. Staff of the class's school only. User errors:
    /// `CLASS_FULL`, `TARGET_GROUP_NOT_ALLOWED`, `AGE_LIMIT_EXCEEDED`, `ALREADY_ENROLLED`,
    /// `INVALID_TRANSITION`, `BLANK`, `INVALID`.
    async fn enrol_student(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `EnrolStudentInput`.")]
        input: EnrolStudentInput,
    ) -> ApiResult<EnrolmentPayload> {
        screened!(EnrolmentPayload, &input);
        let (db, bus) = parts(ctx)?;
        let class = bail_on!(
            EnrolmentPayload,
            input_id(NodeType::OrderClass, &input.order_class_id, "orderClassId")
        );
        let student = EnrolStudent {
            student_number: input.student_number,
            name: input.name,
            gender: input.gender,
            date_of_birth: input.date_of_birth.into(),
            target_group: input.target_group,
        };
        let outcome = domain::enrol(db, bus, actor(ctx), class, student).await?;
        Ok(EnrolmentPayload::from_outcome(outcome, |(e, s)| {
            Enrolment(e, s)
        }))
    }

    /// Records a student's tripartite pre-employment agreement (三方预就业协议, Ten Measures (7)).
    /// Staff of the class's school only. User errors: `NOT_A_SPONSOR`,
    /// `GUARDIAN_SIGNATURE_REQUIRED`, `INVALID`, `NOT_FOUND`.
    async fn record_pre_employment_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RecordPreEmploymentAgreementInput`.")] input: RecordPreEmploymentAgreementInput,
    ) -> ApiResult<EnrolmentPayload> {
        screened!(EnrolmentPayload, &input);
        let (db, bus) = parts(ctx)?;
        let ids = (
            input_id(NodeType::Enrolment, &input.enrolment_id, "enrolmentId"),
            input_id(NodeType::MemberUnit, &input.enterprise_id, "enterpriseId"),
        );
        let (enrolment, firm) = match ids {
            (Ok(e), Ok(f)) => (e, f),
            (e, f) => {
                return Ok(EnrolmentPayload {
                    enrolment: None,
                    user_errors: e.err().into_iter().chain(f.err()).collect(),
                });
            }
        };
        let outcome = domain::record_agreement(
            db,
            bus,
            actor(ctx),
            enrolment,
            firm,
            input.signed_on.into(),
            input.guardian_signed,
        )
        .await?;
        let outcome = match outcome {
            Ok(e) => {
                let student = entity::student::Entity::find_by_id(e.student_id)
                    .one(db)
                    .await
                    .map_err(ApiError::from)?;
                match student {
                    Some(s) => Ok((e, s)),
                    None => return Err(ApiError::NotFound(msg!("not-found-student")).into()),
                }
            }
            Err(errors) => Err(errors),
        };
        Ok(EnrolmentPayload::from_outcome(outcome, |(e, s)| {
            Enrolment(e, s)
        }))
    }
}
