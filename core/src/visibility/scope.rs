//! Mandate and consent scopes compiled once per request (rules W3, W6, W8 and W9), so
//! that deciding a record costs a fixed number of lookups however many mandates,
//! consents, patterns or `record_ids` the request holds (docs/limits.md).
//!
//! Where several mandates (or consents) cover a record, one is named in the decision's
//! rules: the one whose matching pattern is the most specific, and among equally specific
//! ones the one with the smallest id. The choice depends on neither the order nor the
//! duplication of mandates and consents, and it keeps the explanation's size bounded by
//! the input's (docs/decisions.md).

use super::facts::RecordFacts;
use crate::kle::{KleNumber, KlePattern};
use crate::model::{Consent, Mandate, RecordKind, Sensitivity};
use std::collections::HashMap;

/// A covering grant (mandate or consent): how loose its matching pattern is (0 for a
/// subject number, 3 for `*` or no KLE list) and its position in canonical order. The
/// smallest is the one named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cover {
    looseness: u8,
    position: usize,
}

/// The KLE patterns of many scopes in one structure: for each distinct pattern, the
/// first grant (in canonical order) whose scope lists it, sorted by the pattern's
/// [`code`](KlePattern::code). Its size is the number of distinct patterns, at most four
/// of which can match a number; finding them is a binary search each, with no hashing
/// of what the request holds.
#[derive(Debug, Default)]
pub(crate) struct PatternCover {
    /// (pattern code, grant position), sorted and unique by code.
    by_pattern: Vec<(u32, usize)>,
    /// The first grant whose scope has no KLE list: it covers every record, even one
    /// without a valid subject number.
    unrestricted: Option<usize>,
}

/// One grant for a [`PatternCover`]: its position in canonical order and its scope's
/// KLE list (`None`: no limit).
type Grant<'p> = (usize, Option<&'p [KlePattern]>);

impl PatternCover {
    /// The cover of `grants`, given in ascending order of position.
    fn new<'p>(grants: impl IntoIterator<Item = Grant<'p>>) -> PatternCover {
        let mut cover = PatternCover::default();
        for (position, patterns) in grants {
            match patterns {
                None => {
                    cover.unrestricted.get_or_insert(position);
                }
                Some(list) => cover
                    .by_pattern
                    .extend(list.iter().map(|pattern| (pattern.code(), position))),
            }
        }
        // For each pattern, the first grant listing it.
        crate::order::sort_by(&mut cover.by_pattern, Ord::cmp);
        cover.by_pattern.dedup_by_key(|(code, _)| *code);
        cover
    }

    /// The first grant listing `pattern`.
    fn get(&self, pattern: KlePattern) -> Option<usize> {
        let code = pattern.code();
        let at = self
            .by_pattern
            .binary_search_by_key(&code, |(c, _)| *c)
            .ok()?;
        self.by_pattern.get(at).map(|(_, position)| *position)
    }

    /// The best grant covering `number`: the most specific pattern found first wins,
    /// and `*` competes with an unrestricted scope on position.
    fn best(&self, number: Option<KleNumber>) -> Option<Cover> {
        let unrestricted = self.unrestricted.map(|position| Cover {
            looseness: 3,
            position,
        });
        if self.by_pattern.is_empty() {
            return unrestricted;
        }
        let matched = number.and_then(|n| {
            (0u8..)
                .zip(KlePattern::covering(n))
                .find_map(|(looseness, pattern)| {
                    self.get(pattern).map(|position| Cover {
                        looseness,
                        position,
                    })
                })
        });
        unrestricted.into_iter().chain(matched).min()
    }

    /// The number of entries: distinct patterns, plus one for an unrestricted scope.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.by_pattern.len() + usize::from(self.unrestricted.is_some())
    }
}

/// The sensitivity and record-kind limits of a mandate's scope; mandates with the same
/// limits share one [`PatternCover`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ScopeLimits {
    max_sensitivity: Option<Sensitivity>,
    /// Sorted, without duplicates.
    records: Option<Vec<RecordKind>>,
}

