//! Worker training and skill-level certification: firms' needs, members' training projects and
//! certificates, counted per member and year; and the statement budget of a page of member
//! units with their contests, research and training.

use alliance_tests::{TestApp, both_databases, codes};
use entity::enums::AccountRole;
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, FIRM_B, SCHOOL, parties};

both_databases!(
    firms_post_needs_trainers_answer_and_the_year_is_counted_per_member,
    a_units_contests_and_training_cost_the_same_statements_for_more_records
);

/// A training institution of the annex.
const INSTITUTION: &str = "威海市建筑职工培训学校";

async fn need(app: &TestApp, token: &str, input: Value) -> Value {
    app.mutate(
        "postTrainingNeed",
        "PostTrainingNeedInput",
        input,
        "trainingNeed { id trade level headcount closedOn enterprise { name } }",
        Some(token),
    )
    .await
}

async fn project(app: &TestApp, token: &str, input: Value) -> Value {
    app.mutate(
        "recordTrainingProject",
        "RecordTrainingProjectInput",
        input,
        "trainingProject { id participants fundingDepartment unit { name } enterprise { name } need { trade } }",
        Some(token),
    )
    .await
}

async fn certify(app: &TestApp, token: &str, input: Value) -> Value {
    app.mutate(
        "recordSkillCertification",
        "RecordSkillCertificationInput",
        input,
        "skillCertification { id level certified enterprise { name } project { id } }",
        Some(token),
    )
    .await
}

