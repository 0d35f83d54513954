//! The streaming reader behind both index readers: it walks the document once and hands
//! over one record at a time (a `Sag`, a `BevillingIndeks`, …) as a small tree of the
//! elements the mapping needs. Everything else is skipped unread: an element that is not
//! on the reader's list, or not in the index's namespaces, is passed over with all it
//! contains, so its text (names, notes, secret titles) never reaches a string.
//!
//! No DTD (a `DOCTYPE` is an error) and no entities beyond XML's five and character
//! references. Errors carry an element path of local names, never text.

use crate::error::{Error, ErrorCode};
use crate::model::Limits;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// Deepest tree kept inside a record; deeper kept elements are skipped.
const MAX_KEPT_DEPTH: usize = 16;

/// One kept element: its local name, its text (trimmed later) and its kept children.
#[derive(Debug, Default)]
pub(crate) struct Node {
    /// The element's local name.
    pub name: &'static str,
    /// Its direct text.
    pub text: String,
    /// Its kept child elements, in document order.
    pub children: Vec<Node>,
}

impl Node {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child named `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The node at a path of child names.
    pub fn at(&self, path: &[&str]) -> Option<&Node> {
        path.iter().try_fold(self, |node, name| node.child(name))
    }

    /// The trimmed, non-empty text at a path of child names.
    pub fn text_at(&self, path: &[&str]) -> Option<&str> {
        self.at(path)
            .map(|n| n.text.trim())
            .filter(|t| !t.is_empty())
    }
}

/// What a reader looks for: accepted roots, record elements and kept elements.
pub(crate) struct Spec {
    /// The document's root must be one of these (namespace, local name).
    pub roots: &'static [(&'static str, &'static str)],
    /// Record elements (namespace, local name); found anywhere outside another record.
    pub records: &'static [(&'static str, &'static str)],
    /// Namespaces whose elements may be kept inside a record.
    pub namespaces: &'static [&'static str],
    /// Local names kept inside a record; every other element is skipped whole.
    pub keep: &'static [&'static str],
    /// How errors name the document's root, e.g. `Sag`.
    pub label: &'static str,
}

/// One record read: which of the spec's record elements it was, and its tree, or the
/// reason the record cannot be read (a string longer than the limit).
pub(crate) struct RawRecord {
    /// Index into `Spec::records`.
    pub kind: usize,
    /// The record's tree (named after the record element).
    pub node: Node,
    /// Set when the record broke a limit inside it: path and message.
    pub overlong: Option<String>,
}

/// Reads `xml` and calls `on_record` for every record, in document order.
pub(crate) fn read_records(
    xml: &str,
    spec: &Spec,
    limits: &Limits,
    mut on_record: impl FnMut(RawRecord) -> Result<(), Error>,
) -> Result<(), Error> {
    if xml.len() > limits.max_input_bytes {
        return Err(Error::limit(
            "",
            format!("input larger than {} bytes", limits.max_input_bytes),
        ));
    }
    let mut reader = NsReader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = true;
    config.allow_unmatched_ends = false;
    let mut state = State::default();
    loop {
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|_| state.error(ErrorCode::InvalidJson, "expected well-formed XML"))?;
        match event {
            Event::Start(e) => {
                let ns = match ns {
                    ResolveResult::Bound(n) => std::str::from_utf8(n.into_inner()).unwrap_or(""),
                    _ => "",
                };
                let local = e.local_name();
                let local = std::str::from_utf8(local.as_ref()).unwrap_or("");
                state.start(spec, limits, ns, local)?;
            }
            Event::End(_) => {
                if let Some(record) = state.end() {
                    on_record(record)?;
                }
            }
            Event::Text(t) => {
                if state.capturing() {
                    let text = t
                        .xml_content()
                        .map_err(|_| state.error(ErrorCode::InvalidJson, "expected UTF-8 text"))?;
                    state.text(&text, limits);
                }
            }
            Event::CData(t) => {
                if state.capturing() {
                    let text = t
                        .xml_content()
                        .map_err(|_| state.error(ErrorCode::InvalidJson, "expected UTF-8 text"))?;
                    state.text(&text, limits);
                }
            }
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    r.decode()
                        .ok()
                        .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                        .map(str::to_owned)
                };
                let text = resolved.ok_or_else(|| {
                    state.error(ErrorCode::InvalidInput, "entities are not allowed")
                })?;
                if state.capturing() {
                    state.text(&text, limits);
                }
            }
            Event::DocType(_) => {
                return Err(state.error(ErrorCode::InvalidInput, "a DTD (DOCTYPE) is not allowed"))
            }
            Event::Eof if state.unclosed() => {
                return Err(state.error(
                    ErrorCode::InvalidJson,
                    "expected well-formed XML (an element is not closed)",
                ))
            }
            Event::Eof => {
                return match state.root_seen {
                    true => Ok(()),
                    false => Err(Error::new(
                        ErrorCode::InvalidJson,
                        "",
                        format!("expected an XML document with a {} root", spec.label),
                    )),
                }
            }
            Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
}

/// Where the walk is.
#[derive(Default)]
struct State {
    root_seen: bool,
    /// Open elements outside any record (names kept for error paths only).
    outside: Vec<String>,
    /// Depth inside a skipped subtree (0 = not skipping).
    skipping: usize,
    /// The open kept elements of the current record (empty = not in a record).
    open: Vec<Node>,
    /// The current record's kind.
    kind: usize,
    /// Records seen so far.
    records: usize,
    /// A limit the current record broke.
    overlong: Option<String>,
}

impl State {
    /// Whether an element is still open.
    fn unclosed(&self) -> bool {
        self.skipping > 0 || !self.open.is_empty() || !self.outside.is_empty()
    }

    fn capturing(&self) -> bool {
        self.skipping == 0 && !self.open.is_empty()
    }

    /// The path of the open elements, e.g. `ListOutput/Sag/RelationListe`.
    fn path(&self) -> String {
        let names = self.outside.iter().map(String::as_str);
        names
            .chain(self.open.iter().map(|n| n.name))
            .collect::<Vec<_>>()
            .join("/")
    }

    fn error(&self, code: ErrorCode, message: &str) -> Error {
        Error::new(code, self.path(), message)
    }

    fn start(&mut self, spec: &Spec, limits: &Limits, ns: &str, local: &str) -> Result<(), Error> {
        if self.skipping > 0 {
            self.skipping += 1;
            return Ok(());
        }
        if !self.root_seen {
            self.root_seen = true;
            if !spec.roots.iter().any(|&(n, l)| n == ns && l == local) {
                let expected: Vec<&str> = spec.roots.iter().map(|&(_, l)| l).collect();
                return Err(Error::input(
                    "",
                    format!(
                        "expected a {} document: root one of {} in its namespace",
                        spec.label,
                        expected.join(", ")
                    ),
                ));
            }
        }
        if self.open.is_empty() {
            if let Some(kind) = spec
                .records
                .iter()
                .position(|&(n, l)| n == ns && l == local)
            {
                if self.records >= limits.max_records {
                    return Err(Error::limit(
                        format!("{}[{}]", spec.label, self.records),
                        format!("at most {} records", limits.max_records),
                    ));
                }
                self.records += 1;
                self.kind = kind;
                self.overlong = None;
                self.open.push(Node {
                    name: spec.records.get(kind).map_or("", |&(_, l)| l),
                    ..Node::default()
                });
            } else {
                // Outside records, descend into everything (wrappers, list responses).
                self.outside.push(if local.len() <= 64 {
                    local.to_owned()
                } else {
                    "?".to_owned()
                });
            }
            return Ok(());
        }
        let kept = spec.namespaces.contains(&ns) && self.open.len() < MAX_KEPT_DEPTH;
        match spec.keep.iter().find(|&&k| kept && k == local) {
            Some(&name) => self.open.push(Node {
                name,
                ..Node::default()
            }),
            None => self.skipping = 1,
        }
        Ok(())
    }

    fn end(&mut self) -> Option<RawRecord> {
        if self.skipping > 0 {
            self.skipping -= 1;
            return None;
        }
        if self.open.is_empty() {
            self.outside.pop();
            return None;
        }
        let node = self.open.pop()?;
        match self.open.last_mut() {
            Some(parent) => {
                parent.children.push(node);
                None
            }
            None => Some(RawRecord {
                kind: self.kind,
                node,
                overlong: self.overlong.take(),
            }),
        }
    }

    fn text(&mut self, text: &str, limits: &Limits) {
        let fits = self
            .open
            .last()
            .is_some_and(|n| n.text.len() + text.len() <= limits.max_string_bytes);
        if fits {
            if let Some(node) = self.open.last_mut() {
                node.text.push_str(text);
            }
        } else if self.overlong.is_none() {
            let names: Vec<&str> = self.open.iter().skip(1).map(|n| n.name).collect();
            self.overlong = Some(names.join("/"));
        }
    }
}
