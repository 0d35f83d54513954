//! Differential test of the visibility rules: the engine's explanation against the
//! simple reference implementation in `reference/mod.rs`, on generated requests and
//! policies. For every record: the same `visible`, the same reasons in the contract's
//! order, and the same determining rules.

mod reference;

use proptest::prelude::*;
use serde_json::{json, Value};

/// Chooses from lists by reading a byte stream; proptest shrinks the bytes towards 0,
/// which shrinks every choice towards the first option.
struct Pick<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Pick<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }
    #[expect(
        clippy::indexing_slicing,
        reason = "test helper: a panic here fails the test that called it"
    )]
    fn one<T: Clone>(&mut self, options: &[T]) -> T {
        options[self.byte() as usize % options.len()].clone()
    }
    fn chance(&mut self, percent: u8) -> bool {
        (self.byte() % 100) < percent
    }
    fn upto(&mut self, n: usize) -> usize {
        self.byte() as usize % (n + 1)
    }
    fn subset(&mut self, options: &[&str]) -> Vec<Value> {
        options
            .iter()
            .filter(|_| self.chance(40))
            .map(|o| json!(o))
            .collect()
    }
}

/// People: an adult subject, a 16-year-old, a 10-year-old, a 14-year-old, the viewer
/// (another adult), a third person; and a malformed CPR.
const ADULT: &str = "0101901234";
const CHILD16: &str = "1503104321";
const CHILD10: &str = "0106164234";
const CHILD14: &str = "0101124234";
const VIEWER: &str = "0202804321";
const OTHER: &str = "0303701111";
const BAD_CPR: &str = "3102901234";

const DATES: [&str; 8] = [
    "2000-01-01",
    "2007-11-30",
    "2007-12-01",
    "2015-06-01",
    "2026-01-01",
    "2026-11-22",
    "2026-11-23",
    "2026-11-24",
];
const KLE: [&str; 8] = [
    "32.30.04", "32.24.04", "15.17.06", "27.42.12", "32.21.28", "02.00.00", "3.1.1", "32.3O.04",
];
const PATTERNS: [&str; 9] = [
    "*", "32", "32.*", "32.30", "32.30.*", "15.17.*", "27.*", "32.21.28", "02.*",
];
const FACETS: [&str; 6] = ["G01", "A53", "Ø01", "O\u{338}01", "X99", "K02"];
const SENS: [&str; 4] = ["ikke_fortrolige", "fortrolige", "foelsomme", "vip"];

/// A case party: the subject, another person or a malformed number, in any role, its
/// relation sometimes limited to days around `as_of`.
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn party(p: &mut Pick, subject: &str) -> Value {
    let mut party = json!({"cpr": p.one(&[subject, subject, OTHER, BAD_CPR]),
                           "role": p.one(&["primary", "primary", "secondary", "owner", "recipient"])});
    if p.chance(25) {
        party["valid_from"] = json!(p.one(&DATES[3..]));
    }
    if p.chance(25) {
        party["valid_to"] = json!(p.one(&DATES[3..]));
    }
    party
}

