//! Cases (sager) as the Sags- og Dokumentindeks describes them.

use super::common::{Moment, Sensitivity};
use super::redact::redacted_debug;
use crate::codes::codes;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A case (KOMBIT: `Sag`).
///
/// ```
/// let case: egensag::model::Case = serde_json::from_str(r#"{
///   "id": "S-1", "source": "KSD", "title": "Sygedagpenge", "kle": "32.30.04",
///   "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-09-01"
/// }"#).unwrap();
/// assert_eq!(case.kle.as_deref(), Some("32.30.04"));
/// assert!(!case.void);
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Case number (KOMBIT: `Sagsnummer`), unique within `source`.
    pub id: String,
    /// Source system id, e.g. `KSD`, `KY`, `DOMUS`.
    pub source: String,
    /// The case title the public may see (KOMBIT: `Titel`).
    #[serde(default)]
    pub title: String,
    /// The title may not be shown (KOMBIT: `OffentlighedUndtaget`).
    #[serde(default)]
    pub title_restricted: bool,
    /// KLE subject number [Primær klasse], as the source wrote it (checked by the engine).
    #[serde(default)]
    pub kle: Option<String>,
    /// Handlingsfacet (KOMBIT: `Handlingsklasse`), as the source wrote it (checked by the engine).
    #[serde(default)]
    pub facet: Option<String>,
    /// The parties (KOMBIT: `Sagspart`).
    #[serde(default)]
    pub parties: Vec<Party>,
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
    /// The date the case arose.
    #[serde(with = "crate::dates::Iso")]
    pub created: NaiveDate,
    /// The progress history (KOMBIT: `FremdriftStatusKode`).
    #[serde(default)]
    pub progress: Vec<Progress>,
    /// The source system's own status text (KOMBIT: `Sagsstatus`).
    #[serde(default)]
    pub local_status: Option<String>,
    /// The decision's outcome (KOMBIT: `Afgørelsesklasse`).
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// What the municipality has asked the citizen for.
    #[serde(default)]
    pub requests: Vec<InfoRequest>,
    /// The caseworker: input only, never output.
    #[serde(default)]
    pub caseworker: Option<Caseworker>,
    /// Document titles (never contents).
    #[serde(default)]
    pub documents: Vec<Document>,
}

redacted_debug!(Case {
    id: mask,
    source: show,
    title: redact,
    title_restricted: show,
    kle: show,
    facet: show,
    parties: show,
    sensitivity: show,
    withheld_from_citizen: show,
    withheld_from_representatives: show,
    void: show,
    created: show,
    progress: show,
    local_status: show,
    outcome: show,
    requests: show,
    caseworker: show,
    documents: show,
});

/// A party to a case (KOMBIT: `Sagspart`): a person (`cpr`) or a company (`cvr`).
///
/// The CPR number is kept as written; a malformed one does not identify anybody.
///
/// ```
/// let p: egensag::model::Party = serde_json::from_str(r#"{"cvr": "12345678", "role": "owner"}"#).unwrap();
/// assert!(p.cpr.is_none());
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// CPR number of a person, as written by the source.
    #[serde(default)]
    pub cpr: Option<String>,
    /// CVR number of a company.
    #[serde(default)]
    pub cvr: Option<String>,
    /// The party's role.
    pub role: PartyRole,
    /// First day the party counts [Sagspart Virkning FraTidspunkt]; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub valid_from: Option<NaiveDate>,
    /// Last day the party counts [Sagspart Virkning TilTidspunkt]; open-ended when absent.
    /// SF1470 ends a relation by ending its validity, never by deleting it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub valid_to: Option<NaiveDate>,
}

impl Party {
    /// Whether the party counts on `day`: within its optional `valid_from`…`valid_to`.
    /// A party whose relation has ended (or not yet begun) is no party at all that day.
    ///
    /// ```
    /// let p: egensag::model::Party = serde_json::from_str(
    ///     r#"{"cpr": "0101901234", "role": "primary", "valid_to": "2026-06-30"}"#).unwrap();
    /// let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    /// assert!(p.counts_on(day("2026-06-30")));
    /// assert!(!p.counts_on(day("2026-07-01")));
    /// ```
    pub fn counts_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| from <= day) && self.valid_to.is_none_or(|to| day <= to)
    }
}

redacted_debug!(Party {
    cpr: cpr,
    cvr: show,
    role: show,
    valid_from: show,
    valid_to: show,
});

