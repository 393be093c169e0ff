//! Downloads and the data dictionary: what each file holds, column by
//! column, and links that download the current filter.

use super::layout::{Page, Section};
use crate::error::WebError;
use crate::fields::{DOWNLOAD_FIELDS, FIELDS};
use crate::params::Params;
use axum::extract::{Path, RawQuery};
use axum::response::Response;
use maud::html;

/// `GET /{lang}/data`
pub async fn page(Path(lang): Path<String>, RawQuery(raw): RawQuery) -> Result<Response, WebError> {
    let lang = super::lang(&lang)?;
    let p = Params::parse(raw.as_deref())?;
    let q = p.first_page().query();
    let l = |zh, en| lang.pick(zh, en);
    let body = html! {
        h1 { (l("数据下载与字段说明", "Data downloads and dictionary")) }
        p {
            (l("下载包含所有符合筛选条件的公开事件（最多 ", "Downloads hold every published event matching the filters (at most "))
            (crate::download::MAX_ROWS)
            (l(" 条）。在搜索页设好筛选后，用那里的下载链接即可只下载所选事件。", "). Set filters on the search page and use its download links to get just those events."))
        }
        @if p.has_filters() { p.muted { (l("当前链接带有筛选条件。", "The links below carry the current filters.")) } }
        ul {
            li { a href={ "/download/events.csv" (q) } { "events.csv" } " — " (l("逗号分隔，首行为列名；列表用分号连接，诉求原文和证据为 JSON 数组。", "comma-separated with a header row; code lists joined with semicolons; demands and evidence as JSON arrays.")) }
            li { a href={ "/download/events.jsonl" (q) } { "events.jsonl" } " — " (l("每行一条编码手册格式的记录（可用 unrest import 导入）。", "one codebook record per line (loads with unrest import)." )) }
            li { a href={ "/download/events.geojson" (q) } { "events.geojson" } " — " (l("GeoJSON 要素集合；没有坐标的事件几何为空。", "a GeoJSON FeatureCollection; events without coordinates have a null geometry.")) }
            li { a href="/api/v1/openapi.json" { "OpenAPI" } " — " (l("JSON 接口，含增量同步（updated_since 与已撤下事件列表）。", "the JSON API, including incremental sync (updated_since and the list of withdrawn events).")) }
        }
        h2 { (l("字段", "Fields")) }
        p { (l("CSV 与 GeoJSON 在编码手册字段之前加上以下字段：", "CSV and GeoJSON add these before the codebook fields:")) }
        table {
            thead { tr { th { (l("字段", "Key")) } th { (l("类型", "Type")) } th { (l("名称", "Name")) } th { (l("含义", "Meaning")) } } }
            tbody {
                @for f in DOWNLOAD_FIELDS.iter().chain(FIELDS) {
                    tr { td { code { (f.key) } } td { code { (f.kind) } } td { (f.label(lang)) } td { (f.about(lang)) } }
                }
            }
        }
    };
    let here = format!("/data{q}");
    Ok(Page {
        lang,
        section: Section::Data,
        title: l("数据下载", "Data"),
        here: &here,
        feed: None,
        body,
    }
    .render())
}
