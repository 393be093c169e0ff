//! The coding lexicon: terms and weights for issues, groups, tactics, targets,
//! responses, outcomes and the cue words the rules use, read from TOML and
//! compiled into one Aho-Corasick automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use unrest_codebook::{Group, Issue, Tactic, Target, Vocabulary};

/// The lexicon compiled into the binary (`crates/unrest-extract/lexicon.toml`).
pub const EMBEDDED_TOML: &str = include_str!("../lexicon.toml");

/// Why a lexicon file could not be used. Messages name the section and the
/// offending value so an editor can fix the file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file is not valid TOML or does not have the expected shape.
    #[error("lexicon is not valid: {0}")]
    Toml(String),
    /// A `code` that is not in the codebook's vocabulary.
    #[error("lexicon [[{section}]]: unknown code `{code}` (see codebook.md for the list)")]
    UnknownCode {
        /// The section ("issue", "group", "tactic", "target").
        section: &'static str,
        /// The code as written.
        code: String,
    },
    /// An empty term, which would match everywhere.
    #[error("lexicon [{section}]: empty term")]
    EmptyTerm {
        /// The section the term is in.
        section: String,
    },
    /// A country key that is not two capital letters.
    #[error("lexicon [countries]: `{0}` is not an ISO 3166-1 alpha-2 code")]
    BadCountry(String),
    /// A weight that is not a positive finite number.
    #[error("lexicon [[{section}]] `{code}`: weight {weight} must be a positive number")]
    BadWeight {
        /// The section.
        section: &'static str,
        /// The code of the entry.
        code: String,
        /// The weight as read.
        weight: f32,
    },
    /// The automaton could not be built (too many patterns).
    #[error("lexicon could not be compiled: {0}")]
    Build(String),
}

/// What a matched term means to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cat {
    Issue(Issue),
    Group(Group),
    Tactic(Tactic),
    Target(Target),
    StateCo,
    ForeignCo,
    Police,
    Violence,
    Censorship,
    Intimidation,
    Arrest,
    Injury,
    Death,
    Achieved,
    Partial,
    NoGain,
    Negation,
    Hedge,
    Background,
    Continuation,
    Summary,
    Workforce,
    Demand,
    Site,
    Country(u16),
}

/// One term occurrence in the matching text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub s: usize,
    pub e: usize,
    pub cat: Cat,
    pub w: f32,
    /// Negated in its clause (set once the report is read).
    pub neg: bool,
}

/// Weights of where a hit occurs (see `[scoring]` in the TOML).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Scoring {
    pub headline: f32,
    pub anchor: f32,
    pub frame: f32,
    pub context: f32,
    pub threshold: f32,
    pub relative: f32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    code: String,
    #[serde(default = "one")]
    weight: f32,
    terms: Vec<String>,
}

