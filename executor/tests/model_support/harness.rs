//! The pool under test and its sequential model, for `model.rs`: the
//! harness applies each operation to both and compares them.

use crate::common::gate::Gate;
use crate::{HANG, Op};
use executor::sync::Std;
use executor::{Executor, Metrics, RejectReason, Rejected, TaskError, TaskHandle, TaskId};
use proptest::prelude::*;
use std::collections::VecDeque;
use std::sync::{Arc, mpsc};
use std::thread;

#[path = "blocked.rs"]
mod blocked;
use blocked::Blocked;

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
pub struct Harness {
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
    /// A submitter blocked on the full queue, on its own thread.
    blocked: Option<Blocked>,
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
    pub fn new(capacity: usize) -> Self {
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
            blocked: None,
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

    pub fn apply(&mut self, op: &Op) -> Result<(), TestCaseError> {
        match *op {
            Op::Submit { panics } => self.offer(panics, true),
            Op::SubmitBlocked { panics } => self.block(panics),
            Op::TrySubmit { panics } => self.offer(panics, false),
            Op::Release => self.release(),
            Op::ShutdownNow => self.shutdown_now(),
            Op::Shutdown => self.shutdown(),
        }
    }

    // ANCHOR: compare
    /// Compares the pool with the model.
    pub fn check(&self, after: &Op) -> Result<(), TestCaseError> {
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
    // ANCHOR_END: compare

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
            // The worker took a task: a slot is free for the blocked one.
            self.admit_blocked()?;
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
        // Closing wakes a blocked submitter, which sees the pool closed.
        self.refuse_blocked()?;
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
        if self.blocked.is_some() {
            // Whether it is admitted or refused would be a race between the
            // worker freeing a slot and the close: settle it first.
            self.release()?;
        }
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
    pub fn finish(&mut self) -> Result<(), TestCaseError> {
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
