//! Bulk import and export of students and internship placements as Excel (.xlsx) or CSV, laid out
//! as the templates this module writes (headers in Chinese with the field name in parentheses,
//! e.g. `学号 (studentNumber)`).
//!
//! An import is one transaction: every row is checked, every bad row is reported (row number,
//! column, code, message), and if any row is bad nothing is written. Re-importing the same file
//! changes nothing: placements are keyed by school + student number + host + start date, students
//! by school + student number (a row equal to the stored student is left alone). Rows are read
//! and written one batch at a time; the file itself is held once (a CSV is streamed; an .xlsx
//! sheet is read once by calamine).

use std::collections::HashMap;
use std::io::{Read, Seek};

use calamine::{Data, Reader};
use chrono::{NaiveDate, Utc};
use entity::enums::{ArrangedBy, Gender, VenueType};
use entity::{internship_placement, student};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use crate::error::ViolationCode;
use crate::placement::{self, Host, Members, PlacementInput, StudentInput};

/// Rows written per statement.
const BATCH: usize = 500;

/// One column of a template: the Chinese label, the field name, and a note for the template's
/// second row.
pub struct Column {
    /// Chinese label.
    pub label: &'static str,
    /// Field name (the GraphQL input field).
    pub field: &'static str,
    /// Required.
    pub required: bool,
    /// What goes in it.
    pub note: &'static str,
}

/// Columns of the student template.
pub const STUDENT_COLUMNS: &[Column] = &[
    Column {
        label: "学号",
        field: "studentNumber",
        required: true,
        note: "unique within your school",
    },
    Column {
        label: "姓名",
        field: "name",
        required: true,
        note: "full name",
    },
    Column {
        label: "性别",
        field: "gender",
        required: true,
        note: "男 / 女 (MALE / FEMALE)",
    },
    Column {
        label: "出生日期",
        field: "dateOfBirth",
        required: true,
        note: "YYYY-MM-DD",
    },
    Column {
        label: "年级",
        field: "yearOfStudy",
        required: false,
        note: "1-6 (1 = first year)",
    },
    Column {
        label: "专业",
        field: "specialty",
        required: false,
        note: "specialty name",
    },
    Column {
        label: "身份证号",
        field: "nationalId",
        required: false,
        note: "18 characters; stored, shown masked",
    },
];

/// Columns of the placement template (also the export's columns, so an export re-imports).
pub const PLACEMENT_COLUMNS: &[Column] = &[
    Column {
        label: "学号",
        field: "studentNumber",
        required: true,
        note: "a student of your school",
    },
    Column {
        label: "实习单位",
        field: "hostName",
        required: true,
        note: "a member's exact name, or another firm's",
    },
    Column {
        label: "实习单位统一社会信用代码",
        field: "hostUscc",
        required: false,
        note: "18 characters, GB 32100-2015",
    },
    Column {
        label: "岗位",
        field: "postTitle",
        required: true,
        note: "post title",
    },
    Column {
        label: "场所类型",
        field: "venueType",
        required: true,
        note: "WORKSHOP, OFFICE, RETAIL, HOSPITALITY, HEALTH_CARE, CONSTRUCTION_SITE, LABORATORY, OTHER, …",
    },
    Column {
        label: "危险作业",
        field: "hazardous",
        required: false,
        note: "是/否",
    },
    Column {
        label: "每周工时",
        field: "weeklyHours",
        required: true,
        note: "hours",
    },
    Column {
        label: "夜班",
        field: "nightShifts",
        required: false,
        note: "是/否",
    },
    Column {
        label: "加班或节假日工作",
        field: "overtime",
        required: false,
        note: "是/否",
    },
    Column {
        label: "同岗位职工数",
        field: "postStaffCount",
        required: false,
        note: "persons",
    },
    Column {
        label: "月实习报酬",
        field: "monthlyPay",
        required: true,
        note: "CNY",
    },
    Column {
        label: "同岗位工资",
        field: "postWage",
        required: true,
        note: "CNY, the host's wage for the post",
    },
    Column {
        label: "师傅",
        field: "mentorName",
        required: false,
        note: "workplace mentor",
    },
    Column {
        label: "师傅职称",
        field: "mentorTitle",
        required: false,
        note: "e.g. 高级技师",
    },
    Column {
        label: "安排方",
        field: "arrangedBy",
        required: true,
        note: "SCHOOL, HOST, STUDENT, INTERMEDIARY",
    },
    Column {
        label: "在其他企业工作",
        field: "worksElsewhere",
        required: false,
        note: "是/否 (agency hosts)",
    },
    Column {
        label: "三方协议签订日期",
        field: "agreementSignedOn",
        required: false,
        note: "YYYY-MM-DD",
    },
    Column {
        label: "监护人签字",
        field: "agreementGuardianSigned",
        required: false,
        note: "是/否",
    },
    Column {
        label: "知情同意",
        field: "consentGiven",
        required: false,
        note: "是/否 (the student\'s)",
    },
    Column {
        label: "监护人知情同意",
        field: "guardianConsentGiven",
        required: false,
        note: "是/否 (for a minor)",
    },
    Column {
        label: "保险单号",
        field: "insurancePolicy",
        required: false,
        note: "liability insurance",
    },
    Column {
        label: "保险起始日期",
        field: "insuranceStart",
        required: false,
        note: "YYYY-MM-DD",
    },
    Column {
        label: "保险截止日期",
        field: "insuranceEnd",
        required: false,
        note: "YYYY-MM-DD",
    },
    Column {
        label: "开始日期",
        field: "startDate",
        required: true,
        note: "YYYY-MM-DD",
    },
    Column {
        label: "结束日期",
        field: "endDate",
        required: true,
        note: "YYYY-MM-DD",
    },
];

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

