//! Notifications: what changed between two overviews of the same subject. A record
//! that leaves the overview produces nothing: its absence must not reveal why.

use crate::codes::codes;
use crate::error::Error;
use crate::explanation::ItemKind;
use crate::model::Language;
use crate::order;
use crate::overview::{AppointmentView, BenefitView, CaseView, Overview};
use crate::plans::PlanView;
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
    #[serde(with = "crate::dates::Iso")]
    pub since: NaiveDate,
    /// The later overview's day.
    #[serde(with = "crate::dates::Iso")]
    pub as_of: NaiveDate,
    /// What changed: cases (each followed by its deadline reminders), then benefits and
    /// their payments, then appointments, then plans, each in the later overview's order.
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
        /// A plan appeared.
        PlanNew = "plan.new",
        /// A goal of a plan appeared or changed status.
        PlanGoalChanged = "plan.goal_changed",
        /// An activity was added to a plan.
        PlanActivityNew = "plan.activity_new",
        /// A plan's next follow-up moved, was set or was removed.
        PlanFollowUpChanged = "plan.follow_up_changed",
        /// An open request's deadline came within the policy's `reminder_days`.
        ReminderDeadline = "reminder.deadline",
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
    notifications_with_reminder(previous, current, DEFAULT_REMINDER_DAYS)
}

/// The policy's `reminder_days` when it gives none.
pub const DEFAULT_REMINDER_DAYS: u32 = 3;

/// The notifications from `previous` to `current`, with `reminder.deadline` for every
/// open request whose deadline is within `reminder_days` days of the later overview's
/// day (from that day to `reminder_days` days after it) and was not within that many
/// days of the earlier one's. A deadline already passed is not "within": it reminds of
/// nothing the citizen can still meet.
///
/// ```
/// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
/// let request = |day: &str| format!(r#"{{"as_of": "{day}", "subject": {{"cpr": "0101901234"}},
///   "viewer": {{"cpr": "0101901234", "role": "self"}},
///   "cases": [{{"id": "S-1", "source": "KSD", "title": "T", "kle": "32.30.04", "created": "2026-11-01",
///     "parties": [{{"cpr": "0101901234", "role": "primary"}}],
///     "requests": [{{"what": "Lønsedler", "requested": "2026-11-02", "deadline": "2026-11-20"}}]}}]}}"#);
/// let o = |day: &str| engine.overview(&egensag::model::parse_request(&request(day)).unwrap()).unwrap();
/// use egensag::notifications::{notifications_with_reminder, NotificationCode};
/// let n = notifications_with_reminder(&o("2026-11-10"), &o("2026-11-17"), 3).unwrap();
/// assert_eq!(n.notifications[0].code, NotificationCode::ReminderDeadline);
/// assert!(notifications_with_reminder(&o("2026-11-17"), &o("2026-11-18"), 3).unwrap().notifications.is_empty());
/// ```
pub fn notifications_with_reminder(
    previous: &Overview,
    current: &Overview,
    reminder_days: u32,
) -> Result<Notifications, Error> {
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
    let reminder = Reminder {
        previous: previous.as_of,
        current: current.as_of,
        days: reminder_days,
    };
    out.cases(&previous.cases, &current.cases, reminder);
    out.benefits(&previous.benefits, &current.benefits);
    out.appointments(&previous.appointments, &current.appointments);
    out.plans(&previous.plans, &current.plans);
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

    fn cases(&mut self, previous: &[CaseView], current: &[CaseView], reminder: Reminder) {
        let before = index(previous, |c| (c.source.as_str(), c.id.as_str()));
        for case in current {
            let old = before.get(&(case.source.as_str(), case.id.as_str()));
            let code = match old {
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
            self.reminders(old.copied(), case, reminder);
        }
    }

    /// `reminder.deadline` for each open request of `case` whose deadline came within
    /// the reminder window since the earlier overview (one per deadline).
    fn reminders(&mut self, old: Option<&CaseView>, case: &CaseView, reminder: Reminder) {
        let mut deadlines: Vec<NaiveDate> = case
            .status
            .awaiting
            .iter()
            .filter_map(|a| a.deadline)
            .filter(|d| reminder.near(reminder.current, *d))
            .filter(|d| {
                !old.is_some_and(|o| {
                    o.status
                        .awaiting
                        .iter()
                        .any(|a| a.deadline == Some(*d) && reminder.near(reminder.previous, *d))
                })
            })
            .collect();
        order::sort_dedup(&mut deadlines);
        for deadline in deadlines {
            let base = NotificationCode::ReminderDeadline.text(self.language);
            let record = NotifiedRecord {
                kind: ItemKind::Case,
                source: case.source.clone(),
                id: case.id.clone(),
                payment_id: None,
            };
            let text = format!("{base}: {deadline}");
            self.push_text(
                NotificationCode::ReminderDeadline,
                record,
                &case.title,
                text,
            );
        }
    }

    fn plans(&mut self, previous: &[PlanView], current: &[PlanView]) {
        let before = index(previous, |p| (p.source.as_str(), p.id.as_str()));
        for plan in current {
            let codes: Vec<NotificationCode> =
                match before.get(&(plan.source.as_str(), plan.id.as_str())) {
                    None => vec![NotificationCode::PlanNew],
                    Some(old) => plan_changes(old, plan),
                };
            for code in codes {
                self.push(code, ItemKind::Plan, &plan.source, &plan.id, &plan.title);
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

/// The reminder window: `days` days from an overview's day.
#[derive(Debug, Clone, Copy)]
struct Reminder {
    previous: NaiveDate,
    current: NaiveDate,
    days: u32,
}

impl Reminder {
    /// Whether `deadline` is within the window from `day`: not passed, at most `days` away.
    fn near(self, day: NaiveDate, deadline: NaiveDate) -> bool {
        deadline >= day && deadline.signed_duration_since(day).num_days() <= i64::from(self.days)
    }
}

/// What changed in a plan seen on both overviews: a goal that is new or has another
/// status; an activity that is new; the next follow-up.
fn plan_changes(old: &PlanView, new: &PlanView) -> Vec<NotificationCode> {
    let mut codes = Vec::new();
    let old_goals: HashMap<&str, _> = old
        .goals
        .iter()
        .map(|g| (g.id.as_str(), g.status.code))
        .collect();
    if new
        .goals
        .iter()
        .any(|g| old_goals.get(g.id.as_str()) != Some(&g.status.code))
    {
        codes.push(NotificationCode::PlanGoalChanged);
    }
    let old_activities: HashSet<&str> = old.activities.iter().map(|a| a.id.as_str()).collect();
    if new
        .activities
        .iter()
        .any(|a| !old_activities.contains(a.id.as_str()))
    {
        codes.push(NotificationCode::PlanActivityNew);
    }
    if old.next_follow_up != new.next_follow_up {
        codes.push(NotificationCode::PlanFollowUpChanged);
    }
    codes
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
