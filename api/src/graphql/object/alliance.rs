use crate::graphql::scalar::{Date, DateTime};
use async_graphql::{Context, ID, Object};
use entity::{alliance, member_unit};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::id::{NodeType, encode};

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct Alliance(pub alliance::Model);

/// The alliance itself (集团（联盟）): Weihai Technical Education Group (Alliance),
/// 威海市技工教育集团（联盟）, founded by the Founding notice (威海市人力资源和社会保障局,
/// 2026-07-01; `docs/sources.md`). A setting, so another city's
/// group can run the same software.
#[Object]
impl Alliance {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Alliance, self.0.id)
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

    /// Full name as the founding document prints it, e.g. 威海市技工教育集团（联盟）.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// City the alliance serves, e.g. 威海市.
    async fn city(&self) -> &str {
        &self.0.city
    }

    /// Founding date (ISO 8601 date), the date of the founding notice.
    async fn founded_on(&self) -> Date {
        self.0.founded_on.into()
    }

    /// Title of the founding document, e.g. 关于成立威海市技工教育集团（联盟）的通知.
    async fn founding_document(&self) -> &str {
        &self.0.founding_document
    }

    /// Body that issued the founding document, e.g. 威海市人力资源和社会保障局.
    async fn issuer(&self) -> &str {
        &self.0.issuer
    }

    /// Source file this row was taken from.
    async fn source(&self) -> &str {
        &self.0.source
    }

    /// Number of member units now in the registry (177 at founding). One SQL statement.
    async fn member_unit_count(&self, ctx: &Context<'_>) -> ApiResult<u64> {
        let db = ctx.data::<sea_orm::DatabaseConnection>()?;
        Ok(member_unit::Entity::find()
            .count(db)
            .await
            .map_err(ApiError::from)?)
    }

    /// When the spring term (春季学期) starts each year, `MM-DD`: the calendar the per-term duties
    /// are measured against (`setAllianceCalendar`).
    async fn spring_term_starts(&self) -> &str {
        &self.0.spring_term_starts
    }

    /// When the autumn term (秋季学期) starts each year, `MM-DD`.
    async fn autumn_term_starts(&self) -> &str {
        &self.0.autumn_term_starts
    }

    /// When the row was created (UTC, RFC 3339).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}
