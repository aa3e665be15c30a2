//! Which placements and graduate outcomes a caller may read: the student's school, the host, the
//! secretariat (`docs/domain.md`: students' data reaches only their school, their host firm and the
//! committees).

use entity::enums::PlacementStatus;
use entity::{graduate_outcome, internship_placement, student};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::auth::Actor;
use crate::db::contains;
use crate::db::no_rows;
use crate::error::{Error, year_bounds};

/// Placements the caller may read: its school's, the ones it hosts, all for the secretariat.
pub fn placement_scope(actor: &Actor) -> Condition {
    match actor {
        a if a.is_secretariat() => Condition::all(),
        a => match a.unit() {
            Some(u) => Condition::all().add(
                Condition::any()
                    .add(internship_placement::Column::SchoolId.eq(u))
                    .add(internship_placement::Column::HostUnitId.eq(u)),
            ),
            None => no_rows(),
        },
    }
}

/// Outcomes the caller may read: its school's, all for the secretariat.
pub fn outcome_scope(actor: &Actor) -> Condition {
    if actor.is_secretariat() {
        return Condition::all();
    }
    match actor.school() {
        Some(u) => Condition::all().add(graduate_outcome::Column::SchoolId.eq(u)),
        None => no_rows(),
    }
}

/// Which placements a list or an export returns (before the caller's scope). Fields combine with
/// AND; lists match any value.
#[derive(Debug, Clone, Default)]
pub struct PlacementFilter {
    /// Placements in any of these statuses.
    pub statuses: Option<Vec<PlacementStatus>>,
    /// Placements of students of any of these schools.
    pub school_ids: Option<Vec<Uuid>>,
    /// Placements hosted by any of these member units.
    pub host_ids: Option<Vec<Uuid>>,
    /// Placements starting in this year.
    pub start_year: Option<i32>,
    /// Substring of the host's name or the post title.
    pub search: Option<String>,
}

impl PlacementFilter {
    /// The filter's condition AND the caller's [`placement_scope`]: a filter only ever narrows
    /// what the caller may read.
    ///
    /// # Errors
    /// `BadInput` for an impossible year.
    pub fn condition(&self, actor: &Actor) -> Result<Condition, Error> {
        let mut cond = Condition::all().add(placement_scope(actor));
        if let Some(s) = &self.statuses {
            cond = cond.add(internship_placement::Column::Status.is_in(s.iter().copied()));
        }
        if let Some(ids) = &self.school_ids {
            cond = cond.add(internship_placement::Column::SchoolId.is_in(ids.iter().copied()));
        }
        if let Some(ids) = &self.host_ids {
            cond = cond.add(internship_placement::Column::HostUnitId.is_in(ids.iter().copied()));
        }
        if let Some(y) = self.start_year {
            let (from, to) = year_bounds(y)?;
            cond = cond
                .add(internship_placement::Column::StartDate.gte(from))
                .add(internship_placement::Column::StartDate.lt(to));
        }
        if let Some(term) = self
            .search
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            cond = cond.add(
                Condition::any()
                    .add(contains(internship_placement::Column::HostName, term))
                    .add(contains(internship_placement::Column::PostTitle, term)),
            );
        }
        Ok(cond)
    }
}

/// One placement of an export, with what the caller may see of its student: the number (the
/// school's own identifier: to the school and the secretariat) and the name (to everyone who may
/// read the placement: its school, its host, the committees).
#[derive(Debug, Clone)]
pub struct ExportRow {
    /// The placement.
    pub placement: internship_placement::Model,
    /// The student's number at the school; empty for a host.
    pub student_number: String,
    /// The student's name.
    pub student_name: String,
}

/// The placements of an export (`filter` within the caller's scope, oldest first), each with what the caller may
/// see of its student ([`ExportRow`]): the school's own and the secretariat's exports carry it; a
/// host's export leaves it empty (a host sees its interns' placements, not their numbers).
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; `BadInput` for an impossible year; database failures.
pub async fn export_rows(
    actor: &Actor,
    db: &impl ConnectionTrait,
    filter: &PlacementFilter,
) -> Result<Vec<ExportRow>, Error> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let rows = internship_placement::Entity::find()
        .filter(filter.condition(actor)?)
        .order_by_asc(internship_placement::Column::Id)
        .find_also_related(student::Entity)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(p, s)| {
            let own = actor.is_secretariat() || actor.unit() == Some(p.school_id);
            let student_name = s.as_ref().map(|s| s.name.clone()).unwrap_or_default();
            let student_number = s
                .filter(|_| own)
                .map(|s| s.student_number)
                .unwrap_or_default();
            ExportRow {
                placement: p,
                student_number,
                student_name,
            }
        })
        .collect())
}
