//! Navigating from a member unit to everything it does (`MemberUnit.internshipPlacements`,
//! `.orderClasses`, …) and back (`Student.enrolments`, `OrderClass.internshipPlacements`): each
//! edge scoped as its top-level list, paged, filtered, and loaded for a whole page of parents in a
//! fixed number of SQL statements.

use alliance_tests::{TestApp, both_databases, codes};
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, FIRM_B, Parties, SCHOOL, parties, with};
use crate::order_classes::proposed_class;
use crate::placements::{good, report, student};
use crate::plan::fulfil;

both_databases!(
    a_units_placements_are_scoped_to_the_caller_as_the_top_level_list_is,
    edges_page_filter_and_pick_a_side,
    every_edge_of_a_member_unit_answers_with_its_rows,
    a_page_of_units_with_their_edges_stays_within_one_statement_budget_for_10_and_100_units,
    reverse_edges_lead_from_students_and_classes_to_their_records,
    a_sites_page_shows_the_placements_that_take_place_there,
    the_scoping_matrix_of_the_edges_that_carry_personal_or_private_records
);

/// Three placements: the school's two students at firms A and B, school 2's one at firm A.
pub(crate) async fn placements(app: &TestApp, p: &Parties) {
    let a = app.unit_id(FIRM_A).await;
    let b = app.unit_id(FIRM_B).await;
    for (token, number, host, post) in [
        (&p.school, "E001", &a, "数控车工"),
        (&p.school, "E002", &b, "装配工"),
        (&p.school_2, "E101", &a, "质检员"),
    ] {
        student(app, token, number, "2007-03-01", 3).await;
        let r = report(
            app,
            token,
            with(good(number, host), json!({ "postTitle": post })),
        )
        .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
}

const UNIT_PLACEMENTS: &str = "query($id: ID!, $role: InternshipPlacementRole) { memberUnit(id: $id) { internshipPlacements(role: $role) { totalCount nodes { postTitle school { name } hostName } } } }";

/// The post titles of `unit`'s placements as `token` sees them, and the total.
async fn unit_placements(
    app: &TestApp,
    unit: &str,
    role: Option<&str>,
    token: Option<&str>,
) -> (Vec<String>, u64) {
    let reply = app
        .post_graphql(
            UNIT_PLACEMENTS,
            json!({ "id": app.unit_id(unit).await, "role": role }),
            token,
        )
        .await
        .ok();
    let conn = &reply.data()["memberUnit"]["internshipPlacements"];
    let mut posts: Vec<String> = conn["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["postTitle"].as_str().unwrap().to_owned())
        .collect();
    posts.sort();
    (posts, conn["totalCount"].as_u64().unwrap())
}

fn titles(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
    v.sort();
    v
}

async fn a_units_placements_are_scoped_to_the_caller_as_the_top_level_list_is(app: TestApp) {
    let p = parties(&app).await;
    placements(&app, &p).await;

    // The secretariat sees everything on both sides.
    assert_eq!(
        unit_placements(&app, FIRM_A, None, Some(&p.secretariat)).await,
        (titles(&["数控车工", "质检员"]), 2)
    );
    assert_eq!(
        unit_placements(&app, SCHOOL, None, Some(&p.secretariat)).await,
        (titles(&["数控车工", "装配工"]), 2)
    );
    // The host sees the placements it hosts, of every school.
    assert_eq!(
        unit_placements(&app, FIRM_A, None, Some(&p.firm_a)).await,
        (titles(&["数控车工", "质检员"]), 2)
    );
    // A school looking at a firm sees only its own students there.
    assert_eq!(
        unit_placements(&app, FIRM_A, None, Some(&p.school)).await,
        (titles(&["数控车工"]), 1)
    );
    // A firm looking at a school sees only what it hosts.
    assert_eq!(
        unit_placements(&app, SCHOOL, None, Some(&p.firm_b)).await,
        (titles(&["装配工"]), 1)
    );
    // A firm with no part in them sees none, and the total says so.
    assert_eq!(
        unit_placements(&app, SCHOOL, None, Some(&p.firm_c)).await,
        (vec![], 0)
    );
    // Students of a school: the school itself; not another school, not an unrelated firm.
    let students = "query($id: ID!) { memberUnit(id: $id) { students { totalCount nodes { name studentNumber } } } }";
    let school = app.unit_id(SCHOOL).await;
    for (token, expected) in [
        (&p.school, 2),
        (&p.school_2, 0),
        (&p.firm_a, 0),
        (&p.secretariat, 2),
    ] {
        let reply = app
            .post_graphql(students, json!({ "id": school }), Some(token))
            .await
            .ok();
        assert_eq!(
            reply.data()["memberUnit"]["students"]["totalCount"],
            expected,
            "{:?}",
            reply.data()
        );
    }
    // Without a token the registry is public, its edges are not.
    let reply = app
        .post_graphql(UNIT_PLACEMENTS, json!({ "id": school, "role": null }), None)
        .await;
    assert_eq!(reply.error_codes(), vec!["UNAUTHENTICATED"]);
}

async fn edges_page_filter_and_pick_a_side(app: TestApp) {
    let p = parties(&app).await;
    placements(&app, &p).await;
    // Sides: the school hosts nothing, firm A hosts two and has no students.
    assert_eq!(
        unit_placements(&app, SCHOOL, Some("HOST"), Some(&p.secretariat)).await,
        (vec![], 0)
    );
    assert_eq!(
        unit_placements(&app, FIRM_A, Some("SCHOOL"), Some(&p.secretariat)).await,
        (vec![], 0)
    );
    assert_eq!(
        unit_placements(&app, FIRM_A, Some("HOST"), Some(&p.secretariat)).await,
        (titles(&["数控车工", "质检员"]), 2)
    );

    // Paging forward one at a time, newest first, then back.
    let q = "query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: InternshipPlacementFilter) { memberUnit(id: $id) { internshipPlacements(first: $first, after: $after, last: $last, before: $before, filter: $filter) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { postTitle } } } }";
    let school = app.unit_id(SCHOOL).await;
    let page = |vars: Value| {
        let app = &app;
        let token = p.secretariat.clone();
        async move {
            app.post_graphql(q, vars, Some(&token)).await.ok().data()["memberUnit"]
                ["internshipPlacements"]
                .clone()
        }
    };
    let first = page(json!({ "id": school, "first": 1 })).await;
    assert_eq!(first["totalCount"], 2);
    assert_eq!(first["nodes"][0]["postTitle"], "装配工", "newest first");
    assert_eq!(first["pageInfo"]["hasNextPage"], true);
    let second =
        page(json!({ "id": school, "first": 1, "after": first["pageInfo"]["endCursor"] })).await;
    assert_eq!(second["nodes"][0]["postTitle"], "数控车工");
    assert_eq!(second["pageInfo"]["hasNextPage"], false);
    assert_eq!(second["pageInfo"]["hasPreviousPage"], true);
    let back =
        page(json!({ "id": school, "last": 1, "before": second["pageInfo"]["startCursor"] })).await;
    assert_eq!(back["nodes"][0]["postTitle"], "装配工");
    let last = page(json!({ "id": school, "last": 1 })).await;
    assert_eq!(
        last["nodes"][0]["postTitle"], "数控车工",
        "last is the oldest"
    );
    assert_eq!(last["pageInfo"]["hasPreviousPage"], true);

    // The top-level list's filter applies.
    let searched = page(json!({ "id": school, "filter": { "search": "装配" } })).await;
    assert_eq!(searched["totalCount"], 1);
    assert_eq!(searched["nodes"][0]["postTitle"], "装配工");
    let none = page(json!({ "id": school, "filter": { "startYear": 2030 } })).await;
    assert_eq!(none["totalCount"], 0);
    // Bad paging is the top-level list's error.
    let reply = app
        .post_graphql(
            q,
            json!({ "id": school, "first": -1 }),
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(reply.error_codes(), vec!["BAD_USER_INPUT"]);
}

const EVERYTHING: &str = r#"query($id: ID!) { memberUnit(id: $id) {
  name
  orderClassDemands { totalCount nodes { specialtyName } }
  posted: orderClassDemands(role: POSTER) { totalCount }
  joined: orderClassDemands(role: JOINER) { totalCount }
  orderClasses { totalCount nodes { name } }
  sponsored: orderClasses(role: SPONSOR) { totalCount }
  students { totalCount }
  internshipPlacements { totalCount }
  trainingSites { totalCount nodes { name } }
  partnered: trainingSites(role: PARTNER) { totalCount }
  teacherPracticeStations { totalCount nodes { name } }
  teacherPractices { totalCount nodes { teacherName } }
  craftsmen { totalCount }
  careerMentor { name qualification }
  apprenticeships { totalCount }
  events { totalCount nodes { title } }
  organised: events(role: ORGANISER) { totalCount }
  jobEvents: events(kinds: [JOB_RECOMMENDATION], year: 2026) { totalCount }
  graduateOutcomes { totalCount }
} }"#;

async fn everything(app: &TestApp, unit: &str, token: &str) -> Value {
    let reply = app
        .post_graphql(
            EVERYTHING,
            json!({ "id": app.unit_id(unit).await }),
            Some(token),
        )
        .await
        .ok();
    reply.data()["memberUnit"].clone()
}

async fn every_edge_of_a_member_unit_answers_with_its_rows(app: TestApp) {
    let p = parties(&app).await;
    fulfil(&app, &p).await;
    proposed_class(&app, &p).await;
    let school = app.unit_id(SCHOOL).await;
    let apprenticeship = app.mutate("createApprenticeship", "CreateApprenticeshipInput", json!({ "schoolId": school, "apprenticeName": "孙学徒", "hireDate": "2026-07-01", "post": "装配工", "firmMentor": "张师傅", "schoolMentor": "王老师", "mode": "PART_TIME", "startDate": "2026-09-01", "endDate": "2028-08-31" }), "apprenticeship { id }", Some(&p.firm_a)).await;
    assert_eq!(
        codes(&apprenticeship),
        Vec::<String>::new(),
        "{apprenticeship}"
    );

    let firm = everything(&app, FIRM_A, &p.secretariat).await;
    assert_eq!(firm["orderClassDemands"]["totalCount"], 1, "{firm}");
    assert_eq!(firm["posted"]["totalCount"], 1);
    assert_eq!(firm["joined"]["totalCount"], 0);
    assert_eq!(firm["orderClasses"]["totalCount"], 1, "sponsored");
    assert_eq!(firm["sponsored"]["totalCount"], 1);
    assert_eq!(
        firm["trainingSites"]["nodes"][0]["name"],
        "威高厂中校实训基地"
    );
    assert_eq!(firm["partnered"]["totalCount"], 0);
    assert_eq!(
        firm["teacherPracticeStations"]["nodes"][0]["name"],
        "威高教师活动站"
    );
    assert_eq!(
        firm["teacherPractices"]["nodes"][0]["teacherName"],
        "王老师"
    );
    assert_eq!(firm["careerMentor"]["qualification"], "MANAGER");
    assert_eq!(firm["apprenticeships"]["totalCount"], 1);
    assert_eq!(firm["events"]["totalCount"], 1, "took part in the visit");
    assert_eq!(firm["organised"]["totalCount"], 0);

    let joiner = everything(&app, FIRM_B, &p.secretariat).await;
    assert_eq!(joiner["joined"]["totalCount"], 1, "{joiner}");
    assert_eq!(joiner["posted"]["totalCount"], 0);

    let s = everything(&app, SCHOOL, &p.secretariat).await;
    assert_eq!(
        s["orderClasses"]["nodes"][0]["name"], "威高数控订单班",
        "{s}"
    );
    assert_eq!(s["sponsored"]["totalCount"], 0);
    assert_eq!(
        s["partnered"]["totalCount"], 1,
        "the school-in-factory base"
    );
    assert_eq!(s["teacherPractices"]["totalCount"], 1);
    assert_eq!(s["apprenticeships"]["totalCount"], 1);
    assert_eq!(s["organised"]["totalCount"], 2);
    assert_eq!(s["jobEvents"]["totalCount"], 1);
    assert_eq!(s["craftsmen"]["totalCount"], 0);

    // Another school sees the public parts, not the school's stints or apprentices.
    let other = everything(&app, SCHOOL, &p.school_2).await;
    assert_eq!(other["teacherPractices"]["totalCount"], 0, "{other}");
    assert_eq!(other["apprenticeships"]["totalCount"], 0);
    assert_eq!(other["events"]["totalCount"], 2);
}

const PAGE_WITH_EDGES: &str = r#"query($first: Int!) { memberUnits(first: $first) { nodes {
  name
  internshipPlacements(first: 5) { totalCount nodes { postTitle student { name } host { name } } }
  orderClasses(first: 5) { totalCount nodes { name school { name } } }
  orderClassDemands(first: 5) { nodes { specialtyName } }
  trainingSites(first: 5) { totalCount nodes { name partners { unit { name } } } }
  teacherPracticeStations(first: 5) { nodes { name } }
  teacherPractices(first: 5) { nodes { teacherName } }
  careerMentor { name }
  events(first: 5) { totalCount nodes { title } }
  students(first: 5) { totalCount nodes { name enrolments(first: 3) { totalCount } internshipPlacements(first: 3) { totalCount } } }
} } }"#;

