use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entity::enums::{DemandStatus, District, Gender, OrderClassStatus, TargetGroup, Term};
use entity::{
    demand_participant, enrolment, order_class, order_class_demand, order_class_sponsor, student,
};

use super::MemberUnit;
use crate::graphql::connection::{Cursor, Page, TotalCount};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::actor;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::{Loaders, prime_order_classes};
use crate::order_class::{OrderClassRule, can_read_demand, can_see_students, check_rules};

/// The cursor of an item in a list ordered by id.
pub fn id_cursor(id: uuid::Uuid) -> Cursor {
    Cursor {
        order: "ID".into(),
        key: serde_json::Value::Null,
        id,
    }
}

/// A page of demand participants.
pub type DemandParticipantConnection =
    Connection<Cursor, DemandParticipant, TotalCount, EmptyFields>;
/// A page of order classes.
pub type OrderClassConnection = Connection<Cursor, OrderClass, TotalCount, EmptyFields>;
/// A page of order-class sponsors.
pub type OrderClassSponsorConnection =
    Connection<Cursor, OrderClassSponsor, TotalCount, EmptyFields>;
/// A page of enrolments.
pub type EnrolmentConnection = Connection<Cursor, Enrolment, TotalCount, EmptyFields>;
/// A page of order-class demands.
pub type OrderClassDemandConnection = Connection<Cursor, OrderClassDemand, TotalCount, EmptyFields>;

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct OrderClassDemand(pub order_class_demand::Model);

/// Order-class demand (订单班需求): what an enterprise posts — specialty, headcount, skills, start
/// term — for schools to answer with order classes (`004_*.txt` 二(三)6). Other firms with the same
/// need may join it (联合组班); its total headcount is the sum of the participants'. Visible to every
/// authenticated caller once published; a DRAFT only to its firm and the secretariat.
#[Object]
impl OrderClassDemand {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::OrderClassDemand, self.0.id)
    }

    /// The posting enterprise.
    async fn enterprise(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        Ok(ctx
            .data::<Loaders>()?
            .member_unit
            .load_one(self.0.enterprise_id)
            .await?
            .map(MemberUnit))
    }

    /// Specialty (专业) name, e.g. 数控技术应用.
    async fn specialty_name(&self) -> &str {
        &self.0.specialty_name
    }

    /// Specialty code of the national catalogue, if given.
    async fn specialty_code(&self) -> Option<&str> {
        self.0.specialty_code.as_deref()
    }

    /// Required skills (free text).
    async fn required_skills(&self) -> Option<&str> {
        self.0.required_skills.as_deref()
    }

    /// Required certificates (free text).
    async fn required_certificates(&self) -> Option<&str> {
        self.0.required_certificates.as_deref()
    }

    /// Year the class should start.
    async fn start_year(&self) -> i32 {
        self.0.start_year
    }

    /// Term the class should start.
    async fn start_term(&self) -> Term {
        self.0.start_term
    }

    /// District where the graduates will work.
    async fn work_district(&self) -> Option<District> {
        self.0.work_district
    }

    /// Lowest offered monthly pay (CNY).
    async fn pay_min(&self) -> Option<i32> {
        self.0.pay_min
    }

    /// Highest offered monthly pay (CNY).
    async fn pay_max(&self) -> Option<i32> {
        self.0.pay_max
    }

    /// Last day schools may answer (ISO 8601 date).
    async fn application_deadline(&self) -> Option<NaiveDate> {
        self.0.application_deadline
    }

    /// Unemployed youth (失业青年) may enrol (`001_*.txt` (2)).
    async fn open_to_unemployed_youth(&self) -> bool {
        self.0.open_to_unemployed_youth
    }

    /// Migrant workers (农民工) may enrol (`001_*.txt` (2)).
    async fn open_to_migrant_workers(&self) -> bool {
        self.0.open_to_migrant_workers
    }

    /// Oldest age in years a student may have at the class's start; null for no limit (the plan
    /// relaxes the usual limit, `001_*.txt` (2)).
    async fn age_limit(&self) -> Option<i32> {
        self.0.age_limit
    }

    /// Description (free text).
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }

    /// Workflow status.
    async fn status(&self) -> DemandStatus {
        self.0.status
    }

    /// Students wanted in all: the sum of every participant's headcount.
    async fn total_headcount(&self, ctx: &Context<'_>) -> ApiResult<i32> {
        let participants = ctx
            .data::<Loaders>()?
            .participants_by_demand
            .load_one(self.0.id)
            .await?;
        Ok(participants
            .unwrap_or_default()
            .iter()
            .map(|(p, _)| p.headcount)
            .sum())
    }

    /// Seats covered by AGREED (or later) order classes answering this demand.
    async fn matched_seats(&self) -> i32 {
        self.0.matched_seats
    }

    /// The participating firms: the posting firm first, then those that joined.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn participants(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<DemandParticipantConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        let all = ctx
            .data::<Loaders>()?
            .participants_by_demand
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        let (rows, total) = page.slice(all, |(p, _)| p.id);
        Ok(page.finish(rows, total, |(p, unit)| {
            (id_cursor(p.id), DemandParticipant(p, unit), EmptyFields)
        }))
    }

    /// The order classes that answer this demand, oldest first.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn order_classes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<OrderClassConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        let loaders = ctx.data::<Loaders>()?;
        let all = loaders
            .classes_by_demand
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        let (rows, total) = page.slice(all, |c| c.id);
        prime_order_classes(loaders, &ctx.look_ahead(), &rows).await?;
        Ok(page.finish(rows, total, |c| {
            (id_cursor(c.id), OrderClass(c), EmptyFields)
        }))
    }

    /// When the demand was created (UTC, RFC 3339).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When the demand last changed (UTC, RFC 3339).
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// GraphQL object wrapping a participant row and its unit.
pub struct DemandParticipant(
    pub demand_participant::Model,
    pub entity::member_unit::Model,
);

