//! The KLE catalogue (emneplan): titles and validity of main groups, groups and subjects,
//! read from KLE-online's XML or from this crate's JSON form.

use super::KleNumber;
use crate::error::boundary::{self, XmlPlace};
use crate::xml::XmlHandler;
use crate::{Error, ErrorCode};
use chrono::NaiveDate;
use quick_xml::events::BytesStart;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::HashMap;

/// The path errors from [`Catalogue::from_xml`] carry.
const XML_PATH: &str = "catalogue";

/// The KLE catalogue (emneplan): titles and validity of main groups, groups and subjects.
///
/// Entries are kept in document order (a main group, then its groups, each followed by
/// its subjects). Lookups go through an index built when the catalogue is loaded or
/// deserialised; after editing `entries` by hand, call [`Catalogue::reindex`].
///
/// ```
/// use egensag::kle::{Catalogue, KleNumber};
/// let json = r#"{"published":"2024-01-01","entries":[
///   {"number":"32","title":"Familie- og ydelsesområdet"},
///   {"number":"32.24","title":"Kontanthjælp"},
///   {"number":"32.24.04","title":"Hjælp til forsørgelse"}]}"#;
/// let catalogue = Catalogue::from_json(json).unwrap();
/// let n = KleNumber::parse("32.24.04").unwrap();
/// assert_eq!(catalogue.subject_title(n), Some("Hjælp til forsørgelse"));
/// assert_eq!(catalogue.main_group_title(32), Some("Familie- og ydelsesområdet"));
/// ```
#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "The KLE catalogue (emneplan): titles and validity of main groups, groups and subjects."
)]
pub struct Catalogue {
    /// The publication date of the emneplan (`UdgivelsesDato`), when known.
    #[serde(default, with = "crate::dates::IsoOption")]
    pub published: Option<NaiveDate>,
    /// Every main group, group and subject, in document order.
    pub entries: Vec<CatalogueEntry>,
    /// Entry position by number; rebuilt by `reindex`.
    #[serde(skip)]
    #[schemars(skip)]
    lookup: HashMap<Key, usize>,
}

/// One main group, group or subject of the catalogue.
///
/// ```
/// use egensag::kle::CatalogueEntry;
/// let e = CatalogueEntry {
///     number: "32.24.04".into(),
///     title: "Hjælp til forsørgelse".into(),
///     created: None,
///     expired: None,
///     replaced_by: None,
/// };
/// assert_eq!(serde_json::to_string(&e).unwrap(),
///     r#"{"number":"32.24.04","title":"Hjælp til forsørgelse"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "One main group, group or subject of the KLE catalogue.")]
pub struct CatalogueEntry {
    /// `32` (main group), `32.24` (group) or `32.24.04` (subject).
    #[schemars(regex(pattern = r"^[0-9]{2}(?:\.[0-9]{2}){0,2}$"))]
    pub number: String,
    /// The title, e.g. `Hjælp til forsørgelse`.
    pub title: String,
    /// The date the number was created (`OprettetDato`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub created: Option<NaiveDate>,
    /// The date the number expired (`UdgaaetDato`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::dates::IsoOption")]
    pub expired: Option<NaiveDate>,
    /// The number that replaces this one (`AfloestAf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{2}(?:\.[0-9]{2}){0,2}$"))]
    pub replaced_by: Option<String>,
}

/// A catalogue number as a lookup key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Main(u8),
    Group(u8, u8),
    Subject(KleNumber),
}

impl Key {
    /// Parses `DD`, `DD.DD` or `DD.DD.DD` exactly.
    fn parse(s: &str) -> Option<Key> {
        let d = super::two_digits;
        match *s.as_bytes() {
            [a, b] => d(a, b).map(Key::Main),
            [a, b, b'.', c, e] => d(a, b).zip(d(c, e)).map(|(m, g)| Key::Group(m, g)),
            _ => KleNumber::parse(s).ok().map(Key::Subject),
        }
    }

    /// The key of the level directly above, if any.
    fn parent(self) -> Option<Key> {
        match self {
            Key::Main(_) => None,
            Key::Group(m, _) => Some(Key::Main(m)),
            Key::Subject(n) => Some(Key::Group(n.main_group(), n.group())),
        }
    }
}

