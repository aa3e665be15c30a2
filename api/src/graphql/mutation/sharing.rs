//! Shared equipment and sites (Founding notice 三(二); `docs/people.md`).

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use entity::enums::SharedResourceKind;

use super::{db, input_id, longer, opt_unit};
use crate::graphql::error::{ApiError, ApiResult, UserError};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::NodeType;
use crate::graphql::object::{ResourceBooking, SharedResource};
use crate::graphql::scalar::Date;
use crate::people as p;

/// Input of `shareResource`.
#[derive(InputObject)]
pub struct ShareResourceInput {
    /// The owner: omitted by a member's staff (their own); required for the secretariat.
    pub unit_id: Option<ID>,
    /// Equipment or a site.
    pub kind: SharedResourceKind,
    /// What it is (1–200 characters).
    pub name: String,
    /// Where it is (1–200 characters).
    pub location: String,
    /// How many people one slot takes (1–10,000).
    pub capacity: i32,
    /// On what conditions: hours, fees, safety, operators (at most 4,000 characters).
    #[graphql(default)]
    pub conditions: String,
}

/// Input of `requestResourceSlot`.
#[derive(InputObject)]
pub struct RequestResourceSlotInput {
    /// The resource.
    pub resource_id: ID,
    /// The member asking: omitted by a member's staff (their own); required for the secretariat.
    pub unit_id: Option<ID>,
    /// The slot's first day.
    pub starts_on: Date,
    /// The slot's last day (not before the first; at most 366 days after it).
    pub ends_on: Date,
    /// People using it (1 – the resource's capacity).
    pub headcount: i32,
    /// What for (1–2,000 characters).
    pub purpose: String,
}

/// Input of `answerResourceRequest`.
#[derive(InputObject)]
pub struct AnswerResourceRequestInput {
    /// The request.
    pub id: ID,
    /// Accept (true) or decline (false).
    pub accept: bool,
    /// Why it is declined (required then; at most 2,000 characters).
    pub reason: Option<String>,
}

/// Input naming a shared resource or a request.
#[derive(InputObject)]
pub struct SharingIdInput {
    /// The record.
    pub id: ID,
}

payload!(
    /// Result of `shareResource` and `withdrawSharedResource`.
    SharedResourcePayload, shared_resource: SharedResource
);
payload!(
    /// Result of the request mutations.
    ResourceBookingPayload, resource_booking: ResourceBooking
);

#[derive(Default)]
pub struct SharingMutation;

#[Object]
impl SharingMutation {
    /// Lists equipment or a site a member shares (Founding notice 三(二)): its staff, or the
    /// secretariat naming it (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `BLANK`, `NOT_FOUND`,
    /// `MUST_BE_POSITIVE` / `TOO_LARGE` capacity, `TOO_LONG`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn share_resource(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `ShareResourceInput`.")]
        input: ShareResourceInput,
    ) -> ApiResult<SharedResourcePayload> {
        screened!(SharedResourcePayload, &input);
        if let Some(e) = longer("conditions", &input.conditions, 4_000) {
            return Ok(SharedResourcePayload::failed(vec![e]));
        }
        let unit = bail_on!(SharedResourcePayload, opt_unit(&input.unit_id, "unitId"));
        let fields = p::ResourceInput {
            unit_id: unit,
            kind: input.kind,
            name: input.name,
            location: input.location,
            capacity: input.capacity,
            conditions: input.conditions,
        };
        Ok(SharedResourcePayload::from_outcome(
            p::share_resource(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            SharedResource,
        ))
    }

    /// Stops sharing a resource (accepted slots stand): its owner's staff or the secretariat
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`, `INVALID_TRANSITION`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn withdraw_shared_resource(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `SharingIdInput`.")] input: SharingIdInput,
    ) -> ApiResult<SharedResourcePayload> {
        let id = bail_on!(
            SharedResourcePayload,
            input_id(NodeType::SharedResource, &input.id, "id")
        );
        Ok(SharedResourcePayload::from_outcome(
            p::withdraw_resource(actor(ctx), db(ctx)?, id)
                .await
                .map_err(ApiError::from)?,
            SharedResource,
        ))
    }

    /// Asks for a slot of another member's shared resource: a member's staff, or the secretariat
    /// naming the member (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`,
    /// `INVALID_TRANSITION` (no longer shared), `INVALID` (one's own resource; days),
    /// `MUST_BE_POSITIVE` / `TOO_LARGE` headcount (above the capacity), `BLANK`, `TOO_LONG`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn request_resource_slot(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RequestResourceSlotInput`.")]
        input: RequestResourceSlotInput,
    ) -> ApiResult<ResourceBookingPayload> {
        screened!(ResourceBookingPayload, &input);
        let resource = bail_on!(
            ResourceBookingPayload,
            input_id(NodeType::SharedResource, &input.resource_id, "resourceId")
        );
        let unit = bail_on!(ResourceBookingPayload, opt_unit(&input.unit_id, "unitId"));
        let fields = p::SlotInput {
            resource_id: resource,
            unit_id: unit,
            starts_on: input.starts_on.into(),
            ends_on: input.ends_on.into(),
            headcount: input.headcount,
            purpose: input.purpose,
        };
        Ok(ResourceBookingPayload::from_outcome(
            p::request_slot(actor(ctx), db(ctx)?, fields)
                .await
                .map_err(ApiError::from)?,
            ResourceBooking,
        ))
    }

    /// Accepts a request (the slot must fit the resource's capacity, `TAKEN` otherwise) or
    /// declines it with a reason: the owner's staff or the secretariat (`UNAUTHENTICATED`,
    /// `FORBIDDEN`); user errors: `NOT_FOUND`, `INVALID_TRANSITION`, `BLANK` reason, `TAKEN`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn answer_resource_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `AnswerResourceRequestInput`.")]
        input: AnswerResourceRequestInput,
    ) -> ApiResult<ResourceBookingPayload> {
        screened!(ResourceBookingPayload, &input);
        if let Some(e) = input
            .reason
            .as_deref()
            .and_then(|r| longer("reason", r, 2_000))
        {
            return Ok(ResourceBookingPayload::failed(vec![e]));
        }
        let id = bail_on!(
            ResourceBookingPayload,
            input_id(NodeType::ResourceBooking, &input.id, "id")
        );
        Ok(ResourceBookingPayload::from_outcome(
            p::answer_request(actor(ctx), db(ctx)?, id, input.accept, input.reason)
                .await
                .map_err(ApiError::from)?,
            ResourceBooking,
        ))
    }

    /// Cancels a request, answered or not: the requesting member's staff or the secretariat
    /// (`UNAUTHENTICATED`, `FORBIDDEN`); user errors: `NOT_FOUND`, `INVALID_TRANSITION`.
    #[graphql(guard = "RoleGuard::Authenticated")]
    async fn cancel_resource_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `SharingIdInput`.")] input: SharingIdInput,
    ) -> ApiResult<ResourceBookingPayload> {
        let id = bail_on!(
            ResourceBookingPayload,
            input_id(NodeType::ResourceBooking, &input.id, "id")
        );
        Ok(ResourceBookingPayload::from_outcome(
            p::cancel_request(actor(ctx), db(ctx)?, id)
                .await
                .map_err(ApiError::from)?,
            ResourceBooking,
        ))
    }
}
