//! Naming rules: from an official name to the forms people write.
//!
//! Used by the data builder only; the rules live in Rust so they are tested
//! here and applied the same way on every rebuild. Every rule is general (a
//! suffix, an ethnic name, a committee word), never a list of particular
//! places, except [`COMMON_WORDS`], which lists short forms that are also
//! everyday words.

/// How an alias relates to its unit; decides precedence between namesakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum AliasKind {
    /// The official full name ("怀集县", "北海村").
    Full = 0,
    /// The name without its suffix or ethnic part ("怀集", "红河州").
    Short = 1,
    /// A name the unit had before it was renamed ("赣县").
    Old = 2,
    /// The stem with another county-level suffix ("赣榆县" for 赣榆区), as
    /// reports keep using the suffix from before a county became a district.
    AltSuffix = 3,
    /// English with a suffix word ("Huaiji County").
    English = 4,
    /// Bare pinyin ("Huaiji").
    EnglishShort = 5,
}

impl AliasKind {
    /// Inverse of `as u8`; unknown values read as the weakest kind.
    pub fn from_u8(v: u8) -> AliasKind {
        match v {
            0 => AliasKind::Full,
            1 => AliasKind::Short,
            2 => AliasKind::Old,
            3 => AliasKind::AltSuffix,
            4 => AliasKind::English,
            _ => AliasKind::EnglishShort,
        }
    }
}

/// Short forms that are also ordinary words or names of things other than
/// the place (peace, east, the police, the news agency, a brand). Found by
/// checking every short form against a general Chinese dictionary (words
/// frequent in it and not tagged as place names) and reviewing the list. A mention made
/// only of such a form is kept but never confident unless the hierarchy
/// supports it ("天津和平区" is fine, "和平" alone is not).
pub const COMMON_WORDS: &[&str] = &[
    "和平", "合作", "东方", "新华", "中山", "长安", "白云", "永和", "仁和", "太平", "安定", "新城", "城中", "城东",
    "城西", "城北", "城南", "江南", "江北", "河东", "河西", "城关", "红旗", "向阳", "胜利", "团结", "前进", "光明",
    "友好", "兴隆", "红星", "解放", "东风", "吉利", "平安", "安宁", "新兴", "兴业", "中方", "共和", "大方", "富民",
    "元宝", "宝塔", "龙门", "鼓楼", "钟楼", "新民", "高明", "安居", "凤凰", "同心", "大通", "通道", "阿里", "黄埔",
    "南岸", "河口", "海港", "港口", "青山", "天山", "泰山", "东湖", "江城", "红塔", "中原", "西山", "东山", "资源",
    "比如", "南部", "武功", "公安", "友谊", "延长", "运河", "万年", "光泽", "会同", "工农", "大名", "富裕", "清水",
    "前锋", "复兴", "长子", "清新", "宏伟", "平定", "芙蓉", "洞口", "温泉", "石门", "振兴", "三元", "莲花", "平和",
    "名山", "黄龙", "六合", "龙泉", "桃源", "建华", "三门", "大观", "建安", "二七", "台前", "天涯", "朝天", "上街",
];

/// The 56 officially recognised ethnic groups, as they appear inside the
/// names of autonomous units (longest first so "布依" wins over "依").
const ETHNIC: &[&str] = &[
    "塔吉克",
    "乌孜别克",
    "柯尔克孜",
    "维吾尔",
    "鄂温克",
    "鄂伦春",
    "达斡尔",
    "哈萨克",
    "俄罗斯",
    "塔塔尔",
    "毛南",
    "仫佬",
    "仡佬",
    "哈尼",
    "傈僳",
    "拉祜",
    "纳西",
    "景颇",
    "布朗",
    "阿昌",
    "普米",
    "基诺",
    "德昂",
    "独龙",
    "布依",
    "土家",
    "撒拉",
    "保安",
    "东乡",
    "裕固",
    "锡伯",
    "赫哲",
    "门巴",
    "珞巴",
    "朝鲜",
    "蒙古",
    "京",
    "蒙",
    "回",
    "藏",
    "苗",
    "彝",
    "壮",
    "侗",
    "瑶",
    "白",
    "傣",
    "黎",
    "佤",
    "畲",
    "高山",
    "水",
    "土",
    "羌",
    "满",
    "汉",
    "怒",
    "各",
];

