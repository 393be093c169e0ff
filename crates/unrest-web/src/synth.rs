//! A generator of realistic synthetic reports and events, for load tests
//! and benchmarks of the site at a scale no demo corpus reaches. Output is
//! deterministic for a seed. Places are real provinces (from the map data)
//! with invented prefectures; dates, sizes, codes and repression follow
//! rough frequencies of real monitoring data; the report text is bilingual
//! and long enough to make full-text search do real work. Everything is
//! fiction.

use crate::geo::Map;
use unrest_codebook::{
    DatePrecision, Event, GeoPrecision, Group, Issue, Lang, Outcome, PartialDate, Report, Role, Tactic, Target,
    Vocabulary,
};

/// A small, fast, deterministic random source (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A source for a seed (0 is replaced by a constant).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// One item of a slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "东", "西", "南", "北", "安", "平", "清", "河", "山", "阳", "宁", "兴", "华", "新", "江", "林", "丰", "城",
];
const SITES_ZH: &[&str] = &[
    "厂门口",
    "工地",
    "政府门前",
    "广场",
    "小区门口",
    "信访局",
    "公司总部",
    "医院",
    "学校门口",
];
const SITES_EN: &[&str] = &[
    "the factory gate",
    "a building site",
    "the government offices",
    "the central square",
    "the estate gate",
    "the petition bureau",
    "the company headquarters",
    "the hospital",
    "the school gate",
];
const FILLER_ZH: &[&str] = &[
    "据现场视频，人群举着横幅，要求有关部门出面解决。",
    "参与者说，他们多次反映情况，但一直没有得到答复。",
    "有网友称，相关视频发布后不久就被删除。",
    "当地官员到场后承诺调查，但没有给出具体时间。",
    "一位参与者表示：“我们只想拿回属于自己的东西。”",
    "事件持续到傍晚，人群才逐渐散去。",
];
const FILLER_EN: &[&str] = &[
    "Video from the scene shows the crowd holding banners and asking the authorities to step in.",
    "Participants said they had complained many times without an answer.",
    "Internet users said videos of the protest were deleted soon after they were posted.",
    "Local officials arrived and promised an investigation but gave no timetable.",
    "\"We only want back what is ours,\" one participant said.",
    "The crowd dispersed only in the evening.",
];

/// Issues weighted roughly as in monitoring data: wages lead by far.
const ISSUE_WEIGHTS: &[(Issue, usize)] = &[
    (Issue::LaborWages, 40),
    (Issue::Housing, 10),
    (Issue::Land, 9),
    (Issue::Finance, 7),
    (Issue::LaborLayoffs, 6),
    (Issue::LaborSocialInsurance, 4),
    (Issue::Environment, 4),
    (Issue::PolicyLivelihood, 4),
    (Issue::OfficialAbuse, 4),
    (Issue::Health, 3),
    (Issue::Veterans, 2),
    (Issue::Education, 2),
    (Issue::Justice, 2),
    (Issue::Consumer, 1),
    (Issue::LaborConditions, 1),
    (Issue::PolicyCustoms, 1),
];

fn weighted(rng: &mut Rng) -> Issue {
    let total: usize = ISSUE_WEIGHTS.iter().map(|w| w.1).sum();
    let mut at = rng.below(total);
    for (issue, w) in ISSUE_WEIGHTS {
        if at < *w {
            return *issue;
        }
        at -= w;
    }
    Issue::Other
}

