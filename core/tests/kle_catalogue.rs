//! The KLE catalogue: loading the sample emneplan, lookups, errors and the JSON form.

use chrono::NaiveDate;
use egensag::kle::{Catalogue, KleNumber};
use egensag::{Error, ErrorCode};

const SAMPLE: &str = include_str!("../../examples/data/kle-sample.xml");

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn n(s: &str) -> KleNumber {
    KleNumber::parse(s).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn loads_the_sample() {
    let c = Catalogue::from_xml(SAMPLE).unwrap();
    assert_eq!(c.published, date(2025, 3, 1));
    // 3 main groups, 8 groups, 15 subjects.
    assert_eq!(c.entries.len(), 26);
    assert_eq!(c.entries.iter().filter(|e| e.number.len() == 8).count(), 15);
    assert_eq!(c.entries.iter().filter(|e| e.number.len() == 5).count(), 8);
    assert_eq!(c.entries[0].number, "15");
    assert_eq!(c.entries[1].number, "15.17");
    assert_eq!(c.entries[2].number, "15.17.00");
    for s in [
        "32.24.04", "32.30.04", "32.03.04", "32.21.12", "32.06.00", "15.17.06", "15.20.24",
        "27.42.12",
    ] {
        assert!(c.subject_title(n(s)).is_some(), "{s}");
    }
}

#[test]
fn titles_at_each_level() {
    let c = Catalogue::from_xml(SAMPLE).unwrap();
    assert_eq!(
        c.subject_title(n("32.24.04")),
        Some("Hjælp til forsørgelse")
    );
    assert_eq!(
        c.subject_title(n("27.42.12")),
        Some("Venteliste til plejebolig")
    );
    assert_eq!(c.subject_title(n("32.24.05")), None);
    assert_eq!(c.group_title(32, 24), Some("Kontanthjælp"));
    assert_eq!(c.group_title(15, 20), Some("Fleksjob"));
    assert_eq!(c.group_title(32, 99), None);
    assert_eq!(c.main_group_title(32), Some("Ydelser og familie"));
    assert_eq!(c.main_group_title(27), Some("Sundhed og ældre"));
    assert_eq!(c.main_group_title(0), None);
    assert_eq!(c.entry("15.17").unwrap().title, "Sygedagpengeopfølgning");
    assert!(c.entry("15.17.*").is_none());
    assert!(c.entry("").is_none());
}

#[test]
fn validity_fields() {
    let c = Catalogue::from_xml(SAMPLE).unwrap();
    let old = c.entry("32.24.06").unwrap();
    assert_eq!(old.title, "Starthjælp");
    assert_eq!(old.created, date(2002, 7, 1));
    assert_eq!(old.expired, date(2012, 1, 1));
    assert_eq!(old.replaced_by.as_deref(), Some("32.24.04"));
    let cur = c.entry("32.24.04").unwrap();
    // A date-time is read as its date.
    assert_eq!(cur.created, date(1998, 7, 1));
    assert_eq!(cur.expired, None);
    assert_eq!(cur.replaced_by, None);
    assert_eq!(c.entry("15.17").unwrap().created, date(2006, 7, 1));
}

#[test]
fn guidance_text_is_not_read_into_titles() {
    let c = Catalogue::from_xml(SAMPLE).unwrap();
    for e in &c.entries {
        assert!(
            !e.title.contains('<') && !e.title.contains("journaliseres"),
            "{}",
            e.number
        );
        assert_eq!(e.title, e.title.trim());
    }
}

#[test]
fn namespace_prefixes_and_attribute_date_are_accepted() {
    let xml = r#"<?xml version="1.0"?>
<k:KLE-Emneplan xmlns:k="urn:example:kle" UdgivelsesDato="2024-02-29T00:00:00">
  <k:Hovedgruppe><k:HovedgruppeNr>32</k:HovedgruppeNr><k:HovedgruppeTitel>Ydelser &amp; familie</k:HovedgruppeTitel>
    <k:Gruppe><k:GruppeNr>32.24</k:GruppeNr><k:GruppeTitel>Kontanthj&#230;lp</k:GruppeTitel>
      <k:Emne><k:EmneNr> 32.24.04 </k:EmneNr><k:EmneTitel><![CDATA[Hjælp til forsørgelse]]></k:EmneTitel></k:Emne>
    </k:Gruppe>
  </k:Hovedgruppe>
</k:KLE-Emneplan>"#;
    let c = Catalogue::from_xml(xml).unwrap();
    assert_eq!(c.published, date(2024, 2, 29));
    assert_eq!(c.main_group_title(32), Some("Ydelser & familie"));
    assert_eq!(c.group_title(32, 24), Some("Kontanthjælp"));
    assert_eq!(
        c.subject_title(n("32.24.04")),
        Some("Hjælp til forsørgelse")
    );
}

/// Asserts an XML error: InvalidPolicy at `catalogue`, with no trace of `secret`.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn xml_error(xml: &str, secret: &str) -> Error {
    let e = Catalogue::from_xml(xml).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidPolicy, "{e}");
    assert_eq!(e.path(), "catalogue");
    assert!(e.message().starts_with("expected"), "{e}");
    if !secret.is_empty() {
        assert!(!e.message().contains(secret), "{e}");
    }
    e
}

