//! Pieces several pages share: labels in the reader's language, the date
//! and place lines, badges, the filter form with counts, and the pager.

use crate::lang::Lang;
use crate::params::{Params, toggle};
use crate::public::PublicEvent;
use maud::{Markup, html};
use unrest_codebook::{Event, Group, Issue, Tactic, Target, Vocabulary};
use unrest_store::{Facets, Repression, SizeBand};

/// A vocabulary value's label in a language.
pub fn label<V: Vocabulary>(lang: Lang, v: V) -> &'static str {
    lang.pick(v.label_zh(), v.label_en())
}

/// A size band's label.
pub fn size_label(lang: Lang, band: SizeBand) -> &'static str {
    match band {
        SizeBand::Few => lang.pick("1–9 人", "1–9 people"),
        SizeBand::Tens => lang.pick("10–99 人", "10–99 people"),
        SizeBand::Hundreds => lang.pick("100–999 人", "100–999 people"),
        SizeBand::Thousands => lang.pick("1000–9999 人", "1,000–9,999 people"),
        SizeBand::Huge => lang.pick("万人以上", "10,000 or more"),
        SizeBand::Unknown => lang.pick("人数不详", "Size unknown"),
    }
}

/// A repression flag's label.
pub fn repression_label(lang: Lang, flag: Repression) -> &'static str {
    match flag {
        Repression::Police => lang.pick("警察出动", "Police"),
        Repression::Arrests => lang.pick("有人被带走", "Detentions"),
        Repression::Violence => lang.pick("暴力对待", "Violence"),
        Repression::Injuries => lang.pick("有人受伤", "Injuries"),
        Repression::Deaths => lang.pick("有人死亡", "Deaths"),
        Repression::Censorship => lang.pick("网络审查", "Censorship"),
        Repression::Intimidation => lang.pick("威胁恐吓", "Intimidation"),
    }
}

/// The repression flags a record shows.
pub fn flags_of(e: &Event) -> Vec<Repression> {
    let positive = |n: Option<u32>| n.is_some_and(|n| n > 0);
    Repression::ALL
        .into_iter()
        .filter(|flag| match flag {
            Repression::Police => e.police == Some(true),
            Repression::Arrests => positive(e.arrests_min) || positive(e.arrests_max),
            Repression::Violence => e.violence == Some(true),
            Repression::Injuries => positive(e.injuries),
            Repression::Deaths => positive(e.deaths),
            Repression::Censorship => e.censorship == Some(true),
            Repression::Intimidation => e.intimidation == Some(true),
        })
        .collect()
}

/// "2026-09-02 – 2026-09-09", one date when both are equal, or "date
/// unknown".
pub fn date_range(lang: Lang, e: &Event) -> String {
    match (e.start_date, e.end_date) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        (Some(a), None) | (None, Some(a)) => a.to_string(),
        (None, None) => lang.pick("日期不详", "date unknown").to_owned(),
    }
}

/// The place line: province, prefecture, county, township, village and
/// site, most general first.
pub fn place_line(lang: Lang, e: &Event) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = &e.province {
        parts.push(crate::geo::province_name(lang, p));
    }
    for part in [&e.prefecture, &e.county, &e.township, &e.village, &e.place]
        .into_iter()
        .flatten()
    {
        parts.push(part.clone());
    }
    if parts.is_empty() {
        match e.country.as_deref() {
            Some("CN") | None => lang.pick("地点不详", "place unknown").to_owned(),
            Some(other) => other.to_owned(),
        }
    } else {
        parts.join(lang.pick("", ", "))
    }
}

/// The badges of an event: issues, groups, tactics, size band, repression.
pub fn badges(lang: Lang, e: &Event) -> Markup {
    let band = SizeBand::of(e.size_min, e.size_max);
    html! {
        ul.badges aria-label=(lang.pick("编码", "Coding")) {
            @for v in &e.issues { li title=(lang.pick("诉求", "Issue")) { (label(lang, *v)) } }
            @for v in &e.groups { li title=(lang.pick("群体", "Group")) { (label(lang, *v)) } }
            @for v in &e.tactics { li title=(lang.pick("行动方式", "Tactic")) { (label(lang, *v)) } }
            @if band != SizeBand::Unknown { li title=(lang.pick("规模", "Size")) { (size_label(lang, band)) } }
            @for flag in flags_of(e) { li.rep { (repression_label(lang, flag)) } }
        }
    }
}

