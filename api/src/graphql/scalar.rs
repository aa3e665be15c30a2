//! The schema's date and time scalars, named for what they are (`Date`, `DateTime`) rather than
//! after the Rust types behind them, each with `@specifiedBy` pointing at its format's
//! specification.

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};
use chrono::{NaiveDate, SecondsFormat, Utc};

/// A calendar date without a time zone: RFC 3339 `full-date`, `YYYY-MM-DD` (e.g. `2026-09-01`).
/// Dates of this API are dates in Weihai (China Standard Time, UTC+8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

/// The RFC 3339 profile of ISO 8601 for a calendar date (`full-date`).
#[Scalar(
    name = "Date",
    specified_by_url = "https://scalars.graphql.org/andimarek/local-date.html"
)]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .filter(|_| s.len() == 10)
                .map(Date)
                .ok_or_else(|| {
                    // The text is replaced by the request's language (`extension::localize`).
                    InputValueError::custom("expected a date as YYYY-MM-DD, e.g. 2026-09-01")
                        .with_extension("reason", INVALID_DATE)
                }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    /// `YYYY-MM-DD`, written by chrono's `Display` for a date, which gives what
    /// `format("%Y-%m-%d")` gives without parsing that format for every value (half the
    /// instructions; `docs/performance.md`, "Dates written without a format string").
    fn to_value(&self) -> Value {
        Value::String(self.0.to_string())
    }
}

/// `extensions.reason` of an error for a `Date` that is not `YYYY-MM-DD`.
pub const INVALID_DATE: &str = "INVALID_DATE";

/// `extensions.reason` of an error for a `DateTime` that is not RFC 3339.
pub const INVALID_DATE_TIME: &str = "INVALID_DATE_TIME";

/// An instant: RFC 3339 `date-time` with its offset, e.g. `2026-09-01T08:30:00Z`. The API writes
/// UTC (`Z`); it reads any offset and converts it to UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime(pub chrono::DateTime<Utc>);

/// An RFC 3339 `date-time` with an offset.
#[Scalar(
    name = "DateTime",
    specified_by_url = "https://scalars.graphql.org/andimarek/date-time.html"
)]
impl ScalarType for DateTime {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => chrono::DateTime::parse_from_rfc3339(s)
                .map(|t| DateTime(t.with_timezone(&Utc)))
                .map_err(|_| {
                    InputValueError::custom(
                        "expected an RFC 3339 date-time, e.g. 2026-09-01T08:30:00Z",
                    )
                    .with_extension("reason", INVALID_DATE_TIME)
                }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

impl From<NaiveDate> for Date {
    fn from(d: NaiveDate) -> Self {
        Self(d)
    }
}

impl From<Date> for NaiveDate {
    fn from(d: Date) -> Self {
        d.0
    }
}

impl From<chrono::DateTime<Utc>> for DateTime {
    fn from(t: chrono::DateTime<Utc>) -> Self {
        Self(t)
    }
}

impl From<DateTime> for chrono::DateTime<Utc> {
    fn from(t: DateTime) -> Self {
        t.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// `to_value` writes what the `%Y-%m-%d` format writes, for every date from year 1 to 9999
    /// (one a week) and the range's first and last days.
    #[test]
    fn a_date_is_written_as_the_iso_format_writes_it() {
        let mut d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        while d < last {
            assert_eq!(
                Date(d).to_value(),
                Value::from(d.format("%Y-%m-%d").to_string())
            );
            d += chrono::TimeDelta::days(7);
        }
        assert_eq!(Date(last).to_value(), Value::from("9999-12-31"));
        assert_eq!(
            Date(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()).to_value(),
            Value::from("0001-01-01")
        );
    }

    #[test]
    fn a_date_is_exactly_yyyy_mm_dd() {
        let d = Date::parse(Value::from("2007-05-12")).unwrap();
        assert_eq!(d.to_value(), Value::from("2007-05-12"));
        for bad in [
            "2007-5-12",
            "2007/05/12",
            "2007-02-30",
            "12.05.2007",
            "2007-05-12T00:00:00Z",
        ] {
            assert!(Date::parse(Value::from(bad)).is_err(), "{bad}");
        }
        assert!(Date::parse(Value::from(20070512)).is_err());
    }

    #[test]
    fn a_date_time_reads_any_offset_and_writes_utc() {
        let t = DateTime::parse(Value::from("2026-09-01T16:30:00+08:00")).unwrap();
        assert_eq!(t.to_value(), Value::from("2026-09-01T08:30:00Z"));
        assert!(DateTime::parse(Value::from("2026-09-01 08:30")).is_err());
    }
}
