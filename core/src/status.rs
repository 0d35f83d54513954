//! Status derivation (docs/presentation.md): a case's status from its progress history
//! and open requests; a benefit's from its grant, with the next payment.

use crate::calendar::PaymentPlan;
use crate::codes::codes;
use crate::model::{Benefit, Case, Language, Outcome, Payment, PaymentStatus, ProgressState};
use crate::order;
use chrono::{Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

codes! {
    /// A case's status code.
    ///
    /// ```
    /// assert_eq!(egensag::status::CaseStatusCode::AwaitingYou.as_str(), "awaiting_you");
    /// ```
    pub enum CaseStatusCode {
        /// Received (opstået, or no progress yet).
        Received = "received",
        /// Being processed (oplyst).
        InProgress = "in_progress",
        /// Waiting for information from the citizen.
        AwaitingYou = "awaiting_you",
        /// Decided (afgjort).
        Decided = "decided",
        /// Closed (afsluttet).
        Closed = "closed",
    }
}

/// Something the citizen has been asked for and has not yet sent.
///
/// ```
/// let a = egensag::status::Awaiting { what: "Lønsedler".into(), deadline: None };
/// assert!(a.deadline.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Awaiting {
    /// What is asked for.
    pub what: String,
    /// The deadline, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub deadline: Option<NaiveDate>,
}

/// A case's status as shown.
///
/// ```
/// use egensag::status::{case_status, CaseStatusCode};
/// let case: egensag::model::Case = serde_json::from_str(r#"{"id": "1", "source": "KSD",
///   "created": "2026-09-01", "progress": [{"state": "oplyst", "at": "2026-09-10"}]}"#).unwrap();
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// let status = case_status(&case, day, Some(28), egensag::model::Language::Da);
/// assert_eq!(status.code, CaseStatusCode::InProgress);
/// assert_eq!(status.text, "Sagen behandles");
/// assert_eq!(status.expected_decision_by.unwrap().to_string(), "2026-09-29");
/// assert_eq!(status.overdue, Some(true));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseStatus {
    /// The status code.
    pub code: CaseStatusCode,
    /// Its text in the request's language.
    pub text: String,
    /// The date of the deciding entry (for `awaiting_you`, of the latest open request).
    #[serde(with = "crate::dates::Iso")]
    pub since: NaiveDate,
    /// The decision's outcome, shown while the case is decided or closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// The outcome's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome_text: Option<String>,
    /// Open requests, earliest deadline first (those without a deadline last).
    #[serde(default)]
    pub awaiting: Vec<Awaiting>,
    /// `created` + the policy's processing days, until the case is decided or closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub expected_decision_by: Option<NaiveDate>,
    /// Whether `as_of` is after `expected_decision_by`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue: Option<bool>,
}

/// The progress state deciding a case's status on `as_of`, with its date: the latest
/// entry on or before `as_of`, ordered by date, time and lifecycle order.
///
/// ```
/// use egensag::model::ProgressState;
/// let case: egensag::model::Case = serde_json::from_str(r#"{"id": "1", "source": "KSD", "created": "2026-01-01",
///   "progress": [{"state": "afsluttet", "at": "2026-03-01"}, {"state": "oplyst", "at": "2026-04-01"}]}"#).unwrap();
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
/// assert_eq!(egensag::status::deciding_state(&case, day).unwrap().0, ProgressState::Oplyst); // reopened
/// ```
pub fn deciding_state(case: &Case, as_of: NaiveDate) -> Option<(ProgressState, NaiveDate)> {
    // Each entry's date and time of day are worked out once (a date-time's date at its
    // own offset is arithmetic), then entries compare as moments do: date, time, state.
    case.progress
        .iter()
        .map(|p| (p.at.date(), p.at.time(), p.state))
        .filter(|(date, _, _)| *date <= as_of)
        .max()
        .map(|(date, _, state)| (state, date))
}

/// Whether a case is closed on `as_of`.
///
/// ```
/// let case: egensag::model::Case = serde_json::from_str(r#"{"id": "1", "source": "KSD", "created": "2001-01-01",
///   "progress": [{"state": "afsluttet", "at": "2003-01-01"}]}"#).unwrap();
/// assert!(egensag::status::is_closed(&case, chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()));
/// ```
pub fn is_closed(case: &Case, as_of: NaiveDate) -> bool {
    matches!(
        deciding_state(case, as_of),
        Some((ProgressState::Afsluttet, _))
    )
}

/// A case's status on `as_of`; `processing_days` comes from the policy's best match.
pub fn case_status(
    case: &Case,
    as_of: NaiveDate,
    processing_days: Option<u32>,
    language: Language,
) -> CaseStatus {
    let deciding = deciding_state(case, as_of);
    let mut code = match deciding.map(|(state, _)| state) {
        None | Some(ProgressState::Opstaaet) => CaseStatusCode::Received,
        Some(ProgressState::Oplyst) => CaseStatusCode::InProgress,
        Some(ProgressState::Afgjort) => CaseStatusCode::Decided,
        Some(ProgressState::Afsluttet) => CaseStatusCode::Closed,
    };
    let mut since = deciding.map_or(case.created, |(_, at)| at);
    let open: Vec<_> = case
        .requests
        .iter()
        .filter(|r| r.requested <= as_of && r.fulfilled.is_none_or(|f| f > as_of))
        .collect();
    let mut awaiting = Vec::new();
    if matches!(code, CaseStatusCode::Received | CaseStatusCode::InProgress) && !open.is_empty() {
        code = CaseStatusCode::AwaitingYou;
        since = open.iter().map(|r| r.requested).max().unwrap_or(since);
        let mut items: Vec<_> = open
            .iter()
            .map(|r| (r.deadline.is_none(), r.deadline, r.what.as_str()))
            .collect();
        order::sort_by(&mut items, Ord::cmp);
        awaiting = items
            .into_iter()
            .map(|(_, deadline, what)| Awaiting {
                what: what.to_owned(),
                deadline,
            })
            .collect();
    }
    let settled = matches!(code, CaseStatusCode::Decided | CaseStatusCode::Closed);
    let expected_decision_by = processing_days
        .filter(|_| !settled)
        .and_then(|days| case.created.checked_add_days(Days::new(u64::from(days))));
    let outcome = case.outcome.filter(|_| settled);
    CaseStatus {
        code,
        text: code.text(language).to_owned(),
        since,
        outcome,
        outcome_text: outcome.map(|o| o.text(language).to_owned()),
        awaiting,
        expected_decision_by,
        overdue: expected_decision_by.map(|by| as_of > by),
    }
}