/// A firm taking part in an order-class demand with its own headcount: the posting firm, or one
/// that joined (联合组班).
#[Object]
impl DemandParticipant {
    /// The firm.
    async fn enterprise(&self) -> MemberUnit {
        MemberUnit(self.1.clone())
    }

    /// Students it wants.
    async fn headcount(&self) -> i32 {
        self.0.headcount
    }

    /// Whether it posted the demand.
    async fn is_poster(&self) -> bool {
        self.0.is_poster
    }

    /// When it joined (UTC, RFC 3339).
    async fn joined_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// Training-plan figures of an order class, in hours (`001_*.txt` (5)).
#[derive(SimpleObject)]
pub struct TrainingPlan {
    /// Total specialty course hours.
    pub total_specialty_hours: i32,
    /// Of which taught in enterprise workshops (should be ≥ 50% of the total).
    pub enterprise_workshop_hours: i32,
    /// Core-skill practice hours (should be ≥ 150% of the ordinary class's).
    pub core_practice_hours: i32,
    /// The school's ordinary-class core practice hours for the same specialty.
    pub ordinary_class_practice_hours: i32,
}

/// One of the five integrations (五融通): whether it is agreed with the firms, and a note.
#[derive(SimpleObject)]
pub struct Integration {
    /// Agreed with the sponsoring firms.
    pub agreed: bool,
    /// Note.
    pub note: Option<String>,
}

/// The five integrations (五融通, `004_*.txt` 二(三)6): course goals, course model, content,
/// management and assessment agreed between school and firms.
#[derive(SimpleObject)]
pub struct FiveIntegrations {
    /// Course goals (课程目标).
    pub course_goals: Integration,
    /// Course model (课程模式).
    pub course_model: Integration,
    /// Teaching content (教学内容).
    pub content: Integration,
    /// Teaching management (教学管理).
    pub management: Integration,
    /// Assessment (考核评价).
    pub assessment: Integration,
}

/// How an order class stands against one rule it is checked against when agreed.
#[derive(SimpleObject)]
pub struct RuleCheck {
    /// The rule.
    pub rule: OrderClassRule,
    /// Whether the class meets it now.
    pub met: bool,
    /// The figures behind the verdict.
    pub detail: String,
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct OrderClass(pub order_class::Model);

impl OrderClass {
    async fn sponsors_of(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<(order_class_sponsor::Model, entity::member_unit::Model)>> {
        Ok(ctx
            .data::<Loaders>()?
            .sponsors_by_class
            .load_one(self.0.id)
            .await?
            .unwrap_or_default())
    }

    async fn stats(&self, ctx: &Context<'_>) -> ApiResult<(i64, i64)> {
        Ok(ctx
            .data::<Loaders>()?
            .enrolment_stats
            .load_one(self.0.id)
            .await?
            .unwrap_or_default())
    }
}

/// Order class (订单班): a class a school trains to one or more enterprises' order; graduates go
/// straight to the sponsoring firms (`004_*.txt` 二(三)6). Visible to every authenticated caller;
/// its students only to its school, its sponsors and the secretariat.
#[Object]
impl OrderClass {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::OrderClass, self.0.id)
    }

