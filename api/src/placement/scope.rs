//! Which placements and graduate outcomes a caller may read: the student's school, the host, the
//! secretariat (`docs/domain.md`: students' data reaches only their school, their host firm and the
//! committees).

use entity::enums::PlacementStatus;
use entity::{graduate_outcome, internship_placement, student};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder,
    Statement,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::db::no_rows;
use crate::db::{contains, like_substring};
use crate::error::{Error, year_bounds};

/// The caller's scope over placements as `(column, unit)` pairs, any of which a placement must
/// match: `None` for the secretariat (every placement), an empty list for a caller with no unit
/// (none). The one definition [`placement_scope`] and a search's arms both build on.
fn scope_pairs(actor: &Actor) -> Option<Vec<(internship_placement::Column, Uuid)>> {
    if actor.is_secretariat() {
        return None;
    }
    Some(actor.unit().map_or_else(Vec::new, |u| {
        vec![
            (internship_placement::Column::SchoolId, u),
            (internship_placement::Column::HostUnitId, u),
        ]
    }))
}

/// Placements the caller may read: its school's, the ones it hosts, all for the secretariat.
pub fn placement_scope(actor: &Actor) -> Condition {
    match scope_pairs(actor) {
        None => Condition::all(),
        Some(pairs) if pairs.is_empty() => no_rows(),
        Some(pairs) => Condition::all().add(
            pairs
                .into_iter()
                .fold(Condition::any(), |any, (c, u)| any.add(c.eq(u))),
        ),
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
    /// A `search` on PostgreSQL first looks up the host names and post titles it matches
    /// ([`search_terms`], one statement), then asks for the placements with one of those names in
    /// the caller's scope, one arm per pair of name column and scope column, which B-tree indexes
    /// serve (migration `m20261129_000001_placement_search_terms`); a term matching more than
    /// [`SEARCH_TERMS_MAX`] names, and every search on SQLite, is matched with `LIKE` instead.
    /// Either way a placement matches when its host's name or its post title contains the term.
    ///
    /// # Errors
    /// `BadInput` for an impossible year; database failures.
    pub async fn condition(
        &self,
        actor: &Actor,
        db: &impl ConnectionTrait,
    ) -> Result<Condition, Error> {
        let mut cond = Condition::all();
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
        let Some(term) = self
            .search
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        else {
            return Ok(cond.add(placement_scope(actor)));
        };
        Ok(match search_terms(db, term).await? {
            Some(terms) => cond.add(search_arms(actor, &terms)),
            None => cond.add(placement_scope(actor)).add(
                Condition::any()
                    .add(contains(internship_placement::Column::HostName, term))
                    .add(contains(internship_placement::Column::PostTitle, term)),
            ),
        })
    }
}

/// The most host names and post titles (together) a search is answered through; a term matching
/// more is matched with `LIKE` (it matches so many placements that reading the caller's newest
/// ones finds a page soonest).
pub const SEARCH_TERMS_MAX: u64 = 100;

/// The host names and post titles of placements that contain a search term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchTerms {
    /// Host names (`internship_placement.host_name`) containing the term.
    pub host_names: Vec<String>,
    /// Post titles (`internship_placement.post_title`) containing the term.
    pub post_titles: Vec<String>,
}

/// The names containing `term` (a substring, matched as `LIKE '%term%'`, case-sensitive), from
/// `placement_search_term`: one statement, served by its trigram index. `None` on SQLite (no such
/// table), and when more than [`SEARCH_TERMS_MAX`] names match.
///
/// # Errors
/// Database failures.
pub async fn search_terms(
    db: &impl ConnectionTrait,
    term: &str,
) -> Result<Option<SearchTerms>, Error> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(None);
    }
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT field, term FROM placement_search_term WHERE term LIKE $1 ESCAPE '\\' \
             ORDER BY field, term LIMIT $2",
            [like_substring(term).into(), (SEARCH_TERMS_MAX + 1).into()],
        ))
        .await?;
    if rows.len() as u64 > SEARCH_TERMS_MAX {
        return Ok(None);
    }
    let mut terms = SearchTerms::default();
    for row in rows {
        let field: String = row.try_get_by_index(0)?;
        let name: String = row.try_get_by_index(1)?;
        match field.as_str() {
            "HOST_NAME" => terms.host_names.push(name),
            _ => terms.post_titles.push(name),
        }
    }
    Ok(Some(terms))
}

/// The placements in the caller's scope whose host name or post title is one of `terms`, as one
/// arm per name column and scope column (`school_id = u AND host_name IN (…)`, …), the shape the
/// `(host_name, school_id)` indexes and their siblings serve; an `OR` of the scope ANDed with an
/// `OR` of the names would be read through the whole scope instead.
fn search_arms(actor: &Actor, terms: &SearchTerms) -> Condition {
    let scope = scope_pairs(actor);
    if scope.as_ref().is_some_and(Vec::is_empty) {
        return no_rows();
    }
    let names = [
        (internship_placement::Column::HostName, &terms.host_names),
        (internship_placement::Column::PostTitle, &terms.post_titles),
    ];
    let mut arms = Condition::any();
    let mut any = false;
    for (column, list) in names.into_iter().filter(|(_, l)| !l.is_empty()) {
        any = true;
        let Some(scope) = &scope else {
            arms = arms.add(column.is_in(list.iter().cloned()));
            continue;
        };
        for (scope_column, unit) in scope {
            arms = arms.add(
                Condition::all()
                    .add(scope_column.eq(*unit))
                    .add(column.is_in(list.iter().cloned())),
            );
        }
    }
    if any { arms } else { no_rows() }
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
    let rows = entity::positional::all_pairs(
        internship_placement::Entity::find()
            .filter(filter.condition(actor, db).await?)
            .order_by_asc(internship_placement::Column::Id)
            .find_also_related(student::Entity),
        db,
    )
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
