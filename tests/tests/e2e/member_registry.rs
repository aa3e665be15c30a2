//! The member registry as anonymous callers and committees read it: all 177 annex members, their
//! kinds and districts, filters, search, paging, and global IDs.

use std::collections::HashSet;

use alliance_tests::{TestApp, annex_names, both_databases};
use entity::enums::AccountRole;
use serde_json::{Value, json};

const PAGE: &str = r#"
query($first: Int, $after: String, $last: Int, $before: String, $filter: MemberUnitFilter, $order: MemberUnitOrder) {
  memberUnits(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $order) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name listOrder kind category district } }
  }
}"#;

async fn all_units(app: &TestApp, filter: Value) -> Vec<Value> {
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let reply = app
            .post_graphql(
                PAGE,
                json!({ "first": 100, "after": after, "filter": filter }),
                None,
            )
            .await
            .ok();
        let conn = &reply.data()["memberUnits"];
        for edge in conn["edges"].as_array().unwrap() {
            out.push(edge["node"].clone());
        }
        if !conn["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            return out;
        }
        after = conn["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
}

fn names(units: &[Value]) -> Vec<String> {
    units
        .iter()
        .map(|u| u["name"].as_str().unwrap().to_owned())
        .collect()
}

both_databases!(
    names_sort_by_pinyin_on_both_databases_and_follow_every_rename,
    the_registry_holds_exactly_the_177_annex_members_in_annex_order,
    kinds_and_districts_follow_the_documented_name_rules,
    filters_select_by_kind_category_district_and_chinese_substring,
    paging_forward_and_backward_visits_every_member_once_in_every_order,
    bad_paging_arguments_are_bad_user_input,
    node_round_trips_every_type_and_rejects_unknown_and_malformed_ids,
    contact_details_are_hidden_from_anonymous_callers
);

async fn the_registry_holds_exactly_the_177_annex_members_in_annex_order(app: TestApp) {
    let units = all_units(&app, json!(null)).await;
    assert_eq!(units.len(), 177);
    let from_document = annex_names().unwrap_or_else(|| {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "shared/ must be beside the repo under CI"
        );
        seeds::member_units()
            .iter()
            .map(|u| u.name.to_owned())
            .collect()
    });
    assert_eq!(names(&units), from_document);
    let orders: Vec<i64> = units
        .iter()
        .map(|u| u["listOrder"].as_i64().unwrap())
        .collect();
    assert_eq!(orders, (1..=177).collect::<Vec<_>>());
}

async fn kinds_and_districts_follow_the_documented_name_rules(app: TestApp) {
    let units = all_units(&app, json!(null)).await;
    for unit in &units {
        let name = unit["name"].as_str().unwrap();
        let kind = seeds::rules::kind_from_name(name);
        assert_eq!(unit["kind"], json!(kind), "{name}");
        let district = seeds::rules::district_from_name(name);
        assert_eq!(unit["district"], json!(district), "{name}");
    }
    let by = |field: &str, value: &str| units.iter().filter(|u| u[field] == value).count();
    assert_eq!(by("kind", "TECHNICIAN_COLLEGE"), 2);
    assert_eq!(by("kind", "TRAINING_INSTITUTION"), 3);
    assert_eq!(by("kind", "HR_SERVICE_AGENCY"), 9);
    assert_eq!(by("kind", "PUBLIC_INSTITUTION"), 1);
    assert_eq!(by("category", "SCHOOL"), 20);
    let unit = |name: &str| units.iter().find(|u| u["name"] == name).unwrap().clone();
    assert_eq!(
        unit("威海市建筑职工培训学校")["kind"],
        "TRAINING_INSTITUTION"
    );
    assert_eq!(unit("威海市建筑职工培训学校")["category"], "OTHER");
    assert_eq!(unit("荣成市妇幼保健院")["kind"], "PUBLIC_INSTITUTION");
    assert_eq!(unit("三星重工业（荣成）有限公司")["district"], "RONGCHENG");
    assert_eq!(unit("威海技师学院")["district"], Value::Null);
    assert_eq!(unit("威高集团股份有限公司")["district"], Value::Null);
}

