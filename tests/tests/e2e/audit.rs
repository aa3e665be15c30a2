//! The audit trail (督导 evidence): every write by each role, an import and the command line is
//! recorded with who, when, which operation, which record and the fields changed (personal fields
//! without values); a refused write records nothing; reads of students' personal data by others
//! than their school are recorded; each unit sees the events on its own records.

use alliance_tests::{TestApp, both_databases, codes};
use serde_json::{Value, json};

use crate::fixtures::{FIRM_A, SCHOOL, SCHOOL_2, parties};
use crate::hardening::import;
use crate::placements::{csv, good, placement_row, report, student};

both_databases!(
    each_roles_write_is_recorded_with_who_what_and_the_fields_changed,
    personal_fields_are_recorded_as_changed_without_their_values,
    a_refused_write_records_nothing,
    an_import_records_each_row_it_inserted_as_an_import,
    each_unit_sees_only_the_events_on_its_own_records,
    reads_of_students_personal_data_by_others_than_their_school_are_recorded,
    concurrent_readers_are_each_recorded_with_their_own_account_and_operation,
    one_request_reading_two_schools_students_is_one_event_each_school_seeing_its_own,
    a_read_is_stored_one_row_per_school_on_postgresql_and_purged_with_its_event,
    a_page_of_reads_with_their_entities_stays_within_one_statement_budget,
    mutations_are_refused_over_a_websocket,
    over_a_websocket_only_the_school_reads_its_students_personal_data
);

const EVENTS: &str = "query($filter: AuditEventFilter, $first: Int) { auditEvents(filter: $filter, first: $first) { totalCount nodes { source action operation accountId objectType objectId actorUnit { name } ownerUnit { name } partnerUnit { name } changes { field before after valuesHidden } entities(first: 5) { totalCount nodes { objectId ownerUnit { name } } } } } }";

/// The events matching `filter` as `token` sees them (total, nodes).
async fn events(app: &TestApp, token: &str, filter: Value) -> (u64, Vec<Value>) {
    let reply = app
        .post_graphql(
            EVENTS,
            json!({ "filter": filter, "first": 100 }),
            Some(token),
        )
        .await
        .ok();
    let conn = &reply.data()["auditEvents"];
    (
        conn["totalCount"].as_u64().unwrap(),
        conn["nodes"].as_array().unwrap().clone(),
    )
}

fn change<'a>(event: &'a Value, field: &str) -> Option<&'a Value> {
    event["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == field)
}

/// The global ID of the account behind `token` (`viewer`).
async fn account_of(app: &TestApp, token: &str) -> String {
    let reply = app
        .post_graphql("{ viewer { id } }", json!({}), Some(token))
        .await
        .ok();
    reply.data()["viewer"]["id"].as_str().unwrap().to_owned()
}

