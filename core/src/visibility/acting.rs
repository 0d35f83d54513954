//! The viewer's part of actions (docs/plans-and-actions.md), on top of visibility: who may act
//! on a visible record. The same scope checks as the visibility rules decide whether a
//! mandate or consent covers the record.

use super::{Access, CompiledPolicy, KleFact, RecordFacts};
use crate::actions::{ActionReason, Actor};
use crate::model::Role;

/// Whether, and why not, the viewer may act on a visible record:
/// - `self` (the subject) may;
/// - `proxy`, `guardian`, `parent` need a usable mandate whose privileges map to `act`
///   and which covers the record (`action.no_act_privilege`);
/// - a `parent` of a child at or above `child_consent_age`, and a `relative`, need a
///   consent in force with purpose `act` covering the record (`action.consent_missing`).
pub(crate) fn actor(
    policy: &CompiledPolicy,
    access: &Access<'_>,
    record: &RecordFacts<'_>,
) -> Actor {
    let number = match record.kle {
        KleFact::Valid(n) => Some(n),
        KleFact::Invalid | KleFact::CaseHidden => None,
    };
    let mut denied = Vec::new();
    if matches!(access.role, Role::Proxy | Role::Guardian | Role::Parent) {
        let may_act = access.act_mandates.covering(record, number).is_some();
        if !may_act {
            denied.push(ActionReason::NoActPrivilege);
        }
    }
    let needs_consent = match access.role {
        Role::Relative => true,
        Role::Parent => access.subject_age >= policy.child_consent_age,
        Role::Myself | Role::Proxy | Role::Guardian => false,
    };
    if needs_consent && !access.act_consents.cover(record, number) {
        denied.push(ActionReason::ConsentMissing);
    }
    Actor {
        is_self: access.role == Role::Myself && access.viewer_is_subject,
        denied,
    }
}
