//! The authoring check under shuttle: see `exercises::authoring`.
// Each suite is compiled once per variant it grades, on purpose.
#![allow(clippy::duplicate_mod)]

/// The checker family this binary runs.
const FAMILY: &str = "shuttle";

include!(concat!(env!("OUT_DIR"), "/authoring.rs"));
