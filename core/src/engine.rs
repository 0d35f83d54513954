//! The engine: a policy (and optional KLE catalogue) compiled once, then used for any
//! number of requests, from any number of threads.

use crate::error::{Error, ErrorCode};
use crate::explanation::{Explanation, ExplanationEntry, ItemKind};
use crate::kle::{Catalogue, Facet, KleNumber};
use crate::model::parse::{check_size_and_depth, from_json};
use crate::model::{
    parse_policy, Appointment, Benefit, Case, Mandate, Policy, RecordFlags, RecordKind, Request,
};
use crate::notifications::Notifications;
use crate::overview::{AppointmentView, BenefitView, CaseView, Overview, Totals, YearTotal};
use crate::presentation::{paid, Presenter};
use crate::privileges::mandates_from_claim;
use crate::status::is_closed;
use crate::validation::ValidationReport;
use crate::visibility::{
    cpr_is, decide, Access, CompiledPolicy, DateFact, Decision, Detail, KleFact, Reason,
    RecordFacts, RoleSet,
};
use chrono::Datelike;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A compiled policy, immutable and `Send + Sync`: build it once, share it.
///
/// ```
/// use egensag::Engine;
/// let engine = Engine::from_policy_json(r#"{
///   "id": "kk-2026-11",
///   "kle": { "include": [ { "pattern": "32.*", "from": "2007-12-01" } ] }
/// }"#).unwrap();
/// let overview = engine.overview_json(r#"{
///   "as_of": "2026-11-23",
///   "subject": { "cpr": "0101901234" },
///   "viewer":  { "cpr": "0101901234", "role": "self" },
///   "cases": [ { "id": "S-1", "source": "KSD", "title": "Sygedagpenge", "kle": "32.30.04",
///                "parties": [ { "cpr": "0101901234", "role": "primary" } ], "created": "2026-11-02",
///                "progress": [ { "state": "oplyst", "at": "2026-11-05" } ] } ]
/// }"#).unwrap();
/// assert!(overview.contains(r#""text":"Sagen behandles""#));
/// assert!(!overview.contains("0101901234"));
/// ```
#[derive(Debug, Clone)]
pub struct Engine {
    policy: Policy,
    compiled: CompiledPolicy,
    catalogue: Option<Catalogue>,
}

/// One record's decision and, when visible, what is shown of it.
struct Evaluated<V> {
    decision: Decision,
    view: Option<V>,
}

/// Every record of a request, decided and presented.
struct Evaluation {
    cases: Vec<Evaluated<CaseView>>,
    benefits: Vec<Evaluated<BenefitView>>,
    appointments: Vec<Evaluated<AppointmentView>>,
}

impl Engine {
    /// Compiles a parsed policy.
    ///
    /// ```
    /// let policy = egensag::model::parse_policy(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let engine = egensag::Engine::new(policy);
    /// assert_eq!(engine.policy().id, "p");
    /// ```
    pub fn new(policy: Policy) -> Engine {
        let compiled = CompiledPolicy::new(&policy);
        Engine {
            policy,
            compiled,
            catalogue: None,
        }
    }

    /// Parses and compiles a policy given as JSON.
    ///
    /// ```
    /// let err = egensag::Engine::from_policy_json("{").unwrap_err();
    /// assert_eq!(err.code(), egensag::ErrorCode::InvalidJson);
    /// ```
    pub fn from_policy_json(policy_json: &str) -> Result<Engine, Error> {
        parse_policy(policy_json).map(Engine::new)
    }

    /// The same engine with a KLE catalogue, for subject and area titles.
    ///
    /// ```
    /// let catalogue = egensag::kle::Catalogue::from_json(r#"{"published": null, "entries": [{"number": "32", "title": "Social ydelser"}]}"#).unwrap();
    /// let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap().with_catalogue(catalogue);
    /// assert!(engine.catalogue().is_some());
    /// ```
    pub fn with_catalogue(mut self, catalogue: Catalogue) -> Engine {
        self.catalogue = Some(catalogue);
        self
    }