/// A file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML workbook.
    Xlsx,
    /// Comma-separated values, UTF-8.
    Csv,
}

impl Format {
    /// The format a file name or media type says, if any.
    pub fn detect(name: &str, content_type: Option<&str>) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".xlsx") || content_type.is_some_and(|c| c.contains("spreadsheetml")) {
            Some(Self::Xlsx)
        } else if lower.ends_with(".csv") || content_type.is_some_and(|c| c.contains("csv")) {
            Some(Self::Csv)
        } else {
            None
        }
    }
}

fn file_error(message: impl Into<String>) -> ImportReport {
    ImportReport {
        errors: vec![RowError {
            row: 0,
            column: None,
            code: ViolationCode::MalformedFile,
            message: message.into(),
        }],
        ..Default::default()
    }
}

/// A cell as text (dates as YYYY-MM-DD, whole numbers without a fraction).
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => {
            if *b {
                "是".into()
            } else {
                "否".into()
            }
        }
        Data::DateTime(dt) => dt.as_datetime().map_or_else(
            || dt.to_string(),
            |d| d.date().format("%Y-%m-%d").to_string(),
        ),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.chars().take(10).collect(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Rows of a file as text cells: the header row first. A CSV is streamed; an .xlsx sheet is
/// streamed too, cell by cell, by calamine's cell reader on a thread of its own, a bounded number of
/// rows ahead of the importer — so memory stays flat whatever the file's length.
enum Rows<R: Read + Seek> {
    Csv(csv::StringRecordsIntoIter<R>),
    Xlsx(tokio::sync::mpsc::Receiver<Result<Vec<String>, String>>),
}

/// Rows read ahead of the importer.
const READ_AHEAD: usize = 256;

fn stream_xlsx<R: Read + Seek>(
    reader: R,
    tx: &tokio::sync::mpsc::Sender<Result<Vec<String>, String>>,
) -> Result<(), String> {
    let mut book: calamine::Xlsx<R> = calamine::open_workbook_from_rs(reader)
        .map_err(|e| format!("not a readable .xlsx file: {e}"))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or("the workbook has no sheet")?;
    let mut cells = book
        .worksheet_cells_reader(&name)
        .map_err(|e| format!("the first sheet cannot be read: {e}"))?;
    let mut row_index: u32 = 0;
    let mut row: Vec<String> = Vec::new();
    loop {
        match cells.next_cell() {
            Ok(Some(cell)) => {
                let (r, c) = cell.get_position();
                // Cells come in row order; a gap is a run of empty rows.
                while row_index < r {
                    if tx.blocking_send(Ok(std::mem::take(&mut row))).is_err() {
                        return Ok(());
                    }
                    row_index += 1;
                }
                let c = c as usize;
                if row.len() <= c {
                    row.resize(c + 1, String::new());
                }
                row[c] = cell_text(&Data::from(cell.get_value().clone()));
            }
            Ok(None) => {
                let _ = tx.blocking_send(Ok(row));
                return Ok(());
            }
            Err(e) => return Err(format!("the sheet cannot be read: {e}")),
        }
    }
}

impl<R: Read + Seek + Send + 'static> Rows<R> {
    fn open(format: Format, reader: R) -> Self {
        match format {
            Format::Csv => Self::Csv(
                csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(reader)
                    .into_records(),
            ),
            Format::Xlsx => {
                let (tx, rx) = tokio::sync::mpsc::channel(READ_AHEAD);
                std::thread::spawn(move || {
                    if let Err(e) = stream_xlsx(reader, &tx) {
                        let _ = tx.blocking_send(Err(e));
                    }
                });
                Self::Xlsx(rx)
            }
        }
    }

    async fn next_row(&mut self) -> Option<Result<Vec<String>, String>> {
        match self {
            Self::Csv(it) => it.next().map(|r| {
                r.map(|rec| rec.iter().map(|c| c.trim().to_owned()).collect())
                    .map_err(|e| format!("malformed CSV: {e}"))
            }),
            Self::Xlsx(rx) => rx.recv().await,
        }
    }
}

