//! The query string every page, feed, download and API call shares: parsed
//! strictly and within bounds into [`Params`], turned into the store's
//! filter by [`Params::filter`] (the only place that does, and it always
//! selects published events), and written back canonically so that every
//! state of a page is a shareable URL.

use crate::error::WebError;
use unrest_codebook::{Group, Issue, PartialDate, Tactic, Target, Vocabulary};
use unrest_store::{EventFilter, Period, Repression, SizeBand, Sort};

/// The longest query string accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 2048;
/// The most values one parameter may repeat.
pub const MAX_VALUES: usize = 20;
/// The highest page number; deeper paging is refused (use filters or the
/// downloads).
pub const MAX_PAGE: usize = 5000;
/// Page size of HTML listings unless asked otherwise, and their maximum.
pub const PAGE_SIZE: usize = 20;
/// The largest page HTML listings show.
pub const MAX_HTML_PAGE_SIZE: usize = 100;
/// The largest page the JSON API returns.
pub const MAX_API_PAGE_SIZE: usize = 500;
/// The longest place name accepted, in characters.
const MAX_NAME_CHARS: usize = 40;

/// A parsed query string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params {
    /// Words to search for.
    pub q: Option<String>,
    /// First day of the range.
    pub from: Option<PartialDate>,
    /// Last day of the range.
    pub to: Option<PartialDate>,
    /// Province by official name.
    pub province: Option<String>,
    /// Prefecture by official name.
    pub prefecture: Option<String>,
    /// Division code prefix.
    pub adcode: Option<String>,
    /// Issues (any of).
    pub issues: Vec<Issue>,
    /// Groups (any of).
    pub groups: Vec<Group>,
    /// Tactics (any of).
    pub tactics: Vec<Tactic>,
    /// Targets (any of).
    pub targets: Vec<Target>,
    /// Size bands (any of).
    pub sizes: Vec<SizeBand>,
    /// Repression flags (all of).
    pub repression: Vec<Repression>,
    /// Oldest first instead of newest.
    pub oldest: bool,
    /// Only events changed at or after this time (RFC 3339, whole seconds).
    pub updated_since: Option<String>,
    /// 1-based page number.
    pub page: usize,
    /// Requested page size (0 = the default of the route).
    pub per_page: usize,
    /// Time unit of charts.
    pub period: Period,
}

fn bad(message: String) -> WebError {
    WebError::BadRequest(message)
}

fn push_code<V: Vocabulary + PartialEq>(list: &mut Vec<V>, key: &str, value: &str) -> Result<(), WebError> {
    let v = V::from_code(value).ok_or_else(|| bad(format!("unknown {key} code `{value}`")))?;
    if !list.contains(&v) {
        list.push(v);
    }
    Ok(())
}

fn name(key: &str, value: &str) -> Result<String, WebError> {
    if value.chars().count() > MAX_NAME_CHARS {
        return Err(bad(format!("`{key}` is longer than {MAX_NAME_CHARS} characters")));
    }
    Ok(value.to_owned())
}

fn number(key: &str, value: &str) -> Result<usize, WebError> {
    value
        .parse::<usize>()
        .map_err(|_| bad(format!("`{key}` must be a whole number, not `{value}`")))
}

