//! Counts of people: the size of a crowd, the number arrested, injured or
//! killed. The counting rules are those of codebook.md ("Counting"):
//! a plain number is exact, "至少/超过/逾 N" and "上百/上千" are open upward,
//! "数百/hundreds of" is 200..999, "近 N" is 0.8N..N, vague words keep the
//! text but no number.

use crate::numbers;

/// One count of people found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Count {
    /// Start of the quantity (qualifier included).
    pub s: usize,
    /// End of the phrase (the person noun included).
    pub e: usize,
    pub min: Option<u32>,
    pub max: Option<u32>,
    /// A plain number (no qualifier, not a vague word).
    pub exact: bool,
}

const CN_VAGUE_NUM: &[(&str, Option<u32>, Option<u32>)] = &[
    ("数以万计", Some(20000), Some(99999)),
    ("数以千计", Some(2000), Some(9999)),
    ("数以百计", Some(200), Some(999)),
    ("成千上万", Some(1000), None),
    ("成百上千", Some(100), None),
    ("数十", Some(20), Some(99)),
    ("几十", Some(20), Some(99)),
    ("数百", Some(200), Some(999)),
    ("几百", Some(200), Some(999)),
    ("数千", Some(2000), Some(9999)),
    ("几千", Some(2000), Some(9999)),
    ("数万", Some(20000), Some(99999)),
    ("几万", Some(20000), Some(99999)),
    ("上百", Some(100), None),
    ("上千", Some(1000), None),
    ("上万", Some(10000), None),
    ("十几", Some(11), Some(19)),
    ("十多", Some(11), Some(19)),
    ("数", Some(2), Some(9)),
    ("几", Some(2), Some(9)),
];

const CN_VAGUE_WORDS: &[&str] = &[
    "大批", "大量", "众多", "许多", "大群", "成群", "全体", "全县", "全村", "全厂", "全市", "多名", "多位", "一批",
    "一群", "不少",
];

const CN_MEASURE: &[&str] = &[
    "名", "位", "个", "人", "辆", "台", "多名", "余名", "多位", "余位", "多人", "余人",
];

/// Person nouns that may end a count besides the lexicon's group terms.
const CN_PERSON_TAIL: &[&str] = &["人", "者", "员", "民", "工", "户", "众"];

fn starts_any<'a>(s: &str, list: &'a [&'a str]) -> Option<&'a str> {
    list.iter()
        .copied()
        .filter(|w| s.starts_with(w))
        .max_by_key(|w| w.len())
}

/// Finds Chinese counts of people in `m[from..to]`. `person_end(pos)` says
/// whether a person noun (a group term) starts at `pos` and where it ends.
pub(crate) fn find_chinese(m: &str, from: usize, to: usize, person_end: &dyn Fn(usize) -> Option<usize>) -> Vec<Count> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let rest = &m[i..to];
        let Some(c) = rest.chars().next() else { break };
        if let Some(count) = chinese_at(m, i, to, person_end) {
            i = count.e.max(i + c.len_utf8());
            out.push(count);
        } else {
            i += c.len_utf8();
        }
    }
    out
}

/// Characters a Chinese count of people can start with.
fn may_start_count(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || numbers::digit(c).is_some()
        || matches!(
            c,
            '十' | '百'
                | '千'
                | '万'
                | '约'
                | '大'
                | '将'
                | '接'
                | '至'
                | '超'
                | '多'
                | '高'
                | '不'
                | '逾'
                | '近'
                | '过'
                | '共'
                | '数'
                | '几'
                | '上'
                | '成'
                | '众'
                | '许'
                | '全'
                | '一'
        )
}

