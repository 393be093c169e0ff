//! The event page: every coded field in plain words, the source report with
//! the evidence of each field highlighted, the permalink and a citation.

use super::layout::{Page, Section};
use super::parts::{badges, date_range, label, place_line};
use crate::error::WebError;
use crate::fields::{FIELDS, by_key, yes_no};
use crate::lang::Lang;
use crate::public::{PublicEvent, PublicReport};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;
use unrest_codebook::{DatePrecision, Event, Evidence, GeoPrecision, Outcome, Role, Vocabulary};

/// `GET /{lang}/events/{id}`
pub async fn page(
    State(state): State<Arc<AppState>>,
    Path((lang, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let lang = super::lang(&lang)?;
    let (event, report) = crate::load::event(&state, id).await?;
    let l = |zh, en| lang.pick(zh, en);
    let title = event.title(lang).to_owned();
    let other = lang.other();
    let body = html! {
        article {
            p.meta { (date_range(lang, &event.record)) " · " (place_line(lang, &event.record)) }
            h1 { (title) }
            (badges(lang, &event.record))
            p.meta {
                (l("永久链接：", "Permalink: ")) a href=(event.url) { (event.url) }
                " · " a href={ "/" (other.code()) "/events/" (event.id) } lang=(other.tag()) hreflang=(other.tag()) {
                    (other.pick("中文版", "English version"))
                }
                " · " a href={ "/api/v1/events/" (event.id) } { "JSON" }
            }
            h2 { (l("引用", "Cite")) }
            p.cite #citation { (citation(lang, &event)) }
            button #copy-citation type="button" hidden data-done=(l("已复制", "Copied")) { (l("复制引用", "Copy citation")) }
            h2 { (l("编码", "Coding")) }
            table {
                caption.muted { (l("每个字段的含义见", "What each field means: ")) a href={ "/" (lang.code()) "/data" } { (l("字段说明", "data dictionary")) } }
                tbody {
                    @for field in FIELDS.iter().filter(|f| f.key != "evidence") {
                        tr {
                            th scope="row" { (field.label(lang)) }
                            td { (value(lang, field.key, &event.record)) }
                        }
                    }
                }
            }
            h2 #report { (l("来源报告", "Source report")) }
            @match &report {
                Some(report) => { (report_section(lang, report, &event.record.evidence)) }
                None => { p.muted { (l("这条事件没有存档的报告。", "No report is stored for this event.")) } }
            }
        }
    };
    let here = format!("/events/{}", event.id);
    Ok(Page {
        lang,
        section: Section::Event,
        title: &title,
        here: &here,
        feed: None,
        body,
    }
    .render())
}

/// `GET /e/{id}`: the language-neutral permalink, sent on to the reader's
/// language.
pub async fn permalink(headers: axum::http::HeaderMap, Path(id): Path<String>) -> Response {
    let lang = Lang::negotiate(&headers);
    let id: String = id.chars().filter(char::is_ascii_alphanumeric).take(16).collect();
    Redirect::to(&format!("/{}/events/{id}", lang.code())).into_response()
}

/// The citation line.
fn citation(lang: Lang, e: &PublicEvent) -> String {
    let updated = e.updated_at.get(..10).unwrap_or(&e.updated_at);
    match lang {
        Lang::Zh => format!(
            "unrest 抗争事件数据库，事件 {}：「{}」，{}，{}。{}（{} 版）。",
            e.id,
            e.title(lang),
            date_range(lang, &e.record),
            place_line(lang, &e.record),
            e.url,
            updated
        ),
        Lang::En => format!(
            "unrest protest event database, event {}: \"{}\", {}, {}. {} (version of {}).",
            e.id,
            e.title(lang),
            date_range(lang, &e.record),
            place_line(lang, &e.record),
            e.url,
            updated
        ),
    }
}

fn list<V: Vocabulary>(lang: Lang, values: &[V]) -> Markup {
    html! {
        @if values.is_empty() { span.muted { (lang.pick("无", "None")) } }
        @for (i, v) in values.iter().enumerate() {
            @if i > 0 { ", " }
            (label(lang, *v)) " " code { (v.code()) }
        }
    }
}

fn opt<T: std::fmt::Display>(lang: Lang, value: Option<T>) -> Markup {
    html! {
        @match value {
            Some(v) => { (v) }
            None => { span.muted { (lang.pick("未说明", "Not stated")) } }
        }
    }
}

fn range(lang: Lang, low: Option<u32>, high: Option<u32>) -> Markup {
    html! {
        @match (low, high) {
            (Some(a), Some(b)) if a == b => { (a) }
            (Some(a), Some(b)) => { (a) "–" (b) }
            (Some(a), None) => { (lang.pick("至少 ", "at least ")) (a) }
            (None, Some(b)) => { (lang.pick("至多 ", "at most ")) (b) }
            (None, None) => { span.muted { (lang.pick("未说明", "Not stated")) } }
        }
    }
}

fn precision(lang: Lang, p: Option<DatePrecision>) -> Option<&'static str> {
    p.map(|p| match p {
        DatePrecision::Day => lang.pick("日", "day"),
        DatePrecision::Month => lang.pick("月", "month"),
        DatePrecision::Year => lang.pick("年", "year"),
    })
}

fn geo(lang: Lang, p: Option<GeoPrecision>) -> Option<&'static str> {
    p.map(|p| match p {
        GeoPrecision::Village => lang.pick("村", "village"),
        GeoPrecision::Township => lang.pick("乡镇", "township"),
        GeoPrecision::County => lang.pick("区县", "county"),
        GeoPrecision::Prefecture => lang.pick("地级市", "prefecture"),
        GeoPrecision::Province => lang.pick("省", "province"),
        GeoPrecision::Country => lang.pick("国家", "country"),
    })
}

