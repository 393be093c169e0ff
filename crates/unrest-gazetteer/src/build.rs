//! Builds the compressed data file from the TSV files that
//! `scripts/gazetteer/prepare.py` writes. Run through
//! `cargo run -p unrest-gazetteer --example build_data`; see docs/GAZETTEER.md.

use std::collections::BTreeMap;

use crate::GazetteerError;
use crate::data::{AliasTable, Data, FORMAT_VERSION, NONE};
use crate::names::{self, AliasKind};

/// English names of province-level units that pinyin alone gets wrong or
/// that have a customary form: (code, English name, extra English aliases).
const PROVINCE_EN: &[(&str, &str, &[&str])] = &[
    ("11", "Beijing Municipality", &["Beijing"]),
    ("12", "Tianjin Municipality", &["Tianjin"]),
    ("31", "Shanghai Municipality", &["Shanghai"]),
    ("50", "Chongqing Municipality", &["Chongqing"]),
    (
        "15",
        "Inner Mongolia Autonomous Region",
        &["Inner Mongolia", "Nei Mongol"],
    ),
    ("45", "Guangxi Zhuang Autonomous Region", &["Guangxi"]),
    ("54", "Tibet Autonomous Region", &["Tibet", "Xizang"]),
    ("64", "Ningxia Hui Autonomous Region", &["Ningxia"]),
    ("65", "Xinjiang Uyghur Autonomous Region", &["Xinjiang"]),
    ("61", "Shaanxi Province", &["Shaanxi", "Shaanxi Province"]),
    ("71", "Taiwan", &["Taiwan"]),
    ("81", "Hong Kong Special Administrative Region", &["Hong Kong"]),
    ("82", "Macao Special Administrative Region", &["Macao", "Macau"]),
];

/// ISO codes of the province-level regions outside "CN".
const REGION_ISO: &[(&str, &str)] = &[("71", "TW"), ("81", "HK"), ("82", "MO")];

/// English class of a township or village name, stored as the kind of its
/// `lower_en` entries: 0 town or township, 1 subdistrict, 2 village, 3 community.
pub(crate) fn english_class(level: u8, name: &str) -> Option<u8> {
    match level {
        4 if name.ends_with('镇') || name.ends_with('乡') || name.ends_with("苏木") => Some(0),
        4 if name.ends_with("街道") => Some(1),
        5 if name.ends_with('村') || name.ends_with("嘎查") => Some(2),
        5 if name.ends_with("社区") || name.ends_with("居委会") => Some(3),
        _ => None,
    }
}

/// Characters a township or village key may end with; the scanner looks
/// backwards from these only.
pub(crate) const LOWER_ANCHORS: &[char] = &['村', '区', '查', '会', '镇', '乡', '道', '木', '场'];

struct Row {
    code: String,
    level: u8,
    parent: String,
    name: String,
    pinyin: Vec<String>,
    lat: f32,
    lon: f32,
    olds: Vec<String>,
}

fn parse_f32(s: &str) -> f32 {
    s.parse().unwrap_or(f32::NAN)
}

fn input_err(file: &str, line: usize, message: &str) -> GazetteerError {
    GazetteerError::Input {
        file: file.into(),
        line,
        message: message.into(),
    }
}

fn parse_units(tsv: &str) -> Result<Vec<Row>, GazetteerError> {
    let mut rows = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 8 {
            return Err(input_err("units.tsv", i + 1, "expected 8 tab-separated fields"));
        }
        let level: u8 = f[1].parse().map_err(|_| input_err("units.tsv", i + 1, "bad level"))?;
        if !(1..=5).contains(&level) {
            return Err(input_err("units.tsv", i + 1, "level must be 1..5"));
        }
        let raw = f[3];
        let name = if level == 5 {
            names::village_name(raw)
        } else {
            raw.to_string()
        };
        let mut pinyin: Vec<String> = f[4].split(' ').map(str::to_string).collect();
        if level == 5 {
            // The reduced name is a prefix of the raw one unless a parenthesis
            // was dropped; realign by keeping syllables of kept characters.
            pinyin = realign(raw, &name, &pinyin);
        }
        rows.push(Row {
            code: f[0].to_string(),
            level,
            parent: f[2].to_string(),
            name,
            pinyin,
            lat: parse_f32(f[5]),
            lon: parse_f32(f[6]),
            olds: f[7].split('|').filter(|s| !s.is_empty()).map(str::to_string).collect(),
        });
    }
    Ok(rows)
}

