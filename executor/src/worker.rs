//! The worker loop: wait for a task or for shutdown, run the task with its
//! panic caught, account for it, repeat; leave once closed and drained.

use crate::queue::Shared;
use crate::sync::{Arc, Backend};
use crate::task::drop_quietly;

// ANCHOR: worker_loop
/// Serves `lane` until the pool is closed and the lane is empty, or (in a
/// partitioned pool shrunk by a resize) until the lane is retired and empty.
///
/// The must-haves: it re-checks the condition after every wake-up (they can
/// be spurious or stolen), it never blocks without someone bound to notify
/// it (a push, shutdown's or resize's `wake_all`), it runs no user code
/// under the lock or outside a panic boundary (the task inside `Job::run`,
/// a value nobody waits for in `drop_quietly`), and it accounts for every
/// task it takes, finishing one and taking the next under a single lock
/// acquisition.
pub(crate) fn work<B: Backend>(shared: Arc<B, Shared<B>>, lane: usize) {
    let signals = &shared.signals[lane];
    // ANCHOR: wait_loop
    let mut state = shared.state.lock();
    loop {
        state = signals.not_empty.wait_while(state, |s| {
            s.lanes[lane].is_empty() && !s.closed && lane < s.active
        });
        let Some(entry) = state.pop(lane) else {
            break; // drained, and closed or retired
        };
        // ANCHOR_END: wait_loop
        drop(state);
        // A slot is free: let one blocked submitter in.
        signals.not_full.notify_one();
        // ANCHOR: state_then_slot
        // Account, then resolve the handle, under one lock acquisition
        // that is also the one taking the next task. Lock order: the pool's
        // state lock before a handle's slot lock, never the reverse.
        let mut relocked = None;
        let id = entry.job.id();
        let leftover = entry.job.run(&mut |outcome| {
            let mut guard = shared.state.lock();
            guard.finish(id, outcome, lane, entry.key);
            relocked = Some(guard);
        });
        state = relocked.unwrap_or_else(|| shared.state.lock());
        if let Some(value) = leftover {
            // Nobody waits for this value: drop it (user code) outside the
            // lock and inside a panic boundary, then take the lock again.
            drop(state);
            drop_quietly(value);
            state = shared.state.lock();
        }
        // ANCHOR_END: state_then_slot
    }
    state.served[lane] = false;
    state.live_workers -= 1;
    let last = state.live_workers == 0;
    drop(state);
    if last {
        shared.terminated.notify_all();
    }
}
// ANCHOR_END: worker_loop
