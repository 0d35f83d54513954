//! The reasons a record is hidden for, as a set of bits: deciding a record allocates
//! nothing for its reasons, hidden or not.

use super::Reason;

/// A set of [`Reason`]s in one word.
///
/// It is read back in declaration order, which is the order the rules are checked in
/// (docs/rules.md), so a set gives the same list as pushing each reason as its rule denies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ReasonSet(u64);

// Every reason has a bit of its own.
const _: () = assert!(Reason::ALL.len() <= u64::BITS as usize);

impl ReasonSet {
    /// Adds `reason` (once, however often it is added).
    pub(crate) fn insert(&mut self, reason: Reason) {
        self.0 |= ReasonSet::bit(reason);
    }

    /// Whether no rule denies.
    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether `reason` is in the set.
    pub(crate) fn contains(self, reason: Reason) -> bool {
        self.0 & ReasonSet::bit(reason) != 0
    }

    /// The reasons in declaration order; no allocation when the set is empty.
    pub(crate) fn to_vec(self) -> Vec<Reason> {
        if self.is_empty() {
            return Vec::new();
        }
        Reason::ALL
            .iter()
            .copied()
            .filter(|r| self.contains(*r))
            .collect()
    }

    fn bit(reason: Reason) -> u64 {
        // A fieldless enum's discriminant is its position in the declaration.
        1 << (reason as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_reason_has_its_own_bit_in_declaration_order() {
        for (i, reason) in Reason::ALL.iter().enumerate() {
            assert_eq!(*reason as usize, i, "{reason}");
        }
    }

    proptest! {
        /// Whatever order reasons are added in, and however often, the set reads back
        /// each once, in declaration order.
        #[test]
        fn reads_back_each_reason_once_in_declaration_order(
            picks in prop::collection::vec(0..Reason::ALL.len(), 0..40),
        ) {
            let mut set = ReasonSet::default();
            for &i in &picks {
                set.insert(Reason::ALL[i]);
            }
            let mut expected: Vec<usize> = picks.clone();
            expected.sort_unstable();
            expected.dedup();
            let expected: Vec<Reason> = expected.into_iter().map(|i| Reason::ALL[i]).collect();
            prop_assert_eq!(set.is_empty(), picks.is_empty());
            prop_assert_eq!(set.to_vec(), expected);
        }
    }
}