impl PartialEq for Catalogue {
    /// Two catalogues are equal when their publication date and entries are (the lookup
    /// index is derived from the entries).
    fn eq(&self, other: &Self) -> bool {
        self.published == other.published && self.entries == other.entries
    }
}

/// The serde form, read before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueData {
    #[serde(default)]
    #[serde(with = "crate::dates::IsoOption")]
    published: Option<NaiveDate>,
    entries: Vec<CatalogueEntry>,
}

impl<'de> Deserialize<'de> for Catalogue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let data = CatalogueData::deserialize(deserializer)?;
        Catalogue::build(data.published, data.entries)
            .map_err(|e| serde::de::Error::custom(format!("{}: {}", e.path(), e.message())))
    }
}

impl Catalogue {
    /// Validates the entries and builds the lookup index.
    fn build(
        published: Option<NaiveDate>,
        entries: Vec<CatalogueEntry>,
    ) -> Result<Catalogue, Error> {
        let lookup = index_entries(&entries)?;
        Ok(Catalogue {
            published,
            entries,
            lookup,
        })
    }

    /// Reads KLE-online's XML emneplan.
    ///
    /// The root is `KLE-Emneplan` with its publication date as attribute or child
    /// `UdgivelsesDato`; main groups nest as `Hovedgruppe/HovedgruppeNr/HovedgruppeTitel`,
    /// groups as `Gruppe/GruppeNr/GruppeTitel`, subjects as `Emne/EmneNr/EmneTitel`.
    /// Validity comes from `…AdministrativInfo/OprettetDato`,
    /// `…AdministrativInfo/Historisk/UdgaaetDato` and `…/Historisk/Flyttet/AfloestAf`.
    /// Elements are matched on local names (namespace prefixes are ignored). Everything
    /// else (guidance texts with HTML-like markup, keywords, legal references, UUIDs, …)
    /// is skipped by a streaming reader; no document tree is built. Dates may be
    /// `YYYY-MM-DD` or a date-time (`2001-01-01T00:00:00`), of which the date is used.
    ///
    /// Errors are [`ErrorCode::InvalidPolicy`] at path `catalogue`, with a message naming
    /// what was expected and where (`expected an EmneNr such as 32.24.04 in Emne 12`),
    /// never the offending value.
    ///
    /// ```
    /// use egensag::kle::{Catalogue, KleNumber};
    /// let xml = r#"<KLE-Emneplan UdgivelsesDato="2024-05-01">
    ///   <Hovedgruppe><HovedgruppeNr>32</HovedgruppeNr><HovedgruppeTitel>Familie- og ydelsesområdet</HovedgruppeTitel>
    ///     <Gruppe><GruppeNr>32.24</GruppeNr><GruppeTitel>Kontanthjælp</GruppeTitel>
    ///       <Emne><EmneNr>32.24.04</EmneNr><EmneTitel>Hjælp til forsørgelse</EmneTitel></Emne>
    ///     </Gruppe>
    ///   </Hovedgruppe>
    /// </KLE-Emneplan>"#;
    /// let c = Catalogue::from_xml(xml).unwrap();
    /// assert_eq!(c.entries.len(), 3);
    /// assert_eq!(c.group_title(32, 24), Some("Kontanthjælp"));
    /// let e = Catalogue::from_xml("<KLE-Emneplan><Hovedgruppe>").unwrap_err();
    /// assert_eq!(e.code(), egensag::ErrorCode::InvalidPolicy);
    /// ```
    pub fn from_xml(xml: &str) -> Result<Catalogue, Error> {
        let (published, pending) = XmlLoader::default().run(xml)?;
        let entries = finish_entries(pending)?;
        Catalogue::build(published, entries).map_err(|e| Error::policy(XML_PATH, e.message()))
    }

