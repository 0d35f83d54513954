//! NemLog-in privileges (OIO Basic Privilege Profile) as fuldmagt mandates.
//!
//! A NemLog-in login may carry the claim `privileges_intermediate`: the base64 of an XML
//! document in the OIO Basic Privilege Profile
//! (`http://digst.dk/oiosaml/basic_privilege_profile`):
//!
//! ```xml
//! <bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">
//!   <PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101901234">
//!     <Privilege>urn:dk:kombit:system_xyz:view_case</Privilege>
//!     <Constraint Name="urn:dk:kombit:KLE">32.*</Constraint>
//!     <Constraint Name="urn:dk:kombit:sensitivity">2</Constraint>
//!   </PrivilegeGroup>
//!   <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:12345678">…</PrivilegeGroup>
//! </bpp:PrivilegeList>
//! ```
//!
//! Every group scoped to a CPR number becomes one [`MandateKind::Fuldmagt`] mandate for
//! that person, held by the authenticated viewer and in force on the login day only.
//! Groups scoped to a CVR, SE or P number (or anything else that is not a CPR number) are
//! about a business, not a citizen: they are skipped without looking at their contents.
//!
//! Elements are matched by local name (any namespace prefix, or none, is accepted); the
//! root must be `PrivilegeList`. Elements the profile does not name are ignored.
//!
//! Error paths are relative to the claim and count from 1, as XPath does:
//! `PrivilegeGroup[2].Constraint[1]` is the first `Constraint` of the second group.
//! Messages say what was expected and never repeat the offending value.

use crate::cpr::Cpr;
use crate::error::boundary::XmlPlace;
use crate::error::{Error, ErrorCode};
use crate::kle::KlePattern;
use crate::model::{Mandate, MandateKind, MandateScope, Sensitivity};
use crate::xml::XmlHandler;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use chrono::NaiveDate;
use quick_xml::events::BytesStart;

/// The largest decoded claim read, in bytes (1 MiB); a larger one is refused with
/// `limit_exceeded`.
///
/// ```
/// assert_eq!(egensag::privileges::MAX_CLAIM_BYTES, 1 << 20);
/// ```
pub const MAX_CLAIM_BYTES: usize = 1 << 20;

/// The most `PrivilegeGroup` elements read from one claim (of any scope) by default (a
/// policy sets its own in `limits.max_privilege_groups`); more are refused with
/// `limit_exceeded`.
///
/// ```
/// assert_eq!(egensag::privileges::MAX_GROUPS, 1000);
/// ```
pub const MAX_GROUPS: usize = 1000;

/// The `Scope` prefix of a group about a citizen; the CPR number follows it.
///
/// ```
/// assert!(egensag::privileges::CPR_SCOPE_PREFIX.ends_with("cprNumberIdentifier:"));
/// ```
pub const CPR_SCOPE_PREFIX: &str = "urn:dk:gov:saml:cprNumberIdentifier:";

/// The `Constraint` name whose value is a KLE pattern such as `25.*`.
///
/// ```
/// assert_eq!(egensag::privileges::KLE_CONSTRAINT, "urn:dk:kombit:KLE");
/// ```
pub const KLE_CONSTRAINT: &str = "urn:dk:kombit:KLE";

/// The `Constraint` name whose value is the highest sensitivity level covered, 1–4.
///
/// ```
/// assert_eq!(egensag::privileges::SENSITIVITY_CONSTRAINT, "urn:dk:kombit:sensitivity");
/// ```
pub const SENSITIVITY_CONSTRAINT: &str = "urn:dk:kombit:sensitivity";

/// The prefix of the id of every mandate read from a claim: `nemlogin:1`, `nemlogin:2`, …
const ID_PREFIX: &str = "nemlogin:";

