//! Words around a mention that say it is not a place of an incident: a
//! street named after a place ("北京路"), an attributive use ("上海专家",
//! "上海合作专家"), a newspaper or team named after a place.

/// Direction characters that may sit between a name and a street word.
const DIRECTIONS: &[char] = &['东', '西', '南', '北', '中'];

/// Street words: a place name directly followed by one of these names a
/// street, not the place.
const STREET: &[&str] = &["大道", "大街", "胡同", "路", "街", "巷", "弄"];

/// Words that, right after a place name, make it a modifier of something
/// other than a location: people from there, a partnership, a dialect, a
/// newspaper, a team.
const ATTRIBUTIVE: &[&str] = &[
    "专家",
    "合作",
    "籍",
    "人士",
    "口音",
    "方言",
    "话",
    "菜",
    "队",
    "日报",
    "晚报",
    "卫视",
    "电视台",
    "模式",
    "经验",
    "帮",
    "牌",
];

/// English words that, after a place name, make it a street.
const STREET_EN: &[&str] = &[" road", " rd", " avenue", " street", " lane"];

/// True if the text right after a mention (`after`) shows the mention is a
/// street name or an attributive use.
pub(crate) fn is_trap(after: &str, english: bool) -> bool {
    if english {
        let lower: String = after.chars().take(10).collect::<String>().to_ascii_lowercase();
        return STREET_EN.iter().any(|w| {
            lower
                .strip_prefix(w)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
        });
    }
    let rest = after.strip_prefix(DIRECTIONS).unwrap_or(after);
    if STREET.iter().any(|w| rest.starts_with(w)) && !rest.starts_with("街道") {
        return true;
    }
    ATTRIBUTIVE.iter().any(|w| after.starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::is_trap;

    #[test]
    fn streets_and_attributive_uses() {
        assert!(is_trap("路口有人", false));
        assert!(is_trap("东路", false));
        assert!(is_trap("专家组", false));
        assert!(is_trap("合作医生", false));
        assert!(!is_trap("街道办事处", false));
        assert!(!is_trap("政府门前", false));
        assert!(is_trap(" Road, near", true));
        assert!(!is_trap(" Roads", true));
        assert!(!is_trap(", Zhejiang", true));
    }
}
