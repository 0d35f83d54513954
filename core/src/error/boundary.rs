//! The error boundary: the one place where the errors of the parsers this crate uses
//! (serde_json, quick-xml) become [`Error`]s.
//!
//! # JSON (requests, policies, overviews, catalogues)
//!
//! [`parse_json`] classifies by serde_json's own [`Category`] and gives the path
//! serde_path_to_error would give, worked out from the error's position
//! ([`error_path`]; a test holds the two equal):
//!
//! 1. `Syntax` and `Eof` (and `Io`, which text input cannot produce) → `invalid_json`,
//!    with serde_json's message (it names what was expected, never a value, and ends
//!    `at line L column C`) and the path where reading stopped. The one exception: a
//!    syntax error that is serde_json's recursion limit → `limit_exceeded`,
//!    "nesting too deep" (serde_json has no category of its own for it).
//! 2. `Data` (a wrong type, an unknown field or variant, a missing field, a value our
//!    own `Deserialize` refuses) → the document's content code (`invalid_input` for a
//!    request, `invalid_policy` for a policy or catalogue) with the value's path. The
//!    message is serde's with every quoted value removed (see `scrub::serde_data_message`,
//!    the one place a parser's wording is inspected); a document may instead name what
//!    it expects at a path ([`parse_json_described`]), except for unknown and missing
//!    fields, whose serde message is always kept.
//! 3. The text alone decides whether an error is `invalid_json`: serde_json reports some
//!    type errors as syntax errors (a number where an enum belongs) and stops at a type
//!    error before a syntax error later in the text, so the text is checked once more.
//! 4. The top level of every document is an object: any other JSON value → the content
//!    code, "expected a JSON object", path `""` (serde would accept a positional array).
//!
//! Paths read `cases[3].kle`; a map key that is not a plain lowercase name (it may be
//! personal data) is shown as `?`, and every digit run that could be a CPR number is
//! scrubbed by [`Error`]'s constructors.
//!
//! # XML (KLE catalogue, NemLog-in claim, source documents)
//!
//! A streaming reader describes where it is with an [`XmlPlace`]: the document's code,
//! what the document is called and the element path. [`XmlPlace::xml_error`] turns any
//! `quick_xml::Error` into an error of that code at that path, by the error's variant;
//! [`XmlPlace::bad_value`] reports a value that is not what was expected. No message
//! repeats a name, value or entity from the document.

use super::{scrub, Error, ErrorCode};
use quick_xml::errors::{IllFormedError, SyntaxError};
use quick_xml::escape::EscapeError;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

/// What a document expects at a path, for messages more helpful than serde's
/// (`entries[3].created` → `expected a date YYYY-MM-DD or null`); `None` keeps serde's.
pub(crate) type ExpectedAt = fn(&str) -> Option<&'static str>;

/// Deserialises the JSON object `json` into `T`, turning any failure into an [`Error`]
/// by the rules of this module; errors of content get `content`.
///
/// Input is read once, by serde_json alone. The path of an error is worked out
/// afterwards from the text and the error's position ([`error_path`]), so each `T` is
/// compiled for one deserialiser only (most of the WebAssembly module is these).
pub(crate) fn parse_json<T: DeserializeOwned>(json: &str, content: ErrorCode) -> Result<T, Error> {
    parse_json_described(json, content, |_| None)
}

/// [`parse_json`], with the document's own words for what it expects at a path.
pub(crate) fn parse_json_described<T: DeserializeOwned>(
    json: &str,
    content: ErrorCode,
    expected_at: ExpectedAt,
) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = match T::deserialize(&mut de) {
        Ok(value) => value,
        Err(e) => return Err(deserialize_error(json, &e, content, expected_at)),
    };
    de.end()
        .map_err(|e| json_error(&e, String::new(), content, expected_at))?;
    expect_object(json, content)?;
    Ok(value)
}

/// An error of the typed parse, with its path, by rules 1 to 4 (not generic: one copy).
fn deserialize_error(
    json: &str,
    e: &serde_json::Error,
    content: ErrorCode,
    expected_at: ExpectedAt,
) -> Error {
    let error = json_error(e, error_path(json, e), content, expected_at);
    reclassify(json, error, content)
}

