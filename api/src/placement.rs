//! Internship placements (岗位实习), checked against the national rules for vocational students'
//! internships (职业学校学生实习管理规定, 教职成〔2021〕4号; `INTERNSHIP-RULES.md`), students, graduate
//! outcomes, and the plan's 2% rule (`000_*.txt` (十); `003_*.txt` item 8).
//!
//! A placement is reported PLANNED by the student's school; activation checks every blocking rule
//! and refuses with the rules' codes, changing nothing. Warning rules (ratios, duration, the host's
//! no-fees attestation) are listed on the placement and across the alliance.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Utc};
use entity::enums::{
    AccountRole, ArrangedBy, District, Gender, MemberUnitKind, OutcomeStatus, PlacementStatus,
    VenueType,
};
use entity::{graduate_outcome, internship_placement, member_unit, student};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::db::no_rows;
use crate::error::{Error, Violation, ViolationCode, refuse};
pub use crate::error::{OpResult, Outcome};
use crate::order_class::age_on;
use crate::{national_id, uscc};

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

/// A rule of `INTERNSHIP-RULES.md` (and the plan's 2% rule, reported separately).
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlacementRule {
    /// No 岗位实习 without a signed tripartite agreement (school, host, student; a minor's
    /// guardian too) — 2021 rules, ch. 3.
    AgreementRequired,
    /// School-organised placements need the student's (and a minor's guardian's) informed consent —
    /// 2021 rules, ch. 2.
    ConsentRequired,
    /// No 岗位实习 for first-year students — art. 16 (1). The year of study must be recorded.
    FirstYearStudent,
    /// No 岗位实习 under 16 (age on the start date) — art. 16 (2).
    Under16,
    /// Minors do no work banned by 《未成年工特殊保护规定》 — art. 16 (3).
    MinorForbiddenWork,
    /// No placements in bars, nightclubs, KTV, bath centres, game halls, internet cafés — art. 16 (5).
    ForbiddenVenue,
    /// No placements arranged by intermediaries or paid agents; an HR-service agency may host only
    /// in its own offices — art. 16 (6).
    Intermediary,
    /// Pay ≥ 80% of the host's wage for the same post — art. 18.
    PayBelowFloor,
    /// No night shifts, overtime (beyond the standard 40-hour week) or holiday work — 2021 rules,
    /// ch. 3.
    NoNightOrOvertime,
    /// Liability insurance must cover the whole placement — 2021 rules.
    InsuranceRequired,
    /// Interns ≤ 10% of the host's staff — 2016 art. 9, kept "in principle" in 2021 (warning).
    RatioHost,
    /// Interns ≤ 20% of the staff on the same post — 2016 art. 9 (warning).
    RatioPost,
    /// 岗位实习 normally lasts about 6 months; warned outside 3–9 months (warning).
    Duration,
    /// The host attests it charges no deposits or fees and holds no ID cards — 2021 rules (warning
    /// until attested).
    NoFees,
}

impl PlacementRule {
    /// What the rule asks, without the student's figures (shown to a host, which may not see the
    /// intern's age or year of study).
    pub fn summary(self) -> &'static str {
        match self {
            Self::AgreementRequired => "a signed tripartite agreement is required",
            Self::ConsentRequired => "informed consent is required",
            Self::FirstYearStudent => "the student's year of study does not allow 岗位实习",
            Self::Under16 => "the student's age does not allow 岗位实习",
            Self::MinorForbiddenWork => "the post is not allowed for this student",
            Self::ForbiddenVenue => "the venue is forbidden for student internships",
            Self::Intermediary => "the placement may not go through an intermediary",
            Self::PayBelowFloor => "pay is below 80% of the post's wage",
            Self::NoNightOrOvertime => "no night shifts, overtime or holiday work",
            Self::InsuranceRequired => "liability insurance must cover the whole placement",
            Self::RatioHost => "interns exceed 10% of the host's staff",
            Self::RatioPost => "interns exceed 20% of the staff on the post",
            Self::Duration => "the placement is far from the usual six months",
            Self::NoFees => "the host has not attested that it charges no fees",
        }
    }

    /// Whether a violation blocks activation (else it is a warning for the committees).
    pub fn blocking(self) -> bool {
        !matches!(
            self,
            Self::RatioHost | Self::RatioPost | Self::Duration | Self::NoFees
        )
    }

    /// The user-error code of a blocking violation.
    pub fn code(self) -> ViolationCode {
        match self {
            Self::AgreementRequired => ViolationCode::AgreementRequired,
            Self::ConsentRequired => ViolationCode::ConsentRequired,
            Self::FirstYearStudent => ViolationCode::FirstYearStudent,
            Self::Under16 => ViolationCode::Under16,
            Self::MinorForbiddenWork => ViolationCode::MinorForbiddenWork,
            Self::ForbiddenVenue => ViolationCode::ForbiddenVenue,
            Self::Intermediary => ViolationCode::Intermediary,
            Self::PayBelowFloor => ViolationCode::PayBelowFloor,
            Self::NoNightOrOvertime => ViolationCode::NoNightOrOvertime,
            Self::InsuranceRequired => ViolationCode::InsuranceRequired,
            Self::RatioHost | Self::RatioPost | Self::Duration | Self::NoFees => {
                ViolationCode::Invalid
            }
        }
    }
}

