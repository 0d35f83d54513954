//! A request: one citizen's data plus who is looking, on which day.

use super::appointment::Appointment;
use super::benefit::Benefit;
use super::case::Case;
use super::common::Language;
use super::consent::Consent;
use super::mandate::{Mandate, MandateKind};
use super::plan::Plan;
use super::redact::redacted_debug;
use crate::cpr::Cpr;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A request: the subject's records, the viewer, and the day the overview is made for.
///
/// ```
/// let r = egensag::model::parse_request(r#"{
///   "as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
///   "viewer": {"cpr": "0101901234", "role": "self"}
/// }"#).unwrap();
/// assert_eq!(r.language, egensag::model::Language::Da);
/// assert!(r.cases.is_empty());
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The day the overview is made for (the library reads no clock).
    #[serde(with = "crate::dates::Iso")]
    pub as_of: NaiveDate,
    /// The language of texts; `da` when absent.
    #[serde(default)]
    pub language: Language,
    /// The citizen whose records these are.
    pub subject: Subject,
    /// Who is looking (authenticated by the caller).
    pub viewer: Viewer,
    /// Mandates held for the subject.
    #[serde(default)]
    pub mandates: Vec<Mandate>,
    /// Consents and objections given by the subject.
    #[serde(default)]
    pub consents: Vec<Consent>,
    /// The viewer's NemLog-in `privileges_intermediate` claim (base64 OIO Basic Privilege
    /// Profile XML), if the login carried one: it becomes fuldmagt mandates in force on `as_of`.
    #[serde(default)]
    pub privileges_intermediate: Option<String>,
    /// The subject's cases.
    #[serde(default)]
    pub cases: Vec<Case>,
    /// The subject's benefits.
    #[serde(default)]
    pub benefits: Vec<Benefit>,
    /// The subject's appointments.
    #[serde(default)]
    pub appointments: Vec<Appointment>,
    /// The subject's plans (docs/plans-and-actions.md).
    #[serde(default)]
    pub plans: Vec<Plan>,
}

redacted_debug!(Request {
    as_of: show,
    language: show,
    subject: show,
    viewer: show,
    mandates: show,
    consents: show,
    privileges_intermediate: redact,
    cases: show,
    benefits: show,
    appointments: show,
    plans: show,
});

/// The citizen the request is about.
///
/// ```
/// let s: egensag::model::Subject = serde_json::from_str(r#"{"cpr": "010190-1234"}"#).unwrap();
/// assert_eq!(s.cpr.as_str(), "0101901234");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// The subject's CPR number.
    pub cpr: Cpr,
    /// The day the subject died, if they have; every fuldmagt ends from that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub deceased_on: Option<chrono::NaiveDate>,
}

/// Who is looking, and in which role.
///
/// ```
/// let v: egensag::model::Viewer = serde_json::from_str(r#"{"cpr": "0202804321", "role": "proxy"}"#).unwrap();
/// assert_eq!(v.role, egensag::model::Role::Proxy);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Viewer {
    /// The viewer's CPR number.
    pub cpr: Cpr,
    /// The role the viewer claims.
    pub role: Role,
}

/// The viewer's role.
///
/// ```
/// use egensag::model::{Role, MandateKind};
/// assert_eq!(Role::Guardian.mandate_kind(), Some(MandateKind::Vaergemaal));
/// assert_eq!(Role::Relative.mandate_kind(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The subject themselves.
    #[serde(rename = "self")]
    Myself,
    /// Holder of a power of attorney (fuldmagt).
    Proxy,
    /// Guardian (værge).
    Guardian,
    /// Parent with custody (forældremyndighed).
    Parent,
    /// Anyone else, by the subject's consent.
    Relative,
}

impl Role {
    /// The mandate kind this role needs, if it needs one.
    ///
    /// ```
    /// assert_eq!(egensag::model::Role::Proxy.mandate_kind(), Some(egensag::model::MandateKind::Fuldmagt));
    /// ```
    pub fn mandate_kind(self) -> Option<MandateKind> {
        match self {
            Role::Proxy => Some(MandateKind::Fuldmagt),
            Role::Guardian => Some(MandateKind::Vaergemaal),
            Role::Parent => Some(MandateKind::Foraeldremyndighed),
            Role::Myself | Role::Relative => None,
        }
    }

    /// The role as written in JSON: `self`, `proxy`, ….
    ///
    /// ```
    /// assert_eq!(egensag::model::Role::Myself.as_str(), "self");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Myself => "self",
            Role::Proxy => "proxy",
            Role::Guardian => "guardian",
            Role::Parent => "parent",
            Role::Relative => "relative",
        }
    }
}
