//! Benchmarks for docs/PERFORMANCE.md: loading the full gazetteer (villages
//! included) and geoparsing Chinese text. The text is generated here from
//! fictional sentences, so the benchmark needs nothing outside the repo.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unrest_gazetteer::Gazetteer;

const DATA: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer/gazetteer.bin.zst"
));

/// About 1 MB of report-like Chinese: place chains, bare names, villages,
/// and filler prose without places.
fn sample_text() -> String {
    let parts = [
        "11月3日上午，浙江省宁波市海曙区石碶街道的数百名工人聚集在工厂门口，抗议公司拖欠工资长达三个月。",
        "据当地村民透露，广东省肇庆市怀集县冷坑镇的一块集体土地被村委私自转卖，村民们多次到镇政府反映情况未果。",
        "现场视频显示，警察随后赶到并带走了至少五名村民，相关帖子在社交平台上很快被删除。",
        "与此同时，云南曲靖陆良县的老兵也前往县政府门前静坐，要求落实安置政策和生活补贴。",
        "工人们表示，如果公司继续拖欠工资，他们将前往市政府上访，并向劳动监察部门投诉。",
        "消息显示，该项目承建方长期拖欠工人工资，工人被迫连续三个月无薪工作，最终集体罢工、堵路维权。",
        "辽宁营口盖州市的渔民反对一刀切的停航政策，许多人因此负债累累，生计受到严重影响。",
        "业主们拉起横幅，高喊口号，要求开发商尽快交房，并退还多收取的各项费用。",
    ];
    let mut s = String::new();
    let mut i = 0;
    while s.len() < 1_000_000 {
        s.push_str(parts[i % parts.len()]);
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut load = c.benchmark_group("load");
    load.sample_size(10);
    load.bench_function("full gazetteer from embedded bytes", |b| {
        b.iter(|| black_box(Gazetteer::from_bytes(black_box(DATA)).map(|g| g.len()).unwrap_or(0)))
    });
    load.finish();

    let g = Gazetteer::embedded();
    let text = sample_text();
    let mut parse = c.benchmark_group("geoparse");
    parse.throughput(Throughput::Bytes(text.len() as u64));
    parse.sample_size(20);
    parse.bench_function("chinese report text", |b| {
        b.iter(|| black_box(g.geoparse(black_box(&text)).len()))
    });
    parse.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
