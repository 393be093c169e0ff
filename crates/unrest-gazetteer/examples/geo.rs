//! Prints the place mentions of a text, as `unrest geo` will:
//! `geo TEXT` or `geo --file PATH` (add `--json` for JSON lines).

use std::process::ExitCode;
use std::time::Instant;

use unrest_gazetteer::{Gazetteer, format_mentions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let text = match rest.as_slice() {
        [flag, path] if *flag == "--file" => match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        [] => {
            eprintln!("usage: geo TEXT | geo --file PATH [--json]");
            return ExitCode::FAILURE;
        }
        words => words.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" "),
    };
    let t0 = Instant::now();
    let g = match Gazetteer::try_embedded() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("loaded {} units in {:?}", g.len(), t0.elapsed());
    let mentions = g.geoparse(&text);
    if json {
        for m in &mentions {
            println!("{}", serde_json::to_string(m).unwrap_or_default());
        }
    } else {
        print!("{}", format_mentions(&text, &mentions));
    }
    ExitCode::SUCCESS
}
