//! NemLog-in privilege claims (OIO Basic Privilege Profile) as fuldmagt mandates.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine as _;
use chrono::NaiveDate;
use egensag::kle::KlePattern;
use egensag::model::{MandateKind, Sensitivity};
use egensag::privileges::{mandates_from_claim, MAX_CLAIM_BYTES, MAX_GROUPS};
use egensag::{Cpr, Engine, ErrorCode};
use proptest::prelude::*;
use serde_json::Value;

const HOLDER: &str = "0302704411";
const SUBJECT: &str = "1207852318";
const OTHER: &str = "0101901234";
const VIEW: &str = "urn:dk:kombit:system_xyz:view_case";

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn holder() -> Cpr {
    Cpr::parse(HOLDER).unwrap()
}

fn encode(xml: &str) -> String {
    STANDARD.encode(xml)
}

fn realistic_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:{SUBJECT}">
    <Privilege>
      {VIEW}
    </Privilege>
    <Privilege>urn:dk:kombit:system_xyz:act_case</Privilege>
    <Constraint Name="urn:dk:kombit:KLE">32.*</Constraint>
    <Constraint Name="urn:dk:kombit:KLE">27.24.*</Constraint>
    <Constraint Name="urn:dk:kombit:sensitivity">3</Constraint>
    <Constraint Name="urn:dk:kombit:sensitivity">2</Constraint>
    <Constraint Name="http://sts.demo.dk/constraints/beloeb/1">25000</Constraint>
  </PrivilegeGroup>
  <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:12345678">
    <Privilege>urn:dk:some_domain:myPrivilege1A</Privilege>
    <Constraint Name="urn:dk:kombit:KLE">not a pattern</Constraint>
  </PrivilegeGroup>
  <PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:{OTHER}">
    <Privilege>urn:dk:kombit:system_xyz:other</Privilege>
  </PrivilegeGroup>
</bpp:PrivilegeList>"#
    )
}

#[test]
fn realistic_claim_gives_one_mandate_per_cpr_group() {
    let mandates = mandates_from_claim(&encode(&realistic_xml()), holder(), day()).unwrap();
    assert_eq!(mandates.len(), 2);

    let first = &mandates[0];
    assert_eq!(first.id, "nemlogin:1");
    assert_eq!(first.kind, MandateKind::Fuldmagt);
    assert_eq!(first.holder, holder());
    assert_eq!(first.subject, Cpr::parse(SUBJECT).unwrap());
    assert_eq!(first.valid_from, day());
    assert_eq!(first.valid_to, Some(day()));
    assert_eq!(first.revoked_at, None);
    assert_eq!(
        first.privileges,
        [VIEW, "urn:dk:kombit:system_xyz:act_case"]
    );
    assert_eq!(
        first.scope.kle,
        Some(vec![
            KlePattern::parse("32.*").unwrap(),
            KlePattern::parse("27.24.*").unwrap()
        ])
    );
    assert_eq!(first.scope.max_sensitivity, Some(Sensitivity::Fortrolige));
    assert_eq!(first.scope.records, None);
    assert!(first.in_force_on(day()));
    assert!(!first.in_force_on(day().pred_opt().unwrap()));
    assert!(!first.in_force_on(day().succ_opt().unwrap()));

    let second = &mandates[1];
    assert_eq!(second.id, "nemlogin:3");
    assert_eq!(second.subject, Cpr::parse(OTHER).unwrap());
    assert_eq!(second.privileges, ["urn:dk:kombit:system_xyz:other"]);
    assert_eq!(second.scope, Default::default());
}

#[test]
fn fixture_file_reads() {
    let claim = include_str!("data/privileges/two_citizens_one_business.b64");
    let mandates = mandates_from_claim(claim, holder(), day()).unwrap();
    let ids: Vec<&str> = mandates.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["nemlogin:1", "nemlogin:3"]);
}

#[test]
fn base64_may_be_wrapped_and_unpadded() {
    let xml = realistic_xml();
    let expected = mandates_from_claim(&encode(&xml), holder(), day()).unwrap();
    let unpadded = STANDARD_NO_PAD.encode(&xml);
    let wrapped: String = unpadded
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n\t ");
    assert_eq!(
        mandates_from_claim(&wrapped, holder(), day()).unwrap(),
        expected
    );
}

