//! Guarantee: a fast pool's subscriber hears each pressure transition
//! once, in the order the looks found it, whoever looked: the caller's
//! look and the watcher's own race, and the watcher's last look, after
//! the workers have left, reports the return to Normal.

use super::support::{Latch, Log, gated};
use core::time::Duration;
use executor::sync::Backend;
use executor::{FastPool, Level, PressureConfig, PressureEvent, Scope};

// ANCHOR: fast_pressure_events_once_in_order
/// One worker held while a task queues (the high mark of 1), a look
/// by the caller, then the drain and the shutdown. The watcher's first
/// look may come at any depth; its period is an hour, so under the
/// checkers (whose clocks stand still) it looks at its start and at its
/// stop. A look racing the ring may read a depth that never was (its
/// two counters read at different instants: in a first version of this
/// scenario, loom found the watcher reading 4, a full ring, where 3 were
/// queued, and reporting Saturated), so the scenario checks what the
/// subscriber can rely on: the changes it hears chain (each starts where
/// the last ended, so none is lost, repeated or out of order), rise past
/// Normal, and end at Normal.
pub fn fast_pressure_events_once_in_order<B: Backend>() {
    let heard = Log::<B, (Level, Level)>::shared();
    let log = heard.clone();
    let pool = FastPool::<B>::builder()
        .workers(1)
        .capacity(2)
        .pressure(PressureConfig::watermarks(0, 1))
        .on_pressure(Duration::from_secs(3600), move |e| {
            if let PressureEvent::Level {
                scope: Scope::Pool,
                from,
                to,
                ..
            } = e
            {
                log.push((*from, *to));
            }
        })
        .build()
        .unwrap();
    let (started, release) = (Latch::<B>::shared(), Latch::<B>::shared());
    pool.execute(gated(&started, &release)).unwrap();
    started.wait();
    pool.execute(|| ()).unwrap();
    assert_ne!(pool.pressure().pool, Level::Normal, "one queued");
    release.set();
    pool.shutdown().unwrap();
    let heard = heard.entries();
    let mut at = Level::Normal;
    for &(from, to) in &heard {
        assert_eq!(
            from, at,
            "a change lost, repeated or out of order: {heard:?}"
        );
        at = to;
    }
    assert!(
        heard.len() >= 2 && at == Level::Normal,
        "a rise, then back to Normal: {heard:?}"
    );
}
// ANCHOR_END: fast_pressure_events_once_in_order
