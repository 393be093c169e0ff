//! A plain text or Markdown file holding one report.

use crate::date::{find_date, parse_date_range};
use crate::error::IntakeError;
use crate::headline::{dated_headline, strip_wrappers, trimmed};
use crate::jsonl::detect_lang;
use crate::script::is_terminal;
use std::ops::Range;
use unrest_codebook::{Lang, PartialDate, Report};

/// A title line longer than this (in characters) is prose, not a title.
const TITLE_MAX: usize = 200;
/// Lines searched for a publication date.
const DATE_LINES: usize = 5;

#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<PartialDate>,
    url: Option<String>,
}

/// YAML-style front matter (`---` … `---`) as Markdown exports write it;
/// returns what it says and where the document proper starts.
fn front_matter(text: &str) -> (FrontMatter, usize) {
    let mut fm = FrontMatter::default();
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim) != Some("---") {
        return (fm, 0);
    }
    let mut pos = text.split_inclusive('\n').next().map_or(0, str::len);
    for line in lines.take(60) {
        pos += line.len();
        let l = line.trim();
        if l == "---" || l == "..." {
            return (fm, pos);
        }
        let Some((key, value)) = l.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => fm.title = Some(value.to_string()),
            "date" | "published" => {
                fm.date = value
                    .parse()
                    .ok()
                    .or_else(|| find_date(value).map(|d| d.1))
                    .or_else(|| parse_date_range(value).map(|d| d.1))
            }
            "url" | "link" | "source_url" => fm.url = Some(value.to_string()),
            _ => {}
        }
    }
    (FrontMatter::default(), 0)
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.len() - line.trim_start_matches('#').len();
    (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t'])
}

fn is_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

/// The title inside a heading line: no `#` marks, no wrapping marks, no date.
fn title_of(line: &str) -> (Range<usize>, Option<(PartialDate, PartialDate)>) {
    if let Some(h) = dated_headline(line) {
        return (h.title, h.dates);
    }
    let t = line.trim();
    let offset = line.len() - line.trim_start().len();
    let hashes = t.len() - t.trim_start_matches('#').len();
    let mut end = t.len();
    if hashes > 0 {
        end = t.trim_end_matches('#').trim_end().len().max(hashes);
    }
    (strip_wrappers(line, offset + hashes, offset + end, false), None)
}

/// The first sentence of a paragraph, for a report that has no title line.
fn first_sentence(s: &str) -> &str {
    let end = s
        .char_indices()
        .take(100)
        .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '.' | '!' | '?'))
        .map_or_else(|| s.char_indices().nth(100).map_or(s.len(), |(i, _)| i), |(i, _)| i);
    s[..end].trim()
}

pub(crate) fn plain_report(file: &str, text: &str) -> Result<Report, IntakeError> {
    let no_report = |reason: &str| IntakeError::NoReport {
        file: file.to_string(),
        reason: reason.to_string(),
    };
    let (fm, doc_start) = front_matter(text);
    let doc = trimmed(text, doc_start..text.len());
    if doc.is_empty() {
        return Err(no_report("front matter only, no text"));
    }
    if !text[doc.clone()].chars().any(char::is_alphabetic) {
        return Err(no_report("no words in the text"));
    }
    // Non-blank lines of the document, as ranges into `text`.
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut pos = doc.start;
    for l in text[doc.clone()].split_inclusive('\n') {
        let r = trimmed(text, pos..pos + l.len());
        if !r.is_empty() {
            lines.push(r);
        }
        pos += l.len();
    }
    let title_idx = lines
        .iter()
        .take(3)
        .position(|r| text[r.clone()].starts_with("# "))
        .unwrap_or(0);
    let title_line = lines[title_idx].clone();
    let title_text = &text[title_line.clone()];
    let heading = is_atx_heading(title_text);
    let chars = title_text.chars().count();
    let sentence = title_text.chars().next_back().is_some_and(is_terminal);
    let prose = !heading && (chars > TITLE_MAX || (sentence && (lines.len() == 1 || chars > 60)));
    let mut body_from = title_idx + 1;
    if lines.get(body_from).is_some_and(|r| is_underline(&text[r.clone()])) {
        body_from += 1;
    }
    let (title, dates, body) = if prose {
        (first_sentence(title_text).to_string(), None, doc.clone())
    } else {
        let Some(first_body) = lines.get(body_from) else {
            return Err(no_report("only a heading line, no report text"));
        };
        let (t, dates) = title_of(title_text);
        let title = title_text[t].to_string();
        (title, dates, first_body.start..doc.end)
    };
    let body_text = &text[body.clone()];
    if !body_text.chars().any(char::is_alphabetic) {
        return Err(no_report("no words after the title"));
    }
    let title = fm.title.unwrap_or(title);
    let published = fm
        .date
        .or_else(|| {
            let head = lines
                .iter()
                .take(DATE_LINES)
                .map(|r| &text[r.clone()])
                .collect::<Vec<_>>()
                .join("\n");
            find_date(&head).map(|d| d.1)
        })
        .or(dates.map(|d| d.1));
    let lang = detect_lang(&text[doc.clone()]);
    let title = (!title.is_empty()).then_some(title);
    let (title_zh, title_en, body_zh, body_en) = match lang {
        Lang::En => (None, title, None, Some(body_text.to_string())),
        _ => (title, None, Some(body_text.to_string()), None),
    };
    Ok(Report {
        title_zh,
        title_en,
        body_zh,
        body_en,
        text: text[doc].to_string(),
        lang,
        script: Default::default(),
        start_date: dates.map(|d| d.0),
        end_date: dates.map(|d| d.1),
        published,
        url: fm.url,
        source: Some(file.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_read_and_skipped() {
        let t = "---\ntitle: \"Strike\"\ndate: 2025-11-05\nurl: https://example.org/a\n---\n\nBody text here.\n";
        let (fm, start) = front_matter(t);
        assert_eq!(fm.title.as_deref(), Some("Strike"));
        assert_eq!(fm.date, "2025-11-05".parse().ok());
        assert_eq!(fm.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(t[start..].trim(), "Body text here.");
        assert_eq!(front_matter("---\nno end\n").1, 0);
    }

    #[test]
    fn titles() {
        let (r, _) = title_of("# 工人罢工 #");
        assert_eq!(&"# 工人罢工 #"[r], "工人罢工");
        let (r, d) = title_of("## 「工人罢工」(2025.11.05)");
        assert_eq!(&"## 「工人罢工」(2025.11.05)"[r], "工人罢工");
        assert!(d.is_some());
        assert_eq!(first_sentence("工人罢工。第二句。"), "工人罢工");
    }
}
