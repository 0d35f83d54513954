//! Evaluation: the one loop over a request's records. It decides each record with the
//! visibility rules and builds what the caller wants of each visible one: a view for the
//! overview and the explanation, nothing when only the decisions are counted.

use crate::actions::{consider, offered, Action, ActionCheck, RecordState};
use crate::error::Error;
use crate::kle::KleNumber;
use crate::model::{Appointment, Benefit, Case, Mandate, Plan, Request};
use crate::plans::{awaiting_approval, has_goal_to_assess};
use crate::status::{case_status, is_closed, CaseStatusCode};
use crate::values::{
    appointment_problems, benefit_problems, case_problems, plan_problems, ValueProblem,
};
use crate::visibility::{
    actor, claimed_mandates, decide, Access, CompiledPolicy, Detail, KleFact, Reason, RecordFacts,
    RequestFacts, Verdict,
};

/// What is built of each visible record.
pub(crate) trait Build {
    /// What is built of a visible case.
    type Case;
    /// What is built of a visible benefit.
    type Benefit;
    /// What is built of a visible appointment.
    type Appointment;
    /// What is built of a visible plan.
    type Plan;

    /// Whether the actions of visible records are worked out (docs/plans-and-actions.md).
    const ACTIONS: bool = true;

    /// Whether a visible benefit, appointment or plan is told if its case is shown.
    const CASE_LINKS: bool = true;

    /// Builds a visible case with subject number `number` and the actions offered.
    fn case(&self, case: &Case, number: KleNumber, actions: Vec<Action>) -> Self::Case;

    /// Builds a visible benefit; `None` when it cannot be presented, which hides it
    /// (fail closed). `case_shown` tells whether its case is shown too.
    fn benefit(
        &self,
        benefit: &Benefit,
        number: KleNumber,
        case_shown: bool,
    ) -> Option<Self::Benefit>;

    /// Builds a visible appointment; `case_shown` tells whether its case is shown too.
    fn appointment(
        &self,
        appointment: &Appointment,
        number: KleNumber,
        case_shown: bool,
        actions: Vec<Action>,
    ) -> Self::Appointment;

    /// Builds a visible plan whose own values are sound; `case_shown` tells whether its
    /// case is shown too.
    fn plan(
        &self,
        plan: &Plan,
        number: KleNumber,
        case_shown: bool,
        actions: Vec<Action>,
    ) -> Self::Plan;
}

/// Builds nothing: the decisions alone.
pub(crate) struct DecisionsOnly;

impl Build for DecisionsOnly {
    type Case = ();
    type Benefit = ();
    type Appointment = ();
    type Plan = ();

    const ACTIONS: bool = false;
    const CASE_LINKS: bool = false;

    fn case(&self, _: &Case, _: KleNumber, _: Vec<Action>) {}

    fn benefit(&self, _: &Benefit, _: KleNumber, _: bool) -> Option<()> {
        Some(())
    }

    fn appointment(&self, _: &Appointment, _: KleNumber, _: bool, _: Vec<Action>) {}

    fn plan(&self, _: &Plan, _: KleNumber, _: bool, _: Vec<Action>) {}
}

/// One record's decision and, when visible, what was built of it and every action of
/// its kind considered.
pub(crate) struct Evaluated<V> {
    pub(crate) decision: Verdict,
    pub(crate) built: Option<V>,
    pub(crate) actions: Vec<ActionCheck>,
}

/// Every record of a request, in input order, decided and built.
pub(crate) struct Evaluation<B: Build> {
    pub(crate) cases: Vec<Evaluated<B::Case>>,
    pub(crate) benefits: Vec<Evaluated<B::Benefit>>,
    pub(crate) appointments: Vec<Evaluated<B::Appointment>>,
    pub(crate) plans: Vec<Evaluated<B::Plan>>,
}

impl<B: Build> Evaluation<B> {
    /// The number of visible records.
    pub(crate) fn visible(&self) -> usize {
        let visible = |d: &Verdict| usize::from(d.visible());
        self.cases
            .iter()
            .map(|e| visible(&e.decision))
            .sum::<usize>()
            + self
                .benefits
                .iter()
                .map(|e| visible(&e.decision))
                .sum::<usize>()
            + self
                .appointments
                .iter()
                .map(|e| visible(&e.decision))
                .sum::<usize>()
            + self
                .plans
                .iter()
                .map(|e| visible(&e.decision))
                .sum::<usize>()
    }
}

/// What was built of the visible records, in input order.
pub(crate) fn built<V>(evaluated: Vec<Evaluated<V>>) -> Vec<V> {
    evaluated.into_iter().filter_map(|e| e.built).collect()
}

