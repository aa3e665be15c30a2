//! A bounded fuzz pass: GraphQL documents generated from the live schema (introspection), with
//! hostile and random argument values, sent by every kind of caller. The server must never answer
//! 5xx, never `INTERNAL`, and never stop. `FUZZ_CASES` raises the number of cases (default 2,000 on
//! SQLite and 1,000 on PostgreSQL).

use std::collections::HashMap;

use alliance_tests::{Backend, TestApp, spawn_app};
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};

use crate::fixtures::parties;

/// A type reference.
#[derive(Debug, Clone)]
enum Ty {
    NonNull(Box<Ty>),
    List(Box<Ty>),
    Named(String),
}

impl Ty {
    fn of(v: &Value) -> Ty {
        match v["kind"].as_str() {
            Some("NON_NULL") => Ty::NonNull(Box::new(Ty::of(&v["ofType"]))),
            Some("LIST") => Ty::List(Box::new(Ty::of(&v["ofType"]))),
            _ => Ty::Named(v["name"].as_str().unwrap_or("String").to_owned()),
        }
    }

    fn name(&self) -> &str {
        match self {
            Ty::NonNull(t) | Ty::List(t) => t.name(),
            Ty::Named(n) => n,
        }
    }
}

struct Field {
    name: String,
    args: Vec<(String, Ty)>,
    ty: Ty,
}

struct TypeInfo {
    kind: String,
    fields: Vec<Field>,
    inputs: Vec<(String, Ty)>,
    values: Vec<String>,
}

const TYPE_REF: &str = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

async fn schema(app: &TestApp) -> HashMap<String, TypeInfo> {
    let query = format!(
        "{{ __schema {{ types {{ name kind fields {{ name args {{ name type {{ {TYPE_REF} }} }} type {{ {TYPE_REF} }} }} inputFields {{ name type {{ {TYPE_REF} }} }} enumValues {{ name }} }} }} }}"
    );
    let reply = app.post_graphql(&query, json!({}), None).await.ok();
    let mut types = HashMap::new();
    for t in reply.data()["__schema"]["types"].as_array().unwrap() {
        let list = |key: &str| t[key].as_array().cloned().unwrap_or_default();
        let args_of = |f: &Value| -> Vec<(String, Ty)> {
            f["args"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|a| (a["name"].as_str().unwrap().to_owned(), Ty::of(&a["type"])))
                        .collect()
                })
                .unwrap_or_default()
        };
        types.insert(
            t["name"].as_str().unwrap().to_owned(),
            TypeInfo {
                kind: t["kind"].as_str().unwrap().to_owned(),
                fields: list("fields")
                    .iter()
                    .map(|f| Field {
                        name: f["name"].as_str().unwrap().to_owned(),
                        args: args_of(f),
                        ty: Ty::of(&f["type"]),
                    })
                    .collect(),
                inputs: list("inputFields")
                    .iter()
                    .map(|f| (f["name"].as_str().unwrap().to_owned(), Ty::of(&f["type"])))
                    .collect(),
                values: list("enumValues")
                    .iter()
                    .map(|v| v["name"].as_str().unwrap().to_owned())
                    .collect(),
            },
        );
    }
    types
}

/// Writes GraphQL text for one generated document.
struct Generator<'a> {
    types: &'a HashMap<String, TypeInfo>,
    rng: StdRng,
}

