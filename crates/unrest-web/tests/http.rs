//! HTTP-level tests of every route, filter and format of the public site,
//! against the real router over a fixture database of invented events.

mod common;

use axum::http::StatusCode;
use common::{Fixture, IMG_INJECTION, INJECTION, SECRETS};
use serde_json::Value;

/// Every public route, with a filtered variant where it takes filters.
const ROUTES: &[&str] = &[
    "/zh/",
    "/en/",
    "/en/?page=2&per_page=1",
    "/zh/search",
    "/en/search?q=strike&issue=labor.wages",
    "/en/events/E000001",
    "/zh/events/E000003",
    "/zh/map",
    "/en/map?province=湖南省",
    "/zh/charts",
    "/en/charts?period=week&tactic=strike",
    "/zh/stats",
    "/en/stats",
    "/zh/codebook",
    "/en/codebook",
    "/zh/data",
    "/en/data?issue=land",
    "/zh/feed.atom",
    "/en/feed.atom?tactic=banners",
    "/download/events.csv",
    "/download/events.jsonl?issue=labor.wages",
    "/download/events.geojson",
    "/api/v1/events",
    "/api/v1/events?q=罢工",
    "/api/v1/events/E000001",
    "/api/v1/stats",
    "/api/v1/stats?period=week&province=湖南省",
    "/api/v1/sync",
    "/api/v1/sync?since=2000-01-01T00:00:00Z",
    "/api/v1/codebook",
    "/api/v1/openapi.json",
    "/static/style.css",
    "/static/app.js",
    "/robots.txt",
];

fn encode(uri: &str) -> String {
    // Percent-encode non-ASCII so the request line is valid.
    uri.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                c.to_string().bytes().map(|b| format!("%{b:02X}")).collect()
            }
        })
        .collect()
}

#[tokio::test]
async fn every_route_answers_with_the_security_headers() {
    let f = Fixture::new();
    let extra = [
        ("/", StatusCode::SEE_OTHER),
        ("/zh", StatusCode::PERMANENT_REDIRECT),
        ("/e/E000001", StatusCode::SEE_OTHER),
        ("/nowhere", StatusCode::NOT_FOUND),
        ("/fr/", StatusCode::NOT_FOUND),
        ("/api/v1/nothing", StatusCode::NOT_FOUND),
        ("/zh/search?issue=bogus", StatusCode::BAD_REQUEST),
        ("/favicon.ico", StatusCode::NO_CONTENT),
    ];
    let routes = ROUTES.iter().map(|r| (*r, StatusCode::OK)).chain(extra);
    for (route, want) in routes {
        let (status, headers, _) = f.get_with(&encode(route), &[]).await;
        assert_eq!(status, want, "{route}");
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        assert_eq!(header("content-security-policy"), unrest_web::headers::CSP, "{route}");
        assert!(header("content-security-policy").starts_with("default-src 'none'"));
        assert_eq!(header("x-content-type-options"), "nosniff", "{route}");
        assert_eq!(header("x-frame-options"), "DENY", "{route}");
        assert_eq!(header("referrer-policy"), "no-referrer", "{route}");
        assert!(!header("cache-control").is_empty(), "{route}");
    }
}

#[tokio::test]
async fn pages_load_nothing_from_elsewhere() {
    let f = Fixture::new();
    for route in ROUTES.iter().filter(|r| r.starts_with("/zh/") || r.starts_with("/en/")) {
        let body = f.ok(&encode(route)).await;
        if route.ends_with(".atom") || route.contains("feed.atom") {
            continue;
        }
        for attr in ["src=\"http", "href=\"http://", "src=\"//", "href=\"//", "style=\""] {
            let allowed = body.matches(attr).filter(|_| attr == "href=\"http://").count();
            // Absolute links are only the site's own permalinks.
            let own = body.matches("href=\"http://unrest.test").count();
            assert!(allowed <= own, "{route}: {attr}");
            if attr != "href=\"http://" {
                assert!(!body.contains(attr), "{route} contains {attr}");
            }
        }
        assert!(!body.contains("<script>") || !body.contains("alert"), "{route}");
    }
}

