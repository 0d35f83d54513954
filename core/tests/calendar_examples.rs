//! Worked examples of Danish banking days, payment days and payment plans.

use chrono::{Datelike, NaiveDate};
use egensag::calendar::{
    banking_day_on_or_after, banking_day_on_or_before, easter_sunday, is_banking_day,
    is_closing_day, Frequency, PaymentDay, PaymentPlan,
};

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn plan(payment_day: PaymentDay, in_advance: bool) -> PaymentPlan {
    PaymentPlan {
        frequency: Frequency::Monthly,
        payment_day,
        in_advance,
    }
}

#[test]
fn easter_for_known_years() {
    assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
    assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
    assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
    assert_eq!(easter_sunday(2000), Some(d(2000, 4, 23)));
    assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
    // Extremes of the date range: 22 March and 25 April.
    assert_eq!(easter_sunday(2285), Some(d(2285, 3, 22)));
    assert_eq!(easter_sunday(1943), Some(d(1943, 4, 25)));
    assert_eq!(easter_sunday(1954), Some(d(1954, 4, 18)));
    assert_eq!(easter_sunday(1981), Some(d(1981, 4, 19)));
}

#[test]
fn great_prayer_day_until_2023() {
    assert!(is_closing_day(d(2023, 5, 5)));
    assert!(!is_banking_day(d(2023, 5, 5)));
    assert!(is_closing_day(d(2022, 5, 13)));
    assert!(!is_closing_day(d(2024, 4, 26)));
    assert!(is_banking_day(d(2024, 4, 26)));
    assert!(!is_closing_day(d(2026, 5, 1)));
}

#[test]
fn closing_days_2026() {
    let mut day = d(2026, 1, 1);
    let mut closing = Vec::new();
    while day.year() == 2026 {
        if is_closing_day(day) {
            closing.push(day);
        }
        day = day.succ_opt().unwrap();
    }
    assert_eq!(
        closing,
        vec![
            d(2026, 1, 1),   // New Year's Day
            d(2026, 4, 2),   // Maundy Thursday
            d(2026, 4, 3),   // Good Friday
            d(2026, 4, 6),   // Easter Monday
            d(2026, 5, 14),  // Ascension Day
            d(2026, 5, 15),  // the Friday after
            d(2026, 5, 25),  // Whit Monday
            d(2026, 6, 5),   // Constitution Day
            d(2026, 12, 24), // Christmas Eve
            d(2026, 12, 25),
            d(2026, 12, 26),
            d(2026, 12, 31), // New Year's Eve
        ]
    );
}

#[test]
fn weekends_are_not_closing_days_but_not_banking_days() {
    assert!(!is_closing_day(d(2026, 4, 5))); // Easter Sunday
    assert!(!is_closing_day(d(2026, 5, 24))); // Whit Sunday
    assert!(!is_closing_day(d(2026, 5, 2))); // Saturday
    assert!(!is_banking_day(d(2026, 5, 2)));
    assert!(!is_banking_day(d(2026, 5, 3)));
    assert!(is_banking_day(d(2026, 5, 4)));
}

#[test]
fn searching_for_banking_days() {
    assert_eq!(banking_day_on_or_before(d(2026, 4, 6)), Some(d(2026, 4, 1)));
    assert_eq!(banking_day_on_or_after(d(2026, 4, 2)), Some(d(2026, 4, 7)));
    assert_eq!(
        banking_day_on_or_after(d(2026, 12, 24)),
        Some(d(2026, 12, 28))
    );
    assert_eq!(
        banking_day_on_or_before(d(2027, 1, 1)),
        Some(d(2026, 12, 30))
    );
    assert_eq!(
        banking_day_on_or_after(d(2026, 12, 31)),
        Some(d(2027, 1, 4))
    );
    assert_eq!(
        banking_day_on_or_before(d(2026, 6, 15)),
        Some(d(2026, 6, 15))
    );
}

