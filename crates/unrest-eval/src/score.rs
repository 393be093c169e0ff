//! Field-by-field agreement and the headline score (score.py's `main`).

use crate::pairing::{is_missing, pair, parse_day, title_sim};
use crate::pyjson::{as_set, get, get_or_null, py_eq, text_or_empty, truthy};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};

const SETS: [&str; 4] = ["issues", "groups", "tactics", "targets"];
const FLAGS: [&str; 4] = ["police", "violence", "censorship", "intimidation"];
const LEVELS: [&str; 5] = ["province", "prefecture", "county", "township", "village"];
const ACC_KEYS: [&str; 17] = [
    "start_date",
    "end_date",
    "date_within_1d",
    "country",
    "size",
    "arrests",
    "outcome",
    "geo_at_gold_level",
    "province",
    "prefecture",
    "county",
    "township",
    "village",
    "police",
    "violence",
    "censorship",
    "intimidation",
];
const HEADLINE_KEYS: [&str; 10] = [
    "events_primary_f1",
    "date_start",
    "geo_at_gold_level",
    "issues_f1",
    "groups_f1",
    "tactics_f1",
    "targets_f1",
    "size",
    "response",
    "outcome",
];

/// A running share of agreeing cases.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Acc {
    /// Cases that agreed.
    pub ok: usize,
    /// Cases counted.
    pub n: usize,
}

impl Acc {
    fn add(&mut self, good: bool) {
        self.n += 1;
        self.ok += usize::from(good);
    }

    /// The share, or `None` when nothing was counted.
    pub fn value(&self) -> Option<f64> {
        (self.n > 0).then(|| self.ok as f64 / self.n as f64)
    }
}

/// Precision, recall and F1 from true positives, false positives and false
/// negatives, with score.py's conventions for empty cases.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else if fn_ == 0 {
        1.0
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        1.0
    };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

/// Everything the scorer measures.
#[derive(Debug, Clone, Serialize)]
pub struct Scores {
    /// [tp, fp, fn] for primary events (stray predictions count as fp).
    pub primary: [usize; 3],
    /// [tp, fp, fn] for mentioned events.
    pub mentioned: [usize; 3],
    /// Predictions whose report title matched no gold report.
    pub stray_reports: usize,
    /// Per-field agreement, in score.py's order.
    pub fields: Vec<(String, Acc)>,
    /// F1 per vocabulary.
    pub sets_f1: Vec<(String, f64)>,
    /// Share of flags set where gold says nothing.
    pub flag_false_positive: Acc,
    /// Share of evidence spans found verbatim in the sources.
    pub evidence_verbatim: Acc,
    /// The ten headline figures.
    pub headline: Vec<(String, f64)>,
    /// Their mean: the score.
    pub score: f64,
}

