//! Hostile input: what an attacker sends must be refused with a typed error, and never stop the
//! process, cost unbounded memory, read what the caller may not see or write for another unit.

use alliance_tests::{Backend, TestApp, both_databases, spawn_app};
use futures_util::SinkExt;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::fixtures::{FIRM_A, FIRM_B, parties};
use crate::subscriptions::{connect, next_json};

/// `{ nodes(ids: [[[…"x"…]]]) { __typename } }`, `levels` deep.
fn nested_list(levels: usize) -> String {
    format!(
        "{{ nodes(ids: {}\"x\"{}) {{ __typename }} }}",
        "[".repeat(levels),
        "]".repeat(levels)
    )
}

/// An object literal `levels` deep in an argument.
fn nested_object(levels: usize) -> String {
    format!(
        "{{ memberUnits(filter: {}{{search: \"x\"}}{}) {{ totalCount }} }}",
        "{kinds: [SCHOOL], search: ".repeat(levels),
        "}".repeat(levels)
    )
}

async fn still_serves(app: &TestApp) {
    let reply = app
        .post_graphql("{ memberUnits { totalCount } }", json!({}), None)
        .await
        .ok();
    assert_eq!(reply.data()["memberUnits"]["totalCount"], 177);
}

fn refused_as_too_deep(body: &Value) {
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{body}"
    );
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("deeper than 64"),
        "{body}"
    );
    assert!(body.get("data").is_none_or(Value::is_null), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_nested_thousands_deep_are_refused_on_every_transport() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    // POST: a list value and an object value nested past the parser's stack.
    for document in [nested_list(1_750), nested_object(2_000), nested_list(65)] {
        let reply = app.post_graphql(&document, json!({}), None).await;
        refused_as_too_deep(&reply.body);
        still_serves(&app).await;
    }
    // A selection set nested as deep.
    let selections = format!("{}{}", "{ alliance ".repeat(3_000), "}".repeat(3_000));
    refused_as_too_deep(&app.post_graphql(&selections, json!({}), None).await.body);
    // 50,001 tokens.
    let long = format!("{{ __typename }} {}", "!".repeat(50_000));
    let body: Value = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": long }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("50000 tokens")
    );

    // GET.
    let body: Value = app
        .client
        .get(app.graphql_url())
        .query(&[("query", nested_list(1_750))])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    refused_as_too_deep(&body);

    // Multipart (an upload request whose operations nest too deep).
    let token = app.secretariat().await;
    let operations = json!({ "query": format!("mutation($file: Upload!) {{ importStudents(file: $file) {{ rowsRead }} }} {}", nested_list(1_750)), "variables": { "file": null } });
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", json!({ "0": ["variables.file"] }).to_string())
        .part(
            "0",
            reqwest::multipart::Part::bytes(b"a,b\n".to_vec()).file_name("s.csv"),
        );
    let body: Value = app
        .client
        .post(app.graphql_url())
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    refused_as_too_deep(&body);

    // WebSocket.
    let mut socket = connect(
        &app.graphql_url(),
        json!({ "Authorization": format!("Bearer {token}") }),
    )
    .await;
    assert_eq!(
        next_json(&mut socket).await.unwrap()["type"],
        "connection_ack"
    );
    let deep_subscription = format!(
        "subscription {{ orderClassDemandChanged {{ kind }} }} query Q {}",
        &nested_list(1_750)[1..]
    );
    socket
        .send(Message::text(
            json!({ "id": "1", "type": "subscribe", "payload": { "query": deep_subscription } })
                .to_string(),
        ))
        .await
        .unwrap();
    let reply = next_json(&mut socket).await.unwrap();
    assert_eq!(reply["type"], "next", "{reply}");
    refused_as_too_deep(&reply["payload"]);
    still_serves(&app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deeply_nested_variables_and_fragment_chains_are_refused() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    // Variables nested past serde_json's recursion limit: not JSON the server accepts.
    let mut value = json!("x");
    for _ in 0..100 {
        value = json!([value]);
    }
    let nested = format!(
        "{{\"query\": \"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ __typename }} }}\", \"variables\": {{\"ids\": {}\"x\"{}}}}}",
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    let response = app
        .client
        .post(app.graphql_url())
        .header("content-type", "application/json")
        .body(nested)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    // A list variable 100 deep is a coercion error, not a crash.
    let reply = app
        .post_graphql(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }",
            json!({ "ids": value }),
            None,
        )
        .await;
    assert_eq!(reply.error_codes(), ["BAD_USER_INPUT"]);
    // A chain of 2,000 fragments, each spreading the next.
    let mut document = String::from("{ ...F0 }\n");
    for i in 0..2_000 {
        document.push_str(&format!(
            "fragment F{i} on Query {{ __typename ...F{} }}\n",
            i + 1
        ));
    }
    document.push_str("fragment F2000 on Query { __typename }\n");
    let reply = app.post_graphql(&document, json!({}), None).await;
    assert_eq!(reply.error_codes(), ["BAD_USER_INPUT"], "{}", reply.body);
    // A fragment cycle.
    let reply = app
        .post_graphql(
            "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
            json!({}),
            None,
        )
        .await;
    assert_eq!(reply.error_codes(), ["BAD_USER_INPUT"]);
    still_serves(&app).await;
}

