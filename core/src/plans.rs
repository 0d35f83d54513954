//! Plans as the citizen sees them (docs/plans-and-actions.md): the plan's status, its goals
//! with their status and latest assessments, its activities with the current ones
//! marked, the next follow-up and whether the plan waits for the citizen's approval.

use crate::actions::Action;
use crate::codes::codes;
use crate::model::{
    Activity, ActivityStatus, Assessment, Assessor, Goal, GoalState, Language, Moment, Plan,
    PlanKind, PlanPeriod,
};
use crate::order;
use crate::overview::Area;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

codes! {
    /// A plan's status.
    ///
    /// ```
    /// use egensag::{model::Language, plans::PlanStatusCode};
    /// assert_eq!(PlanStatusCode::Upcoming.as_str(), "upcoming");
    /// assert_eq!(PlanStatusCode::Active.text(Language::Da), "Planen er i gang");
    /// ```
    #[non_exhaustive]
    pub enum PlanStatusCode {
        /// Before `period.from`.
        Upcoming = "upcoming",
        /// From `period.from` to `period.to`.
        Active = "active",
        /// After `period.to`.
        Ended = "ended",
    }
}

codes! {
    /// A goal's status as shown.
    ///
    /// ```
    /// use egensag::{model::Language, plans::GoalStatusCode};
    /// assert_eq!(GoalStatusCode::NotAchieved.as_str(), "not_achieved");
    /// assert_eq!(GoalStatusCode::Achieved.text(Language::En), "Achieved");
    /// ```
    #[non_exhaustive]
    pub enum GoalStatusCode {
        /// Being worked on.
        Active = "active",
        /// Achieved.
        Achieved = "achieved",
        /// Not achieved.
        NotAchieved = "not_achieved",
        /// Cancelled (not counted in `goals_total`).
        Cancelled = "cancelled",
    }
}

/// A plan's status on the overview's day.
///
/// ```
/// let s = egensag::plans::PlanStatus { code: egensag::plans::PlanStatusCode::Ended,
///     text: "Planen er afsluttet".into(), since: chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap() };
/// assert_eq!(s.code.as_str(), "ended");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanStatus {
    /// `upcoming`, `active` or `ended`.
    pub code: PlanStatusCode,
    /// The default text in the overview's language.
    pub text: String,
    /// Since when: `created` while upcoming, `period.from` while active, the day after
    /// `period.to` once ended.
    #[serde(with = "crate::dates::Iso")]
    pub since: NaiveDate,
}

/// A visible plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanView {
    /// The plan's id.
    pub id: String,
    /// Source system.
    pub source: String,
    /// The title shown: the plan's title, or the KLE subject title where it may not be shown.
    pub title: String,
    /// The KLE subject number (its own or its case's).
    pub kle: String,
    /// The main group.
    pub area: Area,
    /// The case it belongs to, when that case is shown too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// The kind of plan.
    pub kind: PlanKind,
    /// When it runs.
    pub period: PlanPeriod,
    /// The date it was made.
    #[serde(with = "crate::dates::Iso")]
    pub created: NaiveDate,
    /// Its status.
    pub status: PlanStatus,
    /// Its goals, by the day they were set, then id.
    pub goals: Vec<GoalView>,
    /// Goals achieved.
    pub goals_achieved: usize,
    /// Goals not cancelled.
    pub goals_total: usize,
    /// Its activities, by first day, then id.
    pub activities: Vec<ActivityView>,
    /// The next follow-up, if one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub next_follow_up: Option<NaiveDate>,
    /// Whether the overview's day is after the next follow-up (present with it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_overdue: Option<bool>,
    /// The plan needs the citizen's approval and has not had it by the overview's day.
    pub awaiting_approval: bool,
    /// A link to the specialist system's portal or a borger.dk article, when the policy
    /// gives one for the plan's area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<crate::overview::LinkView>,
    /// What the viewer may do with the plan (docs/plans-and-actions.md).
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// A goal as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalView {
    /// The goal's id.
    pub id: String,
    /// What the goal is.
    pub text: String,
    /// The day it was set.
    #[serde(with = "crate::dates::Iso")]
    pub set: NaiveDate,
    /// Its status on the overview's day.
    pub status: GoalStatus,
    /// The citizen's latest assessment on or before the overview's day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citizen_assessment: Option<AssessmentView>,
    /// The caseworker's latest assessment on or before the overview's day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caseworker_assessment: Option<AssessmentView>,
}

