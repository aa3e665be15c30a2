//! Load for the fault tests (`tests/bench/faults.sh`): concurrent writers, subscribers, a
//! readiness probe and many open connections against a running API, each outcome classified by
//! its HTTP status and error code. Prints one JSON summary on standard output.
//!
//! It judges nothing itself: the script reads the summary (`internal`, `lost`, `silentlyMissed`,
//! `readyzMaxMs`, …) and says what passed.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::sync::Mutex;
use tokio_tungstenite::tungstenite::Message;

/// Load for the fault tests.
#[derive(Parser)]
struct Cli {
    /// The API's base address, e.g. `http://127.0.0.1:8080`.
    #[arg(long)]
    url: String,
    /// What to run.
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Concurrent writers (and, with `--subscribe`, a subscriber and a readiness probe) for a
    /// while; then checks that every acknowledged write is stored.
    Write(WriteArgs),
    /// Many connections, each its own TCP connection, querying in a loop.
    Connections {
        /// Open connections.
        #[arg(long, default_value_t = 500)]
        connections: usize,
        /// Seconds of load.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
    },
}

/// The writers' settings.
#[derive(clap::Args)]
struct WriteArgs {
    /// Login e-mail of the writing account.
    #[arg(long)]
    email: String,
    /// Its password.
    #[arg(long)]
    password: String,
    /// What each writer writes.
    #[arg(long, value_enum)]
    write: Write,
    /// Concurrent writers.
    #[arg(long, default_value_t = 8)]
    workers: usize,
    /// Seconds of load.
    #[arg(long, default_value_t = 30)]
    seconds: u64,
    /// A label for the keys written (keeps runs apart on one database).
    #[arg(long, default_value = "run")]
    tag: String,
    /// Also follow `orderClassDemandChanged` (for `--write demand`) and probe `/readyz`.
    #[arg(long)]
    subscribe: bool,
    /// Probe `/readyz` every 100 ms (implied by `--subscribe`).
    #[arg(long)]
    probe: bool,
}

/// What a writer writes.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Write {
    /// `saveStudent` of one student number shared by every writer (a double submit, a retry).
    StudentSame,
    /// `saveStudent` of a new student number each time.
    StudentDistinct,
    /// `createOrderClassDemand` (a firm's account), each a new demand and an event.
    Demand,
}

/// How one request ended.
#[derive(Default)]
struct Tally {
    /// Outcome → count: `ok`, a user error or `extensions.code`, `http-<status>`, `transport`.
    outcomes: BTreeMap<String, u64>,
    /// Keys (student numbers, demand ids) of acknowledged writes, with when (ms since the epoch).
    acknowledged: Vec<(String, u128)>,
}

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis()
}

async fn graphql(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    query: &str,
    variables: Value,
) -> Result<(u16, Value), String> {
    let mut request = client
        .post(format!("{url}/graphql"))
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(t) = token {
        request = request.bearer_auth(t);
    }
    let response = request.send().await.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let body = response.json().await.unwrap_or(Value::Null);
    Ok((status, body))
}

/// The outcome's name: `ok`, the first user error's code, the first top-level error's
/// `extensions.code`, or `http-<status>`.
fn outcome(status: u16, body: &Value, field: &str) -> String {
    if let Some(code) = body["errors"][0]["extensions"]["code"].as_str() {
        return code.to_owned();
    }
    if status != 200 {
        return format!("http-{status}");
    }
    match body["data"][field]["userErrors"][0]["code"].as_str() {
        Some(code) => code.to_owned(),
        None if body["data"][field].is_object() => "ok".to_owned(),
        None => format!("http-{status}-no-data"),
    }
}

