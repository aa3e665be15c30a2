//! `account`: a login of the secretariat or of one member unit's staff.
//!
//! `password_hash` is an argon2id PHC string; it never reaches the GraphQL schema (the API wraps this
//! model in its own object type).

use sea_orm::entity::prelude::*;

use crate::enums::AccountRole;

/// An account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Login e-mail, stored lower-cased, unique.
    #[sea_orm(unique)]
    pub email: String,
    /// Argon2id PHC hash of the password.
    pub password_hash: String,
    /// What the account may do.
    pub role: AccountRole,
    /// The unit it acts for; set exactly for SCHOOL_STAFF and ENTERPRISE_STAFF accounts.
    pub member_unit_id: Option<Uuid>,
    /// The committee a COMMITTEE_STAFF account acts for; null for every other role.
    pub committee_id: Option<Uuid>,
    /// A disabled account cannot log in, and its tokens stop working at once.
    pub disabled: bool,
    /// When the account was created (UTC).
    pub created_at: DateTimeUtc,
}

// Read by position on the busiest pages (`crate::positional`).
crate::positional::positional!(
    id,
    email,
    password_hash,
    role,
    member_unit_id,
    committee_id,
    disabled,
    created_at,
);

/// Relations of an account.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The unit it acts for.
    #[sea_orm(
        belongs_to = "super::member_unit::Entity",
        from = "Column::MemberUnitId",
        to = "super::member_unit::Column::Id",
        on_delete = "Restrict"
    )]
    MemberUnit,
}

impl Related<super::member_unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MemberUnit.def()
    }
}

crate::audited!();
