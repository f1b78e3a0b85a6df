//! The Markdown report: medians with their spread, and ratios against the
//! baseline (`baseline_ns / contender_ns`, so above 1.0 is faster).

use crate::plan::{Results, SUBMITTERS, Shape, WORKERS};
use crate::python::Python;
use benches::Kind;
use benches::latency::Probe;
use benches::memory::Footprint;
use benches::throughput::{Keys, Mode};
use std::fmt::Write;

/// Median, min and max of one contender's rounds on one shape.
fn spread(results: &Results, shape: Shape, kind: Kind) -> Option<(f64, f64, f64)> {
    let mut values = results.throughput.get(&(shape, kind))?.clone();
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let median = if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    };
    Some((median, values[0], values[n - 1]))
}

fn ratio(results: &Results, shape: Shape, baseline: Kind, kind: Kind) -> Option<f64> {
    Some(spread(results, shape, baseline)?.0 / spread(results, shape, kind)?.0)
}

/// One table: rows `kinds`, a column pair (ns per task, ratio) per worker
/// count of `shape_at`.
fn throughput_table(
    out: &mut String,
    results: &Results,
    title: &str,
    kinds: &[Kind],
    shape_at: impl Fn(usize) -> Shape,
) {
    let baseline = kinds[0];
    let _ = writeln!(out, "\n### {title}\n");
    let _ = write!(out, "| contender |");
    for w in WORKERS {
        let _ = write!(
            out,
            " {w} worker{} ns/task | ×base |",
            if w == 1 { "" } else { "s" }
        );
    }
    let _ = writeln!(out, "\n|---|{}", "---:|---:|".repeat(WORKERS.len()));
    for &kind in kinds {
        let _ = write!(out, "| {} |", kind.name());
        for w in WORKERS {
            let shape = shape_at(w);
            match (
                spread(results, shape, kind),
                ratio(results, shape, baseline, kind),
            ) {
                (Some((median, min, max)), Some(r)) => {
                    let _ = write!(out, " {median:.0} [{min:.0}–{max:.0}] | {r:.2} |");
                }
                _ => out.push_str(" – | – |"),
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "\n×base = {} ns / contender ns (medians); above 1.00 is faster than {}.",
        baseline.name(),
        baseline.name()
    );
}

/// Every throughput table, then the geometric means of the ratios.
pub fn throughput(out: &mut String, results: &Results, rounds: usize) {
    let _ = writeln!(
        out,
        "\n## Throughput (ns per task: median [min–max] of {rounds} rounds)"
    );
    for mode in [Mode::Execute, Mode::Join] {
        for submitters in SUBMITTERS {
            let how = match mode {
                Mode::Execute => "execute, no handle",
                Mode::Join => "submit, every handle joined",
            };
            let title = format!("Shared queue: {how}, {submitters} submitter(s)");
            throughput_table(out, results, &title, &Kind::SHARED, |workers| {
                Shape::Shared {
                    workers,
                    submitters,
                    mode,
                }
            });
        }
    }
    for (keys, label) in [
        (Keys::Many, "many keys (key = i)"),
        (Keys::Hot, "one hot key (key = 0)"),
    ] {
        let title = format!("Keyed: {label}, execute, 1 submitter");
        throughput_table(out, results, &title, &Kind::KEYED, |workers| Shape::Keyed {
            workers,
            keys,
        });
    }
    summary(out, results);
}

/// Geometric mean of each contender's ratio over a family of shapes.
fn summary(out: &mut String, results: &Results) {
    let _ = writeln!(
        out,
        "\n### Summary: geometric mean of ×base over the shapes above\n\n| contender | execute | submit+join | keyed |\n|---|---:|---:|---:|"
    );
    let shapes = Shape::all();
    for kind in Kind::ALL {
        let _ = write!(out, "| {} |", kind.name());
        for family in 0..3 {
            let ratios: Vec<f64> = shapes
                .iter()
                .filter(|shape| match (family, shape) {
                    (0, Shape::Shared { mode, .. }) => *mode == Mode::Execute,
                    (1, Shape::Shared { mode, .. }) => *mode == Mode::Join,
                    (2, Shape::Keyed { .. }) => true,
                    _ => false,
                })
                .filter_map(|&shape| ratio(results, shape, shape.contenders()[0], kind))
                .collect();
            if ratios.is_empty() {
                out.push_str(" – |");
            } else {
                let mean = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
                let _ = write!(out, " {mean:.2} |");
            }
        }
        out.push('\n');
    }
}

/// The idle-latency table, in microseconds.
pub fn latency(out: &mut String, results: &Results, samples: usize) {
    let _ = writeln!(
        out,
        "\n## Idle latency, 2 workers ({samples} samples per contender, all rounds merged; µs)\n\n\
         | contender | start p50 | p90 | p99 | ×crossbeam p50 | round trip p50 | p90 | p99 | ×crossbeam p50 |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    let p = |probe: Probe, kind: Kind, q: f64| {
        results
            .latency
            .get(&(probe, kind))
            .map(|h| h.value_at_quantile(q) as f64 / 1_000.0)
    };
    for kind in Kind::ALL {
        let _ = write!(out, "| {} |", kind.name());
        for probe in [Probe::Start, Probe::RoundTrip] {
            for q in [0.5, 0.9, 0.99] {
                match p(probe, kind, q) {
                    Some(us) => {
                        let _ = write!(out, " {us:.1} |");
                    }
                    None => out.push_str(" – |"),
                }
            }
            match (p(probe, Kind::Crossbeam, 0.5), p(probe, kind, 0.5)) {
                (Some(base), Some(own)) if own > 0.0 => {
                    let _ = write!(out, " {:.2} |", base / own);
                }
                _ => out.push_str(" – |"),
            }
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "\nstart: submit to the task's first instruction; round trip: submit to `join` returning. \
         Each sample follows a {} µs pause, so the pool is idle.",
        benches::latency::IDLE_GAP.as_micros()
    );
}

/// The memory table.
pub fn memory(out: &mut String, footprints: &[(Kind, Footprint)], queued: usize) {
    let _ = writeln!(
        out,
        "\n## Memory (1 worker, blocked; {queued} tasks queued behind it)\n\n\
         | contender | start, bytes | execute: bytes/task | allocs/task | submit: bytes/task | allocs/task |\n\
         |---|---:|---:|---:|---:|---:|"
    );
    for (kind, f) in footprints {
        let _ = writeln!(
            out,
            "| {} | {} | {:.1} | {:.2} | {:.1} | {:.2} |",
            kind.name(),
            f.start_bytes,
            f.execute_bytes,
            f.execute_allocations,
            f.submit_bytes,
            f.submit_allocations
        );
    }
    let _ = writeln!(
        out,
        "\nLive heap bytes added (a counting global allocator), thread stacks excluded. \
         Bounded queues allocate their slots at start, so their per-task figure is the task \
         alone; unbounded queues also grow their buffers."
    );
}

/// Python's `ThreadPoolExecutor` against the executor, same shape.
pub fn python(out: &mut String, results: &Results, python: &Python) {
    let _ = writeln!(
        out,
        "\n## Python {} `ThreadPoolExecutor` ({} tasks per run, 1 submitter, every future's result taken)\n\n\
         | workers | Python ns/task | Python tasks/s | executor submit+join ns/task | executor ×Python | fast submit+join ns/task | fast ×Python |\n\
         |---:|---:|---:|---:|---:|---:|---:|",
        python.version, python.tasks
    );
    for &(workers, median, min, max) in &python.throughput {
        let shape = Shape::Shared {
            workers,
            submitters: 1,
            mode: Mode::Join,
        };
        let _ = write!(
            out,
            "| {workers} | {median:.0} [{min:.0}–{max:.0}] | {:.0} |",
            1e9 / median
        );
        for kind in [Kind::Executor, Kind::FastShared] {
            match spread(results, shape, kind).map(|s| s.0) {
                Some(own) => {
                    let _ = write!(out, " {own:.0} | {:.1} |", median / own);
                }
                None => out.push_str(" – | – |"),
            }
        }
        out.push('\n');
    }
    let own_p50 = results
        .latency
        .get(&(Probe::Start, Kind::Executor))
        .map(|h| h.value_at_quantile(0.5) as f64);
    let _ = write!(
        out,
        "\nIdle start latency, 2 workers: Python p50 {:.1} µs, p99 {:.1} µs",
        python.start_p50 / 1_000.0,
        python.start_p99 / 1_000.0
    );
    match own_p50 {
        Some(own) if own > 0.0 => {
            let _ = writeln!(
                out,
                "; executor p50 {:.1} µs (×Python {:.1}).",
                own / 1_000.0,
                python.start_p50 / own
            );
        }
        _ => out.push_str(".\n"),
    }
    let _ = writeln!(
        out,
        "\n×Python = Python ns / executor ns: above 1.0 the executor is faster."
    );
}