async fn a_page_of_units_with_their_edges_stays_within_one_statement_budget_for_10_and_100_units(
    app: TestApp,
) {
    let p = parties(&app).await;
    placements(&app, &p).await;
    fulfil(&app, &p).await;
    proposed_class(&app, &p).await;
    let mut counts = Vec::new();
    for first in [10, 100] {
        let (statements, reply) = app
            .count_statements(app.post_graphql(
                PAGE_WITH_EDGES,
                json!({ "first": first }),
                Some(&p.secretariat),
            ))
            .await;
        let reply = reply.ok();
        let nodes = reply.data()["memberUnits"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), first);
        let school = nodes.iter().find(|n| n["name"] == SCHOOL).unwrap();
        assert_eq!(school["internshipPlacements"]["totalCount"], 2);
        assert_eq!(school["students"]["totalCount"], 2);
        let firm = nodes.iter().find(|n| n["name"] == FIRM_A).unwrap();
        assert_eq!(firm["internshipPlacements"]["totalCount"], 2);
        assert_eq!(firm["trainingSites"]["totalCount"], 1);
        println!(
            "{:?}: memberUnits(first: {first}) with 10 edges: {statements} statements",
            app.backend
        );
        counts.push(statements);
    }
    // The budget, whatever the page size: the account; the units' count and page; each edge's
    // rows (11 edges, two of them under students) and, where `totalCount` is selected, its counts
    // (7); the nested loaders once each (the placements' students, their schools and hosts, the
    // classes' schools, the sites' partners and their units); and the record of the secretariat's
    // reading the students' names (one insert). Loaders that are primed at the same moment may
    // share a statement, so a run can take fewer, never more.
    const BUDGET: u64 = 3 + 11 + 7 + 5 + 1;
    for (first, n) in [10, 100].into_iter().zip(&counts) {
        assert!(
            *n <= BUDGET,
            "memberUnits(first: {first}): {n} statements > {BUDGET}"
        );
    }
}

