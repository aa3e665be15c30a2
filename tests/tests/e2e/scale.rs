//! Views that stay bounded at scale (`docs/performance.md`): the synthetic data set, counts only
//! when `totalCount` is asked for, rule findings checked batch by batch, retention counted in SQL.

use std::collections::{BTreeMap, BTreeSet};

use alliance_tests::{TestApp, both_databases};
use api::synthetic::dataset::{self, DataSetError};
use entity::enums::AccountRole;
use entity::{member_unit, student};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Statement};
use serde_json::{Value, json};

use crate::fixtures::api_command;

/// Placements of the data set in these tests: 1,333 start in 2026, more than one batch of
/// `internshipRuleFindings` (1,000).
const PLACEMENTS: u32 = 4_000;

both_databases!(
    the_synthetic_data_set_loads_labelled_once_and_never_beside_other_records,
    a_page_counts_only_when_total_count_is_selected,
    rule_findings_page_across_batches_exactly_as_each_placement_reports_them,
    the_findings_page_shows_each_placements_own_findings,
    a_searched_page_finds_every_match_and_can_use_the_search_indexes,
    retention_counted_in_sql_matches_the_outcomes_recorded,
    the_retention_tally_follows_outcomes_recorded_and_corrected,
    the_enrolment_tally_follows_every_write_to_enrolments_whoever_makes_it,
    the_sponsors_covering_index_holds_every_column_of_a_sponsor,
    a_pages_plan_is_kept_on_postgresql_whatever_the_page_size,
    a_units_audit_trail_pages_through_every_part_in_order_both_ways,
    every_positional_model_reads_the_same_by_position_as_by_name
);

async fn load(app: &TestApp) {
    dataset::load(&app.db, PLACEMENTS, |_, _| {})
        .await
        .expect("the data set loads into a seeded database");
}

async fn the_synthetic_data_set_loads_labelled_once_and_never_beside_other_records(app: TestApp) {
    let loaded = dataset::load(&app.db, 1_000, |_, _| {}).await.unwrap();
    assert_eq!(
        (
            loaded.placements,
            loaded.students,
            loaded.order_classes,
            loaded.sponsors,
            loaded.enrolments
        ),
        (1_000, 1_000, 20, 40, 600)
    );
    let token = app.secretariat().await;
    let reply = app
        .post_graphql(
            "{ internshipPlacements(first: 100) { totalCount nodes { postTitle student { name studentNumber } } } }",
            json!({}),
            Some(&token),
        )
        .await
        .ok();
    let page = &reply.data()["internshipPlacements"];
    assert_eq!(page["totalCount"], 1_000);
    for node in page["nodes"].as_array().unwrap() {
        assert!(node["postTitle"].as_str().unwrap().contains("合成"));
        assert!(node["student"]["name"].as_str().unwrap().contains("合成"));
        assert!(
            node["student"]["studentNumber"]
                .as_str()
                .unwrap()
                .starts_with("SYN")
        );
    }
    // A second load, or a load beside any record, is refused and writes nothing.
    let again = dataset::load(&app.db, 10, |_, _| {}).await;
    assert!(
        matches!(again, Err(DataSetError::NotEmpty { .. })),
        "{again:?}"
    );
    let reply = app
        .post_graphql(
            "{ internshipPlacements(first: 1) { totalCount } }",
            json!({}),
            Some(&token),
        )
        .await
        .ok();
    assert_eq!(reply.data()["internshipPlacements"]["totalCount"], 1_000);
    // Out of range.
    assert!(matches!(
        dataset::load(&app.db, 0, |_, _| {}).await,
        Err(DataSetError::Scale)
    ));
}

#[test]
fn the_demo_data_command_loads_a_fresh_database_and_refuses_a_loaded_one() {
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        api_command()
            .args(["demo-data", "--placements", "300"])
            .env("DATA_DIR", dir.path())
            .env_remove("DATABASE_URL")
            .output()
            .expect("run api demo-data")
    };
    let first = run();
    assert!(first.status.success(), "{first:?}");
    let out = String::from_utf8_lossy(&first.stdout);
    assert!(out.contains("loaded SYNTHETIC data"), "{out}");
    assert!(out.contains("placements: 300"), "{out}");
    let second = run();
    assert!(!second.status.success());
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(
        err.contains("synthetic data goes only into a database"),
        "{err}"
    );
}

