//! Quickstart: the executor serving a burst of simulated requests.
//!
//! A pool of 4 workers with room for 8 queued tasks and the `Abort` policy
//! takes a burst of 20 requests. What it cannot hold comes straight back
//! (fast-fail, the HTTP 503 analogue) and is retried with `submit_timeout`,
//! which waits for a slot. One request panics: its handle reports the panic
//! and the worker lives on. Then a metrics snapshot, a graceful shutdown, and
//! the final accounting.
//!
//! Run it with `cargo run -p executor --example quickstart`.

// A demo may use std directly (a sleep standing in for I/O latency); the
// library itself may not (see clippy.toml).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use executor::sync::{Std, thread};
use executor::{Executor, Metrics, RejectionPolicy, TaskHandle};
use std::time::Duration;

/// The request that goes wrong.
const BAD_REQUEST: u64 = 13;

/// A reply: the computed answer and the worker that served it.
type Reply = (usize, String);

/// A request: wait a little "for the database", then compute an answer
/// (how many primes lie below a bound). Returns it with the worker's name.
fn handle_request(id: u64) -> Reply {
    std::thread::sleep(Duration::from_millis(5)); // simulated I/O latency
    if id == BAD_REQUEST {
        panic!("request {id}: malformed payload");
    }
    let bound = 2_000 + 100 * id;
    let primes = (2..bound)
        .filter(|n| (2..).take_while(|d| d * d <= *n).all(|d| n % d != 0))
        .count();
    let worker = thread::current_name::<Std>().unwrap_or_default();
    (primes, worker)
}

/// The counters worth watching, on one line.
fn show(m: &Metrics) -> String {
    let ok = m.is_consistent();
    let (sub, acc, rej) = (m.submitted, m.accepted, m.rejected);
    let (q, run, done, fail) = (m.queued, m.running, m.completed, m.failed);
    format!(
        "submitted={sub} accepted={acc} rejected={rej} queued={q} running={run} \
         completed={done} failed={fail} consistent={ok}"
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Keep the default panic report short: the handle carries the details.
    std::panic::set_hook(Box::new(|info| {
        let who = thread::current_name::<Std>().unwrap_or_default();
        let at = info.location().map(|l| format!("line {}", l.line()));
        let at = at.unwrap_or_default();
        println!("  ! a task panicked on {who} at {at}; the worker catches it and keeps serving");
    }));

    let pool = Executor::builder()
        .workers(4)
        .capacity(8)
        .name_prefix("api")
        .policy(RejectionPolicy::Abort)
        .build()?;
    let (w, c, p) = (pool.workers(), pool.capacity(), pool.policy());
    println!("pool: {w} workers, queue capacity {c}, policy {p:?}");

    // ANCHOR: burst
    println!("\n-- a burst of 20 requests (Abort: a full queue fails fast)");
    let mut handles: Vec<(u64, TaskHandle<Std, Reply>)> = Vec::new();
    let mut retries = Vec::new();
    for id in 0..20 {
        match pool.submit(move || handle_request(id)) {
            Ok(handle) => handles.push((id, handle)),
            Err(rejected) => {
                println!("  req {id:>2}: rejected, {}: handed back", rejected.reason);
                retries.push((id, rejected.task)); // the same closure, untouched
            }
        }
    }
    println!("  snapshot: {}", show(&pool.metrics()));

    let (n, before) = (retries.len(), handles.len());
    println!("\n-- retrying {n} rejected requests with submit_timeout(1s)");
    for (id, task) in retries {
        match pool.submit_timeout(task, Duration::from_secs(1)) {
            Ok(handle) => handles.push((id, handle)),
            Err(rejected) => println!("  req {id:>2}: gave up, {}", rejected.reason),
        }
    }
    let waited_in = handles.len() - before;
    println!("  {waited_in} accepted as slots freed up (waiting is the backpressure)");
    // ANCHOR_END: burst

    // ANCHOR: results
    println!("\n-- results");
    handles.sort_by_key(|(id, _)| *id);
    for (id, handle) in handles {
        match handle.join() {
            Ok((primes, worker)) => println!("  req {id:>2}: {primes} primes (served by {worker})"),
            Err(error) => println!("  req {id:>2}: FAILED: {error}"),
        }
    }

    let again = pool
        .submit(|| handle_request(99))
        .map_err(|r| r.to_string())?;
    let ((primes, worker), w) = (again.join()?, pool.workers());
    println!("\nafter the panic: still {w} workers; req 99 -> {primes} primes on {worker}");
    // ANCHOR_END: results
    println!("snapshot: {}", show(&pool.metrics()));

    // ANCHOR: graceful
    println!("\n-- graceful shutdown: accepted work finishes, then the workers are joined");
    pool.shutdown()?;
    let last = pool.metrics();
    println!("terminated: {}", pool.is_terminated());
    println!("final:    {}", show(&last));
    assert!(last.is_consistent() && last.queued == 0 && last.running == 0);
    // ANCHOR_END: graceful
    Ok(())
}
