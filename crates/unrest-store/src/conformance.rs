//! Behaviour every backend must show, written against the [`Store`] trait
//! alone. Each backend's tests run every function here on a fresh, empty
//! store; a new backend passes when these pass unchanged.
//!
//! All reports and events here are invented for the tests.

use crate::{EventQuery, Status, Store, StoreError};
use unrest_codebook::{Event, Lang, Report, Role};

/// A bilingual report with both titles.
pub fn carton_factory() -> Report {
    let zh_title = "青禾市纸箱厂工人停工讨薪";
    let zh_body = "约八十名工人在厂门口聚集，要求补发三个月工资。";
    let en_title = "Carton factory workers in Qinghe stop work over unpaid wages";
    let en_body = "About eighty workers gathered at the factory gate demanding three months of back pay.";
    Report {
        title_zh: Some(zh_title.into()),
        title_en: Some(en_title.into()),
        body_zh: Some(zh_body.into()),
        body_en: Some(en_body.into()),
        text: format!("{zh_title}（2031年3月4日）\n{zh_body}\n{en_title} (4 March 2031)\n{en_body}"),
        lang: Lang::Bilingual,
        script: Default::default(),
        start_date: "2031-03-04".parse().ok(),
        end_date: "2031-03-04".parse().ok(),
        published: "2031-03-05".parse().ok(),
        url: Some("https://example.invalid/reports/1".into()),
        source: Some("fixtures/bulletin-a.txt".into()),
    }
}

/// A Chinese-only report with a month-precision date.
pub fn willow_bank() -> Report {
    let title = "柳岸镇村民拦路抗议征地";
    let body = "三月间，上百名村民多次拦住施工车辆，称补偿款被截留。";
    Report {
        title_zh: Some(title.into()),
        title_en: None,
        body_zh: Some(body.into()),
        body_en: None,
        text: format!("{title}\n{body}"),
        lang: Lang::Zh,
        script: Default::default(),
        start_date: "2031-03".parse().ok(),
        end_date: None,
        published: None,
        url: None,
        source: None,
    }
}

/// An English-only report.
pub fn northport_drivers() -> Report {
    let title = "Northport bus drivers petition over pay cuts";
    let body = "Dozens of drivers delivered a letter to the transport bureau on Monday.";
    Report {
        title_zh: None,
        title_en: Some(title.into()),
        body_zh: None,
        body_en: Some(body.into()),
        text: format!("{title}\n{body}"),
        lang: Lang::En,
        script: Default::default(),
        start_date: None,
        end_date: None,
        published: "2031-04-07".parse().ok(),
        url: None,
        source: Some("fixtures/feed.xml".into()),
    }
}

/// Hand-coded records as JSON lines: every field type, partial dates,
/// floats that need all their digits, nulls, `false`, codes, evidence.
pub const HAND_CODED: [&str; 3] = [
    r#"{"report": "青禾市纸箱厂工人停工讨薪", "role": "primary", "title_zh": "纸箱厂工人停工", "title_en": "Carton workers strike", "start_date": "2031-03-04", "end_date": "2031-03-06", "date_precision": "day", "country": "CN", "province": "青禾省", "prefecture": "青禾市", "county": "东湾区", "township": null, "village": null, "adcode": "990102", "place": "纸箱厂门口", "geo_precision": "county", "lat": 30.123456789012345, "lon": 112.1, "issues": ["labor.wages", "labor.conditions"], "groups": ["workers"], "tactics": ["strike", "assembly", "banners"], "targets": ["company"], "size_min": 80, "size_max": 80, "size_text": "约八十名工人", "police": false, "arrests_min": null, "arrests_max": null, "violence": null, "injuries": null, "deaths": null, "censorship": true, "intimidation": null, "outcome": "partial", "demands": ["补发三个月工资"], "evidence": [{"field": "tactics", "text": "停工", "start": 9, "end": 11}]}"#,
    r#"{"report": "柳岸镇村民拦路抗议征地", "role": "mentioned", "title_zh": null, "title_en": null, "start_date": "2031-03", "end_date": "2031-03", "date_precision": "month", "country": "CN", "province": "青禾省", "prefecture": null, "county": null, "township": "柳岸镇", "village": null, "adcode": "99", "place": null, "geo_precision": "province", "lat": null, "lon": null, "issues": ["land"], "groups": ["villagers"], "tactics": ["blockade"], "targets": ["government", "developer"], "size_min": 100, "size_max": null, "size_text": "上百名村民", "police": null, "arrests_min": 2, "arrests_max": 9, "violence": true, "injuries": 3, "deaths": 0, "censorship": null, "intimidation": false, "outcome": "unknown", "demands": [], "evidence": []}"#,
    r#"{"report": "An unstored report", "role": "primary", "title_zh": null, "title_en": "Teachers protest abroad", "start_date": "2030", "end_date": "2030", "date_precision": "year", "country": "ZZ", "province": null, "prefecture": null, "county": null, "township": null, "village": null, "adcode": null, "place": null, "geo_precision": "country", "lat": -12.5, "lon": -179.99999999999997, "issues": ["education"], "groups": ["teachers"], "tactics": ["march"], "targets": ["government"], "size_min": null, "size_max": null, "size_text": null, "police": null, "arrests_min": null, "arrests_max": null, "violence": null, "injuries": null, "deaths": null, "censorship": null, "intimidation": null, "outcome": "none", "demands": ["Restore the pay scale", "撤回新规"], "evidence": []}"#,
];