/// A field's value in plain words.
fn value(lang: Lang, key: &str, e: &Event) -> Markup {
    let l = |zh, en| lang.pick(zh, en);
    match key {
        "report" => html! { (e.report) },
        "role" => html! { @match e.role {
            Role::Primary => { (l("报告所讲的事件", "The incident the report is about")) }
            Role::Mentioned => { (l("报告作为背景提到的事件", "Mentioned in the report as background")) }
        } },
        "title_zh" => opt(lang, e.title_zh.as_deref()),
        "title_en" => opt(lang, e.title_en.as_deref()),
        "start_date" => opt(lang, e.start_date),
        "end_date" => opt(lang, e.end_date),
        "date_precision" => opt(lang, precision(lang, e.date_precision)),
        "country" => opt(lang, e.country.as_deref()),
        "province" => opt(lang, e.province.as_deref()),
        "prefecture" => opt(lang, e.prefecture.as_deref()),
        "county" => opt(lang, e.county.as_deref()),
        "township" => opt(lang, e.township.as_deref()),
        "village" => opt(lang, e.village.as_deref()),
        "adcode" => opt(lang, e.adcode.as_deref()),
        "place" => opt(lang, e.place.as_deref()),
        "geo_precision" => opt(lang, geo(lang, e.geo_precision)),
        "lat" => opt(lang, e.lat),
        "lon" => opt(lang, e.lon),
        "issues" => list(lang, &e.issues),
        "groups" => list(lang, &e.groups),
        "tactics" => list(lang, &e.tactics),
        "targets" => list(lang, &e.targets),
        "size_min" => range(lang, e.size_min, e.size_max),
        "size_max" => opt(lang, e.size_max),
        "size_text" => opt(lang, e.size_text.as_deref()),
        "police" => html! { (yes_no(lang, e.police)) },
        "arrests_min" => range(lang, e.arrests_min, e.arrests_max),
        "arrests_max" => opt(lang, e.arrests_max),
        "violence" => html! { (yes_no(lang, e.violence)) },
        "injuries" => opt(lang, e.injuries),
        "deaths" => opt(lang, e.deaths),
        "censorship" => html! { (yes_no(lang, e.censorship)) },
        "intimidation" => html! { (yes_no(lang, e.intimidation)) },
        "outcome" => html! { @match e.outcome {
            Outcome::Achieved => { (l("达成诉求", "Achieved what it sought")) }
            Outcome::Partial => { (l("部分让步或承诺", "A concession or promise")) }
            Outcome::None => { (l("被拒绝或压制，一无所获", "Refused or crushed, nothing gained")) }
            Outcome::Unknown => { span.muted { (l("不详", "Unknown")) } }
        } },
        "demands" => html! {
            @if e.demands.is_empty() { span.muted { (l("未说明", "Not stated")) } }
            ul { @for d in &e.demands { li { (d) } } }
        },
        _ => html! {},
    }
}

