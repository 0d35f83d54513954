//! The default texts, per language, long dates in either language, and Danish money
//! formatting.
//!
//! Every code a citizen reads a text for has a `text(language)` method here, an
//! exhaustive match: a new code does not compile until it has a Danish and an English text.

use crate::model::{Language, Outcome};
use crate::notifications::NotificationCode;
use crate::plans::{GoalStatusCode, PlanStatusCode};
use crate::status::{BenefitStatusCode, CaseStatusCode};
use chrono::{Datelike, NaiveDate};

/// A text in both languages.
struct Texts {
    da: &'static str,
    en: &'static str,
}

impl Texts {
    /// The text in `language`.
    fn get(&self, language: Language) -> &'static str {
        match language {
            Language::Da => self.da,
            Language::En => self.en,
        }
    }
}

impl CaseStatusCode {
    /// The default text of a case status.
    ///
    /// ```
    /// use egensag::{model::Language, status::CaseStatusCode};
    /// assert_eq!(CaseStatusCode::InProgress.text(Language::Da), "Sagen behandles");
    /// ```
    pub fn text(self, language: Language) -> &'static str {
        let (da, en) = match self {
            CaseStatusCode::Received => ("Sagen er modtaget", "Your case has been received"),
            CaseStatusCode::InProgress => ("Sagen behandles", "Your case is being processed"),
            CaseStatusCode::AwaitingYou => (
                "Vi mangler oplysninger fra dig",
                "We are waiting for information from you",
            ),
            CaseStatusCode::Decided => ("Der er truffet afgørelse", "A decision has been made"),
            CaseStatusCode::Closed => ("Sagen er afsluttet", "Your case is closed"),
        };
        Texts { da, en }.get(language)
    }
}

impl BenefitStatusCode {
    /// The default text of a benefit status.
    ///
    /// ```
    /// use egensag::{model::Language, status::BenefitStatusCode};
    /// assert_eq!(BenefitStatusCode::Paying.text(Language::En), "The benefit is being paid");
    /// ```
    pub fn text(self, language: Language) -> &'static str {
        let (da, en) = match self {
            BenefitStatusCode::Granted => ("Ydelsen er bevilget", "The benefit has been granted"),
            BenefitStatusCode::Paying => ("Ydelsen udbetales", "The benefit is being paid"),
            BenefitStatusCode::Stopped => ("Udbetalingen er stoppet", "Payment has been stopped"),
            BenefitStatusCode::Ended => ("Ydelsen er ophørt", "The benefit has ended"),
        };
        Texts { da, en }.get(language)
    }
}

impl Outcome {
    /// The default text of a decision's outcome.
    ///
    /// ```
    /// use egensag::model::{Language, Outcome};
    /// assert_eq!(Outcome::Afvist.text(Language::Da), "Din ansøgning er afvist");
    /// ```
    pub fn text(self, language: Language) -> &'static str {
        let (da, en) = match self {
            Outcome::Bevilget => ("Du har fået bevilget", "Granted"),
            Outcome::DelvistBevilget => ("Du har fået delvist bevilget", "Partly granted"),
            Outcome::Afslag => ("Du har fået afslag", "Refused"),
            Outcome::Afvist => ("Din ansøgning er afvist", "Rejected"),
        };
        Texts { da, en }.get(language)
    }
}

impl NotificationCode {
    /// The default text of a notification (for `payment.new`, the amount follows it).
    ///
    /// ```
    /// use egensag::{model::Language, notifications::NotificationCode};
    /// assert_eq!(NotificationCode::CaseNew.text(Language::En), "You have a new case");
    /// ```
    pub fn text(self, language: Language) -> &'static str {
        let (da, en) = match self {
            NotificationCode::CaseNew => ("Du har en ny sag", "You have a new case"),
            NotificationCode::CaseStatusChanged => (
                "Status på din sag er ændret",
                "The status of your case has changed",
            ),
            NotificationCode::CaseDecided => (
                "Der er truffet afgørelse i din sag",
                "A decision has been made in your case",
            ),
            NotificationCode::CaseAwaitingYou => (
                "Vi mangler oplysninger fra dig i din sag",
                "We need information from you in your case",
            ),
            NotificationCode::BenefitNew => ("Du har fået en ny ydelse", "You have a new benefit"),
            NotificationCode::BenefitStatusChanged => (
                "Status på din ydelse er ændret",
                "The status of your benefit has changed",
            ),
            NotificationCode::PaymentNew => {
                ("Du har fået en udbetaling", "You have received a payment")
            }
            NotificationCode::AppointmentNew => {
                ("Du har fået en ny aftale", "You have a new appointment")
            }
            NotificationCode::AppointmentChanged => {
                ("Din aftale er ændret", "Your appointment has changed")
            }
            NotificationCode::AppointmentCancelled => (
                "Din aftale er aflyst",
                "Your appointment has been cancelled",
            ),
            NotificationCode::PlanNew => ("Du har fået en ny plan", "You have a new plan"),
            NotificationCode::PlanGoalChanged => (
                "Et mål i din plan er ændret",
                "A goal in your plan has changed",
            ),
            NotificationCode::PlanActivityNew => (
                "Der er en ny aktivitet i din plan",
                "There is a new activity in your plan",
            ),
            NotificationCode::PlanFollowUpChanged => (
                "Opfølgningen på din plan er flyttet",
                "The follow-up on your plan has moved",
            ),
            NotificationCode::ReminderDeadline => (
                "Husk at svare inden fristen",
                "Remember to answer before the deadline",
            ),
        };
        Texts { da, en }.get(language)
    }
}

