//! The audit trail as the API shows it (`auditEvents`, `history` on every node).

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use entity::enums::{AuditAction, AuditSource};
use entity::{audit_event, audit_event_entity};
use sea_orm::sea_query::Expr;
use sea_orm::{DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::{MemberUnit, id_cursor};
use crate::audit::entity_scope;
use crate::graphql::connection::{Cursor, Page, TotalCount};
use crate::graphql::edge::{Side, counts, key, pages_by_parent};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::actor;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::Loaders;
use crate::graphql::scalar::DateTime;

/// A page of audit events, newest first.
pub type AuditEventConnection = Connection<Cursor, AuditEvent, TotalCount, EmptyFields>;

/// A page of an event's entities, by record id, highest first.
pub type AuditEventEntityConnection = Connection<Cursor, AuditEventEntity, TotalCount, EmptyFields>;

/// The ID of record `id` of table `table`: its global ID when its type has one, else its UUID.
fn record_id(table: &str, id: uuid::Uuid) -> ID {
    match NodeType::of_table(table) {
        Some(t) => encode(t, id),
        None => ID(id.to_string()),
    }
}

/// GraphQL object wrapping an `audit_event` row.
pub struct AuditEvent(pub audit_event::Model);

/// One record a `READ` event showed (a row of `audit_event_entity`): the student whose personal
/// data was read, and the student's school.
pub struct AuditEventEntity {
    object_id: ID,
    owner_unit_id: Option<uuid::Uuid>,
}

/// One record a `READ` event showed: the student whose personal data was read, and the
/// student's school (`docs/audit.md`).
#[Object]
impl AuditEventEntity {
    /// The record: its global ID (a `Student`'s; `node(id:)` fetches it, if the caller may see
    /// it).
    async fn object_id(&self) -> &ID {
        &self.object_id
    }

    /// The unit the record belongs to (the student's school).
    async fn owner_unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.owner_unit_id).await
    }
}

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
    Ok(ctx.data::<Loaders>()?.unit(id).await?.map(MemberUnit))
}

impl AuditEvent {
    /// This `READ`'s page of entities the caller may see, loaded for all the events of its page
    /// at once (`crate::graphql::edge`).
    async fn load_entities(
        &self,
        ctx: &Context<'_>,
        page: &Page,
    ) -> ApiResult<(Vec<audit_event_entity::Model>, u64)> {
        let db = ctx.data::<DatabaseConnection>()?;
        let loaders = ctx.data::<Loaders>()?;
        let count = counts(ctx);
        let scope = entity_scope(actor(ctx));
        let k = key(&scope, &(), page);
        loaders
            .edges
            .page("AuditEvent.entities", k, self.0.id, |parents| {
                let page = page.clone();
                async move {
                    let select = audit_event_entity::Entity::find()
                        .filter(scope)
                        .column_as(audit_event_entity::Column::ObjectId, "id");
                    let side = Side::new(
                        select,
                        Expr::col((
                            audit_event_entity::Entity,
                            audit_event_entity::Column::EventId,
                        )),
                        &parents,
                    );
                    let pages = pages_by_parent::<audit_event_entity::Entity>(
                        db,
                        vec![side],
                        audit_event_entity::Column::ObjectId,
                        &page,
                        count,
                    )
                    .await
                    .map_err(ApiError::from)?;
                    Ok(pages)
                }
            })
            .await
    }
}

/// One recorded write (create, update, delete) by the API, an import or the command line, or one
/// request's reading of students' personal data by someone other than their school, with each
/// student read in `entities` (督导 evidence, `docs/audit.md`). A write is recorded in the same
/// transaction as the write, a read before the request answers; never changed afterwards; kept
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

    /// The record written: its global ID when its type has one (`node(id:)` fetches it, if the
    /// caller may see it), else its UUID. Null for a `READ`, which names the records it read in
    /// `entities`.
    async fn object_id(&self) -> Option<ID> {
        self.0
            .object_id
            .map(|id| record_id(&self.0.object_type, id))
    }

    /// The unit the record belongs to (a placement's school, a site's host), when it names one;
    /// null for a `READ` (each of its `entities` names its own).
    async fn owner_unit(&self, ctx: &Context<'_>) -> ApiResult<Option<MemberUnit>> {
        unit(ctx, self.0.owner_unit_id).await
    }

    /// The records a `READ` showed (students, each with its school), by ID, highest first; empty
    /// for a write, whose record is `objectId`. The secretariat, and the unit whose account read
    /// them, see them all; another unit sees those that belong to it (a school sees which of its
    /// own students a firm read, not another school's). Loaded for all the events of a page in
    /// one statement (and one more for `totalCount`). Errors: `BAD_USER_INPUT` for bad paging.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn entities(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<AuditEventEntityConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        let (rows, total) = if self.0.action == AuditAction::Read {
            self.load_entities(ctx, &page).await?
        } else {
            (Vec::new(), 0)
        };
        let table = &self.0.object_type;
        Ok(page.finish(rows, total, |row| {
            (
                id_cursor(row.object_id),
                AuditEventEntity {
                    object_id: record_id(table, row.object_id),
                    owner_unit_id: row.owner_unit_id,
                },
                EmptyFields,
            )
        }))
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
