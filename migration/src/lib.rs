//! Schema migrations of the alliance's system of record, for SQLite and PostgreSQL.
//!
//! One migration per change, named `mYYYYMMDD_HHMMSS_name`, each with a real `down`. The API
//! applies pending migrations at start (`api migrate` applies them alone).

// sea-orm-migration's `MigrationTrait` spells `&SchemaManager` without its lifetime; the
// implementations must match it exactly.
#![allow(elided_lifetimes_in_paths)]

pub use sea_orm_migration::prelude::*;

use sea_orm_migration::sea_orm::DatabaseBackend;

/// Runs `statements` in order when the database is `backend`'s; nothing otherwise.
///
/// # Errors
/// The first statement that fails.
async fn on_backend(
    manager: &SchemaManager<'_>,
    backend: DatabaseBackend,
    statements: &[&str],
) -> Result<(), DbErr> {
    if manager.get_database_backend() == backend {
        let db = manager.get_connection();
        for sql in statements {
            db.execute_unprepared(sql).await?;
        }
    }
    Ok(())
}

/// Runs `statements` in order on PostgreSQL; nothing on SQLite. For migrations whose objects exist
/// only there (triggers that notify, extension indexes).
///
/// # Errors
/// The first statement that fails.
async fn on_postgres(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    on_backend(manager, DatabaseBackend::Postgres, statements).await
}

/// Runs `statements` in order on SQLite; nothing on PostgreSQL. For migrations whose objects exist
/// only there (triggers that count changes where there are no notifications).
///
/// # Errors
/// The first statement that fails.
async fn on_sqlite(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    on_backend(manager, DatabaseBackend::Sqlite, statements).await
}

mod m20261121_000001_create_registry;
mod m20261121_000002_order_classes;
mod m20261121_000003_internships;
mod m20261121_000004_plan_commitments;
mod m20261121_000005_guardian_consent;
mod m20261122_000001_event_consent;
mod m20261122_000002_booking_consent;
mod m20261122_000003_name_sort_key;
mod m20261122_000004_post_protections;
mod m20261122_000005_mentor_qualification;
mod m20261122_000006_application_approval;
mod m20261122_000007_non_member_host_facts;
mod m20261122_000020_audit_trail;
mod m20261123_000001_placement_training_site;
mod m20261123_000002_size_unknown;
mod m20261123_000003_sponsor_settings;
mod m20261123_000004_internship_post_offer;
mod m20261123_000010_corrections;
mod m20261124_000001_scale_indexes;
mod m20261124_000002_retention_tally;
mod m20261125_000001_committees_year;
mod m20261125_000002_council;
mod m20261125_000003_alliance_calendar;
mod m20261125_000004_culture_corridor;
mod m20261126_000001_people;
mod m20261126_000002_platforms;
mod m20261126_000003_shared_resources;
mod m20261127_000001_contests_training;
mod m20261128_000001_account_changes;
mod m20261128_000002_placement_search;
mod m20261129_000001_placement_search_terms;
mod m20261130_000001_audit_event_entity;
mod m20261201_000001_member_unit_changes;
mod m20261202_000001_enrolment_counts;
mod m20261202_000002_sponsor_covering_index;
mod m20261203_000001_row_versions;
mod m20261204_000001_audit_entity_object_gin;
mod m20261205_000001_audit_entity_groups;

/// The ordered list of migrations.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_create_registry::Migration),
            Box::new(m20261121_000002_order_classes::Migration),
            Box::new(m20261121_000003_internships::Migration),
            Box::new(m20261121_000004_plan_commitments::Migration),
            Box::new(m20261121_000005_guardian_consent::Migration),
            Box::new(m20261122_000001_event_consent::Migration),
            Box::new(m20261122_000002_booking_consent::Migration),
            Box::new(m20261122_000003_name_sort_key::Migration),
            Box::new(m20261122_000004_post_protections::Migration),
            Box::new(m20261122_000005_mentor_qualification::Migration),
            Box::new(m20261122_000006_application_approval::Migration),
            Box::new(m20261122_000007_non_member_host_facts::Migration),
            Box::new(m20261122_000020_audit_trail::Migration),
            Box::new(m20261123_000001_placement_training_site::Migration),
            Box::new(m20261123_000002_size_unknown::Migration),
            Box::new(m20261123_000003_sponsor_settings::Migration),
            Box::new(m20261123_000004_internship_post_offer::Migration),
            Box::new(m20261123_000010_corrections::Migration),
            Box::new(m20261124_000001_scale_indexes::Migration),
            Box::new(m20261124_000002_retention_tally::Migration),
            Box::new(m20261125_000001_committees_year::Migration),
            Box::new(m20261125_000002_council::Migration),
            Box::new(m20261125_000003_alliance_calendar::Migration),
            Box::new(m20261125_000004_culture_corridor::Migration),
            Box::new(m20261126_000001_people::Migration),
            Box::new(m20261126_000002_platforms::Migration),
            Box::new(m20261126_000003_shared_resources::Migration),
            Box::new(m20261127_000001_contests_training::Migration),
            Box::new(m20261128_000001_account_changes::Migration),
            Box::new(m20261128_000002_placement_search::Migration),
            Box::new(m20261129_000001_placement_search_terms::Migration),
            Box::new(m20261130_000001_audit_event_entity::Migration),
            Box::new(m20261201_000001_member_unit_changes::Migration),
            Box::new(m20261202_000001_enrolment_counts::Migration),
            Box::new(m20261202_000002_sponsor_covering_index::Migration),
            Box::new(m20261203_000001_row_versions::Migration),
            Box::new(m20261204_000001_audit_entity_object_gin::Migration),
            Box::new(m20261205_000001_audit_entity_groups::Migration),
        ]
    }
}
