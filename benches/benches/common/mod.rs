//! What the criterion bench files share: their settings and the visitor
//! that benchmarks one contender type on one throughput load.

use benches::throughput::{self, Load};
use benches::{Contender, Visit};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion};
use std::time::Duration;

/// Few samples and short runs: the benches are for looking closer at one
/// shape, the `ratios` binary is the side-by-side comparison. Plotting
/// costs about 3 s per benchmark on 2 cores, so a `--quick` run skips it
/// (the HTML report still has every number).
pub fn config() -> Criterion {
    let criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    if std::env::args().any(|arg| arg == "--quick") {
        criterion.without_plots()
    } else {
        criterion
    }
}

/// Benchmarks one contender type on one load at one worker count, one
/// iteration being one whole [`throughput::run`].
pub struct Throughput<'g, 'c> {
    /// The group the benchmark goes in.
    pub group: &'g mut BenchmarkGroup<'c, WallTime>,
    /// Worker threads.
    pub workers: usize,
    /// The load of one iteration.
    pub load: Load,
}

impl Visit for Throughput<'_, '_> {
    type Output = ();
    fn visit<C: Contender>(self) {
        // Started lazily: only if the benchmark is selected, and only once
        // (criterion calls the routine for the warm-up and every sample).
        let mut pool: Option<C> = None;
        let id = BenchmarkId::new(C::NAME, self.workers);
        self.group.bench_with_input(id, &self.load, |b, load| {
            let pool = pool.get_or_insert_with(|| C::start(self.workers));
            b.iter_custom(|iters| (0..iters).map(|_| throughput::run(pool, load)).sum());
        });
        if let Some(pool) = pool {
            pool.shutdown();
        }
    }
}
