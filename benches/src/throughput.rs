//! The throughput shape: T no-op tasks end to end, from the first submit
//! to the last completion, with or without handles, from 1 or more
//! submitting threads, on many keys or one hot key.

use crate::{Contender, Latch};
use std::hint::black_box;
use std::sync::Barrier;
use std::time::{Duration, Instant};

/// Which keys the tasks carry (only keyed contenders look at them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keys {
    /// Task `i` has key `i`: the load spreads over every worker.
    Many,
    /// Every task has key 0: one worker does everything, in order.
    Hot,
}

/// How results come back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// `execute`: no handle; each task counts the shared [`Latch`] down.
    Execute,
    /// `submit`: every handle is kept and joined after the last submit.
    Join,
}

/// One throughput run's parameters.
#[derive(Clone, Copy, Debug)]
pub struct Load {
    /// Tasks in total, split evenly over the submitters.
    pub tasks: usize,
    /// Threads submitting at once.
    pub submitters: usize,
    /// With or without handles.
    pub mode: Mode,
    /// The keys the tasks carry.
    pub keys: Keys,
}

impl Load {
    /// `tasks` tasks from `submitters` threads, without handles, many keys.
    pub fn execute(tasks: usize, submitters: usize) -> Self {
        Self {
            tasks,
            submitters,
            mode: Mode::Execute,
            keys: Keys::Many,
        }
    }

    /// The same load with handles kept and joined.
    pub fn join(self) -> Self {
        Self {
            mode: Mode::Join,
            ..self
        }
    }

    /// The same load with the given keys.
    pub fn keys(self, keys: Keys) -> Self {
        Self { keys, ..self }
    }
}

/// Runs `load` on `pool` once and returns the time from the first submit
/// to the last completion. Submitter threads are spawned and parked on a
/// barrier first, so spawning them is not timed; the clock starts when the
/// earliest submitter starts and stops when the last task (or the last
/// join) counts the latch down, both read on the threads doing the work,
/// so the driver's own scheduling is not timed either.
pub fn run<C: Contender>(pool: &C, load: &Load) -> Duration {
    let submitters = load.submitters.max(1);
    let latch = match load.mode {
        Mode::Execute if load.tasks == 0 => return Duration::ZERO,
        Mode::Execute => Latch::leaked(load.tasks),
        // Each submitter counts down once it has joined all its handles.
        Mode::Join => Latch::leaked(submitters),
    };
    let barrier = Barrier::new(submitters);
    let first = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..submitters)
            .map(|s| {
                let range = load.tasks * s / submitters..load.tasks * (s + 1) / submitters;
                let barrier = &barrier;
                scope.spawn(move || {
                    barrier.wait();
                    let started = Instant::now();
                    submit_range(pool, load, range.start as u64..range.end as u64, latch);
                    started
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().expect("submitter panicked"))
            .min()
            .expect("at least one submitter")
    });
    latch.wait().saturating_duration_since(first)
}

/// One submitter's share of the load.
fn submit_range<C: Contender>(
    pool: &C,
    load: &Load,
    range: std::ops::Range<u64>,
    latch: &'static Latch,
) {
    let key = |i: u64| match load.keys {
        Keys::Many => i,
        Keys::Hot => 0,
    };
    match load.mode {
        Mode::Execute => {
            for i in range {
                pool.execute(key(i), move || latch.count_down());
            }
        }
        Mode::Join => {
            let mut handles = Vec::with_capacity(range.end.saturating_sub(range.start) as usize);
            for i in range {
                handles.push(pool.submit(key(i), move || black_box(i)));
            }
            for handle in handles {
                black_box(handle.join());
            }
            latch.count_down();
        }
    }
}
