//! The viewer's standing for the subject (rules W1–W10 need it): their role, the
//! mandates they may use, and the consents and objections between them, worked out once
//! per request.

use super::scope::{ConsentScopes, MandateScopes};
use super::{CompiledPolicy, Reason};
use crate::error::Error;
use crate::model::{Consent, ConsentKind, Mandate, MandateKind, Request, Role, Subject};
use crate::privileges::mandates_from_claim_within;
use crate::Cpr;
use chrono::NaiveDate;

/// The fuldmagt mandates of the request's NemLog-in claim, if it has one, reading at
/// most the policy's `max_privilege_groups` privilege groups.
///
/// A claim's privileges count only through the policy's `privileges` table
/// (docs/sources.md): a privilege the table does not map is dropped here, so a claim
/// that literally says `read` or `act` grants nothing unless the table maps that string.
/// (Mandates written in the request by a source system may still say `read` or `act`.)
pub(crate) fn claimed_mandates(
    policy: &CompiledPolicy,
    request: &Request,
) -> Result<Vec<Mandate>, Error> {
    claimed_mandates_of(
        policy,
        request.privileges_intermediate.as_deref(),
        request.viewer.cpr,
        request.as_of,
    )
}

/// The fuldmagt mandates that a NemLog-in claim (if any) gives `holder` on `as_of`,
/// reading at most the policy's `max_privilege_groups` privilege groups and keeping only
/// the privileges the policy's table maps; an error's path starts with
/// `privileges_intermediate`.
pub(crate) fn claimed_mandates_of(
    policy: &CompiledPolicy,
    claim: Option<&str>,
    holder: Cpr,
    as_of: NaiveDate,
) -> Result<Vec<Mandate>, Error> {
    let Some(claim) = claim else {
        return Ok(Vec::new());
    };
    let max_groups = policy.limits.max_privilege_groups;
    let mut mandates = mandates_from_claim_within(claim, holder, as_of, max_groups)
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
    /// The usable mandates (right kind, holder, subject, valid, in force, reading),
    /// their scopes compiled, or why there are none.
    pub(super) mandates: Result<MandateScopes<'a>, Reason>,
    /// The usable mandates whose privileges map to `act` (docs/plans-and-actions.md), compiled.
    pub(super) act_mandates: MandateScopes<'a>,
    /// Consents in force from the subject to the viewer for viewing, compiled.
    pub(super) consents: ConsentScopes<'a>,
    /// Consents in force from the subject to the viewer for acting, compiled.
    pub(super) act_consents: ConsentScopes<'a>,
    /// Objections in force from the subject against the viewer, compiled.
    pub(super) objections: ConsentScopes<'a>,
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
        let usable = usable_mandates(
            policy,
            request.viewer.role,
            viewer,
            &request.subject,
            as_of,
            mandates,
        );
        let act_usable = usable
            .as_ref()
            .map(|usable| {
                usable
                    .iter()
                    .copied()
                    .filter(|m| m.privileges.iter().any(|p| policy.grants_act(p)))
                    .collect()
            })
            .unwrap_or_default();
        Access {
            role: request.viewer.role,
            viewer_is_subject: viewer == subject,
            subject_age: subject.age_on(as_of),
            mandates: usable.map(MandateScopes::new),
            act_mandates: MandateScopes::new(act_usable),
            consents: ConsentScopes::new(
                request
                    .consents
                    .iter()
                    .filter(from_subject_to_viewer)
                    .filter(|c| c.allows_viewing())
                    .collect(),
            ),
            act_consents: ConsentScopes::new(
                request
                    .consents
                    .iter()
                    .filter(from_subject_to_viewer)
                    .filter(|c| c.allows_acting())
                    .collect(),
            ),
            objections: ConsentScopes::new(
                request
                    .consents
                    .iter()
                    .filter(from_subject_to_viewer)
                    .filter(|c| c.kind == ConsentKind::Frabedelse)
                    .collect(),
            ),
        }
    }
}

/// Whether the subject's death has ended a fuldmagt: from `subject.deceased_on` on, no
/// fuldmagt is in force (a værgemål or custody is not a fuldmagt and is not ended here).
fn ended_by_death(mandate: &Mandate, subject: &Subject, as_of: NaiveDate) -> bool {
    mandate.kind == MandateKind::Fuldmagt && subject.deceased_on.is_some_and(|died| died <= as_of)
}

/// The mandates that let `holder`, in `role`, read for `subject` on `as_of`, or the
/// reason there are none: the first step of
/// `missing → grantor_under_15 → not_in_force → no_read` that leaves none. A role that
/// needs no mandate gets an empty list. The overview and the represented list both use it.
pub(crate) fn usable_mandates<'a>(
    policy: &CompiledPolicy,
    role: Role,
    holder: Cpr,
    subject: &Subject,
    as_of: NaiveDate,
    mandates: &[&'a Mandate],
) -> Result<Vec<&'a Mandate>, Reason> {
    let Some(kind) = role.mandate_kind() else {
        return Ok(Vec::new());
    };
    let person = subject;
    let subject = person.cpr;
    let mut left: Vec<&Mandate> = mandates
        .iter()
        .copied()
        .filter(|m| m.kind == kind && m.holder == holder && m.subject == subject)
        .collect();
    type Keep<'k> = &'k dyn Fn(&Mandate) -> bool;
    let steps: [(Reason, Keep<'_>); 4] = [
        (Reason::MandateMissing, &|_| true),
        (Reason::MandateGrantorUnder15, &|m| {
            m.kind != MandateKind::Fuldmagt || subject.age_on(m.valid_from) >= 15
        }),
        (Reason::MandateNotInForce, &|m| {
            m.in_force_on(as_of) && !ended_by_death(m, person, as_of)
        }),
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