#[tokio::test]
async fn root_follows_cookie_then_accept_language() {
    let f = Fixture::new();
    let location = |h: &axum::http::HeaderMap| h["location"].to_str().unwrap().to_owned();
    let (_, h, _) = f.get_with("/", &[("accept-language", "en-US,en;q=0.9")]).await;
    assert_eq!(location(&h), "/en/");
    let (_, h, _) = f.get_with("/", &[("accept-language", "zh-CN,zh;q=0.9,en;q=0.5")]).await;
    assert_eq!(location(&h), "/zh/");
    let (_, h, _) = f
        .get_with("/", &[("accept-language", "en"), ("cookie", "lang=zh")])
        .await;
    assert_eq!(location(&h), "/zh/");
    let (_, h, _) = f.get_with("/e/E000003", &[("cookie", "lang=en")]).await;
    assert_eq!(location(&h), "/en/events/E000003");
    // Visiting a language remembers it.
    let (_, h, body) = f.get_with("/en/search?q=strike", &[]).await;
    assert!(h["set-cookie"].to_str().unwrap().starts_with("lang=en;"));
    assert!(body.contains("<html lang=\"en\""));
    assert!(
        body.contains("href=\"/zh/search?q=strike\""),
        "switch keeps the page and query"
    );
}

#[tokio::test]
async fn latest_is_a_bulletin_of_published_events_newest_first() {
    let f = Fixture::new();
    let zh = f.ok("/zh/").await;
    let (a, b, c) = (
        zh.find("深圳业主").unwrap(),
        zh.find("长沙纸箱厂工人罢工").unwrap(),
        zh.find("成都村民堵路").unwrap(),
    );
    assert!(a < b && b < c, "newest first");
    assert!(
        zh.contains("约八十名工人在厂门口停工"),
        "report text in the reader's language"
    );
    assert!(zh.contains("Read in English") && zh.contains("href=\"/en/events/E000001\""));
    assert!(zh.contains("2031-03-04") && zh.contains("湖南省长沙市"));
    assert!(zh.contains("欠薪") && zh.contains("罢工") && zh.contains("警察出动") && zh.contains("10–99 人"));
    let en = f.ok("/en/").await;
    assert!(en.contains("About eighty workers stopped work") && en.contains("Hunan"));
    assert!(en.contains("Unpaid wages") && en.contains("Police") && en.contains("3 events"));
    let page2 = f.ok("/en/?per_page=1&page=2").await;
    assert!(page2.contains("Changsha carton workers strike") && !page2.contains("Chengdu villagers"));
    assert!(page2.contains("rel=\"prev\"") && page2.contains("rel=\"next\""));
}

#[tokio::test]
async fn event_page_shows_fields_evidence_permalink_and_citation() {
    let f = Fixture::new();
    let page = f.ok("/en/events/E000001").await;
    for needle in [
        "Changsha carton workers strike",
        "Unpaid wages",
        "<code>labor.wages</code>",
        "Police deployed",
        "Detained (low)",
        "补发三个月工资",
        "<mark title=\"Tactics\">停工</mark>",
        "<mark title=\"Size (low)\">约八十名工人</mark>",
        "http://unrest.test/e/E000001",
        "id=\"citation\"",
        "unrest protest event database, event E000001",
        "href=\"/zh/events/E000001\"",
    ] {
        assert!(page.contains(needle), "missing {needle}");
    }
    assert!(
        !page.contains("private-source") && !page.contains("/home/monitor"),
        "report url and source stay private"
    );
    let zh = f.ok("/zh/events/E000001").await;
    assert!(zh.contains("警察出动") && zh.contains("unrest 抗争事件数据库，事件 E000001"));
    for missing in [
        "/en/events/E000002",
        "/en/events/E000005",
        "/en/events/E000006",
        "/en/events/E999999",
        "/en/events/x%3Cy",
    ] {
        let (status, body) = f.get(missing).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
        assert!(body.contains("<h1>404"), "an error page: {body}");
    }
}