#[test]
fn last_and_first_banking_days() {
    // 31 December 2026 is a Thursday but a closing day.
    assert_eq!(
        PaymentDay::LastBankingDay.date_in(2026, 12),
        Some(d(2026, 12, 30))
    );
    // 1 January 2027 is a closing day (Friday), then a weekend.
    assert_eq!(
        PaymentDay::FirstBankingDay.date_in(2027, 1),
        Some(d(2027, 1, 4))
    );
    // 1 May 2026 is an ordinary Friday (not a bank closing day).
    assert_eq!(
        PaymentDay::FirstBankingDay.date_in(2026, 5),
        Some(d(2026, 5, 1))
    );
    // 1 August 2026 is a Saturday.
    assert_eq!(
        PaymentDay::FirstBankingDay.date_in(2026, 8),
        Some(d(2026, 8, 3))
    );
    // May 2026 ends on a Sunday.
    assert_eq!(
        PaymentDay::LastBankingDay.date_in(2026, 5),
        Some(d(2026, 5, 29))
    );
    // April 2026: Easter is early in the month; the 30th is a Thursday.
    assert_eq!(
        PaymentDay::LastBankingDay.date_in(2026, 4),
        Some(d(2026, 4, 30))
    );
    // March 2024 ends on Easter Sunday, after Maundy Thursday and Good Friday.
    assert_eq!(
        PaymentDay::LastBankingDay.date_in(2024, 3),
        Some(d(2024, 3, 27))
    );
    // 1 April 2010 was Maundy Thursday: the first banking day of April was the 6th.
    assert_eq!(
        PaymentDay::FirstBankingDay.date_in(2010, 4),
        Some(d(2010, 4, 6))
    );
    // April 2024 starts on Easter Monday.
    assert_eq!(
        PaymentDay::FirstBankingDay.date_in(2024, 4),
        Some(d(2024, 4, 2))
    );
}

#[test]
fn day_of_month_beyond_the_months_end() {
    // 29 February 2028 is a Tuesday.
    assert_eq!(
        PaymentDay::DayOfMonth(31).date_in(2028, 2),
        Some(d(2028, 2, 29))
    );
    assert_eq!(
        PaymentDay::DayOfMonth(30).date_in(2028, 2),
        Some(d(2028, 2, 29))
    );
    // 28 February 2027 is a Sunday.
    assert_eq!(
        PaymentDay::DayOfMonth(31).date_in(2027, 2),
        Some(d(2027, 2, 26))
    );
    assert_eq!(
        PaymentDay::DayOfMonth(29).date_in(2027, 2),
        Some(d(2027, 2, 26))
    );
    // 30 June 2026 is a Tuesday.
    assert_eq!(
        PaymentDay::DayOfMonth(31).date_in(2026, 6),
        Some(d(2026, 6, 30))
    );
}

#[test]
fn day_of_month_rolls_back() {
    // 15 August 2026 is a Saturday.
    assert_eq!(
        PaymentDay::DayOfMonth(15).date_in(2026, 8),
        Some(d(2026, 8, 14))
    );
    // 16 August 2026 is a Sunday.
    assert_eq!(
        PaymentDay::DayOfMonth(16).date_in(2026, 8),
        Some(d(2026, 8, 14))
    );
    // Maundy Thursday, Good Friday, Easter Sunday and Easter Monday 2026 all go back to Wednesday 1 April.
    for day in 2..=6 {
        assert_eq!(
            PaymentDay::DayOfMonth(day).date_in(2026, 4),
            Some(d(2026, 4, 1)),
            "day {day}"
        );
    }
    assert_eq!(
        PaymentDay::DayOfMonth(7).date_in(2026, 4),
        Some(d(2026, 4, 7))
    );
    // Ascension Day and the Friday after (14–15 May 2026).
    assert_eq!(
        PaymentDay::DayOfMonth(15).date_in(2026, 5),
        Some(d(2026, 5, 13))
    );
    // 5 June 2026 (Friday).
    assert_eq!(
        PaymentDay::DayOfMonth(5).date_in(2026, 6),
        Some(d(2026, 6, 4))
    );
    // A banking day stays put.
    assert_eq!(
        PaymentDay::DayOfMonth(10).date_in(2026, 6),
        Some(d(2026, 6, 10))
    );
}