impl ScopeLimits {
    fn of(mandate: &Mandate) -> ScopeLimits {
        let records = mandate.scope.records.as_ref().map(|kinds| {
            let mut kinds = kinds.clone();
            crate::order::sort_dedup(&mut kinds);
            kinds
        });
        ScopeLimits {
            max_sensitivity: mandate.scope.max_sensitivity,
            records,
        }
    }

    fn admit(&self, record: &RecordFacts<'_>) -> bool {
        self.max_sensitivity
            .is_none_or(|max| record.flags.sensitivity <= max)
            && self
                .records
                .as_ref()
                .is_none_or(|kinds| kinds.contains(&record.kind))
    }
}

/// The usable mandates' scopes, compiled (W3). A record is looked up in one
/// [`PatternCover`] per distinct sensitivity/record-kind limit: at most five sensitivity
/// limits times the subsets of record kinds, however many mandates there are.
#[derive(Debug)]
pub(crate) struct MandateScopes<'a> {
    /// The mandates in canonical order (by id); a mandate's position breaks ties.
    mandates: Vec<&'a Mandate>,
    classes: Vec<(ScopeLimits, PatternCover)>,
}

impl<'a> MandateScopes<'a> {
    /// Compiles the scopes of `mandates`.
    pub(crate) fn new(mut mandates: Vec<&'a Mandate>) -> MandateScopes<'a> {
        crate::order::sort_by(&mut mandates, |a, b| a.id.cmp(&b.id));
        let mut index: HashMap<ScopeLimits, usize> = HashMap::new();
        let mut grants: Vec<(ScopeLimits, Vec<Grant<'a>>)> = Vec::new();
        for (position, mandate) in mandates.iter().enumerate() {
            let limits = ScopeLimits::of(mandate);
            let class = *index.entry(limits.clone()).or_insert_with(|| {
                grants.push((limits, Vec::new()));
                grants.len() - 1
            });
            if let Some((_, list)) = grants.get_mut(class) {
                list.push((position, mandate.scope.kle.as_deref()));
            }
        }
        let classes = grants
            .into_iter()
            .map(|(limits, list)| (limits, PatternCover::new(list)))
            .collect();
        MandateScopes { mandates, classes }
    }

    /// The mandate named for a record its scope covers, if any covers it.
    pub(crate) fn covering(
        &self,
        record: &RecordFacts<'_>,
        number: Option<KleNumber>,
    ) -> Option<&'a Mandate> {
        let best = self
            .classes
            .iter()
            .filter(|(limits, _)| limits.admit(record))
            .filter_map(|(_, cover)| cover.best(number))
            .min()?;
        self.mandates.get(best.position).copied()
    }

    /// The number of compiled entries over all classes.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.classes.iter().map(|(_, cover)| cover.len()).sum()
    }
}

/// Consents' (or objections') scopes, compiled (W6, W8, W9): KLE patterns in
/// [`PatternCover`]s, `record_ids` in a hash map from record to the consents naming it.
#[derive(Debug, Default)]
pub(crate) struct ConsentScopes<'a> {
    /// The consents in canonical order (by id); a consent's position breaks ties.
    consents: Vec<&'a Consent>,
    /// The consents without `record_ids`.
    open: PatternCover,
    /// For each record some consent names: the positions of the consents naming it.
    named: HashMap<(&'a str, &'a str), Vec<usize>>,
    /// The KLE scope of each consent, by position: used for those with `record_ids`.
    own: Vec<PatternCover>,
}

