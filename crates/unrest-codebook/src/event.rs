//! The coded event: one protest incident in the codebook's record format.

use crate::{CodebookError, DatePrecision, Group, Issue, PartialDate, Tactic, Target};
use serde::{Deserialize, Serialize};

/// Whether the report is about the incident or cites it as background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// An incident the report is about.
    #[default]
    Primary,
    /// An earlier or parallel incident cited as background.
    Mentioned,
}

/// What the action obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The action got what it sought.
    Achieved,
    /// A concession or promise.
    Partial,
    /// Refused or crushed with nothing gained.
    None,
    /// The text does not say.
    #[default]
    Unknown,
}

/// The most specific administrative level known for an event's location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GeoPrecision {
    /// 12-digit village code.
    Village,
    /// 9-digit township code.
    Township,
    /// 6-digit county code.
    County,
    /// 4-digit prefecture code.
    Prefecture,
    /// 2-digit province code.
    Province,
    /// Only the country is known.
    Country,
}

impl GeoPrecision {
    /// The code written in JSON.
    pub fn code(self) -> &'static str {
        match self {
            GeoPrecision::Village => "village",
            GeoPrecision::Township => "township",
            GeoPrecision::County => "county",
            GeoPrecision::Prefecture => "prefecture",
            GeoPrecision::Province => "province",
            GeoPrecision::Country => "country",
        }
    }

    /// The number of digits an adcode has at this level (0 for country).
    pub fn adcode_len(self) -> usize {
        match self {
            GeoPrecision::Village => 12,
            GeoPrecision::Township => 9,
            GeoPrecision::County => 6,
            GeoPrecision::Prefecture => 4,
            GeoPrecision::Province => 2,
            GeoPrecision::Country => 0,
        }
    }

    /// The level an adcode of this many digits names.
    pub fn from_adcode_len(len: usize) -> Option<Self> {
        Some(match len {
            12 => GeoPrecision::Village,
            9 => GeoPrecision::Township,
            6 => GeoPrecision::County,
            4 => GeoPrecision::Prefecture,
            2 => GeoPrecision::Province,
            _ => return None,
        })
    }
}

/// A span of the report text that supports one coded field. Offsets count
/// Unicode characters (not bytes), end exclusive, so that tools in any
/// language can check `text == report[start..end]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The codebook key this span supports ("tactics", "size_min", ...).
    pub field: String,
    /// The words, verbatim.
    pub text: String,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// One coded protest event, field for field as in `codebook.md`.
///
/// Field order is the codebook's, so JSON Lines output reads like the
/// documentation. Optional fields serialise as `null` rather than being
/// omitted: "the text does not say" is information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Title of the report the event was coded from.
    pub report: String,
    /// Primary or mentioned.
    pub role: Role,
    /// Short headline in Chinese.
    pub title_zh: Option<String>,
    /// Short headline in English.
    pub title_en: Option<String>,
    /// First day of the collective action.
    pub start_date: Option<PartialDate>,
    /// Last day of the collective action.
    pub end_date: Option<PartialDate>,
    /// The coarsest precision of the two dates.
    pub date_precision: Option<DatePrecision>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Official full name of the province.
    pub province: Option<String>,
    /// Official full name of the prefecture.
    pub prefecture: Option<String>,
    /// Official full name of the county.
    pub county: Option<String>,
    /// Official full name of the township.
    pub township: Option<String>,
    /// Official full name of the village.
    pub village: Option<String>,
    /// Division code of the most specific unit known.
    pub adcode: Option<String>,
    /// A site below the village, as written.
    pub place: Option<String>,
    /// The most specific administrative level known.
    pub geo_precision: Option<GeoPrecision>,
    /// WGS84 latitude.
    pub lat: Option<f64>,
    /// WGS84 longitude.
    pub lon: Option<f64>,
    /// Grievances.
    #[serde(default)]
    pub issues: Vec<Issue>,
    /// Who acted.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// What they did.
    #[serde(default)]
    pub tactics: Vec<Tactic>,
    /// Whom the action addressed.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Lower bound of participants.
    pub size_min: Option<u32>,
    /// Upper bound of participants.
    pub size_max: Option<u32>,
    /// The words the size was read from.
    pub size_text: Option<String>,
    /// Security forces deployed against the action.
    pub police: Option<bool>,
    /// Lower bound of people detained.
    pub arrests_min: Option<u32>,
    /// Upper bound of people detained.
    pub arrests_max: Option<u32>,
    /// Participants were beaten, dragged or otherwise hurt.
    pub violence: Option<bool>,
    /// Participants injured.
    pub injuries: Option<u32>,
    /// Participants killed.
    pub deaths: Option<u32>,
    /// Posts deleted, blocked or throttled.
    pub censorship: Option<bool>,
    /// Warnings, threats, summons or surveillance.
    pub intimidation: Option<bool>,
    /// What the action obtained.
    #[serde(default)]
    pub outcome: Outcome,
    /// The demands as written.
    #[serde(default)]
    pub demands: Vec<String>,
    /// Spans supporting each coded field.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

