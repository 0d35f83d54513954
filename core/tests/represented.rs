//! Whom a viewer may act for (DOMAIN.md section 11): the represented list follows the same
//! rules W2–W5 as the overview, for mandates given in the request and from a NemLog-in
//! claim, and agrees with the overview's mandate reasons for every subject and role.

use egensag::{Engine, ErrorCode};
use proptest::prelude::*;
use serde_json::{json, Value};

const VIEWER: &str = "0202804321";
/// Born 1990: an adult.
const ADULT: &str = "0101901234";
/// Born 2015: 11 on the test day.
const CHILD: &str = "0505154321";
/// Born 2012: 14 on the test day, so a fuldmagt given now has a grantor under 15.
const YOUNG: &str = "0303124321";
const AS_OF: &str = "2026-11-23";

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn engine() -> Engine {
    Engine::from_policy_json(
        r#"{"id": "p", "kle": {"include": [{"pattern": "*"}]},
            "privileges": {"urn:x:read": "read"}}"#,
    )
    .unwrap()
}

fn mandate(id: &str, kind: &str, subject: &str, extra: Value) -> Value {
    let mut m = json!({"id": id, "kind": kind, "holder": VIEWER, "subject": subject,
                       "valid_from": "2026-01-01", "privileges": ["read"]});
    if let (Some(m), Some(extra)) = (m.as_object_mut(), extra.as_object()) {
        m.extend(extra.clone());
    }
    m
}

/// The `(masked subject, role, mandate id)` of each entry the engine lists.
#[expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn listed(request: Value) -> Vec<(String, String, String)> {
    let out = egensag::json::represented(&engine(), &request.to_string()).unwrap();
    let out: Value = serde_json::from_str(&out).unwrap();
    out["represented"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap().to_owned();
            (text("subject"), text("role"), text("mandate_id"))
        })
        .collect()
}

fn request(mandates: Vec<Value>) -> Value {
    json!({"as_of": AS_OF, "viewer": {"cpr": VIEWER}, "mandates": mandates})
}

fn ids(request: Value) -> Vec<String> {
    listed(request).into_iter().map(|(_, _, id)| id).collect()
}

#[test]
fn a_mandate_in_force_is_listed_with_its_scope_and_end() {
    let m = mandate(
        "F-1",
        "fuldmagt",
        ADULT,
        json!({"valid_to": "2027-01-31", "scope": {"records": ["cases"]}}),
    );
    let out = egensag::json::represented(&engine(), &request(vec![m]).to_string()).unwrap();
    assert_eq!(
        out,
        r#"{"as_of":"2026-11-23","represented":[{"subject":"010190-XXXX","role":"proxy","mandate_id":"F-1","valid_to":"2027-01-31","scope":{"kle":null,"max_sensitivity":null,"records":["cases"]}}]}"#
    );
    assert!(!out.contains(ADULT));
}

#[test]
fn expired_and_not_yet_valid_mandates_are_not_listed() {
    let expired = mandate(
        "F-old",
        "fuldmagt",
        ADULT,
        json!({"valid_to": "2026-11-22"}),
    );
    let future = mandate(
        "F-new",
        "fuldmagt",
        ADULT,
        json!({"valid_from": "2026-11-24"}),
    );
    let last_day = mandate("F-last", "fuldmagt", ADULT, json!({"valid_to": AS_OF}));
    assert_eq!(ids(request(vec![expired, future, last_day])), ["F-last"]);
}

#[test]
fn a_revoked_mandate_is_not_listed() {
    let revoked = mandate("F-1", "fuldmagt", ADULT, json!({"revoked_at": AS_OF}));
    let later = mandate(
        "F-2",
        "fuldmagt",
        ADULT,
        json!({"revoked_at": "2026-11-24"}),
    );
    assert_eq!(ids(request(vec![revoked, later])), ["F-2"]);
}

#[test]
fn another_holders_mandate_is_not_listed() {
    let mut theirs = mandate("F-1", "fuldmagt", ADULT, json!({}));
    theirs["holder"] = json!("0909909999");
    assert!(ids(request(vec![theirs])).is_empty());
}

#[test]
fn a_fuldmagt_from_a_grantor_under_15_is_not_listed() {
    let young = mandate("F-young", "fuldmagt", YOUNG, json!({}));
    // The same person's guardian is not a fuldmagt and needs no grantor's age.
    let guardian = mandate("V-young", "vaergemaal", YOUNG, json!({}));
    assert_eq!(ids(request(vec![young, guardian])), ["V-young"]);
}

