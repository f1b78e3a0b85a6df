//! Benchmarks of the executor against real peers, on the same shapes.
//!
//! Every pool is wrapped as a [`Contender`] (one file each under
//! [`contenders`]), and every shape ([`throughput`], [`latency`],
//! [`memory`]) is written once, generically, so all contenders run the
//! same driver code: the same task, the same completion [`Latch`], the
//! same handle joining. The criterion benches (`benches/*.rs`) and the
//! `ratios` binary both use these functions; timings are only ever
//! reported, never asserted.

pub mod contender;
pub mod contenders;
pub mod handle;
pub mod latch;
pub mod latency;
pub mod memory;
pub mod throughput;

pub use contender::{Contender, Kind, Visit};
pub use handle::Handle;
pub use latch::Latch;
