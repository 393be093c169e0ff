//! From frames to coded events: roles, dates, place, vocabularies, size,
//! response, outcome, demands, titles, and the evidence for each.

use crate::dates;
use crate::evidence::Doc;
use crate::lexicon::{Hit, Lexicon};
use crate::place::{self, Chain};
use crate::split::{self, Analysis, CountRole, Frame};
use crate::vocab::{self, Scope};
use crate::{demands, outcome, response};
use unrest_codebook::{Event, GeoPrecision, PartialDate, Report, Role};
use unrest_gazetteer::{Gazetteer, Level};

/// Codes the events of one report. `matching` has the same characters at
/// the same positions as `report.text` (it may be a simplified copy).
pub(crate) fn extract(report: &Report, matching: &str, lex: &Lexicon, gaz: &Gazetteer) -> Vec<Event> {
    let a = Analysis::new(report, matching, lex, gaz);
    let mut frames = split::frames(&a, anchor_floor(report));
    if frames.is_empty() {
        // no dated or placed action: the headline's incident, if it is one
        let head_action: f32 = a
            .head_hits
            .iter()
            .filter(|h| matches!(h.cat, crate::lexicon::Cat::Tactic(_)) && !a.negated(h))
            .map(|h| h.w)
            .sum();
        let first_action = a
            .sents
            .iter()
            .position(|s| !s.headline_copy && s.action >= 1.0 && !s.background);
        if head_action >= 1.0 || first_action.is_some() {
            let lead_para = a.sents.iter().find(|s| !s.headline_copy).map(|s| s.para);
            let mut sents: Vec<usize> = first_action.into_iter().collect();
            sents.extend(
                a.sents
                    .iter()
                    .enumerate()
                    .filter(|(i, s)| Some(s.para) == lead_para && !s.headline_copy && Some(*i) != first_action)
                    .map(|(i, _)| i),
            );
            if !sents.is_empty() {
                frames.push(Frame {
                    sents,
                    date: None,
                    until: None,
                    chain: None,
                    role: Role::Primary,
                    place_override: false,
                });
            }
        }
    }
    assign_roles(&a, report, &mut frames);
    let owned: Vec<bool> = {
        let mut v = vec![false; a.sents.len()];
        for f in &frames {
            for &i in &f.sents {
                v[i] = true;
            }
        }
        v
    };
    let context: Vec<(usize, usize)> = a
        .sents
        .iter()
        .enumerate()
        .filter(|(i, s)| !owned[*i] && !s.headline_copy && !s.background)
        .map(|(_, s)| (s.s, s.e))
        .collect();
    let first_primary = frames.iter().position(|f| f.role == Role::Primary);
    let primaries = frames.iter().filter(|f| f.role == Role::Primary).count();
    frames
        .iter()
        .enumerate()
        .map(|(i, f)| code_frame(&a, report, f, Some(i) == first_primary, primaries, &context))
        .collect()
}