fn hand_coded() -> Vec<Event> {
    HAND_CODED.iter().map(|line| Event::from_json(line).unwrap()).collect()
}

/// An event coded from `report`, with a title to tell it apart.
fn coded(report: &Report, title: &str) -> Event {
    let mut event = Event::new(report.title(), Role::Primary);
    event.title_en = Some(title.into());
    event
}

/// An event the codebook rejects (latitude out of range).
fn invalid(report: &Report) -> Event {
    let mut event = coded(report, "Off the map");
    event.lat = Some(200.0);
    event
}

/// Adding the same batch twice stores it once; the second call reports the
/// existing ids.
pub fn add_reports_is_idempotent(store: &mut impl Store) {
    let a = carton_factory();
    let b = willow_bank();
    let batch = vec![
        (a.clone(), vec![coded(&a, "one")]),
        (b.clone(), vec![coded(&b, "two"), coded(&b, "three")]),
    ];
    let first = store.add_reports(&batch).unwrap();
    assert_eq!((first.added, first.skipped, first.events), (2, 0, 3));
    assert_eq!(first.report_ids.len(), 2);
    let second = store.add_reports(&batch).unwrap();
    assert_eq!((second.added, second.skipped, second.events), (0, 2, 0));
    assert_eq!(second.report_ids, first.report_ids);

    // The same text with other line endings and outer spaces is the same
    // report; a duplicate within one batch is skipped too.
    let mut again = a.clone();
    again.text = format!("  {}\r\n", a.text.replace('\n', "\r\n"));
    let c = northport_drivers();
    let third = store
        .add_reports(&[(again, vec![coded(&a, "dup")]), (c.clone(), vec![]), (c, vec![])])
        .unwrap();
    assert_eq!((third.added, third.skipped, third.events), (1, 2, 0));
    assert_eq!(third.report_ids[0], first.report_ids[0]);
    assert_eq!(third.report_ids[1], third.report_ids[2]);

    let counts = store.counts().unwrap();
    assert_eq!((counts.reports, counts.events, counts.draft), (3, 3, 3));
}

/// Reports and events read back equal to what went in; events serialise to
/// the same JSON.
pub fn records_round_trip(store: &mut impl Store) {
    let reports = [carton_factory(), willow_bank(), northport_drivers()];
    let batch: Vec<_> = reports.iter().map(|r| (r.clone(), vec![])).collect();
    let summary = store.add_reports(&batch).unwrap();
    let stored = store.reports().unwrap();
    assert_eq!(stored.len(), 3);
    for ((stored, report), id) in stored.iter().zip(&reports).zip(&summary.report_ids) {
        assert_eq!(&stored.report, report);
        assert_eq!(stored.id, *id);
        assert_eq!(stored.hash, report.content_hash());
        assert_eq!(store.report(*id).unwrap().as_ref(), Some(stored));
    }
    assert_eq!(store.report(9999).unwrap(), None);

    let events = hand_coded();
    assert_eq!(store.import_events(&events, Status::Published).unwrap(), 3);
    let back = store.events(&EventQuery::default()).unwrap();
    assert_eq!(back.len(), 3);
    for ((stored, event), line) in back.iter().zip(&events).zip(HAND_CODED) {
        assert_eq!(&stored.event, event);
        assert_eq!(stored.event.to_json(), event.to_json());
        let want: serde_json::Value = serde_json::from_str(line).unwrap();
        let got: serde_json::Value = serde_json::from_str(&stored.event.to_json()).unwrap();
        assert_eq!(got, want);
        assert_eq!(stored.status, Status::Published);
        assert_eq!(stored.public_id, format!("E{:06}", stored.id));
        assert!(!stored.created_at.is_empty() && stored.updated_at == stored.created_at);
    }
}

