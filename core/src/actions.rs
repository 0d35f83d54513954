//! Actions (docs/plans-and-actions.md): what a citizen, or someone acting for them, may do
//! with a visible record, and why an action is not offered.
//!
//! An action is offered when the policy's most specific matching `actions` entry enables
//! it, the viewer may act (the subject; a representative through a mandate in force that
//! maps to `act` and covers the record; a relative, or a parent of a child at or above
//! `child_consent_age`, through a consent with purpose `act` covering it) and the record's
//! state lets it apply. The viewer's part is decided with the visibility rules
//! ([`crate::visibility`]); the policy's and the record's part here.

use crate::codes::codes;

codes! {
    /// What a viewer may do with a record.
    ///
    /// ```
    /// use egensag::actions::Action;
    /// assert_eq!(Action::SendDocument.as_str(), "case.send_document");
    /// assert_eq!("plan.approve".parse::<Action>(), Ok(Action::ApprovePlan));
    /// ```
    #[non_exhaustive]
    pub enum Action {
        /// Send a document to a case.
        SendDocument = "case.send_document",
        /// Answer a request for information in a case.
        AnswerRequest = "case.answer_request",
        /// Cancel an appointment.
        CancelAppointment = "appointment.cancel",
        /// Book another time for an appointment.
        RebookAppointment = "appointment.rebook",
        /// Assess a goal of a plan.
        AssessGoal = "plan.assess_goal",
        /// Approve a plan.
        ApprovePlan = "plan.approve",
    }
}

codes! {
    /// Why an action is not offered.
    ///
    /// ```
    /// use egensag::actions::ActionReason;
    /// assert_eq!(ActionReason::TooLate.as_str(), "action.too_late");
    /// assert_eq!(serde_json::to_string(&ActionReason::SelfOnly).unwrap(), "\"action.self_only\"");
    /// ```
    #[non_exhaustive]
    pub enum ActionReason {
        /// The policy does not enable the action.
        NotEnabled = "action.not_enabled",
        /// The action does not apply to this record (e.g. no open request to answer).
        NotApplicable = "action.not_applicable",
        /// The time for the action has passed.
        TooLate = "action.too_late",
        /// Only the subject themself may take the action.
        SelfOnly = "action.self_only",
        /// The viewer's mandate does not grant acting.
        NoActPrivilege = "action.no_act_privilege",
        /// The viewer's consent does not cover acting.
        ConsentMissing = "action.consent_missing",
    }
}

use crate::kle::{KleIndex, KleNumber};
use crate::model::{ActionRule, RecordKind};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

impl Action {
    /// The kind of record the action is taken on.
    ///
    /// ```
    /// use egensag::{actions::Action, model::RecordKind};
    /// assert_eq!(Action::RebookAppointment.kind(), RecordKind::Appointments);
    /// ```
    pub fn kind(self) -> RecordKind {
        match self {
            Action::SendDocument | Action::AnswerRequest => RecordKind::Cases,
            Action::CancelAppointment | Action::RebookAppointment => RecordKind::Appointments,
            Action::AssessGoal | Action::ApprovePlan => RecordKind::Plans,
        }
    }
}

/// One action considered for a visible record: offered, or every reason it is not, in
/// the order `action.not_enabled`, the viewer's reasons, the record's state.
///
/// ```
/// use egensag::actions::{Action, ActionCheck, ActionReason};
/// let c = ActionCheck { action: Action::ApprovePlan, allowed: false, reasons: vec![ActionReason::NotApplicable] };
/// assert_eq!(serde_json::to_string(&c).unwrap(),
///     r#"{"action":"plan.approve","allowed":false,"reasons":["action.not_applicable"]}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionCheck {
    /// The action.
    pub action: Action,
    /// Whether the viewer is offered it.
    pub allowed: bool,
    /// Every reason it is not offered (empty when it is).
    pub reasons: Vec<ActionReason>,
}

