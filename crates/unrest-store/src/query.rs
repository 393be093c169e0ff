//! The SQL of [`EventFilter`] reads, shared by every backend: listings,
//! counts, facets, timelines and map clusters. Like `sql`, it uses the
//! subset SQLite and PostgreSQL both accept (`IS TRUE` for the boolean
//! columns, `NULLS LAST`, numbered `?N` placeholders). The one part that
//! differs, matching the full-text index, comes from the backend as a
//! [`TextMatch`].

use crate::filter::{EventFilter, Period, SizeBand, Sort};
use crate::sql::Arg;
use unrest_codebook::Vocabulary;

/// How a backend matches words against its full-text index.
pub(crate) trait TextMatch {
    /// A condition on `events.id` that holds when the event's indexed words
    /// match the query; `param` is the placeholder number of the argument
    /// [`TextMatch::argument`] builds.
    fn condition(&self, param: usize) -> String;
    /// The single argument of the condition, from the query's words.
    fn argument(&self, terms: &[String]) -> String;
    /// For counts: a FROM clause that starts from the index and joins
    /// `events`, with the matching condition, when that is cheaper than
    /// testing every event (a count must visit every match anyway, and an
    /// index lists its matches directly). `None` keeps [`TextMatch::condition`].
    fn driving_join(&self, _param: usize) -> Option<(String, String)> {
        None
    }
}

/// A WHERE clause under construction: conditions joined by AND, with their
/// arguments numbered in order.
#[derive(Default)]
pub(crate) struct Where {
    conditions: Vec<String>,
    pub args: Vec<Arg>,
}

impl Where {
    /// Adds an argument and returns its placeholder number.
    fn arg(&mut self, arg: Arg) -> usize {
        self.args.push(arg);
        self.args.len()
    }

    /// ` WHERE a AND b`, or nothing when there is no condition.
    pub fn sql(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conditions.join(" AND "))
        }
    }

    /// Adds `column IN (?a, ?b…)`, or `column = ?a` for one value.
    fn any_of(&mut self, column: &str, values: Vec<Arg>) {
        let placeholders: Vec<String> = values.into_iter().map(|v| format!("?{}", self.arg(v))).collect();
        match placeholders.len() {
            0 => {}
            1 => self.conditions.push(format!("{column} = {}", placeholders[0])),
            _ => self
                .conditions
                .push(format!("{column} IN ({})", placeholders.join(", "))),
        }
    }

    fn codes<V: Vocabulary>(&mut self, values: &[V]) {
        if values.is_empty() {
            return;
        }
        let vocab = self.arg(Arg::Text(V::NAME.into()));
        let codes: Vec<String> = values
            .iter()
            .map(|v| format!("?{}", self.arg(Arg::Text(v.code().into()))))
            .collect();
        // A correlated probe of the (event_id, vocab, code) key: cheap per
        // row, and a listing walking the date index stops after one page.
        self.conditions.push(format!(
            "EXISTS (SELECT 1 FROM event_codes WHERE event_codes.event_id = events.id \
             AND event_codes.vocab = ?{vocab} AND event_codes.code IN ({}))",
            codes.join(", ")
        ));
    }
}

/// The expression of an event's participant count used for size bands.
const SIZE: &str = "COALESCE(size_min, size_max)";

