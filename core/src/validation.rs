//! Validation for vendors checking an export: what the engine would hide because the
//! source system wrote it wrong (a malformed KLE number, facet or party CPR, a case
//! reference that points nowhere, a record's own malformed amounts, periods or item
//! counts). Problems that reject a request are errors instead.

use crate::codes::{string_serde, UnknownCode};
use crate::cpr::Cpr;
use crate::kle::{Facet, KleNumber};
use crate::model::{Limits, Request};
use crate::values::{
    appointment_problems, benefit_problems, case_problems, plan_problems, ValueProblem,
};
use crate::visibility::Reason;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

/// The problems found in a request that parsed.
///
/// ```
/// let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
/// let report = engine.validate_json(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
///   "viewer": {"cpr": "0101901234", "role": "self"},
///   "cases": [{"id": "S-1", "source": "KSD", "kle": "32.3.04", "created": "2026-11-01",
///              "parties": [{"cpr": "0101901234", "role": "primary"}]}]}"#).unwrap();
/// assert!(report.contains(r#""path":"cases[0].kle""#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidationReport {
    /// True when there are no problems.
    pub valid: bool,
    /// Every problem, in input order.
    pub problems: Vec<Problem>,
}

/// One problem: a code (as in explanations), where, and what was expected.
///
/// ```
/// use egensag::validation::{Problem, ProblemCode};
/// let p = Problem { code: ProblemCode::KleInvalid, path: "cases[0].kle".into(),
///     message: "expected a KLE subject number such as 32.24.04".into() };
/// assert_eq!(p.code.as_str(), "kle.invalid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// `kle.invalid`, `subject.no_cpr`, `case.missing`, `error.invalid_amount`, `error.score_invalid`, ….
    pub code: ProblemCode,
    /// Where: `cases[3].kle`.
    pub path: String,
    /// What was expected (never the value).
    pub message: String,
}

/// What a validation problem is. The problems that make the engine hide a record carry
/// that record's [`Reason`], under the same code as in explanations.
///
/// ```
/// use egensag::{validation::ProblemCode, visibility::Reason};
/// assert_eq!(ProblemCode::KleInvalid.reason(), Some(Reason::KleInvalid));
/// assert_eq!(ProblemCode::CaseMissing.as_str(), "case.missing");
/// assert_eq!(serde_json::to_string(&ProblemCode::SubjectNoCpr).unwrap(), "\"subject.no_cpr\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProblemCode {
    /// A missing or malformed KLE number or facet ([`Reason::KleInvalid`]).
    KleInvalid,
    /// A malformed CPR number ([`Reason::SubjectNoCpr`] when no party is left).
    SubjectNoCpr,
    /// A case reference to no case of the same source in the request.
    CaseMissing,
    /// A source document's record whose own fields are malformed: read as a void record
    /// (hidden) so that the rest of the document is still read.
    RecordMalformed,
    /// A payment in a source document that names no benefit of the document.
    PaymentOrphan,
    /// A payment plan whose payment day the reader does not recognise: no plan is read.
    PlanUnrecognised,
    /// A list of the record longer than `max_items_per_record` ([`Reason::ErrorTooManyItems`]).
    TooManyItems,
    /// A negative amount ([`Reason::ErrorInvalidAmount`]).
    InvalidAmount,
    /// A period that ends before it starts ([`Reason::ErrorInvalidPeriod`]).
    InvalidPeriod,
    /// Two payments of one benefit with the same id ([`Reason::ErrorDuplicatePayment`]).
    DuplicatePayment,
    /// Paid amounts whose sum does not fit in 64 bits ([`Reason::ErrorAmountOverflow`]).
    AmountOverflow,
    /// A plan's assessment with a scale whose top is zero or a score off its scale
    /// ([`Reason::ErrorScoreInvalid`]).
    ScoreInvalid,
}

