//! A published round as files: the results workbook (one sheet per category, one row per member)
//! and a member's one-page report behind a short-lived signed link, printed by headless Chromium
//! to check that it renders on one A4 page.

use alliance_tests::{TestApp, both_databases, codes};
use entity::enums::AccountRole;
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, SCHOOL, parties};
use crate::plan::fulfil;

both_databases!(a_published_round_exports_a_workbook_and_one_page_reports);

/// The workbook's sheets: (name, rows of cells as text).
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).unwrap();
            let rows = range
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
            (n, rows)
        })
        .collect()
}

/// Pages of a PDF as Chromium writes it (one `/Type /Page` dictionary per page).
fn pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(i, _)| !text[i + 11..].starts_with('s'))
        .count()
}

/// Prints `url` to PDF in headless Chromium; `None` when Chromium is not installed (outside CI).
fn print_to_pdf(url: &str) -> Option<Vec<u8>> {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    let Some(chromium) = chromium else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium must be installed under CI: the report's print check may not be skipped"
        );
        eprintln!("Chromium is not installed: the report's print check is skipped");
        return None;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.pdf");
    let status = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", out.display()))
        .arg(url)
        .output()
        .unwrap();
    assert!(out.exists(), "Chromium printed nothing: {status:?}");
    Some(std::fs::read(out).unwrap())
}

async fn a_published_round_exports_a_workbook_and_one_page_reports(app: TestApp) {
    let p = parties(&app).await;
    fulfil(&app, &p).await;
    let staff = app
        .account_token(
            "staff@committee.example.org",
            AccountRole::CommitteeStaff,
            Some("校企合作与招生就业"),
        )
        .await;
    let r = app
        .mutate(
            "openEvaluationRound",
            "OpenEvaluationRoundInput",
            json!({ "year": 2026, "title": "2026年度督导评估" }),
            "evaluationRound { id }",
            Some(&p.secretariat),
        )
        .await;
    let round = r["evaluationRound"]["id"].as_str().unwrap().to_owned();
    let download = |token: String| {
        let client = app.client.clone();
        let url = app.url("/exports/evaluation/2026/results.xlsx");
        async move { client.get(url).bearer_auth(token).send().await.unwrap() }
    };
    // Nothing to export before publication; never for a member's staff or anonymously.
    assert_eq!(download(p.secretariat.clone()).await.status(), 404);
    for to in ["SELF_ASSESSMENT", "REVIEW", "PUBLISHED"] {
        let moved = app
            .mutate(
                "moveEvaluationRound",
                "MoveEvaluationRoundInput",
                json!({ "roundId": round, "to": to }),
                "evaluationRound { status }",
                Some(&p.secretariat),
            )
            .await;
        assert_eq!(codes(&moved), Vec::<String>::new(), "{moved}");
    }
    assert_eq!(download(p.school.clone()).await.status(), 403);
    let anonymous = app
        .client
        .get(app.url("/exports/evaluation/2026/results.xlsx"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);

    let file = download(staff.clone()).await;
    assert_eq!(file.status(), 200);
    let book = sheets(&file.bytes().await.unwrap());
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    // Other bodies answer none of the default formulas: they are not evaluated, and have no sheet.
    assert_eq!(
        names,
        vec!["院校", "企业"],
        "one sheet per category evaluated"
    );
    let results = app
        .post_graphql("{ evaluationRound(year: 2026) { results { memberUnit { name category } rank total } } }", json!({}), Some(&p.secretariat))
        .await
        .body;
    let all = results["data"]["evaluationRound"]["results"]
        .as_array()
        .unwrap();
    assert!(all.iter().all(|r| r["memberUnit"]["category"] != "OTHER"));
    for (sheet, category) in [("院校", "SCHOOL"), ("企业", "ENTERPRISE")] {
        let rows = &book.iter().find(|(n, _)| n == sheet).unwrap().1;
        let members: Vec<&Value> = all
            .iter()
            .filter(|r| r["memberUnit"]["category"] == category)
            .collect();
        assert_eq!(rows.len() - 1, members.len(), "{sheet}: one row per member");
        assert_eq!(rows[0][1], "成员单位");
    }
    let firms = &book.iter().find(|(n, _)| n == "企业").unwrap().1;
    let firm_row = firms.iter().find(|r| r[1] == FIRM_A).unwrap();
    assert_eq!(
        firm_row[0], "1",
        "FIRM_A meets every firm rule: ranked first"
    );
    assert!(
        firms[0].iter().any(|h| h.starts_with("厂中校实训基地运行")),
        "{:?}",
        firms[0]
    );

    // The report link: only for a result the caller reads, short-lived, opens without a token.
    let link_query = "{ evaluationRound(year: 2026) { results { memberUnit { name } reportLink { url expiresAt } } } }";
    let mine = app
        .post_graphql(link_query, json!({}), Some(&p.school))
        .await
        .body;
    let own = mine["data"]["evaluationRound"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["memberUnit"]["name"] == SCHOOL)
        .unwrap()
        .clone();
    let url = own["reportLink"]["url"].as_str().unwrap().to_owned();
    let page = app.client.get(app.url(&url)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains(SCHOOL) && html.contains("2026年度督导评估"),
        "{html}"
    );
    assert!(
        html.contains("选派教师入企实践"),
        "computed items by their Chinese labels"
    );
    // A tampered or foreign token is no link; an access token is not one either.
    let tampered = format!("{}x", url);
    assert_eq!(
        app.client
            .get(app.url(&tampered))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let access = format!("/reports/evaluation?link={}", p.school);
    assert_eq!(
        app.client
            .get(app.url(&access))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );

    // It prints on one A4 page.
    if let Some(pdf) = print_to_pdf(&app.url(&url)) {
        assert_eq!(pages(&pdf), 1, "the report prints on one page");
    }
}
