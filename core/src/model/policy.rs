//! A municipality's policy: which records are shown, and how.

use super::case::PartyRole;
use super::common::Sensitivity;
use crate::actions::Action;
use crate::kle::{Facet, KlePattern};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A municipality's configuration, compiled once into an [`crate::Engine`].
///
/// ```
/// let p = egensag::model::parse_policy(r#"{
///   "id": "kk-2026-11",
///   "kle": { "include": [ { "pattern": "32.*", "from": "2007-12-01" } ], "exclude": ["32.21.28"] }
/// }"#).unwrap();
/// assert_eq!(p.child_consent_age, 15);
/// assert_eq!(p.max_sensitivity, egensag::model::Sensitivity::Vip);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The policy's id, e.g. `kk-2026-11`.
    pub id: String,
    /// Which subject numbers are shown.
    pub kle: KleRules,
    /// Show cases created before their rule's `from` while they are not closed.
    #[serde(default)]
    pub show_active_before_from: bool,
    /// When a list, only records from these source systems are shown.
    #[serde(default)]
    pub sources: Option<Vec<String>>,
    /// The highest sensitivity shown; `vip` when absent.
    #[serde(default = "most_sensitive")]
    pub max_sensitivity: Sensitivity,
    /// Where case titles come from.
    #[serde(default)]
    pub title_mode: TitleMode,
    /// Show document titles of cases.
    #[serde(default)]
    pub show_document_titles: bool,
    /// Show the source system's own status text.
    #[serde(default)]
    pub show_local_status: bool,
    /// Expected processing times.
    #[serde(default)]
    pub processing_days: Vec<ProcessingDays>,
    /// Party roles other than `primary` that may see a case, per KLE pattern.
    #[serde(default)]
    pub secondary_party_access: Vec<SecondaryPartyAccess>,
    /// Records never shown to a parent.
    #[serde(default)]
    pub parent_restricted: Vec<KlePattern>,
    /// From this age a parent sees a record only under the child's consent; 15 when absent.
    #[serde(default = "fifteen")]
    pub child_consent_age: u32,
    /// Privilege URIs mapped to `read` or `act`.
    #[serde(default, deserialize_with = "unique_privileges")]
    pub privileges: BTreeMap<String, PrivilegeLevel>,
    /// Input limits; safe defaults when absent.
    #[serde(default)]
    pub limits: Limits,
    /// Links to a specialist portal or a borger.dk article, per KLE pattern.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// The actions enabled per KLE pattern (docs/plans-and-actions.md); none when absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionRule>,
    /// How many days before a request's deadline `reminder.deadline` is notified; 3 when absent.
    #[serde(default = "three")]
    pub reminder_days: u32,
}

/// The actions enabled for records matching a pattern (the most specific matching entry
/// decides; `sources`, when given, limits the entry to records of those source systems).
///
/// ```
/// let r: egensag::model::ActionRule = serde_json::from_str(r#"{"pattern": "27.*",
///   "allow": ["appointment.cancel", "appointment.rebook"], "min_days_before": 2}"#).unwrap();
/// assert_eq!(r.allow.len(), 2);
/// assert!(serde_json::from_str::<egensag::model::ActionRule>(r#"{"pattern": "*", "allow": ["case.delete"]}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRule {
    /// The KLE pattern.
    pub pattern: KlePattern,
    /// The actions enabled.
    pub allow: Vec<Action>,
    /// When a list, the entry applies only to records from these source systems.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<String>>,
    /// Appointments may be cancelled or rebooked until this many days before their
    /// start day; 1 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_days_before: Option<u32>,
}

impl ActionRule {
    /// `min_days_before`, 1 when absent.
    ///
    /// ```
    /// let r: egensag::model::ActionRule = serde_json::from_str(r#"{"pattern": "*", "allow": []}"#).unwrap();
    /// assert_eq!(r.min_days_before(), 1);
    /// ```
    pub fn min_days_before(&self) -> u32 {
        self.min_days_before.unwrap_or(1)
    }
}

