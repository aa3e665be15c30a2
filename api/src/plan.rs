//! The plan's commitments (`004_45aa2774a4916a5f.txt` section 二) and each member's compliance with
//! them (督导评估, 三(三)): training sites (二(一)2–3), teacher practice stations and stints
//! (二(二)4), the craftsman pool (二(二)5), career mentors (二(四)10), apprenticeships (二(三)7) and
//! yearly events (二(四)9–11).
//!
//! Each firm writes its own sites, stations, pool, mentor and apprenticeships; schools write their
//! teachers' practice, craftsman assignments and career classes; either organises events; the
//! secretariat may write all, naming the unit. Every write is one transaction.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use entity::enums::{
    AccountRole, ApprenticeshipMode, ApprenticeshipStatus, CraftsmanRole, District, EventKind,
    EventRole, SiteKind, SiteStatus,
};
use entity::{
    apprenticeship, career_class, career_mentor, craftsman, craftsman_assignment, event,
    event_unit, member_unit, practice_post, practice_station, site_mentor, site_partner,
    teacher_practice, training_site,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::{Error, Violation, ViolationCode, refuse};
pub use crate::error::{OpResult, Outcome};

/// Which sort of unit may act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    /// A school's staff.
    School,
    /// A non-school unit's staff.
    Firm,
}

/// The unit the caller acts for: its own (of the right sort), or for the secretariat the one it
/// names (`field`). `Ok(Err(..))` when the secretariat names none.
fn acting(
    actor: &Actor,
    sort: Sort,
    named: Option<Uuid>,
    field: &str,
) -> Result<Outcome<Uuid>, Error> {
    match actor {
        Actor::Anonymous => Err(Error::Unauthenticated),
        a if a.is_secretariat() => Ok(match named {
            Some(u) => Ok(u),
            None => refuse(
                field,
                ViolationCode::Blank,
                format!("the secretariat names the unit: give {field}"),
            ),
        }),
        Actor::Account {
            role,
            unit: Some(unit),
            ..
        } => {
            let fits = match sort {
                Sort::School => *role == AccountRole::SchoolStaff,
                Sort::Firm => *role == AccountRole::EnterpriseStaff,
            };
            if !fits {
                return Err(Error::Forbidden(match sort {
                    Sort::School => "only school staff (or the secretariat) may do this",
                    Sort::Firm => "only a firm's staff (or the secretariat) may do this",
                }));
            }
            if named.is_some_and(|n| n != *unit) {
                return Err(Error::Forbidden("staff act for their own unit only"));
            }
            Ok(Ok(*unit))
        }
        Actor::Account { .. } => Err(Error::Forbidden("the account acts for no unit")),
    }
}

