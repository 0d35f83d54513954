//! Plans (docs/plans-and-actions.md): a citizen's plan with goals and activities — a
//! handleplan, a jobplan, a rehabilitation plan.

use super::case::Party;
use super::common::{Moment, Sensitivity};
use super::redact::redacted_debug;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A plan: the fourth record kind, decided by the same rules as cases.
///
/// ```
/// let p: egensag::model::Plan = serde_json::from_str(r#"{
///   "id": "P-1", "source": "DOMUS", "kle": "27.24.00", "kind": "handleplan", "title": "Min plan",
///   "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-01-10",
///   "period": {"from": "2026-02-01"},
///   "goals": [{"id": "G1", "text": "Gå en tur hver dag", "set": "2026-02-01", "status": "active",
///              "assessments": [{"at": "2026-03-01", "by": "citizen", "score": 3, "scale_max": 5}]}]
/// }"#).unwrap();
/// assert_eq!(p.kind, egensag::model::PlanKind::Handleplan);
/// assert_eq!(p.goals[0].assessments[0].score, 3);
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The plan's id, unique within `source`.
    pub id: String,
    /// Source system id, e.g. `DOMUS`.
    pub source: String,
    /// The plan's title the public may see.
    #[serde(default)]
    pub title: String,
    /// The title may not be shown: the KLE subject title is shown instead.
    #[serde(default)]
    pub title_restricted: bool,
    /// KLE subject number as written; when absent, the case's number is used.
    #[serde(default)]
    pub kle: Option<String>,
    /// Handlingsfacet as written.
    #[serde(default)]
    pub facet: Option<String>,
    /// The case it belongs to, of the same source.
    #[serde(default)]
    pub case_id: Option<String>,
    /// The parties, as for cases.
    #[serde(default)]
    pub parties: Vec<Party>,
    /// Sensitivity level; `ikke_fortrolige` when absent.
    #[serde(default)]
    pub sensitivity: Sensitivity,
    /// Never shown to anyone.
    #[serde(default)]
    pub withheld_from_citizen: bool,
    /// Shown to the subject only.
    #[serde(default)]
    pub withheld_from_representatives: bool,
    /// Annulled or registered in error.
    #[serde(default)]
    pub void: bool,
    /// The date the plan was made.
    #[serde(with = "crate::dates::Iso")]
    pub created: NaiveDate,
    /// The kind of plan.
    pub kind: PlanKind,
    /// When the plan runs.
    pub period: PlanPeriod,
    /// The plan's goals.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// The plan's activities.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// The date of the next follow-up, if one is set.
    #[serde(default)]
    #[serde(with = "crate::dates::IsoOption")]
    pub next_follow_up: Option<NaiveDate>,
    /// The plan needs the citizen's approval (Jobnet).
    #[serde(default)]
    pub requires_approval: bool,
    /// The day the citizen approved it.
    #[serde(default)]
    #[serde(with = "crate::dates::IsoOption")]
    pub approved_on: Option<NaiveDate>,
}

/// The kind of a plan.
///
/// ```
/// assert_eq!(serde_json::to_string(&egensag::model::PlanKind::Jobplan).unwrap(), "\"jobplan\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// Handleplan (SEL § 141).
    Handleplan,
    /// Indsatsplan.
    Indsatsplan,
    /// Jobplan (Jobnet).
    Jobplan,
    /// Genoptræningsplan.
    Genoptraeningsplan,
    /// Any other plan.
    Other,
}

/// When a plan runs: from a day, to an optional day.
///
/// ```
/// let p: egensag::model::PlanPeriod = serde_json::from_str(r#"{"from": "2026-01-01"}"#).unwrap();
/// assert!(p.to.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanPeriod {
    /// First day.
    #[serde(with = "crate::dates::Iso")]
    pub from: NaiveDate,
    /// Last day, if the plan has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub to: Option<NaiveDate>,
}

