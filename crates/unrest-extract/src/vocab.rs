//! Issues, groups, tactics and targets from the lexicon's weighted terms.
//!
//! Each non-negated hit adds its weight times the weight of where it occurs
//! (headline, anchor sentence, the event's other sentences, the rest of the
//! report); a code is assigned when it reaches the threshold and is not far
//! below the best code of its vocabulary (see `[scoring]` in lexicon.toml).

use crate::lexicon::{Cat, Hit};
use crate::split::Analysis;
use std::collections::HashMap;
use unrest_codebook::{Group, Issue, Tactic, Target};

/// Where an event's words are: byte ranges by weight class.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scope {
    pub anchor: Vec<(usize, usize)>,
    pub frame: Vec<(usize, usize)>,
    pub context: Vec<(usize, usize)>,
    pub headline: bool,
}

/// The coded sets, each code with the hit that supports it best.
#[derive(Debug, Default)]
pub(crate) struct Coded {
    pub issues: Vec<(Issue, Hit)>,
    pub groups: Vec<(Group, Hit)>,
    pub tactics: Vec<(Tactic, Hit)>,
    pub targets: Vec<(Target, Hit)>,
}

fn vocab_of(cat: Cat) -> Option<u8> {
    match cat {
        Cat::Issue(_) => Some(0),
        Cat::Group(_) => Some(1),
        Cat::Tactic(_) => Some(2),
        Cat::Target(_) => Some(3),
        _ => None,
    }
}

/// Scores every vocabulary term in the scope and applies the thresholds.
pub(crate) fn code(a: &Analysis, scope: &Scope) -> Coded {
    let sc = a.lex.scoring;
    // cat -> (score, best hit, best contribution)
    let mut acc: HashMap<Cat, (f32, Hit, f32)> = HashMap::new();
    let mut add = |h: &Hit, place_w: f32| {
        if vocab_of(h.cat).is_none() || a.negated(h) || (matches!(h.cat, Cat::Tactic(_)) && a.passive(h)) {
            return;
        }
        let w = h.w * place_w;
        let e = acc.entry(h.cat).or_insert((0.0, *h, 0.0));
        e.0 += w;
        if w > e.2 {
            e.1 = *h;
            e.2 = w;
        }
    };
    if scope.headline {
        for h in &a.head_hits {
            add(h, sc.headline);
        }
    }
    for (ranges, w) in [
        (&scope.anchor, sc.anchor),
        (&scope.frame, sc.frame),
        (&scope.context, sc.context),
    ] {
        for &(s, e) in ranges {
            for h in a.hits_in(s, e) {
                add(h, w);
            }
        }
    }
    let mut best = [0f32; 4];
    for (cat, (score, _, _)) in &acc {
        if let Some(v) = vocab_of(*cat) {
            best[v as usize] = best[v as usize].max(*score);
        }
    }
    let mut out = Coded::default();
    let mut entries: Vec<(Cat, (f32, Hit, f32))> = acc.into_iter().collect();
    entries.sort_by(|x, y| y.1.0.total_cmp(&x.1.0).then(x.1.1.s.cmp(&y.1.1.s)));
    for (cat, (score, hit, _)) in entries {
        let Some(v) = vocab_of(cat) else { continue };
        if score < sc.threshold || score < sc.relative * best[v as usize] {
            continue;
        }
        match cat {
            Cat::Issue(x) => out.issues.push((x, hit)),
            Cat::Group(x) => out.groups.push((x, hit)),
            Cat::Tactic(x) => out.tactics.push((x, hit)),
            Cat::Target(x) => out.targets.push((x, hit)),
            _ => {}
        }
    }
    out
}

/// Rules that read codes together:
/// - a company target is a foreign-funded or state-owned firm when the event
///   or the headline says so;
/// - a strike with no named target is against the employer; a petition is
///   addressed to the government.
pub(crate) fn refine_targets(a: &Analysis, scope: &Scope, coded: &mut Coded) {
    let find = |cat: Cat| -> Option<Hit> {
        a.head_hits
            .iter()
            .filter(|_| scope.headline)
            .chain(
                scope
                    .anchor
                    .iter()
                    .chain(scope.frame.iter())
                    .flat_map(|&(s, e)| a.hits_in(s, e)),
            )
            .find(|h| h.cat == cat && !a.negated(h))
            .copied()
    };
    let has_target = |c: &Coded, t: Target| c.targets.iter().any(|(x, _)| *x == t);
    let has_tactic = |c: &Coded, t: Tactic| c.tactics.iter().any(|(x, _)| *x == t);
    // a "平台" that takes no one's savings (a delivery or ride-hailing
    // platform) is an ordinary firm
    if has_target(coded, Target::FinancialPlatform)
        && !coded.issues.iter().any(|(i, _)| *i == Issue::Finance)
        && !coded.groups.iter().any(|(g, _)| *g == Group::Investors)
    {
        let company = has_target(coded, Target::Company);
        for (t, _) in coded.targets.iter_mut() {
            if *t == Target::FinancialPlatform {
                *t = Target::Company;
            }
        }
        if company {
            let mut seen = false;
            coded
                .targets
                .retain(|(t, _)| *t != Target::Company || !std::mem::replace(&mut seen, true));
        }
    }
    let employer_hit = coded
        .targets
        .iter()
        .find(|(t, _)| *t == Target::Company)
        .map(|(_, h)| *h)
        .or_else(|| {
            // workers on strike act against their employer
            (has_tactic(coded, Tactic::Strike) && coded.groups.iter().any(|(g, _)| *g == Group::Workers))
                .then(|| {
                    coded
                        .tactics
                        .iter()
                        .find(|(t, _)| *t == Tactic::Strike)
                        .map(|(_, h)| *h)
                })
                .flatten()
        });
    if let Some(eh) = employer_hit {
        let kind = if let Some(h) = find(Cat::StateCo) {
            Some((Target::StateCompany, h))
        } else {
            find(Cat::ForeignCo).map(|h| (Target::ForeignCompany, h))
        };
        coded.targets.retain(|(t, _)| *t != Target::Company);
        match kind {
            Some((t, h)) if !has_target(coded, t) => coded.targets.push((t, h)),
            Some(_) => {}
            None => coded.targets.push((Target::Company, eh)),
        }
    }
    if (has_tactic(coded, Tactic::Petition) || has_tactic(coded, Tactic::SitIn))
        && !has_target(coded, Target::Government)
        && let Some((_, h)) = coded
            .tactics
            .iter()
            .find(|(t, _)| matches!(t, Tactic::Petition | Tactic::SitIn))
        && coded.targets.is_empty()
    {
        coded.targets.push((Target::Government, *h));
    }
}
