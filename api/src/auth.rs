//! Authentication: argon2id password hashes, HS256 access tokens, and the [`Actor`] a request acts
//! as.
//!
//! A token carries only the account id (`sub`) and its own `iss`, `aud`, `iat`, `exp`; role and unit
//! come from the account row (read on every request on SQLite; on PostgreSQL cached per instance
//! and dropped as soon as the row changes, [`crate::row_cache`]), so a disabled account or a
//! changed role takes effect at once.

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

/// Claims of a signed link (a member's evaluation report): what it opens and until when. Its
/// audience is the access tokens' with `/link` appended, so a link is never an access token and
/// an access token never a link.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkClaims {
    /// What the link opens, e.g. `evaluation-report:<round id>:<unit id>`.
    pub sub: String,
    /// Issuer (`JWT_ISSUER`).
    pub iss: String,
    /// Audience (`JWT_AUDIENCE` + `/link`).
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
    /// Key of [`TokenService::pseudonym`], derived from the JWT secret.
    pseudonym_key: std::sync::Arc<[u8]>,
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
            pseudonym_key: secret.into(),
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            ttl_seconds: i64::try_from(ttl_seconds).unwrap_or(i64::MAX / 2),
        }
    }

    /// A stable pseudonym of `text` for logs (e.g. the e-mail of a failed login): the first 8
    /// bytes of HMAC-SHA256 under the instance's secret, in hex. The same e-mail gives the same
    /// pseudonym on every instance that shares `JWT_SECRET`, so repeated failures can be followed
    /// without writing the address into the log; without the secret it cannot be reversed or
    /// checked against a list of addresses.
    pub fn pseudonym(&self, text: &str) -> String {
        use hmac::Mac;
        let Ok(mut mac) = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.pseudonym_key) else {
            return "-".to_owned();
        };
        mac.update(b"log-pseudonym:");
        mac.update(text.trim().to_lowercase().as_bytes());
        mac.finalize().into_bytes()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
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

impl TokenService {
    fn link_audience(&self) -> String {
        format!("{}/link", self.audience)
    }

    /// A signed link token opening `subject` for `ttl_seconds`, and its expiry.
    ///
    /// # Errors
    /// Only if signing fails, which HS256 does not.
    pub fn issue_link(
        &self,
        subject: &str,
        ttl_seconds: i64,
    ) -> Result<(String, chrono::DateTime<Utc>), jsonwebtoken::errors::Error> {
        let now = Utc::now();
        let exp = now + chrono::Duration::seconds(ttl_seconds);
        let claims = LinkClaims {
            sub: subject.to_owned(),
            iss: self.issuer.clone(),
            aud: self.link_audience(),
            iat: now.timestamp(),
            exp: exp.timestamp(),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)?;
        Ok((token, exp))
    }

    /// The subject of a valid, unexpired link token (HS256, issuer and link audience checked, no
    /// leeway).
    ///
    /// # Errors
    /// [`TokenError::Invalid`] for any defect.
    pub fn verify_link(&self, token: &str) -> Result<String, TokenError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.link_audience()]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 0;
        Ok(
            jsonwebtoken::decode::<LinkClaims>(token, &self.decoding, &validation)?
                .claims
                .sub,
        )
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

/// The lowest zxcvbn score a new password may have (0–4; 3 is "safely unguessable: moderate
/// protection from offline slow-hash scenarios", about 10^10 guesses).
pub const MIN_PASSWORD_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

/// Whether `password` may be set: at least [`MIN_PASSWORD_CHARS`] characters and a zxcvbn score
/// of at least [`MIN_PASSWORD_SCORE`], judged also against `context` and its words (the e-mail
/// address, say, so that its name and domain count as guessable).
pub fn strong_password(password: &str, context: &[&str]) -> bool {
    password.chars().count() >= MIN_PASSWORD_CHARS
        // zxcvbn's matching is quadratic in the length; past 256 characters length is strength.
        && (password.chars().count() > 256
            || {
                // The context's words as well as the whole (an e-mail's name and domain parts).
                let words: Vec<&str> = context
                    .iter()
                    .flat_map(|c| std::iter::once(*c).chain(c.split(|ch: char| !ch.is_alphanumeric())))
                    .filter(|w| w.chars().count() >= 3)
                    .collect();
                zxcvbn::zxcvbn(password, &words).score() >= MIN_PASSWORD_SCORE
            })
}

