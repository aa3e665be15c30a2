//! The secretariat maintains the registry: member units and committee seats. Bad input comes back
//! as typed `userErrors` and writes nothing.

use alliance_tests::{TestApp, both_databases};
use entity::enums::AccountRole;
use serde_json::{Value, json};

const CREATE: &str = r#"mutation($input: CreateMemberUnitInput!) {
  createMemberUnit(input: $input) {
    memberUnit { id name listOrder kind category district uscc employeeCount aboveDesignatedSize councilRole contactPhone }
    userErrors { field code message }
  }
}"#;

const UPDATE: &str = r#"mutation($input: UpdateMemberUnitInput!) {
  updateMemberUnit(input: $input) {
    memberUnit { id name kind category district uscc employeeCount councilRole contactPhone updatedAt }
    userErrors { field code message }
  }
}"#;

const UNIT: &str = "query($id: ID!) { memberUnit(id: $id) { name kind district uscc employeeCount contactPhone updatedAt } }";

fn codes(payload: &Value) -> Vec<(String, String)> {
    payload["userErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_array().map_or(String::new(), |f| {
                    f.iter()
                        .map(|s| s.as_str().unwrap())
                        .collect::<Vec<_>>()
                        .join(".")
                }),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn total(app: &TestApp) -> i64 {
    app.post_graphql("{ memberUnits { totalCount } }", json!({}), None)
        .await
        .ok()
        .data()["memberUnits"]["totalCount"]
        .as_i64()
        .unwrap()
}

async fn unit(app: &TestApp, id: &str, token: &str) -> Value {
    app.post_graphql(UNIT, json!({ "id": id }), Some(token))
        .await
        .ok()
        .data()["memberUnit"]
        .clone()
}

both_databases!(
    the_secretariat_adds_a_member_unit_at_the_end_of_the_list,
    invalid_credit_code_negative_staff_and_duplicate_name_are_user_errors_and_write_nothing,
    a_credit_code_is_unique_across_units,
    an_update_changes_given_fields_clears_nulls_and_keeps_the_rest,
    a_school_with_staff_accounts_cannot_become_an_enterprise,
    unknown_and_malformed_ids_in_input_are_user_errors,
    committee_seats_are_set_changed_listed_and_removed,
    seeding_again_inserts_nothing_and_keeps_the_secretariats_edits
);

async fn the_secretariat_adds_a_member_unit_at_the_end_of_the_list(app: TestApp) {
    let token = app.secretariat().await;
    let reply = app
        .post_graphql(
            CREATE,
            json!({ "input": {
                "name": "  威海新材料测试有限公司 ", "kind": "HR_SERVICE_AGENCY", "district": "HUANCUI",
                "uscc": "91350100m000100y43", "employeeCount": 1200, "aboveDesignatedSize": true,
                "councilRole": "MEMBER", "contactPhone": "0631-5800000 转 8"
            } }),
            Some(&token),
        )
        .await
        .ok();
    let payload = &reply.data()["createMemberUnit"];
    assert_eq!(codes(payload), vec![]);
    let created = &payload["memberUnit"];
    assert_eq!(created["name"], "威海新材料测试有限公司");
    assert_eq!(created["listOrder"], 178);
    assert_eq!(created["category"], "ENTERPRISE");
    assert_eq!(created["uscc"], "91350100M000100Y43");
    assert_eq!(created["aboveDesignatedSize"], true);
    assert_eq!(total(&app).await, 178);
}

