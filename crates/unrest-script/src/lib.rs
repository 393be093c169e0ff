//! Reports arrive in simplified Chinese, in traditional Chinese (Hong Kong,
//! Taiwan and diaspora outlets) and in mixtures of both. Every matcher in
//! unrest (gazetteer, lexicon, dates, numbers) is written once, in
//! simplified characters; this crate is the one layer that lets them read
//! traditional text too.
//!
//! [`to_simplified`] maps a text to simplified characters **character for
//! character**: the result has exactly as many characters as the input, the
//! character at position *i* of the result stands for the character at
//! position *i* of the input, and (since only characters of the same UTF-8
//! width are exchanged) byte offsets agree too. Matchers run over the converted copy and
//! report offsets that are equally valid in the original, so evidence is
//! always cut from the text as written. The data is OpenCC's, through the
//! `ferrous-opencc` crate: at first use its character dictionaries are read
//! into a table (one conversion of the whole Han range), so converting a
//! report is one look-up per character. Character-level conversion is what
//! matching needs: simplification is almost always many-to-one, and the
//! lexicon's words are matched, not displayed.
//!
//! [`detect`] tells which script a report is written in, so intake can store
//! it and pages can say so.

mod table;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use std::borrow::Cow;
use std::sync::OnceLock;

pub use table::is_han;

pub use unrest_codebook::Script;

/// Character tables derived once from OpenCC's dictionaries: for every Han
/// character OpenCC converts to a single different character, that
/// character. Deriving them from the crate (one conversion of the whole
/// character range) keeps OpenCC the single source of the data while
/// conversion itself becomes one table look-up per character.
struct Tables {
    t2s: table::CharTable,
    s2t: table::CharTable,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        // The dictionaries are compiled into the crate; failing to load them
        // is a build defect, not an input error.
        let t2s = OpenCC::from_config(BuiltinConfig::T2s).expect("embedded OpenCC t2s dictionaries load");
        let s2t = OpenCC::from_config(BuiltinConfig::S2t).expect("embedded OpenCC s2t dictionaries load");
        Tables {
            t2s: table::CharTable::derive(&|s| t2s.convert(s)),
            s2t: table::CharTable::derive(&|s| s2t.convert(s)),
        }
    })
}

/// The text in simplified characters, with the same number of characters
/// at the same positions as `text`. Borrowed when nothing changes (plain
/// simplified or English text costs one scan).
pub fn to_simplified(text: &str) -> Cow<'_, str> {
    tables().t2s.apply(text)
}

/// The text in traditional characters, aligned the same way (used to test
/// that both directions match, and to offer search terms in both scripts).
pub fn to_traditional(text: &str) -> Cow<'_, str> {
    tables().s2t.apply(text)
}

/// Carries a byte range of `converted` (a [`to_simplified`] or
/// [`to_traditional`] copy of `original`) over to `original`. Characters
/// keep their positions, but a few supplementary-plane characters convert
/// to characters of another UTF-8 width, so byte offsets are re-counted.
/// Offsets past the end or inside a character are clamped to a boundary.
pub fn carry_range(converted: &str, original: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let char_at = |byte: usize| converted.char_indices().take_while(|(i, _)| *i < byte).count();
    let byte_of = |chars: usize| original.char_indices().nth(chars).map_or(original.len(), |(i, _)| i);
    let (start, end) = (byte_of(char_at(range.start)), byte_of(char_at(range.end)));
    start..end.max(start)
}

/// Which script the text is written in. Counts the characters that only
/// traditional writing uses (those OpenCC changes when simplifying) and
/// those only simplified writing uses (changed when converting the other
/// way); a minority of at least a fifth of the majority makes it mixed.
pub fn detect(text: &str) -> Script {
    let han = text.chars().filter(|c| is_han(*c)).count();
    if han == 0 {
        return Script::Latin;
    }
    let t = tables();
    let traditional = text.chars().filter(|c| t.t2s.maps(*c)).count();
    let simplified = text.chars().filter(|c| t.s2t.maps(*c)).count();
    classify(traditional, simplified)
}

fn classify(traditional: usize, simplified: usize) -> Script {
    let (minority, majority) = (traditional.min(simplified), traditional.max(simplified));
    if majority == 0 {
        Script::Simplified
    } else if minority >= 2 && minority * 5 >= majority {
        Script::Mixed
    } else if traditional > simplified {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_traditional_keeping_positions() {
        let t = "工人罷工,數百工人攔截過往車輛,當局出動武警驅散。";
        let s = to_simplified(t);
        assert_eq!(s, "工人罢工,数百工人拦截过往车辆,当局出动武警驱散。");
        assert_eq!(s.chars().count(), t.chars().count());
    }

    #[test]
    fn simplified_and_english_are_borrowed() {
        assert!(matches!(to_simplified("工人罢工讨薪"), Cow::Borrowed(_)));
        assert!(matches!(to_simplified("Workers went on strike."), Cow::Borrowed(_)));
    }

    #[test]
    fn mixed_text_converts_only_what_needs_it() {
        let t = "廣東省深圳市 workers 罢工 (Nov 3)";
        let s = to_simplified(t);
        assert_eq!(s, "广东省深圳市 workers 罢工 (Nov 3)");
    }

    #[test]
    fn detects_each_script() {
        assert_eq!(
            detect("数百名工人在厂门口聚集,要求发放拖欠的工资。"),
            Script::Simplified
        );
        assert_eq!(
            detect("數百名工人在廠門口聚集,要求發放拖欠的工資。"),
            Script::Traditional
        );
        assert_eq!(
            detect("数百名工人在厂门口聚集,要求发放工资。網友轉發貼文稱:「當局派出大批警察驅散人群。」"),
            Script::Mixed
        );
        assert_eq!(detect("Hundreds of workers gathered at the gate."), Script::Latin);
        assert_eq!(detect("人民大会"), Script::Simplified);
    }

    #[test]
    fn ranges_carry_over_to_the_original() {
        let original = "當局驅散工人";
        let converted = to_simplified(original);
        let start = converted.find("驱散").unwrap();
        let r = carry_range(&converted, original, start..start + "驱散".len());
        assert_eq!(&original[r], "驅散");
        let mixed = "a𠀋b驅散";
        assert_eq!(&mixed[carry_range(mixed, mixed, 6..12)], "驅散");
    }

    #[test]
    fn codes_round_trip() {
        for s in [Script::Simplified, Script::Traditional, Script::Mixed, Script::Latin] {
            assert_eq!(Script::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn classify_thresholds() {
        assert_eq!(classify(0, 0), Script::Simplified);
        assert_eq!(classify(30, 1), Script::Traditional);
        assert_eq!(classify(1, 30), Script::Simplified);
        assert_eq!(classify(10, 30), Script::Mixed);
    }
}
