//! Appointments (aftaler): meetings, home visits, calls.

use super::common::Sensitivity;
use super::redact::redacted_debug;
use chrono::{DateTime, FixedOffset};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An appointment.
///
/// ```
/// let a: egensag::model::Appointment = serde_json::from_str(r#"{
///   "id": "A-1", "source": "DOMUS", "kle": "27.24.00", "participants": ["0101901234"],
///   "start": "2026-11-24T08:00:00+01:00", "end": "2026-11-24T08:30:00+01:00",
///   "kind": "home_visit", "with_role": "hjemmepleje", "what": ["Morgenhjælp"]
/// }"#).unwrap();
/// assert_eq!(a.kind, egensag::model::AppointmentKind::HomeVisit);
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appointment {
    /// The appointment's id, unique within `source`.
    pub id: String,
    /// Source system id, e.g. `DOMUS`.
    pub source: String,
    /// KLE subject number as written; when absent, the case's number is used.
    #[serde(default)]
    pub kle: Option<String>,
    /// The case it belongs to, of the same source.
    #[serde(default)]
    pub case_id: Option<String>,
    /// CPR numbers of the citizens taking part, as written.
    #[serde(default)]
    pub participants: Vec<String>,
    /// Start (RFC 3339 date-time).
    pub start: DateTime<FixedOffset>,
    /// End (RFC 3339 date-time), not before `start`.
    pub end: DateTime<FixedOffset>,
    /// The kind of appointment.
    pub kind: AppointmentKind,
    /// The role the citizen meets, e.g. `hjemmepleje`, `sagsbehandler`: never a name.
    pub with_role: String,
    /// Where, if anywhere.
    #[serde(default)]
    pub place: Option<String>,
    /// The planned tasks, e.g. `["Morgenhjælp", "Medicin"]`.
    #[serde(default)]
    pub what: Vec<String>,
    /// Cancelled appointments are kept and marked.
    #[serde(default)]
    pub cancelled: bool,
    /// Sensitivity level; `ikke_fortrolige` when absent (KOMBIT: `Foelsomhed`).
    #[serde(default)]
    pub sensitivity: Sensitivity,
    /// Never shown to anyone [Visningsklasse "Visning undtaget for borger"].
    #[serde(default)]
    pub withheld_from_citizen: bool,
    /// Shown to the subject only (third-party information, risk of harm).
    #[serde(default)]
    pub withheld_from_representatives: bool,
    /// Annulled or registered in error.
    #[serde(default)]
    pub void: bool,
}

redacted_debug!(Appointment {
    id: mask,
    source: show,
    kle: show,
    case_id: mask,
    participants: cpr,
    start: show,
    end: show,
    kind: show,
    with_role: show,
    place: redact,
    what: redact,
    cancelled: show,
    sensitivity: show,
    withheld_from_citizen: show,
    withheld_from_representatives: show,
    void: show,
});

/// The kind of an appointment.
///
/// ```
/// assert_eq!(serde_json::to_string(&egensag::model::AppointmentKind::Video).unwrap(), "\"video\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentKind {
    /// A meeting at a place.
    Meeting,
    /// A visit in the citizen's home.
    HomeVisit,
    /// A phone call.
    Phone,
    /// A video call.
    Video,
}
