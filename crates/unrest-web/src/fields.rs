//! The public fields of an event, with names and meanings in both
//! languages: the event page labels its rows with them, and the data
//! dictionary documents the downloads with them. One list, so the two never
//! disagree.

use crate::lang::Lang;

/// One public field.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The key in JSON Lines and the CSV column name.
    pub key: &'static str,
    /// The value type as a researcher reads it.
    pub kind: &'static str,
    /// Short label in Chinese.
    pub zh: &'static str,
    /// Short label in English.
    pub en: &'static str,
    /// What it means, in Chinese.
    pub about_zh: &'static str,
    /// What it means, in English.
    pub about_en: &'static str,
}

impl Field {
    /// The label in a language.
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }

    /// The meaning in a language.
    pub fn about(&self, lang: Lang) -> &'static str {
        lang.pick(self.about_zh, self.about_en)
    }
}

const fn f(
    key: &'static str,
    kind: &'static str,
    zh: &'static str,
    en: &'static str,
    about_zh: &'static str,
    about_en: &'static str,
) -> Field {
    Field {
        key,
        kind,
        zh,
        en,
        about_zh,
        about_en,
    }
}

/// Fields that only the downloads add to the codebook record.
pub const DOWNLOAD_FIELDS: &[Field] = &[
    f(
        "id",
        "string",
        "事件编号",
        "Event id",
        "稳定的公开编号，用于永久链接和引用。",
        "Stable public id, used in permalinks and citations.",
    ),
    f(
        "url",
        "string",
        "永久链接",
        "Permalink",
        "事件页面的地址。",
        "Address of the event's page.",
    ),
    f(
        "updated_at",
        "RFC 3339",
        "更新时间",
        "Updated",
        "这条记录最后一次更改的时间（UTC）。",
        "When the record last changed (UTC).",
    ),
];

