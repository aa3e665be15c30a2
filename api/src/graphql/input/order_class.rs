//! Input types of the order class operations.

use crate::graphql::scalar::Date;
use async_graphql::{ID, InputObject, MaybeUndefined};
use entity::{demand_participant, order_class, order_class_demand, order_class_sponsor};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition};

use crate::auth::Actor;
use crate::db::like_substring;
use crate::graphql::error::ApiError;
use crate::graphql::id::{NodeType, decode_as};
use crate::graphql::input::member_unit_ids;
use crate::msg;
use crate::order_class::{demand_scope, order_class_scope};
use entity::enums::{DemandStatus, District, Gender, OrderClassStatus, TargetGroup, Term};

/// A new order-class demand, posted as a DRAFT for the caller's firm.
#[derive(InputObject)]
pub struct CreateOrderClassDemandInput {
    /// Specialty name, e.g. 数控技术应用 (`BLANK`).
    pub specialty_name: String,
    /// Specialty code of the national catalogue.
    pub specialty_code: Option<String>,
    /// Students the firm wants (≥ 1, `MUST_BE_POSITIVE`).
    pub headcount: i32,
    /// Required skills (free text).
    pub required_skills: Option<String>,
    /// Required certificates (free text).
    pub required_certificates: Option<String>,
    /// Year the class should start (2000–2100, `INVALID`).
    pub start_year: i32,
    /// Term the class should start.
    pub start_term: Term,
    /// District where the graduates will work.
    pub work_district: Option<District>,
    /// Lowest offered monthly pay, CNY (≥ 0).
    pub pay_min: Option<i32>,
    /// Highest offered monthly pay, CNY (≥ payMin, `INVALID`).
    pub pay_max: Option<i32>,
    /// Last day schools may answer.
    pub application_deadline: Option<Date>,
    /// Unemployed youth may enrol (default true: Ten Measures (2) opens order classes to them;
    /// false closes this demand's classes to them).
    pub open_to_unemployed_youth: Option<bool>,
    /// Migrant workers may enrol (default true: Ten Measures (2); false closes them).
    pub open_to_migrant_workers: Option<bool>,
    /// Oldest age at the class's start, at least 16 years (`INVALID` below: 劳动法 art. 15 bars
    /// recruiting anyone under 16); no ceiling. Null for no limit.
    pub age_limit: Option<i32>,
    /// Description.
    pub description: Option<String>,
}

/// Changes to a DRAFT or OPEN demand; absent fields stay, `null` clears a nullable one.
#[derive(InputObject)]
pub struct UpdateOrderClassDemandInput {
    /// Global ID of the demand.
    pub id: ID,
    /// Specialty name.
    pub specialty_name: Option<String>,
    /// Specialty code.
    pub specialty_code: MaybeUndefined<String>,
    /// The posting firm's own headcount (≥ 1).
    pub headcount: Option<i32>,
    /// Required skills.
    pub required_skills: MaybeUndefined<String>,
    /// Required certificates.
    pub required_certificates: MaybeUndefined<String>,
    /// Start year.
    pub start_year: Option<i32>,
    /// Start term.
    pub start_term: Option<Term>,
    /// Work district.
    pub work_district: MaybeUndefined<District>,
    /// Lowest monthly pay, CNY.
    pub pay_min: MaybeUndefined<i32>,
    /// Highest monthly pay, CNY.
    pub pay_max: MaybeUndefined<i32>,
    /// Application deadline.
    pub application_deadline: MaybeUndefined<Date>,
    /// Unemployed youth may enrol.
    pub open_to_unemployed_youth: Option<bool>,
    /// Migrant workers may enrol.
    pub open_to_migrant_workers: Option<bool>,
    /// Age limit in years.
    pub age_limit: MaybeUndefined<i32>,
    /// Description.
    pub description: MaybeUndefined<String>,
}

/// Names one demand.
#[derive(InputObject)]
pub struct OrderClassDemandIdInput {
    /// Global ID of the demand.
    pub id: ID,
}

/// Joins another firm's OPEN demand.
#[derive(InputObject)]
pub struct JoinOrderClassDemandInput {
    /// Global ID of the demand.
    pub id: ID,
    /// Students the caller's firm wants from the joint class (≥ 1).
    pub headcount: i32,
}

/// A sponsoring firm and its seats.
#[derive(InputObject)]
pub struct SponsorSeatsInput {
    /// Global ID of the firm (a non-school member unit, `SPONSOR_NOT_ENTERPRISE`).
    pub enterprise_id: ID,
    /// Seats it takes (≥ 1).
    pub seats: i32,
}

