//! # Interview drill: failures past detection, reference solution
//!
//! The dying worker supervises itself. It learns of its death first (the
//! task said `Fatal`), so it reports it, under the pool's one lock, before
//! its thread ends: no supervisor thread polls, no timeout is needed, and
//! the death, the fate of the task it held, and its replacement are one
//! step that no other thread can see half done. That step, in order:
//! - the held task is in the dying worker's hands, so it cannot be lost:
//!   back to the front of the queue while attempts remain (at-least-once),
//!   else to the dead letters with its attempt count. It cannot run twice
//!   at once either: its run ended before it was requeued.
//! - a replacement is started, and counted, in the same critical section
//!   that checked the cap, so two workers dying at once cannot both pass
//!   a check that only one of them may pass. Its handle joins the pool's
//!   list before the dying worker exits.
//! - past the cap the pool fails: closed to submissions, every queued
//!   task dead-lettered (attempts so far), idle workers woken to leave.
//!
//! Shutdown joins in rounds until a round finds no handle: a worker that
//! dies while shutdown joins pushes its replacement's handle before it
//! exits, so the next round finds it.
//!
//! ## In Python 3.8
//! ```python
//! import collections
//! import threading
//!
//! class Supervisor:
//!     def __init__(self, workers, max_attempts, max_restarts):
//!         self._lock = threading.Lock()
//!         self._work = threading.Condition(self._lock)
//!         self._queue = collections.deque()   # [id, attempts, task]
//!         self._closed = False
//!         self._max_attempts, self._max_restarts = max_attempts, max_restarts
//!         self._report = dict(completed=[], dead_letters=[], restarts=0, failed=False)
//!         self._threads = []
//!         with self._lock:
//!             for slot in range(workers):
//!                 self._start(slot)
//!
//!     def _start(self, slot):                  # with the lock held
//!         t = threading.Thread(target=self._worker, args=(slot,), name="worker-%d" % slot)
//!         self._threads.append(t)
//!         t.start()
//!
//!     def submit(self, id, task):
//!         with self._lock:
//!             if self._closed:
//!                 return False                  # the caller keeps the task
//!             self._queue.append([id, 0, task])
//!             self._work.notify()
//!             return True
//!
//!     def _worker(self, slot):
//!         while True:
//!             with self._lock:
//!                 while not self._queue and not self._closed:
//!                     self._work.wait()
//!                 if not self._queue:
//!                     return
//!                 job = self._queue.popleft()
//!                 job[1] += 1
//!             if job[2]() == "fatal":
//!                 with self._lock:
//!                     self._died(slot, job)
//!                 return                        # this thread must not be reused
//!             with self._lock:
//!                 self._report["completed"].append(job[0])
//!
//!     def _died(self, slot, job):             # with the lock held
//!         r = self._report
//!         if not r["failed"] and r["restarts"] < self._max_restarts:
//!             r["restarts"] += 1
//!             if job[1] < self._max_attempts:
//!                 self._queue.appendleft(job)
//!             else:
//!                 r["dead_letters"].append((job[0], job[1]))
//!             self._start(slot)
//!             return
//!         r["dead_letters"].append((job[0], job[1]))
//!         r["failed"], self._closed = True, True
//!         while self._queue:
//!             j = self._queue.popleft()
//!             r["dead_letters"].append((j[0], j[1]))
//!         self._work.notify_all()
//!
//!     def shutdown(self):
//!         with self._lock:
//!             self._closed = True
//!             self._work.notify_all()
//!         while True:
//!             with self._lock:
//!                 threads, self._threads = self._threads, []
//!             if not threads:
//!                 return self.report()
//!             for t in threads:
//!                 t.join()
//!
//!     def report(self):
//!         with self._lock:
//!             r = self._report
//!             return dict(r, completed=list(r["completed"]), dead_letters=list(r["dead_letters"]))
//! ```

use exercises::prelude::*;

/// What one run of a task did to the worker that ran it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The task finished; the worker takes the next one.
    Done,
    /// The failure escaped the task: this worker must not be reused.
    Fatal,
}

/// A unit of work. It may run more than once, so it is `FnMut`.
pub type Task = Box<dyn FnMut() -> Outcome + Send + 'static>;