async fn invalid_credit_code_negative_staff_and_duplicate_name_are_user_errors_and_write_nothing(
    app: TestApp,
) {
    let token = app.secretariat().await;
    let cases = [
        (
            json!({ "name": "甲公司", "kind": "ENTERPRISE", "uscc": "91350100M000100Y44" }),
            ("input.uscc", "INVALID_CREDIT_CODE"),
        ),
        (
            json!({ "name": "甲公司", "kind": "ENTERPRISE", "uscc": "9135" }),
            ("input.uscc", "INVALID_CREDIT_CODE"),
        ),
        (
            json!({ "name": "甲公司", "kind": "ENTERPRISE", "employeeCount": -1 }),
            ("input.employeeCount", "MUST_BE_NON_NEGATIVE"),
        ),
        (
            json!({ "name": "威海技师学院", "kind": "TECHNICIAN_COLLEGE" }),
            ("input.name", "TAKEN"),
        ),
        (
            json!({ "name": "   ", "kind": "ENTERPRISE" }),
            ("input.name", "BLANK"),
        ),
        (
            json!({ "name": "甲".repeat(201), "kind": "ENTERPRISE" }),
            ("input.name", "TOO_LONG"),
        ),
        (
            json!({ "name": "甲公司", "kind": "ENTERPRISE", "contactPhone": "call me" }),
            ("input.contactPhone", "INVALID"),
        ),
    ];
    for (input, (field, code)) in cases {
        let reply = app
            .post_graphql(CREATE, json!({ "input": input }), Some(&token))
            .await
            .ok();
        let payload = &reply.data()["createMemberUnit"];
        assert_eq!(payload["memberUnit"], Value::Null, "{input}");
        assert_eq!(
            codes(payload),
            vec![(field.to_owned(), code.to_owned())],
            "{input}"
        );
    }
    assert_eq!(total(&app).await, 177);

    // Several faults are all reported at once, and an update that fails changes nothing.
    let id = app.unit_id("威海技师学院").await;
    let before = unit(&app, &id, &token).await;
    let reply = app
        .post_graphql(
            UPDATE,
            json!({ "input": { "id": id, "name": "威海市文登技师学院", "uscc": "123", "employeeCount": -5, "district": "HUANCUI" } }),
            Some(&token),
        )
        .await
        .ok();
    let payload = &reply.data()["updateMemberUnit"];
    let mut got = codes(payload);
    got.sort();
    assert_eq!(
        got,
        vec![
            (
                "input.employeeCount".to_owned(),
                "MUST_BE_NON_NEGATIVE".to_owned()
            ),
            ("input.uscc".to_owned(), "INVALID_CREDIT_CODE".to_owned()),
        ]
    );
    let reply = app
        .post_graphql(
            UPDATE,
            json!({ "input": { "id": id, "name": "威海市文登技师学院", "district": "HUANCUI" } }),
            Some(&token),
        )
        .await
        .ok();
    assert_eq!(
        codes(&reply.data()["updateMemberUnit"]),
        vec![("input.name".to_owned(), "TAKEN".to_owned())]
    );
    assert_eq!(unit(&app, &id, &token).await, before);
}

async fn a_credit_code_is_unique_across_units(app: TestApp) {
    let token = app.secretariat().await;
    let a = app.unit_id("威高集团股份有限公司").await;
    let b = app.unit_id("山东联桥集团有限公司").await;
    let set = |id: String| json!({ "input": { "id": id, "uscc": "91350100M000100Y43" } });
    let reply = app
        .post_graphql(UPDATE, set(a.clone()), Some(&token))
        .await
        .ok();
    assert_eq!(codes(&reply.data()["updateMemberUnit"]), vec![]);
    let reply = app
        .post_graphql(UPDATE, set(b.clone()), Some(&token))
        .await
        .ok();
    assert_eq!(
        codes(&reply.data()["updateMemberUnit"]),
        vec![("input.uscc".to_owned(), "TAKEN".to_owned())]
    );
    // Setting a unit's own code again is not a conflict.
    let reply = app.post_graphql(UPDATE, set(a), Some(&token)).await.ok();
    assert_eq!(codes(&reply.data()["updateMemberUnit"]), vec![]);
}

