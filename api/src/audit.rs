//! Reading the audit trail (`entity::audit` writes it): who may see which events, the filter of
//! `auditEvents`, and the retention purge (`AUDIT_RETENTION_DAYS`).

use chrono::{DateTime, Duration, Utc};
use entity::enums::AuditAction;
use entity::{audit_event, audit_event_entity};
use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement, SimpleExpr, UnionType};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::actor::Actor;
use crate::db::no_rows;

/// The events `actor` may read: all for the secretariat; for a unit's staff, those its own
/// accounts made and those on records that belong to it or involve it (owner or partner);
/// none for anyone else.
pub fn audit_scope(actor: &Actor) -> Condition {
    if actor.is_secretariat() {
        return Condition::all();
    }
    match actor.unit() {
        Some(u) => Condition::all().add(involving(u)),
        None => no_rows(),
    }
}

/// Events made by `unit`'s accounts or on records that belong to it or involve it: a write's
/// record, or any of a read's entities (`audit_event_entity`).
fn involving(unit: Uuid) -> SimpleExpr {
    let events = |column: audit_event::Column| {
        Query::select()
            .column(audit_event::Column::Id)
            .from(audit_event::Entity)
            .and_where(column.eq(unit))
            .to_owned()
    };
    any_of(
        [
            events(audit_event::Column::ActorUnitId),
            events(audit_event::Column::OwnerUnitId),
            events(audit_event::Column::PartnerUnitId),
        ],
        audit_event_entity::Column::OwnerUnitId.eq(unit),
    )
}

/// Events on record `id`: writes of it, and reads that list it among their entities.
fn on_record(id: Uuid) -> SimpleExpr {
    any_of(
        [Query::select()
            .column(audit_event::Column::Id)
            .from(audit_event::Entity)
            .and_where(audit_event::Column::ObjectId.eq(id))
            .to_owned()],
        audit_event_entity::Column::ObjectId.eq(id),
    )
}

/// Events whose id is among those `events` select, or that have an entity matching `entity`:
/// `id IN (… UNION ALL …)`, so that each part is read through its own index (every column the
/// parts test leads one) and the database joins the few ids found, rather than testing a
/// disjunction on every event.
fn any_of(events: impl IntoIterator<Item = SelectStatement>, entity: SimpleExpr) -> SimpleExpr {
    let mut union = Query::select()
        .column(audit_event_entity::Column::EventId)
        .from(audit_event_entity::Entity)
        .and_where(entity)
        .to_owned();
    for select in events {
        union.union(UnionType::All, select);
    }
    audit_event::Column::Id.in_subquery(union)
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
    /// The filter's condition AND the caller's [`audit_scope`].
    pub fn condition(&self, actor: &Actor) -> Condition {
        let mut cond = Condition::all().add(audit_scope(actor));
        if let Some(id) = self.object_id {
            cond = cond.add(on_record(id));
        }
        if let Some(u) = self.unit_id {
            cond = cond.add(involving(u));
        }
        if let Some(a) = self.account_id {
            cond = cond.add(audit_event::Column::AccountId.eq(a));
        }
        if let Some(op) = &self.operation {
            cond = cond.add(audit_event::Column::Operation.eq(op.clone()));
        }
        if let Some(actions) = &self.actions {
            cond = cond.add(audit_event::Column::Action.is_in(actions.iter().copied()));
        }
        if let Some(from) = self.from {
            cond = cond.add(audit_event::Column::OccurredAt.gte(from));
        }
        if let Some(to) = self.to {
            cond = cond.add(audit_event::Column::OccurredAt.lt(to));
        }
        cond
    }
}

/// Deletes the events older than `days` days (the retention setting) with their entities;
/// returns how many events went. Two statements in one transaction. Every instance may run it; a
/// second run finds nothing to delete.
///
/// # Errors
/// A database failure (then nothing is deleted).
pub async fn purge(db: &DatabaseConnection, days: u32) -> Result<u64, DbErr> {
    let cutoff = Utc::now() - Duration::days(i64::from(days));
    let txn = crate::db::write_txn(db).await?;
    audit_event_entity::Entity::delete_many()
        .filter(
            audit_event_entity::Column::EventId.in_subquery(
                Query::select()
                    .column(audit_event::Column::Id)
                    .from(audit_event::Entity)
                    .and_where(audit_event::Column::OccurredAt.lt(cutoff))
                    .to_owned(),
            ),
        )
        .exec(&txn)
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