impl Params {
    /// Parses a raw query string. Empty values count as absent (forms send
    /// every field); unknown parameters are ignored; unknown codes, malformed
    /// dates and oversize input are errors that name the parameter.
    pub fn parse(raw: Option<&str>) -> Result<Params, WebError> {
        let raw = raw.unwrap_or("");
        if raw.len() > MAX_QUERY_BYTES {
            return Err(WebError::TooLong);
        }
        let mut p = Params {
            page: 1,
            ..Params::default()
        };
        let mut seen = std::collections::HashMap::<String, usize>::new();
        for (key, value) in form_urlencoded::parse(raw.as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let n = seen.entry(key.to_string()).or_default();
            *n += 1;
            if *n > MAX_VALUES {
                return Err(bad(format!("`{key}` is repeated more than {MAX_VALUES} times")));
            }
            let date = |v: &str| {
                v.parse::<PartialDate>().map(Some).map_err(|_| {
                    bad(format!(
                        "`{key}` must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not `{v}`"
                    ))
                })
            };
            match &*key {
                "q" => p.q = Some(value.chars().take(unrest_store::MAX_QUERY_CHARS).collect()),
                "from" => p.from = date(value)?,
                "to" => p.to = date(value)?,
                "province" => p.province = Some(name(&key, value)?),
                "prefecture" => p.prefecture = Some(name(&key, value)?),
                "adcode" => {
                    if value.len() > 12 || !value.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(bad(format!("`adcode` must be up to 12 digits, not `{value}`")));
                    }
                    p.adcode = Some(value.to_owned());
                }
                "issue" => push_code(&mut p.issues, &key, value)?,
                "group" => push_code(&mut p.groups, &key, value)?,
                "tactic" => push_code(&mut p.tactics, &key, value)?,
                "target" => push_code(&mut p.targets, &key, value)?,
                "size" => {
                    let band = SizeBand::from_code(value).ok_or_else(|| bad(format!("unknown size band `{value}`")))?;
                    if !p.sizes.contains(&band) {
                        p.sizes.push(band);
                    }
                }
                "repression" => {
                    let flag = Repression::from_code(value)
                        .ok_or_else(|| bad(format!("unknown repression flag `{value}`")))?;
                    if !p.repression.contains(&flag) {
                        p.repression.push(flag);
                    }
                }
                "sort" => match value {
                    "newest" => p.oldest = false,
                    "oldest" => p.oldest = true,
                    _ => return Err(bad(format!("`sort` must be newest or oldest, not `{value}`"))),
                },
                "updated_since" | "since" => {
                    let t: jiff::Timestamp = value
                        .parse()
                        .map_err(|_| bad(format!("`{key}` must be an RFC 3339 time, not `{value}`")))?;
                    p.updated_since = Some(t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string());
                }
                "page" => {
                    p.page = number(&key, value)?.max(1);
                    if p.page > MAX_PAGE {
                        return Err(bad(format!("`page` may be at most {MAX_PAGE}")));
                    }
                }
                "per_page" => p.per_page = number(&key, value)?,
                "period" => {
                    p.period = match value {
                        "week" => Period::Week,
                        "month" => Period::Month,
                        _ => return Err(bad(format!("`period` must be week or month, not `{value}`"))),
                    }
                }
                _ => {}
            }
        }
        Ok(p)
    }

    /// The page size to use: the request's, clamped to `max`, or `default`.
    pub fn page_size(&self, default: usize, max: usize) -> usize {
        if self.per_page == 0 {
            default
        } else {
            self.per_page.clamp(1, max)
        }
    }

    /// The store filter for published events matching these parameters,
    /// paged with `page_size`.
    pub fn filter(&self, page_size: usize) -> EventFilter {
        EventFilter {
            from: self.from,
            to: self.to,
            province: self.province.clone(),
            prefecture: self.prefecture.clone(),
            adcode: self.adcode.clone(),
            issues: self.issues.clone(),
            groups: self.groups.clone(),
            tactics: self.tactics.clone(),
            targets: self.targets.clone(),
            sizes: self.sizes.clone(),
            repression: self.repression.clone(),
            text: self.q.clone(),
            updated_since: self.updated_since.clone(),
            sort: if self.oldest { Sort::Oldest } else { Sort::Newest },
            limit: page_size,
            offset: (self.page.max(1) - 1) * page_size,
            ..EventFilter::public()
        }
    }

    /// Whether any filter (not paging or order) is set.
    pub fn has_filters(&self) -> bool {
        self.filter_pairs().next().is_some()
    }

    /// The filter as (key, value) pairs in canonical order.
    pub fn filter_pairs(&self) -> impl Iterator<Item = (&'static str, String)> + '_ {
        let one = |k: &'static str, v: Option<String>| v.map(|v| (k, v));
        let many = |k: &'static str, v: Vec<&'static str>| v.into_iter().map(move |c| (k, c.to_string()));
        one("q", self.q.clone())
            .into_iter()
            .chain(one("from", self.from.map(|d| d.to_string())))
            .chain(one("to", self.to.map(|d| d.to_string())))
            .chain(one("province", self.province.clone()))
            .chain(one("prefecture", self.prefecture.clone()))
            .chain(one("adcode", self.adcode.clone()))
            .chain(many("issue", self.issues.iter().map(|v| v.code()).collect()))
            .chain(many("group", self.groups.iter().map(|v| v.code()).collect()))
            .chain(many("tactic", self.tactics.iter().map(|v| v.code()).collect()))
            .chain(many("target", self.targets.iter().map(|v| v.code()).collect()))
            .chain(many("size", self.sizes.iter().map(|v| v.code()).collect()))
            .chain(many("repression", self.repression.iter().map(|v| v.code()).collect()))
            .chain(one("updated_since", self.updated_since.clone()))
    }

    /// The canonical query string (with a leading `?`, or empty): filters,
    /// then order, page size, period and page where not the default.
    pub fn query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.filter_pairs() {
            s.append_pair(k, &v);
        }
        if self.oldest {
            s.append_pair("sort", "oldest");
        }
        if self.per_page != 0 {
            s.append_pair("per_page", &self.per_page.to_string());
        }
        if self.period == Period::Week {
            s.append_pair("period", "week");
        }
        if self.page > 1 {
            s.append_pair("page", &self.page.to_string());
        }
        let s = s.finish();
        if s.is_empty() { s } else { format!("?{s}") }
    }

    /// The same parameters on another page.
    pub fn with_page(&self, page: usize) -> Params {
        Params { page, ..self.clone() }
    }

    /// The same filters from the first page (after a filter changes, the old
    /// page number means nothing).
    pub fn first_page(&self) -> Params {
        self.with_page(1)
    }
}

