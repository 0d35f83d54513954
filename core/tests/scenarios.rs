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
    // A party counts only on the days within its valid_from…valid_to (V3/V4): a primary
    // party whose relation ended, or has not begun, is no party; the last day still counts.
    let other_primary_and_me = |me_party: Value| {
        with(
            me(),
            "/cases/0/parties",
            json!([{"cpr": OTHER, "role": "primary"}, me_party]),
        )
    };
    list.push(s(
        "subject-party-ended",
        "subject.not_party",
        (
            policy(),
            other_primary_and_me(
                json!({"cpr": SUBJECT, "role": "primary", "valid_to": "2026-11-22"}),
            ),
        ),
        (
            policy(),
            other_primary_and_me(
                json!({"cpr": SUBJECT, "role": "primary", "valid_to": "2026-11-23"}),
            ),
        ),
    ));
    list.push(s(
        "subject-party-not-begun",
        "subject.not_party",
        (
            policy(),
            other_primary_and_me(
                json!({"cpr": SUBJECT, "role": "primary", "valid_from": "2026-11-24"}),
            ),
        ),
        (
            policy(),
            other_primary_and_me(
                json!({"cpr": SUBJECT, "role": "primary", "valid_from": "2026-11-23"}),
            ),
        ),
    ));
    // An ended party is no party for V3 either: no CPR party is left.
    list.push(s(
        "subject-no-cpr-party-ended",
        "subject.no_cpr",
        (
            policy(),
            with(me(), "/cases/0/parties/0/valid_to", json!("2026-11-01")),
        ),
        (policy(), me()),
    ));
    // An ended secondary party gets no secondary access.
    let owner_access = set_key(
        policy(),
        "secondary_party_access",
        json!([{"pattern": "32.30.*", "roles": ["owner"]}]),
    );
    list.push(s(
        "subject-secondary-party-ended",
        "subject.not_party",
        (
            owner_access.clone(),
            other_primary_and_me(
                json!({"cpr": SUBJECT, "role": "owner", "valid_from": "2026-01-01", "valid_to": "2026-06-30"}),
            ),
        ),
        (
            owner_access,
            other_primary_and_me(json!({"cpr": SUBJECT, "role": "owner", "valid_from": "2026-01-01"})),
        ),
    ));
    // The subject's death ends every fuldmagt from that day.
    list.push(s(
        "mandate-not-in-force-deceased",
        "mandate.not_in_force",
        (
            policy(),
            with(
                proxy(fuldmagt()),
                "/subject/deceased_on",
                json!("2026-11-23"),
            ),
        ),
        (
            policy(),
            with(
                proxy(fuldmagt()),
                "/subject/deceased_on",
                json!("2026-11-24"),
            ),
        ),
    ));
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
    // Plans: a score off its scale, an activity ending before it starts (fail closed);
    // a plan without a number shown only with its case; a mandate's `records` scope.
    let with_plan = |r: Value, p: Value| set_key(r, "plans", json!([p]));
    list.push(Scenario {
        name: "error-score-invalid",
        reason: "error.score_invalid",
        entry: 1,
        denied: (
            policy(),
            with_plan(me(), with(plan(), "/goals/0/assessments/0/score", json!(6))),
        ),
        permitted: (policy(), with_plan(me(), plan())),
    });
    list.push(Scenario {
        name: "error-score-invalid-scale",
        reason: "error.score_invalid",
        entry: 1,
        denied: (
            policy(),
            with_plan(
                me(),
                with(
                    with(plan(), "/goals/0/assessments/0/scale_max", json!(0)),
                    "/goals/0/assessments/0/score",
                    json!(0),
                ),
            ),
        ),
        permitted: (
            policy(),
            with_plan(me(), with(plan(), "/goals/0/assessments/0/score", json!(0))),
        ),
    });
    list.push(Scenario {
        name: "error-invalid-period-plan",
        reason: "error.invalid_period",
        entry: 1,
        denied: (
            policy(),
            with_plan(me(), with(plan(), "/activities/0/to", json!("2026-09-30"))),
        ),
        permitted: (policy(), with_plan(me(), plan())),
    });
    let plan_of_case = with(plan(), "/kle", Value::Null);
    list.push(Scenario {
        name: "case-hidden-plan",
        reason: "case.hidden",
        entry: 1,
        denied: (
            policy(),
            with_plan(
                with(me(), "/cases/0/void", json!(true)),
                plan_of_case.clone(),
            ),
        ),
        permitted: (policy(), with_plan(me(), plan_of_case)),
    });
    let cases_only = with(fuldmagt(), "/scope", json!({"records": ["cases"]}));
    list.push(Scenario {
        name: "mandate-out-of-scope-plans",
        reason: "mandate.out_of_scope",
        entry: 1,
        denied: (policy(), with_plan(proxy(cases_only), plan())),
        permitted: (
            policy(),
            with_plan(
                proxy(with(
                    fuldmagt(),
                    "/scope",
                    json!({"records": ["cases", "plans"]}),
                )),
                plan(),
            ),
        ),
    });
    list.push(Scenario {
        name: "custody-restricted-plan",
        reason: "custody.restricted",
        entry: 1,
        denied: (
            set_key(policy(), "parent_restricted", json!(["27.*"])),
            with_plan(
                parent_request(CHILD_12),
                with(plan(), "/parties/0/cpr", json!(CHILD_12)),
            ),
        ),
        permitted: (
            policy(),
            with_plan(
                parent_request(CHILD_12),
                with(plan(), "/parties/0/cpr", json!(CHILD_12)),
            ),
        ),
    });
    // A record's own malformed values hide that record alone (DOMAIN.md section 7).
    let benefit_with = |pointer: &str, value: Value| {
        set_key(me(), "benefits", json!([with(benefit(), pointer, value)]))
    };
    list.push(Scenario {
        name: "error-invalid-amount",
        reason: "error.invalid_amount",
        entry: 1,
        denied: (policy(), benefit_with("/grant/amount_ore", json!(-1))),
        permitted: (policy(), benefit_with("/grant/amount_ore", json!(0))),
    });
    list.push(Scenario {
        name: "error-invalid-period",
        reason: "error.invalid_period",
        entry: 1,
        denied: (
            policy(),
            benefit_with("/payments/0/period_to", json!("2026-01-31")),
        ),
        permitted: (
            policy(),
            benefit_with("/payments/0/period_to", json!("2026-02-01")),
        ),
    });
    let twice = |id: &str| {
        let mut b = benefit();
        let second = with(b["payments"][0].clone(), "/id", json!(id));
        b["payments"].as_array_mut().unwrap().push(second);
        set_key(me(), "benefits", json!([b]))
    };
    list.push(Scenario {
        name: "error-duplicate-payment",
        reason: "error.duplicate_payment",
        entry: 1,
        denied: (policy(), twice("P-1")),
        permitted: (policy(), twice("P-2")),
    });
    let few_items = set_key(policy(), "limits", json!({"max_items_per_record": 1}));
    list.push(Scenario {
        name: "error-too-many-items",
        reason: "error.too_many_items",
        entry: 0,
        denied: (
            few_items.clone(),
            with(
                me(),
                "/cases/0/progress",
                json!([{"state": "opstaaet", "at": "2026-09-01"}, {"state": "oplyst", "at": "2026-09-02"}]),
            ),
        ),
        permitted: (few_items, me()),
    });
    list
}

