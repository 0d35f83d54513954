//! Values shared by every record: sensitivity, flags, record kinds and references,
//! dates with an optional time, and the output language.

use super::redact::redacted_debug;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Sensitivity level (SDI "Følsomhed"), ordered `ikke_fortrolige` < `fortrolige` <
/// `foelsomme` < `vip`.
///
/// ```
/// use egensag::model::Sensitivity;
/// assert!(Sensitivity::Fortrolige < Sensitivity::Vip);
/// assert_eq!(Sensitivity::Foelsomme.level(), 3);
/// assert_eq!(Sensitivity::from_level(2), Some(Sensitivity::Fortrolige));
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    /// Not confidential (1).
    #[default]
    IkkeFortrolige,
    /// Confidential (2).
    Fortrolige,
    /// Sensitive (3).
    Foelsomme,
    /// Very important person (4).
    Vip,
}

impl Sensitivity {
    /// The level number NemLog-in privilege constraints use (1–4).
    ///
    /// ```
    /// assert_eq!(egensag::model::Sensitivity::IkkeFortrolige.level(), 1);
    /// ```
    pub fn level(self) -> u8 {
        match self {
            Sensitivity::IkkeFortrolige => 1,
            Sensitivity::Fortrolige => 2,
            Sensitivity::Foelsomme => 3,
            Sensitivity::Vip => 4,
        }
    }

    /// The level for a number 1–4.
    ///
    /// ```
    /// assert_eq!(egensag::model::Sensitivity::from_level(5), None);
    /// ```
    pub fn from_level(level: u8) -> Option<Sensitivity> {
        match level {
            1 => Some(Sensitivity::IkkeFortrolige),
            2 => Some(Sensitivity::Fortrolige),
            3 => Some(Sensitivity::Foelsomme),
            4 => Some(Sensitivity::Vip),
            _ => None,
        }
    }
}

/// The flags every record carries, gathered from its fields.
///
/// ```
/// let flags = egensag::model::RecordFlags { void: true, ..Default::default() };
/// assert!(flags.void && !flags.withheld_from_citizen);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RecordFlags {
    /// Sensitivity level.
    pub sensitivity: Sensitivity,
    /// Never shown to anyone.
    pub withheld_from_citizen: bool,
    /// Shown to the subject only.
    pub withheld_from_representatives: bool,
    /// Annulled or registered in error.
    pub void: bool,
}

/// The kind of a record.
///
/// ```
/// use egensag::model::RecordKind;
/// assert_eq!(serde_json::to_string(&RecordKind::Cases).unwrap(), "\"cases\"");
/// assert_eq!(RecordKind::Benefits.singular(), "benefit");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// Cases (sager).
    Cases,
    /// Benefits (ydelser).
    Benefits,
    /// Appointments (aftaler).
    Appointments,
    /// Plans (planer).
    Plans,
}

impl RecordKind {
    /// The singular name used in explanations and notifications: `case`, `benefit`,
    /// `appointment`, `plan`.
    ///
    /// ```
    /// assert_eq!(egensag::model::RecordKind::Appointments.singular(), "appointment");
    /// ```
    pub fn singular(self) -> &'static str {
        match self {
            RecordKind::Cases => "case",
            RecordKind::Benefits => "benefit",
            RecordKind::Appointments => "appointment",
            RecordKind::Plans => "plan",
        }
    }
}

/// A reference to one record: its source system and its id there.
///
/// ```
/// let r: egensag::model::RecordRef = serde_json::from_str(r#"{"source":"KSD","id":"S-1"}"#).unwrap();
/// assert_eq!(r.source, "KSD");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordRef {
    /// Source system id, e.g. `KSD`.
    pub source: String,
    /// The record's id within that source.
    pub id: String,
}

redacted_debug!(RecordRef {
    source: show,
    id: mask,
});

/// The language of the output texts.
///
/// ```
/// let l: egensag::model::Language = serde_json::from_str("\"en\"").unwrap();
/// assert_eq!(l, egensag::model::Language::En);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Danish (the default).
    #[default]
    Da,
    /// English.
    En,
}

/// A point in time as a source gives it: a date `YYYY-MM-DD`, or an RFC 3339 date-time
/// whose date at its own offset is the date, and whose time orders entries within a day.
///
/// ```
/// use egensag::model::Moment;
/// let m: Moment = serde_json::from_str("\"2026-03-01T23:30:00-02:00\"").unwrap();
/// assert_eq!(m.date().to_string(), "2026-03-01");
/// let d: Moment = serde_json::from_str("\"2026-03-01\"").unwrap();
/// assert!(d < m);
/// assert_eq!(serde_json::to_string(&m).unwrap(), "\"2026-03-01T23:30:00-02:00\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Moment {
    /// A date alone.
    Date(NaiveDate),
    /// A date-time with its offset.
    DateTime(DateTime<FixedOffset>),
}

impl Moment {
    /// The date (at the date-time's own offset).
    ///
    /// ```
    /// let m = egensag::model::Moment::parse("2026-01-02T00:10:00+01:00").unwrap();
    /// assert_eq!(m.date().to_string(), "2026-01-02");
    /// ```
    pub fn date(&self) -> NaiveDate {
        match self {
            Moment::Date(d) => *d,
            Moment::DateTime(t) => t.date_naive(),
        }
    }

    /// The local time of day, if any (a date alone has none and sorts first in its day).
    ///
    /// ```
    /// assert!(egensag::model::Moment::parse("2026-01-02").unwrap().time().is_none());
    /// ```
    pub fn time(&self) -> Option<NaiveTime> {
        match self {
            Moment::Date(_) => None,
            Moment::DateTime(t) => Some(t.time()),
        }
    }

    /// Parses `YYYY-MM-DD` or an RFC 3339 date-time.
    ///
    /// ```
    /// assert!(egensag::model::Moment::parse("2026-02-30").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Moment> {
        if text.len() == 10 {
            crate::dates::read_fast(text)
                .or_else(|| crate::dates::chrono_date(text))
                .map(Moment::Date)
        } else {
            DateTime::parse_from_rfc3339(text)
                .ok()
                .map(Moment::DateTime)
        }
    }
}

impl PartialOrd for Moment {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Moment {
    /// By date, then local time of day (a date alone first).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.date(), self.time()).cmp(&(other.date(), other.time()))
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // NaiveDate writes `%Y-%m-%d` without chrono's format-string machinery.
            Moment::Date(d) => fmt::Display::fmt(d, f),
            Moment::DateTime(t) => f.write_str(&t.to_rfc3339()),
        }
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Moment::parse(&text).ok_or_else(|| {
            serde::de::Error::custom("expected a date YYYY-MM-DD or an RFC 3339 date-time")
        })
    }
}

impl JsonSchema for Moment {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Moment".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date YYYY-MM-DD or an RFC 3339 date-time.",
            "anyOf": [
                { "type": "string", "format": "date" },
                { "type": "string", "format": "date-time" }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A date is written as chrono's `%Y-%m-%d` writes it, for every year chrono holds.
    #[test]
    fn dates_display_as_the_format_string() {
        for year in [
            -262_143, -10_000, -1, 0, 7, 999, 1000, 2026, 9999, 10_000, 262_142,
        ] {
            for (month, day) in [(1, 1), (2, 28), (12, 31)] {
                let Some(d) = NaiveDate::from_ymd_opt(year, month, day) else {
                    continue;
                };
                assert_eq!(
                    Moment::Date(d).to_string(),
                    d.format("%Y-%m-%d").to_string()
                );
            }
        }
    }
}
