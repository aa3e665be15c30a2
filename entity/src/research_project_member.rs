//! `research_project_member`: a teacher of the pool who works on a research project (课题组成员),
//! besides its leader.

use sea_orm::entity::prelude::*;

/// One member of one project; unique per project and teacher.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "research_project_member")]
pub struct Model {
    /// UUID v7 primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The project.
    pub project_id: Uuid,
    /// The teacher.
    pub teacher_id: Uuid,
}

/// Relations are joined explicitly by the API.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

crate::audited!();
