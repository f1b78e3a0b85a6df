//! One lane's queue: FIFO within a priority level, the highest level
//! first, with aging. A task at the head of its level is passed over by at
//! most `bound` tasks of higher levels; then it runs next. Without aging a
//! steady stream of high-priority work would starve the rest for ever.
//!
//! Partitioned pools queue every task at [`Priority::Normal`]: a priority
//! that overtook a key's earlier task would break per-key order.

use crate::backlog::Backlog;
use crate::queue::Entry;
use crate::task::TaskId;
use core::time::Duration;
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

/// How many priority levels there are.
pub(crate) const LEVELS: usize = 3;

// ANCHOR: aging_lane
/// The queued tasks of one lane, one FIFO per priority level.
#[derive(Default)]
pub(crate) struct Lane {
    levels: [VecDeque<Entry>; LEVELS],
    /// Per level: how many tasks of higher levels have run while this
    /// level's head waited.
    passed: [usize; LEVELS],
    /// Runnable tasks, over every level.
    len: usize,
    /// Delayed retries and held keys.
    backlog: Backlog,
}

impl Lane {
    /// Tasks queued: runnable, or parked behind a held key. What the
    /// lane's capacity bounds (delayed retries are outside it).
    pub(crate) fn len(&self) -> usize {
        self.len + self.backlog.parked()
    }

    /// Whether a task can be taken now.
    pub(crate) fn has_runnable(&self) -> bool {
        self.len > 0
    }

    /// Nothing queued, parked or delayed: a worker may leave it.
    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0 && self.backlog.delayed() == 0
    }

    /// Queues a task at the back of its level, or parks it if its key is
    /// held behind a retry.
    pub(crate) fn push_back(&mut self, entry: Entry) {
        if self.backlog.is_held(entry.key) {
            return self.backlog.park(entry);
        }
        self.push_runnable(entry);
    }

    /// Queues a task at the back of its level, held key or not (a retry
    /// that has waited out its backoff: its key is held behind it).
    fn push_runnable(&mut self, entry: Entry) {
        self.levels[entry.priority as usize].push_back(entry);
        self.len += 1;
    }

    /// The lane's delayed retries and held keys.
    pub(crate) fn backlog(&self) -> &Backlog {
        &self.backlog
    }

    /// Puts a retry aside until `due`; with `hold`, its key's later tasks
    /// park behind it until [`Self::release`].
    pub(crate) fn delay(&mut self, due: Duration, entry: Entry, hold: bool) {
        if hold && self.backlog.hold(entry.key, entry.job.id()) {
            let key = entry.key;
            for level in &mut self.levels {
                let (theirs, others) = core::mem::take(level)
                    .into_iter()
                    .partition(|e| e.key == key);
                *level = others;
                let theirs: VecDeque<Entry> = theirs;
                self.len -= theirs.len();
                theirs.into_iter().for_each(|e| self.backlog.park(e));
            }
        }
        self.backlog.delay(due, entry);
    }

    /// Moves the retries due by `now` (all, if none) into the queue;
    /// returns how many moved.
    pub(crate) fn promote(&mut self, now: Option<Duration>) -> usize {
        let mut moved = 0;
        while let Some(entry) = self.backlog.next_ready(now) {
            self.push_runnable(entry);
            moved += 1;
        }
        moved
    }

    /// Ends `key`'s hold if task `id` holds it: its parked tasks go to the
    /// front of the queue, in order (they were queued before anything
    /// behind them).
    pub(crate) fn release(&mut self, key: u64, id: TaskId) {
        for entry in self.backlog.release(key, id).into_iter().rev() {
            self.levels[entry.priority as usize].push_front(entry);
            self.len += 1;
        }
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

    /// Where task `id` waits in the queue: each level is in id order (ids
    /// are given out under the lock as tasks are queued), so each search is
    /// a binary one; only a retry, queued again with its old id, needs the
    /// linear search after it.
    fn position(&self, id: TaskId) -> Option<(usize, usize)> {
        let find = |level: usize| {
            let queue = &self.levels[level];
            queue
                .binary_search_by_key(&id, |entry| entry.job.id())
                .ok()
                .or_else(|| queue.iter().position(|entry| entry.job.id() == id))
                .map(|at| (level, at))
        };
        (0..LEVELS).find_map(find)
    }

    /// Whether task `id` waits here: queued, parked or delayed.
    pub(crate) fn contains(&self, id: TaskId) -> bool {
        self.position(id).is_some() || self.backlog.contains(id)
    }

    /// Takes task `id` out, wherever it waits; says whether it was a
    /// delayed retry. Its key's hold, if it held one, ends.
    pub(crate) fn take(&mut self, id: TaskId) -> Option<(Entry, bool)> {
        let taken = match self.position(id) {
            Some((level, at)) => self.remove_at(level, at).map(|entry| (entry, false)),
            None => self.backlog.take(id),
        };
        if let Some((entry, _)) = &taken {
            self.release(entry.key, id);
        }
        taken
    }

    /// Takes out the task at `at` of `level` (from [`Self::position`]).
    fn remove_at(&mut self, level: usize, at: usize) -> Option<Entry> {
        let entry = self.levels[level].remove(at)?;
        if at == 0 {
            self.passed[level] = 0; // a new head starts afresh
        }
        self.len -= 1;
        Some(entry)
    }

    /// Every task waiting here, in the order they were accepted, with how
    /// many of them were delayed retries.
    pub(crate) fn take_all(&mut self) -> (Vec<Entry>, usize) {
        let (parked, delayed) = self.backlog.take_all();
        let retries = delayed.len();
        let mut all: Vec<Entry> = self.levels.iter_mut().flat_map(core::mem::take).collect();
        all.extend(parked.into_iter().chain(delayed));
        all.sort_by_key(|entry| entry.job.id());
        *self = Self::default();
        (all, retries)
    }
}
