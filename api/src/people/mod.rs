//! People and platforms (`docs/people.md`): the alliance's teacher pool with the dual-qualified
//! certification (Ten Measures (6); Weihai 2020 plan, task 30), reserve craftsmen (task 17),
//! apprenticeship bases (task 19) and industry-education enterprise certifications (task 15;
//! Founding notice 三(二)). Each write is one transaction and names who may make it; each read
//! names who may see it.

mod contest_entries;
mod contests;
mod firms;
mod medals;
mod platforms;
mod research;
mod reserve;
mod sharing;
mod teachers;
mod training;

pub use contest_entries::*;
pub use contests::*;
pub use firms::*;
pub use medals::*;
pub use platforms::*;
pub use research::*;
pub use reserve::*;
pub use sharing::*;
pub use teachers::*;
pub use training::*;

use entity::{enums::MemberUnitKind, member_unit};
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::{Error, Outcome, Violation, ViolationCode, refuse};
use crate::msg;

/// The unit a write acts for: the caller's own (`own`, e.g. a school staff's school) — naming
/// another is `FORBIDDEN` — or, for the secretariat, the one it names (`BLANK` on `field` when it
/// names none).
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; `FORBIDDEN` for a caller with no `own` unit, or naming another.
pub(crate) fn acting_for(
    actor: &Actor,
    own: Option<Uuid>,
    named: Option<Uuid>,
    field: &str,
    forbidden: crate::i18n::Message,
) -> Result<Outcome<Uuid>, Error> {
    match (own, named) {
        (Some(o), Some(n)) if o != n => Err(actor.refused(forbidden)),
        (Some(o), _) => Ok(Ok(o)),
        (None, named) if actor.is_secretariat() => Ok(match named {
            Some(u) => Ok(u),
            None => refuse(
                field,
                ViolationCode::Blank,
                msg!("field-blank", field = field),
            ),
        }),
        _ => Err(actor.refused(forbidden)),
    }
}

/// Pushes `NOT_FOUND` on `field` when no member unit has `id`, and `code` when it is not of the
/// wanted sort (`school`: a school; otherwise an enterprise).
pub(crate) async fn check_unit(
    db: &impl ConnectionTrait,
    id: Uuid,
    field: &str,
    school: bool,
    errors: &mut Vec<Violation>,
) -> Result<(), Error> {
    match member_unit::Entity::find_by_id(id).one(db).await? {
        None => errors.push(Violation::on(
            field,
            ViolationCode::NotFound,
            msg!("registry-member-unit-not-found"),
        )),
        Some(u) if school && !u.kind.is_school() => errors.push(Violation::on(
            field,
            ViolationCode::NotASchool,
            msg!("committees-not-a-school"),
        )),
        Some(u) if !school && u.kind != MemberUnitKind::Enterprise => errors.push(Violation::on(
            field,
            ViolationCode::NotAnEnterprise,
            msg!("people-not-an-enterprise"),
        )),
        Some(_) => {}
    }
    Ok(())
}

/// Pushes `INVALID` on `field` when `day` is after today.
pub(crate) fn not_future(day: chrono::NaiveDate, field: &str, errors: &mut Vec<Violation>) {
    if day > chrono::Utc::now().date_naive() {
        errors.push(Violation::on(
            field,
            ViolationCode::Invalid,
            msg!("people-date-in-future", field = field),
        ));
    }
}

/// Pushes `INVALID` on `field` when `day` falls outside the years 2000–2100 the API keeps; returns
/// the day's year.
pub(crate) fn in_years(day: chrono::NaiveDate, field: &str, errors: &mut Vec<Violation>) -> i32 {
    let year = chrono::Datelike::year(&day);
    if !crate::committees::YEARS.contains(&year) {
        errors.push(Violation::on(
            field,
            ViolationCode::Invalid,
            msg!("year-invalid", year = year),
        ));
    }
    year
}
