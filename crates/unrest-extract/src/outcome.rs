//! What the action obtained. The last outcome cue about the event wins, as
//! reports tell the end of the story last ("公司承诺…", "最终成功…").

use crate::lexicon::{Cat, Hit};
use crate::split::Analysis;
use unrest_codebook::Outcome;

/// The outcome and the span it was read from (`Unknown` without a cue).
pub(crate) fn code(a: &Analysis, ranges: &[(usize, usize)]) -> (Outcome, Option<Hit>) {
    let mut best: Option<(usize, Outcome, Hit)> = None;
    for &(s, e) in ranges {
        for h in a.hits_in(s, e) {
            let o = match h.cat {
                Cat::Achieved => Outcome::Achieved,
                Cat::Partial => Outcome::Partial,
                Cat::NoGain => Outcome::None,
                _ => continue,
            };
            // "未能" is itself the cue for no gain; other cues may be negated
            if o != Outcome::None && (a.negated(h) || a.hedged(h)) {
                continue;
            }
            if best.as_ref().is_none_or(|b| h.s >= b.0) {
                best = Some((h.s, o, *h));
            }
        }
    }
    match best {
        Some((_, o, h)) => (o, Some(h)),
        None => (Outcome::Unknown, None),
    }
}
