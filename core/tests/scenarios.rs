//! Every reason code both ways: for each rule a scenario where it denies, and the same
//! scenario with the one condition changed, where the record is visible.
//!
//! Each scenario is also a pair of conformance vectors (`tests/vectors/rule-*-denied` and
//! `-permitted`), written by `cargo xtask bless` (this test with `EGENSAG_BLESS=1`), so
//! the C and JavaScript bindings run the same cases.

use egensag::Engine;
use serde_json::{json, Value};
use std::path::Path;

const SUBJECT: &str = "0101901234"; // born 1990
const OTHER: &str = "0202804321"; // born 1980
const CHILD_12: &str = "0101144321"; // born 2014
const CHILD_16: &str = "0101104321"; // born 2010
const CHILD_13_AT_GRANT: &str = "0101134321"; // born 2013
const ADULT_19: &str = "0101074321"; // born 2007

fn policy() -> Value {
    json!({"id": "scenario", "kle": {"include": [{"pattern": "*"}]},
           "privileges": {"urn:dk:kombit:system_xyz:view_case": "read"}})
}

fn case() -> Value {
    json!({"id": "S-1", "source": "KSD", "title": "Sygedagpenge", "kle": "32.30.04", "facet": "G01",
           "parties": [{"cpr": SUBJECT, "role": "primary"}], "created": "2026-09-01",
           "progress": [{"state": "oplyst", "at": "2026-09-02"}]})
}

fn request(viewer: &str, role: &str) -> Value {
    json!({"as_of": "2026-11-23", "subject": {"cpr": SUBJECT}, "viewer": {"cpr": viewer, "role": role},
           "cases": [case()]})
}

fn mandate(kind: &str, subject: &str) -> Value {
    json!({"id": "m1", "kind": kind, "holder": OTHER, "subject": subject, "valid_from": "2026-01-01",
           "privileges": ["read"]})
}

fn consent(kind: &str, subject: &str) -> Value {
    json!({"id": "c1", "kind": kind, "subject": subject, "recipient": OTHER, "purposes": ["view"],
           "valid_from": "2026-01-01"})
}

/// A request about `subject` seen by its parent holding custody.
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn parent_request(subject: &str) -> Value {
    let mut r = request(OTHER, "parent");
    r["subject"]["cpr"] = json!(subject);
    r["cases"][0]["parties"][0]["cpr"] = json!(subject);
    r["mandates"] = json!([mandate("foraeldremyndighed", subject)]);
    r
}

fn benefit() -> Value {
    json!({"id": "B-1", "source": "KY", "kle": "32.24.04", "name": "Kontanthjælp", "recipient": SUBJECT,
           "created": "2026-01-05", "grant": {"from": "2026-02-01", "amount_ore": 100000},
           "payments": [{"id": "P-1", "period_from": "2026-02-01", "period_to": "2026-02-28",
                         "disposition_date": "2026-02-27", "gross_ore": 100000, "net_ore": 90000, "status": "paid"}]})
}

/// One rule, both ways: `(policy, request)` where the first record is denied with
/// `reason`, and the same with the one condition changed, where it is visible.
struct Scenario {
    name: &'static str,
    reason: &'static str,
    /// Which explanation entry to look at (0 = the first case).
    entry: usize,
    denied: (Value, Value),
    permitted: (Value, Value),
}