async fn filters_select_by_kind_category_district_and_chinese_substring(app: TestApp) {
    let count = |filter: Value| {
        let app = &app;
        async move {
            app.post_graphql(PAGE, json!({ "first": 1, "filter": filter }), None)
                .await
                .ok()
                .data()["memberUnits"]["totalCount"]
                .as_i64()
                .unwrap()
        }
    };
    assert_eq!(count(json!({ "kinds": ["TECHNICIAN_COLLEGE"] })).await, 2);
    assert_eq!(
        count(json!({ "kinds": ["TECHNICIAN_COLLEGE", "TECHNICAL_SCHOOL"] })).await,
        5
    );
    assert_eq!(count(json!({ "categories": ["SCHOOL"] })).await, 20);
    assert_eq!(count(json!({ "districts": ["RUSHAN"] })).await, 8);
    assert_eq!(count(json!({ "districts": ["HUANCUI"] })).await, 0);
    let with_district = count(json!({ "hasDistrict": true })).await;
    assert_eq!(
        with_district + count(json!({ "hasDistrict": false })).await,
        177
    );
    assert_eq!(
        count(json!({ "categories": ["SCHOOL"], "districts": ["WENDENG"] })).await,
        3
    );

    let rongcheng = all_units(&app, json!({ "search": "荣成" })).await;
    assert_eq!(rongcheng.len(), 13);
    assert!(names(&rongcheng).iter().all(|n| n.contains("荣成")));
    let weigao = all_units(&app, json!({ "search": " 威高 " })).await;
    assert!(!weigao.is_empty());
    assert!(names(&weigao).iter().all(|n| n.contains("威高")));
    // LIKE wildcards in the term are matched literally.
    assert_eq!(count(json!({ "search": "%" })).await, 0);
    assert_eq!(count(json!({ "search": "_" })).await, 0);
    assert_eq!(count(json!({ "search": "" })).await, 177);
}

