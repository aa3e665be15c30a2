//! The documented maximum of every input, checked in one place for the API and the importers
//! alike (`docs/limits.md` lists them).
//!
//! - **Text**: at most [`max_chars`]`(field)` characters — 20 for identifiers such as a national
//!   ID or a credit code, 40 for phones, 254 for e-mail addresses, 200 for names and titles,
//!   [`MAX_TEXT_CHARS`] for free text (descriptions, notes); no control characters (line breaks and
//!   tabs only in free text) and no bidirectional overrides (which make text display other than
//!   it reads, e.g. `U+202E`).
//! - **Lists**: at most [`MAX_LIST_ITEMS`] items in any list argument.
//! - **Numbers**: every integer input within ±[`MAX_INT`]; counts of people (a demand's headcount,
//!   a class's seats) at most [`MAX_HEADCOUNT`], so that sums stay exact.
//!
//! A value over a limit is refused, never cut: `TOO_LONG` / `TOO_LARGE` / `INVALID` as a user or
//! row error, or a top-level `BAD_USER_INPUT` when the GraphQL document itself carries it.

use crate::error::{Violation, ViolationCode};
use crate::msg;

/// Most characters of free text (descriptions, notes, skills).
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Most characters of a name or title.
pub const MAX_NAME_CHARS: usize = 200;

/// Most items of any list input.
pub const MAX_LIST_ITEMS: usize = 1_000;

/// Largest magnitude of any integer input.
pub const MAX_INT: i64 = 1_000_000;

/// Most people one count may name: a demand's headcount, a class's planned seats, a sponsor's
/// seats.
pub const MAX_HEADCOUNT: i32 = 10_000;

/// Most characters the input field `field` may hold (its GraphQL name, which is also the
/// template column's field name).
pub fn max_chars(field: &str) -> usize {
    match field {
        "nationalId" | "uscc" | "hostUscc" | "studentNumber" | "specialtyCode" | "term" => 20,
        "phone" | "contactPhone" => 40,
        "email" => 254,
        "password" | "newPassword" | "currentPassword" => 1_024,
        "name" | "title" | "postTitle" | "post" | "specialty" | "specialtyName" | "hostName"
        | "employerName" | "teacherName" | "mentorName" | "mentorTitle" | "apprenticeName"
        | "contactPerson" | "schoolMentor" | "firmMentor" | "role" | "skillLevel" | "search"
        | "specialtySearch" | "insurancePolicy" | "specialties" | "productionLines" | "address"
        | "trade" | "series" | "organiser" | "approvingBody" | "workerName" | "coachName" => {
            MAX_NAME_CHARS
        }
        _ => MAX_TEXT_CHARS,
    }
}

/// Whether `field` holds free text, where line breaks and tabs are allowed.
fn is_free_text(field: &str) -> bool {
    max_chars(field) == MAX_TEXT_CHARS
}

/// A bidirectional embedding, override or isolate (`U+202A`–`U+202E`, `U+2066`–`U+2069`).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Checks one text input of `field`: its length and its characters.
///
/// # Errors
/// `TOO_LONG` past [`max_chars`]; `INVALID` for a control character (other than a line break or
/// tab in free text) or a bidirectional override.
pub fn screen_text(field: &str, value: &str) -> Result<(), Violation> {
    screen(field, max_chars(field), is_free_text(field), value)
}

/// Checks one text value of a GraphQL request against the ceiling every text shares, whatever its
/// field: at most [`MAX_TEXT_CHARS`] characters, no control character other than a line break or
/// tab, no bidirectional override. Past the ceiling the request is hostile and is refused as a
/// whole; a field's own, smaller maximum is a validation rule its mutation reports in
/// `userErrors` (`TOO_LONG`).
///
/// # Errors
/// `TOO_LONG` or `INVALID`, as [`screen_text`].
pub fn screen_request_text(field: &str, value: &str) -> Result<(), Violation> {
    screen(field, MAX_TEXT_CHARS, true, value)
}

