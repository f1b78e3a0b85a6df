//! A per-execution record of what each simulated thread did, so a failing
//! model run can say "worker-1 waits on a condvar at worker.rs:24" instead of
//! `Blocked(Location(None))`.
//!
//! The model backends call [`step`] at every lock, wait, notify, spawn and
//! join, with the caller's source location (propagated by `#[track_caller]`
//! through the executor's wrappers). Both checkers run all simulated threads
//! of an execution on the test's OS thread, so a thread-local is exactly
//! "this execution's trace"; the harness clears it when an execution begins.

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write as _;
use std::panic::Location;

mod waits;

use waits::{PendingWait, place};
pub use waits::{acquired, enter_wait, notify};

/// How many recent steps a report shows.
pub const TAIL: usize = 24;

/// One recorded operation.
#[derive(Debug, Clone)]
pub struct Step {
    /// Index of the step in the execution, from 1.
    pub index: usize,
    /// The simulated thread's name.
    pub thread: String,
    /// What it did ("lock", "wait", "notify_one", "load(Relaxed) -> 0", ...).
    pub op: String,
    /// Where in the source.
    pub at: &'static Location<'static>,
}

/// The trace of the current execution.
#[derive(Debug, Default, Clone)]
pub struct Trace {
    /// How many executions this test has begun (1 = the first).
    pub execution: u64,
    /// Steps taken so far in this execution.
    pub steps: usize,
    /// The last [`TAIL`] steps.
    pub tail: VecDeque<Step>,
    /// Threads that are inside a blocking operation, and which.
    pub blocked: BTreeMap<String, (&'static str, &'static Location<'static>)>,
    /// Threads that panicked, with the message.
    pub panicked: Vec<(String, String)>,
    /// Threads spawned in this execution, in order.
    pub threads: Vec<String>,
    /// Waits entered whose place in the order is not known yet.
    pending: Vec<PendingWait>,
}

thread_local! {
    static TRACE: RefCell<Trace> = RefCell::new(Trace::default());
    /// `CHECK_TRACE_FILE`: rewrite the rendered trace there after every
    /// change. Only for replaying one execution in a child process whose
    /// model may abort (see `check::isolate`): the file outlives it.
    static STREAM: Option<std::path::PathBuf> = std::env::var_os("CHECK_TRACE_FILE").map(Into::into);
}

/// Applies `change` to the trace, then streams it if asked to.
fn update(change: impl FnOnce(&mut Trace)) {
    TRACE.with_borrow_mut(change);
    STREAM.with(|stream| {
        if let Some(path) = stream {
            let _ = std::fs::write(path, snapshot().render());
        }
    });
}

/// Names the running simulated thread; set per execution by the harness,
/// since only the checker that runs it knows.
pub type Namer = fn() -> Option<String>;

thread_local! {
    static NAMER: std::cell::Cell<Option<Namer>> = const { std::cell::Cell::new(None) };
}

/// The name of the running simulated thread (`main` if it has none).
pub fn current_thread() -> String {
    NAMER
        .get()
        .and_then(|name| name())
        .unwrap_or_else(|| "main".to_owned())
}

/// Clears the trace at the start of an execution run by a checker whose
/// thread names `namer` reads.
pub fn begin_execution(namer: Namer) {
    NAMER.set(Some(namer));
    TRACE.with_borrow_mut(|t| {
        let execution = t.execution + 1;
        *t = Trace {
            execution,
            threads: vec!["main".to_owned()],
            ..Trace::default()
        };
    });
}

/// Resets the execution counter (a new test begins) and stops naming.
pub fn reset() {
    NAMER.set(None);
    TRACE.with_borrow_mut(|t| *t = Trace::default());
}

/// Records a non-blocking operation.
pub fn step(op: &'static str, at: &'static Location<'static>) {
    let thread = current_thread();
    record(thread, op.to_owned(), at);
}

/// Records an atomic operation with its memory ordering and the values it
/// wrote and read (the model backends' `impl_atomics!` hook): the step
/// `load(Relaxed) -> 0` is the load that saw a stale value.
pub fn atomic(
    op: &'static str,
    order: std::sync::atomic::Ordering,
    values: std::fmt::Arguments<'_>,
    at: &'static Location<'static>,
) {
    let thread = current_thread();
    record(thread, format!("{op}({order:?}){values}"), at);
}

/// Records entry into a blocking operation (lock, join); pair with
/// [`leave`]. A thread still inside one when the execution fails is listed
/// as blocked on it. The step is recorded by `leave`, once the lock is
/// held or the join returned, keeping the table in the order things took
/// effect.
pub fn enter(op: &'static str, at: &'static Location<'static>) -> String {
    let thread = current_thread();
    update(|t| {
        t.blocked.insert(thread.clone(), (op, at));
    });
    thread
}

/// Records that `thread` left its blocking operation: the lock is held,
/// the wait woke, the joined thread ended.
pub fn leave(thread: &str) {
    let left = TRACE.with_borrow(|t| t.blocked.get(thread).copied());
    update(|t| {
        t.blocked.remove(thread);
        if let Some(i) = t.pending.iter().position(|w| w.thread == thread) {
            let wait = t.pending.remove(i);
            let before = wait.notifies.first().copied().unwrap_or(wait.entry);
            place(t, wait, before);
        }
    });
    if let Some((op, at)) = left {
        let done = if op == "wait" { "woken" } else { op };
        record(thread.to_owned(), done.to_owned(), at);
    }
}

/// Records a spawned thread's name.
pub fn spawned(name: &str, at: &'static Location<'static>) {
    update(|t| t.threads.push(name.to_owned()));
    record(current_thread(), "spawn".to_owned(), at);
}

/// Records that the simulated thread `thread` panicked.
pub fn panicked(thread: &str, message: String) {
    update(|t| t.panicked.push((thread.to_owned(), message)));
}

fn record(thread: String, op: String, at: &'static Location<'static>) {
    update(|t| {
        t.steps += 1;
        let index = t.steps;
        if t.tail.len() == TAIL {
            t.tail.pop_front();
        }
        t.tail.push_back(Step {
            index,
            thread,
            op,
            at,
        });
    });
}

/// A copy of the current trace, every wait that can be placed in it: a
/// wait still pending with no notify since it began sits where it began;
/// one a notify raced sits before the lock that proved it released, if
/// any.
pub fn snapshot() -> Trace {
    let mut t = TRACE.with_borrow(Trace::clone);
    while let Some(i) = t
        .pending
        .iter()
        .position(|w| w.notifies.is_empty() || w.released.is_some())
    {
        let wait = t.pending.remove(i);
        let index = if wait.notifies.is_empty() {
            wait.entry
        } else {
            wait.released.unwrap_or(wait.entry)
        };
        place(&mut t, wait, index);
    }
    t
}

impl Trace {
    /// Renders threads, blocked-on, panics and the step table.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "failing execution: #{}", self.execution);
        let _ = writeln!(out, "threads: {}", self.threads.join(", "));
        if self.blocked.is_empty() {
            let _ = writeln!(out, "blocked: none");
        }
        for (thread, (op, at)) in &self.blocked {
            let _ = writeln!(out, "  {thread} is blocked in {op} at {}", short(at));
        }
        for (thread, message) in &self.panicked {
            let _ = writeln!(out, "  {thread} panicked: {message}");
        }
        // Columns as wide as their longest entry (an atomic step carries
        // its values), so the locations stay in line.
        let thread_width = self
            .tail
            .iter()
            .map(|s| s.thread.len())
            .fold(16, usize::max);
        let op_width = self.tail.iter().map(|s| s.op.len()).fold(18, usize::max);
        let _ = writeln!(
            out,
            "last {} of {} steps:\n  {:>5}  {:<thread_width$} {:<op_width$} location",
            self.tail.len(),
            self.steps,
            "step",
            "thread",
            "operation"
        );
        for s in &self.tail {
            let _ = writeln!(
                out,
                "  {:>5}  {:<thread_width$} {:<op_width$} {}",
                s.index,
                s.thread,
                s.op,
                short(s.at)
            );
        }
        out
    }
}

/// `executor/src/worker.rs:24` rather than an absolute path.
fn short(at: &Location<'_>) -> String {
    let file = at.file();
    let file = file
        .find("executor/src/")
        .or_else(|| file.find("verification/"))
        .map_or(file, |i| &file[i..]);
    format!("{file}:{}", at.line())
}