/// Maps header cells to column indexes by field name (in parentheses) or Chinese label.
fn header_map(
    header: &[String],
    columns: &[Column],
) -> Result<HashMap<&'static str, usize>, String> {
    let mut map = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}');
        let field = h
            .rsplit_once('(')
            .map(|(_, f)| f.trim_end_matches(')').trim());
        if let Some(c) = columns
            .iter()
            .find(|c| Some(c.field) == field || c.label == h || c.field == h)
        {
            map.insert(c.field, i);
        }
    }
    let missing: Vec<&str> = columns
        .iter()
        .filter(|c| c.required && !map.contains_key(c.field))
        .map(|c| c.field)
        .collect();
    if missing.is_empty() {
        Ok(map)
    } else {
        Err(format!(
            "the header row lacks required columns: {}",
            missing.join(", ")
        ))
    }
}

/// One data row's cells by field name, with typed parsers that record errors.
struct Row<'a> {
    number: u64,
    cells: &'a [String],
    map: &'a HashMap<&'static str, usize>,
    errors: Vec<RowError>,
}

impl Row<'_> {
    fn text(&self, field: &str) -> Option<String> {
        self.map
            .get(field)
            .and_then(|&i| self.cells.get(i))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }

    fn fail(&mut self, field: &str, code: ViolationCode, message: impl Into<String>) {
        self.errors.push(RowError {
            row: self.number,
            column: Some(field.to_owned()),
            code,
            message: message.into(),
        });
    }

    fn required(&mut self, field: &str) -> String {
        self.text(field).unwrap_or_else(|| {
            self.fail(field, ViolationCode::Blank, format!("{field} is required"));
            String::new()
        })
    }

    fn date(&mut self, field: &str) -> Option<NaiveDate> {
        let t = self.text(field)?;
        let parsed = NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(&t, "%Y/%m/%d"))
            .or_else(|_| NaiveDate::parse_from_str(&t, "%Y.%m.%d"));
        match parsed {
            Ok(d) => Some(d),
            Err(_) => {
                self.fail(
                    field,
                    ViolationCode::Invalid,
                    format!("{t:?} is not a date (YYYY-MM-DD)"),
                );
                None
            }
        }
    }

    fn required_date(&mut self, field: &str) -> NaiveDate {
        if self.text(field).is_none() {
            self.fail(field, ViolationCode::Blank, format!("{field} is required"));
            return NaiveDate::default();
        }
        self.date(field).unwrap_or_default()
    }

    fn int(&mut self, field: &str) -> Option<i32> {
        let t = self.text(field)?;
        match t.parse::<i32>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.fail(
                    field,
                    ViolationCode::Invalid,
                    format!("{t:?} is not a whole number"),
                );
                None
            }
        }
    }

    fn required_int(&mut self, field: &str) -> i32 {
        if self.text(field).is_none() {
            self.fail(field, ViolationCode::Blank, format!("{field} is required"));
            return 0;
        }
        self.int(field).unwrap_or(0)
    }

    fn flag(&mut self, field: &str) -> bool {
        match self.text(field).as_deref() {
            None => false,
            Some("是" | "Y" | "y" | "YES" | "yes" | "TRUE" | "true" | "1") => true,
            Some("否" | "N" | "n" | "NO" | "no" | "FALSE" | "false" | "0") => false,
            Some(t) => {
                let t = t.to_owned();
                self.fail(
                    field,
                    ViolationCode::Invalid,
                    format!("{t:?} is not 是 or 否"),
                );
                false
            }
        }
    }

    fn choice<T: Copy>(&mut self, field: &str, options: &[(&str, T)]) -> Option<T> {
        let t = self.text(field)?;
        let found = options
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&t))
            .map(|(_, v)| *v);
        if found.is_none() {
            let names: Vec<&str> = options.iter().map(|(k, _)| *k).collect();
            self.fail(
                field,
                ViolationCode::Invalid,
                format!("{t:?} is not one of {}", names.join(", ")),
            );
        }
        found
    }
}

