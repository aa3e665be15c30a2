//! The command-line tool, run as a real process against a throwaway SQLite database.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::fixtures::{api_command, graphql_address};

fn api(dir: &std::path::Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = api_command()
        .args(args)
        .env("DATA_DIR", dir)
        .env_remove("DATABASE_URL")
        .env_remove("JWT_SECRET")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run api");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("api output")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn seeding_twice_inserts_the_annex_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = api(dir.path(), &["seed"], None);
    assert!(first.status.success(), "{first:?}");
    assert!(
        stdout(&first).contains("177 member units, 3 milestones, 8 targets inserted"),
        "{}",
        stdout(&first)
    );
    let second = api(dir.path(), &["seed"], None);
    assert!(second.status.success());
    assert!(
        stdout(&second).contains(" 0 member units, 0 milestones, 0 targets inserted"),
        "{}",
        stdout(&second)
    );
    assert!(dir.path().join("alliance.db").exists());
}

#[test]
fn account_create_reads_the_password_from_stdin_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let ok = api(
        dir.path(),
        &[
            "account",
            "create",
            "--email",
            "sec@example.org",
            "--role",
            "SECRETARIAT",
        ],
        Some("a sufficiently long password\n"),
    );
    assert!(ok.status.success(), "{ok:?}");
    assert!(stdout(&ok).contains("created account sec@example.org"));
    let again = api(
        dir.path(),
        &[
            "account",
            "create",
            "--email",
            "SEC@example.org",
            "--role",
            "SECRETARIAT",
        ],
        Some("a sufficiently long password\n"),
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    let short = api(
        dir.path(),
        &[
            "account",
            "create",
            "--email",
            "x@example.org",
            "--role",
            "SECRETARIAT",
        ],
        Some("short\n"),
    );
    assert!(!short.status.success());
    let wrong_unit = api(
        dir.path(),
        &[
            "account",
            "create",
            "--email",
            "s@example.org",
            "--role",
            "SCHOOL_STAFF",
            "--unit",
            "威高集团股份有限公司",
        ],
        Some("a sufficiently long password\n"),
    );
    assert!(!wrong_unit.status.success());
    let school = api(
        dir.path(),
        &[
            "account",
            "create",
            "--email",
            "s@example.org",
            "--role",
            "SCHOOL_STAFF",
            "--unit",
            "威海技师学院",
        ],
        Some("a sufficiently long password\n"),
    );
    assert!(school.status.success(), "{school:?}");
}

#[test]
fn schema_check_passes_for_the_committed_file_and_fails_for_a_stale_one() {
    let dir = tempfile::tempdir().unwrap();
    let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema.graphql");
    let ok = api(
        dir.path(),
        &["schema", "--check", "--path", committed.to_str().unwrap()],
        None,
    );
    assert!(ok.status.success(), "{ok:?}");
    let stale = dir.path().join("stale.graphql");
    std::fs::write(&stale, "type Query { old: Int }\n").unwrap();
    let bad = api(
        dir.path(),
        &["schema", "--check", "--path", stale.to_str().unwrap()],
        None,
    );
    assert!(!bad.status.success());
    let printed = api(dir.path(), &["schema"], None);
    assert_eq!(
        stdout(&printed),
        std::fs::read_to_string(committed).unwrap()
    );
}

#[test]
fn the_generated_jwt_secret_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // `account create` builds no server; `serve` would block, so build the secret as serve does.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let mut config = api::Config::from_env().unwrap();
        config.data_dir = dir.path().to_path_buf();
        config.database_url = None;
        config.jwt_secret = None;
        config.bind_addr = "127.0.0.1:0".parse().unwrap();
        api::Application::build(config).await.unwrap();
    });
    let meta = std::fs::metadata(dir.path().join("jwt-secret")).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(
        std::fs::read_to_string(dir.path().join("jwt-secret"))
            .unwrap()
            .trim()
            .len()
            >= 64
    );
}

