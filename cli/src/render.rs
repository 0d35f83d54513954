//! The readable output: a title line and a table per section, in Danish or English. The
//! record texts (titles, statuses, next steps) are the library's, in the request's
//! language; only the headings and labels are this tool's.

use crate::input::SourceProblem;
use crate::table::Table;
use chrono::Timelike;
use egensag::actions::Action;
use egensag::model::{ActivityStatus, AppointmentKind, Language, PaymentStatus, Role};
use egensag::represented::Represented;
use egensag::texts::{format_money, long_date};
use egensag::{Explanation, Notifications, Overview, ValidationReport};

/// `da` or `en`, by the language.
fn t(language: Language, da: &'static str, en: &'static str) -> &'static str {
    match language {
        Language::Da => da,
        Language::En => en,
    }
}

fn role(r: Role, language: Language) -> &'static str {
    match r {
        Role::Myself => t(language, "dig selv", "yourself"),
        Role::Proxy => t(language, "fuldmagtshaver", "proxy"),
        Role::Guardian => t(language, "værge", "guardian"),
        Role::Parent => t(language, "forælder", "parent"),
        Role::Relative => t(language, "pårørende", "relative"),
    }
}

fn yes_no(yes: bool, language: Language) -> &'static str {
    match yes {
        true => t(language, "ja", "yes"),
        false => t(language, "nej", "no"),
    }
}

fn actions(actions: &[Action]) -> String {
    let codes: Vec<&str> = actions.iter().map(|a| a.as_str()).collect();
    codes.join(", ")
}

/// A section: its heading, then its table or the "none" line.
fn section(out: &mut String, heading: &str, table: &Table, none: &str) {
    out.push('\n');
    out.push_str(heading);
    out.push('\n');
    if table.is_empty() {
        out.push_str("  ");
        out.push_str(none);
        out.push('\n');
    } else {
        table.render(out);
    }
}