impl ProblemCode {
    /// Every code, in declaration order.
    pub const ALL: &'static [ProblemCode] = &[
        ProblemCode::KleInvalid,
        ProblemCode::SubjectNoCpr,
        ProblemCode::CaseMissing,
        ProblemCode::RecordMalformed,
        ProblemCode::PaymentOrphan,
        ProblemCode::PlanUnrecognised,
        ProblemCode::TooManyItems,
        ProblemCode::InvalidAmount,
        ProblemCode::InvalidPeriod,
        ProblemCode::DuplicatePayment,
        ProblemCode::AmountOverflow,
        ProblemCode::ScoreInvalid,
    ];

    /// The visibility reason this problem leads to, when it has its own code.
    pub fn reason(self) -> Option<Reason> {
        match self {
            ProblemCode::KleInvalid => Some(Reason::KleInvalid),
            ProblemCode::SubjectNoCpr => Some(Reason::SubjectNoCpr),
            ProblemCode::TooManyItems => Some(Reason::ErrorTooManyItems),
            ProblemCode::InvalidAmount => Some(Reason::ErrorInvalidAmount),
            ProblemCode::InvalidPeriod => Some(Reason::ErrorInvalidPeriod),
            ProblemCode::DuplicatePayment => Some(Reason::ErrorDuplicatePayment),
            ProblemCode::AmountOverflow => Some(Reason::ErrorAmountOverflow),
            ProblemCode::ScoreInvalid => Some(Reason::ErrorScoreInvalid),
            ProblemCode::CaseMissing
            | ProblemCode::RecordMalformed
            | ProblemCode::PaymentOrphan
            | ProblemCode::PlanUnrecognised => None,
        }
    }

    /// The code as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::KleInvalid => Reason::KleInvalid.as_str(),
            ProblemCode::SubjectNoCpr => Reason::SubjectNoCpr.as_str(),
            ProblemCode::TooManyItems => Reason::ErrorTooManyItems.as_str(),
            ProblemCode::InvalidAmount => Reason::ErrorInvalidAmount.as_str(),
            ProblemCode::InvalidPeriod => Reason::ErrorInvalidPeriod.as_str(),
            ProblemCode::DuplicatePayment => Reason::ErrorDuplicatePayment.as_str(),
            ProblemCode::AmountOverflow => Reason::ErrorAmountOverflow.as_str(),
            ProblemCode::CaseMissing => "case.missing",
            ProblemCode::RecordMalformed => "record.malformed",
            ProblemCode::PaymentOrphan => "payment.orphan",
            ProblemCode::PlanUnrecognised => "plan.unrecognised",
            ProblemCode::ScoreInvalid => Reason::ErrorScoreInvalid.as_str(),
        }
    }
}

impl fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ProblemCode {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<ProblemCode, UnknownCode> {
        ProblemCode::ALL
            .iter()
            .copied()
            .find(|code| code.as_str() == s)
            .ok_or(UnknownCode)
    }
}

string_serde!(ProblemCode, "expected a validation problem code");

const KLE_EXPECTED: &str = "expected a KLE subject number such as 32.24.04";
const CPR_EXPECTED: &str = crate::cpr::CPR_EXPECTED;

/// Collects problems.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, code: ProblemCode, path: String, message: &str) {
        self.0.push(Problem {
            code,
            path,
            message: message.to_owned(),
        });
    }

    /// A KLE number that is missing (when `required`) or malformed.
    fn kle(&mut self, kle: Option<&String>, path: String, required: bool) {
        match kle {
            Some(k) if KleNumber::parse(k).is_err() => {
                self.add(ProblemCode::KleInvalid, path, KLE_EXPECTED)
            }
            None if required => self.add(
                ProblemCode::KleInvalid,
                path,
                "expected a KLE subject number (missing)",
            ),
            _ => {}
        }
    }

    /// A CPR number that is malformed.
    fn cpr(&mut self, cpr: &str, path: String) {
        if Cpr::parse(cpr).is_err() {
            self.add(ProblemCode::SubjectNoCpr, path, CPR_EXPECTED);
        }
    }

    /// A record's own malformed values (`prefix` is the record's path).
    fn values(&mut self, prefix: &str, found: Vec<ValueProblem>) {
        for p in found {
            let code = ProblemCode::ALL
                .iter()
                .copied()
                .find(|c| c.reason() == Some(p.reason));
            let Some(code) = code else { continue };
            self.add(code, format!("{prefix}.{}", p.path), p.message);
        }
    }
}