#[test]
fn day_of_month_rolls_back_across_month_ends() {
    // 1 November 2026 is a Sunday: back to Friday 30 October.
    assert_eq!(
        PaymentDay::DayOfMonth(1).date_in(2026, 11),
        Some(d(2026, 10, 30))
    );
    // 1 January is always closing; 31 December too: back to 30 December 2026.
    assert_eq!(
        PaymentDay::DayOfMonth(1).date_in(2027, 1),
        Some(d(2026, 12, 30))
    );
    // 1 April 2024 is Easter Monday: back over Easter to Wednesday 27 March.
    assert_eq!(
        PaymentDay::DayOfMonth(1).date_in(2024, 4),
        Some(d(2024, 3, 27))
    );
}

#[test]
fn day_zero_counts_as_one_and_bad_months_give_none() {
    assert_eq!(
        PaymentDay::DayOfMonth(0).date_in(2026, 6),
        PaymentDay::DayOfMonth(1).date_in(2026, 6)
    );
    assert_eq!(
        PaymentDay::DayOfMonth(255).date_in(2026, 6),
        Some(d(2026, 6, 30))
    );
    for p in [
        PaymentDay::LastBankingDay,
        PaymentDay::FirstBankingDay,
        PaymentDay::DayOfMonth(3),
    ] {
        assert_eq!(p.date_in(2026, 0), None);
        assert_eq!(p.date_in(2026, 13), None);
        assert_eq!(p.date_in(2026, u32::MAX), None);
    }
}

#[test]
fn next_payment_in_arrears_around_grant_start_and_end() {
    let p = plan(PaymentDay::LastBankingDay, false);
    let (from, to) = (d(2026, 3, 15), Some(d(2026, 6, 10)));
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 1, 1), from, to),
        Some(d(2026, 3, 31))
    );
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 3, 31), from, to),
        Some(d(2026, 3, 31))
    );
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 4, 1), from, to),
        Some(d(2026, 4, 30))
    );
    // June overlaps the grant, so it is paid at the end of June, after the grant's end.
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 6, 11), from, to),
        Some(d(2026, 6, 30))
    );
    assert_eq!(p.next_payment_on_or_after(d(2026, 7, 1), from, to), None);
    // Open-ended.
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 12, 1), from, None),
        Some(d(2026, 12, 30))
    );
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 12, 31), from, None),
        Some(d(2027, 1, 29))
    );
}

#[test]
fn next_payment_in_advance_around_grant_start_and_end() {
    let p = plan(PaymentDay::LastBankingDay, true);
    let (from, to) = (d(2026, 3, 15), Some(d(2026, 6, 10)));
    // March is paid at the end of February, before the grant starts.
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 1, 1), from, to),
        Some(d(2026, 2, 27))
    );
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 2, 28), from, to),
        Some(d(2026, 3, 31))
    );
    // June is paid at the end of May (31 May 2026 is a Sunday); nothing after.
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 5, 29), from, to),
        Some(d(2026, 5, 29))
    );
    assert_eq!(p.next_payment_on_or_after(d(2026, 5, 30), from, to), None);
    assert_eq!(p.next_payment_on_or_after(d(2026, 6, 1), from, to), None);

    let p = plan(PaymentDay::FirstBankingDay, true);
    // June is paid on Friday 1 May 2026; the payment on 1 June pays for July, outside a grant
    // ending in June.
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 4, 2), from, to),
        Some(d(2026, 5, 1))
    );
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 5, 1), from, to),
        Some(d(2026, 5, 1))
    );
    assert_eq!(p.next_payment_on_or_after(d(2026, 5, 2), from, to), None);
    // March is paid on the first banking day of February.
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 1, 1), from, to),
        Some(d(2026, 2, 2))
    );
    let p = plan(PaymentDay::FirstBankingDay, false);
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 5, 5), from, to),
        Some(d(2026, 6, 1))
    );
    assert_eq!(p.next_payment_on_or_after(d(2026, 6, 2), from, to), None);
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 1, 1), from, to),
        Some(d(2026, 3, 2))
    );
}

