//! Enrolling students in an order class and recording their tripartite pre-employment agreements
//! (Ten Measures (7)).

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use entity::enums::{Gender, OrderClassStatus, TargetGroup, Term};
use entity::{enrolment, order_class, order_class_demand, order_class_sponsor, student};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction,
    DbErr, EntityTrait, PaginatorTrait, QueryFilter,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Error, Violation, ViolationCode, refuse};
use crate::events::{Event, EventBus, OrderClassEventKind};
use crate::i18n::Arg;
use crate::msg;
use crate::order_class::class_for_write;
use crate::order_class::require_school;
use crate::text::required;

/// A student to enrol.
#[derive(Debug, Clone)]
pub struct EnrolStudent {
    /// The school's student number (the student is found or created by it).
    pub student_number: String,
    /// Full name.
    pub name: String,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Target group.
    pub target_group: TargetGroup,
}

/// Age in whole years on `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// The day a class starts: 1 September of the cohort year (autumn intake), or 1 March for a demand
/// asking for a spring start.
fn class_start(
    class: &order_class::Model,
    demand: Option<&order_class_demand::Model>,
) -> NaiveDate {
    let month = match demand.map(|d| d.start_term) {
        Some(Term::Spring) => 3,
        _ => 9,
    };
    NaiveDate::from_ymd_opt(class.cohort_year, month, 1).unwrap_or_default()
}

