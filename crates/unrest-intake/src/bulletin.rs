//! Bulletin pages: a heading, then reports, each a dated Chinese headline,
//! the Chinese body, then the English headline and body.
//!
//! The splitter works in two passes over the lines.
//!
//! 1. **Where reports start.** Each line is classed: a dated headline (date
//!    parentheses at its end or start) in Chinese or English, a Chinese
//!    headline running on into body text (`标题(2025.11.05)」正文`), blank, or
//!    text. A dated Chinese headline starts a report unless it repeats the
//!    headline of a report that has no body yet. A dated English headline
//!    joins the current Chinese report as its English half while that report
//!    is still mostly Chinese; otherwise it starts an English-only report.
//! 2. **Halves of each report.** The Chinese body starts after the headline
//!    and its repetition. The English half starts at the attached English
//!    headline if there is one; otherwise at the point that best separates
//!    Chinese from English text, where an English tail of a Chinese line
//!    (an English headline sitting inline at the end of a Chinese
//!    paragraph) counts as a piece of its own. The first English piece is the
//!    English headline when it is shaped like one.

use crate::date::parse_date_range;
use crate::headline::{
    Headline, dated_headline, en_title_ok, inline_headline, repeated_headline, similar, trimmed, undated_headline,
    zh_title_ok,
};
use crate::script::{Mass, Script, is_cjk, is_closer, is_opener, is_terminal};
use std::ops::Range;
use unrest_codebook::{Lang, PartialDate, Report};

/// English text needed (in Latin letters) before a report is given an
/// English half without an English headline.
const MIN_EN_LETTERS: usize = 40;

/// One report found on a bulletin page, as byte ranges into the page text.
///
/// Exposed so tools and tests can show exactly how a page was cut up, and so
/// later steps can map positions in a report back to the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulletinEntry {
    /// The whole report: from its first headline through the end of its last
    /// body line. This is the report's `text`.
    pub span: Range<usize>,
    /// The Chinese half, when the report has one.
    pub zh: Option<BulletinHalf>,
    /// The English half, when the report has one.
    pub en: Option<BulletinHalf>,
    /// The repetition of the headline that opens the Chinese body
    /// (`「标题(2025.11.05)」`), kept out of `zh.body`.
    pub repeated_headline: Option<Range<usize>>,
}

/// One language half of a bulletin report, as byte ranges into the page.
///
/// Kept per language so pages can show one language and link the other, and
/// so the Chinese and English titles of one report stay paired.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulletinHalf {
    /// The headline as written, marks and date included.
    pub headline: Option<Range<usize>>,
    /// The headline without its date parentheses and wrapping marks.
    pub title: Option<Range<usize>>,
    /// The text inside the headline's date parentheses.
    pub date: Option<Range<usize>>,
    /// The body text, headline excluded.
    pub body: Option<Range<usize>>,
}

impl BulletinHalf {
    /// The headline's date range, parsed from `date` in the page `text`;
    /// a convenience for tools that show where a date was read from.
    pub fn date_range(&self, text: &str) -> Option<(PartialDate, PartialDate)> {
        self.date.clone().and_then(|r| text.get(r)).and_then(parse_date_range)
    }
}

impl BulletinEntry {
    /// The report's date range: the Chinese headline's, else the English
    /// one's (the Chinese headline is the one the bulletin writes first, so it
    /// wins when the two disagree).
    pub fn date_range(&self, text: &str) -> Option<(PartialDate, PartialDate)> {
        self.zh
            .as_ref()
            .and_then(|h| h.date_range(text))
            .or_else(|| self.en.as_ref().and_then(|h| h.date_range(text)))
    }
}

#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

#[derive(Debug, Clone)]
enum Kind {
    Blank,
    ZhHead(Headline),
    EnHead(Headline),
    /// A Chinese headline running on into body text; `usize` is where the body starts.
    ZhInline(Headline, usize),
    Text(Mass),
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(Line { start, end: i });
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Line { start, end: text.len() });
    }
    for l in &mut out {
        if text[l.start..l.end].ends_with('\r') {
            l.end -= 1;
        }
    }
    out
}

