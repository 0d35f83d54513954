//! A deliberately simple reference implementation of the visibility rules V1–V9 and
//! W1–W10 for all four record kinds (DOMAIN.md sections 3 and 8) and of the actions of
//! section 9, written from the contract and, where it is silent, from `docs/decisions.md`
//! and `docs/plans-and-actions.md` (each such place says which decision it follows), over
//! `serde_json::Value` (the request and policy as JSON). It is slow and obvious on
//! purpose: every rule is a few lines that read like the contract. It does not use the
//! engine's code, only the CPR birth dates of the few people the generator uses.
#![allow(dead_code, clippy::nonminimal_bool)]

use serde_json::Value;
use std::collections::BTreeSet;

/// The decision for one record: visible, the deny reasons in the contract's order, the
/// permitting rules, and (for a visible record) every action of its kind with the reasons
/// it is refused (none: offered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefDecision {
    pub kind: &'static str,
    pub source: String,
    pub id: String,
    pub visible: bool,
    pub reasons: Vec<&'static str>,
    pub rules: BTreeSet<String>,
    pub actions: Vec<(&'static str, Vec<&'static str>)>,
}

impl RefDecision {
    /// The actions offered, in the contract's order.
    pub fn offered(&self) -> Vec<&'static str> {
        self.actions
            .iter()
            .filter(|(_, why)| why.is_empty())
            .map(|(a, _)| *a)
            .collect()
    }
}

/// The order of reason codes in the contract (V1..V9, then W1..W10 as listed).
pub const ORDER: [&str; 23] = [
    "record.void",
    "record.withheld",
    "subject.no_cpr",
    "subject.not_party",
    "kle.invalid",
    "case.hidden",
    "kle.not_included",
    "kle.excluded",
    "date.before_from",
    "source.not_enabled",
    "sensitivity.above_limit",
    "viewer.not_subject",
    "mandate.missing",
    "mandate.not_in_force",
    "mandate.no_read",
    "mandate.out_of_scope",
    "mandate.grantor_under_15",
    "custody.subject_adult",
    "custody.child_consent_required",
    "custody.restricted",
    "consent.missing",
    "consent.objection",
    "representative.withheld",
];

// ---------- values ----------

fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}
fn b(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}
fn list<'a>(v: &'a Value, key: &str) -> Vec<&'a Value> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// A date `YYYY-MM-DD` as a comparable number; a date-time gives its date part.
fn day(text: &str) -> Option<(i32, u32, u32)> {
    let d = text.get(..10)?;
    let y = d.get(0..4)?.parse().ok()?;
    let m = d.get(5..7)?.parse().ok()?;
    let dd = d.get(8..10)?.parse().ok()?;
    Some((y, m, dd))
}

/// CPR: ten digits, optionally `DDMMYY-SSSS`; the generator only uses real dates, and
/// this table is the one place that knows their birthdays (century rule by hand).
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn cpr(text: &str) -> Option<String> {
    let digits: String = if text.len() == 11 && text.as_bytes()[6] == b'-' {
        format!("{}{}", &text[..6], &text[7..])
    } else {
        text.to_owned()
    };
    if digits.len() != 10 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    birth(&digits)?;
    Some(digits)
}

/// Birth date by the century rule.
pub fn birth(digits: &str) -> Option<(i32, u32, u32)> {
    let dd: u32 = digits.get(0..2)?.parse().ok()?;
    let mm: u32 = digits.get(2..4)?.parse().ok()?;
    let yy: i32 = digits.get(4..6)?.parse().ok()?;
    let c7: u32 = digits.get(6..7)?.parse().ok()?;
    let year = match c7 {
        0..=3 => 1900 + yy,
        4 | 9 => {
            if yy <= 36 {
                2000 + yy
            } else {
                1900 + yy
            }
        }
        _ => {
            if yy <= 57 {
                2000 + yy
            } else {
                1800 + yy
            }
        }
    };
    chrono::NaiveDate::from_ymd_opt(year, mm, dd)?;
    Some((year, mm, dd))
}

/// Age on `on`: N from the N-th birthday (29 February counts from 1 March).
fn age(birth: (i32, u32, u32), on: (i32, u32, u32)) -> i32 {
    let mut years = on.0 - birth.0;
    let (bm, bd) = if birth.1 == 2
        && birth.2 == 29
        && chrono::NaiveDate::from_ymd_opt(on.0, 2, 29).is_none()
    {
        (3, 1)
    } else {
        (birth.1, birth.2)
    };
    if (on.1, on.2) < (bm, bd) {
        years -= 1;
    }
    years
}

// ---------- KLE ----------

/// A subject number `NN.NN.NN` with ASCII digits.
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn kle_number(text: &str) -> Option<[u8; 3]> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.len() != 3 {
        return None;
    }
    let mut out = [0u8; 3];
    for (i, p) in parts.iter().enumerate() {
        if p.len() != 2 || !p.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        out[i] = p.parse().ok()?;
    }
    Some(out)
}