fn one() -> f32 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Companies {
    state: Vec<String>,
    foreign: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Response {
    police: Vec<String>,
    violence: Vec<String>,
    censorship: Vec<String>,
    intimidation: Vec<String>,
    arrest: Vec<String>,
    injury: Vec<String>,
    death: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutcomeTerms {
    achieved: Vec<String>,
    partial: Vec<String>,
    none: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    negation: Vec<String>,
    hedge: Vec<String>,
    background: Vec<String>,
    continuation: Vec<String>,
    summary: Vec<String>,
    workforce: Vec<String>,
    demand: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sites {
    suffixes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: String,
    scoring: Scoring,
    #[serde(default)]
    issue: Vec<Entry>,
    #[serde(default)]
    group: Vec<Entry>,
    #[serde(default)]
    tactic: Vec<Entry>,
    #[serde(default)]
    target: Vec<Entry>,
    companies: Companies,
    response: Response,
    outcome: OutcomeTerms,
    cues: Cues,
    sites: Sites,
    #[serde(default)]
    countries: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Copy)]
struct PatternInfo {
    /// Starts with an ASCII letter: needs a word boundary before it.
    ascii: bool,
    /// Ends with `*` in the file: any word ending may follow.
    prefix: bool,
}

/// The editable coding rules, compiled for matching.
///
/// Build one with [`Lexicon::from_toml`] or take the built-in one with
/// [`Lexicon::embedded`]; cloning is cheap (the automaton is shared).
#[derive(Clone)]
pub struct Lexicon {
    version: String,
    pub(crate) scoring: Scoring,
    ac: AhoCorasick,
    info: Vec<PatternInfo>,
    meanings: Vec<Vec<(Cat, f32)>>,
    /// ISO codes of `[countries]`, indexed by `Cat::Country`.
    pub(crate) countries: Vec<String>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("version", &self.version)
            .field("patterns", &self.info.len())
            .finish()
    }
}

struct Builder {
    patterns: Vec<String>,
    index: HashMap<String, usize>,
    info: Vec<PatternInfo>,
    meanings: Vec<Vec<(Cat, f32)>>,
}

impl Builder {
    fn add(&mut self, section: &str, term: &str, cat: Cat, w: f32) -> Result<(), LexiconError> {
        let t = term.trim_matches(|c: char| c == '\n' || c == '\t');
        let (t, prefix) = match t.strip_suffix('*') {
            Some(t) => (t, true),
            None => (t, false),
        };
        if t.trim().is_empty() {
            return Err(LexiconError::EmptyTerm {
                section: section.to_string(),
            });
        }
        let key = if t.is_ascii() {
            t.to_ascii_lowercase()
        } else {
            t.to_string()
        };
        let key = if prefix { format!("{key}*") } else { key };
        let idx = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                let i = self.patterns.len();
                self.patterns.push(t.to_string());
                self.index.insert(key, i);
                self.info.push(PatternInfo {
                    ascii: t.starts_with(|c: char| c.is_ascii_alphanumeric()),
                    prefix,
                });
                self.meanings.push(Vec::new());
                i
            }
        };
        if !self.meanings[idx].iter().any(|(c, _)| *c == cat) {
            self.meanings[idx].push((cat, w));
        }
        Ok(())
    }

    fn add_all(&mut self, section: &str, terms: &[String], cat: Cat) -> Result<(), LexiconError> {
        terms.iter().try_for_each(|t| self.add(section, t, cat, 1.0))
    }
}

fn vocab_entries<V: Vocabulary>(
    b: &mut Builder,
    section: &'static str,
    entries: &[Entry],
    wrap: fn(V) -> Cat,
) -> Result<(), LexiconError> {
    for e in entries {
        let v = V::from_code(&e.code).ok_or_else(|| LexiconError::UnknownCode {
            section,
            code: e.code.clone(),
        })?;
        if !(e.weight.is_finite() && e.weight > 0.0) {
            return Err(LexiconError::BadWeight {
                section,
                code: e.code.clone(),
                weight: e.weight,
            });
        }
        for t in &e.terms {
            b.add(section, t, wrap(v), e.weight)?;
        }
    }
    Ok(())
}

