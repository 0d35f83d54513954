//! Visibility (docs/rules.md): for every record, visible or not, with the reason
//! code of every rule that denies and the rules that permitted it.
//!
//! Default deny: a record is visible only when a rule permits it (an include rule, and
//! for the viewer the subject themself, a mandate or a consent) and no rule denies it.

mod access;
mod acting;
mod facts;
mod reasons;
mod rule;
mod scope;

pub(crate) use access::{claimed_mandates, claimed_mandates_of, usable_mandates, Access};
pub(crate) use acting::actor;
pub(crate) use facts::{KleFact, RecordFacts, RequestFacts};
pub(crate) use reasons::ReasonSet;
pub use rule::Rule;

/// The age from which a parent's custody no longer lets them see anything (W5,
/// `custody.subject_adult`).
pub(crate) const ADULT_AGE: u32 = 18;

use crate::actions::ActionRules;
use crate::codes::codes;
use crate::kle::{Facet, KleIndex, KleNumber, KlePattern};
use crate::model::{
    IncludeRule, Limits, Link, PartyRole, Policy, PrivilegeLevel, RecordKind, Role, Sensitivity,
};
use chrono::NaiveDate;
use facts::DateFact;
use schemars::JsonSchema;
use scope::ConsentScopes;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

codes! {
    /// Why a record is hidden: the reason codes of docs/rules.md, in rule order.
    ///
    /// ```
    /// use egensag::visibility::Reason;
    /// assert_eq!(Reason::KleExcluded.as_str(), "kle.excluded");
    /// assert_eq!(serde_json::to_string(&Reason::MandateOutOfScope).unwrap(), "\"mandate.out_of_scope\"");
    /// ```
    #[non_exhaustive]
    pub enum Reason {
        /// V1: void records are never shown.
        RecordVoid = "record.void",
        /// V2: records withheld from the citizen are never shown.
        RecordWithheld = "record.withheld",
        /// V3: no party is identified by a well-formed CPR number.
        SubjectNoCpr = "subject.no_cpr",
        /// V4: the subject is not the primary party, recipient or participant.
        SubjectNotParty = "subject.not_party",
        /// V5: missing or malformed subject number or facet.
        KleInvalid = "kle.invalid",
        /// An appointment or plan without a subject number whose case is not shown.
        CaseHidden = "case.hidden",
        /// V6: no include rule matches.
        KleNotIncluded = "kle.not_included",
        /// V6: an exclude rule matches.
        KleExcluded = "kle.excluded",
        /// V7: before the include rule's from-date.
        DateBeforeFrom = "date.before_from",
        /// V8: the source system is not enabled.
        SourceNotEnabled = "source.not_enabled",
        /// V9: more sensitive than the policy allows.
        SensitivityAboveLimit = "sensitivity.above_limit",
        /// W1: role `self` but the viewer is not the subject.
        ViewerNotSubject = "viewer.not_subject",
        /// W2: no mandate of the role's kind from the viewer for the subject.
        MandateMissing = "mandate.missing",
        /// W2: no such mandate is in force on `as_of`.
        MandateNotInForce = "mandate.not_in_force",
        /// W2: no such mandate grants reading.
        MandateNoRead = "mandate.no_read",
        /// W3: the record is outside every usable mandate's scope.
        MandateOutOfScope = "mandate.out_of_scope",
        /// W4: a fuldmagt given by a subject younger than 15 is void.
        MandateGrantorUnder15 = "mandate.grantor_under_15",
        /// W5: parental access ends when the subject turns 18.
        CustodySubjectAdult = "custody.subject_adult",
        /// W6: from the child consent age a parent needs the child's consent.
        CustodyChildConsentRequired = "custody.child_consent_required",
        /// W7: never shown to a parent.
        CustodyRestricted = "custody.restricted",
        /// W8: a relative needs a consent covering the record.
        ConsentMissing = "consent.missing",
        /// W9: an objection from the subject against the viewer covers the record.
        ConsentObjection = "consent.objection",
        /// W10: shown to the subject alone.
        RepresentativeWithheld = "representative.withheld",
        /// Fail closed: a list of the record (payments, progress, documents, requests)
        /// is longer than the policy's `max_items_per_record`.
        ErrorTooManyItems = "error.too_many_items",
        /// Fail closed: a negative amount.
        ErrorInvalidAmount = "error.invalid_amount",
        /// Fail closed: a period (or a plan's activity) that ends before it starts.
        ErrorInvalidPeriod = "error.invalid_period",
        /// Fail closed: two payments of one benefit with the same id.
        ErrorDuplicatePayment = "error.duplicate_payment",
        /// Fail closed: the record's amounts cannot be totalled without overflow.
        ErrorAmountOverflow = "error.amount_overflow",
        /// Fail closed: an assessment's scale has no top, or its score is off the scale.
        ErrorScoreInvalid = "error.score_invalid",
    }
}