impl Generator<'_> {
    fn string(&mut self) -> String {
        let choices: [&dyn Fn(&mut StdRng) -> String; 10] = [
            &|_| String::new(),
            &|_| "威海技师学院".into(),
            &|_| "\u{200B}\u{FEFF}".into(),
            &|r| "数".repeat(r.gen_range(1..300)),
            &|_| "x".repeat(10_001),
            &|_| "a\u{0}b\u{202E}".into(),
            &|_| "' OR 1=1 --; DROP TABLE student".into(),
            &|_| "=HYPERLINK(\"http://x\")".into(),
            &|r| format!("{}", r.r#gen::<u64>()),
            &|_| "2026-02-30".into(),
        ];
        let i = self.rng.gen_range(0..choices.len());
        choices[i](&mut self.rng)
    }

    fn value(&mut self, ty: &Ty, depth: usize) -> String {
        match ty {
            Ty::NonNull(inner) => self.value(inner, depth),
            Ty::List(inner) => {
                let n = if depth > 2 {
                    0
                } else {
                    self.rng.gen_range(0..3)
                };
                let items: Vec<String> = (0..n).map(|_| self.value(inner, depth + 1)).collect();
                format!("[{}]", items.join(", "))
            }
            Ty::Named(name) => match name.as_str() {
                "Int" => {
                    let pool = [
                        0i64,
                        1,
                        -1,
                        20,
                        100,
                        2026,
                        2027,
                        10_000,
                        1_000_000,
                        2_147_483_647,
                        -2_147_483_648,
                    ];
                    pool[self.rng.gen_range(0..pool.len())].to_string()
                }
                "Float" => format!("{:.2}", self.rng.gen_range(-1e6..1e6)),
                "Boolean" => self.rng.gen_bool(0.5).to_string(),
                "ID" => {
                    let pool = ["", "x", "TWVtYmVyVW5pdDox", "T3JkZXJDbGFzczow", "=="];
                    serde_json::to_string(pool[self.rng.gen_range(0..pool.len())]).unwrap()
                }
                "Upload" => "null".into(),
                _ => match self.types.get(name).map(|t| t.kind.as_str()) {
                    Some("ENUM") => {
                        let values = &self.types[name].values;
                        if values.is_empty() || self.rng.gen_bool(0.1) {
                            "NOT_A_VALUE".into()
                        } else {
                            values[self.rng.gen_range(0..values.len())].clone()
                        }
                    }
                    Some("INPUT_OBJECT") if depth < 4 => {
                        let inputs = self.types[name].inputs.clone();
                        let mut fields = Vec::new();
                        for (n, t) in &inputs {
                            if matches!(t, Ty::NonNull(_)) || self.rng.gen_bool(0.5) {
                                fields.push(format!("{n}: {}", self.value(t, depth + 1)));
                            }
                        }
                        format!("{{{}}}", fields.join(", "))
                    }
                    Some("INPUT_OBJECT") => "null".into(),
                    // String, Date-like and other scalars.
                    _ => serde_json::to_string(&self.string()).unwrap(),
                },
            },
        }
    }

    fn args(&mut self, args: &[(String, Ty)]) -> String {
        let mut parts = Vec::new();
        for (n, t) in args {
            if matches!(t, Ty::NonNull(_)) || self.rng.gen_bool(0.6) {
                parts.push(format!("{n}: {}", self.value(t, 0)));
            }
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("({})", parts.join(", "))
        }
    }

    fn selection(&mut self, type_name: &str, depth: usize) -> String {
        let Some(info) = self.types.get(type_name) else {
            return String::new();
        };
        match info.kind.as_str() {
            "OBJECT" => {}
            "INTERFACE" | "UNION" => return "{ __typename }".into(),
            _ => return String::new(),
        }
        let fields: Vec<usize> = (0..info.fields.len()).collect();
        let n = self.rng.gen_range(1..=3.min(fields.len().max(1)));
        let mut parts = Vec::new();
        for _ in 0..n {
            let field = &self.types[type_name].fields[self.rng.gen_range(0..fields.len())];
            let target = field.ty.name().to_owned();
            let is_object = matches!(
                self.types.get(&target).map(|t| t.kind.as_str()),
                Some("OBJECT" | "INTERFACE" | "UNION")
            );
            if is_object && depth >= 3 {
                continue;
            }
            let name = field.name.clone();
            let args = field.args.clone();
            let args = self.args(&args);
            let sub = if is_object {
                self.selection(&target, depth + 1)
            } else {
                String::new()
            };
            parts.push(format!("{name}{args} {sub}"));
        }
        if parts.is_empty() {
            parts.push("__typename".into());
        }
        format!("{{ {} }}", parts.join(" "))
    }

    fn document(&mut self) -> String {
        let root = if self.rng.gen_bool(0.75) {
            "Query"
        } else {
            "Mutation"
        };
        let selection = self.selection(root, 0);
        if root == "Mutation" {
            format!("mutation {selection}")
        } else {
            selection
        }
    }
}

async fn fuzz(app: TestApp, cases: u32) {
    let p = parties(&app).await;
    let types = schema(&app).await;
    let tokens = [None, Some(p.secretariat), Some(p.school), Some(p.firm_a)];
    let handle = tokio::runtime::Handle::current();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = tokio::task::block_in_place(|| {
        runner.run(&proptest::prelude::any::<u64>(), |seed| {
            let mut generator = Generator {
                types: &types,
                rng: StdRng::seed_from_u64(seed),
            };
            let document = generator.document();
            let token = tokens[(seed % tokens.len() as u64) as usize].clone();
            handle.block_on(async {
                let mut request = app
                    .client
                    .post(app.graphql_url())
                    .json(&json!({ "query": document }));
                if let Some(t) = &token {
                    request = request.bearer_auth(t);
                }
                let response = request
                    .send()
                    .await
                    .map_err(|e| TestCaseError::fail(format!("no answer to {document}: {e}")))?;
                let status = response.status();
                let text = response.text().await.unwrap_or_default();
                if status.is_server_error() {
                    return Err(TestCaseError::fail(format!(
                        "{status} for {document}: {text}"
                    )));
                }
                if text.contains("\"INTERNAL\"") {
                    return Err(TestCaseError::fail(format!(
                        "INTERNAL for {document}: {text}"
                    )));
                }
                Ok(())
            })
        })
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // Still serving.
    let reply = app
        .post_graphql("{ memberUnits { totalCount } }", json!({}), None)
        .await
        .ok();
    assert!(reply.data()["memberUnits"]["totalCount"].as_u64().unwrap() >= 177);
}

fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_documents_never_get_5xx_or_internal_on_sqlite() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    fuzz(app, cases(2_000)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_documents_never_get_5xx_or_internal_on_postgres() {
    let Some(app) = spawn_app(Backend::Postgres).await else {
        return;
    };
    fuzz(app, cases(1_000)).await;
}