fn three() -> u32 {
    3
}

/// A link given to each visible record of an area (the most specific pattern applies).
///
/// ```
/// let l: egensag::model::Link = serde_json::from_str(r#"{"pattern": "32.30.*",
///   "url": "https://www.borger.dk/sygedagpenge",
///   "text": {"da": "Læs om sygedagpenge", "en": "About sickness benefit"}}"#).unwrap();
/// assert_eq!(l.url.as_str(), "https://www.borger.dk/sygedagpenge");
/// assert!(serde_json::from_str::<egensag::model::HttpsUrl>("\"http://x.dk\"").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The KLE pattern.
    pub pattern: KlePattern,
    /// Where the link goes: an `https` URL.
    pub url: HttpsUrl,
    /// The link's text in each language.
    pub text: LinkText,
}

/// A link's text, in Danish and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkText {
    /// Danish.
    pub da: String,
    /// English.
    pub en: String,
}

/// A URL that starts with `https://` and has a host: the only links a policy may give.
///
/// ```
/// let u = egensag::model::HttpsUrl::parse("https://www.borger.dk/x").unwrap();
/// assert_eq!(u.as_str(), "https://www.borger.dk/x");
/// assert!(egensag::model::HttpsUrl::parse("javascript:alert(1)").is_none());
/// assert!(egensag::model::HttpsUrl::parse("https://").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[schemars(transparent)]
pub struct HttpsUrl(
    #[schemars(regex(pattern = r"^https://[^/?#\s]+[^\s]*$"))]
    String,
);

impl HttpsUrl {
    /// The URL when it is `https://host…` without whitespace or control characters.
    pub fn parse(text: &str) -> Option<HttpsUrl> {
        let rest = text.strip_prefix("https://")?;
        let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let clean = !text.chars().any(|c| c.is_whitespace() || c.is_control());
        (host_end > 0 && clean).then(|| HttpsUrl(text.to_owned()))
    }

    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for HttpsUrl {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        HttpsUrl::parse(&text)
            .ok_or_else(|| serde::de::Error::custom("expected an https URL (https://host/…)"))
    }
}

/// Reads the privilege table, rejecting a URI given twice (JSON objects with duplicate
/// keys are otherwise read last-one-wins, which would let a later line silently widen
/// or narrow a privilege).
fn unique_privileges<'de, D>(deserializer: D) -> Result<BTreeMap<String, PrivilegeLevel>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Table;
    impl<'de> serde::de::Visitor<'de> for Table {
        type Value = BTreeMap<String, PrivilegeLevel>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object mapping privilege URIs to `read` or `act`")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut table = BTreeMap::new();
            while let Some((uri, level)) = map.next_entry::<String, PrivilegeLevel>()? {
                if table.insert(uri, level).is_some() {
                    return Err(serde::de::Error::custom(
                        "expected each privilege URI once (duplicate key)",
                    ));
                }
            }
            Ok(table)
        }
    }
    deserializer.deserialize_map(Table)
}

fn most_sensitive() -> Sensitivity {
    Sensitivity::Vip
}

fn fifteen() -> u32 {
    15
}

/// The KLE include and exclude lists.
///
/// ```
/// let k: egensag::model::KleRules = serde_json::from_str(r#"{"include": [{"pattern": "*"}]}"#).unwrap();
/// assert!(k.exclude.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KleRules {
    /// A record's number must match one of these.
    #[serde(default)]
    pub include: Vec<IncludeRule>,
    /// And none of these.
    #[serde(default)]
    pub exclude: Vec<KlePattern>,
}

