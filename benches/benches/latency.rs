//! Idle latency of every contender at 2 workers: submit to task start,
//! and a submit-then-join round trip, one task at a time after a pause
//! (`latency::IDLE_GAP`) that lets the pool go idle. The pause is not
//! timed; criterion sizes its runs by timed work, so this group keeps its
//! warm-up and measurement times short (each timed microsecond costs
//! about ten untimed ones).

#[allow(
    dead_code,
    reason = "only the settings are used here, not the throughput visitor"
)]
mod common;

use benches::latency::{self, IDLE_GAP, Probe};
use benches::{Contender, Kind, Visit};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};
use std::time::Duration;

const WORKERS: usize = 2;

/// Benchmarks one contender type on one probe.
struct Bench<'g, 'c> {
    group: &'g mut BenchmarkGroup<'c, WallTime>,
    probe: Probe,
}

impl Visit for Bench<'_, '_> {
    type Output = ();
    fn visit<C: Contender>(self) {
        let mut pool: Option<C> = None;
        let probe = self.probe;
        self.group.bench_function(C::NAME, |b| {
            let pool = pool.get_or_insert_with(|| C::start(WORKERS));
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|i| {
                        std::thread::sleep(IDLE_GAP);
                        latency::once(pool, probe, i)
                    })
                    .sum()
            });
        });
        if let Some(pool) = pool {
            pool.shutdown();
        }
    }
}

fn idle_latency(c: &mut Criterion) {
    for (probe, label) in [(Probe::Start, "start"), (Probe::RoundTrip, "round trip")] {
        let mut group = c.benchmark_group(format!("idle latency/{label}"));
        group
            .warm_up_time(Duration::from_millis(20))
            .measurement_time(Duration::from_millis(60));
        for kind in Kind::ALL {
            kind.visit(Bench {
                group: &mut group,
                probe,
            });
        }
        group.finish();
    }
}

criterion::criterion_group! {
    name = benches;
    config = common::config();
    targets = idle_latency
}
criterion::criterion_main!(benches);
