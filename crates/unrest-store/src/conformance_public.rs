//! Behaviour of the public reads every backend must show: filters, search,
//! facets, timelines, map clusters, status changes and sync. Run by each
//! backend's tests on a fresh store, like `conformance`.
//!
//! The events are invented for the tests.

use crate::conformance::{carton_factory, northport_drivers, willow_bank};
use crate::{EventFilter, Period, Repression, SizeBand, Sort, Status, Store};
use unrest_codebook::{Event, Issue, Role, Tactic};

/// An event with the fields the filters look at.
#[allow(clippy::too_many_arguments)]
fn event(
    report: &str,
    title: &str,
    date: &str,
    province: &str,
    adcode: &str,
    issue: Issue,
    tactic: Tactic,
    size: Option<u32>,
) -> Event {
    let mut e = Event::new(report, Role::Primary);
    e.title_en = Some(title.into());
    e.set_dates(date.parse().ok(), date.parse().ok());
    e.country = Some("CN".into());
    e.province = Some(province.into());
    e.adcode = Some(adcode.into());
    e.geo_precision = unrest_codebook::GeoPrecision::from_adcode_len(adcode.len());
    e.issues = vec![issue];
    e.tactics = vec![tactic];
    e.size_min = size;
    e.size_max = size;
    e
}

/// Three stored reports and five events: four published, one draft.
fn fill(store: &mut impl Store) -> Vec<i64> {
    let (a, b, c) = (carton_factory(), willow_bank(), northport_drivers());
    let mut strike = event(
        a.title(),
        "Carton strike",
        "2031-03-04",
        "青禾省",
        "990102",
        Issue::LaborWages,
        Tactic::Strike,
        Some(80),
    );
    strike.police = Some(true);
    strike.arrests_min = Some(2);
    strike.arrests_max = Some(2);
    strike.lat = Some(30.1);
    strike.lon = Some(112.1);
    let mut land = event(
        b.title(),
        "Willow blockade",
        "2031-03",
        "青禾省",
        "9902",
        Issue::Land,
        Tactic::Blockade,
        Some(100),
    );
    land.lat = Some(30.12);
    land.lon = Some(112.15);
    let drivers = event(
        c.title(),
        "Bus drivers petition",
        "2031-04-07",
        "北湾省",
        "98",
        Issue::LaborWages,
        Tactic::Petition,
        None,
    );
    let hidden = event(
        a.title(),
        "Draft only <secret>",
        "2031-03-05",
        "青禾省",
        "990102",
        Issue::LaborWages,
        Tactic::Strike,
        Some(5000),
    );
    let old = event(
        "no report",
        "Old march",
        "2029-12-30",
        "北湾省",
        "98",
        Issue::Environment,
        Tactic::March,
        Some(20_000),
    );
    store
        .add_reports(&[(a, vec![strike, hidden]), (b, vec![land]), (c, vec![drivers])])
        .unwrap();
    store.import_events(&[old], Status::Draft).unwrap();
    let all = store.events(&crate::EventQuery::default()).unwrap();
    let ids: Vec<i64> = all.iter().map(|e| e.id).collect();
    // Publish all but the draft-only one (the second event).
    store
        .set_status(&[ids[0], ids[2], ids[3], ids[4]], Status::Published)
        .unwrap();
    ids
}

fn titles(store: &impl Store, filter: EventFilter) -> Vec<String> {
    store
        .list(&filter)
        .unwrap()
        .into_iter()
        .map(|e| e.event.title_en.unwrap_or_default())
        .collect()
}

/// Filters select, order and page published events only.
pub fn filters_select_published_events(store: &mut impl Store) {
    fill(store);
    let public = EventFilter::public;
    assert_eq!(
        titles(store, public()),
        ["Bus drivers petition", "Carton strike", "Willow blockade", "Old march"]
    );
    assert_eq!(store.count(&public()).unwrap(), 4);
    let oldest = EventFilter {
        sort: Sort::Oldest,
        limit: 2,
        offset: 1,
        ..public()
    };
    assert_eq!(titles(store, oldest), ["Willow blockade", "Carton strike"]);
    let issue = EventFilter {
        issues: vec![Issue::LaborWages],
        ..public()
    };
    assert_eq!(titles(store, issue), ["Bus drivers petition", "Carton strike"]);
    let two = EventFilter {
        issues: vec![Issue::Land, Issue::Environment],
        ..public()
    };
    assert_eq!(titles(store, two), ["Willow blockade", "Old march"]);
    let and = EventFilter {
        issues: vec![Issue::LaborWages],
        tactics: vec![Tactic::Petition],
        ..public()
    };
    assert_eq!(titles(store, and), ["Bus drivers petition"]);
    let dates = EventFilter {
        from: "2031-03-05".parse().ok(),
        to: "2031-03".parse().ok(),
        ..public()
    };
    assert_eq!(
        titles(store, dates),
        ["Willow blockade"],
        "month-precision events overlap day ranges"
    );
    let place = EventFilter {
        adcode: Some("9901".into()),
        ..public()
    };
    assert_eq!(titles(store, place), ["Carton strike"]);
    let by_name = EventFilter {
        province: Some("北湾省".into()),
        ..public()
    };
    assert_eq!(titles(store, by_name).len(), 2);
    let sizes = EventFilter {
        sizes: vec![SizeBand::Tens, SizeBand::Unknown],
        ..public()
    };
    assert_eq!(titles(store, sizes), ["Bus drivers petition", "Carton strike"]);
    let huge = EventFilter {
        sizes: vec![SizeBand::Huge],
        ..public()
    };
    assert_eq!(titles(store, huge), ["Old march"]);
    let repression = EventFilter {
        repression: vec![Repression::Police, Repression::Arrests],
        ..public()
    };
    assert_eq!(titles(store, repression), ["Carton strike"]);
    let drafts = EventFilter {
        status: Some(Status::Draft),
        ..public()
    };
    assert_eq!(titles(store, drafts), ["Draft only <secret>"]);
}

