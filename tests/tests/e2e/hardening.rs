//! Hostile input: what an attacker sends must be refused with a typed error, and never stop the
//! process, cost unbounded memory, read what the caller may not see or write for another unit.

use alliance_tests::{Backend, TestApp, both_databases, codes, spawn_app};
use futures_util::SinkExt;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::fixtures::{FIRM_A, FIRM_B, SCHOOL, parties};
use crate::subscriptions::{connect, next_json};

/// `{ nodes(ids: [[[…"x"…]]]) { __typename } }`, `levels` deep.
fn nested_list(levels: usize) -> String {
    format!(
        "{{ nodes(ids: {}\"x\"{}) {{ __typename }} }}",
        "[".repeat(levels),
        "]".repeat(levels)
    )
}

/// An object literal `levels` deep in an argument.
fn nested_object(levels: usize) -> String {
    format!(
        "{{ memberUnits(filter: {}{{search: \"x\"}}{}) {{ totalCount }} }}",
        "{kinds: [SCHOOL], search: ".repeat(levels),
        "}".repeat(levels)
    )
}

/// Posts `file` to the import mutation `mutation` as `token`; returns its report (or the body when
/// the request failed as a whole).
pub(crate) async fn import(
    app: &TestApp,
    token: &str,
    mutation: &str,
    file_name: &str,
    bytes: Vec<u8>,
) -> Value {
    let operations = json!({ "query": format!("mutation($file: Upload!) {{ {mutation}(file: $file) {{ rowsRead inserted updated unchanged errorCount checkedAllRows errors {{ row column cell header code message }} }} }}"), "variables": { "file": null } });
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", json!({ "0": ["variables.file"] }).to_string())
        .part(
            "0",
            reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()),
        );
    let body: Value = app
        .client
        .post(app.graphql_url())
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    if body.get("errors").is_some() {
        return body;
    }
    body["data"][mutation].clone()
}

async fn still_serves(app: &TestApp) {
    let reply = app
        .post_graphql("{ memberUnits { totalCount } }", json!({}), None)
        .await
        .ok();
    assert_eq!(reply.data()["memberUnits"]["totalCount"], 177);
}

