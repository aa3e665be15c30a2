//! Reading rows out of an .xlsx (streamed cell by cell) or a CSV, and typed cells by header.

use std::collections::HashMap;
use std::io::{Read, Seek};

use calamine::{Data, Reader};
use chrono::NaiveDate;
use entity::enums::{ArrangedBy, Gender, VenueType};

use crate::error::ViolationCode;
use crate::spreadsheet::Column;
use crate::spreadsheet::ImportReport;
use crate::spreadsheet::RowError;

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

pub(super) fn file_error(message: impl Into<String>) -> ImportReport {
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
pub(super) enum Rows<R: Read + Seek> {
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
    pub(super) fn open(format: Format, reader: R) -> Self {
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

    pub(super) async fn next_row(&mut self) -> Option<Result<Vec<String>, String>> {
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
pub(super) fn header_map(
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
pub(super) struct Row<'a> {
    pub(super) number: u64,
    pub(super) cells: &'a [String],
    pub(super) map: &'a HashMap<&'static str, usize>,
    pub(super) errors: Vec<RowError>,
}

impl Row<'_> {
    pub(super) fn text(&self, field: &str) -> Option<String> {
        self.map
            .get(field)
            .and_then(|&i| self.cells.get(i))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }

    pub(super) fn fail(&mut self, field: &str, code: ViolationCode, message: impl Into<String>) {
        self.errors.push(RowError {
            row: self.number,
            column: Some(field.to_owned()),
            code,
            message: message.into(),
        });
    }

    pub(super) fn required(&mut self, field: &str) -> String {
        self.text(field).unwrap_or_else(|| {
            self.fail(field, ViolationCode::Blank, format!("{field} is required"));
            String::new()
        })
    }

    pub(super) fn date(&mut self, field: &str) -> Option<NaiveDate> {
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

    pub(super) fn required_date(&mut self, field: &str) -> NaiveDate {
        if self.text(field).is_none() {
            self.fail(field, ViolationCode::Blank, format!("{field} is required"));
            return NaiveDate::default();
        }
        self.date(field).unwrap_or_default()
    }

    pub(super) fn int(&mut self, field: &str) -> Option<i32> {
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

    pub(super) fn required_int(&mut self, field: &str) -> i32 {
        if self.text(field).is_none() {
            self.fail(field, ViolationCode::Blank, format!("{field} is required"));
            return 0;
        }
        self.int(field).unwrap_or(0)
    }

    pub(super) fn flag(&mut self, field: &str) -> bool {
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

    /// A required choice among `options`: `BLANK` when the cell is empty, `INVALID` when it is not
    /// an option; `fallback` stands in for a missing or bad value so the row's other cells are
    /// still checked.
    pub(super) fn required_choice<T: Copy>(
        &mut self,
        field: &str,
        options: &[(&str, T)],
        fallback: T,
    ) -> T {
        if self.text(field).is_none() {
            self.fail(field, ViolationCode::Blank, format!("{field} is required"));
            return fallback;
        }
        self.choice(field, options).unwrap_or(fallback)
    }

    pub(super) fn choice<T: Copy>(&mut self, field: &str, options: &[(&str, T)]) -> Option<T> {
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

pub(super) const VENUES: &[(&str, VenueType)] = &[
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
pub(super) const ARRANGED: &[(&str, ArrangedBy)] = &[
    ("SCHOOL", ArrangedBy::School),
    ("HOST", ArrangedBy::Host),
    ("STUDENT", ArrangedBy::Student),
    ("INTERMEDIARY", ArrangedBy::Intermediary),
];
pub(super) const GENDERS: &[(&str, Gender)] = &[
    ("男", Gender::Male),
    ("女", Gender::Female),
    ("MALE", Gender::Male),
    ("FEMALE", Gender::Female),
];

pub(super) fn enum_name<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
