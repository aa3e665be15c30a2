//! One row's cells by header: the header row mapped to fields, the template's notes row told
//! apart, and typed parsers that take what a clerk types (Chinese labels, dates as Excel gives
//! them or as people write them, `2800.0`) and record a typed error on the cell otherwise.

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::enums::{ArrangedBy, Gender, VenueType};
use sea_orm::Iterable;

use crate::error::ViolationCode;
use crate::i18n::Message;
use crate::msg;
use crate::spreadsheet::Column;
use crate::spreadsheet::RowError;

/// Maps header cells to column indexes by field name (in parentheses) or Chinese label.
pub(super) fn header_map(
    header: &[String],
    columns: &[Column],
) -> Result<HashMap<&'static str, usize>, Message> {
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
        Err(msg!("import-header-missing", columns = missing.join(", ")))
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
        // The note in either language: a template downloaded in English skips as well.
        if !crate::i18n::Locale::ALL
            .iter()
            .any(|&l| *text == super::template::note_text(c, l))
        {
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
            self.fail(
                field,
                ViolationCode::Blank,
                msg!("import-cell-required", field = field),
            );
        }
    }

    pub(super) fn fail(&mut self, field: &str, code: ViolationCode, message: Message) {
        self.errors.push(RowError {
            row: self.number,
            column: Some(field.to_owned()),
            cell: None,
            header: None,
            code,
            message,
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
                    msg!("import-cell-not-date", value = t),
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
                    msg!("import-cell-not-whole-number", value = t),
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
                msg!("import-national-id-mangled", value = t),
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
                    msg!("import-cell-not-yes-no", value = t),
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
                msg!(
                    "import-cell-not-option",
                    value = t,
                    options = names.join(", ")
                ),
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
        // As the reader shows an 18-digit number cell.
        assert!(looks_mangled_by_excel(&super::super::read::cell_text(
            &calamine::Data::Float(371_002_200_705_123_456.0)
        )));
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
}
