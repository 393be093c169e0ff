//! Reading a report once (terms, dates, places, counts per sentence) and
//! splitting it into event frames: one frame per incident, each with the
//! sentences that describe it.
//!
//! A sentence that reports an action (a tactic term not negated) and names a
//! date or a place that does not fit the current frame starts a new frame; so
//! a list of four strikes on different days and places gives four frames, and
//! one action at two sites gives two. Sentences introduced as background
//! ("曾", "此前", "屡见不鲜", "in recent years") and actions dated well
//! before the report's own dates become `mentioned` frames.

use crate::dates::{self, DateMention};
use crate::evidence::Doc;
use crate::lexicon::{Cat, Hit, Lexicon};
use crate::place::{self, Chain};
use crate::segment::{self, Script, Sentence};
use crate::size::{self, Count};
use unrest_codebook::{PartialDate, Report, Role};
use unrest_gazetteer::Gazetteer;

/// What a count of people measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CountRole {
    Crowd,
    Arrested,
    Injured,
    Killed,
    /// Not participants: police deployed, a workforce, victims.
    Other,
}

/// Everything found in one sentence, as index ranges into the analysis.
#[derive(Debug, Clone)]
pub(crate) struct Sent {
    pub s: usize,
    pub e: usize,
    pub para: usize,
    pub headline_copy: bool,
    /// Sum of non-negated tactic weights.
    pub action: f32,
    pub background: bool,
    pub continuation: bool,
    pub summary: bool,
}

/// One report, read.
pub(crate) struct Analysis<'a> {
    pub doc: Doc<'a>,
    pub lex: &'a Lexicon,
    pub script: Script,
    pub hits: Vec<Hit>,
    pub head: Option<(usize, usize)>,
    pub head_hits: Vec<Hit>,
    pub head_chains: Vec<Chain>,
    pub sents: Vec<Sent>,
    pub dates: Vec<DateMention>,
    pub chains: Vec<Chain>,
    pub counts: Vec<(Count, CountRole)>,
    pub sites: Vec<(usize, usize)>,
}

/// Background cues strong enough to make the rest of their paragraph
/// background ("屡见不鲜" and the like); weaker ones mark one sentence.
const PARAGRAPH_BACKGROUND: &[&str] = &[
    "屡见不鲜",
    "并非孤例",
    "并非个例",
    "屡有发生",
    "层出不穷",
    "近年来",
    "多年来",
    "in recent years",
    "not an isolated",
];

