//! A deterministic generator of municipality-like requests.
//!
//! Distributions (rough, but shaped like a municipality's portal): most records are
//! cases (70 %), then benefits (15 %) and appointments (15 %); KLE numbers come from a
//! weighted mix of main groups (social benefits `32`, health and elder care `27`,
//! children `15`, housing `25`, building `02`, and a tail the policy does not include);
//! cases carry progress histories, open requests and documents; benefits carry monthly
//! payments over up to ten years; a proxy viewer holds a fuldmagt with a KLE, sensitivity
//! and record-kind scope. A small share of records is void, withheld, too sensitive,
//! from a source the policy does not enable, or has a malformed KLE number.

use chrono::{Datelike, Days, NaiveDate};
use serde_json::{json, Value};

/// The day every generated request is made for.
pub const AS_OF: &str = "2026-11-23";
/// The generated subject's CPR number.
pub const SUBJECT: &str = "1207852318";
/// The generated proxy's CPR number.
pub const PROXY: &str = "0302704411";
/// The generated relative's CPR number: the recipient of every request's consent.
pub const RELATIVE: &str = "0505651234";

/// Who looks at the generated records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// The subject themself.
    Myself,
    /// A fuldmagt holder with a scoped mandate.
    Proxy,
    /// A relative under the subject's consent (`samtykke-1`, KLE scope `27.*`).
    Relative,
}

/// SplitMix64: small, fast and deterministic; plenty for synthetic data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One of `items` by weight.
    pub fn weighted<'a, T>(&mut self, items: &'a [(u64, T)]) -> &'a T {
        let total: u64 = items.iter().map(|(w, _)| w).sum();
        let mut pick = self.below(total);
        for (weight, item) in items {
            if pick < *weight {
                return item;
            }
            pick -= weight;
        }
        // Unreachable for a non-empty list; the last item keeps this total.
        &items[items.len() - 1].1
    }
}

/// The benchmark policy: the example municipality's, with no secondary-party rules.
pub fn policy_json() -> String {
    json!({
        "id": "bench-2026-11",
        "kle": {
            "include": [
                { "pattern": "32.*", "from": "2007-12-01" },
                { "pattern": "15.*", "from": "2007-12-01" },
                { "pattern": "15.17.*", "from": "2012-01-01", "facets": ["G01"] },
                { "pattern": "27.24.*", "from": "2015-01-01" },
                { "pattern": "27.42.*", "from": "2015-01-01" },
                { "pattern": "25.*", "from": "2010-01-01" },
                { "pattern": "02.*", "from": "2018-01-01" }
            ],
            "exclude": [ "32.21.28", "27.42.10" ]
        },
        "show_active_before_from": true,
        "sources": [ "KSD", "KY", "DOMUS", "OPERA" ],
        "max_sensitivity": "foelsomme",
        "title_mode": "source",
        "show_document_titles": true,
        "show_local_status": false,
        "processing_days": [
            { "pattern": "32.30.*", "days": 28 },
            { "pattern": "32.21.*", "days": 14 },
            { "pattern": "27.42.*", "days": 60 }
        ],
        "parent_restricted": [ "15.*" ],
        "privileges": { "urn:dk:kombit:system_xyz:view_case": "read" }
    })
    .to_string()
}

const KLE_MIX: &[(u64, &str)] = &[
    (12, "32.30.04"),
    (6, "32.18.04"),
    (5, "32.21.28"),
    (5, "32.24.04"),
    (4, "32.06.02"),
    (8, "27.24.04"),
    (6, "27.42.10"),
    (5, "27.42.02"),
    (3, "27.36.08"),
    (5, "15.17.04"),
    (4, "15.00.20"),
    (4, "25.02.04"),
    (3, "02.34.02"),
    (3, "29.03.00"),
    (2, "17.02.05"),
    (1, "00.01.10"),
    (1, "32.4"),
];

const SOURCES: &[(u64, &str)] = &[
    (40, "KSD"),
    (20, "KY"),
    (15, "DOMUS"),
    (15, "OPERA"),
    (10, "SAPA"),
];

const SENSITIVITY: &[(u64, &str)] = &[
    (80, "ikke_fortrolige"),
    (10, "fortrolige"),
    (8, "foelsomme"),
    (2, "vip"),
];

const TITLES: &[&str] = &[
    "Sygedagpenge",
    "Boligstøtte",
    "Hjemmehjælp",
    "Kontanthjælp",
    "Handicapbil",
    "Tilskud til briller",
    "Byggetilladelse, carport",
    "Genoptræning efter operation",
];