/// A plan of the subject's: active on 2026-11-23, one active goal assessed by both, one
/// achieved and one cancelled goal, a current and a finished activity.
fn plan() -> Value {
    json!({"id": "P-1", "source": "KSD", "kle": "27.24.00", "kind": "handleplan", "title": "Min plan",
           "case_id": "S-1", "parties": [{"cpr": SUBJECT, "role": "primary"}], "created": "2026-09-01",
           "period": {"from": "2026-10-01", "to": "2027-03-31"},
           "goals": [
               {"id": "G1", "text": "Gå en tur hver dag", "set": "2026-10-01", "status": "active",
                "assessments": [{"at": "2026-10-15", "by": "citizen", "score": 2, "scale_max": 5},
                                {"at": "2026-11-15", "by": "citizen", "score": 3, "scale_max": 5},
                                {"at": "2026-12-15", "by": "citizen", "score": 5, "scale_max": 5},
                                {"at": "2026-11-01", "by": "caseworker", "score": 4, "scale_max": 10}]},
               {"id": "G2", "text": "Handle selv ind", "set": "2026-10-01", "status": "achieved", "status_at": "2026-11-10"},
               {"id": "G3", "text": "Cykle", "set": "2026-10-02", "status": "cancelled", "status_at": "2026-10-20"}],
           "activities": [
               {"id": "AK2", "text": "Træning", "with_role": "fysioterapeut", "from": "2026-11-01", "to": "2026-12-31", "status": "ongoing"},
               {"id": "AK1", "text": "Samtale", "from": "2026-10-01", "to": "2026-10-01", "status": "completed"}],
           "next_follow_up": "2026-12-01"})
}

