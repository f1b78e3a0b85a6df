//! The worker loop: wait for a task or for shutdown, run the task with its
//! panic caught, account for it, repeat; leave once closed and drained, or
//! once a resize or the keep-alive retires the worker.

use crate::attempt::Placed;
use crate::health::WorkerHealth;
use crate::hooks::{Hooks, TaskEvent};
use crate::queue::{Entry, Mode, Ran, Shared, State};
use crate::supervise::{PanicPolicy, died};
use crate::sync::{Arc, Backend, MutexGuard};
use crate::task::{Outcome, drop_quietly, panic_message, run_quietly};
use core::time::Duration;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Who a worker is: a serial number unique in its pool (to reap it), the
/// lane it serves, and its thread's name (with its index as the suffix).
pub(crate) struct Me {
    pub(crate) serial: usize,
    pub(crate) index: usize,
    pub(crate) lane: usize,
    pub(crate) name: String,
}

/// A worker's numbers: its serial (unique in the pool, the key of its
/// health record) and its index (its name's suffix, in reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WorkerNo {
    pub(crate) serial: usize,
    pub(crate) index: usize,
}

impl Me {
    fn no(&self) -> WorkerNo {
        WorkerNo {
            serial: self.serial,
            index: self.index,
        }
    }
}

type Guard<'a, B> = MutexGuard<'a, B, State>;

// ANCHOR: worker_loop
/// Serves `me.lane` until the pool is closed and the lane is empty, or
/// until the worker is retired: its lane by a partitioned resize (it
/// drains the lane first), or, in a shared pool, by a shrink or the
/// keep-alive (it leaves at once; the others drain).
///
/// The must-haves: it re-checks the condition after every wake-up (they can
/// be spurious or stolen), it never blocks without someone bound to notify
/// it (a push, shutdown's or resize's `wake_all`), it runs no user code
/// under the lock or outside a panic boundary (tasks, hooks, callbacks,
/// values nobody waits for), and it accounts for every task it takes,
/// finishing one and taking the next under a single lock acquisition.
pub(crate) fn work<B: Backend>(shared: Arc<B, Shared<B>>, me: Me) {
    // The supervision boundary: whatever kills this worker, its thread
    // ends here, having handed its lane to a replacement (or failed the
    // pool), never by unwinding into the void.
    match catch_unwind(AssertUnwindSafe(|| serve(&shared, &me))) {
        Ok(None) => {}
        Ok(Some(cause)) => died(&shared, &me, cause),
        Err(payload) => {
            let cause = format!("{} panicked: {}", me.name, panic_message(&*payload));
            drop_quietly(payload);
            died(&shared, &me, cause);
        }
    }
}

/// The worker loop proper. Returns `None` once the worker has left, or
/// the cause when a task's panic ends it ([`PanicPolicy::RestartWorker`]).
fn serve<B: Backend>(shared: &Arc<B, Shared<B>>, me: &Me) -> Option<String> {
    Hooks::worker(&shared.hooks.worker_start, me.index, &me.name);
    let signals = &shared.signals[me.lane];
    // The clock is read outside the lock: at the start, after a wait, and
    // as each task ends (that reading also dates the next task's start,
    // taken under the same lock acquisition).
    let mut now = shared.task_time();
    let mut state = shared.state.lock();
    // Its health record: written by this worker only, from here on.
    let record = WorkerHealth::new(me.index, me.lane, now);
    state.monitor.workers.insert(me.serial, record);
    loop {
        let waited;
        (state, waited) = wait_for_work(shared, state, me.lane);
        if waited {
            now = shared.task_time();
        }
        if state.mode == Mode::Shared && state.retiring(me.lane) {
            break; // a surplus worker of a shared pool: the others drain
        }
        let Some(entry) = state.pop(me.lane, me.serial, now) else {
            break; // drained, and closed or retired
        };
        let owed = state.monitor.owes_delivery();
        drop(state);
        // A slot is free: let one blocked submitter in.
        signals.not_full.notify_one();
        if owed {
            shared.deliver();
        }
        let outcome;
        (state, outcome, now) = run(shared, entry, me.lane, me.no(), now);
        if outcome == Some(Outcome::Panicked) && shared.panic_policy == PanicPolicy::RestartWorker {
            drop(state);
            return Some(format!(
                "{} ran a task that panicked, and the panic policy restarts its worker",
                me.name
            ));
        }
    }
    leave(shared, state, me);
    None
}
// ANCHOR_END: worker_loop

// ANCHOR: wait_loop
/// Waits while there is nothing to do: nothing runnable on the lane, and
/// the worker may not leave yet (it may once the pool is closed or the
/// worker retired, and the lane holds no delayed retry or parked task
/// either; a surplus worker of a shared pool leaves at once). Retries
/// that come due meanwhile are moved onto the lane: a worker waiting for
/// one wakes by its due time, and a notify wakes it earlier. A worker
/// above a shared pool's core count that idles for the whole keep-alive
/// retires itself (lowers the wanted count by one, so exactly one worker
/// leaves per expiry). Also says whether it waited at all.
fn wait_for_work<'a, B: Backend>(
    shared: &'a Shared<B>,
    mut state: Guard<'a, B>,
    lane: usize,
) -> (Guard<'a, B>, bool) {
    let mut waited = false;
    let not_empty = &shared.signals[lane].not_empty;
    loop {
        let until_due = state.promote_due(lane, shared);
        let s = &*state;
        let queue = &s.lanes[lane];
        let may_leave = (s.closed || s.retiring(lane)) && queue.is_empty();
        if queue.has_runnable() || may_leave || (s.mode == Mode::Shared && s.retiring(lane)) {
            return (state, waited);
        }
        let keep_alive = shared
            .keep_alive
            .filter(|_| s.mode == Mode::Shared && s.live_workers > s.core);
        waited = true;
        let timeout = match (keep_alive, until_due) {
            (Some(k), Some(d)) => Some(k.min(d)),
            (k, d) => k.or(d),
        };
        let Some(timeout) = timeout else {
            state = not_empty.wait(state);
            continue;
        };
        let timed_out;
        (state, timed_out) = not_empty.wait_timeout(state, timeout);
        let idle = |s: &State| !s.lanes[lane].has_runnable() && !s.closed;
        let expired = keep_alive.is_some_and(|k| k <= timeout);
        if timed_out && expired && idle(&state) && state.live_workers > state.core {
            state.active = state.active.min(state.live_workers - 1);
        }
    }
}
// ANCHOR_END: wait_loop

