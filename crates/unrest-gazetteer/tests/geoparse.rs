//! Geoparsing fixtures: fictional sentences, one rule each, over the real
//! embedded gazetteer.

use unrest_gazetteer::{Gazetteer, Level, Mention};

fn parse(text: &str) -> Vec<Mention> {
    Gazetteer::try_embedded()
        .expect("embedded gazetteer loads")
        .geoparse(text)
}

/// The code of the confident mention written exactly as `written`.
fn code_of(ms: &[Mention], written: &str) -> Option<String> {
    ms.iter()
        .find(|m| m.text == written && m.confident)
        .and_then(|m| m.resolved.as_ref())
        .map(|r| r.unit.code.clone())
}

fn confident_codes(ms: &[Mention]) -> Vec<String> {
    ms.iter()
        .filter(|m| m.confident)
        .filter_map(|m| m.resolved.as_ref().map(|r| r.unit.code.clone()))
        .collect()
}

#[test]
fn full_name_chain_resolves_to_the_most_specific_unit() {
    let ms = parse("昨天上午，湖南省长沙市岳麓区一家电子厂的工人集体停工。");
    assert_eq!(code_of(&ms, "湖南省长沙市岳麓区").as_deref(), Some("430104"));
    let r = ms[0]
        .resolved
        .as_ref()
        .map(|r| r.path.iter().map(|u| u.name.as_str()).collect::<Vec<_>>());
    assert_eq!(r, Some(vec!["湖南省", "长沙市", "岳麓区"]));
}

#[test]
fn spans_are_byte_offsets_into_the_input() {
    let text = "据报道，湖南长沙的司机聚集抗议。";
    let ms = parse(text);
    let m = ms.iter().find(|m| m.confident).expect("a mention");
    assert_eq!(&text[m.start..m.end], m.text);
    assert_eq!(m.text, "湖南长沙");
    assert_eq!(m.resolved.as_ref().map(|r| r.unit.level), Some(Level::Prefecture));
}

#[test]
fn short_forms_without_suffix() {
    let ms = parse("一群来自陆丰的渔民前往码头。");
    assert_eq!(code_of(&ms, "陆丰").as_deref(), Some("441581"));
}

#[test]
fn autonomous_prefecture_abbreviations() {
    let ms = parse("退休教师在黔南州政府门口拉横幅，另一批人去了恩施州和湘西州。");
    assert_eq!(code_of(&ms, "黔南州").as_deref(), Some("5227"));
    assert_eq!(code_of(&ms, "恩施州").as_deref(), Some("4228"));
    assert_eq!(code_of(&ms, "湘西州").as_deref(), Some("4331"));
}

#[test]
fn village_under_its_county_in_a_chain() {
    // 石桥村 has about two hundred namesakes; the chain picks one.
    let ms = parse("汨罗市桃林寺镇石桥村的村民堵住了运土车。");
    assert_eq!(code_of(&ms, "汨罗市桃林寺镇石桥村").as_deref(), Some("430681112225"));
    let ms = parse("汨罗市石桥村委会门前聚集了上百人。");
    assert_eq!(code_of(&ms, "汨罗市石桥村").as_deref(), Some("430681112225"));
}

#[test]
fn bare_village_is_resolved_by_the_county_named_elsewhere() {
    let text = "湖南汨罗市近日出台新规。十月，桃林寺镇石桥村的村民到镇上抗议，石桥村的妇女也来了。";
    let ms = parse(text);
    let codes = confident_codes(&ms);
    assert!(codes.iter().filter(|c| *c == "430681112225").count() >= 2, "{ms:#?}");
}

#[test]
fn bare_village_without_context_is_not_resolved() {
    let ms = parse("上周，石桥村的村民到镇上抗议。");
    let m = ms.iter().find(|m| m.text == "石桥村").expect("mention found");
    assert!(m.resolved.is_none());
    assert!(!m.confident);
    assert!(m.candidates.len() > 100);
}

#[test]
fn bare_county_namesakes_stay_unresolved_without_context() {
    // 鼓楼区 exists in several cities.
    let ms = parse("有人在鼓楼区发传单。");
    let m = ms.iter().find(|m| m.text == "鼓楼区").expect("mention found");
    assert!(m.resolved.is_none() && m.candidates.len() > 2);
    // With the city named elsewhere, it resolves.
    let ms = parse("福建福州市的出租车司机罢工。有人在鼓楼区发传单。");
    assert_eq!(code_of(&ms, "鼓楼区").as_deref(), Some("350102"));
}

#[test]
fn a_unit_beats_its_namesake_descendant() {
    // 吉安 is both the prefecture and one of its counties: the prefecture.
    let ms = parse("工人说吉安的工厂已经停工。");
    assert_eq!(code_of(&ms, "吉安").as_deref(), Some("3608"));
}

#[test]
fn municipalities_skip_the_pseudo_prefecture() {
    let ms = parse("访民在北京朝阳区被拦截，随后被送回上海。");
    assert_eq!(code_of(&ms, "北京朝阳区").as_deref(), Some("110105"));
    assert_eq!(code_of(&ms, "上海").as_deref(), Some("31"));
    let g = Gazetteer::embedded();
    let names: Vec<String> = g.path("110105").into_iter().map(|u| u.name).collect();
    assert_eq!(names, ["北京市", "朝阳区"]);
}