/// Scores predictions against gold; `sources` is the concatenated text of
/// the source files when evidence should be checked.
pub fn score(gold: &[Value], pred: &[Value], sources: Option<&str>) -> Scores {
    let titles: Vec<String> = {
        let mut t: Vec<String> = gold.iter().map(|g| text_or_empty(get_or_null(g, "report"))).collect();
        t.sort();
        t.dedup();
        t
    };
    let mut by_report: BTreeMap<&str, (Vec<&Value>, Vec<&Value>)> =
        titles.iter().map(|t| (t.as_str(), (Vec::new(), Vec::new()))).collect();
    for g in gold {
        let t = text_or_empty(get_or_null(g, "report"));
        if let Some(entry) = by_report.get_mut(t.as_str()) {
            entry.0.push(g);
        }
    }
    let mut stray = 0;
    for p in pred {
        let pt = text_or_empty(get_or_null(p, "report"));
        // Python's max keeps the first of equal maxima.
        let mut best: Option<(&str, f64)> = None;
        for t in &titles {
            let s = title_sim(t, &pt);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((t, s));
            }
        }
        match best {
            Some((t, s)) if s >= 0.3 => by_report.get_mut(t).expect("title listed").1.push(p),
            _ => stray += 1,
        }
    }

    let mut primary = [0usize; 3];
    let mut mentioned = [0usize; 3];
    let mut pairs: Vec<(&Value, Option<&Value>)> = Vec::new();
    for (golds, preds) in by_report.values() {
        for role in ["primary", "mentioned"] {
            let gs: Vec<&Value> = golds
                .iter()
                .copied()
                .filter(|g| get_or_null(g, "role") == role)
                .collect();
            let ps: Vec<&Value> = preds
                .iter()
                .copied()
                .filter(|p| match get(p, "role") {
                    None => role == "primary",
                    Some(v) => v == role,
                })
                .collect();
            let matched = pair(&gs, &ps);
            let counts = if role == "primary" {
                &mut primary
            } else {
                &mut mentioned
            };
            counts[0] += matched.len();
            counts[1] += ps.len() - matched.len();
            counts[2] += gs.len() - matched.len();
            if role == "primary" {
                let hit: HashSet<*const Value> = matched.iter().map(|(g, _)| *g as *const Value).collect();
                pairs.extend(matched.iter().map(|(g, p)| (*g, Some(*p))));
                pairs.extend(
                    gs.iter()
                        .filter(|g| !hit.contains(&(**g as *const Value)))
                        .map(|g| (*g, None)),
                );
            }
        }
    }
    primary[1] += stray;

    let mut acc: BTreeMap<&str, Acc> = ACC_KEYS.iter().map(|k| (*k, Acc::default())).collect();
    let mut flag_fp = Acc::default();
    let mut setc: BTreeMap<&str, [usize; 3]> = SETS.iter().map(|k| (*k, [0; 3])).collect();
    for (g, p) in &pairs {
        let p = p.filter(|p| !is_missing(p));
        score_pair(g, p, &mut acc, &mut flag_fp, &mut setc);
    }

    let any_pred = pairs.iter().any(|(_, p)| p.is_some_and(truthy));
    let set_f: Vec<(String, f64)> = SETS
        .iter()
        .map(|k| {
            let [tp, fp, fn_] = setc[k];
            (k.to_string(), if any_pred { prf(tp, fp, fn_).2 } else { 0.0 })
        })
        .collect();
    let resp: Vec<f64> = FLAGS
        .iter()
        .chain(["arrests"].iter())
        .filter_map(|k| acc[k].value())
        .collect();

    let mut evidence = Acc::default();
    if let Some(text) = sources {
        for p in pred {
            if let Some(Value::Array(evs)) = get(p, "evidence") {
                for ev in evs {
                    let t = text_or_empty(get_or_null(ev, "text"));
                    evidence.add(!t.is_empty() && text.contains(&t));
                }
            }
        }
    }

    let has_pairs = !pairs.is_empty();
    let v = |k: &str| if has_pairs { acc[k].value().unwrap_or(0.0) } else { 0.0 };
    let set_of = |k: &str| set_f.iter().find(|(n, _)| n == k).map(|(_, f)| *f).unwrap_or(0.0);
    let values = [
        prf(primary[0], primary[1], primary[2]).2,
        v("start_date"),
        v("geo_at_gold_level"),
        set_of("issues"),
        set_of("groups"),
        set_of("tactics"),
        set_of("targets"),
        v("size"),
        if resp.is_empty() {
            0.0
        } else {
            resp.iter().sum::<f64>() / resp.len() as f64
        },
        v("outcome"),
    ];
    let headline: Vec<(String, f64)> = HEADLINE_KEYS.iter().map(|k| k.to_string()).zip(values).collect();
    let score = values.iter().sum::<f64>() / values.len() as f64;
    Scores {
        primary,
        mentioned,
        stray_reports: stray,
        fields: ACC_KEYS.iter().map(|k| (k.to_string(), acc[k])).collect(),
        sets_f1: set_f,
        flag_false_positive: flag_fp,
        evidence_verbatim: evidence,
        headline,
        score,
    }
}

