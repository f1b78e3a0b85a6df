//! # A blocking priority queue with aging
//!
//! A priority queue serves the most important waiting item first. Strict
//! priority has one failure: while high-priority items keep arriving, a
//! low-priority one is never taken. Nothing deadlocks and nothing errs;
//! it just waits forever (starvation). *Aging* bounds that wait. Here it
//! is done by counting, not by the clock: each level remembers how many
//! items of higher levels have been taken while its head waited, and once
//! that count reaches the aging bound `B`, its head goes next. So a head
//! is passed over by at most `B` higher-priority items, under any load,
//! and the guarantee needs no time at all.
//!
//! ## Your task
//! Implement `PriorityQueue`, with levels `0` (highest) to `LEVELS - 1`:
//! - `put(level, item)` appends `item` to its level (FIFO within a
//!   level), waking a waiting taker; after `close` it hands the item back
//!   as `Err(item)`;
//! - `take()` blocks while the queue is empty and open; it returns `None`
//!   only once the queue is closed *and* empty (close drains);
//! - which item `take` returns: if some level's head has been passed over
//!   `B` times, that head (the lowest such level if several: taking it
//!   passes no one of higher priority); otherwise the head of the highest
//!   non-empty level. Taking an item from level `l` resets level `l`'s
//!   count (it has a new head) and adds one to the count of every
//!   non-empty level below `l`;
//! - `close()` wakes every waiting taker.
//!
//! The suite runs producers and takers on 2-3 threads under every checker
//! and judges the order of the takes: higher levels first, FIFO within a
//! level, no head passed more than `B` times while a producer keeps
//! high-priority items coming, a blocked `take` woken by `put`, and
//! `close` draining.
//!
//! ## The Python 3.8 shape
//! ```python
//! class PriorityQueue:
//!     def __init__(self, aging_bound: int): ...
//!     def put(self, level: int, item) -> bool: ...   # False once closed
//!     def take(self): ...                            # None once closed and empty
//!     def close(self) -> None: ...
//! ```
//!
//! Grade with `cargo drill check priority_aging`.

use exercises::prelude::*;

/// Priority levels: 0 is the highest.
pub const LEVELS: usize = 3;

/// The queue's state: all of it changes together.
struct Levels<T> {
    /// One FIFO per level.
    queues: [VecDeque<T>; LEVELS],
    /// Per level: higher-priority takes since its head started waiting.
    passed: [usize; LEVELS],
    closed: bool,
}

/// A blocking priority queue whose waiting heads age.
pub struct PriorityQueue<B: Backend, T: Send> {
    aging_bound: usize,
    state: Mutex<B, Levels<T>>,
    not_empty: Condvar<B>,
}

impl<B: Backend, T: Send> PriorityQueue<B, T> {
    /// An empty, open queue; a head is passed over at most `aging_bound`
    /// (at least 1) times.
    pub fn new(aging_bound: usize) -> Self {
        assert!(aging_bound > 0, "an aging bound of 0 would take the lowest level first");
        Self {
            aging_bound,
            state: Mutex::new(Levels {
                queues: Default::default(),
                passed: [0; LEVELS],
                closed: false,
            }),
            not_empty: Condvar::new(),
        }
    }

    /// Appends `item` to `level` (below `LEVELS`), or hands it back if closed.
    pub fn put(&self, level: usize, item: T) -> Result<(), T> {
        todo!("push to its level, wake a taker")
    }

    /// The next item by priority and age, waiting while empty and open;
    /// `None` once closed and drained.
    pub fn take(&self) -> Option<T> {
        todo!("wait, choose the level, pop, update the counts")
    }

    /// Refuses further puts and wakes every waiting taker.
    pub fn close(&self) {
        todo!()
    }
}