/// The usual group and tactic for an issue.
fn typical(issue: Issue) -> (Group, Tactic, Target) {
    match issue {
        Issue::LaborWages | Issue::LaborSocialInsurance | Issue::LaborConditions | Issue::LaborLayoffs => {
            (Group::Workers, Tactic::Strike, Target::Company)
        }
        Issue::Housing => (Group::Homeowners, Tactic::Banners, Target::Developer),
        Issue::Land => (Group::Villagers, Tactic::Blockade, Target::VillageCommittee),
        Issue::Finance => (Group::Investors, Tactic::Petition, Target::FinancialPlatform),
        Issue::Health => (Group::Families, Tactic::Assembly, Target::Hospital),
        Issue::Education => (Group::Parents, Tactic::Assembly, Target::School),
        Issue::Veterans => (Group::Veterans, Tactic::Petition, Target::Government),
        _ => (Group::Residents, Tactic::Assembly, Target::Government),
    }
}

/// A province's rough centre (mean of its outline's points), from the
/// embedded GeoJSON.
fn centres() -> Vec<(String, String, f64, f64)> {
    let value: serde_json::Value = serde_json::from_str(crate::assets::PROVINCES_GEOJSON).unwrap_or_default();
    let mut out = Vec::new();
    for f in value["features"].as_array().into_iter().flatten() {
        let first_ring = &f["geometry"]["coordinates"][0][0];
        let points: Vec<(f64, f64)> = first_ring
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| Some((p[0].as_f64()?, p[1].as_f64()?)))
            .collect();
        if points.is_empty() {
            continue;
        }
        let n = points.len() as f64;
        let (lon, lat) = points.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0 / n, a.1 + p.1 / n));
        let name = f["properties"]["name"].as_str().unwrap_or_default().to_owned();
        let adcode = f["properties"]["adcode"].as_str().unwrap_or_default().to_owned();
        out.push((name, adcode, lat, lon));
    }
    out
}

