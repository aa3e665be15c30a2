//! Reading rows out of an .xlsx (streamed cell by cell) or a CSV, and typed cells by header.

use std::collections::HashMap;
use std::io::{Read, Seek};

use calamine::{Data, Reader};
use chrono::NaiveDate;
use entity::enums::{ArrangedBy, Gender, VenueType};
use sea_orm::Iterable;

use crate::error::ViolationCode;
use crate::spreadsheet::Column;
use crate::spreadsheet::ImportReport;
use crate::spreadsheet::RowError;

/// A file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML workbook.
    Xlsx,
    /// Excel 97–2003 workbook (BIFF8), as older office PCs still save; at most
    /// [`MAX_XLS_BYTES`].
    Xls,
    /// Comma-separated values, UTF-8 or GBK (see [`CsvText`]).
    Csv,
}

impl Format {
    /// The format a file name or media type says, if any.
    pub fn detect(name: &str, content_type: Option<&str>) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".xlsx") || content_type.is_some_and(|c| c.contains("spreadsheetml")) {
            Some(Self::Xlsx)
        } else if lower.ends_with(".xls")
            || content_type.is_some_and(|c| c.contains("application/vnd.ms-excel"))
        {
            Some(Self::Xls)
        } else if lower.ends_with(".csv") || content_type.is_some_and(|c| c.contains("csv")) {
            Some(Self::Csv)
        } else {
            None
        }
    }
}

/// Largest .xls file read. An .xls sheet is read whole into memory (the format allows no
/// streaming), and it holds at most 65,536 rows anyway.
pub const MAX_XLS_BYTES: u64 = 16 * 1024 * 1024;

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
            cell: None,
            header: None,
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
        // Beyond 15 digits Excel has rounded the number already: show it as Excel does
        // (`3.71002200705120E+17`), so an ID number it mangled is recognised as such.
        Data::Float(f) if f.abs() >= 1e15 => format!("{f:E}"),
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
    Csv(Box<csv::StringRecordsIntoIter<CsvText<R>>>, usize),
    Xlsx(tokio::sync::mpsc::Receiver<Result<Vec<String>, FileProblem>>),
}

/// A CSV's bytes as UTF-8: UTF-8 as it is (a byte-order mark dropped), anything else read as
/// GB18030, the superset of the GBK that Excel writes on Chinese Windows ("CSV (逗号分隔)").
pub(super) type CsvText<R> = encoding_rs_io::DecodeReaderBytes<std::io::BufReader<R>, Vec<u8>>;

/// How much of a CSV is looked at to tell UTF-8 from GBK.
const SNIFF_BYTES: usize = 64 * 1024;

/// Wraps `reader` to decode it as [`CsvText`] says, by the first [`SNIFF_BYTES`]: UTF-8 when they
/// are valid UTF-8 (a character cut at the end of the window allowed), else GB18030.
fn csv_text<R: Read>(reader: R) -> CsvText<R> {
    use std::io::BufRead;
    let mut buffered = std::io::BufReader::with_capacity(SNIFF_BYTES, reader);
    let utf8 = match buffered.fill_buf() {
        Ok(head) => match std::str::from_utf8(head) {
            Ok(_) => true,
            Err(e) => e.error_len().is_none(),
        },
        Err(_) => true,
    };
    encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding((!utf8).then_some(encoding_rs::GB18030))
        .bom_override(true)
        .build(buffered)
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

/// Reads the first sheet of an .xls (size-checked first) and sends its rows, as [`stream_xlsx`]
/// does.
fn read_xls<R: Read + Seek>(
    mut reader: R,
    width: usize,
    tx: &tokio::sync::mpsc::Sender<Result<Vec<String>, FileProblem>>,
) -> Result<(), FileProblem> {
    let size = reader
        .seek(std::io::SeekFrom::End(0))
        .and_then(|n| reader.seek(std::io::SeekFrom::Start(0)).map(|_| n))
        .map_err(|e| FileProblem::malformed(format!("the file cannot be read: {e}")))?;
    if size > MAX_XLS_BYTES {
        return Err(FileProblem::malformed(format!(
            "an .xls file may be at most {} MiB; save it as .xlsx",
            MAX_XLS_BYTES / 1024 / 1024
        )));
    }
    let mut book: calamine::Xls<R> = calamine::open_workbook_from_rs(reader)
        .map_err(|e| FileProblem::malformed(format!("not a readable .xls file: {e}")))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| FileProblem::malformed("the workbook has no sheet"))?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| FileProblem::malformed(format!("the first sheet cannot be read: {e}")))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    if u64::from(first_row) + range.height() as u64 > MAX_IMPORT_ROWS + 1 {
        return Err(FileProblem::too_many_rows());
    }
    // Rows above the used range are empty; cells left of it too.
    for _ in 0..first_row {
        if tx.blocking_send(Ok(Vec::new())).is_err() {
            return Ok(());
        }
    }
    for cells in range.rows() {
        let mut row = vec![String::new(); first_col as usize];
        row.extend(cells.iter().map(cell_text));
        while row.last().is_some_and(String::is_empty) {
            row.pop();
        }
        if row.len() > width {
            return Err(FileProblem::malformed(format!(
                "a cell in column {} is beyond the template's {width} columns",
                row.len()
            )));
        }
        if tx.blocking_send(Ok(row)).is_err() {
            return Ok(());
        }
    }
    Ok(())
}

