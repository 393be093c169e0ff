//! Headline date ranges: the text inside a headline's parentheses.
//!
//! Bulletins write the same range in many ways: `2025.11.01-12`,
//! `2025.11.1-10`, `Nov 1–10, 2025`, `2025年11月5日至12月3日`, `28 Nov 2025`,
//! `2025.11`. The parser tokenises the text into numbers, month names,
//! Chinese date markers and range separators, reads each side of the range on
//! its own, then lets each side borrow what it leaves out from the other
//! (`Nov 1–10, 2025`: the left side takes the year, the right side the month).

use regex::Regex;
use std::sync::OnceLock;
use unrest_codebook::PartialDate;

/// Years a headline may plausibly carry; anything else is a number, not a date.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// 上旬: days 1–10.
    Early,
    /// 中旬: days 11–20.
    Middle,
    /// 下旬: day 21 to the end of the month.
    Late,
    /// 上半月: days 1–15.
    FirstHalf,
    /// 下半月: day 16 to the end of the month.
    SecondHalf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Num {
        value: u32,
        digits: u8,
    },
    MonthName(u8),
    YearMark,
    MonthMark,
    DayMark,
    Part(Part),
    /// An ASCII hyphen: a range separator or a separator inside an ISO date.
    Hyphen,
    /// Any other separator between date components (`.`, `/`, `,`, space).
    Sep,
    /// An unambiguous range separator (`–`, `—`, `~`, `至`, `到`, `to`).
    Range,
}

/// One side of a range as written, before borrowing from the other side.
#[derive(Debug, Clone, Copy, Default)]
struct Side {
    year: Option<u32>,
    month: Option<u32>,
    day: Option<u32>,
    part: Option<Part>,
    /// A lone number whose role (day or month) only the other side can tell.
    loose: Option<u32>,
    /// The year was borrowed from the other side (may need a ±1 fix).
    borrowed_year: bool,
}

impl Side {
    fn has_day(&self) -> bool {
        self.day.is_some() || self.part.is_some()
    }
}

/// Parses the contents of a headline's date parentheses into the first and
/// last date of the range (equal for a single date).
///
/// Exists because headline dates are the only dates a bulletin states
/// explicitly, and every later step (event dates, relative dates such as
/// "本周三") hangs on them. Accepts the parentheses themselves too, full-width
/// digits and brackets, every dash and `~`/`至`/`到`/`to` as range separator,
/// `2025.11.17`, `2025.11.01-12`, `2025.11.5-12.3`, `2025.12.30-2026.1.2`,
/// `2025-11-05`, `2025/11/05`, `2025年11月5日`, `2025年11月上旬`, `2025.11`
/// (month precision at both ends), `Nov 15, 2025`, `Nov 1–10, 2025`,
/// `Nov 28–Dec 2, 2025`, `28 Nov 2025`, `1–10 Nov 2025`, `November 2025`.
/// Returns `None` for anything else, including impossible days (`2025.2.30`)
/// and ranges that end before they start.
pub fn parse_date_range(s: &str) -> Option<(PartialDate, PartialDate)> {
    if s.len() > 200 {
        return None;
    }
    let norm = normalise(s);
    let inner = strip_brackets(norm.trim());
    let toks = tokenise(inner)?;
    let ranges: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == Tok::Range)
        .map(|(i, _)| i)
        .collect();
    match ranges.as_slice() {
        [] => {}
        [i] => return combine(side(&toks[..*i])?, Some(side(&toks[i + 1..])?)),
        _ => return None,
    }
    // No unambiguous separator: a single date, or a range split at a hyphen.
    let hyphens: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| **t == Tok::Hyphen)
        .map(|(i, _)| i)
        .collect();
    let mixed_separators = !hyphens.is_empty() && toks.contains(&Tok::Sep) && !has_name_or_marks(&toks);
    if (hyphens.is_empty() || !mixed_separators)
        && let Some(single) = side(&toks).and_then(|s| combine(s, None))
    {
        return Some(single);
    }
    // Prefer the split whose left side is the most precise date.
    let mut best: Option<((PartialDate, PartialDate), u8)> = None;
    for &i in &hyphens {
        let (Some(left), Some(right)) = (side(&toks[..i]), side(&toks[i + 1..])) else {
            continue;
        };
        let rank = if left.has_day() {
            3
        } else if left.month.is_some() {
            2
        } else {
            1
        };
        if let Some(range) = combine(left, Some(right))
            && best.is_none_or(|(_, r)| rank > r)
        {
            best = Some((range, rank));
        }
    }
    best.map(|(range, _)| range)
}

