//! `platform_grant`: the one-off grant a platform carries (Ten Measures (1), (4)), in the member's
//! funding ledger: due from the platform's approval, paid on a day with a reference.

use sea_orm::entity::prelude::*;

use crate::enums::PlatformKind;

/// One grant; one per platform.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "platform_grant")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The platform.
    #[sea_orm(unique)]
    pub platform_id: Uuid,
    /// The member that holds the platform (and receives the grant).
    pub unit_id: Uuid,
    /// The platform's kind (for totals by kind).
    pub kind: PlatformKind,
    /// The amount, in CNY fen (1 CNY = 100 fen), as the measure states it for the kind.
    pub amount_fen: i64,
    /// The day it fell due (the platform's approval).
    pub due_on: Date,
    /// The day it was paid; null while due.
    pub paid_on: Option<Date>,
    /// The payment's reference (a voucher or transfer number; at most 100 characters).
    pub reference: Option<String>,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