/// See [`crate::Extractor::explain`].
pub(crate) fn explain(report: &Report, matching: &str, lex: &Lexicon, gaz: &Gazetteer) -> String {
    use std::fmt::Write;
    let a = Analysis::new(report, matching, lex, gaz);
    let m = a.doc.m;
    let mut out = String::new();
    for (i, s) in a.sents.iter().enumerate() {
        let dates: Vec<String> = a
            .dates_in(s.s, s.e)
            .map(|d| format!("{}{}", d.start, d.end.map(|e| format!("..{e}")).unwrap_or_default()))
            .collect();
        let places: Vec<String> = a
            .chains_in(s.s, s.e)
            .map(|c| {
                format!(
                    "{}{}{}",
                    c.unit().map(|u| u.name.as_str()).unwrap_or(""),
                    if c.modifier { "(mod)" } else { "" },
                    if c.locative { "(loc)" } else { "" }
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "[{i}] p{} action={:.1}{}{}{}{} dates={dates:?} places={places:?} | {}",
            s.para,
            s.action,
            if s.background { " BG" } else { "" },
            if s.summary { " SUM" } else { "" },
            if s.continuation { " CONT" } else { "" },
            if s.headline_copy { " HEAD" } else { "" },
            &m[s.s..s.e].chars().take(60).collect::<String>()
        );
    }
    for f in split::frames(&a, anchor_floor(report)) {
        let _ = writeln!(
            out,
            "frame {:?} sents={:?} date={:?} place={:?}",
            f.role,
            f.sents,
            f.date.map(|d| d.start.to_string()),
            f.chain.as_ref().and_then(|c| c.unit()).map(|u| u.name.clone())
        );
    }
    out
}

fn anchor_floor(report: &Report) -> Option<PartialDate> {
    // a bulletin's headline dates the report's own incidents; a plain report
    // has only its publication date, and may tell of the weeks before it
    match report.start_date {
        Some(d) => Some(d),
        None => report.published.and_then(|p| dates::add_days(p, -38).or(Some(p))),
    }
}

fn assign_roles(a: &Analysis, report: &Report, frames: &mut [Frame]) {
    let floor = anchor_floor(report);
    let head_codes: Vec<String> = a
        .head_chains
        .iter()
        .filter(|c| c.code() != "CN" && !c.modifier || c.unit().is_some_and(|u| u.level != Level::Country))
        .map(|c| c.code().to_string())
        .collect();
    let lead_para = a.sents.iter().find(|s| !s.headline_copy).map(|s| s.para);
    for (k, f) in frames.iter_mut().enumerate() {
        if f.role == Role::Mentioned {
            continue;
        }
        if f.date.is_some_and(|d| split::is_old(&d, floor)) {
            f.role = Role::Mentioned;
            continue;
        }
        let in_lead = Some(a.sents[f.anchor()].para) == lead_para;
        if k > 0
            && !in_lead
            && !head_codes.is_empty()
            && let Some(c) = &f.chain
            && !head_codes.iter().any(|h| Chain::compatible(h, c.code()))
        {
            f.role = Role::Mentioned;
        }
    }
    if !frames.iter().any(|f| f.role == Role::Primary)
        && let Some(f) = frames.iter_mut().find(|f| !a.sents[f.anchor()].background)
    {
        f.role = Role::Primary;
    }
}

fn ev(doc: &Doc, out: &mut Event, field: &str, s: usize, e: usize) {
    if e > s {
        out.evidence.push(doc.evidence(field, s, e));
    }
}

fn hit_ev(doc: &Doc, out: &mut Event, field: &str, h: &Hit) {
    ev(doc, out, field, h.s, h.e);
}

fn code_frame(
    a: &Analysis,
    report: &Report,
    f: &Frame,
    is_main: bool,
    primaries: usize,
    context: &[(usize, usize)],
) -> Event {
    let doc = &a.doc;
    let mut e = Event::new(report.title(), f.role);
    let anchor = &a.sents[f.anchor()];
    let member: Vec<(usize, usize)> = f.sents.iter().map(|&i| (a.sents[i].s, a.sents[i].e)).collect();
    let primary = f.role == Role::Primary;
    let mut scope = Scope {
        anchor: f
            .sents
            .iter()
            .filter(|&&i| a.sents[i].action >= 1.0)
            .map(|&i| (a.sents[i].s, a.sents[i].e))
            .collect(),
        frame: f
            .sents
            .iter()
            .filter(|&&i| a.sents[i].action < 1.0)
            .map(|&i| (a.sents[i].s, a.sents[i].e))
            .collect(),
        context: Vec::new(),
        headline: primary,
    };
    if primary {
        scope.context = context.to_vec();
    }
    if scope.anchor.is_empty() {
        scope.anchor.push((anchor.s, anchor.e));
    }

    // titles: the report's headlines name its primary incident(s)
    if primary {
        e.title_zh = report.title_zh.clone();
        e.title_en = report.title_en.clone();
        if let Some((s, t)) = a.head {
            ev(
                doc,
                &mut e,
                if a.script == crate::segment::Script::Chinese {
                    "title_zh"
                } else {
                    "title_en"
                },
                s,
                t,
            );
        }
    }

    // dates
    code_dates(a, report, f, &mut e);

    // place
    code_place(a, f, is_main, &mut e);

    // vocabularies
    let mut coded = vocab::code(a, &scope);
    vocab::refine_targets(a, &scope, &mut coded);
    if coded.groups.is_empty() && !primary {
        // background incidents often name only the group: "老兵…"
    }
    for (x, h) in &coded.issues {
        e.issues.push(*x);
        hit_ev(doc, &mut e, "issues", h);
    }
    for (x, h) in &coded.groups {
        e.groups.push(*x);
        hit_ev(doc, &mut e, "groups", h);
    }
    for (x, h) in &coded.tactics {
        e.tactics.push(*x);
        hit_ev(doc, &mut e, "tactics", h);
    }
    for (x, h) in &coded.targets {
        e.targets.push(*x);
        hit_ev(doc, &mut e, "targets", h);
    }
    e.issues.sort();
    e.groups.sort();
    e.tactics.sort();
    e.targets.sort();

    // size: a figure in an action sentence beats one elsewhere in the frame
    // ("两名负责人" later on is not the crowd); a number beats a vague number
    // ("约200名" over "数百"), which beats a vague word
    let size = a
        .counts
        .iter()
        .filter(|(c, role)| *role == CountRole::Crowd && member.iter().any(|&(s, t)| c.s >= s && c.e <= t))
        .min_by_key(|(c, _)| {
            let class = if c.min.is_none() && c.max.is_none() {
                2
            } else if c.exact || c.min == c.max {
                0
            } else {
                1
            };
            let in_action = scope.anchor.iter().any(|&(s, t)| c.s >= s && c.e <= t);
            (class == 2, !in_action, class, c.s)
        });
    if let Some((c, _)) = size {
        e.size_min = c.min;
        e.size_max = c.max;
        e.size_text = Some(doc.orig_slice(c.s, c.e).to_string());
        ev(doc, &mut e, "size_text", c.s, c.e);
        if c.min.is_some() {
            ev(doc, &mut e, "size_min", c.s, c.e);
        }
        if c.max.is_some() {
            ev(doc, &mut e, "size_max", c.s, c.e);
        }
    }

    // response: the event's sentences, plus the rest of the report for a
    // report about one incident
    let mut resp_ranges = member.clone();
    if primary && (primaries == 1 || is_main) {
        resp_ranges.extend_from_slice(context);
    }
    let r = response::code(a, &resp_ranges, &member);
    for (name, fl) in [
        ("police", &r.police),
        ("violence", &r.violence),
        ("censorship", &r.censorship),
        ("intimidation", &r.intimidation),
    ] {
        if let Some((v, h)) = fl {
            match name {
                "police" => e.police = Some(*v),
                "violence" => e.violence = Some(*v),
                "censorship" => e.censorship = Some(*v),
                _ => e.intimidation = Some(*v),
            }
            hit_ev(doc, &mut e, name, h);
        }
    }
    if let Some(c) = r.arrests {
        e.arrests_min = c.min;
        e.arrests_max = c.max;
        ev(doc, &mut e, "arrests_min", c.s, c.e);
    }
    if let Some(c) = r.injuries {
        e.injuries = c.min.or(c.max);
        ev(doc, &mut e, "injuries", c.s, c.e);
    }
    if let Some(c) = r.deaths {
        e.deaths = c.min.or(c.max);
        ev(doc, &mut e, "deaths", c.s, c.e);
    }

    // outcome
    let mut out_ranges = member.clone();
    if primary && (primaries == 1 || is_main) {
        out_ranges.extend(context.iter().filter(|&&(s, _)| s >= anchor.s));
        out_ranges.sort();
    }
    let (o, oh) = outcome::code(a, &out_ranges);
    e.outcome = o;
    if let Some(h) = oh {
        hit_ev(doc, &mut e, "outcome", &h);
    }

    // demands
    let mut dem_ranges = member.clone();
    if primary && primaries == 1 {
        dem_ranges.extend_from_slice(context);
        dem_ranges.sort();
    }
    for (s, t) in demands::find(a, &dem_ranges) {
        e.demands.push(doc.orig_slice(s, t).to_string());
        ev(doc, &mut e, "demands", s, t);
    }
    e
}

fn code_dates(a: &Analysis, report: &Report, f: &Frame, e: &mut Event) {
    let doc = &a.doc;
    let Some(d) = f.date else {
        if f.role == Role::Primary {
            let (s, t) = match (report.start_date, report.end_date) {
                (Some(s), Some(t)) => (Some(s), Some(t)),
                (Some(s), None) => (Some(s), Some(s)),
                _ => (report.published, report.published),
            };
            e.set_dates(s, t);
            if let Some((hs, he)) = a.head
                && s.is_some()
            {
                // the headline's dates are in the report text after the headline
                let m = doc.m;
                let tail = &m[he..crate::evidence::ceil_boundary(m, he + 40)];
                let tail_end = tail.char_indices().nth(16).map(|(i, _)| i).unwrap_or(tail.len());
                if let Some(p) = tail[..tail_end].find('(') {
                    let q = tail[p..tail_end].find(')').map(|x| p + x + 1).unwrap_or(tail_end);
                    ev(doc, e, "start_date", he + p, he + q);
                } else {
                    ev(doc, e, "start_date", hs, he);
                }
            }
        }
        return;
    };
    let start = d.start;
    let mut end = d.end.unwrap_or(start);
    let mut end_span = (d.s, d.e);
    if let Some(u) = f.until
        && u.last() >= start
    {
        end = u.last();
        end_span = (u.s, u.e);
    }
    // "自6月17日起…连续三天": a duration after an open start
    if d.end.is_none() && f.until.is_none() && start.day.is_some() {
        let anchor = &a.sents[f.anchor()];
        let tail = &doc.m[d.e.min(anchor.e)..anchor.e];
        if let Some((n, s, t)) = duration_days(tail)
            && let Some(x) = dates::add_days(start, n as i32 - 1)
        {
            end = x;
            end_span = (d.e + s, d.e + t);
        }
    }
    if end < start {
        end = start;
    }
    e.set_dates(Some(start), Some(end));
    ev(doc, e, "start_date", d.s, d.e);
    ev(doc, e, "end_date", end_span.0, end_span.1);
}

/// "连续三天", "连续3日", "for three days": the number of days and its span.
fn duration_days(s: &str) -> Option<(u32, usize, usize)> {
    let p = s.find("连续")?;
    let t = &s[p + "连续".len()..];
    let (v, l) = crate::numbers::parse_at(t)?;
    let rest = &t[l..];
    if (rest.starts_with('天') || rest.starts_with('日')) && (2..=60).contains(&v) {
        return Some((v as u32, p, p + "连续".len() + l + 3));
    }
    None
}

fn code_place(a: &Analysis, f: &Frame, is_main: bool, e: &mut Event) {
    let doc = &a.doc;
    let anchor = &a.sents[f.anchor()];
    let mut chain: Option<Chain> = f.chain.clone();
    if chain.is_none() {
        // the closest place before the anchor in its paragraph
        let earlier: Vec<&Chain> = a
            .chains
            .iter()
            .filter(|c| c.e <= anchor.s && a.sent_of(c.s).is_some_and(|i| a.sents[i].para == anchor.para))
            .collect();
        chain = place::best(&earlier).cloned();
    }
    if is_main {
        let lead_para = a.sents.iter().find(|s| !s.headline_copy).map(|s| s.para);
        let lead: Vec<&Chain> = a
            .chains
            .iter()
            .filter(|c| a.sent_of(c.s).is_some_and(|i| Some(a.sents[i].para) == lead_para))
            .chain(a.head_chains.iter())
            .collect();
        match &chain {
            None => chain = place::best(&lead).cloned(),
            Some(c) if !f.place_override => {
                // refine "云南" with "曲靖陆良县" from the lead or headline
                let deeper = lead
                    .iter()
                    .filter(|x| !x.reference && x.path.len() > c.path.len() && x.code().starts_with(c.code()))
                    .max_by_key(|x| x.path.len());
                if let Some(d) = deeper
                    && !c.is_foreign()
                {
                    chain = Some((*d).clone());
                }
            }
            _ => {}
        }
    }
    if let Some(c) = &chain {
        let unit = c.unit();
        if c.is_foreign() {
            e.country = unit.map(|u| u.country.clone());
            e.geo_precision = Some(GeoPrecision::Country);
            e.lat = unit.and_then(|u| u.lat);
            e.lon = unit.and_then(|u| u.lon);
            ev(doc, e, "country", c.s, c.e);
        } else {
            e.country = Some("CN".into());
            for u in &c.path {
                let name = Some(u.name.clone());
                match u.level {
                    Level::Province => e.province = name,
                    Level::Prefecture => e.prefecture = name,
                    Level::County => e.county = name,
                    Level::Township => e.township = name,
                    Level::Village => e.village = name,
                    Level::Country => {}
                }
            }
            if let Some(u) = unit {
                e.adcode = Some(u.code.clone()).filter(|c| GeoPrecision::from_adcode_len(c.len()).is_some());
                e.geo_precision = e.adcode.as_deref().and_then(|c| GeoPrecision::from_adcode_len(c.len()));
                let with_coords = c.path.iter().rev().find(|u| u.lat.is_some() && u.lon.is_some());
                e.lat = with_coords.and_then(|u| u.lat);
                e.lon = with_coords.and_then(|u| u.lon);
            }
            for field in ["province", "prefecture", "county", "township", "village", "adcode"] {
                let set = match field {
                    "province" => e.province.is_some(),
                    "prefecture" => e.prefecture.is_some(),
                    "county" => e.county.is_some(),
                    "township" => e.township.is_some(),
                    "village" => e.village.is_some(),
                    _ => e.adcode.is_some(),
                };
                if set {
                    ev(doc, e, field, c.s, c.e);
                }
            }
        }
    } else if a.script == crate::segment::Script::Chinese || e.role == Role::Primary {
        // a report of the monitor is about China unless it says otherwise
        e.country = Some("CN".into());
        e.geo_precision = Some(GeoPrecision::Country);
    }
    // site: the first named site in the event's action sentences
    let action_ranges: Vec<(usize, usize)> = f
        .sents
        .iter()
        .filter(|&&i| a.sents[i].action >= 1.0 || i == f.anchor())
        .map(|&i| (a.sents[i].s, a.sents[i].e))
        .collect();
    let in_action = |&&(s, t): &&(usize, usize)| action_ranges.iter().any(|&(x, y)| s >= x && t <= y);
    // the site named right after the event's place ("桐梓县大河煤矿"), else the first one
    let after_place = chain
        .as_ref()
        .and_then(|c| a.sites.iter().filter(in_action).find(|&&(s, _)| s >= c.s));
    let site = after_place.or_else(|| a.sites.iter().find(in_action));
    if let Some(&(s, t)) = site {
        e.place = Some(doc.orig_slice(s, t).to_string());
        ev(doc, e, "place", s, t);
    }
}
