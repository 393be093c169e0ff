//! The map: provinces shaded by the number of selected events, and the
//! events with coordinates as points, drawn on the server as SVG from the
//! embedded outlines (no tiles, no outside request, no script needed).

use super::layout::{Page, Section};
use super::parts::{active_filters, count_line, filter_form};
use crate::error::WebError;
use crate::geo::{Map, WIDTH, province_name};
use crate::params::Params;
use crate::state::AppState;
use crate::svg::fmt;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use maud::{Markup, html};
use std::collections::HashMap;
use std::sync::Arc;
use unrest_store::MapPoint;

/// The shading class (0–4) of a count: quarters of the largest count, so
/// the province with the most events is always the darkest.
pub fn class(n: usize, max: usize) -> usize {
    if n == 0 || max == 0 {
        return 0;
    }
    (4 * n).div_ceil(max).clamp(1, 4)
}

/// The legend: (class, "low–high") for each class some count can fall in.
fn legend(max: usize) -> Vec<(usize, String)> {
    (1..=4usize)
        .map(|c| (c, (c - 1) * max / 4 + 1, c * max / 4))
        .filter(|(_, lo, hi)| lo <= hi)
        .map(|(c, lo, hi)| {
            (
                c,
                if lo == hi {
                    lo.to_string()
                } else {
                    format!("{lo}–{hi}")
                },
            )
        })
        .collect()
}

/// The search for the current filters within one province.
fn province_href(lang: crate::lang::Lang, p: &Params, name: &str) -> String {
    let mut q = p.first_page();
    q.province = Some(name.to_owned());
    q.prefecture = None;
    format!("/{}/search{}", lang.code(), q.query())
}

fn svg(lang: crate::lang::Lang, p: &Params, counts: &HashMap<&str, usize>, points: &[MapPoint]) -> Markup {
    let map = Map::get();
    let max = counts.values().copied().max().unwrap_or(0);
    let biggest = points.iter().map(|pt| pt.count).max().unwrap_or(1).max(1);
    let title = lang.pick("各省事件数与事件地点", "Events by province and location");
    html! {
        svg viewBox={ "0 0 " (WIDTH) " " (fmt(map.height)) } role="img" aria-labelledby="map-title" {
            title #map-title { (title) }
            @for prov in &map.provinces {
                @let n = counts.get(prov.name.as_str()).copied().unwrap_or(0);
                a href=(province_href(lang, p, &prov.name)) {
                    path class={ "prov f" (class(n, max)) } d=(prov.path) {
                        title { (province_name(lang, &prov.name)) ": " (n) }
                    }
                }
            }
            @for pt in points {
                @if let Some((x, y)) = map.project(pt.lat, pt.lon) {
                    a href={ "/" (lang.code()) "/events/" (pt.sample) } {
                        circle.pt cx=(fmt(x)) cy=(fmt(y)) r=(fmt(2.0 + 7.0 * (pt.count as f64 / biggest as f64).sqrt())) {
                            title { (pt.count) (lang.pick(" 条事件", " events")) }
                        }
                    }
                }
            }
        }
    }
}

/// `GET /{lang}/map`
pub async fn page(
    State(state): State<Arc<AppState>>,
    Path(lang): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let lang = super::lang(&lang)?;
    let p = Params::parse(raw.as_deref())?;
    let filter = p.filter(1);
    let (facets, points) = tokio::try_join!(
        crate::load::facets(&state, filter.clone()),
        crate::load::points(&state, filter)
    )?;
    let counts: HashMap<&str, usize> = facets.provinces.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    let max = counts.values().copied().max().unwrap_or(0);
    let base = format!("/{}/map", lang.code());
    let l = |zh, en| lang.pick(zh, en);
    let located: usize = points.iter().map(|pt| pt.count).sum();
    let body = html! {
        h1 { (l("事件地图", "Map of events")) }
        div.layout {
            aside { (filter_form(lang, &base, &p, &facets)) }
            section {
                p { (count_line(lang, facets.total)) " · " (located) (l(" 条有坐标", " with coordinates")) }
                (active_filters(lang, &base, &p))
                figure {
                    (svg(lang, &p, &counts, &points))
                    figcaption {
                        ul.legend {
                            li { span.sw.sw0 {} (l("无", "none")) }
                            @for (c, range) in legend(max) { li { span class={ "sw sw" (c) } {} (range) } }
                            li { (l("圆点：有坐标的事件，面积与数目成正比", "Dots: events with coordinates, area by number")) }
                        }
                        (l("省界经简化，仅供示意。", "Simplified outlines, for orientation only."))
                    }
                }
                h2 { (l("各省事件数", "Events per province")) }
                table {
                    thead { tr { th { (l("省份", "Province")) } th.num { (l("事件", "Events")) } } }
                    tbody {
                        @for (name, n) in &facets.provinces {
                            tr { td { a href=(province_href(lang, &p, name)) { (province_name(lang, name)) } } td.num { (n) } }
                        }
                    }
                }
            }
        }
    };
    let here = format!("/map{}", p.query());
    Ok(Page {
        lang,
        section: Section::Map,
        title: l("事件地图", "Map of events"),
        here: &here,
        feed: None,
        body,
    }
    .render())
}

#[cfg(test)]
mod tests {
    #[test]
    fn classes_rise_with_counts() {
        assert_eq!(super::class(0, 10), 0);
        assert_eq!(super::class(1, 10), 1);
        assert_eq!(super::class(3, 10), 2);
        assert_eq!(super::class(10, 10), 4);
        assert_eq!(super::class(3, 3), 4);
        assert_eq!(super::class(1, 3), 2);
    }

    #[test]
    fn legend_has_no_empty_ranges() {
        let ranges: Vec<String> = super::legend(3).into_iter().map(|(_, r)| r).collect();
        assert_eq!(ranges, ["1", "2", "3"]);
        let ranges: Vec<String> = super::legend(100).into_iter().map(|(_, r)| r).collect();
        assert_eq!(ranges, ["1–25", "26–50", "51–75", "76–100"]);
    }
}
