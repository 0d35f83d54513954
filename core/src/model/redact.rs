//! `Debug` for the model types without personal data: CPR numbers masked `DDMMYY-XXXX`,
//! titles, names and free text replaced by `<redacted>`, ids with any CPR number inside
//! them masked (as in the explanation). A request printed with `{:?}` in a log or a panic
//! message shows its structure, dates, codes and flags, never who it is about.
//!
//! Each type lists its fields in [`redacted_debug!`] with how each is shown: `show` (as
//! its own `Debug`), `redact` (free text: `<redacted>`), `mask` (an id: CPR numbers
//! masked) or `cpr` (a CPR number kept as written: masked, or `<redacted>` when it does
//! not parse). The field list is a destructuring pattern, so a new field does not compile
//! until it is given a way to be shown.

use crate::cpr::{mask_cpr_numbers, Cpr};
use std::fmt;

/// Free text: shown as `<redacted>` (`None` and list lengths stay visible).
pub(crate) struct Redact<'a, T>(pub(crate) &'a T);

impl fmt::Debug for Redact<'_, String> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<T> fmt::Debug for Redact<'_, Option<T>>
where
    for<'b> Redact<'b, T>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(value) => f.debug_tuple("Some").field(&Redact(value)).finish(),
        }
    }
}

impl<T> fmt::Debug for Redact<'_, Vec<T>>
where
    for<'b> Redact<'b, T>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter().map(Redact)).finish()
    }
}

/// An id written by a source system: any CPR number inside it masked.
pub(crate) struct Mask<'a, T>(pub(crate) &'a T);

impl fmt::Debug for Mask<'_, String> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&mask_cpr_numbers(self.0), f)
    }
}

impl fmt::Debug for Mask<'_, Option<String>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(id) => f.debug_tuple("Some").field(&Mask(id)).finish(),
        }
    }
}

/// A CPR number kept as written (it may be malformed): masked when it parses, else
/// `<redacted>`.
pub(crate) struct CprText<'a, T>(pub(crate) &'a T);

impl fmt::Debug for CprText<'_, String> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match Cpr::parse(self.0) {
            Ok(cpr) => fmt::Debug::fmt(&cpr, f),
            Err(_) => f.write_str("<redacted>"),
        }
    }
}

impl fmt::Debug for CprText<'_, Option<String>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(cpr) => f.debug_tuple("Some").field(&CprText(cpr)).finish(),
        }
    }
}

impl fmt::Debug for CprText<'_, Vec<String>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter().map(CprText)).finish()
    }
}

/// Writes `impl Debug` for a model struct, each field shown as its mode says.
macro_rules! redacted_debug {
    ($ty:ident { $($field:ident: $mode:ident),* $(,)? }) => {
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let $ty { $($field),* } = self;
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($field), &redacted_debug!(@$mode $field)))*
                    .finish()
            }
        }
    };
    (@show $field:ident) => { $field };
    (@redact $field:ident) => { $crate::model::redact::Redact($field) };
    (@mask $field:ident) => { $crate::model::redact::Mask($field) };
    (@cpr $field:ident) => { $crate::model::redact::CprText($field) };
}
pub(crate) use redacted_debug;
