//! Throughput of the conversion layer on traditional report text, to compare
//! with extraction throughput (docs/PERFORMANCE.md, "Traditional Chinese").

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const PARAGRAPH: &str = "據現場工人透露,該廠已連續三個月拖欠工資,數百名工人於本週三上午聚集在廠區門口,\
拉起橫幅要求資方出面談判。當地警方隨後到場維持秩序,並帶走兩名工人代表。網上相關影片很快被刪除。";

fn report() -> String {
    let mut s = String::new();
    while s.chars().count() < 1500 {
        s.push_str(PARAGRAPH);
    }
    s
}

fn bench(c: &mut Criterion) {
    let traditional = report();
    let simplified = unrest_script::to_simplified(&traditional).into_owned();
    let mut g = c.benchmark_group("script");
    g.throughput(Throughput::Bytes(traditional.len() as u64));
    g.bench_function("to_simplified/traditional-1500", |b| {
        b.iter(|| unrest_script::to_simplified(black_box(&traditional)).len())
    });
    g.bench_function("to_simplified/simplified-1500", |b| {
        b.iter(|| unrest_script::to_simplified(black_box(&simplified)).len())
    });
    g.bench_function("detect/traditional-1500", |b| {
        b.iter(|| unrest_script::detect(black_box(&traditional)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
