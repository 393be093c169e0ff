//! A human-readable table of coded events (`unrest extract --format table`).

use unrest_codebook::{Event, Vocabulary};

fn cell(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = if c.is_ascii() { 1 } else { 2 };
        if w + cw > width {
            out.push('…');
            w += 1;
            break;
        }
        out.push(c);
        w += cw;
    }
    while w < width {
        out.push(' ');
        w += 1;
    }
    out
}

fn codes<V: Vocabulary>(v: &[V]) -> String {
    v.iter().map(|x| x.code()).collect::<Vec<_>>().join(",")
}

/// One line per event: role, dates, place, size, codes, response, outcome;
/// a header first. Columns are padded for a terminal (CJK counts as two).
pub fn format_table(events: &[Event]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} {} {} {} {} {} {} {}\n",
        cell("role", 9),
        cell("dates", 23),
        cell("place", 30),
        cell("size", 11),
        cell("issues", 24),
        cell("groups/tactics/targets", 44),
        cell("response", 20),
        "outcome"
    ));
    for e in events {
        let dates = match (e.start_date, e.end_date) {
            (Some(s), Some(t)) if s == t => s.to_string(),
            (Some(s), Some(t)) => format!("{s}..{t}"),
            (Some(s), None) => s.to_string(),
            _ => "-".into(),
        };
        let admin: Vec<&str> = [&e.province, &e.prefecture, &e.county, &e.township, &e.village]
            .iter()
            .filter_map(|x| x.as_deref())
            .collect();
        let mut place = if admin.is_empty() {
            e.country.clone().unwrap_or_else(|| "-".into())
        } else {
            admin.join("")
        };
        if let Some(p) = &e.place {
            place.push('/');
            place.push_str(p);
        }
        let size = match (e.size_min, e.size_max) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}-{b}"),
            (Some(a), None) => format!("{a}+"),
            (None, Some(b)) => format!("<={b}"),
            (None, None) if e.size_text.is_some() => "many".into(),
            _ => "-".into(),
        };
        let mut resp = Vec::new();
        for (name, v) in [
            ("police", e.police),
            ("violence", e.violence),
            ("censored", e.censorship),
            ("intimidated", e.intimidation),
        ] {
            match v {
                Some(true) => resp.push(name.to_string()),
                Some(false) => resp.push(format!("no-{name}")),
                None => {}
            }
        }
        if let Some(n) = e.arrests_min {
            resp.push(format!("arrests:{n}"));
        }
        let role = match e.role {
            unrest_codebook::Role::Primary => "primary",
            unrest_codebook::Role::Mentioned => "mentioned",
        };
        let outcome = serde_json_outcome(e);
        out.push_str(&format!(
            "{} {} {} {} {} {} {} {}\n",
            cell(role, 9),
            cell(&dates, 23),
            cell(&place, 30),
            cell(&size, 11),
            cell(&codes(&e.issues), 24),
            cell(
                &format!("{}/{}/{}", codes(&e.groups), codes(&e.tactics), codes(&e.targets)),
                44
            ),
            cell(&resp.join(","), 20),
            outcome
        ));
    }
    out
}

fn serde_json_outcome(e: &Event) -> &'static str {
    match e.outcome {
        unrest_codebook::Outcome::Achieved => "achieved",
        unrest_codebook::Outcome::Partial => "partial",
        unrest_codebook::Outcome::None => "none",
        unrest_codebook::Outcome::Unknown => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_header_and_one_line_per_event() {
        let mut e = Event::new("r", unrest_codebook::Role::Primary);
        e.province = Some("贵州省".into());
        e.size_min = Some(200);
        let t = format_table(&[e.clone(), e]);
        assert_eq!(t.lines().count(), 3);
        assert!(t.contains("贵州省"));
        assert!(t.contains("200+"));
    }
}
