//! Intake over the fixture files (fictional reports written for these tests)
//! and over the shared sample bulletin when it is present.

use unrest_codebook::{Lang, PartialDate, Report};
use unrest_intake::{Format, IntakeError, detect_format, read_reports, split_bulletin};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> Vec<Report> {
    read_reports(name, &fixture(name)).unwrap_or_else(|e| panic!("{e}"))
}

fn err(name: &str) -> IntakeError {
    read_reports(name, &fixture(name)).expect_err(name)
}

fn d(s: &str) -> PartialDate {
    s.parse().unwrap()
}

/// Every report's parts are slices of its text, and its text a slice of the file.
fn assert_slices(source: &str, reports: &[Report]) {
    for r in reports {
        assert!(source.contains(&r.text), "text not in source: {:?}", r.title());
        for part in [&r.title_zh, &r.title_en, &r.body_zh, &r.body_en].into_iter().flatten() {
            assert!(
                r.text.contains(part.as_str()),
                "{part:?} not in text of {:?}",
                r.title()
            );
            assert_eq!(part.trim(), part, "untrimmed part {part:?}");
        }
    }
}

fn dates(r: &Report) -> (Option<PartialDate>, Option<PartialDate>) {
    (r.start_date, r.end_date)
}

#[test]
fn bulletin_a_headline_styles() {
    let reports = read("bulletin-a.txt");
    assert_slices(&String::from_utf8(fixture("bulletin-a.txt")).unwrap(), &reports);
    let titles: Vec<(Option<&str>, Option<&str>)> = reports
        .iter()
        .map(|r| (r.title_zh.as_deref(), r.title_en.as_deref()))
        .collect();
    assert_eq!(
        titles,
        [
            (
                Some("湖北青石镇环卫工人罢工讨要三个月欠薪"),
                Some("Sanitation Workers in Qingshi Town, Hubei, Strike Over Three Months of Unpaid Wages")
            ),
            (
                Some("东湾村村民阻挡化工厂施工"),
                Some("Dongwan Villagers Block Chemical Plant Construction")
            ),
            (
                Some("南岭县出租车司机停运抗议平台抽成"),
                Some("Nanling Taxi Drivers Halt Service to Protest Platform Commission")
            ),
            (
                Some("西江市业主维权:烂尾楼停工两年"),
                Some("Xijiang Homebuyers Demand Delivery of Stalled Project")
            ),
            (Some("山南镇菜农抗议菜市场强制搬迁"), None),
        ]
    );
    let expected = [
        ("2025-10-20", "2025-10-20"),
        ("2025-10-28", "2025-11-02"),
        ("2025-11-03", "2025-11-03"),
        ("2025-10", "2025-10"),
        ("2025-11-05", "2025-11-05"),
    ];
    for (r, (start, end)) in reports.iter().zip(expected) {
        assert_eq!(dates(r), (Some(d(start)), Some(d(end))), "{}", r.title());
        assert_eq!(r.published, Some(d(end)));
        assert_eq!(r.source.as_deref(), Some("bulletin-a.txt"));
    }
    let langs: Vec<Lang> = reports.iter().map(|r| r.lang).collect();
    assert_eq!(
        langs,
        [
            Lang::Bilingual,
            Lang::Bilingual,
            Lang::Bilingual,
            Lang::Bilingual,
            Lang::Zh
        ]
    );

    // The repeated headline is not part of the Chinese body, balanced or not.
    assert!(reports[0].body_zh.as_deref().unwrap().starts_with("10月20日上午"));
    assert!(reports[1].body_zh.as_deref().unwrap().starts_with("10月28日起"));
    assert!(reports[2].body_zh.as_deref().unwrap().starts_with("11月3日"));
    // The inline English headline splits the paragraph.
    assert!(reports[2].body_zh.as_deref().unwrap().ends_with("抽成比例。"));
    assert!(reports[2].body_en.as_deref().unwrap().starts_with("On November 3"));
    assert!(reports[2].body_en.as_deref().unwrap().ends_with("since the summer."));
    // Text runs from the Chinese headline to the end of the English body.
    assert!(
        reports[1]
            .text
            .starts_with("【东湾村村民阻挡化工厂施工(2025.10.28-11.2)】")
    );
    assert!(reports[1].text.ends_with("took two villagers away."));
    assert!(reports[0].body_en.as_deref().unwrap().starts_with("On the morning"));
    assert!(!reports[0].body_zh.as_deref().unwrap().contains("Sanitation"));
    assert!(reports[4].body_en.is_none());
}