/// Validates a parsed request, with the items-per-record limit of `limits`.
pub(crate) fn validate(request: &Request, limits: &Limits) -> ValidationReport {
    let mut problems = Problems::default();
    let cases: HashSet<(&str, &str)> = request
        .cases
        .iter()
        .map(|c| (c.source.as_str(), c.id.as_str()))
        .collect();
    let case_exists = |source: &str, id: &str| cases.contains(&(source, id));
    for (i, case) in request.cases.iter().enumerate() {
        problems.kle(case.kle.as_ref(), format!("cases[{i}].kle"), true);
        if case
            .facet
            .as_deref()
            .is_some_and(|f| Facet::parse(f).is_err())
        {
            problems.add(
                ProblemCode::KleInvalid,
                format!("cases[{i}].facet"),
                "expected a handlingsfacet such as G01",
            );
        }
        for (j, party) in case.parties.iter().enumerate() {
            if let Some(cpr) = &party.cpr {
                problems.cpr(cpr, format!("cases[{i}].parties[{j}].cpr"));
            }
        }
        problems.values(&format!("cases[{i}]"), case_problems(case, limits));
    }
    for (i, benefit) in request.benefits.iter().enumerate() {
        problems.kle(benefit.kle.as_ref(), format!("benefits[{i}].kle"), true);
        if let Some(cpr) = &benefit.recipient {
            problems.cpr(cpr, format!("benefits[{i}].recipient"));
        }
        problems.values(&format!("benefits[{i}]"), benefit_problems(benefit, limits));
        if benefit
            .case_id
            .as_deref()
            .is_some_and(|id| !case_exists(&benefit.source, id))
        {
            problems.add(
                ProblemCode::CaseMissing,
                format!("benefits[{i}].case_id"),
                "expected a case of the same source in the request",
            );
        }
    }
    for (i, appointment) in request.appointments.iter().enumerate() {
        problems.kle(
            appointment.kle.as_ref(),
            format!("appointments[{i}].kle"),
            appointment.case_id.is_none(),
        );
        for (j, participant) in appointment.participants.iter().enumerate() {
            problems.cpr(participant, format!("appointments[{i}].participants[{j}]"));
        }
        problems.values(
            &format!("appointments[{i}]"),
            appointment_problems(appointment),
        );
        if appointment
            .case_id
            .as_deref()
            .is_some_and(|id| !case_exists(&appointment.source, id))
        {
            problems.add(
                ProblemCode::CaseMissing,
                format!("appointments[{i}].case_id"),
                "expected a case of the same source in the request",
            );
        }
    }
    for (i, plan) in request.plans.iter().enumerate() {
        problems.kle(
            plan.kle.as_ref(),
            format!("plans[{i}].kle"),
            plan.case_id.is_none(),
        );
        if plan
            .facet
            .as_deref()
            .is_some_and(|f| Facet::parse(f).is_err())
        {
            problems.add(
                ProblemCode::KleInvalid,
                format!("plans[{i}].facet"),
                "expected a handlingsfacet such as G01",
            );
        }
        for (j, party) in plan.parties.iter().enumerate() {
            if let Some(cpr) = &party.cpr {
                problems.cpr(cpr, format!("plans[{i}].parties[{j}].cpr"));
            }
        }
        if plan
            .case_id
            .as_deref()
            .is_some_and(|id| !case_exists(&plan.source, id))
        {
            problems.add(
                ProblemCode::CaseMissing,
                format!("plans[{i}].case_id"),
                "expected a case of the same source in the request",
            );
        }
        problems.values(&format!("plans[{i}]"), plan_problems(plan, limits));
    }
    ValidationReport {
        valid: problems.0.is_empty(),
        problems: problems.0,
    }
}
