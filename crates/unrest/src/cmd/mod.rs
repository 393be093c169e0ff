//! One module per subcommand; `run` dispatches.

mod demo;
mod eval;
mod export;
mod extract;
mod geo;
mod import;
mod ingest;
mod reports;
mod serve;

use crate::cli::{Cli, Command};
use crate::output::Output;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use unrest_store::{SqliteStore, Store};

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let out = Output {
        quiet: cli.quiet,
        json: cli.json,
    };
    let db = cli.db.clone();
    match cli.command {
        Command::Ingest { files, lexicon } => {
            let coder = extract::coder(lexicon.as_deref())?;
            ingest::run(&mut *open_store(db.as_deref())?, &coder, &files, out)
        }
        Command::Import { file, status } => import::run(&mut *open_store(db.as_deref())?, &file, status.into(), out),
        Command::Export {
            format,
            out: path,
            status,
        } => export::run(
            &*open_store(db.as_deref())?,
            format,
            path.as_deref(),
            status.map(Into::into),
        ),
        Command::Reports => reports::run(&*open_store(db.as_deref())?, out),
        Command::Demo { no_serve, addr } => demo::run(db, out, (!no_serve).then_some(addr.as_str())),
        Command::Serve { addr, base_url } => serve::serve(&serve::db_path(db), &addr, base_url.as_deref(), out),
        Command::BenchData { events, seed } => serve::bench_data(&mut *open_store(db.as_deref())?, events, seed, out),
        Command::Extract { files, format, lexicon } => extract::run(&files, format, lexicon.as_deref(), out),
        Command::Eval {
            gold,
            pred,
            extract,
            source,
            lexicon,
        } => eval::run(&gold, pred.as_deref(), &extract, &source, lexicon.as_deref(), out),
        Command::Geo { text, file } => geo::run(text, file.as_deref(), out),
    }
}

/// Opens the database the user chose, or the per-user default.
pub fn open_store(db: Option<&Path>) -> Result<Box<dyn Store>> {
    let path: PathBuf = db.map(Path::to_path_buf).unwrap_or_else(unrest_store::default_db_path);
    let store = SqliteStore::open(&path).with_context(|| format!("cannot open database {}", path.display()))?;
    Ok(Box::new(store))
}

/// Reads a whole file, with an error that names it.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("{}: cannot read file", path.display()))
}