/// Pages without `totalCount` run one statement fewer than pages with it, for every top-level
/// list of rows that can grow large.
async fn a_page_counts_only_when_total_count_is_selected(app: TestApp) {
    load(&app).await;
    let token = app.secretariat().await;
    for list in [
        "memberUnits",
        "internshipPlacements",
        "orderClasses",
        "auditEvents",
    ] {
        let mut statements = Vec::new();
        for selection in ["totalCount nodes { id }", "nodes { id }"] {
            let query = format!("{{ {list}(first: 20) {{ {selection} }} }}");
            let (n, reply) = app
                .count_statements(app.post_graphql(&query, json!({}), Some(&token)))
                .await;
            let reply = reply.ok();
            assert_eq!(reply.data()[list]["nodes"].as_array().unwrap().len(), 20);
            statements.push(n);
        }
        assert_eq!(
            statements[0],
            statements[1] + 1,
            "{list}: with and without totalCount"
        );
    }
}

/// The ids of every placement of 2026 with a finding, read page by page from `query` (which
/// takes `$after`), and the `totalCount` it reported.
async fn all_pages(app: &TestApp, token: &str, query: &str, field: &str) -> (Vec<String>, u64) {
    let mut ids = Vec::new();
    let mut after = Value::Null;
    let mut total = 0;
    loop {
        let reply = app
            .post_graphql(query, json!({ "after": after }), Some(token))
            .await
            .ok();
        let page = &reply.data()[field];
        total = page["totalCount"].as_u64().unwrap_or(total);
        for node in page["nodes"].as_array().unwrap() {
            let flagged = node
                .get("ruleFindings")
                .is_none_or(|f| !f.as_array().unwrap().is_empty());
            if flagged {
                ids.push(node["id"].as_str().unwrap().to_owned());
            }
        }
        if page["pageInfo"]["hasNextPage"] != true {
            return (ids, total);
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
}

async fn rule_findings_page_across_batches_exactly_as_each_placement_reports_them(app: TestApp) {
    load(&app).await;
    let token = app.secretariat().await;
    // The work list, 20 at a time: its pages cross the batches of 1,000.
    let (listed, total) = all_pages(
        &app,
        &token,
        "query($after: String) { internshipRuleFindings(year: 2026, first: 20, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }",
        "internshipRuleFindings",
    )
    .await;
    // Every placement of 2026, 100 at a time, kept when its own findings are not empty.
    let (expected, _) = all_pages(
        &app,
        &token,
        "query($after: String) { internshipPlacements(first: 100, after: $after, filter: {startYear: 2026}) { nodes { id ruleFindings { rule } } pageInfo { hasNextPage endCursor } } }",
        "internshipPlacements",
    )
    .await;
    assert!(listed.len() > 40, "the data set breaks rules: {listed:?}");
    assert_eq!(
        listed, expected,
        "same placements, same order (newest first)"
    );
    assert_eq!(total, listed.len() as u64);
    assert_eq!(
        listed.iter().collect::<BTreeSet<_>>().len(),
        listed.len(),
        "no placement twice"
    );
    // `last` reads from the oldest end.
    let reply = app
        .post_graphql(
            "{ internshipRuleFindings(year: 2026, last: 3) { nodes { id } pageInfo { hasPreviousPage } } }",
            json!({}),
            Some(&token),
        )
        .await
        .ok();
    let oldest: Vec<&str> = reply.data()["internshipRuleFindings"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    let tail: Vec<&str> = listed[listed.len() - 3..]
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(oldest, tail);
    assert_eq!(
        reply.data()["internshipRuleFindings"]["pageInfo"]["hasPreviousPage"],
        true
    );
    // Filtered by rule: only the 44-hour weeks and night shifts of the data set.
    let (night, night_total) = all_pages(
        &app,
        &token,
        "query($after: String) { internshipRuleFindings(year: 2026, rules: [NO_NIGHT_OR_OVERTIME], first: 50, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }",
        "internshipRuleFindings",
    )
    .await;
    assert_eq!(night_total, night.len() as u64);
    assert!(!night.is_empty() && night.len() < listed.len());
    assert!(night.iter().all(|id| listed.contains(id)));
    // Filtered by severity: only the hosts' missing attestations are warnings.
    let (warnings, _) = all_pages(
        &app,
        &token,
        "query($after: String) { internshipRuleFindings(year: 2026, severities: [WARNING], first: 50, after: $after) { totalCount nodes { id ruleFindings { rule severity } } pageInfo { hasNextPage endCursor } } }",
        "internshipRuleFindings",
    )
    .await;
    assert!(!warnings.is_empty() && warnings.len() < listed.len());
}

async fn retention_counted_in_sql_matches_the_outcomes_recorded(app: TestApp) {
    load(&app).await;
    let token = app.secretariat().await;
    // The data set's outcomes, by its own rule: every student placed in 2024 graduates in 2025;
    // eight in ten are employed in Weihai.
    let graduates = (0..PLACEMENTS).filter(|s| s % 3 == 0).count() as i64;
    let in_weihai = (0..PLACEMENTS)
        .filter(|s| s % 3 == 0 && s % 10 <= 7)
        .count() as i64;
    for group in ["SCHOOL", "DISTRICT", "SPECIALTY"] {
        let reply = app
            .post_graphql(
                "query($g: RetentionGroup!) { retention(year: 2025, groupBy: $g) { label graduates employed employedInWeihai retentionRate previousRetentionRate } }",
                json!({ "g": group }),
                Some(&token),
            )
            .await
            .ok();
        let rows = reply.data()["retention"].as_array().unwrap().clone();
        let sum = |k: &str| rows.iter().map(|r| r[k].as_i64().unwrap()).sum::<i64>();
        assert_eq!(sum("graduates"), graduates, "{group}");
        assert_eq!(sum("employed"), in_weihai, "{group}");
        assert_eq!(sum("employedInWeihai"), in_weihai, "{group}");
        for r in &rows {
            let rate = r["employedInWeihai"].as_f64().unwrap() / r["graduates"].as_f64().unwrap();
            assert!((r["retentionRate"].as_f64().unwrap() - rate).abs() < 1e-9);
            assert_eq!(r["previousRetentionRate"], Value::Null, "no 2024 graduates");
        }
        if group == "SPECIALTY" {
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0]["label"], "合成专业");
        }
        if group == "SCHOOL" {
            assert!(rows.len() > 1);
        }
    }
}

/// The school's row of `retention(year: 2025, groupBy: SCHOOL)`: (graduates, employed in Weihai).
async fn school_retention(app: &TestApp, token: &str) -> (i64, i64) {
    let reply = app
        .post_graphql(
            "{ retention(year: 2025, groupBy: SCHOOL) { graduates employedInWeihai } }",
            json!({}),
            Some(token),
        )
        .await
        .ok();
    let rows = reply.data()["retention"].as_array().unwrap().clone();
    assert_eq!(rows.len(), 1, "a school sees its own row only");
    (
        rows[0]["graduates"].as_i64().unwrap(),
        rows[0]["employedInWeihai"].as_i64().unwrap(),
    )
}

/// `retention` by school reads the tally the database keeps: recording an outcome and correcting
/// one move it at once.
async fn the_retention_tally_follows_outcomes_recorded_and_corrected(app: TestApp) {
    load(&app).await;
    // Student 0 graduated in 2025, employed in Weihai; its school's staff.
    let first = student::Entity::find()
        .filter(student::Column::StudentNumber.eq("SYN0000000"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let school = member_unit::Entity::find_by_id(first.school_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let token = app
        .account_token(
            "tally@example.org",
            AccountRole::SchoolStaff,
            Some(&school.name),
        )
        .await;
    let before = school_retention(&app, &token).await;
    assert!(before.0 > 0 && before.1 > 0);
    // A student of the same school placed in 2026 (index not divisible by 3) has no outcome yet.
    let fresh = student::Entity::find()
        .filter(student::Column::SchoolId.eq(first.school_id))
        .order_by_asc(student::Column::StudentNumber)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.student_number[3..].parse::<u32>().unwrap() % 3 != 0)
        .unwrap();
    let record = |number: String, status: &'static str, in_weihai: bool| {
        let app = &app;
        let token = &token;
        async move {
            let r = app
                .mutate(
                    "recordGraduateOutcome",
                    "RecordGraduateOutcomeInput",
                    json!({ "studentNumber": number, "graduationYear": 2025, "status": status,
                            "inWeihai": in_weihai, "reportedOn": "2025-09-01" }),
                    "graduateOutcome { status }",
                    Some(token),
                )
                .await;
            assert_eq!(r["userErrors"], json!([]), "{r}");
        }
    };
    record(fresh.student_number.clone(), "EMPLOYED", true).await;
    assert_eq!(
        school_retention(&app, &token).await,
        (before.0 + 1, before.1 + 1)
    );
    // Corrected: student 0 is not employed after all.
    record(first.student_number.clone(), "NOT_YET_EMPLOYED", false).await;
    assert_eq!(
        school_retention(&app, &token).await,
        (before.0 + 1, before.1)
    );
}

/// The work list's nodes reuse what its batches read (students, hosts, counts) for their
/// `ruleFindings`: they must be what each placement reports on its own.
async fn the_findings_page_shows_each_placements_own_findings(app: TestApp) {
    load(&app).await;
    let token = app.secretariat().await;
    const FINDINGS: &str = "ruleFindings { rule severity message }";
    let page = app
        .post_graphql(
            &format!("{{ internshipRuleFindings(year: 2025, first: 60) {{ nodes {{ id {FINDINGS} }} }} }}"),
            json!({}),
            Some(&token),
        )
        .await
        .ok();
    let nodes = page.data()["internshipRuleFindings"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(nodes.len(), 60);
    let ids: Vec<&Value> = nodes.iter().map(|n| &n["id"]).collect();
    let each = app
        .post_graphql(
            &format!("query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on InternshipPlacement {{ id {FINDINGS} }} }} }}"),
            json!({ "ids": ids }),
            Some(&token),
        )
        .await
        .ok();
    assert_eq!(&Value::Array(nodes.clone()), &each.data()["nodes"]);
    assert!(
        nodes
            .iter()
            .all(|n| !n["ruleFindings"].as_array().unwrap().is_empty())
    );
}

/// Every placement of the school whose host name or post title contains `term`, newest first.
async fn school_matches(app: &TestApp, school: uuid::Uuid, term: &str) -> Vec<String> {
    entity::internship_placement::Entity::find()
        .filter(entity::internship_placement::Column::SchoolId.eq(school))
        .order_by_desc(entity::internship_placement::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|p| p.host_name.contains(term) || p.post_title.contains(term))
        .map(|p| p.id.to_string())
        .collect()
}

/// Every page of the school's placements searched for `term`, as `(ids, totalCount)`.
async fn searched(app: &TestApp, token: &str, term: &str) -> (Vec<String>, u64) {
    let (listed, total) = all_pages(
        app,
        token,
        &format!(
            "query($after: String) {{ internshipPlacements(first: 20, after: $after, filter: {{search: \"{term}\"}}) {{ totalCount nodes {{ id }} pageInfo {{ hasNextPage endCursor }} }} }}"
        ),
        "internshipPlacements",
    )
    .await;
    let listed = listed
        .iter()
        .map(|id| api::graphql::id::decode(id).unwrap().1.to_string())
        .collect();
    (listed, total)
}

/// A school's placements searched for a host: every match and only matches, newest first, for a
/// term matching one host (answered through the search terms on PostgreSQL), a term matching more
/// names than the search terms answer for (matched with `LIKE`), and a post title written straight
/// to the database (the terms follow every write). On PostgreSQL the page's own statement can be
/// served by the name-and-scope indexes.
async fn a_searched_page_finds_every_match_and_can_use_the_search_indexes(app: TestApp) {
    use sea_orm::{ConnectionTrait, QuerySelect, QueryTrait, TransactionTrait};
    load(&app).await;
    let school = member_unit::Entity::find()
        .filter(member_unit::Column::Name.eq("威海技师学院"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let token = app
        .account_token(
            "search@college.example.org",
            AccountRole::SchoolStaff,
            Some("威海技师学院"),
        )
        .await;
    let placement = entity::internship_placement::Entity::find()
        .filter(entity::internship_placement::Column::SchoolId.eq(school.id))
        .filter(entity::internship_placement::Column::HostUnitId.is_not_null())
        .order_by_asc(entity::internship_placement::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let host = placement.host_name.clone();
    // 120 of the school's placements get posts of their own (合成岗位001 …), more names than the
    // search terms answer for.
    let ids: Vec<uuid::Uuid> = entity::internship_placement::Entity::find()
        .filter(entity::internship_placement::Column::SchoolId.eq(school.id))
        .order_by_desc(entity::internship_placement::Column::Id)
        .limit(120)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert!(ids.len() as u64 > api::placement::SEARCH_TERMS_MAX);
    for (i, id) in ids.iter().enumerate() {
        entity::internship_placement::Entity::update_many()
            .col_expr(
                entity::internship_placement::Column::PostTitle,
                sea_orm::sea_query::Expr::value(format!("合成岗位{:03}", i + 1)),
            )
            .filter(entity::internship_placement::Column::Id.eq(*id))
            .exec(&app.db)
            .await
            .unwrap();
    }
    // One host's name; ten posts' titles; every post's title (matched with `LIKE`).
    for (term, least) in [(host.as_str(), 21), ("合成岗位07", 10), ("合成岗位", 121)] {
        let expected = school_matches(&app, school.id, term).await;
        assert!(expected.len() >= least, "{term}: {}", expected.len());
        let (listed, total) = searched(&app, &token, term).await;
        assert_eq!(listed, expected, "{term}");
        assert_eq!(total, expected.len() as u64, "{term}");
    }
    // A post title written straight to the database, not through the API, is found the next
    // moment.
    entity::internship_placement::Entity::update_many()
        .col_expr(
            entity::internship_placement::Column::PostTitle,
            sea_orm::sea_query::Expr::value("手写岗位：激光切割"),
        )
        .filter(entity::internship_placement::Column::Id.eq(placement.id))
        .exec(&app.db)
        .await
        .unwrap();
    let (listed, total) = searched(&app, &token, "激光切割").await;
    assert_eq!((listed, total), (vec![placement.id.to_string()], 1));
    let (listed, _) = searched(&app, &token, "无此岗位").await;
    assert!(listed.is_empty());

    if app.backend == alliance_tests::Backend::Postgres {
        // The page's statement, as the API builds it for this school, on fresh statistics and
        // with plain index scans (which a small table favours) off: the matching placements come
        // from the index on host name and school.
        let actor = api::auth::Actor::Account {
            id: uuid::Uuid::nil(),
            role: AccountRole::SchoolStaff,
            unit: Some(school.id),
            committee: None,
        };
        let filter = api::placement::PlacementFilter {
            search: Some(host.clone()),
            ..Default::default()
        };
        let cond = filter.condition(&actor, &app.db).await.unwrap();
        let page = entity::internship_placement::Entity::find()
            .filter(cond)
            .order_by_desc(entity::internship_placement::Column::Id)
            .limit(21)
            .build(sea_orm::DatabaseBackend::Postgres)
            .to_string();
        app.db
            .execute_unprepared("ANALYZE internship_placement")
            .await
            .unwrap();
        let txn = app.db.begin().await.unwrap();
        for off in ["enable_seqscan", "enable_indexscan"] {
            txn.execute_unprepared(&format!("SET LOCAL {off} = off"))
                .await
                .unwrap();
        }
        let rows = txn
            .query_all_raw(sea_orm::Statement::from_string(
                sea_orm::DatabaseBackend::Postgres,
                format!("EXPLAIN {page}"),
            ))
            .await
            .unwrap();
        let text: String = rows
            .iter()
            .map(|r| r.try_get_by_index::<String>(0).unwrap())
            .collect::<Vec<_>>()
            .join("\n");
        txn.rollback().await.unwrap();
        assert!(
            text.contains("idx_placement_host_name_school") && !text.contains("Seq Scan"),
            "{text}"
        );
    }
}

/// Every order class's `(enrolledCount, agreementsSigned)` as the API answers them (the counts
/// the database keeps on `order_class`), by name.
async fn class_counts_shown(app: &TestApp, token: &str) -> BTreeMap<String, (i64, i64)> {
    let reply = app
        .post_graphql(
            "{ orderClasses(first: 100) { totalCount nodes { name enrolledCount agreementsSigned } } }",
            json!({}),
            Some(token),
        )
        .await
        .ok();
    let data = &reply.data()["orderClasses"];
    assert!(
        data["totalCount"].as_u64().unwrap() <= 100,
        "one page holds them all"
    );
    data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["name"].as_str().unwrap().to_owned(),
                (
                    n["enrolledCount"].as_i64().unwrap(),
                    n["agreementsSigned"].as_i64().unwrap(),
                ),
            )
        })
        .collect()
}

/// The same counted from the enrolments themselves.
async fn class_counts_live(app: &TestApp) -> BTreeMap<String, (i64, i64)> {
    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT c.name, COUNT(e.id), COUNT(e.agreement_signed_on) FROM order_class c \
             LEFT JOIN enrolment e ON e.order_class_id = c.id GROUP BY c.name",
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            (
                r.try_get_by_index::<String>(0).unwrap(),
                (
                    r.try_get_by_index::<i64>(1).unwrap(),
                    r.try_get_by_index::<i64>(2).unwrap(),
                ),
            )
        })
        .collect()
}

/// `enrolledCount` and `agreementsSigned` come from counts the database keeps on `order_class`:
/// after the data set's bulk inserts and after deletes, updates of the agreement and moves of
/// enrolments to another class, written straight to the database in one statement each, every
/// class shows what its enrolments count.
async fn the_enrolment_tally_follows_every_write_to_enrolments_whoever_makes_it(app: TestApp) {
    load(&app).await;
    let token = app.secretariat().await;
    let live = class_counts_live(&app).await;
    assert_eq!(live.len(), (PLACEMENTS / 50) as usize);
    assert!(live.values().all(|(enrolled, _)| *enrolled > 0));
    assert_eq!(class_counts_shown(&app, &token).await, live);

    let class = |n: u32| format!("(SELECT id FROM order_class WHERE name = '合成订单班{n:06}')");
    let writes = [
        // A class emptied.
        format!("DELETE FROM enrolment WHERE order_class_id = {}", class(1)),
        // Agreements withdrawn in one class, signed for everyone in another.
        format!(
            "UPDATE enrolment SET agreement_signed_on = NULL, agreement_enterprise_id = NULL \
             WHERE order_class_id = {}",
            class(2)
        ),
        format!(
            "UPDATE enrolment SET agreement_signed_on = '2026-09-01' WHERE order_class_id = {}",
            class(3)
        ),
        // A class's students moved to another class.
        format!(
            "UPDATE enrolment SET order_class_id = {} WHERE order_class_id = {}",
            class(5),
            class(4)
        ),
    ];
    for sql in writes {
        app.db
            .execute_raw(Statement::from_string(
                app.db.get_database_backend(),
                sql.clone(),
            ))
            .await
            .unwrap();
        let live = class_counts_live(&app).await;
        assert_eq!(class_counts_shown(&app, &token).await, live, "after {sql}");
    }
    let live = class_counts_live(&app).await;
    assert_eq!(live[&format!("合成订单班{:06}", 1)], (0, 0));
    assert_eq!(live[&format!("合成订单班{:06}", 4)], (0, 0));
    assert_eq!(live[&format!("合成订单班{:06}", 2)].1, 0);
}

/// PostgreSQL reads a page's sponsors from `idx_sponsor_class_covering` alone (migration
/// `m20261202_000002_sponsor_covering_index`) only while it holds every column the loader selects:
/// a column added to `order_class_sponsor` without it would quietly bring back a read of the table.
async fn the_sponsors_covering_index_holds_every_column_of_a_sponsor(app: TestApp) {
    if app.backend != alliance_tests::Backend::Postgres {
        return;
    }
    let names = |sql: &'static str| {
        let db = &app.db;
        async move {
            db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap()
                .iter()
                .map(|r| r.try_get_by_index::<String>(0).unwrap())
                .collect::<BTreeSet<String>>()
        }
    };
    let covered = names(
        "SELECT a.attname::text FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid \
         WHERE c.relname = 'idx_sponsor_class_covering' AND a.attnum > 0",
    )
    .await;
    let columns = names(
        "SELECT column_name::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = 'order_class_sponsor'",
    )
    .await;
    assert_eq!(columns.len(), 6, "{columns:?}");
    assert_eq!(covered, columns);
}