async fn reverse_edges_lead_from_students_and_classes_to_their_records(app: TestApp) {
    let p = parties(&app).await;
    placements(&app, &p).await;
    let (_, class) = proposed_class(&app, &p).await;
    for token in [&p.firm_a, &p.school, &p.firm_b] {
        let r = app
            .mutate(
                "acceptOrderClass",
                "OrderClassIdInput",
                json!({ "id": class }),
                "orderClass { status }",
                Some(token),
            )
            .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
    let r = app
        .mutate(
            "startOrderClassRecruiting",
            "OrderClassIdInput",
            json!({ "id": class }),
            "orderClass { status }",
            Some(&p.school),
        )
        .await;
    assert_eq!(r["orderClass"]["status"], "RECRUITING", "{r}");
    let r = app.mutate("enrolStudent", "EnrolStudentInput",
        json!({ "orderClassId": class, "studentNumber": "E201", "name": "学生E201", "gender": "MALE", "dateOfBirth": "2007-03-01", "targetGroup": "REGULAR" }),
        "enrolment { id }", Some(&p.school)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let a = app.unit_id(FIRM_A).await;
    let r = report(
        &app,
        &p.school,
        with(
            good("E201", &a),
            json!({ "orderClassId": class, "postTitle": "订单班岗位" }),
        ),
    )
    .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");

    let q = "query($id: ID!) { memberUnit(id: $id) { students { nodes { studentNumber internshipPlacements { totalCount nodes { postTitle } } enrolments { totalCount nodes { targetGroup } } } } } }";
    let reply = app
        .post_graphql(
            q,
            json!({ "id": app.unit_id(SCHOOL).await }),
            Some(&p.school),
        )
        .await
        .ok();
    let students = reply.data()["memberUnit"]["students"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let of = |number: &str| {
        students
            .iter()
            .find(|s| s["studentNumber"] == number)
            .unwrap()
            .clone()
    };
    assert_eq!(of("E002")["internshipPlacements"]["totalCount"], 1);
    assert_eq!(
        of("E002")["internshipPlacements"]["nodes"][0]["postTitle"],
        "装配工"
    );
    assert_eq!(of("E002")["enrolments"]["totalCount"], 0);
    assert_eq!(of("E201")["enrolments"]["totalCount"], 1);
    assert_eq!(
        of("E201")["enrolments"]["nodes"][0]["targetGroup"],
        "REGULAR"
    );

    // The class's placements: its school and the host see it; an unrelated firm does not.
    let q = "query($id: ID!) { orderClass(id: $id) { internshipPlacements { totalCount nodes { postTitle } } } }";
    for (token, expected) in [
        (&p.school, 1),
        (&p.firm_a, 1),
        (&p.firm_c, 0),
        (&p.school_2, 0),
    ] {
        let reply = app
            .post_graphql(q, json!({ "id": class }), Some(token))
            .await
            .ok();
        assert_eq!(
            reply.data()["orderClass"]["internshipPlacements"]["totalCount"],
            expected,
            "{:?}",
            reply.data()
        );
    }
    let reply = app
        .post_graphql(q, json!({ "id": class }), Some(&p.secretariat))
        .await
        .ok();
    assert_eq!(
        reply.data()["orderClass"]["internshipPlacements"]["nodes"][0]["postTitle"],
        "订单班岗位"
    );
}

async fn a_sites_page_shows_the_placements_that_take_place_there(app: TestApp) {
    let p = parties(&app).await;
    fulfil(&app, &p).await;
    let a = app.unit_id(FIRM_A).await;
    let sites = app
        .post_graphql(
            "{ trainingSites { nodes { id name } } }",
            json!({}),
            Some(&p.school),
        )
        .await
        .ok();
    let site = sites.data()["trainingSites"]["nodes"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (number, at_site) in [("G001", true), ("G002", false)] {
        student(&app, &p.school, number, "2007-03-01", 3).await;
        let input = if at_site {
            with(good(number, &a), json!({ "trainingSiteId": site }))
        } else {
            good(number, &a)
        };
        let r = report(&app, &p.school, input).await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
    let q = "query($id: ID!) { node(id: $id) { ... on TrainingSite { name internshipPlacements { totalCount nodes { student { name } } } } } }";
    for (token, expected) in [
        (&p.school, 1),
        (&p.firm_a, 1),
        (&p.secretariat, 1),
        (&p.firm_b, 0),
        (&p.school_2, 0),
    ] {
        let reply = app
            .post_graphql(q, json!({ "id": site }), Some(token))
            .await
            .ok();
        assert_eq!(
            reply.data()["node"]["internshipPlacements"]["totalCount"],
            expected,
            "{:?}",
            reply.data()
        );
    }
    let reply = app
        .post_graphql(q, json!({ "id": site }), Some(&p.school))
        .await
        .ok();
    assert_eq!(
        reply.data()["node"]["internshipPlacements"]["nodes"][0]["student"]["name"],
        "学生G001"
    );
}

/// Who sees what through a unit's edges: the same rows as the top-level lists, for each role.
/// Columns: the school, another school, the host firm A, firm B (hosts one of the school's
/// placements), firm C (no part), the secretariat, a working committee's staff (the shared record,
/// no personal data), a third-party evaluator (nothing: refused, or no rows).
async fn the_scoping_matrix_of_the_edges_that_carry_personal_or_private_records(app: TestApp) {
    use crate::fixtures::{FIRM_C, SCHOOL_2};
    let p = parties(&app).await;
    placements(&app, &p).await;
    fulfil(&app, &p).await;
    proposed_class(&app, &p).await;
    let school = app.unit_id(SCHOOL).await;
    let r = app.mutate("createApprenticeship", "CreateApprenticeshipInput", json!({ "schoolId": school, "apprenticeName": "孙学徒", "hireDate": "2026-07-01", "post": "装配工", "firmMentor": "张师傅", "schoolMentor": "王老师", "mode": "PART_TIME", "startDate": "2026-09-01", "endDate": "2028-08-31" }), "apprenticeship { id }", Some(&p.firm_a)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let r = app.mutate("recordGraduateOutcome", "RecordGraduateOutcomeInput", json!({ "studentNumber": "E001", "graduationYear": 2026, "status": "EMPLOYED", "inWeihai": true, "reportedOn": "2026-07-10" }), "graduateOutcome { status }", Some(&p.school)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    // A draft demand of firm C: its own and the secretariat's only.
    let r = app.mutate("createOrderClassDemand", "CreateOrderClassDemandInput", json!({ "specialtyName": "焊接技术应用", "headcount": 10, "startYear": 2027, "startTerm": "AUTUMN" }), "orderClassDemand { id }", Some(&p.firm_c)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    // People and platforms: a nomination (personal), a base and a certification (shared); the
    // pool's teacher is the one `fulfil` booked practice for.
    let student = app
        .post_graphql(
            "query($id: ID!) { memberUnit(id: $id) { students(first: 1) { nodes { id } } } }",
            json!({ "id": school }),
            Some(&p.school),
        )
        .await
        .ok();
    let r = app.mutate("nominateReserveCraftsman", "NominateReserveCraftsmanInput", json!({ "year": 2026, "studentId": student.data()["memberUnit"]["students"]["nodes"][0]["id"], "reason": "省赛一等奖" }), "reserveCraftsman { id }", Some(&p.school)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let r = app.mutate("recordApprenticeshipBase", "RecordApprenticeshipBaseInput", json!({ "enterpriseId": app.unit_id(FIRM_A).await, "specialty": "数控技术应用", "establishedOn": "2026-03-01" }), "apprenticeshipBase { id }", Some(&p.school)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let r = app.mutate("recordPlatform", "RecordPlatformInput", json!({ "unitId": school, "kind": "NATIONAL_SKILL_MASTER_STUDIO", "name": "国家级技能大师工作室", "approvedOn": "2026-05-01", "document": "人社部函〔2026〕12号" }), "platform { id }", Some(&p.secretariat)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let r = app
        .mutate(
            "applyForEnterpriseCertification",
            "ApplyForEnterpriseCertificationInput",
            json!({ "level": "PROVINCIAL", "appliedOn": "2026-03-01" }),
            "enterpriseCertification { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");

    // Contests, research and training: an entry naming the school's student (shared, its
    // contestant personal), a research project, a firm's need answered by the school's project
    // and its certificates (shared).
    let nodes = student.data()["memberUnit"]["students"]["nodes"].clone();
    let r = app.mutate("recordContest", "RecordContestInput", json!({ "series": "技能兴威", "name": "矩阵大赛", "kind": "SKILLS", "level": "MUNICIPAL_CLASS_1", "organiser": "威海市人力资源和社会保障局", "heldOn": "2026-10-01", "events": [{ "trade": "数控车", "contestantKind": "STUDENT" }] }), "contest { events { id } }", Some(&p.secretariat)).await;
    let event = r["contest"]["events"][0]["id"].clone();
    let r = app
        .mutate(
            "enterContest",
            "EnterContestInput",
            json!({ "eventId": event, "studentId": nodes[0]["id"] }),
            "contestEntry { id }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let entry = r["contestEntry"]["id"].as_str().unwrap().to_owned();
    let r = app
        .mutate(
            "addTeacher",
            "AddTeacherInput",
            json!({ "name": "矩阵课题负责人" }),
            "teacher { id }",
            Some(&p.school),
        )
        .await;
    let r = app.mutate("registerResearchProject", "RegisterResearchProjectInput", json!({ "title": "矩阵课题", "approvingBody": "威海市人力资源和社会保障局", "document": "威人社字〔2026〕8号", "approvedOn": "2026-04-01", "leaderTeacherId": r["teacher"]["id"] }), "researchProject { id }", Some(&p.school)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let r = app
        .mutate(
            "postTrainingNeed",
            "PostTrainingNeedInput",
            json!({ "trade": "焊工", "headcount": 10 }),
            "trainingNeed { id }",
            Some(&p.firm_a),
        )
        .await;
    let r = app.mutate("recordTrainingProject", "RecordTrainingProjectInput", json!({ "needId": r["trainingNeed"]["id"], "name": "焊工培训", "trade": "焊工", "startsOn": "2026-05-01", "endsOn": "2026-05-20", "participants": 10 }), "trainingProject { id }", Some(&p.school)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let r = app.mutate("recordSkillCertification", "RecordSkillCertificationInput", json!({ "projectId": r["trainingProject"]["id"], "trade": "焊工", "level": "JUNIOR_WORKER", "certifiedOn": "2026-06-01", "certified": 8 }), "skillCertification { id }", Some(&p.school)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");

    let committee_staff = app
        .account_token(
            "staff@committee.example.org",
            entity::enums::AccountRole::CommitteeStaff,
            Some("校企合作与招生就业"),
        )
        .await;
    let evaluator = app
        .account_token(
            "eval@third-party.example.org",
            entity::enums::AccountRole::Evaluator,
            None,
        )
        .await;
    let tokens = [
        &p.school,
        &p.school_2,
        &p.firm_a,
        &p.firm_b,
        &p.firm_c,
        &p.secretariat,
        &committee_staff,
        &evaluator,
    ];
    let matrix: [(&str, &str, [u64; 8]); 24] = [
        (SCHOOL, "students", [2, 0, 0, 0, 0, 2, 0, 0]),
        (SCHOOL, "internshipPlacements", [2, 0, 1, 1, 0, 2, 0, 0]),
        (FIRM_A, "internshipPlacements", [1, 1, 2, 0, 0, 2, 0, 0]),
        (SCHOOL_2, "internshipPlacements", [0, 1, 1, 0, 0, 1, 0, 0]),
        (SCHOOL, "teacherPractices", [1, 0, 1, 0, 0, 1, 0, 0]),
        (FIRM_A, "apprenticeships", [1, 0, 1, 0, 0, 1, 0, 0]),
        (SCHOOL, "graduateOutcomes", [1, 0, 0, 0, 0, 1, 0, 0]),
        (FIRM_C, "orderClassDemands", [0, 0, 0, 0, 1, 1, 0, 0]),
        (FIRM_A, "orderClassDemands", [1, 1, 1, 1, 1, 1, 1, 0]),
        (SCHOOL, "orderClasses", [1, 1, 1, 1, 1, 1, 1, 0]),
        (FIRM_A, "trainingSites", [1, 1, 1, 1, 1, 1, 1, 0]),
        (SCHOOL, "teachers", [2, 2, 2, 2, 2, 2, 2, 0]),
        (SCHOOL, "reserveCraftsmen", [1, 0, 0, 0, 0, 1, 0, 0]),
        (FIRM_A, "apprenticeshipBases", [1, 1, 1, 1, 1, 1, 1, 0]),
        (SCHOOL, "apprenticeshipBases", [1, 1, 1, 1, 1, 1, 1, 0]),
        (FIRM_A, "enterpriseCertifications", [1, 1, 1, 1, 1, 1, 1, 0]),
        (SCHOOL, "platformGrants", [1, 0, 0, 0, 0, 1, 1, 0]),
        (SCHOOL, "contestEntries", [1, 1, 1, 1, 1, 1, 1, 0]),
        (SCHOOL, "researchProjects", [1, 1, 1, 1, 1, 1, 1, 0]),
        (FIRM_A, "trainingNeeds", [1, 1, 1, 1, 1, 1, 1, 0]),
        (SCHOOL, "trainingProjects", [1, 1, 1, 1, 1, 1, 1, 0]),
        (FIRM_A, "trainingProjects", [1, 1, 1, 1, 1, 1, 1, 0]),
        (SCHOOL, "skillCertifications", [1, 1, 1, 1, 1, 1, 1, 0]),
        (FIRM_A, "skillCertifications", [1, 1, 1, 1, 1, 1, 1, 0]),
    ];
    for (unit, edge, expected) in matrix {
        let id = app.unit_id(unit).await;
        let q = format!(
            "query($id: ID!) {{ memberUnit(id: $id) {{ {edge} {{ totalCount nodes {{ __typename }} }} }} }}"
        );
        let mut seen = [0u64; 8];
        for (i, token) in tokens.iter().enumerate() {
            let reply = app.post_graphql(&q, json!({ "id": id }), Some(token)).await;
            if reply.body.get("errors").is_some() {
                // Only the evaluator is refused outright; it reads nothing of the shared record.
                assert_eq!(i, 7, "{unit}.{edge}: {}", reply.body);
                assert_eq!(reply.error_codes(), vec!["FORBIDDEN"], "{unit}.{edge}");
                continue;
            }
            let conn = &reply.data()["memberUnit"][edge];
            seen[i] = conn["totalCount"].as_u64().unwrap();
            assert_eq!(
                conn["nodes"].as_array().unwrap().len() as u64,
                seen[i],
                "{unit}.{edge}: the page and the total agree"
            );
        }
        assert_eq!(seen, expected, "{unit}.{edge}");
    }
    // The student behind a contest entry: the school and the secretariat only.
    let q = "query($id: ID!) { node(id: $id) { ... on ContestEntry { contestantName student { id } } } }";
    let mut named = [false; 8];
    for (i, token) in tokens.iter().enumerate() {
        let reply = app
            .post_graphql(q, json!({ "id": entry }), Some(token))
            .await;
        let node = &reply.body["data"]["node"];
        named[i] = !node["contestantName"].is_null() || !node["student"].is_null();
    }
    assert_eq!(
        named,
        [true, false, false, false, false, true, false, false]
    );
}
