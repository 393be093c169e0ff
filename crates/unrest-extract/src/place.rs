//! Places: administrative units through the gazetteer, countries abroad, and
//! named sites below the village (a square, a factory gate, a mine, a
//! government building).
//!
//! Reports name many places; the rules here pick the incident's place: a
//! place introduced by a locative word ("在", "于", "前往", "at", "in") beats
//! one that only qualifies a group ("山西吕梁退伍老兵") or a firm; a more
//! specific unit beats a broader one; places used as a reference ("与镇雄临近的")
//! are not taken.

use crate::lexicon::{Cat, Hit};
use crate::segment::is_cjk;
use unrest_gazetteer::{Gazetteer, Level, Unit};

/// A run of adjacent place mentions read as one place ("浙江宁波市海曙区").
#[derive(Debug, Clone)]
pub(crate) struct Chain {
    pub s: usize,
    pub e: usize,
    /// Province ..= unit (the country alone for places abroad).
    pub path: Vec<Unit>,
    /// Introduced by a locative word.
    pub locative: bool,
    /// Qualifies a group or firm rather than naming where things happened.
    pub modifier: bool,
    /// Used as a reference point ("与X临近的", "X附近").
    pub reference: bool,
}

impl Chain {
    /// The most specific unit.
    pub fn unit(&self) -> Option<&Unit> {
        self.path.last()
    }

    /// The unit's code (division code, or ISO code abroad).
    pub fn code(&self) -> &str {
        self.unit().map(|u| u.code.as_str()).unwrap_or("")
    }

    pub fn is_foreign(&self) -> bool {
        self.unit().is_some_and(|u| u.country != "CN")
    }

    fn rank(&self) -> i32 {
        let level = match self.unit().map(|u| u.level) {
            Some(Level::Village) => 6,
            Some(Level::Township) => 5,
            Some(Level::County) => 4,
            Some(Level::Prefecture) => 3,
            Some(Level::Province) => 2,
            Some(Level::Country) => 2,
            None => 0,
        };
        level + if self.locative { 4 } else { 0 }
            - if self.modifier { 8 } else { 0 }
            - if self.reference { 12 } else { 0 }
    }

    /// One chain lies within the other's lineage (same place or a part of it).
    pub fn compatible(a: &str, b: &str) -> bool {
        if a.is_empty() || b.is_empty() {
            return true;
        }
        let a_cn = a.bytes().all(|c| c.is_ascii_digit());
        let b_cn = b.bytes().all(|c| c.is_ascii_digit());
        if a_cn != b_cn {
            return false;
        }
        a.starts_with(b) || b.starts_with(a)
    }
}

const LOCATIVE_ZH: &[&str] = &[
    "在",
    "于",
    "到",
    "前往",
    "赴",
    "进",
    "至",
    "来自",
    "位于",
    "聚集到",
    "涌入",
    "进入",
    "途经",
];
const LOCATIVE_EN: &[&str] = &["in ", "at ", "to ", "from ", "of ", "near ", "across ", "outside "];
const REFERENCE_AFTER: &[&str] = &["临近", "相邻", "接壤", "附近", "邻近", "周边", "一带"];

