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

#[test]
fn too_many_payments_are_refused_with_their_path() {
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
    let text = format!("{}, \"benefits\": [{}]}}", head(), benefit);
    let err = engine.overview_json(&text).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        (ErrorCode::LimitExceeded, "benefits[0].payments")
    );
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
}
