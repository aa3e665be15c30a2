//! Input types of the registry operations.

use crate::db::contains;
use crate::graphql::query::MemberUnitOrderField;
use crate::graphql::query::OrderDirection;
use crate::graphql::scalar::Date;
use async_graphql::{ID, InputObject, MaybeUndefined};
use entity::enums::{CommitteeRole, CouncilRole, District, MemberUnitKind, UnitCategory};
use entity::member_unit;
use sea_orm::{ColumnTrait, Condition};

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
    /// On the statistics bureau's above-designated-size list (规模以上企业): true or false as
    /// recorded; absent or null: not known yet.
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
    pub joined_on: Option<Date>,
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
    /// On the above-designated-size list (规模以上企业): true or false; null makes it unknown
    /// again (the 2% rule then lists the firm among those whose size is unknown).
    pub above_designated_size: MaybeUndefined<bool>,
    /// The secretariat's decision whether the unit may sponsor order classes (Founding notice
    /// 二(三)6): true or false; null leaves it to the unit's kind again (enterprises and
    /// HR-service agencies may, other kinds not). A school may not be allowed (`INVALID`).
    pub may_sponsor_order_classes: MaybeUndefined<bool>,
    /// Whether a unit that is not an enterprise by kind (e.g. a training company, 有限公司) carries
    /// a firm's commitments in the compliance check (Founding notice 二(一)3, 二(二)4, 二(四)10) and
    /// the 2% rule. Not for a school (`INVALID`).
    pub carries_firm_commitments: Option<bool>,
    /// Council role; null clears it.
    pub council_role: MaybeUndefined<CouncilRole>,
    /// Contact person; null clears it.
    pub contact_person: MaybeUndefined<String>,
    /// Contact phone; null clears it (`INVALID`).
    pub contact_phone: MaybeUndefined<String>,
    /// Address; null clears it.
    pub address: MaybeUndefined<String>,
    /// Date joined; null clears it.
    pub joined_on: MaybeUndefined<Date>,
}

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

/// A seat to remove.
#[derive(InputObject)]
pub struct RemoveCommitteeMembershipInput {
    /// Global ID of the committee (`NOT_FOUND`).
    pub committee_id: ID,
    /// Global ID of the member unit (`NOT_FOUND`, `NOT_A_COMMITTEE_MEMBER`).
    pub member_unit_id: ID,
}

/// Which member units `memberUnits` returns. Fields combine with AND; a list matches any of its
/// values; an absent or null field does not filter.
#[derive(InputObject, Default, Debug, Clone)]
pub struct MemberUnitFilter {
    /// Units of any of these kinds.
    pub kinds: Option<Vec<MemberUnitKind>>,
    /// Units of any of these categories.
    pub categories: Option<Vec<UnitCategory>>,
    /// Units in any of these districts (units whose district is unknown never match).
    pub districts: Option<Vec<District>>,
    /// `true`: only units whose district is recorded; `false`: only those whose district is
    /// unknown (the secretariat's work list).
    pub has_district: Option<bool>,
    /// `true`: units recorded on the above-designated-size list; `false`: units recorded off it.
    /// Units whose size is unknown match neither.
    pub above_designated_size: Option<bool>,
    /// Substring of the name (Chinese matched as written, e.g. `荣成` or `技师`), or of the credit
    /// code. White space around it is ignored.
    pub search: Option<String>,
}

/// Ordering of `memberUnits`.
#[derive(InputObject, Debug, Clone, Copy, Default)]
pub struct MemberUnitOrder {
    /// Sort key.
    pub field: MemberUnitOrderField,
    /// Direction.
    #[graphql(default)]
    pub direction: OrderDirection,
}

impl MemberUnitFilter {
    /// The SQL condition of the filter.
    pub fn condition(&self) -> Condition {
        let mut cond = Condition::all();
        if let Some(kinds) = &self.kinds {
            cond = cond.add(member_unit::Column::Kind.is_in(kinds.iter().copied()));
        }
        if let Some(categories) = &self.categories {
            cond = cond.add(member_unit::Column::Category.is_in(categories.iter().copied()));
        }
        if let Some(districts) = &self.districts {
            cond = cond.add(member_unit::Column::District.is_in(districts.iter().copied()));
        }
        match self.has_district {
            Some(true) => cond = cond.add(member_unit::Column::District.is_not_null()),
            Some(false) => cond = cond.add(member_unit::Column::District.is_null()),
            None => {}
        }
        if let Some(flag) = self.above_designated_size {
            cond = cond.add(member_unit::Column::AboveDesignatedSize.eq(flag));
        }
        if let Some(term) = self
            .search
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            cond = cond.add(
                Condition::any()
                    .add(contains(member_unit::Column::Name, term))
                    .add(contains(
                        member_unit::Column::Uscc,
                        &term.to_ascii_uppercase(),
                    )),
            );
        }
        cond
    }
}