fn has_name_or_marks(toks: &[Tok]) -> bool {
    toks.iter()
        .any(|t| matches!(t, Tok::MonthName(_) | Tok::YearMark | Tok::MonthMark | Tok::DayMark))
}

/// Maps full-width forms to ASCII, odd spaces to a space and every dash other
/// than the ASCII hyphen (and `~`, `至`, `到`) to `~`, the range separator.
fn normalise(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF0D}' | '\u{2010}' | '\u{2011}' => '-',
            '\u{FF5E}' | '\u{301C}' | '\u{2053}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}'
            | '\u{FE58}' | '\u{FE63}' | '至' | '到' => '~',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}' | '\u{202F}' | '\u{205F}' => ' ',
            '\u{3002}' => '.',
            '\u{3001}' => ',',
            c => c,
        })
        .collect()
}

fn strip_brackets(s: &str) -> &str {
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】'), ('〔', '〕')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.trim();
        }
    }
    s
}

fn tokenise(s: &str) -> Option<Vec<Tok>> {
    let mut toks = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - start > 8 {
                return None;
            }
            let digits: String = chars[start..i].iter().collect();
            let value: u32 = digits.parse().ok()?;
            toks.push(Tok::Num {
                value,
                digits: (i - start) as u8,
            });
            continue;
        }
        if c.is_ascii_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect::<String>().to_ascii_lowercase();
            let after_number =
                matches!(toks.last(), Some(Tok::Num { .. })) && start > 0 && chars[start - 1].is_ascii_digit();
            if after_number && matches!(word.as_str(), "st" | "nd" | "rd" | "th") {
                continue;
            }
            if let Some(m) = month_name(&word) {
                toks.push(Tok::MonthName(m));
            } else if matches!(word.as_str(), "to" | "through" | "thru" | "until" | "till") {
                toks.push(Tok::Range);
            } else if !ignorable_word(&word) {
                return None;
            }
            continue;
        }
        match c {
            '年' => toks.push(Tok::YearMark),
            '月' => toks.push(Tok::MonthMark),
            '日' | '号' | '號' => toks.push(Tok::DayMark),
            '~' => toks.push(Tok::Range),
            '-' => toks.push(Tok::Hyphen),
            '.' | '/' | ',' | ' ' | '\t' => {
                if toks.last() != Some(&Tok::Sep) {
                    toks.push(Tok::Sep);
                }
            }
            '上' | '中' | '下' => {
                let next: String = chars[i + 1..chars.len().min(i + 3)].iter().collect();
                let part = if next.starts_with('旬') {
                    i += 1;
                    match c {
                        '上' => Part::Early,
                        '中' => Part::Middle,
                        _ => Part::Late,
                    }
                } else if next == "半月" && c != '中' {
                    i += 2;
                    if c == '上' { Part::FirstHalf } else { Part::SecondHalf }
                } else {
                    return None;
                };
                toks.push(Tok::Part(part));
            }
            // "11月份", "11月初", "11月底": month precision, nothing to add.
            '份' | '初' | '底' | '末' => {}
            _ => return None,
        }
        i += 1;
    }
    // Separators only matter between numbers; drop leading and trailing ones.
    while matches!(toks.first(), Some(Tok::Sep)) {
        toks.remove(0);
    }
    while matches!(toks.last(), Some(Tok::Sep)) {
        toks.pop();
    }
    Some(toks)
}

fn month_name(word: &str) -> Option<u8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 {
        return None;
    }
    if word == "sept" {
        return Some(9);
    }
    NAMES.iter().position(|n| n.starts_with(word)).map(|i| i as u8 + 1)
}

fn ignorable_word(word: &str) -> bool {
    matches!(
        word,
        "of" | "the"
            | "on"
            | "early"
            | "mid"
            | "late"
            | "beginning"
            | "end"
            | "mon"
            | "monday"
            | "tue"
            | "tues"
            | "tuesday"
            | "wed"
            | "wednesday"
            | "thu"
            | "thur"
            | "thurs"
            | "thursday"
            | "fri"
            | "friday"
            | "sat"
            | "saturday"
            | "sun"
            | "sunday"
    )
}