/// The WHERE clause of a filter (paging and order aside).
pub(crate) fn filter_where(filter: &EventFilter, text: &dyn TextMatch) -> Where {
    let mut w = Where::default();
    if let Some(status) = filter.status {
        w.any_of("status", vec![Arg::Text(status.code().into())]);
    }
    if let Some(from) = filter.from {
        let p = w.arg(Arg::Text(iso(from.first_day())));
        w.conditions.push(format!("date_to >= ?{p}"));
    }
    if let Some(to) = filter.to {
        let p = w.arg(Arg::Text(iso(to.last_day())));
        w.conditions.push(format!("date_from <= ?{p}"));
    }
    if let Some(province) = &filter.province {
        w.any_of("province", vec![Arg::Text(province.clone())]);
    }
    if let Some(prefecture) = &filter.prefecture {
        w.any_of("prefecture", vec![Arg::Text(prefecture.clone())]);
    }
    if let Some(prefix) = filter.adcode.as_deref().filter(|p| !p.is_empty()) {
        // Digits only, so the prefix cannot carry LIKE wildcards.
        let digits: String = prefix.chars().filter(char::is_ascii_digit).take(12).collect();
        let p = w.arg(Arg::Text(format!("{digits}%")));
        w.conditions.push(format!("adcode LIKE ?{p}"));
    }
    w.codes(&filter.issues);
    w.codes(&filter.groups);
    w.codes(&filter.tactics);
    w.codes(&filter.targets);
    if !filter.sizes.is_empty() {
        let mut alternatives = Vec::new();
        for band in &filter.sizes {
            alternatives.push(match band.range() {
                None => format!("({SIZE} IS NULL OR {SIZE} <= 0)"),
                Some((low, None)) => format!("{SIZE} >= ?{}", w.arg(Arg::Int(low))),
                Some((low, Some(high))) => {
                    let (l, h) = (w.arg(Arg::Int(low)), w.arg(Arg::Int(high)));
                    format!("({SIZE} >= ?{l} AND {SIZE} < ?{h})")
                }
            });
        }
        w.conditions.push(format!("({})", alternatives.join(" OR ")));
    }
    for flag in &filter.repression {
        w.conditions.push(flag.condition().into());
    }
    if let Some(since) = &filter.updated_since {
        let p = w.arg(Arg::Text(since.clone()));
        w.conditions.push(format!("updated_at >= ?{p}"));
    }
    if let Some(q) = filter.text.as_deref() {
        let terms = crate::search::query_terms(q);
        if !terms.is_empty() {
            let p = w.arg(Arg::Text(text.argument(&terms)));
            w.conditions.push(text.condition(p));
        }
    }
    w
}

fn order_by(sort: Sort) -> &'static str {
    match sort {
        Sort::Newest => " ORDER BY date_from DESC NULLS LAST, id DESC",
        Sort::Oldest => " ORDER BY date_from ASC NULLS LAST, id ASC",
        Sort::Published => " ORDER BY published_at DESC NULLS LAST, id DESC",
        Sort::Updated => " ORDER BY updated_at ASC, id ASC",
    }
}

/// One page of events; columns in `EventRow` order.
pub(crate) fn select_page(filter: &EventFilter, text: &dyn TextMatch) -> (String, Vec<Arg>) {
    let mut w = filter_where(filter, text);
    let mut sql = format!("SELECT {} FROM events{}", crate::sql::EVENT_COLUMNS, w.sql());
    sql.push_str(order_by(filter.sort));
    let limit = w.arg(Arg::Int(filter.page_size() as i64));
    let offset = w.arg(Arg::Int(i64::try_from(filter.offset).unwrap_or(i64::MAX)));
    sql.push_str(&format!(" LIMIT ?{limit} OFFSET ?{offset}"));
    (sql, w.args)
}

/// How many events the filter selects.
pub(crate) fn select_count(filter: &EventFilter, text: &dyn TextMatch) -> (String, Vec<Arg>) {
    let terms = filter
        .text
        .as_deref()
        .map(crate::search::query_terms)
        .unwrap_or_default();
    if !terms.is_empty() {
        let untexted = EventFilter {
            text: None,
            ..filter.clone()
        };
        let mut w = filter_where(&untexted, text);
        let p = w.arg(Arg::Text(text.argument(&terms)));
        if let Some((from, condition)) = text.driving_join(p) {
            w.conditions.push(condition);
            return (format!("SELECT COUNT(*) FROM {from}{}", w.sql()), w.args);
        }
    }
    let w = filter_where(filter, text);
    (format!("SELECT COUNT(*) FROM events{}", w.sql()), w.args)
}

