//! The rest of the peer API: `execute`, `wait_idle`, hooks, resizing the
//! shared pool with keep-alive, the name, and the cooperative cancel
//! signal. Tasks wait at gates the test opens; `within` is a watchdog, and
//! the keep-alive test polls an observable count, never a sleep alone.

#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::gate::Gate;
use common::{HANG, silence_deliberate_panics, within};

use executor::{Executor, LifecycleError, Outcome, RejectReason, ResizeError, TaskEvent};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

#[test]
fn execute_runs_counts_panics_and_hands_back_when_refused() {
    silence_deliberate_panics();
    let pool = Executor::builder().workers(2).build().unwrap();
    let ran = Arc::new(AtomicUsize::new(0));
    for _ in 0..5 {
        let r = ran.clone();
        // Relaxed: read after wait_idle, which synchronises through the lock.
        pool.execute(move || {
            r.fetch_add(1, Ordering::Relaxed);
        })
        .unwrap();
    }
    pool.execute(|| panic!("deliberate: an executed task"))
        .unwrap();
    pool.wait_idle().unwrap();
    assert_eq!(ran.load(Ordering::Relaxed), 5);
    let m = pool.metrics();
    assert_eq!((m.completed, m.failed), (5, 1), "{m:?}");
    pool.shutdown().unwrap();
    let refused = pool.execute(|| ()).unwrap_err();
    assert_eq!(refused.reason, RejectReason::ShuttingDown);
}

#[test]
fn wait_idle_waits_for_running_work_and_refuses_a_worker() {
    let pool = Arc::new(Executor::builder().workers(1).build().unwrap());
    let gate = Arc::new(Gate::new());
    let g = gate.clone();
    let p = pool.clone();
    let held = pool
        .submit(move || {
            g.pass();
            p.wait_idle()
        })
        .unwrap();
    assert_eq!(pool.wait_idle_timeout(Duration::from_millis(1)), Ok(false));
    gate.open();
    let p = pool.clone();
    assert_eq!(
        within("wait_idle", move || p.wait_idle_timeout(HANG)),
        Ok(true)
    );
    assert!(matches!(
        held.join().unwrap(),
        Err(LifecycleError::FromWorker { .. })
    ));
    assert!(!pool.is_shutdown());
}

#[test]
fn hooks_see_every_worker_and_task_in_order() {
    silence_deliberate_panics();
    let events = Arc::new(Mutex::new(Vec::<String>::new()));
    let (a, b, c, d) = (
        events.clone(),
        events.clone(),
        events.clone(),
        events.clone(),
    );
    let pool = Executor::builder()
        .workers(1)
        .name_prefix("hooked")
        .on_worker_start(move |w| a.lock().unwrap().push(format!("start {}", w.name)))
        .on_worker_stop(move |w| b.lock().unwrap().push(format!("stop {}", w.name)))
        .before_task(move |t: &TaskEvent| c.lock().unwrap().push(format!("before {}", t.id)))
        .after_task(move |t: &TaskEvent| {
            d.lock()
                .unwrap()
                .push(format!("after {} {:?}", t.id, t.outcome));
            assert!(t.run_time >= Duration::ZERO && t.worker == 0);
            if t.id.0 == 0 {
                panic!("deliberate: a hook that panics");
            }
        })
        .build()
        .unwrap();
    assert_eq!(pool.name(), "hooked");
    pool.submit(|| ()).unwrap().join().unwrap();
    pool.submit(|| panic!("deliberate: a task"))
        .unwrap()
        .join()
        .unwrap_err();
    pool.shutdown().unwrap();
    assert_eq!(
        *events.lock().unwrap(),
        vec![
            "start hooked-0".to_owned(),
            "before #0".into(),
            format!("after #0 {:?}", Some(Outcome::Completed)),
            "before #1".into(),
            format!("after #1 {:?}", Some(Outcome::Panicked)),
            "stop hooked-0".into(),
        ],
        "the stop hook ran before shutdown returned, and a hook's panic harmed nothing"
    );
}

#[test]
fn hooks_report_the_queue_wait() {
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let pool = Executor::builder()
        .workers(1)
        .before_task(move |t| tx.lock().unwrap().send(t.queue_wait).unwrap())
        .build()
        .unwrap();
    let gate = Arc::new(Gate::new());
    let g = gate.clone();
    let first = pool.submit(move || g.pass()).unwrap();
    let second = pool.submit(|| ()).unwrap();
    let _ = rx.recv_timeout(HANG).unwrap();
    // Not synchronisation (the gate orders the tasks): the time the second
    // task is known to wait in the queue, at least.
    let held_for = Duration::from_millis(20);
    std::thread::sleep(held_for);
    gate.open();
    first.join().unwrap();
    second.join().unwrap();
    let waited = rx.recv_timeout(HANG).unwrap();
    assert!(
        waited >= held_for,
        "the second task waited {waited:?} in the queue"
    );
}