/// Rule 4: the contract is an object.
fn expect_object(json: &str, content: ErrorCode) -> Result<(), Error> {
    if json.trim_start().starts_with('{') {
        Ok(())
    } else {
        Err(Error::new(content, "", "expected a JSON object"))
    }
}

/// Rule 3 (and 4 for text that is JSON but fails to deserialise).
fn reclassify(json: &str, error: Error, content: ErrorCode) -> Error {
    match serde_json::from_str::<serde::de::IgnoredAny>(json) {
        Ok(_) => match expect_object(json, content) {
            Err(not_object) => not_object,
            Ok(()) if error.code == ErrorCode::InvalidJson => {
                Error::new(content, error.path, "expected a value of another type")
            }
            Ok(()) => error,
        },
        Err(syntax) if error.code == content => {
            json_error(&syntax, String::new(), content, |_| None)
        }
        Err(_) => error,
    }
}

/// Rules 1 and 2 for one serde_json error at `path`.
fn json_error(
    e: &serde_json::Error,
    path: String,
    content: ErrorCode,
    expected_at: ExpectedAt,
) -> Error {
    let full = e.to_string();
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            if full.contains("recursion limit") {
                Error::limit(path, "nesting too deep")
            } else {
                Error::syntax(path, full)
            }
        }
        Category::Data => {
            // serde_json appends the position when it knows it; the message comes first.
            let position = format!(" at line {} column {}", e.line(), e.column());
            let bare = full.strip_suffix(&position).unwrap_or(&full);
            let names_a_field =
                bare.starts_with("unknown field") || bare.starts_with("missing field");
            let message = match expected_at(&path) {
                Some(expected) if !names_a_field => expected.to_owned(),
                _ => scrub::serde_data_message(bare),
            };
            Error::new(content, path, message)
        }
    }
}