    /// Reads a catalogue given as KLE-online XML (starting with `<`) or as JSON.
    ///
    /// ```
    /// let c = egensag::Engine::parse_catalogue(r#"{"published": null, "entries": []}"#).unwrap();
    /// assert!(c.entries.is_empty());
    /// ```
    pub fn parse_catalogue(text: &str) -> Result<Catalogue, Error> {
        if text.trim_start().starts_with('<') {
            Catalogue::from_xml(text)
        } else {
            Catalogue::from_json(text)
        }
    }

    /// The policy this engine was compiled from.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// assert!(engine.policy().kle.include.is_empty());
    /// ```
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The catalogue, if one was given.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// assert!(engine.catalogue().is_none());
    /// ```
    pub fn catalogue(&self) -> Option<&Catalogue> {
        self.catalogue.as_ref()
    }

    /// Parses a request within this policy's limits.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let err = engine.parse_request(r#"{"as_of": "2026-13-01"}"#).unwrap_err();
    /// assert_eq!(err.path(), "as_of");
    /// ```
    pub fn parse_request(&self, request_json: &str) -> Result<Request, Error> {
        crate::model::parse::parse_request_with(request_json, &self.policy.limits)
    }

    /// The citizen's overview.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
    /// let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0202804321", "role": "relative"},
    ///   "cases": [{"id": "S-1", "source": "KSD", "title": "T", "kle": "32.30.04",
    ///              "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-11-01"}]}"#).unwrap();
    /// assert!(engine.overview(&request).unwrap().cases.is_empty()); // no consent
    /// ```
    pub fn overview(&self, request: &Request) -> Result<Overview, Error> {
        let evaluation = self.evaluate(request, Detail::Reasons)?;
        let mut cases: Vec<CaseView> = evaluation
            .cases
            .into_iter()
            .filter_map(|e| e.view)
            .collect();
        cases.sort_by(|a, b| {
            b.status
                .since
                .cmp(&a.status.since)
                .then_with(|| (&a.source, &a.id).cmp(&(&b.source, &b.id)))
        });
        let mut benefits: Vec<BenefitView> = evaluation
            .benefits
            .into_iter()
            .filter_map(|e| e.view)
            .collect();
        benefits.sort_by(|a, b| {
            latest(b)
                .cmp(&latest(a))
                .then_with(|| (&a.source, &a.id).cmp(&(&b.source, &b.id)))
        });
        let mut appointments: Vec<AppointmentView> = evaluation
            .appointments
            .into_iter()
            .filter_map(|e| e.view)
            .filter(|a| a.end.date_naive() >= request.as_of)
            .collect();
        appointments.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then_with(|| (&a.source, &a.id).cmp(&(&b.source, &b.id)))
        });
        let totals = totals(&benefits)?;
        Ok(Overview {
            as_of: request.as_of,
            language: request.language,
            subject: request.subject.cpr.masked(),
            viewer_role: request.viewer.role,
            cases,
            benefits,
            appointments,
            totals,
        })
    }

    /// The explanation: every record's decision with its reasons and rules.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
    /// # let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    /// #   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
    /// assert!(engine.explain(&request).unwrap().entries.is_empty());
    /// ```
    pub fn explain(&self, request: &Request) -> Result<Explanation, Error> {
        let evaluation = self.evaluate(request, Detail::Rules)?;
        let entry = |kind: ItemKind, source: &str, id: &str, decision: Decision| ExplanationEntry {
            kind,
            source: source.to_owned(),
            id: id.to_owned(),
            visible: decision.visible,
            reasons: decision.reasons,
            rules: decision.rules,
        };
        let mut entries = Vec::new();
        for (case, e) in request.cases.iter().zip(evaluation.cases) {
            entries.push(entry(ItemKind::Case, &case.source, &case.id, e.decision));
        }
        for (benefit, e) in request.benefits.iter().zip(evaluation.benefits) {
            entries.push(entry(
                ItemKind::Benefit,
                &benefit.source,
                &benefit.id,
                e.decision,
            ));
        }
        for (appointment, e) in request.appointments.iter().zip(evaluation.appointments) {
            entries.push(entry(
                ItemKind::Appointment,
                &appointment.source,
                &appointment.id,
                e.decision,
            ));
        }
        Ok(Explanation {
            as_of: request.as_of,
            policy: self.policy.id.clone(),
            viewer_role: request.viewer.role,
            entries,
        })
    }

    /// Validates a parsed request: what the engine would hide because a source wrote it wrong.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// # let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    /// #   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
    /// assert!(engine.validate(&request).valid);
    /// ```
    pub fn validate(&self, request: &Request) -> ValidationReport {
        crate::validation::validate(request)
    }

    /// The notifications from an earlier overview to a later one of the same subject.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// # let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    /// #   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
    /// let overview = engine.overview(&request).unwrap();
    /// assert!(engine.notifications(&overview, &overview).unwrap().notifications.is_empty());
    /// ```
    pub fn notifications(
        &self,
        previous: &Overview,
        current: &Overview,
    ) -> Result<Notifications, Error> {
        crate::notifications::notifications(previous, current)
    }

    /// Makes an engine from policy JSON and an optional catalogue (KLE-online XML or JSON):
    /// the constructor the C and WebAssembly bindings call.
    ///
    /// ```
    /// let err = egensag::Engine::from_json(r#"{"id": "p", "kle": {"include": []}}"#, Some("<KLE-Emneplan>")).unwrap_err();
    /// assert_eq!(err.path(), "catalogue");
    /// ```
    pub fn from_json(policy_json: &str, catalogue: Option<&str>) -> Result<Engine, Error> {
        let engine = Engine::from_policy_json(policy_json)?;
        match catalogue {
            None => Ok(engine),
            Some(text) => Ok(engine.with_catalogue(Engine::parse_catalogue(text).map_err(
                |e| {
                    if e.path().is_empty() {
                        e.at("catalogue")
                    } else {
                        e
                    }
                },
            )?)),
        }
    }

    /// JSON request in, JSON overview out: the same bytes on every binding.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let err = engine.overview_json(r#"{"as_of": "2026-11-23"}"#).unwrap_err();
    /// assert_eq!(err.to_json(), r#"{"code":"invalid_input","message":"missing field `subject`","path":""}"#);
    /// ```
    pub fn overview_json(&self, request_json: &str) -> Result<String, Error> {
        to_json(&self.overview(&self.parse_request(request_json)?)?)
    }

    /// JSON request in, JSON explanation out.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let e = engine.explain_json(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
    /// assert_eq!(e, r#"{"as_of":"2026-11-23","policy":"p","viewer_role":"self","entries":[]}"#);
    /// ```
    pub fn explain_json(&self, request_json: &str) -> Result<String, Error> {
        to_json(&self.explain(&self.parse_request(request_json)?)?)
    }

    /// JSON request in, JSON validation report out.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let r = engine.validate_json(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
    /// assert_eq!(r, r#"{"valid":true,"problems":[]}"#);
    /// ```
    pub fn validate_json(&self, request_json: &str) -> Result<String, Error> {
        to_json(&self.validate(&self.parse_request(request_json)?))
    }

    /// Two JSON overviews in (earlier, later), JSON notifications out.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": []}}"#).unwrap();
    /// let err = engine.notifications_json("{}", "{}").unwrap_err();
    /// assert!(err.path().starts_with("previous"));
    /// ```
    pub fn notifications_json(
        &self,
        previous_json: &str,
        current_json: &str,
    ) -> Result<String, Error> {
        let limits = &self.policy.limits;
        let read = |json: &str, name: &str| -> Result<Overview, Error> {
            check_size_and_depth(json, limits).map_err(|e| e.at(name))?;
            from_json::<Overview>(json, ErrorCode::InvalidInput).map_err(|e| e.at(name))
        };
        let previous = read(previous_json, "previous")?;
        let current = read(current_json, "current")?;
        to_json(&self.notifications(&previous, &current)?)
    }

    /// The visibility rules alone (DOMAIN.md section 3) over every record of a parsed
    /// request: the number of records visible. For benchmarks that compare the decision
    /// with other policy engines; it presents nothing, so the fail-closed check on benefit
    /// totals (a presentation step) is not run.
    ///
    /// ```
    /// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
    /// let request = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
    ///   "viewer": {"cpr": "0101901234", "role": "self"},
    ///   "cases": [{"id": "S-1", "source": "KSD", "kle": "32.30.04",
    ///              "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-11-01"}]}"#).unwrap();
    /// assert_eq!(engine.decide_all(&request).unwrap(), 1);
    /// ```
    #[doc(hidden)]
    pub fn decide_all(&self, request: &Request) -> Result<usize, Error> {
        let claimed = self.claimed_mandates(request)?;
        let mandates: Vec<&Mandate> = request.mandates.iter().chain(claimed.iter()).collect();
        let access = Access::new(&self.compiled, request, &mandates);
        let mut visible = 0;
        let mut shown_cases: HashMap<(&str, &str), KleFact> = HashMap::new();
        for case in &request.cases {
            let facts = case_facts(case, request);
            if decide(&self.compiled, &access, &facts, Detail::Reasons).visible {
                visible += 1;
                shown_cases.insert((case.source.as_str(), case.id.as_str()), facts.kle);
            }
        }
        for benefit in &request.benefits {
            let facts = benefit_facts(benefit, request);
            visible +=
                usize::from(decide(&self.compiled, &access, &facts, Detail::Reasons).visible);
        }
        let all_cases = CaseKeys::new(request);
        for appointment in &request.appointments {
            let kle = appointment_kle(appointment, &all_cases, &shown_cases);
            let facts = appointment_facts(appointment, request, kle);
            visible +=
                usize::from(decide(&self.compiled, &access, &facts, Detail::Reasons).visible);
        }
        Ok(visible)
    }

    /// The fuldmagt mandates of the request's NemLog-in claim, if it has one.
    fn claimed_mandates(&self, request: &Request) -> Result<Vec<Mandate>, Error> {
        match &request.privileges_intermediate {
            Some(claim) => mandates_from_claim(claim, request.viewer.cpr, request.as_of)
                .map_err(|e| e.at("privileges_intermediate")),
            None => Ok(Vec::new()),
        }
    }

    /// Decides and presents every record of the request.
    fn evaluate(&self, request: &Request, detail: Detail) -> Result<Evaluation, Error> {
        let claimed = self.claimed_mandates(request)?;
        let mandates: Vec<&Mandate> = request.mandates.iter().chain(claimed.iter()).collect();
        let access = Access::new(&self.compiled, request, &mandates);
        let presenter = Presenter {
            policy: &self.policy,
            catalogue: self.catalogue.as_ref(),
            as_of: request.as_of,
            language: request.language,
        };
        let mut shown_cases: HashMap<(&str, &str), KleFact> = HashMap::new();
        let mut cases = Vec::with_capacity(request.cases.len());
        for case in &request.cases {
            let facts = case_facts(case, request);
            let decision = decide(&self.compiled, &access, &facts, detail);
            let view = match (decision.visible, facts.kle) {
                (true, KleFact::Valid(n)) => {
                    shown_cases.insert((case.source.as_str(), case.id.as_str()), facts.kle);
                    let days = self.compiled.processing_days.best(n).map(|(_, d)| *d);
                    Some(presenter.case(case, n, days))
                }
                _ => None,
            };
            cases.push(Evaluated { decision, view });
        }
        let case_shown = |source: &str, id: Option<&String>| {
            id.is_some_and(|id| shown_cases.contains_key(&(source, id.as_str())))
        };
        let mut benefits = Vec::with_capacity(request.benefits.len());
        for benefit in &request.benefits {
            let facts = benefit_facts(benefit, request);
            let mut decision = decide(&self.compiled, &access, &facts, detail);
            let mut view = None;
            if let (true, KleFact::Valid(n)) = (decision.visible, facts.kle) {
                let from = self.compiled.include_rule(n, None).and_then(|r| r.from);
                view = presenter.benefit(
                    benefit,
                    n,
                    from,
                    case_shown(&benefit.source, benefit.case_id.as_ref()),
                );
                if view.is_none() {
                    fail_closed(&mut decision, Reason::ErrorAmountOverflow);
                }
            }
            benefits.push(Evaluated { decision, view });
        }
        let all_cases = CaseKeys::new(request);
        let mut appointments = Vec::with_capacity(request.appointments.len());
        for appointment in &request.appointments {
            let kle = appointment_kle(appointment, &all_cases, &shown_cases);
            let facts = appointment_facts(appointment, request, kle);
            let decision = decide(&self.compiled, &access, &facts, detail);
            let view = match (decision.visible, facts.kle) {
                (true, KleFact::Valid(n)) => Some(presenter.appointment(
                    appointment,
                    n,
                    case_shown(&appointment.source, appointment.case_id.as_ref()),
                )),
                _ => None,
            };
            appointments.push(Evaluated { decision, view });
        }
        Ok(Evaluation {
            cases,
            benefits,
            appointments,
        })
    }
}