/// Adds a value to a list if absent, removes it if present: the link of a
/// facet value.
pub fn toggle<T: PartialEq + Copy>(list: &[T], value: T) -> Vec<T> {
    if list.contains(&value) {
        list.iter().copied().filter(|v| *v != value).collect()
    } else {
        let mut out = list.to_vec();
        out.push(value);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_canonically() {
        let raw = "tactic=strike&issue=labor.wages&q=%E8%AE%A8%E8%96%AA&from=2026-09&issue=land&size=100-999&page=2&x=1&group=";
        let p = Params::parse(Some(raw)).unwrap();
        assert_eq!(p.issues, [Issue::LaborWages, Issue::Land]);
        assert_eq!(p.q.as_deref(), Some("讨薪"));
        assert_eq!(p.page, 2);
        let q = p.query();
        assert_eq!(
            q,
            "?q=%E8%AE%A8%E8%96%AA&from=2026-09&issue=labor.wages&issue=land&tactic=strike&size=100-999&page=2"
        );
        assert_eq!(Params::parse(Some(&q[1..])).unwrap(), p);
        let f = p.filter(20);
        assert_eq!(
            (f.offset, f.limit, f.status),
            (20, 20, Some(unrest_store::Status::Published))
        );
    }

    #[test]
    fn refuses_bad_input_with_the_parameter_named() {
        for (raw, needle) in [
            ("issue=labour", "labour"),
            ("from=2026-13", "from"),
            ("adcode=43%25", "adcode"),
            ("page=999999", "page"),
            ("sort=best", "sort"),
            ("size=huge", "huge"),
            ("since=yesterday", "since"),
        ] {
            let err = Params::parse(Some(raw)).unwrap_err().to_string();
            assert!(err.contains(needle), "{raw}: {err}");
        }
        let long = "q=".to_string() + &"a".repeat(MAX_QUERY_BYTES);
        assert!(matches!(Params::parse(Some(&long)), Err(WebError::TooLong)));
        let many = vec!["issue=land"; MAX_VALUES + 1].join("&");
        assert!(Params::parse(Some(&many)).is_err());
    }

    #[test]
    fn clamps_page_sizes_and_queries() {
        let p = Params::parse(Some("per_page=100000")).unwrap();
        assert_eq!(p.page_size(PAGE_SIZE, MAX_HTML_PAGE_SIZE), MAX_HTML_PAGE_SIZE);
        let p = Params::parse(Some(&format!("q={}", "字".repeat(150)))).unwrap();
        assert!(p.q.unwrap().chars().count() <= unrest_store::MAX_QUERY_CHARS);
        assert_eq!(Params::parse(None).unwrap().page_size(20, 100), 20);
    }
}