const BENEFITS: &[(&str, &str)] = &[
    ("Kontanthjælp", "32.18.04"),
    ("Boligstøtte", "32.24.04"),
    ("Sygedagpenge", "32.30.04"),
    ("Førtidspension", "32.06.02"),
    ("Hjælpemidler", "27.24.04"),
    ("Børneydelse", "15.00.20"),
];

fn day(n: i64) -> NaiveDate {
    // Day numbers are from 2000-01-01; the generator keeps them within 2000–2030.
    NaiveDate::from_ymd_opt(2000, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(n.max(0) as u64)))
        .unwrap_or_default()
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

const AS_OF_DAY: i64 = 9823; // 2026-11-23 as days since 2000-01-01

/// A request of `records` records for `viewer`, as JSON, from `seed`.
pub fn request_json(seed: u64, records: usize, viewer: Viewer) -> String {
    request_value(seed, records, viewer).to_string()
}

/// A request of `records` records for `viewer`, as a JSON value, from `seed`.
pub fn request_value(seed: u64, records: usize, viewer: Viewer) -> Value {
    let mut rng = Rng::new(seed);
    let mut cases = Vec::new();
    let mut benefits = Vec::new();
    let mut appointments = Vec::new();
    for i in 0..records {
        match rng.below(100) {
            0..70 => cases.push(case(&mut rng, i)),
            70..85 => benefits.push(benefit(&mut rng, i)),
            _ => appointments.push(appointment(&mut rng, i)),
        }
    }
    let (viewer_value, mandates) = match viewer {
        Viewer::Myself => (json!({ "cpr": SUBJECT, "role": "self" }), json!([])),
        Viewer::Proxy => (
            json!({ "cpr": PROXY, "role": "proxy" }),
            json!([{
                "id": "fuldmagt-1", "kind": "fuldmagt", "holder": PROXY, "subject": SUBJECT,
                "valid_from": "2026-01-01", "valid_to": "2026-12-31", "privileges": ["read"],
                "scope": { "kle": ["32.*", "27.24.*", "15.17.04"], "max_sensitivity": "fortrolige",
                           "records": ["cases", "benefits"] }
            }]),
        ),
        Viewer::Relative => (json!({ "cpr": RELATIVE, "role": "relative" }), json!([])),
    };
    json!({
        "as_of": AS_OF,
        "language": "da",
        "subject": { "cpr": SUBJECT },
        "viewer": viewer_value,
        "mandates": mandates,
        "consents": [{
            "id": "samtykke-1", "kind": "samtykke", "subject": SUBJECT, "recipient": RELATIVE,
            "purposes": ["view"], "scope": { "kle": ["27.*"] }, "valid_from": "2026-01-01"
        }],
        "cases": cases,
        "benefits": benefits,
        "appointments": appointments
    })
}

fn flags(rng: &mut Rng, record: &mut Value) {
    record["sensitivity"] = json!(rng.weighted(SENSITIVITY));
    if rng.chance(1) {
        record["void"] = json!(true);
    }
    if rng.chance(1) {
        record["withheld_from_citizen"] = json!(true);
    }
    if rng.chance(3) {
        record["withheld_from_representatives"] = json!(true);
    }
}

fn case(rng: &mut Rng, i: usize) -> Value {
    let created = rng.below(AS_OF_DAY as u64 - 2) as i64;
    let mut parties = vec![json!({ "cpr": SUBJECT, "role": "primary" })];
    if rng.chance(4) {
        parties = vec![
            json!({ "cpr": "0101901234", "role": "primary" }),
            json!({ "cpr": SUBJECT, "role": "secondary" }),
        ];
    }
    if rng.chance(20) {
        parties.push(json!({ "cvr": "29403473", "role": "secondary" }));
    }
    let title = TITLES[rng.below(TITLES.len() as u64) as usize];
    let mut progress = vec![json!({ "state": "opstaaet", "at": ymd(day(created)) })];
    let mut at = created;
    let steps = rng.below(4);
    for state in ["oplyst", "afgjort", "afsluttet"]
        .iter()
        .take(steps as usize)
    {
        at = (at + 1 + rng.below(120) as i64).min(AS_OF_DAY + 30);
        progress.push(json!({ "state": state, "at": format!("{}T09:30:00+01:00", ymd(day(at))) }));
    }
    let mut record = json!({
        "id": format!("S-{i}"),
        "source": rng.weighted(SOURCES),
        "title": title,
        "kle": rng.weighted(KLE_MIX),
        "parties": parties,
        "created": ymd(day(created)),
        "progress": progress,
        "caseworker": { "name": "Sagsbehandler", "initials": "SB" }
    });
    if rng.chance(30) {
        record["facet"] = json!(if rng.chance(60) { "G01" } else { "G02" });
    }
    if steps >= 2 {
        let outcome = ["bevilget", "delvist_bevilget", "afslag"][rng.below(3) as usize];
        record["outcome"] = json!(outcome);
    }
    if rng.chance(20) {
        let requested = (at + 1).min(AS_OF_DAY);
        record["requests"] = json!([{
            "what": "Lønsedler for de seneste tre måneder",
            "requested": ymd(day(requested)),
            "deadline": ymd(day(requested + 21))
        }]);
    }
    let documents: Vec<Value> = (0..rng.below(4))
        .map(|k| {
            json!({ "title": format!("Brev {k}"), "date": ymd(day(created + k as i64)),
                    "direction": if k % 2 == 0 { "incoming" } else { "outgoing" } })
        })
        .collect();
    record["documents"] = json!(documents);
    flags(rng, &mut record);
    record
}

