//! Guarantees of the backpressure signal: the level follows the queue up
//! and back down with hysteresis (it never changes while the depth stays
//! inside a band), returns to Normal once the queue drains, and each
//! transition reaches the subscriber once, in order, even when a worker
//! and two submitters change the level at once.

use super::support::Log;
use executor::sync::{Arc, Backend, thread};
use executor::{Level, Pool, PressureConfig, PressureEvent, Scope};

/// The marks of these scenarios: Normal at or below 0, Elevated from 2,
/// Saturated at 3 (full). Depth 1 is inside Elevated's band.
const LOW: usize = 0;
const HIGH: usize = 2;
const FULL: usize = 3;

// ANCHOR: pressure_hysteresis
/// Whether a transition respects the bands `[low, high, full]`: a level
/// is entered only at its entry depth, and left only below its exit depth.
fn respects_bands(event: &PressureEvent, [low, high, full]: [usize; 3]) -> bool {
    let PressureEvent::Level {
        from, to, depth, ..
    } = *event
    else {
        return true;
    };
    match (from < to, to) {
        (true, Level::Saturated) => depth >= full,
        (true, _) => depth >= high,
        (false, Level::Normal) => depth <= low,
        (false, _) => depth < high,
    }
}

/// Checks a subscriber's whole record of the pool scope: each transition
/// starts where the one before it ended (none lost, none twice, none out
/// of order), from Normal, back to Normal; and every one respects the bands.
fn check_transitions(events: &[PressureEvent]) {
    let mut level = Level::Normal;
    for event in events {
        let PressureEvent::Level {
            scope: Scope::Pool,
            from,
            to,
            ..
        } = *event
        else {
            continue;
        };
        assert_eq!(
            from, level,
            "a transition lost, repeated or out of order: {events:?}"
        );
        assert!(
            respects_bands(event, [LOW, HIGH, FULL]),
            "a level changed inside its band: {event} in {events:?}"
        );
        level = to;
    }
    assert_eq!(
        level,
        Level::Normal,
        "the last transition delivered: {events:?}"
    );
}
// ANCHOR_END: pressure_hysteresis

// ANCHOR: pressure_returns_to_normal
/// A worker and two submitters race three tasks through a lane of three:
/// the level rises and falls with the depth, never inside a band, and the
/// subscriber sees a chain of transitions from Normal back to Normal, whoever
/// delivered each one.
pub fn pressure_returns_to_normal<B: Backend>() {
    let log = Log::<B, PressureEvent>::shared();
    let seen = log.clone();
    let pool = Arc::<B, _>::new(
        Pool::<B>::builder()
            .workers(1)
            .capacity(FULL)
            .pressure(PressureConfig::watermarks(LOW, HIGH))
            .on_pressure(move |event| seen.push(*event))
            .build()
            .unwrap(),
    );
    let other = pool.clone();
    let submitter = thread::spawn::<B, _, _>("submitter".into(), move || {
        other.execute(|| ()).unwrap();
    })
    .unwrap();
    pool.execute(|| ()).unwrap();
    pool.execute(|| ()).unwrap();
    submitter.join().unwrap();
    pool.shutdown().unwrap();
    let now = pool.pressure();
    assert_eq!(now.pool, Level::Normal, "drained, yet {now:?}");
    check_transitions(&log.entries());
}
// ANCHOR_END: pressure_returns_to_normal