/// The path of a serde_json error of a typed parse of `json`, as `cases[3].kle`, with
/// keys unfit to show replaced by `?`.
///
/// It is the path serde_path_to_error would report (the member or element whose
/// deserialisation failed; the container itself when the container failed), worked out
/// from where serde_json stopped: the text before the error's position is scanned for
/// the open containers, their current keys and indices. Which of the innermost
/// container's member or the container itself failed follows from serde_json's reading
/// order and, where the position alone cannot tell, from the kind of error: an error
/// serde_json raises between members (`expected ,`, `trailing comma`), one a struct
/// raises for itself (`missing field`, `duplicate field`, `invalid length`, a duplicate
/// key of its own) or a member's. A test holds this to serde_path_to_error on every
/// conformance vector and many broken variants of them.
fn error_path(json: &str, e: &serde_json::Error) -> String {
    // No position: the error was raised after the whole document was read.
    if e.line() == 0 {
        return String::new();
    }
    let bytes = json.as_bytes();
    // Lines count from 1, columns are the bytes read on the line.
    let line_start = match e.line() {
        1 => 0,
        line => bytes
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1),
    };
    let position = (line_start + e.column()).min(bytes.len());
    let full = e.to_string();
    let message = full.split(" at line ").next().unwrap_or_default();
    let data = e.classify() == Category::Data;
    // serde_json places syntax errors after the byte it looked at without reading it.
    let peeked = !data
        && e.classify() != Category::Eof
        && PEEKED_SYNTAX.iter().any(|m| message.starts_with(m));
    let read = if peeked {
        position.saturating_sub(1)
    } else {
        position
    };
    let mut scan = PathScan::default();
    scan.run(bytes.get(..read).unwrap_or(bytes));
    let between_members = !data && BETWEEN_MEMBERS.iter().any(|m| message.starts_with(m));
    let own = data && OWN_ERRORS.iter().any(|m| message.starts_with(m));
    let eof_value = message.starts_with("EOF while parsing a value");
    let mut segments: Vec<Segment> = Vec::new();
    let innermost = scan.stack.len().saturating_sub(1);
    for (depth, frame) in scan.stack.iter().enumerate() {
        if depth < innermost {
            segments.extend(frame.current());
            continue;
        }
        let member = match frame.state {
            State::BeforeMember => {
                // A type error at an element serde_json looked at (a container where
                // something else belongs) is placed before it; an array refused as a
                // whole, after its `[`, before the first element.
                let next = bytes
                    .get(read..)
                    .and_then(|rest| rest.iter().find(|b| !b.is_ascii_whitespace()));
                let element_next = match next {
                    Some(b'{') => message.starts_with("invalid type: map"),
                    Some(b'[') => message.starts_with("invalid type: sequence"),
                    _ => false,
                };
                let whole = data && !frame.after_comma && !element_next;
                if frame.is_object || (!data && (between_members || eof_value)) || whole {
                    None
                } else if data && frame.after_comma && !message.starts_with("invalid type") {
                    // serde_json places an element's own error after the comma that
                    // follows it (a type error, at the element serde_json looked at).
                    frame.index.checked_sub(1).map(Segment::Index)
                } else {
                    // serde_json looked at the element and began to read it.
                    frame.current()
                }
            }
            State::InKey => None,
            State::AfterKey => {
                // A key that is no field names the path; a key given twice or a variant
                // that does not exist is an error of the container.
                let container = message.starts_with("duplicate field")
                    || message.starts_with("unknown variant");
                if data && !container {
                    frame.current()
                } else {
                    None
                }
            }
            State::InValue => {
                if between_members {
                    None
                } else {
                    frame.current()
                }
            }
            State::AfterValue => {
                if between_members {
                    None
                } else if own {
                    // The container raising it is the member just read if that was a
                    // container, else the one still open.
                    frame.closed.then(|| frame.current()).flatten()
                } else if data && !message.starts_with("invalid type") {
                    // A member's error is placed after its container's end when that
                    // container reads no further: the member is its last one. (A type
                    // error is the whole container's: its members are placed at them.)
                    segments.extend(frame.current());
                    frame.closed_last.clone()
                } else {
                    frame.current()
                }
            }
        };
        segments.extend(member);
    }
    if scan.stack.is_empty() && data && !own && !message.starts_with("invalid type") {
        segments.extend(scan.top_closed_last);
    }
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Index(index) => out.push_str(&format!("[{index}]")),
            Segment::Key(key) => out = super::join_path(&out, scrub::key(&key)),
        }
    }
    out
}

/// Syntax errors serde_json places after the byte that broke the syntax (looked at or
/// read): reading stopped before it.
const PEEKED_SYNTAX: [&str; 11] = [
    "expected value",
    "expected ident",
    "trailing characters",
    "invalid number",
    "number out of range",
    "expected `:`",
    "trailing comma",
    "expected `,` or `]`",
    "expected `,` or `}`",
    "key must be a string",
    "recursion limit exceeded",
];

/// Syntax errors serde_json raises between the members of a container.
const BETWEEN_MEMBERS: [&str; 7] = [
    "expected `:`",
    "trailing comma",
    "expected `,` or `]`",
    "expected `,` or `}`",
    "key must be a string",
    "EOF while parsing an object",
    "EOF while parsing a list",
];

/// Data errors a container raises for itself, not for one of its members.
const OWN_ERRORS: [&str; 4] = [
    "missing field",
    "duplicate field",
    "invalid length",
    "expected each privilege URI once",
];

/// One step of a path.
#[derive(Debug, Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

/// Where the scan is within a container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// After `{`, `[` or `,`: no member begun.
    BeforeMember,
    /// Inside an object's key.
    InKey,
    /// After an object's key, before its `:`.
    AfterKey,
    /// After `:`, or inside an element: the member is being read.
    InValue,
    /// After a whole member.
    AfterValue,
}

/// An open container of [`PathScan`].
#[derive(Debug, Clone)]
struct Frame {
    is_object: bool,
    /// The current key (objects).
    key: Option<String>,
    /// The current element (arrays): commas seen.
    index: usize,
    /// Whether the last structural byte read was a comma.
    after_comma: bool,
    state: State,
    /// Whether the member just read was a container.
    closed: bool,
    /// When the member just read was a container: its last member.
    closed_last: Option<Segment>,
}