impl Lexicon {
    /// The lexicon compiled into the binary, built on first use.
    pub fn embedded() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::from_toml(EMBEDDED_TOML).expect("the embedded lexicon is valid (tested)"))
    }

    /// Reads and compiles a lexicon file (the format of `lexicon.toml`).
    pub fn from_toml(text: &str) -> Result<Lexicon, LexiconError> {
        let f: File = toml::from_str(text).map_err(|e| LexiconError::Toml(e.to_string()))?;
        let mut b = Builder {
            patterns: Vec::new(),
            index: HashMap::new(),
            info: Vec::new(),
            meanings: Vec::new(),
        };
        vocab_entries::<Issue>(&mut b, "issue", &f.issue, Cat::Issue)?;
        vocab_entries::<Group>(&mut b, "group", &f.group, Cat::Group)?;
        vocab_entries::<Tactic>(&mut b, "tactic", &f.tactic, Cat::Tactic)?;
        vocab_entries::<Target>(&mut b, "target", &f.target, Cat::Target)?;
        b.add_all("companies", &f.companies.state, Cat::StateCo)?;
        b.add_all("companies", &f.companies.foreign, Cat::ForeignCo)?;
        let r = &f.response;
        b.add_all("response", &r.police, Cat::Police)?;
        b.add_all("response", &r.violence, Cat::Violence)?;
        b.add_all("response", &r.censorship, Cat::Censorship)?;
        b.add_all("response", &r.intimidation, Cat::Intimidation)?;
        b.add_all("response", &r.arrest, Cat::Arrest)?;
        b.add_all("response", &r.injury, Cat::Injury)?;
        b.add_all("response", &r.death, Cat::Death)?;
        b.add_all("outcome", &f.outcome.achieved, Cat::Achieved)?;
        b.add_all("outcome", &f.outcome.partial, Cat::Partial)?;
        b.add_all("outcome", &f.outcome.none, Cat::NoGain)?;
        let c = &f.cues;
        b.add_all("cues", &c.negation, Cat::Negation)?;
        b.add_all("cues", &c.hedge, Cat::Hedge)?;
        b.add_all("cues", &c.background, Cat::Background)?;
        b.add_all("cues", &c.continuation, Cat::Continuation)?;
        b.add_all("cues", &c.summary, Cat::Summary)?;
        b.add_all("cues", &c.workforce, Cat::Workforce)?;
        b.add_all("cues", &c.demand, Cat::Demand)?;
        b.add_all("sites", &f.sites.suffixes, Cat::Site)?;
        let mut countries = Vec::new();
        for (code, names) in &f.countries {
            if code.len() != 2 || !code.bytes().all(|c| c.is_ascii_uppercase()) {
                return Err(LexiconError::BadCountry(code.clone()));
            }
            let idx = countries.len() as u16;
            countries.push(code.clone());
            b.add_all("countries", names, Cat::Country(idx))?;
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&b.patterns)
            .map_err(|e| LexiconError::Build(e.to_string()))?;
        Ok(Lexicon {
            version: f.version,
            scoring: f.scoring,
            ac,
            info: b.info,
            meanings: b.meanings,
            countries,
        })
    }

    /// The `version` string of the file, recorded with coded events.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Every term occurrence in `text`, overlapping ones included, ordered by
    /// start. English terms respect word boundaries.
    pub(crate) fn scan(&self, text: &str) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut hits = Vec::with_capacity(text.len() / 16);
        for m in self.ac.find_overlapping_iter(text) {
            let pid = m.pattern().as_usize();
            let info = self.info[pid];
            if info.ascii {
                let before_ok = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
                let after_ok = info.prefix || m.end() >= bytes.len() || !bytes[m.end()].is_ascii_alphanumeric();
                if !(before_ok && after_ok) {
                    continue;
                }
            }
            let mut e = m.end();
            if info.prefix {
                while e < bytes.len() && (bytes[e].is_ascii_alphanumeric() || bytes[e] == b'-') {
                    e += 1;
                }
            }
            for &(cat, w) in &self.meanings[pid] {
                hits.push(Hit {
                    s: m.start(),
                    e,
                    cat,
                    w,
                    neg: false,
                });
            }
        }
        hits.sort_by_key(|h| (h.s, std::cmp::Reverse(h.e)));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_compiles() {
        let l = Lexicon::embedded();
        assert!(!l.version().is_empty());
        let hits = l.scan("工人罢工讨薪");
        assert!(hits.iter().any(|h| h.cat == Cat::Tactic(Tactic::Strike)));
        assert!(hits.iter().any(|h| h.cat == Cat::Issue(Issue::LaborWages)));
    }

    #[test]
    fn english_terms_need_word_boundaries() {
        let l = Lexicon::embedded();
        let hits = l.scan("Workers went on strike; the strikers marched.");
        let strikes = hits.iter().filter(|h| h.cat == Cat::Tactic(Tactic::Strike)).count();
        assert_eq!(strikes, 2);
        let hits = l.scan("the pays and payments");
        assert!(!hits.iter().any(|h| h.cat == Cat::Issue(Issue::LaborWages)));
    }

    #[test]
    fn unknown_code_is_an_error() {
        let bad = EMBEDDED_TOML.replacen("code = \"labor.wages\"", "code = \"labour\"", 1);
        let err = Lexicon::from_toml(&bad).unwrap_err().to_string();
        assert!(err.contains("labour"), "{err}");
        assert!(Lexicon::from_toml("version = 1").is_err());
    }

    #[test]
    fn edited_copy_changes_rules() {
        let edited = EMBEDDED_TOML.replacen("terms = [\"罢工\",", "terms = [\"罢工\", \"歇工\",", 1);
        let l = Lexicon::from_toml(&edited).unwrap();
        assert!(l.scan("歇工").iter().any(|h| h.cat == Cat::Tactic(Tactic::Strike)));
        assert!(
            !Lexicon::embedded()
                .scan("歇工")
                .iter()
                .any(|h| h.cat == Cat::Tactic(Tactic::Strike))
        );
    }
}
