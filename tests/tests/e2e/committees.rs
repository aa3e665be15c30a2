//! The committees' year: an evaluation round walked end to end, the plan's targets measured from
//! the records, and what the COMMITTEE_STAFF and EVALUATOR roles may and may not read or do.

use alliance_tests::{TestApp, both_databases, codes};
use entity::enums::AccountRole;
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, FIRM_B, SCHOOL, parties};
use crate::plan::fulfil;

/// The working committee the tests' committee staff act for.
const COMMITTEE: &str = "校企合作与招生就业";

both_databases!(
    a_round_walks_from_draft_to_publication_and_a_later_edit_leaves_it_unchanged,
    targets_are_measured_from_the_records,
    committee_staff_read_aggregates_and_no_personal_data,
    evaluators_read_only_the_rounds_they_are_invited_to,
    a_round_refuses_bad_input_and_wrong_moves,
    the_council_meets_resolves_and_the_committees_keep_their_plans,
    per_term_duties_are_measured_by_the_alliances_calendar,
    order_class_graduates_hired_by_their_firms_are_measured,
    where_we_stand_and_the_results_cost_the_same_statements_for_more_records
);

const ROUND: &str = "evaluationRound { id year status reopenReason items { id kind indicator title maxPoints scorer } }";

async fn gql(app: &TestApp, query: &str, vars: Value, token: &str) -> Value {
    app.post_graphql(query, vars, Some(token)).await.body
}

/// Opens the 2026 round with the default computed set plus two scored items; returns the round's
/// id and the ids of the committee's item (firms) and the evaluator's item (schools).
async fn open_round(app: &TestApp, secretariat: &str) -> (String, String, String) {
    let committee = app.committee_id(COMMITTEE).await;
    let mut items: Vec<Value> = [
        "SCHOOL_IN_FACTORY_BASE",
        "PRACTICE_STATION_WITH_POSTS",
        "CAREER_MENTOR",
        "CAMPUS_VISIT",
        "TEACHERS_SENT_TO_PRACTICE",
        "JOB_RECOMMENDATION_EVENT",
    ]
    .iter()
    .map(|i| json!({ "kind": "COMPUTED", "indicator": i, "maxPoints": 10 }))
    .collect();
    items.push(json!({ "kind": "SCORED", "title": "校企合作成效", "appliesTo": "ENTERPRISE", "maxPoints": 20,
        "rubric": "订单班、实习岗位与留威就业的实际成效", "scorer": "COMMITTEE", "scorerCommitteeId": committee }));
    items.push(json!({ "kind": "SCORED", "title": "办学质量第三方评价", "appliesTo": "SCHOOL", "maxPoints": 30,
        "rubric": "第三方机构按评估方案评分", "scorer": "EVALUATOR" }));
    let r = app
        .mutate(
            "openEvaluationRound",
            "OpenEvaluationRoundInput",
            json!({ "year": 2026, "title": "2026年度督导评估", "items": items }),
            ROUND,
            Some(secretariat),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let round = &r["evaluationRound"];
    assert_eq!(round["status"], "DRAFT");
    let items = round["items"].as_array().unwrap();
    assert_eq!(items.len(), 8);
    (
        round["id"].as_str().unwrap().to_owned(),
        items[6]["id"].as_str().unwrap().to_owned(),
        items[7]["id"].as_str().unwrap().to_owned(),
    )
}

async fn move_round(
    app: &TestApp,
    token: &str,
    round: &str,
    to: &str,
    reason: Option<&str>,
) -> Value {
    app.mutate(
        "moveEvaluationRound",
        "MoveEvaluationRoundInput",
        json!({ "roundId": round, "to": to, "reason": reason }),
        "evaluationRound { status reopenReason publishedAt }",
        Some(token),
    )
    .await
}

async fn score(
    app: &TestApp,
    token: &str,
    round: &str,
    item: &str,
    unit: &str,
    points: f64,
) -> Value {
    app.mutate(
        "scoreEvaluationItem",
        "ScoreEvaluationItemInput",
        json!({ "roundId": round, "itemId": item, "memberUnitId": unit, "points": points, "comment": "材料齐全" }),
        "score { points comment }",
        Some(token),
    )
    .await
}

const RESULTS: &str = "query { evaluationRound(year: 2026) { status results { memberUnit { name kind } total maximum score rank rankedInCategory benchmark items { itemId value points maxPoints comment } } distribution { category count min median max mean } } }";

fn result_of<'a>(body: &'a Value, name: &str) -> Option<&'a Value> {
    body["data"]["evaluationRound"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["memberUnit"]["name"] == name)
}