/// A facet: one of `A P S Ø G K I` and two digits (Ø in either normalisation form).
fn facet(text: &str) -> Option<String> {
    let composed = text.replace("O\u{338}", "Ø");
    let mut chars = composed.chars();
    let letter = chars.next()?;
    let rest: String = chars.collect();
    if !"APSØGKI".contains(letter) || rest.len() != 2 || !rest.bytes().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some(format!("{letter}{rest}"))
}

/// Pattern match and specificity: `*`, `32`, `32.*`, `32.24`, `32.24.*`, `32.24.04`.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn pattern(p: &str) -> (Vec<u8>, usize) {
    let trimmed = p.strip_suffix(".*").unwrap_or(p);
    if trimmed == "*" {
        return (vec![], 0);
    }
    let fixed: Vec<u8> = trimmed.split('.').map(|x| x.parse().unwrap()).collect();
    let n = fixed.len();
    (fixed, n)
}
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn matches(p: &str, n: [u8; 3]) -> bool {
    let (fixed, _) = pattern(p);
    fixed.iter().enumerate().all(|(i, x)| n[i] == *x)
}
/// A pattern as the engine names it in determining rules: `*`, `32.*`, `32.24.*`, `32.24.04`.
fn canonical(p: &str) -> String {
    let (fixed, n) = pattern(p);
    let parts: Vec<String> = fixed.iter().map(|x| format!("{x:02}")).collect();
    match n {
        0 => "*".to_owned(),
        3 => parts.join("."),
        _ => format!("{}.*", parts.join(".")),
    }
}
fn specificity(p: &str) -> usize {
    pattern(p).1
}

/// The specificity of the most specific pattern of a scope's `kle` list matching the
/// record (0 when the scope has no list); `None` when none matches.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn scope_specificity(scope: Option<&Value>, rec: &Rec) -> Option<usize> {
    match scope.and_then(|x| x.get("kle")).and_then(Value::as_array) {
        None => Some(0),
        Some(ps) => ps
            .iter()
            .map(|p| p.as_str().unwrap())
            .filter(|p| rec.kle.is_some_and(|n| matches(p, n)))
            .map(specificity)
            .max(),
    }
}

/// The one grant a decision names among those covering a record (docs/decisions.md):
/// the most specific matching pattern, then the smallest id.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn named<'v>(covering: &[&'v Value], rec: &Rec) -> Option<&'v str> {
    covering
        .iter()
        .map(|g| {
            let spec = scope_specificity(g.get("scope"), rec).unwrap();
            (std::cmp::Reverse(spec), s(g, "id").unwrap())
        })
        .min()
        .map(|(_, id)| id)
}

fn sensitivity(v: &Value) -> u8 {
    match s(v, "sensitivity").unwrap_or("ikke_fortrolige") {
        "ikke_fortrolige" => 1,
        "fortrolige" => 2,
        "foelsomme" => 3,
        _ => 4,
    }
}
fn level(name: &str) -> u8 {
    match name {
        "ikke_fortrolige" => 1,
        "fortrolige" => 2,
        "foelsomme" => 3,
        _ => 4,
    }
}

fn in_force(v: &Value, on: (i32, u32, u32)) -> bool {
    let from = s(v, "valid_from").and_then(day);
    let to = s(v, "valid_to").and_then(day);
    let revoked = s(v, "revoked_at").and_then(day);
    from.is_some_and(|f| f <= on) && to.is_none_or(|t| on <= t) && revoked.is_none_or(|r| r > on)
}

// ---------- one record ----------

struct Rec<'a> {
    kind: &'static str,
    v: &'a Value,
    kle: Option<[u8; 3]>,
    case_hidden: bool,
    facet_ok: bool,
    facet: Option<String>,
}

/// The lifecycle position (0 `opstaaet` … 3 `afsluttet`) of the case's deciding progress
/// entry on `as_of`, `None` with no entry.
fn case_state(case: &Value, as_of: (i32, u32, u32)) -> Option<usize> {
    // The latest progress entry on or before as_of, by date then lifecycle order.
    let order = |st: &str| {
        ["opstaaet", "oplyst", "afgjort", "afsluttet"]
            .iter()
            .position(|x| *x == st)
            .unwrap_or(0)
    };
    let mut best: Option<((i32, u32, u32), String, usize)> = None;
    for p in list(case, "progress") {
        let (Some(at), Some(st)) = (s(p, "at"), s(p, "state")) else {
            continue;
        };
        let Some(d) = day(at) else { continue };
        if d > as_of {
            continue;
        }
        let key = (d, at.to_owned(), order(st));
        if best
            .as_ref()
            .is_none_or(|b| (b.0, &b.1, b.2) <= (key.0, &key.1, key.2))
        {
            best = Some(key);
        }
    }
    best.map(|b| b.2)
}

