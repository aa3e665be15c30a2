//! The teacher pool (威海技工教育师资库, Ten Measures (6): "整合各院校优势师资、技能大师、专业带头人，
//! 建立“威海技工教育师资库”") and the dual-qualified certification (双师型教师认定, Ten Measures (6):
//! "探索建立“双师型”教师认定、考核、激励机制"), measured against the share the Weihai 2020 plan sets
//! (task 30: "专业教师“双师型”比例达到 80%").

use chrono::{NaiveDate, Utc};
use entity::enums::CommitteeKind;
use entity::{committee, teacher};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    FromQueryResult, QueryFilter, QuerySelect, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use super::{acting_for, check_unit, not_future};
use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::{clean, clean_update, join_list, required};

/// A teacher as the school records it.
#[derive(Debug, Clone, Default)]
pub struct TeacherInput {
    /// The school: its own for school staff; required for the secretariat.
    pub school_id: Option<Uuid>,
    /// Name (1–200 characters).
    pub name: String,
    /// Specialties taught.
    pub specialties: Vec<String>,
    /// Professional titles (职称).
    pub professional_titles: Vec<String>,
    /// Skill levels (技能等级).
    pub skill_levels: Vec<String>,
    /// A specialty teacher (counted in the dual-qualified share).
    pub specialty_teacher: bool,
    /// A subject leader (专业带头人).
    pub subject_leader: bool,
    /// A skill master (技能大师).
    pub skill_master: bool,
    /// Phone.
    pub phone: Option<String>,
    /// The industry qualification held.
    pub industry_qualification: Option<String>,
}

