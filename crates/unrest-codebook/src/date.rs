//! Dates as the codebook writes them: a day, a month or a year.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// How precisely a date is known. Ordered from finest to coarsest, so the
/// coarser of two precisions is their `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// `YYYY-MM-DD`
    Day,
    /// `YYYY-MM`
    Month,
    /// `YYYY`
    Year,
}

impl DatePrecision {
    /// The code written in JSON ("day", "month", "year").
    pub fn code(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// A calendar date known to the day, the month or only the year.
///
/// Reports often say "in June" or "in 2024 alone"; the codebook keeps that
/// uncertainty instead of inventing a day. Ordering compares the earliest
/// day each date can mean, then precision (finer first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// Four-digit year.
    pub year: i16,
    /// 1..=12 when known.
    pub month: Option<u8>,
    /// 1..=31 when known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// A full date; `None` when the day does not exist in that month.
    pub fn ymd(year: i16, month: u8, day: u8) -> Option<Self> {
        (valid_year(year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(
            PartialDate {
                year,
                month: Some(month),
                day: Some(day),
            },
        )
    }

    /// A month; `None` when the month is out of range.
    pub fn ym(year: i16, month: u8) -> Option<Self> {
        (valid_year(year) && (1..=12).contains(&month)).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A year alone.
    pub fn y(year: i16) -> Option<Self> {
        valid_year(year).then_some(PartialDate {
            year,
            month: None,
            day: None,
        })
    }

    /// How precisely this date is known.
    pub fn precision(self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The first day this date can mean, as (year, month, day).
    pub fn first_day(self) -> (i16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean, as (year, month, day).
    pub fn last_day(self) -> (i16, u8, u8) {
        let m = self.month.unwrap_or(12);
        (self.year, m, self.day.unwrap_or_else(|| days_in_month(self.year, m)))
    }
}

fn valid_year(year: i16) -> bool {
    (1000..=9999).contains(&year)
}

/// Number of days in a month of the proleptic Gregorian calendar.
pub(crate) fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("malformed date `{s}` (expected YYYY-MM-DD, YYYY-MM or YYYY)");
        let parts: Vec<&str> = s.split('-').collect();
        let widths = [4, 2, 2];
        if parts.is_empty() || parts.len() > 3 {
            return Err(bad());
        }
        for (p, w) in parts.iter().zip(widths) {
            if p.len() != w || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
        }
        let year: i16 = parts[0].parse().map_err(|_| bad())?;
        let date = match parts.len() {
            1 => PartialDate::y(year),
            2 => PartialDate::ym(year, parts[1].parse().map_err(|_| bad())?),
            _ => PartialDate::ymd(
                year,
                parts[1].parse().map_err(|_| bad())?,
                parts[2].parse().map_err(|_| bad())?,
            ),
        };
        date.ok_or_else(bad)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_three_precisions() {
        assert_eq!(
            "2025-11-05".parse::<PartialDate>().unwrap(),
            PartialDate::ymd(2025, 11, 5).unwrap()
        );
        assert_eq!(
            "2025-06".parse::<PartialDate>().unwrap().precision(),
            DatePrecision::Month
        );
        assert_eq!("2024".parse::<PartialDate>().unwrap().precision(), DatePrecision::Year);
    }

    #[test]
    fn rejects_malformed() {
        for s in [
            "2025-13-01",
            "2025-02-30",
            "25-01-01",
            "2025/01/01",
            "2025-1-1",
            "",
            "2025-11-05T00",
            "abcd",
        ] {
            let err = s.parse::<PartialDate>().unwrap_err();
            assert!(err.contains(&format!("`{s}`")), "{err}");
        }
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
        assert!("2025-02-29".parse::<PartialDate>().is_err());
    }

    #[test]
    fn display_round_trips() {
        for s in ["2025-11-05", "2025-06", "2024"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn ordering_and_bounds() {
        let m: PartialDate = "2025-06".parse().unwrap();
        let d: PartialDate = "2025-06-15".parse().unwrap();
        assert!(m < d);
        assert_eq!(m.last_day(), (2025, 6, 30));
        assert_eq!(PartialDate::y(2024).unwrap().last_day(), (2024, 12, 31));
    }
}
