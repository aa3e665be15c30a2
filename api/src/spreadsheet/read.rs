//! Reading rows out of an .xlsx (streamed cell by cell) or a CSV, and typed cells by header.

use std::io::{Read, Seek};

use calamine::{Data, Reader};

use crate::error::ViolationCode;
use crate::i18n::Message;
use crate::msg;
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
    pub(super) message: Message,
}

impl FileProblem {
    pub(super) fn malformed(message: Message) -> Self {
        Self {
            code: ViolationCode::MalformedFile,
            message,
        }
    }

    pub(super) fn too_many_rows() -> Self {
        Self {
            code: ViolationCode::TooManyRows,
            message: msg!("import-too-many-rows", max = MAX_IMPORT_ROWS),
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
pub(super) fn cell_text(d: &Data) -> String {
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
        FileProblem::malformed(msg!("import-not-xlsx", detail = e.to_string()))
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
            FileProblem::malformed(msg!(
                "import-part-too-large",
                part = name.as_str(),
                mib = limit / (1024 * 1024)
            ))
        };
        if declared > limit {
            return Err(too_big());
        }
        let part = zip.by_index(i).map_err(unreadable)?;
        match scan_part(part.take(limit + 1), shared)? {
            Scan { bytes, .. } if bytes > limit => return Err(too_big()),
            Scan { strings, .. } if strings > MAX_SHARED_STRINGS => {
                return Err(FileProblem::malformed(msg!(
                    "import-too-many-strings",
                    part = name.as_str(),
                    max = MAX_SHARED_STRINGS
                )));
            }
            _ => {}
        }
    }
    drop(zip);
    reader.seek(std::io::SeekFrom::Start(0)).map_err(|e| {
        FileProblem::malformed(msg!("import-file-unreadable", detail = e.to_string()))
    })?;
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
                return Err(FileProblem::malformed(msg!(
                    "import-not-xlsx",
                    detail = e.to_string()
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
                return Err(FileProblem::malformed(msg!(
                    "import-cell-too-long",
                    kib = MAX_XLSX_RUN_BYTES / 1024
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
    let mut book: calamine::Xlsx<R> =
        calamine::open_workbook_from_rs(reader).map_err(|e: calamine::XlsxError| {
            FileProblem::malformed(msg!("import-not-xlsx", detail = e.to_string()))
        })?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| FileProblem::malformed(msg!("import-no-sheet")))?;
    let mut cells = book.worksheet_cells_reader(&name).map_err(|e| {
        FileProblem::malformed(msg!("import-sheet-unreadable", detail = e.to_string()))
    })?;
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
                    return Err(FileProblem::malformed(msg!(
                        "import-cell-beyond-columns",
                        column = c + 1,
                        width = width
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
                return Err(FileProblem::malformed(msg!(
                    "import-sheet-unreadable",
                    detail = e.to_string()
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
        .map_err(|e| {
            FileProblem::malformed(msg!("import-file-unreadable", detail = e.to_string()))
        })?;
    if size > MAX_XLS_BYTES {
        return Err(FileProblem::malformed(msg!(
            "import-xls-too-large",
            mib = MAX_XLS_BYTES / 1024 / 1024
        )));
    }
    let mut book: calamine::Xls<R> =
        calamine::open_workbook_from_rs(reader).map_err(|e: calamine::XlsError| {
            FileProblem::malformed(msg!("import-not-xls", detail = e.to_string()))
        })?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| FileProblem::malformed(msg!("import-no-sheet")))?;
    let range = book.worksheet_range(&name).map_err(|e| {
        FileProblem::malformed(msg!("import-sheet-unreadable", detail = e.to_string()))
    })?;
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
            return Err(FileProblem::malformed(msg!(
                "import-cell-beyond-columns",
                column = row.len(),
                width = width
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
                .map_err(|e| {
                    FileProblem::malformed(msg!("import-csv-malformed", detail = e.to_string()))
                })
            }),
            Self::Xlsx(rx) => rx.recv().await,
        }
    }
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