/// Training-plan hours.
#[derive(InputObject)]
pub struct TrainingPlanInput {
    /// Total specialty course hours (≥ 0).
    pub total_specialty_hours: i32,
    /// Of which in enterprise workshops (≥ 0, ≤ total; ≥ 50% of it to be agreed).
    pub enterprise_workshop_hours: i32,
    /// Core-skill practice hours (≥ 150% of the ordinary class's to be agreed).
    pub core_practice_hours: i32,
    /// The school's ordinary-class core practice hours, same specialty.
    pub ordinary_class_practice_hours: i32,
}

/// One integration: agreed or not, and a note.
#[derive(InputObject, Default)]
pub struct IntegrationInput {
    /// Agreed with the sponsoring firms.
    pub agreed: bool,
    /// Note.
    pub note: Option<String>,
}

/// The five integrations (五融通); an absent one is "not agreed, no note".
#[derive(InputObject, Default)]
pub struct FiveIntegrationsInput {
    /// Course goals (课程目标).
    #[graphql(default)]
    pub course_goals: IntegrationInput,
    /// Course model (课程模式).
    #[graphql(default)]
    pub course_model: IntegrationInput,
    /// Teaching content (教学内容).
    #[graphql(default)]
    pub content: IntegrationInput,
    /// Teaching management (教学管理).
    #[graphql(default)]
    pub management: IntegrationInput,
    /// Assessment (考核评价).
    #[graphql(default)]
    pub assessment: IntegrationInput,
}

/// A proposed order class.
#[derive(InputObject)]
pub struct CreateOrderClassInput {
    /// Global ID of the OPEN demand it answers (required for school staff; `DEMAND_NOT_OPEN`).
    pub demand_id: Option<ID>,
    /// Global ID of the school (the secretariat names it; school staff may omit it).
    pub school_id: Option<ID>,
    /// Class name.
    pub name: String,
    /// Specialty name.
    pub specialty_name: String,
    /// Specialty code.
    pub specialty_code: Option<String>,
    /// Year the cohort enrols.
    pub cohort_year: i32,
    /// Planned seats (≥ 1).
    pub planned_seats: i32,
    /// Sponsoring firms and their seats, summing to plannedSeats (`SPONSOR_SEATS_MISMATCH`); when
    /// answering a demand, each must take part in it (`SPONSOR_NOT_IN_DEMAND`).
    pub sponsors: Vec<SponsorSeatsInput>,
    /// Training-plan hours.
    pub plan: TrainingPlanInput,
    /// The five integrations.
    #[graphql(default)]
    pub integrations: FiveIntegrationsInput,
}

/// Changes to a PROPOSED class's plan; every acceptance so far is withdrawn.
#[derive(InputObject)]
pub struct UpdateOrderClassPlanInput {
    /// Global ID of the class.
    pub id: ID,
    /// New training-plan hours.
    pub plan: Option<TrainingPlanInput>,
    /// New five integrations.
    pub integrations: Option<FiveIntegrationsInput>,
}

/// Names one order class.
#[derive(InputObject)]
pub struct OrderClassIdInput {
    /// Global ID of the class.
    pub id: ID,
}

/// Cancels an order class.
#[derive(InputObject)]
pub struct CancelOrderClassInput {
    /// Global ID of the class.
    pub id: ID,
    /// Why (`BLANK`).
    pub reason: String,
}

/// A student to enrol in a RECRUITING class.
#[derive(InputObject)]
pub struct EnrolStudentInput {
    /// Global ID of the class.
    pub order_class_id: ID,
    /// The school's student number (学号): the student is found by it or created.
    pub student_number: String,
    /// Full name.
    pub name: String,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    pub date_of_birth: Date,
    /// Regular student, unemployed youth or migrant worker (`TARGET_GROUP_NOT_ALLOWED`).
    #[graphql(default_with = "TargetGroup::Regular")]
    pub target_group: TargetGroup,
}

/// A signed tripartite pre-employment agreement (三方预就业协议).
#[derive(InputObject)]
pub struct RecordPreEmploymentAgreementInput {
    /// Global ID of the enrolment.
    pub enrolment_id: ID,
    /// Global ID of the sponsoring firm that will employ the student (`NOT_A_SPONSOR`).
    pub enterprise_id: ID,
    /// Date signed (not in the future).
    pub signed_on: Date,
    /// The guardian signed too (required when the student is under 18 on that day,
    /// `GUARDIAN_SIGNATURE_REQUIRED`).
    #[graphql(default)]
    pub guardian_signed: bool,
}

/// Which demands `orderClassDemands` returns. Fields combine with AND; lists match any value.
#[derive(InputObject, Default)]
pub struct OrderClassDemandFilter {
    /// Demands in any of these statuses.
    pub statuses: Option<Vec<DemandStatus>>,
    /// Substring of the specialty name or code (e.g. `数控`).
    pub specialty_search: Option<String>,
    /// Demands in which any of these firms (global IDs of member units) take part, as poster or
    /// joiner.
    pub enterprise_ids: Option<Vec<ID>>,
    /// Demands whose work district is any of these.
    pub districts: Option<Vec<District>>,
    /// Demands starting in this year.
    pub start_year: Option<i32>,
    /// Demands starting in this term.
    pub start_term: Option<Term>,
}