fn is_closed(case: &Value, as_of: (i32, u32, u32)) -> bool {
    case_state(case, as_of) == Some(3)
}

/// Decides every record of `request` under `policy`, in input order.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
pub fn decide_all(policy: &Value, request: &Value, claim: &[Value]) -> Vec<RefDecision> {
    let as_of = day(s(request, "as_of").unwrap()).unwrap();
    let subject = cpr(s(&request["subject"], "cpr").unwrap()).unwrap();
    let viewer = cpr(s(&request["viewer"], "cpr").unwrap()).unwrap();
    let role = s(&request["viewer"], "role").unwrap();
    let request = &with_claim_mandates(request, claim, &viewer);

    let mut out = Vec::new();
    let mut shown_cases: Vec<(String, String, Option<[u8; 3]>)> = Vec::new();
    for case in list(request, "cases") {
        let kle = s(case, "kle").and_then(kle_number);
        let (facet_ok, facet) = match s(case, "facet") {
            None => (true, None),
            Some(f) => match facet(f) {
                Some(f) => (true, Some(f)),
                None => (false, None),
            },
        };
        let rec = Rec {
            kind: "case",
            v: case,
            kle,
            case_hidden: false,
            facet_ok,
            facet,
        };
        let d = decide(policy, request, &rec, as_of, &subject, &viewer, role);
        if d.visible {
            shown_cases.push((d.source.clone(), d.id.clone(), kle));
        }
        out.push(d);
    }
    for benefit in list(request, "benefits") {
        let kle = s(benefit, "kle").and_then(kle_number);
        let rec = Rec {
            kind: "benefit",
            v: benefit,
            kle,
            case_hidden: false,
            facet_ok: true,
            facet: None,
        };
        out.push(decide(
            policy, request, &rec, as_of, &subject, &viewer, role,
        ));
    }
    for appointment in list(request, "appointments") {
        let (kle, case_hidden) = own_or_case_number(request, appointment, &shown_cases);
        let rec = Rec {
            kind: "appointment",
            v: appointment,
            kle,
            case_hidden,
            facet_ok: true,
            facet: None,
        };
        out.push(decide(
            policy, request, &rec, as_of, &subject, &viewer, role,
        ));
    }
    for plan in list(request, "plans") {
        // Section 8: `kle` may be omitted when `case_id` is given; the plan then takes its
        // case's number and is shown only if that case is, as appointments do. Only the
        // number is taken: the facet is the plan's own (the contract names no other).
        let (kle, case_hidden) = own_or_case_number(request, plan, &shown_cases);
        let (facet_ok, facet) = match s(plan, "facet") {
            None => (true, None),
            Some(f) => match facet(f) {
                Some(f) => (true, Some(f)),
                None => (false, None),
            },
        };
        let rec = Rec {
            kind: "plan",
            v: plan,
            kle,
            case_hidden,
            facet_ok,
            facet,
        };
        out.push(decide(
            policy, request, &rec, as_of, &subject, &viewer, role,
        ));
    }
    out
}

/// Section 6: the NemLog-in claim's groups (given here as the generator wrote them:
/// `{"cpr", "privileges", "kle", "sensitivity"}` for a group about a citizen, `{"cvr"}`
/// for one about a business, in document order) become fuldmagt mandates held by the
/// viewer, in force on `as_of` only, with id `nemlogin:<position among all groups>`, scope
/// `kle` from the KLE constraints and `max_sensitivity` from the lowest sensitivity
/// constraint (1–4). They are marked `from_claim`: their privileges count only through
/// the policy's table.
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn with_claim_mandates(request: &Value, claim: &[Value], viewer: &str) -> Value {
    let mut request = request.clone();
    let as_of = request["as_of"].clone();
    let levels = ["ikke_fortrolige", "fortrolige", "foelsomme", "vip"];
    let mandates: Vec<Value> = claim
        .iter()
        .enumerate()
        .filter(|(_, g)| g.get("cpr").is_some())
        .map(|(i, g)| {
            let mut scope = serde_json::json!({});
            if let Some(kle) = g
                .get("kle")
                .filter(|k| k.as_array().is_some_and(|a| !a.is_empty()))
            {
                scope["kle"] = kle.clone();
            }
            if let Some(n) = g.get("sensitivity").and_then(Value::as_u64) {
                let name = levels.get(n as usize - 1).copied().unwrap_or("vip");
                scope["max_sensitivity"] = Value::from(name);
            }
            serde_json::json!({
                "id": format!("nemlogin:{}", i + 1), "kind": "fuldmagt",
                "holder": viewer, "subject": g["cpr"],
                "valid_from": as_of, "valid_to": as_of,
                "privileges": g["privileges"], "scope": scope, "from_claim": true,
            })
        })
        .collect();
    if let Some(list) = request.get_mut("mandates").and_then(Value::as_array_mut) {
        list.extend(mandates);
    }
    request
}