/// Suffixes of autonomous units, with the plain suffix people put on the stem.
const AUTONOMOUS: &[(&str, &str)] = &[
    ("自治区", ""),
    ("自治州", "州"),
    ("自治县", "县"),
    ("自治旗", "旗"),
    ("民族乡", "乡"),
    ("族乡", "乡"),
];

/// Suffixes stripped to get a short form, per level (longest first).
const PROVINCE_SUFFIXES: &[&str] = &["特别行政区", "省", "市"];
const PREFECTURE_SUFFIXES: &[&str] = &["地区", "市", "盟"];
const COUNTY_SUFFIXES: &[&str] = &["林区", "特区", "县", "区", "市", "旗"];

/// Words that mark a development zone or other non-standard unit: such names
/// keep only their full form.
const ZONE_WORDS: &[&str] = &[
    "开发区",
    "新区",
    "园区",
    "管理区",
    "示范区",
    "工业园",
    "试验区",
    "合作区",
    "风景区",
    "度假区",
    "保税区",
    "新城",
];

/// Characters that start a generic word rather than a proper name: a short
/// form beginning with one ("市中" from 市中区) is not kept.
const GENERIC_START: &[char] = &['市', '县', '区', '省', '州', '镇', '乡', '村', '城', '郊', '矿'];

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Strip ethnic names (and "族") from the end of `s`, as long as at least two
/// characters remain: "红河哈尼族彝族" → "红河", "内蒙古" stays.
pub fn strip_ethnic(s: &str) -> &str {
    let mut cur = s;
    loop {
        let base = cur.strip_suffix('族').unwrap_or(cur);
        let next = ETHNIC
            .iter()
            .find_map(|e| base.strip_suffix(e).filter(|rest| chars(rest) >= 2));
        match next {
            Some(rest) if rest != cur => cur = rest,
            _ => return cur,
        }
    }
}

/// The name of a unit split into the stem people use and the suffix people
/// write after it: ("红河", "州") for 红河哈尼族彝族自治州, ("怀集", "县").
/// `None` when the name has no recognised suffix or the stem would be a
/// single character.
pub fn stem_and_suffix(level: u8, name: &str) -> Option<(&str, &'static str)> {
    for (auto, plain) in AUTONOMOUS {
        if let Some(rest) = name.strip_suffix(auto) {
            let stem = strip_ethnic(rest);
            return (chars(stem) >= 2).then_some((stem, *plain));
        }
    }
    let sufs: &[&'static str] = match level {
        1 => PROVINCE_SUFFIXES,
        2 => PREFECTURE_SUFFIXES,
        3 => COUNTY_SUFFIXES,
        4 => &["街道", "镇", "乡", "苏木"],
        _ => &["社区", "村", "嘎查"],
    };
    if level == 3 && ZONE_WORDS.iter().any(|z| name.contains(z)) {
        return None;
    }
    sufs.iter()
        .find_map(|s| name.strip_suffix(s).map(|rest| (rest, *s)))
        .filter(|(stem, _)| chars(stem) >= 2)
}