/// Rows of (vocab, code, count) over the selected events.
pub(crate) fn select_code_facets(filter: &EventFilter, text: &dyn TextMatch) -> (String, Vec<Arg>) {
    let w = filter_where(filter, text);
    (
        format!(
            "SELECT c.vocab, c.code, COUNT(*) FROM events JOIN event_codes c ON c.event_id = events.id{} \
             GROUP BY c.vocab, c.code",
            w.sql()
        ),
        w.args,
    )
}

/// Rows of (province, prefecture, count) over the selected events that
/// name a province.
pub(crate) fn select_place_facets(filter: &EventFilter, text: &dyn TextMatch) -> (String, Vec<Arg>) {
    let mut w = filter_where(filter, text);
    w.conditions.push("province IS NOT NULL".into());
    (
        format!(
            "SELECT province, prefecture, COUNT(*) FROM events{} GROUP BY province, prefecture",
            w.sql()
        ),
        w.args,
    )
}

/// One row: the number of selected events in each size band (in
/// `SizeBand::ALL` order), then with each repression flag (in
/// `Repression::ALL` order).
pub(crate) fn select_band_facets(filter: &EventFilter, text: &dyn TextMatch) -> (String, Vec<Arg>) {
    let w = filter_where(filter, text);
    let mut columns = Vec::new();
    for band in SizeBand::ALL {
        columns.push(match band.range() {
            None => format!("COUNT(CASE WHEN {SIZE} IS NULL OR {SIZE} <= 0 THEN 1 END)"),
            Some((low, None)) => format!("COUNT(CASE WHEN {SIZE} >= {low} THEN 1 END)"),
            Some((low, Some(high))) => format!("COUNT(CASE WHEN {SIZE} >= {low} AND {SIZE} < {high} THEN 1 END)"),
        });
    }
    for flag in crate::filter::Repression::ALL {
        columns.push(format!("COUNT(CASE WHEN {} THEN 1 END)", flag.condition()));
    }
    (format!("SELECT {} FROM events{}", columns.join(", "), w.sql()), w.args)
}

/// Rows of (first day, count) over the selected dated events.
pub(crate) fn select_days(filter: &EventFilter, text: &dyn TextMatch) -> (String, Vec<Arg>) {
    let mut w = filter_where(filter, text);
    w.conditions.push("date_from IS NOT NULL".into());
    (
        format!("SELECT date_from, COUNT(*) FROM events{} GROUP BY date_from", w.sql()),
        w.args,
    )
}

/// Rows of (mean lat, mean lon, count, a public id) per cell of a quarter
/// degree, largest clusters first.
pub(crate) fn select_points(filter: &EventFilter, text: &dyn TextMatch, limit: usize) -> (String, Vec<Arg>) {
    let mut w = filter_where(filter, text);
    w.conditions.push("lat IS NOT NULL AND lon IS NOT NULL".into());
    let mut sql = format!(
        "SELECT AVG(lat), AVG(lon), COUNT(*), MAX(public_id) FROM events{} \
         GROUP BY CAST(lat * 4 AS INTEGER), CAST(lon * 4 AS INTEGER) ORDER BY COUNT(*) DESC, MAX(public_id)",
        w.sql()
    );
    let p = w.arg(Arg::Int(i64::try_from(limit).unwrap_or(i64::MAX)));
    sql.push_str(&format!(" LIMIT ?{p}"));
    (sql, w.args)
}