impl<'a> ConsentScopes<'a> {
    /// Compiles the scopes of `consents`.
    pub(crate) fn new(mut consents: Vec<&'a Consent>) -> ConsentScopes<'a> {
        crate::order::sort_by(&mut consents, |a, b| a.id.cmp(&b.id));
        let mut named: HashMap<(&'a str, &'a str), Vec<usize>> = HashMap::new();
        for (position, consent) in consents.iter().enumerate() {
            for record in consent.scope.record_ids.iter().flatten() {
                let naming = named
                    .entry((record.source.as_str(), record.id.as_str()))
                    .or_default();
                if naming.last() != Some(&position) {
                    naming.push(position);
                }
            }
        }
        let scope =
            |(position, consent): (usize, &&'a Consent)| (position, consent.scope.kle.as_deref());
        let open = PatternCover::new(
            consents
                .iter()
                .enumerate()
                .filter(|(_, c)| c.scope.record_ids.is_none())
                .map(scope),
        );
        let own = consents
            .iter()
            .enumerate()
            .map(|grant| match grant.1.scope.record_ids {
                Some(_) => PatternCover::new([scope(grant)]),
                None => PatternCover::default(),
            })
            .collect();
        ConsentScopes {
            consents,
            open,
            named,
            own,
        }
    }

    /// The consent named for a record its scope covers, if any covers it. The work is
    /// four lookups, plus four per consent that names this very record by id.
    pub(crate) fn covering(
        &self,
        record: &RecordFacts<'_>,
        number: Option<KleNumber>,
    ) -> Option<&'a Consent> {
        let named = self
            .named
            .get(&(record.source, record.id))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|position| self.own.get(*position))
            .filter_map(|cover| cover.best(number));
        let best = self.open.best(number).into_iter().chain(named).min()?;
        self.consents.get(best.position).copied()
    }

    /// Whether any consent covers the record.
    pub(crate) fn cover(&self, record: &RecordFacts<'_>, number: Option<KleNumber>) -> bool {
        self.covering(record, number).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RecordFlags;
    use crate::visibility::facts::{DateFact, KleFact, RoleSet};

    fn mandate(id: &str, kle: Option<Vec<&str>>) -> Mandate {
        serde_json::from_value(serde_json::json!({
            "id": id, "kind": "fuldmagt", "holder": "0202804321", "subject": "0101901234",
            "valid_from": "2026-01-01", "privileges": ["read"],
            "scope": { "kle": kle }
        }))
        .unwrap()
    }

    fn record(number: KleNumber) -> RecordFacts<'static> {
        RecordFacts {
            kind: RecordKind::Cases,
            source: "KSD",
            id: "S-1",
            flags: RecordFlags::default(),
            kle: KleFact::Valid(number),
            facet: None,
            any_cpr: true,
            subject_roles: RoleSet::default(),
            dates: DateFact::Appointment {
                start: chrono::NaiveDate::MIN,
            },
            case_id: None,
        }
    }

    #[test]
    fn a_million_patterns_compile_to_their_distinct_ones() {
        let patterns: Vec<String> = (0..1_000_000u32)
            .map(|i| format!("27.{:02}.{:02}", i % 100, (i / 100) % 100))
            .collect();
        let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let big = mandate("m", Some(refs));
        let scopes = MandateScopes::new(vec![&big]);
        // 10,000 distinct subject numbers; a lookup is four hash lookups whatever the size.
        assert_eq!(scopes.len(), 10_000);
        let n = KleNumber::parse("32.24.04").unwrap();
        assert!(scopes.covering(&record(n), Some(n)).is_none());
        let hit = KleNumber::parse("27.42.12").unwrap();
        assert_eq!(scopes.covering(&record(hit), Some(hit)).unwrap().id, "m");
    }

    #[test]
    fn the_most_specific_then_smallest_id_is_named_whatever_the_order() {
        let broad = mandate("a", Some(vec!["32.*"]));
        let narrow = mandate("z", Some(vec!["32.24.04"]));
        let other = mandate("b", None);
        let n = KleNumber::parse("32.24.04").unwrap();
        for order in [
            vec![&broad, &narrow, &other],
            vec![&other, &narrow, &broad, &broad],
        ] {
            let scopes = MandateScopes::new(order);
            assert_eq!(scopes.covering(&record(n), Some(n)).unwrap().id, "z");
        }
        let m = KleNumber::parse("32.06.00").unwrap();
        let scopes = MandateScopes::new(vec![&other, &broad]);
        assert_eq!(scopes.covering(&record(m), Some(m)).unwrap().id, "a");
        // Without a valid number only an unrestricted scope covers.
        assert_eq!(scopes.covering(&record(m), None).unwrap().id, "b");
    }
}
