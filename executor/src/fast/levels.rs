//! The backpressure signal on the fast core: each lane's level, and the
//! pool's, from queue depth against the watermarks, with the hysteresis
//! of [`Pool`](crate::Pool)'s depth signal ([`depth_level`]).
//!
//! `Pool` moves its levels under its lock as tasks arrive and finish; the
//! fast core has no lock to do it under and keeps its task path free of
//! this work, so a level here moves when someone looks
//! ([`FastPool::pressure`](crate::FastPool::pressure)): from the level
//! the last look left, by a compare-exchange. Between two looks a depth
//! may have crossed a band and come back unseen; what a look reports never
//! flaps inside a band. Queue waits and rates, if the config asks for
//! them, are moved by the looks under a lock of their own (see `looks`),
//! as they are for a pool with a subscriber (see `watch`).

use crate::pressure::{Level, PressureConfig, depth_level};
use crate::sync::{AtomicUsize, Backend, Ordering};

/// The levels, in the order of their numbers in an atomic.
const LEVELS: [Level; 3] = [Level::Normal, Level::Elevated, Level::Saturated];

// ANCHOR: fast_levels
/// The levels the last look left, per lane and for the pool.
pub(crate) struct Levels<B: Backend> {
    config: PressureConfig,
    /// Slots per lane: a lane this deep is full.
    capacity: usize,
    lanes: Box<[AtomicUsize<B>]>,
    pool: AtomicUsize<B>,
}

impl<B: Backend> Levels<B> {
    /// Every level Normal.
    pub(crate) fn new(config: PressureConfig, capacity: usize, lanes: usize) -> Self {
        Self {
            config,
            capacity,
            lanes: (0..lanes).map(|_| AtomicUsize::new(0)).collect(),
            pool: AtomicUsize::new(0),
        }
    }

    /// Lane `lane`'s level at `depth`.
    pub(crate) fn lane(&self, lane: usize, depth: usize) -> Level {
        let c = self.config;
        step(&self.lanes[lane], depth, c.low, c.high, self.capacity)
    }

    /// The pool's level at a total `depth` over every lane: the marks and
    /// the capacity times the lanes.
    pub(crate) fn pool(&self, depth: usize) -> Level {
        let (c, n) = (self.config, self.lanes.len());
        step(&self.pool, depth, c.low * n, c.high * n, self.capacity * n)
    }
}

/// Moves `cell` on from the level it holds to the one `depth` gives.
fn step<B: Backend>(
    cell: &AtomicUsize<B>,
    depth: usize,
    low: usize,
    high: usize,
    full: usize,
) -> Level {
    // Relaxed, load and exchange: a level is advice, published through
    // nothing; the hysteresis needs only that each look starts from the
    // level some look left, which one location's order gives.
    let mut current = cell.load(Ordering::Relaxed);
    loop {
        let next = depth_level(LEVELS[current], depth, low, high, full);
        let wanted = next as usize;
        if wanted == current {
            return next;
        }
        match cell.compare_exchange(current, wanted, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            // Another look moved it: start again from where it left it.
            Err(seen) => current = seen,
        }
    }
}
// ANCHOR_END: fast_levels
