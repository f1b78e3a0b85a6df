//! `ratios`: every contender on every shape, interleaved round by round in
//! one process, printed as Markdown tables of medians and ratios.
//!
//! `cargo run -p benches --release --bin ratios -- [--quick] [--tasks N]
//! [--rounds R] [--samples S] [--python]`. Progress goes to stderr, the
//! report to stdout.

mod alloc;
mod args;
mod clock;
mod plan;
mod python;
mod tables;

use benches::memory::{self, Footprint};
use benches::{Contender, Kind, Visit};
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

/// Tasks queued behind the blocked worker in the memory shape (fits in
/// every bounded queue of 1024).
const QUEUED: usize = 1_000;

/// Measures one contender's memory footprint.
struct Memory;

impl Visit for Memory {
    type Output = Footprint;
    fn visit<C: Contender>(self) -> Footprint {
        memory::footprint::<C>(&alloc::probe, QUEUED)
    }
}

fn main() {
    let args = args::Args::parse();
    let began = Instant::now();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    eprintln!(
        "ratios: {} tasks per run, {} rounds, {} latency samples per round, {cores} cores",
        args.tasks, args.rounds, args.samples
    );
    let results = plan::run(&args);

    eprintln!("memory footprints");
    alloc::counting(true);
    let footprints: Vec<(Kind, Footprint)> = Kind::ALL
        .iter()
        .map(|&kind| (kind, kind.visit(Memory)))
        .collect();
    alloc::counting(false);

    let python = if args.python {
        eprintln!("python3 ThreadPoolExecutor");
        python::measure(
            (args.tasks / 4).max(1_000),
            args.rounds.max(3),
            args.samples,
        )
    } else {
        None
    };

    let mut out = String::new();
    out.push_str("# Executor vs peers: ratios from one interleaved run\n\n");
    out.push_str(&format!(
        "- date: {} UTC\n- cores: {cores}\n- tasks per throughput run: {}; rounds: {}{}\n\
         - every round runs every contender once per shape, in an order rotated each round; \
         each run starts a fresh pool and warms it up first\n",
        clock::utc_now(),
        args.tasks,
        args.rounds,
        if args.quick { " (--quick)" } else { "" },
    ));
    if cfg!(debug_assertions) {
        out.push_str("- **debug build**: run with `--release` for meaningful numbers\n");
    }
    tables::throughput(&mut out, &results, args.rounds);
    tables::latency(&mut out, &results, args.samples * args.rounds);
    tables::memory(&mut out, &footprints, QUEUED);
    if let Some(python) = &python {
        tables::python(&mut out, &results, python);
    }
    out.push_str(&format!(
        "\n(run took {:.0} s)\n",
        began.elapsed().as_secs_f64()
    ));
    print!("{out}");
}
