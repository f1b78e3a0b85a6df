//! The bug zoo on real threads: the bugs real threads find reliably (those
//! that fail on every schedule) are found; every correct twin passes.

mod zoo_std {
    verification::zoo_tests!(Std);
}
