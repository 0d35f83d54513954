//! Parsing requests and policies from JSON: structure first (with the path of every
//! error and messages that never echo a value), then the checks serde cannot express.

use super::policy::{Limits, Policy};
use super::request::Request;
use crate::error::{boundary, scrub, Error, ErrorCode};
use crate::values::{id_order, repeated};
use serde::de::DeserializeOwned;

/// Parses and checks a request with the default [`Limits`].
///
/// ```
/// let err = egensag::model::parse_request(r#"{"as_of": "2026-11-23", "subject": {"cpr": "3102901234"},
///   "viewer": {"cpr": "0101901234", "role": "self"}}"#).unwrap_err();
/// assert_eq!(err.path(), "subject.cpr");
/// assert!(!err.message().contains("3102901234"));
/// ```
pub fn parse_request(json: &str) -> Result<Request, Error> {
    parse_request_with(json, &Limits::default())
}

/// Parses and checks a request within `limits`.
pub(crate) fn parse_request_with(json: &str, limits: &Limits) -> Result<Request, Error> {
    check_size_and_depth(json, limits)?;
    let request: Request = from_json(json, ErrorCode::InvalidInput)?;
    check_request(&request, limits)?;
    Ok(request)
}

/// Parses and checks a policy.
///
/// ```
/// let err = egensag::model::parse_policy(r#"{"id": "p", "kle": {"include": [{"pattern": "32.x"}]}}"#).unwrap_err();
/// assert_eq!(err.code(), egensag::ErrorCode::InvalidPolicy);
/// assert_eq!(err.path(), "kle.include[0].pattern");
/// ```
pub fn parse_policy(json: &str) -> Result<Policy, Error> {
    check_size_and_depth(json, &Limits::default())?;
    from_json(json, ErrorCode::InvalidPolicy)
}

/// Deserialises the JSON object `json` into `T`; errors of content get `content_code`.
/// The rules are those of the crate's error boundary (`crate::error::boundary`).
pub(crate) fn from_json<T: DeserializeOwned>(
    json: &str,
    content_code: ErrorCode,
) -> Result<T, Error> {
    boundary::parse_json(json, content_code)
}

/// Refuses inputs larger than the limit, nested deeper than it, holding a longer string
/// or more records than it, before parsing: one pass over the bytes, memory bounded by
/// the nesting limit, so no input can exhaust memory or the stack in the parser.
///
/// The error's path is where the scan stopped (`cases[3].title`), with keys that could
/// be personal data replaced by `?`. The scan assumes nothing about well-formedness:
/// malformed JSON is left to the parser.
pub(crate) fn check_size_and_depth(json: &str, limits: &Limits) -> Result<(), Error> {
    if json.len() > limits.max_input_bytes {
        return Err(Error::limit(
            "",
            format!("input larger than {} bytes", limits.max_input_bytes),
        ));
    }
    if within_limits(json.as_bytes(), limits) {
        return Ok(());
    }
    Scan::new(limits).run(json.as_bytes())
}

/// The pre-scan's fast path: true when `bytes` are certainly within the limits of
/// nesting, string length and records. It reads the bytes as [`Scan`] does (the same
/// strings, escapes and containers) but keeps no path: the length of a string is its
/// raw bytes (never less than the decoded length [`Scan`] measures) and the records are
/// bounded by the elements of every array in the top-level object (never fewer than the
/// elements of its record lists). When it answers false, [`Scan`] runs and reports the
/// exceeded limit with its path, or finds none.
///
/// Strings, most of a request, are skipped eight bytes at a time ([`quote_or_backslash`]).
fn within_limits(bytes: &[u8], limits: &Limits) -> bool {
    let mut outside = Structure::default();
    let mut i = 0usize;
    while let Some(&byte) = bytes.get(i) {
        i += 1;
        if byte != b'"' {
            if !outside.read(byte, limits) {
                return false;
            }
            continue;
        }
        let start = i;
        loop {
            i = quote_or_backslash(bytes, i);
            match bytes.get(i) {
                // `\u` and its four digits, whatever they are, as [`Scan`] reads them.
                Some(b'\\') if bytes.get(i + 1) == Some(&b'u') => i += 6,
                Some(b'\\') => i += 2,
                Some(_) => break,
                // A string without its end (malformed: the parser refuses it) is the full
                // scan's to measure: a cut `\u` escape counts more there than its raw bytes.
                None => return false,
            }
        }
        if i - start > limits.max_string_bytes {
            return false;
        }
        i += 1;
    }
    outside.elements <= limits.max_records
}

