//! The overview: the citizen's view of their visible records (docs/outputs.md).

use crate::actions::Action;
use crate::model::{AppointmentKind, Direction, Grant, Language, Payer, Payment, Request, Role};
use crate::order::{sorted, sorted_by_index};
use crate::plans::PlanView;
use crate::presentation::paid;
use crate::status::{BenefitStatus, CaseStatus};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The citizen's overview. Hidden records leave no trace in it.
///
/// ```
/// let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
/// let overview = engine.overview_json(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
///   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap();
/// let parsed: egensag::Overview = serde_json::from_str(&overview).unwrap();
/// assert_eq!(parsed.subject, "010190-XXXX");
/// assert!(parsed.cases.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    /// The day the overview is made for.
    #[serde(with = "crate::dates::Iso")]
    pub as_of: NaiveDate,
    /// The language of its texts.
    pub language: Language,
    /// The subject's CPR number, masked `DDMMYY-XXXX`.
    pub subject: String,
    /// The viewer's role.
    pub viewer_role: Role,
    /// Visible cases, latest status change first.
    pub cases: Vec<CaseView>,
    /// Visible benefits, latest payment first.
    pub benefits: Vec<BenefitView>,
    /// Visible appointments not ended before `as_of`, earliest first.
    pub appointments: Vec<AppointmentView>,
    /// Totals over the visible benefits.
    pub totals: Totals,
    /// Visible plans, latest status change first (docs/plans-and-actions.md). Absent in an
    /// overview made before plans existed, which reads as none.
    #[serde(default)]
    pub plans: Vec<PlanView>,
}

/// A main group ("area"), e.g. `32` Social ydelser.
///
/// ```
/// let a = egensag::overview::Area { number: "32".into(), title: None };
/// assert_eq!(a.number, "32");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// The main group number, two digits.
    pub number: String,
    /// Its title from the KLE catalogue, when one is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A visible case.
///
/// ```
/// # let engine = egensag::Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#).unwrap();
/// # let o = engine.overview(&egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
/// #   "viewer": {"cpr": "0101901234", "role": "self"}, "cases": [{"id": "S-1", "source": "KSD", "title": "Sygedagpenge",
/// #   "kle": "32.30.04", "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-11-01"}]}"#).unwrap()).unwrap();
/// let case: &egensag::overview::CaseView = &o.cases[0];
/// assert_eq!(case.title, "Sygedagpenge");
/// assert_eq!(case.area.number, "32");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseView {
    /// Case number.
    pub id: String,
    /// Source system.
    pub source: String,
    /// The title shown: the case title, or the KLE subject title where the title may not be shown.
    pub title: String,
    /// The KLE subject number.
    pub kle: String,
    /// The main group.
    pub area: Area,
    /// The date the case arose.
    #[serde(with = "crate::dates::Iso")]
    pub created: NaiveDate,
    /// Its status.
    pub status: CaseStatus,
    /// Document titles, when the policy shows them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<DocumentView>>,
    /// The source system's own status text, when the policy shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_status: Option<String>,
    /// A link to the specialist system's portal or a borger.dk article, when the policy
    /// gives one for the record's area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkView>,
    /// What the viewer may do with the case (docs/plans-and-actions.md).
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// A link shown with a visible record: the policy's most specific matching `links` entry,
/// its text in the request's language. Only `https` URLs ever get here.
///
/// ```
/// let l: egensag::overview::LinkView = serde_json::from_str(
///     r#"{"url": "https://www.borger.dk/sygedagpenge", "text": "Læs om sygedagpenge"}"#).unwrap();
/// assert!(l.url.starts_with("https://"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkView {
    /// Where the link goes.
    pub url: String,
    /// Its text in the request's language.
    pub text: String,
}

