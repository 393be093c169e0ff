//! What of a stored event and report may leave the server: an explicit
//! allow-list. Every public output (pages, API, feeds, downloads) goes
//! through these views. The records are copied field by field with
//! exhaustive destructuring, so adding a field to `Event`, `Report` or
//! `StoredEvent` fails to compile here until someone decides whether it is
//! public.

use serde::Serialize;
use unrest_codebook::{Event, Lang as ReportLang, PartialDate, Report};
use unrest_store::{Status, StoredEvent, StoredReport};

/// A published event as the public sees it.
#[derive(Debug, Clone, Serialize)]
pub struct PublicEvent {
    /// Stable public id (`E000123`).
    pub id: String,
    /// Permalink (absolute).
    pub url: String,
    /// When it was last published, RFC 3339 UTC.
    pub published_at: Option<String>,
    /// When it last changed, RFC 3339 UTC.
    pub updated_at: String,
    /// The codebook record.
    pub record: Event,
    /// Row id of its report, to fetch the report (not shown).
    #[serde(skip)]
    pub report_id: Option<i64>,
}

impl PublicEvent {
    /// The public view of a stored event; `None` unless it is published, so
    /// no caller can show a draft by mistake.
    pub fn from_stored(stored: StoredEvent, base_url: &str) -> Option<PublicEvent> {
        let StoredEvent {
            id: _,
            public_id,
            report_id,
            status,
            event,
            created_at: _,
            updated_at,
            published_at,
        } = stored;
        (status == Status::Published).then(|| PublicEvent {
            url: format!("{base_url}/e/{public_id}"),
            id: public_id,
            published_at,
            updated_at,
            record: public_record(event),
            report_id,
        })
    }

    /// The headline in a language, falling back to the other language and
    /// then to the report title.
    pub fn title(&self, lang: crate::lang::Lang) -> &str {
        let (zh, en) = (self.record.title_zh.as_deref(), self.record.title_en.as_deref());
        let first = match lang {
            crate::lang::Lang::Zh => zh.or(en),
            crate::lang::Lang::En => en.or(zh),
        };
        first.unwrap_or(&self.record.report)
    }
}

/// The codebook record, every field of which the codebook defines as
/// public.
fn public_record(event: Event) -> Event {
    let Event {
        report,
        role,
        title_zh,
        title_en,
        start_date,
        end_date,
        date_precision,
        country,
        province,
        prefecture,
        county,
        township,
        village,
        adcode,
        place,
        geo_precision,
        lat,
        lon,
        issues,
        groups,
        tactics,
        targets,
        size_min,
        size_max,
        size_text,
        police,
        arrests_min,
        arrests_max,
        violence,
        injuries,
        deaths,
        censorship,
        intimidation,
        outcome,
        demands,
        evidence,
    } = event;
    Event {
        report,
        role,
        title_zh,
        title_en,
        start_date,
        end_date,
        date_precision,
        country,
        province,
        prefecture,
        county,
        township,
        village,
        adcode,
        place,
        geo_precision,
        lat,
        lon,
        issues,
        groups,
        tactics,
        targets,
        size_min,
        size_max,
        size_text,
        police,
        arrests_min,
        arrests_max,
        violence,
        injuries,
        deaths,
        censorship,
        intimidation,
        outcome,
        demands,
        evidence,
    }
}

/// A source report as the public sees it: its text and dates. Where it was
/// found (`url`) and the file it came from (`source`) stay private until
/// editors can decide per report.
#[derive(Debug, Clone, Serialize)]
pub struct PublicReport {
    /// Chinese headline.
    pub title_zh: Option<String>,
    /// English headline.
    pub title_en: Option<String>,
    /// The Chinese half.
    pub body_zh: Option<String>,
    /// The English half.
    pub body_en: Option<String>,
    /// The whole text, which evidence offsets index.
    pub text: String,
    /// Languages of the report.
    pub lang: ReportLang,
    /// First day of the headline's range.
    pub start_date: Option<PartialDate>,
    /// Last day of the headline's range.
    pub end_date: Option<PartialDate>,
    /// Publication date.
    pub published: Option<PartialDate>,
}

impl From<StoredReport> for PublicReport {
    fn from(stored: StoredReport) -> Self {
        let StoredReport {
            id: _,
            report,
            hash: _,
            created_at: _,
        } = stored;
        let Report {
            title_zh,
            title_en,
            body_zh,
            body_en,
            text,
            lang,
            script: _,
            start_date,
            end_date,
            published,
            url: _,
            source: _,
        } = report;
        PublicReport {
            title_zh,
            title_en,
            body_zh,
            body_en,
            text,
            lang,
            start_date,
            end_date,
            published,
        }
    }
}

impl PublicReport {
    /// The body in a language, if the report has that half.
    pub fn body(&self, lang: crate::lang::Lang) -> Option<&str> {
        match lang {
            crate::lang::Lang::Zh => self.body_zh.as_deref(),
            crate::lang::Lang::En => self.body_en.as_deref(),
        }
    }

    /// The headline in a language, if the report has one.
    pub fn title(&self, lang: crate::lang::Lang) -> Option<&str> {
        match lang {
            crate::lang::Lang::Zh => self.title_zh.as_deref(),
            crate::lang::Lang::En => self.title_en.as_deref(),
        }
    }
}
