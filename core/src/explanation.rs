//! The explanation: one entry per input record, for audit and support staff (never for
//! the citizen). It carries no titles and no CPR numbers.

use crate::actions::ActionCheck;
use crate::cpr::mask_cpr_numbers;
use crate::evaluation::{Build, Evaluated, Evaluation};
use crate::model::{Request, Role};
use crate::visibility::{Reason, Rule};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Why each record is, or is not, visible.
///
/// ```
/// let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "32.*"}]}}"#).unwrap();
/// let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
///   "viewer": {"cpr": "0101901234", "role": "self"},
///   "cases": [{"id": "S-1", "source": "KSD", "title": "Sygedagpenge", "kle": "15.17.06",
///              "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-11-01"}]}"#).unwrap();
/// let e = engine.explain(&request).unwrap();
/// assert!(!e.entries[0].visible);
/// assert_eq!(e.entries[0].reasons, vec![egensag::visibility::Reason::KleNotIncluded]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// The day evaluated.
    #[serde(with = "crate::dates::Iso")]
    pub as_of: NaiveDate,
    /// The policy's id.
    pub policy: String,
    /// The viewer's role.
    pub viewer_role: Role,
    /// One entry per input record: cases, then benefits, appointments and plans, in input order.
    pub entries: Vec<ExplanationEntry>,
}

impl Explanation {
    /// The explanation of `request`'s evaluation under the policy `policy`.
    pub(crate) fn assemble<B: Build>(
        policy: &str,
        request: &Request,
        evaluation: Evaluation<B>,
    ) -> Explanation {
        let cases = request
            .cases
            .iter()
            .map(|c| (ItemKind::Case, &c.source, &c.id));
        let benefits = request
            .benefits
            .iter()
            .map(|b| (ItemKind::Benefit, &b.source, &b.id));
        let appointments = request
            .appointments
            .iter()
            .map(|a| (ItemKind::Appointment, &a.source, &a.id));
        let plans = request
            .plans
            .iter()
            .map(|p| (ItemKind::Plan, &p.source, &p.id));
        let decisions = evaluation
            .cases
            .into_iter()
            .map(decision)
            .chain(evaluation.benefits.into_iter().map(decision))
            .chain(evaluation.appointments.into_iter().map(decision))
            .chain(evaluation.plans.into_iter().map(decision));
        let entries = cases
            .chain(benefits)
            .chain(appointments)
            .chain(plans)
            .zip(decisions)
            .map(
                |((kind, source, id), (decision, actions))| ExplanationEntry {
                    kind,
                    source: source.clone(),
                    id: mask_cpr_numbers(id),
                    visible: decision.visible,
                    reasons: decision.reasons,
                    rules: decision.rules,
                    actions,
                },
            )
            .collect();
        Explanation {
            as_of: request.as_of,
            policy: policy.to_owned(),
            viewer_role: request.viewer.role,
            entries,
        }
    }
}

/// The decision and the actions considered of one evaluated record.
fn decision<V>(evaluated: Evaluated<V>) -> (crate::visibility::Decision, Vec<ActionCheck>) {
    (evaluated.decision.into(), evaluated.actions)
}

/// The decision on one record.
///
/// ```
/// let kind = egensag::explanation::ItemKind::Benefit;
/// assert_eq!(serde_json::to_string(&kind).unwrap(), "\"benefit\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExplanationEntry {
    /// The kind of record.
    pub kind: ItemKind,
    /// Its source system.
    pub source: String,
    /// Its id, with any CPR number inside it masked `DDMMYY-XXXX`
    /// ([`crate::cpr::mask_cpr_numbers`]).
    pub id: String,
    /// Whether the viewer may see it.
    pub visible: bool,
    /// Every rule that denies, in rule order.
    pub reasons: Vec<Reason>,
    /// What permitted it.
    pub rules: Vec<Rule>,
    /// For a visible record, every action of its kind, offered or with every reason it is
    /// not (docs/plans-and-actions.md); empty for a hidden record and for benefits.
    pub actions: Vec<ActionCheck>,
}

/// The kind of one record, in explanations and notifications.
///
/// ```
/// assert_eq!(egensag::explanation::ItemKind::Case.as_str(), "case");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A case.
    Case,
    /// A benefit.
    Benefit,
    /// An appointment.
    Appointment,
    /// A plan.
    Plan,
}

impl ItemKind {
    /// The kind as written in JSON.
    ///
    /// ```
    /// assert_eq!(egensag::explanation::ItemKind::Appointment.as_str(), "appointment");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Case => "case",
            ItemKind::Benefit => "benefit",
            ItemKind::Appointment => "appointment",
            ItemKind::Plan => "plan",
        }
    }
}