impl<'a> Analysis<'a> {
    pub fn new(report: &'a Report, matching: &'a str, lex: &'a Lexicon, gaz: &Gazetteer) -> Self {
        let doc = Doc::new(&report.text, matching);
        let m = doc.m;
        let regions = segment::regions(report, m);
        let (bs, be) = regions.body;
        let hits = lex
            .scan(&m[bs..be])
            .into_iter()
            .map(|h| shift(h, bs))
            .collect::<Vec<_>>();
        let head = regions.headline;
        let head_hits = head
            .map(|(s, e)| {
                lex.scan(&m[s..e])
                    .into_iter()
                    .map(|h| shift(h, s))
                    .collect::<Vec<Hit>>()
            })
            .unwrap_or_default();
        let mut hits = hits;
        hits.retain(|h| !is_month_march(m, h, true));
        let mut head_hits = head_hits;
        head_hits.retain(|h| !is_month_march(m, h, false));
        add_movement_petitions(m, &mut hits);
        let reference = report.reference_date();
        let mut dates = dates::find_dates(m, bs, be, reference);
        if regions.script == Script::English {
            dates.extend(dates::english_numeric(m, bs, be, reference));
            dates.sort_by_key(|d| d.s);
            dates.dedup_by(|b, a| b.s < a.e);
            dates.retain(|d| !is_dateline(m, d));
        }
        let group_at = |hits: &[Hit], p: usize| {
            let lo = hits.partition_point(|h| h.s < p);
            hits[lo..]
                .iter()
                .take_while(|h| h.s == p)
                .any(|h| matches!(h.cat, Cat::Group(_)))
        };
        let mut chains = place::chains(gaz, &lex.countries, &hits, m, bs, be, &|p| group_at(&hits, p));
        // a short place name inside a police word ("区公安分局" is not 公安县)
        chains.retain(|c| !hits.iter().any(|h| h.cat == Cat::Police && h.s <= c.s && c.e <= h.e));
        let head_chains = head
            .map(|(s, e)| place::chains(gaz, &lex.countries, &head_hits, m, s, e, &|p| group_at(&head_hits, p)))
            .unwrap_or_default();
        let sites = place::sites(&hits, &chains, m, bs, be);
        let person_end = |p: usize| -> Option<usize> {
            let lo = hits.partition_point(|h| h.s < p);
            hits[lo..]
                .iter()
                .take_while(|h| h.s == p)
                .filter(|h| matches!(h.cat, Cat::Group(_)))
                .map(|h| h.e)
                .max()
        };
        let raw_counts = match regions.script {
            Script::Chinese => size::find_chinese(m, bs, be, &person_end),
            Script::English => size::find_english(m, bs, be, &person_end),
        };
        let mut a = Analysis {
            doc,
            lex,
            script: regions.script,
            hits,
            head,
            head_hits,
            head_chains,
            sents: Vec::new(),
            dates,
            chains,
            counts: Vec::new(),
            sites,
        };
        let neg: Vec<bool> = a.hits.iter().map(|h| a.compute_negated(h)).collect();
        for (h, n) in a.hits.iter_mut().zip(neg) {
            h.neg = n;
        }
        let neg: Vec<bool> = a.head_hits.iter().map(|h| a.compute_negated(h)).collect();
        for (h, n) in a.head_hits.iter_mut().zip(neg) {
            h.neg = n;
        }
        a.counts = raw_counts.into_iter().map(|c| (c, a.count_role(&c))).collect();
        let sentences = segment::sentences(m, bs, be);
        a.sents = a.read_sentences(&sentences);
        a
    }

    /// Hits of `cat`-kind in the byte range, in order.
    pub fn hits_in(&self, s: usize, e: usize) -> impl Iterator<Item = &Hit> {
        let lo = self.hits.partition_point(|h| h.s < s);
        self.hits[lo..]
            .iter()
            .take_while(move |h| h.s < e)
            .filter(move |h| h.e <= e)
    }