/// Which classes `orderClasses` returns. Fields combine with AND; lists match any value.
#[derive(InputObject, Default)]
pub struct OrderClassFilter {
    /// Classes in any of these statuses.
    pub statuses: Option<Vec<OrderClassStatus>>,
    /// Classes run by any of these schools (global IDs of member units).
    pub school_ids: Option<Vec<ID>>,
    /// Classes sponsored by any of these firms (global IDs of member units).
    pub enterprise_ids: Option<Vec<ID>>,
    /// Classes answering this demand (global ID).
    pub demand_id: Option<ID>,
    /// Substring of the class name or specialty name.
    pub search: Option<String>,
}

fn like(col: impl ColumnTrait, term: &str) -> sea_orm::sea_query::SimpleExpr {
    col.like(sea_orm::sea_query::LikeExpr::new(like_substring(term)).escape('\\'))
}

impl OrderClassDemandFilter {
    /// The filter's condition AND the caller's scope (`order_class::demand_scope`): a filter only
    /// ever narrows what the caller may read. Shared by `orderClassDemands` and
    /// `MemberUnit.orderClassDemands`.
    ///
    /// # Errors
    /// `BAD_USER_INPUT` for IDs of other types.
    pub fn condition(&self, actor: &Actor) -> Result<Condition, ApiError> {
        let f = self;
        let mut cond = demand_scope(actor);
        if let Some(s) = f.statuses.clone() {
            cond = cond.add(order_class_demand::Column::Status.is_in(s));
        }
        if let Some(term) = f
            .specialty_search
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            cond = cond.add(
                Condition::any()
                    .add(like(order_class_demand::Column::SpecialtyName, term))
                    .add(like(order_class_demand::Column::SpecialtyCode, term)),
            );
        }
        if let Some(ids) = &f.enterprise_ids {
            let ids = member_unit_ids(ids, "enterpriseIds")?;
            cond = cond.add(
                order_class_demand::Column::Id.in_subquery(
                    Query::select()
                        .column(demand_participant::Column::DemandId)
                        .from(demand_participant::Entity)
                        .and_where(demand_participant::Column::EnterpriseId.is_in(ids))
                        .to_owned(),
                ),
            );
        }
        if let Some(d) = f.districts.clone() {
            cond = cond.add(order_class_demand::Column::WorkDistrict.is_in(d));
        }
        if let Some(y) = f.start_year {
            cond = cond.add(order_class_demand::Column::StartYear.eq(y));
        }
        if let Some(t) = f.start_term {
            cond = cond.add(order_class_demand::Column::StartTerm.eq(t));
        }
        Ok(cond)
    }
}

impl OrderClassFilter {
    /// The filter's condition AND the caller's scope (`order_class::order_class_scope`). Shared by
    /// `orderClasses` and `MemberUnit.orderClasses`.
    ///
    /// # Errors
    /// `BAD_USER_INPUT` for IDs of other types.
    pub fn condition(&self, actor: &Actor) -> Result<Condition, ApiError> {
        let f = self;
        let mut cond = order_class_scope(actor);
        if let Some(s) = f.statuses.clone() {
            cond = cond.add(order_class::Column::Status.is_in(s));
        }
        if let Some(ids) = &f.school_ids {
            cond =
                cond.add(order_class::Column::SchoolId.is_in(member_unit_ids(ids, "schoolIds")?));
        }
        if let Some(ids) = &f.enterprise_ids {
            let ids = member_unit_ids(ids, "enterpriseIds")?;
            cond = cond.add(
                order_class::Column::Id.in_subquery(
                    Query::select()
                        .column(order_class_sponsor::Column::OrderClassId)
                        .from(order_class_sponsor::Entity)
                        .and_where(order_class_sponsor::Column::EnterpriseId.is_in(ids))
                        .to_owned(),
                ),
            );
        }
        if let Some(id) = &f.demand_id {
            let demand = decode_as(NodeType::OrderClassDemand, id).map_err(|_| {
                ApiError::BadUserInput(msg!(
                    "id-wrong-type",
                    field = "demandId",
                    id = id.as_str(),
                    type_name = "OrderClassDemand"
                ))
            })?;
            cond = cond.add(order_class::Column::DemandId.eq(demand));
        }
        if let Some(term) = f.search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            cond = cond.add(
                Condition::any()
                    .add(like(order_class::Column::Name, term))
                    .add(like(order_class::Column::SpecialtyName, term)),
            );
        }
        Ok(cond)
    }
}
