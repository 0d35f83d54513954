//! Visibility (DOMAIN.md section 3): for every record, visible or not, with the reason
//! code of every rule that denies and the rules that permitted it.
//!
//! Default deny: a record is visible only when a rule permits it (an include rule, and
//! for the viewer the subject themself, a mandate or a consent) and no rule denies it.

use crate::cpr::Cpr;
use crate::kle::{Facet, KleIndex, KleNumber, KlePattern};
use crate::model::{
    Consent, ConsentKind, IncludeRule, Mandate, MandateKind, PartyRole, Policy, PrivilegeLevel,
    RecordFlags, RecordKind, Request, Role, Sensitivity,
};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Why a record is hidden: the reason codes of DOMAIN.md section 3, in rule order.
///
/// ```
/// use egensag::visibility::Reason;
/// assert_eq!(Reason::KleExcluded.as_str(), "kle.excluded");
/// assert_eq!(serde_json::to_string(&Reason::MandateOutOfScope).unwrap(), "\"mandate.out_of_scope\"");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[non_exhaustive]
pub enum Reason {
    /// V1: void records are never shown.
    #[serde(rename = "record.void")]
    RecordVoid,
    /// V2: records withheld from the citizen are never shown.
    #[serde(rename = "record.withheld")]
    RecordWithheld,
    /// V3: no party is identified by a well-formed CPR number.
    #[serde(rename = "subject.no_cpr")]
    SubjectNoCpr,
    /// V4: the subject is not the primary party, recipient or participant.
    #[serde(rename = "subject.not_party")]
    SubjectNotParty,
    /// V5: missing or malformed subject number or facet.
    #[serde(rename = "kle.invalid")]
    KleInvalid,
    /// An appointment without a subject number whose case is not shown.
    #[serde(rename = "case.hidden")]
    CaseHidden,
    /// V6: no include rule matches.
    #[serde(rename = "kle.not_included")]
    KleNotIncluded,
    /// V6: an exclude rule matches.
    #[serde(rename = "kle.excluded")]
    KleExcluded,
    /// V7: before the include rule's from-date.
    #[serde(rename = "date.before_from")]
    DateBeforeFrom,
    /// V8: the source system is not enabled.
    #[serde(rename = "source.not_enabled")]
    SourceNotEnabled,
    /// V9: more sensitive than the policy allows.
    #[serde(rename = "sensitivity.above_limit")]
    SensitivityAboveLimit,
    /// W1: role `self` but the viewer is not the subject.
    #[serde(rename = "viewer.not_subject")]
    ViewerNotSubject,
    /// W2: no mandate of the role's kind from the viewer for the subject.
    #[serde(rename = "mandate.missing")]
    MandateMissing,
    /// W2: no such mandate is in force on `as_of`.
    #[serde(rename = "mandate.not_in_force")]
    MandateNotInForce,
    /// W2: no such mandate grants reading.
    #[serde(rename = "mandate.no_read")]
    MandateNoRead,
    /// W3: the record is outside every usable mandate's scope.
    #[serde(rename = "mandate.out_of_scope")]
    MandateOutOfScope,
    /// W4: a fuldmagt given by a subject younger than 15 is void.
    #[serde(rename = "mandate.grantor_under_15")]
    MandateGrantorUnder15,
    /// W5: parental access ends when the subject turns 18.
    #[serde(rename = "custody.subject_adult")]
    CustodySubjectAdult,
    /// W6: from the child consent age a parent needs the child's consent.
    #[serde(rename = "custody.child_consent_required")]
    CustodyChildConsentRequired,
    /// W7: never shown to a parent.
    #[serde(rename = "custody.restricted")]
    CustodyRestricted,
    /// W8: a relative needs a consent covering the record.
    #[serde(rename = "consent.missing")]
    ConsentMissing,
    /// W9: an objection from the subject against the viewer covers the record.
    #[serde(rename = "consent.objection")]
    ConsentObjection,
    /// W10: shown to the subject alone.
    #[serde(rename = "representative.withheld")]
    RepresentativeWithheld,
    /// Fail closed: the record's amounts cannot be totalled without overflow.
    #[serde(rename = "error.amount_overflow")]
    ErrorAmountOverflow,
}