/// One action rule, both ways: the action is denied with `reason` for the record at
/// explanation entry `entry`, and offered with the one condition changed.
struct ActionScenario {
    name: &'static str,
    action: &'static str,
    reason: &'static str,
    entry: usize,
    denied: (Value, Value),
    permitted: (Value, Value),
}

/// A policy enabling every action everywhere.
fn acting_policy() -> Value {
    set_key(
        policy(),
        "actions",
        json!([{"pattern": "*", "allow": ["case.send_document", "case.answer_request",
            "appointment.cancel", "appointment.rebook", "plan.assess_goal", "plan.approve"]}]),
    )
}

#[expect(clippy::too_many_lines, reason = "a table: one entry per action rule")]
fn action_scenarios() -> Vec<ActionScenario> {
    let me = || request(SUBJECT, "self");
    let open_request =
        json!([{"what": "Lønsedler", "requested": "2026-11-01", "deadline": "2026-11-30"}]);
    let awaiting = || with(me(), "/cases/0/requests", open_request.clone());
    let acting = |privileges: Value| {
        let m = with(mandate("fuldmagt", SUBJECT), "/privileges", privileges);
        set_key(request(OTHER, "proxy"), "mandates", json!([m]))
    };
    let relative = |purposes: Value| {
        let c = with(consent("samtykke", SUBJECT), "/purposes", purposes);
        set_key(request(OTHER, "relative"), "consents", json!([c]))
    };
    let child_parent = |purposes: Value| {
        let r = parent_request(CHILD_16);
        set_key(
            r,
            "consents",
            json!([with(consent("samtykke", CHILD_16), "/purposes", purposes)]),
        )
    };
    let appointment = json!({"id": "A-1", "source": "KSD", "kle": "32.30.04", "participants": [SUBJECT],
        "start": "2026-11-25T10:00:00+01:00", "end": "2026-11-25T11:00:00+01:00", "kind": "meeting", "with_role": "sagsbehandler"});
    let with_appointment = |r: Value, a: Value| set_key(r, "appointments", json!([a]));
    let with_plan = |r: Value, p: Value| set_key(r, "plans", json!([p]));
    let a = |name, action, reason, entry, denied, permitted| ActionScenario {
        name,
        action,
        reason,
        entry,
        denied,
        permitted,
    };
    let only = |allow: Value, min: u32| {
        set_key(
            policy(),
            "actions",
            json!([{"pattern": "*", "allow": allow, "min_days_before": min}]),
        )
    };
    vec![
        a(
            "action-not-enabled",
            "case.send_document",
            "action.not_enabled",
            0,
            (
                set_key(
                    acting_policy(),
                    "actions",
                    json!([{"pattern": "*", "allow": ["case.send_document"]},
                           {"pattern": "32.30.*", "allow": ["case.answer_request"]}]),
                ),
                me(),
            ),
            (acting_policy(), me()),
        ),
        a(
            "action-not-enabled-source",
            "case.send_document",
            "action.not_enabled",
            0,
            (
                set_key(
                    policy(),
                    "actions",
                    json!([{"pattern": "*", "allow": ["case.send_document"], "sources": ["KY"]}]),
                ),
                me(),
            ),
            (
                set_key(
                    policy(),
                    "actions",
                    json!([{"pattern": "*", "allow": ["case.send_document"], "sources": ["KSD"]}]),
                ),
                me(),
            ),
        ),
        a(
            "action-no-act-privilege",
            "case.send_document",
            "action.no_act_privilege",
            0,
            (acting_policy(), acting(json!(["read"]))),
            (acting_policy(), acting(json!(["act"]))),
        ),
        a(
            "action-no-act-privilege-uri",
            "case.send_document",
            "action.no_act_privilege",
            0,
            (
                acting_policy(),
                acting(json!(["urn:dk:kombit:system_xyz:view_case"])),
            ),
            (
                with(
                    acting_policy(),
                    "/privileges/urn:dk:kombit:system_xyz:view_case",
                    json!("act"),
                ),
                acting(json!(["urn:dk:kombit:system_xyz:view_case"])),
            ),
        ),
        a(
            "action-consent-missing",
            "case.send_document",
            "action.consent_missing",
            0,
            (acting_policy(), relative(json!(["view"]))),
            (acting_policy(), relative(json!(["view", "act"]))),
        ),
        a(
            "action-consent-missing-parent",
            "case.send_document",
            "action.consent_missing",
            0,
            (
                acting_policy(),
                with(
                    child_parent(json!(["view"])),
                    "/mandates/0/privileges",
                    json!(["act"]),
                ),
            ),
            (
                acting_policy(),
                with(
                    child_parent(json!(["view", "act"])),
                    "/mandates/0/privileges",
                    json!(["act"]),
                ),
            ),
        ),
        a(
            "action-not-applicable-closed",
            "case.send_document",
            "action.not_applicable",
            0,
            (
                acting_policy(),
                with(
                    me(),
                    "/cases/0/progress",
                    json!([{"state": "afsluttet", "at": "2026-10-01"}]),
                ),
            ),
            (acting_policy(), me()),
        ),
        a(
            "action-not-applicable-answer",
            "case.answer_request",
            "action.not_applicable",
            0,
            (acting_policy(), me()),
            (acting_policy(), awaiting()),
        ),
        a(
            "action-not-applicable-cancelled",
            "appointment.cancel",
            "action.not_applicable",
            1,
            (
                acting_policy(),
                with_appointment(me(), with(appointment.clone(), "/cancelled", json!(true))),
            ),
            (acting_policy(), with_appointment(me(), appointment.clone())),
        ),
        a(
            "action-too-late",
            "appointment.rebook",
            "action.too_late",
            1,
            (
                only(json!(["appointment.rebook"]), 3),
                with_appointment(me(), appointment.clone()),
            ),
            (
                only(json!(["appointment.rebook"]), 2),
                with_appointment(me(), appointment),
            ),
        ),
        a(
            "action-self-only",
            "plan.assess_goal",
            "action.self_only",
            1,
            (acting_policy(), with_plan(acting(json!(["act"])), plan())),
            (acting_policy(), with_plan(me(), plan())),
        ),
        a(
            "action-not-applicable-assess",
            "plan.assess_goal",
            "action.not_applicable",
            1,
            (
                acting_policy(),
                with_plan(me(), with(plan(), "/goals/0/status", json!("not_achieved"))),
            ),
            (acting_policy(), with_plan(me(), plan())),
        ),
        a(
            "action-not-applicable-approve",
            "plan.approve",
            "action.not_applicable",
            1,
            (
                acting_policy(),
                with_plan(
                    me(),
                    with(
                        set_key(plan(), "requires_approval", json!(true)),
                        "/approved_on",
                        json!("2026-11-20"),
                    ),
                ),
            ),
            (
                acting_policy(),
                with_plan(me(), set_key(plan(), "requires_approval", json!(true))),
            ),
        ),
    ]
}

