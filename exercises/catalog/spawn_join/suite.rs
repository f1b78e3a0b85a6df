//! Grades `spawn_join`: two jobs fan out from the caller and are gathered.

use super::answer::{Fanout, parallel_sum};
use exercises::prelude::*;

/// Guarantee: `join_all` returns every result, in spawn order, only after
/// every job has finished (its side effects included).
fn join_all_waits_for_every_job<B: Backend>() {
    let finished = Arc::<B, _>::new(AtomicUsize::<B>::new(0));
    let mut fan = Fanout::<B, u64>::new();
    for (i, value) in [10, 20].into_iter().enumerate() {
        let finished = finished.clone();
        fan.spawn(&format!("job-{i}"), move || {
            // SeqCst: only for the grader; join is what orders it for you.
            finished.fetch_add(1, Ordering::SeqCst);
            value
        });
    }
    let results = fan.join_all();
    assert_eq!(
        results,
        [10, 20],
        "join_all must return both results in spawn order (a missing one means a thread \
         was not joined before its result was read)"
    );
    assert_eq!(
        finished.load(Ordering::SeqCst),
        2,
        "join_all returned while a job was still running"
    );
}

/// Guarantee: every chunk's sum is counted in the total (and no chunks
/// sum to zero).
fn sum_counts_every_chunk<B: Backend>() {
    let total = parallel_sum::<B>(vec![vec![1, 2], vec![30, 40]]);
    assert_eq!(
        total, 73,
        "parallel_sum([[1, 2], [30, 40]]) returned {total}: a chunk was not counted \
         (was every summer thread joined before the total was read?)"
    );
    assert_eq!(parallel_sum::<B>(Vec::new()), 0, "the sum of no chunks is 0");
}

exercises::suite! {
    exercise: "spawn_join",
    checkers: ["std", "shuttle", "loom"],
    scenarios: [join_all_waits_for_every_job, sum_counts_every_chunk],
}
