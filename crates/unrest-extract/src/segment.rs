//! Splitting a report into the part to code, its paragraphs and sentences.
//!
//! Bilingual bulletins are coded from the Chinese half (the English half is
//! a translation); reports without Chinese are coded from the English text.

use unrest_codebook::Report;

/// The language a region is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Chinese,
    English,
}

/// The part of the report text that is coded, as byte ranges of the text.
#[derive(Debug, Clone)]
pub(crate) struct Regions {
    /// The headline as it appears in the text, if it can be found.
    pub headline: Option<(usize, usize)>,
    /// The body to code.
    pub body: (usize, usize),
    /// The language of `body`.
    pub script: Script,
}

/// Share of CJK characters among the letters of `s`.
pub(crate) fn cjk_share(s: &str) -> f32 {
    let mut cjk = 0usize;
    let mut letters = 0usize;
    for c in s.chars().take(4000) {
        if is_cjk(c) {
            cjk += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters == 0 { 0.0 } else { cjk as f32 / letters as f32 }
}

/// A CJK unified ideograph.
pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn locate(text: &str, part: &str) -> Option<(usize, usize)> {
    let p = part.trim();
    if p.is_empty() {
        return None;
    }
    // search for a short prefix, then check the whole part there (cheaper
    // than a full substring search for a long body)
    let mut cut = p.len().min(48);
    while !p.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &p[..cut];
    let mut from = 0;
    while let Some(i) = text[from..].find(head) {
        let s = from + i;
        if text[s..].starts_with(p) {
            return Some((s, s + p.len()));
        }
        from = s + head.len().max(1);
        while from < text.len() && !text.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// Decides what to code. `m` is the matching text (same positions as the
/// report text); the report's slices are located in it.
pub(crate) fn regions(report: &Report, m: &str) -> Regions {
    let text = report.text.as_str();
    let find = |part: &Option<String>| part.as_deref().and_then(|p| locate(text, p));
    let zh_body = find(&report.body_zh);
    let en_body = find(&report.body_en);
    if let Some(body) = zh_body {
        let headline = find(&report.title_zh).filter(|h| h.0 <= body.0);
        return Regions {
            headline,
            body,
            script: Script::Chinese,
        };
    }
    if report.body_zh.is_none() && report.body_en.is_none() {
        // a plain report: the whole text, in whichever script dominates
        let script = if cjk_share(m) >= 0.3 {
            Script::Chinese
        } else {
            Script::English
        };
        let title = if script == Script::Chinese {
            report.title_zh.as_ref().or(report.title_en.as_ref())
        } else {
            report.title_en.as_ref().or(report.title_zh.as_ref())
        };
        let headline = title.and_then(|t| locate(text, t));
        return Regions {
            headline,
            body: (0, m.len()),
            script,
        };
    }
    if let Some(body) = en_body {
        let headline = find(&report.title_en).filter(|h| h.0 <= body.0);
        return Regions {
            headline,
            body,
            script: Script::English,
        };
    }
    // slices that are not verbatim in the text: code the whole text
    let script = if cjk_share(m) >= 0.3 {
        Script::Chinese
    } else {
        Script::English
    };
    Regions {
        headline: None,
        body: (0, m.len()),
        script,
    }
}

/// One sentence (or list item, or headline copy) of the body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence {
    pub s: usize,
    pub e: usize,
    /// Index of the paragraph it belongs to.
    pub para: usize,
    /// The bulletin repeats the headline in 「」 at the start of the body;
    /// that copy is not a sentence of the story.
    pub headline_copy: bool,
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Co", "Ltd", "Inc", "St", "No", "p.m", "a.m", "U.S", "vs", "Jan", "Feb", "Aug", "Sept",
    "Oct", "Nov", "Dec", "Gov", "Prof",
];

/// Splits `m[from..to]` into sentences.
pub(crate) fn sentences(m: &str, from: usize, to: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut para = 0usize;
    let mut start = from;
    let mut para_start = from;
    let bytes = m.as_bytes();
    let push = |s: usize, e: usize, para: usize, headline_copy: bool, out: &mut Vec<Sentence>| {
        let seg = &m[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if e - trail > s + lead {
            out.push(Sentence {
                s: s + lead,
                e: e - trail,
                para,
                headline_copy,
            });
        }
    };
    let mut it = m[from..to].char_indices().peekable();
    while let Some((off, c)) = it.next() {
        let i = from + off;
        let next = i + c.len_utf8();
        match c {
            '\n' => {
                push(start, i, para, false, &mut out);
                start = next;
                if !m[para_start..i].trim().is_empty() {
                    para += 1;
                }
                para_start = next;
            }
            '。' | '！' | '？' | '；' | '!' | '?' | ';' => {
                // keep closing quotes with their sentence
                let mut e = next;
                while let Some(&(_, q)) = it.peek() {
                    if matches!(q, '”' | '"' | '」' | '』' | ')' | '）' | '’') {
                        e += q.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                push(start, e, para, false, &mut out);
                start = e;
            }
            '」' | '】' | ']' => {
                // a headline copy ends with its date in parentheses: 「…(2025.11.17)」
                let before = m[start..i].trim_end();
                if (before.ends_with(')') || before.ends_with('）')) && m[para_start..start].trim().is_empty() {
                    push(start, next, para, true, &mut out);
                    start = next;
                }
            }
            '.' => {
                // English sentence end: ". " + capital, quote or digit
                let after = &m[next..to];
                let after_trim = after.trim_start_matches([' ', '\t']);
                let spaced = after.len() != after_trim.len();
                let starts_new = after_trim
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '\'' | '‘'));
                let word_before = m[start..i]
                    .rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '.')
                    .next();
                let abbrev = word_before.is_some_and(|w| ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w)))
                    || word_before.is_some_and(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()));
                let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
                if spaced
                    && starts_new
                    && !abbrev
                    && !(digit_before && after_trim.starts_with(|c: char| c.is_ascii_digit()))
                {
                    push(start, next, para, false, &mut out);
                    start = next;
                }
            }
            _ => {}
        }
    }
    push(start, to, para, false, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_chinese_sentences_and_headline_copy() {
        let t = "「工人罢工(2025.11.17)」11月17日,工人罢工。老板“不在”。\n\n次日复工!";
        let v = sentences(t, 0, t.len());
        let texts: Vec<&str> = v.iter().map(|s| &t[s.s..s.e]).collect();
        assert_eq!(
            texts,
            [
                "「工人罢工(2025.11.17)」",
                "11月17日,工人罢工。",
                "老板“不在”。",
                "次日复工!"
            ]
        );
        assert!(v[0].headline_copy);
        assert_eq!(v[3].para, 1);
    }

    #[test]
    fn splits_english_sentences_but_not_abbreviations() {
        let t = "Ms. Deng spoke at 4 p.m. Police came. It cost 1.1 billion yuan. Done";
        let v = sentences(t, 0, t.len());
        let texts: Vec<&str> = v.iter().map(|s| &t[s.s..s.e]).collect();
        assert_eq!(
            texts,
            [
                "Ms. Deng spoke at 4 p.m. Police came.",
                "It cost 1.1 billion yuan.",
                "Done"
            ]
        );
    }

    #[test]
    fn plain_english_report_is_english() {
        let r = Report {
            title_zh: None,
            title_en: Some("Drivers strike".into()),
            body_zh: None,
            body_en: None,
            text: "Drivers strike\n\nDrivers went on strike.".into(),
            lang: unrest_codebook::Lang::En,
            script: Default::default(),
            start_date: None,
            end_date: None,
            published: None,
            url: None,
            source: None,
        };
        let g = regions(&r, &r.text);
        assert_eq!(g.script, Script::English);
        assert_eq!(g.headline, Some((0, 14)));
    }
}
