//! The Rust scorer must print the same figures as the reference
//! `shared/eval/score.py` on the same files. Predictions are made by
//! perturbing the gold files in every way the scorer distinguishes.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    if dir.join("score.py").exists() && Command::new("python3").arg("--version").output().is_ok() {
        Some(dir)
    } else {
        eprintln!("notice: ../shared/eval or python3 not found; skipping the comparison with score.py");
        None
    }
}

/// Deterministic perturbations of gold events: each index picks a change.
fn perturb(gold: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        let mut p = g.clone();
        let o = p.as_object_mut().unwrap();
        match i % 9 {
            0 => {}
            1 => {
                o.insert("start_date".into(), json!("2025-11-02"));
            }
            2 => {
                o.insert("adcode".into(), json!("11"));
                o.insert("province".into(), json!("北京市"));
            }
            3 => {
                o.insert("police".into(), json!(true));
                o.insert("violence".into(), json!(false));
                o.insert("issues".into(), json!(["other", "land"]));
            }
            4 => continue, // a missed event
            5 => {
                o.insert("role".into(), json!("mentioned"));
                o.insert("size_min".into(), json!(7));
            }
            6 => {
                o.insert("report".into(), json!("完全无关的标题 nothing alike"));
            }
            7 => {
                o.insert("outcome".into(), json!("none"));
                o.insert("arrests_min".into(), json!(3));
                o.insert("tactics".into(), json!([]));
                o.insert(
                    "evidence".into(),
                    json!([{"field": "tactics", "text": "罢工", "start": 0, "end": 2}]),
                );
            }
            _ => {
                o.remove("country");
                o.insert("start_date".into(), Value::Null);
            }
        }
        out.push(p);
        if i % 5 == 0 {
            // an extra prediction that matches nothing
            let mut extra = g.clone();
            extra["start_date"] = json!("2019-01-01");
            extra["adcode"] = json!("65");
            out.push(extra);
        }
    }
    out
}

fn check(dir: &Path, gold_name: &str) {
    let gold_path = dir.join(gold_name);
    let gold_text = std::fs::read_to_string(&gold_path).unwrap();
    let gold = unrest_eval::load_jsonl("gold", &gold_text).unwrap();
    for pred in [perturb(&gold), gold.clone(), Vec::new()] {
        let tmp = tempfile::NamedTempFile::new().unwrap();
        let lines: Vec<String> = pred.iter().map(|v| v.to_string()).collect();
        std::fs::write(tmp.path(), lines.join("\n")).unwrap();
        let py = Command::new("python3")
            .arg(dir.join("score.py"))
            .arg(&gold_path)
            .arg(tmp.path())
            .arg("--json")
            .output()
            .unwrap();
        assert!(py.status.success(), "{}", String::from_utf8_lossy(&py.stderr));
        let expected: Value = serde_json::from_slice(&py.stdout).unwrap();
        let ours = unrest_eval::score(&gold, &pred, None).to_json();
        for key in ["headline", "fields", "fields_n", "sets_f1", "events"] {
            assert_eq!(close(&ours[key]), close(&expected[key]), "{gold_name}: `{key}` differs");
        }
        assert!((ours["score"].as_f64().unwrap() - expected["score"].as_f64().unwrap()).abs() < 1e-9);
    }
}

/// Rounds every number so float formatting differences do not matter.
fn close(v: &Value) -> Value {
    match v {
        Value::Number(n) => json!((n.as_f64().unwrap() * 1e9).round() / 1e9),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), close(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(close).collect()),
        other => other.clone(),
    }
}

#[test]
fn agrees_on_bulletin_gold() {
    if let Some(dir) = shared() {
        check(&dir, "gold-reports-2025-11.jsonl");
    }
}

#[test]
fn agrees_on_real_excerpts_gold() {
    if let Some(dir) = shared() {
        check(&dir, "real-excerpts/gold.jsonl");
    }
}