/// A batch whose later item fails leaves the store as it was.
pub fn failed_batch_rolls_back(store: &mut impl Store) {
    let a = carton_factory();
    store.add_reports(&[(a.clone(), vec![coded(&a, "kept")])]).unwrap();
    store.import_events(&hand_coded()[..1], Status::Draft).unwrap();
    let before = store.counts().unwrap();

    let b = willow_bank();
    let c = northport_drivers();
    let err = store
        .add_reports(&[
            (b.clone(), vec![coded(&b, "fine")]),
            (c.clone(), vec![coded(&c, "fine too"), invalid(&c)]),
        ])
        .unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::Record { .. }), "{msg}");
    assert!(
        msg.starts_with(r#"report 2 ("Northport bus drivers petition over pay cuts"), event 2 ("Off the map"): "#),
        "{msg}"
    );
    assert!(msg.contains("lat"), "{msg}");
    assert_eq!(store.counts().unwrap(), before);

    let mut events = hand_coded();
    events.push(invalid(&c));
    let err = store.import_events(&events, Status::Published).unwrap_err().to_string();
    assert!(err.starts_with(r#"event 4 ("Off the map"): "#), "{err}");
    assert_eq!(store.counts().unwrap(), before);
    assert_eq!(store.reports().unwrap().len(), 1);
}

/// Listing by status, by report, and in pages.
pub fn events_filter_by_status(store: &mut impl Store) {
    let r = northport_drivers();
    let batch = |titles: &[&str]| titles.iter().map(|t| coded(&r, t)).collect::<Vec<_>>();
    store.import_events(&batch(&["d1", "d2"]), Status::Draft).unwrap();
    store
        .import_events(&batch(&["p1", "p2", "p3"]), Status::Published)
        .unwrap();
    store.import_events(&batch(&["x1"]), Status::Retracted).unwrap();
    store.import_events(&batch(&["d3"]), Status::Draft).unwrap();

    let titles = |query: EventQuery| -> Vec<String> {
        store
            .events(&query)
            .unwrap()
            .into_iter()
            .map(|e| e.event.title_en.unwrap())
            .collect()
    };
    let status = |s| EventQuery {
        status: Some(s),
        ..EventQuery::default()
    };
    assert_eq!(titles(status(Status::Draft)), ["d1", "d2", "d3"]);
    assert_eq!(titles(status(Status::Published)), ["p1", "p2", "p3"]);
    assert_eq!(titles(status(Status::Retracted)), ["x1"]);
    assert_eq!(titles(EventQuery::default()).len(), 7);
    let page = EventQuery {
        status: Some(Status::Published),
        limit: Some(2),
        offset: 1,
        ..EventQuery::default()
    };
    assert_eq!(titles(page), ["p2", "p3"]);
    let tail = EventQuery {
        offset: 5,
        ..EventQuery::default()
    };
    assert_eq!(titles(tail), ["x1", "d3"]);

    let counts = store.counts().unwrap();
    assert_eq!(
        (counts.events, counts.draft, counts.published, counts.retracted),
        (7, 3, 3, 1)
    );
    assert_eq!(counts.status(Status::Published), 3);
    assert_eq!(counts.reports, 0);
}

/// Hand-coded events find their report by either title; coded events carry
/// the report they came with.
pub fn events_link_to_reports(store: &mut impl Store) {
    let a = carton_factory();
    let b = willow_bank();
    let ids = store
        .add_reports(&[(a.clone(), vec![coded(&a, "coded")]), (b.clone(), vec![])])
        .unwrap()
        .report_ids;

    let mut by_en = coded(&a, "by English title");
    by_en.report = a.title_en.clone().unwrap();
    let events = vec![
        coded(&a, "by Chinese title"),
        by_en,
        coded(&b, "other report"),
        Event::new("没有这篇报告", Role::Mentioned),
    ];
    store.import_events(&events, Status::Draft).unwrap();

    let all = store.events(&EventQuery::default()).unwrap();
    let links: Vec<_> = all.iter().map(|e| e.report_id).collect();
    assert_eq!(links, [Some(ids[0]), Some(ids[0]), Some(ids[0]), Some(ids[1]), None]);

    let of_a = store
        .events(&EventQuery {
            report_id: Some(ids[0]),
            ..EventQuery::default()
        })
        .unwrap();
    let titles: Vec<_> = of_a.iter().map(|e| e.event.title_en.as_deref().unwrap()).collect();
    assert_eq!(titles, ["coded", "by Chinese title", "by English title"]);
}