/// `n` synthetic reports, each with one event (a tenth with two), dated
/// over the six years before 2026-10, as (report, events) batches for
/// `Store::add_reports`.
pub fn generate(n: usize, seed: u64) -> Vec<(Report, Vec<Event>)> {
    let mut rng = Rng::new(seed);
    let provinces = centres();
    let _ = Map::get();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (province, code, plat, plon) = rng.pick(&provinces).clone();
        let prefecture = format!("{}{}市", rng.pick(SYLLABLES), rng.pick(SYLLABLES));
        let pref_code = format!("{code}{:02}", 1 + rng.below(20));
        let year = 2020 + rng.below(6) as i16 + i16::from(rng.chance(0.3));
        let month = 1 + rng.below(12) as u8;
        let day = 1 + rng.below(28) as u8;
        let date = PartialDate::ymd(year.min(2026), month, day).unwrap_or(PartialDate {
            year: 2025,
            month: Some(1),
            day: Some(1),
        });
        let issue = weighted(&mut rng);
        let (group, tactic, target) = typical(issue);
        let size: u32 = match rng.below(10) {
            0..=3 => 10 + rng.below(90) as u32,
            4..=6 => 100 + rng.below(900) as u32,
            7 => 1000 + rng.below(5000) as u32,
            8 => 2 + rng.below(8) as u32,
            _ => 0,
        };
        let (site_zh, site_en) = {
            let k = rng.below(SITES_ZH.len());
            (SITES_ZH[k], SITES_EN[k])
        };
        let police = rng.chance(0.35);
        let arrests = if police && rng.chance(0.4) {
            1 + rng.below(12) as u32
        } else {
            0
        };
        let title_zh = format!(
            "{province}{prefecture}{}{}{}（{date}）",
            if size > 0 {
                format!("约{size}名")
            } else {
                "大批".into()
            },
            group.label_zh(),
            tactic.label_zh()
        );
        let title_en = format!(
            "{} in {prefecture}, {}: {} over {} ({date})",
            group.label_en(),
            province,
            tactic.label_en().to_lowercase(),
            issue.label_en().to_lowercase()
        );
        let mut body_zh = format!(
            "{date}，{province}{prefecture}{site_zh}，{}{}因{}问题{}，矛头指向{}。",
            if size > 0 {
                format!("约{size}名")
            } else {
                "大批".into()
            },
            group.label_zh(),
            issue.label_zh(),
            tactic.label_zh(),
            target.label_zh()
        );
        let mut body_en = format!(
            "On {date}, {} {} gathered at {site_en} in {prefecture}, {province}, over {}, and took action ({}) against the {}.",
            if size > 0 {
                format!("about {size}")
            } else {
                "many".into()
            },
            group.label_en().to_lowercase(),
            issue.label_en().to_lowercase(),
            tactic.label_en().to_lowercase(),
            target.label_en().to_lowercase()
        );
        for _ in 0..2 + rng.below(5) {
            let k = rng.below(FILLER_ZH.len());
            body_zh.push_str(FILLER_ZH[k]);
            body_en.push(' ');
            body_en.push_str(FILLER_EN[k]);
        }
        if police {
            body_zh.push_str("随后大批警察赶到现场。");
            body_en.push_str(" Police then arrived in large numbers.");
        }
        let text = format!("{title_zh}\n{body_zh}\n\n{title_en}\n{body_en}\n（编号 {i}）");
        let report = Report {
            title_zh: Some(title_zh.clone()),
            title_en: Some(title_en.clone()),
            body_zh: Some(body_zh),
            body_en: Some(body_en),
            text,
            lang: Lang::Bilingual,
            script: Default::default(),
            start_date: Some(date),
            end_date: Some(date),
            published: Some(date),
            url: None,
            source: Some("synthetic".into()),
        };
        let mut events = Vec::new();
        for extra in 0..1 + usize::from(rng.chance(0.1)) {
            let mut e = Event::new(
                title_zh.clone(),
                if extra == 0 { Role::Primary } else { Role::Mentioned },
            );
            e.title_zh = Some(format!("{prefecture}{}{}", group.label_zh(), tactic.label_zh()));
            e.title_en = Some(format!(
                "{} {} in {prefecture}",
                group.label_en(),
                tactic.label_en().to_lowercase()
            ));
            e.start_date = Some(date);
            e.end_date = Some(date);
            e.date_precision = Some(DatePrecision::Day);
            e.country = Some("CN".into());
            e.province = Some(province.clone());
            e.prefecture = Some(prefecture.clone());
            e.adcode = Some(pref_code.clone());
            e.geo_precision = Some(GeoPrecision::Prefecture);
            e.lat = Some(((plat + (rng.below(200) as f64 - 100.0) / 80.0) * 1e4).round() / 1e4);
            e.lon = Some(((plon + (rng.below(200) as f64 - 100.0) / 80.0) * 1e4).round() / 1e4);
            e.issues = vec![issue];
            e.groups = vec![group];
            e.tactics = if rng.chance(0.3) {
                vec![tactic, Tactic::Banners]
            } else {
                vec![tactic]
            };
            e.tactics.dedup();
            e.targets = vec![target];
            if size > 0 {
                e.size_min = Some(size);
                e.size_max = Some(size);
                e.size_text = Some(format!("约{size}名"));
            }
            e.police = Some(police);
            if arrests > 0 {
                e.arrests_min = Some(arrests);
                e.arrests_max = Some(arrests);
            }
            e.violence = police.then(|| rng.chance(0.2));
            e.censorship = rng.chance(0.15).then_some(true);
            e.outcome = *rng.pick(&[Outcome::Unknown, Outcome::Unknown, Outcome::Partial, Outcome::None]);
            events.push(e);
        }
        out.push((report, events));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_valid() {
        let a = generate(200, 7);
        let b = generate(200, 7);
        assert_eq!(a.len(), 200);
        assert_eq!(a[17].0.text, b[17].0.text);
        for (report, events) in &a {
            assert!(report.text.chars().count() > 80);
            for e in events {
                e.validate().unwrap();
            }
        }
        let wages = a.iter().filter(|(_, e)| e[0].issues == [Issue::LaborWages]).count();
        assert!(wages > 40 && wages < 120, "{wages}");
    }
}