impl Reason {
    /// The code as written in JSON.
    ///
    /// ```
    /// assert_eq!(egensag::visibility::Reason::RecordVoid.as_str(), "record.void");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::RecordVoid => "record.void",
            Reason::RecordWithheld => "record.withheld",
            Reason::SubjectNoCpr => "subject.no_cpr",
            Reason::SubjectNotParty => "subject.not_party",
            Reason::KleInvalid => "kle.invalid",
            Reason::CaseHidden => "case.hidden",
            Reason::KleNotIncluded => "kle.not_included",
            Reason::KleExcluded => "kle.excluded",
            Reason::DateBeforeFrom => "date.before_from",
            Reason::SourceNotEnabled => "source.not_enabled",
            Reason::SensitivityAboveLimit => "sensitivity.above_limit",
            Reason::ViewerNotSubject => "viewer.not_subject",
            Reason::MandateMissing => "mandate.missing",
            Reason::MandateNotInForce => "mandate.not_in_force",
            Reason::MandateNoRead => "mandate.no_read",
            Reason::MandateOutOfScope => "mandate.out_of_scope",
            Reason::MandateGrantorUnder15 => "mandate.grantor_under_15",
            Reason::CustodySubjectAdult => "custody.subject_adult",
            Reason::CustodyChildConsentRequired => "custody.child_consent_required",
            Reason::CustodyRestricted => "custody.restricted",
            Reason::ConsentMissing => "consent.missing",
            Reason::ConsentObjection => "consent.objection",
            Reason::RepresentativeWithheld => "representative.withheld",
            Reason::ErrorAmountOverflow => "error.amount_overflow",
        }
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
    /// `mandate:<id>`, `consent:<id>` (sorted, no duplicates).
    pub rules: Vec<String>,
}

/// A policy compiled for fast decisions: every KLE list becomes a [`KleIndex`].
#[derive(Debug, Clone)]
pub(crate) struct CompiledPolicy {
    pub(crate) include: KleIndex<IncludeRule>,
    pub(crate) exclude: KleIndex<()>,
    pub(crate) processing_days: KleIndex<u32>,
    pub(crate) secondary: KleIndex<Vec<PartyRole>>,
    pub(crate) parent_restricted: KleIndex<()>,
    pub(crate) sources: Option<HashSet<String>>,
    pub(crate) privileges: HashMap<String, PrivilegeLevel>,
    pub(crate) max_sensitivity: Sensitivity,
    pub(crate) show_active_before_from: bool,
    pub(crate) child_consent_age: u32,
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

/// A record's subject number as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KleFact {
    /// A well-formed number (the record's own, or its case's).
    Valid(KleNumber),
    /// Missing or malformed.
    Invalid,
    /// An appointment without a number whose case is not shown.
    CaseHidden,
}

/// The dates rule V7 looks at.
#[derive(Debug, Clone, Copy)]
pub(crate) enum DateFact {
    /// A case: its creation date and whether it is closed on `as_of`.
    Case { created: NaiveDate, closed: bool },
    /// A benefit: its creation date and its latest payment disposition date.
    Benefit {
        created: NaiveDate,
        latest_disposition: Option<NaiveDate>,
    },
    /// An appointment: the day it starts.
    Appointment { start: NaiveDate },
}

/// What the rules need to know about one record, gathered once.
#[derive(Debug, Clone)]
pub(crate) struct RecordFacts<'a> {
    pub(crate) kind: RecordKind,
    pub(crate) source: &'a str,
    pub(crate) id: &'a str,
    pub(crate) flags: RecordFlags,
    pub(crate) kle: KleFact,
    /// `None` when absent, `Some(Err(()))` when malformed.
    pub(crate) facet: Option<Result<Facet, ()>>,
    /// Whether any party is identified by a well-formed CPR number.
    pub(crate) any_cpr: bool,
    /// The subject's roles in the record (for benefits and appointments: `primary`).
    pub(crate) subject_roles: RoleSet,
    pub(crate) dates: DateFact,
}

/// A set of party roles, kept in a byte so that gathering a record's facts allocates nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RoleSet(u8);

impl RoleSet {
    /// The set holding `role` alone.
    pub(crate) fn of(role: PartyRole) -> RoleSet {
        let mut set = RoleSet::default();
        set.insert(role);
        set
    }

    /// Adds a role.
    pub(crate) fn insert(&mut self, role: PartyRole) {
        self.0 |= RoleSet::bit(role);
    }

    /// Whether the set holds `role`.
    pub(crate) fn contains(self, role: PartyRole) -> bool {
        self.0 & RoleSet::bit(role) != 0
    }

    fn bit(role: PartyRole) -> u8 {
        match role {
            PartyRole::Primary => 1,
            PartyRole::Secondary => 2,
            PartyRole::Recipient => 4,
            PartyRole::Owner => 8,
        }
    }
}

/// Whether the CPR number written as `text` is `subject`'s; `None` when malformed.
///
/// Sources mostly write the subject's number exactly as the request's subject was
/// normalised (ten digits), so that case is a byte comparison; anything else is parsed.
pub(crate) fn cpr_is(text: &str, subject: &Cpr) -> Option<bool> {
    if text == subject.as_str() {
        return Some(true);
    }
    Cpr::parse(text).ok().map(|cpr| cpr == *subject)
}

