//! Words for full-text search, the same for every backend: Chinese text is
//! segmented into words with jieba, so that the index holds 罢工 and 讨薪 as
//! words rather than runs of characters; English passes through as it is
//! (each backend's tokenizer splits and stems it). Each backend indexes the
//! space-joined words of [`index_text`] and matches the words of
//! [`query_terms`].

use std::sync::OnceLock;
use unrest_codebook::{Event, Group, Issue, Report, Tactic, Target, Vocabulary};

/// The segmenter, loaded once per process (its dictionary takes a moment).
fn jieba() -> &'static jieba_rs::Jieba {
    static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    JIEBA.get_or_init(jieba_rs::Jieba::new)
}

/// Whether a segment is worth indexing: it has a letter or a digit (drops
/// spaces and punctuation).
fn is_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Appends the words of `text` to `out`, space-separated. Uses jieba's
/// search mode, which also emits the shorter words inside long ones
/// (维权被抓 gives 维权 and 被抓), so a query for a part still matches.
///
/// Text is indexed in simplified characters (the segmenter's dictionary is
/// simplified, and queries are converted the same way), so 罢工 finds a
/// report written 罷工 and the reverse.
pub(crate) fn push_words(out: &mut String, text: &str) {
    let text = unrest_script::to_simplified(text);
    for token in jieba().cut_for_search(&text, true) {
        if is_word(token.word) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(token.word);
        }
    }
}

/// Extra words indexed for each vocabulary code, so a search for a common
/// word finds events coded with it even when the report words it otherwise
/// (讨薪 finds a report that says 拖欠工资). Labels of both languages are
/// always added; these are the other usual words.
fn code_words(vocab: &str, code: &str) -> &'static str {
    match (vocab, code) {
        ("issues", "labor.wages") => "讨薪 欠薪 拖欠工资 工资 wages wage unpaid pay",
        ("issues", "labor.social_insurance") => "社保 公积金 养老金 pension insurance",
        ("issues", "labor.conditions") => "工伤 超时 加班 safety overtime",
        ("issues", "labor.layoffs") => "裁员 倒闭 搬迁 补偿 layoff layoffs dismissal severance closure",
        ("issues", "land") => "征地 强拆 拆迁 土地 land demolition",
        ("issues", "housing") => "烂尾楼 业主 交房 物业 housing homeowners",
        ("issues", "environment") => "污染 环保 pollution",
        ("issues", "finance") => "爆雷 非法集资 理财 兑付 fraud deposits",
        ("issues", "health") => "医疗事故 医院 hospital malpractice",
        ("issues", "veterans") => "退伍 老兵 安置 veterans",
        ("issues", "official_abuse") => "贪污 腐败 暴力执法 corruption abuse",
        ("issues", "justice") => "冤案 司法 injustice",
        ("issues", "education") => "学校 学费 school",
        ("issues", "consumer") => "退款 消费者 refund consumers",
        ("tactics", "strike") => "罢工 停工 strike strikes",
        ("tactics", "assembly") => "聚集 集会 抗议 protest gathering",
        ("tactics", "sit_in") => "静坐 sit-in",
        ("tactics", "march") => "游行 march",
        ("tactics", "blockade") => "堵路 堵门 拦路 blockade",
        ("tactics", "petition") => "上访 信访 petition",
        ("tactics", "online_appeal") => "维权 网上 online",
        ("tactics", "banners") => "横幅 标语 banner banners",
        ("tactics", "kneeling") => "下跪 kneel kneeling",
        ("tactics", "confrontation") => "冲突 clash clashes",
        ("tactics", "self_harm") => "跳楼 自杀 suicide",
        ("tactics", "legal_action") => "起诉 诉讼 lawsuit",
        ("tactics", "occupation") => "占领 占据 occupy",
        _ => "",
    }
}

fn push_codes<V: Vocabulary>(out: &mut String, values: &[V]) {
    for v in values {
        for text in [v.label_zh(), v.label_en(), code_words(V::NAME, v.code())] {
            push_words(out, text);
        }
    }
}