fn benefit(rng: &mut Rng, i: usize) -> Value {
    let (name, kle) = BENEFITS[rng.below(BENEFITS.len() as u64) as usize];
    // Most grants are short; some run for up to ten years.
    let months = if rng.chance(20) {
        24 + rng.below(97)
    } else {
        1 + rng.below(24)
    } as i64;
    let end_month = AS_OF_DAY / 30 - rng.below(36) as i64 + 2;
    let start_month = (end_month - months).max(1);
    let from = day(start_month * 30);
    let from = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    let amount = 500_000 + rng.below(1_500_000) as i64;
    let mut payments = Vec::new();
    let mut month = from;
    let mut k = 0;
    let as_of = day(AS_OF_DAY);
    let to = from
        .checked_add_months(chrono::Months::new(months as u32))
        .and_then(|d| d.pred_opt())
        .unwrap_or(from);
    while month <= to && k < 120 {
        let period_to = month
            .checked_add_months(chrono::Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(month);
        let disposition = period_to;
        let status = if disposition > as_of {
            "planned"
        } else if rng.chance(1) {
            "annulled"
        } else {
            "paid"
        };
        payments.push(json!({
            "id": format!("P{k}"), "period_from": ymd(month), "period_to": ymd(period_to),
            "disposition_date": ymd(disposition), "gross_ore": amount,
            "net_ore": amount * 62 / 100, "status": status
        }));
        month = period_to.succ_opt().unwrap_or(period_to);
        k += 1;
    }
    let mut record = json!({
        "id": format!("B-{i}"),
        "source": rng.weighted(&SOURCES[..4]),
        "kle": kle,
        "name": name,
        "recipient": SUBJECT,
        "created": ymd(from.pred_opt().unwrap_or(from)),
        "grant": {
            "from": ymd(from), "to": ymd(to), "amount_ore": amount,
            "plan": { "frequency": "monthly", "payment_day": "last_banking_day" }
        },
        "payments": payments
    });
    if rng.chance(10) {
        record["debt_ore"] = json!(rng.below(2_000_000));
        record["grant"]["repayable"] = json!(true);
    }
    if rng.chance(5) {
        record["recipient"] = json!("0101901234");
    }
    flags(rng, &mut record);
    record
}

fn appointment(rng: &mut Rng, i: usize) -> Value {
    let start = AS_OF_DAY - 200 + rng.below(400) as i64;
    let hour = 8 + rng.below(8);
    let kind = ["meeting", "home_visit", "phone", "video"][rng.below(4) as usize];
    let with_role = ["hjemmepleje", "sagsbehandler", "fysioterapeut"][rng.below(3) as usize];
    let mut record = json!({
        "id": format!("A-{i}"),
        "source": rng.weighted(SOURCES),
        "kle": rng.weighted(KLE_MIX),
        "participants": [SUBJECT],
        "start": format!("{}T{hour:02}:00:00+01:00", ymd(day(start))),
        "end": format!("{}T{hour:02}:45:00+01:00", ymd(day(start))),
        "kind": kind,
        "with_role": with_role,
        "what": ["Personlig pleje", "Rengøring"]
    });
    if rng.chance(30) {
        record["place"] = json!("Hjemme");
    }
    if rng.chance(5) {
        record["cancelled"] = json!(true);
    }
    if rng.chance(3) {
        record["participants"] = json!(["0101901234"]);
    }
    flags(rng, &mut record);
    record
}
