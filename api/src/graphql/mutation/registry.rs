use async_graphql::{Context, Object, SimpleObject};
use sea_orm::DatabaseConnection;

use super::input_id;
use super::touch;
use crate::graphql::error::{ApiError, ApiResult, UserError, user_errors};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::NodeType;
use crate::graphql::input::CreateMemberUnitInput;
use crate::graphql::input::RemoveCommitteeMembershipInput;
use crate::graphql::input::SetCommitteeMembershipInput;
use crate::graphql::input::UpdateMemberUnitInput;
use crate::graphql::object::{Committee, MemberUnit, Seat};
use crate::registry::{self, UnitFields};

payload!(
    /// Result of `createMemberUnit`.
    CreateMemberUnitPayload, member_unit: MemberUnit
);

payload!(
    /// Result of `updateMemberUnit`.
    UpdateMemberUnitPayload, member_unit: MemberUnit
);

/// Result of `setCommitteeMembership`.
#[derive(SimpleObject)]
pub struct SetCommitteeMembershipPayload {
    /// The committee.
    pub committee: Option<Committee>,
    /// The member unit.
    pub member_unit: Option<MemberUnit>,
    /// The seat as now recorded.
    pub seat: Option<Seat>,
    /// What was wrong with the input; nothing was written.
    pub user_errors: Vec<UserError>,
}

/// Result of `removeCommitteeMembership`.
#[derive(SimpleObject)]
pub struct RemoveCommitteeMembershipPayload {
    /// The committee.
    pub committee: Option<Committee>,
    /// The member unit, which no longer sits on it.
    pub member_unit: Option<MemberUnit>,
    /// What was wrong with the input; nothing was written.
    pub user_errors: Vec<UserError>,
}

impl SetCommitteeMembershipPayload {
    fn failed(user_errors: Vec<UserError>) -> Self {
        Self {
            committee: None,
            member_unit: None,
            seat: None,
            user_errors,
        }
    }
}

impl RemoveCommitteeMembershipPayload {
    fn failed(user_errors: Vec<UserError>) -> Self {
        Self {
            committee: None,
            member_unit: None,
            user_errors,
        }
    }
}

#[derive(Default)]
pub struct RegistryMutation;