    fn clause_start(&self, pos: usize, floor: usize) -> usize {
        let m = self.doc.m;
        m[floor..pos]
            .rfind([
                ',', '\u{ff0c}', '。', ';', '；', ':', '\u{ff1a}', '!', '?', '！', '？', '\n',
            ])
            .map(|i| floor + i + m[floor + i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(floor)
    }

    fn clause_end(&self, pos: usize, ceil: usize) -> usize {
        let m = self.doc.m;
        m[pos..ceil]
            .find([',', '\u{ff0c}', '。', ';', '；', '!', '?', '！', '？', '\n'])
            .map(|i| pos + i)
            .unwrap_or(ceil)
    }

    /// The sentence containing a byte offset.
    pub fn sent_of(&self, pos: usize) -> Option<usize> {
        self.sents.iter().position(|s| s.s <= pos && pos < s.e)
    }

    /// A negation cue shortly before the hit in the same clause
    /// ("并未采取", "没有", "did not").
    pub fn negated(&self, h: &Hit) -> bool {
        h.neg
    }

    fn compute_negated(&self, h: &Hit) -> bool {
        let window = if self.script == Script::English { 24 } else { 15 };
        let floor = self.clause_start(h.s, self.body_floor(h.s));
        let pool: &[Hit] = if self.head.is_some_and(|(s, e)| s <= h.s && h.e <= e) {
            &self.head_hits
        } else {
            &self.hits
        };
        // only hits that start between the clause start and a little after the term
        let lo = pool.partition_point(|n| n.s < floor);
        let hi = pool.partition_point(|n| n.s <= h.e + 6);
        let near = &pool[lo..hi];
        let before = near
            .iter()
            .any(|n| n.cat == Cat::Negation && n.e <= h.s && h.s - n.e <= window && !(n.s >= h.s && n.e <= h.e));
        // "警方并未到场": in Chinese the negation follows a subject noun
        let after = h.cat == Cat::Police
            && self.script == Script::Chinese
            && near
                .iter()
                .any(|n| n.cat == Cat::Negation && n.s >= h.e && n.s - h.e <= 6);
        before || after || self.english_negated(h, floor)
    }

    fn english_negated(&self, h: &Hit, floor: usize) -> bool {
        if self.script != Script::English {
            return false;
        }
        let before = self.doc.m[floor..h.s].to_ascii_lowercase();
        let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
        words
            .iter()
            .any(|w| matches!(*w, "not" | "never" | "no" | "didn't" | "wasn't" | "weren't" | "without"))
    }

    fn body_ceil(&self, pos: usize) -> usize {
        let m = self.doc.m;
        let mut p = (pos + 60).min(m.len());
        while p < m.len() && !m.is_char_boundary(p) {
            p += 1;
        }
        p.max(pos)
    }

    fn body_floor(&self, pos: usize) -> usize {
        let m = self.doc.m;
        let mut p = pos.saturating_sub(60);
        while p > 0 && !m.is_char_boundary(p) {
            p -= 1;
        }
        p
    }

    /// Done to the participants, not by them: "被…拦截", "遭…驱散"; or not a
    /// protest at all: a suicide that ended in death ("跳楼身亡") is what
    /// the protest is about, not a threat made as part of it.
    pub fn passive(&self, h: &Hit) -> bool {
        // "停工近三年的项目", "工地停工": a halted project, not a strike
        if h.cat == Cat::Tactic(unrest_codebook::Tactic::Strike) && self.script == Script::Chinese {
            let m = self.doc.m;
            let after: String = m.get(h.e..).unwrap_or("").chars().take(6).collect();
            let before: String = {
                let from = crate::evidence::floor_boundary(m, h.s.saturating_sub(9));
                m[from..h.s].to_string()
            };
            let duration = after
                .trim_start_matches(['近', '已', '了', '长', '达', '将', '快', '逾', '超', '过'])
                .chars()
                .take_while(|c| {
                    c.is_ascii_digit() || crate::numbers::digit(*c).is_some() || matches!(c, '十' | '多' | '半' | '两')
                })
                .count()
                > 0
                && (after.contains('年') || after.contains("个月"));
            let project = ["工地", "项目", "楼盘", "工程", "楼盘已", "项目已", "长期", "至今"]
                .iter()
                .any(|w| before.ends_with(w));
            if duration
                || project
                || after.starts_with("不停贷")
                || after.starts_with("多年")
                || after.starts_with("至今")
            {
                return true;
            }
        }
        if h.cat == Cat::Tactic(unrest_codebook::Tactic::SelfHarm) {
            let after = self.doc.m.get(h.e..).unwrap_or("");
            let after = after.trim_start_matches(['后', '并', '而', '了']);
            if [
                "身亡",
                "死亡",
                "离世",
                "去世",
                "殒命",
                "自杀",
                "轻生",
                "died",
                " and died",
            ]
            .iter()
            .any(|w| after.starts_with(w))
            {
                return true;
            }
        }
        if self.script == Script::English {
            let floor = self.clause_start(h.s, self.body_floor(h.s));
            let before = self.doc.m[floor..h.s].to_ascii_lowercase();
            return before.ends_with("were ") || before.ends_with("was ") || before.contains(" by ");
        }
        let floor = self.clause_start(h.s, self.body_floor(h.s));
        let from = crate::evidence::floor_boundary(self.doc.m, h.s.saturating_sub(30)).max(floor);
        let before = &self.doc.m[from..h.s];
        before.contains('被') || before.contains('遭')
    }

    /// A hedge ("是否", "whether") in the same clause.
    pub fn hedged(&self, h: &Hit) -> bool {
        let cs = self.clause_start(h.s, self.body_floor(h.s));
        let ce = self.clause_end(h.e, self.body_ceil(h.e));
        self.hits_in(cs, ce).any(|n| n.cat == Cat::Hedge)
    }

    fn count_role(&self, c: &Count) -> CountRole {
        let m = self.doc.m;
        let ce = self.clause_end(c.e, self.body_ceil(c.e));
        let cs = self.clause_start(c.s, self.body_floor(c.s));
        let after: Vec<&Hit> = self.hits_in(c.e, ce).collect();
        let before: Vec<&Hit> = self.hits_in(cs, c.s).collect();
        let has = |v: &[&Hit], cat: Cat| v.iter().any(|h| h.cat == cat);
        if has(&after, Cat::Arrest) || before.iter().rev().take(2).any(|h| h.cat == Cat::Arrest) {
            return CountRole::Arrested;
        }
        if has(&after, Cat::Injury) || has(&after, Cat::Violence) && m[c.e..ce].contains('伤') {
            return CountRole::Injured;
        }
        if has(&after, Cat::Death) {
            return CountRole::Killed;
        }
        let pre = &m[cs..c.s];
        // "其中两人送医": a part of a crowd counted before
        if pre.ends_with("其中") || pre.ends_with("其中有") {
            return CountRole::Other;
        }
        let lower = pre.to_ascii_lowercase();
        if ["出动", "派出", "调集", "动用", "出警", "部署"]
            .iter()
            .any(|w| pre.contains(w))
            || lower.contains("deployed")
            || has(&before, Cat::Workforce)
            || after.iter().any(|h| h.cat == Cat::Workforce)
            || has(&before, Cat::Police) && !has(&after, Cat::Tactic(unrest_codebook::Tactic::Assembly))
        {
            return CountRole::Other;
        }
        // one person is not a crowd
        if c.max == Some(1) {
            return CountRole::Other;
        }
        CountRole::Crowd
    }

    fn read_sentences(&self, sentences: &[Sentence]) -> Vec<Sent> {
        let mut out: Vec<Sent> = Vec::with_capacity(sentences.len());
        let mut bg_para: Option<usize> = None;
        for sen in sentences {
            let lo = self.hits.partition_point(|h| h.s < sen.s);
            let hi = self.hits.partition_point(|h| h.s < sen.e);
            let mut action = 0.0;
            let mut background = false;
            let mut continuation = false;
            let mut summary = false;
            let mut response = 0.0f32;
            for h in &self.hits[lo..hi] {
                match h.cat {
                    Cat::Tactic(_) if !self.negated(h) && !self.passive(h) => action += h.w,
                    Cat::Police | Cat::Violence | Cat::Arrest if !self.negated(h) => response = 0.5,
                    Cat::Background => {
                        let word = &self.doc.m[h.s..h.e];
                        // "one of the largest protests in recent years", "近年来规模最大的":
                        // a comparison, not an earlier incident
                        if self.superlative(sen.s, h) {
                            continue;
                        }
                        // "曾某" is a surname, not "once"
                        if word == "曾" && self.doc.m[h.e..].starts_with('某') {
                            continue;
                        }
                        background = true;
                        let lw = word.to_ascii_lowercase();
                        if PARAGRAPH_BACKGROUND.iter().any(|p| *p == lw) {
                            bg_para = Some(sen.para);
                        }
                    }
                    Cat::Continuation => continuation = true,
                    Cat::Summary => summary = true,
                    _ => {}
                }
            }
            if bg_para == Some(sen.para) {
                background = true;
            }
            let has_day = self
                .dates
                .iter()
                .any(|d| d.s >= sen.s && d.e <= sen.e && d.start.day.is_some());
            summary = (summary || self.counts_incidents(sen.s, sen.e)) && !has_day;
            // protesters met by police: the sentence reports an action
            if action > 0.0 {
                action += response;
            }
            // "2024年…曾发生过两起…运动": background incidents counted with a date
            if summary && background && self.dates.iter().any(|d| d.s >= sen.s && d.e <= sen.e) {
                action = action.max(1.0);
                summary = false;
            }
            out.push(Sent {
                s: sen.s,
                e: sen.e,
                para: sen.para,
                headline_copy: sen.headline_copy,
                action,
                background,
                continuation,
                summary,
            });
        }
        out
    }

    /// A background cue used in a superlative ("one of the largest … in
    /// recent years", "近年来最大的"), which compares rather than cites.
    fn superlative(&self, sent_start: usize, h: &Hit) -> bool {
        let m = self.doc.m;
        let word = m[h.s..h.e].to_ascii_lowercase();
        if !["in recent years", "近年来", "多年来"].contains(&word.as_str()) {
            return false;
        }
        let from = self.clause_start(h.s, sent_start.max(self.body_floor(h.s)));
        let before = m[from..h.s].to_ascii_lowercase();
        let after: String = m[h.e..].chars().take(8).collect();
        ["one of the", "one of", "largest", "biggest", "most "]
            .iter()
            .any(|w| before.contains(w))
            || ["最大", "规模最大", "最严重", "罕见"].iter().any(|w| after.contains(w))
    }

    /// "四起…事件", "两起…运动": the sentence counts incidents.
    fn counts_incidents(&self, s: usize, e: usize) -> bool {
        let m = &self.doc.m[s..e];
        let mut prev: Option<char> = None;
        for (i, c) in m.char_indices() {
            if c == '起'
                && prev.is_some_and(|p| {
                    p.is_ascii_digit()
                        || matches!(
                            p,
                            '两' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '几' | '数' | '多'
                        )
                })
            {
                let tail: String = m[i..].chars().take(16).collect();
                if ["事件", "运动", "抗议", "罢工", "冲突", "案"]
                    .iter()
                    .any(|w| tail.contains(w))
                {
                    return true;
                }
            }
            prev = Some(c);
        }
        false
    }

    pub fn dates_in(&self, s: usize, e: usize) -> impl Iterator<Item = &DateMention> {
        self.dates.iter().filter(move |d| d.s >= s && d.e <= e)
    }

    pub fn chains_in(&self, s: usize, e: usize) -> impl Iterator<Item = &Chain> {
        self.chains.iter().filter(move |c| c.s >= s && c.e <= e)
    }
}

/// "on 30 March", "in March", "March 2026", and in running text (`body`: not
/// a title-case headline) any capitalised "March" inside a sentence: the
/// month, not a march.
fn is_month_march(m: &str, h: &Hit, body: bool) -> bool {
    if h.cat != Cat::Tactic(unrest_codebook::Tactic::March) || m.get(h.s..h.e) != Some("March") {
        return false;
    }
    let before = m[..h.s].trim_end();
    let prev_word = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let after = m[h.e..].trim_start_matches([' ', ',']);
    // capitalised inside a sentence of running text ("pay March wages")
    let mid_sentence = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, ',' | ';' | ':'))
        && !before.ends_with(':');
    (body && mid_sentence)
        || prev_word.chars().next().is_some_and(|c| c.is_ascii_digit())
        || after.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            prev_word.as_str(),
            "in" | "of"
                | "early"
                | "late"
                | "mid"
                | "since"
                | "until"
                | "by"
                | "last"
                | "this"
                | "next"
                | "from"
                | "to"
                | "and"
                | "or"
                | "between"
                | "during"
                | "before"
                | "after"
        )
}

