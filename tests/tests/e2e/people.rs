//! People and platforms: the teacher pool and the dual-qualified certification, reserve
//! craftsmen, apprenticeship bases and certified firms — each written, scoped and counted toward
//! the plan's targets.

use alliance_tests::{TestApp, both_databases, codes};
use entity::enums::AccountRole;
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, FIRM_B, SCHOOL, SCHOOL_2, parties};
use crate::placements::student;

const TEACHING_STAFF: &str = "威海市技工教育集团（联盟）师资建设委员会";

both_databases!(
    the_pool_certifies_dual_qualified_teachers_and_measures_the_share,
    reserve_craftsmen_are_nominated_selected_and_counted,
    apprenticeship_bases_and_certified_firms_count_toward_the_targets,
    a_units_people_cost_the_same_statements_for_more_records,
    platforms_carry_the_grants_the_measures_state_and_the_ledger_follows_them,
    members_share_equipment_and_the_owner_answers_requests_within_capacity
);

const TEACHER: &str = "teacher { id name specialties specialtyTeacher dualQualified dualQualifiedOn leftOn school { name } }";

async fn add_teacher(app: &TestApp, token: &str, input: Value) -> Value {
    app.mutate("addTeacher", "AddTeacherInput", input, TEACHER, Some(token))
        .await
}

