//! The failure report a learner reads when a check fails.

use std::fmt;

/// How every report starts (the panic hook recognises it by this).
pub const HEADER: &str = "\n==== check failed";

/// Everything known about one failed check.
#[derive(Debug)]
pub struct Report {
    /// The scenario's name.
    pub scenario: String,
    /// The checker and its settings, e.g. "loom (preemption bound 2)".
    pub checker: String,
    /// The failure: an assertion message, a deadlock, a leak.
    pub message: String,
    /// The rendered trace of the failing execution (absent for real
    /// threads): see [`crate::trace::Trace::render`].
    pub trace: Option<String>,
    /// How to replay exactly this failure.
    pub replay: String,
}

// ANCHOR: report_display
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{HEADER}: scenario `{}` under {} ====",
            self.scenario, self.checker
        )?;
        writeln!(f, "failure: {}", self.message.trim_end())?;
        match &self.trace {
            Some(trace) => write!(f, "{trace}")?,
            None => writeln!(
                f,
                "(real threads are not traced: run the scenario under loom or shuttle for \
                 thread states and a step table)"
            )?,
        }
        writeln!(f, "replay: {}", self.replay)
    }
}
// ANCHOR_END: report_display

impl Report {
    /// Renders the report, failing with it if any of `needles` is missing:
    /// for tests that pin down what a learner gets to read.
    pub fn assert_mentions(&self, needles: &[&str]) -> String {
        let text = self.to_string();
        for needle in needles {
            assert!(
                text.contains(needle),
                "the report lacks {needle:?}:\n{text}"
            );
        }
        text
    }
}
