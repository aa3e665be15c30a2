//! Unified social credit code (统一社会信用代码), GB 32100-2015.
//!
//! 18 characters from the code set `0-9 A-H J-N P-R T U W-Y` (31 characters: no I, O, S, V, Z).
//! The 18th is a check character: with weights `w_i = 3^(i-1) mod 31` over the first 17 characters'
//! values `c_i`, the check value is `31 - (Σ c_i·w_i mod 31)`, where 31 stands for 0.

use crate::i18n::Message;
use crate::msg;

/// The GB 32100-2015 code set, in value order.
const CODE_SET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1–17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Why a code is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UsccError {
    /// Not exactly 18 characters.
    #[error("a unified social credit code has 18 characters")]
    Length,
    /// A character outside the code set.
    #[error("a unified social credit code uses only 0-9 and A-Y without I, O, S, V, Z")]
    Character,
    /// The 18th character does not match the computed check character.
    #[error("the check character (18th) does not match the first 17 characters")]
    CheckCharacter,
}

impl UsccError {
    /// What is wrong, for a person (rendered in the caller's language); the `Display` text is the
    /// English one, for logs.
    pub fn message(self) -> Message {
        match self {
            Self::Length => msg!("uscc-length"),
            Self::Character => msg!("uscc-character"),
            Self::CheckCharacter => msg!("uscc-check-character"),
        }
    }
}

fn value(c: u8) -> Option<u32> {
    CODE_SET.iter().position(|&x| x == c).map(|p| p as u32)
}

/// Validates a code as given (upper case; normalise with [`normalize`] first).
///
/// # Errors
/// [`UsccError`] naming the first defect found.
pub fn validate(code: &str) -> Result<(), UsccError> {
    let bytes = code.as_bytes();
    if code.chars().count() != 18 || bytes.len() != 18 {
        return Err(UsccError::Length);
    }
    let mut sum = 0;
    for (i, &b) in bytes[..17].iter().enumerate() {
        sum += value(b).ok_or(UsccError::Character)? * WEIGHTS[i];
    }
    let given = value(bytes[17]).ok_or(UsccError::Character)?;
    let expected = (31 - sum % 31) % 31;
    if given == expected {
        Ok(())
    } else {
        Err(UsccError::CheckCharacter)
    }
}

/// Trims white space and upper-cases, the form in which codes are stored.
pub fn normalize(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_codes_are_valid() {
        // Codes printed on public business licences.
        assert_eq!(validate("91350100M000100Y43"), Ok(()));
        assert_eq!(validate("91110000802100433B"), Ok(()));
    }

    #[test]
    fn a_changed_character_breaks_the_check() {
        assert_eq!(
            validate("91350100M000100Y44"),
            Err(UsccError::CheckCharacter)
        );
    }

    #[test]
    fn wrong_length_and_characters_are_rejected() {
        assert_eq!(validate("91350100M000100Y4"), Err(UsccError::Length));
        assert_eq!(validate("91350100M0001O0Y43"), Err(UsccError::Character));
        assert_eq!(validate("９1350100M000100Y4"), Err(UsccError::Length));
    }
}
