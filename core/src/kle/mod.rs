//! KLE (KL's subject classification, "KL's Emnesystematik"): subject numbers,
//! handlingsfacetter, patterns, a compiled pattern matcher and the catalogue (emneplan).
//!
//! ```
//! use egensag::kle::{KleIndex, KleNumber, KlePattern};
//! let n: KleNumber = "32.24.04".parse().unwrap();
//! let rules = KleIndex::new([
//!     (KlePattern::parse("32.*").unwrap(), "main group"),
//!     (KlePattern::parse("32.24.04").unwrap(), "subject"),
//! ]);
//! assert_eq!(rules.best(n), Some((1, &"subject")));
//! ```

mod catalogue;
mod index;

pub use catalogue::{Catalogue, CatalogueEntry};
pub use index::KleIndex;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

/// The Danish letter Ø as one code point (U+00D8), the form this crate always prints.
const O_STROKE: char = '\u{D8}';
/// The decomposed spelling of Ø: `O` followed by U+0338 COMBINING LONG SOLIDUS OVERLAY.
const O_STROKE_DECOMPOSED: &str = "O\u{338}";

/// Why a KLE string is malformed. The error never carries the offending value.
///
/// ```
/// use egensag::kle::{KleError, KleNumber};
/// assert_eq!(KleNumber::parse("32.24.4"), Err(KleError::Number));
/// assert_eq!(KleError::Number.to_string(), "expected a KLE subject number such as 32.24.04");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KleError {
    /// Not a subject number of the form `DD.DD.DD`.
    #[error("expected a KLE subject number such as 32.24.04")]
    Number,
    /// Not a handlingsfacet (one of `A P S Ø G K I` and two digits).
    #[error(
        "expected a handlingsfacet such as G01: one of the letters A P S Ø G K I and two digits"
    )]
    Facet,
    /// Not a KLE pattern.
    #[error("expected a KLE pattern such as 32.*, 32.24.* or 32.24.04")]
    Pattern,
}

/// Two ASCII digits as a number 0..=99.
fn two_digits(a: u8, b: u8) -> Option<u8> {
    if a.is_ascii_digit() && b.is_ascii_digit() {
        Some((a - b'0') * 10 + (b - b'0'))
    } else {
        None
    }
}

/// Writes `n` (0..=99) as two digits.
fn write2(f: &mut fmt::Formatter<'_>, n: u8) -> fmt::Result {
    use fmt::Write;
    if n > 99 {
        return write!(f, "{n:02}");
    }
    // Two digits without the formatter's padding machinery: a view of every record writes
    // its KLE number.
    f.write_char(char::from(b'0' + n / 10))?;
    f.write_char(char::from(b'0' + n % 10))
}

// ---------------------------------------------------------------------------------------
// KleNumber
// ---------------------------------------------------------------------------------------

/// A KLE subject number such as `32.24.04`: main group `32`, group `24`, subject `04`.
///
/// Only the exact form `DD.DD.DD` with ASCII digits is accepted: no whitespace, no
/// missing leading zeros, no other digit scripts, no fourth level.
///
/// ```
/// use egensag::kle::KleNumber;
/// let n = KleNumber::parse("32.24.04").unwrap();
/// assert_eq!((n.main_group(), n.group(), n.subject()), (32, 24, 4));
/// assert_eq!(n.to_string(), "32.24.04");
/// assert!(KleNumber::parse(" 32.24.04").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KleNumber {
    main: u8,
    group: u8,
    subject: u8,
}

impl KleNumber {
    /// Makes a number from its three levels; `None` unless each is in `0..=99`.
    ///
    /// ```
    /// use egensag::kle::KleNumber;
    /// assert_eq!(KleNumber::new(32, 24, 4).unwrap().to_string(), "32.24.04");
    /// assert!(KleNumber::new(100, 0, 0).is_none());
    /// ```
    pub fn new(main: u8, group: u8, subject: u8) -> Option<KleNumber> {
        (main <= 99 && group <= 99 && subject <= 99).then_some(KleNumber {
            main,
            group,
            subject,
        })
    }

