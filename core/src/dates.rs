//! How dates cross the JSON boundary: `YYYY-MM-DD`, read and written as chrono reads and
//! writes a [`NaiveDate`], but without chrono's general format machinery for the one
//! shape every source sends.
//!
//! Every date field of the model and of the outputs carries `#[serde(with = "…Iso")]`
//! (or `IsoOption` for an optional date). A string of exactly ten bytes `DDDD-DD-DD`
//! naming a real day is read directly; anything else (another shape, a day that does not
//! exist, a value that is not a string) goes to chrono's own deserialiser, so what is
//! accepted and every error message are chrono's. A date in the years 0–9999 is written
//! directly; any other year is written by chrono. The property tests in
//! `core/tests/dates.rs` hold both directions against chrono on arbitrary input.
//!
//! Dates were a third of the cost of reading and writing JSON with chrono's own codec
//! (README, "Performance"). The feature `_chrono-dates` (not for users) turns this codec
//! off, so that the benchmarks can measure the floor as serde_json and chrono do the work.
//!
//! ```
//! use chrono::NaiveDate;
//! # #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
//! # struct Day { #[serde(with = "egensag::dates::Iso")] day: NaiveDate }
//! let day: Day = serde_json::from_str(r#"{"day": "2026-11-23"}"#).unwrap();
//! assert_eq!(day.day, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
//! assert_eq!(serde_json::to_string(&day).unwrap(), r#"{"day":"2026-11-23"}"#);
//! assert!(serde_json::from_str::<Day>(r#"{"day": "2026-02-30"}"#).is_err());
//! ```

use chrono::format::{Fixed, Item, Numeric, Pad, Parsed};
use chrono::{NaiveDate, NaiveDateTime};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// A required date field: `#[serde(with = "egensag::dates::Iso")]`. Its JSON Schema is
/// [`NaiveDate`]'s.
#[derive(Debug, Clone, Copy)]
pub struct Iso;

/// An optional date field: `#[serde(default, with = "egensag::dates::IsoOption")]`
/// (`null` or absent is `None`). Its JSON Schema is `Option<NaiveDate>`'s.
#[derive(Debug, Clone, Copy)]
pub struct IsoOption;

impl Iso {
    /// Writes `date` as `YYYY-MM-DD`, the bytes chrono writes.
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        Day(*date).serialize(serializer)
    }

    /// Reads a date as chrono reads it.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        Day::deserialize(deserializer).map(|day| day.0)
    }
}

impl IsoOption {
    /// Writes `Some(date)` as [`Iso`] does and `None` as `null`.
    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        date.map(Day).serialize(serializer)
    }

    /// Reads `null` as `None` and a date as [`Iso`] does.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Option::<Day>::deserialize(deserializer).map(|day| day.map(|d| d.0))
    }
}

/// One date with this module's codec.
struct Day(NaiveDate);

/// The date of `text` when it is exactly `DDDD-DD-DD` and names a real day; `None`
/// for anything else, which chrono then reads (and refuses with its own message).
///
/// ```
/// # use chrono::NaiveDate;
/// assert_eq!(egensag::dates::parse_iso("2026-11-23"), NaiveDate::from_ymd_opt(2026, 11, 23));
/// assert_eq!(egensag::dates::parse_iso("2026-11-31"), None);
/// assert_eq!(egensag::dates::parse_iso("2026-1-23"), None);
/// ```
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let &[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = text.as_bytes() else {
        return None;
    };
    let year = number(&[y1, y2, y3, y4])?;
    let month = number(&[m1, m2])?;
    let day = number(&[d1, d2])?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// [`parse_iso`] where egensag reads dates itself; with `_chrono-dates` (the benchmarks'
/// floor) nothing, so that chrono reads every date.
pub(crate) fn read_fast(text: &str) -> Option<NaiveDate> {
    if cfg!(feature = "_chrono-dates") {
        None
    } else {
        parse_iso(text)
    }
}

/// `text` as `NaiveDate::parse_from_str(text, "%Y-%m-%d")` reads it (any shape chrono
/// accepts), without chrono's format-string reader in the program: see [`DATE_ITEMS`].
pub(crate) fn chrono_date(text: &str) -> Option<NaiveDate> {
    chrono_parsed(text, DATE_ITEMS.iter())?.to_naive_date().ok()
}

/// `text` as `NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")` reads it.
pub(crate) fn chrono_date_time(text: &str) -> Option<NaiveDateTime> {
    chrono_parsed(text, date_time_items())?
        .to_naive_datetime_with_offset(0)
        .ok()
}

/// The items chrono makes of the format `%Y-%m-%d`, written out (a test holds them to
/// the format string): reading a format string takes chrono's strftime parser, several
/// kilobytes of the WebAssembly module, where chrono's item parser alone does.
const DATE_ITEMS: &[Item<'static>] = &[
    Item::Numeric(Numeric::Year, Pad::Zero),
    Item::Literal("-"),
    Item::Numeric(Numeric::Month, Pad::Zero),
    Item::Literal("-"),
    Item::Numeric(Numeric::Day, Pad::Zero),
];

/// What follows [`DATE_ITEMS`] in the format `%Y-%m-%dT%H:%M:%S%.f`.
const TIME_ITEMS: &[Item<'static>] = &[
    Item::Literal("T"),
    Item::Numeric(Numeric::Hour, Pad::Zero),
    Item::Literal(":"),
    Item::Numeric(Numeric::Minute, Pad::Zero),
    Item::Literal(":"),
    Item::Numeric(Numeric::Second, Pad::Zero),
    Item::Fixed(Fixed::Nanosecond),
];

/// The items chrono makes of the format `%Y-%m-%dT%H:%M:%S%.f`.
fn date_time_items() -> impl Iterator<Item = &'static Item<'static>> + Clone {
    DATE_ITEMS.iter().chain(TIME_ITEMS)
}

/// `text` read by chrono's parser with `items`, as `parse_from_str` reads it.
fn chrono_parsed<'a>(
    text: &str,
    items: impl Iterator<Item = &'a Item<'static>> + Clone,
) -> Option<Parsed> {
    let mut parsed = Parsed::new();
    chrono::format::parse(&mut parsed, text, items).ok()?;
    Some(parsed)
}

