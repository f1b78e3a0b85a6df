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

mod builder;
mod error;
mod handle;
mod metrics;
mod partitioned;
mod policy;
mod pool;
mod queue;
pub mod routing;
mod shutdown;
pub mod sizing;
mod submit;
pub mod sync;
mod task;
mod worker;

pub use builder::{Builder, DEFAULT_CAPACITY};
pub use error::{BuildError, LifecycleError, RejectReason, Rejected, ResizeError, TaskError};
pub use handle::TaskHandle;
pub use metrics::{LaneMetrics, Metrics, PartitionMetrics};
pub use partitioned::PartitionedPool;
pub use policy::RejectionPolicy;
pub use pool::Pool;
pub use shutdown::ShutdownReport;
pub use task::{TaskId, Unstarted, panic_message};

/// The production executor: a [`Pool`] on parking_lot and std threads.
pub type Executor = Pool<sync::Std>;

/// The README's code blocks, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
