//! CPR numbers (the Danish personal identification number).
//!
//! A CPR number is ten digits, `DDMMYYSSSS`, also written `DDMMYY-SSSS`. The date part
//! must be a real date; the century comes from the seventh digit (the CPR office's rule).
//! No modulus-11 check is made: numbers issued since 2007 need not pass it.
//!
//! A [`Cpr`] never prints itself in clear by accident: its `Debug` form is masked, and
//! [`Cpr::masked`] gives the `DDMMYY-XXXX` form for display. The ten digits are only
//! available through [`Cpr::as_str`] and serialisation.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The message used for every malformed CPR number (it never echoes the value).
pub(crate) const CPR_EXPECTED: &str =
    "expected a CPR number: 10 digits DDMMYYSSSS or DDMMYY-SSSS with a real birth date";

/// A validated CPR number, stored normalised to its ten ASCII digits.
///
/// ```
/// use egensag::Cpr;
/// let cpr = Cpr::parse("010190-1234").unwrap();
/// assert_eq!(cpr.as_str(), "0101901234");
/// assert_eq!(cpr.masked(), "010190-XXXX");
/// assert_eq!(cpr.birth_date().to_string(), "1990-01-01");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cpr {
    digits: [u8; 10],
    birth: NaiveDate,
}

/// Why a text is not a CPR number. The value itself is never kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", CPR_EXPECTED)]
pub struct CprError;

impl Cpr {
    /// Parses `DDMMYYSSSS` or `DDMMYY-SSSS`; the date part must be a real date.
    ///
    /// ```
    /// use egensag::Cpr;
    /// assert!(Cpr::parse("3102901234").is_err()); // 31 February
    /// assert!(Cpr::parse("0101901234").is_ok());
    /// assert!(Cpr::parse("01019O1234").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Cpr, CprError> {
        let bytes = text.as_bytes();
        let mut digits = [0u8; 10];
        let hyphen_at = match bytes.len() {
            10 => None,
            11 if bytes.get(6) == Some(&b'-') => Some(6),
            _ => return Err(CprError),
        };
        let body = bytes
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != hyphen_at);
        for (slot, (_, byte)) in digits.iter_mut().zip(body) {
            if !byte.is_ascii_digit() {
                return Err(CprError);
            }
            *slot = *byte;
        }
        let birth = birth_date(&digits).ok_or(CprError)?;
        Ok(Cpr { digits, birth })
    }

    /// The ten digits, for storage and comparison. Never put them in a message or a log.
    ///
    /// ```
    /// assert_eq!(egensag::Cpr::parse("010190-1234").unwrap().as_str(), "0101901234");
    /// ```
    pub fn as_str(&self) -> &str {
        // `digits` holds ASCII digits only (checked by `parse`), so this never fails.
        std::str::from_utf8(&self.digits).unwrap_or("")
    }

    /// The ten digits as bytes: [`Cpr::as_str`] without its UTF-8 check, for comparing.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.digits
    }

    /// The masked form `DDMMYY-XXXX`, the only form shown to people.
    ///
    /// ```
    /// assert_eq!(egensag::Cpr::parse("0101901234").unwrap().masked(), "010190-XXXX");
    /// ```
    pub fn masked(&self) -> String {
        let mut out = String::with_capacity(11);
        out.push_str(self.as_str().get(..6).unwrap_or(""));
        out.push_str("-XXXX");
        out
    }

    /// The birth date, from the date part and the century rule.
    ///
    /// ```
    /// use egensag::Cpr;
    /// assert_eq!(Cpr::parse("0101254000").unwrap().birth_date().to_string(), "2025-01-01");
    /// assert_eq!(Cpr::parse("0101504000").unwrap().birth_date().to_string(), "1950-01-01");
    /// assert_eq!(Cpr::parse("0101605000").unwrap().birth_date().to_string(), "1860-01-01");
    /// ```
    pub fn birth_date(&self) -> NaiveDate {
        self.birth
    }

    /// The person's age in whole years on `day`: N years old from the N-th birthday; a
    /// 29 February birthday counts from 1 March in non-leap years. 0 before birth.
    ///
    /// ```
    /// use egensag::Cpr;
    /// use chrono::NaiveDate;
    /// let leapling = Cpr::parse("2902084234").unwrap(); // born 2008-02-29
    /// let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    /// assert_eq!(leapling.age_on(d("2023-02-28")), 14);
    /// assert_eq!(leapling.age_on(d("2023-03-01")), 15);
    /// assert_eq!(leapling.age_on(d("2024-02-29")), 16);
    /// ```
    pub fn age_on(&self, day: NaiveDate) -> u32 {
        age_on(self.birth, day)
    }
}

