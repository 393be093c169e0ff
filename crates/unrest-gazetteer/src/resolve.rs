//! From raw matches to mentions: choose non-overlapping spans, join
//! adjacent spans into chains where the hierarchy agrees ("盖州市" +
//! "北海村"), resolve each chain to the most specific consistent unit, then
//! let resolved mentions support namesakes elsewhere in the same text.

use std::collections::HashSet;

use crate::context::is_trap;
use crate::index::Gazetteer;
use crate::names::AliasKind;
use crate::scan::{Raw, scan};
use crate::{Level, Mention, Resolved};

/// Score added for each hierarchical link in a chain, so that
/// "宁波市海曙区" beats any other tiling of the same characters.
const LINK_BONUS: f64 = 1.5;

/// One chosen chain of raw matches, general to specific.
struct Chain {
    start: usize,
    end: usize,
    /// Candidates of the most specific element, after chain filtering.
    cands: Vec<(u32, AliasKind)>,
    links: usize,
    english: bool,
    common: bool,
}

fn weight(r: &Raw) -> f64 {
    let len = if r.english {
        r.end - r.start
    } else {
        (r.end - r.start) / 3
    }
    .max(1) as f64;
    let alt_only = r.cands.iter().all(|(_, k)| *k == AliasKind::AltSuffix);
    let w = if r.common {
        0.5
    } else if alt_only {
        0.8
    } else {
        1.0
    };
    len * w
}

/// True if `a` (earlier in the text) and `b` (right after it) name units on
/// one line of descent: general before specific in Chinese, specific before
/// general in English ("Beihai Village, Gaizhou City").
fn linked(g: &Gazetteer, text: &str, a: &Raw, b: &Raw) -> bool {
    if a.end > b.start || a.english != b.english {
        return false;
    }
    let gap = &text[a.end..b.start];
    let (general, spec) = if a.english {
        let g2 = gap.trim_matches(|c: char| c == ',' || c.is_whitespace());
        if !(g2.is_empty() || g2 == "in" || g2 == "of") {
            return false;
        }
        (b, a)
    } else {
        if !gap.is_empty() {
            return false;
        }
        (a, b)
    };
    general
        .cands
        .iter()
        .any(|&(x, _)| spec.cands.iter().any(|&(y, _)| x != y && g.is_ancestor_or_self(x, y)))
}

/// Pick the best non-overlapping matches (dynamic programming over spans
/// sorted by end) and group linked neighbours into chains.
fn select(g: &Gazetteer, text: &str, mut raws: Vec<Raw>) -> Vec<Vec<Raw>> {
    raws.sort_by_key(|r| (r.end, r.start));
    let n = raws.len();
    let mut best = vec![0.0f64; n];
    let mut back: Vec<Option<usize>> = vec![None; n];
    let mut via_link = vec![false; n];
    // prefix[i] = index with the highest `best` among raws[..=i].
    let mut prefix: Vec<usize> = Vec::with_capacity(n);
    for i in 0..n {
        let (s, w) = (raws[i].start, weight(&raws[i]));
        // Last raw ending at or before s.
        let k = raws[..i].partition_point(|r| r.end <= s);
        let (mut score, mut from, mut link) = (w, None, false);
        if k > 0 {
            let j = prefix[k - 1];
            score = w + best[j];
            from = Some(j);
        }
        // Linked predecessors end within a short gap before s.
        let lo = raws[..k].partition_point(|r| r.end + 8 < s);
        for j in lo..k {
            if linked(g, text, &raws[j], &raws[i]) {
                let cand = best[j] + w + LINK_BONUS;
                if cand > score {
                    (score, from, link) = (cand, Some(j), true);
                }
            }
        }
        best[i] = score;
        back[i] = from;
        via_link[i] = link;
        let p = if i == 0 || best[i] > best[prefix[i - 1]] {
            i
        } else {
            prefix[i - 1]
        };
        prefix.push(p);
    }
    let mut chosen = Vec::new();
    let mut cur = prefix.last().copied();
    while let Some(i) = cur {
        chosen.push(i);
        cur = back[i];
    }
    chosen.reverse();
    let mut chains: Vec<Vec<Raw>> = Vec::new();
    let mut prev: Option<usize> = None;
    for i in chosen {
        let joined = via_link[i] && prev.is_some_and(|p| back[i] == Some(p));
        if joined {
            if let Some(last) = chains.last_mut() {
                last.push(raws[i].clone());
            }
        } else {
            chains.push(vec![raws[i].clone()]);
        }
        prev = Some(i);
    }
    chains
}