fn subject_doc(emne: &str) -> String {
    format!(
        "<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>32</HovedgruppeNr><HovedgruppeTitel>Y</HovedgruppeTitel>\
         <Gruppe><GruppeNr>32.24</GruppeNr><GruppeTitel>K</GruppeTitel>\
         <Emne><EmneNr>32.24.00</EmneNr><EmneTitel>A</EmneTitel></Emne>\
         <Emne>{emne}</Emne></Gruppe></Hovedgruppe></KLE-Emneplan>"
    )
}

#[test]
fn malformed_xml_is_an_error() {
    // Truncated at many points: never a panic, always an error.
    for cut in (0..SAMPLE.len())
        .step_by(97)
        .filter(|&i| SAMPLE.is_char_boundary(i))
    {
        let e = Catalogue::from_xml(&SAMPLE[..cut]).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidPolicy);
    }
    xml_error("", "");
    xml_error("not xml at all", "not xml");
    xml_error("<KLE-Emneplan><Hovedgruppe></KLE-Emneplan>", "");
    xml_error("<Emneplan/>", "Emneplan/");
    xml_error("<KLE-Emneplan/><KLE-Emneplan/>", "");
    // Wrong nesting of the levels.
    let e = xml_error(
        "<KLE-Emneplan><Hovedgruppe><HovedgruppeNr>32</HovedgruppeNr><HovedgruppeTitel>Y</HovedgruppeTitel>\
         <Emne><EmneNr>32.24.04</EmneNr><EmneTitel>X</EmneTitel></Emne></Hovedgruppe></KLE-Emneplan>",
        "32.24.04",
    );
    assert!(e.message().contains("Emne directly inside a Gruppe"), "{e}");
    xml_error("<KLE-Emneplan><Gruppe/></KLE-Emneplan>", "");
}

#[test]
fn bad_numbers_and_dates_are_named_not_echoed() {
    for bad in [
        "32.24.4",
        "32-24-04",
        "010190-1234",
        "77.88",
        "３２.24.04",
        "",
    ] {
        let e = xml_error(
            &subject_doc(&format!("<EmneNr>{bad}</EmneNr><EmneTitel>X</EmneTitel>")),
            bad,
        );
        assert_eq!(
            e.message(),
            "expected an EmneNr such as 32.24.04 in Emne 2",
            "{bad}"
        );
    }
    // A subject outside its group.
    let e = xml_error(
        &subject_doc("<EmneNr>32.21.12</EmneNr><EmneTitel>X</EmneTitel>"),
        "32.21",
    );
    assert!(e.message().contains("Emne 2"), "{e}");
    // Missing number or title, duplicate number.
    let e = xml_error(&subject_doc("<EmneTitel>X</EmneTitel>"), "");
    assert!(e.message().contains("EmneNr"), "{e}");
    let e = xml_error(&subject_doc("<EmneNr>32.24.04</EmneNr>"), "");
    assert!(e.message().contains("EmneTitel"), "{e}");
    xml_error(
        &subject_doc("<EmneNr>32.24.00</EmneNr><EmneTitel>X</EmneTitel>"),
        "",
    );
    // Bad dates and successors.
    let e = xml_error(
        &subject_doc(
            "<EmneNr>32.24.04</EmneNr><EmneTitel>X</EmneTitel>\
             <EmneAdministrativInfo><OprettetDato>1998-13-01</OprettetDato></EmneAdministrativInfo>",
        ),
        "1998",
    );
    assert!(e.message().contains("OprettetDato"), "{e}");
    xml_error(
        &subject_doc(
            "<EmneNr>32.24.04</EmneNr><EmneTitel>X</EmneTitel><EmneAdministrativInfo><Historisk>\
             <Flyttet><AfloestAf><EmneNr>32.9</EmneNr></AfloestAf></Flyttet></Historisk></EmneAdministrativInfo>",
        ),
        "32.9",
    );
    xml_error(
        "<KLE-Emneplan><UdgivelsesDato>soon</UdgivelsesDato></KLE-Emneplan>",
        "soon",
    );
    // Only four-digit years, two-digit months and days: chrono alone would take a sign
    // or padding in their place (a mutant that dropped the digit check survived).
    for bad in ["+025-03-01", "2025-+3-01", "2025-03-+1", " 025-03-01"] {
        xml_error(
            &format!("<KLE-Emneplan><UdgivelsesDato>{bad}</UdgivelsesDato></KLE-Emneplan>"),
            bad,
        );
    }
}

