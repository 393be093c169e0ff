//! Every location of the hand-coded development sample must be found in its
//! report and resolve to the gold code. The sample lives outside the
//! repository (../shared); without it the test prints a notice and passes.

use std::path::Path;

use unrest_gazetteer::Gazetteer;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

/// The reports of the corpus file, keyed by headline: a headline is a line
/// ending in a date in parentheses; its body runs to the next headline.
fn reports(corpus: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in corpus.lines() {
        let t = line.trim().trim_start_matches('[').trim_end_matches('」');
        let is_head = t.ends_with(')') && t.contains("(20") && t.chars().count() < 80 && !t.starts_with('「');
        if is_head {
            out.push((t.to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    out
}

#[test]
fn gold_locations_resolve_to_gold_codes() {
    let gold_path = Path::new(SHARED).join("eval/gold-reports-2025-11.jsonl");
    let corpus_path = Path::new(SHARED).join("corpus/reports-2025-11.txt");
    let (Ok(gold), Ok(corpus)) = (
        std::fs::read_to_string(&gold_path),
        std::fs::read_to_string(&corpus_path),
    ) else {
        eprintln!(
            "notice: {} not found; skipping the gold location test",
            gold_path.display()
        );
        return;
    };
    let g = Gazetteer::try_embedded().expect("embedded gazetteer loads");
    let reports = reports(&corpus);
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let ev: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
        let title = ev["report"].as_str().unwrap_or_default();
        let Some(code) = ev["adcode"].as_str() else {
            // Abroad: the country must be found instead.
            let country = ev["country"].as_str().unwrap_or_default();
            if country != "CN" {
                let body = body_of(&reports, title);
                let found = g
                    .geoparse(body)
                    .iter()
                    .any(|m| m.confident && m.resolved.as_ref().is_some_and(|r| r.unit.code == country));
                checked += 1;
                if !found {
                    failures.push(format!("{title}: country {country} not found"));
                }
            }
            continue;
        };
        let body = body_of(&reports, title);
        assert!(!body.is_empty(), "report not found in corpus: {title}");
        let mentions = g.geoparse(body);
        checked += 1;
        let hit = mentions
            .iter()
            .any(|m| m.confident && m.resolved.as_ref().is_some_and(|r| r.unit.code == code));
        if !hit {
            let seen: Vec<String> = mentions
                .iter()
                .map(|m| {
                    format!(
                        "{}={}",
                        m.text,
                        m.resolved.as_ref().map_or("-", |r| r.unit.code.as_str())
                    )
                })
                .collect();
            failures.push(format!("{title}: {code} not found; saw {}", seen.join(" ")));
        }
        // The gold unit's names must agree with the gazetteer's.
        let path = g.path(code);
        let names: Vec<&str> = path.iter().map(|u| u.name.as_str()).collect();
        for key in ["province", "prefecture", "county", "township", "village"] {
            if let Some(n) = ev[key].as_str()
                && !names.contains(&n)
            {
                failures.push(format!("{title}: gold {key} {n} not on path {names:?}"));
            }
        }
    }
    assert!(checked >= 20, "expected at least 20 gold locations, checked {checked}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn body_of<'a>(reports: &'a [(String, String)], title: &str) -> &'a str {
    reports
        .iter()
        .find(|(h, _)| h.starts_with(title))
        .map_or("", |(_, b)| b.as_str())
}
