//! Every way a request or policy is rejected: a table of bad inputs, each with the code
//! and path it must produce, and none of them echoing a CPR number or a title.

use egensag::{Engine, ErrorCode};
use serde_json::{json, Value};

const POLICY: &str = r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#;

fn base_request() -> Value {
    json!({
        "as_of": "2026-11-23",
        "subject": {"cpr": "0101901234"},
        "viewer": {"cpr": "0101901234", "role": "self"},
        "mandates": [{"id": "m1", "kind": "fuldmagt", "holder": "0202804321", "subject": "0101901234",
                      "valid_from": "2026-01-01", "privileges": ["read"]}],
        "consents": [{"id": "c1", "kind": "samtykke", "subject": "0101901234", "recipient": "0202804321",
                      "purposes": ["view"], "valid_from": "2026-01-01"}],
        "cases": [{"id": "S-1", "source": "KSD", "title": "Hemmelig titel", "kle": "32.30.04",
                   "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-09-01",
                   "progress": [{"state": "oplyst", "at": "2026-09-02"}]}],
        "benefits": [{"id": "B-1", "source": "KY", "kle": "32.24.04", "name": "Kontanthjælp", "recipient": "0101901234",
                      "created": "2026-01-01", "grant": {"from": "2026-02-01", "amount_ore": 100000},
                      "payments": [{"id": "P-1", "period_from": "2026-02-01", "period_to": "2026-02-28",
                                    "disposition_date": "2026-02-27", "gross_ore": 100000, "net_ore": 80000, "status": "paid"}]}],
        "appointments": [{"id": "A-1", "source": "DOMUS", "kle": "27.24.04", "participants": ["0101901234"],
                          "start": "2026-11-24T08:00:00+01:00", "end": "2026-11-24T09:00:00+01:00",
                          "kind": "home_visit", "with_role": "hjemmepleje"}]
    })
}

