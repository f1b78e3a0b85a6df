//! Busy-waiting, recognised. A thread that loops "check, yield, check
//! again" makes schedules without end: loom gives up with "exceeded
//! maximum number of branches" and shuttle with "exceeded max_steps
//! bound". Both read like the checker's own trouble, so the report gets a
//! first line that names the learner's. In the memory-ordering track
//! spinning is the point (the registry entry says `spins = true`), so the
//! line there says how to spin so that loom sees the thread wait.

/// What loom and shuttle say when an execution never ends.
const SIGNS: [&str; 2] = [
    "exceeded maximum number of branches",
    "exceeded max_steps bound",
];

/// The line put before such a report.
pub const NOTE: &str = "looks like busy-waiting: a thread keeps checking a condition \
(yielding or sleeping between checks) instead of blocking, and the checkers explore that \
loop without end. Block on a `Condvar<B>` instead (`wait_while(guard, |state| not yet)`), \
and notify it where the condition changes.";

/// The line put before such a report in an exercise that spins on
/// purpose (the memory-ordering track), where a `Condvar` is not the fix.
pub const SPIN_NOTE: &str = "a spin loop the checkers could not see waiting: call \
`yield_now::<B>()` on every turn, and make each turn a `load` or a `compare_exchange`, \
which writes nothing when it fails. A loop that retries a `swap` writes on every turn, \
and loom explores that loop without end.";

/// `report`, with [`NOTE`] first when it shows busy-waiting, or
/// [`SPIN_NOTE`] when the exercise spins on purpose (`spins`).
pub fn explain(report: &str, spins: bool) -> String {
    let lower = report.to_lowercase();
    if !SIGNS.iter().any(|sign| lower.contains(sign)) {
        return report.to_owned();
    }
    let note = if spins { SPIN_NOTE } else { NOTE };
    format!("{note}\n{report}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loom_and_shuttle_giving_up_reads_as_busy_waiting() {
        for message in [
            "failure: Model exceeded maximum number of branches. This is often caused by an algorithm requiring the processor to make progress",
            "failure: exceeded max_steps bound 100000. this might be caused by an unfair schedule (e.g., a spin loop)?",
        ] {
            assert!(explain(message, false).starts_with(NOTE), "{message}");
            assert!(explain(message, true).starts_with(SPIN_NOTE), "{message}");
        }
        let other = "failure: the actions ran out of order";
        assert_eq!(explain(other, false), other);
        assert_eq!(explain(other, true), other);
    }
}