/// PostgreSQL keeps the plan of a page's statement (`entity::statement`): its `LIMIT` is written
/// into the SQL, so the plan made without the parameters' values costs what the plans made with
/// them cost, and after its first runs the statement is no longer planned on each run. With the
/// limit bound as a parameter, every run of a school's placements page was planned afresh.
async fn a_pages_plan_is_kept_on_postgresql_whatever_the_page_size(app: TestApp) {
    use entity::internship_placement as placement;
    use sea_orm::{PaginatorTrait, QuerySelect, TransactionTrait};
    if app.backend != alliance_tests::Backend::Postgres {
        return;
    }
    load(&app).await;
    app.db
        .execute_unprepared("ANALYZE internship_placement")
        .await
        .unwrap();
    let school = placement::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("the data set has placements")
        .school_id;
    // The secretariat's page (every placement) and a school's, each at two sizes.
    let scope = |school: Option<uuid::Uuid>| match school {
        Some(s) => sea_orm::Condition::all().add(placement::Column::SchoolId.eq(s)),
        None => sea_orm::Condition::all(),
    };
    // One transaction: one session, whose prepared statements `pg_prepared_statements` lists.
    let txn = app.db.begin().await.unwrap();
    for school in [None, Some(school)] {
        let expected: usize = placement::Entity::find()
            .filter(scope(school))
            .count(&txn)
            .await
            .unwrap()
            .try_into()
            .unwrap();
        for size in [21_usize, 51] {
            for _ in 0..10 {
                let page = placement::Entity::find()
                    .filter(scope(school))
                    .order_by_desc(placement::Column::Id)
                    .limit(u64::try_from(size).unwrap());
                let shown = entity::positional::all(page, &txn).await.unwrap().len();
                assert_eq!(shown, expected.min(size));
            }
        }
    }
    // The pages' statements: one per scope and size, or one per scope with the limit bound.
    // Only ordered statements count: the pool may hand this transaction the session that read
    // `school` above, whose unordered `.one()` statement it has prepared too.
    let plans = txn
        .query_one_raw(Statement::from_string(
            sea_orm::DatabaseBackend::Postgres,
            "SELECT sum(generic_plans)::bigint, sum(custom_plans)::bigint, count(*) \
             FROM pg_prepared_statements \
             WHERE statement LIKE 'SELECT \"internship_placement\".\"id\",%ORDER BY%LIMIT%'",
        ))
        .await
        .unwrap()
        .unwrap();
    let generic: i64 = plans.try_get_by_index(0).unwrap();
    let custom: i64 = plans.try_get_by_index(1).unwrap();
    let statements: i64 = plans.try_get_by_index(2).unwrap();
    assert_eq!(generic + custom, 40, "every run counted once");
    // PostgreSQL plans a statement with parameters afresh for its first five runs, then keeps
    // the plan if it costs no more; a statement without parameters is planned once.
    assert!(
        custom <= 5 * statements,
        "{statements} statements: {generic} runs on a kept plan, {custom} planned afresh"
    );
    txn.commit().await.unwrap();
}