    /// Reads the JSON form (the serde form of this type) and validates it like the XML:
    /// numbers well-formed, each number once, a subject's group and a group's main
    /// group consistent with their numbers' form.
    ///
    /// A syntax error is [`ErrorCode::InvalidJson`]; a wrong type, unknown field or
    /// malformed number is [`ErrorCode::InvalidPolicy`] with a path such as
    /// `entries[3].number`.
    ///
    /// ```
    /// use egensag::{kle::Catalogue, ErrorCode};
    /// let e = Catalogue::from_json(r#"{"entries":[{"number":"32.4","title":"x"}]}"#).unwrap_err();
    /// assert_eq!((e.code(), e.path()), (ErrorCode::InvalidPolicy, "entries[0].number"));
    /// assert_eq!(Catalogue::from_json("{").unwrap_err().code(), ErrorCode::InvalidJson);
    /// ```
    pub fn from_json(json: &str) -> Result<Catalogue, Error> {
        let data: CatalogueData =
            boundary::parse_json_described(json, ErrorCode::InvalidPolicy, expected_at)?;
        Catalogue::build(data.published, data.entries)
    }

    /// The title of subject `n`, if the catalogue has it.
    ///
    /// ```
    /// use egensag::kle::{Catalogue, KleNumber};
    /// let c = Catalogue::from_json(r#"{"entries":[{"number":"32.06.00","title":"Boligstøtte"}]}"#).unwrap();
    /// assert_eq!(c.subject_title(KleNumber::parse("32.06.00").unwrap()), Some("Boligstøtte"));
    /// ```
    pub fn subject_title(&self, n: KleNumber) -> Option<&str> {
        self.find(Key::Subject(n)).map(|e| e.title.as_str())
    }

    /// The title of group `main.group`, if the catalogue has it.
    ///
    /// ```
    /// use egensag::kle::Catalogue;
    /// let c = Catalogue::from_json(r#"{"entries":[{"number":"15.20","title":"Fleksjob"}]}"#).unwrap();
    /// assert_eq!(c.group_title(15, 20), Some("Fleksjob"));
    /// assert_eq!(c.group_title(15, 17), None);
    /// ```
    pub fn group_title(&self, main: u8, group: u8) -> Option<&str> {
        self.find(Key::Group(main, group)).map(|e| e.title.as_str())
    }

    /// The title of main group `main`, if the catalogue has it.
    ///
    /// ```
    /// use egensag::kle::Catalogue;
    /// let c = Catalogue::from_json(r#"{"entries":[{"number":"27","title":"Ældre og handicappede"}]}"#).unwrap();
    /// assert_eq!(c.main_group_title(27), Some("Ældre og handicappede"));
    /// ```
    pub fn main_group_title(&self, main: u8) -> Option<&str> {
        self.find(Key::Main(main)).map(|e| e.title.as_str())
    }

    /// The entry for a number written `32`, `32.24` or `32.24.04`; `None` for any other
    /// string.
    ///
    /// ```
    /// use egensag::kle::Catalogue;
    /// let c = Catalogue::from_json(r#"{"entries":[{"number":"32","title":"Familie"}]}"#).unwrap();
    /// assert_eq!(c.entry("32").map(|e| e.title.as_str()), Some("Familie"));
    /// assert!(c.entry("32.*").is_none());
    /// ```
    pub fn entry(&self, number: &str) -> Option<&CatalogueEntry> {
        Key::parse(number).and_then(|k| self.find(k))
    }

    /// Rebuilds the lookup index after `entries` were edited by hand. Entries whose
    /// number is malformed are left out of the index; for a later duplicate the first
    /// entry wins.
    ///
    /// ```
    /// use egensag::kle::{Catalogue, CatalogueEntry};
    /// let mut c = Catalogue::default();
    /// c.entries.push(CatalogueEntry { number: "27".into(), title: "Ældre".into(),
    ///     created: None, expired: None, replaced_by: None });
    /// c.reindex();
    /// assert_eq!(c.main_group_title(27), Some("Ældre"));
    /// ```
    pub fn reindex(&mut self) {
        let mut lookup = HashMap::with_capacity(self.entries.len());
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(k) = Key::parse(&e.number) {
                lookup.entry(k).or_insert(i);
            }
        }
        self.lookup = lookup;
    }

    fn find(&self, key: Key) -> Option<&CatalogueEntry> {
        let hit = self
            .lookup
            .get(&key)
            .and_then(|&i| self.entries.get(i))
            .filter(|e| Key::parse(&e.number) == Some(key));
        match hit {
            Some(e) => Some(e),
            // The index is out of step with `entries` (edited without `reindex`): scan.
            None if self.lookup.len() != self.entries.len() || self.lookup.contains_key(&key) => {
                self.entries
                    .iter()
                    .find(|e| Key::parse(&e.number) == Some(key))
            }
            None => None,
        }
    }
}

