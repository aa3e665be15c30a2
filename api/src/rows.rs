//! How each table's rows are read ([`ReadRows`]: by position or by name) and which tables are
//! keyed by a UUID `id` ([`Keyed`]). Shared by the GraphQL loaders and the instance's row cache
//! (`crate::row_cache`), so it sits below both.

use sea_orm::{DatabaseConnection, DbErr, EntityTrait};
use uuid::Uuid;

/// How an entity's rows are read: by position for the models the busiest pages read by the
/// hundred (`entity::positional`), by name (SeaORM's derived decoding) for the rest; either way
/// with a page's `LIMIT` written into the SQL on PostgreSQL (`entity::statement`).
pub trait ReadRows: EntityTrait {
    /// Every row of `select`.
    fn read_all(
        select: sea_orm::Select<Self>,
        db: &DatabaseConnection,
    ) -> impl Future<Output = Result<Vec<Self::Model>, DbErr>> + Send;
}

macro_rules! read_rows {
    (by name: $entity:ident) => {
        impl ReadRows for entity::$entity::Entity {
            fn read_all(
                select: sea_orm::Select<Self>,
                db: &DatabaseConnection,
            ) -> impl Future<Output = Result<Vec<Self::Model>, DbErr>> + Send {
                let statement = entity::statement::built(&select, db.get_database_backend());
                Self::find().from_raw_sql(statement).all(db)
            }
        }
    };
    (by position: $entity:ident) => {
        impl ReadRows for entity::$entity::Entity {
            fn read_all(
                select: sea_orm::Select<Self>,
                db: &DatabaseConnection,
            ) -> impl Future<Output = Result<Vec<Self::Model>, DbErr>> + Send {
                entity::positional::all(select, db)
            }
        }
    };
}

/// An entity whose rows are keyed by a UUID primary key.
pub trait Keyed: ReadRows {
    /// The primary-key column.
    fn id_column() -> Self::Column;
    /// A row's id.
    fn id_of(row: &Self::Model) -> Uuid;
}

macro_rules! keyed {
    ($entity:ident) => {
        impl Keyed for entity::$entity::Entity {
            fn id_column() -> Self::Column {
                entity::$entity::Column::Id
            }
            fn id_of(row: &Self::Model) -> Uuid {
                row.id
            }
        }
    };
}

/// Declares how each table's rows are read ([`ReadRows`]) and which are [`Keyed`] (by-id
/// loaders).
macro_rules! tables {
    (
        keyed, by name: $($name:ident),+;
        keyed, by position: $($position:ident),+;
        by name: $($other:ident),+ $(,)?
    ) => {
        $(read_rows!(by name: $name); keyed!($name);)+
        $(read_rows!(by position: $position); keyed!($position);)+
        $(read_rows!(by name: $other);)+
    };
}
tables!(
    keyed, by name:
    contest,
    contest_event,
    contest_entry,
    research_project,
    training_need,
    training_project,
    skill_certification,
    shared_resource,
    resource_booking,
    platform,
    platform_grant,
    teacher,
    reserve_craftsman,
    apprenticeship_base,
    enterprise_certification,
    committee_meeting,
    resolution,
    work_plan_item,
    evaluation_item,
    evaluation_round,
    milestone,
    target,
    alliance,
    apprenticeship,
    career_mentor,
    committee,
    craftsman,
    craftsman_assignment,
    event,
    order_class_demand,
    practice_station,
    teacher_practice,
    training_site;
    keyed, by position:
    account,
    internship_placement,
    member_unit,
    order_class,
    student;
    by name:
    audit_event,
);
