//! Telling Chinese from English text, and the quote and bracket marks that
//! wrap headlines.

/// Which script a stretch of text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Zh,
    En,
    /// Blank, digits, punctuation, a URL: belongs to whatever surrounds it.
    Neutral,
}

/// How much Chinese and how much Latin-script text a string holds.
///
/// One Han character carries about as much as three Latin letters, so
/// comparisons weigh `cjk * 3` against `latin`. URLs are not counted: a link
/// pasted into a Chinese paragraph does not make it English.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Mass {
    pub cjk: usize,
    pub latin: usize,
    /// Runs of two or more Latin letters.
    pub words: usize,
}

impl Mass {
    pub fn of(s: &str) -> Mass {
        let mut m = Mass::default();
        let mut run = 0usize;
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            if run == 0 && (rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")) {
                let stop = rest
                    .find(|c: char| c.is_whitespace() || !c.is_ascii())
                    .unwrap_or(rest.len());
                rest = &rest[stop..];
                continue;
            }
            if is_latin_letter(c) {
                m.latin += 1;
                run += 1;
                if run == 2 {
                    m.words += 1;
                }
            } else {
                run = 0;
                if is_cjk(c) {
                    m.cjk += 1;
                }
            }
            rest = &rest[c.len_utf8()..];
        }
        m
    }

    /// Chinese mass in Latin-letter units.
    pub fn zh_weight(&self) -> usize {
        self.cjk * 3
    }

    pub fn script(&self) -> Script {
        if self.cjk > 0 && self.zh_weight() >= self.latin {
            Script::Zh
        } else if self.latin >= 8 && self.words >= 2 {
            Script::En
        } else if self.cjk > 0 {
            Script::Zh
        } else {
            Script::Neutral
        }
    }
}

/// Han characters (and kana, which only appear inside Chinese text here).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3040..=0x30FF)
}

pub(crate) fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (matches!(c as u32, 0xC0..=0x24F) && c.is_alphabetic())
}

/// Marks that open a quoted or bracketed headline.
pub(crate) fn is_opener(c: char) -> bool {
    closer_of(c).is_some()
}

/// The mark that closes `open`, if `open` is an opening mark.
pub(crate) fn closer_of(open: char) -> Option<char> {
    Some(match open {
        '「' => '」',
        '『' => '』',
        '“' => '”',
        '‘' => '’',
        '"' => '"',
        '[' => ']',
        '【' => '】',
        '《' => '》',
        '〔' => '〕',
        '〖' => '〗',
        '﹁' => '﹂',
        _ => return None,
    })
}

/// Marks that close a quoted or bracketed headline.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '」' | '』' | '”' | '’' | '"' | ']' | '】' | '》' | '〕' | '〗' | '﹂'
    )
}

/// Sentence-ending punctuation: a line ending in one is prose, not a headline.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | ':' | ',' | '。' | '！' | '？' | '；' | '：' | '，' | '…'
    )
}

/// Byte index of the mark that closes the opening mark at the start of `s`,
/// counting nested pairs of the same kind.
pub(crate) fn matching_close(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, open) = chars.next()?;
    let close = closer_of(open)?;
    let mut depth = 1usize;
    for (i, c) in chars {
        if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        } else if c == open {
            depth += 1;
        }
    }
    None
}

/// Whether `prefix` leaves a mark open that `close` would close: then `close`
/// belongs to the text (`“一带一路”变“一欠一路”`), not to a wrapper.
pub(crate) fn closer_balanced(prefix: &str, close: char) -> bool {
    let open = match close {
        '」' => '「',
        '』' => '『',
        '”' => '“',
        '’' => '‘',
        ']' => '[',
        '】' => '【',
        '》' => '《',
        '〕' => '〔',
        '〗' => '〖',
        '﹂' => '﹁',
        '"' => return prefix.matches('"').count() % 2 == 1,
        _ => return false,
    };
    prefix.matches(open).count() > prefix.matches(close).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mass_and_script() {
        assert_eq!(Mass::of("工人罢工").script(), Script::Zh);
        assert_eq!(Mass::of("Workers went on strike.").script(), Script::En);
        assert_eq!(
            Mass::of("Shen Aibin (沈爱斌) was beaten repeatedly in prison").script(),
            Script::En
        );
        assert_eq!(Mass::of("工人在Weibo上发帖求助").script(), Script::Zh);
        assert_eq!(
            Mass::of("https://example.org/a/very/long/path").script(),
            Script::Neutral
        );
        assert_eq!(Mass::of("见https://example.org/a/long/path").script(), Script::Zh);
        assert_eq!(Mass::of("1. ——").script(), Script::Neutral);
    }

    #[test]
    fn marks() {
        assert_eq!(matching_close("“a“b”c”d"), Some("“a“b”c".len()));
        assert_eq!(matching_close("[abc」"), None);
        assert!(closer_balanced("“一带一路”变“一欠一路", '”'));
        assert!(closer_balanced("He said \"no", '"'));
        assert!(!closer_balanced("标题", '」'));
    }
}