/// Blocking or warning.
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Blocks activation.
    Blocking,
    /// Needs a person's judgement; listed for the committees.
    Warning,
}

/// One rule a placement does not meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule.
    pub rule: PlacementRule,
    /// What is wrong, with the figures.
    pub message: String,
}

/// Standard working week, hours (国务院关于职工工作时间的规定: 40 hours).
pub const STANDARD_WEEK_HOURS: i32 = 40;

/// Interns at the host and on the same post, for the ratio rules (placements not terminated or
/// completed whose dates overlap this one's, this one included).
#[derive(Debug, Clone, Copy, Default)]
pub struct InternCounts {
    /// At the host.
    pub host: i64,
    /// At the host on the same post title.
    pub post: i64,
}

/// Months between two dates, to one decimal.
fn months(start: NaiveDate, end: NaiveDate) -> f64 {
    ((end - start).num_days() as f64 / 30.44 * 10.0).round() / 10.0
}

/// Every rule `p` does not meet, blocking first.
pub fn findings(
    p: &internship_placement::Model,
    s: &student::Model,
    host: Option<&member_unit::Model>,
    counts: InternCounts,
) -> Vec<Finding> {
    use PlacementRule as R;
    let mut out = Vec::new();
    let mut add = |rule, message: String| out.push(Finding { rule, message });
    let age = age_on(s.date_of_birth, p.start_date);
    let minor = age < 18;
    match p.agreement_signed_on {
        None => add(
            R::AgreementRequired,
            "no signed tripartite agreement is recorded".into(),
        ),
        Some(_) if minor && !p.agreement_guardian_signed => add(
            R::AgreementRequired,
            format!(
                "the student is {age} on the start date: the guardian must sign the agreement too"
            ),
        ),
        Some(_) => {}
    }
    if !p.consent_given {
        add(
            R::ConsentRequired,
            "the student's informed consent is not recorded".into(),
        );
    } else if minor && !p.guardian_consent_given {
        add(
            R::ConsentRequired,
            format!(
                "the student is {age} on the start date: the guardian's informed consent is needed too"
            ),
        );
    }
    match s.year_of_study {
        Some(1) => add(
            R::FirstYearStudent,
            "first-year students may not do 岗位实习".into(),
        ),
        None => add(
            R::FirstYearStudent,
            "the student's year of study is not recorded".into(),
        ),
        Some(_) => {}
    }
    if age < 16 {
        add(
            R::Under16,
            format!("the student is {age} on the start date; the minimum is 16"),
        );
    }
    if p.hazardous && minor {
        add(
            R::MinorForbiddenWork,
            format!("the post is hazardous and the student is {age}"),
        );
    }
    if p.venue_type.is_forbidden() {
        add(
            R::ForbiddenVenue,
            format!("{:?} is a forbidden venue", p.venue_type),
        );
    }
    if p.arranged_by == ArrangedBy::Intermediary {
        add(
            R::Intermediary,
            "the placement was arranged by an intermediary".into(),
        );
    } else if p.works_elsewhere && host.is_some_and(|h| h.kind == MemberUnitKind::HrServiceAgency) {
        add(
            R::Intermediary,
            "an HR-service agency hosts the student while the student works at another firm".into(),
        );
    }
    if i64::from(p.monthly_pay) * 5 < i64::from(p.post_wage) * 4 {
        add(
            R::PayBelowFloor,
            format!(
                "pay {} CNY is below 80% of the post's wage {} CNY",
                p.monthly_pay, p.post_wage
            ),
        );
    }
    if p.night_shifts || p.overtime || p.weekly_hours > STANDARD_WEEK_HOURS {
        add(
            R::NoNightOrOvertime,
            format!(
                "schedule: {} h/week{}{}",
                p.weekly_hours,
                if p.night_shifts { ", night shifts" } else { "" },
                if p.overtime {
                    ", overtime or holiday work"
                } else {
                    ""
                }
            ),
        );
    }
    let insured = p
        .insurance_policy
        .as_deref()
        .is_some_and(|x| !x.trim().is_empty())
        && p.insurance_start.is_some_and(|d| d <= p.start_date)
        && p.insurance_end.is_some_and(|d| d >= p.end_date);
    if !insured {
        add(
            R::InsuranceRequired,
            "no liability insurance covering the whole placement".into(),
        );
    }
    if let Some(staff) = host.and_then(|h| h.employee_count).filter(|s| *s > 0)
        && counts.host * 10 > i64::from(staff)
    {
        add(
            R::RatioHost,
            format!(
                "{} interns for {staff} staff at the host: more than 10%",
                counts.host
            ),
        );
    }
    if let Some(staff) = p.post_staff_count.filter(|s| *s > 0)
        && counts.post * 5 > i64::from(staff)
    {
        add(
            R::RatioPost,
            format!(
                "{} interns for {staff} staff on the post: more than 20%",
                counts.post
            ),
        );
    }
    let m = months(p.start_date, p.end_date);
    if !(3.0..=9.0).contains(&m) {
        add(
            R::Duration,
            format!("{m} months; 岗位实习 normally lasts about 6"),
        );
    }
    if !p.no_fees_attested {
        add(
            R::NoFees,
            "the host has not attested that it charges no fees and holds no ID cards".into(),
        );
    }
    out.sort_by_key(|f| !f.rule.blocking());
    out
}