async fn result_titles(f: &Fixture, query: &str) -> Vec<String> {
    let body = f.ok(&format!("/api/v1/events?{query}")).await;
    let v: Value = serde_json::from_str(&body).unwrap();
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title_en"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn search_and_every_filter_select_events() {
    let f = Fixture::new();
    let (strike, home, village) = (
        "Changsha carton workers strike",
        "Shenzhen homeowners <script>alert('x')</script> banners",
        "Chengdu villagers block roads",
    );
    let cases: &[(&str, &[&str])] = &[
        ("", &[home, strike, village]),
        ("q=%E7%BD%A2%E5%B7%A5", &[strike]),  // 罢工
        ("q=%E8%AE%A8%E8%96%AA", &[strike]),  // 讨薪
        ("q=%E5%BE%81%E5%9C%B0", &[village]), // 征地
        ("q=%E6%A8%AA%E5%B9%85", &[home]),    // 横幅
        ("q=unpaid+wages", &[strike]),
        ("q=villager", &[village]),
        ("q=banners+Shenzhen", &[home]),
        ("q=strike+Shenzhen", &[]),
        ("from=2031-01&to=2031-04", &[strike]),
        ("from=2031", &[home, strike]),
        ("to=2030-12-15", &[village]),
        ("province=%E6%B9%96%E5%8D%97%E7%9C%81", &[strike]), // 湖南省
        ("prefecture=%E6%B7%B1%E5%9C%B3%E5%B8%82", &[home]), // 深圳市
        ("adcode=51", &[village]),
        ("adcode=4403", &[home]),
        ("issue=land&issue=housing", &[home, village]),
        ("group=workers", &[strike]),
        ("tactic=banners", &[home]),
        ("target=village_committee", &[village]),
        ("size=10-99", &[strike]),
        ("size=unknown&size=100-999", &[home, village]),
        ("repression=police&repression=arrests", &[strike]),
        ("repression=violence", &[village]),
        ("repression=censorship&issue=labor.wages", &[]),
        ("sort=oldest", &[village, strike, home]),
        ("per_page=1&page=2", &[strike]),
        ("updated_since=2999-01-01T00:00:00Z", &[]),
    ];
    for (query, want) in cases {
        assert_eq!(result_titles(&f, query).await, *want, "{query}");
    }
}

#[tokio::test]
async fn search_page_shows_counts_chips_and_shareable_links() {
    let f = Fixture::new();
    let page = f.ok("/en/search?issue=labor.wages&q=strike").await;
    assert!(page.contains("1 event"), "count of results");
    assert!(
        page.contains("name=\"issue\" value=\"labor.wages\" checked"),
        "form keeps state"
    );
    assert!(page.contains("<span class=\"n\">1</span>"), "counts per value");
    assert!(
        page.contains("href=\"/en/search?q=strike\""),
        "chip removing the issue keeps the rest"
    );
    assert!(page.contains("href=\"/download/events.csv?q=strike&amp;issue=labor.wages\""));
    assert!(page.contains("href=\"/en/map?q=strike&amp;issue=labor.wages\""));
    assert!(page.contains("href=\"/en/feed.atom?q=strike&amp;issue=labor.wages\""));
    let all = f.ok("/zh/search").await;
    assert!(all.contains("湖南省 (1)") && all.contains("共 3 条事件"));
    let province = f.ok(&encode("/zh/search?province=广东省")).await;
    assert!(province.contains("深圳市 (1)"), "prefectures of the chosen province");
}

#[tokio::test]
async fn map_follows_filters() {
    let f = Fixture::new();
    let all = f.ok("/en/map").await;
    assert_eq!(all.matches("<path class=\"prov f").count(), 34);
    assert!(
        all.contains("<path class=\"prov f4\""),
        "provinces with events are shaded"
    );
    assert_eq!(
        all.matches("<circle class=\"pt\"").count(),
        2,
        "two events have coordinates"
    );
    assert!(all.contains("<title>Hunan: 1</title>"));
    let filtered = f.ok("/en/map?issue=housing").await;
    assert_eq!(filtered.matches("<circle class=\"pt\"").count(), 1);
    assert!(filtered.contains("<title>Hunan: 0</title>") && filtered.contains("<title>Guangdong: 1</title>"));
    assert!(filtered.contains("href=\"/en/search?province=%E5%B9%BF%E4%B8%9C%E7%9C%81&amp;issue=housing\""));
}