/// Age in whole years on `day` for someone born on `birth`.
pub(crate) fn age_on(birth: NaiveDate, day: NaiveDate) -> u32 {
    if day < birth {
        return 0;
    }
    let mut years = day.year() - birth.year();
    // Birthday not yet reached this year? Compare (month, day); 29 Feb counts from 1 March
    // in non-leap years, which the plain comparison gives for free (28 Feb < 29 Feb).
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// The birth date of a CPR number's digits, or `None` if it is not a real date.
fn birth_date(d: &[u8; 10]) -> Option<NaiveDate> {
    let two = |i: usize| -> Option<u32> {
        Some(u32::from(d.get(i)? - b'0') * 10 + u32::from(d.get(i + 1)? - b'0'))
    };
    let (day, month, yy) = (two(0)?, two(2)?, two(4)?);
    let century_digit = d.get(6)? - b'0';
    let year = century(century_digit, yy)? + yy;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The century (1800, 1900 or 2000) from the seventh digit and the two-digit year.
fn century(seventh: u8, yy: u32) -> Option<u32> {
    Some(match seventh {
        0..=3 => 1900,
        4 | 9 if yy <= 36 => 2000,
        4 | 9 => 1900,
        5..=8 if yy <= 57 => 2000,
        5..=8 => 1800,
        _ => return None,
    })
}

/// `text` with every CPR number inside it masked `DDMMYY-XXXX`: ids are written by source
/// systems and may carry one (`0101901234-01`, `fm-010190-1234`). A CPR number here is a
/// run of exactly ten digits, or six and four digits around a hyphen, whose date part is
/// a real date (as [`Cpr::parse`] reads it); digits next to the run make it a different
/// number, which is left as it is. Used wherever an id is written for support staff or a
/// log: the explanation's `id` and `rules`, and every error.
///
/// ```
/// use egensag::cpr::mask_cpr_numbers;
/// assert_eq!(mask_cpr_numbers("0101901234-01"), "010190-XXXX-01");
/// assert_eq!(mask_cpr_numbers("fm-010190-1234"), "fm-010190-XXXX");
/// assert_eq!(mask_cpr_numbers("S-3202901234"), "S-3202901234"); // 32 February: no date
/// assert_eq!(mask_cpr_numbers("S-2024-0001"), "S-2024-0001");
/// ```
pub fn mask_cpr_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (range, cpr) in cpr_numbers_in(text) {
        out.push_str(text.get(copied..range.start).unwrap_or(""));
        out.push_str(&cpr.masked());
        copied = range.end;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out
}

/// Where the CPR numbers inside `text` are (as [`mask_cpr_numbers`] finds them), in order.
pub(crate) fn cpr_numbers_in(text: &str) -> Vec<(std::ops::Range<usize>, Cpr)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let run = digit_run(bytes, at);
        if run == 0 {
            at += 1;
            continue;
        }
        let length = match (run, bytes.get(at + 6), digit_run(bytes, at + 7)) {
            (10, _, _) => 10,
            (6, Some(b'-'), 4) => 11,
            _ => 0,
        };
        let cpr = text
            .get(at..at + length)
            .and_then(|candidate| Cpr::parse(candidate).ok());
        match cpr {
            Some(cpr) => {
                found.push((at..at + length, cpr));
                at += length;
            }
            None => at += run,
        }
    }
    found
}

/// The number of ASCII digits from `at` on, 0 when `at` is past the end or not a digit.
fn digit_run(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .unwrap_or(&[])
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

impl fmt::Debug for Cpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cpr({})", self.masked())
    }
}

impl std::str::FromStr for Cpr {
    type Err = CprError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Cpr::parse(s)
    }
}

impl Serialize for Cpr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Cpr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Cpr::parse(&text).map_err(|_| serde::de::Error::custom(CPR_EXPECTED))
    }
}

