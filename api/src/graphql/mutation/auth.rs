use crate::graphql::scalar::DateTime;
use async_graphql::{Context, Object, SimpleObject};
use sea_orm::DatabaseConnection;

use crate::accounts;
use crate::auth::{LoginLimiter, TokenService};
use crate::graphql::error::{ApiError, ApiResult, UserError, UserErrorCode};
use crate::graphql::input::LoginInput;
use crate::graphql::object::Account;

/// Result of `login`.
#[derive(SimpleObject)]
pub struct LoginPayload {
    /// Access token (JWT, HS256): send it as `Authorization: Bearer <token>`. Null on failure.
    pub token: Option<String>,
    /// When the token expires (UTC, RFC 3339).
    pub expires_at: Option<DateTime>,
    /// The account logged in.
    pub account: Option<Account>,
    /// `INVALID_CREDENTIALS` when the e-mail is unknown, the password wrong or the account
    /// disabled — one answer for all three.
    pub user_errors: Vec<UserError>,
}

impl LoginPayload {
    fn failed(user_errors: Vec<UserError>) -> Self {
        Self {
            token: None,
            expires_at: None,
            account: None,
            user_errors,
        }
    }
}

#[derive(Default)]
pub struct AuthMutation;

#[Object]
impl AuthMutation {
    /// Exchanges e-mail and password for an access token. Open to anonymous callers. Attempts are
    /// limited per client address and e-mail (`LOGIN_ATTEMPTS_PER_MINUTE`) and per client address
    /// (three times that); beyond that the answer is a top-level `THROTTLED` error with
    /// `extensions.retryAfterSeconds`.
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `LoginInput`.")] input: LoginInput,
    ) -> ApiResult<LoginPayload> {
        screened!(LoginPayload, &input);
        let db = ctx.data::<DatabaseConnection>()?;
        let tokens = ctx.data::<TokenService>()?;
        if let Some(limiter) = ctx.data_opt::<LoginLimiter>() {
            let client = ctx
                .data_opt::<crate::graphql::ClientAddress>()
                .map_or(std::net::IpAddr::from([0, 0, 0, 0]), |c| c.0);
            if let Err(wait) = limiter.check(client, &input.email) {
                tracing::warn!(
                    email = %tokens.pseudonym(&input.email),
                    retry_after_seconds = wait.as_secs().max(1),
                    "login throttled"
                );
                return Err(ApiError::Throttled(wait).into());
            }
        }
        let Some(account) = accounts::authenticate(db, &input.email, &input.password)
            .await
            .map_err(ApiError::from)?
        else {
            // The e-mail as a keyed pseudonym only: never the address, never the password.
            tracing::info!(email = %tokens.pseudonym(&input.email), "login failed");
            return Ok(LoginPayload {
                token: None,
                expires_at: None,
                account: None,
                user_errors: vec![UserError {
                    field: Some(vec!["input".into()]),
                    message: crate::msg!("login-invalid-credentials"),
                    code: UserErrorCode::InvalidCredentials,
                }],
            });
        };
        let (token, expires_at) = tokens
            .issue(account.id)
            .map_err(|e| ApiError::Other(e.into()))?;
        tracing::info!(account = %account.id, "login");
        Ok(LoginPayload {
            token: Some(token),
            expires_at: Some(expires_at.into()),
            account: Some(Account(account)),
            user_errors: Vec::new(),
        })
    }
}