/// Reduce a village committee's registered name to the village people name:
/// 北海村委会 / 北海村村民委员会 / 北海村民委员会 → 北海村, 银闸社区居委会 → 银闸社区.
/// Parenthesised notes are dropped.
pub fn village_name(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    let mut depth = 0usize;
    for c in raw.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => s.push(c),
            _ => {}
        }
    }
    const RULES: &[(&str, &str)] = &[
        ("村村民委员会", "村"),
        ("村民委员会", "村"),
        ("村村委会", "村"),
        ("村委会", "村"),
        ("社区居民委员会", "社区"),
        ("社区居委会", "社区"),
        ("嘎查村民委员会", "嘎查"),
        ("嘎查委员会", "嘎查"),
        ("居民委员会", "居委会"),
    ];
    for (suf, repl) in RULES {
        if let Some(rest) = s.strip_suffix(suf)
            && !rest.is_empty()
        {
            return format!("{rest}{repl}");
        }
    }
    s
}

/// Chinese aliases of a unit of `level` (1 province .. 5 village) with the
/// official `name` (already reduced for villages), plus its `olds`.
pub fn chinese_aliases(level: u8, name: &str, olds: &[&str]) -> Vec<(String, AliasKind)> {
    let mut out = vec![(name.to_string(), AliasKind::Full)];
    let push = |s: String, k: AliasKind, out: &mut Vec<(String, AliasKind)>| {
        if chars(&s) >= 2 && !out.iter().any(|(o, _)| *o == s) {
            out.push((s, k));
        }
    };
    if let Some((stem, suffix)) = stem_and_suffix(level, name) {
        let generic = stem.starts_with(GENERIC_START);
        let is_auto = AUTONOMOUS.iter().any(|(a, _)| name.ends_with(a));
        if is_auto && !suffix.is_empty() {
            push(format!("{stem}{suffix}"), AliasKind::Short, &mut out);
        }
        if level <= 3 && !generic {
            push(stem.to_string(), AliasKind::Short, &mut out);
        }
        if level == 3 && !is_auto && matches!(suffix, "县" | "区" | "市") {
            for alt in ["县", "区", "市"] {
                if alt != suffix {
                    push(format!("{stem}{alt}"), AliasKind::AltSuffix, &mut out);
                }
            }
        }
    }
    if level == 5
        && let Some(rest) = name.strip_suffix("居委会")
    {
        push(format!("{rest}社区"), AliasKind::Short, &mut out);
    }
    for old in olds {
        // An old full name that equals a short form ("赣县" of 赣县区) is
        // written with its suffix: record it as the stronger kind.
        match out.iter_mut().find(|(o, _)| o == old) {
            Some(e) if matches!(e.1, AliasKind::Short | AliasKind::AltSuffix) => e.1 = AliasKind::Old,
            Some(_) => {}
            None => push(old.to_string(), AliasKind::Old, &mut out),
        }
        if let Some((stem, _)) = stem_and_suffix(level, old)
            && level <= 3
            && !stem.starts_with(GENERIC_START)
        {
            push(stem.to_string(), AliasKind::Old, &mut out);
        }
    }
    out
}

/// Pinyin of the first `n` characters, as one capitalised word with an
/// apostrophe before a vowel-initial syllable ("Xi'an", "Beihai"); `None` if
/// any of those characters has no pinyin.
pub fn pinyin_word(syllables: &[&str], n: usize) -> Option<String> {
    if n == 0 || n > syllables.len() {
        return None;
    }
    let mut w = String::new();
    for (i, s) in syllables[..n].iter().enumerate() {
        if *s == "_" || s.is_empty() {
            return None;
        }
        if i > 0 && s.starts_with(['a', 'o', 'e']) {
            w.push('\'');
        }
        w.push_str(s);
    }
    let mut c = w.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
}

/// The English suffix word for a Chinese suffix at a level.
pub fn english_suffix(level: u8, suffix: &str, autonomous: bool) -> &'static str {
    match (level, suffix) {
        (1, "省") => "Province",
        (1, "") => "Autonomous Region",
        (1, "市") => "Municipality",
        (1, _) => "Special Administrative Region",
        (2, "州") => "Autonomous Prefecture",
        (2, "地区") => "Prefecture",
        (2, "盟") => "League",
        (2, _) => "City",
        (3, "县") if autonomous => "Autonomous County",
        (3, "旗") if autonomous => "Autonomous Banner",
        (3, "县") => "County",
        (3, "区") | (3, "林区") | (3, "特区") => "District",
        (3, "旗") => "Banner",
        (3, _) => "City",
        (4, "街道") => "Subdistrict",
        (4, "镇") => "Town",
        (4, "乡") => "Township",
        (4, _) => "Sumu",
        (_, "社区") => "Community",
        (_, "嘎查") => "Gacha",
        _ => "Village",
    }
}

