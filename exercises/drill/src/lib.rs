//! What the `cargo drill` binary shares with its tests: the book, built
//! with the mdBook library and served on the loopback interface, and the
//! scan that refuses primitives the model checkers cannot see.

pub mod book;
pub mod discipline;
