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

/// Most data rows one import takes; a longer file is refused (`TOO_MANY_ROWS`).
pub const MAX_IMPORT_ROWS: u64 = 200_000;

/// Columns read from a row beyond the template's width (room for a few notes columns). A cell
/// further right makes the file `MALFORMED_FILE`: nothing is allocated for it.
pub const EXTRA_COLUMNS: usize = 16;

/// Largest declared size of one part of an .xlsx once decompressed: a worksheet or the shared
/// strings. A zip bomb declares more and is refused before anything is decompressed.
pub const MAX_XLSX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Largest declared size of an .xlsx's shared strings table, which calamine holds in memory whole.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 64 * 1024 * 1024;

/// What is wrong with a file as a whole, or with one of its rows as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FileProblem {
    pub(super) code: ViolationCode,
    pub(super) message: String,
}

impl FileProblem {
    pub(super) fn malformed(message: impl Into<String>) -> Self {
        Self {
            code: ViolationCode::MalformedFile,
            message: message.into(),
        }
    }

    pub(super) fn too_many_rows() -> Self {
        Self {
            code: ViolationCode::TooManyRows,
            message: format!("the file has more than {MAX_IMPORT_ROWS} data rows"),
        }
    }
}

pub(super) fn file_error(problem: FileProblem) -> ImportReport {
    ImportReport {
        error_count: 1,
        errors: vec![RowError {
            row: 0,
            column: None,
            code: problem.code,
            message: problem.message,
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
/// rows ahead of the importer — so memory stays flat whatever the file's length. Rows are cut at
/// `width` cells (a CSV) or refused past it (an .xlsx cell far to the right), and a file is
/// refused past [`MAX_IMPORT_ROWS`].
pub(super) enum Rows<R: Read + Seek> {
    Csv(csv::StringRecordsIntoIter<R>, usize),
    Xlsx(tokio::sync::mpsc::Receiver<Result<Vec<String>, FileProblem>>),
}

/// Refuses an .xlsx whose parts declare more than [`MAX_XLSX_PART_BYTES`] (or, for the shared
/// strings, [`MAX_SHARED_STRINGS_BYTES`]) once decompressed, reading only the zip's directory.
fn check_xlsx_sizes<R: Read + Seek>(reader: &mut R) -> Result<(), FileProblem> {
    let mut zip = zip::ZipArchive::new(&mut *reader)
        .map_err(|e| FileProblem::malformed(format!("not a readable .xlsx file: {e}")))?;
    for i in 0..zip.len() {
        let part = zip
            .by_index_raw(i)
            .map_err(|e| FileProblem::malformed(format!("not a readable .xlsx file: {e}")))?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let limit = if name.ends_with("sharedStrings.xml") {
            MAX_SHARED_STRINGS_BYTES
        } else {
            MAX_XLSX_PART_BYTES
        };
        if part.size() > limit {
            return Err(FileProblem::malformed(format!(
                "{name} expands to {} MiB; an import takes at most {} MiB per part",
                part.size() / (1024 * 1024),
                limit / (1024 * 1024)
            )));
        }
    }
    drop(zip);
    reader
        .seek(std::io::SeekFrom::Start(0))
        .map_err(|e| FileProblem::malformed(format!("the file cannot be read: {e}")))?;
    Ok(())
}

/// Rows read ahead of the importer.
const READ_AHEAD: usize = 256;

fn stream_xlsx<R: Read + Seek>(
    mut reader: R,
    width: usize,
    tx: &tokio::sync::mpsc::Sender<Result<Vec<String>, FileProblem>>,
) -> Result<(), FileProblem> {
    check_xlsx_sizes(&mut reader)?;
    let mut book: calamine::Xlsx<R> = calamine::open_workbook_from_rs(reader)
        .map_err(|e| FileProblem::malformed(format!("not a readable .xlsx file: {e}")))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| FileProblem::malformed("the workbook has no sheet"))?;
    let mut cells = book
        .worksheet_cells_reader(&name)
        .map_err(|e| FileProblem::malformed(format!("the first sheet cannot be read: {e}")))?;
    let mut row_index: u32 = 0;
    let mut row: Vec<String> = Vec::new();
    loop {
        match cells.next_cell() {
            Ok(Some(cell)) => {
                let (r, c) = cell.get_position();
                // The header row and MAX_IMPORT_ROWS data rows (0-based r).
                if u64::from(r) > MAX_IMPORT_ROWS {
                    return Err(FileProblem::too_many_rows());
                }
                let c = c as usize;
                if c >= width {
                    return Err(FileProblem::malformed(format!(
                        "a cell in column {} is beyond the template's {width} columns",
                        c + 1
                    )));
                }
                // Cells come in row order; a gap is a run of empty rows.
                while row_index < r {
                    if tx.blocking_send(Ok(std::mem::take(&mut row))).is_err() {
                        return Ok(());
                    }
                    row_index += 1;
                }
                if row.len() <= c {
                    row.resize(c + 1, String::new());
                }
                row[c] = cell_text(&Data::from(cell.get_value().clone()));
            }
            Ok(None) => {
                let _ = tx.blocking_send(Ok(row));
                return Ok(());
            }
            Err(e) => {
                return Err(FileProblem::malformed(format!(
                    "the sheet cannot be read: {e}"
                )));
            }
        }
    }
}

impl<R: Read + Seek + Send + 'static> Rows<R> {
    /// Opens `reader` for a layout of `columns` columns.
    pub(super) fn open(format: Format, reader: R, columns: usize) -> Self {
        let width = columns + EXTRA_COLUMNS;
        match format {
            Format::Csv => Self::Csv(
                csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(reader)
                    .into_records(),
                width,
            ),
            Format::Xlsx => {
                let (tx, rx) = tokio::sync::mpsc::channel(READ_AHEAD);
                std::thread::spawn(move || {
                    if let Err(e) = stream_xlsx(reader, width, &tx) {
                        let _ = tx.blocking_send(Err(e));
                    }
                });
                Self::Xlsx(rx)
            }
        }
    }

    pub(super) async fn next_row(&mut self) -> Option<Result<Vec<String>, FileProblem>> {
        match self {
            Self::Csv(it, width) => it.next().map(|r| {
                r.map(|rec| {
                    rec.iter()
                        .take(*width)
                        .map(|c| c.trim().to_owned())
                        .collect()
                })
                .map_err(|e| FileProblem::malformed(format!("malformed CSV: {e}")))
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
    /// The cell of `field`, normalised ([`crate::text::normalize`]); `None` when it is empty, or
    /// when it breaks the field's limits ([`crate::limits::screen_text`], recorded as an error).
    pub(super) fn text(&mut self, field: &str) -> Option<String> {
        let raw = self.map.get(field).and_then(|&i| self.cells.get(i))?;
        let raw = super::export::unescape_formula(raw);
        if let Err(v) = crate::limits::screen_text(field, raw) {
            if !self.has_error(field) {
                self.fail(field, v.code, v.message);
            }
            return None;
        }
        Some(crate::text::normalize(raw)).filter(|s| !s.is_empty())
    }

    /// Whether a problem with `field` is recorded already.
    fn has_error(&self, field: &str) -> bool {
        self.errors
            .iter()
            .any(|e| e.column.as_deref() == Some(field))
    }

    /// `BLANK` on `field`, unless a problem with it is recorded already.
    fn blank(&mut self, field: &str) {
        if !self.has_error(field) {
            self.fail(field, ViolationCode::Blank, format!("{field} is required"));
        }
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
            self.blank(field);
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
            self.blank(field);
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
            self.blank(field);
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
            self.blank(field);
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