/// Standard alphabet; padding may be present or left out.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Turns a base64 `privileges_intermediate` claim into fuldmagt mandates held by `holder`,
/// in force on `as_of` only.
///
/// * `claim` is standard base64 (padding optional; ASCII whitespace and line breaks
///   anywhere are ignored) of UTF-8 XML whose root is `PrivilegeList`.
/// * Each `PrivilegeGroup` whose `Scope` is `urn:dk:gov:saml:cprNumberIdentifier:<cpr>`
///   gives one mandate, in document order: id `nemlogin:<n>` where `n` is the group's
///   position (from 1) among all groups of the claim, kind `fuldmagt`, subject the CPR
///   number, `valid_from = valid_to = as_of`, privileges the trimmed `Privilege` texts.
///   Its scope: `kle` from every `Constraint Name="urn:dk:kombit:KLE"` (none: no limit);
///   `max_sensitivity` from `Constraint Name="urn:dk:kombit:sensitivity"` (1–4; the lowest
///   if several; none: no limit); `records` no limit. Other constraint names are ignored.
/// * Groups with any other scope (CVR, SE, P number, …) are ignored.
///
/// # Errors
///
/// `invalid_input` with a path relative to the claim: `""` when the claim is not base64,
/// not UTF-8 XML, truncated, or its root is not `PrivilegeList`;
/// `PrivilegeGroup[n].Scope` for a missing scope or a CPR scope that is not a valid CPR
/// number; `PrivilegeGroup[n].Privilege[k]` for an empty privilege;
/// `PrivilegeGroup[n].Constraint[k]` for a KLE or sensitivity value that does not parse;
/// `PrivilegeGroup[n]` or `PrivilegeGroup[n].Constraint[k]` for a malformed attribute.
/// `limit_exceeded` for a claim over [`MAX_CLAIM_BYTES`] decoded or with more than
/// [`MAX_GROUPS`] groups.
///
/// ```
/// use base64::Engine as _;
/// use egensag::privileges::mandates_from_claim;
/// use egensag::Cpr;
///
/// let xml = r#"<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">
///   <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:12345678">
///     <Privilege>urn:dk:some_domain:admin</Privilege>
///   </PrivilegeGroup>
///   <PrivilegeGroup Scope="urn:dk:gov:saml:cprNumberIdentifier:0101901234">
///     <Privilege>urn:dk:kombit:system_xyz:view_case</Privilege>
///     <Constraint Name="urn:dk:kombit:KLE">32.*</Constraint>
///     <Constraint Name="urn:dk:kombit:sensitivity">2</Constraint>
///   </PrivilegeGroup>
/// </bpp:PrivilegeList>"#;
/// let claim = base64::engine::general_purpose::STANDARD.encode(xml);
/// let holder = Cpr::parse("0202804321").unwrap();
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
///
/// let mandates = mandates_from_claim(&claim, holder, day).unwrap();
/// assert_eq!(mandates.len(), 1);
/// let m = &mandates[0];
/// assert_eq!(m.id, "nemlogin:2");
/// assert_eq!(m.subject, Cpr::parse("0101901234").unwrap());
/// assert_eq!(m.holder, holder);
/// assert!(m.in_force_on(day) && !m.in_force_on(day.succ_opt().unwrap()));
/// assert_eq!(m.privileges, ["urn:dk:kombit:system_xyz:view_case"]);
/// assert_eq!(m.scope.max_sensitivity, Some(egensag::model::Sensitivity::Fortrolige));
///
/// let err = mandates_from_claim("!", holder, day).unwrap_err();
/// assert_eq!((err.code(), err.path()), (egensag::ErrorCode::InvalidInput, ""));
/// ```
pub fn mandates_from_claim(
    claim: &str,
    holder: Cpr,
    as_of: NaiveDate,
) -> Result<Vec<Mandate>, Error> {
    mandates_from_claim_within(claim, holder, as_of, MAX_GROUPS)
}