/// Reads one side of a range: Chinese markers, a month name, or bare numbers.
fn side(toks: &[Tok]) -> Option<Side> {
    let toks: Vec<Tok> = toks
        .iter()
        .copied()
        .filter(|t| !matches!(t, Tok::Sep | Tok::Hyphen))
        .collect();
    if toks.is_empty() || toks.contains(&Tok::Range) {
        return None;
    }
    if toks
        .iter()
        .any(|t| matches!(t, Tok::YearMark | Tok::MonthMark | Tok::DayMark))
    {
        return chinese_side(&toks);
    }
    let mut out = Side::default();
    if toks.iter().any(|t| matches!(t, Tok::MonthName(_))) {
        for t in &toks {
            match *t {
                Tok::MonthName(m) if out.month.is_none() => out.month = Some(m.into()),
                Tok::Num { value, digits: 4 } if out.year.is_none() && YEARS.contains(&value) => out.year = Some(value),
                Tok::Num { value, digits: 1..=2 } if out.day.is_none() && (1..=31).contains(&value) => {
                    out.day = Some(value)
                }
                _ => return None,
            }
        }
        return Some(out);
    }
    let mut nums = Vec::new();
    for t in &toks {
        match *t {
            Tok::Num { value, digits } => nums.push((value, digits)),
            _ => return None,
        }
    }
    match nums.as_slice() {
        [(v, 8)] => {
            let (y, m, d) = (v / 10000, v / 100 % 100, v % 100);
            YEARS.contains(&y).then_some(())?;
            out.year = Some(y);
            out.month = Some(m);
            out.day = Some(d);
        }
        [(y, 4), rest @ ..] if YEARS.contains(y) && rest.len() <= 2 && rest.iter().all(|&(_, d)| d <= 2) => {
            out.year = Some(*y);
            out.month = rest.first().map(|&(v, _)| v);
            out.day = rest.get(1).map(|&(v, _)| v);
        }
        [rest @ .., (y, 4)] if YEARS.contains(y) && rest.len() <= 2 && rest.iter().all(|&(_, d)| d <= 2) => {
            out.year = Some(*y);
            match *rest {
                [] => {}
                [(a, _)] => out.loose = Some(a),
                // Day and month in either order: only an unambiguous order is read.
                [(a, _), (b, _)] if a > 12 && b <= 12 => (out.day, out.month) = (Some(a), Some(b)),
                [(a, _), (b, _)] if b > 12 && a <= 12 => (out.month, out.day) = (Some(a), Some(b)),
                [(a, _), (b, _)] if a == b => (out.month, out.day) = (Some(a), Some(b)),
                _ => return None,
            }
        }
        [(a, 1..=2)] => out.loose = Some(*a),
        // Without a year, two numbers are month and day, as Chinese writes them.
        [(a, 1..=2), (b, 1..=2)] => (out.month, out.day) = (Some(*a), Some(*b)),
        _ => return None,
    }
    Some(out)
}

fn chinese_side(toks: &[Tok]) -> Option<Side> {
    let mut out = Side::default();
    let mut i = 0;
    while i < toks.len() {
        match toks[i] {
            Tok::Num { value, digits } => {
                match toks.get(i + 1) {
                    Some(Tok::YearMark) if out.year.is_none() && digits == 4 && YEARS.contains(&value) => {
                        out.year = Some(value)
                    }
                    Some(Tok::MonthMark) if out.month.is_none() && digits <= 2 => out.month = Some(value),
                    Some(Tok::DayMark) if out.day.is_none() && digits <= 2 => out.day = Some(value),
                    // "2025年11月5": a trailing bare number after the month is the day.
                    None if out.month.is_some() && out.day.is_none() && digits <= 2 => {
                        out.day = Some(value);
                        i += 1;
                        continue;
                    }
                    _ => return None,
                }
                i += 2;
            }
            Tok::Part(p) if out.part.is_none() && out.day.is_none() => {
                out.part = Some(p);
                i += 1;
            }
            _ => return None,
        }
    }
    if out.day.is_some() && out.part.is_some() {
        return None;
    }
    Some(out)
}