async fn a_round_walks_from_draft_to_publication_and_a_later_edit_leaves_it_unchanged(
    app: TestApp,
) {
    let p = parties(&app).await;
    fulfil(&app, &p).await;
    let staff = app
        .account_token(
            "staff@committee.example.org",
            AccountRole::CommitteeStaff,
            Some(COMMITTEE),
        )
        .await;
    let evaluator = app
        .account_token("eval@third-party.example.org", AccountRole::Evaluator, None)
        .await;
    let evaluator_id =
        gql(&app, "{ viewer { id role } }", json!({}), &evaluator).await["data"]["viewer"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let (round, firm_item, school_item) = open_round(&app, &p.secretariat).await;
    let school = app.unit_id(SCHOOL).await;
    let firm = app.unit_id(FIRM_A).await;
    let firm_b = app.unit_id(FIRM_B).await;

    // A DRAFT round is the secretariat's and the committees' only.
    let body = gql(&app, "{ evaluationRounds { year } }", json!({}), &p.school).await;
    assert_eq!(body["data"]["evaluationRounds"], json!([]), "{body}");
    let invited = app
        .mutate(
            "inviteEvaluator",
            "InviteEvaluatorInput",
            json!({ "roundId": round, "accountId": evaluator_id }),
            "evaluationRound { id }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&invited), Vec::<String>::new(), "{invited}");

    // Self-assessment.
    let early = app
        .mutate(
            "submitSelfAssessment",
            "SubmitSelfAssessmentInput",
            json!({ "roundId": round, "itemId": school_item, "text": "本校情况" }),
            "selfAssessment { text }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&early), vec!["INVALID_TRANSITION"], "{early}");
    assert_eq!(
        move_round(&app, &p.secretariat, &round, "SELF_ASSESSMENT", None).await["evaluationRound"]
            ["status"],
        "SELF_ASSESSMENT"
    );
    let assessed = app
        .mutate("submitSelfAssessment", "SubmitSelfAssessmentInput",
            json!({ "roundId": round, "itemId": school_item, "text": "本校选派教师入企实践，举办毕业生就业推荐会。", "evidence": [firm] }),
            "selfAssessment { text evidence memberUnit { name } }", Some(&p.school))
        .await;
    assert_eq!(codes(&assessed), Vec::<String>::new(), "{assessed}");
    assert_eq!(assessed["selfAssessment"]["memberUnit"]["name"], SCHOOL);
    // A firm's item is not the school's to assess; the committee's staff assess nothing.
    let wrong = app
        .mutate(
            "submitSelfAssessment",
            "SubmitSelfAssessmentInput",
            json!({ "roundId": round, "itemId": firm_item, "text": "x" }),
            "selfAssessment { text }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&wrong), vec!["INVALID"], "{wrong}");
    let wrong = app
        .mutate(
            "submitSelfAssessment",
            "SubmitSelfAssessmentInput",
            json!({ "roundId": round, "itemId": firm_item, "text": "x" }),
            "selfAssessment { text }",
            Some(&staff),
        )
        .await;
    assert_eq!(codes(&wrong), vec!["FORBIDDEN"], "{wrong}");
    // Another member does not read the school's self-assessment; the evaluator does.
    let q = "query($y: Int!) { evaluationRound(year: $y) { selfAssessments { text memberUnit { name } } } }";
    let other = gql(&app, q, json!({ "y": 2026 }), &p.firm_b).await;
    assert_eq!(
        other["data"]["evaluationRound"]["selfAssessments"],
        json!([]),
        "{other}"
    );
    let seen = gql(&app, q, json!({ "y": 2026 }), &evaluator).await;
    assert_eq!(
        seen["data"]["evaluationRound"]["selfAssessments"][0]["memberUnit"]["name"], SCHOOL,
        "{seen}"
    );

    // Review: each scorer scores its own items only.
    assert_eq!(
        move_round(&app, &p.secretariat, &round, "REVIEW", None).await["evaluationRound"]["status"],
        "REVIEW"
    );
    assert_eq!(
        codes(&score(&app, &staff, &round, &firm_item, &firm, 18.0).await),
        Vec::<String>::new()
    );
    assert_eq!(
        codes(&score(&app, &staff, &round, &firm_item, &firm_b, 12.0).await),
        Vec::<String>::new()
    );
    assert_eq!(
        codes(&score(&app, &staff, &round, &school_item, &school, 25.0).await),
        vec!["FORBIDDEN"]
    );
    assert_eq!(
        codes(&score(&app, &evaluator, &round, &firm_item, &firm, 1.0).await),
        vec!["FORBIDDEN"]
    );
    assert_eq!(
        codes(&score(&app, &p.school, &round, &school_item, &school, 30.0).await),
        vec!["FORBIDDEN"]
    );
    assert_eq!(
        codes(&score(&app, &evaluator, &round, &school_item, &school, 31.0).await),
        vec!["INVALID"]
    );
    assert_eq!(
        codes(&score(&app, &evaluator, &round, &school_item, &firm, 10.0).await),
        vec!["INVALID"]
    );
    assert_eq!(
        codes(&score(&app, &evaluator, &round, &school_item, &school, 24.5).await),
        Vec::<String>::new()
    );
    let progress = gql(
        &app,
        "{ evaluationRound(year: 2026) { scoringProgress { given expected } } }",
        json!({}),
        &p.secretariat,
    )
    .await;
    assert_eq!(
        progress["data"]["evaluationRound"]["scoringProgress"]["given"], 3,
        "{progress}"
    );

    // Nothing to read before publication.
    let before = gql(&app, RESULTS, json!({}), &p.secretariat).await;
    assert_eq!(
        before["data"]["evaluationRound"]["results"],
        json!([]),
        "{before}"
    );
    let published = move_round(&app, &p.secretariat, &round, "PUBLISHED", None).await;
    assert_eq!(
        published["evaluationRound"]["status"], "PUBLISHED",
        "{published}"
    );
    assert!(published["evaluationRound"]["publishedAt"].is_string());

    let all = gql(&app, RESULTS, json!({}), &p.secretariat).await;
    let firm_result = result_of(&all, FIRM_A).expect("the firm's result");
    // FIRM_A meets the four firm rules (4 × 10) and the committee gave 18 of 20.
    assert_eq!(firm_result["total"], 58.0, "{firm_result}");
    assert_eq!(firm_result["maximum"], 60.0, "{firm_result}");
    assert_eq!(firm_result["rank"], 1, "{firm_result}");
    assert_eq!(firm_result["items"][0]["value"], 1.0, "{firm_result}");
    assert_eq!(
        firm_result["items"][4]["comment"], "材料齐全",
        "{firm_result}"
    );
    let b = result_of(&all, FIRM_B).expect("firm B's result");
    assert_eq!(b["total"], 12.0, "{b}");
    assert_eq!(b["rank"], 2, "{b}");
    let school_result = result_of(&all, SCHOOL).expect("the school's result");
    assert_eq!(
        school_result["benchmark"], true,
        "a technician college is the benchmark"
    );
    assert_eq!(school_result["items"][2]["points"], 24.5, "{school_result}");
    let schools = &all["data"]["evaluationRound"]["distribution"][0];
    assert_eq!(schools["category"], "SCHOOL");

    // A member sees its own result and the benchmark, not other members'.
    let own = gql(&app, RESULTS, json!({}), &p.firm_b).await;
    assert!(result_of(&own, FIRM_B).is_some(), "{own}");
    assert!(result_of(&own, FIRM_A).is_none(), "{own}");
    assert!(
        result_of(&own, SCHOOL).is_some(),
        "the benchmark is shown to all"
    );
    assert_eq!(
        own["data"]["evaluationRound"]["distribution"],
        all["data"]["evaluationRound"]["distribution"]
    );
    // The evaluator scored; it does not read results.
    let evaluator_view = gql(&app, RESULTS, json!({}), &evaluator).await;
    assert_eq!(
        evaluator_view["data"]["evaluationRound"]["results"],
        json!([])
    );

    // Editing a record afterwards: FIRM_A's school-in-factory base is archived.
    let sites = gql(
        &app,
        "{ trainingSites(first: 10) { nodes { id kind } } }",
        json!({}),
        &p.firm_a,
    )
    .await;
    let site = sites["data"]["trainingSites"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "SCHOOL_IN_FACTORY")
        .unwrap()["id"]
        .clone();
    let archived = app
        .mutate(
            "archiveTrainingSite",
            "ArchiveInput",
            json!({ "id": site }),
            "trainingSite { archivedAt }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&archived), Vec::<String>::new(), "{archived}");
    // Scores are closed once published.
    assert_eq!(
        codes(&score(&app, &staff, &round, &firm_item, &firm, 20.0).await),
        vec!["INVALID_TRANSITION"]
    );
    let after = gql(&app, RESULTS, json!({}), &p.secretariat).await;
    assert_eq!(
        result_of(&after, FIRM_A),
        result_of(&all, FIRM_A),
        "a published result is frozen"
    );

    // Reopening takes a reason; publishing again takes the records as they now are.
    let no_reason = move_round(&app, &p.secretariat, &round, "REOPENED", None).await;
    assert_eq!(codes(&no_reason), vec!["BLANK"], "{no_reason}");
    let reopened = move_round(
        &app,
        &p.secretariat,
        &round,
        "REOPENED",
        Some("厂中校基地已停用，重新核定"),
    )
    .await;
    assert_eq!(
        reopened["evaluationRound"]["status"], "REOPENED",
        "{reopened}"
    );
    assert_eq!(
        reopened["evaluationRound"]["reopenReason"],
        "厂中校基地已停用，重新核定"
    );
    let still = gql(&app, RESULTS, json!({}), &p.secretariat).await;
    assert_eq!(
        result_of(&still, FIRM_A),
        result_of(&all, FIRM_A),
        "the last publication stands while reopened"
    );
    assert_eq!(
        codes(&score(&app, &staff, &round, &firm_item, &firm, 20.0).await),
        Vec::<String>::new()
    );
    move_round(&app, &p.secretariat, &round, "PUBLISHED", None).await;
    let again = gql(&app, RESULTS, json!({}), &p.secretariat).await;
    let firm_again = result_of(&again, FIRM_A).unwrap();
    assert_eq!(firm_again["items"][0]["value"], 0.0, "{firm_again}");
    assert_eq!(firm_again["total"], 50.0, "{firm_again}");
    // The reopening is in the round's audit trail, with its reason.
    let history = gql(&app, "query($id: ID!) { node(id: $id) { ... on EvaluationRound { history(first: 20) { nodes { operation changes { field after } } } } } }",
        json!({ "id": round }), &p.secretariat).await;
    assert!(
        history.to_string().contains("厂中校基地已停用"),
        "{history}"
    );
}

async fn targets_are_measured_from_the_records(app: TestApp) {
    let p = parties(&app).await;
    let q = "query($y: Int!) { targets(year: $y) { target { indicator targetValue perYear dueOn scope scopeDistrict source title } measured actual shareReached reached trend { year actual } members { name } } }";
    let body = gql(&app, q, json!({ "y": 2026 }), &p.secretariat).await;
    let rows = body["data"]["targets"].as_array().expect("targets");
    // The eight targets the documents state as numbers.
    assert_eq!(rows.len(), 8, "{body}");
    let find = |rows: &[Value], i: &str| {
        rows.iter()
            .find(|r| r["target"]["indicator"] == i)
            .cloned()
            .unwrap()
    };
    let public = find(rows, "PUBLIC_TRAINING_BASES");
    assert_eq!(public["target"]["targetValue"], 3.0);
    assert_eq!(public["target"]["dueOn"], "2030-12-31");
    assert_eq!(public["target"]["source"], "Ten Measures (3)");
    assert_eq!(public["actual"], 0.0);
    let craftsmen = find(rows, "RESERVE_CRAFTSMEN");
    // Measured from the nominations (`people::reserve_craftsmen_…` walks them); none selected.
    assert_eq!(craftsmen["measured"], true);
    assert_eq!(craftsmen["actual"], 0.0);
    assert_eq!(craftsmen["target"]["perYear"], true);
    assert!(
        craftsmen["target"]["title"]
            .as_str()
            .unwrap()
            .contains("每年遴选 500名")
    );
    let huancui = rows
        .iter()
        .find(|r| r["target"]["scope"] == "DISTRICT")
        .unwrap();
    assert_eq!(huancui["target"]["scopeDistrict"], "HUANCUI");
    assert_eq!(huancui["target"]["source"], "Huancui task list, item 6");

    // Two public training bases: one operating, opened 2026; one operating without a date
    // (recorded now); a planned one does not count.
    for (name, status, opened) in [
        ("公共实训基地一", "OPERATING", Some("2026-03-01")),
        ("公共实训基地二", "OPERATING", None),
        ("公共实训基地三", "PLANNED", None),
    ] {
        let r = app
            .mutate("createTrainingSite", "CreateTrainingSiteInput",
                json!({ "kind": "PUBLIC_TRAINING_BASE", "name": name, "specialties": ["智能制造"], "status": status, "openedOn": opened }),
                "trainingSite { id }", Some(&p.firm_a))
            .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
    let body = gql(&app, q, json!({ "y": 2026 }), &p.secretariat).await;
    let public = find(
        body["data"]["targets"].as_array().unwrap(),
        "PUBLIC_TRAINING_BASES",
    );
    assert_eq!(public["actual"], 2.0, "{public}");
    let share = public["shareReached"].as_f64().unwrap();
    assert!((share - 2.0 / 3.0).abs() < 1e-9, "{public}");
    assert_eq!(public["reached"], false);
    assert_eq!(public["members"], json!([{ "name": FIRM_A }]));
    assert_eq!(public["trend"], json!([{ "year": 2026, "actual": 2.0 }]));
    // In 2027 the trend has two points, the figure stands.
    let body = gql(&app, q, json!({ "y": 2027 }), &p.secretariat).await;
    let public = find(
        body["data"]["targets"].as_array().unwrap(),
        "PUBLIC_TRAINING_BASES",
    );
    assert_eq!(
        public["trend"],
        json!([{ "year": 2026, "actual": 2.0 }, { "year": 2027, "actual": 2.0 }])
    );
    // Before the sites opened (2025) there were none.
    let body = gql(&app, q, json!({ "y": 2025 }), &p.secretariat).await;
    let public = find(
        body["data"]["targets"].as_array().unwrap(),
        "PUBLIC_TRAINING_BASES",
    );
    assert_eq!(public["actual"], 0.0, "{public}");

    // The secretariat attaches a target to a milestone; the milestone answers with it.
    let milestones = gql(
        &app,
        "{ milestones { id year text source } }",
        json!({}),
        &p.school,
    )
    .await;
    let ms = milestones["data"]["milestones"].as_array().unwrap();
    assert_eq!(ms.len(), 3, "{milestones}");
    assert!(
        ms[2]["text"]
            .as_str()
            .unwrap()
            .starts_with("2030年，构建起技工教育发展新格局")
    );
    let created = app
        .mutate("createTarget", "CreateTargetInput",
            json!({ "indicator": "SCHOOL_IN_FACTORY_BASES", "title": "厂中校覆盖", "targetValue": 100, "dueOn": "2030-12-31",
                    "scope": "ALLIANCE", "milestoneId": ms[2]["id"], "source": "秘书处 2026 年工作要点" }),
            "target { id milestoneId }", Some(&p.secretariat))
        .await;
    assert_eq!(codes(&created), Vec::<String>::new(), "{created}");
    let attached = gql(&app, "query($id: ID!) { node(id: $id) { ... on Milestone { targets { target { title } measured actual } } } }",
        json!({ "id": ms[2]["id"] }), &p.secretariat).await;
    assert_eq!(
        attached["data"]["node"]["targets"][0]["target"]["title"], "厂中校覆盖",
        "{attached}"
    );
    // A target needs its source, a due date or per-year, and a scope that fits.
    let bad = app
        .mutate("createTarget", "CreateTargetInput",
            json!({ "indicator": "ORDER_CLASSES", "title": "x", "targetValue": -1, "scope": "DISTRICT", "source": " " }),
            "target { id }", Some(&p.secretariat))
        .await;
    assert_eq!(
        codes(&bad),
        vec!["BLANK", "INVALID", "INVALID", "INVALID"],
        "{bad}"
    );
    // Schools and firms do not read the targets.
    let refused = app
        .post_graphql(q, json!({ "y": 2026 }), Some(&p.school))
        .await;
    assert_eq!(refused.error_codes(), vec!["FORBIDDEN"]);
}

async fn committee_staff_read_aggregates_and_no_personal_data(app: TestApp) {
    let p = parties(&app).await;
    crate::placements::student(&app, &p.school, "2024001", "2007-03-01", 3).await;
    let host = app.unit_id(FIRM_A).await;
    let placed =
        crate::placements::report(&app, &p.school, crate::placements::good("2024001", &host)).await;
    assert_eq!(codes(&placed), Vec::<String>::new(), "{placed}");
    let staff = app
        .account_token(
            "staff@committee.example.org",
            AccountRole::CommitteeStaff,
            Some(COMMITTEE),
        )
        .await;
    let viewer = gql(
        &app,
        "{ viewer { role memberUnit { name } committee { name } } }",
        json!({}),
        &staff,
    )
    .await;
    assert_eq!(
        viewer["data"]["viewer"]["committee"]["name"], COMMITTEE,
        "{viewer}"
    );
    assert_eq!(viewer["data"]["viewer"]["role"], "COMMITTEE_STAFF");
    // The alliance-wide views.
    for q in [
        "{ allianceCompliance(year: 2026) { rule applicable } }",
        "{ targets(year: 2026) { measured } }",
        "{ internshipPostCompliance(year: 2026) { sizeUnknown { name } } }",
        "{ retention(year: 2026, groupBy: SCHOOL) { retentionRate } }",
    ] {
        let r = app.post_graphql(q, json!({}), Some(&staff)).await;
        assert!(r.body.get("errors").is_none(), "{q}: {}", r.body);
    }
    // No student, placement or personal record.
    let r = app
        .post_graphql(
            "{ internshipPlacements(first: 10) { nodes { id } } }",
            json!({}),
            Some(&staff),
        )
        .await;
    assert_eq!(
        r.body["data"]["internshipPlacements"]["nodes"],
        json!([]),
        "{}",
        r.body
    );
    let placement = placed["internshipPlacement"]["id"].clone();
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": placement }),
            Some(&staff),
        )
        .await;
    assert_eq!(r.error_codes(), vec!["NOT_FOUND"], "{}", r.body);
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": placement }),
            Some(&p.secretariat),
        )
        .await;
    assert!(
        r.body.get("errors").is_none(),
        "the secretariat reads it: {}",
        r.body
    );
    // No secretariat write.
    let r = app
        .mutate(
            "createMemberUnit",
            "CreateMemberUnitInput",
            json!({ "name": "新单位", "kind": "ENTERPRISE" }),
            "memberUnit { id }",
            Some(&staff),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"]);
    let r = app
        .mutate(
            "openEvaluationRound",
            "OpenEvaluationRoundInput",
            json!({ "year": 2026, "title": "x" }),
            "evaluationRound { id }",
            Some(&staff),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"]);
    // A staff account needs a working committee, not the council.
    let council = api::accounts::create_account(
        &app.db,
        "c2@example.org",
        AccountRole::CommitteeStaff,
        Some("理事会"),
        alliance_tests::TEST_PASSWORD,
    )
    .await;
    assert!(council.is_err());
    let none = api::accounts::create_account(
        &app.db,
        "c3@example.org",
        AccountRole::CommitteeStaff,
        None,
        alliance_tests::TEST_PASSWORD,
    )
    .await;
    assert!(none.is_err());
}

async fn evaluators_read_only_the_rounds_they_are_invited_to(app: TestApp) {
    let p = parties(&app).await;
    fulfil(&app, &p).await;
    let evaluator = app
        .account_token("eval@third-party.example.org", AccountRole::Evaluator, None)
        .await;
    let (round, _, _) = open_round(&app, &p.secretariat).await;
    // Not invited: no round, and nothing of the shared record.
    let r = gql(&app, "{ evaluationRounds { year } }", json!({}), &evaluator).await;
    assert_eq!(r["data"]["evaluationRounds"], json!([]), "{r}");
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": round }),
            Some(&evaluator),
        )
        .await;
    assert_eq!(r.error_codes(), vec!["NOT_FOUND"]);
    for q in [
        "{ trainingSites(first: 5) { nodes { id } } }",
        "{ orderClasses(first: 5) { nodes { id } } }",
        "{ allianceCompliance(year: 2026) { rule } }",
        "{ targets(year: 2026) { measured } }",
        "{ milestones { year } }",
    ] {
        let r = app.post_graphql(q, json!({}), Some(&evaluator)).await;
        assert_eq!(r.error_codes(), vec!["FORBIDDEN"], "{q}: {}", r.body);
    }
    let r = app.post_graphql("query($u: ID!) { node(id: $u) { ... on MemberUnit { compliance(year: 2026) { allMet } } } }",
        json!({ "u": app.unit_id(FIRM_A).await }), Some(&evaluator)).await;
    assert_eq!(r.error_codes(), vec!["FORBIDDEN"], "{}", r.body);
    // Invited: that round.
    let id =
        gql(&app, "{ viewer { id } }", json!({}), &evaluator).await["data"]["viewer"]["id"].clone();
    let invited = app
        .mutate(
            "inviteEvaluator",
            "InviteEvaluatorInput",
            json!({ "roundId": round, "accountId": id }),
            "evaluationRound { id }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&invited), Vec::<String>::new());
    let r = gql(
        &app,
        "{ evaluationRounds { year items { title } } }",
        json!({}),
        &evaluator,
    )
    .await;
    assert_eq!(r["data"]["evaluationRounds"][0]["year"], 2026, "{r}");
    // Only an EVALUATOR account can be invited.
    let school_account =
        gql(&app, "{ viewer { id } }", json!({}), &p.school).await["data"]["viewer"]["id"].clone();
    let wrong = app
        .mutate(
            "inviteEvaluator",
            "InviteEvaluatorInput",
            json!({ "roundId": round, "accountId": school_account }),
            "evaluationRound { id }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&wrong), vec!["INVALID"]);
}

async fn a_round_refuses_bad_input_and_wrong_moves(app: TestApp) {
    let p = parties(&app).await;
    let council = app.committee_id("理事会").await;
    let bad = app
        .mutate("openEvaluationRound", "OpenEvaluationRoundInput",
            json!({ "year": 1999, "title": " ", "items": [
                { "kind": "COMPUTED", "maxPoints": 0 },
                { "kind": "SCORED", "title": "x", "maxPoints": 5, "rubric": "r", "scorer": "COMMITTEE", "scorerCommitteeId": council },
                { "kind": "SCORED", "title": "y", "maxPoints": 5 }
            ] }),
            "evaluationRound { id }", Some(&p.secretariat))
        .await;
    let fields: Vec<&str> = bad["userErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"][1].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"year") && fields.contains(&"title"),
        "{bad}"
    );
    assert!(
        fields.contains(&"items.0.maxPoints") && fields.contains(&"items.0.indicator"),
        "{bad}"
    );
    assert!(fields.contains(&"items.1.scorerCommitteeId"), "{bad}");
    assert!(
        fields.contains(&"items.2.rubric") && fields.contains(&"items.2.scorer"),
        "{bad}"
    );
    let rounds = gql(
        &app,
        "{ evaluationRounds { year } }",
        json!({}),
        &p.secretariat,
    )
    .await;
    assert_eq!(
        rounds["data"]["evaluationRounds"],
        json!([]),
        "nothing was written"
    );
    // The default indicator set: every formula, 10 points each.
    let r = app
        .mutate(
            "openEvaluationRound",
            "OpenEvaluationRoundInput",
            json!({ "year": 2026, "title": "默认指标" }),
            ROUND,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(
        r["evaluationRound"]["items"].as_array().unwrap().len(),
        12,
        "{r}"
    );
    let round = r["evaluationRound"]["id"].as_str().unwrap().to_owned();
    let again = app
        .mutate(
            "openEvaluationRound",
            "OpenEvaluationRoundInput",
            json!({ "year": 2026, "title": "again" }),
            ROUND,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&again), vec!["TAKEN"]);
    // No skipping, no publishing a draft, no reopening what is not published.
    for to in ["REVIEW", "PUBLISHED", "REOPENED", "DRAFT"] {
        let r = move_round(&app, &p.secretariat, &round, to, Some("理由")).await;
        assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{to}: {r}");
    }
    let r = move_round(&app, &p.school, &round, "SELF_ASSESSMENT", None).await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"]);
    // Evidence must be IDs of this API, at most 20.
    move_round(&app, &p.secretariat, &round, "SELF_ASSESSMENT", None).await;
    let item = r_items(&app, &p.secretariat).await;
    let bad = app
        .mutate(
            "submitSelfAssessment",
            "SubmitSelfAssessmentInput",
            json!({ "roundId": round, "itemId": item, "text": "x", "evidence": ["not-an-id"] }),
            "selfAssessment { text }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&bad), vec!["INVALID"], "{bad}");
    let unit = app.unit_id(SCHOOL).await;
    let many: Vec<&str> = std::iter::repeat_n(unit.as_str(), 21).collect();
    let bad = app
        .mutate(
            "submitSelfAssessment",
            "SubmitSelfAssessmentInput",
            json!({ "roundId": round, "itemId": item, "text": "x", "evidence": many }),
            "selfAssessment { text }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&bad), vec!["TOO_LARGE"], "{bad}");
}

/// The id of the 2026 round's item that applies to schools (TEACHERS_SENT_TO_PRACTICE).
async fn r_items(app: &TestApp, token: &str) -> String {
    let body = gql(
        app,
        "{ evaluationRound(year: 2026) { items { id indicator } } }",
        json!({}),
        token,
    )
    .await;
    body["data"]["evaluationRound"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["indicator"] == "TEACHERS_SENT_TO_PRACTICE")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn the_council_meets_resolves_and_the_committees_keep_their_plans(app: TestApp) {
    let p = parties(&app).await;
    let staff = app
        .account_token(
            "staff@committee.example.org",
            AccountRole::CommitteeStaff,
            Some(COMMITTEE),
        )
        .await;
    let council = app.committee_id("理事会").await;
    let committee = app.committee_id(COMMITTEE).await;
    let school = app.unit_id(SCHOOL).await;
    let firm = app.unit_id(FIRM_A).await;
    let q = "query($y: Int!) { targets(year: $y) { target { indicator perYear source } actual reached members { name } } }";
    let council_target = |body: &Value| {
        body["data"]["targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["target"]["indicator"] == "COUNCIL_MEETINGS")
            .cloned()
            .unwrap()
    };
    let before = council_target(&gql(&app, q, json!({ "y": 2026 }), &staff).await);
    assert_eq!(before["actual"], 0.0, "{before}");
    assert_eq!(before["reached"], false);
    assert_eq!(before["target"]["source"], "Founding notice 三(一)");

    let meeting = app
        .mutate("recordMeeting", "RecordMeetingInput",
            json!({ "committeeId": council, "heldOn": "2026-07-01", "title": "集团第一次理事会会议", "agenda": "审议工作章程",
                    "attendeeIds": [school, firm, school],
                    "resolutions": [
                        { "text": "通过集团工作章程", "ownerCommitteeId": committee, "dueOn": "2026-09-30" },
                        { "text": "各成员企业建设厂中校实训基地", "ownerUnitId": firm }
                    ] }),
            "meeting { id heldOn attendees { name } resolutions { id position text status overdue ownerCommittee { name } ownerUnit { name } } }",
            Some(&p.secretariat))
        .await;
    assert_eq!(codes(&meeting), Vec::<String>::new(), "{meeting}");
    let m = &meeting["meeting"];
    assert_eq!(
        m["attendees"],
        json!([{ "name": SCHOOL }, { "name": FIRM_A }]),
        "repeats count once, in annex order"
    );
    assert_eq!(m["resolutions"][0]["ownerCommittee"]["name"], COMMITTEE);
    assert_eq!(m["resolutions"][1]["ownerUnit"]["name"], FIRM_A);
    assert_eq!(m["resolutions"][0]["status"], "OPEN");
    let resolution = m["resolutions"][0]["id"].clone();

    // The council met in 2026: the alliance-level indicator is reached, with the units present.
    let after = council_target(&gql(&app, q, json!({ "y": 2026 }), &staff).await);
    assert_eq!(after["actual"], 1.0, "{after}");
    assert_eq!(after["reached"], true);
    assert_eq!(
        after["members"],
        json!([{ "name": SCHOOL }, { "name": FIRM_A }])
    );
    // Not in 2027.
    let next = council_target(&gql(&app, q, json!({ "y": 2027 }), &staff).await);
    assert_eq!(next["actual"], 0.0, "{next}");

    // The owning committee's staff mark the resolution done; a school may not.
    let refused = app
        .mutate(
            "setResolutionStatus",
            "SetResolutionStatusInput",
            json!({ "id": resolution, "status": "DONE" }),
            "resolution { status }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&refused), vec!["FORBIDDEN"]);
    let done = app
        .mutate(
            "setResolutionStatus",
            "SetResolutionStatusInput",
            json!({ "id": resolution, "status": "DONE" }),
            "resolution { status overdue }",
            Some(&staff),
        )
        .await;
    assert_eq!(done["resolution"]["status"], "DONE", "{done}");
    // Only the secretariat records meetings.
    let refused = app
        .mutate(
            "recordMeeting",
            "RecordMeetingInput",
            json!({ "committeeId": council, "heldOn": "2026-08-01", "title": "x" }),
            "meeting { id }",
            Some(&staff),
        )
        .await;
    assert_eq!(codes(&refused), vec!["FORBIDDEN"]);
    let bad = app
        .mutate("recordMeeting", "RecordMeetingInput",
            json!({ "committeeId": council, "heldOn": "2026-08-01", "title": " ", "resolutions": [{ "text": "" }] }),
            "meeting { id }", Some(&p.secretariat))
        .await;
    assert_eq!(codes(&bad), vec!["BLANK", "BLANK"], "{bad}");

    // A committee keeps its own work plan, not another's.
    let other = app.committee_id("校际合作与资源共享").await;
    let item = app
        .mutate("addWorkPlanItem", "AddWorkPlanItemInput",
            json!({ "committeeId": committee, "year": 2026, "title": "组织订单班对接会", "dueOn": "2026-01-31" }),
            "workPlanItem { id status overdue committee { name } }", Some(&staff))
        .await;
    assert_eq!(codes(&item), Vec::<String>::new(), "{item}");
    assert_eq!(item["workPlanItem"]["status"], "PLANNED");
    assert_eq!(
        item["workPlanItem"]["overdue"], true,
        "due in January 2026, still planned"
    );
    let refused = app
        .mutate(
            "addWorkPlanItem",
            "AddWorkPlanItemInput",
            json!({ "committeeId": other, "year": 2026, "title": "x" }),
            "workPlanItem { id }",
            Some(&staff),
        )
        .await;
    assert_eq!(codes(&refused), vec!["FORBIDDEN"]);
    let moved = app
        .mutate(
            "setWorkPlanItemStatus",
            "SetWorkPlanItemStatusInput",
            json!({ "id": item["workPlanItem"]["id"], "status": "DONE" }),
            "workPlanItem { status overdue }",
            Some(&staff),
        )
        .await;
    assert_eq!(
        moved["workPlanItem"],
        json!({ "status": "DONE", "overdue": false })
    );
    let plan = gql(&app, "query($c: ID) { workPlan(year: 2026, committeeId: $c) { title status } meetings(year: 2026) { title } }", json!({ "c": committee }), &p.firm_b).await;
    assert_eq!(
        plan["data"]["workPlan"],
        json!([{ "title": "组织订单班对接会", "status": "DONE" }]),
        "{plan}"
    );
    assert_eq!(
        plan["data"]["meetings"],
        json!([{ "title": "集团第一次理事会会议" }])
    );
}

async fn per_term_duties_are_measured_by_the_alliances_calendar(app: TestApp) {
    let p = parties(&app).await;
    let school = app.unit_id(SCHOOL).await;
    let firm = app.unit_id(FIRM_A).await;
    for (kind, on) in [
        ("PARENTS_VISIT", "2026-04-10"),
        ("ENTERPRISE_WEEK", "2026-04-20"),
        ("ENTERPRISE_WEEK", "2026-10-20"),
        ("WORLD_YOUTH_SKILLS_DAY", "2026-07-15"),
    ] {
        let r = app
            .mutate("recordEvent", "RecordEventInput",
                json!({ "kind": kind, "heldOn": on, "title": format!("{kind} {on}"), "organiserIds": [school], "participantIds": [firm] }),
                "event { id kind }", Some(&p.school))
            .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
    // The school's enterprise-culture corridor; firms build none, the secretariat names the school.
    let corridor = "cultureCorridor { openedOn location school { name } }";
    let r = app
        .mutate("recordCultureCorridor", "RecordCultureCorridorInput",
            json!({ "openedOn": "2026-05-01", "location": "实训楼一层", "content": "威高集团、天润工业的发展现状与工资待遇" }), corridor, Some(&p.school))
        .await;
    assert_eq!(r["cultureCorridor"]["school"]["name"], SCHOOL, "{r}");
    let r = app
        .mutate(
            "recordCultureCorridor",
            "RecordCultureCorridorInput",
            json!({ "openedOn": "2026-05-01", "location": "x" }),
            corridor,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = app
        .mutate(
            "recordCultureCorridor",
            "RecordCultureCorridorInput",
            json!({ "openedOn": "2026-05-01", "location": "x" }),
            corridor,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK"], "{r}");
    let r = app
        .mutate(
            "recordCultureCorridor",
            "RecordCultureCorridorInput",
            json!({ "schoolId": firm, "openedOn": "2099-05-01", "location": "x" }),
            corridor,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID", "NOT_A_SCHOOL"], "{r}");
    let items = json!([
        { "kind": "COMPUTED", "indicator": "PARENTS_VISIT_EACH_TERM", "maxPoints": 10 },
        { "kind": "COMPUTED", "indicator": "ENTERPRISE_WEEK_EACH_TERM", "maxPoints": 10 },
        { "kind": "COMPUTED", "indicator": "CULTURE_CORRIDOR", "maxPoints": 10 }
    ]);
    let r = app
        .mutate(
            "openEvaluationRound",
            "OpenEvaluationRoundInput",
            json!({ "year": 2026, "title": "每学期活动", "items": items }),
            ROUND,
            Some(&p.secretariat),
        )
        .await;
    let round = r["evaluationRound"]["id"].as_str().unwrap().to_owned();
    for to in ["SELF_ASSESSMENT", "REVIEW", "PUBLISHED"] {
        assert_eq!(
            codes(&move_round(&app, &p.secretariat, &round, to, None).await),
            Vec::<String>::new()
        );
    }
    let values = |body: &Value, name: &str| -> Vec<Value> {
        result_of(body, name)
            .map(|r| {
                r["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["value"].clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    let body = gql(&app, RESULTS, json!({}), &p.secretariat).await;
    // Spring (03-01 to 09-01): a parents' visit and an enterprise week; autumn: an enterprise week.
    assert_eq!(
        values(&body, SCHOOL),
        vec![json!(0.5), json!(1.0), json!(1.0)],
        "{body}"
    );
    assert_eq!(
        values(&body, crate::fixtures::SCHOOL_2),
        vec![json!(0.0), json!(0.0), json!(0.0)]
    );
    // Firms hold no such duty.
    assert!(values(&body, FIRM_A).is_empty());

    // The calendar is the alliance's setting.
    for (spring, autumn) in [("02-29", "09-01"), ("09-01", "03-01"), ("3-1", "09-01")] {
        let bad = app
            .mutate(
                "setAllianceCalendar",
                "SetAllianceCalendarInput",
                json!({ "springTermStarts": spring, "autumnTermStarts": autumn }),
                "alliance { springTermStarts }",
                Some(&p.secretariat),
            )
            .await;
        assert_eq!(codes(&bad), vec!["INVALID"], "{spring} {autumn}: {bad}");
    }
    let refused = app
        .mutate(
            "setAllianceCalendar",
            "SetAllianceCalendarInput",
            json!({ "springTermStarts": "03-01", "autumnTermStarts": "04-15" }),
            "alliance { springTermStarts }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&refused), vec!["FORBIDDEN"]);
    let set = app
        .mutate(
            "setAllianceCalendar",
            "SetAllianceCalendarInput",
            json!({ "springTermStarts": "03-01", "autumnTermStarts": "04-15" }),
            "alliance { springTermStarts autumnTermStarts }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(
        set["alliance"],
        json!({ "springTermStarts": "03-01", "autumnTermStarts": "04-15" }),
        "{set}"
    );
    // Published results stand; republished, both enterprise weeks fall in the autumn term.
    let body = gql(&app, RESULTS, json!({}), &p.secretariat).await;
    assert_eq!(
        values(&body, SCHOOL),
        vec![json!(0.5), json!(1.0), json!(1.0)]
    );
    move_round(&app, &p.secretariat, &round, "REOPENED", Some("校历调整")).await;
    move_round(&app, &p.secretariat, &round, "PUBLISHED", None).await;
    let body = gql(&app, RESULTS, json!({}), &p.secretariat).await;
    assert_eq!(
        values(&body, SCHOOL),
        vec![json!(0.5), json!(0.5), json!(1.0)],
        "{body}"
    );
}

/// The statements `query` runs for `token`.
async fn statements(app: &TestApp, query: &str, token: &str) -> u64 {
    let (n, reply) = app
        .count_statements(app.post_graphql(query, json!({}), Some(token)))
        .await;
    let _ = reply.ok();
    n
}

async fn where_we_stand_and_the_results_cost_the_same_statements_for_more_records(app: TestApp) {
    let p = parties(&app).await;
    let targets = "{ targets(year: 2026) { actual trend { actual } members { name } } }";
    let results = "{ evaluationRound(year: 2026) { results { memberUnit { name } total rank items { points } } distribution { count } } }";
    let add_site = |n: usize| {
        let app = &app;
        let token = p.firm_a.clone();
        async move {
            let r = app
                .mutate("createTrainingSite", "CreateTrainingSiteInput",
                    json!({ "kind": "PUBLIC_TRAINING_BASE", "name": format!("公共实训基地{n}"), "specialties": ["智能制造"], "status": "OPERATING" }),
                    "trainingSite { id }", Some(&token))
                .await;
            assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
        }
    };
    add_site(0).await;
    let before = statements(&app, targets, &p.secretariat).await;
    for n in 1..6 {
        add_site(n).await;
    }
    fulfil(&app, &p).await;
    let after = statements(&app, targets, &p.secretariat).await;
    assert_eq!(before, after, "targets: a fixed number of statements");
    println!("targets(year:): {after} statements");

    let r = app
        .mutate(
            "openEvaluationRound",
            "OpenEvaluationRoundInput",
            json!({ "year": 2026, "title": "预算" }),
            "evaluationRound { id }",
            Some(&p.secretariat),
        )
        .await;
    let round = r["evaluationRound"]["id"].as_str().unwrap().to_owned();
    for to in ["SELF_ASSESSMENT", "REVIEW", "PUBLISHED"] {
        move_round(&app, &p.secretariat, &round, to, None).await;
    }
    let published = statements(&app, results, &p.secretariat).await;
    // Another publication with more evidence behind the figures reads the same way.
    move_round(&app, &p.secretariat, &round, "REOPENED", Some("补充记录")).await;
    let r = app
        .mutate("createTrainingSite", "CreateTrainingSiteInput",
            json!({ "kind": "SCHOOL_IN_FACTORY", "name": "天润厂中校", "specialties": ["机械加工"], "status": "OPERATING" }),
            "trainingSite { id }", Some(&p.firm_b))
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    move_round(&app, &p.secretariat, &round, "PUBLISHED", None).await;
    let again = statements(&app, results, &p.secretariat).await;
    assert_eq!(published, again, "results: a fixed number of statements");
    println!("evaluationRound.results: {again} statements");
}

async fn order_class_graduates_hired_by_their_firms_are_measured(app: TestApp) {
    use crate::order_classes::{class_action, enrol, proposed_class};
    let p = parties(&app).await;
    let (_, class) = proposed_class(&app, &p).await;
    for token in [&p.firm_a, &p.school, &p.firm_b] {
        class_action(
            &app,
            "acceptOrderClass",
            json!({ "id": class }),
            Some(token),
        )
        .await;
    }
    let recruiting = class_action(
        &app,
        "startOrderClassRecruiting",
        json!({ "id": class }),
        Some(&p.school),
    )
    .await;
    assert_eq!(
        recruiting["orderClass"]["status"], "RECRUITING",
        "{recruiting}"
    );
    // Three graduates of 2026: two from the order class (one hired by its firm), one not enrolled
    // in any order class (hired, but not counted).
    for n in ["OC001", "OC002"] {
        let e = enrol(&app, &p.school, &class, n, "2005-03-01", "REGULAR").await;
        assert_eq!(codes(&e), Vec::<String>::new(), "{e}");
    }
    crate::placements::student(&app, &p.school, "NC001", "2005-03-01", 3).await;
    for (number, hired) in [("OC001", true), ("OC002", false), ("NC001", true)] {
        let r = app
            .mutate("recordGraduateOutcome", "RecordGraduateOutcomeInput",
                json!({ "studentNumber": number, "graduationYear": 2026, "status": "EMPLOYED", "inWeihai": true,
                        "hiredByHostOrSponsor": hired, "reportedOn": "2026-07-10" }),
                "graduateOutcome { status }", Some(&p.school))
            .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
    let r = app
        .mutate("openEvaluationRound", "OpenEvaluationRoundInput",
            json!({ "year": 2026, "title": "订单班", "items": [{ "kind": "COMPUTED", "indicator": "ORDER_CLASS_GRADUATES_HIRED", "maxPoints": 20 }] }),
            "evaluationRound { id }", Some(&p.secretariat))
        .await;
    let round = r["evaluationRound"]["id"].as_str().unwrap().to_owned();
    for to in ["SELF_ASSESSMENT", "REVIEW", "PUBLISHED"] {
        move_round(&app, &p.secretariat, &round, to, None).await;
    }
    let body = gql(&app, RESULTS, json!({}), &p.secretariat).await;
    let school = result_of(&body, SCHOOL).expect("the school's result");
    assert_eq!(school["items"][0]["value"], 0.5, "{school}");
    assert_eq!(school["total"], 10.0, "{school}");
    // Schools without order-class graduates are not evaluated on it.
    assert!(
        result_of(&body, crate::fixtures::SCHOOL_2).is_none(),
        "{body}"
    );
}
