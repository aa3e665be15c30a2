//! Reporting a placement: the input, its checks against the registry (host kind, order class), and
//! the insert shared by `reportInternshipPlacement` and the importer.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Utc};
use entity::enums::{ArrangedBy, PlacementStatus, VenueType};
use entity::{internship_placement, member_unit, site_partner, student, training_site};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Violation, ViolationCode, refuse};
use crate::msg;
use crate::placement::InternCounts;
use crate::text::{clean, required};
use crate::uscc;

/// The longest a placement may last: three years (岗位实习 normally lasts about six months;
/// longer spans are data-entry errors, e.g. a century typed wrong).
pub const MAX_PLACEMENT_DAYS: i64 = 3 * 366;

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
    /// Work forbidden to female workers.
    pub female_forbidden_work: bool,
    /// Physical-labour intensity level (GB 3869-1997), 1–4, if recorded.
    pub labour_intensity: Option<i16>,
    /// Hours per week.
    pub weekly_hours: i32,
    /// Night shifts.
    pub night_shifts: bool,
    /// Overtime or holiday work.
    pub overtime: bool,
    /// Staff on the same post at the host.
    pub post_staff_count: Option<i32>,
    /// A host that is not a member: its staff on duty, as the school reports it.
    pub host_staff_count: Option<i32>,
    /// A host that is not a member: it is a human-resources service agency.
    pub host_is_agency: bool,
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
    /// The day the school approved the student's application (a student-arranged placement).
    pub application_approved_on: Option<NaiveDate>,
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
    /// The training site it takes place in, if named: hosted or partnered by the school or the
    /// host.
    pub training_site_id: Option<Uuid>,
}

/// Training sites with the units that host or partner them, for checking a placement's site.
#[derive(Default)]
pub struct Sites {
    parties: HashMap<Uuid, Vec<Uuid>>,
}

impl Sites {
    /// The sites `ids` with their host and partners (two statements; none for no ids).
    ///
    /// # Errors
    /// Database failures.
    pub async fn load(
        db: &impl ConnectionTrait,
        ids: impl IntoIterator<Item = Uuid>,
    ) -> Result<Self, sea_orm::DbErr> {
        let ids: Vec<Uuid> = ids.into_iter().collect();
        if ids.is_empty() {
            return Ok(Self::default());
        }
        Self::select(
            db,
            training_site::Entity::find().filter(training_site::Column::Id.is_in(ids)),
        )
        .await
    }

    /// Every site with its host and partners (two statements), for an import.
    ///
    /// # Errors
    /// Database failures.
    pub async fn load_all(db: &impl ConnectionTrait) -> Result<Self, sea_orm::DbErr> {
        Self::select(db, training_site::Entity::find()).await
    }

    async fn select(
        db: &impl ConnectionTrait,
        sites: sea_orm::Select<training_site::Entity>,
    ) -> Result<Self, sea_orm::DbErr> {
        let mut parties: HashMap<Uuid, Vec<Uuid>> = sites
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.id, vec![s.host_unit_id]))
            .collect();
        let partners = site_partner::Entity::find()
            .filter(site_partner::Column::SiteId.is_in(parties.keys().copied()))
            .all(db)
            .await?;
        for p in partners {
            parties.entry(p.site_id).or_default().push(p.unit_id);
        }
        Ok(Self { parties })
    }

    /// The units that host or partner site `id`; `None` for an unknown site.
    pub fn parties(&self, id: Uuid) -> Option<&[Uuid]> {
        self.parties.get(&id).map(Vec::as_slice)
    }
}

/// Checks the training site a placement names (Founding notice 二(一)2–3: students intern at the
/// 厂中校 base of their firm, or in the 校中厂 of their school): it exists (`NOT_FOUND`), and its
/// host or one of its partners is the placement's school or member host (`SITE_NOT_OF_PLACEMENT`).
fn check_site(
    site: Option<Uuid>,
    school: Uuid,
    host: Option<Uuid>,
    sites: &Sites,
    errors: &mut Vec<Violation>,
) {
    let Some(site) = site else { return };
    match sites.parties(site) {
        None => errors.push(Violation::on(
            "trainingSiteId",
            ViolationCode::NotFound,
            msg!("placement-training-site-unknown"),
        )),
        Some(parties) if !parties.iter().any(|u| *u == school || Some(*u) == host) => {
            errors.push(Violation::on(
                "trainingSiteId",
                ViolationCode::SiteNotOfPlacement,
                msg!("placement-training-site-not-of-placement"),
            ));
        }
        Some(_) => {}
    }
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
            .get(crate::text::normalize(name).as_str())
            .and_then(|id| self.by_id.get(id))
    }
}

