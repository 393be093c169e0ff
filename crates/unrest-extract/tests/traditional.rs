//! Reports in traditional characters and in mixed scripts (issue 7): each
//! extractor (dates, counts, places, every vocabulary, the response flags
//! and their negation) reads them through the simplified copy, and every
//! evidence span is cut from the text as written, in its own script.
//! The fixtures are fictional; their snapshots are taken with the others in
//! `fixtures.rs`.

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

fn only_primary(name: &str) -> Event {
    let v = run(name);
    let p: Vec<&Event> = v.iter().filter(|e| e.role == Role::Primary).collect();
    assert_eq!(p.len(), 1, "{}", format_table(&v));
    p[0].clone()
}

fn day(e: &Event) -> (String, String) {
    (
        e.start_date.map(|d| d.to_string()).unwrap_or_default(),
        e.end_date.map(|d| d.to_string()).unwrap_or_default(),
    )
}

/// The evidence text of a field (the first span for it).
fn evidence<'a>(e: &'a Event, field: &str) -> Option<&'a str> {
    e.evidence.iter().find(|v| v.field == field).map(|v| v.text.as_str())
}

/// True when the text has characters that only traditional writing uses.
fn traditional(s: &str) -> bool {
    unrest_script::to_simplified(s) != s
}

#[test]
fn traditional_strike_codes_every_field() {
    let e = only_primary("trad_strike.txt");
    assert_eq!(day(&e), ("2025-11-03".into(), "2025-11-03".into()));
    assert_eq!(e.province.as_deref(), Some("广东省"));
    assert_eq!(e.prefecture.as_deref(), Some("东莞市"));
    assert_eq!((e.size_min, e.size_max), (Some(200), Some(999)));
    assert_eq!(e.size_text.as_deref(), Some("數百名工人"), "size text as written");
    assert!(e.issues.contains(&Issue::LaborWages), "{:?}", e.issues);
    assert!(e.issues.contains(&Issue::LaborSocialInsurance), "{:?}", e.issues);
    assert_eq!(e.groups, vec![Group::Workers]);
    for t in [Tactic::Strike, Tactic::Assembly, Tactic::Banners] {
        assert!(e.tactics.contains(&t), "{t:?} in {:?}", e.tactics);
    }
    assert!(e.targets.contains(&Target::ForeignCompany), "港資: {:?}", e.targets);
    assert_eq!(e.police, Some(true));
    assert_eq!((e.arrests_min, e.arrests_max), (Some(3), None));
    assert_eq!(e.censorship, Some(true));
    assert_eq!(evidence(&e, "censorship"), Some("被刪"));
    assert!(
        e.demands.iter().any(|d| traditional(d)),
        "demands as written: {:?}",
        e.demands
    );
}

#[test]
fn traditional_negation_makes_flags_false() {
    let e = only_primary("trad_negation.txt");
    // "上週三" against Thursday 2025-11-06
    assert_eq!(day(&e).0, "2025-10-29");
    assert_eq!(e.county.as_deref(), Some("岳麓区"));
    assert_eq!((e.size_min, e.size_max), (Some(80), Some(100)));
    assert_eq!(e.groups, vec![Group::Drivers]);
    assert!(e.issues.contains(&Issue::PolicyLivelihood), "份子錢: {:?}", e.issues);
    for t in [Tactic::Strike, Tactic::SitIn] {
        assert!(e.tactics.contains(&t), "{t:?} in {:?}", e.tactics);
    }
    assert!(e.targets.contains(&Target::Government), "{:?}", e.targets);
    assert_eq!(e.censorship, Some(false), "尚未被刪除");
    assert_ne!(e.police, Some(true), "警方並未拘捕任何人");
    assert_eq!(e.arrests_min, None);
    assert_eq!(e.injuries, None);
}

#[test]
fn traditional_land_dispute_with_chinese_numeral_date() {
    let e = only_primary("trad_land.txt");
    assert_eq!(day(&e).0, "2025-11-03", "二〇二五年十一月三日");
    assert_eq!(e.county.as_deref(), Some("清苑区"));
    assert_eq!(e.size_min, Some(100));
    assert!(e.issues.contains(&Issue::Land), "{:?}", e.issues);
    assert_eq!(e.groups, vec![Group::Villagers]);
    for t in [Tactic::Blockade, Tactic::Assembly] {
        assert!(e.tactics.contains(&t), "{t:?} in {:?}", e.tactics);
    }
    assert!(e.targets.contains(&Target::VillageCommittee), "{:?}", e.targets);
    assert_eq!(e.violence, Some(true));
    assert_eq!(e.injuries, Some(5));
}

#[test]
fn traditional_depositors_protest() {
    let e = only_primary("trad_finance.txt");
    assert_eq!(day(&e).0, "2025-11-10");
    assert_eq!(e.county.as_deref(), Some("金水区"));
    assert_eq!((e.size_min, e.size_max), (Some(1000), None));
    assert!(e.issues.contains(&Issue::Finance), "{:?}", e.issues);
    assert_eq!(e.groups, vec![Group::Investors]);
    for t in [Tactic::Assembly, Tactic::Banners, Tactic::Kneeling] {
        assert!(e.tactics.contains(&t), "{t:?} in {:?}", e.tactics);
    }
    assert!(e.targets.contains(&Target::FinancialPlatform), "{:?}", e.targets);
    assert_eq!(e.police, Some(true));
    assert_eq!(e.violence, Some(true));
    assert_eq!(e.intimidation, Some(true));
}

