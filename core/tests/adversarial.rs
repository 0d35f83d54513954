//! Adversarial input (the reliability issue, item 4) and the no-leak check (item 5):
//! every error path we can trigger, and every explanation of the conformance vectors,
//! must carry no CPR number (10 digits or `DDMMYY-SSSS`) and no title from the input.
//!
//! Invalid UTF-8 cannot reach the core (`&str` is UTF-8): it is tested at the C binding;
//! here it is tested where bytes are decoded in the core, the NemLog-in claim.

use base64::Engine as _;
use egensag::{Engine, Error, ErrorCode};
use serde_json::{json, Value};

const POLICY: &str =
    r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}, "privileges": {"urn:x:view": "read"}}"#;
const SUBJECT: &str = "0101901234";
const VIEWER: &str = "0202804321";
const OTHER: &str = "0303701111";
const TITLE: &str = "Hemmelig titel om Hans Hansen";

fn base() -> Value {
    json!({
        "as_of": "2026-11-23",
        "subject": {"cpr": SUBJECT},
        "viewer": {"cpr": SUBJECT, "role": "self"},
        "cases": [{"id": "S-1", "source": "KSD", "title": TITLE, "kle": "32.30.04",
                   "parties": [{"cpr": SUBJECT, "role": "primary"}], "created": "2026-09-01"}],
        "benefits": [{"id": "B-1", "source": "KY", "kle": "32.24.04", "name": "Kontanthjælp til Hans", "recipient": SUBJECT,
                      "created": "2026-01-01", "grant": {"from": "2026-02-01", "amount_ore": 100000},
                      "payments": [{"id": "P-1", "period_from": "2026-02-01", "period_to": "2026-02-28",
                                    "disposition_date": "2026-02-27", "gross_ore": 100000, "net_ore": 80000, "status": "paid"}]}]
    })
}