/// A goal's status with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalStatus {
    /// The code.
    pub code: GoalStatusCode,
    /// The default text in the overview's language.
    pub text: String,
    /// The day the goal got this status, when the source says (for `active`: when it was set).
    #[serde(with = "crate::dates::Iso")]
    pub since: NaiveDate,
}

/// An assessment as shown: when, and the score on its scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentView {
    /// When.
    pub at: Moment,
    /// The score.
    pub score: u32,
    /// The top of its scale.
    pub scale_max: u32,
}

/// An activity as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityView {
    /// The activity's id.
    pub id: String,
    /// What it is.
    pub text: String,
    /// The role met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_role: Option<String>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// First day.
    #[serde(with = "crate::dates::Iso")]
    pub from: NaiveDate,
    /// Last day, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub to: Option<NaiveDate>,
    /// Its status as the source gives it.
    pub status: ActivityStatus,
    /// Going on on the overview's day: `from ≤ as_of ≤ to`, not cancelled or completed.
    pub current: bool,
}

/// A plan's status code and since-date on `as_of`.
///
/// ```
/// let plan: egensag::model::Plan = serde_json::from_str(r#"{"id": "P", "source": "S", "created": "2026-01-01",
///   "kind": "jobplan", "period": {"from": "2026-02-01", "to": "2026-06-30"}}"#).unwrap();
/// let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// use egensag::plans::{plan_status, PlanStatusCode};
/// assert_eq!(plan_status(&plan, day(1, 15)), (PlanStatusCode::Upcoming, day(1, 1)));
/// assert_eq!(plan_status(&plan, day(6, 30)), (PlanStatusCode::Active, day(2, 1)));
/// assert_eq!(plan_status(&plan, day(7, 1)), (PlanStatusCode::Ended, day(7, 1)));
/// ```
pub fn plan_status(plan: &Plan, as_of: NaiveDate) -> (PlanStatusCode, NaiveDate) {
    if as_of < plan.period.from {
        (PlanStatusCode::Upcoming, plan.created)
    } else if let Some(to) = plan.period.to.filter(|to| as_of > *to) {
        (PlanStatusCode::Ended, to.succ_opt().unwrap_or(to))
    } else {
        (PlanStatusCode::Active, plan.period.from)
    }
}

/// A goal's status on `as_of`: the source's status once its `status_at` has come (a
/// status dated after `as_of` is not reached yet, so the goal is still `active`).
///
/// ```
/// let g: egensag::model::Goal = serde_json::from_str(r#"{"id": "G", "text": "T", "set": "2026-01-01",
///   "status": "achieved", "status_at": "2026-05-01"}"#).unwrap();
/// use egensag::plans::{goal_status, GoalStatusCode};
/// let day = |m| chrono::NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
/// assert_eq!(goal_status(&g, day(4)).0, GoalStatusCode::Active);
/// assert_eq!(goal_status(&g, day(5)), (GoalStatusCode::Achieved, day(5)));
/// ```
pub fn goal_status(goal: &Goal, as_of: NaiveDate) -> (GoalStatusCode, NaiveDate) {
    let reached = goal.status_at.is_none_or(|at| at <= as_of);
    let code = match goal.status {
        GoalState::Active => GoalStatusCode::Active,
        _ if !reached => GoalStatusCode::Active,
        GoalState::Achieved => GoalStatusCode::Achieved,
        GoalState::NotAchieved => GoalStatusCode::NotAchieved,
        GoalState::Cancelled => GoalStatusCode::Cancelled,
    };
    let since = match code {
        GoalStatusCode::Active => goal.set,
        _ => goal.status_at.unwrap_or(goal.set),
    };
    (code, since)
}

/// Whether the plan is active on `as_of` with at least one active goal (a goal can be
/// assessed).
pub(crate) fn has_goal_to_assess(plan: &Plan, as_of: NaiveDate) -> bool {
    plan_status(plan, as_of).0 == PlanStatusCode::Active
        && plan
            .goals
            .iter()
            .any(|g| goal_status(g, as_of).0 == GoalStatusCode::Active)
}

