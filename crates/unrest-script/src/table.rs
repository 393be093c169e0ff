//! One-to-one character tables derived from a converter.

use std::borrow::Cow;
use std::collections::HashMap;

/// Whether a character is a Han ideograph (the characters OpenCC converts).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The dense part of the table covers the BMP Han blocks; the rest (rare
/// supplementary-plane characters) lives in a map.
const DENSE_START: u32 = 0x3400;
const DENSE_END: u32 = 0xFB00;

/// Maps a character to its converted form when that form is a single,
/// different character.
pub struct CharTable {
    dense: Vec<char>,
    sparse: HashMap<char, char>,
}

impl CharTable {
    /// Runs `convert` once over every Han character (one per line, so no
    /// phrase rule spans two of them) and keeps the one-to-one changes that
    /// keep the character's UTF-8 width.
    pub fn derive(convert: &dyn Fn(&str) -> String) -> Self {
        let all: Vec<char> = (DENSE_START..DENSE_END)
            .chain(0x20000..=0x2FA1F)
            .filter_map(char::from_u32)
            .filter(|c| is_han(*c))
            .collect();
        let mut input = String::with_capacity(all.len() * 4);
        for c in &all {
            input.push(*c);
            input.push('\n');
        }
        let output = convert(&input);
        let mut table = CharTable {
            dense: vec!['\0'; (DENSE_END - DENSE_START) as usize],
            sparse: HashMap::new(),
        };
        let lines: Vec<&str> = output.split('\n').collect();
        if lines.len() < all.len() {
            return table; // the converter did not keep lines apart: convert nothing rather than misalign
        }
        for (c, line) in all.iter().zip(lines) {
            let mut chars = line.chars();
            // Only same-width replacements: then the converted text has the
            // same characters at the same *byte* offsets as the original, and
            // every caller can use offsets from one in the other unchanged.
            if let (Some(to), None) = (chars.next(), chars.next())
                && to != *c
                && to.len_utf8() == c.len_utf8()
            {
                table.insert(*c, to);
            }
        }
        table
    }

    fn insert(&mut self, from: char, to: char) {
        match dense_index(from) {
            Some(i) => self.dense[i] = to,
            None => {
                self.sparse.insert(from, to);
            }
        }
    }

    /// The converted character, if this one changes.
    pub fn get(&self, c: char) -> Option<char> {
        match dense_index(c) {
            Some(i) => Some(self.dense[i]).filter(|t| *t != '\0'),
            None if (c as u32) < DENSE_START => None,
            None => self.sparse.get(&c).copied(),
        }
    }

    /// Whether the table changes this character.
    pub fn maps(&self, c: char) -> bool {
        self.get(c).is_some()
    }

    /// The text with every mapped character replaced; borrowed when no
    /// character changes.
    pub fn apply<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let Some(first) = text.char_indices().find(|(_, c)| self.maps(*c)).map(|(i, _)| i) else {
            return Cow::Borrowed(text);
        };
        let mut out = String::with_capacity(text.len());
        out.push_str(&text[..first]);
        out.extend(text[first..].chars().map(|c| self.get(c).unwrap_or(c)));
        Cow::Owned(out)
    }
}

fn dense_index(c: char) -> Option<usize> {
    let u = c as u32;
    (DENSE_START..DENSE_END)
        .contains(&u)
        .then(|| (u - DENSE_START) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_one_to_one_changes_only() {
        // A made-up converter: 甲→乙, 丙→丁丁 (not one-to-one), others kept.
        let convert = |s: &str| s.replace('甲', "乙").replace('丙', "丁丁");
        let t = CharTable::derive(&convert);
        assert_eq!(t.get('甲'), Some('乙'));
        assert_eq!(t.get('丙'), None);
        assert_eq!(t.get('a'), None);
        assert_eq!(t.apply("x甲丙y"), "x乙丙y");
        assert!(matches!(t.apply("丙丙"), Cow::Borrowed(_)));
    }
}
