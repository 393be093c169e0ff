//! The frame of every page: header with navigation and the language switch,
//! main content, footer. Pages set the language cookie so the reader's
//! choice is remembered.

use crate::lang::Lang;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

/// The sections of the site, for the navigation's current marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The bulletin of latest events.
    Latest,
    /// Search and filters.
    Search,
    /// The map.
    Map,
    /// Charts.
    Charts,
    /// Statistics.
    Stats,
    /// The codebook.
    Codebook,
    /// Downloads and the data dictionary.
    Data,
    /// An event page (no section marked).
    Event,
}

const NAV: &[(Section, &str, &str, &str)] = &[
    (Section::Latest, "/", "最新事件", "Latest"),
    (Section::Search, "/search", "搜索", "Search"),
    (Section::Map, "/map", "地图", "Map"),
    (Section::Charts, "/charts", "图表", "Charts"),
    (Section::Stats, "/stats", "统计", "Statistics"),
    (Section::Codebook, "/codebook", "编码手册", "Codebook"),
    (Section::Data, "/data", "数据下载", "Data"),
];

/// A page's frame and content.
pub struct Page<'a> {
    /// Interface language.
    pub lang: Lang,
    /// Which section to mark in the navigation.
    pub section: Section,
    /// The `<title>` (the site name is appended).
    pub title: &'a str,
    /// This page's path after the language prefix, with its query string
    /// (`/search?q=x`): the language switch links to the same path in the
    /// other language.
    pub here: &'a str,
    /// An Atom feed to advertise, if any.
    pub feed: Option<String>,
    /// The content of `<main>`.
    pub body: Markup,
}

impl Page<'_> {
    /// The full HTML response, with the language cookie set.
    pub fn render(self) -> Response {
        let lang = self.lang;
        let other = lang.other();
        let markup = html! {
            (DOCTYPE)
            html lang=(lang.tag()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="referrer" content="no-referrer";
                    title { (self.title) " · unrest" }
                    link rel="stylesheet" href=(crate::assets::CSS_PATH);
                    link rel="alternate" hreflang=(other.tag()) href={ "/" (other.code()) (self.here) };
                    @if let Some(feed) = &self.feed {
                        link rel="alternate" type="application/atom+xml" title="Atom" href=(feed);
                    }
                    script src=(crate::assets::JS_PATH) defer {}
                }
                body {
                    a.skip href="#main" { (lang.pick("跳到正文", "Skip to content")) }
                    header.site {
                        div.bar {
                            a.brand href={ "/" (lang.code()) "/" } { "unrest" }
                            span.tagline { (lang.pick("中国抗争事件监测", "Protest events in China")) }
                            nav aria-label=(lang.pick("主导航", "Main")) {
                                ul {
                                    @for (section, path, zh, en) in NAV {
                                        li {
                                            a href={ "/" (lang.code()) (path) }
                                                aria-current=[(*section == self.section).then_some("page")] {
                                                (lang.pick(zh, en))
                                            }
                                        }
                                    }
                                }
                            }
                            a.switch href={ "/" (other.code()) (self.here) } lang=(other.tag()) hreflang=(other.tag()) {
                                (other.own_name())
                            }
                        }
                    }
                    main #main { (self.body) }
                    footer.site {
                        p { (lang.pick(
                            "本站只显示编辑审核后公开的事件；页面不加载任何外部资源，不追踪读者。",
                            "Only events an editor has checked and published are shown. Pages load nothing from other servers and do not track readers."
                        )) }
                        p {
                            a href="/api/v1/openapi.json" { "API" } " · "
                            a href={ "/" (lang.code()) "/feed.atom" } { (lang.pick("订阅（Atom）", "Feed (Atom)")) } " · "
                            a href={ "/" (lang.code()) "/data" } { (lang.pick("数据与字段说明", "Data and dictionary")) }
                        }
                    }
                }
            }
        };
        let mut response = markup.into_response();
        let headers = response.headers_mut();
        if let Ok(cookie) = HeaderValue::from_str(&lang.set_cookie()) {
            headers.insert(header::SET_COOKIE, cookie);
        }
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
        response
    }
}