impl JsonSchema for Cpr {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Cpr".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{6}-?[0-9]{4}$",
            "description": "CPR number, DDMMYYSSSS or DDMMYY-SSSS; the date part must be a real date."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn rejects_malformed_numbers() {
        for bad in [
            "",
            "010190123",
            "01019012345",
            "010190 1234",
            "010190_1234",
            "0101901-234",
            "3201901234",
            "0013901234",
            "2902011234",
            "０101901234",
            "01019o1234",
            "-010190123",
        ] {
            assert!(Cpr::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn century_rule_examples() {
        let year = |s: &str| Cpr::parse(s).unwrap().birth_date().year();
        assert_eq!(year("0101360000"), 1936);
        assert_eq!(year("0101364000"), 2036);
        assert_eq!(year("0101374000"), 1937);
        assert_eq!(year("0101379000"), 1937);
        assert_eq!(year("0101579000"), 1957);
        assert_eq!(year("0101575000"), 2057);
        assert_eq!(year("0101585000"), 1858);
        assert_eq!(year("0101998000"), 1899);
        assert_eq!(year("0101993000"), 1999);
    }

    #[test]
    fn masks_cpr_numbers_inside_ids() {
        for (id, masked) in [
            ("0101901234", "010190-XXXX"),
            ("0101901234-01", "010190-XXXX-01"),
            ("fm-0202804321", "fm-020280-XXXX"),
            ("fm-020280-4321", "fm-020280-XXXX"),
            ("a0101901234b010190-1234", "a010190-XXXXb010190-XXXX"),
            ("0101901234/0202804321", "010190-XXXX/020280-XXXX"),
            // Not CPR numbers: no real date, other lengths, digits around the run.
            ("3202901234", "3202901234"),
            ("01019012345", "01019012345"),
            ("010190123", "010190123"),
            ("1010190-1234", "1010190-1234"),
            ("010190-12345", "010190-12345"),
            ("S-2024-000017", "S-2024-000017"),
            ("æøå-0101901234", "æøå-010190-XXXX"),
            ("", ""),
        ] {
            assert_eq!(mask_cpr_numbers(id), masked, "{id}");
        }
    }

    #[test]
    fn debug_is_masked() {
        let cpr = Cpr::parse("0101901234").unwrap();
        assert_eq!(format!("{cpr:?}"), "Cpr(010190-XXXX)");
    }

    #[test]
    fn age_counts_from_the_birthday() {
        let cpr = Cpr::parse("1505101234").unwrap(); // 2010-05-15? 7th digit 1 → 1910
        assert_eq!(cpr.birth_date(), date("1910-05-15"));
        let child = Cpr::parse("1505104234").unwrap(); // 2010-05-15
        assert_eq!(child.age_on(date("2025-05-14")), 14);
        assert_eq!(child.age_on(date("2025-05-15")), 15);
        assert_eq!(child.age_on(date("2000-01-01")), 0);
    }

    #[test]
    fn serde_round_trip_and_message_without_value() {
        let cpr: Cpr = serde_json::from_str("\"010190-1234\"").unwrap();
        assert_eq!(serde_json::to_string(&cpr).unwrap(), "\"0101901234\"");
        let err = serde_json::from_str::<Cpr>("\"3102901234\"")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("3102901234"), "{err}");
    }

    /// The century rule as the CPR office writes it, as a table.
    fn reference_year(seventh: u8, yy: u32) -> u32 {
        let table: [(u8, u32, u32, u32); 10] = [
            // (7th digit, 00–36, 37–57, 58–99)
            (0, 1900, 1900, 1900),
            (1, 1900, 1900, 1900),
            (2, 1900, 1900, 1900),
            (3, 1900, 1900, 1900),
            (4, 2000, 1900, 1900),
            (5, 2000, 2000, 1800),
            (6, 2000, 2000, 1800),
            (7, 2000, 2000, 1800),
            (8, 2000, 2000, 1800),
            (9, 2000, 1900, 1900),
        ];
        let row = table[usize::from(seventh)];
        assert_eq!(row.0, seventh);
        let c = if yy <= 36 {
            row.1
        } else if yy <= 57 {
            row.2
        } else {
            row.3
        };
        c + yy
    }

    proptest! {
        #[test]
        fn parse_print_round_trip(day in 1u32..=28, month in 1u32..=12, yy in 0u32..=99,
                                  seventh in 0u8..=9, rest in 0u32..=999, hyphen: bool) {
            let text = format!("{day:02}{month:02}{yy:02}{}{rest:03}", seventh);
            let written = if hyphen { format!("{}-{}", &text[..6], &text[6..]) } else { text.clone() };
            let cpr = Cpr::parse(&written).unwrap();
            prop_assert_eq!(cpr.as_str(), text.as_str());
            prop_assert_eq!(Cpr::parse(cpr.as_str()).unwrap(), cpr);
            prop_assert_eq!(cpr.masked(), format!("{}-XXXX", &text[..6]));
            let year = u32::try_from(cpr.birth_date().year()).unwrap();
            prop_assert_eq!(year, reference_year(seventh, yy));
            prop_assert_eq!(cpr.birth_date().month(), month);
            prop_assert_eq!(cpr.birth_date().day(), day);
        }

        #[test]
        fn age_is_monotone_and_steps_on_birthdays(offset in 0i64..40000, step in 1i64..400) {
            let cpr = Cpr::parse("2902084321").unwrap();
            let a = cpr.birth_date() + chrono::Duration::days(offset);
            let b = a + chrono::Duration::days(step);
            prop_assert!(cpr.age_on(a) <= cpr.age_on(b));
            prop_assert!(cpr.age_on(b) - cpr.age_on(a) <= 2);
        }
    }
}