/// [`mandates_from_claim`] reading at most `max_groups` `PrivilegeGroup` elements (a
/// policy's `limits.max_privilege_groups`).
pub(crate) fn mandates_from_claim_within(
    claim: &str,
    holder: Cpr,
    as_of: NaiveDate,
    max_groups: usize,
) -> Result<Vec<Mandate>, Error> {
    let bytes = decode_base64(claim)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::input(
            "",
            "expected the claim to be UTF-8 XML (the OIO Basic Privilege Profile)",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Parser::new(holder, as_of, max_groups).run(text)
}

/// Decodes the base64 text, ignoring ASCII whitespace, within [`MAX_CLAIM_BYTES`].
fn decode_base64(claim: &str) -> Result<Vec<u8>, Error> {
    let too_large = || Error::limit("", "expected a claim of at most 1 MiB decoded");
    let max_encoded = MAX_CLAIM_BYTES.div_ceil(3).saturating_mul(4);
    let mut compact = String::with_capacity(claim.len().min(max_encoded));
    for c in claim.chars().filter(|c| !c.is_ascii_whitespace()) {
        if compact.len() >= max_encoded {
            return Err(too_large());
        }
        compact.push(c);
    }
    let bytes = BASE64.decode(compact.as_bytes()).map_err(|_| {
        Error::input(
            "",
            "expected base64 text (standard alphabet, padding optional)",
        )
    })?;
    if bytes.len() > MAX_CLAIM_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Where errors of the claim's XML itself are reported: `invalid_input`, at the path of
/// the whole claim (`""`), or at the element (`PrivilegeGroup[1].Constraint[2]`) for a
/// malformed attribute.
fn place(path: &str) -> XmlPlace {
    XmlPlace::new(ErrorCode::InvalidInput, "the claim", path)
}

/// The error for elements that do not nest (which the reader already refuses: a guard).
fn syntax() -> Error {
    place("").not_nested()
}

/// An element on the parser's stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node {
    /// `PrivilegeList`.
    Root,
    /// `PrivilegeGroup`.
    Group,
    /// `Privilege` inside a group about a citizen (its number in the group, from 1).
    Privilege(usize),
    /// `Constraint` inside a group about a citizen (its number in the group, from 1).
    Constraint(usize, ConstraintName),
    /// Anything else, or anything inside a group that is ignored.
    Other,
}

/// The constraint names this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConstraintName {
    /// `urn:dk:kombit:KLE`.
    Kle,
    /// `urn:dk:kombit:sensitivity`.
    Sensitivity,
    /// Any other name: ignored.
    Unknown,
}

/// The group being read, when it is about a citizen.
#[derive(Debug)]
struct Group {
    /// Its position among all groups, from 1.
    position: usize,
    /// The citizen it is about.
    subject: Cpr,
    /// Its privilege URIs, trimmed, in document order.
    privileges: Vec<String>,
    /// Its KLE constraints.
    kle: Vec<KlePattern>,
    /// The lowest sensitivity constraint seen.
    max_sensitivity: Option<Sensitivity>,
    /// `Privilege` elements seen so far.
    privilege_count: usize,
    /// `Constraint` elements seen so far.
    constraint_count: usize,
}

impl Group {
    fn path(&self, rest: &str) -> String {
        format!("PrivilegeGroup[{}].{rest}", self.position)
    }
}

/// The streaming reader's state.
struct Parser {
    holder: Cpr,
    as_of: NaiveDate,
    stack: Vec<Node>,
    root_seen: bool,
    groups_seen: usize,
    /// The most groups read.
    max_groups: usize,
    /// The group being read, if it is about a citizen.
    group: Option<Group>,
    /// The text of the `Privilege` or `Constraint` being read.
    text: String,
    mandates: Vec<Mandate>,
}

impl Parser {
    fn new(holder: Cpr, as_of: NaiveDate, max_groups: usize) -> Parser {
        Parser {
            holder,
            as_of,
            stack: Vec::new(),
            root_seen: false,
            groups_seen: 0,
            max_groups,
            group: None,
            text: String::new(),
            mandates: Vec::new(),
        }
    }

    fn run(mut self, xml: &str) -> Result<Vec<Mandate>, Error> {
        crate::xml::read(xml, &mut self)?;
        if !self.stack.is_empty() {
            return Err(Error::input(
                "",
                "expected the XML to end with </PrivilegeList>: the claim is truncated",
            ));
        }
        if !self.root_seen {
            return Err(root_expected());
        }
        Ok(self.mandates)
    }

