//! `order_class.enrolled_count` and `order_class.agreements_signed`: a class's enrolments and
//! those with a signed pre-employment agreement (三方预就业协议, `enrolment.agreement_signed_on`
//! set), kept by the database itself in the same transaction as every write to `enrolment`
//! (triggers on insert, update and delete: per statement on PostgreSQL, per row on SQLite,
//! whoever writes), so that a page of order classes answers `enrolledCount`, `agreementsSigned`
//! and `seatsLeft` from its own rows instead of counting every enrolment of the page in a second
//! statement (`docs/performance.md`). Filled from the enrolments already recorded.
//!
//! Both are bigint, ≥ 0, default 0; derived columns the API never writes (an update of a class
//! writes only the columns it changes).

use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrderClass {
    Table,
    EnrolledCount,
    AgreementsSigned,
}

/// The enrolments already recorded, counted (the same statement on both databases).
const BACKFILL: &str = "UPDATE order_class SET \
    enrolled_count = (SELECT COUNT(*) FROM enrolment e WHERE e.order_class_id = order_class.id), \
    agreements_signed = (SELECT COUNT(e.agreement_signed_on) FROM enrolment e \
    WHERE e.order_class_id = order_class.id)";

/// PostgreSQL: statement-level triggers over the transition tables, so that a statement writing
/// many enrolments (an import, the synthetic data set) changes each class once per statement.
/// `enrolment_counts_add` adds the counts of `NEW` rows, `enrolment_counts_subtract` subtracts
/// those of `OLD`; an update does both.
const POSTGRES_UP: [&str; 5] = [
    r"CREATE FUNCTION enrolment_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE order_class AS c SET enrolled_count = c.enrolled_count + n.enrolled,
    agreements_signed = c.agreements_signed + n.agreements
  FROM (SELECT order_class_id, COUNT(*) AS enrolled, COUNT(agreement_signed_on) AS agreements
        FROM new_rows GROUP BY order_class_id) AS n
  WHERE c.id = n.order_class_id;
  RETURN NULL;
END $$",
    r"CREATE FUNCTION enrolment_counts_subtract() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE order_class AS c SET enrolled_count = c.enrolled_count - o.enrolled,
    agreements_signed = c.agreements_signed - o.agreements
  FROM (SELECT order_class_id, COUNT(*) AS enrolled, COUNT(agreement_signed_on) AS agreements
        FROM old_rows GROUP BY order_class_id) AS o
  WHERE c.id = o.order_class_id;
  IF TG_OP = 'UPDATE' THEN
    UPDATE order_class AS c SET enrolled_count = c.enrolled_count + n.enrolled,
      agreements_signed = c.agreements_signed + n.agreements
    FROM (SELECT order_class_id, COUNT(*) AS enrolled, COUNT(agreement_signed_on) AS agreements
          FROM new_rows GROUP BY order_class_id) AS n
    WHERE c.id = n.order_class_id;
  END IF;
  RETURN NULL;
END $$",
    "CREATE TRIGGER enrolment_counts_insert AFTER INSERT ON enrolment \
     REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrolment_counts_add()",
    "CREATE TRIGGER enrolment_counts_update AFTER UPDATE ON enrolment \
     REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT \
     EXECUTE FUNCTION enrolment_counts_subtract()",
    "CREATE TRIGGER enrolment_counts_delete AFTER DELETE ON enrolment \
     REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT \
     EXECUTE FUNCTION enrolment_counts_subtract()",
];

const POSTGRES_DOWN: [&str; 5] = [
    "DROP TRIGGER IF EXISTS enrolment_counts_insert ON enrolment",
    "DROP TRIGGER IF EXISTS enrolment_counts_update ON enrolment",
    "DROP TRIGGER IF EXISTS enrolment_counts_delete ON enrolment",
    "DROP FUNCTION IF EXISTS enrolment_counts_add()",
    "DROP FUNCTION IF EXISTS enrolment_counts_subtract()",
];

/// SQLite: a trigger per operation, per row.
const SQLITE_ADD: &str = "UPDATE order_class SET enrolled_count = enrolled_count + 1, \
    agreements_signed = agreements_signed + (NEW.agreement_signed_on IS NOT NULL) \
    WHERE id = NEW.order_class_id;";
const SQLITE_SUBTRACT: &str = "UPDATE order_class SET enrolled_count = enrolled_count - 1, \
    agreements_signed = agreements_signed - (OLD.agreement_signed_on IS NOT NULL) \
    WHERE id = OLD.order_class_id;";

const SQLITE_TRIGGERS: [&str; 3] = [
    "enrolment_counts_insert",
    "enrolment_counts_update",
    "enrolment_counts_delete",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [OrderClass::EnrolledCount, OrderClass::AgreementsSigned] {
            manager
                .alter_table(
                    Table::alter()
                        .table(OrderClass::Table)
                        .add_column(big_integer(col).default(0))
                        .to_owned(),
                )
                .await?;
        }
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
                    "CREATE TRIGGER {insert} AFTER INSERT ON enrolment BEGIN {SQLITE_ADD} END"
                ))
                .await?;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {update} AFTER UPDATE ON enrolment BEGIN {SQLITE_SUBTRACT} {SQLITE_ADD} END"
                ))
                .await?;
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER {delete} AFTER DELETE ON enrolment BEGIN {SQLITE_SUBTRACT} END"
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
        for col in [OrderClass::EnrolledCount, OrderClass::AgreementsSigned] {
            manager
                .alter_table(
                    Table::alter()
                        .table(OrderClass::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