/// Every event involving `unit` (made by its accounts, on its records, or a read of its
/// students), newest first, counted straight from the tables; only reads if `reads_only`, only
/// events on record `object` (a write of it or a read listing it) if given.
async fn events_involving(
    app: &TestApp,
    unit: uuid::Uuid,
    reads_only: bool,
    object: Option<uuid::Uuid>,
) -> Vec<String> {
    let backend = app.db.get_database_backend();
    let p = |i: usize| match backend {
        sea_orm::DatabaseBackend::Postgres => format!("${i}"),
        _ => "?".to_owned(),
    };
    let mut sql = format!(
        "SELECT id FROM audit_event WHERE (actor_unit_id = {} OR owner_unit_id = {} \
         OR partner_unit_id = {} OR id IN (SELECT event_id FROM audit_event_entity \
         WHERE owner_unit_id = {}))",
        p(1),
        p(2),
        p(3),
        p(4)
    );
    let mut values: Vec<sea_orm::Value> = vec![unit.into(), unit.into(), unit.into(), unit.into()];
    if reads_only {
        sql.push_str(" AND action = 'READ'");
    }
    if let Some(object) = object {
        sql.push_str(&format!(
            " AND (object_id = {} OR id IN (SELECT event_id FROM audit_event_entity \
             WHERE object_id = {}))",
            p(5),
            p(6)
        ));
        values.extend([object.into(), object.into()]);
    }
    sql.push_str(" ORDER BY id DESC");
    app.db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get_by_index::<uuid::Uuid>(0).unwrap().to_string())
        .collect()
}

