//! The bug zoo under loom: each bug listed for loom is found, and its
//! correct twin passes.

mod zoo_loom {
    verification::zoo_tests!(Loom);
}
