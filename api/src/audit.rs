//! Reading the audit trail (`entity::audit` writes it): who may see which events, the filter of
//! `auditEvents`, and the retention purge (`AUDIT_RETENTION_DAYS`).

use chrono::{DateTime, Duration, Utc};
use entity::enums::AuditAction;
use entity::{audit_event, audit_event_entity};
use sea_orm::sea_query::extension::postgres::PgBinOper;
use sea_orm::sea_query::{
    Alias, ArrayType, Asterisk, Expr, ExprTrait, Query, SelectStatement, SimpleExpr, UnionType,
    Value,
};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::actor::Actor;
use crate::db::no_rows;

/// The events `actor` may read: all for the secretariat; for a unit's staff, those its own
/// accounts made and those on records that belong to it or involve it (owner or partner);
/// none for anyone else; in `backend`'s SQL.
pub fn audit_scope(actor: &Actor, backend: DatabaseBackend) -> Condition {
    if actor.is_secretariat() {
        return Condition::all();
    }
    match actor.unit() {
        Some(u) => Condition::all().add(EventSet::involving(u).contains(backend, None)),
        None => no_rows(),
    }
}

/// A set of events drawn from several indexed parts: events whose column equals a value (each
/// read through the index that column leads), and events with an entity whose column equals a
/// value (`audit_event_entity`).
struct EventSet {
    /// `audit_event` columns and the value each must equal.
    events: Vec<(audit_event::Column, Uuid)>,
    /// The `audit_event_entity` column and the value it must equal.
    entity: (audit_event_entity::Column, Uuid),
}

/// PostgreSQL's table of a read's entities, one row per event and unit with the unit's records
/// as an array (migration `m20261205_000001_audit_entity_groups`); `audit_event_entity` is a
/// view of it there.
const ENTITY_GROUPS: &str = "audit_event_entity_group";

/// The entities' table to gather a set's events from, with the condition that `column` (the
/// record or its unit) equals `value`. On SQLite `audit_event_entity` itself. On PostgreSQL its
/// groups under the view's name, so every column keeps its qualified name: the view would unnest
/// every group before testing a record, where `object_ids @> ARRAY[id]` is read through the GIN
/// index of the arrays.
fn entity_source(
    select: &mut SelectStatement,
    backend: DatabaseBackend,
    column: audit_event_entity::Column,
    value: Uuid,
) {
    if backend != DatabaseBackend::Postgres {
        select
            .from(audit_event_entity::Entity)
            .and_where(column.eq(value));
        return;
    }
    select.from_as(Alias::new(ENTITY_GROUPS), audit_event_entity::Entity);
    if matches!(column, audit_event_entity::Column::ObjectId) {
        let one = Value::Array(
            ArrayType::Uuid,
            Some(Box::new(vec![Value::Uuid(Some(value))])),
        );
        select.and_where(
            Expr::col((audit_event_entity::Entity, Alias::new("object_ids")))
                .binary(PgBinOper::Contains, Expr::val(one)),
        );
    } else {
        select.and_where(column.eq(value));
    }
}

impl EventSet {
    /// Events made by `unit`'s accounts or on records that belong to it or involve it: a write's
    /// record, or any of a read's entities.
    fn involving(unit: Uuid) -> Self {
        Self {
            events: vec![
                (audit_event::Column::ActorUnitId, unit),
                (audit_event::Column::OwnerUnitId, unit),
                (audit_event::Column::PartnerUnitId, unit),
            ],
            entity: (audit_event_entity::Column::OwnerUnitId, unit),
        }
    }

    /// Events on record `id`: writes of it, and reads that list it among their entities.
    fn on_record(id: Uuid) -> Self {
        Self {
            events: vec![(audit_event::Column::ObjectId, id)],
            entity: (audit_event_entity::Column::ObjectId, id),
        }
    }

