//! Order classes (订单班): demand, joint demand, proposal, acceptance with the plan's rules,
//! recruitment, enrolment with pre-employment agreements, and who may do and see what.

use alliance_tests::{TestApp, both_databases, codes};
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, FIRM_B, FIRM_C, Parties, SCHOOL_2, parties, with};

const DEMAND_FIELDS: &str = "id status totalHeadcount matchedSeats specialtyName enterprise { name } participants { totalCount edges { node { headcount isPoster enterprise { name } } } }";

async fn post_demand(app: &TestApp, token: &str, extra: Value) -> Value {
    let input = with(
        json!({
            "specialtyName": "数控技术应用", "headcount": 30, "startYear": 2027, "startTerm": "AUTUMN",
            "workDistrict": "HUANCUI", "payMin": 4500, "payMax": 6000,
            "requiredSkills": "数控车床操作", "openToUnemployedYouth": true,
            "openToMigrantWorkers": false, "ageLimit": 35
        }),
        extra,
    );
    app.mutate(
        "createOrderClassDemand",
        "CreateOrderClassDemandInput",
        input,
        &format!("orderClassDemand {{ {DEMAND_FIELDS} }}"),
        Some(token),
    )
    .await
}

async fn demand_action(app: &TestApp, action: &str, id: &str, token: Option<&str>) -> Value {
    app.mutate(
        action,
        "OrderClassDemandIdInput",
        json!({ "id": id }),
        "orderClassDemand { id status matchedSeats }",
        token,
    )
    .await
}

const CLASS_FIELDS: &str = "id status plannedSeats agreedAt schoolAcceptedAt school { name } ruleChecks { rule met detail } sponsors { edges { node { seats accepted enterprise { name } } } } enrolledCount agreementsSigned seatsLeft demand { id status matchedSeats }";

fn good_plan() -> Value {
    json!({ "totalSpecialtyHours": 1200, "enterpriseWorkshopHours": 600, "corePracticeHours": 450, "ordinaryClassPracticeHours": 300 })
}

async fn propose(app: &TestApp, token: &str, demand: &str, sponsors: Value, plan: Value) -> Value {
    let seats: i64 = sponsors
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["seats"].as_i64().unwrap())
        .sum();
    app.mutate(
        "createOrderClass",
        "CreateOrderClassInput",
        json!({
            "demandId": demand, "name": "威高数控订单班", "specialtyName": "数控技术应用", "cohortYear": 2027,
            "plannedSeats": seats, "sponsors": sponsors, "plan": plan,
            "integrations": { "courseGoals": { "agreed": true, "note": "按威高岗位标准" }, "assessment": { "agreed": true } }
        }),
        &format!("orderClass {{ {CLASS_FIELDS} }}"),
        Some(token),
    )
    .await
}

pub(crate) async fn class_action(
    app: &TestApp,
    action: &str,
    input: Value,
    token: Option<&str>,
) -> Value {
    let input_type = if action == "cancelOrderClass" {
        "CancelOrderClassInput"
    } else {
        "OrderClassIdInput"
    };
    app.mutate(
        action,
        input_type,
        input,
        &format!("orderClass {{ {CLASS_FIELDS} cancelReason }}"),
        token,
    )
    .await
}

