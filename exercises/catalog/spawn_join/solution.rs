//! # Spawn and join: reference solution
//!
//! `Fanout` keeps every `JoinHandle` in spawn order, and `join_all` joins
//! each of them in that order. `join` hands back the thread's return value
//! and guarantees that everything the thread did happens before `join`
//! returns, so no shared result slot, lock or atomic is needed: the result
//! travels through the handle. Joining in spawn order also keeps the
//! results in spawn order, whatever order the threads finish in. A panic in
//! a job is re-raised by `join` in the caller instead of vanishing.
//!
//! ## In Python 3.8
//! ```python
//! import threading
//!
//! class Fanout:
//!     def __init__(self):
//!         self._threads = []
//!         self._results = []
//!
//!     def spawn(self, name, job):
//!         index = len(self._results)
//!         self._results.append(None)
//!
//!         def run():
//!             # Each thread writes only its own slot. A Thread has no
//!             # return value, and an exception here is only printed.
//!             self._results[index] = job()
//!
//!         thread = threading.Thread(target=run, name=name)
//!         thread.start()
//!         self._threads.append(thread)
//!
//!     def join_all(self):
//!         for thread in self._threads:   # every one, not just the first
//!             thread.join()
//!         return list(self._results)
//!
//! def parallel_sum(chunks):
//!     fan = Fanout()
//!     for i, chunk in enumerate(chunks):
//!         fan.spawn("summer-%d" % i, lambda chunk=chunk: sum(chunk))
//!     return sum(fan.join_all())
//! ```
//! (`concurrent.futures.ThreadPoolExecutor` with `submit` and
//! `future.result()` does the same with a pool; leaving its `with` block
//! joins the workers.)

use exercises::prelude::*;

/// Jobs started on their own threads, joined together.
pub struct Fanout<B: Backend, T: Send + 'static> {
    handles: Vec<JoinHandle<B, T>>,
}

impl<B: Backend, T: Send + 'static> Fanout<B, T> {
    /// No jobs yet.
    pub fn new() -> Self {
        Self {
            handles: Vec::new(),
        }
    }

    /// Starts `job` on a new thread called `name`.
    pub fn spawn(&mut self, name: &str, job: impl FnOnce() -> T + Send + 'static) {
        self.handles.push(spawn::<B, _>(name, job));
    }

    /// Every job's result in spawn order, once every thread has finished.
    pub fn join_all(self) -> Vec<T> {
        self.handles.into_iter().map(join).collect()
    }
}

/// Sums each chunk on its own thread and returns the grand total.
pub fn parallel_sum<B: Backend>(chunks: Vec<Vec<u64>>) -> u64 {
    let mut fan = Fanout::<B, u64>::new();
    for (i, chunk) in chunks.into_iter().enumerate() {
        fan.spawn(&format!("summer-{i}"), move || chunk.iter().sum());
    }
    fan.join_all().into_iter().sum()
}