/// A checked placement, ready to write.
pub struct CheckedPlacement {
    /// The row.
    pub model: internship_placement::ActiveModel,
}

/// Checks `p` (a school's report) and builds its row. `students` maps the school's student
/// numbers to ids. Host names that match a member's registry name exactly are linked to it.
/// `sites` holds the training site `p` names, if any.
pub fn check_placement(
    school: Uuid,
    p: PlacementInput,
    students: &HashMap<String, Uuid>,
    members: &Members,
    sites: &Sites,
) -> Result<CheckedPlacement, Vec<Violation>> {
    let mut errors = Vec::new();
    let student = students
        .get(crate::text::normalize(&p.student_number).as_str())
        .copied();
    if student.is_none() {
        errors.push(Violation::on(
            "studentNumber",
            ViolationCode::NotFound,
            msg!("placement-student-number-unknown"),
        ));
    }
    let host = resolve_host(school, p.host.clone(), members, &mut errors);
    if host.unit.is_some() {
        // A member's staff and kind are the registry's: a report may not contradict them.
        for (given, field) in [
            (p.host_staff_count.is_some(), "hostStaffCount"),
            (p.host_is_agency, "hostIsAgency"),
        ] {
            if given {
                errors.push(Violation::on(
                    field,
                    ViolationCode::Invalid,
                    msg!("placement-host-fact-of-member", field = field),
                ));
            }
        }
    }
    if p.host_staff_count.is_some_and(|n| n < 1) {
        errors.push(Violation::on(
            "hostStaffCount",
            ViolationCode::MustBePositive,
            msg!("placement-host-staff-count-positive"),
        ));
    }
    let post_title = required(&p.post_title, "postTitle", &mut errors);
    check_site(p.training_site_id, school, host.unit, sites, &mut errors);
    check_terms(&p, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CheckedPlacement {
        model: new_row(school, student.unwrap_or_default(), host, post_title, p),
    })
}

/// Where a placement is, as stored: the member it links to (if any), the name and credit code.
struct ResolvedHost {
    unit: Option<Uuid>,
    name: String,
    uscc: Option<String>,
}

impl ResolvedHost {
    /// The key placements at one host share (for the ratio rules and re-imports): the member, else
    /// the credit code, else the name.
    fn key(&self) -> String {
        match (self.unit, &self.uscc) {
            (Some(id), _) => format!("unit:{id}"),
            (None, Some(code)) => format!("uscc:{code}"),
            (None, None) => format!("name:{}", self.name),
        }
    }

    fn none() -> Self {
        Self {
            unit: None,
            name: String::new(),
            uscc: None,
        }
    }
}

/// The host a report names: a member by ID, or by name and credit code (linked to the member of
/// that exact name). Another school never hosts a school's students.
fn resolve_host(
    school: Uuid,
    host: Host,
    members: &Members,
    errors: &mut Vec<Violation>,
) -> ResolvedHost {
    let (field, member, name, code) = match host {
        Host::Member(id) => {
            let Some(m) = members.get(id) else {
                errors.push(Violation::on(
                    "hostUnitId",
                    ViolationCode::NotFound,
                    msg!("placement-member-unit-unknown"),
                ));
                return ResolvedHost::none();
            };
            ("hostUnitId", Some(m), m.name.clone(), None)
        }
        Host::Other { name, uscc: code } => {
            let name = crate::text::normalize(&name);
            let code = clean(code).map(|c| uscc::normalize(&c));
            if name.is_empty() {
                errors.push(Violation::on(
                    "hostName",
                    ViolationCode::Blank,
                    msg!("placement-host-name-blank"),
                ));
            }
            if let Some(c) = &code
                && let Err(e) = uscc::validate(c)
            {
                errors.push(Violation::on(
                    "hostUscc",
                    ViolationCode::InvalidCreditCode,
                    e.message(),
                ));
            }
            ("hostName", members.named(&name), name, code)
        }
    };
    match member {
        Some(m) if m.kind.is_school() && m.id != school => {
            errors.push(Violation::on(
                field,
                ViolationCode::Invalid,
                msg!("placement-host-other-school"),
            ));
            ResolvedHost::none()
        }
        Some(m) => ResolvedHost {
            unit: Some(m.id),
            name: m.name.clone(),
            uscc: code.or(m.uscc.clone()),
        },
        None => ResolvedHost {
            unit: None,
            name,
            uscc: code,
        },
    }
}