fn classify(text: &str, l: Line) -> Kind {
    let s = &text[l.start..l.end];
    if s.trim().is_empty() {
        return Kind::Blank;
    }
    if let Some(h) = dated_headline(s) {
        let title = &s[h.title.clone()];
        if zh_title_ok(title) {
            return Kind::ZhHead(h.shift(l.start));
        }
        if en_title_ok(title) {
            return Kind::EnHead(h.shift(l.start));
        }
    }
    if let Some(inl) = inline_headline(s)
        && inl.closer
        && zh_title_ok(&s[inl.head.title.clone()])
    {
        return Kind::ZhInline(inl.head.shift(l.start), inl.rest + l.start);
    }
    Kind::Text(Mass::of(s))
}

/// Whether `text` reads as a bulletin page: a dated headline, and before the
/// first one nothing but a page heading or navigation (no prose that reading
/// it as a bulletin would drop), unless there are several dated headlines.
pub(crate) fn looks_like_bulletin(text: &str) -> bool {
    let mut prose_before = false;
    let mut found = 0;
    for l in lines(text) {
        match classify(text, l) {
            Kind::ZhHead(_) | Kind::EnHead(_) | Kind::ZhInline(..) => {
                found += 1;
                if !prose_before || found >= 2 {
                    return true;
                }
            }
            Kind::Text(m) if found == 0 => {
                let s = text[l.start..l.end].trim();
                let long = s.chars().count() > 100;
                let sentence = s.chars().count() > 30 && s.chars().next_back().is_some_and(is_terminal);
                prose_before |= (long || sentence) && m.script() != Script::Neutral;
            }
            _ => {}
        }
    }
    false
}

#[derive(Debug, Default)]
struct Current {
    zh_title: Option<String>,
    has_body: bool,
    en_attached: bool,
    zh_weight: usize,
    en_weight: usize,
    /// Script of the last line with words in it.
    last: Option<Script>,
}

impl Current {
    fn add(&mut self, m: Mass) {
        self.has_body = true;
        self.zh_weight += m.zh_weight();
        self.en_weight += m.latin;
        if m.script() != Script::Neutral {
            self.last = Some(m.script());
        }
    }
}

/// Pass 1: the line indices where reports start, plus the lines that repeat a
/// headline and the English headlines attached to a Chinese report.
struct Plan {
    starts: Vec<usize>,
    repeats: Vec<bool>,
    attached: Vec<bool>,
}

fn plan(text: &str, kinds: &[Kind]) -> Plan {
    let mut p = Plan {
        starts: Vec::new(),
        repeats: vec![false; kinds.len()],
        attached: vec![false; kinds.len()],
    };
    let mut cur: Option<Current> = None;
    for (i, kind) in kinds.iter().enumerate() {
        match kind {
            Kind::Blank => {}
            Kind::ZhHead(h) | Kind::ZhInline(h, _) => {
                let title = &text[h.title.clone()];
                let repeat = cur
                    .as_ref()
                    .is_some_and(|c| !c.has_body && c.zh_title.as_deref().is_some_and(|t| similar(t, title)));
                if !repeat {
                    p.starts.push(i);
                    cur = Some(Current {
                        zh_title: Some(title.to_string()),
                        ..Current::default()
                    });
                } else {
                    p.repeats[i] = true;
                }
                if let (Kind::ZhInline(_, rest), Some(c)) = (kind, cur.as_mut()) {
                    c.add(Mass::of(&text[*rest..line_end(text, *rest)]));
                }
            }
            Kind::EnHead(_) => {
                // The English half starts here if the report so far is mostly
                // Chinese, or at least ends in Chinese (an English quote inside
                // the Chinese body does not make it an English half).
                let attach = cur.as_ref().is_some_and(|c| {
                    c.zh_title.is_some()
                        && !c.en_attached
                        && (c.en_weight * 3 < c.zh_weight || c.en_weight == 0 || c.last == Some(Script::Zh))
                });
                if attach {
                    p.attached[i] = true;
                    if let Some(c) = cur.as_mut() {
                        c.en_attached = true;
                        c.has_body = true;
                    }
                } else {
                    p.starts.push(i);
                    cur = Some(Current {
                        en_attached: true,
                        has_body: true,
                        ..Current::default()
                    });
                }
            }
            Kind::Text(m) => {
                if let Some(c) = cur.as_mut() {
                    c.add(*m);
                }
            }
        }
    }
    p
}

fn line_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |i| from + i)
}

