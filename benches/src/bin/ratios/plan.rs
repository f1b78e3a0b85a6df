//! What one run measures, in which order: every shape, every contender
//! once per round, the contenders rotated each round so none always goes
//! first (or always follows the same neighbour).

use crate::args::Args;
use benches::latency::{self, IDLE_GAP, Probe};
use benches::throughput::{self, Keys, Load, Mode};
use benches::{Contender, Kind, Visit};
use hdrhistogram::Histogram;
use std::collections::HashMap;
use std::time::Duration;

/// Worker counts of the throughput shapes.
pub const WORKERS: [usize; 4] = [1, 2, 4, 8];
/// Submitting threads of the shared throughput shapes.
pub const SUBMITTERS: [usize; 2] = [1, 4];
/// Workers of the idle-latency shape: the machine's 2 cores.
pub const LATENCY_WORKERS: usize = 2;

/// One throughput shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// The shared-queue contenders.
    Shared {
        /// Worker threads.
        workers: usize,
        /// Submitting threads.
        submitters: usize,
        /// With or without handles.
        mode: Mode,
    },
    /// The keyed contenders, one submitter, no handles.
    Keyed {
        /// Worker threads.
        workers: usize,
        /// Many keys or one hot key.
        keys: Keys,
    },
}

impl Shape {
    /// Every throughput shape, in run order.
    pub fn all() -> Vec<Shape> {
        let mut shapes = Vec::new();
        for mode in [Mode::Execute, Mode::Join] {
            for submitters in SUBMITTERS {
                for workers in WORKERS {
                    shapes.push(Shape::Shared {
                        workers,
                        submitters,
                        mode,
                    });
                }
            }
        }
        for keys in [Keys::Many, Keys::Hot] {
            for workers in WORKERS {
                shapes.push(Shape::Keyed { workers, keys });
            }
        }
        shapes
    }

    /// The contenders that run this shape.
    pub fn contenders(self) -> &'static [Kind] {
        match self {
            Shape::Shared { .. } => &Kind::SHARED,
            Shape::Keyed { .. } => &Kind::KEYED,
        }
    }

    fn workers(self) -> usize {
        match self {
            Shape::Shared { workers, .. } | Shape::Keyed { workers, .. } => workers,
        }
    }

    fn load(self, tasks: usize) -> Load {
        match self {
            Shape::Shared {
                submitters, mode, ..
            } => {
                let load = Load::execute(tasks, submitters);
                if mode == Mode::Join {
                    load.join()
                } else {
                    load
                }
            }
            Shape::Keyed { keys, .. } => Load::execute(tasks, 1).keys(keys),
        }
    }
}

/// Everything one run measured.
#[derive(Default)]
pub struct Results {
    /// Nanoseconds per task, one entry per round.
    pub throughput: HashMap<(Shape, Kind), Vec<f64>>,
    /// Latency samples in nanoseconds, all rounds merged.
    pub latency: HashMap<(Probe, Kind), Histogram<u64>>,
}

/// Runs every round, printing progress to stderr.
pub fn run(args: &Args) -> Results {
    let shapes = Shape::all();
    let mut results = Results::default();
    for round in 0..args.rounds {
        for (index, &shape) in shapes.iter().enumerate() {
            eprint!(
                "\rround {}/{}: throughput shape {}/{}   ",
                round + 1,
                args.rounds,
                index + 1,
                shapes.len()
            );
            for kind in rotated(shape.contenders(), round) {
                let time = kind.visit(Throughput {
                    workers: shape.workers(),
                    load: shape.load(args.tasks),
                    warm: shape.load((args.tasks / 10).max(1_000)),
                });
                let per_task = time.as_nanos() as f64 / args.tasks as f64;
                results
                    .throughput
                    .entry((shape, kind))
                    .or_default()
                    .push(per_task);
            }
        }
        eprint!(
            "\rround {}/{}: idle latency            ",
            round + 1,
            args.rounds
        );
        for probe in [Probe::Start, Probe::RoundTrip] {
            for kind in rotated(&Kind::ALL, round) {
                let histogram = results
                    .latency
                    .entry((probe, kind))
                    .or_insert_with(latency::histogram);
                kind.visit(Latency {
                    probe,
                    samples: args.samples,
                    histogram,
                });
            }
        }
    }
    eprintln!();
    results
}

/// `kinds` starting at `round % len`.
fn rotated(kinds: &[Kind], round: usize) -> Vec<Kind> {
    let start = round % kinds.len();
    kinds[start..]
        .iter()
        .chain(&kinds[..start])
        .copied()
        .collect()
}

/// One throughput measurement on a fresh pool, after a warm-up run.
struct Throughput {
    workers: usize,
    load: Load,
    warm: Load,
}

impl Visit for Throughput {
    type Output = Duration;
    fn visit<C: Contender>(self) -> Duration {
        let pool = C::start(self.workers);
        throughput::run(&pool, &self.warm);
        let time = throughput::run(&pool, &self.load);
        pool.shutdown();
        time
    }
}

/// One round of idle-latency samples on a fresh pool.
struct Latency<'h> {
    probe: Probe,
    samples: usize,
    histogram: &'h mut Histogram<u64>,
}

impl Visit for Latency<'_> {
    type Output = ();
    fn visit<C: Contender>(self) {
        let pool = C::start(LATENCY_WORKERS);
        // Start every worker (tokio's lazily) and warm the paths up.
        throughput::run(&pool, &Load::execute(1_000, 1));
        let mut warm = latency::histogram();
        latency::record(&pool, self.probe, 20, IDLE_GAP, &mut warm);
        latency::record(&pool, self.probe, self.samples, IDLE_GAP, self.histogram);
        pool.shutdown();
    }
}
