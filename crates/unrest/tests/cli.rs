//! Black-box tests of the `unrest` binary: each test gets a temporary
//! directory and database and runs the real executable, as a user would.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary workspace with its own database.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("test.sqlite")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// Runs `unrest --db <db> ARGS` and returns its output.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_unrest"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("UNREST_DB")
            .output()
            .unwrap()
    }

    /// Runs and asserts success, printing everything on failure.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "unrest {args:?} failed in {}\nstdout: {}\nstderr: {}",
            self.dir.path().display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs, asserts failure with exactly one error line, and returns it.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(
            !out.status.success(),
            "unrest {args:?} should fail; stdout: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "expected one error line, got: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        lines[0].to_string()
    }

    /// Everything a user can see of the database: reports and events.
    fn snapshot(&self) -> (String, String) {
        if !self.db().exists() {
            return (String::new(), String::new());
        }
        (
            self.ok(&["--json", "reports"]),
            self.ok(&["export", "--format", "jsonl"]),
        )
    }

    fn reports(&self) -> Vec<Value> {
        self.ok(&["--json", "reports"])
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("notice: {} is absent; this check is skipped", p.display());
        None
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn ingest_fixtures_pairs_titles_and_dates() {
    let env = Env::new();
    env.ok(&[
        "ingest",
        s(&fixture("bulletin-small.txt")),
        s(&fixture("one-report.md")),
        s(&fixture("reports.jsonl")),
    ]);
    let reports = env.reports();
    assert_eq!(reports.len(), 5, "{reports:?}");
    let fuyang = reports
        .iter()
        .find(|r| r["title_zh"] == "安徽阜阳纺织厂工人罢工讨薪")
        .expect("bulletin report");
    assert_eq!(
        fuyang["title_en"],
        "Textile Workers Strike over Unpaid Wages in Fuyang, Anhui"
    );
    assert_eq!(fuyang["start_date"], "2026-03-04");
    assert_eq!(fuyang["end_date"], "2026-03-04");
    let shaoyang = reports
        .iter()
        .find(|r| r["title_zh"] == "湖南邵阳村民拦路抗议垃圾场选址")
        .expect("second report");
    assert_eq!(
        shaoyang["title_en"],
        "Villagers in Shaoyang, Hunan Block Road to Landfill Site"
    );
    assert_eq!(shaoyang["start_date"], "2026-03-01");
    assert_eq!(shaoyang["end_date"], "2026-03-05");
    assert!(
        reports
            .iter()
            .any(|r| r["title_zh"] == "河北保定出租车司机聚集抗议平台抽成")
    );
    assert!(
        reports
            .iter()
            .any(|r| r["title_en"] == "Delivery riders strike in Chengdu")
    );
}

#[test]
fn ingest_the_sample_bulletin_finds_its_ten_reports() {
    let Some(path) = shared("corpus/reports-2025-11.txt") else {
        return;
    };
    let env = Env::new();
    env.ok(&["ingest", s(&path)]);
    let reports = env.reports();
    assert_eq!(reports.len(), 10);
    let expect = [
        ("2025-11-17", "2025-11-17", "Ningbo"),
        ("2025-11-15", "2025-11-15", "Yingkou"),
        ("2025-11-01", "2025-11-12", "Coal Miners"),
        ("2025-11-01", "2025-11-10", "Veterans"),
        ("2025-11-03", "2025-11-13", "Yintu"),
        ("2025-11-12", "2025-11-12", "Huaiji"),
        ("2025-11-10", "2025-11-10", "lending"),
        ("2025-11-05", "2025-11-05", "Belt and Road"),
        ("2025-11-05", "2025-11-05", "Cremation"),
        ("2025-11-05", "2025-11-07", "Shoe Factory"),
    ];
    for (start, end, en_word) in expect {
        let r = reports
            .iter()
            .find(|r| r["title_en"].as_str().is_some_and(|t| t.contains(en_word)))
            .unwrap_or_else(|| panic!("no report with English title containing {en_word}: {reports:#?}"));
        assert_eq!(r["start_date"], start, "{r}");
        assert_eq!(r["end_date"], end, "{r}");
        assert!(r["title_zh"].as_str().is_some_and(|t| !t.is_empty()), "{r}");
    }
}

#[test]
fn ingest_records_the_script_of_each_report() {
    let env = Env::new();
    let file = env.write(
        "mixed.jsonl",
        concat!(
            r#"{"title": "東莞玩具廠工人罷工", "text": "據工人透露,東莞一間港資玩具廠數百名工人本週一起罷工,抗議工廠拖欠兩個月工資。", "published": "2026-04-02", "url": null, "lang": "zh"}"#,
            "\n",
            r#"{"title": "东莞玩具厂工人罢工", "text": "据工人透露,东莞一家港资玩具厂数百名工人本周一起罢工,抗议工厂拖欠两个月工资。", "published": "2026-04-02", "url": null, "lang": "zh"}"#,
            "\n",
            r#"{"title": "Toy workers strike in Dongguan", "text": "Hundreds of workers at a toy factory in Dongguan went on strike on Monday over two months of unpaid wages.", "published": "2026-04-02", "url": null, "lang": "en"}"#,
            "\n"
        )
        .as_bytes(),
    );
    env.ok(&["ingest", s(&file)]);
    let scripts: Vec<String> = env
        .reports()
        .iter()
        .map(|r| r["script"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(scripts, ["traditional", "simplified", "latin"]);
    // the traditional report is coded like its simplified twin
    let events = env.ok(&["export"]);
    let coded: Vec<Value> = events.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let of = |title: &str| coded.iter().find(|e| e["report"] == title).cloned().unwrap_or_default();
    let (trad, simp) = (of("東莞玩具廠工人罷工"), of("东莞玩具厂工人罢工"));
    assert_eq!(trad["tactics"], simp["tactics"], "{trad}\n{simp}");
    assert_eq!(trad["issues"], simp["issues"]);
    assert_eq!(trad["prefecture"], "东莞市", "{trad}");
    assert!(
        trad["tactics"]
            .as_array()
            .is_some_and(|t| t.iter().any(|x| x == "strike")),
        "{trad}"
    );
}

#[test]
fn ingest_twice_changes_nothing() {
    let env = Env::new();
    let file = fixture("bulletin-small.txt");
    env.ok(&["ingest", s(&file)]);
    let before = env.snapshot();
    let out = env.ok(&["--json", "ingest", s(&file)]);
    let summary: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(summary["reports_added"], 0);
    assert_eq!(summary["reports_skipped"], 2);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn import_then_export_round_trips_exactly() {
    let env = Env::new();
    let file = fixture("events.jsonl");
    env.ok(&["import", s(&file)]);
    let exported = env.ok(&["export", "--format", "jsonl"]);
    let original = std::fs::read_to_string(&file).unwrap();
    let parse = |t: &str| {
        t.lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(parse(&exported), parse(&original));
    // and to a file, through --out
    let out = env.path("out.jsonl");
    env.ok(&["export", "--format", "jsonl", "--out", s(&out)]);
    assert_eq!(parse(&std::fs::read_to_string(&out).unwrap()), parse(&original));
}

#[test]
fn gold_files_round_trip() {
    for rel in ["eval/gold-reports-2025-11.jsonl", "eval/real-excerpts/gold.jsonl"] {
        let Some(file) = shared(rel) else { continue };
        let env = Env::new();
        env.ok(&["import", s(&file)]);
        let exported = env.ok(&["export"]);
        let original = std::fs::read_to_string(&file).unwrap();
        let parse = |t: &str| {
            t.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str::<Value>(l).unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(parse(&exported), parse(&original), "{rel}");
    }
}

#[test]
fn export_csv_has_codebook_columns() {
    let env = Env::new();
    env.ok(&["import", s(&fixture("events.jsonl"))]);
    let csv = env.ok(&["export", "--format", "csv"]);
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("report,role,title_zh,title_en,start_date"),
        "{header}"
    );
    assert!(header.ends_with("outcome,demands,evidence"), "{header}");
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 4);
    assert!(
        rows[0].contains("labor.wages") && rows[0].contains("strike;assembly"),
        "{}",
        rows[0]
    );
}

#[test]
fn status_filter_on_export() {
    let env = Env::new();
    env.ok(&["import", s(&fixture("events.jsonl")), "--status", "published"]);
    assert_eq!(env.ok(&["export", "--status", "published"]).lines().count(), 4);
    assert_eq!(env.ok(&["export", "--status", "draft"]).lines().count(), 0);
}

/// Runs a failing command and checks the one error line names `name`, and
/// that nothing in the database changed.
fn assert_rejected(env: &Env, args: &[&str], name: &str, problem: &str) {
    let before = env.snapshot();
    let line = env.fails(args);
    assert!(line.contains(name), "error should name {name}: {line}");
    assert!(
        line.to_lowercase().contains(problem),
        "error should say {problem}: {line}"
    );
    assert_eq!(env.snapshot(), before, "database changed after: {line}");
}

#[test]
fn bad_input_is_rejected_with_one_line_and_no_write() {
    let env = Env::new();
    env.ok(&["ingest", s(&fixture("bulletin-small.txt"))]);
    env.ok(&["import", s(&fixture("events.jsonl"))]);

    assert_rejected(&env, &["ingest", "nowhere.txt"], "nowhere.txt", "cannot read");
    let bad_utf8 = env.write("latin1.txt", b"\xc9t\xe9 \xff\xfe report\n");
    assert_rejected(&env, &["ingest", s(&bad_utf8)], "latin1.txt", "utf-8");
    let empty = env.write("empty.txt", b"");
    assert_rejected(&env, &["ingest", s(&empty)], "empty.txt", "empty");
    let blank = env.write("blank.md", b"  \n\n   \n");
    assert_rejected(&env, &["ingest", s(&blank)], "blank.md", "empty");
    let truncated = env.write(
        "cut.jsonl",
        "{\"title\": \"a\", \"text\": \"工人罢工\"}\n{\"title\": \"b\", \"te".as_bytes(),
    );
    assert_rejected(&env, &["ingest", s(&truncated)], "cut.jsonl:2", "json");
    // one good file and one bad: nothing at all is written
    assert_rejected(
        &env,
        &["ingest", s(&fixture("reports.jsonl")), s(&truncated)],
        "cut.jsonl",
        "json",
    );

    let events = std::fs::read_to_string(fixture("events.jsonl")).unwrap();
    let unknown = env.write(
        "codes.jsonl",
        events.replace("\"labor.wages\"", "\"labour\"").as_bytes(),
    );
    assert_rejected(&env, &["import", s(&unknown)], "codes.jsonl:1", "issues[0]");
    let bad_date = env.write(
        "dates.jsonl",
        events.replace("\"2026-03-05\"", "\"2026-03-35\"").as_bytes(),
    );
    assert_rejected(&env, &["import", s(&bad_date)], "dates.jsonl:2", "end_date");
    let mut lines: Vec<&str> = events.lines().collect();
    lines[2] = "{\"report\": \"x\", \"role\": \"primary\",, }";
    let malformed = env.write("malformed.jsonl", lines.join("\n").as_bytes());
    assert_rejected(&env, &["import", s(&malformed)], "malformed.jsonl:3", "");
    let empty_events = env.write("none.jsonl", b"\n\n");
    assert_rejected(&env, &["import", s(&empty_events)], "none.jsonl", "no events");
    assert_rejected(&env, &["import", "missing.jsonl"], "missing.jsonl", "cannot read");
}

#[test]
fn a_document_without_a_report_is_rejected() {
    let env = Env::new();
    let junk = env.write("junk.jsonl", b"{\"nothing\": 1}\n");
    let line = env.fails(&["ingest", s(&junk)]);
    assert!(line.contains("junk.jsonl"), "{line}");
    assert!(!env.db().exists() || env.reports().is_empty());
}

#[test]
fn demo_loads_the_bundled_corpus_once() {
    let env = Env::new();
    let out = env.ok(&["--json", "demo", "--no-serve"]);
    let summary: Value = serde_json::from_str(out.trim()).unwrap();
    assert!(summary["reports"].as_u64().unwrap() >= 12, "{summary}");
    assert_eq!(summary["published"], summary["events_added"], "{summary}");
    let again: Value = serde_json::from_str(env.ok(&["--json", "demo", "--no-serve"]).trim()).unwrap();
    assert_eq!(again["reports_added"], 0);
    assert_eq!(again["reports"], summary["reports"]);
    // every demo report is bilingual and dated
    for r in env.reports() {
        assert!(r["title_zh"].is_string() && r["title_en"].is_string(), "{r}");
        assert!(r["start_date"].is_string(), "{r}");
    }
}

#[test]
fn quiet_prints_nothing() {
    let env = Env::new();
    let out = env.ok(&["--quiet", "ingest", s(&fixture("bulletin-small.txt"))]);
    assert!(out.is_empty(), "{out}");
}

#[test]
fn extract_prints_codebook_events_with_verbatim_evidence() {
    let env = Env::new();
    let file = fixture("bulletin-small.txt");
    let out = env.ok(&["extract", s(&file)]);
    let source = std::fs::read_to_string(&file).unwrap();
    let events: Vec<unrest_codebook::Event> = out
        .lines()
        .map(|l| unrest_codebook::Event::from_json(l).unwrap())
        .collect();
    assert!(!events.is_empty(), "no events coded from {}", file.display());
    for e in &events {
        for ev in &e.evidence {
            assert!(source.contains(&ev.text), "evidence {:?} not in the source", ev.text);
        }
    }
    assert!(!env.db().exists(), "extract must not touch the database");
    let table = env.ok(&["extract", "--format", "table", s(&file)]);
    assert!(table.contains("2026-03-04"), "{table}");
}

#[test]
fn extract_with_a_broken_lexicon_names_the_file() {
    let env = Env::new();
    let lexicon = env.write("lexicon.toml", b"version = \"x\"\n[[issues\n");
    let line = env.fails(&["extract", "--lexicon", s(&lexicon), s(&fixture("bulletin-small.txt"))]);
    assert!(line.contains("lexicon.toml"), "{line}");
}

#[test]
fn eval_of_gold_against_itself_is_perfect() {
    let env = Env::new();
    let gold = fixture("events.jsonl");
    let out = env.ok(&["eval", s(&gold), s(&gold)]);
    assert_eq!(out.lines().last(), Some("score: 1.000"), "{out}");
    let json: Value = serde_json::from_str(&env.ok(&["--json", "eval", s(&gold), s(&gold)])).unwrap();
    assert_eq!(json["score"], 1.0);
}

#[test]
fn eval_agrees_with_the_reference_scorer() {
    let (Some(gold), Some(corpus), Some(script)) = (
        shared("eval/gold-reports-2025-11.jsonl"),
        shared("corpus/reports-2025-11.txt"),
        shared("eval/score.py"),
    ) else {
        return;
    };
    let env = Env::new();
    let pred = env.write("pred.jsonl", env.ok(&["extract", s(&corpus)]).as_bytes());
    let ours = env.ok(&["eval", s(&gold), s(&pred), "--source", s(&corpus)]);
    let py = Command::new("python3")
        .args([s(&script), s(&gold), s(&pred), "--source", s(&corpus)])
        .output()
        .expect("python3 runs");
    assert_eq!(ours, String::from_utf8_lossy(&py.stdout));
    let via_extract = env.ok(&["eval", s(&gold), "--extract", s(&corpus)]);
    assert_eq!(via_extract, ours);
}

#[test]
fn geo_resolves_a_chain_of_places() {
    let env = Env::new();
    let out = env.ok(&["geo", "昨天,浙江省宁波市海曙区有数十人聚集。"]);
    assert!(out.contains("330203"), "{out}");
    let json = env.ok(&["--json", "geo", "浙江省宁波市海曙区"]);
    let mentions: Vec<Value> = json.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!mentions.is_empty());
    let traditional = env.ok(&["geo", "廣東省肇慶市懷集縣有村民聚集"]);
    assert!(traditional.contains("441224"), "{traditional}");
    assert!(
        traditional.contains("廣東省肇慶市懷集縣"),
        "spans show the text as written: {traditional}"
    );
    let file = env.write("text.txt", "湖南省邵阳市隆回县".as_bytes());
    assert!(env.ok(&["geo", "--file", s(&file)]).contains("430524"));
}
