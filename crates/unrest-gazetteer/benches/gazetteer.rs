//! Benchmarks: loading the embedded gazetteer and geoparsing Chinese text.
fn main() {}