async fn unit(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<member_unit::Model>, DbErr> {
    member_unit::Entity::find_by_id(id).one(db).await
}

fn clean(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

fn required(v: &str, field: &str, errors: &mut Vec<Violation>) -> String {
    let t = v.trim().to_owned();
    if t.is_empty() {
        errors.push(Violation::on(
            field,
            ViolationCode::Blank,
            format!("{field} is blank"),
        ));
    }
    t
}

/// Joins a list of specialties for storage (one per line, trimmed, empty ones dropped).
pub fn join_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Splits a stored list.
pub fn split_list(stored: &str) -> Vec<String> {
    stored
        .lines()
        .map(str::to_owned)
        .filter(|s| !s.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Training sites
// ---------------------------------------------------------------------------------------------

/// A new training site.
#[derive(Debug, Clone)]
pub struct SiteInput {
    /// Kind.
    pub kind: SiteKind,
    /// Host (the secretariat names it; staff host their own).
    pub host_unit_id: Option<Uuid>,
    /// Name.
    pub name: String,
    /// Address.
    pub address: Option<String>,
    /// District.
    pub district: Option<District>,
    /// Specialties served.
    pub specialties: Vec<String>,
    /// Student capacity (≥ 0).
    pub student_capacity: Option<i32>,
    /// Production lines or projects.
    pub production_lines: Option<String>,
    /// Opened on.
    pub opened_on: Option<NaiveDate>,
    /// Status.
    pub status: SiteStatus,
    /// Partner units and their roles.
    pub partners: Vec<(Uuid, String)>,
}

/// Creates a training site. Rules (`004_*.txt` 二(一)2–3): a FACTORY_IN_SCHOOL (校中厂) is hosted by
/// a school with at least one firm partner (`FIRM_PARTNER_REQUIRED`); a SCHOOL_IN_FACTORY (厂中校)
/// is hosted by a non-school unit (`WRONG_HOST_KIND`).
///
/// # Errors
/// `FORBIDDEN` for staff of another unit; database failures.
pub async fn create_site(
    db: &DatabaseConnection,
    actor: &Actor,
    s: SiteInput,
) -> OpResult<training_site::Model> {
    let host_sort = if s.kind == SiteKind::FactoryInSchool {
        Sort::School
    } else {
        Sort::Firm
    };
    let sort = match (actor, s.kind) {
        (
            Actor::Account {
                role: AccountRole::SchoolStaff,
                ..
            },
            SiteKind::PublicTrainingBase | SiteKind::IndustryEducationBase,
        ) => Sort::School,
        _ => host_sort,
    };
    let host = match acting(actor, sort, s.host_unit_id, "hostUnitId")? {
        Ok(h) => h,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = required(&s.name, "name", &mut errors);
    if s.student_capacity.is_some_and(|c| c < 0) {
        errors.push(Violation::on(
            "studentCapacity",
            ViolationCode::MustBeNonNegative,
            "studentCapacity is 0 or more",
        ));
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(host_unit) = unit(&txn, host).await? else {
        return Ok(refuse(
            "hostUnitId",
            ViolationCode::NotFound,
            "no member unit has this ID",
        ));
    };
    match s.kind {
        SiteKind::FactoryInSchool if !host_unit.kind.is_school() => errors.push(Violation::on(
            "kind",
            ViolationCode::WrongHostKind,
            "a factory-in-school (校中厂) is hosted by a school",
        )),
        SiteKind::SchoolInFactory if host_unit.kind.is_school() => errors.push(Violation::on(
            "kind",
            ViolationCode::WrongHostKind,
            "a school-in-factory (厂中校) is hosted by a firm or other non-school unit",
        )),
        _ => {}
    }
    let partner_ids: Vec<Uuid> = s.partners.iter().map(|(u, _)| *u).collect();
    let partners: HashMap<Uuid, member_unit::Model> = member_unit::Entity::find()
        .filter(member_unit::Column::Id.is_in(partner_ids.clone()))
        .all(&txn)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let mut seen = HashSet::new();
    for (i, (p, _)) in s.partners.iter().enumerate() {
        if !partners.contains_key(p) {
            errors.push(Violation::on(
                &format!("partners.{i}.unitId"),
                ViolationCode::NotFound,
                "no member unit has this ID",
            ));
        }
        if !seen.insert(*p) || *p == host {
            errors.push(Violation::on(
                &format!("partners.{i}.unitId"),
                ViolationCode::Invalid,
                "a partner is listed twice, or is the host",
            ));
        }
    }
    if s.kind == SiteKind::FactoryInSchool && !partners.values().any(|p| !p.kind.is_school()) {
        errors.push(Violation::on(
            "partners",
            ViolationCode::FirmPartnerRequired,
            "a factory-in-school (校中厂) needs at least one firm partner that brings the production line",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let site = training_site::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(s.kind),
        host_unit_id: Set(host),
        name: Set(name),
        address: Set(clean(s.address)),
        district: Set(s.district),
        specialties: Set(join_list(&s.specialties)),
        student_capacity: Set(s.student_capacity),
        production_lines: Set(clean(s.production_lines)),
        opened_on: Set(s.opened_on),
        status: Set(s.status),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    for (p, role) in s.partners {
        site_partner::ActiveModel {
            id: Set(Uuid::now_v7()),
            site_id: Set(site.id),
            unit_id: Set(p),
            role: Set(role.trim().to_owned()),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(site))
}

/// May the caller write to things hosted by `host`: its staff, or the secretariat.
fn owns(actor: &Actor, host: Uuid) -> Result<(), Error> {
    match actor {
        Actor::Anonymous => Err(Error::Unauthenticated),
        a if a.is_secretariat() || a.unit() == Some(host) => Ok(()),
        _ => Err(Error::Forbidden(
            "only the host unit's staff (or the secretariat) may do this",
        )),
    }
}

/// Attaches a mentor (师傅) to a site (its host or the secretariat).
///
/// # Errors
/// `FORBIDDEN` for others; database failures.
pub async fn add_site_mentor(
    db: &DatabaseConnection,
    actor: &Actor,
    site: Uuid,
    name: String,
    title: Option<String>,
    skill_level: Option<String>,
    specialty: Option<String>,
) -> OpResult<site_mentor::Model> {
    let Some(s) = training_site::Entity::find_by_id(site).one(db).await? else {
        if !actor.is_authenticated() {
            return Err(Error::Unauthenticated);
        }
        return Ok(refuse(
            "siteId",
            ViolationCode::NotFound,
            "no training site has this ID",
        ));
    };
    owns(actor, s.host_unit_id)?;
    let mut errors = Vec::new();
    let name = required(&name, "name", &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(site_mentor::ActiveModel {
        id: Set(Uuid::now_v7()),
        site_id: Set(site),
        name: Set(name),
        title: Set(clean(title)),
        skill_level: Set(clean(skill_level)),
        specialty: Set(clean(specialty)),
    }
    .insert(db)
    .await?))
}

// ---------------------------------------------------------------------------------------------
// Teacher practice stations
// ---------------------------------------------------------------------------------------------

/// Creates a teacher practice station (教师活动站) hosted by the caller's firm.
///
/// # Errors
/// `FORBIDDEN` for schools and other units; database failures.
#[allow(clippy::too_many_arguments)]
pub async fn create_station(
    db: &DatabaseConnection,
    actor: &Actor,
    host: Option<Uuid>,
    name: String,
    specialties: Vec<String>,
    address: Option<String>,
    contact_person: Option<String>,
    contact_phone: Option<String>,
) -> OpResult<practice_station::Model> {
    let host = match acting(actor, Sort::Firm, host, "hostUnitId")? {
        Ok(h) => h,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = required(&name, "name", &mut errors);
    match unit(db, host).await? {
        None => errors.push(Violation::on(
            "hostUnitId",
            ViolationCode::NotFound,
            "no member unit has this ID",
        )),
        Some(u) if u.kind.is_school() => errors.push(Violation::on(
            "hostUnitId",
            ViolationCode::WrongHostKind,
            "stations are hosted by firms",
        )),
        Some(_) => {}
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(practice_station::ActiveModel {
        id: Set(Uuid::now_v7()),
        host_unit_id: Set(host),
        name: Set(name),
        specialties: Set(join_list(&specialties)),
        address: Set(clean(address)),
        contact_person: Set(clean(contact_person)),
        contact_phone: Set(clean(contact_phone)),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?))
}

/// Sets the practice posts a station offers for a year and specialty (its host or the
/// secretariat). Fewer posts than already booked is refused (`NO_PRACTICE_POST_LEFT`).
///
/// # Errors
/// `FORBIDDEN` for others; database failures.
pub async fn offer_posts(
    db: &DatabaseConnection,
    actor: &Actor,
    station: Uuid,
    year: i32,
    specialty: String,
    posts: i32,
) -> OpResult<practice_post::Model> {
    let Some(st) = practice_station::Entity::find_by_id(station)
        .one(db)
        .await?
    else {
        if !actor.is_authenticated() {
            return Err(Error::Unauthenticated);
        }
        return Ok(refuse(
            "stationId",
            ViolationCode::NotFound,
            "no station has this ID",
        ));
    };
    owns(actor, st.host_unit_id)?;
    let mut errors = Vec::new();
    let specialty = required(&specialty, "specialty", &mut errors);
    if posts < 0 {
        errors.push(Violation::on(
            "posts",
            ViolationCode::MustBeNonNegative,
            "posts is 0 or more",
        ));
    }
    if !(2000..=2100).contains(&year) {
        errors.push(Violation::on(
            "year",
            ViolationCode::Invalid,
            "year is 2000 to 2100",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let txn = crate::db::write_txn(db).await?;
    lock_station(&txn, station).await?;
    let booked = booked(&txn, station, year, &specialty).await?;
    if i64::from(posts) < booked {
        return Ok(refuse(
            "posts",
            ViolationCode::NoPracticePostLeft,
            format!("{booked} teachers are booked already"),
        ));
    }
    let existing = practice_post::Entity::find()
        .filter(practice_post::Column::StationId.eq(station))
        .filter(practice_post::Column::Year.eq(year))
        .filter(practice_post::Column::Specialty.eq(specialty.as_str()))
        .one(&txn)
        .await?;
    let row = match existing {
        Some(p) => {
            let mut a: practice_post::ActiveModel = p.into();
            a.posts = Set(posts);
            a.update(&txn).await?
        }
        None => {
            practice_post::ActiveModel {
                id: Set(Uuid::now_v7()),
                station_id: Set(station),
                year: Set(year),
                specialty: Set(specialty),
                posts: Set(posts),
            }
            .insert(&txn)
            .await?
        }
    };
    txn.commit().await?;
    Ok(Ok(row))
}

/// Locks a station's row for the transaction (FOR UPDATE on PostgreSQL), so bookings and post
/// changes of one station run one after another and posts cannot be overbooked; whether it exists.
async fn lock_station(db: &impl ConnectionTrait, station: Uuid) -> Result<bool, DbErr> {
    use sea_orm::QuerySelect;
    Ok(practice_station::Entity::find_by_id(station)
        .lock_exclusive()
        .one(db)
        .await?
        .is_some())
}

/// Teachers booked at a station for a year (by start date) and specialty.
async fn booked(
    db: &impl ConnectionTrait,
    station: Uuid,
    year: i32,
    specialty: &str,
) -> Result<i64, DbErr> {
    use sea_orm::PaginatorTrait;
    let (from, to) = crate::db::year_bounds(year).unwrap_or_default();
    Ok(teacher_practice::Entity::find()
        .filter(teacher_practice::Column::StationId.eq(station))
        .filter(teacher_practice::Column::Specialty.eq(specialty))
        .filter(teacher_practice::Column::StartDate.gte(from))
        .filter(teacher_practice::Column::StartDate.lt(to))
        .count(db)
        .await? as i64)
}

/// A teacher's stint to record.
#[derive(Debug, Clone)]
pub struct PracticeInput {
    /// The station.
    pub station_id: Uuid,
    /// The school (the secretariat names it).
    pub school_id: Option<Uuid>,
    /// Teacher's name.
    pub teacher_name: String,
    /// Specialty (one the station offers posts for).
    pub specialty: String,
    /// Dual-qualified.
    pub dual_qualified: bool,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: NaiveDate,
    /// Days on site.
    pub days_on_site: i32,
    /// What was practised.
    pub practised: Option<String>,
}

/// Records a teacher's practice at a station (the teacher's school). The station's posts for the
/// start year and specialty must not run out (`NO_PRACTICE_POST_LEFT`, `004_*.txt` 二(二)4).
///
/// # Errors
/// `FORBIDDEN` for firms; database failures.
pub async fn record_practice(
    db: &DatabaseConnection,
    actor: &Actor,
    p: PracticeInput,
) -> OpResult<teacher_practice::Model> {
    let school = match acting(actor, Sort::School, p.school_id, "schoolId")? {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let teacher = required(&p.teacher_name, "teacherName", &mut errors);
    let specialty = required(&p.specialty, "specialty", &mut errors);
    if p.end_date < p.start_date {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Invalid,
            "endDate is before startDate",
        ));
    }
    let span = (p.end_date - p.start_date).num_days() + 1;
    if p.days_on_site < 0 || i64::from(p.days_on_site) > span.max(0) {
        errors.push(Violation::on(
            "daysOnSite",
            ViolationCode::Invalid,
            format!("daysOnSite is 0 to {span}"),
        ));
    }
    let txn = crate::db::write_txn(db).await?;
    if !lock_station(&txn, p.station_id).await? {
        errors.push(Violation::on(
            "stationId",
            ViolationCode::NotFound,
            "no station has this ID",
        ));
    }
    match unit(&txn, school).await? {
        Some(u) if u.kind.is_school() => {}
        _ => errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotASchool,
            "teachers come from schools",
        )),
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    use chrono::Datelike;
    let year = p.start_date.year();
    let offered = practice_post::Entity::find()
        .filter(practice_post::Column::StationId.eq(p.station_id))
        .filter(practice_post::Column::Year.eq(year))
        .filter(practice_post::Column::Specialty.eq(specialty.as_str()))
        .one(&txn)
        .await?
        .map_or(0, |o| i64::from(o.posts));
    if booked(&txn, p.station_id, year, &specialty).await? >= offered {
        return Ok(refuse(
            "specialty",
            ViolationCode::NoPracticePostLeft,
            format!("the station offers {offered} post(s) for {specialty} in {year}, all taken"),
        ));
    }
    let row = teacher_practice::ActiveModel {
        id: Set(Uuid::now_v7()),
        station_id: Set(p.station_id),
        school_id: Set(school),
        teacher_name: Set(teacher),
        specialty: Set(specialty),
        dual_qualified: Set(p.dual_qualified),
        start_date: Set(p.start_date),
        end_date: Set(p.end_date),
        days_on_site: Set(p.days_on_site),
        practised: Set(clean(p.practised)),
        assessment: Set(None),
        host_confirmed_at: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// The host firm confirms a teacher's practice and gives its assessment.
///
/// # Errors
/// `FORBIDDEN` for anyone but the station's host; database failures.
pub async fn confirm_practice(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    assessment: String,
) -> OpResult<teacher_practice::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let Some(p) = teacher_practice::Entity::find_by_id(id).one(db).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            "no teacher practice has this ID",
        ));
    };
    let station = practice_station::Entity::find_by_id(p.station_id)
        .one(db)
        .await?;
    if station.is_none_or(|s| actor.unit() != Some(s.host_unit_id)) {
        return Err(Error::Forbidden(
            "only the station's host confirms a teacher's practice",
        ));
    }
    let mut a: teacher_practice::ActiveModel = p.into();
    a.assessment = Set(clean(Some(assessment)));
    a.host_confirmed_at = Set(Some(Utc::now()));
    Ok(Ok(a.update(db).await?))
}

// ---------------------------------------------------------------------------------------------
// Craftsmen, career mentors, apprenticeships
// ---------------------------------------------------------------------------------------------

/// Adds a craftsman to the caller's firm's pool (兼职人才资源库).
///
/// # Errors
/// `FORBIDDEN` for schools; database failures.
#[allow(clippy::too_many_arguments)]
pub async fn add_craftsman(
    db: &DatabaseConnection,
    actor: &Actor,
    firm: Option<Uuid>,
    name: String,
    skill_level: Option<String>,
    specialties: Vec<String>,
    availability: Option<String>,
    phone: Option<String>,
) -> OpResult<craftsman::Model> {
    let firm = match acting(actor, Sort::Firm, firm, "unitId")? {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = required(&name, "name", &mut errors);
    if unit(db, firm).await?.is_none_or(|u| u.kind.is_school()) {
        errors.push(Violation::on(
            "unitId",
            ViolationCode::WrongHostKind,
            "craftsmen are lent by firms",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(craftsman::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(firm),
        name: Set(name),
        skill_level: Set(clean(skill_level)),
        specialties: Set(join_list(&specialties)),
        availability: Set(clean(availability)),
        phone: Set(clean(phone)),
    }
    .insert(db)
    .await?))
}

/// Records a craftsman's assignment to the caller's school (工匠入校).
///
/// # Errors
/// `FORBIDDEN` for firms; database failures.
pub async fn assign_craftsman(
    db: &DatabaseConnection,
    actor: &Actor,
    craftsman_id: Uuid,
    school: Option<Uuid>,
    role: CraftsmanRole,
    term: String,
    hours: i32,
) -> OpResult<craftsman_assignment::Model> {
    let school = match acting(actor, Sort::School, school, "schoolId")? {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let term = required(&term, "term", &mut errors);
    if hours <= 0 {
        errors.push(Violation::on(
            "hours",
            ViolationCode::MustBePositive,
            "hours is at least 1",
        ));
    }
    if craftsman::Entity::find_by_id(craftsman_id)
        .one(db)
        .await?
        .is_none()
    {
        errors.push(Violation::on(
            "craftsmanId",
            ViolationCode::NotFound,
            "no craftsman has this ID",
        ));
    }
    if unit(db, school).await?.is_none_or(|u| !u.kind.is_school()) {
        errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotASchool,
            "craftsmen are assigned to schools",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(craftsman_assignment::ActiveModel {
        id: Set(Uuid::now_v7()),
        craftsman_id: Set(craftsman_id),
        school_id: Set(school),
        role: Set(role),
        term: Set(term),
        hours: Set(hours),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?))
}

/// Names the caller's firm's career mentor (职业规划导师; one per firm: a second call replaces the
/// first).
///
/// # Errors
/// `FORBIDDEN` for schools; database failures.
pub async fn set_career_mentor(
    db: &DatabaseConnection,
    actor: &Actor,
    firm: Option<Uuid>,
    name: String,
    title: String,
) -> OpResult<career_mentor::Model> {
    let firm = match acting(actor, Sort::Firm, firm, "unitId")? {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = required(&name, "name", &mut errors);
    let title = required(&title, "title", &mut errors);
    if unit(db, firm).await?.is_none_or(|u| u.kind.is_school()) {
        errors.push(Violation::on(
            "unitId",
            ViolationCode::WrongHostKind,
            "career mentors are named by firms",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let txn = crate::db::write_txn(db).await?;
    let existing = career_mentor::Entity::find()
        .filter(career_mentor::Column::UnitId.eq(firm))
        .one(&txn)
        .await?;
    let row = match existing {
        Some(m) => {
            let mut a: career_mentor::ActiveModel = m.into();
            a.name = Set(name);
            a.title = Set(title);
            a.update(&txn).await?
        }
        None => {
            career_mentor::ActiveModel {
                id: Set(Uuid::now_v7()),
                unit_id: Set(firm),
                name: Set(name),
                title: Set(title),
            }
            .insert(&txn)
            .await?
        }
    };
    txn.commit().await?;
    Ok(Ok(row))
}

/// Records a career class a firm's mentor taught at a school (the school, the firm, or the
/// secretariat).
///
/// # Errors
/// `FORBIDDEN` for other units; database failures.
pub async fn record_career_class(
    db: &DatabaseConnection,
    actor: &Actor,
    mentor: Uuid,
    school: Uuid,
    held_on: NaiveDate,
) -> OpResult<career_class::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let Some(m) = career_mentor::Entity::find_by_id(mentor).one(db).await? else {
        return Ok(refuse(
            "careerMentorId",
            ViolationCode::NotFound,
            "no career mentor has this ID",
        ));
    };
    if !actor.is_secretariat() && actor.unit() != Some(m.unit_id) && actor.unit() != Some(school) {
        return Err(Error::Forbidden(
            "the mentor's firm or the school records a career class",
        ));
    }
    if unit(db, school).await?.is_none_or(|u| !u.kind.is_school()) {
        return Ok(refuse(
            "schoolId",
            ViolationCode::NotASchool,
            "career classes are taught at schools",
        ));
    }
    Ok(Ok(career_class::ActiveModel {
        id: Set(Uuid::now_v7()),
        career_mentor_id: Set(mentor),
        school_id: Set(school),
        held_on: Set(held_on),
    }
    .insert(db)
    .await?))
}

/// A new apprenticeship.
#[derive(Debug, Clone)]
pub struct ApprenticeshipInput {
    /// The firm (the secretariat names it).
    pub unit_id: Option<Uuid>,
    /// The partner school.
    pub school_id: Uuid,
    /// The apprentice, a new or transferred employee.
    pub apprentice_name: String,
    /// Hire date.
    pub hire_date: NaiveDate,
    /// Post.
    pub post: String,
    /// The firm's mentor.
    pub firm_mentor: String,
    /// The school's mentor.
    pub school_mentor: String,
    /// Mode.
    pub mode: ApprenticeshipMode,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: Option<NaiveDate>,
}

/// Records an apprenticeship (企业新型学徒制) of the caller's firm with a partner school, with dual
/// mentors.
///
/// # Errors
/// `FORBIDDEN` for schools; database failures.
pub async fn create_apprenticeship(
    db: &DatabaseConnection,
    actor: &Actor,
    a: ApprenticeshipInput,
) -> OpResult<apprenticeship::Model> {
    let firm = match acting(actor, Sort::Firm, a.unit_id, "unitId")? {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = required(&a.apprentice_name, "apprenticeName", &mut errors);
    let post = required(&a.post, "post", &mut errors);
    let firm_mentor = required(&a.firm_mentor, "firmMentor", &mut errors);
    let school_mentor = required(&a.school_mentor, "schoolMentor", &mut errors);
    if a.end_date.is_some_and(|e| e < a.start_date) {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Invalid,
            "endDate is before startDate",
        ));
    }
    if unit(db, a.school_id)
        .await?
        .is_none_or(|u| !u.kind.is_school())
    {
        errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotASchool,
            "the partner is a school",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(apprenticeship::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(firm),
        school_id: Set(a.school_id),
        apprentice_name: Set(name),
        hire_date: Set(a.hire_date),
        post: Set(post),
        firm_mentor: Set(firm_mentor),
        school_mentor: Set(school_mentor),
        mode: Set(a.mode),
        start_date: Set(a.start_date),
        end_date: Set(a.end_date),
        status: Set(ApprenticeshipStatus::Active),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?))
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/// An event to record.
#[derive(Debug, Clone)]
pub struct EventInput {
    /// Kind.
    pub kind: EventKind,
    /// Date.
    pub held_on: NaiveDate,
    /// Title.
    pub title: String,
    /// Organising units (staff must include their own unit).
    pub organisers: Vec<Uuid>,
    /// Participating units.
    pub participants: Vec<Uuid>,
    /// Participants (persons).
    pub participants_count: Option<i32>,
    /// Notes.
    pub notes: Option<String>,
}

/// Records an event. Staff record events their own unit organised; the secretariat any.
///
/// # Errors
/// `FORBIDDEN` when the caller's unit is not among the organisers; database failures.
pub async fn record_event(
    db: &DatabaseConnection,
    actor: &Actor,
    e: EventInput,
) -> OpResult<event::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    if !actor.is_secretariat() && !actor.unit().is_some_and(|u| e.organisers.contains(&u)) {
        return Err(Error::Forbidden(
            "staff record events their own unit organised",
        ));
    }
    let mut errors = Vec::new();
    let title = required(&e.title, "title", &mut errors);
    if e.organisers.is_empty() {
        errors.push(Violation::on(
            "organiserIds",
            ViolationCode::Blank,
            "name at least one organiser",
        ));
    }
    if e.participants_count.is_some_and(|n| n < 0) {
        errors.push(Violation::on(
            "participantsCount",
            ViolationCode::MustBeNonNegative,
            "participantsCount is 0 or more",
        ));
    }
    let all: HashSet<Uuid> = e
        .organisers
        .iter()
        .chain(e.participants.iter())
        .copied()
        .collect();
    let found = member_unit::Entity::find()
        .filter(member_unit::Column::Id.is_in(all.iter().copied()))
        .all(db)
        .await?
        .len();
    if found != all.len() {
        errors.push(Violation::on(
            "participantIds",
            ViolationCode::NotFound,
            "an organiser or participant is not a member unit",
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let txn = crate::db::write_txn(db).await?;
    let row = event::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(e.kind),
        held_on: Set(e.held_on),
        title: Set(title),
        participants_count: Set(e.participants_count),
        notes: Set(clean(e.notes)),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    let mut done = HashSet::new();
    for (u, role) in e
        .organisers
        .iter()
        .map(|u| (*u, EventRole::Organiser))
        .chain(e.participants.iter().map(|u| (*u, EventRole::Participant)))
    {
        if done.insert(u) {
            event_unit::ActiveModel {
                id: Set(Uuid::now_v7()),
                event_id: Set(row.id),
                unit_id: Set(u),
                role: Set(role),
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.commit().await?;
    Ok(Ok(row))
}

// ---------------------------------------------------------------------------------------------
// Compliance
// ---------------------------------------------------------------------------------------------

/// A commitment of the plan checked per member and year.
#[derive(async_graphql::Enum, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComplianceRule {
    /// Firm: has an OPERATING school-in-factory (厂中校) base — 二(一)3.
    SchoolInFactoryBase,
    /// Firm: has a teacher practice station offering posts that year — 二(二)4.
    PracticeStationWithPosts,
    /// Firm: has named a career mentor — 二(四)10.
    CareerMentor,
    /// Firm: took part in a campus visit (企业进校园) that year — 二(四)10.
    CampusVisit,
    /// School: sent teachers to practise in firms that year — 二(二)4.
    TeachersSentToPractice,
    /// School: held (or took part in) a graduate job-recommendation event that year — 二(四)11.
    JobRecommendationEvent,
}

impl ComplianceRule {
    /// Firms' rules (category ENTERPRISE).
    pub const FIRM: [Self; 4] = [
        Self::SchoolInFactoryBase,
        Self::PracticeStationWithPosts,
        Self::CareerMentor,
        Self::CampusVisit,
    ];
    /// Schools' rules.
    pub const SCHOOL: [Self; 2] = [Self::TeachersSentToPractice, Self::JobRecommendationEvent];

    /// The rules that apply to a unit.
    pub fn for_unit(u: &member_unit::Model) -> &'static [Self] {
        match u.category {
            entity::enums::UnitCategory::Enterprise => &Self::FIRM,
            entity::enums::UnitCategory::School => &Self::SCHOOL,
            entity::enums::UnitCategory::Other => &[],
        }
    }
}

/// A row that satisfies a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The kind of row: `TrainingSite`, `TeacherPracticeStation`, `CareerMentor`, `Event` or
    /// `TeacherPractice` (the GraphQL type of the row's global ID).
    pub kind: &'static str,
    /// Its id.
    pub id: Uuid,
    /// A short description.
    pub label: String,
}

/// The evidence for each (unit, rule) among `units` in `year`, in a fixed number of SQL statements
/// (7) whatever the number of units.
///
/// # Errors
/// Database failures.
pub async fn evidence(
    db: &impl ConnectionTrait,
    units: &[Uuid],
    year: i32,
) -> Result<HashMap<(Uuid, ComplianceRule), Vec<Evidence>>, DbErr> {
    let (from, to) = crate::db::year_bounds(year).unwrap_or_default();
    let mut out: HashMap<(Uuid, ComplianceRule), Vec<Evidence>> = HashMap::new();
    let ids = || units.iter().copied();
    for s in training_site::Entity::find()
        .filter(training_site::Column::HostUnitId.is_in(ids()))
        .filter(training_site::Column::Kind.eq(SiteKind::SchoolInFactory))
        .filter(training_site::Column::Status.eq(SiteStatus::Operating))
        .all(db)
        .await?
    {
        out.entry((s.host_unit_id, ComplianceRule::SchoolInFactoryBase))
            .or_default()
            .push(Evidence {
                kind: "TrainingSite",
                id: s.id,
                label: s.name,
            });
    }
    let stations: HashMap<Uuid, practice_station::Model> = practice_station::Entity::find()
        .filter(practice_station::Column::HostUnitId.is_in(ids()))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    // The statements run whatever the rows, so the count is fixed (an empty IN matches nothing).
    {
        for p in practice_post::Entity::find()
            .filter(practice_post::Column::StationId.is_in(stations.keys().copied()))
            .filter(practice_post::Column::Year.eq(year))
            .filter(practice_post::Column::Posts.gt(0))
            .all(db)
            .await?
        {
            if let Some(st) = stations.get(&p.station_id) {
                out.entry((st.host_unit_id, ComplianceRule::PracticeStationWithPosts))
                    .or_default()
                    .push(Evidence {
                        kind: "TeacherPracticeStation",
                        id: st.id,
                        label: format!("{}: {} × {} ({year})", st.name, p.posts, p.specialty),
                    });
            }
        }
    }
    for m in career_mentor::Entity::find()
        .filter(career_mentor::Column::UnitId.is_in(ids()))
        .all(db)
        .await?
    {
        out.entry((m.unit_id, ComplianceRule::CareerMentor))
            .or_default()
            .push(Evidence {
                kind: "CareerMentor",
                id: m.id,
                label: format!("{} ({})", m.name, m.title),
            });
    }
    let events: HashMap<Uuid, event::Model> = event::Entity::find()
        .filter(event::Column::Kind.is_in([EventKind::CampusVisit, EventKind::JobRecommendation]))
        .filter(event::Column::HeldOn.gte(from))
        .filter(event::Column::HeldOn.lt(to))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    {
        for link in event_unit::Entity::find()
            .filter(event_unit::Column::EventId.is_in(events.keys().copied()))
            .filter(event_unit::Column::UnitId.is_in(ids()))
            .all(db)
            .await?
        {
            if let Some(e) = events.get(&link.event_id) {
                let rule = match e.kind {
                    EventKind::CampusVisit => ComplianceRule::CampusVisit,
                    _ => ComplianceRule::JobRecommendationEvent,
                };
                out.entry((link.unit_id, rule)).or_default().push(Evidence {
                    kind: "Event",
                    id: e.id,
                    label: format!("{} ({})", e.title, e.held_on),
                });
            }
        }
    }
    for t in teacher_practice::Entity::find()
        .filter(teacher_practice::Column::SchoolId.is_in(ids()))
        .filter(teacher_practice::Column::StartDate.gte(from))
        .filter(teacher_practice::Column::StartDate.lt(to))
        .all(db)
        .await?
    {
        out.entry((t.school_id, ComplianceRule::TeachersSentToPractice))
            .or_default()
            .push(Evidence {
                kind: "TeacherPractice",
                id: t.id,
                label: format!("{} ({} – {})", t.specialty, t.start_date, t.end_date),
            });
    }
    Ok(out)
}