/// Link to an event's page.
pub fn event_href(lang: Lang, e: &PublicEvent) -> String {
    format!("/{}/events/{}", lang.code(), e.id)
}

fn facet_list<V: Vocabulary + PartialEq>(lang: Lang, name: &str, counts: &[(V, usize)], selected: &[V]) -> Markup {
    let mut shown: Vec<(V, usize)> = counts.to_vec();
    for v in selected {
        if !shown.iter().any(|(x, _)| x == v) {
            shown.push((*v, 0));
        }
    }
    html! {
        ul.facet {
            @for (v, n) in &shown {
                li {
                    label {
                        input type="checkbox" name=(name) value=(v.code()) checked[selected.contains(v)];
                        " " (label(lang, *v))
                    }
                    span.n { (n) }
                }
            }
        }
    }
}

/// The filter form with counts per value. Works as a plain GET form; with
/// the script it submits on every change.
pub fn filter_form(lang: Lang, action: &str, p: &Params, facets: &Facets) -> Markup {
    let l = |zh, en| lang.pick(zh, en);
    html! {
        form.filters method="get" action=(action) data-autosubmit role="search" {
            fieldset {
                legend { (l("关键词", "Words")) }
                label for="f-q" { (l("搜索事件和报告全文", "Search events and report text")) }
                input #f-q type="search" name="q" value=[p.q.as_deref()] maxlength="200";
            }
            fieldset {
                legend { (l("日期", "Dates")) }
                label for="f-from" { (l("起（年、年-月或年-月-日）", "From (YYYY, YYYY-MM or YYYY-MM-DD)")) }
                input #f-from type="text" name="from" value=[p.from.map(|d| d.to_string())] inputmode="numeric" maxlength="10";
                label for="f-to" { (l("止", "To")) }
                input #f-to type="text" name="to" value=[p.to.map(|d| d.to_string())] inputmode="numeric" maxlength="10";
            }
            fieldset {
                legend { (l("地点", "Place")) }
                label for="f-province" { (l("省份", "Province")) }
                select #f-province name="province" {
                    option value="" { (l("全部", "All")) }
                    @for (name, n) in &facets.provinces {
                        option value=(name) selected[p.province.as_deref() == Some(name.as_str())] {
                            (crate::geo::province_name(lang, name)) " (" (n) ")"
                        }
                    }
                }
                @if p.province.is_some() {
                    label for="f-prefecture" { (l("地级市", "Prefecture")) }
                    select #f-prefecture name="prefecture" {
                        option value="" { (l("全部", "All")) }
                        @for (name, province, n) in &facets.prefectures {
                            @if p.province.as_deref() == Some(province.as_str()) {
                                option value=(name) selected[p.prefecture.as_deref() == Some(name.as_str())] {
                                    (name) " (" (n) ")"
                                }
                            }
                        }
                    }
                }
                @if let Some(adcode) = &p.adcode { input type="hidden" name="adcode" value=(adcode); }
            }
            fieldset { legend { (l("诉求", "Issue")) } (facet_list::<Issue>(lang, "issue", &facets.issues, &p.issues)) }
            fieldset { legend { (l("行动方式", "Tactic")) } (facet_list::<Tactic>(lang, "tactic", &facets.tactics, &p.tactics)) }
            details open[!p.groups.is_empty()] {
                summary { (l("群体", "Group")) }
                fieldset { legend { (l("群体", "Group")) } (facet_list::<Group>(lang, "group", &facets.groups, &p.groups)) }
            }
            details open[!p.targets.is_empty()] {
                summary { (l("对象", "Target")) }
                fieldset { legend { (l("对象", "Target")) } (facet_list::<Target>(lang, "target", &facets.targets, &p.targets)) }
            }
            fieldset {
                legend { (l("规模", "Size")) }
                ul.facet {
                    @for (band, n) in &facets.sizes {
                        @if *n > 0 || p.sizes.contains(band) {
                            li {
                                label { input type="checkbox" name="size" value=(band.code()) checked[p.sizes.contains(band)]; " " (size_label(lang, *band)) }
                                span.n { (n) }
                            }
                        }
                    }
                }
            }
            fieldset {
                legend { (l("官方回应", "Repression")) }
                ul.facet {
                    @for (flag, n) in &facets.repression {
                        li {
                            label { input type="checkbox" name="repression" value=(flag.code()) checked[p.repression.contains(flag)]; " " (repression_label(lang, *flag)) }
                            span.n { (n) }
                        }
                    }
                }
            }
            @if p.oldest { input type="hidden" name="sort" value="oldest"; }
            p {
                button.primary type="submit" { (l("应用筛选", "Apply filters")) }
                " "
                a href=(action) { (l("清除", "Clear")) }
            }
        }
    }
}

