//! Rules as the documents say them: "above designated size" unknown until recorded, a
//! placement's training site (Founding notice 二(一)3), and who may sponsor order classes as the
//! secretariat decides (Founding notice 二(三)6).

use alliance_tests::{TestApp, both_databases, codes, fresh_database_url};
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, FIRM_B, SCHOOL, SCHOOL_2, parties};
use crate::placements::{csv, good, placement_row, student};

/// A training institution.
const TRAINING_SCHOOL: &str = "威海市建筑职工培训学校";
/// An HR-service agency.
const AGENCY: &str = "威海众合人力资源有限公司";

both_databases!(
    the_size_migration_forgets_the_seeds_false_and_keeps_a_recorded_true,
    a_placement_names_a_training_site_of_its_school_or_host,
    an_imported_placement_names_its_training_site_by_id,
    sponsors_are_decided_by_kind_unless_the_secretariat_decides
);

async fn update_unit(app: &TestApp, token: &str, input: Value) -> Value {
    app.mutate(
        "updateMemberUnit",
        "UpdateMemberUnitInput",
        input,
        "memberUnit { id aboveDesignatedSize maySponsorOrderClasses maySponsor carriesFirmCommitments }",
        Some(token),
    )
    .await
}

/// On a database seeded before the change, the migration makes the seeds' `false` unknown and
/// keeps a `true` the secretariat recorded; its `down` turns unknown back into `false`.
async fn the_size_migration_forgets_the_seeds_false_and_keeps_a_recorded_true(app: TestApp) {
    use migration::{Migrator, MigratorTrait};
    use sea_orm::{ConnectionTrait, Database, Statement};
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(app.backend, dir.path()).await else {
        return;
    };
    let db = Database::connect(&url).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    seeds::load(&db).await.unwrap();
    let backend = db.get_database_backend();
    let count = |sql: &'static str| {
        let db = &db;
        async move {
            db.query_one_raw(Statement::from_string(backend, sql))
                .await
                .unwrap()
                .unwrap()
                .try_get::<i64>("", "n")
                .unwrap()
        }
    };
    // Back to before the change (later migrations, if any, first).
    let applied = Migrator::get_applied_migrations(&db).await.unwrap();
    let at = applied
        .iter()
        .position(|m| m.name() == "m20261123_000002_size_unknown")
        .unwrap();
    Migrator::down(&db, Some((applied.len() - at) as u32))
        .await
        .unwrap();
    assert_eq!(
        count("SELECT COUNT(*) AS n FROM member_unit WHERE above_designated_size IS NULL").await,
        0,
        "down: unknown is false again"
    );
    // The secretariat had recorded one firm above designated size.
    let set_true = match backend {
        sea_orm::DbBackend::Postgres => {
            "UPDATE member_unit SET above_designated_size = TRUE WHERE name = '威高集团股份有限公司'"
        }
        _ => "UPDATE member_unit SET above_designated_size = 1 WHERE name = '威高集团股份有限公司'",
    };
    db.execute_unprepared(set_true).await.unwrap();

    Migrator::up(&db, None).await.unwrap();

    assert_eq!(
        count("SELECT COUNT(*) AS n FROM member_unit WHERE above_designated_size IS NULL").await,
        176
    );
    let kept = count(
        "SELECT COUNT(*) AS n FROM member_unit WHERE name = '威高集团股份有限公司' AND above_designated_size IS NOT NULL",
    )
    .await;
    assert_eq!(kept, 1, "the recorded value stays");
    let unit = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        entity::member_unit::Entity::find()
            .filter(entity::member_unit::Column::Name.eq(FIRM_A))
            .one(&db)
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(unit.above_designated_size, Some(true));
    db.close().await.unwrap();
}