/// Hides a record that could not be presented (fail closed).
fn fail_closed(decision: &mut Decision, reason: Reason) {
    decision.visible = false;
    decision.reasons.push(reason);
}

/// The date benefits are sorted by: the latest listed payment, else the status date.
fn latest(benefit: &BenefitView) -> chrono::NaiveDate {
    benefit
        .payments
        .iter()
        .map(|p| p.disposition_date)
        .max()
        .unwrap_or(benefit.status.since)
}

/// Net paid by year and total debt over the visible benefits.
fn totals(benefits: &[BenefitView]) -> Result<Totals, Error> {
    let overflow = || Error::input("benefits", "expected amounts whose totals fit in 64 bits");
    let mut by_year: BTreeMap<i32, i64> = BTreeMap::new();
    for payment in benefits.iter().flat_map(|b| paid(&b.payments)) {
        let sum = by_year.entry(payment.disposition_date.year()).or_insert(0);
        *sum = sum.checked_add(payment.net_ore).ok_or_else(overflow)?;
    }
    let debt_ore = benefits
        .iter()
        .filter_map(|b| b.debt_ore)
        .try_fold(0i64, i64::checked_add)
        .ok_or_else(overflow)?;
    Ok(Totals {
        paid_by_year: by_year
            .into_iter()
            .map(|(year, net_ore)| YearTotal { year, net_ore })
            .collect(),
        debt_ore,
    })
}

