//! The README's examples answer as the README shows.

use alliance_tests::{TestApp, both_databases, codes};
use serde_json::{Value, json};

use crate::edges::placements;
use crate::fixtures::{FIRM_A, parties};
use crate::order_classes::proposed_class;
use crate::plan::fulfil;

both_databases!(
    the_one_member_query_answers_as_the_readme_shows,
    where_do_we_stand_answers_as_the_readme_shows,
    the_synthetic_demo_answers_as_the_readme_shows
);

/// The fenced block that follows `marker` in the README.
fn block(readme: &str, marker: &str) -> String {
    let after = &readme[readme.find(marker).expect(marker)..];
    let start = after.find("```").unwrap();
    let body = &after[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find("```").unwrap()].to_owned()
}

async fn the_one_member_query_answers_as_the_readme_shows(app: TestApp) {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let query = block(&readme, "<!-- one-member-query -->");
    let answer: Value = serde_json::from_str(&block(&readme, "<!-- one-member-answer -->"))
        .expect("the README's answer is JSON");

    let p = parties(&app).await;
    placements(&app, &p).await;
    fulfil(&app, &p).await;
    proposed_class(&app, &p).await;
    let firm = app.unit_id(FIRM_A).await;
    let size = app
        .mutate(
            "updateMemberUnit",
            "UpdateMemberUnitInput",
            json!({ "id": firm, "employeeCount": 150, "aboveDesignatedSize": true }),
            "memberUnit { id }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&size), Vec::<String>::new(), "{size}");
    let offer = app
        .mutate(
            "offerInternshipPosts",
            "OfferInternshipPostsInput",
            json!({ "unitId": firm, "year": 2026, "posts": 3, "specialties": ["数控技术应用"] }),
            "internshipPostOffer { posts }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&offer), Vec::<String>::new(), "{offer}");

    let reply = app
        .post_graphql(&query, json!({ "id": firm }), Some(&p.secretariat))
        .await
        .ok();
    let got = json!({ "data": reply.data() });
    println!("{}", serde_json::to_string_pretty(&got).unwrap());
    assert_eq!(got, answer, "the README's answer is stale");
}

async fn where_do_we_stand_answers_as_the_readme_shows(app: TestApp) {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let query = block(&readme, "<!-- where-do-we-stand-query -->");
    let answer: Value = serde_json::from_str(&block(&readme, "<!-- where-do-we-stand-answer -->"))
        .expect("the README's answer is JSON");

    let p = parties(&app).await;
    fulfil(&app, &p).await;
    let base = app
        .mutate(
            "createTrainingSite",
            "CreateTrainingSiteInput",
            json!({ "kind": "PUBLIC_TRAINING_BASE", "name": "威高公共实训基地", "specialties": ["医疗器械装配"],
                    "status": "OPERATING", "openedOn": "2026-09-01" }),
            "trainingSite { id }",
            Some(&p.firm_a),
        )
        .await;
    assert_eq!(codes(&base), Vec::<String>::new(), "{base}");
    let council = app.committee_id("理事会").await;
    let meeting = app
        .mutate(
            "recordMeeting",
            "RecordMeetingInput",
            json!({ "committeeId": council, "heldOn": "2026-07-01", "title": "集团第一次理事会会议",
                    "attendeeIds": [app.unit_id(crate::fixtures::SCHOOL).await, app.unit_id(FIRM_A).await] }),
            "meeting { id }",
            Some(&p.secretariat),
        )
        .await;
    assert_eq!(codes(&meeting), Vec::<String>::new(), "{meeting}");
    let staff = app
        .account_token(
            "staff@committee.example.org",
            entity::enums::AccountRole::CommitteeStaff,
            Some("校企合作与招生就业"),
        )
        .await;
    let reply = app
        .post_graphql(&query, json!({ "year": 2026 }), Some(&staff))
        .await
        .ok();
    let got = json!({ "data": reply.data() });
    println!("{}", serde_json::to_string_pretty(&got).unwrap());
    assert_eq!(got, answer, "the README's answer is stale");
}

async fn the_synthetic_demo_answers_as_the_readme_shows(app: TestApp) {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let query = block(&readme, "<!-- synthetic-demo-query -->");
    let answer: Value = serde_json::from_str(&block(&readme, "<!-- synthetic-demo-answer -->"))
        .expect("the README's answer is JSON");
    api::synthetic::dataset::load(&app.db, 1_000, |_, _| {})
        .await
        .expect("the demo loads into a seeded database");
    let token = app.secretariat().await;
    let reply = app.post_graphql(&query, json!({}), Some(&token)).await.ok();
    let got = json!({ "data": reply.data() });
    println!("{}", serde_json::to_string_pretty(&got).unwrap());
    assert_eq!(got, answer, "the README's demo figures are stale");
}