/// Finds place chains in `m[from..to]` with the gazetteer (and the
/// lexicon's country names for countries it does not know).
pub(crate) fn chains(
    gaz: &Gazetteer,
    countries: &[String],
    hits: &[Hit],
    m: &str,
    from: usize,
    to: usize,
    group_at: &dyn Fn(usize) -> bool,
) -> Vec<Chain> {
    let text = &m[from..to];
    let mut raw: Vec<(usize, usize, Vec<Unit>)> = Vec::new();
    for mention in gaz.geoparse(text) {
        if !mention.confident {
            continue;
        }
        let Some(res) = mention.resolved else { continue };
        let path = if res.path.is_empty() { vec![res.unit] } else { res.path };
        raw.push((from + mention.start, from + mention.end, path));
    }
    // countries the gazetteer did not report
    for h in hits {
        if let Cat::Country(i) = h.cat
            && h.s >= from
            && h.e <= to
            && !raw.iter().any(|(s, e, _)| *s < h.e && h.s < *e)
            && let Some(code) = countries.get(i as usize)
        {
            let unit = gaz.unit(code).unwrap_or_else(|| Unit {
                code: code.clone(),
                level: Level::Country,
                name: m[h.s..h.e].to_string(),
                name_en: String::new(),
                lat: None,
                lon: None,
                country: code.clone(),
            });
            raw.push((h.s, h.e, vec![unit]));
        }
    }
    raw.sort_by_key(|r| r.0);
    // merge adjacent mentions that form one lineage ("浙江" "宁波市" "海曙区")
    let mut out: Vec<Chain> = Vec::new();
    for (s, e, path) in raw {
        if let Some(last) = out.last_mut() {
            let gap = &m[last.e..s];
            let joins =
                gap.is_empty() || gap.chars().all(|c| c == ' ' || c == ',' || c == '\u{ff0c}') && gap.len() <= 2;
            let code = path.last().map(|u| u.code.clone()).unwrap_or_default();
            if joins && Chain::compatible(last.code(), &code) {
                if path.len() >= last.path.len() {
                    last.path = path;
                }
                last.e = e;
                continue;
            }
        }
        out.push(Chain {
            s,
            e,
            path,
            locative: false,
            modifier: false,
            reference: false,
        });
    }
    for c in &mut out {
        let near = crate::evidence::floor_boundary(m, c.s.saturating_sub(16)).max(from.min(c.s));
        let before = &m[near..c.s];
        let before_tail: &str = {
            let start = before.char_indices().rev().nth(3).map(|(i, _)| i).unwrap_or(0);
            &before[start..]
        };
        let lower_before = before.to_ascii_lowercase();
        c.locative = LOCATIVE_ZH.iter().any(|w| before_tail.ends_with(w))
            || LOCATIVE_EN.iter().any(|w| lower_before.ends_with(w));
        let after = &m[c.e..to];
        let after4 = &after[..after.char_indices().nth(4).map(|(i, _)| i).unwrap_or(after.len())];
        c.reference = REFERENCE_AFTER.iter().any(|w| after.starts_with(w))
            || (before_tail.ends_with('与') || before_tail.ends_with('和'))
                && REFERENCE_AFTER.iter().any(|w| after4.contains(w));
        // "山西吕梁退伍老兵", "云南老兵": a place glued to a group noun
        let glued = group_at(c.e)
            || after
                .char_indices()
                .take(3)
                .skip(1)
                .any(|(o, ch)| is_cjk(ch) && group_at(c.e + o) && !after[..o].contains('的'));
        let unit_is_village = c
            .unit()
            .is_some_and(|u| u.level == Level::Village || u.level == Level::Township);
        // "香港银图电器": the origin of a firm
        let firm = hits
            .iter()
            .any(|h| matches!(h.cat, Cat::ForeignCo | Cat::StateCo) && h.s < c.e && c.s < h.e);
        c.modifier = (glued && !c.locative && !unit_is_village) || firm;
    }
    out
}

/// The best chain for an incident among `chains` (None when all are weak).
pub(crate) fn best<'c>(chains: &[&'c Chain]) -> Option<&'c Chain> {
    let mut best: Option<&Chain> = None;
    for c in chains {
        if c.reference {
            continue;
        }
        match best {
            None => best = Some(c),
            Some(b) if c.rank() > b.rank() => best = Some(c),
            _ => {}
        }
    }
    best
}