/// A goal of a plan.
///
/// ```
/// let g: egensag::model::Goal = serde_json::from_str(r#"{"id": "G1", "text": "Få et job",
///   "set": "2026-01-01", "status": "achieved", "status_at": "2026-06-01"}"#).unwrap();
/// assert_eq!(g.status, egensag::model::GoalState::Achieved);
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The goal's id within the plan.
    pub id: String,
    /// What the goal is.
    pub text: String,
    /// The day it was set.
    #[serde(with = "crate::dates::Iso")]
    pub set: NaiveDate,
    /// Its status.
    pub status: GoalState,
    /// The day it got that status.
    #[serde(default)]
    #[serde(with = "crate::dates::IsoOption")]
    pub status_at: Option<NaiveDate>,
    /// Assessments of how far the goal is reached.
    #[serde(default)]
    pub assessments: Vec<Assessment>,
}

/// A goal's status as the source writes it.
///
/// ```
/// assert_eq!(serde_json::to_string(&egensag::model::GoalState::NotAchieved).unwrap(), "\"not_achieved\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GoalState {
    /// Being worked on.
    Active,
    /// Achieved.
    Achieved,
    /// Not achieved.
    NotAchieved,
    /// Cancelled (not counted).
    Cancelled,
}

/// One assessment of a goal: a score on a scale from 0 to `scale_max`.
///
/// ```
/// let a: egensag::model::Assessment = serde_json::from_str(r#"{"at": "2026-03-01", "by": "caseworker",
///   "score": 4, "scale_max": 10}"#).unwrap();
/// assert_eq!(a.by, egensag::model::Assessor::Caseworker);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// When (a date, or a date-time that orders assessments within a day).
    pub at: Moment,
    /// Who assessed.
    pub by: Assessor,
    /// The score, 0…`scale_max`.
    pub score: u32,
    /// The top of the scale, at least 1.
    pub scale_max: u32,
}

/// Who made an assessment: the citizen or the caseworker (never a name).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Assessor {
    /// The citizen's own assessment.
    Citizen,
    /// The caseworker's assessment.
    Caseworker,
}

/// An activity of a plan: a course, a job trial, training.
///
/// ```
/// let a: egensag::model::Activity = serde_json::from_str(r#"{"id": "A1", "text": "Virksomhedspraktik",
///   "with_role": "jobkonsulent", "from": "2026-03-01", "to": "2026-05-31", "status": "ongoing"}"#).unwrap();
/// assert_eq!(a.status, egensag::model::ActivityStatus::Ongoing);
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The activity's id within the plan.
    pub id: String,
    /// What it is.
    pub text: String,
    /// The role the citizen meets, e.g. `jobkonsulent`: never a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_role: Option<String>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// First day.
    #[serde(with = "crate::dates::Iso")]
    pub from: NaiveDate,
    /// Last day, if it has one (not before `from`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub to: Option<NaiveDate>,
    /// Its status.
    pub status: ActivityStatus,
}

/// An activity's status.
///
/// ```
/// assert_eq!(serde_json::to_string(&egensag::model::ActivityStatus::Planned).unwrap(), "\"planned\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    /// Not started.
    Planned,
    /// Going on.
    Ongoing,
    /// Done.
    Completed,
    /// Cancelled.
    Cancelled,
}

redacted_debug!(Plan {
    id: mask,
    source: show,
    title: redact,
    title_restricted: show,
    kle: show,
    facet: show,
    case_id: mask,
    parties: show,
    sensitivity: show,
    withheld_from_citizen: show,
    withheld_from_representatives: show,
    void: show,
    created: show,
    kind: show,
    period: show,
    goals: show,
    activities: show,
    next_follow_up: show,
    requires_approval: show,
    approved_on: show,
});

redacted_debug!(Goal {
    id: mask,
    text: redact,
    set: show,
    status: show,
    status_at: show,
    assessments: show,
});

redacted_debug!(Activity {
    id: mask,
    text: redact,
    with_role: show,
    place: redact,
    from: show,
    to: show,
    status: show,
});