/// Chinese is found by words (segmented), English by stemmed words, codes
/// by their usual words; all words must match.
pub fn text_search_finds_words(store: &mut impl Store) {
    fill(store);
    let q = |text: &str| {
        titles(
            store,
            EventFilter {
                text: Some(text.into()),
                ..EventFilter::public()
            },
        )
    };
    assert_eq!(q("罢工"), ["Carton strike"], "a tactic's usual word");
    assert_eq!(
        q("讨薪"),
        ["Bus drivers petition", "Carton strike"],
        "an issue's usual word"
    );
    assert_eq!(q("纸箱厂"), ["Carton strike"], "a word of the report text");
    assert_eq!(q("补偿款"), ["Willow blockade"]);
    assert_eq!(q("drivers"), ["Bus drivers petition"]);
    assert_eq!(q("driver letter"), ["Bus drivers petition"], "stemmed, all words");
    assert_eq!(q("gate wages"), ["Carton strike"]);
    assert!(q("罢工 letter").is_empty());
    assert!(q("secret").is_empty(), "drafts are not found");
    assert!(q("\"OR*  NEAR(").is_empty(), "operators are words, not syntax");
    assert_eq!(q("，。").len(), 4, "a query without words filters nothing");
}

/// Facets count the selected events per value.
pub fn facets_count_values(store: &mut impl Store) {
    fill(store);
    let f = store.facets(&EventFilter::public()).unwrap();
    assert_eq!(f.total, 4);
    assert_eq!(f.issues[0], (Issue::LaborWages, 2));
    assert_eq!(f.provinces, [("北湾省".to_string(), 2), ("青禾省".to_string(), 2)]);
    let band = |b| f.sizes.iter().find(|(x, _)| *x == b).unwrap().1;
    assert_eq!(
        (band(SizeBand::Tens), band(SizeBand::Hundreds), band(SizeBand::Unknown)),
        (1, 1, 1)
    );
    let flag = |r| f.repression.iter().find(|(x, _)| *x == r).unwrap().1;
    assert_eq!((flag(Repression::Police), flag(Repression::Violence)), (1, 0));
    let f = store
        .facets(&EventFilter {
            text: Some("wages".into()),
            ..EventFilter::public()
        })
        .unwrap();
    assert_eq!(f.total, 2);
}

/// Timelines fill empty periods; map clusters merge nearby events.
pub fn timeline_and_points(store: &mut impl Store) {
    fill(store);
    let months = store.timeline(&EventFilter::public(), Period::Month).unwrap();
    assert_eq!(months.first().unwrap(), &("2029-12".to_string(), 1));
    assert_eq!(months.last().unwrap(), &("2031-04".to_string(), 1));
    assert_eq!(months.len(), 17);
    assert_eq!(months.iter().map(|m| m.1).sum::<usize>(), 4);
    let points = store.map_points(&EventFilter::public(), 100).unwrap();
    assert_eq!(points.len(), 1, "{points:?}");
    assert_eq!(points[0].count, 2);
}

/// Status changes stamp times, keep removals for mirrors and bump the
/// version.
pub fn status_changes_are_synced(store: &mut impl Store) {
    let ids = fill(store);
    let v0 = store.data_version().unwrap();
    let before = store
        .event_by_public_id(&crate::sql::public_id(ids[0]))
        .unwrap()
        .unwrap();
    assert_eq!(before.status, Status::Published);
    assert_eq!(store.set_status(&[ids[0], ids[2]], Status::Draft).unwrap(), 2);
    assert_eq!(store.set_status(&[ids[2]], Status::Draft).unwrap(), 0, "no change");
    assert_eq!(store.set_status(&[ids[3]], Status::Retracted).unwrap(), 1);
    assert!(store.data_version().unwrap() > v0);
    let removed = store.removals_since("2000-01-01T00:00:00Z", 10).unwrap();
    let mut gone: Vec<(String, String)> = removed.into_iter().map(|r| (r.public_id, r.status)).collect();
    gone.sort();
    assert_eq!(gone.len(), 3);
    assert_eq!(gone[2], (crate::sql::public_id(ids[3]), "retracted".to_string()));
    assert!(store.removals_since("2999-01-01T00:00:00Z", 10).unwrap().is_empty());
    // Republishing takes it off the removal list.
    store.set_status(&[ids[0]], Status::Published).unwrap();
    assert_eq!(store.removals_since("2000-01-01T00:00:00Z", 10).unwrap().len(), 2);
    assert_eq!(titles(store, EventFilter::public()), ["Carton strike", "Old march"]);
    let since = EventFilter {
        updated_since: Some("2999-01-01T00:00:00Z".into()),
        ..EventFilter::public()
    };
    assert!(titles(store, since).is_empty());
    let err = store
        .set_status(&[ids[0], 99_999], Status::Draft)
        .unwrap_err()
        .to_string();
    assert!(err.contains("99999"), "{err}");
    assert_eq!(
        titles(store, EventFilter::public()).len(),
        2,
        "failed batch rolled back"
    );
    assert!(store.event_by_public_id("E999999").unwrap().is_none());
}
