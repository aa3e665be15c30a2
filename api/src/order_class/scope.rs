//! Who may read which demands, classes, enrolments and students (`docs/domain.md`: students' data
//! reaches only their school, their host firm and the committees).

use entity::enums::DemandStatus;
use entity::{enrolment, order_class, order_class_demand, order_class_sponsor, student};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition};
use uuid::Uuid;

use crate::auth::Actor;
use crate::db::no_rows;

/// Demands the caller may read: every published one for any authenticated caller (demand is meant
/// to be seen by schools); drafts only by their own firm and the secretariat; nothing anonymously.
pub fn demand_scope(actor: &Actor) -> Condition {
    match actor {
        a if !a.reads_shared() => no_rows(),
        a if a.is_secretariat() => Condition::all(),
        a => {
            let mut any =
                Condition::any().add(order_class_demand::Column::Status.ne(DemandStatus::Draft));
            if let Some(unit) = a.unit() {
                any = any.add(order_class_demand::Column::EnterpriseId.eq(unit));
            }
            // One AND term: callers add their filters to it with `add`, which must narrow.
            Condition::all().add(any)
        }
    }
}

/// Whether the caller may read `demand` (the in-memory twin of [`demand_scope`]).
pub fn can_read_demand(actor: &Actor, demand: &order_class_demand::Model) -> bool {
    match actor {
        a if !a.reads_shared() => false,
        a if a.is_secretariat() => true,
        a => demand.status != DemandStatus::Draft || a.unit() == Some(demand.enterprise_id),
    }
}

/// Order classes the caller may read: any, for an authenticated caller (students are guarded
/// separately); nothing anonymously.
pub fn order_class_scope(actor: &Actor) -> Condition {
    if actor.reads_shared() {
        Condition::all()
    } else {
        no_rows()
    }
}

/// Classes whose students the caller may see: the class's school, its sponsors, the secretariat.
fn student_class_ids(unit: Uuid) -> Condition {
    Condition::any()
        .add(order_class::Column::SchoolId.eq(unit))
        .add(
            order_class::Column::Id.in_subquery(
                Query::select()
                    .column(order_class_sponsor::Column::OrderClassId)
                    .from(order_class_sponsor::Entity)
                    .and_where(order_class_sponsor::Column::EnterpriseId.eq(unit))
                    .to_owned(),
            ),
        )
}

/// Enrolments (with their students' personal data) the caller may read: those of classes run by
/// the caller's school or sponsored by the caller's firm; all for the secretariat
/// (`docs/domain.md`: students' data reaches only their school, their host firm and the committees).
pub fn enrolment_scope(actor: &Actor) -> Condition {
    match actor {
        a if a.is_secretariat() => Condition::all(),
        a => match a.unit() {
            Some(unit) => Condition::all().add(
                enrolment::Column::OrderClassId.in_subquery(
                    Query::select()
                        .column(order_class::Column::Id)
                        .from(order_class::Entity)
                        .cond_where(student_class_ids(unit))
                        .to_owned(),
                ),
            ),
            None => no_rows(),
        },
    }
}

/// Students the caller may read: the school's own; those enrolled in classes the caller's firm
/// sponsors; all for the secretariat.
pub fn student_scope(actor: &Actor) -> Condition {
    match actor {
        a if a.is_secretariat() => Condition::all(),
        a => match a.unit() {
            Some(unit) => Condition::all().add(
                Condition::any()
                    .add(student::Column::SchoolId.eq(unit))
                    .add(
                        student::Column::Id.in_subquery(
                            Query::select()
                                .column(enrolment::Column::StudentId)
                                .from(enrolment::Entity)
                                .cond_where(enrolment_scope(a))
                                .to_owned(),
                        ),
                    ),
            ),
            None => no_rows(),
        },
    }
}

/// Whether the caller may see the students of a class run by `school` with `sponsors`.
pub fn can_see_students(
    actor: &Actor,
    school: Uuid,
    sponsors: &[order_class_sponsor::Model],
) -> bool {
    actor.is_secretariat()
        || actor
            .unit()
            .is_some_and(|u| u == school || sponsors.iter().any(|s| s.enterprise_id == u))
}
