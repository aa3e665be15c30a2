//! Role guards (`docs/api-conventions.md`, Authorisation): who may call a field at all. Row scoping (which rows a
//! caller sees) is applied inside each query and loader besides.

use async_graphql::{Context, Guard};

use super::error::ApiError;
use crate::auth::Actor;
use crate::msg;

/// The caller, from the request data ([`Actor::Anonymous`] when none was attached).
pub fn actor<'a>(ctx: &Context<'a>) -> &'a Actor {
    static ANONYMOUS: Actor = Actor::Anonymous;
    ctx.data_opt::<Actor>().unwrap_or(&ANONYMOUS)
}

/// Who may call a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleGuard {
    /// Any caller with a valid token; else `UNAUTHENTICATED`.
    Authenticated,
    /// The secretariat only; `UNAUTHENTICATED` without a token, `FORBIDDEN` for other roles.
    Secretariat,
}

impl Guard for RoleGuard {
    async fn check(&self, ctx: &Context<'_>) -> async_graphql::Result<()> {
        let actor = actor(ctx);
        if !actor.is_authenticated() {
            return Err(ApiError::Unauthenticated.into());
        }
        match self {
            Self::Authenticated => Ok(()),
            Self::Secretariat if actor.is_secretariat() => Ok(()),
            Self::Secretariat => {
                Err(ApiError::Forbidden(msg!("forbidden-secretariat-only")).into())
            }
        }
    }
}
