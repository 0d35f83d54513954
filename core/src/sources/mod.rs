//! Readers of KOMBIT's indexes (docs/sources.md): SF1470 Sags- og dokumentindeks
//! `Sag` documents into [`Case`]s, and Ydelsesindeks `BevillingIndeks` and
//! `OekonomiskEffektueringIndeks` documents into [`Benefit`]s with their payments.
//!
//! The readers stream the XML once (quick-xml), keep only the elements the mapping needs
//! and skip everything else unread: caseworkers (`Sagsaktoer`), names (`FuldtNavn`),
//! notes (`Notat`, `NoteTekst`), descriptions (`Beskrivelse`, `Begrundelse`) and the secret
//! title (`TitelAlternativTekst`) never reach a string.
//!
//! **A malformed record is hidden, not fatal.** When one record's own values cannot be
//! read (a bad date, amount or code, too many items, an overlong string), the document is
//! still read: that record is emitted *void* (`"void": true`, hidden by rule V1), with no
//! KLE number (so `validate` reports it as `kle.invalid`), nothing else from its content
//! but its id, and the reason is listed in `problems` with its element path. What rejects
//! the whole document is what makes it unreadable: not XML, a DTD, an entity, the wrong
//! root, or more records than the limit.
//!
//! ```
//! let xml = r#"<Sag xmlns="urn:oio:sts:sagdok:sag:6" xmlns:sd="urn:oio:sagdok:3.0.0"><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator><Registrering><AttributListe><Egenskaber><Sagsnummer>S-1</Sagsnummer><Titel>Sygedagpenge</Titel></Egenskaber></AttributListe><TilstandListe/><RelationListe/></Registrering></Sag>"#;
//! let json = egensag::sources::sources_json("sf1470", xml, "2026-11-23", Some(r#"{"source": "KSD"}"#)).unwrap();
//! // Without the day the case arose it cannot be read: hidden (void) and reported.
//! assert!(json.contains(r#""id":"S-1","source":"KSD""#) && json.contains(r#""void":true"#));
//! assert!(json.contains(r#""path":"Sag[0]/AttributListe/LokalUdvidelseListe/SagIndeksEgenskaber/OprettetTidspunkt""#));
//! assert!(!json.contains("Sygedagpenge"));
//! ```

pub mod amount;
mod profile;
mod sf1470;
mod tree;
mod ydelsesindeks;

pub use profile::{
    ClassRoles, SourceProfile, HANDLING_CLASS_ROLE, PRIMARY_CLASS_ROLE, PRIMARY_PARTY_ROLE,
    WITHHOLDING_TITLE,
};
pub use sf1470::read_sf1470;
pub use ydelsesindeks::read_ydelsesindeks;

use crate::dates;
use crate::error::Error;
use crate::model::{Benefit, Case, Moment};
use crate::validation::{Problem, ProblemCode};
use chrono::{Days, NaiveDate, NaiveTime};
use serde::Serialize;
use tree::Node;

/// The cases read from an SF1470 document, and the records that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceCases {
    /// The cases, in document order (malformed ones void).
    pub cases: Vec<Case>,
    /// What could not be read, with element paths (`Sag[2]/AttributListe/…`).
    pub problems: Vec<Problem>,
}

/// The benefits read from a Ydelsesindeks document, and what could not be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceBenefits {
    /// The benefits with their payments (malformed ones void).
    pub benefits: Vec<Benefit>,
    /// What could not be read, with element paths.
    pub problems: Vec<Problem>,
}

/// What an index reader read from one document: its records and what it could not read.
/// It serialises as the one it holds: `{"cases": […], "problems": […]}` or
/// `{"benefits": […], "problems": […]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum SourceOutput {
    /// What an SF1470 document held.
    Cases(SourceCases),
    /// What a Ydelsesindeks document held.
    Benefits(SourceBenefits),
}

impl SourceOutput {
    /// What could not be read (each of those records is void), in document order.
    pub fn problems(&self) -> &[Problem] {
        match self {
            SourceOutput::Cases(read) => &read.problems,
            SourceOutput::Benefits(read) => &read.problems,
        }
    }

    /// The output as JSON, as [`sources_json`] returns it and
    /// [`json::add_sources`](crate::json::add_sources) takes it.
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string(self)
            .map_err(|_| Error::internal("the records could not be serialised"))
    }
}

