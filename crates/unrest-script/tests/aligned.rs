//! Whatever the input, the simplified copy has the same characters count and
//! keeps every non-Han character where it was.

use proptest::prelude::*;

proptest! {
    #[test]
    fn same_length_and_non_han_untouched(text in "[\\u{4e00}-\\u{9fa5}\\u{20000}-\\u{2a6df}a-z0-9,。「」 ]{0,80}") {
        let s = unrest_script::to_simplified(&text);
        prop_assert_eq!(s.chars().count(), text.chars().count());
        prop_assert_eq!(s.len(), text.len(), "byte offsets must agree too");
        for (a, b) in text.chars().zip(s.chars()) {
            if !unrest_script::is_han(a) {
                prop_assert_eq!(a, b);
            }
        }
        let t = unrest_script::to_traditional(&text);
        prop_assert_eq!(t.chars().count(), text.chars().count());
    }

    #[test]
    fn detect_never_panics(text in "\\PC{0,60}") {
        let _ = unrest_script::detect(&text);
    }
}

#[test]
fn traditional_round_trip_of_protest_vocabulary() {
    // Words the lexicon and gazetteer are written with, in both scripts.
    let pairs = [
        ("罷工", "罢工"),
        ("討薪", "讨薪"),
        ("欠薪", "欠薪"),
        ("靜坐", "静坐"),
        ("維權", "维权"),
        ("廣東省", "广东省"),
        ("驅散", "驱散"),
        ("警察帶走", "警察带走"),
        ("數千名村民", "数千名村民"),
        ("強制火葬", "强制火葬"),
        ("貼文被刪除", "贴文被删除"),
    ];
    for (trad, simp) in pairs {
        assert_eq!(unrest_script::to_simplified(trad), simp, "{trad}");
    }
}