/// Syllables for `reduced`, taken from those of `raw` by walking both.
fn realign(raw: &str, reduced: &str, syl: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut want = reduced.chars().peekable();
    for (c, s) in raw.chars().zip(syl.iter()) {
        if want.peek() == Some(&c) {
            want.next();
            out.push(s.clone());
        }
    }
    while want.next().is_some() {
        out.push("_".into());
    }
    out
}

fn pack_iso(iso: &str) -> u64 {
    let b = iso.as_bytes();
    if b.len() == 2 {
        (u64::from(b[0]) << 8) | u64::from(b[1])
    } else {
        0
    }
}

#[derive(Default)]
struct Collector(BTreeMap<String, Vec<(u32, u8)>>);

impl Collector {
    fn add(&mut self, key: &str, unit: u32, kind: u8) {
        if key.is_empty() {
            return;
        }
        let e = self.0.entry(key.to_string()).or_default();
        if !e.iter().any(|&(u, k)| u == unit && k == kind) {
            e.push((unit, kind));
        }
    }

    fn into_table(self, reversed_order: bool) -> AliasTable {
        let mut items: Vec<(String, Vec<(u32, u8)>)> = self.0.into_iter().collect();
        if reversed_order {
            items.sort_by(|a, b| a.0.chars().rev().cmp(b.0.chars().rev()));
        }
        let mut t = AliasTable::default();
        for (k, entries) in items {
            t.keys.push(&k);
            t.counts.push(entries.len() as u32);
            for (u, kind) in entries {
                t.units.push(u);
                t.kinds.push(kind);
            }
        }
        t
    }
}

/// English variants of a pinyin word for matching: as written, and without
/// apostrophes (texts write both "Xi'an" and "Xian"), and with a curly one.
fn en_variants(word: &str) -> Vec<String> {
    let lower = word.to_ascii_lowercase();
    let mut v = vec![lower.clone()];
    if lower.contains('\'') {
        v.push(lower.replace('\'', ""));
        v.push(lower.replace('\'', "\u{2019}"));
    }
    v
}

/// Build the data file from `units.tsv` and `countries.tsv` (see
/// `scripts/gazetteer/prepare.py` for their columns). Returns the
/// compressed bytes to write to `data/gazetteer/gazetteer.bin.zst`.
pub fn build_data(units_tsv: &str, countries_tsv: &str) -> Result<Vec<u8>, GazetteerError> {
    let rows = parse_units(units_tsv)?;
    let mut d = Data {
        version: FORMAT_VERSION,
        ..Data::default()
    };
    let mut upper = Collector::default();
    let mut lower = Collector::default();
    let mut lower_en = Collector::default();

    // Countries first.
    for (i, line) in countries_tsv.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 5 || f[0].len() != 2 {
            return Err(input_err("countries.tsv", i + 1, "expected ISO, zh, en, lat, lon"));
        }
        if REGION_ISO.iter().any(|(_, iso)| *iso == f[0]) {
            continue; // Hong Kong, Macao and Taiwan are province-level units.
        }
        let idx = d.codes.len() as u32;
        let zh: Vec<&str> = f[1].split('|').filter(|s| !s.is_empty()).collect();
        let en: Vec<&str> = f[2].split('|').filter(|s| !s.is_empty()).collect();
        d.codes.push(pack_iso(f[0]));
        d.levels.push(0);
        d.parents.push(NONE);
        d.names.push(zh.first().copied().unwrap_or(f[0]));
        d.names_en.push(en.last().copied().unwrap_or(f[0]));
        d.lat.push(parse_f32(f[3]));
        d.lon.push(parse_f32(f[4]));
        for z in &zh {
            upper.add(z, idx, AliasKind::Full as u8);
            // "刚果（金）" is also written "刚果金".
            let plain: String = z.chars().filter(|c| !matches!(c, '（' | '）' | '(' | ')')).collect();
            if plain != *z {
                upper.add(&plain, idx, AliasKind::Full as u8);
            }
        }
        for e in &en {
            if !e.contains(',') {
                upper.add(&e.to_ascii_lowercase(), idx, AliasKind::English as u8);
            }
        }
    }

    let base = d.codes.len() as u32;
    let mut index: BTreeMap<&str, u32> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        index.insert(r.code.as_str(), base + i as u32);
    }
    for (i, r) in rows.iter().enumerate() {
        let idx = base + i as u32;
        let parent = if r.parent.is_empty() {
            NONE
        } else {
            *index
                .get(r.parent.as_str())
                .ok_or_else(|| input_err("units.tsv", i + 1, "parent code not found"))?
        };
        if parent != NONE && parent >= idx {
            return Err(input_err(
                "units.tsv",
                i + 1,
                "rows must be sorted so parents come first",
            ));
        }
        d.codes.push(
            r.code
                .parse()
                .map_err(|_| input_err("units.tsv", i + 1, "code is not a number"))?,
        );
        d.levels.push(r.level);
        d.parents.push(parent);
        d.names.push(&r.name);
        d.lat.push(r.lat);
        d.lon.push(r.lon);
        if let Some((_, iso)) = REGION_ISO.iter().find(|(c, _)| *c == r.code) {
            d.region_iso.push((idx, pack_iso(iso) as u16));
        }

        let syl: Vec<&str> = r.pinyin.iter().map(String::as_str).collect();
        let olds: Vec<&str> = r.olds.iter().map(String::as_str).collect();
        let name_en = english(r, &syl, idx, &mut upper, &mut lower_en);
        d.names_en.push(&name_en);

        for (key, kind) in names::chinese_aliases(r.level, &r.name, &olds) {
            if r.level <= 3 {
                upper.add(&key, idx, kind as u8);
            } else if key.ends_with(LOWER_ANCHORS) {
                lower.add(&key, idx, kind as u8);
            }
        }
    }
    d.upper = upper.into_table(false);
    d.lower = lower.into_table(true);
    d.lower_en = lower_en.into_table(false);
    d.encode()
}