/// Sets the value at a JSON pointer (creating nothing: the parent must exist).
#[expect(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn set(mut doc: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match doc.pointer_mut(parent).unwrap() {
        Value::Object(map) => {
            map.insert(key.to_owned(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{pointer}: parent is not a container"),
    }
    doc
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn remove(mut doc: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    doc.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    doc
}

#[test]
fn the_base_request_is_accepted() {
    let engine = Engine::from_policy_json(POLICY).unwrap();
    let overview = engine.overview_json(&base_request().to_string()).unwrap();
    assert!(overview.contains("Hemmelig titel"));
}

#[test]
fn every_rejection_has_its_code_and_path() {
    let engine = Engine::from_policy_json(POLICY).unwrap();
    let b = base_request;
    let second_case = {
        let mut r = b();
        let case = r["cases"][0].clone();
        r["cases"].as_array_mut().unwrap().push(case);
        r
    };
    let table: Vec<(&str, String, ErrorCode, &str)> = vec![
        (
            "not JSON",
            "{\"as_of\": ".into(),
            ErrorCode::InvalidJson,
            "as_of",
        ),
        (
            "trailing garbage",
            format!("{} x", b()),
            ErrorCode::InvalidJson,
            "",
        ),
        ("not an object", "[]".into(), ErrorCode::InvalidInput, ""),
        (
            "missing as_of",
            remove(b(), "/as_of").to_string(),
            ErrorCode::InvalidInput,
            "",
        ),
        (
            "malformed as_of",
            set(b(), "/as_of", json!("23-11-2026")).to_string(),
            ErrorCode::InvalidInput,
            "as_of",
        ),
        (
            "impossible as_of",
            set(b(), "/as_of", json!("2026-02-30")).to_string(),
            ErrorCode::InvalidInput,
            "as_of",
        ),
        (
            "unknown field",
            set(b(), "/colour", json!(1)).to_string(),
            ErrorCode::InvalidInput,
            "colour",
        ),
        (
            "unknown language",
            set(b(), "/language", json!("de")).to_string(),
            ErrorCode::InvalidInput,
            "language",
        ),
        (
            "subject CPR date",
            set(b(), "/subject/cpr", json!("3102901234")).to_string(),
            ErrorCode::InvalidInput,
            "subject.cpr",
        ),
        (
            "subject CPR length",
            set(b(), "/subject/cpr", json!("01019012")).to_string(),
            ErrorCode::InvalidInput,
            "subject.cpr",
        ),
        (
            "subject CPR type",
            set(b(), "/subject/cpr", json!(101901234)).to_string(),
            ErrorCode::InvalidInput,
            "subject.cpr",
        ),
        (
            "viewer CPR",
            set(b(), "/viewer/cpr", json!("0101901-234")).to_string(),
            ErrorCode::InvalidInput,
            "viewer.cpr",
        ),
        (
            "viewer role",
            set(b(), "/viewer/role", json!("mayor")).to_string(),
            ErrorCode::InvalidInput,
            "viewer.role",
        ),
        (
            "mandate holder",
            set(b(), "/mandates/0/holder", json!("3302804321")).to_string(),
            ErrorCode::InvalidInput,
            "mandates[0].holder",
        ),
        (
            "mandate kind",
            set(b(), "/mandates/0/kind", json!("fuldmagt2")).to_string(),
            ErrorCode::InvalidInput,
            "mandates[0].kind",
        ),
        (
            "mandate date",
            set(b(), "/mandates/0/valid_from", json!("2026-01-32")).to_string(),
            ErrorCode::InvalidInput,
            "mandates[0].valid_from",
        ),
        (
            "mandate scope pattern",
            set(b(), "/mandates/0/scope", json!({"kle": ["32.x"]})).to_string(),
            ErrorCode::InvalidInput,
            "mandates[0].scope.kle[0]",
        ),
        (
            "mandate sensitivity",
            set(
                b(),
                "/mandates/0/scope",
                json!({"max_sensitivity": "hemmelig"}),
            )
            .to_string(),
            ErrorCode::InvalidInput,
            "mandates[0].scope.max_sensitivity",
        ),
        (
            "consent recipient",
            set(b(), "/consents/0/recipient", json!("abc")).to_string(),
            ErrorCode::InvalidInput,
            "consents[0].recipient",
        ),
        (
            "consent kind",
            set(b(), "/consents/0/kind", json!("ja")).to_string(),
            ErrorCode::InvalidInput,
            "consents[0].kind",
        ),
        (
            "consent scope pattern",
            set(b(), "/consents/0/scope", json!({"kle": ["1.*"]})).to_string(),
            ErrorCode::InvalidInput,
            "consents[0].scope.kle[0]",
        ),
        (
            "case missing id",
            remove(b(), "/cases/0/id").to_string(),
            ErrorCode::InvalidInput,
            "cases[0]",
        ),
        (
            "case created",
            set(b(), "/cases/0/created", json!("yesterday")).to_string(),
            ErrorCode::InvalidInput,
            "cases[0].created",
        ),
        (
            "case sensitivity",
            set(b(), "/cases/0/sensitivity", json!(3)).to_string(),
            ErrorCode::InvalidInput,
            "cases[0].sensitivity",
        ),
        (
            "case progress state",
            set(b(), "/cases/0/progress/0/state", json!("done")).to_string(),
            ErrorCode::InvalidInput,
            "cases[0].progress[0].state",
        ),
        (
            "case progress time",
            set(b(), "/cases/0/progress/0/at", json!("2026-09-02T25:00:00Z")).to_string(),
            ErrorCode::InvalidInput,
            "cases[0].progress[0].at",
        ),
        (
            "case outcome",
            set(b(), "/cases/0/outcome", json!("maybe")).to_string(),
            ErrorCode::InvalidInput,
            "cases[0].outcome",
        ),
        (
            "case void type",
            set(b(), "/cases/0/void", json!("yes")).to_string(),
            ErrorCode::InvalidInput,
            "cases[0].void",
        ),
        (
            "case unknown field",
            set(b(), "/cases/0/notes", json!("journal")).to_string(),
            ErrorCode::InvalidInput,
            "cases[0].notes",
        ),
        (
            "party role",
            set(b(), "/cases/0/parties/0/role", json!("boss")).to_string(),
            ErrorCode::InvalidInput,
            "cases[0].parties[0].role",
        ),
        (
            "duplicate case",
            second_case.to_string(),
            ErrorCode::InvalidInput,
            "cases[1].id",
        ),
        (
            "money as float",
            set(b(), "/benefits/0/grant/amount_ore", json!(1000.5)).to_string(),
            ErrorCode::InvalidInput,
            "benefits[0].grant.amount_ore",
        ),
        (
            "money beyond i64",
            b().to_string().replace(
                "\"amount_ore\":100000",
                "\"amount_ore\":9223372036854775808",
            ),
            ErrorCode::InvalidInput,
            "benefits[0].grant.amount_ore",
        ),
        (
            "negative grant",
            set(b(), "/benefits/0/grant/amount_ore", json!(-1)).to_string(),
            ErrorCode::InvalidInput,
            "benefits[0].grant.amount_ore",
        ),
        (
            "negative payment",
            set(b(), "/benefits/0/payments/0/net_ore", json!(-5)).to_string(),
            ErrorCode::InvalidInput,
            "benefits[0].payments[0].net_ore",
        ),
        (
            "negative debt",
            set(b(), "/benefits/0/debt_ore", json!(-5)).to_string(),
            ErrorCode::InvalidInput,
            "benefits[0].debt_ore",
        ),
        (
            "payment status",
            set(b(), "/benefits/0/payments/0/status", json!("sent")).to_string(),
            ErrorCode::InvalidInput,
            "benefits[0].payments[0].status",
        ),
        (
            "payment period backwards",
            set(b(), "/benefits/0/payments/0/period_to", json!("2026-01-01")).to_string(),
            ErrorCode::InvalidInput,
            "benefits[0].payments[0].period_to",
        ),
        (
            "grant backwards",
            set(b(), "/benefits/0/grant/to", json!("2026-01-01")).to_string(),
            ErrorCode::InvalidInput,
            "benefits[0].grant.to",
        ),
        (
            "payment day 0",
            set(
                b(),
                "/benefits/0/grant/plan",
                json!({"frequency": "monthly", "payment_day": {"day_of_month": 0}}),
            )
            .to_string(),
            ErrorCode::InvalidInput,
            "benefits[0].grant.plan.payment_day.day_of_month",
        ),
        (
            "payment frequency",
            set(
                b(),
                "/benefits/0/grant/plan",
                json!({"frequency": "weekly", "payment_day": "last_banking_day"}),
            )
            .to_string(),
            ErrorCode::InvalidInput,
            "benefits[0].grant.plan.frequency",
        ),
        (
            "appointment start",
            set(b(), "/appointments/0/start", json!("2026-11-24")).to_string(),
            ErrorCode::InvalidInput,
            "appointments[0].start",
        ),
        (
            "appointment backwards",
            set(
                b(),
                "/appointments/0/end",
                json!("2026-11-24T07:00:00+01:00"),
            )
            .to_string(),
            ErrorCode::InvalidInput,
            "appointments[0].end",
        ),
        (
            "appointment kind",
            set(b(), "/appointments/0/kind", json!("visit")).to_string(),
            ErrorCode::InvalidInput,
            "appointments[0].kind",
        ),
        (
            "nesting too deep",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            ErrorCode::LimitExceeded,
            // The pre-scan names where it stopped: the 32nd nested array's first element.
            "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]",
        ),
    ];
    for (what, input, code, path) in &table {
        let err = engine.overview_json(input).expect_err(what);
        assert_eq!(
            (err.code, err.path.as_str()),
            (*code, *path),
            "{what}: {}",
            err.message
        );
        for secret in [
            "0101901234",
            "010190-1234",
            "0202804321",
            "3102901234",
            "3302804321",
            "Hemmelig titel",
            "journal",
        ] {
            assert!(
                !err.message.contains(secret) && !err.path.contains(secret),
                "{what} leaks: {err:?}"
            );
        }
        // The same engine keeps working after any error.
        assert!(engine.overview_json(&base_request().to_string()).is_ok());
    }
    assert!(table.len() >= 40);
}

#[test]
fn a_malformed_record_is_hidden_not_rejected() {
    let engine = Engine::from_policy_json(POLICY).unwrap();
    for (pointer, value, reason) in [
        ("/cases/0/kle", json!("32.30.4"), "kle.invalid"),
        ("/cases/0/kle", json!("３２.30.04"), "kle.invalid"),
        ("/cases/0/facet", json!("X01"), "kle.invalid"),
        (
            "/cases/0/parties/0/cpr",
            json!("3102901234"),
            "subject.no_cpr",
        ),
    ] {
        let request = set(base_request(), pointer, value).to_string();
        let explanation = engine.explain_json(&request).unwrap();
        assert!(explanation.contains(reason), "{pointer}: {explanation}");
        let overview = engine.overview_json(&request).unwrap();
        assert!(
            !overview.contains("Hemmelig titel"),
            "{pointer}: the faulty case must be hidden"
        );
        assert!(
            overview.contains("Kontanthjælp"),
            "{pointer}: the other records stay"
        );
        let report = engine.validate_json(&request).unwrap();
        assert!(report.contains(r#""valid":false"#), "{report}");
    }
}

#[test]
fn policy_rejections_have_their_code_and_path() {
    let table = [
        ("{", ErrorCode::InvalidJson, ""),
        (r#"{"kle": {"include": []}}"#, ErrorCode::InvalidPolicy, ""),
        (
            r#"{"id": "p", "kle": {"include": [{"pattern": "32.**"}]}}"#,
            ErrorCode::InvalidPolicy,
            "kle.include[0].pattern",
        ),
        (
            r#"{"id": "p", "kle": {"include": [{"pattern": "32.*", "facets": ["G1"]}]}}"#,
            ErrorCode::InvalidPolicy,
            "kle.include[0].facets[0]",
        ),
        (
            r#"{"id": "p", "kle": {"include": [], "exclude": ["32.21.2"]}}"#,
            ErrorCode::InvalidPolicy,
            "kle.exclude[0]",
        ),
        (
            r#"{"id": "p", "kle": {"include": []}, "max_sensitivity": "top"}"#,
            ErrorCode::InvalidPolicy,
            "max_sensitivity",
        ),
        (
            r#"{"id": "p", "kle": {"include": []}, "title_mode": "none"}"#,
            ErrorCode::InvalidPolicy,
            "title_mode",
        ),
        (
            r#"{"id": "p", "kle": {"include": []}, "processing_days": [{"pattern": "32.*", "days": -1}]}"#,
            ErrorCode::InvalidPolicy,
            "processing_days[0].days",
        ),
        (
            r#"{"id": "p", "kle": {"include": []}, "privileges": {"urn:x": "write"}}"#,
            ErrorCode::InvalidPolicy,
            "privileges.urn:x",
        ),
        (
            r#"{"id": "p", "kle": {"include": []}, "secondary_party_access": [{"pattern": "02.*", "roles": ["neighbour"]}]}"#,
            ErrorCode::InvalidPolicy,
            "secondary_party_access[0].roles[0]",
        ),
        (
            r#"{"id": "p", "kle": {"include": []}, "parent_restricted": ["x"]}"#,
            ErrorCode::InvalidPolicy,
            "parent_restricted[0]",
        ),
        (
            r#"{"id": "p", "kle": {"include": []}, "surprise": true}"#,
            ErrorCode::InvalidPolicy,
            "surprise",
        ),
    ];
    for (policy, code, path) in table {
        let err = Engine::from_policy_json(policy).expect_err(policy);
        assert_eq!(
            (err.code, err.path.as_str()),
            (code, path),
            "{policy}: {}",
            err.message
        );
    }
}

#[test]
fn only_objects_are_requests_and_syntax_errors_win() {
    let engine = Engine::from_policy_json(POLICY).unwrap();
    let positional =
        r#"["2026-11-23", "da", {"cpr": "0101901234"}, {"cpr": "0101901234", "role": "self"}]"#;
    let err = engine.overview_json(positional).unwrap_err();
    assert_eq!(
        (err.code, err.message.as_str()),
        (ErrorCode::InvalidInput, "expected a JSON object")
    );
    let err = engine.overview_json("null x").unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidJson, "{err:?}");
    let err = Engine::from_policy_json(r#"["p", {"include": []}]"#).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidPolicy);
}