/// A published demand of firm A joined by firm B (30 + 10), answered by a PROPOSED class of the
/// school with sponsors A 30 and B 10.
pub(crate) async fn proposed_class(app: &TestApp, p: &Parties) -> (String, String) {
    let demand = post_demand(app, &p.firm_a, json!({})).await;
    let demand_id = demand["orderClassDemand"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    demand_action(app, "publishOrderClassDemand", &demand_id, Some(&p.firm_a)).await;
    let joined = app
        .mutate(
            "joinOrderClassDemand",
            "JoinOrderClassDemandInput",
            json!({ "id": demand_id, "headcount": 10 }),
            "orderClassDemand { totalHeadcount }",
            Some(&p.firm_b),
        )
        .await;
    assert_eq!(joined["orderClassDemand"]["totalHeadcount"], 40, "{joined}");
    let a = app.unit_id(FIRM_A).await;
    let b = app.unit_id(FIRM_B).await;
    let class = propose(
        app,
        &p.school,
        &demand_id,
        json!([{ "enterpriseId": a, "seats": 30 }, { "enterpriseId": b, "seats": 10 }]),
        good_plan(),
    )
    .await;
    assert_eq!(codes(&class), Vec::<String>::new(), "{class}");
    (
        demand_id,
        class["orderClass"]["id"].as_str().unwrap().to_owned(),
    )
}

pub(crate) async fn enrol(
    app: &TestApp,
    token: &str,
    class: &str,
    number: &str,
    birth: &str,
    group: &str,
) -> Value {
    app.mutate(
        "enrolStudent",
        "EnrolStudentInput",
        json!({ "orderClassId": class, "studentNumber": number, "name": format!("学生{number}"), "gender": "MALE", "dateOfBirth": birth, "targetGroup": group }),
        "enrolment { id targetGroup student { studentNumber name } agreement { signedOn guardianSigned enterprise { name } } }",
        Some(token),
    )
    .await
}

async fn agree(
    app: &TestApp,
    token: &str,
    enrolment: &str,
    firm: &str,
    signed_on: &str,
    guardian: bool,
) -> Value {
    app.mutate(
        "recordPreEmploymentAgreement",
        "RecordPreEmploymentAgreementInput",
        json!({ "enrolmentId": enrolment, "enterpriseId": firm, "signedOn": signed_on, "guardianSigned": guardian }),
        "enrolment { id agreement { signedOn guardianSigned enterprise { name } } }",
        Some(token),
    )
    .await
}

async fn class_of(app: &TestApp, id: &str, token: &str) -> Value {
    app.post_graphql(
        &format!("query($id: ID!) {{ orderClass(id: $id) {{ {CLASS_FIELDS} }} }}"),
        json!({ "id": id }),
        Some(token),
    )
    .await
    .ok()
    .data()["orderClass"]
        .clone()
}

both_databases!(
    the_whole_order_class_flow_from_demand_to_graduation,
    acceptance_checks_the_hour_rules_and_writes_nothing_when_they_fail,
    a_proposal_must_fit_its_demand_and_sponsors,
    wrong_transitions_are_refused_and_change_nothing,
    changing_the_plan_withdraws_every_acceptance,
    enrolment_follows_the_demands_target_groups_age_limit_and_seats,
    each_mutation_is_allowed_only_to_its_one_actor,
    enrolled_students_are_seen_only_by_their_school_the_sponsors_and_the_secretariat,
    concurrent_enrolments_never_overbook_a_class,
    a_page_of_order_classes_runs_the_same_statements_for_5_and_25_classes,
    a_demand_is_open_to_both_target_groups_unless_closed_and_its_age_limit_has_only_a_floor
);

/// Ten Measures (2) opens order classes to unemployed youth and migrant workers: a demand that says
/// nothing is open to both, and only an explicit `false` closes a group. The age limit's floor is
/// the minimum working age (劳动法 art. 15: 16); there is no ceiling.
async fn a_demand_is_open_to_both_target_groups_unless_closed_and_its_age_limit_has_only_a_floor(
    app: TestApp,
) {
    let p = parties(&app).await;
    let fields = "orderClassDemand { openToUnemployedYouth openToMigrantWorkers ageLimit }";
    let create = |input: Value| {
        let app = &app;
        let token = p.firm_a.clone();
        async move {
            app.mutate(
                "createOrderClassDemand",
                "CreateOrderClassDemandInput",
                with(
                    json!({ "specialtyName": "焊接技术应用", "headcount": 10, "startYear": 2027, "startTerm": "AUTUMN" }),
                    input,
                ),
                fields,
                Some(&token),
            )
            .await
        }
    };
    let silent = create(json!({})).await;
    assert_eq!(codes(&silent), Vec::<String>::new(), "{silent}");
    assert_eq!(silent["orderClassDemand"]["openToUnemployedYouth"], true);
    assert_eq!(silent["orderClassDemand"]["openToMigrantWorkers"], true);
    let closed = create(json!({ "openToMigrantWorkers": false })).await;
    assert_eq!(closed["orderClassDemand"]["openToMigrantWorkers"], false);
    assert_eq!(closed["orderClassDemand"]["openToUnemployedYouth"], true);
    let young = create(json!({ "ageLimit": 15 })).await;
    assert_eq!(codes(&young), vec!["INVALID"], "{young}");
    assert_eq!(
        young["userErrors"][0]["field"],
        json!(["input", "ageLimit"])
    );
    let relaxed = create(json!({ "ageLimit": 65 })).await;
    assert_eq!(codes(&relaxed), Vec::<String>::new(), "{relaxed}");
    assert_eq!(relaxed["orderClassDemand"]["ageLimit"], 65);
}

async fn the_whole_order_class_flow_from_demand_to_graduation(app: TestApp) {
    let p = parties(&app).await;
    // A firm posts a draft; nobody else sees it.
    let demand = post_demand(&app, &p.firm_a, json!({})).await;
    assert_eq!(demand["orderClassDemand"]["status"], "DRAFT");
    let demand_id = demand["orderClassDemand"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let listed = |token: String| {
        let app = &app;
        async move {
            app.post_graphql(
                "{ orderClassDemands { totalCount } }",
                json!({}),
                Some(&token),
            )
            .await
            .ok()
            .data()["orderClassDemands"]["totalCount"]
                .as_i64()
                .unwrap()
        }
    };
    assert_eq!(listed(p.school.clone()).await, 0);
    assert_eq!(listed(p.firm_a.clone()).await, 1);
    assert_eq!(listed(p.secretariat.clone()).await, 1);
    // Published, it is seen by schools, and another firm joins it.
    let published =
        demand_action(&app, "publishOrderClassDemand", &demand_id, Some(&p.firm_a)).await;
    assert_eq!(published["orderClassDemand"]["status"], "OPEN");
    assert_eq!(listed(p.school.clone()).await, 1);
    let joined = app
        .mutate(
            "joinOrderClassDemand",
            "JoinOrderClassDemandInput",
            json!({ "id": demand_id, "headcount": 10 }),
            &format!("orderClassDemand {{ {DEMAND_FIELDS} }}"),
            Some(&p.firm_b),
        )
        .await;
    let d = &joined["orderClassDemand"];
    assert_eq!(d["totalHeadcount"], 40);
    assert_eq!(d["participants"]["totalCount"], 2);
    assert_eq!(d["participants"]["edges"][0]["node"]["isPoster"], true);
    assert_eq!(
        d["participants"]["edges"][1]["node"]["enterprise"]["name"],
        FIRM_B
    );

    // The school answers with a class; the rules are met, but nobody has accepted yet.
    let a = app.unit_id(FIRM_A).await;
    let b = app.unit_id(FIRM_B).await;
    let class = propose(
        &app,
        &p.school,
        &demand_id,
        json!([{ "enterpriseId": a, "seats": 30 }, { "enterpriseId": b, "seats": 10 }]),
        good_plan(),
    )
    .await;
    let c = &class["orderClass"];
    assert_eq!(c["status"], "PROPOSED");
    assert!(
        c["ruleChecks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["met"] == true),
        "{c}"
    );
    let class_id = c["id"].as_str().unwrap().to_owned();

    // Each party accepts; only the last acceptance makes it AGREED and matches the demand.
    let after_a = class_action(
        &app,
        "acceptOrderClass",
        json!({ "id": class_id }),
        Some(&p.firm_a),
    )
    .await;
    assert_eq!(after_a["orderClass"]["status"], "PROPOSED");
    assert_eq!(
        after_a["orderClass"]["sponsors"]["edges"][0]["node"]["accepted"],
        true
    );
    let after_school = class_action(
        &app,
        "acceptOrderClass",
        json!({ "id": class_id }),
        Some(&p.school),
    )
    .await;
    assert_eq!(after_school["orderClass"]["status"], "PROPOSED");
    assert!(after_school["orderClass"]["schoolAcceptedAt"].is_string());
    let agreed = class_action(
        &app,
        "acceptOrderClass",
        json!({ "id": class_id }),
        Some(&p.firm_b),
    )
    .await;
    assert_eq!(agreed["orderClass"]["status"], "AGREED", "{agreed}");
    assert!(agreed["orderClass"]["agreedAt"].is_string());
    assert_eq!(agreed["orderClass"]["demand"]["status"], "MATCHED");
    assert_eq!(agreed["orderClass"]["demand"]["matchedSeats"], 40);

    // Recruiting: students enrol, agreements are signed (a minor's with the guardian).
    let recruiting = class_action(
        &app,
        "startOrderClassRecruiting",
        json!({ "id": class_id }),
        Some(&p.school),
    )
    .await;
    assert_eq!(recruiting["orderClass"]["status"], "RECRUITING");
    let adult = enrol(
        &app,
        &p.school,
        &class_id,
        "2027001",
        "2005-03-01",
        "REGULAR",
    )
    .await;
    assert_eq!(codes(&adult), Vec::<String>::new(), "{adult}");
    let youth = enrol(
        &app,
        &p.school,
        &class_id,
        "2027002",
        "1995-06-01",
        "UNEMPLOYED_YOUTH",
    )
    .await;
    assert_eq!(codes(&youth), Vec::<String>::new(), "{youth}");
    let minor = enrol(
        &app,
        &p.school,
        &class_id,
        "2027003",
        "2011-05-20",
        "REGULAR",
    )
    .await;
    assert_eq!(codes(&minor), Vec::<String>::new(), "{minor}");
    let adult_id = adult["enrolment"]["id"].as_str().unwrap();
    let minor_id = minor["enrolment"]["id"].as_str().unwrap();
    let signed = agree(&app, &p.school, adult_id, &a, "2026-11-01", false).await;
    assert_eq!(
        signed["enrolment"]["agreement"]["enterprise"]["name"],
        FIRM_A
    );
    let refused = agree(&app, &p.school, minor_id, &b, "2026-11-01", false).await;
    assert_eq!(codes(&refused), vec!["GUARDIAN_SIGNATURE_REQUIRED"]);
    let signed = agree(&app, &p.school, minor_id, &b, "2026-11-01", true).await;
    assert_eq!(
        signed["enrolment"]["agreement"]["guardianSigned"], true,
        "{signed}"
    );

    let c = class_of(&app, &class_id, &p.firm_b).await;
    assert_eq!(
        (
            c["enrolledCount"].as_i64(),
            c["agreementsSigned"].as_i64(),
            c["seatsLeft"].as_i64()
        ),
        (Some(3), Some(2), Some(37))
    );

    let training = class_action(
        &app,
        "startOrderClassTraining",
        json!({ "id": class_id }),
        Some(&p.school),
    )
    .await;
    assert_eq!(training["orderClass"]["status"], "IN_TRAINING");
    let graduated = class_action(
        &app,
        "graduateOrderClass",
        json!({ "id": class_id }),
        Some(&p.school),
    )
    .await;
    assert_eq!(graduated["orderClass"]["status"], "GRADUATED");
    let closed = demand_action(&app, "closeOrderClassDemand", &demand_id, Some(&p.firm_a)).await;
    assert_eq!(closed["orderClassDemand"]["status"], "CLOSED");
}

async fn acceptance_checks_the_hour_rules_and_writes_nothing_when_they_fail(app: TestApp) {
    let p = parties(&app).await;
    let demand = post_demand(&app, &p.firm_a, json!({})).await;
    let demand_id = demand["orderClassDemand"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    demand_action(&app, "publishOrderClassDemand", &demand_id, Some(&p.firm_a)).await;
    let a = app.unit_id(FIRM_A).await;
    // Each rule is named by what must hold; the refusal's code names the failure.
    for (plan, rule, code) in [
        (
            json!({ "totalSpecialtyHours": 1200, "enterpriseWorkshopHours": 599, "corePracticeHours": 450, "ordinaryClassPracticeHours": 300 }),
            "ENTERPRISE_HOURS_AT_LEAST_HALF",
            "ENTERPRISE_HOURS_BELOW_HALF",
        ),
        (
            json!({ "totalSpecialtyHours": 1200, "enterpriseWorkshopHours": 600, "corePracticeHours": 449, "ordinaryClassPracticeHours": 300 }),
            "CORE_PRACTICE_AT_LEAST_150_PERCENT",
            "CORE_PRACTICE_BELOW_150",
        ),
    ] {
        let class = propose(
            &app,
            &p.school,
            &demand_id,
            json!([{ "enterpriseId": a, "seats": 30 }]),
            plan,
        )
        .await;
        let id = class["orderClass"]["id"].as_str().unwrap().to_owned();
        let failed: Vec<_> = class["orderClass"]["ruleChecks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["met"] == false)
            .map(|r| r["rule"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(failed, vec![rule]);
        for token in [&p.firm_a, &p.school] {
            let refused =
                class_action(&app, "acceptOrderClass", json!({ "id": id }), Some(token)).await;
            assert_eq!(codes(&refused), vec![code]);
        }
        let c = class_of(&app, &id, &p.school).await;
        assert_eq!(c["status"], "PROPOSED");
        assert_eq!(c["schoolAcceptedAt"], Value::Null);
        assert_eq!(c["sponsors"]["edges"][0]["node"]["accepted"], false);
    }
    // A plan without hours meets neither share.
    let empty = json!({ "totalSpecialtyHours": 0, "enterpriseWorkshopHours": 0, "corePracticeHours": 0, "ordinaryClassPracticeHours": 0 });
    let class = propose(
        &app,
        &p.school,
        &demand_id,
        json!([{ "enterpriseId": a, "seats": 30 }]),
        empty,
    )
    .await;
    let mut failed: Vec<_> = class["orderClass"]["ruleChecks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["met"] == false)
        .map(|r| r["rule"].as_str().unwrap().to_owned())
        .collect();
    failed.sort();
    assert_eq!(
        failed,
        vec![
            "CORE_PRACTICE_AT_LEAST_150_PERCENT",
            "ENTERPRISE_HOURS_AT_LEAST_HALF"
        ]
    );
    // Exactly 50% and exactly 150% meet the rules.
    let class = propose(
        &app,
        &p.school,
        &demand_id,
        json!([{ "enterpriseId": a, "seats": 30 }]),
        good_plan(),
    )
    .await;
    assert!(
        class["orderClass"]["ruleChecks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["met"] == true)
    );
}

async fn a_proposal_must_fit_its_demand_and_sponsors(app: TestApp) {
    let p = parties(&app).await;
    let demand = post_demand(&app, &p.firm_a, json!({})).await;
    let demand_id = demand["orderClassDemand"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let a = app.unit_id(FIRM_A).await;
    let c = app.unit_id(FIRM_C).await;
    let school_2 = app.unit_id(SCHOOL_2).await;
    // A draft is invisible to schools.
    let r = propose(
        &app,
        &p.school,
        &demand_id,
        json!([{ "enterpriseId": a, "seats": 30 }]),
        good_plan(),
    )
    .await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"]);
    demand_action(&app, "publishOrderClassDemand", &demand_id, Some(&p.firm_a)).await;
    let cases = [
        (
            json!([{ "enterpriseId": c, "seats": 30 }]),
            vec!["SPONSOR_NOT_IN_DEMAND"],
        ),
        (
            json!([{ "enterpriseId": school_2, "seats": 30 }]),
            vec!["SPONSOR_NOT_ENTERPRISE", "SPONSOR_NOT_IN_DEMAND"],
        ),
        (
            json!([{ "enterpriseId": a, "seats": 30 }, { "enterpriseId": a, "seats": 5 }]),
            vec!["DUPLICATE_SPONSOR"],
        ),
        (
            json!([{ "enterpriseId": a, "seats": 0 }]),
            vec!["MUST_BE_POSITIVE", "MUST_BE_POSITIVE"],
        ),
        (json!([]), vec!["MUST_BE_POSITIVE", "BLANK"]),
    ];
    for (sponsors, expected) in cases {
        let r = propose(&app, &p.school, &demand_id, sponsors.clone(), good_plan()).await;
        let mut got = codes(&r);
        got.sort();
        let mut expected: Vec<String> = expected.into_iter().map(str::to_owned).collect();
        expected.sort();
        assert_eq!(got, expected, "{sponsors}");
    }
    // Seats that do not add up.
    let r = app.mutate( "createOrderClass", "CreateOrderClassInput", json!({
        "demandId": demand_id, "name": "班", "specialtyName": "数控", "cohortYear": 2027, "plannedSeats": 40,
        "sponsors": [{ "enterpriseId": a, "seats": 30 }], "plan": good_plan()
    }), "orderClass { id }", Some(&p.school)).await;
    assert_eq!(codes(&r), vec!["SPONSOR_SEATS_MISMATCH"]);
    // A closed demand cannot be answered.
    demand_action(&app, "closeOrderClassDemand", &demand_id, Some(&p.firm_a)).await;
    let r = propose(
        &app,
        &p.school,
        &demand_id,
        json!([{ "enterpriseId": a, "seats": 30 }]),
        good_plan(),
    )
    .await;
    assert_eq!(codes(&r), vec!["DEMAND_NOT_OPEN"]);
    let listed = app
        .post_graphql(
            "{ orderClasses { totalCount } }",
            json!({}),
            Some(&p.secretariat),
        )
        .await
        .ok();
    assert_eq!(
        listed.data()["orderClasses"]["totalCount"],
        0,
        "nothing was written"
    );
}

async fn wrong_transitions_are_refused_and_change_nothing(app: TestApp) {
    let p = parties(&app).await;
    let (demand_id, class_id) = proposed_class(&app, &p).await;
    assert_eq!(
        codes(&demand_action(&app, "publishOrderClassDemand", &demand_id, Some(&p.firm_a)).await),
        vec!["INVALID_TRANSITION"]
    );
    let join = |token: String, headcount: i64| {
        let app = &app;
        let demand_id = demand_id.clone();
        async move {
            app.mutate(
                "joinOrderClassDemand",
                "JoinOrderClassDemandInput",
                json!({ "id": demand_id, "headcount": headcount }),
                "orderClassDemand { id }",
                Some(&token),
            )
            .await
        }
    };
    assert_eq!(
        codes(&join(p.firm_a.clone(), 5).await),
        vec!["CANNOT_JOIN_OWN_DEMAND"]
    );
    assert_eq!(
        codes(&join(p.firm_b.clone(), 5).await),
        vec!["ALREADY_JOINED"]
    );
    assert_eq!(
        codes(&join(p.firm_c.clone(), 0).await),
        vec!["MUST_BE_POSITIVE"]
    );
    for action in [
        "startOrderClassRecruiting",
        "startOrderClassTraining",
        "graduateOrderClass",
    ] {
        let r = class_action(&app, action, json!({ "id": class_id }), Some(&p.school)).await;
        assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{action}");
        // The status is named by its label in the caller's language (Chinese by default), never
        // in Rust's spelling (`InTraining`).
        let message = r["userErrors"][0]["message"].as_str().unwrap();
        let status = message
            .split_once('“')
            .and_then(|(_, rest)| rest.split_once('”'))
            .map(|(label, _)| label)
            .unwrap_or_else(|| panic!("no quoted status: {message}"));
        assert!(
            !status.is_empty() && !status.chars().any(|c| c.is_ascii_alphabetic()),
            "{message}"
        );
    }
    let r = class_action(
        &app,
        "cancelOrderClass",
        json!({ "id": class_id, "reason": "  " }),
        Some(&p.school),
    )
    .await;
    assert_eq!(codes(&r), vec!["BLANK"]);
    // Agree it; then the demand cannot be withdrawn, and cancelling the class reopens it.
    for token in [&p.firm_a, &p.firm_b, &p.school] {
        class_action(
            &app,
            "acceptOrderClass",
            json!({ "id": class_id }),
            Some(token),
        )
        .await;
    }
    assert_eq!(
        codes(
            &class_action(
                &app,
                "acceptOrderClass",
                json!({ "id": class_id }),
                Some(&p.school)
            )
            .await
        ),
        vec!["INVALID_TRANSITION"]
    );
    assert_eq!(
        codes(
            &demand_action(
                &app,
                "withdrawOrderClassDemand",
                &demand_id,
                Some(&p.firm_a)
            )
            .await
        ),
        vec!["INVALID_TRANSITION"]
    );
    let cancelled = class_action(
        &app,
        "cancelOrderClass",
        json!({ "id": class_id, "reason": "企业订单取消" }),
        Some(&p.school),
    )
    .await;
    assert_eq!(cancelled["orderClass"]["status"], "CANCELLED");
    assert_eq!(cancelled["orderClass"]["cancelReason"], "企业订单取消");
    assert_eq!(cancelled["orderClass"]["demand"]["status"], "OPEN");
    assert_eq!(cancelled["orderClass"]["demand"]["matchedSeats"], 0);
    assert_eq!(
        codes(
            &class_action(
                &app,
                "cancelOrderClass",
                json!({ "id": class_id, "reason": "again" }),
                Some(&p.school)
            )
            .await
        ),
        vec!["INVALID_TRANSITION"]
    );
    let withdrawn = demand_action(
        &app,
        "withdrawOrderClassDemand",
        &demand_id,
        Some(&p.firm_a),
    )
    .await;
    assert_eq!(withdrawn["orderClassDemand"]["status"], "WITHDRAWN");
}

async fn changing_the_plan_withdraws_every_acceptance(app: TestApp) {
    let p = parties(&app).await;
    let (_, class_id) = proposed_class(&app, &p).await;
    class_action(
        &app,
        "acceptOrderClass",
        json!({ "id": class_id }),
        Some(&p.firm_a),
    )
    .await;
    class_action(
        &app,
        "acceptOrderClass",
        json!({ "id": class_id }),
        Some(&p.school),
    )
    .await;
    let updated = app.mutate( "updateOrderClassPlan", "UpdateOrderClassPlanInput", json!({
        "id": class_id, "plan": { "totalSpecialtyHours": 1000, "enterpriseWorkshopHours": 700, "corePracticeHours": 500, "ordinaryClassPracticeHours": 300 }
    }), &format!("orderClass {{ {CLASS_FIELDS} }}"), Some(&p.school)).await;
    let c = &updated["orderClass"];
    assert_eq!(c["schoolAcceptedAt"], Value::Null, "{updated}");
    assert!(
        c["sponsors"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["node"]["accepted"] == false)
    );
    let r = app
        .mutate(
            "updateOrderClassPlan",
            "UpdateOrderClassPlanInput",
            json!({ "id": class_id, "plan": good_plan() }),
            "orderClass { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"]);
}

async fn enrolment_follows_the_demands_target_groups_age_limit_and_seats(app: TestApp) {
    let p = parties(&app).await;
    let (_, class_id) = proposed_class(&app, &p).await;
    for token in [&p.firm_a, &p.firm_b, &p.school] {
        class_action(
            &app,
            "acceptOrderClass",
            json!({ "id": class_id }),
            Some(token),
        )
        .await;
    }
    let early = enrol(&app, &p.school, &class_id, "1", "2005-01-01", "REGULAR").await;
    assert_eq!(
        codes(&early),
        vec!["INVALID_TRANSITION"],
        "not recruiting yet"
    );
    class_action(
        &app,
        "startOrderClassRecruiting",
        json!({ "id": class_id }),
        Some(&p.school),
    )
    .await;
    // The demand keeps the class open to unemployed youth and closes it to migrant workers, up to
    // age 35.
    assert_eq!(
        codes(
            &enrol(
                &app,
                &p.school,
                &class_id,
                "1",
                "2000-01-01",
                "MIGRANT_WORKER"
            )
            .await
        ),
        vec!["TARGET_GROUP_NOT_ALLOWED"]
    );
    assert_eq!(
        codes(
            &enrol(
                &app,
                &p.school,
                &class_id,
                "1",
                "1990-01-01",
                "UNEMPLOYED_YOUTH"
            )
            .await
        ),
        vec!["AGE_LIMIT_EXCEEDED"]
    );
    assert_eq!(
        codes(
            &enrol(
                &app,
                &p.school,
                &class_id,
                "1",
                "1992-09-01",
                "UNEMPLOYED_YOUTH"
            )
            .await
        ),
        Vec::<String>::new(),
        "35 on 2027-09-01 is within the limit"
    );
    assert_eq!(
        codes(
            &enrol(
                &app,
                &p.school,
                &class_id,
                "1",
                "1992-09-01",
                "UNEMPLOYED_YOUTH"
            )
            .await
        ),
        vec!["ALREADY_ENROLLED"]
    );
    let c = app.unit_id(FIRM_C).await;
    let list = app
        .post_graphql(
            "query($id: ID!) { orderClass(id: $id) { enrolments { nodes { id } } } }",
            json!({ "id": class_id }),
            Some(&p.school),
        )
        .await
        .ok();
    let enrolment = list.data()["orderClass"]["enrolments"]["nodes"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        codes(&agree(&app, &p.school, &enrolment, &c, "2026-11-01", false).await),
        vec!["NOT_A_SPONSOR"]
    );
    assert_eq!(
        codes(
            &agree(
                &app,
                &p.school,
                &enrolment,
                &app.unit_id(FIRM_A).await,
                "2999-01-01",
                false
            )
            .await
        ),
        vec!["INVALID"]
    );
    for n in 2..=40 {
        let r = enrol(
            &app,
            &p.school,
            &class_id,
            &n.to_string(),
            "2006-01-01",
            "REGULAR",
        )
        .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
    assert_eq!(
        codes(&enrol(&app, &p.school, &class_id, "41", "2006-01-01", "REGULAR").await),
        vec!["CLASS_FULL"]
    );
    assert_eq!(class_of(&app, &class_id, &p.school).await["seatsLeft"], 0);
}

async fn each_mutation_is_allowed_only_to_its_one_actor(app: TestApp) {
    let p = parties(&app).await;
    let (demand_id, class_id) = proposed_class(&app, &p).await;
    // Demand mutations: the posting firm (A) only.
    for action in [
        "publishOrderClassDemand",
        "withdrawOrderClassDemand",
        "closeOrderClassDemand",
    ] {
        assert_eq!(
            codes(&demand_action(&app, action, &demand_id, None).await),
            vec!["UNAUTHENTICATED"],
            "{action}"
        );
        for token in [&p.firm_b, &p.firm_c] {
            assert_eq!(
                codes(&demand_action(&app, action, &demand_id, Some(token)).await),
                vec!["FORBIDDEN"],
                "{action}"
            );
        }
        for token in [&p.school, &p.school_2, &p.secretariat] {
            assert_eq!(
                codes(&demand_action(&app, action, &demand_id, Some(token)).await),
                vec!["FORBIDDEN"],
                "{action}"
            );
        }
    }
    for token in [&p.school, &p.secretariat] {
        let r = post_demand(&app, token, json!({})).await;
        assert_eq!(codes(&r), vec!["FORBIDDEN"]);
    }
    assert_eq!(
        codes(&post_demand(&app, "", json!({})).await.clone()),
        vec!["UNAUTHENTICATED"]
    );
    let joined = app
        .mutate(
            "joinOrderClassDemand",
            "JoinOrderClassDemandInput",
            json!({ "id": demand_id, "headcount": 3 }),
            "orderClassDemand { id }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&joined), vec!["FORBIDDEN"]);
    // Class proposals: school staff for their own school, or the secretariat; firms never.
    let a = app.unit_id(FIRM_A).await;
    let school_2 = app.unit_id(SCHOOL_2).await;
    assert_eq!(
        codes(
            &propose(
                &app,
                &p.firm_a,
                &demand_id,
                json!([{ "enterpriseId": a, "seats": 1 }]),
                good_plan()
            )
            .await
        ),
        vec!["FORBIDDEN"]
    );
    let other_school = app.mutate( "createOrderClass", "CreateOrderClassInput", json!({
        "demandId": demand_id, "schoolId": school_2, "name": "班", "specialtyName": "数控", "cohortYear": 2027, "plannedSeats": 1,
        "sponsors": [{ "enterpriseId": a, "seats": 1 }], "plan": good_plan()
    }), "orderClass { id }", Some(&p.school)).await;
    assert_eq!(codes(&other_school), vec!["FORBIDDEN"]);
    let by_secretariat = app.mutate( "createOrderClass", "CreateOrderClassInput", json!({
        "schoolId": school_2, "name": "文登数控班", "specialtyName": "数控", "cohortYear": 2027, "plannedSeats": 1,
        "sponsors": [{ "enterpriseId": a, "seats": 1 }], "plan": good_plan()
    }), "orderClass { id school { name } }", Some(&p.secretariat)).await;
    assert_eq!(
        by_secretariat["orderClass"]["school"]["name"], SCHOOL_2,
        "{by_secretariat}"
    );
    // Acceptance: the sponsors and the school only.
    for token in [&p.firm_c, &p.school_2, &p.secretariat] {
        assert_eq!(
            codes(
                &class_action(
                    &app,
                    "acceptOrderClass",
                    json!({ "id": class_id }),
                    Some(token)
                )
                .await
            ),
            vec!["FORBIDDEN"]
        );
    }
    assert_eq!(
        codes(&class_action(&app, "acceptOrderClass", json!({ "id": class_id }), None).await),
        vec!["UNAUTHENTICATED"]
    );
    // Status changes and enrolment: the class's school only.
    for token in [&p.firm_a, &p.school_2, &p.secretariat] {
        let r = class_action(
            &app,
            "cancelOrderClass",
            json!({ "id": class_id, "reason": "x" }),
            Some(token),
        )
        .await;
        assert_eq!(codes(&r), vec!["FORBIDDEN"]);
        let r = enrol(&app, token, &class_id, "9", "2006-01-01", "REGULAR").await;
        assert_eq!(codes(&r), vec!["FORBIDDEN"]);
    }
    assert_eq!(
        class_of(&app, &class_id, &p.school).await["status"],
        "PROPOSED"
    );
}

async fn enrolled_students_are_seen_only_by_their_school_the_sponsors_and_the_secretariat(
    app: TestApp,
) {
    let p = parties(&app).await;
    let (_, class_id) = proposed_class(&app, &p).await;
    for token in [&p.firm_a, &p.firm_b, &p.school] {
        class_action(
            &app,
            "acceptOrderClass",
            json!({ "id": class_id }),
            Some(token),
        )
        .await;
    }
    class_action(
        &app,
        "startOrderClassRecruiting",
        json!({ "id": class_id }),
        Some(&p.school),
    )
    .await;
    let e = enrol(
        &app,
        &p.school,
        &class_id,
        "2027001",
        "2005-03-01",
        "REGULAR",
    )
    .await;
    let enrolment_id = e["enrolment"]["id"].as_str().unwrap().to_owned();
    let query = "query($id: ID!) { orderClass(id: $id) { enrolledCount enrolments { nodes { id student { id name dateOfBirth } } } } }";
    let mut student_id = String::new();
    for token in [&p.school, &p.firm_a, &p.firm_b, &p.secretariat] {
        let r = app
            .post_graphql(query, json!({ "id": class_id }), Some(token))
            .await
            .ok();
        let node = &r.data()["orderClass"]["enrolments"]["nodes"][0];
        assert_eq!(node["student"]["name"], "学生2027001");
        student_id = node["student"]["id"].as_str().unwrap().to_owned();
    }
    for token in [&p.firm_c, &p.school_2] {
        let r = app
            .post_graphql(query, json!({ "id": class_id }), Some(token))
            .await;
        assert_eq!(r.error_codes(), vec!["FORBIDDEN"]);
        assert!(!r.body.to_string().contains("学生2027001"));
        // Counts stay visible; node() finds neither the student nor the enrolment.
        assert_eq!(r.body["data"]["orderClass"]["enrolledCount"], 1);
        for id in [&student_id, &enrolment_id] {
            let r = app
                .post_graphql(
                    "query($id: ID!) { node(id: $id) { id } }",
                    json!({ "id": id }),
                    Some(token),
                )
                .await;
            assert_eq!(r.error_codes(), vec!["NOT_FOUND"]);
        }
    }
    for token in [&p.school, &p.firm_a, &p.secretariat] {
        let r = app
            .post_graphql(
                "query($id: ID!) { node(id: $id) { ... on Student { name } } }",
                json!({ "id": student_id }),
                Some(token),
            )
            .await
            .ok();
        assert_eq!(r.data()["node"]["name"], "学生2027001");
    }
    let anonymous = app
        .post_graphql(query, json!({ "id": class_id }), None)
        .await;
    assert_eq!(anonymous.error_codes(), vec!["UNAUTHENTICATED"]);
}

async fn concurrent_enrolments_never_overbook_a_class(app: TestApp) {
    let p = parties(&app).await;
    let demand = post_demand(&app, &p.firm_a, json!({ "headcount": 1 })).await;
    let demand_id = demand["orderClassDemand"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    demand_action(&app, "publishOrderClassDemand", &demand_id, Some(&p.firm_a)).await;
    let a = app.unit_id(FIRM_A).await;
    let class = propose(
        &app,
        &p.school,
        &demand_id,
        json!([{ "enterpriseId": a, "seats": 1 }]),
        good_plan(),
    )
    .await;
    let class_id = class["orderClass"]["id"].as_str().unwrap().to_owned();
    for token in [&p.firm_a, &p.school] {
        class_action(
            &app,
            "acceptOrderClass",
            json!({ "id": class_id }),
            Some(token),
        )
        .await;
    }
    class_action(
        &app,
        "startOrderClassRecruiting",
        json!({ "id": class_id }),
        Some(&p.school),
    )
    .await;
    let numbers: Vec<String> = (0..6).map(|i| format!("C{i}")).collect();
    let attempts = numbers
        .iter()
        .map(|n| enrol(&app, &p.school, &class_id, n, "2005-01-01", "REGULAR"));
    let results = futures_util::future::join_all(attempts).await;
    let ok = results.iter().filter(|r| codes(r).is_empty()).count();
    assert_eq!(ok, 1, "{results:?}");
    // The others are told the class is full (writers wait their turn; none fails on a lock).
    assert!(
        results
            .iter()
            .filter(|r| !codes(r).is_empty())
            .all(|r| codes(r) == vec!["CLASS_FULL"]),
        "{results:?}"
    );
    assert_eq!(
        class_of(&app, &class_id, &p.school).await["enrolledCount"],
        1
    );
}

async fn a_page_of_order_classes_runs_the_same_statements_for_5_and_25_classes(app: TestApp) {
    let p = parties(&app).await;
    let demand = post_demand(&app, &p.firm_a, json!({ "headcount": 1000 })).await;
    let demand_id = demand["orderClassDemand"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    demand_action(&app, "publishOrderClassDemand", &demand_id, Some(&p.firm_a)).await;
    app.mutate(
        "joinOrderClassDemand",
        "JoinOrderClassDemandInput",
        json!({ "id": demand_id, "headcount": 10 }),
        "orderClassDemand { id }",
        Some(&p.firm_b),
    )
    .await;
    let a = app.unit_id(FIRM_A).await;
    let b = app.unit_id(FIRM_B).await;
    for _ in 0..25 {
        let r = propose(
            &app,
            &p.school,
            &demand_id,
            json!([{ "enterpriseId": a, "seats": 3 }, { "enterpriseId": b, "seats": 2 }]),
            good_plan(),
        )
        .await;
        assert_eq!(codes(&r), Vec::<String>::new());
    }
    let query = "query($n: Int!) { orderClasses(first: $n) { totalCount nodes { name status school { name } demand { status totalHeadcount } sponsors { nodes { seats accepted enterprise { name } } } ruleChecks { met } enrolledCount agreementsSigned seatsLeft } } }";
    let mut counts = Vec::new();
    for n in [5, 25] {
        let (statements, reply) = app
            .count_statements(app.post_graphql(query, json!({ "n": n }), Some(&p.secretariat)))
            .await;
        let reply = reply.ok();
        assert_eq!(
            reply.data()["orderClasses"]["nodes"]
                .as_array()
                .unwrap()
                .len(),
            n
        );
        println!(
            "{:?}: orderClasses(first: {n}) with sponsors and counts: {statements} statements",
            app.backend
        );
        counts.push(statements);
    }
    assert_eq!(counts[0], counts[1]);
    // The page, its count, the account, sponsors, units not cached, demands, their participants;
    // the enrolment counts are columns of the page's own rows (no statement).
    assert!(counts[1] <= 7, "{} statements", counts[1]);
}