#[expect(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn with(pointer: &str, value: Value) -> String {
    let mut doc = base();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match doc.pointer_mut(parent).unwrap() {
        Value::Object(map) => {
            map.insert(key.to_owned(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{pointer}"),
    }
    doc.to_string()
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn engine() -> Engine {
    Engine::from_policy_json(POLICY).unwrap()
}

/// Every adversarial request that must be rejected whole: (what, text, code, path).
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn rejected() -> Vec<(&'static str, String, ErrorCode, &'static str)> {
    let b = || base().to_string();
    vec![
        (
            "duplicate key",
            b().replacen(
                "\"as_of\":\"2026-11-23\"",
                "\"as_of\":\"2026-11-23\",\"as_of\":\"2026-11-24\"",
                1,
            ),
            ErrorCode::InvalidInput,
            "",
        ),
        (
            "duplicate key in a record",
            b().replacen("\"id\":\"S-1\"", "\"id\":\"S-1\",\"id\":\"S-2\"", 1),
            ErrorCode::InvalidInput,
            "cases[0]",
        ),
        (
            "amount beyond i64",
            with("/benefits/0/grant/amount_ore", json!(1)).replacen(
                "\"amount_ore\":1",
                "\"amount_ore\":9223372036854775808",
                1,
            ),
            ErrorCode::InvalidInput,
            "benefits[0].grant.amount_ore",
        ),
        (
            "amount as a float",
            with("/benefits/0/grant/amount_ore", json!(1.5)),
            ErrorCode::InvalidInput,
            "benefits[0].grant.amount_ore",
        ),
        (
            "amount 1e30",
            with("/benefits/0/grant/amount_ore", json!(1)).replacen(
                "\"amount_ore\":1",
                "\"amount_ore\":1e30",
                1,
            ),
            ErrorCode::InvalidInput,
            "benefits[0].grant.amount_ore",
        ),
        (
            "as_of year 10000",
            with("/as_of", json!("10000-01-01")),
            ErrorCode::InvalidInput,
            "as_of",
        ),
        (
            "as_of 30 February",
            with("/as_of", json!("2026-02-30")),
            ErrorCode::InvalidInput,
            "as_of",
        ),
        (
            "as_of year 0",
            with("/as_of", json!("0000-00-00")),
            ErrorCode::InvalidInput,
            "as_of",
        ),
        (
            "created out of range",
            with("/cases/0/created", json!("+262143-12-31")),
            ErrorCode::InvalidInput,
            "cases[0].created",
        ),
        (
            "date-time out of range",
            {
                let mut d = base();
                d["cases"][0]["progress"] =
                    json!([{"state": "oplyst", "at": "2026-02-30T10:00:00+25:00"}]);
                d.to_string()
            },
            ErrorCode::InvalidInput,
            "cases[0].progress[0].at",
        ),
        (
            "impossible CPR date (subject)",
            with("/subject/cpr", json!("3102901234")),
            ErrorCode::InvalidInput,
            "subject.cpr",
        ),
        (
            "impossible CPR date (viewer)",
            with("/viewer/cpr", json!("2902014234")),
            ErrorCode::InvalidInput,
            "viewer.cpr",
        ),
        (
            "CPR with non-ASCII digits",
            with("/subject/cpr", json!("０１０１９０１２３４")),
            ErrorCode::InvalidInput,
            "subject.cpr",
        ),
        (
            "mandate with impossible CPR",
            {
                let mut d = base();
                d["mandates"] = json!([{"id": "m", "kind": "fuldmagt", "holder": "3102901234", "subject": SUBJECT, "valid_from": "2026-01-01"}]);
                d.to_string()
            },
            ErrorCode::InvalidInput,
            "mandates[0].holder",
        ),
        (
            "mandate pattern with non-ASCII digits",
            {
                let mut d = base();
                d["mandates"] = json!([{"id": "m", "kind": "fuldmagt", "holder": VIEWER, "subject": SUBJECT, "valid_from": "2026-01-01", "scope": {"kle": ["٣٢.*"]}}]);
                d.to_string()
            },
            ErrorCode::InvalidInput,
            "mandates[0].scope.kle[0]",
        ),
        (
            "unknown field named by a CPR",
            {
                let mut d = base();
                d[SUBJECT] = json!(1);
                d.to_string()
            },
            ErrorCode::InvalidInput,
            "010190-XXXX",
        ),
        (
            "unknown field named by a title",
            {
                let mut d = base();
                d["cases"][0][TITLE] = json!(1);
                d.to_string()
            },
            ErrorCode::InvalidInput,
            "cases[0].?",
        ),
        (
            "unknown role holding a CPR",
            with("/viewer/role", json!(SUBJECT)),
            ErrorCode::InvalidInput,
            "viewer.role",
        ),
        (
            "title where a number belongs",
            with("/benefits/0/grant/amount_ore", json!(TITLE)),
            ErrorCode::InvalidInput,
            "benefits[0].grant.amount_ore",
        ),
        (
            "CPR where a bool belongs",
            with("/cases/0/void", json!(SUBJECT)),
            ErrorCode::InvalidInput,
            "cases[0].void",
        ),
        (
            "CPR as a number",
            with("/subject/cpr", json!(101901234)),
            ErrorCode::InvalidInput,
            "subject.cpr",
        ),
        (
            "title as JSON garbage",
            format!("{{\"as_of\": \"2026-11-23\", \"cases\": {TITLE}}}"),
            ErrorCode::InvalidJson,
            "cases",
        ),
        (
            "CPR in JSON garbage",
            format!("{{\"as_of\": {SUBJECT}-"),
            ErrorCode::InvalidJson,
            "as_of",
        ),
        (
            "lone surrogate",
            with("/cases/0/title", json!("x")).replacen(
                "\"title\":\"x\"",
                "\"title\":\"\\ud800\"",
                1,
            ),
            ErrorCode::InvalidInput,
            "cases[0].title",
        ),
        (
            "claim not base64",
            {
                let mut d = base();
                d["privileges_intermediate"] = json!("!!!");
                d.to_string()
            },
            ErrorCode::InvalidInput,
            "privileges_intermediate",
        ),
        (
            "claim not UTF-8",
            {
                let mut d = base();
                d["privileges_intermediate"] = json!(
                    base64::engine::general_purpose::STANDARD.encode([0x3c, 0xff, 0xfe, 0x3e])
                );
                d.to_string()
            },
            ErrorCode::InvalidInput,
            "privileges_intermediate",
        ),
        (
            "claim truncated XML holding a CPR",
            {
                let mut d = base();
                d["privileges_intermediate"] = json!(base64::engine::general_purpose::STANDARD.encode(format!("<bpp:PrivilegeList xmlns:bpp=\"http://digst.dk/oiosaml/basic_privilege_profile\"><PrivilegeGroup Scope=\"urn:dk:gov:saml:cprNumberIdentifier:{OTHER}\">")));
                d.to_string()
            },
            ErrorCode::InvalidInput,
            "privileges_intermediate",
        ),
        (
            "claim scope with an impossible CPR",
            {
                let mut d = base();
                d["privileges_intermediate"] = json!(base64::engine::general_purpose::STANDARD.encode("<bpp:PrivilegeList xmlns:bpp=\"http://digst.dk/oiosaml/basic_privilege_profile\"><PrivilegeGroup Scope=\"urn:dk:gov:saml:cprNumberIdentifier:3102901234\"><Privilege>urn:x:view</Privilege></PrivilegeGroup></bpp:PrivilegeList>"));
                d.to_string()
            },
            ErrorCode::InvalidInput,
            "privileges_intermediate.PrivilegeGroup[1].Scope",
        ),
    ]
}

/// The titles of the inputs above.
fn titles() -> Vec<String> {
    vec![
        TITLE.to_owned(),
        "Hans Hansen".to_owned(),
        "Kontanthjælp til Hans".to_owned(),
    ]
}

/// Every CPR number of the inputs above, in both spellings.
fn secrets() -> Vec<String> {
    let mut out = Vec::new();
    for cpr in [SUBJECT, VIEWER, OTHER, "3102901234", "2902014234"] {
        out.push(cpr.to_owned());
        out.push(format!("{}-{}", &cpr[..6], &cpr[6..]));
    }
    out
}

/// No CPR-like run (10 digits, or 6 digits, a dash and 4 digits) and no secret.
fn assert_clean(what: &str, text: &str, titles: &[String]) {
    let bytes = text.as_bytes();
    let mut run = 0;
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            run += 1;
            assert!(run < 10, "{what}: a 10-digit run in {text}");
        } else {
            if *b == b'-' && run >= 6 {
                let after = bytes.get(i + 1..i + 5).unwrap_or_default();
                assert!(
                    !(after.len() == 4 && after.iter().all(u8::is_ascii_digit)),
                    "{what}: DDMMYY-SSSS in {text}"
                );
            }
            run = 0;
        }
    }
    for secret in secrets().iter().chain(titles) {
        assert!(
            !text.contains(secret.as_str()),
            "{what}: `{secret}` in {text}"
        );
    }
}

fn assert_error_clean(what: &str, e: &Error, titles: &[String]) {
    let titles: Vec<String> = titles.iter().cloned().chain(self::titles()).collect();
    let titles = &titles[..];
    assert_clean(what, e.message(), titles);
    assert_clean(what, e.path(), titles);
    assert_clean(what, &e.to_json(), titles);
    assert_clean(what, &e.to_string(), titles);
}

#[test]
fn adversarial_requests_are_rejected_with_code_and_path_and_leak_nothing() {
    let engine = engine();
    for (what, text, code, path) in rejected() {
        let err = engine.overview_json(&text).expect_err(what);
        assert_eq!((err.code(), err.path()), (code, path), "{what}: {err}");
        assert_error_clean(what, &err, &[]);
        // Every entry point gives the same error.
        assert_eq!(engine.explain_json(&text).unwrap_err(), err, "{what}");
        // `validate` reads the claim only when deciding, so it checks structure alone.
        if !what.starts_with("claim") {
            assert_eq!(engine.validate_json(&text).unwrap_err(), err, "{what}");
        }
    }
}

#[test]
fn duplicate_privilege_uris_reject_the_policy() {
    let err = Engine::from_policy_json(
        r#"{"id": "p", "kle": {"include": []}, "privileges": {"urn:x:view": "read", "urn:x:view": "act"}}"#,
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidPolicy);
    assert!(err.path().starts_with("privileges"), "{}", err.path());
    // Duplicate keys anywhere else in a policy are rejected too.
    let err =
        Engine::from_policy_json(r#"{"id": "p", "id": "q", "kle": {"include": []}}"#).unwrap_err();
    assert_eq!((err.code(), err.path()), (ErrorCode::InvalidPolicy, ""));
    assert!(
        err.message().contains("duplicate field"),
        "{}",
        err.message()
    );
    // KLE patterns with non-ASCII digits are malformed.
    let err =
        Engine::from_policy_json(r#"{"id": "p", "kle": {"include": [{"pattern": "３２.*"}]}}"#)
            .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        (ErrorCode::InvalidPolicy, "kle.include[0].pattern")
    );
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn explain(engine: &Engine, text: &str) -> Vec<(bool, Vec<String>)> {
    let x = engine
        .explain(&engine.parse_request(text).unwrap())
        .unwrap();
    x.entries
        .iter()
        .map(|e| {
            (
                e.visible,
                e.reasons.iter().map(|r| r.as_str().to_owned()).collect(),
            )
        })
        .collect()
}

#[test]
fn malformed_record_fields_hide_the_record_only() {
    let engine = engine();
    for (what, pointer, value, reason) in [
        (
            "KLE with fullwidth digits",
            "/cases/0/kle",
            json!("３２.３０.０４"),
            "kle.invalid",
        ),
        (
            "KLE with Arabic-Indic digits",
            "/cases/0/kle",
            json!("٣٢.٣٠.٠٤"),
            "kle.invalid",
        ),
        (
            "KLE with superscript digits",
            "/cases/0/kle",
            json!("³².³⁰.⁰⁴"),
            "kle.invalid",
        ),
        (
            "facet with a non-ASCII digit",
            "/cases/0/facet",
            json!("G٠1"),
            "kle.invalid",
        ),
        (
            "party with an impossible CPR date",
            "/cases/0/parties/0/cpr",
            json!("3102901234"),
            "subject.no_cpr",
        ),
        (
            "recipient 29 February of a common year",
            "/benefits/0/recipient",
            json!("2902014234"),
            "subject.no_cpr",
        ),
    ] {
        let text = with(pointer, value);
        let entries = explain(&engine, &text);
        let index = if pointer.starts_with("/cases") { 0 } else { 1 };
        assert!(!entries[index].0, "{what}");
        assert!(
            entries[index].1.iter().any(|r| r == reason),
            "{what}: {:?}",
            entries[index].1
        );
        let report = engine.validate_json(&text).unwrap();
        assert_clean(what, &report, &[]);
        assert_clean(what, &engine.explain_json(&text).unwrap(), &[]);
    }
}

/// A record's own malformed values (DOMAIN.md section 7) hide that record alone with
/// `error.<kind>`; the request is answered and `validate` names the value. (Before, each
/// of these rejected the whole request.)
#[test]
fn malformed_record_values_hide_the_record_only() {
    let engine = engine();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut d = base();
        f(&mut d);
        d.to_string()
    };
    for (what, text, path, reason) in [
        (
            "negative grant",
            with("/benefits/0/grant/amount_ore", json!(-1)),
            "benefits[0].grant.amount_ore",
            "error.invalid_amount",
        ),
        (
            "negative net",
            with("/benefits/0/payments/0/net_ore", json!(-1)),
            "benefits[0].payments[0].net_ore",
            "error.invalid_amount",
        ),
        (
            "negative gross",
            with("/benefits/0/payments/0/gross_ore", json!(i64::MIN)),
            "benefits[0].payments[0].gross_ore",
            "error.invalid_amount",
        ),
        (
            "negative debt",
            edit(&|d| d["benefits"][0]["debt_ore"] = json!(-5)),
            "benefits[0].debt_ore",
            "error.invalid_amount",
        ),
        (
            "period backwards",
            with("/benefits/0/payments/0/period_to", json!("2026-01-01")),
            "benefits[0].payments[0].period_to",
            "error.invalid_period",
        ),
        (
            "grant ends before it starts",
            edit(&|d| d["benefits"][0]["grant"]["to"] = json!("2026-01-01")),
            "benefits[0].grant.to",
            "error.invalid_period",
        ),
        (
            "payment id twice",
            edit(&|d| {
                let p = d["benefits"][0]["payments"][0].clone();
                d["benefits"][0]["payments"].as_array_mut().unwrap().push(p);
            }),
            "benefits[0].payments[1].id",
            "error.duplicate_payment",
        ),
    ] {
        let entries = explain(&engine, &text);
        assert_eq!(
            entries[0],
            (true, vec![]),
            "{what}: the case is still shown"
        );
        assert_eq!(entries[1], (false, vec![reason.to_owned()]), "{what}");
        let overview = engine
            .overview(&engine.parse_request(&text).unwrap())
            .unwrap();
        assert_eq!(
            (overview.cases.len(), overview.benefits.len()),
            (1, 0),
            "{what}"
        );
        assert_eq!(
            overview.totals,
            Default::default(),
            "{what}: no trace in the totals"
        );
        let report: Value = serde_json::from_str(&engine.validate_json(&text).unwrap()).unwrap();
        assert!(
            report["problems"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["code"] == reason && p["path"] == path),
            "{what}: {report}"
        );
        assert_clean(what, &report.to_string(), &[]);
    }
    // An appointment that ends before it starts.
    let text = edit(&|d| {
        d["appointments"] = json!([{"id": "A-1", "source": "DOMUS", "kle": "32.30.04",
            "participants": [SUBJECT], "start": "2026-12-01T10:00:00+01:00",
            "end": "2026-12-01T09:00:00+01:00", "kind": "home_visit", "with_role": "hjemmepleje",
            "what": []}]);
    });
    assert_eq!(
        explain(&engine, &text)[2],
        (false, vec!["error.invalid_period".to_owned()])
    );
    assert!(engine
        .validate_json(&text)
        .unwrap()
        .contains(r#""path":"appointments[0].end""#));
    // A record the rules hide is decided first: a void benefit's negative amount gives
    // only `record.void`.
    let text = edit(&|d| {
        d["benefits"][0]["void"] = json!(true);
        d["benefits"][0]["grant"]["amount_ore"] = json!(-1);
    });
    assert_eq!(
        explain(&engine, &text)[1],
        (false, vec!["record.void".to_owned()])
    );
}

#[test]
fn o_slash_facets_in_both_normalisation_forms_decide_alike() {
    let engine = Engine::from_policy_json(
        r#"{"id": "p", "kle": {"include": [{"pattern": "32.*", "facets": ["O\u0338 01"]}]}}"#
            .replace("O\\u0338 01", "\u{d8}01")
            .as_str(),
    )
    .unwrap();
    let nfd = Engine::from_policy_json(
        r#"{"id": "p", "kle": {"include": [{"pattern": "32.*", "facets": ["O\u0338 01"]}]}}"#
            .replace(' ', "")
            .as_str(),
    )
    .unwrap();
    for facet in ["\u{d8}01", "O\u{338}01"] {
        let text = with("/cases/0/facet", json!(facet));
        for e in [&engine, &nfd] {
            let entries = explain(e, &text);
            assert!(entries[0].0, "{facet:?}: {:?}", entries[0].1);
            let overview = e.overview_json(&text).unwrap();
            assert!(overview.contains("S-1"));
        }
    }
    // A lowercase ø, or Ø followed by a combining mark, is not a facet.
    for facet in ["\u{f8}01", "\u{d8}\u{301}01"] {
        assert!(
            explain(&engine, &with("/cases/0/facet", json!(facet)))[0]
                .1
                .contains(&"kle.invalid".to_owned()),
            "{facet:?}"
        );
    }
}

#[test]
fn a_mandate_or_consent_about_another_subject_grants_nothing() {
    let engine = engine();
    let mut proxy = base();
    proxy["viewer"] = json!({"cpr": VIEWER, "role": "proxy"});
    proxy["mandates"] = json!([{"id": "m1", "kind": "fuldmagt", "holder": VIEWER, "subject": OTHER,
                                "valid_from": "2026-01-01", "privileges": ["read"]}]);
    let entries = explain(&engine, &proxy.to_string());
    assert!(
        entries
            .iter()
            .all(|e| !e.0 && e.1.contains(&"mandate.missing".to_owned())),
        "{entries:?}"
    );

    let mut relative = base();
    relative["viewer"] = json!({"cpr": VIEWER, "role": "relative"});
    relative["consents"] = json!([{"id": "c1", "kind": "samtykke", "subject": OTHER, "recipient": VIEWER,
                                   "purposes": ["view"], "valid_from": "2026-01-01"}]);
    let entries = explain(&engine, &relative.to_string());
    assert!(
        entries
            .iter()
            .all(|e| !e.0 && e.1.contains(&"consent.missing".to_owned())),
        "{entries:?}"
    );

    // An objection by someone else does not hide the subject's records from a consented viewer.
    relative["consents"] = json!([
        {"id": "c1", "kind": "samtykke", "subject": SUBJECT, "recipient": VIEWER, "purposes": ["view"], "valid_from": "2026-01-01"},
        {"id": "c2", "kind": "frabedelse", "subject": OTHER, "recipient": VIEWER, "valid_from": "2026-01-01"}
    ]);
    assert!(explain(&engine, &relative.to_string()).iter().all(|e| e.0));
    // A consent given to someone else does not reach this viewer.
    relative["consents"] = json!([{"id": "c1", "kind": "samtykke", "subject": SUBJECT, "recipient": OTHER,
                                   "purposes": ["view"], "valid_from": "2026-01-01"}]);
    assert!(explain(&engine, &relative.to_string()).iter().all(|e| !e.0));
    // A claim naming another citizen grants nothing for this subject.
    let mut claimed = base();
    claimed["viewer"] = json!({"cpr": VIEWER, "role": "proxy"});
    claimed["privileges_intermediate"] = json!(base64::engine::general_purpose::STANDARD.encode(format!(
        "<bpp:PrivilegeList xmlns:bpp=\"http://digst.dk/oiosaml/basic_privilege_profile\"><PrivilegeGroup Scope=\"urn:dk:gov:saml:cprNumberIdentifier:{OTHER}\"><Privilege>urn:x:view</Privilege></PrivilegeGroup></bpp:PrivilegeList>")));
    assert!(explain(&engine, &claimed.to_string()).iter().all(|e| !e.0));
}

#[test]
fn contradictory_flags_fail_closed() {
    let engine = engine();
    let mut doc = base();
    let case = &mut doc["cases"][0];
    case["void"] = json!(true);
    case["withheld_from_citizen"] = json!(true);
    case["withheld_from_representatives"] = json!(false);
    case["title_restricted"] = json!(true);
    case["progress"] = json!([{"state": "afsluttet", "at": "2026-09-02"}, {"state": "opstaaet", "at": "2026-09-02"}]);
    case["outcome"] = json!("bevilget");
    // A party that is both primary and secondary, and a party with CPR and CVR at once.
    case["parties"] = json!([{"cpr": SUBJECT, "role": "primary"}, {"cpr": SUBJECT, "role": "secondary"},
                             {"cpr": OTHER, "cvr": "12345678", "role": "owner"}]);
    let entries = explain(&engine, &doc.to_string());
    assert!(!entries[0].0);
    assert_eq!(
        entries[0].1[..2],
        ["record.void".to_owned(), "record.withheld".to_owned()]
    );
    let overview = engine.overview_json(&doc.to_string()).unwrap();
    assert!(!overview.contains("S-1"));
    assert_clean("contradictory flags", &overview, &[TITLE.to_owned()]);
    // Role `self` for someone who is not the subject, with a valid mandate: still denied.
    let mut impostor = base();
    impostor["viewer"] = json!({"cpr": VIEWER, "role": "self"});
    impostor["mandates"] = json!([{"id": "m1", "kind": "fuldmagt", "holder": VIEWER, "subject": SUBJECT,
                                   "valid_from": "2026-01-01", "privileges": ["read"]}]);
    assert!(explain(&engine, &impostor.to_string())
        .iter()
        .all(|e| !e.0 && e.1.contains(&"viewer.not_subject".to_owned())));
    // A consent that is both an objection and a consent (two entries): the objection wins.
    let mut both = base();
    both["viewer"] = json!({"cpr": VIEWER, "role": "relative"});
    both["consents"] = json!([
        {"id": "c1", "kind": "samtykke", "subject": SUBJECT, "recipient": VIEWER, "purposes": ["view"], "valid_from": "2026-01-01"},
        {"id": "c2", "kind": "frabedelse", "subject": SUBJECT, "recipient": VIEWER, "valid_from": "2026-01-01"}
    ]);
    assert!(explain(&engine, &both.to_string())
        .iter()
        .all(|e| !e.0 && e.1.contains(&"consent.objection".to_owned())));
    // A mandate revoked before it starts, and one valid_to before valid_from: not in force.
    let mut odd = base();
    odd["viewer"] = json!({"cpr": VIEWER, "role": "proxy"});
    odd["mandates"] = json!([
        {"id": "m1", "kind": "fuldmagt", "holder": VIEWER, "subject": SUBJECT, "valid_from": "2026-01-01", "revoked_at": "2025-01-01", "privileges": ["read"]},
        {"id": "m2", "kind": "fuldmagt", "holder": VIEWER, "subject": SUBJECT, "valid_from": "2026-01-01", "valid_to": "2025-01-01", "privileges": ["read"]}
    ]);
    assert!(explain(&engine, &odd.to_string())
        .iter()
        .all(|e| !e.0 && e.1.contains(&"mandate.not_in_force".to_owned())));
}

/// Every string in a JSON document at one of the title-like keys.
fn titles_in(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if ["title", "name", "what", "place", "local_status", "initials"]
                    .contains(&k.as_str())
                {
                    match v {
                        Value::String(s) if s.chars().count() >= 4 => out.push(s.clone()),
                        Value::Array(items) => out.extend(
                            items
                                .iter()
                                .filter_map(|i| i.as_str())
                                .filter(|s| s.chars().count() >= 4)
                                .map(str::to_owned),
                        ),
                        _ => {}
                    }
                }
                titles_in(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| titles_in(v, out)),
        _ => {}
    }
}

#[test]
fn no_error_or_explanation_of_the_vectors_leaks_a_cpr_number_or_title() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut checked = 0;
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
        let (Some(policy), Some(request)) = (read("policy.json"), read("request.json")) else {
            continue;
        };
        let engine = match Engine::from_json(&policy, read("catalogue.xml").as_deref()) {
            Ok(e) => e,
            Err(e) => {
                assert_error_clean(&dir.display().to_string(), &e, &[]);
                continue;
            }
        };
        let mut titles = Vec::new();
        if let Ok(v) = serde_json::from_str::<Value>(&request) {
            titles_in(&v, &mut titles);
        }
        let what = dir.display().to_string();
        match engine.explain_json(&request) {
            Ok(x) => assert_clean(&what, &x, &titles),
            Err(e) => assert_error_clean(&what, &e, &titles),
        }
        if let Ok(report) = engine.validate_json(&request) {
            assert_clean(&what, &report, &titles);
        }
        if let (Some(previous), Some(current)) = (read("previous.json"), read("overview.json")) {
            // Notifications carry titles by design (they are for the citizen); their
            // errors must not.
            if let Err(e) = engine.notifications_json(&current, &previous) {
                assert_error_clean(&what, &e, &titles);
            }
            let broken = previous.replacen("\"cases\"", "\"Kases\"", 1);
            if let Err(e) = engine.notifications_json(&broken, &current) {
                assert_error_clean(&what, &e, &titles);
            }
        }
        // Every record made malformed in turn: the errors carry no title or CPR number.
        if let Ok(v) = serde_json::from_str::<Value>(&request) {
            for kind in ["cases", "benefits", "appointments"] {
                for i in 0..v[kind].as_array().map_or(0, Vec::len) {
                    for field in ["created", "source", "void", "start", "recipient", "parties"] {
                        let mut broken = v.clone();
                        if broken[kind][i].get(field).is_none() {
                            continue;
                        }
                        broken[kind][i][field] =
                            json!({"x": titles.first().cloned().unwrap_or_default()});
                        if let Err(e) = engine.explain_json(&broken.to_string()) {
                            assert_error_clean(&what, &e, &titles);
                        }
                    }
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} vectors checked");
}

#[test]
fn policy_and_catalogue_errors_leak_nothing() {
    let engine = engine();
    for (what, text) in [
        (
            "privilege URI holding a CPR",
            format!(
                r#"{{"id": "p", "kle": {{"include": []}}, "privileges": {{"urn:{SUBJECT}": "admin"}}}}"#
            ),
        ),
        (
            "pattern holding a CPR",
            format!(r#"{{"id": "p", "kle": {{"include": [{{"pattern": "{SUBJECT}"}}]}}}}"#),
        ),
        (
            "source list holding a title",
            format!(r#"{{"id": "p", "kle": {{"include": []}}, "sources": "{TITLE}"}}"#),
        ),
    ] {
        let err = Engine::from_policy_json(&text).unwrap_err();
        assert_error_clean(what, &err, &[]);
    }
    for (what, text) in [
        ("catalogue title not closed", format!("<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>{SUBJECT}</HovedgruppeNr><HovedgruppeTitel>{TITLE}")),
        ("catalogue number holding a CPR", format!("<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>{SUBJECT}</HovedgruppeNr><HovedgruppeTitel>{TITLE}</HovedgruppeTitel></Hovedgruppe></KLE-Emneplan>")),
        ("catalogue JSON", format!(r#"{{"entries": [{{"number": "{SUBJECT}", "title": "{TITLE}"}}]}}"#)),
    ] {
        let err = Engine::from_json(POLICY, Some(&text)).unwrap_err();
        assert_error_clean(what, &err, &[]);
    }
    let _ = engine;
}
