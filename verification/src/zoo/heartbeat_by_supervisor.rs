//! **A heartbeat written by the supervisor.** A pool reports a worker as
//! stuck when its heartbeat is older than a bound. In the broken version
//! the heartbeat is written by the supervisor, on each of its rounds, for
//! every worker whose thread is still alive: "it has not died, so it is
//! fine". But a stuck worker *is* alive. Its thread exists, it is blocked
//! inside a task that will never return, and the supervisor keeps
//! refreshing its heartbeat, so it is never reported.
//!
//! No interleaving is needed: the supervisor's round always runs before
//! the health check, so every schedule on every checker fails. It belongs
//! in the zoo because it is the classic mistake of liveness monitoring
//! (the same one as a load balancer's health check that asks the process
//! "are you up?" instead of "did you finish a request lately?").
//!
//! The fix: only the worker writes its own heartbeat, as it takes and
//! finishes work, so a heartbeat proves progress, not existence. The
//! executor's workers write their own records (`health.rs`).

use super::{Bug, Checker, program};
use crate::scenarios::support::Latch;
use executor::sync::{Arc, Backend, Mutex, thread};

/// The bug's entry in the zoo.
pub const BUG: Bug = Bug {
    name: "heartbeat_by_supervisor",
    summary: "the supervisor refreshes a blocked worker's heartbeat, so it is never reported stuck",
    broken: program!(broken),
    fixed: program!(fixed),
    found_by: Checker::ALL,
    blind_spots: "none: every schedule fails",
    spurious: false,
};

// ANCHOR: setup
/// The logical clock and the worker's last heartbeat, in seconds.
#[derive(Default)]
struct Health {
    now: u64,
    beat: u64,
    worker_alive: bool,
}

/// A worker is stuck when its heartbeat is older than this.
const BOUND: u64 = 5;

/// The worker beats as it starts a task that hangs until released; ten
/// seconds later the supervisor does a round and the health check runs.
/// The check must report the worker stuck.
fn run<B: Backend>(supervisor_round: fn(&mut Health)) {
    let health = Arc::<B, _>::new(Mutex::<B, Health>::new(Health::default()));
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    let worker = {
        let (health, started, release) = (health.clone(), started.clone(), release.clone());
        thread::spawn::<B, _, _>("worker".into(), move || {
            {
                let mut h = health.lock();
                h.worker_alive = true;
                h.beat = h.now; // the worker's own beat: it took a task
            }
            started.set();
            release.wait(); // the task hangs
            health.lock().worker_alive = false;
        })
        .unwrap()
    };
    started.wait();
    health.lock().now += 10;
    let supervisor = {
        let health = health.clone();
        thread::spawn::<B, _, _>("supervisor".into(), move || {
            supervisor_round(&mut health.lock())
        })
        .unwrap()
    };
    supervisor.join().unwrap();
    let stuck = {
        let h = health.lock();
        h.now - h.beat > BOUND
    };
    release.set();
    worker.join().unwrap();
    assert!(stuck, "a worker blocked for 10 s was not reported stuck");
}
// ANCHOR_END: setup

// ANCHOR: broken
/// The supervisor beats for every live worker.
pub fn broken<B: Backend>() {
    run::<B>(|h| {
        if h.worker_alive {
            h.beat = h.now;
        }
    });
}
// ANCHOR_END: broken

// ANCHOR: fixed
/// The supervisor only reads: heartbeats are the workers' own.
pub fn fixed<B: Backend>() {
    run::<B>(|h| {
        let _ = h.now - h.beat; // it looks, and leaves the beat alone
    });
}
// ANCHOR_END: fixed