/// The terms of a placement that must make sense whatever the rules say: hours in a week, pay,
/// staff on the post, and date ranges.
fn check_terms(p: &PlacementInput, errors: &mut Vec<Violation>) {
    if p.labour_intensity.is_some_and(|l| !(1..=4).contains(&l)) {
        errors.push(Violation::on(
            "labourIntensity",
            ViolationCode::Invalid,
            msg!("placement-labour-intensity-range"),
        ));
    }
    if !(0..=168).contains(&p.weekly_hours) {
        errors.push(Violation::on(
            "weeklyHours",
            ViolationCode::Invalid,
            msg!("placement-weekly-hours-range"),
        ));
    }
    if p.monthly_pay < 0 || p.post_wage < 0 {
        errors.push(Violation::on(
            "monthlyPay",
            ViolationCode::MustBeNonNegative,
            msg!("placement-pay-negative"),
        ));
    }
    if p.post_staff_count.is_some_and(|n| n <= 0) {
        errors.push(Violation::on(
            "postStaffCount",
            ViolationCode::MustBePositive,
            msg!("placement-post-staff-count-positive"),
        ));
    }
    if p.end_date < p.start_date {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Invalid,
            msg!("placement-end-before-start"),
        ));
    }
    if p.start_date.year() < 2000 || p.start_date.year() > 2100 {
        errors.push(Violation::on(
            "startDate",
            ViolationCode::Invalid,
            msg!("placement-start-year-range"),
        ));
    }
    if (p.end_date - p.start_date).num_days() > MAX_PLACEMENT_DAYS {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Invalid,
            msg!("placement-too-long", days = MAX_PLACEMENT_DAYS),
        ));
    }
    if let (Some(a), Some(b)) = (p.insurance_start, p.insurance_end)
        && b < a
    {
        errors.push(Violation::on(
            "insuranceEnd",
            ViolationCode::Invalid,
            msg!("placement-insurance-ends-before-start"),
        ));
    }
}

/// The new PLANNED row of a checked report.
fn new_row(
    school: Uuid,
    student: Uuid,
    host: ResolvedHost,
    post_title: String,
    p: PlacementInput,
) -> internship_placement::ActiveModel {
    let now = Utc::now();
    let key = host.key();
    internship_placement::ActiveModel {
        id: Set(Uuid::now_v7()),
        student_id: Set(student),
        school_id: Set(school),
        host_unit_id: Set(host.unit),
        host_name: Set(host.name),
        host_uscc: Set(host.uscc),
        host_key: Set(key),
        order_class_id: Set(p.order_class_id),
        post_title: Set(post_title),
        venue_type: Set(p.venue_type),
        hazardous: Set(p.hazardous),
        female_forbidden_work: Set(p.female_forbidden_work),
        labour_intensity: Set(p.labour_intensity),
        weekly_hours: Set(p.weekly_hours),
        night_shifts: Set(p.night_shifts),
        overtime: Set(p.overtime),
        post_staff_count: Set(p.post_staff_count),
        host_staff_count: Set(p.host_staff_count),
        host_is_agency: Set(p.host_is_agency),
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
        application_approved_on: Set(p.application_approved_on),
        training_site_id: Set(p.training_site_id),
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
    }
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
    let sites = Sites::load(&txn, p.training_site_id).await?;
    if let Some(class) = p.order_class_id {
        let found = entity::order_class::Entity::find_by_id(class)
            .filter(entity::order_class::Column::SchoolId.eq(school))
            .one(&txn)
            .await?;
        if found.is_none() {
            return Ok(refuse(
                "orderClassId",
                ViolationCode::NotFound,
                msg!("placement-order-class-unknown"),
            ));
        }
    }
    let checked = match check_placement(school, p, &students, &members, &sites) {
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
