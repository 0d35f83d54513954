//! Input limits (DOMAIN.md section 2, `Limits` in the policy): oversized, too deeply
//! nested, too many records, too long strings and too many payments are refused with
//! `limit_exceeded` and a path, quickly and with bounded memory: never an out-of-memory
//! or a stack overflow.

use egensag::{Engine, ErrorCode};
use serde_json::json;
use std::time::{Duration, Instant};

const POLICY: &str = r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}}"#;

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn engine() -> Engine {
    Engine::from_policy_json(POLICY).unwrap()
}

fn head() -> String {
    r#"{"as_of": "2026-11-23", "subject": {"cpr": "0101901234"}, "viewer": {"cpr": "0101901234", "role": "self"}"#.to_owned()
}

fn case(i: usize) -> serde_json::Value {
    json!({"id": format!("S-{i}"), "source": "KSD", "title": "T", "kle": "32.30.04",
           "parties": [{"cpr": "0101901234", "role": "primary"}], "created": "2026-09-01"})
}

/// Peak resident memory of this process, in kB (Linux).
fn vm_hwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_100_mb_request_is_refused_quickly_with_bounded_memory() {
    let engine = engine();
    // 100 MB: a valid head and one huge array of cases' worth of filler.
    let mut text = head();
    text.push_str(r#", "cases": ["#);
    let filler = case(0).to_string();
    while text.len() < 100 * 1024 * 1024 {
        text.push_str(&filler);
        text.push(',');
    }
    text.push_str(&filler);
    text.push_str("]}");
    let before = vm_hwm_kb();
    let started = Instant::now();
    let err = engine.overview_json(&text).unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(err.code(), ErrorCode::LimitExceeded);
    assert_eq!(err.path(), "");
    assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
    if let (Some(before), Some(after)) = (before, vm_hwm_kb()) {
        let input_kb = (text.len() / 1024) as u64;
        // The input itself is already counted in `before`; refusing it adds next to nothing.
        assert!(
            after.saturating_sub(before) < input_kb,
            "peak grew {} kB for a {} kB input",
            after - before,
            input_kb
        );
    }
}

#[test]
fn a_10000_level_nested_array_is_refused() {
    let engine = engine();
    for nested in [
        "[".repeat(10_000) + &"]".repeat(10_000),
        format!(
            "{}, \"cases\": {}{}}}",
            head(),
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    ] {
        let started = Instant::now();
        let err = engine.overview_json(&nested).unwrap_err();
        assert_eq!(err.code(), ErrorCode::LimitExceeded, "{err}");
        assert!(started.elapsed() < Duration::from_secs(1));
    }
    // The path says where: the deepest container allowed.
    let err = engine
        .overview_json(&format!(
            "{}, \"cases\": {}{}}}",
            head(),
            "[".repeat(100),
            "]".repeat(100)
        ))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::LimitExceeded);
    assert!(err.path().starts_with("cases[0]"), "{}", err.path());
    // Unclosed nesting (not even JSON) is refused by the limit too, not by recursion.
    assert_eq!(
        engine
            .overview_json(&"{\"a\":".repeat(50_000))
            .unwrap_err()
            .code(),
        ErrorCode::LimitExceeded
    );
    // Also for the overviews given to notifications, the catalogue (JSON) and the policy.
    let deep = "[".repeat(10_000);
    assert_eq!(
        engine.notifications_json(&deep, "{}").unwrap_err().code(),
        ErrorCode::LimitExceeded
    );
    assert!(Engine::from_policy_json(&deep).is_err());
    assert!(Engine::from_json(POLICY, Some(&format!("{{\"entries\": {deep}"))).is_err());
}

#[test]
fn too_many_records_are_refused_before_parsing() {
    let engine = Engine::from_policy_json(
        r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}, "limits": {"max_records": 3}}"#,
    )
    .unwrap();
    let cases: Vec<_> = (0..4).map(case).collect();
    let text = format!(
        "{}, \"cases\": {}}}",
        head(),
        serde_json::to_string(&cases).unwrap()
    );
    let err = engine.overview_json(&text).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        (ErrorCode::LimitExceeded, "cases[3]")
    );
    // Records of all three kinds count together.
    let text = format!(
        "{}, \"cases\": {}, \"appointments\": [{{}}, {{}}]}}",
        head(),
        serde_json::to_string(&cases[..2]).unwrap()
    );
    let err = engine.overview_json(&text).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        (ErrorCode::LimitExceeded, "appointments[1]")
    );
    // Three are fine.
    let text = format!(
        "{}, \"cases\": {}}}",
        head(),
        serde_json::to_string(&cases[..3]).unwrap()
    );
    assert!(engine.overview_json(&text).is_ok());
    // The default allows 20,000; 20,001 empty objects are refused without parsing them.
    let many = format!("{}, \"cases\": [{}{{}}]}}", head(), "{},".repeat(20_000));
    let err = egensag::Engine::from_policy_json(POLICY)
        .unwrap()
        .overview_json(&many)
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        (ErrorCode::LimitExceeded, "cases[20000]")
    );
}

