//! Resident identity card numbers (居民身份证号码), GB 11643-1999: 17 digits and a check character
//! (0–9 or X). Characters 7–14 are the date of birth (YYYYMMDD). Stored as given (upper case) and
//! only ever shown masked: the first 6 and last 4 characters, 8 stars between.

use chrono::NaiveDate;

use crate::i18n::Message;
use crate::msg;

/// Weights of positions 1–17.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character by `Σ digit·weight mod 11`.
const CHECK: &[u8; 11] = b"10X98765432";

/// Why a number is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NationalIdError {
    /// Not 17 digits and a check character.
    #[error("an ID number has 17 digits and a check character (0-9 or X)")]
    Shape,
    /// The check character does not match.
    #[error("the check character (18th) does not match")]
    CheckCharacter,
    /// Characters 7–14 are not a date.
    #[error("characters 7-14 are not a valid date of birth")]
    BirthDate,
}

impl NationalIdError {
    /// What is wrong, for a person (rendered in the caller's language); the `Display` text is the
    /// English one, for logs.
    pub fn message(self) -> Message {
        match self {
            Self::Shape => msg!("national-id-shape"),
            Self::CheckCharacter => msg!("national-id-check-character"),
            Self::BirthDate => msg!("national-id-birth-date"),
        }
    }
}

/// Validates `id` (upper case, trimmed); returns the date of birth it encodes.
///
/// # Errors
/// [`NationalIdError`].
pub fn validate(id: &str) -> Result<NaiveDate, NationalIdError> {
    let b = id.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return Err(NationalIdError::Shape);
    }
    let sum: u32 = b[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    if CHECK[(sum % 11) as usize] != b[17] {
        return Err(NationalIdError::CheckCharacter);
    }
    NaiveDate::parse_from_str(&id[6..14], "%Y%m%d").map_err(|_| NationalIdError::BirthDate)
}

/// Trims and upper-cases (a lower-case x check character is common).
pub fn normalize(id: &str) -> String {
    id.trim().to_ascii_uppercase()
}

/// The masked form, e.g. `371002********1234`.
pub fn mask(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() < 10 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 10))
}

/// A valid number for `birth` with sequence `seq` (0–999) in area `371002`, for tests and
/// synthetic data.
pub fn example(birth: NaiveDate, seq: u32) -> String {
    let body = format!("371002{}{:03}", birth.format("%Y%m%d"), seq % 1000);
    let sum: u32 = body
        .bytes()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    format!("{body}{}", CHECK[(sum % 11) as usize] as char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standards_example_is_valid() {
        // The worked example of GB 11643-1999.
        assert_eq!(
            validate("11010519491231002X"),
            NaiveDate::from_ymd_opt(1949, 12, 31).ok_or(NationalIdError::BirthDate)
        );
    }

    #[test]
    fn a_changed_digit_breaks_the_check() {
        assert_eq!(
            validate("11010519491231003X"),
            Err(NationalIdError::CheckCharacter)
        );
        assert_eq!(validate("1101051949123100"), Err(NationalIdError::Shape));
    }

    #[test]
    fn masking_keeps_six_and_four() {
        assert_eq!(mask("371002200501011234"), "371002********1234");
    }

    #[test]
    fn examples_are_valid() {
        let birth = NaiveDate::from_ymd_opt(2006, 2, 28).unwrap_or_default();
        assert_eq!(validate(&example(birth, 17)), Ok(birth));
    }
}
