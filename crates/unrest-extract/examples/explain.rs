//! Prints how each report of a file was read (sentences, cues, frames):
//!
//!     cargo run -p unrest-extract --example explain -- FILE [TITLE-SUBSTRING]

use unrest_extract::Extractor;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: explain FILE [TITLE-SUBSTRING]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1)
    });
    let reports = unrest_intake::read_reports(path, &bytes).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let x = Extractor::with_embedded();
    for r in reports
        .iter()
        .filter(|r| args.get(1).is_none_or(|t| r.title().contains(t.as_str())))
    {
        println!("##### {}", r.title());
        print!("{}", x.explain(r));
    }
}
