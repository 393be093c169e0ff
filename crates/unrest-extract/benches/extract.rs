//! Extraction throughput on a generated corpus of Chinese reports of about
//! 1,500 characters (bulletin style: headline, dated action sentences,
//! places, sizes, responses, background paragraphs).
//!
//!     CARGO_TARGET_DIR=/work/target-extract cargo bench -p unrest-extract --bench extract
//!
//! Process start and file reading are excluded: reports are built in memory.
//!
//! `traditional_1500_chars` codes the same corpus converted to traditional
//! characters with `unrest_script::to_traditional`, so the difference from
//! `chinese_1500_chars` is the cost of matching through the simplified copy;
//! `traditional_1500_chars_preconverted` makes the copies in advance, which
//! isolates the conversion itself (docs/PERFORMANCE.md, "Traditional Chinese").

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
mod corpus;

use corpus::{Rng, report, to_traditional};
use unrest_codebook::Report;
use unrest_extract::Extractor;

fn bench(c: &mut Criterion) {
    let mut rng = Rng(42);
    let corpus: Vec<Report> = (0..200).map(|_| report(&mut rng, 1500)).collect();
    let chars: usize = corpus.iter().map(|r| r.text.chars().count()).sum();
    eprintln!(
        "corpus: {} reports, {} characters on average",
        corpus.len(),
        chars / corpus.len()
    );
    let x = Extractor::with_embedded();
    // warm the embedded lexicon and gazetteer
    black_box(x.extract(&corpus[0]));
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Elements(corpus.len() as u64));
    g.sample_size(20);
    g.bench_function("chinese_1500_chars", |b| {
        b.iter(|| {
            for r in &corpus {
                black_box(x.extract(black_box(r)));
            }
        })
    });
    let traditional: Vec<Report> = corpus.iter().map(to_traditional).collect();
    let changed = traditional
        .iter()
        .zip(&corpus)
        .filter(|(t, s)| t.text != s.text)
        .count();
    eprintln!(
        "traditional corpus: {changed} of {} reports differ from the simplified ones",
        corpus.len()
    );
    let round_trip = traditional
        .iter()
        .zip(&corpus)
        .filter(|(t, s)| unrest_script::to_simplified(&t.text) != s.text)
        .count();
    eprintln!("traditional corpus: {round_trip} reports do not convert back to exactly the simplified text");
    black_box(x.extract(&traditional[0]));
    g.bench_function("traditional_1500_chars", |b| {
        b.iter(|| {
            for r in &traditional {
                black_box(x.extract(black_box(r)));
            }
        })
    });
    // the same traditional reports with their simplified copies made in
    // advance: the difference from `traditional_1500_chars` is the conversion
    let copies: Vec<String> = traditional
        .iter()
        .map(|r| unrest_script::to_simplified(&r.text).into_owned())
        .collect();
    g.bench_function("traditional_1500_chars_preconverted", |b| {
        b.iter(|| {
            for (r, m) in traditional.iter().zip(&copies) {
                black_box(x.extract_matching(black_box(r), black_box(m)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
