//! Recognising headlines: a title with its date in parentheses, wrapped in
//! quote or bracket marks or not, the marks possibly unbalanced.
//!
//! All ranges are byte ranges into the string passed in.

use crate::date::parse_date_range;
use crate::script::{Mass, Script, closer_balanced, is_closer, is_opener, is_terminal, matching_close};
use std::ops::Range;
use unrest_codebook::PartialDate;

/// Longest Chinese headline title, in characters.
const ZH_TITLE_MAX: usize = 100;
/// Longest English headline title, in characters.
const EN_TITLE_MAX: usize = 300;
/// How far into a line an inline headline's date parentheses may sit.
const INLINE_SCAN: usize = 150;

/// A headline found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Headline {
    /// The headline as written: marks and date included.
    pub headline: Range<usize>,
    /// The title alone: no date parentheses, no wrapping marks.
    pub title: Range<usize>,
    /// The text inside the date parentheses.
    pub date: Option<Range<usize>>,
    pub dates: Option<(PartialDate, PartialDate)>,
}

impl Headline {
    pub fn shift(self, by: usize) -> Headline {
        let sh = |r: Range<usize>| r.start + by..r.end + by;
        Headline {
            headline: sh(self.headline),
            title: sh(self.title),
            date: self.date.map(sh),
            dates: self.dates,
        }
    }
}

/// A headline that opens a line and is followed by body text on the same
/// line: `「标题(2025.11.05)」正文……`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Inline {
    pub head: Headline,
    /// A closing mark follows the date parentheses.
    pub closer: bool,
    /// Where the body text begins.
    pub rest: usize,
}

/// `range` with surrounding whitespace removed.
pub(crate) fn trimmed(s: &str, range: Range<usize>) -> Range<usize> {
    let inner = &s[range.clone()];
    let start = range.start + (inner.len() - inner.trim_start().len());
    let end = range.end - (inner.len() - inner.trim_end().len());
    if start >= end { start..start } else { start..end }
}

fn next_char(s: &str, at: usize, end: usize) -> Option<char> {
    s.get(at..end)?.chars().next()
}

fn skip_ws(s: &str, mut p: usize, end: usize) -> usize {
    while let Some(c) = next_char(s, p, end) {
        if !c.is_whitespace() {
            break;
        }
        p += c.len_utf8();
    }
    p
}

/// Length of Markdown heading or emphasis marks opening a line (`## `, `**`).
fn md_prefix(s: &str) -> usize {
    let mut p = 0;
    let hashes = s.len() - s.trim_start_matches('#').len();
    if hashes > 0 && hashes <= 6 && s[hashes..].chars().next().is_none_or(char::is_whitespace) {
        p = skip_ws(s, hashes, s.len());
    }
    for mark in ["**", "__"] {
        if s[p..].starts_with(mark) {
            p += mark.len();
        }
    }
    p
}

/// Length of a list number opening a headline (`1. `, `2、`, `三、`, `(4)`,
/// `⑤`), so numbered bulletins do not put the number in the title.
fn enum_prefix(s: &str) -> usize {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let numerals = s.len() - s.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c)).len();
    let mut p = if (1..=2).contains(&digits) {
        let rest = &s[digits..];
        match rest.chars().next() {
            Some(c @ ('.' | '．')) if !rest[c.len_utf8()..].starts_with(|n: char| n.is_ascii_digit()) => {
                digits + c.len_utf8()
            }
            Some(c @ ('、' | ')' | '）')) => digits + c.len_utf8(),
            _ => 0,
        }
    } else if numerals > 0 && numerals <= 9 && s[numerals..].starts_with('、') {
        numerals + '、'.len_utf8()
    } else if let Some(c) = s.chars().next()
        && ('\u{2460}'..='\u{2473}').contains(&c)
    {
        c.len_utf8()
    } else {
        let inner = s.strip_prefix(['(', '（']).unwrap_or("");
        let d = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if (1..=2).contains(&d) && inner[d..].starts_with([')', '）']) {
            s.len() - inner.len() + d + inner[d..].chars().next().map_or(0, char::len_utf8)
        } else {
            0
        }
    };
    if p > 0 {
        p = skip_ws(s, p, s.len());
    }
    p
}