/// The index of the first `"` or `\` in `bytes` from `from` on (`bytes.len()` when there
/// is none), reading eight bytes at a time.
fn quote_or_backslash(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
    const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
    // The high bit of the lowest byte of `word` that is zero is set (higher ones may be, too).
    let zero_byte = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        let found = zero_byte(word ^ QUOTES) | zero_byte(word ^ BACKSLASHES);
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    i + rest
        .iter()
        .position(|&b| b == b'"' || b == b'\\')
        .unwrap_or(rest.len())
}

/// The fast path's view of the bytes between strings: nesting and the elements of the
/// top-level object's arrays.
#[derive(Default)]
struct Structure {
    depth: usize,
    top_is_object: bool,
    in_list: bool,
    elements: usize,
}

impl Structure {
    /// Reads one byte outside any string; false when a limit may be exceeded.
    fn read(&mut self, byte: u8, limits: &Limits) -> bool {
        match byte {
            b'[' | b'{' => {
                if self.depth >= limits.max_depth {
                    return false;
                }
                self.depth += 1;
                if self.depth == 1 {
                    self.top_is_object = byte == b'{';
                } else if self.depth == 2 {
                    self.in_list = self.top_is_object && byte == b'[';
                    self.elements += usize::from(self.in_list);
                }
            }
            b']' | b'}' => self.depth = self.depth.saturating_sub(1),
            b',' if self.depth == 2 && self.in_list => self.elements += 1,
            _ => {}
        }
        true
    }
}

/// One open container of the pre-scan.
enum Frame {
    /// An object: its current key (when short and safe to show) and whether the next
    /// string is a key.
    Object {
        key: Option<String>,
        expect_key: bool,
    },
    /// An array: the current element's index and whether that element has begun.
    Array { index: usize, begun: bool },
}

/// The state of the pre-scan.
struct Scan<'l> {
    limits: &'l Limits,
    stack: Vec<Frame>,
    records: usize,
}

/// The top-level lists whose elements are records.
const RECORD_LISTS: [&str; 4] = ["cases", "benefits", "appointments", "plans"];

/// Longest key kept for error paths.
const MAX_KEY_IN_PATH: usize = 100;

impl<'l> Scan<'l> {
    fn new(limits: &'l Limits) -> Self {
        Scan {
            limits,
            stack: Vec::new(),
            records: 0,
        }
    }