async fn create_site(app: &TestApp, token: &str, name: &str, partners: Value) -> String {
    let r = app
        .mutate(
            "createTrainingSite",
            "CreateTrainingSiteInput",
            json!({ "kind": "SCHOOL_IN_FACTORY", "name": name, "specialties": ["数控技术应用"], "status": "OPERATING", "partners": partners }),
            "trainingSite { id }",
            Some(token),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    r["trainingSite"]["id"].as_str().unwrap().to_owned()
}

/// A placement names the training site it takes place in: one the host or the school hosts or
/// partners; another is `SITE_NOT_OF_PLACEMENT`, an unknown one `NOT_FOUND`.
async fn a_placement_names_a_training_site_of_its_school_or_host(app: TestApp) {
    let p = parties(&app).await;
    let a = app.unit_id(FIRM_A).await;
    let b = app.unit_id(FIRM_B).await;
    let school = app.unit_id(SCHOOL).await;
    let school_2 = app.unit_id(SCHOOL_2).await;
    let of_a = create_site(&app, &p.firm_a, "威高厂中校实训基地", json!([])).await;
    let with_school = create_site(
        &app,
        &p.firm_c,
        "联桥厂中校实训基地",
        json!([{ "unitId": school, "role": "选派学生" }]),
    )
    .await;
    let elsewhere = create_site(
        &app,
        &p.firm_c,
        "联桥第二实训基地",
        json!([{ "unitId": school_2, "role": "选派学生" }]),
    )
    .await;
    for n in ["T1", "T2", "T3", "T4", "T5", "T6"] {
        student(&app, &p.school, n, "2006-03-01", 2).await;
    }
    let at = |n: &str, host: &str, site: &str| {
        crate::fixtures::with(good(n, host), json!({ "trainingSiteId": site }))
    };
    let selection = "internshipPlacement { id trainingSite { id name host { name } } }";
    let place = |input: Value| {
        let app = &app;
        let token = p.school.clone();
        async move {
            app.mutate(
                "reportInternshipPlacement",
                "ReportInternshipPlacementInput",
                input,
                selection,
                Some(&token),
            )
            .await
        }
    };

    // The host's own base.
    let r = place(at("T1", &a, &of_a)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert_eq!(
        r["internshipPlacement"]["trainingSite"],
        json!({ "id": of_a, "name": "威高厂中校实训基地", "host": { "name": FIRM_A } })
    );
    // A base the school partners, at another host.
    let r = place(at("T2", &b, &with_school)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    // Neither the school's nor the host's.
    let r = place(at("T3", &b, &of_a)).await;
    assert_eq!(codes(&r), vec!["SITE_NOT_OF_PLACEMENT"], "{r}");
    assert_eq!(
        r["userErrors"][0]["field"],
        json!(["input", "trainingSiteId"])
    );
    let r = place(at("T4", &b, &elsewhere)).await;
    assert_eq!(codes(&r), vec!["SITE_NOT_OF_PLACEMENT"], "{r}");
    // An unknown site, and an ID of another type.
    let unknown = api::global_id::encode("TrainingSite", uuid::Uuid::now_v7());
    let r = place(at("T5", &a, &unknown)).await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let r = place(at("T6", &a, &a)).await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    // Without a site, as before.
    let r = place(good("T6", &a)).await;
    assert_eq!(r["internshipPlacement"]["trainingSite"], Value::Null);
    // The list loads the sites of a page.
    let list = app
        .post_graphql(
            "{ internshipPlacements(first: 10) { nodes { trainingSite { name } } } }",
            json!({}),
            Some(&p.school),
        )
        .await
        .ok();
    let mut sites: Vec<Value> = list.data()["internshipPlacements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["trainingSite"]["name"].clone())
        .collect();
    sites.sort_by_key(Value::to_string);
    assert_eq!(
        sites,
        vec![
            json!("威高厂中校实训基地"),
            json!("联桥厂中校实训基地"),
            Value::Null
        ]
    );
}

/// The template's last column takes a training site's ID; an ID that is no site's is a row error,
/// and a site of neither party is refused as in the API.
async fn an_imported_placement_names_its_training_site_by_id(app: TestApp) {
    let p = parties(&app).await;
    let site = create_site(&app, &p.firm_a, "威高厂中校实训基地", json!([])).await;
    let columns = api::spreadsheet::PLACEMENT_COLUMNS;
    let col = columns
        .iter()
        .position(|c| c.field == "trainingSiteId")
        .unwrap();
    assert_eq!(col, columns.len() - 1, "appended at the end");
    for n in ["I1", "I2", "I3"] {
        student(&app, &p.school, n, "2006-03-01", 2).await;
    }
    let row = |n: &str, host: &str, site: &str| {
        let mut r = placement_row(n, host, "2026-09-01");
        r[col] = site.to_owned();
        r
    };
    let import = |rows: Vec<Vec<String>>| {
        let app = &app;
        let token = p.school.clone();
        async move {
            crate::hardening::import(
                app,
                &token,
                "importPlacements",
                "p.csv",
                csv(&rows, columns),
            )
            .await
        }
    };
    let bad = import(vec![
        row("I1", FIRM_A, &site),
        row("I2", FIRM_A, "not-an-id"),
        row("I3", FIRM_B, &site),
    ])
    .await;
    let errors: Vec<(i64, String, String)> = bad["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("{bad}"))
        .iter()
        .map(|e| {
            (
                e["row"].as_i64().unwrap(),
                e["column"].as_str().unwrap_or("").to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        vec![
            (3, "trainingSiteId".to_owned(), "INVALID".to_owned()),
            (
                4,
                "trainingSiteId".to_owned(),
                "SITE_NOT_OF_PLACEMENT".to_owned()
            ),
        ]
    );
    assert_eq!(bad["inserted"], 0);
    let good_file = import(vec![row("I1", FIRM_A, &site), row("I2", FIRM_A, "")]).await;
    assert_eq!(good_file["inserted"], 2, "{good_file}");
    let list = app
        .post_graphql(
            "{ internshipPlacements(first: 10) { nodes { trainingSite { id } } } }",
            json!({}),
            Some(&p.school),
        )
        .await
        .ok();
    let with_site = list.data()["internshipPlacements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["trainingSite"]["id"] == site.as_str())
        .count();
    assert_eq!(with_site, 1);
}

async fn secretariat_class(app: &TestApp, token: &str, school: &str, sponsor: &str) -> Value {
    app.mutate(
        "createOrderClass",
        "CreateOrderClassInput",
        json!({
            "schoolId": school, "name": "测试订单班", "specialtyName": "数控技术应用", "cohortYear": 2027,
            "plannedSeats": 10, "sponsors": [{ "enterpriseId": sponsor, "seats": 10 }],
            "plan": { "totalSpecialtyHours": 1200, "enterpriseWorkshopHours": 600, "corePracticeHours": 450, "ordinaryClassPracticeHours": 300 }
        }),
        "orderClass { id ruleChecks { rule met } }",
        Some(token),
    )
    .await
}

fn sponsors_check(class: &Value) -> Value {
    class["ruleChecks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "SPONSORS_ARE_ENTERPRISES")
        .unwrap()["met"]
        .clone()
}

/// By kind, enterprises and HR-service agencies may sponsor and a training body may not; the
/// secretariat's setting decides otherwise, either way; a school is never allowed.
async fn sponsors_are_decided_by_kind_unless_the_secretariat_decides(app: TestApp) {
    let p = parties(&app).await;
    let school = app.unit_id(SCHOOL).await;
    let trainer = app.unit_id(TRAINING_SCHOOL).await;
    let agency = app.unit_id(AGENCY).await;
    let b = app.unit_id(FIRM_B).await;

    let r = secretariat_class(&app, &p.secretariat, &school, &trainer).await;
    assert_eq!(codes(&r), vec!["SPONSOR_NOT_ENTERPRISE"], "{r}");
    assert_eq!(
        r["userErrors"][0]["field"],
        json!(["input", "sponsors.0.enterpriseId"])
    );
    let r = secretariat_class(&app, &p.secretariat, &school, &agency).await;
    assert_eq!(
        codes(&r),
        Vec::<String>::new(),
        "an HR agency may sponsor: {r}"
    );

    // The secretariat allows the training body.
    let u = update_unit(
        &app,
        &p.secretariat,
        json!({ "id": trainer, "maySponsorOrderClasses": true }),
    )
    .await;
    assert_eq!(
        (
            u["memberUnit"]["maySponsorOrderClasses"].clone(),
            u["memberUnit"]["maySponsor"].clone()
        ),
        (json!(true), json!(true))
    );
    let allowed = secretariat_class(&app, &p.secretariat, &school, &trainer).await;
    assert_eq!(codes(&allowed), Vec::<String>::new(), "{allowed}");
    assert_eq!(sponsors_check(&allowed["orderClass"]), true);

    // … and refuses a firm.
    update_unit(
        &app,
        &p.secretariat,
        json!({ "id": b, "maySponsorOrderClasses": false }),
    )
    .await;
    let r = secretariat_class(&app, &p.secretariat, &school, &b).await;
    assert_eq!(codes(&r), vec!["SPONSOR_NOT_ENTERPRISE"], "{r}");

    // Back to the kind: the class already proposed now fails the rule check.
    let u = update_unit(
        &app,
        &p.secretariat,
        json!({ "id": trainer, "maySponsorOrderClasses": null }),
    )
    .await;
    assert_eq!(
        (
            u["memberUnit"]["maySponsorOrderClasses"].clone(),
            u["memberUnit"]["maySponsor"].clone()
        ),
        (Value::Null, json!(false))
    );
    let class = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { ... on OrderClass { ruleChecks { rule met } } } }",
            json!({ "id": allowed["orderClass"]["id"] }),
            Some(&p.secretariat),
        )
        .await
        .ok();
    assert_eq!(sponsors_check(&class.data()["node"]), false);

    // A school is never a sponsor, nor a carrier of a firm's commitments.
    let r = update_unit(
        &app,
        &p.secretariat,
        json!({ "id": school, "maySponsorOrderClasses": true, "carriesFirmCommitments": true }),
    )
    .await;
    assert_eq!(codes(&r), vec!["INVALID", "INVALID"], "{r}");
    // Only the secretariat decides.
    let r = update_unit(
        &app,
        &p.firm_a,
        json!({ "id": trainer, "maySponsorOrderClasses": true }),
    )
    .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"]);
}
