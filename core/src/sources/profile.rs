//! The source profile: how a municipality's Klassifikation names roles and classes, so
//! that the index readers can map them. Every field is optional; the published defaults
//! (docs/sources.md) apply where a field is absent.

use crate::error::{Error, ErrorCode};
use crate::model::{Direction, Outcome, PartyRole};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The published role UUID of SF1470's "Primær part" (Sagspart).
pub const PRIMARY_PARTY_ROLE: &str = "d839f26a-d4d1-4441-b2d6-3dbbb12a9404";
/// The published role UUID of SF1470's "Primær klasse" (Sagsklasse → KLE subject).
pub const PRIMARY_CLASS_ROLE: &str = "a86c6581-ec85-412d-a655-31a1f1d5b14f";
/// The published role UUID of SF1470's "Handlingsklasse" (Sagsklasse → facet).
pub const HANDLING_CLASS_ROLE: &str = "05ef7011-11a7-4e4c-a46b-3de6aa457fc3";
/// The published title of the Visningsklasse that withholds a case from the citizen.
pub const WITHHOLDING_TITLE: &str = "Visning undtaget for borger";

/// A municipality's source profile.
///
/// ```
/// let p = egensag::sources::SourceProfile::from_json(r#"{"source": "KSD",
///   "party_roles": {"11111111-2222-4333-8444-555555555555": "secondary"}}"#).unwrap();
/// assert_eq!(p.source.as_deref(), Some("KSD"));
/// // The published primary role is kept beside the profile's own.
/// assert_eq!(p.party_role("D839F26A-D4D1-4441-B2D6-3DBBB12A9404"), Some(egensag::model::PartyRole::Primary));
/// assert_eq!(p.party_role("00000000-0000-0000-0000-000000000000"), None);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceProfile {
    /// Source system id for every record read, instead of the document's own
    /// (`SagsitsystemRelation/SystemNavn`, `ItSystem/SystemNavn`).
    #[serde(default)]
    pub source: Option<String>,
    /// Sagspart role UUIDs → party role, added to the published default (Primær part →
    /// `primary`). A role not listed is not read: an unknown role is never the primary party.
    #[serde(default)]
    pub party_roles: BTreeMap<String, PartyRole>,
    /// Sagsklasse role UUIDs.
    #[serde(default)]
    pub class_roles: ClassRoles,
    /// Visningsklasse titles (`Klassetitel`) that withhold a case or document from the
    /// citizen; compared ignoring case and surrounding spaces. Default: "Visning undtaget
    /// for borger".
    #[serde(default = "default_withholding_titles")]
    pub withholding_titles: Vec<String>,
    /// Visningsklasse keys (`BrugervendtNoegle`) that withhold.
    #[serde(default)]
    pub withholding_keys: Vec<String>,
    /// Afgørelsesklasse key (`BrugervendtNoegle`) or UUID → outcome. Unmapped: no outcome.
    #[serde(default)]
    pub outcomes: BTreeMap<String, Outcome>,
    /// Bevillingspart role UUIDs of the recipient (Ydelsesmodtager). When empty, the one
    /// Bevillingspart with a CPR number is the recipient, and none when there are several.
    #[serde(default)]
    pub recipient_roles: Vec<String>,
    /// The direction given to documents read from a Sag: SF1470's Sag does not carry it
    /// (it is on the Dokument object). Default `incoming`.
    #[serde(default = "incoming")]
    pub document_direction: Direction,
}

/// Sagsklasse role UUIDs (each list is added to the published default, where one exists).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassRoles {
    /// Primær klasse (→ `kle`); default `a86c6581-ec85-412d-a655-31a1f1d5b14f`.
    #[serde(default)]
    pub primary: Vec<String>,
    /// Handlingsklasse (→ `facet`); default `05ef7011-11a7-4e4c-a46b-3de6aa457fc3`.
    #[serde(default)]
    pub handling: Vec<String>,
    /// Afgørelsesklasse (→ `outcome`). When empty, any other class whose key or UUID is
    /// in `outcomes` gives the outcome.
    #[serde(default)]
    pub decision: Vec<String>,
}

