//! State-machine test: the executor against a sequential model.
//!
//! proptest generates a queue capacity (1 to 3) and a sequence of operations
//! (blocking `submit`, `try_submit`, `Release`, `shutdown_now`, `shutdown`)
//! and runs them against a one-worker pool whose tasks wait at a gate that
//! only the test opens. With the worker held at the gate, the pool's state
//! is deterministic, so a sequential model predicts it exactly, and after
//! every operation the test compares the two. The guarantees guarded:
//!
//! - **Exact accounting**: after every operation, `metrics()` equals the
//!   model's counts (submitted, accepted, rejected, completed, failed,
//!   cancelled, queued, running) and is consistent.
//! - **Admission**: a submission is accepted, refused `Full` or refused
//!   `ShuttingDown` exactly when the model says; task ids count the accepted
//!   tasks from 0; the worker starts tasks one at a time in FIFO order.
//! - **Bounded queue**: the queue holds at most `capacity` waiting tasks.
//! - **`shutdown_now`**: returns exactly the queued tasks, in queue order,
//!   with their handles already resolved `Cancelled`; the running task is
//!   not disturbed and a second call returns nothing.
//! - **`shutdown`**: runs every accepted task before it returns; afterwards
//!   the pool is terminated and every handle is already resolved.
//! - **Handles**: each resolves to the task's value, `Panicked` with the
//!   task's message, or `Cancelled`, as the model predicts.
//!
//! How the test waits (never by sleeping): a task sends its number on a
//! channel as it starts, which happens after the worker has accounted it as
//! running; a handle resolves only after the worker has accounted the
//! task's end, so joining it waits for the accounting too. A blocking
//! `submit` on a full queue would wait forever while the worker is held, so
//! the test releases the held tasks first. The timeouts (on the start
//! channel, and on `shutdown()`, which runs on a helper thread) only turn a
//! hang into a failure; nothing relies on them firing.

// This test drives the pool from outside with std primitives; it is not
// code the model checkers run (see `clippy.toml`).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::*;

use executor::sync::Std;
use executor::{Executor, Metrics, RejectReason, Rejected, TaskError, TaskHandle, TaskId};
use proptest::prelude::*;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;
use std::time::Duration;

/// How long a task may take to start, or `shutdown()` to return, before the
/// test calls it a hang.
const HANG: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
enum Op {
    /// Blocking `submit` (the default `Block` policy).
    Submit {
        panics: bool,
    },
    /// `try_submit`.
    TrySubmit {
        panics: bool,
    },
    /// Open the gate until every held task has finished, then close it.
    Release,
    ShutdownNow,
    /// Open the gate for good, then `shutdown()`.
    Shutdown,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => prop::bool::weighted(0.25).prop_map(|panics| Op::Submit { panics }),
        8 => prop::bool::weighted(0.25).prop_map(|panics| Op::TrySubmit { panics }),
        3 => Just(Op::Release),
        1 => Just(Op::ShutdownNow),
        1 => Just(Op::Shutdown),
    ]
}

/// Where tasks wait until the test lets them through.
struct Gate {
    open: Mutex<bool>,
    changed: Condvar,
}

impl Gate {
    fn new() -> Self {
        Self {
            open: Mutex::new(false),
            changed: Condvar::new(),
        }
    }

    fn set(&self, open: bool) {
        *self.open.lock().unwrap() = open;
        self.changed.notify_all();
    }

    fn pass(&self) {
        let open = self.open.lock().unwrap();
        drop(self.changed.wait_while(open, |open| !*open).unwrap());
    }
}

/// The value task `n` returns.
fn value(n: u64) -> u64 {
    n * 3 + 1
}

fn message(n: u64) -> String {
    format!("deliberate panic in task {n}")
}

/// An accepted task, as the model tracks it.
struct Tracked {
    /// The offer number (counts every submission, accepted or not).
    n: u64,
    /// The id the pool must have given it.
    id: TaskId,
    panics: bool,
    /// Taken when the model says the task is settled and the test joins it.
    handle: Option<TaskHandle<Std, u64>>,
}

