//! Runs every bug of the zoo under every checker and prints the detection
//! matrix; writes it as Markdown to `verification/zoo-matrix.md`, and each
//! bug's row to `book/src/generated/matrix/` (the book includes both).
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
        "# The detection matrix\n\n{}\n<!-- ANCHOR: table -->\n{table}\nMeasured by `cargo run -p verification --release --bin zoo-matrix` in {:.0?}.\n<!-- ANCHOR_END: table -->\n\n<!-- ANCHOR: blind_spots -->\n{}<!-- ANCHOR_END: blind_spots -->\n",
        matrix::legend(),
        started.elapsed(),
        matrix::blind_spots()
    );
    println!("{markdown}");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("zoo-matrix.md");
    std::fs::write(&path, &markdown).expect("write the matrix");
    verification::zoo::book::write_matrix_rows(&table);
    eprintln!("written to {}", path.display());
}
