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
const ADDED_COLUMNS: [(&str, &str); 7] = [
    ("student", "national_id"),
    ("internship_placement", "guardian_consent_given"),
    ("member_unit", "name_sort_key"),
    ("internship_placement", "training_site_id"),
    ("member_unit", "may_sponsor_order_classes"),
    ("member_unit", "carries_firm_commitments"),
    ("teacher_practice", "teacher_id"),
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
    the_sort_key_migration_fills_the_key_of_existing_members,
    the_people_migration_moves_practice_names_onto_the_teacher_pool,
    the_audit_entity_migration_moves_each_read_onto_one_entity_and_back
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

async fn the_people_migration_moves_practice_names_onto_the_teacher_pool(app: TestApp) {
    use entity::{member_unit, practice_station, teacher, teacher_practice};
    use sea_orm::sea_query::{Alias, Query};
    use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(app.backend, dir.path()).await else {
        return;
    };
    let db = Database::connect(&url).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    seeds::load(&db).await.unwrap();
    // Back to before the pool: the stints name their teachers as text.
    let schema = SchemaManager::new(&db);
    while schema.has_table("teacher").await.unwrap() {
        Migrator::down(&db, Some(1)).await.unwrap();
    }
    let unit = |name: &'static str| {
        let db = &db;
        async move {
            member_unit::Entity::find()
                .filter(member_unit::Column::Name.eq(name))
                .one(db)
                .await
                .unwrap()
                .unwrap()
                .id
        }
    };
    let (firm, school, school_2) = (
        unit("威高集团股份有限公司").await,
        unit("威海技师学院").await,
        unit("威海市文登技师学院").await,
    );
    let station = practice_station::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        host_unit_id: Set(firm),
        name: Set("威高教师活动站".into()),
        specialties: Set("数控技术应用".into()),
        address: Set(None),
        contact_person: Set(None),
        contact_phone: Set(None),
        created_at: Set(chrono::Utc::now()),
        archived_at: Set(None),
    }
    .insert(&db)
    .await
    .unwrap();
    // 王老师 twice at the school (two specialties), once at school 2: two teachers of that name.
    for (school, name, specialty) in [
        (school, "王老师", "数控技术应用"),
        (school, "王老师", "机电一体化"),
        (school_2, "王老师", "数控技术应用"),
        (school, "李老师", "数控技术应用"),
    ] {
        let insert = Query::insert()
            .into_table(Alias::new("teacher_practice"))
            .columns(
                [
                    "id",
                    "station_id",
                    "school_id",
                    "teacher_name",
                    "specialty",
                    "start_date",
                    "end_date",
                    "days_on_site",
                    "created_at",
                ]
                .map(Alias::new),
            )
            .values_panic([
                uuid::Uuid::now_v7().into(),
                station.id.into(),
                school.into(),
                name.into(),
                specialty.into(),
                chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap().into(),
                chrono::NaiveDate::from_ymd_opt(2026, 7, 10).unwrap().into(),
                8.into(),
                chrono::Utc::now().into(),
            ])
            .to_owned();
        db.execute(&insert).await.unwrap();
    }
    Migrator::up(&db, None).await.unwrap();
    let teachers = teacher::Entity::find().all(&db).await.unwrap();
    let mut found: Vec<(bool, String, String)> = teachers
        .iter()
        .map(|t| (t.school_id == school, t.name.clone(), t.specialties.clone()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            (false, "王老师".into(), "数控技术应用".into()),
            (true, "李老师".into(), "数控技术应用".into()),
            (true, "王老师".into(), "数控技术应用\n机电一体化".into()),
        ]
    );
    // Every stint names its school's teacher of its old name.
    for p in teacher_practice::Entity::find().all(&db).await.unwrap() {
        let t = teachers.iter().find(|t| t.id == p.teacher_id).unwrap();
        assert_eq!(t.school_id, p.school_id);
    }
    // And down again puts the names back.
    while !schema
        .has_column("teacher_practice", "teacher_name")
        .await
        .unwrap()
    {
        Migrator::down(&db, Some(1)).await.unwrap();
    }
    let names = db
        .query_all(
            &Query::select()
                .column(Alias::new("teacher_name"))
                .from(Alias::new("teacher_practice"))
                .to_owned(),
        )
        .await
        .unwrap();
    let mut names: Vec<String> = names
        .iter()
        .map(|r| r.try_get::<String>("", "teacher_name").unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["李老师", "王老师", "王老师", "王老师"]);
    db.close().await.unwrap();
}

