//! The migrations: every one of them up on an empty database, all of them down, and up again.

use alliance_tests::{TestApp, both_databases, fresh_database_url};
use migration::{Migrator, MigratorTrait, SchemaManager};
use sea_orm::{Database, DatabaseConnection};

/// Every table the migrations create, in the order they create them.
const TABLES: [&str; 27] = [
    "alliance",
    "member_unit",
    "committee",
    "committee_membership",
    "account",
    "order_class_demand",
    "demand_participant",
    "order_class",
    "order_class_sponsor",
    "student",
    "enrolment",
    "internship_placement",
    "graduate_outcome",
    "training_site",
    "site_partner",
    "site_mentor",
    "practice_station",
    "practice_post",
    "teacher_practice",
    "craftsman",
    "craftsman_assignment",
    "career_mentor",
    "career_class",
    "apprenticeship",
    "event",
    "event_unit",
    "internship_post_offer",
];

/// Columns that migrations add to tables an earlier one created.
const ADDED_COLUMNS: [(&str, &str); 6] = [
    ("student", "national_id"),
    ("internship_placement", "guardian_consent_given"),
    ("member_unit", "name_sort_key"),
    ("internship_placement", "training_site_id"),
    ("member_unit", "may_sponsor_order_classes"),
    ("member_unit", "carries_firm_commitments"),
];

/// Which of [`TABLES`] exist.
async fn tables(db: &DatabaseConnection) -> Vec<&'static str> {
    let schema = SchemaManager::new(db);
    let mut present = Vec::new();
    for table in TABLES {
        if schema.has_table(table).await.unwrap() {
            present.push(table);
        }
    }
    present
}

/// Panics unless every table and every added column exists and no migration is pending.
async fn assert_all_up(db: &DatabaseConnection) {
    assert_eq!(tables(db).await, TABLES);
    let schema = SchemaManager::new(db);
    for (table, column) in ADDED_COLUMNS {
        assert!(
            schema.has_column(table, column).await.unwrap(),
            "{table}.{column}"
        );
    }
    assert!(
        Migrator::get_pending_migrations(db)
            .await
            .unwrap()
            .is_empty()
    );
}

both_databases!(
    every_migration_goes_up_down_and_up_again,
    the_sort_key_migration_fills_the_key_of_existing_members
);

async fn every_migration_goes_up_down_and_up_again(app: TestApp) {
    // `app` migrated its own database; the migrations run here on a fresh, empty one.
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(app.backend, dir.path()).await else {
        return;
    };
    let db = Database::connect(&url).await.unwrap();
    assert_eq!(tables(&db).await, Vec::<&str>::new(), "an empty database");

    Migrator::up(&db, None).await.unwrap();
    assert_all_up(&db).await;

    Migrator::down(&db, None).await.unwrap();
    assert_eq!(tables(&db).await, Vec::<&str>::new(), "every table dropped");
    assert!(
        Migrator::get_applied_migrations(&db)
            .await
            .unwrap()
            .is_empty()
    );

    Migrator::up(&db, None).await.unwrap();
    assert_all_up(&db).await;
    db.close().await.unwrap();
}

async fn the_sort_key_migration_fills_the_key_of_existing_members(app: TestApp) {
    use entity::member_unit;
    use sea_orm::EntityTrait;
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(app.backend, dir.path()).await else {
        return;
    };
    let db = Database::connect(&url).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    seeds::load(&db).await.unwrap();
    // A database as it was before the key: migrations reverted, newest first, until the
    // column is gone (later migrations may follow this one), then all applied again.
    let schema = SchemaManager::new(&db);
    while schema
        .has_column("member_unit", "name_sort_key")
        .await
        .unwrap()
    {
        Migrator::down(&db, Some(1)).await.unwrap();
    }
    assert!(schema.has_table("member_unit").await.unwrap());
    Migrator::up(&db, None).await.unwrap();
    let units = member_unit::Entity::find().all(&db).await.unwrap();
    assert_eq!(units.len(), 177);
    for u in units {
        assert_eq!(
            u.name_sort_key,
            entity::sort_key::name_sort_key(&u.name),
            "{}",
            u.name
        );
    }
    db.close().await.unwrap();
}
