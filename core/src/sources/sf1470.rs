//! SF1470 Sags- og dokumentindeks: `Sag` → [`Case`] (docs/sources.md).

use super::profile::ClassRole;
use super::tree::{read_records, Node, Spec};
use super::{
    date_at, egenskaber_on, latest_registrering, malformed, party_id, role_of, sensitivity,
    within_items, Malformed, PartyId, SourceCases, SourceProfile, Virkning,
};
use crate::error::Error;
use crate::model::{Case, Document, Limits, Party, Progress, ProgressState};
use crate::order;
use crate::validation::ProblemCode;
use chrono::NaiveDate;

const SAG: &str = "urn:oio:sts:sagdok:sag:6";
const SAG_INDEKS: &str = "urn:oio:sts:sagdok:sagindeks:6";
const SAGDOK: &str = "urn:oio:sagdok:3.0.0";
const GENERELLE: &str = "urn:oio:sts:generelledefinitioner:6";

/// What the reader looks for. `Titel` is kept only where its parents are kept
/// (`Egenskaber`), so a journal note's title (inside `JournalnotatEgenskaber`) and the
/// secret `TitelAlternativTekst` are never read.
const SPEC: Spec = Spec {
    roots: &[
        (SAG, "Sag"),
        (SAG, "ImportInput"),
        (SAG, "LaesOutput"),
        (SAG, "ListOutput"),
    ],
    records: &[(SAG, "Sag"), (SAG, "FiltreretOejebliksbillede")],
    namespaces: &[SAG, SAG_INDEKS, SAGDOK, GENERELLE],
    keep: &[
        "Registrering",
        "Tidspunkt",
        "AttributListe",
        "TilstandListe",
        "RelationListe",
        "Egenskaber",
        "Virkning",
        "FraTidspunkt",
        "TilTidspunkt",
        "TidsstempelDatoTid",
        "GraenseIndikator",
        "Sagsnummer",
        "Titel",
        "LokalUdvidelseListe",
        "SagIndeksEgenskaber",
        "Foelsomhed",
        "Sagsstatus",
        "OprettetTidspunkt",
        "Fremdrift",
        "FremdriftStatusKode",
        "Sagspart",
        "Sagsklasse",
        "Rolle",
        "ReferenceID",
        "UUIDIdentifikator",
        "URNIdentifikator",
        "SagsklasseLokalUdvidelse",
        "BrugervendtNoegle",
        "Klassetitel",
        "Journalpost",
        "JournalpostEgenskaber",
        "Dokumenttitel",
        "SagsitsystemRelation",
        "SystemNavn",
    ],
    label: "Sag",
};

