//! Codes: the closed sets of strings the engine writes for machines to read (reason,
//! status, notification, validation and action codes).
//!
//! Every code set is an enum declared with `codes!`, which takes each variant's wire
//! string once and makes from it the enum's serde name, [`as_str`](crate::visibility::Reason::as_str),
//! [`FromStr`](std::str::FromStr) and the list `ALL`. The texts a citizen reads for a
//! code live in [`crate::texts`], in exhaustive matches, so a new code does not compile
//! until it has a Danish and an English text.
//!
//! ```
//! use egensag::visibility::Reason;
//! assert_eq!("kle.excluded".parse::<Reason>(), Ok(Reason::KleExcluded));
//! assert!(Reason::ALL.iter().all(|r| r.as_str().parse::<Reason>() == Ok(*r)));
//! ```

use std::fmt;

/// A string that is not one of a code set's codes.
///
/// ```
/// use egensag::status::CaseStatusCode;
/// assert_eq!("nonsense".parse::<CaseStatusCode>(), Err(egensag::codes::UnknownCode));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownCode;

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown code")
    }
}

impl std::error::Error for UnknownCode {}

/// Declares a code enum: `Variant = "wire.string"` once per code, with its doc comment.
///
/// The enum gets serde and JSON Schema names from the wire strings, `as_str`, `ALL` (in
/// declaration order), `Display` and `FromStr`.
macro_rules! codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $wire:literal,
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            serde::Serialize,
            serde::Deserialize,
            schemars::JsonSchema,
        )]
        $vis enum $name {
            $(
                $(#[$variant_meta])*
                #[serde(rename = $wire)]
                $variant,
            )+
        }

        impl $name {
            /// Every code, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code as written in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::codes::UnknownCode;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|code| code.as_str() == s)
                    .ok_or($crate::codes::UnknownCode)
            }
        }
    };
}

pub(crate) use codes;

/// Writes a type that has `Display` and `FromStr` as a JSON string: `Serialize`,
/// `Deserialize` (with `$expected` as the message for a string that does not parse; the
/// string itself is never echoed) and a JSON Schema of a plain string.
macro_rules! string_serde {
    ($name:ident, $expected:literal) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<$name, D::Error> {
                let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
                text.parse()
                    .map_err(|_| <D::Error as serde::de::Error>::custom($expected))
            }
        }

        impl schemars::JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                String::json_schema(generator)
            }
        }
    };
}

pub(crate) use string_serde;

#[cfg(test)]
mod tests {
    use crate::actions::{Action, ActionReason};
    use crate::model::Outcome;
    use crate::notifications::NotificationCode;
    use crate::status::{BenefitStatusCode, CaseStatusCode};
    use crate::validation::ProblemCode;
    use crate::visibility::Reason;
    use std::collections::HashMap;

    /// Every code set's wire strings, by set.
    fn all() -> Vec<(&'static str, &'static str)> {
        let mut all = Vec::new();
        all.extend(Reason::ALL.iter().map(|c| ("reason", c.as_str())));
        all.extend(
            CaseStatusCode::ALL
                .iter()
                .map(|c| ("case status", c.as_str())),
        );
        all.extend(
            BenefitStatusCode::ALL
                .iter()
                .map(|c| ("benefit status", c.as_str())),
        );
        all.extend(
            NotificationCode::ALL
                .iter()
                .map(|c| ("notification", c.as_str())),
        );
        all.extend(Outcome::ALL.iter().map(|c| ("outcome", c.as_str())));
        all.extend(Action::ALL.iter().map(|c| ("action", c.as_str())));
        all.extend(
            ActionReason::ALL
                .iter()
                .map(|c| ("action reason", c.as_str())),
        );
        all
    }

    #[test]
    fn no_two_codes_of_different_meaning_share_a_wire_string() {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (set, wire) in all() {
            if let Some(other) = seen.insert(wire, set) {
                panic!("{wire} is both a {other} and a {set} code");
            }
        }
    }

    #[test]
    fn every_code_reads_back_from_its_wire_string() {
        for code in Reason::ALL {
            assert_eq!(code.as_str().parse::<Reason>(), Ok(*code));
            assert_eq!(
                serde_json::to_string(code).unwrap(),
                format!("\"{}\"", code.as_str())
            );
        }
        for code in ProblemCode::ALL {
            assert_eq!(code.as_str().parse::<ProblemCode>(), Ok(*code));
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(serde_json::from_str::<ProblemCode>(&json).unwrap(), *code);
        }
        for code in NotificationCode::ALL {
            assert_eq!(code.to_string().parse::<NotificationCode>(), Ok(*code));
        }
    }

    #[test]
    fn validation_codes_shared_with_explanations_are_the_same_reasons() {
        assert_eq!(
            ProblemCode::KleInvalid.as_str(),
            Reason::KleInvalid.as_str()
        );
        assert_eq!(
            ProblemCode::SubjectNoCpr.reason(),
            Some(Reason::SubjectNoCpr)
        );
        assert_eq!(ProblemCode::CaseMissing.reason(), None);
    }
}
