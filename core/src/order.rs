//! Sorting with one compiled sort.
//!
//! Every list the crate puts in order is sorted here: its indices are sorted by one
//! non-generic function, with the comparator behind `&dyn`, and the items then moved
//! once each. The program so holds one copy of the standard library's sort, not one per
//! element type and comparator (each copy is several kilobytes of the WebAssembly
//! module), and large items are moved once instead of many times.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub(crate) fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    // Sources mostly list records in order already: then nothing is allocated or moved.
    if items.is_sorted_by(|a, b| compare(a, b).is_le()) {
        return;
    }
    *items = sorted(std::mem::take(items), compare);
}

/// Sorts `items` and removes repeated values, as `sort_unstable` then `dedup` do (equal
/// values are alike, so a stable sort leaves the same list).
pub(crate) fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
    items.dedup();
}

/// `items` in the order of `compare`, as a stable sort leaves them; see [`sorted_by_index`].
pub(crate) fn sorted<T>(items: Vec<T>, compare: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    sorted_by_index(items, |_, a, _, b| compare(a, b))
}

/// `items` in the order of `compare` (given each item with its index), as a stable sort
/// leaves them. The indices are sorted and the items then moved once each.
pub(crate) fn sorted_by_index<T>(
    items: Vec<T>,
    compare: impl Fn(usize, &T, usize, &T) -> Ordering,
) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|i, j| match (items.get(i), items.get(j)) {
        (Some(a), Some(b)) => compare(i, a, j, b),
        _ => i.cmp(&j),
    });
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// Sorts indices (stably) by `compare`: the one sort in the program, whatever is sorted.
fn sort_indices(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&i, &j| compare(i, j));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Sorting by index leaves items as a stable sort of the items themselves does
        /// (equal keys keep their input order).
        #[test]
        fn sorting_by_index_is_a_stable_sort(items in prop::collection::vec((0u8..4, any::<u16>()), 0..60)) {
            let mut expected = items.clone();
            expected.sort_by_key(|a| a.0);
            prop_assert_eq!(sorted(items.clone(), |a, b| a.0.cmp(&b.0)), expected.clone());
            let mut in_place = items;
            sort_by(&mut in_place, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(in_place, expected);
        }

        /// Sorting and removing repeats leaves what `sort_unstable` and `dedup` leave.
        #[test]
        fn sort_dedup_is_sort_unstable_and_dedup(items in prop::collection::vec((0u8..4, 0u8..4), 0..60)) {
            let mut expected = items.clone();
            expected.sort_unstable();
            expected.dedup();
            let mut got = items;
            sort_dedup(&mut got);
            prop_assert_eq!(got, expected);
        }
    }
}
