//! Digits as written: thousands grouping by comma, dot, space, thin or no-break space or
//! apostrophe ("28,000", "28.000", "2 500 000", "1'000"), Indian grouping ("12,34,567"), and
//! the decimal mark decided by the groups first and by the document's convention where the
//! groups leave it open.

use crate::model::amount::Convention;

/// Characters that group thousands inside a run of digits besides comma and dot: thin,
/// narrow no-break, no-break and figure spaces, and the apostrophe.
pub fn is_group_space(c: char) -> bool {
    matches!(
        c,
        '\u{202f}' | '\u{2009}' | '\u{a0}' | '\u{2007}' | '\'' | '’'
    )
}

/// The group marks that only ever group thousands (not the apostrophe of "5'10").
pub fn is_space_group_mark(c: char) -> bool {
    matches!(c, '\u{202f}' | '\u{2009}' | '\u{a0}' | '\u{2007}')
}

/// Whether `text` starts with exactly three digits (a group of thousands).
pub fn starts_with_group(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() >= 3
        && bytes[..3].iter().all(u8::is_ascii_digit)
        && !bytes.get(3).is_some_and(u8::is_ascii_digit)
}

/// The value of a digits token: groups decide the separators, the convention decides a
/// lone group of three; Indian grouping ("12,34,567.89") is accepted.
pub fn digits_value(raw: &str, convention: Convention) -> Option<f64> {
    let raw: String = raw
        .chars()
        .filter(|&c| !is_group_space(c) && c != ' ')
        .collect();
    if !valid_grouping(&raw) {
        return None;
    }
    // ".5": a bare decimal is a decimal in either convention.
    if let Some(fraction) = raw.strip_prefix('.') {
        return fraction
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| format!("0.{fraction}").parse().ok())
            .flatten();
    }
    if is_indian_grouping(&raw) {
        let plain: String = raw.chars().filter(|&c| c != ',').collect();
        return plain.parse().ok();
    }
    parse_separated(&raw, convention)
}

/// Whether the separators of `raw` form one number (else it is several: "192.168.1.2").
pub fn valid_grouping(raw: &str) -> bool {
    let separators: Vec<(usize, char)> = raw
        .char_indices()
        .filter(|(_, c)| *c == ',' || *c == '.')
        .collect();
    if separators.len() <= 1 {
        return true;
    }
    if is_indian_grouping(raw) {
        return true;
    }
    // The last separator may be the decimal mark if it differs from the others.
    let last = separators.last().map(|(_, c)| *c).unwrap_or('.');
    let grouping: Vec<usize> = if separators.iter().all(|(_, c)| *c == last) {
        separators.iter().map(|(i, _)| *i).collect()
    } else {
        let group_mark = separators[0].1;
        if separators[..separators.len() - 1]
            .iter()
            .any(|(_, c)| *c != group_mark)
        {
            return false;
        }
        separators[..separators.len() - 1]
            .iter()
            .map(|(i, _)| *i)
            .collect()
    };
    let group_end = if separators.iter().all(|(_, c)| *c == last) {
        raw.len()
    } else {
        separators.last().map_or(raw.len(), |(i, _)| *i)
    };
    // Every group after the first has exactly three digits; the first has one to three.
    let mut boundaries = grouping.clone();
    boundaries.push(group_end);
    if grouping[0] == 0 || grouping[0] > 3 {
        return false;
    }
    boundaries.windows(2).all(|w| w[1] - w[0] == 4)
}

fn is_indian_grouping(raw: &str) -> bool {
    let integer = raw.split('.').next().unwrap_or(raw);
    if raw.matches('.').count() > 1 || !integer.contains(',') {
        return false;
    }
    let groups: Vec<&str> = integer.split(',').collect();
    groups.len() >= 3
        && (1..=2).contains(&groups[0].len())
        && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2)
        && groups.last().is_some_and(|g| g.len() == 3)
}

/// Reads "28.000", "28,000", "1,4", "1.234.567,89" by the digit groups first and the
/// convention only where the groups leave it open.
pub fn parse_separated(digits: &str, convention: Convention) -> Option<f64> {
    let dots = digits.matches('.').count();
    let commas = digits.matches(',').count();
    let decimal_mark = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (0, _) if commas > 1 => None,
        (1, 0) | (0, 1) => {
            let mark = if dots == 1 { '.' } else { ',' };
            let after = digits.len() - digits.rfind(mark)? - 1;
            let grouped = after == 3;
            let thousands_mark = match convention {
                Convention::DotDecimal => ',',
                Convention::CommaDecimal => '.',
            };
            if grouped && mark == thousands_mark {
                None
            } else {
                Some(mark)
            }
        }
        _ => {
            // Both marks: the last one is the decimal mark.
            let last_dot = digits.rfind('.')?;
            let last_comma = digits.rfind(',')?;
            Some(if last_dot > last_comma { '.' } else { ',' })
        }
    };
    let mut plain = String::with_capacity(digits.len());
    for ch in digits.chars() {
        if ch.is_ascii_digit() {
            plain.push(ch);
        } else if Some(ch) == decimal_mark {
            plain.push('.');
        }
    }
    plain.parse().ok()
}
