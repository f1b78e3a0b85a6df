//! The partitioned pool under test and its sequential model, for
//! `partitioned_model.rs`: the harness applies each operation to both and
//! compares them, lane by lane.

use crate::{HANG, KEYS, MAX_WORKERS, Op};
use executor::routing::worker_for;
use executor::sync::Std;
use executor::{Executor, Metrics, PartitionedPool, RejectReason, ResizeError};
use executor::{TaskError, TaskHandle, TaskId};
use proptest::prelude::*;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;

fn message(n: u64) -> String {
    format!("deliberate panic in task {n}")
}

/// What the tasks share with the test: the gate they wait at (open or
/// not), and the log of `(key, offer number)` they append to as they start.
#[derive(Default)]
struct Board(Mutex<(bool, Vec<(usize, u64)>)>, Condvar);

impl Board {
    fn set_open(&self, open: bool) {
        self.0.lock().unwrap().0 = open;
        self.1.notify_all();
    }

    /// A task starts: logs itself, then waits at the gate.
    fn start(&self, key: usize, n: u64) {
        let mut board = self.0.lock().unwrap();
        board.1.push((key, n));
        self.1.notify_all();
        drop(self.1.wait_while(board, |(open, _)| !*open));
    }

    /// The log, once it has at least `len` entries (or after `HANG`).
    fn log(&self, len: usize) -> Vec<(usize, u64)> {
        let board = self.0.lock().unwrap();
        let waited = self.1.wait_timeout_while(board, HANG, |b| b.1.len() < len);
        waited.unwrap().0.1.clone()
    }
}

/// An accepted task (its id is its index: ids count accepted tasks).
struct Tracked {
    /// The offer number: counts every submission, so it orders them.
    n: u64,
    key: usize,
    panics: bool,
    cancelled: bool,
    handle: Option<TaskHandle<Std, u64>>,
}

/// One lane of the model.
#[derive(Default, Clone)]
struct Lane {
    /// The task its worker holds at the gate (an index into `tasks`).
    running: Option<usize>,
    queue: VecDeque<usize>,
    accepted: u64,
    finished: u64,
}

pub struct Harness {
    pool: Arc<PartitionedPool<Std>>,
    capacity: usize,
    board: Arc<Board>,
    tasks: Vec<Tracked>,
    m: Model,
}

/// The sequential model.
#[derive(Default)]
struct Model {
    offers: u64,
    /// Tasks that started (log entries) so far.
    started: usize,
    closed: bool,
    terminated: bool,
    active: usize,
    lanes: Vec<Lane>,
    expected: Metrics,
}

impl Drop for Harness {
    /// On a failed case, let held tasks go so the pool's drop can finish.
    fn drop(&mut self) {
        self.board.set_open(true);
    }
}

impl Harness {
    pub fn new(workers: usize, capacity: usize) -> Self {
        let pool = Executor::builder()
            .workers(workers)
            .max_workers(MAX_WORKERS)
            .capacity(capacity)
            .name_prefix("pmodel-w")
            .build_partitioned()
            .expect("build pool");
        let lanes = vec![Lane::default(); MAX_WORKERS];
        let (board, tasks) = (Arc::default(), Vec::new());
        let m = Model {
            active: workers,
            lanes,
            ..Model::default()
        };
        Self {
            pool: Arc::new(pool),
            capacity,
            board,
            tasks,
            m,
        }
    }

    /// The model's lane for `key`: where its tasks are, else its hash's.
    fn lane_of(&self, key: usize) -> usize {
        let holds = |lane: &Lane| {
            let mut held = lane.running.iter().chain(&lane.queue);
            held.any(|&i| self.tasks[i].key == key)
        };
        let pinned = self.m.lanes.iter().position(holds);
        pinned.unwrap_or_else(|| worker_for(KEYS[key], self.m.active))
    }

    pub fn apply(&mut self, op: Op) -> Result<(), TestCaseError> {
        match op {
            Op::Submit(key, panics) => self.offer(key, panics, true),
            Op::TrySubmit(key, panics) => self.offer(key, panics, false),
            Op::Release => self.drain(false),
            Op::Resize(workers) => {
                let result = self.pool.resize(workers);
                if self.m.closed {
                    let refused = matches!(result, Err(ResizeError::ShuttingDown));
                    prop_assert!(refused, "{:?}", result);
                } else {
                    prop_assert!(result.is_ok(), "{:?}", result);
                    self.m.active = workers;
                }
                Ok(())
            }
            Op::ShutdownNow => self.shutdown_now(),
            Op::Shutdown => self.shutdown(),
        }
    }

