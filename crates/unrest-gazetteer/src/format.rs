//! The human-readable table `unrest geo` prints.

use std::fmt::Write;

use crate::Mention;

/// A table of mentions, one line each: byte span, character span, the text,
/// whether it is confident, and the resolved unit with its path (or the
/// candidate codes when unresolved). For users checking a report and for
/// bug reports.
pub fn format_mentions(text: &str, mentions: &[Mention]) -> String {
    let mut out = String::new();
    if mentions.is_empty() {
        out.push_str("no place mentions\n");
        return out;
    }
    for m in mentions {
        let cs = text.get(..m.start).map_or(0, |p| p.chars().count());
        let ce = cs + m.text.chars().count();
        let mark = if m.confident { "+" } else { "?" };
        let _ = write!(out, "{mark} bytes {}..{} chars {cs}..{ce}  {}", m.start, m.end, m.text);
        match &m.resolved {
            Some(r) => {
                let path: Vec<&str> = r.path.iter().map(|u| u.name.as_str()).collect();
                let path_en: Vec<&str> = r.path.iter().rev().map(|u| u.name_en.as_str()).collect();
                let coords = match (r.unit.lat, r.unit.lon) {
                    (Some(la), Some(lo)) => format!("{la:.4},{lo:.4}"),
                    _ => "-".to_string(),
                };
                let _ = write!(
                    out,
                    "  => {} {} {} [{}] ({}) {coords}",
                    r.unit.code,
                    r.unit.level.code(),
                    path.join(" > "),
                    path_en.join(", "),
                    r.unit.country
                );
            }
            None => {
                let shown: Vec<&str> = m.candidates.iter().take(8).map(String::as_str).collect();
                let more = m.candidates.len().saturating_sub(shown.len());
                let _ = write!(
                    out,
                    "  => unresolved, {} candidates: {}",
                    m.candidates.len(),
                    shown.join(" ")
                );
                if more > 0 {
                    let _ = write!(out, " ...");
                }
            }
        }
        out.push('\n');
    }
    out
}