// ANCHOR: state_then_slot
/// Runs one task taken off the queue at `started` (the lock is free), and
/// returns with the lock held again, ready to take the next, with how the
/// task ended and when.
pub(crate) fn run<'a, B: Backend>(
    shared: &'a Shared<B>,
    entry: Entry,
    lane: usize,
    who: WorkerNo,
    started: Duration,
) -> (Guard<'a, B>, Option<Outcome>, Duration) {
    let hooks = &shared.hooks;
    let mut ended = started;
    let Entry {
        job,
        key,
        priority,
        enqueued,
    } = entry;
    let mut event = TaskEvent {
        id: job.id(),
        worker: who.index,
        queue_wait: started.saturating_sub(enqueued),
        run_time: Duration::ZERO,
        outcome: None,
    };
    Hooks::task(&hooks.before_task, event);
    // Account, then resolve the handle, under one lock acquisition that is
    // also the one taking the next task. Lock order: the pool's state lock
    // before a handle's slot lock, never the reverse.
    let mut relocked = None;
    let mut owed = None;
    let leftover = job.run(&mut |how| {
        ended = shared.task_time();
        let ran = Ran {
            worker: Some(who.serial),
            started,
            ended,
        };
        let place = Placed {
            lane,
            key,
            priority,
        };
        let guard;
        (guard, event.outcome, owed) = shared.account(event.id, how, place, ran);
        relocked = Some(guard);
    });
    let mut state = relocked.unwrap_or_else(|| shared.state.lock());
    if leftover.is_some() || owed.is_some() || hooks.after_task.is_some() {
        // User code owed after the run (a value nobody waits for, a
        // completion callback, a dead letter pushed out, the after-task
        // hook): outside the lock and inside a panic boundary, then take
        // the lock again.
        drop(state);
        run_quietly(leftover);
        run_quietly(owed);
        ended = shared.task_time();
        event.run_time = ended.saturating_sub(started);
        Hooks::task(&hooks.after_task, event);
        state = shared.state.lock();
    }
    // Only now is the task's work done, callbacks and hooks included.
    state.finishing -= 1;
    if state.is_idle() {
        shared.idle.notify_all();
    }
    (state, event.outcome, ended)
}
// ANCHOR_END: state_then_slot

// ANCHOR: help
/// Runs the next task of `lane` on the calling worker (`who`, the only
/// one serving that lane), from inside one of its tasks, instead of
/// waiting for itself: what the worker would run next anyway, so the
/// lane's FIFO order holds. If nothing is runnable, the lane's delayed
/// retries are cut short to make something runnable: their backoff would
/// end only for this very thread to run them. Called with the lock held;
/// returns with it held, and whether a task ran (if not, waiting would
/// wait for itself).
pub(crate) fn help<'a, B: Backend>(
    shared: &'a Shared<B>,
    mut state: Guard<'a, B>,
    lane: usize,
    who: WorkerNo,
) -> (Guard<'a, B>, bool) {
    // The rare path (a worker waiting on its own lane): the clock is read
    // under the lock.
    let now = shared.task_time();
    if !state.lanes[lane].has_runnable() {
        state.promote(lane, None);
    }
    let Some(entry) = state.pop(lane, who.serial, now) else {
        return (state, false);
    };
    let owed = state.monitor.owes_delivery();
    drop(state);
    shared.signals[lane].not_full.notify_one();
    if owed {
        shared.deliver();
    }
    // Its worker is inside a task: a panic here cannot end it, whatever
    // the panic policy; the handle reports it.
    (run(shared, entry, lane, who, now).0, true)
}
// ANCHOR_END: help

// ANCHOR: leave
/// Leaves the pool: no longer serving (decided under this lock, so no
/// other worker counts on it), then the stop hook outside the lock, then
/// the last one out wakes whoever awaits termination.
fn leave<'a, B: Backend>(shared: &'a Shared<B>, mut state: Guard<'a, B>, me: &Me) {
    state.live_workers -= 1;
    state.monitor.workers.remove(&me.serial);
    if state.mode == Mode::Partitioned {
        state.served[me.lane] = false;
    }
    if shared.hooks.worker_stop.is_some() {
        state.stopping += 1;
        drop(state);
        Hooks::worker(&shared.hooks.worker_stop, me.index, &me.name);
        state = shared.state.lock();
        state.stopping -= 1;
    }
    state.exited.insert(me.serial);
    shared.left(state);
}

impl<B: Backend> Shared<B> {
    /// A worker has left (the caller counted it out): if it was the last,
    /// wake whoever awaits termination. Releases the lock.
    pub(crate) fn left(&self, state: Guard<'_, B>) {
        let last = state.is_terminated();
        drop(state);
        if last {
            self.terminated.notify_all();
        }
    }
}
// ANCHOR_END: leave
