//! Properties of banking days, payment days and payment plans, checked against independent
//! implementations written here.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use egensag::calendar::{
    banking_day_on_or_after, banking_day_on_or_before, easter_sunday, is_banking_day,
    is_closing_day, Frequency, PaymentDay, PaymentPlan,
};
use proptest::prelude::*;

/// Easter by Gauss's algorithm with its two exceptions (a different method from the library's).
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn gauss_easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year % 4;
    let c = year % 7;
    let k = year / 100;
    let p = (13 + 8 * k) / 25;
    let q = k / 4;
    let m = (15 - p + k - q) % 30;
    let n = (4 + k - q) % 7;
    let d = (19 * a + m) % 30;
    let e = (2 * b + 4 * c + 6 * d + n) % 7;
    if d == 29 && e == 6 {
        return NaiveDate::from_ymd_opt(year, 4, 19).unwrap();
    }
    if d == 28 && e == 6 && (11 * m + 11) % 30 < 19 {
        return NaiveDate::from_ymd_opt(year, 4, 18).unwrap();
    }
    let march_22 = NaiveDate::from_ymd_opt(year, 3, 22).unwrap();
    march_22 + Days::new(u64::try_from(d + e).unwrap())
}

/// The listed closing days, computed from Gauss's Easter.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn listed_closing_days(year: i32) -> Vec<NaiveDate> {
    let easter = gauss_easter(year);
    let shift = |days: i64| easter + chrono::Duration::days(days);
    let mut days = vec![
        shift(-3),
        shift(-2),
        shift(1),
        shift(39),
        shift(40),
        shift(50),
    ];
    if year <= 2023 {
        days.push(shift(26));
    }
    for (m, d) in [(1, 1), (6, 5), (12, 24), (12, 25), (12, 26), (12, 31)] {
        days.push(NaiveDate::from_ymd_opt(year, m, d).unwrap());
    }
    days
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn date_2000_2100() -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
    let span = u64::try_from((end - start).num_days()).unwrap();
    (0..=span).prop_map(move |n| start + Days::new(n))
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let lo = NaiveDate::MIN.num_days_from_ce();
    let hi = NaiveDate::MAX.num_days_from_ce();
    (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

fn payment_day() -> impl Strategy<Value = PaymentDay> {
    prop_oneof![
        Just(PaymentDay::LastBankingDay),
        Just(PaymentDay::FirstBankingDay),
        (1u8..=31).prop_map(PaymentDay::DayOfMonth),
    ]
}

fn month_index(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

fn date_in_index(p: PaymentDay, index: i64) -> Option<NaiveDate> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12) + 1).ok()?;
    p.date_in(year, month)
}

/// Whether the payment of month `index` pays for a month overlapping the grant.
fn pays_within(plan: &PaymentPlan, index: i64, from: NaiveDate, end: Option<NaiveDate>) -> bool {
    let paid_for = index + i64::from(plan.in_advance);
    paid_for >= month_index(from) && end.is_none_or(|end| paid_for <= month_index(end))
}