/// The decision on one record.
///
/// ```
/// let d = egensag::visibility::Decision::default();
/// assert!(!d.visible); // default deny
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Decision {
    /// Whether the viewer may see the record.
    pub visible: bool,
    /// Every rule that denies, in rule order.
    pub reasons: Vec<Reason>,
    /// What permitted it: `include:32.*`, `secondary_party_access:02.*`, `self`,
    /// `mandate:<id>`, `consent:<id>` (sorted, no duplicates). Where several mandates
    /// (or consents) cover the record, one is named: the one whose matching pattern is
    /// the most specific, then the one with the smallest id.
    pub rules: Vec<Rule>,
}

/// The decision on one record while a request is evaluated: its reasons as a
/// [`ReasonSet`], so that deciding allocates nothing for them. It becomes a
/// [`Decision`] only where one is shown (the explanation).
#[derive(Debug, Clone, Default)]
pub(crate) struct Verdict {
    /// Every rule that denies.
    pub(crate) reasons: ReasonSet,
    /// What permitted it (empty unless [`Detail::Rules`] was asked for).
    pub(crate) rules: Vec<Rule>,
}

impl Verdict {
    /// Whether the viewer may see the record: no rule denies (default deny is a reason too).
    pub(crate) fn visible(&self) -> bool {
        self.reasons.is_empty()
    }

    /// Hides the record for `reason` as well.
    pub(crate) fn hide(&mut self, reason: Reason) {
        self.reasons.insert(reason);
    }
}

impl From<Verdict> for Decision {
    fn from(verdict: Verdict) -> Decision {
        Decision {
            visible: verdict.visible(),
            reasons: verdict.reasons.to_vec(),
            rules: verdict.rules,
        }
    }
}

/// A policy compiled for fast decisions: every KLE list becomes a [`KleIndex`].
#[derive(Debug, Clone)]
pub(crate) struct CompiledPolicy {
    pub(crate) include: KleIndex<IncludeRule>,
    pub(crate) exclude: KleIndex<()>,
    pub(crate) processing_days: KleIndex<u32>,
    pub(crate) secondary: KleIndex<Vec<PartyRole>>,
    pub(crate) parent_restricted: KleIndex<()>,
    /// The policy's enabled sources. A set of the policy's own strings: a request's source
    /// is only looked up in it, so a fast unseeded hash (foldhash) serves.
    pub(crate) sources: Option<HashSet<String, foldhash::fast::FixedState>>,
    pub(crate) privileges: HashMap<String, PrivilegeLevel>,
    pub(crate) max_sensitivity: Sensitivity,
    pub(crate) show_active_before_from: bool,
    pub(crate) child_consent_age: u32,
    /// The policy's links by pattern: presentation gives a visible record its best match's.
    pub(crate) links: KleIndex<Link>,
    pub(crate) actions: ActionRules,
    pub(crate) limits: Limits,
}

impl CompiledPolicy {
    pub(crate) fn new(policy: &Policy) -> CompiledPolicy {
        CompiledPolicy {
            include: policy
                .kle
                .include
                .iter()
                .map(|r| (r.pattern, r.clone()))
                .collect(),
            exclude: policy.kle.exclude.iter().map(|p| (*p, ())).collect(),
            processing_days: policy
                .processing_days
                .iter()
                .map(|p| (p.pattern, p.days))
                .collect(),
            secondary: policy
                .secondary_party_access
                .iter()
                .map(|s| (s.pattern, s.roles.clone()))
                .collect(),
            parent_restricted: policy.parent_restricted.iter().map(|p| (*p, ())).collect(),
            sources: policy.sources.as_ref().map(|s| s.iter().cloned().collect()),
            privileges: policy
                .privileges
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            max_sensitivity: policy.max_sensitivity,
            show_active_before_from: policy.show_active_before_from,
            child_consent_age: policy.child_consent_age,
            links: policy
                .links
                .iter()
                .map(|l| (l.pattern, l.clone()))
                .collect(),
            actions: ActionRules::new(&policy.actions),
            limits: policy.limits,
        }
    }