/// Keep the candidates of the most specific element that agree with every
/// other element of the chain.
fn chain_candidates(g: &Gazetteer, elems: &[Raw]) -> Chain {
    let english = elems[0].english;
    let ordered: Vec<&Raw> = if english {
        elems.iter().rev().collect()
    } else {
        elems.iter().collect()
    };
    let spec = ordered[ordered.len() - 1];
    let mut cands: Vec<(u32, AliasKind)> = spec
        .cands
        .iter()
        .copied()
        .filter(|&(u, _)| {
            ordered[..ordered.len() - 1]
                .iter()
                .all(|e| e.cands.iter().any(|&(a, _)| a != u && g.is_ancestor_or_self(a, u)))
        })
        .collect();
    if cands.is_empty() {
        cands = spec.cands.clone();
    }
    Chain {
        start: elems[0].start,
        end: elems[elems.len() - 1].end,
        cands,
        links: elems.len() - 1,
        english,
        common: elems.len() == 1 && elems[0].common,
    }
}

/// Merge raws with the same span (a Chinese key can be both an upper and a
/// lower key; English forms come from two tables).
fn merge_same_span(mut raws: Vec<Raw>) -> Vec<Raw> {
    raws.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    for r in raws {
        match out.last_mut() {
            Some(l) if l.start == r.start && l.end == r.end => {
                for c in r.cands {
                    if !l.cands.iter().any(|x| x.0 == c.0) {
                        l.cands.push(c);
                    }
                }
                l.common &= r.common;
            }
            _ => out.push(r),
        }
    }
    out
}

/// Reduce namesakes by the form that matched and by nesting: full names
/// beat alternative suffixes, and a unit beats its own descendants of the
/// same name ("吉安" is the prefecture, not its county).
fn narrow(g: &Gazetteer, cands: &[(u32, AliasKind)]) -> Vec<u32> {
    let best_kind = cands.iter().map(|c| c.1).min().unwrap_or(AliasKind::Full);
    let mut v: Vec<u32> = cands
        .iter()
        .filter(|(_, k)| !(best_kind <= AliasKind::Old && *k == AliasKind::AltSuffix))
        .map(|c| c.0)
        .collect();
    v.sort_unstable();
    v.dedup();
    if let Some(&top) = v.iter().find(|&&a| v.iter().all(|&b| g.is_ancestor_or_self(a, b))) {
        return vec![top];
    }
    v
}

/// Candidates supported by units named elsewhere in the text: the candidate
/// is on the path of a resolved unit, or a near enough ancestor of the
/// candidate was resolved (a county supports its villages, a prefecture its
/// townships, a province its counties).
fn supported(g: &Gazetteer, cands: &[u32], ctx: &HashSet<u32>) -> Vec<u32> {
    cands
        .iter()
        .copied()
        .filter(|&u| {
            if ctx.contains(&u) {
                return true;
            }
            let lvl = g.levels[u as usize];
            let min_level = lvl.saturating_sub(2).max(1);
            let mut cur = g.parent(u);
            while let Some(p) = cur {
                if g.levels[p as usize] < min_level {
                    break;
                }
                if ctx.contains(&p) {
                    return true;
                }
                cur = g.parent(p);
            }
            false
        })
        .collect()
}

/// State of one mention while resolving.
struct Work {
    chain: Chain,
    narrowed: Vec<u32>,
    resolved: Option<u32>,
    confident: bool,
    trap: bool,
}

