//! Notifications: what changed between two overviews of the same subject. A record
//! that leaves the overview produces nothing: its absence must not reveal why.

use crate::codes::codes;
use crate::error::Error;
use crate::explanation::ItemKind;
use crate::model::Language;
use crate::overview::{AppointmentView, BenefitView, CaseView, Overview};
use crate::status::CaseStatusCode;
use crate::texts::format_money;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The notifications since an earlier overview.
///
/// ```
/// let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
/// let before = engine.overview_json(r#"{"as_of": "2026-11-01", "subject": {"cpr": "0101901234"},
///   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
/// let after = engine.overview_json(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
///   "viewer": {"cpr": "0101901234", "role": "self"},
///   "cases": [{"id": "S-1", "source": "KSD", "title": "Sygedagpenge", "kle": "32.30.04",
///              "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-11-20"}]}"#).unwrap();
/// let n = engine.notifications_json(&before, &after).unwrap();
/// assert!(n.contains(r#""code":"case.new""#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notifications {
    /// The earlier overview's day.
    pub since: NaiveDate,
    /// The later overview's day.
    pub as_of: NaiveDate,
    /// What changed: cases, then benefits and their payments, then appointments, each in
    /// the later overview's order.
    pub notifications: Vec<Notification>,
}

/// One change.
///
/// ```
/// let code = egensag::notifications::NotificationCode::PaymentNew;
/// assert_eq!(code.as_str(), "payment.new");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notification {
    /// What happened.
    pub code: NotificationCode,
    /// The record it happened to.
    pub record: NotifiedRecord,
    /// The record's title as the overview shows it (case title, benefit name, appointment role).
    pub title: String,
    /// A short text in the overview's language.
    pub text: String,
}

/// The record a notification is about.
///
/// ```
/// let r = egensag::notifications::NotifiedRecord { kind: egensag::explanation::ItemKind::Case,
///     source: "KSD".into(), id: "S-1".into(), payment_id: None };
/// assert_eq!(r.id, "S-1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotifiedRecord {
    /// Case, benefit or appointment.
    pub kind: ItemKind,
    /// Source system.
    pub source: String,
    /// Id.
    pub id: String,
    /// For `payment.new`: the payment's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_id: Option<String>,
}

codes! {
    /// The kinds of change.
    ///
    /// ```
    /// assert_eq!(serde_json::to_string(&egensag::notifications::NotificationCode::CaseDecided).unwrap(), "\"case.decided\"");
    /// ```
    #[non_exhaustive]
    pub enum NotificationCode {
        /// A case appeared.
        CaseNew = "case.new",
        /// A case's status changed (other than to decided or awaiting you).
        CaseStatusChanged = "case.status_changed",
        /// A case was decided.
        CaseDecided = "case.decided",
        /// A case now waits for the citizen.
        CaseAwaitingYou = "case.awaiting_you",
        /// A benefit appeared.
        BenefitNew = "benefit.new",
        /// A benefit's status changed.
        BenefitStatusChanged = "benefit.status_changed",
        /// A payment was paid.
        PaymentNew = "payment.new",
        /// An appointment appeared.
        AppointmentNew = "appointment.new",
        /// An appointment's time, place, kind, role or tasks changed.
        AppointmentChanged = "appointment.changed",
        /// An appointment was cancelled.
        AppointmentCancelled = "appointment.cancelled",
    }
}

/// The notifications from `previous` to `current`. Both must be of the same subject,
/// seen in the same role, and `current` must not be older.
///
/// ```
/// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
/// # let o = engine.overview_json(r#"{"as_of": "2026-11-01", "subject": {"cpr": "0101901234"},
/// #   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
/// let o: egensag::Overview = serde_json::from_str(&o).unwrap();
/// assert!(egensag::notifications::notifications(&o, &o).unwrap().notifications.is_empty());
/// ```
pub fn notifications(previous: &Overview, current: &Overview) -> Result<Notifications, Error> {
    if previous.subject != current.subject || previous.viewer_role != current.viewer_role {
        return Err(Error::input(
            "previous",
            "expected an overview of the same subject seen in the same role",
        ));
    }
    if current.as_of < previous.as_of {
        return Err(Error::input(
            "current.as_of",
            "expected a day on or after the previous overview's",
        ));
    }
    let mut out = Notifier {
        language: current.language,
        list: Vec::new(),
    };
    out.cases(&previous.cases, &current.cases);
    out.benefits(&previous.benefits, &current.benefits);
    out.appointments(&previous.appointments, &current.appointments);
    Ok(Notifications {
        since: previous.as_of,
        as_of: current.as_of,
        notifications: out.list,
    })
}