#[test]
fn a_shared_pool_grows_and_shrinks() {
    let left = Arc::new(AtomicUsize::new(0));
    let l = left.clone();
    let pool = Executor::builder()
        .workers(1)
        .max_workers(3)
        // Relaxed: a count, read after the pool's own synchronisation.
        .on_worker_stop(move |_| {
            l.fetch_add(1, Ordering::Relaxed);
        })
        .build()
        .unwrap();
    pool.resize(3).unwrap();
    assert_eq!(pool.workers(), 3);
    // Three tasks that only finish together: they need three workers.
    let barrier = Arc::new(std::sync::Barrier::new(3));
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let b = barrier.clone();
            pool.submit(move || {
                b.wait();
            })
            .unwrap()
        })
        .collect();
    for handle in handles {
        assert_eq!(within("three tasks at once", move || handle.join()), Ok(()));
    }
    pool.resize(1).unwrap();
    let p = Arc::new(pool);
    let q = p.clone();
    within("two workers leaving", move || {
        while q.workers() > 1 {
            std::thread::yield_now()
        }
    });
    assert_eq!(p.submit(|| 8).unwrap().join(), Ok(8));
    assert!(matches!(p.resize(0), Err(ResizeError::ZeroWorkers)));
    assert!(matches!(
        p.resize(4),
        Err(ResizeError::AboveMax {
            requested: 4,
            max: 3
        })
    ));
    p.shutdown().unwrap();
    assert_eq!(left.load(Ordering::Relaxed), 3);
    assert!(matches!(p.resize(2), Err(ResizeError::ShuttingDown)));
}

#[test]
fn extra_workers_idle_out_after_the_keep_alive() {
    let pool = Arc::new(
        Executor::builder()
            .workers(2)
            .max_workers(5)
            .keep_alive(Duration::from_millis(20))
            .build()
            .unwrap(),
    );
    pool.resize(5).unwrap();
    assert_eq!(pool.workers(), 5);
    let p = pool.clone();
    within("extra workers idling out", move || {
        while p.workers() > 2 {
            std::thread::yield_now()
        }
    });
    // The core workers stay, however long they idle.
    std::thread::sleep(Duration::from_millis(60));
    assert_eq!(pool.workers(), 2);
    assert_eq!(pool.submit(|| 1).unwrap().join(), Ok(1));
}

#[test]
fn the_cancel_signal_stops_a_task_at_the_shutdown_deadline() {
    let pool = Executor::builder().workers(1).build().unwrap();
    let signal = pool.cancel_signal();
    assert!(!signal.is_cancelled());
    let (tx, rx) = mpsc::channel();
    let endless = pool
        .submit(move || {
            tx.send(()).unwrap();
            let mut steps = 0_u64;
            while !signal.is_cancelled() {
                steps += 1;
                std::thread::yield_now();
            }
            steps
        })
        .unwrap();
    rx.recv().unwrap();
    let report = pool.shutdown_timeout(Duration::from_millis(10)).unwrap();
    assert!(
        !report.terminated && report.running.len() == 1,
        "{report:?}"
    );
    assert!(
        pool.cancel_signal().is_cancelled(),
        "raised at the deadline"
    );
    assert!(endless.join().is_ok());
    pool.shutdown().unwrap();
}

#[test]
fn debug_output_says_what_a_value_holds() {
    let pool = Executor::builder()
        .workers(1)
        .name_prefix("dbg")
        .build()
        .unwrap();
    let signal = pool.cancel_signal();
    assert_eq!(format!("{signal:?}"), "CancelSignal { cancelled: false }");
    let handle = pool.submit(|| 1).unwrap();
    pool.wait_idle().unwrap();
    assert!(
        format!("{handle:?}").contains("finished: true"),
        "{handle:?}"
    );
    let mut set = executor::TaskSet::new();
    set.insert(handle);
    assert!(format!("{set:?}").contains("outstanding: 1"), "{set:?}");
    let map = pool.map(0..1, |x: u8| x, 1);
    assert!(format!("{map:?}").starts_with("Map"), "{map:?}");
    let _ = pool.shutdown_now();
    assert_eq!(format!("{signal:?}"), "CancelSignal { cancelled: true }");
    assert!(format!("{pool:?}").contains("name: \"dbg\""), "{pool:?}");
}

#[test]
fn debug_shows_the_name() {
    let pool = Executor::builder()
        .name_prefix("ingest")
        .build_partitioned()
        .unwrap();
    assert_eq!(pool.name(), "ingest");
    assert!(format!("{pool:?}").contains("\"ingest\""));
}