#[test]
fn bulletin_b_headline_styles() {
    let reports = read("bulletin-b.txt");
    assert_slices(&String::from_utf8(fixture("bulletin-b.txt")).unwrap(), &reports);
    assert_eq!(reports.len(), 4);
    let r = &reports[0];
    assert_eq!(r.title_zh.as_deref(), Some("台资(鞋业)工厂工人抗议搬迁补偿过低"));
    assert_eq!(
        r.title_en.as_deref(),
        Some("Workers at Taiwanese-Owned Shoe Factory Protest Low Relocation Compensation")
    );
    assert_eq!(dates(r), (Some(d("2025-11-10")), Some(d("2025-11-12"))));
    assert!(r.body_zh.as_deref().unwrap().starts_with("11月10日至12日"));
    assert!(r.body_zh.as_deref().unwrap().contains("工人诉求"));
    assert!(r.body_en.as_deref().unwrap().contains("What the workers want"));

    let r = &reports[1];
    assert_eq!(r.title_zh.as_deref(), Some("“老师”变“讨薪人”:北河县代课教师集体上访"));
    assert_eq!(
        r.title_en.as_deref(),
        Some("From ‘Teachers’ to ‘Wage Petitioners’: Substitute Teachers in Beihe County Petition")
    );
    assert_eq!(dates(r), (Some(d("2025-11-28")), Some(d("2025-12-02"))));
    assert!(r.body_zh.as_deref().unwrap().starts_with("11月28日至12月2日"));

    let r = &reports[2];
    assert_eq!(r.lang, Lang::En);
    assert_eq!(r.title_zh, None);
    assert_eq!(
        r.title_en.as_deref(),
        Some("Delivery Riders Stage Walkout in Lianhe City")
    );
    assert_eq!(dates(r), (Some(d("2025-11-28")), Some(d("2025-11-28"))));

    let r = &reports[3];
    assert_eq!(r.title_zh.as_deref(), Some("河口村渔民抗议禁渔令"));
    assert_eq!(
        r.title_en.as_deref(),
        Some("Hekou Fishers Protest Year-Round Fishing Ban")
    );
    assert_eq!(dates(r), (Some(d("2025-11")), Some(d("2025-11"))));
    assert!(r.body_zh.as_deref().unwrap().starts_with("本月"));
}

#[test]
fn crlf_and_bom_read_the_same() {
    let text = String::from_utf8(fixture("bulletin-a.txt")).unwrap();
    let crlf = format!("\u{FEFF}{}", text.replace('\n', "\r\n"));
    let a = read_reports("a.txt", text.as_bytes()).unwrap();
    let b = read_reports("a.txt", crlf.as_bytes()).unwrap();
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(
            (&x.title_zh, &x.title_en, x.start_date, x.end_date),
            (&y.title_zh, &y.title_en, y.start_date, y.end_date)
        );
        assert_eq!(
            x.body_en.as_deref().map(|s| s.replace("\r\n", "\n")),
            y.body_en.as_deref().map(|s| s.replace("\r\n", "\n"))
        );
        assert_eq!(x.content_hash(), y.content_hash());
    }
}

#[test]
fn split_ranges_point_into_the_page() {
    let text = String::from_utf8(fixture("bulletin-b.txt")).unwrap();
    let entries = split_bulletin(&text);
    assert_eq!(entries.len(), 4);
    let e = &entries[0];
    let zh = e.zh.as_ref().unwrap();
    assert_eq!(&text[zh.date.clone().unwrap()], "2025.11.10–12");
    assert_eq!(
        &text[zh.headline.clone().unwrap()],
        "[台资(鞋业)工厂工人抗议搬迁补偿过低（2025.11.10–12）」"
    );
    assert_eq!(
        &text[e.repeated_headline.clone().unwrap()],
        "[台资(鞋业)工厂工人抗议搬迁补偿过低（2025.11.10–12）」"
    );
    assert_eq!(&text[e.en.as_ref().unwrap().date.clone().unwrap()], "Nov 10–12, 2025");
    assert_eq!(e.date_range(&text), Some((d("2025-11-10"), d("2025-11-12"))));
    for e in &entries {
        for r in [Some(&e.span), e.repeated_headline.as_ref()].into_iter().flatten() {
            assert!(text.get(r.clone()).is_some());
        }
    }
}

#[test]
fn markdown_report() {
    let reports = read("report.md");
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    assert_eq!(r.lang, Lang::Zh);
    assert_eq!(r.title_zh.as_deref(), Some("临江市公交司机停运讨要加班费"));
    assert_eq!(r.published, Some(d("2025-11-08")));
    assert!(r.body_zh.as_deref().unwrap().contains("## 后续"));
    assert!(!r.body_zh.as_deref().unwrap().contains("# 临江市"));
    assert!(r.text.starts_with("# 临江市公交司机停运讨要加班费"));
    assert_eq!((r.title_en.as_ref(), r.body_en.as_ref()), (None, None));
}