fn iso((y, m, d): (i16, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// At most this many periods in a timeline; a longer span keeps its latest
/// periods.
pub const MAX_PERIODS: usize = 1200;

/// Folds per-day counts into consecutive periods from the first to the last
/// one with events, empty periods included (so a chart's axis is even).
/// Periods are labelled `YYYY-MM` (months) or by their Monday (weeks).
pub(crate) fn fold_days(days: Vec<(String, i64)>, period: Period) -> Vec<(String, usize)> {
    use jiff::civil::Date;
    use std::collections::BTreeMap;
    let start_of = |d: Date| -> Date {
        match period {
            Period::Month => d.first_of_month(),
            Period::Week => d.saturating_sub(jiff::Span::new().days(i64::from(d.weekday().to_monday_zero_offset()))),
        }
    };
    let mut counts: BTreeMap<Date, usize> = BTreeMap::new();
    for (day, n) in days {
        if let Ok(d) = day.parse::<Date>() {
            *counts.entry(start_of(d)).or_default() += usize::try_from(n).unwrap_or(0);
        }
    }
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Vec::new();
    };
    let step = match period {
        Period::Month => jiff::Span::new().months(1),
        Period::Week => jiff::Span::new().weeks(1),
    };
    let mut out = Vec::new();
    let mut at = first;
    while at <= last {
        let label = match period {
            Period::Month => format!("{:04}-{:02}", at.year(), at.month()),
            Period::Week => at.to_string(),
        };
        out.push((label, counts.get(&at).copied().unwrap_or(0)));
        match at.checked_add(step) {
            Ok(next) => at = next,
            Err(_) => break,
        }
    }
    if out.len() > MAX_PERIODS {
        out.drain(..out.len() - MAX_PERIODS);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::Repression;
    use unrest_codebook::{Issue, Tactic};

    struct Fts;
    impl TextMatch for Fts {
        fn condition(&self, p: usize) -> String {
            format!("id IN (SELECT rowid FROM event_search WHERE words MATCH ?{p})")
        }
        fn argument(&self, terms: &[String]) -> String {
            terms.join(" ")
        }
    }

    #[test]
    fn placeholders_are_numbered_in_order() {
        let filter = EventFilter {
            from: "2025-06".parse().ok(),
            issues: vec![Issue::LaborWages, Issue::Land],
            tactics: vec![Tactic::Strike],
            sizes: vec![SizeBand::Hundreds, SizeBand::Unknown],
            repression: vec![Repression::Police],
            text: Some("讨薪".into()),
            adcode: Some("43%_".into()),
            ..EventFilter::public()
        };
        let (sql, args) = select_page(&filter, &Fts);
        for i in 1..=args.len() {
            assert!(sql.contains(&format!("?{i}")), "?{i} missing in {sql}");
        }
        assert!(!sql.contains(&format!("?{}", args.len() + 1)), "{sql}");
        assert!(args.contains(&Arg::Text("43%".into())), "wildcards kept: {args:?}");
        assert!(args.contains(&Arg::Text("2025-06-01".into())));
        assert!(sql.contains("police IS TRUE") || sql.contains("police = 1"), "{sql}");
    }

    #[test]
    fn page_size_is_clamped() {
        let filter = EventFilter {
            limit: 1_000_000,
            ..EventFilter::public()
        };
        let (_, args) = select_page(&filter, &Fts);
        assert!(args.contains(&Arg::Int(crate::MAX_PAGE_SIZE as i64)), "{args:?}");
    }

    #[test]
    fn weeks_and_months_fill_gaps() {
        let days = vec![
            ("2026-09-02".into(), 2),
            ("2026-09-09".into(), 1),
            ("2026-11-30".into(), 4),
        ];
        let months = fold_days(days.clone(), Period::Month);
        assert_eq!(
            months,
            [("2026-09".into(), 3), ("2026-10".into(), 0), ("2026-11".into(), 4)]
        );
        let weeks = fold_days(days, Period::Week);
        assert_eq!(weeks[0], ("2026-08-31".into(), 2));
        assert_eq!(weeks[1], ("2026-09-07".into(), 1));
        assert_eq!(weeks.last().unwrap(), &("2026-11-30".into(), 4));
        assert_eq!(weeks.iter().map(|w| w.1).sum::<usize>(), 7);
    }
}