/// Splits a bulletin page into its reports, as byte ranges into `text`.
///
/// The lower level of [`crate::read_reports`], exposed so tools and tests
/// can see where each headline, date and body was found. Text before the
/// first dated headline (the page heading) belongs to no report.
pub fn split_bulletin(text: &str) -> Vec<BulletinEntry> {
    let lines = lines(text);
    let kinds: Vec<Kind> = lines.iter().map(|&l| classify(text, l)).collect();
    let plan = plan(text, &kinds);
    let mut out = Vec::with_capacity(plan.starts.len());
    for (n, &from) in plan.starts.iter().enumerate() {
        let to = plan.starts.get(n + 1).copied().unwrap_or(lines.len());
        if let Some(entry) = entry(text, &lines, &kinds, &plan, from, to) {
            out.push(entry);
        }
    }
    out
}

/// A piece of body text: a line, or part of one.
#[derive(Debug, Clone, Copy)]
struct Seg {
    start: usize,
    end: usize,
    /// The English tail of a Chinese line.
    tail: bool,
    mass: Mass,
}

fn seg(text: &str, start: usize, end: usize, tail: bool) -> Option<Seg> {
    let r = trimmed(text, start..end);
    (!r.is_empty()).then(|| Seg {
        start: r.start,
        end: r.end,
        tail,
        mass: Mass::of(&text[r.clone()]),
    })
}

fn entry(text: &str, lines: &[Line], kinds: &[Kind], plan: &Plan, from: usize, to: usize) -> Option<BulletinEntry> {
    let divider = |i: usize| {
        let s = text[lines[i].start..lines[i].end].trim();
        !s.is_empty()
            && s.chars()
                .all(|c| matches!(c, '-' | '*' | '=' | '_' | '~' | '—' | '·' | '•' | '#' | ' '))
    };
    let last = (from..to)
        .rev()
        .find(|&i| i == from || !(matches!(kinds[i], Kind::Blank) || divider(i)))?;
    let to = last + 1;
    let span_end = trimmed(text, lines[last].start..lines[last].end).end;
    let (head, body_from) = match &kinds[from] {
        Kind::ZhHead(h) | Kind::EnHead(h) => (h.clone(), lines[from].end),
        Kind::ZhInline(h, rest) => (h.clone(), *rest),
        _ => return None,
    };
    let span = head.headline.start..span_end;
    let half = |h: &Headline| BulletinHalf {
        headline: Some(h.headline.clone()),
        title: Some(h.title.clone()),
        date: h.date.clone(),
        body: None,
    };
    if matches!(kinds[from], Kind::EnHead(_)) {
        let mut en = half(&head);
        en.body = nonempty(trimmed(text, body_from.min(span_end)..span_end));
        return Some(BulletinEntry {
            span,
            zh: None,
            en: Some(en),
            repeated_headline: None,
        });
    }

    // The Chinese body starts after the headline and its repetition.
    let title = &text[head.title.clone()];
    let mut body_start = body_from;
    let mut repeated: Option<Range<usize>> = None;
    let mut i = from + 1;
    while i < to {
        let l = lines[i];
        let next = match &kinds[i] {
            Kind::Blank => {
                i += 1;
                continue;
            }
            Kind::ZhHead(h) if plan.repeats[i] => Some((h.headline.clone(), l.end)),
            Kind::ZhInline(h, rest) if plan.repeats[i] => Some((h.headline.clone(), *rest)),
            Kind::Text(_) if repeated.is_none() && body_start == lines[from].end => {
                repeated_headline(&text[l.start..l.end], title).map(|p| {
                    let r = trimmed(text, l.start..l.start + p);
                    (r, l.start + p)
                })
            }
            _ => None,
        };
        let Some((r, begin)) = next else { break };
        repeated = Some(repeated.map_or(r.clone(), |prev| prev.start..r.end));
        body_start = begin;
        if begin < l.end {
            break;
        }
        i += 1;
    }

    // Body pieces up to the attached English headline, if any.
    let attached = (from + 1..to).find(|&i| plan.attached[i]);
    let mut segs = Vec::new();
    for l in &lines[from..attached.unwrap_or(to)] {
        if l.end <= body_start {
            continue;
        }
        let start = l.start.max(body_start);
        match english_tail(&text[start..l.end]) {
            Some(p) => {
                segs.extend(seg(text, start, start + p, false));
                segs.extend(seg(text, start + p, l.end, true));
            }
            None => segs.extend(seg(text, start, l.end, false)),
        }
    }

    let mut zh = half(&head);
    let mut en: Option<BulletinHalf> = None;
    let split = match attached {
        Some(a) => {
            let Kind::EnHead(h) = &kinds[a] else { return None };
            let mut e = half(h);
            e.body = nonempty(trimmed(text, lines[a].end.min(span_end)..span_end));
            en = Some(e);
            segs.len()
        }
        None => partition(&segs),
    };
    if split > 0 {
        zh.body = nonempty(segs[0].start..segs[split - 1].end);
    }
    if attached.is_none() && split < segs.len() {
        let first = segs[split];
        let has_more = split + 1 < segs.len();
        let s = &text[first.start..first.end];
        let mut e = BulletinHalf::default();
        let body_start = match en_headline(s, first.tail, has_more) {
            Some((h, body)) => {
                let h = h.shift(first.start);
                e.headline = Some(h.headline);
                e.title = Some(h.title);
                e.date = h.date;
                first.start + body
            }
            None => first.start,
        };
        e.body = nonempty(trimmed(text, body_start.min(span_end)..span_end));
        en = Some(e);
    }
    Some(BulletinEntry {
        span,
        zh: Some(zh),
        en,
        repeated_headline: repeated,
    })
}

