//! Grades `backpressure_monitor`: concurrent records against watermarks
//! high = 3 and low = 1.

use super::answer::{Monitor, Snapshot};
use exercises::prelude::*;

/// Checks what every snapshot must show, with watermarks 3 (high) and 1
/// (low): the depth matches the counts, and the flag matches the depth
/// wherever the depth alone decides it.
fn consistent(s: Snapshot) -> Snapshot {
    assert_eq!(s.depth, s.submitted - s.done, "a snapshot must have depth == submitted - done: {s:?}");
    assert!(s.depth < 3 || s.overloaded, "depth {} is at the high watermark 3, yet the flag is off: {s:?}", s.depth);
    assert!(s.depth > 1 || !s.overloaded, "depth {} is at the low watermark 1, yet the flag is on: {s:?}", s.depth);
    s
}

/// Guarantee: two concurrent submits both count.
fn no_update_lost<B: Backend>() {
    let monitor = Arc::<B, _>::new(Monitor::<B>::new(3, 1));
    let m = monitor.clone();
    let other = spawn::<B, _>("submitter", move || m.record_submit());
    monitor.record_submit();
    join(other);
    let s = consistent(monitor.snapshot());
    assert_eq!((s.submitted, s.depth), (2, 2), "two submits, (submitted, depth): {s:?}");
}

/// Guarantee: the flag follows the latest depth: once completions bring
/// the depth down to the low watermark, the flag is off, even if a
/// submit that pushed it to the high watermark raced them.
fn flag_follows_latest_depth<B: Backend>() {
    let monitor = Arc::<B, _>::new(Monitor::<B>::new(3, 1));
    monitor.record_submit();
    monitor.record_submit();
    let m = monitor.clone();
    let submitter = spawn::<B, _>("submitter", move || m.record_submit());
    monitor.record_done();
    consistent(monitor.snapshot());
    monitor.record_done();
    join(submitter);
    let s = consistent(monitor.snapshot());
    assert_eq!(s.depth, 1, "3 submits and 2 dones leave depth 1: {s:?}");
    assert!(
        !s.overloaded,
        "depth {} is at the low watermark 1, yet the monitor says overloaded: a stale \"on\" overwrote a newer \"off\" ({s:?})",
        s.depth
    );
}

/// Guarantee: hysteresis: on at depth 3, still on at depth 2 however often
/// the depth wobbles between 2 and 3, off only at depth 1.
fn hysteresis_does_not_flap<B: Backend>() {
    let monitor = Arc::<B, _>::new(Monitor::<B>::new(3, 1));
    let m = monitor.clone();
    let feeder = spawn::<B, _>("feeder", move || {
        for _ in 0..3 {
            m.record_submit();
        }
        assert!(m.overloaded(), "depth 3 reached the high watermark 3: overloaded must be on");
        for _ in 0..3 {
            m.record_done();
            m.record_submit();
        }
        m.record_done();
        let s = consistent(m.snapshot());
        assert!(s.overloaded && s.flips == 1, "depth wobbling between 2 and 3 must stay on, one flip so far: {s:?}");
        m.record_done();
        let s = consistent(m.snapshot());
        assert!(!s.overloaded && s.flips == 2, "depth 1 is the low watermark: off, two flips in all: {s:?}");
    });
    // Meanwhile, upstream reads a snapshot: it must be consistent too.
    consistent(monitor.snapshot());
    join(feeder);
}

/// Guarantee: a snapshot taken while submits and completions are being
/// recorded sees each of them whole: the counts and the depth agree, and
/// the flag was decided for the depth it shows (the depth crosses both
/// watermarks here while the caller looks).
fn snapshot_sees_whole_updates<B: Backend>() {
    let monitor = Arc::<B, _>::new(Monitor::<B>::new(3, 1));
    monitor.record_submit();
    monitor.record_submit();
    let m = monitor.clone();
    let worker = spawn::<B, _>("worker", move || {
        m.record_submit(); // depth 3: on
        m.record_done();
        m.record_done(); // depth 1: off
    });
    consistent(monitor.snapshot());
    consistent(monitor.snapshot());
    join(worker);
    let s = consistent(monitor.snapshot());
    assert_eq!((s.depth, s.overloaded, s.flips), (1, false, 2), "up to 3 and back to 1: {s:?}");
}

exercises::suite! {
    exercise: "backpressure_monitor",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [no_update_lost, flag_follows_latest_depth, hysteresis_does_not_flap, snapshot_sees_whole_updates],
}