const VENUES: &[(&str, VenueType)] = &[
    ("WORKSHOP", VenueType::Workshop),
    ("OFFICE", VenueType::Office),
    ("RETAIL", VenueType::Retail),
    ("HOSPITALITY", VenueType::Hospitality),
    ("HEALTH_CARE", VenueType::HealthCare),
    ("CONSTRUCTION_SITE", VenueType::ConstructionSite),
    ("LABORATORY", VenueType::Laboratory),
    ("BAR_OR_NIGHTCLUB", VenueType::BarOrNightclub),
    ("KTV", VenueType::Ktv),
    ("BATH_CENTRE", VenueType::BathCentre),
    ("GAME_HALL", VenueType::GameHall),
    ("INTERNET_CAFE", VenueType::InternetCafe),
    ("OTHER", VenueType::Other),
];
const ARRANGED: &[(&str, ArrangedBy)] = &[
    ("SCHOOL", ArrangedBy::School),
    ("HOST", ArrangedBy::Host),
    ("STUDENT", ArrangedBy::Student),
    ("INTERMEDIARY", ArrangedBy::Intermediary),
];
const GENDERS: &[(&str, Gender)] = &[
    ("男", Gender::Male),
    ("女", Gender::Female),
    ("MALE", Gender::Male),
    ("FEMALE", Gender::Female),
];

fn enum_name<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
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

/// Writes a template workbook: the header row (Chinese label with the field name in parentheses),
/// then a row of notes.
///
/// # Errors
/// Only if the workbook cannot be assembled.
pub fn template(columns: &[Column], sheet: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let note = rust_xlsxwriter::Format::new()
        .set_italic()
        .set_font_color(rust_xlsxwriter::Color::Gray);
    for (i, c) in columns.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, col, format!("{} ({})", c.label, c.field), &bold)?;
        ws.write_string_with_format(
            1,
            col,
            format!("{}{}", if c.required { "required: " } else { "" }, c.note),
            &note,
        )?;
        ws.set_column_width(col, 18)?;
    }
    book.save_to_buffer()
}

/// One placement as export cells, in [`PLACEMENT_COLUMNS`] order.
pub fn placement_cells(p: &internship_placement::Model, student_number: &str) -> Vec<String> {
    let date = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let yes = |b: bool| {
        if b {
            "是".to_owned()
        } else {
            "否".to_owned()
        }
    };
    vec![
        student_number.to_owned(),
        p.host_name.clone(),
        p.host_uscc.clone().unwrap_or_default(),
        p.post_title.clone(),
        enum_name(p.venue_type),
        yes(p.hazardous),
        p.weekly_hours.to_string(),
        yes(p.night_shifts),
        yes(p.overtime),
        p.post_staff_count
            .map(|n| n.to_string())
            .unwrap_or_default(),
        p.monthly_pay.to_string(),
        p.post_wage.to_string(),
        p.mentor_name.clone().unwrap_or_default(),
        p.mentor_title.clone().unwrap_or_default(),
        enum_name(p.arranged_by),
        yes(p.works_elsewhere),
        date(p.agreement_signed_on),
        yes(p.agreement_guardian_signed),
        yes(p.consent_given),
        yes(p.guardian_consent_given),
        p.insurance_policy.clone().unwrap_or_default(),
        date(p.insurance_start),
        date(p.insurance_end),
        date(Some(p.start_date)),
        date(Some(p.end_date)),
    ]
}

/// Writes placements (with their students' numbers) as a workbook in the template's layout, so it
/// re-imports; the sheet is written in constant memory.
///
/// # Errors
/// Only if the workbook cannot be assembled.
pub fn export_placements(
    rows: &[(internship_placement::Model, String)],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet_with_constant_memory()?;
    ws.set_name("placements")?;
    for (i, c) in PLACEMENT_COLUMNS.iter().enumerate() {
        ws.write_string(
            0,
            u16::try_from(i).unwrap_or(u16::MAX),
            format!("{} ({})", c.label, c.field),
        )?;
    }
    for (r, (p, number)) in rows.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, v) in placement_cells(p, number).into_iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(row, u16::try_from(c).unwrap_or(u16::MAX), v)?;
            }
        }
    }
    book.save_to_buffer()
}
