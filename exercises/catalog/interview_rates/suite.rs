//! Grades `interview_rates`: a submitter and a worker report to the
//! monitor on logical time (windows of 10 ticks, p99 target 20) while one
//! of them, or upstream, reads it.

use super::answer::{RateMonitor, WindowStats};
use exercises::prelude::*;

type Monitor<B> = Arc<B, RateMonitor<B>>;

fn monitor<B: Backend>() -> Monitor<B> {
    Arc::new(RateMonitor::new(10, 20))
}

fn stats(arrivals: u64, completions: u64, p99_wait: u64) -> WindowStats {
    WindowStats {
        arrivals,
        completions,
        p99_wait,
    }
}

/// Guarantee: two threads reporting across a window boundary at once roll
/// the window once, and every report counts in the window its time names
/// (none lost, none moved into the next window or the retired one).
fn no_report_lost_across_boundary<B: Backend>() {
    let m = monitor::<B>();
    m.arrived(1);
    let submitter = {
        let m = m.clone();
        spawn::<B, _>("submitter", move || {
            m.arrived(9);
            m.arrived(11);
        })
    };
    m.completed(10, 9); // the worker crosses the boundary too
    join(submitter);
    assert_eq!(
        m.last_window(15),
        stats(2, 0, 0),
        "window [0, 10) saw arrivals at 1 and 9, nothing else"
    );
    assert_eq!(
        m.last_window(25),
        stats(1, 1, 9),
        "window [10, 20) saw the arrival at 11 and the completion at 10 (waited 9)"
    );
}

/// Guarantee: rates come from the last complete window only; a burst in
/// the current window changes nothing until that window completes.
fn rates_from_last_complete_window<B: Backend>() {
    let m = monitor::<B>();
    m.arrived(1);
    m.arrived(2);
    m.completed(3, 2);
    m.completed(4, 2);
    let burst = {
        let m = m.clone();
        spawn::<B, _>("submitter", move || (11..14).for_each(|t| m.arrived(t)))
    };
    let during = m.last_window(14);
    join(burst);
    let balanced = stats(2, 2, 2);
    assert_eq!(
        during, balanced,
        "read during a burst at 11..14: the rates must be window [0, 10)'s"
    );
    assert_eq!(
        m.last_window(19),
        balanced,
        "at 19 window [10, 20) is not complete: the burst must not show yet"
    );
    assert!(
        !m.overloaded(19),
        "a burst inside the current window flapped the overload signal"
    );
    assert_eq!(
        m.last_window(20),
        stats(3, 0, 0),
        "at 20 window [10, 20) is complete: the burst of 3 shows"
    );
    assert_eq!(
        m.last_window(35),
        stats(0, 0, 0),
        "window [20, 30) saw nothing"
    );
}

/// Guarantee: p99 is computed per window, so slow waits age out with
/// their window; it is the 99th percentile, so one outlier in 100 waits
/// is not it.
fn p99_per_window<B: Backend>() {
    let m = monitor::<B>();
    m.completed(1, 30);
    m.completed(2, 40);
    let worker = {
        let m = m.clone();
        spawn::<B, _>("worker", move || {
            m.completed(11, 1);
            m.completed(12, 2);
        })
    };
    let during = m.last_window(13).p99_wait;
    join(worker);
    assert_eq!(
        during, 40,
        "read at 13: the p99 must be window [0, 10)'s (waits 30 and 40)"
    );
    (0..97).for_each(|_| m.completed(14, 1));
    m.completed(15, 50); // one slow outlier among 100 waits
    assert_eq!(
        m.last_window(25).p99_wait,
        2,
        "window [10, 20): 99 waits of 1 or 2 and one of 50; the old waits of 30 and 40 must have aged out"
    );
}