/// Lowercase letters only: the key English forms are compared by
/// ("Xi’an" and "Xian" both give "xian").
pub fn english_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ethnic_parts_are_stripped_but_two_characters_remain() {
        assert_eq!(strip_ethnic("青溪哈尼族彝族"), "青溪");
        assert_eq!(strip_ethnic("内蒙古"), "内蒙古");
        assert_eq!(strip_ethnic("松岭拉祜族佤族布朗族傣族"), "松岭");
    }

    #[test]
    fn stems_per_level() {
        assert_eq!(stem_and_suffix(2, "青溪哈尼族彝族自治州"), Some(("青溪", "州")));
        assert_eq!(stem_and_suffix(3, "松岭县"), Some(("松岭", "县")));
        assert_eq!(stem_and_suffix(3, "荣县"), None);
        assert_eq!(stem_and_suffix(3, "松岭经济开发区"), None);
        assert_eq!(stem_and_suffix(1, "青溪壮族自治区"), Some(("青溪", "")));
        assert_eq!(stem_and_suffix(4, "石梁镇"), Some(("石梁", "镇")));
    }

    #[test]
    fn committees_reduce_to_villages() {
        assert_eq!(village_name("石梁村委会"), "石梁村");
        assert_eq!(village_name("石梁村村民委员会"), "石梁村");
        assert_eq!(village_name("石梁村民委员会"), "石梁村");
        assert_eq!(village_name("石梁社区居民委员会"), "石梁社区");
        assert_eq!(village_name("石梁嘎查委员会"), "石梁嘎查");
        assert_eq!(village_name("石梁（新）村委会"), "石梁村");
        assert_eq!(village_name("石梁居民委员会"), "石梁居委会");
    }

    #[test]
    fn aliases_of_a_county_include_short_and_alternative_suffixes() {
        let a = chinese_aliases(3, "松岭县", &["旧岭县"]);
        let keys: Vec<&str> = a.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["松岭县", "松岭", "松岭区", "松岭市", "旧岭县", "旧岭"]);
        assert_eq!(a[0].1, AliasKind::Full);
        assert_eq!(a[2].1, AliasKind::AltSuffix);
        assert_eq!(a[4].1, AliasKind::Old);
    }

    #[test]
    fn an_old_full_name_equal_to_a_short_form_counts_as_old() {
        let a = chinese_aliases(3, "松岭区", &["松岭"]);
        assert!(a.contains(&("松岭".to_string(), AliasKind::Old)));
    }

    #[test]
    fn generic_stems_are_not_short_forms() {
        let a = chinese_aliases(3, "市中区", &[]);
        assert!(!a.iter().any(|(k, _)| k == "市中"));
    }

    #[test]
    fn autonomous_prefecture_gets_zhou_form() {
        let a = chinese_aliases(2, "青溪哈尼族彝族自治州", &[]);
        let keys: Vec<&str> = a.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["青溪哈尼族彝族自治州", "青溪州", "青溪"]);
    }

    #[test]
    fn pinyin_words() {
        assert_eq!(pinyin_word(&["xi", "an", "shi"], 2).as_deref(), Some("Xi'an"));
        assert_eq!(pinyin_word(&["bei", "hai"], 2).as_deref(), Some("Beihai"));
        assert_eq!(pinyin_word(&["_", "hai"], 2), None);
        assert_eq!(english_key("Xi’an"), "xian");
    }
}