#[test]
fn prefixes_namespaces_and_empty_elements() {
    let xml = format!(
        r#"<PrivilegeList xmlns="http://itst.dk/oiosaml/basic_privilege_profile">
  <x:PrivilegeGroup xmlns:x="urn:x" Scope=" urn:dk:gov:saml:cprNumberIdentifier:{SUBJECT} "/>
  <PrivilegeGroup Scope="urn:dk:gov:saml:seNumberIdentifier:27384223"/>
  <PrivilegeGroup Scope="urn:dk:gov:saml:productionUnitIdentifier:1003388394"/>
  <PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:{OTHER}">
    <Extension><Privilege>ignored</Privilege></Extension>
    <Privilege><![CDATA[urn:a&b]]></Privilege>
    <Privilege>urn:x&amp;y&#x3A;z</Privilege>
  </PrivilegeGroup>
</PrivilegeList>"#
    );
    let mandates = mandates_from_claim(&encode(&xml), holder(), day()).unwrap();
    assert_eq!(mandates.len(), 2);
    assert_eq!(mandates[0].id, "nemlogin:1");
    assert!(mandates[0].privileges.is_empty());
    assert_eq!(mandates[1].id, "nemlogin:4");
    assert_eq!(mandates[1].privileges, ["urn:a&b", "urn:x&y:z"]);
}

#[test]
fn no_groups_gives_no_mandates() {
    let xml = r#"<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"/>"#;
    assert!(mandates_from_claim(&encode(xml), holder(), day())
        .unwrap()
        .is_empty());
}

// ---------------------------------------------------------------- through the engine

const POLICY: &str = r#"{
  "id": "p-nemlogin",
  "kle": {"include": [{"pattern": "32.*"}, {"pattern": "27.*"}]},
  "privileges": {"urn:dk:kombit:system_xyz:view_case": "read"}
}"#;

fn group_xml(privilege: &str) -> String {
    format!(
        r#"<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">
  <PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:{SUBJECT}">
    <Privilege>{privilege}</Privilege>
    <Constraint Name="urn:dk:kombit:KLE">32.*</Constraint>
    <Constraint Name="urn:dk:kombit:sensitivity">2</Constraint>
  </PrivilegeGroup>
</bpp:PrivilegeList>"#
    )
}

fn request(claim: &str) -> String {
    let case = |id: &str, kle: &str| {
        serde_json::json!({
            "id": id, "source": "KSD", "title": "Sag", "kle": kle,
            "parties": [{"cpr": SUBJECT, "role": "primary"}],
            "created": "2026-09-14"
        })
    };
    serde_json::json!({
        "as_of": "2026-11-23",
        "subject": {"cpr": SUBJECT},
        "viewer": {"cpr": HOLDER, "role": "proxy"},
        "privileges_intermediate": claim,
        "cases": [case("IN", "32.30.04"), case("OUT", "27.24.01")]
    })
    .to_string()
}

#[expect(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn entries(engine: &Engine, request: &str) -> Vec<Value> {
    let explanation: Value = serde_json::from_str(&engine.explain_json(request).unwrap()).unwrap();
    explanation["entries"].as_array().unwrap().clone()
}