/// The flags every kind of record carries under the same field names.
macro_rules! flags_of {
    ($record:expr) => {
        RecordFlags {
            sensitivity: $record.sensitivity,
            withheld_from_citizen: $record.withheld_from_citizen,
            withheld_from_representatives: $record.withheld_from_representatives,
            void: $record.void,
        }
    };
}

/// A record's own KLE number as the rules see it.
fn own_kle(kle: Option<&String>) -> KleFact {
    match kle.map(|k| KleNumber::parse(k)) {
        Some(Ok(n)) => KleFact::Valid(n),
        _ => KleFact::Invalid,
    }
}

/// The facts of a case.
fn case_facts<'a>(case: &'a Case, request: &Request) -> RecordFacts<'a> {
    let subject = &request.subject.cpr;
    let mut any_cpr = false;
    let mut subject_roles = RoleSet::default();
    for party in &case.parties {
        match party.cpr.as_deref().and_then(|c| cpr_is(c, subject)) {
            Some(true) => {
                any_cpr = true;
                subject_roles.insert(party.role);
            }
            Some(false) => any_cpr = true,
            None => {}
        }
    }
    RecordFacts {
        kind: RecordKind::Cases,
        source: &case.source,
        id: &case.id,
        flags: flags_of!(case),
        kle: own_kle(case.kle.as_ref()),
        facet: case
            .facet
            .as_deref()
            .map(|f| Facet::parse(f).map_err(|_| ())),
        any_cpr,
        subject_roles,
        dates: DateFact::Case {
            created: case.created,
            closed: is_closed(case, request.as_of),
        },
    }
}