    /// The demand it answers (null if none, or if the caller may not read it).
    async fn demand(&self, ctx: &Context<'_>) -> ApiResult<Option<OrderClassDemand>> {
        let Some(id) = self.0.demand_id else {
            return Ok(None);
        };
        let demand = ctx.data::<Loaders>()?.demand.load_one(id).await?;
        Ok(demand
            .filter(|d| can_read_demand(actor(ctx), d))
            .map(OrderClassDemand))
    }

    /// The school that runs it.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        Ok(ctx
            .data::<Loaders>()?
            .member_unit
            .load_one(self.0.school_id)
            .await?
            .map(MemberUnit))
    }

    /// Class name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Specialty name.
    async fn specialty_name(&self) -> &str {
        &self.0.specialty_name
    }

    /// Specialty code, if given.
    async fn specialty_code(&self) -> Option<&str> {
        self.0.specialty_code.as_deref()
    }

    /// Year the cohort enrols.
    async fn cohort_year(&self) -> i32 {
        self.0.cohort_year
    }

    /// Planned seats; the sponsors' seats sum to it.
    async fn planned_seats(&self) -> i32 {
        self.0.planned_seats
    }

    /// Training-plan hours.
    async fn plan(&self) -> TrainingPlan {
        TrainingPlan {
            total_specialty_hours: self.0.total_specialty_hours,
            enterprise_workshop_hours: self.0.enterprise_workshop_hours,
            core_practice_hours: self.0.core_practice_hours,
            ordinary_class_practice_hours: self.0.ordinary_class_practice_hours,
        }
    }

    /// The five integrations (五融通).
    async fn integrations(&self) -> FiveIntegrations {
        let m = &self.0;
        FiveIntegrations {
            course_goals: Integration {
                agreed: m.course_goals_agreed,
                note: m.course_goals_note.clone(),
            },
            course_model: Integration {
                agreed: m.course_model_agreed,
                note: m.course_model_note.clone(),
            },
            content: Integration {
                agreed: m.content_agreed,
                note: m.content_note.clone(),
            },
            management: Integration {
                agreed: m.management_agreed,
                note: m.management_note.clone(),
            },
            assessment: Integration {
                agreed: m.assessment_agreed,
                note: m.assessment_note.clone(),
            },
        }
    }

    /// The rules the class is checked against when it is agreed (`001_*.txt` (5) and the class's
    /// own consistency), each with its current verdict; accepting fails while any is unmet.
    async fn rule_checks(&self, ctx: &Context<'_>) -> ApiResult<Vec<RuleCheck>> {
        let sponsors: Vec<_> = self
            .sponsors_of(ctx)
            .await?
            .into_iter()
            .map(|(s, u)| (s, Some(u)))
            .collect();
        Ok(check_rules(&self.0, &sponsors)
            .into_iter()
            .map(|c| RuleCheck {
                rule: c.rule,
                met: c.met,
                detail: c.detail,
            })
            .collect())
    }

    /// Workflow status.
    async fn status(&self) -> OrderClassStatus {
        self.0.status
    }

    /// Why the class was cancelled.
    async fn cancel_reason(&self) -> Option<&str> {
        self.0.cancel_reason.as_deref()
    }

    /// When the school accepted the current plan (UTC, RFC 3339); null until it does.
    async fn school_accepted_at(&self) -> Option<DateTime<Utc>> {
        self.0.school_accepted_at
    }

    /// When the class became AGREED (UTC, RFC 3339).
    async fn agreed_at(&self) -> Option<DateTime<Utc>> {
        self.0.agreed_at
    }

    /// The sponsoring firms with their seats and acceptance.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn sponsors(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<OrderClassSponsorConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        let (rows, total) = page.slice(self.sponsors_of(ctx).await?, |(s, _)| s.id);
        Ok(page.finish(rows, total, |(s, u)| {
            (id_cursor(s.id), OrderClassSponsor(s, u), EmptyFields)
        }))
    }

    /// Students enrolled.
    async fn enrolled_count(&self, ctx: &Context<'_>) -> ApiResult<i64> {
        Ok(self.stats(ctx).await?.0)
    }

    /// Pre-employment agreements signed (三方预就业协议).
    async fn agreements_signed(&self, ctx: &Context<'_>) -> ApiResult<i64> {
        Ok(self.stats(ctx).await?.1)
    }

    /// Planned seats not yet taken.
    async fn seats_left(&self, ctx: &Context<'_>) -> ApiResult<i64> {
        Ok((i64::from(self.0.planned_seats) - self.stats(ctx).await?.0).max(0))
    }

    /// The enrolled students. Personal data: only the class's school, its sponsoring firms and the
    /// secretariat may read it (`FORBIDDEN` for others).
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn enrolments(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<EnrolmentConnection> {
        let sponsors: Vec<_> = self
            .sponsors_of(ctx)
            .await?
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        if !can_see_students(actor(ctx), self.0.school_id, &sponsors) {
            return Err(ApiError::Forbidden(
                "students are visible to their school, the class's sponsors and the secretariat",
            )
            .into());
        }
        let page = Page::new(first, after, last, before, "ID")?;
        let all = ctx
            .data::<Loaders>()?
            .enrolments_by_class
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        let (rows, total) = page.slice(all, |(e, _)| e.id);
        Ok(page.finish(rows, total, |(e, s)| {
            (id_cursor(e.id), Enrolment(e, s), EmptyFields)
        }))
    }

    /// When the class was proposed (UTC, RFC 3339).
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When the class last changed (UTC, RFC 3339).
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// GraphQL object wrapping a sponsor row and its unit.
pub struct OrderClassSponsor(
    pub order_class_sponsor::Model,
    pub entity::member_unit::Model,
);

/// A firm sponsoring an order class: its seats and its acceptance of the current plan.
#[Object]
impl OrderClassSponsor {
    /// The firm.
    async fn enterprise(&self) -> MemberUnit {
        MemberUnit(self.1.clone())
    }

    /// Seats it takes.
    async fn seats(&self) -> i32 {
        self.0.seats
    }

    /// Whether it accepted the current plan.
    async fn accepted(&self) -> bool {
        self.0.accepted_at.is_some()
    }

    /// When it accepted (UTC, RFC 3339).
    async fn accepted_at(&self) -> Option<DateTime<Utc>> {
        self.0.accepted_at
    }
}

/// GraphQL object wrapping an enrolment and its student.
pub struct Enrolment(pub enrolment::Model, pub student::Model);

/// A student enrolled in an order class, with the pre-employment agreement once signed. Visible
/// only to the class's school, its sponsors and the secretariat.
#[Object]
impl Enrolment {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Enrolment, self.0.id)
    }

    /// The student.
    async fn student(&self) -> Student {
        Student(self.1.clone(), StudentView::Full)
    }

    /// Regular student, unemployed youth or migrant worker.
    async fn target_group(&self) -> TargetGroup {
        self.0.target_group
    }

    /// When the student was enrolled (UTC, RFC 3339).
    async fn enrolled_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// The tripartite pre-employment agreement (三方预就业协议), once recorded.
    async fn agreement(&self, ctx: &Context<'_>) -> ApiResult<Option<PreEmploymentAgreement>> {
        let (Some(firm), Some(signed_on)) =
            (self.0.agreement_enterprise_id, self.0.agreement_signed_on)
        else {
            return Ok(None);
        };
        let enterprise = ctx
            .data::<Loaders>()?
            .member_unit
            .load_one(firm)
            .await?
            .map(MemberUnit);
        Ok(Some(PreEmploymentAgreement {
            enterprise,
            signed_on,
            guardian_signed: self.0.agreement_guardian_signed,
        }))
    }
}