    /// Compares the pool with the model.
    pub fn check(&self) -> Result<(), TestCaseError> {
        let pm = self.pool.partition_metrics();
        prop_assert!(pm.total.is_consistent(), "{:?}", pm.total);
        prop_assert_eq!(pm.total, self.m.expected);
        prop_assert_eq!(pm.lanes.len(), MAX_WORKERS);
        for (i, (got, want)) in pm.lanes.iter().zip(&self.m.lanes).enumerate() {
            // (depth, accepted, finished, active)
            let counts = (got.depth, got.accepted, got.finished, got.active);
            let depth = want.queue.len() as u64;
            let model = (depth, want.accepted, want.finished, i < self.m.active);
            prop_assert_eq!(counts, model, "lane {}", i);
            // Idle retired lanes' workers leave when they get to it: only
            // lanes that must be served are checked.
            let busy = want.running.is_some() || !want.queue.is_empty();
            let must = (busy && !self.m.terminated) || (!self.m.closed && i < self.m.active);
            prop_assert!(!must || got.served, "lane {} unserved", i);
        }
        let deep = (0..MAX_WORKERS).filter(|&i| !self.m.lanes[i].queue.is_empty());
        prop_assert_eq!(pm.hot_lanes(0), deep.collect::<Vec<_>>());
        prop_assert_eq!(self.pool.active_workers(), self.m.active);
        prop_assert_eq!(self.pool.is_shutdown(), self.m.closed);
        for (key, name) in KEYS.iter().enumerate() {
            prop_assert_eq!(self.pool.worker_for(name), self.lane_of(key), "{}", name);
        }
        let log = self.board.log(0);
        prop_assert_eq!(log.len(), self.m.started, "tasks started: {:?}", log);
        Ok(())
    }

    fn offer(&mut self, key: usize, panics: bool, blocking: bool) -> Result<(), TestCaseError> {
        let lane = self.lane_of(key);
        if blocking && !self.m.closed && self.m.lanes[lane].queue.len() == self.capacity {
            self.drain(false)?; // a blocking submit would wait forever
        }
        let lane = self.lane_of(key);
        let full = self.m.lanes[lane].queue.len() == self.capacity;
        let n = self.m.offers;
        self.m.offers += 1;
        let board = self.board.clone();
        let task = move || {
            board.start(key, n);
            if panics {
                panic!("{}", message(n));
            }
            n
        };
        let result = if blocking {
            self.pool.submit(KEYS[key], task)
        } else {
            self.pool.try_submit(KEYS[key], task)
        };
        self.m.expected.submitted += 1;
        let refusal = match () {
            () if self.m.closed => Some(RejectReason::ShuttingDown),
            () if full => Some(RejectReason::Full),
            () => None,
        };
        let result = result.map_err(|rejected| rejected.reason);
        let what = format!("offer {n} of {} to lane {lane}", KEYS[key]);
        let handle = match (result, refusal) {
            (Ok(handle), None) => handle,
            (Err(reason), Some(want)) if reason == want => {
                self.m.expected.rejected += 1;
                return Ok(());
            }
            (got, want) => {
                let got = got.map(|handle| handle.id());
                let msg = format!("{what}: got {got:?}, the model says {want:?}");
                return Err(TestCaseError::fail(msg));
            }
        };
        let index = self.tasks.len();
        prop_assert_eq!(handle.id(), TaskId(index as u64));
        self.m.expected.accepted += 1;
        self.m.lanes[lane].accepted += 1;
        // Misrouted? Fail now rather than wait for a start.
        let lanes = self.pool.partition_metrics().lanes;
        let accepted = lanes.iter().map(|l| l.accepted);
        let misrouted = !accepted.eq(self.m.lanes.iter().map(|l| l.accepted));
        prop_assert!(!misrouted, "{}: counted on another lane", what);
        let (handle, cancelled) = (Some(handle), false);
        self.tasks.push(Tracked {
            n,
            key,
            panics,
            cancelled,
            handle,
        });
        if self.m.lanes[lane].running.is_none() {
            // The lane's idle worker takes it at once and holds it.
            let log = self.board.log(self.m.started + 1);
            prop_assert_eq!(log.get(self.m.started), Some(&(key, n)), "{} starts", what);
            self.m.started += 1;
            self.m.lanes[lane].running = Some(index);
            self.m.expected.running += 1;
        } else {
            self.m.lanes[lane].queue.push_back(index);
            self.m.expected.queued += 1;
        }
        Ok(())
    }

    /// Joins the handle of `tasks[index]`, which must have run.
    fn settle_ran(&mut self, index: usize, resolved: bool) -> Result<(), TestCaseError> {
        let task = &mut self.tasks[index];
        let handle = task.handle.take().expect("settled once");
        let id = TaskId(index as u64);
        prop_assert!(!resolved || handle.is_finished(), "{} resolved", id);
        if task.panics {
            let message = message(task.n);
            prop_assert_eq!(handle.join(), Err(TaskError::Panicked { id, message }));
            self.m.expected.failed += 1;
        } else {
            prop_assert_eq!(handle.join(), Ok(task.n));
            self.m.expected.completed += 1;
        }
        Ok(())
    }

