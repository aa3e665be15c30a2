//! The audit trail (督导 needs evidence): every write to an audited table records who did it,
//! when, through which operation, to which record, and the fields changed — in the same
//! transaction as the write, because the entities' `before_save` / `before_delete` hooks write the
//! row on the connection the write uses ([`audited!`]). A failed write rolls its event back with
//! it; a refused write writes neither.
//!
//! **Who** comes from the [`AuditContext`] the caller runs in ([`scope`]): the API sets it per
//! request (account, unit, the mutation field), an import marks its source, the command line names
//! its command. A write outside any scope is recorded as the `SYSTEM`'s.
//!
//! **Personal fields** (names of people, birth dates, ID numbers, student numbers, phones,
//! e-mail, password hashes: [`is_personal`]) are recorded as `{ "changed": true }`, never their
//! values.
//!
//! Bulk statements (`insert_many`, `update_many`, `delete_many`) bypass the hooks; their callers
//! record with [`record_models`] / [`record_change`].

use std::sync::{Arc, Mutex, MutexGuard};

use sea_orm::sea_query::ValueType;
use sea_orm::{
    ActiveModelTrait, ActiveValue, ColumnTrait, ConnectionTrait, DbErr, EntityName, EntityTrait,
    IdenStatic, Iterable, ModelTrait, PrimaryKeyToColumn, QueryFilter, Set, Value,
};
use serde_json::{Map, Value as Json, json};
use uuid::Uuid;

use crate::enums::{AuditAction, AuditSource};
use crate::{audit_event, audit_event_entity};

/// Longest operation name kept (characters).
pub const MAX_OPERATION: usize = 100;

/// Who is writing, and through what.
#[derive(Debug, Clone)]
pub struct AuditContext {
    /// Where the write comes from.
    pub source: AuditSource,
    /// The operation (GraphQL field or command), at most [`MAX_OPERATION`] characters.
    pub operation: String,
    /// The signed-in account, if any.
    pub account_id: Option<Uuid>,
    /// The account's unit, if any.
    pub unit_id: Option<Uuid>,
}

impl AuditContext {
    /// A context of `source` for `operation`, with no account yet.
    pub fn new(source: AuditSource, operation: &str) -> Self {
        Self {
            source,
            operation: truncate(operation),
            account_id: None,
            unit_id: None,
        }
    }

    /// The same context for `account` of `unit`.
    #[must_use]
    pub fn by(mut self, account: Option<Uuid>, unit: Option<Uuid>) -> Self {
        self.account_id = account;
        self.unit_id = unit;
        self
    }
}

tokio::task_local! {
    static CONTEXT: Arc<Mutex<AuditContext>>;
}

fn lock(c: &Arc<Mutex<AuditContext>>) -> MutexGuard<'_, AuditContext> {
    c.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn truncate(s: &str) -> String {
    s.chars().take(MAX_OPERATION).collect()
}

/// Runs `f` with `context` as the writer of every audited write it makes.
pub async fn scope<F: Future>(context: AuditContext, f: F) -> F::Output {
    CONTEXT.scope(Arc::new(Mutex::new(context)), f).await
}

/// Names the operation now running in the current scope (a mutation field as it starts); no
/// effect outside a scope.
pub fn set_operation(operation: &str) {
    let _ = CONTEXT.try_with(|c| lock(c).operation = truncate(operation));
}

/// Marks the current scope's writes as coming from `source` (an import); no effect outside a
/// scope.
pub fn set_source(source: AuditSource) {
    let _ = CONTEXT.try_with(|c| lock(c).source = source);
}

/// The current scope's context, or the system's.
pub fn current() -> AuditContext {
    CONTEXT
        .try_with(|c| lock(c).clone())
        .unwrap_or_else(|_| AuditContext::new(AuditSource::System, "system"))
}

/// Whether `column` of `table` holds personal data, recorded as changed but never by value
/// (names of people, birth dates, ID numbers, student numbers, phones, e-mail, secrets).
pub fn is_personal(table: &str, column: &str) -> bool {
    const ALWAYS: &[&str] = &[
        "date_of_birth",
        "national_id",
        "student_number",
        "email",
        "password_hash",
        "contact_person",
        "contact_phone",
        "phone",
        "apprentice_name",
        "teacher_name",
        "worker_name",
        "coach_name",
        "mentor_name",
        "firm_mentor",
        "school_mentor",
    ];
    const PEOPLE: &[&str] = &[
        "student",
        "career_mentor",
        "craftsman",
        "site_mentor",
        "teacher",
    ];
    ALWAYS.contains(&column) || (column == "name" && PEOPLE.contains(&table))
}