/// Checks every entry and returns the lookup index. Paths are `entries[i].field`.
fn index_entries(entries: &[CatalogueEntry]) -> Result<HashMap<Key, usize>, Error> {
    let mut lookup = HashMap::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        let at = |field: &str| format!("entries[{i}].{field}");
        let key = Key::parse(&e.number).ok_or_else(|| {
            Error::policy(
                at("number"),
                "expected a KLE number such as 32, 32.24 or 32.24.04",
            )
        })?;
        if e.title.trim().is_empty() {
            return Err(Error::policy(at("title"), "expected a non-empty title"));
        }
        if let Some(r) = &e.replaced_by {
            if Key::parse(r).is_none() {
                return Err(Error::policy(
                    at("replaced_by"),
                    "expected a KLE number such as 32, 32.24 or 32.24.04",
                ));
            }
        }
        if lookup.insert(key, i).is_some() {
            return Err(Error::policy(
                at("number"),
                "expected each number only once",
            ));
        }
    }
    Ok(lookup)
}

/// What the JSON form expects at a path, for the error boundary's messages (unknown and
/// missing fields keep serde's, which name the field).
fn expected_at(path: &str) -> Option<&'static str> {
    Some(
        if ["published", "created", "expired"]
            .iter()
            .any(|f| path.ends_with(f))
        {
            "expected a date YYYY-MM-DD or null"
        } else if path.ends_with("number") || path.ends_with("replaced_by") {
            "expected a KLE number such as 32, 32.24 or 32.24.04"
        } else if path.ends_with("title") {
            "expected a string"
        } else if path.is_empty() {
            "expected an object with published and entries"
        } else if path == "entries" {
            "expected an array of entries"
        } else {
            "expected an entry object with number and title"
        },
    )
}

// ---------------------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Main,
    Group,
    Subject,
}

impl Level {
    fn element(self) -> &'static str {
        match self {
            Level::Main => "Hovedgruppe",
            Level::Group => "Gruppe",
            Level::Subject => "Emne",
        }
    }
    fn number_element(self) -> &'static str {
        match self {
            Level::Main => "a HovedgruppeNr such as 32",
            Level::Group => "a GruppeNr such as 32.24",
            Level::Subject => "an EmneNr such as 32.24.04",
        }
    }
    fn title_element(self) -> &'static str {
        match self {
            Level::Main => "a HovedgruppeTitel",
            Level::Group => "a GruppeTitel",
            Level::Subject => "an EmneTitel",
        }
    }
}

/// What an open element means in its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Root,
    Level(Level),
    Number,
    Title,
    Published,
    AdminInfo,
    Created,
    Historic,
    Expired,
    Moved,
    ReplacedBy,
    ReplacedByNumber,
    Other,
}

/// A field whose text is being collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Number,
    Title,
    Published,
    Created,
    Expired,
    ReplacedBy,
}

#[derive(Debug)]
struct Pending {
    level: Level,
    ordinal: usize,
    parent: Option<usize>,
    number: Option<String>,
    key: Option<Key>,
    title: Option<String>,
    created: Option<NaiveDate>,
    expired: Option<NaiveDate>,
    replaced_by: Option<String>,
}

#[derive(Debug, Default)]
struct XmlLoader {
    stack: Vec<Tag>,
    /// Open Hovedgruppe/Gruppe/Emne elements, as indexes into `pending`.
    levels: Vec<usize>,
    pending: Vec<Pending>,
    counts: [usize; 3],
    published: Option<NaiveDate>,
    root_seen: bool,
    /// The field being collected and the stack depth of its element.
    capture: Option<(Field, usize, String)>,
}

/// The error for elements that do not nest (which the reader already refuses: a guard).
fn syntax() -> Error {
    XmlPlace::new(ErrorCode::InvalidPolicy, "the catalogue", XML_PATH).not_nested()
}

/// Parses `YYYY-MM-DD`, optionally followed by a time or offset (`T…`, `Z`, `+01:00`).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let date = s.get(..10)?;
    let rest = s.get(10..)?;
    if !(rest.is_empty() || rest.starts_with(['T', 'Z', '+', '-'])) {
        return None;
    }
    crate::dates::parse_iso(date)
}

