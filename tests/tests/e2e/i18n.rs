//! Messages in Chinese (zh-CN, the default) or English by `Accept-Language`, with codes that never
//! change; `DEFAULT_LOCALE`; and `enumLabels`, which labels every enum value of the schema in both
//! languages.

use std::collections::BTreeMap;

use alliance_tests::{TestApp, both_databases};
use api::i18n::Locale;
use entity::enums::AccountRole;
use futures_util::SinkExt;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::fixtures::SCHOOL;
use crate::subscriptions::{connect, next_json};

both_databases!(
    user_errors_follow_accept_language_and_keep_their_codes,
    top_level_errors_follow_accept_language,
    a_date_that_does_not_parse_is_explained_in_the_callers_language,
    refusals_before_graphql_runs_follow_accept_language,
    import_row_errors_are_in_the_default_language_and_the_setting_changes_it,
    every_enum_of_the_schema_has_labels_in_both_languages,
    subscription_errors_follow_the_connection_init_language
);

/// Whether `text` holds a CJK ideograph.
fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// POSTs `query` with `Accept-Language: accept` (none when `None`); the body.
async fn post(
    app: &TestApp,
    query: &str,
    variables: Value,
    token: Option<&str>,
    accept: Option<&str>,
) -> Value {
    let mut request = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(accept) = accept {
        request = request.header("Accept-Language", accept);
    }
    request.send().await.unwrap().json().await.unwrap()
}

const CREATE: &str = r#"mutation($input: CreateMemberUnitInput!) {
  createMemberUnit(input: $input) { memberUnit { id } userErrors { field code message } }
}"#;

async fn user_errors_follow_accept_language_and_keep_their_codes(app: TestApp) {
    let token = app.secretariat().await;
    let input = json!({ "input": { "name": "   ", "kind": "ENTERPRISE", "employeeCount": -3 } });
    let mut seen = BTreeMap::new();
    for accept in [None, Some("zh-CN,zh;q=0.9"), Some("en-US,en;q=0.9")] {
        let body = post(&app, CREATE, input.clone(), Some(&token), accept).await;
        let errors = body["data"]["createMemberUnit"]["userErrors"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .clone();
        let codes: Vec<&str> = errors.iter().map(|e| e["code"].as_str().unwrap()).collect();
        assert_eq!(
            codes,
            ["BLANK", "MUST_BE_NON_NEGATIVE"],
            "{accept:?}: {body}"
        );
        let messages: Vec<String> = errors
            .iter()
            .map(|e| e["message"].as_str().unwrap().to_owned())
            .collect();
        seen.insert(accept.unwrap_or("none"), messages);
    }
    // No header: the alliance's default, Chinese; the same as asking for it.
    assert_eq!(seen["none"], seen["zh-CN,zh;q=0.9"]);
    for m in &seen["none"] {
        assert!(has_chinese(m), "not Chinese: {m}");
    }
    for m in &seen["en-US,en;q=0.9"] {
        assert!(!has_chinese(m) && !m.is_empty(), "not English: {m}");
    }
    assert!(seen["en-US,en;q=0.9"][0].contains("blank"), "{seen:?}");
}

async fn top_level_errors_follow_accept_language(app: TestApp) {
    let query = r#"{ node(id: "bm90LWFuLWlk") { id } }"#;
    let zh = post(&app, query, json!({}), None, None).await;
    let en = post(&app, query, json!({}), None, Some("en")).await;
    for body in [&zh, &en] {
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{body}"
        );
    }
    let zh = zh["errors"][0]["message"].as_str().unwrap();
    let en = en["errors"][0]["message"].as_str().unwrap();
    assert!(has_chinese(zh), "{zh}");
    assert!(en.starts_with("malformed ID"), "{en}");
    // A role refusal too: only the secretariat may create members.
    let school = app
        .account_token(
            "clerk@school.example",
            AccountRole::SchoolStaff,
            Some(SCHOOL),
        )
        .await;
    let input = json!({ "input": { "name": "某企业", "kind": "ENTERPRISE" } });
    let zh = post(&app, CREATE, input.clone(), Some(&school), Some("zh")).await;
    let en = post(&app, CREATE, input, Some(&school), Some("en-GB")).await;
    assert_eq!(zh["errors"][0]["extensions"]["code"], "FORBIDDEN", "{zh}");
    assert_eq!(en["errors"][0]["extensions"]["code"], "FORBIDDEN", "{en}");
    let zh = zh["errors"][0]["message"].as_str().unwrap();
    let en = en["errors"][0]["message"].as_str().unwrap();
    assert!(zh.contains("秘书处"), "{zh}");
    assert!(
        en.starts_with("forbidden:") && en.contains("secretariat"),
        "{en}"
    );
}