async fn firms_post_needs_trainers_answer_and_the_year_is_counted_per_member(app: TestApp) {
    let p = parties(&app).await;
    let institution = app
        .account_token(
            "t@training.example.org",
            AccountRole::EnterpriseStaff,
            Some(INSTITUTION),
        )
        .await;
    let evaluator = app
        .account_token("eval@third-party.example.org", AccountRole::Evaluator, None)
        .await;
    let welding = json!({ "trade": "焊工", "level": "SENIOR_WORKER", "headcount": 30, "description": "在岗焊工提升至高级工" });
    // Firms post needs; a school does not; counts are bounded.
    let r = need(&app, &p.school, welding.clone()).await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let mut none = welding.clone();
    none["headcount"] = json!(0);
    let r = need(&app, &p.firm_a, none).await;
    assert_eq!(codes(&r), vec!["MUST_BE_POSITIVE"], "{r}");
    let r = need(&app, &institution, welding.clone()).await;
    assert_eq!(codes(&r), vec!["NOT_AN_ENTERPRISE"], "{r}");
    let n = need(&app, &p.firm_a, welding.clone()).await;
    assert_eq!(codes(&n), Vec::<String>::new(), "{n}");
    assert_eq!(n["trainingNeed"]["enterprise"]["name"], FIRM_A);
    let n = n["trainingNeed"]["id"].as_str().unwrap().to_owned();

    // A school answers the need: the project trains the need's firm.
    let answer = json!({ "needId": n, "name": "威高焊工高级工培训班", "trade": "焊工", "level": "SENIOR_WORKER",
        "startsOn": "2026-09-01", "endsOn": "2026-10-31", "participants": 28, "fundingDepartment": "HUMAN_RESOURCES" });
    let r = project(&app, &p.firm_b, answer.clone()).await;
    assert_eq!(codes(&r), vec!["NOT_A_TRAINING_PROVIDER"], "{r}");
    let mut other = answer.clone();
    other["enterpriseId"] = json!(app.unit_id(FIRM_B).await);
    let r = project(&app, &p.school, other).await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let mut backwards = answer.clone();
    backwards["endsOn"] = json!("2026-08-01");
    let r = project(&app, &p.school, backwards).await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let pr = project(&app, &p.school, answer.clone()).await;
    assert_eq!(codes(&pr), Vec::<String>::new(), "{pr}");
    assert_eq!(pr["trainingProject"]["enterprise"]["name"], FIRM_A);
    assert_eq!(pr["trainingProject"]["need"]["trade"], "焊工");
    let school_project = pr["trainingProject"]["id"].as_str().unwrap().to_owned();
    // A training institution runs its own project, funded by the trade union.
    let pr = project(
        &app,
        &institution,
        json!({ "enterpriseId": app.unit_id(FIRM_B).await, "name": "建筑电工培训", "trade": "电工",
                "startsOn": "2026-05-01", "endsOn": "2026-05-20", "participants": 40, "fundingDepartment": "TRADE_UNION" }),
    )
    .await;
    assert_eq!(codes(&pr), Vec::<String>::new(), "{pr}");
    let pr = project(
        &app,
        &institution,
        json!({ "name": "2025年电工培训", "trade": "电工", "startsOn": "2025-05-01", "endsOn": "2025-05-20", "participants": 15 }),
    )
    .await;
    assert_eq!(codes(&pr), Vec::<String>::new(), "{pr}");

    // The firm closes its need; no project answers a closed need.
    let r = app
        .mutate(
            "closeTrainingNeed",
            "TrainingNeedIdInput",
            json!({ "id": n }),
            "trainingNeed { closedOn }",
            Some(&p.firm_b),
        )
        .await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let r = app
        .mutate(
            "closeTrainingNeed",
            "TrainingNeedIdInput",
            json!({ "id": n }),
            "trainingNeed { closedOn }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let r = project(&app, &p.school, answer).await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");

    // Certificates, by level and trade; a project named is the member's own.
    let batch = json!({ "projectId": school_project, "trade": "焊工", "level": "SENIOR_WORKER", "certifiedOn": "2026-11-05", "certified": 25 });
    let r = certify(&app, &p.school_2, batch.clone()).await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let mut future = batch.clone();
    future["certifiedOn"] = json!("2099-01-01");
    let r = certify(&app, &p.school, future).await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let mut other_firm = batch.clone();
    other_firm["enterpriseId"] = json!(app.unit_id(FIRM_B).await);
    let r = certify(&app, &p.school, other_firm).await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let r = certify(
        &app,
        &p.firm_a,
        json!({ "enterpriseId": app.unit_id(FIRM_A).await, "trade": "焊工", "level": "JUNIOR_WORKER", "certifiedOn": "2026-06-01", "certified": 3 }),
    )
    .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let r = certify(&app, &p.school, batch).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert_eq!(r["skillCertification"]["enterprise"]["name"], FIRM_A);
    for (level, n) in [("JUNIOR_WORKER", 10), ("INTERMEDIATE_WORKER", 6)] {
        let r = certify(
            &app,
            &institution,
            json!({ "trade": "电工", "level": level, "certifiedOn": "2026-06-01", "certified": n }),
        )
        .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }

    // The year, alliance-wide and per member; 2025's project is in 2025 only.
    let q = "query($y: Int!) { workerTrainingYear(year: $y) { year projects participants certified certifiedByLevel { level certified }
        members { unit { name } projects participants fundedProjects certified certifiedByLevel { level certified } } } }";
    let r = app
        .post_graphql(q, json!({ "y": 2026 }), Some(&p.firm_b))
        .await
        .ok();
    let year = &r.data()["workerTrainingYear"];
    assert_eq!(year["projects"], 2);
    assert_eq!(year["participants"], 68);
    assert_eq!(year["certified"], 41);
    assert_eq!(
        year["certifiedByLevel"],
        json!([{ "level": "JUNIOR_WORKER", "certified": 10 }, { "level": "INTERMEDIATE_WORKER", "certified": 6 },
               { "level": "SENIOR_WORKER", "certified": 25 }, { "level": "TECHNICIAN", "certified": 0 },
               { "level": "SENIOR_TECHNICIAN", "certified": 0 }])
    );
    let members = year["members"].as_array().unwrap();
    assert_eq!(members.len(), 2, "{members:?}");
    let line = |name: &str| {
        members
            .iter()
            .find(|m| m["unit"]["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no {name}: {members:?}"))
    };
    let school = line(SCHOOL);
    assert_eq!(
        (
            &school["projects"],
            &school["participants"],
            &school["fundedProjects"],
            &school["certified"]
        ),
        (&json!(1), &json!(28), &json!(1), &json!(25))
    );
    let inst = line(INSTITUTION);
    assert_eq!(
        (&inst["projects"], &inst["participants"], &inst["certified"]),
        (&json!(1), &json!(40), &json!(16))
    );
    let r = app
        .post_graphql(q, json!({ "y": 2025 }), Some(&p.firm_b))
        .await
        .ok();
    assert_eq!(r.data()["workerTrainingYear"]["participants"], 15);
    let r = app
        .post_graphql(q, json!({ "y": 2026 }), Some(&evaluator))
        .await;
    assert_eq!(r.error_codes(), vec!["FORBIDDEN"], "{}", r.body);
    let r = app
        .post_graphql(q, json!({ "y": 1999 }), Some(&p.firm_b))
        .await;
    assert_eq!(r.error_codes(), vec!["BAD_USER_INPUT"], "{}", r.body);

    // Lists: the firm's side of the projects and certificates; filters.
    let r = app
        .post_graphql(
            "query($f: ID!) { node(id: $f) { ... on MemberUnit { trainingNeeds(includeClosed: true) { totalCount } trainingProjects { nodes { unit { name } } } skillCertifications { nodes { certified } } } }
              open: trainingNeeds { totalCount }
              funded: trainingProjects(fundingDepartment: TRADE_UNION, year: 2026) { nodes { name } }
              junior: skillCertifications(level: JUNIOR_WORKER, trade: \"电\") { nodes { certified } } }",
            json!({ "f": app.unit_id(FIRM_A).await }),
            Some(&p.school_2),
        )
        .await
        .ok();
    let d = r.data();
    assert_eq!(d["node"]["trainingNeeds"]["totalCount"], 1);
    assert_eq!(
        d["node"]["trainingProjects"]["nodes"],
        json!([{ "unit": { "name": SCHOOL } }])
    );
    assert_eq!(
        d["node"]["skillCertifications"]["nodes"],
        json!([{ "certified": 25 }])
    );
    assert_eq!(d["open"]["totalCount"], 0);
    assert_eq!(d["funded"]["nodes"], json!([{ "name": "建筑电工培训" }]));
    assert_eq!(d["junior"]["nodes"], json!([{ "certified": 10 }]));
}

