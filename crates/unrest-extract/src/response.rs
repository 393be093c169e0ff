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

fn flag(a: &Analysis, ranges: &[(usize, usize)], cat: Cat) -> Flag {
    let mut negative = None;
    for &(s, e) in ranges {
        for h in a.hits_in(s, e).filter(|h| h.cat == cat) {
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
    // arrests are made by security forces
    if r.police.is_none()
        && let Some(c) = r.arrests
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