#[test]
fn every_action_rule_both_ways() {
    let mut codes = std::collections::BTreeSet::new();
    let mut actions = std::collections::BTreeSet::new();
    for s in action_scenarios() {
        let find = |policy: &Value, request: &Value| {
            let e = entry(policy, request, s.entry);
            assert_eq!(e["visible"], json!(true), "{}: {e}", s.name);
            let check = e["actions"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["action"] == json!(s.action))
                .cloned()
                .unwrap_or_else(|| panic!("{}: {} not considered in {e}", s.name, s.action));
            (check, overview_actions(policy, request, s.entry))
        };
        let (denied, listed) = find(&s.denied.0, &s.denied.1);
        assert_eq!(denied["allowed"], json!(false), "{}: {denied}", s.name);
        assert!(
            denied["reasons"]
                .as_array()
                .unwrap()
                .contains(&json!(s.reason)),
            "{}: expected {} in {denied}",
            s.name,
            s.reason
        );
        assert!(!listed.contains(&s.action.to_owned()), "{}", s.name);
        let (permitted, listed) = find(&s.permitted.0, &s.permitted.1);
        assert_eq!(permitted["allowed"], json!(true), "{}: {permitted}", s.name);
        assert_eq!(permitted["reasons"], json!([]), "{}", s.name);
        assert!(
            listed.contains(&s.action.to_owned()),
            "{}: {listed:?}",
            s.name
        );
        codes.insert(s.reason);
        actions.insert(s.action);
    }
    for code in [
        "action.not_enabled",
        "action.not_applicable",
        "action.too_late",
        "action.self_only",
        "action.no_act_privilege",
        "action.consent_missing",
    ] {
        assert!(codes.contains(code), "no scenario for {code}");
    }
    for action in egensag::actions::Action::ALL {
        assert!(
            actions.contains(action.as_str()),
            "no scenario for {action}"
        );
    }
}

