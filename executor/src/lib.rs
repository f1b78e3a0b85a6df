//! A bounded-queue worker pool written once against a swappable sync backend.
//!
//! ```
//! use executor::Executor;
//! let pool = Executor::builder().workers(4).capacity(64).build()?;
//! let answer = pool.submit(|| 6 * 7).expect("accepted").join()?;
//! assert_eq!(answer, 42);
//! pool.shutdown()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The same `Pool<B>` runs on real threads ([`sync::Std`]) and, in the
//! `verification` crate, under the loom and shuttle model checkers.

mod attempt;
mod backlog;
mod builder;
mod cancellation;
mod clock;
mod compensate;
mod dead_letter;
mod error;
pub mod fast;
mod gauge;
mod handle;
mod health;
mod hooks;
mod idle;
mod lane;
mod latency;
mod map;
mod metrics;
mod monitor;
mod observe;
mod overload_settings;
pub mod parking;
mod partitioned;
mod policy;
mod pool;
mod pressure;
mod promise;
mod queue;
mod resize;
mod retry;
mod retry_job;
pub mod ring;
pub mod routing;
mod shared;
mod shutdown;
pub mod sizing;
mod submit;
mod supervise;
pub mod sync;
mod task;
mod task_set;
mod worker;

pub use builder::{Builder, DEFAULT_AGING, DEFAULT_CAPACITY};
pub use cancellation::CancelSignal;
pub use clock::{BackendClock, Clock, ManualClock};
pub use dead_letter::{Attempt, DeadLetter, DeadReason};
pub use error::{
    BuildError, LifecycleError, MapError, RejectReason, Rejected, ResizeError, ResubmitError,
    RetryError, TaskError, WaitTimedOut,
};
pub use fast::{
    FastBuilder, FastExecutor, FastMetrics, FastPartitionedExecutor, FastPartitionedPool, FastPool,
};
pub use handle::{Polled, TaskHandle};
pub use health::{Health, Stuck, WorkerHealth};
pub use hooks::{TaskEvent, WorkerEvent};
pub use lane::Priority;
pub use latency::{Latency, LatencySnapshot, Percentiles};
pub use map::Map;
pub use metrics::{LaneMetrics, Metrics, PartitionMetrics};
pub use observe::{LanePressure, PressureSnapshot};
pub use partitioned::PartitionedPool;
pub use policy::RejectionPolicy;
pub use pool::Pool;
pub use pressure::{Cause, Level, PressureConfig, PressureEvent, Scope};
pub use retry::{DEFAULT_DEAD_LETTERS, KeyOrder, RetryBudget, RetryPolicy};
pub use shutdown::ShutdownReport;
pub use supervise::{Failure, InFlight, PanicPolicy, RestartIntensity, Supervision};
pub use task::{Outcome, TaskId, Unstarted, panic_message};
pub use task_set::{Finished, TaskSet};

/// The production executor: a [`Pool`] on parking_lot and std threads.
pub type Executor = Pool<sync::Std>;

/// The README's code blocks, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
