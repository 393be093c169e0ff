//! Whole fixture reports through the extractor: one test per rule, plus an
//! insta snapshot of every fixture's coded events.

mod common;

use common::{check_evidence, fixture};
use unrest_codebook::{Event, Group, Issue, Outcome, Role, Tactic, Target};
use unrest_extract::{Extractor, format_table};

fn run(name: &str) -> Vec<Event> {
    let r = fixture(name);
    let events = Extractor::with_embedded().extract(&r);
    check_evidence(&r, &events);
    events
}

fn primaries(v: &[Event]) -> Vec<&Event> {
    v.iter().filter(|e| e.role == Role::Primary).collect()
}

fn date(e: &Event) -> (String, String) {
    (
        e.start_date.map(|d| d.to_string()).unwrap_or_default(),
        e.end_date.map(|d| d.to_string()).unwrap_or_default(),
    )
}

#[test]
fn a_list_of_incidents_gives_one_event_each() {
    let v = run("list_strikes.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 3, "{}", format_table(&v));
    assert_eq!(date(p[0]).0, "2025-10-08");
    assert_eq!(p[0].county.as_deref(), Some("江夏区"));
    assert_eq!(date(p[1]).0, "2025-10-11");
    assert_eq!(p[1].county.as_deref(), Some("郫都区"));
    // "本周三" against a publication date of Wednesday 2025-10-15
    assert_eq!(date(p[2]).0, "2025-10-15");
    assert_eq!(p[2].county.as_deref(), Some("涪城区"));
    assert_eq!((p[2].size_min, p[2].size_max), (Some(20), Some(99)));
    for e in &p {
        assert!(e.tactics.contains(&Tactic::Strike));
        assert!(e.issues.contains(&Issue::LaborWages));
        assert_eq!(e.groups, vec![Group::Workers]);
    }
}

#[test]
fn one_action_at_two_sites_gives_two_events() {
    let v = run("two_sites.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 2, "{}", format_table(&v));
    assert_eq!(p[0].prefecture.as_deref(), Some("东莞市"));
    assert_eq!((p[0].size_min, p[0].size_max), (Some(300), Some(300)));
    assert_eq!(p[1].county.as_deref(), Some("昆山市"));
    assert_eq!((p[1].size_min, p[1].size_max), (Some(1000), None));
    for e in &p {
        assert_eq!(date(e), ("2025-09-22".into(), "2025-09-22".into()));
        assert!(e.targets.contains(&Target::ForeignCompany), "{:?}", e.targets);
        assert!(e.issues.contains(&Issue::LaborLayoffs));
    }
    assert!(p[0].tactics.contains(&Tactic::Banners));
}

#[test]
fn background_incidents_are_mentioned() {
    let v = run("background.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 1, "{}", format_table(&v));
    let e = p[0];
    assert_eq!(date(e).0, "2025-08-19");
    assert_eq!(e.county.as_deref(), Some("清苑区"));
    assert_eq!((e.size_min, e.size_max), (Some(200), None));
    assert!(e.tactics.contains(&Tactic::Blockade));
    assert_eq!(e.injuries, Some(3));
    assert_eq!(e.violence, Some(true));
    let m: Vec<&Event> = v.iter().filter(|e| e.role == Role::Mentioned).collect();
    assert!(m.len() >= 2, "{}", format_table(&v));
    assert!(
        m.iter()
            .any(|e| date(e).0 == "2024-05" && e.county.as_deref() == Some("徐水区"))
    );
    assert!(m.iter().any(|e| date(e).0 == "2025-03"));
}

#[test]
fn negated_responses_are_false_and_unmentioned_ones_null() {
    let v = run("negation.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 1);
    let e = p[0];
    assert_eq!(e.police, Some(false), "并未到场");
    assert_eq!(e.censorship, Some(false), "尚未被删除");
    assert_eq!(e.violence, None);
    assert_eq!(e.intimidation, None);
    // "也没有司机被带走": no arrests is a count of zero, not an unknown
    assert_eq!((e.arrests_min, e.arrests_max), (Some(0), Some(0)));
    assert_eq!(e.groups, vec![Group::Drivers]);
    assert!(e.tactics.contains(&Tactic::Strike));
    assert_eq!((e.size_min, e.size_max), (Some(200), Some(999)));
    assert_eq!(e.prefecture.as_deref(), Some("南昌市"));
}

#[test]
fn english_only_reports_are_coded() {
    let v = run("english_only.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 1, "{}", format_table(&v));
    let e = p[0];
    // "On Tuesday" against Thursday 2025-06-12
    assert_eq!(date(e).0, "2025-06-10");
    assert_eq!((e.size_min, e.size_max), (Some(200), Some(999)));
    assert_eq!((e.arrests_min, e.arrests_max), (Some(4), None));
    assert_eq!(e.police, Some(true));
    assert_eq!(e.censorship, Some(true));
    assert!(e.tactics.contains(&Tactic::Strike));
    assert!(e.issues.contains(&Issue::LaborWages));
    assert_eq!(e.province.as_deref(), Some("湖南省"));
}

#[test]
fn vague_quantities_follow_the_counting_rules() {
    let v = run("vague_sizes.txt");
    let e = primaries(&v)[0];
    assert_eq!((e.size_min, e.size_max), (Some(2000), None));
    assert_eq!(e.size_text.as_deref(), Some("两千多名业主"));
    assert!(e.groups.contains(&Group::Homeowners));
    assert!(e.issues.contains(&Issue::Housing));
    assert!(e.targets.contains(&Target::Developer));
}

#[test]
fn relative_dates_resolve_against_publication() {
    let v = run("relative_dates.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 1, "{}", format_table(&v));
    let e = p[0];
    assert_eq!(date(e).0, "2025-04-23");
    assert_eq!(e.county.as_deref(), Some("霞浦县"));
    assert!(e.groups.contains(&Group::Fishers));
    assert!(e.issues.contains(&Issue::PolicyLivelihood));
    assert_eq!(e.outcome, Outcome::Partial);
    assert!(e.tactics.contains(&Tactic::Petition));
}

#[test]
fn incidents_abroad_get_their_country() {
    let v = run("abroad.txt");
    let e = primaries(&v)[0];
    assert_eq!(e.country.as_deref(), Some("KH"));
    assert_eq!(e.province, None);
    assert!(e.targets.contains(&Target::StateCompany), "{:?}", e.targets);
    assert_eq!(e.censorship, Some(true));
    assert_eq!(e.intimidation, Some(true));
    assert!(e.tactics.contains(&Tactic::Blockade));
}

#[test]
fn official_notices_name_the_protest_in_their_own_words() {
    let e = primaries(&run("official_notice.txt"))[0].clone();
    assert_eq!(date(&e).0, "2025-09-14");
    assert_eq!(e.county.as_deref(), Some("沙市区"));
    assert!(e.tactics.contains(&Tactic::Assembly), "{:?}", e.tactics);
    assert!(e.tactics.contains(&Tactic::Banners), "花圈: {:?}", e.tactics);
    assert!(e.issues.contains(&Issue::Health), "{:?}", e.issues);
    assert!(e.groups.contains(&Group::Families), "{:?}", e.groups);
    assert!(e.targets.contains(&Target::Hospital), "{:?}", e.targets);
    assert_eq!(e.police, Some(true), "警力 / 公安机关");
    assert_eq!(e.arrests_min, Some(9), "带离现场");
    assert_eq!(e.intimidation, Some(true), "批评教育");
}

#[test]
fn delivery_platforms_are_firms_and_no_clash_means_no_violence() {
    let v = run("riders_platform.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 1, "{}", format_table(&v));
    let e = p[0];
    assert_eq!(e.groups, vec![Group::Drivers]);
    assert!(e.tactics.contains(&Tactic::Strike), "停止接单: {:?}", e.tactics);
    assert!(e.targets.contains(&Target::Company), "{:?}", e.targets);
    assert!(!e.targets.contains(&Target::FinancialPlatform), "{:?}", e.targets);
    // the crowd in the action sentence, with the platform's name in quotes,
    // not the two managers sent later
    assert_eq!((e.size_min, e.size_max), (Some(120), None));
    assert_eq!(e.size_text.as_deref(), Some("一百二十多名“快送达”平台的骑手"));
    assert_eq!(e.police, Some(true));
    assert_eq!(e.violence, Some(false), "没有发生冲突");
    assert_eq!((e.arrests_min, e.arrests_max), (Some(0), Some(0)), "没有人被带走");
}

#[test]
fn participants_hitting_police_is_a_clash_not_violence_against_them() {
    let v = run("clash_with_police.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 1, "{}", format_table(&v));
    let e = p[0];
    assert!(e.tactics.contains(&Tactic::Confrontation), "{:?}", e.tactics);
    assert!(e.tactics.contains(&Tactic::Blockade), "{:?}", e.tactics);
    assert_ne!(e.violence, Some(true), "殴打了两名民警");
    assert_eq!(e.arrests_min, Some(3));
    assert_eq!(e.police, Some(true));
    assert!(e.issues.contains(&Issue::Land), "{:?}", e.issues);
}

#[test]
fn a_suicide_that_caused_the_protest_is_not_a_tactic() {
    let v = run("suicide_cause.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 1, "{}", format_table(&v));
    let e = p[0];
    assert!(!e.tactics.contains(&Tactic::SelfHarm), "跳楼身亡: {:?}", e.tactics);
    assert!(e.tactics.contains(&Tactic::Banners), "{:?}", e.tactics);
    assert!(e.groups.contains(&Group::Families), "{:?}", e.groups);
    assert_eq!(date(e).0, "2025-06-03");
}

#[test]
fn climbing_a_crane_is_a_threat_of_self_harm() {
    let v = run("crane.txt");
    let e = primaries(&v)[0];
    assert!(e.tactics.contains(&Tactic::SelfHarm), "爬上塔吊: {:?}", e.tactics);
    assert!(e.issues.contains(&Issue::LaborWages), "{:?}", e.issues);
    assert!(e.groups.contains(&Group::Workers), "{:?}", e.groups);
}

#[test]
fn the_month_of_march_is_not_a_march() {
    let v = run("english_month.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 1, "{}", format_table(&v));
    let e = p[0];
    assert_eq!(date(e).0, "2025-03-12");
    assert!(e.tactics.contains(&Tactic::Strike), "{:?}", e.tactics);
    // "marched to the district government" is a march, "12 March" is not
    let marches: Vec<&str> = e
        .evidence
        .iter()
        .filter(|v| v.field == "tactics" && v.text.to_lowercase().starts_with("march"))
        .map(|v| v.text.as_str())
        .collect();
    assert!(marches.iter().all(|t| *t != "March"), "{marches:?}");
    assert!(e.targets.contains(&Target::StateCompany), "{:?}", e.targets);
    assert_eq!((e.size_min, e.size_max), (Some(300), Some(300)));
}

#[test]
fn a_wire_dateline_is_not_the_action_date_and_a_superlative_is_not_background() {
    let v = run("wire_dateline.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 1, "{}", format_table(&v));
    let e = p[0];
    // "July 7 -" is when the story was filed; "on Saturday" is 2025-07-05
    assert_eq!(date(e).0, "2025-07-05");
    assert_eq!(e.county.as_deref(), Some("宁乡市"));
    assert!(e.tactics.contains(&Tactic::March), "{:?}", e.tactics);
    assert!(e.issues.contains(&Issue::Environment), "landfill: {:?}", e.issues);
    assert_eq!(e.police, Some(true));
    // the 2023 petition is background
    assert!(v.iter().any(|e| e.role == Role::Mentioned), "{}", format_table(&v));
}

#[test]
fn a_halted_project_is_not_a_strike() {
    let v = run("halted_project.txt");
    let p = primaries(&v);
    assert_eq!(p.len(), 1, "{}", format_table(&v));
    let e = p[0];
    assert!(
        !e.tactics.contains(&Tactic::Strike),
        "停工近两年的项目: {:?}",
        e.tactics
    );
    assert!(e.tactics.contains(&Tactic::Banners), "{:?}", e.tactics);
    assert_eq!(e.groups, vec![Group::Homeowners]);
    assert!(e.targets.contains(&Target::Developer), "{:?}", e.targets);
    assert_eq!((e.size_min, e.size_max), (Some(200), None));
}

#[test]
fn snapshots() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for name in names {
        let events = run(&name);
        let json: Vec<serde_json::Value> = events
            .iter()
            .map(|e| serde_json::from_str(&e.to_json()).unwrap())
            .collect();
        insta::assert_json_snapshot!(name.trim_end_matches(".txt"), json);
    }
}