/// Enrols a student in a RECRUITING class (staff of the class's school).
///
/// Rules: a seat must be left (`CLASS_FULL`); unemployed youth and migrant workers only where the
/// demand opens the class to them (`TARGET_GROUP_NOT_ALLOWED`, Ten Measures (2)); no older than the
/// demand's age limit at the class's start (`AGE_LIMIT_EXCEEDED`); once per class
/// (`ALREADY_ENROLLED`).
///
/// # Errors
/// `FORBIDDEN` for anyone but the class's school; database failures.
pub async fn enrol(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    class_id: Uuid,
    mut s: EnrolStudent,
) -> OpResult<(enrolment::Model, student::Model)> {
    let txn = crate::db::write_txn(db).await?;
    let class = match class_for_write(&txn, actor, class_id).await? {
        Ok(c) => c,
        Err(e) => {
            return Ok(Err(e
                .into_iter()
                .map(|mut e| {
                    e.field = Some("orderClassId".into());
                    e
                })
                .collect()));
        }
    };
    require_school(actor, &class)?;
    let demand = match class.demand_id {
        Some(d) => order_class_demand::Entity::find_by_id(d).one(&txn).await?,
        None => None,
    };
    let today = Utc::now().date_naive();
    let mut errors = check_enrolment(&class, demand.as_ref(), &mut s, today);
    let enrolled = enrolment::Entity::find()
        .filter(enrolment::Column::OrderClassId.eq(class_id))
        .count(&txn)
        .await?;
    if enrolled >= u64::try_from(class.planned_seats).unwrap_or(0) {
        errors.push(Violation::on(
            "orderClassId",
            ViolationCode::ClassFull,
            msg!("order-class-full"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let student = save_enrolled_student(&txn, class.school_id, &s, now).await?;
    let twice = enrolment::Entity::find()
        .filter(enrolment::Column::OrderClassId.eq(class_id))
        .filter(enrolment::Column::StudentId.eq(student.id))
        .count(&txn)
        .await?;
    if twice > 0 {
        return Ok(refuse(
            "studentNumber",
            ViolationCode::AlreadyEnrolled,
            msg!("order-class-already-enrolled"),
        ));
    }
    let enrolment = enrolment::ActiveModel {
        id: Set(Uuid::now_v7()),
        order_class_id: Set(class_id),
        student_id: Set(student.id),
        target_group: Set(s.target_group),
        created_at: Set(now),
        agreement_enterprise_id: Set(None),
        agreement_signed_on: Set(None),
        agreement_guardian_signed: Set(false),
    }
    .insert(&txn)
    .await?;
    let event = Event::OrderClass {
        id: class_id,
        kind: OrderClassEventKind::Enrolled,
    };
    bus.commit_and_publish(txn, [event], (enrolment, student))
        .await
}

/// What can be checked of an enrolment without counting seats (names are trimmed in place): the
/// student's number, name and date of birth, the class's status, and the demand's target groups
/// and age limit (Ten Measures (2)).
fn check_enrolment(
    class: &order_class::Model,
    demand: Option<&order_class_demand::Model>,
    s: &mut EnrolStudent,
    today: NaiveDate,
) -> Vec<Violation> {
    let mut errors = Vec::new();
    s.student_number = required(&s.student_number, "studentNumber", &mut errors);
    s.name = required(&s.name, "name", &mut errors);
    if s.date_of_birth >= today {
        errors.push(Violation::on(
            "dateOfBirth",
            ViolationCode::Invalid,
            msg!("order-class-birth-date-not-past"),
        ));
    }
    if class.status != OrderClassStatus::Recruiting {
        errors.push(Violation::on(
            "orderClassId",
            ViolationCode::InvalidTransition,
            msg!(
                "order-class-enrol-not-recruiting",
                status = Arg::label(&class.status)
            ),
        ));
    }
    let Some(d) = demand else {
        return errors;
    };
    let allowed = match s.target_group {
        TargetGroup::Regular => true,
        TargetGroup::UnemployedYouth => d.open_to_unemployed_youth,
        TargetGroup::MigrantWorker => d.open_to_migrant_workers,
    };
    if !allowed {
        errors.push(Violation::on(
            "targetGroup",
            ViolationCode::TargetGroupNotAllowed,
            msg!(
                "order-class-target-group-not-allowed",
                group = Arg::label(&s.target_group)
            ),
        ));
    }
    if let Some(limit) = d.age_limit {
        let age = age_on(s.date_of_birth, class_start(class, Some(d)));
        if age > limit {
            errors.push(Violation::on(
                "dateOfBirth",
                ViolationCode::AgeLimitExceeded,
                msg!("order-class-age-limit-exceeded", age = age, limit = limit),
            ));
        }
    }
    errors
}

/// The school's student with the enrolment's number: updated with the enrolment's name, gender and
/// birth date, or created.
async fn save_enrolled_student(
    txn: &DatabaseTransaction,
    school: Uuid,
    s: &EnrolStudent,
    now: DateTime<Utc>,
) -> Result<student::Model, DbErr> {
    let existing = student::Entity::find()
        .filter(student::Column::SchoolId.eq(school))
        .filter(student::Column::StudentNumber.eq(s.student_number.as_str()))
        .one(txn)
        .await?;
    match existing {
        Some(st) => {
            let mut m: student::ActiveModel = st.into();
            m.name = Set(s.name.clone());
            m.gender = Set(s.gender);
            m.date_of_birth = Set(s.date_of_birth);
            m.updated_at = Set(now);
            m.update(txn).await
        }
        None => {
            student::ActiveModel {
                id: Set(Uuid::now_v7()),
                school_id: Set(school),
                student_number: Set(s.student_number.clone()),
                name: Set(s.name.clone()),
                gender: Set(s.gender),
                date_of_birth: Set(s.date_of_birth),
                year_of_study: Set(None),
                specialty: Set(None),
                national_id: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                archived_at: Set(None),
            }
            .insert(txn)
            .await
        }
    }
}

/// Records a student's tripartite pre-employment agreement (三方预就业协议: school, sponsoring
/// firm, student; "招生即招工·入校即入职", Ten Measures (7)). Staff of the class's school record it.
///
/// Rules: the firm must sponsor the class (`NOT_A_SPONSOR`); signed on a past or present day
/// (`INVALID`); a student under 18 on that day needs the guardian's signature too
/// (`GUARDIAN_SIGNATURE_REQUIRED`).
///
/// # Errors
/// `FORBIDDEN` for anyone but the class's school; database failures.
pub async fn record_agreement(
    db: &DatabaseConnection,
    bus: &EventBus,
    actor: &Actor,
    enrolment_id: Uuid,
    enterprise_id: Uuid,
    signed_on: NaiveDate,
    guardian_signed: bool,
) -> OpResult<enrolment::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some((enrolment, class)) = enrolment::Entity::find_by_id(enrolment_id)
        .find_also_related(order_class::Entity)
        .one(&txn)
        .await?
        .and_then(|(e, c)| c.map(|c| (e, c)))
    else {
        return Ok(refuse(
            "enrolmentId",
            ViolationCode::NotFound,
            msg!("order-class-enrolment-not-found"),
        ));
    };
    require_school(actor, &class)?;
    let student = student::Entity::find_by_id(enrolment.student_id)
        .one(&txn)
        .await?;
    let mut errors = Vec::new();
    let sponsor = order_class_sponsor::Entity::find()
        .filter(order_class_sponsor::Column::OrderClassId.eq(class.id))
        .filter(order_class_sponsor::Column::EnterpriseId.eq(enterprise_id))
        .count(&txn)
        .await?;
    if sponsor == 0 {
        errors.push(Violation::on(
            "enterpriseId",
            ViolationCode::NotASponsor,
            msg!("order-class-not-a-sponsor"),
        ));
    }
    if signed_on > Utc::now().date_naive() {
        errors.push(Violation::on(
            "signedOn",
            ViolationCode::Invalid,
            msg!("order-class-signed-on-future"),
        ));
    }
    if let Some(st) = &student
        && age_on(st.date_of_birth, signed_on) < 18
        && !guardian_signed
    {
        errors.push(Violation::on(
            "guardianSigned",
            ViolationCode::GuardianSignatureRequired,
            msg!("order-class-guardian-signature-required"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut m: enrolment::ActiveModel = enrolment.into();
    m.agreement_enterprise_id = Set(Some(enterprise_id));
    m.agreement_signed_on = Set(Some(signed_on));
    m.agreement_guardian_signed = Set(guardian_signed);
    let enrolment = m.update(&txn).await?;
    let event = Event::OrderClass {
        id: class.id,
        kind: OrderClassEventKind::AgreementSigned,
    };
    bus.commit_and_publish(txn, [event], enrolment).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_counts_whole_years() {
        let birth = NaiveDate::from_ymd_opt(2010, 9, 2).unwrap_or_default();
        assert_eq!(
            age_on(
                birth,
                NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or_default()
            ),
            15
        );
        assert_eq!(
            age_on(
                birth,
                NaiveDate::from_ymd_opt(2026, 9, 2).unwrap_or_default()
            ),
            16
        );
    }

    fn enrolment(target_group: TargetGroup, born: NaiveDate) -> EnrolStudent {
        EnrolStudent {
            student_number: " 2026001 ".into(),
            name: "李四".into(),
            gender: Gender::Female,
            date_of_birth: born,
            target_group,
        }
    }

    #[test]
    fn enrolment_follows_the_demands_target_groups_and_age_limit() {
        use crate::fixtures::{self, date};
        let school = uuid::Uuid::now_v7();
        let class = order_class::Model {
            cohort_year: 2026,
            status: OrderClassStatus::Recruiting,
            ..fixtures::order_class(school)
        };
        let open_to_youth = order_class_demand::Model {
            open_to_unemployed_youth: true,
            age_limit: Some(35),
            ..fixtures::demand(uuid::Uuid::now_v7())
        };
        let today = date(2026, 11, 21);
        let codes = |demand: Option<&order_class_demand::Model>, s: &mut EnrolStudent| {
            check_enrolment(&class, demand, s, today)
                .into_iter()
                .map(|v| v.code)
                .collect::<Vec<_>>()
        };
        use TargetGroup as G;
        use ViolationCode as C;
        // (demand, target group, born, codes)
        let cases = [
            (
                Some(&open_to_youth),
                G::UnemployedYouth,
                date(1995, 1, 1),
                vec![],
            ),
            (
                Some(&open_to_youth),
                G::MigrantWorker,
                date(1995, 1, 1),
                vec![C::TargetGroupNotAllowed],
            ),
            // 35 on 1 September 2026 is within the limit; 36 is not.
            (Some(&open_to_youth), G::Regular, date(1991, 9, 1), vec![]),
            (
                Some(&open_to_youth),
                G::Regular,
                date(1990, 8, 31),
                vec![C::AgeLimitExceeded],
            ),
            (None, G::MigrantWorker, date(1970, 1, 1), vec![]),
            (None, G::Regular, date(2026, 11, 21), vec![C::Invalid]),
        ];
        for (demand, group, born, expected) in cases {
            let mut s = enrolment(group, born);
            assert_eq!(codes(demand, &mut s), expected, "{group:?} born {born}");
            assert_eq!(s.student_number, "2026001");
        }
        let proposed = order_class::Model {
            status: OrderClassStatus::Proposed,
            ..class.clone()
        };
        let mut s = enrolment(G::Regular, date(2008, 1, 1));
        let found: Vec<_> = check_enrolment(&proposed, None, &mut s, today)
            .into_iter()
            .map(|v| v.code)
            .collect();
        assert_eq!(found, [C::InvalidTransition]);
    }
}