#[test]
fn a_parent_is_listed_for_a_child_but_not_for_an_adult_child() {
    let child = mandate("FM-child", "foraeldremyndighed", CHILD, json!({}));
    let adult = mandate("FM-adult", "foraeldremyndighed", ADULT, json!({}));
    assert_eq!(
        listed(request(vec![child, adult])),
        [(
            "050515-XXXX".to_owned(),
            "parent".to_owned(),
            "FM-child".to_owned()
        )]
    );
}

#[test]
fn the_subjects_death_ends_a_fuldmagt_but_not_a_vaergemaal() {
    let fuldmagt = mandate("F-1", "fuldmagt", ADULT, json!({}));
    let vaerge = mandate("V-1", "vaergemaal", ADULT, json!({}));
    let mut req = request(vec![fuldmagt, vaerge]);
    req["subjects"] = json!([{"cpr": ADULT, "deceased_on": AS_OF}]);
    assert_eq!(ids(req.clone()), ["V-1"]);
    req["subjects"] = json!([{"cpr": ADULT, "deceased_on": "2026-11-24"}]);
    assert_eq!(ids(req), ["V-1", "F-1"]); // guardian sorts before proxy
}

#[test]
fn a_mandate_without_read_is_not_listed() {
    let none = mandate("F-none", "fuldmagt", ADULT, json!({"privileges": []}));
    let unmapped = mandate(
        "F-x",
        "fuldmagt",
        ADULT,
        json!({"privileges": ["urn:x:other"]}),
    );
    let mapped = mandate(
        "F-uri",
        "fuldmagt",
        ADULT,
        json!({"privileges": ["urn:x:read"]}),
    );
    let act = mandate("F-act", "fuldmagt", ADULT, json!({"privileges": ["act"]}));
    assert_eq!(
        ids(request(vec![none, unmapped, mapped, act])),
        ["F-act", "F-uri"]
    );
}

#[test]
fn the_viewers_role_narrows_the_list() {
    let mandates = vec![
        mandate("F-1", "fuldmagt", ADULT, json!({})),
        mandate("FM-1", "foraeldremyndighed", CHILD, json!({})),
    ];
    let mut req = request(mandates);
    req["viewer"]["role"] = json!("parent");
    assert_eq!(ids(req.clone()), ["FM-1"]);
    req["viewer"]["role"] = json!("self");
    assert!(ids(req).is_empty());
}

#[test]
fn entries_are_sorted_by_subject_role_and_id() {
    let mandates = vec![
        mandate("V-2", "vaergemaal", ADULT, json!({})),
        mandate("V-9", "vaergemaal", CHILD, json!({})),
        mandate("F-3", "fuldmagt", ADULT, json!({})),
        mandate("F-1", "fuldmagt", ADULT, json!({})),
    ];
    assert_eq!(ids(request(mandates)), ["V-2", "F-1", "F-3", "V-9"]);
}

#[test]
fn bad_input_is_refused_with_a_path_and_no_cpr() {
    let engine = engine();
    let err = |req: Value| egensag::json::represented(&engine, &req.to_string()).unwrap_err();
    let mut unknown = request(vec![]);
    unknown["subject"] = json!({"cpr": ADULT});
    let e = err(unknown);
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    let bad_cpr = json!({"as_of": AS_OF, "viewer": {"cpr": "3102901234"}});
    let e = err(bad_cpr);
    assert_eq!(e.path(), "viewer.cpr");
    assert!(!e.message().contains("3102901234"));
    let bad_claim =
        json!({"as_of": AS_OF, "viewer": {"cpr": VIEWER}, "privileges_intermediate": "%%"});
    assert!(err(bad_claim).path().starts_with("privileges_intermediate"));
}

#[test]
fn more_mandates_than_the_limit_are_refused() {
    let engine = Engine::from_policy_json(
        r#"{"id": "p", "kle": {"include": []}, "limits": {"max_mandates": 2}}"#,
    )
    .unwrap();
    let mandates: Vec<Value> = (0..3)
        .map(|i| mandate(&format!("F-{i}"), "fuldmagt", ADULT, json!({})))
        .collect();
    let e = egensag::json::represented(&engine, &request(mandates).to_string()).unwrap_err();
    assert_eq!(e.code(), ErrorCode::LimitExceeded);
    assert_eq!(e.path(), "mandates[2]");
}