    /// The include rule that applies to `number` with `facet`: the most specific
    /// matching rule whose facet list (if any) holds the facet.
    pub(crate) fn include_rule(
        &self,
        number: KleNumber,
        facet: Option<Facet>,
    ) -> Option<&IncludeRule> {
        self.include
            .matching(number)
            .map(|(_, rule)| rule)
            .find(|rule| match &rule.facets {
                None => true,
                Some(list) => facet.is_some_and(|f| list.contains(&f)),
            })
    }

    /// Whether a privilege string grants acting: `act`, or a URI the policy maps to `act`.
    fn grants_act(&self, privilege: &str) -> bool {
        match privilege {
            "act" => true,
            "read" => false,
            uri => self.privileges.get(uri) == Some(&PrivilegeLevel::Act),
        }
    }

    /// Whether a privilege string grants reading: `read`, `act`, or a URI the policy maps.
    fn grants_read(&self, privilege: &str) -> bool {
        match privilege {
            "read" | "act" => true,
            uri => self
                .privileges
                .get(uri)
                .is_some_and(|level| level.includes_read()),
        }
    }
}

/// What a decision records besides visible/hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Reasons only: the overview never shows the permitting rules, so they are not written.
    Reasons,
    /// Reasons and the permitting rules, for the explanation.
    Rules,
}

/// The permitting rules of one decision, written only when they are wanted.
struct Rules {
    list: Vec<Rule>,
    wanted: bool,
}

impl Rules {
    /// Records a rule; `rule` is called only when rules are wanted.
    fn push(&mut self, rule: impl FnOnce() -> Rule) {
        if self.wanted {
            self.list.push(rule());
        }
    }
}

/// Decides one record. Reasons come in rule order; rules (with [`Detail::Rules`]) are
/// sorted and unique.
pub(crate) fn decide(
    policy: &CompiledPolicy,
    access: &Access<'_>,
    record: &RecordFacts<'_>,
    detail: Detail,
) -> Verdict {
    let mut reasons = ReasonSet::default();
    let mut rules = Rules {
        list: Vec::new(),
        wanted: detail == Detail::Rules,
    };
    let number = match record.kle {
        KleFact::Valid(n) => Some(n),
        KleFact::Invalid | KleFact::CaseHidden => None,
    };
    record_rules(policy, record, number, &mut reasons, &mut rules);
    viewer_rules(policy, access, record, number, &mut reasons, &mut rules);
    let mut rules = rules.list;
    if rules.len() > 1 {
        crate::order::sort_dedup(&mut rules);
    }
    Verdict { reasons, rules }
}

fn record_rules(
    policy: &CompiledPolicy,
    record: &RecordFacts<'_>,
    number: Option<KleNumber>,
    reasons: &mut ReasonSet,
    rules: &mut Rules,
) {
    if record.flags.void {
        reasons.insert(Reason::RecordVoid);
    }
    if record.flags.withheld_from_citizen {
        reasons.insert(Reason::RecordWithheld);
    }
    if !record.any_cpr {
        reasons.insert(Reason::SubjectNoCpr);
    }
    match party_permit(policy, record, number) {
        Some(Some(pattern)) => rules.push(|| Rule::SecondaryPartyAccess(pattern)),
        Some(None) => {}
        None => reasons.insert(Reason::SubjectNotParty),
    }
    let facet = record.facet.and_then(Result::ok);
    match record.kle {
        KleFact::Invalid => reasons.insert(Reason::KleInvalid),
        KleFact::CaseHidden => reasons.insert(Reason::CaseHidden),
        KleFact::Valid(_) if matches!(record.facet, Some(Err(()))) => {
            reasons.insert(Reason::KleInvalid)
        }
        KleFact::Valid(_) => {}
    }
    if let Some(n) = number {
        let include = policy.include_rule(n, facet);
        match include {
            None => reasons.insert(Reason::KleNotIncluded),
            Some(rule) => rules.push(|| Rule::Include(rule.pattern)),
        }
        if policy.exclude.best(n).is_some() {
            reasons.insert(Reason::KleExcluded);
        }
        if include
            .and_then(|rule| rule.from)
            .is_some_and(|from| before_from(policy, record.dates, from))
        {
            reasons.insert(Reason::DateBeforeFrom);
        }
    }
    if policy
        .sources
        .as_ref()
        .is_some_and(|s| !s.contains(record.source))
    {
        reasons.insert(Reason::SourceNotEnabled);
    }
    if record.flags.sensitivity > policy.max_sensitivity {
        reasons.insert(Reason::SensitivityAboveLimit);
    }
}