/// Columns not worth recording (keys and bookkeeping).
fn is_bookkeeping(column: &str) -> bool {
    matches!(column, "id" | "created_at" | "updated_at" | "name_sort_key")
}

/// The columns naming the unit a record belongs to, in order of preference.
const OWNER_COLUMNS: &[&str] = &[
    "school_id",
    "unit_id",
    "enterprise_id",
    "host_unit_id",
    "member_unit_id",
];
/// The columns naming another unit the record involves, in order of preference.
const PARTNER_COLUMNS: &[&str] = &[
    "host_unit_id",
    "enterprise_id",
    "employer_unit_id",
    "agreement_enterprise_id",
    "unit_id",
];

fn uuid_of(v: &Value) -> Option<Uuid> {
    <Option<Uuid> as ValueType>::try_from(v.clone())
        .ok()
        .flatten()
}

fn json_of(v: &Value) -> Json {
    sea_orm::sea_query::value::sea_value_to_json_value(v)
}

/// One record's values by column name.
type Values = Vec<(&'static str, Value)>;

fn values_of<M: ModelTrait>(model: &M) -> Values {
    <<M::Entity as EntityTrait>::Column as Iterable>::iter()
        .map(|c| (IdenStatic::as_str(&c), model.get(c)))
        .collect()
}

/// The owner and partner units named in `values` (the record's id itself for a member unit).
fn units(table: &str, id: Uuid, values: &Values) -> (Option<Uuid>, Option<Uuid>) {
    let find = |name: &str| {
        values
            .iter()
            .find(|(c, _)| *c == name)
            .and_then(|(_, v)| uuid_of(v))
    };
    let owner = if table == "member_unit" {
        Some(id)
    } else {
        OWNER_COLUMNS.iter().find_map(|c| find(c))
    };
    let partner = PARTNER_COLUMNS
        .iter()
        .filter_map(|c| find(c))
        .find(|u| Some(*u) != owner);
    (owner, partner)
}

/// The changes from `before` (none: a new record) to `after`, as the JSON object stored.
fn changes(table: &str, before: Option<&Values>, after: &Values) -> Map<String, Json> {
    let mut out = Map::new();
    for (column, value) in after {
        if is_bookkeeping(column) {
            continue;
        }
        let old = before.and_then(|b| b.iter().find(|(c, _)| c == column).map(|(_, v)| v));
        if old == Some(value) {
            continue;
        }
        let new = json_of(value);
        if old.is_none() && new.is_null() {
            continue;
        }
        let entry = if is_personal(table, column) {
            json!({ "changed": true })
        } else {
            json!({ "before": old.map_or(Json::Null, json_of), "after": new })
        };
        out.insert((*column).to_owned(), entry);
    }
    out
}

/// The event row for `action` on record `id` of `table`.
#[allow(clippy::too_many_arguments)]
fn event(
    context: &AuditContext,
    action: AuditAction,
    table: &str,
    id: Option<Uuid>,
    owner: Option<Uuid>,
    partner: Option<Uuid>,
    changes: Option<Map<String, Json>>,
) -> audit_event::ActiveModel {
    audit_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        occurred_at: Set(chrono::Utc::now()),
        source: Set(context.source),
        action: Set(action),
        operation: Set(context.operation.clone()),
        account_id: Set(context.account_id),
        actor_unit_id: Set(context.unit_id),
        object_type: Set(table.to_owned()),
        object_id: Set(id),
        owner_unit_id: Set(owner),
        partner_unit_id: Set(partner),
        changes: Set(changes.map(|c| Json::Object(c).to_string())),
    }
}

/// The single-column primary key of `A`'s entity and its value in `am`, when set.
fn key_of<A: ActiveModelTrait>(am: &A) -> Option<(<A::Entity as EntityTrait>::Column, Uuid)> {
    let pk = <<A::Entity as EntityTrait>::PrimaryKey as Iterable>::iter().next()?;
    let column = pk.into_column();
    match am.get(column) {
        ActiveValue::Set(v) | ActiveValue::Unchanged(v) => uuid_of(&v).map(|id| (column, id)),
        ActiveValue::NotSet => None,
    }
}

