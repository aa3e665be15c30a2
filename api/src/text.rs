//! The one text validator of the core, used by the API and the importers alike: trimming, blank
//! and length checks, and the stored form of short lists.

use crate::error::{Violation, ViolationCode};

/// Trimmed text, or `None` when it is absent or only white space.
pub fn clean(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// [`clean`] for a nullable field of an update: `None` leaves the field, `Some(None)` clears it,
/// and text that is only white space clears it too.
pub fn clean_update(v: Option<Option<String>>) -> Option<Option<String>> {
    v.map(clean)
}

/// Trimmed required text; pushes `BLANK` on `field` when it is empty.
pub fn required(v: &str, field: &str, errors: &mut Vec<Violation>) -> String {
    let t = v.trim().to_owned();
    if t.is_empty() {
        errors.push(Violation::on(
            field,
            ViolationCode::Blank,
            format!("{field} is blank"),
        ));
    }
    t
}

/// Pushes `TOO_LONG` on `field` when `value` has more than `max` characters.
pub fn too_long(errors: &mut Vec<Violation>, field: &str, value: Option<&str>, max: usize) {
    if value.is_some_and(|v| v.chars().count() > max) {
        errors.push(Violation::on(
            field,
            ViolationCode::TooLong,
            format!("{field} is longer than {max} characters"),
        ));
    }
}

/// Joins a list (e.g. specialties) for storage: one item per line, trimmed, empty ones dropped.
pub fn join_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Splits a list stored by [`join_list`].
pub fn split_list(stored: &str) -> Vec<String> {
    stored
        .lines()
        .map(str::to_owned)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_trims_and_drops_white_space_only_text() {
        for (input, expected) in [
            (None, None),
            (Some(""), None),
            (Some("  \t "), None),
            (Some(" 威海 "), Some("威海")),
        ] {
            assert_eq!(clean(input.map(str::to_owned)), expected.map(str::to_owned));
        }
        assert_eq!(clean_update(None), None);
        assert_eq!(clean_update(Some(Some("  ".into()))), Some(None));
    }

    #[test]
    fn required_and_too_long_report_their_codes() {
        let mut errors = Vec::new();
        assert_eq!(required("  ", "name", &mut errors), "");
        too_long(&mut errors, "name", Some("一二三"), 2);
        too_long(&mut errors, "name", Some("一二"), 2);
        let codes: Vec<_> = errors.iter().map(|e| e.code).collect();
        assert_eq!(codes, [ViolationCode::Blank, ViolationCode::TooLong]);
    }

    #[test]
    fn lists_round_trip_without_empty_items() {
        let stored = join_list(&[" 数控 ".into(), String::new(), "焊接".into()]);
        assert_eq!(stored, "数控\n焊接");
        assert_eq!(split_list(&stored), ["数控", "焊接"]);
    }
}