fn nonempty(r: Range<usize>) -> Option<Range<usize>> {
    (!r.is_empty()).then_some(r)
}

/// The index of the first English piece: the cut that leaves the least
/// English before it and the least Chinese after it. Chinese after the cut
/// weighs three times as much, because Chinese bodies quote English posts
/// more often than English halves carry Chinese paragraphs. Without enough
/// English after the cut, the report has no English half.
fn partition(segs: &[Seg]) -> usize {
    let total_zh: usize = segs.iter().map(|s| s.mass.zh_weight()).sum();
    let (mut best, mut best_cost) = (0, 3 * total_zh);
    let (mut en_before, mut zh_before) = (0usize, 0usize);
    for (k, s) in segs.iter().enumerate() {
        en_before += s.mass.latin;
        zh_before += s.mass.zh_weight();
        let cost = en_before + 3 * (total_zh - zh_before);
        if cost < best_cost {
            best_cost = cost;
            best = k + 1;
        }
    }
    while best < segs.len() && segs[best].mass.script() == Script::Neutral {
        best += 1;
    }
    let en_after: usize = segs[best.min(segs.len())..].iter().map(|s| s.mass.latin).sum();
    if en_after < MIN_EN_LETTERS
        || segs[best.min(segs.len())..]
            .iter()
            .all(|s| s.mass.script() != Script::En)
    {
        return segs.len();
    }
    best
}

/// The English headline opening `s` (relative ranges) and where the English
/// body begins.
fn en_headline(s: &str, tail: bool, has_more: bool) -> Option<(Headline, usize)> {
    if let Some(h) = dated_headline(s)
        && en_title_ok(&s[h.title.clone()])
    {
        return Some((h, s.len()));
    }
    if let Some(inl) = inline_headline(s)
        && (inl.closer || s.trim_start().starts_with(is_opener) || s[inl.rest..].starts_with(char::is_uppercase))
        && !s[inl.head.title.clone()].ends_with(is_terminal)
        && en_title_ok(&s[inl.head.title.clone()])
    {
        return Some((inl.head, inl.rest));
    }
    let (title, end) = undated_headline(s, tail, has_more)?;
    let headline = trimmed(s, 0..end);
    Some((
        Headline {
            headline,
            title,
            date: None,
            dates: None,
        },
        end,
    ))
}

fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '—' | '…' | '·' | '–')
}

/// Where an English passage starts at the end of a Chinese line: an English
/// headline (and perhaps its body) pasted inline after the Chinese text.
fn english_tail(s: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    // Suffix counts from each char index: CJK, Latin letters, words.
    let mut cjk = vec![0usize; n + 1];
    let mut latin = vec![0usize; n + 1];
    let mut words = vec![0usize; n + 1];
    for i in (0..n).rev() {
        let c = chars[i].1;
        let is_letter = c.is_ascii_alphabetic();
        let word_start = is_letter && (i == 0 || !chars[i - 1].1.is_ascii_alphabetic());
        cjk[i] = cjk[i + 1] + usize::from(is_cjk(c));
        latin[i] = latin[i + 1] + usize::from(is_letter);
        words[i] = words[i + 1] + usize::from(word_start);
    }
    if latin[0] < 20 || cjk[0] < 2 {
        return None;
    }
    let mut prev_significant: Option<char> = None;
    for i in 0..n {
        let c = chars[i].1;
        let next_is_letter = chars.get(i + 1).is_some_and(|(_, n)| n.is_ascii_alphabetic());
        let starts = (c.is_ascii_alphabetic() || (is_opener(c) && next_is_letter))
            && (i == 0 || !chars[i - 1].1.is_ascii_alphanumeric());
        if starts
            && prev_significant.is_some_and(is_cjk)
            && cjk[0] - cjk[i] >= 2
            && latin[i] >= 20
            && words[i] >= 4
            && cjk[i] * 10 <= latin[i]
        {
            return Some(chars[i].0);
        }
        let skip = c.is_whitespace() || c.is_ascii_punctuation() || is_opener(c) || is_closer(c) || is_cjk_punct(c);
        if !skip {
            prev_significant = Some(c);
        }
    }
    None
}