/// A document title shown with a case.
///
/// ```
/// let d = egensag::overview::DocumentView { title: "Afgørelse".into(),
///     date: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(), direction: egensag::model::Direction::Outgoing };
/// assert_eq!(d.title, "Afgørelse");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentView {
    /// The title.
    pub title: String,
    /// The date.
    #[serde(with = "crate::dates::Iso")]
    pub date: NaiveDate,
    /// Incoming or outgoing.
    pub direction: Direction,
}

/// A visible benefit.
///
/// ```
/// let b: egensag::overview::BenefitView = serde_json::from_str(r#"{"id": "B", "source": "KY", "name": "Kontanthjælp",
///   "kle": "32.24.04", "area": {"number": "32"}, "status": {"code": "paying", "text": "Ydelsen udbetales", "since": "2026-01-01"},
///   "grant": {"from": "2026-01-01", "amount_ore": 100}, "payments": [], "paid_total_ore": 0, "actions": []}"#).unwrap();
/// assert_eq!(b.grant.amount_ore, 100);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BenefitView {
    /// The benefit's id.
    pub id: String,
    /// Source system.
    pub source: String,
    /// Its name, e.g. `Kontanthjælp`.
    pub name: String,
    /// The KLE subject number.
    pub kle: String,
    /// The main group.
    pub area: Area,
    /// The granting case, when that case is shown too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// Its status.
    pub status: BenefitStatus,
    /// The grant, as the source gave it.
    pub grant: Grant,
    /// The payments listed (from the policy's from-date on), by disposition date.
    pub payments: Vec<Payment>,
    /// Net total of the listed `paid` payments, in øre.
    pub paid_total_ore: i64,
    /// What the citizen owes back, in øre.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debt_ore: Option<i64>,
    /// Who pays, when the source says (KOMBIT: `Udbetalingsafdeling`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer: Option<Payer>,
    /// A link to the specialist system's portal or a borger.dk article, when the policy
    /// gives one for the record's area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkView>,
    /// What the viewer may do with the benefit: no action applies to benefits today, so
    /// this is always empty.
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// A visible appointment.
///
/// ```
/// let kind = egensag::model::AppointmentKind::HomeVisit;
/// assert_eq!(serde_json::to_string(&kind).unwrap(), "\"home_visit\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppointmentView {
    /// The appointment's id.
    pub id: String,
    /// Source system.
    pub source: String,
    /// The KLE subject number (its own or its case's).
    pub kle: String,
    /// The case it belongs to, when that case is shown too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// Start.
    pub start: DateTime<FixedOffset>,
    /// End.
    pub end: DateTime<FixedOffset>,
    /// Kind.
    pub kind: AppointmentKind,
    /// The role met, e.g. `hjemmepleje`.
    pub with_role: String,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Planned tasks.
    pub what: Vec<String>,
    /// Cancelled (kept and marked).
    pub cancelled: bool,
    /// A link to the specialist system's portal or a borger.dk article, when the policy
    /// gives one for the record's area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkView>,
    /// What the viewer may do with the appointment (docs/plans-and-actions.md).
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// Totals over the visible benefits. A total that does not fit in 64 bits is left out
/// and flagged (`overflow`, `debt_overflow`) instead of rejecting the overview; it is
/// summed exactly, so it does not depend on the order of the records.
///
/// ```
/// let t = egensag::overview::Totals::default();
/// assert_eq!(t.debt_ore, Some(0));
/// assert!(!t.debt_overflow);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    /// Net amounts of listed `paid` payments by calendar year of disposition date, ascending.
    pub paid_by_year: Vec<YearTotal>,
    /// Sum of `debt_ore` over the visible benefits; absent when it does not fit in 64
    /// bits (then `debt_overflow` is true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debt_ore: Option<i64>,
    /// True when the sum of `debt_ore` does not fit in 64 bits and is left out.
    #[serde(default, skip_serializing_if = "is_false")]
    pub debt_overflow: bool,
}