/// Collects notifications in order.
struct Notifier {
    language: Language,
    list: Vec<Notification>,
}

/// Looks records up by (source, id).
fn index<'a, T>(
    items: &'a [T],
    key: impl Fn(&'a T) -> (&'a str, &'a str),
) -> HashMap<(&'a str, &'a str), &'a T> {
    items.iter().map(|item| (key(item), item)).collect()
}

impl Notifier {
    fn push(
        &mut self,
        code: NotificationCode,
        kind: ItemKind,
        source: &str,
        id: &str,
        title: &str,
    ) {
        let text = code.text(self.language).to_owned();
        self.push_text(
            code,
            NotifiedRecord {
                kind,
                source: source.to_owned(),
                id: id.to_owned(),
                payment_id: None,
            },
            title,
            text,
        );
    }

    fn push_text(
        &mut self,
        code: NotificationCode,
        record: NotifiedRecord,
        title: &str,
        text: String,
    ) {
        self.list.push(Notification {
            code,
            record,
            title: title.to_owned(),
            text,
        });
    }

    fn cases(&mut self, previous: &[CaseView], current: &[CaseView]) {
        let before = index(previous, |c| (c.source.as_str(), c.id.as_str()));
        for case in current {
            let code = match before.get(&(case.source.as_str(), case.id.as_str())) {
                None => Some(NotificationCode::CaseNew),
                Some(old) if old.status.code == case.status.code => None,
                Some(_) => Some(match case.status.code {
                    CaseStatusCode::Decided => NotificationCode::CaseDecided,
                    CaseStatusCode::AwaitingYou => NotificationCode::CaseAwaitingYou,
                    _ => NotificationCode::CaseStatusChanged,
                }),
            };
            if let Some(code) = code {
                self.push(code, ItemKind::Case, &case.source, &case.id, &case.title);
            }
        }
    }

    fn benefits(&mut self, previous: &[BenefitView], current: &[BenefitView]) {
        let before = index(previous, |b| (b.source.as_str(), b.id.as_str()));
        for benefit in current {
            let old = before.get(&(benefit.source.as_str(), benefit.id.as_str()));
            match old {
                None => self.push(
                    NotificationCode::BenefitNew,
                    ItemKind::Benefit,
                    &benefit.source,
                    &benefit.id,
                    &benefit.name,
                ),
                Some(old) if old.status.code != benefit.status.code => self.push(
                    NotificationCode::BenefitStatusChanged,
                    ItemKind::Benefit,
                    &benefit.source,
                    &benefit.id,
                    &benefit.name,
                ),
                Some(_) => {}
            }
            let paid_before: HashSet<&str> = old
                .map(|o| {
                    crate::presentation::paid(&o.payments)
                        .map(|p| p.id.as_str())
                        .collect()
                })
                .unwrap_or_default();
            for payment in crate::presentation::paid(&benefit.payments) {
                if paid_before.contains(payment.id.as_str()) {
                    continue;
                }
                let base = NotificationCode::PaymentNew.text(self.language);
                let record = NotifiedRecord {
                    kind: ItemKind::Benefit,
                    source: benefit.source.clone(),
                    id: benefit.id.clone(),
                    payment_id: Some(payment.id.clone()),
                };
                let text = format!("{base}: {}", format_money(payment.net_ore));
                self.push_text(NotificationCode::PaymentNew, record, &benefit.name, text);
            }
        }
    }

    fn appointments(&mut self, previous: &[AppointmentView], current: &[AppointmentView]) {
        let before = index(previous, |a| (a.source.as_str(), a.id.as_str()));
        for appointment in current {
            let code = match before.get(&(appointment.source.as_str(), appointment.id.as_str())) {
                None if appointment.cancelled => None,
                None => Some(NotificationCode::AppointmentNew),
                Some(old) if !old.cancelled && appointment.cancelled => {
                    Some(NotificationCode::AppointmentCancelled)
                }
                Some(old) if changed(old, appointment) => {
                    Some(NotificationCode::AppointmentChanged)
                }
                Some(_) => None,
            };
            if let Some(code) = code {
                self.push(
                    code,
                    ItemKind::Appointment,
                    &appointment.source,
                    &appointment.id,
                    &appointment.with_role,
                );
            }
        }
    }
}

/// Whether what the citizen sees of an appointment changed (time, place, kind, role,
/// tasks, or it was reinstated).
fn changed(old: &AppointmentView, new: &AppointmentView) -> bool {
    (
        old.start,
        old.end,
        old.kind,
        &old.with_role,
        &old.place,
        &old.what,
        old.cancelled,
    ) != (
        new.start,
        new.end,
        new.kind,
        &new.with_role,
        &new.place,
        &new.what,
        new.cancelled,
    )
}