impl PlanStatusCode {
    /// The default text of a plan status.
    ///
    /// ```
    /// use egensag::{model::Language, plans::PlanStatusCode};
    /// assert_eq!(PlanStatusCode::Upcoming.text(Language::En), "The plan has not started yet");
    /// ```
    pub fn text(self, language: Language) -> &'static str {
        let (da, en) = match self {
            PlanStatusCode::Upcoming => (
                "Planen er ikke startet endnu",
                "The plan has not started yet",
            ),
            PlanStatusCode::Active => ("Planen er i gang", "The plan is in progress"),
            PlanStatusCode::Ended => ("Planen er afsluttet", "The plan has ended"),
        };
        Texts { da, en }.get(language)
    }
}

impl GoalStatusCode {
    /// The default text of a goal status.
    ///
    /// ```
    /// use egensag::{model::Language, plans::GoalStatusCode};
    /// assert_eq!(GoalStatusCode::Cancelled.text(Language::Da), "Målet er opgivet");
    /// ```
    pub fn text(self, language: Language) -> &'static str {
        let (da, en) = match self {
            GoalStatusCode::Active => ("Målet arbejdes der på", "Being worked on"),
            GoalStatusCode::Achieved => ("Målet er nået", "Achieved"),
            GoalStatusCode::NotAchieved => ("Målet blev ikke nået", "Not achieved"),
            GoalStatusCode::Cancelled => ("Målet er opgivet", "Cancelled"),
        };
        Texts { da, en }.get(language)
    }
}

/// The months' names, January first: Danish (lower case) and English.
const MONTHS: [(&str, &str); 12] = [
    ("januar", "January"),
    ("februar", "February"),
    ("marts", "March"),
    ("april", "April"),
    ("maj", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("august", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("december", "December"),
];

/// A date written out in `language`: `23. november 2026` in Danish (a full stop after
/// the day, the month in lower case), `23 November 2026` in English.
///
/// ```
/// use chrono::NaiveDate;
/// use egensag::{model::Language, texts::long_date};
/// let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// assert_eq!(long_date(day, Language::Da), "23. november 2026");
/// assert_eq!(long_date(day, Language::En), "23 November 2026");
/// let day = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
/// assert_eq!(long_date(day, Language::Da), "5. januar 2027");
/// ```
pub fn long_date(date: NaiveDate, language: Language) -> String {
    let after_day = match language {
        Language::Da => ". ",
        Language::En => " ",
    };
    // `month0` is always below 12.
    let month = MONTHS
        .get(date.month0() as usize)
        .map(|&(da, en)| Texts { da, en }.get(language))
        .unwrap_or_default();
    format!("{}{after_day}{month} {}", date.day(), date.year())
}

/// Formats an amount in øre the Danish way: `12.345,50 kr.`
///
/// ```
/// use egensag::texts::format_money;
/// assert_eq!(format_money(1_234_550), "12.345,50 kr.");
/// assert_eq!(format_money(5), "0,05 kr.");
/// assert_eq!(format_money(-100_000_000), "-1.000.000,00 kr.");
/// ```
pub fn format_money(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    let abs = ore.unsigned_abs();
    let kroner = (abs / 100).to_string();
    let mut grouped = String::with_capacity(kroner.len() + kroner.len() / 3);
    for (i, digit) in kroner.chars().enumerate() {
        if i > 0 && (kroner.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped},{:02} kr.", abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_month_has_its_own_name_in_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for month in 1..=12 {
            let day = NaiveDate::from_ymd_opt(2026, month, 1).unwrap();
            let da = long_date(day, Language::Da);
            let en = long_date(day, Language::En);
            let da_name = da.strip_prefix("1. ").and_then(|r| r.strip_suffix(" 2026"));
            let en_name = en.strip_prefix("1 ").and_then(|r| r.strip_suffix(" 2026"));
            for name in [da_name, en_name] {
                let name = name.unwrap();
                assert!(name.len() >= 3, "{name}");
                assert!(seen.insert(name.to_owned()), "{name} twice");
            }
        }
        assert!(seen.contains("marts") && seen.contains("March"));
    }

    #[test]
    fn every_code_has_a_text_in_both_languages() {
        let texts = CaseStatusCode::ALL
            .iter()
            .map(|c| (c.text(Language::Da), c.text(Language::En)))
            .chain(
                BenefitStatusCode::ALL
                    .iter()
                    .map(|c| (c.text(Language::Da), c.text(Language::En))),
            )
            .chain(
                NotificationCode::ALL
                    .iter()
                    .map(|c| (c.text(Language::Da), c.text(Language::En))),
            )
            .chain(
                PlanStatusCode::ALL
                    .iter()
                    .map(|c| (c.text(Language::Da), c.text(Language::En))),
            )
            .chain(
                GoalStatusCode::ALL
                    .iter()
                    .map(|c| (c.text(Language::Da), c.text(Language::En))),
            )
            .chain(
                Outcome::ALL
                    .iter()
                    .map(|c| (c.text(Language::Da), c.text(Language::En))),
            );
        for (da, en) in texts {
            assert!(!da.is_empty() && !en.is_empty() && da != en, "{da} / {en}");
        }
        assert_eq!(
            Outcome::Afvist.text(Language::Da),
            "Din ansøgning er afvist"
        );
        assert_eq!(Outcome::Afvist.text(Language::En), "Rejected");
    }

    proptest! {
        #[test]
        fn money_round_trips_through_its_digits(ore in any::<i64>()) {
            let text = format_money(ore);
            prop_assert!(text.ends_with(" kr."));
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            prop_assert_eq!(digits.parse::<u128>().unwrap(), u128::from(ore.unsigned_abs()));
            prop_assert_eq!(text.starts_with('-'), ore < 0);
        }
    }
}
