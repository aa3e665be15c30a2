//! Order-class demand and the firms taking part in it.

use crate::graphql::scalar::{Date, DateTime};
use async_graphql::connection::EmptyFields;
use async_graphql::{Context, ID, Object};
use entity::enums::{DemandStatus, District, Term};
use entity::{demand_participant, order_class_demand};

use super::MemberUnit;
use crate::graphql::connection::Page;
use crate::graphql::error::ApiResult;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::{Loaders, prime_order_classes};
use crate::graphql::object::DemandParticipantConnection;
use crate::graphql::object::OrderClass;
use crate::graphql::object::OrderClassConnection;
use crate::graphql::object::id_cursor;

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct OrderClassDemand(pub order_class_demand::Model);

/// Order-class demand (订单班需求): what an enterprise posts — specialty, headcount, skills, start
/// term — for schools to answer with order classes (Founding notice 二(三)6). Other firms with the same
/// need may join it (联合组班); its total headcount is the sum of the participants'. Visible to every
/// authenticated caller once published; a DRAFT only to its firm and the secretariat.
#[Object]
impl OrderClassDemand {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::OrderClassDemand, self.0.id)
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
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// The posting enterprise.
    async fn enterprise(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        Ok(ctx
            .data::<Loaders>()?
            .unit(self.0.enterprise_id)
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
    async fn application_deadline(&self) -> Option<Date> {
        self.0.application_deadline.map(Into::into)
    }

    /// Unemployed youth (失业青年) may enrol (Ten Measures (2)).
    async fn open_to_unemployed_youth(&self) -> bool {
        self.0.open_to_unemployed_youth
    }

    /// Migrant workers (农民工) may enrol (Ten Measures (2)).
    async fn open_to_migrant_workers(&self) -> bool {
        self.0.open_to_migrant_workers
    }

    /// Oldest age in years a student may have at the class's start; null for no limit (the plan
    /// relaxes the usual limit, Ten Measures (2)).
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
        let total = crate::order_class::sum_headcounts(
            participants
                .unwrap_or_default()
                .iter()
                .map(|(p, _)| p.headcount),
        );
        // Each headcount is at most 10,000 and a demand has at most one participant per member.
        Ok(i32::try_from(total).unwrap_or(i32::MAX))
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
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }

    /// When the demand last changed (UTC, RFC 3339).
    async fn updated_at(&self) -> DateTime {
        self.0.updated_at.into()
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
        MemberUnit::from(self.1.clone())
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
    async fn joined_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}
