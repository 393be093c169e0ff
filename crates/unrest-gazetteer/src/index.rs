//! The loaded gazetteer: unit columns, string offsets and the matchers.
//!
//! Provinces, prefectures, counties and countries (about 40,000 Chinese and
//! English keys) go into one character-wise Aho–Corasick automaton built at
//! load. Townships and villages (about 700,000 keys) are not put into an
//! automaton, whose construction would take seconds: their keys always end
//! in a suffix character (村, 镇, 社区, ...), so they are stored sorted by
//! their characters read backwards, and the scanner, at each suffix
//! character of the text, narrows that sorted list one character at a time
//! going left. Loading is a decompression and a few prefix sums.

use daachorse::CharwiseDoubleArrayAhoCorasick;

use crate::data::{AliasTable, Data, NONE};
use crate::{GazetteerError, Level, Unit};

/// Value in the automaton for the English words that end a township or
/// village name; added to the class (0 town, 1 subdistrict, 2 village,
/// 3 community).
pub(crate) const EN_ANCHOR_BASE: u32 = u32::MAX - 16;

/// English words that end a township or village mention, with their class.
pub(crate) const EN_ANCHORS: &[(&str, u8)] = &[
    ("town", 0),
    ("township", 0),
    ("subdistrict", 1),
    ("sub-district", 1),
    ("street", 1),
    ("village", 2),
    ("community", 3),
];

/// Offsets that make an [`AliasTable`] indexable.
pub(crate) struct Table {
    pub data: AliasTable,
    key_off: Vec<u32>,
    entry_off: Vec<u32>,
}

impl Table {
    fn new(data: AliasTable) -> Result<Table, GazetteerError> {
        let key_off = data.keys.offsets();
        if key_off.last().copied().unwrap_or(0) as usize != data.keys.text.len() {
            return Err(GazetteerError::Invalid("alias key lengths do not add up".into()));
        }
        let mut entry_off = Vec::with_capacity(data.counts.len() + 1);
        let mut at = 0u32;
        entry_off.push(0);
        for &c in &data.counts {
            at += c;
            entry_off.push(at);
        }
        Ok(Table {
            data,
            key_off,
            entry_off,
        })
    }

    pub fn len(&self) -> usize {
        self.data.counts.len()
    }

    pub fn key(&self, i: usize) -> &str {
        let (a, b) = (self.key_off[i] as usize, self.key_off[i + 1] as usize);
        self.data.keys.text.get(a..b).unwrap_or("")
    }

