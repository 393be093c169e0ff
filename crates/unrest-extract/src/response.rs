//! The response to an action: police, violence, censorship, intimidation
//! (true / false / null), and counts of arrests, injuries and deaths.
//!
//! A flag is true when a term for it occurs, not negated and not hedged;
//! false only when the text says it did not happen ("并未采取强制驱散");
//! otherwise null.

use crate::lexicon::{Cat, Hit};
use crate::size::Count;
use crate::split::{Analysis, CountRole};

/// One flag's value and the span it was read from.
pub(crate) type Flag = Option<(bool, Hit)>;

/// Everything coded about the response.
#[derive(Debug, Default)]
pub(crate) struct ResponseCoded {
    pub police: Flag,
    pub violence: Flag,
    pub censorship: Flag,
    pub intimidation: Flag,
    pub arrests: Option<Count>,
    pub injuries: Option<Count>,
    pub deaths: Option<Count>,
}

/// Police and officials as the object of a violence word: "打伤两名民警",
/// "殴打了执法人员" is the participants' own violence (a confrontation),
/// not violence against them.
const OFFICIAL_OBJECTS: &[&str] = &[
    "警察",
    "民警",
    "警员",
    "辅警",
    "特警",
    "武警",
    "交警",
    "执法人员",
    "城管",
    "工作人员",
    "保安",
    "police",
    "officers",
];

fn aimed_at_officials(a: &Analysis, h: &Hit) -> bool {
    let after = a.doc.m.get(h.e..).unwrap_or("");
    let after = after.trim_start_matches(['了', ' ']);
    let after = after
        .strip_prefix(|c: char| c.is_ascii_digit() || crate::numbers::digit(c).is_some())
        .map(|t| t.trim_start_matches(['名', '位', '个']))
        .unwrap_or(after);
    OFFICIAL_OBJECTS.iter().any(|o| after.starts_with(o))
}

fn flag(a: &Analysis, ranges: &[(usize, usize)], cat: Cat) -> Flag {
    let mut negative = None;
    for &(s, e) in ranges {
        for h in a.hits_in(s, e).filter(|h| h.cat == cat) {
            if cat == Cat::Violence && aimed_at_officials(a, h) {
                continue;
            }
            if a.hedged(h) {
                continue;
            }
            if a.negated(h) {
                negative.get_or_insert((false, *h));
            } else {
                return Some((true, *h));
            }
        }
    }
    negative
}

/// Codes the response from the event's sentences (`ranges`); `counts_in`
/// limits arrest, injury and death counts to the event's own sentences.
pub(crate) fn code(a: &Analysis, ranges: &[(usize, usize)], counts_in: &[(usize, usize)]) -> ResponseCoded {
    let mut r = ResponseCoded {
        police: flag(a, ranges, Cat::Police),
        violence: flag(a, ranges, Cat::Violence),
        censorship: flag(a, ranges, Cat::Censorship),
        intimidation: flag(a, ranges, Cat::Intimidation),
        ..Default::default()
    };
    let within = |c: &Count| counts_in.iter().any(|&(s, e)| c.s >= s && c.e <= e);
    for (c, role) in &a.counts {
        if !within(c) {
            continue;
        }
        match role {
            CountRole::Arrested if r.arrests.is_none() => r.arrests = Some(*c),
            CountRole::Injured if r.injuries.is_none() => r.injuries = Some(*c),
            CountRole::Killed if r.deaths.is_none() => r.deaths = Some(*c),
            _ => {}
        }
    }
    // "没有人被带走": no arrests
    if r.arrests.is_none()
        && let Some(h) = counts_in
            .iter()
            .flat_map(|&(s, e)| a.hits_in(s, e))
            .find(|h| h.cat == Cat::Arrest && a.negated(h) && !a.hedged(h))
    {
        r.arrests = Some(Count {
            s: h.s,
            e: h.e,
            min: Some(0),
            max: Some(0),
            exact: true,
        });
    }
    // "现场没有发生冲突": no clash, so no one was hurt by the other side
    if r.violence.is_none()
        && let Some(h) = counts_in
            .iter()
            .flat_map(|&(s, e)| a.hits_in(s, e))
            .find(|h| h.cat == Cat::Tactic(unrest_codebook::Tactic::Confrontation) && a.negated(h) && !a.hedged(h))
    {
        r.violence = Some((
            false,
            Hit {
                cat: Cat::Violence,
                ..*h
            },
        ));
    }
    // arrests are made by security forces
    if r.police.is_none()
        && let Some(c) = r.arrests
        && c.max != Some(0)
    {
        r.police = Some((
            true,
            Hit {
                s: c.s,
                e: c.e,
                cat: Cat::Police,
                w: 1.0,
                neg: false,
            },
        ));
    }
    // someone hurt in a clash with police or an official team
    if r.violence.is_none()
        && let Some(c) = r.injuries
        && (r.police.is_some_and(|p| p.0)
            || counts_in.iter().any(|&(s, e)| {
                a.hits_in(s, e)
                    .any(|h| h.cat == Cat::Tactic(unrest_codebook::Tactic::Confrontation))
            }))
    {
        r.violence = Some((
            true,
            Hit {
                s: c.s,
                e: c.e,
                cat: Cat::Violence,
                w: 1.0,
                neg: false,
            },
        ));
    }
    r
}
