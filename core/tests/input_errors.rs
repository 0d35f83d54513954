//! Every way a request or policy is rejected: a table of bad inputs, each with the code
//! and path it must produce, and none of them echoing a CPR number or a title.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use egensag::kle::Catalogue;
use egensag::privileges::mandates_from_claim;
use egensag::{Cpr, Engine, Error, ErrorCode};
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
    // A record's own malformed values (a negative amount, a period that runs backwards)
    // hide that record instead: adversarial.rs, malformed_record_values_hide_the_record_only.
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
            "payment status",
            set(b(), "/benefits/0/payments/0/status", json!("sent")).to_string(),
            ErrorCode::InvalidInput,
            "benefits[0].payments[0].status",
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
    let base = leaves(&base_request());
    for (what, input, code, path) in &table {
        let err = engine.overview_json(input).expect_err(what);
        assert_echoes_no_value(what, &err, input, &base);
        assert_eq!(
            (err.code(), err.path()),
            (*code, *path),
            "{what}: {}",
            err.message()
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
                !err.message().contains(secret) && !err.path().contains(secret),
                "{what} leaks: {err:?}"
            );
        }
        // The same engine keeps working after any error.
        assert!(engine.overview_json(&base_request().to_string()).is_ok());
    }
    assert!(table.len() >= 34);
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
    let base = leaves(&serde_json::from_str(POLICY).unwrap());
    for (policy, code, path) in table {
        let err = Engine::from_policy_json(policy).expect_err(policy);
        assert_echoes_no_value(policy, &err, policy, &base);
        assert_eq!(
            (err.code(), err.path()),
            (code, path),
            "{policy}: {}",
            err.message()
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
        (err.code(), err.message()),
        (ErrorCode::InvalidInput, "expected a JSON object")
    );
    let err = engine.overview_json("null x").unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidJson, "{err:?}");
    let err = Engine::from_policy_json(r#"["p", {"include": []}]"#).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidPolicy);
}

/// The string and number values of a JSON document, as text.
fn leaves(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Number(n) => vec![n.to_string()],
        Value::Array(items) => items.iter().flat_map(leaves).collect(),
        Value::Object(map) => map.values().flat_map(leaves).collect(),
        Value::Bool(_) | Value::Null => Vec::new(),
    }
}

/// No error repeats a value of its input: the values a case put into the base document
/// (three characters or more) appear nowhere in the message outside the contract's own
/// names (`` `home_visit` ``, in backticks) nor in the path; nothing is quoted with `"`;
/// no run of six digits (a CPR number) appears at all.
fn assert_echoes_no_value(what: &str, err: &Error, input: &str, base: &[String]) {
    let outside_backticks: String = err.message().split('`').step_by(2).collect();
    let injected = serde_json::from_str(input)
        .map(|v: Value| leaves(&v))
        .unwrap_or_default();
    for value in injected
        .iter()
        .filter(|v| v.chars().count() >= 3 && !base.contains(v))
    {
        assert!(
            !outside_backticks.contains(value.as_str()) && !err.path().contains(value.as_str()),
            "{what}: the error repeats the value {value:?}: {err:?}"
        );
    }
    assert!(
        !err.message().contains('"'),
        "{what}: a quoted value: {err:?}"
    );
    for text in [err.message(), err.path()] {
        let longest_digit_run = text
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(longest_digit_run < 6, "{what}: a CPR-like number: {err:?}");
    }
}

