//! The HTTP layer: GraphQL-over-HTTP behaviour, limits, health checks, CORS.

use alliance_tests::{TestApp, both_databases};
use serde_json::{Value, json};

both_databases!(
    a_mutation_over_get_is_refused_with_405_and_queries_over_get_work,
    batches_non_json_bodies_and_oversized_bodies_are_refused,
    graphql_response_media_type_gives_400_for_invalid_documents,
    too_deep_or_too_costly_queries_are_refused_before_they_run,
    health_and_readiness_answer,
    cors_allows_only_listed_origins,
    responses_carry_a_request_id_and_are_not_cached,
    a_body_with_an_unknown_key_or_no_query_is_refused_with_400,
    automatic_persisted_queries_run_by_hash_over_post_and_get,
    a_document_sent_again_is_checked_and_answered_as_the_first_time,
    a_query_is_answered_alike_by_the_plain_schema_and_through_the_extensions
);

async fn post_json(app: &TestApp, body: &Value) -> (u16, Value) {
    let response = app
        .client
        .post(app.graphql_url())
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("")
}

async fn a_body_with_an_unknown_key_or_no_query_is_refused_with_400(app: TestApp) {
    // A typo would otherwise run an empty document.
    let (status, body) = post_json(&app, &json!({ "qeury": "{ alliance { name } }" })).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(code(&body), "BAD_USER_INPUT");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("qeury")
    );
    assert!(body.get("data").is_none());
    let (status, body) = post_json(&app, &json!({ "variables": {} })).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = post_json(&app, &json!({ "query": 7 })).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = post_json(&app, &json!("{ alliance { name } }")).await;
    assert_eq!(status, 400, "{body}");
    // The four keys of the spec are all accepted.
    let (status, body) = post_json(
        &app,
        &json!({ "query": "query A { alliance { name } }", "variables": null,
                 "operationName": "A", "extensions": {} }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(body["data"]["alliance"]["name"].is_string(), "{body}");
}

fn persisted(query: Option<&str>, hash: &str) -> Value {
    let mut body =
        json!({ "extensions": { "persistedQuery": { "version": 1, "sha256Hash": hash } } });
    if let Some(q) = query {
        body["query"] = json!(q);
    }
    body
}

fn sha256(text: &str) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(text.as_bytes()))
}