/// The pool under test and its sequential model.
struct Harness {
    /// Shared with the thread that runs `shutdown()` under a watchdog.
    pool: Arc<Executor>,
    capacity: usize,
    gate: Arc<Gate>,
    started_tx: mpsc::Sender<u64>,
    started: mpsc::Receiver<u64>,
    tasks: Vec<Tracked>,
    offers: u64,
    // The model.
    /// No task is accepted any more.
    closed: bool,
    /// `shutdown()` has returned: the worker is gone, the gate stays open.
    terminated: bool,
    /// The task the worker holds (at the gate), as an index into `tasks`.
    running: Option<usize>,
    /// Waiting tasks, in FIFO order.
    queue: VecDeque<usize>,
    expected: Metrics,
}

impl Drop for Harness {
    /// On a failed case, let any held task go so the pool's drop can join
    /// its worker instead of hanging.
    fn drop(&mut self) {
        self.gate.set(true);
    }
}

impl Harness {
    fn new(capacity: usize) -> Self {
        let pool = Executor::builder()
            .workers(1)
            .capacity(capacity)
            .name_prefix("model-w")
            .build()
            .expect("build pool");
        let (started_tx, started) = mpsc::channel();
        Self {
            pool: Arc::new(pool),
            capacity,
            gate: Arc::new(Gate::new()),
            started_tx,
            started,
            tasks: Vec::new(),
            offers: 0,
            closed: false,
            terminated: false,
            running: None,
            queue: VecDeque::new(),
            expected: Metrics::default(),
        }
    }

