//! The authoring check under std: see `exercises::authoring`.
// Each suite is compiled once per variant it grades, on purpose.
#![allow(clippy::duplicate_mod)]

/// The checker family this binary runs.
const FAMILY: &str = "std";

include!(concat!(env!("OUT_DIR"), "/authoring.rs"));

#[test]
fn catalog_matches_registry() {
    exercises::authoring::check_catalog(VARIANTS);
}
