//! `retention_tally`: graduates, employed and employed in Weihai per school and graduation year,
//! kept by the database itself in the same transaction as every write to `graduate_outcome`
//! (triggers on insert, update and delete: per statement on PostgreSQL, per row on SQLite), so that retention (留威就业, Founding notice
//! 二(四)11) by school or district reads one row per school and year however many graduates there
//! are (`docs/performance.md`). Filled from the outcomes already recorded.
//!
//! - `school_id` (uuid), `graduation_year` (integer): the key.
//! - `graduates`, `employed` (status `EMPLOYED`), `in_weihai` (the outcome's `in_weihai`): counts.
//!
//! A derived table: not audited (the outcomes it counts are), never written by the API.

use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RetentionTally {
    Table,
    SchoolId,
    GraduationYear,
    Graduates,
    Employed,
    InWeihai,
}

/// The outcomes already recorded, counted.
const BACKFILL: &str = "INSERT INTO retention_tally (school_id, graduation_year, graduates, employed, in_weihai) \
    SELECT school_id, graduation_year, COUNT(*), \
    SUM(CASE WHEN status = 'EMPLOYED' THEN 1 ELSE 0 END), SUM(CASE WHEN in_weihai THEN 1 ELSE 0 END) \
    FROM graduate_outcome GROUP BY school_id, graduation_year";

/// PostgreSQL: statement-level triggers over the transition tables, so that a statement writing
/// many outcomes (an import, the synthetic data set) changes each tally row once per statement,
/// not once per outcome (row-level updates of a few hot rows in one long transaction would leave
/// long chains of row versions). Each adds the counts of `NEW` rows and subtracts those of `OLD`.
const POSTGRES_UP: [&str; 6] = [
    r"CREATE FUNCTION retention_tally_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO retention_tally AS t (school_id, graduation_year, graduates, employed, in_weihai)
  SELECT school_id, graduation_year, COUNT(*),
    COUNT(CASE WHEN status = 'EMPLOYED' THEN 1 END), COUNT(CASE WHEN in_weihai THEN 1 END)
  FROM new_rows GROUP BY school_id, graduation_year
  ON CONFLICT (school_id, graduation_year) DO UPDATE SET graduates = t.graduates + EXCLUDED.graduates,
    employed = t.employed + EXCLUDED.employed, in_weihai = t.in_weihai + EXCLUDED.in_weihai;
  RETURN NULL;
END $$",
    r"CREATE FUNCTION retention_tally_subtract() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE retention_tally AS t SET graduates = t.graduates - o.graduates,
    employed = t.employed - o.employed, in_weihai = t.in_weihai - o.in_weihai
  FROM (SELECT school_id, graduation_year, COUNT(*) AS graduates,
          COUNT(CASE WHEN status = 'EMPLOYED' THEN 1 END) AS employed,
          COUNT(CASE WHEN in_weihai THEN 1 END) AS in_weihai
        FROM old_rows GROUP BY school_id, graduation_year) AS o
  WHERE t.school_id = o.school_id AND t.graduation_year = o.graduation_year;
  RETURN NULL;
END $$",
    r"CREATE FUNCTION retention_tally_replace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE retention_tally AS t SET graduates = t.graduates - o.graduates,
    employed = t.employed - o.employed, in_weihai = t.in_weihai - o.in_weihai
  FROM (SELECT school_id, graduation_year, COUNT(*) AS graduates,
          COUNT(CASE WHEN status = 'EMPLOYED' THEN 1 END) AS employed,
          COUNT(CASE WHEN in_weihai THEN 1 END) AS in_weihai
        FROM old_rows GROUP BY school_id, graduation_year) AS o
  WHERE t.school_id = o.school_id AND t.graduation_year = o.graduation_year;
  INSERT INTO retention_tally AS t (school_id, graduation_year, graduates, employed, in_weihai)
  SELECT school_id, graduation_year, COUNT(*),
    COUNT(CASE WHEN status = 'EMPLOYED' THEN 1 END), COUNT(CASE WHEN in_weihai THEN 1 END)
  FROM new_rows GROUP BY school_id, graduation_year
  ON CONFLICT (school_id, graduation_year) DO UPDATE SET graduates = t.graduates + EXCLUDED.graduates,
    employed = t.employed + EXCLUDED.employed, in_weihai = t.in_weihai + EXCLUDED.in_weihai;
  RETURN NULL;
END $$",
    "CREATE TRIGGER graduate_outcome_tally_insert AFTER INSERT ON graduate_outcome \
     REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_tally_add()",
    "CREATE TRIGGER graduate_outcome_tally_update AFTER UPDATE ON graduate_outcome \
     REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT \
     EXECUTE FUNCTION retention_tally_replace()",
    "CREATE TRIGGER graduate_outcome_tally_delete AFTER DELETE ON graduate_outcome \
     REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_tally_subtract()",
];