/// The English name of a unit; also registers its English aliases.
fn english(r: &Row, syl: &[&str], idx: u32, upper: &mut Collector, lower_en: &mut Collector) -> String {
    if let Some((_, en, extra)) = PROVINCE_EN.iter().find(|(c, _, _)| *c == r.code) {
        upper.add(&en.to_ascii_lowercase(), idx, AliasKind::English as u8);
        for e in *extra {
            upper.add(&e.to_ascii_lowercase(), idx, AliasKind::EnglishShort as u8);
        }
        return en.to_string();
    }
    let name = r.name.as_str();
    let autonomous = name.contains("自治");
    let Some((stem, suffix)) = names::stem_and_suffix(r.level, name) else {
        // No recognised suffix: the whole name in pinyin, not matched.
        return names::pinyin_word(syl, syl.len()).unwrap_or_else(|| name.to_string());
    };
    let Some(word) = names::pinyin_word(syl, stem.chars().count()) else {
        return name.to_string();
    };
    let suffix_en = names::english_suffix(r.level, suffix, autonomous);
    let full = format!("{word} {suffix_en}");
    if r.level <= 3 {
        let mut suffixes = vec![suffix_en];
        match r.level {
            1 if suffix_en == "Province" => {}
            2 => suffixes.extend(["Prefecture", "City"]),
            3 if autonomous => suffixes.push("County"),
            _ => {}
        }
        for v in en_variants(&word) {
            upper.add(&v, idx, AliasKind::EnglishShort as u8);
            for s in &suffixes {
                upper.add(
                    &format!("{v} {}", s.to_ascii_lowercase()),
                    idx,
                    AliasKind::English as u8,
                );
            }
        }
    } else if let Some(class) = english_class(r.level, name) {
        lower_en.add(&names::english_key(&word), idx, class);
    }
    full
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Data;

    const UNITS: &str = "\
77\t1\t\t青溪省\tqing xi sheng\t30.0\t110.0\t
7701\t2\t77\t石梁市\tshi liang shi\t30.5\t110.5\t
770102\t3\t7701\t松岭县\tsong ling xian\t30.6\t110.6\t旧岭县
770102101\t4\t770102\t石门镇\tshi men zhen\t\t\t
770102101201\t5\t770102101\t北坡村村民委员会\tbei po cun cun min wei yuan hui\t\t\t
";
    const COUNTRIES: &str = "ZZ\t某国\tSomeland\t1.0\t2.0\n";

    #[test]
    fn builds_and_decodes() {
        let bytes = build_data(UNITS, COUNTRIES).expect("build");
        let d = Data::decode(&bytes).expect("decode");
        assert_eq!(d.codes.len(), 6);
        assert_eq!(d.levels, [0, 1, 2, 3, 4, 5]);
        assert_eq!(d.parents[1], NONE);
        assert_eq!(d.parents[5], 4);
        assert!(d.names.text.contains("北坡村"));
        assert!(!d.names.text.contains("委员会"));
        assert!(d.names_en.text.contains("Songling County"));
        assert!(d.names_en.text.contains("Beipo Village"));
        assert!(d.upper.keys.text.contains("旧岭"));
    }

    #[test]
    fn rejects_malformed_rows() {
        assert!(build_data("1\t2\n", "").is_err());
        assert!(build_data("7701\t2\t99\t石梁市\tshi liang shi\t\t\t\n", "").is_err());
    }
}