    /// Parses `DD.DD.DD` (ASCII digits only).
    ///
    /// ```
    /// use egensag::kle::{KleError, KleNumber};
    /// assert!(KleNumber::parse("15.20.24").is_ok());
    /// assert_eq!(KleNumber::parse("32.24"), Err(KleError::Number));
    /// ```
    pub fn parse(s: &str) -> Result<KleNumber, KleError> {
        match *s.as_bytes() {
            [a, b, b'.', c, d, b'.', e, g] => {
                match (two_digits(a, b), two_digits(c, d), two_digits(e, g)) {
                    (Some(main), Some(group), Some(subject)) => Ok(KleNumber {
                        main,
                        group,
                        subject,
                    }),
                    _ => Err(KleError::Number),
                }
            }
            _ => Err(KleError::Number),
        }
    }

    /// The main group (first level), e.g. `32` for `32.24.04`.
    ///
    /// ```
    /// assert_eq!(egensag::kle::KleNumber::parse("32.24.04").unwrap().main_group(), 32);
    /// ```
    pub fn main_group(self) -> u8 {
        self.main
    }

    /// The group (second level alone), e.g. `24` for `32.24.04`.
    ///
    /// ```
    /// assert_eq!(egensag::kle::KleNumber::parse("32.24.04").unwrap().group(), 24);
    /// ```
    pub fn group(self) -> u8 {
        self.group
    }

    /// The subject (third level alone), e.g. `4` for `32.24.04`.
    ///
    /// ```
    /// assert_eq!(egensag::kle::KleNumber::parse("32.24.04").unwrap().subject(), 4);
    /// ```
    pub fn subject(self) -> u8 {
        self.subject
    }
}

impl fmt::Display for KleNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write2(f, self.main)?;
        f.write_str(".")?;
        write2(f, self.group)?;
        f.write_str(".")?;
        write2(f, self.subject)
    }
}

impl FromStr for KleNumber {
    type Err = KleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KleNumber::parse(s)
    }
}

// ---------------------------------------------------------------------------------------
// Facet
// ---------------------------------------------------------------------------------------

/// A handlingsfacet: one of the letters `A P S Ø G K I` followed by two ASCII digits,
/// e.g. `G01` (general cases), `A53` (access to records), `K02` (complaints).
///
/// Letters are upper case only. The `Ø` is U+00D8. Decision: the decomposed spelling
/// `O` + U+0338 (COMBINING LONG SOLIDUS OVERLAY), which some systems produce when they
/// normalise text to NFD, is accepted as the same letter and always printed as U+00D8,
/// so a facet read from either spelling compares equal and round-trips to the composed
/// form. No other look-alikes (`O`, `0`, `ø`, `Ö`) are accepted.
///
/// ```
/// use egensag::kle::Facet;
/// assert_eq!(Facet::parse("G01").unwrap().to_string(), "G01");
/// assert_eq!(Facet::parse("O\u{338}12").unwrap().to_string(), "\u{D8}12");
/// assert!(Facet::parse("g01").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Facet {
    letter: char,
    number: u8,
}

impl Facet {
    /// Parses a facet such as `G01` or `Ø12`.
    ///
    /// ```
    /// use egensag::kle::{Facet, KleError};
    /// assert!(Facet::parse("A53").is_ok());
    /// assert_eq!(Facet::parse("X01"), Err(KleError::Facet));
    /// ```
    pub fn parse(s: &str) -> Result<Facet, KleError> {
        let (letter, rest) = if let Some(rest) = s.strip_prefix(O_STROKE_DECOMPOSED) {
            (O_STROKE, rest)
        } else {
            let mut chars = s.chars();
            let letter = chars.next().ok_or(KleError::Facet)?;
            if !matches!(letter, 'A' | 'P' | 'S' | O_STROKE | 'G' | 'K' | 'I') {
                return Err(KleError::Facet);
            }
            (letter, chars.as_str())
        };
        match *rest.as_bytes() {
            [a, b] => two_digits(a, b)
                .map(|number| Facet { letter, number })
                .ok_or(KleError::Facet),
            _ => Err(KleError::Facet),
        }
    }

