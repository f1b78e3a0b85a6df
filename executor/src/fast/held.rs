//! The retries a fast worker keeps while they wait out their backoff, and
//! how the worker picks its next task when it keeps any.
//!
//! A worker keeping nothing takes from its lane exactly as before: one
//! check of an empty local map is all retries cost the path of a task.

use super::Core;
use super::lane::Took;
use crate::retry::KeyOrder;
use crate::sync::Backend;
use crate::task::Job;
use core::time::Duration;
use std::collections::BTreeMap;

/// One worker's retries, by due time (then by order kept, so two due at
/// once run in the order they failed). Only that worker touches them.
#[derive(Default)]
pub(crate) struct Held {
    due: BTreeMap<(Duration, u64), Box<dyn Job>>,
    kept: u64,
}

impl Held {
    /// Keeps `job` until `due`.
    pub(crate) fn keep(&mut self, due: Duration, job: Box<dyn Job>) {
        self.due.insert((due, self.kept), job);
        self.kept += 1;
    }

    /// The first retry due by `now` (any, if `closing`), taken out.
    fn take_due(&mut self, now: Duration, closing: bool) -> Option<Box<dyn Job>> {
        let first = self.due.first_entry()?;
        (closing || first.key().0 <= now).then(|| first.remove())
    }

    /// How long until the first retry is due.
    fn until_due(&self, now: Duration) -> Option<Duration> {
        let ((due, _), _) = self.due.first_key_value()?;
        Some(due.saturating_sub(now))
    }
}

impl<B: Backend> Core<B> {
    // ANCHOR: fast_next
    /// The next task for a worker of `lane` that keeps the retries
    /// `held`: a retry that is due, else the lane's next task, waiting
    /// for either; `None` once the lane is closed and drained and nothing
    /// is kept. Once the lane closes every kept retry is due. A
    /// partitioned pool that holds keys for their retries takes nothing
    /// off its lane while it keeps one.
    pub(crate) fn next(&self, lane: usize, held: &mut Held) -> Option<Box<dyn Job>> {
        let ring = &self.lanes[lane];
        if held.due.is_empty() {
            return match self.take(lane, None) {
                Took::Item(job) => Some(job),
                Took::Drained | Took::TimedOut => None,
            };
        }
        let hold_lane = self.partitioned && self.retries.key_order == KeyOrder::Hold;
        loop {
            let closing = ring.ring.is_closed();
            let now = self.retry_now();
            if let Some(job) = held.take_due(now, closing) {
                self.retries.resumed();
                return Some(job);
            }
            let wait = held.until_due(now).expect("kept, and none due");
            if hold_lane {
                // The lane's tasks wait behind the retry: sleep until it is
                // due, or until the close makes it due.
                ring.not_empty
                    .wait_until_for(|| ring.ring.is_closed(), wait);
                continue;
            }
            match self.take(lane, Some(wait)) {
                Took::Item(job) => return Some(job),
                Took::TimedOut | Took::Drained => continue,
            }
        }
    }
    // ANCHOR_END: fast_next
}
