//! Runs every bug of the zoo under every checker and prints the detection
//! matrix; writes it as Markdown to `verification/zoo-matrix.md` (the book
//! includes that file).
//!
//! `cargo run -p verification --release --bin zoo-matrix`

use verification::zoo::{Bug, matrix};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, cell, bug, spec] = args.as_slice()
        && cell == "cell"
    {
        verification::panics::install(spec == "random" || spec == "pct");
        matrix::run_cell(Bug::named(bug), spec);
        return;
    }
    let started = std::time::Instant::now();
    let table = matrix::measure(|bug| eprintln!("measuring {bug} ..."));
    let markdown = format!(
        "# The detection matrix\n\n{}\n{table}\nMeasured by `cargo run -p verification --release --bin zoo-matrix` in {:.0?}.\n\n{}",
        matrix::legend(),
        started.elapsed(),
        matrix::blind_spots()
    );
    println!("{markdown}");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("zoo-matrix.md");
    std::fs::write(&path, &markdown).expect("write the matrix");
    eprintln!("written to {}", path.display());
}