    /// The letter (`Ø` as U+00D8).
    ///
    /// ```
    /// assert_eq!(egensag::kle::Facet::parse("K02").unwrap().letter(), 'K');
    /// ```
    pub fn letter(self) -> char {
        self.letter
    }

    /// The two-digit number after the letter.
    ///
    /// ```
    /// assert_eq!(egensag::kle::Facet::parse("K02").unwrap().number(), 2);
    /// ```
    pub fn number(self) -> u8 {
        self.number
    }
}

impl fmt::Display for Facet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter)?;
        write2(f, self.number)
    }
}

impl FromStr for Facet {
    type Err = KleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Facet::parse(s)
    }
}

// ---------------------------------------------------------------------------------------
// KlePattern
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum PatternKind {
    Any,
    Main(u8),
    Group(u8, u8),
    Subject(KleNumber),
}

/// A KLE pattern as used in policies, mandates and consents: `*` (everything), `32` or
/// `32.*` (a main group), `32.24` or `32.24.*` (a group), `32.24.04` (one subject).
///
/// The canonical form, used by `Display` and serialisation, always writes the wildcard:
/// `32` prints as `32.*`, and `32.24` as `32.24.*`.
///
/// ```
/// use egensag::kle::{KleNumber, KlePattern};
/// let p = KlePattern::parse("32").unwrap();
/// assert_eq!(p.to_string(), "32.*");
/// assert_eq!(p.specificity(), 1);
/// assert!(p.matches(KleNumber::parse("32.24.04").unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KlePattern {
    kind: PatternKind,
}

impl KlePattern {
    /// The pattern `*`, which matches every subject number.
    ///
    /// ```
    /// use egensag::kle::KlePattern;
    /// assert_eq!(KlePattern::ANY, KlePattern::parse("*").unwrap());
    /// ```
    pub const ANY: KlePattern = KlePattern {
        kind: PatternKind::Any,
    };

    /// Parses a pattern: `*`, `DD`, `DD.*`, `DD.DD`, `DD.DD.*` or `DD.DD.DD` (ASCII digits).
    ///
    /// ```
    /// use egensag::kle::{KleError, KlePattern};
    /// assert_eq!(KlePattern::parse("32.24").unwrap().to_string(), "32.24.*");
    /// assert_eq!(KlePattern::parse("32.*.04"), Err(KleError::Pattern));
    /// ```
    pub fn parse(s: &str) -> Result<KlePattern, KleError> {
        let d = two_digits;
        let kind = match *s.as_bytes() {
            [b'*'] => Some(PatternKind::Any),
            [a, b] | [a, b, b'.', b'*'] => d(a, b).map(PatternKind::Main),
            [a, b, b'.', c, e] | [a, b, b'.', c, e, b'.', b'*'] => {
                d(a, b).zip(d(c, e)).map(|(m, g)| PatternKind::Group(m, g))
            }
            [_, _, b'.', _, _, b'.', _, _] => KleNumber::parse(s).ok().map(PatternKind::Subject),
            _ => None,
        };
        kind.map(|kind| KlePattern { kind })
            .ok_or(KleError::Pattern)
    }

    /// The number of fixed levels: 0 for `*`, 1 for `32.*`, 2 for `32.24.*`, 3 for `32.24.04`.
    ///
    /// ```
    /// use egensag::kle::KlePattern;
    /// assert_eq!(KlePattern::parse("32.24.*").unwrap().specificity(), 2);
    /// ```
    pub fn specificity(self) -> u8 {
        match self.kind {
            PatternKind::Any => 0,
            PatternKind::Main(_) => 1,
            PatternKind::Group(..) => 2,
            PatternKind::Subject(_) => 3,
        }
    }

    /// Whether the subject number `n` falls under this pattern.
    ///
    /// ```
    /// use egensag::kle::{KleNumber, KlePattern};
    /// let n = KleNumber::parse("32.24.04").unwrap();
    /// assert!(KlePattern::parse("32.24.*").unwrap().matches(n));
    /// assert!(!KlePattern::parse("32.21.*").unwrap().matches(n));
    /// ```
    pub fn matches(self, n: KleNumber) -> bool {
        match self.kind {
            PatternKind::Any => true,
            PatternKind::Main(m) => n.main == m,
            PatternKind::Group(m, g) => n.main == m && n.group == g,
            PatternKind::Subject(s) => n == s,
        }
    }
}