async fn login(
    client: &reqwest::Client,
    url: &str,
    email: &str,
    password: &str,
) -> anyhow::Result<String> {
    for _ in 0..60 {
        if let Ok((_, body)) = graphql(
            client,
            url,
            None,
            "mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }",
            json!({ "input": { "email": email, "password": password } }),
        )
        .await
            && let Some(token) = body["data"]["login"]["token"].as_str()
        {
            return Ok(token.to_owned());
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    bail!("cannot log in as {email}")
}

/// One writer's request `i`: the mutation, its variables, the payload field and the key written.
fn request(
    write: Write,
    tag: &str,
    worker: usize,
    i: u64,
) -> (&'static str, Value, &'static str, String) {
    match write {
        Write::StudentSame | Write::StudentDistinct => {
            let number = if write == Write::StudentSame {
                format!("{tag}-same")
            } else {
                format!("{tag}-{worker}-{i}")
            };
            (
                "mutation($input: SaveStudentInput!) { saveStudent(input: $input) { student { id studentNumber name } userErrors { code } } }",
                json!({ "input": { "studentNumber": number, "name": format!("合成{worker}-{i}"), "gender": "FEMALE", "dateOfBirth": "2007-05-01", "yearOfStudy": 2 } }),
                "saveStudent",
                format!("合成{worker}-{i}"),
            )
        }
        Write::Demand => (
            "mutation($input: CreateOrderClassDemandInput!) { createOrderClassDemand(input: $input) { orderClassDemand { id } userErrors { code } } }",
            json!({ "input": { "specialtyName": format!("合成专业 {tag} {worker}-{i}"), "headcount": 10, "startYear": 2027, "startTerm": "AUTUMN" } }),
            "createOrderClassDemand",
            String::new(),
        ),
    }
}

async fn writer(
    url: String,
    token: String,
    write: Write,
    tag: String,
    worker: usize,
    until: Instant,
    tally: Arc<Mutex<Tally>>,
) {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_default();
    let mut i = 0;
    while Instant::now() < until {
        i += 1;
        let (query, variables, field, key) = request(write, &tag, worker, i);
        let reply = graphql(&client, &url, Some(&token), query, variables).await;
        let mut t = tally.lock().await;
        match reply {
            Ok((status, body)) => {
                let o = outcome(status, &body, field);
                if o == "ok" {
                    let object = if write == Write::Demand {
                        "orderClassDemand"
                    } else {
                        "student"
                    };
                    let id = body["data"][field][object]["id"]
                        .as_str()
                        .unwrap_or_default();
                    // The shared student number: the key is the name written (the stored name must
                    // be one of the acknowledged), with the student's id.
                    let key = if write == Write::StudentSame {
                        format!("{id} {key}")
                    } else {
                        id.to_owned()
                    };
                    t.acknowledged.push((key, now_ms()));
                } else if o != "UNAVAILABLE" {
                    eprintln!("writer {worker}: {o}: {body}");
                }
                *t.outcomes.entry(o).or_default() += 1;
            }
            Err(e) => {
                eprintln!("writer {worker}: transport: {e}");
                *t.outcomes.entry("transport".into()).or_default() += 1;
                drop(t);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}

/// What the subscriber saw: demand ids delivered, when it was told to resync, and the windows in
/// which a subscription was live (from its first event to its end).
#[derive(Default)]
struct Seen {
    delivered: HashSet<String>,
    resyncs: Vec<u128>,
    windows: Vec<(u128, u128)>,
    other_errors: Vec<String>,
}

/// Follows `orderClassDemandChanged` until `until`, subscribing again after each
/// `RESYNC_REQUIRED` (or a dropped socket, recorded as a resync too).
async fn subscriber(url: String, token: String, until: Instant, seen: Arc<Mutex<Seen>>) {
    let ws = url.replacen("http", "ws", 1) + "/graphql/ws";
    while Instant::now() < until {
        if let Err(e) = follow(&ws, &token, until, &seen).await {
            seen.lock().await.other_errors.push(e.to_string());
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

async fn follow(ws: &str, token: &str, until: Instant, seen: &Mutex<Seen>) -> anyhow::Result<()> {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let mut request = ws.into_client_request()?;
    request
        .headers_mut()
        .insert("Sec-WebSocket-Protocol", "graphql-transport-ws".parse()?);
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await?;
    socket
        .send(Message::text(
            json!({ "type": "connection_init", "payload": { "token": token } }).to_string(),
        ))
        .await?;
    socket
        .send(Message::text(
            json!({ "id": "1", "type": "subscribe", "payload": { "query": "subscription { orderClassDemandChanged { kind orderClassDemand { id } } }" } })
                .to_string(),
        ))
        .await?;
    let mut first: Option<u128> = None;
    let result = receive(&mut socket, until, seen, &mut first).await;
    if let Some(start) = first {
        seen.lock().await.windows.push((start, now_ms()));
    }
    result
}

/// Reads the subscription's messages until `until`, the socket's end or `complete`; `first` is
/// set when the first event arrives.
async fn receive<S>(
    socket: &mut S,
    until: Instant,
    seen: &Mutex<Seen>,
    first: &mut Option<u128>,
) -> anyhow::Result<()>
where
    S: futures_util::Stream<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin,
{
    loop {
        let left = until.saturating_duration_since(Instant::now());
        let Ok(message) = tokio::time::timeout(left, socket.next()).await else {
            return Ok(());
        };
        let Some(message) = message else {
            seen.lock().await.resyncs.push(now_ms());
            return Ok(());
        };
        let text = match message? {
            Message::Text(t) => t.to_string(),
            Message::Close(_) => {
                seen.lock().await.resyncs.push(now_ms());
                return Ok(());
            }
            _ => continue,
        };
        let v: Value = serde_json::from_str(&text)?;
        match v["type"].as_str() {
            Some("next") => {
                if let Some(id) =
                    v["payload"]["data"]["orderClassDemandChanged"]["orderClassDemand"]["id"]
                        .as_str()
                {
                    first.get_or_insert_with(now_ms);
                    seen.lock().await.delivered.insert(id.to_owned());
                } else if v["payload"]["errors"][0]["extensions"]["code"] == "RESYNC_REQUIRED" {
                    seen.lock().await.resyncs.push(now_ms());
                } else {
                    seen.lock().await.other_errors.push(text);
                }
            }
            Some("error") => seen.lock().await.other_errors.push(text),
            Some("complete") => return Ok(()),
            _ => {}
        }
    }
}

/// Probes `/readyz` every 100 ms until `until`: the slowest answer and each change of state with
/// its time (ms since the epoch).
async fn probe(url: String, until: Instant) -> Value {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap_or_default();
    let mut slowest = 0u128;
    let mut last = 0u16;
    let mut changes = Vec::new();
    while Instant::now() < until {
        let started = Instant::now();
        let status = match client.get(format!("{url}/readyz")).send().await {
            Ok(r) => r.status().as_u16(),
            Err(_) => 0,
        };
        slowest = slowest.max(started.elapsed().as_millis());
        if status != last {
            changes.push(json!({ "at": now_ms(), "status": status }));
            last = status;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    json!({ "readyzMaxMs": slowest, "readyzChanges": changes })
}

/// Reads back what was acknowledged: the keys not stored.
async fn lost(url: &str, token: &str, write: Write, tally: &Tally) -> anyhow::Result<Vec<String>> {
    let client = reqwest::Client::new();
    let mut missing = Vec::new();
    if write == Write::StudentSame {
        let Some((id, _)) = tally
            .acknowledged
            .first()
            .and_then(|(k, _)| k.split_once(' '))
        else {
            return Ok(missing);
        };
        let (_, body) = graphql(
            &client,
            url,
            Some(token),
            "query($id: ID!) { node(id: $id) { ... on Student { name } } }",
            json!({ "id": id }),
        )
        .await
        .map_err(anyhow::Error::msg)?;
        let Some(stored) = body["data"]["node"]["name"].as_str() else {
            bail!("cannot read the student back: {body}")
        };
        if !tally
            .acknowledged
            .iter()
            .any(|(k, _)| k.split_once(' ').is_some_and(|(_, name)| name == stored))
        {
            missing.push(format!(
                "stored name {stored:?} is none of the acknowledged"
            ));
        }
        return Ok(missing);
    }
    for chunk in tally.acknowledged.chunks(100) {
        let ids: Vec<&str> = chunk.iter().map(|(k, _)| k.as_str()).collect();
        let (_, body) = graphql(
            &client,
            url,
            Some(token),
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            json!({ "ids": ids }),
        )
        .await
        .map_err(anyhow::Error::msg)?;
        let Some(nodes) = body["data"]["nodes"].as_array() else {
            bail!("cannot read the writes back: {body}")
        };
        for (node, id) in nodes.iter().zip(&ids) {
            if node.is_null() {
                missing.push((*id).to_owned());
            }
        }
    }
    Ok(missing)
}

async fn write_run(url: String, args: WriteArgs) -> anyhow::Result<Value> {
    let WriteArgs {
        email,
        password,
        write,
        workers,
        seconds,
        tag,
        subscribe,
        probe: probing_asked,
    } = args;
    let client = reqwest::Client::new();
    let token = login(&client, &url, &email, &password).await?;
    let until = Instant::now() + Duration::from_secs(seconds);
    let tally = Arc::new(Mutex::new(Tally::default()));
    let seen = Arc::new(Mutex::new(Seen::default()));
    let mut tasks = Vec::new();
    // The subscriber listens a little longer than the writers write.
    let listening = tokio::spawn(subscriber(
        url.clone(),
        token.clone(),
        until + Duration::from_secs(3),
        seen.clone(),
    ));
    if !subscribe {
        listening.abort();
    }
    let probing = (subscribe || probing_asked).then(|| tokio::spawn(probe(url.clone(), until)));
    tokio::time::sleep(Duration::from_millis(500)).await;
    for worker in 0..workers {
        tasks.push(tokio::spawn(writer(
            url.clone(),
            token.clone(),
            write,
            tag.clone(),
            worker,
            until,
            tally.clone(),
        )));
    }
    for t in tasks {
        t.await?;
    }
    let probed = match probing {
        Some(p) => p.await?,
        None => json!({}),
    };
    if subscribe {
        let _ = listening.await;
    }
    // Read back once the database is surely up again.
    let mut missing = None;
    for _ in 0..60 {
        match lost(&url, &token, write, &*tally.lock().await).await {
            Ok(m) => {
                missing = Some(m);
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
        }
    }
    let missing = missing.context("cannot read the writes back")?;
    let t = tally.lock().await;
    let s = seen.lock().await;
    let last_resync = s.resyncs.iter().max().copied().unwrap_or(0);
    // An acknowledged change is missed silently when it was never delivered, no RESYNC_REQUIRED
    // came after it, and it was acknowledged while a subscription was live (a second after the
    // subscription's first event, so that it surely saw the commit, until it ended). Between two
    // subscriptions the client was told to resync and re-reads what it shows: a change there is
    // not missed silently.
    let silently: Vec<&String> = if subscribe && write == Write::Demand {
        t.acknowledged
            .iter()
            .filter(|(k, at)| {
                !s.delivered.contains(k)
                    && !s.resyncs.iter().any(|r| r >= at)
                    && s.windows
                        .iter()
                        .any(|(start, end)| *at > start + 1000 && at < end)
            })
            .map(|(k, _)| k)
            .collect()
    } else {
        Vec::new()
    };
    let mut summary = json!({
        "write": format!("{write:?}"),
        "workers": workers,
        "seconds": seconds,
        "requests": t.outcomes.values().sum::<u64>(),
        "outcomes": t.outcomes,
        "acknowledged": t.acknowledged.len(),
        "lost": missing,
        "internal": t.outcomes.get("INTERNAL_SERVER_ERROR").copied().unwrap_or(0) + t.outcomes.get("INTERNAL").copied().unwrap_or(0) + t.outcomes.iter().filter(|(k, _)| k.starts_with("http-5") && *k != "http-503").map(|(_, v)| v).sum::<u64>(),
    });
    if subscribe {
        summary["delivered"] = json!(s.delivered.len());
        summary["resyncs"] = json!(s.resyncs.len());
        summary["liveWindows"] = json!(s.windows.len());
        summary["lastResyncAt"] = json!(last_resync);
        summary["silentlyMissed"] = json!(silently);
        summary["subscriberErrors"] = json!(s.other_errors.iter().take(5).collect::<Vec<_>>());
    }
    if let Value::Object(p) = probed {
        for (k, v) in p {
            summary[k] = v;
        }
    }
    Ok(summary)
}

async fn connections_run(url: String, connections: usize, seconds: u64) -> anyhow::Result<Value> {
    let until = Instant::now() + Duration::from_secs(seconds);
    let tally = Arc::new(Mutex::new(BTreeMap::<String, u64>::new()));
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let url = url.clone();
        let tally = tally.clone();
        tasks.push(tokio::spawn(async move {
            // One client per task: its own connection, kept alive.
            let client = reqwest::Client::builder()
                .pool_max_idle_per_host(1)
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap_or_default();
            while Instant::now() < until {
                let o = match graphql(
                    &client,
                    &url,
                    None,
                    "{ memberUnits(first: 5) { totalCount nodes { name kind } } }",
                    json!({}),
                )
                .await
                {
                    Ok((status, body))
                        if status == 200
                            && body["data"]["memberUnits"]["totalCount"].is_number() =>
                    {
                        "ok".to_owned()
                    }
                    Ok((status, body)) => {
                        eprintln!("connection: {status} {body}");
                        body["errors"][0]["extensions"]["code"]
                            .as_str()
                            .map_or(format!("http-{status}"), str::to_owned)
                    }
                    Err(e) => {
                        eprintln!("connection: {e}");
                        "transport".to_owned()
                    }
                };
                *tally.lock().await.entry(o).or_default() += 1;
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    let t = tally.lock().await;
    let total: u64 = t.values().sum();
    Ok(
        json!({ "connections": connections, "seconds": seconds, "requests": total, "perSecond": total / seconds.max(1), "outcomes": *t, "errors": total - t.get("ok").copied().unwrap_or(0) }),
    )
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let summary = match cli.command {
        Command::Write(args) => write_run(cli.url, args).await?,
        Command::Connections {
            connections,
            seconds,
        } => connections_run(cli.url, connections, seconds).await?,
    };
    println!("{summary}");
    Ok(())
}
