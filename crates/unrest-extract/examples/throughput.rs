//! Extraction throughput by CPU time, robust to a busy machine: builds the
//! benchmark's generated corpus, codes it `ROUNDS` times, and prints
//! reports per second of this process's user+system CPU time (from
//! /proc/self/stat) next to wall time, for the simplified corpus and the
//! same corpus in traditional characters (`unrest_script::to_traditional`),
//! which is matched through its simplified copy.
//!
//!     cargo run --release -p unrest-extract --example throughput

use std::hint::black_box;
use std::time::Instant;
#[path = "../benches/corpus/mod.rs"]
mod corpus;

use corpus::{Rng, report, to_traditional};
use unrest_codebook::Report;
use unrest_extract::Extractor;

fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Codes the corpus `rounds` times; returns (events, CPU seconds, wall seconds).
fn run(x: &Extractor, corpus: &[Report], rounds: usize) -> (usize, f64, f64) {
    let (c0, t0) = (cpu_seconds(), Instant::now());
    let mut events = 0;
    for _ in 0..rounds {
        for r in corpus {
            events += black_box(x.extract(black_box(r))).len();
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let cpu = match (c0, cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => wall,
    };
    (events, cpu, wall)
}

fn main() {
    let mut rng = Rng(42);
    let corpus: Vec<Report> = (0..200).map(|_| report(&mut rng, 1500)).collect();
    let traditional: Vec<Report> = corpus.iter().map(to_traditional).collect();
    let chars: usize = corpus.iter().map(|r| r.text.chars().count()).sum();
    let x = Extractor::with_embedded();
    black_box(x.extract(&corpus[0]));
    black_box(x.extract(&traditional[0]));
    // alternate the two corpora in blocks so that changes in machine load
    // fall on both alike
    let (blocks, rounds) = (4, 5);
    let mut totals = [(0usize, 0.0f64, 0.0f64); 2];
    for _ in 0..blocks {
        for (k, c) in [&corpus, &traditional].into_iter().enumerate() {
            let (e, cpu, wall) = run(&x, c, rounds);
            totals[k].0 += e;
            totals[k].1 += cpu;
            totals[k].2 += wall;
        }
    }
    let n = (blocks * rounds * corpus.len()) as f64;
    println!("{} reports of {} chars on average per script", n, chars / corpus.len());
    for (label, (events, cpu, wall)) in ["simplified", "traditional"].iter().zip(totals) {
        println!(
            "{label:>11}: {:.0} reports/s per CPU-second ({cpu:.2} s CPU), wall {:.0} reports/s, {events} events",
            n / cpu,
            n / wall
        );
    }
    println!(
        "traditional / simplified throughput (CPU): {:.3}",
        totals[0].1 / totals[1].1
    );
}