/// Whether the plan needs the citizen's approval and has not had it by `as_of`.
pub(crate) fn awaiting_approval(plan: &Plan, as_of: NaiveDate) -> bool {
    plan.requires_approval && plan.approved_on.is_none_or(|day| day > as_of)
}

/// The parts of a plan's view that come from the plan alone (the caller adds id, title,
/// area and actions).
pub(crate) struct PlanBody {
    pub(crate) status: PlanStatus,
    pub(crate) goals: Vec<GoalView>,
    pub(crate) goals_achieved: usize,
    pub(crate) goals_total: usize,
    pub(crate) activities: Vec<ActivityView>,
    pub(crate) next_follow_up: Option<NaiveDate>,
    pub(crate) follow_up_overdue: Option<bool>,
    pub(crate) awaiting_approval: bool,
}

/// Presents a plan's status, goals and activities on `as_of`.
pub(crate) fn plan_body(plan: &Plan, as_of: NaiveDate, language: Language) -> PlanBody {
    let (code, since) = plan_status(plan, as_of);
    let mut goals: Vec<GoalView> = plan
        .goals
        .iter()
        .map(|g| goal_view(g, as_of, language))
        .collect();
    order::sort_by(&mut goals, |a, b| (a.set, &a.id).cmp(&(b.set, &b.id)));
    let counted = |code: GoalStatusCode| goals.iter().filter(|g| g.status.code == code).count();
    let goals_achieved = counted(GoalStatusCode::Achieved);
    let goals_total = goals.len() - counted(GoalStatusCode::Cancelled);
    let mut activities: Vec<ActivityView> = plan
        .activities
        .iter()
        .map(|a| activity_view(a, as_of))
        .collect();
    order::sort_by(&mut activities, |a, b| {
        (a.from, &a.id).cmp(&(b.from, &b.id))
    });
    PlanBody {
        status: PlanStatus {
            code,
            text: code.text(language).to_owned(),
            since,
        },
        goals,
        goals_achieved,
        goals_total,
        activities,
        next_follow_up: plan.next_follow_up,
        follow_up_overdue: plan.next_follow_up.map(|day| as_of > day),
        awaiting_approval: awaiting_approval(plan, as_of),
    }
}

/// A goal as shown on `as_of`.
fn goal_view(goal: &Goal, as_of: NaiveDate, language: Language) -> GoalView {
    let (code, since) = goal_status(goal, as_of);
    GoalView {
        id: goal.id.clone(),
        text: goal.text.clone(),
        set: goal.set,
        status: GoalStatus {
            code,
            text: code.text(language).to_owned(),
            since,
        },
        citizen_assessment: latest(&goal.assessments, Assessor::Citizen, as_of),
        caseworker_assessment: latest(&goal.assessments, Assessor::Caseworker, as_of),
    }
}

/// The latest assessment by `by` on or before `as_of` (among assessments at the same
/// moment, the highest score on the largest scale, so that input order never matters).
fn latest(assessments: &[Assessment], by: Assessor, as_of: NaiveDate) -> Option<AssessmentView> {
    assessments
        .iter()
        .filter(|a| a.by == by && a.at.date() <= as_of)
        .max_by(|a, b| (a.at, a.score, a.scale_max).cmp(&(b.at, b.score, b.scale_max)))
        .map(|a| AssessmentView {
            at: a.at,
            score: a.score,
            scale_max: a.scale_max,
        })
}

/// An activity as shown on `as_of`.
fn activity_view(activity: &Activity, as_of: NaiveDate) -> ActivityView {
    let open = !matches!(
        activity.status,
        ActivityStatus::Cancelled | ActivityStatus::Completed
    );
    ActivityView {
        id: activity.id.clone(),
        text: activity.text.clone(),
        with_role: activity.with_role.clone(),
        place: activity.place.clone(),
        from: activity.from,
        to: activity.to,
        status: activity.status,
        current: open && activity.from <= as_of && activity.to.is_none_or(|to| as_of <= to),
    }
}