/// The value of ASCII digits; `None` when one is not a digit.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// `date` as the ten bytes `YYYY-MM-DD`, for a year in 0–9999 (`None` otherwise: chrono
/// writes such a year with a sign).
///
/// ```
/// # use chrono::NaiveDate;
/// let day = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
/// assert_eq!(egensag::dates::format_iso(day).as_deref(), Some("2026-03-09"));
/// ```
pub fn format_iso(date: NaiveDate) -> Option<String> {
    iso_bytes(date).and_then(|bytes| String::from_utf8(bytes.to_vec()).ok())
}

/// The ASCII bytes of [`format_iso`], without allocating.
fn iso_bytes(date: NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (month, day) = (date.month(), date.day());
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

#[cfg(not(feature = "_chrono-dates"))]
impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match iso_bytes(self.0) {
            Some(bytes) => match std::str::from_utf8(&bytes) {
                Ok(text) => serializer.serialize_str(text),
                Err(_) => self.0.serialize(serializer),
            },
            None => self.0.serialize(serializer),
        }
    }
}

#[cfg(not(feature = "_chrono-dates"))]
impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DayVisitor)
    }
}

/// Reads a date from a string; everything but `DDDD-DD-DD` is chrono's to read.
#[cfg(not(feature = "_chrono-dates"))]
struct DayVisitor;

#[cfg(not(feature = "_chrono-dates"))]
impl serde::de::Visitor<'_> for DayVisitor {
    type Value = Day;

    /// chrono's own words, so that a wrong type is answered as chrono answers it.
    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a formatted date string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Day, E> {
        match read_fast(text) {
            Some(date) => Ok(Day(date)),
            None => text.parse().map(Day).map_err(E::custom),
        }
    }
}

/// With `_chrono-dates`: chrono's own codec, as the floor of the benchmarks measures it.
#[cfg(feature = "_chrono-dates")]
impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// With `_chrono-dates`: chrono's own codec, as the floor of the benchmarks measures it.
#[cfg(feature = "_chrono-dates")]
impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        NaiveDate::deserialize(deserializer).map(Day)
    }
}

impl JsonSchema for Iso {
    fn schema_name() -> Cow<'static, str> {
        NaiveDate::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        NaiveDate::schema_id()
    }

    fn inline_schema() -> bool {
        NaiveDate::inline_schema()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        NaiveDate::json_schema(generator)
    }
}

impl JsonSchema for IsoOption {
    fn schema_name() -> Cow<'static, str> {
        Option::<NaiveDate>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        Option::<NaiveDate>::schema_id()
    }

    fn inline_schema() -> bool {
        Option::<NaiveDate>::inline_schema()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        Option::<NaiveDate>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::format::StrftimeItems;

    /// The written-out items are what chrono makes of the format strings.
    #[test]
    fn items_are_the_format_strings() {
        let date: Vec<Item<'_>> = StrftimeItems::new("%Y-%m-%d").collect();
        assert_eq!(date, DATE_ITEMS);
        let date_time: Vec<Item<'_>> = StrftimeItems::new("%Y-%m-%dT%H:%M:%S%.f").collect();
        assert_eq!(date_time, date_time_items().cloned().collect::<Vec<_>>());
    }

    /// The readers read what `parse_from_str` with the format strings reads.
    #[test]
    fn readers_read_as_parse_from_str() {
        for text in [
            "2026-11-23T09:00:00",
            "2026-11-23T09:00:00.123456",
            "2026-11-23T24:00:00",
            "2026-02-30T09:00:00",
            "+12026-11-23T09:00:00",
            " 2026-1-3T9:0:0",
            "2026-11-23",
            "02026-1-3",
            "2026-11- 3",
            "+2026-1-01",
            "-0001-12-31",
            "2026-11-23 ",
            "",
        ] {
            assert_eq!(
                chrono_date_time(text),
                NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").ok(),
                "{text}"
            );
            assert_eq!(
                chrono_date(text),
                NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
                "{text}"
            );
        }
    }
}
