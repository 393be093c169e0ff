//! Fixture reports: a headline line ending in "(YYYY.MM.DD)" or
//! "(YYYY.MM.DD-DD)", a blank line, then the body. Built into a `Report` the
//! way intake builds a single-language report.

#![allow(dead_code)]

use unrest_codebook::{Lang, PartialDate, Report};

pub fn fixture(name: &str) -> Report {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    report_from(&text)
}

pub fn report_from(text: &str) -> Report {
    let (head, body) = text.split_once('\n').unwrap_or((text, ""));
    let (title, dates) = match head.rfind('(') {
        Some(p) => (head[..p].trim(), head[p + 1..].trim_end_matches(')')),
        None => (head.trim(), ""),
    };
    let parse = |s: &str| -> Option<PartialDate> {
        let p: Vec<&str> = s.split('.').collect();
        PartialDate::ymd(
            p.first()?.parse().ok()?,
            p.get(1)?.parse().ok()?,
            p.get(2)?.parse().ok()?,
        )
    };
    let (start, end) = match dates.split_once('-') {
        Some((a, b)) => {
            let s = parse(a);
            let e = s.and_then(|s| PartialDate::ymd(s.year, s.month?, b.parse().ok()?));
            (s, e)
        }
        None => (parse(dates), parse(dates)),
    };
    let chinese = title.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    Report {
        title_zh: chinese.then(|| title.to_string()),
        title_en: (!chinese).then(|| title.to_string()),
        body_zh: chinese.then(|| body.trim().to_string()),
        body_en: (!chinese).then(|| body.trim().to_string()),
        text: text.to_string(),
        lang: if chinese { Lang::Zh } else { Lang::En },
        script: Default::default(),
        start_date: start,
        end_date: end,
        published: end,
        url: None,
        source: None,
    }
}

/// Every evidence span is the report text at its character offsets.
pub fn check_evidence(report: &Report, events: &[unrest_codebook::Event]) {
    let chars: Vec<char> = report.text.chars().collect();
    for e in events {
        for ev in &e.evidence {
            assert!(ev.start <= ev.end && ev.end <= chars.len(), "{ev:?}");
            let got: String = chars[ev.start..ev.end].iter().collect();
            assert_eq!(got, ev.text, "evidence for {} does not match the text", ev.field);
        }
    }
}
