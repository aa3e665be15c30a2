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

/// Largest size of a worksheet of an .xlsx once decompressed (calamine streams it).
pub const MAX_XLSX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Largest size of an .xlsx's shared strings table once decompressed, which calamine holds in
/// memory whole.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 64 * 1024 * 1024;

/// Most strings an .xlsx's shared strings table may hold (ten for each cell of the largest file
/// the templates allow is far more than any real file has).
pub const MAX_SHARED_STRINGS: u64 = 2_000_000;

/// Largest size of any other part of an .xlsx (workbook, styles, relationships) once
/// decompressed.
pub const MAX_XLSX_OTHER_PART_BYTES: u64 = 16 * 1024 * 1024;

/// Longest stretch of an .xlsx part without a `<`: a tag with its attributes, or a cell's text.
/// A cell's text is at most 10,000 characters (`docs/limits.md`), 60,000 bytes even escaped;
/// longer is no cell an import could take.
pub const MAX_XLSX_RUN_BYTES: usize = 256 * 1024;

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

/// Refuses a zip bomb before calamine reads the file, within a fixed memory budget: first by the
/// sizes the zip's directory declares, then by reading every part once as a stream (64 KiB at a
/// time, nothing kept) and counting what it really expands to (a part that expands past its
/// declared size is refused by the zip reader as it happens). Limits: a worksheet [`MAX_XLSX_PART_BYTES`], the shared
/// strings [`MAX_SHARED_STRINGS_BYTES`] and [`MAX_SHARED_STRINGS`] strings, any other part
/// [`MAX_XLSX_OTHER_PART_BYTES`]; no stretch without a `<` longer than [`MAX_XLSX_RUN_BYTES`]
/// (a 200 MB cell, a 200 MB attribute).
fn check_xlsx_sizes<R: Read + Seek>(reader: &mut R) -> Result<(), FileProblem> {
    let unreadable = |e: zip::result::ZipError| {
        FileProblem::malformed(format!("not a readable .xlsx file: {e}"))
    };
    let mut zip = zip::ZipArchive::new(&mut *reader).map_err(unreadable)?;
    for i in 0..zip.len() {
        let (name, declared) = {
            let part = zip.by_index_raw(i).map_err(unreadable)?;
            (
                part.name().map(|n| n.into_owned()).unwrap_or_default(),
                part.size(),
            )
        };
        let shared = name.ends_with("sharedStrings.xml");
        let limit = if shared {
            MAX_SHARED_STRINGS_BYTES
        } else if name.starts_with("xl/worksheets/") {
            MAX_XLSX_PART_BYTES
        } else {
            MAX_XLSX_OTHER_PART_BYTES
        };
        let too_big = || {
            FileProblem::malformed(format!(
                "{name} expands to more than {} MiB; an import takes at most that",
                limit / (1024 * 1024)
            ))
        };
        if declared > limit {
            return Err(too_big());
        }
        let part = zip.by_index(i).map_err(unreadable)?;
        match scan_part(part.take(limit + 1), shared)? {
            Scan { bytes, .. } if bytes > limit => return Err(too_big()),
            Scan { strings, .. } if strings > MAX_SHARED_STRINGS => {
                return Err(FileProblem::malformed(format!(
                    "{name} holds more than {MAX_SHARED_STRINGS} strings; an import takes at most that"
                )));
            }
            _ => {}
        }
    }
    drop(zip);
    reader
        .seek(std::io::SeekFrom::Start(0))
        .map_err(|e| FileProblem::malformed(format!("the file cannot be read: {e}")))?;
    Ok(())
}

/// What [`scan_part`] found.
struct Scan {
    /// Bytes the part expanded to.
    bytes: u64,
    /// `<si` elements (shared strings), when counted.
    strings: u64,
}

/// Reads one part as a stream: its size, its shared strings (when `count_strings`), and whether
/// any stretch without a `<` is longer than [`MAX_XLSX_RUN_BYTES`].
fn scan_part(mut part: impl Read, count_strings: bool) -> Result<Scan, FileProblem> {
    let mut buf = vec![0u8; 64 * 1024];
    let mut scan = Scan {
        bytes: 0,
        strings: 0,
    };
    let mut run = 0usize;
    // How much of `<si` followed by `>`, ` ` or `/` has been seen.
    let mut matched = 0u8;
    loop {
        let n = match part.read(&mut buf) {
            Ok(0) => return Ok(scan),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(FileProblem::malformed(format!(
                    "not a readable .xlsx file: {e}"
                )));
            }
        };
        scan.bytes += n as u64;
        for &b in &buf[..n] {
            if b == b'<' {
                run = 0;
                matched = 1;
                continue;
            }
            run += 1;
            if run > MAX_XLSX_RUN_BYTES {
                return Err(FileProblem::malformed(format!(
                    "a cell or tag of the file is longer than {} KiB; an import takes no such cell",
                    MAX_XLSX_RUN_BYTES / 1024
                )));
            }
            if count_strings {
                matched = match (matched, b) {
                    (1, b's') => 2,
                    (2, b'i') => 3,
                    (3, b'>' | b' ' | b'/') => {
                        scan.strings += 1;
                        0
                    }
                    _ => 0,
                };
            }
        }
    }
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// A reader handing out `bytes` a few at a time, so that tags straddle reads.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(3);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn shared_strings_are_counted_across_reads_and_long_runs_refused() {
        let xml = b"<sst><si><t>a</t></si><si/><si attr=\"1\"><t>b</t></si><sheet/></sst>";
        let scan = scan_part(Trickle(xml), true).unwrap();
        assert_eq!(scan.strings, 3);
        assert_eq!(scan.bytes, xml.len() as u64);
        // A stretch without `<` of the maximum is read; one byte more refuses the part.
        let mut long = b"<c><".to_vec();
        long.resize(long.len() + MAX_XLSX_RUN_BYTES, b'9');
        assert!(scan_part(&long[..], false).is_ok());
        long.push(b'9');
        assert!(scan_part(&long[..], false).is_err());
    }
}