/// Guarantee: overloaded when arrivals outpace completions over a whole
/// window, or the window's p99 misses the target; not for a spike inside
/// the current window.
fn overloaded_for_a_whole_window<B: Backend>() {
    let m = monitor::<B>();
    m.arrived(1);
    m.completed(2, 1);
    let spike = {
        let m = m.clone();
        spawn::<B, _>("submitter", move || (11..14).for_each(|t| m.arrived(t)))
    };
    m.completed(12, 5);
    let during = m.overloaded(14);
    join(spike);
    assert!(
        !during,
        "read at 14 during a spike: window [0, 10) was balanced"
    );
    assert!(
        !m.overloaded(19),
        "a spike inside the current window flapped the overload signal"
    );
    assert!(
        m.overloaded(20),
        "window [10, 20): 3 arrivals, 1 completion; arrivals outpaced completions"
    );
    m.arrived(21);
    m.completed(22, 25);
    assert!(
        m.overloaded(30),
        "window [20, 30): balanced, but its p99 wait 25 missed the target 20"
    );
    m.arrived(31);
    m.completed(32, 20);
    assert!(
        !m.overloaded(40),
        "window [30, 40): balanced, p99 20 meets the target 20"
    );
}

/// Guarantee: one reading describes one window: its arrivals, completions
/// and p99 are never mixed from two windows, even while a report rolls
/// the window over.
fn reading_is_one_window<B: Backend>() {
    let m = monitor::<B>();
    m.arrived(1);
    m.completed(2, 3);
    m.arrived(11);
    m.arrived(12);
    let worker = {
        let m = m.clone();
        spawn::<B, _>("worker", move || m.completed(20, 7))
    };
    let seen = m.last_window(15); // upstream's clock lags the worker's
    join(worker);
    assert!(
        seen == stats(1, 1, 3) || seen == stats(2, 0, 0),
        "a reading mixed two windows: {seen:?} is neither [0, 10) {:?} nor [10, 20) {:?}",
        stats(1, 1, 3),
        stats(2, 0, 0)
    );
    assert_eq!(
        m.last_window(25),
        stats(2, 0, 0),
        "window [10, 20): 2 arrivals"
    );
}

/// Guarantee: each report is one step, so a reading never sees half of
/// one (a backlog that counts a report its window does not); the retry
/// hint divides the backlog by the completion rate of the same moment
/// (backlog x window / completions, rounded up).
fn every_report_is_one_step<B: Backend>() {
    let m = monitor::<B>();
    (1..5).for_each(|t| m.arrived(t));
    m.completed(5, 1);
    let reporter = {
        let m = m.clone();
        // Both at 9: late, into the last complete window, if upstream rolls first.
        spawn::<B, _>("reporter", move || {
            m.completed(9, 2);
            m.arrived(9);
        })
    };
    let hint = m.retry_after(10);
    let seen = m.last_window(10);
    join(reporter);
    // (hint, reading) before the reporter, after its completion, after both.
    let states = [
        (30, stats(4, 1, 1)),
        (10, stats(4, 2, 2)),
        (15, stats(5, 2, 2)),
    ];
    let at_hint = states.iter().position(|s| s.0 == hint);
    let at_reading = states.iter().position(|s| s.1 == seen);
    assert!(
        matches!((at_hint, at_reading), (Some(h), Some(r)) if h <= r),
        "retry_after(10) = {hint} then last_window(10) = {seen:?}: no order of whole reports gives this pair; \
         (hint, reading) must move through {states:?} in order"
    );
    assert_eq!(
        m.retry_after(15),
        15,
        "backlog 3 at 2 completions per window of 10"
    );
    assert_eq!(
        m.retry_after(25),
        10,
        "nothing completed in [10, 20): ask again after one window"
    );
    (26..29).for_each(|t| m.completed(t, 3));
    assert_eq!(m.retry_after(29), 0, "no backlog: no wait");
}

exercises::suite! {
    exercise: "interview_rates",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [
        no_report_lost_across_boundary,
        rates_from_last_complete_window,
        p99_per_window,
        overloaded_for_a_whole_window,
        reading_is_one_window,
        every_report_is_one_step,
    ],
}