/// What the viewer may do, worked out once per request.
#[derive(Debug)]
pub(crate) struct Access<'a> {
    role: Role,
    viewer_is_subject: bool,
    subject_age: u32,
    /// The usable mandates (right kind, holder, subject, valid, in force, reading), or why there are none.
    mandates: Result<Vec<&'a Mandate>, Reason>,
    /// Consents in force from the subject to the viewer for viewing.
    consents: Vec<&'a Consent>,
    /// Objections in force from the subject against the viewer.
    objections: Vec<&'a Consent>,
}

impl<'a> Access<'a> {
    /// Works out the viewer's standing from the request and the mandates (the request's
    /// own and any from a NemLog-in claim).
    pub(crate) fn new(
        policy: &CompiledPolicy,
        request: &'a Request,
        mandates: &[&'a Mandate],
    ) -> Access<'a> {
        let subject = request.subject.cpr;
        let viewer = request.viewer.cpr;
        let as_of = request.as_of;
        let from_subject_to_viewer =
            |c: &&'a Consent| c.subject == subject && c.recipient == viewer && c.in_force_on(as_of);
        Access {
            role: request.viewer.role,
            viewer_is_subject: viewer == subject,
            subject_age: subject.age_on(as_of),
            mandates: usable_mandates(policy, request, mandates),
            consents: request
                .consents
                .iter()
                .filter(from_subject_to_viewer)
                .filter(|c| c.allows_viewing())
                .collect(),
            objections: request
                .consents
                .iter()
                .filter(from_subject_to_viewer)
                .filter(|c| c.kind == ConsentKind::Frabedelse)
                .collect(),
        }
    }
}

/// The mandates that let the viewer read for the subject, or the reason there are none:
/// the first step of `missing → grantor_under_15 → not_in_force → no_read` that leaves none.
fn usable_mandates<'a>(
    policy: &CompiledPolicy,
    request: &Request,
    mandates: &[&'a Mandate],
) -> Result<Vec<&'a Mandate>, Reason> {
    let Some(kind) = request.viewer.role.mandate_kind() else {
        return Ok(Vec::new());
    };
    let subject = request.subject.cpr;
    let mut left: Vec<&Mandate> = mandates
        .iter()
        .copied()
        .filter(|m| m.kind == kind && m.holder == request.viewer.cpr && m.subject == subject)
        .collect();
    type Keep<'k> = &'k dyn Fn(&Mandate) -> bool;
    let steps: [(Reason, Keep<'_>); 4] = [
        (Reason::MandateMissing, &|_| true),
        (Reason::MandateGrantorUnder15, &|m| {
            m.kind != MandateKind::Fuldmagt || subject.age_on(m.valid_from) >= 15
        }),
        (Reason::MandateNotInForce, &|m| m.in_force_on(request.as_of)),
        (Reason::MandateNoRead, &|m| {
            m.privileges.iter().any(|p| policy.grants_read(p))
        }),
    ];
    for (reason, keep) in steps {
        left.retain(|m| keep(m));
        if left.is_empty() {
            return Err(reason);
        }
    }
    Ok(left)
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
    list: Vec<String>,
    wanted: bool,
}

impl Rules {
    /// Records a rule; `rule` is called only when rules are wanted.
    fn push(&mut self, rule: impl FnOnce() -> String) {
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
) -> Decision {
    let mut reasons = Vec::new();
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
    rules.sort_unstable();
    rules.dedup();
    Decision {
        visible: reasons.is_empty(),
        reasons,
        rules,
    }
}

/// Rules V1–V9.
fn record_rules(
    policy: &CompiledPolicy,
    record: &RecordFacts<'_>,
    number: Option<KleNumber>,
    reasons: &mut Vec<Reason>,
    rules: &mut Rules,
) {
    if record.flags.void {
        reasons.push(Reason::RecordVoid);
    }
    if record.flags.withheld_from_citizen {
        reasons.push(Reason::RecordWithheld);
    }
    if !record.any_cpr {
        reasons.push(Reason::SubjectNoCpr);
    }
    match party_permit(policy, record, number) {
        Some(Some(pattern)) => rules.push(|| format!("secondary_party_access:{pattern}")),
        Some(None) => {}
        None => reasons.push(Reason::SubjectNotParty),
    }
    let facet = record.facet.and_then(Result::ok);
    match record.kle {
        KleFact::Invalid => reasons.push(Reason::KleInvalid),
        KleFact::CaseHidden => reasons.push(Reason::CaseHidden),
        KleFact::Valid(_) if matches!(record.facet, Some(Err(()))) => {
            reasons.push(Reason::KleInvalid)
        }
        KleFact::Valid(_) => {}
    }
    if let Some(n) = number {
        let include = policy.include_rule(n, facet);
        match include {
            None => reasons.push(Reason::KleNotIncluded),
            Some(rule) => rules.push(|| format!("include:{}", rule.pattern)),
        }
        if policy.exclude.best(n).is_some() {
            reasons.push(Reason::KleExcluded);
        }
        if include
            .and_then(|rule| rule.from)
            .is_some_and(|from| before_from(policy, record.dates, from))
        {
            reasons.push(Reason::DateBeforeFrom);
        }
    }
    if policy
        .sources
        .as_ref()
        .is_some_and(|s| !s.contains(record.source))
    {
        reasons.push(Reason::SourceNotEnabled);
    }
    if record.flags.sensitivity > policy.max_sensitivity {
        reasons.push(Reason::SensitivityAboveLimit);
    }
}

/// V4: `Some(None)` when the subject is the primary party, recipient or participant;
/// `Some(Some(pattern))` when a secondary-party rule lets their role see the case; `None` otherwise.
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
    policy
        .secondary
        .matching(n)
        .find(|(_, roles)| roles.iter().any(|r| record.subject_roles.contains(*r)))
        .and_then(|(position, _)| policy.secondary.get(position))
        .map(|(pattern, _)| Some(pattern))
}

