//! Property tests: egensag's date codec (`egensag::dates`) reads and writes exactly what
//! chrono's own serde codec does, on arbitrary input: the same dates, the same refusals
//! with the same messages, the same bytes out.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

/// A date field with egensag's codec.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Ours {
    #[serde(with = "egensag::dates::Iso")]
    day: NaiveDate,
    #[serde(default, with = "egensag::dates::IsoOption")]
    until: Option<NaiveDate>,
}

/// The same fields with chrono's codec.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Chrono {
    day: NaiveDate,
    until: Option<NaiveDate>,
}

/// Both readings of `json`: the dates read, or the error's message.
fn read_both(json: &str) -> (Result<Ours, String>, Result<Chrono, String>) {
    (
        serde_json::from_str::<Ours>(json).map_err(|e| e.to_string()),
        serde_json::from_str::<Chrono>(json).map_err(|e| e.to_string()),
    )
}

/// Asserts both codecs read `json` alike.
fn same_reading(json: &str) -> Result<(), TestCaseError> {
    match read_both(json) {
        (Ok(ours), Ok(chrono)) => {
            prop_assert_eq!(ours.day, chrono.day, "{}", json);
            prop_assert_eq!(ours.until, chrono.until, "{}", json);
        }
        (Err(ours), Err(chrono)) => prop_assert_eq!(ours, chrono, "{}", json),
        (ours, chrono) => prop_assert!(false, "{json}: ours {ours:?}, chrono {chrono:?}"),
    }
    Ok(())
}

/// Strings near the `YYYY-MM-DD` shape: digits, dashes, signs, spaces and letters in
/// ten or so places, so that real days, impossible days and other shapes all occur.
fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{4}-[0-1][0-9]-[0-3][0-9]",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[0-9+ -]{8,12}",
        "[+-]?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}[ T]?",
        " ?[0-9]{4}-[0-9]{2}-[0-9]{2} ?",
        "[0-9a-zA-Z:.-]{0,14}",
        "\\PC{0,12}",
    ]
}

/// Any day chrono can hold, from its first to its last.
fn any_day() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::MIN.num_days_from_ce();
    let last = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        (first..=last).prop_map(NaiveDate::from_num_days_from_ce_opt),
        (0..=3_652_058i32).prop_map(NaiveDate::from_num_days_from_ce_opt),
    ]
    .prop_filter_map("a day", |day| day)
}

use chrono::Datelike;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Every string reads as chrono reads it: the same day, or the same error.
    #[test]
    fn strings_read_as_chrono_reads_them(text in date_like(), until in date_like()) {
        let day = serde_json::to_string(&text).unwrap_or_default();
        let until = serde_json::to_string(&until).unwrap_or_default();
        same_reading(&format!(r#"{{"day": {day}}}"#))?;
        same_reading(&format!(r#"{{"day": "2026-01-01", "until": {until}}}"#))?;
    }

    /// Every day chrono can hold is written with chrono's bytes, and read back.
    #[test]
    fn days_are_written_as_chrono_writes_them(day in any_day(), until in proptest::option::of(any_day())) {
        let ours = serde_json::to_string(&Ours { day, until }).unwrap_or_default();
        let chrono = serde_json::to_string(&Chrono { day, until }).unwrap_or_default();
        prop_assert_eq!(&ours, &chrono);
        let back: Ours = serde_json::from_str(&ours).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, Ours { day, until });
    }

    /// The fast reading agrees with chrono's `FromStr` on every string it accepts.
    #[test]
    fn the_fast_path_accepts_only_what_chrono_accepts(text in date_like()) {
        if let Some(day) = egensag::dates::parse_iso(&text) {
            prop_assert_eq!(text.parse::<NaiveDate>().ok(), Some(day));
            prop_assert_eq!(egensag::dates::format_iso(day), Some(text));
        }
    }
}

/// A value of another type where a date belongs is refused with chrono's words.
#[test]
fn other_types_are_refused_as_chrono_refuses_them() {
    for value in ["5", "true", "null", "[]", "{}", "1.5", "-3"] {
        let json = format!(r#"{{"day": {value}}}"#);
        let (ours, chrono) = read_both(&json);
        assert!(ours.is_err(), "{json}");
        assert_eq!(ours.err(), chrono.err(), "{json}");
        let json = format!(r#"{{"day": "2026-01-01", "until": {value}}}"#);
        let (ours, chrono) = read_both(&json);
        assert_eq!(ours.is_ok(), value == "null", "{json}");
        assert_eq!(ours.err(), chrono.err(), "{json}");
    }
}

/// An absent optional date is `None`, as for chrono's `Option<NaiveDate>`; a missing
/// required one is refused alike.
#[test]
fn absent_dates_read_as_chrono_reads_them() {
    let (ours, chrono) = read_both(r#"{"day": "2024-02-29"}"#);
    assert_eq!(ours.ok().and_then(|o| o.until), None);
    assert_eq!(chrono.ok().map(|c| c.day.day()), Some(29));
    let (ours, chrono) = read_both(r#"{"until": "2024-02-29"}"#);
    assert!(ours.is_err());
    assert_eq!(ours.err(), chrono.err());
}

/// The days around the edges of the fast path: year 0 and 9999 are written directly,
/// the years beyond by chrono, with its sign; leap days only in leap years.
#[test]
fn edges_of_the_fast_path() {
    let written = |y, m, d| {
        NaiveDate::from_ymd_opt(y, m, d)
            .map(|day| serde_json::to_string(&Ours { day, until: None }).unwrap_or_default())
    };
    assert_eq!(
        written(0, 1, 1).as_deref(),
        Some(r#"{"day":"0000-01-01","until":null}"#)
    );
    assert_eq!(
        written(9999, 12, 31).as_deref(),
        Some(r#"{"day":"9999-12-31","until":null}"#)
    );
    assert_eq!(
        written(10000, 1, 1).as_deref(),
        Some(r#"{"day":"+10000-01-01","until":null}"#)
    );
    assert_eq!(
        written(-1, 1, 1).as_deref(),
        Some(r#"{"day":"-0001-01-01","until":null}"#)
    );
    assert_eq!(
        egensag::dates::parse_iso("2024-02-29"),
        NaiveDate::from_ymd_opt(2024, 2, 29)
    );
    assert_eq!(egensag::dates::parse_iso("2026-02-29"), None);
    assert_eq!(egensag::dates::parse_iso("2026-13-01"), None);
    assert_eq!(egensag::dates::parse_iso("2026-00-10"), None);
}
