//! The index readers (DOMAIN.md section 10) on hand-made documents in KOMBIT's structure
//! (`tests/sources/`): expected records byte for byte (`EGENSAG_BLESS=1` rewrites them),
//! errors with element paths, the same citizen through XML and JSON, and properties on
//! arbitrary input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use egensag::sources::sources_json;
use egensag::ErrorCode;
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

const AS_OF: &str = "2026-11-23";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/sources")
}

fn read(rel: &str) -> String {
    fs::read_to_string(dir().join(rel)).unwrap()
}

fn profile() -> String {
    read("profile.json")
}

/// Keys sorted at every level, whichever map serde_json was built with: workspace builds
/// may turn on its `preserve_order` feature, and the expected files must not depend on it.
fn sorted(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            serde_json::Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(sorted).collect())
        }
        other => other,
    }
}

fn pretty(json: &str) -> String {
    let value = sorted(serde_json::from_str(json).unwrap());
    let mut text = serde_json::to_string_pretty(&value).unwrap();
    text.push('\n');
    text
}

/// Reads a fixture and compares it with its `.expected.json` beside it.
fn check_fixture(kind: &str, rel: &str) -> serde_json::Value {
    let json = sources_json(kind, &read(rel), AS_OF, Some(&profile())).unwrap();
    let expected_path = dir().join(rel.replace(".xml", ".expected.json"));
    let actual = pretty(&json);
    if std::env::var_os("EGENSAG_BLESS").is_some() {
        fs::write(&expected_path, &actual).unwrap();
    }
    let expected = fs::read_to_string(&expected_path).unwrap_or_default();
    assert_eq!(actual, expected, "{rel} differs from its expected records");
    serde_json::from_str(&json).unwrap()
}

#[test]
fn sag_with_history_reads_only_what_the_citizen_may_see() {
    let out = check_fixture("sf1470", "sf1470/sag-history.xml");
    let case = &out["cases"][0];
    assert_eq!(case["id"], "S-1001");
    assert_eq!(case["source"], "KSD");
    assert_eq!(case["title"], "Sygedagpenge");
    assert_eq!(
        case["kle"], "32.30.04",
        "the Primær klasse in force on as_of"
    );
    assert_eq!(case["facet"], "G01");
    assert_eq!(case["outcome"], "delvist_bevilget");
    assert_eq!(case["sensitivity"], "foelsomme");
    let states: Vec<&str> = case["progress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["opstaaet", "oplyst", "afgjort", "afsluttet"]);
    let parties = case["parties"].as_array().unwrap();
    // The ended relation and the unknown role are not read.
    let cprs: Vec<&str> = parties.iter().filter_map(|p| p["cpr"].as_str()).collect();
    assert_eq!(cprs, ["0101901234", "0303804321"]);
    assert_eq!(parties[1]["role"], "secondary");
    assert_eq!(parties[1]["valid_to"], "2026-12-31");
    assert_eq!(parties[2]["cvr"], "12345678");
    assert_eq!(parties[2]["role"], "owner");
    // The withheld document and the journal note are not listed.
    let titles: Vec<&str> = case["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Ansøgning om sygedagpenge", "Afgørelse om sygedagpenge"]
    );
}