/// A party's role in a case.
///
/// ```
/// let r: egensag::model::PartyRole = serde_json::from_str("\"secondary\"").unwrap();
/// assert_eq!(r, egensag::model::PartyRole::Secondary);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// The primary party (the citizen the case is about).
    Primary,
    /// A secondary party.
    Secondary,
    /// A recipient.
    Recipient,
    /// An owner (e.g. of a property).
    Owner,
}

/// One entry of a case's progress history.
///
/// ```
/// let p: egensag::model::Progress = serde_json::from_str(r#"{"state": "afgjort", "at": "2026-10-01T09:00:00+02:00"}"#).unwrap();
/// assert_eq!(p.state, egensag::model::ProgressState::Afgjort);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The state entered.
    pub state: ProgressState,
    /// When: a date, or a date-time that orders entries within a day.
    pub at: Moment,
}

/// A progress state (KOMBIT: `FremdriftStatusKode`), in lifecycle order.
///
/// ```
/// use egensag::model::ProgressState;
/// assert!(ProgressState::Opstaaet < ProgressState::Afsluttet);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProgressState {
    /// The case has arisen.
    Opstaaet,
    /// The case is being clarified.
    Oplyst,
    /// A decision has been made.
    Afgjort,
    /// The case is closed.
    Afsluttet,
}

codes! {
    /// A decision's outcome (KOMBIT: `Afgørelsesklasse`).
    ///
    /// ```
    /// let o: egensag::model::Outcome = serde_json::from_str("\"delvist_bevilget\"").unwrap();
    /// assert_eq!(o, egensag::model::Outcome::DelvistBevilget);
    /// ```
    pub enum Outcome {
        /// Granted.
        Bevilget = "bevilget",
        /// Partly granted.
        DelvistBevilget = "delvist_bevilget",
        /// Refused.
        Afslag = "afslag",
        /// Rejected (not considered).
        Afvist = "afvist",
    }
}

/// Something the municipality has asked the citizen for.
///
/// ```
/// let r: egensag::model::InfoRequest = serde_json::from_str(
///     r#"{"what": "Lægeerklæring", "requested": "2026-11-01", "deadline": "2026-11-20"}"#).unwrap();
/// assert!(r.fulfilled.is_none());
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InfoRequest {
    /// What is asked for, in words the citizen understands.
    pub what: String,
    /// The day it was asked for.
    #[serde(with = "crate::dates::Iso")]
    pub requested: NaiveDate,
    /// The deadline, if any.
    #[serde(default)]
    #[serde(with = "crate::dates::IsoOption")]
    pub deadline: Option<NaiveDate>,
    /// The day it was received, if it has been.
    #[serde(default)]
    #[serde(with = "crate::dates::IsoOption")]
    pub fulfilled: Option<NaiveDate>,
}

redacted_debug!(InfoRequest {
    what: redact,
    requested: show,
    deadline: show,
    fulfilled: show,
});

/// The caseworker. Read, never output.
///
/// ```
/// let c: egensag::model::Caseworker = serde_json::from_str(r#"{"name": "A. B.", "initials": "AB"}"#).unwrap();
/// assert_eq!(c.initials.as_deref(), Some("AB"));
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Caseworker {
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Initials.
    #[serde(default)]
    pub initials: Option<String>,
}

redacted_debug!(Caseworker {
    name: redact,
    initials: redact,
});

/// A document of a case: its title and date only.
///
/// ```
/// let d: egensag::model::Document = serde_json::from_str(
///     r#"{"title": "Afgørelse", "date": "2026-10-01", "direction": "outgoing"}"#).unwrap();
/// assert_eq!(d.direction, egensag::model::Direction::Outgoing);
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The document's title.
    pub title: String,
    /// Its date.
    #[serde(with = "crate::dates::Iso")]
    pub date: NaiveDate,
    /// Incoming (from the citizen) or outgoing (to the citizen).
    pub direction: Direction,
    /// Never listed, counted or notified [the document's own Visningsklasse in SF1470].
    #[serde(default, skip_serializing_if = "is_false")]
    pub withheld_from_citizen: bool,
}

redacted_debug!(Document {
    title: redact,
    date: show,
    direction: show,
    withheld_from_citizen: show,
});

/// Serde helper: leave a `false` flag out of the output.
fn is_false(flag: &bool) -> bool {
    !*flag
}

/// A document's direction.
///
/// ```
/// assert_eq!(serde_json::to_string(&egensag::model::Direction::Incoming).unwrap(), "\"incoming\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Received by the municipality.
    Incoming,
    /// Sent by the municipality.
    Outgoing,
}
