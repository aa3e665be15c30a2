//! Rules as the documents say them: the 2% rule measured by the posts firms declare (Weihai 2020
//! plan (十), task 20; Huancui task list, item 8), "above designated size" unknown until recorded,
//! a placement's training site (Founding notice 二(一)3), and who may sponsor order classes or
//! carry a firm's commitments as the secretariat decides (Founding notice 二(三)6, 三(三)).

use alliance_tests::{TestApp, both_databases, codes, fresh_database_url};
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, FIRM_B, FIRM_C, SCHOOL, SCHOOL_2, parties};
use crate::placements::{csv, good, placement_row, report, student};

/// A training company (有限公司) whose kind, read from its name, is a training institution.
const TRAINING_COMPANY: &str = "威海华夏培训中心有限公司";
/// A training institution.
const TRAINING_SCHOOL: &str = "威海市建筑职工培训学校";
/// An HR-service agency.
const AGENCY: &str = "威海众合人力资源有限公司";

both_databases!(
    firms_declare_internship_posts_and_the_report_measures_declared_posts,
    only_a_firms_own_staff_or_the_secretariat_declare_posts_within_bounds,
    every_seeded_member_starts_of_unknown_size_and_unknowns_are_listed_apart,
    the_size_migration_forgets_the_seeds_false_and_keeps_a_recorded_true,
    a_placement_names_a_training_site_of_its_school_or_host,
    an_imported_placement_names_its_training_site_by_id,
    sponsors_are_decided_by_kind_unless_the_secretariat_decides,
    a_training_company_the_secretariat_marks_answers_the_firms_rules
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

async fn offer(app: &TestApp, token: &str, input: Value) -> Value {
    app.mutate(
        "offerInternshipPosts",
        "OfferInternshipPostsInput",
        input,
        "internshipPostOffer { enterprise { name } year posts specialties }",
        Some(token),
    )
    .await
}

const COMPLIANCE: &str = "query($y: Int!) { internshipPostCompliance(year: $y) { firms { enterprise { name } postsDeclared declaration { posts specialties } placementsHosted orderClassSeats requiredPosts ratio meetsRule } sizeUnknown { name category } } }";

async fn post_compliance(app: &TestApp, token: &str, year: i32) -> Value {
    app.post_graphql(COMPLIANCE, json!({ "y": year }), Some(token))
        .await
        .ok()
        .data()["internshipPostCompliance"]
        .clone()
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|u| {
            u.get("enterprise")
                .map_or(&u["name"], |e| &e["name"])
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// The measure of the 2% rule is the posts a firm declares; a new declaration for the year
/// replaces the old; placements hosted stand beside as evidence and do not count; the report runs
/// the same statements for 2 firms and for 6.
async fn firms_declare_internship_posts_and_the_report_measures_declared_posts(app: TestApp) {
    let p = parties(&app).await;
    let a = app.unit_id(FIRM_A).await;
    let b = app.unit_id(FIRM_B).await;
    for (id, staff) in [(&a, 500), (&b, 1000)] {
        let r = update_unit(
            &app,
            &p.secretariat,
            json!({ "id": id, "employeeCount": staff, "aboveDesignatedSize": true }),
        )
        .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }

    // Arrange: FIRM_A declares 4 posts, then corrects it to 12; FIRM_B declares nothing.
    let first = offer(
        &app,
        &p.firm_a,
        json!({ "unitId": a, "year": 2026, "posts": 4, "specialties": ["数控技术应用", " 焊接 ", "焊接"] }),
    )
    .await;
    assert_eq!(codes(&first), Vec::<String>::new(), "{first}");
    assert_eq!(
        first["internshipPostOffer"],
        json!({ "enterprise": { "name": FIRM_A }, "year": 2026, "posts": 4, "specialties": ["数控技术应用", "焊接"] })
    );
    let again = offer(
        &app,
        &p.firm_a,
        json!({ "unitId": a, "year": 2026, "posts": 12, "specialties": ["机电一体化"] }),
    )
    .await;
    assert_eq!(again["internshipPostOffer"]["posts"], 12);
    // Two placements at FIRM_A: evidence only.
    for n in ["D1", "D2"] {
        student(&app, &p.school, n, "2006-03-01", 2).await;
        let r = report(&app, &p.school, good(n, &a)).await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }

    // Act
    let r = post_compliance(&app, &p.secretariat, 2026).await;

    // Assert: FIRM_B (nothing declared, no ratio) comes first, FIRM_A meets the rule.
    let firms = r["firms"].as_array().unwrap();
    assert_eq!(names(&r["firms"]), vec![FIRM_B, FIRM_A]);
    assert_eq!(
        (
            firms[0]["postsDeclared"].clone(),
            firms[0]["declaration"].clone(),
            firms[0]["ratio"].clone(),
            firms[0]["meetsRule"].clone()
        ),
        (Value::Null, Value::Null, Value::Null, json!(false))
    );
    assert_eq!(firms[0]["requiredPosts"].as_f64(), Some(20.0));
    assert_eq!(
        (
            firms[1]["postsDeclared"].as_i64(),
            firms[1]["placementsHosted"].as_i64(),
            firms[1]["requiredPosts"].as_f64(),
            firms[1]["meetsRule"].as_bool()
        ),
        (Some(12), Some(2), Some(10.0), Some(true)),
        "the second declaration replaced the first"
    );
    assert!((firms[1]["ratio"].as_f64().unwrap() - 1.2).abs() < 1e-9);
    assert_eq!(
        firms[1]["declaration"]["specialties"],
        json!(["机电一体化"])
    );
    // Another year has its own declaration: none.
    let other_year = post_compliance(&app, &p.secretariat, 2027).await;
    assert!(
        other_year["firms"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["postsDeclared"].is_null())
    );
    // A correction to 0 is a declaration of no posts: a ratio of 0.
    let zero = offer(
        &app,
        &p.secretariat,
        json!({ "unitId": a, "year": 2026, "posts": 0 }),
    )
    .await;
    assert_eq!(codes(&zero), Vec::<String>::new(), "{zero}");
    let own = app
        .post_graphql(
            "query($id: ID!) { memberUnit(id: $id) { internshipPosts(year: 2026) { postsDeclared ratio meetsRule placementsHosted } } }",
            json!({ "id": a }),
            Some(&p.firm_a),
        )
        .await
        .ok();
    assert_eq!(
        own.data()["memberUnit"]["internshipPosts"],
        json!({ "postsDeclared": 0, "ratio": 0.0, "meetsRule": false, "placementsHosted": 2 })
    );

    // The statements do not grow with the firms: four more firms above designated size, declared.
    let (before, _) = app
        .count_statements(app.post_graphql(COMPLIANCE, json!({ "y": 2026 }), Some(&p.secretariat)))
        .await;
    for name in [
        FIRM_C,
        "威海天力电源科技有限公司",
        "山东卡尔电气股份有限公司",
        AGENCY,
    ] {
        let id = app.unit_id(name).await;
        update_unit(
            &app,
            &p.secretariat,
            json!({ "id": id, "employeeCount": 100, "aboveDesignatedSize": true }),
        )
        .await;
        offer(
            &app,
            &p.secretariat,
            json!({ "unitId": id, "year": 2026, "posts": 1 }),
        )
        .await;
    }
    let (after, reply) = app
        .count_statements(app.post_graphql(COMPLIANCE, json!({ "y": 2026 }), Some(&p.secretariat)))
        .await;
    assert!(
        reply.ok().data()["internshipPostCompliance"]["firms"]
            .as_array()
            .unwrap()
            .len()
            >= 5
    );
    assert_eq!(before, after, "statements for 2 firms and for more");
    assert!(after <= 5, "{after} statements");
}

/// A school, another firm and an anonymous caller may not declare; the secretariat may for any
/// firm but not for a school; the values are bounded.
async fn only_a_firms_own_staff_or_the_secretariat_declare_posts_within_bounds(app: TestApp) {
    let p = parties(&app).await;
    let a = app.unit_id(FIRM_A).await;
    let school = app.unit_id(SCHOOL).await;
    let input = json!({ "unitId": a, "year": 2026, "posts": 5 });
    for (token, expected) in [
        (Some(p.school.as_str()), "FORBIDDEN"),
        (Some(p.firm_c.as_str()), "FORBIDDEN"),
        (None, "UNAUTHENTICATED"),
    ] {
        let r = app
            .mutate(
                "offerInternshipPosts",
                "OfferInternshipPostsInput",
                input.clone(),
                "internshipPostOffer { posts }",
                token,
            )
            .await;
        assert_eq!(codes(&r), vec![expected], "{r}");
    }
    let r = offer(
        &app,
        &p.school,
        json!({ "unitId": school, "year": 2026, "posts": 5 }),
    )
    .await;
    assert_eq!(
        codes(&r),
        vec!["FORBIDDEN"],
        "a school may not declare for itself"
    );
    let r = offer(
        &app,
        &p.secretariat,
        json!({ "unitId": school, "year": 2026, "posts": 5 }),
    )
    .await;
    assert_eq!(codes(&r), vec!["WRONG_HOST_KIND"], "{r}");
    let cases = [
        (json!({ "posts": -1 }), vec!["MUST_BE_NON_NEGATIVE"]),
        (json!({ "posts": 10_001 }), vec!["TOO_LARGE"]),
        (json!({ "year": 1999 }), vec!["INVALID"]),
        (json!({ "specialties": ["焊接", "   "] }), vec!["BLANK"]),
        (
            json!({ "specialties": ["名".repeat(101)] }),
            vec!["TOO_LONG"],
        ),
        (
            json!({ "specialties": (0..51).map(|i| format!("专业{i}")).collect::<Vec<_>>() }),
            vec!["TOO_LARGE"],
        ),
    ];
    for (change, expected) in cases {
        let r = offer(
            &app,
            &p.firm_a,
            crate::fixtures::with(input.clone(), change.clone()),
        )
        .await;
        assert_eq!(codes(&r), expected, "{change}");
        assert_eq!(r["internshipPostOffer"], Value::Null);
    }
    // Nothing of the refused declarations was written.
    let own = app
        .post_graphql(
            "query($id: ID!) { memberUnit(id: $id) { internshipPosts(year: 2026) { postsDeclared } } }",
            json!({ "id": a }),
            Some(&p.firm_a),
        )
        .await
        .ok();
    assert_eq!(
        own.data()["memberUnit"]["internshipPosts"]["postsDeclared"],
        Value::Null
    );
}

/// The seeds say nothing about size: all 177 members start unknown; the 2% work list names the
/// firms of unknown size apart from the firms above designated size, and leaves out those
/// recorded below it and the schools.
async fn every_seeded_member_starts_of_unknown_size_and_unknowns_are_listed_apart(app: TestApp) {
    let p = parties(&app).await;
    let mut sizes = Vec::new();
    let mut after = Value::Null;
    loop {
        let r = app
            .post_graphql(
                "query($after: String) { memberUnits(first: 100, after: $after) { nodes { aboveDesignatedSize } pageInfo { hasNextPage endCursor } } }",
                json!({ "after": after }),
                None,
            )
            .await
            .ok();
        let page = &r.data()["memberUnits"];
        sizes.extend(
            page["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["aboveDesignatedSize"].clone()),
        );
        if page["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(sizes.len(), 177);
    assert!(
        sizes.iter().all(Value::is_null),
        "every seeded member starts unknown"
    );

    let enterprises = app
        .post_graphql(
            "{ memberUnits(filter: { categories: [ENTERPRISE] }) { totalCount } }",
            json!({}),
            None,
        )
        .await
        .ok()
        .data()["memberUnits"]["totalCount"]
        .as_u64()
        .unwrap();
    let r = post_compliance(&app, &p.secretariat, 2026).await;
    assert_eq!(r["firms"], json!([]));
    let unknown = r["sizeUnknown"].as_array().unwrap();
    assert_eq!(unknown.len() as u64, enterprises);
    assert!(unknown.iter().all(|u| u["category"] == "ENTERPRISE"));

    // Recorded: FIRM_A above, FIRM_B not; FIRM_C stays unknown.
    let a = app.unit_id(FIRM_A).await;
    let b = app.unit_id(FIRM_B).await;
    let r = update_unit(
        &app,
        &p.secretariat,
        json!({ "id": a, "aboveDesignatedSize": true }),
    )
    .await;
    assert_eq!(r["memberUnit"]["aboveDesignatedSize"], true);
    let r = update_unit(
        &app,
        &p.secretariat,
        json!({ "id": b, "aboveDesignatedSize": false }),
    )
    .await;
    assert_eq!(r["memberUnit"]["aboveDesignatedSize"], false);
    let r = post_compliance(&app, &p.secretariat, 2026).await;
    assert_eq!(names(&r["firms"]), vec![FIRM_A]);
    let unknown = names(&r["sizeUnknown"]);
    assert_eq!(unknown.len() as u64, enterprises - 2);
    assert!(unknown.contains(&FIRM_C.to_owned()));
    assert!(
        !unknown.contains(&FIRM_B.to_owned()),
        "recorded not above: in neither list"
    );
    // null makes it unknown again; an absent field leaves it.
    let r = update_unit(
        &app,
        &p.secretariat,
        json!({ "id": a, "employeeCount": 10 }),
    )
    .await;
    assert_eq!(r["memberUnit"]["aboveDesignatedSize"], true);
    let r = update_unit(
        &app,
        &p.secretariat,
        json!({ "id": a, "aboveDesignatedSize": null }),
    )
    .await;
    assert_eq!(r["memberUnit"]["aboveDesignatedSize"], Value::Null);
    let r = post_compliance(&app, &p.secretariat, 2026).await;
    assert_eq!(r["firms"], json!([]));
    assert!(names(&r["sizeUnknown"]).contains(&FIRM_A.to_owned()));
    // The filter matches recorded values only.
    let listed = app
        .post_graphql(
            "{ off: memberUnits(filter: { aboveDesignatedSize: false }) { nodes { name } } on: memberUnits(filter: { aboveDesignatedSize: true }) { totalCount } }",
            json!({}),
            None,
        )
        .await
        .ok();
    assert_eq!(names(&listed.data()["off"]["nodes"]), vec![FIRM_B]);
    assert_eq!(listed.data()["on"]["totalCount"], 0);
    // A unit added without a size is of unknown size.
    let created = app
        .mutate(
            "createMemberUnit",
            "CreateMemberUnitInput",
            json!({ "name": "威海规模未知测试有限公司", "kind": "ENTERPRISE" }),
            "memberUnit { aboveDesignatedSize }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(created["memberUnit"]["aboveDesignatedSize"], Value::Null);
    // Only the secretariat reads the work list.
    let r = app
        .post_graphql(COMPLIANCE, json!({ "y": 2026 }), Some(&p.firm_a))
        .await;
    assert_eq!(r.error_codes(), vec!["FORBIDDEN"]);
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

/// A training company is no enterprise by kind and answers no firm's rule until the secretariat
/// marks it; then it answers all four, meets the one it has evidence for, is counted in the
/// committees' work list and in the 2% rule, and may declare internship posts.
async fn a_training_company_the_secretariat_marks_answers_the_firms_rules(app: TestApp) {
    let p = parties(&app).await;
    let trainer = app.unit_id(TRAINING_COMPANY).await;
    let standing = |token: String| {
        let app = &app;
        let trainer = trainer.clone();
        async move {
            app.post_graphql(
                "query($id: ID!) { memberUnit(id: $id) { kind carriesFirmCommitments compliance(year: 2026) { items { rule met } } } }",
                json!({ "id": trainer }),
                Some(&token),
            )
            .await
            .ok()
            .data()["memberUnit"]
                .clone()
        }
    };
    let work_list = |token: String| {
        let app = &app;
        async move {
            app.post_graphql(
                "{ allianceCompliance(year: 2026, filter: { search: \"华夏培训\" }) { rule applicable met } }",
                json!({}),
                Some(&token),
            )
            .await
            .ok()
            .data()["allianceCompliance"]
                .clone()
        }
    };

    let before = standing(p.secretariat.clone()).await;
    assert_eq!(before["kind"], "TRAINING_INSTITUTION");
    assert_eq!(before["carriesFirmCommitments"], false);
    assert_eq!(before["compliance"]["items"], json!([]));
    assert!(
        work_list(p.secretariat.clone())
            .await
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["applicable"] == 0)
    );
    let r = offer(
        &app,
        &p.secretariat,
        json!({ "unitId": trainer, "year": 2026, "posts": 2 }),
    )
    .await;
    assert_eq!(codes(&r), vec!["WRONG_HOST_KIND"], "not a firm yet");
    assert!(
        !names(&post_compliance(&app, &p.secretariat, 2026).await["sizeUnknown"])
            .contains(&TRAINING_COMPANY.to_owned())
    );

    // The secretariat marks it, and records its career mentor.
    let u = update_unit(
        &app,
        &p.secretariat,
        json!({ "id": trainer, "carriesFirmCommitments": true }),
    )
    .await;
    assert_eq!(u["memberUnit"]["carriesFirmCommitments"], true);
    let mentor = app
        .mutate(
            "setCareerMentor",
            "SetCareerMentorInput",
            json!({ "unitId": trainer, "name": "周经理", "title": "培训部经理", "qualification": "MANAGER" }),
            "careerMentor { id }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&mentor), Vec::<String>::new(), "{mentor}");

    let after = standing(p.secretariat.clone()).await;
    assert_eq!(
        after["compliance"]["items"],
        json!([
            { "rule": "SCHOOL_IN_FACTORY_BASE", "met": false },
            { "rule": "PRACTICE_STATION_WITH_POSTS", "met": false },
            { "rule": "CAREER_MENTOR", "met": true },
            { "rule": "CAMPUS_VISIT", "met": false }
        ])
    );
    let list = work_list(p.secretariat.clone()).await;
    let mentor_row = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "CAREER_MENTOR")
        .unwrap();
    assert_eq!(
        (mentor_row["applicable"].clone(), mentor_row["met"].clone()),
        (json!(1), json!(1))
    );
    // The 2% rule: listed among the firms of unknown size, and it may declare posts now.
    assert!(
        names(&post_compliance(&app, &p.secretariat, 2026).await["sizeUnknown"])
            .contains(&TRAINING_COMPANY.to_owned())
    );
    let r = offer(
        &app,
        &p.secretariat,
        json!({ "unitId": trainer, "year": 2026, "posts": 2 }),
    )
    .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
}
