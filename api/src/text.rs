//! The one text validator of the core, used by the API and the importers alike: normalising,
//! blank and length checks, and the stored form of short lists. Lengths and forbidden characters
//! are in [`crate::limits`].

use unicode_normalization::UnicodeNormalization;

use crate::error::{Violation, ViolationCode};
use crate::msg;

/// A character that shows nothing: zero-width spaces and joiners, the byte-order mark, soft
/// hyphens, word joiners and directional marks (Unicode format characters).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

/// The stored form of a text: Unicode NFC, without white space (any Unicode space, e.g. the
/// ideographic space `U+3000`) or invisible characters at either end. A text made only of such
/// characters becomes empty, so it counts as blank.
pub fn normalize(s: &str) -> String {
    let trimmed = s.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if trimmed.is_ascii() {
        return trimmed.to_owned();
    }
    trimmed.nfc().collect()
}

/// Normalised text ([`normalize`]), or `None` when it is absent, blank or invisible.
pub fn clean(v: Option<String>) -> Option<String> {
    v.map(|s| normalize(&s)).filter(|s| !s.is_empty())
}

/// [`clean`] for a nullable field of an update: `None` leaves the field, `Some(None)` clears it,
/// and text that is only white space clears it too.
pub fn clean_update(v: Option<Option<String>>) -> Option<Option<String>> {
    v.map(clean)
}

/// Normalised required text ([`normalize`]); pushes `BLANK` on `field` when it is empty or
/// invisible.
pub fn required(v: &str, field: &str, errors: &mut Vec<Violation>) -> String {
    let t = normalize(v);
    if t.is_empty() {
        errors.push(Violation::on(
            field,
            ViolationCode::Blank,
            msg!("field-blank", field = field),
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
            msg!("field-too-long", field = field, max = max),
        ));
    }
}

/// Joins a list (e.g. specialties) for storage: one item per line, trimmed, empty ones dropped.
pub fn join_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| normalize(s))
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

/// The name a GraphQL enum value has in the API (`IN_TRAINING`, not the Rust `InTraining`), for
/// messages.
pub fn api_name<T: async_graphql::InputType>(value: &T) -> String {
    match value.to_value() {
        async_graphql::Value::Enum(name) => name.to_string(),
        other => other.to_string(),
    }
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
    fn invisible_only_text_is_blank_and_text_is_nfc() {
        for invisible in [
            "\u{200B}",
            "\u{FEFF}\u{200B}\u{202E}",
            "\u{3000} \u{00A0}",
            "\u{2060}",
        ] {
            assert_eq!(clean(Some(invisible.to_owned())), None, "{invisible:?}");
        }
        assert_eq!(
            clean(Some("\u{200B}威海技师学院\u{FEFF}".into())).as_deref(),
            Some("威海技师学院")
        );
        // "é" as e + combining acute becomes the one precomposed character.
        assert_eq!(normalize("Cafe\u{301}"), "Caf\u{E9}");
        let mut errors = Vec::new();
        required("\u{200B}", "name", &mut errors);
        assert_eq!(errors[0].code, ViolationCode::Blank);
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