/// Geoparse `text` (see [`Gazetteer::geoparse`]).
pub(crate) fn geoparse(g: &Gazetteer, text: &str) -> Vec<Mention> {
    let raws = merge_same_span(scan(g, text));
    if raws.is_empty() {
        return Vec::new();
    }
    let chains = select(g, text, raws);
    let mut work: Vec<Work> = chains
        .iter()
        .map(|elems| {
            let chain = chain_candidates(g, elems);
            let narrowed = narrow(g, &chain.cands);
            let trap = is_trap(&text[chain.end..], chain.english);
            Work {
                chain,
                narrowed,
                resolved: None,
                confident: false,
                trap,
            }
        })
        .collect();

    // Pass 1: what the words and the chain alone decide.
    for w in &mut work {
        if w.narrowed.len() == 1 {
            let u = w.narrowed[0];
            w.resolved = Some(u);
            let lower = g.levels[u as usize] >= Level::Township as u8;
            let is_cn = g.levels[u as usize] == 0 && g.code(u) == "CN";
            w.confident = !w.trap && !is_cn && (w.chain.links > 0 || (!lower && !w.chain.common));
        }
    }
    // Pass 2 (twice, so a township found by a county can support a village):
    // namesakes that exactly one unit named elsewhere supports.
    for _ in 0..2 {
        let mut ctx = HashSet::new();
        for w in work.iter().filter(|w| w.confident) {
            if let Some(u) = w.resolved {
                ctx.extend(g.path_of(u));
            }
        }
        for w in work.iter_mut().filter(|w| !w.confident && !w.trap) {
            let sup = supported(g, &w.narrowed, &ctx);
            if sup.len() == 1 {
                w.resolved = Some(sup[0]);
                w.confident = !(g.levels[sup[0] as usize] == 0 && g.code(sup[0]) == "CN");
            }
        }
    }
    // Pass 3: a county named only by its bare short form ("南华") in a text
    // whose other confident places all lie in other provinces is more likely
    // a company or a word than a place.
    let province_of = |u: u32| g.path_of(u).first().copied().unwrap_or(u);
    let provinces: Vec<(usize, u32)> = work
        .iter()
        .enumerate()
        .filter(|(_, w)| w.confident)
        .filter_map(|(i, w)| {
            w.resolved
                .filter(|&u| g.levels[u as usize] != 0)
                .map(|u| (i, province_of(u)))
        })
        .collect();
    for (i, w) in work.iter_mut().enumerate() {
        let Some(u) = w.resolved else { continue };
        let bare_short = w.chain.links == 0
            && g.levels[u as usize] == Level::County as u8
            && w.chain
                .cands
                .iter()
                .filter(|&&(c, _)| c == u)
                .all(|&(_, k)| matches!(k, AliasKind::Short | AliasKind::EnglishShort));
        if w.confident && bare_short {
            let p = province_of(u);
            let others: Vec<u32> = provinces.iter().filter(|(j, _)| *j != i).map(|&(_, q)| q).collect();
            if !others.is_empty() && !others.contains(&p) {
                w.confident = false;
            }
        }
    }
    // Pass 4: a bare name of several namesakes at different levels reads as
    // the one highest level if that is a prefecture or province ("朝阳").
    for w in work.iter_mut().filter(|w| w.resolved.is_none() && !w.chain.common) {
        let top = w.narrowed.iter().map(|&u| g.levels[u as usize]).min().unwrap_or(9);
        let at_top: Vec<u32> = w
            .narrowed
            .iter()
            .copied()
            .filter(|&u| g.levels[u as usize] == top)
            .collect();
        if at_top.len() == 1 && (1..=2).contains(&top) {
            w.resolved = Some(at_top[0]);
            w.confident = !w.trap;
        }
    }

    work.into_iter()
        .map(|w| {
            let resolved = w.resolved.map(|u| Resolved {
                unit: g.make_unit(u),
                path: g.path_of(u).into_iter().map(|p| g.make_unit(p)).collect(),
            });
            let mut codes: Vec<String> = Vec::new();
            if let Some(u) = w.resolved {
                codes.push(g.code(u));
            }
            for &(u, _) in &w.chain.cands {
                let c = g.code(u);
                if !codes.contains(&c) {
                    codes.push(c);
                }
            }
            Mention {
                start: w.chain.start,
                end: w.chain.end,
                text: text[w.chain.start..w.chain.end].to_string(),
                candidates: codes,
                resolved,
                confident: w.confident,
            }
        })
        .collect()
}