#[test]
fn markdown_with_front_matter_and_setext_title() {
    let r = &read("couriers.md")[0];
    assert_eq!(r.lang, Lang::En);
    assert_eq!(r.title_en.as_deref(), Some("Couriers Rally Outside Depot"));
    assert_eq!(r.published, Some(d("2025-11-09")));
    assert_eq!(r.url.as_deref(), Some("https://example.org/reports/couriers"));
    assert!(r.body_en.as_deref().unwrap().starts_with("About thirty couriers"));
    assert!(!r.text.contains("---"));
}

#[test]
fn plain_text_report() {
    let reports = read("report.txt");
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    assert_eq!(r.lang, Lang::En);
    assert_eq!(
        r.title_en.as_deref(),
        Some("Nurses at County Hospital Protest Unpaid Bonuses")
    );
    assert_eq!(r.published, Some(d("2025-11-12")));
    assert_eq!((r.start_date, r.end_date), (None, None));
    assert!(r.body_en.as_deref().unwrap().ends_with("after an audit."));
}

#[test]
fn json_lines_reports() {
    let reports = read("reports.jsonl");
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[0].lang, Lang::Zh);
    assert_eq!(reports[0].title_zh.as_deref(), Some("石桥村村民抗议垃圾填埋场扩建"));
    assert_eq!(reports[0].published, Some(d("2025-11-07")));
    assert_eq!(reports[0].url.as_deref(), Some("https://example.org/a/1"));
    assert_eq!(reports[0].body_zh.as_deref(), Some(reports[0].text.as_str()));
    assert_eq!(reports[1].lang, Lang::En);
    assert_eq!(
        reports[1].title_en.as_deref(),
        Some("Retirees Petition Over Pension Cuts")
    );
    assert_eq!(reports[1].published, Some(d("2025-11")));
    assert_eq!(reports[1].url, None);
    // No "lang": detected from the text; a dated title gives the date range.
    assert_eq!(reports[2].lang, Lang::Zh);
    assert_eq!(reports[2].title_zh.as_deref(), Some("物业公司停电,业主围堵物业办公室"));
    assert_eq!(
        (reports[2].start_date, reports[2].end_date),
        (Some(d("2025-11-02")), Some(d("2025-11-03")))
    );
    assert_eq!(reports[2].published, Some(d("2025")));
}

#[test]
fn formats_are_detected() {
    let bulletin = String::from_utf8(fixture("bulletin-a.txt")).unwrap();
    assert_eq!(detect_format("a.txt", &bulletin), Format::Bulletin);
    assert_eq!(detect_format("a.md", "# Title\n\nBody text."), Format::Plain);
    assert_eq!(detect_format("a.JSONL", &bulletin), Format::JsonLines);
    assert_eq!(detect_format("a.ndjson", ""), Format::JsonLines);
    assert_eq!(
        detect_format("a.txt", "工人讨薪(2025.11.05)\n\n正文。"),
        Format::Bulletin
    );
    assert_eq!(detect_format("a.txt", "本周四(11月13日)工人罢工。"), Format::Plain);
    // Prose before the only dated line: an article, not a bulletin.
    let article = "工人罢工讨薪\n\n11月5日上午,约两百名工人聚集在工厂门口,要求公司支付拖欠三个月的工资,并补缴社保。\n\n记者 李明(2025.11.05)\n";
    assert_eq!(detect_format("a.txt", article), Format::Plain);
    let r = &read_reports("a.txt", article.as_bytes()).unwrap()[0];
    assert_eq!(r.title_zh.as_deref(), Some("工人罢工讨薪"));
    assert!(r.body_zh.as_deref().unwrap().ends_with("(2025.11.05)"));
}

/// Every error message is one line that starts with the file name.
fn assert_one_line(e: &IntakeError, prefix: &str) {
    let msg = e.to_string();
    assert!(!msg.contains('\n'), "{msg}");
    assert!(msg.starts_with(prefix), "{msg}");
    assert!(prefix.starts_with(e.file()), "{msg}");
}