/// Completes each side from the other and builds the range.
fn combine(mut left: Side, right: Option<Side>) -> Option<(PartialDate, PartialDate)> {
    let Some(mut right) = right else {
        if left.loose.is_some() {
            return None;
        }
        return Some((build(&left, false)?, build(&left, true)?));
    };
    if left.loose.is_some() && right.loose.is_some() {
        return None;
    }
    if let Some(n) = right.loose.take() {
        if left.has_day() {
            right.day = Some(n);
        } else if left.month.is_some() {
            right.month = Some(n);
        } else {
            return None;
        }
    }
    if let Some(n) = left.loose.take() {
        if right.has_day() {
            left.day = Some(n);
        } else if right.month.is_some() {
            left.month = Some(n);
        } else {
            return None;
        }
    }
    match (left.year, right.year) {
        (None, None) => return None,
        (None, Some(y)) => (left.year, left.borrowed_year) = (Some(y), true),
        (Some(y), None) => (right.year, right.borrowed_year) = (Some(y), true),
        _ => {}
    }
    if left.month.is_none() && left.has_day() {
        left.month = right.month;
    }
    if right.month.is_none() && right.has_day() {
        right.month = left.month;
    }
    let ordered = |l: &Side, r: &Side| -> Option<(PartialDate, PartialDate)> {
        let (start, end) = (build(l, false)?, build(r, true)?);
        (start.first_day() <= end.first_day()).then_some((start, end))
    };
    if let Some(range) = ordered(&left, &right) {
        return Some(range);
    }
    // "Dec 30–Jan 2, 2026" or "2025.12.30-1.2": the borrowed year is off by one.
    if left.borrowed_year {
        left.year = left.year.map(|y| y - 1);
    } else if right.borrowed_year {
        right.year = right.year.map(|y| y + 1);
    } else {
        return None;
    }
    // Only a short range across the new year is meant, never a year-long one.
    let (start, end) = ordered(&left, &right)?;
    let months = |d: PartialDate| i32::from(d.year) * 12 + i32::from(d.month.unwrap_or(1));
    (months(end) - months(start) <= 2).then_some((start, end))
}

/// The first (`end == false`) or last day a side names.
fn build(s: &Side, end: bool) -> Option<PartialDate> {
    let year = i16::try_from(s.year?).ok()?;
    let Some(month) = s.month else {
        return if s.has_day() { None } else { PartialDate::y(year) };
    };
    let month = u8::try_from(month).ok()?;
    let month_date = PartialDate::ym(year, month)?;
    let last = month_date.last_day().2;
    let day = match (s.day, s.part) {
        (Some(d), _) => u8::try_from(d).ok()?,
        (None, Some(p)) => {
            let (first, final_day) = match p {
                Part::Early => (1, 10),
                Part::Middle => (11, 20),
                Part::Late => (21, last),
                Part::FirstHalf => (1, 15),
                Part::SecondHalf => (16, last),
            };
            if end { final_day } else { first }
        }
        (None, None) => return Some(month_date),
    };
    PartialDate::ymd(year, month, day)
}

