//! No input makes intake panic, and every range the splitter returns lies
//! inside the text on character boundaries.

use proptest::prelude::*;
use unrest_intake::{detect_format, parse_date_range, read_reports, split_bulletin};

const NAMES: [&str; 4] = ["x.txt", "x.md", "x.jsonl", "x.ndjson"];

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn check_text(text: &str) {
    for name in NAMES {
        let _ = detect_format(name, text);
        if let Ok(reports) = read_reports(name, text.as_bytes()) {
            assert!(!reports.is_empty());
        } else if let Err(e) = read_reports(name, text.as_bytes()) {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "{msg}");
            assert!(msg.starts_with(name), "{msg}");
        }
    }
    for e in split_bulletin(text) {
        assert!(text.get(e.span.clone()).is_some());
        for half in [&e.zh, &e.en].into_iter().flatten() {
            for r in [&half.headline, &half.title, &half.date, &half.body]
                .into_iter()
                .flatten()
            {
                assert!(text.get(r.clone()).is_some(), "range {r:?}");
                assert!(
                    r.start >= e.span.start && r.end <= e.span.end,
                    "range {r:?} outside {:?}",
                    e.span
                );
            }
        }
    }
}

/// Characters that matter to the splitter and the date parser.
fn tricky() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("(".to_string()),
            Just(")".to_string()),
            Just("（".to_string()),
            Just("）".to_string()),
            Just("「".to_string()),
            Just("」".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\n\n".to_string()),
            Just("2025.11.05".to_string()),
            Just("2025.11.1-10".to_string()),
            Just("Nov 5–7, 2025".to_string()),
            Just("2025年11月".to_string()),
            Just("上旬".to_string()),
            Just("–".to_string()),
            Just("-".to_string()),
            Just("工人罢工讨薪".to_string()),
            Just("。".to_string()),
            Just("Workers Strike Over Wages".to_string()),
            Just(" ".to_string()),
            Just("{\"title\": \"a\", \"text\": \"b\"}".to_string()),
            Just("#".to_string()),
            "[a-zA-Z0-9 .,:]{0,8}",
            "\\PC{0,4}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // PROPTEST_CASES=20000 for a longer hunt.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(400),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        for name in NAMES {
            let _ = read_reports(name, &bytes);
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_text(text);
        }
    }

    #[test]
    fn random_strings_never_panic(text in "\\PC{0,300}") {
        check_text(&text);
        let _ = parse_date_range(&text);
    }

    #[test]
    fn tricky_strings_never_panic(text in tricky()) {
        check_text(&text);
        let _ = parse_date_range(&text);
    }

    #[test]
    fn edited_bulletins_never_panic(cut in 0usize..4000, len in 0usize..200, insert in tricky()) {
        let page = fixture("bulletin-a.txt");
        let mut at = cut.min(page.len());
        while !page.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len).min(page.len());
        while !page.is_char_boundary(end) {
            end -= 1;
        }
        let edited = format!("{}{}{}", &page[..at], insert, &page[end..]);
        check_text(&edited);
    }
}