#[test]
fn serve_answers_on_its_address_and_stops_cleanly_on_sigterm() {
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let mut child = api_command()
        .arg("serve")
        .env("DATA_DIR", dir.path())
        .env("BIND_ADDR", "127.0.0.1:0")
        .env_remove("DATABASE_URL")
        .env_remove("JWT_SECRET")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start api serve");
    let (url, _output) = graphql_address(child.stdout.take().unwrap());
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/graphql"),
        "{url}"
    );
    let health = url.replace("/graphql", "/healthz");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let body: serde_json::Value = rt.block_on(async {
        assert_eq!(reqwest::get(&health).await.unwrap().status(), 200);
        reqwest::Client::new()
            .post(&url)
            .json(&serde_json::json!({ "query": "{ memberUnits(first: 100) { totalCount } }" }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    });
    assert_eq!(body["data"]["memberUnits"]["totalCount"], 177);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "serve did not stop after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        status.success(),
        "serve exited with {status:?} after SIGTERM"
    );
}

#[test]
fn import_reads_synthetic_files_once_and_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let made = api(
        dir.path(),
        &[
            "synthetic",
            "--rows",
            "300",
            "--out",
            dir.path().to_str().unwrap(),
        ],
        None,
    );
    assert!(made.status.success(), "{made:?}");
    let students = dir.path().join("synthetic-students.csv");
    let placements = dir.path().join("synthetic-placements.csv");
    assert!(
        std::fs::read_to_string(&students)
            .unwrap()
            .contains("合成学生000299")
    );
    let run = |file: &std::path::Path, what: &str| {
        api(
            dir.path(),
            &[
                "import",
                what,
                file.to_str().unwrap(),
                "--unit",
                "威海技师学院",
            ],
            None,
        )
    };
    let first = run(&students, "students");
    assert!(
        stdout(&first).contains("300 rows read, 300 inserted"),
        "{first:?}"
    );
    let first = run(&placements, "placements");
    assert!(
        stdout(&first).contains("300 rows read, 300 inserted"),
        "{first:?}"
    );
    let again = run(&placements, "placements");
    assert!(
        stdout(&again).contains("0 inserted, 0 updated, 300 unchanged"),
        "{again:?}"
    );
    // A file with a bad row writes nothing and names the row.
    let bad = dir.path().join("bad.csv");
    let text = std::fs::read_to_string(&placements)
        .unwrap()
        .replacen("SYN000000,", "NOBODY,", 1);
    std::fs::write(&bad, text).unwrap();
    let refused = run(&bad, "placements");
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("row 2 studentNumber"),
        "{refused:?}"
    );
    // Importing for a unit that is not a school is refused.
    let firm = api(
        dir.path(),
        &[
            "import",
            "students",
            students.to_str().unwrap(),
            "--unit",
            "威高集团股份有限公司",
        ],
        None,
    );
    assert!(!firm.status.success());
}