/// A mandate's privilege maps to `level` (`read` also accepts `act`, which includes it):
/// a literal `read`/`act` counts in a mandate of the request, never in one from a
/// NemLog-in claim (section 6); a URI counts through the policy's `privileges` table.
fn grants(policy: &Value, mandate: &Value, level: &str) -> bool {
    let literal = !b(mandate, "from_claim");
    list(mandate, "privileges")
        .iter()
        .filter_map(|p| p.as_str())
        .any(|p| {
            let mapped = if literal && (p == "read" || p == "act") {
                Some(p)
            } else {
                policy
                    .get("privileges")
                    .and_then(|t| t.get(p))
                    .and_then(Value::as_str)
            };
            mapped.is_some_and(|m| m == level || (level == "read" && m == "act"))
        })
}

/// The subject number of an appointment or plan: its own `kle`, else the number of its
/// case (same source) when that case is shown. The flag says the record has no number of
/// its own and its case is in the request but hidden (`case.hidden`); a case that is not
/// in the request at all leaves the record without a number (`kle.invalid`).
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn own_or_case_number(
    request: &Value,
    record: &Value,
    shown_cases: &[(String, String, Option<[u8; 3]>)],
) -> (Option<[u8; 3]>, bool) {
    let source = s(record, "source").unwrap();
    match s(record, "kle") {
        Some(k) => (kle_number(k), false),
        None => match s(record, "case_id") {
            None => (None, false),
            Some(cid) => {
                if let Some(shown) = shown_cases.iter().find(|c| c.0 == source && c.1 == cid) {
                    (shown.2, false)
                } else {
                    let exists = list(request, "cases")
                        .iter()
                        .any(|c| s(c, "source") == Some(source) && s(c, "id") == Some(cid));
                    (None, exists)
                }
            }
        },
    }
}

/// Whether a consent (or objection) scope covers the record.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn covers(scope: Option<&Value>, rec: &Rec) -> bool {
    let Some(scope) = scope else { return true };
    let kle_ok = match scope.get("kle").and_then(Value::as_array) {
        None => true,
        Some(ps) => rec
            .kle
            .is_some_and(|n| ps.iter().any(|p| matches(p.as_str().unwrap(), n))),
    };
    let ids_ok = match scope.get("record_ids").and_then(Value::as_array) {
        None => true,
        Some(ids) => ids
            .iter()
            .any(|r| s(r, "source") == s(rec.v, "source") && s(r, "id") == s(rec.v, "id")),
    };
    kle_ok && ids_ok
}

/// W9: an objection naming a benefit's or appointment's case (same source) by
/// `record_ids` covers it too; a KLE scope still applies to the record's own number.
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn covers_its_case(scope: Option<&Value>, rec: &Rec) -> bool {
    let Some(case_id) = s(rec.v, "case_id").filter(|_| rec.kind != "case") else {
        return false;
    };
    let Some(scope) = scope else { return false };
    let mut as_case = rec.v.clone();
    as_case["id"] = Value::from(case_id);
    let rec = Rec {
        kind: rec.kind,
        v: &as_case,
        kle: rec.kle,
        case_hidden: rec.case_hidden,
        facet_ok: rec.facet_ok,
        facet: rec.facet.clone(),
    };
    scope.get("record_ids").is_some() && covers(Some(scope), &rec)
}

