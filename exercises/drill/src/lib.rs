//! What the `cargo drill` binary shares with its tests: the book, built
//! with the mdBook library and served on the loopback interface, the
//! scan that refuses primitives the model checkers cannot see, the
//! mutants derived from each reference solution, and the review drill's
//! snippets.

pub mod book;
pub mod discipline;
pub mod mutate;
pub mod review;