/// Whether `date` is a payment date of the plan that pays within the grant, by looking at the
/// months whose payment could fall on it.
fn is_valid_payment(
    plan: &PaymentPlan,
    date: NaiveDate,
    from: NaiveDate,
    end: Option<NaiveDate>,
) -> bool {
    (month_index(date) - 1..=month_index(date) + 2).any(|m| {
        date_in_index(plan.payment_day, m) == Some(date) && pays_within(plan, m, from, end)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn easter_agrees_with_gauss(year in 1900i32..=2200) {
        let easter = easter_sunday(year).unwrap();
        prop_assert_eq!(easter, gauss_easter(year));
        prop_assert_eq!(easter.weekday(), Weekday::Sun);
        prop_assert!(easter >= NaiveDate::from_ymd_opt(year, 3, 22).unwrap());
        prop_assert!(easter <= NaiveDate::from_ymd_opt(year, 4, 25).unwrap());
    }

    #[test]
    fn closing_days_are_exactly_the_listed_ones(date in date_2000_2100()) {
        let listed = listed_closing_days(date.year()).contains(&date);
        prop_assert_eq!(is_closing_day(date), listed);
        prop_assert_eq!(is_banking_day(date), !listed && !is_weekend(date));
    }

    #[test]
    fn banking_day_searches(date in date_2000_2100()) {
        let before = banking_day_on_or_before(date).unwrap();
        let after = banking_day_on_or_after(date).unwrap();
        prop_assert!(is_banking_day(before) && is_banking_day(after));
        prop_assert!(!is_weekend(before) && !listed_closing_days(before.year()).contains(&before));
        prop_assert!(before <= date && date <= after);
        prop_assert_eq!(before == date, is_banking_day(date));
        prop_assert_eq!(after == date, is_banking_day(date));
        let mut d = before.succ_opt().unwrap();
        while d < after {
            prop_assert!(!is_banking_day(d), "banking day {} between {} and {}", d, before, after);
            d = d.succ_opt().unwrap();
        }
        prop_assert!((after - before).num_days() <= 6);
    }

    #[test]
    fn searches_never_panic(date in any_date()) {
        let _ = is_banking_day(date);
        if let Some(b) = banking_day_on_or_before(date) {
            prop_assert!(b <= date && is_banking_day(b));
        }
        if let Some(a) = banking_day_on_or_after(date) {
            prop_assert!(a >= date && is_banking_day(a));
        }
    }

    #[test]
    fn payment_day_dates(year in 2000i32..=2100, month in 1u32..=12, day in 1u8..=31) {
        let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
        let last = (28..=31).rev().find_map(|d| NaiveDate::from_ymd_opt(year, month, d)).unwrap();

        let nominal = NaiveDate::from_ymd_opt(year, month, u32::from(day).min(last.day())).unwrap();
        let dom = PaymentDay::DayOfMonth(day).date_in(year, month).unwrap();
        prop_assert!(is_banking_day(dom));
        prop_assert!(dom <= nominal);
        prop_assert!((nominal - dom).num_days() <= 6);
        // Nothing between the payment and the nominal day is a banking day.
        let mut d = dom.succ_opt().unwrap();
        while d <= nominal {
            prop_assert!(!is_banking_day(d));
            d = d.succ_opt().unwrap();
        }

        let lbd = PaymentDay::LastBankingDay.date_in(year, month).unwrap();
        prop_assert!(is_banking_day(lbd));
        prop_assert_eq!((lbd.year(), lbd.month()), (year, month));
        let mut d = lbd.succ_opt().unwrap();
        while d <= last {
            prop_assert!(!is_banking_day(d));
            d = d.succ_opt().unwrap();
        }

        let fbd = PaymentDay::FirstBankingDay.date_in(year, month).unwrap();
        prop_assert!(is_banking_day(fbd));
        prop_assert_eq!((fbd.year(), fbd.month()), (year, month));
        // At most the 6th: 1 April 2010 was Maundy Thursday, so the first banking day was the 6th.
        prop_assert!(fbd.day() <= 6);
        let mut d = first;
        while d < fbd {
            prop_assert!(!is_banking_day(d));
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn next_payment_is_the_first_valid_date(
        payment_day in payment_day(),
        in_advance in any::<bool>(),
        as_of in date_2000_2100(),
        from in date_2000_2100(),
        length in proptest::option::of(0u64..1500),
    ) {
        let plan = PaymentPlan { frequency: Frequency::Monthly, payment_day, in_advance };
        let end = length.map(|n| from + Days::new(n));
        let got = plan.next_payment_on_or_after(as_of, from, end);

        // Brute force over every month that could pay within the grant.
        let first = month_index(from) - 1 - 1;
        let last = match end {
            Some(end) => month_index(end) + 1,
            None => month_index(from).max(month_index(as_of)) + 3,
        };
        let expected = (first..=last)
            .filter(|&m| pays_within(&plan, m, from, end))
            .filter_map(|m| date_in_index(payment_day, m))
            .filter(|&d| d >= as_of)
            .min();
        prop_assert_eq!(got, expected);

        if let Some(date) = got {
            prop_assert!(date >= as_of);
            prop_assert!(is_banking_day(date));
            prop_assert!(is_valid_payment(&plan, date, from, end));
            // No earlier valid date in the preceding 70 days (from as_of on).
            let mut d = date;
            for _ in 0..70 {
                match d.pred_opt() {
                    Some(p) if p >= as_of => d = p,
                    _ => break,
                }
                prop_assert!(!is_valid_payment(&plan, d, from, end), "{} is valid before {}", d, date);
            }
        } else {
            // Only a grant that is over has no next payment.
            prop_assert!(end.is_some());
        }
        if end.is_none() {
            prop_assert!(got.is_some());
        }
    }

    #[test]
    fn next_payment_never_panics(
        payment_day in payment_day(),
        in_advance in any::<bool>(),
        as_of in any_date(),
        from in any_date(),
        end in proptest::option::of(any_date()),
    ) {
        let plan = PaymentPlan { frequency: Frequency::Monthly, payment_day, in_advance };
        if let Some(date) = plan.next_payment_on_or_after(as_of, from, end) {
            prop_assert!(date >= as_of && is_banking_day(date));
        }
    }

    #[test]
    fn date_in_never_panics(year in any::<i32>(), month in any::<u32>(), day in any::<u8>()) {
        for p in [PaymentDay::LastBankingDay, PaymentDay::FirstBankingDay, PaymentDay::DayOfMonth(day)] {
            if let Some(date) = p.date_in(year, month) {
                prop_assert!(is_banking_day(date));
            }
        }
        let _ = easter_sunday(year);
    }
}