fn chinese_at(m: &str, i: usize, to: usize, person_end: &dyn Fn(usize) -> Option<usize>) -> Option<Count> {
    let rest = &m[i..to];
    if !rest.chars().next().is_some_and(may_start_count) {
        return None;
    }
    let mut k = 0;
    // qualifier
    let mut qual = "";
    for q in [
        "大约有",
        "约有",
        "大约",
        "大概",
        "将近",
        "接近",
        "至少有",
        "至少",
        "超过",
        "多达",
        "高达",
        "不少于",
        "逾",
        "近",
        "约",
        "超",
        "过",
        "共有",
        "共",
    ] {
        if rest.starts_with(q) {
            qual = q;
            k = q.len();
            break;
        }
    }
    let t = &rest[k..];
    let (mut min, mut max, mut exact, mut n);
    if let Some(w) = starts_any(t, CN_VAGUE_WORDS) {
        // vague crowd words: keep the text, no number
        n = w.len();
        let after = &t[n..];
        let person = after
            .char_indices()
            .take(8)
            .find_map(|(j, _)| person_end(i + k + n + j).map(|e| (j, e)));
        let (j, e) = person?;
        // only adjectives between the word and the noun
        if after[..j].contains([',', '\u{ff0c}', '。', '、']) {
            return None;
        }
        return Some(Count {
            s: i,
            e,
            min: None,
            max: None,
            exact: false,
        });
    }
    if let Some((w, lo, hi)) = CN_VAGUE_NUM.iter().find(|(w, _, _)| t.starts_with(w)) {
        // "数" and "几" alone need a measure word right after ("数名", "几位")
        n = w.len();
        if (*w == "数" || *w == "几") && starts_any(&t[n..], &["名", "位", "个", "人"]).is_none() {
            return None;
        }
        min = *lo;
        max = *hi;
        exact = false;
    } else {
        let first = t.chars().next()?;
        if !(first.is_ascii_digit() || numbers::digit(first).is_some() || matches!(first, '十' | '百' | '千' | '万'))
        {
            return None;
        }
        // a digit glued to a preceding digit is part of another number
        if let Some(p) = m[..i].chars().next_back()
            && (p.is_ascii_digit() || p == '.')
            && k == 0
        {
            return None;
        }
        let (v, l) = numbers::parse_at(t)?;
        if v == 0 || v > 10_000_000 {
            return None;
        }
        // a date, a time or a money amount, not people
        if t[l..].starts_with(['月', '日', '年', '号', '点', '时', '元', '%', '岁', '天', '倍', '次']) {
            return None;
        }
        // Chinese numerals need a measure word or 多/余 ("六盘水" is a name)
        // ("五六十名": a second digit starts a range, read below)
        if !first.is_ascii_digit()
            && starts_any(&t[l..], CN_MEASURE).is_none()
            && !t[l..].starts_with(['多', '余'])
            && !t[l..].starts_with(|c: char| numbers::digit(c).is_some() && !c.is_ascii_digit())
        {
            return None;
        }
        n = l;
        let v = v as u32;
        min = Some(v);
        max = Some(v);
        exact = true;
        // "三四百", "二三十": two digits in a row
        if let Some(rest2) = t.get(n..)
            && let Some(c2) = rest2.chars().next()
            && numbers::digit(c2).is_some()
            && !c2.is_ascii_digit()
            && !first.is_ascii_digit()
            && let Some((v2, l2)) = numbers::parse_at(rest2)
        {
            // 三四百: first digit scales like the second number
            let scale = (v2 as f64 / numbers::digit(c2).unwrap_or(1).max(1) as f64).max(1.0);
            min = Some((v as f64 * scale) as u32);
            max = Some(v2 as u32);
            n += l2;
            exact = false;
        }
        // "300多", "百余"
        let tail = &t[n..];
        if tail.starts_with('多') || tail.starts_with('余') || tail.starts_with('来') {
            max = None;
            exact = false;
            if !tail.starts_with("多名") && !tail.starts_with("余名") {
                n += 3;
            }
        }
        match qual {
            "近" | "将近" | "接近" => {
                min = Some((v as f64 * 0.8).round() as u32);
                exact = false;
            }
            "至少" | "至少有" | "超过" | "逾" | "超" | "过" | "多达" | "高达" | "不少于" => {
                max = None;
                exact = false;
            }
            _ => {}
        }
    }
    // measure word
    let after = &t[n..];
    let mut j = 0;
    if let Some(mw) = starts_any(after, CN_MEASURE) {
        j = mw.len();
        if mw.starts_with('多') || mw.starts_with('余') {
            max = None;
            exact = false;
        }
        if mw == "人" || mw.ends_with('人') {
            return Some(Count {
                s: i,
                e: i + k + n + j,
                min,
                max,
                exact,
            });
        }
    } else if !(after.starts_with(|c: char| crate::segment::is_cjk(c))) {
        return None;
    }
    // the person noun, at most a few words later, with no punctuation between
    let base = i + k + n + j;
    let window = &m[base..to];
    for (off, ch) in window.char_indices() {
        // another number starts another count
        if off > 0
            && (ch.is_ascii_digit()
                || (numbers::digit(ch).is_some() && ch != '一')
                || matches!(ch, '十' | '百' | '千' | '万' | '数' | '几'))
        {
            return None;
        }
        // a quoted name after a measure word ("一百多名“某某金服”的投资人") is
        // part of the noun phrase; a quote anywhere else ends the count
        if matches!(ch, '“' | '”' | '「' | '」') && j == 0 {
            break;
        }
        if off > 54
            || matches!(
                ch,
                ',' | '\u{ff0c}'
                    | '。'
                    | '、'
                    | ':'
                    | '\u{ff1a}'
                    | ';'
                    | '\u{ff1b}'
                    | '('
                    | ')'
                    | '\u{ff08}'
                    | '\u{ff09}'
            )
        {
            break;
        }
        if let Some(e) = person_end(base + off) {
            return Some(Count {
                s: i,
                e,
                min,
                max,
                exact,
            });
        }
        if off == 0
            && ["月", "天", "年", "小时", "星期", "周", "钟头"]
                .iter()
                .any(|u| window.starts_with(u))
        {
            return None;
        }
        if j > 0 && off > 0 && CN_PERSON_TAIL.iter().any(|p| window[off..].starts_with(p)) && off <= 12 {
            return Some(Count {
                s: i,
                e: base + off + 3,
                min,
                max,
                exact,
            });
        }
    }
    None
}