    /// The path of the current position.
    fn path(&self) -> String {
        let mut out = String::new();
        for frame in &self.stack {
            match frame {
                Frame::Object { key: Some(k), .. } => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(scrub::key(k));
                }
                Frame::Object { key: None, .. } => {}
                Frame::Array { index, begun } => {
                    if *begun {
                        out.push_str(&format!("[{index}]"));
                    }
                }
            }
        }
        out
    }

    /// Marks the start of a value in the innermost container (counting records).
    fn value_begins(&mut self) -> Result<(), Error> {
        let in_record_list = self.stack.len() == 2
            && matches!(self.stack.first(), Some(Frame::Object { key: Some(k), .. }) if RECORD_LISTS.contains(&k.as_str()));
        if let Some(Frame::Array { begun, .. }) = self.stack.last_mut() {
            if !*begun {
                *begun = true;
                if in_record_list {
                    self.records += 1;
                    if self.records > self.limits.max_records {
                        return Err(Error::limit(
                            self.path(),
                            format!("more than {} records", self.limits.max_records),
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    fn run(mut self, bytes: &[u8]) -> Result<(), Error> {
        let mut iter = bytes.iter().copied();
        while let Some(byte) = iter.next() {
            match byte {
                b'"' => {
                    let is_key = matches!(
                        self.stack.last(),
                        Some(Frame::Object {
                            expect_key: true,
                            ..
                        })
                    );
                    if !is_key {
                        self.value_begins()?;
                    }
                    self.string(&mut iter, is_key)?;
                }
                b'[' | b'{' => {
                    self.value_begins()?;
                    if self.stack.len() >= self.limits.max_depth {
                        return Err(Error::limit(
                            self.path(),
                            format!("nested deeper than {} levels", self.limits.max_depth),
                        ));
                    }
                    self.stack.push(if byte == b'[' {
                        Frame::Array {
                            index: 0,
                            begun: false,
                        }
                    } else {
                        Frame::Object {
                            key: None,
                            expect_key: true,
                        }
                    });
                }
                b']' | b'}' => {
                    self.stack.pop();
                }
                b',' => match self.stack.last_mut() {
                    Some(Frame::Array { index, begun }) => {
                        *index = index.saturating_add(1);
                        *begun = false;
                    }
                    Some(Frame::Object { key, expect_key }) => {
                        *key = None;
                        *expect_key = true;
                    }
                    None => {}
                },
                b':' => {
                    if let Some(Frame::Object { expect_key, .. }) = self.stack.last_mut() {
                        *expect_key = false;
                    }
                }
                b' ' | b'\t' | b'\n' | b'\r' => {}
                _ => self.value_begins()?,
            }
        }
        Ok(())
    }

    /// Reads a string up to its closing quote, measuring its decoded length (an upper
    /// bound: `\uXXXX` counts as three bytes) against the limit. A key is decoded as the
    /// parser decodes it (`"c\u0061ses"` is `cases`), so that escaping a key cannot hide
    /// a record list from the count.
    fn string(&mut self, iter: &mut impl Iterator<Item = u8>, is_key: bool) -> Result<(), Error> {
        let mut length = 0usize;
        let mut key = is_key.then(String::new);
        let mut key_shown = true;
        while let Some(byte) = iter.next() {
            let (decoded, c) = match byte {
                b'"' => break,
                b'\\' => match iter.next() {
                    Some(b'u') => {
                        let mut hex = [0u8; 4];
                        for slot in &mut hex {
                            *slot = iter.next().unwrap_or(0);
                        }
                        (3, unicode_escape(hex))
                    }
                    Some(escaped) => (1, simple_escape(escaped)),
                    None => (1, None),
                },
                // Bytes of a multi-byte character are not kept: such a key is shown as `?`.
                other => (1, other.is_ascii().then_some(char::from(other))),
            };
            length += decoded;
            if length > self.limits.max_string_bytes {
                return Err(Error::limit(
                    self.path(),
                    format!(
                        "a string longer than {} bytes",
                        self.limits.max_string_bytes
                    ),
                ));
            }
            if let Some(k) = key.as_mut() {
                match c {
                    Some(c) if key_shown && k.len() < MAX_KEY_IN_PATH => k.push(c),
                    // A key with other characters or too long for a path is shown as `?`
                    // (and is no record list's name).
                    _ => key_shown = false,
                }
            }
        }
        if let (Some(k), Some(Frame::Object { key: slot, .. })) = (key, self.stack.last_mut()) {
            *slot = Some(if key_shown { k } else { "?".to_owned() });
        }
        Ok(())
    }
}

/// The character of a JSON escape `\x` other than `\u`, `None` for an invalid one.
fn simple_escape(escaped: u8) -> Option<char> {
    Some(match escaped {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        _ => return None,
    })
}

/// The character of `\uXXXX`; `None` for bad hex digits or half a surrogate pair (a key
/// holding one is no record list's name, and is shown as `?`).
fn unicode_escape(hex: [u8; 4]) -> Option<char> {
    let text = std::str::from_utf8(&hex).ok()?;
    let code = u32::from_str_radix(text, 16).ok()?;
    char::from_u32(code)
}

/// The checks of a parsed request that serde cannot express.
fn check_request(request: &Request, limits: &Limits) -> Result<(), Error> {
    let records = request.cases.len()
        + request.benefits.len()
        + request.appointments.len()
        + request.plans.len();
    if records > limits.max_records {
        return Err(Error::limit(
            "",
            format!("more than {} records", limits.max_records),
        ));
    }
    check_grants(request, limits)?;
    unique_ids("cases", request.cases.iter().map(|c| (&c.source, &c.id)))?;
    unique_ids(
        "benefits",
        request.benefits.iter().map(|b| (&b.source, &b.id)),
    )?;
    unique_ids(
        "appointments",
        request.appointments.iter().map(|a| (&a.source, &a.id)),
    )?;
    unique_ids("plans", request.plans.iter().map(|p| (&p.source, &p.id)))?;
    Ok(())
}

/// The mandates and consents within the limits their compiled scopes and the
/// explanation's size rely on: how many, how long their ids, how many patterns and
/// `record_ids` in a scope.
fn check_grants(request: &Request, limits: &Limits) -> Result<(), Error> {
    let too_many = |list: &str, limit: usize, what: &str| {
        Error::limit(
            format!("{list}[{limit}]"),
            format!("more than {limit} {what}"),
        )
    };
    if request.mandates.len() > limits.max_mandates {
        return Err(too_many("mandates", limits.max_mandates, "mandates"));
    }
    if request.consents.len() > limits.max_consents {
        return Err(too_many("consents", limits.max_consents, "consents"));
    }
    for (i, m) in request.mandates.iter().enumerate() {
        let patterns = m.scope.kle.as_ref().map(Vec::len);
        check_grant(&format!("mandates[{i}]"), &m.id, patterns, None, limits)?;
    }
    for (i, c) in request.consents.iter().enumerate() {
        let patterns = c.scope.kle.as_ref().map(Vec::len);
        let ids = c.scope.record_ids.as_ref().map(Vec::len);
        check_grant(&format!("consents[{i}]"), &c.id, patterns, ids, limits)?;
    }
    Ok(())
}

/// One mandate or consent (at `path`): its id's length and the lengths of its scope's
/// lists (`None`: no list).
fn check_grant(
    path: &str,
    id: &str,
    patterns: Option<usize>,
    record_ids: Option<usize>,
    limits: &Limits,
) -> Result<(), Error> {
    if id.len() > limits.max_id_bytes {
        return Err(Error::limit(
            format!("{path}.id"),
            format!("expected an id of at most {} bytes", limits.max_id_bytes),
        ));
    }
    if patterns.is_some_and(|n| n > limits.max_scope_patterns) {
        return Err(Error::limit(
            format!("{path}.scope.kle"),
            format!(
                "more than {} patterns in a scope",
                limits.max_scope_patterns
            ),
        ));
    }
    if record_ids.is_some_and(|n| n > limits.max_record_ids) {
        return Err(Error::limit(
            format!("{path}.scope.record_ids"),
            format!("more than {} record_ids in a scope", limits.max_record_ids),
        ));
    }
    Ok(())
}

/// Two records of one kind with the same source and id reject the request.
fn unique_ids<'a>(
    kind: &str,
    ids: impl Iterator<Item = (&'a String, &'a String)> + Clone,
) -> Result<(), Error> {
    let keys = ids.map(|(source, id)| (id_order(id), id_order(source)));
    match repeated(keys).iter().position(|&seen| seen) {
        Some(i) => Err(Error::input(
            format!("{kind}[{i}].id"),
            "expected ids unique within their source",
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path never passes what the full scan refuses.
    #[test]
    fn the_fast_path_is_never_more_lenient() {
        let limits = Limits {
            max_depth: 3,
            max_string_bytes: 5,
            max_records: 2,
            ..Limits::default()
        };
        let inputs = [
            r#"{"cases": [1, 2]}"#,
            r#"{"cases": [1, 2, 3]}"#,
            r#"{"c\u0061ses": [1, 2, 3]}"#,
            r#"{"cases": [1, 2], "benefits": [3]}"#,
            r#"{"cases": [], "benefits": [[], {}]}"#,
            r#"{"a": "abcd"}"#,
            r#"{"a": "abcdef"}"#,
            r#"{"a": "\u00e6\u00e6"}"#,
            r#"{"a": "\"\"\"\"\""}"#,
            r#"{"a": "\u"}, [[[["}"#,
            r#"{"a": "\u"aaaaaaa"}"#,
            r#"{"a": "\u12"} [[[[1]]]]"#,
            r#"{"a": [[1]]}"#,
            r#"{"a": [[[1]]]}"#,
            r#"]]]] {"a": [[1]]}"#,
            r#"[[1, 2, 3]] {"cases": [1, 2, 3]}"#,
            r#"{"cases": [1, 2, 3"#,
            r#"{"a": "abc"#,
            r#"{"a": "ab\"#,
        ];
        for input in inputs {
            let full = Scan::new(&limits).run(input.as_bytes());
            if within_limits(input.as_bytes(), &limits) {
                assert!(full.is_ok(), "{input}");
            }
            assert_eq!(check_size_and_depth(input, &limits), full, "{input}");
        }
        assert!(within_limits(
            br#"{"cases": [1, 2], "a": "abcde"}"#,
            &limits
        ));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]

        /// On arbitrary bytes of JSON's alphabet (quotes, escapes, brackets, commas),
        /// the fast path answers "within limits" only where the full scan finds none
        /// exceeded, and the pre-scan's answer is the full scan's.
        #[test]
        fn the_fast_path_is_never_more_lenient_on_any_input(
            input in r#"[\[\]{}",:\\ua0 ]{0,40}"#,
            depth in 1usize..5,
            string in 0usize..6,
            records in 0usize..4,
        ) {
            let limits = Limits {
                max_depth: depth,
                max_string_bytes: string,
                max_records: records,
                ..Limits::default()
            };
            let full = Scan::new(&limits).run(input.as_bytes());
            if within_limits(input.as_bytes(), &limits) {
                proptest::prop_assert!(full.is_ok(), "{}", input);
            }
            proptest::prop_assert_eq!(check_size_and_depth(&input, &limits), full, "{}", input);
        }
    }

    /// The first record whose source and id an earlier one has is named, in any order
    /// of ids; the same id from another source is another record.
    #[test]
    fn a_repeated_id_is_named_at_its_second_record() {
        let request = |cases: &[(&str, &str)]| {
            let cases: Vec<String> = cases
                .iter()
                .map(|(source, id)| {
                    format!(
                        r#"{{"id": "{id}", "source": "{source}", "title": "t", "kle": "32.30.04",
                           "parties": [{{"cpr": "0101901234", "role": "primary"}}], "created": "2026-01-01"}}"#
                    )
                })
                .collect();
            format!(
                r#"{{"as_of": "2026-11-23", "subject": {{"cpr": "0101901234"}},
                    "viewer": {{"cpr": "0101901234", "role": "self"}}, "cases": [{}]}}"#,
                cases.join(",")
            )
        };
        let path = |cases: &[(&str, &str)]| {
            parse_request(&request(cases))
                .err()
                .map(|e| e.path().to_owned())
        };
        assert_eq!(
            path(&[("KSD", "S-1"), ("KSD", "S-2"), ("KSD", "S-10")]),
            None
        );
        assert_eq!(
            path(&[("KSD", "S-10"), ("KY", "S-10"), ("KSD", "S-2")]),
            None
        );
        assert_eq!(
            path(&[("KSD", "S-10"), ("KSD", "S-2"), ("KSD", "S-10")]).as_deref(),
            Some("cases[2].id")
        );
        assert_eq!(
            path(&[("KSD", "S-3"), ("KSD", "S-3"), ("KSD", "S-3")]).as_deref(),
            Some("cases[1].id")
        );
        assert_eq!(
            path(&[("KY", "b"), ("KSD", "a"), ("KY", "a"), ("KSD", "a")]).as_deref(),
            Some("cases[3].id")
        );
    }

    #[test]
    fn depth_is_checked_outside_strings_only() {
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        assert!(check_size_and_depth(r#"{"a": "[[[[[[[["}"#, &limits).is_ok());
        assert!(check_size_and_depth(r#"[[[1]]]"#, &limits).is_ok());
        assert_eq!(
            check_size_and_depth(r#"[[[[1]]]]"#, &limits)
                .unwrap_err()
                .code(),
            ErrorCode::LimitExceeded
        );
    }
}