#[test]
fn old_names_and_old_suffixes() {
    let ms = parse("当年赣县的老兵和赣榆县的教师都曾上访。");
    assert_eq!(code_of(&ms, "赣县").as_deref(), Some("360704"));
    assert_eq!(code_of(&ms, "赣榆县").as_deref(), Some("320707"));
}

#[test]
fn english_chains_and_forms() {
    let ms = parse("On Monday, workers in Lucheng District, Wenzhou, Zhejiang Province blocked the gate.");
    assert_eq!(
        code_of(&ms, "Lucheng District, Wenzhou, Zhejiang Province").as_deref(),
        Some("330302")
    );
    let ms = parse("Residents of Shiqiao Village, Taolinsi Town, Miluo City marched to the town hall.");
    assert_eq!(
        code_of(&ms, "Shiqiao Village, Taolinsi Town, Miluo City").as_deref(),
        Some("430681112225")
    );
    let ms = parse("Retired teachers gathered outside the Qiannan Prefecture government.");
    assert_eq!(code_of(&ms, "Qiannan Prefecture").as_deref(), Some("5227"));
}

#[test]
fn english_needs_capitals_and_word_boundaries() {
    let ms = parse("the changsha office; ChangshaNews is not Changsha");
    let codes = confident_codes(&ms);
    assert_eq!(codes, ["4301"], "{ms:#?}");
}

#[test]
fn countries_in_chinese_and_english() {
    let ms = parse("在坦桑尼亚和柬埔寨的工地上，工人被拖欠工资。Workers in Guinea went on strike.");
    let codes = confident_codes(&ms);
    assert!(
        codes.contains(&"TZ".to_string()) && codes.contains(&"KH".to_string()) && codes.contains(&"GN".to_string())
    );
}

#[test]
fn traps_are_not_confident() {
    for text in [
        "家属要求请北京合作专家来会诊。",
        "她要求省卫健委派调查组。",
        "所谓一带一路项目拖欠工资。",
        "游行队伍走到中山路口。",
        "车停在北京西路边上。",
        "他们请了上海专家。",
        "他说一口四川话。",
    ] {
        let ms = parse(text);
        assert!(confident_codes(&ms).is_empty(), "{text}: {ms:#?}");
    }
}

#[test]
fn common_words_need_support() {
    let ms = parse("人们祈求和平。");
    assert!(confident_codes(&ms).is_empty(), "{ms:#?}");
    let ms = parse("天津和平区的商户关门抗议。");
    assert_eq!(code_of(&ms, "天津和平区").as_deref(), Some("120101"));
}

#[test]
fn mentions_are_in_order_and_do_not_overlap() {
    let ms = parse("浙江省宁波市海曙区、湖南长沙、汨罗市石桥村和Lucheng District, Wenzhou都有人抗议。");
    for w in ms.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    assert!(ms.len() >= 4);
}

#[test]
fn unit_and_path_lookups() {
    let g = Gazetteer::embedded();
    let u = g.unit("430681112225").expect("village");
    assert_eq!(u.name, "石桥村");
    assert_eq!(u.level, Level::Village);
    assert_eq!(u.country, "CN");
    let county = g.unit("430681").expect("county");
    assert_eq!(
        (u.lat, u.lon),
        (county.lat, county.lon),
        "villages use their county's point"
    );
    assert!(county.lat.is_some());
    assert_eq!(g.unit("GN").map(|u| u.level), Some(Level::Country));
    assert_eq!(g.unit("81").map(|u| u.country), Some("HK".to_string()));
    assert!(g.unit("999999").is_none());
    assert!(g.unit("not a code").is_none());
    assert!(g.path("nope").is_empty());
    assert_eq!(g.path("4306").len(), 2);
}

#[test]
fn json_and_table_output() {
    let text = "湖南省长沙市岳麓区";
    let ms = parse(text);
    let json = serde_json::to_string(&ms).expect("serialises");
    assert!(json.contains("\"level\":\"county\""));
    let table = unrest_gazetteer::format_mentions(text, &ms);
    assert!(table.contains("430104") && table.contains("Yuelu District"));
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "村",
        "区区区区",
        "Village",
        "Town of",
        " , in Village",
        "\u{0}镇",
        "a\u{2019}b Village",
    ] {
        let _ = parse(text);
    }
}

#[test]
fn a_bare_county_far_from_every_other_place_is_not_confident() {
    // 南华 is a county in Yunnan; in a text about Guangdong it is a name.
    let ms = parse("广东东莞的南华公司工人罢工。");
    assert!(!confident_codes(&ms).contains(&"532324".to_string()), "{ms:#?}");
    // Alone, or with its own province, it is a place.
    let ms = parse("云南南华的农民上访。");
    assert!(confident_codes(&ms).contains(&"532324".to_string()), "{ms:#?}");
    let ms = parse("一群来自陆丰的渔民前往码头。");
    assert_eq!(code_of(&ms, "陆丰").as_deref(), Some("441581"));
}

#[test]
fn common_words_like_firing_into_the_air_or_going_out() {
    let ms = parse("警察朝天鸣枪，人们上街游行，公安局派人到场。");
    assert!(confident_codes(&ms).is_empty(), "{ms:#?}");
}
