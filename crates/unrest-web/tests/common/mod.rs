//! A fixture database of invented events and helpers to request the real
//! router, shared by the HTTP and browser tests.

#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;
use unrest_codebook::{Event, Evidence, GeoPrecision, Group, Issue, Lang, Report, Role, Tactic, Target};
use unrest_store::{SqliteStore, Status, Store};
use unrest_web::{AppState, Opener};

/// Words that only unpublished records contain: no public output may show
/// any of them.
pub const SECRETS: &[&str] = &[
    "SECRETDRAFT",
    "SECRETRETRACTED",
    "SECRETUNPUBLISHED",
    "HIDDENREPORTTEXT",
];

/// The injected markup in a published title and report.
pub const INJECTION: &str = "<script>alert('x')</script>";
/// The injected markup in a report body.
pub const IMG_INJECTION: &str = "<img src=x onerror=alert(1)>";

/// A temporary database with the fixture and a router over it.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub router: Router,
}

fn report(zh_title: &str, zh_body: &str, en_title: &str, en_body: &str, date: &str) -> Report {
    Report {
        title_zh: Some(zh_title.into()),
        title_en: Some(en_title.into()),
        body_zh: Some(zh_body.into()),
        body_en: Some(en_body.into()),
        text: format!("{zh_title}\n{zh_body}\n{en_title}\n{en_body}"),
        lang: Lang::Bilingual,
        script: Default::default(),
        start_date: date.parse().ok(),
        end_date: date.parse().ok(),
        published: date.parse().ok(),
        url: Some("https://example.invalid/private-source".into()),
        source: Some("/home/monitor/private/file.txt".into()),
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    report: &Report,
    zh: &str,
    en: &str,
    date: &str,
    place: (&str, &str, &str),
    coords: Option<(f64, f64)>,
    codes: (Issue, Group, Tactic, Target),
    size: Option<u32>,
) -> Event {
    let mut e = Event::new(report.title(), Role::Primary);
    e.title_zh = Some(zh.into());
    e.title_en = Some(en.into());
    e.set_dates(date.parse().ok(), date.parse().ok());
    e.country = Some("CN".into());
    e.province = Some(place.0.into());
    e.prefecture = Some(place.1.into());
    e.adcode = Some(place.2.into());
    e.geo_precision = Some(GeoPrecision::Prefecture);
    e.lat = coords.map(|c| c.0);
    e.lon = coords.map(|c| c.1);
    e.issues = vec![codes.0];
    e.groups = vec![codes.1];
    e.tactics = vec![codes.2];
    e.targets = vec![codes.3];
    e.size_min = size;
    e.size_max = size;
    e
}

/// Fills a store with the fixture: three published events, one draft, one
/// retracted, one published and then unpublished.
pub fn fill(store: &mut dyn Store) {
    let carton = report(
        "长沙纸箱厂工人罢工讨薪",
        "约八十名工人在厂门口停工，要求补发三个月工资。警察到场带走两人。",
        "Changsha carton factory workers strike over unpaid wages",
        "About eighty workers stopped work at the factory gate demanding three months of back pay. Police took two away.",
        "2031-03-04",
    );
    let estate = report(
        "深圳业主拉横幅维权",
        &format!("三百名业主在售楼处外拉横幅。{IMG_INJECTION}"),
        &format!("Shenzhen homeowners {INJECTION} hold banners"),
        &format!("Three hundred homeowners held banners outside the sales office. {IMG_INJECTION}"),
        "2031-05-10",
    );
    let village = report(
        "成都郊区村民堵路反对征地",
        "村民多次拦住施工车辆，有人被打伤，相关视频被删除。",
        "Villagers near Chengdu block roads against land seizure",
        "Villagers blocked construction trucks several times; some were beaten and videos were deleted.",
        "2030-12",
    );
    let hidden = report(
        "不公开的报告",
        "HIDDENREPORTTEXT 这篇报告的事件都没有公开。",
        "An unpublished report",
        "HIDDENREPORTTEXT none of its events is public.",
        "2031-06-01",
    );
    let codes_strike = (Issue::LaborWages, Group::Workers, Tactic::Strike, Target::Company);
    let mut strike = event(
        &carton,
        "长沙纸箱厂工人罢工",
        "Changsha carton workers strike",
        "2031-03-04",
        ("湖南省", "长沙市", "4301"),
        Some((28.2, 112.9)),
        codes_strike,
        Some(80),
    );
    strike.police = Some(true);
    strike.arrests_min = Some(2);
    strike.arrests_max = Some(2);
    strike.size_text = Some("约八十名工人".into());
    strike.demands = vec!["补发三个月工资".into()];
    let chars: Vec<char> = carton.text.chars().collect();
    let find = |needle: &str| {
        let n: Vec<char> = needle.chars().collect();
        let start = chars.windows(n.len()).position(|w| w == n.as_slice()).unwrap();
        (start, start + n.len())
    };
    for (field, words) in [("tactics", "停工"), ("size_min", "约八十名工人")] {
        let (start, end) = find(words);
        strike.evidence.push(Evidence {
            field: field.into(),
            text: words.into(),
            start,
            end,
        });
    }
    let mut homeowners = event(
        &estate,
        &format!("深圳业主{INJECTION}拉横幅"),
        &format!("Shenzhen homeowners {INJECTION} banners"),
        "2031-05-10",
        ("广东省", "深圳市", "4403"),
        Some((22.54, 114.06)),
        (Issue::Housing, Group::Homeowners, Tactic::Banners, Target::Developer),
        Some(300),
    );
    homeowners.demands = vec![IMG_INJECTION.into()];
    let mut blockade = event(
        &village,
        "成都村民堵路",
        "Chengdu villagers block roads",
        "2030-12",
        ("四川省", "成都市", "5101"),
        None,
        (
            Issue::Land,
            Group::Villagers,
            Tactic::Blockade,
            Target::VillageCommittee,
        ),
        None,
    );
    blockade.violence = Some(true);
    blockade.censorship = Some(true);
    let draft = event(
        &carton,
        "SECRETDRAFT 草稿",
        "SECRETDRAFT draft",
        "2031-03-05",
        ("湖南省", "长沙市", "4301"),
        Some((28.2, 112.9)),
        codes_strike,
        Some(9999),
    );
    let retracted = event(
        &hidden,
        "SECRETRETRACTED 撤回",
        "SECRETRETRACTED withdrawn",
        "2031-06-01",
        ("湖南省", "长沙市", "4301"),
        Some((28.2, 112.9)),
        codes_strike,
        Some(50),
    );
    let unpublished = event(
        &hidden,
        "SECRETUNPUBLISHED 撤下",
        "SECRETUNPUBLISHED taken down",
        "2031-06-02",
        ("湖南省", "长沙市", "4301"),
        Some((28.2, 112.9)),
        codes_strike,
        Some(60),
    );
    store
        .add_reports(&[
            (carton, vec![strike, draft]),
            (estate, vec![homeowners]),
            (village, vec![blockade]),
            (hidden, vec![retracted, unpublished]),
        ])
        .unwrap();
    // ids 1..=6: strike, draft, homeowners, blockade, retracted, unpublished
    store.set_status(&[1, 3, 4, 5, 6], Status::Published).unwrap();
    store.set_status(&[5], Status::Retracted).unwrap();
    store.set_status(&[6], Status::Draft).unwrap();
}

/// An opener for the database at `path`.
pub fn opener(path: PathBuf) -> Opener {
    Arc::new(move || SqliteStore::open(&path).map(|s| Box::new(s) as Box<dyn Store + Send>))
}

impl Fixture {
    /// The fixture database and a router over it.
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("site.sqlite");
        let mut store = SqliteStore::open(&db).unwrap();
        fill(&mut store);
        drop(store);
        let state = AppState::new(opener(db.clone()), 2, "http://unrest.test");
        Fixture {
            dir,
            db,
            router: unrest_web::router(state),
        }
    }

    /// GET with headers; returns status, headers and body text.
    pub async fn get_with(&self, uri: &str, headers: &[(&str, &str)]) -> (StatusCode, HeaderMap, String) {
        let mut request = Request::get(uri);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, headers, String::from_utf8_lossy(&bytes).into_owned())
    }

    /// GET; returns status and body.
    pub async fn get(&self, uri: &str) -> (StatusCode, String) {
        let (status, _, body) = self.get_with(uri, &[]).await;
        (status, body)
    }

    /// GET that must succeed; returns the body.
    pub async fn ok(&self, uri: &str) -> String {
        let (status, body) = self.get(uri).await;
        assert_eq!(status, StatusCode::OK, "GET {uri}: {body}");
        body
    }
}