#[test]
fn bad_files_are_errors_naming_the_file() {
    let e = err("bad-utf8.txt");
    assert_one_line(&e, "bad-utf8.txt");
    assert!(matches!(e, IntakeError::NotUtf8 { line: 3, .. }), "{e}");
    assert!(e.to_string().contains("not valid UTF-8"));

    let e = err("empty.txt");
    assert_one_line(&e, "empty.txt");
    assert_eq!(e.to_string(), "empty.txt: empty file");

    let e = err("no-report.txt");
    assert_one_line(&e, "no-report.txt");
    assert!(matches!(e, IntakeError::NoReport { .. }), "{e}");

    let e = err("truncated.jsonl");
    assert_one_line(&e, "truncated.jsonl:2:");
    assert!(e.to_string().contains("truncated"), "{e}");

    let e = err("bad-date.jsonl");
    assert_eq!(
        e.to_string(),
        r#"bad-date.jsonl:3: field "published": malformed date "2025-13-01""#
    );
    assert_eq!(e.line(), Some(3));
}

#[test]
fn json_lines_errors_name_line_and_field() {
    let cases: &[(&str, &str)] = &[
        (
            "{\"title\": \"A\", \"text\": \"B\", \"author\": \"C\"}",
            "r.jsonl:1: unknown field \"author\" (allowed: title, text, published, url, lang)",
        ),
        ("{\"title\": \"A\"}", "r.jsonl:1: missing required field \"text\""),
        ("{\"text\": \"A\"}", "r.jsonl:1: missing required field \"title\""),
        ("[1, 2]", "r.jsonl:1: expected a JSON object, found an array"),
        (
            "{\"title\": \"A\", \"text\": 5}",
            "r.jsonl:1: field \"text\": expected a string, found a number",
        ),
        (
            "{\"title\": \"A\", \"text\": \"B\", \"lang\": \"fr\"}",
            "r.jsonl:1: field \"lang\": unknown language \"fr\" (expected \"zh\" or \"en\")",
        ),
        (
            "{\"title\": \"A\", \"text\": \"B\", \"published\": \"Nov 5\"}",
            "r.jsonl:1: field \"published\": malformed date \"Nov 5\"",
        ),
        (
            "{\"title\": \"A\", \"text\": \" \"}",
            "r.jsonl:1: field \"text\": empty text",
        ),
    ];
    for (line, want) in cases {
        let e = read_reports("r.jsonl", line.as_bytes()).unwrap_err();
        assert_eq!(&e.to_string(), want);
    }
    let e = read_reports("r.jsonl", b"{\"title\": \"A\", \"text\": \"B\"}\n\n{\"title\": 1 x}").unwrap_err();
    assert!(e.to_string().starts_with("r.jsonl:3: malformed JSON: "), "{e}");
    let e = read_reports(
        "r.jsonl",
        "{\"title\": \"A\", \"text\": \"B\", \"a\\nb\": 1}".as_bytes(),
    )
    .unwrap_err();
    assert_one_line(&e, "r.jsonl:1:");
}

#[test]
fn other_bad_inputs() {
    let e = read_reports("x.txt", b"\xFF\xFEa\x00b\x00").unwrap_err();
    assert!(e.to_string().contains("UTF-16"), "{e}");
    let e = read_reports("x.txt", b"abc\n\x00\x01").unwrap_err();
    assert_eq!(e.to_string(), "x.txt: binary data, not text (NUL byte at line 2)");
    let e = read_reports("x.txt", "工人\u{0}".as_bytes()).unwrap_err();
    assert!(matches!(e, IntakeError::Binary { .. }));
    let e = read_reports("x.txt", b"abc \xE5\xB7").unwrap_err();
    assert!(e.to_string().contains("truncated character"), "{e}");
    let e = read_reports("x.txt", b" \n\t\n").unwrap_err();
    assert!(matches!(e, IntakeError::Empty { .. }));
    let e = read_reports("x.md", b"---\ntitle: A\n---\n").unwrap_err();
    assert!(matches!(e, IntakeError::NoReport { .. }), "{e}");
    let e = read_reports("x.txt", "—— 12 ——\n\n…".as_bytes()).unwrap_err();
    assert!(matches!(e, IntakeError::NoReport { .. }), "{e}");
    let e = read_reports("bad\nname.txt", b"").unwrap_err();
    assert_eq!(e.to_string(), "bad\\nname.txt: empty file");
}

#[test]
fn one_paragraph_plain_report() {
    let r = &read_reports("p.txt", "11月5日,工人在厂门口聚集,要求补发工资。".as_bytes()).unwrap()[0];
    assert_eq!(r.title_zh.as_deref(), Some("11月5日,工人在厂门口聚集,要求补发工资"));
    assert_eq!(r.body_zh.as_deref(), Some("11月5日,工人在厂门口聚集,要求补发工资。"));
}