both_databases!(demand_filters_narrow_the_callers_scope_for_every_role);

/// A demand of the scope test: who posts it, whether it is published, and what the filters match.
struct Demand {
    firm: &'static str,
    published: bool,
    specialty: &'static str,
    district: &'static str,
    year: i32,
    term: &'static str,
}

async fn demand_filters_narrow_the_callers_scope_for_every_role(app: TestApp) {
    let p = parties(&app).await;
    let demands = [
        Demand {
            firm: "A",
            published: false,
            specialty: "数控甲",
            district: "HUANCUI",
            year: 2027,
            term: "AUTUMN",
        },
        Demand {
            firm: "A",
            published: true,
            specialty: "焊接",
            district: "WENDENG",
            year: 2028,
            term: "SPRING",
        },
        Demand {
            firm: "B",
            published: false,
            specialty: "数控乙",
            district: "HUANCUI",
            year: 2027,
            term: "SPRING",
        },
        Demand {
            firm: "B",
            published: true,
            specialty: "电工",
            district: "WENDENG",
            year: 2027,
            term: "AUTUMN",
        },
    ];
    let mut ids = Vec::new();
    for d in &demands {
        let token = if d.firm == "A" { &p.firm_a } else { &p.firm_b };
        let created = app
            .mutate(
                "createOrderClassDemand",
                "CreateOrderClassDemandInput",
                json!({ "specialtyName": d.specialty, "headcount": 10, "startYear": d.year, "startTerm": d.term, "workDistrict": d.district, "payMin": 4000, "payMax": 5000, "description": "内部说明" }),
                "orderClassDemand { id }",
                Some(token),
            )
            .await;
        let id = created["orderClassDemand"]["id"]
            .as_str()
            .expect("created")
            .to_owned();
        if d.published {
            let published = app
                .mutate(
                    "publishOrderClassDemand",
                    "OrderClassDemandIdInput",
                    json!({ "id": id }),
                    "orderClassDemand { status }",
                    Some(token),
                )
                .await;
            assert_eq!(
                published["orderClassDemand"]["status"], "OPEN",
                "{published}"
            );
        }
        ids.push(id);
    }
    let firm_a_id = app.unit_id(FIRM_A).await;
    let firm_b_id = app.unit_id(FIRM_B).await;

    type Sees = fn(&Demand) -> bool;
    let roles: [(&str, Option<&str>, Sees); 5] = [
        ("anonymous", None, |_| false),
        ("firm A", Some(&p.firm_a), |d| d.published || d.firm == "A"),
        ("firm B", Some(&p.firm_b), |d| d.published || d.firm == "B"),
        ("school", Some(&p.school), |d| d.published),
        ("secretariat", Some(&p.secretariat), |_| true),
    ];
    type Matches = Box<dyn Fn(&Demand) -> bool>;
    let filters: Vec<(Value, Matches)> = vec![
        (json!({}), Box::new(|_| true)),
        (json!({ "statuses": ["DRAFT"] }), Box::new(|d| !d.published)),
        (json!({ "statuses": ["OPEN"] }), Box::new(|d| d.published)),
        (
            json!({ "specialtySearch": "数控" }),
            Box::new(|d| d.specialty.starts_with("数控")),
        ),
        (
            json!({ "enterpriseIds": [firm_a_id] }),
            Box::new(|d| d.firm == "A"),
        ),
        (
            json!({ "enterpriseIds": [firm_b_id] }),
            Box::new(|d| d.firm == "B"),
        ),
        (
            json!({ "districts": ["HUANCUI"] }),
            Box::new(|d| d.district == "HUANCUI"),
        ),
        (json!({ "startYear": 2027 }), Box::new(|d| d.year == 2027)),
        (
            json!({ "startTerm": "AUTUMN" }),
            Box::new(|d| d.term == "AUTUMN"),
        ),
        (
            json!({ "startYear": 2027, "startTerm": "SPRING", "statuses": ["DRAFT", "OPEN"] }),
            Box::new(|d| d.year == 2027 && d.term == "SPRING"),
        ),
    ];
    for (role, token, sees) in &roles {
        for (filter, matches) in &filters {
            let reply = app
                .post_graphql(
                    "query($f: OrderClassDemandFilter) { orderClassDemands(first: 100, filter: $f) { totalCount nodes { id } } }",
                    json!({ "f": filter }),
                    *token,
                )
                .await;
            let mut got: Vec<String> = reply.body["data"]["orderClassDemands"]["nodes"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|n| n["id"].as_str().unwrap().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            got.sort();
            let mut expected: Vec<String> = demands
                .iter()
                .zip(&ids)
                .filter(|(d, _)| sees(d) && matches(d))
                .map(|(_, id)| id.clone())
                .collect();
            expected.sort();
            assert_eq!(got, expected, "{role} with filter {filter}: {}", reply.body);
            if token.is_some() {
                assert_eq!(
                    reply.body["data"]["orderClassDemands"]["totalCount"],
                    expected.len(),
                    "{role} with filter {filter}"
                );
            }
        }
    }
}
