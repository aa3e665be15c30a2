//! Who acts in a plan write: a firm or school for itself, or the secretariat naming the unit.

use entity::enums::AccountRole;
use entity::member_unit;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::Outcome;
use crate::error::{Error, ViolationCode, refuse};
use crate::msg;

/// Which sort of unit may act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sort {
    /// A school's staff.
    School,
    /// A non-school unit's staff.
    Firm,
}

/// The unit the caller acts for: its own (of the right sort), or for the secretariat the one it
/// names (`field`). `Ok(Err(..))` when the secretariat names none.
pub(super) fn acting(
    actor: &Actor,
    sort: Sort,
    named: Option<Uuid>,
    field: &str,
) -> Result<Outcome<Uuid>, Error> {
    match actor {
        Actor::Anonymous => Err(Error::Unauthenticated),
        a if a.is_secretariat() => Ok(match named {
            Some(u) => Ok(u),
            None => refuse(
                field,
                ViolationCode::Blank,
                msg!("plan-unit-required", field = field),
            ),
        }),
        Actor::Account {
            role,
            unit: Some(unit),
            ..
        } => {
            let fits = match sort {
                Sort::School => *role == AccountRole::SchoolStaff,
                Sort::Firm => *role == AccountRole::EnterpriseStaff,
            };
            if !fits {
                return Err(Error::Forbidden(match sort {
                    Sort::School => msg!("plan-forbidden-school-staff-only"),
                    Sort::Firm => msg!("plan-forbidden-firm-staff-only"),
                }));
            }
            if named.is_some_and(|n| n != *unit) {
                return Err(Error::Forbidden(msg!("plan-forbidden-own-unit-only")));
            }
            Ok(Ok(*unit))
        }
        Actor::Account { .. } => Err(Error::Forbidden(msg!("plan-forbidden-no-unit"))),
    }
}

pub(super) async fn unit(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<member_unit::Model>, DbErr> {
    member_unit::Entity::find_by_id(id).one(db).await
}
