//! Property tests: parse/print round trips and the compiled index against a naive matcher.

use egensag::kle::{Facet, KleIndex, KleNumber, KlePattern};
use proptest::prelude::*;

#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn number() -> impl Strategy<Value = KleNumber> {
    (0u8..=99, 0u8..=99, 0u8..=99).prop_map(|(m, g, s)| KleNumber::new(m, g, s).unwrap())
}

/// Numbers from a small universe, so that rules and numbers collide often.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn small_number() -> impl Strategy<Value = KleNumber> {
    (prop::sample::select(vec![15u8, 27, 32]), 0u8..3, 0u8..3)
        .prop_map(|(m, g, s)| KleNumber::new(m, g, s).unwrap())
}

/// Patterns over the same small universe, in every spelling.
#[expect(
    clippy::unwrap_used,
    reason = "test helper: a panic here fails the test that called it"
)]
fn small_pattern() -> impl Strategy<Value = KlePattern> {
    (0u8..6, small_number()).prop_map(|(kind, n)| {
        let (m, g) = (n.main_group(), n.group());
        let text = match kind {
            0 => "*".to_owned(),
            1 => format!("{m:02}"),
            2 => format!("{m:02}.*"),
            3 => format!("{m:02}.{g:02}"),
            4 => format!("{m:02}.{g:02}.*"),
            _ => n.to_string(),
        };
        KlePattern::parse(&text).unwrap()
    })
}

#[expect(
    clippy::indexing_slicing,
    reason = "test helper: a panic here fails the test that called it"
)]
fn naive(rules: &[(KlePattern, u32)], n: KleNumber) -> Vec<(usize, u32)> {
    let mut hits: Vec<(usize, u32)> = rules
        .iter()
        .enumerate()
        .filter(|(_, (p, _))| p.matches(n))
        .map(|(i, (_, v))| (i, *v))
        .collect();
    hits.sort_by_key(|&(i, _)| (std::cmp::Reverse(rules[i].0.specificity()), i));
    hits
}

proptest! {
    #[test]
    fn number_round_trip(n in number()) {
        let text = n.to_string();
        prop_assert_eq!(KleNumber::parse(&text), Ok(n));
        prop_assert_eq!(text.parse::<KleNumber>(), Ok(n));
        let json = serde_json::to_string(&n).unwrap();
        prop_assert_eq!(serde_json::from_str::<KleNumber>(&json).unwrap(), n);
    }

    #[test]
    fn number_parse_print_is_identity_on_accepted_strings(s in "[0-9.]{0,10}") {
        if let Ok(n) = KleNumber::parse(&s) {
            prop_assert_eq!(n.to_string(), s);
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,12}") {
        let _ = KleNumber::parse(&s);
        let _ = KlePattern::parse(&s);
        let _ = Facet::parse(&s);
    }

    #[test]
    fn pattern_round_trip_is_canonical(p in small_pattern(), n in number()) {
        let text = p.to_string();
        let again = KlePattern::parse(&text).unwrap();
        prop_assert_eq!(again, p);
        prop_assert_eq!(again.to_string(), text.clone());
        prop_assert_eq!(again.specificity(), p.specificity());
        prop_assert_eq!(again.matches(n), p.matches(n));
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(json, format!("\"{text}\""));
        // An exact subject pattern matches exactly its number.
        let exact = KlePattern::from(n);
        prop_assert_eq!(exact.to_string(), n.to_string());
        prop_assert!(exact.matches(n));
    }

    #[test]
    fn pattern_parse_print_on_random_strings(s in "[0-9.*]{0,9}") {
        if let Ok(p) = KlePattern::parse(&s) {
            let canon = p.to_string();
            prop_assert!(canon == s || format!("{s}.*") == canon, "{} -> {}", s, canon);
        }
    }

    #[test]
    fn facet_round_trip(letter in prop::sample::select(vec!["A", "P", "S", "\u{D8}", "O\u{338}", "G", "K", "I"]), d in 0u8..=99) {
        let text = format!("{letter}{d:02}");
        let f = Facet::parse(&text).unwrap();
        let printed = f.to_string();
        prop_assert_eq!(printed.clone(), text.replace("O\u{338}", "\u{D8}"));
        prop_assert_eq!(Facet::parse(&printed), Ok(f));
        prop_assert_eq!(f.number(), d);
        let json = serde_json::to_string(&f).unwrap();
        prop_assert_eq!(serde_json::from_str::<Facet>(&json).unwrap(), f);
    }

    #[test]
    fn index_agrees_with_naive_matcher(
        patterns in prop::collection::vec(small_pattern(), 0..50),
        numbers in prop::collection::vec(small_number(), 1..20),
        other in number(),
    ) {
        let rules: Vec<(KlePattern, u32)> =
            patterns.into_iter().enumerate().map(|(i, p)| (p, i as u32 * 7)).collect();
        let index = KleIndex::new(rules.clone());
        prop_assert_eq!(index.len(), rules.len());
        prop_assert_eq!(index.is_empty(), rules.is_empty());
        for n in numbers.into_iter().chain([other]) {
            let got: Vec<(usize, u32)> = index.matching(n).map(|(i, v)| (i, *v)).collect();
            let want = naive(&rules, n);
            prop_assert_eq!(&got, &want);
            prop_assert_eq!(index.best(n).map(|(i, v)| (i, *v)), want.first().copied());
        }
    }
}