    /// Lets every held task run (for `shutdown`: checks that their handles
    /// are already resolved): first every queued task must start, each lane
    /// in queue order (a bounded wait, so a stranded task fails the case
    /// instead of hanging a join), then every handle resolves.
    fn drain(&mut self, resolved: bool) -> Result<(), TestCaseError> {
        if self.m.terminated {
            return Ok(()); // nothing is held; the gate stays open
        }
        self.board.set_open(true);
        let ns = |queue: &VecDeque<usize>| queue.iter().map(|&i| self.tasks[i].n).collect();
        let orders: Vec<Vec<u64>> = self.m.lanes.iter().map(|l| ns(&l.queue)).collect();
        let total = self.m.started + orders.iter().map(Vec::len).sum::<usize>();
        let log = self.board.log(total);
        let starts: Vec<u64> = log[self.m.started..].iter().map(|e| e.1).collect();
        prop_assert_eq!(log.len(), total, "held tasks started: {:?}", &starts);
        self.m.started = total;
        for want in orders {
            let got = starts.iter().copied().filter(|n| want.contains(n));
            prop_assert_eq!(got.collect::<Vec<_>>(), want, "lane order in {:?}", &starts);
        }
        let mut held = Vec::new();
        for lane in &mut self.m.lanes {
            let running = lane.running.take();
            self.m.expected.running -= running.iter().len() as u64;
            self.m.expected.queued -= lane.queue.len() as u64;
            let before = held.len();
            held.extend(running.into_iter().chain(lane.queue.drain(..)));
            lane.finished += (held.len() - before) as u64;
        }
        for index in held {
            self.settle_ran(index, resolved)?;
        }
        if !resolved {
            self.board.set_open(false); // shutdown leaves it open for good
        }
        Ok(())
    }

    fn shutdown_now(&mut self) -> Result<(), TestCaseError> {
        let unstarted = self.pool.shutdown_now();
        self.m.closed = true;
        let ids: Vec<u64> = unstarted.iter().map(|u| u.id().0).collect();
        let queued = self
            .m
            .lanes
            .iter_mut()
            .flat_map(|lane| lane.queue.drain(..));
        let queued: Vec<usize> = queued.collect();
        let want: Vec<u64> = queued.iter().map(|&i| i as u64).collect();
        prop_assert_eq!(ids, want, "shutdown_now returns the queues, lane by lane");
        drop(unstarted);
        for index in queued {
            self.m.expected.queued -= 1;
            self.m.expected.cancelled += 1;
            let task = &mut self.tasks[index];
            task.cancelled = true;
            let (handle, id) = (task.handle.take().expect("once"), TaskId(index as u64));
            prop_assert!(handle.is_finished(), "{} resolved by shutdown_now", id);
            prop_assert_eq!(handle.join(), Err(TaskError::Cancelled(id)));
        }
        Ok(())
    }

    fn shutdown(&mut self) -> Result<(), TestCaseError> {
        self.m.closed = true;
        self.board.set_open(true);
        // On a helper thread, so that a hang fails the case.
        let (tx, rx) = mpsc::channel();
        let pool = self.pool.clone();
        thread::spawn(move || drop(tx.send(pool.shutdown())));
        prop_assert_eq!(rx.recv_timeout(HANG), Ok(Ok(())), "shutdown() returns");
        prop_assert!(self.pool.is_terminated(), "terminated once shut down");
        self.drain(true)?;
        self.m.terminated = true;
        Ok(())
    }

    /// Shuts down; then every handle is settled, and per key the tasks ran
    /// in submission order (their own log against the model's list).
    pub fn finish(&mut self) -> Result<(), TestCaseError> {
        self.shutdown()?;
        self.check()?;
        prop_assert!(self.tasks.iter().all(|t| t.handle.is_none()), "unsettled");
        prop_assert_eq!(self.pool.workers(), 0);
        let log = self.board.log(0);
        for (key, name) in KEYS.iter().enumerate() {
            let ran = log.iter().filter(|e| e.0 == key).map(|e| e.1);
            let want = self.tasks.iter().filter(|t| t.key == key && !t.cancelled);
            let want: Vec<u64> = want.map(|t| t.n).collect();
            prop_assert_eq!(ran.collect::<Vec<_>>(), want, "run order of {}", name);
        }
        let ran = self.m.expected.completed + self.m.expected.failed;
        prop_assert_eq!(log.len() as u64, ran);
        Ok(())
    }
}