/// The facts of a benefit: its recipient is its one party.
fn benefit_facts<'a>(benefit: &'a Benefit, request: &Request) -> RecordFacts<'a> {
    let recipient = benefit
        .recipient
        .as_deref()
        .and_then(|c| cpr_is(c, &request.subject.cpr));
    RecordFacts {
        kind: RecordKind::Benefits,
        source: &benefit.source,
        id: &benefit.id,
        flags: flags_of!(benefit),
        kle: own_kle(benefit.kle.as_ref()),
        facet: None,
        any_cpr: recipient.is_some(),
        subject_roles: if recipient == Some(true) {
            RoleSet::of(crate::model::PartyRole::Primary)
        } else {
            RoleSet::default()
        },
        dates: DateFact::Benefit {
            created: benefit.created,
            latest_disposition: benefit.payments.iter().map(|p| p.disposition_date).max(),
        },
    }
}

/// The (source, id) of every case of a request, collected only when some appointment
/// names its case instead of a number, so that telling "hidden case" from "no such case"
/// is one lookup rather than a scan of every case.
struct CaseKeys<'a>(HashSet<(&'a str, &'a str)>);

impl<'a> CaseKeys<'a> {
    fn new(request: &'a Request) -> CaseKeys<'a> {
        if request.appointments.iter().all(|a| a.kle.is_some()) {
            return CaseKeys(HashSet::new());
        }
        CaseKeys(
            request
                .cases
                .iter()
                .map(|c| (c.source.as_str(), c.id.as_str()))
                .collect(),
        )
    }
}

/// An appointment's number: its own, else its (shown) case's.
fn appointment_kle(
    appointment: &Appointment,
    all_cases: &CaseKeys<'_>,
    shown: &HashMap<(&str, &str), KleFact>,
) -> KleFact {
    if appointment.kle.is_some() {
        return own_kle(appointment.kle.as_ref());
    }
    let Some(case_id) = appointment.case_id.as_deref() else {
        return KleFact::Invalid;
    };
    match shown.get(&(appointment.source.as_str(), case_id)) {
        Some(kle) => *kle,
        None if all_cases
            .0
            .contains(&(appointment.source.as_str(), case_id)) =>
        {
            KleFact::CaseHidden
        }
        None => KleFact::Invalid,
    }
}

/// The facts of an appointment: its participants are its parties.
fn appointment_facts<'a>(
    appointment: &'a Appointment,
    request: &Request,
    kle: KleFact,
) -> RecordFacts<'a> {
    let mut any_cpr = false;
    let mut is_participant = false;
    for participant in &appointment.participants {
        if let Some(is_subject) = cpr_is(participant, &request.subject.cpr) {
            any_cpr = true;
            is_participant |= is_subject;
        }
    }
    RecordFacts {
        kind: RecordKind::Appointments,
        source: &appointment.source,
        id: &appointment.id,
        flags: flags_of!(appointment),
        kle,
        facet: None,
        any_cpr,
        subject_roles: if is_participant {
            RoleSet::of(crate::model::PartyRole::Primary)
        } else {
            RoleSet::default()
        },
        dates: DateFact::Appointment {
            start: appointment.start.date_naive(),
        },
    }
}

/// Serialises an output; a failure here is a defect of the library.
fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|_| Error::internal("an output could not be serialised"))
}
