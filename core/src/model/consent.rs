//! Consents and objections (viljestilkendegivelser).

use super::common::RecordRef;
use super::mandate::in_force;
use super::redact::redacted_debug;
use crate::cpr::Cpr;
use crate::kle::KlePattern;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A consent (`samtykke`) or objection (`frabedelse`) from the subject about a recipient.
///
/// ```
/// let c: egensag::model::Consent = serde_json::from_str(r#"{
///   "id": "c1", "kind": "samtykke", "subject": "0101901234", "recipient": "0202804321",
///   "purposes": ["view"], "scope": {"kle": ["27.*"]}, "valid_from": "2026-01-01"
/// }"#).unwrap();
/// assert!(c.allows_viewing());
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The consent's id.
    pub id: String,
    /// Consent or objection.
    pub kind: ConsentKind,
    /// The person who gave it.
    pub subject: Cpr,
    /// The person it is about.
    pub recipient: Cpr,
    /// Purposes; `view` is the one this library acts on.
    #[serde(default)]
    pub purposes: Vec<String>,
    /// What it covers; absent fields mean no limit.
    #[serde(default)]
    pub scope: ConsentScope,
    /// First day in force.
    #[serde(with = "crate::dates::Iso")]
    pub valid_from: NaiveDate,
    /// Last day in force, if it ends.
    #[serde(default)]
    #[serde(with = "crate::dates::IsoOption")]
    pub valid_to: Option<NaiveDate>,
    /// The day it was revoked, if it was.
    #[serde(default)]
    #[serde(with = "crate::dates::IsoOption")]
    pub revoked_at: Option<NaiveDate>,
}

redacted_debug!(Consent {
    id: mask,
    kind: show,
    subject: show,
    recipient: show,
    purposes: show,
    scope: show,
    valid_from: show,
    valid_to: show,
    revoked_at: show,
});

impl Consent {
    /// In force on `day` (same rule as for mandates).
    ///
    /// ```
    /// # let c: egensag::model::Consent = serde_json::from_str(r#"{"id": "c", "kind": "frabedelse",
    /// #   "subject": "0101901234", "recipient": "0202804321", "valid_from": "2026-01-01"}"#).unwrap();
    /// let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    /// assert!(c.in_force_on(day("2026-01-01")) && !c.in_force_on(day("2025-12-31")));
    /// ```
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        in_force(self.valid_from, self.valid_to, self.revoked_at, day)
    }

    /// A consent (not an objection) whose purposes include `view`.
    ///
    /// ```
    /// # let c: egensag::model::Consent = serde_json::from_str(r#"{"id": "c", "kind": "samtykke",
    /// #   "subject": "0101901234", "recipient": "0202804321", "purposes": ["share"], "valid_from": "2026-01-01"}"#).unwrap();
    /// assert!(!c.allows_viewing());
    /// ```
    pub fn allows_viewing(&self) -> bool {
        self.kind == ConsentKind::Samtykke && self.purposes.iter().any(|p| p == "view")
    }

    /// Whether this is a consent (not an objection) with purpose `act`.
    ///
    /// ```
    /// let c: egensag::model::Consent = serde_json::from_str(r#"{"id": "c", "kind": "samtykke",
    ///   "subject": "0101901234", "recipient": "0202804321", "purposes": ["view", "act"],
    ///   "valid_from": "2026-01-01"}"#).unwrap();
    /// assert!(c.allows_acting());
    /// ```
    pub fn allows_acting(&self) -> bool {
        self.kind == ConsentKind::Samtykke && self.purposes.iter().any(|p| p == "act")
    }
}

/// Consent or objection.
///
/// ```
/// assert_eq!(serde_json::to_string(&egensag::model::ConsentKind::Frabedelse).unwrap(), "\"frabedelse\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsentKind {
    /// Consent: the recipient may see.
    Samtykke,
    /// Objection: the recipient may not see, whatever else permits it.
    Frabedelse,
}

/// What a consent or objection covers. Absent fields mean no limit; where both are
/// given a record must match both.
///
/// ```
/// let s: egensag::model::ConsentScope = serde_json::from_str(
///     r#"{"record_ids": [{"source": "DOMUS", "id": "A-1"}]}"#).unwrap();
/// assert!(s.kle.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentScope {
    /// KLE patterns covered.
    #[serde(default)]
    pub kle: Option<Vec<KlePattern>>,
    /// The records covered, by source and id.
    #[serde(default)]
    pub record_ids: Option<Vec<RecordRef>>,
}
