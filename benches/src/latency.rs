//! The idle-latency shape: one task at a time on a pool that had time to
//! go idle, so what is timed is the wake-up path, not the queue.

use crate::Contender;
use hdrhistogram::Histogram;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Which latency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Probe {
    /// From just before `execute` to the first instruction of the task
    /// (the task sends `Instant::now()` back over a channel).
    Start,
    /// From just before `submit` to `join` returning the value.
    RoundTrip,
}

/// The pause before each sample, long enough for a spinning worker to
/// have parked on a 2-core machine (the pool is idle, not just between
/// tasks).
pub const IDLE_GAP: Duration = Duration::from_micros(200);

/// One sample of `probe` on `pool` (no pause first: see [`record`]).
pub fn once<C: Contender>(pool: &C, probe: Probe, key: u64) -> Duration {
    match probe {
        Probe::Start => {
            let (tx, rx) = crossbeam_channel::bounded::<Instant>(1);
            let submitted = Instant::now();
            pool.execute(key, move || {
                let _ = tx.send(Instant::now());
            });
            let started = rx.recv().expect("latency task ran");
            started.saturating_duration_since(submitted)
        }
        Probe::RoundTrip => {
            let submitted = Instant::now();
            black_box(pool.submit(key, move || black_box(key)).join());
            submitted.elapsed()
        }
    }
}

/// Records `samples` samples of `probe`, each after a pause of `gap`, in
/// nanoseconds.
pub fn record<C: Contender>(
    pool: &C,
    probe: Probe,
    samples: usize,
    gap: Duration,
    histogram: &mut Histogram<u64>,
) {
    for i in 0..samples {
        std::thread::sleep(gap);
        let nanos = once(pool, probe, i as u64).as_nanos();
        histogram.saturating_record(u64::try_from(nanos).unwrap_or(u64::MAX));
    }
}

/// A histogram for latencies from 1 ns to 10 s, 3 significant digits.
pub fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 10_000_000_000, 3).expect("valid histogram bounds")
}