/// Named sites: each site-suffix hit extended left over the words that name
/// it ("攀枝花煤矿", "韩城市政府门前", "雅朵鞋业门口", "Tianyi Square").
pub(crate) fn sites(hits: &[Hit], chains: &[Chain], m: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for h in hits.iter().filter(|h| h.cat == Cat::Site && h.s >= from && h.e <= to) {
        if m[h.s..h.e].is_ascii() {
            if let Some(span) = english_site(m, from, h.s, h.e) {
                out.push(span);
            }
            continue;
        }
        // extend the end over a longer suffix starting at the same place
        let mut e = h.e;
        loop {
            let cur = e;
            let longer = hits
                .iter()
                .filter(|h2| h2.cat == Cat::Site && h2.s >= h.s && h2.s <= cur && h2.e > cur)
                .map(|h2| h2.e)
                .max();
            match longer {
                Some(x) => e = x,
                None => break,
            }
        }
        let mut s = h.s;
        let stop = |c: char| {
            !is_cjk(c)
                || matches!(
                    c,
                    '的' | '在'
                        | '于'
                        | '到'
                        | '了'
                        | '和'
                        | '与'
                        | '向'
                        | '从'
                        | '对'
                        | '被'
                        | '将'
                        | '是'
                        | '为'
                        | '等'
                        | '名'
                        | '位'
                        | '个'
                        | '家'
                        | '往'
                        | '赴'
                        | '进'
                        | '至'
                        | '有'
                        | '及'
                        | '把'
                        | '让'
                        | '给'
                        | '这'
                        | '那'
                        | '该'
                        | '其'
                        | '由'
                        | '曾'
                        | '并'
                        | '也'
                        | '都'
                        | '又'
                        | '再'
                        | '就'
                        | '前'
                        | '后'
                        | '们'
                        | '人'
                )
        };
        for (o, c) in m[from..s].char_indices().rev() {
            if stop(c) || s - (from + o) > 36 {
                break;
            }
            s = from + o;
        }
        // drop a leading locative verb ("来自几内亚…")
        for w in [
            "来自", "位于", "前往", "来到", "赶到", "担心", "包围", "抗议", "要求", "围堵", "冲进", "聚集", "进入",
            "占领", "堵住", "围住", "反对", "抵制", "控诉", "状告", "举报",
        ] {
            if m[s..].starts_with(w) && s + w.len() < h.s {
                s += w.len();
            }
        }
        // drop leading administrative names unless the rest is generic
        let mut lead = s;
        for c in chains {
            if c.s <= lead && c.e > lead && c.e < h.s {
                lead = c.e;
            }
        }
        let rest = &m[lead..e];
        let generic = rest.chars().count() <= 3 || rest.starts_with("政府") || rest.starts_with("市政府");
        if !generic {
            s = lead;
        }
        if e > s && m[s..e].chars().count() >= 2 && !out.iter().any(|&(a, b)| a <= s && e <= b) {
            out.retain(|&(a, b)| !(s <= a && b <= e));
            out.push((s, e));
        }
    }
    out.sort();
    // a bare suffix ("公司", "门口") is not a site name
    out.retain(|&(s, e)| {
        !hits
            .iter()
            .any(|h| h.cat == Cat::Site && h.s == s && h.e == e && !m[s..e].is_ascii())
            || m[s..e].chars().count() > 3
    });
    out
}

fn english_site(m: &str, from: usize, s: usize, e: usize) -> Option<(usize, usize)> {
    // capitalised words before the suffix: "Tianyi Square", "People's Square"
    let before = &m[from..s];
    let mut start = s;
    for w in before.trim_end().rsplit(' ').take(4) {
        let first = w.chars().next()?;
        if first.is_uppercase() && !matches!(w, "The" | "A" | "At" | "In" | "On") {
            start = before.trim_end().rfind(w).map(|p| from + p)?;
        } else {
            break;
        }
    }
    (start < s).then_some((start, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lineage_compatibility() {
        assert!(Chain::compatible("520322", "52"));
        assert!(Chain::compatible("4403", "440305"));
        assert!(!Chain::compatible("4403", "3608"));
        assert!(!Chain::compatible("GN", "14"));
        assert!(Chain::compatible("", "14"));
    }

    #[test]
    fn sites_extend_left_to_their_name() {
        let l = crate::Lexicon::embedded();
        for (text, want) in [
            ("工人在新光煤矿门口聚集", "新光煤矿门口"),
            ("投资者聚集在市政府门前", "市政府门前"),
            ("村民来到天河广场", "天河广场"),
            ("家属在远航鞋业门口讨说法", "远航鞋业门口"),
        ] {
            let hits = l.scan(text);
            let v = sites(&hits, &[], text, 0, text.len());
            let got: Vec<&str> = v.iter().map(|&(s, e)| &text[s..e]).collect();
            assert!(got.contains(&want), "{text}: {got:?}");
        }
        let text = "crowds assembled in People's Square on Sunday";
        let hits = l.scan(text);
        let v = sites(&hits, &[], text, 0, text.len());
        assert_eq!(&text[v[0].0..v[0].1], "People's Square");
    }
}
