//! Who may read the plan's records. Sites, stations, craftsmen, career mentors and events are the
//! alliance's shared record: any signed-in caller reads them (phones are guarded on the objects).
//! Teachers' practice and apprenticeships name people: only the units involved and the
//! secretariat read them.

use entity::{apprenticeship, practice_station, teacher_practice};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition};

use crate::actor::Actor;
use crate::db::no_rows;

/// Every row for a signed-in caller; nothing anonymously, nothing for an EVALUATOR (it reads only
/// its rounds).
pub fn signed_in(actor: &Actor) -> Condition {
    if actor.reads_shared() {
        Condition::all()
    } else {
        no_rows()
    }
}

/// Rows whose `cols` name the caller's unit; all for the secretariat; nothing for anyone else.
pub fn involving<C: ColumnTrait>(actor: &Actor, cols: &[C]) -> Condition {
    if actor.is_secretariat() {
        return Condition::all();
    }
    match actor.unit() {
        Some(u) => Condition::all().add(
            cols.iter()
                .fold(Condition::any(), |c, col| c.add(col.eq(u))),
        ),
        None => no_rows(),
    }
}

/// Teachers' practice stints the caller may read: its school's teachers', those at its stations,
/// all for the secretariat.
pub fn teacher_practice_scope(actor: &Actor) -> Condition {
    if actor.is_secretariat() {
        return Condition::all();
    }
    match actor.unit() {
        Some(u) => Condition::all().add(
            Condition::any()
                .add(teacher_practice::Column::SchoolId.eq(u))
                .add(
                    teacher_practice::Column::StationId.in_subquery(
                        Query::select()
                            .column(practice_station::Column::Id)
                            .from(practice_station::Entity)
                            .and_where(practice_station::Column::HostUnitId.eq(u))
                            .to_owned(),
                    ),
                ),
        ),
        None => no_rows(),
    }
}

/// Apprenticeships the caller may read: its firm's or its school's, all for the secretariat.
pub fn apprenticeship_scope(actor: &Actor) -> Condition {
    involving(
        actor,
        &[
            apprenticeship::Column::UnitId,
            apprenticeship::Column::SchoolId,
        ],
    )
}