/// The words an event is found by: its titles, places, size, demands and
/// codes (with their labels and usual words), and the titles and text of
/// its report.
pub(crate) fn index_text(event: &Event, report: Option<&Report>) -> String {
    let mut out = String::new();
    let fields = [
        event.title_zh.as_deref(),
        event.title_en.as_deref(),
        Some(event.report.as_str()),
        event.province.as_deref(),
        event.prefecture.as_deref(),
        event.county.as_deref(),
        event.township.as_deref(),
        event.village.as_deref(),
        event.place.as_deref(),
        event.size_text.as_deref(),
    ];
    for text in fields.into_iter().flatten() {
        push_words(&mut out, text);
    }
    for demand in &event.demands {
        push_words(&mut out, demand);
    }
    push_codes::<Issue>(&mut out, &event.issues);
    push_codes::<Group>(&mut out, &event.groups);
    push_codes::<Tactic>(&mut out, &event.tactics);
    push_codes::<Target>(&mut out, &event.targets);
    if let Some(r) = report {
        for text in [r.title_zh.as_deref(), r.title_en.as_deref(), Some(r.text.as_str())]
            .into_iter()
            .flatten()
        {
            push_words(&mut out, text);
        }
    }
    out
}

/// The words of a query, each of which must match. Chinese is cut into the
/// words the index holds (precise mode, so 拖欠工资 gives 拖欠 and 工资);
/// at most 16 words are kept.
pub(crate) fn query_terms(query: &str) -> Vec<String> {
    let query: String = query.chars().take(crate::MAX_QUERY_CHARS).collect();
    let query = unrest_script::to_simplified(&query);
    let mut terms: Vec<String> = Vec::new();
    for token in jieba().cut(&query, true) {
        let word = token.word.trim();
        if is_word(word) && !terms.iter().any(|t| t == word) {
            terms.push(word.to_owned());
        }
    }
    terms.truncate(16);
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use unrest_codebook::Role;

    #[test]
    fn chinese_is_segmented_into_words() {
        let mut out = String::new();
        push_words(&mut out, "工人罢工讨薪，要求补发工资。");
        let words: Vec<&str> = out.split(' ').collect();
        for w in ["工人", "罢工", "讨薪", "工资"] {
            assert!(words.contains(&w), "{w} not in {words:?}");
        }
        assert!(!words.iter().any(|w| w.contains('，')), "{words:?}");
    }

    #[test]
    fn either_script_finds_the_other() {
        // A report written in traditional characters is indexed in simplified
        // words, and a query in either script is cut into the same words.
        let mut out = String::new();
        push_words(&mut out, "數百名工人罷工討薪,當局出動警察驅散。");
        let words: Vec<&str> = out.split(' ').collect();
        for w in ["罢工", "讨薪", "警察", "驱散"] {
            assert!(words.contains(&w), "{w} not in {words:?}");
        }
        assert_eq!(query_terms("罷工"), query_terms("罢工"));
        assert_eq!(query_terms("討薪 驅散"), ["讨薪", "驱散"]);
    }

    #[test]
    fn queries_drop_punctuation_and_repeats() {
        assert_eq!(query_terms("罢工, 罢工!"), ["罢工"]);
        assert_eq!(query_terms("unpaid wages"), ["unpaid", "wages"]);
        assert!(query_terms("  ，。 ").is_empty());
        assert!(query_terms(&"罢工 ".repeat(500)).len() <= 16);
    }

    #[test]
    fn codes_add_their_usual_words() {
        let mut e = Event::new("r", Role::Primary);
        e.issues = vec![Issue::LaborWages];
        e.tactics = vec![Tactic::Strike];
        let text = index_text(&e, None);
        for w in ["讨薪", "罢工", "Strike", "wages"] {
            assert!(text.split(' ').any(|t| t == w), "{w} not in {text}");
        }
    }
}