#[allow(clippy::too_many_arguments)]
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn decide(
    policy: &Value,
    request: &Value,
    rec: &Rec,
    as_of: (i32, u32, u32),
    subject: &str,
    viewer: &str,
    role: &str,
) -> RefDecision {
    let v = rec.v;
    let mut reasons: Vec<&'static str> = Vec::new();
    let mut rules: BTreeSet<String> = BTreeSet::new();
    let mut deny = |r: &'static str| reasons.push(r);

    // V1, V2
    if b(v, "void") {
        deny("record.void");
    }
    if b(v, "withheld_from_citizen") {
        deny("record.withheld");
    }
    // V3, V4: who the record is about.
    let (any_cpr, subject_roles): (bool, Vec<String>) = match rec.kind {
        // A plan's parties are "as for cases" (section 8).
        "case" | "plan" => {
            let mut any = false;
            let mut roles = Vec::new();
            // A party counts only on the days within its valid_from…valid_to.
            let counts = |p: &Value| {
                s(p, "valid_from").and_then(day).is_none_or(|f| f <= as_of)
                    && s(p, "valid_to").and_then(day).is_none_or(|t| as_of <= t)
            };
            for p in list(v, "parties").into_iter().filter(|p| counts(p)) {
                if let Some(c) = s(p, "cpr").and_then(cpr) {
                    any = true;
                    if c == subject {
                        roles.push(s(p, "role").unwrap().to_owned());
                    }
                }
            }
            (any, roles)
        }
        "benefit" => match s(v, "recipient").and_then(cpr) {
            Some(c) => (
                true,
                if c == subject {
                    vec!["primary".to_owned()]
                } else {
                    vec![]
                },
            ),
            None => (false, vec![]),
        },
        _ => {
            let cprs: Vec<String> = list(v, "participants")
                .iter()
                .filter_map(|p| p.as_str().and_then(cpr))
                .collect();
            (
                !cprs.is_empty(),
                if cprs.iter().any(|c| c == subject) {
                    vec!["primary".to_owned()]
                } else {
                    vec![]
                },
            )
        }
    };
    if !any_cpr {
        deny("subject.no_cpr");
    }
    // V4 is evaluated on its own: with no CPR party the subject is no party either
    // ("every rule that denies" is listed).
    {
        if subject_roles.iter().any(|r| r == "primary") {
            // the subject's own record
        } else {
            let mut permitted = false;
            // Decision (docs/plans-and-actions.md): `secondary_party_access` applies to
            // cases only; the subject must be a plan's `primary` party.
            if let Some(n) = rec.kle.filter(|_| rec.kind == "case") {
                // The most specific matching pattern decides (every entry with it); a
                // broader entry never adds.
                let entries = list(policy, "secondary_party_access");
                let matching: Vec<&Value> = entries
                    .into_iter()
                    .filter(|rule| matches(s(rule, "pattern").unwrap(), n))
                    .collect();
                let best = matching
                    .iter()
                    .map(|rule| specificity(s(rule, "pattern").unwrap()))
                    .max();
                for rule in matching {
                    let p = s(rule, "pattern").unwrap();
                    let roles: Vec<&str> = list(rule, "roles")
                        .iter()
                        .filter_map(|r| r.as_str())
                        .collect();
                    if Some(specificity(p)) == best
                        && subject_roles.iter().any(|r| roles.contains(&r.as_str()))
                    {
                        permitted = true;
                        rules.insert(format!("secondary_party_access:{}", canonical(p)));
                    }
                }
            }
            if !permitted {
                deny("subject.not_party");
            }
        }
    }
    // V5, case.hidden
    if rec.case_hidden {
        deny("case.hidden");
    } else if rec.kle.is_none() || !rec.facet_ok {
        deny("kle.invalid");
    }
    // V6, V7
    // With a valid number and a malformed facet, V6 still applies (the facet counts as
    // absent), so every denying rule is listed.
    if let Some(n) = rec.kle {
        let kle_rules = &policy["kle"];
        let mut best: Option<&Value> = None;
        for rule in list(kle_rules, "include") {
            let p = s(rule, "pattern").unwrap();
            if !matches(p, n) {
                continue;
            }
            if let Some(fs) = rule.get("facets").and_then(Value::as_array) {
                let holds = rec.facet.as_ref().is_some_and(|f| {
                    fs.iter()
                        .any(|x| facet(x.as_str().unwrap()).as_ref() == Some(f))
                });
                if !holds {
                    continue;
                }
            }
            if best.is_none_or(|b| specificity(p) > specificity(s(b, "pattern").unwrap())) {
                best = Some(rule);
            }
        }
        match best {
            None => deny("kle.not_included"),
            Some(rule) => {
                rules.insert(format!(
                    "include:{}",
                    canonical(s(rule, "pattern").unwrap())
                ));
            }
        }
        if list(kle_rules, "exclude")
            .iter()
            .any(|p| matches(p.as_str().unwrap(), n))
        {
            deny("kle.excluded");
        }
        if let Some(from) = best.and_then(|r| s(r, "from")).and_then(day) {
            let before = match rec.kind {
                "case" => {
                    let created = day(s(v, "created").unwrap()).unwrap();
                    created < from
                        && !(b(policy, "show_active_before_from") && !is_closed(v, as_of))
                }
                "benefit" => {
                    let created = day(s(v, "created").unwrap()).unwrap();
                    let any_payment = list(v, "payments")
                        .iter()
                        .any(|p| day(s(p, "disposition_date").unwrap()).unwrap() >= from);
                    !(created >= from || any_payment)
                }
                // Decision (docs/plans-and-actions.md): a plan is dated by `created` and
                // counts as closed once its `period.to` has passed.
                "plan" => {
                    let created = day(s(v, "created").unwrap()).unwrap();
                    created < from
                        && !(b(policy, "show_active_before_from") && !plan_ended(v, as_of))
                }
                _ => day(s(v, "start").unwrap()).unwrap() < from,
            };
            if before {
                deny("date.before_from");
            }
        }
    }
    // V8, V9
    if let Some(sources) = policy.get("sources").and_then(Value::as_array) {
        if !sources.iter().any(|x| x.as_str() == s(v, "source")) {
            deny("source.not_enabled");
        }
    }
    let max = s(policy, "max_sensitivity").map(level).unwrap_or(4);
    if sensitivity(v) > max {
        deny("sensitivity.above_limit");
    }

    // Viewer rules.
    // Decision (README): W9 and W10 apply to every viewer but the subject themself.
    let viewer_is_subject = viewer == subject;
    let birth = birth(subject).unwrap();
    let subject_age = age(birth, as_of);
    // Consents from the subject to the viewer, in force, for viewing, covering the record.
    let consents = list(request, "consents");
    let consent_covering: Vec<&Value> = consents
        .iter()
        .copied()
        .filter(|c| {
            s(c, "kind") == Some("samtykke")
                && s(c, "subject").and_then(cpr).as_deref() == Some(subject)
                && s(c, "recipient").and_then(cpr).as_deref() == Some(viewer)
                && list(c, "purposes")
                    .iter()
                    .any(|p| p.as_str() == Some("view"))
                && in_force(c, as_of)
                && covers(c.get("scope"), rec)
        })
        .collect();
    let consent_named: Vec<String> = named(&consent_covering, rec)
        .map(|id| format!("consent:{id}"))
        .into_iter()
        .collect();
    // Section 9: a consent in force from the subject to the viewer, purpose `act`,
    // covering the record. Decision (docs/plans-and-actions.md): only a `samtykke` counts,
    // and purpose `act` alone does not let a relative see (that is `view`'s, above).
    let act_consent = consents.iter().any(|c| {
        s(c, "kind") == Some("samtykke")
            && s(c, "subject").and_then(cpr).as_deref() == Some(subject)
            && s(c, "recipient").and_then(cpr).as_deref() == Some(viewer)
            && list(c, "purposes")
                .iter()
                .any(|p| p.as_str() == Some("act"))
            && in_force(c, as_of)
            && covers(c.get("scope"), rec)
    });
    // Why the viewer may not act on this record, in the contract's order: the mandate's,
    // then the consent's (`action.self_only` is per action, below).
    let mut act_denied: Vec<&'static str> = Vec::new();
    match role {
        "self" => {
            if viewer == subject {
                rules.insert("self".to_owned());
            } else {
                deny("viewer.not_subject");
            }
        }
        "proxy" | "guardian" | "parent" => {
            let kind = match role {
                "proxy" => "fuldmagt",
                "guardian" => "vaergemaal",
                _ => "foraeldremyndighed",
            };
            let step0: Vec<&Value> = list(request, "mandates")
                .into_iter()
                .filter(|m| {
                    s(m, "kind") == Some(kind)
                        && s(m, "holder").and_then(cpr).as_deref() == Some(viewer)
                        && s(m, "subject").and_then(cpr).as_deref() == Some(subject)
                })
                .collect();
            let step1: Vec<&Value> = step0
                .iter()
                .copied()
                .filter(|m| {
                    kind != "fuldmagt"
                        || age(birth, day(s(m, "valid_from").unwrap()).unwrap()) >= 15
                })
                .collect();
            let step2: Vec<&Value> = step1
                .iter()
                .copied()
                .filter(|m| in_force(m, as_of))
                // The subject's death ends every fuldmagt from that day.
                .filter(|_| {
                    kind != "fuldmagt"
                        || s(&request["subject"], "deceased_on")
                            .and_then(day)
                            .is_none_or(|d| as_of < d)
                })
                .collect();
            let step3: Vec<&Value> = step2
                .iter()
                .copied()
                .filter(|m| grants(policy, m, "read"))
                .collect();
            // W3: the mandate's scope covers the record (kle, sensitivity, record kind).
            let in_scope = |m: &Value| {
                let scope = m.get("scope");
                let kle_ok = match scope.and_then(|x| x.get("kle")).and_then(Value::as_array) {
                    None => true,
                    Some(ps) => rec
                        .kle
                        .is_some_and(|n| ps.iter().any(|p| matches(p.as_str().unwrap(), n))),
                };
                let sens_ok = scope
                    .and_then(|x| s(x, "max_sensitivity"))
                    .is_none_or(|l| sensitivity(v) <= level(l));
                let kind_name = match rec.kind {
                    "case" => "cases",
                    "benefit" => "benefits",
                    "plan" => "plans",
                    _ => "appointments",
                };
                let rec_ok = match scope
                    .and_then(|x| x.get("records"))
                    .and_then(Value::as_array)
                {
                    None => true,
                    Some(ks) => ks.iter().any(|k| k.as_str() == Some(kind_name)),
                };
                kle_ok && sens_ok && rec_ok
            };
            let step4: Vec<&Value> = step3.iter().copied().filter(|m| in_scope(m)).collect();
            // Section 9: acting needs a mandate in force that maps to `act` and covers the
            // record. Decision (docs/plans-and-actions.md): a privilege maps to `act` when
            // it is `act` or a URI the policy's table maps to `act`.
            let may_act = step2
                .iter()
                .any(|m| grants(policy, m, "act") && in_scope(m));
            if !may_act {
                act_denied.push("action.no_act_privilege");
            }
            if step0.is_empty() {
                deny("mandate.missing");
            } else if step1.is_empty() {
                deny("mandate.grantor_under_15");
            } else if step2.is_empty() {
                deny("mandate.not_in_force");
            } else if step3.is_empty() {
                deny("mandate.no_read");
            } else if step4.is_empty() {
                deny("mandate.out_of_scope");
            } else {
                if let Some(id) = named(&step4, rec) {
                    rules.insert(format!("mandate:{id}"));
                }
            }
            if role == "parent" {
                if subject_age >= 18 {
                    deny("custody.subject_adult");
                }
                let consent_age = policy
                    .get("child_consent_age")
                    .and_then(Value::as_i64)
                    .unwrap_or(15) as i32;
                if subject_age >= consent_age {
                    if consent_covering.is_empty() {
                        deny("custody.child_consent_required");
                    } else {
                        rules.extend(consent_named.iter().cloned());
                    }
                    // Section 9: a parent of a child at or above `child_consent_age` also
                    // needs the child's consent with purpose `act` covering the record.
                    if !act_consent {
                        act_denied.push("action.consent_missing");
                    }
                }
                if rec.kle.is_some_and(|n| {
                    list(policy, "parent_restricted")
                        .iter()
                        .any(|p| matches(p.as_str().unwrap(), n))
                }) {
                    deny("custody.restricted");
                }
            }
        }
        _ => {
            // relative
            if consent_covering.is_empty() {
                deny("consent.missing");
            } else {
                rules.extend(consent_named.iter().cloned());
            }
            // Section 9: a relative always needs a consent with purpose `act`.
            if !act_consent {
                act_denied.push("action.consent_missing");
            }
        }
    }
    // W9: objections apply to every viewer but the subject themself.
    if !viewer_is_subject
        && consents.iter().any(|c| {
            s(c, "kind") == Some("frabedelse")
                && s(c, "subject").and_then(cpr).as_deref() == Some(subject)
                && s(c, "recipient").and_then(cpr).as_deref() == Some(viewer)
                && in_force(c, as_of)
                && (covers(c.get("scope"), rec) || covers_its_case(c.get("scope"), rec))
        })
    {
        deny("consent.objection");
    }
    // W10: shown to the subject alone.
    if b(v, "withheld_from_representatives") && !viewer_is_subject {
        deny("representative.withheld");
    }

    // Section 7 and docs/plans-and-actions.md: a plan the rules would show is hidden
    // when its own values are malformed.
    if reasons.is_empty() && rec.kind == "plan" {
        if let Some(error) = plan_value_error(v) {
            reasons.push(error);
        }
    }

    let visible = reasons.is_empty();
    // Section 9: no action on a hidden record; benefits have none.
    let actions = match (visible, rec.kle) {
        (true, Some(number)) => actions(policy, rec, number, as_of, role, &act_denied),
        _ => Vec::new(),
    };
    RefDecision {
        kind: rec.kind,
        source: s(v, "source").unwrap().to_owned(),
        id: s(v, "id").unwrap().to_owned(),
        visible,
        reasons,
        rules,
        actions,
    }
}