impl Frame {
    /// The member being read.
    fn current(&self) -> Option<Segment> {
        if self.is_object {
            self.key.clone().map(Segment::Key)
        } else {
            Some(Segment::Index(self.index))
        }
    }

    /// The last member of this container, once it is closed.
    fn last(&self) -> Option<Segment> {
        match self.state {
            State::BeforeMember => None,
            _ => self.current(),
        }
    }
}

/// The open containers of a prefix of a JSON text.
#[derive(Debug, Default)]
struct PathScan {
    stack: Vec<Frame>,
    /// The last member of the top-level value, once closed.
    top_closed_last: Option<Segment>,
}

impl PathScan {
    fn run(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while let Some(&byte) = bytes.get(i) {
            i += 1;
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => {}
                b'{' | b'[' => {
                    self.value_begins();
                    self.stack.push(Frame {
                        is_object: byte == b'{',
                        key: None,
                        index: 0,
                        after_comma: false,
                        state: State::BeforeMember,
                        closed: false,
                        closed_last: None,
                    });
                }
                b'}' | b']' => {
                    let closed = self.stack.pop();
                    let last = closed.as_ref().and_then(Frame::last);
                    match self.stack.last_mut() {
                        Some(frame) => {
                            frame.state = State::AfterValue;
                            frame.closed = true;
                            frame.closed_last = last;
                        }
                        None => self.top_closed_last = last,
                    }
                }
                b',' => {
                    if let Some(frame) = self.stack.last_mut() {
                        frame.state = State::BeforeMember;
                        frame.after_comma = true;
                        frame.closed = false;
                        frame.closed_last = None;
                        if !frame.is_object {
                            frame.index += 1;
                        }
                    }
                }
                b':' => {
                    if let Some(frame) = self.stack.last_mut() {
                        frame.state = State::InValue;
                    }
                }
                b'"' => {
                    let start = i;
                    let mut end = None;
                    while let Some(&b) = bytes.get(i) {
                        i += 1;
                        match b {
                            b'\\' => i += 1,
                            b'"' => {
                                end = Some(i - 1);
                                break;
                            }
                            _ => {}
                        }
                    }
                    let is_key = matches!(
                        self.stack.last(),
                        Some(Frame {
                            is_object: true,
                            state: State::BeforeMember,
                            ..
                        })
                    );
                    if is_key {
                        if let Some(frame) = self.stack.last_mut() {
                            match end {
                                Some(end) => {
                                    let raw = bytes.get(start.saturating_sub(1)..=end);
                                    frame.key = raw
                                        .and_then(|raw| std::str::from_utf8(raw).ok())
                                        .and_then(|raw| serde_json::from_str::<String>(raw).ok());
                                    frame.state = State::AfterKey;
                                }
                                None => frame.state = State::InKey,
                            }
                        }
                    } else {
                        self.value_begins();
                        if end.is_some() {
                            self.value_ends();
                        }
                    }
                }
                _ => {
                    // A number or a literal: up to the next structural byte.
                    self.value_begins();
                    while let Some(b) = bytes.get(i) {
                        if matches!(
                            b,
                            b' ' | b'\t'
                                | b'\n'
                                | b'\r'
                                | b','
                                | b':'
                                | b'{'
                                | b'}'
                                | b'['
                                | b']'
                                | b'"'
                        ) {
                            break;
                        }
                        i += 1;
                    }
                    if i < bytes.len() {
                        self.value_ends();
                    }
                }
            }
        }
    }

    fn value_begins(&mut self) {
        if let Some(frame) = self.stack.last_mut() {
            frame.state = State::InValue;
            frame.after_comma = false;
            frame.closed = false;
            frame.closed_last = None;
        }
    }

    fn value_ends(&mut self) {
        if let Some(frame) = self.stack.last_mut() {
            frame.state = State::AfterValue;
        }
    }
}