const POSTGRES_DOWN: [&str; 6] = [
    "DROP TRIGGER IF EXISTS graduate_outcome_tally_insert ON graduate_outcome",
    "DROP TRIGGER IF EXISTS graduate_outcome_tally_update ON graduate_outcome",
    "DROP TRIGGER IF EXISTS graduate_outcome_tally_delete ON graduate_outcome",
    "DROP FUNCTION IF EXISTS retention_tally_add()",
    "DROP FUNCTION IF EXISTS retention_tally_subtract()",
    "DROP FUNCTION IF EXISTS retention_tally_replace()",
];

/// SQLite: a trigger per operation.
const SQLITE_ADD: &str = "INSERT INTO retention_tally (school_id, graduation_year, graduates, employed, in_weihai) \
    VALUES (NEW.school_id, NEW.graduation_year, 1, CASE WHEN NEW.status = 'EMPLOYED' THEN 1 ELSE 0 END, \
    CASE WHEN NEW.in_weihai THEN 1 ELSE 0 END) \
    ON CONFLICT (school_id, graduation_year) DO UPDATE SET graduates = graduates + 1, \
    employed = employed + excluded.employed, in_weihai = in_weihai + excluded.in_weihai;";
const SQLITE_SUBTRACT: &str = "UPDATE retention_tally SET graduates = graduates - 1, \
    employed = employed - (CASE WHEN OLD.status = 'EMPLOYED' THEN 1 ELSE 0 END), \
    in_weihai = in_weihai - (CASE WHEN OLD.in_weihai THEN 1 ELSE 0 END) \
    WHERE school_id = OLD.school_id AND graduation_year = OLD.graduation_year;";

const SQLITE_TRIGGERS: [&str; 3] = [
    "graduate_outcome_tally_insert",
    "graduate_outcome_tally_update",
    "graduate_outcome_tally_delete",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RetentionTally::Table)
                    .col(uuid(RetentionTally::SchoolId))
                    .col(integer(RetentionTally::GraduationYear))
                    .col(big_integer(RetentionTally::Graduates).default(0))
                    .col(big_integer(RetentionTally::Employed).default(0))
                    .col(big_integer(RetentionTally::InWeihai).default(0))
                    .primary_key(
                        Index::create()
                            .col(RetentionTally::SchoolId)
                            .col(RetentionTally::GraduationYear),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(BACKFILL).await?;
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                for sql in POSTGRES_UP {
                    db.execute_unprepared(sql).await?;
                }
            }
            _ => {
                let [insert, update, delete] = SQLITE_TRIGGERS;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {insert} AFTER INSERT ON graduate_outcome BEGIN {SQLITE_ADD} END"
                ))
                .await?;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {update} AFTER UPDATE ON graduate_outcome BEGIN {SQLITE_SUBTRACT} {SQLITE_ADD} END"
                ))
                .await?;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {delete} AFTER DELETE ON graduate_outcome BEGIN {SQLITE_SUBTRACT} END"
                ))
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                for sql in POSTGRES_DOWN {
                    db.execute_unprepared(sql).await?;
                }
            }
            _ => {
                for name in SQLITE_TRIGGERS {
                    db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {name}"))
                        .await?;
                }
            }
        }
        manager
            .drop_table(Table::drop().table(RetentionTally::Table).to_owned())
            .await
    }
}
