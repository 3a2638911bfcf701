//! Byte offsets to 1-based lines and columns: the line index every claim's place comes
//! from.

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    Locator::new(text).locate(offset)
}

/// Turns byte offsets into 1-based line and column, cheaply for offsets in increasing
/// order (the order claims come in), whatever the length of the lines.
#[derive(Debug, Clone)]
pub struct Locator<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// The line and column of byte `offset` (a char boundary, or the next one after it).
    pub fn locate(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = Locator::new(self.text);
        }
        for ch in self.text[self.offset..offset].chars() {
            if ch == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

/// The line and column of each of `offsets` (any order), in one pass over `text`.
pub fn locate_all(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut locator = Locator::new(text);
    let mut found = vec![(0, 0); offsets.len()];
    for i in order {
        found[i] = locator.locate(offsets[i]);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_one_based_and_count_characters() {
        let text = "ab\nčd\n\nx";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 5), (2, 2));
        assert_eq!(
            line_column(text, 4),
            (2, 1),
            "inside a character: its start"
        );
        assert_eq!(line_column(text, 8), (4, 1));
        let mut locator = Locator::new(text);
        assert_eq!(locator.locate(8), (4, 1));
        assert_eq!(locator.locate(1), (1, 2), "going back starts over");
    }
}