#[test]
fn traditional_hospital_dispute() {
    let e = only_primary("trad_hospital.txt");
    assert_eq!(day(&e).0, "2025-11-07");
    assert_eq!(e.county.as_deref(), Some("顺德区"));
    assert_eq!(e.size_min, Some(10));
    assert!(e.issues.contains(&Issue::Health), "{:?}", e.issues);
    assert!(e.groups.contains(&Group::Families), "{:?}", e.groups);
    assert!(e.tactics.contains(&Tactic::Banners), "{:?}", e.tactics);
    assert!(e.targets.contains(&Target::Hospital), "{:?}", e.targets);
    assert_eq!(e.outcome, Outcome::Partial);
}

#[test]
fn traditional_list_gives_one_event_per_item() {
    let v = run("trad_list.txt");
    let p: Vec<&Event> = v.iter().filter(|e| e.role == Role::Primary).collect();
    assert_eq!(p.len(), 2, "{}", format_table(&v));
    assert_eq!(day(p[0]).0, "2025-11-03");
    assert_eq!(p[0].county.as_deref(), Some("隆回县"));
    assert_eq!((p[0].size_min, p[0].size_max), (Some(20), Some(99)));
    assert_eq!(day(p[1]).0, "2025-11-05");
    assert_eq!(p[1].county.as_deref(), Some("溆浦县"));
    for e in &p {
        assert!(e.groups.contains(&Group::Teachers), "{:?}", e.groups);
        assert!(e.issues.contains(&Issue::LaborWages), "{:?}", e.issues);
    }
    assert!(p[1].tactics.contains(&Tactic::Strike), "{:?}", p[1].tactics);
}

#[test]
fn traditional_march_and_clash() {
    let e = only_primary("trad_environment.txt");
    assert_eq!(day(&e).0, "2025-11-01");
    assert_eq!(e.county.as_deref(), Some("武鸣区"));
    assert_eq!((e.size_min, e.size_max), (Some(2000), Some(9999)));
    assert!(e.issues.contains(&Issue::Environment), "{:?}", e.issues);
    assert!(e.groups.contains(&Group::Residents), "{:?}", e.groups);
    for t in [Tactic::March, Tactic::Confrontation] {
        assert!(e.tactics.contains(&t), "{t:?} in {:?}", e.tactics);
    }
    assert_eq!(e.police, Some(true));
    assert_eq!(evidence(&e, "police"), Some("防暴"));
}

#[test]
fn simplified_report_quoting_a_traditional_post() {
    let e = only_primary("mixed_quote.txt");
    assert_eq!(day(&e).0, "2025-11-09");
    assert_eq!(e.county.as_deref(), Some("海曙区"));
    assert_eq!((e.size_min, e.size_max), (Some(200), None));
    assert!(e.issues.contains(&Issue::Housing), "{:?}", e.issues);
    assert_eq!(e.groups, vec![Group::Homeowners]);
    assert!(e.tactics.contains(&Tactic::Banners), "{:?}", e.tactics);
    assert!(e.targets.contains(&Target::Developer), "{:?}", e.targets);
    // the quoted post, in traditional characters, gives the response
    assert_eq!(e.violence, Some(true));
    assert_eq!(e.police, Some(true));
}

#[test]
fn chinese_report_quoting_an_english_caption() {
    let e = only_primary("mixed_english.txt");
    assert_eq!(day(&e).0, "2025-11-11");
    assert_eq!(e.county.as_deref(), Some("南山区"));
    assert_eq!((e.size_min, e.size_max), (Some(150), Some(150)));
    assert!(e.issues.contains(&Issue::LaborWages), "{:?}", e.issues);
    assert_eq!(e.groups, vec![Group::Drivers]);
    assert!(e.tactics.contains(&Tactic::Assembly), "{:?}", e.tactics);
    assert_eq!(e.police, Some(true));
    assert_eq!((e.arrests_min, e.arrests_max), (Some(2), Some(2)));
}

#[test]
fn traditional_reports_code_like_their_simplified_copies() {
    // the same report in either script gives the same codes; only the
    // evidence text differs, and it is always the text as written
    let x = Extractor::with_embedded();
    for name in [
        "trad_strike.txt",
        "trad_negation.txt",
        "trad_land.txt",
        "trad_finance.txt",
        "trad_hospital.txt",
        "trad_list.txt",
        "trad_environment.txt",
    ] {
        let r = fixture(name);
        let simplified = common::report_from(&unrest_script::to_simplified(&r.text));
        let a = x.extract(&r);
        let b = x.extract(&simplified);
        check_evidence(&r, &a);
        assert_eq!(a.len(), b.len(), "{name}");
        let mut some_traditional = false;
        for (ea, eb) in a.iter().zip(&b) {
            assert_eq!((ea.start_date, ea.end_date), (eb.start_date, eb.end_date), "{name}");
            assert_eq!(ea.adcode, eb.adcode, "{name}");
            assert_eq!(
                (&ea.issues, &ea.groups, &ea.tactics, &ea.targets),
                (&eb.issues, &eb.groups, &eb.tactics, &eb.targets),
                "{name}"
            );
            assert_eq!((ea.size_min, ea.size_max), (eb.size_min, eb.size_max), "{name}");
            assert_eq!(
                (ea.police, ea.violence, ea.censorship, ea.intimidation, ea.outcome),
                (eb.police, eb.violence, eb.censorship, eb.intimidation, eb.outcome),
                "{name}"
            );
            assert_eq!(ea.evidence.len(), eb.evidence.len(), "{name}");
            for (va, vb) in ea.evidence.iter().zip(&eb.evidence) {
                assert_eq!((va.start, va.end), (vb.start, vb.end), "{name}: {}", va.field);
                assert_eq!(unrest_script::to_simplified(&va.text), vb.text, "{name}");
                some_traditional |= traditional(&va.text);
            }
        }
        assert!(
            some_traditional,
            "{name}: evidence is cut from the traditional original"
        );
    }
}