/// The codebook record's fields, in codebook order.
pub const FIELDS: &[Field] = &[
    f(
        "report",
        "string",
        "来源报告",
        "Report",
        "编码所依据的报告标题（有中文标题时用中文）。",
        "Title of the report the event was coded from (the Chinese title where there is one).",
    ),
    f(
        "role",
        "primary | mentioned",
        "角色",
        "Role",
        "primary：报告所讲的事件；mentioned：报告作为背景提到的事件。",
        "primary: an incident the report is about; mentioned: one it cites as background.",
    ),
    f(
        "title_zh",
        "string | null",
        "中文标题",
        "Chinese headline",
        "事件的中文短标题。",
        "Short headline of the event in Chinese.",
    ),
    f(
        "title_en",
        "string | null",
        "英文标题",
        "English headline",
        "事件的英文短标题。",
        "Short headline of the event in English.",
    ),
    f(
        "start_date",
        "date | null",
        "开始日期",
        "Start date",
        "集体行动的第一天（YYYY-MM-DD、YYYY-MM 或 YYYY）。",
        "First day of the collective action (YYYY-MM-DD, YYYY-MM or YYYY).",
    ),
    f(
        "end_date",
        "date | null",
        "结束日期",
        "End date",
        "集体行动的最后一天；单日事件与开始日期相同。",
        "Last day of the action; equal to the start for one-day events.",
    ),
    f(
        "date_precision",
        "day | month | year",
        "日期精度",
        "Date precision",
        "两个日期中较粗的精度。",
        "The coarser precision of the two dates.",
    ),
    f(
        "country",
        "ISO 3166-1",
        "国家",
        "Country",
        "两位国家代码，中国大陆为 CN。",
        "Two-letter country code; CN for mainland China.",
    ),
    f(
        "province",
        "string | null",
        "省份",
        "Province",
        "省级行政区的正式全称。",
        "Official full name of the province-level unit.",
    ),
    f(
        "prefecture",
        "string | null",
        "地级市",
        "Prefecture",
        "地级行政区的正式全称。",
        "Official full name of the prefecture-level unit.",
    ),
    f(
        "county",
        "string | null",
        "区县",
        "County",
        "县级行政区的正式全称。",
        "Official full name of the county-level unit.",
    ),
    f(
        "township",
        "string | null",
        "乡镇",
        "Township",
        "乡镇或街道的正式名称。",
        "Official name of the township or street office.",
    ),
    f(
        "village",
        "string | null",
        "村",
        "Village",
        "村或社区的正式名称。",
        "Official name of the village or community.",
    ),
    f(
        "adcode",
        "string | null",
        "行政区划代码",
        "Division code",
        "已知最具体单位的统计用区划代码（2、4、6、9 或 12 位）。",
        "Statistical division code of the most specific known unit (2, 4, 6, 9 or 12 digits).",
    ),
    f(
        "place",
        "string | null",
        "地点",
        "Site",
        "村以下的具体地点，照原文记录，如广场、厂门口。",
        "A site below the village as written: a square, a factory gate.",
    ),
    f(
        "geo_precision",
        "village … country",
        "地点精度",
        "Place precision",
        "已知的最具体行政层级。",
        "The most specific administrative level known.",
    ),
    f(
        "lat",
        "number | null",
        "纬度",
        "Latitude",
        "最具体且有坐标的单位的纬度（WGS84）。",
        "Latitude of the most specific unit with coordinates (WGS84).",
    ),
    f(
        "lon",
        "number | null",
        "经度",
        "Longitude",
        "最具体且有坐标的单位的经度（WGS84）。",
        "Longitude of the same unit (WGS84).",
    ),
    f(
        "issues",
        "[code]",
        "诉求",
        "Issues",
        "引发行动的不满，见编码手册；可有多个。",
        "The grievances behind the action (see the codebook); several allowed.",
    ),
    f("groups", "[code]", "群体", "Groups", "谁采取了行动。", "Who acted."),
    f(
        "tactics",
        "[code]",
        "行动方式",
        "Tactics",
        "参与者做了什么。",
        "What the participants did.",
    ),
    f(
        "targets",
        "[code]",
        "对象",
        "Targets",
        "行动针对谁。",
        "Whom the action addressed.",
    ),
    f(
        "size_min",
        "integer | null",
        "人数下限",
        "Size (low)",
        "参与人数的下限。",
        "Lower bound of the number of participants.",
    ),
    f(
        "size_max",
        "integer | null",
        "人数上限",
        "Size (high)",
        "参与人数的上限；无上限时为空。",
        "Upper bound of participants; empty when open-ended.",
    ),
    f(
        "size_text",
        "string | null",
        "人数原文",
        "Size as written",
        "人数所依据的原文。",
        "The words the size was read from.",
    ),
    f(
        "police",
        "bool | null",
        "警察出动",
        "Police deployed",
        "警察或其他安全力量被派来对付行动。",
        "Police or other security forces were deployed against the action.",
    ),
    f(
        "arrests_min",
        "integer | null",
        "被带走人数下限",
        "Detained (low)",
        "行动中或刚结束时被带走的人数下限。",
        "Lower bound of people detained during or right after the action.",
    ),
    f(
        "arrests_max",
        "integer | null",
        "被带走人数上限",
        "Detained (high)",
        "被带走人数的上限。",
        "Upper bound of people detained.",
    ),
    f(
        "violence",
        "bool | null",
        "暴力对待",
        "Violence",
        "参与者被殴打、拖拽或以其他方式伤害。",
        "Participants were beaten, dragged or otherwise hurt.",
    ),
    f(
        "injuries",
        "integer | null",
        "受伤人数",
        "Injured",
        "行动中受伤的参与者人数。",
        "Participants injured during the action.",
    ),
    f(
        "deaths",
        "integer | null",
        "死亡人数",
        "Killed",
        "行动中死亡的参与者人数。",
        "Participants killed during the action.",
    ),
    f(
        "censorship",
        "bool | null",
        "网络审查",
        "Censorship",
        "相关帖子被删除、屏蔽或限流。",
        "Posts about the event were deleted, blocked or throttled.",
    ),
    f(
        "intimidation",
        "bool | null",
        "威胁恐吓",
        "Intimidation",
        "针对参与者的警告、威胁、传唤或监控。",
        "Warnings, threats, summons or surveillance aimed at participants.",
    ),
    f(
        "outcome",
        "achieved | partial | none | unknown",
        "结果",
        "Outcome",
        "achieved 达成诉求；partial 让步或承诺；none 被拒绝或压制；unknown 不详。",
        "achieved: got what it sought; partial: a concession or promise; none: refused or crushed; unknown.",
    ),
    f(
        "demands",
        "[string]",
        "诉求原文",
        "Demands",
        "按原文记录的各项要求。",
        "The demands as written, one each.",
    ),
    f(
        "evidence",
        "[{field, text, start, end}]",
        "证据",
        "Evidence",
        "每个编码字段所依据的报告文字及其字符位置（从 0 起，不含结束位置）。",
        "For each coded field, the report text it was read from and its character offsets (from 0, end exclusive).",
    ),
];

/// Looks a field up by key (for evidence labels).
pub fn by_key(key: &str) -> Option<&'static Field> {
    FIELDS.iter().chain(DOWNLOAD_FIELDS).find(|f| f.key == key)
}

/// How nulls and booleans read on pages.
pub fn yes_no(lang: Lang, value: Option<bool>) -> &'static str {
    match value {
        Some(true) => lang.pick("是", "Yes"),
        Some(false) => lang.pick("否", "No"),
        None => lang.pick("未说明", "Not stated"),
    }
}