    /// (unit, kind) entries of key `i`.
    pub fn entries(&self, i: usize) -> impl Iterator<Item = (u32, u8)> + '_ {
        let (a, b) = (self.entry_off[i] as usize, self.entry_off[i + 1] as usize);
        self.data.units[a..b]
            .iter()
            .copied()
            .zip(self.data.kinds[a..b].iter().copied())
    }

    /// Index of the exact key, for tables sorted by plain key order.
    pub fn find(&self, key: &str) -> Option<usize> {
        let mut lo = 0usize;
        let mut hi = self.len();
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.key(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// The gazetteer: all units, names and matchers, loaded once (see
/// [`Gazetteer::embedded`]) and shared; every lookup takes `&self`.
pub struct Gazetteer {
    pub(crate) codes: Vec<u64>,
    pub(crate) levels: Vec<u8>,
    pub(crate) parents: Vec<u32>,
    names: crate::data::StrList,
    name_off: Vec<u32>,
    names_en: crate::data::StrList,
    name_en_off: Vec<u32>,
    lat: Vec<f32>,
    lon: Vec<f32>,
    region_iso: Vec<(u32, u16)>,
    pub(crate) upper: Table,
    pub(crate) lower: Table,
    pub(crate) lower_en: Table,
    pub(crate) automaton: CharwiseDoubleArrayAhoCorasick<u32>,
}

fn unpack_iso(v: u64) -> String {
    let a = ((v >> 8) & 0xff) as u8 as char;
    let b = (v & 0xff) as u8 as char;
    format!("{a}{b}")
}

impl Gazetteer {
    /// Decode compressed gazetteer data (the embedded file, or one built by
    /// the builder) and build the indexes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_data(Data::decode(bytes)?)
    }

    /// A gazetteer with no units, standing in when the embedded data is broken.
    pub(crate) fn empty() -> Gazetteer {
        let d = Data {
            version: crate::data::FORMAT_VERSION,
            ..Data::default()
        };
        // Only the fixed English anchor words go into the automaton, which
        // cannot fail to build.
        Gazetteer::from_data(d).expect("an empty gazetteer always builds")
    }

    fn from_data(d: Data) -> Result<Gazetteer, GazetteerError> {
        let name_off = d.names.offsets();
        let name_en_off = d.names_en.offsets();
        if name_off.last().copied().unwrap_or(0) as usize != d.names.text.len()
            || name_en_off.last().copied().unwrap_or(0) as usize != d.names_en.text.len()
        {
            return Err(GazetteerError::Invalid("name lengths do not add up".into()));
        }
        let upper = Table::new(d.upper)?;
        let mut patterns: Vec<(&str, u32)> = (0..upper.len()).map(|i| (upper.key(i), i as u32)).collect();
        for (w, class) in EN_ANCHORS {
            if upper.find(w).is_none() {
                patterns.push((w, EN_ANCHOR_BASE + u32::from(*class)));
            }
        }
        let automaton = CharwiseDoubleArrayAhoCorasick::with_values(patterns)
            .map_err(|e| GazetteerError::Invalid(format!("automaton: {e}")))?;
        Ok(Gazetteer {
            codes: d.codes,
            levels: d.levels,
            parents: d.parents,
            names: d.names,
            name_off,
            names_en: d.names_en,
            name_en_off,
            lat: d.lat,
            lon: d.lon,
            region_iso: d.region_iso,
            upper,
            lower: Table::new(d.lower)?,
            lower_en: Table::new(d.lower_en)?,
            automaton,
        })
    }

    /// Number of units, countries included.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when the gazetteer holds no unit (never for the embedded data).
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    pub(crate) fn level(&self, u: u32) -> Level {
        Level::from_u8(self.levels[u as usize])
    }

    pub(crate) fn name(&self, u: u32) -> &str {
        let i = u as usize;
        self.names
            .text
            .get(self.name_off[i] as usize..self.name_off[i + 1] as usize)
            .unwrap_or("")
    }

    pub(crate) fn name_en(&self, u: u32) -> &str {
        let i = u as usize;
        self.names_en
            .text
            .get(self.name_en_off[i] as usize..self.name_en_off[i + 1] as usize)
            .unwrap_or("")
    }

    pub(crate) fn parent(&self, u: u32) -> Option<u32> {
        let p = self.parents[u as usize];
        (p != NONE).then_some(p)
    }

    /// The code of a unit as text.
    pub(crate) fn code(&self, u: u32) -> String {
        let v = self.codes[u as usize];
        let width = match self.levels[u as usize] {
            0 => return unpack_iso(v),
            1 => 2,
            2 => 4,
            3 => 6,
            4 => 9,
            _ => 12,
        };
        format!("{v:0width$}")
    }

    /// True if `a` is `b` or one of its ancestors.
    pub(crate) fn is_ancestor_or_self(&self, a: u32, b: u32) -> bool {
        let mut cur = Some(b);
        while let Some(c) = cur {
            if c == a {
                return true;
            }
            if self.levels[c as usize] <= self.levels[a as usize] {
                return false;
            }
            cur = self.parent(c);
        }
        false
    }

    /// Unit index by code text.
    pub(crate) fn find_code(&self, code: &str) -> Option<u32> {
        let code = code.trim();
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            let b = code.as_bytes();
            let packed = (u64::from(b[0]) << 8) | u64::from(b[1]);
            if let Some((u, _)) = self.region_iso.iter().find(|(_, iso)| u64::from(*iso) == packed) {
                return Some(*u);
            }
            return (0..self.len())
                .find(|&i| self.levels[i] == 0 && self.codes[i] == packed)
                .map(|i| i as u32);
        }
        let level = match code.len() {
            2 => 1,
            4 => 2,
            6 => 3,
            9 => 4,
            12 => 5,
            _ => return None,
        };
        let v: u64 = code.parse().ok()?;
        // Chinese units are sorted by code text, which for one level is
        // numeric order; scan the level's run with a binary search over all.
        let start = self.levels.iter().position(|&l| l != 0).unwrap_or(self.len());
        let slice = &self.codes[start..];
        let key = |i: usize| -> String { format!("{:0w$}", slice[i], w = width_of(self.levels[start + i])) };
        let mut lo = 0usize;
        let mut hi = slice.len();
        while lo < hi {
            let mid = (lo + hi) / 2;
            if key(mid).as_str() < code {
                lo = mid + 1
            } else {
                hi = mid
            }
        }
        (lo < slice.len() && self.levels[start + lo] == level && slice[lo] == v).then_some((start + lo) as u32)
    }

    /// The county (or higher unit) whose point a township or village uses.
    fn point_of(&self, u: u32) -> (Option<f64>, Option<f64>) {
        let mut cur = Some(u);
        while let Some(c) = cur {
            let (la, lo) = (self.lat[c as usize], self.lon[c as usize]);
            if !la.is_nan() && !lo.is_nan() {
                return (Some(f64::from(la)), Some(f64::from(lo)));
            }
            cur = self.parent(c);
        }
        (None, None)
    }

    /// The public record of unit `u`.
    pub(crate) fn make_unit(&self, u: u32) -> Unit {
        let (lat, lon) = self.point_of(u);
        let level = self.level(u);
        let country = if level == Level::Country {
            self.code(u)
        } else {
            let mut top = u;
            while let Some(p) = self.parent(top) {
                top = p;
            }
            self.region_iso
                .iter()
                .find(|(r, _)| *r == top)
                .map_or("CN".to_string(), |(_, iso)| unpack_iso(u64::from(*iso)))
        };
        Unit {
            code: self.code(u),
            level,
            name: self.name(u).to_string(),
            name_en: self.name_en(u).to_string(),
            lat: lat.map(round5),
            lon: lon.map(round5),
            country,
        }
    }

    /// Unit indices from the province down to `u`.
    pub(crate) fn path_of(&self, u: u32) -> Vec<u32> {
        let mut p = vec![u];
        let mut cur = u;
        while let Some(x) = self.parent(cur) {
            p.push(x);
            cur = x;
        }
        p.reverse();
        p
    }
}

fn width_of(level: u8) -> usize {
    match level {
        1 => 2,
        2 => 4,
        3 => 6,
        4 => 9,
        _ => 12,
    }
}

fn round5(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}
