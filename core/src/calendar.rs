//! Danish banking days and payment plans.
//!
//! Payments of municipal benefits fall on Danish banking days: Monday to Friday, except
//! the bank closing days (see [`is_closing_day`]). A [`PaymentPlan`]
//! \[OekonomiskEffektueringsplan\] says on which day of the month a benefit is paid and
//! whether a payment pays for the month it is made in (in arrears) or the next one (in
//! advance); [`PaymentPlan::next_payment_on_or_after`] finds the next payment date within
//! a grant.
//!
//! Nothing here panics: dates near the limits of [`chrono::NaiveDate`] give `None` (or
//! `false`) instead of overflowing.
//!
//! ```
//! use chrono::NaiveDate;
//! use egensag::calendar::{is_banking_day, PaymentDay};
//! # fn main() -> Result<(), &'static str> {
//! let last = PaymentDay::LastBankingDay.date_in(2026, 12).ok_or("no date")?;
//! assert_eq!(last, NaiveDate::from_ymd_opt(2026, 12, 30).ok_or("bad date")?);
//! assert!(is_banking_day(last));
//! # Ok(())
//! # }
//! ```

use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest run of consecutive non-banking days is five (Maundy Thursday to Easter
/// Monday); searches for a banking day give up after this many steps.
const MAX_SEARCH_DAYS: u32 = 14;

/// Easter Sunday of a year in the Gregorian calendar (the anonymous Gregorian algorithm of
/// Meeus, Jones and Butcher). `None` when the date is outside chrono's range.
///
/// ```
/// use chrono::NaiveDate;
/// use egensag::calendar::easter_sunday;
/// assert_eq!(easter_sunday(2026), NaiveDate::from_ymd_opt(2026, 4, 5));
/// assert_eq!(easter_sunday(2000), NaiveDate::from_ymd_opt(2000, 4, 23));
/// assert_eq!(easter_sunday(i32::MAX), None);
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // i64 arithmetic with Euclidean division: no overflow for any i32 year, and the
    // proleptic calendar is handled consistently for negative years.
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n.div_euclid(31)).ok()?;
    let day = u32::try_from(n.rem_euclid(31) + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Whether a date is a Danish bank closing day (a weekday on which banks do not settle
/// payments): New Year's Day, Maundy Thursday, Good Friday, Easter Monday, Great Prayer
/// Day (the fourth Friday after Easter, until 2023), Ascension Day, the Friday after
/// Ascension Day, Whit Monday, Constitution Day (5 June), and 24, 25, 26 and 31 December.
///
/// Saturdays and Sundays are not closing days as such; see [`is_banking_day`].
///
/// ```
/// use chrono::NaiveDate;
/// use egensag::calendar::is_closing_day;
/// # fn main() -> Result<(), &'static str> {
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// assert!(is_closing_day(d(2026, 4, 2)?)); // Maundy Thursday
/// assert!(is_closing_day(d(2023, 5, 5)?)); // Great Prayer Day, last kept in 2023
/// assert!(!is_closing_day(d(2024, 4, 26)?)); // abolished from 2024
/// assert!(!is_closing_day(d(2026, 4, 5)?)); // Easter Sunday is a Sunday, not a closing day
/// # Ok(())
/// # }
/// ```
pub fn is_closing_day(date: NaiveDate) -> bool {
    match (date.month(), date.day()) {
        (1, 1) | (6, 5) | (12, 24) | (12, 25) | (12, 26) | (12, 31) => return true,
        _ => {}
    }
    let Some(easter) = easter_sunday(date.year()) else {
        return false;
    };
    // Same year, so the ordinal difference is the distance in days.
    let offset = i64::from(date.ordinal()) - i64::from(easter.ordinal());
    match offset {
        -3 | -2 | 1 | 39 | 40 | 50 => true,
        26 => date.year() <= 2023,
        _ => false,
    }
}

/// Whether a date is a Danish banking day: Monday to Friday and not a closing day
/// ([`is_closing_day`]).
///
/// ```
/// use chrono::NaiveDate;
/// use egensag::calendar::is_banking_day;
/// # fn main() -> Result<(), &'static str> {
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// assert!(is_banking_day(d(2026, 12, 30)?)); // Wednesday
/// assert!(!is_banking_day(d(2026, 12, 31)?)); // closing day
/// assert!(!is_banking_day(d(2026, 5, 2)?)); // Saturday
/// # Ok(())
/// # }
/// ```
pub fn is_banking_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_closing_day(date)
}

/// The latest banking day on or before `date`; `None` only near chrono's lower limit.
///
/// ```
/// use chrono::NaiveDate;
/// use egensag::calendar::banking_day_on_or_before;
/// # fn main() -> Result<(), &'static str> {
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// // Easter Monday 2026 -> back over Easter to the Wednesday before Maundy Thursday.
/// assert_eq!(banking_day_on_or_before(d(2026, 4, 6)?), Some(d(2026, 4, 1)?));
/// assert_eq!(banking_day_on_or_before(d(2026, 4, 7)?), Some(d(2026, 4, 7)?));
/// # Ok(())
/// # }
/// ```
pub fn banking_day_on_or_before(date: NaiveDate) -> Option<NaiveDate> {
    let mut d = date;
    for _ in 0..MAX_SEARCH_DAYS {
        if is_banking_day(d) {
            return Some(d);
        }
        d = d.pred_opt()?;
    }
    None
}

/// The earliest banking day on or after `date`; `None` only near chrono's upper limit.
///
/// ```
/// use chrono::NaiveDate;
/// use egensag::calendar::banking_day_on_or_after;
/// # fn main() -> Result<(), &'static str> {
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// // 31 December 2026 (closing), 1 January 2027 (closing), then a weekend.
/// assert_eq!(banking_day_on_or_after(d(2026, 12, 31)?), Some(d(2027, 1, 4)?));
/// # Ok(())
/// # }
/// ```
pub fn banking_day_on_or_after(date: NaiveDate) -> Option<NaiveDate> {
    let mut d = date;
    for _ in 0..MAX_SEARCH_DAYS {
        if is_banking_day(d) {
            return Some(d);
        }
        d = d.succ_opt()?;
    }
    None
}

/// The last day of a month; `None` for an invalid month or a date outside chrono's range.
fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    (28..=31)
        .rev()
        .find_map(|day| NaiveDate::from_ymd_opt(year, month, day))
}