impl Event {
    /// An event with nothing coded but its report title and role.
    pub fn new(report: impl Into<String>, role: Role) -> Self {
        Event {
            report: report.into(),
            role,
            title_zh: None,
            title_en: None,
            start_date: None,
            end_date: None,
            date_precision: None,
            country: None,
            province: None,
            prefecture: None,
            county: None,
            township: None,
            village: None,
            adcode: None,
            place: None,
            geo_precision: None,
            lat: None,
            lon: None,
            issues: Vec::new(),
            groups: Vec::new(),
            tactics: Vec::new(),
            targets: Vec::new(),
            size_min: None,
            size_max: None,
            size_text: None,
            police: None,
            arrests_min: None,
            arrests_max: None,
            violence: None,
            injuries: None,
            deaths: None,
            censorship: None,
            intimidation: None,
            outcome: Outcome::Unknown,
            demands: Vec::new(),
            evidence: Vec::new(),
        }
    }

    /// Reads one JSON record and checks it against the codebook. Errors name
    /// the field path (`issues[1]`, `start_date`) and the value.
    pub fn from_json(line: &str) -> Result<Self, CodebookError> {
        let mut de = serde_json::Deserializer::from_str(line);
        let event: Event = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            if inner.is_syntax() || inner.is_eof() {
                CodebookError::Json(inner.to_string())
            } else {
                CodebookError::Field {
                    field: if path == "." { "(record)".into() } else { path },
                    message: strip_position(&inner.to_string()),
                }
            }
        })?;
        de.end().map_err(|e| CodebookError::Json(e.to_string()))?;
        event.validate()?;
        Ok(event)
    }

    /// The record as one line of JSON (codebook key order, nulls kept).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an Event always serialises")
    }

    /// Checks the rules that span several fields: date order and precision,
    /// size and arrest bounds, code shapes, evidence offsets.
    pub fn validate(&self) -> Result<(), CodebookError> {
        let bad = |field: &'static str, value: String, problem: &str| {
            Err(CodebookError::Inconsistent {
                field,
                value,
                problem: problem.into(),
            })
        };
        if let (Some(s), Some(e)) = (self.start_date, self.end_date)
            && e.last_day() < s.first_day()
        {
            return bad("end_date", e.to_string(), &format!("is before start_date `{s}`"));
        }
        if let Some(p) = self.date_precision {
            let coarsest = [self.start_date, self.end_date]
                .iter()
                .flatten()
                .map(|d| d.precision())
                .max();
            if let Some(c) = coarsest
                && c != p
            {
                return bad(
                    "date_precision",
                    p.code().into(),
                    &format!("does not match the dates (coarsest is `{}`)", c.code()),
                );
            }
        }
        if let (Some(a), Some(b)) = (self.size_min, self.size_max)
            && b < a
        {
            return bad("size_max", b.to_string(), &format!("is below size_min `{a}`"));
        }
        if let (Some(a), Some(b)) = (self.arrests_min, self.arrests_max)
            && b < a
        {
            return bad("arrests_max", b.to_string(), &format!("is below arrests_min `{a}`"));
        }
        if let Some(c) = &self.country
            && (c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return bad(
                "country",
                c.clone(),
                "is not an ISO 3166-1 alpha-2 code (two capital letters)",
            );
        }
        if let Some(a) = &self.adcode
            && (GeoPrecision::from_adcode_len(a.len()).is_none() || !a.bytes().all(|b| b.is_ascii_digit()))
        {
            return bad("adcode", a.clone(), "is not a division code of 2, 4, 6, 9 or 12 digits");
        }
        if let Some(lat) = self.lat
            && !(-90.0..=90.0).contains(&lat)
        {
            return bad("lat", lat.to_string(), "is outside -90..90");
        }
        if let Some(lon) = self.lon
            && !(-180.0..=180.0).contains(&lon)
        {
            return bad("lon", lon.to_string(), "is outside -180..180");
        }
        for ev in &self.evidence {
            if ev.end < ev.start {
                return bad("evidence", format!("{}..{}", ev.start, ev.end), "has end before start");
            }
        }
        Ok(())
    }

    /// Sets both dates and the precision that follows from them.
    pub fn set_dates(&mut self, start: Option<PartialDate>, end: Option<PartialDate>) {
        self.start_date = start;
        self.end_date = end;
        self.date_precision = [start, end].iter().flatten().map(|d| d.precision()).max();
    }
}

