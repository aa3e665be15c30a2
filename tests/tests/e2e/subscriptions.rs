//! Live updates over WebSocket (graphql-transport-ws), with real server processes and a real
//! WebSocket client: in process on SQLite, and across two API instances on one PostgreSQL database
//! (events travel through `LISTEN/NOTIFY`).

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use alliance_tests::{Backend, TEST_JWT_SECRET, TEST_PASSWORD, fresh_database_url};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::fixtures::{FIRM_A, FIRM_B, SCHOOL, api_command, graphql_address};

/// A running `api serve` process; killed when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn command(database_url: &str, data_dir: &std::path::Path) -> Command {
    let mut cmd = api_command();
    cmd.env("DATABASE_URL", database_url)
        .env("DATA_DIR", data_dir)
        .env("JWT_SECRET", TEST_JWT_SECRET)
        .env("BIND_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "warn");
    cmd
}

fn serve(database_url: &str, data_dir: &std::path::Path) -> Server {
    let mut child = command(database_url, data_dir)
        .arg("serve")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start api serve");
    let (url, lines) = graphql_address(child.stdout.take().unwrap());
    // Keep reading, so the server never writes into a closed pipe.
    std::thread::spawn(move || lines.for_each(drop));
    Server { child, url }
}

fn create_account(
    database_url: &str,
    data_dir: &std::path::Path,
    email: &str,
    role: &str,
    unit: &str,
) {
    let mut child = command(database_url, data_dir)
        .args([
            "account", "create", "--email", email, "--role", role, "--unit", unit,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{TEST_PASSWORD}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn gql(url: &str, token: Option<&str>, query: &str, variables: Value) -> Value {
    let mut req = reqwest::Client::new()
        .post(url)
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let body: Value = req.send().await.unwrap().json().await.unwrap();
    assert!(body.get("errors").is_none(), "{body}");
    body["data"].clone()
}

async fn login(url: &str, email: &str) -> String {
    let data = gql(
        url,
        None,
        "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token } }",
        json!({ "e": email, "p": TEST_PASSWORD }),
    )
    .await;
    data["login"]["token"].as_str().unwrap().to_owned()
}

async fn unit_id(url: &str, name: &str) -> String {
    let data = gql(
        url,
        None,
        "query($s: String) { memberUnits(filter: {search: $s}) { nodes { id name } } }",
        json!({ "s": name }),
    )
    .await;
    data["memberUnits"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["name"] == name)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub(crate) type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A graphql-transport-ws client: `connection_init` with the token, then one `subscribe`.
struct Subscription {
    socket: Socket,
}

pub(crate) async fn connect(url: &str, payload: Value) -> Socket {
    let ws_url = url.replace("http://", "ws://") + "/ws";
    let mut request = ws_url.into_client_request().unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("WebSocket connects");
    socket
        .send(Message::text(
            json!({ "type": "connection_init", "payload": payload }).to_string(),
        ))
        .await
        .unwrap();
    socket
}

async fn subscribe(url: &str, token: &str, query: &str, variables: Value) -> Subscription {
    let mut socket = connect(url, json!({ "Authorization": format!("Bearer {token}") })).await;
    let ack = next_json(&mut socket).await.expect("connection_ack");
    assert_eq!(ack["type"], "connection_ack", "{ack}");
    socket
        .send(Message::text(
            json!({ "id": "1", "type": "subscribe", "payload": { "query": query, "variables": variables } }).to_string(),
        ))
        .await
        .unwrap();
    Subscription { socket }
}

pub(crate) async fn next_json(socket: &mut Socket) -> Option<Value> {
    loop {
        match tokio::time::timeout(Duration::from_secs(10), socket.next()).await {
            Ok(Some(Ok(Message::Text(text)))) => return Some(serde_json::from_str(&text).unwrap()),
            Ok(Some(Ok(Message::Close(frame)))) => {
                return Some(json!({
                    "type": "close",
                    "code": frame.as_ref().map(|f| u16::from(f.code)),
                    "reason": frame.map(|f| f.reason.to_string()),
                }));
            }
            Ok(Some(Ok(_))) => continue,
            _ => return None,
        }
    }
}

impl Subscription {
    /// The data of the next `next` message (10 s at most).
    async fn next(&mut self) -> Value {
        let msg = next_json(&mut self.socket)
            .await
            .expect("an event within 10 s");
        assert_eq!(msg["type"], "next", "{msg}");
        assert!(msg["payload"].get("errors").is_none(), "{msg}");
        msg["payload"]["data"].clone()
    }
}

const DEMANDS: &str = "subscription { orderClassDemandChanged { kind orderClassDemand { id status specialtyName totalHeadcount } } }";

async fn draft(url: &str, token: &str, specialty: &str) -> String {
    let data = gql(
        url,
        Some(token),
        "mutation($s: String!) { createOrderClassDemand(input: {specialtyName: $s, headcount: 30, startYear: 2027, startTerm: AUTUMN}) { orderClassDemand { id } userErrors { code } } }",
        json!({ "s": specialty }),
    )
    .await;
    data["createOrderClassDemand"]["orderClassDemand"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn publish(url: &str, token: &str, id: &str) {
    let data = gql(
        url,
        Some(token),
        "mutation($id: ID!) { publishOrderClassDemand(input: {id: $id}) { userErrors { code } } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(data["publishOrderClassDemand"]["userErrors"], json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscriber_sees_published_demand_but_never_another_firms_draft() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database_url(Backend::Sqlite, dir.path())
        .await
        .unwrap();
    let server = serve(&db, dir.path());
    create_account(
        &db,
        dir.path(),
        "a@firm.example.org",
        "ENTERPRISE_STAFF",
        FIRM_A,
    );
    create_account(
        &db,
        dir.path(),
        "s@school.example.org",
        "SCHOOL_STAFF",
        SCHOOL,
    );
    let firm = login(&server.url, "a@firm.example.org").await;
    let school = login(&server.url, "s@school.example.org").await;

    let mut school_sub = subscribe(&server.url, &school, DEMANDS, json!({})).await;
    let mut firm_sub = subscribe(&server.url, &firm, DEMANDS, json!({})).await;
    // Give the subscriptions a moment to be registered on the server before the first change.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let id = draft(&server.url, &firm, "数控技术应用").await;
    publish(&server.url, &firm, &id).await;

    let first = firm_sub.next().await;
    assert_eq!(first["orderClassDemandChanged"]["kind"], "CREATED");
    assert_eq!(
        firm_sub.next().await["orderClassDemandChanged"]["kind"],
        "POSTED"
    );
    // The school's first event is the publication: it never saw the draft.
    let seen = school_sub.next().await;
    assert_eq!(seen["orderClassDemandChanged"]["kind"], "POSTED", "{seen}");
    assert_eq!(
        seen["orderClassDemandChanged"]["orderClassDemand"]["id"],
        id
    );
    assert_eq!(
        seen["orderClassDemandChanged"]["orderClassDemand"]["status"],
        "OPEN"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connection_init_without_a_valid_token_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh_database_url(Backend::Sqlite, dir.path())
        .await
        .unwrap();
    let server = serve(&db, dir.path());
    for payload in [json!({}), json!({ "Authorization": "Bearer not-a-token" })] {
        let mut socket = connect(&server.url, payload.clone()).await;
        let reply = next_json(&mut socket).await;
        // A refused connection_init closes with 4403 (graphql-transport-ws's "Forbidden").
        let msg = reply.expect("the server answers before closing");
        assert_eq!(msg["type"], "close", "{payload} → {msg}");
        assert_eq!(msg["code"], 4403, "{payload} → {msg}");
        // The reason is in the default language (Chinese): a valid token (令牌) is required.
        assert!(msg["reason"].as_str().unwrap().contains("令牌"), "{msg}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscriber_on_one_instance_sees_changes_made_through_another() {
    let dir = tempfile::tempdir().unwrap();
    let Some(db) = fresh_database_url(Backend::Postgres, dir.path()).await else {
        return;
    };
    // Two API processes on one PostgreSQL database: both migrate and seed at once, safely.
    let one = serve(&db, dir.path());
    let two = serve(&db, dir.path());
    create_account(
        &db,
        dir.path(),
        "a@firm.example.org",
        "ENTERPRISE_STAFF",
        FIRM_A,
    );
    create_account(
        &db,
        dir.path(),
        "b@firm.example.org",
        "ENTERPRISE_STAFF",
        FIRM_B,
    );
    create_account(
        &db,
        dir.path(),
        "s@school.example.org",
        "SCHOOL_STAFF",
        SCHOOL,
    );
    let firm = login(&two.url, "a@firm.example.org").await;
    let firm_b = login(&two.url, "b@firm.example.org").await;
    let school = login(&one.url, "s@school.example.org").await;

    // The school subscribes on instance one; the firms act on instance two.
    let mut demands = subscribe(&one.url, &school, DEMANDS, json!({})).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let id = draft(&two.url, &firm, "焊接技术应用").await;
    publish(&two.url, &firm, &id).await;
    let seen = demands.next().await;
    assert_eq!(seen["orderClassDemandChanged"]["kind"], "POSTED", "{seen}");
    assert_eq!(
        seen["orderClassDemandChanged"]["orderClassDemand"]["specialtyName"],
        "焊接技术应用"
    );
    gql(&two.url, Some(&firm_b), "mutation($id: ID!) { joinOrderClassDemand(input: {id: $id, headcount: 10}) { userErrors { code } } }", json!({ "id": id })).await;
    let joined = demands.next().await;
    assert_eq!(joined["orderClassDemandChanged"]["kind"], "JOINED");
    assert_eq!(
        joined["orderClassDemandChanged"]["orderClassDemand"]["totalHeadcount"],
        40
    );

    // The school proposes on instance one and follows the class there; the firms accept on two.
    let a = unit_id(&one.url, FIRM_A).await;
    let b = unit_id(&one.url, FIRM_B).await;
    let class = gql(
        &one.url,
        Some(&school),
        r#"mutation($d: ID!, $a: ID!, $b: ID!) { createOrderClass(input: {demandId: $d, name: "焊接订单班", specialtyName: "焊接技术应用", cohortYear: 2027, plannedSeats: 40,
            sponsors: [{enterpriseId: $a, seats: 30}, {enterpriseId: $b, seats: 10}],
            plan: {totalSpecialtyHours: 1000, enterpriseWorkshopHours: 500, corePracticeHours: 300, ordinaryClassPracticeHours: 200}}) { orderClass { id } userErrors { code } } }"#,
        json!({ "d": id, "a": a, "b": b }),
    )
    .await;
    let class_id = class["createOrderClass"]["orderClass"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut follow = subscribe(
        &one.url,
        &school,
        "subscription($id: ID!) { orderClassChanged(id: $id) { kind orderClass { status } } }",
        json!({ "id": class_id }),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let accept =
        "mutation($id: ID!) { acceptOrderClass(input: {id: $id}) { userErrors { code } } }";
    gql(&two.url, Some(&firm), accept, json!({ "id": class_id })).await;
    assert_eq!(follow.next().await["orderClassChanged"]["kind"], "ACCEPTED");
    gql(&two.url, Some(&firm_b), accept, json!({ "id": class_id })).await;
    assert_eq!(follow.next().await["orderClassChanged"]["kind"], "ACCEPTED");
    gql(&one.url, Some(&school), accept, json!({ "id": class_id })).await;
    let agreed = follow.next().await;
    assert_eq!(agreed["orderClassChanged"]["kind"], "AGREED");
    assert_eq!(
        agreed["orderClassChanged"]["orderClass"]["status"],
        "AGREED"
    );
    // …and the demand subscriber on instance one hears that the demand is matched.
    let matched = demands.next().await;
    assert_eq!(matched["orderClassDemandChanged"]["kind"], "MATCHED");
}
