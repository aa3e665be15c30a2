//! Importing students and placements from a file: every row checked, every bad row reported, and
//! nothing written unless every row is good (one transaction).

use std::collections::HashMap;
use std::io::{Read, Seek};

use chrono::Utc;
use entity::enums::{ArrangedBy, Gender, VenueType};
use entity::{internship_placement, student};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::error::ViolationCode;
use crate::placement::{self, Host, Members, PlacementInput, StudentInput};
use crate::spreadsheet::ARRANGED;
use crate::spreadsheet::Format;
use crate::spreadsheet::GENDERS;
use crate::spreadsheet::PLACEMENT_COLUMNS;
use crate::spreadsheet::Row;
use crate::spreadsheet::Rows;
use crate::spreadsheet::STUDENT_COLUMNS;
use crate::spreadsheet::VENUES;
use crate::spreadsheet::file_error;
use crate::spreadsheet::header_map;

/// Rows written per statement.
const BATCH: usize = 500;

/// One problem with one row (or the file itself, row 0).
#[derive(Debug, Clone, PartialEq, Eq, async_graphql::SimpleObject)]
pub struct RowError {
    /// Spreadsheet row number (1 = the header row; data start at 2); 0 for the file as a whole.
    pub row: u64,
    /// The column's field name, when one column is at fault.
    pub column: Option<String>,
    /// Typed code.
    pub code: ViolationCode,
    /// What is wrong.
    pub message: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, async_graphql::SimpleObject)]
pub struct ImportReport {
    /// Data rows read.
    pub rows_read: u64,
    /// Rows that added a record.
    pub inserted: u64,
    /// Rows that changed an existing record.
    pub updated: u64,
    /// Rows already present as they are (nothing to do).
    pub unchanged: u64,
    /// Every problem found. When not empty, nothing was written.
    pub errors: Vec<RowError>,
}

/// Imports students for `school` from `reader`; `progress` is called with the rows done so far.
///
/// # Errors
/// Database failures (the transaction is rolled back). Problems with the file are in the report.
pub async fn import_students<R: Read + Seek + Send + 'static>(
    db: &DatabaseConnection,
    school: Uuid,
    format: Format,
    reader: R,
    mut progress: impl FnMut(u64),
) -> Result<ImportReport, sea_orm::DbErr> {
    let mut rows = Rows::open(format, reader);
    let header = match rows.next_row().await {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Ok(file_error(e)),
        None => return Ok(file_error("the file is empty")),
    };
    let map = match header_map(&header, STUDENT_COLUMNS) {
        Ok(m) => m,
        Err(e) => return Ok(file_error(e)),
    };
    let today = Utc::now().date_naive();
    let txn = crate::db::write_txn(db).await?;
    let mut existing: HashMap<String, student::Model> = student::Entity::find()
        .filter(student::Column::SchoolId.eq(school))
        .all(&txn)
        .await?
        .into_iter()
        .map(|s| (s.student_number.clone(), s))
        .collect();
    let mut report = ImportReport::default();
    let mut batch: Vec<student::ActiveModel> = Vec::new();
    let mut number: u64 = 1;
    while let Some(cells) = rows.next_row().await {
        number += 1;
        let cells = match cells {
            Ok(c) => c,
            Err(e) => {
                report.errors.push(RowError {
                    row: number,
                    column: None,
                    code: ViolationCode::MalformedFile,
                    message: e,
                });
                continue;
            }
        };
        if cells.iter().all(String::is_empty) {
            continue;
        }
        report.rows_read += 1;
        let mut row = Row {
            number,
            cells: &cells,
            map: &map,
            errors: Vec::new(),
        };
        let mut input = StudentInput {
            student_number: row.required("studentNumber"),
            name: row.required("name"),
            gender: row.choice("gender", GENDERS).unwrap_or(Gender::Male),
            date_of_birth: row.required_date("dateOfBirth"),
            year_of_study: row.int("yearOfStudy"),
            specialty: row.text("specialty"),
            national_id: row.text("nationalId"),
        };
        if row.text("gender").is_none() {
            row.fail("gender", ViolationCode::Blank, "gender is required");
        }
        let mut errors = row.errors;
        if errors.is_empty() {
            errors.extend(
                placement::check_student(&mut input, today)
                    .into_iter()
                    .map(|e| RowError {
                        row: number,
                        column: e.field,
                        code: e.code,
                        message: e.message,
                    }),
            );
        }
        if !errors.is_empty() {
            report.errors.extend(errors);
            continue;
        }
        let now = Utc::now();
        match existing.get(&input.student_number) {
            Some(s)
                if s.name == input.name
                    && s.gender == input.gender
                    && s.date_of_birth == input.date_of_birth
                    && s.year_of_study == input.year_of_study
                    && s.specialty == input.specialty
                    && s.national_id == input.national_id =>
            {
                report.unchanged += 1;
            }
            Some(s) => {
                if report.errors.is_empty() {
                    let mut a: student::ActiveModel = s.clone().into();
                    a.name = Set(input.name.clone());
                    a.gender = Set(input.gender);
                    a.date_of_birth = Set(input.date_of_birth);
                    a.year_of_study = Set(input.year_of_study);
                    a.specialty = Set(input.specialty.clone());
                    a.national_id = Set(input.national_id.clone());
                    a.updated_at = Set(now);
                    a.update(&txn).await?;
                }
                report.updated += 1;
            }
            None => {
                let model = student::Model {
                    id: Uuid::now_v7(),
                    school_id: school,
                    student_number: input.student_number.clone(),
                    name: input.name,
                    gender: input.gender,
                    date_of_birth: input.date_of_birth,
                    year_of_study: input.year_of_study,
                    specialty: input.specialty,
                    national_id: input.national_id,
                    created_at: now,
                    updated_at: now,
                };
                batch.push(model.clone().into());
                existing.insert(input.student_number, model);
                report.inserted += 1;
            }
        }
        if batch.len() >= BATCH {
            if report.errors.is_empty() {
                student::Entity::insert_many(std::mem::take(&mut batch))
                    .exec_without_returning(&txn)
                    .await?;
            } else {
                batch.clear();
            }
        }
        if number.is_multiple_of(1000) {
            progress(report.rows_read);
        }
    }
    if report.errors.is_empty() && !batch.is_empty() {
        student::Entity::insert_many(batch)
            .exec_without_returning(&txn)
            .await?;
    }
    progress(report.rows_read);
    if report.errors.is_empty() {
        txn.commit().await?;
    } else {
        txn.rollback().await?;
        report.inserted = 0;
        report.updated = 0;
        report.unchanged = 0;
    }
    Ok(report)
}

