//! The plan's commitments and each member's compliance with them (督导评估): training sites,
//! teacher practice stations, craftsmen, career mentors, apprenticeships, events.

use alliance_tests::{TestApp, both_databases, codes};
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, FIRM_C, Parties, SCHOOL, SCHOOL_2, parties};

async fn compliance(app: &TestApp, unit: &str, token: &str) -> Vec<(String, bool, usize)> {
    let r = app
        .post_graphql("query($id: ID!) { memberUnit(id: $id) { compliance(year: 2026) { allMet items { rule met evidence { kind label } } } } }", json!({ "id": unit }), Some(token))
        .await
        .ok();
    r.data()["memberUnit"]["compliance"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["rule"].as_str().unwrap().to_owned(),
                i["met"].as_bool().unwrap(),
                i["evidence"].as_array().unwrap().len(),
            )
        })
        .collect()
}

async fn r_school_labels(app: &TestApp, school: &str, token: &str) -> String {
    app.post_graphql("query($id: ID!) { memberUnit(id: $id) { compliance(year: 2026) { items { evidence { label } } } } }", json!({ "id": school }), Some(token))
        .await
        .ok()
        .body
        .to_string()
}

/// Gives `FIRM` everything the plan asks of a firm in 2026, and `SCHOOL` everything it asks of a
/// school; returns the station's id.
pub(crate) async fn fulfil(app: &TestApp, p: &Parties) -> String {
    let firm = app.unit_id(FIRM_A).await;
    let school = app.unit_id(SCHOOL).await;
    let site = app.mutate( "createTrainingSite", "CreateTrainingSiteInput", json!({
        "kind": "SCHOOL_IN_FACTORY", "name": "威高厂中校实训基地", "specialties": ["医疗器械装配"], "studentCapacity": 40,
        "status": "OPERATING", "partners": [{ "unitId": school, "role": "选派学生" }]
    }), "trainingSite { id kind host { name } partners { role unit { name } } }", Some(&p.firm_a)).await;
    assert_eq!(codes(&site), Vec::<String>::new(), "{site}");
    let site_id = site["trainingSite"]["id"].as_str().unwrap();
    let mentor = app
        .mutate(
            "addSiteMentor",
            "AddSiteMentorInput",
            json!({ "siteId": site_id, "name": "张师傅", "skillLevel": "高级技师" }),
            "recorded",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(mentor["recorded"], true, "{mentor}");
    let station = app.mutate( "createTeacherPracticeStation", "CreateTeacherPracticeStationInput", json!({
        "name": "威高教师活动站", "specialties": ["数控技术应用"], "contactPhone": "0631-5000000"
    }), "teacherPracticeStation { id }", Some(&p.firm_a)).await;
    let station_id = station["teacherPracticeStation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let posts = app.mutate(
        "offerPracticePosts",
        "OfferPracticePostsInput",
        json!({ "stationId": station_id, "year": 2026, "specialty": "数控技术应用", "posts": 1 }),
        "teacherPracticeStation { posts { year specialty posts } }",
        Some(&p.firm_a),
    )
    .await;
    assert_eq!(
        posts["teacherPracticeStation"]["posts"][0]["posts"], 1,
        "{posts}"
    );
    let mentor = app
        .mutate(
            "setCareerMentor",
            "SetCareerMentorInput",
            json!({ "name": "李经理", "title": "人力资源经理", "qualification": "MANAGER" }),
            "careerMentor { id name }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&mentor), Vec::<String>::new());
    let visit = app.mutate( "recordEvent", "RecordEventInput", json!({
        "kind": "CAMPUS_VISIT", "heldOn": "2026-10-15", "title": "威高进校园", "organiserIds": [school], "participantIds": [firm], "participantsCount": 300
    }), "event { id kind }", Some(&p.school)).await;
    assert_eq!(codes(&visit), Vec::<String>::new(), "{visit}");
    // The school recorded the firm's part: it counts once the firm confirms it.
    let confirmed = app
        .mutate(
            "confirmEvent",
            "ConfirmEventInput",
            json!({ "id": visit["event"]["id"] }),
            "event { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&confirmed), Vec::<String>::new(), "{confirmed}");
    let practice = app.mutate( "recordTeacherPractice", "RecordTeacherPracticeInput", json!({
        "stationId": station_id, "teacherName": "王老师", "specialty": "数控技术应用", "dualQualified": true,
        "startDate": "2026-07-10", "endDate": "2026-08-10", "daysOnSite": 25, "practised": "五轴加工"
    }), "teacherPractice { id teacherName school { name } }", Some(&p.school)).await;
    assert_eq!(codes(&practice), Vec::<String>::new(), "{practice}");
    // The school booked the firm's post: it counts once the host confirms the stint.
    let confirmed = app
        .mutate(
            "confirmTeacherPractice",
            "ConfirmTeacherPracticeInput",
            json!({ "id": practice["teacherPractice"]["id"], "assessment": "合格" }),
            "teacherPractice { hostConfirmedAt }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&confirmed), Vec::<String>::new(), "{confirmed}");
    let jobs = app.mutate( "recordEvent", "RecordEventInput", json!({
        "kind": "JOB_RECOMMENDATION", "heldOn": "2026-05-20", "title": "2026届毕业生就业推荐会", "organiserIds": [school]
    }), "event { id }", Some(&p.school)).await;
    assert_eq!(codes(&jobs), Vec::<String>::new());
    station_id
}

both_databases!(
    compliance_for_a_firm_and_a_school_that_meet_none_and_then_all,
    a_firm_meeting_some_rules_is_on_the_committees_work_list_for_the_others,
    alliance_compliance_runs_the_same_statements_for_10_and_177_members,
    site_and_station_rules_are_user_errors_and_write_nothing,
    each_new_mutation_is_allowed_only_to_its_units_and_the_secretariat,
    phones_and_apprentices_are_seen_only_by_the_units_involved,
    a_school_meets_the_job_recommendation_rule_by_holding_an_event_not_by_taking_part,
    a_career_mentor_counts_only_as_a_senior_technician_or_a_manager
);

/// Founding notice 二(四)10: each firm names "1名高级技师或管理人员" as career mentor. A mentor
/// recorded as `OTHER` leaves the commitment unmet, whatever the free-text title says; naming the
/// qualification meets it.
async fn a_career_mentor_counts_only_as_a_senior_technician_or_a_manager(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    let set = |qualification: &'static str| {
        let app = &app;
        let token = p.firm_a.clone();
        async move {
            app.mutate(
                "setCareerMentor",
                "SetCareerMentorInput",
                json!({ "name": "孙师傅", "title": "高级技师（在评）", "qualification": qualification }),
                "careerMentor { qualification }",
                Some(&token),
            )
            .await
        }
    };
    let mentor = |items: Vec<(String, bool, usize)>| {
        items
            .into_iter()
            .find(|(r, _, _)| r == "CAREER_MENTOR")
            .map(|(_, met, evidence)| (met, evidence))
    };
    let other = set("OTHER").await;
    assert_eq!(other["careerMentor"]["qualification"], "OTHER", "{other}");
    assert_eq!(
        mentor(compliance(&app, &firm, &p.firm_a).await),
        Some((false, 0))
    );
    let manager = set("MANAGER").await;
    assert_eq!(manager["careerMentor"]["qualification"], "MANAGER");
    assert_eq!(
        mentor(compliance(&app, &firm, &p.firm_a).await),
        Some((true, 1))
    );
    let unknown = app
        .post_graphql(
            r#"mutation { setCareerMentor(input: { name: "x", title: "y", qualification: CHAIRMAN }) { careerMentor { id } } }"#,
            json!({}),
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(unknown.error_codes(), ["BAD_USER_INPUT"]);
}

/// Founding notice 二(四)11: schools "开展" (hold) a graduate job-recommendation event each year.
/// The school that organises one meets the rule; a school that only takes part does not, even
/// once it has confirmed its part.
async fn a_school_meets_the_job_recommendation_rule_by_holding_an_event_not_by_taking_part(
    app: TestApp,
) {
    let p = parties(&app).await;
    let host = app.unit_id(SCHOOL).await;
    let guest = app.unit_id(SCHOOL_2).await;
    let event = app
        .mutate(
            "recordEvent",
            "RecordEventInput",
            json!({ "kind": "JOB_RECOMMENDATION", "heldOn": "2026-05-20", "title": "联合就业推荐会",
                    "organiserIds": [host], "participantIds": [guest] }),
            "event { id }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&event), Vec::<String>::new(), "{event}");
    let confirmed = app
        .mutate(
            "confirmEvent",
            "ConfirmEventInput",
            json!({ "id": event["event"]["id"] }),
            "event { id }",
            Some(&p.school_2),
        )
        .await;
    assert_eq!(codes(&confirmed), Vec::<String>::new(), "{confirmed}");
    let rule = |items: Vec<(String, bool, usize)>| {
        items
            .into_iter()
            .find(|(r, _, _)| r == "JOB_RECOMMENDATION_EVENT")
            .map(|(_, met, evidence)| (met, evidence))
    };
    assert_eq!(
        rule(compliance(&app, &host, &p.secretariat).await),
        Some((true, 1)),
        "the organiser held it"
    );
    assert_eq!(
        rule(compliance(&app, &guest, &p.secretariat).await),
        Some((false, 0)),
        "taking part is not holding"
    );
}

async fn compliance_for_a_firm_and_a_school_that_meet_none_and_then_all(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    let school = app.unit_id(SCHOOL).await;
    let none_firm = compliance(&app, &firm, &p.firm_a).await;
    assert_eq!(none_firm.len(), 4);
    assert!(
        none_firm.iter().all(|(_, met, ev)| !met && *ev == 0),
        "{none_firm:?}"
    );
    let none_school = compliance(&app, &school, &p.school).await;
    assert_eq!(
        none_school
            .iter()
            .map(|(r, m, _)| (r.as_str(), *m))
            .collect::<Vec<_>>(),
        vec![
            ("TEACHERS_SENT_TO_PRACTICE", false),
            ("JOB_RECOMMENDATION_EVENT", false)
        ]
    );

    fulfil(&app, &p).await;
    let all = compliance(&app, &firm, &p.secretariat).await;
    assert!(all.iter().all(|(_, met, ev)| *met && *ev == 1), "{all:?}");
    let all = compliance(&app, &school, &p.secretariat).await;
    assert!(all.iter().all(|(_, met, ev)| *met && *ev == 1), "{all:?}");
    // Another year: nothing that year (the site and the mentor still count).
    let r = app.post_graphql("query($id: ID!) { memberUnit(id: $id) { compliance(year: 2027) { allMet items { rule met } } } }", json!({ "id": firm }), Some(&p.firm_a)).await.ok();
    let met: Vec<bool> = r.data()["memberUnit"]["compliance"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["met"].as_bool().unwrap())
        .collect();
    assert_eq!(met, vec![true, false, true, false]);
    // Evidence names no teacher (compliance is open to every signed-in caller).
    assert!(
        !r_school_labels(&app, &school, &p.firm_c)
            .await
            .contains("王老师")
    );
    // Every piece of evidence is a node.
    let r = app.post_graphql("query($id: ID!) { memberUnit(id: $id) { compliance(year: 2026) { items { evidence { kind id } } } } }", json!({ "id": firm }), Some(&p.firm_a)).await.ok();
    for item in r.data()["memberUnit"]["compliance"]["items"]
        .as_array()
        .unwrap()
    {
        let ev = &item["evidence"][0];
        let node = app
            .post_graphql(
                "query($id: ID!) { node(id: $id) { __typename } }",
                json!({ "id": ev["id"] }),
                Some(&p.firm_a),
            )
            .await
            .ok();
        assert_eq!(node.data()["node"]["__typename"], ev["kind"]);
    }
    // A unit that is neither firm nor school has no items.
    let trainer = app.unit_id("威海创业大学").await;
    assert!(compliance(&app, &trainer, &p.firm_a).await.is_empty());
}

async fn a_firm_meeting_some_rules_is_on_the_committees_work_list_for_the_others(app: TestApp) {
    let p = parties(&app).await;
    app.mutate(
        "setCareerMentor",
        "SetCareerMentorInput",
        json!({ "name": "赵经理", "title": "总经理", "qualification": "MANAGER" }),
        "careerMentor { id }",
        Some(&p.firm_c),
    )
    .await;
    fulfil(&app, &p).await;
    let q = "query($f: MemberUnitFilter) { allianceCompliance(year: 2026, filter: $f) { rule applicable met notMet(first: 100) { totalCount nodes { name } } } }";
    let r = app
        .post_graphql(q, json!({ "f": null }), Some(&p.secretariat))
        .await
        .ok();
    let rules = r.data()["allianceCompliance"].as_array().unwrap().clone();
    let rule = |name: &str| rules.iter().find(|x| x["rule"] == name).unwrap().clone();
    assert_eq!(
        rule("CAREER_MENTOR")["applicable"],
        153,
        "every member enterprise (incl. HR agencies)"
    );
    assert_eq!(rule("CAREER_MENTOR")["met"], 2);
    assert_eq!(rule("SCHOOL_IN_FACTORY_BASE")["met"], 1);
    let not_met: Vec<String> = rule("SCHOOL_IN_FACTORY_BASE")["notMet"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_owned())
        .collect();
    assert!(not_met.contains(&FIRM_C.to_owned()) && !not_met.contains(&FIRM_A.to_owned()));
    assert_eq!(rule("TEACHERS_SENT_TO_PRACTICE")["applicable"], 20);
    assert_eq!(rule("TEACHERS_SENT_TO_PRACTICE")["met"], 1);
    let other = compliance(&app, &app.unit_id(FIRM_C).await, &p.firm_c).await;
    assert_eq!(other.iter().filter(|(_, m, _)| *m).count(), 1, "{other:?}");
    assert_eq!(
        app.post_graphql(q, json!({ "f": null }), Some(&p.school))
            .await
            .error_codes(),
        vec!["FORBIDDEN"]
    );
}

async fn alliance_compliance_runs_the_same_statements_for_10_and_177_members(app: TestApp) {
    let p = parties(&app).await;
    fulfil(&app, &p).await;
    let q = "query($f: MemberUnitFilter) { allianceCompliance(year: 2026, filter: $f) { rule applicable met notMet(first: 100) { totalCount nodes { name } } } }";
    let mut counts = Vec::new();
    for filter in [
        json!({ "kinds": ["HR_SERVICE_AGENCY", "PUBLIC_INSTITUTION"] }),
        json!(null),
    ] {
        let (statements, reply) = app
            .count_statements(app.post_graphql(q, json!({ "f": filter }), Some(&p.secretariat)))
            .await;
        let reply = reply.ok();
        let members = if filter.is_null() { 177 } else { 10 };
        let firm_rule = reply.data()["allianceCompliance"].as_array().unwrap()[0]["applicable"]
            .as_i64()
            .unwrap();
        assert_eq!(firm_rule, if filter.is_null() { 153 } else { 9 });
        println!(
            "{:?}: allianceCompliance over {members} members: {statements} statements",
            app.backend
        );
        counts.push(statements);
    }
    assert_eq!(counts[0], counts[1]);
    assert!(counts[1] <= 9, "{} statements", counts[1]);
}

async fn site_and_station_rules_are_user_errors_and_write_nothing(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    let school = app.unit_id(SCHOOL).await;
    let site = |input: Value, token: String| {
        let app = &app;
        async move {
            app.mutate(
                "createTrainingSite",
                "CreateTrainingSiteInput",
                input,
                "trainingSite { id }",
                Some(&token),
            )
            .await
        }
    };
    // A factory-in-school needs a firm partner; hosted by a school.
    let r = site(
        json!({ "kind": "FACTORY_IN_SCHOOL", "name": "校中厂", "status": "PLANNED" }),
        p.school.clone(),
    )
    .await;
    assert_eq!(codes(&r), vec!["FIRM_PARTNER_REQUIRED"]);
    let r = site(json!({ "kind": "FACTORY_IN_SCHOOL", "name": "校中厂", "status": "PLANNED", "partners": [{ "unitId": firm, "role": "生产线" }] }), p.school.clone()).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert_eq!(
        codes(
            &site(
                json!({ "kind": "FACTORY_IN_SCHOOL", "name": "x", "status": "PLANNED" }),
                p.firm_a.clone()
            )
            .await
        ),
        vec!["FORBIDDEN"]
    );
    // A school-in-factory is hosted by a non-school unit.
    let r = site(json!({ "kind": "SCHOOL_IN_FACTORY", "hostUnitId": school, "name": "厂中校", "status": "OPERATING" }), p.secretariat.clone()).await;
    assert_eq!(codes(&r), vec!["WRONG_HOST_KIND"]);
    assert_eq!(
        codes(
            &site(
                json!({ "kind": "SCHOOL_IN_FACTORY", "name": "厂中校", "status": "OPERATING" }),
                p.school.clone()
            )
            .await
        ),
        vec!["FORBIDDEN"]
    );
    assert_eq!(codes(&site(json!({ "kind": "SCHOOL_IN_FACTORY", "name": " ", "status": "OPERATING", "studentCapacity": -1 }), p.firm_a.clone()).await), vec!["BLANK", "MUST_BE_NON_NEGATIVE"]);
    let listed = app
        .post_graphql(
            "{ trainingSites { totalCount } }",
            json!({}),
            Some(&p.firm_a),
        )
        .await
        .ok();
    assert_eq!(listed.data()["trainingSites"]["totalCount"], 1);

    // Posts run out; a station cannot offer fewer posts than are booked.
    let station_id = fulfil(&app, &p).await;
    let again = app
        .mutate(
            "recordTeacherPractice",
            "RecordTeacherPracticeInput",
            json!({
                "stationId": station_id, "teacherName": "刘老师", "specialty": "数控技术应用",
                "startDate": "2026-09-01", "endDate": "2026-09-30", "daysOnSite": 20
            }),
            "teacherPractice { id }",
            Some(&p.school_2),
        )
        .await;
    assert_eq!(codes(&again), vec!["NO_PRACTICE_POST_LEFT"]);
    let fewer = app.mutate( "offerPracticePosts", "OfferPracticePostsInput", json!({ "stationId": station_id, "year": 2026, "specialty": "数控技术应用", "posts": 0 }), "teacherPracticeStation { id }", Some(&p.firm_a)).await;
    assert_eq!(codes(&fewer), vec!["NO_PRACTICE_POST_LEFT"]);
    let more = app.mutate( "offerPracticePosts", "OfferPracticePostsInput", json!({ "stationId": station_id, "year": 2026, "specialty": "数控技术应用", "posts": 2 }), "teacherPracticeStation { posts { posts } }", Some(&p.firm_a)).await;
    assert_eq!(more["teacherPracticeStation"]["posts"][0]["posts"], 2);
    let now_ok = app
        .mutate(
            "recordTeacherPractice",
            "RecordTeacherPracticeInput",
            json!({
                "stationId": station_id, "teacherName": "刘老师", "specialty": "数控技术应用",
                "startDate": "2026-09-01", "endDate": "2026-09-30", "daysOnSite": 31
            }),
            "teacherPractice { id }",
            Some(&p.school_2),
        )
        .await;
    assert_eq!(
        codes(&now_ok),
        vec!["INVALID"],
        "more days on site than the stint has"
    );
}

async fn each_new_mutation_is_allowed_only_to_its_units_and_the_secretariat(app: TestApp) {
    let p = parties(&app).await;
    let station_id = fulfil(&app, &p).await;
    let school = app.unit_id(SCHOOL).await;
    let firm = app.unit_id(FIRM_A).await;
    let practices = app
        .post_graphql(
            "{ teacherPractices { nodes { id } } }",
            json!({}),
            Some(&p.school),
        )
        .await
        .ok();
    let practice_id = practices.data()["teacherPractices"]["nodes"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let craftsman = app
        .mutate(
            "addCraftsman",
            "AddCraftsmanInput",
            json!({ "name": "陈工匠", "skillLevel": "高级技师", "phone": "13900000000" }),
            "craftsman { id }",
            Some(&p.firm_a),
        )
        .await;
    let craftsman_id = craftsman["craftsman"]["id"].as_str().unwrap().to_owned();
    let mentors = app.post_graphql("query($id: ID!) { memberUnit(id: $id) { compliance(year: 2026) { items { rule evidence { kind id } } } } }", json!({ "id": firm }), Some(&p.firm_a)).await.ok();
    let mentor_id = mentors.data()["memberUnit"]["compliance"]["items"][2]["evidence"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // (mutation, input type, input, selection, who may, who may not)
    type Case<'a> = (
        &'a str,
        &'a str,
        Value,
        &'a str,
        Vec<&'a String>,
        Vec<&'a String>,
    );
    let cases: Vec<Case<'_>> = vec![
        (
            "createTeacherPracticeStation",
            "CreateTeacherPracticeStationInput",
            json!({ "name": "站" }),
            "teacherPracticeStation { id }",
            vec![&p.firm_a],
            vec![&p.school],
        ),
        (
            "offerPracticePosts",
            "OfferPracticePostsInput",
            json!({ "stationId": station_id, "year": 2027, "specialty": "焊接", "posts": 1 }),
            "teacherPracticeStation { id }",
            vec![&p.firm_a],
            vec![&p.firm_c, &p.school],
        ),
        (
            "confirmTeacherPractice",
            "ConfirmTeacherPracticeInput",
            json!({ "id": practice_id, "assessment": "优秀" }),
            "teacherPractice { assessment hostConfirmedAt }",
            vec![&p.firm_a],
            vec![&p.firm_c, &p.school, &p.secretariat],
        ),
        (
            "addCraftsman",
            "AddCraftsmanInput",
            json!({ "name": "匠" }),
            "craftsman { id }",
            vec![&p.firm_a],
            vec![&p.school],
        ),
        (
            "assignCraftsman",
            "AssignCraftsmanInput",
            json!({ "craftsmanId": craftsman_id, "role": "PART_TIME_TEACHER", "term": "2026-2027-1", "hours": 64 }),
            "craftsmanAssignment { role term hours school { name } }",
            vec![&p.school],
            vec![&p.firm_a],
        ),
        (
            "setCareerMentor",
            "SetCareerMentorInput",
            json!({ "name": "导师", "title": "高级技师", "qualification": "SENIOR_TECHNICIAN" }),
            "careerMentor { id }",
            vec![&p.firm_a],
            vec![&p.school],
        ),
        (
            "recordCareerClass",
            "RecordCareerClassInput",
            json!({ "careerMentorId": mentor_id, "schoolId": school, "heldOn": "2026-10-20" }),
            "recorded",
            vec![&p.school, &p.firm_a],
            vec![&p.firm_c, &p.school_2],
        ),
        (
            "createApprenticeship",
            "CreateApprenticeshipInput",
            json!({ "schoolId": school, "apprenticeName": "孙学徒", "hireDate": "2026-07-01", "post": "装配工", "firmMentor": "张师傅", "schoolMentor": "王老师", "mode": "WORK_STUDY_ALTERNATION", "startDate": "2026-09-01", "endDate": "2028-08-31" }),
            "apprenticeship { id }",
            vec![&p.firm_a],
            vec![&p.school],
        ),
        (
            "recordEvent",
            "RecordEventInput",
            json!({ "kind": "ENTERPRISE_WEEK", "heldOn": "2026-11-01", "title": "企业宣传周", "organiserIds": [firm] }),
            "event { id }",
            vec![&p.firm_a],
            vec![&p.school, &p.firm_c],
        ),
    ];
    for (name, ty, input, sel, allowed, refused) in cases {
        let anonymous = app.mutate(name, ty, input.clone(), sel, None).await;
        assert_eq!(
            codes(&anonymous),
            vec!["UNAUTHENTICATED"],
            "{name}: {input}"
        );
        for token in refused {
            assert_eq!(
                codes(&app.mutate(name, ty, input.clone(), sel, Some(token)).await),
                vec!["FORBIDDEN"],
                "{name}"
            );
        }
        for token in allowed {
            let r = app.mutate(name, ty, input.clone(), sel, Some(token)).await;
            assert_eq!(codes(&r), Vec::<String>::new(), "{name}: {r}");
        }
    }
    // The secretariat acts for a unit it names, and must name one.
    let r = app
        .mutate(
            "addCraftsman",
            "AddCraftsmanInput",
            json!({ "name": "匠" }),
            "craftsman { id }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK"]);
    let r = app
        .mutate(
            "addCraftsman",
            "AddCraftsmanInput",
            json!({ "unitId": firm, "name": "匠" }),
            "craftsman { unit { name } }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(r["craftsman"]["unit"]["name"], FIRM_A);
    // Staff cannot act for another unit.
    let r = app
        .mutate(
            "addCraftsman",
            "AddCraftsmanInput",
            json!({ "unitId": app.unit_id(FIRM_C).await, "name": "匠" }),
            "craftsman { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"]);
}

async fn phones_and_apprentices_are_seen_only_by_the_units_involved(app: TestApp) {
    let p = parties(&app).await;
    fulfil(&app, &p).await;
    let school = app.unit_id(SCHOOL).await;
    app.mutate(
        "addCraftsman",
        "AddCraftsmanInput",
        json!({ "name": "陈工匠", "phone": "13900000000" }),
        "craftsman { id }",
        Some(&p.firm_a),
    )
    .await;
    app.mutate( "createApprenticeship", "CreateApprenticeshipInput", json!({ "schoolId": school, "apprenticeName": "孙学徒", "hireDate": "2026-07-01", "post": "装配工", "firmMentor": "张师傅", "schoolMentor": "王老师", "mode": "PART_TIME", "startDate": "2026-09-01", "endDate": "2028-08-31" }), "apprenticeship { id }", Some(&p.firm_a)).await;
    let listing = app
        .post_graphql("{ events(year: 2026, kinds: [CAMPUS_VISIT]) { totalCount nodes { title units { role unit { name } } } } }", json!({}), Some(&p.firm_c))
        .await
        .ok();
    let units = &listing.data()["events"]["nodes"][0]["units"];
    assert_eq!(units[0]["role"], "ORGANISER");
    assert_eq!(units[0]["unit"]["name"], SCHOOL);
    assert_eq!(units[1]["unit"]["name"], FIRM_A);
    let phones = "{ craftsmen { nodes { name phone } } teacherPracticeStations { nodes { name contactPhone } } }";
    for token in [&p.firm_a, &p.secretariat] {
        let r = app.post_graphql(phones, json!({}), Some(token)).await.ok();
        assert_eq!(r.data()["craftsmen"]["nodes"][0]["phone"], "13900000000");
        assert_eq!(
            r.data()["teacherPracticeStations"]["nodes"][0]["contactPhone"],
            "0631-5000000"
        );
    }
    for token in [&p.firm_c, &p.school] {
        let r = app.post_graphql(phones, json!({}), Some(token)).await;
        assert_eq!(r.error_codes(), vec!["FORBIDDEN", "FORBIDDEN"]);
        assert!(!r.body.to_string().contains("13900000000"));
        assert_eq!(
            r.body["data"]["craftsmen"]["nodes"][0]["name"], "陈工匠",
            "the rest stays visible"
        );
    }
    let q = "{ apprenticeships { totalCount nodes { apprenticeName } } }";
    for (token, n) in [
        (&p.firm_a, 1),
        (&p.school, 1),
        (&p.secretariat, 1),
        (&p.firm_c, 0),
        (&p.school_2, 0),
    ] {
        let r = app.post_graphql(q, json!({}), Some(token)).await.ok();
        assert_eq!(r.data()["apprenticeships"]["totalCount"], n);
    }
    assert_eq!(
        app.post_graphql(q, json!({}), None).await.error_codes(),
        vec!["UNAUTHENTICATED"]
    );
    // node() applies the same scope.
    let r = app
        .post_graphql(
            "{ apprenticeships { nodes { id } } }",
            json!({}),
            Some(&p.firm_a),
        )
        .await
        .ok();
    let apprenticeship = r.data()["apprenticeships"]["nodes"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let node = "query($id: ID!) { node(id: $id) { __typename id } }";
    assert_eq!(
        app.post_graphql(node, json!({ "id": apprenticeship }), Some(&p.school))
            .await
            .ok()
            .data()["node"]["__typename"],
        "Apprenticeship"
    );
    assert_eq!(
        app.post_graphql(node, json!({ "id": apprenticeship }), Some(&p.firm_c))
            .await
            .error_codes(),
        vec!["NOT_FOUND"]
    );
    let q = "{ teacherPractices { totalCount } }";
    for (token, n) in [
        (&p.firm_a, 1),
        (&p.school, 1),
        (&p.secretariat, 1),
        (&p.firm_c, 0),
        (&p.school_2, 0),
    ] {
        let r = app.post_graphql(q, json!({}), Some(token)).await.ok();
        assert_eq!(r.data()["teacherPractices"]["totalCount"], n);
    }
}