/// A wire dateline ("QINGYUAN, China, June 21 - "): the date the story was
/// filed, at the start of a line and followed by a dash, not the action's.
fn is_dateline(m: &str, d: &DateMention) -> bool {
    let line_start = m[..d.s].rfind('\n').map_or(0, |i| i + 1);
    let lead = &m[line_start..d.s];
    let after = m[d.e..].trim_start_matches(' ');
    lead.len() <= 60
        && !lead.contains(['.', '!', '?'])
        && lead.trim_end().ends_with(',')
        && after.starts_with(['-', '–', '—', '('])
}

/// "前往衡阳市政府", "来到信访局": going to a government office is a petition.
fn add_movement_petitions(m: &str, hits: &mut Vec<Hit>) {
    const VERBS: &[&str] = &["前往", "来到", "赶到", "赶往", "走向", "奔赴", "到", "赴", "去"];
    const OFFICES: &[&str] = &["政府", "信访", "市委", "县委", "区委", "省委", "大院"];
    let mut extra = Vec::new();
    for h in hits.iter().filter(|h| h.cat == Cat::Site) {
        let site = &m[h.s..h.e];
        if !OFFICES.iter().any(|o| site.contains(o)) {
            continue;
        }
        let floor = crate::evidence::floor_boundary(m, h.s.saturating_sub(36));
        let before = &m[floor..h.s];
        let clause = before
            .rfind([',', '\u{ff0c}', '。', ';', ':', '\n'])
            .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let before = &before[clause.min(before.len())..];
        if let Some(v) = VERBS.iter().filter_map(|v| before.rfind(v).map(|p| (p, v.len()))).max() {
            let s = h.s - before.len() + v.0;
            extra.push(Hit {
                s,
                e: s + v.1,
                cat: Cat::Tactic(unrest_codebook::Tactic::Petition),
                w: 1.0,
                neg: false,
            });
        }
    }
    hits.extend(extra);
    hits.sort_by_key(|h| (h.s, std::cmp::Reverse(h.e)));
}

