use crate::graphql::scalar::DateTime;
use async_graphql::{Context, ID, Object};
use entity::account;
use entity::enums::AccountRole;

use super::MemberUnit;
use crate::graphql::error::ApiResult;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct Account(pub account::Model);

/// A login (账号) of the secretariat or of one member unit's staff. Visible only to itself and the
/// secretariat. The password hash is never exposed.
#[Object]
impl Account {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Account, self.0.id)
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

    /// Login e-mail (lower case).
    async fn email(&self) -> &str {
        &self.0.email
    }

    /// What the account may do.
    async fn role(&self) -> AccountRole {
        self.0.role
    }

    /// The unit the account acts for; null for the secretariat, committee staff and evaluators.
    async fn member_unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        let Some(unit) = self.0.member_unit_id else {
            return Ok(None);
        };
        Ok(ctx.data::<Loaders>()?.unit(unit).await?.map(MemberUnit))
    }

    /// The committee a COMMITTEE_STAFF account acts for; null for every other role. One batched
    /// load.
    async fn committee(&self, ctx: &Context<'_>) -> ApiResult<Option<super::Committee>> {
        match self.0.committee_id {
            Some(id) => super::council::committee_of(ctx, id).await,
            None => Ok(None),
        }
    }

    /// A disabled account cannot log in and its tokens are refused.
    async fn disabled(&self) -> bool {
        self.0.disabled
    }

    /// When the account was created (UTC, RFC 3339).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}
