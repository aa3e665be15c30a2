//! Internship placements (岗位实习): the national rules, who sees what, bulk import and export,
//! graduate outcomes and retention, the 2% rule, and the statement budget.

use alliance_tests::{TestApp, both_databases, codes};
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, SCHOOL, SCHOOL_2, parties, with};

const AGENCY: &str = "威海众合人力资源有限公司";
const SMALL_FIRM: &str = "威海天力电源科技有限公司";

/// A national ID number valid for `birth` (GB 11643-1999 check character).
fn id_for(birth: &str, seq: u32) -> String {
    api::national_id::example(
        chrono::NaiveDate::parse_from_str(birth, "%Y-%m-%d").unwrap(),
        seq,
    )
}

pub(crate) async fn student(
    app: &TestApp,
    token: &str,
    number: &str,
    birth: &str,
    year: i32,
) -> Value {
    app.mutate(
        "saveStudent",
        "SaveStudentInput",
        json!({ "studentNumber": number, "name": format!("学生{number}"), "gender": "FEMALE", "dateOfBirth": birth,
                "yearOfStudy": year, "specialty": "数控技术应用", "nationalId": id_for(birth, 7) }),
        "student { id name nationalIdMasked }",
        Some(token),
    )
    .await
}

/// A placement meeting every rule, for student `number`, at the member `host` (id).
pub(crate) fn good(number: &str, host: &str) -> Value {
    json!({
        "studentNumber": number, "hostUnitId": host, "postTitle": "数控车工", "venueType": "WORKSHOP",
        "weeklyHours": 40, "monthlyPay": 3600, "postWage": 4500, "mentorName": "王师傅", "mentorTitle": "高级技师",
        "arrangedBy": "SCHOOL", "agreementSignedOn": "2026-08-20", "agreementGuardianSigned": true, "consentGiven": true, "guardianConsentGiven": true,
        "insurancePolicy": "PICC-2026-001", "insuranceStart": "2026-09-01", "insuranceEnd": "2027-02-28",
        "startDate": "2026-09-01", "endDate": "2027-02-28"
    })
}

const PLACEMENT: &str =
    "internshipPlacement { id status hostName ruleFindings { rule severity message } }";

pub(crate) async fn report(app: &TestApp, token: &str, input: Value) -> Value {
    app.mutate(
        "reportInternshipPlacement",
        "ReportInternshipPlacementInput",
        input,
        PLACEMENT,
        Some(token),
    )
    .await
}

async fn activate(app: &TestApp, token: &str, id: &str) -> Value {
    app.mutate(
        "activateInternshipPlacement",
        "InternshipPlacementIdInput",
        json!({ "id": id }),
        PLACEMENT,
        Some(token),
    )
    .await
}

async fn multipart(
    app: &TestApp,
    token: &str,
    mutation: &str,
    file_name: &str,
    bytes: Vec<u8>,
) -> Value {
    let report = crate::hardening::import(app, token, mutation, file_name, bytes).await;
    assert!(
        report.get("rowsRead").is_some(),
        "no import report: {report}"
    );
    report
}

pub(crate) fn csv(rows: &[Vec<String>], columns: &[api::spreadsheet::Column]) -> Vec<u8> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(columns.iter().map(|c| format!("{} ({})", c.label, c.field)))
        .unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