/// Where a streaming XML reader is: what an error there is reported as.
///
/// ```ignore
/// let place = XmlPlace::new(ErrorCode::InvalidInput, "the document", "Sag[2]/RelationListe");
/// reader.read_event().map_err(|e| place.xml_error(&e))?;
/// return Err(place.bad_value("expected a CPR URN such as urn:oio:cpr-nr:…"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct XmlPlace {
    /// The code of every error in this document (`invalid_policy` for a catalogue).
    code: ErrorCode,
    /// What the document is called in messages: `the catalogue`, `the claim`.
    document: &'static str,
    /// The element path (`Sag[2]/RelationListe/Sagspart[0]`), or a fixed path for the
    /// whole document (`catalogue`).
    path: String,
    /// The innermost element a reader of the message can find (`Emne 3`), when the path
    /// does not say it.
    within: Option<String>,
}

impl XmlPlace {
    /// A place in a document of `code`, called `document` in messages, at `path`.
    pub(crate) fn new(code: ErrorCode, document: &'static str, path: impl Into<String>) -> Self {
        XmlPlace {
            code,
            document,
            path: path.into(),
            within: None,
        }
    }

    /// The same place, with messages ending `in <element>` (an element's name and
    /// position, never its content).
    pub(crate) fn within(mut self, element: Option<String>) -> Self {
        self.within = element;
        self
    }

    /// A value here that is not what was expected; `expected` says what was
    /// (`expected a GruppeNr such as 32.24`) and never repeats the value.
    pub(crate) fn bad_value(&self, expected: &str) -> Error {
        let message = match &self.within {
            Some(element) => format!("{expected} in {element}"),
            None => expected.to_owned(),
        };
        Error::new(self.code, self.path.as_str(), message)
    }

    /// A quick-xml error here, classified by its variant.
    pub(crate) fn xml_error(&self, error: &quick_xml::Error) -> Error {
        self.bad_value(&self.xml_message(error))
    }

    /// A reference to an entity that is neither a character reference nor one of XML's
    /// five (a document may declare no entities of its own).
    pub(crate) fn unknown_entity(&self) -> Error {
        self.bad_value(UNKNOWN_ENTITY)
    }

    /// Elements that do not nest: an end tag without its start tag, or text that ends
    /// with elements still open.
    pub(crate) fn not_nested(&self) -> Error {
        self.bad_value(&not_nested(self.document))
    }

    fn xml_message(&self, error: &quick_xml::Error) -> String {
        use quick_xml::Error as X;
        let document = self.document;
        let unclosed = |what: &str| {
            format!("expected well-formed XML: {document} is truncated or {what} is not closed")
        };
        match error {
            X::Syntax(SyntaxError::UnclosedTag) => unclosed("a tag"),
            X::Syntax(SyntaxError::UnclosedComment) => unclosed("a comment"),
            X::Syntax(SyntaxError::UnclosedCData) => unclosed("a CDATA section"),
            X::Syntax(SyntaxError::UnclosedDoctype) => unclosed("a DOCTYPE"),
            X::Syntax(SyntaxError::UnclosedPIOrXmlDecl) => {
                unclosed("a processing instruction or XML declaration")
            }
            X::Syntax(SyntaxError::InvalidBangMarkup) => format!(
                "expected well-formed XML: in {document}, `<!` begins no comment, CDATA section or DOCTYPE"
            ),
            X::IllFormed(
                IllFormedError::MismatchedEndTag { .. }
                | IllFormedError::UnmatchedEndTag(_)
                | IllFormedError::MissingEndTag(_),
            ) => not_nested(document),
            X::IllFormed(IllFormedError::MissingDeclVersion(_)) => {
                "expected an XML declaration that starts with its version".to_owned()
            }
            X::IllFormed(IllFormedError::MissingDoctypeName) => {
                "expected a DOCTYPE with a name".to_owned()
            }
            X::IllFormed(IllFormedError::DoubleHyphenInComment) => {
                "expected no `--` inside a comment".to_owned()
            }
            X::IllFormed(IllFormedError::UnclosedReference)
            | X::Escape(EscapeError::UnterminatedEntity(_)) => {
                "expected `;` to end each entity or character reference".to_owned()
            }
            X::Escape(EscapeError::UnrecognizedEntity(..)) => UNKNOWN_ENTITY.to_owned(),
            X::Escape(EscapeError::InvalidCharRef(_)) => {
                "expected character references to characters XML allows".to_owned()
            }
            X::InvalidAttr(_) => {
                "expected well-formed attributes: name=\"value\", each name once".to_owned()
            }
            X::Encoding(_) => format!("expected {document} to be UTF-8 text"),
            X::Namespace(_) => "expected only declared namespace prefixes".to_owned(),
            X::Io(_) => format!("expected well-formed XML: {document} could not be read"),
        }
    }
}