/// V7: whether the record falls before its include rule's from-date.
fn before_from(policy: &CompiledPolicy, dates: DateFact, from: NaiveDate) -> bool {
    match dates {
        // A case still open on `as_of` is shown when the policy says so.
        DateFact::Case { created, closed } => {
            created < from && (closed || !policy.show_active_before_from)
        }
        DateFact::Benefit {
            created,
            latest_disposition,
        } => created < from && latest_disposition.is_none_or(|d| d < from),
        DateFact::Appointment { start } => start < from,
    }
}

/// Rules W1–W10.
fn viewer_rules(
    policy: &CompiledPolicy,
    access: &Access<'_>,
    record: &RecordFacts<'_>,
    number: Option<KleNumber>,
    reasons: &mut Vec<Reason>,
    rules: &mut Rules,
) {
    match access.role {
        Role::Myself if access.viewer_is_subject => rules.push(|| "self".to_owned()),
        Role::Myself => reasons.push(Reason::ViewerNotSubject),
        Role::Proxy | Role::Guardian | Role::Parent => match &access.mandates {
            Err(reason) => reasons.push(*reason),
            Ok(mandates) => {
                let mut covered = false;
                for mandate in mandates
                    .iter()
                    .filter(|m| mandate_covers(m, record, number))
                {
                    covered = true;
                    rules.push(|| format!("mandate:{}", mandate.id));
                }
                if !covered {
                    reasons.push(Reason::MandateOutOfScope);
                }
            }
        },
        Role::Relative => {}
    }
    if access.role == Role::Parent {
        if access.subject_age >= 18 {
            reasons.push(Reason::CustodySubjectAdult);
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
            reasons.push(Reason::CustodyRestricted);
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
        if access
            .objections
            .iter()
            .any(|c| consent_covers(c, record, number))
        {
            reasons.push(Reason::ConsentObjection);
        }
        if record.flags.withheld_from_representatives {
            reasons.push(Reason::RepresentativeWithheld);
        }
    }
}

/// Requires a consent covering the record; denies with `reason` when there is none.
fn consent_rule(
    access: &Access<'_>,
    record: &RecordFacts<'_>,
    number: Option<KleNumber>,
    reason: Reason,
    reasons: &mut Vec<Reason>,
    rules: &mut Rules,
) {
    let mut covered = false;
    for consent in access
        .consents
        .iter()
        .filter(|c| consent_covers(c, record, number))
    {
        covered = true;
        rules.push(|| format!("consent:{}", consent.id));
    }
    if !covered {
        reasons.push(reason);
    }
}

/// Whether any pattern matches the record's number (an absent list matches everything).
fn patterns_cover(patterns: Option<&Vec<KlePattern>>, number: Option<KleNumber>) -> bool {
    match patterns {
        None => true,
        Some(list) => number.is_some_and(|n| list.iter().any(|p| p.matches(n))),
    }
}

/// W3: the mandate's KLE, sensitivity and record-kind scope.
fn mandate_covers(mandate: &Mandate, record: &RecordFacts<'_>, number: Option<KleNumber>) -> bool {
    let scope = &mandate.scope;
    patterns_cover(scope.kle.as_ref(), number)
        && scope
            .max_sensitivity
            .is_none_or(|max| record.flags.sensitivity <= max)
        && scope
            .records
            .as_ref()
            .is_none_or(|kinds| kinds.contains(&record.kind))
}

/// A consent's or objection's KLE and record scope (both must hold where both are given).
fn consent_covers(consent: &Consent, record: &RecordFacts<'_>, number: Option<KleNumber>) -> bool {
    let scope = &consent.scope;
    patterns_cover(scope.kle.as_ref(), number)
        && scope.record_ids.as_ref().is_none_or(|ids| {
            ids.iter()
                .any(|r| r.source == record.source && r.id == record.id)
        })
}
