//! How the binary talks to people and scripts: quiet and JSON modes, and a
//! progress bar that only appears on an interactive terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Output settings shared by every command.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// Print nothing but errors.
    pub quiet: bool,
    /// Print JSON for scripts.
    pub json: bool,
}

impl Output {
    /// A progress bar of `len` steps, drawn on stderr only when it is a
    /// terminal and the user asked for human output (never in CI logs).
    pub fn progress(&self, len: u64, what: &str) -> ProgressBar {
        let interactive =
            std::io::stderr().is_terminal() && !self.quiet && !self.json && std::env::var_os("CI").is_none();
        if !interactive {
            return ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
        }
        let bar = ProgressBar::new(len);
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.set_message(what.to_string());
        bar
    }

    /// Prints a human line unless quiet or JSON output was asked for.
    pub fn say(&self, line: impl AsRef<str>) {
        if !self.quiet && !self.json {
            println!("{}", line.as_ref());
        }
    }

    /// Prints a JSON value when JSON output was asked for.
    pub fn json(&self, value: &serde_json::Value) {
        if self.json {
            println!("{value}");
        }
    }
}