const EN_PERSON: &[&str] = &[
    "people",
    "persons",
    "protesters",
    "protestors",
    "demonstrators",
    "participants",
    "men",
    "women",
    "others",
    "individuals",
    "members",
    "supporters",
    "marchers",
    "strikers",
];

fn en_word(s: &str) -> (&str, usize) {
    let n = s
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '-' || c == '\''))
        .unwrap_or(s.len());
    (&s[..n], n)
}

/// Finds English counts of people ("hundreds of workers", "about 200
/// workers", "at least four were taken away", "10,000 to 70,000").
pub(crate) fn find_english(m: &str, from: usize, to: usize, person_end: &dyn Fn(usize) -> Option<usize>) -> Vec<Count> {
    let mut out = Vec::new();
    let b = m.as_bytes();
    let mut i = from;
    while i < to {
        let at_word = b[i].is_ascii_alphanumeric() && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        if at_word && let Some(c) = english_at(m, i, to, person_end) {
            i = c.e;
            out.push(c);
            continue;
        }
        i += 1;
        while i < to && !m.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

fn english_at(m: &str, i: usize, to: usize, person_end: &dyn Fn(usize) -> Option<usize>) -> Option<Count> {
    let rest = &m[i..to];
    let lower: String = rest.chars().take(40).collect::<String>().to_ascii_lowercase();
    let mut k = 0;
    let mut qual = "";
    for q in [
        "about ",
        "around ",
        "approximately ",
        "roughly ",
        "some ",
        "nearly ",
        "almost ",
        "at least ",
        "more than ",
        "over ",
        "up to ",
        "as many as ",
        "estimated at ",
        "an estimated ",
        "a group of ",
        "a crowd of ",
    ] {
        if lower.starts_with(q) {
            qual = q.trim_end();
            k = q.len();
            break;
        }
    }
    let t = &rest[k..];
    let lt = &lower[k.min(lower.len())..];
    let (min, max, mut n, exact);
    let vague: &[(&str, Option<u32>, Option<u32>)] = &[
        ("tens of thousands of ", Some(20000), Some(99999)),
        ("tens of thousands", Some(20000), Some(99999)),
        ("thousands of ", Some(2000), Some(9999)),
        ("hundreds of ", Some(200), Some(999)),
        ("hundreds", Some(200), Some(999)),
        ("dozens of ", Some(20), Some(99)),
        ("dozens", Some(20), Some(99)),
        ("several ", Some(2), Some(9)),
        ("a few ", Some(2), Some(9)),
        ("a handful of ", Some(2), Some(9)),
        ("many ", None, None),
        ("crowds of ", None, None),
        ("large numbers of ", None, None),
        ("a large number of ", None, None),
    ];
    if let Some((w, lo, hi)) = vague.iter().find(|(w, _, _)| lt.starts_with(w)) {
        min = *lo;
        max = *hi;
        n = w.len();
        exact = false;
        if w.ends_with("thousands") || *w == "hundreds" || *w == "dozens" {
            // "Participants: Hundreds" / "thousands gathered"
            return Some(Count {
                s: i,
                e: i + k + n,
                min,
                max,
                exact,
            });
        }
    } else {
        let (v, l) = numbers::parse_english_at(t)?;
        if v == 0 || v > 10_000_000 || (1900..=2100).contains(&v) && t[..l].bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        // "8 February villagers": a day of the month, not a count
        let (next, _) = en_word(t[l..].trim_start());
        if crate::dates::is_english_month(next) {
            return None;
        }
        let v = v as u32;
        n = l;
        let mut lo = Some(v);
        let mut hi = Some(v);
        let mut ex = true;
        // "10,000 to 70,000"
        let tail = &t[n..];
        for conn in [" to ", "-", "–", " and "] {
            if let Some(t2) = tail.strip_prefix(conn)
                && let Some((v2, l2)) = numbers::parse_english_at(t2)
                && v2 as u32 > v
                && conn != " and "
            {
                hi = Some(v2 as u32);
                n += conn.len() + l2;
                ex = false;
                break;
            }
        }
        match qual {
            "nearly" | "almost" => {
                lo = Some((v as f64 * 0.8).round() as u32);
                ex = false;
            }
            "at least" | "more than" | "over" | "as many as" => {
                hi = None;
                ex = false;
            }
            "up to" => {
                lo = None;
                ex = false;
            }
            _ => {}
        }
        min = lo;
        max = hi;
        exact = ex && qual.is_empty();
        if hi.is_some() && hi != lo && tail.trim_start().is_empty() {
            n = t.len();
        }
        if hi != lo && hi.is_some() {
            // a range of estimates stands alone
            return Some(Count {
                s: i,
                e: i + k + n,
                min,
                max,
                exact,
            });
        }
    }
    // up to three words before the person noun ("300 elderly veterans")
    let mut p = i + k + n;
    for _ in 0..4 {
        while p < to && m.as_bytes()[p] == b' ' {
            p += 1;
        }
        if p >= to {
            break;
        }
        if let Some(e) = person_end(p) {
            return Some(Count {
                s: i,
                e,
                min,
                max,
                exact,
            });
        }
        let (w, wl) = en_word(&m[p..to]);
        if wl == 0 {
            break;
        }
        let lw = w.to_ascii_lowercase();
        if EN_PERSON.contains(&lw.as_str()) {
            return Some(Count {
                s: i,
                e: p + wl,
                min,
                max,
                exact,
            });
        }
        // "four were taken away": the verb follows the number directly
        if matches!(lw.as_str(), "were" | "was" | "have" | "had") && p == i + k + n + 1 {
            return Some(Count {
                s: i,
                e: i + k + n,
                min,
                max,
                exact,
            });
        }
        if matches!(lw.as_str(), "of" | "the" | "a" | "an") && p != i + k + n + 1 {
            break;
        }
        p += wl;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(m: &str) -> impl Fn(usize) -> Option<usize> + '_ {
        move |p: usize| {
            for w in [
                "工人",
                "村民",
                "投资者",
                "老兵",
                "退伍士官",
                "渔民",
                "家属",
                "市民",
                "workers",
                "veterans",
                "fishermen",
                "investors",
                "villagers",
            ] {
                if m[p..].starts_with(w) {
                    return Some(p + w.len());
                }
            }
            None
        }
    }

    fn cn(text: &str) -> (Option<u32>, Option<u32>, String) {
        let f = person(text);
        let v = find_chinese(text, 0, text.len(), &f);
        let c = v.first().unwrap_or_else(|| panic!("no count in {text}"));
        (c.min, c.max, text[c.s..c.e].to_string())
    }

    fn en(text: &str) -> (Option<u32>, Option<u32>, String) {
        let f = person(text);
        let v = find_english(text, 0, text.len(), &f);
        let c = v.first().unwrap_or_else(|| panic!("no count in {text}"));
        (c.min, c.max, text[c.s..c.e].to_string())
    }

    #[test]
    fn chinese_counting_rules() {
        assert_eq!(cn("约有200名工人聚集"), (Some(200), Some(200), "约有200名工人".into()));
        assert_eq!(cn("三百名工人也罢工"), (Some(300), Some(300), "三百名工人".into()));
        assert_eq!(cn("两千多名村民"), (Some(2000), None, "两千多名村民".into()));
        assert_eq!(cn("数百名投资者再次聚集").0, Some(200));
        assert_eq!(cn("数百名投资者再次聚集").1, Some(999));
        assert_eq!(cn("上千名村民").1, None);
        assert_eq!(cn("上千名村民").0, Some(1000));
        assert_eq!(
            cn("数十名三级以上退伍士官"),
            (Some(20), Some(99), "数十名三级以上退伍士官".into())
        );
        assert_eq!(cn("至少有4名渔民被抓走").0, Some(4));
        assert_eq!(cn("至少有4名渔民被抓走").1, None);
        assert_eq!(cn("近400人前来"), (Some(320), Some(400), "近400人".into()));
        assert_eq!(cn("逾百名工人"), (Some(100), None, "逾百名工人".into()));
        assert_eq!(cn("大量当地市民的支持"), (None, None, "大量当地市民".into()));
        assert_eq!(cn("10人被当场抓走"), (Some(10), Some(10), "10人".into()));
        assert_eq!(cn("万名退役军人包围").0, Some(10000));
        assert_eq!(cn("数名前往北京上访的山西吕梁退伍老兵").0, Some(2));
        assert_eq!(cn("十几名村民被拘留"), (Some(11), Some(19), "十几名村民".into()));
        assert_eq!(
            cn("一百五十多名“某某金服”的投资者来到"),
            (Some(150), None, "一百五十多名“某某金服”的投资者".into())
        );
        assert_eq!(cn("五六十名村民聚集"), (Some(50), Some(60), "五六十名村民".into()));
        assert_eq!(cn("百余名村民"), (Some(100), None, "百余名村民".into()));
        assert_eq!(cn("20多名工人"), (Some(20), None, "20多名工人".into()));
    }

    #[test]
    fn money_and_durations_are_not_counts() {
        let t = "涉及资金约11亿元,拖欠三个月,月收益8%";
        let f = person(t);
        assert!(find_chinese(t, 0, t.len(), &f).is_empty());
    }

    #[test]
    fn english_counting_rules() {
        assert_eq!(
            en("Hundreds of workers went"),
            (Some(200), Some(999), "Hundreds of workers".into())
        );
        assert_eq!(
            en("around 200 workers gathering"),
            (Some(200), Some(200), "around 200 workers".into())
        );
        assert_eq!(en("at least four fishermen were").1, None);
        assert_eq!(
            en("more than 300 veterans from"),
            (Some(300), None, "more than 300 veterans".into())
        );
        assert_eq!(
            en("over a thousand villagers"),
            (Some(1000), None, "over a thousand villagers".into())
        );
        assert_eq!(en("estimated at 10,000 to 70,000 - assembled").1, Some(70000));
        assert_eq!(
            en("a group of 38 elderly veterans"),
            (Some(38), Some(38), "a group of 38 elderly veterans".into())
        );
        assert_eq!(en("dozens of senior veterans staged").0, Some(20));
        assert_eq!(en("and 10 were arrested"), (Some(10), Some(10), "10".into()));
        let t = "On 8 February villagers gathered";
        assert!(find_english(t, 0, t.len(), &person(t)).is_empty());
    }
}
