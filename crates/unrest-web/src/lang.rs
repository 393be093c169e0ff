//! The interface language: Chinese or English, carried in the first path
//! segment (`/zh/…`, `/en/…`) so every page has a stable URL per language,
//! remembered in a cookie, and guessed from `Accept-Language` on a first
//! visit to `/`.

use axum::http::HeaderMap;

/// The two interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Chinese (simplified).
    Zh,
    /// English.
    En,
}

/// The cookie that remembers a reader's language.
pub const COOKIE: &str = "lang";

impl Lang {
    /// The path segment and `lang` attribute value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `<html lang>` and Atom `xml:lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            Lang::En => "en",
        }
    }

    /// Parses a path segment.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (for the switch link).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The language's own name, shown on the switch link.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }

    /// Picks one of two strings.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The language for a request to `/`: the remembered cookie, else the
    /// first of Chinese or English in `Accept-Language` by quality, else
    /// Chinese.
    pub fn negotiate(headers: &HeaderMap) -> Lang {
        if let Some(lang) = cookie(headers) {
            return lang;
        }
        let Some(accept) = headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
        else {
            return Lang::Zh;
        };
        let mut best: Option<(f32, usize, Lang)> = None;
        for (i, item) in accept.split(',').take(32).enumerate() {
            let mut parts = item.trim().split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let lang = if tag == "zh" || tag.starts_with("zh-") {
                Lang::Zh
            } else if tag == "en" || tag.starts_with("en-") {
                Lang::En
            } else {
                continue;
            };
            // Highest quality wins; among equals, the earlier one.
            if q > 0.0 && best.is_none_or(|(bq, bi, _)| q > bq || (q == bq && i < bi)) {
                best = Some((q, i, lang));
            }
        }
        best.map_or(Lang::Zh, |(_, _, l)| l)
    }

    /// The `Set-Cookie` value that remembers this language for a year.
    pub fn set_cookie(self) -> String {
        format!(
            "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
            self.code()
        )
    }
}

/// The language remembered in the request's cookie, if any.
fn cookie(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE).then(|| Lang::from_code(value.trim())).flatten()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn accept_language_by_quality() {
        assert_eq!(Lang::negotiate(&headers(&[])), Lang::Zh);
        assert_eq!(
            Lang::negotiate(&headers(&[("accept-language", "en-GB,en;q=0.9")])),
            Lang::En
        );
        assert_eq!(
            Lang::negotiate(&headers(&[("accept-language", "fr, en;q=0.5, zh-CN;q=0.8")])),
            Lang::Zh
        );
        assert_eq!(Lang::negotiate(&headers(&[("accept-language", "de, fr")])), Lang::Zh);
        assert_eq!(
            Lang::negotiate(&headers(&[("accept-language", "zh;q=0, en")])),
            Lang::En
        );
    }

    #[test]
    fn cookie_wins() {
        let h = headers(&[("accept-language", "zh-CN"), ("cookie", "a=b; lang=en")]);
        assert_eq!(Lang::negotiate(&h), Lang::En);
        let h = headers(&[("accept-language", "en"), ("cookie", "lang=xx")]);
        assert_eq!(Lang::negotiate(&h), Lang::En);
    }
}
