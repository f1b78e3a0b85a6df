//! A print_in_order answer that polls and yields instead of blocking on
//! the `Condvar`: the task says it is rejected, and the report says why
//! (busy-waiting) rather than only loom's "exceeded maximum number of
//! branches".

mod common;

use common::{Learner, text};

#[test]
fn a_polling_answer_is_named_busy_waiting() {
    let learner = Learner::new();
    learner.drill(&[], "");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/print_in_order_yield_polling.rs");
    std::fs::copy(fixture, learner.file("print_in_order.rs")).unwrap();
    let out = learner.drill(&["check", "print_in_order", "--checker", "loom"], "");
    let shown = text(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("looks like busy-waiting") && shown.contains("Block on a `Condvar<B>`"),
        "{shown}"
    );
    let task = std::fs::read_to_string(common::catalog("print_in_order", "skeleton.rs")).unwrap();
    assert!(
        task.contains("busy-waiting, and it is rejected"),
        "the task says so:\n{task}"
    );
}
