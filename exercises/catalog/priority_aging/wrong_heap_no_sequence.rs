//! Wrong: one binary heap ordered by level alone, with no sequence number
//! to break ties. A heap is not stable: after a few pops, items of one
//! level come out in an order that has nothing to do with their arrival.
//! (Aging is right: a due level's head is found by popping the heap down
//! to the first item of that level and pushing the rest back.)

use exercises::prelude::*;
use std::cmp::Ordering as Order;
use std::collections::BinaryHeap;

/// Priority levels: 0 is the highest.
pub const LEVELS: usize = 3;

/// A queued item, ordered by its level only: level 0 is the greatest.
struct Entry<T> {
    level: usize,
    item: T,
}

impl<T> PartialEq for Entry<T> {
    fn eq(&self, other: &Self) -> bool {
        self.level == other.level
    }
}
impl<T> Eq for Entry<T> {}
impl<T> PartialOrd for Entry<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Order> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Entry<T> {
    fn cmp(&self, other: &Self) -> Order {
        other.level.cmp(&self.level)
    }
}

struct Levels<T> {
    heap: BinaryHeap<Entry<T>>,
    /// How many items each level holds.
    counts: [usize; LEVELS],
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
    pub fn new(aging_bound: usize) -> Self {
        assert!(aging_bound > 0, "an aging bound of 0 would take the lowest level first");
        Self {
            aging_bound,
            state: Mutex::new(Levels {
                heap: BinaryHeap::new(),
                counts: [0; LEVELS],
                passed: [0; LEVELS],
                closed: false,
            }),
            not_empty: Condvar::new(),
        }
    }

    pub fn put(&self, level: usize, item: T) -> Result<(), T> {
        let mut state = self.state.lock();
        if state.closed {
            return Err(item);
        }
        state.heap.push(Entry { level, item });
        state.counts[level] += 1;
        drop(state);
        self.not_empty.notify_one();
        Ok(())
    }

    pub fn take(&self) -> Option<T> {
        let mut state = self
            .not_empty
            .wait_while(self.state.lock(), |s| s.heap.is_empty() && !s.closed);
        let due = (0..LEVELS)
            .rev()
            .find(|&l| state.counts[l] > 0 && state.passed[l] >= self.aging_bound);
        let level = due.or_else(|| state.heap.peek().map(|e| e.level))?;
        let mut skipped = Vec::new();
        let entry = loop {
            let entry = state.heap.pop().expect("counts says the level has an item");
            if entry.level == level {
                break entry;
            }
            skipped.push(entry);
        };
        state.heap.extend(skipped);
        state.counts[level] -= 1;
        state.passed[level] = 0;
        for lower in level + 1..LEVELS {
            if state.counts[lower] > 0 {
                state.passed[lower] += 1;
            }
        }
        Some(entry.item)
    }

    pub fn close(&self) {
        self.state.lock().closed = true;
        self.not_empty.notify_all();
    }
}