/// Decides every record of `request` (cases first: an appointment or plan may take its
/// subject number from its shown case) and builds each visible one with `build`.
pub(crate) fn evaluate<B: Build>(
    policy: &CompiledPolicy,
    request: &Request,
    detail: Detail,
    build: &B,
) -> Result<Evaluation<B>, Error> {
    let claimed = claimed_mandates(policy, request)?;
    let mandates: Vec<&Mandate> = request.mandates.iter().chain(claimed.iter()).collect();
    let access = Access::new(policy, request, &mandates);
    let acts = Acts {
        policy,
        access: &access,
        as_of: request.as_of,
        wanted: B::ACTIONS,
    };
    let limits = &policy.limits;
    let mut facts = RequestFacts::new(request);
    let mut cases = Vec::with_capacity(request.cases.len());
    for (position, case) in request.cases.iter().enumerate() {
        let record = facts.case(case);
        let mut decision = decide(policy, &access, &record, detail);
        check_values(&mut decision, || case_problems(case, limits));
        let mut evaluated = Evaluated::hidden(decision);
        if let (true, KleFact::Valid(n)) = (evaluated.decision.visible(), record.kle) {
            facts.show_case(position, record.kle);
            evaluated.actions = acts.consider(&record, n, || case_state(case, request));
            evaluated.built = Some(build.case(case, n, offered(&evaluated.actions)));
        }
        cases.push(evaluated);
    }
    let mut benefits = Vec::with_capacity(request.benefits.len());
    for benefit in &request.benefits {
        let record = facts.benefit(benefit);
        let mut decision = decide(policy, &access, &record, detail);
        check_values(&mut decision, || benefit_problems(benefit, limits));
        let mut evaluated = Evaluated::hidden(decision);
        if let (true, KleFact::Valid(n)) = (evaluated.decision.visible(), record.kle) {
            let case_shown = case_link::<B>(&facts, &benefit.source, benefit.case_id.as_ref());
            evaluated.built = build.benefit(benefit, n, case_shown);
            if evaluated.built.is_none() {
                // It could not be presented: fail closed.
                evaluated.decision.hide(Reason::ErrorAmountOverflow);
            }
        }
        benefits.push(evaluated);
    }
    let mut appointments = Vec::with_capacity(request.appointments.len());
    for appointment in &request.appointments {
        let record = facts.appointment(appointment);
        let mut decision = decide(policy, &access, &record, detail);
        check_values(&mut decision, || appointment_problems(appointment));
        let mut evaluated = Evaluated::hidden(decision);
        if let (true, KleFact::Valid(n)) = (evaluated.decision.visible(), record.kle) {
            let case_shown =
                case_link::<B>(&facts, &appointment.source, appointment.case_id.as_ref());
            let state = || RecordState::Appointment {
                cancelled: appointment.cancelled,
                start: appointment.start.date_naive(),
            };
            evaluated.actions = acts.consider(&record, n, state);
            let offered = offered(&evaluated.actions);
            evaluated.built = Some(build.appointment(appointment, n, case_shown, offered));
        }
        appointments.push(evaluated);
    }
    let mut plans = Vec::with_capacity(request.plans.len());
    for plan in &request.plans {
        let record = facts.plan(plan);
        let mut decision = decide(policy, &access, &record, detail);
        check_values(&mut decision, || plan_problems(plan, limits));
        let mut evaluated = Evaluated::hidden(decision);
        if let (true, KleFact::Valid(n)) = (evaluated.decision.visible(), record.kle) {
            let case_shown = case_link::<B>(&facts, &plan.source, plan.case_id.as_ref());
            let state = || RecordState::Plan {
                goal_to_assess: has_goal_to_assess(plan, request.as_of),
                awaiting_approval: awaiting_approval(plan, request.as_of),
            };
            evaluated.actions = acts.consider(&record, n, state);
            let offered = offered(&evaluated.actions);
            evaluated.built = Some(build.plan(plan, n, case_shown, offered));
        }
        plans.push(evaluated);
    }
    Ok(Evaluation {
        cases,
        benefits,
        appointments,
        plans,
    })
}

impl<V> Evaluated<V> {
    /// A record decided, nothing built yet.
    fn hidden(decision: Verdict) -> Evaluated<V> {
        Evaluated {
            decision,
            built: None,
            actions: Vec::new(),
        }
    }
}

/// Whether a visible benefit, appointment or plan names a case that is shown, when `B`
/// tells it ([`Build::CASE_LINKS`]; deciding alone never asks, so never builds the map
/// of shown cases).
fn case_link<B: Build>(facts: &RequestFacts, source: &str, case_id: Option<&String>) -> bool {
    B::CASE_LINKS && facts.case_shown(source, case_id)
}

/// Checks the own values of a record the rules would show (docs/limits.md: the
/// record is decided first); malformed ones hide it with each of their reasons, which
/// come in rule order whatever the order of its items.
fn check_values(decision: &mut Verdict, problems: impl FnOnce() -> Vec<ValueProblem>) {
    if !decision.visible() {
        return;
    }
    for problem in problems() {
        decision.hide(problem.reason);
    }
}

/// What working out a visible record's actions needs.
struct Acts<'a> {
    policy: &'a CompiledPolicy,
    access: &'a Access<'a>,
    as_of: chrono::NaiveDate,
    wanted: bool,
}

impl Acts<'_> {
    /// Every action of the record's kind considered (nothing when actions are not wanted).
    fn consider(
        &self,
        record: &RecordFacts<'_>,
        number: KleNumber,
        state: impl FnOnce() -> RecordState,
    ) -> Vec<ActionCheck> {
        if !self.wanted {
            return Vec::new();
        }
        let actor = actor(self.policy, self.access, record);
        consider(
            &self.policy.actions,
            number,
            record.source,
            record.kind,
            &actor,
            state(),
            self.as_of,
        )
    }
}

/// A case's state for actions: closed, or awaiting the citizen, on `as_of`.
fn case_state(case: &Case, request: &Request) -> RecordState {
    let status = case_status(case, request.as_of, None, request.language);
    RecordState::Case {
        closed: is_closed(case, request.as_of),
        awaiting_you: status.code == CaseStatusCode::AwaitingYou,
    }
}
