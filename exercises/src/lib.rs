//! Graded concurrency exercises and timed interview drills.
//!
//! Every exercise lives in `catalog/<id>/`: a `skeleton.rs` the learner
//! copies and fills in, a `solution.rs`, `wrong_*.rs` files with one
//! realistic bug each, and a `suite.rs` of scenarios written once against
//! `super::answer` and run, through [`suite::Suite`], under real threads,
//! shuttle and loom. The `drill` CLI compiles a learner's file with its
//! suite in a crate of its own ([`grader`] is that crate's `main`); the
//! authoring tests compile every skeleton, solution and wrong answer with
//! the same suite and check that the suite tells them apart.
//!
//! ```
//! use exercises::registry::Registry;
//! let registry = Registry::load(&exercises::root())?;
//! assert!(registry.course().count() >= 25);
//! assert!(registry.drills.len() >= 4);
//! # Ok::<(), exercises::registry::RegistryError>(())
//! ```

// Catalog files say `exercises::prelude::*` whether they are compiled in a
// grader crate or inside this crate's own tests.
extern crate self as exercises;

pub mod authoring;
pub mod block_on;
pub mod catches;
pub mod grader;
pub mod prelude;
pub mod registry;
pub mod subjects;
pub mod suite;
pub mod trace_check;

/// The model-checking backends the suites run under.
pub mod backends {
    pub use verification::{Loom, Shuttle};
}

/// The `exercises/` folder: registry files and the catalog live here.
pub fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
