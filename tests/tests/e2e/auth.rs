//! Who may do what: login, tokens, and the role guards on the secretariat's mutations.

use alliance_tests::{Backend, Reply, TEST_JWT_SECRET, TEST_PASSWORD, TestApp, both_databases};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use entity::enums::AccountRole;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

const VIEWER: &str = "{ viewer { email role memberUnit { name } } }";

fn forge(claims: Value, secret: &str, alg: Algorithm) -> String {
    jsonwebtoken::encode(
        &Header::new(alg),
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

/// The four secretariat mutations, each with variables that would succeed for the secretariat.
async fn secretariat_mutations(app: &TestApp) -> Vec<(&'static str, Value)> {
    let unit = app.unit_id("威海技师学院").await;
    let committee = app.committee_id("理事会").await;
    vec![
        (
            r#"mutation { createMemberUnit(input: {name: "新成员单位", kind: ENTERPRISE}) { memberUnit { id } userErrors { code } } }"#,
            json!({}),
        ),
        (
            r#"mutation($id: ID!) { updateMemberUnit(input: {id: $id, employeeCount: 10}) { memberUnit { id } userErrors { code } } }"#,
            json!({ "id": unit }),
        ),
        (
            r#"mutation($c: ID!, $u: ID!) { setCommitteeMembership(input: {committeeId: $c, memberUnitId: $u, role: MEMBER}) { userErrors { code } } }"#,
            json!({ "c": committee, "u": unit }),
        ),
        (
            r#"mutation($c: ID!, $u: ID!) { removeCommitteeMembership(input: {committeeId: $c, memberUnitId: $u}) { userErrors { code } } }"#,
            json!({ "c": committee, "u": unit }),
        ),
    ]
}

both_databases!(
    anonymous_mutations_are_unauthenticated_and_write_nothing,
    school_and_enterprise_tokens_are_forbidden_on_secretariat_mutations,
    viewer_is_the_callers_account_with_its_unit,
    wrong_email_and_wrong_password_answer_alike,
    expired_tampered_foreign_and_unsigned_tokens_are_rejected,
    a_disabled_account_cannot_log_in_and_its_token_stops_working,
    an_account_is_read_again_once_it_changes,
    staff_accounts_must_fit_their_unit,
    password_guessing_is_throttled_per_email_address
);

async fn anonymous_mutations_are_unauthenticated_and_write_nothing(app: TestApp) {
    for (mutation, vars) in secretariat_mutations(&app).await {
        let reply = app.post_graphql(mutation, vars, None).await;
        assert_eq!(reply.error_codes(), vec!["UNAUTHENTICATED"], "{mutation}");
    }
    let reply = app
        .post_graphql("{ memberUnits { totalCount } }", json!({}), None)
        .await
        .ok();
    assert_eq!(reply.data()["memberUnits"]["totalCount"], 177);
}

async fn school_and_enterprise_tokens_are_forbidden_on_secretariat_mutations(app: TestApp) {
    let school = app
        .account_token(
            "school@example.org",
            AccountRole::SchoolStaff,
            Some("威海技师学院"),
        )
        .await;
    let firm = app
        .account_token(
            "firm@example.org",
            AccountRole::EnterpriseStaff,
            Some("威高集团股份有限公司"),
        )
        .await;
    for token in [&school, &firm] {
        for (mutation, vars) in secretariat_mutations(&app).await {
            let reply = app.post_graphql(mutation, vars, Some(token)).await;
            assert_eq!(reply.error_codes(), vec!["FORBIDDEN"], "{mutation}");
        }
    }
    let reply = app
        .post_graphql(
            r#"{ memberUnits(filter: {search: "新成员单位"}) { totalCount } }"#,
            json!({}),
            None,
        )
        .await
        .ok();
    assert_eq!(reply.data()["memberUnits"]["totalCount"], 0);
    // The same mutations pass for the secretariat.
    let secretariat = app.secretariat().await;
    for (mutation, vars) in secretariat_mutations(&app).await {
        let reply = app
            .post_graphql(mutation, vars, Some(&secretariat))
            .await
            .ok();
        assert!(
            !reply.body.to_string().contains("\"code\""),
            "{mutation}: {}",
            reply.body
        );
    }
}

async fn viewer_is_the_callers_account_with_its_unit(app: TestApp) {
    let reply = app.post_graphql(VIEWER, json!({}), None).await.ok();
    assert_eq!(reply.data()["viewer"], Value::Null);
    let token = app
        .account_token(
            "Staff@Firm.Example.org",
            AccountRole::EnterpriseStaff,
            Some("威高集团股份有限公司"),
        )
        .await;
    let reply = app.post_graphql(VIEWER, json!({}), Some(&token)).await.ok();
    assert_eq!(
        reply.data()["viewer"],
        json!({ "email": "staff@firm.example.org", "role": "ENTERPRISE_STAFF", "memberUnit": { "name": "威高集团股份有限公司" } })
    );
    let reply = app
        .post_graphql("{ viewer { passwordHash } }", json!({}), Some(&token))
        .await;
    assert_eq!(
        reply.error_codes(),
        vec!["BAD_USER_INPUT"],
        "no password hash in the schema"
    );
}

async fn wrong_email_and_wrong_password_answer_alike(app: TestApp) {
    app.secretariat().await;
    let wrong_password = app
        .login("secretariat@example.org", "not the password")
        .await;
    let wrong_email = app.login("nobody@example.org", TEST_PASSWORD).await;
    assert_eq!(wrong_password, Err("INVALID_CREDENTIALS".into()));
    assert_eq!(wrong_email, wrong_password);
    assert!(
        app.login("SECRETARIAT@example.org", TEST_PASSWORD)
            .await
            .is_ok()
    );
}

async fn expired_tampered_foreign_and_unsigned_tokens_are_rejected(app: TestApp) {
    let token = app.secretariat().await;
    let claims = claims_of(&token);
    let now = chrono::Utc::now().timestamp();
    let with = |key: &str, value: Value| {
        let mut c = claims.clone();
        c[key] = value;
        c
    };
    let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
    let body = URL_SAFE_NO_PAD.encode(claims.to_string());
    let mut tampered_claims = claims.clone();
    tampered_claims["sub"] = json!(uuid::Uuid::now_v7());
    let tampered = {
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        parts[1] = URL_SAFE_NO_PAD.encode(tampered_claims.to_string());
        parts.join(".")
    };
    let bad = [
        (
            "expired",
            forge(
                with("exp", json!(now - 10)),
                TEST_JWT_SECRET,
                Algorithm::HS256,
            ),
        ),
        ("tampered", tampered),
        (
            "wrong audience",
            forge(
                with("aud", json!("another-api")),
                TEST_JWT_SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "wrong issuer",
            forge(
                with("iss", json!("someone-else")),
                TEST_JWT_SECRET,
                Algorithm::HS256,
            ),
        ),
        (
            "other key",
            forge(
                claims.clone(),
                "another-secret-0123456789-0123456789",
                Algorithm::HS256,
            ),
        ),
        (
            "other algorithm",
            forge(claims.clone(), TEST_JWT_SECRET, Algorithm::HS512),
        ),
        ("alg none", format!("{header}.{body}.")),
        ("garbage", "not.a.token".to_owned()),
    ];
    // The genuine token works, so the refusals below are the token's fault.
    app.post_graphql(VIEWER, json!({}), Some(&token)).await.ok();
    for (what, bad_token) in bad {
        let reply = app.post_graphql(VIEWER, json!({}), Some(&bad_token)).await;
        assert_eq!(reply.status, 401, "{what}");
        assert_eq!(reply.error_codes(), vec!["UNAUTHENTICATED"], "{what}");
    }
}

async fn a_disabled_account_cannot_log_in_and_its_token_stops_working(app: TestApp) {
    let token = app.secretariat().await;
    let account = entity::account::Entity::find()
        .filter(entity::account::Column::Email.eq("secretariat@example.org"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut active: entity::account::ActiveModel = account.into();
    active.disabled = Set(true);
    active.update(&app.db).await.unwrap();
    let reply = after_the_change(&app, &token, |r| r.status == 401).await;
    assert_eq!(reply.status, 401);
    assert_eq!(reply.error_codes(), vec!["UNAUTHENTICATED"]);
    assert_eq!(
        app.login("secretariat@example.org", TEST_PASSWORD).await,
        Err("INVALID_CREDENTIALS".into())
    );
}

async fn staff_accounts_must_fit_their_unit(app: TestApp) {
    use api::accounts::{CreateAccountError, create_account};
    let err = create_account(
        &app.db,
        "a@example.org",
        AccountRole::SchoolStaff,
        Some("威高集团股份有限公司"),
        TEST_PASSWORD,
    )
    .await;
    assert!(matches!(err, Err(CreateAccountError::Unit(_))));
    let err = create_account(
        &app.db,
        "b@example.org",
        AccountRole::EnterpriseStaff,
        Some("威海技师学院"),
        TEST_PASSWORD,
    )
    .await;
    assert!(matches!(err, Err(CreateAccountError::Unit(_))));
    let err = create_account(
        &app.db,
        "c@example.org",
        AccountRole::Secretariat,
        Some("威海技师学院"),
        TEST_PASSWORD,
    )
    .await;
    assert!(matches!(err, Err(CreateAccountError::Unit(_))));
    let err = create_account(
        &app.db,
        "d@example.org",
        AccountRole::Secretariat,
        None,
        "short",
    )
    .await;
    assert!(matches!(err, Err(CreateAccountError::WeakPassword)));
    create_account(
        &app.db,
        "e@example.org",
        AccountRole::Secretariat,
        None,
        TEST_PASSWORD,
    )
    .await
    .unwrap();
    let err = create_account(
        &app.db,
        "E@example.org",
        AccountRole::Secretariat,
        None,
        TEST_PASSWORD,
    )
    .await;
    assert!(matches!(err, Err(CreateAccountError::Taken(_))));
}

async fn password_guessing_is_throttled_per_email_address(app: TestApp) {
    app.secretariat().await;
    // The secretariat() login above used one attempt of the ten a minute.
    for _ in 0..9 {
        assert_eq!(
            app.login("secretariat@example.org", "guess").await,
            Err("INVALID_CREDENTIALS".into())
        );
    }
    let reply = app
        .post_graphql(
            "mutation { login(input: {email: \"Secretariat@example.org\", password: \"guess\"}) { token } }",
            json!({}),
            None,
        )
        .await;
    assert_eq!(reply.error_codes(), vec!["THROTTLED"]);
    let wait = reply.body["errors"][0]["extensions"]["retryAfterSeconds"]
        .as_u64()
        .unwrap();
    assert!(wait >= 1);
    // The wait is an HTTP `Retry-After` too, for clients and proxies that read only headers.
    let raw = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": "mutation { login(input: {email: \"secretariat@example.org\", password: \"guess\"}) { token } }" }))
        .send()
        .await
        .unwrap();
    let retry_after: u64 = raw.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    // Even the right password waits; other addresses are not affected.
    assert!(
        app.login("secretariat@example.org", TEST_PASSWORD)
            .await
            .is_err()
    );
    assert_eq!(
        app.login("other@example.org", "guess").await,
        Err("INVALID_CREDENTIALS".into())
    );
}

/// The answer to `VIEWER` with `token` once an account change written straight to the database
/// has taken effect: on SQLite the very next request (the account is read on every request); on
/// PostgreSQL as soon as the instance hears the change (`pg_notify` from a trigger on `account`,
/// which drops the cached account): polled for at most 5 s, which a working notification beats by
/// orders of magnitude. Returns the last answer either way.
async fn after_the_change(app: &TestApp, token: &str, taken: impl Fn(&Reply) -> bool) -> Reply {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let reply = app.post_graphql(VIEWER, json!({}), Some(token)).await;
        if taken(&reply) || app.backend == Backend::Sqlite || std::time::Instant::now() > deadline {
            return reply;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

async fn an_account_is_read_again_once_it_changes(app: TestApp) {
    let token = app.secretariat().await;
    app.post_graphql(VIEWER, json!({}), Some(&token)).await.ok();
    // Once used, a token's account costs a statement per request on SQLite, none on PostgreSQL.
    let (n, reply) = app
        .count_statements(app.post_graphql(VIEWER, json!({}), Some(&token)))
        .await;
    assert_eq!(
        reply.ok().data()["viewer"]["email"],
        "secretariat@example.org"
    );
    assert_eq!(n, app.account_reads());
    // Changed behind the API's back (as a database administrator or another instance would).
    entity::account::Entity::update_many()
        .col_expr(
            entity::account::Column::Email,
            sea_orm::sea_query::Expr::value("renamed@example.org"),
        )
        .filter(entity::account::Column::Email.eq("secretariat@example.org"))
        .exec(&app.db)
        .await
        .unwrap();
    let reply = after_the_change(&app, &token, |r| {
        r.body["data"]["viewer"]["email"] == "renamed@example.org"
    })
    .await;
    assert_eq!(reply.ok().data()["viewer"]["email"], "renamed@example.org");
    // Read again once, then cached again.
    let (n, reply) = app
        .count_statements(app.post_graphql(VIEWER, json!({}), Some(&token)))
        .await;
    reply.ok();
    assert_eq!(n, app.account_reads());
}