/// The message for elements that do not nest.
fn not_nested(document: &str) -> String {
    format!("expected well-formed XML: the tags of {document} do not nest (an end tag does not match the open element)")
}

/// The message for an entity reference a reader does not resolve.
const UNKNOWN_ENTITY: &str = "expected only character references and the predefined XML entities";

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        id: String,
        #[serde(default)]
        items: Vec<u32>,
    }

    fn err(json: &str) -> Error {
        parse_json::<Doc>(json, ErrorCode::InvalidInput).unwrap_err()
    }

    #[test]
    fn syntax_is_invalid_json_with_where_reading_stopped() {
        let e = err(r#"{"id": "a", "items": [1, "#);
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidJson, "items"));
        assert_eq!(e.message, "EOF while parsing a value at line 1 column 25");
        let e = err(r#"{"id": "a"} x"#);
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidJson, ""));
    }

    #[test]
    fn a_syntax_error_after_a_type_error_wins() {
        let e = err(r#"{"id": 1, "items": [}"#);
        assert_eq!(e.code, ErrorCode::InvalidJson, "{e}");
    }

    #[test]
    fn data_errors_get_the_content_code_and_a_path_without_the_value() {
        let e = err(r#"{"id": "a", "items": ["Hans Hansen"]}"#);
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::InvalidInput, "items[0]")
        );
        assert_eq!(e.message, "invalid type: expected u32");
        let e = err(r#"{"items": []}"#);
        assert_eq!(
            (e.path.as_str(), e.message.as_str()),
            ("", "missing field `id`")
        );
        let e = err(r#"{"id": "a", "colour": 1}"#);
        assert_eq!(e.path, "colour");
        assert!(
            e.message.starts_with("unknown field `colour`, expected"),
            "{e}"
        );
        let e = err(r#"{"id": "a", "Hans Hansen": 1}"#);
        assert_eq!(
            (e.path.as_str(), e.message.as_str()),
            ("?", "unknown field, expected `id` or `items`")
        );
    }

    #[test]
    fn only_objects_are_documents() {
        for json in ["[]", r#"["a", [1]]"#, "null", "3"] {
            let e = err(json);
            assert_eq!(
                (e.code, e.path.as_str(), e.message.as_str()),
                (ErrorCode::InvalidInput, "", "expected a JSON object"),
                "{json}"
            );
        }
    }

    #[test]
    fn a_document_may_name_what_it_expects() {
        let e = parse_json_described::<Doc>(r#"{"id": 7}"#, ErrorCode::InvalidPolicy, |p| {
            (p == "id").then_some("expected an id string")
        })
        .unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str(), e.message.as_str()),
            (ErrorCode::InvalidPolicy, "id", "expected an id string")
        );
    }

    #[test]
    fn deep_nesting_is_a_limit() {
        let deep = format!(
            "{{\"id\": \"a\", \"x\": {}{}}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        let e = parse_json::<serde_json::Value>(&deep, ErrorCode::InvalidInput).unwrap_err();
        assert_eq!(e.code, ErrorCode::LimitExceeded, "{e}");
    }

    #[test]
    fn xml_errors_by_variant() {
        let place = XmlPlace::new(
            ErrorCode::InvalidInput,
            "the document",
            "Sag[2]/RelationListe",
        );
        let read = |xml: &str| {
            let mut reader = quick_xml::Reader::from_str(xml);
            reader.config_mut().check_end_names = true;
            loop {
                match reader.read_event() {
                    Err(e) => return place.xml_error(&e),
                    Ok(quick_xml::events::Event::Eof) => panic!("{xml} is well-formed"),
                    Ok(_) => {}
                }
            }
        };
        let e = read("<a><b>0101901234</a>");
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::InvalidInput, "Sag[2]/RelationListe")
        );
        assert!(e.message.contains("do not nest"), "{e}");
        assert!(
            !e.message.contains("0101901234") && !e.message.contains("<b"),
            "{e}"
        );
        assert!(read("<a").message.contains("a tag is not closed"));
        assert!(read("<a><!-- x")
            .message
            .contains("a comment is not closed"));
        let e = place
            .within(Some("Emne 3".into()))
            .bad_value("expected an EmneNr");
        assert_eq!(e.message, "expected an EmneNr in Emne 3");
    }
}

