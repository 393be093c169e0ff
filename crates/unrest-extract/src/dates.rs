//! Date expressions: absolute dates, ranges, month-only and year-only dates,
//! and relative ones ("本周三", "周四", "昨天", "今年6月", "on Wednesday",
//! "last month") resolved against the report's publication date.
//!
//! The scanner reads a text left to right and remembers the last full date it
//! saw, so day-only follow-ups ("22日", "次日", "当天") take their month from
//! it, as a reader would.

use crate::numbers;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use unrest_codebook::PartialDate;

/// One date expression found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DateMention {
    /// First byte of the expression.
    pub s: usize,
    /// One past its last byte.
    pub e: usize,
    /// The (first) date it names.
    pub start: PartialDate,
    /// The last date of a range ("5日至7日"), if any.
    pub end: Option<PartialDate>,
    /// "自11月3日起" / "since": the action began then and went on.
    pub open: bool,
    /// Resolved from a relative expression (weekday, 昨天, last month).
    pub relative: bool,
}

impl DateMention {
    /// The last date the expression covers.
    pub fn last(&self) -> PartialDate {
        self.end.unwrap_or(self.start)
    }
}

fn to_civil(d: PartialDate) -> Option<Date> {
    Date::new(d.year, d.month? as i8, d.day? as i8).ok()
}

fn from_civil(d: Date) -> Option<PartialDate> {
    PartialDate::ymd(d.year(), d.month() as u8, d.day() as u8)
}

/// Adds days to a day-precision date.
pub(crate) fn add_days(d: PartialDate, n: i32) -> Option<PartialDate> {
    let c = to_civil(d)?;
    from_civil(c.checked_add(n.days()).ok()?)
}

/// Whole days from `a` to `b` (both taken at their first day).
pub(crate) fn days_between(a: PartialDate, b: PartialDate) -> i64 {
    let fa = a.first_day();
    let fb = b.first_day();
    match (
        Date::new(fa.0, fa.1 as i8, fa.2 as i8),
        Date::new(fb.0, fb.1 as i8, fb.2 as i8),
    ) {
        (Ok(x), Ok(y)) => y.since(x).map(|s| s.get_days() as i64).unwrap_or(0),
        _ => 0,
    }
}

