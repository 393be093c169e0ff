//! Writes the coded events of report files as JSON Lines on stdout, for the
//! scorer in ../shared/eval (until `unrest extract` is wired):
//!
//!     cargo run -p unrest-extract --example predict -- FILE... > pred.jsonl

use unrest_extract::Extractor;

fn main() {
    let x = Extractor::with_embedded();
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let reports = match unrest_intake::read_reports(&path, &bytes) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        for r in &reports {
            for e in x.extract(r) {
                println!("{}", e.to_json());
            }
        }
    }
}