/// V4: `Some(None)` when the subject is the primary party, recipient or participant;
/// `Some(Some(pattern))` when a secondary-party rule lets their role see the case; `None`
/// otherwise.
///
/// Only the most specific pattern matching the case decides (every entry with that one
/// pattern, so their order does not matter): a broader entry never adds a role that a
/// narrower one leaves out.
fn party_permit(
    policy: &CompiledPolicy,
    record: &RecordFacts<'_>,
    number: Option<KleNumber>,
) -> Option<Option<KlePattern>> {
    if record.subject_roles.contains(PartyRole::Primary) {
        return Some(None);
    }
    if record.kind != RecordKind::Cases {
        return None;
    }
    let n = number?;
    let (best, _) = policy.secondary.best(n)?;
    let (pattern, _) = policy.secondary.get(best)?;
    policy
        .secondary
        .matching(n)
        .map_while(|(position, roles)| {
            let same = policy.secondary.get(position).map(|(p, _)| p) == Some(pattern);
            same.then_some(roles)
        })
        .any(|roles| roles.iter().any(|r| record.subject_roles.contains(*r)))
        .then_some(Some(pattern))
}

/// V7: whether the record falls before its include rule's from-date.
fn before_from(policy: &CompiledPolicy, dates: DateFact<'_>, from: NaiveDate) -> bool {
    match dates {
        // A case still open on `as_of` is shown when the policy says so.
        DateFact::Case { created, closed } => {
            created < from && (!policy.show_active_before_from || closed.get())
        }
        // A benefit paid (disposed) on or after the from-date is shown.
        DateFact::Benefit { created, payments } => {
            created < from && payments.iter().all(|p| p.disposition_date < from)
        }
        DateFact::Appointment { start } => start < from,
    }
}

/// Rules W1–W10.
fn viewer_rules(
    policy: &CompiledPolicy,
    access: &Access<'_>,
    record: &RecordFacts<'_>,
    number: Option<KleNumber>,
    reasons: &mut ReasonSet,
    rules: &mut Rules,
) {
    match access.role {
        Role::Myself if access.viewer_is_subject => rules.push(|| Rule::SelfAccess),
        Role::Myself => reasons.insert(Reason::ViewerNotSubject),
        Role::Proxy | Role::Guardian | Role::Parent => match &access.mandates {
            Err(reason) => reasons.insert(*reason),
            Ok(mandates) => match mandates.covering(record, number) {
                Some(mandate) => rules.push(|| Rule::Mandate(mandate.id.clone())),
                None => reasons.insert(Reason::MandateOutOfScope),
            },
        },
        Role::Relative => {}
    }
    if access.role == Role::Parent {
        if access.subject_age >= ADULT_AGE {
            reasons.insert(Reason::CustodySubjectAdult);
        }
        if access.subject_age >= policy.child_consent_age {
            consent_rule(
                access,
                record,
                number,
                Reason::CustodyChildConsentRequired,
                reasons,
                rules,
            );
        }
        if number.is_some_and(|n| policy.parent_restricted.best(n).is_some()) {
            reasons.insert(Reason::CustodyRestricted);
        }
    }
    if access.role == Role::Relative {
        consent_rule(
            access,
            record,
            number,
            Reason::ConsentMissing,
            reasons,
            rules,
        );
    }
    // W9 and W10 concern everyone but the subject themself (README: decisions).
    if !access.viewer_is_subject {
        if objection_covers(&access.objections, record, number) {
            reasons.insert(Reason::ConsentObjection);
        }
        if record.flags.withheld_from_representatives {
            reasons.insert(Reason::RepresentativeWithheld);
        }
    }
}

/// Requires a consent covering the record; denies with `reason` when there is none.
fn consent_rule(
    access: &Access<'_>,
    record: &RecordFacts<'_>,
    number: Option<KleNumber>,
    reason: Reason,
    reasons: &mut ReasonSet,
    rules: &mut Rules,
) {
    match access.consents.covering(record, number) {
        Some(consent) => rules.push(|| Rule::Consent(consent.id.clone())),
        None => reasons.insert(reason),
    }
}

/// W9: an objection covers the records in its scope and, when it names a case by
/// `record_ids`, that case's benefits, appointments and plans too (its KLE scope, if
/// any, still applies to each record's own number).
fn objection_covers(
    objections: &ConsentScopes<'_>,
    record: &RecordFacts<'_>,
    number: Option<KleNumber>,
) -> bool {
    objections.cover(record, number)
        || record.case_id.is_some_and(|case_id| {
            let as_its_case = RecordFacts {
                id: case_id,
                ..record.clone()
            };
            objections.cover(&as_its_case, number)
        })
}
