//! Every record can be corrected, archived or withdrawn (issue 12): the owner corrects, others are
//! refused, bad input changes nothing; archived records leave the lists, the edges and the
//! compliance reports but stay readable by `node()`; apprenticeships end; the audit trail shows it.

use alliance_tests::{TestApp, both_databases, codes};
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, SCHOOL, parties};
use crate::placements::{good, report, student};
use crate::plan::fulfil;

both_databases!(
    a_site_is_corrected_by_its_host_only_and_bad_input_changes_nothing,
    archiving_the_one_site_that_made_a_firm_compliant_makes_it_non_compliant,
    stations_mentors_and_events_are_corrected_and_archived_and_compliance_follows,
    craftsmen_are_corrected_and_archived_and_assignments_withdrawn,
    apprenticeships_end_completed_or_terminated_and_overdue_ones_are_listed,
    a_student_who_left_is_archived_by_the_school_and_keeps_the_placements,
    corrections_and_archives_are_in_the_audit_trail
);

const SITE: &str = "trainingSite { id name address studentCapacity status archivedAt }";

/// The rules `unit` meets in 2026, as `token` sees them.
async fn met(app: &TestApp, unit: &str, token: &str) -> Vec<String> {
    let r = app
        .post_graphql(
            "query($id: ID!) { memberUnit(id: $id) { compliance(year: 2026) { items { rule met } } } }",
            json!({ "id": unit }),
            Some(token),
        )
        .await
        .ok();
    r.data()["memberUnit"]["compliance"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["met"] == true)
        .map(|i| i["rule"].as_str().unwrap().to_owned())
        .collect()
}

