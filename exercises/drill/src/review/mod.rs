//! The review drill's material: every wrong answer in the catalog as a
//! snippet to review, its comments stripped, keyed by its diff to the
//! reference solution. The session that shows them is `cargo drill review`.

pub mod snippet;
pub mod strip;