/// The shared sample page: ten reports, every pair and headline date right.
/// The titles are asserted only to check this sample; nothing in the crate
/// knows them.
#[test]
fn sample_bulletin_has_its_ten_reports() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/reports-2025-11.txt"
    );
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("notice: {path} not found; sample bulletin test skipped");
        return;
    };
    let source = String::from_utf8(bytes.clone()).unwrap();
    let reports = read_reports("reports-2025-11.txt", &bytes).unwrap();
    assert_slices(&source, &reports);
    let expected: [(&str, &str, &str, &str); 10] = [
        (
            "宁波“小洛熙”微创手术后不幸离世,母亲维权获大批网民声援",
            "Ningbo Baby ‘Little Luoxi’ Dies After Minimally Invasive Surgery; Mother’s Protest Draws Massive Online Support",
            "2025-11-17",
            "2025-11-17",
        ),
        (
            "辽宁营口政府随意停航镇压渔民,渔民称“共产党不让老百姓活”",
            "Liaoning Yingkou Government Arbitrarily Halts Fishing, Suppresses Fishermen; Fishermen Say “The Communist Party Won’t Let People Live”",
            "2025-11-15",
            "2025-11-15",
        ),
        (
            "贵州、山西、河南四煤矿工人罢工讨薪",
            "Coal Miners Strike for Unpaid Wages in Guizhou, Shanxi, and Henan",
            "2025-11-01",
            "2025-11-12",
        ),
        (
            "中共退伍军人被用完即弃:云南老兵跪行求补贴",
            "Chinese Communist Veterans Discarded After Use: Yunnan Soldier Crawls for Subsidy",
            "2025-11-01",
            "2025-11-10",
        ),
        (
            "港资银图电器广东、江西工厂工人罢工讨要工资社保",
            "Hong Kong-Funded Yintu Electric Workers in Guangdong and Jiangxi Strike for Unpaid Wages and Social Insurance",
            "2025-11-03",
            "2025-11-13",
        ),
        (
            "广东怀集村民与强征队发生激烈冲突",
            "Guangdong Huaiji Villagers Clash Fiercely with Forced Land Expropriation Team",
            "2025-11-12",
            "2025-11-12",
        ),
        (
            "政府牵头成立借贷公司卷走11亿,投资者讨款遭镇压",
            "Government-backed lending firm embezzles 1.1 billion yuan, investors suppressed",
            "2025-11-10",
            "2025-11-10",
        ),
        (
            "中国国企满世界欠薪,“一带一路”变“一欠一路”",
            "Chinese State-Owned Enterprises Owe Wages Worldwide: “Belt and Road” Becomes “Owe and Road”",
            "2025-11-05",
            "2025-11-05",
        ),
        (
            "云南上千村民反强制火葬,与政府抢尸队发生冲突",
            "Over a Thousand Villagers in Yunnan Clash with Government “Corpse Retrieval Teams” Over Forced Cremation Policy",
            "2025-11-05",
            "2025-11-05",
        ),
        (
            "鞋厂工人被迫带病上班,不堪重负跳楼自杀",
            "Shoe Factory Worker Forced to Work While Sick, Jumps to Death Under Overwhelming Pressure",
            "2025-11-05",
            "2025-11-07",
        ),
    ];
    assert_eq!(reports.len(), 10);
    for (r, (zh, en, start, end)) in reports.iter().zip(expected) {
        assert_eq!(r.title_zh.as_deref(), Some(zh));
        assert_eq!(r.title_en.as_deref(), Some(en));
        assert_eq!(dates(r), (Some(d(start)), Some(d(end))), "{zh}");
        assert_eq!(r.published, Some(d(end)), "{zh}");
        assert_eq!(r.lang, Lang::Bilingual, "{zh}");
        let (body_zh, body_en) = (r.body_zh.as_deref().unwrap(), r.body_en.as_deref().unwrap());
        // Halves are in their own language: no repeated headline, no stray English.
        assert!(!body_zh.contains(zh), "{zh}: headline repeated in body");
        assert!(!body_zh.contains(en) && !body_en.contains(zh), "{zh}: halves mixed");
        assert!(
            r.text.lines().next().unwrap().contains(zh),
            "{zh}: text starts at the headline"
        );
        assert!(!r.text.contains("最新抗争事件"));
    }
    // The irregular ones.
    assert!(
        reports[2]
            .body_zh
            .as_deref()
            .unwrap()
            .ends_with("新义煤矿工人罢工讨薪。")
    );
    assert!(
        reports[2]
            .body_en
            .as_deref()
            .unwrap()
            .starts_with("In the first half of November")
    );
    assert!(reports[8].body_zh.as_deref().unwrap().starts_with("周三"));
    assert!(reports[9].text.starts_with("[鞋厂工人"));
}