/// Limits password attempts (`THROTTLED` beyond the quota, with the wait in
/// `retryAfterSeconds`), so passwords cannot be guessed by brute force through `login`:
///
/// - per client address and e-mail: `per_minute` attempts a minute, refilled one at a time (a
///   back-off of 60/`per_minute` seconds per further attempt). The key includes the client's
///   address, so someone failing on purpose from elsewhere cannot lock the owner out: the owner's
///   own address keeps its own quota.
/// - per client address, whatever the e-mail: three times `per_minute` a minute, so one address
///   cannot spray a password across many accounts.
///
/// Per API instance: behind a load balancer of n instances a key gets at most n times the quota.
/// Keys are kept in bounded memory: past [`LIMITER_MAX_KEYS`] keys, those whose quota is full
/// again are dropped. A clone shares the quotas (both of the API's schemas hold the one limiter).
#[derive(Clone)]
pub struct LoginLimiter {
    per_account: std::sync::Arc<governor::DefaultKeyedRateLimiter<String>>,
    per_address: std::sync::Arc<governor::DefaultKeyedRateLimiter<std::net::IpAddr>>,
    clock: governor::clock::DefaultClock,
}

/// Keys kept before stale ones are dropped.
pub const LIMITER_MAX_KEYS: usize = 10_000;

impl LoginLimiter {
    /// At most `per_minute` attempts per address per minute (at least 1), all of them available at
    /// once.
    pub fn new(per_minute: u32) -> Self {
        let per_minute =
            std::num::NonZeroU32::new(per_minute.max(1)).unwrap_or(std::num::NonZeroU32::MIN);
        let per_address = per_minute.saturating_mul(std::num::NonZeroU32::MIN.saturating_add(2));
        Self {
            per_account: std::sync::Arc::new(governor::RateLimiter::keyed(
                governor::Quota::per_minute(per_minute),
            )),
            per_address: std::sync::Arc::new(governor::RateLimiter::keyed(
                governor::Quota::per_minute(per_address),
            )),
            clock: governor::clock::DefaultClock::default(),
        }
    }

    /// Counts one attempt for `email` from `client`; `Err(wait)` when either quota is spent.
    ///
    /// # Errors
    /// How long until the next attempt is allowed.
    pub fn check(&self, client: std::net::IpAddr, email: &str) -> Result<(), std::time::Duration> {
        use governor::clock::Clock;
        if self.per_account.len() > LIMITER_MAX_KEYS {
            self.per_account.retain_recent();
        }
        if self.per_address.len() > LIMITER_MAX_KEYS {
            self.per_address.retain_recent();
        }
        let wait = |not_until: governor::NotUntil<_>| not_until.wait_time_from(self.clock.now());
        self.per_address.check_key(&client).map_err(wait)?;
        // The e-mail as typed is bounded by the request's limits; keys are the address and the
        // normalised e-mail.
        self.per_account
            .check_key(&format!("{client} {}", email.trim().to_lowercase()))
            .map_err(wait)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_or_guessable_passwords_are_refused() {
        for weak in [
            "short",
            "password1234",
            "qwertyuiopasdfgh",
            "111111111111",
            "weihaialliance",
        ] {
            assert!(
                !strong_password(weak, &["weihai-alliance@example.org"]),
                "{weak}"
            );
        }
        for strong in [
            "a long test password",
            "威海技工教育集团-订单班-Kp7#",
            "correct horse battery staple",
        ] {
            assert!(strong_password(strong, &[]), "{strong}");
        }
    }

    #[test]
    fn logins_are_throttled_per_address_and_account_without_locking_out_other_addresses() {
        let limiter = LoginLimiter::new(10);
        let attacker = std::net::IpAddr::from([10, 0, 0, 2]);
        let owner = std::net::IpAddr::from([10, 0, 0, 1]);
        for _ in 0..10 {
            assert!(limiter.check(attacker, "owner@example.org").is_ok());
        }
        assert!(limiter.check(attacker, "Owner@Example.org ").is_err());
        // The owner, elsewhere, still has the account's full quota.
        assert!(limiter.check(owner, "owner@example.org").is_ok());
        // One address spraying across accounts is stopped at three times the quota.
        let sprayer = std::net::IpAddr::from([10, 0, 0, 3]);
        let allowed = (0..100)
            .filter(|i| {
                limiter
                    .check(sprayer, &format!("user{i}@example.org"))
                    .is_ok()
            })
            .count();
        assert_eq!(allowed, 30);
    }
}
