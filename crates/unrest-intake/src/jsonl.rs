//! JSON Lines: one report per line, `{"title", "text", "published", "url", "lang"}`.

use crate::error::{IntakeError, quote};
use crate::headline::dated_headline;
use crate::script::Mass;
use serde_json::{Map, Value};
use unrest_codebook::{Lang, PartialDate, Report};

const KEYS: [&str; 5] = ["title", "text", "published", "url", "lang"];

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

struct LineCtx<'a> {
    file: &'a str,
    line: usize,
}

impl LineCtx<'_> {
    fn field(&self, field: &'static str, problem: String) -> IntakeError {
        IntakeError::Field {
            file: self.file.to_string(),
            line: self.line,
            field,
            problem,
        }
    }

    /// A string value, `None` when absent, null or blank.
    fn opt_str<'v>(&self, obj: &'v Map<String, Value>, key: &'static str) -> Result<Option<&'v str>, IntakeError> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(v) => Err(self.field(key, format!("expected a string, found {}", type_name(v)))),
        }
    }
}

/// Reads `published`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a timestamp
/// (`2025-11-05T08:00:00Z`) keeps its date as written.
fn published(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    if let Ok(d) = s.parse() {
        return Some(d);
    }
    let (date, time) = (s.get(..10)?, s.get(10..)?);
    let t = time.strip_prefix(['T', ' '])?;
    (t.len() >= 2 && t.as_bytes()[..2].iter().all(u8::is_ascii_digit))
        .then(|| date.parse().ok())
        .flatten()
}

fn lang(s: &str) -> Option<Lang> {
    let s = s.trim().to_ascii_lowercase();
    let base = s.split(['-', '_']).next().unwrap_or("");
    match base {
        "zh" | "cmn" | "yue" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The language of a text by its share of Chinese characters.
pub(crate) fn detect_lang(text: &str) -> Lang {
    let m = Mass::of(text);
    if m.cjk > 0 && m.zh_weight() >= m.latin {
        Lang::Zh
    } else {
        Lang::En
    }
}

fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = full.rfind(" at line ").map_or(full.as_str(), |i| &full[..i]);
    if e.is_eof() {
        format!("truncated line ({msg} at column {})", e.column())
    } else {
        format!("{msg} at column {}", e.column())
    }
}

pub(crate) fn jsonl_reports(file: &str, text: &str) -> Result<Vec<Report>, IntakeError> {
    let mut out = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let ctx = LineCtx { file, line: i + 1 };
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(raw).map_err(|e| IntakeError::Json {
            file: file.to_string(),
            line: ctx.line,
            message: json_message(&e),
        })?;
        let Value::Object(obj) = value else {
            return Err(IntakeError::NotObject {
                file: file.to_string(),
                line: ctx.line,
                found: type_name(&value),
            });
        };
        if let Some(key) = obj.keys().find(|k| !KEYS.contains(&k.as_str())) {
            return Err(IntakeError::UnknownField {
                file: file.to_string(),
                line: ctx.line,
                field: quote(key),
            });
        }
        for key in ["title", "text"] {
            if !obj.contains_key(key) {
                return Err(IntakeError::MissingField {
                    file: file.to_string(),
                    line: ctx.line,
                    field: key,
                });
            }
        }
        let body = match obj.get("text") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::String(_)) => return Err(ctx.field("text", "empty text".to_string())),
            Some(v) => return Err(ctx.field("text", format!("expected a string, found {}", type_name(v)))),
            None => {
                return Err(IntakeError::MissingField {
                    file: file.to_string(),
                    line: ctx.line,
                    field: "text",
                });
            }
        };
        let title_raw = ctx.opt_str(&obj, "title")?;
        let published = match ctx.opt_str(&obj, "published")? {
            Some(s) => {
                Some(published(s).ok_or_else(|| ctx.field("published", format!("malformed date {}", quote(s))))?)
            }
            None => None,
        };
        let url = ctx.opt_str(&obj, "url")?.map(|s| s.trim().to_string());
        let lang = match ctx.opt_str(&obj, "lang")? {
            Some(s) => lang(s).ok_or_else(|| {
                ctx.field(
                    "lang",
                    format!("unknown language {} (expected \"zh\" or \"en\")", quote(s)),
                )
            })?,
            None => detect_lang(&format!("{} {body}", title_raw.unwrap_or(""))),
        };
        let (title, dates) = match title_raw {
            Some(t) => match dated_headline(t) {
                Some(h) => (Some(t[h.title].to_string()), h.dates),
                None => (Some(t.trim().to_string()), None),
            },
            None => (None, None),
        };
        let (title_zh, title_en, body_zh, body_en) = match lang {
            Lang::En => (None, title, None, Some(body.clone())),
            _ => (title, None, Some(body.clone()), None),
        };
        out.push(Report {
            title_zh,
            title_en,
            body_zh,
            body_en,
            text: body,
            lang,
            script: Default::default(),
            start_date: dates.map(|d| d.0),
            end_date: dates.map(|d| d.1),
            published,
            url,
            source: Some(file.to_string()),
        });
    }
    if out.is_empty() {
        return Err(IntakeError::Empty { file: file.to_string() });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_forms() {
        assert_eq!(published("2025-11-05"), "2025-11-05".parse().ok());
        assert_eq!(published("2025-11"), "2025-11".parse().ok());
        assert_eq!(published("2025"), "2025".parse().ok());
        assert_eq!(published("2025-11-05T08:00:00Z"), "2025-11-05".parse().ok());
        assert_eq!(published("2025-13-01"), None);
        assert_eq!(published("2025-11-05Tx"), None);
        assert_eq!(published("Nov 5"), None);
    }

    #[test]
    fn languages() {
        assert_eq!(lang("zh"), Some(Lang::Zh));
        assert_eq!(lang("zh-CN"), Some(Lang::Zh));
        assert_eq!(lang("EN"), Some(Lang::En));
        assert_eq!(lang("fr"), None);
        assert_eq!(detect_lang("工人罢工 strike"), Lang::Zh);
        assert_eq!(detect_lang("Workers went on strike at the 工厂"), Lang::En);
    }
}