impl XmlLoader {
    fn run(mut self, xml: &str) -> Result<(Option<NaiveDate>, Vec<Pending>), Error> {
        crate::xml::read(xml, &mut self)?;
        if !self.stack.is_empty() {
            return Err(Error::policy(
                XML_PATH,
                "expected the XML to end with </KLE-Emneplan>: the catalogue is truncated",
            ));
        }
        if !self.root_seen {
            return Err(Error::policy(
                XML_PATH,
                "expected the root element KLE-Emneplan",
            ));
        }
        Ok((self.published, self.pending))
    }

    fn capturing(&self) -> bool {
        matches!(&self.capture, Some((_, depth, _)) if *depth == self.stack.len())
    }

    /// Where the loader is: the catalogue's path, and the innermost open Hovedgruppe,
    /// Gruppe or Emne by position.
    fn place(&self) -> XmlPlace {
        let within = self
            .levels
            .last()
            .and_then(|&i| self.pending.get(i))
            .map(|p| format!("{} {}", p.level.element(), p.ordinal));
        XmlPlace::new(ErrorCode::InvalidPolicy, "the catalogue", XML_PATH).within(within)
    }

    /// An error naming the innermost open Hovedgruppe, Gruppe or Emne.
    fn error(&self, what: &str) -> Error {
        self.place().bad_value(what)
    }

    fn current(&mut self) -> Option<&mut Pending> {
        let i = *self.levels.last()?;
        self.pending.get_mut(i)
    }

    fn start(&mut self, e: &BytesStart<'_>) -> Result<(), Error> {
        // Local names: a namespace prefix (`kle:Emne`) is ignored.
        let name = e.local_name();
        let name = name.as_ref();
        let parent = self.stack.last().copied();
        let current_level = self
            .levels
            .last()
            .and_then(|&i| self.pending.get(i))
            .map(|p| p.level);
        let tag = match parent {
            None => {
                if self.root_seen || name != b"KLE-Emneplan" {
                    return Err(Error::policy(
                        XML_PATH,
                        "expected a single root element KLE-Emneplan",
                    ));
                }
                self.root_seen = true;
                for attr in e.attributes() {
                    let attr = attr.map_err(|e| self.place().xml_error(&e.into()))?;
                    if attr.key.local_name().as_ref() == b"UdgivelsesDato" {
                        let value = attr
                            .unescape_value()
                            .map_err(|e| self.place().xml_error(&e))?;
                        self.set_published(&value)?;
                    }
                }
                Tag::Root
            }
            Some(parent) => self.classify(name, parent, current_level)?,
        };
        if let Tag::Level(level) = tag {
            let slot = match level {
                Level::Main => 0,
                Level::Group => 1,
                Level::Subject => 2,
            };
            let ordinal = match self.counts.get_mut(slot) {
                Some(c) => {
                    *c += 1;
                    *c
                }
                None => 0,
            };
            self.pending.push(Pending {
                level,
                ordinal,
                parent: self.levels.last().copied(),
                number: None,
                key: None,
                title: None,
                created: None,
                expired: None,
                replaced_by: None,
            });
            self.levels.push(self.pending.len() - 1);
        }
        self.stack.push(tag);
        let field = match tag {
            Tag::Number => Some(Field::Number),
            Tag::Title => Some(Field::Title),
            Tag::Published => Some(Field::Published),
            Tag::Created => Some(Field::Created),
            Tag::Expired => Some(Field::Expired),
            Tag::ReplacedBy | Tag::ReplacedByNumber => Some(Field::ReplacedBy),
            _ => None,
        };
        if let Some(field) = field {
            self.capture = Some((field, self.stack.len(), String::new()));
        }
        Ok(())
    }

