//! The properties of DOMAIN.md section 3, over generated policies and requests: default
//! deny; deny overrides; order and duplication independence; adding an exclude, a
//! revocation, an objection or a narrower scope never reveals more; a representative never
//! sees what the subject would not; a hidden record changes no byte of the overview nor of
//! the notifications. And for status: progress after `as_of` changes nothing. For plans
//! and actions (sections 8 and 9): no action on a hidden record; a read-only mandate
//! never yields an action; more restrictions never add an action; the order of goals and
//! activities changes nothing.

use egensag::kle::{KleNumber, KlePattern};
use egensag::Engine;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

const SUBJECT: &str = "0101101234"; // 16 on the as_of day
const VIEWER: &str = "0202804321";
const STRANGER: &str = "0303754321";
const PATTERNS: [&str; 8] = [
    "*", "32.*", "32.30.*", "32.30.04", "32.24.*", "15.*", "27.24.04", "27.*",
];
const NUMBERS: [&str; 8] = [
    "32.30.04", "32.30.05", "32.24.04", "15.17.06", "27.24.04", "27.42.12", "32.3.04", "x",
];
const PURPOSES: [&[&str]; 3] = [&["view"], &["view", "act"], &["act"]];
const SOURCES: [&str; 3] = ["KSD", "KY", "DOMUS"];
const LEVELS: [&str; 4] = ["ikke_fortrolige", "fortrolige", "foelsomme", "vip"];
const DATES: [&str; 6] = [
    "2006-05-01",
    "2007-12-01",
    "2015-03-01",
    "2026-01-15",
    "2026-11-23",
    "2027-02-01",
];

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(items)
}

fn pattern() -> impl Strategy<Value = &'static str> {
    pick(&PATTERNS)
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn policy() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec((pattern(), prop::option::of(pick(&DATES[..3])), any::<bool>()), 0..4),
        prop::collection::vec(pattern(), 0..2),
        any::<bool>(),
        prop::option::of(prop::collection::vec(pick(&SOURCES), 1..3)),
        pick(&LEVELS),
        prop::collection::vec(pattern(), 0..2),
        14u32..18,
        prop::collection::vec((pattern(), 0u32..4), 0..3),
    )
        .prop_map(|(include, exclude, active, sources, max, restricted, age, actions)| {
            let actions: Vec<Value> = actions
                .into_iter()
                .map(|(p, days)| json!({"pattern": p, "min_days_before": days, "allow": ["case.send_document",
                    "case.answer_request", "appointment.cancel", "appointment.rebook", "plan.assess_goal", "plan.approve"]}))
                .collect();
            let include: Vec<Value> = include
                .into_iter()
                .map(|(p, from, facets)| {
                    let mut rule = json!({"pattern": p});
                    if let Some(from) = from {
                        rule["from"] = json!(from);
                    }
                    if facets {
                        rule["facets"] = json!(["G01"]);
                    }
                    rule
                })
                .collect();
            json!({"id": "prop", "kle": {"include": include, "exclude": exclude}, "show_active_before_from": active,
                   "sources": sources, "max_sensitivity": max, "parent_restricted": restricted, "child_consent_age": age,
                   "secondary_party_access": [{"pattern": "32.*", "roles": ["owner"]}],
                   "processing_days": [{"pattern": "32.30.*", "days": 28}],
                   "privileges": {"urn:x:read": "read", "urn:x:act": "act"}, "actions": actions})
        })
}

/// Flags shared by every record: (void, withheld, withheld from representatives, level).
fn flags() -> impl Strategy<Value = (bool, bool, bool, &'static str)> {
    (
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.15),
        pick(&LEVELS),
    )
}

