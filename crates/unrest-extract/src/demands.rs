//! Demands, each as written: the clause that follows a demand cue
//! ("要求归还投资资金", "demanding the relocation of ..."). In an enumerated
//! list of demands ("一.要求…。二.要求…") each item runs to its full stop.

use crate::lexicon::Cat;
use crate::split::Analysis;

/// Byte spans of the demands in `ranges`, in text order, without repeats.
pub(crate) fn find(a: &Analysis, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let m = a.doc.m;
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in ranges {
        for h in a.hits_in(s, e).filter(|h| h.cat == Cat::Demand) {
            if a.negated(h) {
                continue;
            }
            let word = &m[h.s..h.e];
            let after = &m[h.e..e];
            // "诉求:" introduces a list; the items carry their own cue
            if after.starts_with([':', '\u{ff1a}']) {
                continue;
            }
            let enumerated = m[crate::evidence::floor_boundary(m, s.max(h.s.saturating_sub(8)))..h.s]
                .chars()
                .rev()
                .take(3)
                .any(|c| matches!(c, '.' | '、' | '\u{ff0e}' | ')' | '\u{ff09}'))
                && m[..h.s].chars().rev().nth(1).is_some_and(|c| {
                    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
                        || c.is_ascii_digit()
                });
            let stops: &[char] = if enumerated {
                &['。', '\n', ';', ';']
            } else {
                &[
                    ',', '\u{ff0c}', '。', '\n', ';', '\u{ff1b}', '!', '\u{ff01}', '?', '\u{ff1f}',
                ]
            };
            let end = after.find(stops).map(|i| h.e + i).unwrap_or(e);
            let start = if word.is_ascii() { h.e } else { h.s };
            let span_text = m[start..end].trim();
            if span_text.chars().count() < 3 || span_text.chars().count() > 80 {
                continue;
            }
            let lead = m[start..end].len() - m[start..end].trim_start().len();
            let s2 = start + lead;
            let e2 = s2 + span_text.len();
            if !out.iter().any(|&(x, y)| x <= s2 && e2 <= y) {
                out.push((s2, e2));
            }
        }
    }
    out
}