/// Imports placements for `school` from `reader` (each PLANNED, ready for activation);
/// `progress` is called with the rows done so far.
///
/// # Errors
/// Database failures (the transaction is rolled back). Problems with the file are in the report.
pub async fn import_placements<R: Read + Seek + Send + 'static>(
    db: &DatabaseConnection,
    school: Uuid,
    format: Format,
    reader: R,
    mut progress: impl FnMut(u64),
) -> Result<ImportReport, sea_orm::DbErr> {
    let mut rows = Rows::open(format, reader);
    let header = match rows.next_row().await {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Ok(file_error(e)),
        None => return Ok(file_error("the file is empty")),
    };
    let map = match header_map(&header, PLACEMENT_COLUMNS) {
        Ok(m) => m,
        Err(e) => return Ok(file_error(e)),
    };
    let txn = crate::db::write_txn(db).await?;
    let students = placement::students_by_number(&txn, school).await?;
    let members = Members::load(&txn).await?;
    let mut report = ImportReport::default();
    let mut batch: Vec<internship_placement::ActiveModel> = Vec::new();
    let mut number: u64 = 1;
    let flush = async |batch: &mut Vec<internship_placement::ActiveModel>,
                       write: bool|
           -> Result<u64, sea_orm::DbErr> {
        if batch.is_empty() {
            return Ok(0);
        }
        let rows = std::mem::take(batch);
        if !write {
            return Ok(0);
        }
        let done = internship_placement::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::columns([
                    internship_placement::Column::StudentId,
                    internship_placement::Column::HostKey,
                    internship_placement::Column::StartDate,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        Ok(done)
    };
    let mut batched: u64 = 0;
    while let Some(cells) = rows.next_row().await {
        number += 1;
        let cells = match cells {
            Ok(c) => c,
            Err(e) => {
                report.errors.push(RowError {
                    row: number,
                    column: None,
                    code: ViolationCode::MalformedFile,
                    message: e,
                });
                continue;
            }
        };
        if cells.iter().all(String::is_empty) {
            continue;
        }
        report.rows_read += 1;
        let mut row = Row {
            number,
            cells: &cells,
            map: &map,
            errors: Vec::new(),
        };
        let input = PlacementInput {
            student_number: row.required("studentNumber"),
            host: Host::Other {
                name: row.required("hostName"),
                uscc: row.text("hostUscc"),
            },
            order_class_id: None,
            post_title: row.required("postTitle"),
            venue_type: row.choice("venueType", VENUES).unwrap_or(VenueType::Other),
            hazardous: row.flag("hazardous"),
            weekly_hours: row.required_int("weeklyHours"),
            night_shifts: row.flag("nightShifts"),
            overtime: row.flag("overtime"),
            post_staff_count: row.int("postStaffCount"),
            monthly_pay: row.required_int("monthlyPay"),
            post_wage: row.required_int("postWage"),
            mentor_name: row.text("mentorName"),
            mentor_title: row.text("mentorTitle"),
            arranged_by: row
                .choice("arrangedBy", ARRANGED)
                .unwrap_or(ArrangedBy::School),
            works_elsewhere: row.flag("worksElsewhere"),
            agreement_signed_on: row.date("agreementSignedOn"),
            agreement_guardian_signed: row.flag("agreementGuardianSigned"),
            consent_given: row.flag("consentGiven"),
            guardian_consent_given: row.flag("guardianConsentGiven"),
            insurance_policy: row.text("insurancePolicy"),
            insurance_start: row.date("insuranceStart"),
            insurance_end: row.date("insuranceEnd"),
            start_date: row.required_date("startDate"),
            end_date: row.required_date("endDate"),
        };
        if row.text("venueType").is_none() {
            row.fail("venueType", ViolationCode::Blank, "venueType is required");
        }
        if row.text("arrangedBy").is_none() {
            row.fail("arrangedBy", ViolationCode::Blank, "arrangedBy is required");
        }
        if !row.errors.is_empty() {
            report.errors.extend(row.errors);
            continue;
        }
        match placement::check_placement(school, input, &students, &members) {
            Ok(checked) => {
                batch.push(checked.model);
                batched += 1;
            }
            Err(errors) => report.errors.extend(errors.into_iter().map(|e| RowError {
                row: number,
                column: e.field,
                code: e.code,
                message: e.message,
            })),
        }
        if batch.len() >= BATCH {
            report.inserted += flush(&mut batch, report.errors.is_empty()).await?;
        }
        if number.is_multiple_of(1000) {
            progress(report.rows_read);
        }
    }
    report.inserted += flush(&mut batch, report.errors.is_empty()).await?;
    progress(report.rows_read);
    if report.errors.is_empty() {
        report.unchanged = batched - report.inserted;
        txn.commit().await?;
    } else {
        txn.rollback().await?;
        report.inserted = 0;
    }
    Ok(report)
}
