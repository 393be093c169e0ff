//! Charts drawn on the server as SVG: they render without script, scale to
//! any screen, and every bar is a link to the events it counts. Each chart
//! comes with a data table for screen readers and copying.

use maud::{Markup, html};

/// One bar: its label, count and the link to its events.
pub struct Bar {
    /// Axis or row label.
    pub label: String,
    /// Height or length.
    pub count: usize,
    /// Where a click leads.
    pub href: String,
}

/// Vertical bars over time (a timeline), labelled every few bars.
pub fn columns(title: &str, bars: &[Bar]) -> Markup {
    let (w, h, left, bottom, top) = (800.0_f64, 240.0_f64, 40.0_f64, 36.0_f64, 10.0_f64);
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let n = bars.len().max(1) as f64;
    let step = (w - left - 4.0) / n;
    let every = (bars.len() / 12).max(1);
    let y = |v: f64| top + (h - top - bottom) * (1.0 - v / max as f64);
    html! {
        svg viewBox={ "0 0 " (w) " " (h) } role="img" aria-label=(title) {
            title { (title) }
            line x1=(left) y1=(y(0.0)) x2=(w) y2=(y(0.0)) stroke="#999" {}
            text x=(left - 4.0) y=(y(max as f64) + 4.0) text-anchor="end" { (max) }
            text x=(left - 4.0) y=(y(0.0)) text-anchor="end" { "0" }
            @for (i, bar) in bars.iter().enumerate() {
                @let x = left + i as f64 * step;
                @let top_y = y(bar.count as f64);
                a href=(bar.href) {
                    rect.bar x=(fmt(x + step * 0.1)) y=(fmt(top_y)) width=(fmt((step * 0.8).max(0.5))) height=(fmt(y(0.0) - top_y)) {
                        title { (bar.label) ": " (bar.count) }
                    }
                }
                @if i % every == 0 {
                    text x=(fmt(x + step / 2.0)) y=(h - bottom + 14.0) text-anchor="middle" { (bar.label) }
                }
            }
        }
    }
}

/// Horizontal bars, one row per item, longest first as given.
pub fn rows(title: &str, bars: &[Bar]) -> Markup {
    let (w, row, label_w) = (800.0_f64, 22.0_f64, 170.0_f64);
    let h = row * bars.len().max(1) as f64 + 8.0;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let scale = (w - label_w - 60.0) / max as f64;
    html! {
        svg viewBox={ "0 0 " (w) " " (h) } role="img" aria-label=(title) {
            title { (title) }
            @for (i, bar) in bars.iter().enumerate() {
                @let y = 4.0 + i as f64 * row;
                text x=(label_w - 6.0) y=(y + row * 0.65) text-anchor="end" { (bar.label) }
                a href=(bar.href) {
                    rect.bar x=(label_w) y=(fmt(y + 3.0)) width=(fmt((bar.count as f64 * scale).max(1.0))) height=(row - 6.0) {
                        title { (bar.label) ": " (bar.count) }
                    }
                }
                text x=(fmt(label_w + bar.count as f64 * scale + 4.0)) y=(y + row * 0.65) { (bar.count) }
            }
        }
    }
}

/// The same numbers as a table.
pub fn table(caption: &str, head: (&str, &str), bars: &[Bar]) -> Markup {
    html! {
        details {
            summary { (caption) }
            table {
                thead { tr { th { (head.0) } th.num { (head.1) } } }
                tbody { @for bar in bars { tr { td { a href=(bar.href) { (bar.label) } } td.num { (bar.count) } } } }
            }
        }
    }
}

/// One decimal is plenty for a drawing.
pub fn fmt(v: f64) -> String {
    format!("{v:.1}")
}