/// Sets the value at a JSON pointer, adding the last key to its object if needed.
#[expect(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn with(mut v: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match v.pointer_mut(parent).unwrap_or_else(|| panic!("{pointer}")) {
        Value::Object(map) => {
            map.insert(key.to_owned(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{pointer}"),
    }
    v
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn set_key(mut v: Value, key: &str, value: Value) -> Value {
    v[key] = value;
    v
}

#[expect(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn scenarios() -> Vec<Scenario> {
    let me = || request(SUBJECT, "self");
    let proxy = |m: Value| set_key(request(OTHER, "proxy"), "mandates", json!([m]));
    let fuldmagt = || mandate("fuldmagt", SUBJECT);
    let s = |name, reason, denied, permitted| Scenario {
        name,
        reason,
        entry: 0,
        denied,
        permitted,
    };
    let mut list = vec![
        s(
            "record-void",
            "record.void",
            (policy(), with(me(), "/cases/0/void", json!(true))),
            (policy(), me()),
        ),
        s(
            "record-withheld",
            "record.withheld",
            (
                policy(),
                with(me(), "/cases/0/withheld_from_citizen", json!(true)),
            ),
            (policy(), me()),
        ),
        s(
            "subject-no-cpr",
            "subject.no_cpr",
            (
                policy(),
                with(
                    me(),
                    "/cases/0/parties",
                    json!([{"cvr": "12345678", "role": "primary"}]),
                ),
            ),
            (policy(), me()),
        ),
        s(
            "subject-malformed-cpr",
            "subject.no_cpr",
            (
                policy(),
                with(me(), "/cases/0/parties/0/cpr", json!("3101901234x")),
            ),
            (policy(), me()),
        ),
        s(
            "subject-not-party",
            "subject.not_party",
            (
                policy(),
                with(
                    me(),
                    "/cases/0/parties",
                    json!([{"cpr": OTHER, "role": "primary"}, {"cpr": SUBJECT, "role": "owner"}]),
                ),
            ),
            (
                set_key(
                    policy(),
                    "secondary_party_access",
                    json!([{"pattern": "32.30.*", "roles": ["owner"]}]),
                ),
                with(
                    me(),
                    "/cases/0/parties",
                    json!([{"cpr": OTHER, "role": "primary"}, {"cpr": SUBJECT, "role": "owner"}]),
                ),
            ),
        ),
        s(
            "kle-invalid-number",
            "kle.invalid",
            (policy(), with(me(), "/cases/0/kle", json!("32.30.4"))),
            (policy(), me()),
        ),
        s(
            "kle-invalid-missing",
            "kle.invalid",
            (policy(), with(me(), "/cases/0/kle", Value::Null)),
            (policy(), me()),
        ),
        s(
            "kle-invalid-facet",
            "kle.invalid",
            (policy(), with(me(), "/cases/0/facet", json!("X01"))),
            (policy(), me()),
        ),
        s(
            "kle-not-included",
            "kle.not_included",
            (
                with(policy(), "/kle/include", json!([{"pattern": "15.*"}])),
                me(),
            ),
            (
                with(
                    policy(),
                    "/kle/include",
                    json!([{"pattern": "15.*"}, {"pattern": "32.30.*"}]),
                ),
                me(),
            ),
        ),
        s(
            "kle-not-included-facet",
            "kle.not_included",
            (
                with(
                    policy(),
                    "/kle/include",
                    json!([{"pattern": "32.*", "facets": ["A53"]}]),
                ),
                me(),
            ),
            (
                with(
                    policy(),
                    "/kle/include",
                    json!([{"pattern": "32.*", "facets": ["A53", "G01"]}]),
                ),
                me(),
            ),
        ),
        s(
            "kle-excluded",
            "kle.excluded",
            (
                set_key(
                    policy(),
                    "kle",
                    json!({"include": [{"pattern": "*"}], "exclude": ["32.30.04"]}),
                ),
                me(),
            ),
            (
                set_key(
                    policy(),
                    "kle",
                    json!({"include": [{"pattern": "*"}], "exclude": ["32.30.05"]}),
                ),
                me(),
            ),
        ),
        s(
            "date-before-from-closed",
            "date.before_from",
            (
                with(
                    policy(),
                    "/kle/include",
                    json!([{"pattern": "32.*", "from": "2007-12-01"}]),
                ),
                with(
                    with(me(), "/cases/0/created", json!("2007-11-30")),
                    "/cases/0/progress",
                    json!([{"state": "afsluttet", "at": "2008-01-10"}]),
                ),
            ),
            (
                with(
                    policy(),
                    "/kle/include",
                    json!([{"pattern": "32.*", "from": "2007-12-01"}]),
                ),
                with(
                    with(me(), "/cases/0/created", json!("2007-12-01")),
                    "/cases/0/progress",
                    json!([{"state": "afsluttet", "at": "2008-01-10"}]),
                ),
            ),
        ),
        s(
            "date-before-from-active",
            "date.before_from",
            (
                with(
                    policy(),
                    "/kle/include",
                    json!([{"pattern": "32.*", "from": "2007-12-01"}]),
                ),
                with(me(), "/cases/0/created", json!("2006-05-01")),
            ),
            (
                set_key(
                    with(
                        policy(),
                        "/kle/include",
                        json!([{"pattern": "32.*", "from": "2007-12-01"}]),
                    ),
                    "show_active_before_from",
                    json!(true),
                ),
                with(me(), "/cases/0/created", json!("2006-05-01")),
            ),
        ),
        s(
            "source-not-enabled",
            "source.not_enabled",
            (set_key(policy(), "sources", json!(["KY"])), me()),
            (set_key(policy(), "sources", json!(["KY", "KSD"])), me()),
        ),
        s(
            "sensitivity-above-limit",
            "sensitivity.above_limit",
            (
                set_key(policy(), "max_sensitivity", json!("foelsomme")),
                with(me(), "/cases/0/sensitivity", json!("vip")),
            ),
            (
                set_key(policy(), "max_sensitivity", json!("foelsomme")),
                with(me(), "/cases/0/sensitivity", json!("foelsomme")),
            ),
        ),
        s(
            "viewer-not-subject",
            "viewer.not_subject",
            (policy(), request(OTHER, "self")),
            (policy(), me()),
        ),
        s(
            "mandate-missing",
            "mandate.missing",
            (policy(), request(OTHER, "proxy")),
            (policy(), proxy(fuldmagt())),
        ),
        s(
            "mandate-wrong-kind",
            "mandate.missing",
            (policy(), proxy(mandate("vaergemaal", SUBJECT))),
            (policy(), proxy(fuldmagt())),
        ),
        s(
            "mandate-not-in-force",
            "mandate.not_in_force",
            (
                policy(),
                proxy(set_key(fuldmagt(), "valid_to", json!("2026-11-22"))),
            ),
            (
                policy(),
                proxy(set_key(fuldmagt(), "valid_to", json!("2026-11-23"))),
            ),
        ),
        s(
            "mandate-revoked",
            "mandate.not_in_force",
            (
                policy(),
                proxy(set_key(fuldmagt(), "revoked_at", json!("2026-11-23"))),
            ),
            (
                policy(),
                proxy(set_key(fuldmagt(), "revoked_at", json!("2026-11-24"))),
            ),
        ),
        s(
            "mandate-no-read",
            "mandate.no_read",
            (
                policy(),
                proxy(set_key(
                    fuldmagt(),
                    "privileges",
                    json!(["urn:dk:kombit:system_xyz:unknown"]),
                )),
            ),
            (
                policy(),
                proxy(set_key(
                    fuldmagt(),
                    "privileges",
                    json!(["urn:dk:kombit:system_xyz:view_case"]),
                )),
            ),
        ),
        s(
            "mandate-out-of-scope-kle",
            "mandate.out_of_scope",
            (
                policy(),
                proxy(set_key(fuldmagt(), "scope", json!({"kle": ["15.*"]}))),
            ),
            (
                policy(),
                proxy(set_key(
                    fuldmagt(),
                    "scope",
                    json!({"kle": ["15.*", "32.30.*"]}),
                )),
            ),
        ),
        s(
            "mandate-out-of-scope-sensitivity",
            "mandate.out_of_scope",
            (
                policy(),
                with(
                    proxy(set_key(
                        fuldmagt(),
                        "scope",
                        json!({"max_sensitivity": "fortrolige"}),
                    )),
                    "/cases/0/sensitivity",
                    json!("foelsomme"),
                ),
            ),
            (
                policy(),
                with(
                    proxy(set_key(
                        fuldmagt(),
                        "scope",
                        json!({"max_sensitivity": "foelsomme"}),
                    )),
                    "/cases/0/sensitivity",
                    json!("foelsomme"),
                ),
            ),
        ),
        s(
            "mandate-out-of-scope-records",
            "mandate.out_of_scope",
            (
                policy(),
                proxy(set_key(
                    fuldmagt(),
                    "scope",
                    json!({"records": ["benefits"]}),
                )),
            ),
            (
                policy(),
                proxy(set_key(
                    fuldmagt(),
                    "scope",
                    json!({"records": ["benefits", "cases"]}),
                )),
            ),
        ),
        s(
            "mandate-grantor-under-15",
            "mandate.grantor_under_15",
            {
                let mut r = proxy(mandate("fuldmagt", CHILD_13_AT_GRANT));
                r["subject"]["cpr"] = json!(CHILD_13_AT_GRANT);
                r["cases"][0]["parties"][0]["cpr"] = json!(CHILD_13_AT_GRANT);
                (policy(), r)
            },
            {
                let mut r = proxy(set_key(
                    mandate("fuldmagt", CHILD_13_AT_GRANT),
                    "valid_from",
                    json!("2028-01-01"),
                ));
                r["as_of"] = json!("2028-06-01");
                r["subject"]["cpr"] = json!(CHILD_13_AT_GRANT);
                r["cases"][0]["parties"][0]["cpr"] = json!(CHILD_13_AT_GRANT);
                (policy(), r)
            },
        ),
        s(
            "custody-subject-adult",
            "custody.subject_adult",
            (
                set_key(policy(), "child_consent_age", json!(19)),
                parent_request(ADULT_19),
            ),
            (
                set_key(policy(), "child_consent_age", json!(19)),
                parent_request(CHILD_12),
            ),
        ),
        s(
            "custody-child-consent-required",
            "custody.child_consent_required",
            (policy(), parent_request(CHILD_16)),
            (
                policy(),
                set_key(
                    parent_request(CHILD_16),
                    "consents",
                    json!([consent("samtykke", CHILD_16)]),
                ),
            ),
        ),
        s(
            "custody-restricted",
            "custody.restricted",
            (
                set_key(policy(), "parent_restricted", json!(["32.30.*"])),
                parent_request(CHILD_12),
            ),
            (
                set_key(policy(), "parent_restricted", json!(["27.*"])),
                parent_request(CHILD_12),
            ),
        ),
        s(
            "consent-missing",
            "consent.missing",
            (policy(), request(OTHER, "relative")),
            (
                policy(),
                set_key(
                    request(OTHER, "relative"),
                    "consents",
                    json!([consent("samtykke", SUBJECT)]),
                ),
            ),
        ),
        s(
            "consent-missing-other-subject",
            "consent.missing",
            (
                policy(),
                set_key(
                    request(OTHER, "relative"),
                    "consents",
                    json!([consent("samtykke", ADULT_19)]),
                ),
            ),
            (
                policy(),
                set_key(
                    request(OTHER, "relative"),
                    "consents",
                    json!([consent("samtykke", SUBJECT)]),
                ),
            ),
        ),
        s(
            "consent-objection",
            "consent.objection",
            (
                policy(),
                set_key(
                    proxy(fuldmagt()),
                    "consents",
                    json!([consent("frabedelse", SUBJECT)]),
                ),
            ),
            (
                policy(),
                set_key(
                    proxy(fuldmagt()),
                    "consents",
                    json!([set_key(
                        consent("frabedelse", SUBJECT),
                        "revoked_at",
                        json!("2026-06-01")
                    )]),
                ),
            ),
        ),
        s(
            "representative-withheld",
            "representative.withheld",
            (
                policy(),
                with(
                    proxy(fuldmagt()),
                    "/cases/0/withheld_from_representatives",
                    json!(true),
                ),
            ),
            (
                policy(),
                with(me(), "/cases/0/withheld_from_representatives", json!(true)),
            ),
        ),
    ];
    // Appointment without a KLE number: shown only with its case.
    let appointment = json!({"id": "A-1", "source": "KSD", "case_id": "S-1", "participants": [SUBJECT],
        "start": "2026-11-25T10:00:00+01:00", "end": "2026-11-25T11:00:00+01:00", "kind": "meeting", "with_role": "sagsbehandler"});
    list.push(Scenario {
        name: "case-hidden",
        reason: "case.hidden",
        entry: 1,
        denied: (
            policy(),
            set_key(
                with(me(), "/cases/0/void", json!(true)),
                "appointments",
                json!([appointment.clone()]),
            ),
        ),
        permitted: (
            policy(),
            set_key(me(), "appointments", json!([appointment])),
        ),
    });
    // A benefit's V7: created before the from-date, but paid after it.
    let old_benefit = with(
        with(benefit(), "/created", json!("2007-06-01")),
        "/payments/0/disposition_date",
        json!("2007-11-29"),
    );
    list.push(Scenario {
        name: "date-before-from-benefit",
        reason: "date.before_from",
        entry: 1,
        denied: (
            with(
                policy(),
                "/kle/include",
                json!([{"pattern": "32.*", "from": "2007-12-01"}]),
            ),
            set_key(me(), "benefits", json!([old_benefit.clone()])),
        ),
        permitted: (
            with(
                policy(),
                "/kle/include",
                json!([{"pattern": "32.*", "from": "2007-12-01"}]),
            ),
            set_key(
                me(),
                "benefits",
                json!([with(
                    old_benefit,
                    "/payments/0/disposition_date",
                    json!("2007-12-03")
                )]),
            ),
        ),
    });
    // V4: the most specific secondary-party rule decides; a broader one never adds.
    let owner = |rules: Value| {
        (
            set_key(policy(), "secondary_party_access", rules),
            with(
                me(),
                "/cases/0/parties",
                json!([{"cpr": OTHER, "role": "primary"}, {"cpr": SUBJECT, "role": "owner"}]),
            ),
        )
    };
    list.push(Scenario {
        name: "subject-not-party-narrower-rule",
        reason: "subject.not_party",
        entry: 0,
        denied: owner(json!([{"pattern": "32.*", "roles": ["owner"]},
                             {"pattern": "32.30.*", "roles": ["secondary"]}])),
        permitted: owner(json!([{"pattern": "32.*", "roles": ["secondary"]},
                                {"pattern": "32.30.*", "roles": ["owner"]}])),
    });
    // W9: an objection naming a case by record_ids covers its benefits and appointments.
    let objection_to = |case_id: &str| {
        let objection = json!({"id": "o1", "kind": "frabedelse", "subject": SUBJECT, "recipient": OTHER,
                               "valid_from": "2026-01-01", "scope": {"record_ids": [{"source": "KSD", "id": case_id}]}});
        let mut r = proxy(fuldmagt());
        r["consents"] = json!([objection]);
        r["benefits"] = json!([with(
            with(benefit(), "/source", json!("KSD")),
            "/case_id",
            json!("S-1")
        )]);
        r["appointments"] = json!([{"id": "A-1", "source": "KSD", "case_id": "S-1", "kle": "32.30.04",
            "participants": [SUBJECT], "start": "2026-11-25T10:00:00+01:00", "end": "2026-11-25T11:00:00+01:00",
            "kind": "meeting", "with_role": "sagsbehandler"}]);
        r
    };
    for (name, entry) in [
        ("consent-objection-case-benefit", 1),
        ("consent-objection-case-appointment", 2),
    ] {
        list.push(Scenario {
            name,
            reason: "consent.objection",
            entry,
            denied: (policy(), objection_to("S-1")),
            permitted: (policy(), objection_to("S-2")),
        });
    }
    // Amounts that cannot be totalled hide the benefit (fail closed).
    let rich = |net: i64| {
        let mut b = benefit();
        let second = with(
            with(b["payments"][0].clone(), "/id", json!("P-2")),
            "/net_ore",
            json!(net),
        );
        b["payments"].as_array_mut().unwrap().push(second);
        b["payments"][0]["net_ore"] = json!(i64::MAX);
        b
    };
    list.push(Scenario {
        name: "error-amount-overflow",
        reason: "error.amount_overflow",
        entry: 1,
        denied: (policy(), set_key(me(), "benefits", json!([rich(1)]))),
        permitted: (policy(), set_key(me(), "benefits", json!([rich(0)]))),
    });
    list
}

#[expect(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn entry(policy: &Value, request: &Value, index: usize) -> Value {
    let engine = Engine::from_policy_json(&policy.to_string()).unwrap();
    let explanation: Value =
        serde_json::from_str(&engine.explain_json(&request.to_string()).unwrap()).unwrap();
    explanation["entries"][index].clone()
}