pub(crate) fn placement_row(number: &str, host: &str, start: &str) -> Vec<String> {
    [
        number,
        host,
        "",
        "装配工",
        "WORKSHOP",
        "否",
        "40",
        "否",
        "否",
        "",
        "4000",
        "4500",
        "李师傅",
        "技师",
        "SCHOOL",
        "否",
        "2026-08-20",
        "是",
        "是",
        "是",
        "POLICY-1",
        "2026-01-01",
        "2027-12-31",
        start,
        "2027-02-28",
        "否",
        "",
        "",
        "",
        "",
        "",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect()
}

both_databases!(
    a_placement_meeting_every_rule_activates_and_each_broken_rule_blocks_alone,
    warnings_are_listed_on_the_placement_and_for_the_committees,
    schools_hosts_other_units_and_the_secretariat_see_what_they_may,
    importing_a_good_file_a_bad_file_and_the_same_file_twice,
    retention_matches_a_hand_computed_fixture,
    the_two_percent_rule_counts_posts_against_staff,
    a_page_of_placements_runs_the_same_statements_for_5_and_25,
    a_page_of_placements_reads_its_students_in_its_own_statement,
    a_narrow_page_answers_every_field_as_the_whole_row_does,
    posts_forbidden_to_women_bind_female_students_only_and_intensity_is_levels_1_to_4,
    a_host_that_is_no_member_is_judged_by_what_the_school_reports_and_a_member_by_the_registry
);

/// The intermediary and 10% rules apply to every host: a member by the registry's kind and staff,
/// any other host by what the school reports (`hostIsAgency`, `hostStaffCount`), which a member's
/// report may not contradict.
async fn a_host_that_is_no_member_is_judged_by_what_the_school_reports_and_a_member_by_the_registry(
    app: TestApp,
) {
    let p = parties(&app).await;
    let host = app.unit_id(FIRM_A).await;
    student(&app, &p.school, "H1", "2006-03-01", 2).await;
    student(&app, &p.school, "H2", "2006-03-01", 2).await;
    let member = report(
        &app,
        &p.school,
        with(
            good("H1", &host),
            json!({ "hostStaffCount": 50, "hostIsAgency": true }),
        ),
    )
    .await;
    assert_eq!(codes(&member), vec!["INVALID", "INVALID"], "{member}");
    let none = report(
        &app,
        &p.school,
        with(
            good("H1", &host),
            json!({ "hostUnitId": null, "hostName": "荣成某小微企业", "hostStaffCount": 0 }),
        ),
    )
    .await;
    assert_eq!(codes(&none), vec!["MUST_BE_POSITIVE"], "{none}");
    // A small firm outside the alliance: 2 interns of 10 staff is above 10%.
    for number in ["H1", "H2"] {
        let r = report(
            &app,
            &p.school,
            with(
                good(number, &host),
                json!({ "hostUnitId": null, "hostName": "荣成某小微企业", "hostStaffCount": 10 }),
            ),
        )
        .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
        if number == "H2" {
            let findings = r["internshipPlacement"]["ruleFindings"].to_string();
            assert!(findings.contains("RATIO_HOST"), "{findings}");
        }
    }
}

/// National internship rules art. 16 (4) and (7): a post forbidden to female workers is refused
/// to a female student only; intensity level II passes, a level outside 1–4 is invalid input; both
/// facts travel through the spreadsheet import and read back.
async fn posts_forbidden_to_women_bind_female_students_only_and_intensity_is_levels_1_to_4(
    app: TestApp,
) {
    let p = parties(&app).await;
    let host = app.unit_id(FIRM_A).await;
    student(&app, &p.school, "F", "2006-03-01", 2).await;
    app.mutate(
        "saveStudent",
        "SaveStudentInput",
        json!({ "studentNumber": "M", "name": "学生M", "gender": "MALE", "dateOfBirth": "2006-03-01",
                "yearOfStudy": 2, "specialty": "焊接" }),
        "student { id }",
        Some(&p.school),
    )
    .await;
    let fields = "internshipPlacement { id status femaleForbiddenWork labourIntensity ruleFindings { rule severity } }";
    let report_one = |number: &'static str, day: &'static str, change: Value| {
        let input = with(
            with(
                good(number, &host),
                json!({ "startDate": day, "insuranceStart": day }),
            ),
            change,
        );
        let app = &app;
        let token = p.school.clone();
        async move {
            app.mutate(
                "reportInternshipPlacement",
                "ReportInternshipPlacementInput",
                input,
                fields,
                Some(&token),
            )
            .await
        }
    };
    // The male student takes the post; the female one may not.
    let male = report_one("M", "2026-09-02", json!({ "femaleForbiddenWork": true })).await;
    assert_eq!(
        male["internshipPlacement"]["femaleForbiddenWork"], true,
        "{male}"
    );
    let id = male["internshipPlacement"]["id"].as_str().unwrap();
    let activated = activate(&app, &p.school, id).await;
    assert_eq!(
        activated["internshipPlacement"]["status"], "ACTIVE",
        "{activated}"
    );
    let female = report_one("F", "2026-09-03", json!({ "femaleForbiddenWork": true })).await;
    let findings = female["internshipPlacement"]["ruleFindings"].to_string();
    assert!(
        findings.contains(r#"{"rule":"FEMALE_FORBIDDEN_WORK","severity":"BLOCKING"}"#),
        "{findings}"
    );
    // Level II is allowed and reads back; level 5 does not exist.
    let light = report_one("F", "2026-09-04", json!({ "labourIntensity": 2 })).await;
    assert_eq!(
        light["internshipPlacement"]["labourIntensity"], 2,
        "{light}"
    );
    let id = light["internshipPlacement"]["id"].as_str().unwrap();
    let activated = activate(&app, &p.school, id).await;
    assert_eq!(
        activated["internshipPlacement"]["status"], "ACTIVE",
        "{activated}"
    );
    let invalid = report_one("F", "2026-09-05", json!({ "labourIntensity": 5 })).await;
    assert_eq!(codes(&invalid), vec!["INVALID"], "{invalid}");
    assert_eq!(
        invalid["userErrors"][0]["field"],
        json!(["input", "labourIntensity"])
    );
    assert!(invalid["internshipPlacement"].is_null(), "{invalid}");

    // Through the spreadsheet: 是 and a level, as a clerk fills them in.
    let mut row = placement_row("F", FIRM_A, "2026-10-01");
    let column = |field: &str| {
        api::spreadsheet::PLACEMENT_COLUMNS
            .iter()
            .position(|c| c.field == field)
            .unwrap()
    };
    row[column("femaleForbiddenWork")] = "是".into();
    row[column("labourIntensity")] = "3".into();
    let r = multipart(
        &app,
        &p.school,
        "importPlacements",
        "posts.csv",
        csv(&[row], api::spreadsheet::PLACEMENT_COLUMNS),
    )
    .await;
    assert_eq!(r["inserted"], 1, "{r}");
    let list = app
        .post_graphql(
            r#"{ internshipPlacements(first: 10, filter: { startYear: 2026 }) { nodes { startDate femaleForbiddenWork labourIntensity ruleFindings { rule } } } }"#,
            json!({}),
            Some(&p.school),
        )
        .await
        .ok();
    let imported = list.data()["internshipPlacements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["startDate"] == "2026-10-01")
        .cloned()
        .unwrap_or_else(|| panic!("{}", list.body));
    assert_eq!(imported["femaleForbiddenWork"], true);
    assert_eq!(imported["labourIntensity"], 3);
    let rules = imported["ruleFindings"].to_string();
    assert!(
        rules.contains("FEMALE_FORBIDDEN_WORK") && rules.contains("HEAVY_LABOUR"),
        "{rules}"
    );
}

async fn a_placement_meeting_every_rule_activates_and_each_broken_rule_blocks_alone(app: TestApp) {
    let p = parties(&app).await;
    let host = app.unit_id(FIRM_A).await;
    let agency = app.unit_id(AGENCY).await;
    student(&app, &p.school, "A", "2006-03-01", 2).await;
    student(&app, &p.school, "FIRST", "2006-03-01", 1).await;
    student(&app, &p.school, "YOUNG", "2011-01-01", 2).await;
    student(&app, &p.school, "MINOR", "2009-06-01", 2).await;

    let ok = report(&app, &p.school, good("A", &host)).await;
    assert_eq!(codes(&ok), Vec::<String>::new(), "{ok}");
    let blocking: Vec<_> = ok["internshipPlacement"]["ruleFindings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "BLOCKING")
        .collect();
    assert!(blocking.is_empty(), "{ok}");
    let activated = activate(
        &app,
        &p.school,
        ok["internshipPlacement"]["id"].as_str().unwrap(),
    )
    .await;
    assert_eq!(
        activated["internshipPlacement"]["status"], "ACTIVE",
        "{activated}"
    );

    // Each case differs from the good placement in one respect; start dates keep them apart.
    let cases = [
        (
            "A",
            json!({ "agreementSignedOn": null }),
            "AGREEMENT_REQUIRED",
        ),
        ("A", json!({ "consentGiven": false }), "CONSENT_REQUIRED"),
        ("FIRST", json!({}), "FIRST_YEAR_STUDENT"),
        ("YOUNG", json!({}), "UNDER_16"),
        (
            "MINOR",
            json!({ "hazardous": true }),
            "MINOR_FORBIDDEN_WORK",
        ),
        // Student A is female (see `student`).
        (
            "A",
            json!({ "femaleForbiddenWork": true }),
            "FEMALE_FORBIDDEN_WORK",
        ),
        ("A", json!({ "venueType": "KTV" }), "FORBIDDEN_VENUE"),
        ("A", json!({ "arrangedBy": "INTERMEDIARY" }), "INTERMEDIARY"),
        (
            "A",
            json!({ "hostUnitId": agency, "worksElsewhere": true }),
            "INTERMEDIARY",
        ),
        ("A", json!({ "labourIntensity": 3 }), "HEAVY_LABOUR"),
        ("A", json!({ "labourIntensity": 4 }), "HEAVY_LABOUR"),
        // A host that is not a member: the school's report says it is an agency.
        (
            "A",
            json!({ "hostUnitId": null, "hostName": "某人力资源服务有限公司", "hostIsAgency": true, "worksElsewhere": true }),
            "INTERMEDIARY",
        ),
        ("A", json!({ "monthlyPay": 3599 }), "PAY_BELOW_FLOOR"),
        ("A", json!({ "nightShifts": true }), "NO_NIGHT_OR_OVERTIME"),
        ("A", json!({ "weeklyHours": 44 }), "NO_NIGHT_OR_OVERTIME"),
        (
            "A",
            json!({ "insuranceEnd": "2027-01-31" }),
            "INSURANCE_REQUIRED",
        ),
        (
            "MINOR",
            json!({ "agreementGuardianSigned": false }),
            "AGREEMENT_REQUIRED",
        ),
        (
            "MINOR",
            json!({ "guardianConsentGiven": false }),
            "CONSENT_REQUIRED",
        ),
        ("A", json!({ "guardianConsentGiven": false }), "NONE"),
        // The student found the post: the school's approval of the application, not consent.
        (
            "A",
            json!({ "arrangedBy": "STUDENT" }),
            "SCHOOL_APPROVAL_REQUIRED",
        ),
        (
            "A",
            json!({ "arrangedBy": "STUDENT", "consentGiven": false, "applicationApprovedOn": "2026-08-01" }),
            "NONE",
        ),
    ];
    for (i, (number, change, code)) in cases.into_iter().enumerate() {
        let day = format!("2026-09-{:02}", i + 2);
        let input = with(
            with(
                good(number, &host),
                json!({ "startDate": day, "insuranceStart": day }),
            ),
            change.clone(),
        );
        let reported = report(&app, &p.school, input).await;
        assert_eq!(
            codes(&reported),
            Vec::<String>::new(),
            "{change} {reported}"
        );
        let id = reported["internshipPlacement"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let refused = activate(&app, &p.school, &id).await;
        if code == "NONE" {
            // An adult needs no guardian's consent, and a student-arranged placement the school
            // approved needs no consent: these activate.
            assert_eq!(
                refused["internshipPlacement"]["status"], "ACTIVE",
                "{change}: {refused}"
            );
            continue;
        }
        assert_eq!(codes(&refused), vec![code], "{change}");
        let still = app
            .post_graphql(
                "query($id: ID!) { node(id: $id) { ... on InternshipPlacement { status } } }",
                json!({ "id": id }),
                Some(&p.school),
            )
            .await
            .ok();
        assert_eq!(
            still.data()["node"]["status"],
            "PLANNED",
            "nothing changed for {change}"
        );
    }
}

async fn warnings_are_listed_on_the_placement_and_for_the_committees(app: TestApp) {
    let p = parties(&app).await;
    let small = app.unit_id(SMALL_FIRM).await;
    app.mutate(
        "updateMemberUnit",
        "UpdateMemberUnitInput",
        json!({ "id": small, "employeeCount": 10 }),
        "memberUnit { id }",
        Some(&p.secretariat),
    )
    .await;
    student(&app, &p.school, "A", "2006-03-01", 2).await;
    student(&app, &p.school, "B", "2006-03-01", 2).await;
    let a = report(
        &app,
        &p.school,
        with(good("A", &small), json!({ "postStaffCount": 4 })),
    )
    .await;
    let b = report(
        &app,
        &p.school,
        with(
            good("B", &small),
            json!({ "postStaffCount": 4, "endDate": "2026-09-30", "insuranceEnd": "2026-09-30" }),
        ),
    )
    .await;
    let rules = |v: &Value| -> Vec<String> {
        let mut r: Vec<String> = v["internshipPlacement"]["ruleFindings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_owned())
            .collect();
        r.sort();
        r
    };
    // Two interns for 10 staff (> 10%), two of 4 on the post (> 20%), no fees attestation yet.
    assert_eq!(
        rules(&b),
        vec!["DURATION", "NO_FEES", "RATIO_HOST", "RATIO_POST"],
        "{b}"
    );
    // Warnings do not block.
    let id = a["internshipPlacement"]["id"].as_str().unwrap();
    assert_eq!(
        activate(&app, &p.school, id).await["internshipPlacement"]["status"],
        "ACTIVE"
    );
    let list = app
        .post_graphql("{ internshipRuleFindings(year: 2026, rules: [DURATION]) { totalCount nodes { id ruleFindings { rule } } } }", json!({}), Some(&p.secretariat))
        .await
        .ok();
    assert_eq!(list.data()["internshipRuleFindings"]["totalCount"], 1);
    assert_eq!(
        list.data()["internshipRuleFindings"]["nodes"][0]["id"],
        b["internshipPlacement"]["id"]
    );
    let all = app
        .post_graphql(
            "{ internshipRuleFindings(year: 2026, severities: [WARNING]) { totalCount } }",
            json!({}),
            Some(&p.secretariat),
        )
        .await
        .ok();
    assert_eq!(all.data()["internshipRuleFindings"]["totalCount"], 2);
    let forbidden = app
        .post_graphql(
            "{ internshipRuleFindings(year: 2026) { totalCount } }",
            json!({}),
            Some(&p.school),
        )
        .await;
    assert_eq!(forbidden.error_codes(), vec!["FORBIDDEN"]);
}

async fn schools_hosts_other_units_and_the_secretariat_see_what_they_may(app: TestApp) {
    let p = parties(&app).await;
    let host = app.unit_id(FIRM_A).await;
    let full_id = id_for("2006-03-01", 7);
    let saved = student(&app, &p.school, "A", "2006-03-01", 2).await;
    let masked = format!("{}********{}", &full_id[..6], &full_id[14..]);
    assert_eq!(saved["student"]["nationalIdMasked"], masked.as_str());
    let reported = report(&app, &p.school, good("A", &host)).await;
    let id = reported["internshipPlacement"]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let query = "{ internshipPlacements { totalCount nodes { id postTitle mentorName startDate student { name specialty } } } }";
    let personal = "query($id: ID!) { node(id: $id) { ... on InternshipPlacement { student { name dateOfBirth studentNumber nationalIdMasked } } } }";
    // The school and the secretariat: everything, the ID masked.
    for token in [&p.school, &p.secretariat] {
        let r = app.post_graphql(query, json!({}), Some(token)).await.ok();
        assert_eq!(r.data()["internshipPlacements"]["totalCount"], 1);
        let r = app
            .post_graphql(personal, json!({ "id": id }), Some(token))
            .await
            .ok();
        assert_eq!(r.data()["node"]["student"]["dateOfBirth"], "2006-03-01");
        assert_eq!(
            r.data()["node"]["student"]["nationalIdMasked"],
            masked.as_str()
        );
        assert!(
            !r.body.to_string().contains(&full_id),
            "the full ID number never leaves the server"
        );
    }
    // The host: the placement, the intern's name and specialty; nothing more personal.
    let r = app
        .post_graphql(query, json!({}), Some(&p.firm_a))
        .await
        .ok();
    let node = &r.data()["internshipPlacements"]["nodes"][0];
    assert_eq!(
        (
            node["student"]["name"].as_str(),
            node["student"]["specialty"].as_str(),
            node["mentorName"].as_str()
        ),
        (Some("学生A"), Some("数控技术应用"), Some("王师傅"))
    );
    let r = app
        .post_graphql(personal, json!({ "id": id }), Some(&p.firm_a))
        .await;
    assert_eq!(r.error_codes(), vec!["FORBIDDEN"; 3]);
    assert!(!r.body.to_string().contains("2006-03-01"));
    // Other firms and schools: nothing at all.
    for token in [&p.firm_c, &p.school_2] {
        let r = app.post_graphql(query, json!({}), Some(token)).await.ok();
        assert_eq!(r.data()["internshipPlacements"]["totalCount"], 0);
        let r = app
            .post_graphql(
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": id }),
                Some(token),
            )
            .await;
        assert_eq!(r.error_codes(), vec!["NOT_FOUND"]);
    }
    assert_eq!(
        app.post_graphql(query, json!({}), None).await.error_codes(),
        vec!["UNAUTHENTICATED"]
    );

    // Writes: only the school moves a placement; only the host confirms it.
    let confirm = |token: String| {
        let app = &app;
        let id = id.clone();
        async move {
            app.mutate(
                "confirmInternshipPlacement",
                "ConfirmInternshipPlacementInput",
                json!({ "id": id, "noFeesAttested": true }),
                "internshipPlacement { hostConfirmedAt noFeesAttested }",
                Some(&token),
            )
            .await
        }
    };
    assert_eq!(codes(&confirm(p.school.clone()).await), vec!["FORBIDDEN"]);
    assert_eq!(codes(&confirm(p.firm_c.clone()).await), vec!["NOT_FOUND"]);
    let confirmed = confirm(p.firm_a.clone()).await;
    assert_eq!(
        confirmed["internshipPlacement"]["noFeesAttested"], true,
        "{confirmed}"
    );
    assert_eq!(
        codes(&activate(&app, &p.firm_a, &id).await),
        vec!["FORBIDDEN"]
    );
    assert_eq!(
        codes(&activate(&app, &p.secretariat, &id).await),
        vec!["FORBIDDEN"]
    );
    assert_eq!(
        codes(&activate(&app, &p.school_2, &id).await),
        vec!["NOT_FOUND"]
    );
    assert_eq!(
        codes(&report(&app, &p.firm_a, good("A", &host)).await),
        vec!["FORBIDDEN"]
    );
    // Another school's staff cannot report this school's student.
    assert_eq!(
        codes(&report(&app, &p.school_2, good("A", &host)).await),
        vec!["NOT_FOUND"]
    );
    // Naming another school as the host is refused (it would see the student).
    let other_school_host = with(
        good("A", &host),
        json!({ "hostUnitId": null, "hostName": SCHOOL_2, "startDate": "2026-09-02" }),
    );
    assert_eq!(
        codes(&report(&app, &p.school, other_school_host).await),
        vec!["INVALID"]
    );
    // A host reads what is wrong, but not the intern's age or year of study behind it.
    student(&app, &p.school, "YOUNG", "2011-01-01", 1).await;
    let young = report(&app, &p.school, good("YOUNG", &host)).await;
    let school_view = young["internshipPlacement"]["ruleFindings"].to_string();
    // (Chinese, the default language: "15 周岁" is the age, 一年级 the year of study.)
    assert!(school_view.contains("15 周岁"), "{school_view}");
    let host_view = app
        .post_graphql("query($id: ID!) { node(id: $id) { ... on InternshipPlacement { ruleFindings { rule message } } } }", json!({ "id": young["internshipPlacement"]["id"] }), Some(&p.firm_a))
        .await
        .ok();
    let host_view = host_view.data()["node"]["ruleFindings"].to_string();
    assert!(
        host_view.contains("UNDER_16") && host_view.contains("FIRST_YEAR_STUDENT"),
        "{host_view}"
    );
    assert!(
        !host_view.contains("15") && !host_view.contains("一年级"),
        "{host_view}"
    );
    // The same student, host and start date twice is refused.
    assert_eq!(
        codes(&report(&app, &p.school, good("A", &host)).await),
        vec!["TAKEN"]
    );
    // The export is scoped like the query.
    let export = |token: &str| {
        app.client
            .get(app.url("/exports/placements.xlsx"))
            .bearer_auth(token)
            .send()
    };
    let mine = export(&p.school).await.unwrap().bytes().await.unwrap();
    let theirs = export(&p.firm_c).await.unwrap().bytes().await.unwrap();
    assert_eq!(rows_of(&mine).len(), 3);
    assert_eq!(rows_of(&theirs).len(), 1, "only the header");
    let hosted = export(&p.firm_a).await.unwrap().bytes().await.unwrap();
    assert_eq!(rows_of(&hosted).len(), 3);
    assert!(
        rows_of(&hosted)[1][0].is_empty(),
        "a host gets no student numbers"
    );
    // Numbers are numbers and dates dates; the status and the student's name follow the
    // template's columns (a host may see its interns' names, not their numbers).
    for bytes in [&mine, &hosted] {
        let cells = typed_cells(bytes);
        let header: Vec<String> = cells[0].iter().map(ToString::to_string).collect();
        let col = |h: &str| header.iter().position(|x| x == h).unwrap();
        let first = &cells[1];
        assert!(matches!(
            first[col("每周工时 (weeklyHours)")],
            calamine::Data::Float(_)
        ));
        assert!(matches!(
            first[col("开始日期 (startDate)")],
            calamine::Data::DateTime(_)
        ));
        assert_eq!(first[col("状态 (status)")].to_string(), "PLANNED");
        assert!(
            first[col("学生姓名 (studentName)")]
                .to_string()
                .starts_with("学生"),
            "{:?}",
            first
        );
    }
    assert_eq!(
        app.client
            .get(app.url("/exports/placements.xlsx"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
}

async fn importing_a_good_file_a_bad_file_and_the_same_file_twice(app: TestApp) {
    let p = parties(&app).await;
    let students: Vec<Vec<String>> = (0..1000)
        .map(|i| {
            vec![
                format!("S{i:04}"),
                format!("学生{i}"),
                "女".into(),
                "2006-05-01".into(),
                "2".into(),
                "机电一体化".into(),
                String::new(),
            ]
        })
        .collect();
    let r = multipart(
        &app,
        &p.school,
        "importStudents",
        "students.csv",
        csv(&students, api::spreadsheet::STUDENT_COLUMNS),
    )
    .await;
    assert_eq!(
        (
            r["rowsRead"].as_i64(),
            r["inserted"].as_i64(),
            r["errors"].as_array().unwrap().len()
        ),
        (Some(1000), Some(1000), 0),
        "{r}"
    );

    let mut rows: Vec<Vec<String>> = (0..1000)
        .map(|i| placement_row(&format!("S{i:04}"), FIRM_A, "2026-09-01"))
        .collect();
    // One bad row among 1000: an unknown student and a date that is not one.
    rows[500][0] = "NOBODY".into();
    rows[500][23] = "2026-13-01".into();
    let bad = multipart(
        &app,
        &p.school,
        "importPlacements",
        "placements.csv",
        csv(&rows, api::spreadsheet::PLACEMENT_COLUMNS),
    )
    .await;
    assert_eq!(bad["inserted"], 0);
    let errors = bad["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{bad}");
    assert_eq!(
        (
            errors[0]["row"].as_i64(),
            errors[0]["column"].as_str(),
            errors[0]["code"].as_str()
        ),
        (Some(502), Some("startDate"), Some("INVALID"))
    );
    let count = app
        .post_graphql(
            "{ internshipPlacements { totalCount } }",
            json!({}),
            Some(&p.school),
        )
        .await
        .ok();
    assert_eq!(
        count.data()["internshipPlacements"]["totalCount"],
        0,
        "nothing was written"
    );

    rows[500] = placement_row("S0500", FIRM_A, "2026-09-01");
    let file = csv(&rows, api::spreadsheet::PLACEMENT_COLUMNS);
    let good = multipart(
        &app,
        &p.school,
        "importPlacements",
        "placements.csv",
        file.clone(),
    )
    .await;
    assert_eq!(
        (good["inserted"].as_i64(), good["unchanged"].as_i64()),
        (Some(1000), Some(0)),
        "{good}"
    );
    let again = multipart(&app, &p.school, "importPlacements", "placements.csv", file).await;
    assert_eq!(
        (again["inserted"].as_i64(), again["unchanged"].as_i64()),
        (Some(0), Some(1000)),
        "{again}"
    );
    let again = multipart(
        &app,
        &p.school,
        "importStudents",
        "students.csv",
        csv(&students, api::spreadsheet::STUDENT_COLUMNS),
    )
    .await;
    assert_eq!(
        (
            again["inserted"].as_i64(),
            again["updated"].as_i64(),
            again["unchanged"].as_i64()
        ),
        (Some(0), Some(0), Some(1000))
    );

    // The export of the school's placements re-imports without a change.
    let export = app
        .client
        .get(app.url("/exports/placements.xlsx"))
        .bearer_auth(&p.school)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 200);
    let bytes = export.bytes().await.unwrap().to_vec();
    assert_eq!(rows_of(&bytes).len(), 1001);
    let round = multipart(&app, &p.school, "importPlacements", "export.xlsx", bytes).await;
    assert_eq!(
        (
            round["rowsRead"].as_i64(),
            round["inserted"].as_i64(),
            round["unchanged"].as_i64()
        ),
        (Some(1000), Some(0), Some(1000)),
        "{round}"
    );

    // Malformed files get a clear error and change nothing.
    let junk = multipart(
        &app,
        &p.school,
        "importPlacements",
        "placements.xlsx",
        b"this is not a workbook".to_vec(),
    )
    .await;
    assert_eq!(junk["errors"][0]["code"], "MALFORMED_FILE", "{junk}");
    let wrong = multipart(
        &app,
        &p.school,
        "importPlacements",
        "notes.txt",
        b"x".to_vec(),
    )
    .await;
    assert_eq!(wrong["errors"][0]["code"], "MALFORMED_FILE");
    let headerless = multipart(
        &app,
        &p.school,
        "importPlacements",
        "p.csv",
        b"a,b,c\n1,2,3\n".to_vec(),
    )
    .await;
    assert_eq!(headerless["errors"][0]["code"], "MALFORMED_FILE");
    assert!(
        headerless["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("studentNumber")
    );
    // Only school staff import.
    let body: Value = {
        let operations = json!({ "query": "mutation($file: Upload!) { importPlacements(file: $file) { rowsRead } }", "variables": { "file": null } });
        let form = reqwest::multipart::Form::new()
            .text("operations", operations.to_string())
            .text("map", json!({ "0": ["variables.file"] }).to_string())
            .part(
                "0",
                reqwest::multipart::Part::bytes(b"x".to_vec()).file_name("p.csv"),
            );
        app.client
            .post(app.graphql_url())
            .bearer_auth(&p.firm_a)
            .multipart(form)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    };
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
    // The template is the import layout.
    let template = app
        .client
        .get(app.url("/templates/placements.xlsx"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(rows_of(&template)[0][0], "学号 (studentNumber)");
}

async fn retention_matches_a_hand_computed_fixture(app: TestApp) {
    let p = parties(&app).await;
    // 2025: 4 graduates of the school, 2 employed in Weihai → 0.5.
    // 2026: 5 graduates, 4 employed, 3 of them in Weihai → 0.6, up 0.1.
    let outcomes = [
        (2025, "EMPLOYED", true),
        (2025, "EMPLOYED", true),
        (2025, "EMPLOYED", false),
        (2025, "FURTHER_STUDY", false),
        (2026, "EMPLOYED", true),
        (2026, "EMPLOYED", true),
        (2026, "EMPLOYED", true),
        (2026, "EMPLOYED", false),
        (2026, "NOT_YET_EMPLOYED", false),
    ];
    for (i, (year, status, weihai)) in outcomes.iter().enumerate() {
        let number = format!("G{i}");
        student(&app, &p.school, &number, "2004-01-01", 3).await;
        let r = app.mutate( "recordGraduateOutcome", "RecordGraduateOutcomeInput", json!({
            "studentNumber": number, "graduationYear": year, "status": status, "inWeihai": weihai,
            "employerDistrict": if *weihai { json!("HUANCUI") } else { Value::Null },
            "employerName": if *status == "EMPLOYED" { json!("某企业") } else { Value::Null }, "reportedOn": "2026-07-10"
        }), "graduateOutcome { status inWeihai }", Some(&p.school)).await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
    // One graduate of another school (文登, district WENDENG) in 2026, employed in Weihai.
    student(&app, &p.school_2, "W1", "2004-01-01", 3).await;
    app.mutate( "recordGraduateOutcome", "RecordGraduateOutcomeInput", json!({ "studentNumber": "W1", "graduationYear": 2026, "status": "EMPLOYED", "inWeihai": true, "reportedOn": "2026-07-10" }), "graduateOutcome { status }", Some(&p.school_2)).await;

    let q = "query($g: RetentionGroup!) { retention(year: 2026, groupBy: $g) { label graduates employed employedInWeihai retentionRate previousRetentionRate change district } }";
    let r = app
        .post_graphql(q, json!({ "g": "SCHOOL" }), Some(&p.secretariat))
        .await
        .ok();
    let rows = r.data()["retention"].as_array().unwrap().clone();
    let mine = rows.iter().find(|x| x["label"] == SCHOOL).unwrap();
    assert_eq!(
        (
            mine["graduates"].as_i64(),
            mine["employed"].as_i64(),
            mine["employedInWeihai"].as_i64()
        ),
        (Some(5), Some(4), Some(3))
    );
    assert!((mine["retentionRate"].as_f64().unwrap() - 0.6).abs() < 1e-9);
    assert!((mine["previousRetentionRate"].as_f64().unwrap() - 0.5).abs() < 1e-9);
    assert!((mine["change"].as_f64().unwrap() - 0.1).abs() < 1e-9);
    let other = rows.iter().find(|x| x["label"] == SCHOOL_2).unwrap();
    assert_eq!(
        (
            other["graduates"].as_i64(),
            other["retentionRate"].as_f64(),
            other["change"].clone()
        ),
        (Some(1), Some(1.0), Value::Null)
    );
    // By district: 文登 is known from the school's name; 威海技师学院's district is unknown.
    let r = app
        .post_graphql(q, json!({ "g": "DISTRICT" }), Some(&p.secretariat))
        .await
        .ok();
    let rows = r.data()["retention"].as_array().unwrap().clone();
    assert!(
        rows.iter()
            .any(|x| x["district"] == "WENDENG" && x["graduates"] == 1)
    );
    assert!(
        rows.iter()
            .any(|x| x["district"].is_null() && x["graduates"] == 5)
    );
    // A school sees its own rows only; firms see none.
    let r = app
        .post_graphql(q, json!({ "g": "SCHOOL" }), Some(&p.school))
        .await
        .ok();
    assert_eq!(r.data()["retention"].as_array().unwrap().len(), 1);
    assert_eq!(
        app.post_graphql(q, json!({ "g": "SCHOOL" }), Some(&p.firm_a))
            .await
            .error_codes(),
        vec!["FORBIDDEN"]
    );
    // An outcome that contradicts itself is refused.
    let r = app.mutate( "recordGraduateOutcome", "RecordGraduateOutcomeInput", json!({ "studentNumber": "G0", "graduationYear": 2026, "status": "FURTHER_STUDY", "inWeihai": true, "reportedOn": "2026-07-10" }), "graduateOutcome { status }", Some(&p.school)).await;
    assert_eq!(codes(&r), vec!["INVALID"]);
}

async fn the_two_percent_rule_counts_posts_against_staff(app: TestApp) {
    let p = parties(&app).await;
    let host = app.unit_id(FIRM_A).await;
    let small = app.unit_id(SMALL_FIRM).await;
    for (id, staff) in [(&host, 500), (&small, 100)] {
        app.mutate(
            "updateMemberUnit",
            "UpdateMemberUnitInput",
            json!({ "id": id, "employeeCount": staff, "aboveDesignatedSize": true }),
            "memberUnit { id }",
            Some(&p.secretariat),
        )
        .await;
    }
    // The measure is the posts each firm declares; placements it hosts are evidence beside.
    for (id, posts) in [(&host, 3), (&small, 2)] {
        let r = app
            .mutate(
                "offerInternshipPosts",
                "OfferInternshipPostsInput",
                json!({ "unitId": id, "year": 2026, "posts": posts, "specialties": ["数控技术应用"] }),
                "internshipPostOffer { posts }",
                Some(&p.secretariat),
            )
            .await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
    for i in 0..5 {
        student(&app, &p.school, &format!("P{i}"), "2006-03-01", 2).await;
        report(&app, &p.school, good(&format!("P{i}"), &host)).await;
    }
    let q = "{ internshipPostCompliance(year: 2026) { firms { enterprise { name } employeeCount requiredPosts postsDeclared placementsHosted orderClassSeats ratio meetsRule } } }";
    let r = app
        .post_graphql(q, json!({}), Some(&p.secretariat))
        .await
        .ok();
    let rows = r.data()["internshipPostCompliance"]["firms"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["enterprise"]["name"], FIRM_A, "below 100% first");
    assert_eq!(
        (
            rows[0]["postsDeclared"].as_i64(),
            rows[0]["placementsHosted"].as_i64(),
            rows[0]["requiredPosts"].as_f64(),
            rows[0]["meetsRule"].as_bool()
        ),
        (Some(3), Some(5), Some(10.0), Some(false)),
        "five placements hosted do not make up for three posts declared"
    );
    assert!((rows[0]["ratio"].as_f64().unwrap() - 0.3).abs() < 1e-9);
    assert_eq!(
        (
            rows[1]["postsDeclared"].as_i64(),
            rows[1]["placementsHosted"].as_i64(),
            rows[1]["meetsRule"].as_bool()
        ),
        (Some(2), Some(0), Some(true))
    );
    let own = app.post_graphql("query($id: ID!) { memberUnit(id: $id) { internshipPosts(year: 2026) { postsDeclared ratio } } }", json!({ "id": host }), Some(&p.firm_a)).await.ok();
    assert_eq!(
        own.data()["memberUnit"]["internshipPosts"]["postsDeclared"],
        3
    );
    let other = app.post_graphql("query($id: ID!) { memberUnit(id: $id) { internshipPosts(year: 2026) { postsDeclared } } }", json!({ "id": host }), Some(&p.firm_c)).await;
    assert_eq!(other.error_codes(), vec!["FORBIDDEN"]);
    let (statements, _) = app
        .count_statements(app.post_graphql(q, json!({}), Some(&p.secretariat)))
        .await;
    assert!(statements <= 5, "{statements} statements");
}

async fn a_page_of_placements_runs_the_same_statements_for_5_and_25(app: TestApp) {
    let p = parties(&app).await;
    let host = app.unit_id(FIRM_A).await;
    for i in 0..25 {
        student(&app, &p.school, &format!("B{i}"), "2006-03-01", 2).await;
        report(&app, &p.school, good(&format!("B{i}"), &host)).await;
    }
    let q = "query($n: Int!) { internshipPlacements(first: $n) { nodes { postTitle mentorName student { name specialty } host { name } school { name } ruleFindings { rule } } } }";
    // Once before measuring: on PostgreSQL the school and host are then cached
    // (`api::row_cache`).
    app.post_graphql(q, json!({ "n": 1 }), Some(&p.school))
        .await
        .ok();
    let mut counts = Vec::new();
    for n in [5, 25] {
        let (statements, reply) = app
            .count_statements(app.post_graphql(q, json!({ "n": n }), Some(&p.school)))
            .await;
        assert_eq!(
            reply.ok().data()["internshipPlacements"]["nodes"]
                .as_array()
                .unwrap()
                .len(),
            n
        );
        println!(
            "{:?}: internshipPlacements(first: {n}) with student, host, mentor, findings: {statements} statements",
            app.backend
        );
        counts.push(statements);
    }
    assert_eq!(counts[0], counts[1]);
    assert!(counts[1] <= 7, "{} statements", counts[1]);
}

/// The students a page of placements shows are read in the page's statement (a join), each
/// with its own placement; their paged relations still load for all of them at once.
async fn a_page_of_placements_reads_its_students_in_its_own_statement(app: TestApp) {
    let p = parties(&app).await;
    let host = app.unit_id(FIRM_A).await;
    for i in 0..6 {
        student(&app, &p.school, &format!("J{i}"), "2006-03-01", 2).await;
        report(&app, &p.school, good(&format!("J{i}"), &host)).await;
    }
    let q = "query($n: Int!) { internshipPlacements(first: $n) { nodes { postTitle student { studentNumber name } } } }";
    // Once before measuring: on PostgreSQL the account is then cached (`api::row_cache`).
    app.post_graphql(q, json!({ "n": 1 }), Some(&p.school))
        .await
        .ok();
    let (statements, reply) = app
        .count_statements(app.post_graphql(q, json!({ "n": 6 }), Some(&p.school)))
        .await;
    let reply = reply.ok();
    let nodes = reply.data()["internshipPlacements"]["nodes"]
        .as_array()
        .unwrap();
    let mut numbers: Vec<&str> = nodes
        .iter()
        .map(|n| {
            let number = n["student"]["studentNumber"].as_str().unwrap();
            assert_eq!(n["student"]["name"], format!("学生{number}"), "{n}");
            number
        })
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, ["J0", "J1", "J2", "J3", "J4", "J5"]);
    assert_eq!(
        statements,
        app.account_reads() + 1,
        "{:?}: the page and its students in one statement",
        app.backend
    );
    // A paged relation of the students read that way: one statement for all of them, whatever
    // the page's size.
    let nested = "query($n: Int!) { internshipPlacements(first: $n) { nodes { student { name internshipPlacements(first: 2) { nodes { postTitle } } } } } }";
    let mut counts = Vec::new();
    for n in [2, 6] {
        let (statements, reply) = app
            .count_statements(app.post_graphql(nested, json!({ "n": n }), Some(&p.school)))
            .await;
        let reply = reply.ok();
        let nodes = reply.data()["internshipPlacements"]["nodes"]
            .as_array()
            .unwrap();
        assert_eq!(nodes.len(), n);
        for node in nodes {
            assert_eq!(
                node["student"]["internshipPlacements"]["nodes"]
                    .as_array()
                    .unwrap()
                    .len(),
                1,
                "{node}"
            );
        }
        counts.push(statements);
    }
    assert_eq!(counts, [app.account_reads() + 2; 2]);
}

/// A page of placements reads only the columns its selection shows (`api::graphql::object::
/// placement::FIELD_COLUMNS`). Every field of `InternshipPlacement` (from introspection), asked
/// alone on a page and through a fragment, answers as `node()` does, which reads the whole row —
/// for a placement whose every column holds a value other than what a column left unread holds
/// (empty, zero, false, the epoch, an enum's first value), so a field reading a column its entry
/// does not list shows it.
async fn a_narrow_page_answers_every_field_as_the_whole_row_does(app: TestApp) {
    use entity::enums::{ArrangedBy, PlacementStatus, VenueType};
    use entity::internship_placement::{Column as C, Entity};
    use sea_orm::EntityTrait;
    use sea_orm::sea_query::Expr;
    let p = parties(&app).await;
    let host = app.unit_id(FIRM_A).await;
    student(&app, &p.school, "N1", "2006-03-01", 2).await;
    let id = report(&app, &p.school, good("N1", &host)).await["internshipPlacement"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let update = Entity::update_many()
        .col_expr(C::HostUscc, Expr::value("91371000MA3C5ABC12"))
        .col_expr(C::VenueType, Expr::value(VenueType::Office))
        .col_expr(C::Hazardous, Expr::value(true))
        .col_expr(C::FemaleForbiddenWork, Expr::value(true))
        .col_expr(C::LabourIntensity, Expr::value(3))
        .col_expr(C::WeeklyHours, Expr::value(38))
        .col_expr(C::NightShifts, Expr::value(true))
        .col_expr(C::Overtime, Expr::value(true))
        .col_expr(C::PostStaffCount, Expr::value(30))
        .col_expr(C::HostStaffCount, Expr::value(120))
        .col_expr(C::HostIsAgency, Expr::value(true))
        .col_expr(C::ArrangedBy, Expr::value(ArrangedBy::Host))
        .col_expr(C::WorksElsewhere, Expr::value(true))
        .col_expr(C::ApplicationApprovedOn, Expr::value(day("2026-08-21")))
        .col_expr(C::Status, Expr::value(PlacementStatus::Terminated))
        .col_expr(C::TerminationReason, Expr::value("实习单位停产"))
        .col_expr(C::HostConfirmedAt, Expr::value(chrono::Utc::now()))
        .col_expr(C::NoFeesAttested, Expr::value(true));
    // Every placement: the test's only one.
    update.exec(&app.db).await.unwrap();
    let fields = app
        .post_graphql(
            r#"{ __type(name: "InternshipPlacement") { fields { name args { name type { kind } } type { kind ofType { kind ofType { kind } } } } } }"#,
            json!({}),
            Some(&p.school),
        )
        .await
        .ok();
    let fields = fields.data()["__type"]["fields"]
        .as_array()
        .unwrap()
        .clone();
    assert!(fields.len() > 30, "{} fields", fields.len());
    let mut checked = 0;
    for field in &fields {
        let name = field["name"].as_str().unwrap();
        let required = field["args"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["type"]["kind"] == "NON_NULL");
        if required {
            continue;
        }
        let kinds = [
            &field["type"]["kind"],
            &field["type"]["ofType"]["kind"],
            &field["type"]["ofType"]["ofType"]["kind"],
        ];
        let object = kinds.iter().any(|k| *k == "OBJECT");
        let selection = match (name, object) {
            ("student" | "school" | "host", _) => format!("{name} {{ __typename name }}"),
            ("ruleFindings", _) => "ruleFindings { rule message }".to_owned(),
            (_, true) => format!("{name} {{ __typename }}"),
            (_, false) => name.to_owned(),
        };
        let whole = app
            .post_graphql(
                &format!("query($id: ID!) {{ node(id: $id) {{ ... on InternshipPlacement {{ {selection} }} }} }}"),
                json!({ "id": id }),
                Some(&p.school),
            )
            .await
            .ok();
        let expected = &whole.data()["node"][name];
        if !object && name != "id" {
            assert!(
                ![Value::Null, json!(false), json!(""), json!(0)].contains(expected),
                "{name}: the test placement must hold a value there, not {expected}"
            );
        }
        for query in [
            format!("{{ internshipPlacements(first: 5) {{ nodes {{ {selection} }} }} }}"),
            format!(
                "{{ internshipPlacements(first: 5) {{ edges {{ node {{ ...F }} }} }} }} fragment F on InternshipPlacement {{ {selection} }}"
            ),
        ] {
            let page = app
                .post_graphql(&query, json!({}), Some(&p.school))
                .await
                .ok();
            let page = &page.data()["internshipPlacements"];
            let node = page["nodes"]
                .get(0)
                .or_else(|| page["edges"].get(0).map(|e| &e["node"]))
                .unwrap();
            assert_eq!(&node[name], expected, "{name}: {query}");
        }
        checked += 1;
    }
    assert!(checked > 30, "{checked} fields checked");
}

/// The rows of an .xlsx's first sheet, as text.
/// The first sheet's cells with their types.
fn typed_cells(bytes: &[u8]) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range.rows().map(<[calamine::Data]>::to_vec).collect()
}

fn rows_of(bytes: &[u8]) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}