fn shift(mut h: Hit, by: usize) -> Hit {
    h.s += by;
    h.e += by;
    h
}

/// One incident: the sentences that describe it and what fixes it in time
/// and space.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// Indices of its sentences; the first is the anchor.
    pub sents: Vec<usize>,
    pub date: Option<DateMention>,
    /// Last date from a continuation ("截至11月10日仍在持续").
    pub until: Option<DateMention>,
    /// The place that fixed the frame (None: to be inherited).
    pub chain: Option<Chain>,
    pub role: Role,
    /// Split off another frame for a second place in the same sentence.
    pub place_override: bool,
}

impl Frame {
    pub fn anchor(&self) -> usize {
        self.sents[0]
    }
}

/// Whether an action dated `d` is well before the report's own dates
/// (`floor`: the headline's first date or the publication date).
pub(crate) fn is_old(d: &DateMention, floor: Option<PartialDate>) -> bool {
    let Some(fl) = floor else { return false };
    let last = d.last();
    match last.precision() {
        unrest_codebook::DatePrecision::Day => dates::days_between(last, fl) > 7,
        unrest_codebook::DatePrecision::Month => {
            let (y, m, dd) = last.last_day();
            PartialDate::ymd(y, m, dd).is_some_and(|x| dates::days_between(x, fl) > 7)
        }
        unrest_codebook::DatePrecision::Year => last.year < fl.year,
    }
}

