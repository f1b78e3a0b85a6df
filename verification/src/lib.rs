//! Runs the executor's scenarios under std threads, loom and shuttle.
//!
//! - [`backends`]: `Loom` and `Shuttle`, the executor's `Backend` trait on
//!   the model checkers' primitives;
//! - [`check`]: the harness that runs one scenario under every checker;
//! - [`scenarios`]: the scenarios, each guarding one named guarantee;
//! - [`trace`], [`report`], [`panics`]: readable failures.

pub mod backends;
pub mod check;
pub mod panics;
pub mod report;
pub mod scenarios;
pub mod spurious;
pub mod trace;
pub mod zoo;

pub use backends::{Loom, Shuttle};
