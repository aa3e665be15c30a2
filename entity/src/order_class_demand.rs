//! `order_class_demand`: what an enterprise posts (订单班需求, Founding notice 二(三)6; Ten Measures (2)).

use sea_orm::entity::prelude::*;

use crate::enums::{DemandStatus, District, Term};

/// A demand. Its total headcount is the sum of its participants' headcounts (the posting firm is
/// the first participant; others join a joint demand, 联合组班).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_class_demand")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The posting enterprise (a non-school member unit).
    pub enterprise_id: Uuid,
    /// Specialty (专业) name, e.g. 数控技术应用.
    pub specialty_name: String,
    /// Specialty code of the national catalogue, if given.
    pub specialty_code: Option<String>,
    /// Required skills, free text.
    pub required_skills: Option<String>,
    /// Required certificates, free text.
    pub required_certificates: Option<String>,
    /// Year the class should start.
    pub start_year: i32,
    /// Term the class should start.
    pub start_term: Term,
    /// Where the graduates will work.
    pub work_district: Option<District>,
    /// Lowest offered monthly pay, CNY.
    pub pay_min: Option<i32>,
    /// Highest offered monthly pay, CNY.
    pub pay_max: Option<i32>,
    /// Last day schools may answer.
    pub application_deadline: Option<Date>,
    /// Unemployed youth may enrol (Ten Measures (2)).
    pub open_to_unemployed_youth: bool,
    /// Migrant workers may enrol (Ten Measures (2)).
    pub open_to_migrant_workers: bool,
    /// Oldest age (years, at the class's start) a student may have; null for no limit.
    pub age_limit: Option<i32>,
    /// Description, free text.
    pub description: Option<String>,
    /// Workflow status.
    pub status: DemandStatus,
    /// Seats covered by agreed order classes.
    pub matched_seats: i32,
    /// When the row was created (UTC).
    pub created_at: DateTimeUtc,
    /// When the row was last changed (UTC).
    pub updated_at: DateTimeUtc,
}

/// Relations of a demand.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The posting firm.
    #[sea_orm(
        belongs_to = "super::member_unit::Entity",
        from = "Column::EnterpriseId",
        to = "super::member_unit::Column::Id",
        on_delete = "Restrict"
    )]
    Enterprise,
    /// Its participants.
    #[sea_orm(has_many = "super::demand_participant::Entity")]
    Participant,
}

impl Related<super::demand_participant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Participant.def()
    }
}

crate::audited!();