/// Whether a plan has ended on `as_of`: its `period.to` has passed.
fn plan_ended(plan: &Value, as_of: (i32, u32, u32)) -> bool {
    s(&plan["period"], "to")
        .and_then(day)
        .is_some_and(|to| to < as_of)
}

/// A plan's own malformed value (docs/plans-and-actions.md): an assessment with
/// `scale_max` 0 or a `score` above it is `error.score_invalid`; a `period` or an activity
/// that ends before it starts is `error.invalid_period`. (The generator gives a plan at
/// most one kind of fault, so which of two is named is not asked here.)
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn plan_value_error(plan: &Value) -> Option<&'static str> {
    let bad_score = list(plan, "goals").iter().any(|g| {
        list(g, "assessments").iter().any(|a| {
            let score = a["score"].as_u64().unwrap();
            let max = a["scale_max"].as_u64().unwrap();
            max == 0 || score > max
        })
    });
    let backwards = |v: &Value| {
        let from = day(s(v, "from").unwrap()).unwrap();
        s(v, "to").and_then(day).is_some_and(|to| to < from)
    };
    let bad_period =
        backwards(&plan["period"]) || list(plan, "activities").into_iter().any(backwards);
    if bad_score {
        Some("error.score_invalid")
    } else if bad_period {
        Some("error.invalid_period")
    } else {
        None
    }
}