#[test]
fn an_escaped_record_list_key_is_counted_as_the_parser_reads_it() {
    // `"c\u0061ses"` is `"cases"` to the parser; the pre-scan must count its elements too,
    // or memory is bounded only by the input's size.
    for (key, list) in [
        (r"c\u0061ses", "cases"),
        (r"\u0063\u0061\u0073\u0065\u0073", "cases"),
        (r"benefit\u0073", "benefits"),
        (r"appointment\u0073", "appointments"),
    ] {
        let many = format!("{}, \"{key}\": [{}{{}}]}}", head(), "{},".repeat(20_000));
        let err = engine().overview_json(&many).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            (ErrorCode::LimitExceeded, format!("{list}[20000]").as_str()),
            "{key}"
        );
    }
}

#[test]
fn a_too_long_string_is_refused_with_its_path() {
    let engine = engine();
    let mut c = case(0);
    c["title"] = json!("x".repeat(64 * 1024 + 1));
    let text = format!("{}, \"cases\": [{}]}}", head(), c);
    let err = engine.overview_json(&text).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        (ErrorCode::LimitExceeded, "cases[0].title")
    );
    // Exactly the limit is fine.
    c["title"] = json!("x".repeat(64 * 1024));
    assert!(engine
        .overview_json(&format!("{}, \"cases\": [{}]}}", head(), c))
        .is_ok());
    // Escapes count as what they decode to (at most): \u00e6 is "æ", two bytes, counted as three.
    c["title"] = json!("\u{e6}".repeat(30 * 1024));
    let escaped = format!("{}, \"cases\": [{}]}}", head(), c).replace('\u{e6}', "\\u00e6");
    assert!(engine.overview_json(&escaped).is_err());
    // A huge key is refused too, and not shown in the path.
    let text = format!("{{\"{}\": 1}}", "k".repeat(70_000));
    let err = engine.overview_json(&text).unwrap_err();
    assert_eq!((err.code(), err.path()), (ErrorCode::LimitExceeded, ""));
    // A key that could be personal data is replaced in the path.
    let text = format!("{}, \"Hans Hansen\": \"{}\"}}", head(), "x".repeat(70_000));
    let err = engine.overview_json(&text).unwrap_err();
    assert_eq!((err.code(), err.path()), (ErrorCode::LimitExceeded, "?"));
}

