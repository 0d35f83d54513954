//! The default texts, per language, and Danish money formatting.

use crate::model::Language;

/// The default text for a status, outcome or notification code, or `None` for an
/// unknown code.
///
/// ```
/// use egensag::{texts::text, model::Language};
/// assert_eq!(text("in_progress", Language::Da), Some("Sagen behandles"));
/// assert_eq!(text("paying", Language::En), Some("The benefit is being paid"));
/// ```
pub fn text(code: &str, language: Language) -> Option<&'static str> {
    let (da, en) = match code {
        "received" => ("Sagen er modtaget", "Your case has been received"),
        "in_progress" => ("Sagen behandles", "Your case is being processed"),
        "awaiting_you" => (
            "Vi mangler oplysninger fra dig",
            "We are waiting for information from you",
        ),
        "decided" => ("Der er truffet afgørelse", "A decision has been made"),
        "closed" => ("Sagen er afsluttet", "Your case is closed"),
        "granted" => ("Ydelsen er bevilget", "The benefit has been granted"),
        "paying" => ("Ydelsen udbetales", "The benefit is being paid"),
        "stopped" => ("Udbetalingen er stoppet", "Payment has been stopped"),
        "ended" => ("Ydelsen er ophørt", "The benefit has ended"),
        "bevilget" => ("Du har fået bevilget", "Granted"),
        "delvist_bevilget" => ("Du har fået delvist bevilget", "Partly granted"),
        "afslag" => ("Du har fået afslag", "Refused"),
        "afvist" => ("Din ansøgning er afvist", "Rejected"),
        "case.new" => ("Du har en ny sag", "You have a new case"),
        "case.status_changed" => (
            "Status på din sag er ændret",
            "The status of your case has changed",
        ),
        "case.decided" => (
            "Der er truffet afgørelse i din sag",
            "A decision has been made in your case",
        ),
        "case.awaiting_you" => (
            "Vi mangler oplysninger fra dig i din sag",
            "We need information from you in your case",
        ),
        "benefit.new" => ("Du har fået en ny ydelse", "You have a new benefit"),
        "benefit.status_changed" => (
            "Status på din ydelse er ændret",
            "The status of your benefit has changed",
        ),
        "payment.new" => ("Du har fået en udbetaling", "You have received a payment"),
        "appointment.new" => ("Du har fået en ny aftale", "You have a new appointment"),
        "appointment.changed" => ("Din aftale er ændret", "Your appointment has changed"),
        "appointment.cancelled" => (
            "Din aftale er aflyst",
            "Your appointment has been cancelled",
        ),
        _ => return None,
    };
    Some(match language {
        Language::Da => da,
        Language::En => en,
    })
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
    fn every_status_code_has_both_languages() {
        for code in [
            "received",
            "in_progress",
            "awaiting_you",
            "decided",
            "closed",
            "granted",
            "paying",
            "stopped",
            "ended",
            "bevilget",
            "delvist_bevilget",
            "afslag",
            "afvist",
        ] {
            assert!(
                text(code, Language::Da).is_some() && text(code, Language::En).is_some(),
                "{code}"
            );
        }
        assert_eq!(
            text("afvist", Language::Da),
            Some("Din ansøgning er afvist")
        );
        assert_eq!(text("nonsense", Language::Da), None);
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
