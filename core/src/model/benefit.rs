//! Benefits (ydelser) as the Ydelsesindeks describes them: a grant with a payment plan,
//! and the payments made or planned.

use super::common::Sensitivity;
use super::redact::redacted_debug;
use crate::calendar::PaymentPlan;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A benefit (KOMBIT: `BevillingIndeks`).
///
/// ```
/// let b: egensag::model::Benefit = serde_json::from_str(r#"{
///   "id": "B-1", "source": "KY", "kle": "32.24.04", "name": "Kontanthjælp",
///   "recipient": "0101901234", "created": "2024-01-10",
///   "grant": { "from": "2024-02-01", "amount_ore": 1250000,
///              "plan": { "frequency": "monthly", "payment_day": "last_banking_day", "in_advance": false } }
/// }"#).unwrap();
/// assert_eq!(b.grant.amount_ore, 1_250_000);
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Benefit {
    /// The benefit's id, unique within `source`.
    pub id: String,
    /// Source system id, e.g. `KY`.
    pub source: String,
    /// KLE subject number, as the source wrote it (checked by the engine).
    #[serde(default)]
    pub kle: Option<String>,
    /// The benefit's name [BevilgetYdelse Navn], e.g. `Kontanthjælp`.
    pub name: String,
    /// The granting case, of the same source (KOMBIT: `Bevillingssag`).
    #[serde(default)]
    pub case_id: Option<String>,
    /// CPR number of the recipient, as written; absent when the recipient is not a person.
    #[serde(default)]
    pub recipient: Option<String>,
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
    /// The date the benefit was created.
    #[serde(with = "crate::dates::Iso")]
    pub created: NaiveDate,
    /// The grant.
    pub grant: Grant,
    /// Payments made or planned (KOMBIT: `OekonomiskEffektuering`).
    #[serde(default)]
    pub payments: Vec<Payment>,
    /// The outstanding amount the citizen owes back, in øre.
    #[serde(default)]
    pub debt_ore: Option<i64>,
    /// Who pays (KOMBIT: `Udbetalingsafdeling`): the municipality or Udbetaling Danmark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer: Option<Payer>,
}

redacted_debug!(Benefit {
    id: mask,
    source: show,
    kle: show,
    name: redact,
    case_id: mask,
    recipient: cpr,
    sensitivity: show,
    withheld_from_citizen: show,
    withheld_from_representatives: show,
    void: show,
    created: show,
    grant: show,
    payments: show,
    debt_ore: show,
    payer: show,
});

/// Who pays a benefit [OekonomiskEffektuering Udbetalingsafdeling].
///
/// ```
/// let p: egensag::model::Payer = serde_json::from_str(
///     r#"{"kind": "udbetaling_danmark", "name": "Udbetaling Danmark"}"#).unwrap();
/// assert_eq!(p.kind, egensag::model::PayerKind::UdbetalingDanmark);
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Payer {
    /// The kind of payer.
    pub kind: PayerKind,
    /// The paying office's name as the source gives it, e.g. `Ydelsesservice`.
    pub name: String,
}

redacted_debug!(Payer {
    kind: show,
    name: redact,
});

/// The kind of a benefit's payer.
///
/// ```
/// assert_eq!(serde_json::to_string(&egensag::model::PayerKind::Municipality).unwrap(), "\"municipality\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PayerKind {
    /// The municipality.
    Municipality,
    /// Udbetaling Danmark.
    UdbetalingDanmark,
    /// Anyone else.
    Other,
}

/// A grant (KOMBIT: `Bevilling`): its period, amount and payment plan.
///
/// ```
/// let g: egensag::model::Grant = serde_json::from_str(
///     r#"{"from": "2026-01-01", "to": "2026-12-31", "amount_ore": 500000}"#).unwrap();
/// assert!(g.plan.is_none() && !g.repayable);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    /// First day of the grant.
    #[serde(with = "crate::dates::Iso")]
    pub from: NaiveDate,
    /// Last day of the grant, if it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub to: Option<NaiveDate>,
    /// Payment stopped from this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub stopped_from: Option<NaiveDate>,
    /// The granted amount per period, in øre (not negative).
    pub amount_ore: i64,
    /// The payment plan; absent for one-off benefits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PaymentPlan>,
    /// Whether the benefit must be paid back.
    #[serde(default)]
    pub repayable: bool,
}

/// One payment (KOMBIT: `OekonomiskEffektuering`).
///
/// ```
/// let p: egensag::model::Payment = serde_json::from_str(r#"{"id": "P-1", "period_from": "2026-10-01",
///   "period_to": "2026-10-31", "disposition_date": "2026-10-30", "gross_ore": 1250000,
///   "net_ore": 912500, "status": "paid"}"#).unwrap();
/// assert_eq!(p.status, egensag::model::PaymentStatus::Paid);
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// The payment's id, unique within its benefit.
    pub id: String,
    /// First day of the period paid for.
    #[serde(with = "crate::dates::Iso")]
    pub period_from: NaiveDate,
    /// Last day of the period paid for.
    #[serde(with = "crate::dates::Iso")]
    pub period_to: NaiveDate,
    /// The day the money is at the citizen's disposal.
    #[serde(with = "crate::dates::Iso")]
    pub disposition_date: NaiveDate,
    /// Gross amount in øre (not negative).
    pub gross_ore: i64,
    /// Net amount in øre after tax (not negative).
    pub net_ore: i64,
    /// The payment's status.
    pub status: PaymentStatus,
}

redacted_debug!(Payment {
    id: mask,
    period_from: show,
    period_to: show,
    disposition_date: show,
    gross_ore: show,
    net_ore: show,
    status: show,
});

/// A payment's status.
///
/// ```
/// assert_eq!(serde_json::to_string(&egensag::model::PaymentStatus::Planned).unwrap(), "\"planned\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// Will be paid.
    Planned,
    /// Has been paid.
    Paid,
    /// Was stopped.
    Stopped,
    /// Was annulled.
    Annulled,
}
