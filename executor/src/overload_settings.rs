//! The builder's settings for operating under overload and failure: the
//! backpressure signal and its subscriber, latency windows, keeping time,
//! the clock, priorities' aging, and supervision. (Retries are set in
//! `retry`.)

use crate::builder::Builder;
use crate::clock::Clock;
use crate::pressure::{PressureConfig, PressureEvent};
use crate::supervise::{PanicPolicy, RestartIntensity};
use crate::sync::{Arc, Backend};
use core::time::Duration;

impl<B: Backend> Builder<B> {
    // ANCHOR: overload_settings
    /// When the backpressure signal rises and falls (default: watermarks
    /// at a quarter and three quarters of the capacity, depth only). See
    /// [`Pool::pressure`](crate::Pool::pressure).
    pub fn pressure(mut self, config: PressureConfig) -> Self {
        self.pressure = Some(config);
        self
    }

    /// Calls `subscriber` with each change of the backpressure signal:
    /// once each, in the order they happened, outside the pool's lock and
    /// inside a panic boundary, on whichever thread made the change (a
    /// submitter or a worker), or on one already delivering others.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// use executor::{Executor, Level, PressureConfig, PressureEvent};
    /// let seen = Arc::new(Mutex::new(Vec::new()));
    /// let log = seen.clone();
    /// let pool = Executor::builder()
    ///     .workers(1)
    ///     .capacity(2)
    ///     .pressure(PressureConfig::watermarks(0, 1))
    ///     .on_pressure(move |e| log.lock().unwrap().push(*e))
    ///     .build()
    ///     .unwrap();
    /// pool.submit(|| ()).unwrap().join().unwrap();
    /// pool.wait_idle().unwrap();
    /// let seen = seen.lock().unwrap();
    /// // One task queued (the high mark), then taken: up, and back down.
    /// assert!(matches!(seen[..], [PressureEvent::Level { to: Level::Elevated, .. }, PressureEvent::Level { to: Level::Normal, .. }]));
    /// ```
    pub fn on_pressure(
        mut self,
        subscriber: impl Fn(&PressureEvent) + Send + Sync + 'static,
    ) -> Self {
        self.hooks.pressure = Some(Arc::new(Box::new(subscriber)));
        self
    }

    /// Keeps queue-wait and run-time histograms over the last `window`
    /// (default: none are kept); see [`Pool::latency`](crate::Pool::latency). They are recorded
    /// under the pool's lock, two clock readings and two histogram
    /// records per task: measurable on the cheapest tasks (the book's
    /// performance page has the figures), nothing on real ones.
    pub fn latency_window(mut self, window: Duration) -> Self {
        self.latency_window = Some(window);
        self
    }

    /// Shared pools: how many higher-priority tasks may run while a task
    /// waits at the head of its priority level, before it runs next
    /// (default [`DEFAULT_AGING`](crate::DEFAULT_AGING)). See [`Pool::submit_at`](crate::Pool::submit_at).
    pub fn aging(mut self, bound: usize) -> Self {
        self.aging = bound;
        self
    }

    // ANCHOR: timed
    /// Keeps time: each task's queueing, start and end, on the pool's
    /// clock, for queue waits, run times, each worker's last activity
    /// and the stuck tasks of [`Pool::health`](crate::Pool::health). Off by default, because
    /// on the cheapest tasks the clock readings show (the performance
    /// page has the figures); implied by a latency window, a pressure
    /// `target_wait`, and the task hooks.
    pub fn timed(mut self) -> Self {
        self.timed = true;
        self
    }
    // ANCHOR_END: timed

    /// The clock every time the pool keeps comes from (default: the
    /// backend's). Tests pass a [`ManualClock`](crate::ManualClock) to make
    /// time pass at chosen points.
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Some(Arc::new(Box::new(clock)));
        self
    }

    /// What a task's panic does to its worker (default: the worker lives
    /// on). See [`PanicPolicy`].
    pub fn panic_policy(mut self, policy: PanicPolicy) -> Self {
        self.panic_policy = policy;
        self
    }

    /// How many times dead workers are replaced, in how long, before the
    /// pool fails (default: five a minute). See [`Pool::supervision`](crate::Pool::supervision).
    ///
    /// ```
    /// use std::time::Duration;
    /// use executor::{Executor, PanicPolicy, RejectReason, RestartIntensity, TaskError};
    /// let pool = Executor::builder()
    ///     .workers(1)
    ///     .panic_policy(PanicPolicy::RestartWorker)
    ///     .restart_intensity(RestartIntensity { restarts: 1, within: Duration::from_secs(60) })
    ///     .build()
    ///     .unwrap();
    /// # std::panic::set_hook(Box::new(|_| {}));
    /// let first = pool.submit(|| panic!("one")).unwrap();
    /// assert!(matches!(first.join(), Err(TaskError::Panicked { .. })));
    /// # while pool.supervision().restarts == 0 { std::thread::yield_now(); }
    /// assert_eq!(pool.supervision().restarts, 1); // replaced
    /// let second = pool.submit(|| panic!("two")).unwrap();
    /// assert!(second.join().is_err());
    /// # while pool.supervision().failure.is_none() { std::thread::yield_now(); }
    /// let failure = pool.supervision().failure.unwrap(); // past the cap
    /// assert!(failure.cause.contains("more than 1 restarts"), "{}", failure.cause);
    /// assert_eq!(pool.submit(|| ()).unwrap_err().reason, RejectReason::Failed);
    /// ```
    pub fn restart_intensity(mut self, intensity: RestartIntensity) -> Self {
        self.restart_intensity = intensity;
        self
    }
    // ANCHOR_END: overload_settings
}