async fn statements(app: &TestApp, query: &str, token: &str) -> u64 {
    let (n, reply) = app
        .count_statements(app.post_graphql(query, json!({}), Some(token)))
        .await;
    reply.ok();
    n
}

/// A page of member units with each area's edges, one query per area (edges of different areas
/// share loaders, e.g. teachers, so one query holding them all may batch them one way or another).
const QUERIES: [&str; 4] = [
    "{ memberUnits(first: 20) { nodes { name medals { gold unitAwards } contestEntries { nodes { award contestantName contest { name events { trade } unitAwards { title } } event { trade } coach { name } } } } } }",
    "{ memberUnits(first: 20) { nodes { name researchProjects { nodes { title leader { name } members { name } } } } } }",
    "{ memberUnits(first: 20) { nodes { name trainingNeeds { nodes { trade } } trainingProjects { nodes { name unit { name } enterprise { name } need { trade } } } } } }",
    "{ memberUnits(first: 20) { nodes { name skillCertifications { nodes { certified project { name } enterprise { name } } } } } }",
];

async fn a_units_contests_and_training_cost_the_same_statements_for_more_records(app: TestApp) {
    let p = parties(&app).await;
    let t = |token: String, name: &'static str| {
        let app = &app;
        async move {
            let r = app
                .mutate(
                    "addTeacher",
                    "AddTeacherInput",
                    json!({ "name": name }),
                    "teacher { id }",
                    Some(&token),
                )
                .await;
            r["teacher"]["id"].as_str().unwrap().to_owned()
        }
    };
    let contest = |name: &'static str| {
        let app = &app;
        let token = p.secretariat.clone();
        async move {
            let r = app
                .mutate(
                    "recordContest",
                    "RecordContestInput",
                    json!({ "series": "技能兴威", "name": name, "kind": "TEACHER_ABILITY", "level": "MUNICIPAL_CLASS_1",
                            "organiser": "威海市人力资源和社会保障局", "heldOn": "2026-10-01",
                            "events": [{ "trade": "机械类", "contestantKind": "TEACHER" }] }),
                    "contest { id events { id } }",
                    Some(&token),
                )
                .await;
            (
                r["contest"]["id"].as_str().unwrap().to_owned(),
                r["contest"]["events"][0]["id"].as_str().unwrap().to_owned(),
            )
        }
    };
    let one = |token: String, leader: String, members: Vec<String>, c: (String, String)| {
        let app = &app;
        let secretariat = p.secretariat.clone();
        async move {
            let r = app
                .mutate(
                    "enterContest",
                    "EnterContestInput",
                    json!({ "eventId": c.1, "teacherId": leader, "coachTeacherId": leader }),
                    "contestEntry { id unit { id } }",
                    Some(&token),
                )
                .await;
            assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
            let entry = r["contestEntry"]["id"].as_str().unwrap().to_owned();
            let unit = r["contestEntry"]["unit"]["id"].as_str().unwrap().to_owned();
            let r = app
                .mutate(
                    "recordContestResult",
                    "RecordContestResultInput",
                    json!({ "entryId": entry, "award": "GOLD", "coachHonoured": true }),
                    "contestEntry { id }",
                    Some(&secretariat),
                )
                .await;
            assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
            let r = app
                .mutate(
                    "awardContestUnit",
                    "AwardContestUnitInput",
                    json!({ "contestId": c.0, "unitId": unit, "title": "优秀组织奖" }),
                    "contestUnitAward { title }",
                    Some(&secretariat),
                )
                .await;
            assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
            let r = app
                .mutate(
                    "registerResearchProject",
                    "RegisterResearchProjectInput",
                    json!({ "title": format!("课题{}", &entry[..6]), "approvingBody": "威海市人力资源和社会保障局", "document": "威人社字〔2026〕8号",
                            "approvedOn": "2026-04-01", "leaderTeacherId": leader, "memberTeacherIds": members }),
                    "researchProject { id }",
                    Some(&token),
                )
                .await;
            assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
            let r = app
                .mutate(
                    "recordTrainingProject",
                    "RecordTrainingProjectInput",
                    json!({ "enterpriseId": app.unit_id(FIRM_A).await, "name": format!("培训{}", &entry[..6]), "trade": "焊工",
                            "startsOn": "2026-05-01", "endsOn": "2026-05-20", "participants": 20 }),
                    "trainingProject { id }",
                    Some(&token),
                )
                .await;
            let project = r["trainingProject"]["id"].as_str().unwrap().to_owned();
            let r = app
                .mutate(
                    "recordSkillCertification",
                    "RecordSkillCertificationInput",
                    json!({ "projectId": project, "trade": "焊工", "level": "JUNIOR_WORKER", "certifiedOn": "2026-06-01", "certified": 5 }),
                    "skillCertification { id }",
                    Some(&token),
                )
                .await;
            assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
        }
    };
    // One of each first (a relation with no row at all costs no statement), then more.
    let a = t(p.school.clone(), "甲").await;
    let b = t(p.school.clone(), "乙").await;
    let c1 = contest("教师职业能力大赛一").await;
    one(p.school.clone(), a.clone(), vec![b.clone()], c1.clone()).await;
    app.mutate(
        "postTrainingNeed",
        "PostTrainingNeedInput",
        json!({ "trade": "焊工", "headcount": 10 }),
        "trainingNeed { id }",
        Some(&p.firm_a),
    )
    .await;
    let mut few = Vec::new();
    for q in QUERIES {
        few.push(statements(&app, q, &p.secretariat).await);
    }
    let c = t(p.school_2.clone(), "丙").await;
    let d = t(p.school_2.clone(), "丁").await;
    let e = t(p.school_2.clone(), "戊").await;
    let c2 = contest("教师职业能力大赛二").await;
    one(p.school_2.clone(), c, vec![d, e], c2).await;
    let c3 = contest("教师职业能力大赛三").await;
    one(p.school.clone(), b, vec![a], c3).await;
    app.mutate(
        "postTrainingNeed",
        "PostTrainingNeedInput",
        json!({ "trade": "电工", "headcount": 10 }),
        "trainingNeed { id }",
        Some(&p.firm_b),
    )
    .await;
    let mut more = Vec::new();
    for q in QUERIES {
        more.push(statements(&app, q, &p.secretariat).await);
    }
    println!(
        "memberUnits with contest entries and medals, research, training, certificates: {few:?} → {more:?} statements"
    );
    assert_eq!(few, more);
    // The figures `docs/people.md` states (with the account's read on SQLite).
    let r = app.account_reads();
    assert_eq!(few, vec![9 + r, 4 + r, 3 + r, 3 + r]);
}