#[test]
fn list_response_reads_every_sag_and_hides_the_malformed_one() {
    let out = check_fixture("sf1470", "sf1470/list-response.xml");
    let cases = out["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 3);
    assert_eq!(
        cases[0]["withheld_from_citizen"], true,
        "Visning undtaget for borger"
    );
    assert_eq!(cases[1]["id"], "S-1003");
    assert_eq!(cases[1]["void"], true);
    assert!(cases[1].get("kle").is_none_or(serde_json::Value::is_null));
    assert_eq!(cases[2]["void"], false);
    assert_eq!(
        out["problems"][0]["path"],
        "Sag[1]/TilstandListe/Fremdrift[0]/Virkning/FraTidspunkt"
    );
}

#[test]
fn benefit_with_plan_and_payments() {
    let out = check_fixture("ydelsesindeks", "ydelsesindeks/kontanthjaelp.xml");
    let b = &out["benefits"][0];
    assert_eq!(b["id"], "Y-1");
    assert_eq!(b["kle"], "32.24.04");
    assert_eq!(b["recipient"], "0101901234");
    assert_eq!(b["case_id"], "S-1002");
    assert_eq!(b["grant"]["amount_ore"], 1_234_550);
    assert_eq!(b["grant"]["plan"]["payment_day"], "last_banking_day");
    assert_eq!(b["payments"][0]["status"], "paid");
    assert_eq!(b["payments"][0]["net_ore"], 901_234);
    assert_eq!(b["payments"][1]["status"], "planned");
    assert_eq!(b["payer"]["kind"], "municipality");
}

#[test]
fn three_decimals_hide_the_benefit_and_never_round() {
    let out = check_fixture("ydelsesindeks", "ydelsesindeks/amounts.xml");
    let problems = out["problems"].as_array().unwrap();
    assert!(problems.iter().any(|p| p["path"]
        == "OekonomiskEffektueringIndeks[1]/AttributListe/Egenskaber/SamletBruttobeloeb"));
    // A malformed amount inside the benefit's payments hides the benefit (section 7).
    let benefit = &out["benefits"][0];
    assert_eq!(benefit["void"], true);
    assert!(benefit["kle"].is_null() && benefit["payments"].as_array().unwrap().is_empty());
    // The refund alone is read exactly.
    let refund = read("ydelsesindeks/amounts.xml").replace("1.234", "1.23");
    let json = sources_json("ydelsesindeks", &refund, AS_OF, None).unwrap();
    let ok: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(ok["benefits"][0]["void"], false);
    assert_eq!(ok["benefits"][0]["payments"][0]["net_ore"], -1234);
    assert_eq!(ok["benefits"][0]["payments"][1]["gross_ore"], 123);
}

#[test]
fn read_records_equal_the_same_citizen_written_as_json() {
    let xml = sources_json(
        "sf1470",
        &read("sf1470/sag-history.xml"),
        AS_OF,
        Some(&profile()),
    )
    .unwrap();
    let cases: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&xml).unwrap()["cases"].clone();
    let request = format!(
        r#"{{"as_of": "{AS_OF}", "subject": {{"cpr": "0101901234"}}, "viewer": {{"cpr": "0101901234", "role": "self"}},
            "cases": [{{"id": "S-1001", "source": "KSD", "title": "Sygedagpenge", "kle": "32.30.04", "facet": "G01",
              "parties": [{{"cpr": "0101901234", "role": "primary", "valid_from": "2026-01-05"}},
                          {{"cpr": "0303804321", "role": "secondary", "valid_from": "2026-03-01", "valid_to": "2026-12-31"}},
                          {{"cvr": "12345678", "role": "owner", "valid_from": "2026-01-05"}}],
              "sensitivity": "foelsomme", "created": "2026-01-05",
              "progress": [{{"state": "opstaaet", "at": "2026-01-05T09:00:00+01:00"}}, {{"state": "oplyst", "at": "2026-03-02T14:30:00+01:00"}},
                           {{"state": "afgjort", "at": "2026-09-15T10:00:00+02:00"}}, {{"state": "afsluttet", "at": "2026-10-01T08:00:00+02:00"}}],
              "local_status": "Under behandling", "outcome": "delvist_bevilget",
              "documents": [{{"title": "Ansøgning om sygedagpenge", "date": "2026-01-05", "direction": "incoming"}},
                            {{"title": "Afgørelse om sygedagpenge", "date": "2026-09-15", "direction": "incoming"}}]}}]}}"#
    );
    let parsed = egensag::model::parse_request(&request).unwrap();
    let from_json = serde_json::to_value(&parsed.cases).unwrap();
    assert_eq!(cases, from_json);
}

fn error(kind: &str, xml: &str) -> egensag::Error {
    sources_json(kind, xml, AS_OF, None).unwrap_err()
}

#[test]
fn document_level_errors_have_codes_and_paths() {
    assert_eq!(
        error("sf1470", r#"<Sag xmlns="urn:oio:sts:sagdok:sag:6">"#).code(),
        ErrorCode::InvalidJson
    );
    let e = error(
        "sf1470",
        r#"<Dokument xmlns="urn:oio:sts:sagdok:dokument:6"/>"#,
    );
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    // Right local name, wrong namespace: still the wrong root.
    assert_eq!(error("sf1470", "<Sag/>").code(), ErrorCode::InvalidInput);
    let dtd = r#"<!DOCTYPE Sag [<!ENTITY x "0101901234">]><Sag xmlns="urn:oio:sts:sagdok:sag:6">&x;</Sag>"#;
    let e = error("sf1470", dtd);
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    assert!(!e.to_string().contains("0101901234"));
    let e = error(
        "sf1470",
        r#"<Sag xmlns="urn:oio:sts:sagdok:sag:6"><Registrering>&secret;</Registrering></Sag>"#,
    );
    assert_eq!(e.path(), "Sag/Registrering");
    assert_eq!(
        error("ydelsesindeks", "<BevillingIndeks/>").code(),
        ErrorCode::InvalidInput
    );
    let e = sources_json("sf1470", "<x/>", "2026-13-01", None).unwrap_err();
    assert_eq!(e.path(), "as_of");
    let e = sources_json(
        "sf1470",
        "<x/>",
        AS_OF,
        Some(r#"{"party_roles": {"x": "boss"}}"#),
    )
    .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        (ErrorCode::InvalidPolicy, "profile.party_roles.x")
    );
}

#[test]
fn a_bad_date_in_one_sag_hides_that_sag_only() {
    let doc = read("sf1470/list-response.xml").replacen(
        "<si:OprettetTidspunkt>2026-04-01T08:00:00+02:00",
        "<si:OprettetTidspunkt>2026-13-45",
        1,
    );
    let out: serde_json::Value =
        serde_json::from_str(&sources_json("sf1470", &doc, AS_OF, None).unwrap()).unwrap();
    assert_eq!(out["cases"].as_array().unwrap().len(), 3);
    assert_eq!(out["cases"][2]["void"], true);
    assert_eq!(out["cases"][0]["void"], false);
    let paths: Vec<&str> = out["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(
            &"Sag[2]/AttributListe/LokalUdvidelseListe/SagIndeksEgenskaber/OprettetTidspunkt"
        ),
        "{paths:?}"
    );
}

