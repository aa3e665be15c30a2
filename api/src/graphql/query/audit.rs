//! `auditEvents` and the `history` of every node: the audit trail, scoped to the caller.

use async_graphql::connection::EmptyFields;
use async_graphql::{Context, ID, InputObject, Object};
use entity::audit_event;
use entity::enums::AuditAction;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::audit::{AuditFilter, EventPage};
use crate::graphql::connection::{Page, newest_first};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::{NodeType, decode, decode_as};
use crate::graphql::loader::Loaders;
use crate::graphql::object::{AuditEvent, AuditEventConnection, id_cursor};
use crate::graphql::scalar::DateTime;
use crate::msg;

/// Longest `operation` filter accepted (characters).
const MAX_OPERATION: usize = entity::audit::MAX_OPERATION;

/// Which events `auditEvents` returns. Fields combine with AND.
#[derive(InputObject, Default)]
pub struct AuditEventFilter {
    /// Events on this record (a global ID of any type, or an event's `objectId`): its writes,
    /// and the `READ`s that list it among their `entities`.
    pub object_id: Option<ID>,
    /// Events made by this unit's accounts or on records that belong to it or involve it,
    /// including `READ`s of its students (global ID of a member unit).
    pub unit_id: Option<ID>,
    /// Events made by this account (global ID).
    pub account_id: Option<ID>,
    /// Events of this operation, exactly (e.g. `reportInternshipPlacement`; at most 100
    /// characters).
    pub operation: Option<String>,
    /// Events of any of these actions (e.g. `[READ]`: who has read students' personal data).
    pub actions: Option<Vec<AuditAction>>,
    /// Events at or after this instant.
    pub from: Option<DateTime>,
    /// Events before this instant.
    pub to: Option<DateTime>,
}

/// A record's id from a global ID of any type, or a bare UUID (records without global IDs).
fn object_uuid(id: &ID) -> Result<Uuid, ApiError> {
    Uuid::parse_str(id)
        .or_else(|_| decode(id).map(|(_, u)| u))
        .map_err(|_| ApiError::BadUserInput(msg!("id-malformed", id = id.as_str())))
}

impl AuditEventFilter {
    fn to_core(&self) -> Result<AuditFilter, ApiError> {
        let typed = |id: &Option<ID>, ty: NodeType, field: &str| {
            id.as_ref()
                .map(|id| {
                    decode_as(ty, id).map_err(|_| {
                        ApiError::BadUserInput(msg!(
                            "id-wrong-type",
                            field = field.to_string(),
                            id = id.as_str(),
                            type_name = ty.name()
                        ))
                    })
                })
                .transpose()
        };
        if let Some(op) = &self.operation
            && op.chars().count() > MAX_OPERATION
        {
            return Err(ApiError::BadUserInput(msg!(
                "field-too-long",
                field = "operation",
                max = MAX_OPERATION
            )));
        }
        Ok(AuditFilter {
            object_id: self.object_id.as_ref().map(object_uuid).transpose()?,
            unit_id: typed(&self.unit_id, NodeType::MemberUnit, "unitId")?,
            account_id: typed(&self.account_id, NodeType::Account, "accountId")?,
            operation: self.operation.clone(),
            actions: self.actions.clone(),
            from: self.from.map(|d| d.0),
            to: self.to.map(|d| d.0),
        })
    }
}

/// One page of the events matching `filter` that the caller may see, newest first.
async fn page_of(
    ctx: &Context<'_>,
    filter: AuditFilter,
    page: Page,
) -> ApiResult<AuditEventConnection> {
    let db = ctx.data::<DatabaseConnection>()?;
    // The rows: each part of the set of events the caller may see reads a page at most
    // (`AuditFilter::page_condition`); the count, when selected, counts them all.
    let bound = EventPage {
        below: page.after.as_ref().map(|c| c.id),
        above: page.before.as_ref().map(|c| c.id),
        newest_first: page.forward,
        limit: page.limit + 1,
    };
    let (rows, _) = newest_first(
        db,
        audit_event::Entity::find().filter(filter.page_condition(
            actor(ctx),
            db.get_database_backend(),
            &bound,
        )),
        audit_event::Column::Id,
        &page,
        false,
    )
    .await
    .map_err(ApiError::from)?;
    let total = if crate::graphql::edge::counts(ctx) {
        audit_event::Entity::find()
            .filter(filter.condition(actor(ctx), db.get_database_backend()))
            .count(db)
            .await
            .map_err(ApiError::from)?
    } else {
        0
    };
    // The page's events are siblings for their `entities` (one statement for all).
    ctx.data::<Loaders>()?
        .edges
        .register(rows.iter().map(|e| e.id));
    Ok(page.finish(rows, total, |e| {
        (id_cursor(e.id), AuditEvent(e), EmptyFields)
    }))
}

/// The `history` of record `id` (every node type has one): its events the caller may see,
/// newest first. A unit sees the events on records that belong to it or involve it, and those
/// its own accounts made; the secretariat all.
///
/// # Errors
/// `UNAUTHENTICATED` (checked by the guard on each field), `BAD_USER_INPUT` for bad paging.
pub async fn history(
    ctx: &Context<'_>,
    id: Uuid,
    first: Option<i32>,
    after: Option<String>,
) -> ApiResult<AuditEventConnection> {
    let page = Page::new(first, after, None, None, "ID")?;
    page_of(
        ctx,
        AuditFilter {
            object_id: Some(id),
            ..AuditFilter::default()
        },
        page,
    )
    .await
}

/// The query's part for the audit trail.
#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The audit trail (督导 evidence), newest first: every write by the API, an import or the
    /// command line — who (account, unit), when, which operation, which record, the fields
    /// changed (personal fields as changed, without values) — and every read of a student's
    /// personal data by someone other than the student's school. The secretariat sees all; a
    /// unit's staff the events on records that belong to the unit or involve it, and those their
    /// unit's accounts made. Errors: `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, last, child_complexity)"
    )]
    async fn audit_events(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which events to return.")] filter: Option<AuditEventFilter>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<AuditEventConnection> {
        let page = Page::new(first, after, last, before, "ID")?;
        let filter = filter.unwrap_or_default().to_core()?;
        page_of(ctx, filter, page).await
    }
}