/// The `before_save` hook of an audited entity: records the create or update `am` is about to
/// make, on `db` (the write's own transaction). An update reads the stored row first, to record
/// what changed.
///
/// # Errors
/// A database failure, which aborts the write.
pub async fn before_save<A, C>(am: A, db: &C, insert: bool) -> Result<A, DbErr>
where
    A: ActiveModelTrait + Send,
    C: ConnectionTrait,
{
    let table = <A::Entity as Default>::default().table_name().to_owned();
    let Some((key, id)) = key_of(&am) else {
        return Ok(am);
    };
    let before = if insert {
        None
    } else {
        <A::Entity as EntityTrait>::find()
            .filter(key.eq(id))
            .one(db)
            .await?
            .map(|m| values_of(&m))
    };
    let after: Values = <<A::Entity as EntityTrait>::Column as Iterable>::iter()
        .filter_map(|c| {
            let name = IdenStatic::as_str(&c);
            match am.get(c) {
                ActiveValue::Set(v) | ActiveValue::Unchanged(v) => Some((name, v)),
                ActiveValue::NotSet => before
                    .as_ref()
                    .and_then(|b| b.iter().find(|(n, _)| *n == name).cloned()),
            }
        })
        .collect();
    let (owner, partner) = units(&table, id, &after);
    let action = if insert {
        AuditAction::Create
    } else {
        AuditAction::Update
    };
    let diff = changes(&table, before.as_ref(), &after);
    event(
        &current(),
        action,
        &table,
        Some(id),
        owner,
        partner,
        Some(diff),
    )
    .insert(db)
    .await?;
    Ok(am)
}

/// The `before_delete` hook of an audited entity: records the deletion, with the units the
/// deleted row named.
///
/// # Errors
/// A database failure, which aborts the delete.
pub async fn before_delete<A, C>(am: A, db: &C) -> Result<A, DbErr>
where
    A: ActiveModelTrait + Send,
    C: ConnectionTrait,
{
    let table = <A::Entity as Default>::default().table_name().to_owned();
    let Some((key, id)) = key_of(&am) else {
        return Ok(am);
    };
    let stored = <A::Entity as EntityTrait>::find()
        .filter(key.eq(id))
        .one(db)
        .await?
        .map(|m| values_of(&m))
        .unwrap_or_default();
    let (owner, partner) = units(&table, id, &stored);
    event(
        &current(),
        AuditAction::Delete,
        &table,
        Some(id),
        owner,
        partner,
        None,
    )
    .insert(db)
    .await?;
    Ok(am)
}

/// Records `action` on each of `models` (rows written by a bulk statement, which bypasses the
/// hooks): creates with all their values, deletes with none. A few statements whatever the
/// number of rows.
///
/// # Errors
/// A database failure.
pub async fn record_models<M, C>(db: &C, action: AuditAction, models: &[M]) -> Result<(), DbErr>
where
    M: ModelTrait,
    C: ConnectionTrait,
{
    let table = <M::Entity as Default>::default().table_name().to_owned();
    let context = current();
    let rows: Vec<audit_event::ActiveModel> = models
        .iter()
        .filter_map(|m| {
            let values = values_of(m);
            let id = values
                .iter()
                .find(|(c, _)| *c == "id")
                .and_then(|(_, v)| uuid_of(v))?;
            let (owner, partner) = units(&table, id, &values);
            let diff = (action != AuditAction::Delete).then(|| changes(&table, None, &values));
            Some(event(
                &context,
                action,
                &table,
                Some(id),
                owner,
                partner,
                diff,
            ))
        })
        .collect();
    insert_chunks(db, rows, EVENTS_PER_STATEMENT).await
}

/// Events per `INSERT`: an event binds 12 values, so 500 stay within every database's limit of
/// bound values (PostgreSQL 65,535; SQLite 32,766).
const EVENTS_PER_STATEMENT: usize = 500;

/// Entities per `INSERT`: an entity binds 3 values.
const ENTITIES_PER_STATEMENT: usize = 1_000;