/// Strings that appear in the fixtures only inside elements the readers skip.
const SECRETS: &[&str] = &[
    "Bent Borgersen",
    "Karin Sagsbehandlersen",
    "Hemmelig titel",
    "Notat om telefonsamtale",
    "Beskrivelse med følsomme",
    "Begrundelse",
    "Meddelelse til borgeren",
    "Lægeerklæring fra psykiatrisk",
    "0202854321",
    "0404704321",
    "Tm90YXQ",
];

#[test]
fn skipped_content_never_reaches_the_output() {
    for (kind, rel) in [
        ("sf1470", "sf1470/sag-history.xml"),
        ("sf1470", "sf1470/list-response.xml"),
        ("ydelsesindeks", "ydelsesindeks/kontanthjaelp.xml"),
    ] {
        let json = sources_json(kind, &read(rel), AS_OF, Some(&profile())).unwrap();
        for secret in SECRETS {
            assert!(!json.contains(secret), "{rel}: {secret}");
        }
    }
}

fn mutate(doc: &str, at: usize, cut: usize, insert: &str) -> String {
    let mut at = at % (doc.len() + 1);
    while !doc.is_char_boundary(at) {
        at -= 1;
    }
    let mut end = (at + cut).min(doc.len());
    while !doc.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{}{}", &doc[..at], insert, &doc[end..])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_documents_never_panic_nor_leak(
        which in 0usize..3, at in any::<usize>(), cut in 0usize..200,
        insert in prop::sample::select(vec!["", "<", ">", "</Titel>", "<sag:Titel>", "&amp;", "&x;", "<!DOCTYPE x>",
            "</sag:Egenskaber>", "<Virkning>", "]]>", "<![CDATA[x]]>", "\u{0}", "2026-02-30", "1.234"]),
    ) {
        let (kind, rel) = [("sf1470", "sf1470/sag-history.xml"), ("sf1470", "sf1470/list-response.xml"),
            ("ydelsesindeks", "ydelsesindeks/kontanthjaelp.xml")][which];
        let doc = mutate(&read(rel), at, cut, insert);
        match sources_json(kind, &doc, AS_OF, Some(&profile())) {
            Ok(json) => {
                for secret in SECRETS {
                    prop_assert!(!json.contains(secret), "{} leaked", secret);
                }
            }
            Err(e) => {
                prop_assert!(!e.to_string().contains("0101901234"));
                for secret in SECRETS {
                    prop_assert!(!e.to_string().contains(secret));
                }
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}", kind in prop::sample::select(vec!["sf1470", "ydelsesindeks"])) {
        let _ = sources_json(kind, &text, AS_OF, None);
    }
}

#[test]
fn policy_links_accept_https_only_with_a_path() {
    let policy = |url: &str| {
        format!(
            r#"{{"id": "p", "kle": {{"include": [{{"pattern": "*"}}]}},
            "links": [{{"pattern": "32.30.*", "url": "{url}", "text": {{"da": "Læs", "en": "Read"}}}}]}}"#
        )
    };
    assert!(egensag::model::parse_policy(&policy("https://www.borger.dk/sygedagpenge")).is_ok());
    for bad in [
        "http://www.borger.dk",
        "javascript:alert(1)",
        "https://",
        "https://a b",
    ] {
        let e = egensag::model::parse_policy(&policy(bad)).unwrap_err();
        assert_eq!(
            (e.code(), e.path()),
            (ErrorCode::InvalidPolicy, "links[0].url"),
            "{bad}"
        );
    }
}
