//! Numbers as reports write them: Arabic digits (with thousands separators,
//! full-width digits and 万/千 multipliers: "3万", "1.5万"), Chinese numerals
//! ("三百", "两千", "一千二百", "十五"), and English number words ("forty",
//! "two hundred", "ten thousand").

/// Value of a Chinese or Arabic digit character.
pub(crate) fn digit(c: char) -> Option<u64> {
    Some(match c {
        '0'..='9' => c as u64 - '0' as u64,
        '０'..='９' => c as u64 - '０' as u64,
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_ascii_digit_like(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn unit_value(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

fn big_unit(c: char) -> Option<u64> {
    Some(match c {
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// Parses the number at the start of `s`; returns its value and the bytes
/// it took. Accepts "200", "1,000", "2 200", "1.5万", "３００", "三百",
/// "两千", "一千二百", "十五", "二十", "万" (alone, = 10,000).
pub(crate) fn parse_at(s: &str) -> Option<(u64, usize)> {
    let first = s.chars().next()?;
    if is_ascii_digit_like(first) {
        return parse_arabic(s);
    }
    parse_chinese(s)
}

fn parse_arabic(s: &str) -> Option<(u64, usize)> {
    let mut int: u64 = 0;
    let mut frac: f64 = 0.0;
    let mut frac_scale = 1.0;
    let mut in_frac = false;
    let mut end = 0;
    let mut digits = 0;
    let chars: Vec<(usize, char)> = s.char_indices().take(24).collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if is_ascii_digit_like(c) {
            let d = digit(c)?;
            if in_frac {
                frac_scale /= 10.0;
                frac += d as f64 * frac_scale;
            } else {
                int = int.checked_mul(10)?.checked_add(d)?;
            }
            digits += 1;
            end = i + c.len_utf8();
        } else if (c == ',' || c == '，') && !in_frac {
            // thousands separator only when exactly three digits follow
            let next3: Vec<char> = chars[k + 1..].iter().take(4).map(|x| x.1).collect();
            if next3.len() >= 3
                && next3[..3].iter().all(|c| c.is_ascii_digit())
                && next3.get(3).is_none_or(|c| !c.is_ascii_digit())
            {
                k += 1;
                continue;
            }
            break;
        } else if c == '.' && !in_frac {
            if chars.get(k + 1).is_some_and(|x| x.1.is_ascii_digit()) {
                in_frac = true;
            } else {
                break;
            }
        } else {
            break;
        }
        k += 1;
    }
    if digits == 0 {
        return None;
    }
    let rest = &s[end..];
    if let Some(c) = rest.chars().next()
        && let Some(mult) = big_unit(c).or_else(|| unit_value(c).filter(|&u| u >= 100))
    {
        let v = ((int as f64 + frac) * mult as f64).round() as u64;
        return Some((v, end + c.len_utf8()));
    }
    Some((int, end))
}

fn parse_chinese(s: &str) -> Option<(u64, usize)> {
    let mut total: u64 = 0; // completed 万/亿 sections
    let mut section: u64 = 0; // within the current section
    let mut pending: Option<u64> = None; // digit waiting for its unit
    let mut end = 0;
    let mut any = false;
    for (i, c) in s.char_indices() {
        if let Some(d) = digit(c).filter(|_| !c.is_ascii_digit()) {
            if d == 0 {
                // 零 marks a gap ("一百零五")
                if pending.is_some() {
                    break;
                }
            } else if pending.is_some() {
                // two digits in a row ("一二") is not a number we read
                break;
            } else {
                pending = Some(d);
            }
        } else if let Some(u) = unit_value(c) {
            let d = pending.take().unwrap_or(if section == 0 && total == 0 { 1 } else { 0 });
            if d == 0 && u != 10 {
                break;
            }
            section += d.max(if u == 10 { 1 } else { 0 }) * u;
        } else if let Some(b) = big_unit(c) {
            section += pending.take().unwrap_or(0);
            if section == 0 && total == 0 {
                section = 1;
            }
            total = (total + section) * b;
            section = 0;
        } else {
            break;
        }
        any = true;
        end = i + c.len_utf8();
    }
    if !any {
        return None;
    }
    if let Some(d) = pending {
        section += d;
    }
    Some((total + section, end))
}

/// English number words at the start of `s` (lowercase or capitalised):
/// "forty", "twenty-five", "two hundred", "a hundred", "ten thousand", or
/// digits ("1,000"). Returns the value and the bytes taken.
pub(crate) fn parse_english_at(s: &str) -> Option<(u64, usize)> {
    if s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let (v, n) = parse_arabic(s)?;
        // "10,000" is handled above; a trailing "k" is rare in reports
        return Some((v, n));
    }
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut end = 0;
    let mut pos = 0;
    let mut any = false;
    loop {
        let rest = &s[pos..];
        let word_len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
        if word_len == 0 {
            break;
        }
        let w = rest[..word_len].to_ascii_lowercase();
        let v = small_word(&w);
        match (v, w.as_str()) {
            (Some(v), _) => current += v,
            (None, "hundred") => current = current.max(1) * 100,
            (None, "thousand") => {
                total += current.max(1) * 1000;
                current = 0;
            }
            (None, "million") => {
                total += current.max(1) * 1_000_000;
                current = 0;
            }
            (None, "a") if !any => {
                // "a hundred", "a thousand": only when a scale word follows
                let after = rest[word_len..].trim_start();
                if !(after.starts_with("hundred") || after.starts_with("thousand")) {
                    break;
                }
                current = 1;
                pos += word_len;
                pos += s[pos..].len() - s[pos..].trim_start().len();
                continue;
            }
            _ => break,
        }
        any = true;
        end = pos + word_len;
        pos = end;
        // separators between number words: space, hyphen, "and"
        let tail = &s[pos..];
        let skip = if tail.starts_with('-') {
            1
        } else if tail.starts_with(' ') {
            let t = tail.trim_start();
            let n = tail.len() - t.len();
            if t.starts_with("and ") { n + 4 } else { n }
        } else {
            0
        };
        if skip == 0 {
            break;
        }
        let next = &s[pos + skip..];
        let nl = next.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(next.len());
        let nw = next[..nl].to_ascii_lowercase();
        if small_word(&nw).is_none() && !matches!(nw.as_str(), "hundred" | "thousand" | "million") {
            break;
        }
        pos += skip;
    }
    if !any {
        return None;
    }
    Some((total + current, end))
}

fn small_word(w: &str) -> Option<u64> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> Option<u64> {
        parse_at(s).map(|x| x.0)
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(parse_at("200名工人"), Some((200, 3)));
        assert_eq!(cn("1,000 workers"), Some(1000));
        assert_eq!(cn("7,000工人"), Some(7000));
        assert_eq!(cn("1.5万人"), Some(15000));
        assert_eq!(cn("3万名"), Some(30000));
        assert_eq!(cn("３００人"), Some(300));
        assert_eq!(cn("11亿元"), Some(1_100_000_000));
        assert_eq!(cn("9,8"), Some(9));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn("三百名"), Some(300));
        assert_eq!(cn("两千人"), Some(2000));
        assert_eq!(cn("一千二百"), Some(1200));
        assert_eq!(cn("十五"), Some(15));
        assert_eq!(cn("二十"), Some(20));
        assert_eq!(cn("十"), Some(10));
        assert_eq!(cn("四万"), Some(40000));
        assert_eq!(cn("万名"), Some(10000));
        assert_eq!(cn("三千五百"), Some(3500));
        assert_eq!(cn("一百零五"), Some(105));
        assert_eq!(cn("名"), None);
    }

    #[test]
    fn english_numbers() {
        let en = |s: &str| parse_english_at(s).map(|x| x.0);
        assert_eq!(en("forty workers"), Some(40));
        assert_eq!(en("twenty-five"), Some(25));
        assert_eq!(en("two hundred people"), Some(200));
        assert_eq!(en("a hundred"), Some(100));
        assert_eq!(en("ten thousand"), Some(10000));
        assert_eq!(en("10,000 to 70,000"), Some(10000));
        assert_eq!(en("four were"), Some(4));
        assert_eq!(en("a group"), None);
        assert_eq!(en("Ten veterans"), Some(10));
    }
}