/// Strips whitespace, emphasis and wrapping marks from a title.
///
/// A leading opening mark goes when it is unbalanced in the title or when a
/// closing mark follows the date (`outer_closer`); a title wrapped whole
/// (`「标题」`) loses both marks; a trailing closing mark goes only when it
/// closes nothing in the title, so `“一带一路”变“一欠一路”` stays intact.
pub(crate) fn strip_wrappers(line: &str, a: usize, b: usize, outer_closer: bool) -> Range<usize> {
    let Range { mut start, mut end } = trimmed(line, a..b);
    for mark in ["**", "__"] {
        if line[start..end].starts_with(mark) {
            start += mark.len();
        }
        if line[start..end].ends_with(mark) {
            end -= mark.len();
        }
    }
    let Range { start, end } = trimmed(line, start..end);
    let s = &line[start..end];
    let (mut start, mut end) = (start, end);
    if let Some(first) = s.chars().next() {
        if is_opener(first) {
            match matching_close(s) {
                Some(m) if start + m + s[m..].chars().next().map_or(0, char::len_utf8) == end => {
                    start += first.len_utf8();
                    end = start + (m - first.len_utf8());
                }
                Some(_) if !outer_closer => {}
                _ => start += first.len_utf8(),
            }
        } else if let Some(last) = s.chars().next_back()
            && is_closer(last)
            && !closer_balanced(&s[..s.len() - last.len_utf8()], last)
        {
            end -= last.len_utf8();
        }
    }
    trimmed(line, start..end)
}

