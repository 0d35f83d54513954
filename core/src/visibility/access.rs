//! The viewer's standing for the subject (rules W1–W10 need it): their role, the
//! mandates they may use, and the consents and objections between them, worked out once
//! per request.

use super::{CompiledPolicy, Reason};
use crate::error::Error;
use crate::model::{Consent, ConsentKind, Mandate, MandateKind, Request, Role};
use crate::privileges::mandates_from_claim;

/// The fuldmagt mandates of the request's NemLog-in claim, if it has one.
///
/// A claim's privileges count only through the policy's `privileges` table (DOMAIN.md
/// section 6): a privilege the table does not map is dropped here, so a claim that
/// literally says `read` or `act` grants nothing unless the table maps that string.
/// (Mandates written in the request by a source system may still say `read` or `act`.)
pub(crate) fn claimed_mandates(
    policy: &CompiledPolicy,
    request: &Request,
) -> Result<Vec<Mandate>, Error> {
    let Some(claim) = &request.privileges_intermediate else {
        return Ok(Vec::new());
    };
    let mut mandates = mandates_from_claim(claim, request.viewer.cpr, request.as_of)
        .map_err(|e| e.at("privileges_intermediate"))?;
    for mandate in &mut mandates {
        mandate
            .privileges
            .retain(|privilege| policy.privileges.contains_key(privilege));
    }
    Ok(mandates)
}

/// What the viewer may do, worked out once per request.
#[derive(Debug)]
pub(crate) struct Access<'a> {
    pub(super) role: Role,
    pub(super) viewer_is_subject: bool,
    pub(super) subject_age: u32,
    /// The usable mandates (right kind, holder, subject, valid, in force, reading), or why there are none.
    pub(super) mandates: Result<Vec<&'a Mandate>, Reason>,
    /// Consents in force from the subject to the viewer for viewing.
    pub(super) consents: Vec<&'a Consent>,
    /// Objections in force from the subject against the viewer.
    pub(super) objections: Vec<&'a Consent>,
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
