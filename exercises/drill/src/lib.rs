//! What the `cargo drill` binary shares with its tests: the book, built
//! with the mdBook library and served on the loopback interface.

pub mod book;
