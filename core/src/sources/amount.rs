//! Decimal kroner strings (KOMBIT's `BeloebType`, `-?[0-9]+(\.[0-9]+)?`) as integer øre.

/// Why an amount could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    /// Not of the form `-?[0-9]+(\.[0-9]+)?`.
    Malformed,
    /// More than two decimals: never rounded.
    TooPrecise,
    /// Beyond what an `i64` of øre holds.
    Overflow,
}

impl AmountError {
    /// What was expected, for an error message (never the value itself).
    pub fn message(self) -> &'static str {
        match self {
            AmountError::Malformed => "expected an amount in kroner such as 1234.50",
            AmountError::TooPrecise => "expected at most two decimals (amounts are never rounded)",
            AmountError::Overflow => "amount too large",
        }
    }
}

/// Converts a decimal kroner string to øre, exactly.
///
/// ```
/// use egensag::sources::amount::{kroner_to_ore, AmountError};
/// assert_eq!(kroner_to_ore("1234.5"), Ok(123_450));
/// assert_eq!(kroner_to_ore("-12.34"), Ok(-1_234));
/// assert_eq!(kroner_to_ore("7"), Ok(700));
/// assert_eq!(kroner_to_ore("1.234"), Err(AmountError::TooPrecise));
/// assert_eq!(kroner_to_ore("1.2e3"), Err(AmountError::Malformed));
/// assert_eq!(kroner_to_ore("99999999999999999999"), Err(AmountError::Overflow));
/// ```
pub fn kroner_to_ore(text: &str) -> Result<i64, AmountError> {
    let text = text.trim();
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return Err(AmountError::Malformed);
    }
    let fraction = fraction.unwrap_or("");
    // Trailing zeros carry no precision: "1.230" is 1.23 exactly.
    let significant = fraction.trim_end_matches('0');
    if significant.len() > 2 {
        return Err(AmountError::TooPrecise);
    }
    let mut ore: i64 = 0;
    for b in whole
        .bytes()
        .chain(significant.bytes().chain("00".bytes()).take(2))
    {
        ore = ore
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(b - b'0')))
            .ok_or(AmountError::Overflow)?;
    }
    Ok(if negative { -ore } else { ore })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_conversion_and_refusals() {
        assert_eq!(kroner_to_ore("0.05"), Ok(5));
        assert_eq!(kroner_to_ore("1.50"), Ok(150));
        assert_eq!(kroner_to_ore("1.230"), Ok(123));
        assert_eq!(kroner_to_ore("92233720368547758.07"), Ok(i64::MAX));
        assert_eq!(
            kroner_to_ore("92233720368547758.08"),
            Err(AmountError::Overflow)
        );
        for bad in ["", "-", ".5", "5.", "1,5", "+1", "1 000", "--1", "１"] {
            assert_eq!(kroner_to_ore(bad), Err(AmountError::Malformed), "{bad}");
        }
    }
}
