//! Evaluation: the one loop over a request's records. It decides each record with the
//! visibility rules and builds what the caller wants of each visible one: a view for the
//! overview and the explanation, nothing when only the decisions are counted.

use crate::error::Error;
use crate::kle::KleNumber;
use crate::model::{Appointment, Benefit, Case, Mandate, Request};
use crate::visibility::{
    claimed_mandates, decide, Access, CompiledPolicy, Decision, Detail, KleFact, Reason,
    RequestFacts,
};

/// What is built of each visible record.
pub(crate) trait Build {
    /// What is built of a visible case.
    type Case;
    /// What is built of a visible benefit.
    type Benefit;
    /// What is built of a visible appointment.
    type Appointment;

    /// Builds a visible case with subject number `number`.
    fn case(&self, case: &Case, number: KleNumber) -> Self::Case;

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
    ) -> Self::Appointment;
}

/// Builds nothing: the decisions alone.
pub(crate) struct DecisionsOnly;

impl Build for DecisionsOnly {
    type Case = ();
    type Benefit = ();
    type Appointment = ();

    fn case(&self, _: &Case, _: KleNumber) {}

    fn benefit(&self, _: &Benefit, _: KleNumber, _: bool) -> Option<()> {
        Some(())
    }

    fn appointment(&self, _: &Appointment, _: KleNumber, _: bool) {}
}

/// One record's decision and, when visible, what was built of it.
pub(crate) struct Evaluated<V> {
    pub(crate) decision: Decision,
    pub(crate) built: Option<V>,
}

/// Every record of a request, in input order, decided and built.
pub(crate) struct Evaluation<B: Build> {
    pub(crate) cases: Vec<Evaluated<B::Case>>,
    pub(crate) benefits: Vec<Evaluated<B::Benefit>>,
    pub(crate) appointments: Vec<Evaluated<B::Appointment>>,
}

impl<B: Build> Evaluation<B> {
    /// The number of visible records.
    pub(crate) fn visible(&self) -> usize {
        let visible = |d: &Decision| usize::from(d.visible);
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
    }
}

/// What was built of the visible records, in input order.
pub(crate) fn built<V>(evaluated: Vec<Evaluated<V>>) -> Vec<V> {
    evaluated.into_iter().filter_map(|e| e.built).collect()
}

/// Decides every record of `request` (cases first: an appointment may take its subject
/// number from its shown case) and builds each visible one with `build`.
pub(crate) fn evaluate<B: Build>(
    policy: &CompiledPolicy,
    request: &Request,
    detail: Detail,
    build: &B,
) -> Result<Evaluation<B>, Error> {
    let claimed = claimed_mandates(policy, request)?;
    let mandates: Vec<&Mandate> = request.mandates.iter().chain(claimed.iter()).collect();
    let access = Access::new(policy, request, &mandates);
    let mut facts = RequestFacts::new(request);
    let mut cases = Vec::with_capacity(request.cases.len());
    for case in &request.cases {
        let record = facts.case(case);
        let decision = decide(policy, &access, &record, detail);
        let built = match (decision.visible, record.kle) {
            (true, KleFact::Valid(n)) => {
                facts.show_case(case, record.kle);
                Some(build.case(case, n))
            }
            _ => None,
        };
        cases.push(Evaluated { decision, built });
    }
    let mut benefits = Vec::with_capacity(request.benefits.len());
    for benefit in &request.benefits {
        let record = facts.benefit(benefit);
        let mut decision = decide(policy, &access, &record, detail);
        let mut built = None;
        if let (true, KleFact::Valid(n)) = (decision.visible, record.kle) {
            let case_shown = facts.case_shown(&benefit.source, benefit.case_id.as_ref());
            built = build.benefit(benefit, n, case_shown);
            if built.is_none() {
                fail_closed(&mut decision, Reason::ErrorAmountOverflow);
            }
        }
        benefits.push(Evaluated { decision, built });
    }
    let mut appointments = Vec::with_capacity(request.appointments.len());
    for appointment in &request.appointments {
        let record = facts.appointment(appointment);
        let decision = decide(policy, &access, &record, detail);
        let built = match (decision.visible, record.kle) {
            (true, KleFact::Valid(n)) => {
                let case_shown =
                    facts.case_shown(&appointment.source, appointment.case_id.as_ref());
                Some(build.appointment(appointment, n, case_shown))
            }
            _ => None,
        };
        appointments.push(Evaluated { decision, built });
    }
    Ok(Evaluation {
        cases,
        benefits,
        appointments,
    })
}

/// Hides a record that could not be presented (fail closed).
fn fail_closed(decision: &mut Decision, reason: Reason) {
    decision.visible = false;
    decision.reasons.push(reason);
}