fn apply_flags(record: &mut Value, (void, withheld, from_reps, level): (bool, bool, bool, &str)) {
    record["void"] = json!(void);
    record["withheld_from_citizen"] = json!(withheld);
    record["withheld_from_representatives"] = json!(from_reps);
    record["sensitivity"] = json!(level);
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn case(i: usize) -> impl Strategy<Value = Value> {
    (
        pick(&NUMBERS),
        prop::option::of(pick(&["G01", "A53", "Q99"][..])),
        pick(&["primary", "owner", "stranger"][..]),
        pick(&DATES),
        prop::collection::vec((pick(&["opstaaet", "oplyst", "afgjort", "afsluttet"][..]), pick(&DATES)), 0..4),
        flags(),
        pick(&SOURCES),
    )
        .prop_map(move |(kle, facet, party, created, progress, flags, source)| {
            let parties = match party {
                "primary" => json!([{"cpr": SUBJECT, "role": "primary"}]),
                "owner" => json!([{"cpr": STRANGER, "role": "primary"}, {"cpr": SUBJECT, "role": "owner"}]),
                _ => json!([{"cpr": STRANGER, "role": "primary"}]),
            };
            let progress: Vec<Value> = progress.into_iter().map(|(s, at)| json!({"state": s, "at": at})).collect();
            let mut c = json!({"id": format!("S-{i}"), "source": source, "title": format!("Sagstitel {i}"), "kle": kle,
                               "parties": parties, "created": created, "progress": progress, "outcome": "bevilget",
                               "requests": [{"what": "Lønsedler", "requested": "2026-11-01", "deadline": "2026-12-01"}],
                               "documents": [{"title": "Brev", "date": "2026-11-01", "direction": "outgoing"}]});
            if let Some(f) = facet {
                c["facet"] = json!(f);
            }
            apply_flags(&mut c, flags);
            c
        })
}

fn benefit(i: usize) -> impl Strategy<Value = Value> {
    (pick(&NUMBERS), any::<bool>(), pick(&DATES), flags(), pick(&SOURCES), 0i64..1_000_000)
        .prop_map(move |(kle, mine, created, flags, source, debt)| {
            let recipient = if mine { SUBJECT } else { STRANGER };
            let mut b = json!({"id": format!("B-{i}"), "source": source, "kle": kle, "name": format!("Ydelse {i}"),
                "recipient": recipient, "created": created, "debt_ore": debt,
                "grant": {"from": created, "amount_ore": 100_000,
                          "plan": {"frequency": "monthly", "payment_day": "last_banking_day"}},
                "payments": [
                    {"id": "P-1", "period_from": "2007-11-01", "period_to": "2007-11-30", "disposition_date": "2007-11-29",
                     "gross_ore": 100_000, "net_ore": 70_000, "status": "paid"},
                    {"id": "P-2", "period_from": "2026-10-01", "period_to": "2026-10-31", "disposition_date": "2026-10-30",
                     "gross_ore": 100_000, "net_ore": 70_000, "status": "paid"}]});
            apply_flags(&mut b, flags);
            b
        })
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn appointment(i: usize) -> impl Strategy<Value = Value> {
    (prop::option::of(pick(&NUMBERS)), 0usize..3, any::<bool>(), flags(), any::<bool>()).prop_map(
        move |(kle, case, mine, flags, cancelled)| {
            let participant = if mine { SUBJECT } else { STRANGER };
            let mut a = json!({"id": format!("A-{i}"), "source": "KSD", "case_id": format!("S-{case}"),
                "participants": [participant], "start": "2026-11-25T10:00:00+01:00", "end": "2026-11-25T11:00:00+01:00",
                "kind": "meeting", "with_role": "sagsbehandler", "cancelled": cancelled});
            if let Some(k) = kle {
                a["kle"] = json!(k);
            }
            apply_flags(&mut a, flags);
            a
        },
    )
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn plan(i: usize) -> impl Strategy<Value = Value> {
    (
        prop::option::of(pick(&NUMBERS)),
        0usize..3,
        any::<bool>(),
        flags(),
        pick(&DATES),
        prop::option::of(pick(&DATES[3..])),
        pick(&["active", "achieved", "cancelled"][..]),
        any::<bool>(),
        prop::option::of(pick(&DATES[3..])),
    )
        .prop_map(move |(kle, case, mine, flags, from, to, goal, approval, follow_up)| {
            let party = if mine { SUBJECT } else { STRANGER };
            let mut p = json!({"id": format!("PL-{i}"), "source": "KSD", "case_id": format!("S-{case}"),
                "title": format!("Plan {i}"), "kind": "handleplan", "created": "2006-01-01",
                "parties": [{"cpr": party, "role": "primary"}],
                "period": {"from": from}, "requires_approval": approval,
                "goals": [
                    {"id": "G1", "text": "Mål", "set": "2026-01-01", "status": goal, "status_at": "2026-06-01",
                     "assessments": [{"at": "2026-02-01", "by": "citizen", "score": 1, "scale_max": 4},
                                     {"at": "2026-03-01", "by": "caseworker", "score": 3, "scale_max": 4}]},
                    {"id": "G2", "text": "Andet mål", "set": "2026-01-01", "status": "active"}],
                "activities": [
                    {"id": "AK1", "text": "Kursus", "from": "2026-11-01", "to": "2026-12-01", "status": "ongoing"},
                    {"id": "AK2", "text": "Praktik", "from": "2026-10-01", "status": "planned"}]});
            if let Some(k) = kle {
                p["kle"] = json!(k);
            }
            if let Some(to) = to {
                p["period"]["to"] = json!(to);
            }
            if let Some(f) = follow_up {
                p["next_follow_up"] = json!(f);
            }
            apply_flags(&mut p, flags);
            p
        })
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn request() -> impl Strategy<Value = Value> {
    let plans = (0usize..3).prop_flat_map(|n| (0..n).map(plan).collect::<Vec<_>>());
    let cases = (0usize..5).prop_flat_map(|n| (0..n).map(case).collect::<Vec<_>>());
    let benefits = (0usize..3).prop_flat_map(|n| (0..n).map(benefit).collect::<Vec<_>>());
    let appointments = (0usize..3).prop_flat_map(|n| (0..n).map(appointment).collect::<Vec<_>>());
    let mandates = prop::collection::vec(
        (
            pick(&["fuldmagt", "vaergemaal", "foraeldremyndighed"][..]),
            pick(&DATES),
            prop::option::of(pick(&DATES)),
            prop::option::of(pattern()),
            pick(&["read", "act", "urn:x:read", "urn:x:act", "urn:x:none"][..]),
        ),
        0..3,
    );
    let consents = prop::collection::vec(
        (
            pick(&["samtykke", "frabedelse"][..]),
            pick(&DATES),
            prop::option::of(pattern()),
            prop::option::of(pick(&DATES)),
            pick(&PURPOSES),
        ),
        0..3,
    );
    (pick(&["self", "proxy", "guardian", "parent", "relative"][..]), mandates, consents, cases, benefits, appointments, plans).prop_map(
        |(role, mandates, consents, cases, benefits, appointments, plans)| {
            let viewer = if role == "self" { SUBJECT } else { VIEWER };
            let mandates: Vec<Value> = mandates
                .into_iter()
                .enumerate()
                .map(|(i, (kind, from, revoked, scope, privilege))| {
                    let mut m = json!({"id": format!("m{i}"), "kind": kind, "holder": VIEWER, "subject": SUBJECT,
                                       "valid_from": from, "privileges": [privilege]});
                    if let Some(r) = revoked {
                        m["revoked_at"] = json!(r);
                    }
                    if let Some(p) = scope {
                        m["scope"] = json!({"kle": [p]});
                    }
                    m
                })
                .collect();
            let consents: Vec<Value> = consents
                .into_iter()
                .enumerate()
                .map(|(i, (kind, from, scope, revoked, purposes))| {
                    let mut c = json!({"id": format!("c{i}"), "kind": kind, "subject": SUBJECT, "recipient": VIEWER,
                                       "purposes": purposes, "valid_from": from});
                    if let Some(p) = scope {
                        c["scope"] = json!({"kle": [p]});
                    }
                    if let Some(r) = revoked {
                        c["revoked_at"] = json!(r);
                    }
                    c
                })
                .collect();
            json!({"as_of": "2026-11-23", "subject": {"cpr": SUBJECT}, "viewer": {"cpr": viewer, "role": role},
                   "mandates": mandates, "consents": consents, "cases": cases, "benefits": benefits,
                   "appointments": appointments, "plans": plans})
        },
    )
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn engine(policy: &Value) -> Engine {
    Engine::from_policy_json(&policy.to_string()).unwrap()
}

/// (kind, source, id) → (visible, reasons), order-free.
#[expect(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn decisions(engine: &Engine, request: &Value) -> BTreeSet<(String, String, String, bool, String)> {
    let e: Value =
        serde_json::from_str(&engine.explain_json(&request.to_string()).unwrap()).unwrap();
    e["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["kind"].as_str().unwrap().to_owned(),
                x["source"].as_str().unwrap().to_owned(),
                x["id"].as_str().unwrap().to_owned(),
                x["visible"].as_bool().unwrap(),
                x["reasons"].to_string(),
            )
        })
        .collect()
}

fn visible(engine: &Engine, request: &Value) -> BTreeSet<(String, String, String)> {
    decisions(engine, request)
        .into_iter()
        .filter(|d| d.3)
        .map(|d| (d.0, d.1, d.2))
        .collect()
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn overview(engine: &Engine, request: &Value) -> String {
    engine.overview_json(&request.to_string()).unwrap()
}

/// (kind, source, id, action) of every action the explanation allows, and the same as
/// listed on the overview's records: the two must agree.
#[expect(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn allowed(engine: &Engine, request: &Value) -> BTreeSet<(String, String, String, String)> {
    let e: Value =
        serde_json::from_str(&engine.explain_json(&request.to_string()).unwrap()).unwrap();
    let mut set = BTreeSet::new();
    for x in e["entries"].as_array().unwrap() {
        for check in x["actions"].as_array().unwrap() {
            assert!(
                x["visible"].as_bool().unwrap(),
                "an action on a hidden record: {x}"
            );
            if check["allowed"].as_bool().unwrap() {
                set.insert((
                    x["kind"].as_str().unwrap().to_owned(),
                    x["source"].as_str().unwrap().to_owned(),
                    x["id"].as_str().unwrap().to_owned(),
                    check["action"].as_str().unwrap().to_owned(),
                ));
            }
        }
    }
    set
}

/// (kind, source, id, action) of every action the overview lists.
#[expect(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn listed(engine: &Engine, request: &Value) -> BTreeSet<(String, String, String, String)> {
    let o: Value = serde_json::from_str(&overview(engine, request)).unwrap();
    let mut set = BTreeSet::new();
    for (key, kind) in [
        ("cases", "case"),
        ("benefits", "benefit"),
        ("appointments", "appointment"),
        ("plans", "plan"),
    ] {
        for r in o[key].as_array().unwrap() {
            for a in r["actions"].as_array().unwrap() {
                set.insert((
                    kind.to_owned(),
                    r["source"].as_str().unwrap().to_owned(),
                    r["id"].as_str().unwrap().to_owned(),
                    a.as_str().unwrap().to_owned(),
                ));
            }
        }
    }
    set
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn reversed(mut request: Value, keys: &[&str]) -> Value {
    for key in keys {
        if let Some(list) = request[*key].as_array_mut() {
            list.reverse();
        }
    }
    request
}

/// Whether every KLE number `inner` matches is also matched by `outer` (for the
/// generator's patterns: `*`, `NN.*`, `NN.NN.*` and whole numbers).
fn covers(outer: &str, inner: &str) -> bool {
    match outer.strip_suffix('*') {
        Some(prefix) => inner.starts_with(prefix),
        None => outer == inner,
    }
}

/// Narrows a mandate's or consent's KLE scope to `pattern` when that is narrower: a grant
/// without a KLE scope covers every number, one with a scope only its own patterns.
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn narrow_kle(grant: &mut Value, pattern: &str) {
    let inside = match grant["scope"]["kle"].as_array() {
        None => true,
        Some(list) => {
            !list.is_empty()
                && list
                    .iter()
                    .all(|p| p.as_str().is_some_and(|p| covers(p, pattern)))
        }
    };
    if inside {
        grant["scope"]["kle"] = json!([pattern]);
    }
}

#[expect(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn doubled(mut request: Value, keys: &[&str]) -> Value {
    for key in keys {
        let list = request[*key].as_array().unwrap().clone();
        request[*key].as_array_mut().unwrap().extend(list);
    }
    request
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn default_deny(policy in policy(), request in request()) {
        let mut empty = policy.clone();
        empty["kle"]["include"] = json!([]);
        prop_assert!(visible(&engine(&empty), &request).is_empty());
        // A relative without a consent sees nothing.
        let mut r = request;
        r["viewer"] = json!({"cpr": VIEWER, "role": "relative"});
        r["consents"] = json!([]);
        prop_assert!(visible(&engine(&policy), &r).is_empty());
    }

    #[test]
    fn deny_overrides(policy in policy(), request in request()) {
        let e = engine(&policy);
        for d in decisions(&e, &request) {
            prop_assert_eq!(d.3, d.4 == "[]", "visible exactly when no rule denies: {:?}", d);
        }
        // Any one deny (void) hides a record whatever permits it.
        let mut r = request.clone();
        for key in ["cases", "benefits", "appointments", "plans"] {
            for record in r[key].as_array_mut().unwrap() {
                record["void"] = json!(true);
            }
        }
        prop_assert!(visible(&e, &r).is_empty());
    }

    #[test]
    fn order_and_duplication_change_nothing(policy in policy(), request in request()) {
        let e = engine(&policy);
        let before = overview(&e, &request);
        let shuffled = reversed(request.clone(), &["cases", "benefits", "appointments", "plans", "mandates", "consents"]);
        prop_assert_eq!(&overview(&e, &shuffled), &before);
        prop_assert_eq!(decisions(&e, &shuffled), decisions(&e, &request));
        let duplicated = doubled(request.clone(), &["mandates", "consents"]);
        prop_assert_eq!(&overview(&e, &duplicated), &before);
        prop_assert_eq!(decisions(&e, &duplicated), decisions(&e, &request));
        let mut twice = policy.clone();
        let include = twice["kle"]["include"].as_array().unwrap().clone();
        twice["kle"]["include"].as_array_mut().unwrap().extend(include);
        let exclude = twice["kle"]["exclude"].as_array().unwrap().clone();
        twice["kle"]["exclude"].as_array_mut().unwrap().extend(exclude);
        prop_assert_eq!(&overview(&engine(&twice), &request), &before);
    }

    #[test]
    fn more_restrictions_never_reveal_more(policy in policy(), request in request(), extra in pattern()) {
        let e = engine(&policy);
        let before = visible(&e, &request);
        // An extra exclude.
        let mut p = policy.clone();
        p["kle"]["exclude"].as_array_mut().unwrap().push(json!(extra));
        prop_assert!(visible(&engine(&p), &request).is_subset(&before));
        // Revoking every mandate and consent on the day.
        let mut r = request.clone();
        for key in ["mandates", "consents"] {
            for item in r[key].as_array_mut().unwrap() {
                item["revoked_at"] = json!("2026-11-23");
            }
        }
        prop_assert!(visible(&e, &r).is_subset(&before));
        // An objection.
        let mut r = request.clone();
        r["consents"].as_array_mut().unwrap().push(json!({"id": "objection", "kind": "frabedelse", "subject": SUBJECT,
            "recipient": VIEWER, "scope": {"kle": [extra]}, "valid_from": "2020-01-01"}));
        prop_assert!(visible(&e, &r).is_subset(&before));
        // A narrower mandate scope.
        let mut r = request.clone();
        for m in r["mandates"].as_array_mut().unwrap() {
            m["scope"]["max_sensitivity"] = json!("fortrolige");
        }
        prop_assert!(visible(&e, &r).is_subset(&before));
    }

    #[test]
    fn the_most_specific_secondary_rule_decides(policy in policy(), request in request(), narrow in pattern()) {
        // A narrower rule that does not name `owner` withholds what a broader one names:
        // the broader one never adds (V4).
        prop_assume!(narrow != "*");
        let mut p = policy.clone();
        p["secondary_party_access"] = json!([{"pattern": "*", "roles": ["owner"]},
                                             {"pattern": narrow, "roles": ["secondary"]}]);
        let shown = visible(&engine(&p), &request);
        let narrow = KlePattern::parse(narrow).unwrap();
        for case in request["cases"].as_array().unwrap() {
            let owner_only = case["parties"][0]["cpr"] == json!(STRANGER) && case["parties"].as_array().unwrap().len() == 2;
            let under_narrow = KleNumber::parse(case["kle"].as_str().unwrap()).is_ok_and(|n| narrow.matches(n));
            let key = ("case".to_owned(), case["source"].as_str().unwrap().to_owned(), case["id"].as_str().unwrap().to_owned());
            prop_assert!(!(owner_only && under_narrow && shown.contains(&key)), "{:?} shown under {:?}", key, narrow);
        }
        // And the same rules in the other order decide the same.
        let mut q = p.clone();
        q["secondary_party_access"].as_array_mut().unwrap().reverse();
        prop_assert_eq!(visible(&engine(&q), &request), shown);
    }

    #[test]
    fn an_objection_naming_a_case_covers_its_records(policy in policy(), request in request()) {
        // W9: an objection naming a case by `record_ids` hides the case and every benefit
        // and appointment of that case, whatever else permits them.
        prop_assume!(request["viewer"]["role"] != json!("self"));
        let Some(source) = request["cases"][0]["source"].as_str().map(str::to_owned) else {
            return Ok(());
        };
        let mut r = request.clone();
        for benefit in r["benefits"].as_array_mut().unwrap() {
            benefit["case_id"] = json!("S-0");
            benefit["source"] = json!(source);
        }
        for appointment in r["appointments"].as_array_mut().unwrap() {
            appointment["source"] = json!(source);
        }
        let e = engine(&policy);
        let before = visible(&e, &r);
        r["consents"].as_array_mut().unwrap().push(json!({"id": "objection", "kind": "frabedelse", "subject": SUBJECT,
            "recipient": VIEWER, "scope": {"record_ids": [{"source": source, "id": "S-0"}]}, "valid_from": "2020-01-01"}));
        let after = visible(&e, &r);
        prop_assert!(after.is_subset(&before));
        let of_case: Vec<(String, String, String)> = r["benefits"].as_array().unwrap().iter().map(|b| ("benefit", b))
            .chain(r["appointments"].as_array().unwrap().iter().map(|a| ("appointment", a)))
            .filter(|(_, x)| x["case_id"] == json!("S-0"))
            .map(|(kind, x)| (kind.to_owned(), source.clone(), x["id"].as_str().unwrap().to_owned()))
            .chain([("case".to_owned(), source.clone(), "S-0".to_owned())])
            .collect();
        for key in of_case {
            prop_assert!(!after.contains(&key), "{:?} shown despite the objection", key);
        }
    }

    #[test]
    fn representatives_never_see_more_than_the_subject(policy in policy(), request in request()) {
        let e = engine(&policy);
        let mut own = request.clone();
        own["viewer"] = json!({"cpr": SUBJECT, "role": "self"});
        prop_assert!(visible(&e, &request).is_subset(&visible(&e, &own)));
    }

    #[test]
    fn hidden_records_change_no_byte(policy in policy(), request in request(), previous in request()) {
        let e = engine(&policy);
        let explanation: Value = serde_json::from_str(&e.explain_json(&request.to_string()).unwrap()).unwrap();
        let hidden: BTreeSet<(String, String)> = explanation["entries"].as_array().unwrap().iter()
            .filter(|x| !x["visible"].as_bool().unwrap())
            .map(|x| (x["kind"].as_str().unwrap().to_owned(), x["id"].as_str().unwrap().to_owned()))
            .collect();
        let mut without = request.clone();
        for (key, kind) in [("cases", "case"), ("benefits", "benefit"), ("appointments", "appointment"), ("plans", "plan")] {
            without[key].as_array_mut().unwrap().retain(|r| !hidden.contains(&(kind.to_owned(), r["id"].as_str().unwrap().to_owned())));
        }
        // Appointments that take their case's number need the case: drop those whose case left.
        let with_bytes = overview(&e, &request);
        prop_assert_eq!(&overview(&e, &without), &with_bytes);
        let mut prev = previous;
        prev["viewer"] = request["viewer"].clone();
        prev["as_of"] = json!("2026-11-01");
        let prev = overview(&e, &prev);
        prop_assert_eq!(e.notifications_json(&prev, &with_bytes).unwrap(), e.notifications_json(&prev, &overview(&e, &without)).unwrap());
    }

    /// The JSON entry point moves each benefit's payments out of the request it parsed;
    /// the typed `Engine::overview` copies them from the caller's request. Both give the
    /// same bytes, whether the payments come in date order or not.
    #[test]
    fn the_json_and_typed_overviews_agree(policy in policy(), request in request(), reverse in any::<bool>()) {
        // The subject themself under a policy that includes every number sees most benefits.
        let mut policy = policy;
        policy["kle"]["include"].as_array_mut().unwrap().push(json!({"pattern": "*"}));
        let e = engine(&policy);
        let mut r = request.clone();
        r["viewer"] = json!({"cpr": SUBJECT, "role": "self"});
        if reverse {
            for benefit in r["benefits"].as_array_mut().unwrap() {
                benefit["payments"].as_array_mut().unwrap().reverse();
            }
        }
        let json = r.to_string();
        let typed = e.overview(&e.parse_request(&json).unwrap()).unwrap();
        prop_assert_eq!(serde_json::to_string(&typed).unwrap(), e.overview_json(&json).unwrap());
    }

    #[test]
    fn progress_after_as_of_changes_nothing(policy in policy(), request in request(),
                                           state in pick(&["opstaaet", "oplyst", "afgjort", "afsluttet"][..])) {
        let e = engine(&policy);
        let before = overview(&e, &request);
        let mut r = request.clone();
        for case in r["cases"].as_array_mut().unwrap() {
            case["progress"].as_array_mut().unwrap().push(json!({"state": state, "at": "2026-11-24T00:00:00+01:00"}));
            case["requests"].as_array_mut().unwrap().push(json!({"what": "Senere", "requested": "2026-11-30"}));
        }
        prop_assert_eq!(overview(&e, &r), before);
    }

    #[test]
    fn actions_only_on_visible_records_and_as_listed(policy in policy(), request in request()) {
        let e = engine(&policy);
        let allowed = allowed(&e, &request); // asserts no action is considered on a hidden record
        let visible = visible(&e, &request);
        for (kind, source, id, _) in &allowed {
            prop_assert!(visible.contains(&(kind.clone(), source.clone(), id.clone())));
        }
        // The overview lists exactly the allowed actions of the records it shows (ended
        // appointments leave the overview, so compare within what it lists).
        let listed = listed(&e, &request);
        prop_assert!(listed.is_subset(&allowed));
        prop_assert!(listed.iter().all(|(kind, ..)| kind != "benefit"));
    }

    #[test]
    fn a_read_only_mandate_never_yields_an_action(policy in policy(), request in request(),
                                                  role in pick(&["proxy", "guardian", "parent"][..])) {
        let mut r = request;
        r["viewer"] = json!({"cpr": VIEWER, "role": role});
        for m in r["mandates"].as_array_mut().unwrap() {
            m["privileges"] = json!(["read", "urn:x:read"]);
        }
        prop_assert!(allowed(&engine(&policy), &r).is_empty());
    }

    #[test]
    fn more_restrictions_never_add_an_action(policy in policy(), request in request(), extra in pattern()) {
        let e = engine(&policy);
        let before = allowed(&e, &request);
        let mut p = policy.clone();
        p["kle"]["exclude"].as_array_mut().unwrap().push(json!(extra));
        prop_assert!(allowed(&engine(&p), &request).is_subset(&before));
        let mut r = request.clone();
        for key in ["mandates", "consents"] {
            for item in r[key].as_array_mut().unwrap() {
                item["revoked_at"] = json!("2026-11-23");
            }
        }
        prop_assert!(allowed(&e, &r).is_subset(&before));
        let mut r = request.clone();
        r["consents"].as_array_mut().unwrap().push(json!({"id": "objection", "kind": "frabedelse", "subject": SUBJECT,
            "recipient": VIEWER, "scope": {"kle": [extra]}, "valid_from": "2020-01-01"}));
        prop_assert!(allowed(&e, &r).is_subset(&before));
        // A narrower scope on every grant: a mandate limited to cases, and each mandate's
        // and permitting consent's KLE scope narrowed to `extra` where `extra` lies inside
        // it. (Narrowing an objection would lift a restriction, so objections stay.)
        let mut r = request.clone();
        for m in r["mandates"].as_array_mut().unwrap() {
            narrow_kle(m, extra);
            m["scope"]["records"] = json!(["cases"]);
        }
        for c in r["consents"].as_array_mut().unwrap() {
            if c["kind"] == json!("samtykke") {
                narrow_kle(c, extra);
            }
        }
        prop_assert!(allowed(&e, &r).is_subset(&before));
        prop_assert!(visible(&e, &r).is_subset(&visible(&e, &request)));
    }

    #[test]
    fn the_order_of_goals_and_activities_changes_nothing(policy in policy(), request in request()) {
        let e = engine(&policy);
        let before = overview(&e, &request);
        let mut r = request.clone();
        for plan in r["plans"].as_array_mut().unwrap() {
            for key in ["goals", "activities"] {
                plan[key].as_array_mut().unwrap().reverse();
            }
            for goal in plan["goals"].as_array_mut().unwrap() {
                if let Some(list) = goal.get_mut("assessments").and_then(Value::as_array_mut) {
                    list.reverse();
                }
            }
        }
        prop_assert_eq!(overview(&e, &r), before);
    }
}

/// Totals over visible benefits that do not fit in 64 bits: the overview is still made,
/// every benefit is shown, the overflowing totals are left out and flagged, and the order
/// of the benefits changes no byte (before: the whole overview was rejected).
#[test]
fn totals_that_overflow_keep_the_overview_whatever_the_order() {
    let big = i64::MAX / 2 + 1;
    let benefit = |i: usize, net: i64, debt: i64| {
        json!({"id": format!("B-{i}"), "source": "KY", "kle": "32.24.04", "name": "K",
               "recipient": SUBJECT, "created": "2026-01-05", "debt_ore": debt,
               "grant": {"from": "2026-02-01", "amount_ore": 1},
               "payments": [{"id": "P-1", "period_from": "2026-02-01", "period_to": "2026-02-28",
                             "disposition_date": "2026-02-27", "gross_ore": net, "net_ore": net,
                             "status": "paid"}]})
    };
    let benefits = [benefit(0, big, big), benefit(1, big, big), benefit(2, 5, 7)];
    let engine = engine(&json!({"id": "p", "kle": {"include": [{"pattern": "*"}]}}));
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let mut outputs = BTreeSet::new();
    for order in orders {
        let request = json!({"as_of": "2026-11-23", "subject": {"cpr": SUBJECT},
            "viewer": {"cpr": SUBJECT, "role": "self"},
            "benefits": order.iter().map(|&i| benefits[i].clone()).collect::<Vec<_>>()});
        let overview = engine.overview_json(&request.to_string()).unwrap();
        outputs.insert(overview);
    }
    assert_eq!(
        outputs.len(),
        1,
        "the order of the benefits changed the overview"
    );
    let overview: Value = serde_json::from_str(outputs.first().unwrap()).unwrap();
    assert_eq!(overview["benefits"].as_array().unwrap().len(), 3);
    assert_eq!(
        overview["totals"],
        json!({"paid_by_year": [{"year": 2026, "overflow": true}], "debt_overflow": true})
    );
    // Totals that fit are written as before.
    let request = json!({"as_of": "2026-11-23", "subject": {"cpr": SUBJECT},
        "viewer": {"cpr": SUBJECT, "role": "self"}, "benefits": [benefits[0].clone(), benefits[2].clone()]});
    let overview: Value =
        serde_json::from_str(&engine.overview_json(&request.to_string()).unwrap()).unwrap();
    assert_eq!(
        overview["totals"],
        json!({"paid_by_year": [{"year": 2026, "net_ore": big + 5}], "debt_ore": big + 7})
    );
}