/// The overview: cases, plans, benefits and debt, appointments.
pub fn overview(o: &Overview) -> String {
    let l = o.language;
    let mut out = format!(
        "{} {} {} {} ({} {})\n",
        t(l, "Overblik for", "Overview for"),
        o.subject,
        t(l, "pr.", "on"),
        long_date(o.as_of, l),
        t(l, "set som", "viewed as"),
        role(o.viewer_role, l)
    );

    let mut cases = Table::new(&[
        t(l, "Sag", "Case"),
        t(l, "Titel", "Title"),
        t(l, "Område", "Area"),
        "Status",
        t(l, "Siden", "Since"),
        t(l, "Næste skridt", "Next step"),
        t(l, "Du kan", "You may"),
    ]);
    for case in &o.cases {
        let s = &case.status;
        let mut next: Vec<String> = s.outcome_text.iter().cloned().collect();
        for item in &s.awaiting {
            next.push(match item.deadline {
                Some(d) => format!(
                    "{}, {} {}",
                    item.what,
                    t(l, "frist", "due"),
                    long_date(d, l)
                ),
                None => item.what.clone(),
            });
        }
        if let Some(by) = s.expected_decision_by {
            let late = if s.overdue == Some(true) {
                t(l, " (overskredet)", " (overdue)")
            } else {
                ""
            };
            next.push(format!(
                "{} {}{late}",
                t(l, "afgørelse senest", "decision by"),
                long_date(by, l)
            ));
        }
        cases.row(vec![
            case.id.clone(),
            case.title.clone(),
            case.area
                .title
                .clone()
                .unwrap_or_else(|| case.area.number.clone()),
            s.text.clone(),
            long_date(s.since, l),
            next.join("; "),
            actions(&case.actions),
        ]);
    }
    section(
        &mut out,
        t(l, "Mine sager", "My cases"),
        &cases,
        t(l, "Ingen sager.", "No cases."),
    );

    let mut plans = Table::new(&[
        "Plan",
        t(l, "Titel", "Title"),
        "Status",
        t(l, "Mål nået", "Goals achieved"),
        t(l, "Nu og næste", "Now and next"),
        t(l, "Næste opfølgning", "Next follow-up"),
        t(l, "Du kan", "You may"),
    ]);
    for plan in &o.plans {
        let activities: Vec<String> = plan
            .activities
            .iter()
            .filter_map(|a| {
                let when = if a.current {
                    t(l, "nu", "now")
                } else if a.from > o.as_of
                    && matches!(a.status, ActivityStatus::Planned | ActivityStatus::Ongoing)
                {
                    t(l, "næste", "next")
                } else {
                    return None;
                };
                Some(format!("{when}: {}", a.text))
            })
            .collect();
        let follow_up = plan.next_follow_up.map(|d| {
            let late = if plan.follow_up_overdue == Some(true) {
                t(l, " (overskredet)", " (overdue)")
            } else {
                ""
            };
            format!("{}{late}", long_date(d, l))
        });
        let mut status = plan.status.text.clone();
        if plan.awaiting_approval {
            status.push_str(t(l, "; venter på godkendelse", "; awaiting approval"));
        }
        plans.row(vec![
            plan.id.clone(),
            plan.title.clone(),
            status,
            format!(
                "{} {} {}",
                plan.goals_achieved,
                t(l, "af", "of"),
                plan.goals_total
            ),
            activities.join("; "),
            follow_up.unwrap_or_default(),
            actions(&plan.actions),
        ]);
    }
    section(
        &mut out,
        t(l, "Mine planer", "My plans"),
        &plans,
        t(l, "Ingen planer.", "No plans."),
    );

    let mut benefits = Table::new(&[
        t(l, "Ydelse", "Benefit"),
        "Status",
        t(l, "Næste udbetaling", "Next payment"),
        t(l, "Beløb", "Amount"),
        t(l, "Udbetalinger", "Payments"),
        t(l, "Udbetalt i alt", "Paid in total"),
        t(l, "Gæld", "Debt"),
        t(l, "Udbetales af", "Paid by"),
        t(l, "Du kan", "You may"),
    ]);
    for b in &o.benefits {
        let next = b.status.next_payment.as_ref();
        let paid = b
            .payments
            .iter()
            .filter(|p| p.status == PaymentStatus::Paid)
            .count();
        benefits.row(vec![
            b.name.clone(),
            b.status.text.clone(),
            next.map(|n| long_date(n.date, l)).unwrap_or_default(),
            next.and_then(|n| n.net_ore.or(n.gross_ore))
                .map(format_money)
                .unwrap_or_default(),
            if paid > 0 {
                paid.to_string()
            } else {
                String::new()
            },
            if b.paid_total_ore > 0 {
                format_money(b.paid_total_ore)
            } else {
                String::new()
            },
            b.debt_ore
                .filter(|d| *d > 0)
                .map(format_money)
                .unwrap_or_default(),
            b.payer.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
            actions(&b.actions),
        ]);
    }
    section(
        &mut out,
        t(l, "Ydelser og gæld", "Benefits and debt"),
        &benefits,
        t(l, "Ingen ydelser.", "No benefits."),
    );
    let too_large = t(l, "(for stort til at vise)", "(too large to show)");
    let mut totals = Table::new(&[t(l, "År", "Year"), t(l, "Udbetalt", "Paid")]);
    for year in &o.totals.paid_by_year {
        let amount = year
            .net_ore
            .map_or_else(|| too_large.to_owned(), format_money);
        totals.row(vec![year.year.to_string(), amount]);
    }
    if !totals.is_empty() {
        out.push('\n');
        totals.render(&mut out);
    }
    let debt = if o.totals.debt_overflow {
        Some(too_large.to_owned())
    } else {
        o.totals.debt_ore.filter(|d| *d > 0).map(format_money)
    };
    if let Some(debt) = debt {
        out.push_str(&format!(
            "  {}: {debt}\n",
            t(l, "Gæld til kommunen", "Debt to the municipality")
        ));
    }

    let mut appointments = Table::new(&[
        t(l, "Dato", "Date"),
        t(l, "Tid", "Time"),
        t(l, "Type", "Kind"),
        t(l, "Med", "With"),
        t(l, "Sted", "Place"),
        t(l, "Om", "About"),
        "Status",
        t(l, "Du kan", "You may"),
    ]);
    for a in &o.appointments {
        let kind = match a.kind {
            AppointmentKind::HomeVisit => t(l, "Besøg i hjemmet", "Home visit"),
            AppointmentKind::Phone => t(l, "Telefonsamtale", "Phone call"),
            AppointmentKind::Video => t(l, "Videomøde", "Video meeting"),
            AppointmentKind::Meeting => t(l, "Møde", "Meeting"),
        };
        appointments.row(vec![
            long_date(a.start.date_naive(), l),
            format!(
                "{:02}.{:02}–{:02}.{:02}",
                a.start.hour(),
                a.start.minute(),
                a.end.hour(),
                a.end.minute()
            ),
            kind.to_owned(),
            a.with_role.clone(),
            a.place.clone().unwrap_or_default(),
            a.what.join(", "),
            if a.cancelled {
                t(l, "AFLYST", "CANCELLED").to_owned()
            } else {
                String::new()
            },
            actions(&a.actions),
        ]);
    }
    section(
        &mut out,
        t(l, "Aftaler", "Appointments"),
        &appointments,
        t(l, "Ingen kommende aftaler.", "No upcoming appointments."),
    );
    out
}