    fn task(&self, n: u64, panics: bool) -> impl FnOnce() -> u64 + Send + 'static {
        let gate = self.gate.clone();
        let started = self.started_tx.clone();
        move || {
            // The test may have given up (a failed case): ignore that.
            let _ = started.send(n);
            gate.pass();
            if panics {
                panic!("{}", message(n));
            }
            value(n)
        }
    }

    fn apply(&mut self, op: &Op) -> Result<(), TestCaseError> {
        match *op {
            Op::Submit { panics } => self.offer(panics, true),
            Op::TrySubmit { panics } => self.offer(panics, false),
            Op::Release => self.release(),
            Op::ShutdownNow => self.shutdown_now(),
            Op::Shutdown => self.shutdown(),
        }
    }

    /// Compares the pool with the model.
    fn check(&self, after: &Op) -> Result<(), TestCaseError> {
        let actual = self.pool.metrics();
        prop_assert!(
            actual.is_consistent(),
            "inconsistent metrics after {:?}: {:?}",
            after,
            actual
        );
        prop_assert_eq!(actual, self.expected, "metrics after {:?}", after);
        prop_assert_eq!(self.pool.is_shutdown(), self.closed, "after {:?}", after);
        prop_assert!(actual.queued as usize <= self.capacity);
        // No task started that the model did not expect to start.
        let stray = self.started.try_recv();
        prop_assert_eq!(stray, Err(mpsc::TryRecvError::Empty), "after {:?}", after);
        Ok(())
    }

    /// Waits for task `n` to be the next one to start.
    fn expect_start(&self, n: u64) -> Result<(), TestCaseError> {
        let got = self.started.recv_timeout(HANG);
        prop_assert_eq!(got, Ok(n), "the next task to start");
        Ok(())
    }

    /// Joins the handle of `tasks[index]`, which must have run, and checks
    /// its outcome; accounts the end of the run in the model.
    fn settle_ran(&mut self, index: usize) -> Result<(), TestCaseError> {
        let task = &mut self.tasks[index];
        let handle = task.handle.take().expect("settled once");
        prop_assert_eq!(handle.id(), task.id);
        let outcome = handle.join();
        if task.panics {
            let want = Err(TaskError::Panicked {
                id: task.id,
                message: message(task.n),
            });
            prop_assert_eq!(outcome, want);
            self.expected.failed += 1;
        } else {
            prop_assert_eq!(outcome, Ok(value(task.n)));
            self.expected.completed += 1;
        }
        Ok(())
    }

    /// As [`Self::settle_ran`], for a handle that must already be resolved.
    fn settle_resolved(&mut self, index: usize) -> Result<(), TestCaseError> {
        let resolved = self.tasks[index]
            .handle
            .as_ref()
            .map(TaskHandle::is_finished);
        prop_assert_eq!(resolved, Some(true), "resolved when shutdown returns");
        self.settle_ran(index)
    }

    fn offer(&mut self, panics: bool, blocking: bool) -> Result<(), TestCaseError> {
        let full = self.queue.len() == self.capacity;
        if blocking && !self.closed && full {
            // A blocking submit would wait forever for the held worker.
            self.release()?;
        }
        let full = self.queue.len() == self.capacity;
        let n = self.offers;
        self.offers += 1;
        let task = self.task(n, panics);
        let result = if blocking {
            self.pool.submit(task)
        } else {
            self.pool.try_submit(task)
        };
        self.expected.submitted += 1;
        let refusal = if self.closed {
            Some(RejectReason::ShuttingDown)
        } else if full {
            Some(RejectReason::Full)
        } else {
            None
        };
        match (result, refusal) {
            (Ok(handle), None) => {
                let id = TaskId(self.expected.accepted);
                prop_assert_eq!(handle.id(), id);
                self.expected.accepted += 1;
                let index = self.tasks.len();
                self.tasks.push(Tracked {
                    n,
                    id,
                    panics,
                    handle: Some(handle),
                });
                if self.running.is_none() {
                    // The idle worker takes it at once, and holds it at the gate.
                    self.expect_start(n)?;
                    self.running = Some(index);
                    self.expected.running += 1;
                } else {
                    self.queue.push_back(index);
                    self.expected.queued += 1;
                }
            }
            (Err(Rejected { reason, .. }), Some(want)) => {
                prop_assert_eq!(reason, want, "offer {}", n);
                self.expected.rejected += 1;
            }
            (Ok(handle), Some(want)) => {
                return Err(TestCaseError::fail(format!(
                    "offer {n} accepted as {}, the model expected {want:?}",
                    handle.id()
                )));
            }
            (Err(Rejected { reason, .. }), None) => {
                return Err(TestCaseError::fail(format!(
                    "offer {n} refused {reason:?}, the model expected it accepted"
                )));
            }
        }
        Ok(())
    }

    /// Lets every held task (running, then queued in order) finish.
    fn release(&mut self) -> Result<(), TestCaseError> {
        if self.terminated {
            return Ok(()); // nothing is held; the gate stays open
        }
        self.gate.set(true);
        if let Some(index) = self.running.take() {
            self.expected.running -= 1;
            self.settle_ran(index)?;
        }
        while let Some(index) = self.queue.pop_front() {
            self.expect_start(self.tasks[index].n)?;
            self.expected.queued -= 1;
            self.settle_ran(index)?;
        }
        // Every task has finished (its handle resolved after it was
        // accounted), so the worker is idle (or gone, if closed).
        self.gate.set(false);
        Ok(())
    }

    fn shutdown_now(&mut self) -> Result<(), TestCaseError> {
        let unstarted = self.pool.shutdown_now();
        let ids: Vec<TaskId> = unstarted.iter().map(|u| u.id()).collect();
        let want: Vec<TaskId> = self.queue.iter().map(|&i| self.tasks[i].id).collect();
        prop_assert_eq!(ids, want, "shutdown_now returns the queued tasks in order");
        self.closed = true;
        // The handles are resolved by the time shutdown_now returns, while
        // the unstarted tasks are still alive (not by dropping them).
        for &index in &self.queue {
            let task = &self.tasks[index];
            let resolved = task.handle.as_ref().map(TaskHandle::is_finished);
            prop_assert_eq!(resolved, Some(true), "{} resolved by shutdown_now", task.id);
        }
        drop(unstarted);
        while let Some(index) = self.queue.pop_front() {
            self.expected.queued -= 1;
            self.expected.cancelled += 1;
            let task = &mut self.tasks[index];
            let handle = task.handle.take().expect("settled once");
            prop_assert_eq!(handle.join(), Err(TaskError::Cancelled(task.id)));
        }
        Ok(())
    }

    fn shutdown(&mut self) -> Result<(), TestCaseError> {
        // Open for good: shutdown waits for every accepted task to run.
        self.gate.set(true);
        // On its own thread, so that a shutdown that never returns (a worker
        // never told to stop) fails the case instead of hanging the test.
        let (tx, rx) = mpsc::channel();
        let pool = self.pool.clone();
        thread::Builder::new()
            .name("model-shutdown".to_owned())
            .spawn(move || {
                let _ = tx.send(pool.shutdown());
            })
            .expect("spawn shutdown thread");
        let returned = rx.recv_timeout(HANG);
        prop_assert_eq!(returned, Ok(Ok(())), "shutdown() returns within {:?}", HANG);
        prop_assert!(
            self.pool.is_terminated(),
            "terminated when shutdown returns"
        );
        self.closed = true;
        self.terminated = true;
        // Every held task ran before shutdown returned: its start message
        // is already here and its handle already resolved.
        if let Some(index) = self.running.take() {
            self.expected.running -= 1;
            self.settle_resolved(index)?;
        }
        while let Some(index) = self.queue.pop_front() {
            let started = self.started.try_recv();
            prop_assert_eq!(
                started,
                Ok(self.tasks[index].n),
                "ran before shutdown returned"
            );
            self.expected.queued -= 1;
            self.settle_resolved(index)?;
        }
        Ok(())
    }

    /// Ends the run: shut down, then every handle must have been settled
    /// exactly as the model said, and the totals must match.
    fn finish(&mut self) -> Result<(), TestCaseError> {
        self.shutdown()?;
        self.check(&Op::Shutdown)?;
        for task in &self.tasks {
            prop_assert!(task.handle.is_none(), "task {} never settled", task.id);
        }
        let m = self.pool.metrics();
        prop_assert_eq!(m.submitted, self.offers);
        prop_assert_eq!(m.accepted, self.tasks.len() as u64);
        prop_assert_eq!(
            (m.queued, m.running, m.discarded, m.caller_ran),
            (0, 0, 0, 0)
        );
        Ok(())
    }
}

