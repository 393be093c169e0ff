//! Property tests: on any input the extractor returns (never panics), every
//! evidence span is the report text at its character offsets, and every
//! event passes the codebook's validation.

mod common;

use proptest::prelude::*;
use unrest_extract::Extractor;

/// Fragments that exercise the rules: dates, numbers, places, cue words,
/// punctuation of both widths, English, traditional characters, emoji.
const PIECES: &[&str] = &[
    "11月12日",
    "本周三",
    "昨天",
    "2024年",
    "9月22日,25日",
    "自6月17日起",
    "截至11月10日",
    "至7日",
    "(2025.11.03-13)",
    "数百名",
    "上千名",
    "约200名",
    "近400人",
    "至少有4名",
    "三四百",
    "十几名",
    "工人",
    "村民",
    "投资者",
    "罢工",
    "聚集",
    "堵路",
    "上访",
    "警察",
    "被抓走",
    "受伤",
    "删除",
    "并未",
    "没有",
    "曾",
    "屡见不鲜",
    "要求归还欠款",
    "广东省",
    "深圳市",
    "怀集县冷坑镇桐光村",
    "市政府门前",
    "煤矿",
    "几内亚",
    "罷工",
    "警察並未",
    "。",
    ",",
    ",",
    "「",
    "」",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    "On Wednesday",
    "hundreds of workers",
    "at least four were taken away",
    "November 5",
    "did not",
    "strike",
    "Police",
    "Tianyi Square",
    "🙂",
    "é",
    "\u{200b}",
    "0",
    "9",
    "1,000",
    "two thousand",
    ".",
    "-",
    "—",
];

fn report_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(|s| s.to_string()),
            1 => any::<String>(),
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn evidence_spans_match_their_text(body in report_text(), title in report_text()) {
        let text = format!("{title}(2025.11.13)\n\n{body}");
        let r = common::report_from(&text);
        let x = Extractor::with_embedded();
        let events = x.extract(&r);
        common::check_evidence(&r, &events);
        for e in &events {
            prop_assert!(e.validate().is_ok(), "{:?}", e.validate());
        }
    }

    #[test]
    fn matching_copy_keeps_offsets(body in report_text()) {
        // a same-length copy (as a simplified copy of traditional text is)
        let text = format!("工人罷工(2025.11.13)\n\n{body}");
        let copy: String = text.chars().map(|c| if c == '罷' { '罢' } else { c }).collect();
        let r = common::report_from(&text);
        let events = Extractor::with_embedded().extract_matching(&r, &copy);
        common::check_evidence(&r, &events);
    }
}
