//! Wrong: `put` queues the item but wakes nobody: a taker already asleep
//! on the empty queue sleeps on beside it.

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
        let mut state = self.state.lock();
        if state.closed {
            return Err(item);
        }
        state.queues[level].push_back(item);
        Ok(())
    }

    /// The next item by priority and age, waiting while empty and open;
    /// `None` once closed and drained.
    pub fn take(&self) -> Option<T> {
        let mut state = self.not_empty.wait_while(self.state.lock(), |s| {
            s.queues.iter().all(VecDeque::is_empty) && !s.closed
        });
        let waiting = |s: &Levels<T>, level: usize| !s.queues[level].is_empty();
        let due = (0..LEVELS)
            .rev()
            .find(|&l| waiting(&state, l) && state.passed[l] >= self.aging_bound);
        // Empty after the wait: closed, and drained.
        let level = due.or_else(|| (0..LEVELS).find(|&l| waiting(&state, l)))?;
        let item = state.queues[level].pop_front();
        state.passed[level] = 0;
        for lower in level + 1..LEVELS {
            if waiting(&state, lower) {
                state.passed[lower] += 1;
            }
        }
        item
    }

    /// Refuses further puts and wakes every waiting taker.
    pub fn close(&self) {
        self.state.lock().closed = true;
        self.not_empty.notify_all();
    }
}
