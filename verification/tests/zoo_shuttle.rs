//! The bug zoo under shuttle (random and PCT): each bug listed for a
//! scheduler is found, and its correct twin passes.

mod zoo_shuttle_random {
    verification::zoo_tests!(ShuttleRandom);
}

mod zoo_shuttle_pct {
    verification::zoo_tests!(ShuttlePct);
}