codes! {
    /// A benefit's status code.
    ///
    /// ```
    /// assert_eq!(egensag::status::BenefitStatusCode::Paying.as_str(), "paying");
    /// ```
    pub enum BenefitStatusCode {
        /// Granted, not yet started.
        Granted = "granted",
        /// Being paid.
        Paying = "paying",
        /// Payment stopped.
        Stopped = "stopped",
        /// The grant has ended.
        Ended = "ended",
    }
}

/// The next payment of a benefit being paid.
///
/// ```
/// let n = egensag::status::NextPayment { date: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
///     gross_ore: Some(1_250_000), net_ore: None };
/// assert!(n.net_ore.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NextPayment {
    /// The disposition date.
    #[serde(with = "crate::dates::Iso")]
    pub date: NaiveDate,
    /// Gross amount in øre: the planned payment's, or the grant's amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gross_ore: Option<i64>,
    /// Net amount in øre, when a planned payment gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_ore: Option<i64>,
}

/// A benefit's status as shown.
///
/// ```
/// use egensag::status::{benefit_status, BenefitStatusCode};
/// let b: egensag::model::Benefit = serde_json::from_str(r#"{"id": "B", "source": "KY", "name": "Kontanthjælp",
///   "created": "2026-01-05", "grant": {"from": "2026-02-01", "amount_ore": 1000000,
///   "plan": {"frequency": "monthly", "payment_day": "last_banking_day"}}}"#).unwrap();
/// let s = benefit_status(&b, &b.payments, chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), egensag::model::Language::Da);
/// assert_eq!(s.code, BenefitStatusCode::Paying);
/// assert_eq!(s.next_payment.unwrap().date.to_string(), "2026-12-30"); // 31 December is a closing day
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BenefitStatus {
    /// The status code.
    pub code: BenefitStatusCode,
    /// Its text in the request's language.
    pub text: String,
    /// Since when: creation (granted), grant start (paying), stop (stopped), the day after the grant's end (ended).
    #[serde(with = "crate::dates::Iso")]
    pub since: NaiveDate,
    /// The first payment on or after `as_of`, while paying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_payment: Option<NextPayment>,
}

/// A benefit's status on `as_of`; `listed` are the payments shown (from the from-date on).
pub fn benefit_status(
    benefit: &Benefit,
    listed: &[Payment],
    as_of: NaiveDate,
    language: Language,
) -> BenefitStatus {
    benefit_status_of(benefit, listed.iter(), as_of, language)
}

/// [`benefit_status`] over the listed payments in any order: what counts is the set.
pub(crate) fn benefit_status_of<'p>(
    benefit: &Benefit,
    listed: impl Iterator<Item = &'p Payment>,
    as_of: NaiveDate,
    language: Language,
) -> BenefitStatus {
    let grant = &benefit.grant;
    let (code, since) = if as_of < grant.from {
        (BenefitStatusCode::Granted, benefit.created)
    } else if let Some(to) = grant.to.filter(|to| as_of > *to) {
        (BenefitStatusCode::Ended, to.succ_opt().unwrap_or(to))
    } else if let Some(stop) = grant.stopped_from.filter(|stop| *stop <= as_of) {
        (BenefitStatusCode::Stopped, stop)
    } else {
        (BenefitStatusCode::Paying, grant.from)
    };
    let next_payment = (code == BenefitStatusCode::Paying)
        .then(|| next_payment(benefit, listed, as_of))
        .flatten();
    BenefitStatus {
        code,
        text: code.text(language).to_owned(),
        since,
        next_payment,
    }
}

/// The first payment on or after `as_of`: a planned one when listed, else the plan's
/// next date within the grant (ending at `to` or the day before `stopped_from`).
fn next_payment<'p>(
    benefit: &Benefit,
    listed: impl Iterator<Item = &'p Payment>,
    as_of: NaiveDate,
) -> Option<NextPayment> {
    let planned = listed
        .filter(|p| p.status == PaymentStatus::Planned && p.disposition_date >= as_of)
        .min_by(|a, b| (a.disposition_date, &a.id).cmp(&(b.disposition_date, &b.id)));
    if let Some(p) = planned {
        return Some(NextPayment {
            date: p.disposition_date,
            gross_ore: Some(p.gross_ore),
            net_ore: Some(p.net_ore),
        });
    }
    let grant = &benefit.grant;
    let plan: &PaymentPlan = grant.plan.as_ref()?;
    let stop_end = grant.stopped_from.and_then(|s| s.pred_opt());
    let end = match (grant.to, stop_end) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let date = plan.next_payment_on_or_after(as_of, grant.from, end)?;
    Some(NextPayment {
        date,
        gross_ore: Some(grant.amount_ore),
        net_ore: None,
    })
}