/// The actions of a record's kind, in the contract's order (section 9).
fn actions_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "case" => &["case.send_document", "case.answer_request"],
        "appointment" => &["appointment.cancel", "appointment.rebook"],
        "plan" => &["plan.assess_goal", "plan.approve"],
        _ => &[],
    }
}

/// The policy's `actions` entry that decides for a record: the most specific pattern
/// matching its number, the first listed among equally specific ones. Decision
/// (docs/plans-and-actions.md): an entry whose `sources` does not hold the record's
/// source does not match it.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn action_entry<'p>(policy: &'p Value, rec: &Rec, number: [u8; 3]) -> Option<&'p Value> {
    let mut best: Option<&Value> = None;
    for entry in list(policy, "actions") {
        let p = s(entry, "pattern").unwrap();
        let source_ok = entry
            .get("sources")
            .and_then(Value::as_array)
            .is_none_or(|ss| ss.iter().any(|x| x.as_str() == s(rec.v, "source")));
        if !matches(p, number) || !source_ok {
            continue;
        }
        if best.is_none_or(|b| specificity(p) > specificity(s(b, "pattern").unwrap())) {
            best = Some(entry);
        }
    }
    best
}

/// Every action of the record's kind with the reasons it is refused, in the order
/// `action.not_enabled`, the viewer's (`action.no_act_privilege`,
/// `action.consent_missing`, `action.self_only`), the record's state
/// (`action.not_applicable` / `action.too_late`).
fn actions(
    policy: &Value,
    rec: &Rec,
    number: [u8; 3],
    as_of: (i32, u32, u32),
    role: &str,
    act_denied: &[&'static str],
) -> Vec<(&'static str, Vec<&'static str>)> {
    let entry = action_entry(policy, rec, number);
    let min_days = entry
        .and_then(|e| e.get("min_days_before"))
        .and_then(Value::as_i64)
        .unwrap_or(1);
    actions_of(rec.kind)
        .iter()
        .map(|&action| {
            let mut why: Vec<&'static str> = Vec::new();
            let enabled =
                entry.is_some_and(|e| list(e, "allow").iter().any(|a| a.as_str() == Some(action)));
            if !enabled {
                why.push("action.not_enabled");
            }
            // `self` may take every enabled action (a visible record in role `self` means
            // the viewer is the subject).
            why.extend(act_denied.iter().copied());
            if action == "plan.assess_goal" && role != "self" {
                why.push("action.self_only");
            }
            why.extend(state_reason(action, rec.v, as_of, min_days));
            (action, why)
        })
        .collect()
}

/// Why the record's state refuses an action, from the table of section 9.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn state_reason(
    action: &str,
    v: &Value,
    as_of: (i32, u32, u32),
    min_days: i64,
) -> Option<&'static str> {
    let applies = match action {
        "case.send_document" => !is_closed(v, as_of),
        "case.answer_request" => awaiting_you(v, as_of),
        "appointment.cancel" | "appointment.rebook" => {
            // Decision (docs/plans-and-actions.md): a cancelled appointment is only
            // `not_applicable`; the start date is read at the start's own offset.
            if b(v, "cancelled") {
                false
            } else {
                let start = day(s(v, "start").unwrap()).unwrap();
                if days_between(as_of, start) < min_days {
                    return Some("action.too_late");
                }
                true
            }
        }
        "plan.assess_goal" => plan_active(v, as_of) && has_active_goal(v, as_of),
        _ => awaiting_approval(v, as_of),
    };
    (!applies).then_some("action.not_applicable")
}

