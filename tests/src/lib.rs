//! Helpers for the end-to-end tests: the real server on port 0 with an isolated database per test
//! (a fresh SQLite file, or a fresh PostgreSQL database on the server `TEST_DATABASE_URL` names),
//! and a GraphQL client over HTTP.
//!
//! [`both_databases!`] turns each test function into two tests, `…::sqlite` and `…::postgres`.
//! Without `TEST_DATABASE_URL` the PostgreSQL twin is skipped — unless `CI=true`, where it fails.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::net::SocketAddr;
use std::path::PathBuf;

use api::Config;
use api::config::{LogFormat, Secret};
use api::db::StatementCounter;
use entity::enums::AccountRole;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use tokio::sync::oneshot;

/// The JWT secret every test server uses (tests forge tokens with it and with others).
pub const TEST_JWT_SECRET: &str = "test-secret-0123456789-0123456789-0123456789";
/// The password of every account the tests create.
pub const TEST_PASSWORD: &str = "a long test password";

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A fresh SQLite file.
    Sqlite,
    /// A fresh database on the PostgreSQL server of `TEST_DATABASE_URL`.
    Postgres,
}

/// A running server and what a test needs to talk to it.
pub struct TestApp {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Which database it runs on.
    pub backend: Backend,
    /// HTTP client.
    pub client: reqwest::Client,
    /// The server's own pool (for arranging fixtures).
    pub db: DatabaseConnection,
    /// The server's statement counter.
    pub statements: StatementCounter,
    _dir: tempfile::TempDir,
    shutdown: Option<oneshot::Sender<()>>,
}

/// A response: HTTP status and JSON body.
pub struct Reply {
    /// HTTP status.
    pub status: reqwest::StatusCode,
    /// Parsed body.
    pub body: Value,
}

impl Reply {
    /// `data` of the body.
    pub fn data(&self) -> &Value {
        &self.body["data"]
    }