/// The state of a record that decides whether an action applies to it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RecordState {
    /// A case: closed on `as_of`, and whether it is `awaiting_you`.
    Case { closed: bool, awaiting_you: bool },
    /// An appointment: cancelled, and the day it starts.
    Appointment { cancelled: bool, start: NaiveDate },
    /// A plan: active with an active goal, and awaiting the citizen's approval.
    Plan {
        goal_to_assess: bool,
        awaiting_approval: bool,
    },
}

/// The policy's action entries, compiled by KLE pattern.
#[derive(Debug, Clone)]
pub(crate) struct ActionRules(KleIndex<ActionRule>);

impl ActionRules {
    /// Compiles the policy's `actions` list.
    pub(crate) fn new(rules: &[ActionRule]) -> ActionRules {
        ActionRules(rules.iter().map(|r| (r.pattern, r.clone())).collect())
    }

    /// The entry that decides for a record: the most specific matching entry whose
    /// `sources` (when given) hold the record's source; the first listed among equals.
    fn entry(&self, number: KleNumber, source: &str) -> Option<&ActionRule> {
        self.0.matching(number).map(|(_, rule)| rule).find(|rule| {
            rule.sources
                .as_ref()
                .is_none_or(|s| s.iter().any(|x| x == source))
        })
    }
}

/// Who is asking, as far as actions are concerned.
#[derive(Debug, Clone)]
pub(crate) struct Actor {
    /// The viewer is the subject, in role `self`.
    pub(crate) is_self: bool,
    /// Why the viewer may not act on this record (mandate or consent), in order.
    pub(crate) denied: Vec<ActionReason>,
}

/// Every action of the record's kind, considered for a visible record.
pub(crate) fn consider(
    rules: &ActionRules,
    number: KleNumber,
    source: &str,
    kind: RecordKind,
    actor: &Actor,
    state: RecordState,
    as_of: NaiveDate,
) -> Vec<ActionCheck> {
    let entry = rules.entry(number, source);
    Action::ALL
        .iter()
        .copied()
        .filter(|a| a.kind() == kind)
        .map(|action| {
            let mut reasons = Vec::new();
            if !entry.is_some_and(|e| e.allow.contains(&action)) {
                reasons.push(ActionReason::NotEnabled);
            }
            reasons.extend(actor.denied.iter().copied());
            if action == Action::AssessGoal && !actor.is_self {
                reasons.push(ActionReason::SelfOnly);
            }
            let min_days = entry.map_or(1, ActionRule::min_days_before);
            reasons.extend(state_reason(action, state, as_of, min_days));
            ActionCheck {
                action,
                allowed: reasons.is_empty(),
                reasons,
            }
        })
        .collect()
}

/// The reason the record's state denies `action`, if it does: `action.not_applicable`
/// (closed case, nothing to answer, cancelled appointment, nothing to assess or approve)
/// or `action.too_late` (an appointment starting fewer than `min_days_before` days after
/// `as_of`).
fn state_reason(
    action: Action,
    state: RecordState,
    as_of: NaiveDate,
    min_days_before: u32,
) -> Option<ActionReason> {
    let applies = match (action, state) {
        (Action::SendDocument, RecordState::Case { closed, .. }) => !closed,
        (Action::AnswerRequest, RecordState::Case { awaiting_you, .. }) => awaiting_you,
        (
            Action::CancelAppointment | Action::RebookAppointment,
            RecordState::Appointment { cancelled, start },
        ) => {
            let days_left = start.signed_duration_since(as_of).num_days();
            if !cancelled && days_left < i64::from(min_days_before) {
                return Some(ActionReason::TooLate);
            }
            !cancelled
        }
        (Action::AssessGoal, RecordState::Plan { goal_to_assess, .. }) => goal_to_assess,
        (
            Action::ApprovePlan,
            RecordState::Plan {
                awaiting_approval, ..
            },
        ) => awaiting_approval,
        _ => false,
    };
    (!applies).then_some(ActionReason::NotApplicable)
}

/// The actions offered, in the contract's order.
pub(crate) fn offered(checks: &[ActionCheck]) -> Vec<Action> {
    checks
        .iter()
        .filter(|c| c.allowed)
        .map(|c| c.action)
        .collect()
}
