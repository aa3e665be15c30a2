//! Exporting placements in the import layout, so that an export re-imports.

use chrono::NaiveDate;
use entity::internship_placement;

use crate::spreadsheet::PLACEMENT_COLUMNS;
use crate::spreadsheet::enum_name;

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
                let v = neutralize_formula(v);
                ws.write_string(row, u16::try_from(c).unwrap_or(u16::MAX), v)?;
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
