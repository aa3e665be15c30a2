//! One `READ` event per request: the students a reading showed move from one `audit_event` row
//! each to `audit_event_entity`, the event's entities (as FHIR's `AuditEvent.entity` lists the
//! several records one event is about; `docs/audit.md`).
//!
//! A page that names 50 students wrote 50 wide `audit_event` rows, each under seven B-tree
//! indexes; it now writes one event and 50 rows of three UUIDs under three indexes
//! (`docs/performance.md`, "Recording reads").
//!
//! - `audit_event_entity (event_id, object_id, owner_unit_id)`: the event, the record (a
//!   student), and the unit the record belongs to (the student's school). Primary key
//!   `(event_id, object_id)`; indexes `(object_id, event_id)` (a record's history) and
//!   `(owner_unit_id, event_id)` (a school's view of who read its students). No foreign keys, as
//!   the trail itself: an event outlives what it names; the retention purge deletes an event's
//!   entities with it.
//! - `audit_event.object_id` becomes optional: a `READ` has none (its records are its entities).
//!   PostgreSQL drops the constraint in place; SQLite rebuilds the table (it cannot alter a
//!   column), keeping every row and index.
//! - Existing `READ` events (one per student) become one entity each, under their own event.
//!
//! `down` gives every entity its own `READ` event again (with a new id) and restores the column.

use sea_orm_migration::sea_orm::prelude::ChronoDateTimeUtc;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

/// The indexes of `audit_event` (each also ends with `id`), as its first migration made them.
const EVENT_INDEXES: [(&str, &str); 6] = [
    ("idx_audit_event_object", "object_id"),
    ("idx_audit_event_actor_unit", "actor_unit_id"),
    ("idx_audit_event_owner_unit", "owner_unit_id"),
    ("idx_audit_event_partner_unit", "partner_unit_id"),
    ("idx_audit_event_account", "account_id"),
    ("idx_audit_event_occurred_at", "occurred_at"),
];

/// `audit_event`'s definition under the name `table`, its `object_id` optional or not.
fn audit_event(table: &str, object_optional: bool) -> TableCreateStatement {
    let object = if object_optional {
        uuid_null(a("object_id"))
    } else {
        uuid(a("object_id"))
    };
    Table::create()
        .table(a(table))
        .col(pk_uuid(a("id")))
        .col(timestamp_with_time_zone(a("occurred_at")))
        .col(string_len(a("source"), 10))
        .col(string_len(a("action"), 10))
        .col(string_len(a("operation"), 100))
        .col(uuid_null(a("account_id")))
        .col(uuid_null(a("actor_unit_id")))
        .col(string_len(a("object_type"), 64))
        .col(object)
        .col(uuid_null(a("owner_unit_id")))
        .col(uuid_null(a("partner_unit_id")))
        .col(text_null(a("changes")))
        .to_owned()
}

/// Makes `audit_event.object_id` optional or required again. PostgreSQL alters the column;
/// SQLite copies every row into a table of the new definition, swaps it in and rebuilds the
/// indexes.
async fn object_optional(manager: &SchemaManager<'_>, optional: bool) -> Result<(), DbErr> {
    let db = manager.get_connection();
    if manager.get_database_backend() == DatabaseBackend::Postgres {
        let change = if optional { "DROP" } else { "SET" };
        db.execute_unprepared(&format!(
            "ALTER TABLE audit_event ALTER COLUMN object_id {change} NOT NULL"
        ))
        .await?;
        return Ok(());
    }
    manager
        .create_table(audit_event("audit_event_rebuilt", optional))
        .await?;
    db.execute_unprepared(
        "INSERT INTO audit_event_rebuilt (id, occurred_at, source, action, operation, account_id, \
         actor_unit_id, object_type, object_id, owner_unit_id, partner_unit_id, changes) \
         SELECT id, occurred_at, source, action, operation, account_id, actor_unit_id, \
         object_type, object_id, owner_unit_id, partner_unit_id, changes FROM audit_event",
    )
    .await?;
    db.execute_unprepared("DROP TABLE audit_event").await?;
    db.execute_unprepared("ALTER TABLE audit_event_rebuilt RENAME TO audit_event")
        .await?;
    for (name, column) in EVENT_INDEXES {
        manager
            .create_index(
                Index::create()
                    .name(name)
                    .table(a("audit_event"))
                    .col(a(column))
                    .col(a("id"))
                    .to_owned(),
            )
            .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(a("audit_event_entity"))
                    .col(uuid(a("event_id")))
                    .col(uuid(a("object_id")))
                    .col(uuid_null(a("owner_unit_id")))
                    .primary_key(Index::create().col(a("event_id")).col(a("object_id")))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_audit_event_entity_object", "object_id"),
            ("idx_audit_event_entity_owner_unit", "owner_unit_id"),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(a("audit_event_entity"))
                        .col(a(column))
                        .col(a("event_id"))
                        .to_owned(),
                )
                .await?;
        }
        let db = manager.get_connection();
        db.execute_unprepared(
            "INSERT INTO audit_event_entity (event_id, object_id, owner_unit_id) \
             SELECT id, object_id, owner_unit_id FROM audit_event WHERE action = 'READ'",
        )
        .await?;
        object_optional(manager, true).await?;
        db.execute_unprepared(
            "UPDATE audit_event SET object_id = NULL, owner_unit_id = NULL WHERE action = 'READ'",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT e.occurred_at, e.source, e.operation, e.account_id, e.actor_unit_id, \
                 e.object_type, x.object_id, x.owner_unit_id \
                 FROM audit_event e JOIN audit_event_entity x ON x.event_id = e.id",
            ))
            .await?;
        let columns = [
            "id",
            "occurred_at",
            "source",
            "action",
            "operation",
            "account_id",
            "actor_unit_id",
            "object_type",
            "object_id",
            "owner_unit_id",
        ];
        for chunk in rows.chunks(500) {
            let mut insert = Query::insert()
                .into_table(a("audit_event"))
                .columns(columns.map(a))
                .to_owned();
            for row in chunk {
                let at: ChronoDateTimeUtc = row.try_get("", "occurred_at")?;
                let source: String = row.try_get("", "source")?;
                let operation: String = row.try_get("", "operation")?;
                let account: Option<uuid::Uuid> = row.try_get("", "account_id")?;
                let actor: Option<uuid::Uuid> = row.try_get("", "actor_unit_id")?;
                let object_type: String = row.try_get("", "object_type")?;
                let object: uuid::Uuid = row.try_get("", "object_id")?;
                let owner: Option<uuid::Uuid> = row.try_get("", "owner_unit_id")?;
                insert.values_panic([
                    uuid::Uuid::now_v7().into(),
                    at.into(),
                    source.into(),
                    "READ".into(),
                    operation.into(),
                    account.into(),
                    actor.into(),
                    object_type.into(),
                    object.into(),
                    owner.into(),
                ]);
            }
            manager.exec_stmt(insert).await?;
        }
        db.execute_unprepared("DELETE FROM audit_event WHERE object_id IS NULL")
            .await?;
        object_optional(manager, false).await?;
        manager
            .drop_table(Table::drop().table(a("audit_event_entity")).to_owned())
            .await
    }
}