/// Reads every `Sag` of an SF1470 document (a `Sag`, an `ImportInput`, or a `LaesOutput`
/// / `ListOutput` response) as cases on `as_of`.
///
/// Mapping (from the latest `Registrering`): `Egenskaber` in effect on `as_of` →
/// `id` (`Sagsnummer`), `title` (`Titel` only); `SagIndeksEgenskaber` → `sensitivity`,
/// `local_status`, `created`; `Fremdrift` → `progress`; `Sagspart` in effect on `as_of`
/// with a known role → `parties` (unknown roles are left out: never the primary party);
/// `Sagsklasse` in effect → `kle`, `facet`, `withheld_from_citizen`, `outcome`;
/// `Journalpost` with a `Dokumenttitel` → `documents` (a document whose own Visningsklasse
/// withholds is left out: never listed, counted or notified; journal notes are never
/// read); `SagsitsystemRelation/SystemNavn` or the profile → `source`.
///
/// ```
/// use egensag::sources::{read_sf1470, SourceProfile};
/// let e = read_sf1470("<Dokument/>", chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
///     &SourceProfile::default()).unwrap_err();
/// assert_eq!(e.code(), egensag::ErrorCode::InvalidInput);
/// ```
pub fn read_sf1470(
    xml: &str,
    as_of: NaiveDate,
    profile: &SourceProfile,
) -> Result<SourceCases, Error> {
    let limits = Limits::default();
    let mut out = SourceCases {
        cases: Vec::new(),
        problems: Vec::new(),
    };
    read_records(xml, &SPEC, &limits, |raw| {
        let index = out.cases.len();
        let record = format!("Sag[{index}]");
        let mapped = match raw.overlong {
            Some(path) => malformed(path, "string longer than the limit"),
            None => map_case(&raw.node, as_of, profile, &limits),
        };
        match mapped {
            Ok(case) => out.cases.push(case),
            Err(m) => {
                out.problems
                    .push(m.problem(ProblemCode::RecordMalformed, &record));
                out.cases
                    .push(void_case(&raw.node, &record, as_of, profile));
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// The hidden stand-in for a Sag that cannot be read: its number (or its position) and
/// source, void, without a KLE number; nothing else of its content.
fn void_case(node: &Node, record: &str, as_of: NaiveDate, profile: &SourceProfile) -> Case {
    let registrering = latest_registrering(node);
    let id = registrering
        .and_then(|r| r.at(&["AttributListe"]))
        .and_then(|a| a.all("Egenskaber").find_map(|e| e.text_at(&["Sagsnummer"])))
        .map_or_else(|| record.to_owned(), str::to_owned);
    Case {
        id,
        source: source_of(registrering, profile),
        title: String::new(),
        title_restricted: false,
        kle: None,
        facet: None,
        parties: Vec::new(),
        sensitivity: crate::model::Sensitivity::Vip,
        withheld_from_citizen: true,
        withheld_from_representatives: true,
        void: true,
        created: as_of,
        progress: Vec::new(),
        local_status: None,
        outcome: None,
        requests: Vec::new(),
        caseworker: None,
        documents: Vec::new(),
    }
}

/// The source: the profile's, else the document's `SystemNavn`, else `SF1470`.
fn source_of(registrering: Option<&Node>, profile: &SourceProfile) -> String {
    profile
        .source
        .clone()
        .or_else(|| {
            registrering
                .and_then(|r| {
                    r.text_at(&[
                        "RelationListe",
                        "LokalUdvidelseListe",
                        "SagsitsystemRelation",
                        "SystemNavn",
                    ])
                })
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "SF1470".to_owned())
}

fn map_case(
    node: &Node,
    as_of: NaiveDate,
    profile: &SourceProfile,
    limits: &Limits,
) -> Result<Case, Malformed> {
    let Some(reg) = latest_registrering(node) else {
        return malformed("Registrering", "expected a Registrering");
    };
    let empty = Node::default();
    let attributes = reg.child("AttributListe").unwrap_or(&empty);
    let relations = reg.child("RelationListe").unwrap_or(&empty);

    let egenskaber = egenskaber_on(attributes, as_of)?;
    let Some((egenskaber, path)) = egenskaber else {
        return malformed(
            "AttributListe/Egenskaber",
            "expected Egenskaber with a Sagsnummer",
        );
    };
    let Some(id) = egenskaber.text_at(&["Sagsnummer"]) else {
        return malformed(format!("{path}Sagsnummer"), "expected a Sagsnummer");
    };

    let indeks = attributes.at(&["LokalUdvidelseListe", "SagIndeksEgenskaber"]);
    let indeks_path = "AttributListe/LokalUdvidelseListe/SagIndeksEgenskaber/";
    let sensitivity = match indeks.and_then(|i| i.text_at(&["Foelsomhed"])) {
        None => crate::model::Sensitivity::IkkeFortrolige,
        Some(code) => match sensitivity(code) {
            Some(s) => s,
            None => {
                return malformed(
                    format!("{indeks_path}Foelsomhed"),
                    "expected a Foelsomhed code",
                )
            }
        },
    };
    let created_at = match indeks {
        Some(i) => date_at(i, &["OprettetTidspunkt"], indeks_path)?,
        None => None,
    };

    let progress = progress(reg, limits)?;
    let created = created_at
        .or_else(|| {
            progress
                .iter()
                .find(|p| p.state == ProgressState::Opstaaet)
                .map(|p| p.at.date())
        })
        .or_else(|| progress.first().map(|p| p.at.date()));
    let Some(created) = created else {
        return malformed(
            format!("{indeks_path}OprettetTidspunkt"),
            "expected the date the case arose",
        );
    };

    let mut case = Case {
        id: id.to_owned(),
        source: source_of(Some(reg), profile),
        title: egenskaber
            .text_at(&["Titel"])
            .unwrap_or_default()
            .to_owned(),
        title_restricted: false,
        kle: None,
        facet: None,
        parties: parties(relations, as_of, profile, limits)?,
        sensitivity,
        withheld_from_citizen: false,
        withheld_from_representatives: false,
        void: false,
        created,
        progress,
        local_status: indeks
            .and_then(|i| i.text_at(&["Sagsstatus"]))
            .map(str::to_owned),
        outcome: None,
        requests: Vec::new(),
        caseworker: None,
        documents: documents(relations, profile, limits)?,
    };
    classes(relations, as_of, profile, &mut case)?;
    Ok(case)
}

fn progress(reg: &Node, limits: &Limits) -> Result<Vec<Progress>, Malformed> {
    let mut out = Vec::new();
    let Some(states) = reg.child("TilstandListe") else {
        return Ok(out);
    };
    within_items(
        states.all("Fremdrift").count(),
        limits,
        "TilstandListe/Fremdrift",
    )?;
    for (i, f) in states.all("Fremdrift").enumerate() {
        let path = format!("TilstandListe/Fremdrift[{i}]/");
        let state = match f.text_at(&["FremdriftStatusKode"]) {
            Some("Opstaaet") => ProgressState::Opstaaet,
            Some("Oplyst") => ProgressState::Oplyst,
            Some("Afgjort") => ProgressState::Afgjort,
            Some("Afsluttet") => ProgressState::Afsluttet,
            _ => {
                return malformed(
                    format!("{path}FremdriftStatusKode"),
                    "expected Opstaaet, Oplyst, Afgjort or Afsluttet",
                )
            }
        };
        let Some(at) = Virkning::of(f, &path)?.from else {
            return malformed(
                format!("{path}Virkning/FraTidspunkt"),
                "expected the moment the state was entered",
            );
        };
        out.push(Progress { state, at });
    }
    order::sort_by(&mut out, |a, b| a.at.cmp(&b.at));
    Ok(out)
}

fn parties(
    relations: &Node,
    as_of: NaiveDate,
    profile: &SourceProfile,
    limits: &Limits,
) -> Result<Vec<Party>, Malformed> {
    within_items(
        relations.all("Sagspart").count(),
        limits,
        "RelationListe/Sagspart",
    )?;
    let mut out = Vec::new();
    for (i, p) in relations.all("Sagspart").enumerate() {
        let path = format!("RelationListe/Sagspart[{i}]/");
        let virkning = Virkning::of(p, &path)?;
        // An unknown role is never the primary party: it is not read at all.
        let Some(role) = role_of(p).and_then(|r| profile.party_role(r)) else {
            continue;
        };
        // Relations are evaluated on as_of: an ended or future party does not count.
        if !virkning.covers(as_of) {
            continue;
        }
        let (cpr, cvr) = match party_id(p) {
            PartyId::Cpr(n) => (Some(n), None),
            PartyId::Cvr(n) => (None, Some(n)),
            PartyId::Other => (None, None),
        };
        out.push(Party {
            cpr,
            cvr,
            role,
            valid_from: virkning.first_day(),
            valid_to: virkning.last_day(),
        });
    }
    Ok(out)
}

fn class_texts(class: &Node) -> (Option<&str>, Option<&str>) {
    let ext = class.at(&["LokalUdvidelseListe", "SagsklasseLokalUdvidelse"]);
    (
        ext.and_then(|e| e.text_at(&["Klassetitel"])),
        ext.and_then(|e| e.text_at(&["BrugervendtNoegle"])),
    )
}

fn classes(
    relations: &Node,
    as_of: NaiveDate,
    profile: &SourceProfile,
    case: &mut Case,
) -> Result<(), Malformed> {
    for (i, c) in relations.all("Sagsklasse").enumerate() {
        let path = format!("RelationListe/Sagsklasse[{i}]/");
        if !Virkning::of(c, &path)?.covers(as_of) {
            continue;
        }
        let (title, key) = class_texts(c);
        let uuid = c.text_at(&["ReferenceID", "UUIDIdentifikator"]);
        // Any class in effect whose title or key withholds, withholds (fail closed).
        if profile.withholds(title, key) {
            case.withheld_from_citizen = true;
        }
        match role_of(c)
            .map(|r| profile.class_role(r))
            .unwrap_or(ClassRole::Other)
        {
            ClassRole::Primary => case.kle = key.map(str::to_owned),
            ClassRole::Handling => case.facet = key.map(str::to_owned),
            ClassRole::Decision => case.outcome = profile.outcome(key, uuid),
            ClassRole::Other if !profile.decision_roles_given() => {
                if let Some(o) = profile.outcome(key, uuid) {
                    case.outcome = Some(o);
                }
            }
            ClassRole::Other => {}
        }
    }
    Ok(())
}

fn documents(
    relations: &Node,
    profile: &SourceProfile,
    limits: &Limits,
) -> Result<Vec<Document>, Malformed> {
    within_items(
        relations.all("Journalpost").count(),
        limits,
        "RelationListe/Journalpost",
    )?;
    let mut out = Vec::new();
    for (i, j) in relations.all("Journalpost").enumerate() {
        let path = format!("RelationListe/Journalpost[{i}]/");
        // Only a journal post with a document title is a document; journal notes are not read.
        let Some(title) = j.text_at(&["JournalpostEgenskaber", "Dokumenttitel"]) else {
            continue;
        };
        let (class_title, key) = class_texts(j);
        if profile.withholds(class_title, key) {
            continue;
        }
        let Some(date) = Virkning::of(j, &path)?.first_day() else {
            return malformed(
                format!("{path}Virkning/FraTidspunkt"),
                "expected the document's date",
            );
        };
        out.push(Document {
            title: title.to_owned(),
            date,
            direction: profile.document_direction,
            withheld_from_citizen: false,
        });
    }
    Ok(out)
}
