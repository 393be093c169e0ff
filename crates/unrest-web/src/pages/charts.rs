//! Charts of the selected events: per week or month, by issue and by
//! province, each bar a link to its events.

use super::layout::{Page, Section};
use super::parts::{active_filters, count_line, label};
use crate::error::WebError;
use crate::geo::province_name;
use crate::params::Params;
use crate::state::AppState;
use crate::svg::{Bar, columns, rows, table};
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use maud::html;
use std::sync::Arc;
use unrest_store::Period;

/// The date range a period label covers, for its bar's link.
fn period_range(period: Period, label: &str) -> (String, String) {
    match period {
        Period::Month => (label.to_owned(), label.to_owned()),
        Period::Week => {
            let end = label
                .parse::<jiff::civil::Date>()
                .ok()
                .and_then(|d| d.checked_add(jiff::Span::new().days(6)).ok())
                .map_or_else(|| label.to_owned(), |d| d.to_string());
            (label.to_owned(), end)
        }
    }
}

/// `GET /{lang}/charts`
pub async fn page(
    State(state): State<Arc<AppState>>,
    Path(lang): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let lang = super::lang(&lang)?;
    let p = Params::parse(raw.as_deref())?;
    let filter = p.filter(1);
    let (timeline, facets) = tokio::try_join!(
        crate::load::timeline(&state, filter.clone(), p.period),
        crate::load::facets(&state, filter)
    )?;
    let l = |zh, en| lang.pick(zh, en);
    let search = format!("/{}/search", lang.code());
    let link = |f: &dyn Fn(&mut Params)| {
        let mut q = p.first_page();
        q.period = Period::Month;
        f(&mut q);
        format!("{search}{}", q.query())
    };
    let time_bars: Vec<Bar> = timeline
        .iter()
        .map(|(label, count)| {
            let (from, to) = period_range(p.period, label);
            Bar {
                label: label.clone(),
                count: *count,
                href: link(&|q| {
                    q.from = from.parse().ok();
                    q.to = to.parse().ok();
                }),
            }
        })
        .collect();
    let issue_bars: Vec<Bar> = facets
        .issues
        .iter()
        .map(|(issue, n)| Bar {
            label: label(lang, *issue).to_owned(),
            count: *n,
            href: link(&|q| q.issues = vec![*issue]),
        })
        .collect();
    let province_bars: Vec<Bar> = facets
        .provinces
        .iter()
        .take(40)
        .map(|(name, n)| Bar {
            label: province_name(lang, name),
            count: *n,
            href: link(&|q| q.province = Some(name.clone())),
        })
        .collect();
    let base = format!("/{}/charts", lang.code());
    let with_period = |period| {
        let mut q = p.first_page();
        q.period = period;
        format!("{base}{}", q.query())
    };
    let per = l("每期事件数", "Events per period");
    let body = html! {
        h1 { (l("图表", "Charts")) }
        p { (count_line(lang, facets.total)) " · " a href={ (search) (p.first_page().query()) } { (l("修改筛选", "change filters")) } }
        (active_filters(lang, &base, &p))
        h2 { @if p.period == Period::Week { (l("每周事件数", "Events per week")) } @else { (l("每月事件数", "Events per month")) } }
        nav.tabs aria-label=(l("时间单位", "Time unit")) {
            a href=(with_period(Period::Month)) aria-current=[(p.period == Period::Month).then_some("page")] { (l("按月", "By month")) }
            a href=(with_period(Period::Week)) aria-current=[(p.period == Period::Week).then_some("page")] { (l("按周", "By week")) }
        }
        @if time_bars.is_empty() { p { (l("没有带日期的事件。", "No dated events.")) } } @else {
            figure { (columns(per, &time_bars)) figcaption { (l("按事件开始日期统计；点击柱条查看事件。", "By the day each event began; select a bar to see its events.")) } }
            (table(l("数据表", "Data table"), (l("时期", "Period"), l("事件", "Events")), &time_bars))
        }
        h2 { (l("按诉求", "By issue")) }
        figure { (rows(l("按诉求的事件数", "Events by issue"), &issue_bars)) figcaption { (l("一条事件可有多个诉求。", "An event can have several issues.")) } }
        (table(l("数据表", "Data table"), (l("诉求", "Issue"), l("事件", "Events")), &issue_bars))
        h2 { (l("按省份", "By province")) }
        figure { (rows(l("按省份的事件数", "Events by province"), &province_bars)) }
        (table(l("数据表", "Data table"), (l("省份", "Province"), l("事件", "Events")), &province_bars))
    };
    let here = format!("/charts{}", p.query());
    Ok(Page {
        lang,
        section: Section::Charts,
        title: l("图表", "Charts"),
        here: &here,
        feed: None,
        body,
    }
    .render())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_bars_link_seven_days() {
        assert_eq!(
            period_range(Period::Week, "2026-08-31"),
            ("2026-08-31".into(), "2026-09-06".into())
        );
        assert_eq!(
            period_range(Period::Month, "2026-09"),
            ("2026-09".into(), "2026-09".into())
        );
    }
}
