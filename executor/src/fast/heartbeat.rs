//! A fast worker's heartbeat: the task it runs, since when, and when it
//! last started or finished one. The worker writes its own, as it takes
//! and finishes each task: a heartbeat written by anyone else says "alive"
//! about a worker that is stuck (the zoo's `heartbeat_by_supervisor`).
//!
//! [`FastPool::health`](crate::FastPool::health) reads it without a lock,
//! as a seqlock: the worker makes a sequence number odd, writes, and makes
//! it even again; a reader that saw the same even number before and after
//! its reads saw one whole write. The worker never waits for a reader.

use crate::sync::{AtomicU64, Backend, Ordering, fence};
use crate::task::TaskId;
use core::time::Duration;

// ANCHOR: heartbeat
/// One worker's heartbeat (see the module doc); public so that the
/// verification scenarios can race a reader against its writer.
///
/// ```
/// use std::time::Duration;
/// use executor::TaskId;
/// use executor::fast::Heartbeat;
/// use executor::sync::Std;
/// let beat = Heartbeat::<Std>::new(Duration::ZERO);
/// beat.started(TaskId(7), Duration::from_secs(1));
/// assert_eq!(beat.read(), (Some((TaskId(7), Duration::from_secs(1))), Duration::from_secs(1)));
/// beat.finished(Duration::from_secs(3));
/// assert_eq!(beat.read(), (None, Duration::from_secs(3)));
/// ```
pub struct Heartbeat<B: Backend> {
    /// Even while stable, odd while the worker writes.
    seq: AtomicU64<B>,
    /// The running task's id plus one, or 0 while idle.
    task: AtomicU64<B>,
    /// When the running task started, in nanoseconds of the pool's clock.
    since: AtomicU64<B>,
    /// When the worker last started or finished a task.
    last_active: AtomicU64<B>,
}

impl<B: Backend> Heartbeat<B> {
    /// The heartbeat of a worker starting at `now`, idle.
    pub fn new(now: Duration) -> Self {
        Self {
            seq: AtomicU64::new(0),
            task: AtomicU64::new(0),
            since: AtomicU64::new(0),
            last_active: AtomicU64::new(nanos(now)),
        }
    }

    /// Called by the worker (only) as it takes `task` at `now`.
    pub fn started(&self, task: TaskId, now: Duration) {
        self.write(|| {
            // Relaxed, all three: `write`'s fence and closing store order them.
            self.task.store(task.0 + 1, Ordering::Relaxed);
            self.since.store(nanos(now), Ordering::Relaxed);
            self.last_active.store(nanos(now), Ordering::Relaxed);
        });
    }

    /// Called by the worker (only) as it finishes its task at `now`.
    pub fn finished(&self, now: Duration) {
        self.write(|| {
            // Relaxed, both: as in `started`.
            self.task.store(0, Ordering::Relaxed);
            self.last_active.store(nanos(now), Ordering::Relaxed);
        });
    }

    /// Called by the worker (only) of a pool that keeps no time, as it
    /// takes `task` (`Some`) or finishes it (`None`): one word, so no
    /// sequence number, no fence, and a reader cannot see half of it.
    pub fn untimed(&self, task: Option<TaskId>) {
        // Relaxed: one word, published through nothing; a submitter that
        // joins the task synchronises through its handle, which resolves
        // after the idle mark.
        self.task
            .store(task.map_or(0, |t| t.0 + 1), Ordering::Relaxed);
    }

    fn write(&self, stores: impl FnOnce()) {
        // Relaxed: only this worker writes `seq`, so it reads its own last
        // store.
        let seq = self.seq.load(Ordering::Relaxed);
        // Relaxed store, then a Release fence: a reader whose Acquire fence
        // follows a load of any store below also sees this odd number (or
        // later) when it loads `seq` again, and retries.
        self.seq.store(seq + 1, Ordering::Relaxed);
        fence::<B>(Ordering::Release);
        stores();
        // Release: a reader that loads this even number (Acquire) sees
        // every store above.
        self.seq.store(seq + 2, Ordering::Release);
    }

    /// The running task and its start, and the last activity: one whole
    /// write's values, never a mix of two.
    pub fn read(&self) -> (Option<(TaskId, Duration)>, Duration) {
        loop {
            // Acquire: pairs with the closing Release store of `write`.
            let before = self.seq.load(Ordering::Acquire);
            if before.is_multiple_of(2) {
                // Relaxed, all three: validated by the second load of `seq`.
                let task = self.task.load(Ordering::Relaxed);
                let since = self.since.load(Ordering::Relaxed);
                let last = self.last_active.load(Ordering::Relaxed);
                // Acquire fence: pairs with `write`'s Release fence, so if a
                // load above read a later write's store, the load below
                // sees that write's odd number or later.
                fence::<B>(Ordering::Acquire);
                // Relaxed: the fence orders it after the loads above.
                if self.seq.load(Ordering::Relaxed) == before {
                    let running =
                        (task != 0).then(|| (TaskId(task - 1), Duration::from_nanos(since)));
                    return (running, Duration::from_nanos(last));
                }
            }
            // The worker is writing: its two stores are all that is left.
            B::yield_now();
        }
    }
}
// ANCHOR_END: heartbeat

fn nanos(at: Duration) -> u64 {
    u64::try_from(at.as_nanos()).unwrap_or(u64::MAX)
}

impl<B: Backend> core::fmt::Debug for Heartbeat<B> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let (running, last_active) = self.read();
        f.debug_struct("Heartbeat")
            .field("running", &running)
            .field("last_active", &last_active)
            .finish()
    }
}