#[Object]
impl RegistryMutation {
    /// Adds a member unit at the end of the list. Secretariat only (`UNAUTHENTICATED`,
    /// `FORBIDDEN`). One transaction: on any user error nothing is written.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn create_member_unit(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `CreateMemberUnitInput`.")]
        input: CreateMemberUnitInput,
    ) -> ApiResult<CreateMemberUnitPayload> {
        screened!(CreateMemberUnitPayload, &input);
        let db = ctx.data::<DatabaseConnection>()?;
        let fields = UnitFields {
            name: Some(input.name),
            kind: Some(input.kind),
            district: Some(input.district),
            uscc: Some(input.uscc),
            employee_count: Some(input.employee_count),
            above_designated_size: Some(input.above_designated_size),
            may_sponsor_order_classes: None,
            carries_firm_commitments: None,
            council_role: Some(input.council_role),
            contact_person: Some(input.contact_person),
            contact_phone: Some(input.contact_phone),
            address: Some(input.address),
            joined_on: Some(input.joined_on.map(Into::into)),
        };
        Ok(CreateMemberUnitPayload::from_outcome(
            registry::create_member_unit(actor(ctx), db, fields)
                .await
                .map_err(ApiError::from)?,
            MemberUnit::from,
        ))
    }

    /// Changes a member unit's registry record. Secretariat only (`UNAUTHENTICATED`,
    /// `FORBIDDEN`). One transaction: on any user error nothing is written.
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn update_member_unit(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `UpdateMemberUnitInput`.")]
        input: UpdateMemberUnitInput,
    ) -> ApiResult<UpdateMemberUnitPayload> {
        screened!(UpdateMemberUnitPayload, &input);
        let db = ctx.data::<DatabaseConnection>()?;
        let id = bail_on!(
            UpdateMemberUnitPayload,
            input_id(NodeType::MemberUnit, &input.id, "id")
        );
        let fields = UnitFields {
            name: input.name,
            kind: input.kind,
            district: touch(input.district),
            uscc: touch(input.uscc),
            employee_count: touch(input.employee_count),
            above_designated_size: touch(input.above_designated_size),
            may_sponsor_order_classes: touch(input.may_sponsor_order_classes),
            carries_firm_commitments: input.carries_firm_commitments,
            council_role: touch(input.council_role),
            contact_person: touch(input.contact_person),
            contact_phone: touch(input.contact_phone),
            address: touch(input.address),
            joined_on: touch(input.joined_on).map(|d| d.map(Into::into)),
        };
        let outcome = registry::update_member_unit(actor(ctx), db, id, fields)
            .await
            .map_err(ApiError::from)?;
        // This instance's next request sees the change even before the notification arrives.
        if let Ok(caches) = ctx.data::<crate::row_cache::Caches>() {
            caches.member_units.invalidate(Some(id));
        }
        Ok(UpdateMemberUnitPayload::from_outcome(
            outcome,
            MemberUnit::from,
        ))
    }

    /// Gives a member unit a seat on a committee, or changes its role there. Secretariat only
    /// (`UNAUTHENTICATED`, `FORBIDDEN`).
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn set_committee_membership(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `SetCommitteeMembershipInput`.")]
        input: SetCommitteeMembershipInput,
    ) -> ApiResult<SetCommitteeMembershipPayload> {
        screened!(SetCommitteeMembershipPayload, &input);
        let db = ctx.data::<DatabaseConnection>()?;
        let failed = |user_errors| SetCommitteeMembershipPayload {
            committee: None,
            member_unit: None,
            seat: None,
            user_errors,
        };
        let ids = (
            input_id(NodeType::Committee, &input.committee_id, "committeeId"),
            input_id(NodeType::MemberUnit, &input.member_unit_id, "memberUnitId"),
        );
        let (committee, unit) = match ids {
            (Ok(c), Ok(u)) => (c, u),
            (c, u) => return Ok(failed(c.err().into_iter().chain(u.err()).collect())),
        };
        Ok(
            match registry::set_committee_membership(actor(ctx), db, committee, unit, input.role)
                .await
                .map_err(ApiError::from)?
            {
                Ok((committee, unit, seat)) => SetCommitteeMembershipPayload {
                    committee: Some(Committee(committee)),
                    member_unit: Some(MemberUnit::from(unit)),
                    seat: Some(Seat::from(&seat)),
                    user_errors: Vec::new(),
                },
                Err(e) => failed(user_errors(e)),
            },
        )
    }

    /// Removes a member unit's seat on a committee. Secretariat only (`UNAUTHENTICATED`,
    /// `FORBIDDEN`).
    #[graphql(guard = "RoleGuard::Secretariat")]
    async fn remove_committee_membership(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The operation's input; see `RemoveCommitteeMembershipInput`.")]
        input: RemoveCommitteeMembershipInput,
    ) -> ApiResult<RemoveCommitteeMembershipPayload> {
        screened!(RemoveCommitteeMembershipPayload, &input);
        let db = ctx.data::<DatabaseConnection>()?;
        let failed = |user_errors| RemoveCommitteeMembershipPayload {
            committee: None,
            member_unit: None,
            user_errors,
        };
        let ids = (
            input_id(NodeType::Committee, &input.committee_id, "committeeId"),
            input_id(NodeType::MemberUnit, &input.member_unit_id, "memberUnitId"),
        );
        let (committee, unit) = match ids {
            (Ok(c), Ok(u)) => (c, u),
            (c, u) => return Ok(failed(c.err().into_iter().chain(u.err()).collect())),
        };
        Ok(
            match registry::remove_committee_membership(actor(ctx), db, committee, unit)
                .await
                .map_err(ApiError::from)?
            {
                Ok((committee, unit)) => RemoveCommitteeMembershipPayload {
                    committee: Some(Committee(committee)),
                    member_unit: Some(MemberUnit::from(unit)),
                    user_errors: Vec::new(),
                },
                Err(e) => failed(user_errors(e)),
            },
        )
    }
}
