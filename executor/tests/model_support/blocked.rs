//! The model's blocked submitter: a blocking `submit` into the full queue,
//! made on its own thread, which waits there until a slot frees (the
//! worker takes the next task) or the pool closes (it is refused).

use super::{Harness, Tracked};
use crate::HANG;
use executor::sync::Std;
use executor::{RejectReason, TaskHandle, TaskId};
use proptest::prelude::*;
use std::sync::mpsc;
use std::thread;

/// A submission waiting for a slot, and where its result will arrive.
pub struct Blocked {
    n: u64,
    panics: bool,
    result: mpsc::Receiver<Result<TaskHandle<Std, u64>, RejectReason>>,
}

impl Harness {
    /// A blocking submit into a full queue, left waiting; if the queue is
    /// not full (or the pool is closed, or one already waits), a plain
    /// blocking submit instead.
    pub(super) fn block(&mut self, panics: bool) -> Result<(), TestCaseError> {
        let full = self.queue.len() == self.capacity;
        if self.closed || !full || self.blocked.is_some() {
            return self.offer(panics, true);
        }
        let n = self.offers;
        self.offers += 1;
        let task = self.task(n, panics);
        let (tx, result) = mpsc::channel();
        let pool = self.pool.clone();
        thread::Builder::new()
            .name("model-blocked".to_owned())
            .spawn(move || {
                let _ = tx.send(pool.submit(task).map_err(|refused| refused.reason));
            })
            .expect("spawn the blocked submitter");
        // Wait until the pool counts it as waiting: observable state, and
        // the watchdog only turns a hang into a failure.
        let since = std::time::Instant::now();
        while self.pool.metrics().waiting == 0 {
            prop_assert!(since.elapsed() < HANG, "offer {} never blocked", n);
            thread::yield_now();
        }
        self.expected.submitted += 1;
        self.expected.waiting += 1;
        self.blocked = Some(Blocked { n, panics, result });
        Ok(())
    }

    /// A slot was freed: the blocked submitter's task is accepted, behind
    /// the queued ones.
    pub(super) fn admit_blocked(&mut self) -> Result<(), TestCaseError> {
        let Some(Blocked { n, panics, result }) = self.blocked.take() else {
            return Ok(());
        };
        let got = result.recv_timeout(HANG);
        let handle = match got {
            Ok(Ok(handle)) => handle,
            other => {
                return Err(TestCaseError::fail(format!(
                    "blocked offer {n} should be admitted into the freed slot: {:?}",
                    other.map(|r| r.map(|h| h.id()))
                )));
            }
        };
        let id = TaskId(self.expected.accepted);
        prop_assert_eq!(handle.id(), id);
        self.expected.waiting -= 1;
        self.expected.accepted += 1;
        self.expected.queued += 1;
        self.queue.push_back(self.tasks.len());
        self.tasks.push(Tracked {
            n,
            id,
            panics,
            handle: Some(handle),
        });
        Ok(())
    }

    /// The pool closed: the blocked submitter is refused.
    pub(super) fn refuse_blocked(&mut self) -> Result<(), TestCaseError> {
        let Some(Blocked { n, result, .. }) = self.blocked.take() else {
            return Ok(());
        };
        let got = result.recv_timeout(HANG).map(|r| r.map(|h| h.id()));
        prop_assert_eq!(
            got,
            Ok(Err(RejectReason::ShuttingDown)),
            "blocked offer {} when the pool closed",
            n
        );
        self.expected.waiting -= 1;
        self.expected.rejected += 1;
        Ok(())
    }
}