/// The actions the overview lists on the record behind explanation entry `index`
/// (found by its source and id, whatever the overview's order).
#[expect(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn overview_actions(policy: &Value, request: &Value, index: usize) -> Vec<String> {
    let engine = Engine::from_policy_json(&policy.to_string()).unwrap();
    let overview: Value =
        serde_json::from_str(&engine.overview_json(&request.to_string()).unwrap()).unwrap();
    let e = entry(policy, request, index);
    let list = match e["kind"].as_str().unwrap() {
        "case" => "cases",
        "appointment" => "appointments",
        "plan" => "plans",
        _ => "benefits",
    };
    let record = overview[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["source"] == e["source"] && r["id"] == e["id"])
        .cloned()
        .unwrap();
    serde_json::from_value(record["actions"].clone()).unwrap()
}

#[test]
fn denied_actions_carry_every_reason_in_order() {
    // A proxy with a read-only mandate, actions not enabled, on a closed case: all three.
    let closed = with(
        set_key(
            request(OTHER, "proxy"),
            "mandates",
            json!([mandate("fuldmagt", SUBJECT)]),
        ),
        "/cases/0/progress",
        json!([{"state": "afsluttet", "at": "2026-10-01"}]),
    );
    let e = entry(&policy(), &closed, 0);
    assert_eq!(
        e["actions"],
        json!([
            {"action": "case.send_document", "allowed": false,
             "reasons": ["action.not_enabled", "action.no_act_privilege", "action.not_applicable"]},
            {"action": "case.answer_request", "allowed": false,
             "reasons": ["action.not_enabled", "action.no_act_privilege", "action.not_applicable"]}
        ])
    );
}