    /// Whether the event at hand (`audit_event` in the enclosing query) is in the set, tested on
    /// that one event: one of its columns, or one of its entities (through the entities' key,
    /// which `event_id` leads). For a set tested on the few events another set's page yields,
    /// where gathering this set whole could cost as much as the trail.
    fn matches(&self) -> Condition {
        let mut any = Condition::any();
        for (column, value) in &self.events {
            any = any.add(column.eq(*value));
        }
        let (column, value) = self.entity;
        any = any.add(Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(audit_event_entity::Entity)
                .and_where(
                    Expr::col((
                        audit_event_entity::Entity,
                        audit_event_entity::Column::EventId,
                    ))
                    .equals((audit_event::Entity, audit_event::Column::Id)),
                )
                .and_where(column.eq(value))
                .to_owned(),
        ));
        any
    }

    /// Events whose id is among the set's: `id IN (… UNION ALL …)`, so that each part is read
    /// through its own index and the database joins the ids found, rather than testing a
    /// disjunction on every event. Without `page`, every id of the set is gathered (as a count
    /// needs). With it, each part reads only the first `page.limit` of its events in the page's
    /// order and bounds that also meet `rest` (the list's other conditions): the first
    /// `page.limit` events of the whole set that meet `rest` are among them, since an event's rank
    /// in its part is never lower than its rank in the whole. So a page costs a page per part,
    /// however many events the set holds.
    fn contains(
        &self,
        backend: DatabaseBackend,
        page: Option<(&EventPage, &Condition)>,
    ) -> SimpleExpr {
        let (mut union, rest) = {
            let (column, value) = self.entity;
            let mut select = Query::select()
                .column((
                    audit_event_entity::Entity,
                    audit_event_entity::Column::EventId,
                ))
                .to_owned();
            entity_source(&mut select, backend, column, value);
            match page {
                None => (select, None),
                Some((page, rest)) => {
                    if !rest.is_empty() {
                        select.inner_join(
                            audit_event::Entity,
                            Expr::col((audit_event::Entity, audit_event::Column::Id)).equals((
                                audit_event_entity::Entity,
                                audit_event_entity::Column::EventId,
                            )),
                        );
                        select.cond_where(rest.clone());
                    }
                    select.distinct();
                    page.bound(&mut select, audit_event_entity::Column::EventId);
                    (page.part(select, 0), Some((page, rest)))
                }
            }
        };
        for (i, (column, value)) in self.events.iter().enumerate() {
            let mut select = Query::select()
                .column((audit_event::Entity, audit_event::Column::Id))
                .from(audit_event::Entity)
                .and_where(column.eq(*value))
                .to_owned();
            if let Some((page, rest)) = rest {
                select.cond_where(rest.clone());
                page.bound(&mut select, audit_event::Column::Id);
                select = page.part(select, i + 1);
            }
            union.union(UnionType::All, select);
        }
        audit_event::Column::Id.in_subquery(union)
    }
}

/// The page a list of events reads, pushed into each part of one [`EventSet`]: the ids after
/// and before the page's cursors, in its order (newest first for `first`, oldest first for
/// `last`), at most `limit` of them (the page's size and one more, to tell whether there is a
/// next page).
#[derive(Debug, Clone, Copy)]
pub struct EventPage {
    /// Only ids below this one (`after` a cursor, newest first).
    pub below: Option<Uuid>,
    /// Only ids above this one (`before` a cursor).
    pub above: Option<Uuid>,
    /// Newest first (`first`) or oldest first (`last`).
    pub newest_first: bool,
    /// Ids to read from each part.
    pub limit: u64,
}

impl EventPage {
    /// Bounds, orders and limits `select` by its id column `id`.
    fn bound<C: ColumnTrait>(&self, select: &mut SelectStatement, id: C) {
        if let Some(below) = self.below {
            select.and_where(id.lt(below));
        }
        if let Some(above) = self.above {
            select.and_where(id.gt(above));
        }
        let order = if self.newest_first {
            sea_orm::Order::Desc
        } else {
            sea_orm::Order::Asc
        };
        select
            .order_by((id.entity_name(), id), order)
            .limit(self.limit);
    }

    /// `select` as a part of a union: `SELECT * FROM (select) AS part_i`, since SQLite allows an
    /// `ORDER BY` and a `LIMIT` only on the whole of a compound select.
    fn part(&self, select: SelectStatement, i: usize) -> SelectStatement {
        Query::select()
            .column(Asterisk)
            .from_subquery(select, Alias::new(format!("part_{i}")))
            .to_owned()
    }
}