async fn a_date_that_does_not_parse_is_explained_in_the_callers_language(app: TestApp) {
    let school = app
        .account_token(
            "dates@school.example",
            AccountRole::SchoolStaff,
            Some(SCHOOL),
        )
        .await;
    let query = r#"mutation { saveStudent(input: { studentNumber: "D1", name: "王芳", gender: FEMALE,
        dateOfBirth: "12/05/2007", yearOfStudy: 2, specialty: "数控" }) { student { id } } }"#;
    let zh = post(&app, query, json!({}), Some(&school), None).await;
    let en = post(&app, query, json!({}), Some(&school), Some("en")).await;
    for body in [&zh, &en] {
        assert_eq!(
            body["errors"][0]["extensions"]["reason"], "INVALID_DATE",
            "{body}"
        );
    }
    let zh = zh["errors"][0]["message"].as_str().unwrap();
    let en = en["errors"][0]["message"].as_str().unwrap();
    assert!(zh.starts_with("日期格式应为 YYYY-MM-DD"), "{zh}");
    assert!(en.starts_with("expected a date as YYYY-MM-DD"), "{en}");
}

async fn refusals_before_graphql_runs_follow_accept_language(app: TestApp) {
    let batch = json!([{ "query": "{ alliance { name } }" }]);
    let mut messages = Vec::new();
    for accept in ["zh-CN", "en"] {
        let response = app
            .client
            .post(app.graphql_url())
            .header("Accept-Language", accept)
            .json(&batch)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
        messages.push(body["errors"][0]["message"].as_str().unwrap().to_owned());
    }
    assert!(has_chinese(&messages[0]), "{messages:?}");
    assert!(messages[1].starts_with("batched requests"), "{messages:?}");
    // The depth limit, checked in the schema's extension.
    let deep = format!(
        "{{ {}id{} }}",
        "memberUnits { edges { node { ".repeat(5),
        " } } }".repeat(5)
    );
    let zh = post(&app, &deep, json!({}), None, Some("zh-Hans-CN")).await;
    let en = post(&app, &deep, json!({}), None, Some("en")).await;
    let zh = zh["errors"][0]["message"].as_str().unwrap_or_default();
    let en = en["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(zh.starts_with("查询嵌套超过"), "{zh}");
    assert!(en.starts_with("Query is nested too deep"), "{en}");
}

async fn import_row_errors_are_in_the_default_language_and_the_setting_changes_it(app: TestApp) {
    let school = app
        .account_token(
            "rows@school.example",
            AccountRole::SchoolStaff,
            Some(SCHOOL),
        )
        .await;
    let file = b"studentNumber,name\nS1,\n".to_vec();
    let report = crate::hardening::import(&app, &school, "importStudents", "s.csv", file).await;
    let message = report["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(has_chinese(message), "{report}");

    // DEFAULT_LOCALE=en: English without a header; Chinese still when asked for.
    let Some(english) =
        alliance_tests::spawn_app_with(app.backend, |c| c.default_locale = Locale::En).await
    else {
        return;
    };
    let school = english
        .account_token(
            "rows@school.example",
            AccountRole::SchoolStaff,
            Some(SCHOOL),
        )
        .await;
    let file = b"studentNumber,name\nS1,\n".to_vec();
    let report = crate::hardening::import(&english, &school, "importStudents", "s.csv", file).await;
    let first = &report["errors"][0];
    assert_eq!(first["code"], "MALFORMED_FILE", "{report}");
    let message = first["message"].as_str().unwrap_or_default();
    assert!(message.starts_with("the header row lacks"), "{report}");
    let body = post(
        &english,
        r#"{ node(id: "x") { id } }"#,
        json!({}),
        None,
        None,
    )
    .await;
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("malformed ID"), "{body}");
    let body = post(
        &english,
        r#"{ node(id: "x") { id } }"#,
        json!({}),
        None,
        Some("zh"),
    )
    .await;
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(has_chinese(message), "{body}");
}

async fn every_enum_of_the_schema_has_labels_in_both_languages(app: TestApp) {
    let schema = app
        .post_graphql(
            "{ __schema { types { kind name enumValues(includeDeprecated: true) { name } } } }",
            json!({}),
            None,
        )
        .await
        .ok();
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for t in schema.data()["__schema"]["types"].as_array().unwrap() {
        let name = t["name"].as_str().unwrap();
        if t["kind"] == "ENUM" && !name.starts_with("__") {
            let values = t["enumValues"].as_array().unwrap();
            expected.insert(
                name.to_owned(),
                values
                    .iter()
                    .map(|v| v["name"].as_str().unwrap().to_owned())
                    .collect(),
            );
        }
    }
    assert!(expected.len() >= 30, "{expected:?}");

    let query = "{ enumLabels { name values { value label labelZhCn labelEn } } }";
    let zh = post(&app, query, json!({}), None, None).await;
    let en = post(&app, query, json!({}), None, Some("en")).await;
    let mut labelled: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (e, en_e) in zh["data"]["enumLabels"]
        .as_array()
        .unwrap_or_else(|| panic!("{zh}"))
        .iter()
        .zip(en["data"]["enumLabels"].as_array().unwrap())
    {
        let name = e["name"].as_str().unwrap();
        let mut values = Vec::new();
        for (v, en_v) in e["values"]
            .as_array()
            .unwrap()
            .iter()
            .zip(en_e["values"].as_array().unwrap())
        {
            let value = v["value"].as_str().unwrap();
            let zh_label = v["labelZhCn"].as_str().unwrap();
            let en_label = v["labelEn"].as_str().unwrap();
            assert!(has_chinese(zh_label), "{name}.{value}: {zh_label:?}");
            assert!(
                !en_label.is_empty() && en_label != value && !has_chinese(en_label),
                "{name}.{value}: {en_label:?}"
            );
            // `label` is the request's language.
            assert_eq!(v["label"], v["labelZhCn"], "{name}.{value}");
            assert_eq!(en_v["label"], en_v["labelEn"], "{name}.{value}");
            values.push(value.to_owned());
        }
        labelled.insert(name.to_owned(), values);
    }
    assert_eq!(
        labelled, expected,
        "enumLabels and the schema's enums differ"
    );

    let one = post(
        &app,
        r#"{ enumLabels(enums: ["OrderClassStatus"]) { name values { value label } } }"#,
        json!({}),
        None,
        None,
    )
    .await;
    let only = one["data"]["enumLabels"].as_array().unwrap();
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["name"], "OrderClassStatus");
    let unknown = post(
        &app,
        r#"{ enumLabels(enums: ["NoSuchEnum"]) { name } }"#,
        json!({}),
        None,
        Some("en"),
    )
    .await;
    assert_eq!(unknown["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    assert!(
        unknown["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("NoSuchEnum")
    );
}

async fn subscription_errors_follow_the_connection_init_language(app: TestApp) {
    let token = app.secretariat().await;
    // An OrderClass ID no class has: the subscription is refused with NOT_FOUND.
    let missing = {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(format!("OrderClass:{}", uuid::Uuid::now_v7()))
    };
    let query = "subscription($id: ID!) { orderClassChanged(id: $id) { kind } }";
    let mut messages = Vec::new();
    for language in ["zh-CN", "en"] {
        let mut socket = connect(
            &app.graphql_url(),
            json!({ "Authorization": format!("Bearer {token}"), "Accept-Language": language }),
        )
        .await;
        let ack = next_json(&mut socket).await.expect("connection_ack");
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        socket
            .send(Message::text(
                json!({ "id": "1", "type": "subscribe",
                        "payload": { "query": query, "variables": { "id": missing } } })
                .to_string(),
            ))
            .await
            .unwrap();
        let reply = next_json(&mut socket).await.expect("a reply");
        let errors = if reply["type"] == "error" {
            reply["payload"].clone()
        } else {
            reply["payload"]["errors"].clone()
        };
        assert_eq!(errors[0]["extensions"]["code"], "NOT_FOUND", "{reply}");
        messages.push(errors[0]["message"].as_str().unwrap().to_owned());
    }
    assert!(has_chinese(&messages[0]), "{messages:?}");
    assert!(
        messages[1].starts_with("not found: no OrderClass"),
        "{messages:?}"
    );
}