#[test]
fn engine_shows_cases_within_the_claimed_scope() {
    let engine = Engine::from_policy_json(POLICY).unwrap();
    let request = request(&encode(&group_xml(VIEW)));
    let entries = entries(&engine, &request);
    assert_eq!(entries.len(), 2);

    let inside = &entries[0];
    assert_eq!(inside["id"], "IN");
    assert_eq!(inside["visible"], true, "{inside}");
    let rules: Vec<&str> = inside["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(rules.contains(&"mandate:nemlogin:1"), "{rules:?}");

    let outside = &entries[1];
    assert_eq!(outside["id"], "OUT");
    assert_eq!(outside["visible"], false);
    assert!(outside["reasons"]
        .as_array()
        .unwrap()
        .contains(&Value::from("mandate.out_of_scope")));

    let overview: Value = serde_json::from_str(&engine.overview_json(&request).unwrap()).unwrap();
    let text = overview.to_string();
    assert!(text.contains("\"IN\""), "{text}");
    assert!(!text.contains("\"OUT\""), "{text}");
}

#[test]
fn engine_ignores_privileges_the_policy_does_not_map() {
    let engine = Engine::from_policy_json(POLICY).unwrap();
    let request = request(&encode(&group_xml("urn:dk:kombit:system_xyz:unknown")));
    for entry in entries(&engine, &request) {
        assert_eq!(entry["visible"], false);
        assert!(
            entry["reasons"]
                .as_array()
                .unwrap()
                .contains(&Value::from("mandate.no_read")),
            "{entry}"
        );
    }
}

#[test]
fn a_claims_literal_read_or_act_grants_nothing_without_the_table() {
    let engine = Engine::from_policy_json(POLICY).unwrap();
    for literal in ["read", "act"] {
        let request = request(&encode(&group_xml(literal)));
        for entry in entries(&engine, &request) {
            assert_eq!(entry["visible"], false, "{literal}: {entry}");
            assert!(
                entry["reasons"]
                    .as_array()
                    .unwrap()
                    .contains(&Value::from("mandate.no_read")),
                "{literal}: {entry}"
            );
        }
    }
    // The table may map the literal string, like any other.
    let mapped = POLICY.replace(r#""privileges": {"#, r#""privileges": {"read": "read", "#);
    let engine = Engine::from_policy_json(&mapped).unwrap();
    let request = request(&encode(&group_xml("read")));
    assert_eq!(entries(&engine, &request)[0]["visible"], true);
}

#[test]
fn both_bpp_namespaces_and_any_case_of_the_scope_prefix_are_read() {
    let engine = Engine::from_policy_json(POLICY).unwrap();
    for namespace in [
        "http://itst.dk/oiosaml/basic_privilege_profile",
        "http://digst.dk/oiosaml/basic_privilege_profile",
    ] {
        for prefix in [
            "urn:dk:gov:saml:cprNumberIdentifier:",
            "urn:dk:gov:saml:CprNumberIdentifier:",
            "URN:DK:GOV:SAML:CPRNUMBERIDENTIFIER:",
        ] {
            let xml = group_xml(VIEW)
                .replace("http://digst.dk/oiosaml/basic_privilege_profile", namespace)
                .replace("urn:dk:gov:saml:cprNumberIdentifier:", prefix);
            let entries = entries(&engine, &request(&encode(&xml)));
            assert_eq!(entries[0]["visible"], true, "{namespace} {prefix}");
            assert_eq!(entries[1]["visible"], false, "{namespace} {prefix}");
        }
    }
}

#[test]
fn engine_reports_claim_errors_under_the_claim_field() {
    let engine = Engine::from_policy_json(POLICY).unwrap();
    let xml = group_xml(VIEW).replace("32.*", "3x.*");
    let err = engine.overview_json(&request(&encode(&xml))).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(
        err.path(),
        "privileges_intermediate.PrivilegeGroup[1].Constraint[1]"
    );
    let err = engine.explain_json(&request("%%%")).unwrap_err();
    assert_eq!(err.path(), "privileges_intermediate");
}

// ---------------------------------------------------------------- malformed claims

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn assert_error(claim: &str, code: ErrorCode, path: &str, secret: &str) {
    let err = mandates_from_claim(claim, holder(), day()).unwrap_err();
    assert_eq!(err.code(), code, "{err}");
    assert_eq!(err.path(), path, "{err}");
    assert!(!err.message().is_empty());
    if !secret.is_empty() {
        assert!(!err.message().contains(secret), "{err}");
        assert!(!err.to_json().contains(secret), "{err}");
    }
}

fn cpr_group(cpr: &str, body: &str) -> String {
    format!(
        r#"<PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:{cpr}">{body}</PrivilegeGroup>"#
    )
}

fn list(groups: &str) -> String {
    format!(
        r#"<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">{groups}</bpp:PrivilegeList>"#
    )
}

#[test]
fn not_base64() {
    use ErrorCode::InvalidInput;
    assert_error("!!not base64!!", InvalidInput, "", "not base64");
    assert_error("QUJD=A", InvalidInput, "", "");
    assert_error("Zm9v$", InvalidInput, "", "");
}

#[test]
fn not_xml() {
    use ErrorCode::InvalidInput;
    assert_error(&encode("hello privileges"), InvalidInput, "", "hello");
    assert_error("", InvalidInput, "", "");
    assert_error(&encode("   "), InvalidInput, "", "");
    assert_error(&STANDARD.encode([0xff, 0xfe, 0x00]), InvalidInput, "", "");
    assert_error(&encode("<a><b></a>"), InvalidInput, "", "");
    assert_error(
        &encode("<PrivilegeList>&unknown;</PrivilegeList>x"),
        InvalidInput,
        "",
        "",
    );
}

#[test]
fn truncated_xml() {
    let xml = list(&cpr_group(
        SUBJECT,
        &format!("<Privilege>{VIEW}</Privilege>"),
    ));
    for cut in [xml.len() - 1, xml.len() - 10, xml.len() / 2, 60] {
        let err = mandates_from_claim(&encode(&xml[..cut]), holder(), day()).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "cut at {cut}");
        assert_eq!(err.path(), "", "cut at {cut}");
        assert!(!err.message().contains(SUBJECT));
    }
}

#[test]
fn wrong_root() {
    use ErrorCode::InvalidInput;
    let inner = cpr_group(SUBJECT, "<Privilege>urn:x</Privilege>");
    assert_error(
        &encode(&format!("<Privileges>{inner}</Privileges>")),
        InvalidInput,
        "",
        SUBJECT,
    );
    assert_error(&encode(&inner), InvalidInput, "", SUBJECT);
    assert_error(
        &encode(&format!("{}{}", list(""), list(""))),
        InvalidInput,
        "",
        "",
    );
}

#[test]
fn cpr_scope_with_an_impossible_date() {
    let bad = "3102901234"; // 31 February
    let xml = list(&format!(
        r#"<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:12345678"/>{}"#,
        cpr_group(bad, "<Privilege>urn:x</Privilege>")
    ));
    assert_error(
        &encode(&xml),
        ErrorCode::InvalidInput,
        "PrivilegeGroup[2].Scope",
        bad,
    );
    let xml = list(&cpr_group("12345", ""));
    assert_error(
        &encode(&xml),
        ErrorCode::InvalidInput,
        "PrivilegeGroup[1].Scope",
        "12345",
    );
    let xml = list(r#"<PrivilegeGroup><Privilege>urn:x</Privilege></PrivilegeGroup>"#);
    assert_error(
        &encode(&xml),
        ErrorCode::InvalidInput,
        "PrivilegeGroup[1].Scope",
        "",
    );
}

#[test]
fn sensitivity_out_of_range() {
    for value in ["7", "0", "", "+1", "high", "12"] {
        let xml = list(&cpr_group(
            SUBJECT,
            &format!(
                r#"<Privilege>urn:x</Privilege><Constraint Name="urn:dk:kombit:KLE">32.*</Constraint><Constraint Name="urn:dk:kombit:sensitivity">{value}</Constraint>"#
            ),
        ));
        let err = mandates_from_claim(&encode(&xml), holder(), day()).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert_eq!(err.path(), "PrivilegeGroup[1].Constraint[2]");
        assert!(!err.message().contains(SUBJECT));
        if value == "7" {
            assert!(!err.message().contains('7'), "{err}");
        }
    }
}

#[test]
fn kle_constraint_not_a_pattern() {
    let xml = list(&format!(
        "{}{}",
        cpr_group(OTHER, "<Privilege>urn:x</Privilege>"),
        cpr_group(
            SUBJECT,
            r#"<Privilege>urn:x</Privilege><Constraint Name="urn:dk:kombit:KLE">3x.*</Constraint>"#
        )
    ));
    assert_error(
        &encode(&xml),
        ErrorCode::InvalidInput,
        "PrivilegeGroup[2].Constraint[1]",
        "3x",
    );
}

#[test]
fn other_malformed_groups() {
    use ErrorCode::InvalidInput;
    let xml = list(&cpr_group(SUBJECT, "<Privilege>  </Privilege>"));
    assert_error(
        &encode(&xml),
        InvalidInput,
        "PrivilegeGroup[1].Privilege[1]",
        "",
    );
    let xml = list(&cpr_group(
        SUBJECT,
        "<Privilege>urn:<b>secret</b></Privilege>",
    ));
    assert_error(
        &encode(&xml),
        InvalidInput,
        "PrivilegeGroup[1].Privilege[1]",
        "secret",
    );
    let xml = list(&cpr_group(SUBJECT, "<Constraint>32.*</Constraint>"));
    assert_error(
        &encode(&xml),
        InvalidInput,
        "PrivilegeGroup[1].Constraint[1]",
        "",
    );
}

#[test]
fn limits() {
    let big = list(&"<!-- padding -->".repeat(MAX_CLAIM_BYTES / 16 + 1));
    assert!(big.len() > MAX_CLAIM_BYTES);
    assert_error(&encode(&big), ErrorCode::LimitExceeded, "", "");

    let group = r#"<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:12345678"/>"#;
    let at_limit = list(&group.repeat(MAX_GROUPS));
    assert!(mandates_from_claim(&encode(&at_limit), holder(), day())
        .unwrap()
        .is_empty());
    let over = list(&group.repeat(MAX_GROUPS + 1));
    assert_error(
        &encode(&over),
        ErrorCode::LimitExceeded,
        "PrivilegeGroup",
        "",
    );

    // Whitespace does not count towards the size.
    let spaced: String = encode(&at_limit).chars().flat_map(|c| [c, '\n']).collect();
    assert!(mandates_from_claim(&spaced, holder(), day()).is_ok());
}

// ---------------------------------------------------------------- properties

/// One generated group: a CPR scope (with its privileges and constraints) or another scope.
#[derive(Debug, Clone)]
enum GenGroup {
    Citizen {
        cpr: String,
        privileges: Vec<String>,
        kle: Vec<String>,
        sensitivity: Vec<u8>,
    },
    Business(String),
}

fn gen_cpr() -> impl Strategy<Value = String> {
    (1u32..=28, 1u32..=12, 0u32..=99, 0u32..=9999)
        .prop_map(|(d, m, y, s)| format!("{d:02}{m:02}{y:02}{s:04}"))
}

fn gen_group() -> impl Strategy<Value = GenGroup> {
    let kle = prop_oneof![
        (0u8..100).prop_map(|m| format!("{m:02}.*")),
        (0u8..100, 0u8..100).prop_map(|(m, g)| format!("{m:02}.{g:02}.*")),
        Just("*".to_owned()),
    ];
    prop_oneof![
        3 => (
            gen_cpr(),
            prop::collection::vec("urn:[a-z]{1,8}(:[a-z_]{1,8}){0,3}", 0..4),
            prop::collection::vec(kle, 0..3),
            prop::collection::vec(1u8..=4, 0..3),
        )
            .prop_map(|(cpr, privileges, kle, sensitivity)| GenGroup::Citizen {
                cpr,
                privileges,
                kle,
                sensitivity
            }),
        1 => prop_oneof![
            "[0-9]{8}".prop_map(|n| format!("urn:dk:gov:saml:cvrNumberIdentifier:{n}")),
            "[0-9]{8}".prop_map(|n| format!("urn:dk:gov:saml:seNumberIdentifier:{n}")),
            "[0-9]{10}".prop_map(|n| format!("urn:dk:gov:saml:productionUnitIdentifier:{n}")),
        ]
        .prop_map(GenGroup::Business),
    ]
}

fn render(groups: &[GenGroup]) -> String {
    let mut body = String::new();
    for g in groups {
        match g {
            GenGroup::Citizen {
                cpr,
                privileges,
                kle,
                sensitivity,
            } => {
                let mut inner = String::new();
                for p in privileges {
                    inner.push_str(&format!("<Privilege>{p}</Privilege>"));
                }
                for k in kle {
                    inner.push_str(&format!(r#"<Constraint Name="urn:dk:kombit:KLE">{k}</Constraint>"#));
                }
                for s in sensitivity {
                    inner.push_str(&format!(
                        r#"<Constraint Name="urn:dk:kombit:sensitivity">{s}</Constraint>"#
                    ));
                }
                body.push_str(&cpr_group(cpr, &inner));
            }
            GenGroup::Business(scope) => body.push_str(&format!(
                r#"<PrivilegeGroup Scope="{scope}"><Privilege>urn:b</Privilege><Constraint Name="urn:dk:kombit:KLE">??</Constraint></PrivilegeGroup>"#
            )),
        }
    }
    list(&body)
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = mandates_from_claim(&STANDARD.encode(&bytes), holder(), day());
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,64}") {
        let _ = mandates_from_claim(&text, holder(), day());
    }

    #[test]
    fn xml_like_noise_never_panics(
        text in r#"(<|>|/|=|"|&|;|#|!|\[|\]|-|\?| |PrivilegeList|PrivilegeGroup|Privilege|Constraint|Scope|Name|CDATA|urn:dk:gov:saml:cprNumberIdentifier:0101901234|x|1|&amp;|&#x41;){0,40}"#
    ) {
        let _ = mandates_from_claim(&encode(&text), holder(), day());
    }

    #[test]
    fn generated_claims_round_trip(groups in prop::collection::vec(gen_group(), 0..12)) {
        let mandates = mandates_from_claim(&encode(&render(&groups)), holder(), day()).unwrap();
        let citizens: Vec<(usize, &GenGroup)> = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| matches!(g, GenGroup::Citizen { .. }))
            .collect();
        prop_assert_eq!(mandates.len(), citizens.len());
        for (m, (i, g)) in mandates.iter().zip(citizens) {
            let GenGroup::Citizen { cpr, privileges, kle, sensitivity } = g else { unreachable!() };
            prop_assert_eq!(&m.id, &format!("nemlogin:{}", i + 1));
            prop_assert_eq!(m.subject.as_str(), cpr.as_str());
            prop_assert_eq!(&m.privileges, privileges);
            prop_assert_eq!(m.scope.kle.as_ref().map(Vec::len), (!kle.is_empty()).then_some(kle.len()));
            prop_assert_eq!(
                m.scope.max_sensitivity,
                sensitivity.iter().min().and_then(|&l| Sensitivity::from_level(l))
            );
            prop_assert!(m.in_force_on(day()));
        }
    }
}