/// Whether the read entities' tables are there: `audit_event_entity` (a view on PostgreSQL once
/// the entities are grouped by school, which `has_table` does not count) or its groups.
async fn entity_tables(schema: &SchemaManager<'_>) -> bool {
    schema.has_table("audit_event_entity").await.unwrap()
        || schema.has_table("audit_event_entity_group").await.unwrap()
}

async fn the_audit_entity_migration_moves_each_read_onto_one_entity_and_back(app: TestApp) {
    use entity::{audit_event, audit_event_entity};
    use sea_orm::sea_query::{Alias, Query};
    use sea_orm::{ConnectionTrait, EntityTrait};
    use uuid::Uuid;
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(app.backend, dir.path()).await else {
        return;
    };
    let db = Database::connect(&url).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    // Back to one READ row per student.
    let schema = SchemaManager::new(&db);
    while entity_tables(&schema).await {
        Migrator::down(&db, Some(1)).await.unwrap();
    }
    let (read, write) = (Uuid::now_v7(), Uuid::now_v7());
    let (student, school, placement) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    for (id, action, table, object) in [
        (read, "READ", "student", student),
        (write, "CREATE", "internship_placement", placement),
    ] {
        let insert = Query::insert()
            .into_table(Alias::new("audit_event"))
            .columns(
                [
                    "id",
                    "occurred_at",
                    "source",
                    "action",
                    "operation",
                    "object_type",
                    "object_id",
                    "owner_unit_id",
                ]
                .map(Alias::new),
            )
            .values_panic([
                id.into(),
                chrono::Utc::now().into(),
                "API".into(),
                action.into(),
                "Roster".into(),
                table.into(),
                object.into(),
                school.into(),
            ])
            .to_owned();
        db.execute(&insert).await.unwrap();
    }
    Migrator::up(&db, None).await.unwrap();
    // The read is now one event with one entity: the student, owned by the school.
    let entities = audit_event_entity::Entity::find().all(&db).await.unwrap();
    assert_eq!(
        entities,
        vec![audit_event_entity::Model {
            event_id: read,
            object_id: student,
            owner_unit_id: Some(school),
        }]
    );
    let event = |id| {
        let db = &db;
        async move {
            audit_event::Entity::find_by_id(id)
                .one(db)
                .await
                .unwrap()
                .unwrap()
        }
    };
    let moved = event(read).await;
    assert_eq!((moved.object_id, moved.owner_unit_id), (None, None));
    assert_eq!(moved.operation, "Roster");
    let kept = event(write).await;
    assert_eq!(
        (kept.object_id, kept.owner_unit_id),
        (Some(placement), Some(school)),
        "a write keeps its record"
    );
    // Down again (through any later migration): one READ row of the student, owned by the
    // school, as before.
    while entity_tables(&schema).await {
        Migrator::down(&db, Some(1)).await.unwrap();
    }
    let rows = db
        .query_all(
            &Query::select()
                .columns(["action", "object_id", "owner_unit_id", "operation"].map(Alias::new))
                .from(Alias::new("audit_event"))
                .to_owned(),
        )
        .await
        .unwrap();
    let mut found: Vec<(String, Uuid, Option<Uuid>, String)> = rows
        .iter()
        .map(|r| {
            (
                r.try_get("", "action").unwrap(),
                r.try_get("", "object_id").unwrap(),
                r.try_get("", "owner_unit_id").unwrap(),
                r.try_get("", "operation").unwrap(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            ("CREATE".into(), placement, Some(school), "Roster".into()),
            ("READ".into(), student, Some(school), "Roster".into()),
        ]
    );
    Migrator::up(&db, None).await.unwrap();
    assert_all_up(&db).await;
    db.close().await.unwrap();
}
