//! Statement budgets (`docs/api-conventions.md`, No N+1): the SQL statements a request runs depend on the
//! query's shape, never on how many rows it returns.

use alliance_tests::{TestApp, both_databases};
use serde_json::json;

const NESTED: &str = r#"query($first: Int!) {
  memberUnits(first: $first) {
    totalCount
    nodes {
      id name kind district
      committees(first: 10) { totalCount edges { role node { name members(first: 5) { totalCount nodes { name } } } } }
    }
  }
}"#;

/// Count statement + page statement + one loader statement per relation level.
const ANONYMOUS_BUDGET: u64 = 4;

both_databases!(
    a_nested_member_units_page_runs_the_same_few_statements_for_10_and_100_units,
    nodes_of_many_member_units_load_in_one_statement
);

async fn a_nested_member_units_page_runs_the_same_few_statements_for_10_and_100_units(
    app: TestApp,
) {
    // Seats so that the loaders have rows to return.
    let token = app.secretariat().await;
    let committees = ["理事会", "常务理事会", "校企合作与招生就业"];
    let units = [
        "威海技师学院",
        "威高集团股份有限公司",
        "天润工业技术股份有限公司",
        "威海创业大学",
    ];
    for c in committees {
        let c = app.committee_id(c).await;
        for u in units {
            let u = app.unit_id(u).await;
            app.post_graphql(
                "mutation($c: ID!, $u: ID!) { setCommitteeMembership(input: {committeeId: $c, memberUnitId: $u, role: MEMBER}) { userErrors { code } } }",
                json!({ "c": c, "u": u }),
                Some(&token),
            )
            .await
            .ok();
        }
    }
    let mut counts = Vec::new();
    for first in [10, 100] {
        let (statements, reply) = app
            .count_statements(app.post_graphql(NESTED, json!({ "first": first }), None))
            .await;
        let reply = reply.ok();
        let nodes = reply.data()["memberUnits"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), first);
        assert_eq!(nodes[0]["committees"]["totalCount"], 3);
        assert_eq!(
            nodes[0]["committees"]["edges"][0]["node"]["members"]["totalCount"],
            4
        );
        println!(
            "{:?}: memberUnits(first: {first}) nested: {statements} statements",
            app.backend
        );
        counts.push(statements);
    }
    assert_eq!(
        counts[0], counts[1],
        "statements must not grow with the page size"
    );
    assert!(
        counts[1] <= ANONYMOUS_BUDGET,
        "{} statements > budget {ANONYMOUS_BUDGET}",
        counts[1]
    );

    // An authenticated caller costs one statement more on SQLite, where the account is read on
    // every request; on PostgreSQL the token's account was read by its earlier requests and is
    // cached until it changes.
    let (statements, reply) = app
        .count_statements(app.post_graphql(NESTED, json!({ "first": 100 }), Some(&token)))
        .await;
    reply.ok();
    println!(
        "{:?}: memberUnits(first: 100) nested, with token: {statements} statements",
        app.backend
    );
    assert_eq!(statements, counts[1] + app.account_reads());
}

async fn nodes_of_many_member_units_load_in_one_statement(app: TestApp) {
    let reply = app
        .post_graphql(
            "{ memberUnits(first: 100) { nodes { id } } }",
            json!({}),
            None,
        )
        .await
        .ok();
    let ids: Vec<_> = reply.data()["memberUnits"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].clone())
        .collect();
    let (statements, reply) = app
        .count_statements(app.post_graphql(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            json!({ "ids": ids }),
            None,
        ))
        .await;
    assert_eq!(reply.ok().data()["nodes"].as_array().unwrap().len(), 100);
    assert_eq!(statements, 1);
}