/// Too many items in one record hide that record (`error.too_many_items`) and `validate`
/// names the list; the rest of the request is answered (before: the whole request was
/// refused with `limit_exceeded`).
#[test]
fn too_many_items_hide_the_record_and_validate_names_the_list() {
    let engine = Engine::from_policy_json(
        r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]}, "limits": {"max_items_per_record": 2}}"#,
    )
    .unwrap();
    let payment = |i: usize| {
        json!({"id": format!("P-{i}"), "period_from": "2026-01-01", "period_to": "2026-01-31",
        "disposition_date": "2026-01-30", "gross_ore": 1, "net_ore": 1, "status": "paid"})
    };
    let benefit = json!({"id": "B-1", "source": "KY", "kle": "32.24.04", "name": "K", "recipient": "0101901234",
        "created": "2026-01-01", "grant": {"from": "2026-01-01", "amount_ore": 1},
        "payments": (0..3).map(payment).collect::<Vec<_>>()});
    let mut busy = case(1);
    busy["progress"] = json!(vec![json!({"state": "oplyst", "at": "2026-09-02"}); 3]);
    let text = format!(
        "{}, \"cases\": [{}, {}], \"benefits\": [{}]}}",
        head(),
        case(0),
        busy,
        benefit
    );
    let overview = engine
        .overview(&engine.parse_request(&text).unwrap())
        .unwrap();
    let ids: Vec<&str> = overview.cases.iter().map(|c| c.id.as_str()).collect();
    assert_eq!((ids, overview.benefits.len()), (vec!["S-0"], 0));
    let explanation = engine.explain_json(&text).unwrap();
    assert_eq!(
        explanation
            .matches(r#""reasons":["error.too_many_items"]"#)
            .count(),
        2
    );
    let report = engine.validate_json(&text).unwrap();
    for path in ["cases[1].progress", "benefits[0].payments"] {
        let problem = format!(r#""code":"error.too_many_items","path":"{path}""#);
        assert!(report.contains(&problem), "{report}");
    }
}

#[test]
fn limits_are_configurable_and_smaller_limits_refuse_smaller_inputs() {
    let request = format!("{}, \"cases\": [{}]}}", head(), case(0));
    assert!(engine().overview_json(&request).is_ok());
    for (limits, path) in [
        (json!({"max_input_bytes": 100}), ""),
        (json!({"max_depth": 3}), "cases[0].parties"),
        (json!({"max_string_bytes": 5}), "as_of"),
        (json!({"max_records": 0}), "cases[0]"),
    ] {
        let policy = json!({"id": "p", "kle": {"include": [{"pattern": "*"}]}, "limits": limits});
        let engine = Engine::from_policy_json(&policy.to_string()).unwrap();
        let err = engine.overview_json(&request).unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            (ErrorCode::LimitExceeded, path),
            "{limits}"
        );
    }
    // The defaults are safe and documented.
    let d = egensag::model::Limits::default();
    assert_eq!(
        (
            d.max_input_bytes,
            d.max_records,
            d.max_items_per_record,
            d.max_string_bytes,
            d.max_depth
        ),
        (64 * 1024 * 1024, 20_000, 10_000, 64 * 1024, 32)
    );
    assert_eq!(
        (
            d.max_mandates,
            d.max_consents,
            d.max_scope_patterns,
            d.max_record_ids,
            d.max_id_bytes,
            d.max_privilege_groups
        ),
        (1_000, 1_000, 1_000, 1_000, 256, 1_000)
    );
}

/// A proxy's request: `mandates` and `consents` as given, `cases` cases.
fn proxy_request(
    mandates: &[serde_json::Value],
    consents: &[serde_json::Value],
    cases: usize,
) -> String {
    json!({"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
           "viewer": {"cpr": "0202804321", "role": "proxy"},
           "mandates": mandates, "consents": consents,
           "cases": (0..cases).map(case).collect::<Vec<_>>()})
    .to_string()
}

fn mandate(id: &str, kle: serde_json::Value) -> serde_json::Value {
    json!({"id": id, "kind": "fuldmagt", "holder": "0202804321", "subject": "0101901234",
           "valid_from": "2026-01-01", "privileges": ["read"], "scope": {"kle": kle}})
}

