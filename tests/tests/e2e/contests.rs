//! Skills contests, the teacher-ability contest and research projects: recorded by the
//! secretariat and the members, scoped (who a student or worker contestant is), and counted in
//! the medal table.

use alliance_tests::{TestApp, both_databases, codes};
use entity::enums::AccountRole;
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, SCHOOL, SCHOOL_2, parties};
use crate::placements::student;

both_databases!(
    contests_take_entries_record_results_and_rank_members_by_medals,
    the_teacher_ability_contest_takes_teachers_only_and_shows_them_to_the_pool,
    research_projects_run_from_approval_to_conclusion
);

async fn teacher(app: &TestApp, token: &str, name: &str) -> String {
    let r = app
        .mutate(
            "addTeacher",
            "AddTeacherInput",
            json!({ "name": name, "specialties": ["数控技术应用"] }),
            "teacher { id }",
            Some(token),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    r["teacher"]["id"].as_str().unwrap().to_owned()
}

const CONTEST: &str = "contest { id name year kind level events { id trade contestantKind } }";

async fn record_contest(app: &TestApp, token: &str, input: Value) -> Value {
    app.mutate(
        "recordContest",
        "RecordContestInput",
        input,
        CONTEST,
        Some(token),
    )
    .await
}

const ENTRY: &str = "contestEntry { id contestantKind contestantName award rank coachHonoured unit { name } coach { name } }";

async fn enter(app: &TestApp, token: &str, input: Value) -> Value {
    app.mutate(
        "enterContest",
        "EnterContestInput",
        input,
        ENTRY,
        Some(token),
    )
    .await
}

async fn result(app: &TestApp, token: &str, input: Value) -> Value {
    app.mutate(
        "recordContestResult",
        "RecordContestResultInput",
        input,
        ENTRY,
        Some(token),
    )
    .await
}

/// The contestant names of a contest's entries as `token` sees them, by unit name; each entry's
/// other personal fields (the student, a coach's name) show exactly when its name does.
async fn names_seen(app: &TestApp, token: &str, contest: &str) -> Vec<(String, Value)> {
    let r = app
        .post_graphql(
            "query($c: ID!) { contestEntries(contestId: $c, first: 50) { totalCount nodes { unit { name } contestantKind contestantName contestantVisible student { name } coachName } } }",
            json!({ "c": contest }),
            Some(token),
        )
        .await
        .ok();
    let mut out: Vec<(String, Value)> = r.data()["contestEntries"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let named = !n["contestantName"].is_null();
            assert_eq!(n["contestantVisible"], named, "{n}");
            if n["contestantKind"] == "STUDENT" {
                assert_eq!(!n["student"].is_null(), named, "{n}");
            }
            if n["contestantKind"] == "WORKER" {
                // The firm's worker has a coach named outside the pool.
                assert_eq!(!n["coachName"].is_null(), named, "{n}");
            }
            (
                n["unit"]["name"].as_str().unwrap().to_owned(),
                n["contestantName"].clone(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.to_string().cmp(&b.1.to_string())));
    out
}

async fn contests_take_entries_record_results_and_rank_members_by_medals(app: TestApp) {
    let p = parties(&app).await;
    let staff = app
        .account_token(
            "staff@committee.example.org",
            AccountRole::CommitteeStaff,
            Some("校企合作与招生就业"),
        )
        .await;
    let evaluator = app
        .account_token("eval@third-party.example.org", AccountRole::Evaluator, None)
        .await;
    let input = json!({ "series": "技能兴威", "name": "2026年“技能兴威”职业技能大赛", "kind": "SKILLS",
        "level": "MUNICIPAL_CLASS_1", "organiser": "威海市人力资源和社会保障局", "heldOn": "2026-10-20",
        "document": "威人社字〔2026〕1号",
        "events": [{ "trade": "数控车", "contestantKind": "STUDENT" }, { "trade": "焊工", "contestantKind": "WORKER" }] });
    // Only the secretariat records contests; names are unique per year; events once each.
    let r = record_contest(&app, &p.school, input.clone()).await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let c = record_contest(&app, &p.secretariat, input.clone()).await;
    assert_eq!(codes(&c), Vec::<String>::new(), "{c}");
    assert_eq!(c["contest"]["year"], 2026);
    let contest = c["contest"]["id"].as_str().unwrap().to_owned();
    let events = c["contest"]["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    let lathe = events[0]["id"].as_str().unwrap().to_owned();
    let welding = events[1]["id"].as_str().unwrap().to_owned();
    let r = record_contest(&app, &p.secretariat, input.clone()).await;
    assert_eq!(codes(&r), vec!["TAKEN"], "{r}");
    let mut twice = input.clone();
    twice["name"] = json!("另一大赛");
    twice["events"] = json!([{ "trade": "钳工", "contestantKind": "STUDENT" }, { "trade": "钳工", "contestantKind": "STUDENT" }]);
    let r = record_contest(&app, &p.secretariat, twice).await;
    assert_eq!(codes(&r), vec!["TAKEN"], "{r}");

    // The school enters its own student with a coach from its teachers.
    let s1 = student(&app, &p.school, "C001", "2007-03-01", 2).await;
    let s1 = s1["student"]["id"].as_str().unwrap().to_owned();
    let s2 = student(&app, &p.school_2, "C002", "2007-04-01", 2).await;
    let s2 = s2["student"]["id"].as_str().unwrap().to_owned();
    let coach = teacher(&app, &p.school, "周教练").await;
    let e1 = enter(
        &app,
        &p.school,
        json!({ "eventId": lathe, "studentId": s1, "coachTeacherId": coach }),
    )
    .await;
    assert_eq!(codes(&e1), Vec::<String>::new(), "{e1}");
    assert_eq!(e1["contestEntry"]["contestantName"], "学生C001");
    assert_eq!(e1["contestEntry"]["coach"]["name"], "周教练");
    let e1 = e1["contestEntry"]["id"].as_str().unwrap().to_owned();
    let r = enter(
        &app,
        &p.school,
        json!({ "eventId": lathe, "studentId": s1 }),
    )
    .await;
    assert_eq!(codes(&r), vec!["TAKEN"], "{r}");
    // Another school's student is not the school's; a worker's name does not fit a student event.
    let r = enter(
        &app,
        &p.school,
        json!({ "eventId": lathe, "studentId": s2 }),
    )
    .await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let r = enter(
        &app,
        &p.school,
        json!({ "eventId": lathe, "workerName": "张三" }),
    )
    .await;
    assert_eq!(codes(&r), vec!["BLANK", "INVALID"], "{r}");
    let r = enter(
        &app,
        &p.school,
        json!({ "eventId": lathe, "studentId": s1, "coachTeacherId": coach, "coachName": "外聘教练" }),
    )
    .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let e2 = enter(
        &app,
        &p.school_2,
        json!({ "eventId": lathe, "studentId": s2 }),
    )
    .await;
    assert_eq!(codes(&e2), Vec::<String>::new(), "{e2}");
    let e2 = e2["contestEntry"]["id"].as_str().unwrap().to_owned();
    // A firm enters its worker, with a coach named outside the pool.
    let e3 = enter(
        &app,
        &p.firm_a,
        json!({ "eventId": welding, "workerName": "张师傅", "coachName": "李高级技师" }),
    )
    .await;
    assert_eq!(codes(&e3), Vec::<String>::new(), "{e3}");
    let e3 = e3["contestEntry"]["id"].as_str().unwrap().to_owned();
    let e4 = enter(
        &app,
        &p.firm_a,
        json!({ "eventId": welding, "workerName": "王师傅" }),
    )
    .await;
    let e4 = e4["contestEntry"]["id"].as_str().unwrap().to_owned();
    let e5 = enter(
        &app,
        &p.firm_a,
        json!({ "eventId": welding, "workerName": "钱师傅", "coachName": "孙技师" }),
    )
    .await;
    let e5 = e5["contestEntry"]["id"].as_str().unwrap().to_owned();
    let r = app
        .mutate(
            "withdrawContestEntry",
            "ContestEntryIdInput",
            json!({ "id": e4 }),
            "contestEntry { id }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let r = app
        .mutate(
            "withdrawContestEntry",
            "ContestEntryIdInput",
            json!({ "id": e4 }),
            "contestEntry { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");

    // Who a student or worker contestant is: the entering member and the secretariat only.
    let seen = names_seen(&app, &p.school, &contest).await;
    assert_eq!(
        seen,
        vec![
            (SCHOOL_2.to_owned(), Value::Null),
            (SCHOOL.to_owned(), json!("学生C001")),
            (FIRM_A.to_owned(), Value::Null),
            (FIRM_A.to_owned(), Value::Null),
        ]
    );
    let seen = names_seen(&app, &staff, &contest).await;
    assert!(seen.iter().all(|(_, n)| n.is_null()), "{seen:?}");
    assert_eq!(seen.len(), 4);
    let seen = names_seen(&app, &p.firm_a, &contest).await;
    assert_eq!(seen[2], (FIRM_A.to_owned(), json!("张师傅")));
    assert_eq!(seen[3], (FIRM_A.to_owned(), json!("钱师傅")));
    assert!(seen[..2].iter().all(|(_, n)| n.is_null()), "{seen:?}");
    let seen = names_seen(&app, &p.secretariat, &contest).await;
    assert!(seen.iter().all(|(_, n)| !n.is_null()), "{seen:?}");
    let r = app
        .post_graphql(
            "{ contestEntries { totalCount } contests { totalCount } }",
            json!({}),
            Some(&evaluator),
        )
        .await;
    assert_eq!(
        r.error_codes(),
        vec!["FORBIDDEN", "FORBIDDEN"],
        "{}",
        r.body
    );

    // Results: the secretariat only; a coach's honour needs a coach.
    let r = result(&app, &p.school, json!({ "entryId": e1, "award": "GOLD" })).await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = result(
        &app,
        &p.secretariat,
        json!({ "entryId": e2, "award": "BRONZE", "coachHonoured": true }),
    )
    .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let r = result(
        &app,
        &p.secretariat,
        json!({ "entryId": e1, "rank": 0, "award": "GOLD" }),
    )
    .await;
    assert_eq!(codes(&r), vec!["MUST_BE_POSITIVE"], "{r}");
    for (entry, rank, award, honoured) in [
        (&e1, 1, "GOLD", true),
        (&e2, 3, "BRONZE", false),
        (&e3, 2, "SILVER", true),
    ] {
        let r = result(
            &app,
            &p.secretariat,
            json!({ "entryId": entry, "rank": rank, "award": award, "coachHonoured": honoured }),
        )
        .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
        assert_eq!(r["contestEntry"]["award"], award);
    }
    // Entries are frozen once results are out: one without a result of its own too.
    for (entry, token) in [(&e2, &p.school_2), (&e5, &p.firm_a)] {
        let r = app
            .mutate(
                "withdrawContestEntry",
                "ContestEntryIdInput",
                json!({ "id": entry }),
                "contestEntry { id }",
                Some(token),
            )
            .await;
        assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
    }
    let r = enter(
        &app,
        &p.firm_a,
        json!({ "eventId": welding, "workerName": "赵师傅" }),
    )
    .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");

    // Units' own awards.
    let award =
        |unit: String| json!({ "contestId": contest, "unitId": unit, "title": "优秀组织奖" });
    let r = app
        .mutate(
            "awardContestUnit",
            "AwardContestUnitInput",
            award(app.unit_id(SCHOOL_2).await),
            "contestUnitAward { title unit { name } }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let r = app
        .mutate(
            "awardContestUnit",
            "AwardContestUnitInput",
            award(app.unit_id(SCHOOL_2).await),
            "contestUnitAward { title }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["TAKEN"], "{r}");

    // The medal table: gold first, then silver, then bronze; counts for every reader but an
    // evaluator.
    let q = "query($k: ContestKind) { contestMedalTable(fromYear: 2026, toYear: 2026, kind: $k) { unit { name } tally { entries gold silver bronze excellence coachHonours unitAwards } } }";
    let r = app
        .post_graphql(q, json!({ "k": "SKILLS" }), Some(&staff))
        .await
        .ok();
    let rows = r.data()["contestMedalTable"].as_array().unwrap().clone();
    let line = |i: usize| {
        (
            rows[i]["unit"]["name"].as_str().unwrap().to_owned(),
            rows[i]["tally"].clone(),
        )
    };
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(
        line(0),
        (
            SCHOOL.to_owned(),
            json!({ "entries": 1, "gold": 1, "silver": 0, "bronze": 0, "excellence": 0, "coachHonours": 1, "unitAwards": 0 })
        )
    );
    assert_eq!(line(1).0, FIRM_A);
    assert_eq!(line(1).1["silver"], 1);
    assert_eq!(
        line(2),
        (
            SCHOOL_2.to_owned(),
            json!({ "entries": 1, "gold": 0, "silver": 0, "bronze": 1, "excellence": 0, "coachHonours": 0, "unitAwards": 1 })
        )
    );
    let r = app
        .post_graphql(q, json!({ "k": "TEACHER_ABILITY" }), Some(&staff))
        .await
        .ok();
    assert_eq!(r.data()["contestMedalTable"], json!([]));
    let r = app.post_graphql(q, json!({}), Some(&evaluator)).await;
    assert_eq!(r.error_codes(), vec!["FORBIDDEN"], "{}", r.body);

    // A member's own line and entries, from the member unit.
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { ... on MemberUnit { medals { gold coachHonours } contestEntries { totalCount nodes { award contest { name } event { trade } } } } } }",
            json!({ "id": app.unit_id(SCHOOL).await }),
            Some(&p.firm_a),
        )
        .await
        .ok();
    let unit = &r.data()["node"];
    assert_eq!(unit["medals"], json!({ "gold": 1, "coachHonours": 1 }));
    assert_eq!(unit["contestEntries"]["totalCount"], 1);
    assert_eq!(
        unit["contestEntries"]["nodes"][0]["event"]["trade"],
        "数控车"
    );
    // The entry as a node keeps its contestant hidden from another member.
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { ... on ContestEntry { award contestantName student { name } } } }",
            json!({ "id": e1 }),
            Some(&p.school_2),
        )
        .await
        .ok();
    assert_eq!(
        r.data()["node"],
        json!({ "award": "GOLD", "contestantName": null, "student": null })
    );
}

async fn the_teacher_ability_contest_takes_teachers_only_and_shows_them_to_the_pool(app: TestApp) {
    let p = parties(&app).await;
    let input = json!({ "series": "技能兴威", "name": "2026年全市技工院校教师职业能力大赛", "kind": "TEACHER_ABILITY",
        "level": "MUNICIPAL_CLASS_1", "organiser": "威海市人力资源和社会保障局", "heldOn": "2026-11-01",
        "events": [{ "trade": "机械类", "contestantKind": "STUDENT" }] });
    let r = record_contest(&app, &p.secretariat, input.clone()).await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let mut teachers_only = input.clone();
    teachers_only["events"] = json!([{ "trade": "机械类", "contestantKind": "TEACHER" }]);
    let c = record_contest(&app, &p.secretariat, teachers_only).await;
    assert_eq!(codes(&c), Vec::<String>::new(), "{c}");
    let contest = c["contest"]["id"].as_str().unwrap().to_owned();
    let event = c["contest"]["events"][0]["id"].as_str().unwrap().to_owned();
    let r = app
        .mutate(
            "addContestEvent",
            "AddContestEventInput",
            json!({ "contestId": contest, "trade": "电气类", "contestantKind": "WORKER" }),
            "contestEvent { id }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let r = app
        .mutate(
            "addContestEvent",
            "AddContestEventInput",
            json!({ "contestId": contest, "trade": "电气类", "contestantKind": "TEACHER" }),
            "contestEvent { id trade contest { name } }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");

    let t = teacher(&app, &p.school, "陈老师").await;
    let other = teacher(&app, &p.school_2, "刘老师").await;
    // A school enters its own teachers only.
    let r = enter(
        &app,
        &p.school,
        json!({ "eventId": event, "teacherId": other }),
    )
    .await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let r = enter(&app, &p.firm_a, json!({ "eventId": event, "teacherId": t })).await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let e = enter(&app, &p.school, json!({ "eventId": event, "teacherId": t })).await;
    assert_eq!(codes(&e), Vec::<String>::new(), "{e}");
    let e = e["contestEntry"]["id"].as_str().unwrap().to_owned();
    let r = result(
        &app,
        &p.secretariat,
        json!({ "entryId": e, "rank": 1, "award": "GOLD" }),
    )
    .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    // A teacher of the pool is no private person: another school sees the result by teacher.
    let r = app
        .post_graphql(
            "query($t: ID!) { contestEntries(teacherId: $t) { nodes { contestantName award contest { kind level year } teacher { name } } } }",
            json!({ "t": t }),
            Some(&p.school_2),
        )
        .await
        .ok();
    assert_eq!(
        r.data()["contestEntries"]["nodes"],
        json!([{ "contestantName": "陈老师", "award": "GOLD", "teacher": { "name": "陈老师" },
                 "contest": { "kind": "TEACHER_ABILITY", "level": "MUNICIPAL_CLASS_1", "year": 2026 } }])
    );
    let r = app
        .post_graphql(
            "{ contestMedalTable(kind: TEACHER_ABILITY) { unit { name } tally { gold } } }",
            json!({}),
            Some(&p.firm_a),
        )
        .await
        .ok();
    assert_eq!(
        r.data()["contestMedalTable"],
        json!([{ "unit": { "name": SCHOOL }, "tally": { "gold": 1 } }])
    );
    // A contest whose first day is after today takes no results yet.
    let mut later = input.clone();
    later["name"] = json!("2026年冬季教师职业能力大赛");
    later["heldOn"] = json!("2099-06-01");
    later["events"] = json!([{ "trade": "机械类", "contestantKind": "TEACHER" }]);
    let c = record_contest(&app, &p.secretariat, later).await;
    let event = c["contest"]["events"][0]["id"].as_str().unwrap().to_owned();
    let e = enter(&app, &p.school, json!({ "eventId": event, "teacherId": t })).await;
    let e = e["contestEntry"]["id"].as_str().unwrap().to_owned();
    let r = result(
        &app,
        &p.secretariat,
        json!({ "entryId": e, "award": "GOLD" }),
    )
    .await;
    if chrono::Utc::now().date_naive() < chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap() {
        assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
    }
}

const PROJECT: &str = "researchProject { id title year status closedOn outcome school { name } leader { name } members { name } }";

async fn research_projects_run_from_approval_to_conclusion(app: TestApp) {
    let p = parties(&app).await;
    let lead = teacher(&app, &p.school, "吴课题").await;
    let member = teacher(&app, &p.school, "郑成员").await;
    let elsewhere = teacher(&app, &p.school_2, "冯外校").await;
    let input = |members: Value| {
        json!({ "title": "工学一体化课程改革研究", "approvingBody": "威海市人力资源和社会保障局",
            "document": "威人社字〔2026〕8号", "approvedOn": "2026-04-01", "leaderTeacherId": lead,
            "memberTeacherIds": members })
    };
    let register = |token: String, body: Value| {
        let app = &app;
        async move {
            app.mutate(
                "registerResearchProject",
                "RegisterResearchProjectInput",
                body,
                PROJECT,
                Some(&token),
            )
            .await
        }
    };
    let r = register(p.firm_a.clone(), input(json!([member]))).await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = register(p.school.clone(), input(json!([elsewhere]))).await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let r = register(p.school.clone(), input(json!([lead]))).await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let mut future = input(json!([]));
    future["approvedOn"] = json!("2099-01-01");
    let r = register(p.school.clone(), future).await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let r = register(p.school_2.clone(), input(json!([]))).await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let r = register(p.school.clone(), input(json!([member, member]))).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert_eq!(
        r["researchProject"]["members"],
        json!([{ "name": "郑成员" }])
    );
    assert_eq!(r["researchProject"]["leader"]["name"], "吴课题");
    assert_eq!(r["researchProject"]["status"], "APPROVED");
    assert_eq!(r["researchProject"]["year"], 2026);
    let id = r["researchProject"]["id"].as_str().unwrap().to_owned();

    let close = |token: String, body: Value| {
        let app = &app;
        async move {
            app.mutate(
                "closeResearchProject",
                "CloseResearchProjectInput",
                body,
                PROJECT,
                Some(&token),
            )
            .await
        }
    };
    let done = json!({ "id": id, "status": "CONCLUDED", "closedOn": "2026-11-01", "outcome": "形成课程标准 3 份" });
    let r = close(p.school_2.clone(), done.clone()).await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let mut approved = done.clone();
    approved["status"] = json!("APPROVED");
    let r = close(p.school.clone(), approved).await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let mut early = done.clone();
    early["closedOn"] = json!("2026-03-01");
    let r = close(p.school.clone(), early).await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let r = close(p.school.clone(), done.clone()).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert_eq!(r["researchProject"]["status"], "CONCLUDED");
    assert_eq!(r["researchProject"]["closedOn"], "2026-11-01");
    let r = close(p.secretariat.clone(), done).await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");

    // Lists: top level by school, status and leader; from the member unit.
    let r = app
        .post_graphql(
            "query($s: ID!, $l: ID!) { researchProjects(schoolId: $s, status: CONCLUDED, leaderId: $l, search: \"一体化\") { totalCount nodes { title members { name } } }
              schoolEmpty: researchProjects(status: APPROVED) { totalCount }
              node(id: $s) { ... on MemberUnit { researchProjects { nodes { title outcome } } } } }",
            json!({ "s": app.unit_id(SCHOOL).await, "l": lead }),
            Some(&p.firm_a),
        )
        .await
        .ok();
    assert_eq!(r.data()["researchProjects"]["totalCount"], 1);
    assert_eq!(r.data()["schoolEmpty"]["totalCount"], 0);
    assert_eq!(
        r.data()["node"]["researchProjects"]["nodes"],
        json!([{ "title": "工学一体化课程改革研究", "outcome": "形成课程标准 3 份" }])
    );
}
