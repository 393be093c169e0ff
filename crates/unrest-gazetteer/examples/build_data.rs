//! Writes the compressed gazetteer from the TSV files of
//! `scripts/gazetteer/prepare.py`. Usage:
//! `build_data UNITS_TSV COUNTRIES_TSV OUT_FILE` (see scripts/gazetteer/build.sh).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: build_data UNITS_TSV COUNTRIES_TSV OUT_FILE");
        return ExitCode::FAILURE;
    }
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let result = read(&args[1])
        .and_then(|u| read(&args[2]).map(|c| (u, c)))
        .and_then(|(u, c)| unrest_gazetteer::build::build_data(&u, &c).map_err(|e| e.to_string()))
        .and_then(|bytes| {
            std::fs::write(&args[3], &bytes)
                .map(|_| bytes.len())
                .map_err(|e| e.to_string())
        });
    match result {
        Ok(n) => {
            eprintln!("wrote {} ({n} bytes)", args[3]);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("build_data: {e}");
            ExitCode::FAILURE
        }
    }
}
