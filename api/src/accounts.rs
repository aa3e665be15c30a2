//! Accounts: creation (CLI) and password login.

use std::sync::LazyLock;

use chrono::Utc;
use entity::enums::AccountRole;
use entity::{account, member_unit};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::auth::{self, MIN_PASSWORD_CHARS};

/// Why an account could not be created.
#[derive(Debug, thiserror::Error)]
pub enum CreateAccountError {
    /// Not an e-mail address.
    #[error("{0:?} is not an e-mail address")]
    Email(String),
    /// Password too short, or too easy to guess (zxcvbn score below 3 of 4).
    #[error(
        "the password must have at least {MIN_PASSWORD_CHARS} characters and be hard to guess (no common words, names, dates or keyboard patterns alone)"
    )]
    WeakPassword,
    /// The e-mail is in use.
    #[error("an account with e-mail {0:?} exists already")]
    Taken(String),
    /// The secretariat is bound to no unit; staff need one.
    #[error("{0}")]
    Unit(String),
    /// Database failure.
    #[error(transparent)]
    Database(#[from] sea_orm::DbErr),
    /// Hashing failure.
    #[error("password hashing failed")]
    Hash,
}

/// Lower-cases and trims an e-mail address.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && email.len() <= 254
}

/// Creates an account. `bound_to` names what the account acts for, exactly as in the registry:
/// SCHOOL_STAFF a school (category SCHOOL), ENTERPRISE_STAFF a non-school unit, COMMITTEE_STAFF a
/// working committee or the teaching-staff committee; SECRETARIAT and EVALUATOR accounts take
/// none (an evaluator is bound to the rounds it is invited to, `docs/committees.md`).
///
/// # Errors
/// See [`CreateAccountError`]; nothing is written on error.
pub async fn create_account(
    db: &impl ConnectionTrait,
    email: &str,
    role: AccountRole,
    bound_to: Option<&str>,
    password: &str,
) -> Result<account::Model, CreateAccountError> {
    let unit_name = bound_to;
    let email = normalize_email(email);
    if !looks_like_email(&email) {
        return Err(CreateAccountError::Email(email));
    }
    if !auth::strong_password(password, &[&email]) {
        return Err(CreateAccountError::WeakPassword);
    }
    let mut committee_id = None;
    let unit = match (role, unit_name) {
        (AccountRole::Secretariat | AccountRole::Evaluator, None) => None,
        (AccountRole::Secretariat | AccountRole::Evaluator, Some(_)) => {
            return Err(CreateAccountError::Unit(format!(
                "a {role:?} account is bound to no unit or committee; drop --unit"
            )));
        }
        (AccountRole::CommitteeStaff, None) => {
            return Err(CreateAccountError::Unit(
                "COMMITTEE_STAFF accounts need --committee NAME".into(),
            ));
        }
        (AccountRole::CommitteeStaff, Some(name)) => {
            let found = entity::committee::Entity::find()
                .filter(entity::committee::Column::Name.eq(name.trim()))
                .one(db)
                .await?
                .filter(|c| {
                    matches!(
                        c.kind,
                        entity::enums::CommitteeKind::WorkingCommittee
                            | entity::enums::CommitteeKind::TeachingStaffCommittee
                    )
                })
                .ok_or_else(|| {
                    CreateAccountError::Unit(format!(
                        "no working committee or teaching-staff committee is named {name:?}"
                    ))
                })?;
            committee_id = Some(found.id);
            None
        }
        (_, None) => {
            return Err(CreateAccountError::Unit(
                "staff accounts need --unit NAME".into(),
            ));
        }
        (role, Some(name)) => {
            let unit = member_unit::Entity::find()
                .filter(member_unit::Column::Name.eq(name.trim()))
                .one(db)
                .await?
                .ok_or_else(|| {
                    CreateAccountError::Unit(format!("no member unit is named {name:?}"))
                })?;
            let fits = match role {
                AccountRole::SchoolStaff => unit.kind.is_school(),
                _ => !unit.kind.is_school(),
            };
            if !fits {
                return Err(CreateAccountError::Unit(format!(
                    "{} is {:?}; SCHOOL_STAFF accounts need a school, ENTERPRISE_STAFF a non-school unit",
                    unit.name, unit.kind
                )));
            }
            Some(unit.id)
        }
    };
    if account::Entity::find()
        .filter(account::Column::Email.eq(email.as_str()))
        .one(db)
        .await?
        .is_some()
    {
        return Err(CreateAccountError::Taken(email));
    }
    let hash = auth::hash_password(password).map_err(|_| CreateAccountError::Hash)?;
    Ok(account::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email),
        password_hash: Set(hash),
        role: Set(role),
        member_unit_id: Set(unit),
        committee_id: Set(committee_id),
        disabled: Set(false),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?)
}

/// A hash of a random password, verified against when the e-mail is unknown, so that an unknown
/// e-mail costs as much time as a wrong password.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| auth::hash_password(&Uuid::new_v4().to_string()).unwrap_or_default());

/// Password verifications running at once: one per core. Argon2 takes ~19 MiB and tens of
/// milliseconds per verification; unbounded, a burst of anonymous logins would take all memory and
/// every blocking thread. Further logins wait their turn (within the request timeout).
static VERIFICATIONS: LazyLock<std::sync::Arc<tokio::sync::Semaphore>> = LazyLock::new(|| {
    std::sync::Arc::new(tokio::sync::Semaphore::new(
        std::thread::available_parallelism().map_or(2, usize::from),
    ))
});

/// The enabled account whose e-mail and password match, or `None` — the same for an unknown
/// e-mail, a wrong password and a disabled account. Hashing runs on the blocking pool, at most one
/// verification per core at a time.
///
/// # Errors
/// Database failures.
pub async fn authenticate(
    db: &impl ConnectionTrait,
    email: &str,
    password: &str,
) -> Result<Option<account::Model>, sea_orm::DbErr> {
    let found = account::Entity::find()
        .filter(account::Column::Email.eq(normalize_email(email)))
        .one(db)
        .await?;
    let hash = found
        .as_ref()
        .map_or_else(|| DUMMY_HASH.clone(), |a| a.password_hash.clone());
    let password = password.to_owned();
    let ok = match VERIFICATIONS.clone().acquire_owned().await {
        // The permit moves into the blocking task: it is held while argon2 runs, even when the
        // request is cancelled meanwhile.
        Ok(permit) => tokio::task::spawn_blocking(move || {
            let ok = auth::verify_password(&password, &hash);
            drop(permit);
            ok
        })
        .await
        .unwrap_or(false),
        Err(_) => false,
    };
    Ok(found.filter(|a| ok && !a.disabled))
}

/// Accounts the caller may read: its own; all for the secretariat; none anonymously.
pub fn account_scope(actor: &crate::actor::Actor) -> sea_orm::Condition {
    use sea_orm::ColumnTrait;
    if actor.is_secretariat() {
        return sea_orm::Condition::all();
    }
    match actor.account_id() {
        Some(id) => sea_orm::Condition::all().add(account::Column::Id.eq(id)),
        None => crate::db::no_rows(),
    }
}
