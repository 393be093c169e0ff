//! Runs extraction over ../shared (the dev samples) when it is present: every
//! report codes without panicking, every evidence span matches its text, and
//! the bulletin gives the events it should at least roughly. The score itself
//! is computed by shared/eval/score.py (see docs/EXTRACTION.md).

mod common;

use common::check_evidence;
use unrest_codebook::Role;
use unrest_extract::Extractor;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn read(rel: &str) -> Option<Vec<u8>> {
    let path = format!("{SHARED}/{rel}");
    match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!("notice: {path} not found; skipping this test");
            None
        }
    }
}

#[test]
fn bulletin_of_the_dev_sample() {
    let Some(bytes) = read("corpus/reports-2025-11.txt") else {
        return;
    };
    let reports = unrest_intake::read_reports("reports-2025-11.txt", &bytes).expect("intake reads the bulletin");
    let x = Extractor::with_embedded();
    let mut primary = 0;
    let mut mentioned = 0;
    for r in &reports {
        let events = x.extract(r);
        check_evidence(r, &events);
        assert!(!events.is_empty(), "no event for {}", r.title());
        for e in &events {
            e.validate().expect("events satisfy the codebook's cross-field rules");
            assert_eq!(e.report, r.title());
            match e.role {
                Role::Primary => primary += 1,
                Role::Mentioned => mentioned += 1,
            }
        }
    }
    // the hand coding has 14 primary and 7 mentioned events
    assert!((12..=18).contains(&primary), "primary events: {primary}");
    assert!(mentioned >= 4, "mentioned events: {mentioned}");
}

#[test]
fn real_excerpts_code_without_panics() {
    let Some(bytes) = read("eval/real-excerpts/reports.jsonl") else {
        return;
    };
    let reports = unrest_intake::read_reports("reports.jsonl", &bytes).expect("intake reads the excerpts");
    let x = Extractor::with_embedded();
    for r in &reports {
        let events = x.extract(r);
        check_evidence(r, &events);
        for e in &events {
            e.validate().expect("valid event");
        }
    }
}
