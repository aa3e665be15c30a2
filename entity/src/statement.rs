//! A select's SQL for the database it runs on, written so that PostgreSQL plans a page once
//! (`docs/performance.md`, "A page's plan is kept").
//!
//! SeaORM binds a select's `LIMIT` as a parameter (`… LIMIT $3`). PostgreSQL keeps a prepared
//! statement's plan only when the plan made without the parameters' values (the generic plan)
//! is estimated to cost no more than the plans made with them (custom plans). Not knowing the
//! limit, it plans the generic one for a tenth of the table's rows, so for a page of 21 or 51 rows
//! that estimate always loses, and every run of the statement is planned afresh: on the
//! 100,000-placement benchmark, 0.11 ms of planning per placements page (more than running it)
//! and 0.05 ms per order-classes page. With the limit written into the SQL (one statement text
//! per page size), the generic plan is the custom one and is kept. Page sizes are bounded (1 to
//! 100 rows, plus one to learn whether there are more), and sqlx keeps at most 100 prepared
//! statements per connection (its default), closing the least recently used: a client asking for
//! every size in turn costs re-preparing, as every run cost before, never unbounded memory.
//! SQLite plans a statement when it is prepared, whatever its parameters, and is left as it is.

use sea_orm::sea_query::Value;
use sea_orm::{DbBackend, QueryTrait, Statement};
use std::fmt::Write as _;

/// `query`'s statement for `backend`; on PostgreSQL, a trailing `LIMIT` parameter is written as
/// a literal (an integer, so nothing from outside reaches the SQL text), the other parameters
/// unchanged.
pub fn built<Q: QueryTrait>(query: &Q, backend: DbBackend) -> Statement {
    let mut statement = query.build(backend);
    if backend == DbBackend::Postgres {
        inline_limit(&mut statement);
    }
    statement
}

/// Writes the last parameter into the SQL when the SQL ends with `LIMIT $n` for it and it is a
/// non-negative integer; leaves the statement as it is otherwise.
fn inline_limit(statement: &mut Statement) {
    let Some(values) = statement.values.as_mut() else {
        return;
    };
    let suffix = format!(" LIMIT ${}", values.0.len());
    if !statement.sql.ends_with(&suffix) {
        return;
    }
    let limit = match values.0.last() {
        Some(Value::BigUnsigned(Some(n))) => *n,
        Some(Value::BigInt(Some(n))) => match u64::try_from(*n) {
            Ok(n) => n,
            Err(_) => return,
        },
        _ => return,
    };
    values.0.pop();
    let keep = statement.sql.len() - suffix.len();
    statement.sql.truncate(keep);
    let _ = write!(statement.sql, " LIMIT {limit}");
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::internship_placement;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    use uuid::Uuid;

    fn page() -> sea_orm::Select<internship_placement::Entity> {
        internship_placement::Entity::find()
            .filter(internship_placement::Column::SchoolId.eq(Uuid::nil()))
            .order_by_desc(internship_placement::Column::Id)
            .limit(51)
    }

    #[test]
    fn a_pages_limit_is_written_into_the_sql_on_postgresql() {
        let statement = built(&page(), DbBackend::Postgres);
        assert!(
            statement
                .sql
                .ends_with(r#"ORDER BY "internship_placement"."id" DESC LIMIT 51"#)
        );
        assert!(statement.sql.contains(r#""school_id" = $1"#));
        assert_eq!(statement.values.unwrap().0, vec![Value::from(Uuid::nil())]);
    }

    #[test]
    fn sqlite_and_limits_followed_by_an_offset_keep_their_parameters() {
        let sqlite = built(&page(), DbBackend::Sqlite);
        assert!(sqlite.sql.ends_with("LIMIT ?"));
        assert_eq!(sqlite.values.unwrap().0.len(), 2);
        let offset = built(&page().offset(10), DbBackend::Postgres);
        assert!(offset.sql.ends_with("LIMIT $2 OFFSET $3"), "{}", offset.sql);
        assert_eq!(offset.values.unwrap().0.len(), 3);
    }

    #[test]
    fn a_select_without_a_limit_is_unchanged() {
        let select = internship_placement::Entity::find()
            .filter(internship_placement::Column::SchoolId.eq(Uuid::nil()));
        assert_eq!(
            built(&select, DbBackend::Postgres),
            select.build(DbBackend::Postgres)
        );
    }
}