/// The explanation: one row per input record.
pub fn explanation(e: &Explanation, l: Language) -> String {
    let mut out = format!(
        "{} {} ({} {}, {} {})\n",
        t(l, "Forklaring pr.", "Explanation on"),
        long_date(e.as_of, l),
        t(l, "politik", "policy"),
        e.policy,
        t(l, "set som", "viewed as"),
        role(e.viewer_role, l)
    );
    let mut table = Table::new(&[
        t(l, "Type", "Kind"),
        t(l, "Kilde", "Source"),
        "Id",
        t(l, "Vises", "Shown"),
        t(l, "Begrundelser", "Reasons"),
        t(l, "Regler", "Rules"),
        t(l, "Handlinger", "Actions"),
    ]);
    for entry in &e.entries {
        let reasons: Vec<&str> = entry.reasons.iter().map(|r| r.as_str()).collect();
        let rules: Vec<String> = entry.rules.iter().map(ToString::to_string).collect();
        let checks: Vec<String> = entry
            .actions
            .iter()
            .map(|c| {
                let why: Vec<&str> = c.reasons.iter().map(|r| r.as_str()).collect();
                let no = t(l, "nej", "no");
                match (c.allowed, why.is_empty()) {
                    (true, _) => c.action.as_str().to_owned(),
                    (false, true) => format!("{}: {no}", c.action.as_str()),
                    (false, false) => format!("{}: {no} ({})", c.action.as_str(), why.join(", ")),
                }
            })
            .collect();
        table.row(vec![
            entry.kind.as_str().to_owned(),
            entry.source.clone(),
            entry.id.clone(),
            yes_no(entry.visible, l).to_owned(),
            reasons.join(", "),
            rules.join(", "),
            checks.join("; "),
        ]);
    }
    section(
        &mut out,
        t(l, "Poster", "Records"),
        &table,
        t(l, "Ingen poster.", "No records."),
    );
    out
}

/// The validation report, and what the index readers could not read.
pub fn validation(report: &ValidationReport, sources: &[SourceProblem], l: Language) -> String {
    let count = report.problems.len() + sources.len();
    let mut out = if count == 0 {
        t(
            l,
            "Eksporten er gyldig: ingen poster skjules for en kildes fejl.\n",
            "The export is valid: no record is hidden for a source's mistake.\n",
        )
        .to_owned()
    } else {
        format!(
            "{} {count} {}\n",
            t(l, "Eksporten har", "The export has"),
            match count {
                1 => t(
                    l,
                    "problem: posten skjules.",
                    "problem: the record is hidden."
                ),
                _ => t(
                    l,
                    "problemer: posterne skjules.",
                    "problems: the records are hidden."
                ),
            }
        )
    };
    let headers = [
        t(l, "Kode", "Code"),
        t(l, "Sti", "Path"),
        t(l, "Besked", "Message"),
    ];
    let mut table = Table::new(&headers);
    for p in &report.problems {
        table.row(vec![
            p.code.as_str().to_owned(),
            p.path.clone(),
            p.message.clone(),
        ]);
    }
    if !table.is_empty() {
        section(&mut out, t(l, "Forespørgslen", "The request"), &table, "");
    }
    let mut read = Table::new(&[t(l, "Fil", "File"), headers[0], headers[1], headers[2]]);
    for p in sources {
        read.row(vec![
            p.file.clone(),
            p.code.clone(),
            p.path.clone(),
            p.message.clone(),
        ]);
    }
    if !read.is_empty() {
        section(
            &mut out,
            t(l, "Indeksdokumenterne", "The index documents"),
            &read,
            "",
        );
    }
    out
}

/// The notifications between two overviews.
pub fn notifications(n: &Notifications, l: Language) -> String {
    let mut out = format!(
        "{} {} {} {}\n",
        t(l, "Nyt fra", "New from"),
        long_date(n.since, l),
        t(l, "til", "to"),
        long_date(n.as_of, l)
    );
    let mut table = Table::new(&[
        t(l, "Kode", "Code"),
        t(l, "Post", "Record"),
        t(l, "Titel", "Title"),
        t(l, "Tekst", "Text"),
    ]);
    for item in &n.notifications {
        let mut record = format!("{} {}", item.record.kind.as_str(), item.record.id);
        if let Some(payment) = &item.record.payment_id {
            record.push_str(&format!(" / {payment}"));
        }
        table.row(vec![
            item.code.as_str().to_owned(),
            record,
            item.title.clone(),
            item.text.clone(),
        ]);
    }
    section(
        &mut out,
        t(l, "Notifikationer", "Notifications"),
        &table,
        t(l, "Intet nyt.", "Nothing new."),
    );
    out
}

/// Whom the viewer may act for.
pub fn represented(list: &Represented, l: Language) -> String {
    let mut out = format!(
        "{} ({})\n",
        t(l, "Du kan handle for", "You may act for"),
        long_date(list.as_of, l)
    );
    let mut table = Table::new(&[
        t(l, "Borger", "Citizen"),
        t(l, "Som", "As"),
        t(l, "Fuldmagt", "Mandate"),
        t(l, "Til og med", "Until"),
    ]);
    for entry in &list.represented {
        let as_role = match entry.role {
            Role::Proxy => t(l, "fuldmagt", "proxy"),
            Role::Guardian => t(l, "værgemål", "guardian"),
            Role::Parent => t(l, "forældremyndighed", "parent"),
            other => other.as_str(),
        };
        table.row(vec![
            entry.subject.clone(),
            as_role.to_owned(),
            entry.mandate_id.clone(),
            entry.valid_to.map(|d| long_date(d, l)).unwrap_or_default(),
        ]);
    }
    section(
        &mut out,
        t(l, "Fuldmagter og roller", "Mandates and roles"),
        &table,
        t(l, "Ingen.", "No one."),
    );
    out
}
