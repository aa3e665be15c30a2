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
    /// Any caller with a valid token but an EVALUATOR's (which reads only its rounds,
    /// `FORBIDDEN`); `UNAUTHENTICATED` without a token.
    Authenticated,
    /// The secretariat only; `UNAUTHENTICATED` without a token, `FORBIDDEN` for other roles.
    Secretariat,
    /// The secretariat and committee staff (the alliance-wide views and aggregates);
    /// `UNAUTHENTICATED` without a token, `FORBIDDEN` for other roles.
    Committees,
}

impl Guard for RoleGuard {
    async fn check(&self, ctx: &Context<'_>) -> async_graphql::Result<()> {
        let actor = actor(ctx);
        if !actor.is_authenticated() {
            return Err(ApiError::Unauthenticated.into());
        }
        match self {
            Self::Authenticated if actor.reads_shared() => Ok(()),
            Self::Authenticated => {
                Err(ApiError::Forbidden(msg!("forbidden-evaluator-rounds-only")).into())
            }
            Self::Committees if actor.reads_aggregates() => Ok(()),
            Self::Committees => Err(ApiError::Forbidden(msg!("forbidden-committees-only")).into()),
            Self::Secretariat if actor.is_secretariat() => Ok(()),
            Self::Secretariat => {
                Err(ApiError::Forbidden(msg!("forbidden-secretariat-only")).into())
            }
        }
    }
}

/// Any caller with a valid token, evaluators included (the evaluation rounds' reads, which scope
/// their rows themselves); `UNAUTHENTICATED` without one.
pub struct SignedIn;

impl Guard for SignedIn {
    async fn check(&self, ctx: &Context<'_>) -> async_graphql::Result<()> {
        if actor(ctx).is_authenticated() {
            Ok(())
        } else {
            Err(ApiError::Unauthenticated.into())
        }
    }
}