    /// Whether the text now read belongs to a `Privilege` or `Constraint` of a citizen group.
    fn capturing(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Node::Privilege(_) | Node::Constraint(_, _))
        )
    }

    fn text(&mut self, text: &str) -> Result<(), Error> {
        if self.capturing() {
            self.text.push_str(text);
        } else if self.stack.is_empty() && !text.trim_ascii().is_empty() {
            // Character data outside the root element: not an XML document.
            return Err(place("").bad_value(
                "expected well-formed XML: the claim has text outside its root element",
            ));
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart<'_>) -> Result<(), Error> {
        let name = e.local_name();
        let name = name.as_ref();
        let node = match self.stack.last().copied() {
            None => {
                if self.root_seen || name != b"PrivilegeList" {
                    return Err(root_expected());
                }
                self.root_seen = true;
                Node::Root
            }
            Some(Node::Root) if name == b"PrivilegeGroup" => self.start_group(e)?,
            Some(Node::Group) => match self.group.as_mut() {
                Some(group) if name == b"Privilege" => {
                    group.privilege_count += 1;
                    self.text.clear();
                    Node::Privilege(group.privilege_count)
                }
                Some(group) if name == b"Constraint" => {
                    group.constraint_count += 1;
                    let k = group.constraint_count;
                    let path = group.path(&format!("Constraint[{k}]"));
                    let constraint = constraint_name(e, &path)?;
                    self.text.clear();
                    Node::Constraint(k, constraint)
                }
                _ => Node::Other,
            },
            Some(Node::Privilege(k)) => {
                return Err(self.group_error(
                    &format!("Privilege[{k}]"),
                    "expected text only (a privilege URI), not a child element",
                ))
            }
            Some(Node::Constraint(k, _)) => {
                return Err(self.group_error(
                    &format!("Constraint[{k}]"),
                    "expected text only (a constraint value), not a child element",
                ))
            }
            Some(Node::Root | Node::Other) => Node::Other,
        };
        self.stack.push(node);
        Ok(())
    }

    /// Opens a `PrivilegeGroup`: counts it and reads its scope.
    fn start_group(&mut self, e: &BytesStart<'_>) -> Result<Node, Error> {
        self.groups_seen += 1;
        let position = self.groups_seen;
        if position > self.max_groups {
            return Err(Error::limit(
                "PrivilegeGroup",
                format!(
                    "expected at most {} PrivilegeGroup elements",
                    self.max_groups
                ),
            ));
        }
        let scope_path = format!("PrivilegeGroup[{position}].Scope");
        let mut scope = None;
        let at_group = || place(&format!("PrivilegeGroup[{position}]"));
        for attr in e.attributes() {
            let attr = attr.map_err(|e| at_group().xml_error(&e.into()))?;
            if attr.key.local_name().as_ref() == b"Scope" {
                let value = attr
                    .unescape_value()
                    .map_err(|e| at_group().xml_error(&e))?;
                scope = Some(value);
            }
        }
        let scope = scope.ok_or_else(|| {
            Error::input(
                scope_path.as_str(),
                "expected a Scope attribute such as urn:dk:gov:saml:cprNumberIdentifier:DDMMYYSSSS",
            )
        })?;
        let scope = scope.trim();
        self.group = match cpr_in_scope(scope) {
            None => None,
            Some(digits) => {
                let subject = Cpr::parse(digits.trim()).map_err(|_| {
                    Error::input(
                        scope_path.as_str(),
                        "expected urn:dk:gov:saml:cprNumberIdentifier: followed by a CPR number: 10 digits DDMMYYSSSS with a real birth date",
                    )
                })?;
                Some(Group {
                    position,
                    subject,
                    privileges: Vec::new(),
                    kle: Vec::new(),
                    max_sensitivity: None,
                    privilege_count: 0,
                    constraint_count: 0,
                })
            }
        };
        Ok(Node::Group)
    }

    fn end(&mut self) -> Result<(), Error> {
        let node = self.stack.pop().ok_or_else(syntax)?;
        match node {
            Node::Privilege(k) => {
                let uri = self.text.trim();
                if uri.is_empty() {
                    return Err(
                        self.group_error(&format!("Privilege[{k}]"), "expected a privilege URI")
                    );
                }
                let uri = uri.to_owned();
                if let Some(group) = self.group.as_mut() {
                    group.privileges.push(uri);
                }
            }
            Node::Constraint(k, name) => self.end_constraint(k, name)?,
            Node::Group => {
                if let Some(group) = self.group.take() {
                    self.mandates.push(self.mandate(group));
                }
            }
            Node::Root | Node::Other => {}
        }
        Ok(())
    }

    fn end_constraint(&mut self, k: usize, name: ConstraintName) -> Result<(), Error> {
        let value = self.text.trim();
        let Some(group) = self.group.as_mut() else {
            return Ok(());
        };
        match name {
            ConstraintName::Kle => {
                let pattern = KlePattern::parse(value).map_err(|_| {
                    Error::input(
                        group.path(&format!("Constraint[{k}]")),
                        "expected a KLE pattern such as 25.*, 32.24.* or 32.24.04 as the value of urn:dk:kombit:KLE",
                    )
                })?;
                group.kle.push(pattern);
            }
            ConstraintName::Sensitivity => {
                let level = match value.as_bytes() {
                    [d @ b'1'..=b'4'] => Sensitivity::from_level(d - b'0'),
                    _ => None,
                };
                let level = level.ok_or_else(|| {
                    Error::input(
                        group.path(&format!("Constraint[{k}]")),
                        "expected a sensitivity level 1, 2, 3 or 4 as the value of urn:dk:kombit:sensitivity",
                    )
                })?;
                group.max_sensitivity = Some(match group.max_sensitivity {
                    Some(seen) => seen.min(level),
                    None => level,
                });
            }
            ConstraintName::Unknown => {}
        }
        Ok(())
    }

    /// An error at `PrivilegeGroup[n].<rest>` for the group being read.
    fn group_error(&self, rest: &str, message: &str) -> Error {
        match &self.group {
            Some(group) => Error::input(group.path(rest), message),
            None => Error::input("", message),
        }
    }

    fn mandate(&self, group: Group) -> Mandate {
        Mandate {
            id: format!("{ID_PREFIX}{}", group.position),
            kind: MandateKind::Fuldmagt,
            holder: self.holder,
            subject: group.subject,
            valid_from: self.as_of,
            valid_to: Some(self.as_of),
            revoked_at: None,
            privileges: group.privileges,
            scope: MandateScope {
                kle: (!group.kle.is_empty()).then_some(group.kle),
                max_sensitivity: group.max_sensitivity,
                records: None,
            },
        }
    }
}

