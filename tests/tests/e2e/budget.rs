//! Statement budgets (`docs/api-conventions.md`, No N+1): the SQL statements a request runs depend on the
//! query's shape, never on how many rows it returns.

use alliance_tests::{Backend, TestApp, both_databases};
use entity::enums::AccountRole;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
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
    nodes_of_many_member_units_load_in_one_statement,
    a_named_member_unit_costs_no_statement_on_postgresql_until_it_changes
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
    let nodes = || async {
        let (statements, reply) = app
            .count_statements(app.post_graphql(
                "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                json!({ "ids": ids }),
                None,
            ))
            .await;
        assert_eq!(reply.ok().data()["nodes"].as_array().unwrap().len(), 100);
        statements
    };
    // On SQLite the units come through the cache (`api::row_cache`), whose count of changes is
    // read first: one statement more while the units are not yet held, none more once they are.
    let count_read = match app.backend {
        Backend::Sqlite => 1,
        Backend::Postgres => 0,
    };
    assert_eq!(nodes().await, 1 + count_read);
    assert_eq!(nodes().await, count_read, "the units are held now");
}

/// The member units a page names (schools, hosts, firms) come through the instance's cache.
/// PostgreSQL: once read, naming one costs no statement; a change written straight to the
/// database (as an administrator or another instance would) is named as soon as the trigger's
/// notification arrives (polled for at most 5 s, which a working notification beats by orders of
/// magnitude), and then cached again. SQLite: naming units costs one statement however many
/// (the count of changes, `api::row_cache`); the first request after such a change names it.
async fn a_named_member_unit_costs_no_statement_on_postgresql_until_it_changes(app: TestApp) {
    const NAMED: &str = "{ viewer { email memberUnit { name } } }";
    const PLAIN: &str = "{ viewer { email } }";
    let token = app
        .account_token(
            "school@example.org",
            AccountRole::SchoolStaff,
            Some("威海技师学院"),
        )
        .await;
    app.post_graphql(NAMED, json!({}), Some(&token)).await.ok();
    let unit_reads = match app.backend {
        Backend::Sqlite => 1,
        Backend::Postgres => 0,
    };
    let (plain, reply) = app
        .count_statements(app.post_graphql(PLAIN, json!({}), Some(&token)))
        .await;
    reply.ok();
    let (named, reply) = app
        .count_statements(app.post_graphql(NAMED, json!({}), Some(&token)))
        .await;
    assert_eq!(
        reply.ok().data()["viewer"]["memberUnit"]["name"],
        "威海技师学院"
    );
    assert_eq!(named, plain + unit_reads);

    // Renamed behind the API's back.
    entity::member_unit::Entity::update_many()
        .col_expr(
            entity::member_unit::Column::Name,
            sea_orm::sea_query::Expr::value("威海技师学院（更名）"),
        )
        .filter(entity::member_unit::Column::Name.eq("威海技师学院"))
        .exec(&app.db)
        .await
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let name = loop {
        let reply = app.post_graphql(NAMED, json!({}), Some(&token)).await.ok();
        let name = reply.data()["viewer"]["memberUnit"]["name"].clone();
        if name == "威海技师学院（更名）"
            || app.backend == Backend::Sqlite
            || std::time::Instant::now() > deadline
        {
            break name;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    };
    assert_eq!(name, "威海技师学院（更名）");
    // Read again once, then cached again.
    let (named, reply) = app
        .count_statements(app.post_graphql(NAMED, json!({}), Some(&token)))
        .await;
    reply.ok();
    assert_eq!(named, plain + unit_reads);
}