/// Inserts `rows`, `size` to a statement, without reading them back.
///
/// # Errors
/// A database failure.
async fn insert_chunks<A, C>(
    db: &C,
    rows: impl IntoIterator<Item = A>,
    size: usize,
) -> Result<(), DbErr>
where
    A: ActiveModelTrait + Send,
    C: ConnectionTrait,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(size).collect();
        <A::Entity as EntityTrait>::insert_many(chunk)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Records one bulk load of `rows` new rows into `table` (the synthetic data set, which is too
/// big to record row by row) as one `CREATE` event whose object id is the nil UUID and whose
/// changes are `{"rows": {"before": null, "after": rows}}`.
///
/// # Errors
/// A database failure.
pub async fn record_bulk<C: ConnectionTrait>(
    db: &C,
    action: AuditAction,
    table: &str,
    rows: u64,
) -> Result<(), DbErr> {
    let mut diff = Map::new();
    diff.insert("rows".into(), json!({ "before": null, "after": rows }));
    event(
        &current(),
        action,
        table,
        Some(Uuid::nil()),
        None,
        None,
        Some(diff),
    )
    .insert(db)
    .await?;
    Ok(())
}

/// Records the update of one row from `before` to `after` (a row changed by a bulk statement).
///
/// # Errors
/// A database failure.
pub async fn record_change<M, C>(db: &C, before: &M, after: &M) -> Result<(), DbErr>
where
    M: ModelTrait,
    C: ConnectionTrait,
{
    let table = <M::Entity as Default>::default().table_name().to_owned();
    let old = values_of(before);
    let new = values_of(after);
    let Some(id) = new
        .iter()
        .find(|(c, _)| *c == "id")
        .and_then(|(_, v)| uuid_of(v))
    else {
        return Ok(());
    };
    let (owner, partner) = units(&table, id, &new);
    let diff = changes(&table, Some(&old), &new);
    event(
        &current(),
        AuditAction::Update,
        &table,
        Some(id),
        owner,
        partner,
        Some(diff),
    )
    .insert(db)
    .await?;
    Ok(())
}

/// One reading of students' personal data, ready to write ([`insert_reads`]): its `READ` event
/// and one entity per student read (`docs/audit.md`).
#[derive(Debug)]
pub struct ReadRecord {
    /// The event: who read, when, through which operation; object type `student`, no object id.
    pub event: audit_event::ActiveModel,
    /// The students read, each once, each owned by its school.
    pub entities: Vec<audit_event_entity::Model>,
}

/// The record that `context`'s reader read these students' personal data (`(student, school)`
/// pairs; a student listed twice is kept once): one `READ` event of object type `student`, and
/// one entity per student owned by its school. `None` for no students.
pub fn read_record(context: &AuditContext, students: &[(Uuid, Uuid)]) -> Option<ReadRecord> {
    if students.is_empty() {
        return None;
    }
    let event = event(
        context,
        AuditAction::Read,
        "student",
        None,
        None,
        None,
        None,
    );
    let ActiveValue::Set(event_id) = event.id else {
        return None;
    };
    let mut students = students.to_vec();
    students.sort_unstable_by_key(|(student, _)| *student);
    students.dedup_by_key(|(student, _)| *student);
    let entities = students
        .into_iter()
        .map(|(student, school)| audit_event_entity::Model {
            event_id,
            object_id: student,
            owner_unit_id: Some(school),
        })
        .collect();
    Some(ReadRecord { event, entities })
}

/// Writes `records` (several readers' at once): their events, 500 to a statement, then their
/// entities. On PostgreSQL the entities go in one statement of one fixed text whatever their
/// number, [`ENTITIES_FROM_ARRAYS`] (three arrays, one per column), so that every connection
/// prepares and plans it once, and one array is one bound value whatever the batch holds; a
/// multi-row `VALUES` list had a text, a preparation and a plan per number of rows, and building
/// and binding its three values a row was 4.2% of the API's instructions on a page of 50
/// placements (`docs/performance.md`, "Reads recorded for less"). That statement stores them one
/// row per event and school (`audit_event_entity_group`, migration
/// `m20261205_000001_audit_entity_groups`). On SQLite, which has no arrays, 1,000 rows to a
/// `VALUES` statement (within its limit of bound values). The caller runs it in a transaction, so
/// that an event is never without its entities.
///
/// # Errors
/// A database failure.
pub async fn insert_reads<C: ConnectionTrait>(
    db: &C,
    records: Vec<ReadRecord>,
) -> Result<(), DbErr> {
    let (events, entities): (Vec<_>, Vec<_>) =
        records.into_iter().map(|r| (r.event, r.entities)).unzip();
    insert_chunks(db, events, EVENTS_PER_STATEMENT).await?;
    let entities = entities.into_iter().flatten();
    if db.get_database_backend() != sea_orm::DatabaseBackend::Postgres {
        return insert_chunks(
            db,
            entities.map(sea_orm::IntoActiveModel::into_active_model),
            ENTITIES_PER_STATEMENT,
        )
        .await;
    }
    let (mut events, mut objects, mut owners) = (Vec::new(), Vec::new(), Vec::new());
    for e in entities {
        events.push(Value::Uuid(Some(e.event_id)));
        objects.push(Value::Uuid(Some(e.object_id)));
        owners.push(Value::Uuid(e.owner_unit_id));
    }
    if events.is_empty() {
        return Ok(());
    }
    let array = |v| Value::Array(sea_orm::sea_query::ArrayType::Uuid, Some(Box::new(v)));
    db.execute_raw(sea_orm::Statement::from_sql_and_values(
        sea_orm::DatabaseBackend::Postgres,
        ENTITIES_FROM_ARRAYS,
        [array(events), array(objects), array(owners)],
    ))
    .await?;
    Ok(())
}

/// PostgreSQL: inserts a batch of reads' entities from three arrays of equal length (the events,
/// the students, the students' schools; entity `i` from element `i` of each), one row of
/// `audit_event_entity_group` per event and school with that school's students in order.
const ENTITIES_FROM_ARRAYS: &str = "INSERT INTO audit_event_entity_group \
     (event_id, owner_unit_id, object_ids) \
     SELECT e, o, array_agg(s ORDER BY s) \
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t(e, s, o) GROUP BY e, o";

/// Makes an entity's writes audited: its `ActiveModelBehavior` records every create, update and
/// delete through [`before_save`] and [`before_delete`].
#[macro_export]
macro_rules! audited {
    () => {
        #[sea_orm::prelude::async_trait::async_trait]
        impl ActiveModelBehavior for ActiveModel {
            async fn before_save<C>(self, db: &C, insert: bool) -> Result<Self, DbErr>
            where
                C: ConnectionTrait,
            {
                $crate::audit::before_save(self, db, insert).await
            }

            async fn before_delete<C>(self, db: &C) -> Result<Self, DbErr>
            where
                C: ConnectionTrait,
            {
                $crate::audit::before_delete(self, db).await
            }
        }
    };
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn personal_fields_are_recorded_as_changed_without_values() {
        let before: Values = vec![
            ("name", Value::from("张三")),
            ("specialty", Value::from("数控")),
        ];
        let after: Values = vec![
            ("name", Value::from("李四")),
            ("specialty", Value::from("电工")),
        ];
        let diff = changes("student", Some(&before), &after);
        assert_eq!(diff["name"], json!({ "changed": true }));
        assert_eq!(
            diff["specialty"],
            json!({ "before": "数控", "after": "电工" })
        );
        // A unit's name is not personal.
        let diff = changes("member_unit", Some(&before), &after);
        assert_eq!(diff["name"], json!({ "before": "张三", "after": "李四" }));
    }

    #[test]
    fn unchanged_and_bookkeeping_fields_are_left_out() {
        let v: Values = vec![
            ("updated_at", Value::from("t1")),
            ("specialty", Value::from("数控")),
        ];
        let w: Values = vec![
            ("updated_at", Value::from("t2")),
            ("specialty", Value::from("数控")),
        ];
        assert!(changes("student", Some(&v), &w).is_empty());
    }

    #[test]
    fn a_reading_is_one_event_listing_each_student_once_with_its_school() {
        let (a, b, school, other) = (
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
        );
        let context = AuditContext::new(AuditSource::Api, "Roster").by(None, Some(other));
        assert!(
            read_record(&context, &[]).is_none(),
            "nothing read, nothing recorded"
        );
        let record = read_record(&context, &[(b, other), (a, school), (b, other)]).unwrap();
        let event = record.event;
        assert_eq!(event.action, Set(AuditAction::Read));
        assert_eq!(event.object_type, Set("student".to_owned()));
        assert_eq!(event.object_id, Set(None));
        assert_eq!(event.owner_unit_id, Set(None));
        assert_eq!(event.actor_unit_id, Set(Some(other)));
        let ActiveValue::Set(id) = event.id else {
            panic!("the event has an id")
        };
        let entities: Vec<(Uuid, Uuid, Option<Uuid>)> = record
            .entities
            .into_iter()
            .map(|e| (e.event_id, e.object_id, e.owner_unit_id))
            .collect();
        assert_eq!(entities, vec![(id, a, Some(school)), (id, b, Some(other))]);
    }

    #[test]
    fn a_placement_belongs_to_its_school_and_involves_its_host() {
        let (school, host) = (Uuid::now_v7(), Uuid::now_v7());
        let v: Values = vec![
            ("school_id", Value::from(school)),
            ("host_unit_id", Value::from(host)),
        ];
        assert_eq!(
            units("internship_placement", Uuid::nil(), &v),
            (Some(school), Some(host))
        );
        let id = Uuid::now_v7();
        assert_eq!(units("member_unit", id, &vec![]), (Some(id), None));
    }
}