/// The entities of an event `viewer` may see (with [`audit_scope`] on the event): all for the
/// secretariat and for the unit whose account read them; otherwise those that belong to the
/// viewer's unit (a school sees its own students among those a firm read, not another school's).
pub fn entity_scope(actor: &Actor) -> Condition {
    if actor.is_secretariat() {
        return Condition::all();
    }
    match actor.unit() {
        Some(u) => Condition::any()
            .add(audit_event_entity::Column::OwnerUnitId.eq(u))
            .add(Expr::exists(
                Query::select()
                    .expr(Expr::val(1))
                    .from(audit_event::Entity)
                    .and_where(
                        Expr::col((audit_event::Entity, audit_event::Column::Id)).equals((
                            audit_event_entity::Entity,
                            audit_event_entity::Column::EventId,
                        )),
                    )
                    .and_where(audit_event::Column::ActorUnitId.eq(u))
                    .to_owned(),
            )),
        None => no_rows(),
    }
}

/// Which events a list returns (before the caller's scope). Fields combine with AND.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Events on this record: writes of it, and reads that list it among their entities.
    pub object_id: Option<Uuid>,
    /// Events made by this unit's accounts or on records that belong to it or involve it.
    pub unit_id: Option<Uuid>,
    /// Events made by this account.
    pub account_id: Option<Uuid>,
    /// Events of this operation (GraphQL field or command), exactly.
    pub operation: Option<String>,
    /// Events of any of these actions.
    pub actions: Option<Vec<AuditAction>>,
    /// Events at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Events before this instant.
    pub to: Option<DateTime<Utc>>,
}

impl AuditFilter {
    /// The filter's condition AND the caller's [`audit_scope`]: every matching event (for a
    /// count), in `backend`'s SQL.
    pub fn condition(&self, actor: &Actor, backend: DatabaseBackend) -> Condition {
        self.build(actor, backend, None)
    }

    /// The same, for reading one page: the page's bounds are pushed into the parts of the
    /// narrowest set of events the condition draws from (the record's, else the unit's, else the
    /// caller's scope: [`EventSet::contains`]), the other sets tested on each event it yields, so the page reads a page from each part instead of gathering
    /// every event of a school whose students were read a million times. The events it selects
    /// are a superset of the page; the caller still bounds, orders and limits the list itself.
    pub fn page_condition(
        &self,
        actor: &Actor,
        backend: DatabaseBackend,
        page: &EventPage,
    ) -> Condition {
        self.build(actor, backend, Some(page))
    }

    fn build(
        &self,
        actor: &Actor,
        backend: DatabaseBackend,
        page: Option<&EventPage>,
    ) -> Condition {
        // The narrowest set first: a record's events, a unit's, then the caller's scope.
        let mut sets = Vec::new();
        if let Some(id) = self.object_id {
            sets.push(EventSet::on_record(id));
        }
        if let Some(u) = self.unit_id {
            sets.push(EventSet::involving(u));
        }
        if !actor.is_secretariat() {
            match actor.unit() {
                Some(u) => sets.push(EventSet::involving(u)),
                None => return no_rows(),
            }
        }
        let mut plain = Condition::all();
        if let Some(a) = self.account_id {
            plain = plain.add(audit_event::Column::AccountId.eq(a));
        }
        if let Some(op) = &self.operation {
            plain = plain.add(audit_event::Column::Operation.eq(op.clone()));
        }
        if let Some(actions) = &self.actions {
            plain = plain.add(audit_event::Column::Action.is_in(actions.iter().copied()));
        }
        if let Some(from) = self.from {
            plain = plain.add(audit_event::Column::OccurredAt.gte(from));
        }
        if let Some(to) = self.to {
            plain = plain.add(audit_event::Column::OccurredAt.lt(to));
        }
        let mut sets = sets.into_iter();
        let Some(first) = sets.next() else {
            return plain;
        };
        let mut rest = plain;
        match page {
            // A count: every set gathered through its indexes.
            None => {
                let mut cond = Condition::all().add(first.contains(backend, None));
                for set in sets {
                    cond = cond.add(set.contains(backend, None));
                }
                cond.add(rest)
            }
            // A page: the first set's parts read a page each, every one of their events tested
            // against the other sets one by one (`EventSet::matches`) and the plain conditions.
            Some(page) => {
                for set in sets {
                    rest = rest.add(set.matches());
                }
                Condition::all()
                    .add(first.contains(backend, Some((page, &rest))))
                    .add(rest)
            }
        }
    }
}

