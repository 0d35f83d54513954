//! NemLog-in privileges (OIO Basic Privilege Profile) as fuldmagt mandates. (Being written.)

use crate::cpr::Cpr;
use crate::error::Error;
use crate::model::Mandate;
use chrono::NaiveDate;

/// Turns a base64 `privileges_intermediate` claim into fuldmagt mandates held by `holder`,
/// in force on `as_of` only.
///
/// ```
/// assert!(egensag::privileges::mandates_from_claim("!", egensag::Cpr::parse("0101901234").unwrap(),
///     chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).is_err());
/// ```
pub fn mandates_from_claim(
    claim: &str,
    holder: Cpr,
    as_of: NaiveDate,
) -> Result<Vec<Mandate>, Error> {
    let _ = (claim, holder, as_of);
    Err(Error::policy("", "privilege claims are not read yet"))
}
