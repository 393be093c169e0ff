//! Prints how a file is read: `cargo run -p unrest-intake --example show -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: show FILE");
    let bytes = std::fs::read(&path).expect("read");
    match unrest_intake::read_reports(&path, &bytes) {
        Err(e) => println!("ERROR {e}"),
        Ok(reports) => {
            for (i, r) in reports.iter().enumerate() {
                let cut = |s: &Option<String>| {
                    s.as_deref().map(|s| {
                        let v: Vec<char> = s.chars().collect();
                        let head: String = v.iter().take(40).collect();
                        let tail: String = v.iter().skip(v.len().saturating_sub(30)).collect();
                        format!("{head} … {tail} [{}]", v.len())
                    })
                };
                println!(
                    "#{i} {:?} {:?}..{:?} pub {:?}",
                    r.lang,
                    r.start_date.map(|d| d.to_string()),
                    r.end_date.map(|d| d.to_string()),
                    r.published.map(|d| d.to_string())
                );
                println!("  title_zh {:?}", r.title_zh);
                println!("  title_en {:?}", r.title_en);
                println!("  body_zh  {:?}", cut(&r.body_zh));
                println!("  body_en  {:?}", cut(&r.body_en));
                println!("  text     {:?}", cut(&Some(r.text.clone())));
            }
        }
    }
}