fn score_pair(
    g: &Value,
    p: Option<&Value>,
    acc: &mut BTreeMap<&str, Acc>,
    flag_fp: &mut Acc,
    setc: &mut BTreeMap<&str, [usize; 3]>,
) {
    let field = |v: &Value, k: &str| get_or_null(v, k).clone();
    let mut add = |k: &str, good: bool| acc.get_mut(k).expect("known key").add(good);
    let outcome_counts = |v: &Value| match get(v, "outcome") {
        None => false,
        Some(o) => o.as_str() != Some("unknown"),
    };
    let Some(p) = p else {
        for k in [
            "start_date",
            "end_date",
            "date_within_1d",
            "country",
            "size",
            "geo_at_gold_level",
        ] {
            add(k, false);
        }
        for k in LEVELS.iter().chain(FLAGS.iter()) {
            if !get_or_null(g, k).is_null() {
                add(k, false);
            }
        }
        if !get_or_null(g, "arrests_min").is_null() {
            add("arrests", false);
        }
        if outcome_counts(g) {
            add("outcome", false);
        }
        for k in SETS {
            setc.get_mut(k).expect("known set")[2] += as_set(get_or_null(g, k)).len();
        }
        return;
    };
    add("start_date", py_eq(&field(g, "start_date"), &field(p, "start_date")));
    add("end_date", py_eq(&field(g, "end_date"), &field(p, "end_date")));
    let gd = parse_day(get_or_null(g, "start_date"));
    let pd = parse_day(get_or_null(p, "start_date"));
    add(
        "date_within_1d",
        matches!((gd, pd), (Some(a), Some(b)) if (a - b).abs() <= 1),
    );
    let country_or_cn = |v: &Value| {
        let c = text_or_empty(get_or_null(v, "country"));
        if c.is_empty() { "CN".to_string() } else { c }
    };
    add("country", country_or_cn(g) == country_or_cn(p));
    for lvl in LEVELS {
        if truthy(get_or_null(g, lvl)) {
            add(lvl, py_eq(get_or_null(g, lvl), get_or_null(p, lvl)));
        }
    }
    let g_country = get(g, "country");
    let g_is_cn = g_country.is_none_or(|c| c.as_str() == Some("CN"));
    let g_adcode = text_or_empty(get_or_null(g, "adcode"));
    if g_is_cn && !g_adcode.is_empty() {
        let pc: Vec<char> = text_or_empty(get_or_null(p, "adcode")).chars().collect();
        let ga: Vec<char> = g_adcode.chars().collect();
        add("geo_at_gold_level", pc.len() >= ga.len() && pc[..ga.len()] == ga[..]);
    } else if get_or_null(g, "country").as_str() != Some("CN") {
        add(
            "geo_at_gold_level",
            py_eq(get_or_null(p, "country"), get_or_null(g, "country")),
        );
    }
    for k in SETS {
        let gs: HashSet<String> = as_set(get_or_null(g, k)).into_iter().collect();
        let ps: HashSet<String> = as_set(get_or_null(p, k)).into_iter().collect();
        let c = setc.get_mut(k).expect("known set");
        c[0] += gs.intersection(&ps).count();
        c[1] += ps.difference(&gs).count();
        c[2] += gs.difference(&ps).count();
    }
    add(
        "size",
        py_eq(get_or_null(g, "size_min"), get_or_null(p, "size_min"))
            && py_eq(get_or_null(g, "size_max"), get_or_null(p, "size_max")),
    );
    if !get_or_null(g, "arrests_min").is_null() {
        add(
            "arrests",
            py_eq(get_or_null(g, "arrests_min"), get_or_null(p, "arrests_min")),
        );
    }
    if outcome_counts(g) {
        add("outcome", py_eq(get_or_null(g, "outcome"), get_or_null(p, "outcome")));
    }
    for k in FLAGS {
        if !get_or_null(g, k).is_null() {
            add(k, py_eq(get_or_null(g, k), get_or_null(p, k)));
        } else {
            flag_fp.add(get_or_null(p, k) == &Value::Bool(true));
        }
    }
}

fn fmt2(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.2}"))
}

impl Scores {
    /// The report in score.py's text layout (last line `score: X`).
    pub fn to_text(&self) -> String {
        let (pp, pr, pf) = prf(self.primary[0], self.primary[1], self.primary[2]);
        let (mp, mr, _) = prf(self.mentioned[0], self.mentioned[1], self.mentioned[2]);
        let mut s = format!(
            "events  primary P {pp:.2} R {pr:.2} F1 {pf:.2}  (tp/fp/fn [{}, {}, {}]), mentioned P {mp:.2} R {mr:.2}; reports not recognised: {}\n",
            self.primary[0], self.primary[1], self.primary[2], self.stray_reports
        );
        for (k, a) in &self.fields {
            s += &format!("  {k:<18} {}  (n={})\n", fmt2(a.value()), a.n);
        }
        for (k, f) in &self.sets_f1 {
            s += &format!("  {k:<18} F1 {f:.2}\n");
        }
        s += &format!(
            "  flags set where gold says nothing: {}\n",
            fmt2(self.flag_false_positive.value())
        );
        s += &format!(
            "  evidence found verbatim in sources: {}  (n={})\n",
            fmt2(self.evidence_verbatim.value()),
            self.evidence_verbatim.n
        );
        s += &format!("score: {:.3}\n", self.score);
        s
    }

    /// The report as JSON (same figures as score.py's `--json`).
    pub fn to_json(&self) -> Value {
        let (pp, pr, pf) = prf(self.primary[0], self.primary[1], self.primary[2]);
        let (mp, mr, mf) = prf(self.mentioned[0], self.mentioned[1], self.mentioned[2]);
        json!({
            "events": {
                "primary": {"p": pp, "r": pr, "f1": pf},
                "tp_fp_fn": self.primary,
                "mentioned": {"p": mp, "r": mr, "f1": mf},
                "stray_reports": self.stray_reports,
            },
            "fields": self.fields.iter().map(|(k, a)| (k.clone(), json!(a.value()))).collect::<serde_json::Map<_, _>>(),
            "fields_n": self.fields.iter().map(|(k, a)| (k.clone(), json!(a.n))).collect::<serde_json::Map<_, _>>(),
            "sets_f1": self.sets_f1.iter().map(|(k, f)| (k.clone(), json!(f))).collect::<serde_json::Map<_, _>>(),
            "flag_false_positive_rate": self.flag_false_positive.value(),
            "evidence_verbatim": self.evidence_verbatim.value(),
            "headline": self.headline.iter().map(|(k, f)| (k.clone(), json!(f))).collect::<serde_json::Map<_, _>>(),
            "score": self.score,
        })
    }
}