/// When in the month a payment falls.
///
/// In JSON: `"last_banking_day"`, `"first_banking_day"` or `{ "day_of_month": N }` with
/// `N` from 1 to 31.
///
/// ```
/// use egensag::calendar::PaymentDay;
/// # fn main() -> Result<(), serde_json::Error> {
/// let p: PaymentDay = serde_json::from_str(r#"{ "day_of_month": 15 }"#)?;
/// assert_eq!(p, PaymentDay::DayOfMonth(15));
/// assert_eq!(serde_json::to_string(&PaymentDay::LastBankingDay)?, r#""last_banking_day""#);
/// assert!(serde_json::from_str::<PaymentDay>(r#"{ "day_of_month": 0 }"#).is_err());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "When in the month a payment falls.")]
pub enum PaymentDay {
    /// The last banking day of the month.
    LastBankingDay,
    /// The first banking day of the month (as late as the 6th, e.g. 6 April 2010 after Easter).
    FirstBankingDay,
    /// Day N of the month (1 to 31; beyond the month's end means its last day), moved back
    /// to the preceding banking day when it is not one — possibly into the previous month.
    /// Constructed in code, 0 counts as 1.
    DayOfMonth(#[schemars(range(min = 1, max = 31))] u8),
}

impl PaymentDay {
    /// The payment date in the given month (1–12).
    ///
    /// The last or first banking day of the month; or, for day N, that day (the month's
    /// last day when N is beyond it) rolled back to the preceding banking day — never later
    /// than the nominal day, and possibly in the previous month. `None` only when the
    /// month is not 1–12 or the date is outside chrono's range.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use egensag::calendar::PaymentDay;
    /// # fn main() -> Result<(), &'static str> {
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// assert_eq!(PaymentDay::FirstBankingDay.date_in(2027, 1), Some(d(2027, 1, 4)?));
    /// assert_eq!(PaymentDay::DayOfMonth(31).date_in(2028, 2), Some(d(2028, 2, 29)?));
    /// // 1 November 2026 is a Sunday: rolled back into October.
    /// assert_eq!(PaymentDay::DayOfMonth(1).date_in(2026, 11), Some(d(2026, 10, 30)?));
    /// # Ok(())
    /// # }
    /// ```
    pub fn date_in(self, year: i32, month: u32) -> Option<NaiveDate> {
        match self {
            PaymentDay::LastBankingDay => banking_day_on_or_before(last_day_of_month(year, month)?),
            PaymentDay::FirstBankingDay => {
                banking_day_on_or_after(NaiveDate::from_ymd_opt(year, month, 1)?)
            }
            PaymentDay::DayOfMonth(n) => {
                let last = last_day_of_month(year, month)?;
                let day = u32::from(n).clamp(1, last.day());
                banking_day_on_or_before(NaiveDate::from_ymd_opt(year, month, day)?)
            }
        }
    }
}

/// The message for a bad `day_of_month`; never echoes the value.
const DAY_OF_MONTH_EXPECTED: &str = "day_of_month must be a whole number from 1 to 31";
/// The message for a bad payment day; never echoes the value.
const PAYMENT_DAY_EXPECTED: &str =
    r#"payment_day must be "last_banking_day", "first_banking_day" or { "day_of_month": N }"#;

/// Deserializes the number of `{ "day_of_month": N }`.
struct DayNumber(u8);

impl<'de> Deserialize<'de> for DayNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl V {
            fn check<E: de::Error>(n: Option<u64>) -> Result<DayNumber, E> {
                match n.and_then(|n| u8::try_from(n).ok()) {
                    Some(n @ 1..=31) => Ok(DayNumber(n)),
                    _ => Err(E::custom(DAY_OF_MONTH_EXPECTED)),
                }
            }
        }
        impl<'de> Visitor<'de> for V {
            type Value = DayNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a day of the month from 1 to 31")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DayNumber, E> {
                Self::check(Some(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DayNumber, E> {
                Self::check(u64::try_from(v).ok())
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<DayNumber, E> {
                Self::check(u64::try_from(v).ok())
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<DayNumber, E> {
                Self::check(u64::try_from(v).ok())
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<DayNumber, E> {
                Err(E::custom(DAY_OF_MONTH_EXPECTED))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<DayNumber, E> {
                Err(E::custom(DAY_OF_MONTH_EXPECTED))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<DayNumber, E> {
                Err(E::custom(DAY_OF_MONTH_EXPECTED))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// The keys allowed in the object form of [`PaymentDay`].
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum PaymentDayKey {
    DayOfMonth,
}

impl<'de> Deserialize<'de> for PaymentDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PaymentDay;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(PAYMENT_DAY_EXPECTED)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PaymentDay, E> {
                match v {
                    "last_banking_day" => Ok(PaymentDay::LastBankingDay),
                    "first_banking_day" => Ok(PaymentDay::FirstBankingDay),
                    _ => Err(E::custom(PAYMENT_DAY_EXPECTED)),
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PaymentDay, A::Error> {
                let mut day: Option<DayNumber> = None;
                while let Some(key) = map.next_key::<PaymentDayKey>()? {
                    match key {
                        PaymentDayKey::DayOfMonth => {
                            if day.is_some() {
                                return Err(de::Error::duplicate_field("day_of_month"));
                            }
                            day = Some(map.next_value()?);
                        }
                    }
                }
                match day {
                    Some(DayNumber(n)) => Ok(PaymentDay::DayOfMonth(n)),
                    None => Err(de::Error::missing_field("day_of_month")),
                }
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<PaymentDay, E> {
                Err(E::custom(PAYMENT_DAY_EXPECTED))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<PaymentDay, E> {
                Err(E::custom(PAYMENT_DAY_EXPECTED))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<PaymentDay, E> {
                Err(E::custom(PAYMENT_DAY_EXPECTED))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// How often payments are made. Only monthly for now.
///
/// ```
/// use egensag::calendar::Frequency;
/// # fn main() -> Result<(), serde_json::Error> {
/// assert_eq!(serde_json::from_str::<Frequency>(r#""monthly""#)?, Frequency::Monthly);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(description = "How often payments are made. Only monthly for now.")]
#[non_exhaustive]
pub enum Frequency {
    /// Once a month.
    Monthly,
}

/// A payment plan \[OekonomiskEffektueringsplan\]: how often, on which day, and whether a
/// payment pays for the month it is made in (in arrears) or the next (in advance).
///
/// ```
/// use egensag::calendar::{Frequency, PaymentDay, PaymentPlan};
/// # fn main() -> Result<(), serde_json::Error> {
/// let plan: PaymentPlan = serde_json::from_str(
///     r#"{ "frequency": "monthly", "payment_day": "last_banking_day" }"#,
/// )?;
/// assert_eq!(
///     plan,
///     PaymentPlan {
///         frequency: Frequency::Monthly,
///         payment_day: PaymentDay::LastBankingDay,
///         in_advance: false,
///     }
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "A payment plan [OekonomiskEffektueringsplan]: how often, on which day, and whether a payment pays for the month it is made in (in arrears) or the next (in advance)."
)]
pub struct PaymentPlan {
    /// How often payments are made.
    pub frequency: Frequency,
    /// When in the month a payment falls.
    pub payment_day: PaymentDay,
    /// True when a payment made in month M pays for month M+1; false (the default) when it
    /// pays for month M.
    #[serde(default)]
    pub in_advance: bool,
}

/// A month as a running number: `year * 12 + (month - 1)`.
fn month_index(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

/// The year and month (1–12) of a running month number; `None` if the year is not an i32.
fn year_month(index: i64) -> Option<(i32, u32)> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12) + 1).ok()?;
    Some((year, month))
}

impl PaymentPlan {
    /// The first payment date on or after `as_of` that pays for a period inside the grant.
    ///
    /// A payment made in month M (on [`PaymentDay::date_in`] of M, which for
    /// `day_of_month` may fall at the end of month M−1) pays for month M, or for month M+1
    /// when `in_advance`. The grant runs from `grant_from` to `grant_end` inclusive
    /// (`None`: open-ended); a payment is within the grant when the month it pays for
    /// overlaps it. `None` when no such date exists (the grant is over, or `grant_end` is
    /// before `grant_from`) or the date is outside chrono's range.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use egensag::calendar::{Frequency, PaymentDay, PaymentPlan};
    /// # fn main() -> Result<(), &'static str> {
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// let mut plan = PaymentPlan {
    ///     frequency: Frequency::Monthly,
    ///     payment_day: PaymentDay::LastBankingDay,
    ///     in_advance: false,
    /// };
    /// let (from, to) = (d(2026, 3, 15)?, Some(d(2026, 6, 10)?));
    /// // In arrears: March is paid on the last banking day of March.
    /// assert_eq!(plan.next_payment_on_or_after(d(2026, 1, 1)?, from, to), Some(d(2026, 3, 31)?));
    /// // June is the last month paid for.
    /// assert_eq!(plan.next_payment_on_or_after(d(2026, 6, 15)?, from, to), Some(d(2026, 6, 30)?));
    /// assert_eq!(plan.next_payment_on_or_after(d(2026, 7, 1)?, from, to), None);
    /// // In advance: March is paid at the end of February.
    /// plan.in_advance = true;
    /// assert_eq!(plan.next_payment_on_or_after(d(2026, 1, 1)?, from, to), Some(d(2026, 2, 27)?));
    /// # Ok(())
    /// # }
    /// ```
    pub fn next_payment_on_or_after(
        &self,
        as_of: NaiveDate,
        grant_from: NaiveDate,
        grant_end: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        if grant_end.is_some_and(|end| end < grant_from) {
            return None;
        }
        let Frequency::Monthly = self.frequency;
        let shift = i64::from(self.in_advance);
        // Months whose payment pays for a month overlapping the grant: [first, last].
        let first = month_index(grant_from) - shift;
        let last = grant_end.map(|end| month_index(end) - shift);
        // A month's payment date lies in that month or (rolled back at most six days) at
        // the end of the previous one, and payment dates increase with the month. So the
        // payments of months before as_of's month are all before `as_of`, and that of
        // as_of's month + 2 is after it: the first date on or after `as_of` is among as_of's
        // month and the two after it, or is the grant's first payment if that comes later.
        let start = first.max(month_index(as_of));
        for index in start..start + 3 {
            if last.is_some_and(|last| index > last) {
                return None;
            }
            let Some((year, month)) = year_month(index) else {
                continue;
            };
            match self.payment_day.date_in(year, month) {
                Some(date) if date >= as_of => return Some(date),
                _ => {}
            }
        }
        None
    }
}
