//! The authoring check under loom: see `exercises::authoring`.
// Each suite is compiled once per variant it grades, on purpose.
#![allow(clippy::duplicate_mod)]

/// The checker family this binary runs.
const FAMILY: &str = "loom";

include!(concat!(env!("OUT_DIR"), "/authoring.rs"));
