use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, SimpleObject};
use chrono::NaiveDate;
use entity::enums::{CommitteeRole, CouncilRole, District, MemberUnitKind};
use sea_orm::DatabaseConnection;

use super::input_id;
use super::touch;
use crate::graphql::error::{ApiError, ApiResult, UserError, user_errors};
use crate::graphql::guard::{RoleGuard, actor};
use crate::graphql::id::NodeType;
use crate::graphql::object::{Committee, MemberUnit, Seat};
use crate::registry::{self, UnitFields};

/// A new member unit. Text is trimmed; empty optional text is stored as null.
#[derive(InputObject)]
pub struct CreateMemberUnitInput {
    /// Full registered name, unique, at most 200 characters (`BLANK`, `TOO_LONG`, `TAKEN`).
    pub name: String,
    /// Kind; the category follows from it.
    pub kind: MemberUnitKind,
    /// District, if known.
    pub district: Option<District>,
    /// Unified social credit code, 18 characters, GB 32100-2015 check character
    /// (`INVALID_CREDIT_CODE`, `TAKEN`). Lower case is upper-cased.
    pub uscc: Option<String>,
    /// Total staff, ≥ 0 (`MUST_BE_NON_NEGATIVE`).
    pub employee_count: Option<i32>,
    /// On the above-designated-size list; default false.
    pub above_designated_size: Option<bool>,
    /// Role on the council.
    pub council_role: Option<CouncilRole>,
    /// Contact person, at most 500 characters.
    pub contact_person: Option<String>,
    /// Contact phone: digits, spaces, + - ( ) and 转, at most 40 characters (`INVALID`).
    pub contact_phone: Option<String>,
    /// Postal address, at most 500 characters.
    pub address: Option<String>,
    /// Date the unit joined (ISO 8601 date).
    pub joined_on: Option<NaiveDate>,
}

/// Changes to a member unit. An absent field is left as it is; `null` clears a nullable field.
#[derive(InputObject)]
pub struct UpdateMemberUnitInput {
    /// Global ID of the unit (`NOT_FOUND`).
    pub id: ID,
    /// New name (`BLANK`, `TOO_LONG`, `TAKEN`).
    pub name: Option<String>,
    /// New kind (`KIND_CONFLICTS_WITH_ACCOUNTS` when it moves the unit between school and
    /// non-school while accounts of the other sort act for it).
    pub kind: Option<MemberUnitKind>,
    /// District; null clears it.
    pub district: MaybeUndefined<District>,
    /// Credit code; null clears it (`INVALID_CREDIT_CODE`, `TAKEN`).
    pub uscc: MaybeUndefined<String>,
    /// Total staff, ≥ 0; null clears it (`MUST_BE_NON_NEGATIVE`).
    pub employee_count: MaybeUndefined<i32>,
    /// Above-designated-size flag.
    pub above_designated_size: Option<bool>,
    /// Council role; null clears it.
    pub council_role: MaybeUndefined<CouncilRole>,
    /// Contact person; null clears it.
    pub contact_person: MaybeUndefined<String>,
    /// Contact phone; null clears it (`INVALID`).
    pub contact_phone: MaybeUndefined<String>,
    /// Address; null clears it.
    pub address: MaybeUndefined<String>,
    /// Date joined; null clears it.
    pub joined_on: MaybeUndefined<NaiveDate>,
}

payload!(
    /// Result of `createMemberUnit`.
    CreateMemberUnitPayload, member_unit: MemberUnit
);

payload!(
    /// Result of `updateMemberUnit`.
    UpdateMemberUnitPayload, member_unit: MemberUnit
);

/// A seat to give or change.
#[derive(InputObject)]
pub struct SetCommitteeMembershipInput {
    /// Global ID of the committee (`NOT_FOUND`).
    pub committee_id: ID,
    /// Global ID of the member unit (`NOT_FOUND`).
    pub member_unit_id: ID,
    /// Role on the committee.
    pub role: CommitteeRole,
}

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

/// A seat to remove.
#[derive(InputObject)]
pub struct RemoveCommitteeMembershipInput {
    /// Global ID of the committee (`NOT_FOUND`).
    pub committee_id: ID,
    /// Global ID of the member unit (`NOT_FOUND`, `NOT_A_COMMITTEE_MEMBER`).
    pub member_unit_id: ID,
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
        let db = ctx.data::<DatabaseConnection>()?;
        let fields = UnitFields {
            name: Some(input.name),
            kind: Some(input.kind),
            district: Some(input.district),
            uscc: Some(input.uscc),
            employee_count: Some(input.employee_count),
            above_designated_size: input.above_designated_size,
            council_role: Some(input.council_role),
            contact_person: Some(input.contact_person),
            contact_phone: Some(input.contact_phone),
            address: Some(input.address),
            joined_on: Some(input.joined_on),
        };
        Ok(CreateMemberUnitPayload::from_outcome(
            registry::create_member_unit(actor(ctx), db, fields)
                .await
                .map_err(ApiError::from)?,
            MemberUnit,
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
            above_designated_size: input.above_designated_size,
            council_role: touch(input.council_role),
            contact_person: touch(input.contact_person),
            contact_phone: touch(input.contact_phone),
            address: touch(input.address),
            joined_on: touch(input.joined_on),
        };
        Ok(UpdateMemberUnitPayload::from_outcome(
            registry::update_member_unit(actor(ctx), db, id, fields)
                .await
                .map_err(ApiError::from)?,
            MemberUnit,
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
                    member_unit: Some(MemberUnit(unit)),
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
                    member_unit: Some(MemberUnit(unit)),
                    user_errors: Vec::new(),
                },
                Err(e) => failed(user_errors(e)),
            },
        )
    }
}