fn root_expected() -> Error {
    Error::input(
        "",
        "expected a single root element PrivilegeList (OIO Basic Privilege Profile)",
    )
}

/// The text after the CPR scope prefix (matched without regard to ASCII case), if the
/// scope is about a citizen.
fn cpr_in_scope(scope: &str) -> Option<&str> {
    let prefix = scope.get(..CPR_SCOPE_PREFIX.len())?;
    if prefix.eq_ignore_ascii_case(CPR_SCOPE_PREFIX) {
        scope.get(CPR_SCOPE_PREFIX.len()..)
    } else {
        None
    }
}

/// Reads the `Name` attribute of a `Constraint`.
fn constraint_name(e: &BytesStart<'_>, path: &str) -> Result<ConstraintName, Error> {
    for attr in e.attributes() {
        let attr = attr.map_err(|e| place(path).xml_error(&e.into()))?;
        if attr.key.local_name().as_ref() == b"Name" {
            let value = attr
                .unescape_value()
                .map_err(|e| place(path).xml_error(&e))?;
            return Ok(match value.trim() {
                KLE_CONSTRAINT => ConstraintName::Kle,
                SENSITIVITY_CONSTRAINT => ConstraintName::Sensitivity,
                _ => ConstraintName::Unknown,
            });
        }
    }
    Err(Error::input(path, "expected a Name attribute"))
}

impl XmlHandler for Parser {
    fn start(&mut self, element: &BytesStart<'_>) -> Result<(), Error> {
        Parser::start(self, element)
    }
    fn end(&mut self) -> Result<(), Error> {
        Parser::end(self)
    }
    fn text(&mut self, text: &str) -> Result<(), Error> {
        Parser::text(self, text)
    }
    fn capturing(&self) -> bool {
        Parser::capturing(self)
    }
    fn place(&self) -> XmlPlace {
        place("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_scope_prefix_is_case_insensitive_and_exact() {
        assert_eq!(
            cpr_in_scope("URN:dk:gov:saml:CprNumberIdentifier:0101901234"),
            Some("0101901234")
        );
        assert_eq!(
            cpr_in_scope("urn:dk:gov:saml:cvrNumberIdentifier:12345678"),
            None
        );
        assert_eq!(cpr_in_scope("urn:dk"), None);
        assert_eq!(
            cpr_in_scope("urn:dk:gov:saml:cprNumberIdentifier:æ"),
            Some("æ")
        );
    }
}