impl Default for Totals {
    fn default() -> Self {
        Totals {
            paid_by_year: Vec::new(),
            debt_ore: Some(0),
            debt_overflow: false,
        }
    }
}

/// The net amount paid in one calendar year.
///
/// ```
/// let y = egensag::overview::YearTotal { year: 2026, net_ore: Some(912_500), overflow: false };
/// assert_eq!(y.year, 2026);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearTotal {
    /// The year.
    pub year: i32,
    /// Net amount in øre; absent when it does not fit in 64 bits (then `overflow` is true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_ore: Option<i64>,
    /// True when the year's net amount does not fit in 64 bits and is left out.
    #[serde(default, skip_serializing_if = "is_false")]
    pub overflow: bool,
}

fn is_false(flag: &bool) -> bool {
    !flag
}

impl Overview {
    /// The overview of `request` from the views of its visible records, in any order:
    /// sorted, without the appointments that ended before `as_of`, and totalled.
    pub(crate) fn assemble(
        request: &Request,
        cases: Vec<CaseView>,
        benefits: Vec<BenefitView>,
        mut appointments: Vec<AppointmentView>,
        plans: Vec<PlanView>,
    ) -> Overview {
        let cases = sorted(cases, |a, b| {
            b.status
                .since
                .cmp(&a.status.since)
                .then_with(|| (&a.source, &a.id).cmp(&(&b.source, &b.id)))
        });
        // Each benefit's latest payment is found once, not at every comparison.
        let latest_payment: Vec<NaiveDate> = benefits.iter().map(latest).collect();
        let benefits = sorted_by_index(benefits, |i, a, j, b| {
            latest_payment
                .get(j)
                .cmp(&latest_payment.get(i))
                .then_with(|| (&a.source, &a.id).cmp(&(&b.source, &b.id)))
        });
        appointments.retain(|a| a.end.date_naive() >= request.as_of);
        let appointments = sorted(appointments, |a, b| {
            a.start
                .cmp(&b.start)
                .then_with(|| (&a.source, &a.id).cmp(&(&b.source, &b.id)))
        });
        let plans = sorted(plans, |a, b| {
            b.status
                .since
                .cmp(&a.status.since)
                .then_with(|| (&a.source, &a.id).cmp(&(&b.source, &b.id)))
        });
        let totals = Totals::of(&benefits);
        Overview {
            as_of: request.as_of,
            language: request.language,
            subject: request.subject.cpr.masked(),
            viewer_role: request.viewer.role,
            cases,
            benefits,
            appointments,
            totals,
            plans,
        }
    }
}

/// The date benefits are sorted by: the latest listed payment, else the status date.
fn latest(benefit: &BenefitView) -> NaiveDate {
    benefit
        .payments
        .iter()
        .map(|p| p.disposition_date)
        .max()
        .unwrap_or(benefit.status.since)
}

impl Totals {
    /// Net paid by year and total debt over the visible benefits, summed exactly (in 128
    /// bits: 20,000 records of 10,000 amounts of at most 2⁶³ cannot overflow it).
    fn of(benefits: &[BenefitView]) -> Totals {
        let mut by_year: BTreeMap<i32, i128> = BTreeMap::new();
        for payment in benefits.iter().flat_map(|b| paid(&b.payments)) {
            *by_year.entry(payment.disposition_date.year()).or_insert(0) +=
                i128::from(payment.net_ore);
        }
        let debt: i128 = benefits
            .iter()
            .filter_map(|b| b.debt_ore)
            .map(i128::from)
            .sum();
        let debt_ore = i64::try_from(debt).ok();
        Totals {
            paid_by_year: by_year
                .into_iter()
                .map(|(year, sum)| {
                    let net_ore = i64::try_from(sum).ok();
                    YearTotal {
                        year,
                        net_ore,
                        overflow: net_ore.is_none(),
                    }
                })
                .collect(),
            debt_ore,
            debt_overflow: debt_ore.is_none(),
        }
    }
}
