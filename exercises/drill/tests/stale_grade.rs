//! A grader is rebuilt when the learner's file has new content, whatever
//! its modification time says: a file copied or restored with an old time
//! must not be graded by the binary built from the previous answer.

mod common;

use common::{Learner, catalog, text};
use std::time::{Duration, SystemTime};

#[test]
fn a_new_answer_with_an_old_time_is_graded_afresh() {
    let learner = Learner::new();
    learner.drill(&[], "");
    let file = learner.file("lost_update.rs");

    std::fs::copy(catalog("lost_update", "wrong_split_increment.rs"), &file).unwrap();
    let out = learner.drill(&["check", "lost_update", "--checker", "loom"], "");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));

    // The reference solution, dated long before the grader was built.
    std::fs::copy(catalog("lost_update", "solution.rs"), &file).unwrap();
    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let out = learner.drill(&["check", "lost_update", "--checker", "loom"], "");
    assert!(
        out.status.success(),
        "the old grader graded the new answer:\n{}",
        text(&out)
    );
}
