//! Property tests: on any input the extractor returns (never panics), every
//! evidence span is the report text at its character offsets, and every
//! event passes the codebook's validation. The same holds for the
//! traditional and mixed-script fixtures, cut, spliced and partly converted:
//! evidence is the original text, in the original script.

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
    "數百名工人",
    "討薪",
    "當局出動警察驅散",
    "廣東省",
    "警方並未拘捕任何人",
    "二〇二五年十一月三日",
    "上週三",
    "百餘名",
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

/// The traditional and mixed-script fixtures.
fn script_fixtures() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .filter(|n| (n.starts_with("trad_") || n.starts_with("mixed_")) && n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    names
}

/// A fixture's text with one edit: cut at a character, a piece spliced in,
/// and a stretch of characters converted to the other script.
fn edited_fixture() -> impl Strategy<Value = String> {
    (
        prop::sample::select(script_fixtures()),
        any::<prop::sample::Index>(),
        prop::option::of(prop::sample::select(PIECES)),
        any::<prop::sample::Index>(),
        0usize..40,
        any::<bool>(),
    )
        .prop_map(|(name, cut, piece, from, len, to_traditional)| {
            let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).unwrap();
            let (head, body) = text.split_once('\n').unwrap_or((&text, ""));
            let chars: Vec<char> = body.chars().collect();
            let at = cut.index(chars.len() + 1);
            let mut body: String = chars[..at].iter().collect();
            if let Some(p) = piece {
                body.push_str(p);
                body.extend(&chars[at..]);
            } else {
                body.extend(&chars[at..(at + 80).min(chars.len())]);
            }
            let chars: Vec<char> = body.chars().collect();
            let s = from.index(chars.len() + 1);
            let e = (s + len).min(chars.len());
            let stretch: String = chars[s..e].iter().collect();
            let converted = if to_traditional {
                unrest_script::to_traditional(&stretch).into_owned()
            } else {
                unrest_script::to_simplified(&stretch).into_owned()
            };
            let before: String = chars[..s].iter().collect();
            let after: String = chars[e..].iter().collect();
            format!("{head}\n{before}{converted}{after}")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn evidence_in_script_fixtures_is_the_original_text(text in edited_fixture()) {
        let r = common::report_from(&text);
        let events = Extractor::with_embedded().extract(&r);
        common::check_evidence(&r, &events);
        let chars: Vec<char> = r.text.chars().collect();
        for e in &events {
            prop_assert!(e.validate().is_ok(), "{:?}", e.validate());
            for ev in &e.evidence {
                let original: String = chars[ev.start..ev.end].iter().collect();
                let simplified = unrest_script::to_simplified(&original);
                // written as in the report, not as in the simplified copy
                prop_assert_eq!(&ev.text, &original);
                if simplified != original {
                    prop_assert_ne!(&ev.text, &simplified.into_owned());
                }
            }
        }
    }
}

#[test]
fn evidence_in_script_fixtures_unedited() {
    let x = Extractor::with_embedded();
    for name in script_fixtures() {
        let r = common::fixture(&name);
        let events = x.extract(&r);
        assert!(!events.is_empty(), "{name}");
        common::check_evidence(&r, &events);
        let spans = events.iter().flat_map(|e| &e.evidence).count();
        assert!(spans >= 5, "{name}: {spans} evidence spans");
    }
}