/// `LOG_FORMAT=json`: standard output is JSON lines only (the start banner included), one access
/// line per request with its operation, status, latency, request id and cost, failed logins with
/// a keyed pseudonym of the e-mail, and never a variable's value or an e-mail address.
#[test]
fn json_logs_are_json_only_with_one_access_line_per_request_and_no_personal_data() {
    use std::io::BufRead;
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let mut child = api_command()
        .arg("serve")
        .env("DATA_DIR", dir.path())
        .env("BIND_ADDR", "127.0.0.1:0")
        .env("LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .env_remove("DATABASE_URL")
        .env_remove("JWT_SECRET")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start api serve");
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut seen: Vec<serde_json::Value> = Vec::new();
    let url = loop {
        let line = lines.next().expect("serve logs its address").unwrap();
        let event: serde_json::Value =
            serde_json::from_str(&line).unwrap_or_else(|_| panic!("not JSON: {line}"));
        if event["message"] == "listening" {
            break event["graphql"].as_str().unwrap().to_owned();
        }
        seen.push(event);
    };
    let secret_value = "学生姓名-不应出现在日志";
    let email = "clerk.who.failed@example.org";
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let client = reqwest::Client::new();
        let r = client
            .post(&url)
            .header("x-request-id", "req-json-logs-1")
            .json(&serde_json::json!({
                "query": "query Search($s: String) { memberUnits(first: 1, filter: { search: $s }) { totalCount } }",
                "variables": { "s": secret_value }
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let r = client
            .post(&url)
            .json(&serde_json::json!({
                "query": "mutation SignIn($i: LoginInput!) { login(input: $i) { token } }",
                "variables": { "i": { "email": email, "password": "wrong-password-here" } }
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    });
    // Read until both access lines are there (the server logs as it answers).
    let deadline = Instant::now() + Duration::from_secs(20);
    while seen
        .iter()
        .filter(|e| e["target"] == "access" && e["path"] == "/graphql")
        .count()
        < 2
    {
        assert!(Instant::now() < deadline, "no access lines: {seen:?}");
        let line = lines.next().expect("more log lines").unwrap();
        seen.push(serde_json::from_str(&line).unwrap_or_else(|_| panic!("not JSON: {line}")));
    }
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let access: Vec<_> = seen.iter().filter(|e| e["target"] == "access").collect();
    let search = access
        .iter()
        .find(|e| e["operation"] == "Search")
        .expect("an access line for Search");
    assert_eq!(search["method"], "POST");
    assert_eq!(search["status"], 200);
    assert_eq!(search["request_id"], "req-json-logs-1");
    assert_eq!(search["outcome"], "ok");
    assert!(search["latency_ms"].as_f64().is_some(), "{search}");
    assert!(search["cost"].as_u64().unwrap() >= 1, "{search}");
    let failed = seen
        .iter()
        .find(|e| e["message"] == "login failed")
        .expect("a failed-login line");
    let pseudonym = failed["email"].as_str().unwrap();
    assert_eq!(pseudonym.len(), 16, "{failed}");
    let everything = seen.iter().map(ToString::to_string).collect::<String>();
    for private in [secret_value, email, "wrong-password-here"] {
        assert!(!everything.contains(private), "{private} was logged");
    }
    assert!(!everything.contains('\u{1b}'), "ANSI colours in a pipe");
}

/// A write by the command line is in the audit trail as the command's (source CLI, no account),
/// with the e-mail recorded as changed, never its value; the seeds are recorded too.
#[test]
fn a_command_line_write_is_recorded_in_the_audit_trail() {
    let dir = tempfile::tempdir().unwrap();
    let created = api(
        dir.path(),
        &[
            "account",
            "create",
            "--email",
            "audit-sec@example.org",
            "--role",
            "SECRETARIAT",
        ],
        Some("a sufficiently long password\n"),
    );
    assert!(created.status.success(), "{created:?}");
    let mut child = api_command()
        .arg("serve")
        .env("DATA_DIR", dir.path())
        .env("BIND_ADDR", "127.0.0.1:0")
        .env_remove("DATABASE_URL")
        .env_remove("JWT_SECRET")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start api serve");
    let (url, _output) = graphql_address(child.stdout.take().unwrap());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let post = |body: serde_json::Value, token: Option<String>| {
        let url = url.clone();
        async move {
            let mut request = reqwest::Client::new().post(&url).json(&body);
            if let Some(t) = token {
                request = request.bearer_auth(t);
            }
            request
                .send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
        }
    };
    let events = rt.block_on(async {
        let login = post(
            serde_json::json!({ "query": "mutation { login(input: {email: \"audit-sec@example.org\", password: \"a sufficiently long password\"}) { token } }" }),
            None,
        )
        .await;
        let token = login["data"]["login"]["token"]
            .as_str()
            .unwrap_or_else(|| panic!("{login}"))
            .to_owned();
        post(
            serde_json::json!({ "query": "{ account: auditEvents(filter: {operation: \"cli account create\"}) { nodes { source action objectType accountId changes { field after valuesHidden } } } seeded: auditEvents(filter: {objectId: null, operation: \"cli account create\", actions: [CREATE]}) { totalCount } }" }),
            Some(token),
        )
        .await
    });
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let nodes = events["data"]["account"]["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("{events}"));
    let account = nodes
        .iter()
        .find(|e| e["objectType"] == "account")
        .unwrap_or_else(|| panic!("{events}"));
    assert_eq!(account["source"], "CLI");
    assert_eq!(account["action"], "CREATE");
    assert_eq!(account["accountId"], serde_json::Value::Null);
    let email = account["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "email")
        .unwrap();
    assert_eq!(email["valuesHidden"], true);
    assert!(!events.to_string().contains("audit-sec@example.org"));
    // `account create` migrates and seeds first: the annex's units are recorded as its writes.
    assert!(
        events["data"]["seeded"]["totalCount"].as_u64().unwrap() >= 177,
        "{events}"
    );
}
