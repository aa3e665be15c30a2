//! Authentication: argon2id password hashes, HS256 access tokens, and the [`Actor`] a request acts
//! as.
//!
//! A token carries only the account id (`sub`) and its own `iss`, `aud`, `iat`, `exp`; role and unit
//! are read from the account row on every request, so a disabled account or a changed role takes
//! effect at once.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::rngs::OsRng;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::actor::Actor;

/// Claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// Account id.
    pub sub: Uuid,
    /// Issuer (`JWT_ISSUER`).
    pub iss: String,
    /// Audience (`JWT_AUDIENCE`).
    pub aud: String,
    /// Issued at, seconds since the epoch.
    pub iat: i64,
    /// Expiry, seconds since the epoch.
    pub exp: i64,
}

/// Why a token was refused. Callers see only `UNAUTHENTICATED`; the kind is for logs.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// Signature, algorithm, issuer, audience, expiry or shape is wrong.
    #[error("invalid token: {0}")]
    Invalid(#[from] jsonwebtoken::errors::Error),
    /// The account does not exist or is disabled.
    #[error("account missing or disabled")]
    Account,
}

/// Issues and checks access tokens (HS256).
#[derive(Clone)]
pub struct TokenService {
    encoding: EncodingKey,
    decoding: DecodingKey,
    issuer: String,
    audience: String,
    ttl_seconds: i64,
}

impl TokenService {
    /// A service for one key, issuer, audience and lifetime (seconds).
    pub fn new(secret: &[u8], issuer: &str, audience: &str, ttl_seconds: u64) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            ttl_seconds: i64::try_from(ttl_seconds).unwrap_or(i64::MAX / 2),
        }
    }

    /// A signed token for `account`, and its expiry.
    ///
    /// # Errors
    /// Only if signing fails, which HS256 does not.
    pub fn issue(
        &self,
        account: Uuid,
    ) -> Result<(String, chrono::DateTime<Utc>), jsonwebtoken::errors::Error> {
        let now = Utc::now();
        let exp = now + chrono::Duration::seconds(self.ttl_seconds);
        let claims = Claims {
            sub: account,
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            iat: now.timestamp(),
            exp: exp.timestamp(),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?;
        Ok((token, exp))
    }

    /// The claims of a valid token: HS256 only, signature, `iss`, `aud` and `exp` checked (no
    /// leeway).
    ///
    /// # Errors
    /// [`TokenError::Invalid`] for any defect, including `alg: none` and other algorithms.
    pub fn verify(&self, token: &str) -> Result<Claims, TokenError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 0;
        Ok(jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation)?.claims)
    }
}

/// Hashes a password with argon2id and a random salt (PHC string).
///
/// # Errors
/// Only on an argon2 parameter error, which the defaults do not raise.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Whether `password` matches the PHC `hash`. A malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// The shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Limits password attempts per e-mail address (`THROTTLED` beyond the quota), so a password
/// cannot be guessed by brute force through `login`. Per API instance: behind a load balancer of n
/// instances an address gets at most n times the quota.
pub struct LoginLimiter {
    limiter: governor::DefaultKeyedRateLimiter<String>,
    clock: governor::clock::DefaultClock,
}

/// Keys kept before stale ones are dropped.
const LIMITER_MAX_KEYS: usize = 10_000;

impl LoginLimiter {
    /// At most `per_minute` attempts per address per minute (at least 1), all of them available at
    /// once.
    pub fn new(per_minute: u32) -> Self {
        let per_minute =
            std::num::NonZeroU32::new(per_minute.max(1)).unwrap_or(std::num::NonZeroU32::MIN);
        Self {
            limiter: governor::RateLimiter::keyed(governor::Quota::per_minute(per_minute)),
            clock: governor::clock::DefaultClock::default(),
        }
    }

    /// Counts one attempt for `email`; `Err(wait)` when it is over the quota.
    ///
    /// # Errors
    /// How long until the next attempt is allowed.
    pub fn check(&self, email: &str) -> Result<(), std::time::Duration> {
        use governor::clock::Clock;
        if self.limiter.len() > LIMITER_MAX_KEYS {
            self.limiter.retain_recent();
        }
        self.limiter
            .check_key(&email.trim().to_lowercase())
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }
}