// ---------------------------------------------------------------------------------------------
// Scopes
// ---------------------------------------------------------------------------------------------

/// Placements the caller may read: its school's, the ones it hosts, all for the secretariat.
pub fn placement_scope(actor: &Actor) -> Condition {
    match actor {
        a if a.is_secretariat() => Condition::all(),
        a => match a.unit() {
            Some(u) => Condition::any()
                .add(internship_placement::Column::SchoolId.eq(u))
                .add(internship_placement::Column::HostUnitId.eq(u)),
            None => no_rows(),
        },
    }
}

/// Outcomes the caller may read: its school's, all for the secretariat.
pub fn outcome_scope(actor: &Actor) -> Condition {
    match actor {
        a if a.is_secretariat() => Condition::all(),
        Actor::Account {
            role: AccountRole::SchoolStaff,
            unit: Some(u),
            ..
        } => Condition::all().add(graduate_outcome::Column::SchoolId.eq(*u)),
        _ => no_rows(),
    }
}

// ---------------------------------------------------------------------------------------------
// Students
// ---------------------------------------------------------------------------------------------

/// A student record as a school reports it.
#[derive(Debug, Clone)]
pub struct StudentInput {
    /// Student number (学号), unique per school.
    pub student_number: String,
    /// Full name.
    pub name: String,
    /// Gender.
    pub gender: Gender,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Year of study (1–6).
    pub year_of_study: Option<i32>,
    /// Specialty.
    pub specialty: Option<String>,
    /// National ID number (checked; must encode the date of birth).
    pub national_id: Option<String>,
}

/// Checks a student record; `field` prefixes the field names (e.g. for import rows).
pub fn check_student(s: &mut StudentInput, today: NaiveDate) -> Vec<Violation> {
    let mut errors = Vec::new();
    s.student_number = s.student_number.trim().to_owned();
    s.name = s.name.trim().to_owned();
    s.specialty = s
        .specialty
        .take()
        .map(|x| x.trim().to_owned())
        .filter(|x| !x.is_empty());
    s.national_id = s
        .national_id
        .take()
        .map(|x| national_id::normalize(&x))
        .filter(|x| !x.is_empty());
    if s.student_number.is_empty() {
        errors.push(Violation::on(
            "studentNumber",
            ViolationCode::Blank,
            "studentNumber is blank",
        ));
    }
    if s.name.is_empty() {
        errors.push(Violation::on("name", ViolationCode::Blank, "name is blank"));
    }
    if s.date_of_birth >= today {
        errors.push(Violation::on(
            "dateOfBirth",
            ViolationCode::Invalid,
            "dateOfBirth must be in the past",
        ));
    }
    if s.year_of_study.is_some_and(|y| !(1..=6).contains(&y)) {
        errors.push(Violation::on(
            "yearOfStudy",
            ViolationCode::Invalid,
            "yearOfStudy is 1 to 6",
        ));
    }
    if let Some(id) = &s.national_id {
        match national_id::validate(id) {
            Ok(birth) if birth != s.date_of_birth => errors.push(Violation::on(
                "nationalId",
                ViolationCode::InvalidNationalId,
                "the ID number's date of birth differs from dateOfBirth",
            )),
            Ok(_) => {}
            Err(e) => errors.push(Violation::on(
                "nationalId",
                ViolationCode::InvalidNationalId,
                e.to_string(),
            )),
        }
    }
    errors
}

