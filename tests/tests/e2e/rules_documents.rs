//! Rules as the documents say them: a placement names the training site it takes place in
//! (Founding notice 二(一)3: students intern at their firm's school-in-factory base).

use alliance_tests::{TestApp, both_databases, codes};
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, FIRM_B, SCHOOL, SCHOOL_2, parties};
use crate::placements::{csv, good, placement_row, student};

both_databases!(
    a_placement_names_a_training_site_of_its_school_or_host,
    an_imported_placement_names_its_training_site_by_id
);

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