/// Tripartite pre-employment agreement (三方预就业协议: school, sponsoring firm, student — a minor's
/// guardian too; "招生即招工·入校即入职", `001_*.txt` (7)).
#[derive(SimpleObject)]
pub struct PreEmploymentAgreement {
    /// The sponsoring firm that will employ the student.
    pub enterprise: Option<MemberUnit>,
    /// Date signed (ISO 8601 date).
    pub signed_on: NaiveDate,
    /// The guardian signed too (required for a minor).
    pub guardian_signed: bool,
}

/// How much of a student a caller may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StudentView {
    /// The student's school, the sponsors of the student's order class, the secretariat.
    Full,
    /// The host of the student's placement: name and specialty only (plus the placement's own
    /// dates, post and mentor).
    Limited,
}

/// GraphQL object wrapping the entity model and the caller's view of it.
pub struct Student(pub student::Model, pub StudentView);

impl Student {
    fn full(&self) -> Result<(), ApiError> {
        match self.1 {
            StudentView::Full => Ok(()),
            StudentView::Limited => Err(ApiError::Forbidden(
                "a host sees its interns' name and specialty only",
            )),
        }
    }
}

/// A student of a school. Personal data: visible only to the student's school, the firms
/// sponsoring the student's order class, and the secretariat; the host of a placement sees the
/// name and specialty only (other fields answer `FORBIDDEN`).
#[Object]
impl Student {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Student, self.0.id)
    }

    /// The school's student number (学号).
    async fn student_number(&self) -> ApiResult<&str> {
        self.full()?;
        Ok(&self.0.student_number)
    }

    /// Full name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Gender.
    async fn gender(&self) -> ApiResult<Gender> {
        self.full()?;
        Ok(self.0.gender)
    }

    /// Date of birth (ISO 8601 date).
    async fn date_of_birth(&self) -> ApiResult<NaiveDate> {
        self.full()?;
        Ok(self.0.date_of_birth)
    }

    /// Year of study (1 = first year), if recorded.
    async fn year_of_study(&self) -> ApiResult<Option<i32>> {
        self.full()?;
        Ok(self.0.year_of_study)
    }

    /// Specialty (专业), if recorded.
    async fn specialty(&self) -> Option<&str> {
        self.0.specialty.as_deref()
    }

    /// National ID number, masked: the first 6 and last 4 characters, e.g. `371002********1234`.
    /// The full number is never returned.
    async fn national_id_masked(&self) -> ApiResult<Option<String>> {
        self.full()?;
        Ok(self.0.national_id.as_deref().map(crate::national_id::mask))
    }

    /// The school.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        Ok(ctx
            .data::<Loaders>()?
            .member_unit
            .load_one(self.0.school_id)
            .await?
            .map(MemberUnit))
    }
}
