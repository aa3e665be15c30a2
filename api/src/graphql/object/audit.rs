//! The audit trail as the API shows it (`auditEvents`, `history` on every node).

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::audit_event;
use entity::enums::{AuditAction, AuditSource};

use super::MemberUnit;
use crate::graphql::connection::{Cursor, TotalCount};
use crate::graphql::error::ApiResult;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::graphql::scalar::DateTime;

/// A page of audit events, newest first.
pub type AuditEventConnection = Connection<Cursor, AuditEvent, TotalCount, EmptyFields>;

/// GraphQL object wrapping an `audit_event` row.
pub struct AuditEvent(pub audit_event::Model);

/// One field a write changed. A personal field (a person's name, birth date, ID number, student
/// number, phone, e-mail) shows that it changed, never its values (`valuesHidden`).
#[derive(SimpleObject, Debug, Clone)]
pub struct AuditFieldChange {
    /// The field, as the table names it (e.g. `weekly_hours`).
    pub field: String,
    /// The value before, as JSON text (`"数控车工"`, `40`, `null`); null for a new record or a
    /// hidden value.
    pub before: Option<String>,
    /// The value after, as JSON text; null when hidden.
    pub after: Option<String>,
    /// The field is personal data: it changed, and its values are not recorded.
    pub values_hidden: bool,
}

async fn unit(ctx: &Context<'_>, id: Option<uuid::Uuid>) -> ApiResult<Option<MemberUnit>> {
    let Some(id) = id else { return Ok(None) };
    Ok(ctx
        .data::<Loaders>()?
        .member_unit
        .load_one(id)
        .await?
        .map(MemberUnit))
}

/// One recorded write (create, update, delete) by the API, an import or the command line, or one
/// read of a student's personal data by someone other than the student's school (督导 evidence,
/// `docs/audit.md`). Recorded in the same transaction as the write; never changed afterwards; kept
/// for `AUDIT_RETENTION_DAYS`.
#[Object]
impl AuditEvent {
    /// The event's own ID (a UUID; events are not nodes).
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// When it happened (UTC, RFC 3339).
    async fn occurred_at(&self) -> DateTime {
        self.0.occurred_at.into()
    }

    /// Where it came from: API, IMPORT, CLI or SYSTEM.
    async fn source(&self) -> AuditSource {
        self.0.source
    }

    /// What it did: CREATE, UPDATE, DELETE or READ.
    async fn action(&self) -> AuditAction {
        self.0.action
    }

    /// The operation: the GraphQL mutation (`reportInternshipPlacement`), the query's operation
    /// name for a read, or the command (`cli account create`).
    async fn operation(&self) -> &str {
        &self.0.operation
    }

    /// Global ID of the account that did it; null for the command line and the system.
    async fn account_id(&self) -> Option<ID> {
        self.0.account_id.map(|a| encode(NodeType::Account, a))
    }

    /// The unit of that account; null for the secretariat, the command line and the system.
    async fn actor_unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.actor_unit_id).await
    }

    /// The record's table (e.g. `internship_placement`).
    async fn object_type(&self) -> &str {
        &self.0.object_type
    }

    /// The record: its global ID when its type has one (`node(id:)` fetches it, if the caller
    /// may see it), else its UUID.
    async fn object_id(&self) -> ID {
        match NodeType::of_table(&self.0.object_type) {
            Some(t) => encode(t, self.0.object_id),
            None => ID(self.0.object_id.to_string()),
        }
    }

    /// The unit the record belongs to (a placement's school, a site's host), when it names one.
    async fn owner_unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.owner_unit_id).await
    }

    /// The other unit the record involves (a placement's host), when it names one.
    async fn partner_unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.partner_unit_id).await
    }

    /// The fields written, by field name: every field set on a create, the fields that changed
    /// on an update; empty for reads and deletes.
    async fn changes(&self) -> Vec<AuditFieldChange> {
        let Some(text) = &self.0.changes else {
            return Vec::new();
        };
        let Ok(serde_json::Value::Object(map)) = serde_json::from_str(text) else {
            return Vec::new();
        };
        map.into_iter()
            .map(|(field, change)| {
                let hidden = change.get("changed").is_some();
                let show = |k: &str| {
                    change
                        .get(k)
                        .filter(|v| !hidden && !v.is_null())
                        .map(ToString::to_string)
                };
                AuditFieldChange {
                    before: show("before"),
                    after: show("after"),
                    values_hidden: hidden,
                    field,
                }
            })
            .collect()
    }
}
