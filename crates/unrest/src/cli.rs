//! Command-line flags and subcommands.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// unrest: turn protest reports into coded, mapped, searchable events.
#[derive(Debug, Parser)]
#[command(name = "unrest", version, about, long_about = None)]
pub struct Cli {
    /// Database file (SQLite). Defaults to a per-user data directory.
    #[arg(long, global = true, env = "UNREST_DB", value_name = "FILE")]
    pub db: Option<PathBuf>,

    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read report files (bulletin pages, plain text or Markdown, JSON Lines) and store them.
    Ingest {
        /// Files to read.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Coding rules to use instead of the built-in lexicon.
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
    },
    /// Load hand-coded events (codebook JSON Lines).
    Import {
        /// A JSON Lines file of events in the codebook format.
        #[arg(value_name = "FILE.jsonl")]
        file: PathBuf,
        /// Status given to the imported events.
        #[arg(long, value_enum, default_value_t = StatusArg::Draft)]
        status: StatusArg,
    },
    /// Write stored events.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Only events with this status.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
    },
    /// List stored reports.
    Reports,
    /// Create a demo database from the bundled fictional corpus, publish its events and serve it.
    Demo {
        /// Load and publish only; do not start the server.
        #[arg(long)]
        no_serve: bool,
        /// Address to serve on.
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
        addr: String,
    },
    /// Serve the public site (pages, API, feeds, downloads) over the database.
    Serve {
        /// Address to serve on.
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
        addr: String,
        /// Public URL of the site, for permalinks, feeds and citations (default: http:// and the address).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Add synthetic reports and events (published) for load tests.
    BenchData {
        /// Number of synthetic reports (a tenth get a second event).
        #[arg(long, default_value_t = 100_000)]
        events: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Code the reports in files and print their events (touches no database).
    Extract {
        /// Files to read (any format `ingest` reads).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
        /// Coding rules to use instead of the built-in lexicon (an edited copy of lexicon.toml).
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
    },
    /// Score coded events against hand-coded gold events (as shared/eval/score.py does).
    Eval {
        /// Hand-coded events (codebook JSON Lines).
        #[arg(value_name = "GOLD.jsonl")]
        gold: PathBuf,
        /// Coded events to score; omit when using --extract.
        #[arg(value_name = "PRED.jsonl", required_unless_present = "extract")]
        pred: Option<PathBuf>,
        /// Code these report files first and score what comes out.
        #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "pred")]
        extract: Vec<PathBuf>,
        /// Source texts: every evidence span must occur verbatim in one of them.
        #[arg(long, value_name = "FILE", num_args = 1..)]
        source: Vec<PathBuf>,
        /// Coding rules for --extract.
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
    },
    /// Find and resolve the place names in a text.
    Geo {
        /// The text to read (or use --file).
        #[arg(value_name = "TEXT", required_unless_present = "file")]
        text: Option<String>,
        /// Read the text from this file.
        #[arg(long, value_name = "FILE", conflicts_with = "text")]
        file: Option<PathBuf>,
    },
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// Codebook JSON Lines, one event per line.
    Jsonl,
    /// A table for reading.
    Table,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Codebook JSON Lines, one event per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

/// Event status as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Awaiting review.
    Draft,
    /// Public.
    Published,
    /// Withdrawn.
    Retracted,
}

impl From<StatusArg> for unrest_store::Status {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Draft => unrest_store::Status::Draft,
            StatusArg::Published => unrest_store::Status::Published,
            StatusArg::Retracted => unrest_store::Status::Retracted,
        }
    }
}