/// A whole line that is a dated headline: the date parentheses at its end
/// (`标题(2025.11.17)`, `“Title (Nov 15, 2025)”`, `[标题(2025.11.05-07)」`) or
/// at its start (`(2025.11.17) 标题`, `【2025.11.17】标题`).
pub(crate) fn dated_headline(line: &str) -> Option<Headline> {
    let Range { start: a, end: b } = trimmed(line, 0..line.len());
    if a >= b || b - a > 4 * EN_TITLE_MAX {
        return None;
    }
    let start = a + md_prefix(&line[a..b]);
    let start = start + enum_prefix(&line[start..b]);
    let mut end = b;
    while let Some(c) = line[start..end].chars().next_back() {
        if c.is_whitespace() || is_closer(c) || is_opener(c) || matches!(c, '*' | '_' | '#') {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    let outer_closer = line[end..b].chars().any(|c| is_closer(c) || is_opener(c));
    let last = line[start..end].chars().next_back()?;
    if last != ')' && last != '）' {
        return leading_dated(line, a, start, b);
    }
    let close = end - last.len_utf8();
    let open = start + line[start..close].rfind(['(', '（'])?;
    let inner = open + next_char(line, open, close)?.len_utf8()..close;
    let dates = parse_date_range(&line[inner.clone()])?;
    dates.0.month?;
    let title = strip_wrappers(line, start, open, outer_closer);
    (!title.is_empty()).then_some(Headline {
        headline: a..b,
        title,
        date: Some(inner),
        dates: Some(dates),
    })
}

fn leading_dated(line: &str, a: usize, start: usize, b: usize) -> Option<Headline> {
    let open = next_char(line, start, b)?;
    let inner_start = start + open.len_utf8();
    let rel = match open {
        '(' | '（' => line[inner_start..b].find([')', '）'])?,
        '【' => line[inner_start..b].find('】')?,
        '[' => line[inner_start..b].find(']')?,
        _ => return None,
    };
    if rel > 100 {
        return None;
    }
    let inner = inner_start..inner_start + rel;
    let dates = parse_date_range(&line[inner.clone()])?;
    dates.0.month?;
    let mut p = inner.end + next_char(line, inner.end, b)?.len_utf8();
    while let Some(c) = next_char(line, p, b) {
        if c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ':' | '：' | '·') {
            p += c.len_utf8();
        } else {
            break;
        }
    }
    let mut end = b;
    while let Some(c) = line[p..end].chars().next_back() {
        if c.is_whitespace() || matches!(c, '*' | '_' | '#') {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    let title = strip_wrappers(line, p, end, false);
    (!title.is_empty()).then_some(Headline {
        headline: a..b,
        title,
        date: Some(inner),
        dates: Some(dates),
    })
}

/// A headline with its date that opens a line and runs on into body text.
/// Returns `None` when nothing follows the headline (that is a whole-line
/// headline, see [`dated_headline`]).
pub(crate) fn inline_headline(line: &str) -> Option<Inline> {
    let Range { start: a, end: b } = trimmed(line, 0..line.len());
    let start = a + md_prefix(&line[a..b]);
    let start = start + enum_prefix(&line[start..b]);
    for (n, (i, c)) in line[start..b].char_indices().enumerate() {
        if n > INLINE_SCAN || c == '。' {
            break;
        }
        if c != '(' && c != '（' {
            continue;
        }
        let open = start + i;
        let after_open = open + c.len_utf8();
        let Some(rel) = line[after_open..b].find([')', '）']) else {
            break;
        };
        if rel > 100 {
            continue;
        }
        let inner = after_open..after_open + rel;
        let Some(dates) = parse_date_range(&line[inner.clone()]) else {
            continue;
        };
        if dates.0.month.is_none() {
            continue;
        }
        let close_end = inner.end + next_char(line, inner.end, b).map_or(1, char::len_utf8);
        let mut p = close_end;
        let mut head_end = close_end;
        let mut closer = false;
        p = skip_ws(line, p, b);
        while let Some(c) = next_char(line, p, b)
            && is_closer(c)
        {
            closer = true;
            p += c.len_utf8();
            head_end = p;
        }
        p = skip_ws(line, p, b);
        if p >= b {
            return None;
        }
        let title = strip_wrappers(line, start, open, closer);
        if title.is_empty() {
            return None;
        }
        return Some(Inline {
            head: Headline {
                headline: a..head_end.min(b),
                title,
                date: Some(inner),
                dates: Some(dates),
            },
            closer,
            rest: p,
        });
    }
    None
}

fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

/// The end of a repetition of `title` opening `line` (`「标题(2025.11.05)」`,
/// `标题(2025.11.05)」`, `「标题」`), where the body text begins. The repetition
/// needs a mark (an opening or closing mark or the date) unless it is the
/// whole line, so a body that merely starts with the same words is kept.
pub(crate) fn repeated_headline(line: &str, title: &str) -> Option<usize> {
    if title.trim().is_empty() {
        return None;
    }
    let Range { start: a, end: b } = trimmed(line, 0..line.len());
    let mut p = a + md_prefix(&line[a..b]);
    p += enum_prefix(&line[p..b]);
    let mut marked = false;
    if let Some(c) = next_char(line, p, b)
        && is_opener(c)
    {
        p += c.len_utf8();
        marked = true;
    }
    for tc in title.chars().filter(|c| !c.is_whitespace()) {
        p = skip_ws(line, p, b);
        let c = next_char(line, p, b)?;
        if fold(c) != fold(tc) {
            return None;
        }
        p += c.len_utf8();
    }
    p = skip_ws(line, p, b);
    if let Some(c) = next_char(line, p, b)
        && (c == '(' || c == '（')
    {
        let after_open = p + c.len_utf8();
        if let Some(rel) = line[after_open..b].find([')', '）'])
            && rel <= 100
            && parse_date_range(&line[after_open..after_open + rel]).is_some()
        {
            p = after_open + rel + next_char(line, after_open + rel, b).map_or(1, char::len_utf8);
            marked = true;
        }
    }
    p = skip_ws(line, p, b);
    while let Some(c) = next_char(line, p, b)
        && is_closer(c)
    {
        p += c.len_utf8();
        marked = true;
    }
    p = skip_ws(line, p, b);
    (marked || p >= b).then_some(p)
}

/// Whether two titles name the same report: equal up to spacing, marks and
/// case, or close by character bigrams (a headline edited between its
/// heading and its repetition).
pub(crate) fn similar(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .map(fold)
            .flat_map(char::to_lowercase)
            .take(400)
            .collect()
    };
    let (x, y) = (norm(a), norm(b));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    if x == y {
        return true;
    }
    let bigrams = |v: &[char]| -> Vec<(char, char)> { v.windows(2).map(|w| (w[0], w[1])).collect() };
    let (bx, mut by) = (bigrams(&x), bigrams(&y));
    let total = bx.len() + by.len();
    if total == 0 {
        return false;
    }
    let mut common = 0;
    for g in &bx {
        if let Some(pos) = by.iter().position(|h| h == g) {
            by.swap_remove(pos);
            common += 1;
        }
    }
    common * 20 >= total * 7
}

/// A title that can head a Chinese report.
pub(crate) fn zh_title_ok(title: &str) -> bool {
    let m = Mass::of(title);
    m.script() == Script::Zh && m.cjk >= 2 && title.chars().count() <= ZH_TITLE_MAX && !title.contains('。')
}

/// A title that can head an English report.
pub(crate) fn en_title_ok(title: &str) -> bool {
    let m = Mass::of(title);
    m.script() == Script::En && m.words >= 2 && title.chars().count() <= EN_TITLE_MAX
}

/// An English headline without a date opening `s` (a line or the English
/// tail of a Chinese line): a title wrapped in marks, followed by body text
/// when `inline`; or, when `has_more` text follows, a short line that does not
/// end like a sentence. Returns the title and the end of the headline.
pub(crate) fn undated_headline(s: &str, inline: bool, has_more: bool) -> Option<(Range<usize>, usize)> {
    let Range { start: a, end: b } = trimmed(s, 0..s.len());
    let start = a + md_prefix(&s[a..b]);
    let first = next_char(s, start, b)?;
    if is_opener(first)
        && let Some(m) = matching_close(&s[start..b])
    {
        let close_end = start + m + next_char(s, start + m, b).map_or(1, char::len_utf8);
        let title = trimmed(s, start + first.len_utf8()..start + m);
        let rest = skip_ws(s, close_end, b);
        let wrapped_whole = rest >= b && has_more;
        let wrapped_lead = inline && rest < b && rest > close_end;
        let ends_like_prose = s[title.clone()].chars().next_back().is_some_and(is_terminal);
        if (wrapped_whole || wrapped_lead) && !ends_like_prose && en_title_ok(&s[title.clone()]) {
            return Some((title, close_end));
        }
    }
    if !has_more || b - start > 4 * EN_TITLE_MAX {
        return None;
    }
    let text = &s[start..b];
    let words = text.split_whitespace().count();
    let last = text
        .chars()
        .rev()
        .find(|c| !is_closer(*c) && !c.is_whitespace() && *c != '*')?;
    let bullet = matches!(first, '-' | '—' | '–' | '*' | '•' | '·' | '>' | '(' | '（')
        || text.split_whitespace().next().is_some_and(|w| {
            let digits = w.trim_end_matches(['.', ')', '、']);
            !digits.is_empty() && digits.len() < w.len() && digits.bytes().all(|c| c.is_ascii_digit())
        });
    if words > 30 || text.chars().count() > 200 || is_terminal(last) || bullet {
        return None;
    }
    let title = strip_wrappers(s, start, b, false);
    en_title_ok(&s[title.clone()]).then_some((title, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_of(line: &str) -> Option<&str> {
        dated_headline(line).map(|h| &line[h.title])
    }

    #[test]
    fn dated_headlines_in_every_wrapping() {
        assert_eq!(title_of("工厂工人罢工讨薪(2025.11.05)"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("「工厂工人罢工讨薪(2025.11.05)」"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("「工厂工人罢工讨薪」(2025.11.05)"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("[工厂工人罢工讨薪(2025.11.05-07)」"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("“工厂工人罢工讨薪（2025.11.05）”"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("## 工厂工人罢工讨薪(2025.11.05)"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("(2025.11.05) 工厂工人罢工讨薪"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("【2025.11.05】工厂工人罢工讨薪"), Some("工厂工人罢工讨薪"));
        assert_eq!(
            title_of("“Workers ‘Walk Out’ at Plant (Nov 5, 2025)”"),
            Some("Workers ‘Walk Out’ at Plant")
        );
        assert_eq!(title_of("[Workers Walk Out (Nov 5–7, 2025)]"), Some("Workers Walk Out"));
        assert_eq!(
            title_of("Residents Say “Enough” (Nov 5, 2025)"),
            Some("Residents Say “Enough”")
        );
        assert_eq!(
            title_of("“一带一路”变“一欠一路”(2025.11.05)"),
            Some("“一带一路”变“一欠一路”")
        );
        assert_eq!(
            title_of("“老板”跑路,工人“讨说法”(2025.11.05)"),
            Some("“老板”跑路,工人“讨说法”")
        );
        assert_eq!(title_of("1. 工厂工人罢工讨薪(2025.11.05)"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("二、工厂工人罢工讨薪(2025.11.05)"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("(3)工厂工人罢工讨薪(2025.11.05)"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("④「工厂工人罢工讨薪」(2025.11.05)"), Some("工厂工人罢工讨薪"));
        assert_eq!(title_of("1.1亿元理财爆雷(2025.11.05)"), Some("1.1亿元理财爆雷"));
        assert_eq!(title_of("10月工人罢工潮(2025.10)"), Some("10月工人罢工潮"));
        assert_eq!(title_of("本周四(11月13日)"), None);
        assert_eq!(title_of("工人罢工(视频)"), None);
        assert_eq!(title_of("(2025.11.05)"), None);
    }

    #[test]
    fn inline_headlines() {
        let line = "「工人罢工(2025.11.05)」工人说……";
        let inl = inline_headline(line).unwrap();
        assert!(inl.closer);
        assert_eq!(&line[inl.head.title.clone()], "工人罢工");
        assert_eq!(&line[inl.rest..], "工人说……");
        let line = "工人罢工(2025.11.05)」工人说……";
        assert_eq!(&line[inline_headline(line).unwrap().rest..], "工人说……");
        assert!(inline_headline("工人罢工(2025.11.05)").is_none());
        assert!(!inline_headline("本周四(2025.11.13),工人").unwrap().closer);
    }

    #[test]
    fn repetitions() {
        fn at(line: &str) -> Option<&str> {
            repeated_headline(line, "工人罢工讨薪").map(|p| &line[p..])
        }
        assert_eq!(at("「工人罢工讨薪(2025.11.05)」正文"), Some("正文"));
        assert_eq!(at("工人罢工讨薪(2025.11.05)」正文"), Some("正文"));
        assert_eq!(at("「工人罢工讨薪」正文"), Some("正文"));
        assert_eq!(at("「工人罢工 讨薪（2025.11.05）」 正文"), Some("正文"));
        assert_eq!(at("工人罢工讨薪"), Some(""));
        assert_eq!(at("工人罢工讨薪的消息传开"), None);
        assert_eq!(at("「别的标题(2025.11.05)」正文"), None);
    }

    #[test]
    fn similarity() {
        assert!(similar("「工人罢工讨薪」", "工人 罢工讨薪"));
        assert!(similar("工人罢工讨薪,三百人参加", "工人罢工讨薪,近三百人参加"));
        assert!(!similar("工人罢工讨薪", "村民反对征地"));
    }

    #[test]
    fn undated_english_headlines() {
        let s = "“Miners Strike Over Wages” In the first half of the month, miners struck.";
        let (t, end) = undated_headline(s, true, false).unwrap();
        assert_eq!(&s[t], "Miners Strike Over Wages");
        assert_eq!(&s[end..], " In the first half of the month, miners struck.");
        assert_eq!(undated_headline(s, false, true), None);
        let s = "Miners Strike Over Wages";
        assert_eq!(undated_headline(s, false, true).map(|(t, _)| &s[t]), Some(s));
        assert_eq!(undated_headline(s, false, false), None);
        assert_eq!(undated_headline("The miners struck on Monday.", false, true), None);
        assert_eq!(undated_headline("1. Unpaid wages for six months", false, true), None);
    }
}