async fn automatic_persisted_queries_run_by_hash_over_post_and_get(app: TestApp) {
    let query = "query Members { memberUnits(first: 2) { totalCount } }";
    let hash = sha256(query);
    // Unknown hash: the code Apollo's protocol reads, so the client sends the full text.
    let (status, body) = post_json(&app, &persisted(None, &hash)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(code(&body), "PERSISTED_QUERY_NOT_FOUND", "{body}");
    // Full text with its hash: runs and is cached.
    let (_, body) = post_json(&app, &persisted(Some(query), &hash)).await;
    assert_eq!(body["data"]["memberUnits"]["totalCount"], 177, "{body}");
    // A wrong hash for a text is refused.
    let (_, body) = post_json(&app, &persisted(Some(query), &sha256("{ x }"))).await;
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("sha"),
        "{body}"
    );
    // Hash only, over POST and over GET (cacheable by a CDN).
    let (_, body) = post_json(&app, &persisted(None, &hash)).await;
    assert_eq!(body["data"]["memberUnits"]["totalCount"], 177, "{body}");
    let extensions = json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } }).to_string();
    let response = app
        .client
        .get(app.graphql_url())
        .query(&[("extensions", extensions.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["data"]["memberUnits"]["totalCount"], 177, "{body}");
    // A mutation named only by its hash is still refused over GET.
    let mutation = "mutation { login(input: {email: \"a@b.c\", password: \"x\"}) { token } }";
    let mutation_hash = sha256(mutation);
    post_json(&app, &persisted(Some(mutation), &mutation_hash)).await;
    let extensions =
        json!({ "persistedQuery": { "version": 1, "sha256Hash": mutation_hash } }).to_string();
    let response = app
        .client
        .get(app.graphql_url())
        .query(&[("extensions", extensions.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    // A document past the cache's size limit runs, but is not cached under its hash.
    let padding = " ".repeat(api::graphql::extension::APQ_MAX_QUERY_BYTES);
    let large = format!("{{ alliance {{ name }} }}{padding}");
    let large_hash = sha256(&large);
    let (_, body) = post_json(&app, &persisted(Some(&large), &large_hash)).await;
    assert!(body["data"]["alliance"]["name"].is_string(), "{body}");
    let (_, body) = post_json(&app, &persisted(None, &large_hash)).await;
    assert_eq!(code(&body), "PERSISTED_QUERY_NOT_FOUND", "{body}");
    // A hostile text is scanned before the persisted-query extension parses it.
    let deep = format!("{{{}{}", "a {".repeat(200), "}".repeat(201));
    let (status, body) = post_json(&app, &persisted(Some(&deep), &sha256(&deep))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(code(&body), "BAD_USER_INPUT", "{body}");
    assert!(body.get("data").is_none(), "{body}");
}

async fn a_mutation_over_get_is_refused_with_405_and_queries_over_get_work(app: TestApp) {
    let response = app
        .client
        .get(app.graphql_url())
        .query(&[(
            "query",
            "mutation { login(input: {email: \"a@b.c\", password: \"x\"}) { token } }",
        )])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "POST");
    let response = app
        .client
        .get(app.graphql_url())
        .query(&[("query", "{ memberUnits { totalCount } }")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["data"]["memberUnits"]["totalCount"], 177);
}

async fn batches_non_json_bodies_and_oversized_bodies_are_refused(app: TestApp) {
    let batch = app
        .client
        .post(app.graphql_url())
        .json(&json!([{ "query": "{ alliance { name } }" }, { "query": "{ alliance { name } }" }]))
        .send()
        .await
        .unwrap();
    assert_eq!(batch.status(), 400);
    let body: Value = batch.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");

    let text = app
        .client
        .post(app.graphql_url())
        .header("content-type", "text/plain")
        .body("{ alliance { name } }")
        .send()
        .await
        .unwrap();
    assert_eq!(text.status(), 415);

    let huge = "x".repeat(100 * 1024);
    let big = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": format!("{{ alliance {{ name }} }} # {huge}") }))
        .send()
        .await
        .unwrap();
    assert_eq!(big.status(), 413);
}

async fn graphql_response_media_type_gives_400_for_invalid_documents(app: TestApp) {
    let response = app
        .client
        .post(app.graphql_url())
        .header("accept", "application/graphql-response+json")
        .json(&json!({ "query": "{ alliance { noSuchField } }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/graphql-response+json"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    // Refused before execution: no `data` entry at all (a parse failure and a validation one).
    assert!(body.get("data").is_none(), "{body}");
    for query in ["{ alliance {", "{ alliance { noSuchField } }"] {
        for accept in ["application/graphql-response+json", "application/json"] {
            let body: Value = app
                .client
                .post(app.graphql_url())
                .header("accept", accept)
                .json(&json!({ "query": query }))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert!(body.get("data").is_none(), "{accept} {query}: {body}");
            assert!(body["errors"].is_array());
        }
    }
    let response = app
        .client
        .post(app.graphql_url())
        .header("accept", "application/graphql-response+json")
        .json(&json!({ "query": "{ alliance { name } }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    // Legacy application/json answers 200 even for invalid documents.
    let reply = app
        .post_graphql("{ alliance { noSuchField } }", json!({}), None)
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.error_codes(), vec!["BAD_USER_INPUT"]);
}

async fn too_deep_or_too_costly_queries_are_refused_before_they_run(app: TestApp) {
    let deep = "{ memberUnits(first: 1) { nodes { committees(first: 1) { nodes { members(first: 1) { nodes { committees(first: 1) { nodes { members(first: 1) { nodes { committees(first: 1) { nodes { name } } } } } } } } } } } } }";
    let (statements, reply) = app
        .count_statements(app.post_graphql(deep, json!({}), None))
        .await;
    assert_eq!(reply.error_codes(), vec!["BAD_USER_INPUT"]);
    assert!(
        reply.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("查询嵌套超过 12 层")
    );
    assert_eq!(statements, 0);
    let costly = "{ memberUnits(first: 100) { nodes { committees(first: 100) { nodes { members(first: 100) { nodes { name } } } } } } }";
    let (statements, reply) = app
        .count_statements(app.post_graphql(costly, json!({}), None))
        .await;
    assert_eq!(reply.error_codes(), vec!["BAD_USER_INPUT"]);
    assert!(
        reply.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("complex")
    );
    assert_eq!(statements, 0);
    // An accepted query reports its cost.
    let reply = app
        .post_graphql(
            "{ memberUnits(first: 10) { nodes { name } } }",
            json!({}),
            None,
        )
        .await
        .ok();
    let cost = &reply.body["extensions"]["cost"];
    assert_eq!(cost["maxQueryCost"], 50_000);
    assert!(cost["requestedQueryCost"].as_u64().unwrap() >= 10);
}

async fn health_and_readiness_answer(app: TestApp) {
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let missing = app.client.get(app.url("/nowhere")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
}

async fn cors_allows_only_listed_origins(app: TestApp) {
    let preflight = |origin: &'static str| {
        app.client
            .request(reqwest::Method::OPTIONS, app.graphql_url())
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization,content-type",
            )
            .send()
    };
    let allowed = preflight("https://committee.example.org").await.unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://committee.example.org"
    );
    let other = preflight("https://evil.example.com").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
}

async fn responses_carry_a_request_id_and_are_not_cached(app: TestApp) {
    let response = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": "{ alliance { name } }" }))
        .send()
        .await
        .unwrap();
    assert!(response.headers().get("x-request-id").is_some());
    assert_eq!(response.headers()["cache-control"], "no-store");
}

/// The instance keeps the documents it parsed, by their text (`api::graphql::parsed`): a text
/// sent again is not parsed again, but it is checked again in full, and its variables are its
/// own.
async fn a_document_sent_again_is_checked_and_answered_as_the_first_time(app: TestApp) {
    let mutation = "mutation { login(input: {email: \"a@b.c\", password: \"x\"}) { token } }";
    let (status, _) = post_json(&app, &json!({ "query": mutation })).await;
    assert_eq!(status, 200);
    // The same text, kept from the POST, is still a mutation over GET.
    let response = app
        .client
        .get(app.graphql_url())
        .query(&[("query", mutation)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);

    let page = "query Page($n: Int) { memberUnits(first: $n) { nodes { id } } }";
    for n in [2, 3, 2] {
        let reply = app.post_graphql(page, json!({ "n": n }), None).await;
        assert_eq!(
            reply.body["data"]["memberUnits"]["nodes"]
                .as_array()
                .map(Vec::len),
            Some(n),
            "{}",
            reply.body
        );
    }
    // Refused every time: by validation, and for a variable of the wrong type.
    for _ in 0..2 {
        let reply = app
            .post_graphql("{ alliance { noSuchField } }", json!({}), None)
            .await;
        assert_eq!(reply.error_codes(), vec!["BAD_USER_INPUT"]);
        let reply = app.post_graphql(page, json!({ "n": "two" }), None).await;
        let codes = reply.error_codes();
        assert!(
            !codes.is_empty() && codes.iter().all(|c| c == "BAD_USER_INPUT"),
            "{}",
            reply.body
        );
        assert!(
            reply.body["data"]["memberUnits"].is_null(),
            "{}",
            reply.body
        );
    }
}

/// A query sent as its text is checked by the schema with extensions and run by the plain one
/// (`graphql::schema::plain_builder`); the same query sent with a persisted-query hash is run
/// whole by the schema with extensions. Both must answer alike, byte for byte: data, errors with
/// their codes and localised messages, and the cost report.
async fn a_query_is_answered_alike_by_the_plain_schema_and_through_the_extensions(app: TestApp) {
    use entity::enums::AccountRole;
    let token = app
        .account_token("plain@example.org", AccountRole::Secretariat, None)
        .await;
    let queries: [(&str, Value, bool); 6] = [
        (
            "query Page($n: Int) { memberUnits(first: $n) { totalCount nodes { id name kind } pageInfo { hasNextPage endCursor } } }",
            json!({ "n": 3 }),
            true,
        ),
        // Refused authorisation: a field error with its code, in the caller's language.
        (
            "{ alliance { name } internshipPlacements(first: 2) { totalCount } }",
            json!({}),
            false,
        ),
        // Refused before execution: a page past its bound.
        (
            "{ memberUnits(first: 100000) { totalCount } }",
            json!({}),
            true,
        ),
        // A value that fails coercion as the field runs.
        (
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": "not-a-global-id" }),
            true,
        ),
        // Two operations, one named.
        (
            "query A { alliance { name } } query B { memberUnits(first: 1) { totalCount } }",
            json!({}),
            true,
        ),
        ("{ __schema { mutationType { name } } }", json!({}), true),
    ];
    for (query, variables, signed_in) in queries {
        for language in ["zh-CN", "en"] {
            let send = |body: Value| {
                let mut request = app
                    .client
                    .post(app.graphql_url())
                    .header("Accept-Language", language)
                    .json(&body);
                if signed_in {
                    request = request.bearer_auth(&token);
                }
                async move {
                    let response = request.send().await.unwrap();
                    let status = response.status().as_u16();
                    (status, response.json::<Value>().await.unwrap())
                }
            };
            let mut plain = json!({ "query": query, "variables": variables });
            let mut hooked = persisted(Some(query), &sha256(query));
            hooked["variables"] = variables.clone();
            if query.starts_with("query A") {
                plain["operationName"] = json!("B");
                hooked["operationName"] = json!("B");
            }
            let (plain_status, plain_body) = send(plain).await;
            let (hooked_status, hooked_body) = send(hooked).await;
            assert_eq!(plain_status, hooked_status, "{query}");
            assert_eq!(plain_body, hooked_body, "{query} ({language})");
            let cost = &plain_body["extensions"]["cost"];
            let refused_before = plain_body.get("data").is_none();
            assert!(
                refused_before || cost["requestedQueryCost"].is_u64(),
                "{query}: {plain_body}"
            );
        }
    }
}