/// Finds the first date written in free text (`2025-11-05`, `2025年11月5日`,
/// `Nov 5, 2025`, `5 November 2025`, `2025.11.05`) and returns its range.
pub(crate) fn find_date(text: &str) -> Option<(PartialDate, PartialDate)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
        Regex::new(&format!(
            r"(?ix)
            \d{{4}}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*[日号])?
            | \b\d{{4}}[./-]\d{{1,2}}(?:[./-]\d{{1,2}})?
            | \b{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b
            | \b\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+\d{{4}}\b
            | \b{month}\s+\d{{4}}\b"
        ))
        .expect("date regex is valid")
    });
    re.find_iter(text).find_map(|m| parse_date_range(m.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn check(input: &str, start: &str, end: &str) {
        assert_eq!(parse_date_range(input), Some((d(start), d(end))), "input {input:?}");
    }

    #[test]
    fn dotted_chinese_bulletin_forms() {
        check("2025.11.17", "2025-11-17", "2025-11-17");
        check("2025.11.01-12", "2025-11-01", "2025-11-12");
        check("2025.11.1-10", "2025-11-01", "2025-11-10");
        check("2025.11.03-13", "2025-11-03", "2025-11-13");
        check("2025.11.05-07", "2025-11-05", "2025-11-07");
        check("(2025.11.17)", "2025-11-17", "2025-11-17");
        check("（2025.11.17）", "2025-11-17", "2025-11-17");
        check("２０２５．１１．１７", "2025-11-17", "2025-11-17");
    }

    #[test]
    fn every_dash_and_word_separator() {
        for sep in ["-", "－", "—", "–", "~", "～", "〜", "至", "到", " - ", " – ", "‒", "−"] {
            check(&format!("2025.11.05{sep}12"), "2025-11-05", "2025-11-12");
        }
        check("Nov 5 to 12, 2025", "2025-11-05", "2025-11-12");
        check("Nov 5 through Nov 12, 2025", "2025-11-05", "2025-11-12");
    }

    #[test]
    fn english_forms() {
        check("Nov 15, 2025", "2025-11-15", "2025-11-15");
        check("Nov 1–10, 2025", "2025-11-01", "2025-11-10");
        check("Nov 1-10, 2025", "2025-11-01", "2025-11-10");
        check("Nov 28–Dec 2, 2025", "2025-11-28", "2025-12-02");
        check("28 Nov 2025", "2025-11-28", "2025-11-28");
        check("28 Nov–2 Dec 2025", "2025-11-28", "2025-12-02");
        check("1–10 Nov 2025", "2025-11-01", "2025-11-10");
        check("November 2025", "2025-11", "2025-11");
        check("Nov. 5, 2025", "2025-11-05", "2025-11-05");
        check("September 3rd, 2025", "2025-09-03", "2025-09-03");
        check("Sept 3, 2025", "2025-09-03", "2025-09-03");
        check("Wed, Nov 5, 2025", "2025-11-05", "2025-11-05");
        check("5th of November 2025", "2025-11-05", "2025-11-05");
        check("Dec 30, 2025–Jan 2, 2026", "2025-12-30", "2026-01-02");
        check("Dec 30–Jan 2, 2026", "2025-12-30", "2026-01-02");
        check("early November 2025", "2025-11", "2025-11");
    }

    #[test]
    fn chinese_forms() {
        check("2025年11月5日", "2025-11-05", "2025-11-05");
        check("2025年11月5号", "2025-11-05", "2025-11-05");
        check("2025年11月5日至12日", "2025-11-05", "2025-11-12");
        check("2025年11月5日-12月3日", "2025-11-05", "2025-12-03");
        check("2025年11月", "2025-11", "2025-11");
        check("2025年11月份", "2025-11", "2025-11");
        check("2025年11月上旬", "2025-11-01", "2025-11-10");
        check("2025年11月下旬", "2025-11-21", "2025-11-30");
        check("2025年2月下半月", "2025-02-16", "2025-02-28");
        check("2025年", "2025", "2025");
    }

    #[test]
    fn cross_month_and_year_ranges() {
        check("2025.11.5-12.3", "2025-11-05", "2025-12-03");
        check("2025.11.28-2025.12.2", "2025-11-28", "2025-12-02");
        check("2025.12.30-2026.1.2", "2025-12-30", "2026-01-02");
        check("2025.12.30-1.2", "2025-12-30", "2026-01-02");
        check("2025.11-12", "2025-11", "2025-12");
    }

    #[test]
    fn month_only_and_iso_forms() {
        check("2025.11", "2025-11", "2025-11");
        check("2025-11", "2025-11", "2025-11");
        check("2025-11-05", "2025-11-05", "2025-11-05");
        check("2025/11/05", "2025-11-05", "2025-11-05");
        check("2025-11-05-07", "2025-11-05", "2025-11-07");
        check("2025-11-05 - 2025-11-07", "2025-11-05", "2025-11-07");
        check("20251105", "2025-11-05", "2025-11-05");
        check("28.11.2025", "2025-11-28", "2025-11-28");
    }

    #[test]
    fn rejects_non_dates() {
        for s in [
            "",
            "()",
            "video",
            "Reuters",
            "11月13日",
            "Nov 13",
            "2025.02.30",
            "2025.13.01",
            "2025.11.12-05",
            "1.2.3",
            "5.11.2025",
            "200",
            "1000",
            "本周四",
            "2025.11.1-10-12",
            "2025 ~ 2026 ~ 2027",
            "99999999999999999999",
            "上",
        ] {
            assert_eq!(parse_date_range(s), None, "input {s:?}");
        }
    }

    #[test]
    fn finds_dates_in_free_text() {
        assert_eq!(
            find_date("发布时间:2025年11月5日 来源"),
            Some((d("2025-11-05"), d("2025-11-05")))
        );
        assert_eq!(
            find_date("Published Nov 5, 2025 by staff"),
            Some((d("2025-11-05"), d("2025-11-05")))
        );
        assert_eq!(
            find_date("date: 2025-11-05T08:00:00Z"),
            Some((d("2025-11-05"), d("2025-11-05")))
        );
        assert_eq!(find_date("no date here, only 12 workers"), None);
    }
}