/// [`error_path`] against serde_path_to_error (the second, tracked parse this module
/// made before): the same error, byte for byte, on every JSON document of the
/// conformance vectors and on many broken variants of each.
#[cfg(test)]
mod same_as_tracked {
    use super::*;

    /// The former [`parse_json_described`]: a failed parse read again with paths.
    fn tracked<T: DeserializeOwned>(json: &str, content: ErrorCode) -> Result<T, Error> {
        if let Ok(value) = serde_json::from_str(json) {
            return expect_object(json, content).map(|()| value);
        }
        let mut de = serde_json::Deserializer::from_str(json);
        let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let error = json_error(e.inner(), tracked_path(e.path()), content, |_| None);
            reclassify(json, error, content)
        })?;
        de.end()
            .map_err(|e| json_error(&e, String::new(), content, |_| None))?;
        expect_object(json, content)?;
        Ok(value)
    }

    fn tracked_path(path: &serde_path_to_error::Path) -> String {
        use serde_path_to_error::Segment;
        let mut out = String::new();
        for segment in path.iter() {
            match segment {
                Segment::Seq { index } => out.push_str(&format!("[{index}]")),
                Segment::Map { key } | Segment::Enum { variant: key } => {
                    out = crate::error::join_path(&out, scrub::key(key));
                }
                Segment::Unknown => {}
            }
        }
        out
    }

    /// Broken variants of a valid JSON text: cut short, a byte dropped or added, each
    /// scalar, object and array replaced by values of other types, members added.
    fn variants(json: &str) -> Vec<String> {
        let b = json.as_bytes();
        let mut out = Vec::new();
        let stride = (b.len() / 40).max(1);
        let at = |i: usize| json.is_char_boundary(i);
        let mut i = 0;
        while i <= b.len() {
            if at(i) {
                out.push(json[..i].to_owned());
                for add in ["x", ",", "}", "]", "\"", "1", ":", "{", "["] {
                    out.push(format!("{}{add}{}", &json[..i], &json[i..]));
                }
                if let Some(next) = (i + 1..=b.len()).find(|&j| at(j)) {
                    out.push(format!("{}{}", &json[..i], &json[next..]));
                }
            }
            i += stride;
        }
        // Tokens: scalars and containers (start, end) of the valid text.
        let mut spans = Vec::new();
        let mut stack = Vec::new();
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            match c {
                b'{' | b'[' => stack.push(i),
                b'}' | b']' => {
                    if let Some(start) = stack.pop() {
                        spans.push((start, i + 1));
                    }
                }
                b'"' => {
                    let start = i;
                    i += 1;
                    while let Some(&d) = b.get(i) {
                        match d {
                            b'\\' => i += 1,
                            b'"' => break,
                            _ => {}
                        }
                        i += 1;
                    }
                    // Keys are followed by a colon.
                    let rest = json.get(i + 1..).unwrap_or_default().trim_start();
                    if !rest.starts_with(':') {
                        spans.push((start, i + 1));
                    } else {
                        let key = &json[start..=i];
                        out.push(format!("{}{key}:1,{}", &json[..start], &json[start..]));
                    }
                }
                b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                    let start = i;
                    while b
                        .get(i + 1)
                        .is_some_and(|d| d.is_ascii_alphanumeric() || b"+-.".contains(d))
                    {
                        i += 1;
                    }
                    spans.push((start, i + 1));
                }
                _ => {}
            }
            i += 1;
        }
        let replacements = [
            "\"x\"",
            "\"0101901234\"",
            "\"2026-13-01\"",
            "1",
            "-1",
            "1.5",
            "300",
            "null",
            "true",
            "[]",
            "{}",
            "[1]",
            "[{}]",
            "[\"x\"]",
            "{\"zz\":1}",
            "[null]",
        ];
        let span_stride = (spans.len() / 15).max(1);
        for &(start, end) in spans.iter().step_by(span_stride) {
            for r in replacements {
                out.push(format!("{}{r}{}", &json[..start], &json[end..]));
            }
            if b.get(start) == Some(&b'{') {
                for add in ["\"zz\":1,", "\"id\":1,", "\"Hans Hansen\":1,"] {
                    out.push(format!("{}{{{add}{}", &json[..start], &json[start + 1..]));
                }
            }
        }
        out
    }

    fn compare<T: DeserializeOwned>(name: &str, json: &str, checked: &mut Vec<String>) {
        for variant in std::iter::once(json.to_owned()).chain(variants(json)) {
            let new = parse_json::<T>(&variant, ErrorCode::InvalidInput).err();
            let old = tracked::<T>(&variant, ErrorCode::InvalidInput).err();
            let (new, old) = (new.map(|e| e.to_json()), old.map(|e| e.to_json()));
            if new != old {
                let short: String = variant.chars().take(300).collect();
                checked.push(format!("{name}\n  new {new:?}\n  old {old:?}\n  {short}"));
            }
            checked.push(String::new());
        }
    }

    #[test]
    fn every_vector_and_its_variants() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors");
        let mut checked = Vec::new();
        let Ok(dirs) = std::fs::read_dir(root) else {
            unreachable!("the vectors are in the repository")
        };
        let mut dirs: Vec<_> = dirs.flatten().map(|d| d.path()).collect();
        dirs.sort();
        // The rule vectors are much alike: every eighth of them.
        let mut rule = 0;
        dirs.retain(|d| {
            let is_rule = d
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("rule-"));
            rule += usize::from(is_rule);
            !is_rule || rule % 40 == 1
        });
        let mut files: Vec<_> = dirs
            .into_iter()
            .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten())
            .map(|f| f.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for path in files {
            let Ok(json) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path.display().to_string();
            let file = path
                .file_name()
                .and_then(|f| f.to_str())
                .unwrap_or_default();
            match file {
                "request.json" => compare::<crate::model::Request>(&name, &json, &mut checked),
                "policy.json" => compare::<crate::model::Policy>(&name, &json, &mut checked),
                "overview.json" | "previous.json" => {
                    compare::<crate::Overview>(&name, &json, &mut checked)
                }
                "represented-request.json" => {
                    compare::<crate::represented::RepresentedRequest>(&name, &json, &mut checked)
                }
                _ => {}
            }
            compare::<serde_json::Map<String, serde_json::Value>>(&name, &json, &mut checked);
        }
        for json in [
            r#"{"source": "KSD", "party_roles": {"x": "primary"}}"#,
            r#"{"published": "2026-01-01", "entries": [{"number": "32", "title": "Familie"}, {"number": "32.06", "title": "Bolig"}]}"#,
        ] {
            compare::<crate::sources::SourceProfile>("profile", json, &mut checked);
            compare::<crate::kle::Catalogue>("catalogue", json, &mut checked);
        }
        let failed: Vec<_> = checked.iter().filter(|c| !c.is_empty()).collect();
        if let Ok(out) = std::env::var("EGENSAG_PATH_DIFF_OUT") {
            let all: Vec<&str> = failed.iter().map(|c| c.as_str()).collect();
            let _ = std::fs::write(out, all.join("\n"));
        }
        let shown: Vec<_> = failed
            .iter()
            .take(12)
            .map(|c| c.chars().take(600).collect::<String>())
            .collect();
        assert!(
            failed.is_empty(),
            "{} of {} differ:\n{}",
            failed.len(),
            checked.len(),
            shown.join("\n")
        );
        assert!(checked.len() > 50_000, "{}", checked.len());
    }
}