/// Deletes the events older than `days` days (the retention setting) with their entities (on
/// PostgreSQL their groups, `audit_event_entity_group`); returns how many events went. Two
/// statements in one transaction. Every instance may run it; a second run finds nothing to
/// delete.
///
/// # Errors
/// A database failure (then nothing is deleted).
pub async fn purge(db: &DatabaseConnection, days: u32) -> Result<u64, DbErr> {
    let cutoff = Utc::now() - Duration::days(i64::from(days));
    let txn = crate::db::write_txn(db).await?;
    let old = Query::select()
        .column(audit_event::Column::Id)
        .from(audit_event::Entity)
        .and_where(audit_event::Column::OccurredAt.lt(cutoff))
        .to_owned();
    let table = if db.get_database_backend() == DatabaseBackend::Postgres {
        Alias::new(ENTITY_GROUPS)
    } else {
        Alias::new("audit_event_entity")
    };
    txn.execute(
        &Query::delete()
            .from_table(table)
            .and_where(Expr::col(audit_event_entity::Column::EventId).in_subquery(old))
            .to_owned(),
    )
    .await?;
    let deleted = audit_event::Entity::delete_many()
        .filter(audit_event::Column::OccurredAt.lt(cutoff))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(deleted.rows_affected)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use entity::enums::AuditSource;
    use migration::MigratorTrait;
    use sea_orm::{ActiveModelTrait, Database, PaginatorTrait, Set};

    fn event(at: DateTime<Utc>) -> audit_event::ActiveModel {
        audit_event::ActiveModel {
            id: Set(Uuid::now_v7()),
            occurred_at: Set(at),
            source: Set(AuditSource::System),
            action: Set(AuditAction::Update),
            operation: Set("test".into()),
            account_id: Set(None),
            actor_unit_id: Set(None),
            object_type: Set("member_unit".into()),
            object_id: Set(Some(Uuid::now_v7())),
            owner_unit_id: Set(None),
            partner_unit_id: Set(None),
            changes: Set(None),
        }
    }

    /// A `READ` at `at` of one student (`event` and its entity).
    async fn read_at(db: &DatabaseConnection, at: DateTime<Utc>) -> Uuid {
        let mut read = event(at);
        read.action = Set(AuditAction::Read);
        read.object_id = Set(None);
        let read = read.insert(db).await.unwrap();
        audit_event_entity::ActiveModel {
            event_id: Set(read.id),
            object_id: Set(Uuid::now_v7()),
            owner_unit_id: Set(None),
        }
        .insert(db)
        .await
        .unwrap();
        read.id
    }

    #[tokio::test]
    async fn the_purge_deletes_only_events_older_than_the_retention_with_their_entities() {
        let db = Database::connect("sqlite::memory:").await.unwrap();
        migration::Migrator::up(&db, None).await.unwrap();
        event(Utc::now() - Duration::days(400))
            .insert(&db)
            .await
            .unwrap();
        event(Utc::now() - Duration::days(10))
            .insert(&db)
            .await
            .unwrap();
        read_at(&db, Utc::now() - Duration::days(400)).await;
        let kept = read_at(&db, Utc::now() - Duration::days(10)).await;
        assert_eq!(purge(&db, 365).await.unwrap(), 2);
        assert_eq!(audit_event::Entity::find().count(&db).await.unwrap(), 2);
        let entities = audit_event_entity::Entity::find().all(&db).await.unwrap();
        assert_eq!(
            entities.iter().map(|e| e.event_id).collect::<Vec<_>>(),
            vec![kept],
            "the old read's entity went with it"
        );
        assert_eq!(
            purge(&db, 365).await.unwrap(),
            0,
            "a second run finds nothing"
        );
        assert_eq!(purge(&db, 5).await.unwrap(), 2);
        assert_eq!(
            audit_event_entity::Entity::find().count(&db).await.unwrap(),
            0
        );
    }
}