#[test]
fn every_reason_code_both_ways() {
    let mut codes = std::collections::BTreeSet::new();
    for s in scenarios() {
        let denied = entry(&s.denied.0, &s.denied.1, s.entry);
        assert_eq!(denied["visible"], json!(false), "{}: {denied}", s.name);
        let reasons: Vec<&str> = denied["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        assert!(
            reasons.contains(&s.reason),
            "{}: expected {} in {reasons:?}",
            s.name,
            s.reason
        );
        let permitted = entry(&s.permitted.0, &s.permitted.1, s.entry);
        assert_eq!(permitted["visible"], json!(true), "{}: {permitted}", s.name);
        assert_eq!(permitted["reasons"], json!([]), "{}", s.name);
        codes.insert(s.reason);
    }
    let all = [
        "record.void",
        "record.withheld",
        "subject.no_cpr",
        "subject.not_party",
        "kle.invalid",
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
        "case.hidden",
        "error.amount_overflow",
    ];
    for code in all {
        assert!(codes.contains(code), "no scenario for {code}");
    }
}

#[test]
fn permits_name_their_rules() {
    let with_mandate = scenarios()
        .into_iter()
        .find(|s| s.name == "mandate-missing")
        .unwrap();
    let permitted = entry(&with_mandate.permitted.0, &with_mandate.permitted.1, 0);
    assert_eq!(permitted["rules"], json!(["include:*", "mandate:m1"]));
    let secondary = scenarios()
        .into_iter()
        .find(|s| s.name == "subject-not-party")
        .unwrap();
    let permitted = entry(&secondary.permitted.0, &secondary.permitted.1, 0);
    assert_eq!(
        permitted["rules"],
        json!(["include:*", "secondary_party_access:32.30.*", "self"])
    );
}