fn weekday_from_index(i: u8) -> Weekday {
    match i {
        1 => Weekday::Monday,
        2 => Weekday::Tuesday,
        3 => Weekday::Wednesday,
        4 => Weekday::Thursday,
        5 => Weekday::Friday,
        6 => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

/// The most recent `wd` on or before `reference` (`weeks_back` extra weeks).
fn resolve_weekday(reference: PartialDate, wd: Weekday, strictly_before: bool, weeks_back: i32) -> Option<PartialDate> {
    let r = to_civil(reference)?;
    let mut back = (r.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7) as i32;
    if back == 0 && strictly_before {
        back = 7;
    }
    from_civil(r.checked_sub((back + 7 * weeks_back).days()).ok()?)
}

/// Scanner state: the reference date and the last full date seen.
struct Ctx {
    reference: Option<PartialDate>,
    last: Option<PartialDate>,
}

impl Ctx {
    fn ref_year(&self) -> Option<i16> {
        self.last.map(|d| d.year).or(self.reference.map(|d| d.year))
    }

    /// Year for a month/day without one: the reference year, or the year
    /// before when that would put the date well after publication.
    fn year_for(&self, month: u8, day: Option<u8>) -> Option<i16> {
        if let Some(l) = self.last
            && l.month.is_some()
        {
            // a list of dates in one report keeps its year
            return Some(l.year);
        }
        let r = self.reference?;
        let y = r.year;
        if let Some(rm) = r.month {
            let cand = (month as i32) * 40 + day.unwrap_or(1) as i32;
            let refv = (rm as i32) * 40 + r.day.unwrap_or(28) as i32;
            if cand > refv + 40 {
                return Some(y - 1);
            }
        }
        Some(y)
    }
}

const WEEKDAY_CHARS: &[(char, u8)] = &[
    ('一', 1),
    ('二', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('日', 7),
    ('天', 7),
];

fn weekday_char(c: Option<char>) -> Option<u8> {
    let c = c?;
    WEEKDAY_CHARS.iter().find(|(x, _)| *x == c).map(|(_, i)| *i)
}

/// Parses a small number (month, day) written in Arabic digits or Chinese
/// numerals at the start of `s`.
fn small_number(s: &str) -> Option<(u32, usize)> {
    let first = s.chars().next()?;
    if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        let mut v = 0u32;
        let mut n = 0;
        for (i, c) in s.char_indices() {
            match numbers::digit(c).filter(|_| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
                Some(d) if i < 6 => {
                    v = v * 10 + d as u32;
                    n = i + c.len_utf8();
                }
                _ => break,
            }
        }
        return (n > 0).then_some((v, n));
    }
    if !matches!(
        first,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零'
    ) {
        return None;
    }
    let (v, n) = numbers::parse_at(s)?;
    (v <= 31).then_some((v as u32, n))
}

fn year_at(s: &str) -> Option<(i16, usize)> {
    // "2025年", "二〇二五年", "2025.11.17"
    let mut v: i32 = 0;
    let mut n = 0;
    let mut count = 0;
    for (i, c) in s.char_indices() {
        let d = match c {
            '0'..='9' => c as i32 - '0' as i32,
            '０'..='９' => c as i32 - '０' as i32,
            '〇' | '零' => 0,
            '一' => 1,
            '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => break,
        };
        v = v * 10 + d;
        count += 1;
        n = i + c.len_utf8();
        if count == 4 {
            break;
        }
    }
    (count == 4 && (1900..=2100).contains(&v)).then_some((v as i16, n))
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Finds every date expression in `text[from..to]` (Chinese and English).
pub(crate) fn find_dates(text: &str, from: usize, to: usize, reference: Option<PartialDate>) -> Vec<DateMention> {
    let mut ctx = Ctx { reference, last: None };
    let mut out: Vec<DateMention> = Vec::new();
    let mut i = from;
    let to = to.min(text.len());
    while i < to {
        let rest = &text[i..to];
        let c = match rest.chars().next() {
            Some(c) => c,
            None => break,
        };
        let found = if c.is_ascii_alphabetic() {
            if i > 0 && text.as_bytes()[i - 1].is_ascii_alphabetic() {
                None
            } else {
                english_at(rest, &mut ctx)
            }
        } else {
            chinese_at(text, i, rest, &mut ctx)
        };
        match found {
            Some((len, start, end, relative)) if len > 0 => {
                let mut m = DateMention {
                    s: i,
                    e: i + len,
                    start,
                    end,
                    open: false,
                    relative,
                };
                // "自/从 X 起/以来/开始"
                let before = &text[from..i];
                if before.ends_with('自') || before.ends_with('从') || before.ends_with("since ") {
                    let after = &text[m.e..to];
                    if after.starts_with('起') || after.starts_with("以来") || before.ends_with("since ") {
                        m.open = true;
                    }
                }
                if start.day.is_some() {
                    ctx.last = Some(end.unwrap_or(start));
                } else if start.month.is_some() && ctx.last.is_none_or(|l| l.month != start.month) {
                    ctx.last = Some(start);
                }
                // a relative expression followed by the absolute date in
                // parentheses ("本周四(11月13日)") keeps only the absolute one
                if let Some(prev) = out.last()
                    && prev.relative
                    && !relative
                    && text[prev.e..i]
                        .chars()
                        .all(|c| matches!(c, '(' | '\u{ff08}' | ' ' | ','))
                    && m.s - prev.e <= 4
                {
                    out.pop();
                }
                out.push(m);
                i += len;
            }
            _ => i += c.len_utf8(),
        }
    }
    out
}

type Found = (usize, PartialDate, Option<PartialDate>, bool);

/// Characters a Chinese date expression can start with.
fn may_start_date(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '〇'
                | '零'
                | '昨'
                | '前'
                | '今'
                | '次'
                | '翌'
                | '第'
                | '当'
                | '去'
                | '上'
                | '本'
                | '这'
                | '周'
                | '星'
                | '礼'
        )
}

fn chinese_at(text: &str, pos: usize, rest: &str, ctx: &mut Ctx) -> Option<Found> {
    let first = rest.chars().next()?;
    if !may_start_date(first) {
        return None;
    }
    // relative words
    if let Some(f) = chinese_relative(rest, ctx) {
        return Some(f);
    }
    let is_num = first.is_ascii_digit() || numbers::digit(first).is_some() || first == '十';
    if !is_num {
        return None;
    }
    // a number glued to a preceding digit or letter is not a date start
    if let Some(p) = prev_char(text, pos)
        && (p.is_ascii_alphanumeric() || numbers::digit(p).is_some() || p == '十' || p == '.')
    {
        return None;
    }
    // full numeric dates: 2025.11.17, 2025-11-17, 2025/11/17, with "-12" ranges
    if let Some(f) = numeric_date(rest) {
        return Some(f);
    }
    let mut n = 0;
    let mut year = None;
    if let Some((y, l)) = year_at(rest)
        && rest[l..].starts_with('年')
    {
        year = Some(y);
        n = l + '年'.len_utf8();
    }
    let after_year = &rest[n..];
    let mut month = None;
    if let Some((m, l)) = small_number(after_year)
        && (1..=12).contains(&m)
        && after_year[l..].starts_with('月')
    {
        month = Some(m as u8);
        n += l + '月'.len_utf8();
        if rest[n..].starts_with('份') {
            n += '份'.len_utf8();
        }
    }
    if year.is_some() && month.is_none() {
        // "2024年" alone: a year
        let y = PartialDate::y(year?)?;
        // "2024年底/末/初" stays a year
        return Some((n, y, None, false));
    }
    if month.is_none() {
        // day only: "22日", only after punctuation or a preposition
        let (d, l) = small_number(rest)?;
        let tail = &rest[l..];
        if !(tail.starts_with('日') || tail.starts_with('号')) || !(1..=31).contains(&d) {
            return None;
        }
        if !rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let ok_prev = match prev_char(text, pos) {
            None => true,
            Some(p) => !is_cjk(p) || "在于至到和及、从自".contains(p),
        };
        let last = ctx.last.filter(|l| l.month.is_some())?;
        if !ok_prev {
            return None;
        }
        let date = PartialDate::ymd(last.year, last.month?, d as u8)?;
        let mut len = l + 3;
        let (end, extra) = range_tail(&rest[len..], date, ctx);
        len += extra;
        return Some((len, date, end, false));
    }
    let month = month?;
    let after_month = &rest[n..];
    // day
    if let Some((d, l)) = small_number(after_month)
        && (after_month[l..].starts_with('日') || after_month[l..].starts_with('号'))
        && (1..=31).contains(&d)
    {
        let y = year.or_else(|| ctx.year_for(month, Some(d as u8)))?;
        let date = PartialDate::ymd(y, month, d as u8)?;
        n += l + 3;
        let (end, extra) = range_tail(&rest[n..], date, ctx);
        return Some((n + extra, date, end, false));
    }
    // "1月30" inside parentheses (no 日)
    if let Some((d, l)) = small_number(after_month)
        && (after_month[l..].starts_with(')') || after_month[l..].starts_with(')'))
        && (1..=31).contains(&d)
    {
        let y = year.or_else(|| ctx.year_for(month, Some(d as u8)))?;
        let date = PartialDate::ymd(y, month, d as u8)?;
        return Some((n + l, date, None, false));
    }
    // month parts: 上旬, 中旬, 下旬, 初, 底, 末, 上半月, 下半月
    for suffix in [
        "上半月",
        "下半月",
        "上旬",
        "中旬",
        "下旬",
        "中下旬",
        "初",
        "底",
        "末",
        "间",
    ] {
        if after_month.starts_with(suffix) {
            n += suffix.len();
            break;
        }
    }
    let y = year.or_else(|| ctx.year_for(month, None))?;
    let date = PartialDate::ym(y, month)?;
    // "9、10月间" style ranges are left as the single month
    Some((n, date, None, false))
}

/// "至7日", "到11月7日", "-7日", "—12" after a day.
fn range_tail(s: &str, start: PartialDate, ctx: &Ctx) -> (Option<PartialDate>, usize) {
    let mut n = 0;
    let mut connector = false;
    for conn in ["至", "到", "-", "—", "–", "~", "～", "－"] {
        if s.starts_with(conn) {
            n = conn.len();
            connector = true;
            break;
        }
    }
    if !connector {
        return (None, 0);
    }
    let t = &s[n..];
    let _ = ctx;
    // "11月7日" or "7日"
    if let Some((m, l)) = small_number(t)
        && t[l..].starts_with('月')
    {
        let t2 = &t[l + 3..];
        if let Some((d, l2)) = small_number(t2)
            && (t2[l2..].starts_with('日') || t2[l2..].starts_with('号'))
            && let Some(end) = PartialDate::ymd(start.year, m as u8, d as u8)
            && end >= start
        {
            return (Some(end), n + l + 3 + l2 + 3);
        }
        return (None, 0);
    }
    if let Some((d, l)) = small_number(t)
        && (t[l..].starts_with('日') || t[l..].starts_with('号'))
        && let Some(m) = start.month
        && let Some(end) = PartialDate::ymd(start.year, m, d as u8)
        && end >= start
    {
        return (Some(end), n + l + 3);
    }
    (None, 0)
}

/// "2025.11.17", "2025-11-17", "2025/11/17", "2025.11.01-12", "2025.11.1-10".
fn numeric_date(s: &str) -> Option<Found> {
    let b = s.as_bytes();
    if b.len() < 6 || !b[..4].iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let sep = b[4];
    if !matches!(sep, b'.' | b'-' | b'/') {
        return None;
    }
    let y: i16 = s[..4].parse().ok()?;
    let mut i = 5;
    let ms = i;
    while i < b.len() && b[i].is_ascii_digit() && i - ms < 2 {
        i += 1;
    }
    let m: u8 = s.get(ms..i)?.parse().ok()?;
    if i >= b.len() || b[i] != sep {
        return None;
    }
    i += 1;
    let ds = i;
    while i < b.len() && b[i].is_ascii_digit() && i - ds < 2 {
        i += 1;
    }
    let d: u8 = s.get(ds..i)?.parse().ok()?;
    let start = PartialDate::ymd(y, m, d)?;
    // range "-12" or "–12"
    let rest = &s[i..];
    for conn in ["-", "—", "–", "~"] {
        if let Some(t) = rest.strip_prefix(conn) {
            let l = t.bytes().take_while(|c| c.is_ascii_digit()).count();
            if (1..=2).contains(&l)
                && let Ok(d2) = t[..l].parse::<u8>()
                && let Some(end) = PartialDate::ymd(y, m, d2)
                && end >= start
            {
                return Some((i + conn.len() + l, start, Some(end), false));
            }
        }
    }
    Some((i, start, None, false))
}

fn chinese_relative(rest: &str, ctx: &mut Ctx) -> Option<Found> {
    let r = ctx.reference;
    // a quoted word ("「昨天」频道") is a name, not a date
    for q in ["」", "”", "》", "』"] {
        for w in ["昨天", "今天", "昨日", "今日", "明天"] {
            if rest.starts_with(w) && rest[w.len()..].starts_with(q) {
                return None;
            }
        }
    }
    let day_ref = r.filter(|d| d.day.is_some());
    let simple: &[(&str, i32)] = &[
        ("昨天", -1),
        ("昨日", -1),
        ("昨晚", -1),
        ("前天", -2),
        ("今天", 0),
        ("今日", 0),
        ("今晨", 0),
        ("今早", 0),
    ];
    for (w, off) in simple {
        if rest.starts_with(w) {
            let d = add_days(day_ref?, *off)?;
            return Some((w.len(), d, None, true));
        }
    }
    for (w, off) in [
        ("次日", 1),
        ("翌日", 1),
        ("第二天", 1),
        ("当天", 0),
        ("当日", 0),
        ("当晚", 0),
    ] {
        if rest.starts_with(w) {
            let last = ctx.last.filter(|l| l.day.is_some())?;
            let d = add_days(last, off)?;
            return Some((w.len(), d, None, true));
        }
    }
    // years: 今年 / 去年 / 前年 (+ month)
    for (w, back) in [("今年", 0i16), ("去年", 1), ("前年", 2)] {
        if let Some(t) = rest.strip_prefix(w) {
            let y = ctx.reference?.year - back;
            if let Some((m, l)) = small_number(t)
                && (1..=12).contains(&m)
                && t[l..].starts_with('月')
            {
                let mut n = w.len() + l + 3;
                let t2 = &t[l + 3..];
                if let Some((d, l2)) = small_number(t2)
                    && (t2[l2..].starts_with('日') || t2[l2..].starts_with('号'))
                {
                    let date = PartialDate::ymd(y, m as u8, d as u8)?;
                    n += l2 + 3;
                    return Some((n, date, None, true));
                }
                for suffix in ["份", "上旬", "中旬", "下旬", "初", "底"] {
                    if rest[n..].starts_with(suffix) {
                        n += suffix.len();
                        break;
                    }
                }
                return Some((n, PartialDate::ym(y, m as u8)?, None, true));
            }
            return Some((w.len(), PartialDate::y(y)?, None, true));
        }
    }
    // months: 上个月 / 上月 / 本月
    for (w, back) in [("上个月", 1i32), ("上月", 1), ("本月", 0), ("这个月", 0)] {
        if rest.starts_with(w) {
            let r = ctx.reference?;
            let m = r.month? as i32 - back;
            let (y, m) = if m < 1 { (r.year - 1, m + 12) } else { (r.year, m) };
            return Some((w.len(), PartialDate::ym(y, m as u8)?, None, true));
        }
    }
    // weekdays: 本周三 / 这周三 / 上周三 / 周三 / 星期三 / 礼拜三
    let mut weeks_back = 0;
    let mut n = 0;
    let mut t = rest;
    for (w, b) in [("本周", 0), ("这周", 0), ("上周", 1), ("上星期", 1), ("本星期", 0)] {
        if let Some(x) = t.strip_prefix(w) {
            weeks_back = b;
            n = w.len();
            t = x;
            break;
        }
    }
    let wd = if n > 0 && t.chars().next().is_some_and(|c| weekday_char(Some(c)).is_some()) {
        let idx = weekday_char(t.chars().next())?;
        n += 3;
        idx
    } else {
        let mut found = None;
        for w in ["星期", "礼拜", "周"] {
            if let Some(x) = t.strip_prefix(w) {
                let c = x.chars().next();
                // 周日/周天 are Sunday; 周末, 周年, 周边 are not weekdays
                if let Some(idx) = weekday_char(c)
                    && !(w == "周" && c == Some('天') && x[3..].starts_with('后'))
                {
                    found = Some(idx);
                    n += w.len() + 3;
                }
                break;
            }
        }
        found?
    };
    let base = day_ref?;
    let d = if weeks_back > 0 {
        // the named day of the week before the reference's week
        let rc = to_civil(base)?;
        let monday = rc
            .checked_sub((rc.weekday().to_monday_zero_offset() as i32).days())
            .ok()?;
        let target = monday
            .checked_sub(7.days())
            .ok()?
            .checked_add((wd as i32 - 1).days())
            .ok()?;
        from_civil(target)?
    } else {
        resolve_weekday(base, weekday_from_index(wd), false, 0)?
    };
    Some((n, d, None, true))
}

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS_EN: &[(&str, u8)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
];

fn word_at(s: &str) -> (&str, usize) {
    let n = s.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(s.len());
    (&s[..n], n)
}

fn skip_spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', ',']).len()
}

/// An English month name or abbreviation ("February", "Feb").
pub(crate) fn is_english_month(word: &str) -> bool {
    en_month(word).is_some()
}

fn en_month(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
}

fn en_day(s: &str) -> Option<(u8, usize)> {
    let l = s.bytes().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&l) {
        return None;
    }
    let d: u8 = s[..l].parse().ok()?;
    let mut n = l;
    for suf in ["st", "nd", "rd", "th"] {
        if s[n..].starts_with(suf) {
            n += 2;
            break;
        }
    }
    if s[n..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    (1..=31).contains(&d).then_some((d, n))
}

fn en_year(s: &str) -> Option<(i16, usize)> {
    let l = s.bytes().take_while(|c| c.is_ascii_digit()).count();
    if l != 4
        || s[l..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == ',') && s[l..].len() > 1 && {
            let nb = s.as_bytes().get(l + 1);
            nb.is_some_and(|b| b.is_ascii_digit())
        }
    {
        return None;
    }
    let y: i16 = s[..4].parse().ok()?;
    (1900..=2100).contains(&y).then_some((y, 4))
}

fn english_at(rest: &str, ctx: &mut Ctx) -> Option<Found> {
    let (w, wl) = word_at(rest);
    let lw = w.to_ascii_lowercase();
    // "yesterday", "today"
    if lw == "yesterday" || lw == "today" {
        let d = add_days(
            ctx.reference.filter(|d| d.day.is_some())?,
            if lw == "today" { 0 } else { -1 },
        )?;
        return Some((wl, d, None, true));
    }
    // "last month", "this month"
    if lw == "last" || lw == "this" {
        let t = &rest[wl..];
        let sp = skip_spaces(t);
        let (w2, l2) = word_at(&t[sp..]);
        let lw2 = w2.to_ascii_lowercase();
        if lw2 == "month" {
            let r = ctx.reference?;
            let m = r.month? as i32 - if lw == "last" { 1 } else { 0 };
            let (y, m) = if m < 1 { (r.year - 1, m + 12) } else { (r.year, m) };
            return Some((wl + sp + l2, PartialDate::ym(y, m as u8)?, None, true));
        }
        if lw2 == "year" {
            let r = ctx.reference?;
            let y = r.year - if lw == "last" { 1 } else { 0 };
            return Some((wl + sp + l2, PartialDate::y(y)?, None, true));
        }
        if let Some((_, idx)) = WEEKDAYS_EN.iter().find(|(d, _)| *d == lw2) {
            // "this Thursday (November 13)": the parenthesised date wins later
            let base = ctx.reference.filter(|d| d.day.is_some())?;
            let d = resolve_weekday(base, weekday_from_index(*idx), lw == "last", 0)?;
            return Some((wl + sp + l2, d, None, true));
        }
        return None;
    }
    if let Some((_, idx)) = WEEKDAYS_EN.iter().find(|(d, _)| *d == lw) {
        // "Monday, November 10" is read as the date that follows
        let t = &rest[wl..];
        let sp = skip_spaces(t);
        let (w2, _) = word_at(&t[sp..]);
        if en_month(w2).is_some() || t[sp..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let base = ctx.reference.filter(|d| d.day.is_some())?;
        let d = resolve_weekday(base, weekday_from_index(*idx), false, 0)?;
        return Some((wl, d, None, true));
    }
    // "early/mid/late December"
    let mut n = 0;
    let mut t = rest;
    if matches!(lw.as_str(), "early" | "mid" | "late") {
        let after = &rest[wl..];
        let after = after.strip_prefix('-').unwrap_or(after.trim_start());
        let (w2, _) = word_at(after);
        if en_month(w2).is_some() {
            n = rest.len() - after.len();
            t = after;
        }
    }
    let (mw, ml) = word_at(t);
    let month = match en_month(mw) {
        // "may" is also a verb: only take it before a day or year number
        Some(5) if mw == "may" => None,
        Some(m) => Some(m),
        None => None,
    };
    if let Some(m) = month {
        let mut k = n + ml;
        if rest[k..].starts_with('.') {
            k += 1;
        }
        let sp = skip_spaces(&rest[k..]);
        let after = &rest[k + sp..];
        if let Some((d, dl)) = en_day(after) {
            k += sp + dl;
            // range: "4-7", "5–7", "4 – 7", "5 to 7"
            let mut end_day = None;
            let t2 = &rest[k..];
            for conn in ["-", "–", "—", " – ", " - ", " to "] {
                if let Some(t3) = t2.strip_prefix(conn)
                    && let Some((d2, l2)) = en_day(t3)
                {
                    end_day = Some(d2);
                    k += conn.len() + l2;
                    break;
                }
            }
            let sp2 = skip_spaces(&rest[k..]);
            let year = en_year(&rest[k + sp2..]).map(|(y, l)| {
                k += sp2 + l;
                y
            });
            let y = year.or_else(|| ctx.year_for(m, Some(d)))?;
            let start = PartialDate::ymd(y, m, d)?;
            let end = end_day
                .and_then(|d2| PartialDate::ymd(y, m, d2))
                .filter(|e| *e >= start);
            return Some((k, start, end, false));
        }
        if let Some((y, yl)) = en_year(after) {
            return Some((k + sp + yl, PartialDate::ym(y, m)?, None, false));
        }
        if n > 0 || ctx.ref_year().is_some() {
            let y = ctx.year_for(m, None)?;
            return Some((k, PartialDate::ym(y, m)?, None, false));
        }
        return None;
    }
    None
}

/// English "5 September", "on 28 August", "in 2011" start with a digit.
pub(crate) fn english_numeric(text: &str, from: usize, to: usize, reference: Option<PartialDate>) -> Vec<DateMention> {
    let ctx = Ctx { reference, last: None };
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = from;
    while i < to {
        if !b[i].is_ascii_digit()
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b',' || b[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let rest = &text[i..to];
        if let Some((d, dl)) = en_day(rest) {
            let sp = skip_spaces(&rest[dl..]);
            let (w, wl) = word_at(&rest[dl + sp..]);
            if !w.is_empty()
                && let Some(m) = en_month(w)
                && (m != 5 || w != "may")
            {
                let mut k = dl + sp + wl;
                let sp2 = skip_spaces(&rest[k..]);
                let year = en_year(&rest[k + sp2..]).map(|(y, l)| {
                    k += sp2 + l;
                    y
                });
                if let Some(y) = year.or_else(|| ctx.year_for(m, Some(d)))
                    && let Some(date) = PartialDate::ymd(y, m, d)
                {
                    out.push(DateMention {
                        s: i,
                        e: i + k,
                        start: date,
                        end: None,
                        open: false,
                        relative: false,
                    });
                    i += k;
                    continue;
                }
            }
        }
        if let Some((y, yl)) = en_year(rest) {
            let before = text[..i].trim_end().to_ascii_lowercase();
            if (before.ends_with(" in") || before.ends_with(" since") || before.ends_with(" of"))
                && !rest[yl..].starts_with(|c: char| c.is_ascii_digit())
                && let Some(date) = PartialDate::y(y)
            {
                out.push(DateMention {
                    s: i,
                    e: i + yl,
                    start: date,
                    end: None,
                    open: false,
                    relative: false,
                });
            }
            i += yl;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn first(text: &str, reference: &str) -> (String, Option<String>) {
        let r = Some(d(reference));
        let v = find_dates(text, 0, text.len(), r);
        let m = v.first().unwrap_or_else(|| panic!("no date in {text}"));
        (m.start.to_string(), m.end.map(|e| e.to_string()))
    }

    #[test]
    fn absolute_chinese_dates() {
        assert_eq!(first("2012年1月2日上午,工人", "2012-01-03").0, "2012-01-02");
        assert_eq!(first("11月15日,渔民", "2025-11-15").0, "2025-11-15");
        assert_eq!(first("二〇二四年三月五日", "2025-11-15").0, "2024-03-05");
        assert_eq!(first("九月份,工人", "2025-11-15").0, "2025-09");
        assert_eq!(first("2024年,两起", "2025-11-05").0, "2024");
        assert_eq!(first("11月上半月,频道", "2025-11-12").0, "2025-11");
        assert_eq!(first("2025年9月下旬", "2025-11-12").0, "2025-09");
    }

    #[test]
    fn ranges_and_open_starts() {
        assert_eq!(
            first("家属于11月5日至7日连续三天", "2025-11-07"),
            ("2025-11-05".into(), Some("2025-11-07".into()))
        );
        assert_eq!(
            first("(2025.11.03-13)", "2025-11-13"),
            ("2025-11-03".into(), Some("2025-11-13".into()))
        );
        let t = "工人也自11月3日起开始罢工";
        let v = find_dates(t, 0, t.len(), Some(d("2025-11-13")));
        assert!(v[0].open);
    }

    #[test]
    fn year_rolls_back_across_new_year() {
        assert_eq!(first("12月28日,工人", "2026-01-03").0, "2025-12-28");
    }

    #[test]
    fn relative_chinese_dates() {
        // 2025-11-13 is a Thursday
        assert_eq!(first("本周四(11月13日)", "2025-11-13").0, "2025-11-13");
        assert_eq!(first("周三,村民", "2025-11-05").0, "2025-11-05");
        assert_eq!(first("本周一,投资者", "2025-11-10").0, "2025-11-10");
        assert_eq!(first("上周五,司机", "2025-11-13").0, "2025-11-07");
        assert_eq!(first("昨天,工人", "2025-11-13").0, "2025-11-12");
        assert_eq!(first("今年6月,医生", "2025-11-17").0, "2025-06");
        assert_eq!(first("去年,工人", "2025-11-17").0, "2024");
        assert_eq!(first("上个月,工人", "2025-01-17").0, "2024-12");
        assert!(find_dates("周末和周边", 0, 15, Some(d("2025-11-13"))).is_empty());
    }

    #[test]
    fn day_only_follows_last_month() {
        let t = "9月22日,25日教师罢课。次日又罢课";
        let v = find_dates(t, 0, t.len(), Some(d("2009-10-27")));
        let got: Vec<String> = v.iter().map(|m| m.start.to_string()).collect();
        assert_eq!(got, ["2009-09-22", "2009-09-25", "2009-09-26"]);
    }

    #[test]
    fn durations_are_not_dates() {
        let t = "拖欠三个月工资,行政拘留10日,两个月";
        assert!(find_dates(t, 0, t.len(), Some(d("2025-01-01"))).is_empty());
    }

    #[test]
    fn english_dates() {
        assert_eq!(first("On November 15, in Beihai", "2025-11-15").0, "2025-11-15");
        assert_eq!(
            first("October 4-7, 2018", "2018-10-04"),
            ("2018-10-04".into(), Some("2018-10-07".into()))
        );
        assert_eq!(first("On Wednesday, villagers", "2025-11-05").0, "2025-11-05");
        assert_eq!(first("this Thursday (November 13)", "2025-11-13").0, "2025-11-13");
        assert_eq!(first("last month", "2017-09-10").0, "2017-08");
        assert_eq!(first("In early December", "2018-10-04").0, "2017-12");
        let t = "held a demonstration on 5 September and in 2011";
        let v = english_numeric(t, 0, t.len(), Some(d("2017-09-30")));
        let got: Vec<String> = v.iter().map(|m| m.start.to_string()).collect();
        assert_eq!(got, ["2017-09-05", "2011"]);
    }
}