/// What became of the work so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Ids of the tasks that returned `Done`, in the order they did.
    pub completed: Vec<u32>,
    /// `(id, attempts)` of the tasks given up on, in the order they were.
    pub dead_letters: Vec<(u32, u32)>,
    /// Replacement workers started.
    pub restarts: usize,
    /// The restart cap was exceeded: the pool refuses all work.
    pub failed: bool,
}

/// A pool whose dead workers are replaced, up to a cap.
pub struct Supervisor<B: Backend> {
    shared: Arc<B, Shared<B>>,
}

struct Shared<B: Backend> {
    state: Mutex<B, State<B>>,
    work: Condvar<B>,
    max_attempts: u32,
    max_restarts: usize,
}

struct State<B: Backend> {
    queue: VecDeque<Job>,
    closed: bool,
    workers: Vec<JoinHandle<B, ()>>,
    report: Report,
}

struct Job {
    id: u32,
    attempts: u32,
    task: Task,
}

impl<B: Backend> Supervisor<B> {
    /// Starts `workers` workers; a task runs at most `max_attempts` times,
    /// and at most `max_restarts` replacements are started.
    pub fn new(workers: usize, max_attempts: u32, max_restarts: usize) -> Self {
        let shared = Arc::<B, _>::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                closed: false,
                workers: Vec::new(),
                report: Report::default(),
            }),
            work: Condvar::new(),
            max_attempts,
            max_restarts,
        });
        let mut state = shared.state.lock();
        for slot in 0..workers {
            start(&shared, &mut state, slot);
        }
        drop(state);
        Self { shared }
    }

    /// Queues task `id`, or hands it back if the pool is shut down or failed.
    pub fn submit(&self, id: u32, task: Task) -> Result<(), Task> {
        let mut state = self.shared.state.lock();
        if state.closed {
            return Err(task);
        }
        state.queue.push_back(Job {
            id,
            attempts: 0,
            task,
        });
        drop(state);
        self.shared.work.notify_one();
        Ok(())
    }

    /// Stops accepting, lets the workers (replacements too) drain the
    /// queue, joins them all, and returns the final report.
    pub fn shutdown(&self) -> Report {
        self.shared.state.lock().closed = true;
        self.shared.work.notify_all();
        loop {
            let round = std::mem::take(&mut self.shared.state.lock().workers);
            if round.is_empty() {
                return self.report();
            }
            round.into_iter().for_each(join);
        }
    }

    /// A snapshot of what became of the work so far.
    pub fn report(&self) -> Report {
        self.shared.state.lock().report.clone()
    }
}

/// Starts the worker for `slot` and files its handle, with the lock held
/// so that shutdown cannot miss it.
fn start<B: Backend>(shared: &Arc<B, Shared<B>>, state: &mut State<B>, slot: usize) {
    let me = shared.clone();
    let handle = spawn::<B, _>(format!("worker-{slot}"), move || work(&me, slot));
    state.workers.push(handle);
}

/// The worker loop: run tasks until closed and drained, or until a task
/// kills this worker.
fn work<B: Backend>(shared: &Arc<B, Shared<B>>, slot: usize) {
    let mut state = shared.state.lock();
    loop {
        state = shared
            .work
            .wait_while(state, |s| s.queue.is_empty() && !s.closed);
        let Some(mut job) = state.queue.pop_front() else {
            return; // closed, and nothing left to drain
        };
        job.attempts += 1;
        drop(state);
        let outcome = (job.task)();
        state = shared.state.lock();
        if outcome == Outcome::Fatal {
            return died(shared, &mut state, slot, job);
        }
        state.report.completed.push(job.id);
    }
}

/// The dying worker's last act, in one critical section: place the task
/// it held, then start its replacement or, past the cap, fail the pool.
fn died<B: Backend>(shared: &Arc<B, Shared<B>>, state: &mut State<B>, slot: usize, job: Job) {
    if !state.report.failed && state.report.restarts < shared.max_restarts {
        state.report.restarts += 1;
        if job.attempts < shared.max_attempts {
            state.queue.push_front(job); // first in line for the next free worker
        } else {
            state.report.dead_letters.push((job.id, job.attempts));
        }
        return start(shared, state, slot);
    }
    state.report.dead_letters.push((job.id, job.attempts));
    state.report.failed = true;
    state.closed = true;
    while let Some(queued) = state.queue.pop_front() {
        state.report.dead_letters.push((queued.id, queued.attempts));
    }
    shared.work.notify_all(); // idle workers must see `closed` and leave
}
