//! `culture_corridor`: a school's enterprise-culture corridor (企业文化长廊, Founding notice 二(四)9).

use sea_orm::entity::prelude::*;

/// One school's corridor; unique per school (recording it again replaces it).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "culture_corridor")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The school.
    #[sea_orm(unique)]
    pub school_id: Uuid,
    /// The day it opened.
    pub opened_on: Date,
    /// Where it is on campus (at most 200 characters).
    pub location: String,
    /// What it shows: the firms, their plans, pay, leaders … (at most 4,000 characters).
    pub content: String,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