/// Each scenario is a pair of conformance vectors: their inputs on disk are exactly the
/// scenario's (so the C and JavaScript runners test these rules), and `cargo xtask bless`
/// rewrites them (then the expected outputs, through the vectors test).
#[test]
fn scenario_vectors_match_the_scenarios() {
    let bless = std::env::var_os("EGENSAG_BLESS").is_some();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut stale = Vec::new();
    for s in scenarios() {
        for (suffix, (policy, request)) in [("denied", &s.denied), ("permitted", &s.permitted)] {
            let dir = root.join(format!("rule-{}-{suffix}", s.name));
            for (file, value) in [("policy.json", policy), ("request.json", request)] {
                let text = canonical_json(value);
                if bless {
                    std::fs::create_dir_all(&dir).unwrap();
                    std::fs::write(dir.join(file), &text).unwrap();
                } else if std::fs::read(dir.join(file)).ok().as_deref() != Some(text.as_bytes()) {
                    stale.push(format!("{}/{file}", dir.display()));
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale scenario vectors (run `cargo xtask bless` and review the diff): {stale:?}"
    );
}

/// A scenario's input as it is written to disk: pretty JSON with every object's keys
/// sorted, whatever order serde_json's features give `json!` objects.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn canonical_json(value: &Value) -> String {
    let mut sorted = value.clone();
    sorted.sort_all_objects();
    serde_json::to_string_pretty(&sorted).unwrap() + "\n"
}

/// A visible benefit or appointment names its case (`case_id`) only when that case is
/// shown too: a hidden case must not be revealed through its records.
#[test]
fn a_hidden_case_is_not_named_by_its_records() {
    let overview = |case_void: bool| -> Value {
        let mut r = request(SUBJECT, "self");
        r["cases"][0]["void"] = json!(case_void);
        r["benefits"] = json!([with(
            with(benefit(), "/source", json!("KSD")),
            "/case_id",
            json!("S-1")
        )]);
        r["appointments"] = json!([{"id": "A-1", "source": "KSD", "case_id": "S-1", "kle": "32.30.04",
            "participants": [SUBJECT], "start": "2026-11-25T10:00:00+01:00", "end": "2026-11-25T11:00:00+01:00",
            "kind": "meeting", "with_role": "sagsbehandler"}]);
        let engine = Engine::from_policy_json(&policy().to_string()).unwrap();
        serde_json::from_str(&engine.overview_json(&r.to_string()).unwrap()).unwrap()
    };
    let shown = overview(false);
    assert_eq!(shown["benefits"][0]["case_id"], json!("S-1"), "{shown}");
    assert_eq!(shown["appointments"][0]["case_id"], json!("S-1"), "{shown}");
    let hidden = overview(true);
    assert_eq!(hidden["cases"], json!([]));
    assert_eq!(hidden["benefits"][0]["id"], json!("B-1"));
    assert!(hidden["benefits"][0].get("case_id").is_none(), "{hidden}");
    assert_eq!(hidden["appointments"][0]["id"], json!("A-1"));
    assert!(
        hidden["appointments"][0].get("case_id").is_none(),
        "{hidden}"
    );
}
