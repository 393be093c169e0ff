//! Which predicted event is which gold event: reports by title similarity,
//! events by date and place (score.py's `title_sim`, `affinity`, `pair`).

use crate::pyjson::{get, get_or_null, text_or_empty, truthy};
use serde_json::Value;
use std::collections::HashSet;

/// Character bigrams of a title, whitespace removed; a title too short for a
/// bigram is its own single element.
pub fn bigrams(s: &str) -> HashSet<String> {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let set: HashSet<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
    if set.is_empty() {
        HashSet::from([chars.iter().collect()])
    } else {
        set
    }
}

/// Jaccard similarity of the bigram sets of two titles.
pub fn title_sim(a: &str, b: &str) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    let inter = x.intersection(&y).count();
    let union = x.union(&y).count();
    inter as f64 / union.max(1) as f64
}

/// Days since 1970-01-01 of the first day a codebook date can mean, or
/// `None` when it is not a date (score.py's `parse_day`).
pub fn parse_day(v: &Value) -> Option<i64> {
    let s = match v {
        Value::Null => return None,
        Value::String(s) if s.is_empty() => return None,
        Value::String(s) => s.clone(),
        Value::Bool(false) => return None,
        other => other.to_string(),
    };
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.trim().parse::<i64>().ok();
    let y = num(parts.first()?)?;
    let m = match parts.get(1) {
        Some(p) => num(p)?,
        None => 1,
    };
    let d = match parts.get(2) {
        Some(p) => num(p)?,
        None => 1,
    };
    days_from_civil(y, m, d)
}

/// Day number of a valid Gregorian date (years 1..=9999, as Python's `date`).
fn days_from_civil(y: i64, m: i64, d: i64) -> Option<i64> {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d < 1 || d > dim[(m - 1) as usize] {
        return None;
    }
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The place an event is at, as a comparable key: its adcode in China, or
/// `@` and the country code abroad.
pub fn place_key(e: &Value) -> String {
    let country_is_cn = match get(e, "country") {
        None => true,
        Some(v) => v.as_str() == Some("CN"),
    };
    if country_is_cn {
        text_or_empty(get_or_null(e, "adcode"))
    } else {
        format!("@{}", text_or_empty(get_or_null(e, "country")))
    }
}

/// How well predicted event `p` fits gold event `g`; 0 means they cannot be
/// the same event.
pub fn affinity(g: &Value, p: &Value) -> f64 {
    let gd = parse_day(get_or_null(g, "start_date"));
    let pd = parse_day(get_or_null(p, "start_date"));
    let days = match (gd, pd) {
        (Some(a), Some(b)) => (a - b).abs(),
        _ => 99,
    };
    let gk: Vec<char> = place_key(g).chars().collect();
    let pk: Vec<char> = place_key(p).chars().collect();
    let common = gk.iter().zip(&pk).take_while(|(a, b)| a == b).count();
    let place_ok = !gk.is_empty() && !pk.is_empty() && (gk.starts_with(&pk) || pk.starts_with(&gk));
    let mut score = 0.0;
    if days == 0 {
        score += 3.0;
    } else if days <= 3 {
        score += 2.0;
    } else if days <= 31 {
        score += 0.5;
    }
    if place_ok {
        score += 2.0 + common as f64 / 12.0;
    } else if common >= 2 {
        score += 0.5;
    }
    let gp = text_or_empty(get_or_null(g, "place"));
    let pp = text_or_empty(get_or_null(p, "place"));
    if !gp.is_empty() && !pp.is_empty() && (pp.contains(&gp) || gp.contains(&pp)) {
        score += 1.0;
    }
    if !place_ok && common < 2 && !gk.is_empty() && !pk.is_empty() {
        return 0.0;
    }
    if score >= 2.0 { score } else { 0.0 }
}

/// Greedy one-to-one pairing, best affinity first (ties broken as Python's
/// reverse sort of `(affinity, gold index, pred index)` does).
pub fn pair<'a>(golds: &[&'a Value], preds: &[&'a Value]) -> Vec<(&'a Value, &'a Value)> {
    let mut cand = Vec::new();
    for (i, g) in golds.iter().enumerate() {
        for (j, p) in preds.iter().enumerate() {
            let a = affinity(g, p);
            if a > 0.0 {
                cand.push((a, i, j));
            }
        }
    }
    cand.sort_by(|x, y| y.partial_cmp(x).unwrap_or(std::cmp::Ordering::Equal));
    let (mut used_g, mut used_p, mut pairs) = (HashSet::new(), HashSet::new(), Vec::new());
    for (_, i, j) in cand {
        if used_g.contains(&i) || used_p.contains(&j) {
            continue;
        }
        used_g.insert(i);
        used_p.insert(j);
        pairs.push((golds[i], preds[j]));
    }
    pairs
}

/// Whether a value counts as "present" for pairing (`if not p`).
pub fn is_missing(p: &Value) -> bool {
    !truthy(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn day_numbers() {
        assert_eq!(parse_day(&json!("1970-01-01")), Some(0));
        assert_eq!(parse_day(&json!("2025-11")), parse_day(&json!("2025-11-01")));
        assert_eq!(parse_day(&json!("2025-02-30")), None);
        assert_eq!(parse_day(&json!(null)), None);
        assert_eq!(parse_day(&json!(2025)), parse_day(&json!("2025-01-01")));
    }

    #[test]
    fn titles() {
        assert!((title_sim("abc", "abc") - 1.0).abs() < 1e-9);
        assert_eq!(title_sim("ab", "cd"), 0.0);
        assert_eq!(bigrams("a").len(), 1);
    }

    #[test]
    fn affinity_rules() {
        let g = json!({"start_date": "2025-11-12", "adcode": "520204", "country": "CN"});
        let same = json!({"start_date": "2025-11-12", "adcode": "5202", "country": "CN"});
        let other_place = json!({"start_date": "2025-11-12", "adcode": "410300", "country": "CN"});
        assert!(affinity(&g, &same) > 5.0);
        assert_eq!(affinity(&g, &other_place), 0.0);
        let abroad = json!({"start_date": "2025-11-05", "country": "GN"});
        assert_eq!(place_key(&abroad), "@GN");
    }
}
