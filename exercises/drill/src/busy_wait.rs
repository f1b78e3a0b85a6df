//! Busy-waiting, recognised. A thread that loops "check, yield, check
//! again" makes schedules without end: loom gives up with "exceeded
//! maximum number of branches" and shuttle with "exceeded max_steps
//! bound". Both read like the checker's own trouble, so the report gets a
//! first line that names the learner's.

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

/// `report`, with [`NOTE`] first when it shows busy-waiting.
pub fn explain(report: &str) -> String {
    let lower = report.to_lowercase();
    if SIGNS.iter().any(|sign| lower.contains(sign)) {
        format!("{NOTE}\n{report}")
    } else {
        report.to_owned()
    }
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
            assert!(explain(message).starts_with(NOTE), "{message}");
        }
        let other = "failure: the actions ran out of order";
        assert_eq!(explain(other), other);
    }
}