#[test]
fn an_empty_emneplan_is_an_empty_catalogue() {
    let c = Catalogue::from_xml("<KLE-Emneplan/>").unwrap();
    assert_eq!(c, Catalogue::default());
}

#[test]
fn json_round_trip() {
    let c = Catalogue::from_xml(SAMPLE).unwrap();
    let json = serde_json::to_string(&c).unwrap();
    let back = Catalogue::from_json(&json).unwrap();
    assert_eq!(back, c);
    assert_eq!(
        back.subject_title(n("32.24.04")),
        Some("Hjælp til forsørgelse")
    );
    // Plain serde also builds the index.
    let via_serde: Catalogue = serde_json::from_str(&json).unwrap();
    assert_eq!(via_serde.group_title(32, 24), Some("Kontanthjælp"));
    // Absent optional fields are left out.
    assert!(!json.contains("null"));
}

#[test]
fn json_errors() {
    let e = Catalogue::from_json("{\"entries\": [").unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidJson);
    let e = Catalogue::from_json(r#"{"entries": []} x"#).unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidJson);

    let cases = [
        (
            r#"{"entries":[{"number":"32","title":"a"},{"number":"32.24.4","title":"b"}]}"#,
            "entries[1].number",
            "32.24.4",
        ),
        (
            r#"{"entries":[{"number":"32","title":"a"},{"number":"32","title":"b"}]}"#,
            "entries[1].number",
            "",
        ),
        (
            r#"{"entries":[{"number":"32","title":" "}]}"#,
            "entries[0].title",
            "",
        ),
        (
            r#"{"entries":[{"number":"32","title":"a","replaced_by":"0101901234"}]}"#,
            "entries[0].replaced_by",
            "0101901234",
        ),
        (
            r#"{"entries":[{"number":3224,"title":"a"}]}"#,
            "entries[0].number",
            "3224",
        ),
        (
            r#"{"entries":[{"number":"32","title":"a","created":"1st May"}]}"#,
            "entries[0].created",
            "1st May",
        ),
        // An unknown field is named (the one error-boundary rule for every JSON input),
        // but never a digit run that could be a CPR number.
        (
            r#"{"entries":[{"number":"32","title":"a","secret_0101901234":1}]}"#,
            "entries[0].secret_010190-XXXX",
            "0101901234",
        ),
        (
            r#"{"entries":[{"number":"32","title":"a","Hans Hansen":1}]}"#,
            "entries[0].?",
            "Hans",
        ),
        (r#"{"entries":[{"title":"a"}]}"#, "entries[0]", ""),
        (r#"{"published":"2024-01-01"}"#, "", ""),
        (r#"[]"#, "", ""),
    ];
    for (json, path, secret) in cases {
        let e = Catalogue::from_json(json).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidPolicy, "{json}: {e}");
        if !path.is_empty() {
            assert_eq!(e.path(), path, "{json}: {e}");
        }
        if !secret.is_empty() {
            assert!(
                !e.message().contains(secret) && !e.path().contains(secret),
                "{json}: {e}"
            );
        }
    }
}

#[test]
fn schema_lists_the_fields() {
    let s = serde_json::to_value(schemars::schema_for!(Catalogue)).unwrap();
    let props = s["properties"].as_object().unwrap();
    assert!(props.contains_key("published") && props.contains_key("entries"));
    assert!(!props.contains_key("lookup"));
    assert_eq!(s["additionalProperties"], false);
    // Descriptions are prose, not the doc examples.
    assert!(!s.to_string().contains("```"));
    let entry = &s["$defs"]["CatalogueEntry"];
    assert_eq!(
        entry["properties"]["number"]["pattern"],
        r"^[0-9]{2}(?:\.[0-9]{2}){0,2}$"
    );
}

#[test]
fn edited_entries_are_found_after_reindex() {
    let mut c = Catalogue::from_xml(SAMPLE).unwrap();
    c.entries.retain(|e| !e.number.starts_with("15"));
    // Stale index: still correct (falls back to a scan), just slower.
    assert_eq!(c.main_group_title(15), None);
    assert_eq!(
        c.subject_title(n("32.24.04")),
        Some("Hjælp til forsørgelse")
    );
    c.reindex();
    assert_eq!(c.group_title(27, 42), Some("Plejeboliger"));
    assert_eq!(c.main_group_title(15), None);
}

#[test]
fn a_large_emneplan_streams_through() {
    // 100 groups of 100 subjects, each with guidance text, plus one deeply nested text.
    let mut xml = String::from("<KLE-Emneplan><UdgivelsesDato>2025-01-01</UdgivelsesDato>");
    xml.push_str(
        "<Hovedgruppe><HovedgruppeNr>32</HovedgruppeNr><HovedgruppeTitel>Y</HovedgruppeTitel>",
    );
    xml.push_str("<HovedgruppeVejledning><VejledningTekst>");
    xml.push_str(&"<p>".repeat(50_000));
    xml.push_str(&"</p>".repeat(50_000));
    xml.push_str("</VejledningTekst></HovedgruppeVejledning>");
    for g in 0..100 {
        xml.push_str(&format!(
            "<Gruppe><GruppeNr>32.{g:02}</GruppeNr><GruppeTitel>G{g}</GruppeTitel>"
        ));
        for s in 0..100 {
            xml.push_str(&format!(
                "<Emne><EmneNr>32.{g:02}.{s:02}</EmneNr><EmneTitel>E{g}-{s}</EmneTitel>\
                 <EmneVejledning><VejledningTekst><p>Tekst <b>med</b> &amp; markup</p></VejledningTekst></EmneVejledning>\
                 <EmneAdministrativInfo><OprettetDato>2001-01-01T00:00:00</OprettetDato></EmneAdministrativInfo></Emne>"
            ));
        }
        xml.push_str("</Gruppe>");
    }
    xml.push_str("</Hovedgruppe></KLE-Emneplan>");
    let c = Catalogue::from_xml(&xml).unwrap();
    assert_eq!(c.entries.len(), 1 + 100 + 100 * 100);
    assert_eq!(c.subject_title(n("32.99.99")), Some("E99-99"));
    assert_eq!(c.entry("32.07.42").unwrap().created, date(2001, 1, 1));
}

/// Catalogues are equal exactly when their publication date and entries are (the two
/// `PartialEq` mutants that made any two catalogues equal survived without this).
#[test]
fn equality_is_date_and_entries() {
    let c = Catalogue::from_xml(SAMPLE).unwrap();
    let mut other_date = c.clone();
    other_date.published = date(2026, 1, 1);
    assert_ne!(other_date, c);
    let mut other_title = c.clone();
    other_title.entries[3].title = "Andet".into();
    other_title.reindex();
    assert_ne!(other_title, c);
    let mut fewer = c.clone();
    fewer.entries.pop();
    fewer.reindex();
    assert_ne!(fewer, c);
    assert_eq!(c.clone(), c);
}

/// An entry added to `entries` by hand is found before `reindex` (the lookup falls back
/// to a scan when it is out of step) and after it; one removed by hand is not found. (The
/// mutants of that fallback's guard survived without this.)
#[test]
fn entries_edited_by_hand_are_found_with_and_without_reindex() {
    let mut c = Catalogue::from_xml(SAMPLE).unwrap();
    assert_eq!(c.subject_title(n("32.24.99")), None);
    c.entries.push(egensag::kle::CatalogueEntry {
        number: "32.24.99".into(),
        title: "Ny emne".into(),
        created: None,
        expired: None,
        replaced_by: None,
    });
    assert_eq!(c.subject_title(n("32.24.99")), Some("Ny emne"));
    c.reindex();
    assert_eq!(c.subject_title(n("32.24.99")), Some("Ny emne"));
    assert_eq!(
        c.subject_title(n("32.24.04")),
        Some("Hjælp til forsørgelse")
    );
    c.entries.retain(|e| e.number != "32.24.04");
    assert_eq!(c.subject_title(n("32.24.04")), None);
}

/// A value of the wrong type in the JSON form is answered with what belongs there, in the
/// library's words and without the value (the mutants that blanked these messages
/// survived without this).
#[test]
fn json_type_errors_say_what_belongs_there() {
    let cases = [
        (
            r#"{"entries":[{"number":3224,"title":"a"}]}"#,
            "expected a KLE number such as 32, 32.24 or 32.24.04",
        ),
        (
            r#"{"entries":[{"number":"32","title":"a","replaced_by":3224}]}"#,
            "expected a KLE number such as 32, 32.24 or 32.24.04",
        ),
        (
            r#"{"entries":[{"number":"32","title":"a","created":20240101}]}"#,
            "expected a date YYYY-MM-DD or null",
        ),
        (
            r#"{"entries":[{"number":"32","title":4711}]}"#,
            "expected a string",
        ),
        (r#"{"entries":{}}"#, "expected an array of entries"),
        (
            r#"{"entries":[17]}"#,
            "expected an entry object with number and title",
        ),
    ];
    for (json, expected) in cases {
        let e = Catalogue::from_json(json).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidPolicy, "{json}: {e}");
        assert!(e.message().contains(expected), "{json}: {e}");
        for value in ["3224", "20240101", "4711"] {
            assert!(!e.message().contains(value), "{json}: {e}");
        }
    }
}

/// A level in the wrong place is an error that names the place it belongs, whatever it
/// holds (mutants that let a Hovedgruppe or Gruppe stand anywhere survived without this).
#[test]
fn levels_in_the_wrong_place_are_named() {
    let main = "<Hovedgruppe><HovedgruppeNr>15</HovedgruppeNr><HovedgruppeTitel>Z</HovedgruppeTitel></Hovedgruppe>";
    let group = "<Gruppe><GruppeNr>32.21</GruppeNr><GruppeTitel>G</GruppeTitel></Gruppe>";
    let cases = [
        (
            format!("<KLE-Emneplan>{group}</KLE-Emneplan>"),
            "expected Gruppe directly inside a Hovedgruppe",
        ),
        (
            subject_doc(&format!(
                "<EmneNr>32.24.04</EmneNr><EmneTitel>X</EmneTitel>{main}"
            )),
            "expected Hovedgruppe directly inside KLE-Emneplan",
        ),
        (
            subject_doc(&format!(
                "<EmneNr>32.24.04</EmneNr><EmneTitel>X</EmneTitel>{group}"
            )),
            "expected Gruppe directly inside a Hovedgruppe",
        ),
    ];
    for (xml, expected) in cases {
        let e = xml_error(&xml, "");
        assert!(e.message().starts_with(expected), "{e}");
    }
    // In its place it is read.
    let c = Catalogue::from_xml(&format!("<KLE-Emneplan>{main}</KLE-Emneplan>")).unwrap();
    assert_eq!(c.main_group_title(15), Some("Z"));
}

/// Field elements outside the element they belong to are not read: a number, title or
/// date one level too high or too low, or an administrative date outside its
/// `…AdministrativInfo`/`Historisk`/`Flyttet`/`AfloestAf`, changes nothing (the mutants
/// that read such fields wherever they stood survived without this).
#[test]
fn fields_outside_their_element_are_not_read() {
    let doc = |main: &str, group: &str, subject: &str, admin: &str| {
        format!(
            "<KLE-Emneplan><UdgivelsesDato>2025-03-01</UdgivelsesDato>\
             <Hovedgruppe><HovedgruppeNr>32</HovedgruppeNr><HovedgruppeTitel>Y</HovedgruppeTitel>{main}\
             <Gruppe><GruppeNr>32.24</GruppeNr><GruppeTitel>K</GruppeTitel>{group}\
             <Emne><EmneNr>32.24.04</EmneNr><EmneTitel>A</EmneTitel>\
             <EmneAdministrativInfo><OprettetDato>2020-01-01</OprettetDato>{admin}</EmneAdministrativInfo>\
             {subject}</Emne></Gruppe></Hovedgruppe></KLE-Emneplan>"
        )
    };
    let base = Catalogue::from_xml(&doc("", "", "", "")).unwrap();
    assert_eq!(base.entries.len(), 3);
    let at_main = [
        "<GruppeNr>32.25</GruppeNr>",
        "<EmneNr>32.24.05</EmneNr>",
        "<GruppeTitel>Q</GruppeTitel>",
        "<EmneTitel>Q</EmneTitel>",
        "<UdgivelsesDato>2001-01-01</UdgivelsesDato>",
        "<GruppeAdministrativInfo><OprettetDato>2001-01-01</OprettetDato></GruppeAdministrativInfo>",
        "<EmneAdministrativInfo><OprettetDato>2001-01-01</OprettetDato></EmneAdministrativInfo>",
    ];
    let at_group = [
        "<HovedgruppeNr>33</HovedgruppeNr>",
        "<EmneNr>32.24.05</EmneNr>",
        "<HovedgruppeTitel>Q</HovedgruppeTitel>",
        "<EmneTitel>Q</EmneTitel>",
        "<HovedgruppeAdministrativInfo><OprettetDato>2001-01-01</OprettetDato></HovedgruppeAdministrativInfo>",
        "<EmneAdministrativInfo><OprettetDato>2001-01-01</OprettetDato></EmneAdministrativInfo>",
    ];
    let at_subject = [
        "<GruppeNr>32.25</GruppeNr>",
        "<HovedgruppeNr>33</HovedgruppeNr>",
        "<GruppeTitel>Q</GruppeTitel>",
        "<HovedgruppeTitel>Q</HovedgruppeTitel>",
        "<OprettetDato>2001-01-01</OprettetDato>",
        "<UdgaaetDato>2001-01-01</UdgaaetDato>",
        "<Historisk><UdgaaetDato>2001-01-01</UdgaaetDato></Historisk>",
    ];
    let at_admin = [
        "<UdgaaetDato>2001-01-01</UdgaaetDato>",
        "<Flyttet><AfloestAf><EmneNr>32.24.05</EmneNr></AfloestAf></Flyttet>",
        "<AfloestAf><EmneNr>32.24.05</EmneNr></AfloestAf>",
        "<Historisk><AfloestAf><EmneNr>32.24.05</EmneNr></AfloestAf></Historisk>",
        "<Historisk><Flyttet><EmneNr>32.24.05</EmneNr></Flyttet></Historisk>",
    ];
    let docs = at_main
        .iter()
        .map(|x| doc(x, "", "", ""))
        .chain(at_group.iter().map(|x| doc("", x, "", "")))
        .chain(at_subject.iter().map(|x| doc("", "", x, "")))
        .chain(at_admin.iter().map(|x| doc("", "", "", x)));
    for xml in docs {
        let read = Catalogue::from_xml(&xml);
        assert_eq!(read.as_ref().ok(), Some(&base), "{xml}: {read:?}");
    }
    // And in their places they are read.
    let placed = Catalogue::from_xml(&doc(
        "",
        "",
        "",
        "<Historisk><UdgaaetDato>2024-01-01</UdgaaetDato>\
         <Flyttet><AfloestAf><EmneNr>32.24.00</EmneNr></AfloestAf></Flyttet></Historisk>",
    ))
    .unwrap();
    assert_ne!(placed, base);
    let main_created = Catalogue::from_xml(&doc(
        "<HovedgruppeAdministrativInfo><OprettetDato>2001-01-01</OprettetDato></HovedgruppeAdministrativInfo>",
        "",
        "",
        "",
    ))
    .unwrap();
    assert_eq!(main_created.entries[0].created, date(2001, 1, 1));
}