async fn each_roles_write_is_recorded_with_who_what_and_the_fields_changed(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    student(&app, &p.school, "A001", "2007-03-01", 3).await;
    let r = report(&app, &p.school, good("A001", &firm)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let placement = r["internshipPlacement"]["id"].as_str().unwrap().to_owned();

    // The school's create: who, which operation, which record, the fields set.
    let (n, list) = events(&app, &p.secretariat, json!({ "objectId": placement })).await;
    assert_eq!(n, 1, "{list:?}");
    let created = &list[0];
    assert_eq!(created["source"], "API");
    assert_eq!(created["action"], "CREATE");
    assert_eq!(created["operation"], "reportInternshipPlacement");
    assert_eq!(created["objectType"], "internship_placement");
    assert_eq!(created["accountId"], account_of(&app, &p.school).await);
    assert_eq!(created["actorUnit"]["name"], SCHOOL);
    assert_eq!(created["ownerUnit"]["name"], SCHOOL);
    assert_eq!(created["partnerUnit"]["name"], FIRM_A);
    let post = change(created, "post_title").unwrap();
    assert_eq!(post["before"], Value::Null);
    assert_eq!(post["after"], "\"数控车工\"");
    assert_eq!(change(created, "weekly_hours").unwrap()["after"], "40");

    // The host's write (confirming the placement) is its own event, with the field it changed.
    let confirmed = app
        .mutate(
            "confirmInternshipPlacement",
            "ConfirmInternshipPlacementInput",
            json!({ "id": placement, "noFeesAttested": true }),
            "internshipPlacement { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&confirmed), Vec::<String>::new(), "{confirmed}");
    let (n, list) = events(&app, &p.secretariat, json!({ "objectId": placement })).await;
    assert_eq!(n, 2);
    let updated = &list[0];
    assert_eq!(updated["action"], "UPDATE");
    assert_eq!(updated["operation"], "confirmInternshipPlacement");
    assert_eq!(updated["actorUnit"]["name"], FIRM_A);
    assert!(change(updated, "host_confirmed_at").is_some(), "{updated}");
    assert!(
        change(updated, "post_title").is_none(),
        "unchanged fields are left out"
    );

    // The secretariat's write: no unit, the value before and after.
    let unit = app.unit_id(SCHOOL_2).await;
    let changed = app
        .mutate(
            "updateMemberUnit",
            "UpdateMemberUnitInput",
            json!({ "id": unit, "employeeCount": 420 }),
            "memberUnit { employeeCount }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&changed), Vec::<String>::new(), "{changed}");
    let (_, list) = events(&app, &p.secretariat, json!({ "objectId": unit })).await;
    let e = &list[0];
    assert_eq!(e["operation"], "updateMemberUnit");
    assert_eq!(e["actorUnit"], Value::Null);
    assert_eq!(e["accountId"], account_of(&app, &p.secretariat).await);
    assert_eq!(
        change(e, "employee_count").unwrap(),
        &json!({ "field": "employee_count", "before": null, "after": "420", "valuesHidden": false })
    );

    // `history` on the node answers the same.
    let reply = app
        .post_graphql(
            "query($id: ID!) { node(id: $id) { history { totalCount nodes { action operation } } } }",
            json!({ "id": placement }),
            Some(&p.school),
        )
        .await
        .ok();
    let history = &reply.data()["node"]["history"];
    assert_eq!(history["totalCount"], 2);
    assert_eq!(
        history["nodes"][1]["operation"],
        "reportInternshipPlacement"
    );

    // Filters: by account, by operation, by time.
    let school_account = account_of(&app, &p.school).await;
    let (_, mine) = events(&app, &p.secretariat, json!({ "accountId": school_account })).await;
    assert!(mine.iter().all(|e| e["actorUnit"]["name"] == SCHOOL));
    let (n, _) = events(
        &app,
        &p.secretariat,
        json!({ "operation": "confirmInternshipPlacement" }),
    )
    .await;
    assert_eq!(n, 1);
    let (n, _) = events(
        &app,
        &p.secretariat,
        json!({ "to": "2000-01-01T00:00:00Z" }),
    )
    .await;
    assert_eq!(n, 0);
}

async fn personal_fields_are_recorded_as_changed_without_their_values(app: TestApp) {
    let p = parties(&app).await;
    let saved = student(&app, &p.school, "P001", "2007-03-01", 3).await;
    let id = saved["student"]["id"].as_str().unwrap().to_owned();
    // The school corrects the name and the birth date.
    let again = app
        .mutate(
            "saveStudent",
            "SaveStudentInput",
            json!({ "studentNumber": "P001", "name": "王小明", "gender": "FEMALE", "dateOfBirth": "2007-04-02",
                    "yearOfStudy": 3, "specialty": "焊接技术应用" }),
            "student { id }",
            Some(&p.school),
        )
        .await;
    assert_eq!(codes(&again), Vec::<String>::new(), "{again}");
    let reply = app
        .post_graphql(
            EVENTS,
            json!({ "filter": { "objectId": id }, "first": 10 }),
            Some(&p.secretariat),
        )
        .await
        .ok();
    let list = reply.data()["auditEvents"]["nodes"].as_array().unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    let update = &list[0];
    assert_eq!(update["action"], "UPDATE");
    for field in ["name", "date_of_birth"] {
        assert_eq!(
            change(update, field).unwrap(),
            &json!({ "field": field, "before": null, "after": null, "valuesHidden": true }),
            "{update}"
        );
    }
    assert_eq!(
        change(update, "specialty").unwrap()["after"],
        "\"焊接技术应用\""
    );
    // No personal value appears anywhere in the trail, before or after.
    let text = reply.body.to_string();
    for value in ["王小明", "学生P001", "2007-04-02", "2007-03-01", "P001"] {
        assert!(!text.contains(value), "{value} leaked into the audit trail");
    }
    let create = &list[1];
    assert_eq!(change(create, "national_id").unwrap()["valuesHidden"], true);
    assert_eq!(
        change(create, "student_number").unwrap()["valuesHidden"],
        true
    );
}

async fn a_refused_write_records_nothing(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    student(&app, &p.school, "R001", "2007-03-01", 3).await;
    let (before, _) = events(&app, &p.secretariat, json!({})).await;
    // A student the school does not have: userErrors, nothing written.
    let refused = report(&app, &p.school, good("NOBODY", &firm)).await;
    assert!(!codes(&refused).is_empty(), "{refused}");
    // A firm may not report placements: FORBIDDEN.
    let forbidden = report(&app, &p.firm_a, good("R001", &firm)).await;
    assert_eq!(codes(&forbidden), vec!["FORBIDDEN"], "{forbidden}");
    let (after, list) = events(&app, &p.secretariat, json!({})).await;
    assert_eq!(after, before, "{:?}", &list[..(after - before) as usize]);
}

async fn an_import_records_each_row_it_inserted_as_an_import(app: TestApp) {
    let p = parties(&app).await;
    for n in ["I001", "I002"] {
        student(&app, &p.school, n, "2006-03-01", 3).await;
    }
    let rows = vec![
        placement_row("I001", FIRM_A, "2026-09-01"),
        placement_row("I002", FIRM_A, "2026-09-01"),
    ];
    let file = csv(&rows, api::spreadsheet::PLACEMENT_COLUMNS);
    let result = import(&app, &p.school, "importPlacements", "p.csv", file.clone()).await;
    assert_eq!(result["inserted"], 2, "{result}");
    let (n, list) = events(
        &app,
        &p.secretariat,
        json!({ "operation": "importPlacements" }),
    )
    .await;
    assert_eq!(n, 2, "{list:?}");
    for e in &list {
        assert_eq!(e["source"], "IMPORT");
        assert_eq!(e["action"], "CREATE");
        assert_eq!(e["objectType"], "internship_placement");
        assert_eq!(e["actorUnit"]["name"], SCHOOL);
    }
    // Importing the same file again inserts nothing and records nothing.
    let again = import(&app, &p.school, "importPlacements", "p.csv", file).await;
    assert_eq!(again["inserted"], 0, "{again}");
    let (n, _) = events(
        &app,
        &p.secretariat,
        json!({ "operation": "importPlacements" }),
    )
    .await;
    assert_eq!(n, 2);
}

async fn each_unit_sees_only_the_events_on_its_own_records(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    student(&app, &p.school, "S001", "2007-03-01", 3).await;
    let r = report(&app, &p.school, good("S001", &firm)).await;
    let placement = r["internshipPlacement"]["id"].as_str().unwrap().to_owned();
    let filter = json!({ "objectId": placement });
    assert_eq!(
        events(&app, &p.school, filter.clone()).await.0,
        1,
        "the school"
    );
    assert_eq!(
        events(&app, &p.firm_a, filter.clone()).await.0,
        1,
        "the host"
    );
    assert_eq!(
        events(&app, &p.school_2, filter.clone()).await.0,
        0,
        "another school"
    );
    assert_eq!(
        events(&app, &p.firm_b, filter.clone()).await.0,
        0,
        "another firm"
    );
    // Another school sees nothing of the school's writes at all.
    let (_, seen) = events(&app, &p.school_2, json!({})).await;
    assert!(
        seen.iter()
            .all(|e| e["ownerUnit"]["name"] != SCHOOL && e["actorUnit"]["name"] != SCHOOL),
        "{seen:?}"
    );
    let reply = app.post_graphql(EVENTS, json!({}), None).await;
    assert_eq!(reply.error_codes(), vec!["UNAUTHENTICATED"]);
    let reply = app
        .post_graphql(
            EVENTS,
            json!({ "filter": { "unitId": placement } }),
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(reply.error_codes(), vec!["BAD_USER_INPUT"]);
}

async fn reads_of_students_personal_data_by_others_than_their_school_are_recorded(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    let saved = student(&app, &p.school, "D001", "2007-03-01", 3).await;
    let id = saved["student"]["id"].as_str().unwrap().to_owned();
    report(&app, &p.school, good("D001", &firm)).await;
    let q = "query Roster { internshipPlacements { nodes { student { name } } } }";
    // The school reading its own students is not recorded; the host and the secretariat are.
    for token in [&p.school, &p.firm_a, &p.secretariat] {
        let reply = app.post_graphql(q, json!({}), Some(token)).await.ok();
        assert_eq!(
            reply.data()["internshipPlacements"]["nodes"][0]["student"]["name"],
            "学生D001"
        );
    }
    let reads = json!({ "actions": ["READ"], "objectId": id });
    let (n, list) = events(&app, &p.school, reads.clone()).await;
    assert_eq!(n, 2, "{list:?}");
    let readers: Vec<&Value> = list.iter().map(|e| &e["actorUnit"]).collect();
    assert!(readers.contains(&&json!({ "name": FIRM_A })), "{list:?}");
    assert!(
        readers.contains(&&Value::Null),
        "the secretariat has no unit"
    );
    assert!(list.iter().all(|e| e["operation"] == "Roster"));
    // A read names no single record: the students it read are its entities.
    for e in &list {
        assert_eq!(
            (&e["objectType"], &e["objectId"]),
            (&json!("student"), &Value::Null)
        );
        assert_eq!(e["ownerUnit"], Value::Null);
        assert_eq!(
            e["entities"],
            json!({ "totalCount": 1, "nodes": [{ "objectId": id, "ownerUnit": { "name": SCHOOL } }] })
        );
    }
    // Another school cannot see who read the school's students.
    assert_eq!(events(&app, &p.school_2, reads.clone()).await.0, 0);

    // The host's export names the student too: recorded as well.
    let export = app
        .client
        .get(app.url("/exports/placements.xlsx"))
        .bearer_auth(&p.firm_a)
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 200);
    let (n, list) = events(
        &app,
        &p.school,
        json!({ "actions": ["READ"], "operation": "GET /exports/placements.xlsx" }),
    )
    .await;
    assert_eq!(n, 1, "{list:?}");
    assert_eq!(list[0]["actorUnit"]["name"], FIRM_A);
}

/// Concurrent requests' reads are written together (`api::read_records`): every one is on record
/// before its answer, once, with its own reader and operation.
async fn concurrent_readers_are_each_recorded_with_their_own_account_and_operation(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    let saved = student(&app, &p.school, "D002", "2007-03-01", 3).await;
    let id = saved["student"]["id"].as_str().unwrap().to_owned();
    report(&app, &p.school, good("D002", &firm)).await;
    let readers: Vec<(String, &String)> = (0..12)
        .flat_map(|i| {
            [
                (format!("Host{i}"), &p.firm_a),
                (format!("Secretariat{i}"), &p.secretariat),
            ]
        })
        .collect();
    let app = &app;
    let requests = readers.into_iter().map(|(operation, token)| async move {
        let q = format!(
            "query {operation} {{ internshipPlacements {{ nodes {{ student {{ name }} }} }} }}"
        );
        let reply = app.post_graphql(&q, json!({}), Some(token)).await.ok();
        assert_eq!(
            reply.data()["internshipPlacements"]["nodes"][0]["student"]["name"],
            "学生D002"
        );
        operation
    });
    let operations = futures_util::future::join_all(requests).await;
    let (n, list) = events(
        app,
        &p.school,
        json!({ "actions": ["READ"], "objectId": id }),
    )
    .await;
    assert_eq!(n, 24, "{list:?}");
    for operation in &operations {
        let found: Vec<&Value> = list
            .iter()
            .filter(|e| e["operation"] == *operation)
            .collect();
        assert_eq!(found.len(), 1, "{operation}: {list:?}");
        let unit = if operation.starts_with("Host") {
            json!({ "name": FIRM_A })
        } else {
            Value::Null
        };
        assert_eq!(found[0]["actorUnit"], unit, "{operation}");
        assert_eq!(
            found[0]["entities"]["nodes"],
            json!([{ "objectId": id, "ownerUnit": { "name": SCHOOL } }])
        );
    }
}

/// A request that shows students of two schools records one `READ` event listing both; each
/// school sees that event with only its own student among the entities, the secretariat both.
async fn one_request_reading_two_schools_students_is_one_event_each_school_seeing_its_own(
    app: TestApp,
) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    let mut ids = Vec::new();
    for (token, number) in [(&p.school, "E001"), (&p.school_2, "E002")] {
        let saved = student(&app, token, number, "2007-03-01", 3).await;
        ids.push(saved["student"]["id"].as_str().unwrap().to_owned());
        let r = report(&app, token, good(number, &firm)).await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
    let q = "query Both { internshipPlacements { nodes { student { name } } } }";
    let reply = app
        .post_graphql(q, json!({}), Some(&p.secretariat))
        .await
        .ok();
    assert_eq!(
        reply.data()["internshipPlacements"]["nodes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let reads = json!({ "actions": ["READ"], "operation": "Both" });
    let (n, list) = events(&app, &p.secretariat, reads.clone()).await;
    assert_eq!(n, 1, "one event for the request: {list:?}");
    let mut all: Vec<&str> = list[0]["entities"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["objectId"].as_str().unwrap())
        .collect();
    all.sort_unstable();
    let mut expected: Vec<&str> = ids.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(all, expected);
    assert_eq!(list[0]["entities"]["totalCount"], 2);
    for (token, id, school) in [
        (&p.school, &ids[0], SCHOOL),
        (&p.school_2, &ids[1], SCHOOL_2),
    ] {
        let (n, list) = events(&app, token, reads.clone()).await;
        assert_eq!(n, 1, "{school}: {list:?}");
        assert_eq!(
            list[0]["entities"],
            json!({ "totalCount": 1, "nodes": [{ "objectId": id, "ownerUnit": { "name": school } }] }),
            "{school} sees only its own student"
        );
        // Its student's history shows the read too.
        let (n, _) = events(&app, token, json!({ "actions": ["READ"], "objectId": id })).await;
        assert_eq!(n, 1, "{school}");
    }
    // Another firm, which neither read them nor owns them, sees no such event.
    assert_eq!(events(&app, &p.firm_b, reads).await.0, 0);
}

/// A read of two students of one school and one of another is stored on PostgreSQL as one row
/// per school in `audit_event_entity_group`, with each school's students as an array; on SQLite
/// as one row per student. Either way `audit_event_entity` lists the three, and the retention
/// purge deletes them with their event.
async fn a_read_is_stored_one_row_per_school_on_postgresql_and_purged_with_its_event(app: TestApp) {
    use sea_orm::{ConnectionTrait, DatabaseBackend, EntityTrait, Statement};
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    let uuid = |ty: &str, id: &str| api::global_id::decode(ty, id).unwrap().to_string();
    let school = uuid("MemberUnit", &app.unit_id(SCHOOL).await);
    let school_2 = uuid("MemberUnit", &app.unit_id(SCHOOL_2).await);
    let mut ids = Vec::new();
    for (token, number) in [
        (&p.school, "G001"),
        (&p.school, "G002"),
        (&p.school_2, "G003"),
    ] {
        let saved = student(&app, token, number, "2007-03-01", 3).await;
        ids.push(uuid("Student", saved["student"]["id"].as_str().unwrap()));
        let r = report(&app, token, good(number, &firm)).await;
        assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    }
    let q = "query Grouped { internshipPlacements { nodes { student { name } } } }";
    app.post_graphql(q, json!({}), Some(&p.secretariat))
        .await
        .ok();
    let mut read: Vec<(String, String)> = entity::audit_event_entity::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| {
            (
                e.object_id.to_string(),
                e.owner_unit_id.unwrap().to_string(),
            )
        })
        .collect();
    read.sort_unstable();
    let mut expected = vec![
        (ids[0].clone(), school.clone()),
        (ids[1].clone(), school.clone()),
        (ids[2].clone(), school_2.clone()),
    ];
    expected.sort_unstable();
    assert_eq!(read, expected, "the three students, each with its school");
    let backend = app.db.get_database_backend();
    let sql = if backend == DatabaseBackend::Postgres {
        "SELECT CAST(owner_unit_id AS text) AS owner, cardinality(object_ids) AS n \
         FROM audit_event_entity_group"
    } else {
        "SELECT owner_unit_id AS owner, 1 AS n FROM audit_event_entity"
    };
    let mut rows: Vec<(String, i32)> = app
        .db
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .iter()
        .map(|r| {
            let owner = match backend {
                DatabaseBackend::Postgres => r.try_get::<String>("", "owner").unwrap(),
                _ => r.try_get::<uuid::Uuid>("", "owner").unwrap().to_string(),
            };
            (owner, r.try_get::<i32>("", "n").unwrap())
        })
        .collect();
    rows.sort_unstable();
    let mut stored = if backend == DatabaseBackend::Postgres {
        vec![(school.clone(), 2), (school_2.clone(), 1)]
    } else {
        vec![
            (school.clone(), 1),
            (school.clone(), 1),
            (school_2.clone(), 1),
        ]
    };
    stored.sort_unstable();
    assert_eq!(rows, stored, "rows as stored on {backend:?}");
    // The purge: the read made a year ago goes with its entities; nothing else is left behind.
    app.db
        .execute_unprepared(&format!(
            "UPDATE audit_event SET occurred_at = {} WHERE action = 'READ'",
            if backend == DatabaseBackend::Postgres {
                "now() - interval '400 days'"
            } else {
                "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-400 days')"
            }
        ))
        .await
        .unwrap();
    assert!(api::audit::purge(&app.db, 365).await.unwrap() >= 1);
    assert_eq!(
        entity::audit_event_entity::Entity::find()
            .all(&app.db)
            .await
            .unwrap(),
        Vec::new(),
        "the read's entities went with it"
    );
}

/// The entities of a page of `READ` events load in one statement for the whole page (and one
/// for their counts): the same number of statements for 2 events as for 8. The page asks for no
/// field whose related rows differ between events (the reader's unit), so its shape is the same.
async fn a_page_of_reads_with_their_entities_stays_within_one_statement_budget(app: TestApp) {
    let p = parties(&app).await;
    let firm = app.unit_id(FIRM_A).await;
    for number in ["F001", "F002"] {
        student(&app, &p.school, number, "2007-03-01", 3).await;
        report(&app, &p.school, good(number, &firm)).await;
    }
    let q = "query Roster { internshipPlacements { nodes { student { name } } } }";
    for token in [&p.firm_a, &p.secretariat, &p.firm_a, &p.secretariat] {
        for _ in 0..2 {
            app.post_graphql(q, json!({}), Some(token)).await.ok();
        }
    }
    let page = "query($first: Int) { auditEvents(first: $first, filter: {actions: [READ]}) { nodes { operation entities(first: 5) { totalCount nodes { objectId ownerUnit { name } } } } } }";
    // Once before measuring: on PostgreSQL the owner unit is then cached (`api::row_cache`).
    app.post_graphql(page, json!({ "first": 1 }), Some(&p.school))
        .await
        .ok();
    let mut counts = Vec::new();
    for first in [2, 8] {
        let (statements, reply) = app
            .count_statements(app.post_graphql(page, json!({ "first": first }), Some(&p.school)))
            .await;
        let reply = reply.ok();
        let nodes = reply.data()["auditEvents"]["nodes"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(nodes.len(), first);
        for node in &nodes {
            assert_eq!(node["entities"]["totalCount"], 2, "{node}");
            assert!(
                node["entities"]["nodes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|e| e["ownerUnit"]["name"] == SCHOOL),
                "{node}"
            );
        }
        counts.push(statements);
    }
    assert_eq!(
        counts[0], counts[1],
        "statements for 2 and 8 events: {counts:?}"
    );
}

async fn mutations_are_refused_over_a_websocket(app: TestApp) {
    use futures_util::SinkExt;
    let p = parties(&app).await;
    let unit = app.unit_id(SCHOOL_2).await;
    let mut socket = crate::subscriptions::connect(
        &app.graphql_url(),
        json!({ "Authorization": format!("Bearer {}", p.secretariat) }),
    )
    .await;
    let ack = crate::subscriptions::next_json(&mut socket).await.unwrap();
    assert_eq!(ack["type"], "connection_ack", "{ack}");
    let mutation = format!(
        "mutation {{ updateMemberUnit(input: {{id: \"{unit}\", employeeCount: 7}}) {{ memberUnit {{ employeeCount }} }} }}"
    );
    socket
        .send(tokio_tungstenite::tungstenite::Message::text(
            json!({ "id": "1", "type": "subscribe", "payload": { "query": mutation } }).to_string(),
        ))
        .await
        .unwrap();
    let reply = crate::subscriptions::next_json(&mut socket).await.unwrap();
    let text = reply.to_string();
    assert!(text.contains("BAD_USER_INPUT"), "{text}");
    // Nothing was written, so nothing was recorded.
    let reply = app
        .post_graphql(
            "query($id: ID!) { memberUnit(id: $id) { employeeCount } }",
            json!({ "id": unit }),
            Some(&p.secretariat),
        )
        .await
        .ok();
    assert_eq!(reply.data()["memberUnit"]["employeeCount"], Value::Null);
    let (n, _) = events(
        &app,
        &p.secretariat,
        json!({ "operation": "updateMemberUnit" }),
    )
    .await;
    assert_eq!(n, 0);
}

/// A subscription cannot record reads, so over a WebSocket a sponsor firm following an order
/// class gets `FORBIDDEN` for its students' names, while the school gets them.
async fn over_a_websocket_only_the_school_reads_its_students_personal_data(app: TestApp) {
    use futures_util::SinkExt;
    let p = parties(&app).await;
    let (_, class) = crate::order_classes::proposed_class(&app, &p).await;
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
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let subscription = "subscription($id: ID!) { orderClassChanged(id: $id) { kind orderClass { enrolments { nodes { student { name } } } } } }";
    let mut sockets = Vec::new();
    for token in [&p.firm_a, &p.school] {
        let mut socket = crate::subscriptions::connect(
            &app.graphql_url(),
            json!({ "Authorization": format!("Bearer {token}") }),
        )
        .await;
        let ack = crate::subscriptions::next_json(&mut socket).await.unwrap();
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        socket
            .send(tokio_tungstenite::tungstenite::Message::text(
                json!({ "id": "1", "type": "subscribe", "payload": { "query": subscription, "variables": { "id": class } } }).to_string(),
            ))
            .await
            .unwrap();
        sockets.push(socket);
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let r = app.mutate("enrolStudent", "EnrolStudentInput",
        json!({ "orderClassId": class, "studentNumber": "W001", "name": "学生W001", "gender": "MALE", "dateOfBirth": "2007-03-01", "targetGroup": "REGULAR" }),
        "enrolment { id }", Some(&p.school)).await;
    assert_eq!(codes(&r), Vec::<String>::new(), "{r}");
    let firm = crate::subscriptions::next_json(&mut sockets[0])
        .await
        .unwrap();
    let school = crate::subscriptions::next_json(&mut sockets[1])
        .await
        .unwrap();
    assert!(firm.to_string().contains("FORBIDDEN"), "{firm}");
    assert!(!firm.to_string().contains("学生W001"), "{firm}");
    assert_eq!(
        school["payload"]["data"]["orderClassChanged"]["orderClass"]["enrolments"]["nodes"][0]["student"]
            ["name"],
        "学生W001",
        "{school}"
    );
}