async fn an_update_changes_given_fields_clears_nulls_and_keeps_the_rest(app: TestApp) {
    let token = app.secretariat().await;
    let id = app.unit_id("威海天力电源科技有限公司").await;
    let reply = app
        .post_graphql(
            UPDATE,
            json!({ "input": { "id": id, "district": "HUANCUI", "employeeCount": 300, "contactPhone": "13800000000", "councilRole": "STANDING_MEMBER" } }),
            Some(&token),
        )
        .await
        .ok();
    let first = reply.data()["updateMemberUnit"]["memberUnit"].clone();
    assert_eq!(first["district"], "HUANCUI");
    assert_eq!(first["councilRole"], "STANDING_MEMBER");
    let reply = app
        .post_graphql(
            UPDATE,
            json!({ "input": { "id": id, "district": null, "kind": "HR_SERVICE_AGENCY" } }),
            Some(&token),
        )
        .await
        .ok();
    let second = reply.data()["updateMemberUnit"]["memberUnit"].clone();
    assert_eq!(second["district"], Value::Null);
    assert_eq!(second["kind"], "HR_SERVICE_AGENCY");
    assert_eq!(second["employeeCount"], 300);
    assert_eq!(second["contactPhone"], "13800000000");
    assert_eq!(second["councilRole"], "STANDING_MEMBER");
    assert!(second["updatedAt"].as_str().unwrap() >= first["updatedAt"].as_str().unwrap());
    assert_eq!(unit(&app, &id, &token).await["kind"], "HR_SERVICE_AGENCY");
}

async fn a_school_with_staff_accounts_cannot_become_an_enterprise(app: TestApp) {
    let token = app.secretariat().await;
    app.account_token(
        "t@school.example.org",
        AccountRole::SchoolStaff,
        Some("威海技师学院"),
    )
    .await;
    let id = app.unit_id("威海技师学院").await;
    let reply = app
        .post_graphql(
            UPDATE,
            json!({ "input": { "id": id, "kind": "ENTERPRISE" } }),
            Some(&token),
        )
        .await
        .ok();
    assert_eq!(
        codes(&reply.data()["updateMemberUnit"]),
        vec![(
            "input.kind".to_owned(),
            "KIND_CONFLICTS_WITH_ACCOUNTS".to_owned()
        )]
    );
    // Within the school category the kind may change.
    let reply = app
        .post_graphql(
            UPDATE,
            json!({ "input": { "id": id, "kind": "SENIOR_TECHNICAL_SCHOOL" } }),
            Some(&token),
        )
        .await
        .ok();
    assert_eq!(codes(&reply.data()["updateMemberUnit"]), vec![]);
}

async fn unknown_and_malformed_ids_in_input_are_user_errors(app: TestApp) {
    let token = app.secretariat().await;
    use base64::Engine;
    let unknown = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(format!("MemberUnit:{}", uuid::Uuid::now_v7()));
    let reply = app
        .post_graphql(
            UPDATE,
            json!({ "input": { "id": unknown, "employeeCount": 1 } }),
            Some(&token),
        )
        .await
        .ok();
    assert_eq!(
        codes(&reply.data()["updateMemberUnit"]),
        vec![("input.id".to_owned(), "NOT_FOUND".to_owned())]
    );
    let reply = app
        .post_graphql(
            UPDATE,
            json!({ "input": { "id": "garbage", "employeeCount": 1 } }),
            Some(&token),
        )
        .await
        .ok();
    assert_eq!(
        codes(&reply.data()["updateMemberUnit"]),
        vec![("input.id".to_owned(), "INVALID".to_owned())]
    );
}