    /// What element `name` means inside `parent`; misplaced levels are errors.
    fn classify(&self, name: &[u8], parent: Tag, level: Option<Level>) -> Result<Tag, Error> {
        let level_here = |l: Level| parent == Tag::Level(l);
        let misplaced = |what: &str| Err(self.error(what));
        Ok(match name {
            b"Hovedgruppe" if parent == Tag::Root => Tag::Level(Level::Main),
            b"Hovedgruppe" => {
                return misplaced("expected Hovedgruppe directly inside KLE-Emneplan")
            }
            b"Gruppe" if level_here(Level::Main) => Tag::Level(Level::Group),
            b"Gruppe" => return misplaced("expected Gruppe directly inside a Hovedgruppe"),
            b"Emne" if level_here(Level::Group) => Tag::Level(Level::Subject),
            b"Emne" => return misplaced("expected Emne directly inside a Gruppe"),
            b"UdgivelsesDato" if parent == Tag::Root => Tag::Published,
            b"HovedgruppeNr" if level_here(Level::Main) => Tag::Number,
            b"GruppeNr" if level_here(Level::Group) => Tag::Number,
            b"EmneNr" if level_here(Level::Subject) => Tag::Number,
            b"HovedgruppeTitel" if level_here(Level::Main) => Tag::Title,
            b"GruppeTitel" if level_here(Level::Group) => Tag::Title,
            b"EmneTitel" if level_here(Level::Subject) => Tag::Title,
            b"HovedgruppeAdministrativInfo" if level_here(Level::Main) => Tag::AdminInfo,
            b"GruppeAdministrativInfo" if level_here(Level::Group) => Tag::AdminInfo,
            b"EmneAdministrativInfo" if level_here(Level::Subject) => Tag::AdminInfo,
            b"OprettetDato" if parent == Tag::AdminInfo && level.is_some() => Tag::Created,
            b"Historisk" if parent == Tag::AdminInfo => Tag::Historic,
            b"UdgaaetDato" if parent == Tag::Historic => Tag::Expired,
            b"Flyttet" if parent == Tag::Historic => Tag::Moved,
            b"AfloestAf" if parent == Tag::Moved => Tag::ReplacedBy,
            b"EmneNr" | b"GruppeNr" | b"HovedgruppeNr" if parent == Tag::ReplacedBy => {
                Tag::ReplacedByNumber
            }
            _ => Tag::Other,
        })
    }

