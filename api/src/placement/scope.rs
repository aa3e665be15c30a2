//! Which placements and graduate outcomes a caller may read: the student's school, the host, the
//! secretariat (`DOMAIN.md`: students' data reaches only their school, their host firm and the
//! committees).

use entity::enums::AccountRole;
use entity::{graduate_outcome, internship_placement};
use sea_orm::{ColumnTrait, Condition};

use crate::auth::Actor;
use crate::db::no_rows;

/// Placements the caller may read: its school's, the ones it hosts, all for the secretariat.
pub fn placement_scope(actor: &Actor) -> Condition {
    match actor {
        a if a.is_secretariat() => Condition::all(),
        a => match a.unit() {
            Some(u) => Condition::any()
                .add(internship_placement::Column::SchoolId.eq(u))
                .add(internship_placement::Column::HostUnitId.eq(u)),
            None => no_rows(),
        },
    }
}

/// Outcomes the caller may read: its school's, all for the secretariat.
pub fn outcome_scope(actor: &Actor) -> Condition {
    match actor {
        a if a.is_secretariat() => Condition::all(),
        Actor::Account {
            role: AccountRole::SchoolStaff,
            unit: Some(u),
            ..
        } => Condition::all().add(graduate_outcome::Column::SchoolId.eq(*u)),
        _ => no_rows(),
    }
}
