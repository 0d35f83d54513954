//! Mandates: who may act for the subject (fuldmagt, værgemål, forældremyndighed).

use super::common::{RecordKind, Sensitivity};
use super::redact::redacted_debug;
use crate::cpr::Cpr;
use crate::kle::KlePattern;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A mandate: the holder may act for the subject within a scope and a period.
///
/// ```
/// let m: egensag::model::Mandate = serde_json::from_str(r#"{
///   "id": "m1", "kind": "fuldmagt", "holder": "0202804321", "subject": "0101901234",
///   "valid_from": "2026-01-01", "valid_to": "2026-12-31", "privileges": ["read"],
///   "scope": { "kle": ["32.*"], "max_sensitivity": "foelsomme", "records": ["cases"] }
/// }"#).unwrap();
/// let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// assert!(m.in_force_on(day("2026-06-01")));
/// assert!(!m.in_force_on(day("2027-01-01")));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mandate {
    /// The mandate's id.
    pub id: String,
    /// Its kind.
    pub kind: MandateKind,
    /// Who holds it.
    pub holder: Cpr,
    /// Whom it is for.
    pub subject: Cpr,
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
    /// `read`, `act` (includes read) or privilege URIs that the policy maps to one of them.
    #[serde(default)]
    pub privileges: Vec<String>,
    /// What it covers; absent fields mean no limit.
    #[serde(default)]
    pub scope: MandateScope,
}

redacted_debug!(Mandate {
    id: mask,
    kind: show,
    holder: show,
    subject: show,
    valid_from: show,
    valid_to: show,
    revoked_at: show,
    privileges: show,
    scope: show,
});

impl Mandate {
    /// In force on `day`: `valid_from ≤ day`, `day ≤ valid_to` (if given), and not revoked
    /// on or before `day`.
    ///
    /// ```
    /// # let m: egensag::model::Mandate = serde_json::from_str(r#"{"id": "m", "kind": "vaergemaal",
    /// #   "holder": "0202804321", "subject": "0101901234", "valid_from": "2026-01-01", "revoked_at": "2026-05-01"}"#).unwrap();
    /// let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    /// assert!(m.in_force_on(day("2026-04-30")));
    /// assert!(!m.in_force_on(day("2026-05-01")));
    /// ```
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        in_force(self.valid_from, self.valid_to, self.revoked_at, day)
    }
}

/// Whether a period with an optional revocation is in force on `day`.
pub(crate) fn in_force(
    from: NaiveDate,
    to: Option<NaiveDate>,
    revoked: Option<NaiveDate>,
    day: NaiveDate,
) -> bool {
    from <= day && to.is_none_or(|to| day <= to) && revoked.is_none_or(|r| r > day)
}

/// The kind of a mandate.
///
/// ```
/// assert_eq!(serde_json::to_string(&egensag::model::MandateKind::Foraeldremyndighed).unwrap(), "\"foraeldremyndighed\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MandateKind {
    /// Power of attorney (viewer role `proxy`).
    Fuldmagt,
    /// Guardianship (viewer role `guardian`).
    Vaergemaal,
    /// Parental custody (viewer role `parent`).
    Foraeldremyndighed,
}

/// What a mandate covers. An absent field means no limit on that axis.
///
/// ```
/// let s: egensag::model::MandateScope = serde_json::from_str(r#"{"kle": ["25.*"]}"#).unwrap();
/// assert!(s.max_sensitivity.is_none() && s.records.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MandateScope {
    /// KLE patterns covered.
    #[serde(default)]
    pub kle: Option<Vec<KlePattern>>,
    /// The highest sensitivity covered.
    #[serde(default)]
    pub max_sensitivity: Option<Sensitivity>,
    /// The kinds of record covered.
    #[serde(default)]
    pub records: Option<Vec<RecordKind>>,
}