fn opt_date(p: &mut Pick) -> Value {
    if p.chance(50) {
        json!(p.one(&DATES))
    } else {
        Value::Null
    }
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn generate(bytes: &[u8]) -> (Value, Value) {
    let p = &mut Pick { bytes, at: 0 };
    // Policy.
    let include: Vec<Value> = (0..p.upto(3))
        .map(|_| {
            let mut r = json!({ "pattern": p.one(&PATTERNS) });
            if p.chance(50) {
                r["from"] = json!(p.one(&DATES[..4]));
            }
            if p.chance(25) {
                r["facets"] = json!([p.one(&FACETS[..3])]);
            }
            r
        })
        .collect();
    let mut policy = json!({
        "id": "diff",
        "kle": { "include": include, "exclude": (0..p.upto(1)).map(|_| json!(p.one(&PATTERNS[3..]))).collect::<Vec<_>>() },
        "show_active_before_from": p.chance(50),
        "max_sensitivity": p.one(&SENS),
        "secondary_party_access": (0..p.upto(1)).map(|_| json!({"pattern": p.one(&PATTERNS), "roles": p.subset(&["secondary", "owner", "recipient"])})).collect::<Vec<_>>(),
        "parent_restricted": (0..p.upto(1)).map(|_| json!(p.one(&PATTERNS[1..]))).collect::<Vec<_>>(),
        "child_consent_age": p.one(&[15, 12, 17]),
        "privileges": { "urn:x:view": "read", "urn:x:act": "act" }
    });
    if p.chance(30) {
        policy["sources"] = json!(p.subset(&["KSD", "KY"]));
    }
    // Who.
    let subject = p.one(&[ADULT, CHILD16, CHILD10, CHILD14]);
    let role = p.one(&["self", "proxy", "guardian", "parent", "relative"]);
    let viewer = if role == "self" && p.chance(80) {
        subject
    } else {
        p.one(&[VIEWER, OTHER, subject])
    };
    let mandates: Vec<Value> = (0..p.upto(3))
        .enumerate()
        .map(|(i, _)| {
            let mut scope = json!({});
            if p.chance(30) { scope["kle"] = json!([p.one(&PATTERNS)]); }
            if p.chance(30) { scope["max_sensitivity"] = json!(p.one(&SENS)); }
            if p.chance(30) { scope["records"] = json!(p.subset(&["cases", "benefits", "appointments"])); }
            json!({
                "id": format!("m{i}"),
                "kind": p.one(&["fuldmagt", "vaergemaal", "foraeldremyndighed"]),
                "holder": p.one(&[viewer, viewer, OTHER]),
                "subject": p.one(&[subject, subject, OTHER]),
                "valid_from": p.one(&["2000-01-01", "2020-01-01", "2026-01-01", "2026-11-23", "2026-11-24"]),
                "valid_to": opt_date(p),
                "revoked_at": opt_date(p),
                "privileges": p.subset(&["read", "act", "urn:x:view", "urn:x:act", "urn:unmapped"]),
                "scope": scope,
            })
        })
        .collect();
    let consents: Vec<Value> = (0..p.upto(3))
        .enumerate()
        .map(|(i, _)| {
            let mut scope = json!({});
            if p.chance(30) {
                scope["kle"] = json!([p.one(&PATTERNS)]);
            }
            if p.chance(20) {
                scope["record_ids"] =
                    json!([{"source": p.one(&["KSD", "KY"]), "id": p.one(&["r0", "r1", "r2"])}]);
            }
            json!({
                "id": format!("c{i}"),
                "kind": p.one(&["samtykke", "samtykke", "frabedelse"]),
                "subject": p.one(&[subject, subject, OTHER]),
                "recipient": p.one(&[viewer, viewer, OTHER]),
                "purposes": p.subset(&["view", "view", "other"]),
                "scope": scope,
                "valid_from": p.one(&["2000-01-01", "2026-11-23", "2026-11-24"]),
                "valid_to": opt_date(p),
                "revoked_at": opt_date(p),
            })
        })
        .collect();
    let flags = |p: &mut Pick, r: &mut Value| {
        r["sensitivity"] = json!(p.one(&SENS));
        r["void"] = json!(p.chance(10));
        r["withheld_from_citizen"] = json!(p.chance(10));
        r["withheld_from_representatives"] = json!(p.chance(15));
    };
    let cases: Vec<Value> = (0..p.upto(3))
        .enumerate()
        .map(|(i, _)| {
            let mut c = json!({
                "id": format!("r{i}"), "source": p.one(&["KSD", "KY"]), "title": "Titel",
                "created": p.one(&DATES[..6]),
                "parties": (0..p.upto(2)).map(|_| party(p, subject)).collect::<Vec<_>>(),
            });
            if p.chance(90) { c["kle"] = json!(p.one(&KLE)); }
            if p.chance(40) { c["facet"] = json!(p.one(&FACETS)); }
            if p.chance(50) { c["progress"] = json!([{"state": p.one(&["oplyst", "afsluttet", "afgjort"]), "at": p.one(&DATES[1..])}]); }
            flags(p, &mut c);
            c
        })
        .collect();
    let benefits: Vec<Value> = (0..p.upto(2))
        .enumerate()
        .map(|(i, _)| {
            let mut b = json!({
                "id": format!("r{i}"), "source": p.one(&["KSD", "KY"]), "name": "Ydelse",
                "created": p.one(&DATES[..6]),
                "grant": {"from": "2000-01-01", "amount_ore": 100},
                "payments": (0..p.upto(2)).map(|j| { let d = p.one(&DATES[..6]); json!({"id": format!("p{j}"), "period_from": d, "period_to": d, "disposition_date": d, "gross_ore": 10, "net_ore": 8, "status": "paid"})}).collect::<Vec<_>>(),
            });
            if p.chance(90) { b["kle"] = json!(p.one(&KLE)); }
            if p.chance(90) { b["recipient"] = json!(p.one(&[subject, subject, OTHER, BAD_CPR])); }
            flags(p, &mut b);
            b
        })
        .collect();
    let appointments: Vec<Value> = (0..p.upto(2))
        .enumerate()
        .map(|(i, _)| {
            let start = p.one(&["2007-11-30T10:00:00+01:00", "2026-11-23T10:00:00+01:00", "2026-12-01T10:00:00+01:00"]);
            let mut a = json!({
                "id": format!("a{i}"), "source": p.one(&["KSD", "KY"]),
                "participants": (0..p.upto(2)).map(|_| json!(p.one(&[subject, subject, OTHER, BAD_CPR]))).collect::<Vec<_>>(),
                "start": start, "end": start, "kind": "meeting", "with_role": "sagsbehandler",
            });
            if p.chance(60) { a["kle"] = json!(p.one(&KLE)); }
            if p.chance(60) { a["case_id"] = json!(p.one(&["r0", "r1", "r9"])); }
            flags(p, &mut a);
            a
        })
        .collect();
    let deceased_on = if p.chance(15) {
        json!(p.one(&DATES[4..]))
    } else {
        Value::Null
    };
    let request = json!({
        "as_of": "2026-11-23",
        "subject": {"cpr": subject, "deceased_on": deceased_on},
        "viewer": {"cpr": viewer, "role": role},
        "mandates": mandates, "consents": consents,
        "cases": cases, "benefits": benefits, "appointments": appointments,
    });
    (policy, request)
}

/// Runs both and returns a description of the first disagreement.
#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn compare(policy: &Value, request: &Value) -> Result<(), String> {
    let engine = egensag::Engine::from_policy_json(&policy.to_string())
        .map_err(|e| format!("policy refused: {e}"))?;
    let parsed = match engine.parse_request(&request.to_string()) {
        Ok(r) => r,
        // Duplicate ids and the like are rejected whole; nothing to compare.
        Err(e) if e.path().ends_with(".id") => return Ok(()),
        Err(e) => return Err(format!("request refused: {e}")),
    };
    let explanation = engine
        .explain(&parsed)
        .map_err(|e| format!("explain failed: {e}"))?;
    let expected = reference::decide_all(policy, request);
    if explanation.entries.len() != expected.len() {
        return Err("entry counts differ".into());
    }
    for (got, want) in explanation.entries.iter().zip(&expected) {
        let reasons: Vec<&str> = got.reasons.iter().map(|r| r.as_str()).collect();
        let rules: std::collections::BTreeSet<String> =
            got.rules.iter().map(ToString::to_string).collect();
        // The engine lists reasons in the contract's order.
        let positions: Vec<usize> = reasons
            .iter()
            .map(|r| reference::ORDER.iter().position(|o| o == r).unwrap_or(99))
            .collect();
        let ordered = positions.windows(2).all(|w| w[0] < w[1]);
        if got.visible != want.visible
            || reasons != want.reasons
            || (got.visible && rules != want.rules)
            || !ordered
        {
            return Err(format!(
                "{} {}/{}: engine visible={} reasons={:?} rules={:?}; reference visible={} reasons={:?} rules={:?}",
                want.kind, want.source, want.id, got.visible, reasons, rules, want.visible, want.reasons, want.rules
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn engine_agrees_with_reference(bytes in prop::collection::vec(any::<u8>(), 64..400)) {
        let (policy, request) = generate(&bytes);
        if let Err(why) = compare(&policy, &request) {
            prop_assert!(false, "{}\npolicy: {}\nrequest: {}", why, policy, request);
        }
    }
}

/// The reference's own sanity: the century rule on the generator's people.
#[test]
fn reference_birth_dates() {
    assert_eq!(reference::birth(CHILD16), Some((2010, 3, 15)));
    assert_eq!(reference::birth(CHILD10), Some((2016, 6, 1)));
    assert_eq!(reference::birth(ADULT), Some((1990, 1, 1)));
    assert_eq!(reference::birth(BAD_CPR), None);
}
