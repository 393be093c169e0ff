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
    /// Create a demo database from the bundled fictional corpus.
    Demo,
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
