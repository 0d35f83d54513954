//! A compiled matcher over (pattern, value) rules.

use super::{KleNumber, KlePattern, PatternKind};
use std::collections::HashMap;

/// The index's maps. Their keys come from the policy (configuration), never from a
/// request, so a fast unseeded hash (foldhash) serves: a request's KLE number is only
/// looked up, and cannot shape the table.
type Map<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// A compiled matcher over a list of `(pattern, value)` rules.
///
/// Rules are bucketed by what their pattern fixes (subject number, group, main group, or
/// nothing), so a lookup touches only the four buckets a number can fall into: its cost
/// grows with the number of rules that match, not with the number of rules.
///
/// Precedence follows the KLE pattern rule: the most specific pattern first, and among
/// equally specific ones the one listed first.
///
/// ```
/// use egensag::kle::{KleIndex, KleNumber, KlePattern};
/// let p = |s: &str| KlePattern::parse(s).unwrap();
/// let index = KleIndex::new([(p("*"), "all"), (p("32.*"), "32"), (p("32.24.*"), "32.24")]);
/// let n = KleNumber::parse("32.24.04").unwrap();
/// let order: Vec<_> = index.matching(n).map(|(i, v)| (i, *v)).collect();
/// assert_eq!(order, [(2, "32.24"), (1, "32"), (0, "all")]);
/// ```
#[derive(Debug, Clone)]
pub struct KleIndex<T> {
    rules: Vec<(KlePattern, T)>,
    subjects: Map<KleNumber, Vec<usize>>,
    groups: Map<(u8, u8), Vec<usize>>,
    mains: Map<u8, Vec<usize>>,
    any: Vec<usize>,
}

impl<T> Default for KleIndex<T> {
    fn default() -> Self {
        KleIndex {
            rules: Vec::new(),
            subjects: Map::default(),
            groups: Map::default(),
            mains: Map::default(),
            any: Vec::new(),
        }
    }
}

impl<T> KleIndex<T> {
    /// Compiles the rules; a rule's position in this list is its tie-breaker and is what
    /// [`matching`](Self::matching) reports.
    ///
    /// ```
    /// use egensag::kle::{KleIndex, KlePattern};
    /// let index = KleIndex::new([(KlePattern::ANY, 1)]);
    /// assert_eq!(index.len(), 1);
    /// ```
    pub fn new(rules: impl IntoIterator<Item = (KlePattern, T)>) -> KleIndex<T> {
        let mut index = KleIndex {
            rules: rules.into_iter().collect(),
            ..KleIndex::default()
        };
        // Positions are pushed in ascending order, so each bucket is already in
        // tie-break order.
        for (position, (pattern, _)) in index.rules.iter().enumerate() {
            match pattern.kind {
                PatternKind::Any => index.any.push(position),
                PatternKind::Main(m) => index.mains.entry(m).or_default().push(position),
                PatternKind::Group(m, g) => index.groups.entry((m, g)).or_default().push(position),
                PatternKind::Subject(n) => index.subjects.entry(n).or_default().push(position),
            }
        }
        index
    }

    /// Every rule matching `n`, in precedence order: most specific first, and among
    /// equally specific ones the one listed first. Yields (position in the original list,
    /// value).
    ///
    /// ```
    /// use egensag::kle::{KleIndex, KleNumber, KlePattern};
    /// let p = |s: &str| KlePattern::parse(s).unwrap();
    /// let index = KleIndex::new([(p("32.*"), 'a'), (p("27.*"), 'b'), (p("32"), 'c')]);
    /// let n = KleNumber::parse("32.06.00").unwrap();
    /// assert_eq!(index.matching(n).collect::<Vec<_>>(), [(0, &'a'), (2, &'c')]);
    /// ```
    pub fn matching(&self, n: KleNumber) -> impl Iterator<Item = (usize, &T)> + '_ {
        let buckets: [&[usize]; 4] = [
            self.subjects.get(&n).map_or(&[][..], Vec::as_slice),
            self.groups
                .get(&(n.main_group(), n.group()))
                .map_or(&[][..], Vec::as_slice),
            self.mains
                .get(&n.main_group())
                .map_or(&[][..], Vec::as_slice),
            self.any.as_slice(),
        ];
        buckets
            .into_iter()
            .flatten()
            .filter_map(move |&position| self.rules.get(position).map(|(_, v)| (position, v)))
    }

    /// The precedence winner for `n`, i.e. `matching(n).next()`.
    ///
    /// ```
    /// use egensag::kle::{KleIndex, KleNumber, KlePattern};
    /// let index = KleIndex::new([(KlePattern::parse("15.*").unwrap(), "x")]);
    /// assert_eq!(index.best(KleNumber::parse("15.17.06").unwrap()), Some((0, &"x")));
    /// assert_eq!(index.best(KleNumber::parse("32.24.04").unwrap()), None);
    /// ```
    pub fn best(&self, n: KleNumber) -> Option<(usize, &T)> {
        self.matching(n).next()
    }

    /// Whether there are no rules.
    ///
    /// ```
    /// assert!(egensag::kle::KleIndex::<()>::new([]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The number of rules.
    ///
    /// ```
    /// use egensag::kle::{KleIndex, KlePattern};
    /// assert_eq!(KleIndex::new([(KlePattern::ANY, ()), (KlePattern::ANY, ())]).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// The rule at `position` in the original list.
    ///
    /// ```
    /// use egensag::kle::{KleIndex, KlePattern};
    /// let index = KleIndex::new([(KlePattern::ANY, "all")]);
    /// assert_eq!(index.get(0), Some((KlePattern::ANY, &"all")));
    /// assert_eq!(index.get(1), None);
    /// ```
    pub fn get(&self, position: usize) -> Option<(KlePattern, &T)> {
        self.rules.get(position).map(|(p, v)| (*p, v))
    }
}

impl<T> FromIterator<(KlePattern, T)> for KleIndex<T> {
    fn from_iter<I: IntoIterator<Item = (KlePattern, T)>>(iter: I) -> Self {
        KleIndex::new(iter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn is_send_sync_and_clone() {
        assert_send_sync::<KleIndex<String>>();
        let p = KlePattern::parse("32.*").unwrap();
        let a = KleIndex::new([(p, String::from("x"))]);
        let b = a.clone();
        assert_eq!(b.len(), 1);
        assert!(format!("{a:?}").contains("KleIndex"));
    }

    #[test]
    fn precedence_and_ties() {
        let p = |s: &str| KlePattern::parse(s).unwrap();
        let index = KleIndex::new([
            (p("*"), 0),
            (p("32.24.04"), 1),
            (p("32"), 2),
            (p("32.24.*"), 3),
            (p("32.*"), 4),
            (p("32.24.04"), 5),
            (p("15.*"), 6),
        ]);
        let n = KleNumber::parse("32.24.04").unwrap();
        let got: Vec<usize> = index.matching(n).map(|(i, _)| i).collect();
        assert_eq!(got, [1, 5, 3, 2, 4, 0]);
        assert_eq!(index.best(n), Some((1, &1)));
        let other = KleNumber::parse("27.42.12").unwrap();
        assert_eq!(
            index.matching(other).map(|(i, _)| i).collect::<Vec<_>>(),
            [0]
        );
        assert!(KleIndex::<u8>::default().best(n).is_none());
    }
}