/// Splits `text` into runs, each with the evidence fields covering it.
/// Spans whose offsets fall outside the text or whose words differ from it
/// are left out rather than highlighting the wrong words.
pub fn highlight_runs(text: &str, evidence: &[Evidence]) -> Vec<(String, Vec<String>)> {
    let chars: Vec<char> = text.chars().collect();
    let spans: Vec<&Evidence> = evidence
        .iter()
        .filter(|e| {
            e.start < e.end && e.end <= chars.len() && chars[e.start..e.end].iter().collect::<String>() == e.text
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, chars.len()];
    for e in &spans {
        cuts.push(e.start);
        cuts.push(e.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let fields: Vec<String> = spans
                .iter()
                .filter(|e| e.start <= w[0] && w[1] <= e.end)
                .map(|e| e.field.clone())
                .collect();
            (chars[w[0]..w[1]].iter().collect(), fields)
        })
        .collect()
}

fn report_section(lang: Lang, report: &PublicReport, evidence: &[Evidence]) -> Markup {
    let runs = highlight_runs(&report.text, evidence);
    let field_label = |key: &str| by_key(key).map_or_else(|| key.to_owned(), |f| f.label(lang).to_owned());
    html! {
        @if let Some(t) = report.title(lang).or(report.title(lang.other())) { h3 { (t) } }
        p.meta {
            (lang.pick("报告日期：", "Report dates: "))
            @match (report.start_date, report.end_date) {
                (Some(a), Some(b)) if a != b => { (a) " – " (b) }
                (Some(a), _) => { (a) }
                _ => { (lang.pick("不详", "unknown")) }
            }
            " · " (lang.pick("高亮部分是编码所依据的原文。", "Highlighted words are the evidence the coding was read from."))
        }
        div.report-text lang=[match report.lang { unrest_codebook::Lang::Zh => Some("zh-Hans"), unrest_codebook::Lang::En => Some("en"), unrest_codebook::Lang::Bilingual => None }] {
            @for (text, fields) in &runs {
                @if fields.is_empty() { (text) } @else {
                    mark title=(fields.iter().map(|f| field_label(f)).collect::<Vec<_>>().join(", ")) { (text) }
                }
            }
        }
        @if !evidence.is_empty() {
            h3 { (lang.pick("证据", "Evidence")) }
            table {
                thead { tr { th { (lang.pick("字段", "Field")) } th { (lang.pick("原文", "Words")) } th.num { (lang.pick("位置", "Offsets")) } } }
                tbody {
                    @for e in evidence {
                        tr { td { (field_label(&e.field)) } td { (e.text) } td.num { (e.start) "–" (e.end) } }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(field: &str, text: &str, start: usize, end: usize) -> Evidence {
        Evidence {
            field: field.into(),
            text: text.into(),
            start,
            end,
        }
    }

    #[test]
    fn overlapping_spans_split_into_runs() {
        let runs = highlight_runs(
            "工人罢工讨薪",
            &[
                ev("tactics", "罢工", 2, 4),
                ev("issues", "罢工讨薪", 2, 6),
                ev("x", "wrong", 0, 2),
                ev("y", "z", 5, 99),
            ],
        );
        let got: Vec<(&str, Vec<&str>)> = runs
            .iter()
            .map(|(t, f)| (t.as_str(), f.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            got,
            [
                ("工人", vec![]),
                ("罢工", vec!["tactics", "issues"]),
                ("讨薪", vec!["issues"])
            ]
        );
    }
}