/// A place that stands as a place in its sentence (after punctuation, a
/// locative word or 的), not a piece of a longer name ("承建方山西建投").
fn standalone(a: &Analysis, c: &Chain, sent_start: usize) -> bool {
    if c.locative || c.s <= sent_start {
        return true;
    }
    match a.doc.m[..c.s].chars().next_back() {
        None => true,
        Some(p) => !crate::segment::is_cjk(p) || "的、和与及在于到自从".contains(p),
    }
}

/// Splits the analysed report into frames.
pub(crate) fn frames(a: &Analysis, floor: Option<PartialDate>) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut cur: Option<usize> = None;
    let mut last_primary: Option<usize> = None;
    for (i, s) in a.sents.iter().enumerate() {
        if s.headline_copy {
            continue;
        }
        let is_action = s.action >= 1.0 && !s.summary;
        let date = a.dates_in(s.s, s.e).next().copied();
        let all_refs: Vec<&Chain> = a.chains_in(s.s, s.e).collect();
        let chain_refs: Vec<&Chain> = all_refs.iter().copied().filter(|c| standalone(a, c, s.s)).collect();
        // a dated sentence may take a place inside a name ("银图电器江西吉安工厂");
        // an undated one needs a place standing on its own to start an event
        let chain: Option<&Chain> = if date.is_some() {
            place::best(&all_refs)
        } else {
            place::best(&chain_refs)
        };
        if s.continuation
            && let Some(c) = cur
            && let Some(d) = date
            && frames[c].date.is_some_and(|fd| d.start >= fd.start)
        {
            frames[c].until = Some(d);
            frames[c].sents.push(i);
            continue;
        }
        if !is_action {
            if let Some(c) = cur {
                let last = *frames[c].sents.last().unwrap_or(&i);
                let same_role = (frames[c].role == Role::Mentioned) == s.background;
                if a.sents[last].para == s.para && same_role {
                    frames[c].sents.push(i);
                } else if a.sents[last].para != s.para {
                    cur = None;
                }
            }
            continue;
        }
        let bg = s.background || date.is_some_and(|d| is_old(&d, floor));
        let role = if bg { Role::Mentioned } else { Role::Primary };
        let fits = |f: &Frame| {
            let date_ok = match (f.date, date) {
                (Some(fd), Some(d)) => d.start == fd.start || (d.start >= fd.start && d.start <= fd.last()),
                _ => true,
            };
            let place_ok = match (&f.chain, chain) {
                (Some(fc), Some(c2)) => Chain::compatible(fc.code(), c2.code()),
                _ => true,
            };
            (date.is_none() && chain.is_none()) || (date_ok && place_ok)
        };
        // the frame to join: the current one if it has this role, else the
        // last primary frame; then one with the same date in another
        // paragraph; then a primary frame still without date or place
        let mut join = if bg {
            cur.filter(|&c| frames[c].role == Role::Mentioned)
        } else {
            cur.filter(|&c| frames[c].role == Role::Primary).or(last_primary)
        }
        .filter(|&c| fits(&frames[c]));
        if join.is_none() && !bg && date.is_some() {
            join = frames.iter().position(|f| {
                f.role == Role::Primary
                    && f.date.is_some_and(|fd| date.is_some_and(|d| d.start == fd.start))
                    && a.sents[f.anchor()].para != s.para
                    && fits(f)
            });
        }
        if join.is_none() && !bg {
            join = frames
                .iter()
                .position(|f| f.role == Role::Primary && f.date.is_none() && f.chain.is_none());
        }
        if let Some(c) = join {
            let f = &mut frames[c];
            f.sents.push(i);
            if f.date.is_none() {
                f.date = date;
            }
            let deeper = match (&f.chain, chain) {
                (None, Some(_)) => true,
                (Some(fc), Some(c2)) => c2.path.len() > fc.path.len() && Chain::compatible(fc.code(), c2.code()),
                _ => false,
            };
            if deeper {
                f.chain = chain.cloned();
            }
            cur = Some(c);
            if !bg {
                last_primary = Some(c);
            }
            continue;
        }
        if date.is_none() && chain.is_none() && (bg || last_primary.is_some()) {
            // an undated background remark is not an event
            cur = None;
            continue;
        }
        frames.push(Frame {
            sents: vec![i],
            date,
            until: None,
            chain: chain.cloned(),
            role,
            place_override: false,
        });
        cur = Some(frames.len() - 1);
        if !bg {
            last_primary = cur;
        }
        // "金沙县和平塘县…两起": one incident per coordinated place
        if a.counts_incidents(s.s, s.e) {
            split_coordinated(a, &chain_refs, &mut frames, i);
            cur = Some(frames.len() - 1);
        }
    }
    // frames split per place share the sentences that followed them
    for k in 0..frames.len() {
        if !frames[k].place_override {
            continue;
        }
        let anchor = frames[k].anchor();
        let mut all: Vec<usize> = frames
            .iter()
            .filter(|f| f.place_override && f.anchor() == anchor)
            .flat_map(|f| f.sents.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        frames[k].sents = all;
    }
    frames
}

/// When a sentence names several places of one level joined by 和/、/及 and
/// counts incidents, each place gets its own frame.
fn split_coordinated(a: &Analysis, chains: &[&Chain], frames: &mut Vec<Frame>, sent: usize) {
    let usable: Vec<&Chain> = chains.iter().copied().filter(|c| !c.reference && !c.modifier).collect();
    if usable.len() < 2 || !a.counts_incidents(a.sents[sent].s, a.sents[sent].e) {
        return;
    }
    let level = usable.last().and_then(|c| c.unit()).map(|u| u.level);
    let same: Vec<&Chain> = usable
        .iter()
        .copied()
        .filter(|c| c.unit().map(|u| u.level) == level)
        .collect();
    if same.len() < 2 {
        return;
    }
    let Some(base) = frames.pop() else { return };
    for c in same {
        let mut f = base.clone();
        f.chain = Some(c.clone());
        f.place_override = true;
        frames.push(f);
    }
}
