//! One lane's queue: FIFO within a priority level, the highest level
//! first, with aging. A task at the head of its level is passed over by at
//! most `bound` tasks of higher levels; then it runs next. Without aging a
//! steady stream of high-priority work would starve the rest for ever.
//!
//! Partitioned pools queue every task at [`Priority::Normal`]: a priority
//! that overtook a key's earlier task would break per-key order.

use crate::queue::Entry;
use crate::task::TaskId;
use std::collections::VecDeque;

// ANCHOR: priority
/// A task's priority in a shared pool.
///
/// ```
/// use executor::Priority;
/// assert!(Priority::High < Priority::Normal && Priority::Normal < Priority::Low);
/// assert_eq!(Priority::default(), Priority::Normal);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Priority {
    /// Runs before Normal and Low.
    High,
    /// What `submit` and `execute` use.
    #[default]
    Normal,
    /// Runs when nothing higher waits, or once it has waited its bound.
    Low,
}
// ANCHOR_END: priority

const LEVELS: usize = 3;

// ANCHOR: aging_lane
/// The queued tasks of one lane, one FIFO per priority level.
#[derive(Default)]
pub(crate) struct Lane {
    levels: [VecDeque<Entry>; LEVELS],
    /// Per level: how many tasks of higher levels have run while this
    /// level's head waited.
    passed: [usize; LEVELS],
    len: usize,
}

impl Lane {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(crate) fn push_back(&mut self, entry: Entry) {
        self.levels[entry.priority as usize].push_back(entry);
        self.len += 1;
    }

    /// The next task to run: a head passed over `bound` times if there is
    /// one (the lowest level first, having waited longest), else the head
    /// of the highest level. Every waiting head below the level served is
    /// passed over once more.
    pub(crate) fn pop_front(&mut self, bound: usize) -> Option<Entry> {
        let waiting = |l: &usize| !self.levels[*l].is_empty();
        let level = (0..LEVELS)
            .rev()
            .filter(waiting)
            .find(|&l| self.passed[l] >= bound)
            .or_else(|| (0..LEVELS).find(waiting))?;
        let entry = self.levels[level].pop_front()?;
        self.passed[level] = 0;
        for lower in level + 1..LEVELS {
            if !self.levels[lower].is_empty() {
                self.passed[lower] += 1;
            }
        }
        self.len -= 1;
        Some(entry)
    }
    // ANCHOR_END: aging_lane

    /// The oldest task of the lowest level waiting: what the discard-oldest
    /// policy evicts (the least important work, the longest queued).
    pub(crate) fn evict(&mut self) -> Option<Entry> {
        let level = (0..LEVELS).rev().find(|&l| !self.levels[l].is_empty())?;
        self.remove_at(level, 0)
    }

    /// Where task `id` waits: each level is in id order (ids are given out
    /// under the lock as tasks are queued), so each search is a binary one.
    pub(crate) fn position(&self, id: TaskId) -> Option<(usize, usize)> {
        (0..LEVELS).find_map(|level| {
            self.levels[level]
                .binary_search_by_key(&id, |entry| entry.job.id())
                .ok()
                .map(|at| (level, at))
        })
    }

    /// Takes out the task at `at` of `level` (from [`Self::position`]).
    pub(crate) fn remove_at(&mut self, level: usize, at: usize) -> Option<Entry> {
        let entry = self.levels[level].remove(at)?;
        if at == 0 {
            self.passed[level] = 0; // a new head starts afresh
        }
        self.len -= 1;
        Some(entry)
    }

    /// Every queued task, in the order they were accepted.
    pub(crate) fn take_all(&mut self) -> Vec<Entry> {
        let mut all: Vec<Entry> = self.levels.iter_mut().flat_map(core::mem::take).collect();
        all.sort_by_key(|entry| entry.job.id());
        *self = Self::default();
        all
    }
}
