//! A school's students: validation (national ID, dates) and the upsert keyed by school and student
//! number, shared by `saveStudent` and the importer.

use chrono::{DateTime, NaiveDate, Utc};
use entity::enums::Gender;
use entity::student;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Violation, ViolationCode};
use crate::msg;
use crate::national_id;
use crate::text;

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

/// The earliest date of birth a student record may carry.
pub const EARLIEST_BIRTH: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Checks a student record; `field` prefixes the field names (e.g. for import rows).
pub fn check_student(s: &mut StudentInput, today: NaiveDate) -> Vec<Violation> {
    let mut errors = Vec::new();
    s.student_number = text::normalize(&s.student_number);
    s.name = text::normalize(&s.name);
    s.specialty = text::clean(s.specialty.take());
    s.national_id = s
        .national_id
        .take()
        .map(|x| national_id::normalize(&x))
        .filter(|x| !x.is_empty());
    if s.student_number.is_empty() {
        errors.push(Violation::on(
            "studentNumber",
            ViolationCode::Blank,
            msg!("field-blank", field = "studentNumber"),
        ));
    }
    if s.name.is_empty() {
        errors.push(Violation::on(
            "name",
            ViolationCode::Blank,
            msg!("field-blank", field = "name"),
        ));
    }
    if s.date_of_birth >= today || s.date_of_birth < EARLIEST_BIRTH {
        errors.push(Violation::on(
            "dateOfBirth",
            ViolationCode::Invalid,
            msg!("placement-birth-date-range"),
        ));
    }
    if s.year_of_study.is_some_and(|y| !(1..=6).contains(&y)) {
        errors.push(Violation::on(
            "yearOfStudy",
            ViolationCode::Invalid,
            msg!("placement-year-of-study-range"),
        ));
    }
    if let Some(id) = &s.national_id {
        match national_id::validate(id) {
            Ok(birth) if birth != s.date_of_birth => errors.push(Violation::on(
                "nationalId",
                ViolationCode::InvalidNationalId,
                msg!("placement-national-id-birth-mismatch"),
            )),
            Ok(_) => {}
            Err(e) => errors.push(Violation::on(
                "nationalId",
                ViolationCode::InvalidNationalId,
                e.message(),
            )),
        }
    }
    errors
}

impl StudentInput {
    /// Whether `stored` holds exactly this input (an import leaves it unchanged).
    pub fn matches(&self, stored: &student::Model) -> bool {
        stored.name == self.name
            && stored.gender == self.gender
            && stored.date_of_birth == self.date_of_birth
            && stored.year_of_study == self.year_of_study
            && stored.specialty == self.specialty
            && stored.national_id == self.national_id
    }

    /// Sets this input's fields (all but the key) on a stored student, changed at `now`.
    pub fn apply(self, a: &mut student::ActiveModel, now: DateTime<Utc>) {
        a.name = Set(self.name);
        a.gender = Set(self.gender);
        a.date_of_birth = Set(self.date_of_birth);
        a.year_of_study = Set(self.year_of_study);
        a.specialty = Set(self.specialty);
        a.national_id = Set(self.national_id);
        a.updated_at = Set(now);
    }

    /// A new student of `school` from this input, created at `now`.
    pub fn into_model(self, school: Uuid, now: DateTime<Utc>) -> student::Model {
        student::Model {
            id: Uuid::now_v7(),
            school_id: school,
            student_number: self.student_number,
            name: self.name,
            gender: self.gender,
            date_of_birth: self.date_of_birth,
            year_of_study: self.year_of_study,
            specialty: self.specialty,
            national_id: self.national_id,
            created_at: now,
            updated_at: now,
            archived_at: None,
        }
    }
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
    use sea_orm::sea_query::OnConflict;
    let now = Utc::now();
    let number = s.student_number.clone();
    // One statement, `INSERT … ON CONFLICT (school, number) DO UPDATE`: two writers saving the
    // same new student (a double submit, a client's retry) both succeed, one inserting and one
    // updating, on both databases.
    let row: student::ActiveModel = s.into_model(school, now).into();
    // The upsert bypasses the entities' hooks: the stored row before and after are recorded here.
    let before = student::Entity::find()
        .filter(student::Column::SchoolId.eq(school))
        .filter(student::Column::StudentNumber.eq(number.clone()))
        .one(db)
        .await?;
    student::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([student::Column::SchoolId, student::Column::StudentNumber])
                .update_columns([
                    student::Column::Name,
                    student::Column::Gender,
                    student::Column::DateOfBirth,
                    student::Column::YearOfStudy,
                    student::Column::Specialty,
                    student::Column::NationalId,
                    student::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    let after = student::Entity::find()
        .filter(student::Column::SchoolId.eq(school))
        .filter(student::Column::StudentNumber.eq(number))
        .one(db)
        .await?
        .ok_or_else(|| sea_orm::DbErr::RecordNotFound("the student just saved".into()))?;
    match &before {
        Some(before) => entity::audit::record_change(db, before, &after).await?,
        None => {
            entity::audit::record_models(
                db,
                entity::enums::AuditAction::Create,
                std::slice::from_ref(&after),
            )
            .await?;
        }
    }
    Ok(after)
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

/// Archives a student who left the school: the student's school only, as
/// `saveStudent`. The row and everything that refers to it (placements, enrolments, outcomes) are
/// kept; `MemberUnit.students` hides the student unless `includeArchived: true`, and `node()` still
/// reads it. Saving the same student number again corrects the record and leaves it archived.
///
/// # Errors
/// `UNAUTHENTICATED`; `FORBIDDEN` for anyone but the student's school's staff; database failures.
/// User errors: `NOT_FOUND`, `INVALID_TRANSITION` (already archived).
pub async fn archive_student(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> OpResult<student::Model> {
    use sea_orm::ActiveModelTrait;
    let school = actor.require_school()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = student::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(Err(vec![Violation::on(
            "id",
            ViolationCode::NotFound,
            msg!("placement-student-unknown"),
        )]));
    };
    if row.school_id != school {
        return Err(crate::error::Error::Forbidden(msg!(
            "placement-forbidden-student-other-school"
        )));
    }
    if row.archived_at.is_some() {
        return Ok(Err(vec![Violation::on(
            "id",
            ViolationCode::InvalidTransition,
            msg!("placement-student-archived"),
        )]));
    }
    let mut a: student::ActiveModel = row.into();
    a.archived_at = Set(Some(Utc::now()));
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}
