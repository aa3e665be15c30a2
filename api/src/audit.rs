//! Reading the audit trail (`entity::audit` writes it): who may see which events, the filter of
//! `auditEvents`, and the retention purge (`AUDIT_RETENTION_DAYS`).

use chrono::{DateTime, Duration, Utc};
use entity::audit_event;
use entity::enums::AuditAction;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
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

/// Events made by `unit`'s accounts or on records that belong to it or involve it.
fn involving(unit: Uuid) -> Condition {
    Condition::any()
        .add(audit_event::Column::ActorUnitId.eq(unit))
        .add(audit_event::Column::OwnerUnitId.eq(unit))
        .add(audit_event::Column::PartnerUnitId.eq(unit))
}

/// Which events a list returns (before the caller's scope). Fields combine with AND.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Events on this record.
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
            cond = cond.add(audit_event::Column::ObjectId.eq(id));
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

/// Deletes the events older than `days` days (the retention setting); returns how many went.
/// One statement. Every instance may run it; a second run finds nothing to delete.
///
/// # Errors
/// A database failure.
pub async fn purge(db: &impl ConnectionTrait, days: u32) -> Result<u64, DbErr> {
    let cutoff = Utc::now() - Duration::days(i64::from(days));
    let deleted = audit_event::Entity::delete_many()
        .filter(audit_event::Column::OccurredAt.lt(cutoff))
        .exec(db)
        .await?;
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
            object_id: Set(Uuid::now_v7()),
            owner_unit_id: Set(None),
            partner_unit_id: Set(None),
            changes: Set(None),
        }
    }

    #[tokio::test]
    async fn the_purge_deletes_only_events_older_than_the_retention() {
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
        assert_eq!(purge(&db, 365).await.unwrap(), 1);
        assert_eq!(audit_event::Entity::find().count(&db).await.unwrap(), 1);
        assert_eq!(
            purge(&db, 365).await.unwrap(),
            0,
            "a second run finds nothing"
        );
        assert_eq!(purge(&db, 5).await.unwrap(), 1);
    }
}