#[tokio::test]
async fn charts_follow_filters_and_period() {
    let f = Fixture::new();
    let months = f.ok("/en/charts").await;
    assert!(months.contains("Events per month") && months.contains("2030-12: 1") && months.contains("2031-05: 1"));
    assert!(months.contains("Unpaid wages: 1") && months.contains("Hunan: 1"));
    let weeks = f.ok("/en/charts?period=week&issue=labor.wages").await;
    assert!(weeks.contains("Events per week") && weeks.contains("2031-03-03: 1"));
    assert!(!weeks.contains("Housing: "), "filtered");
    assert!(weeks.contains("href=\"/en/search?from=2031-03-03&amp;to=2031-03-09&amp;issue=labor.wages\""));
}

#[tokio::test]
async fn stats_codebook_and_data_pages() {
    let f = Fixture::new();
    let stats = f.ok("/en/stats").await;
    assert!(stats.contains("<div class=\"n\">3</div>") && stats.contains("published events"));
    assert!(stats.contains("2030") && stats.contains("2031"));
    let codebook = f.ok("/en/codebook").await;
    assert!(
        codebook.contains("labor.social_insurance")
            && codebook.contains("社保")
            && codebook.contains("Social insurance")
    );
    assert!(
        codebook.contains("Unpaid wages") && codebook.contains("工资被拖欠"),
        "definitions in both languages"
    );
    let data = f.ok("/zh/data?issue=land").await;
    assert!(data.contains("href=\"/download/events.csv?issue=land\"") && data.contains("arrests_min"));
}