/// serde_json appends " at line 1 column 57" to messages; the caller
/// reports its own file and line, so the position is noise.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r#"{"report": "某厂工人罢工", "role": "primary", "title_zh": null, "title_en": null, "start_date": "2025-11-01", "end_date": "2025-11-03", "date_precision": "day", "country": "CN", "province": "贵州省", "prefecture": "遵义市", "county": "桐梓县", "township": null, "village": null, "adcode": "520322", "place": "某煤矿", "geo_precision": "county", "lat": 28.13, "lon": 106.82, "issues": ["labor.wages"], "groups": ["workers"], "tactics": ["strike"], "targets": ["company"], "size_min": 200, "size_max": 999, "size_text": "数百工人", "police": null, "arrests_min": null, "arrests_max": null, "violence": null, "injuries": null, "deaths": null, "censorship": null, "intimidation": null, "outcome": "unknown", "demands": ["发工资"], "evidence": [{"field": "tactics", "text": "罢工", "start": 4, "end": 6}]}"#;

    #[test]
    fn round_trips_exactly() {
        let e = Event::from_json(FULL).unwrap();
        let again = Event::from_json(&e.to_json()).unwrap();
        assert_eq!(e, again);
        let a: serde_json::Value = serde_json::from_str(FULL).unwrap();
        let b: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn unknown_code_names_field_and_value() {
        let line = FULL.replace("\"labor.wages\"", "\"labour\"");
        let err = Event::from_json(&line).unwrap_err().to_string();
        assert!(err.contains("issues[0]"), "{err}");
        assert!(err.contains("labour"), "{err}");
    }

    #[test]
    fn malformed_date_names_field_and_value() {
        let line = FULL.replace("\"2025-11-03\"", "\"2025-11-31\"");
        let err = Event::from_json(&line).unwrap_err().to_string();
        assert!(err.contains("end_date"), "{err}");
        assert!(err.contains("2025-11-31"), "{err}");
    }

    #[test]
    fn unknown_key_is_rejected() {
        let line = FULL.replace("\"place\"", "\"site\"");
        let err = Event::from_json(&line).unwrap_err().to_string();
        assert!(err.contains("site"), "{err}");
    }

    #[test]
    fn truncated_json_is_a_json_error() {
        let err = Event::from_json(&FULL[..60]).unwrap_err();
        assert!(matches!(err, CodebookError::Json(_)), "{err}");
    }

    #[test]
    fn cross_field_rules() {
        let line = FULL.replace("\"size_max\": 999", "\"size_max\": 9");
        assert!(Event::from_json(&line).unwrap_err().to_string().contains("size_max"));
        let line = FULL.replace("\"adcode\": \"520322\"", "\"adcode\": \"52032\"");
        assert!(Event::from_json(&line).unwrap_err().to_string().contains("adcode"));
        let line = FULL.replace("\"start_date\": \"2025-11-01\"", "\"start_date\": \"2025-12-01\"");
        assert!(Event::from_json(&line).unwrap_err().to_string().contains("end_date"));
    }

    #[test]
    fn set_dates_derives_precision() {
        let mut e = Event::new("r", Role::Primary);
        e.set_dates("2025-06".parse().ok(), "2025-06-30".parse().ok());
        assert_eq!(e.date_precision, Some(DatePrecision::Month));
    }
}
