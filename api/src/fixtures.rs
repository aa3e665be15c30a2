//! Rows for the unit tests of the pure rules: complete models with plain values, to be changed
//! with struct-update syntax (`Model { hazardous: true, ..placement(…) }`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, NaiveDate, Utc};
use entity::enums::{
    ArrangedBy, DemandStatus, Gender, MemberUnitKind, OrderClassStatus, PlacementStatus, Term,
    VenueType,
};
use entity::{internship_placement, member_unit, order_class, order_class_demand, student};
use uuid::Uuid;

/// A fixed instant, so that tests do not depend on the clock.
pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-09-01T08:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// A calendar date.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A member unit of `kind` named `name`, with nothing else recorded.
pub fn unit(kind: MemberUnitKind, name: &str) -> member_unit::Model {
    member_unit::Model {
        id: Uuid::now_v7(),
        name: name.to_owned(),
        name_sort_key: entity::sort_key::name_sort_key(name),
        list_order: 1,
        kind,
        category: kind.category(),
        district: None,
        uscc: None,
        employee_count: None,
        above_designated_size: None,
        may_sponsor_order_classes: None,
        carries_firm_commitments: false,
        council_role: None,
        contact_person: None,
        contact_phone: None,
        address: None,
        joined_on: None,
        source: None,
        created_at: now(),
        updated_at: now(),
    }
}

/// A proposed order class of `school` with an empty plan.
pub fn order_class(school: Uuid) -> order_class::Model {
    order_class::Model {
        id: Uuid::now_v7(),
        demand_id: None,
        school_id: school,
        name: "数控订单班".into(),
        specialty_name: "数控技术应用".into(),
        specialty_code: None,
        cohort_year: 2026,
        planned_seats: 0,
        total_specialty_hours: 0,
        enterprise_workshop_hours: 0,
        core_practice_hours: 0,
        ordinary_class_practice_hours: 0,
        course_goals_agreed: false,
        course_goals_note: None,
        course_model_agreed: false,
        course_model_note: None,
        content_agreed: false,
        content_note: None,
        management_agreed: false,
        management_note: None,
        assessment_agreed: false,
        assessment_note: None,
        status: OrderClassStatus::Proposed,
        cancel_reason: None,
        school_accepted_at: None,
        school_accepted_by: None,
        agreed_at: None,
        created_at: now(),
        updated_at: now(),
        enrolled_count: 0,
        agreements_signed: 0,
    }
}

/// A second-year student of `school`, born on `born`.
pub fn student(school: Uuid, born: NaiveDate) -> student::Model {
    student::Model {
        id: Uuid::now_v7(),
        school_id: school,
        student_number: "2025001".into(),
        name: "张三".into(),
        gender: Gender::Male,
        date_of_birth: born,
        year_of_study: Some(2),
        specialty: None,
        national_id: None,
        created_at: now(),
        updated_at: now(),
        archived_at: None,
    }
}

/// A placement of `student` that meets every national rule: signed agreement, consent,
/// insurance over the whole term, pay at the post's wage, a standard week, six months in a firm.
pub fn placement(
    student: &student::Model,
    host: &member_unit::Model,
) -> internship_placement::Model {
    internship_placement::Model {
        id: Uuid::now_v7(),
        student_id: student.id,
        school_id: student.school_id,
        host_unit_id: Some(host.id),
        host_name: host.name.clone(),
        host_uscc: None,
        host_key: host.id.to_string(),
        order_class_id: None,
        post_title: "数控车工".into(),
        venue_type: VenueType::Workshop,
        hazardous: false,
        female_forbidden_work: false,
        labour_intensity: None,
        weekly_hours: 40,
        night_shifts: false,
        overtime: false,
        post_staff_count: Some(100),
        host_staff_count: None,
        host_is_agency: false,
        monthly_pay: 4000,
        post_wage: 4000,
        mentor_name: Some("李师傅".into()),
        mentor_title: None,
        arranged_by: ArrangedBy::School,
        works_elsewhere: false,
        agreement_signed_on: Some(date(2026, 8, 20)),
        agreement_guardian_signed: true,
        consent_given: true,
        insurance_policy: Some("PICC-1".into()),
        insurance_start: Some(date(2026, 9, 1)),
        insurance_end: Some(date(2027, 2, 28)),
        start_date: date(2026, 9, 1),
        end_date: date(2027, 2, 28),
        status: PlacementStatus::Planned,
        termination_reason: None,
        host_confirmed_at: Some(now()),
        no_fees_attested: true,
        guardian_consent_given: true,
        application_approved_on: None,
        training_site_id: None,
        created_at: now(),
        updated_at: now(),
    }
}

/// An OPEN demand of `firm` for 30 students from autumn 2026, open to regular students only, with
/// no age limit.
pub fn demand(firm: Uuid) -> order_class_demand::Model {
    order_class_demand::Model {
        id: Uuid::now_v7(),
        enterprise_id: firm,
        specialty_name: "数控技术应用".into(),
        specialty_code: None,
        required_skills: None,
        required_certificates: None,
        start_year: 2026,
        start_term: Term::Autumn,
        work_district: None,
        pay_min: None,
        pay_max: None,
        application_deadline: None,
        open_to_unemployed_youth: false,
        open_to_migrant_workers: false,
        age_limit: None,
        description: None,
        status: DemandStatus::Open,
        matched_seats: 0,
        created_at: now(),
        updated_at: now(),
    }
}