/// The standing of target `indicator` in `year`: `(actual, member names)`.
async fn target(app: &TestApp, token: &str, year: i32, indicator: &str) -> (Value, Vec<String>) {
    let r = app
        .post_graphql(
            "query($y: Int!) { targets(year: $y) { target { indicator scope } measured actual members { name } } }",
            json!({ "y": year }),
            Some(token),
        )
        .await
        .ok();
    let row = r.data()["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["target"]["indicator"] == indicator && t["target"]["scope"] == "ALLIANCE")
        .cloned()
        .unwrap_or_else(|| panic!("no {indicator} target: {}", r.body));
    assert_eq!(row["measured"], true, "{row}");
    let members = row["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap().to_owned())
        .collect();
    (row["actual"].clone(), members)
}

async fn the_pool_certifies_dual_qualified_teachers_and_measures_the_share(app: TestApp) {
    let p = parties(&app).await;
    let teaching_staff = app
        .account_token(
            "staff@teachers.example.org",
            AccountRole::CommitteeStaff,
            Some(TEACHING_STAFF),
        )
        .await;
    let other_staff = app
        .account_token(
            "staff@committee.example.org",
            AccountRole::CommitteeStaff,
            Some("校企合作与招生就业"),
        )
        .await;
    let a = add_teacher(&app, &p.school, json!({ "name": "王建国", "specialties": ["数控技术应用"], "professionalTitles": ["高级讲师"],
        "skillLevels": ["数控车工高级技师"], "subjectLeader": true, "phone": "13800000001", "industryQualification": "数控车工高级技师（一级）" })).await;
    assert_eq!(codes(&a), Vec::<String>::new(), "{a}");
    assert_eq!(a["teacher"]["school"]["name"], SCHOOL);
    assert_eq!(a["teacher"]["specialtyTeacher"], true);
    let a_id = a["teacher"]["id"].as_str().unwrap().to_owned();
    let b = add_teacher(
        &app,
        &p.school,
        json!({ "name": "李红", "specialties": ["机电一体化"] }),
    )
    .await;
    let b_id = b["teacher"]["id"].as_str().unwrap().to_owned();
    let c = add_teacher(
        &app,
        &p.school,
        json!({ "name": "赵敏", "specialtyTeacher": false }),
    )
    .await;
    assert_eq!(codes(&c), Vec::<String>::new(), "{c}");
    // School 2 has a teacher too; school staff may not add to another school.
    let other = add_teacher(&app, &p.school_2, json!({ "name": "孙强" })).await;
    let other_id = other["teacher"]["id"].as_str().unwrap().to_owned();
    let r = add_teacher(
        &app,
        &p.school,
        json!({ "name": "钱多", "schoolId": app.unit_id(SCHOOL_2).await }),
    )
    .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = add_teacher(&app, &p.firm_a, json!({ "name": "钱多" })).await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = add_teacher(
        &app,
        &p.secretariat,
        json!({ "name": "钱多", "schoolId": app.unit_id(FIRM_A).await }),
    )
    .await;
    assert_eq!(codes(&r), vec!["NOT_A_SCHOOL"], "{r}");
    let r = add_teacher(&app, &p.school, json!({ "name": "  " })).await;
    assert_eq!(codes(&r), vec!["BLANK"], "{r}");

    // A practice stint names the pool's teacher; another school's teacher is not the school's.
    let station = app
        .mutate(
            "createTeacherPracticeStation",
            "CreateTeacherPracticeStationInput",
            json!({ "name": "威高教师活动站", "specialties": ["数控技术应用"] }),
            "teacherPracticeStation { id }",
            Some(&p.firm_a),
        )
        .await;
    let station = station["teacherPracticeStation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = app
        .mutate(
            "offerPracticePosts",
            "OfferPracticePostsInput",
            json!({ "stationId": station, "year": 2026, "specialty": "数控技术应用", "posts": 3 }),
            "teacherPracticeStation { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let book = |teacher: &str| {
        json!({ "stationId": station, "teacherId": teacher, "specialty": "数控技术应用",
        "startDate": "2026-07-01", "endDate": "2026-07-31", "daysOnSite": 20 })
    };
    let r = app
        .mutate(
            "recordTeacherPractice",
            "RecordTeacherPracticeInput",
            book(&other_id),
            "teacherPractice { id }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["NOT_FOUND"], "{r}");
    let practice = app
        .mutate(
            "recordTeacherPractice",
            "RecordTeacherPracticeInput",
            book(&a_id),
            "teacherPractice { id dualQualified teacherName teacher { name } }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&practice), Vec::<String>::new(), "{practice}");
    assert_eq!(practice["teacherPractice"]["teacher"]["name"], "王建国");
    assert_eq!(practice["teacherPractice"]["teacherName"], "王建国");
    assert_eq!(practice["teacherPractice"]["dualQualified"], false);
    let r = app
        .mutate(
            "confirmTeacherPractice",
            "ConfirmTeacherPracticeInput",
            json!({ "id": practice["teacherPractice"]["id"], "assessment": "合格" }),
            "teacherPractice { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    // The deprecated name still books, adding the teacher to the pool once.
    for _ in 0..2 {
        let r = app.mutate("recordTeacherPractice", "RecordTeacherPracticeInput",
            json!({ "stationId": station, "teacherName": "周新", "specialty": "数控技术应用", "startDate": "2026-08-01", "endDate": "2026-08-05", "daysOnSite": 5 }),
            "teacherPractice { teacher { id name specialties } }", Some(&p.school)).await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
        assert_eq!(
            r["teacherPractice"]["teacher"]["specialties"],
            json!(["数控技术应用"])
        );
    }
    let pool = app.post_graphql("query($s: ID) { teachers(schoolId: $s, search: \"周\") { totalCount nodes { name } } }",
        json!({ "s": app.unit_id(SCHOOL).await }), Some(&p.firm_b)).await.ok();
    assert_eq!(pool.data()["teachers"]["totalCount"], 1, "{}", pool.body);

    // The criteria are on the teacher: the qualification and the confirmed days.
    let q = "query($id: ID!) { node(id: $id) { ... on Teacher { industryQualification confirmedPracticeDays practices { daysOnSite } phone } } }";
    let seen = app
        .post_graphql(q, json!({ "id": a_id }), Some(&teaching_staff))
        .await
        .ok();
    let t = &seen.data()["node"];
    assert_eq!(t["confirmedPracticeDays"], 20, "{t}");
    assert_eq!(t["practices"].as_array().unwrap().len(), 1);
    assert_eq!(t["phone"], "13800000001");
    // A firm reads the pool, not the phone or the stints.
    let seen = app.post_graphql("query($id: ID!) { node(id: $id) { ... on Teacher { name confirmedPracticeDays practices { id } } } }",
        json!({ "id": a_id }), Some(&p.firm_b)).await.ok();
    assert_eq!(seen.data()["node"]["practices"], json!([]));
    assert_eq!(seen.data()["node"]["confirmedPracticeDays"], 20);
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { ... on Teacher { phone } } }",
            json!({ "id": a_id }),
            Some(&p.firm_b),
        )
        .await;
    assert_eq!(r.error_codes(), vec!["FORBIDDEN"], "{}", r.body);
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { ... on Teacher { phone } } }",
            json!({ "id": a_id }),
            Some(&other_staff),
        )
        .await;
    assert_eq!(r.error_codes(), vec!["FORBIDDEN"], "{}", r.body);

    // Only the teaching-staff committee and the secretariat certify.
    let certify = |id: &str, on: Value| json!({ "teacherId": id, "certifiedOn": on, "evidence": "企业实践20天；数控车工高级技师" });
    for token in [&p.school, &p.firm_a, &other_staff] {
        let r = app
            .mutate(
                "certifyDualQualified",
                "CertifyDualQualifiedInput",
                certify(&a_id, json!("2026-09-01")),
                TEACHER,
                Some(token),
            )
            .await;
        assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    }
    let r = app
        .mutate(
            "certifyDualQualified",
            "CertifyDualQualifiedInput",
            json!({ "teacherId": a_id, "certifiedOn": "2026-09-01", "evidence": " " }),
            TEACHER,
            Some(&teaching_staff),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK"], "{r}");
    let r = app
        .mutate(
            "certifyDualQualified",
            "CertifyDualQualifiedInput",
            certify(&a_id, json!("2999-01-01")),
            TEACHER,
            Some(&teaching_staff),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let r = app
        .mutate(
            "certifyDualQualified",
            "CertifyDualQualifiedInput",
            certify(&a_id, json!("2026-09-01")),
            TEACHER,
            Some(&teaching_staff),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert_eq!(r["teacher"]["dualQualified"], true);
    assert_eq!(r["teacher"]["dualQualifiedOn"], "2026-09-01");

    // The share: of the school's three specialty teachers on staff (王建国, 李红, 周新), one.
    let share = "{ dualQualifiedShare(on: \"2026-12-31\") { specialtyTeachers dualQualified share schools { school { name } specialtyTeachers dualQualified share } } }";
    let s = app
        .post_graphql(share, json!({}), Some(&other_staff))
        .await
        .ok();
    let d = &s.data()["dualQualifiedShare"];
    assert_eq!(d["specialtyTeachers"], 4, "{d}"); // with school 2's 孙强
    assert_eq!(d["dualQualified"], 1);
    assert_eq!(d["schools"][0]["school"]["name"], SCHOOL);
    assert_eq!(d["schools"][0]["specialtyTeachers"], 3);
    // A school sees its own share only; a firm none.
    let s = app
        .post_graphql(share, json!({}), Some(&p.school_2))
        .await
        .ok();
    assert_eq!(
        s.data()["dualQualifiedShare"]["schools"][0]["school"]["name"],
        SCHOOL_2
    );
    assert_eq!(
        s.data()["dualQualifiedShare"]["schools"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let r = app.post_graphql(share, json!({}), Some(&p.firm_a)).await;
    assert_eq!(r.error_codes(), vec!["FORBIDDEN"]);
    // A teacher counts from the day entered in the pool: before it, no share.
    let s = app
        .post_graphql(
            "{ dualQualifiedShare(on: \"2025-12-31\") { specialtyTeachers share } }",
            json!({}),
            Some(&p.secretariat),
        )
        .await
        .ok();
    assert_eq!(s.data()["dualQualifiedShare"]["specialtyTeachers"], 0);
    assert_eq!(s.data()["dualQualifiedShare"]["share"], Value::Null);
    // The target: 1 of 4 alliance-wide, the members behind it the school of the certified.
    let (actual, members) = target(&app, &p.secretariat, 2026, "DUAL_QUALIFIED_SHARE").await;
    assert_eq!(actual, 25.0);
    assert_eq!(members, vec![SCHOOL.to_owned()]);
    // A teacher who left no longer counts: 1 of 3; a teacher who left is not certified.
    let r = app
        .mutate(
            "updateTeacher",
            "UpdateTeacherInput",
            json!({ "id": b_id, "leftOn": "2026-10-31", "phone": null }),
            TEACHER,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    assert_eq!(r["teacher"]["leftOn"], "2026-10-31");
    let (actual, _) = target(&app, &p.secretariat, 2026, "DUAL_QUALIFIED_SHARE").await;
    assert!(
        (actual.as_f64().unwrap() - 100.0 / 3.0).abs() < 1e-9,
        "{actual}"
    );
    let r = app
        .mutate(
            "certifyDualQualified",
            "CertifyDualQualifiedInput",
            certify(&b_id, json!("2026-09-01")),
            TEACHER,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
    let r = app
        .mutate(
            "updateTeacher",
            "UpdateTeacherInput",
            json!({ "id": b_id, "name": "李红红" }),
            TEACHER,
            Some(&p.school_2),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    // Withdrawing the certification takes it out of the figure, and is audited.
    let r = app
        .mutate(
            "certifyDualQualified",
            "CertifyDualQualifiedInput",
            json!({ "teacherId": a_id, "certifiedOn": null }),
            TEACHER,
            Some(&teaching_staff),
        )
        .await;
    assert_eq!(r["teacher"]["dualQualified"], false, "{r}");
    let (actual, members) = target(&app, &p.secretariat, 2026, "DUAL_QUALIFIED_SHARE").await;
    assert_eq!(actual, 0.0);
    assert!(members.is_empty());
    let h = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { history(first: 10) { nodes { operation } } } }",
            json!({ "id": a_id }),
            Some(&p.secretariat),
        )
        .await
        .ok();
    let ops: Vec<&str> = h.data()["node"]["history"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["operation"].as_str().unwrap())
        .collect();
    assert_eq!(
        ops.iter().filter(|o| **o == "certifyDualQualified").count(),
        2,
        "{ops:?}"
    );
    // Evaluators read no pool.
    let evaluator = app
        .account_token("eval@third-party.example.org", AccountRole::Evaluator, None)
        .await;
    let r = app
        .post_graphql("{ teachers { totalCount } }", json!({}), Some(&evaluator))
        .await;
    assert_eq!(r.error_codes(), vec!["FORBIDDEN"]);
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": a_id }),
            Some(&evaluator),
        )
        .await;
    assert_eq!(r.error_codes(), vec!["NOT_FOUND"]);
}

async fn reserve_craftsmen_are_nominated_selected_and_counted(app: TestApp) {
    let p = parties(&app).await;
    let staff = app
        .account_token(
            "staff@committee.example.org",
            AccountRole::CommitteeStaff,
            Some("校企合作与招生就业"),
        )
        .await;
    let s1 = student(&app, &p.school, "R001", "2007-03-01", 2).await;
    let s2 = student(&app, &p.school, "R002", "2007-04-01", 2).await;
    let s3 = student(&app, &p.school_2, "R101", "2007-05-01", 2).await;
    let id = |s: &Value| s["student"]["id"].as_str().unwrap().to_owned();
    let nominate = |student: String, token: String| {
        let app = &app;
        async move {
            app.mutate("nominateReserveCraftsman", "NominateReserveCraftsmanInput",
                json!({ "year": 2026, "studentId": student, "reason": "全国技能大赛省选拔赛一等奖" }),
                "reserveCraftsman { id year status school { name } student { name } }", Some(&token)).await
        }
    };
    let n1 = nominate(id(&s1), p.school.clone()).await;
    assert_eq!(codes(&n1), Vec::<String>::new(), "{n1}");
    assert_eq!(n1["reserveCraftsman"]["status"], "NOMINATED");
    let n2 = nominate(id(&s2), p.school.clone()).await;
    let n3 = nominate(id(&s3), p.school_2.clone()).await;
    assert_eq!(codes(&n3), Vec::<String>::new(), "{n3}");
    // Once a year per student; only one's own students; never a firm.
    assert_eq!(
        codes(&nominate(id(&s1), p.school.clone()).await),
        vec!["TAKEN"]
    );
    assert_eq!(
        codes(&nominate(id(&s3), p.school.clone()).await),
        vec!["NOT_FOUND"]
    );
    assert_eq!(
        codes(&nominate(id(&s3), p.firm_a.clone()).await),
        vec!["FORBIDDEN"]
    );
    let r = app
        .mutate(
            "nominateReserveCraftsman",
            "NominateReserveCraftsmanInput",
            json!({ "year": 2026, "studentId": id(&s2), "reason": "" }),
            "reserveCraftsman { id }",
            Some(&p.school_2),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK", "NOT_FOUND"], "{r}");

    // The secretariat selects; nobody else decides.
    let decide = |n: &Value, status: &str| json!({ "id": n["reserveCraftsman"]["id"], "status": status, "note": "2026年度遴选" });
    for token in [&p.school, &staff] {
        let r = app
            .mutate(
                "decideReserveCraftsman",
                "DecideReserveCraftsmanInput",
                decide(&n1, "SELECTED"),
                "reserveCraftsman { id }",
                Some(token),
            )
            .await;
        assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    }
    let r = app
        .mutate(
            "decideReserveCraftsman",
            "DecideReserveCraftsmanInput",
            decide(&n1, "NOMINATED"),
            "reserveCraftsman { id }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    for (n, s) in [(&n1, "SELECTED"), (&n2, "NOT_SELECTED"), (&n3, "SELECTED")] {
        let r = app
            .mutate(
                "decideReserveCraftsman",
                "DecideReserveCraftsmanInput",
                decide(n, s),
                "reserveCraftsman { status decidedOn }",
                Some(&p.secretariat),
            )
            .await;
        assert_eq!(r["reserveCraftsman"]["status"], s, "{r}");
    }
    // A decided nomination is not withdrawn.
    let r = app
        .mutate(
            "withdrawReserveCraftsmanNomination",
            "ReserveCraftsmanIdInput",
            json!({ "id": n2["reserveCraftsman"]["id"] }),
            "reserveCraftsman { id }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");

    // The selected student's record shows it, to its school only.
    let q = "query($id: ID!) { node(id: $id) { ... on Student { reserveCraftsmanNominations { year status } } } }";
    let r = app
        .post_graphql(q, json!({ "id": id(&s1) }), Some(&p.school))
        .await
        .ok();
    assert_eq!(
        r.data()["node"]["reserveCraftsmanNominations"],
        json!([{ "year": 2026, "status": "SELECTED" }])
    );
    // The counts: committees see every school, a school its own, a firm nothing.
    let q = "{ reserveCraftsmenYear(year: 2026) { selected notSelected nominated schools { school { name } selected notSelected } } }";
    let r = app.post_graphql(q, json!({}), Some(&staff)).await.ok();
    let y = &r.data()["reserveCraftsmenYear"];
    assert_eq!(
        (
            y["selected"].clone(),
            y["notSelected"].clone(),
            y["nominated"].clone()
        ),
        (json!(2), json!(1), json!(0)),
        "{y}"
    );
    assert_eq!(y["schools"][0]["school"]["name"], SCHOOL);
    assert_eq!(y["schools"][1]["school"]["name"], SCHOOL_2);
    let r = app.post_graphql(q, json!({}), Some(&p.school_2)).await.ok();
    assert_eq!(r.data()["reserveCraftsmenYear"]["selected"], 1);
    let r = app.post_graphql(q, json!({}), Some(&p.firm_a)).await;
    assert_eq!(r.error_codes(), vec!["FORBIDDEN"]);
    // The names: the school and the secretariat; committee staff and firms read an empty list.
    let list = "{ reserveCraftsmen(year: 2026) { totalCount nodes { student { name } } } }";
    for (token, n) in [
        (&p.school, 2),
        (&p.secretariat, 3),
        (&staff, 0),
        (&p.firm_a, 0),
    ] {
        let r = app.post_graphql(list, json!({}), Some(token)).await.ok();
        assert_eq!(r.data()["reserveCraftsmen"]["totalCount"], n, "{}", r.body);
    }
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": n1["reserveCraftsman"]["id"] }),
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(r.error_codes(), vec!["NOT_FOUND"]);
    // The target counts the selected of the year, by school.
    let (actual, members) = target(&app, &p.secretariat, 2026, "RESERVE_CRAFTSMEN").await;
    assert_eq!(actual, 2.0);
    assert_eq!(members, vec![SCHOOL.to_owned(), SCHOOL_2.to_owned()]);
    let (actual, _) = target(&app, &p.secretariat, 2027, "RESERVE_CRAFTSMEN").await;
    assert_eq!(actual, 0.0);
}

async fn apprenticeship_bases_and_certified_firms_count_toward_the_targets(app: TestApp) {
    let p = parties(&app).await;
    let firm_a = app.unit_id(FIRM_A).await;
    let base = |firm: &str, specialty: &str| json!({ "enterpriseId": firm, "specialty": specialty, "establishedOn": "2026-03-01" });
    const BASE: &str = "apprenticeshipBase { id demonstration demonstrationOn closedOn school { name } enterprise { name } }";
    let b1 = app
        .mutate(
            "recordApprenticeshipBase",
            "RecordApprenticeshipBaseInput",
            base(&firm_a, "数控技术应用"),
            BASE,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&b1), Vec::<String>::new(), "{b1}");
    assert_eq!(b1["apprenticeshipBase"]["enterprise"]["name"], FIRM_A);
    let r = app
        .mutate(
            "recordApprenticeshipBase",
            "RecordApprenticeshipBaseInput",
            base(&firm_a, "数控技术应用"),
            BASE,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["TAKEN"], "{r}");
    let r = app
        .mutate(
            "recordApprenticeshipBase",
            "RecordApprenticeshipBaseInput",
            base(&app.unit_id(SCHOOL_2).await, "焊接"),
            BASE,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["NOT_AN_ENTERPRISE"], "{r}");
    let r = app
        .mutate(
            "recordApprenticeshipBase",
            "RecordApprenticeshipBaseInput",
            base(&firm_a, "焊接"),
            BASE,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let b2 = app
        .mutate(
            "recordApprenticeshipBase",
            "RecordApprenticeshipBaseInput",
            base(&app.unit_id(FIRM_B).await, "机电一体化"),
            BASE,
            Some(&p.school_2),
        )
        .await;

    // The secretariat names demonstration bases, citing the document.
    let designate = |b: &Value, on: Value| json!({ "id": b["apprenticeshipBase"]["id"], "demonstrationOn": on, "document": "威海市人社局 市级示范性企业学徒基地名单（2026）" });
    let r = app
        .mutate(
            "designateDemonstrationBase",
            "DesignateDemonstrationBaseInput",
            designate(&b1, json!("2026-10-01")),
            BASE,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = app
        .mutate(
            "designateDemonstrationBase",
            "DesignateDemonstrationBaseInput",
            designate(&b1, json!("2026-01-01")),
            BASE,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    for b in [&b1, &b2] {
        let r = app
            .mutate(
                "designateDemonstrationBase",
                "DesignateDemonstrationBaseInput",
                designate(b, json!("2026-10-01")),
                BASE,
                Some(&p.secretariat),
            )
            .await;
        assert_eq!(r["apprenticeshipBase"]["demonstration"], true, "{r}");
    }
    let (actual, members) = target(
        &app,
        &p.secretariat,
        2026,
        "DEMONSTRATION_APPRENTICESHIP_BASES",
    )
    .await;
    assert_eq!(actual, 2.0);
    assert_eq!(members, vec![SCHOOL.to_owned(), SCHOOL_2.to_owned()]);
    let (actual, _) = target(
        &app,
        &p.secretariat,
        2025,
        "DEMONSTRATION_APPRENTICESHIP_BASES",
    )
    .await;
    assert_eq!(actual, 0.0);
    // A base closed within the year no longer counts at its end.
    let r = app
        .mutate(
            "closeApprenticeshipBase",
            "CloseApprenticeshipBaseInput",
            json!({ "id": b2["apprenticeshipBase"]["id"], "closedOn": "2026-11-01" }),
            BASE,
            Some(&p.school_2),
        )
        .await;
    assert_eq!(r["apprenticeshipBase"]["closedOn"], "2026-11-01", "{r}");
    let (actual, _) = target(
        &app,
        &p.secretariat,
        2026,
        "DEMONSTRATION_APPRENTICESHIP_BASES",
    )
    .await;
    assert_eq!(actual, 1.0);
    let r = app.post_graphql("query($f: ID) { apprenticeshipBases(enterpriseId: $f, demonstration: true) { totalCount } all: apprenticeshipBases(includeClosed: true) { totalCount } }",
        json!({ "f": firm_a }), Some(&p.firm_b)).await.ok();
    assert_eq!(r.data()["apprenticeshipBases"]["totalCount"], 1);
    assert_eq!(r.data()["all"]["totalCount"], 2);

    // Certifications: the firm applies, the secretariat records the authority's decisions.
    const CERT: &str = "enterpriseCertification { id level status certifiedOn expiresOn countsToday enterprise { name } }";
    let apply = |level: &str| json!({ "level": level, "appliedOn": "2026-03-01" });
    let c1 = app
        .mutate(
            "applyForEnterpriseCertification",
            "ApplyForEnterpriseCertificationInput",
            apply("PROVINCIAL"),
            CERT,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(c1["enterpriseCertification"]["status"], "APPLIED", "{c1}");
    let r = app
        .mutate(
            "applyForEnterpriseCertification",
            "ApplyForEnterpriseCertificationInput",
            apply("PROVINCIAL"),
            CERT,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["TAKEN"], "{r}");
    let r = app
        .mutate(
            "applyForEnterpriseCertification",
            "ApplyForEnterpriseCertificationInput",
            apply("PROVINCIAL"),
            CERT,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let c2 = app
        .mutate(
            "applyForEnterpriseCertification",
            "ApplyForEnterpriseCertificationInput",
            apply("MUNICIPAL"),
            CERT,
            Some(&p.firm_a),
        )
        .await;
    let c3 = app
        .mutate(
            "applyForEnterpriseCertification",
            "ApplyForEnterpriseCertificationInput",
            apply("NATIONAL"),
            CERT,
            Some(&p.firm_b),
        )
        .await;
    let decide = |c: &Value, body: Value| {
        let mut input = body;
        input["id"] = c["enterpriseCertification"]["id"].clone();
        input
    };
    let r = app
        .mutate(
            "decideEnterpriseCertification",
            "DecideEnterpriseCertificationInput",
            decide(
                &c1,
                json!({ "status": "EXPIRED", "expiresOn": "2026-05-01" }),
            ),
            CERT,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
    let r = app
        .mutate(
            "decideEnterpriseCertification",
            "DecideEnterpriseCertificationInput",
            decide(&c1, json!({ "status": "CERTIFIED" })),
            CERT,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK", "BLANK"], "{r}");
    let r = app.mutate("decideEnterpriseCertification", "DecideEnterpriseCertificationInput", decide(&c1, json!({ "status": "CERTIFIED", "certifiedOn": "2026-06-01", "document": "鲁发改社会〔2026〕1号" })), CERT, Some(&p.firm_a)).await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    for c in [&c1, &c2, &c3] {
        let r = app.mutate("decideEnterpriseCertification", "DecideEnterpriseCertificationInput", decide(c, json!({ "status": "CERTIFIED", "certifiedOn": "2026-06-01", "document": "鲁发改社会〔2026〕1号" })), CERT, Some(&p.secretariat)).await;
        assert_eq!(r["enterpriseCertification"]["status"], "CERTIFIED", "{r}");
    }
    // Provincial and national count, municipal does not; a firm counts once.
    let (actual, members) = target(&app, &p.secretariat, 2026, "CERTIFIED_ENTERPRISES").await;
    assert_eq!(actual, 2.0);
    assert_eq!(members, vec![FIRM_A.to_owned(), FIRM_B.to_owned()]);
    let (actual, _) = target(&app, &p.secretariat, 2025, "CERTIFIED_ENTERPRISES").await;
    assert_eq!(actual, 0.0);
    // Firm B's expired within the year: it counted in 2026 until then, not at the year's end.
    let r = app
        .mutate(
            "decideEnterpriseCertification",
            "DecideEnterpriseCertificationInput",
            decide(
                &c3,
                json!({ "status": "EXPIRED", "expiresOn": "2026-10-31" }),
            ),
            CERT,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(r["enterpriseCertification"]["countsToday"], false, "{r}");
    let (actual, members) = target(&app, &p.secretariat, 2026, "CERTIFIED_ENTERPRISES").await;
    assert_eq!(actual, 1.0);
    assert_eq!(members, vec![FIRM_A.to_owned()]);
    // Reachable from the member unit.
    let r = app.post_graphql("query($id: ID!) { memberUnit(id: $id) { enterpriseCertifications { totalCount nodes { level } } apprenticeshipBases { totalCount } } }",
        json!({ "id": firm_a }), Some(&p.school_2)).await.ok();
    assert_eq!(
        r.data()["memberUnit"]["enterpriseCertifications"]["totalCount"],
        2
    );
    assert_eq!(
        r.data()["memberUnit"]["apprenticeshipBases"]["totalCount"],
        1
    );
}

/// The statements `query` costs for `token`.
async fn statements(app: &TestApp, query: &str, token: &str) -> u64 {
    let (n, reply) = app
        .count_statements(app.post_graphql(query, json!({}), Some(token)))
        .await;
    reply.ok();
    n
}

async fn a_units_people_cost_the_same_statements_for_more_records(app: TestApp) {
    let p = parties(&app).await;
    let q = "{ memberUnits(first: 20) { nodes { name teachers(first: 5) { totalCount nodes { name confirmedPracticeDays school { name } } } apprenticeshipBases { nodes { specialty enterprise { name } } } enterpriseCertifications { nodes { level } } platforms { nodes { name grantFen } } platformGrants { nodes { amountFen } } } } }";
    // One of each first (a relation with no row at all costs no statement), then more.
    add_teacher(&app, &p.school, json!({ "name": "甲" })).await;
    let firm = app.unit_id(FIRM_A).await;
    let base =
        |s: &str| json!({ "enterpriseId": firm, "specialty": s, "establishedOn": "2026-03-01" });
    app.mutate(
        "recordApprenticeshipBase",
        "RecordApprenticeshipBaseInput",
        base("装配"),
        "apprenticeshipBase { id }",
        Some(&p.school),
    )
    .await;
    let r = app
        .mutate(
            "applyForEnterpriseCertification",
            "ApplyForEnterpriseCertificationInput",
            json!({ "level": "MUNICIPAL", "appliedOn": "2026-03-01" }),
            "enterpriseCertification { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let platform = |unit: &str, name: &str| json!({ "unitId": unit, "kind": "NATIONAL_SKILL_MASTER_STUDIO", "name": name, "approvedOn": "2026-05-01", "document": "人社部函〔2026〕1号" });
    let r = app
        .mutate(
            "recordPlatform",
            "RecordPlatformInput",
            platform(&firm, "甲工作室"),
            "platform { id }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let few = statements(&app, q, &p.secretariat).await;
    for name in ["乙工作室", "丙工作室"] {
        app.mutate(
            "recordPlatform",
            "RecordPlatformInput",
            platform(&app.unit_id(SCHOOL).await, name),
            "platform { id }",
            Some(&p.secretariat),
        )
        .await;
    }
    for (token, name) in [(&p.school, "乙"), (&p.school, "丙"), (&p.school_2, "丁")] {
        add_teacher(&app, token, json!({ "name": name })).await;
    }
    app.mutate(
        "applyForEnterpriseCertification",
        "ApplyForEnterpriseCertificationInput",
        json!({ "level": "PROVINCIAL", "appliedOn": "2026-03-01" }),
        "enterpriseCertification { id }",
        Some(&p.firm_b),
    )
    .await;
    for s in ["数控", "焊接"] {
        app.mutate(
            "recordApprenticeshipBase",
            "RecordApprenticeshipBaseInput",
            base(s),
            "apprenticeshipBase { id }",
            Some(&p.school_2),
        )
        .await;
    }
    let more = statements(&app, q, &p.secretariat).await;
    println!("memberUnits with teachers, bases and certifications: {few} → {more} statements");
    assert_eq!(few, more);
}

async fn platforms_carry_the_grants_the_measures_state_and_the_ledger_follows_them(app: TestApp) {
    let p = parties(&app).await;
    let staff = app
        .account_token(
            "staff@committee.example.org",
            AccountRole::CommitteeStaff,
            Some("校企合作与招生就业"),
        )
        .await;
    let school = app.unit_id(SCHOOL).await;
    let firm = app.unit_id(FIRM_A).await;
    const PLATFORM: &str = "platform { id kind level grantFen unit { name } }";
    let platform = |unit: &str, kind: &str, name: &str, doc: &str| json!({ "unitId": unit, "kind": kind, "name": name, "approvedOn": "2026-05-01", "document": doc });
    let studio = platform(
        &school,
        "NATIONAL_SKILL_MASTER_STUDIO",
        "王建国国家级技能大师工作室",
        "人社部函〔2026〕12号",
    );
    let r = app
        .mutate(
            "recordPlatform",
            "RecordPlatformInput",
            studio.clone(),
            PLATFORM,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let s = app
        .mutate(
            "recordPlatform",
            "RecordPlatformInput",
            studio.clone(),
            PLATFORM,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&s), Vec::<String>::new(), "{s}");
    assert_eq!(s["platform"]["level"], "NATIONAL");
    assert_eq!(s["platform"]["grantFen"], 50_000_000); // 500,000 CNY, Ten Measures (4)
    let r = app
        .mutate(
            "recordPlatform",
            "RecordPlatformInput",
            studio,
            PLATFORM,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["TAKEN"], "{r}");
    let r = app
        .mutate(
            "recordPlatform",
            "RecordPlatformInput",
            platform(
                &school,
                "MUNICIPAL_COMPETITION_BASE",
                "市级数控竞赛基地",
                " ",
            ),
            PLATFORM,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK"], "{r}");
    let r = app
        .mutate(
            "recordPlatform",
            "RecordPlatformInput",
            platform(
                &school,
                "MUNICIPAL_COMPETITION_BASE",
                "市级数控竞赛基地",
                "威人社字〔2026〕3号",
            ),
            PLATFORM,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(r["platform"]["grantFen"], Value::Null, "{r}");
    let r = app
        .mutate(
            "recordPlatform",
            "RecordPlatformInput",
            platform(
                &firm,
                "QILU_SKILL_MASTER_STATION",
                "威高齐鲁技能大师特色工作站",
                "鲁人社字〔2026〕5号",
            ),
            PLATFORM,
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(r["platform"]["grantFen"], 10_000_000, "{r}"); // 100,000 CNY, Ten Measures (1)

    // The ledger: a grant for each platform whose kind carries one, due from its approval.
    let ledger = "query($u: ID) { platformGrants(unitId: $u) { totalCount nodes { id kind amountFen dueOn paid unit { name } } } }";
    let all = app
        .post_graphql(ledger, json!({}), Some(&p.secretariat))
        .await
        .ok();
    assert_eq!(
        all.data()["platformGrants"]["totalCount"],
        2,
        "{}",
        all.body
    );
    let grant = all.data()["platformGrants"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "NATIONAL_SKILL_MASTER_STUDIO")
        .unwrap()
        .clone();
    assert_eq!(grant["dueOn"], "2026-05-01");
    assert_eq!(grant["paid"], false);
    // A member reads its own ledger; another member none of it.
    for (token, n) in [(&p.school, 1), (&p.firm_a, 1), (&p.firm_b, 0), (&staff, 2)] {
        let r = app.post_graphql(ledger, json!({}), Some(token)).await.ok();
        assert_eq!(r.data()["platformGrants"]["totalCount"], n, "{}", r.body);
    }
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": grant["id"] }),
            Some(&p.firm_b),
        )
        .await;
    assert_eq!(r.error_codes(), vec!["NOT_FOUND"]);

    // Paid once, with a reference, not before it fell due.
    let pay =
        |on: &str| json!({ "id": grant["id"], "paidOn": on, "reference": "威财社指〔2026〕21号" });
    let r = app
        .mutate(
            "recordGrantPayment",
            "RecordGrantPaymentInput",
            pay("2026-06-01"),
            "platformGrant { paid }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = app
        .mutate(
            "recordGrantPayment",
            "RecordGrantPaymentInput",
            pay("2026-04-01"),
            "platformGrant { paid }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let r = app
        .mutate(
            "recordGrantPayment",
            "RecordGrantPaymentInput",
            pay("2026-06-01"),
            "platformGrant { paid paidOn reference }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(r["platformGrant"]["paidOn"], "2026-06-01", "{r}");
    let r = app
        .mutate(
            "recordGrantPayment",
            "RecordGrantPaymentInput",
            pay("2026-06-02"),
            "platformGrant { paid }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");

    // Totals by kind: due and paid, in fen.
    let totals = "{ platformGrantTotals(year: 2026) { kind grants dueFen paidFen } }";
    let r = app.post_graphql(totals, json!({}), Some(&staff)).await.ok();
    assert_eq!(
        r.data()["platformGrantTotals"],
        json!([
            { "kind": "NATIONAL_SKILL_MASTER_STUDIO", "grants": 1, "dueFen": 50_000_000, "paidFen": 50_000_000 },
            { "kind": "QILU_SKILL_MASTER_STATION", "grants": 1, "dueFen": 10_000_000, "paidFen": 0 },
        ])
    );
    let r = app
        .post_graphql(totals, json!({}), Some(&p.firm_a))
        .await
        .ok();
    assert_eq!(
        r.data()["platformGrantTotals"],
        json!([
            { "kind": "QILU_SKILL_MASTER_STATION", "grants": 1, "dueFen": 10_000_000, "paidFen": 0 },
        ])
    );
    let r = app
        .post_graphql(
            "{ platformGrantTotals(year: 2025) { kind } }",
            json!({}),
            Some(&staff),
        )
        .await
        .ok();
    assert_eq!(r.data()["platformGrantTotals"], json!([]));
    // The rates are the measures': 8 kinds, 6 of them with a grant.
    let r = app
        .post_graphql(
            "{ platformGrantRates { kind level amountFen source } }",
            json!({}),
            Some(&p.firm_b),
        )
        .await
        .ok();
    let rates = r.data()["platformGrantRates"].as_array().unwrap();
    assert_eq!(rates.len(), 8);
    let base = rates
        .iter()
        .find(|r| r["kind"] == "NATIONAL_HIGH_SKILL_TRAINING_BASE")
        .unwrap();
    assert_eq!(
        (base["amountFen"].clone(), base["source"].clone()),
        (json!(100_000_000), json!("Ten Measures (4)"))
    );
    assert_eq!(
        rates.iter().filter(|r| !r["amountFen"].is_null()).count(),
        6
    );
    // Reachable from the member.
    let r = app.post_graphql("query($id: ID!) { memberUnit(id: $id) { platforms { totalCount } platformGrants { totalCount } } }", json!({ "id": school }), Some(&p.firm_b)).await.ok();
    assert_eq!(r.data()["memberUnit"]["platforms"]["totalCount"], 2);
    assert_eq!(r.data()["memberUnit"]["platformGrants"]["totalCount"], 0);
}

async fn members_share_equipment_and_the_owner_answers_requests_within_capacity(app: TestApp) {
    let p = parties(&app).await;
    let staff = app
        .account_token(
            "staff@committee.example.org",
            AccountRole::CommitteeStaff,
            Some("校企合作与招生就业"),
        )
        .await;
    const RESOURCE: &str = "sharedResource { id kind name capacity unit { name } archivedAt }";
    let share = |name: &str, capacity: i64| json!({ "kind": "EQUIPMENT", "name": name, "location": "威高产业园3号车间", "capacity": capacity, "conditions": "工作日8:00-17:00，须由本企业操作员在场" });
    let r = app
        .mutate(
            "shareResource",
            "ShareResourceInput",
            share("五轴加工中心", 0),
            RESOURCE,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["MUST_BE_POSITIVE"], "{r}");
    let r = app
        .mutate(
            "shareResource",
            "ShareResourceInput",
            share("五轴加工中心", 20_000),
            RESOURCE,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["TOO_LARGE"], "{r}");
    let cnc = app
        .mutate(
            "shareResource",
            "ShareResourceInput",
            share("五轴加工中心", 10),
            RESOURCE,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(cnc["sharedResource"]["unit"]["name"], FIRM_A, "{cnc}");
    let cnc_id = cnc["sharedResource"]["id"].as_str().unwrap().to_owned();

    let slot = |starts: &str, ends: &str, n: i64| json!({ "resourceId": cnc_id, "startsOn": starts, "endsOn": ends, "headcount": n, "purpose": "数控专业学生实训" });
    const BOOKING: &str =
        "resourceBooking { id status headcount unit { name } resource { name } declineReason }";
    // Not one's own; within the capacity; days in order.
    let r = app
        .mutate(
            "requestResourceSlot",
            "RequestResourceSlotInput",
            slot("2026-12-01", "2026-12-05", 5),
            BOOKING,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let r = app
        .mutate(
            "requestResourceSlot",
            "RequestResourceSlotInput",
            slot("2026-12-01", "2026-12-05", 11),
            BOOKING,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["TOO_LARGE"], "{r}");
    let r = app
        .mutate(
            "requestResourceSlot",
            "RequestResourceSlotInput",
            slot("2026-12-05", "2026-12-01", 5),
            BOOKING,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID"], "{r}");
    let a = app
        .mutate(
            "requestResourceSlot",
            "RequestResourceSlotInput",
            slot("2026-12-01", "2026-12-05", 6),
            BOOKING,
            Some(&p.school),
        )
        .await;
    assert_eq!(a["resourceBooking"]["status"], "REQUESTED", "{a}");
    let b = app
        .mutate(
            "requestResourceSlot",
            "RequestResourceSlotInput",
            slot("2026-12-04", "2026-12-08", 6),
            BOOKING,
            Some(&p.school_2),
        )
        .await;
    let c = app
        .mutate(
            "requestResourceSlot",
            "RequestResourceSlotInput",
            slot("2026-12-10", "2026-12-10", 10),
            BOOKING,
            Some(&p.firm_b),
        )
        .await;
    let id = |v: &Value| v["resourceBooking"]["id"].clone();
    let answer = |v: &Value, accept: bool, reason: Value| json!({ "id": id(v), "accept": accept, "reason": reason });
    // Only the owner answers.
    let r = app
        .mutate(
            "answerResourceRequest",
            "AnswerResourceRequestInput",
            answer(&a, true, Value::Null),
            BOOKING,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = app
        .mutate(
            "answerResourceRequest",
            "AnswerResourceRequestInput",
            answer(&a, true, Value::Null),
            BOOKING,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(r["resourceBooking"]["status"], "ACCEPTED", "{r}");
    // 6 + 6 people overlap on the 4th and 5th: past the 10 places.
    let r = app
        .mutate(
            "answerResourceRequest",
            "AnswerResourceRequestInput",
            answer(&b, true, Value::Null),
            BOOKING,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["TAKEN"], "{r}");
    let r = app
        .mutate(
            "answerResourceRequest",
            "AnswerResourceRequestInput",
            answer(&b, false, Value::Null),
            BOOKING,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["BLANK"], "{r}");
    let r = app
        .mutate(
            "answerResourceRequest",
            "AnswerResourceRequestInput",
            answer(&b, false, json!("该时段已满")),
            BOOKING,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(r["resourceBooking"]["declineReason"], "该时段已满", "{r}");
    let r = app
        .mutate(
            "answerResourceRequest",
            "AnswerResourceRequestInput",
            answer(&b, true, Value::Null),
            BOOKING,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
    // A slot that does not overlap fits.
    let r = app
        .mutate(
            "answerResourceRequest",
            "AnswerResourceRequestInput",
            answer(&c, true, Value::Null),
            BOOKING,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(r["resourceBooking"]["status"], "ACCEPTED", "{r}");

    // Who reads the requests: the asker, the owner, the committees.
    let list = "{ resourceBookings { totalCount } }";
    for (token, n) in [
        (&p.school, 1),
        (&p.school_2, 1),
        (&p.firm_a, 3),
        (&p.firm_b, 1),
        (&p.firm_c, 0),
        (&staff, 3),
    ] {
        let r = app.post_graphql(list, json!({}), Some(token)).await.ok();
        assert_eq!(r.data()["resourceBookings"]["totalCount"], n, "{}", r.body);
    }
    let r = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": id(&a) }),
            Some(&p.firm_c),
        )
        .await;
    assert_eq!(r.error_codes(), vec!["NOT_FOUND"]);

    // The year's use: two accepted slots, 5 + 1 days, 16 people, two users.
    let usage = "{ sharedResourceUse(year: 2026) { resource { name } slots days people users } }";
    let r = app.post_graphql(usage, json!({}), Some(&staff)).await.ok();
    assert_eq!(
        r.data()["sharedResourceUse"],
        json!([{ "resource": { "name": "五轴加工中心" }, "slots": 2, "days": 6, "people": 16, "users": 2 }])
    );
    let r = app
        .post_graphql(usage, json!({}), Some(&p.school))
        .await
        .ok();
    assert_eq!(
        r.data()["sharedResourceUse"],
        json!([]),
        "a school sees its own resources' use only"
    );
    // Cancelling frees the slot; a withdrawn resource takes no new request.
    let r = app
        .mutate(
            "cancelResourceRequest",
            "SharingIdInput",
            json!({ "id": id(&a) }),
            BOOKING,
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&r), vec!["FORBIDDEN"], "{r}");
    let r = app
        .mutate(
            "cancelResourceRequest",
            "SharingIdInput",
            json!({ "id": id(&a) }),
            BOOKING,
            Some(&p.school),
        )
        .await;
    assert_eq!(r["resourceBooking"]["status"], "CANCELLED", "{r}");
    let r = app
        .post_graphql(usage, json!({}), Some(&p.firm_a))
        .await
        .ok();
    assert_eq!(r.data()["sharedResourceUse"][0]["slots"], 1);
    let r = app
        .mutate(
            "withdrawSharedResource",
            "SharingIdInput",
            json!({ "id": cnc_id }),
            RESOURCE,
            Some(&p.firm_a),
        )
        .await;
    assert!(r["sharedResource"]["archivedAt"].is_string(), "{r}");
    let r = app
        .mutate(
            "requestResourceSlot",
            "RequestResourceSlotInput",
            slot("2026-12-20", "2026-12-20", 1),
            BOOKING,
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&r), vec!["INVALID_TRANSITION"], "{r}");
    let r = app.post_graphql("query($id: ID!) { memberUnit(id: $id) { sharedResources { totalCount } all: sharedResources(includeArchived: true) { totalCount } } }",
        json!({ "id": app.unit_id(FIRM_A).await }), Some(&p.school)).await.ok();
    assert_eq!(r.data()["memberUnit"]["sharedResources"]["totalCount"], 0);
    assert_eq!(r.data()["memberUnit"]["all"]["totalCount"], 1);
}