    fn text(&mut self, text: &str) -> Result<(), Error> {
        let depth = self.stack.len();
        if let Some((_, d, buf)) = &mut self.capture {
            if *d == depth {
                buf.push_str(text);
            }
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), Error> {
        let depth = self.stack.len();
        let tag = self.stack.pop().ok_or_else(syntax)?;
        if let Some((field, d, _)) = &self.capture {
            if *d == depth {
                let field = *field;
                let value = self.capture.take().map(|(_, _, v)| v).unwrap_or_default();
                // An AfloestAf holding an EmneNr child has only whitespace of its own.
                let skip = tag == Tag::ReplacedBy && value.trim().is_empty();
                if !skip {
                    self.assign(field, value.trim())?;
                }
                // Text of the enclosing AfloestAf continues after a number child.
                if tag == Tag::ReplacedByNumber {
                    self.capture = Some((Field::ReplacedBy, depth - 1, String::new()));
                }
            }
        }
        if let Tag::Level(_) = tag {
            self.levels.pop();
        }
        Ok(())
    }

    fn assign(&mut self, field: Field, value: &str) -> Result<(), Error> {
        match field {
            Field::Published => return self.set_published(value),
            Field::Number => {
                let level = self.current().map(|p| p.level).ok_or_else(syntax)?;
                let key = Key::parse(value).filter(|k| {
                    matches!(
                        (k, level),
                        (Key::Main(_), Level::Main)
                            | (Key::Group(..), Level::Group)
                            | (Key::Subject(_), Level::Subject)
                    )
                });
                let key =
                    key.ok_or_else(|| self.error(&format!("expected {}", level.number_element())))?;
                if self.current().is_some_and(|p| p.number.is_some()) {
                    return Err(self.error(&format!("expected one {}", level.number_element())));
                }
                let p = self.current().ok_or_else(syntax)?;
                p.number = Some(value.to_owned());
                p.key = Some(key);
            }
            Field::Title => {
                let level = self.current().map(|p| p.level).ok_or_else(syntax)?;
                if self.current().is_some_and(|p| p.title.is_some()) {
                    return Err(self.error(&format!("expected one {}", level.title_element())));
                }
                let p = self.current().ok_or_else(syntax)?;
                p.title = Some(value.to_owned());
            }
            Field::Created | Field::Expired => {
                let element = if field == Field::Created {
                    "OprettetDato"
                } else {
                    "UdgaaetDato"
                };
                let date = parse_date(value).ok_or_else(|| {
                    self.error(&format!("expected a date YYYY-MM-DD as {element}"))
                })?;
                let p = self.current().ok_or_else(syntax)?;
                let slot = if field == Field::Created {
                    &mut p.created
                } else {
                    &mut p.expired
                };
                // A repeated date (e.g. several moves) keeps the first.
                slot.get_or_insert(date);
            }
            Field::ReplacedBy => {
                if Key::parse(value).is_none() {
                    return Err(
                        self.error("expected AfloestAf to name a KLE number such as 32.24.04")
                    );
                }
                let p = self.current().ok_or_else(syntax)?;
                // Several successors: keep the first.
                p.replaced_by.get_or_insert_with(|| value.to_owned());
            }
        }
        Ok(())
    }

    fn set_published(&mut self, value: &str) -> Result<(), Error> {
        let date = parse_date(value.trim()).ok_or_else(|| {
            Error::policy(XML_PATH, "expected UdgivelsesDato to be a date YYYY-MM-DD")
        })?;
        self.published = Some(date);
        Ok(())
    }
}

/// Checks that every element had a number and a title and that numbers nest, and turns
/// the pending elements into entries.
fn finish_entries(pending: Vec<Pending>) -> Result<Vec<CatalogueEntry>, Error> {
    let keys: Vec<Option<Key>> = pending.iter().map(|p| p.key).collect();
    let mut entries = Vec::with_capacity(pending.len());
    for p in pending {
        let here = format!("in {} {}", p.level.element(), p.ordinal);
        let (Some(number), Some(key)) = (p.number, p.key) else {
            return Err(Error::policy(
                XML_PATH,
                format!("expected {} {here}", p.level.number_element()),
            ));
        };
        let Some(title) = p.title.filter(|t| !t.is_empty()) else {
            return Err(Error::policy(
                XML_PATH,
                format!("expected {} {here}", p.level.title_element()),
            ));
        };
        let parent_key = p.parent.and_then(|i| keys.get(i).copied().flatten());
        if parent_key.is_some() && parent_key != key.parent() {
            let parent = match p.level {
                Level::Subject => "its EmneNr to begin with its Gruppe's GruppeNr",
                _ => "its GruppeNr to begin with its Hovedgruppe's HovedgruppeNr",
            };
            return Err(Error::policy(XML_PATH, format!("expected {parent} {here}")));
        }
        entries.push(CatalogueEntry {
            number,
            title,
            created: p.created,
            expired: p.expired,
            replaced_by: p.replaced_by,
        });
    }
    Ok(entries)
}

impl XmlHandler for XmlLoader {
    fn start(&mut self, element: &BytesStart<'_>) -> Result<(), Error> {
        XmlLoader::start(self, element)
    }
    fn end(&mut self) -> Result<(), Error> {
        XmlLoader::end(self)
    }
    fn text(&mut self, text: &str) -> Result<(), Error> {
        XmlLoader::text(self, text)
    }
    fn capturing(&self) -> bool {
        XmlLoader::capturing(self)
    }
    fn place(&self) -> XmlPlace {
        XmlLoader::place(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2001-01-01"),
            NaiveDate::from_ymd_opt(2001, 1, 1)
        );
        assert_eq!(
            parse_date("2001-01-01T00:00:00"),
            NaiveDate::from_ymd_opt(2001, 1, 1)
        );
        assert_eq!(
            parse_date("2001-01-01+01:00"),
            NaiveDate::from_ymd_opt(2001, 1, 1)
        );
        for bad in [
            "",
            "2001-1-01",
            "2001-02-30",
            "20010101",
            "2001-01-01x",
            "２００１-01-01",
            "2001-01-0١",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(Key::parse("32"), Some(Key::Main(32)));
        assert_eq!(Key::parse("32.24"), Some(Key::Group(32, 24)));
        assert!(matches!(Key::parse("32.24.04"), Some(Key::Subject(_))));
        for bad in ["", "3", "32.", "32.2", "32.*", "*", "32.24.04.01", " 32"] {
            assert_eq!(Key::parse(bad), None, "{bad}");
        }
    }
}
