//! Operating under overload and failure, live: a burst arrives and the
//! pressure level rises to Saturated, callers are refused with a
//! `Retry-After`, a worker dies and is replaced, low-priority work still
//! runs under a stream of urgent work, a flaky task succeeds after retries
//! with backoff while a doomed one lands in the dead-letter queue, and the
//! level falls back to Normal with hysteresis. Ends with a summary of
//! latencies, levels and counts.
//!
//! `cargo run -p executor --example overload`
// An example drives the pool from outside with std's primitives.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use executor::{
    Executor, Level, PanicPolicy, PressureConfig, PressureEvent, Priority, RestartIntensity,
    RetryBudget, RetryPolicy,
};
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Prints a line above the live view, or plainly when there is no
/// terminal to draw on (output piped to a file).
fn say(multi: &MultiProgress, line: &str) {
    if multi.is_hidden() {
        println!("{line}");
    } else {
        let _ = multi.println(line);
    }
}

/// A task's work: a short sleep stands for a call to a slow dependency.
fn work(ms: u64) -> impl FnOnce() + Send + 'static {
    move || std::thread::sleep(Duration::from_millis(ms))
}

fn main() {
    let multi = MultiProgress::new();
    let status = multi.add(ProgressBar::new_spinner());
    status.set_style(ProgressStyle::with_template("{spinner} {msg}").expect("a valid template"));
    let levels: Arc<Mutex<Vec<PressureEvent>>> = Arc::default();
    let (log, printer) = (levels.clone(), multi.clone());
    let pool = Arc::new(
        Executor::builder()
            .workers(2)
            .capacity(40)
            .policy(executor::RejectionPolicy::Abort)
            // Elevated from 30 queued, back to Normal only at 10 or fewer;
            // waits over 50 ms for a whole 200 ms interval saturate.
            .pressure(
                PressureConfig::watermarks(10, 30)
                    .target_wait(Duration::from_millis(50), Duration::from_millis(200)),
            )
            .on_pressure(move |e| {
                log.lock().unwrap().push(*e);
                say(&printer, &format!("   pressure: {e}"));
            })
            .panic_policy(PanicPolicy::RestartWorker)
            .restart_intensity(RestartIntensity {
                restarts: 3,
                within: Duration::from_secs(10),
            })
            .latency_window(Duration::from_secs(60))
            .aging(4)
            // Retries may add 20% to the traffic, with 10 in reserve.
            .retry_budget(RetryBudget::new(20, 10).expect("a valid budget"))
            .build()
            .expect("valid settings"),
    );

    // The live view: a line redrawn from the pool's own snapshots.
    let done = Arc::new(AtomicBool::new(false));
    let view = {
        let (pool, done, status) = (pool.clone(), done.clone(), status.clone());
        std::thread::spawn(move || {
            // Relaxed: a stop flag; the view reads nothing else through it.
            while !done.load(Ordering::Relaxed) {
                let p = pool.pressure();
                let m = pool.metrics();
                status.set_message(format!(
                    "{:<9} queued {:>2}  running {}  done {:>4}  refused {:>3}  arrivals {:>4.0}/s  service {:>4.0}/s",
                    p.pool.to_string(),
                    m.queued,
                    m.running,
                    m.completed + m.failed,
                    m.rejected,
                    p.arrival_rate,
                    p.service_rate
                ));
                status.tick();
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    let say = |line: &str| say(&multi, line);

    say("1. steady load: 60 tasks of 10 ms, one every 8 ms (2 workers keep up)");
    for _ in 0..60 {
        let _ = pool.execute(work(10));
        std::thread::sleep(Duration::from_millis(8));
    }
    pool.wait_idle().unwrap();

    say("2. a burst: 150 tasks at once; the queue holds 40, the rest are refused");
    let refused = AtomicU64::new(0);
    let mut hint = None;
    for _ in 0..150 {
        if pool.execute(work(10)).is_err() {
            // Relaxed: a count read on this thread.
            refused.fetch_add(1, Ordering::Relaxed);
            hint = hint.or(pool.pressure().retry_after);
        }
    }
    say(&format!(
        "   refused {} (the 503s), first Retry-After hint: {:?}",
        refused.load(Ordering::Relaxed),
        hint
    ));
    pool.wait_idle().unwrap();

    say("3. a worker dies: a task panics under PanicPolicy::RestartWorker");
    std::panic::set_hook(Box::new(|_| {})); // the panic is the point: keep it quiet
    let dying = pool.submit(|| panic!("a corrupt record")).unwrap();
    let _ = dying.join();
    while pool.supervision().restarts == 0 {
        std::thread::yield_now();
    }
    say(&format!(
        "   restarts: {}, workers: {}",
        pool.supervision().restarts,
        pool.workers()
    ));

    say("4. priorities: 1 low task behind a stream of 12 high ones (aging bound 4)");
    let order = Arc::new(Mutex::new(Vec::new()));
    let o = order.clone();
    let gate = pool.submit(work(50)).unwrap(); // both workers busy a while
    let gate2 = pool.submit(work(50)).unwrap();
    pool.execute_at(Priority::Low, move || o.lock().unwrap().push("low"))
        .unwrap();
    for _ in 0..12 {
        let o = order.clone();
        pool.execute_at(Priority::High, move || o.lock().unwrap().push("high"))
            .unwrap();
    }
    gate.join().unwrap();
    gate2.join().unwrap();
    pool.wait_idle().unwrap();
    let position = order.lock().unwrap().iter().position(|t| *t == "low");
    say(&format!(
        "   the low task ran {}th of 13",
        position.map_or(0, |p| p + 1)
    ));

    say(
        "5. retries: a flaky call fails twice, a doomed one always (4 attempts, backoff 20-160 ms)",
    );
    let policy = RetryPolicy::new(4, Duration::from_millis(20), Duration::from_millis(160))
        .expect("a valid policy")
        .when(|e: &String| !e.starts_with("400"));
    let mut calls = 0;
    let flaky = pool
        .submit_retrying(&policy, move || {
            calls += 1;
            std::thread::sleep(Duration::from_millis(5));
            if calls <= 2 {
                Err(format!("connection reset (call {calls})"))
            } else {
                Ok(calls)
            }
        })
        .unwrap();
    let doomed = pool
        .submit_retrying(&policy, || Err::<(), _>("503 from the ledger".to_string()))
        .unwrap();
    let bad = pool
        .submit_retrying(&policy, || Err::<(), _>("400 malformed record".to_string()))
        .unwrap();
    say(&format!(
        "   the flaky call: {:?} (the call that succeeded)",
        flaky.join()
    ));
    for outcome in [doomed.join(), bad.join()] {
        say(&format!("   {}", outcome.unwrap_err()));
    }
    for letter in pool.dead_letters() {
        let ended: Vec<Duration> = letter.attempts.iter().map(|a| a.ended).collect();
        let waits: Vec<String> = ended
            .windows(2)
            .map(|w| format!("{:.0?}", w[1] - w[0]))
            .collect();
        let last = letter
            .attempts
            .last()
            .map(|a| a.to_string())
            .unwrap_or_default();
        say(&format!(
            "   dead letter {} ({}): {last}; waits between attempts {}",
            letter.id,
            letter.reason,
            if waits.is_empty() {
                "none".to_string()
            } else {
                waits.join(", ")
            }
        ));
    }

    say("6. drained: the level falls back to Normal");
    done.store(true, Ordering::Relaxed);
    view.join().unwrap();
    status.finish_and_clear();
    pool.shutdown().unwrap();

    let latency = pool.latency().expect("kept: the builder asked");
    let m = pool.metrics();
    let transitions = levels.lock().unwrap();
    let pool_levels: Vec<String> = transitions
        .iter()
        .filter_map(|e| match e {
            PressureEvent::Level { to, .. } => Some(to.to_string()),
            PressureEvent::HotPartition { .. } => None,
        })
        .collect();
    println!("\nsummary");
    let row = |name: &str, p: executor::Percentiles| {
        println!(
            "  {name:<10}  p50 {:>9.1?}  p90 {:>9.1?}  p99 {:>9.1?}  max {:>9.1?}",
            p.p50, p.p90, p.p99, p.max
        );
    };
    row("queue wait", latency.pool.queue_wait);
    row("run time", latency.pool.run_time);
    println!("  levels      normal -> {}", pool_levels.join(" -> "));
    println!(
        "  tasks       accepted {}  completed {}  failed {}  refused {}",
        m.accepted, m.completed, m.failed, m.rejected
    );
    println!(
        "  retries     retried {}  dead-lettered {}",
        m.retried, m.dead_lettered
    );
    println!(
        "  workers     restarts {}  failed: {}",
        pool.supervision().restarts,
        pool.supervision().failure.is_some()
    );
    assert_eq!(pool.pressure().pool, Level::Normal);
    assert!(m.is_consistent());
}
