//! Runs every bug of the zoo under every checker and prints the detection
//! matrix; writes it as Markdown to `verification/zoo-matrix.md`, and each
//! bug's row to `book/src/generated/matrix/` (the book includes both).
//!
//! `cargo run -p verification --release --bin zoo-matrix`, or with bug
//! names after it to measure only those and merge their rows.

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
    let progress = |bug: &str| eprintln!("measuring {bug} ...");
    if args.len() > 1 {
        // Some bugs only: their rows replace (or join) the committed ones.
        let bugs: Vec<&Bug> = args[1..].iter().map(|name| Bug::named(name)).collect();
        let table = matrix::measure_bugs(bugs.into_iter(), progress);
        verification::zoo::book::write_matrix_rows(&table);
        let path = verification::zoo::book::merge_matrix_rows(&table, &matrix::blind_spots());
        println!("{table}");
        eprintln!(
            "merged into {} in {:.0?}",
            path.display(),
            started.elapsed()
        );
        return;
    }
    let table = matrix::measure(progress);
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