fn objection(id: &str, kle: serde_json::Value, record_ids: serde_json::Value) -> serde_json::Value {
    json!({"id": id, "kind": "frabedelse", "subject": "0101901234", "recipient": "0202804321",
           "valid_from": "2026-01-01", "scope": {"kle": kle, "record_ids": record_ids}})
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn engine_with(limits: serde_json::Value) -> Engine {
    let policy = json!({"id": "p", "kle": {"include": [{"pattern": "*"}]}, "limits": limits});
    Engine::from_policy_json(&policy.to_string()).unwrap()
}

#[test]
fn mandates_consents_and_their_scopes_have_limits_with_paths() {
    let m = mandate("m1", json!(["32.*", "27.*"]));
    let o = objection(
        "o1",
        json!(["15.*", "02.*"]),
        json!([{"source": "KSD", "id": "X"}, {"source": "KSD", "id": "Y"}]),
    );
    let request = proxy_request(&[m.clone(), m.clone()], &[o.clone(), o.clone()], 1);
    assert!(engine().overview_json(&request).is_ok());
    let long_id = proxy_request(&[mandate(&"m".repeat(257), json!(null))], &[], 1);
    for (limits, request, path) in [
        (json!({"max_mandates": 1}), &request, "mandates[1]"),
        (json!({"max_consents": 1}), &request, "consents[1]"),
        (
            json!({"max_scope_patterns": 1}),
            &request,
            "mandates[0].scope.kle",
        ),
        (
            json!({"max_record_ids": 1}),
            &request,
            "consents[0].scope.record_ids",
        ),
        (json!({"max_id_bytes": 1}), &request, "mandates[0].id"),
        (json!({}), &long_id, "mandates[0].id"),
    ] {
        for call in [
            Engine::overview_json,
            Engine::explain_json,
            Engine::validate_json,
        ] {
            let err = call(&engine_with(limits.clone()), request).unwrap_err();
            assert_eq!(
                (err.code(), err.path()),
                (ErrorCode::LimitExceeded, path),
                "{limits}"
            );
            assert!(
                err.message().starts_with("more than")
                    || err.message().starts_with("expected an id")
            );
        }
    }
    // A consent's scope is checked as a mandate's is.
    let wide = proxy_request(
        &[],
        &[objection("o", json!(["15.*", "02.*"]), json!(null))],
        0,
    );
    let err = engine_with(json!({"max_scope_patterns": 1}))
        .overview_json(&wide)
        .unwrap_err();
    assert_eq!(err.path(), "consents[0].scope.kle");
}

#[test]
fn the_policy_limits_privilege_groups_in_a_claim() {
    use base64::Engine as _;
    let group = r#"<PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101901234"><Privilege>read</Privilege></PrivilegeGroup>"#;
    let xml = format!(
        r#"<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">{}</bpp:PrivilegeList>"#,
        group.repeat(3)
    );
    let claim = base64::engine::general_purpose::STANDARD.encode(xml);
    let request = json!({"as_of": "2026-11-23", "subject": {"cpr": "0101901234"},
        "viewer": {"cpr": "0202804321", "role": "proxy"}, "privileges_intermediate": claim})
    .to_string();
    assert!(engine_with(json!({"max_privilege_groups": 3}))
        .overview_json(&request)
        .is_ok());
    let err = engine_with(json!({"max_privilege_groups": 2}))
        .overview_json(&request)
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        (
            ErrorCode::LimitExceeded,
            "privileges_intermediate.PrivilegeGroup"
        )
    );
}

/// One mandate whose scope lists a million patterns, the one that matches last, over
/// 20,000 cases: the scope is compiled once, so a record costs a few lookups, not a
/// million comparisons (before compiled scopes: about 16 s in release).
#[test]
fn a_million_patterns_in_a_scope_do_not_multiply_the_cost() {
    let mut patterns: Vec<String> = (0..999_999u32)
        .map(|i| format!("27.{:02}.{:02}", i % 100, (i / 100) % 100))
        .collect();
    patterns.push("32.*".to_owned());
    let request = proxy_request(&[mandate("m1", json!(patterns))], &[], 20_000);
    let engine = engine_with(json!({"max_scope_patterns": 1_000_000}));
    let parsed = engine.parse_request(&request).unwrap();
    let started = Instant::now();
    let overview = engine.overview(&parsed).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(overview.cases.len(), 20_000);
    // Generous for an unoptimised build on a shared machine; the scan took minutes there.
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

/// 1,000 mandates covering all of 10,000 cases: the explanation names one mandate per
/// record, so its size stays within a small multiple of the request's (it was about 90
/// times the request: every covering mandate on every record). Each entry also lists the
/// actions of its kind (at most two per record, each with at most a few reason codes), a
/// fixed amount per record: together about 2.5 times the request here.
#[test]
fn the_explanation_is_bounded_by_the_input() {
    let mandates: Vec<serde_json::Value> = (0..1_000)
        .map(|i| mandate(&format!("fuldmagt-{i:04}"), json!(["32.*"])))
        .collect();
    let request = proxy_request(&mandates, &[], 10_000);
    let explanation = engine().explain_json(&request).unwrap();
    assert!(
        explanation.len() <= 3 * request.len(),
        "explanation {} bytes from a {} byte request",
        explanation.len(),
        request.len()
    );
    assert!(explanation.contains(r#""rules":["include:*","mandate:fuldmagt-0000"]"#));
}
