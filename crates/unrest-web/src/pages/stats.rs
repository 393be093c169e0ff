//! Statistics: totals of the published events, per year, and the leading
//! issues, tactics and provinces, with links into the search.

use super::layout::{Page, Section};
use super::parts::{label, repression_label, size_label, thousands};
use crate::error::WebError;
use crate::geo::province_name;
use crate::params::Params;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};
use std::collections::BTreeMap;
use std::sync::Arc;
use unrest_codebook::Vocabulary;
use unrest_store::Period;

fn counts_table<V: Vocabulary>(lang: crate::lang::Lang, key: &str, caption: &str, rows: &[(V, usize)]) -> Markup {
    html! {
        table {
            caption { (caption) }
            tbody {
                @for (v, n) in rows {
                    tr {
                        td { a href={ "/" (lang.code()) "/search?" (key) "=" (v.code()) } { (label(lang, *v)) } }
                        td.num { (n) }
                    }
                }
            }
        }
    }
}

/// `GET /{lang}/stats`
pub async fn page(State(state): State<Arc<AppState>>, Path(lang): Path<String>) -> Result<Response, WebError> {
    let lang = super::lang(&lang)?;
    let filter = Params::default().filter(1);
    let (facets, months) = tokio::try_join!(
        crate::load::facets(&state, filter.clone()),
        crate::load::timeline(&state, filter, Period::Month)
    )?;
    let mut years: BTreeMap<&str, usize> = BTreeMap::new();
    for (month, n) in months.iter() {
        *years.entry(month.get(..4).unwrap_or(month)).or_default() += n;
    }
    let first = months.iter().find(|m| m.1 > 0).map(|m| m.0.clone());
    let last = months.iter().rev().find(|m| m.1 > 0).map(|m| m.0.clone());
    let l = |zh, en| lang.pick(zh, en);
    let body = html! {
        h1 { (l("统计", "Statistics")) }
        div.stats-grid {
            div.stat { div.n { (thousands(facets.total)) } (l("条公开事件", "published events")) }
            div.stat { div.n { (facets.provinces.len()) } (l("个省级地区", "provinces")) }
            div.stat { div.n { (first.clone().unwrap_or_else(|| "–".into())) } (l("最早事件（月）", "earliest (month)")) }
            div.stat { div.n { (last.clone().unwrap_or_else(|| "–".into())) } (l("最近事件（月）", "latest (month)")) }
        }
        h2 { (l("每年", "Per year")) }
        table {
            tbody {
                @for (year, n) in &years {
                    tr { td { a href={ "/" (lang.code()) "/search?from=" (year) "&to=" (year) } { (year) } } td.num { (n) } }
                }
            }
        }
        p { a href={ "/" (lang.code()) "/charts" } { (l("每周、每月的图表", "Charts per week and month")) } }
        h2 { (l("诉求", "Issues")) }
        (counts_table(lang, "issue", l("按诉求（一条事件可有多个）", "By issue (an event can have several)"), &facets.issues))
        h2 { (l("行动方式", "Tactics")) }
        (counts_table(lang, "tactic", l("按行动方式", "By tactic"), &facets.tactics))
        h2 { (l("群体", "Groups")) }
        (counts_table(lang, "group", l("按群体", "By group"), &facets.groups))
        h2 { (l("规模与官方回应", "Size and repression")) }
        table {
            tbody {
                @for (band, n) in &facets.sizes { tr { td { a href={ "/" (lang.code()) "/search?size=" (band.code()) } { (size_label(lang, *band)) } } td.num { (n) } } }
                @for (flag, n) in &facets.repression { tr { td { a href={ "/" (lang.code()) "/search?repression=" (flag.code()) } { (repression_label(lang, *flag)) } } td.num { (n) } } }
            }
        }
        h2 { (l("省份", "Provinces")) }
        table {
            tbody {
                @for (name, n) in &facets.provinces {
                    tr { td { a href={ "/" (lang.code()) "/search?" (form_urlencoded::Serializer::new(String::new()).append_pair("province", name).finish()) } { (province_name(lang, name)) } } td.num { (n) } }
                }
            }
        }
    };
    Ok(Page {
        lang,
        section: Section::Stats,
        title: l("统计", "Statistics"),
        here: "/stats",
        feed: None,
        body,
    }
    .render())
}
