//! Order classes, their training plans, rule checks and sponsors.

use crate::graphql::scalar::DateTime;
use crate::msg;
use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::OrderClassStatus;
use entity::{order_class, order_class_sponsor};
use futures_util::FutureExt;
use std::sync::Arc;
use uuid::Uuid;

use super::MemberUnit;
use crate::graphql::connection::{Cursor, Page, TotalCount};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::actor;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::graphql::object::DemandParticipant;
use crate::graphql::object::Enrolment;
use crate::graphql::object::OrderClassDemand;
use crate::graphql::object::id_cursor;
use crate::order_class::{OrderClassRule, can_read_demand, can_see_students, check_rules};

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

/// Training-plan figures of an order class, in hours (Ten Measures (5)).
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

/// The five integrations (五融通, Founding notice 二(三)6): course goals, course model, content,
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
    /// The figures behind the verdict, in the request's language (`Accept-Language`).
    pub detail: String,
}

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct OrderClass(pub order_class::Model);

impl OrderClass {
    async fn sponsors_of(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<(order_class_sponsor::Model, Arc<entity::member_unit::Model>)>> {
        let loaders = ctx.data::<Loaders>()?;
        let sponsors = loaders
            .sponsors_by_class
            .load_one(self.0.id)
            .boxed()
            .await?
            .unwrap_or_default();
        let ids: Vec<Uuid> = sponsors.iter().map(|s| s.enterprise_id).collect();
        let mut firms = loaders.units(&ids).boxed().await?;
        // Every sponsor has its firm (a foreign key that restricts deletes).
        Ok(sponsors
            .into_iter()
            .filter_map(|s| firms.remove(&s.enterprise_id).map(|u| (s, u)))
            .collect())
    }
}

/// Order class (订单班): a class a school trains to one or more enterprises' order; graduates go
/// straight to the sponsoring firms (Founding notice 二(三)6). Visible to every authenticated caller;
/// its students only to its school, its sponsors and the secretariat.
#[Object]
impl OrderClass {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::OrderClass, self.0.id)
    }

    /// The record's audit trail, newest first: who created and changed it, when, through which
    /// operation, and the fields changed (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "crate::graphql::guard::RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &async_graphql::Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> crate::graphql::error::ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after)
            .boxed()
            .await
    }

    /// The demand it answers (null if none, or if the caller may not read it).
    async fn demand(&self, ctx: &Context<'_>) -> ApiResult<Option<OrderClassDemand>> {
        let Some(id) = self.0.demand_id else {
            return Ok(None);
        };
        let demand = ctx.data::<Loaders>()?.demand.load_one(id).boxed().await?;
        Ok(demand
            .filter(|d| can_read_demand(actor(ctx), d))
            .map(OrderClassDemand))
    }

    /// The school that runs it.
    async fn school(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        Ok(ctx
            .data::<Loaders>()?
            .unit(self.0.school_id)
            .boxed()
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

    /// The rules the class is checked against when it is agreed (Ten Measures (5) and the class's
    /// own consistency), each with its current verdict; accepting fails while any is unmet.
    async fn rule_checks(&self, ctx: &Context<'_>) -> ApiResult<Vec<RuleCheck>> {
        let sponsors: Vec<_> = self
            .sponsors_of(ctx)
            .boxed()
            .await?
            .into_iter()
            .map(|(s, u)| (s, Some(Arc::unwrap_or_clone(u))))
            .collect();
        let locale = crate::i18n::Locale::of(ctx);
        Ok(check_rules(&self.0, &sponsors)
            .into_iter()
            .map(|c| RuleCheck {
                rule: c.rule,
                met: c.met,
                detail: c.detail.render(locale),
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
    async fn school_accepted_at(&self) -> Option<DateTime> {
        self.0.school_accepted_at.map(Into::into)
    }

    /// When the class became AGREED (UTC, RFC 3339).
    async fn agreed_at(&self) -> Option<DateTime> {
        self.0.agreed_at.map(Into::into)
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
        let (rows, total) = page.slice(self.sponsors_of(ctx).boxed().await?, |(s, _)| s.id);
        Ok(page.finish(rows, total, |(s, u)| {
            (id_cursor(s.id), OrderClassSponsor(s, u), EmptyFields)
        }))
    }

    /// Students enrolled: a count the database keeps with every write to the class's enrolments
    /// (`order_class.enrolled_count`, `docs/performance.md`), so it costs no statement.
    async fn enrolled_count(&self) -> i64 {
        self.0.enrolled_count
    }

    /// Pre-employment agreements signed (三方预就业协议): enrolments whose agreement is recorded,
    /// kept as `enrolledCount` is.
    async fn agreements_signed(&self) -> i64 {
        self.0.agreements_signed
    }

    /// Planned seats not yet taken: `plannedSeats − enrolledCount`, never below 0.
    async fn seats_left(&self) -> i64 {
        (i64::from(self.0.planned_seats) - self.0.enrolled_count).max(0)
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
            .boxed()
            .await?
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        if !can_see_students(actor(ctx), self.0.school_id, &sponsors) {
            return Err(ApiError::Forbidden(msg!("forbidden-students-of-class")).into());
        }
        let page = Page::new(first, after, last, before, "ID")?;
        let all = ctx
            .data::<Loaders>()?
            .enrolments_by_class
            .load_one(self.0.id)
            .boxed()
            .await?
            .unwrap_or_default();
        let (rows, total) = page.slice(all, |(e, _)| e.id);
        Ok(page.finish(rows, total, |(e, s)| {
            (id_cursor(e.id), Enrolment(e, s), EmptyFields)
        }))
    }

    /// The internship placements of the class's students that belong to the class, filtered and
    /// ordered as `internshipPlacements` (newest first) and scoped as it is (the school, the host,
    /// the secretariat). Loaded for all classes of a page at once. Errors: `UNAUTHENTICATED`,
    /// `BAD_USER_INPUT`.
    #[graphql(
        guard = "crate::graphql::guard::RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn internship_placements(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which placements to return (as `internshipPlacements`).")] filter: Option<
            crate::graphql::input::InternshipPlacementFilter,
        >,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<super::InternshipPlacementConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        super::unit_edges::placements(
            ctx,
            "OrderClass.internshipPlacements",
            self.0.id,
            &[entity::internship_placement::Column::OrderClassId],
            filter,
            page,
        )
        .boxed()
        .await
    }

    /// When the class was proposed (UTC, RFC 3339).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }

    /// When the class last changed (UTC, RFC 3339).
    async fn updated_at(&self) -> DateTime {
        self.0.updated_at.into()
    }
}

/// GraphQL object wrapping a sponsor row and its unit.
pub struct OrderClassSponsor(
    pub order_class_sponsor::Model,
    pub Arc<entity::member_unit::Model>,
);

/// A firm sponsoring an order class: its seats and its acceptance of the current plan.
#[Object]
impl OrderClassSponsor {
    /// The firm.
    async fn enterprise(&self) -> MemberUnit {
        MemberUnit(Arc::clone(&self.1))
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
    async fn accepted_at(&self) -> Option<DateTime> {
        self.0.accepted_at.map(Into::into)
    }
}
