//! Grades `interview_backpressure`: a submitter and one or two workers
//! report to the monitor; times are passed in, never read from a clock.

use super::answer::LoadMonitor;
use exercises::prelude::*;

type Monitor<B> = Arc<B, LoadMonitor<B>>;

/// Guarantee: two submitters racing for the last slot do not both get it.
fn last_slot_goes_to_one_racer<B: Backend>() {
    let m: Monitor<B> = Arc::new(LoadMonitor::new(1, 1, 10, 0));
    let racer = {
        let m = m.clone();
        spawn::<B, _>("submitter", move || m.try_enqueue())
    };
    let mine = m.try_enqueue();
    let theirs = join(racer);
    assert!(mine ^ theirs, "exactly one of two racers may take the last slot (got {mine} and {theirs})");
}

/// Guarantee: the overload signal switches on above 80% of capacity and
/// off only below 50%; in between it keeps its value (no flapping).
fn overload_has_hysteresis<B: Backend>() {
    let m: Monitor<B> = Arc::new(LoadMonitor::new(10, 1, 10, 0));
    let filling: Vec<bool> = (1..=9).map(|_| (m.try_enqueue(), m.overloaded()).1).collect();
    assert_eq!(
        filling,
        [false, false, false, false, false, false, false, false, true],
        "filling to depths 1..=9 of 10: the signal must switch on at depth 9 (above 80%), not before"
    );
    let worker = {
        let m = m.clone();
        spawn::<B, _>("worker-0", move || {
            (0..5)
                .map(|_| {
                    m.dequeued();
                    m.overloaded()
                })
                .collect::<Vec<bool>>()
        })
    };
    let _ = m.stale_workers(1); // a supervisor polls while the worker drains
    assert_eq!(
        join(worker),
        [true, true, true, true, false],
        "draining to depths 8, 7, 6, 5, 4: the signal must stay on until the depth is below 50% (4)"
    );
    let refilling: Vec<bool> = (5..=9).map(|_| (m.try_enqueue(), m.overloaded()).1).collect();
    assert_eq!(
        refilling,
        [false, false, false, false, true],
        "refilling to depths 5..=9: the signal must stay off until the depth is above 80% again"
    );
}

/// Guarantee: failures reported by two workers at once are both counted.
fn failures_counted_from_every_worker<B: Backend>() {
    let m: Monitor<B> = Arc::new(LoadMonitor::new(4, 2, 10, 0));
    let workers: Vec<_> = (0..2)
        .map(|w| {
            let m = m.clone();
            spawn::<B, _>(format!("worker-{w}"), move || {
                m.heartbeat(w, 1);
                m.finished(w, 2, false);
            })
        })
        .collect();
    workers.into_iter().for_each(join);
    assert_eq!(m.failures(), 2, "two workers each reported one failure");
    assert_eq!(m.stale_workers(12), Vec::<usize>::new(), "both workers reported at time 2 (stale_after 10)");
}

/// Guarantee: a worker that stops reporting is flagged once it has been
/// silent for more than `stale_after`, even while another worker stays busy.
fn stuck_worker_is_flagged<B: Backend>() {
    let m: Monitor<B> = Arc::new(LoadMonitor::new(4, 2, 5, 0));
    let stuck = {
        let m = m.clone();
        spawn::<B, _>("worker-0", move || m.heartbeat(0, 1)) // then hangs in a task
    };
    let busy = {
        let m = m.clone();
        spawn::<B, _>("worker-1", move || {
            m.finished(1, 4, true);
            m.heartbeat(1, 9);
            m.finished(1, 12, true);
        })
    };
    join(stuck);
    join(busy);
    let none: Vec<usize> = Vec::new();
    assert_eq!(m.stale_workers(6), none, "at 6, worker-0 (last seen 1, stale_after 5) is not yet stale");
    assert_eq!(m.stale_workers(7), [0], "at 7, worker-0 (last seen 1) is stale; worker-1 (seen 12) is not");
    m.heartbeat(1, 3); // a late report carrying an old time
    assert_eq!(m.stale_workers(16), [0], "a late heartbeat with an older time moved worker-1's last sign of life back");
    assert_eq!(m.stale_workers(18), [0, 1], "at 18 both workers are silent for more than 5");
}

exercises::suite! {
    exercise: "interview_backpressure",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [
        last_slot_goes_to_one_racer,
        overload_has_hysteresis,
        failures_counted_from_every_worker,
        stuck_worker_is_flagged,
    ],
}