/// The members not meeting `rule` in the secretariat's `allianceCompliance` for 2026.
async fn not_meeting(app: &TestApp, token: &str, rule: &str) -> Vec<String> {
    let r = app
        .post_graphql(
            "{ allianceCompliance(year: 2026) { rule notMet(first: 100) { nodes { name } } } }",
            json!({}),
            Some(token),
        )
        .await
        .ok();
    r.data()["allianceCompliance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == rule)
        .unwrap()["notMet"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_owned())
        .collect()
}

/// The ids of the nodes of a connection at `path` in the reply to `query`.
async fn ids(app: &TestApp, query: &str, vars: Value, token: &str, path: &[&str]) -> Vec<String> {
    let r = app.post_graphql(query, vars, Some(token)).await.ok();
    let mut v = r.data().clone();
    for p in path {
        v = v[*p].clone();
    }
    v["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("{}", r.body))
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect()
}

/// `node(id:)` with `selection` on `type_name`.
async fn node(app: &TestApp, id: &str, type_name: &str, selection: &str, token: &str) -> Value {
    let q =
        format!("query($id: ID!) {{ node(id: $id) {{ ... on {type_name} {{ {selection} }} }} }}");
    let r = app
        .post_graphql(&q, json!({ "id": id }), Some(token))
        .await
        .ok();
    r.data()["node"].clone()
}

async fn create_site(app: &TestApp, token: &str) -> String {
    let site = app
        .mutate(
            "createTrainingSite",
            "CreateTrainingSiteInput",
            json!({ "kind": "SCHOOL_IN_FACTORY", "name": "威高厂中校", "address": "威海市环翠区", "studentCapacity": 40, "status": "OPERATING" }),
            SITE,
            Some(token),
        )
        .await;
    assert_eq!(codes(&site), Vec::<String>::new(), "{site}");
    site["trainingSite"]["id"].as_str().unwrap().to_owned()
}

async fn a_site_is_corrected_by_its_host_only_and_bad_input_changes_nothing(app: TestApp) {
    let p = parties(&app).await;
    let site = create_site(&app, &p.firm_a).await;
    let update = |input: Value, token: String| {
        let app = &app;
        let site = site.clone();
        async move {
            let mut input = input;
            input["id"] = json!(site);
            app.mutate(
                "updateTrainingSite",
                "UpdateTrainingSiteInput",
                input,
                SITE,
                Some(&token),
            )
            .await
        }
    };

    // The host corrects the name and clears the address; the capacity it leaves alone stays.
    let r = update(
        json!({ "name": "威高厂中校（一期）", "address": null }),
        p.firm_a.clone(),
    )
    .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert_eq!(r["trainingSite"]["name"], "威高厂中校（一期）");
    assert_eq!(r["trainingSite"]["address"], Value::Null);
    assert_eq!(r["trainingSite"]["studentCapacity"], 40);
    // The secretariat may too.
    let r = update(json!({ "status": "PLANNED" }), p.secretariat.clone()).await;
    assert_eq!(r["trainingSite"]["status"], "PLANNED", "{r}");

    // Another firm and a school are refused.
    for token in [&p.firm_c, &p.school] {
        let r = update(json!({ "name": "别人的" }), token.clone()).await;
        assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    }

    // Bad input: the codes of the create, and nothing written.
    let r = update(
        json!({ "name": "  ", "studentCapacity": -1 }),
        p.firm_a.clone(),
    )
    .await;
    assert_eq!(codes(&r), vec!["BLANK", "MUST_BE_NON_NEGATIVE"], "{r}");
    assert_eq!(r["trainingSite"], Value::Null);
    let r = update(json!({ "name": "长".repeat(201) }), p.firm_a.clone()).await;
    assert_eq!(codes(&r), vec!["TOO_LONG"], "{r}");
    let stored = node(
        &app,
        &site,
        "TrainingSite",
        "name studentCapacity status",
        &p.firm_a,
    )
    .await;
    assert_eq!(stored["name"], "威高厂中校（一期）");
    assert_eq!(stored["studentCapacity"], 40);
    assert_eq!(stored["status"], "PLANNED");

    // An ID of another type is NOT_FOUND.
    let firm = app.unit_id(FIRM_A).await;
    let r = app
        .mutate(
            "updateTrainingSite",
            "UpdateTrainingSiteInput",
            json!({ "id": firm, "name": "x" }),
            SITE,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
}

async fn archiving_the_one_site_that_made_a_firm_compliant_makes_it_non_compliant(app: TestApp) {
    let p = parties(&app).await;
    fulfil(&app, &p).await;
    let firm = app.unit_id(FIRM_A).await;
    assert!(
        met(&app, &firm, &p.firm_a)
            .await
            .contains(&"SCHOOL_IN_FACTORY_BASE".to_owned())
    );
    assert!(
        !not_meeting(&app, &p.secretariat, "SCHOOL_IN_FACTORY_BASE")
            .await
            .contains(&FIRM_A.to_owned())
    );
    let sites_q = "query($h: ID, $all: Boolean) { trainingSites(hostId: $h, includeArchived: $all) { nodes { id } } }";
    let site = ids(
        &app,
        sites_q,
        json!({ "h": firm }),
        &p.firm_a,
        &["trainingSites"],
    )
    .await[0]
        .clone();

    // Only the host (or the secretariat) archives it.
    for token in [&p.firm_c, &p.school] {
        let r = app
            .mutate(
                "archiveTrainingSite",
                "ArchiveInput",
                json!({ "id": site }),
                SITE,
                Some(token),
            )
            .await;
        assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    }
    let r = app
        .mutate(
            "archiveTrainingSite",
            "ArchiveInput",
            json!({ "id": site }),
            SITE,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert!(r["trainingSite"]["archivedAt"].is_string(), "{r}");
    // Twice is a wrong transition.
    let again = app
        .mutate(
            "archiveTrainingSite",
            "ArchiveInput",
            json!({ "id": site }),
            SITE,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&again), vec!["INVALID_TRANSITION"], "{again}");

    let r = app
        .mutate(
            "addSiteMentor",
            "AddSiteMentorInput",
            json!({ "siteId": site, "name": "钱师傅" }),
            "recorded",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
    // Compliance is recomputed from what remains: the firm no longer meets the rule.
    assert!(
        !met(&app, &firm, &p.firm_a)
            .await
            .contains(&"SCHOOL_IN_FACTORY_BASE".to_owned())
    );
    assert!(
        not_meeting(&app, &p.secretariat, "SCHOOL_IN_FACTORY_BASE")
            .await
            .contains(&FIRM_A.to_owned())
    );

    // Gone from the list and the unit's edge by default, there on request, readable by node().
    assert!(
        ids(
            &app,
            sites_q,
            json!({ "h": firm }),
            &p.firm_a,
            &["trainingSites"]
        )
        .await
        .is_empty()
    );
    assert_eq!(
        ids(
            &app,
            sites_q,
            json!({ "h": firm, "all": true }),
            &p.firm_a,
            &["trainingSites"]
        )
        .await,
        vec![site.clone()]
    );
    let edge_q = "query($id: ID!, $all: Boolean) { memberUnit(id: $id) { trainingSites(includeArchived: $all) { nodes { id } } } }";
    assert!(
        ids(
            &app,
            edge_q,
            json!({ "id": firm }),
            &p.firm_a,
            &["memberUnit", "trainingSites"]
        )
        .await
        .is_empty()
    );
    assert_eq!(
        ids(
            &app,
            edge_q,
            json!({ "id": firm, "all": true }),
            &p.firm_a,
            &["memberUnit", "trainingSites"]
        )
        .await
        .len(),
        1
    );
    let stored = node(&app, &site, "TrainingSite", "name archivedAt", &p.school).await;
    assert_eq!(stored["name"], "威高厂中校实训基地");
    assert!(stored["archivedAt"].is_string());
}

async fn stations_mentors_and_events_are_corrected_and_archived_and_compliance_follows(
    app: TestApp,
) {
    let p = parties(&app).await;
    let station = fulfil(&app, &p).await;
    let firm = app.unit_id(FIRM_A).await;
    let school = app.unit_id(SCHOOL).await;
    let has = |rules: &[String], r: &str| rules.iter().any(|x| x == r);

    // A station: its host corrects it; others may not; a blank name is refused.
    let st = "teacherPracticeStation { id name contactPhone archivedAt }";
    let r = app
        .mutate(
            "updateTeacherPracticeStation",
            "UpdateTeacherPracticeStationInput",
            json!({ "id": station, "name": "威高教师活动站（新）", "contactPhone": null }),
            st,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert_eq!(r["teacherPracticeStation"]["contactPhone"], Value::Null);
    let r = app
        .mutate(
            "updateTeacherPracticeStation",
            "UpdateTeacherPracticeStationInput",
            json!({ "id": station, "name": "x" }),
            st,
            Some(&p.firm_c),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"]);
    let r = app
        .mutate(
            "updateTeacherPracticeStation",
            "UpdateTeacherPracticeStationInput",
            json!({ "id": station, "name": "" }),
            st,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK"]);
    // Archived, it meets no rule, offers no posts, and leaves the lists.
    assert!(has(
        &met(&app, &firm, &p.firm_a).await,
        "PRACTICE_STATION_WITH_POSTS"
    ));
    let r = app
        .mutate(
            "archiveTeacherPracticeStation",
            "ArchiveInput",
            json!({ "id": station }),
            st,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert!(!has(
        &met(&app, &firm, &p.firm_a).await,
        "PRACTICE_STATION_WITH_POSTS"
    ));
    let r = app
        .mutate(
            "offerPracticePosts",
            "OfferPracticePostsInput",
            json!({ "stationId": station, "year": 2027, "specialty": "数控技术应用", "posts": 2 }),
            "teacherPracticeStation { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
    let q = "query($h: ID, $all: Boolean) { teacherPracticeStations(hostId: $h, includeArchived: $all) { nodes { id } } }";
    assert!(
        ids(
            &app,
            q,
            json!({ "h": firm }),
            &p.firm_a,
            &["teacherPracticeStations"]
        )
        .await
        .is_empty()
    );
    assert_eq!(
        ids(
            &app,
            q,
            json!({ "h": firm, "all": true }),
            &p.firm_a,
            &["teacherPracticeStations"]
        )
        .await,
        vec![station.clone()]
    );
    let r = app
        .mutate(
            "recordTeacherPractice",
            "RecordTeacherPracticeInput",
            json!({ "stationId": station, "teacherName": "刘老师", "specialty": "数控技术应用",
                    "startDate": "2026-07-10", "endDate": "2026-07-20", "daysOnSite": 5 }),
            "teacherPractice { id }",
            Some(&p.school),
        )
        .await;
    assert_eq!(
        codes(&r),
        vec!["INVALID_TRANSITION"],
        "no booking at an archived station: {r}"
    );
    // The teacher's confirmed stint still counts for the school: the teacher did practise.
    assert!(has(
        &met(&app, &school, &p.school).await,
        "TEACHERS_SENT_TO_PRACTICE"
    ));

    // The career mentor: a correction of the qualification to OTHER leaves the rule unmet.
    let mq = "query($id: ID!, $all: Boolean) { memberUnit(id: $id) { careerMentor(includeArchived: $all) { id } } }";
    let mentor_of = |all: bool| {
        let app = &app;
        let token = p.firm_a.clone();
        let firm = firm.clone();
        async move {
            app.post_graphql(mq, json!({ "id": firm, "all": all }), Some(&token))
                .await
                .ok()
                .data()["memberUnit"]["careerMentor"]["id"]
                .as_str()
                .map(str::to_owned)
        }
    };
    let mentor = mentor_of(false).await.unwrap();
    let cm = "careerMentor { id qualification archivedAt }";
    let r = app
        .mutate(
            "updateCareerMentor",
            "UpdateCareerMentorInput",
            json!({ "id": mentor, "qualification": "OTHER" }),
            cm,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert!(!has(&met(&app, &firm, &p.firm_a).await, "CAREER_MENTOR"));
    let r = app
        .mutate(
            "updateCareerMentor",
            "UpdateCareerMentorInput",
            json!({ "id": mentor, "qualification": "MANAGER", "title": " " }),
            cm,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK"], "{r}");
    let r = app
        .mutate(
            "updateCareerMentor",
            "UpdateCareerMentorInput",
            json!({ "id": mentor, "qualification": "MANAGER" }),
            cm,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"]);
    let r = app
        .mutate(
            "updateCareerMentor",
            "UpdateCareerMentorInput",
            json!({ "id": mentor, "qualification": "MANAGER" }),
            cm,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert!(has(&met(&app, &firm, &p.firm_a).await, "CAREER_MENTOR"));
    // Archived: unmet, hidden from the edge, readable; naming a mentor again brings it back.
    let r = app
        .mutate(
            "archiveCareerMentor",
            "ArchiveInput",
            json!({ "id": mentor }),
            cm,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert!(!has(&met(&app, &firm, &p.firm_a).await, "CAREER_MENTOR"));
    assert_eq!(mentor_of(false).await, None);
    assert_eq!(mentor_of(true).await.as_deref(), Some(mentor.as_str()));
    assert!(
        node(&app, &mentor, "CareerMentor", "archivedAt", &p.firm_a).await["archivedAt"]
            .is_string()
    );
    let r = app
        .mutate(
            "setCareerMentor",
            "SetCareerMentorInput",
            json!({ "name": "李经理", "title": "人力资源经理", "qualification": "MANAGER" }),
            cm,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(r["careerMentor"]["archivedAt"], Value::Null, "{r}");
    assert!(has(&met(&app, &firm, &p.firm_a).await, "CAREER_MENTOR"));

    // Events: only an organiser corrects or archives one.
    let eq = "query($id: ID!, $all: Boolean) { memberUnit(id: $id) { events(includeArchived: $all) { nodes { id kind } } } }";
    let r = app
        .post_graphql(eq, json!({ "id": school }), Some(&p.school))
        .await
        .ok();
    let events = r.data()["memberUnit"]["events"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let id_of = |kind: &str| {
        events.iter().find(|e| e["kind"] == kind).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (visit, jobs) = (id_of("CAMPUS_VISIT"), id_of("JOB_RECOMMENDATION"));
    let ev = "event { id title heldOn units { role confirmedAt unit { name } } }";
    let r = app
        .mutate(
            "updateEvent",
            "UpdateEventInput",
            json!({ "id": visit, "title": "改名" }),
            ev,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(
        codes(&r),
        vec!["FORBIDDEN"],
        "a participant does not correct the organiser's record: {r}"
    );
    let r = app
        .mutate(
            "updateEvent",
            "UpdateEventInput",
            json!({ "id": visit, "participantsCount": -3 }),
            ev,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["MUST_BE_NON_NEGATIVE"], "{r}");
    // A new title keeps the firm's confirmation; a new date withdraws it until it confirms again.
    let r = app
        .mutate(
            "updateEvent",
            "UpdateEventInput",
            json!({ "id": visit, "title": "威高进校园（秋季）" }),
            ev,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert!(has(&met(&app, &firm, &p.firm_a).await, "CAMPUS_VISIT"));
    let r = app
        .mutate(
            "updateEvent",
            "UpdateEventInput",
            json!({ "id": visit, "heldOn": "2026-10-16" }),
            ev,
            Some(&p.school),
        )
        .await;
    assert_eq!(r["event"]["heldOn"], "2026-10-16", "{r}");
    assert!(!has(&met(&app, &firm, &p.firm_a).await, "CAMPUS_VISIT"));
    let r = app
        .mutate(
            "confirmEvent",
            "ConfirmEventInput",
            json!({ "id": visit }),
            "event { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert!(has(&met(&app, &firm, &p.firm_a).await, "CAMPUS_VISIT"));
    // Archived (withdrawn): no one's compliance counts it; the edge hides it unless asked.
    let r = app
        .mutate(
            "archiveEvent",
            "ArchiveInput",
            json!({ "id": jobs }),
            "event { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    assert!(has(
        &met(&app, &school, &p.school).await,
        "JOB_RECOMMENDATION_EVENT"
    ));
    let r = app
        .mutate(
            "archiveEvent",
            "ArchiveInput",
            json!({ "id": jobs }),
            "event { id }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert!(!has(
        &met(&app, &school, &p.school).await,
        "JOB_RECOMMENDATION_EVENT"
    ));
    let r = app
        .post_graphql(eq, json!({ "id": school }), Some(&p.school))
        .await
        .ok();
    assert_eq!(
        r.data()["memberUnit"]["events"]["nodes"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let r = app
        .post_graphql(eq, json!({ "id": school, "all": true }), Some(&p.school))
        .await
        .ok();
    assert_eq!(
        r.data()["memberUnit"]["events"]["nodes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let q = "query($all: Boolean) { events(includeArchived: $all) { nodes { id } } }";
    assert!(
        !ids(&app, q, json!({}), &p.school, &["events"])
            .await
            .contains(&jobs)
    );
    assert!(
        ids(&app, q, json!({ "all": true }), &p.school, &["events"])
            .await
            .contains(&jobs)
    );
}

async fn craftsmen_are_corrected_and_archived_and_assignments_withdrawn(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    let cf = "craftsman { id name phone archivedAt }";
    let c = app
        .mutate(
            "addCraftsman",
            "AddCraftsmanInput",
            json!({ "name": "赵工匠", "specialties": ["焊接"], "phone": "13800000000" }),
            cf,
            Some(&p.firm_a),
        )
        .await;
    let craftsman = c["craftsman"]["id"].as_str().unwrap().to_owned();

    let r = app
        .mutate(
            "updateCraftsman",
            "UpdateCraftsmanInput",
            json!({ "id": craftsman, "name": "赵大工匠", "phone": null }),
            cf,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert_eq!(r["craftsman"]["name"], "赵大工匠");
    assert_eq!(r["craftsman"]["phone"], Value::Null);
    for token in [&p.firm_c, &p.school] {
        let r = app
            .mutate(
                "updateCraftsman",
                "UpdateCraftsmanInput",
                json!({ "id": craftsman, "name": "x" }),
                cf,
                Some(token),
            )
            .await;
        assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    }
    let r = app
        .mutate(
            "updateCraftsman",
            "UpdateCraftsmanInput",
            json!({ "id": craftsman, "name": "" }),
            cf,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK"], "{r}");

    // The school's assignment: the school withdraws it, the firm may not, and nobody answers it.
    let af = "craftsmanAssignment { id confirmedAt withdrawnAt }";
    let assign = json!({ "craftsmanId": craftsman, "role": "PART_TIME_TEACHER", "term": "2026-2027-1", "hours": 64 });
    let a = app
        .mutate(
            "assignCraftsman",
            "AssignCraftsmanInput",
            assign.clone(),
            af,
            Some(&p.school),
        )
        .await;
    let assignment = a["craftsmanAssignment"]["id"].as_str().unwrap().to_owned();
    for token in [&p.firm_a, &p.school_2] {
        let r = app
            .mutate(
                "withdrawCraftsmanAssignment",
                "ArchiveInput",
                json!({ "id": assignment }),
                af,
                Some(token),
            )
            .await;
        assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    }
    let r = app
        .mutate(
            "withdrawCraftsmanAssignment",
            "ArchiveInput",
            json!({ "id": assignment }),
            af,
            Some(&p.school),
        )
        .await;
    assert!(r["craftsmanAssignment"]["withdrawnAt"].is_string(), "{r}");
    let r = app
        .mutate(
            "withdrawCraftsmanAssignment",
            "ArchiveInput",
            json!({ "id": assignment }),
            af,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
    let r = app
        .mutate(
            "confirmCraftsmanAssignment",
            "CraftsmanAssignmentIdInput",
            json!({ "id": assignment }),
            af,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");

    // The craftsman leaves the pool: hidden from the lists, readable, assigned no more.
    let r = app
        .mutate(
            "archiveCraftsman",
            "ArchiveInput",
            json!({ "id": craftsman }),
            cf,
            Some(&p.firm_c),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = app
        .mutate(
            "archiveCraftsman",
            "ArchiveInput",
            json!({ "id": craftsman }),
            cf,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let q = "query($u: ID, $all: Boolean) { craftsmen(unitIdFilter: $u, includeArchived: $all) { nodes { id } } }";
    assert!(
        ids(&app, q, json!({ "u": firm }), &p.school, &["craftsmen"])
            .await
            .is_empty()
    );
    assert_eq!(
        ids(
            &app,
            q,
            json!({ "u": firm, "all": true }),
            &p.school,
            &["craftsmen"]
        )
        .await,
        vec![craftsman.clone()]
    );
    let eq = "query($id: ID!, $all: Boolean) { memberUnit(id: $id) { craftsmen(includeArchived: $all) { nodes { id } } } }";
    assert!(
        ids(
            &app,
            eq,
            json!({ "id": firm }),
            &p.school,
            &["memberUnit", "craftsmen"]
        )
        .await
        .is_empty()
    );
    assert_eq!(
        node(&app, &craftsman, "Craftsman", "name", &p.school).await["name"],
        "赵大工匠"
    );
    let r = app
        .mutate(
            "assignCraftsman",
            "AssignCraftsmanInput",
            assign,
            af,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
}

async fn apprenticeships_end_completed_or_terminated_and_overdue_ones_are_listed(app: TestApp) {
    let p = parties(&app).await;
    let school = app.unit_id(SCHOOL).await;
    let af = "apprenticeship { id status endDate endedOn terminationReason overdue }";
    let base = json!({ "schoolId": school, "apprenticeName": "孙学徒", "hireDate": "2024-07-01", "post": "装配工",
        "firmMentor": "张师傅", "schoolMentor": "王老师", "mode": "PART_TIME", "startDate": "2024-09-01" });

    // No document states how long an apprenticeship lasts: the firm must plan its end.
    let r = app
        .mutate(
            "createApprenticeship",
            "CreateApprenticeshipInput",
            base.clone(),
            af,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK"], "{r}");
    let mut input = base.clone();
    input["endDate"] = json!("2025-08-31");
    let r = app
        .mutate(
            "createApprenticeship",
            "CreateApprenticeshipInput",
            input,
            af,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(
        r["apprenticeship"]["overdue"], true,
        "past its planned end and still ACTIVE: {r}"
    );
    let late = r["apprenticeship"]["id"].as_str().unwrap().to_owned();
    let mut input = base.clone();
    input["endDate"] = json!("2099-08-31");
    let r = app
        .mutate(
            "createApprenticeship",
            "CreateApprenticeshipInput",
            input,
            af,
            Some(&p.firm_a),
        )
        .await;
    let current = r["apprenticeship"]["id"].as_str().unwrap().to_owned();
    assert_eq!(r["apprenticeship"]["overdue"], false, "{r}");

    // The secretariat's list to chase.
    let q = "query($o: Boolean) { apprenticeships(overdue: $o) { nodes { id } } }";
    assert_eq!(
        ids(
            &app,
            q,
            json!({ "o": true }),
            &p.secretariat,
            &["apprenticeships"]
        )
        .await,
        vec![late.clone()]
    );
    assert_eq!(
        ids(
            &app,
            q,
            json!({ "o": false }),
            &p.secretariat,
            &["apprenticeships"]
        )
        .await,
        vec![current.clone()]
    );
    assert_eq!(
        ids(&app, q, json!({}), &p.secretariat, &["apprenticeships"])
            .await
            .len(),
        2
    );

    // Corrections: the firm only; the end not before the start.
    let r = app
        .mutate(
            "updateApprenticeship",
            "UpdateApprenticeshipInput",
            json!({ "id": late, "post": "焊工" }),
            af,
            Some(&p.school),
        )
        .await;
    assert_eq!(
        codes(&r),
        vec!["FORBIDDEN"],
        "the partner school reads but does not correct: {r}"
    );
    let r = app
        .mutate(
            "updateApprenticeship",
            "UpdateApprenticeshipInput",
            json!({ "id": late, "endDate": "2024-01-01" }),
            af,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let r = app
        .mutate(
            "updateApprenticeship",
            "UpdateApprenticeshipInput",
            json!({ "id": late, "endDate": "2099-01-01", "post": "焊工" }),
            af,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(r["apprenticeship"]["overdue"], false, "{r}");
    assert!(
        ids(
            &app,
            q,
            json!({ "o": true }),
            &p.secretariat,
            &["apprenticeships"]
        )
        .await
        .is_empty()
    );

    // Completing and terminating: ACTIVE only, a real last day, a reason to end early.
    let end = |name: &'static str, ty: &'static str, input: Value, token: String| {
        let app = &app;
        async move { app.mutate(name, ty, input, af, Some(&token)).await }
    };
    let r = end(
        "completeApprenticeship",
        "CompleteApprenticeshipInput",
        json!({ "id": late, "endDate": "2025-06-30" }),
        p.school.clone(),
    )
    .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = end(
        "completeApprenticeship",
        "CompleteApprenticeshipInput",
        json!({ "id": late, "endDate": "2024-08-01" }),
        p.firm_a.clone(),
    )
    .await;
    assert_eq!(codes(&r), vec!["INVALID"], "before the first day: {r}");
    let r = end(
        "terminateApprenticeship",
        "TerminateApprenticeshipInput",
        json!({ "id": current, "endDate": "2025-03-01", "reason": "  " }),
        p.firm_a.clone(),
    )
    .await;
    assert_eq!(codes(&r), vec!["BLANK"], "{r}");
    let r = end(
        "terminateApprenticeship",
        "TerminateApprenticeshipInput",
        json!({ "id": current, "endDate": "2025-03-01", "reason": "长".repeat(10_001) }),
        p.firm_a.clone(),
    )
    .await;
    assert_eq!(
        codes(&r),
        vec!["BAD_USER_INPUT"],
        "past every text's ceiling: {r}"
    );
    let r = end(
        "terminateApprenticeship",
        "TerminateApprenticeshipInput",
        json!({ "id": current, "endDate": "2025-03-01", "reason": "学徒离职" }),
        p.firm_a.clone(),
    )
    .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let a = &r["apprenticeship"];
    assert_eq!(
        (
            a["status"].as_str(),
            a["endedOn"].as_str(),
            a["terminationReason"].as_str()
        ),
        (Some("TERMINATED"), Some("2025-03-01"), Some("学徒离职"))
    );
    assert_eq!(a["overdue"], false);
    let r = end(
        "completeApprenticeship",
        "CompleteApprenticeshipInput",
        json!({ "id": late, "endDate": "2025-06-30" }),
        p.secretariat.clone(),
    )
    .await;
    assert_eq!(r["apprenticeship"]["status"], "COMPLETED", "{r}");
    for (name, ty, input) in [
        (
            "completeApprenticeship",
            "CompleteApprenticeshipInput",
            json!({ "id": late, "endDate": "2025-06-30" }),
        ),
        (
            "terminateApprenticeship",
            "TerminateApprenticeshipInput",
            json!({ "id": current, "endDate": "2025-03-01", "reason": "再次" }),
        ),
    ] {
        let r = end(name, ty, input, p.firm_a.clone()).await;
        assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
    }
}

async fn a_student_who_left_is_archived_by_the_school_and_keeps_the_placements(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    let school = app.unit_id(SCHOOL).await;
    let s = student(&app, &p.school, "L001", "2007-03-01", 3).await;
    let id = s["student"]["id"].as_str().unwrap().to_owned();
    let r = report(&app, &p.school, good("L001", &firm)).await;
    let placement = r["internshipPlacement"]["id"].as_str().unwrap().to_owned();

    let sf = "student { id name archivedAt }";
    for token in [&p.school_2, &p.firm_a, &p.secretariat] {
        let r = app
            .mutate(
                "archiveStudent",
                "ArchiveInput",
                json!({ "id": id }),
                sf,
                Some(token),
            )
            .await;
        assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    }
    let r = app
        .mutate(
            "archiveStudent",
            "ArchiveInput",
            json!({ "id": id }),
            sf,
            Some(&p.school),
        )
        .await;
    assert!(r["student"]["archivedAt"].is_string(), "{r}");
    let r = app
        .mutate(
            "archiveStudent",
            "ArchiveInput",
            json!({ "id": id }),
            sf,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");

    let q = "query($id: ID!, $all: Boolean) { memberUnit(id: $id) { students(includeArchived: $all) { nodes { id } } } }";
    assert!(
        ids(
            &app,
            q,
            json!({ "id": school }),
            &p.school,
            &["memberUnit", "students"]
        )
        .await
        .is_empty()
    );
    assert_eq!(
        ids(
            &app,
            q,
            json!({ "id": school, "all": true }),
            &p.school,
            &["memberUnit", "students"]
        )
        .await,
        vec![id.clone()]
    );
    assert!(node(&app, &id, "Student", "archivedAt", &p.school).await["archivedAt"].is_string());
    // The placement is kept, with its student.
    let pl = node(
        &app,
        &placement,
        "InternshipPlacement",
        "student { id }",
        &p.school,
    )
    .await;
    assert_eq!(pl["student"]["id"], id.as_str());
    // saveStudent corrects the record by its number; it stays archived.
    let s = student(&app, &p.school, "L001", "2007-03-01", 3).await;
    assert_eq!(s["student"]["id"], id.as_str(), "{s}");
    assert!(node(&app, &id, "Student", "archivedAt", &p.school).await["archivedAt"].is_string());
}

async fn corrections_and_archives_are_in_the_audit_trail(app: TestApp) {
    let p = parties(&app).await;
    let site = create_site(&app, &p.firm_a).await;
    let r = app
        .mutate(
            "updateTrainingSite",
            "UpdateTrainingSiteInput",
            json!({ "id": site, "name": "新名称" }),
            SITE,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let r = app
        .mutate(
            "archiveTrainingSite",
            "ArchiveInput",
            json!({ "id": site }),
            SITE,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");

    let reply = app
        .post_graphql(
            "query($f: AuditEventFilter) { auditEvents(filter: $f, first: 10) { nodes { action operation ownerUnit { name } changes { field before after } } } }",
            json!({ "f": { "objectId": site } }),
            Some(&p.firm_a),
        )
        .await
        .ok();
    let list = reply.data()["auditEvents"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let ops: Vec<&str> = list
        .iter()
        .map(|e| e["operation"].as_str().unwrap())
        .collect();
    assert_eq!(
        ops,
        vec![
            "archiveTrainingSite",
            "updateTrainingSite",
            "createTrainingSite"
        ],
        "{list:?}"
    );
    let field = |e: &Value, f: &str| {
        e["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["field"] == f)
            .cloned()
    };
    let archived = &list[0];
    assert_eq!(archived["action"], "UPDATE");
    assert_eq!(archived["ownerUnit"]["name"], FIRM_A);
    let change = field(archived, "archived_at").unwrap_or_else(|| panic!("{archived}"));
    assert!(change["after"].is_string(), "{change}");
    assert_ne!(change["after"], change["before"]);
    let renamed = field(&list[1], "name").unwrap_or_else(|| panic!("{}", list[1]));
    assert_eq!(
        (renamed["before"].as_str(), renamed["after"].as_str()),
        (Some("\"威高厂中校\""), Some("\"新名称\""))
    );
}
