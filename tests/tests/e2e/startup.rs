//! Starting up: many instances on one database, seeds that restore a missing annex member,
//! production switches.

use alliance_tests::{
    Backend, TestApp, both_databases, fresh_database_url, spawn_app_with, test_config,
};
use entity::member_unit;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

both_databases!(
    instances_starting_at_once_on_one_database_seed_it_exactly_once,
    seeding_restores_an_annex_member_whose_row_is_missing
);

async fn instances_starting_at_once_on_one_database_seed_it_exactly_once(app: TestApp) {
    // `app` prepared its own database; start three more instances together on a fresh one.
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(app.backend, dir.path()).await else {
        return;
    };
    let builds = (0..3).map(|_| {
        let config = test_config(url.clone(), dir.path());
        tokio::spawn(api::Application::build(config))
    });
    let apps: Vec<api::Application> = futures_join(builds).await;
    assert_eq!(apps.len(), 3);
    let count = member_unit::Entity::find()
        .count(apps[0].db())
        .await
        .unwrap();
    assert_eq!(count, 177);
    let committees = entity::committee::Entity::find()
        .count(apps[0].db())
        .await
        .unwrap();
    assert_eq!(committees, 8);
}

async fn seeding_restores_an_annex_member_whose_row_is_missing(app: TestApp) {
    member_unit::Entity::delete_many()
        .filter(member_unit::Column::Name.eq("威海奥东金属结构制造有限公司"))
        .exec(&app.db)
        .await
        .unwrap();
    let report = seeds::load(&app.db).await.unwrap();
    assert_eq!(report.member_units, 1);
    let restored = member_unit::Entity::find()
        .filter(member_unit::Column::Name.eq("威海奥东金属结构制造有限公司"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(restored.list_order, 177);
    assert_eq!(
        member_unit::Entity::find().count(&app.db).await.unwrap(),
        177
    );
}

async fn futures_join<T: Send + 'static>(
    handles: impl Iterator<Item = tokio::task::JoinHandle<anyhow::Result<T>>>,
) -> Vec<T> {
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap().unwrap());
    }
    out
}

/// `GET /graphql` as a browser asks for it.
async fn graphiql_page(app: &TestApp) -> reqwest::Response {
    app.client
        .get(app.graphql_url())
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn production_switches_turn_off_graphiql_and_introspection() {
    let app = spawn_app_with(Backend::Sqlite, |c| {
        c.graphiql = Some(false);
        c.introspection = Some(false);
    })
    .await
    .unwrap();
    let page = graphiql_page(&app).await;
    assert_eq!(page.status(), 400);
    let reply = app
        .post_graphql("{ __schema { types { name } } }", json!({}), None)
        .await;
    // async-graphql answers a disabled introspection with null rather than an error.
    assert_eq!(reply.data()["__schema"], serde_json::Value::Null);
    // Suggestions ("did you mean …") are off too.
    let reply = app
        .post_graphql("{ alliance { nam } }", json!({}), None)
        .await;
    assert!(
        !reply.body.to_string().contains("Did you mean"),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn graphiql_is_served_on_a_loopback_development_server() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await.unwrap();
    let page = graphiql_page(&app).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("graphiql"));
    // Every script and style sheet comes from the server itself: the page works offline.
    assert!(
        !html.contains("//unpkg.com") && !html.contains("cdn"),
        "{html}"
    );
    let files: Vec<&str> = html
        .split("\"/graphiql/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(files.len(), 5, "{files:?}");
    for file in files {
        let url = format!("http://{}/graphiql/{file}", app.addr);
        let gzip = app
            .client
            .get(&url)
            .header("accept-encoding", "gzip, br")
            .send()
            .await
            .unwrap();
        assert_eq!(gzip.status(), 200, "{file}");
        let vendored = file != "init.js";
        assert_eq!(
            gzip.headers().get("content-encoding").is_some(),
            vendored,
            "{file}"
        );
        let gz = gzip.bytes().await.unwrap();
        // A client that does not take gzip gets the plain file.
        let plain = app
            .client
            .get(&url)
            .header("accept-encoding", "identity")
            .send()
            .await
            .unwrap();
        assert!(plain.headers().get("content-encoding").is_none(), "{file}");
        let plain = plain.bytes().await.unwrap();
        if vendored {
            assert_eq!(&gz[..2], &[0x1f, 0x8b], "{file} is not gzip");
            assert!(plain.len() > gz.len(), "{file}");
        } else {
            assert!(String::from_utf8_lossy(&plain).contains("/graphql/ws"));
        }
    }
    let missing = app
        .client
        .get(format!("http://{}/graphiql/..%2FCargo.toml", app.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn graphiql_files_are_not_served_when_graphiql_is_off() {
    let app = spawn_app_with(Backend::Sqlite, |c| c.graphiql = Some(false))
        .await
        .unwrap();
    let file = app
        .client
        .get(format!("http://{}/graphiql/graphiql.min.js", app.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), 404);
}

/// `GET /metrics` as a Prometheus server scrapes it.
async fn metrics_text(app: &TestApp) -> String {
    let r = app
        .client
        .get(format!("http://{}/metrics", app.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    r.text().await.unwrap()
}

#[tokio::test]
async fn prometheus_metrics_count_requests_by_operation_and_outcome() {
    let app = spawn_app_with(Backend::Sqlite, |_| {}).await.unwrap();
    // The recorder is shared by the process's test servers: count with a name of this test's own.
    let line = "alliance_graphql_requests_total{operation=\"MetricsProbe\",outcome=\"ok\"}";
    let count = |text: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(line))
            .map_or(0, |n| n.trim().parse::<u64>().unwrap())
    };
    let before = count(&metrics_text(&app).await);
    for _ in 0..3 {
        let reply = app
            .post_graphql("query MetricsProbe { alliance { name } }", json!({}), None)
            .await;
        assert_eq!(reply.status, 200);
    }
    let reply = app
        .post_graphql("query MetricsProbe { nope }", json!({}), None)
        .await;
    assert_eq!(reply.error_codes(), ["BAD_USER_INPUT"]);
    let text = metrics_text(&app).await;
    assert_eq!(count(&text), before + 3, "{text}");
    for name in [
        "alliance_graphql_request_duration_seconds_bucket",
        "alliance_http_responses_total{status=\"2xx\"}",
        "alliance_db_pool_connections{state=\"idle\"}",
        "alliance_db_statements_total",
    ] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
    // The refused document is counted as rejected, before execution names an operation.
    assert!(text.contains("outcome=\"rejected\""), "{text}");
}

#[tokio::test]
async fn metrics_can_be_switched_off() {
    let app = spawn_app_with(Backend::Sqlite, |c| c.metrics = false)
        .await
        .unwrap();
    let r = app
        .client
        .get(format!("http://{}/metrics", app.addr))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
}