/// Every page of `auditEvents(filter)` as `token` sees it, `size` at a time, forwards (`first`,
/// `after`) or backwards (`last`, `before`); the event ids newest first, and `totalCount`.
async fn audit_pages(
    app: &TestApp,
    token: &str,
    filter: &Value,
    size: u32,
    forwards: bool,
) -> (Vec<String>, u64) {
    let query = if forwards {
        "query($f: AuditEventFilter, $n: Int, $c: String) { auditEvents(filter: $f, first: $n, after: $c) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }"
    } else {
        "query($f: AuditEventFilter, $n: Int, $c: String) { auditEvents(filter: $f, last: $n, before: $c) { totalCount nodes { id } pageInfo { hasPreviousPage startCursor } } }"
    };
    let (mut pages, mut cursor) = (Vec::new(), Value::Null);
    let total = loop {
        let reply = app
            .post_graphql(
                query,
                json!({ "f": filter, "n": size, "c": cursor }),
                Some(token),
            )
            .await
            .ok();
        let page = &reply.data()["auditEvents"];
        let total = page["totalCount"].as_u64().unwrap();
        let ids: Vec<String> = page["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_owned())
            .collect();
        assert!(ids.len() <= size as usize);
        pages.push(ids);
        let (more, next) = if forwards {
            ("hasNextPage", "endCursor")
        } else {
            ("hasPreviousPage", "startCursor")
        };
        if page["pageInfo"][more] != true {
            break total;
        }
        cursor = page["pageInfo"][next].clone();
    };
    if !forwards {
        pages.reverse();
    }
    (pages.concat(), total)
}

/// A page of the audit trail reads a page from each part of the set of events it is drawn from
/// (the unit's reads, its accounts' writes, its records' writes) rather than gathering them
/// all: paging through a school's trail as its staff, forwards and backwards, through the
/// secretariat's view of the school's reads, and through a record's events as the school's
/// staff, lists every event once, in order, as the tables hold them, with the parts' events
/// interleaved; another school's staff see none of the record's events.
async fn a_units_audit_trail_pages_through_every_part_in_order_both_ways(app: TestApp) {
    load(&app).await;
    let secretariat = app.secretariat().await;
    let first = student::Entity::find()
        .filter(student::Column::StudentNumber.eq("SYN0000000"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let school = member_unit::Entity::find_by_id(first.school_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let staff = app
        .account_token(
            "trail@example.org",
            AccountRole::SchoolStaff,
            Some(&school.name),
        )
        .await;
    let elsewhere = member_unit::Entity::find()
        .filter(member_unit::Column::Id.ne(school.id))
        .filter(member_unit::Column::Kind.eq(school.kind))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let other = app
        .account_token(
            "other-trail@example.org",
            AccountRole::SchoolStaff,
            Some(&elsewhere.name),
        )
        .await;
    let read = "query($after: String) { internshipPlacements(first: 50, after: $after) { nodes { student { name } } pageInfo { endCursor } } }";
    let mut after = Value::Null;
    for round in 0..12 {
        let reply = app
            .post_graphql(read, json!({ "after": after }), Some(&secretariat))
            .await
            .ok();
        after = reply.data()["internshipPlacements"]["pageInfo"]["endCursor"].clone();
        if round % 4 == 1 {
            // A write by the school between the reads.
            let employed = round % 8 == 1;
            let r = app
                .mutate(
                    "recordGraduateOutcome",
                    "RecordGraduateOutcomeInput",
                    json!({ "studentNumber": first.student_number, "graduationYear": 2025,
                            "status": if employed { "EMPLOYED" } else { "NOT_YET_EMPLOYED" },
                            "inWeihai": employed, "reportedOn": "2025-09-01" }),
                    "graduateOutcome { status }",
                    Some(&staff),
                )
                .await;
            assert_eq!(r["userErrors"], json!([]), "{r}");
        }
    }
    let all = events_involving(&app, school.id, false, None).await;
    let reads = events_involving(&app, school.id, true, None).await;
    // The student's outcome: recorded once and corrected twice by the school.
    let outcome = entity::graduate_outcome::Entity::find()
        .filter(entity::graduate_outcome::Column::StudentId.eq(first.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let on_outcome = events_involving(&app, school.id, false, Some(outcome.id)).await;
    assert_eq!(on_outcome.len(), 3, "{on_outcome:?}");
    assert!(
        reads.len() >= 4 && all.len() >= reads.len() + 3,
        "{} {}",
        all.len(),
        reads.len()
    );
    for forwards in [true, false] {
        let (listed, total) = audit_pages(&app, &staff, &json!(null), 3, forwards).await;
        assert_eq!(listed, all, "the school's staff, forwards: {forwards}");
        assert_eq!(total, all.len() as u64);
        let filter = json!({ "unitId": app.unit_id(&school.name).await, "actions": ["READ"] });
        let (listed, total) = audit_pages(&app, &secretariat, &filter, 2, forwards).await;
        assert_eq!(
            listed, reads,
            "the secretariat, the school's reads, forwards: {forwards}"
        );
        assert_eq!(total, reads.len() as u64);
        let filter = json!({ "objectId": outcome.id.to_string() });
        let (listed, total) = audit_pages(&app, &staff, &filter, 2, forwards).await;
        assert_eq!(
            listed, on_outcome,
            "a record's events, forwards: {forwards}"
        );
        assert_eq!(total, on_outcome.len() as u64);
        // Another school's staff see none of them: the scope is tested on each event of the
        // record's page.
        let (listed, total) = audit_pages(&app, &other, &filter, 2, forwards).await;
        assert_eq!(
            (listed.len(), total),
            (0, 0),
            "another school, forwards: {forwards}"
        );
    }
}

/// The models read by position (`entity::positional`) decode each value with sqlx's `Decode`
/// directly on PostgreSQL, without `Row::try_get`'s type check, and through SeaORM on SQLite.
/// Every row of each such model (the data set's, the seeded members', an account), and the
/// sponsors with their firms as pairs, must read the same as SeaORM's own decoding by name,
/// with every optional column both empty and set somewhere.
async fn every_positional_model_reads_the_same_by_position_as_by_name(app: TestApp) {
    use entity::positional::all_pairs;
    use entity::{account, internship_placement, order_class, order_class_sponsor};
    load(&app).await;
    app.secretariat().await;
    let db = &app.db;

    let placements = both_ways(
        internship_placement::Entity::find().order_by_asc(internship_placement::Column::Id),
        db,
    )
    .await;
    assert_eq!(placements.len(), PLACEMENTS as usize);
    // Both a NULL and a value in the optional columns the data set fills now and then.
    assert!(placements.iter().any(|p| p.host_unit_id.is_none()));
    assert!(placements.iter().any(|p| p.host_unit_id.is_some()));
    assert!(placements.iter().any(|p| p.insurance_start.is_none()));
    assert!(placements.iter().any(|p| p.insurance_start.is_some()));
    assert!(placements.iter().any(|p| p.host_confirmed_at.is_some()));
    both_ways(
        student::Entity::find().order_by_asc(student::Column::Id),
        db,
    )
    .await;
    let units = both_ways(
        member_unit::Entity::find().order_by_asc(member_unit::Column::Id),
        db,
    )
    .await;
    assert_eq!(units.len(), 177);
    assert!(units.iter().any(|u| u.district.is_none()));
    both_ways(
        order_class::Entity::find().order_by_asc(order_class::Column::Id),
        db,
    )
    .await;
    both_ways(
        account::Entity::find().order_by_asc(account::Column::Id),
        db,
    )
    .await;

    let pairs = order_class_sponsor::Entity::find()
        .find_also_related(member_unit::Entity)
        .order_by_asc(order_class_sponsor::Column::Id);
    let by_name = pairs.clone().all(db).await.unwrap();
    assert!(!by_name.is_empty());
    assert_eq!(all_pairs(pairs, db).await.unwrap(), by_name);
}

/// The rows of `select`, read by SeaORM by name; asserts that there are some and that reading them
/// by position (`entity::positional::all`) gives the same models.
async fn both_ways<E>(select: sea_orm::Select<E>, db: &sea_orm::DatabaseConnection) -> Vec<E::Model>
where
    E: EntityTrait,
    E::Model: entity::positional::Positional + PartialEq + std::fmt::Debug,
{
    let by_name = select.clone().all(db).await.unwrap();
    assert!(!by_name.is_empty());
    assert_eq!(entity::positional::all(select, db).await.unwrap(), by_name);
    by_name
}
