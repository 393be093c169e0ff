//! The text being coded and its evidence spans.
//!
//! Extractors match over a *matching text*: the report text itself, or a
//! copy with the same characters at the same positions (a later issue feeds a
//! simplified copy of traditional text). Internally everything works in byte
//! offsets of the matching text; this module turns them into the codebook's
//! character offsets and cuts the evidence text from the original report, so
//! `evidence.text == report.text[start..end]` (in characters) always holds.

use unrest_codebook::Evidence;

/// The original report text, the matching text and the offset tables
/// between them.
pub(crate) struct Doc<'a> {
    /// What extractors read (same character count and positions as `orig`).
    pub m: &'a str,
    /// The report text as written, where evidence is cut from.
    orig: &'a str,
    /// Character index of every byte offset of `m` (valid at char boundaries).
    char_of: Vec<u32>,
    /// Byte offset in `orig` of every character index (plus the end).
    orig_byte: Option<Vec<u32>>,
}

impl<'a> Doc<'a> {
    /// Builds the tables. When the two texts differ in character count the
    /// original is used for matching too (offsets would not line up).
    pub fn new(orig: &'a str, matching: &'a str) -> Self {
        let same_bytes = std::ptr::eq(orig, matching) || orig == matching;
        let m = if same_bytes || orig.chars().count() == matching.chars().count() {
            matching
        } else {
            orig
        };
        let mut char_of = vec![0u32; m.len() + 1];
        let mut n = 0u32;
        for (i, c) in m.char_indices() {
            for slot in &mut char_of[i..i + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        char_of[m.len()] = n;
        let orig_byte = if std::ptr::eq(m, orig) || m == orig {
            None
        } else {
            let mut v: Vec<u32> = orig.char_indices().map(|(i, _)| i as u32).collect();
            v.push(orig.len() as u32);
            Some(v)
        };
        Doc {
            m,
            orig,
            char_of,
            orig_byte,
        }
    }

    /// Character index of a byte offset of the matching text (clamped).
    pub fn char_at(&self, byte: usize) -> usize {
        self.char_of[byte.min(self.m.len())] as usize
    }

    /// The original text of the byte range `[s, e)` of the matching text.
    pub fn orig_slice(&self, s: usize, e: usize) -> &'a str {
        let (s, e) = (s.min(self.m.len()), e.min(self.m.len()));
        match &self.orig_byte {
            None => self.orig.get(s..e).unwrap_or(""),
            Some(t) => {
                let (cs, ce) = (self.char_at(s), self.char_at(e));
                let bs = t.get(cs).copied().unwrap_or(0) as usize;
                let be = t.get(ce).copied().unwrap_or(0) as usize;
                self.orig.get(bs..be.max(bs)).unwrap_or("")
            }
        }
    }

    /// An evidence record for the byte range `[s, e)` of the matching text.
    pub fn evidence(&self, field: &str, s: usize, e: usize) -> Evidence {
        let (s, e) = (s.min(e), e.max(s));
        Evidence {
            field: field.to_string(),
            text: self.orig_slice(s, e).to_string(),
            start: self.char_at(s),
            end: self.char_at(e),
        }
    }
}

/// The largest char boundary of `s` at or below `p`.
pub(crate) fn floor_boundary(s: &str, p: usize) -> usize {
    let mut p = p.min(s.len());
    while p > 0 && !s.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// The smallest char boundary of `s` at or above `p`.
pub(crate) fn ceil_boundary(s: &str, p: usize) -> usize {
    let mut p = p.min(s.len());
    while p < s.len() && !s.is_char_boundary(p) {
        p += 1;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_characters_and_text_is_original() {
        let orig = "工人罷工,abc";
        let simp = "工人罢工,abc";
        let d = Doc::new(orig, simp);
        let s = simp.find("罢工").unwrap();
        let ev = d.evidence("tactics", s, s + "罢工".len());
        assert_eq!((ev.start, ev.end), (2, 4));
        assert_eq!(ev.text, "罷工");
        let a = simp.find("abc").unwrap();
        let ev = d.evidence("x", a, a + 3);
        assert_eq!(ev.text, "abc");
        assert_eq!((ev.start, ev.end), (5, 8));
    }

    #[test]
    fn mismatched_copy_falls_back_to_original() {
        let d = Doc::new("工人罢工", "工人");
        assert_eq!(d.m, "工人罢工");
    }
}