fn screen(field: &str, max: usize, free: bool, value: &str) -> Result<(), Violation> {
    // Count no further than needed: a 20 MB string costs as much as `max` characters.
    if value.len() > max && value.chars().nth(max).is_some() {
        return Err(Violation::on(
            field,
            ViolationCode::TooLong,
            msg!("field-too-long", field = field, max = max),
        ));
    }
    if let Some(c) = value.chars().find(|&c| {
        (c.is_control() && !(free && matches!(c, '\n' | '\r' | '\t'))) || is_bidi_control(c)
    }) {
        return Err(Violation::on(
            field,
            ViolationCode::Invalid,
            msg!(
                "limits-control-character",
                field = field,
                code = format!("{:04X}", u32::from(c)),
            ),
        ));
    }
    Ok(())
}

/// Checks one integer input of `field`.
///
/// # Errors
/// `TOO_LARGE` beyond ±[`MAX_INT`].
pub fn screen_int(field: &str, value: i64) -> Result<(), Violation> {
    if value.unsigned_abs() > MAX_INT.unsigned_abs() {
        return Err(Violation::on(
            field,
            ViolationCode::TooLarge,
            msg!("limits-int-out-of-range", field = field, max = MAX_INT),
        ));
    }
    Ok(())
}

/// Checks one list input of `field` by its length.
///
/// # Errors
/// `TOO_LARGE` past [`MAX_LIST_ITEMS`].
pub fn screen_list(field: &str, len: usize) -> Result<(), Violation> {
    if len > MAX_LIST_ITEMS {
        return Err(Violation::on(
            field,
            ViolationCode::TooLarge,
            msg!("limits-too-many-items", field = field, max = MAX_LIST_ITEMS),
        ));
    }
    Ok(())
}

/// Pushes `TOO_LARGE` on `field` when a count of people is above [`MAX_HEADCOUNT`].
pub fn headcount(errors: &mut Vec<Violation>, field: &str, value: Option<i32>) {
    if value.is_some_and(|v| v > MAX_HEADCOUNT) {
        errors.push(Violation::on(
            field,
            ViolationCode::TooLarge,
            msg!("limits-too-large", field = field, max = MAX_HEADCOUNT),
        ));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn text_is_refused_past_its_fields_maximum() {
        assert!(screen_text("name", &"名".repeat(200)).is_ok());
        let e = screen_text("name", &"名".repeat(201)).unwrap_err();
        assert_eq!(e.code, ViolationCode::TooLong);
        assert!(screen_text("description", &"x".repeat(MAX_TEXT_CHARS)).is_ok());
        assert!(screen_text("description", &"x".repeat(20 * 1024 * 1024)).is_err());
        assert!(screen_text("nationalId", &"1".repeat(21)).is_err());
        // A request's text has the one ceiling, whatever the field.
        assert!(screen_request_text("name", &"名".repeat(201)).is_ok());
        assert!(screen_request_text("name", &"名".repeat(MAX_TEXT_CHARS + 1)).is_err());
        assert!(screen_request_text("name", "a\u{0}").is_err());
    }

    #[test]
    fn control_characters_and_bidi_overrides_are_refused() {
        for bad in ["威海\u{0}", "a\u{202E}b", "\u{2066}x", "a\u{7}"] {
            let e = screen_text("name", bad).unwrap_err();
            assert_eq!(e.code, ViolationCode::Invalid, "{bad:?}");
        }
        assert!(screen_text("name", "a\nb").is_err());
        assert!(screen_text("description", "第一行\n第二行\t").is_ok());
        assert!(screen_text("description", "a\u{0}").is_err());
    }

    #[test]
    fn integers_lists_and_headcounts_have_bounds() {
        assert!(screen_int("headcount", MAX_INT).is_ok());
        assert!(screen_int("headcount", -MAX_INT).is_ok());
        assert_eq!(
            screen_int("headcount", i64::from(i32::MAX))
                .unwrap_err()
                .code,
            ViolationCode::TooLarge
        );
        assert!(screen_list("ids", MAX_LIST_ITEMS).is_ok());
        assert!(screen_list("ids", MAX_LIST_ITEMS + 1).is_err());
        let mut errors = Vec::new();
        headcount(&mut errors, "headcount", Some(MAX_HEADCOUNT));
        assert!(errors.is_empty());
        headcount(&mut errors, "headcount", Some(MAX_HEADCOUNT + 1));
        assert_eq!(errors[0].code, ViolationCode::TooLarge);
    }
}