/// Reads an index document of `kind` (`sf1470` or `ydelsesindeks`) for the day `as_of`
/// (`YYYY-MM-DD`), with an optional source profile (JSON): the records, and the problems
/// of those that could not be read. An unknown kind is an error at `kind`, a bad day one
/// at `as_of`.
///
/// ```
/// let xml = r#"<Sag xmlns="urn:oio:sts:sagdok:sag:6" xmlns:sd="urn:oio:sagdok:3.0.0"><sd:UUIDIdentifikator>1111aaaa-11aa-22bb-33cc-111111aaaaaa</sd:UUIDIdentifikator><Registrering><AttributListe><Egenskaber><Sagsnummer>S-1</Sagsnummer></Egenskaber></AttributListe><TilstandListe/><RelationListe/></Registrering></Sag>"#;
/// let read = egensag::sources::read_sources("sf1470", xml, "2026-11-23", None).unwrap();
/// let problem = &read.problems()[0];
/// assert_eq!(problem.code.as_str(), "record.malformed");
/// assert!(problem.path.starts_with("Sag[0]/"));
/// assert!(read.to_json().unwrap().starts_with(r#"{"cases":[{"#));
/// let e = egensag::sources::read_sources("sf1470", xml, "23-11-2026", None).unwrap_err();
/// assert_eq!(e.path(), "as_of");
/// ```
pub fn read_sources(
    kind: &str,
    document: &str,
    as_of: &str,
    profile: Option<&str>,
) -> Result<SourceOutput, Error> {
    let as_of = dates::chrono_date(as_of)
        .filter(|_| as_of.len() == 10)
        .ok_or_else(|| Error::input("as_of", "expected a date YYYY-MM-DD"))?;
    let profile = match profile {
        Some(json) => SourceProfile::from_json(json)?,
        None => SourceProfile::default(),
    };
    match kind {
        "sf1470" => Ok(SourceOutput::Cases(read_sf1470(document, as_of, &profile)?)),
        "ydelsesindeks" => Ok(SourceOutput::Benefits(read_ydelsesindeks(
            document, as_of, &profile,
        )?)),
        _ => Err(Error::input("kind", "expected `sf1470` or `ydelsesindeks`")),
    }
}

/// Reads an index document of `kind` (`sf1470` or `ydelsesindeks`) for the day `as_of`,
/// with an optional source profile (JSON), and returns `{"cases": […], "problems": […]}`
/// or `{"benefits": […], "problems": […]}`: records in the request's JSON shape, ready to
/// be added to a request's own. [`read_sources`], as JSON.
///
/// ```
/// let e = egensag::sources::sources_json("kombit", "<x/>", "2026-11-23", None).unwrap_err();
/// assert_eq!(e.path(), "kind");
/// ```
pub fn sources_json(
    kind: &str,
    document: &str,
    as_of: &str,
    profile: Option<&str>,
) -> Result<String, Error> {
    read_sources(kind, document, as_of, profile)?.to_json()
}

/// Why one record could not be read: the path inside it and what was expected.
pub(crate) struct Malformed {
    pub path: String,
    pub message: &'static str,
}

/// Shorthand for a [`Malformed`] result.
pub(crate) fn malformed<T>(path: impl Into<String>, message: &'static str) -> Result<T, Malformed> {
    Err(Malformed {
        path: path.into(),
        message,
    })
}

impl Malformed {
    /// The problem for `validate`-style reporting, at `record` (e.g. `Sag[2]`).
    pub(crate) fn problem(&self, code: ProblemCode, record: &str) -> Problem {
        let path = if self.path.is_empty() {
            record.to_owned()
        } else {
            format!("{record}/{}", self.path)
        };
        // Through Error::new so that digit runs are scrubbed like every error's.
        let scrubbed = Error::input(path, self.message);
        Problem {
            code,
            path: scrubbed.path().to_owned(),
            message: scrubbed.message().to_owned(),
        }
    }
}

/// A Virkning: from (a moment) and to (exclusive), either open.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Virkning {
    pub from: Option<Moment>,
    pub to: Option<Moment>,
}

impl Virkning {
    /// Reads `node`'s `Virkning` child (absent: open on both sides).
    pub(crate) fn of(node: &Node, path: &str) -> Result<Virkning, Malformed> {
        let Some(v) = node.child("Virkning") else {
            return Ok(Virkning::default());
        };
        let side = |name: &str| -> Result<Option<Moment>, Malformed> {
            let Some(t) = v.child(name) else {
                return Ok(None);
            };
            if t.child("GraenseIndikator").is_some() {
                return Ok(None);
            }
            match t.text_at(&["TidsstempelDatoTid"]) {
                Some(text) => moment(text)
                    .map(Some)
                    .ok_or(())
                    .or_else(|()| malformed(format!("{path}Virkning/{name}"), DATE_TIME)),
                None => Ok(None),
            }
        };
        Ok(Virkning {
            from: side("FraTidspunkt")?,
            to: side("TilTidspunkt")?,
        })
    }

    /// The first day in effect.
    pub(crate) fn first_day(&self) -> Option<NaiveDate> {
        self.from.map(|m| m.date())
    }

