//! Exporting placements in the import layout, so that an export re-imports.

use chrono::NaiveDate;

use super::cells::enum_name;
use crate::spreadsheet::PLACEMENT_COLUMNS;

/// Characters that make a spreadsheet program read a cell as a formula (OWASP, "CSV Injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell's text made inert: text starting with a formula character gets a leading `'`, so that
/// a sheet re-saved as CSV and opened again cannot run it (OWASP, "CSV Injection"). The importer
/// takes the `'` off again ([`unescape_formula`]), so an export still re-imports as it was.
pub fn neutralize_formula(value: String) -> String {
    if value.starts_with(FORMULA_STARTS) {
        format!("'{value}")
    } else {
        value
    }
}

/// The text of a cell written by [`neutralize_formula`]: a `'` before a formula character is
/// taken off; any other text is as it was.
pub fn unescape_formula(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => value,
    }
}

/// One cell of an export, typed as Excel should hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportCell {
    /// Nothing.
    Empty,
    /// Text (made inert by [`neutralize_formula`] when written).
    Text(String),
    /// A number.
    Number(f64),
    /// A date, written as an Excel date shown `yyyy-mm-dd`.
    Date(NaiveDate),
}

/// The columns an export adds after the template's (the importer ignores them): status and the
/// student's name.
pub const EXPORT_EXTRA_COLUMNS: [(&str, &str); 2] =
    [("状态", "status"), ("学生姓名", "studentName")];

/// One placement as export cells: [`PLACEMENT_COLUMNS`] in order (enum values by their Chinese
/// labels, which the importer takes), then [`EXPORT_EXTRA_COLUMNS`].
pub fn placement_cells(row: &crate::placement::ExportRow) -> Vec<ExportCell> {
    use ExportCell::{Date, Empty, Number, Text};
    let p = &row.placement;
    let text = |s: &str| {
        if s.is_empty() {
            Empty
        } else {
            Text(s.to_owned())
        }
    };
    let opt = |s: &Option<String>| s.as_deref().map_or(Empty, text);
    let date = |d: Option<NaiveDate>| d.map_or(Empty, Date);
    let yes = |b: bool| Text(if b { "是" } else { "否" }.to_owned());
    vec![
        text(&row.student_number),
        text(&p.host_name),
        opt(&p.host_uscc),
        text(&p.post_title),
        Text(p.venue_type.label_zh().to_owned()),
        yes(p.hazardous),
        Number(f64::from(p.weekly_hours)),
        yes(p.night_shifts),
        yes(p.overtime),
        p.post_staff_count.map_or(Empty, |n| Number(f64::from(n))),
        Number(f64::from(p.monthly_pay)),
        Number(f64::from(p.post_wage)),
        opt(&p.mentor_name),
        opt(&p.mentor_title),
        Text(p.arranged_by.label_zh().to_owned()),
        yes(p.works_elsewhere),
        date(p.agreement_signed_on),
        yes(p.agreement_guardian_signed),
        yes(p.consent_given),
        yes(p.guardian_consent_given),
        opt(&p.insurance_policy),
        date(p.insurance_start),
        date(p.insurance_end),
        Date(p.start_date),
        Date(p.end_date),
        yes(p.female_forbidden_work),
        p.labour_intensity.map_or(Empty, |n| Number(f64::from(n))),
        date(p.application_approved_on),
        p.host_staff_count.map_or(Empty, |n| Number(f64::from(n))),
        yes(p.host_is_agency),
        p.training_site_id.map_or(Empty, |id| {
            Text(crate::global_id::encode("TrainingSite", id))
        }),
        Text(enum_name(p.status)),
        text(&row.student_name),
    ]
}

/// Writes placements as a workbook in the template's layout, so it re-imports: numbers as
/// numbers, dates as dates, enum values by their Chinese labels, then the status and the student's
/// name; the header row frozen; the sheet written in constant memory.
///
/// # Errors
/// Only if the workbook cannot be assembled.
pub fn export_placements(
    rows: &[crate::placement::ExportRow],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let ws = book.add_worksheet_with_constant_memory()?;
    ws.set_name("placements")?;
    let headers = PLACEMENT_COLUMNS
        .iter()
        .map(|c| (c.label, c.field))
        .chain(EXPORT_EXTRA_COLUMNS);
    for (i, (label, field)) in headers.enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        ws.set_column_width(col, 16)?;
        ws.write_string(0, col, format!("{label} ({field})"))?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (r, row) in rows.iter().enumerate() {
        let at = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in placement_cells(row).into_iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                ExportCell::Empty => {}
                ExportCell::Text(v) => {
                    ws.write_string(at, col, neutralize_formula(v))?;
                }
                ExportCell::Number(n) => {
                    ws.write_number(at, col, n)?;
                }
                ExportCell::Date(d) => {
                    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(
                        u16::try_from(chrono::Datelike::year(&d)).unwrap_or(1900),
                        u8::try_from(chrono::Datelike::month(&d)).unwrap_or(1),
                        u8::try_from(chrono::Datelike::day(&d)).unwrap_or(1),
                    )?;
                    ws.write_datetime_with_format(at, col, &day, &date)?;
                }
            }
        }
    }
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_neutralised_and_round_trips() {
        for formula in ["=1+1", "+86 631 1234", "-2", "@SUM(A1)", "\tx", "\r=1"] {
            let safe = neutralize_formula(formula.to_owned());
            assert!(safe.starts_with('\''), "{formula:?}");
            assert_eq!(unescape_formula(&safe), formula);
        }
        for plain in ["威海技师学院", "'quoted", "1+1", ""] {
            assert_eq!(neutralize_formula(plain.to_owned()), plain);
            assert_eq!(unescape_formula(plain), plain);
        }
    }
}