fn refused_as_too_deep(body: &Value) {
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{body}"
    );
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("嵌套超过 64 层"),
        "{body}"
    );
    assert!(body.get("data").is_none_or(Value::is_null), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_nested_thousands_deep_are_refused_on_every_transport() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    // POST: a list value and an object value nested past the parser's stack.
    for document in [nested_list(1_750), nested_object(2_000), nested_list(65)] {
        let reply = app.post_graphql(&document, json!({}), None).await;
        refused_as_too_deep(&reply.body);
        still_serves(&app).await;
    }
    // A selection set nested as deep.
    let selections = format!("{}{}", "{ alliance ".repeat(3_000), "}".repeat(3_000));
    refused_as_too_deep(&app.post_graphql(&selections, json!({}), None).await.body);
    // 50,001 tokens.
    let long = format!("{{ __typename }} {}", "!".repeat(50_000));
    let body: Value = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": long }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("超过 50000 个词法单元")
    );

    // GET.
    let body: Value = app
        .client
        .get(app.graphql_url())
        .query(&[("query", nested_list(1_750))])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    refused_as_too_deep(&body);

    // Multipart (an upload request whose operations nest too deep).
    let token = app.secretariat().await;
    let operations = json!({ "query": format!("mutation($file: Upload!) {{ importStudents(file: $file) {{ rowsRead }} }} {}", nested_list(1_750)), "variables": { "file": null } });
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", json!({ "0": ["variables.file"] }).to_string())
        .part(
            "0",
            reqwest::multipart::Part::bytes(b"a,b\n".to_vec()).file_name("s.csv"),
        );
    let body: Value = app
        .client
        .post(app.graphql_url())
        .bearer_auth(&token)
        .multipart(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    refused_as_too_deep(&body);

    // WebSocket.
    let mut socket = connect(
        &app.graphql_url(),
        json!({ "Authorization": format!("Bearer {token}") }),
    )
    .await;
    assert_eq!(
        next_json(&mut socket).await.unwrap()["type"],
        "connection_ack"
    );
    let deep_subscription = format!(
        "subscription {{ orderClassDemandChanged {{ kind }} }} query Q {}",
        &nested_list(1_750)[1..]
    );
    socket
        .send(Message::text(
            json!({ "id": "1", "type": "subscribe", "payload": { "query": deep_subscription } })
                .to_string(),
        ))
        .await
        .unwrap();
    let reply = next_json(&mut socket).await.unwrap();
    assert_eq!(reply["type"], "next", "{reply}");
    refused_as_too_deep(&reply["payload"]);
    still_serves(&app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deeply_nested_variables_and_fragment_chains_are_refused() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    // Variables nested past serde_json's recursion limit: not JSON the server accepts.
    let mut value = json!("x");
    for _ in 0..100 {
        value = json!([value]);
    }
    let nested = format!(
        "{{\"query\": \"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ __typename }} }}\", \"variables\": {{\"ids\": {}\"x\"{}}}}}",
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    let response = app
        .client
        .post(app.graphql_url())
        .header("content-type", "application/json")
        .body(nested)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    // A list variable 100 deep is a coercion error, not a crash.
    let reply = app
        .post_graphql(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }",
            json!({ "ids": value }),
            None,
        )
        .await;
    let codes = reply.error_codes();
    assert!(
        !codes.is_empty() && codes.iter().all(|c| c == "BAD_USER_INPUT"),
        "{codes:?}"
    );
    // A chain of 2,000 fragments, each spreading the next.
    let mut document = String::from("{ ...F0 }\n");
    for i in 0..2_000 {
        document.push_str(&format!(
            "fragment F{i} on Query {{ __typename ...F{} }}\n",
            i + 1
        ));
    }
    document.push_str("fragment F2000 on Query { __typename }\n");
    let reply = app.post_graphql(&document, json!({}), None).await;
    assert_eq!(reply.error_codes(), ["BAD_USER_INPUT"], "{}", reply.body);
    // A fragment cycle.
    let reply = app
        .post_graphql(
            "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
            json!({}),
            None,
        )
        .await;
    assert_eq!(reply.error_codes(), ["BAD_USER_INPUT"]);
    still_serves(&app).await;
}

both_databases!(demand_filters_narrow_the_callers_scope_for_every_role);

/// A demand of the scope test: who posts it, whether it is published, and what the filters match.
struct Demand {
    firm: &'static str,
    published: bool,
    specialty: &'static str,
    district: &'static str,
    year: i32,
    term: &'static str,
}

async fn demand_filters_narrow_the_callers_scope_for_every_role(app: TestApp) {
    let p = parties(&app).await;
    let demands = [
        Demand {
            firm: "A",
            published: false,
            specialty: "数控甲",
            district: "HUANCUI",
            year: 2027,
            term: "AUTUMN",
        },
        Demand {
            firm: "A",
            published: true,
            specialty: "焊接",
            district: "WENDENG",
            year: 2028,
            term: "SPRING",
        },
        Demand {
            firm: "B",
            published: false,
            specialty: "数控乙",
            district: "HUANCUI",
            year: 2027,
            term: "SPRING",
        },
        Demand {
            firm: "B",
            published: true,
            specialty: "电工",
            district: "WENDENG",
            year: 2027,
            term: "AUTUMN",
        },
    ];
    let mut ids = Vec::new();
    for d in &demands {
        let token = if d.firm == "A" { &p.firm_a } else { &p.firm_b };
        let created = app
            .mutate(
                "createOrderClassDemand",
                "CreateOrderClassDemandInput",
                json!({ "specialtyName": d.specialty, "headcount": 10, "startYear": d.year, "startTerm": d.term, "workDistrict": d.district, "payMin": 4000, "payMax": 5000, "description": "内部说明" }),
                "orderClassDemand { id }",
                Some(token),
            )
            .await;
        let id = created["orderClassDemand"]["id"]
            .as_str()
            .expect("created")
            .to_owned();
        if d.published {
            let published = app
                .mutate(
                    "publishOrderClassDemand",
                    "OrderClassDemandIdInput",
                    json!({ "id": id }),
                    "orderClassDemand { status }",
                    Some(token),
                )
                .await;
            assert_eq!(
                published["orderClassDemand"]["status"], "OPEN",
                "{published}"
            );
        }
        ids.push(id);
    }
    let firm_a_id = app.unit_id(FIRM_A).await;
    let firm_b_id = app.unit_id(FIRM_B).await;

    type Sees = fn(&Demand) -> bool;
    let roles: [(&str, Option<&str>, Sees); 5] = [
        ("anonymous", None, |_| false),
        ("firm A", Some(&p.firm_a), |d| d.published || d.firm == "A"),
        ("firm B", Some(&p.firm_b), |d| d.published || d.firm == "B"),
        ("school", Some(&p.school), |d| d.published),
        ("secretariat", Some(&p.secretariat), |_| true),
    ];
    type Matches = Box<dyn Fn(&Demand) -> bool>;
    let filters: Vec<(Value, Matches)> = vec![
        (json!({}), Box::new(|_| true)),
        (json!({ "statuses": ["DRAFT"] }), Box::new(|d| !d.published)),
        (json!({ "statuses": ["OPEN"] }), Box::new(|d| d.published)),
        (
            json!({ "specialtySearch": "数控" }),
            Box::new(|d| d.specialty.starts_with("数控")),
        ),
        (
            json!({ "enterpriseIds": [firm_a_id] }),
            Box::new(|d| d.firm == "A"),
        ),
        (
            json!({ "enterpriseIds": [firm_b_id] }),
            Box::new(|d| d.firm == "B"),
        ),
        (
            json!({ "districts": ["HUANCUI"] }),
            Box::new(|d| d.district == "HUANCUI"),
        ),
        (json!({ "startYear": 2027 }), Box::new(|d| d.year == 2027)),
        (
            json!({ "startTerm": "AUTUMN" }),
            Box::new(|d| d.term == "AUTUMN"),
        ),
        (
            json!({ "startYear": 2027, "startTerm": "SPRING", "statuses": ["DRAFT", "OPEN"] }),
            Box::new(|d| d.year == 2027 && d.term == "SPRING"),
        ),
    ];
    for (role, token, sees) in &roles {
        for (filter, matches) in &filters {
            let reply = app
                .post_graphql(
                    "query($f: OrderClassDemandFilter) { orderClassDemands(first: 100, filter: $f) { totalCount nodes { id } } }",
                    json!({ "f": filter }),
                    *token,
                )
                .await;
            let mut got: Vec<String> = reply.body["data"]["orderClassDemands"]["nodes"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|n| n["id"].as_str().unwrap().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            got.sort();
            let mut expected: Vec<String> = demands
                .iter()
                .zip(&ids)
                .filter(|(d, _)| sees(d) && matches(d))
                .map(|(_, id)| id.clone())
                .collect();
            expected.sort();
            assert_eq!(got, expected, "{role} with filter {filter}: {}", reply.body);
            if token.is_some() {
                assert_eq!(
                    reply.body["data"]["orderClassDemands"]["totalCount"],
                    expected.len(),
                    "{role} with filter {filter}"
                );
            }
        }
    }
}

both_databases!(
    every_string_list_and_number_input_has_a_maximum,
    counts_never_overflow,
    invisible_control_and_out_of_range_values_are_refused
);

/// The `extensions` of the first top-level error.
fn first_error(reply: &alliance_tests::Reply) -> Value {
    reply.body["errors"][0]["extensions"].clone()
}

async fn every_string_list_and_number_input_has_a_maximum(app: TestApp) {
    let p = parties(&app).await;
    // A 20,000-character specialty, inline and as a variable.
    let long = "数".repeat(20_000);
    let reply = app
        .post_graphql(
            &format!("mutation {{ createOrderClassDemand(input: {{specialtyName: \"{long}\", headcount: 1, startYear: 2027, startTerm: AUTUMN}}) {{ orderClassDemand {{ id }} }} }}"),
            json!({}),
            Some(&p.firm_a),
        )
        .await;
    let e = first_error(&reply);
    assert_eq!(e["code"], "BAD_USER_INPUT", "{}", reply.body);
    assert_eq!(e["reason"], "TOO_LONG");
    assert_eq!(e["field"], "specialtyName");
    let reply = app
        .post_graphql(
            "mutation($i: CreateOrderClassDemandInput!) { createOrderClassDemand(input: $i) { orderClassDemand { id } } }",
            json!({ "i": { "specialtyName": "数控", "description": "x".repeat(10_001), "headcount": 1, "startYear": 2027, "startTerm": "AUTUMN" } }),
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(
        first_error(&reply)["field"],
        "description",
        "{}",
        reply.body
    );
    // A 1,001-element list.
    let ids: Vec<String> = (0..1_001).map(|i| format!("x{i}")).collect();
    let reply = app
        .post_graphql(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }",
            json!({ "ids": ids }),
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(first_error(&reply)["reason"], "TOO_LARGE", "{}", reply.body);
    // Nothing was written.
    let reply = app
        .post_graphql(
            "{ orderClassDemands { totalCount } }",
            json!({}),
            Some(&p.secretariat),
        )
        .await
        .ok();
    assert_eq!(reply.data()["orderClassDemands"]["totalCount"], 0);
    // A 300-character student name in an imported CSV is a row error.
    let csv = format!(
        "学号 (studentNumber),姓名 (name),性别 (gender),出生日期 (dateOfBirth)\n2026001,{},女,2008-03-01\n",
        "名".repeat(300)
    );
    let report = import(&app, &p.school, "importStudents", "s.csv", csv.into_bytes()).await;
    assert_eq!(report["errors"][0]["code"], "TOO_LONG", "{report}");
    assert_eq!(report["errors"][0]["column"], "name");
    assert_eq!(report["inserted"], 0);
}

async fn counts_never_overflow(app: TestApp) {
    let p = parties(&app).await;
    let reply = app
        .post_graphql(
            "mutation { createOrderClassDemand(input: {specialtyName: \"数控\", headcount: 2147483647, startYear: 2027, startTerm: AUTUMN}) { orderClassDemand { id } } }",
            json!({}),
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(
        first_error(&reply)["code"],
        "BAD_USER_INPUT",
        "{}",
        reply.body
    );
    let too_many = app
        .mutate(
            "createOrderClassDemand",
            "CreateOrderClassDemandInput",
            json!({ "specialtyName": "数控", "headcount": 10_001, "startYear": 2027, "startTerm": "AUTUMN" }),
            "orderClassDemand { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&too_many), ["TOO_LARGE"], "{too_many}");
    // The largest headcounts add up exactly.
    let demand = app
        .mutate(
            "createOrderClassDemand",
            "CreateOrderClassDemandInput",
            json!({ "specialtyName": "数控", "headcount": 10_000, "startYear": 2027, "startTerm": "AUTUMN" }),
            "orderClassDemand { id }",
            Some(&p.firm_a),
        )
        .await;
    let id = demand["orderClassDemand"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.mutate(
        "publishOrderClassDemand",
        "OrderClassDemandIdInput",
        json!({ "id": id }),
        "orderClassDemand { id }",
        Some(&p.firm_a),
    )
    .await;
    for (token, headcount, expected) in
        [(&p.firm_b, 10_001, None), (&p.firm_b, 10_000, Some(20_000))]
    {
        let joined = app
            .mutate(
                "joinOrderClassDemand",
                "JoinOrderClassDemandInput",
                json!({ "id": id, "headcount": headcount }),
                "orderClassDemand { totalHeadcount status }",
                Some(token),
            )
            .await;
        match expected {
            None => assert_eq!(codes(&joined), ["TOO_LARGE"], "{joined}"),
            Some(total) => {
                assert_eq!(
                    joined["orderClassDemand"]["totalHeadcount"], total,
                    "{joined}"
                );
                assert_eq!(joined["orderClassDemand"]["status"], "OPEN");
            }
        }
    }
}

async fn invisible_control_and_out_of_range_values_are_refused(app: TestApp) {
    let p = parties(&app).await;
    let school = app.unit_id(SCHOOL).await;
    for name in ["\u{200B}", "\u{FEFF}\u{200B}", "\u{3000}"] {
        let renamed = app
            .mutate(
                "updateMemberUnit",
                "UpdateMemberUnitInput",
                json!({ "id": school, "name": name }),
                "memberUnit { name }",
                Some(&p.secretariat),
            )
            .await;
        assert_eq!(codes(&renamed), ["BLANK"], "{name:?}: {renamed}");
    }
    let reply = app
        .post_graphql(
            "mutation($id: ID!, $n: String) { updateMemberUnit(input: {id: $id, name: $n}) { memberUnit { name } } }",
            json!({ "id": school, "n": "威海\u{0}技师学院" }),
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(first_error(&reply)["reason"], "INVALID", "{}", reply.body);
    let reply = app
        .post_graphql(
            "mutation($id: ID!, $n: String) { updateMemberUnit(input: {id: $id, name: $n}) { memberUnit { name } } }",
            json!({ "id": school, "n": "威海\u{202E}院学师技" }),
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(
        first_error(&reply)["code"],
        "BAD_USER_INPUT",
        "{}",
        reply.body
    );
    // The real name is still the school's.
    assert_eq!(app.unit_id(SCHOOL).await, school);
    // Names are stored trimmed of invisible characters and in NFC.
    let saved = app
        .mutate(
            "saveStudent",
            "SaveStudentInput",
            json!({ "studentNumber": "\u{200B}2026001\u{3000}", "name": "\u{FEFF}Rene\u{301}e", "gender": "FEMALE", "dateOfBirth": "2008-03-01" }),
            "student { studentNumber name }",
            Some(&p.school),
        )
        .await;
    assert_eq!(saved["student"]["studentNumber"], "2026001", "{saved}");
    assert_eq!(saved["student"]["name"], "Ren\u{e9}e");
    for birth in ["1899-12-31", "2999-01-01"] {
        let saved = app
            .mutate(
                "saveStudent",
                "SaveStudentInput",
                json!({ "studentNumber": "2026002", "name": "学生", "gender": "FEMALE", "dateOfBirth": birth }),
                "student { id }",
                Some(&p.school),
            )
            .await;
        assert_eq!(codes(&saved), ["INVALID"], "{birth}: {saved}");
    }
}

both_databases!(hostile_spreadsheets_are_refused_and_reports_are_bounded);

/// A minimal .xlsx: one sheet with `sheet_data` inside `<sheetData>`, and optionally a shared
/// strings part of `shared_strings` (compressed).
fn raw_xlsx(sheet_data: &str, shared_strings: Option<&[u8]>) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut part = |name: &str, body: &[u8]| {
        zip.start_file(name, options).unwrap();
        zip.write_all(body).unwrap();
    };
    part("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#);
    part("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#);
    part("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="students" sheetId="1" r:id="rId1"/></sheets></workbook>"#);
    part("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#);
    part(
        "xl/worksheets/sheet1.xml",
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#).as_bytes(),
    );
    if let Some(shared) = shared_strings {
        part("xl/sharedStrings.xml", shared);
    }
    zip.finish().unwrap().into_inner()
}

/// `xlsx` with the part `name` declaring 1 KiB once decompressed (in its local header and in the
/// central directory), whatever it expands to: a zip bomb that lies about its size.
fn under_declare(mut xlsx: Vec<u8>, name: &str) -> Vec<u8> {
    let name = name.as_bytes();
    let u16_at = |b: &[u8], i: usize| usize::from(u16::from_le_bytes([b[i], b[i + 1]]));
    let mut patched = 0;
    for i in 0..xlsx.len().saturating_sub(46) {
        // Local file header: size at 22, name length at 26, name at 30. Central directory
        // header: size at 24, name length at 28, name at 46.
        let (size_at, name_at) = match xlsx[i..i + 4] {
            [0x50, 0x4b, 0x03, 0x04] if u16_at(&xlsx, i + 26) == name.len() => (i + 22, i + 30),
            [0x50, 0x4b, 0x01, 0x02] if u16_at(&xlsx, i + 28) == name.len() => (i + 24, i + 46),
            _ => continue,
        };
        if xlsx.get(name_at..name_at + name.len()) == Some(name) {
            xlsx[size_at..size_at + 4].copy_from_slice(&1024u32.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "the part's two headers");
    xlsx
}

/// An inline-string cell.
fn cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// The student template's header row as sheet XML.
fn student_header() -> String {
    format!(
        r#"<row r="1">{}{}{}{}</row>"#,
        cell("A1", "学号 (studentNumber)"),
        cell("B1", "姓名 (name)"),
        cell("C1", "性别 (gender)"),
        cell("D1", "出生日期 (dateOfBirth)")
    )
}

async fn hostile_spreadsheets_are_refused_and_reports_are_bounded(app: TestApp) {
    let p = parties(&app).await;
    // A cell at column FXSHRXW (billions of columns to the right).
    let far = raw_xlsx(
        &format!(
            r#"{}<row r="2">{}</row>"#,
            student_header(),
            cell("FXSHRXW2", "x")
        ),
        None,
    );
    let report = import(&app, &p.school, "importStudents", "far.xlsx", far).await;
    assert_eq!(report["errors"][0]["code"], "MALFORMED_FILE", "{report}");
    assert_eq!(report["checkedAllRows"], false);
    // A row gap to Excel's last row.
    let gap = raw_xlsx(
        &format!(
            r#"{}<row r="1048576">{}</row>"#,
            student_header(),
            cell("A1048576", "2026001")
        ),
        None,
    );
    let report = import(&app, &p.school, "importStudents", "gap.xlsx", gap).await;
    assert_eq!(report["errors"][0]["code"], "TOO_MANY_ROWS", "{report}");
    // Shared strings declaring 65 MiB once decompressed (a few dozen KiB in the file).
    let mut shared = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>"#.to_vec();
    shared.resize(65 * 1024 * 1024, b'a');
    shared.extend_from_slice(b"</t></si></sst>");
    let bomb = raw_xlsx(&student_header(), Some(&shared));
    drop(shared);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let lying = under_declare(bomb.clone(), "xl/sharedStrings.xml");
    let report = import(&app, &p.school, "importStudents", "bomb.xlsx", bomb).await;
    assert_eq!(report["errors"][0]["code"], "MALFORMED_FILE", "{report}");
    assert!(
        report["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("MiB")
    );
    // The same bomb declaring 1 KiB in the zip's directory: refused as it expands past that.
    let report = import(&app, &p.school, "importStudents", "lying.xlsx", lying).await;
    assert_eq!(report["errors"][0]["code"], "MALFORMED_FILE", "{report}");
    assert!(
        report["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("declared uncompressed size"),
        "{report}"
    );
    // 2,000,001 tiny shared strings (36 MB, under the size limit): refused by their number.
    let mut shared = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#.to_vec();
    for _ in 0..2_000_001 {
        shared.extend_from_slice(b"<si><t>a</t></si>");
    }
    shared.extend_from_slice(b"</sst>");
    let many = raw_xlsx(&student_header(), Some(&shared));
    drop(shared);
    let report = import(&app, &p.school, "importStudents", "many.xlsx", many).await;
    assert_eq!(report["errors"][0]["code"], "MALFORMED_FILE", "{report}");
    assert!(
        report["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("超过 2000000 个字符串"),
        "{report}"
    );
    // One cell of 300 KB (a 200 MB cell is refused the same way, 64 KiB read at a time).
    let huge = raw_xlsx(
        &format!(
            r#"{}<row r="2">{}</row>"#,
            student_header(),
            cell("A2", &"9".repeat(300 * 1024))
        ),
        None,
    );
    let report = import(&app, &p.school, "importStudents", "huge.xlsx", huge).await;
    assert_eq!(report["errors"][0]["code"], "MALFORMED_FILE", "{report}");
    assert!(
        report["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("256 KiB"),
        "{report}"
    );

    // 5,000 bad rows: the first 1,000 problems, and the import stops there.
    let mut csv =
        String::from("学号 (studentNumber),姓名 (name),性别 (gender),出生日期 (dateOfBirth)\n");
    for i in 0..5_000 {
        csv.push_str(&format!("{i},学生{i},?,2008-03-01\n"));
    }
    let report = import(
        &app,
        &p.school,
        "importStudents",
        "bad.csv",
        csv.into_bytes(),
    )
    .await;
    assert_eq!(
        report["errors"].as_array().unwrap().len(),
        1_000,
        "{}",
        report["errorCount"]
    );
    assert_eq!(report["errorCount"], 1_000);
    assert_eq!(report["checkedAllRows"], false);
    assert!(report["rowsRead"].as_u64().unwrap() <= 1_000);

    // The same student number twice in one file: a row error, and nothing written.
    let csv = "学号 (studentNumber),姓名 (name),性别 (gender),出生日期 (dateOfBirth)\n2026001,甲,女,2008-03-01\n2026002,乙,男,2008-04-01\n2026001,丙,女,2008-05-01\n";
    let report = import(&app, &p.school, "importStudents", "dup.csv", csv.into()).await;
    assert_eq!(report["errors"][0]["code"], "TAKEN", "{report}");
    assert_eq!(report["errors"][0]["row"], 4);
    assert_eq!(report["checkedAllRows"], true);
    assert_eq!(report["inserted"], 0);
    let csv = "学号 (studentNumber),姓名 (name),性别 (gender),出生日期 (dateOfBirth)\n2026001,甲,女,2008-03-01\n2026002,乙,男,2008-04-01\n";
    let report = import(&app, &p.school, "importStudents", "ok.csv", csv.into()).await;
    assert_eq!(report["inserted"], 2, "{report}");
    still_serves(&app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn multipart_needs_a_token_and_holds_its_operations_to_the_body_limit() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    let form = |query: String| {
        reqwest::multipart::Form::new()
            .text(
                "operations",
                json!({ "query": query, "variables": { "file": null } }).to_string(),
            )
            .text("map", json!({ "0": ["variables.file"] }).to_string())
            .part(
                "0",
                reqwest::multipart::Part::bytes(b"a\n".to_vec()).file_name("s.csv"),
            )
    };
    let query = "mutation($file: Upload!) { importStudents(file: $file) { rowsRead } }".to_owned();
    // Without a token: refused before the body is read.
    let response = app
        .client
        .post(app.graphql_url())
        .multipart(form(query.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
    // Operations larger than the JSON body limit (64 KiB in tests), well under the upload limit.
    let token = app.secretariat().await;
    let padded = format!("{query} # {}", "x".repeat(200 * 1024));
    // The server answers as soon as `operations` passes the limit, without reading the rest of
    // the body, and closes the connection: the client may see the 400, or (when the close
    // overtakes the response while it is still sending) a connection error. Either is a refusal;
    // the server serving on afterwards is checked below.
    match app
        .client
        .post(app.graphql_url())
        .bearer_auth(&token)
        .multipart(form(padded))
        .send()
        .await
    {
        Ok(response) => {
            assert_eq!(response.status(), 400);
            let body: Value = response.json().await.unwrap();
            assert_eq!(
                body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
                "{body}"
            );
        }
        Err(e) => assert!(e.is_request(), "{e}"),
    }
    // Two files in one request.
    let two = form(query.clone()).part(
        "1",
        reqwest::multipart::Part::bytes(b"b\n".to_vec()).file_name("t.csv"),
    );
    // Refused at the second file's part, before the rest is read: a 400, or (when the server
    // closes first) a connection that ends while the client still sends.
    match app
        .client
        .post(app.graphql_url())
        .bearer_auth(&token)
        .multipart(two)
        .send()
        .await
    {
        Ok(response) => assert_eq!(response.status(), 400),
        Err(e) => assert!(e.is_request(), "{e}"),
    }
    // A well-formed upload still runs (the secretariat is not a school: FORBIDDEN).
    let body: Value = app
        .client
        .post(app.graphql_url())
        .bearer_auth(&token)
        .multipart(form(query))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{body}"
    );
    still_serves(&app).await;
}

/// A TCP proxy in front of PostgreSQL that the test can cut (an outage) and restore.
struct Proxy {
    addr: std::net::SocketAddr,
    target: String,
    tasks: std::sync::Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>>,
    /// How many times the API tested a connection through it (see [`SQLX_PING`]).
    pings: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

/// sqlx's test of a PostgreSQL connection: a lone `Sync` message, answered by `ReadyForQuery`.
/// A statement's `Sync` travels in one write with its `Parse`, `Bind` and `Execute`, so a read
/// of exactly these five bytes is a test (it waits for its answer before anything else is sent).
const SQLX_PING: [u8; 5] = [b'S', 0, 0, 0, 4];

/// Copies what the API sends to PostgreSQL, counting [`SQLX_PING`]s, until either side closes.
async fn copy_counting_pings(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    pings: std::sync::Arc<std::sync::atomic::AtomicU64>,
) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut buffer = vec![0u8; 16 * 1024];
    while let Ok(n) = from.read(&mut buffer).await {
        if n == 0 || to.write_all(&buffer[..n]).await.is_err() {
            break;
        }
        if buffer[..n] == SQLX_PING {
            pings.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
    let _ = to.shutdown().await;
}

impl Proxy {
    async fn start(target: &str) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let proxy = Self {
            addr: listener.local_addr().unwrap(),
            target: target.to_owned(),
            tasks: Default::default(),
            pings: Default::default(),
        };
        proxy.serve(listener);
        proxy
    }

    fn serve(&self, listener: tokio::net::TcpListener) {
        let target = self.target.clone();
        let tasks = self.tasks.clone();
        let pings = self.pings.clone();
        let accept = tokio::spawn(async move {
            while let Ok((inbound, _)) = listener.accept().await {
                let target = target.clone();
                let pings = pings.clone();
                let conn = tokio::spawn(async move {
                    if let Ok(outbound) = tokio::net::TcpStream::connect(&target).await {
                        let (api_read, mut api_write) = inbound.into_split();
                        let (mut db_read, db_write) = outbound.into_split();
                        let requests = copy_counting_pings(api_read, db_write, pings);
                        let answers = tokio::io::copy(&mut db_read, &mut api_write);
                        // Dropping both halves on either end closes the pair, as a cut does.
                        tokio::select! {
                            () = requests => {}
                            _ = answers => {}
                        }
                    }
                });
                tasks.lock().unwrap().push(conn);
            }
        });
        self.tasks.lock().unwrap().push(accept);
    }

    /// Drops every connection and stops accepting: the database is gone.
    fn cut(&self) {
        for task in self.tasks.lock().unwrap().drain(..) {
            task.abort();
        }
    }

    /// Accepts again on the same address.
    async fn restore(&self) {
        let listener = tokio::net::TcpListener::bind(self.addr).await.unwrap();
        self.serve(listener);
    }
}

/// A server on a fresh PostgreSQL database reached through a [`Proxy`]; `None` without
/// `TEST_DATABASE_URL` (a failure under `CI=true`).
async fn behind_proxy() -> Option<(TestApp, Proxy)> {
    let Ok(server) = std::env::var("TEST_DATABASE_URL") else {
        assert!(std::env::var("CI").is_err(), "CI runs the PostgreSQL tests");
        return None;
    };
    let authority = server
        .split_once('@')
        .map_or(server.as_str(), |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let proxy = Proxy::start(&authority).await;
    let proxied = proxy.addr.to_string();
    let app = alliance_tests::spawn_app_with(Backend::Postgres, |config| {
        let url = config.database_url.take().unwrap();
        config.database_url = Some(url.replacen(&authority, &proxied, 1));
    })
    .await
    .unwrap();
    Some((app, proxy))
}

/// sqlx tests a connection as it goes back to the pool; a connection in use a moment ago is not
/// tested again as the next request takes it out (`api::db::PING_IF_IDLE_FOR`): one round trip
/// per checkout, not two. Before, every statement of these requests came with two pings.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_used_a_moment_ago_is_not_pinged_again_as_it_is_taken_out() {
    let Some((app, proxy)) = behind_proxy().await else {
        return;
    };
    still_serves(&app).await;
    let query = "{ memberUnits(first: 5) { nodes { name } } }";
    let pings_before = proxy.pings.load(std::sync::atomic::Ordering::Relaxed);
    let (statements, ()) = app
        .count_statements(async {
            for _ in 0..30 {
                let reply = app.post_graphql(query, json!({}), None).await;
                assert_eq!(reply.status, 200, "{}", reply.body);
            }
        })
        .await;
    // Let the last connection's test on its way back to the pool reach the proxy.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let pings = proxy.pings.load(std::sync::atomic::Ordering::Relaxed) - pings_before;
    assert!(
        statements >= 30,
        "one statement per request at least: {statements}"
    );
    // One test per checkout as it is returned; a few more for a connection that happened to sit
    // idle past the threshold on a slow machine. Pinging on every checkout too gives 2 × statements.
    assert!(
        pings >= statements / 2 && pings <= statements + statements / 4,
        "{pings} pings for {statements} statements"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_outage_answers_503_unavailable_fast_and_the_api_recovers() {
    let Some((app, proxy)) = behind_proxy().await else {
        return;
    };
    let token = app.secretariat().await;
    still_serves(&app).await;

    proxy.cut();
    let bounded = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(6))
        .build()
        .unwrap();
    for token in [None, Some(token.as_str())] {
        let mut request = bounded
            .post(app.graphql_url())
            .json(&json!({ "query": "{ memberUnits { totalCount } }" }));
        if let Some(t) = token {
            request = request.bearer_auth(t);
        }
        let response = request.send().await.expect("an answer, not a hang");
        assert_eq!(response.status(), 503, "token: {}", token.is_some());
        assert_eq!(response.headers()["retry-after"], "2");
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "UNAVAILABLE",
            "{body}"
        );
    }
    let ready = reqwest::Client::builder()
        .timeout(std::time::Duration::from_millis(1_500))
        .build()
        .unwrap()
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("/readyz answers within its timeout");
    assert_eq!(ready.status(), 503);

    proxy.restore().await;
    let mut recovered = false;
    for _ in 0..50 {
        let response = bounded
            .post(app.graphql_url())
            .json(&json!({ "query": "{ memberUnits { totalCount } }" }))
            .send()
            .await
            .unwrap();
        if response.status() == 200 {
            recovered = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(recovered, "the API recovers without a restart");
    still_serves(&app).await;
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
}

both_databases!(concurrent_writers_of_new_members_and_the_same_student_all_succeed);

async fn concurrent_writers_of_new_members_and_the_same_student_all_succeed(app: TestApp) {
    let p = parties(&app).await;
    let app = std::sync::Arc::new(app);
    // Four writers adding 25 members each.
    let mut writers = Vec::new();
    for w in 0..4 {
        let app = app.clone();
        let token = p.secretariat.clone();
        writers.push(tokio::spawn(async move {
            let mut refused = Vec::new();
            for i in 0..25 {
                let created = app
                    .mutate(
                        "createMemberUnit",
                        "CreateMemberUnitInput",
                        json!({ "name": format!("并发测试单位{w}-{i}"), "kind": "ENTERPRISE" }),
                        "memberUnit { listOrder }",
                        Some(&token),
                    )
                    .await;
                if created["memberUnit"].is_null() {
                    refused.push(created);
                }
            }
            refused
        }));
    }
    for writer in writers {
        let refused = writer.await.unwrap();
        assert!(refused.is_empty(), "{refused:?}");
    }
    let reply = app
        .post_graphql(
            "{ memberUnits(first: 100, filter: {search: \"并发测试单位\"}) { totalCount nodes { listOrder } } }",
            json!({}),
            None,
        )
        .await
        .ok();
    assert_eq!(reply.data()["memberUnits"]["totalCount"], 100);
    let mut orders: Vec<i64> = reply.data()["memberUnits"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["listOrder"].as_i64().unwrap())
        .collect();
    orders.sort_unstable();
    assert_eq!(orders, (178..=277).collect::<Vec<i64>>());

    // Eight clients saving the same new student at once, five times over (double submits).
    for round in 0..5 {
        let mut saves = Vec::new();
        for c in 0..8 {
            let app = app.clone();
            let token = p.school.clone();
            saves.push(tokio::spawn(async move {
                app.mutate(
                    "saveStudent",
                    "SaveStudentInput",
                    json!({ "studentNumber": format!("R{round}"), "name": format!("学生{c}"), "gender": "FEMALE", "dateOfBirth": "2008-03-01" }),
                    "student { id studentNumber }",
                    Some(&token),
                )
                .await
            }));
        }
        let mut ids = Vec::new();
        for save in saves {
            let saved = save.await.unwrap();
            assert_eq!(
                saved["student"]["studentNumber"],
                format!("R{round}"),
                "{saved}"
            );
            ids.push(saved["student"]["id"].as_str().unwrap().to_owned());
        }
        ids.dedup();
        assert_eq!(ids.len(), 1, "one student, whoever wrote first: {ids:?}");
    }
}

/// A WebSocket of `token`, acknowledged.
async fn acknowledged(app: &TestApp, token: &str) -> crate::subscriptions::Socket {
    let mut socket = connect(
        &app.graphql_url(),
        json!({ "Authorization": format!("Bearer {token}") }),
    )
    .await;
    let ack = next_json(&mut socket).await.unwrap();
    assert_eq!(ack["type"], "connection_ack", "{ack}");
    socket
}

/// The close code the socket ends with (15 s at most, skipping other messages).
async fn close_code(socket: &mut crate::subscriptions::Socket) -> Option<u64> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(15);
    while tokio::time::Instant::now() < deadline {
        match next_json(socket).await {
            Some(m) if m["type"] == "close" => return m["code"].as_u64(),
            Some(_) => continue,
            None => continue,
        }
    }
    None
}

const SUBSCRIPTION: &str = "subscription { orderClassDemandChanged { kind } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn websockets_follow_the_account_and_their_limits() {
    use entity::account;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

    let app = spawn_app(Backend::Sqlite).await.unwrap();
    let p = parties(&app).await;

    // No connection_init within 10 s: closed with 4408.
    let ws_url = app.graphql_url().replace("http://", "ws://") + "/ws";
    let mut request =
        tokio_tungstenite::tungstenite::client::IntoClientRequest::into_client_request(ws_url)
            .unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut silent, _) = tokio_tungstenite::connect_async(request).await.unwrap();

    // 20 subscriptions run; the 21st is refused, the socket stays open.
    let mut busy = acknowledged(&app, &p.firm_a).await;
    for id in 0..21 {
        busy.send(Message::text(
            json!({ "id": id.to_string(), "type": "subscribe", "payload": { "query": SUBSCRIPTION } }).to_string(),
        ))
        .await
        .unwrap();
    }
    let refused = next_json(&mut busy).await.unwrap();
    assert_eq!(refused["type"], "error", "{refused}");
    assert_eq!(refused["id"], "20");

    // An account holds at most 10 sockets: the 11th is closed with 4429.
    let mut sockets = Vec::new();
    for _ in 0..9 {
        sockets.push(acknowledged(&app, &p.firm_b).await);
    }
    let mut tenth = acknowledged(&app, &p.firm_b).await;
    let mut eleventh = connect(
        &app.graphql_url(),
        json!({ "Authorization": format!("Bearer {}", p.firm_b) }),
    )
    .await;
    assert_eq!(close_code(&mut eleventh).await, Some(4429));
    // Closing one frees its place.
    tenth.close(None).await.unwrap();
    drop(tenth);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let _again = acknowledged(&app, &p.firm_b).await;

    // The school's account is disabled: its open socket is closed with 4403.
    let mut school = acknowledged(&app, &p.school).await;
    account::Entity::update_many()
        .col_expr(account::Column::Disabled, Expr::value(true))
        .filter(account::Column::Email.eq("s@college.example.org"))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(close_code(&mut school).await, Some(4403));
    assert_eq!(close_code(&mut silent).await, Some(4408));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_closes_websockets_with_1001_and_ends_within_the_grace() {
    let mut app = spawn_app(Backend::Sqlite).await.unwrap();
    let token = app.secretariat().await;
    let mut socket = acknowledged(&app, &token).await;
    // A client that sends half a request and stalls.
    let mut stalled = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    tokio::io::AsyncWriteExt::write_all(&mut stalled, b"POST /graphql HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    app.shut_down();
    assert_eq!(close_code(&mut socket).await, Some(1001));
    // The stalled client is dropped (header read timeout or the shutdown grace).
    let mut buf = [0u8; 64];
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(15),
        tokio::io::AsyncReadExt::read(&mut stalled, &mut buf),
    )
    .await
    .expect("the server drops a stalled client");
    assert!(matches!(read, Ok(0) | Err(_)), "{read:?}");
    // New connections are refused.
    assert!(tokio::net::TcpStream::connect(app.addr).await.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_sending_partial_headers_is_dropped() {
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    let mut stalled = tokio::net::TcpStream::connect(app.addr).await.unwrap();
    tokio::io::AsyncWriteExt::write_all(
        &mut stalled,
        b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ",
    )
    .await
    .unwrap();
    let mut buf = [0u8; 64];
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(20),
        tokio::io::AsyncReadExt::read(&mut stalled, &mut buf),
    )
    .await
    .expect("the server drops a client that never finishes its headers");
    assert!(matches!(read, Ok(0) | Err(_)), "{read:?}");
    still_serves(&app).await;
}

both_databases!(cost_counts_ids_and_reports_and_shapes_are_bounded);

async fn cost_counts_ids_and_reports_and_shapes_are_bounded(app: TestApp) {
    let token = app.secretariat().await;
    let ids: Vec<String> = app
        .post_graphql(
            "{ memberUnits(first: 100) { nodes { id } } }",
            json!({}),
            None,
        )
        .await
        .ok()
        .data()["memberUnits"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect();
    let cost = |reply: &alliance_tests::Reply| {
        reply.body["extensions"]["cost"]["requestedQueryCost"]
            .as_u64()
            .unwrap_or(0)
    };
    // nodes(ids:) costs by the number of ids.
    let one = app
        .post_graphql(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            json!({ "ids": &ids[..1] }),
            Some(&token),
        )
        .await
        .ok();
    let hundred = app
        .post_graphql(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            json!({ "ids": &ids }),
            Some(&token),
        )
        .await
        .ok();
    assert!(
        cost(&hundred) >= 100 * cost(&one).max(1) / 2,
        "{} vs {}",
        cost(&hundred),
        cost(&one)
    );
    // 10 aliases × nodes(100 ids) { compliance }: refused before running a statement.
    let aliases: String = (0..10)
        .map(|i| format!("a{i}: nodes(ids: $ids) {{ ... on MemberUnit {{ compliance(year: 2026) {{ allMet }} }} }} "))
        .collect();
    let (statements, reply) = app
        .count_statements(app.post_graphql(
            &format!("query($ids: [ID!]!) {{ {aliases} }}"),
            json!({ "ids": &ids }),
            Some(&token),
        ))
        .await;
    assert_eq!(reply.error_codes(), ["BAD_USER_INPUT"], "{}", reply.body);
    assert!(
        reply.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("complex"),
        "{}",
        reply.body
    );
    // Only the token check ran.
    assert!(statements <= 1, "{statements} statements");
    // One field under 11 aliases; 21 root fields; 11 operations.
    let eleven: String = (0..11)
        .map(|i| format!("a{i}: alliance {{ name }} "))
        .collect();
    let reply = app
        .post_graphql(&format!("{{ {eleven} }}"), json!({}), None)
        .await;
    assert_eq!(reply.error_codes(), ["BAD_USER_INPUT"]);
    assert!(
        reply.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("最多出现 10 次")
    );
    let roots: String = (0..21).map(|i| format!("f{i}: __typename ")).collect();
    let reply = app
        .post_graphql(&format!("{{ {roots} }}"), json!({}), None)
        .await;
    assert!(
        reply.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("最多选择 20 个根字段"),
        "{}",
        reply.body
    );
    let operations: String = (0..11)
        .map(|i| format!("query Q{i} {{ __typename }} "))
        .collect();
    let reply = app.post_graphql(&operations, json!({}), None).await;
    assert!(
        reply.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("最多含 10 个操作"),
        "{}",
        reply.body
    );
    // Within the limits, all is well.
    let ten: String = (0..10)
        .map(|i| format!("a{i}: alliance {{ name }} "))
        .collect();
    app.post_graphql(&format!("{{ {ten} }}"), json!({}), None)
        .await
        .ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_authorisations_are_logged_at_warn_without_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = crate::fixtures::api_command()
        .env(
            "DATABASE_URL",
            format!("sqlite://{}/db.sqlite", dir.path().display()),
        )
        .env("DATA_DIR", dir.path())
        .env("JWT_SECRET", alliance_tests::TEST_JWT_SECRET)
        .env("BIND_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "warn")
        .arg("serve")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (url, lines) = crate::fixtures::graphql_address(child.stdout.take().unwrap());
    // The log goes to standard output.
    let logged = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let sink = logged.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let mut text = sink.lock().unwrap();
            text.push_str(&line);
            text.push('\n');
        }
    });
    // Anonymous: the placements list needs a token.
    let body: Value = reqwest::Client::new()
        .post(&url)
        .json(&json!({ "query": "{ internshipPlacements { totalCount } }" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
        "{body}"
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let _ = child.kill();
    let _ = child.wait();
    let text = logged.lock().unwrap().clone();
    let line = text
        .lines()
        .find(|l| l.contains("authorisation refused"))
        .unwrap_or_else(|| panic!("no WARN line in {text}"));
    assert!(line.contains("WARN"), "{line}");
    assert!(line.contains("Query.internshipPlacements"), "{line}");
    assert!(line.contains("UNAUTHENTICATED"), "{line}");
    assert!(line.contains("ANONYMOUS"), "{line}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_logins_elsewhere_do_not_lock_the_owner_out_and_sprays_are_throttled() {
    use entity::enums::AccountRole;
    let app = spawn_app(Backend::Sqlite).await.unwrap();
    app.account_token("owner@example.org", AccountRole::Secretariat, None)
        .await;
    let from = |last: u8| {
        reqwest::Client::builder()
            .local_address(std::net::IpAddr::from([127, 0, 0, last]))
            .build()
            .unwrap()
    };
    let login = |client: reqwest::Client, email: String, password: &'static str| {
        let url = app.graphql_url();
        async move {
            let body: Value = client
                .post(url)
                .json(&json!({ "query": "mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) { token userErrors { code } } }", "variables": { "e": email, "p": password } }))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            body
        }
    };
    // The attacker at 127.0.0.2 spends the owner's quota there (10 a minute in tests).
    let attacker = from(2);
    let mut throttled = false;
    for _ in 0..11 {
        let body = login(
            attacker.clone(),
            "owner@example.org".into(),
            "wrong password guess",
        )
        .await;
        throttled |= body["errors"][0]["extensions"]["code"] == "THROTTLED";
    }
    assert!(throttled);
    // The owner at 127.0.0.1 logs in at once.
    let body = login(
        from(1),
        "owner@example.org".into(),
        alliance_tests::TEST_PASSWORD,
    )
    .await;
    assert!(body["data"]["login"]["token"].is_string(), "{body}");
    // A spray from 127.0.0.3 across 40 addresses is throttled after 30.
    let sprayer = from(3);
    let mut refused = Vec::new();
    for i in 0..40 {
        let body = login(
            sprayer.clone(),
            format!("user{i}@example.org"),
            "Summer2026!!",
        )
        .await;
        refused.push(body["errors"][0]["extensions"]["code"] == "THROTTLED");
    }
    // The first 30 are within the quota; past it attempts are refused (one may pass as the
    // quota refills, one attempt every 2 s).
    assert!(refused[..30].iter().all(|r| !r), "{refused:?}");
    assert!(
        refused[30..].iter().filter(|r| **r).count() >= 5,
        "{refused:?}"
    );
}

both_databases!(writers_during_a_large_import_are_answered_never_internal);

async fn writers_during_a_large_import_are_answered_never_internal(app: TestApp) {
    let p = parties(&app).await;
    let app = std::sync::Arc::new(app);
    let mut csv =
        String::from("学号 (studentNumber),姓名 (name),性别 (gender),出生日期 (dateOfBirth)\n");
    for i in 0..30_000 {
        csv.push_str(&format!("B{i:06},学生{i},女,2008-03-01\n"));
    }
    let importer = {
        let app = app.clone();
        let token = p.school.clone();
        tokio::spawn(async move {
            import(&app, &token, "importStudents", "big.csv", csv.into_bytes()).await
        })
    };
    let mut codes_seen = std::collections::BTreeMap::<String, usize>::new();
    let mut i = 0;
    while !importer.is_finished() {
        i += 1;
        let saved = app
            .mutate(
                "saveStudent",
                "SaveStudentInput",
                json!({ "studentNumber": format!("W{i}"), "name": "并发写入", "gender": "MALE", "dateOfBirth": "2008-01-01" }),
                "student { id }",
                Some(&p.school_2),
            )
            .await;
        let code = if saved["student"]["id"].is_string() {
            "OK".to_owned()
        } else {
            codes(&saved).join(",")
        };
        *codes_seen.entry(code).or_default() += 1;
    }
    let report = importer.await.unwrap();
    assert_eq!(report["inserted"], 30_000, "{report}");
    assert!(
        codes_seen.keys().all(|c| c == "OK" || c == "UNAVAILABLE"),
        "{codes_seen:?}"
    );
    assert!(
        codes_seen.get("OK").is_some_and(|n| *n > 0),
        "{codes_seen:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscribers_are_told_to_resync_when_the_event_listener_lost_its_connection() {
    let Some((app, proxy)) = behind_proxy().await else {
        return;
    };
    let token = app.secretariat().await;
    let mut socket = acknowledged(&app, &token).await;
    socket
        .send(Message::text(
            json!({ "id": "1", "type": "subscribe", "payload": { "query": SUBSCRIPTION } })
                .to_string(),
        ))
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    proxy.cut();
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    proxy.restore().await;
    // The subscriber learns that events may have been missed, and the subscription completes.
    let mut told = None;
    for _ in 0..5 {
        match next_json(&mut socket).await {
            Some(m) if m["type"] == "next" => {
                told = Some(m);
                break;
            }
            Some(_) | None => continue,
        }
    }
    let told = told.expect("a RESYNC_REQUIRED message");
    assert_eq!(
        told["payload"]["errors"][0]["extensions"]["code"], "RESYNC_REQUIRED",
        "{told}"
    );
    let complete = next_json(&mut socket).await.unwrap();
    assert_eq!(complete["type"], "complete", "{complete}");
}

both_databases!(a_school_never_confirms_a_placement_as_its_host);

async fn a_school_never_confirms_a_placement_as_its_host(app: TestApp) {
    let p = parties(&app).await;
    let school = app.unit_id(SCHOOL).await;
    crate::placements::student(&app, &p.school, "2026001", "2008-03-01", 3).await;
    // The school names itself host (a school-run workshop) …
    let reported =
        crate::placements::report(&app, &p.school, crate::placements::good("2026001", &school))
            .await;
    let id = reported["internshipPlacement"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{reported}"))
        .to_owned();
    // … but cannot confirm it as host, nor attest that it charges no fees.
    let confirmed = app
        .mutate(
            "confirmInternshipPlacement",
            "ConfirmInternshipPlacementInput",
            json!({ "id": id, "noFeesAttested": true }),
            "internshipPlacement { hostConfirmedAt noFeesAttested }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&confirmed), ["FORBIDDEN"], "{confirmed}");
    let reply = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { ... on InternshipPlacement { hostConfirmedAt noFeesAttested } } }",
            json!({ "id": id }),
            Some(&p.school),
        )
        .await
        .ok();
    assert!(reply.data()["node"]["hostConfirmedAt"].is_null());
    assert_eq!(reply.data()["node"]["noFeesAttested"], false);
}

both_databases!(an_event_counts_only_once_every_unit_named_confirms_its_part);

/// Whether `rule` is met in `unit`'s 2026 compliance.
async fn rule_met(app: &TestApp, unit: &str, token: &str, rule: &str) -> bool {
    let reply = app
        .post_graphql(
            "query($id: ID!) { memberUnit(id: $id) { compliance(year: 2026) { items { rule met } } } }",
            json!({ "id": unit }),
            Some(token),
        )
        .await
        .ok();
    reply.data()["memberUnit"]["compliance"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["rule"] == rule)
        .is_some_and(|i| i["met"] == true)
}

async fn an_event_counts_only_once_every_unit_named_confirms_its_part(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    let school = app.unit_id(SCHOOL).await;
    // The firm credits itself a campus visit at the school, which never took place.
    let visit = app
        .mutate(
            "recordEvent",
            "RecordEventInput",
            json!({ "kind": "CAMPUS_VISIT", "heldOn": "2026-10-15", "title": "进校园", "organiserIds": [firm], "participantIds": [school] }),
            "event { id units { role confirmedAt unit { name } } }",
            Some(&p.firm_a),
        )
        .await;
    let id = visit["event"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{visit}"))
        .to_owned();
    assert!(!rule_met(&app, &firm, &p.firm_a, "CAMPUS_VISIT").await);
    // …and credits the school a job-recommendation event.
    let jobs = app
        .mutate(
            "recordEvent",
            "RecordEventInput",
            json!({ "kind": "JOB_RECOMMENDATION", "heldOn": "2026-05-20", "title": "推荐会", "organiserIds": [firm, school] }),
            "event { id }",
            Some(&p.firm_a),
        )
        .await;
    let jobs_id = jobs["event"]["id"].as_str().unwrap().to_owned();
    assert!(!rule_met(&app, &school, &p.school, "JOB_RECOMMENDATION_EVENT").await);
    // A unit not named cannot confirm; the school named can.
    let stranger = app
        .mutate(
            "confirmEvent",
            "ConfirmEventInput",
            json!({ "id": id }),
            "event { id }",
            Some(&p.school_2),
        )
        .await;
    assert_eq!(codes(&stranger), ["FORBIDDEN"], "{stranger}");
    for event in [&id, &jobs_id] {
        let confirmed = app
            .mutate(
                "confirmEvent",
                "ConfirmEventInput",
                json!({ "id": event }),
                "event { units { confirmedAt } }",
                Some(&p.school),
            )
            .await;
        assert!(
            confirmed["event"]["units"]
                .as_array()
                .unwrap()
                .iter()
                .all(|u| u["confirmedAt"].is_string()),
            "{confirmed}"
        );
    }
    assert!(rule_met(&app, &firm, &p.firm_a, "CAMPUS_VISIT").await);
    assert!(rule_met(&app, &school, &p.school, "JOB_RECOMMENDATION_EVENT").await);
    // What the secretariat records counts at once.
    let recorded = app
        .mutate(
            "recordEvent",
            "RecordEventInput",
            json!({ "kind": "CAMPUS_VISIT", "heldOn": "2026-10-16", "title": "秘书处记录", "organiserIds": [app.unit_id(crate::fixtures::FIRM_B).await], "participantIds": [school] }),
            "event { units { confirmedAt } }",
            Some(&p.secretariat),
        )
        .await;
    assert!(
        recorded["event"]["units"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["confirmedAt"].is_string()),
        "{recorded}"
    );
}

both_databases!(a_practice_booking_holds_a_post_only_until_the_host_declines_it);

async fn a_practice_booking_holds_a_post_only_until_the_host_declines_it(app: TestApp) {
    let p = parties(&app).await;
    let school = app.unit_id(SCHOOL).await;
    let school_2 = app.unit_id(crate::fixtures::SCHOOL_2).await;
    let station = app
        .mutate(
            "createTeacherPracticeStation",
            "CreateTeacherPracticeStationInput",
            json!({ "name": "教师实践站", "specialties": ["数控技术应用"] }),
            "teacherPracticeStation { id }",
            Some(&p.firm_a),
        )
        .await;
    let station_id = station["teacherPracticeStation"]["id"].clone();
    let offered = app
        .mutate(
            "offerPracticePosts",
            "OfferPracticePostsInput",
            json!({ "stationId": station_id, "year": 2026, "specialty": "数控技术应用", "posts": 1 }),
            "teacherPracticeStation { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&offered), Vec::<String>::new(), "{offered}");
    let book = |token: String, teacher: &'static str| {
        let app = &app;
        let station_id = station_id.clone();
        async move {
            app.mutate(
                "recordTeacherPractice",
                "RecordTeacherPracticeInput",
                json!({ "stationId": station_id, "teacherName": teacher, "specialty": "数控技术应用",
                        "startDate": "2026-07-01", "endDate": "2026-07-31", "daysOnSite": 20 }),
                "teacherPractice { id hostConfirmedAt declinedAt }",
                Some(&token),
            )
            .await
        }
    };
    // A school the firm never agreed to take books the only post under an invented teacher …
    let squatter = book(p.school.clone(), "虚构老师").await;
    let squatter_id = squatter["teacherPractice"]["id"].clone();
    assert!(
        squatter["teacherPractice"]["hostConfirmedAt"].is_null(),
        "{squatter}"
    );
    // … which blocks the firm's real partner school and counts nothing for the squatter.
    assert_eq!(
        codes(&book(p.school_2.clone(), "王老师").await),
        ["NO_PRACTICE_POST_LEFT"]
    );
    assert!(!rule_met(&app, &school, &p.school, "TEACHERS_SENT_TO_PRACTICE").await);
    let decline = |id: Value, token: String| {
        let app = &app;
        async move {
            app.mutate(
                "declineTeacherPractice",
                "DeclineTeacherPracticeInput",
                json!({ "id": id, "reason": "本站未与该校约定" }),
                "teacherPractice { declinedAt declineReason }",
                Some(&token),
            )
            .await
        }
    };
    // Neither the booking school nor another firm may decline; the host may.
    assert_eq!(
        codes(&decline(squatter_id.clone(), p.school.clone()).await),
        ["FORBIDDEN"]
    );
    assert_eq!(
        codes(&decline(squatter_id.clone(), p.firm_b.clone()).await),
        ["FORBIDDEN"]
    );
    let declined = decline(squatter_id.clone(), p.firm_a.clone()).await;
    assert_eq!(
        declined["teacherPractice"]["declineReason"], "本站未与该校约定",
        "{declined}"
    );
    assert!(declined["teacherPractice"]["declinedAt"].is_string());
    // A declined booking cannot be confirmed afterwards.
    let late = app
        .mutate(
            "confirmTeacherPractice",
            "ConfirmTeacherPracticeInput",
            json!({ "id": squatter_id, "assessment": "合格" }),
            "teacherPractice { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&late), ["INVALID_TRANSITION"], "{late}");
    // The post is free again: the partner school books it; its stint counts once confirmed.
    let real = book(p.school_2.clone(), "王老师").await;
    assert_eq!(codes(&real), Vec::<String>::new(), "{real}");
    let real_id = real["teacherPractice"]["id"].clone();
    assert!(!rule_met(&app, &school_2, &p.school_2, "TEACHERS_SENT_TO_PRACTICE").await);
    let confirmed = app
        .mutate(
            "confirmTeacherPractice",
            "ConfirmTeacherPracticeInput",
            json!({ "id": real_id, "assessment": "合格" }),
            "teacherPractice { hostConfirmedAt }",
            Some(&p.firm_a),
        )
        .await;
    assert!(
        confirmed["teacherPractice"]["hostConfirmedAt"].is_string(),
        "{confirmed}"
    );
    assert!(rule_met(&app, &school_2, &p.school_2, "TEACHERS_SENT_TO_PRACTICE").await);
    assert!(!rule_met(&app, &school, &p.school, "TEACHERS_SENT_TO_PRACTICE").await);
    // A confirmed stint can no longer be declined.
    assert_eq!(
        codes(&decline(real_id, p.firm_a.clone()).await),
        ["INVALID_TRANSITION"]
    );
    // What the secretariat records stands at once (it holds a post the firm added).
    app.mutate(
        "offerPracticePosts",
        "OfferPracticePostsInput",
        json!({ "stationId": station_id, "year": 2026, "specialty": "数控技术应用", "posts": 2 }),
        "teacherPracticeStation { id }",
        Some(&p.firm_a),
    )
    .await;
    let recorded = app
        .mutate(
            "recordTeacherPractice",
            "RecordTeacherPracticeInput",
            json!({ "stationId": station_id, "schoolId": school, "teacherName": "李老师", "specialty": "数控技术应用",
                    "startDate": "2026-08-01", "endDate": "2026-08-20", "daysOnSite": 15 }),
            "teacherPractice { hostConfirmedAt }",
            Some(&p.secretariat),
        )
        .await;
    assert!(
        recorded["teacherPractice"]["hostConfirmedAt"].is_string(),
        "{recorded}"
    );
    assert!(rule_met(&app, &school, &p.school, "TEACHERS_SENT_TO_PRACTICE").await);
}

both_databases!(a_craftsman_assignment_stands_only_once_the_firm_confirms_it);

async fn a_craftsman_assignment_stands_only_once_the_firm_confirms_it(app: TestApp) {
    let p = parties(&app).await;
    let school = app.unit_id(SCHOOL).await;
    let craftsman = app
        .mutate(
            "addCraftsman",
            "AddCraftsmanInput",
            json!({ "name": "张工匠", "specialties": ["焊接"] }),
            "craftsman { id }",
            Some(&p.firm_a),
        )
        .await;
    let craftsman_id = craftsman["craftsman"]["id"].clone();
    let assign = |token: String, school: Option<String>| {
        let app = &app;
        let craftsman_id = craftsman_id.clone();
        async move {
            app.mutate(
                "assignCraftsman",
                "AssignCraftsmanInput",
                json!({ "craftsmanId": craftsman_id, "schoolId": school, "role": "PART_TIME_TEACHER", "term": "2026-2027-1", "hours": 64 }),
                "craftsmanAssignment { id confirmedAt declinedAt craftsman { name } school { name } }",
                Some(&token),
            )
            .await
        }
    };
    // Any school may propose; the assignment stands only once the craftsman's firm confirms.
    let proposed = assign(p.school.clone(), None).await;
    let id = proposed["craftsmanAssignment"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{proposed}"))
        .to_owned();
    assert!(proposed["craftsmanAssignment"]["confirmedAt"].is_null());
    assert_eq!(
        proposed["craftsmanAssignment"]["craftsman"]["name"],
        "张工匠"
    );
    let answer = |name: &'static str, token: String, id: String| {
        let app = &app;
        async move {
            app.mutate(
                name,
                "CraftsmanAssignmentIdInput",
                json!({ "id": id }),
                "craftsmanAssignment { confirmedAt declinedAt }",
                Some(&token),
            )
            .await
        }
    };
    for stranger in [&p.school, &p.school_2, &p.firm_b] {
        assert_eq!(
            codes(&answer("confirmCraftsmanAssignment", stranger.clone(), id.clone()).await),
            ["FORBIDDEN"]
        );
    }
    let confirmed = answer("confirmCraftsmanAssignment", p.firm_a.clone(), id.clone()).await;
    assert!(
        confirmed["craftsmanAssignment"]["confirmedAt"].is_string(),
        "{confirmed}"
    );
    // Confirming again changes nothing; declining now is refused.
    let again = answer("confirmCraftsmanAssignment", p.firm_a.clone(), id.clone()).await;
    assert_eq!(
        again["craftsmanAssignment"]["confirmedAt"],
        confirmed["craftsmanAssignment"]["confirmedAt"]
    );
    assert_eq!(
        codes(&answer("declineCraftsmanAssignment", p.firm_a.clone(), id.clone()).await),
        ["INVALID_TRANSITION"]
    );
    // A second proposal is declined by the firm and can no longer be confirmed.
    let other = assign(p.school_2.clone(), None).await;
    let other_id = other["craftsmanAssignment"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let declined = answer(
        "declineCraftsmanAssignment",
        p.firm_a.clone(),
        other_id.clone(),
    )
    .await;
    assert!(
        declined["craftsmanAssignment"]["declinedAt"].is_string(),
        "{declined}"
    );
    assert_eq!(
        codes(
            &answer(
                "confirmCraftsmanAssignment",
                p.firm_a.clone(),
                other_id.clone()
            )
            .await
        ),
        ["INVALID_TRANSITION"]
    );
    // The assignment is a node; what the secretariat records stands at once.
    let node = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { ... on CraftsmanAssignment { confirmedAt school { name } } } }",
            json!({ "id": id }),
            Some(&p.school_2),
        )
        .await
        .ok();
    assert!(
        node.data()["node"]["confirmedAt"].is_string(),
        "{}",
        node.body
    );
    let recorded = assign(p.secretariat.clone(), Some(school)).await;
    assert!(
        recorded["craftsmanAssignment"]["confirmedAt"].is_string(),
        "{recorded}"
    );
}

both_databases!(every_mutation_text_is_held_to_its_fields_maximum_as_user_errors);

async fn every_mutation_text_is_held_to_its_fields_maximum_as_user_errors(app: TestApp) {
    let p = parties(&app).await;
    let field = |reply: &Value| -> Vec<(String, String)> {
        reply["userErrors"]
            .as_array()
            .unwrap_or_else(|| panic!("{reply}"))
            .iter()
            .map(|e| {
                (
                    e["field"][1].as_str().unwrap_or_default().to_owned(),
                    e["code"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    let long_name = "名".repeat(201);
    // A name past 200 characters, an item of a list past its own maximum, a line break in a name.
    let station = app
        .mutate(
            "createTeacherPracticeStation",
            "CreateTeacherPracticeStationInput",
            json!({ "name": long_name, "specialties": ["数控", "专".repeat(201)], "contactPhone": "1".repeat(41) }),
            "teacherPracticeStation { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(
        field(&station),
        [
            ("name".to_owned(), "TOO_LONG".to_owned()),
            ("specialties.1".to_owned(), "TOO_LONG".to_owned()),
            ("contactPhone".to_owned(), "TOO_LONG".to_owned()),
        ]
    );
    let craftsman = app
        .mutate(
            "addCraftsman",
            "AddCraftsmanInput",
            json!({ "name": "张\n工匠" }),
            "craftsman { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(
        field(&craftsman),
        [("name".to_owned(), "INVALID".to_owned())]
    );
    let student = app
        .mutate(
            "saveStudent",
            "SaveStudentInput",
            json!({ "studentNumber": "2".repeat(21), "name": "学生", "gender": "MALE", "dateOfBirth": "2008-01-01", "nationalId": "3".repeat(21) }),
            "student { id }",
            Some(&p.school),
        )
        .await;
    assert_eq!(
        field(&student),
        [
            ("studentNumber".to_owned(), "TOO_LONG".to_owned()),
            ("nationalId".to_owned(), "TOO_LONG".to_owned()),
        ]
    );
    // Free text keeps its line breaks and its larger maximum; nothing above was written.
    let demand = app
        .mutate(
            "createOrderClassDemand",
            "CreateOrderClassDemandInput",
            json!({ "specialtyName": "数控技术应用", "headcount": 10, "startYear": 2026, "startTerm": "AUTUMN", "description": "第一行\n第二行".repeat(100) }),
            "orderClassDemand { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(field(&demand), Vec::<(String, String)>::new(), "{demand}");
    let listed = app
        .post_graphql(
            "{ teacherPracticeStations { totalCount } craftsmen { totalCount } }",
            json!({}),
            Some(&p.secretariat),
        )
        .await
        .ok();
    assert_eq!(listed.data()["teacherPracticeStations"]["totalCount"], 0);
    assert_eq!(listed.data()["craftsmen"]["totalCount"], 0);
}