#[test]
fn next_payment_when_day_of_month_rolls_into_the_previous_month() {
    let p = plan(PaymentDay::DayOfMonth(1), false);
    let from = d(2026, 1, 1);
    // November's payment falls on 30 October.
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 10, 2), from, None),
        Some(d(2026, 10, 30))
    );
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 10, 31), from, None),
        Some(d(2026, 12, 1))
    );
    // January 2027's payment is on 30 December 2026, so from 31 December the next is February's.
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 12, 30), from, None),
        Some(d(2026, 12, 30))
    );
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 12, 31), from, None),
        Some(d(2027, 2, 1))
    );
    // A grant from November 2026 is first paid on 30 October 2026.
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 9, 1), d(2026, 11, 1), None),
        Some(d(2026, 10, 30))
    );
    // A grant ending in October 2026 is not paid on 30 October (that pays for November).
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 10, 2), from, Some(d(2026, 10, 31))),
        None
    );
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 10, 1), from, Some(d(2026, 10, 31))),
        Some(d(2026, 10, 1))
    );
}

#[test]
fn next_payment_for_a_grant_starting_far_ahead_or_empty() {
    let p = plan(PaymentDay::LastBankingDay, false);
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 1, 1), d(2030, 7, 15), None),
        Some(d(2030, 7, 31))
    );
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 1, 1), d(2026, 5, 1), Some(d(2026, 4, 30))),
        None
    );
    // A one-day grant is paid for its month.
    assert_eq!(
        p.next_payment_on_or_after(d(2026, 1, 1), d(2026, 2, 10), Some(d(2026, 2, 10))),
        Some(d(2026, 2, 27))
    );
    // Long over.
    assert_eq!(
        p.next_payment_on_or_after(d(2050, 1, 1), d(2026, 1, 1), Some(d(2026, 12, 31))),
        None
    );
}

#[test]
fn nothing_panics_at_the_limits_of_the_date_range() {
    let limits = [
        NaiveDate::MIN,
        NaiveDate::MAX,
        NaiveDate::MIN.succ_opt().unwrap(),
        NaiveDate::MAX.pred_opt().unwrap(),
    ];
    for year in [
        i32::MIN,
        i32::MAX,
        NaiveDate::MIN.year(),
        NaiveDate::MAX.year(),
        0,
        -1,
    ] {
        let _ = easter_sunday(year);
        for month in [0, 1, 2, 12, 13] {
            for p in [
                PaymentDay::LastBankingDay,
                PaymentDay::FirstBankingDay,
                PaymentDay::DayOfMonth(1),
            ] {
                let _ = p.date_in(year, month);
            }
        }
    }
    assert_eq!(easter_sunday(i32::MAX), None);
    assert_eq!(easter_sunday(i32::MIN), None);
    for &date in &limits {
        let _ = is_closing_day(date);
        let _ = is_banking_day(date);
        let _ = banking_day_on_or_before(date);
        let _ = banking_day_on_or_after(date);
        for &other in &limits {
            for in_advance in [false, true] {
                for pd in [
                    PaymentDay::LastBankingDay,
                    PaymentDay::FirstBankingDay,
                    PaymentDay::DayOfMonth(31),
                ] {
                    let p = plan(pd, in_advance);
                    let _ = p.next_payment_on_or_after(date, other, None);
                    let _ = p.next_payment_on_or_after(date, other, Some(date));
                    let _ = p.next_payment_on_or_after(date, date, Some(other));
                }
            }
        }
    }
    // 31 December of the last year is a closing day, and there is no later day.
    assert_eq!(banking_day_on_or_after(NaiveDate::MAX), None);
}