fn default_withholding_titles() -> Vec<String> {
    vec![WITHHOLDING_TITLE.to_owned()]
}

fn incoming() -> Direction {
    Direction::Incoming
}

impl Default for SourceProfile {
    fn default() -> Self {
        SourceProfile {
            source: None,
            party_roles: BTreeMap::new(),
            class_roles: ClassRoles::default(),
            withholding_titles: default_withholding_titles(),
            withholding_keys: Vec::new(),
            outcomes: BTreeMap::new(),
            recipient_roles: Vec::new(),
            document_direction: Direction::Incoming,
        }
    }
}

/// What a Sagsklasse relation is, by its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClassRole {
    Primary,
    Handling,
    Decision,
    Other,
}

impl SourceProfile {
    /// Reads a profile; errors are `invalid_policy` with a path under `profile`.
    ///
    /// ```
    /// let e = egensag::sources::SourceProfile::from_json(r#"{"party_roles": {"x": "boss"}}"#).unwrap_err();
    /// assert_eq!(e.path(), "profile.party_roles.x");
    /// ```
    pub fn from_json(json: &str) -> Result<SourceProfile, Error> {
        crate::model::parse::from_json(json, ErrorCode::InvalidPolicy).map_err(|e| e.at("profile"))
    }

    /// The party role of a Sagspart role UUID (case-insensitive), if known.
    pub fn party_role(&self, uuid: &str) -> Option<PartyRole> {
        let uuid = uuid.trim();
        if uuid.eq_ignore_ascii_case(PRIMARY_PARTY_ROLE) {
            return Some(PartyRole::Primary);
        }
        self.party_roles
            .iter()
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(uuid))
            .map(|(_, r)| *r)
    }

    /// What a Sagsklasse role UUID is.
    pub(crate) fn class_role(&self, uuid: &str) -> ClassRole {
        let uuid = uuid.trim();
        let is = |default: Option<&str>, list: &[String]| {
            default.is_some_and(|d| d.eq_ignore_ascii_case(uuid))
                || list.iter().any(|r| r.trim().eq_ignore_ascii_case(uuid))
        };
        if is(Some(PRIMARY_CLASS_ROLE), &self.class_roles.primary) {
            ClassRole::Primary
        } else if is(Some(HANDLING_CLASS_ROLE), &self.class_roles.handling) {
            ClassRole::Handling
        } else if is(None, &self.class_roles.decision) {
            ClassRole::Decision
        } else {
            ClassRole::Other
        }
    }

    /// Whether a class with this title or key withholds from the citizen.
    pub(crate) fn withholds(&self, title: Option<&str>, key: Option<&str>) -> bool {
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        title.is_some_and(|t| self.withholding_titles.iter().any(|w| same(w, t)))
            || key.is_some_and(|k| self.withholding_keys.iter().any(|w| w.trim() == k.trim()))
    }

    /// The outcome of an Afgørelsesklasse with this key or UUID.
    pub(crate) fn outcome(&self, key: Option<&str>, uuid: Option<&str>) -> Option<Outcome> {
        [key, uuid].into_iter().flatten().find_map(|k| {
            self.outcomes
                .iter()
                .find(|(o, _)| o.trim().eq_ignore_ascii_case(k.trim()))
                .map(|(_, v)| *v)
        })
    }

    /// Whether decision classes are named by role (else any class in `outcomes` counts).
    pub(crate) fn decision_roles_given(&self) -> bool {
        !self.class_roles.decision.is_empty()
    }

    /// Whether a Bevillingspart role is the recipient's.
    pub(crate) fn is_recipient_role(&self, uuid: &str) -> bool {
        self.recipient_roles
            .iter()
            .any(|r| r.trim().eq_ignore_ascii_case(uuid.trim()))
    }
}
