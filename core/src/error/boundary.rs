//! The error boundary: the one place where the errors of the parsers this crate uses
//! (serde_json with serde_path_to_error, quick-xml) become [`Error`]s.
//!
//! # JSON (requests, policies, overviews, catalogues)
//!
//! [`parse_json`] classifies by serde_json's own [`Category`] and takes the path from
//! serde_path_to_error:
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
/// Well-formed input is read once, without tracking paths (tracking wraps every value
/// of the parse); only input that fails is read again, with paths, for the error.
pub(crate) fn parse_json<T: DeserializeOwned>(json: &str, content: ErrorCode) -> Result<T, Error> {
    parse_json_described(json, content, |_| None)
}

/// [`parse_json`], with the document's own words for what it expects at a path.
pub(crate) fn parse_json_described<T: DeserializeOwned>(
    json: &str,
    content: ErrorCode,
    expected_at: ExpectedAt,
) -> Result<T, Error> {
    if let Ok(value) = serde_json::from_str(json) {
        return expect_object(json, content).map(|()| value);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let error = json_error(e.inner(), json_path(e.path()), content, expected_at);
        reclassify(json, error, content)
    })?;
    de.end()
        .map_err(|e| json_error(&e, String::new(), content, expected_at))?;
    expect_object(json, content)?;
    Ok(value)
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

/// The path as `cases[3].kle`, with keys unfit to show replaced by `?`.
fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out = super::join_path(&out, scrub::key(key));
            }
            Segment::Unknown => {}
        }
    }
    out
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