/// Reports of a bulletin page.
pub(crate) fn bulletin_reports(file: &str, text: &str) -> Vec<Report> {
    let slice = |r: &Option<Range<usize>>| r.clone().and_then(|r| text.get(r)).map(str::to_string);
    split_bulletin(text)
        .into_iter()
        .map(|e| {
            let zh = e.zh.clone().unwrap_or_default();
            let en = e.en.clone().unwrap_or_default();
            let (title_zh, body_zh) = (slice(&zh.title), slice(&zh.body));
            let (title_en, body_en) = (slice(&en.title), slice(&en.body));
            let has_zh = title_zh.is_some() || body_zh.is_some();
            let has_en = title_en.is_some() || body_en.is_some();
            let lang = match (has_zh, has_en) {
                (true, true) => Lang::Bilingual,
                (false, true) => Lang::En,
                _ => Lang::Zh,
            };
            let dates = e.date_range(text);
            Report {
                title_zh,
                title_en,
                body_zh,
                body_en,
                text: text[e.span.clone()].to_string(),
                lang,
                script: Default::default(),
                start_date: dates.map(|d| d.0),
                end_date: dates.map(|d| d.1),
                published: dates.map(|d| d.1),
                url: None,
                source: Some(file.to_string()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, r: &Option<Range<usize>>) -> Option<String> {
        r.clone().map(|r| text[r].to_string())
    }

    #[test]
    fn lines_handle_crlf() {
        let t = "a\r\nb\n\nc";
        let ls: Vec<&str> = lines(t).iter().map(|l| &t[l.start..l.end]).collect();
        assert_eq!(ls, ["a", "b", "", "c"]);
    }

    #[test]
    fn plain_pair_with_repetition() {
        let t = "页面标题\n\n工人讨薪(2025.11.05)\n\n「工人讨薪(2025.11.05)」工人聚集在厂门口。\n\n\
                 Workers Demand Pay (Nov 5, 2025)\n\nWorkers gathered at the gate.\n";
        let e = split_bulletin(t);
        assert_eq!(e.len(), 1);
        let zh = e[0].zh.as_ref().unwrap();
        let en = e[0].en.as_ref().unwrap();
        assert_eq!(at(t, &zh.title).as_deref(), Some("工人讨薪"));
        assert_eq!(at(t, &zh.body).as_deref(), Some("工人聚集在厂门口。"));
        assert_eq!(
            at(t, &e[0].repeated_headline).as_deref(),
            Some("「工人讨薪(2025.11.05)」")
        );
        assert_eq!(at(t, &en.title).as_deref(), Some("Workers Demand Pay"));
        assert_eq!(at(t, &en.date).as_deref(), Some("Nov 5, 2025"));
        assert_eq!(at(t, &en.body).as_deref(), Some("Workers gathered at the gate."));
        assert!(t[e[0].span.clone()].starts_with("工人讨薪(2025.11.05)"));
        assert!(t[e[0].span.clone()].ends_with("gate."));
    }

    #[test]
    fn inline_english_headline_without_date() {
        let t = "矿工罢工(2025.11.01-12)\n\n「矿工罢工(2025.11.01-12)」本月共有三起罢工。 \
                 “Miners Strike Over Wages” This month three strikes were recorded by the channel.\n\
                 — On November 1, miners struck.\n";
        let e = split_bulletin(t);
        assert_eq!(e.len(), 1);
        let zh = e[0].zh.as_ref().unwrap();
        let en = e[0].en.as_ref().unwrap();
        assert_eq!(at(t, &zh.body).as_deref(), Some("本月共有三起罢工。"));
        assert_eq!(at(t, &en.title).as_deref(), Some("Miners Strike Over Wages"));
        assert_eq!(en.date, None);
        assert_eq!(
            at(t, &en.body).as_deref(),
            Some("This month three strikes were recorded by the channel.\n— On November 1, miners struck.")
        );
    }

    #[test]
    fn chinese_only_reports_and_english_only_reports() {
        let t = "甲厂工人罢工(2025.11.05)\n\n工人罢工。\n\n乙村村民抗议(2025.11.06)\n\n村民抗议。\n\n\
                 Villagers Protest (Nov 6, 2025)\n\nVillagers protested near the village office today.\n\n\
                 Drivers Strike (Nov 7, 2025)\n\nDrivers stopped work across the city on Friday.\n";
        let e = split_bulletin(t);
        assert_eq!(e.len(), 3);
        assert!(e[0].en.is_none());
        assert_eq!(at(t, &e[0].zh.as_ref().unwrap().body).as_deref(), Some("工人罢工。"));
        assert!(e[1].en.is_some());
        assert!(e[2].zh.is_none());
        assert_eq!(
            at(t, &e[2].en.as_ref().unwrap().title).as_deref(),
            Some("Drivers Strike")
        );
    }

    #[test]
    fn dividers_and_unwrapped_inline_dated_english_headline() {
        let t = "矿工罢工(2025.11.01-12)\n\n本月共有三起罢工。 Miners Strike Over Wages (Nov 1–12, 2025) This month \
                 three strikes were recorded.\n\n* * *\n\n司机停运(2025.11.13)\n\n司机停运。\n\n------\n";
        let e = split_bulletin(t);
        assert_eq!(e.len(), 2);
        let en = e[0].en.as_ref().unwrap();
        assert_eq!(at(t, &en.title).as_deref(), Some("Miners Strike Over Wages"));
        assert_eq!(at(t, &en.date).as_deref(), Some("Nov 1–12, 2025"));
        assert_eq!(
            at(t, &en.body).as_deref(),
            Some("This month three strikes were recorded.")
        );
        assert!(t[e[0].span.clone()].ends_with("recorded."));
        assert!(t[e[1].span.clone()].ends_with("司机停运。"));
    }

    #[test]
    fn english_quote_inside_the_chinese_body() {
        let t = "骑手罢送(2025.11.20)\n\n骑手集体罢送。一名骑手发文:\n\n\
                 We are not machines and cannot deliver every order in twenty minutes while pay keeps falling.\n\n\
                 骑手要求取消罚款。\n\nRiders Strike (Nov 20, 2025)\n\nRiders stopped delivering.\n";
        let e = split_bulletin(t);
        assert_eq!(e.len(), 1);
        let zh = at(t, &e[0].zh.as_ref().unwrap().body).unwrap();
        assert!(zh.contains("We are not machines") && zh.ends_with("取消罚款。"), "{zh}");
        assert_eq!(
            at(t, &e[0].en.as_ref().unwrap().body).as_deref(),
            Some("Riders stopped delivering.")
        );
    }

    #[test]
    fn english_quote_inside_the_chinese_body_without_dated_english_headline() {
        let t = "骑手罢送(2025.11.20)\n\n骑手集体罢送。一名骑手发文:\n\n\
                 We are not machines and cannot deliver every order in twenty minutes while pay keeps falling.\n\n\
                 骑手要求取消罚款,平台称将研究。\n\nRiders Strike in the City\n\n\
                 Riders stopped delivering on Thursday, demanding that the platform drop its fines.\n";
        let e = split_bulletin(t);
        assert_eq!(e.len(), 1);
        let zh = at(t, &e[0].zh.as_ref().unwrap().body).unwrap();
        assert!(
            zh.contains("We are not machines") && zh.ends_with("平台称将研究。"),
            "{zh}"
        );
        let en = e[0].en.as_ref().unwrap();
        assert_eq!(at(t, &en.title).as_deref(), Some("Riders Strike in the City"));
        assert!(at(t, &en.body).unwrap().starts_with("Riders stopped"));
    }

    #[test]
    fn english_tail_detection() {
        let s = "工人罢工。 “Miners Strike Over Unpaid Wages” In the first half";
        assert_eq!(
            &s[english_tail(s).unwrap()..],
            "“Miners Strike Over Unpaid Wages” In the first half"
        );
        assert_eq!(english_tail("工人在Weibo上发帖,称工厂拖欠工资已经三个月了"), None);
        assert_eq!(english_tail("据Radio Free Asia报道,工人罢工"), None);
    }
}