impl KlePattern {
    /// The four patterns that match `n`, most specific first: `32.24.04`, `32.24.*`,
    /// `32.*`, `*`. A set of patterns covers `n` exactly when it holds one of them, so a
    /// compiled scope answers with four lookups however many patterns it has.
    ///
    /// ```
    /// use egensag::kle::{KleNumber, KlePattern};
    /// let n = KleNumber::parse("32.24.04").unwrap();
    /// let texts: Vec<String> = KlePattern::covering(n).iter().map(ToString::to_string).collect();
    /// assert_eq!(texts, ["32.24.04", "32.24.*", "32.*", "*"]);
    /// assert!(KlePattern::covering(n).iter().all(|p| p.matches(n)));
    /// ```
    pub fn covering(n: KleNumber) -> [KlePattern; 4] {
        [
            PatternKind::Subject(n),
            PatternKind::Group(n.main, n.group),
            PatternKind::Main(n.main),
            PatternKind::Any,
        ]
        .map(|kind| KlePattern { kind })
    }
}

impl KlePattern {
    /// A number of its own for each pattern, for sorted lookups: a subject's is
    /// `main·10⁴ + group·10² + subject`, and groups, main groups and `*` follow after
    /// the last subject number.
    pub(crate) fn code(self) -> u32 {
        const SUBJECTS: u32 = 1_000_000;
        const GROUPS: u32 = SUBJECTS + 10_000;
        const MAINS: u32 = GROUPS + 100;
        match self.kind {
            PatternKind::Subject(n) => {
                u32::from(n.main) * 10_000 + u32::from(n.group) * 100 + u32::from(n.subject)
            }
            PatternKind::Group(main, group) => SUBJECTS + u32::from(main) * 100 + u32::from(group),
            PatternKind::Main(main) => GROUPS + u32::from(main),
            PatternKind::Any => MAINS,
        }
    }
}

impl From<KleNumber> for KlePattern {
    /// The pattern matching exactly this one subject number.
    fn from(n: KleNumber) -> Self {
        KlePattern {
            kind: PatternKind::Subject(n),
        }
    }
}

impl fmt::Display for KlePattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PatternKind::Any => f.write_str("*"),
            PatternKind::Main(m) => {
                write2(f, m)?;
                f.write_str(".*")
            }
            PatternKind::Group(m, g) => {
                write2(f, m)?;
                f.write_str(".")?;
                write2(f, g)?;
                f.write_str(".*")
            }
            PatternKind::Subject(n) => n.fmt(f),
        }
    }
}

impl FromStr for KlePattern {
    type Err = KleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KlePattern::parse(s)
    }
}

// ---------------------------------------------------------------------------------------
// serde and JSON Schema
// ---------------------------------------------------------------------------------------

/// Deserialises a string with `parse`; every other kind of value, and every malformed
/// string, gives the fixed message of `err`, so the offending value is never echoed.
struct StrVisitor<T> {
    parse: fn(&str) -> Result<T, KleError>,
    err: KleError,
    marker: PhantomData<T>,
}

impl<T> StrVisitor<T> {
    fn fail<E: de::Error>(&self) -> Result<T, E> {
        Err(E::custom(self.err))
    }
}

impl<'de, T> Visitor<'de> for StrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `expecting` is only shown by serde's default messages, which never apply to
        // strings here; the fixed message keeps them free of values.
        fmt::Display::fmt(&self.err, f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v).map_err(E::custom)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<T, E> {
        self.fail()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<T, E> {
        self.fail()
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<T, E> {
        self.fail()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<T, E> {
        self.fail()
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<T, E> {
        self.fail()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<T, E> {
        self.fail()
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<T, E> {
        self.fail()
    }
    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        self.fail()
    }
    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        self.fail()
    }
    fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<T, D::Error> {
        self.fail()
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, _: D) -> Result<T, D::Error> {
        self.fail()
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        self.fail()
    }
    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        self.fail()
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        self.fail()
    }
}

macro_rules! string_serde {
    ($ty:ident, $err:expr, $name:literal, $pattern:expr, $description:literal, $example:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // `deserialize_any`, not `deserialize_str`: a self-describing format then hands
                // non-strings to the visitor, whose message does not echo them.
                deserializer.deserialize_any(StrVisitor {
                    parse: $ty::parse,
                    err: $err,
                    marker: PhantomData,
                })
            }
        }

        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
            fn schema_id() -> Cow<'static, str> {
                Cow::Borrowed(concat!("egensag::kle::", $name))
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $description,
                    "examples": [$example],
                })
            }
        }
    };
}

