//! `practice_post`: teacher practice posts a station offers for one year and specialty.

use sea_orm::entity::prelude::*;

#[allow(unused_imports)]
use crate::enums::*;

/// A row of `practice_post`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "practice_post")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The station.
    pub station_id: Uuid,
    /// Year.
    pub year: i32,
    /// Specialty.
    pub specialty: String,
    /// Posts offered.
    pub posts: i32,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
