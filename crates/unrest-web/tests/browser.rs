//! Browser tests: the real server on a free port, driven in Debian's
//! headless Chromium through chromedriver (both installed by
//! `scripts/test`). They open the pages, search, filter, switch language
//! and check what a reader sees; the map page's screenshot is saved as
//! `target/test-artefacts/map.png`.

mod common;

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// chromedriver, stopped when the test ends.
struct Driver {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn find(names: &[&str]) -> PathBuf {
    for name in names {
        for dir in ["/usr/bin", "/usr/local/bin", "/usr/lib/chromium"] {
            let path = Path::new(dir).join(name);
            if path.is_file() {
                return path;
            }
        }
    }
    panic!("none of {names:?} is installed; run scripts/test (it installs chromium and chromium-driver)");
}

fn start_driver() -> Driver {
    let port = free_port();
    let child = Command::new(find(&["chromedriver"]))
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start listening");
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver {
        child,
        port,
        _profile: tempfile::tempdir().unwrap(),
    }
}

async fn browser(driver: &Driver, lang: &str, size: (u32, u32)) -> Client {
    let args = serde_json::json!([
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        format!("--user-data-dir={}", driver._profile.path().join(lang).display()),
        format!("--window-size={},{}", size.0, size.1),
        format!("--lang={lang}"),
    ]);
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": find(&["chromium"]),
            "args": args,
            "prefs": { "intl.accept_languages": lang },
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a browser session")
}

/// Starts the site over the fixture database on a free port; returns its
/// base URL. The database directory lives as long as the returned guard.
async fn start_site() -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("site.sqlite");
    let mut store = unrest_store::SqliteStore::open(&db).unwrap();
    common::fill(&mut store);
    drop(store);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = unrest_web::AppState::new(common::opener(db), 4, &base);
    tokio::spawn(unrest_web::serve(listener, state));
    (base, dir)
}

async fn text(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css)).await.unwrap().text().await.unwrap()
}

async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.unwrap().len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reader_searches_filters_switches_language_and_sees_the_map() {
    let (base, _db) = start_site().await;
    let driver = start_driver();
    let c = browser(&driver, "zh-CN", (1280, 1000)).await;
    let result = async {
        // First visit: Chinese from the browser's language.
        c.goto(&format!("{base}/")).await?;
        assert!(c.current_url().await?.as_str().ends_with("/zh/"));
        assert_eq!(text(&c, "h1").await, "最新抗争事件");
        assert_eq!(count(&c, "ol.bulletin > li").await, 3);
        // The first Tab reaches the skip link.
        c.find(Locator::Css("body")).await?.send_keys("\u{E004}").await?;
        let focused = c.active_element().await?;
        assert_eq!(focused.attr("class").await?.as_deref(), Some("skip"));

        // Switch to English; the choice is remembered.
        c.find(Locator::Css("a.switch")).await?.click().await?;
        assert!(c.current_url().await?.as_str().ends_with("/en/"));
        assert_eq!(text(&c, "h1").await, "Latest protest events");
        c.goto(&format!("{base}/")).await?;
        assert!(c.current_url().await?.as_str().ends_with("/en/"), "language remembered");

        // Search in Chinese words on the English interface.
        c.goto(&format!("{base}/en/search")).await?;
        assert_eq!(count(&c, "ol.bulletin > li").await, 3);
        let q = c.find(Locator::Css("#f-q")).await?;
        q.send_keys("罢工").await?;
        c.find(Locator::Css("form.filters button[type=submit]"))
            .await?
            .click()
            .await?;
        assert!(c.current_url().await?.as_str().contains("q=%E7%BD%A2%E5%B7%A5"));
        assert_eq!(count(&c, "ol.bulletin > li").await, 1);
        assert_eq!(text(&c, "ol.bulletin h3").await, "Changsha carton workers strike");

        // Clear, then tick a filter: the script submits the form at once.
        c.goto(&format!("{base}/en/search")).await?;
        c.find(Locator::Css("input[name=issue][value=housing]"))
            .await?
            .click()
            .await?;
        let deadline = Instant::now() + Duration::from_secs(10);
        while !c.current_url().await?.as_str().contains("issue=housing") {
            assert!(Instant::now() < deadline, "filter did not submit");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(count(&c, "ol.bulletin > li").await, 1);
        // The injected markup shows as text and never runs.
        let title = text(&c, "ol.bulletin h3").await;
        assert!(title.contains("<script>alert('x')</script>"), "{title}");
        assert!(c.get_alert_text().await.is_err(), "no alert opened");

        // The event page: evidence highlighted, citation, the script's copy button.
        c.goto(&format!("{base}/en/events/E000001")).await?;
        assert_eq!(count(&c, "mark").await, 2);
        assert!(text(&c, "#citation").await.contains("event E000001"));
        assert!(c.find(Locator::Css("#copy-citation")).await?.is_displayed().await?);

        // The map, following a filter, then all events; saved as an artefact.
        c.goto(&format!("{base}/en/map?issue=housing")).await?;
        assert_eq!(count(&c, "svg path.prov").await, 34);
        assert_eq!(count(&c, "svg circle.pt").await, 1);
        c.goto(&format!("{base}/en/map")).await?;
        assert_eq!(count(&c, "svg circle.pt").await, 2);
        assert_eq!(count(&c, "svg path.f4").await, 3);
        let png = c.find(Locator::Css("figure svg")).await?.screenshot().await?;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/test-artefacts");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("map.png"), &png).unwrap();
        assert!(png.len() > 10_000, "a real picture");

        // Charts render as SVG bars.
        c.goto(&format!("{base}/zh/charts")).await?;
        assert!(count(&c, "svg rect.bar").await >= 3);
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    c.close().await.ok();
    result.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_fit_a_phone_screen() {
    let (base, _db) = start_site().await;
    let driver = start_driver();
    let c = browser(&driver, "en-US", (390, 844)).await;
    let result = async {
        for path in [
            "/en/",
            "/en/search",
            "/en/events/E000003",
            "/en/map",
            "/en/charts",
            "/zh/codebook",
        ] {
            c.goto(&format!("{base}{path}")).await?;
            let overflow = c
                .execute(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                    vec![],
                )
                .await?;
            assert!(
                overflow.as_i64().unwrap_or(0) <= 1,
                "{path} scrolls sideways by {overflow}"
            );
        }
        Ok::<(), fantoccini::error::CmdError>(())
    }
    .await;
    c.close().await.ok();
    result.unwrap();
}