/// The JSON Schema `pattern` of a [`KleNumber`].
pub(crate) const NUMBER_REGEX: &str = r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$";
/// The JSON Schema `pattern` of a [`Facet`].
const FACET_REGEX: &str = "^(?:[APS\u{D8}GKI]|O\u{338})[0-9]{2}$";
/// The JSON Schema `pattern` of a [`KlePattern`].
const PATTERN_REGEX: &str =
    r"^(?:\*|[0-9]{2}(?:\.\*)?|[0-9]{2}\.[0-9]{2}(?:\.\*)?|[0-9]{2}\.[0-9]{2}\.[0-9]{2})$";

string_serde!(
    KleNumber,
    KleError::Number,
    "KleNumber",
    NUMBER_REGEX,
    "A KLE subject number: main group, group and subject, two digits each.",
    "32.24.04"
);
string_serde!(
    Facet,
    KleError::Facet,
    "Facet",
    FACET_REGEX,
    "A KLE handlingsfacet: one of A P S \u{D8} G K I and two digits.",
    "G01"
);
string_serde!(
    KlePattern,
    KleError::Pattern,
    "KlePattern",
    PATTERN_REGEX,
    "A KLE pattern: * (everything), 32.* (a main group), 32.24.* (a group) or 32.24.04 (one subject); 32 and 32.24 are accepted for 32.* and 32.24.*.",
    "32.*"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_table() {
        let good = [
            ("32.24.04", (32, 24, 4)),
            ("00.00.00", (0, 0, 0)),
            ("99.99.99", (99, 99, 99)),
        ];
        for (s, (m, g, e)) in good {
            let n = KleNumber::parse(s).unwrap();
            assert_eq!((n.main_group(), n.group(), n.subject()), (m, g, e), "{s}");
            assert_eq!(n.to_string(), s);
        }
        let bad = [
            "",
            "32",
            "32.24",
            "32.24.4",
            "32.24.004",
            " 32.24.04",
            "32.24.04 ",
            "32.24.04.01",
            "３２.24.04",
            "32.24.0٤",
            "32-24-04",
            "32,24,04",
            "3a.24.04",
            "+2.24.04",
            "32..24.04",
            "32.24.*",
            "*",
        ];
        for s in bad {
            assert_eq!(KleNumber::parse(s), Err(KleError::Number), "{s:?}");
        }
    }

    #[test]
    fn number_new_bounds() {
        assert!(KleNumber::new(99, 99, 99).is_some());
        assert!(KleNumber::new(0, 100, 0).is_none());
        assert!(KleNumber::new(0, 0, 255).is_none());
    }

    #[test]
    fn number_order_is_numeric() {
        let a = KleNumber::parse("15.20.24").unwrap();
        let b = KleNumber::parse("32.03.04").unwrap();
        let c = KleNumber::parse("32.24.04").unwrap();
        assert!(a < b && b < c);
    }

    #[test]
    fn facet_table() {
        for s in ["A53", "P00", "S99", "\u{D8}12", "G01", "K02", "K03", "I10"] {
            assert_eq!(Facet::parse(s).unwrap().to_string(), s, "{s}");
        }
        let nfd = Facet::parse("O\u{338}12").unwrap();
        assert_eq!(nfd, Facet::parse("\u{D8}12").unwrap());
        assert_eq!(nfd.to_string(), "\u{D8}12");
        assert_eq!(nfd.letter(), '\u{D8}');
        let bad = [
            "",
            "G",
            "G1",
            "G001",
            "g01",
            "ø01",
            "O01",
            "001",
            "X01",
            "B01",
            " G01",
            "G01 ",
            "G０1",
            "O\u{338}1",
            "O\u{338}",
            "\u{338}01",
            "Ö01",
            "G-1",
            "GG01",
        ];
        for s in bad {
            assert_eq!(Facet::parse(s), Err(KleError::Facet), "{s:?}");
        }
    }

    #[test]
    fn pattern_table() {
        let good = [
            ("*", "*", 0),
            ("32", "32.*", 1),
            ("32.*", "32.*", 1),
            ("32.24", "32.24.*", 2),
            ("32.24.*", "32.24.*", 2),
            ("32.24.04", "32.24.04", 3),
            ("00.00.00", "00.00.00", 3),
        ];
        for (s, canon, spec) in good {
            let p = KlePattern::parse(s).unwrap();
            assert_eq!(p.to_string(), canon, "{s}");
            assert_eq!(p.specificity(), spec, "{s}");
            assert_eq!(KlePattern::parse(canon).unwrap(), p);
        }
        let bad = [
            "",
            "**",
            "*.*",
            "3",
            "3.*",
            "32.",
            "32.*.*",
            "32.*.04",
            "32.2",
            "32.24.",
            "32.24.4",
            "32.24.04.*",
            "32.24.04.01",
            " 32.*",
            "32.* ",
            "３２.*",
            "32.24.0*",
            "ab.*",
            "32.**",
        ];
        for s in bad {
            assert_eq!(KlePattern::parse(s), Err(KleError::Pattern), "{s:?}");
        }
    }

    #[test]
    fn pattern_matching() {
        let n = KleNumber::parse("32.24.04").unwrap();
        for (p, m) in [
            ("*", true),
            ("32", true),
            ("31.*", false),
            ("32.24.*", true),
            ("32.21", false),
            ("24.04.*", false),
            ("32.24.04", true),
            ("32.24.05", false),
        ] {
            assert_eq!(KlePattern::parse(p).unwrap().matches(n), m, "{p}");
        }
        assert!(KlePattern::from(n).matches(n));
    }

    #[test]
    fn serde_never_echoes_values() {
        assert_eq!(
            serde_json::to_string(&KleNumber::parse("32.24.04").unwrap()).unwrap(),
            r#""32.24.04""#
        );
        assert_eq!(
            serde_json::to_string(&KlePattern::parse("32").unwrap()).unwrap(),
            r#""32.*""#
        );
        assert_eq!(
            serde_json::to_string(&Facet::parse("O\u{338}01").unwrap()).unwrap(),
            "\"\u{D8}01\""
        );
        let p: KlePattern = serde_json::from_str(r#""32.24""#).unwrap();
        assert_eq!(p.to_string(), "32.24.*");
        for input in [
            r#""0101901234""#,
            "1101901234",
            "-1101901234",
            "1e300",
            "true",
            "[1]",
            "null",
            "1.5",
            r#"{"a":1}"#,
        ] {
            let e = serde_json::from_str::<KleNumber>(input)
                .unwrap_err()
                .to_string();
            assert!(
                e.starts_with("expected a KLE subject number such as 32.24.04"),
                "{e}"
            );
            assert!(!e.contains("101901234"), "{e}");
            let e = serde_json::from_str::<KlePattern>(input)
                .unwrap_err()
                .to_string();
            assert!(
                e.starts_with("expected a KLE pattern such as 32.*, 32.24.* or 32.24.04"),
                "{e}"
            );
            let e = serde_json::from_str::<Facet>(input)
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("expected a handlingsfacet"), "{e}");
        }
    }

    #[test]
    fn schemas_have_patterns() {
        let s = serde_json::to_value(schemars::schema_for!(KlePattern)).unwrap();
        assert_eq!(s["type"], "string");
        assert_eq!(s["pattern"], PATTERN_REGEX);
        let s = serde_json::to_value(schemars::schema_for!(KleNumber)).unwrap();
        assert_eq!(s["pattern"], NUMBER_REGEX);
        let s = serde_json::to_value(schemars::schema_for!(Facet)).unwrap();
        assert_eq!(s["pattern"], FACET_REGEX);
    }
}
