//! Teacher practice stations (Founding notice 二(二)4): the posts a firm offers each year, and the
//! teachers schools send to them.

use chrono::{NaiveDate, Utc};
use entity::{practice_post, practice_station, teacher_practice};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter,
};
use uuid::Uuid;

use super::acting::Sort;
use super::acting::acting;
use super::acting::unit;
use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Error, Violation, ViolationCode, refuse};
use crate::i18n::Message;
use crate::msg;
use crate::plan::owns;
use crate::text::clean;
use crate::text::join_list;
use crate::text::required;

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
            msg!("plan-member-unit-unknown"),
        )),
        Some(u) if u.kind.is_school() => errors.push(Violation::on(
            "hostUnitId",
            ViolationCode::WrongHostKind,
            msg!("plan-station-firm-only"),
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
        archived_at: Set(None),
    }
    .insert(db)
    .await?))
}

/// Sets the practice posts a station offers for a year and specialty (its host or the
/// secretariat). A later call for the same year and specialty replaces the number (0 included:
/// how a wrong offer is corrected). Fewer posts than already booked is refused
/// (`NO_PRACTICE_POST_LEFT`); an archived station offers none (`INVALID_TRANSITION`).
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
            msg!("plan-station-unknown"),
        ));
    };
    owns(actor, st.host_unit_id)?;
    if st.archived_at.is_some() {
        return Ok(refuse(
            "stationId",
            ViolationCode::InvalidTransition,
            msg!("plan-station-archived"),
        ));
    }
    let mut errors = Vec::new();
    let specialty = required(&specialty, "specialty", &mut errors);
    if posts < 0 {
        errors.push(Violation::on(
            "posts",
            ViolationCode::MustBeNonNegative,
            msg!("plan-posts-negative"),
        ));
    }
    if !(2000..=2100).contains(&year) {
        errors.push(Violation::on(
            "year",
            ViolationCode::Invalid,
            msg!("plan-year-range"),
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
            msg!("plan-posts-below-booked", booked = booked),
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
/// changes of one station run one after another and posts cannot be overbooked; the station, if
/// it exists.
async fn lock_station(
    db: &impl ConnectionTrait,
    station: Uuid,
) -> Result<Option<practice_station::Model>, DbErr> {
    use sea_orm::QuerySelect;
    practice_station::Entity::find_by_id(station)
        .lock_exclusive()
        .one(db)
        .await
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
        .filter(teacher_practice::Column::DeclinedAt.is_null())
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
    /// The teacher: one of the school's teachers in the pool.
    pub teacher: TeacherRef,
    /// Specialty (one the station offers posts for).
    pub specialty: String,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: NaiveDate,
    /// Days on site.
    pub days_on_site: i32,
    /// What was practised.
    pub practised: Option<String>,
}

/// How a booking names its teacher.
#[derive(Debug, Clone)]
pub enum TeacherRef {
    /// A teacher of the pool (`teacherId`).
    Id(Uuid),
    /// A name (the deprecated `teacherName`): the school's one teacher on staff of that name, or
    /// a new specialty teacher of the pool with that name and the booking's specialty.
    Name(String),
}

/// The school's teacher a booking names, on staff: `NOT_FOUND` on `teacherId` for another
/// school's or an unknown one, `INVALID_TRANSITION` for one who left, `INVALID` on `teacherName`
/// when several teachers of the school share the name (or it is blank).
async fn pool_teacher(
    txn: &sea_orm::DatabaseTransaction,
    school: Uuid,
    teacher: TeacherRef,
    specialty: &str,
    errors: &mut Vec<Violation>,
) -> Result<Option<entity::teacher::Model>, Error> {
    use entity::teacher;
    use sea_orm::QuerySelect;
    match teacher {
        TeacherRef::Id(id) => match teacher::Entity::find_by_id(id)
            .filter(teacher::Column::SchoolId.eq(school))
            .one(txn)
            .await?
        {
            None => errors.push(Violation::on(
                "teacherId",
                ViolationCode::NotFound,
                msg!("people-teacher-unknown"),
            )),
            Some(t) if t.left_on.is_some() => errors.push(Violation::on(
                "teacherId",
                ViolationCode::InvalidTransition,
                msg!("people-teacher-left"),
            )),
            Some(t) => return Ok(Some(t)),
        },
        TeacherRef::Name(name) => {
            let name = required(&name, "teacherName", errors);
            if name.is_empty() {
                return Ok(None);
            }
            let mut same = teacher::Entity::find()
                .filter(teacher::Column::SchoolId.eq(school))
                .filter(teacher::Column::Name.eq(name.as_str()))
                .filter(teacher::Column::LeftOn.is_null())
                .limit(2)
                .all(txn)
                .await?;
            match same.len() {
                0 => {
                    let now = Utc::now();
                    let row = teacher::ActiveModel {
                        id: Set(Uuid::now_v7()),
                        school_id: Set(school),
                        name: Set(name),
                        specialties: Set(specialty.to_owned()),
                        professional_titles: Set(String::new()),
                        skill_levels: Set(String::new()),
                        specialty_teacher: Set(true),
                        subject_leader: Set(false),
                        skill_master: Set(false),
                        phone: Set(None),
                        industry_qualification: Set(None),
                        dual_qualified_on: Set(None),
                        dual_qualified_evidence: Set(None),
                        dual_qualified_by: Set(None),
                        left_on: Set(None),
                        created_at: Set(now),
                        updated_at: Set(now),
                    }
                    .insert(txn)
                    .await?;
                    return Ok(Some(row));
                }
                1 => return Ok(same.pop()),
                _ => errors.push(Violation::on(
                    "teacherName",
                    ViolationCode::Invalid,
                    msg!("people-teacher-name-ambiguous"),
                )),
            }
        }
    }
    Ok(None)
}

/// Records a teacher's practice at a station (the teacher's school). The station's posts for the
/// start year and specialty must not run out (`NO_PRACTICE_POST_LEFT`, Founding notice 二(二)4).
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
    let specialty = required(&p.specialty, "specialty", &mut errors);
    if p.end_date < p.start_date {
        errors.push(Violation::on(
            "endDate",
            ViolationCode::Invalid,
            msg!("plan-end-before-start"),
        ));
    }
    let span = (p.end_date - p.start_date).num_days() + 1;
    if p.days_on_site < 0 || i64::from(p.days_on_site) > span.max(0) {
        errors.push(Violation::on(
            "daysOnSite",
            ViolationCode::Invalid,
            msg!("plan-days-on-site-range", span = span),
        ));
    }
    let txn = crate::db::write_txn(db).await?;
    match lock_station(&txn, p.station_id).await? {
        None => errors.push(Violation::on(
            "stationId",
            ViolationCode::NotFound,
            msg!("plan-station-unknown"),
        )),
        // An archived station takes no new bookings (`docs/domain.md`, Correcting and archiving).
        Some(st) if st.archived_at.is_some() => errors.push(Violation::on(
            "stationId",
            ViolationCode::InvalidTransition,
            msg!("plan-station-archived"),
        )),
        Some(_) => {}
    }
    match unit(&txn, school).await? {
        Some(u) if u.kind.is_school() => {}
        _ => errors.push(Violation::on(
            "schoolId",
            ViolationCode::NotASchool,
            msg!("plan-teacher-not-from-school"),
        )),
    }
    let teacher = if errors.is_empty() {
        pool_teacher(&txn, school, p.teacher, &specialty, &mut errors).await?
    } else {
        None
    };
    let Some(teacher) = teacher.filter(|_| errors.is_empty()) else {
        return Ok(Err(errors));
    };
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
            msg!(
                "plan-no-post-left",
                offered = offered,
                specialty = &specialty,
                year = year,
            ),
        ));
    }
    let row = teacher_practice::ActiveModel {
        id: Set(Uuid::now_v7()),
        station_id: Set(p.station_id),
        school_id: Set(school),
        teacher_id: Set(teacher.id),
        specialty: Set(specialty),
        dual_qualified: Set(teacher.dual_qualified_on.is_some_and(|d| d <= p.start_date)),
        start_date: Set(p.start_date),
        end_date: Set(p.end_date),
        days_on_site: Set(p.days_on_site),
        practised: Set(clean(p.practised)),
        assessment: Set(None),
        // What the secretariat records stands; a school's booking waits for the host.
        host_confirmed_at: Set(actor.is_secretariat().then(Utc::now)),
        declined_at: Set(None),
        decline_reason: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// The teacher practice `id`, when the caller answers for its station's host: the host's staff,
/// and the secretariat too when `secretariat`.
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; `FORBIDDEN` (with `why`) for anyone else; `NOT_FOUND` as a
/// user error for an unknown ID; database failures.
async fn hosted_practice(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    secretariat: bool,
    why: Message,
) -> OpResult<teacher_practice::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let Some(p) = teacher_practice::Entity::find_by_id(id).one(db).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("plan-practice-unknown"),
        ));
    };
    let station = practice_station::Entity::find_by_id(p.station_id)
        .one(db)
        .await?;
    let host = station.is_some_and(|s| actor.unit() == Some(s.host_unit_id));
    if !(host || (secretariat && actor.is_secretariat())) {
        return Err(Error::Forbidden(why));
    }
    Ok(Ok(p))
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
    let p = match hosted_practice(
        db,
        actor,
        id,
        false,
        msg!("plan-forbidden-practice-confirm"),
    )
    .await?
    {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    if p.declined_at.is_some() {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("plan-practice-declined"),
        ));
    }
    let mut a: teacher_practice::ActiveModel = p.into();
    a.assessment = Set(clean(Some(assessment)));
    a.host_confirmed_at = Set(Some(Utc::now()));
    Ok(Ok(a.update(db).await?))
}

/// The host firm (or the secretariat) declines a booking it never agreed to, with a reason: the
/// post it held is free again at once, and the stint counts for nothing. A confirmed stint cannot
/// be declined (`INVALID_TRANSITION`); declining twice changes nothing.
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; `FORBIDDEN` for anyone but the station's host and the
/// secretariat; `NOT_FOUND`, `BLANK` and `INVALID_TRANSITION` as user errors; database failures.
pub async fn decline_practice(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
    reason: String,
) -> OpResult<teacher_practice::Model> {
    let p = match hosted_practice(db, actor, id, true, msg!("plan-forbidden-practice-decline"))
        .await?
    {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let reason = required(&reason, "reason", &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    if p.host_confirmed_at.is_some() {
        return Ok(refuse(
            "id",
            ViolationCode::InvalidTransition,
            msg!("plan-practice-confirmed"),
        ));
    }
    if p.declined_at.is_some() {
        return Ok(Ok(p));
    }
    let mut a: teacher_practice::ActiveModel = p.into();
    a.declined_at = Set(Some(Utc::now()));
    a.decline_reason = Set(Some(reason));
    Ok(Ok(a.update(db).await?))
}
