//! Runs the executor's scenarios under std threads, loom and shuttle.

pub mod backends;
pub mod spurious;

pub use backends::{Loom, Shuttle};