impl<R: Read + Seek + Send + 'static> Rows<R> {
    /// Opens `reader` for a layout of `columns` columns.
    pub(super) fn open(format: Format, reader: R, columns: usize) -> Self {
        let width = columns + EXTRA_COLUMNS;
        match format {
            Format::Csv => Self::Csv(
                Box::new(
                    csv::ReaderBuilder::new()
                        .has_headers(false)
                        .flexible(true)
                        .from_reader(csv_text(reader))
                        .into_records(),
                ),
                width,
            ),
            Format::Xlsx | Format::Xls => {
                let (tx, rx) = tokio::sync::mpsc::channel(READ_AHEAD);
                std::thread::spawn(move || {
                    let read = if format == Format::Xls {
                        read_xls(reader, width, &tx)
                    } else {
                        stream_xlsx(reader, width, &tx)
                    };
                    if let Err(e) = read {
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

/// The letters of a 0-based column index as Excel writes them (0 → `A`, 25 → `Z`, 26 → `AA`).
pub(super) fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + u8::try_from(index % 26).unwrap_or(0)));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// Whether `cells` is the template's notes row: every non-empty cell is its column's note.
pub(super) fn is_notes_row(
    cells: &[String],
    map: &HashMap<&'static str, usize>,
    columns: &[Column],
) -> bool {
    let mut any = false;
    for c in columns {
        let Some(text) = map.get(c.field).and_then(|&i| cells.get(i)) else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        if *text != super::template::note_text(c) {
            return false;
        }
        any = true;
    }
    any
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
            cell: None,
            header: None,
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

    /// A date as a clerk types it: `2007-05-12`, `2007/5/12`, `2007.5.12`, `2007年5月12日`,
    /// `20070512`, or an Excel date cell.
    pub(super) fn date(&mut self, field: &str) -> Option<NaiveDate> {
        let t = self.text(field)?;
        match parse_date(&t) {
            Some(d) => Some(d),
            None => {
                self.fail(
                    field,
                    ViolationCode::Invalid,
                    format!("{t:?} is not a date (2007-05-12, 2007/5/12 or 2007年5月12日)"),
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

    /// A whole number, also as Excel shows a number cell typed as text (`2800.0`).
    pub(super) fn int(&mut self, field: &str) -> Option<i32> {
        let t = self.text(field)?;
        match parse_whole(&t) {
            Some(n) => Some(n),
            None => {
                self.fail(
                    field,
                    ViolationCode::Invalid,
                    format!("{t:?} is not a whole number"),
                );
                None
            }
        }
    }

    /// A national ID number, refused with its own message when Excel turned it into a number
    /// (`3.71E+17`: a number keeps only 15 significant digits, so the last ones are lost).
    pub(super) fn national_id(&mut self, field: &str) -> Option<String> {
        // Before the length check: Excel's form of the number may be longer than an ID.
        let raw = self.map.get(field).and_then(|&i| self.cells.get(i))?;
        let t: String = raw.trim().chars().take(40).collect();
        if looks_mangled_by_excel(&t) {
            self.fail(
                field,
                ViolationCode::InvalidNationalId,
                format!(
                    "{t:?}: Excel turned the ID number into a number and lost its last digits; \
                     format the column as text (文本) and type the number again"
                ),
            );
            return None;
        }
        self.text(field)
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
        options: &[Choice<T>],
        fallback: T,
    ) -> T {
        if self.text(field).is_none() {
            self.blank(field);
            return fallback;
        }
        self.choice(field, options).unwrap_or(fallback)
    }

    /// One of `options`, by its API name (any case) or its Chinese label (or one part of a label
    /// such as `歌厅/KTV`).
    pub(super) fn choice<T: Copy>(&mut self, field: &str, options: &[Choice<T>]) -> Option<T> {
        let t = self.text(field)?;
        let found = options.iter().find(|c| c.matches(&t)).map(|c| c.value);
        if found.is_none() {
            let names: Vec<String> = options
                .iter()
                .map(|c| format!("{} ({})", c.label, c.name))
                .collect();
            self.fail(
                field,
                ViolationCode::Invalid,
                format!("{t:?} is not one of {}", names.join(", ")),
            );
        }
        found
    }
}

/// One value of an enum column: its API name, its Chinese label, the value.
pub(super) struct Choice<T> {
    pub(super) name: String,
    pub(super) label: &'static str,
    pub(super) value: T,
}

impl<T> Choice<T> {
    fn matches(&self, typed: &str) -> bool {
        typed.eq_ignore_ascii_case(&self.name)
            || typed == self.label
            || self
                .label
                .split(['/', '、'])
                .any(|part| typed.eq_ignore_ascii_case(part.trim()))
    }
}

/// Venue types, by name and label (车间, 办公室, …).
pub(super) fn venues() -> Vec<Choice<VenueType>> {
    VenueType::iter()
        .map(|v| Choice {
            name: enum_name(v),
            label: v.label_zh(),
            value: v,
        })
        .collect()
}

/// Who arranged a placement, by name and label (学校, 实习单位, …).
pub(super) fn arranged() -> Vec<Choice<ArrangedBy>> {
    ArrangedBy::iter()
        .map(|v| Choice {
            name: enum_name(v),
            label: v.label_zh(),
            value: v,
        })
        .collect()
}

/// Genders, by name and label (男, 女).
pub(super) fn genders() -> Vec<Choice<Gender>> {
    [(Gender::Male, "男"), (Gender::Female, "女")]
        .into_iter()
        .map(|(v, label)| Choice {
            name: enum_name(v),
            label,
            value: v,
        })
        .collect()
}

/// A date typed in any of the forms [`Row::date`] takes.
pub(super) fn parse_date(t: &str) -> Option<NaiveDate> {
    let t = t.trim();
    // 2007年5月12日 → 2007-5-12
    let t = t
        .replace(['年', '月'], "-")
        .replace('日', "")
        .replace(['/', '.'], "-");
    if let Ok(d) = NaiveDate::parse_from_str(&t, "%Y-%m-%d") {
        return Some(d);
    }
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(&t, "%Y%m%d").ok();
    }
    None
}

/// A whole number, also written with a zero fraction (`2800.0`).
pub(super) fn parse_whole(t: &str) -> Option<i32> {
    if let Ok(n) = t.parse::<i32>() {
        return Some(n);
    }
    let (whole, fraction) = t.split_once('.')?;
    if !fraction.is_empty() && fraction.bytes().all(|b| b == b'0') {
        return whole.parse::<i32>().ok();
    }
    None
}

/// Whether `t` is a number as Excel shows one it rounded: scientific notation (`3.71E+17`).
pub(super) fn looks_mangled_by_excel(t: &str) -> bool {
    let Some((mantissa, exponent)) = t.split_once(['E', 'e']) else {
        return false;
    };
    let exponent = exponent.trim_start_matches('+');
    !mantissa.is_empty()
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
}

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

    #[test]
    fn dates_are_read_as_clerks_type_them() {
        let d = NaiveDate::from_ymd_opt(2007, 5, 2).unwrap();
        for t in [
            "2007-05-02",
            "2007-5-2",
            "2007/5/2",
            "2007.05.02",
            "2007年5月2日",
            "20070502",
        ] {
            assert_eq!(parse_date(t), Some(d), "{t}");
        }
        for t in [
            "2007-13-02",
            "2007/2/30",
            "5/2/2007",
            "二〇〇七年五月二日",
            "2007",
            "200705021",
        ] {
            assert_eq!(parse_date(t), None, "{t}");
        }
    }

    #[test]
    fn whole_numbers_may_carry_a_zero_fraction() {
        assert_eq!(parse_whole("2800"), Some(2800));
        assert_eq!(parse_whole("2800.0"), Some(2800));
        assert_eq!(parse_whole("-3.00"), Some(-3));
        for t in ["2800.5", "2800.", "2,800", "1e3", "abc"] {
            assert_eq!(parse_whole(t), None, "{t}");
        }
    }

    #[test]
    fn numbers_excel_rounded_are_recognised() {
        assert!(looks_mangled_by_excel("3.71E+17"));
        assert!(looks_mangled_by_excel("3.7100220070512346E17"));
        assert!(!looks_mangled_by_excel("37100220070512345X"));
        assert!(!looks_mangled_by_excel("E17"));
        assert_eq!(
            cell_text(&Data::Float(371_002_200_705_123_456.0)),
            "3.7100220070512346E17"
        );
    }

    #[test]
    fn columns_are_lettered_as_excel_letters_them() {
        for (i, l) in [
            (0, "A"),
            (2, "C"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letters(i), l);
        }
    }

    #[test]
    fn enum_cells_take_the_name_or_the_chinese_label() {
        let v = venues();
        let pick = |t: &str| v.iter().find(|c| c.matches(t)).map(|c| c.value);
        assert_eq!(pick("车间"), Some(VenueType::Workshop));
        assert_eq!(pick("workshop"), Some(VenueType::Workshop));
        assert_eq!(pick("KTV"), Some(VenueType::Ktv));
        assert_eq!(pick("歌厅"), Some(VenueType::Ktv));
        assert_eq!(pick("工厂"), None);
        let g = genders();
        assert_eq!(
            g.iter().find(|c| c.matches("女")).map(|c| c.value),
            Some(Gender::Female)
        );
    }

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
