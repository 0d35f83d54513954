//! The scrubbing every error goes through, in one place: digit runs that could be a CPR
//! number, values that serde quotes in its messages, and keys unfit to show in a path.

/// The last guard so that no CPR number can appear in a message or path, applied by
/// every constructor of [`super::Error`]: a CPR number (as
/// [`crate::cpr::mask_cpr_numbers`] finds it, say inside an id) is masked `DDMMYY-XXXX`,
/// and any other run of digits and hyphens with six or more digits (a number that could
/// be a mistyped CPR number) becomes `…`.
///
/// ```text
/// case 0101901234-01   → case 010190-XXXX-01
/// ref 3202901234       → ref …
/// cases[3].kle         → cases[3].kle
/// ```
pub(crate) fn digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    for c in text.chars() {
        // A hyphen inside a digit run (DDMMYY-SSSS) keeps the run going.
        if c.is_ascii_digit() || (c == '-' && !run.is_empty()) {
            run.push(c);
        } else {
            scrub_run(&run, &mut out);
            run.clear();
            out.push(c);
        }
    }
    scrub_run(&run, &mut out);
    out
}

/// One run of digits and hyphens: its CPR numbers masked, and each stretch between them
/// with six or more digits replaced by `…`.
fn scrub_run(run: &str, out: &mut String) {
    let stretch = |text: &str, out: &mut String| {
        if text.chars().filter(char::is_ascii_digit).count() >= 6 {
            out.push('…');
        } else {
            out.push_str(text);
        }
    };
    let mut copied = 0;
    for (range, cpr) in crate::cpr::cpr_numbers_in(run) {
        stretch(run.get(copied..range.start).unwrap_or(""), out);
        out.push_str(&cpr.masked());
        copied = range.end;
    }
    stretch(run.get(copied..).unwrap_or(""), out);
}

/// A map key or field name that may appear in a path or message: lowercase ASCII, digits
/// and `_:.-/`, at most 100 bytes. Any other key (a name, a title, a CPR number with a
/// capital letter around it) is shown as `?`.
pub(crate) fn is_safe_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 100
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_:.-/".contains(&b))
}

/// A key as shown in a path: itself when [`is_safe_key`], else `?`.
pub(crate) fn key(key: &str) -> &str {
    if is_safe_key(key) {
        key
    } else {
        "?"
    }
}

/// The message of a serde data error (`serde_json::error::Category::Data`) without the
/// value it quotes, keeping what was expected.
///
/// This is the one place where the text of a parser's message is inspected: serde gives
/// data errors no kind beyond `Data`, so the standard forms of `serde::de::Error` are
/// recognised by their wording:
///
/// * `invalid type: string "Hans", expected u32` → `invalid type: expected u32` (also
///   `invalid value`, `invalid length`);
/// * ``unknown variant `Hans`, expected one of `self`, `proxy` `` → the same without the
///   variant;
/// * ``unknown field `kle2`, expected `kle` `` keeps the field name when it
///   [`is_safe_key`], and drops it otherwise;
/// * ``missing field `id` `` names one of this crate's own fields and is kept;
/// * any other message (a custom one from this crate's own `Deserialize` impls, which
///   say what was expected and never quote the value) is kept.
///
/// serde_json's ` at line L column C` suffix is removed by the caller.
pub(crate) fn serde_data_message(message: &str) -> String {
    for prefix in ["invalid type", "invalid value", "invalid length"] {
        if message.starts_with(prefix) {
            return match message.split_once(", expected ") {
                Some((_, expected)) => format!("{prefix}: expected {expected}"),
                None => prefix.to_owned(),
            };
        }
    }
    for prefix in ["unknown variant", "unknown field"] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let name = rest
                .trim_start()
                .strip_prefix('`')
                .and_then(|r| r.split('`').next());
            let expected = message.split_once(", expected ").map(|(_, e)| e);
            let shown = match name {
                Some(n) if prefix == "unknown field" && is_safe_key(n) => format!("{prefix} `{n}`"),
                _ => prefix.to_owned(),
            };
            return match expected {
                Some(e) => format!("{shown}, expected {e}"),
                None => shown,
            };
        }
    }
    message.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubs_cpr_numbers_in_both_spellings() {
        assert_eq!(digits("a 0101901234 b"), "a 010190-XXXX b");
        assert_eq!(digits("a 010190-1234 b"), "a 010190-XXXX b");
        assert_eq!(digits("case 0101901234-01"), "case 010190-XXXX-01");
        assert_eq!(digits("fm-0202804321"), "fm-020280-XXXX");
        // Not a real date, or not a CPR length: still no long digit run.
        assert_eq!(digits("a 3202901234 b"), "a … b");
        assert_eq!(digits("a 12345678901234 b"), "a … b");
        assert_eq!(digits("1234-0101901234"), "1234-010190-XXXX");
        assert_eq!(digits("123456-0101901234"), "…010190-XXXX");
        assert_eq!(digits("line 12 column 345"), "line 12 column 345");
        assert_eq!(digits("cases[3].kle"), "cases[3].kle");
        assert_eq!(digits("32-24"), "32-24");
    }

    #[test]
    fn removes_the_values_serde_quotes() {
        assert_eq!(
            serde_data_message("invalid type: string \"Hans Hansen\", expected u32"),
            "invalid type: expected u32"
        );
        assert_eq!(
            serde_data_message("invalid value: integer `7`, expected a level 1-4"),
            "invalid value: expected a level 1-4"
        );
        assert_eq!(
            serde_data_message("unknown variant `Hans`, expected one of `self`, `proxy`"),
            "unknown variant, expected one of `self`, `proxy`"
        );
        assert_eq!(
            serde_data_message("unknown field `kle2`, expected `kle`"),
            "unknown field `kle2`, expected `kle`"
        );
        assert_eq!(
            serde_data_message("unknown field `Hans Hansen`"),
            "unknown field"
        );
        assert_eq!(
            serde_data_message("missing field `id`"),
            "missing field `id`"
        );
    }

    #[test]
    fn only_plain_keys_are_shown() {
        assert_eq!(key("privileges"), "privileges");
        assert_eq!(key("urn:dk:kombit:kle"), "urn:dk:kombit:kle");
        assert_eq!(key("Hans Hansen"), "?");
        assert_eq!(key(""), "?");
        assert_eq!(key(&"a".repeat(101)), "?");
    }
}