    /// The last day in effect: the day before `to` when `to` is at midnight, else its day.
    pub(crate) fn last_day(&self) -> Option<NaiveDate> {
        self.to.map(|m| match m.time() {
            None | Some(NaiveTime::MIN) => {
                m.date().checked_sub_days(Days::new(1)).unwrap_or(m.date())
            }
            Some(_) => m.date(),
        })
    }

    /// Whether in effect on `day`.
    pub(crate) fn covers(&self, day: NaiveDate) -> bool {
        self.first_day().is_none_or(|f| f <= day) && self.last_day().is_none_or(|l| day <= l)
    }
}

/// What a date-time field expects.
pub(crate) const DATE_TIME: &str = "expected an XML dateTime or date";

/// An XML `dateTime` (with or without offset) or `date`: its date at its own offset, and
/// its time when it has an offset.
pub(crate) fn moment(text: &str) -> Option<Moment> {
    let text = text.trim();
    if let Some(m) = Moment::parse(text) {
        return Some(m);
    }
    // xs:dateTime without an offset, possibly with fractional seconds; xs:date with 'Z'.
    dates::chrono_date_time(text)
        .map(|t| Moment::Date(t.date()))
        .or_else(|| {
            text.strip_suffix('Z')
                .and_then(dates::chrono_date)
                .map(Moment::Date)
        })
}

/// The date of a required date or date-time field at `path`.
pub(crate) fn date_at(
    node: &Node,
    names: &[&str],
    path: &str,
) -> Result<Option<NaiveDate>, Malformed> {
    match node.text_at(names) {
        None => Ok(None),
        Some(t) => match moment(t) {
            Some(m) => Ok(Some(m.date())),
            None => malformed(format!("{path}{}", names.join("/")), DATE_TIME),
        },
    }
}

/// A party reference `urn:oio:cpr-nr:…` / `urn:oio:cvr-nr:…`, the number kept as written.
pub(crate) enum PartyId {
    Cpr(String),
    Cvr(String),
    Other,
}

/// Reads a relation's `ReferenceID`.
pub(crate) fn party_id(relation: &Node) -> PartyId {
    let Some(urn) = relation.text_at(&["ReferenceID", "URNIdentifikator"]) else {
        return PartyId::Other;
    };
    let lower = urn.to_ascii_lowercase();
    if let Some(n) = lower.strip_prefix("urn:oio:cpr-nr:") {
        PartyId::Cpr(n.to_owned())
    } else if let Some(n) = lower.strip_prefix("urn:oio:cvr-nr:") {
        PartyId::Cvr(n.to_owned())
    } else {
        PartyId::Other
    }
}

/// A relation's role UUID (or URN).
pub(crate) fn role_of(relation: &Node) -> Option<&str> {
    relation
        .text_at(&["Rolle", "UUIDIdentifikator"])
        .or_else(|| relation.text_at(&["Rolle", "URNIdentifikator"]))
}

/// The `AttributListe/Egenskaber` in effect on `as_of` by its `Virkning`, else the last
/// one given, with its path; `None` when there is none.
pub(crate) fn egenskaber_on(
    attributes: &Node,
    as_of: NaiveDate,
) -> Result<Option<(&Node, String)>, Malformed> {
    let mut egenskaber = None;
    for (i, e) in attributes.all("Egenskaber").enumerate() {
        let path = format!("AttributListe/Egenskaber[{i}]/");
        if Virkning::of(e, &path)?.covers(as_of) || egenskaber.is_none() {
            egenskaber = Some((e, path));
        }
    }
    Ok(egenskaber)
}

/// The latest `Registrering` of a record: the one with the latest `Tidspunkt`, the last
/// in document order among equals or when none has one.
pub(crate) fn latest_registrering(record: &Node) -> Option<&Node> {
    record
        .all("Registrering")
        .enumerate()
        .max_by_key(|(i, r)| (r.text_at(&["Tidspunkt"]).and_then(moment), *i))
        .map(|(_, r)| r)
}

/// The sensitivity of a `Foelsomhed` code.
pub(crate) fn sensitivity(code: &str) -> Option<crate::model::Sensitivity> {
    use crate::model::Sensitivity;
    match code.trim() {
        "IKKE_FORTROLIGE_DATA" => Some(Sensitivity::IkkeFortrolige),
        "FORTROLIGE_PERSONOPLYSNINGER" => Some(Sensitivity::Fortrolige),
        "FOELSOMME_PERSONOPLYSNINGER" => Some(Sensitivity::Foelsomme),
        "VIP_SAGER" => Some(Sensitivity::Vip),
        _ => None,
    }
}

/// Checks a list's length against the items-per-record limit.
pub(crate) fn within_items(
    count: usize,
    limits: &crate::model::Limits,
    path: &str,
) -> Result<(), Malformed> {
    if count > limits.max_items_per_record {
        malformed(path, "more items than the limit per record")
    } else {
        Ok(())
    }
}
