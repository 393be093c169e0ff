//! The codebook: every vocabulary code with its labels and definition in
//! both languages, and the fields of an event record.

use super::layout::{Page, Section};
use crate::definitions::definition;
use crate::error::WebError;
use crate::fields::FIELDS;
use crate::lang::Lang;
use axum::extract::Path;
use axum::response::Response;
use maud::{Markup, html};
use unrest_codebook::{Group, Issue, Tactic, Target, Vocabulary};

fn vocabulary<V: Vocabulary>(lang: Lang, title: (&str, &str), filter_key: &str) -> Markup {
    html! {
        h2 id=(V::NAME) { (lang.pick(title.0, title.1)) " " code { (V::NAME) } }
        table {
            thead { tr { th { (lang.pick("代码", "Code")) } th { "中文" } th { "English" } th { (lang.pick("定义", "Definition")) } } }
            tbody {
                @for v in V::ALL {
                    @let (zh, en) = definition(V::NAME, v.code());
                    tr {
                        td { a href={ "/" (lang.code()) "/search?" (filter_key) "=" (v.code()) } { code { (v.code()) } } }
                        td lang="zh-Hans" { (v.label_zh()) }
                        td lang="en" { (v.label_en()) }
                        td { p lang="zh-Hans" { (zh) } p lang="en" { (en) } }
                    }
                }
            }
        }
    }
}

/// `GET /{lang}/codebook`
pub async fn page(Path(lang): Path<String>) -> Result<Response, WebError> {
    let lang = super::lang(&lang)?;
    let l = |zh, en| lang.pick(zh, en);
    let body = html! {
        h1 { (l("编码手册", "Codebook")) }
        p {
            (l("每条事件是一次抗争：一个群体在一个地点、一段连续的日子里采取的集体行动。下列代码用于诉求、群体、行动方式和对象；同一字段可有多个代码。版本：",
               "Each event is one protest incident: one group acting collectively at one place over one continuous stretch of days. The codes below describe issues, groups, tactics and targets; a field can hold several. Version: "))
            (unrest_codebook::CODEBOOK_VERSION) "."
        }
        nav aria-label=(l("目录", "Contents")) {
            ul {
                li { a href="#issues" { (l("诉求", "Issues")) } }
                li { a href="#groups" { (l("群体", "Groups")) } }
                li { a href="#tactics" { (l("行动方式", "Tactics")) } }
                li { a href="#targets" { (l("对象", "Targets")) } }
                li { a href="#fields" { (l("字段", "Fields")) } }
            }
        }
        (vocabulary::<Issue>(lang, ("诉求", "Issues"), "issue"))
        (vocabulary::<Group>(lang, ("群体", "Groups"), "group"))
        (vocabulary::<Tactic>(lang, ("行动方式", "Tactics"), "tactic"))
        (vocabulary::<Target>(lang, ("对象", "Targets"), "target"))
        h2 #fields { (l("字段", "Fields")) }
        p { (l("空值表示报告没有说明；“否”表示报告明确说没有发生。", "Empty means the reports do not say; “No” means they say it did not happen.")) }
        dl.codes {
            @for field in FIELDS {
                dt { code { (field.key) } " · " (field.zh) " · " span lang="en" { (field.en) } }
                dd { p lang="zh-Hans" { (field.about_zh) } p lang="en" { (field.about_en) } }
            }
        }
    };
    Ok(Page {
        lang,
        section: Section::Codebook,
        title: l("编码手册", "Codebook"),
        here: "/codebook",
        feed: None,
        body,
    }
    .render())
}