fn run(capacity: usize, ops: &[Op]) -> Result<(), TestCaseError> {
    silence_deliberate_panics();
    let mut harness = Harness::new(capacity);
    for op in ops {
        harness.apply(op)?;
        harness.check(op)?;
    }
    harness.finish()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        // A hanging pool costs `HANG` per shrinking step: bound the shrinking.
        max_shrink_time: 60_000,
        ..ProptestConfig::default()
    })]

    /// Every operation sequence leaves the pool exactly where the sequential
    /// model says, and every handle resolves as the model predicts.
    #[test]
    fn pool_matches_sequential_model(
        capacity in 1usize..=3,
        ops in prop::collection::vec(op(), 1..48),
    ) {
        run(capacity, &ops)?;
    }
}

/// A fixed sequence through every branch of the model, so the interesting
/// paths run even if proptest's draws miss them.
#[test]
fn fixed_sequence_covers_every_branch() {
    use Op::*;
    let ops = [
        Submit { panics: false },    // runs at once, held at the gate
        TrySubmit { panics: true },  // queued
        TrySubmit { panics: false }, // refused Full (capacity 1)
        Submit { panics: false },    // full: released first, then runs
        Release,
        Submit { panics: true },
        TrySubmit { panics: false }, // queued
        ShutdownNow,                 // cancels the queued one
        TrySubmit { panics: false }, // refused ShuttingDown
        Submit { panics: false },    // refused ShuttingDown, without blocking
        ShutdownNow,                 // nothing left to cancel
        Release,
        Shutdown,
        Shutdown,
    ];
    run(1, &ops).unwrap();
}