/// One include rule.
///
/// ```
/// let r: egensag::model::IncludeRule = serde_json::from_str(
///     r#"{"pattern": "15.17.*", "from": "2007-12-01", "facets": ["G01"]}"#).unwrap();
/// assert_eq!(r.facets.as_ref().map(Vec::len), Some(1));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IncludeRule {
    /// The KLE pattern.
    pub pattern: KlePattern,
    /// Records created before this day are hidden (see `show_active_before_from`).
    #[serde(default)]
    #[serde(with = "crate::dates::IsoOption")]
    pub from: Option<NaiveDate>,
    /// When given, a case's facet must be one of these.
    #[serde(default)]
    pub facets: Option<Vec<Facet>>,
}

/// Where case titles come from.
///
/// ```
/// assert_eq!(serde_json::to_string(&egensag::model::TitleMode::Kle).unwrap(), "\"kle\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TitleMode {
    /// The case's own title, unless restricted.
    #[default]
    Source,
    /// Always the KLE subject title.
    Kle,
}

/// An expected processing time for a KLE pattern.
///
/// ```
/// let p: egensag::model::ProcessingDays = serde_json::from_str(r#"{"pattern": "32.30.*", "days": 28}"#).unwrap();
/// assert_eq!(p.days, 28);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcessingDays {
    /// The KLE pattern.
    pub pattern: KlePattern,
    /// Days from `created` to the expected decision.
    pub days: u32,
}

/// Party roles that may see cases matching a pattern.
///
/// ```
/// let s: egensag::model::SecondaryPartyAccess = serde_json::from_str(r#"{"pattern": "02.*", "roles": ["owner"]}"#).unwrap();
/// assert_eq!(s.roles, vec![egensag::model::PartyRole::Owner]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecondaryPartyAccess {
    /// The KLE pattern.
    pub pattern: KlePattern,
    /// The roles that may see.
    pub roles: Vec<PartyRole>,
}

/// What a privilege URI grants.
///
/// ```
/// use egensag::model::PrivilegeLevel;
/// assert!(PrivilegeLevel::Act.includes_read());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PrivilegeLevel {
    /// May see.
    Read,
    /// May act, which includes seeing.
    Act,
}

impl PrivilegeLevel {
    /// Both levels include reading.
    ///
    /// ```
    /// assert!(egensag::model::PrivilegeLevel::Read.includes_read());
    /// ```
    pub fn includes_read(self) -> bool {
        matches!(self, PrivilegeLevel::Read | PrivilegeLevel::Act)
    }
}

/// Input limits. Requests beyond them are refused with `limit_exceeded`.
///
/// ```
/// let l = egensag::model::Limits::default();
/// assert_eq!(l.max_records, 20_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest request, in bytes of JSON.
    pub max_input_bytes: usize,
    /// Most records (cases + benefits + appointments + plans) in one request.
    pub max_records: usize,
    /// Most payments in one benefit, progress entries, documents or requests in one
    /// case, goals or activities in one plan.
    pub max_items_per_record: usize,
    /// Longest string, in bytes.
    pub max_string_bytes: usize,
    /// Deepest JSON nesting.
    pub max_depth: usize,
    /// Most mandates in one request.
    pub max_mandates: usize,
    /// Most consents and objections in one request.
    pub max_consents: usize,
    /// Most KLE patterns in one mandate's or consent's scope.
    pub max_scope_patterns: usize,
    /// Most `record_ids` in one consent's scope.
    pub max_record_ids: usize,
    /// Longest mandate or consent id, in bytes (an id is repeated in the explanation's
    /// rules of every record it permits).
    pub max_id_bytes: usize,
    /// Most `PrivilegeGroup` elements in a NemLog-in `privileges_intermediate` claim.
    pub max_privilege_groups: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_records: 20_000,
            max_items_per_record: 10_000,
            max_string_bytes: 64 * 1024,
            max_depth: 32,
            max_mandates: 1_000,
            max_consents: 1_000,
            max_scope_patterns: 1_000,
            max_record_ids: 1_000,
            max_id_bytes: 256,
            max_privilege_groups: 1_000,
        }
    }
}