async fn committee_seats_are_set_changed_listed_and_removed(app: TestApp) {
    let token = app.secretariat().await;
    let council = app.committee_id("理事会").await;
    let college = app.unit_id("威海技师学院").await;
    let firm = app.unit_id("威高集团股份有限公司").await;
    let set = r#"mutation($c: ID!, $u: ID!, $r: CommitteeRole!) {
            setCommitteeMembership(input: {committeeId: $c, memberUnitId: $u, role: $r}) {
              seat { role } committee { name } memberUnit { name } userErrors { field code }
            } }"#;
    for (unit, role) in [(&firm, "MEMBER"), (&college, "DEPUTY"), (&college, "CHAIR")] {
        let reply = app
            .post_graphql(
                set,
                json!({ "c": council, "u": unit, "r": role }),
                Some(&token),
            )
            .await
            .ok();
        assert_eq!(reply.data()["setCommitteeMembership"]["seat"]["role"], role);
    }
    let reply = app
        .post_graphql(
            "query($c: ID!) { committee(id: $c) { name members { totalCount edges { role node { name } } } } }",
            json!({ "c": council }),
            None,
        )
        .await
        .ok();
    assert_eq!(
        reply.data()["committee"]["members"],
        json!({ "totalCount": 2, "edges": [
            { "role": "CHAIR", "node": { "name": "威海技师学院" } },
            { "role": "MEMBER", "node": { "name": "威高集团股份有限公司" } },
        ] })
    );
    let reply = app
        .post_graphql(
            "query($u: ID!) { memberUnit(id: $u) { committees { totalCount edges { role node { name kind } } } } }",
            json!({ "u": college }),
            None,
        )
        .await
        .ok();
    assert_eq!(
        reply.data()["memberUnit"]["committees"],
        json!({ "totalCount": 1, "edges": [{ "role": "CHAIR", "node": { "name": "理事会", "kind": "COUNCIL" } }] })
    );
    let remove = r#"mutation($c: ID!, $u: ID!) { removeCommitteeMembership(input: {committeeId: $c, memberUnitId: $u}) { memberUnit { name } userErrors { field code } } }"#;
    let reply = app
        .post_graphql(remove, json!({ "c": council, "u": college }), Some(&token))
        .await
        .ok();
    assert_eq!(codes(&reply.data()["removeCommitteeMembership"]), vec![]);
    let reply = app
        .post_graphql(remove, json!({ "c": council, "u": college }), Some(&token))
        .await
        .ok();
    assert_eq!(
        codes(&reply.data()["removeCommitteeMembership"]),
        vec![(
            "input.memberUnitId".to_owned(),
            "NOT_A_COMMITTEE_MEMBER".to_owned()
        )]
    );
    // IDs of the wrong type are NOT_FOUND on their field.
    let reply = app
        .post_graphql(
            set,
            json!({ "c": college, "u": council, "r": "MEMBER" }),
            Some(&token),
        )
        .await
        .ok();
    assert_eq!(
        codes(&reply.data()["setCommitteeMembership"]),
        vec![
            ("input.committeeId".to_owned(), "NOT_FOUND".to_owned()),
            ("input.memberUnitId".to_owned(), "NOT_FOUND".to_owned()),
        ]
    );
}

async fn seeding_again_inserts_nothing_and_keeps_the_secretariats_edits(app: TestApp) {
    let token = app.secretariat().await;
    let id = app.unit_id("威海技师学院").await;
    app.post_graphql(
        UPDATE,
        json!({ "input": { "id": id, "name": "威海技师学院（更名）", "district": "HUANCUI", "employeeCount": 900 } }),
        Some(&token),
    )
    .await
    .ok();
    let report = seeds::load(&app.db).await.unwrap();
    assert_eq!(report, seeds::SeedReport::default());
    let report = seeds::load(&app.db).await.unwrap();
    assert_eq!(report, seeds::SeedReport::default());
    assert_eq!(total(&app).await, 177);
    let edited = unit(&app, &id, &token).await;
    assert_eq!(edited["name"], "威海技师学院（更名）");
    assert_eq!(edited["district"], "HUANCUI");
    assert_eq!(edited["employeeCount"], 900);
    let reply = app
        .post_graphql(
            "{ committees { totalCount } alliance { name } }",
            json!({}),
            None,
        )
        .await
        .ok();
    assert_eq!(reply.data()["committees"]["totalCount"], 8);
}