#[test]
fn every_plan_status_and_goal_status() {
    let engine = Engine::from_policy_json(&policy().to_string()).unwrap();
    let show = |as_of: &str, plan: Value| -> Value {
        let r = set_key(
            set_key(request(SUBJECT, "self"), "plans", json!([plan])),
            "as_of",
            json!(as_of),
        );
        let o: Value =
            serde_json::from_str(&engine.overview_json(&r.to_string()).unwrap()).unwrap();
        o["plans"][0].clone()
    };
    let upcoming = show("2026-09-15", plan());
    assert_eq!(
        upcoming["status"],
        json!({"code": "upcoming", "text": "Planen er ikke startet endnu", "since": "2026-09-01"})
    );
    let ended = show("2027-04-01", plan());
    assert_eq!(
        ended["status"],
        json!({"code": "ended", "text": "Planen er afsluttet", "since": "2027-04-01"})
    );
    let p = show("2026-11-23", plan());
    assert_eq!(
        p["status"],
        json!({"code": "active", "text": "Planen er i gang", "since": "2026-10-01"})
    );
    // Goals by the day they were set: G1 active, G2 achieved, G3 cancelled.
    let codes: Vec<&str> = p["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["status"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["active", "achieved", "cancelled"]);
    assert_eq!(p["goals"][1]["status"]["text"], json!("Målet er nået"));
    assert_eq!(p["goals"][2]["status"]["text"], json!("Målet er opgivet"));
    // The latest assessment by each on or before as_of (not the one dated later).
    assert_eq!(
        p["goals"][0]["citizen_assessment"],
        json!({"at": "2026-11-15", "score": 3, "scale_max": 5})
    );
    assert_eq!(
        p["goals"][0]["caseworker_assessment"],
        json!({"at": "2026-11-01", "score": 4, "scale_max": 10})
    );
    assert_eq!(
        (p["goals_achieved"].clone(), p["goals_total"].clone()),
        (json!(1), json!(2))
    );
    // Activities by first day; the ongoing one is current, the completed one is not.
    assert_eq!(p["activities"][0]["id"], json!("AK1"));
    assert_eq!(p["activities"][0]["current"], json!(false));
    assert_eq!(p["activities"][1]["current"], json!(true));
    assert_eq!(p["follow_up_overdue"], json!(false));
    assert_eq!(show("2026-12-02", plan())["follow_up_overdue"], json!(true));
    assert_eq!(p["awaiting_approval"], json!(false));
    assert_eq!(
        show(
            "2026-11-23",
            set_key(plan(), "requires_approval", json!(true))
        )["awaiting_approval"],
        json!(true)
    );
    // A goal's status dated after as_of is not reached yet; `not_achieved` once it is.
    let later = with(
        with(plan(), "/goals/1/status", json!("not_achieved")),
        "/goals/1/status_at",
        json!("2026-12-01"),
    );
    assert_eq!(
        show("2026-11-23", later.clone())["goals"][1]["status"]["code"],
        json!("active")
    );
    assert_eq!(
        show("2026-12-01", later)["goals"][1]["status"]["text"],
        json!("Målet blev ikke nået")
    );
    // The plan takes its case's number and names the case, since the case is shown.
    assert_eq!(p["case_id"], json!("S-1"));
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
        "error.invalid_amount",
        "error.invalid_period",
        "error.duplicate_payment",
        "error.too_many_items",
        "error.score_invalid",
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
    let pairs = scenarios()
        .into_iter()
        .map(|s| (s.name, s.denied, s.permitted))
        .chain(
            action_scenarios()
                .into_iter()
                .map(|s| (s.name, s.denied, s.permitted)),
        );
    for s in pairs.map(|(name, denied, permitted)| Scenario {
        name,
        reason: "",
        entry: 0,
        denied,
        permitted,
    }) {
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