#[tokio::test]
async fn feeds_list_newly_published_events_for_any_filter() {
    let f = Fixture::new();
    let (status, headers, feed) = f.get_with("/en/feed.atom", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    assert!(feed.starts_with("<?xml") && feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert_eq!(feed.matches("<entry>").count(), 3);
    assert!(feed.contains("<id>http://unrest.test/e/E000001</id>"));
    assert!(feed.contains("&lt;script&gt;") && !feed.contains(INJECTION));
    let filtered = f.ok("/zh/feed.atom?tactic=strike").await;
    assert_eq!(filtered.matches("<entry>").count(), 1);
    assert!(filtered.contains("长沙纸箱厂工人罢工") && filtered.contains("xml:lang=\"zh-Hans\""));
}

#[tokio::test]
async fn api_lists_events_stats_and_sync() {
    let f = Fixture::new();
    let v: Value = serde_json::from_str(&f.ok("/api/v1/events?per_page=2").await).unwrap();
    assert_eq!((v["total"].as_u64(), v["per_page"].as_u64()), (Some(3), Some(2)));
    assert_eq!(v["next"], "http://unrest.test/api/v1/events?per_page=2&page=2");
    let first = &v["events"][0];
    assert_eq!(first["id"], "E000003");
    assert_eq!(first["url"], "http://unrest.test/e/E000003");
    assert!(first["issues"].is_array() && first["evidence"].is_array() && first["published_at"].is_string());
    let big: Value = serde_json::from_str(&f.ok("/api/v1/events?per_page=100000").await).unwrap();
    assert_eq!(big["per_page"], unrest_web::params::MAX_API_PAGE_SIZE);
    let one: Value = serde_json::from_str(&f.ok("/api/v1/events/E000001").await).unwrap();
    assert_eq!(one["event"]["size_min"], 80);
    assert!(one["report"]["text"].as_str().unwrap().contains("约八十名工人"));
    assert!(one["report"].get("url").is_none() && one["report"].get("source").is_none());
    let (status, body) = f.get("/api/v1/events/E000002").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["error"]["code"],
        "not_found"
    );
    let (status, body) = f.get("/api/v1/events?issue=nope").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("nope") && body.contains("bad_request"));
    let stats: Value = serde_json::from_str(&f.ok("/api/v1/stats?period=month").await).unwrap();
    assert_eq!(stats["total"], 3);
    assert_eq!(stats["issues"]["labor.wages"], 1);
    assert_eq!(stats["provinces"]["湖南省"], 1);
    assert_eq!(
        stats["timeline"][0],
        serde_json::json!({ "period": "2030-12", "count": 1 })
    );
    let sync: Value = serde_json::from_str(&f.ok("/api/v1/sync?since=2000-01-01T00:00:00Z").await).unwrap();
    assert_eq!(sync["updated"].as_array().unwrap().len(), 3);
    let mut removed: Vec<(String, String)> = sync["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["public_id"].as_str().unwrap().into(),
                r["status"].as_str().unwrap().into(),
            )
        })
        .collect();
    removed.sort();
    assert_eq!(
        removed,
        [
            ("E000005".into(), "retracted".into()),
            ("E000006".into(), "draft".into())
        ]
    );
    let later = format!("/api/v1/sync?since={}", "2999-01-01T00:00:00Z");
    let none: Value = serde_json::from_str(&f.ok(&later).await).unwrap();
    assert!(none["updated"].as_array().unwrap().is_empty() && none["removed"].as_array().unwrap().is_empty());
    assert!(none["as_of"].as_str().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn openapi_describes_every_api_route() {
    let f = Fixture::new();
    let doc: Value = serde_json::from_str(&f.ok("/api/v1/openapi.json").await).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for route in [
        "/api/v1/events",
        "/api/v1/events/{id}",
        "/api/v1/stats",
        "/api/v1/sync",
        "/api/v1/codebook",
        "/api/v1/openapi.json",
    ] {
        assert!(paths.contains_key(route), "{route}");
    }
    let params: Vec<&str> = paths["/api/v1/events"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "q",
        "from",
        "to",
        "province",
        "prefecture",
        "adcode",
        "issue",
        "group",
        "tactic",
        "target",
        "size",
        "repression",
        "updated_since",
        "page",
        "per_page",
    ] {
        assert!(params.contains(&name), "{name}");
    }
    let codebook: Value = serde_json::from_str(&f.ok("/api/v1/codebook").await).unwrap();
    assert_eq!(codebook["issues"][0]["code"], "labor.wages");
    assert!(!codebook["tactics"][0]["definition_zh"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn downloads_in_three_formats_follow_filters() {
    let f = Fixture::new();
    let (status, headers, csv) = f.get_with("/download/events.csv", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("unrest-events.csv")
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let head: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&head[..4], ["id", "url", "updated_at", "report"]);
    assert!(head.contains(&"evidence".to_string()));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let strike = rows.iter().find(|r| &r[0] == "E000001").unwrap();
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    assert_eq!(&strike[col("issues")], "labor.wages");
    assert_eq!(&strike[col("police")], "true");
    assert_eq!(&strike[col("violence")], "");
    let jsonl = f.ok("/download/events.jsonl?tactic=strike").await;
    let lines: Vec<&str> = jsonl.lines().collect();
    assert_eq!(lines.len(), 1);
    let event = unrest_codebook::Event::from_json(lines[0]).expect("codebook format");
    assert_eq!(event.size_min, Some(80));
    let geo: Value = serde_json::from_str(&f.ok("/download/events.geojson").await).unwrap();
    let features = geo["features"].as_array().unwrap();
    assert_eq!(features.len(), 3);
    let points = features.iter().filter(|x| x["geometry"]["type"] == "Point").count();
    assert_eq!(points, 2, "events without coordinates have null geometry");
    assert_eq!(features[0]["properties"]["id"], "E000003");
    let empty = f.ok("/download/events.geojson?q=nothingmatchesthis").await;
    assert_eq!(
        serde_json::from_str::<Value>(&empty).unwrap()["features"],
        serde_json::json!([])
    );
}

#[tokio::test]
async fn unpublished_events_never_appear_anywhere() {
    let f = Fixture::new();
    let mut routes: Vec<String> = ROUTES.iter().map(|r| encode(r)).collect();
    for extra in [
        "/en/search?q=SECRETDRAFT",
        "/en/search?q=HIDDENREPORTTEXT",
        "/api/v1/events?q=SECRETRETRACTED",
        "/api/v1/events?per_page=500",
        "/api/v1/sync?since=2000-01-01T00:00:00Z&per_page=500",
        "/download/events.jsonl?q=SECRETUNPUBLISHED",
        "/en/feed.atom?q=SECRETDRAFT",
        "/en/map?q=SECRETDRAFT",
        "/en/charts?q=SECRETDRAFT",
        "/api/v1/stats?q=SECRETDRAFT",
        "/zh/events/E000002",
        "/api/v1/events/E000005",
        "/api/v1/events/E000006",
        "/download/events.csv?size=1000-9999",
    ] {
        routes.push(extra.into());
    }
    for route in &routes {
        let (_, body) = f.get(route).await;
        for secret in SECRETS {
            // A page echoes its own query in links and the search box; those
            // routes are checked below for finding nothing.
            if !route.contains(secret) {
                assert!(!body.contains(secret), "{route} shows {secret}");
            }
        }
        assert!(!body.contains("\"size_min\":9999"), "{route} shows the draft's size");
    }
    let stats: Value = serde_json::from_str(&f.ok("/api/v1/stats?q=SECRETDRAFT").await).unwrap();
    assert_eq!(stats["total"], 0);
    for route in ["/en/search?q=SECRETDRAFT", "/en/search?q=HIDDENREPORTTEXT"] {
        assert!(f.ok(route).await.contains("No events match."), "{route}");
    }
    let api: Value = serde_json::from_str(&f.ok("/api/v1/events?q=SECRETRETRACTED").await).unwrap();
    assert_eq!(api["total"], 0);
    let csv = f.ok("/download/events.csv?size=1000-9999").await;
    assert_eq!(csv.lines().count(), 1, "only the header: {csv}");
}

#[tokio::test]
async fn injected_markup_is_escaped_everywhere() {
    let f = Fixture::new();
    for route in [
        "/en/",
        "/zh/",
        "/en/search",
        "/en/events/E000003",
        "/zh/events/E000003",
        "/en/feed.atom",
        "/en/map",
        "/en/search?q=%3Cscript%3E",
    ] {
        let body = f.ok(route).await;
        assert!(!body.contains(INJECTION), "{route} has raw script");
        assert!(!body.contains(IMG_INJECTION), "{route} has raw img");
    }
    let page = f.ok("/en/events/E000003").await;
    assert!(
        page.contains("&lt;script&gt;alert('x')&lt;/script&gt;") || page.contains("&lt;script&gt;alert(&#39;x&#39;)")
    );
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let q = f.ok("/en/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E").await;
    assert!(!q.contains("\"><script>alert(1)"), "query echoed escaped");
}

#[tokio::test]
async fn oversized_and_malformed_requests_are_refused_as_pages() {
    let f = Fixture::new();
    let long = format!("/en/search?q={}", "a".repeat(3000));
    let (status, body) = f.get(&long).await;
    assert_eq!(status, StatusCode::URI_TOO_LONG);
    assert!(body.contains("<h1>414") && body.contains("too long"));
    let (status, body) = f.get("/en/search?page=999999").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("page"));
    let (status, _) = f.get("/en/search?from=2031-02-30").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let many = format!("/api/v1/events?{}", vec!["tactic=strike"; 21].join("&"));
    assert_eq!(f.get(&many).await.0, StatusCode::BAD_REQUEST);
    let clamped = f.ok("/en/search?per_page=100000").await;
    assert!(clamped.contains("3 events"));
    let long_q = format!("/api/v1/events?q={}", "罢".repeat(220));
    assert_eq!(
        f.get(&encode(&long_q)).await.0,
        StatusCode::OK,
        "long words are cut, not refused"
    );
}

#[tokio::test]
async fn internal_errors_are_pages_without_internals() {
    let f = Fixture::new();
    let conn = rusqlite::Connection::open(&f.db).unwrap();
    conn.execute("UPDATE events SET record = '{broken' WHERE id = 1", [])
        .unwrap();
    let (status, body) = f.get("/en/events/E000001").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(body.contains("<h1>500") && body.contains("Something went wrong"));
    for leak in ["unreadable", "record", "sqlite", "broken", "panicked"] {
        assert!(!body.contains(leak), "{leak} leaked: {body}");
    }
    let (status, body) = f.get("/api/v1/events/E000001").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(body.contains("internal_error") && !body.contains("unreadable"));
}
