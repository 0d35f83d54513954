//! The rules that permit a record, as a decision records them. They are typed values;
//! they become text (`include:32.*`, `self`, `mandate:<id>` …) only when an explanation
//! is written.

use crate::codes::{codes, string_serde, UnknownCode};
use crate::cpr::mask_cpr_numbers;
use crate::kle::KlePattern;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

codes! {
    /// The kinds of permitting rule, as the text of a [`Rule`] starts.
    enum RuleKind {
        /// An include rule.
        Include = "include",
        /// A secondary-party rule.
        SecondaryPartyAccess = "secondary_party_access",
        /// The viewer is the subject.
        SelfAccess = "self",
        /// A mandate.
        Mandate = "mandate",
        /// A consent.
        Consent = "consent",
    }
}

/// A rule that permitted a record. Written as `kind:detail` (or `self`); a decision's
/// rules are sorted by that text, without duplicates. The text is for support staff: a
/// CPR number inside a mandate's or consent's id is masked `DDMMYY-XXXX`
/// ([`crate::cpr::mask_cpr_numbers`]); the typed value keeps the id as given.
///
/// ```
/// use egensag::{kle::KlePattern, visibility::Rule};
/// let include = Rule::Include(KlePattern::parse("32").unwrap());
/// assert_eq!(include.to_string(), "include:32.*");
/// assert_eq!("mandate:F-1".parse::<Rule>(), Ok(Rule::Mandate("F-1".into())));
/// assert!(Rule::Consent("C-9".into()) < include); // "consent:…" sorts before "include:…"
/// assert_eq!(Rule::Mandate("fm-0202804321".into()).to_string(), "mandate:fm-020280-XXXX");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Rule {
    /// The policy's include rule with this pattern: `include:32.*`.
    Include(KlePattern),
    /// The policy's secondary-party rule with this pattern: `secondary_party_access:02.*`.
    SecondaryPartyAccess(KlePattern),
    /// The viewer is the subject: `self`.
    SelfAccess,
    /// The mandate with this id: `mandate:<id>`.
    Mandate(String),
    /// The consent with this id: `consent:<id>`.
    Consent(String),
}

impl Rule {
    fn kind(&self) -> RuleKind {
        match self {
            Rule::Include(_) => RuleKind::Include,
            Rule::SecondaryPartyAccess(_) => RuleKind::SecondaryPartyAccess,
            Rule::SelfAccess => RuleKind::SelfAccess,
            Rule::Mandate(_) => RuleKind::Mandate,
            Rule::Consent(_) => RuleKind::Consent,
        }
    }
}

impl Rule {
    /// The mandate's or consent's id as given, unmasked.
    fn id(&self) -> Option<&str> {
        match self {
            Rule::Mandate(id) | Rule::Consent(id) => Some(id),
            _ => None,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = self.kind();
        match self {
            Rule::Include(pattern) | Rule::SecondaryPartyAccess(pattern) => {
                write!(f, "{kind}:{pattern}")
            }
            Rule::SelfAccess => write!(f, "{kind}"),
            Rule::Mandate(id) | Rule::Consent(id) => write!(f, "{kind}:{}", mask_cpr_numbers(id)),
        }
    }
}

impl FromStr for Rule {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Rule, UnknownCode> {
        let (kind, detail) = match s.split_once(':') {
            Some((kind, detail)) => (kind.parse::<RuleKind>()?, Some(detail)),
            None => (s.parse::<RuleKind>()?, None),
        };
        let pattern = |detail: &str| KlePattern::parse(detail).map_err(|_| UnknownCode);
        match (kind, detail) {
            (RuleKind::Include, Some(d)) => pattern(d).map(Rule::Include),
            (RuleKind::SecondaryPartyAccess, Some(d)) => pattern(d).map(Rule::SecondaryPartyAccess),
            (RuleKind::SelfAccess, None) => Ok(Rule::SelfAccess),
            (RuleKind::Mandate, Some(id)) => Ok(Rule::Mandate(id.to_owned())),
            (RuleKind::Consent, Some(id)) => Ok(Rule::Consent(id.to_owned())),
            _ => Err(UnknownCode),
        }
    }
}

/// Rules sort by their text, as explanations have always listed them; two ids that read
/// the same once masked are ordered by the ids themselves, so the order is total.
impl Ord for Rule {
    fn cmp(&self, other: &Rule) -> Ordering {
        self.to_string()
            .cmp(&other.to_string())
            .then_with(|| self.id().cmp(&other.id()))
    }
}

impl PartialOrd for Rule {
    fn partial_cmp(&self, other: &Rule) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

string_serde!(Rule, "expected a permitting rule");

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(text: &str) -> KlePattern {
        KlePattern::parse(text).unwrap()
    }

    #[test]
    fn every_rule_reads_back_from_its_text() {
        for rule in [
            Rule::Include(pattern("*")),
            Rule::Include(pattern("32.24.04")),
            Rule::SecondaryPartyAccess(pattern("02.*")),
            Rule::SelfAccess,
            Rule::Mandate("F:1".into()),
            Rule::Consent(String::new()),
        ] {
            assert_eq!(rule.to_string().parse::<Rule>(), Ok(rule.clone()));
            let json = serde_json::to_string(&rule).unwrap();
            assert_eq!(json, format!("\"{rule}\""));
            assert_eq!(serde_json::from_str::<Rule>(&json).unwrap(), rule);
        }
        assert!("self:x".parse::<Rule>().is_err());
        assert!("include:32.*.04".parse::<Rule>().is_err());
        assert!("mandate".parse::<Rule>().is_err());
    }

    #[test]
    fn cpr_numbers_in_ids_are_masked_and_order_stays_total() {
        let a = Rule::Consent("0101901234-01".into());
        let b = Rule::Consent("0101905678-01".into());
        assert_eq!(a.to_string(), "consent:010190-XXXX-01");
        assert_eq!(a.to_string(), b.to_string());
        assert_eq!(a.cmp(&b), Ordering::Less);
        assert_eq!(b.cmp(&a), Ordering::Greater);
        assert_eq!(a.cmp(&a.clone()), Ordering::Equal);
    }

    #[test]
    fn rules_sort_by_their_text() {
        let mut rules = [
            Rule::SelfAccess,
            Rule::SecondaryPartyAccess(pattern("02.*")),
            Rule::Mandate("M".into()),
            Rule::Include(pattern("32.24.*")),
            Rule::Include(pattern("*")),
            Rule::Consent("C".into()),
        ];
        rules.sort();
        let texts: Vec<String> = rules.iter().map(Rule::to_string).collect();
        let mut sorted = texts.clone();
        sorted.sort();
        assert_eq!(texts, sorted);
    }
}