/// Creates or updates (by student number) a student of the caller's school, in `db` (a
/// transaction when importing).
///
/// # Errors
/// Database failures.
pub async fn upsert_student(
    db: &impl ConnectionTrait,
    school: Uuid,
    s: StudentInput,
) -> Result<student::Model, sea_orm::DbErr> {
    let now = Utc::now();
    let existing = student::Entity::find()
        .filter(student::Column::SchoolId.eq(school))
        .filter(student::Column::StudentNumber.eq(s.student_number.as_str()))
        .one(db)
        .await?;
    match existing {
        Some(m) => {
            let mut a: student::ActiveModel = m.into();
            a.name = Set(s.name);
            a.gender = Set(s.gender);
            a.date_of_birth = Set(s.date_of_birth);
            a.year_of_study = Set(s.year_of_study);
            a.specialty = Set(s.specialty);
            a.national_id = Set(s.national_id);
            a.updated_at = Set(now);
            a.update(db).await
        }
        None => {
            student::ActiveModel {
                id: Set(Uuid::now_v7()),
                school_id: Set(school),
                student_number: Set(s.student_number),
                name: Set(s.name),
                gender: Set(s.gender),
                date_of_birth: Set(s.date_of_birth),
                year_of_study: Set(s.year_of_study),
                specialty: Set(s.specialty),
                national_id: Set(s.national_id),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(db)
            .await
        }
    }
}

/// Records a student of the caller's school (SCHOOL_STAFF only).
///
/// # Errors
/// `FORBIDDEN` for others; database failures. User errors: `BLANK`, `INVALID`,
/// `INVALID_NATIONAL_ID`.
pub async fn save_student(
    db: &DatabaseConnection,
    actor: &Actor,
    mut s: StudentInput,
) -> OpResult<student::Model> {
    let school = actor.require_school()?;
    let errors = check_student(&mut s, Utc::now().date_naive());
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let txn = crate::db::write_txn(db).await?;
    let row = upsert_student(&txn, school, s).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

// ---------------------------------------------------------------------------------------------
// Placements
// ---------------------------------------------------------------------------------------------

/// Where the student interns: a member unit, or a firm outside the alliance.
#[derive(Debug, Clone)]
pub enum Host {
    /// A member unit (by id).
    Member(Uuid),
    /// A non-member firm by name, with its credit code when known.
    Other {
        /// Registered name.
        name: String,
        /// Unified social credit code.
        uscc: Option<String>,
    },
}

/// A placement as a school reports it.
#[derive(Debug, Clone)]
pub struct PlacementInput {
    /// The student, by the school's student number.
    pub student_number: String,
    /// The host.
    pub host: Host,
    /// The order class, if any.
    pub order_class_id: Option<Uuid>,
    /// Post title.
    pub post_title: String,
    /// Venue type.
    pub venue_type: VenueType,
    /// Hazardous work.
    pub hazardous: bool,
    /// Hours per week.
    pub weekly_hours: i32,
    /// Night shifts.
    pub night_shifts: bool,
    /// Overtime or holiday work.
    pub overtime: bool,
    /// Staff on the same post at the host.
    pub post_staff_count: Option<i32>,
    /// Monthly pay, CNY.
    pub monthly_pay: i32,
    /// Host's wage for the post, CNY.
    pub post_wage: i32,
    /// Mentor's name.
    pub mentor_name: Option<String>,
    /// Mentor's title.
    pub mentor_title: Option<String>,
    /// Who arranged it.
    pub arranged_by: ArrangedBy,
    /// The student works at another firm than the host.
    pub works_elsewhere: bool,
    /// Agreement date.
    pub agreement_signed_on: Option<NaiveDate>,
    /// Guardian signed the agreement.
    pub agreement_guardian_signed: bool,
    /// The student's informed consent given.
    pub consent_given: bool,
    /// A minor's guardian's informed consent given.
    pub guardian_consent_given: bool,
    /// Insurance policy number.
    pub insurance_policy: Option<String>,
    /// Insurance cover start.
    pub insurance_start: Option<NaiveDate>,
    /// Insurance cover end.
    pub insurance_end: Option<NaiveDate>,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: NaiveDate,
}

/// Members by id and by exact name, for resolving hosts.
pub struct Members {
    by_id: HashMap<Uuid, member_unit::Model>,
    by_name: HashMap<String, Uuid>,
}

impl Members {
    /// Loads every member unit (one statement).
    ///
    /// # Errors
    /// Database failures.
    pub async fn load(db: &impl ConnectionTrait) -> Result<Self, sea_orm::DbErr> {
        let all = member_unit::Entity::find().all(db).await?;
        Ok(Self {
            by_name: all.iter().map(|m| (m.name.clone(), m.id)).collect(),
            by_id: all.into_iter().map(|m| (m.id, m)).collect(),
        })
    }

    /// A member by id.
    pub fn get(&self, id: Uuid) -> Option<&member_unit::Model> {
        self.by_id.get(&id)
    }

    /// A member by exact registry name.
    pub fn named(&self, name: &str) -> Option<&member_unit::Model> {
        self.by_name
            .get(name.trim())
            .and_then(|id| self.by_id.get(id))
    }
}

/// A checked placement, ready to write.
pub struct CheckedPlacement {
    /// The row.
    pub model: internship_placement::ActiveModel,
}

fn clean(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Checks `p` (a school's report) and builds its row. `students` maps the school's student
/// numbers to ids. Host names that match a member's registry name exactly are linked to it.
pub fn check_placement(
    school: Uuid,
    p: PlacementInput,
    students: &HashMap<String, Uuid>,
    members: &Members,
) -> Result<CheckedPlacement, Vec<Violation>> {
    let mut errors = Vec::new();
    let student = students.get(p.student_number.trim()).copied();
    if student.is_none() {
        errors.push(Violation::on(
            "studentNumber",
            ViolationCode::NotFound,
            "no student of your school has this number",
        ));
    }
    let (host_unit, host_name, host_uscc) = match p.host {
        Host::Member(id) => match members.get(id) {
            Some(m) if m.kind.is_school() && m.id != school => {
                errors.push(Violation::on(
                    "hostUnitId",
                    ViolationCode::Invalid,
                    "another school cannot host your students",
                ));
                (None, String::new(), None)
            }
            Some(m) => (Some(m.id), m.name.clone(), m.uscc.clone()),
            None => {
                errors.push(Violation::on(
                    "hostUnitId",
                    ViolationCode::NotFound,
                    "no member unit has this ID",
                ));
                (None, String::new(), None)
            }
        },
        Host::Other { name, uscc: code } => {
            let name = name.trim().to_owned();
            let code = clean(code).map(|c| uscc::normalize(&c));
            if name.is_empty() {
                errors.push(Violation::on(
                    "hostName",
                    ViolationCode::Blank,
                    "name the host (or give hostUnitId)",
                ));
            }
            if let Some(c) = &code
                && let Err(e) = uscc::validate(c)
            {
                errors.push(Violation::on(
                    "hostUscc",
                    ViolationCode::InvalidCreditCode,
                    e.to_string(),
                ));
            }
            match members.named(&name) {
                Some(m) if m.kind.is_school() && m.id != school => {
                    errors.push(Violation::on(
                        "hostName",
                        ViolationCode::Invalid,
                        "another school cannot host your students",
                    ));
                    (None, String::new(), None)
                }
                Some(m) => (Some(m.id), m.name.clone(), code.or(m.uscc.clone())),
                None => (None, name, code),
            }
        }
    };
    let post_title = p.post_title.trim().to_owned();
    if post_title.is_empty() {
        errors.push(Violation::on(
            "postTitle",
            ViolationCode::Blank,
            "postTitle is blank",
        ));
    }
    if !(0..=168).contains(&p.weekly_hours) {
        errors.push(Violation::on(
            "weeklyHours",
            ViolationCode::Invalid,
            "weeklyHours is 0 to 168",
        ));
    }
    if p.monthly_pay < 0 || p.post_wage < 0 {
        errors.push(Violation::on(
            "monthlyPay",
            ViolationCode::MustBeNonNegative,
            "pay and wage are 0 or more CNY",
        ));
    }
    if p.post_staff_count.is_some_and(|n| n <= 0) {
        errors.push(Violation::on(
            "postStaffCount",
            ViolationCode::MustBePositive,
            "postStaffCount is at least 1",
        ));
    }
    if p.end_date < p.start_date {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Invalid,
            "endDate is before startDate",
        ));
    }
    if let (Some(a), Some(b)) = (p.insurance_start, p.insurance_end)
        && b < a
    {
        errors.push(Violation::on(
            "insuranceEnd",
            ViolationCode::Invalid,
            "insurance cover ends before it starts",
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let host_key = match (host_unit, &host_uscc) {
        (Some(id), _) => format!("unit:{id}"),
        (None, Some(code)) => format!("uscc:{code}"),
        (None, None) => format!("name:{host_name}"),
    };
    let now = Utc::now();
    Ok(CheckedPlacement {
        model: internship_placement::ActiveModel {
            id: Set(Uuid::now_v7()),
            student_id: Set(student.unwrap_or_default()),
            school_id: Set(school),
            host_unit_id: Set(host_unit),
            host_name: Set(host_name),
            host_uscc: Set(host_uscc),
            host_key: Set(host_key),
            order_class_id: Set(p.order_class_id),
            post_title: Set(post_title),
            venue_type: Set(p.venue_type),
            hazardous: Set(p.hazardous),
            weekly_hours: Set(p.weekly_hours),
            night_shifts: Set(p.night_shifts),
            overtime: Set(p.overtime),
            post_staff_count: Set(p.post_staff_count),
            monthly_pay: Set(p.monthly_pay),
            post_wage: Set(p.post_wage),
            mentor_name: Set(clean(p.mentor_name)),
            mentor_title: Set(clean(p.mentor_title)),
            arranged_by: Set(p.arranged_by),
            works_elsewhere: Set(p.works_elsewhere),
            agreement_signed_on: Set(p.agreement_signed_on),
            agreement_guardian_signed: Set(p.agreement_guardian_signed),
            consent_given: Set(p.consent_given),
            guardian_consent_given: Set(p.guardian_consent_given),
            insurance_policy: Set(clean(p.insurance_policy)),
            insurance_start: Set(p.insurance_start),
            insurance_end: Set(p.insurance_end),
            start_date: Set(p.start_date),
            end_date: Set(p.end_date),
            status: Set(PlacementStatus::Planned),
            termination_reason: Set(None),
            host_confirmed_at: Set(None),
            no_fees_attested: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
        },
    })
}

/// The school's students by number (one statement).
///
/// # Errors
/// Database failures.
pub async fn students_by_number(
    db: &impl ConnectionTrait,
    school: Uuid,
) -> Result<HashMap<String, Uuid>, sea_orm::DbErr> {
    use sea_orm::QuerySelect;
    Ok(student::Entity::find()
        .select_only()
        .column(student::Column::StudentNumber)
        .column(student::Column::Id)
        .filter(student::Column::SchoolId.eq(school))
        .into_tuple::<(String, Uuid)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Reports a placement (PLANNED) for a student of the caller's school. Reporting the same student,
/// host and start date again is refused with `TAKEN`.
///
/// # Errors
/// `FORBIDDEN` for anyone but school staff; database failures.
pub async fn report(
    db: &DatabaseConnection,
    actor: &Actor,
    p: PlacementInput,
) -> OpResult<internship_placement::Model> {
    let school = actor.require_school()?;
    let txn = crate::db::write_txn(db).await?;
    let students = students_by_number(&txn, school).await?;
    let members = Members::load(&txn).await?;
    if let Some(class) = p.order_class_id {
        let found = entity::order_class::Entity::find_by_id(class)
            .filter(entity::order_class::Column::SchoolId.eq(school))
            .one(&txn)
            .await?;
        if found.is_none() {
            return Ok(refuse(
                "orderClassId",
                ViolationCode::NotFound,
                "no order class of your school has this ID",
            ));
        }
    }
    let checked = match check_placement(school, p, &students, &members) {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    match checked.model.insert(&txn).await {
        Ok(row) => {
            txn.commit().await?;
            Ok(Ok(row))
        }
        Err(e) => match crate::error::taken(&e, "startDate") {
            Some(t) => Ok(Err(vec![t])),
            None => Err(e.into()),
        },
    }
}

/// Interns overlapping `p` at its host and on its post (one statement).
///
/// # Errors
/// Database failures.
pub async fn intern_counts(
    db: &impl ConnectionTrait,
    p: &internship_placement::Model,
) -> Result<InternCounts, sea_orm::DbErr> {
    let others = internship_placement::Entity::find()
        .filter(internship_placement::Column::HostKey.eq(p.host_key.as_str()))
        .filter(
            internship_placement::Column::Status
                .is_in([PlacementStatus::Planned, PlacementStatus::Active]),
        )
        .filter(internship_placement::Column::StartDate.lte(p.end_date))
        .filter(internship_placement::Column::EndDate.gte(p.start_date))
        .all(db)
        .await?;
    Ok(count_overlaps(p, &others))
}

/// Counts `others` (same host, overlapping) in total and on `p`'s post; `p` itself is counted
/// once whether or not it is among them.
pub fn count_overlaps(
    p: &internship_placement::Model,
    others: &[internship_placement::Model],
) -> InternCounts {
    let overlapping = |o: &&internship_placement::Model| {
        o.id != p.id
            && o.host_key == p.host_key
            && matches!(o.status, PlacementStatus::Planned | PlacementStatus::Active)
            && o.start_date <= p.end_date
            && o.end_date >= p.start_date
    };
    let host = others.iter().filter(overlapping).count() as i64 + 1;
    let post = others
        .iter()
        .filter(overlapping)
        .filter(|o| o.post_title == p.post_title)
        .count() as i64
        + 1;
    InternCounts { host, post }
}

async fn placement_for_write(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: Uuid,
) -> Result<Outcome<internship_placement::Model>, Error> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    Ok(
        match internship_placement::Entity::find_by_id(id)
            .filter(placement_scope(actor))
            .one(db)
            .await?
        {
            Some(p) => Ok(p),
            None => refuse(
                "id",
                ViolationCode::NotFound,
                "no placement you may see has this ID",
            ),
        },
    )
}

/// A status change a school makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementAction {
    /// PLANNED → ACTIVE, if every blocking rule is met.
    Activate,
    /// ACTIVE → COMPLETED.
    Complete,
    /// PLANNED or ACTIVE → TERMINATED, with a reason.
    Terminate(String),
}

/// Moves a placement of the caller's school. Activation checks every blocking rule and refuses
/// with their codes (`AGREEMENT_REQUIRED`, `UNDER_16`, …), changing nothing.
///
/// # Errors
/// `FORBIDDEN` for anyone but the student's school; database failures.
pub async fn transition(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    action: PlacementAction,
) -> OpResult<internship_placement::Model> {
    let txn = crate::db::write_txn(db).await?;
    let p = match placement_for_write(&txn, actor, id).await? {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    if actor.unit() != Some(p.school_id)
        || !matches!(
            actor,
            Actor::Account {
                role: AccountRole::SchoolStaff,
                ..
            }
        )
    {
        return Err(Error::Forbidden(
            "only the student's school changes a placement's status",
        ));
    }
    use PlacementStatus as S;
    let (to, reason) = match (&action, p.status) {
        (PlacementAction::Activate, S::Planned) => {
            let student = student::Entity::find_by_id(p.student_id).one(&txn).await?;
            let host = match p.host_unit_id {
                Some(h) => member_unit::Entity::find_by_id(h).one(&txn).await?,
                None => None,
            };
            let Some(student) = student else {
                return Err(Error::NotFound("student".into()));
            };
            let counts = intern_counts(&txn, &p).await?;
            let blocking: Vec<Violation> = findings(&p, &student, host.as_ref(), counts)
                .into_iter()
                .filter(|f| f.rule.blocking())
                .map(|f| Violation {
                    field: Some("id".into()),
                    message: f.message,
                    code: f.rule.code(),
                })
                .collect();
            if !blocking.is_empty() {
                return Ok(Err(blocking));
            }
            (S::Active, None)
        }
        (PlacementAction::Complete, S::Active) => (S::Completed, None),
        (PlacementAction::Terminate(reason), S::Planned | S::Active) => {
            let reason = reason.trim().to_owned();
            if reason.is_empty() {
                return Ok(refuse(
                    "reason",
                    ViolationCode::Blank,
                    "say why the placement ends",
                ));
            }
            (S::Terminated, Some(reason))
        }
        (action, from) => {
            return Ok(refuse(
                "id",
                ViolationCode::InvalidTransition,
                format!("cannot {action:?} a {from:?} placement"),
            ));
        }
    };
    let mut m: internship_placement::ActiveModel = p.into();
    m.status = Set(to);
    if reason.is_some() {
        m.termination_reason = Set(reason);
    }
    m.updated_at = Set(Utc::now());
    let row = m.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// The host firm confirms a placement it hosts, and attests (or not) that it charges no deposits
/// or fees and holds no ID cards.
///
/// # Errors
/// `FORBIDDEN` for anyone but staff of the host unit; database failures.
pub async fn confirm(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    no_fees_attested: bool,
) -> OpResult<internship_placement::Model> {
    let txn = crate::db::write_txn(db).await?;
    let p = match placement_for_write(&txn, actor, id).await? {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    if p.host_unit_id.is_none() || actor.unit() != p.host_unit_id || actor.is_secretariat() {
        return Err(Error::Forbidden("only the host unit confirms a placement"));
    }
    if matches!(
        p.status,
        PlacementStatus::Terminated | PlacementStatus::Completed
    ) {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            "the placement has ended",
        ));
    }
    let mut m: internship_placement::ActiveModel = p.into();
    m.host_confirmed_at = Set(Some(Utc::now()));
    m.no_fees_attested = Set(no_fees_attested);
    m.updated_at = Set(Utc::now());
    let row = m.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

// ---------------------------------------------------------------------------------------------
// Outcomes and retention
// ---------------------------------------------------------------------------------------------

/// A graduate's outcome as the school reports it.
#[derive(Debug, Clone)]
pub struct OutcomeInput {
    /// The student, by number.
    pub student_number: String,
    /// Year of graduation.
    pub graduation_year: i32,
    /// Status.
    pub status: OutcomeStatus,
    /// Employer, when a member unit.
    pub employer_unit_id: Option<Uuid>,
    /// Employer's name (for a non-member).
    pub employer_name: Option<String>,
    /// Employer's district in Weihai.
    pub employer_district: Option<District>,
    /// Employed in Weihai.
    pub in_weihai: bool,
    /// Hired by the host or an order-class sponsor.
    pub hired_by_host_or_sponsor: bool,
    /// Date reported.
    pub reported_on: NaiveDate,
}

/// Records (or replaces) a graduate's outcome (SCHOOL_STAFF of the student's school).
///
/// # Errors
/// `FORBIDDEN` for others; database failures. User errors: `NOT_FOUND`, `INVALID` (an employer for
/// a graduate who is not employed; a district outside Weihai's for an employer not in Weihai).
pub async fn record_outcome(
    db: &DatabaseConnection,
    actor: &Actor,
    o: OutcomeInput,
) -> OpResult<graduate_outcome::Model> {
    let school = actor.require_school()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(student) = student::Entity::find()
        .filter(student::Column::SchoolId.eq(school))
        .filter(student::Column::StudentNumber.eq(o.student_number.trim()))
        .one(&txn)
        .await?
    else {
        return Ok(refuse(
            "studentNumber",
            ViolationCode::NotFound,
            "no student of your school has this number",
        ));
    };
    let mut errors = Vec::new();
    let employed = o.status == OutcomeStatus::Employed;
    if !employed && (o.employer_unit_id.is_some() || o.employer_name.is_some() || o.in_weihai) {
        errors.push(Violation::on(
            "status",
            ViolationCode::Invalid,
            "only an employed graduate has an employer",
        ));
    }
    if o.employer_district.is_some() && !o.in_weihai {
        errors.push(Violation::on(
            "employerDistrict",
            ViolationCode::Invalid,
            "a district is given only for work in Weihai",
        ));
    }
    if !(2000..=2100).contains(&o.graduation_year) {
        errors.push(Violation::on(
            "graduationYear",
            ViolationCode::Invalid,
            "graduationYear is 2000 to 2100",
        ));
    }
    let employer = match o.employer_unit_id {
        Some(id) => match member_unit::Entity::find_by_id(id).one(&txn).await? {
            Some(m) => Some(m),
            None => {
                errors.push(Violation::on(
                    "employerUnitId",
                    ViolationCode::NotFound,
                    "no member unit has this ID",
                ));
                None
            }
        },
        None => None,
    };
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let existing = graduate_outcome::Entity::find()
        .filter(graduate_outcome::Column::StudentId.eq(student.id))
        .one(&txn)
        .await?;
    let is_new = existing.is_none();
    let mut m = match existing {
        Some(e) => e.into(),
        None => graduate_outcome::ActiveModel {
            id: Set(Uuid::now_v7()),
            student_id: Set(student.id),
            school_id: Set(school),
            created_at: Set(now),
            ..Default::default()
        },
    };
    m.graduation_year = Set(o.graduation_year);
    m.status = Set(o.status);
    m.employer_unit_id = Set(employer.as_ref().map(|e| e.id));
    m.employer_name = Set(employer.map(|e| e.name).or(clean(o.employer_name)));
    m.employer_district = Set(o.employer_district);
    m.in_weihai = Set(o.in_weihai);
    m.hired_by_host_or_sponsor = Set(o.hired_by_host_or_sponsor && employed);
    m.reported_on = Set(o.reported_on);
    m.updated_at = Set(now);
    // `save` would update: the key is set either way.
    let row = if is_new {
        m.insert(&txn).await?
    } else {
        m.update(&txn).await?
    };
    txn.commit().await?;
    Ok(Ok(row))
}

/// The calendar year of a date.
pub fn year_of(d: NaiveDate) -> i32 {
    d.year()
}