/// Days from `a` to `b` (negative when `b` is earlier).
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn days_between(a: (i32, u32, u32), b: (i32, u32, u32)) -> i64 {
    let date = |d: (i32, u32, u32)| chrono::NaiveDate::from_ymd_opt(d.0, d.1, d.2).unwrap();
    (date(b) - date(a)).num_days()
}

/// Section 4: the latest progress entry on or before `as_of` decides the status; a
/// `received` (`opstaaet`, or no entry) or `in_progress` (`oplyst`) case with a request
/// made on or before `as_of` and not fulfilled by then is `awaiting_you`.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn awaiting_you(case: &Value, as_of: (i32, u32, u32)) -> bool {
    let open_request = list(case, "requests").iter().any(|r| {
        day(s(r, "requested").unwrap()).unwrap() <= as_of
            && s(r, "fulfilled").and_then(day).is_none_or(|f| f > as_of)
    });
    open_request && matches!(case_state(case, as_of), None | Some(0) | Some(1))
}

/// Section 8: a plan is `active` from `period.from` to `period.to`.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn plan_active(plan: &Value, as_of: (i32, u32, u32)) -> bool {
    day(s(&plan["period"], "from").unwrap()).unwrap() <= as_of && !plan_ended(plan, as_of)
}

/// A goal that is active on `as_of`. Decision (docs/plans-and-actions.md): a goal whose
/// `status_at` is after `as_of` is still `active`. The contract does not limit goals by
/// their `set` day, so neither does this.
fn has_active_goal(plan: &Value, as_of: (i32, u32, u32)) -> bool {
    list(plan, "goals").iter().any(|g| {
        s(g, "status") == Some("active")
            || s(g, "status_at").and_then(day).is_some_and(|at| at > as_of)
    })
}

/// Section 8: approval is required and not given by `as_of`.
fn awaiting_approval(plan: &Value, as_of: (i32, u32, u32)) -> bool {
    b(plan, "requires_approval")
        && s(plan, "approved_on")
            .and_then(day)
            .is_none_or(|d| d > as_of)
}