/// Adds a teacher to the pool: the school's staff for their own school, or the secretariat naming
/// it. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for other callers (and for school staff naming another
/// school); user errors: `BLANK` school (secretariat) or name, `NOT_FOUND` school, `NOT_A_SCHOOL`,
/// `TOO_LONG` list; database failures.
pub async fn add_teacher(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: TeacherInput,
) -> OpResult<teacher::Model> {
    let school = match acting_for(
        actor,
        actor.school(),
        input.school_id,
        "schoolId",
        msg!("forbidden-school-staff-only"),
    )? {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    check_unit(&txn, school, "schoolId", true, &mut errors).await?;
    let name = required(&input.name, "name", &mut errors);
    let lists = [
        ("specialties", join_list(&input.specialties)),
        ("professionalTitles", join_list(&input.professional_titles)),
        ("skillLevels", join_list(&input.skill_levels)),
    ];
    for (field, joined) in &lists {
        crate::text::too_long(&mut errors, field, Some(joined), 200);
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let [(_, specialties), (_, titles), (_, levels)] = lists;
    let now = Utc::now();
    let row = teacher::ActiveModel {
        id: Set(Uuid::now_v7()),
        school_id: Set(school),
        name: Set(name),
        specialties: Set(specialties),
        professional_titles: Set(titles),
        skill_levels: Set(levels),
        specialty_teacher: Set(input.specialty_teacher),
        subject_leader: Set(input.subject_leader),
        skill_master: Set(input.skill_master),
        phone: Set(clean(input.phone)),
        industry_qualification: Set(clean(input.industry_qualification)),
        dual_qualified_on: Set(None),
        dual_qualified_evidence: Set(None),
        dual_qualified_by: Set(None),
        left_on: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// A correction of a teacher (`updateTeacher`): `None` leaves a field; `Some(None)` clears a
/// nullable one.
#[derive(Debug, Clone, Default)]
pub struct TeacherPatch {
    /// Name (`BLANK`).
    pub name: Option<String>,
    /// Specialties (the whole list).
    pub specialties: Option<Vec<String>>,
    /// Professional titles (the whole list).
    pub professional_titles: Option<Vec<String>>,
    /// Skill levels (the whole list).
    pub skill_levels: Option<Vec<String>>,
    /// A specialty teacher.
    pub specialty_teacher: Option<bool>,
    /// A subject leader.
    pub subject_leader: Option<bool>,
    /// A skill master.
    pub skill_master: Option<bool>,
    /// Phone.
    pub phone: Option<Option<String>>,
    /// The industry qualification.
    pub industry_qualification: Option<Option<String>>,
    /// The day the teacher left the school (not after today); `Some(None)`: back on staff.
    pub left_on: Option<Option<NaiveDate>>,
}

/// The teacher `id` for a write by `actor`: its school's staff or the secretariat.
async fn owned(
    actor: &Actor,
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Result<teacher::Model, Vec<Violation>>, Error> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let Some(row) = teacher::Entity::find_by_id(id).one(db).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-teacher-unknown"),
        ));
    };
    if !(actor.is_secretariat() || actor.school() == Some(row.school_id)) {
        return Err(actor.refused(msg!("forbidden-school-staff-only")));
    }
    Ok(Ok(row))
}

/// Corrects a teacher: the school's staff or the secretariat. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `BLANK` name, `TOO_LONG` list,
/// `INVALID` leaving day (in the future); database failures.
pub async fn update_teacher(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    p: TeacherPatch,
) -> OpResult<teacher::Model> {
    let txn = crate::db::write_txn(db).await?;
    let row = match owned(actor, &txn, id).await? {
        Ok(r) => r,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = p.name.map(|n| required(&n, "name", &mut errors));
    let list = |v: Option<Vec<String>>, field: &str, errors: &mut Vec<Violation>| {
        v.map(|v| {
            let joined = join_list(&v);
            crate::text::too_long(errors, field, Some(&joined), 200);
            joined
        })
    };
    let specialties = list(p.specialties, "specialties", &mut errors);
    let titles = list(p.professional_titles, "professionalTitles", &mut errors);
    let levels = list(p.skill_levels, "skillLevels", &mut errors);
    if let Some(Some(day)) = p.left_on {
        not_future(day, "leftOn", &mut errors);
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: teacher::ActiveModel = row.into();
    if let Some(v) = name {
        a.name = Set(v);
    }
    if let Some(v) = specialties {
        a.specialties = Set(v);
    }
    if let Some(v) = titles {
        a.professional_titles = Set(v);
    }
    if let Some(v) = levels {
        a.skill_levels = Set(v);
    }
    if let Some(v) = p.specialty_teacher {
        a.specialty_teacher = Set(v);
    }
    if let Some(v) = p.subject_leader {
        a.subject_leader = Set(v);
    }
    if let Some(v) = p.skill_master {
        a.skill_master = Set(v);
    }
    if let Some(v) = clean_update(p.phone) {
        a.phone = Set(v);
    }
    if let Some(v) = clean_update(p.industry_qualification) {
        a.industry_qualification = Set(v);
    }
    if let Some(v) = p.left_on {
        a.left_on = Set(v);
    }
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Whether the caller acts for the teaching-staff committee (师资建设委员会, Ten Measures (6)):
/// COMMITTEE_STAFF of a committee of that kind.
///
/// # Errors
/// Database failures.
pub async fn is_teaching_staff_committee(
    actor: &Actor,
    db: &impl ConnectionTrait,
) -> Result<bool, Error> {
    let Some(c) = actor.committee() else {
        return Ok(false);
    };
    Ok(committee::Entity::find_by_id(c)
        .one(db)
        .await?
        .is_some_and(|c| c.kind == CommitteeKind::TeachingStaffCommittee))
}

/// Certifies a teacher dual-qualified (双师型) from `certified_on`, on `evidence`, or withdraws
/// the certification (`certified_on` `None`): the teaching-staff committee's staff or the
/// secretariat. The criteria (the industry qualification, the host-confirmed practice stints) are
/// shown on the teacher; the committee judges them. One transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN` (anyone else); user errors: `NOT_FOUND`, `BLANK` evidence,
/// `INVALID` day (in the future), `INVALID_TRANSITION` (a teacher who left); database failures.
pub async fn certify_dual_qualified(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    certified_on: Option<NaiveDate>,
    evidence: String,
) -> OpResult<teacher::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    if !(actor.is_secretariat() || is_teaching_staff_committee(actor, &txn).await?) {
        return Err(actor.refused(msg!("people-forbidden-teaching-staff-committee")));
    }
    let Some(row) = teacher::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-teacher-unknown"),
        ));
    };
    let mut errors = Vec::new();
    let evidence = clean(Some(evidence));
    if let Some(day) = certified_on {
        not_future(day, "certifiedOn", &mut errors);
        if evidence.is_none() {
            errors.push(Violation::on(
                "evidence",
                ViolationCode::Blank,
                msg!("field-blank", field = "evidence"),
            ));
        }
        if row.left_on.is_some() {
            errors.push(Violation::on(
                "id",
                ViolationCode::InvalidTransition,
                msg!("people-teacher-left"),
            ));
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: teacher::ActiveModel = row.into();
    a.dual_qualified_on = Set(certified_on);
    a.dual_qualified_evidence = Set(certified_on.and(evidence));
    a.dual_qualified_by = Set(certified_on.and(actor.account_id()));
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Whether `actor` may read the private part of a teacher of `school` — the phone and the
/// practice stints: the school's staff, the secretariat and the teaching-staff committee's staff
/// (`teaching_staff`).
pub fn reads_teacher_private(actor: &Actor, school: Uuid, teaching_staff: bool) -> bool {
    actor.is_secretariat() || actor.school() == Some(school) || teaching_staff
}

/// The teachers `actor` may list: the whole pool for any account but an evaluator's (the pool is
/// the alliance's shared directory; phones are guarded per field).
pub fn teacher_scope(actor: &Actor) -> Condition {
    crate::plan::signed_in(actor)
}

/// Teachers on a school's staff on `day`: entered in the pool by then, not left by then.
pub fn on_staff(day: NaiveDate) -> Condition {
    let next = day.succ_opt().unwrap_or(day);
    Condition::all()
        .add(teacher::Column::CreatedAt.lt(next.and_time(chrono::NaiveTime::MIN).and_utc()))
        .add(
            Condition::any()
                .add(teacher::Column::LeftOn.is_null())
                .add(teacher::Column::LeftOn.gt(day)),
        )
}

/// One school's dual-qualified share on a day.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct SchoolShare {
    /// The school.
    pub school_id: Uuid,
    /// Its specialty teachers on staff.
    pub specialty_teachers: i64,
    /// Of them, certified dual-qualified on or before the day.
    pub dual_qualified: i64,
}

/// Each school's dual-qualified share on `day` (schools with specialty teachers in the pool),
/// from one SQL aggregate (Weihai 2020 plan, task 30). The secretariat and committee staff see
/// every school; a school's staff its own.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` for other callers; database failures.
pub async fn dual_qualified_shares(
    actor: &Actor,
    db: &impl ConnectionTrait,
    day: NaiveDate,
) -> Result<Vec<SchoolShare>, Error> {
    let mut q = teacher::Entity::find()
        .select_only()
        .column(teacher::Column::SchoolId)
        .column_as(Expr::col(teacher::Column::Id).count(), "specialty_teachers")
        .column_as(
            Expr::expr(Func::sum(
                Expr::case(teacher::Column::DualQualifiedOn.lte(day), 1).finally(0),
            )),
            "dual_qualified",
        )
        .filter(teacher::Column::SpecialtyTeacher.eq(true))
        .filter(on_staff(day))
        .group_by(teacher::Column::SchoolId);
    if !actor.reads_aggregates() {
        match actor.school() {
            Some(s) => q = q.filter(teacher::Column::SchoolId.eq(s)),
            None => return Err(actor.refused(msg!("forbidden-committees-only"))),
        }
    }
    let mut rows: Vec<SchoolShare> = q.into_model().all(db).await?;
    rows.sort_by_key(|r| r.school_id);
    Ok(rows)
}
