//! What a lane keeps besides its runnable queue, for retries: the retries
//! waiting out their backoff (the delayed set, by due time), and the keys
//! on hold, whose later tasks wait parked behind a task being retried.
//!
//! A delayed retry is not in the queue: no worker sleeps for it, and it
//! takes no submitter's slot. It moves to the queue when it is due (a
//! worker or a submitter noticing, on the pool's clock) or when the pool
//! closes (a graceful shutdown runs every retry at once rather than wait
//! out backoffs). So no guarantee depends on a timer firing; under the
//! model checkers, whose clocks stand still, retries are due at shutdown.

use crate::queue::Entry;
use crate::task::TaskId;
use core::time::Duration;
use std::collections::{BTreeMap, VecDeque};

// ANCHOR: backlog
/// A lane's delayed retries and held keys.
#[derive(Default)]
pub(crate) struct Backlog {
    /// Retries waiting out their backoff, by due time (then id).
    delayed: BTreeMap<(Duration, TaskId), Entry>,
    /// Keys on hold: the task being retried, and the key's later tasks
    /// parked behind it, in order.
    held: BTreeMap<u64, Hold>,
    /// How many tasks are parked, over every held key.
    parked: usize,
}

struct Hold {
    holder: TaskId,
    parked: VecDeque<Entry>,
}
// ANCHOR_END: backlog

impl Backlog {
    /// Tasks parked behind held keys (queued, but not runnable yet).
    pub(crate) fn parked(&self) -> usize {
        self.parked
    }

    /// Retries waiting out their backoff.
    pub(crate) fn delayed(&self) -> usize {
        self.delayed.len()
    }

    /// When the next retry is due.
    pub(crate) fn next_due(&self) -> Option<Duration> {
        self.delayed.keys().next().map(|(due, _)| *due)
    }

    /// Puts a retry aside until `due`.
    pub(crate) fn delay(&mut self, due: Duration, entry: Entry) {
        self.delayed.insert((due, entry.job.id()), entry);
    }

    /// Takes out the next retry due by `now` (all of them, if `now` is
    /// none: the pool is closing).
    pub(crate) fn next_ready(&mut self, now: Option<Duration>) -> Option<Entry> {
        let first = self.delayed.first_entry()?;
        if now.is_some_and(|now| first.key().0 > now) {
            return None;
        }
        Some(first.remove())
    }

    /// Whether `key`'s new tasks must park.
    pub(crate) fn is_held(&self, key: u64) -> bool {
        self.held.contains_key(&key)
    }

    /// Holds `key` behind task `holder` (being retried); returns false if
    /// it already was (by the same task: a second failed attempt).
    pub(crate) fn hold(&mut self, key: u64, holder: TaskId) -> bool {
        if self.held.contains_key(&key) {
            return false;
        }
        let parked = VecDeque::new();
        self.held.insert(key, Hold { holder, parked });
        true
    }

    /// Parks a task of a held key, behind the others.
    pub(crate) fn park(&mut self, entry: Entry) {
        if let Some(hold) = self.held.get_mut(&entry.key) {
            hold.parked.push_back(entry);
            self.parked += 1;
        }
    }

    /// Ends `key`'s hold if task `id` holds it; returns its parked tasks
    /// in order.
    pub(crate) fn release(&mut self, key: u64, id: TaskId) -> VecDeque<Entry> {
        if self.held.get(&key).is_none_or(|hold| hold.holder != id) {
            return VecDeque::new();
        }
        let hold = self.held.remove(&key).expect("checked above");
        self.parked -= hold.parked.len();
        hold.parked
    }

    /// Takes task `id` out of the delayed set or a parked queue; says
    /// whether it was delayed.
    pub(crate) fn take(&mut self, id: TaskId) -> Option<(Entry, bool)> {
        let due = self.delayed.keys().find(|(_, i)| *i == id).copied();
        if let Some(entry) = due.and_then(|due| self.delayed.remove(&due)) {
            return Some((entry, true));
        }
        for hold in self.held.values_mut() {
            if let Some(at) = hold.parked.iter().position(|e| e.job.id() == id) {
                self.parked -= 1;
                return hold.parked.remove(at).map(|entry| (entry, false));
            }
        }
        None
    }

    /// Whether task `id` is delayed or parked here.
    pub(crate) fn contains(&self, id: TaskId) -> bool {
        self.delayed.keys().any(|(_, i)| *i == id)
            || self
                .held
                .values()
                .any(|hold| hold.parked.iter().any(|e| e.job.id() == id))
    }

    /// Everything, holds ended: (the parked tasks, the delayed ones).
    pub(crate) fn take_all(&mut self) -> (Vec<Entry>, Vec<Entry>) {
        let parked = core::mem::take(&mut self.held)
            .into_values()
            .flat_map(|hold| hold.parked)
            .collect();
        let delayed = core::mem::take(&mut self.delayed).into_values().collect();
        self.parked = 0;
        (parked, delayed)
    }
}
