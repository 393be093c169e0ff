//! Finding raw matches: every span of the text that is some unit's name,
//! overlapping, with all candidate units. Choosing among them is
//! `resolve`'s job.

use crate::build::LOWER_ANCHORS;
use crate::index::{EN_ANCHOR_BASE, Gazetteer};
use crate::names::{AliasKind, COMMON_WORDS, english_key};

/// Longest township or village name, in characters, the backward walk tries.
const MAX_LOWER_CHARS: usize = 16;

/// One span that names at least one unit.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub start: usize,
    pub end: usize,
    /// (unit, alias kind) pairs.
    pub cands: Vec<(u32, AliasKind)>,
    /// Written in Latin letters.
    pub english: bool,
    /// The words are also an ordinary word (see `COMMON_WORDS`).
    pub common: bool,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// All raw matches in `text`, unordered.
pub(crate) fn scan(g: &Gazetteer, text: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let has_ascii_letters = text.bytes().any(|b| b.is_ascii_alphabetic());
    // Lowercasing ASCII keeps every byte offset, so spans found in the copy
    // are spans of `text`.
    let lowered;
    let hay: &str = if has_ascii_letters {
        lowered = text.to_ascii_lowercase();
        &lowered
    } else {
        text
    };
    for m in g.automaton.find_overlapping_iter(hay) {
        let (s, e, v) = (m.start(), m.end(), m.value());
        if v >= EN_ANCHOR_BASE {
            english_lower(g, text, s, e, (v - EN_ANCHOR_BASE) as u8, &mut out);
            continue;
        }
        let key = g.upper.key(v as usize);
        let english = key.is_ascii();
        if english && !english_ok(text, s, e, key) {
            continue;
        }
        let cands: Vec<(u32, AliasKind)> = g
            .upper
            .entries(v as usize)
            .map(|(u, k)| (u, AliasKind::from_u8(k)))
            .collect();
        let common = !english && key.len() == 6 && COMMON_WORDS.contains(&key);
        out.push(Raw {
            start: s,
            end: e,
            cands,
            english,
            common,
        });
    }
    chinese_lower(g, text, &mut out);
    out
}

/// English matches must be whole words, start with a capital letter, and
/// very short keys ("uk") must match letter case exactly.
fn english_ok(text: &str, s: usize, e: usize, key: &str) -> bool {
    if is_word_char(text[..s].chars().next_back()) || is_word_char(text[e..].chars().next()) {
        return false;
    }
    let written = &text[s..e];
    if !written.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        return false;
    }
    key.len() > 3 || written.chars().all(|c| !c.is_ascii_lowercase())
}

/// Township and village names end in one of a few characters; at each such
/// character walk left through the keys sorted by reversed characters.
fn chinese_lower(g: &Gazetteer, text: &str, out: &mut Vec<Raw>) {
    let t = &g.lower;
    if t.len() == 0 {
        return;
    }
    for (i, c) in text.char_indices() {
        if !LOWER_ANCHORS.contains(&c) {
            continue;
        }
        let end = i + c.len_utf8();
        let (mut lo, mut hi) = (0usize, t.len());
        let mut pos = end;
        for depth in 0..MAX_LOWER_CHARS {
            let Some(ch) = text[..pos].chars().next_back() else {
                break;
            };
            let nth = |k: usize| t.key(k).chars().rev().nth(depth);
            lo += partition(lo, hi, |k| nth(k).is_none_or(|x| x < ch));
            hi = lo + partition(lo, hi, |k| nth(k).is_some_and(|x| x == ch));
            if lo >= hi {
                break;
            }
            pos -= ch.len_utf8();
            if t.key(lo).chars().count() == depth + 1 && depth >= 1 {
                let cands = t.entries(lo).map(|(u, k)| (u, AliasKind::from_u8(k))).collect();
                out.push(Raw {
                    start: pos,
                    end,
                    cands,
                    english: false,
                    common: false,
                });
            }
        }
    }
}

/// Count of leading indices in `lo..hi` for which `pred` holds (`pred` must
/// be true then false over the range).
fn partition(lo: usize, hi: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut a, mut b) = (lo, hi);
    while a < b {
        let mid = (a + b) / 2;
        if pred(mid) { a = mid + 1 } else { b = mid }
    }
    a - lo
}

/// "Beihai Village": the anchor word at `s..e`, preceded by one to three
/// capitalised words that spell a township or village in pinyin.
fn english_lower(g: &Gazetteer, text: &str, s: usize, e: usize, class: u8, out: &mut Vec<Raw>) {
    if is_word_char(text[..s].chars().next_back()) || is_word_char(text[e..].chars().next()) {
        return;
    }
    let mut word_end = s;
    let mut starts = Vec::new();
    for _ in 0..3 {
        let before = &text[..word_end];
        let trimmed = before.trim_end_matches([' ', '-']);
        if trimmed.len() == before.len() && !starts.is_empty() {
            break;
        }
        let w_start = trimmed
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphabetic() || matches!(c, '\'' | '\u{2019}'))
            .last()
            .map(|(i, _)| i);
        let Some(ws) = w_start else { break };
        if !text[ws..].starts_with(|c: char| c.is_ascii_uppercase()) {
            break;
        }
        starts.push(ws);
        word_end = ws;
    }
    for &ws in starts.iter().rev() {
        let key = english_key(&text[ws..s]);
        if let Some(k) = g.lower_en.find(&key) {
            let cands: Vec<(u32, AliasKind)> = g
                .lower_en
                .entries(k)
                .filter(|&(_, c)| c == class)
                .map(|(u, _)| (u, AliasKind::English))
                .collect();
            if !cands.is_empty() {
                out.push(Raw {
                    start: ws,
                    end: e,
                    cands,
                    english: true,
                    common: false,
                });
                return;
            }
        }
    }
}