    /// `extensions.code` of every top-level error.
    pub fn error_codes(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .map(|e| e["extensions"]["code"].as_str().unwrap_or("").to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Panics unless the body has no top-level errors.
    pub fn ok(self) -> Self {
        assert!(
            self.body.get("errors").is_none(),
            "unexpected errors: {}",
            self.body
        );
        self
    }
}

fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// The URL of database `name` on the server of `admin_url`.
fn with_database(admin_url: &str, name: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (admin_url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let mut url = format!("{}/{name}", &base[..host_end]);
    if let Some(q) = query {
        url.push('?');
        url.push_str(q);
    }
    url
}

/// A fresh, empty database on `backend` (a file in `dir` for SQLite), or `None` when PostgreSQL is
/// asked for but not configured (a failure under `CI=true`).
pub async fn fresh_database_url(backend: Backend, dir: &std::path::Path) -> Option<String> {
    match backend {
        Backend::Sqlite => Some(format!(
            "sqlite://{}?mode=rwc",
            dir.join(format!("alliance-{}.db", uuid::Uuid::new_v4().simple()))
                .display()
        )),
        Backend::Postgres => {
            let Some(admin) = postgres_admin_url() else {
                assert!(
                    std::env::var("CI").as_deref() != Ok("true"),
                    "TEST_DATABASE_URL must be set under CI: the PostgreSQL suite may not be skipped"
                );
                eprintln!("skipped: TEST_DATABASE_URL is not set");
                return None;
            };
            let name = format!("alliance_test_{}", uuid::Uuid::new_v4().simple());
            let conn = Database::connect(&admin)
                .await
                .expect("connect to TEST_DATABASE_URL");
            conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .expect("create test database");
            conn.close().await.ok();
            Some(with_database(&admin, &name))
        }
    }
}

/// The configuration of a test server on `database_url`: port 0, a known JWT secret, GraphiQL and
/// introspection on, one allowed CORS origin, a 64 KiB body limit.
pub fn test_config(database_url: String, dir: &std::path::Path) -> Config {
    Config {
        database_url: Some(database_url),
        data_dir: dir.to_path_buf(),
        bind_addr: "127.0.0.1:0".parse().unwrap(),
        jwt_secret: Some(Secret(TEST_JWT_SECRET.to_owned())),
        jwt_issuer: "weihai-alliance-api".into(),
        jwt_audience: "weihai-alliance-api".into(),
        token_ttl_seconds: 3600,
        log_format: LogFormat::Text,
        cors_allowed_origins: vec!["https://committee.example.org".into()],
        graphiql: Some(true),
        introspection: Some(true),
        metrics: true,
        request_timeout_seconds: 30,
        body_limit_bytes: 64 * 1024,
        upload_limit_bytes: 16 * 1024 * 1024,
        graphql_max_depth: 12,
        graphql_max_complexity: 50_000,
        login_attempts_per_minute: 10,
        db_max_connections: 5,
        default_locale: api::i18n::Locale::ZhCn,
        otlp_endpoint: None,
        audit_retention_days: 3650,
    }
}

/// Starts a server on `backend`, or `None` when PostgreSQL is asked for but not configured (a
/// failure under `CI=true`).
pub async fn spawn_app(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, |_| {}).await
}

/// As [`spawn_app`], with the configuration changed by `customize` first.
pub async fn spawn_app_with(
    backend: Backend,
    customize: impl FnOnce(&mut Config),
) -> Option<TestApp> {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database_url(backend, dir.path()).await?;
    let mut config = test_config(database_url, dir.path());
    customize(&mut config);
    let app = api::Application::build(config)
        .await
        .expect("build application");
    let addr = app.local_addr().expect("address");
    let db = app.db().clone();
    let statements = app.statements();
    let (tx, rx) = oneshot::channel::<()>();
    tokio::spawn(app.run_until_stopped(async {
        let _ = rx.await;
    }));
    Some(TestApp {
        addr,
        backend,
        client: reqwest::Client::new(),
        db,
        statements,
        _dir: dir,
        shutdown: Some(tx),
    })
}

impl TestApp {
    /// Tells the server to shut down (as SIGTERM does); it stops accepting at once.
    pub fn shut_down(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }

    /// `http://addr/graphql`.
    pub fn graphql_url(&self) -> String {
        format!("http://{}/graphql", self.addr)
    }

    /// Any path on the server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// POSTs a GraphQL request.
    pub async fn post_graphql(&self, query: &str, variables: Value, token: Option<&str>) -> Reply {
        let mut request = self
            .client
            .post(self.graphql_url())
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let text = response.text().await.expect("body");
        let body =
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
        Reply { status, body }
    }

    /// Creates an account through the library (as the CLI does), logs in over HTTP and uses the
    /// token once (so that on PostgreSQL its account is cached, and a request measured later costs
    /// the same on either database but for [`Self::account_reads`]); returns the token.
    pub async fn account_token(
        &self,
        email: &str,
        role: AccountRole,
        unit: Option<&str>,
    ) -> String {
        api::accounts::create_account(&self.db, email, role, unit, TEST_PASSWORD)
            .await
            .expect("create account");
        let token = self
            .login(email, TEST_PASSWORD)
            .await
            .expect("login succeeds");
        self.post_graphql("{ viewer { email } }", json!({}), Some(&token))
            .await
            .ok();
        token
    }

    /// Logs in over HTTP; the token, or the code of the user error (or top-level error) instead.
    pub async fn login(&self, email: &str, password: &str) -> Result<String, String> {
        let reply = self
            .post_graphql(
                "mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }",
                json!({ "input": { "email": email, "password": password } }),
                None,
            )
            .await;
        if let Some(code) = reply.error_codes().first() {
            return Err(code.clone());
        }
        let login = &reply.data()["login"];
        match login["token"].as_str() {
            Some(t) => Ok(t.to_owned()),
            None => Err(login["userErrors"][0]["code"]
                .as_str()
                .unwrap_or("")
                .to_owned()),
        }
    }

    /// A secretariat token.
    pub async fn secretariat(&self) -> String {
        self.account_token("secretariat@example.org", AccountRole::Secretariat, None)
            .await
    }

    /// The global ID of the member unit named `name`.
    pub async fn unit_id(&self, name: &str) -> String {
        let reply = self
            .post_graphql(
                "query($s: String) { memberUnits(first: 100, filter: {search: $s}) { nodes { id name } } }",
                json!({ "s": name }),
                None,
            )
            .await
            .ok();
        reply.data()["memberUnits"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["name"] == name)
            .map(|n| n["id"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("no unit named {name}"))
    }

    /// The global ID of the committee named `name`.
    pub async fn committee_id(&self, name: &str) -> String {
        let reply = self
            .post_graphql("{ committees { nodes { id name } } }", json!({}), None)
            .await
            .ok();
        reply.data()["committees"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["name"] == name)
            .map(|n| n["id"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("no committee named {name}"))
    }

    /// Runs mutation `name(input: $input)` with `selection` plus `userErrors`; returns its payload,
    /// or `{"topLevel": [codes]}` when the response carries top-level errors.
    pub async fn mutate(
        &self,
        name: &str,
        input_type: &str,
        input: Value,
        selection: &str,
        token: Option<&str>,
    ) -> Value {
        let query = format!(
            "mutation($input: {input_type}!) {{ {name}(input: $input) {{ {selection} userErrors {{ field code message }} }} }}"
        );
        let reply = self
            .post_graphql(&query, json!({ "input": input }), token)
            .await;
        if reply.body.get("errors").is_some() {
            return json!({ "topLevel": reply.error_codes() });
        }
        reply.body["data"][name].clone()
    }

    /// SQL statements a request with a token spends reading its account, once the token has been
    /// used: SQLite reads the account on every request; PostgreSQL reads it once, then keeps it in
    /// the instance's cache until the account changes (`api::account_cache`).
    pub fn account_reads(&self) -> u64 {
        match self.backend {
            Backend::Sqlite => 1,
            Backend::Postgres => 0,
        }
    }

    /// Runs `f` and returns how many SQL statements the server ran meanwhile.
    pub async fn count_statements<F, T>(&self, f: F) -> (u64, T)
    where
        F: std::future::Future<Output = T>,
    {
        let before = self.statements.get();
        let out = f.await;
        (self.statements.get() - before, out)
    }
}

/// The codes of a [`TestApp::mutate`] result, sorted: its top-level error codes, or its user
/// errors' codes.
pub fn codes(payload: &Value) -> Vec<String> {
    let mut c: Vec<String> = match payload.get("topLevel") {
        Some(top) => top
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|c| c.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
        None => payload["userErrors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["code"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
    };
    c.sort();
    c
}

/// Where the shared folder is: `SHARED_DIR`, else `../shared` beside the repository.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("SHARED_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
        PathBuf::from,
    )
}

/// The member names of the Founding notice's annex, read from the document itself (the non-empty
/// lines after the line `（177 家单位）`) in the planning copy beside the repository
/// (`../shared/seeds/`, present under CI; `docs/sources.md` names the file).
pub fn annex_names() -> Option<Vec<String>> {
    let text = std::fs::read_to_string(shared_dir().join("seeds/004_45aa2774a4916a5f.txt")).ok()?;
    let start = text.find("（177 家单位）")?;
    Some(
        text[start..]
            .lines()
            .skip(1)
            .map(str::to_owned)
            .filter(|l| !l.trim().is_empty())
            .collect(),
    )
}

/// Runs each named test twice: on SQLite and on PostgreSQL.
///
/// For every `name`, an `async fn name(app: TestApp)` in the same module is the test; the macro
/// adds a module `name` with the tests `sqlite` and `postgres`, each of which starts a server on
/// its database and passes it to the function.
///
/// ```text
/// both_databases!(anonymous_callers_read_the_member_list);
///
/// async fn anonymous_callers_read_the_member_list(app: TestApp) { … }
/// ```
#[macro_export]
macro_rules! both_databases {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let app = $crate::spawn_app($crate::Backend::Sqlite)
                        .await
                        .expect("SQLite always runs");
                    super::$name(app).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let Some(app) = $crate::spawn_app($crate::Backend::Postgres).await else {
                        return;
                    };
                    super::$name(app).await;
                }
            }
        )+
    };
}
