//! The public records the geoparser returns; plain data, serialisable to JSON
//! for `unrest geo --json` and for the extraction crate.

use serde::{Deserialize, Serialize};

/// The level of an administrative unit, from country down to village. The
/// lowercase names are those of the codebook's `geo_precision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A country (ISO 3166-1), for incidents abroad.
    Country,
    /// A province, autonomous region, municipality or special region.
    Province,
    /// A prefecture-level city, prefecture, autonomous prefecture or league.
    Prefecture,
    /// A county, county-level city, district or banner.
    County,
    /// A town, township or subdistrict (9-digit code).
    Township,
    /// A village or residents' community (12-digit code).
    Village,
}

impl Level {
    /// The codebook's `geo_precision` value for this level.
    pub fn code(self) -> &'static str {
        match self {
            Level::Country => "country",
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
            Level::Township => "township",
            Level::Village => "village",
        }
    }

    pub(crate) fn from_u8(v: u8) -> Level {
        match v {
            0 => Level::Country,
            1 => Level::Province,
            2 => Level::Prefecture,
            3 => Level::County,
            4 => Level::Township,
            _ => Level::Village,
        }
    }
}

/// One administrative unit (or country) as callers see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// Division code (2, 4, 6, 9 or 12 digits), or ISO alpha-2 for a country.
    pub code: String,
    /// The unit's level.
    pub level: Level,
    /// Official full Chinese name ("宁波市", "桐光村").
    pub name: String,
    /// English form with its suffix ("Ningbo City", "Tongguang Village").
    pub name_en: String,
    /// Latitude (WGS84) of the unit, or of its county for townships and villages.
    pub lat: Option<f64>,
    /// Longitude (WGS84), inherited the same way as `lat`.
    pub lon: Option<f64>,
    /// "CN", or the ISO code of the country (or of Hong Kong, Macao, Taiwan).
    pub country: String,
}

/// The unit a mention resolves to, with its chain of ancestors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resolved {
    /// The resolved unit itself.
    pub unit: Unit,
    /// Province ..= unit, each level that exists (the unit alone for a country).
    pub path: Vec<Unit>,
}

/// One place mention found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offset of the first byte of the mention in the input.
    pub start: usize,
    /// Byte offset one past the mention's last byte.
    pub end: usize,
    /// The mention as written (`&text[start..end]`).
    pub text: String,
    /// Codes of every unit the words could name, most specific mention first.
    pub candidates: Vec<String>,
    /// The unit the text supports, if exactly one is supported.
    pub resolved: Option<Resolved>,
    /// False for traps (streets, attributive uses, common words) and for weak
    /// bare names; the extractor should not take these as incident places.
    pub confident: bool,
}