/// Chips of the active filters, each a link that removes it.
pub fn active_filters(lang: Lang, base: &str, p: &Params) -> Markup {
    let mut chips: Vec<(String, Params)> = Vec::new();
    let clear = |f: &dyn Fn(&mut Params)| {
        let mut q = p.first_page();
        f(&mut q);
        q
    };
    if let Some(q) = &p.q {
        chips.push((format!("“{q}”"), clear(&|x| x.q = None)));
    }
    if let Some(d) = p.from {
        chips.push((format!("≥ {d}"), clear(&|x| x.from = None)));
    }
    if let Some(d) = p.to {
        chips.push((format!("≤ {d}"), clear(&|x| x.to = None)));
    }
    if let Some(v) = &p.province {
        chips.push((
            crate::geo::province_name(lang, v),
            clear(&|x| {
                x.province = None;
                x.prefecture = None;
            }),
        ));
    }
    if let Some(v) = &p.prefecture {
        chips.push((v.clone(), clear(&|x| x.prefecture = None)));
    }
    if let Some(v) = &p.adcode {
        chips.push((v.clone(), clear(&|x| x.adcode = None)));
    }
    for v in &p.issues {
        chips.push((label(lang, *v).into(), clear(&|x| x.issues = toggle(&x.issues, *v))));
    }
    for v in &p.groups {
        chips.push((label(lang, *v).into(), clear(&|x| x.groups = toggle(&x.groups, *v))));
    }
    for v in &p.tactics {
        chips.push((label(lang, *v).into(), clear(&|x| x.tactics = toggle(&x.tactics, *v))));
    }
    for v in &p.targets {
        chips.push((label(lang, *v).into(), clear(&|x| x.targets = toggle(&x.targets, *v))));
    }
    for v in &p.sizes {
        chips.push((size_label(lang, *v).into(), clear(&|x| x.sizes = toggle(&x.sizes, *v))));
    }
    for v in &p.repression {
        chips.push((
            repression_label(lang, *v).into(),
            clear(&|x| x.repression = toggle(&x.repression, *v)),
        ));
    }
    html! {
        @if !chips.is_empty() {
            ul.badges aria-label=(lang.pick("当前筛选（点击移除）", "Active filters (select to remove)")) {
                @for (text, q) in &chips {
                    li { a href={ (base) (q.query()) } title=(lang.pick("移除", "Remove")) { (text) " ✕" } }
                }
            }
        }
    }
}

/// Previous/next links and the position, for a listing at `base`.
pub fn pager(lang: Lang, base: &str, p: &Params, total: usize, page_size: usize) -> Markup {
    let pages = total.div_ceil(page_size.max(1)).clamp(1, crate::params::MAX_PAGE);
    let page = p.page.max(1);
    html! {
        nav.pager aria-label=(lang.pick("翻页", "Pages")) {
            @if page > 1 {
                a rel="prev" href={ (base) (p.with_page(page - 1).query()) } { "← " (lang.pick("上一页", "Previous")) }
            }
            span { (lang.pick("第", "Page ")) (page) (lang.pick(" / ", " of ")) (pages) (lang.pick(" 页", "")) }
            @if page < pages {
                a rel="next" href={ (base) (p.with_page(page + 1).query()) } { (lang.pick("下一页", "Next")) " →" }
            }
        }
    }
}

/// "1,234 events" / "共 1234 条事件".
pub fn count_line(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {n} 条事件"),
        Lang::En if n == 1 => "1 event".to_owned(),
        Lang::En => format!("{} events", thousands(n)),
    }
}

/// 12345 → "12,345".
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
