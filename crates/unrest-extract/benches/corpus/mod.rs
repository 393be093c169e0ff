//! The generated corpus shared by the extraction benchmark and the
//! `throughput` example: Chinese reports of a chosen length in bulletin
//! style (headline, dated action sentences with place chains, sizes,
//! responses, background paragraphs), built in memory from a fixed seed.

#![allow(dead_code)]

use unrest_codebook::{Lang, PartialDate, Report};

const PLACES: &[&str] = &[
    "广东省深圳市宝安区",
    "浙江省宁波市海曙区",
    "四川省成都市郫都区",
    "湖南省衡阳市",
    "河南省郑州市金水区",
    "辽宁省沈阳市",
    "江苏省苏州市昆山市",
    "云南省昭通市镇雄县",
    "贵州省遵义市桐梓县",
    "陕西省渭南市韩城市",
    "山西省晋中市榆次区",
    "广东省肇庆市怀集县冷坑镇",
];
const GROUPS: &[&str] = &[
    "工人",
    "村民",
    "投资者",
    "业主",
    "出租车司机",
    "退伍老兵",
    "教师",
    "渔民",
    "家属",
];
const SIZES: &[&str] = &[
    "数百名",
    "约200名",
    "上千名",
    "三百名",
    "近百名",
    "大批",
    "数十名",
    "两千多名",
];
const ACTIONS: &[&str] = &[
    "罢工讨薪",
    "聚集在市政府门前抗议",
    "堵路维权",
    "到信访局上访",
    "静坐请愿",
    "拉起横幅要求赔偿",
    "与拆迁人员发生冲突",
];
const FILLERS: &[&str] = &[
    "据当地网友透露,相关部门长期拖欠款项,多次协商无果,当事人生活陷入困境。",
    "现场视频显示,大量警察到场维持秩序,有人被强行带离,相关帖子随后被删除。",
    "当地政府表示将展开调查,并承诺尽快给出处理意见,但至今并未兑现。",
    "此类事件近年来屡见不鲜,去年当地也曾发生过类似的抗议活动,最终不了了之。",
    "有网友指出,这一问题由来已久,涉及的资金和人数都相当可观,当局却一直没有回应。",
    "参与者表示,他们只是希望拿回属于自己的血汗钱,并要求有关部门依法处理。",
];

/// A small deterministic generator (no dependency, same corpus every run).
pub struct Rng(pub u64);

impl Rng {
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        v[(self.0 >> 33) as usize % v.len()]
    }
    fn day(&mut self) -> u8 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        1 + ((self.0 >> 33) % 28) as u8
    }
}

/// A report of about `target` characters.
/// One generated report of about `target` characters.
pub fn report(rng: &mut Rng, target: usize) -> Report {
    let place = rng.pick(PLACES);
    let group = rng.pick(GROUPS);
    let day = rng.day();
    let title = format!("{}{}{}", &place[..9], group, rng.pick(ACTIONS));
    let mut body = String::new();
    while body.chars().count() < target {
        body.push_str(&format!(
            "{}月{}日,{}的{}{}{}。",
            11,
            rng.day(),
            rng.pick(PLACES),
            rng.pick(SIZES),
            rng.pick(GROUPS),
            rng.pick(ACTIONS)
        ));
        for _ in 0..3 {
            body.push_str(rng.pick(FILLERS));
        }
        body.push_str("\n\n");
    }
    let text = format!("{title}(2025.11.{day:02})\n\n{body}");
    let date = PartialDate::ymd(2025, 11, day);
    Report {
        title_zh: Some(title),
        title_en: None,
        body_zh: Some(body),
        body_en: None,
        text,
        lang: Lang::Zh,
        script: Default::default(),
        start_date: date,
        end_date: date,
        published: date,
        url: None,
        source: None,
    }
}

/// The same report in traditional characters.
pub fn to_traditional(r: &Report) -> Report {
    let t = |s: &str| unrest_script::to_traditional(s).into_owned();
    Report {
        title_zh: r.title_zh.as_deref().map(t),
        body_zh: r.body_zh.as_deref().map(t),
        text: t(&r.text),
        ..r.clone()
    }
}