/// A NemLog-in claim giving the viewer a fuldmagt for ADULT within KLE 32.*.
fn claim() -> String {
    use base64::Engine as _;
    let xml = format!(
        r#"<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">
  <PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:{ADULT}">
    <Privilege>urn:x:read</Privilege>
    <Constraint Name="urn:dk:kombit:KLE">32.*</Constraint>
  </PrivilegeGroup>
</bpp:PrivilegeList>"#
    );
    base64::engine::general_purpose::STANDARD.encode(xml)
}

#[test]
fn a_claimed_fuldmagt_is_listed() {
    let mut req = request(vec![]);
    req["privileges_intermediate"] = json!(claim());
    let entries = listed(req);
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].0, "010190-XXXX");
    assert_eq!(entries[0].1, "proxy");
}

// ---- the represented list agrees with the overview ---------------------------------

const SUBJECTS: [&str; 3] = [ADULT, CHILD, YOUNG];
const MANDATE_REASONS: [&str; 5] = [
    "mandate.missing",
    "mandate.not_in_force",
    "mandate.no_read",
    "mandate.grantor_under_15",
    "custody.subject_adult",
];

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn arb_mandate() -> impl Strategy<Value = Value> {
    (
        0..3usize,
        prop::sample::select(vec!["fuldmagt", "vaergemaal", "foraeldremyndighed"]),
        any::<bool>(),
        prop::sample::select(vec!["2026-01-01", "2026-11-23", "2026-11-24"]),
        prop::option::of(prop::sample::select(vec!["2026-11-22", "2026-11-23"])),
        prop::option::of(prop::sample::select(vec!["2026-11-23", "2026-11-24"])),
        prop::sample::select(vec!["read", "act", "urn:x:read", "urn:x:other"]),
        0..1000u32,
    )
        .prop_map(|(subject, kind, ours, from, to, revoked, privilege, id)| {
            let mut m = mandate(
                &format!("M-{id}"),
                kind,
                SUBJECTS[subject],
                json!({"valid_from": from, "privileges": [privilege]}),
            );
            if !ours {
                m["holder"] = json!("0909909999");
            }
            if let Some(to) = to {
                m["valid_to"] = json!(to);
            }
            if let Some(revoked) = revoked {
                m["revoked_at"] = json!(revoked);
            }
            m
        })
}

/// Whether the overview for `subject` in `role` gives its case none of the reasons that
/// say the viewer holds no usable mandate.
#[expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn overview_lets_in(mandates: &[Value], deceased: Option<&str>, subject: &str, role: &str) -> bool {
    let mut subject_json = json!({"cpr": subject});
    if let Some(day) = deceased {
        subject_json["deceased_on"] = json!(day);
    }
    let req = json!({"as_of": AS_OF, "subject": subject_json,
        "viewer": {"cpr": VIEWER, "role": role}, "mandates": mandates,
        "cases": [{"id": "S-1", "source": "KSD", "kle": "32.30.04", "created": "2026-11-01",
                   "parties": [{"cpr": subject, "role": "primary"}]}]});
    let explanation = egensag::json::explain(&engine(), &req.to_string()).unwrap();
    let explanation: Value = serde_json::from_str(&explanation).unwrap();
    let reasons = &explanation["entries"][0]["reasons"];
    !MANDATE_REASONS
        .iter()
        .any(|r| reasons.as_array().unwrap().contains(&json!(r)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn represented_lists_exactly_whom_the_overview_lets_in(
        mandates in prop::collection::vec(arb_mandate(), 0..6),
        deceased in prop::option::of(prop::sample::select(vec!["2026-11-23", "2026-11-24"])),
    ) {
        let mut req = request(mandates.clone());
        if let Some(day) = deceased {
            req["subjects"] = json!([{"cpr": ADULT, "deceased_on": day}]);
        }
        let entries = listed(req);
        for subject in SUBJECTS {
            let masked = format!("{}-XXXX", &subject[..6]);
            let dead = if subject == ADULT { deceased } else { None };
            for role in ["proxy", "guardian", "parent"] {
                let in_list = entries.iter().any(|(s, r, _)| *s == masked && r == role);
                prop_assert_eq!(
                    in_list,
                    overview_lets_in(&mandates, dead, subject, role),
                    "{} as {}", masked, role
                );
            }
        }
    }
}
