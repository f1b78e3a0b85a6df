//! # A blocking priority queue with aging: reference solution
//!
//! One lock guards the levels, their counts and the closed flag, and one
//! condition variable means "an item arrived or the queue closed". `take`
//! waits in a loop (`wait_while`), so a spurious or stolen wake-up finds
//! the queue empty and sleeps again; `put` notifies one taker (one item
//! lets one taker proceed); `close` notifies all (every taker must see
//! it). After the wait, an empty queue can only mean closed: the drain is
//! over.
//!
//! The choice is a scan, not a heap: a level whose head is due (passed
//! over `B` times) wins, lowest first, because taking it counts against
//! no higher level's head; otherwise the highest non-empty level wins.
//! Each level is a `VecDeque`, so FIFO within a level comes free. (A
//! binary heap keyed by level alone is not stable: equal keys come out in
//! any order; it needs a sequence number as a tie-breaker.) After taking
//! from level `l`, only the non-empty levels below `l` have had a head
//! passed over, so only their counts grow, and level `l` starts again
//! from 0 with its new head. No head ever waits for more than `B`
//! higher-priority takes, however fast high-priority items arrive.
//!
//! ## In Python 3.8
//! ```python
//! import collections, threading
//!
//! LEVELS = 3
//!
//! class PriorityQueue:
//!     def __init__(self, aging_bound):
//!         self._bound = aging_bound
//!         self._queues = [collections.deque() for _ in range(LEVELS)]
//!         self._passed = [0] * LEVELS
//!         self._closed = False
//!         self._not_empty = threading.Condition()
//!
//!     def put(self, level, item):
//!         with self._not_empty:
//!             if self._closed:
//!                 return False
//!             self._queues[level].append(item)
//!             self._not_empty.notify()
//!             return True
//!
//!     def take(self):
//!         with self._not_empty:
//!             while not any(self._queues) and not self._closed:
//!                 self._not_empty.wait()
//!             due = [l for l in range(LEVELS)
//!                    if self._queues[l] and self._passed[l] >= self._bound]
//!             ready = [l for l in range(LEVELS) if self._queues[l]]
//!             if not ready:
//!                 return None                  # closed and drained
//!             level = due[-1] if due else ready[0]
//!             item = self._queues[level].popleft()
//!             self._passed[level] = 0
//!             for lower in range(level + 1, LEVELS):
//!                 if self._queues[lower]:
//!                     self._passed[lower] += 1
//!             return item
//!
//!     def close(self):
//!         with self._not_empty:
//!             self._closed = True
//!             self._not_empty.notify_all()
//! ```

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
        drop(state);
        self.not_empty.notify_one();
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
