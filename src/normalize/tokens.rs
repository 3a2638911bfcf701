//! Tokens for the mention scanner: runs of letters, runs of digits with their group and
//! decimal marks ("1,674.5", "2 500 000", ".5"), single other characters; the grammar of
//! numbers read from them lives in `numerals` and is re-exported here.

pub use super::digits::{digits_value, valid_grouping};
pub use super::numerals::*;
use std::ops::Range;

/// One token: a run of letters, a run of digits (with inner separators), or one other
/// character.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub span: Range<usize>,
    pub kind: TokenKind,
    /// Lower-cased text.
    pub text: String,
    /// White space stands between this token and the previous one.
    pub gap: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Digits,
    Symbol,
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap = false;
    while let Some((start, ch)) = chars.next() {
        if ch.is_whitespace() {
            gap = true;
            continue;
        }
        let mut end = start + ch.len_utf8();
        // ".5": a decimal without its leading zero, where no number or word runs into it.
        let bare_decimal = ch == '.'
            && text[end..].starts_with(|c: char| c.is_ascii_digit())
            && !text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',');
        let kind = if ch.is_ascii_digit() || bare_decimal {
            // Digits with inner separators: "1,674,200.5", "1 234 567" (narrow no-break space).
            while let Some(&(i, c)) = chars.peek() {
                if c.is_ascii_digit() {
                    end = i + c.len_utf8();
                    chars.next();
                } else if matches!(c, ',' | '.') || super::digits::is_group_space(c) {
                    let rest = &text[i + c.len_utf8()..];
                    let next = rest.chars().next();
                    // A space or an apostrophe groups only a whole group of three: "1'000",
                    // not the feet and inches of "5'10".
                    let groups =
                        !super::digits::is_group_space(c) || super::digits::starts_with_group(rest);
                    if groups && next.is_some_and(|n| n.is_ascii_digit()) {
                        end = i + c.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            TokenKind::Digits
        } else if ch.is_alphabetic() && vulgar_fraction(ch).is_none() {
            while let Some(&(i, c)) = chars.peek() {
                if c.is_alphabetic() && vulgar_fraction(c).is_none() {
                    end = i + c.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            TokenKind::Word
        } else {
            TokenKind::Symbol
        };
        tokens.push(Token {
            span: start..end,
            kind,
            text: text[start..end].to_lowercase(),
            gap,
        });
        gap = false;
    }
    join_space_groups(text, &mut tokens);
    tokens
}

/// Thousands grouped by plain spaces ("2 500 000", "12 000") make one digits token. Two
/// groups or more are always one number; a single group only where it cannot start a
/// number of its own ("12 000": no number is written "000") or where the text groups
/// thousands by spaces elsewhere, so "5 100-metre races" stays two numbers in a text that
/// never does.
fn join_space_groups(text: &str, tokens: &mut Vec<Token>) {
    let plain_digits =
        |t: &Token| t.kind == TokenKind::Digits && t.text.bytes().all(|b| b.is_ascii_digit());
    // The groups after token `i`: how many tokens of three digits follow, one space apart.
    let groups_after = |tokens: &[Token], i: usize| {
        let mut n = 0;
        while let Some(next) = tokens.get(i + n + 1) {
            let previous = &tokens[i + n];
            let one_space = &text[previous.span.end..next.span.start] == " ";
            let group = next.kind == TokenKind::Digits
                && super::digits::starts_with_group(&next.text)
                && (next.text.len() == 3 || next.text[3..].starts_with(['.', ',']));
            if !one_space || !group {
                break;
            }
            n += 1;
            // A decimal part ends the number.
            if next.text.len() > 3 {
                break;
            }
        }
        n
    };
    let starts = |tokens: &[Token], i: usize| {
        let t = &tokens[i];
        plain_digits(t)
            && (1..=3).contains(&t.text.len())
            && !(i > 0 && tokens[i - 1].kind == TokenKind::Digits)
    };
    let space_grouped = text.chars().any(super::digits::is_space_group_mark)
        || (0..tokens.len()).any(|i| starts(tokens, i) && groups_after(tokens, i) >= 2);
    let mut i = 0;
    while i < tokens.len() {
        if !starts(tokens, i) {
            i += 1;
            continue;
        }
        let n = groups_after(tokens, i);
        let lone_group_joins = n == 1 && (space_grouped || tokens[i + 1].text.starts_with('0'));
        if n >= 2 || lone_group_joins {
            let end = tokens[i + n].span.end;
            let start = tokens[i].span.start;
            tokens[i].span = start..end;
            tokens[i].text = text[start..end].to_lowercase();
            tokens.drain(i + 1..=i + n);
        }
        i += 1;
    }
}

/// ½, ⅔, ¾ and the other single-character fractions.
pub fn vulgar_fraction(ch: char) -> Option<f64> {
    Some(match ch {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        '⅑' => 1.0 / 9.0,
        '⅒' => 0.1,
        _ => return None,
    })
}
