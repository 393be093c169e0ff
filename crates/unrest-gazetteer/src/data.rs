//! The on-disk form of the gazetteer: columns of plain numbers and
//! concatenated strings, serialised with postcard and compressed with zstd.
//!
//! Columns rather than one struct per unit keep 660,000 units to a few
//! allocations, so loading is one decompression and a handful of prefix sums.

use serde::{Deserialize, Serialize};

use crate::GazetteerError;

/// Bumped whenever the layout changes; the loader refuses other versions.
pub(crate) const FORMAT_VERSION: u32 = 1;

/// Largest decompressed size accepted in one allocation (the real file is
/// about 45 MB).
const MAX_DECOMPRESSED: u64 = 1 << 30;

/// Unit index meaning "no parent".
pub(crate) const NONE: u32 = u32::MAX;

/// Many short strings stored as one `String` and their byte lengths.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct StrList {
    pub text: String,
    pub lens: Vec<u16>,
}

impl StrList {
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.lens.push(u16::try_from(s.len()).unwrap_or(u16::MAX));
    }

    /// Byte offsets of each string's start, plus the total length at the end.
    pub fn offsets(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.lens.len() + 1);
        let mut at = 0u32;
        out.push(0);
        for &l in &self.lens {
            at += u32::from(l);
            out.push(at);
        }
        out
    }
}

/// A table of alias keys, each with one or more (unit, kind) entries.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct AliasTable {
    /// Distinct keys, in the table's order.
    pub keys: StrList,
    /// How many entries each key has.
    pub counts: Vec<u32>,
    /// Entry unit indices, grouped by key.
    pub units: Vec<u32>,
    /// Entry kinds (`names::AliasKind` for Chinese tables, an English class
    /// for the English lower table), grouped by key.
    pub kinds: Vec<u8>,
}

/// Everything the gazetteer stores.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Data {
    pub version: u32,
    /// Division code as a number (digits implied by the level), or for a
    /// country its two ISO letters as `(a << 8) | b`.
    pub codes: Vec<u64>,
    /// `Level as u8` per unit.
    pub levels: Vec<u8>,
    /// Parent unit index, or [`NONE`].
    pub parents: Vec<u32>,
    /// Official name per unit.
    pub names: StrList,
    /// English form per unit.
    pub names_en: StrList,
    /// Latitude per unit; NaN where the unit inherits its county's point.
    pub lat: Vec<f32>,
    /// Longitude per unit, as `lat`.
    pub lon: Vec<f32>,
    /// ISO code of the province-level regions that are not "CN" (HK, MO, TW):
    /// pairs of (unit index, packed ISO).
    pub region_iso: Vec<(u32, u16)>,
    /// Province, prefecture, county and country names, Chinese and English
    /// (English keys lowercase), sorted by key.
    pub upper: AliasTable,
    /// Township and village names, sorted by their characters read backwards.
    pub lower: AliasTable,
    /// Township and village pinyin keys (letters only, lowercase), sorted.
    pub lower_en: AliasTable,
}

impl Data {
    /// Serialise and compress.
    pub fn encode(&self) -> Result<Vec<u8>, GazetteerError> {
        let raw = postcard::to_allocvec(self)?;
        Ok(zstd::bulk::compress(&raw, 19)?)
    }

    /// Decompress and deserialise, checking the format version.
    pub fn decode(bytes: &[u8]) -> Result<Data, GazetteerError> {
        // One allocation of the exact size when the frame records it (the
        // builder's does); growing a buffer would copy 40 MB several times.
        let raw = match zstd::zstd_safe::get_frame_content_size(bytes) {
            Ok(Some(n)) if n <= MAX_DECOMPRESSED => zstd::bulk::decompress(bytes, n as usize)?,
            _ => zstd::stream::decode_all(bytes)?,
        };
        let data: Data = postcard::from_bytes(&raw)?;
        if data.version != FORMAT_VERSION {
            return Err(GazetteerError::Invalid(format!(
                "format version {} (this build reads {FORMAT_VERSION})",
                data.version
            )));
        }
        let n = data.codes.len();
        let same = [
            data.levels.len(),
            data.parents.len(),
            data.names.lens.len(),
            data.names_en.lens.len(),
        ];
        if same.iter().any(|&l| l != n) || data.lat.len() != n || data.lon.len() != n {
            return Err(GazetteerError::Invalid("unit columns differ in length".into()));
        }
        for t in [&data.upper, &data.lower, &data.lower_en] {
            let total: u64 = t.counts.iter().map(|&c| u64::from(c)).sum();
            if t.keys.lens.len() != t.counts.len() || total != t.units.len() as u64 || t.units.len() != t.kinds.len() {
                return Err(GazetteerError::Invalid("alias table is inconsistent".into()));
            }
            if t.units.iter().any(|&u| u as usize >= n) {
                return Err(GazetteerError::Invalid("alias refers to a missing unit".into()));
            }
        }
        if data.parents.iter().any(|&p| p != NONE && p as usize >= n) {
            return Err(GazetteerError::Invalid("parent refers to a missing unit".into()));
        }
        Ok(data)
    }
}