async fn paging_forward_and_backward_visits_every_member_once_in_every_order(app: TestApp) {
    for order in [
        json!({ "field": "LIST_ORDER", "direction": "ASC" }),
        json!({ "field": "NAME", "direction": "DESC" }),
        json!({ "field": "UPDATED_AT", "direction": "ASC" }),
    ] {
        let mut forward = Vec::new();
        let mut after: Option<String> = None;
        let mut pages = 0;
        loop {
            let reply = app
                .post_graphql(
                    PAGE,
                    json!({ "first": 7, "after": after, "order": order }),
                    None,
                )
                .await
                .ok();
            let conn = reply.data()["memberUnits"].clone();
            assert_eq!(conn["totalCount"], 177);
            assert_eq!(conn["pageInfo"]["hasPreviousPage"], json!(pages > 0));
            for edge in conn["edges"].as_array().unwrap() {
                forward.push(edge["node"]["id"].as_str().unwrap().to_owned());
            }
            pages += 1;
            if !conn["pageInfo"]["hasNextPage"].as_bool().unwrap() {
                break;
            }
            after = conn["pageInfo"]["endCursor"].as_str().map(str::to_owned);
        }
        assert_eq!(pages, 26, "{order}");
        assert_eq!(forward.len(), 177);
        assert_eq!(forward.iter().collect::<HashSet<_>>().len(), 177);

        let mut backward = Vec::new();
        let mut before: Option<String> = None;
        loop {
            let reply = app
                .post_graphql(
                    PAGE,
                    json!({ "last": 7, "before": before, "order": order }),
                    None,
                )
                .await
                .ok();
            let conn = reply.data()["memberUnits"].clone();
            let ids: Vec<String> = conn["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
                .collect();
            backward.splice(0..0, ids);
            if !conn["pageInfo"]["hasPreviousPage"].as_bool().unwrap() {
                break;
            }
            before = conn["pageInfo"]["startCursor"].as_str().map(str::to_owned);
        }
        assert_eq!(
            backward, forward,
            "backward paging mirrors forward for {order}"
        );
    }
    // The page size is clamped to 100, and the order is the annex order by default.
    let reply = app
        .post_graphql(PAGE, json!({ "first": 1000 }), None)
        .await
        .ok();
    let edges = reply.data()["memberUnits"]["edges"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(edges.len(), 100);
    assert_eq!(edges[0]["node"]["name"], "威海技师学院");
    let reply = app
        .post_graphql(PAGE, json!({ "first": 0 }), None)
        .await
        .ok();
    assert_eq!(
        reply.data()["memberUnits"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

async fn bad_paging_arguments_are_bad_user_input(app: TestApp) {
    for vars in [
        json!({ "first": -1 }),
        json!({ "first": 5, "last": 5 }),
        json!({ "first": 5, "after": "not-a-cursor" }),
    ] {
        let reply = app.post_graphql(PAGE, vars.clone(), None).await;
        assert_eq!(reply.error_codes(), vec!["BAD_USER_INPUT"], "{vars}");
    }
    // A cursor of one ordering is refused by another.
    let reply = app
        .post_graphql(PAGE, json!({ "first": 1 }), None)
        .await
        .ok();
    let cursor = reply.data()["memberUnits"]["pageInfo"]["endCursor"].clone();
    let reply = app
        .post_graphql(
            PAGE,
            json!({ "first": 1, "after": cursor, "order": { "field": "NAME" } }),
            None,
        )
        .await;
    assert_eq!(reply.error_codes(), vec!["BAD_USER_INPUT"]);
}

async fn node_round_trips_every_type_and_rejects_unknown_and_malformed_ids(app: TestApp) {
    let token = app.secretariat().await;
    let reply = app
        .post_graphql(
            "{ alliance { id name foundedOn memberUnitCount } memberUnits(first: 1) { nodes { id } } committees(first: 1) { nodes { id } } viewer { id } }",
            json!({}),
            Some(&token),
        )
        .await
        .ok();
    let data = reply.data();
    assert_eq!(data["alliance"]["name"], "威海市技工教育集团（联盟）");
    assert_eq!(data["alliance"]["foundedOn"], "2026-07-01");
    assert_eq!(data["alliance"]["memberUnitCount"], 177);
    let ids = [
        (data["alliance"]["id"].clone(), "Alliance"),
        (data["memberUnits"]["nodes"][0]["id"].clone(), "MemberUnit"),
        (data["committees"]["nodes"][0]["id"].clone(), "Committee"),
        (data["viewer"]["id"].clone(), "Account"),
    ];
    for (id, type_name) in &ids {
        let reply = app
            .post_graphql(
                "query($id: ID!) { node(id: $id) { __typename id } }",
                json!({ "id": id }),
                Some(&token),
            )
            .await
            .ok();
        assert_eq!(reply.data()["node"]["__typename"], *type_name);
        assert_eq!(&reply.data()["node"]["id"], id);
    }
    let all: Vec<Value> = ids.iter().map(|(id, _)| id.clone()).collect();
    let reply = app
        .post_graphql(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }",
            json!({ "ids": all }),
            Some(&token),
        )
        .await
        .ok();
    let got: Vec<Value> = reply.data()["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].clone())
        .collect();
    assert_eq!(got, all);

    // Another caller's account is not found by anonymous callers.
    let account_id = ids[3].0.clone();
    let reply = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": account_id }),
            None,
        )
        .await;
    assert_eq!(reply.error_codes(), vec!["NOT_FOUND"]);

    use base64::Engine;
    let unknown = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(format!("MemberUnit:{}", uuid::Uuid::now_v7()));
    for (id, code) in [
        (unknown.as_str(), "NOT_FOUND"),
        ("%%%", "BAD_USER_INPUT"),
        ("TWVtYmVy", "BAD_USER_INPUT"),
    ] {
        let reply = app
            .post_graphql(
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": id }),
                None,
            )
            .await;
        assert_eq!(reply.error_codes(), vec![code], "{id}");
        let reply = app
            .post_graphql(
                "query($id: ID!) { memberUnit(id: $id) { id } }",
                json!({ "id": id }),
                None,
            )
            .await;
        assert_eq!(reply.error_codes(), vec![code], "{id}");
    }
    // An ID of another type is not a member unit.
    let reply = app
        .post_graphql(
            "query($id: ID!) { memberUnit(id: $id) { id } }",
            json!({ "id": ids[2].0 }),
            None,
        )
        .await;
    assert_eq!(reply.error_codes(), vec!["NOT_FOUND"]);
}

async fn contact_details_are_hidden_from_anonymous_callers(app: TestApp) {
    let token = app.secretariat().await;
    let id = app.unit_id("威海技师学院").await;
    app.post_graphql(
        r#"mutation($id: ID!) { updateMemberUnit(input: {id: $id, contactPerson: "王老师", contactPhone: "0631-1234567", address: "威海市"}) { userErrors { code } } }"#,
        json!({ "id": id }),
        Some(&token),
    )
    .await
    .ok();
    let query =
        "query($id: ID!) { memberUnit(id: $id) { name contactPerson contactPhone address } }";
    let reply = app.post_graphql(query, json!({ "id": id }), None).await;
    assert_eq!(reply.error_codes(), vec!["UNAUTHENTICATED"; 3]);
    assert!(reply.body.to_string().find("0631-1234567").is_none());
    let school = app
        .account_token(
            "staff@school.example.org",
            AccountRole::SchoolStaff,
            Some("威海市文登技师学院"),
        )
        .await;
    let reply = app
        .post_graphql(query, json!({ "id": id }), Some(&school))
        .await
        .ok();
    assert_eq!(reply.data()["memberUnit"]["contactPhone"], "0631-1234567");
    assert_eq!(reply.data()["memberUnit"]["contactPerson"], "王老师");
}

/// Every member unit's name, in `memberUnits(orderBy: {field: NAME, direction: ASC})` order.
async fn names_by_name(app: &TestApp) -> Vec<String> {
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let reply = app
            .post_graphql(
                "query($after: String) { memberUnits(first: 100, after: $after, orderBy: {field: NAME, direction: ASC}) { pageInfo { hasNextPage endCursor } nodes { name } } }",
                json!({ "after": after }),
                None,
            )
            .await
            .ok();
        let conn = &reply.data()["memberUnits"];
        out.extend(names(conn["nodes"].as_array().unwrap()));
        if !conn["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            return out;
        }
        after = conn["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
}

async fn names_sort_by_pinyin_on_both_databases_and_follow_every_rename(app: TestApp) {
    let sorted = names_by_name(&app).await;
    assert_eq!(sorted.len(), 177);
    // What a Chinese reader expects: 荣成 (rong2) and 乳山 (ru3) before 威海 (wei1), 文登 (wen2)
    // after 威海; by code point 乳 (U+4E73) would lead and 荣 (U+8363) would trail 威 (U+5A01).
    let first = |prefix: &str| sorted.iter().position(|n| n.starts_with(prefix)).unwrap();
    let last = |prefix: &str| sorted.iter().rposition(|n| n.starts_with(prefix)).unwrap();
    assert!(last("荣成") < first("乳山"), "{sorted:?}");
    assert!(last("乳山") < first("威海"), "{sorted:?}");
    assert!(last("威海") < first("文登"), "{sorted:?}");
    let mut by_code_point = sorted.clone();
    by_code_point.sort();
    assert_ne!(sorted, by_code_point);
    // Each adjacent pair is in pinyin order, the key read independently of the database.
    for pair in sorted.windows(2) {
        assert!(
            entity::sort_key::name_sort_key(&pair[0]) < entity::sort_key::name_sort_key(&pair[1]),
            "{pair:?}"
        );
    }
    // The key follows a new unit and a rename.
    let token = app.secretariat().await;
    let created = app
        .post_graphql(
            r#"mutation { createMemberUnit(input: {name: "阿尔法测试企业", kind: ENTERPRISE}) { memberUnit { id } userErrors { code } } }"#,
            json!({}),
            Some(&token),
        )
        .await
        .ok();
    let id = created.data()["createMemberUnit"]["memberUnit"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(names_by_name(&app).await[0], "阿尔法测试企业");
    let renamed = app
        .post_graphql(
            r#"mutation($id: ID!) { updateMemberUnit(input: {id: $id, name: "最后测试企业"}) { userErrors { code } } }"#,
            json!({ "id": id }),
            Some(&token),
        )
        .await
        .ok();
    assert_eq!(renamed.data()["updateMemberUnit"]["userErrors"], json!([]));
    let after_rename = names_by_name(&app).await;
    assert_eq!(after_rename.len(), 178);
    // zui4 hou4: after every 中 (zhong1) name, and no longer first.
    let at = after_rename
        .iter()
        .position(|n| n == "最后测试企业")
        .unwrap();
    assert!(
        at > 0
            && at
                > after_rename
                    .iter()
                    .rposition(|n| n.starts_with('中'))
                    .unwrap()
    );
    for pair in after_rename.windows(2) {
        assert!(
            entity::sort_key::name_sort_key(&pair[0]) < entity::sort_key::name_sort_key(&pair[1]),
            "{pair:?}"
        );
    }
}