/// Every kind of XML error quick-xml reports, in the KLE catalogue (`invalid_policy` at
/// `catalogue`, the innermost Hovedgruppe/Gruppe/Emne named in the message) and in a
/// NemLog-in claim (`invalid_input`, at the claim or at the element whose attribute is
/// malformed). Messages say what was expected and repeat nothing of the document.
#[test]
fn xml_errors_have_their_code_path_and_kind() {
    let main =
        |body: &str| format!("<KLE-Emneplan><Hovedgruppe>{body}</Hovedgruppe></KLE-Emneplan>");
    let catalogue = [
        ("<KLE-Emneplan><Hovedgruppe", "a tag is not closed"),
        ("<KLE-Emneplan><!-- Hans", "a comment is not closed"),
        (
            "<KLE-Emneplan><![CDATA[Hans",
            "a CDATA section is not closed",
        ),
        (
            "<KLE-Emneplan><Hovedgruppe></Gruppe></KLE-Emneplan>",
            "do not nest",
        ),
        (
            "<KLE-Emneplan UdgivelsesDato=Hans>",
            "well-formed attributes",
        ),
        (
            &main("<HovedgruppeNr>&Hans;</HovedgruppeNr>"),
            "predefined XML entities in Hovedgruppe 1",
        ),
        (
            &main("<HovedgruppeNr>&#0;</HovedgruppeNr>"),
            "character references to characters XML allows in Hovedgruppe 1",
        ),
        (
            &main("<HovedgruppeNr>Hans</HovedgruppeNr>"),
            "HovedgruppeNr",
        ),
    ];
    for (xml, kind) in catalogue {
        let err = Catalogue::from_xml(xml).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            (ErrorCode::InvalidPolicy, "catalogue"),
            "{xml}: {err}"
        );
        assert!(err.message().starts_with("expected"), "{xml}: {err}");
        assert!(err.message().contains(kind), "{xml}: {err}");
        assert!(!err.message().contains("Hans"), "{xml}: {err}");
    }

    let holder = Cpr::parse("0202804321").unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let group = |body: &str| {
        format!(
            r#"<PrivilegeList><PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101901234">{body}</PrivilegeGroup></PrivilegeList>"#
        )
    };
    let claims = [
        (
            "<PrivilegeList><PrivilegeGroup".to_owned(),
            "",
            "a tag is not closed",
        ),
        (
            "<PrivilegeList><a></b></PrivilegeList>".to_owned(),
            "",
            "do not nest",
        ),
        (
            "<PrivilegeList><PrivilegeGroup Scope=0101901234></PrivilegeGroup></PrivilegeList>"
                .to_owned(),
            "PrivilegeGroup[1]",
            "well-formed attributes",
        ),
        (
            group("<Constraint Name=0101901234>32.*</Constraint>"),
            "PrivilegeGroup[1].Constraint[1]",
            "well-formed attributes",
        ),
        (
            group("<Privilege>&Hans;</Privilege>"),
            "",
            "predefined XML entities",
        ),
        (
            "<PrivilegeList/>Hans".to_owned(),
            "",
            "text outside its root element",
        ),
    ];
    for (xml, path, kind) in &claims {
        let err = mandates_from_claim(&STANDARD.encode(xml), holder, day).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            (ErrorCode::InvalidInput, *path),
            "{xml}: {err}"
        );
        assert!(err.message().starts_with("expected"), "{xml}: {err}");
        assert!(err.message().contains(kind), "{xml}: {err}");
        for secret in ["Hans", "0101901234"] {
            assert!(!err.to_json().contains(secret), "{xml}: {err}");
        }
    }
}

/// The JSON rules of the error boundary, through the public entry points: a syntax error
/// is `invalid_json` where reading stopped; a wrong type, unknown or missing field is the
/// document's content code (`invalid_input` for a request, `invalid_policy` for a policy
/// or a catalogue) at the value's path.
#[test]
fn json_errors_are_classified_by_kind() {
    let engine = Engine::from_policy_json(POLICY).unwrap();
    let request = |r: Value| engine.overview_json(&r.to_string()).unwrap_err();
    let syntax = engine
        .overview_json(r#"{"as_of": "2026-11-23", "subject": {"cpr": }"#)
        .unwrap_err();
    assert_eq!(
        (syntax.code(), syntax.path()),
        (ErrorCode::InvalidJson, "subject.cpr")
    );
    assert!(
        syntax
            .message()
            .ends_with("expected value at line 1 column 44"),
        "{syntax}"
    );

    let wrong_type = request(set(base_request(), "/cases/0/void", json!("Hemmelig")));
    assert_eq!(
        (wrong_type.code(), wrong_type.path(), wrong_type.message()),
        (
            ErrorCode::InvalidInput,
            "cases[0].void",
            "invalid type: expected a boolean"
        )
    );
    let unknown = request(set(base_request(), "/viewer/name", json!("Hans")));
    assert_eq!(
        (unknown.code(), unknown.path()),
        (ErrorCode::InvalidInput, "viewer.name")
    );
    assert!(
        unknown
            .message()
            .starts_with("unknown field `name`, expected"),
        "{unknown}"
    );
    let missing = request(remove(base_request(), "/viewer/role"));
    assert_eq!(
        (missing.code(), missing.path(), missing.message()),
        (ErrorCode::InvalidInput, "viewer", "missing field `role`")
    );

    let policy = Engine::from_policy_json(r#"{"id": 1, "kle": {"include": []}}"#).unwrap_err();
    assert_eq!(
        (policy.code(), policy.path()),
        (ErrorCode::InvalidPolicy, "id")
    );
    let policy = Engine::from_policy_json(r#"{"id": "p"}"#).unwrap_err();
    assert_eq!(
        (policy.code(), policy.path(), policy.message()),
        (ErrorCode::InvalidPolicy, "", "missing field `kle`")
    );
    let catalogue =
        Catalogue::from_json(r#"{"entries": [{"number": "32", "title": 7}]}"#).unwrap_err();
    assert_eq!(
        (catalogue.code(), catalogue.path(), catalogue.message()),
        (
            ErrorCode::InvalidPolicy,
            "entries[0].title",
            "expected a string"
        )
    );
    for not_an_object in ["[]", "null", "\"Hans\""] {
        let err = engine.overview_json(not_an_object).unwrap_err();
        assert_eq!(
            (err.code(), err.path(), err.message()),
            (ErrorCode::InvalidInput, "", "expected a JSON object"),
            "{not_an_object}"
        );
    }
}
